"""A one-term page takes shortcuts (first hits among gram candidates, item-start steps from
their first candidate, typo keys a page per tier, titles read loosely only where they hold
every character, synonym scans that count the page) and stays the page without them."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from itertools import chain

import pytest

from quickreply.core.model import Library, Usage
from quickreply.core.search import SearchIndex, match, scan, typos
from quickreply.core.search.match import Matches
from quickreply.core.search.records import join
from quickreply.core.search.synonyms import DEFAULT_SYNONYMS
from quickreply.core.search.terms import Term
from quickreply.core.textkeys import SEP_ITEM, SEP_RECORD
from tests.searchlib import library, snip

WORDS = ("tuihuo", "nihao", "xiaomei", "kuaidi", "wuliu", "queren", "shouhuo", "fahuo", "zhaoji")
NOW = datetime(2026, 12, 1, tzinfo=UTC)
HAN = ("退货", "催单", "物流", "退钱", "少件", "快递", "亲爱", "小妹", "着急", "发票", "确认收货")


def _queries(titles: list[str]) -> list[str]:
    """The bench's one-term plateau, and the like: prefixes, initials, one-edit typos (of
    common words and of titles' pinyin), every synonym."""
    rng = random.Random(16)
    out = ["zhq", "niz", "nizh", "tiu", "tiuh", "z", "xi", "ti", "qrsh", "xgdz", "kd", "yhq", "sf"]
    out += HAN + tuple(chain.from_iterable(DEFAULT_SYNONYMS))
    for title in rng.sample(titles, 60):
        k = rng.randrange(len(title))
        out.append(title[:k] + rng.choice("abcdefghijklmnopqrstuvwxyz") + title[k + 1 :])
    for word in WORDS:
        out += [word[:2], word[:3], word[:4], word]
        for _ in range(8):
            k = rng.randrange(len(word))
            out.append(word[:k] + rng.choice("abcdefghijklmnopqrstuvwxyz") + word[k + 1 :])
            out.append(word[:k] + word[k + 1 :])
    return list(dict.fromkeys(out))


Page = list[tuple[str, int, str]]


def _pages(library_index: SearchIndex, queries: Iterable[str]) -> dict[tuple[str, int], Page]:
    pages: dict[tuple[str, int], Page] = {}
    for q in queries:
        for size in (1, 5, 10, 50):
            library_index.search("")
            pages[q, size] = [(h.snippet.id, h.score, h.why) for h in library_index.search(q, size)]
    return pages


def _every_typo(*args: object) -> dict[int, int]:
    """``typo_matches`` without a page: every record a typo key starts (no limit, no skip)."""
    table, codes, fields, ranking, raw, _, members = args[:7]
    return typos.typo_matches(table, codes, fields, ranking, raw, 0, members)  # type: ignore[arg-type]


def _every_synonym(
    self: SearchIndex, term: Term, matches: Matches, allowed: set[int] | None, limit: int
) -> None:
    """``_add_page_synonyms`` without a page: every synonym's full map."""
    self._add_synonyms(term, None, matches, allowed)


@pytest.fixture(scope="module")
def generated() -> Library:
    from quickreply.benchmarks.search import generate_library

    return generate_library(3000)


