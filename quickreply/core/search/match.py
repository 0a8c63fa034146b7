"""One term's matches: the best tier each record gets for it, and what gave that tier.

Exact tiers come from field scans in step order (:data:`STEPS`, best first), or record by
record when few records are left (typing on) or when a walk asks about one record; the loose
and typo tiers are added on request. With a page ``limit`` a scan stops as soon as ``limit``
records beat anything the remaining steps could give, and says so (``truncated``): the match
map is then not every match.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Container, Mapping
from itertools import compress, repeat
from operator import add

from quickreply.core.search.anywhere import anywhere_typos
from quickreply.core.search.fields import (
    CODE_EXACT,
    CODE_PREFIX,
    FIELDS,
    LOOSE_INITIALS,
    LOOSE_TITLE,
    STEPS,
    FieldSpec,
)
from quickreply.core.search.grams import bits, loose_cand
from quickreply.core.search.rank import Ranking
from quickreply.core.search.records import Field
from quickreply.core.search.scan import first_hit, has_all, scan_into, tier
from quickreply.core.search.synonyms import demote
from quickreply.core.search.tables import Tables
from quickreply.core.search.terms import Term, needle
from quickreply.core.search.typos import typo_matches
from quickreply.core.textkeys import SEP_ITEM, SEP_RECORD

# Below this many records left, a term is checked record by record instead of scanned for.
NARROW_LIMIT = 200
# A loose pattern is searched record by record when the records to look at are fewer than
# one in this many (a search per record ≈ 10× the pattern's pass over one title).
_LOOSE_PER_RECORD = 10

Matches = tuple[dict[int, int], dict[int, str]]  # record -> best tier, record -> what gave it
# The fields a term is looked up in, best tier first: (field, spec, needle, 汉字 check).
Plan = list[tuple[Field, FieldSpec, str, tuple[Field, str] | None]]
Offer = Callable[[int, int, str], None]


def plan(t: Tables, term: Term, among: Container[str] | None = None) -> Plan:
    """The fields ``term`` is looked up in (best tier first), with needle and 汉字 check;
    ``among``: the fields known to be worth it (walk.bounds found them), else those a pinyin
    needle is not surely missing from."""
    out: Plan = []
    for spec in FIELDS:
        found = needle(term, spec)
        if not found:
            continue
        if spec.name in among if among is not None else not t.lacks(spec.name, found):
            out.append((t.fields[spec.name], spec, found, _check(t, term, spec)))
    return out


def exact(
    t: Tables, term: Term, fields: Plan, i: int, rows: list[bytes] | None = None
) -> tuple[int, str]:
    """The best exact tier of ``term`` in record ``i`` and what gave it (0: no match);
    ``rows`` as for :func:`best_field`."""
    if term.kind == "latin":
        found = t.codes.tier(term.raw, i)
        if found[0]:
            return found
    return best_field(fields, i, term.prefix_only, rows)


def best_field(
    fields: Plan, i: int, prefix_only: bool, rows: list[bytes] | None = None
) -> tuple[int, str]:
    """The best tier of record ``i`` in the fields of a plan and what gave it (0: none).

    ``rows``, one per field of the plan: a bitmap's bytes (bit ``i`` of byte ``i >> 3``) of
    the records that may match in that field; the others are not looked at.
    """
    best, label = 0, ""
    byte, bit = i >> 3, 1 << (i & 7)
    for k, (field, spec, found, check) in enumerate(fields):
        if spec.equal <= best:
            break  # fields come best first: no later one can do better
        if rows is not None and not rows[k][byte] & bit:
            continue
        got = tier(field, spec, i, found, prefix_only)
        if got > best and (check is None or has_all(check[0], i, check[1])):
            best, label = got, spec.why
    return best, label


def match_term(
    t: Tables,
    r: Ranking,
    term: Term,
    pool: list[int] | None,
    limit: int = 0,
    *,
    demoted: bool = False,
    budget: int = 0,
    per_record: bool = False,
    page: Mapping[int, int] | None = None,
) -> tuple[dict[int, int], dict[int, str], bool]:
    """Best exact tier per matching record (of ``pool`` if given), and whether it stopped early.

    With ``limit`` (one term, no pool) it stops scanning once ``limit`` records beat anything
    the remaining fields could give: they fill the page. ``demoted``: the page is ordered by
    the synonym tier of each match (:func:`demote` squeezes several tiers into one, so rank
    decides between them): it stops only once ``limit`` records beat the rest after demotion.
    ``budget`` (no limit, no pool): it gives up once more than that many records match, and
    says so; a map it completes is every match, as without a budget. ``per_record``: look at
    each record of ``pool`` however many (the term matches far more records elsewhere).
    ``page``: the scores a page's records already have (a synonym's scan adds to the literal
    matches and earlier synonyms): they count among the records a step must beat.
    """
    best: dict[int, int] = {}
    label: dict[int, str] = {}
    if pool is not None and (per_record or len(pool) <= NARROW_LIMIT):
        # Few records left (typing on): look at each of them instead of scanning.
        fields = plan(t, term)
        for i in pool:
            got, why = exact(t, term, fields, i)
            if got:
                best[i], label[i] = got, why
        return best, label, False
    members = set(pool) if pool is not None else None
    offer = offerer(best, label)
    truncated = term.kind == "latin" and _match_code(t, r, term.raw, members, offer, limit)
    if budget and len(best) > budget:
        return best, label, True
    prefix_only = term.prefix_only
    skip: set[int] | None = None
    begins: dict[str, int] = {}
    if limit:
        # Used snippets rank ahead of title order: look at them first, so the scans below
        # meet everything else in rank order and may stop early.
        skip = r.boost_set
        needles = {n for n in (term.raw, term.latin, term.initials) if n}
        planned: Plan | None = None  # once a used snippet holds a needle
        for i in r.boosted_holding(needles, members):
            planned = plan(t, term) if planned is None else planned
            got, why = best_field(planned, i, prefix_only)
            if got:
                offer(i, got, why)
    scores = sorted(page.values()) if page else []
    for step_tier, spec, at_start in STEPS:
        if limit and len(best) + len(scores) >= limit:
            floor = demote(step_tier) if demoted else step_tier
            # Counted per distinct tier (a handful), not per record; the page's by a bisect.
            counts = Counter(best.values())
            level = demote if demoted else int
            ahead = sum(n for got, n in counts.items() if level(got) > floor)
            outside = len(scores) - bisect_right(scores, floor)
            if page and outside < limit <= ahead + outside:
                # Not counting twice a record above the floor in both.
                ahead = sum(1 for i, got in best.items() if level(got) > floor >= page.get(i, 0))
            if ahead + outside >= limit:
                return best, label, True
        if not at_start and prefix_only:
            continue
        found = needle(term, spec)
        if not found:
            continue
        field = t.fields[spec.name]
        # One plain find per field tells whether (and from where) its two steps need to look;
        # the gram bitmaps tell first whether the field can hold the term at all, and from
        # which record on (a miss no longer costs a scan of all the texts).
        begin = begins.get(spec.name)
        if begin is None and t.lacks(spec.name, found):
            begin = begins[spec.name] = -1
        if begin is None:
            cand = t.cand(spec.name, found, start=False)
            begin = begins[spec.name] = first_hit(field, found, cand)
        if begin == -1:
            continue
        if at_start:
            begin = item_start_from(t, spec.name, found, begin)
            if begin == -1:
                continue
        single_tier = at_start or not spec.word
        stop = limit if limit and single_tier else 0
        if budget:
            # Any tier counts (floor 1): the scan stops at the budget's record.
            stop, step_tier = budget + 1, 1
        check = _check(t, term, spec)
        if scan_into(
            field, spec, found, at_start, members, check, best, label, skip, stop, step_tier, begin,
            # Demoted, an earlier step's record may tie with this one's and rank after them:
            # only this step's own records (met in rank order) may fill the page here.
            only_new=demoted,
        ):  # fmt: skip
            if budget:
                return best, label, True
            if not demoted:
                return best, label, True
            # A later step may tie after demotion with records ranked first: go on; the check
            # above stops once the page outranks every later step. A record this scan passed
            # over has a page of its step ahead of it: its tier no longer matters.
            truncated = True
    return best, label, truncated


def item_start_from(t: Tables, name: str, found: str, begin: int) -> int:
    """Where field ``name``'s item-start step for ``found`` may start reading (-1: it finds
    nothing), given ``begin``, its first hit anywhere. Only records where an item starts with
    the needle's first character can hold an item that starts with it: titles are in pinyin
    order, so ``xi`` starts none before the titles read xi…, and a field where none does is
    not read at all."""
    starts = t.cand(name, found, start=True)
    if not starts:
        return -1
    return max(begin, t.fields[name].offsets[(starts & -starts).bit_length() - 1])


def add_inexact(
    t: Tables,
    r: Ranking,
    term: Term,
    members: set[int] | None,
    limit: int,
    matches: Matches,
    *,
    spelled: bool | None = None,
) -> None:
    """Raise ``matches`` with the loose (characters with gaps) and one-typo tiers.

    ``spelled``: whether the term is spelled as meant (no typo anywhere in the texts), when
    the caller knows; else it is when ``matches`` holds ``NARROW_LIMIT`` records or more.
    """
    if spelled is None:
        spelled = len(matches[0]) >= NARROW_LIMIT
    offer = offerer(*matches)
    _loose(t, term, members, offer)
    if term.typo_ok:
        typos = typo_matches(t.typo, t.codes, t.fields, r, term.raw, limit, members, matches[0])
        for i, got in typos.items():
            offer(i, got, "typo")
        if not spelled:
            inner = anywhere_typos(t.starts, r, term.raw, limit, members, matches[0])
            for i, got in inner.items():
                offer(i, got, "typo")


def offerer(best: dict[int, int], label: dict[int, str]) -> Offer:
    """``offer(i, tier, why)``: keep record ``i``'s tier (and what gave it) if it is higher."""

    def offer(i: int, tier: int, why: str) -> None:
        if tier > best.get(i, 0):
            best[i] = tier
            label[i] = why

    return offer


