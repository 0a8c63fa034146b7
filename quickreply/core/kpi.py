"""Response-time KPIs: one SQLite row per agent reply, and the daily figures agents are judged by.

A row holds the queue (售前/售后), the seconds the buyer waited, whether it was the
conversation's first response, and the local time of the reply. Never a buyer name, never
message text: the store has no column for them.

The store lives in its own file (``AppPaths.kpi_file``) so a broken usage store never costs the
KPIs and the other way round. It never stops the app: a locked, corrupt, deleted or too-new
file is reported as one :class:`~quickreply.core.problems.Problem` line and today's replies are
kept in memory (and written back once the file is usable again).

Figures per day (see docs/timers.md):

* first response average: mean wait of first responses;
* average response: mean wait of all replies;
* 3-minute response rate: share of replies within 180 s (the platforms' human-response line);
* 30-second answer rate: share of replies within 30 s;
* slow responses: replies over the slow line (180 s by default).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Protocol

from quickreply.core.problems import Problem, Severity
from quickreply.core.sqlitefile import (
    Migration,
    NewerSchema,
    is_corrupt,
    is_locked,
    migrate,
    move_aside,
)

WallClock = Callable[[], datetime]

#: Schema history; entry N upgrades version N to N + 1. To 1: the prototype (time, queue,
#: wait). To 2: first-response flag and a covering index on time so a month's figures never
#: scan a year of rows.
MIGRATIONS: tuple[Migration, ...] = (
    (
        "CREATE TABLE replies ("
        " id INTEGER PRIMARY KEY,"
        " at TEXT NOT NULL,"  # local time 'YYYY-MM-DD HH:MM:SS': sorts and groups by day as text
        " queue TEXT NOT NULL,"
        " waited REAL NOT NULL)",
    ),
    (
        "ALTER TABLE replies ADD COLUMN first INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX replies_at ON replies (at, waited, first)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

THREE_MINUTES = 180.0
THIRTY_SECONDS = 30.0


class ReplyLike(Protocol):
    """What a stopped wait must offer (``quickreply.core.timers.Reply`` does)."""

    @property
    def at(self) -> datetime: ...
    @property
    def queue(self) -> str: ...
    @property
    def waited(self) -> float: ...
    @property
    def first(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class KpiRecord:
    at: datetime
    queue: str
    waited: float
    first: bool


@dataclass(frozen=True, slots=True)
class DayFigures:
    day: date | None  # None for a total over a range
    replies: int
    first_responses: int
    first_response_avg: float | None  # seconds; None when there is nothing to average
    response_avg: float | None
    within_3min: float | None  # share 0..1
    within_30s: float | None
    slow: int

    @classmethod
    def empty(cls, day: date | None) -> DayFigures:
        return cls(day, 0, 0, None, None, None, None, 0)


def _local_naive(at: datetime) -> datetime:
    # Days are the agent's local days; an aware clock is converted, a naive one is trusted.
    return at.astimezone().replace(tzinfo=None) if at.tzinfo is not None else at


def _stamp(at: datetime) -> str:
    return _local_naive(at).isoformat(sep=" ", timespec="seconds")


def figures_of(records: Iterable[ReplyLike], day: date | None, slow_after: float) -> DayFigures:
    """The figures of records held in memory (used when the database cannot be read)."""
    rows = list(records)
    if not rows:
        return DayFigures.empty(day)
    waits = [max(0.0, r.waited) for r in rows]
    firsts = [max(0.0, r.waited) for r in rows if r.first]
    return DayFigures(
        day=day,
        replies=len(rows),
        first_responses=len(firsts),
        first_response_avg=sum(firsts) / len(firsts) if firsts else None,
        response_avg=sum(waits) / len(waits),
        within_3min=sum(w <= THREE_MINUTES for w in waits) / len(waits),
        within_30s=sum(w <= THIRTY_SECONDS for w in waits) / len(waits),
        slow=sum(w > slow_after for w in waits),
    )


_FIGURES_SQL = """
SELECT {day},
       count(*),
       coalesce(sum(first), 0),
       avg(CASE WHEN first THEN waited END),
       avg(waited),
       avg(waited <= {three}),
       avg(waited <= {thirty}),
       coalesce(sum(waited > ?), 0)
