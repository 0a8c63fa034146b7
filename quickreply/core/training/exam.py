"""Exam files a lead writes (``*.exam.yaml``): reading them and checking them against the library.

An exam is a list of buyer questions, each with the reply ids it accepts and an optional time
limit, plus a pass mark in percent. It is read with the line-aware reader packs use, so every
mistake is one ``path:line: where: what (how to fix)`` line. Exams live beside the packs (shipped,
team, personal, ``--pack``); the pack loader skips ``*.exam.yaml``. Format: docs/training.md.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from quickreply.core.model import Library
from quickreply.core.packs import EXAM_SUFFIXES
from quickreply.core.problems import Problem, did_you_mean
from quickreply.core.training.drill import Question, scenario
from quickreply.core.userdoc import KeyPath, UserDoc
from quickreply.core.yamlread import read_yaml

TOP_KEYS = ("exam", "questions")
HEADER_KEYS = ("id", "title", "pass_mark", "time_limit", "version")
QUESTION_KEYS = ("ask", "accept", "time_limit")
DEFAULT_TIME_LIMIT = 15.0
MAX_TIME_LIMIT = 600.0
MAX_QUESTIONS = 500


@dataclass(frozen=True, slots=True)
class ExamQuestion:
    ask: str
    accept: tuple[str, ...]
    time_limit: float
    line: int


@dataclass(frozen=True, slots=True)
class Exam:
    id: str
    title: str
    pass_mark: int  # percent of questions right
    questions: tuple[ExamQuestion, ...]
    path: str
    line: int = 1
    version: int = 1

    def drill_questions(self, library: Library) -> list[Question]:
        """The exam's questions as drill questions, in the file's order."""
        out = []
        for number, q in enumerate(self.questions, 1):
            first = library.get(q.accept[0]) if q.accept else None
            group = scenario(first) if first is not None else ""
            out.append(Question(f"exam:{self.id}:{number}", q.ask, q.accept, group, q.time_limit))
        return out

    def passes(self, right: int) -> bool:
        total = len(self.questions)
        return total > 0 and right * 100 >= self.pass_mark * total


def is_exam_file(path: Path) -> bool:
    return path.name.endswith(EXAM_SUFFIXES)


def exam_files(paths: Iterable[Path]) -> list[Path]:
    """The exam files among ``paths`` and under the folders among them (recursively, sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root) / n for n in sorted(files) if n.endswith(EXAM_SUFFIXES)]
        elif is_exam_file(path):
            found.append(path)
    return found


def load_exam(path: Path) -> tuple[Exam | None, list[Problem]]:
    """Read one exam file; None when it cannot be used (its problems say why)."""
    exam, problems = _read_exam(path)
    if any(p.is_error for p in problems):
        return None, problems
    return exam, problems


def _read_exam(path: Path) -> tuple[Exam | None, list[Problem]]:
    """The exam as far as it could be read (its good questions), and every problem."""
    doc, problems = read_yaml(path)
    if doc is None:
        return None, problems
    reader = _Reader(doc)
    exam = reader.exam()
    return exam, [*problems, *reader.problems]


def check_exam(exam: Exam, library: Library) -> list[Problem]:
    """Every accepted reply id must name a reply in the library."""
    ids = [s.id for s in library.snippets()]
    problems = []
    for number, question in enumerate(exam.questions, 1):
        for reply_id in question.accept:
            if library.get(reply_id) is None:
                hint = did_you_mean(reply_id, ids) or "use the id of a reply in your packs"
                problems.append(
                    Problem(
                        exam.path,
                        question.line,
                        f"question {number}",
                        f"no reply with id '{reply_id}'",
                        hint,
                    )
                )
    return problems


def lint_exams(paths: Sequence[Path], library: Library) -> list[Problem]:
    """Load and check each exam file: what ``quickreply lint`` reports for exams."""
    problems: list[Problem] = []
    ids: dict[str, str] = {}
    for path in paths:
        exam, found = _read_exam(path)
        problems += found
        if exam is None:
            continue
        problems += check_exam(exam, library)
        if exam.id in ids:
            problems.append(
                Problem(
                    exam.path,
                    exam.line,
                    "exam",
                    f"exam id '{exam.id}' is also used by {ids[exam.id]}",
                    "give every exam its own id: results are kept per id",
                )
            )
        ids.setdefault(exam.id, exam.path)
    return problems


