"""``quickreply bench search``: build, cache-load and per-keystroke search latency.

Without ``--pack`` it generates a library of realistic Chinese customer-service replies (groups,
titles, shortcut codes, tags, buyer questions, texts composed from phrases below). It then types
a fixed set of queries an agent would type (汉字 as an IME commits them, pinyin, initials, codes,
mixed ``tk退``, several terms, a group filter, a typo) one character at a time and times each
keystroke's ``search``. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet

# (group, topic title, code stem, tags, buyer questions, body sentences)
_TOPICS: tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "售后/退换",
        "退货地址",
        "thdz",
        ("退货", "地址"),
        ("退货寄到哪里", "退货地址是多少"),
        ("退货请寄到我们的售后仓库，地址在订单详情里可以看到", "寄回时请在包裹里附上订单号"),
    ),
    (
        "售后/退换",
        "七天无理由退货",
        "qtwly",
        ("退货", "无理由"),
        ("可以七天无理由吗", "不喜欢能退吗"),
        ("本店支持七天无理由退货，商品不影响二次销售即可", "请在订单页面点击申请售后"),
    ),
    (
        "售后/退换",
        "换货流程",
        "hh",
        ("换货", "尺码"),
        ("怎么换货", "尺码不合适能换吗"),
        ("换货请先申请售后，选择换货并填写需要的尺码", "我们收到退回的商品后会尽快给您寄出新的"),
    ),
    (
        "售后/退款",
        "退款进度",
        "tkjd",
        ("退款", "进度"),
        ("退款什么时候到账", "钱怎么还没退"),
        ("退款已经在处理中，原路退回一般需要一到三个工作日", "银行卡退款到账时间以银行为准"),
    ),
    (
        "售后/退款",
        "退款退货",
        "tk",
        ("退款", "退货"),
        ("怎么申请退款", "我要退货退款"),
        ("您可以在订单页面申请退货退款，我们审核后会第一时间处理",),
    ),
    (
        "售后/质量",
        "破损补发",
        "psbf",
        ("破损", "补发"),
        ("收到的东西坏了", "包装破了怎么办"),
        ("非常抱歉给您带来不好的体验，麻烦拍一下破损的照片发给我们", "确认后我们马上为您补发"),
    ),
    (
        "售后/质量",
        "色差说明",
        "sc",
        ("色差", "颜色"),
        ("颜色和图片不一样", "有色差吗"),
        ("图片均为实物拍摄，不同显示器可能会有轻微色差", "介意的话可以联系我们处理"),
    ),
    (
        "售后/投诉",
        "投诉安抚",
        "ts",
        ("投诉", "安抚"),
        ("我要投诉", "你们服务太差了"),
        ("非常抱歉让您不满意了，您的问题我们一定负责到底", "我这边马上为您加急处理"),
    ),
    (
        "物流/快递",
        "合作快递",
        "kd",
        ("快递", "发货"),
        ("发什么快递", "能发顺丰吗"),
        ("我们默认发中通快递，需要顺丰的话可以补运费差价", "偏远地区默认发邮政"),
    ),
    (
        "物流/延迟",
        "物流延迟安抚",
        "yc",
        ("延迟", "物流"),
        ("快递怎么还没到", "物流好几天没动了"),
        ("非常抱歉，大促期间快递量大，物流会有一些延迟", "我们已经帮您联系快递催促了"),
    ),
    (
        "物流/发货",
        "发货时间",
        "fh",
        ("发货", "时间"),
        ("什么时候发货", "今天能发吗"),
        ("下午四点前付款的订单当天发货，之后的第二天发出", "预售商品按页面写的时间发货"),
    ),
    (
        "物流/发货",
        "催发货",
        "cfh",
        ("催单", "发货"),
        ("能快点发吗", "怎么还不发货"),
        ("已经帮您备注加急了，仓库会优先安排发出", "发出后物流信息会同步更新"),
    ),
    (
        "物流/快递",
        "修改地址",
        "xgdz",
        ("地址", "修改"),
        ("地址填错了", "能改地址吗"),
        ("还没发货的话可以帮您修改地址，麻烦把新地址发给我", "已经发出的需要联系快递改派"),
    ),
    (
        "物流/快递",
        "物流查询",
        "wlcx",
        ("物流", "查询"),
        ("到哪里了", "怎么查物流"),
        ("您在订单详情里点击查看物流就能看到最新进度", "我这边也帮您查了一下，已经在派送中"),
    ),
    (
        "售前/商品",
        "尺码推荐",
        "cm",
        ("尺码", "推荐"),
        ("我穿什么码", "身高一米七选多大"),
        ("麻烦告诉我您的身高体重，我帮您推荐合适的尺码", "平时穿M码的亲建议选L码"),
    ),
    (
        "售前/商品",
        "库存查询",
        "kc",
        ("库存", "现货"),
        ("有货吗", "还有现货吗"),
        ("这款目前有现货，拍下后当天就能发出", "部分颜色库存紧张，喜欢的话尽快下单哦"),
    ),
    (
        "售前/商品",
        "材质说明",
        "cz",
        ("材质", "面料"),
        ("什么面料的", "是纯棉的吗"),
        ("这款是百分之九十五棉加五氨纶，柔软透气", "洗涤时建议冷水手洗"),
    ),
    (
        "售前/接待",
        "欢迎语",
        "hy",
        ("欢迎", "开场"),
        ("在吗", "有人吗"),
        ("亲，在的，欢迎光临本店，有什么可以帮您的吗",),
    ),
    (
        "售前/接待",
        "结束语",
        "jsy",
        ("结束", "感谢"),
        ("好的谢谢", "没问题了"),
        ("感谢您的支持，祝您生活愉快，有问题随时找我哦",),
    ),
    (
        "活动/优惠",
        "优惠券使用",
        "yhq",
        ("优惠券", "满减"),
        ("优惠券怎么用", "能用券吗"),
        ("下单时系统会自动使用可用的优惠券", "店铺券和平台券可以叠加使用"),
    ),
    (
        "活动/优惠",
        "包邮条件",
        "by",
        ("包邮", "运费"),
        ("包邮吗", "几件包邮"),
        ("全店满九十九元包邮，偏远地区除外", "差一点的话可以凑单哦"),
    ),
    (
        "活动/优惠",
        "价格保护",
        "jgbh",
        ("保价", "差价"),
        ("降价了能退差价吗", "买贵了"),
        ("本店支持十五天价格保护，降价可以申请退差价",),
    ),
    (
        "活动/双11",
        "预售说明",
        "ys",
        ("预售", "定金"),
        ("定金能退吗", "尾款什么时候付"),
        ("预售商品需要先付定金，尾款在活动当天支付", "定金在尾款未付时不退哦"),
    ),
    (
        "支付/发票",
        "发票开具",
        "fp",
        ("发票", "开票"),
        ("能开发票吗", "发票怎么开"),
        ("可以开具电子发票，确认收货后在订单页面申请即可", "需要专票的请提供税号"),
    ),
    (
        "支付/付款",
        "付款方式",
        "fk",
        ("付款", "支付"),
        ("能货到付款吗", "可以分期吗"),
        ("支持支付宝、银行卡和花呗分期", "货到付款需要另付手续费"),
    ),
    (
        "会员/积分",
        "会员积分",
        "jf",
        ("会员", "积分"),
        ("积分怎么用", "会员有什么优惠"),
        ("消费一元积一分，积分可以在下单时抵扣现金", "会员日全场九折"),
    ),
    (
        "售后/保修",
        "保修政策",
        "bx",
        ("保修", "维修"),
        ("保修多久", "坏了能修吗"),
        ("本品全国联保一年，保修期内非人为损坏免费维修",),
    ),
    (
        "售后/退换",
        "运费险说明",
        "yfx",
        ("运费险", "退货"),
        ("有运费险吗", "退货运费谁出"),
        ("订单带运费险的退货时运费会自动理赔", "没有运费险的非质量问题需要您承担运费"),
    ),
)
_MODIFIERS = (
    "",
    "老客户",
    "大促",
    "夜间",
    "顺丰",
    "偏远地区",
    "加急",
    "安抚",
    "简短",
    "详细",
    "会员",
    "新客",
    "二次",
    "催单",
    "海外",
    "企业",
)
_OPENINGS = ("亲，", "亲爱的，", "您好，", "亲亲，", "")
_CLOSINGS = ("有问题随时找我哦~", "感谢您的理解~", "祝您购物愉快！", "", "请您放心~")

# Typed one character at a time. IMEs commit whole 汉字, so a Chinese query grows per character.
QUERIES: tuple[str, ...] = (
    "退货",
    "tuihuo",
    "thdz",
    "kd",
    "tk退",
    "快递 延迟",
    "/物流 延迟",
    "发票",
    "fp",
    "youhuiquan",
    "yhq",
    "尺码",
    "chima",
    "退貨地址",
    "破损 补发",
    "qtwly",
    "baoyou",
    "催发货",
    "/售后 退款",
    "huanhuo",
    "修改地址",
    "xgdz",
    "运费险",
    "yunfeixian",
    "tiuhuo",
    "wuliu chaxun",
    "预售",
    "jgbh",
    "会员积分",
    "baoxiu",
)


def generate_library(count: int, seed: int = 7) -> Library:
    """A deterministic library of ``count`` realistic snippets in one pack."""
    rng = random.Random(seed)
    snippets: list[Snippet] = []
    for n in range(count):
        group, topic, stem, tags, questions, bodies = _TOPICS[n % len(_TOPICS)]
        round_ = n // len(_TOPICS)
        modifier = _MODIFIERS[round_ % len(_MODIFIERS)]
        serial = round_ // len(_MODIFIERS)
        title = f"{topic}{'-' + modifier if modifier else ''}{serial if serial else ''}"
        body = "".join(rng.sample(bodies, k=len(bodies)))
        text = f"{rng.choice(_OPENINGS)}{body}，{rng.choice(_CLOSINGS)}"
        code = f"{stem}{round_}" if round_ else stem
        snippets.append(
            Snippet(
                id=f"gen.{n}",
                title=title,
                variants=(text,),
                code=code[:12],
                group=group,
                tags=tags,
                examples=questions,
                note="买家问到时使用",
                pack_id="bench.generated",
                path="<generated>",
                line=n + 1,
            )
        )
    pack = Pack(
        PackMeta("bench.generated", "生成的话术库"),
        tuple(snippets),
        Path("<generated>"),
        PackSource.EXTRA,
    )
    return Library(packs=(pack,))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--snippets", type=int, default=10_000, metavar="N")
    parser.add_argument(
        "--pack", action="append", type=Path, default=[], metavar="PATH", dest="bench_pack"
    )


def _load_packs(paths: list[Path]) -> Library:
    from quickreply.core.packs import PackDir, load_library

    return load_library([PackDir(path, PackSource.EXTRA) for path in paths])


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[k]


def run(args: argparse.Namespace) -> int:
    from quickreply.core.cacheseal import Seal
    from quickreply.core.search import SearchIndex

    packs: list[Path] = list(getattr(args, "bench_pack", []) or [])
    if packs:
        library = _load_packs(packs)
        for problem in library.problems:
            print(problem, file=sys.stderr)
    else:
        library = generate_library(max(1, int(args.snippets)))
    print(f"library: {len(library)} snippets")

    with tempfile.TemporaryDirectory(prefix="qr-bench-") as tmp:
        cache = Path(tmp) / "cache"
        seal = Seal.load_or_create(Path(tmp) / "config" / "cache.key")
        start = time.perf_counter()
        built = SearchIndex.build(library)
        build_ms = (time.perf_counter() - start) * 1000
        SearchIndex.load_or_build(library, cache, seal=seal)  # writes the cache
        start = time.perf_counter()
        index = SearchIndex.load_or_build(library, cache, seal=seal)
        cached_load_ms = (time.perf_counter() - start) * 1000
    del built
    print(f"build {build_ms:.0f} ms, load from cache {cached_load_ms:.0f} ms")

    timings: list[float] = []
    for query in QUERIES:
        index.search("")  # the palette opens empty
        for k in range(1, len(query) + 1):
            start = time.perf_counter()
            hits = index.search(query[:k])
            timings.append((time.perf_counter() - start) * 1000)
        top = hits[0].snippet.title if hits else "-"
        print(f"{query!r:>18}: {len(hits):3d} hits, first {top}")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "snippets": len(library),
        "build_ms": round(build_ms, 1),
        "cached_load_ms": round(cached_load_ms, 1),
        "p50_ms": round(_percentile(timings, 0.50), 3),
        "p95_ms": round(_percentile(timings, 0.95), 3),
        "max_ms": round(max(timings), 3),
        "rss_mb": round(rss_mb, 1),
    }
    print(f"{len(timings)} keystrokes: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms")
    print(json.dumps(result, ensure_ascii=False))
    return 0
