"""The benchmark's generated library: replies as long, repetitive and polyphonic as real ones.

Real shop replies (platform notes, issue 16) have a median of ~20 characters, a p90 of ~63 and
a maximum of ~650; they share long phrases (亲爱哒, 小妹这边, 请问还有其他可以帮到您的吗),
repeat near-identical sentences that differ in a few characters, carry desensitised tokens
(``[数字x]``, ``#E-s[数字x]``) and polyphones read by context (着急 zhaoji, 会计 kuaiji, 会的
hui). A library of short word mixes was ~7× easier to search, so the figures it gave were not
the ones agents get. Lengths are log-normal fitted to those quantiles; about a third of the
replies are an earlier reply with a few characters changed; titles are the reply's opening
words for half of them (as shops that import chat logs have), a topic for the rest.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet

# Log-normal fitted to real replies: median 20, p90 63 (z = 1.2816), capped at 650.
_MU = math.log(20)
_SIGMA = math.log(63 / 20) / 1.2816
_MAX_LEN = 650

# (group, topic, code stem, tags, buyer questions)
_TOPICS: tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("售后/退换", "退货地址", "thdz", ("退货", "地址"), ("退货寄到哪里", "退货地址是多少")),
    ("售后/退换", "七天无理由退货", "qtwly", ("退货", "无理由"), ("可以七天无理由吗",)),
    ("售后/退换", "换货流程", "hh", ("换货", "尺码"), ("怎么换货", "尺码不合适能换吗")),
    ("售后/退款", "退款进度", "tkjd", ("退款", "进度"), ("退款什么时候到账", "钱怎么还没退")),
    ("售后/退款", "退款退货", "tk", ("退款", "退货"), ("怎么申请退款",)),
    ("售后/质量", "破损补发", "psbf", ("破损", "补发"), ("收到的东西坏了", "包装破了怎么办")),
    ("售后/质量", "色差说明", "sc", ("色差", "颜色"), ("颜色和图片不一样",)),
    ("售后/投诉", "投诉安抚", "ts", ("投诉", "安抚"), ("我要投诉", "你们服务太差了")),
    ("物流/快递", "合作快递", "kd", ("快递", "发货"), ("发什么快递", "能发顺丰吗")),
    ("物流/延迟", "物流延迟安抚", "yc", ("延迟", "物流"), ("快递怎么还没到",)),
    ("物流/发货", "发货时间", "fh", ("发货", "时间"), ("什么时候发货", "今天能发吗")),
    ("物流/发货", "催发货", "cfh", ("发货",), ("能快点发吗", "怎么还不发货")),
    ("物流/快递", "修改地址", "xgdz", ("地址", "修改"), ("地址填错了", "能改地址吗")),
    ("物流/快递", "物流查询", "wlcx", ("物流", "查询"), ("到哪里了", "怎么查物流")),
    ("售前/商品", "尺码推荐", "cm", ("尺码", "推荐"), ("我穿什么码", "身高一米七选多大")),
    ("售前/商品", "库存查询", "kc", ("库存", "现货"), ("有货吗", "还有现货吗")),
    ("售前/商品", "材质说明", "cz", ("材质", "面料"), ("什么面料的", "是纯棉的吗")),
    ("售前/接待", "欢迎语", "hy", ("欢迎", "开场"), ("在吗", "有人吗")),
    ("售前/接待", "结束语", "jsy", ("结束", "感谢"), ("好的谢谢", "没问题了")),
    ("活动/优惠", "优惠券使用", "yhq", ("优惠券", "满减"), ("优惠券怎么用", "能用券吗")),
    ("活动/优惠", "包邮条件", "by", ("包邮", "运费"), ("包邮吗", "几件包邮")),
    ("活动/优惠", "价格保护", "jgbh", ("保价", "差价"), ("降价了能退差价吗",)),
    ("活动/双11", "预售说明", "ys", ("预售", "定金"), ("定金能退吗", "尾款什么时候付")),
    ("支付/发票", "发票开具", "fp", ("发票", "开票"), ("能开发票吗", "发票怎么开")),
    ("支付/付款", "付款方式", "fk", ("付款", "支付"), ("能货到付款吗", "可以分期吗")),
    ("会员/积分", "会员积分", "jf", ("会员", "积分"), ("积分怎么用", "会员有什么优惠")),
    ("售后/保修", "保修政策", "bx", ("保修", "维修"), ("保修多久", "坏了能修吗")),
    ("售后/退换", "运费险说明", "yfx", ("运费险", "退货"), ("有运费险吗", "退货运费谁出")),
)

# Long phrases nearly every real reply opens or closes with.
_OPENINGS = (
    "亲爱哒~",
    "亲爱哒，",
    "小妹这边",
    "亲亲，小妹这边",
    "您好，这边是[数字x]号客服小妹，",
    "亲，",
    "亲亲~",
    "您好亲，",
    "",
    "",
)
_CLOSINGS = (
    "请问还有其他可以帮到您的吗？",
    "请问还有其他可以帮到您的吗~",
    "还有其他问题可以随时联系小妹哦~",
    "感谢您的理解与支持~",
    "祝您生活愉快！",
    "#E-s[数字x]",
    "",
    "",
    "",
)
# Body sentences: shop vocabulary with the polyphones real replies are full of (着急, 还有,
# 会计, 会的, 银行, 重新, 长, 行, 觉得, 处理, 发货, 好的, 地址, 数量) and desensitised numbers.
_SENTENCES = (
    "小妹这边帮您查询了一下，您的包裹已经在派送中了",
    "亲爱哒不要着急，小妹马上帮您处理",
    "您的订单号是[数字x]，小妹这边已经帮您备注加急了",
    "快递单号为[数字x]，您可以在订单详情里查看物流",
    "仓库会在[数字x]小时内为您安排发货",
    "我们默认发中通快递，需要顺丰的话可以补运费差价",
    "本店支持七天无理由退货，商品不影响二次销售即可",
    "签收后7天内可以申请退换，吊牌请保持完好",
    "退款会原路退回到您的支付账户，银行卡一般需要一到三个工作日",
    "会计那边核对后会给您开具电子发票",
    "这个问题小妹会的，您稍等一下哦",
    "您说的情况小妹已经记录下来了，会尽快给您答复",
    "亲，确认收货后就可以申请开发票了",
    "麻烦您确认收货后给个五星好评哦",
    "非常抱歉给您带来不好的体验，麻烦拍一下破损的照片发给我们",
    "确认后我们马上为您补发，运费由我们承担",
    "图片均为实物拍摄，不同显示器可能会有轻微色差",
    "您的心情小妹完全理解，换成是我也会着急的",
    "还有两件在途中，预计明后天就能送到",
    "这款衣服长度是[数字x]厘米，身高一米七左右的亲穿着刚好",
    "如果觉得尺码不合适，可以申请换货，来回运费我们承担",
    "下午四点前付款的订单当天发货，之后的第二天发出",
    "全店满九十九元包邮，偏远地区除外",
    "优惠券在下单时会自动抵扣，店铺券和平台券可以叠加使用",
    "预售商品需要先付定金，尾款在活动当天支付",
    "这款是百分之九十五棉加五氨纶，柔软透气，洗涤时建议冷水手洗",
    "会员日全场九折，积分可以在下单时抵扣现金",
    "本品全国联保一年，保修期内非人为损坏免费维修",
    "重新给您寄出一份，新的快递单号稍后发给您",
    "银行那边到账时间以银行为准，请您耐心等待",
    "这边看到您的地址是[地址x]，请问需要修改吗",
    "小妹已经帮您联系快递催促了，有消息第一时间通知您",
    "目前库存紧张，喜欢的话尽快下单哦",
    "行的亲，小妹这就帮您改好",
    "好的亲，数量已经帮您改成[数字x]件了",
    "物流显示已经到达您所在城市的分拣中心了",
    "大促期间快递量大，物流会有一些延迟，还请您多多包涵",
    "您可以把宝贝加入购物车，想好了随时来找小妹",
    "降价可以申请退差价，价格保护期是十五天",
    "退货请寄到我们的售后仓库，地址在订单详情里可以看到",
)
# Near-duplicates: the small changes real replies differ by.
_SWAPS = (
    ("亲爱哒", "亲亲"),
    ("小妹", "客服"),
    ("您", "你"),
    ("一下", "下"),
    ("哦", "呢"),
    ("，", "~"),
    ("马上", "立刻"),
    ("快递", "物流"),
    ("帮您", "给您"),
    ("亲，", "亲亲，"),
    ("已经", "已"),
    ("请", "麻烦"),
    ("的", "滴"),
)
_MODIFIERS = ("", "老客户", "大促", "夜间", "顺丰", "偏远地区", "加急", "会员", "新客", "海外")


def _length(rng: random.Random) -> int:
    return max(4, min(_MAX_LEN, round(rng.lognormvariate(_MU, _SIGMA))))


def _compose(rng: random.Random, length: int) -> str:
    """A reply of ``length`` characters from the shared openings, sentences and closings."""
    closing = rng.choice(_CLOSINGS)
    if length < len(closing) + 8:
        closing = ""
    parts = [rng.choice(_OPENINGS)]
    size = len(parts[0])
    body = length - len(closing)
    while size < body:
        sentence = rng.choice(_SENTENCES)
        parts.append(sentence + ("，" if rng.random() < 0.6 else "。"))
        size += len(parts[-1])
    text = "".join(parts)[:body].rstrip("，。")
    return text + ("，" + closing if closing and not closing.startswith("#") else closing)


def _near_duplicate(rng: random.Random, text: str) -> str:
    """``text`` with one or two small changes, as real replies repeat each other."""
    for _ in range(rng.randint(1, 2)):
        swaps = [(old, new) for old, new in _SWAPS if old in text]
        if swaps:
            old, new = rng.choice(swaps)
            text = text.replace(old, new, 1)
        else:
            text = text.replace("[数字x]", "[数字y]", 1) if "[数字x]" in text else text + "~"
    return text


def generate_library(count: int, seed: int = 7) -> Library:
    """A deterministic library of ``count`` real-like replies in one pack."""
    rng = random.Random(seed)
    snippets: list[Snippet] = []
    texts: list[str] = []
    for n in range(count):
        group, topic, stem, tags, questions = _TOPICS[n % len(_TOPICS)]
        round_ = n // len(_TOPICS)
        if texts and rng.random() < 0.35:
            text = _near_duplicate(rng, rng.choice(texts[-500:]))
        else:
            text = _compose(rng, _length(rng))
        texts.append(text)
        if rng.random() < 0.5:
            opening = next((o for o in _OPENINGS if o and text.startswith(o)), "")
            title = text[len(opening) : len(opening) + rng.randint(6, 14)].strip("，。~")
        else:
            modifier = _MODIFIERS[round_ % len(_MODIFIERS)]
            title = f"{topic}{'-' + modifier if modifier else ''}"
        title = f"{title or topic}{round_ if round_ else ''}"
        code = (f"{stem}{round_}" if round_ else stem) if rng.random() < 0.4 else ""
        snippets.append(
            Snippet(
                id=f"gen.{n}",
                title=title,
                variants=(text,),
                code=code[:12],
                group=group,
                tags=tags if rng.random() < 0.5 else (),
                examples=questions if rng.random() < 0.3 else (),
                note="",
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


def length_quantiles(library: Library) -> tuple[int, int, int]:
    """Median, p90 and maximum text length: what makes a library as hard as real replies."""
    lengths = sorted(len(v) for s in library.snippets() for v in s.variants)
    if not lengths:
        return 0, 0, 0
    return lengths[len(lengths) // 2], lengths[int(len(lengths) * 0.9)], lengths[-1]
