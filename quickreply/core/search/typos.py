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
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import islice
from typing import cast

from quickreply.core.search.codes import Codes
from quickreply.core.search.fields import SPEC, TYPO_CODE, TYPO_FIELDS, TYPO_TIER
from quickreply.core.search.rank import Ranking
from quickreply.core.search.records import Field
from quickreply.core.search.scan import tier
from quickreply.core.textkeys import SEP_ITEM, SEP_RECORD

# A Latin run at the start of an item: the keys a typo may be measured against.
_LATIN_ITEM = re.compile(f"(?<=[{SEP_ITEM}{SEP_RECORD}])[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class TypoTable:
    """Per typo field: the distinct Latin keys at item starts, sorted, with their records."""

    all_keys: list[str]  # every distinct Latin key (codes, title/tag pinyin, initials), sorted
    alphabet: str  # the characters those keys use: what a substitution or insertion may add
    fields: dict[str, tuple[list[str], list[list[int]]]]  # field -> (sorted keys, records)

    @classmethod
    def build(cls, fields: Mapping[str, Field], codes: Codes) -> TypoTable:
        """One C regex pass per field, one step per item."""
        per_field: dict[str, tuple[list[str], list[list[int]]]] = {}
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
        return cls(all_keys, alphabet, per_field)

    def plain(self) -> tuple[object, ...]:
        """The table as plain lists and strings, for the cache."""
        return (self.all_keys, self.alphabet, [self.fields[n] for n in TYPO_FIELDS])

    @classmethod
    def from_plain(cls, data: object, records: int) -> TypoTable:
        """The table back from the cache; a ValueError when it does not fit the index."""
        all_keys, alphabet, per_field = cast(
            "tuple[list[str], str, list[tuple[list[str], list[list[int]]]]]", data
        )
        if not isinstance(all_keys, list) or not isinstance(alphabet, str):
            raise ValueError("typo table")
        fields: dict[str, tuple[list[str], list[list[int]]]] = {}
        for name, (keys, owners) in zip(TYPO_FIELDS, per_field, strict=True):
            if len(keys) != len(owners) or any(i >= records for rows in owners for i in rows[-1:]):
                raise ValueError("typo table")
            fields[name] = (list(keys), list(owners))
        return cls(list(all_keys), alphabet, fields)


def typo_matches(
    table: TypoTable,
    codes: Codes,
    fields: Mapping[str, Field],
    ranking: Ranking,
    raw: str,
    limit: int = 0,
    members: set[int] | None = None,
) -> dict[int, int]:
    """Records (of ``members`` if given) whose code, title pinyin/initials or tag pinyin
    start within one edit of ``raw``, with the typo tier each gets.

    Records come from the per-key lists in title order: with ``limit`` only a page's worth per
    key is looked at, and the used records (which rank first) are checked on their own.
    """
    near = _near_prefixes(raw, table.all_keys, table.alphabet)
    out: dict[int, int] = {}
    for key in sorted(near):
        for _, i in codes.with_prefix(key):
            if members is None or i in members:
                out[i] = TYPO_CODE
    if not limit:
        _every_match(table, near, members, out)
        return out
    for name in TYPO_FIELDS:
        typo_tier = TYPO_TIER[name]
        keys, owners = table.fields[name]
        for key in near:
            lo = bisect_left(keys, key)
            hi = bisect_left(keys, key + "\x7f", lo)
            if lo == hi:
                continue
            # Records are in title order: a page's worth is all a page needs, and the first
            # page of the keys together is among the first page of each (no merge of the lists:
            # a set of those pages, its smallest).
            page: set[int] = set()
            for records in owners[lo:hi]:
                if members is None:
                    page.update(records[:limit])
                else:
                    page.update(islice(filter(members.__contains__, records), limit))
            for i in heapq.nsmallest(limit, page) if len(page) > limit else page:
                if typo_tier > out.get(i, 0):
                    out[i] = typo_tier
    if limit:
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


def _is_prefix(keys: list[str], candidate: str) -> bool:
    j = bisect_left(keys, candidate)
    return j < len(keys) and keys[j].startswith(candidate)


def _near_prefixes(raw: str, keys: list[str], alphabet: str) -> set[str]:
    """Key prefixes within one edit (OSA: incl. adjacent transposition) of ``raw``."""
    n = len(raw)
    # An edit at position j leaves raw[:j] in front: useless unless that is a key prefix.
    valid = 0
    while valid < n and _is_prefix(keys, raw[: valid + 1]):
        valid += 1
    candidates: set[str] = set()
    if valid == n:
        candidates.add(raw)
    for j in range(min(valid, n - 1) + 1):
        head, tail = raw[:j], raw[j + 1 :]
        candidates.add(head + tail)  # deletion
        if j < n - 1:
            candidates.add(head + raw[j + 1] + raw[j] + raw[j + 2 :])  # transposition
        for ch in alphabet:
            candidates.add(head + ch + tail)  # substitution
            candidates.add(head + ch + raw[j:])  # insertion before raw[j]
    if valid == n:
        candidates.update(raw + ch for ch in alphabet)  # insertion at the end
    return {c for c in candidates if len(c) >= 2 and _is_prefix(keys, c)}
