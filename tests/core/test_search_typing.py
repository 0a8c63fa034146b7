"""Typing on and page sizes: every keystroke and every page agree with a fresh full search."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quickreply.core.model import Usage
from quickreply.core.search import SearchIndex
from quickreply.core.search.fields import LOWEST_EXACT
from tests.searchlib import LIB, NOW, library, snip

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


def test_terms_remembered_across_keystrokes_give_the_pages_a_fresh_index_gives() -> None:
    # A term's bounds and exact tiers are kept from one keystroke to the next (known.py):
    # typing `queren s`, `queren sh`, … must give each page (ids, scores, what matched) that
    # an index meeting the query for the first time gives.
    from quickreply.benchmarks.search import QUERIES, generate_library

    lib = generate_library(900)
    typing = SearchIndex.build(lib)
    tables = typing._tables
    several = [q for q in QUERIES if " " in q.strip("/")]
    assert len(several) >= 6
    for query in [*several, "queren shouhuo", "shouhuo queren", "xiaomei 亲，", "xioamei 小妹"]:
        for k in range(1, len(query) + 1):
            got = [(h.snippet.id, h.score, h.why) for h in typing.search(query[:k])]
            fresh = SearchIndex(tables).search(query[:k])
            assert got == [(h.snippet.id, h.score, h.why) for h in fresh], query[:k]


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


def test_several_terms_score_the_sum_of_each_terms_score_on_every_page() -> None:
    from quickreply.benchmarks.search import generate_library

    lib = generate_library(900)
    used = {f"gen.{n}": Usage(n % 5 + 1, NOW - timedelta(days=n % 20)) for n in range(3, 900, 41)}
    index = SearchIndex.build(lib, usage=used)
    exact = LOWEST_EXACT  # loose and typo matches score below it
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


def test_several_terms_with_punctuation_give_every_page_the_head_of_the_full_ranking() -> None:
    # `，` and `~` are terms of their own (copied from the chat): a page must stop only where
    # no record it skipped could score more, whole-word matches of punctuation included.
    from quickreply.benchmarks.search import generate_library

    index = SearchIndex.build(generate_library(900))
    queries = ["xiaomei 亲，", "qin 小妹~", "nin ，", "kys ~", "~ 亲", "，您 小妹", "zhe 妹，，"]
    for query in queries:
        full = [(h.snippet.id, h.score) for h in index.search(query, 10_000)]
        for limit in (1, 10, 50):
            index._last = None
            assert [(h.snippet.id, h.score) for h in index.search(query, limit)] == full[:limit]


def test_several_terms_give_the_same_page_whether_or_not_short_match_lists_narrow_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Terms matched almost everywhere (亲, ，, zhe) are looked up only in the records a rarer
    # term matches; the page must be the one a look at every record gives.
    from quickreply.benchmarks.search import generate_library
    from quickreply.core.search.termmaps import TermMaps

    lib = generate_library(3000)
    queries = [
        *("xiaomei 亲，", "qin 小妹~", "nihao 您好", "zhe 妹，，", "qinaida biann", "hui daoq"),
        *("zhe 着1", "qin 客服x", "qin tk退", "亲 zz退"),  # mixed terms, the last split
    ]
    narrowed = SearchIndex.build(lib)
    pages = {q: [(h.snippet.id, h.score) for h in narrowed.search(q)] for q in queries}
    monkeypatch.setattr(TermMaps, "listed", lambda *_: None)
    plain = SearchIndex.build(lib)
    for query in queries:
        assert pages[query] == [(h.snippet.id, h.score) for h in plain.search(query)], query
