"""A term's exact matches read off whole fields at C speed (its map, or which records may match).

:func:`full_map` is the same map as a scan of every field (``match_term`` without a page),
built from lists: the hit positions of each field (a pinyin field's come from its sorted
syllable starts, others from one regex), their records (``bisect`` through ``map``), the
characters around them, and ``itertools.compress`` splitting the records by tier. Each
tier's records are then written into the map in increasing tier order, so every record ends
with its best tier (and the field that gave it: tiers are distinct per field). ``nihao`` at
100,000 replies: the scan looks at each of ≈ 4,000 matching records in Python (≈ 50 ms),
this reads the same in ≈ 6 ms. A mixed term (its 汉字 checked in the parent field) is not
read this way, nor a one-character term (hits everywhere; the scan reads one per record).

:class:`Lookup` answers which records of a given set may match a term, for the several-term
passes: one C ``find`` per candidate record and field, its cost known before it runs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import chain, compress, repeat
from operator import add, le, not_, or_, sub

from quickreply.core.search.fields import CODE_EXACT, CODE_PREFIX, FIELDS, FieldSpec
from quickreply.core.search.grams import bitmap_of, bits, own_key
from quickreply.core.search.scan import SEPS
from quickreply.core.search.starts import DEPTH
from quickreply.core.search.tables import Tables
from quickreply.core.search.terms import Term, needle

Layer = tuple[int, str, Iterable[int]]  # tier, what gave it, records with a hit of that tier
# A pinyin needle's records are read off its syllable starts when they are at most this many
# per candidate record (a bitmap from the run of starts, ≈ 0.07 µs each), else each candidate
# is searched (a ``find``, ≈ 0.3 µs): a start costs this fraction of a find.
_SPAN_PER_CANDIDATE = 4


def full_map(t: Tables, term: Term) -> tuple[dict[int, int], dict[int, str]] | None:
    """Every record's best exact tier for ``term`` and what gave it; None when this term is
    better scanned (one character) or must be (a mixed term, or a field whose equal and
    prefix tiers differ)."""
    if term.kind == "mixed" or len(term.raw) < 2:
        return None  # one character: hits in most records, where the scan reads only the first
    layers: list[Layer] = []
    for spec in FIELDS:
        found = needle(term, spec)
        if not found:
            continue
        if spec.equal != spec.prefix:
            return None  # an item equal to the needle would need its end read too
        layers.extend(_field_layers(t, spec, found))
    if term.kind == "latin":
        codes = list(t.codes.with_prefix(term.raw))
        layers.append((CODE_PREFIX, "code-prefix", [i for code, i in codes if code != term.raw]))
        layers.append((CODE_EXACT, "code", [i for code, i in codes if code == term.raw]))
    layers.sort(key=lambda layer: layer[0])  # stable: a field's layers keep their order
    best: dict[int, int] = {}
    label: dict[int, str] = {}
    for got, why, records in layers:
        records = list(records)
        best.update(zip(records, repeat(got)))
        label.update(zip(records, repeat(why)))
    return best, label


class Lookup:
    """Which records of a bitmap may match a term exactly, planned before it is run: every
    one that does, and few that do not (a pinyin field read without its syllable starts).

    Per field, the gram bitmaps give the candidates; a one-character needle's bitmap is
    exact; a pinyin needle's syllable starts give its records when they are not many more
    than the candidates; else each candidate's text is searched, one C ``find`` each. The
    cost (:attr:`cost`, in ``find``s) is bounded by the candidates, not by how often the term
    occurs, and known before anything is searched.
    """

    def __init__(self, t: Tables, term: Term, within: int) -> None:
        self._tables = t
        self._term = term
        self.within = within
        self.cost = 0
        self._exact = 0  # records known without a search
        self._spans: list[tuple[str, int, int]] = []  # (field, lo, hi): runs of syllable starts
        self._finds: list[tuple[str, str, int]] = []  # (field, needle, candidates)
        for spec in FIELDS:
            found = needle(term, spec)
            cand = t.cand(spec.name, found, start=term.prefix_only) & within if found else 0
            if not cand:
                continue
            if len(found) == 1 and (term.prefix_only or own_key(found)):
                # Its own gram key (or, prefix only, its item-start key): the bitmap is exact.
                # A prefix-only term is a single letter: it never reaches the searches below.
                self._exact |= cand
                continue
            count = cand.bit_count()
            starts = t.starts.get(spec.name)
            if starts is not None and len(found) <= DEPTH and found.isascii() and found.isalnum():
                lo, hi = starts.span(found)
                if hi - lo <= _SPAN_PER_CANDIDATE * count:
                    self._spans.append((spec.name, lo, hi))
                    self.cost += (hi - lo) // _SPAN_PER_CANDIDATE
                    continue
            self._finds.append((spec.name, found, cand))
            self.cost += count

    def run(self) -> int:
        """The records of ``within`` that may match, as a bitmap."""
        t = self._tables
        count = len(t.snippets)
        searched: list[Iterable[int]] = [
            t.starts[name].records[lo:hi] for name, lo, hi in self._spans
        ]
        for name, found, cand in self._finds:
            ids = list(bits(cand))
            offsets = t.fields[name].offsets
            begins = map(offsets.__getitem__, ids)
            ends = map(offsets.__getitem__, map(add, ids, repeat(1)))
            hits = map(t.fields[name].hay.find, repeat(found), begins, ends)
            searched.append(compress(ids, map(le, repeat(0), hits)))
        if self._term.kind == "latin":
            searched.append([i for _, i in t.codes.with_prefix(self._term.raw)])
        return (self._exact | bitmap_of(chain.from_iterable(searched), count)) & self.within


def _field_layers(t: Tables, spec: FieldSpec, found: str) -> list[Layer]:
    """The records of one field with a hit of ``found``, by the tier of the hit."""
    positions, records = _field_hits(t, spec, found)
    if not positions:
        return []
    hay = t.fields[spec.name].hay
    n = len(found)
    before = list(map(hay.__getitem__, map(sub, positions, repeat(1))))
    at_item = compress(records, map(SEPS.__contains__, before))
    out: list[Layer] = [(spec.substring, spec.why, records)]
    if spec.word > spec.substring:
        # A whole word: no letter, digit or 汉字 on either side (scan.tier's rule).
        after = map(hay.__getitem__, map(int.__add__, positions, repeat(n)))
        either = map(or_, map(str.isalnum, before), map(str.isalnum, after))
        out.append((spec.word, spec.why, compress(records, map(not_, either))))
    out.append((spec.prefix, spec.why, at_item))
    return out


def _field_hits(t: Tables, spec: FieldSpec, found: str) -> tuple[Sequence[int], Sequence[int]]:
    """The positions of the valid hits of ``found`` in one field, and their records."""
    field = t.fields[spec.name]
    hay = field.hay
    starts = t.starts.get(spec.name)
    if starts is not None and len(found) <= DEPTH and found.isascii() and found.isalnum():
        # Exactly the hits that start a syllable or an item, with their records.
        lo, hi = starts.span(found)
        return starts.positions[lo:hi], starts.records[lo:hi]
    # The gram bitmaps bound where a hit can be: often nowhere, else a stretch of the field.
    cand = t.cand(spec.name, found, start=False)
    if not cand:
        return (), ()
    offsets = field.offsets
    begin, end = offsets[(cand & -cand).bit_length() - 1], offsets[cand.bit_length()]
    positions: Sequence[int] = _hits(hay, found, begin, end)
    if spec.kind == "pinyin" and positions:
        # A pinyin hit must start a syllable (capitalised in marks) or an item.
        before = map(hay.__getitem__, map(sub, positions, repeat(1)))
        upper = map(str.isupper, map(field.marks.__getitem__, positions))
        positions = list(compress(positions, map(or_, map(SEPS.__contains__, before), upper)))
    return positions, list(map(sub, map(bisect_right, repeat(offsets), positions), repeat(1)))


def _hits(hay: str, found: str, begin: int, end: int) -> list[int]:
    """Every position of ``found`` in ``hay``, overlapping ones too (``哈哈`` in ``哈哈哈``)."""
    n = len(found)
    overlaps = any(found[k:] == found[: n - k] for k in range(1, n))
    if overlaps:
        # Consume one character per hit so the next hit may start inside this one.
        pattern = re.escape(found[0]) + "(?=" + re.escape(found[1:]) + ")"
    else:
        pattern = re.escape(found)
    return list(map(re.Match.start, re.compile(pattern).finditer(hay, begin, end)))
