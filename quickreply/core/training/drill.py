"""Drill questions: where they come from, the order a mode asks them in, and scoring one answer.

A question is a buyer's words and the ids of the replies that answer it. In a drill they come
from the example questions of the replies (``Snippet.examples``); in an exam from the exam file.
"Weakest first" is spaced repetition in the Leitner way: every question sits in a box counted by
how many times in a row it was answered right and fast, and the lowest boxes come first, so a
question missed (or answered slowly) returns soon and a known one is asked less and less.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from quickreply.core.model import Library, Snippet

#: A right answer slower than this (seconds) counts as slow: the seed handbooks ask pre-sale
#: replies within 3 seconds of reading, and finding the reply is only part of that.
SLOW_SECONDS = 5.0
#: A scenario is ready for live chats at this accuracy and median time (issue 20).
READY_ACCURACY = 0.9
READY_MEDIAN_SECONDS = 5.0
#: Questions in one drill round.
ROUND_SIZE = 10


class Mode(StrEnum):
    MIXED = "mixed"  # every scenario, shuffled
    GROUP = "group"  # one scenario group, shuffled
    WEAKEST = "weakest"  # lowest Leitner box first


@dataclass(frozen=True, slots=True)
class Question:
    """One thing a buyer says and the replies that answer it (first: the one to show)."""

    key: str  # stable across restarts: what progress is stored under
    text: str
    answers: tuple[str, ...]  # snippet ids
    group: str = ""  # the scenario group (top level of the first answer's group)
    time_limit: float | None = None  # seconds; exams set it, drills do not


@dataclass(frozen=True, slots=True)
class Attempt:
    """How one question went: nothing the buyer typed, only ids, times and counts."""

    question: str  # Question.key
    group: str
    expected: str  # the first accepted reply id
    chosen: str  # the id sent, "" when time ran out or the trainee skipped
    right: bool
    seconds: float
    keystrokes: int

    @property
    def slow(self) -> bool:
        return self.seconds > SLOW_SECONDS


@dataclass(frozen=True, slots=True)
class History:
    """A question's past attempts, newest last: (right, seconds)."""

    results: tuple[tuple[bool, float], ...] = ()
    order: int = 0  # when it was last asked (bigger is later); 0: never

    @property
    def box(self) -> int:
        """Right-and-fast answers in a row, counted from the newest; -1 after a miss."""
        if not self.results:
            return 0
        right, _seconds = self.results[-1]
        if not right:
            return -1
        streak = 0
        for right, seconds in reversed(self.results):
            if not right or seconds > SLOW_SECONDS:
                break
            streak += 1
        return streak


def scenario(snippet: Snippet) -> str:
    """The scenario a reply belongs to: the top level of its group (欢迎, 物流, 售后…)."""
    return snippet.group_path[0] if snippet.group_path else ""


def library_questions(library: Library) -> list[Question]:
    """Every example buyer question in the library, once, with every reply that lists it."""
    by_text: dict[str, list[Snippet]] = {}
    for snippet in library.snippets():
        if library.get(snippet.id) is not snippet:
            continue  # a duplicate id the loader skipped
        for example in snippet.examples:
            text = example.strip()
            if text:
                by_text.setdefault(text, []).append(snippet)
    return [
        Question("ex:" + text, text, tuple(s.id for s in found), scenario(found[0]))
        for text, found in by_text.items()
    ]


def groups(questions: Iterable[Question]) -> list[str]:
    """The scenario groups that have questions, in first-seen order."""
    return list(dict.fromkeys(q.group for q in questions if q.group))


def order(
    questions: Sequence[Question],
    mode: Mode,
    history: Mapping[str, History],
    rng: random.Random,
    *,
    group: str = "",
    size: int = ROUND_SIZE,
) -> list[Question]:
    """The questions of one round, in the order the mode asks them."""
    pool = [q for q in questions if mode is not Mode.GROUP or q.group == group]
    rng.shuffle(pool)  # ties (and the plain modes) in random order
    if mode is Mode.WEAKEST:
        # Misses (box -1) first, then slow and unseen (box 0), longest ago first in a box.
        pool.sort(key=lambda q: _weakness(history.get(q.key, History())))
    return pool[:size]


def _weakness(history: History) -> tuple[int, int]:
    return (history.box, history.order)


def score(question: Question, chosen: str, seconds: float, keystrokes: int) -> Attempt:
    """Right when ``chosen`` is one of the question's accepted replies."""
    return Attempt(
        question=question.key,
        group=question.group,
        expected=question.answers[0] if question.answers else "",
        chosen=chosen,
        right=bool(chosen) and chosen in question.answers,
        seconds=max(0.0, seconds),
        keystrokes=max(0, keystrokes),
    )


def fewest_keys(snippet: Snippet) -> int | None:
    """Keys a trainee needs at best: the 快捷编码 and Enter (None: the reply has no code)."""
    return len(snippet.code) + 1 if snippet.code else None
