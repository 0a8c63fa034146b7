"""The index's tables: all it reads that does not depend on usage, in one object.

Built once per library (field strings, codes, gram bitmaps, typo keys), or restored from the
plain form the cache holds, which carries the character tables too: a start-up from the cache
needs neither pypinyin nor OpenCC.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quickreply.core.model import Library, Snippet
from quickreply.core.search.codes import Codes
from quickreply.core.search.fields import SPEC, TYPO_ANYWHERE
from quickreply.core.search.grams import Grams, bitmap_of, build_grams, cand, grams_from
from quickreply.core.search.records import (
    Field,
    build_fields,
    library_records,
    offsets_bytes,
    offsets_from,
)
from quickreply.core.search.starts import DEPTH, Starts
from quickreply.core.search.typos import TypoTable
from quickreply.core.textkeys import TextKeys

# Up to this many syllable starts, a pinyin needle's records are read off them exactly.
_EXACT_SPAN = 2048
# Up to this many items starting with it, a pinyin needle's item-start records are read off the
# item starts (more cost more to list than the looser bound costs the walk).
_EXACT_HEADS = 256


class Tables:
    """Records in title order (record number = title rank) and everything derived from them."""

    def __init__(
        self,
        snippets: list[Snippet],
        fields: dict[str, Field],
        keys: TextKeys,
        grams: Grams | None = None,
        typo: TypoTable | None = None,
        starts: dict[str, Starts] | None = None,
    ) -> None:
        self.snippets = snippets
        self.fields = fields
        self.keys = keys
        self.codes = Codes(snippets)
        # Per field (and "code"): key -> bitmap of records. A query ANDs its keys to learn
        # where a term can occur before any scan.
        self.grams = grams if grams is not None else build_grams(fields, self.codes.of_record)
        self.typo = typo if typo is not None else TypoTable.build(fields, self.codes)
        # Per pinyin field a typo anywhere is looked for in: its syllable starts, sorted.
        self.starts = (
            starts
            if starts is not None
            else {name: Starts.build(fields[name]) for name in TYPO_ANYWHERE}
        )
        self.every = (1 << len(snippets)) - 1  # the bitmap of all records

    @classmethod
    def build(cls, library: Library, keys: TextKeys) -> Tables:
        snippets, fields = build_fields(library, keys)
        return cls(snippets, fields, keys)

    def cand(self, name: str, needle: str, *, start: bool) -> int:
        """Records whose field ``name`` may contain ``needle`` (at an item start if ``start``)."""
        return cand(self.grams[name], self.every, needle, start=start)

    def lacks(self, name: str, needle: str) -> bool:
        """Whether the pinyin field ``name`` surely has no match of ``needle`` (a pinyin match
        starts a syllable; the syllable starts tell in two bisects)."""
        table = self.starts.get(name)
        return table is not None and table.lacks(needle)

    def exact_cand(self, name: str, needle: str) -> tuple[int, int | None]:
        """Like :meth:`cand` (``start=False``), exact for a pinyin field when the needle starts
        few syllables: the records of those syllable starts, not the gram superset. Then also
        (else None) the records where an item starts with the needle, exactly, when few: the
        gram item-start key only knows an item's first letter (``qin,queren…`` starts with q)."""
        bitmap = self.cand(name, needle, start=False)
        table = self.starts.get(name)
        if bitmap and table is not None and len(needle) <= DEPTH and needle.isalnum():
            count = len(self.snippets)
            lo, hi = table.span(needle)
            if hi - lo <= _EXACT_SPAN:
                bitmap &= bitmap_of(table.records[lo:hi], count)
            lo, hi = table.head_span(needle)
            if hi - lo <= _EXACT_HEADS:
                return bitmap, bitmap & bitmap_of(table.head_records[lo:hi], count)
        return bitmap, None

    def plain(self) -> dict[str, object]:
        """Plain strings, bytes, ints, lists and dicts: what ``marshal`` writes to the cache."""
        return {
            "ids": [s.id for s in self.snippets],
            "fields": {
                name: (f.hay, f.marks, offsets_bytes(f.offsets)) for name, f in self.fields.items()
            },
            "fold": self.keys.fold_map,
            "readings": self.keys.readings_map,
            "typo": self.typo.plain(),
            "grams": self.grams,
            "starts": {name: table.plain() for name, table in self.starts.items()},
        }

    @classmethod
    def from_plain(cls, data: Mapping[str, Any], library: Library) -> Tables | None:
        """The tables of :meth:`plain` for ``library``; None when they do not fit it."""
        try:
            by_id = {s.id: s for s in library_records(library)}
            snippets = [by_id[i] for i in data["ids"]]
            fields = {
                name: Field(hay, marks, offsets_from(offsets))
                for name, (hay, marks, offsets) in data["fields"].items()
            }
            if set(fields) != set(SPEC) or any(
                len(f.offsets) != len(snippets) + 1 for f in fields.values()
            ):
                return None
            keys = TextKeys(data["fold"], {k: tuple(v) for k, v in data["readings"].items()})
            return cls(
                snippets,
                fields,
                keys,
                grams=grams_from(data["grams"], fields),
                typo=TypoTable.from_plain(data["typo"], len(snippets)),
                starts={
                    name: Starts.from_plain(data["starts"][name], fields[name])
                    for name in TYPO_ANYWHERE
                },
            )
        except (ValueError, TypeError, KeyError, IndexError):
            return None
