"""Shortcut codes (快捷编码): each record's code and the records whose code starts with a prefix."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence

from quickreply.core.model import Snippet
from quickreply.core.search.fields import CODE_EXACT, CODE_PREFIX


class Codes:
    """The codes of an index's records (record number = title rank)."""

    def __init__(self, snippets: Sequence[Snippet]) -> None:
        self.of_record = [s.code.casefold() for s in snippets]
        # A code held twice (lint reports it) belongs to one record only.
        self.record_of = {code: i for i, code in enumerate(self.of_record) if code}
        self._sorted = sorted(self.record_of)

    def with_prefix(self, prefix: str) -> Iterator[tuple[str, int]]:
        """(code, record) of every code starting with ``prefix``, in code order."""
        codes = self._sorted
        for k in range(bisect_left(codes, prefix), len(codes)):
            code = codes[k]
            if not code.startswith(prefix):
                return
            yield code, self.record_of[code]

    def records_with_prefix(self, prefix: str) -> list[int]:
        """The records of every code starting with ``prefix``, in code order (C speed)."""
        start, end = self._span(prefix)
        return list(map(self.record_of.__getitem__, self._sorted[start:end]))

    def count_with_prefix(self, prefix: str) -> int:
        start, end = self._span(prefix)
        return end - start

    def _span(self, prefix: str) -> tuple[int, int]:
        """Where the codes starting with ``prefix`` are in the sorted codes."""
        start = bisect_left(self._sorted, prefix)
        return start, bisect_left(self._sorted, prefix + "\U0010ffff", start)

    def tier(self, raw: str, i: int) -> tuple[int, str]:
        """Record ``i``'s code tier for the Latin term ``raw`` and what gave it (0: none)."""
        code = self.of_record[i]
        if code.startswith(raw) and self.record_of.get(code) == i:
            if code == raw:
                return CODE_EXACT, "code"
            return CODE_PREFIX, "code-prefix"
        return 0, ""
