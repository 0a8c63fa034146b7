"""Gram bitmaps: per field, which records may hold a needle, as one Python int per key.

Bit *i* of a key's int says record *i* is filed under that key (see :func:`grams`). A needle
can only occur where all its keys are, so an AND of a few ints gives a superset of the
records where it occurs, before any scan. Built with the index and cached with it.

A key filed under a few records only (a rare 汉字 or pair) is kept as their numbers, not as an
int: the int of a key whose last record is number 99,000 takes 12 KB however few bits it has
(22 MB of the 84 at 100,000 replies); :func:`gram_bitmap` gives the int back when asked.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence, Sized
from itertools import repeat
from operator import add, itemgetter
from typing import cast

from quickreply.core.search.fields import SPEC
from quickreply.core.search.records import Field
from quickreply.core.textkeys import SEP_ITEM

# Gram keys (see grams): pairs of ASCII letters/digits, and any other character but controls
# and space (汉字 and punctuation one by one: `亲，` is filed under 亲 and `,`).
_NOT_KEYS = frozenset(
    ch for ch in map(chr, range(128)) if ch.isalnum() or not ch.isprintable() or ch == " "
)
_HEAD = itemgetter(slice(0, 1))
_ALNUM_RUN = re.compile("[A-Za-z0-9]{2,}")
# A letter/digit right behind a non-alphanumeric one (what a whole-word match starts with);
# re's \W and _ are exactly what str.isalnum() rejects.
_WORD_HEAD = re.compile(r"(?<=[\W_])[^\W_]")
WORD_MARK = "\x02"
# Each ASCII letter or digit of the fields loose matching reads (match._loose): a term's
# characters in order with gaps need all of them in one record (their pairs need not be).
LETTER_MARK = "\x03"
LETTER_FIELDS = frozenset({"title", "title_ini"})
_ASCII_ALNUM = frozenset(ch for ch in map(chr, range(128)) if ch.isalnum())
_GRAM_CHUNK = 8192
# bitmap_of sets bits one by one below one index per this many records (measured crossover).
_FEW_INDICES = 50

# Keys of this many records or fewer are kept as their numbers (see the module's docstring).
_SPARSE_MAX = 8


GramMap = dict[str, int | tuple[int, ...]]  # key -> bitmap, or a sparse key's record numbers


def sparse(bitmaps: Mapping[str, int]) -> GramMap:
    """``bitmaps`` with the keys of few records as their numbers (see the module's docstring)."""
    return {
        key: tuple(bits(value)) if value.bit_count() <= _SPARSE_MAX else value
        for key, value in bitmaps.items()
    }


def gram_bitmap(found: int | tuple[int, ...]) -> int:
    """A :data:`GramMap` value as a bitmap. :func:`cand` tests ``found.__class__ is int``
    before calling: a call per key cost each keystroke ≈ 8 µs at 10,000 replies."""
    if found.__class__ is int:
        return found
    out = 0
    for i in found:  # type: ignore[union-attr]
        out |= 1 << i
    return out


Grams = dict[str, GramMap]  # field name (and "code") -> key -> bitmap of records


def build_grams(fields: Mapping[str, Field], codes: Sequence[str]) -> Grams:
    """The bitmaps of every field (word-start keys where a whole word scores more) and codes."""
    out: Grams = {}
    for name, field in fields.items():
        spec = SPEC[name]
        words, letters = spec.word > spec.substring, name in LETTER_FIELDS
        out[name] = sparse(gram_bitmaps(field.segments(), words=words, letters=letters))
    out["code"] = sparse(gram_bitmaps(codes))
    return out


def grams_from(data: object, fields: Mapping[str, Field]) -> Grams:
    """The gram bitmaps back from the cache; a ValueError when they do not fit the index."""
    plain = cast("dict[str, dict[str, int | tuple[int, ...]]]", data)
    if not isinstance(plain, dict) or set(plain) != {*fields, "code"}:
        raise ValueError("gram bitmaps")
    for maps in plain.values():
        if not isinstance(maps, dict):
            raise ValueError("gram bitmaps")
    return plain


def cand(maps: GramMap, every: int, needle: str, *, start: bool) -> int:
    """Records of one field's ``maps`` that may contain ``needle`` (at an item start if
    ``start``), out of ``every``."""
    out = every
    for key in needle_grams(needle):
        found = maps.get(key, 0)
        out &= found if found.__class__ is int else gram_bitmap(found)
        if not out:
            return 0
    if start:
        found = maps.get(SEP_ITEM + needle[0], 0)
        out &= found if found.__class__ is int else gram_bitmap(found)
    return out


def loose_cand(maps: GramMap, every: int, chars: str) -> int:
    """Records of one of :data:`LETTER_FIELDS`' ``maps`` that hold every character of
    ``chars`` (out of ``every``): a superset of those where they occur in order."""
    out = every
    for ch in set(chars):
        if own_key(ch):
            out &= gram_bitmap(maps.get(ch, 0))
        elif ch in _ASCII_ALNUM:
            out &= gram_bitmap(maps.get(LETTER_MARK + ch, 0))
        if not out:
            return 0
    return out


def grams(segment: str, words: bool, letters: bool = False) -> set[str]:
    """The keys one record's field is filed under in the gram bitmaps.

    Its characters other than ASCII letters, digits, controls and space (汉字 and
    punctuation one by one), its pairs of ASCII letters/digits, and for each
    item its first character behind ``SEP_ITEM`` (an item-start key); with ``words``, each
    character behind a non-alphanumeric one (a word-start key); with ``letters``, each ASCII
    letter and digit on its own (a letter key, ``LETTER_MARK`` first). Any substring of the field
    yields only keys the field has, so an AND of a needle's keys is a superset of the records
    where it occurs; with the item-start (word-start) key, of those where an item (a word)
    starts with it.
    C-level set operations and ``map`` only: this runs for every field of every record.
    """
    out = set(segment)
    out -= _NOT_KEYS
    out.update(map(add, repeat(SEP_ITEM), map(_HEAD, segment.split(SEP_ITEM))))
    for run in _ALNUM_RUN.findall(segment):
        out.update(map(add, run, run[1:]))
    if words:
        out.update(map(add, repeat(WORD_MARK), _WORD_HEAD.findall(segment)))
    if letters:
        out.update(map(add, repeat(LETTER_MARK), _ASCII_ALNUM.intersection(segment)))
    return out


def own_key(ch: str) -> bool:
    """Whether the character ``ch`` is a gram key: its bitmap is then exactly the records
    holding it (ASCII letters and digits are filed only in pairs)."""
    return ch not in _NOT_KEYS


def needle_grams(needle: str) -> set[str]:
    """The keys every record containing ``needle`` is filed under (see :func:`grams`)."""
    out = {ch for ch in needle if ch not in _NOT_KEYS}
    out.update(p for p in map(add, needle, needle[1:]) if p.isascii() and p.isalnum())
    return out


def gram_bitmaps(
    segments: Sequence[str], words: bool = False, letters: bool = False
) -> dict[str, int]:
    """Key -> bitmap of the records (bit i = record i) whose segment is filed under the key.

    Equal segments (groups, tags) are looked at once; C-level ``map`` calls throughout, as
    inverting ~100 keys per record in Python bytecode would double the build time. Records
    go in chunks so the lists of record numbers per key stay small (memory at 100k).
    """
    out: dict[str, int] = {}
    for base in range(0, len(segments), _GRAM_CHUNK):
        chunk = segments[base : base + _GRAM_CHUNK]
        by_segment: dict[str, list[int]] = {}
        for i, segment in enumerate(chunk):
            ids = by_segment.get(segment)
            if ids is None:
                by_segment[segment] = [i]
            else:
                ids.append(i)
        rows: defaultdict[str, list[int]] = defaultdict(list)
        for segment, ids in by_segment.items():
            if segment:
                keys = grams(segment, words, letters)
                _drain(map(list.extend, map(rows.__getitem__, keys), repeat(ids)))
        zeros = bytearray(b"0") * len(chunk)
        for key, ids in rows.items():
            digits = zeros[:]
            _drain(map(digits.__setitem__, ids, repeat(49)))  # b"1"
            digits.reverse()
            out[key] = out.get(key, 0) | int(digits, 2) << base
    return out


def _drain(iterator: Iterator[object]) -> None:
    """Run ``iterator`` to its end at C speed, keeping nothing."""
    deque(iterator, maxlen=0)


def bitmap_of(indices: Iterable[int], count: int) -> int:
    """The bitmap of ``indices`` (each below ``count``). Many indices: at C speed, a row of
    binary digits, one per record, read as one int (≈ 0.3 ms at 100,000 records); few: a
    bit each."""
    if not isinstance(indices, Sized):
        indices = list(indices)
    if not indices or len(indices) * _FEW_INDICES < count:
        row = bytearray(count // 8 + 1)
        for i in indices:
            row[i >> 3] |= 1 << (i & 7)
        return int.from_bytes(row, "little")
    digits = bytearray(b"0") * count
    _drain(map(digits.__setitem__, indices, repeat(49)))  # b"1"
    digits.reverse()
    return int(digits, 2)


def bits(bitmap: int) -> Iterator[int]:
    """The set bits of ``bitmap``, lowest first (one C ``rfind`` each over its binary text)."""
    text = bin(bitmap)
    top = len(text) - 1
    end = len(text)
    while True:
        j = text.rfind("1", 2, end)
        if j == -1:
            return
        yield top - j
        end = j