@pytest.mark.parametrize("used", [False, True])
def test_one_term_pages_are_those_without_the_shortcuts(
    generated: Library, used: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Used replies rank first among equal scores: a page's head is no longer title order.
    usage = {f"gen.{n}": Usage(n % 7 + 1, NOW - timedelta(days=n % 30)) for n in range(0, 3000, 37)}
    fast = SearchIndex.build(generated, usage=usage if used else None)
    keys = fast._tables.typo.fields["title_py"][0]
    queries = _queries([key[:8] for key in keys if len(key) >= 5])
    pages = _pages(fast, queries)
    assert sum(1 for page in pages.values() if page) > len(pages) * 0.9

    monkeypatch.setattr(scan, "_CHARS_PER_FIND", 10**12)  # one find over the whole field
    monkeypatch.setattr(scan, "_WINDOW", 10**12)  # both separators' streams over it
    monkeypatch.setattr(match, "item_start_from", lambda t, name, found, begin: begin)
    monkeypatch.setattr(match, "loose_cand", lambda maps, every, chars: every)
    # Every typo key match and every synonym match, not a page of them.
    monkeypatch.setattr(match, "typo_matches", _every_typo)
    monkeypatch.setattr(SearchIndex, "_add_page_synonyms", _every_synonym)
    full = SearchIndex.build(generated, usage=usage if used else None)
    for key, page in _pages(full, queries).items():
        assert page == pages[key], key


def test_typo_tiers_skip_what_a_page_outranks(generated: Library) -> None:
    fast = SearchIndex.build(generated)
    t = fast._tables
    near = typos._near_prefixes("zhq", t.typo)
    assert near and all(len(key) >= 2 for key in near)
    full = typos.typo_matches(t.typo, t.codes, t.fields, fast._ranking, "zhq")
    page = typos.typo_matches(t.typo, t.codes, t.fields, fast._ranking, "zhq", 10, None, {})
    assert len(page) < len(full)  # a page per tier, not every record
    assert set(page) <= set(full)
    assert all(page[i] == full[i] for i in page)


def test_first_hit_among_candidates_is_the_find_over_the_field(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(3)
    segments = ["".join(rng.choices("abcxyz，的", k=rng.randrange(1, 30))) for _ in range(400)]
    field = join(segments)
    every = (1 << len(segments)) - 1
    noise = every & int("11110000" * 50, 2)
    for needle in ("ab", "xyz", "的a", "zz", "cba", "，的", "q"):
        holding = sum(1 << i for i, segment in enumerate(segments) if needle in segment)
        for cand in (every, holding, holding | noise):
            first = field.offsets[(cand & -cand).bit_length() - 1]
            expected = field.hay.find(needle, first) if cand else -1
            for per_find in (0, 10**12):  # each candidate searched; one find over the field
                monkeypatch.setattr(scan, "_CHARS_PER_FIND", per_find)
                assert scan.first_hit(field, needle, cand) == expected, (needle, per_find)


def test_item_hits_are_every_separator_hit_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(5)
    hay = "".join(rng.choice(["ab", "x", SEP_ITEM, SEP_RECORD, "a"]) for _ in range(3000))
    at_item, at_record = SEP_ITEM + "ab", SEP_RECORD + "ab"
    every = sorted(
        p for p in range(len(hay)) if hay.startswith(at_item, p) or hay.startswith(at_record, p)
    )
    for window in (1, 2, 7, 64, 10**6):
        monkeypatch.setattr(scan, "_WINDOW", window)
        for start in (0, 1, 500, 2999):
            got = list(scan._item_hits(hay, at_item, at_record, start))
            assert got == [p for p in every if p >= start], (window, start)


def test_a_later_synonym_that_ties_with_the_page_and_ranks_first_is_on_it() -> None:
    # 催单's first synonym (催发货) fills a page of five titles where it is a whole word; its
    # third (催货) ties with them (the same tier) and its titles come first in title order
    # (阿 reads a): the page is those, so the third synonym's scan must not stop at a page it
    # only ties with.
    late = [snip(f"late{n}", f"中{n}，催发货") for n in range(5)]
    early = [snip(f"early{n}", f"阿{n}，催货") for n in range(5)]
    got = SearchIndex.build(library(*late, *early)).search("催单", 5)
    assert [h.snippet.id for h in got] == [f"early{n}" for n in range(5)]
    assert {h.why for h in got} == {"synonym"}


def test_a_big_librarys_typo_table_in_arrays_gives_the_same_pages(
    generated: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Above LIST_MAX records the typo keys' record lists are 32-bit arrays (memory at
    # 100,000 replies); built or read back from the cache, the pages must not change.
    import marshal
    from array import array

    from quickreply.core.search.tables import Tables

    lists = SearchIndex.build(generated)
    keys = lists._tables.typo.fields["title_py"][0]
    queries = _queries([key[:8] for key in keys if len(key) >= 5])
    pages = _pages(lists, queries)
    monkeypatch.setattr(typos, "LIST_MAX", 100)
    built = SearchIndex.build(generated)
    table = built._tables.typo
    assert isinstance(table.fields["title_py"][1][0], array)
    assert isinstance(table.heads["title_py"], array)
    # The cache holds what marshal can write (plain lists), read back into arrays.
    plain = marshal.loads(marshal.dumps(built._tables.plain()))
    cached = SearchIndex(Tables.from_plain(plain, generated))
    assert isinstance(cached._tables.typo.fields["title_ini"][1][0], array)
    for index in (built, cached):
        assert _pages(index, queries) == pages
