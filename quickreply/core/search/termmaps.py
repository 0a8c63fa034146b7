"""Recent terms' full match maps, kept for the next keystrokes (listed only when short).

Typing ``wuliu c``, ``wuliu ch``, … rescans only the term being typed: the maps of the last
few terms are kept (they do not depend on usage, only on the records). A term matched
everywhere (亲, ``，``, ``zhe`` in replies) costs a scan per matching record; several-term
queries ask for a term's map only when it is short (:meth:`TermMaps.listed`, a scan that
gives up after :data:`LISTED` records), and use it to drop records before scoring them.
"""

from __future__ import annotations

from quickreply.core.search.match import Matches, match_term
from quickreply.core.search.rank import Ranking
from quickreply.core.search.tables import Tables
from quickreply.core.search.terms import Term
from quickreply.core.search.walk import bounds

# How many terms' full match maps are kept for the next keystrokes.
_KEPT = 8
# A term's map is listed on request only up to this many records (a longer list costs more
# than the scoring it saves); the terms found longer are remembered as such, this many.
LISTED = 512
_KEPT_LONG = 64


class TermMaps:
    """Full match maps of recent terms over one set of tables."""

    def __init__(self, tables: Tables) -> None:
        self._tables = tables
        self._maps: dict[Term, Matches] = {}
        self._long: set[Term] = set()  # terms known to match more than LISTED records

    def clear(self) -> None:
        self._maps.clear()
        self._long.clear()

    def __contains__(self, term: object) -> bool:
        return term in self._maps

    def full(self, ranking: Ranking, term: Term, pool: list[int] | None) -> Matches:
        """Every record's exact tier for ``term`` (restricted to ``pool``), and what gave it."""
        cached = self._maps.get(term)
        if cached is None:
            tiers, labels, _ = match_term(self._tables, ranking, term, None)
            cached = (tiers, labels)
        tiers, labels = self._keep(term, cached)
        if pool is None:
            return dict(tiers), dict(labels)
        kept = {i: tiers[i] for i in pool if i in tiers}
        return kept, {i: labels[i] for i in kept}

    def listed(self, ranking: Ranking, term: Term) -> Matches | None:
        """``term``'s full map (not to be changed) if it matches at most :data:`LISTED`
        records, else None; the scan that finds out stops after that many."""
        cached = self._maps.get(term)
        if cached is not None:
            return self._keep(term, cached)
        if term in self._long:
            return None
        tiers, labels, truncated = match_term(self._tables, ranking, term, None, budget=LISTED)
        if truncated:
            if len(self._long) >= _KEPT_LONG:
                self._long.clear()
            self._long.add(term)
            return None
        return self._keep(term, (tiers, labels))

    def reach(self, term: Term) -> int:
        """How many records may match ``term`` (gram bitmaps: at least as many as do)."""
        union = 0
        for _, bitmap in bounds(self._tables, term):
            union |= bitmap
        return union.bit_count()

    def _keep(self, term: Term, matches: Matches) -> Matches:
        self._maps.pop(term, None)
        self._maps[term] = matches  # most recent last
        while len(self._maps) > _KEPT:
            del self._maps[next(iter(self._maps))]
        return matches
