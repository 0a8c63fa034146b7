"""Recent terms' match maps and looked-up records, kept for the next passes and keystrokes.

Typing ``wuliu c``, ``wuliu ch``, … rescans only the term being typed: the maps of the last
few terms are kept (they do not depend on usage, only on the records); a full map is read
off whole fields at C speed (fullmap.py) where it can be. Several-term queries ask for a
term's map only when it is short (:meth:`TermMaps.listed`, a scan that gives up after
:data:`LISTED` records), and otherwise which records of some set may match it
(:meth:`TermMaps.lookup`, :meth:`TermMaps.records`: a C ``find`` per record and field,
remembered for the inexact pass), and use them to drop records before scoring them.
"""

from __future__ import annotations

from quickreply.core.search.fullmap import Lookup, full_map
from quickreply.core.search.grams import bitmap_of
from quickreply.core.search.known import KnownTerms
from quickreply.core.search.match import Matches, match_term
from quickreply.core.search.rank import Ranking
from quickreply.core.search.tables import Tables
from quickreply.core.search.terms import Term

# How many terms' full match maps are kept for the next keystrokes.
_KEPT = 8
# A term's map is listed on request only up to this many records (a longer list costs more
# than the scoring it saves); the terms found longer are remembered as such, this many.
LISTED = 512
_KEPT_LONG = 64
# A term whose lookup over every record costs at most this many finds is read whole on request.
SMALL = 2048


class TermMaps:
    """Full match maps of recent terms over one set of tables."""

    def __init__(self, tables: Tables, known: KnownTerms) -> None:
        self._tables = tables
        self._known = known  # gram bounds of recent terms
        self._maps: dict[Term, Matches] = {}
        self._long: set[Term] = set()  # terms known to match more than LISTED records
        # Recent terms' records (bitmap) that may match exactly, of those (bitmap) asked about.
        self._records: dict[Term, tuple[int, int]] = {}

    def clear(self) -> None:
        self._maps.clear()
        self._long.clear()
        self._records.clear()

    def __contains__(self, term: object) -> bool:
        return term in self._maps

    def full(self, ranking: Ranking, term: Term, pool: list[int] | None) -> Matches:
        """Every record's exact tier for ``term`` (restricted to ``pool``), and what gave it."""
        cached = self._maps.get(term)
        if cached is None:
            cached = full_map(self._tables, term)
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

    def small(self, term: Term) -> Matches | None:
        """``term``'s full map (not to be changed) when it is known or cheap to read off whole
        fields (fullmap.full_map, when its lookup would cost at most :data:`SMALL` finds: a
        typo of a word matches almost nowhere), else None. No scan: a common word costs a
        few bitmap operations here."""
        cached = self._maps.get(term)
        if cached is not None:
            return self._keep(term, cached)
        if term in self._long or term.kind == "mixed":
            return None
        if Lookup(self._tables, term, self._tables.every).cost > SMALL:
            return None
        found = full_map(self._tables, term)
        return None if found is None else self._keep(term, found)

    def lookup(self, ranking: Ranking, term: Term, within: int) -> Lookup | int | None:
        """Which records of bitmap ``within`` may match ``term`` exactly: the bitmap when it
        is known (an earlier lookup), else the planned lookup (run it with :meth:`run`); a
        mixed term's only when short (:meth:`short`), else None."""
        known = self._records.get(term)
        if known is not None and not within & ~known[0]:
            return known[1] & within
        if term.kind != "mixed":
            return Lookup(self._tables, term, within)
        return self.short(ranking, term, within)

    def short(self, ranking: Ranking, term: Term, within: int) -> int | None:
        """Of the records of bitmap ``within``, those that match ``term`` exactly, when they
        are few enough to list (:meth:`listed`), else None."""
        listed = self.listed(ranking, term)
        if listed is None:
            return None
        tables = self._tables
        bitmap = bitmap_of(listed[0], len(tables.snippets))
        self._remember(term, tables.every, bitmap)
        return bitmap & within

    def run(self, term: Term, lookup: Lookup) -> int:
        """Run ``lookup`` (of ``term``) and remember its answer for :meth:`lookup`."""
        bitmap = lookup.run()
        self._remember(term, lookup.within, bitmap)
        return bitmap

    def _remember(self, term: Term, within: int, bitmap: int) -> None:
        self._records.pop(term, None)
        self._records[term] = (within, bitmap)
        while len(self._records) > _KEPT:
            del self._records[next(iter(self._records))]

    def records(self, ranking: Ranking, term: Term, within: int) -> int | None:
        """Of the records of bitmap ``within``, those that may match ``term`` exactly (every
        one that does), looked up where not known yet; None for a mixed term that matches
        too many records to list."""
        known = self._records.get(term)
        if known is None:
            found = self.lookup(ranking, term, within)
            return found.run() if isinstance(found, Lookup) else found
        was, may = known
        may &= within
        rest = within & ~was
        if rest:
            found = self.lookup(ranking, term, rest)
            if found is None:
                return None
            may |= found.run() if isinstance(found, Lookup) else found
        return may

    def reach(self, term: Term) -> int:
        """How many records may match ``term`` (gram bitmaps: at least as many as do)."""
        return self.reach_bitmap(term).bit_count()

    def reach_bitmap(self, term: Term) -> int:
        """The records that may match ``term`` exactly, by the gram bitmaps."""
        union = 0
        for _, bitmap in self._known(term).levels:
            union |= bitmap
        return union

    def _keep(self, term: Term, matches: Matches) -> Matches:
        self._maps.pop(term, None)
        self._maps[term] = matches  # most recent last
        while len(self._maps) > _KEPT:
            del self._maps[next(iter(self._maps))]
        return matches
