"""What earlier keystrokes learned about a term: its gram bounds and its exact tier per record.

Typing ``queren s``, ``queren sh``, ``queren sho``, … walks (walk.py) the same first term
again at every keystroke: its gram bounds (a few bitmap operations per field) and its exact
tier in each record the walk scores (a ``find`` loop per field, ≈ 5 µs a record) do not
change while the library does not. :class:`KnownTerms` keeps them for the last few terms, so
a keystroke pays only for the term being typed. The bounds also say, per field, which records
may match there at all: scoring a record skips the other fields.
"""

from __future__ import annotations

from quickreply.core.search.match import Plan, exact, plan
from quickreply.core.search.tables import Tables
from quickreply.core.search.terms import Term
from quickreply.core.search.walk import Levels, bounds

# How many terms are kept: a query's terms and the few typed just before them.
_KEPT = 16
# A term keeps at most this many records' tiers (a walk scores a few hundred, rarely a few
# thousand at 100k): all terms kept then hold at most ≈ 10 MB.
_MOST_SCORED = 4096


class Known:
    """One term's gram bounds and the exact tiers found so far (record -> tier, label); the
    bounds are worked out when first asked for (a term whose map is listed needs none)."""

    __slots__ = ("_fields", "_levels", "_rows", "scores", "tables", "term")

    def __init__(self, tables: Tables, term: Term) -> None:
        self.tables = tables
        self.term = term
        self.scores: dict[int, tuple[int, str]] = {}
        self._fields: Plan = []
        self._levels: Levels | None = None
        self._rows: list[bytes] = []  # per field of the plan, its records that may match

    @property
    def levels(self) -> Levels:
        """(tier bound, records) for the term, best first (walk.bounds)."""
        return self._levels if self._levels is not None else self._bound()

    def exact(self, i: int) -> tuple[int, str]:
        """The term's best exact tier in record ``i`` and what gave it (0: no match)."""
        got = self.scores.get(i)
        if got is None:
            if self._levels is None:
                self._bound()
            got = exact(self.tables, self.term, self._fields, i, self._rows)
            if len(self.scores) < _MOST_SCORED:
                self.scores[i] = got
        return got

    def _bound(self) -> Levels:
        t = self.tables
        levels, may = bounds(t, self.term)
        self._fields = plan(t, self.term, among=may)
        size = len(t.snippets) // 8 + 1
        self._rows = [
            may.get(spec.name, 0).to_bytes(size, "little") for _, spec, _, _ in self._fields
        ]
        self._levels = levels
        return levels


class KnownTerms:
    """The :class:`Known` of recent terms over one set of tables, most recent last."""

    def __init__(self, tables: Tables) -> None:
        self._tables = tables
        self._terms: dict[Term, Known] = {}

    def __call__(self, term: Term) -> Known:
        known = self._terms.pop(term, None)
        if known is None:
            known = Known(self._tables, term)
        self._terms[term] = known
        while len(self._terms) > _KEPT:
            del self._terms[next(iter(self._terms))]
        return known
