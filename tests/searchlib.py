"""A small library for search tests (returns, couriers, delays, payment, sizes) and helpers."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet
from quickreply.core.search import SearchIndex

NOW = datetime(2024, 11, 11, 12, 0, tzinfo=UTC)


def snip(
    sid: str,
    title: str,
    text: str = "亲，在的~",
    code: str = "",
    group: str = "",
    tags: tuple[str, ...] = (),
    examples: tuple[str, ...] = (),
) -> Snippet:
    return Snippet(
        id=sid,
        title=title,
        variants=(text,),
        code=code,
        group=group,
        tags=tags,
        examples=examples,
        pack_id="t",
    )


def library(*snippets: Snippet) -> Library:
    pack = Pack(PackMeta("t", "测试"), tuple(snippets), Path("t.yaml"), PackSource.SHIPPED)
    return Library(packs=(pack,))


LIB = library(
    snip(
        "return.addr",
        "退货地址",
        "亲，退货请寄到售后仓库",
        code="thdz",
        group="售后/退换",
        tags=("地址",),
    ),
    snip(
        "return.flow",
        "退款退货流程",
        "亲，在订单页申请退货退款即可",
        code="tk",
        group="售后/退换",
        tags=("退货", "退款"),
        examples=("怎么退货",),
    ),
    snip(
        "courier",
        "合作快递",
        "亲，我们默认发中通快递哦",
        code="kd",
        group="物流/快递",
        tags=("快递", "发货"),
        examples=("发什么快递", "能发顺丰吗"),
    ),
    snip(
        "delay",
        "物流延迟安抚",
        "亲，非常抱歉，快递延迟了，帮您催一下",
        code="yc",
        group="物流/延迟",
        tags=("延迟",),
    ),
    snip(
        "delay.big",
        "大促延迟说明",
        "亲，大促期间快递延迟，请耐心等待",
        code="dcyc",
        group="物流/延迟",
    ),
    snip("bank", "银行卡付款", "支持银行卡和花呗", code="yhk", group="支付"),
    snip("owner", "店长推荐", "这款是店长推荐的爆款", group="售前"),
    snip("phone", "手机型号", "亲，iPhone 15 有现货", code="sj", group="售前"),
    snip("kdzx", "快递咨询说明", "亲，快递问题找我", code="kdzx", group="物流/快递"),
    snip("size", "尺码推荐", "亲，告诉我身高体重帮您推荐尺码", code="cm", group="售前"),
)


def ids(index: SearchIndex, query: str, limit: int = 50) -> list[str]:
    return [hit.snippet.id for hit in index.search(query, limit)]