FROM replies
WHERE at >= ? AND at < ?
{group}
"""


@dataclass(frozen=True, slots=True)
class QueueTotals:
    """One queue's day as sums and counts, so figures of many agents add up exactly."""

    replies: int
    first_responses: int
    first_wait_sum: float  # seconds
    wait_sum: float
    within_3min: int
    within_30s: int
    slow: int


_QUEUE_SQL = f"""
SELECT queue, count(*), coalesce(sum(first), 0),
       coalesce(sum(CASE WHEN first THEN waited END), 0.0), coalesce(sum(waited), 0.0),
       coalesce(sum(waited <= {THREE_MINUTES}), 0), coalesce(sum(waited <= {THIRTY_SECONDS}), 0),
       coalesce(sum(waited > ?), 0)
FROM replies
WHERE at >= ? AND at < ?
GROUP BY queue ORDER BY queue
"""


class KpiError(Exception):
    """The store cannot be read; ``problem`` is the line to show."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class KpiStore:
    """Append-only reply log with daily aggregates computed in SQL."""

    def __init__(
        self,
        path: Path,
        clock: WallClock,
        *,
        slow_after: float = THREE_MINUTES,
        busy_timeout: float = 0.5,
        repair: bool = True,
    ) -> None:
        self.path = path
        self._clock = clock
        self.slow_after = slow_after
        self._busy_timeout = busy_timeout
        # The app moves a corrupt file aside to keep recording; a report (the CLI) must not.
        self._repair = repair
        self._conn: sqlite3.Connection | None = None
        self._inode: int | None = None
        self._day = _local_naive(clock()).date()
        self._today: list[KpiRecord] = []  # today's replies from this process: the fallback
        self._pending: list[KpiRecord] = []  # not yet written (locked or broken file)
        self.problems: list[Problem] = []

    # -- connection -----------------------------------------------------------------------

    def _problem(self, message: str, hint: str, severity: Severity = Severity.ERROR) -> Problem:
        problem = Problem(str(self.path), 0, "KPI store", message, hint, severity)
        self.problems.append(problem)
        return problem

    def _connect(self) -> sqlite3.Connection:
        """Open (creating and migrating as needed). Raises sqlite3/OS errors to the caller."""
        if self._conn is not None:
            try:
                inode = self.path.stat().st_ino
            except FileNotFoundError:
                inode = None
            if inode is not None and inode == self._inode:
                return self._conn
            # Deleted (or replaced) under us: writing to the old handle would vanish silently.
            self.close()
            self._problem(
                "the file was deleted or replaced while running",
                "recreated it; today's replies from this session were kept in memory",
                Severity.WARNING,
            )
            kept = {id(r) for r in self._today}
            self._pending = self._today + [r for r in self._pending if id(r) not in kept]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=self._busy_timeout, isolation_level=None)
        try:
            migrate(conn, MIGRATIONS)
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        self._inode = self.path.stat().st_ino
        return conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            self._inode = None

    def _quarantine(self) -> str:
        stamp = _local_naive(self._clock()).strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        move_aside(self.path, target)
        return target.name

    def _handle(self, err: Exception) -> Problem:
        """Turn a storage error into one line; a corrupt file is moved aside, never deleted."""
        self.close()
        if isinstance(err, NewerSchema):
            return self._problem(
                f"written by a newer QuickReply (schema {err.version}, this build knows "
                f"{err.known})",
                "update QuickReply; today's replies are kept in memory",
            )
        if is_locked(err):
            return self._problem(
                "the database is locked by another program",
                "today's replies are kept in memory and written once it is free",
            )
        if is_corrupt(err):
            if not self._repair:
                return self._problem(
                    "the file is not a readable database",
                    "the app moves it aside on its next reply; or delete it",
                )
            try:
                moved = self._quarantine()
            except OSError as move_err:
                return self._problem(
                    f"the file is not a readable database and cannot be moved aside: "
                    f"{move_err.strerror or move_err}",
                    "close other programs using it or delete it",
                )
            return self._problem(
                f"the file is not a readable database (moved to {moved})",
                "a new one was started; today's replies are kept",
            )
        text = (err.strerror if isinstance(err, OSError) else None) or str(err)
        return self._problem(
            f"cannot use the database: {text}",
            "check the data folder's permissions and free space",
        )

    # -- writing --------------------------------------------------------------------------

    def _roll_day(self, today: date) -> None:
        if today != self._day:
            self._day = today
            self._today = [r for r in self._today if _local_naive(r.at).date() == today]

    def record(self, reply: ReplyLike) -> Problem | None:
        """Append one reply. Returns the problem if it could not be written now (kept in memory)."""
        rec = KpiRecord(reply.at, reply.queue, max(0.0, float(reply.waited)), bool(reply.first))
        self._roll_day(_local_naive(self._clock()).date())
        if _local_naive(rec.at).date() == self._day:
            self._today.append(rec)
        self._pending.append(rec)
        return self.flush()

    def flush(self) -> Problem | None:
        """Write what is pending. Returns the problem if it could not be written now."""
        if not self._pending:
            return None
        try:
            conn = self._connect()
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany(
                    "INSERT INTO replies (at, queue, waited, first) VALUES (?, ?, ?, ?)",
                    [(_stamp(r.at), r.queue, r.waited, int(r.first)) for r in self._pending],
                )
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except (sqlite3.Error, OSError) as err:
            return self._handle(err)
        self._pending.clear()
        return None

    def add_many(self, records: Sequence[ReplyLike]) -> None:
        """Bulk insert (imports and benchmarks): one transaction, no in-memory copy."""
        try:
            conn = self._connect()
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(
                "INSERT INTO replies (at, queue, waited, first) VALUES (?, ?, ?, ?)",
                ((_stamp(r.at), r.queue, max(0.0, r.waited), int(r.first)) for r in records),
            )
            conn.execute("COMMIT")
        except (sqlite3.Error, OSError) as err:
            raise KpiError(self._handle(err)) from err

    # -- reading --------------------------------------------------------------------------

    def _query(self, start: date, end: date, grouped: bool) -> list[DayFigures]:
        sql = _FIGURES_SQL.format(
            day="substr(at, 1, 10)" if grouped else "NULL",
            three=THREE_MINUTES,
            thirty=THIRTY_SECONDS,
            group="GROUP BY 1 ORDER BY 1" if grouped else "",
        )
        params = (self.slow_after, start.isoformat(), (end + timedelta(days=1)).isoformat())
        try:
            conn = self._connect()
            rows = conn.execute(sql, params).fetchall()
        except (sqlite3.Error, OSError) as err:
            raise KpiError(self._handle(err)) from err
        result = []
        for day, count, firsts, first_avg, avg, r3, r30, slow in rows:
            if not count:
                continue
            result.append(
                DayFigures(
                    date.fromisoformat(day) if day else None,
                    int(count),
                    int(firsts),
                    first_avg,
                    avg,
                    r3,
                    r30,
                    int(slow),
                )
            )
        return result

    def daily(self, start: date, end: date) -> list[DayFigures]:
        """Figures per day from ``start`` to ``end`` inclusive, days without replies left out.

        Raises :class:`KpiError` when the file cannot be read.
        """
        return self._query(start, end, grouped=True)

    def queue_totals(self, day: date) -> dict[str, QueueTotals]:
        """Each queue's sums on ``day``. Raises :class:`KpiError` when the file cannot be read."""
        params = (self.slow_after, day.isoformat(), (day + timedelta(days=1)).isoformat())
        try:
            rows = self._connect().execute(_QUEUE_SQL, params).fetchall()
        except (sqlite3.Error, OSError) as err:
            raise KpiError(self._handle(err)) from err
        return {
            str(queue): QueueTotals(int(n), int(f), float(fs), float(ws), int(a), int(b), int(c))
            for queue, n, f, fs, ws, a, b, c in rows
        }

    def total(self, start: date, end: date) -> DayFigures:
        rows = self._query(start, end, grouped=False)
        return rows[0] if rows else DayFigures.empty(None)

    def today(self) -> DayFigures:
        """Today's figures; from memory when the file cannot be used. Never raises."""
        today = _local_naive(self._clock()).date()
        self._roll_day(today)
        if self._pending:
            self.flush()
        if not self._pending:
            try:
                rows = self._query(today, today, grouped=True)
            except KpiError:
                pass
            else:
                return rows[0] if rows else DayFigures.empty(today)
        return figures_of(self._today, today, self.slow_after)

    @property
    def pending(self) -> int:
        """Replies held in memory because the file could not take them yet."""
        return len(self._pending)
