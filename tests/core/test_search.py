"""Ranking and matching of SearchIndex: codes, titles, pinyin, tags, typos, usage, odd input."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quickreply.core.model import Usage
from quickreply.core.search import SearchIndex
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
