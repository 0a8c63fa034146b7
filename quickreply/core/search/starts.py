"""Syllable starts of one pinyin field, sorted by the letters that follow: a bisect finds them.

A position counts where a syllable (or an item) starts: ``marks`` has it capitalised, or a
separator is in front (the rule ``scan.py`` applies to pinyin hits). Sorted by the text from
there on (the first :data:`DEPTH` characters), every position where a Latin string of at most
that length starts a syllable forms one run of the sorted array, found with two bisects; the
letters that may follow a prefix are the runs inside its run. This is what makes a typo
anywhere in the texts cheap (anywhere.py): a one-edit neighbour of the term is looked up
without reading any record, and an edit is only tried after a prefix that occurs. Two
``array('I')`` per field (position, its record): 8 bytes per syllable start, kept in the cache
as bytes. The item starts among them (a separator in front) are kept apart the same way: where
an item starts with a needle, exactly, for the walks' bounds (the gram item-start key only
knows an item's first letter: ``qin,queren…`` starts with q).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import compress, repeat
from operator import sub

from quickreply.core.search.records import OFFSET_TYPE, Field
from quickreply.core.search.scan import SEPS

# The longest needle looked up: a term of at most 24 letters (terms.py) plus one insertion.
DEPTH = 25
# Where a Latin needle may start: a syllable start (capitalised in ``marks``), or behind a
# separator. Other capitals (not ASCII) cannot start an ASCII needle.
_START = re.compile(r"[A-Z]|(?<=[\x00\x01])[a-z0-9]")

Span = tuple[int, int]


class Starts:
    """The syllable starts of one field in the order of the text behind them."""

    __slots__ = ("hay", "head_records", "heads", "positions", "records")

    def __init__(
        self,
        hay: str,
        positions: array[int],
        records: array[int],
        heads: array[int],
        head_records: array[int],
    ) -> None:
        self.hay = hay
        self.positions = positions  # syllable starts, sorted by hay[p : p + DEPTH]
        self.records = records  # records[k]: the record positions[k] is in
        self.heads = heads  # the item starts of positions, in the same order
        self.head_records = head_records

    @classmethod
    def build(cls, field: Field) -> Starts:
        hay = field.hay
        found = [m.start() for m in _START.finditer(field.marks)]
        # By first letter, then each letter's run by the text behind it: the sort keys (≈ 75
        # bytes per syllable start) exist for one letter at a time, not for the whole field
        # (≈ 190 MB at 100,000 replies). One-character strings are shared, so the first sort
        # makes none. Both sorts are stable: the order is that of one sort by the text.
        first = hay.__getitem__
        found.sort(key=first)
        positions = array(OFFSET_TYPE)
        k = 0
        while k < len(found):
            end = bisect_right(found, first(found[k]), k, key=first)
            positions.extend(sorted(found[k:end], key=lambda p: hay[p : p + DEPTH]))
            k = end
        del found
        # The record of p is the number of record starts after the first one up to p.
        later_starts = field.offsets[1:]
        records = array(OFFSET_TYPE, map(bisect_right, repeat(later_starts), positions))
        # An item start has a separator in front (as scan.tier reads it: hay[p - 1]).
        is_head = list(map(SEPS.__contains__, map(hay.__getitem__, map(sub, positions, repeat(1)))))
        heads = array(OFFSET_TYPE, compress(positions, is_head))
        head_records = array(OFFSET_TYPE, compress(records, is_head))
        return cls(hay, positions, records, heads, head_records)

    def plain(self) -> tuple[bytes, bytes, bytes, bytes]:
        """The four arrays as bytes, for the cache."""
        return (
            self.positions.tobytes(),
            self.records.tobytes(),
            self.heads.tobytes(),
            self.head_records.tobytes(),
        )

    @classmethod
    def from_plain(cls, data: object, field: Field) -> Starts:
        """The table back from the cache; a ValueError when it does not fit ``field``."""
        if not isinstance(data, tuple | list) or len(data) != 4:
            raise ValueError("syllable starts")
        positions, records, heads, head_records = (array(OFFSET_TYPE) for _ in range(4))
        if positions.itemsize != 4:
            raise ValueError("syllable starts: no 32-bit array type")
        for table, raw in zip((positions, records, heads, head_records), data, strict=True):
            table.frombytes(raw)
        # The file is sealed by this install and versioned: no scan of every entry (≈ 5 ms per
        # 100,000 syllable starts) on the start-up path, only the shape.
        if len(positions) != len(records) or len(heads) != len(head_records):
            raise ValueError("syllable starts")
        return cls(field.hay, positions, records, heads, head_records)

    def __len__(self) -> int:
        return len(self.positions)

    def span(self, needle: str, lo: int = 0, hi: int = -1) -> Span:
        """The run of positions (within ``lo:hi``) where ``needle`` starts a syllable."""
        return _span(self.hay, self.positions, needle, lo, hi)

    def head_span(self, needle: str) -> Span:
        """The run of :attr:`heads` where ``needle`` starts an item."""
        return _span(self.hay, self.heads, needle, 0, -1)

    def lacks(self, needle: str) -> bool:
        """Whether ``needle`` surely starts no syllable here (False: it may, or the table
        cannot tell: longer than :data:`DEPTH`, or not a lowercase Latin string)."""
        if len(needle) > DEPTH or not (needle.isascii() and needle.isalnum()):
            return False
        lo, hi = self.span(needle)
        return lo == hi

    def children(self, depth: int, lo: int, hi: int) -> Iterator[tuple[str, int, int]]:
        """For a run ``lo:hi`` sharing its first ``depth`` characters: each lowercase letter
        that follows, with its run."""
        hay, positions = self.hay, self.positions
        width = depth + 1

        def key(p: int) -> str:
            return hay[p : p + width]

        k = lo
        while k < hi:
            p = positions[k]
            ch = hay[p + depth]
            if "a" <= ch <= "z":
                end = bisect_right(positions, hay[p : p + width], k, hi, key=key)
                yield ch, k, end
            elif ch < "a":
                # Digits, separators and punctuation sort before the letters: jump past them.
                end = bisect_left(positions, hay[p : p + depth] + "a", k, hi, key=key)
            else:
                return  # past "z": 汉字 and other characters, no letter follows any more
            k = end

    def records_of(self, spans: list[Span]) -> set[int]:
        """The records holding any position of ``spans``."""
        records = self.records
        out: set[int] = set()
        for lo, hi in spans:
            out.update(records[lo:hi])
        return out


def _span(hay: str, positions: array[int], needle: str, lo: int, hi: int) -> Span:
    """The run of ``positions`` (sorted by the text behind them, within ``lo:hi``) where the
    text starts with ``needle``."""
    n = len(needle)
    if hi < 0:
        hi = len(positions)

    def key(p: int) -> str:
        return hay[p : p + n]

    lo = bisect_left(positions, needle, lo, hi, key=key)
    return lo, bisect_right(positions, needle, lo, hi, key=key)
