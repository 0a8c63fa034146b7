"""The tier table: what a match of a term in each searchable field (or code) is worth.

A snippet's score for one term is the best tier among its matches; several terms add up
(docs/search.md has the table and why it is in this order).
"""

from __future__ import annotations

from dataclasses import dataclass

CODE_EXACT = 1000
CODE_PREFIX = 900
# After the exact tiers, when they leave the page short: characters of the term in order in
# a title (修改地址 → 修改收货地址, xgdz → its initials), then one typo in a code, title or tag.
LOOSE_TITLE = 200
LOOSE_INITIALS = 190
TYPO_CODE = 120
TYPO_TITLE = 110
TYPO_TAG = 90
# The fields a typo is measured against (their Latin item starts), with the tier it gives.
TYPO_TIER = {"title_py": TYPO_TITLE, "title_ini": TYPO_TITLE, "tags_py": TYPO_TAG}
TYPO_FIELDS = tuple(TYPO_TIER)
# One typo anywhere in a pinyin field (anywhere.py): below the item-start typo tiers.
TYPO_ANYWHERE = {"title_py": 100, "tags_py": 85, "examples_py": 80, "text_py": 70}
# The lowest exact tier (text initials substring): every loose or typo tier is below it.
LOWEST_EXACT = 230


def inexact_sum(total: int) -> int:
    """A several-term score where some term matched only loosely or with a typo: scaled so it
    stays below every all-exact score (``k`` terms score at least ``k * LOWEST_EXACT``) while
    keeping the order among such records."""
    return total * (LOWEST_EXACT - 1) // CODE_EXACT


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field kind: where its text comes from and what each kind of match is worth."""

    name: str
    kind: str  # "norm", "pinyin" or "initials"
    parent: str  # the norm field it was derived from (for checking mixed input)
    equal: int  # the whole item equals the term
    prefix: int  # an item starts with the term
    word: int  # the term stands between punctuation/space
    substring: int  # anywhere else
    why: str


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "norm", "title", 800, 800, 700, 650, "title"),
    FieldSpec("title_py", "pinyin", "title", 780, 780, 0, 620, "title-pinyin"),
    FieldSpec("title_ini", "initials", "title", 760, 760, 0, 600, "title-initials"),
    FieldSpec("tags", "norm", "tags", 540, 540, 530, 520, "tag"),
    FieldSpec("tags_py", "pinyin", "tags", 500, 500, 0, 470, "tag-pinyin"),
    FieldSpec("tags_ini", "initials", "tags", 480, 480, 0, 460, "tag-initials"),
    # A title's other readings of its polyphones (会的 as kuaide): below every tag tier.
    FieldSpec("title_alt_py", "pinyin", "title", 458, 458, 0, 452, "title-other-reading"),
    FieldSpec("title_alt_ini", "initials", "title", 456, 456, 0, 450, "title-other-reading"),
    FieldSpec("examples", "norm", "examples", 440, 440, 430, 420, "example"),
    FieldSpec("examples_py", "pinyin", "examples", 410, 410, 0, 400, "example-pinyin"),
    FieldSpec("examples_ini", "initials", "examples", 405, 405, 0, 395, "example-initials"),
    FieldSpec("group", "norm", "group", 380, 380, 380, 370, "group"),
    FieldSpec("text", "norm", "text", 340, 340, 320, 300, "text"),
    FieldSpec("text_py", "pinyin", "text", 250, 250, 0, 240, "text-pinyin"),
    FieldSpec("text_ini", "initials", "text", 235, 235, 0, 230, "text-initials"),
)
SPEC = {spec.name: spec for spec in FIELDS}
# Scan order: for every field, matches at an item start (equal/prefix tiers) and anywhere else
# (word/substring tiers) are separate steps, best first, so a page full of title-prefix hits
# never pays for scanning texts. Each step carries the best tier it can give.
STEPS: list[tuple[int, FieldSpec, bool]] = sorted(
    [(spec.equal, spec, True) for spec in FIELDS]
    + [(max(spec.word, spec.substring), spec, False) for spec in FIELDS],
    key=lambda step: -step[0],
)
