"""The inexact pass of several terms walked best bound first, until nothing left can reach the page.

When the exact tiers leave a several-term page short, every record's tier per term also
counts synonyms, loose matches and typos (index.py's term-by-term pass builds each term's
whole map). A typo of a common word (``xioamei``, ``suzi``) has typos anywhere in tens of
thousands of replies and the other term (``小妹``, ``物流``) exact matches in as many: both
maps cost ≈ 100–400 ms at 100,000 replies. Here each term only gets an upper bound of its
tier per record, as bitmaps: the gram bounds of its exact matches and of its synonyms'
(demoted), and its loose and typo matches, whose record sets come at C speed. The records
that may match every term are split by the bound of their score (summed, and scaled like
:func:`inexact_sum` when a term's bound is inexact), walked from the highest bound down in
rank order, each scored exactly (the same tiers and labels as the term-by-term pass), and the
walk stops once ``limit`` scored records outrank what the rest could reach.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from itertools import repeat

from quickreply.core.search.anywhere import MIN_LENGTH, neighbour_spans
from quickreply.core.search.fields import LOWEST_EXACT, TYPO_ANYWHERE, inexact_sum
from quickreply.core.search.grams import bitmap_of, bits
from quickreply.core.search.known import Known
from quickreply.core.search.match import NARROW_LIMIT, Matches, add_inexact
from quickreply.core.search.rank import Ranking
from quickreply.core.search.records import Field
from quickreply.core.search.scan import SEPS
from quickreply.core.search.synonyms import demote
from quickreply.core.search.tables import Tables
from quickreply.core.search.terms import Term
from quickreply.core.search.walk import (
    NARROW_AFTER,
    Levels,
    disjoint,
    keep_best,
    partition,
)

# Records looked at to tell whether a later term is spelled before giving up on this walk.
_MOST_LOOKED = 2000
# The walk looks its terms up once more than one in this many records scored missed.
MISS_SHARE = 4
# A typo's neighbour that starts more syllables than one in this many records is not listed
# but looked for in each record scored.
_COMMON_SHARE = 16
# Above every loose and typo tier, below every synonym (demoted) and exact tier.
LOOSE_BOUND = demote(0) - 1
# A record's byte in a row of anywhere_rows when it holds a match; bytes.translate reads
# rows as binary digits.
_HAS = 1
_ROW_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


@dataclass(slots=True)
class _Exact:
    """A term's exact tier (and label) in one record: from its map when it is short."""

    memo: Known  # the term's gram bounds and exact tiers, kept across keystrokes
    known: Matches | None  # the term's every exact match, when listed

    @property
    def term(self) -> Term:
        return self.memo.term

    def __call__(self, i: int) -> tuple[int, str]:
        if self.known is None:
            return self.memo.exact(i)
        got = self.known[0].get(i, 0)
        return (got, self.known[1][i]) if got else (0, "")

    def levels(self) -> Levels:
        """Upper bounds of the tier per record: exact when the map is known."""
        if self.known is None:
            return self.memo.levels
        return _by_tier(self.memo.tables, self.known[0])


@dataclass(slots=True)
class _Part:
    """Records whose tier for a term is at most ``bound``, and the exact map that may give
    it (None: a loose or typo tier, known exactly)."""

    bound: int
    bitmap: int
    source: _Exact | None


@dataclass(slots=True)
class _Scorer:
    """One term's tier (and label) in one record, as the term-by-term pass gives it."""

    exact: _Exact
    alternatives: list[_Exact]
    near: dict[int, int]  # loose and item-start typo tiers
    near_why: dict[int, str]
    anywhere: list[_Anywhere]  # typos anywhere per field (anywhere_rows), best first

    def tier(self, i: int) -> tuple[int, str]:
        best, label = self.exact(i)
        for alt in self.alternatives:
            got = alt(i)[0]
            if got and demote(got) > best:
                best, label = demote(got), "synonym"
        got = self.near.get(i, 0)
        if got > best:
            best, label = got, self.near_why[i]
        for field in self.anywhere:
            if i in field:
                if field.tier > best:
                    best, label = field.tier, "typo"
                break
        return best, label

    def literal(self, i: int) -> bool:
        """Whether the term or a synonym matches record ``i`` exactly."""
        return bool(self.exact(i)[0]) or any(alt(i)[0] for alt in self.alternatives)