def _check(t: Tables, term: Term, spec: FieldSpec) -> tuple[Field, str] | None:
    """A mixed term's 汉字 must be in the parent field of a pinyin/initials match."""
    if term.kind == "mixed" and spec.kind != "norm":
        return t.fields[spec.parent], term.han
    return None


def _loose(t: Tables, term: Term, members: set[int] | None, offer: Offer) -> None:
    """The term's characters in order, with gaps, inside one title (or its initials)."""
    if not term.loose_ok or term.kind == "other":
        return
    targets = [("title", term.raw, LOOSE_TITLE, "title-loose")]
    if term.initials and term.kind != "han":
        targets.append(("title_ini", term.initials, LOOSE_INITIALS, "title-loose"))
    for name, chars, got, why in targets:
        # Only records holding every character can match (letter keys, grams.py): `niz` and
        # `tiu` have a vowel no title's initials hold, so none is searched.
        may = loose_cand(t.grams[name], t.every, chars)
        if not may:
            continue
        field = t.fields[name]
        pattern = re.compile(_in_order(chars))
        offsets = field.offsets
        few = may.bit_count() * _LOOSE_PER_RECORD < len(offsets)
        if few or (members is not None and len(members) * _LOOSE_PER_RECORD < len(offsets)):
            # Few records: one C search inside each (a match never crosses a separator).
            if not few:
                ids = sorted(members or ())
            elif members is None:
                ids = list(bits(may))
            else:
                ids = [i for i in bits(may) if i in members]
            ends = map(offsets.__getitem__, map(add, ids, repeat(1)))
            found = map(pattern.search, repeat(field.hay), map(offsets.__getitem__, ids), ends)
            for i in compress(ids, found):
                offer(i, got, why)
            continue
        for match in pattern.finditer(field.hay):
            i = bisect_right(offsets, match.start()) - 1
            if members is None or i in members:
                offer(i, got, why)


