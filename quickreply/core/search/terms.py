"""Query terms: a typed query as terms, each with the key it is looked up as in every field."""

from __future__ import annotations

from dataclasses import dataclass

from quickreply.core.search.fields import FieldSpec
from quickreply.core.textkeys import TextKeys, fold_numbers, is_han

# Single Latin letters are only looked up where a prefix means something.
_PREFIX_ONLY_FIELDS = frozenset(
    {"title", "title_py", "title_ini", "tags", "tags_py", "tags_ini", "group"}
)
# Initials are one letter per character: a single letter anywhere would match everything.
_MIN_LEN = {"initials": 2, "pinyin": 2}
_TEXT_PINYIN_MIN = 3
# Typo matching only for Latin terms this long (shorter: too many near misses; longer: wasted).
_TYPO_MIN, _TYPO_MAX = 3, 24
# Loose matching (characters in order with gaps) only for terms this long.
LOOSE_MIN, LOOSE_MAX = 2, 12


@dataclass(frozen=True, slots=True)
class Term:
    """One space-separated word of a query, normalised, with its Latin forms."""

    raw: str  # normalised term
    latin: str  # Latin form for pinyin/initials fields ("" when none)
    initials: str  # form for initials fields ("" when none)
    han: str  # the ideographs of a mixed term, checked against the parent field
    kind: str  # "latin", "han", "mixed" or "other"

    @property
    def prefix_only(self) -> bool:
        return self.kind == "latin" and len(self.raw) < 2

    @property
    def complete(self) -> bool:
        """Long enough that every field was searched: a longer term can only match less."""
        return self.kind not in ("latin", "mixed") or len(self.latin) >= _TEXT_PINYIN_MIN

    @property
    def typo_ok(self) -> bool:
        return self.kind == "latin" and _TYPO_MIN <= len(self.raw) <= _TYPO_MAX

    @property
    def loose_ok(self) -> bool:
        return LOOSE_MIN <= len(self.raw) <= LOOSE_MAX


def parse(keys: TextKeys, query: str) -> tuple[list[Term], list[str]]:
    """The query's terms, and the words of its ``/组`` group filters."""
    norm = keys.normalize(query)
    terms: list[Term] = []
    group_terms: list[str] = []
    for word in norm.split():
        if word.startswith("/"):
            if word.strip("/"):
                group_terms.append(word.strip("/"))
            continue
        terms.append(make_term(keys, word))
    return terms, group_terms


def make_term(keys: TextKeys, word: str) -> Term:
    """One normalised word as a term: Latin, 汉字, mixed (``tk退``) or other.

    Its kind and Latin forms come from the word as typed; the form looked up in the 汉字
    fields has its numbers folded, as they are (七天 → 7天).
    """
    if word.isascii():
        latin = word if word.isalnum() else ""
        return Term(word, latin, latin, "", "latin" if latin else "other")
    folded = fold_numbers(word)
    han = "".join(ch for ch in word if is_han(ch))
    rest = "".join(ch for ch in word if not is_han(ch))
    if han and not rest:
        return Term(folded, "", "", han, "han")
    if han and rest.isascii() and rest.isalnum():
        readings = [keys.readings(ch) for ch in word]
        if all(r or not is_han(ch) for ch, r in zip(word, readings, strict=True)):
            latin = "".join(r[0] if r else ch for ch, r in zip(word, readings, strict=True))
            initials = "".join(r[0][0] if r else ch for ch, r in zip(word, readings, strict=True))
            han = "".join(ch for ch in folded if is_han(ch))  # what the 汉字 fields hold
            return Term(folded, latin, initials, han, "mixed")
    return Term(folded, "", "", "", "other")


def by_selectivity(terms: list[Term]) -> list[Term]:
    """Most selective first: later terms only need to look at what earlier ones matched."""
    return sorted(terms, key=lambda t: (t.prefix_only, -len(t.raw)))


def runs(word: str) -> list[str]:
    """Split a mixed term into runs of ideographs and of other characters (tk退 → tk, 退)."""
    out: list[str] = []
    for ch in word:
        if out and is_han(out[-1][-1]) == is_han(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def needle(term: Term, spec: FieldSpec) -> str:
    """What ``term`` is looked for as in field ``spec`` ("": not looked up there)."""
    if term.prefix_only and spec.name not in _PREFIX_ONLY_FIELDS:
        return ""
    if spec.kind == "norm":
        return term.raw if term.kind != "latin" or term.raw else ""
    found = term.initials if spec.kind == "initials" else term.latin
    if not found or (len(found) < _MIN_LEN[spec.kind] and not term.prefix_only):
        return ""
    if spec.name in ("text_py", "text_ini") and len(found) < _TEXT_PINYIN_MIN:
        return ""
    return found
