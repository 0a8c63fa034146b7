"""One-typo matches of a Latin term anywhere in a pinyin field, not only at an item start.

``zhaoij`` finds 着急 inside a reply, ``qeuren`` 确认 in a buyer question. The one-edit
neighbours of the term (deletion, substitution, insertion, adjacent transposition) are
checked against the field's gram bitmaps first: a neighbour can only occur in records filed
under all its letter pairs, and the AND of a neighbour's pairs is built from the pairs before
and after the edit, computed once per position. Only the neighbours some record may hold are
then looked for, record by record in rank order, with one regex search of them all, at a
syllable start.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from quickreply.core.search.fields import TYPO_ANYWHERE
from quickreply.core.search.rank import Ranking
from quickreply.core.search.records import Field
from quickreply.core.search.scan import SEPS

# Shorter terms have too many neighbours in long texts to mean anything.
MIN_LENGTH = 4


def anywhere_typos(
    fields: Mapping[str, Field],
    grams: Mapping[str, dict[str, int]],
    every: int,
    ranking: Ranking,
    raw: str,
    limit: int = 0,
    members: set[int] | None = None,
) -> dict[int, int]:
    """Records (of ``members`` if given) holding a one-edit neighbour of ``raw`` at a syllable
    start of a pinyin field, with the typo tier of the best such field. With ``limit``, each
    field stops after that many records in rank order."""
    out: dict[int, int] = {}
    if len(raw) < MIN_LENGTH or not raw.isascii() or not raw.isalnum():
        return out
    for name, typo_tier in TYPO_ANYWHERE.items():
        field, maps = fields[name], grams[name]
        live: list[str] = []
        cand = 0
        for variant, bitmap in _neighbours(raw, maps, every):
            live.append(variant)
            cand |= bitmap
        if not cand:
            continue
        # One C-level search per record; the syllable check only where something was found.
        pattern = re.compile("|".join(sorted(live, key=len, reverse=True)))
        search = pattern.search
        hay, marks, offsets = field.hay, field.marks, field.offsets
        taken = 0
        for i in ranking.ranked(cand):
            if members is not None and i not in members:
                continue
            if out.get(i, 0) >= typo_tier:
                continue
            if not _at_syllable(search, hay, marks, offsets[i], offsets[i + 1] - 1):
                continue
            out[i] = typo_tier
            taken += 1
            if limit and taken >= limit:
                break
    return out


def _at_syllable(
    search: Callable[[str, int, int], re.Match[str] | None],
    hay: str,
    marks: str,
    pos: int,
    end: int,
) -> bool:
    """Whether a neighbour starts at a syllable start between ``pos`` and ``end``: each hit
    inside a syllable (``hu`` in ``shuo``) moves the search one character on."""
    while True:
        found = search(hay, pos, end)
        if found is None:
            return False
        start = found.start()
        if hay[start - 1] in SEPS or marks[start].isupper():
            return True
        pos = start + 1


def _neighbours(raw: str, maps: dict[str, int], every: int) -> Iterator[tuple[str, int]]:
    """Each one-edit neighbour of ``raw`` that some record may hold, with those records."""
    n = len(raw)
    alphabet = "abcdefghijklmnopqrstuvwxyz"
    # head[j]: records with every pair of raw[:j]; tail[j]: of raw[j:].
    head = [every] * (n + 1)
    for j in range(2, n + 1):
        head[j] = head[j - 1] & maps.get(raw[j - 2 : j], 0)
    tail = [every] * (n + 1)
    for j in range(n - 2, -1, -1):
        tail[j] = tail[j + 1] & maps.get(raw[j : j + 2], 0)
    seen = {raw}

    def joined(left: str, middle: str, right: str, base: int) -> int:
        bitmap = base
        if left and middle:
            bitmap &= maps.get(left[-1] + middle[0], 0)
        if middle and right:
            bitmap &= maps.get(middle[-1] + right[0], 0)
        if left and right and not middle:
            bitmap &= maps.get(left[-1] + right[0], 0)
        return bitmap

    for j in range(n):
        left, right = raw[:j], raw[j + 1 :]
        base = head[j] & tail[j + 1]
        if base:
            candidates = [(left + right, "")]  # deletion of raw[j]
            candidates += [(left + c + right, c) for c in alphabet if c != raw[j]]
            for variant, middle in candidates:
                if variant in seen or len(variant) < MIN_LENGTH - 1:
                    continue
                seen.add(variant)
                bitmap = joined(left, middle, right, base)
                if bitmap:
                    yield variant, bitmap
        base = head[j] & tail[j]
        if base:
            for c in alphabet:  # insertion before raw[j]
                variant = left + c + raw[j:]
                if variant not in seen:
                    seen.add(variant)
                    bitmap = joined(left, c, raw[j:], base)
                    if bitmap:
                        yield variant, bitmap
        if j < n - 1:  # transposition of raw[j] and raw[j + 1]
            swapped = raw[j + 1] + raw[j]
            variant = left + swapped + raw[j + 2 :]
            base = head[j] & tail[j + 2]
            if variant not in seen and base:
                seen.add(variant)
                bitmap = joined(left, swapped, raw[j + 2 :], base & maps.get(swapped, 0))
                if bitmap:
                    yield variant, bitmap
    base = head[n]
    if base:
        for c in alphabet:  # insertion at the end
            variant = raw + c
            if variant not in seen:
                seen.add(variant)
                bitmap = base & maps.get(raw[-1] + c, 0)
                if bitmap:
                    yield variant, bitmap