def inexact_walk(
    t: Tables,
    r: Ranking,
    terms: list[Term],
    alternatives: Callable[[Term], list[Term]],
    known: Callable[[Term], Known],
    listed: Callable[[Term], Matches | None],
    spelled_first: Callable[[Term], bool],
    may: Callable[[Term, int], int | None],
    limit: int,
) -> tuple[dict[int, int], dict[int, str]] | None:
    """The scores (exact, loose, typo and synonym tiers) of the records that can reach the
    page, for ``terms`` in selectivity order (none mixed); None when this walk cannot tell a
    later term's "spelled" cheaply (the caller runs the term-by-term pass).

    ``known(term)``: the term's gram bounds and exact tiers, kept across keystrokes
    (known.py).
    ``listed(term)``: the term's exact map when short (TermMaps.listed), else None.
    ``may(term, within)``: of the records of bitmap ``within``, those that may match
    ``term`` exactly (TermMaps.records; None: cannot tell); asked once the gram bounds
    prove loose (one in :data:`MISS_SHARE` of the first :data:`NARROW_AFTER` records
    scored missed).
    ``spelled_first(term)``: whether the first term has :data:`NARROW_LIMIT` exact or
    synonym matches or more (then its typos anywhere are not looked for); a later term is
    spelled by its matches among the records the earlier terms match, as in the
    term-by-term pass.
    """
    scorers: list[_Scorer] = []
    levels: list[Levels] = []
    parts: list[list[_Part]] = []
    for n, term in enumerate(terms):
        alts = [_Exact(known(alt), listed(alt)) for alt in alternatives(term)]
        near: dict[int, int] = {}
        near_why: dict[int, str] = {}
        add_inexact(t, r, term, None, 0, (near, near_why), spelled=True)
        scorer = _Scorer(_Exact(known(term), listed(term)), alts, near, near_why, [])
        mine = [_Part(bound, bitmap, scorer.exact) for bound, bitmap in scorer.exact.levels()]
        for alt in alts:
            mine.extend(_Part(demote(bound), bitmap, alt) for bound, bitmap in alt.levels())
        mine.extend(_Part(bound, bitmap, None) for bound, bitmap in _by_tier(t, near))
        if may_typo_anywhere(term):
            if n == 0:
                spelled = spelled_first(term)
            else:
                found = _spelled_later(scorer, scorers, levels, mine, may)
                if found is None:
                    return None
                spelled = found
            if not spelled:
                rows = anywhere_rows(t, term.raw)
                scorer.anywhere = [field for _, field in rows]
                mine.extend(_Part(field.tier, field.bound(t, name), None) for name, field in rows)
        scorers.append(scorer)
        parts.append(mine)
        levels.append(_disjoint_parts(mine))
    return _walk(t, r, scorers, parts, limit, may)


def _by_tier(t: Tables, tiers: dict[int, int]) -> Levels:
    """(tier, records) for each tier of a map."""
    by_tier: dict[int, list[int]] = {}
    for i, got in tiers.items():
        by_tier.setdefault(got, []).append(i)
    return [(got, bitmap_of(ids, len(t.snippets))) for got, ids in by_tier.items()]


def may_typo_anywhere(term: Term) -> bool:
    """Whether ``term`` may have typos anywhere in the texts (anywhere.py) at all."""
    raw = term.raw
    return term.typo_ok and len(raw) >= MIN_LENGTH and raw.isascii() and raw.isalnum()


@dataclass(slots=True)
class _Anywhere:
    """The records with a typo of a term anywhere in one pinyin field (anywhere.py): a row
    of one byte per record for the neighbours that start few syllables, and the neighbours
    that start too many to list (``qin`` for ``qini``), each checked in a record on request."""

    tier: int
    row: bytearray
    field: Field
    common: list[str]

    def __contains__(self, i: int) -> bool:
        if self.row[i]:
            return True
        field = self.field
        hay, marks = field.hay, field.marks
        begin, end = field.offsets[i], field.offsets[i + 1]
        for found in self.common:
            at = hay.find(found, begin, end)
            while at != -1:
                if marks[at].isupper() or hay[at - 1] in SEPS:  # starts a syllable (starts.py)
                    return True
                at = hay.find(found, at + 1, end)
        return False

    def bound(self, t: Tables, name: str) -> int:
        """The records that may hold such a typo (every one that does)."""
        bitmap = _row_bitmap(self.row)
        for found in self.common:
            bitmap |= t.cand(name, found, start=False)
        return bitmap


