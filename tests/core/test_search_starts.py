"""Typos anywhere in a pinyin field: the sorted syllable starts find exactly what a brute-force
look at every record finds (deletion, substitution, insertion, transposition; syllable starts
only), so the bisect shortcut never loses or invents a match."""

from __future__ import annotations

import random

from quickreply.core.search.anywhere import MIN_LENGTH, anywhere_typos
from quickreply.core.search.fields import TYPO_ANYWHERE
from quickreply.core.search.rank import Ranking
from quickreply.core.search.scan import SEPS
from quickreply.core.search.tables import Tables
from quickreply.core.textkeys import TextKeys
from tests.searchlib import LIB, library, snip

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _neighbours(raw: str) -> set[str]:
    out: set[str] = set()
    for j in range(len(raw) + 1):
        left, rest = raw[:j], raw[j:]
        out.update(left + ch + rest for ch in _LETTERS)
        if rest:
            out.add(left + rest[1:])
            out.update(left + ch + rest[1:] for ch in _LETTERS)
        if len(rest) > 1:
            out.add(left + rest[1] + rest[0] + rest[2:])
    out.discard(raw)
    return {n for n in out if len(n) >= MIN_LENGTH - 1}


def _brute_force(t: Tables, raw: str) -> dict[int, int]:
    out: dict[int, int] = {}
    variants = _neighbours(raw)
    for name, typo_tier in TYPO_ANYWHERE.items():
        field = t.fields[name]
        hay, marks = field.hay, field.marks
        for i in range(len(field.offsets) - 1):
            if i in out:
                continue
            start, end = field.offsets[i], field.offsets[i + 1] - 1
            for p in range(start, end):
                if (hay[p - 1] in SEPS or marks[p].isupper()) and any(
                    hay.startswith(v, p, end) for v in variants
                ):
                    out[i] = typo_tier
                    break
    return out


def test_typos_anywhere_match_a_brute_force_look_at_every_record() -> None:
    extra = library(
        snip("a", "亲爱哒", "亲爱哒您好，小妹这边帮您查一下物流，请您不要着急哦~"),
        snip("b", "确认收货", "麻烦亲确认收货后给个好评哦，sf顺丰包邮"),
        snip("c", "七天无理由", "本店支持七天无理由退换货，运费险已赠送", tags=("退货", "运费险")),
        snip("d", "你这边", "你这边看一下订单号，还有其他问题吗", examples=("你在吗",)),
    )
    snippets = [*LIB.snippets(), *extra.snippets()]
    t = Tables.build(library(*snippets), TextKeys())
    ranking = Ranking(t.snippets, t.fields, {})
    rng = random.Random(16)
    words = ["qinaida", "xiaomei", "zhaoji", "queren", "shouhuo", "wuliu", "tuihuo", "yunfei"]
    terms = {"nizh", "qeuren", "zhaoij", "tiuhuo", "wuliuu", "xiaome", "sfshun", "qitain"}
    for word in words:
        for _ in range(6):
            j = rng.randrange(len(word))
            terms.add(word[:j] + rng.choice(_LETTERS) + word[j + 1 :])
            terms.add(word[:j] + word[j + 1 :])
    for raw in sorted(terms):
        assert anywhere_typos(t.starts, ranking, raw) == _brute_force(t, raw), raw


def test_item_starts_are_exactly_the_items_a_needle_starts() -> None:
    # The walks bound a term by the title-start tier only where an item starts with it: the
    # item starts kept apart must list every such record (a missed one would be ranked too
    # low to be looked at) and no other (`亲，确认收货` starts with q, not with queren).
    from quickreply.benchmarks.search import generate_library

    t = Tables.build(generate_library(600), TextKeys())
    checked = 0
    for name in TYPO_ANYWHERE:
        field = t.fields[name]
        items = [
            [item for item in field.hay[field.offsets[i] : field.offsets[i + 1] - 1].split(SEPS[0])]
            for i in range(len(t.snippets))
        ]
        needles = {item[:k] for row in items[:60] for item in row for k in (1, 2, 3, 6) if item}
        for needle in sorted(n for n in needles if n.isascii() and n.isalnum()):
            anywhere, starts = t.exact_cand(name, needle)
            if starts is None:
                continue  # too many to list: the gram key's bound is used
            want = {i for i, row in enumerate(items) if any(it.startswith(needle) for it in row)}
            assert {i for i in range(len(t.snippets)) if starts >> i & 1} == want, (name, needle)
            assert not starts & ~anywhere
            checked += 1
    assert checked > 100