def _in_order(chars: str) -> str:
    """A pattern for ``chars`` in order inside one item, with gaps: each gap skips what is not
    the next character, possessively (``z[^h]*+h[^q]*+q``), so a failed start costs one pass
    instead of backtracking over the item; it matches where the lazy ``z.*?h.*?q`` would."""
    out = [re.escape(chars[0])]
    for ch in chars[1:]:
        out.append(f"[^{SEP_ITEM}{SEP_RECORD}{re.escape(ch)}]*+{re.escape(ch)}")
    return "".join(out)


def _match_code(
    t: Tables, r: Ranking, raw: str, members: set[int] | None, offer: Offer, limit: int
) -> bool:
    """Offer the code tiers of ``raw``; True when it stopped after a page of code prefixes."""
    codes = t.codes
    # More code matches than a page (`t` at 100k: thousands): the page is the exact code and
    # the best-ranked prefixes; nothing else can reach their tier.
    wide = limit and (members is None or len(members) > NARROW_LIMIT)
    if wide and codes.count_with_prefix(raw) > limit:
        return _best_codes(t, r, raw, members, offer, limit)
    for code, i in codes.with_prefix(raw):
        if members is None or i in members:
            if code == raw:
                offer(i, CODE_EXACT, "code")
            else:
                offer(i, CODE_PREFIX, "code-prefix")
    return False


def _best_codes(
    t: Tables, r: Ranking, raw: str, members: set[int] | None, offer: Offer, limit: int
) -> bool:
    """The exact code, then the first ``limit`` code-prefix records in rank order (of
    ``members`` if given). True when it stopped there: more codes have the prefix."""
    exact_code = t.codes.record_of.get(raw)
    if exact_code is not None and (members is None or exact_code in members):
        offer(exact_code, CODE_EXACT, "code")
    taken = 0
    for i in r.ranked(t.cand("code", raw, start=True)):
        if i != exact_code and t.codes.tier(raw, i)[0]:
            if members is not None and i not in members:
                continue
            offer(i, CODE_PREFIX, "code-prefix")
            taken += 1
            if taken >= limit:
                return True
    return False
