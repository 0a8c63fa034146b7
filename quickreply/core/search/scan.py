"""Reading a needle's tier off a field string, across all records or inside one record.

The tier comes from the characters around a hit: a separator before it means an item start
(equal or prefix tier), a non-alphanumeric one on both sides a whole word, else a substring.
A pinyin hit must start a syllable (``hu`` in ``shuo`` is no match): the field's ``marks``
copy has every syllable start capitalised.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from itertools import repeat
from operator import add

from quickreply.core.search.fields import FieldSpec
from quickreply.core.search.grams import bits
from quickreply.core.search.records import Field
from quickreply.core.textkeys import SEP_ITEM, SEP_RECORD

SEPS = SEP_ITEM + SEP_RECORD
# Searching one candidate record costs about as much as a ``find`` reading this many more
# characters of a field (measured at 10k: ≈ 0.7 µs a candidate with its bit read off the
# bitmap, ≈ 1.2 characters a ns over a UCS-2 field).
_CHARS_PER_FIND = 800
# The first window of a field an item-start scan reads (characters; doubled each time).
_WINDOW = 4096


def first_hit(field: Field, needle: str, cand: int) -> int:
    """The first position of ``needle`` in ``field`` (-1: none), where ``cand`` is a bitmap
    of records that holds every record with a hit (gram bitmaps).

    Few candidates are searched one by one: a needle found nowhere (``zhq`` in the text
    initials, where 113 records have its letter pairs) then costs a few dozen µs instead of
    a ``find`` over the whole field (≈ 0.25 ms at 10k replies). Same answer either way: no
    hit lies outside the candidates, and none crosses a record's end (the needle holds no
    separator).
    """
    if not cand:
        return -1
    hay, offsets = field.hay, field.offsets
    start = offsets[(cand & -cand).bit_length() - 1]
    if cand.bit_count() * _CHARS_PER_FIND >= len(hay) - start or any(s in needle for s in SEPS):
        return hay.find(needle, start)
    ids = list(bits(cand))
    ends = map(offsets.__getitem__, map(add, ids, repeat(1)))
    hits = map(hay.find, repeat(needle), map(offsets.__getitem__, ids), ends)
    return next(filter((-1).__ne__, hits), -1)


def scan_into(
    field: Field,
    spec: FieldSpec,
    needle: str,
    at_start: bool,
    members: set[int] | None,
    check: tuple[Field, str] | None,
    best: dict[int, int],
    label: dict[int, str],
    skip: set[int] | None,
    stop: int,
    floor: int,
    begin: int,
    *,
    only_new: bool = False,
) -> bool:
    """Find ``needle`` across all records of one field and record each record's tier.

    With ``at_start``, only hits at an item start count (the equal/prefix step); the scan
    starts at ``begin``, the first hit of the plain needle. ``check`` (parent field, 汉字):
    a record counts only if its parent field holds every one of those 汉字 (mixed terms).

    Records are met in title order; ``skip`` (the used snippets, already looked at) ranks
    ahead of them. With ``stop``, return True as soon as ``stop`` records have a tier of
    at least ``floor``: every record not yet met would rank below them (``only_new``: only
    records this scan raised to ``floor`` count).

    The hot loop of the whole search: one C-level ``find`` per matching record, the tier
    read off the characters around the first hit; the slower per-record look only when the
    first hit cannot be the best one.
    """
    hay = field.hay
    find = hay.find
    offsets = field.offsets
    n = len(needle)
    why = spec.why
    equal, prefix, substring = spec.equal, spec.prefix, spec.substring
    pinyin = spec.kind == "pinyin"
    marks = field.marks
    # Item starts only: the hits behind an item or a record separator, in order, read a
    # window at a time so a scan that stops early never looks further.
    at_item = SEP_ITEM + needle
    seps = _item_hits(hay, at_item, SEP_RECORD + needle, max(begin - 1, 0))
    if at_start:
        sep = next(seps, -1)
        pos = sep + 1 if sep != -1 else -1
    else:
        pos = find(needle, begin)
    strong = sum(1 for t in best.values() if t >= floor) if stop and not only_new else 0
    while pos != -1:
        i = bisect_right(offsets, pos) - 1
        end = offsets[i + 1] - 1
        if pinyin:
            # A pinyin hit must start a syllable: skip hits inside one (hu in shuo).
            while pos != -1 and hay[pos - 1] not in SEPS and not marks[pos].isupper():
                pos = find(needle, pos + 1, end)
            if pos == -1:
                pos = find(needle, end)
                continue
        if (members is None or i in members) and (skip is None or i not in skip):
            if hay[pos - 1] in SEPS:
                tier = equal if hay[pos + n] in SEPS else prefix
            elif at_start:
                tier = 0
            else:
                tier = substring
                later = find(at_item, pos, end)
                if later != -1:
                    tier = equal if hay[later + 1 + n] in SEPS else prefix
                elif spec.word and _word_hit(hay, needle, pos, end):
                    tier = spec.word
            old = best.get(i, 0)
            if tier > old and (check is None or has_all(check[0], i, check[1])):
                best[i] = tier
                label[i] = why
                if stop and tier >= floor > old:
                    strong += 1
                    if strong >= stop:
                        return True
        if at_start:
            sep = next(seps, -1)
            while sep != -1 and sep < end:  # later items of the record just read
                sep = next(seps, -1)
            pos = sep + 1 if sep != -1 else -1
        else:
            pos = find(needle, end)
    return False


def tier(field: Field, spec: FieldSpec, i: int, needle: str, prefix_only: bool) -> int:
    """The best tier of ``needle`` inside record ``i`` of ``field`` (0: no valid match)."""
    hay = field.hay
    start = field.offsets[i]
    end = field.offsets[i + 1] - 1
    n = len(needle)
    best = 0
    pos = hay.find(needle, start, end)
    pinyin = spec.kind == "pinyin"
    while pos != -1:
        before = hay[pos - 1]
        item_start = before in SEPS
        if pinyin and not item_start and not field.marks[pos].isupper():
            pos = hay.find(needle, pos + 1, end)
            continue
        if item_start:
            after = hay[pos + n] if pos + n < len(hay) else SEP_RECORD
            found = spec.equal if after in SEPS else spec.prefix
        elif prefix_only:
            found = 0
        elif spec.word and not before.isalnum() and not _alnum_at(hay, pos + n):
            found = spec.word
        else:
            found = spec.substring
        if found > best:
            best = found
            if best == spec.equal:
                break
        pos = hay.find(needle, pos + 1, end)
    return best


def has_all(parent: Field, i: int, han: str) -> bool:
    """Whether record ``i`` of ``parent`` holds every character of ``han``."""
    segment = parent.segment(i)
    return all(ch in segment for ch in han)


def _item_hits(hay: str, at_item: str, at_record: str, start: int) -> Iterator[int]:
    """Where ``at_item`` or ``at_record`` (a separator, then the needle) occur from ``start``
    on, in order: found a window at a time, doubling, so a scan that stops after a page reads
    about as far as it got. (One ``find`` each reads the whole field for the rarer one: no
    title's pinyin has a second item, so ``\x00xi`` cost ≈ 0.2 ms at 10k on every ``xi``.)"""
    find, size, reach = hay.find, len(hay), len(at_item) - 1
    lo, window = start, _WINDOW
    while lo < size:
        hi = min(lo + window, size)
        end = hi + reach  # hits that start before hi
        item, record = find(at_item, lo, end), find(at_record, lo, end)
        while item != -1 or record != -1:
            if record == -1 or (item != -1 and item < record):
                yield item
                item = find(at_item, item + 1, end)
            else:
                yield record
                record = find(at_record, record + 1, end)
        lo, window = hi, window * 2


def _word_hit(hay: str, needle: str, pos: int, end: int) -> bool:
    """Whether a hit from ``pos`` on (before ``end``) is a whole word, as :func:`tier` reads
    every hit of a record: a substring first and ``，图片`` later is the word tier."""
    n = len(needle)
    while pos != -1:
        if not hay[pos - 1].isalnum() and not _alnum_at(hay, pos + n):
            return True
        pos = hay.find(needle, pos + 1, end)
    return False


def _alnum_at(hay: str, pos: int) -> bool:
    return pos < len(hay) and hay[pos].isalnum()
