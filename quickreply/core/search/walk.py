"""The query walk: several terms scored best bound first, until nothing left can reach the page.

Each term's gram bitmaps tell, per field, which records may contain it there and whether at
an item start: an upper bound of its tier per record. The records that can match every term
are split by the sum of their bounds (one term at a time, equal sums merged, so this stays a
handful of bitmaps however many terms), and the groups are walked from the highest sum down,
each in rank order, each record scored exactly. ``快递 延`` at 100k scores ≈ 50 records
instead of every snippet that has both.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from typing import TYPE_CHECKING

from quickreply.core.search.fields import (
    CODE_EXACT,
    CODE_PREFIX,
    FIELDS,
    LOWEST_EXACT,
    inexact_sum,
)
from quickreply.core.search.grams import WORD_MARK, bitmap_of, gram_bitmap
from quickreply.core.search.rank import Ranking
from quickreply.core.search.tables import Tables
from quickreply.core.search.terms import Term, by_selectivity, needle
from quickreply.core.textkeys import SEP_ITEM

if TYPE_CHECKING:
    from quickreply.core.search.known import Known

# Records scored before the walk asks which records surely match (see walk), and again after
# four times as many.
NARROW_AFTER = 256


def walk(
    t: Tables,
    r: Ranking,
    terms: list[Term],
    within: int,
    limit: int,
    known: Callable[[Term], Known],
    narrow: Callable[[list[Term], int, list[float], int], int | None] | None = None,
) -> tuple[dict[int, int], dict[int, str], bool]:
    """Exact scores of the records (of bitmap ``within``) that can reach the page.

    ``known(term)`` gives a term's gram bounds and exact tiers, kept across keystrokes
    (known.py).

    Stops once ``limit`` scored records outrank everything the rest could reach, and then
    says so (the third value): the scores are not every match. Bounds from gram bitmaps are
    loose when the terms' characters are everywhere but rarely together (`您好`, `妹，，` in
    replies that all say 小妹 and ，): once :data:`NARROW_AFTER` records were scored (and
    again after four times as many) and the walk goes on, ``narrow(terms, rest, rates,
    ahead)`` (of the records ``rest`` not scored yet, those that may match every term worth
    looking up, or None; ``rates``: the share of the records scored so far that each term
    was the first to miss; ``ahead``: how many the walk may score before it asks again)
    drops from the rest every record that cannot match, so they are never scored; records
    it drops would have scored nothing.
    """
    ordered = by_selectivity(terms)
    levels: list[Levels] = []
    cand = within
    memos = [known(term) for term in ordered]
    for memo in memos:
        term_bounds = memo.levels
        union = 0
        for _, bitmap in term_bounds:
            union |= bitmap
        cand &= union
        levels.append(term_bounds)
    groups = partition(levels, cand)
    scores: dict[int, int] = {}
    why: dict[int, str] = {}
    rank = r.rank
    heap: list[tuple[int, int]] = []  # (score, -rank) of the best `limit` so far
    order = sorted(groups, reverse=True)
    scored: set[int] | None = set() if narrow is not None else None
    next_narrow = NARROW_AFTER
    misses = [0] * len(ordered)  # records each term was the first to miss in
    k = 0
    while k < len(order):
        bound = order[k]
        k += 1
        if len(heap) >= limit and heap[0][0] > bound:
            return scores, why, True
        for i in r.ranked(groups[bound]):
            if scored is not None:
                if i in scored:
                    continue  # scored before the groups were narrowed
                if len(scored) >= next_narrow and narrow is not None:
                    next_narrow *= 4
                    rest = 0
                    for bitmap in groups.values():
                        rest |= bitmap
                    rest &= ~bitmap_of(scored, len(t.snippets))
                    ahead = next_narrow - len(scored)  # scored at most before the next time
                    keep = narrow(ordered, rest, miss_rates(misses, len(scored)), ahead)
                    if keep is not None:
                        groups = {b: bitmap & keep for b, bitmap in groups.items()}
                        k -= 1  # this group again, narrowed
                        break
                scored.add(i)
            if len(heap) >= limit:
                worst, neg = heap[0]
                if worst > bound or (worst == bound and -neg < rank[i]):
                    # Later members of this group rank below i: none can enter the page.
                    return scores, why, True
            total = 0
            best_tier = -1
            label = ""
            for n, memo in enumerate(memos):
                tier, term_why = memo.exact(i)
                if not tier:
                    misses[n] += 1
                    break
                total += tier
                if tier > best_tier:
                    best_tier, label = tier, term_why
            else:
                scores[i] = total
                why[i] = label
                keep_best(heap, (total, -rank[i]), limit)
    return scores, why, False


Levels = list[tuple[int, int]]  # (tier bound, records) of one term, best first, disjoint


def partition(levels: list[Levels], within: int) -> dict[int, int]:
    """The records of ``within`` by the bound of their score: their terms' bounds summed (one
    term at a time, equal sums merged), scaled like :func:`inexact_sum` when one of them is
    below every exact tier (the inexact walk's loose and typo bounds)."""
    groups: dict[tuple[int, bool], int] = {(0, False): within}
    for term_levels in levels:
        grown: dict[tuple[int, bool], int] = {}
        for (total, loose), acc in groups.items():
            for bound, bitmap in term_levels:
                both = acc & bitmap
                if both:
                    key = (total + bound, loose or bound < LOWEST_EXACT)
                    grown[key] = grown.get(key, 0) | both
        groups = grown
    by_bound: dict[int, int] = {}
    for (total, loose), bitmap in groups.items():
        bound = inexact_sum(total) if loose else total
        by_bound[bound] = by_bound.get(bound, 0) | bitmap
    return by_bound


def disjoint(raw: list[tuple[int, int]]) -> Levels:
    """(bound, records) pairs as levels: each record in the entry of its best bound only."""
    out: Levels = []
    seen = 0
    for bound, bitmap in sorted(raw, key=lambda entry: -entry[0]):
        new = bitmap & ~seen
        if new:
            out.append((bound, new))
            seen |= new
    return out


def keep_best(heap: list[tuple[int, int]], entry: tuple[int, int], limit: int) -> None:
    """Keep ``entry`` (score, -rank) in ``heap`` if it is among the best ``limit`` so far."""
    if len(heap) < limit:
        heapq.heappush(heap, entry)
    elif entry > heap[0]:
        heapq.heapreplace(heap, entry)


def bounds(t: Tables, term: Term) -> tuple[Levels, dict[str, int]]:
    """(tier bound, records) for ``term``, best first, each record in one entry only; and
    per field, the records whose field may hold a match at all (by the gram bitmaps)."""
    raw: list[tuple[int, int]] = []
    may: dict[str, int] = {}
    if term.kind == "latin":
        code = t.cand("code", term.raw, start=True)
        if code:
            raw.append((CODE_EXACT if term.raw in t.codes.record_of else CODE_PREFIX, code))
    for spec in FIELDS:
        found = needle(term, spec)
        if not found:
            continue
        # A needle that starts no syllable of a pinyin field gets nothing here: exact_cand
        # reads the same syllable starts (no separate Tables.lacks).
        anywhere, starts = t.exact_cand(spec.name, found)
        if not anywhere:
            continue
        maps = t.grams[spec.name]
        at_start = (
            anywhere & gram_bitmap(maps.get(SEP_ITEM + found[0], 0)) if starts is None else starts
        )
        if at_start:
            raw.append((spec.equal, at_start))
        if term.prefix_only:
            may[spec.name] = at_start  # a prefix-only term matches at item starts alone
            continue
        may[spec.name] = anywhere
        if spec.word > spec.substring:
            # Word-start keys are filed for letters, digits and 汉字 only: a needle starting
            # with punctuation (`，小`) may be a whole word wherever it occurs.
            words = (
                anywhere & gram_bitmap(maps.get(WORD_MARK + found[0], 0))
                if found[0].isalnum()
                else anywhere
            )
            if words:
                raw.append((spec.word, words))
        raw.append((spec.substring, anywhere))
    return disjoint(raw), may


def miss_rates(misses: list[int], scored: int) -> list[float]:
    """Per term, the share of the records it was looked up in that it missed (terms are
    looked up in order until one misses)."""
    rates: list[float] = []
    for miss in misses:
        rates.append(miss / scored if scored else 0.0)
        scored -= miss
    return rates
