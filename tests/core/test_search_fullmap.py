"""A term's records read off whole fields at C speed: the same as a scan, and pages unchanged."""

from __future__ import annotations

import random
from functools import cache

import pytest

from quickreply.core.search import SearchIndex
from quickreply.core.search.fullmap import Lookup, full_map
from quickreply.core.search.grams import bitmap_of, bits
from quickreply.core.search.match import add_inexact, match_term
from quickreply.core.search.termmaps import TermMaps
from quickreply.core.search.terms import Term, parse

# Both terms matched in many replies, rarely in the same one; typos; mixed; punctuation.
SEVERAL = [
    *("nihao 您好", "xiaomei 亲，", "qin 小妹~", "zhe 字x", "xingdi 发", "queren shouhuo"),
    *("kedi 快递", "dingdan hoade", "qinqin 亲亲", "您好 亲", "zhebian haolin", "字x 您2"),
    *("qini 麻烦", "cinqin 物流", "xaomei 快递"),  # typos anywhere in most replies
]


@cache
def _index() -> SearchIndex:
    from quickreply.benchmarks.search import generate_library

    return SearchIndex.build(generate_library(1500))


def _terms(index: SearchIndex) -> list[Term]:
    """Pieces of titles, texts and their pinyin, and needles that overlap themselves."""
    t = index._tables
    rng = random.Random(16)
    words = {"nihao", "您好", "哈哈", "nin", "xiaomei", "亲，", "~", "7天", "七", "zhe", "kd", "tk"}
    for _ in range(150):
        s = rng.choice(t.snippets)
        text = rng.choice([s.title, *s.variants])
        k = rng.randrange(max(1, len(text) - 1))
        words.add(text[k : k + rng.randint(2, 4)])
    pinyin = t.fields["text_py"].hay
    for _ in range(150):
        k = rng.randrange(len(pinyin))
        words.add(pinyin[k : k + rng.randint(2, 7)])
    return [term for word in sorted(words) for term in parse(t.keys, word)[0]]


def test_a_term_read_off_whole_fields_has_the_map_a_scan_gives() -> None:
    index = _index()
    t, r = index._tables, index._ranking
    compared = 0
    for term in _terms(index):
        read = full_map(t, term)
        if read is not None:
            tiers, labels, _ = match_term(t, r, term, None)
            assert read == (tiers, labels), term.raw
            compared += 1
    assert compared > 200


def test_a_lookup_keeps_every_exact_match_of_the_records_asked_about() -> None:
    index = _index()
    t, r = index._tables, index._ranking
    rng = random.Random(6)
    count = len(t.snippets)
    for term in _terms(index):
        if term.kind == "mixed":
            continue
        within = bitmap_of(rng.sample(range(count), count // 3), count)
        got = Lookup(t, term, within).run()
        exact = bitmap_of(match_term(t, r, term, None)[0], count)
        assert got & ~within == 0, term.raw
        assert exact & within & ~got == 0, term.raw  # nothing that matches is dropped
        if term.kind != "latin":
            assert got == exact & within, term.raw  # 汉字 fields: a find is exact


def test_several_terms_give_the_same_pages_with_or_without_lookups_and_gram_pools(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quickreply.benchmarks.search import generate_library

    lib = generate_library(3000)
    looked = SearchIndex.build(lib)
    typed = {
        q[:k]: [(h.snippet.id, h.score, h.why) for h in looked.search(q[:k])]
        for q in SEVERAL
        for k in range(1, len(q) + 1)
    }
    monkeypatch.setattr(SearchIndex, "_surely", lambda *_: None)
    monkeypatch.setattr(SearchIndex, "_gram_pool", lambda *_: None)
    monkeypatch.setattr(TermMaps, "records", lambda *_: None)
    monkeypatch.setattr(TermMaps, "full", _scanned_full)
    plain = SearchIndex.build(lib)
    for query, page in typed.items():
        plain._last = None
        assert page == [(h.snippet.id, h.score, h.why) for h in plain.search(query)], query


def _scanned_full(
    self: TermMaps, ranking: object, term: Term, pool: list[int] | None
) -> tuple[dict[int, int], dict[int, str]]:
    tiers, labels, _ = match_term(self._tables, ranking, term, None)  # type: ignore[arg-type]
    if pool is None:
        return tiers, labels
    kept = {i: tiers[i] for i in pool if i in tiers}
    return kept, {i: labels[i] for i in kept}


def test_loose_matches_looked_for_record_by_record_are_those_of_the_whole_field() -> None:
    index = _index()
    t, r = index._tables, index._ranking
    count = len(t.snippets)
    rng = random.Random(3)
    for word in ("nihao", "您好", "xgdz", "qrsh", "退货"):
        term = parse(t.keys, word)[0][0]
        everywhere: tuple[dict[int, int], dict[int, str]] = ({}, {})
        add_inexact(t, r, term, None, 0, everywhere, spelled=True)
        few = set(rng.sample(range(count), count // 20)) | set(list(everywhere[0])[:20])
        some: tuple[dict[int, int], dict[int, str]] = ({}, {})
        add_inexact(t, r, term, few, 0, some, spelled=True)
        assert some[0] == {i: v for i, v in everywhere[0].items() if i in few}, word


@pytest.mark.parametrize("count", [1, 10, 5000])
def test_a_bitmap_of_few_or_many_records_has_their_bits(count: int) -> None:
    rng = random.Random(count)
    for size in (0, 1, count // 100, count // 2, count):
        picked = [rng.randrange(count) for _ in range(size)]
        assert list(bits(bitmap_of(picked, count))) == sorted(set(picked))
        assert bitmap_of(iter(picked), count) == bitmap_of(picked, count)
