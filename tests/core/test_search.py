"""Ranking, matching, incremental narrowing, bad input and the on-disk cache of SearchIndex."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet, Usage
from quickreply.core.search import CACHE_PREFIX, SearchIndex

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


@pytest.fixture
def index() -> SearchIndex:
    return SearchIndex.build(LIB)


def ids(index: SearchIndex, query: str, limit: int = 50) -> list[str]:
    return [hit.snippet.id for hit in index.search(query, limit)]


def test_exact_code_comes_first_then_code_prefix(index: SearchIndex) -> None:
    assert ids(index, "kd")[:2] == ["courier", "kdzx"]
    hits = index.search("kd")
    assert (hits[0].why, hits[1].why) == ("code", "code-prefix")


def test_title_prefix_in_hanzi_pinyin_and_initials(index: SearchIndex) -> None:
    assert ids(index, "退货")[0] == "return.addr"
    assert ids(index, "tuihuo")[0] == "return.addr"
    assert ids(index, "thdz")[0] == "return.addr"
    assert ids(index, "wlyc")[0] == "delay"
    assert ids(index, "wuliuyanchi")[0] == "delay"
    assert ids(index, "chima")[0] == "size"


def test_partial_pinyin_of_the_last_syllable_matches(index: SearchIndex) -> None:
    assert ids(index, "tuih")[0] == "return.addr"
    assert ids(index, "yinha")[0] == "bank"


def test_title_prefix_beats_title_substring_beats_text(index: SearchIndex) -> None:
    found = ids(index, "延迟")
    assert found[:2] == ["delay.big", "delay"]  # both title substrings: pinyin order, da < wu
    assert [h.why for h in index.search("延迟")][:2] == ["title", "title"]
    assert ids(index, "快递")[:2] == ["kdzx", "courier"]  # title prefix before title substring
    assert "delay" in ids(index, "快递")  # only in its text: found, but later


def test_pinyin_inside_a_syllable_does_not_match(index: SearchIndex) -> None:
    # "uihuo" is inside tui-huo: not a pinyin match, at best one typo away (a missing t).
    assert {h.why for h in index.search("uihuo")} == {"typo"}
    assert ids(index, "ih") == []


def test_traditional_finds_simplified_and_full_width_is_folded(index: SearchIndex) -> None:
    assert ids(index, "退貨")[0] == "return.addr"
    assert ids(index, "銀行")[0] == "bank"
    assert ids(index, "ＴＨＤＺ")[0] == "return.addr"
    trad = SearchIndex.build(library(snip("t", "退貨地址", code="x")))
    assert ids(trad, "退货") == ["t"]
    assert ids(trad, "tuihuo") == ["t"]


def test_polyphonic_characters_match_both_readings(index: SearchIndex) -> None:
    assert ids(index, "yinhang")[0] == "bank"
    assert ids(index, "dianzhang")[0] == "owner"
    assert ids(index, "dianchang")[0] == "owner"


def test_mixed_initials_and_hanzi(index: SearchIndex) -> None:
    # tk = 退款 (initials), then 退: 退款退货流程.
    assert ids(index, "tk退")[0] == "return.flow"
    assert ids(index, "wl延")[0] == "delay"


def test_several_terms_must_all_match(index: SearchIndex) -> None:
    assert ids(index, "快递 延迟") == ["delay.big", "delay"]
    assert ids(index, "退货 地址")[0] == "return.addr"
    assert ids(index, "退货 顺丰") == []


def test_group_filter_restricts_to_the_group(index: SearchIndex) -> None:
    assert ids(index, "/物流 延迟") == ["delay.big", "delay"]
    assert set(ids(index, "/物流")) == {"courier", "delay", "delay.big", "kdzx"}
    assert set(ids(index, "/延迟")) == {"delay", "delay.big"}
    assert set(ids(index, "/wl")) == {"courier", "delay", "delay.big", "kdzx"}
    assert ids(index, "/售后 快递") == []
    assert ids(index, "/没有这个组") == []


def test_tags_and_examples_are_searched(index: SearchIndex) -> None:
    assert ids(index, "顺丰") == ["courier"]
    assert [h.why for h in index.search("顺丰")] == ["example"]
    assert "return.flow" in ids(index, "退款")


def test_latin_words_in_text(index: SearchIndex) -> None:
    assert ids(index, "iphone") == ["phone"]


def test_one_typo_or_transposition_in_latin_input_ranks_after_exact(index: SearchIndex) -> None:
    assert ids(index, "tiuhuo")[0] == "return.addr"  # transposition
    assert index.search("tiuhuo")[0].why == "typo"
    assert ids(index, "tuihup")[0] == "return.addr"  # substitution
    assert ids(index, "yinhng")[0] == "bank"  # deletion
    assert ids(index, "xyzxyz") == []


def test_typos_never_outrank_exact_matches() -> None:
    lib = library(
        snip("exact", "灰色款", "x", group="a"),  # huise: exact title pinyin
        snip("near", "回收说明", "x", group="a"),  # huishou: one edit from huise? no: prefix huis
    )
    index = SearchIndex.build(lib)
    hits = index.search("huise")
    assert hits[0].snippet.id == "exact"
    assert all(h.why == "typo" for h in hits[1:])


def test_usage_breaks_ties_then_title() -> None:
    lib = library(
        snip("a", "快递A", code="ka"), snip("b", "快递B", code="kb"), snip("c", "快递C", code="kc")
    )
    index = SearchIndex.build(lib)
    assert ids(index, "快递") == ["a", "b", "c"]  # title order
    index.set_usage({"c": Usage(5, NOW), "b": Usage(1, NOW)})
    assert ids(index, "快递") == ["c", "b", "a"]
    # Recency: 5 uses a year ago weigh less than 2 uses today.
    index.set_usage({"c": Usage(5, NOW - timedelta(days=365)), "b": Usage(2, NOW)})
    assert ids(index, "快递") == ["b", "c", "a"]
    # Usage never beats a better tier: code kc is exact.
    assert ids(index, "kc")[0] == "c"
    index.set_usage({"a": Usage(100, NOW)})
    assert ids(index, "kc")[0] == "c"


def test_empty_query_lists_most_used_then_title_order() -> None:
    lib = library(snip("a", "甲"), snip("b", "乙"), snip("c", "丙"))
    index = SearchIndex.build(lib, usage={"b": Usage(3, NOW)})
    assert ids(index, "")[0] == "b"
    assert ids(index, "   ") == ids(index, "")
    assert len(ids(index, "", limit=2)) == 2


@pytest.mark.parametrize(
    "query",
    [
        "退" * 10_000,
        "a" * 10_000,
        "tuihuo " * 2000,
        "\x00\x01\x02退货\x07",
        "退货\u200b",
        "😀",
        "😀退货",
        "\ud800",
        "退\udfff货",
        "/",
        "//",
        "/ ",
        "*?[(.+",
        "\\",
        "\u0301",
        "ﾀｲﾑ",
    ],
)
def test_odd_input_returns_results_or_nothing(index: SearchIndex, query: str) -> None:
    hits = index.search(query)
    assert isinstance(hits, list)


def test_control_characters_are_ignored(index: SearchIndex) -> None:
    assert ids(index, "\x07退货\x00")[0] == "return.addr"


def test_limit(index: SearchIndex) -> None:
    assert len(index.search("亲", limit=3)) == 3
    assert index.search("亲", limit=0) == []


QUERIES_TYPED = ["退货地址", "tuihuo", "kdzx", "快递 延迟", "/物流 yanchi", "tk退", "yinhangka"]


@pytest.mark.parametrize("query", QUERIES_TYPED)
def test_typing_character_by_character_gives_the_same_results_as_a_fresh_search(
    query: str,
) -> None:
    typing = SearchIndex.build(LIB)
    for k in range(1, len(query) + 1):
        typed = [(h.snippet.id, h.score) for h in typing.search(query[:k])]
        fresh = [(h.snippet.id, h.score) for h in SearchIndex.build(LIB).search(query[:k])]
        assert typed == fresh, query[:k]


def test_narrowing_a_big_library_matches_a_fresh_search() -> None:
    from quickreply.benchmarks.search import QUERIES, generate_library

    lib = generate_library(600)
    typing = SearchIndex.build(lib)
    fresh = SearchIndex.build(lib)
    for query in QUERIES:
        for k in range(1, len(query) + 1):
            got = [h.snippet.id for h in typing.search(query[:k], 20)]
            fresh._last = None  # force a full scan
            assert got == [h.snippet.id for h in fresh.search(query[:k], 20)], query[:k]


# -- cache --------------------------------------------------------------------------------------


def test_load_or_build_writes_a_cache_and_reads_it_back(tmp_path: Path) -> None:
    first = SearchIndex.load_or_build(LIB, tmp_path)
    files = list(tmp_path.glob(f"{CACHE_PREFIX}*"))
    assert len(files) == 1
    second = SearchIndex.load_or_build(LIB, tmp_path)
    for query in ["退货", "tuihuo", "kd", "/物流 延迟", "銀行", "tiuhuo", "tk退"]:
        assert ids(first, query) == ids(second, query), query


def test_a_corrupt_cache_is_rebuilt_silently(tmp_path: Path) -> None:
    SearchIndex.load_or_build(LIB, tmp_path)
    (cache,) = tmp_path.glob(f"{CACHE_PREFIX}*")
    for garbage in (b"", b"\x00garbage", cache.read_bytes()[:100]):
        cache.write_bytes(garbage)
        index = SearchIndex.load_or_build(LIB, tmp_path)
        assert ids(index, "退货")[0] == "return.addr"
    assert len(cache.read_bytes()) > 100  # rewritten


def test_an_edited_library_gets_a_fresh_index(tmp_path: Path) -> None:
    SearchIndex.load_or_build(LIB, tmp_path)
    edited = library(*LIB.packs[0].snippets[:-1], snip("size", "尺寸对照表", code="cc"))
    index = SearchIndex.load_or_build(edited, tmp_path)
    assert ids(index, "尺寸")[0] == "size"
    assert ids(index, "尺码") == []
    assert len(list(tmp_path.glob(f"{CACHE_PREFIX}*"))) == 2  # the new one and the one before


def test_unwritable_cache_dir_still_gives_an_index(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    index = SearchIndex.load_or_build(LIB, blocker / "cache")
    assert ids(index, "kd")[0] == "courier"


def test_usage_passed_to_load_or_build_is_applied_to_a_cached_index(tmp_path: Path) -> None:
    lib = library(snip("a", "快递A"), snip("b", "快递B"))
    SearchIndex.load_or_build(lib, tmp_path)
    index = SearchIndex.load_or_build(lib, tmp_path, usage={"b": Usage(2, NOW)})
    assert ids(index, "快递") == ["b", "a"]


def test_duplicate_ids_keep_the_first_snippet() -> None:
    lib = library(snip("a", "退货一"), snip("a", "退货二"))
    assert [h.snippet.title for h in SearchIndex.build(lib).search("退货")] == ["退货一"]


def test_a_short_page_is_the_head_of_the_full_ranking_with_usage() -> None:
    from quickreply.benchmarks.search import QUERIES, generate_library

    lib = generate_library(900)
    used = {f"gen.{n}": Usage(n % 7 + 1, NOW - timedelta(days=n % 30)) for n in range(0, 900, 37)}
    index = SearchIndex.build(lib, usage=used)
    for query in [*QUERIES, "t", "tu", "退", "亲", "q", "y"]:
        full = [(h.snippet.id, h.score) for h in index.search(query, 10_000)]
        for limit in (1, 5, 50):
            index._last = None
            assert [(h.snippet.id, h.score) for h in index.search(query, limit)] == full[:limit]


def test_a_cached_index_finds_typos_like_a_fresh_one(tmp_path: Path) -> None:
    SearchIndex.load_or_build(LIB, tmp_path)
    cached = SearchIndex.load_or_build(LIB, tmp_path)
    fresh = SearchIndex.build(LIB)
    for query in ("tiuhuo", "uihuo", "kaudi"):
        assert ids(cached, query) == ids(fresh, query)
    assert ids(cached, "tiuhuo")[0] == "return.addr"


def test_several_terms_score_the_sum_of_each_terms_score_on_every_page() -> None:
    from quickreply.benchmarks.search import generate_library

    lib = generate_library(900)
    used = {f"gen.{n}": Usage(n % 5 + 1, NOW - timedelta(days=n % 20)) for n in range(3, 900, 41)}
    index = SearchIndex.build(lib, usage=used)
    exact = 240  # the lowest exact tier: loose and typo matches score below it
    for query in ["wuliu c", "wuliu cha", "快递 延", "破损 补", "t 退", "tk yanchi", "退 款 ji"]:
        alone = [
            {h.snippet.id: h.score for h in index.search(term, 10_000) if h.score >= exact}
            for term in query.split()
        ]
        full = [(h.snippet.id, h.score) for h in index.search(query, 10_000)]
        both = set.intersection(*(set(a) for a in alone))
        # A page this long also gets typo matches of some term: compare the exact ones.
        assert {sid for sid, _ in full} >= both, query
        assert all(score == sum(a[sid] for a in alone) for sid, score in full if sid in both)
        assert [score for _, score in full] == sorted((s for _, s in full), reverse=True)
        for limit in (1, 10, 50):
            assert [(h.snippet.id, h.score) for h in index.search(query, limit)] == full[:limit]


def test_several_terms_find_the_best_match_behind_weaker_ones_in_title_order() -> None:
    # Every title below could start with `ab` as far as a quick look can tell, but only the
    # last one does: the page must still hold it first, whatever the page size.
    weak = [snip(f"w{n}", f"aab{n}", text="亲zz") for n in range(30)]
    # `x ab` (a whole word in the title) can score less than those look, but more than they do.
    lib = library(
        *weak,
        snip("best", "ab", text="亲zz"),
        snip("other", "abc", text="亲"),
        snip("word", "x ab", text="亲zz"),
    )
    index = SearchIndex.build(lib)
    for limit in (1, 2, 5, 50):
        hits = index.search("ab zz", limit)
        assert [h.snippet.id for h in hits[:2]] == ["best", "word"][:limit]
        assert len(hits) == min(limit, 32)
