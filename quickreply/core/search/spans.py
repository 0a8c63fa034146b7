"""Matched spans: which characters of a shown title or code a query matched, for highlighting.

The index answers *which* replies match; this module answers, for one reply on screen, *where*:
快递 for ``kuaidi`` (pinyin, whole syllables, the last one possibly begun), 确认收货 for ``qrsh``
(initials), 退貨 for ``退货`` (traditional folds to simplified), ``kd`` at the start of the code
``kdzx``. It reads the query as the index does (``terms.parse``) but works on one short text at
a time, so the palette asks only for the rows it paints: nothing here runs per keystroke over
the library. Spans are character offsets into the text as shown, so a reply's title is
highlighted however it was normalised for the index (full-width letters, traditional 汉字).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quickreply.core.search.terms import LOOSE_MAX, LOOSE_MIN, Term, make_term, parse, runs
from quickreply.core.textkeys import COMMON_POLYPHONES, TextKeys, fold_numbers, is_han

Span = tuple[int, int]  # [start, end) in the text as shown


@dataclass(frozen=True, slots=True)
class RowSpans:
    """The matched characters of one result row: in its title and in its code."""

    title: tuple[Span, ...] = ()
    code: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class _Text:
    """A shown text read as the index reads it: one unit per normalised character."""

    norm: str  # the normalised characters, numbers folded one by one (七 → 7)
    origin: tuple[int, ...]  # origin[k]: index in the shown text of norm[k]
    readings: tuple[tuple[str, ...], ...]  # per unit: its pinyin readings, or itself


def row_spans(keys: TextKeys, query: str, title: str, code: str = "") -> RowSpans:
    """The characters of ``title`` and ``code`` that ``query`` matched (empty when none)."""
    terms, _ = parse(keys, query)
    if not terms:
        return RowSpans()
    shown = _read(keys, title)
    title_spans: list[Span] = []
    for term in terms:
        title_spans.extend(_term_spans(keys, shown, term))
    code_spans: list[Span] = []
    folded_code = keys.normalize(code)
    if len(folded_code) == len(code):
        for term in terms:
            if term.kind == "latin" and term.raw and folded_code.startswith(term.raw):
                code_spans.append((0, len(term.raw)))
    return RowSpans(_merged(title_spans), _merged(code_spans))


def text_spans(keys: TextKeys, query: str, text: str) -> tuple[Span, ...]:
    """The characters of any shown ``text`` that ``query`` matched (a title, a tag)."""
    return row_spans(keys, query, text).title


def _read(keys: TextKeys, text: str) -> _Text:
    norm: list[str] = []
    origin: list[int] = []
    readings: list[tuple[str, ...]] = []
    for k, ch in enumerate(text):
        # Character by character, so every normalised unit knows where it was shown.
        for unit in keys.normalize(ch):
            # Pinyin is read before numbers fold (七 stays qi), as the index reads it.
            # The readings the index spells titles with: a common polyphone's first two, else
            # the first (说 is shuo; its rare shui finds nothing, so it lights up nothing).
            known = keys.readings(unit)[: 2 if unit in COMMON_POLYPHONES else 1]
            readings.append((known or (unit,)) if is_han(unit) else (unit,))
            digit = fold_numbers(unit)
            norm.append(digit if len(digit) == 1 else unit)
            origin.append(k)
    return _Text("".join(norm), tuple(origin), tuple(readings))


def _term_spans(keys: TextKeys, text: _Text, term: Term) -> list[Span]:
    """Where one term matched, by the best kind of match this text has for it."""
    found: list[tuple[int, int]] = []  # unit ranges
    if term.raw:
        found = _literal(text.norm, term.raw)
    if not found and term.latin:
        found = _every(text, lambda p: _pinyin_at(text.readings, p, term.latin))
    if not found and term.initials and len(term.initials) >= 2:
        found = _every(text, lambda p: _initials_at(text.readings, p, term.initials))
    if not found and term.kind == "mixed":
        # `tk退`: the index also takes it as its runs (tk, 退), each matched on its own.
        for run in runs(term.raw):
            sub = make_term(keys, run)
            found.extend(_units(text, span) for span in _term_spans(keys, text, sub))
    if not found and LOOSE_MIN <= len(term.raw) <= LOOSE_MAX and term.kind != "other":
        found = _loose(text, term)
    return [_shown(text, start, end) for start, end in found]


def _units(text: _Text, span: Span) -> tuple[int, int]:
    """A shown span back as a unit range (inverse of :func:`_shown`)."""
    start = text.origin.index(span[0])
    end = len(text.origin) - text.origin[::-1].index(span[1] - 1)
    return start, end


def _shown(text: _Text, start: int, end: int) -> Span:
    return text.origin[start], text.origin[end - 1] + 1


def _literal(norm: str, needle: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = norm.find(needle)
    while pos != -1:
        out.append((pos, pos + len(needle)))
        pos = norm.find(needle, pos + len(needle))
    return out


def _every(text: _Text, match_at: Callable[[int], int]) -> list[tuple[int, int]]:
    """Every non-overlapping match, left to right, each starting at a unit."""
    out: list[tuple[int, int]] = []
    p, n = 0, len(text.norm)
    while p < n:
        end = match_at(p)
        if end > p:
            out.append((p, end))
            p = end
        else:
            p += 1
    return out


def _pinyin_at(readings: tuple[tuple[str, ...], ...], p: int, needle: str) -> int:
    """The end of whole syllables from unit ``p`` spelling ``needle`` (the last one may be
    begun, as the index allows: ``kuaid`` → 快递), or -1."""
    if not needle:
        return p
    if p >= len(readings):
        return -1
    for reading in readings[p]:
        if needle.startswith(reading):
            end = _pinyin_at(readings, p + 1, needle[len(reading) :])
            if end != -1:
                return end
        elif reading.startswith(needle):
            return p + 1
    return -1


def _initials_at(readings: tuple[tuple[str, ...], ...], p: int, needle: str) -> int:
    """The end of one unit per letter of ``needle`` from ``p``, each starting with it, or -1."""
    if p + len(needle) > len(readings):
        return -1
    for k, letter in enumerate(needle):
        if not any(reading[:1] == letter for reading in readings[p + k]):
            return -1
    return p + len(needle)


def _loose(text: _Text, term: Term) -> list[tuple[int, int]]:
    """The term's characters in order with gaps (修改地址 in 修改收货地址), one span each."""
    wanted = term.raw if term.kind != "latin" else term.initials
    if not wanted:
        return []
    out: list[tuple[int, int]] = []
    p = 0
    for letter in wanted:
        while p < len(text.norm):
            unit = text.norm[p]
            heads = {reading[:1] for reading in text.readings[p]} if term.kind == "latin" else set()
            p += 1
            if unit == letter or letter in heads:
                out.append((p - 1, p))
                break
        else:
            return []
    return out


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return tuple(out)
