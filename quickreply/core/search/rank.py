"""Ranking: the order of equally scored records, from this agent's usage, then title order.

Usage is a tie-breaker, never a tier: frecency = count / (1 + age in weeks), the age measured
from the newest use (no wall clock needed). The most used records come first; the rest keep
title order, which is their record number.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from quickreply.core.model import Snippet, Usage
from quickreply.core.search.grams import bitmap_of, bits
from quickreply.core.search.records import Field
from quickreply.core.textkeys import SEP_RECORD

# Usage ranks at most this many snippets ahead of title order (each costs a check per keystroke).
_BOOST_MAX = 256


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: the snippet, its score (higher is better) and what matched."""

    snippet: Snippet
    score: int
    why: str


class Ranking:
    """The rank of every record for one usage snapshot.

    The used records (``boosted``, rank order) are kept as a list, a set and a bitmap: each is
    what one hot path needs; with their field texts joined (``blobs``), so most of them are
    skipped with one ``in`` per term.
    """

    def __init__(
        self, snippets: Sequence[Snippet], fields: Mapping[str, Field], usage: Mapping[str, Usage]
    ) -> None:
        index_of = {s.id: i for i, s in enumerate(snippets)}
        used = [(index_of[sid], u) for sid, u in usage.items() if sid in index_of and u.count > 0]
        newest = max((u.last_used for _, u in used), default=None)
        boosted: list[int] = []
        if newest is not None:
            score = {i: frecency(u, newest) for i, u in used}
            boosted = sorted(score, key=lambda i: (-score[i], i))[:_BOOST_MAX]
        chosen = set(boosted)
        self.boosted = boosted
        self.boost_set = chosen
        self.blobs = {i: SEP_RECORD.join(f.segment(i) for f in fields.values()) for i in boosted}
        self.boost_bits = bitmap_of(boosted, len(snippets))
        order = boosted + [i for i in range(len(snippets)) if i not in chosen]
        rank = [0] * len(order)
        for position, i in enumerate(order):
            rank[i] = position
        self.order = order  # records, best ranked first
        self.rank = rank  # record -> its position in order

    def ranked(self, bitmap: int) -> Iterator[int]:
        """The records of ``bitmap`` in rank order: used ones first, then title order."""
        used = bitmap & self.boost_bits
        if used:
            yield from sorted(bits(used), key=self.rank.__getitem__)
        yield from bits(bitmap ^ used)

    def boosted_holding(self, needles: set[str], members: set[int] | None) -> Iterator[int]:
        """The used records (of ``members`` if given) whose texts hold one of ``needles``."""
        blobs = self.blobs
        for i in self.boosted:
            if members is not None and i not in members:
                continue
            blob = blobs[i]
            if any(n in blob for n in needles):
                yield i

    def top(
        self, snippets: Sequence[Snippet], scores: dict[int, int], why: dict[int, str], limit: int
    ) -> list[Hit]:
        """The ``limit`` best records: highest score first, ties in rank order."""
        n = len(snippets) + 1
        rank = self.rank
        packed = [(-score) * n + rank[i] for i, score in scores.items()]
        best = heapq.nsmallest(limit, packed) if len(packed) > limit else sorted(packed)
        order = self.order
        hits = []
        for value in best:
            i = order[value % n]
            hits.append(Hit(snippets[i], scores[i], why[i]))
        return hits


def first_ranked(ranking: Ranking, records: set[int], limit: int) -> Iterable[int]:
    """The ``limit`` records of ``records`` ranked first (all of them without a limit)."""
    if not limit or len(records) <= limit:
        return records
    used = sorted(records & ranking.boost_set, key=ranking.rank.__getitem__)
    if len(used) >= limit:
        return used[:limit]
    rest = records - ranking.boost_set if used else records
    return used + heapq.nsmallest(limit - len(used), rest)


def outranked(ahead: Mapping[int, int], out: Mapping[int, int], tier: int) -> int:
    """How many records score above ``tier``, in ``ahead`` or in ``out``: a page of that many
    holds no record of ``tier`` (ties are broken by rank, so only a higher score counts)."""
    above = {i for i, got in ahead.items() if got > tier}
    return len(above) + sum(1 for i, got in out.items() if got > tier and i not in above)


def frecency(usage: Usage, newest: datetime) -> float:
    """Uses weighted by age: a use a week older than the newest counts half."""
    try:
        days = max((newest - usage.last_used).total_seconds(), 0.0) / 86400.0
    except TypeError:  # naive and aware datetimes mixed: ignore recency
        days = 0.0
    return usage.count / (1.0 + days / 7.0)