def anywhere_rows(t: Tables, raw: str) -> list[tuple[str, _Anywhere]]:
    """anywhere.anywhere_typos without a limit, per field best first: its records, written
    at C speed from the runs of syllable starts (no loop, no set per record), except the
    neighbours that start more syllables than a record in :data:`_COMMON_SHARE` has."""
    out: list[tuple[str, _Anywhere]] = []
    most = max(1, len(t.snippets) // _COMMON_SHARE)
    for name, typo_tier in TYPO_ANYWHERE.items():
        table = t.starts[name]
        row = bytearray(len(t.snippets))
        records = table.records
        variants: list[str] = []
        common: list[str] = []
        for (lo, hi), variant in zip(neighbour_spans(table, raw, variants), variants, strict=True):
            if hi - lo > most:
                common.append(variant)
            else:
                deque(map(row.__setitem__, records[lo:hi], repeat(_HAS)), maxlen=0)
        out.append((name, _Anywhere(typo_tier, row, t.fields[name], common)))
    return out


def _row_bitmap(row: bytearray) -> int:
    """The bitmap of the records a row marks."""
    return int(bytes(row).translate(_ROW_DIGITS)[::-1], 2)


def _spelled_later(
    scorer: _Scorer,
    earlier: list[_Scorer],
    levels: list[Levels],
    raw: list[_Part],
    may: Callable[[Term, int], int | None],
) -> bool | None:
    """Whether a later term (``scorer``) has :data:`NARROW_LIMIT` exact or synonym matches
    among the records every earlier term matches (None: too costly to count here)."""
    within = -1
    for term_levels in levels:
        union = 0
        for _, bitmap in term_levels:
            union |= bitmap
        within &= union
    literal = 0
    for source in (scorer.exact, *scorer.alternatives):
        mine = 0
        for part in raw:
            if part.source is source:
                mine |= part.bitmap
        mine &= within
        if source.known is None and mine.bit_count() >= NARROW_LIMIT:
            found = may(source.term, mine)
            mine = mine if found is None else found
        literal |= mine
    if literal.bit_count() < NARROW_LIMIT:
        return False
    count = 0
    for looked, i in enumerate(bits(literal)):
        if looked >= _MOST_LOOKED:
            return None
        if all(other.tier(i)[0] for other in earlier) and scorer.literal(i):
            count += 1
            if count >= NARROW_LIMIT:
                return True
    return False


def _disjoint_parts(parts: list[_Part]) -> Levels:
    return disjoint([(part.bound, part.bitmap) for part in parts])


def _narrowed(
    parts: list[list[_Part]], within: int, may: Callable[[Term, int], int | None]
) -> list[Levels]:
    """The levels of each term once its gram bounds (``parts`` from an exact map not
    listed) keep only the records of ``within`` that may match exactly; term by term, each
    looked up only in the records the terms before it left."""
    levels: list[Levels] = []
    for mine in parts:
        unions: dict[int, tuple[Term, int]] = {}  # per exact map not listed: its records
        for part in mine:
            if part.source is not None and part.source.known is None:
                key = id(part.source)
                union = unions[key][1] if key in unions else 0
                unions[key] = (part.source.term, union | part.bitmap)
        found = {key: may(term, union & within) for key, (term, union) in unions.items()}
        for part in mine:
            kept = found.get(id(part.source))
            if kept is not None:
                part.bitmap &= kept
        term_levels = _disjoint_parts(mine)
        union = 0
        for _, bitmap in term_levels:
            union |= bitmap
        within &= union
        levels.append(term_levels)
    return levels


def _walk(
    t: Tables,
    r: Ranking,
    scorers: list[_Scorer],
    parts: list[list[_Part]],
    limit: int,
    may: Callable[[Term, int], int | None],
) -> tuple[dict[int, int], dict[int, str]]:
    """Score the records best bound first until ``limit`` of them outrank the rest."""
    levels = [_disjoint_parts(mine) for mine in parts]
    rest = t.every  # the records not scored yet
    scores: dict[int, int] = {}
    why: dict[int, str] = {}
    rank = r.rank
    heap: list[tuple[int, int]] = []  # (score, -rank) of the best `limit` so far
    scored: list[int] | None = []  # None once narrowed
    misses = 0
    while True:
        by_bound = partition(levels, rest)
        again = False
        for bound in sorted(by_bound, reverse=True):
            if len(heap) >= limit and heap[0][0] > bound:
                return scores, why
            for i in r.ranked(by_bound[bound]):
                if len(heap) >= limit:
                    worst, neg = heap[0]
                    if worst > bound or (worst == bound and -neg < rank[i]):
                        return scores, why  # later members of this group rank below i
                if scored is not None:
                    if len(scored) >= NARROW_AFTER and misses * MISS_SHARE >= len(scored):
                        # Loose gram bounds: look the terms up in what is left, regroup.
                        candidates = 0
                        for bitmap in by_bound.values():
                            candidates |= bitmap
                        rest &= ~bitmap_of(scored, len(t.snippets))
                        levels = _narrowed(parts, candidates & rest, may)
                        scored = None
                        again = True
                        break
                    scored.append(i)
                total = 0
                loose = False
                best_tier, label = -1, ""
                for scorer in scorers:
                    got, got_why = scorer.tier(i)
                    if not got:
                        misses += 1
                        break
                    total += got
                    loose = loose or got < LOWEST_EXACT
                    if got > best_tier:
                        best_tier, label = got, got_why
                else:
                    score = inexact_sum(total) if loose else total
                    scores[i] = score
                    why[i] = label
                    keep_best(heap, (score, -rank[i]), limit)
            if again:
                break
        if not again:
            return scores, why
