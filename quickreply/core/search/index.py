"""The search front door: ``SearchIndex`` answers each keystroke, remembering what typing on reuses.

Typing on: a query that extends the previous one searches only the previous matches, and the
full match maps of the last few terms are kept, so typing ``wuliu c``, ``wuliu ch``, …
rescans only the term being typed. Everything else is delegated: the tables (tables.py), the
ranking (rank.py), one term's matches (match.py), several terms (walk.py), group filters
(groups.py) and the cache file (cache.py).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from itertools import islice
from pathlib import Path

from quickreply.core.cacheseal import Seal
from quickreply.core.model import Library, Usage
from quickreply.core.search import cache
from quickreply.core.search.fields import LOWEST_EXACT, inexact_sum
from quickreply.core.search.fullmap import Lookup
from quickreply.core.search.grams import bitmap_of, bits
from quickreply.core.search.groups import Groups
from quickreply.core.search.inexactwalk import inexact_walk, may_typo_anywhere
from quickreply.core.search.known import KnownTerms
from quickreply.core.search.match import NARROW_LIMIT, Matches, add_inexact, match_term
from quickreply.core.search.rank import Hit, Ranking
from quickreply.core.search.synonyms import Synonyms, alternatives, demote
from quickreply.core.search.tables import Tables
from quickreply.core.search.termmaps import TermMaps
from quickreply.core.search.terms import Term, by_selectivity, make_term, parse, runs
from quickreply.core.search.walk import NARROW_AFTER, walk
from quickreply.core.textkeys import TextKeys, fold_numbers

# Looking a term up in one record costs about as much as a record met by a field scan
# (measured: 您好 in 656 records 1 ms record by record, 5 ms scanned; 发 in 727: 2 ms, 10 ms).
_SCAN_PER_RECORD = 1
# Scoring a record in the walk costs about as much as this many ``find``s of fullmap.Lookup
# (measured at 100k: ≈ 10 µs and ≈ 0.8 µs with the bitmap reading around it).
_FINDS_PER_SCORE = 12
# A several-term query whose exact pass left the page short starts its first term (matched
# everywhere) from the records a rarer term may match at all, when they are at most this many.
_RARE_POOL = 1500
# The inexact pass of this many terms at most is walked best bound first (inexactwalk.py).
_WALKED_TERMS = 3


class SearchIndex:
    """Ranked search over a library. Build once per library; call :meth:`search` per keystroke."""

    def __init__(
        self,
        tables: Tables,
        usage: Mapping[str, Usage] | None = None,
        synonyms: Synonyms | None = None,
    ) -> None:
        self._tables = tables
        self._groups = Groups(tables.fields["group"], tables.keys)
        self._known = KnownTerms(tables)
        self._maps = TermMaps(tables, self._known)
        # The previous query's terms, group words and matches, when those were every match.
        self._last: tuple[tuple[Term, ...], tuple[str, ...], list[int]] | None = None
        self._synonyms: dict[str, tuple[str, ...]] = {}
        self.set_synonyms(synonyms or Synonyms())
        self.set_usage(usage or {})

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        library: Library,
        usage: Mapping[str, Usage] | None = None,
        keys: TextKeys | None = None,
        synonyms: Synonyms | None = None,
    ) -> SearchIndex:
        return cls(Tables.build(library, keys or TextKeys()), usage, synonyms)

    @classmethod
    def load_or_build(
        cls,
        library: Library,
        cache_dir: Path,
        usage: Mapping[str, Usage] | None = None,
        key: str | None = None,
        *,
        seal: Seal | None,
        synonyms: Synonyms | None = None,
    ) -> SearchIndex:
        """The cached index for this exact library, or a fresh one (then cached).

        ``key``, when given, must identify the library's content exactly (core/libcache.py's
        fingerprint of the pack files it was loaded from): it saves hashing every snippet.
        ``seal`` is the install's (core/cacheseal.py); without one nothing is cached. A
        missing, stale, corrupt or foreign cache file is rebuilt silently.
        """
        if seal is None:
            return cls.build(library, usage, synonyms=synonyms)
        path = cache.cache_path(cache_dir, library, key)
        data = cache.read(path, seal)
        tables = Tables.from_plain(data, library) if data is not None else None
        if tables is not None:
            return cls(tables, usage, synonyms)
        index = cls.build(library, usage, synonyms=synonyms)
        with contextlib.suppress(OSError):
            index.save(path, seal)
            cache.prune(cache_dir, keep=path)
        return index

    def save(self, path: Path, seal: Seal) -> None:
        """Write the index atomically (temp file + os.replace), sealed with ``seal``."""
        cache.write(path, self._tables.plain(), seal)

    def set_synonyms(self, synonyms: Synonyms) -> None:
        """The words a query word also finds (shipped defaults plus the shop's own)."""
        keys = self._tables.keys
        self._synonyms = synonyms.table(lambda word: fold_numbers(keys.normalize(word)))
        self._maps.clear()
        self._last = None

    def _alternatives(self, term: Term) -> list[Term]:
        """The synonym terms ``term`` also stands for (none for most terms)."""
        if not self._synonyms:
            return []
        words = alternatives(self._synonyms, term.raw)
        return [make_term(self._tables.keys, word) for word in words]

    def set_usage(self, usage: Mapping[str, Usage]) -> None:
        """Re-rank ties: most frequently and recently used first, then by title."""
        self._ranking = Ranking(self._tables.snippets, self._tables.fields, usage)

    # -- search -------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._tables.snippets)

    @property
    def keys(self) -> TextKeys:
        """How this index reads text: matched spans (spans.py) read a query the same way."""
        return self._tables.keys

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Ranked hits for ``query``; never raises for odd input (it returns fewer hits)."""
        if limit <= 0:
            return []
        t, r = self._tables, self._ranking
        terms, group_terms = parse(t.keys, query)
        if not terms:
            # Everything (or a group) ties at 0: the page is in rank order.
            self._last = None
            if not group_terms:
                return [Hit(t.snippets[i], 0, "usage") for i in r.order[:limit]]
            page = islice(r.ranked(self._groups.bitmap(group_terms)), limit)
            return [Hit(t.snippets[i], 0, "group-filter") for i in page]
        allowed = self._groups.members(group_terms) if group_terms else None
        pool = self._narrowed_pool(terms, group_terms)
        page_size = limit if len(terms) == 1 else 0
        walked = None
        if pool is None and len(terms) > 1:
            within = self._groups.bitmap(group_terms) & t.every if group_terms else t.every
            walked = walk(t, r, terms, within, limit, self._known, self._surely)
            if not walked[0] and any(term.kind == "mixed" for term in terms):
                # A mixed term that matches nowhere together with the others is read as its
                # runs (`字x`: 字 and x), which only the term-by-term pass does. When it does
                # match, that pass would not split it either: the walk's page is its page.
                walked = None
        if walked is not None:
            scores, why, partial = walked
        else:
            scores, why, partial = self._match_all(
                terms, pool, allowed, typos=False, limit=page_size
            )
        # A stopped scan or a split mixed term leaves match sets that are not every match (or
        # not nested in the next query's): the next keystroke rescans instead of narrowing.
        self._last = None if partial else (tuple(terms), tuple(group_terms), list(scores))
        # Synonym, loose and typo tiers are below every exact one: only a short page needs them.
        if len(scores) < limit and any(
            term.typo_ok or term.loose_ok or self._alternatives(term) for term in terms
        ):
            if len(terms) == 1 and not partial:
                # The exact pass was complete: only the inexact tiers are left to add.
                scores, why = dict(scores), dict(why)
                add_inexact(t, r, terms[0], allowed, page_size, (scores, why))
                self._add_page_synonyms(terms[0], (scores, why), allowed, limit)
            else:
                scores, why, _ = self._match_all(
                    terms, None, allowed, typos=True, limit=page_size, page=limit
                )
        return r.top(t.snippets, scores, why, limit)

    def _match_all(
        self,
        terms: list[Term],
        pool: list[int] | None,
        allowed: set[int] | None,
        *,
        typos: bool,
        limit: int = 0,
        page: int = 0,
    ) -> tuple[dict[int, int], dict[int, str], bool]:
        """Records matching every term with their summed tiers, what gave each its best tier,
        and whether that is partial (a scan stopped early, or a mixed term was split). With
        ``page`` (the inexact pass of several terms), only the records that can reach a page
        of that many may be scored (inexactwalk.py)."""
        if allowed is not None:
            pool = sorted(allowed) if pool is None else [i for i in pool if i in allowed]
        ordered = by_selectivity(terms)
        spelled: Term | None = None  # a term known to match NARROW_LIMIT records or more
        if typos and pool is None and len(ordered) > 1:
            any_mixed = any(term.kind == "mixed" for term in ordered)
            # Two terms: the walk gives what the rare pool would (it holds every match of the
            # later term, so that term's "spelled" is the same) and is cheaper when a term
            # may have typos anywhere (the rare pool lists them whole); else, or with more
            # terms, the rare pool first.
            walk_first = len(ordered) == 2 and any(map(may_typo_anywhere, ordered))
            rare = None if walk_first else self._rare_pool(ordered)
            if rare is not None:
                pool, spelled = rare
            elif page and len(ordered) <= _WALKED_TERMS and not any_mixed:
                walked = inexact_walk(
                    self._tables,
                    self._ranking,
                    ordered,
                    self._alternatives,
                    self._known,
                    self._maps.small,
                    self._spelled,
                    lambda term, within: self._maps.records(self._ranking, term, within),
                    page,
                )
                if walked is not None:
                    return walked[0], walked[1], True
            if rare is None and walk_first:
                rare = self._rare_pool(ordered)
                if rare is not None:
                    pool, spelled = rare
        elif not typos and pool is None and len(ordered) > 1:
            short = self._short_pool(ordered)
            if short is not None:
                # Exact tiers only: every record of a non-empty result has the short-listed
                # term, and a mixed term split in there would have been split in all records
                # too, unless nothing is left: then (or after a split) every record is looked at.
                got = self._intersect(ordered, short, typos=False, limit=limit, spelled=None)
                if got[0] and not got[2]:
                    return got
        return self._intersect(ordered, pool, typos=typos, limit=limit, spelled=spelled)

    def _intersect(
        self,
        ordered: list[Term],
        pool: list[int] | None,
        *,
        typos: bool,
        limit: int,
        spelled: Term | None,
    ) -> tuple[dict[int, int], dict[int, str], bool]:
        """:meth:`_match_all` for terms in their order, starting from ``pool`` (None: all)."""
        t, r = self._tables, self._ranking
        scores: dict[int, int] | None = None
        why: dict[int, str] = {}
        best_tier: dict[int, int] = {}
        inexact: set[int] = set()  # records with a term matched only loosely or by a typo
        partial = False
        for term in ordered:
            if (
                pool is not None
                and len(pool) > NARROW_LIMIT
                and term not in self._maps
                and len(pool) * _SCAN_PER_RECORD < self._maps.reach(term)
            ):
                # Far fewer records left than the term matches: look at each of them that
                # may match (fullmap.Lookup: a C find per record and field).
                may = self._maps.records(r, term, bitmap_of(pool, len(t.snippets)))
                look = pool if may is None else list(bits(may))
                tiers, labels, _ = match_term(t, r, term, look, per_record=True)
            elif not limit and (pool is None or len(pool) > NARROW_LIMIT):
                tiers, labels = self._maps.full(r, term, pool)
            else:
                tiers, labels, truncated = match_term(t, r, term, pool, limit=limit)
                partial = partial or truncated
            if typos:
                self._add_synonyms(term, pool, (tiers, labels), None)
            # A mixed term without exact matches means its runs (below), typos or not.
            if typos and (tiers or term.kind != "mixed"):
                members = set(pool) if pool is not None else None
                add_inexact(
                    t, r, term, members, limit, (tiers, labels), spelled=term == spelled or None
                )
            if not tiers and term.kind == "mixed":
                # `tk退` may also mean "code or initials tk, and 退": each run as its own term.
                partial = True
                split = [make_term(t.keys, run) for run in runs(term.raw)]
                tiers, labels, _ = self._match_all(split, pool, None, typos=typos)
            if typos and len(ordered) > 1:
                inexact.update(i for i, got in tiers.items() if got < LOWEST_EXACT)
            if scores is None:
                # The first term's tiers are every record's best so far (copied: C speed).
                scores = tiers
                best_tier, why = dict(tiers), dict(labels)
            else:
                scores = {i: s + tiers[i] for i, s in scores.items() if i in tiers}
                for i in scores:
                    if tiers[i] > best_tier[i]:
                        best_tier[i] = tiers[i]
                        why[i] = labels[i]
            if not scores:
                break
            pool = list(scores)
        if scores and inexact:
            # One term's typo must not lift a record above one that matches every term.
            for i in inexact & scores.keys():
                scores[i] = inexact_sum(scores[i])
        return scores or {}, why, partial

    def _add_synonyms(
        self, term: Term, pool: list[int] | None, matches: Matches, allowed: set[int] | None
    ) -> None:
        """Raise ``matches`` with the (demoted) exact matches of ``term``'s synonyms."""
        tiers, labels = matches
        for alt in self._alternatives(term):
            alt_tiers, _ = self._maps.full(self._ranking, alt, pool)
            for i, got in alt_tiers.items():
                if (allowed is None or i in allowed) and demote(got) > tiers.get(i, 0):
                    tiers[i] = demote(got)
                    labels[i] = "synonym"

    def _add_page_synonyms(
        self, term: Term, matches: Matches, allowed: set[int] | None, limit: int
    ) -> None:
        """Like :meth:`_add_synonyms` for a one-term page whose literal matches are all in
        ``matches``: each synonym is scanned only until ``limit`` of its matches outrank the
        rest after demotion. Enough: a record that misses its synonym's page has ``limit``
        records ahead of it, and at most the literal matches (fewer than ``limit``) among them.
        The scores already on the page count too: once the first synonym gives a page of title
        matches, the next ones read only the steps that can tie with them (``催单``).
        """
        tiers, labels = matches
        pool = sorted(allowed) if allowed is not None else None
        for alt in self._alternatives(term):
            alt_tiers, _, _ = match_term(
                self._tables, self._ranking, alt, pool, limit=limit, demoted=True, page=tiers
            )
            for i, got in alt_tiers.items():
                if demote(got) > tiers.get(i, 0):
                    tiers[i] = demote(got)
                    labels[i] = "synonym"

    def _rare_pool(self, ordered: list[Term]) -> tuple[list[int], Term | None] | None:
        """For the inexact pass of several terms whose first is costly everywhere: the records
        a later, rarer term matches at all (exactly, by a synonym, loosely or with a typo
        anywhere), when few. Every record of the result is among them, so the first term is
        looked up in those alone. The second value is the first term when it is "spelled"
        (too many exact matches for typos anywhere), as its full map would have said.

        The first term is costly when it matches more than a list's worth (亲, ``zhe``), or
        when it is a Latin term matched exactly almost nowhere (``qini``: a typo of ``qin
        ni``), whose typos anywhere are in most replies; then a later term that cannot have
        typos (汉字: ``麻烦``) also counts when its gram bitmaps allow few records
        (:meth:`_gram_pool`). Later Latin terms would read their own "spelled" off the
        smaller pool: this second way is only taken without them.
        """
        first = ordered[0]
        if first.kind == "mixed":
            return None  # a mixed term reads its runs when it matches nothing
        short = self._maps.listed(self._ranking, first)
        spelled: Term | None = first
        if short is not None:
            if not first.typo_ok:
                return None  # a short map is cheap
            matches = dict(short[0]), dict(short[1])
            self._add_synonyms(first, None, matches, None)
            if len(matches[0]) >= NARROW_LIMIT:
                return None  # spelled: no typos anywhere, the map is cheap
            spelled = None  # as few exact matches in the pool: not spelled either
        for term in ordered[1:]:
            listed = None if term.kind == "mixed" else self._maps.listed(self._ranking, term)
            if listed is None or len(listed[0]) > _RARE_POOL:
                continue
            matches = dict(listed[0]), dict(listed[1])
            self._add_synonyms(term, None, matches, None)
            # Typos anywhere count here whether or not the term is spelled as meant: a superset.
            add_inexact(self._tables, self._ranking, term, None, 0, matches, spelled=False)
            if len(matches[0]) <= _RARE_POOL:
                return sorted(matches[0]), spelled
        if short is not None and all(term.kind in ("han", "other") for term in ordered[1:]):
            pool = self._gram_pool(ordered[1:])
            if pool is not None:
                return pool, spelled
        return None

    def _gram_pool(self, later: list[Term]) -> list[int] | None:
        """The records each of ``later`` (terms without typos) may match at all, by their gram
        bitmaps, synonyms and loose matches: when at most an eighth of all records."""
        t = self._tables
        most = max(_RARE_POOL, len(t.snippets) // 8)
        keep = t.every
        for term in later:
            may = self._maps.reach_bitmap(term)
            for alt in self._alternatives(term):
                may |= self._maps.reach_bitmap(alt)
            if may.bit_count() > most:
                continue
            loose: Matches = ({}, {})
            add_inexact(t, self._ranking, term, None, 0, loose)
            keep &= may | bitmap_of(loose[0], len(t.snippets))
        if keep.bit_count() > most:
            return None
        return list(bits(keep))

    def _spelled(self, term: Term) -> bool:
        """Whether ``term`` has NARROW_LIMIT exact or synonym matches or more (then the
        inexact pass does not look for its typos anywhere)."""
        listed = self._maps.small(term) or self._maps.listed(self._ranking, term)
        if listed is None:
            return True  # more than LISTED exact matches
        matches = dict(listed[0]), dict(listed[1])
        self._add_synonyms(term, None, matches, None)
        return len(matches[0]) >= NARROW_LIMIT

    def _short_pool(self, ordered: list[Term]) -> list[int] | None:
        """The exact matches of a later term when they are short and the first term's are not
        (``zhe 字x``: 这 is in every reply): the records an exact result can hold."""
        if self._maps.listed(self._ranking, ordered[0]) is not None:
            return None
        for term in ordered[1:]:
            listed = self._maps.listed(self._ranking, term)
            if listed is not None:
                return sorted(listed[0])
        return None

    def _surely(self, terms: list[Term], within: int, rates: list[float], ahead: int) -> int | None:
        """Of the records of bitmap ``within``, those that may match every term worth looking
        up there (None: none was).

        A term is worth it when looking it up (fullmap.Lookup, its cost in ``find``s) costs
        less than scoring the records it is expected to drop, at :data:`_FINDS_PER_SCORE`
        each: its share ``rates`` of misses so far, of the next ``ahead`` records the walk
        may score; the cheapest first. Else its exact matches, when few enough to list, are
        used (:meth:`TermMaps.short`).
        """
        keep: int | None = None
        left = [(rate, term) for rate, term in zip(rates, terms, strict=True) if rate > 0]
        while left:
            narrow = within if keep is None else keep
            if narrow.bit_count() <= NARROW_AFTER:
                break  # scoring so few costs less than looking another term up
            saving = min(narrow.bit_count(), ahead) * _FINDS_PER_SCORE
            options: list[tuple[int, int, Lookup | int]] = []
            for k, (rate, term) in enumerate(left):
                found = self._maps.lookup(self._ranking, term, narrow)
                if isinstance(found, Lookup) and found.cost > rate * saving:
                    found = self._maps.short(self._ranking, term, narrow)
                if found is not None:
                    options.append((found.cost if isinstance(found, Lookup) else 0, k, found))
            if not options:
                break
            _, k, found = min(options, key=lambda option: option[:2])
            _, term = left.pop(k)
            bitmap = found if isinstance(found, int) else self._maps.run(term, found)
            keep = bitmap if keep is None else keep & bitmap
        return keep

    def _narrowed_pool(self, terms: list[Term], group_terms: list[str]) -> list[int] | None:
        """The previous query's matches when this query only adds to it, else None (scan all)."""
        last = self._last
        if last is None:
            return None
        prev_terms, prev_groups, matches = last
        if not prev_terms or len(matches) > NARROW_LIMIT:
            return None
        if not prev_terms[-1].complete or len(terms) < len(prev_terms):
            return None
        for k, prev in enumerate(prev_terms):
            now = terms[k].raw
            if now != prev.raw and not (k == len(prev_terms) - 1 and now.startswith(prev.raw)):
                return None
        if len(group_terms) < len(prev_groups) or any(
            not now.startswith(prev) for now, prev in zip(group_terms, prev_groups, strict=False)
        ):
            return None
        return matches
