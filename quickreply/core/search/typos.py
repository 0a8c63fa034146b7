"""Typo matching: records whose code, title or tag keys start within one edit of a Latin term.

SymSpell-like, but generated from the query side: the one-edit neighbours of the term (a
deletion, substitution, insertion or adjacent transposition) that are a prefix of some Latin
key in the library, found with a bisect each in the sorted distinct keys. An edit can only be
where the part of the term before it is itself a key prefix, which keeps the neighbourhood to
a few hundred candidates. No rapidfuzz scan and no table built while the agent types: the
keys are built with the index and cached with it.
"""

from __future__ import annotations

import heapq
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, islice
from typing import cast

from quickreply.core.search.codes import Codes
from quickreply.core.search.fields import SPEC, TYPO_CODE, TYPO_FIELDS, TYPO_TIER
from quickreply.core.search.rank import Ranking, first_ranked, outranked
from quickreply.core.search.records import LIST_MAX, OFFSET_TYPE, Field
from quickreply.core.search.scan import tier
from quickreply.core.textkeys import SEP_ITEM, SEP_RECORD

# A Latin run at the start of an item: the keys a typo may be measured against.
_LATIN_ITEM = re.compile(f"(?<=[{SEP_ITEM}{SEP_RECORD}])[a-z0-9]+")

Owners = Sequence[Sequence[int]]  # per key (in key order), its records in title order


