"""Code practice: a reply's title or text is shown and the trainee types its 快捷编码.

The cards are the replies that have a code; a card is right when the typed text is that code
(case and surrounding spaces ignored). :class:`CodeRun` keeps the streak and the times of one
sitting; the progress store keeps every attempt across sittings.
"""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass, field

from quickreply.core.model import Library
from quickreply.core.training.drill import scenario


@dataclass(frozen=True, slots=True)
class CodeCard:
    snippet_id: str
    code: str
    title: str
    text: str
    group: str
    show_text: bool  # ask by the reply's text instead of its title (harder)

    @property
    def key(self) -> str:
        return "code:" + self.snippet_id


def code_cards(library: Library, rng: random.Random, *, by_text: bool = False) -> list[CodeCard]:
    """One card per reply with a code, shuffled."""
    cards = [
        CodeCard(s.id, s.code, s.title, s.text, scenario(s), by_text)
        for s in library.snippets()
        if s.code and library.get(s.id) is s
    ]
    rng.shuffle(cards)
    return cards


def is_code(typed: str, card: CodeCard) -> bool:
    return typed.strip().casefold() == card.code.casefold()


@dataclass
class CodeRun:
    """One sitting: the current streak, the best one and how long each right answer took."""

    streak: int = 0
    best: int = 0
    right: int = 0
    asked: int = 0
    times: list[float] = field(default_factory=list)

    def record(self, right: bool, seconds: float) -> None:
        self.asked += 1
        if right:
            self.right += 1
            self.streak += 1
            self.best = max(self.best, self.streak)
            self.times.append(seconds)
        else:
            self.streak = 0

    @property
    def median_seconds(self) -> float | None:
        return statistics.median(self.times) if self.times else None
