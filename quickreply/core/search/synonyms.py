"""Synonyms: the other words a query word also finds (催单 → 催发货, 什么时候发货).

Each line of the table is a set of words that mean the same to a shop: typing any of them also
finds the others, below every literal (exact) match and above the loose and typo tiers, in the
order the same match of the typed word would have (:func:`demote`). The
shipped lines are below; a shop adds its own under ``synonyms:`` in shop.yaml
(docs/search.md). A 汉字 word is also replaced inside a longer term (退钱了 → 退款了); a Latin
word (``sf``) only as a whole term, and only in the Latin → 汉字 direction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from quickreply.core.search.fields import CODE_EXACT, LOOSE_TITLE, LOWEST_EXACT

# What agents expect without configuring anything (issue 16).
DEFAULT_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("催单", "催发货", "什么时候发货", "催货"),
    ("物流", "快递"),
    ("退钱", "退款"),
    ("少件", "漏发", "少发"),
    ("顺丰", "sf"),
    ("包邮", "免运费"),
    ("发票", "开票"),
    ("价保", "保价"),
    ("人工", "客服"),
)
# A term has at most this many alternatives (a long term could hold several table words).
_MAX_ALTERNATIVES = 8


def demote(tier: int) -> int:
    """The tier a synonym match gets for a match worth ``tier`` literally: squeezed between
    the loose tiers and the lowest exact one, order kept (a title synonym above a text one)."""
    floor = LOOSE_TITLE + 1
    span = LOWEST_EXACT - 1 - floor
    return floor + max(0, tier - LOWEST_EXACT) * span // (CODE_EXACT - LOWEST_EXACT)


class Synonyms:
    """A synonym table, looked up by normalised query words."""

    def __init__(self, lines: Iterable[Sequence[str]] = DEFAULT_SYNONYMS) -> None:
        self.lines: tuple[tuple[str, ...], ...] = tuple(
            tuple(word for word in line if word.strip()) for line in lines
        )

    @classmethod
    def with_shop(cls, lines: Iterable[Sequence[str]]) -> Synonyms:
        """The shipped lines and a shop's own (shop.yaml ``synonyms:``)."""
        return cls((*DEFAULT_SYNONYMS, *lines))

    def table(self, normalize: Callable[[str], str]) -> dict[str, tuple[str, ...]]:
        """Normalised word -> the other words of every line it is on."""
        others: dict[str, list[str]] = {}
        for line in self.lines:
            words = [normalize(word).strip() for word in line]
            words = [w for w in words if w and " " not in w]
            for word in words:
                row = others.setdefault(word, [])
                row.extend(w for w in words if w != word and w not in row)
        return {word: tuple(row) for word, row in others.items() if row}


def alternatives(table: dict[str, tuple[str, ...]], word: str) -> list[str]:
    """The words ``word`` also stands for: whole-word entries, and 汉字 entries replaced
    inside it (longest entry first, so 什么时候发货 is not read as 发货)."""
    out: list[str] = list(table.get(word, ()))
    if not word.isascii():
        for entry in sorted(table, key=len, reverse=True):
            if entry != word and not entry.isascii() and entry in word:
                out.extend(word.replace(entry, other) for other in table[entry])
                break
    seen: list[str] = []
    for alt in out:
        # 顺丰 → sf would match every 少发 by its initials; sf → 顺丰 is what helps.
        if alt.isascii() and not word.isascii():
            continue
        if alt != word and alt not in seen:
            seen.append(alt)
    return seen[:_MAX_ALTERNATIVES]
