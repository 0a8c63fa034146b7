"""What an agent types on the shipped packs, and the reply that must come first.

The table is written against snippets/*.yaml. When a shipped snippet is renamed on purpose,
update its row here; a row failing for any other reason is a ranking regression.
"""

from __future__ import annotations

import pytest

from quickreply.core.packs import default_dirs, load_library
from quickreply.core.paths import AppPaths
from quickreply.core.search import SearchIndex

FIRST: list[tuple[str, str]] = [
    # 汉字 (title prefix, title substring, tags, examples)
    ("退货地址", "return.address"),
    ("退款进度", "refund.progress"),
    ("合作快递", "courier.which"),
    ("顺丰", "courier.sf"),
    ("丢件", "lost.parcel"),
    ("破损", "damaged.item"),
    ("发错", "wrong.item"),
    ("漏发", "missing.item"),
    ("色差", "product.color"),
    ("正品", "product.genuine"),
    ("包邮", "shipping.free"),
    ("发票", "order.invoice"),
    ("取消订单", "order.cancel"),
    ("好评", "review.thanks"),
    ("追评", "review.ask_update"),
    ("转接", "presale.transfer"),
    ("赠品", "price.gift"),
    ("价保", "price.protect"),
    ("现货", "stock.available"),
    ("预售", "stock.presale_item"),
    ("驿站", "track.pickup"),
    ("春节", "delay.holiday"),
    ("洗涤", "usage.care"),
    ("晚安", "close.night"),
    ("新疆包邮", "shipping.free"),
    ("改地址", "order.address_change"),
    # shortcut codes: exact code beats everything
    ("thdz", "return.address"),
    ("kd", "courier.which"),
    ("tkjd", "refund.progress"),
    ("hdfk", "order.cod_notice"),
    ("yhq", "promo.coupon"),
    ("cm", "product.size_ask"),
    ("sf", "courier.sf"),
    # full pinyin and initials of titles
    ("shunfeng", "courier.sf"),
    ("diujian", "lost.parcel"),
    ("posun", "damaged.item"),
    ("fapiao", "order.invoice"),
    ("sechai", "product.color"),
    ("baoyou", "shipping.free"),
    ("yhqyb", "promo.coupon_fail"),
    ("tkjdu", "refund.progress"),  # code prefix tkjd… then initials
    ("qxdd", "order.cancel"),
    # traditional characters
    ("退貨地址", "return.address"),
    ("開發票", "order.invoice"),
    ("順豐", "courier.sf"),
    # mixed initials + 汉字
    ("tk退", "refund.progress"),
    ("hd付", "order.cod_notice"),
    # several terms, group filter
    ("差评 物流", "review.explain_logistics"),
    ("差评 质量", "review.explain_quality"),
    ("/物流 查询", "track.query"),
    ("/物流 延迟", "delay.peak"),
    ("/评价 物流", "review.explain_logistics"),
    ("/售后 退款 进度", "refund.progress"),
    # a typo or a transposition in Latin input, or characters with a gap
    ("shunfneg", "courier.sf"),
    ("tuikaun", "refund.progress"),
    ("youhiuquan", "promo.coupon_fail"),
    ("修改地址", "order.address_change"),
    ("xgdz", "order.address_change"),
]

