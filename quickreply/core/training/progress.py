"""The trainee's progress store: every drill and code attempt and each exam result (SQLite).

It lives in ``AppPaths.training_file``, a file of its own so a broken one never costs usage
counts or KPIs, and goes through core/sqlitefile.py like the other stores: versioned migrations,
a corrupt file moved aside (``NAME.corrupt``) and a fresh one started, a locked or newer file
left alone while this session runs in memory. Each case leaves a :class:`Problem` in
``problems``; nothing raises. Only ids, times and counts are stored, never a buyer's words.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

from quickreply.core.problems import Problem
from quickreply.core.sqlitefile import Migration, migrate, open_or_memory
from quickreply.core.training.drill import (
    READY_ACCURACY,
    READY_MEDIAN_SECONDS,
    Attempt,
    History,
)

MIGRATIONS: tuple[Migration, ...] = (
    (
        """
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            question TEXT NOT NULL,
            group_name TEXT NOT NULL,
            expected TEXT NOT NULL,
            chosen TEXT NOT NULL,
            right INTEGER NOT NULL,
            seconds REAL NOT NULL,
            keystrokes INTEGER NOT NULL,
            at TEXT NOT NULL
        )
        """,
        "CREATE INDEX attempts_kind ON attempts (kind, question)",
        """
        CREATE TABLE exams (
            exam_id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            right INTEGER NOT NULL,
            total INTEGER NOT NULL,
            passed INTEGER NOT NULL,
            seconds REAL NOT NULL,
            detail TEXT NOT NULL,
            at TEXT NOT NULL
        )
        """,
    ),
)
#: Progress per scenario counts the most recent attempts only: a trainee who got better
#: should see it.
RECENT = 20


@dataclass(frozen=True, slots=True)
class GroupProgress:
    group: str
    attempts: int
    accuracy: float  # 0..1 over the recent attempts
    median_seconds: float

    @property
    def ready(self) -> bool:
        return (
            self.attempts >= 5
            and self.accuracy >= READY_ACCURACY
            and self.median_seconds <= READY_MEDIAN_SECONDS
        )


@dataclass(frozen=True, slots=True)
class ExamResult:
    exam_id: str
    title: str
    right: int
    total: int
    passed: bool
    seconds: float
    attempts: tuple[Attempt, ...]
    at: datetime

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.total) if self.total else 0


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ProgressStore:
    """Attempts and exam results; never raises for a broken, locked or newer database."""

    def __init__(
        self, path: Path | None, clock: Callable[[], datetime] = _utc_now, *, timeout: float = 1.0
    ) -> None:
        self.path = path
        self._clock = clock
        self._timeout = timeout
        self.problems: list[Problem] = []
        self.in_memory = path is None
        self._db = self._open()

    def _problem(self, message: str, hint: str) -> None:
        where = str(self.path) if self.path else ":memory:"
        self.problems.append(Problem(where, 0, "training progress", message, hint))

    def _open(self) -> sqlite3.Connection:
        db, self.in_memory = open_or_memory(
            self.path, self._migrate, self._problem, kept="progress", timeout=self._timeout
        )
        return db

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        migrate(db, MIGRATIONS)
        db.execute("SELECT count(*) FROM attempts").fetchone()

    def _write(self, sql: str, rows: Sequence[tuple[object, ...]]) -> bool:
        try:
            with self._db:
                self._db.executemany(sql, rows)
            return True
        except sqlite3.DatabaseError as err:
            self._problem(f"cannot save ({err})", "restart QuickReply")
            return False

    def _read(self, sql: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        try:
            return list(self._db.execute(sql, args).fetchall())
        except sqlite3.DatabaseError as err:
            self._problem(f"cannot read ({err})", "restart QuickReply")
            return []

    # -- attempts ---------------------------------------------------------------------------

    def record(self, attempt: Attempt, kind: str = "drill") -> None:
        self.record_many([attempt], kind)

    def record_many(self, attempts: Sequence[Attempt], kind: str) -> bool:
        stamp = self._clock().isoformat()
        return self._write(
            "INSERT INTO attempts (kind, question, group_name, expected, chosen, right,"
            " seconds, keystrokes, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    kind,
                    a.question,
                    a.group,
                    a.expected,
                    a.chosen,
                    int(a.right),
                    a.seconds,
                    a.keystrokes,
                    stamp,
                )
                for a in attempts
            ],
        )

    def history(self, kind: str = "drill") -> dict[str, History]:
        """Each question's results, oldest first, and when it was last asked."""
        rows = self._read(
            "SELECT id, question, right, seconds FROM attempts WHERE kind = ? ORDER BY id", (kind,)
        )
        results: dict[str, list[tuple[bool, float]]] = {}
        last: dict[str, int] = {}
        # The columns are NOT NULL INTEGER/TEXT/REAL: the row's types are known, and converting
        # each value again cost most of the time over 10,000 attempts (bench drill).
        for row_id, question, right, seconds in cast(list[tuple[int, str, int, float]], rows):
            found = results.get(question)
            if found is None:
                found = results[question] = []
            found.append((right == 1, seconds))
            last[question] = row_id
        return {key: History(tuple(found), last[key]) for key, found in results.items()}

    def progress(self, kind: str = "drill", recent: int = RECENT) -> list[GroupProgress]:
        """Per scenario group: accuracy and median time over its ``recent`` latest attempts."""
        # Only each group's ``recent`` newest rows leave SQLite (a window function), not every
        # attempt ever made.
        rows = self._read(
            "SELECT group_name, right, seconds FROM (SELECT group_name, right, seconds,"
            " row_number() OVER (PARTITION BY group_name ORDER BY id DESC) AS n"
            " FROM attempts WHERE kind = ?) WHERE n <= ? ORDER BY group_name, n",
            (kind, recent),
        )
        by_group: dict[str, list[tuple[bool, float]]] = {}
        for group, right, seconds in cast(list[tuple[str, int, float]], rows):
            by_group.setdefault(group, []).append((right == 1, seconds))
        out = []
        for group, found in sorted(by_group.items()):
            times = [seconds for right, seconds in found if right] or [s for _, s in found]
            out.append(
                GroupProgress(
                    group,
                    len(found),
                    sum(right for right, _ in found) / len(found),
                    statistics.median(times),
                )
            )
        return out

    # -- exams ------------------------------------------------------------------------------

    def exam_result(self, exam_id: str) -> ExamResult | None:
        rows = self._read(
            "SELECT title, right, total, passed, seconds, detail, at FROM exams WHERE exam_id = ?",
            (exam_id,),
        )
        if not rows:
            return None
        title, right, total, passed, seconds, detail, at = rows[0]
        try:
            attempts = tuple(Attempt(**item) for item in json.loads(str(detail)))
            when = datetime.fromisoformat(str(at))
        except (TypeError, ValueError):
            attempts, when = (), self._clock()
        return ExamResult(
            exam_id,
            str(title),
            int(str(right)),
            int(str(total)),
            bool(passed),
            float(str(seconds)),
            attempts,
            when,
        )

    def save_exam(
        self, exam_id: str, title: str, attempts: Sequence[Attempt], passed: bool
    ) -> ExamResult | None:
        """Keep the first result of an exam; None when it was already taken (or not saved)."""
        if self.exam_result(exam_id) is not None:
            return None
        when = self._clock()
        right = sum(a.right for a in attempts)
        seconds = sum(a.seconds for a in attempts)
        detail = json.dumps([_attempt_dict(a) for a in attempts], ensure_ascii=False)
        saved = self._write(
            "INSERT INTO exams (exam_id, title, right, total, passed, seconds, detail, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    exam_id,
                    title,
                    right,
                    len(attempts),
                    int(passed),
                    seconds,
                    detail,
                    when.isoformat(),
                )
            ],
        )
        self.record_many(attempts, "exam")
        if not saved:
            return None
        return ExamResult(
            exam_id, title, right, len(attempts), passed, seconds, tuple(attempts), when
        )

    def close(self) -> None:
        self._db.close()


def _attempt_dict(attempt: Attempt) -> dict[str, object]:
    return {
        "question": attempt.question,
        "group": attempt.group,
        "expected": attempt.expected,
        "chosen": attempt.chosen,
        "right": attempt.right,
        "seconds": attempt.seconds,
        "keystrokes": attempt.keystrokes,
    }