@dataclass(frozen=True, slots=True)
class TypoTable:
    """Per typo field: the distinct Latin keys at item starts, sorted, with their records."""

    all_keys: list[str]  # every distinct Latin key (codes, title/tag pinyin, initials), sorted
    alphabet: str  # the characters those keys use: what a substitution or insertion may add
    fields: dict[str, tuple[list[str], Owners]]  # field -> (sorted keys, records)
    # Derived when built or read (not cached): per field, each key's first record; and the
    # first characters of ``all_keys``, each with its run.
    heads: dict[str, Sequence[int]] = field(init=False, repr=False, compare=False)
    root: list[tuple[str, int, int]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        heads: dict[str, Sequence[int]] = {}
        for name, (_, owners) in self.fields.items():
            firsts = (rows[0] for rows in owners)
            big = bool(owners) and isinstance(owners[0], array)
            heads[name] = array(OFFSET_TYPE, firsts) if big else list(firsts)
        object.__setattr__(self, "heads", heads)
        root = list(_children(self.all_keys, "", 0, len(self.all_keys)))
        object.__setattr__(self, "root", root)

    @classmethod
    def build(cls, fields: Mapping[str, Field], codes: Codes) -> TypoTable:
        """One C regex pass per field, one step per item."""
        per_field: dict[str, tuple[list[str], Owners]] = {}
        every: set[str] = set(codes.record_of)
        for name in TYPO_FIELDS:
            field = fields[name]
            offsets = field.offsets
            owners: dict[str, list[int]] = {}
            for match in _LATIN_ITEM.finditer(field.hay):
                i = bisect_right(offsets, match.start()) - 1
                records = owners.setdefault(match.group(), [])
                if not records or records[-1] != i:
                    records.append(i)
            keys = sorted(owners)
            per_field[name] = (keys, [owners[k] for k in keys])
            every.update(keys)
        all_keys = sorted(every)
        alphabet = "".join(sorted(set("".join(all_keys))))
        return cls(all_keys, alphabet, _compact(all_keys, per_field, len(codes.of_record)))

    def plain(self) -> tuple[object, ...]:
        """The table as plain lists and strings, for the cache."""
        per_field = [
            (keys, [list(rows) if isinstance(rows, array) else rows for rows in owners])
            for keys, owners in (self.fields[n] for n in TYPO_FIELDS)
        ]
        return (self.all_keys, self.alphabet, per_field)

    @classmethod
    def from_plain(cls, data: object, records: int) -> TypoTable:
        """The table back from the cache; a ValueError when it does not fit the index."""
        all_keys, alphabet, per_field = cast(
            "tuple[list[str], str, list[tuple[list[str], list[list[int]]]]]", data
        )
        if not isinstance(all_keys, list) or not isinstance(alphabet, str):
            raise ValueError("typo table")
        fields: dict[str, tuple[list[str], Owners]] = {}
        for name, (keys, owners) in zip(TYPO_FIELDS, per_field, strict=True):
            if len(keys) != len(owners) or any(i >= records for rows in owners for i in rows[-1:]):
                raise ValueError("typo table")
            fields[name] = (list(keys), list(owners))
        return cls(list(all_keys), alphabet, _compact(all_keys, fields, records))


def _compact(
    all_keys: list[str], fields: dict[str, tuple[list[str], Owners]], records: int
) -> dict[str, tuple[list[str], Owners]]:
    """``fields`` as kept in memory: above :data:`LIST_MAX` records, each key's records as a
    32-bit array and each field's keys as the same strings as ``all_keys`` (read back from
    the cache they are copies): ≈ 10 MB less at 100,000 replies. Smaller libraries keep the
    lists, whose items are read without making an int each."""
    if records <= LIST_MAX:
        return fields
    same = {key: key for key in all_keys}
    return {
        name: ([same[key] for key in keys], [array(OFFSET_TYPE, rows) for rows in owners])
        for name, (keys, owners) in fields.items()
    }


def typo_matches(
    table: TypoTable,
    codes: Codes,
    fields: Mapping[str, Field],
    ranking: Ranking,
    raw: str,
    limit: int = 0,
    members: set[int] | None = None,
    ahead: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """Records (of ``members`` if given) whose code, title pinyin/initials or tag pinyin
    start within one edit of ``raw``, with the typo tier each gets.

    With ``limit`` (a one-term page), only what can reach a page of that many is looked for:
    of each tier, the first ``limit`` records in rank order (records come from the per-key
    lists in title order; the used records, which rank first, are checked on their own); and
    no field once ``limit`` records score above its tier, in ``ahead`` (the tiers the page's
    records already have) or here: ties are broken by rank, so only a higher score surely
    keeps a record of that field off the page.
    """
    near = _near_prefixes(raw, table)
    coded: Iterable[int] = chain.from_iterable(map(codes.records_with_prefix, near))
    if members is not None:
        coded = filter(members.__contains__, coded)
    if limit:
        coded = first_ranked(ranking, set(coded), limit)
    out = dict.fromkeys(coded, TYPO_CODE)
    if not limit:
        _every_match(table, near, members, out)
        return out
    for name in TYPO_FIELDS:
        typo_tier = TYPO_TIER[name]
        if outranked(ahead or {}, out, typo_tier) >= limit:
            break  # fields go best tier first: every later one is outranked too
        keys, owners = table.fields[name]
        for i in _first_page(owners, table.heads[name], _runs(keys, near), limit, members):
            if typo_tier > out.get(i, 0):
                out[i] = typo_tier
    # The lists above stopped after a page in title order; used snippets rank first.
    for i in ranking.boosted_holding(near, members):
        for name in TYPO_FIELDS:
            field, spec = fields[name], SPEC[name]
            if any(tier(field, spec, i, key, True) for key in near):
                out[i] = max(out.get(i, 0), TYPO_TIER[name])
    return out


def _every_match(
    table: TypoTable, near: set[str], members: set[int] | None, out: dict[int, int]
) -> None:
    """Without a page limit: every record of the keys ``near`` starts, in set operations (no
    merge in title order). Fields go best tier first, so the first tier a record gets is its
    best (a code typo, 120, is already in ``out``)."""
    by_tier: dict[int, set[int]] = {}
    for name in TYPO_FIELDS:
        keys, owners = table.fields[name]
        found = by_tier.setdefault(TYPO_TIER[name], set())
        for key in near:
            lo = bisect_left(keys, key)
            hi = bisect_left(keys, key + "\x7f", lo)
            if lo != hi:
                found.update(*owners[lo:hi])
    for typo_tier in sorted(by_tier, reverse=True):
        found = by_tier[typo_tier]
        if members is not None:
            found &= members
        found.difference_update(out)
        out.update(dict.fromkeys(found, typo_tier))


def _runs(keys: list[str], near: set[str]) -> list[tuple[int, int]]:
    """The runs of sorted ``keys`` that start with a prefix in ``near``, merged where one
    holds another (``zh`` holds ``zhe``), in key order."""
    found: list[tuple[int, int]] = []
    for key in near:
        lo = bisect_left(keys, key)
        hi = bisect_left(keys, key + "\x7f", lo)
        if lo != hi:
            found.append((lo, hi))
    found.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in found:
        if merged and lo < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _first_page(
    owners: Owners,
    heads: Sequence[int],
    runs: list[tuple[int, int]],
    limit: int,
    members: set[int] | None,
) -> Iterable[int]:
    """The first ``limit`` records in title order (of ``members`` if given) of the keys in
    ``runs``: one tier, so the rest rank below a page of it. Each key's records are in title
    order, so the page is among the first page of each key; without ``members``, only keys
    whose first record is at most the ``limit``-th smallest of those first records can hold
    one (``zh`` spans hundreds of keys; a page of them, a few dozen)."""
    page: set[int] = set()
    if members is not None:
        for lo, hi in runs:
            for records in owners[lo:hi]:
                page.update(islice(filter(members.__contains__, records), limit))
        return heapq.nsmallest(limit, page) if len(page) > limit else page
    lists = list(chain.from_iterable(owners[lo:hi] for lo, hi in runs))
    firsts = list(chain.from_iterable(heads[lo:hi] for lo, hi in runs))
    distinct = sorted(set(firsts))
    if len(distinct) > limit:
        # The union's limit-th record is at most this: keys starting later hold none of a page.
        bound = distinct[limit - 1]
        lists = list(compress(lists, map(bound.__ge__, firsts)))
    for records in lists:
        page.update(records[:limit])
    return heapq.nsmallest(limit, page) if len(page) > limit else page


_TOP = "\U0010ffff"  # sorts after every character a key holds


def _children(keys: list[str], head: str, lo: int, hi: int) -> Iterator[tuple[str, int, int]]:
    """For the run ``lo:hi`` of sorted ``keys`` that start with ``head``: each character that
    follows ``head`` in one of them, with the run of keys that continue with it."""
    depth = len(head)
    k = lo
    while k < hi:
        key = keys[k]
        if len(key) == depth:
            k += 1  # ``head`` itself (it sorts first)
            continue
        ch = key[depth]
        end = bisect_left(keys, head + ch + _TOP, k, hi)
        yield ch, k, end
        k = end


def _near_prefixes(raw: str, table: TypoTable) -> set[str]:
    """Key prefixes within one edit (OSA: incl. adjacent transposition) of ``raw``.

    Walked like a trie over the sorted keys: an edit at position j leaves ``raw[:j]`` in
    front, useless unless that is a key prefix; a substitution or insertion there is tried
    only with the characters that follow it in some key, each checked within its own run."""
    keys = table.all_keys
    n = len(raw)
    runs = [(0, len(keys))]  # runs[j]: the keys starting with raw[:j]
    while len(runs) <= n:
        lo, hi = runs[-1]
        start = raw[: len(runs)]
        lo = bisect_left(keys, start, lo, hi)
        hi = bisect_left(keys, start + _TOP, lo, hi)
        if lo == hi:
            break
        runs.append((lo, hi))
    valid = len(runs) - 1
    out: set[str] = set()

    def check(candidate: str, lo: int, hi: int) -> None:
        """Keep ``candidate`` if a key of ``lo:hi`` (they share its start) starts with it."""
        if len(candidate) >= 2 and candidate not in out:
            k = bisect_left(keys, candidate, lo, hi)
            if k < hi and keys[k].startswith(candidate):
                out.add(candidate)

    if valid == n:
        check(raw, *runs[n])
    for j in range(min(valid, n - 1) + 1):
        lo, hi = runs[j]
        head, tail = raw[:j], raw[j + 1 :]
        check(head + tail, lo, hi)  # deletion
        if j < n - 1:
            check(head + raw[j + 1] + raw[j] + raw[j + 2 :], lo, hi)  # transposition
        children = table.root if j == 0 else _children(keys, head, lo, hi)
        for ch, sub_lo, sub_hi in children:
            check(head + ch + tail, sub_lo, sub_hi)  # substitution
            check(head + ch + raw[j:], sub_lo, sub_hi)  # insertion before raw[j]
    if valid == n:
        for ch, sub_lo, sub_hi in _children(keys, raw, *runs[n]):
            check(raw + ch, sub_lo, sub_hi)  # insertion at the end
    return out