# Issue 16: what agents type on real replies. Each row also holds on the shipped packs.
MORE: list[tuple[str, str]] = [
    # polyphones read in context (着急 zhaoji, 银行 yinhang, 重复 chongfu, 还有 haiyou), and
    # the other reading of a title still found, below
    ("zhaoji", "dispute.calm"),
    ("biezhaoji", "track.query"),
    ("yinhangka", "order.pay_help"),
    ("haiyouqita", "close.anything_else"),
    ("chongfu", "order.duplicate"),
    ("cfpx", "order.duplicate"),
    ("zhongfu", "order.duplicate"),
    ("chayidian", "shipping.free_ask"),
    ("juede", "review.middle_followup"),
    ("zhongzhuan", "track.stuck"),
    # initials of words inside the text or a buyer question, below title and code matches
    ("qrsh", "close.with_review"),
    ("qjm", "track.pickup"),
    ("ylth", "refund.progress"),
    ("zfb", "order.pay_help"),
    ("kdg", "track.pickup"),
    ("dzfp", "order.invoice"),
    ("dpwh", "return.policy"),
    ("shsm", "dispute.courier_attitude"),
    ("sgtz", "product.size_ask"),
    # one typo in a word inside the text (or a title), below every exact match
    ("zhifubap", "order.pay_help"),
    ("qujianam", "track.pickup"),
    ("quejianma", "track.pickup"),
    ("yuanlutiuhui", "refund.progress"),
    ("dianzifapaio", "order.invoice"),
    ("zhaoij", "dispute.calm"),
    ("huodaofukaun", "order.cod_notice"),
    ("baoyo", "shipping.free"),
    # numbers: 7 / 七 / ７, 两 / 2, 一 / 1
    ("7天无理由", "return.policy"),
    ("七天", "return.policy"),
    ("7天", "return.policy"),
    ("七天内", "return.policy"),
    ("１６０穿", "product.size_ask"),
    ("拍了2次", "order.duplicate"),
    ("拍了两次", "order.duplicate"),
    ("2份", "order.duplicate"),
    ("买2件送", "price.gift"),
    ("用了1次", "quality.complaint"),
    # synonyms, shipped defaults (below any literal match)
    ("催单", "order.urge_ship"),
    ("催货", "order.urge_ship"),
    ("退钱", "refund.progress"),
    ("退钱了吗", "refund.agreed"),
    ("少件", "missing.item"),
    ("开票", "order.invoice"),
    ("免运费", "shipping.free_ask"),
    ("物流丢了", "lost.parcel"),
]

NOTHING = ["xyzzy", "量子纠缠", "asdfgh", "/没有的组 退货", "退货 量子"]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    paths = AppPaths.from_env({"QUICKREPLY_HOME": "/nonexistent-quickreply-home"})
    library = load_library(default_dirs(paths))
    assert not [p for p in library.problems if p.is_error]
    return SearchIndex.build(library)


def test_the_table_is_big_enough() -> None:
    assert len(FIRST) >= 40
    assert len(MORE) >= 40
    assert not {q for q, _ in FIRST} & {q for q, _ in MORE}


@pytest.mark.parametrize(("query", "expected"), MORE)
def test_real_text_queries_put_the_right_reply_first(
    index: SearchIndex, query: str, expected: str
) -> None:
    hits = index.search(query, limit=5)
    assert hits, f"{query!r} found nothing"
    assert hits[0].snippet.id == expected, [h.snippet.id for h in hits]


def test_a_synonym_ranks_below_a_literal_match(index: SearchIndex) -> None:
    hits = index.search("免运费", limit=50)
    literal = [h for h in hits if h.why != "synonym"]
    assert literal and hits[: len(literal)] == literal
    assert any(h.why == "synonym" for h in hits)


@pytest.mark.parametrize(("query", "expected"), FIRST)
def test_the_right_reply_comes_first(index: SearchIndex, query: str, expected: str) -> None:
    hits = index.search(query, limit=5)
    assert hits, f"{query!r} found nothing"
    assert hits[0].snippet.id == expected, [h.snippet.id for h in hits]


@pytest.mark.parametrize("query", NOTHING)
def test_nonsense_finds_nothing(index: SearchIndex, query: str) -> None:
    assert index.search(query) == []


def test_typing_each_row_one_character_at_a_time_ends_on_the_same_reply(
    index: SearchIndex,
) -> None:
    for query, expected in FIRST + MORE:
        for k in range(1, len(query) + 1):
            index.search(query[:k])
        assert index.search(query)[0].snippet.id == expected, query
