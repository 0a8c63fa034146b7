"""What earlier keystrokes learned about a term: its gram bounds and its exact tier per record.

Typing ``queren s``, ``queren sh``, ``queren sho``, … walks (walk.py) the same first term
again at every keystroke: its gram bounds (a few bitmap operations per field) and its exact
tier in each record the walk scores (a ``find`` loop per field, ≈ 5 µs a record) do not
change while the library does not. :class:`KnownTerms` keeps them for the last few terms, so
a keystroke pays only for the term being typed. The bounds also say, per field, which records
may match there at all: scoring a record skips the other fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quickreply.core.search.match import Plan, exact, plan
from quickreply.core.search.tables import Tables
from quickreply.core.search.terms import Term
from quickreply.core.search.walk import Levels, bounds

# How many terms are kept: a query's terms and the few typed just before them.
_KEPT = 16
# A term keeps at most this many records' tiers (a walk scores a few hundred, rarely a few
# thousand at 100k): all terms kept then hold at most ≈ 10 MB.
_MOST_SCORED = 4096


@dataclass(slots=True)
class Known:
    """One term's gram bounds and the exact tiers found so far (record -> tier, label)."""

    tables: Tables
    term: Term
    fields: Plan
    rows: list[bytes]  # per field of the plan, the records that may match there (bytes)
    levels: Levels
    scores: dict[int, tuple[int, str]] = field(default_factory=dict)

    def exact(self, i: int) -> tuple[int, str]:
        """The term's best exact tier in record ``i`` and what gave it (0: no match)."""
        got = self.scores.get(i)
        if got is None:
            got = exact(self.tables, self.term, self.fields, i, self.rows)
            if len(self.scores) < _MOST_SCORED:
                self.scores[i] = got
        return got


class KnownTerms:
    """The :class:`Known` of recent terms over one set of tables, most recent last."""

    def __init__(self, tables: Tables) -> None:
        self._tables = tables
        self._terms: dict[Term, Known] = {}

    def clear(self) -> None:
        self._terms.clear()

    def __call__(self, term: Term) -> Known:
        known = self._terms.pop(term, None)
        if known is None:
            t = self._tables
            levels, may = bounds(t, term)
            fields = plan(t, term)
            size = len(t.snippets) // 8 + 1
            rows = [may.get(spec.name, 0).to_bytes(size, "little") for _, spec, _, _ in fields]
            known = Known(t, term, fields, rows, levels)
        self._terms[term] = known
        while len(self._terms) > _KEPT:
            del self._terms[next(iter(self._terms))]
        return known