class _Reader:
    def __init__(self, doc: UserDoc) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def error(self, keys: KeyPath, where: str, message: str, hint: str = "") -> None:
        self.problems.append(self.doc.problem(keys, where, message, hint))

    def exam(self) -> Exam | None:
        data = self.doc.data
        if not isinstance(data, dict):
            self.error(
                (),
                "",
                "an exam file is a mapping with 'exam' and 'questions'",
                "see docs/training.md for an example",
            )
            return None
        self.problems += self.doc.unknown_keys((), "", data, TOP_KEYS)
        header = data.get("exam")
        if not isinstance(header, dict):
            self.error(
                ("exam",), "", "missing 'exam' header", "add exam: with id, title and pass_mark"
            )
            return None
        self.problems += self.doc.unknown_keys(("exam",), "exam", header, HEADER_KEYS)
        exam_id = self.text(header, ("exam", "id"), "exam", "e.g. id: onboarding.week1")
        title = self.text(header, ("exam", "title"), "exam", "e.g. title: 新人上岗考试")
        pass_mark = self.number(header, ("exam", "pass_mark"), "exam", 1, 100, integer=True)
        limit = self.number(
            header, ("exam", "time_limit"), "exam", 0, MAX_TIME_LIMIT, default=DEFAULT_TIME_LIMIT
        )
        version = self.number(
            header, ("exam", "version"), "exam", 1, 10**6, integer=True, default=1
        )
        questions = self.questions(data.get("questions"), limit or DEFAULT_TIME_LIMIT)
        if exam_id is None or title is None:
            return None
        # A bad pass mark is already an error: the rest is still checked against the library.
        return Exam(
            exam_id,
            title,
            int(pass_mark or 100),
            tuple(questions),
            self.doc.path,
            self.doc.line("exam"),
            int(version or 1),
        )

    def questions(self, items: object, default_limit: float) -> list[ExamQuestion]:
        if not isinstance(items, list) or not items:
            self.error(
                ("questions",),
                "",
                "missing 'questions' (a list)",
                "add questions: with - ask: and accept: items",
            )
            return []
        if len(items) > MAX_QUESTIONS:
            self.error(
                ("questions",),
                "",
                f"{len(items)} questions (at most {MAX_QUESTIONS})",
                "split the exam into several files",
            )
            return []
        seen: dict[str, int] = {}
        out = []
        for index, item in enumerate(items):
            at = ("questions", index)
            where = f"question {index + 1}"
            if not isinstance(item, dict):
                self.error(at, where, "a question is a mapping with ask: and accept:")
                continue
            self.problems += self.doc.unknown_keys(at, where, item, QUESTION_KEYS)
            ask = self.text(item, (*at, "ask"), where, "the buyer's words, e.g. ask: 发什么快递")
            accept = self.ids(item, (*at, "accept"), where)
            limit = self.number(
                item, (*at, "time_limit"), where, 0, MAX_TIME_LIMIT, default=default_limit
            )
            if ask is None:
                continue
            if ask in seen:
                self.error(
                    (*at, "ask"),
                    where,
                    f"duplicate question (same as question {seen[ask]})",
                    "delete one, or merge their accepted replies",
                )
                continue
            seen[ask] = index + 1
            out.append(ExamQuestion(ask, accept, limit or default_limit, self.doc.line(*at)))
        return out

    def text(
        self, mapping: Mapping[Hashable, object], keys: KeyPath, where: str, hint: str
    ) -> str | None:
        value = mapping.get(keys[-1])
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
        what = "missing" if value is None else "empty or not text:"
        self.error(keys, where, f"{what} '{keys[-1]}'", hint)
        return None

    def ids(self, mapping: Mapping[Hashable, object], keys: KeyPath, where: str) -> tuple[str, ...]:
        value = mapping.get(keys[-1])
        items = [value] if isinstance(value, str) else value
        if (
            not isinstance(items, list)
            or not items
            or not all(isinstance(v, str) and v.strip() for v in items)
        ):
            self.error(
                keys,
                where,
                "'accept' must list reply ids",
                "e.g. accept: [courier.which, courier.sf]",
            )
            return ()
        return tuple(dict.fromkeys(str(v).strip() for v in items))

    def number(
        self,
        mapping: Mapping[Hashable, object],
        keys: KeyPath,
        where: str,
        low: float,
        high: float,
        *,
        integer: bool = False,
        default: float | None = None,
    ) -> float | None:
        name = str(keys[-1])
        value = mapping.get(name)
        if value is None and (name in mapping or default is None):
            self.error(keys, where, f"missing '{name}'", f"a number from {low:g} to {high:g}")
            return None
        if value is None:
            return default
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (integer and not isinstance(value, int))
        ):
            kind = "a whole number" if integer else "a number"
            self.error(
                keys, where, f"'{name}' must be {kind}", f"e.g. {name}: {int(high) // 2 or 1}"
            )
            return None
        too_low = value <= low if low == 0 else value < low  # 0 s is no time at all
        if too_low or value > high:
            first = "more than 0" if low == 0 else f"from {low:g}"
            self.error(keys, where, f"'{name}' is {value:g}", f"use {first} up to {high:g}")
            return None
        return float(value)


def load_exams(folders: Iterable[Path], library: Library) -> tuple[list[Exam], list[Problem]]:
    """The exams a trainee can take from ``folders``: one with an error (in the file, or naming
    a reply the library does not have) is left out, and its problems say why."""
    exams: list[Exam] = []
    problems: list[Problem] = []
    taken: set[str] = set()
    for path in exam_files(folders):
        # Read as far as it goes, so every mistake in a file is said at once (like ``lint``),
        # not one more line after each fix.
        exam, found = _read_exam(path)
        if exam is not None:
            found += check_exam(exam, library)
            found.sort(key=lambda p: p.line)
            if exam.id in taken:
                found.append(
                    Problem(
                        exam.path,
                        exam.line,
                        "exam",
                        f"exam id '{exam.id}' is used twice",
                        "give every exam its own id: results are kept per id",
                    )
                )
        problems += found
        if exam is not None and not any(p.is_error for p in found):
            exams.append(exam)
            taken.add(exam.id)
    return exams, problems
