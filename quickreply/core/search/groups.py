"""Group filters: the records a ``/组`` query word keeps.

``/物流`` keeps snippets whose group path, or one of its parts, starts with ``物流``, also in
pinyin or initials (``/wl``). Each distinct group's keys and records are derived from the group
field when the index is made; its bitmap once a walk or a page needs it.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

from quickreply.core.search.grams import bitmap_of
from quickreply.core.search.records import Field
from quickreply.core.textkeys import SEP_RECORD, TextKeys


class Groups:
    """The groups of one index's records, looked up by filter words."""

    def __init__(self, field: Field, keys: TextKeys) -> None:
        self._field = field
        # Read with the index, not when a filter is first typed: that keystroke paid ≈ 2 ms
        # at 10k replies (`/物`), the index ≈ as much more to load; ids in arrays (4 bytes
        # each), so a start holds ≈ 0.4 MB more at 100k.
        names = field.hay[1:-1].split(SEP_RECORD) if len(field.offsets) > 1 else []
        members: dict[str, array[int]] = {}
        for i, name in enumerate(names):
            ids = members.get(name)
            if ids is None:
                ids = members[name] = array("I")
            ids.append(i)
        self._groups = [(_group_keys(keys, g), ids) for g, ids in members.items()]
        self._bits: dict[int, int] = {}
        # The last filter's records: typing on (`/物流 延`, `/物流 延迟`) keeps its filter.
        self._last: tuple[tuple[str, ...], set[int]] = ((), set())

    def members(self, group_terms: list[str]) -> set[int]:
        """Records of the groups a ``/组`` filter keeps (not to be changed)."""
        terms, out = self._last
        if terms != tuple(group_terms) or not terms:
            out = set()
            for _, ids in self._wanted(group_terms):
                out.update(ids)
            self._last = (tuple(group_terms), out)
        return out

    def bitmap(self, group_terms: list[str]) -> int:
        """Records of the groups a ``/组`` filter keeps, as a bitmap (per group, cached)."""
        out = 0
        count = len(self._field.offsets) - 1
        for g, ids in self._wanted(group_terms):
            bitmap = self._bits.get(g)
            if bitmap is None:
                bitmap = self._bits[g] = bitmap_of(ids, count)
            out |= bitmap
        return out

    def _wanted(self, group_terms: list[str]) -> Iterator[tuple[int, array[int]]]:
        """(group number, records) of each group whose keys start with every term."""
        for g, (keys, ids) in enumerate(self._groups):
            if all(any(k.startswith(term) for k in keys) for term in group_terms):
                yield g, ids


def _group_keys(keys: TextKeys, group: str) -> tuple[str, ...]:
    """What a ``/组`` filter may start with: the path or a part, in 汉字, pinyin or initials."""
    out: list[str] = []
    parts = [p for p in group.split("/") if p]
    for candidate in [group.strip("/"), *parts, *("/".join(parts[k:]) for k in range(len(parts)))]:
        if candidate and candidate not in out:
            out.append(candidate)
    for part in parts:
        for marked, initials in keys.spellings(part):
            for key in (marked.lower(), initials):
                if key not in out:
                    out.append(key)
    return tuple(out)
