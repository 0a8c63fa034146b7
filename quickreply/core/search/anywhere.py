"""One-typo matches of a Latin term anywhere in a pinyin field, not only at an item start.

``zhaoij`` finds 着急 inside a reply, ``qeuren`` 确认 in a buyer question. A match is a
one-edit neighbour of the term (deletion, substitution, insertion, adjacent transposition)
starting at a syllable. The neighbours are looked up in the field's syllable starts sorted by
what follows (starts.py): an edit is only tried after a prefix of the term that occurs, with
the letters that follow it there, so a term that occurs nowhere costs a few dozen bisects and
no record is read. The records come from the runs found, a page's worth in rank order.
"""

from __future__ import annotations

from collections.abc import Mapping

from quickreply.core.search.fields import TYPO_ANYWHERE
from quickreply.core.search.rank import Ranking, first_ranked
from quickreply.core.search.rank import outranked as _outranked  # tests count its calls
from quickreply.core.search.starts import Span, Starts

# Shorter terms have too many neighbours in long texts to mean anything.
MIN_LENGTH = 4


def anywhere_typos(
    starts: Mapping[str, Starts],
    ranking: Ranking,
    raw: str,
    limit: int = 0,
    members: set[int] | None = None,
    ahead: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """Records (of ``members`` if given) holding a one-edit neighbour of ``raw`` at a syllable
    start of a pinyin field, with the typo tier of the best such field. With ``limit``, each
    field gives at most that many records (those ranked first).

    ``ahead``: the tiers the page's records already have (a one-term page of ``limit``). A
    field is not read once ``limit`` records score above its tier: ties are broken by usage,
    so only a higher score surely keeps a record of that field off the page."""
    out: dict[int, int] = {}
    if len(raw) < MIN_LENGTH or not raw.isascii() or not raw.isalnum():
        return out
    for name, typo_tier in TYPO_ANYWHERE.items():
        if limit and ahead is not None and _outranked(ahead, out, typo_tier) >= limit:
            break  # every later field's tier is lower still
        table = starts[name]
        found = table.records_of(neighbour_spans(table, raw))
        found.difference_update(out)  # a better field's typo tier already
        if members is not None:
            found &= members
        for i in first_ranked(ranking, found, limit):
            out[i] = typo_tier
    return out


def neighbour_spans(table: Starts, raw: str, variants: list[str] | None = None) -> list[Span]:
    """The runs of ``table`` where a one-edit neighbour of ``raw`` (OSA distance 1, at least
    ``MIN_LENGTH - 1`` letters, not ``raw`` itself) starts a syllable; with ``variants``,
    each run's neighbour is appended to it."""
    n = len(raw)
    # prefix[j]: the run where raw[:j] starts a syllable; edits after a prefix that occurs
    # nowhere cannot occur either.
    prefix: list[Span] = [(0, len(table))]
    while len(prefix) <= n:
        lo, hi = table.span(raw[: len(prefix)], *prefix[-1])
        if lo == hi:
            break
        prefix.append((lo, hi))
    seen = {raw}
    spans: list[Span] = []

    def add(variant: str, lo: int, hi: int) -> None:
        if variant not in seen:
            seen.add(variant)
            found = table.span(variant, lo, hi)
            if found[0] != found[1]:
                spans.append(found)
                if variants is not None:
                    variants.append(variant)

    for j in range(min(len(prefix), n)):
        lo, hi = prefix[j]
        left, right = raw[:j], raw[j + 1 :]
        if len(left) + len(right) >= MIN_LENGTH - 1:
            add(left + right, lo, hi)  # deletion of raw[j]
        for ch, sub_lo, sub_hi in table.children(j, lo, hi):
            if ch != raw[j]:
                add(left + ch + right, sub_lo, sub_hi)  # substitution
            add(left + ch + raw[j:], sub_lo, sub_hi)  # insertion before raw[j]
        if j < n - 1:
            add(left + raw[j + 1] + raw[j] + raw[j + 2 :], lo, hi)  # transposition
    if len(prefix) > n:
        for ch, sub_lo, sub_hi in table.children(n, *prefix[n]):
            add(raw + ch, sub_lo, sub_hi)  # insertion at the end
    return spans
