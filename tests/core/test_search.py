"""Ranking and matching of SearchIndex: codes, titles, pinyin, tags, typos, usage, odd input."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quickreply.core.model import Usage
from quickreply.core.search import SearchIndex
from quickreply.core.search.synonyms import Synonyms
from tests.searchlib import LIB, NOW, ids, library, snip


@pytest.fixture
def index() -> SearchIndex:
    return SearchIndex.build(LIB)


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


def test_duplicate_ids_keep_the_first_snippet() -> None:
    lib = library(snip("a", "退货一"), snip("a", "退货二"))
    assert [h.snippet.title for h in SearchIndex.build(lib).search("退货")] == ["退货一"]


def test_kd_puts_courier_titles_ahead_of_titles_where_hui_could_be_read_kuai() -> None:
    # Issue 16: 会的 is hui de; kuai de is its other reading, ranked below every title match.
    lib = library(
        snip("hui1", "会的亲，马上处理"),
        snip("hui2", "会的，小妹记下了"),
        snip("kd1", "快递查询"),
        snip("kd2", "指定快递"),
    )
    index = SearchIndex.build(lib)
    assert ids(index, "kd")[:2] == ["kd1", "kd2"]
    assert set(ids(index, "hd")[:2]) == {"hui1", "hui2"}
    assert {h.why for h in index.search("kd") if h.snippet.id.startswith("hui")} == {
        "title-other-reading"
    }


def test_polyphones_in_the_text_are_read_in_context() -> None:
    lib = library(
        snip("calm", "安抚", "亲，不着急，小妹马上帮您处理"),
        snip("wear", "穿着效果", "亲，穿着很显瘦哦"),
        snip("bank", "到账时间", "银行卡退款以银行为准"),
    )
    index = SearchIndex.build(lib)
    assert ids(index, "zhaoji") == ["calm"]
    assert ids(index, "chuanzhe")[0] == "wear"
    assert ids(index, "yinhangka") == ["bank"]
    assert ids(index, "bzj") == ["calm"]  # initials of the text, read in context too


def test_initials_inside_the_text_rank_below_title_and_code_matches() -> None:
    lib = library(
        snip("text", "结束语", "亲，确认收货后记得好评哦"),
        snip("title", "确认收货提醒", "亲，记得点一下"),
        snip("code", "其他", "亲～", code="qrsh"),
    )
    index = SearchIndex.build(lib)
    assert ids(index, "qrsh") == ["code", "title", "text"]


def test_numbers_fold_together() -> None:
    lib = library(
        snip("seven", "七天无理由退货", "签收后七天内可退"),
        snip("two", "拍了两件", "亲，两件一起发"),
    )
    index = SearchIndex.build(lib)
    for query in ("7天无理由", "七天无理由", "７天", "7天内"):
        assert ids(index, query)[:1] == ["seven"], query
    assert ids(index, "2件") == ["two"]
    assert ids(index, "qitian")[:1] == ["seven"]  # pinyin still reads 七 as qi


def test_a_typo_inside_the_text_ranks_below_every_exact_match() -> None:
    lib = library(
        snip("exact", "支付宝说明", "亲～"),
        snip("inner", "付款方式", "可以用支付宝付款"),
    )
    index = SearchIndex.build(lib)
    hits = index.search("zhifubap")
    assert [h.snippet.id for h in hits] == ["exact", "inner"]
    assert all(h.score < 200 for h in hits)
    assert ids(index, "zhifubao") == ["exact", "inner"]


def test_synonyms_find_the_other_words_below_literal_matches() -> None:
    lib = library(
        snip("urge", "买家催发货", "亲，已经帮您催仓库了"),
        snip("pay", "催付", "亲，拍下还没付款哦，催单提醒"),
    )
    index = SearchIndex.build(lib)
    assert ids(index, "催单") == ["pay", "urge"]  # the literal 催单 (in a text) first
    assert SearchIndex.build(lib, synonyms=Synonyms(())).search("催单")[0].snippet.id == "pay"
    assert [h.why for h in index.search("催单")] == ["text", "synonym"]


def test_a_full_page_of_synonym_matches_keeps_the_best_ranked_first() -> None:
    # A buyer question starting with 催发货 and one holding it as a word further in tie once
    # demoted to synonym tiers: rank decides, so the early titles (阿…) come first even though
    # a page of later titles (追…) matched in the better literal step.
    late = [snip(f"late{k}", f"追{k:03d}", examples=(f"催发货{k}",)) for k in range(60)]
    early = [snip(f"early{k}", f"阿{k}", examples=("急，催发货",)) for k in range(3)]
    index = SearchIndex.build(library(*late, *early))
    hits = index.search("催单", limit=10)
    assert [h.snippet.id for h in hits[:3]] == ["early0", "early1", "early2"]
    assert {h.why for h in hits} == {"synonym"}


def test_a_whole_word_after_a_substring_in_the_text_ranks_as_a_word() -> None:
    lib = library(
        snip("later", "说明一", "看图片，图片"),  # a substring first, the whole word after it
        snip("word", "说明二", "请发，图片"),
    )
    index = SearchIndex.build(lib)
    for query in ("图片", "说明 图片"):
        scores = {hit.snippet.id: hit.score for hit in index.search(query)}
        assert scores["later"] == scores["word"], query
