"""The usage store: how often and how recently this agent used each snippet (SQLite).

Search breaks ties with it. It lives in ``AppPaths.stats_file``; response-time KPIs have their
own database (core/kpi.py) so a broken usage file never costs them.

Uses are also counted per local day (``usage_days``): the daily aggregate an agent shares with
the lead (core/share) reads one day's counts from there.

The schema is versioned with ``PRAGMA user_version`` and upgraded by the ordered
:data:`MIGRATIONS`. A file that is not a database is moved aside (``NAME.corrupt``) and a fresh
store created; a locked database, one written by a newer QuickReply or one that cannot be opened
(permissions, I/O) is left untouched and the store runs in memory for this session. Each case
leaves a :class:`Problem` in ``StatsStore.problems`` for the UI to show; none raises.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from quickreply.core.model import Usage
from quickreply.core.problems import Problem, Severity
from quickreply.core.sqlitefile import Migration, migrate, open_or_memory

# Each entry upgrades the schema from version N (its index) to N + 1.
MIGRATIONS: tuple[Migration, ...] = (
    (
        """
        CREATE TABLE usage (
            snippet_id TEXT PRIMARY KEY,
            count INTEGER NOT NULL DEFAULT 0,
            last_used TEXT NOT NULL
        )
        """,
    ),
    (
        """
        CREATE TABLE usage_days (
            day TEXT NOT NULL,
            snippet_id TEXT NOT NULL,
            count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (day, snippet_id)
        ) WITHOUT ROWID
        """,
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class StatsStore:
    """Snippet usage counts in SQLite; never raises for a broken, locked or newer database."""

    def __init__(
        self,
        path: Path | None,
        clock: Callable[[], datetime] = _utc_now,
        *,
        timeout: float = 1.0,
    ) -> None:
        self.path = path
        self._clock = clock
        self._timeout = timeout
        self.problems: list[Problem] = []
        self.in_memory = path is None
        self._db = self._open()

    @classmethod
    def open_read_only(cls, path: Path, timeout: float = 2.0) -> StatsStore:
        """The store for a report: never created, migrated or moved aside, whatever the file
        holds. Raises ``sqlite3.Error`` for a file that is not a usage store."""
        store = cls.__new__(cls)
        store.path, store._clock, store._timeout = path, _utc_now, timeout
        store.problems, store.in_memory = [], False
        store._db = sqlite3.connect(
            f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=timeout
        )
        try:
            store._db.execute("SELECT count(*) FROM usage_days").fetchone()
        except sqlite3.Error:
            store._db.close()
            raise
        return store

    # -- opening ------------------------------------------------------------------------------

    def _problem(self, message: str, hint: str, severity: Severity = Severity.WARNING) -> None:
        where = str(self.path) if self.path else ":memory:"
        self.problems.append(Problem(where, 0, "usage store", message, hint, severity))

    def _open(self) -> sqlite3.Connection:
        db, self.in_memory = open_or_memory(
            self.path, self._migrate, self._problem, kept="usage", timeout=self._timeout
        )
        return db

    def _memory(self) -> sqlite3.Connection:
        db, self.in_memory = open_or_memory(None, self._migrate, self._problem, kept="usage")
        return db

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        migrate(db, MIGRATIONS)
        # Touch the table so a damaged file is found now, not on the first write.
        db.execute("SELECT count(*) FROM usage").fetchone()

    # -- API ----------------------------------------------------------------------------------

    def record_use(self, snippet_id: str, when: datetime | None = None) -> None:
        """Count one use of ``snippet_id`` (at ``when``, default now from the injected clock)."""
        at = when or self._clock()
        stamp = at.isoformat()
        # The agent's local day: the lead reads figures per working day.
        day = (at.astimezone() if at.tzinfo is not None else at).date().isoformat()
        try:
            with self._db:
                self._db.execute(
                    "INSERT INTO usage (snippet_id, count, last_used) VALUES (?, 1, ?) "
                    "ON CONFLICT(snippet_id) DO UPDATE SET count = count + 1, "
                    "last_used = max(last_used, excluded.last_used)",
                    (snippet_id, stamp),
                )
                self._db.execute(
                    "INSERT INTO usage_days (day, snippet_id, count) VALUES (?, ?, 1) "
                    "ON CONFLICT(day, snippet_id) DO UPDATE SET count = count + 1",
                    (day, snippet_id),
                )
        except sqlite3.DatabaseError as err:
            self._problem(f"cannot record a use ({err}); usage is kept in memory", "restart")
            self._db = self._memory()
            self.record_use(snippet_id, when)

    def usage(self) -> dict[str, Usage]:
        """Every snippet's usage; snippets never used are absent."""
        try:
            rows = self._db.execute("SELECT snippet_id, count, last_used FROM usage").fetchall()
        except sqlite3.DatabaseError as err:
            self._problem(f"cannot read usage ({err})", "restart QuickReply")
            return {}
        out: dict[str, Usage] = {}
        for snippet_id, count, last_used in rows:
            try:
                when = datetime.fromisoformat(last_used)
            except (TypeError, ValueError):
                continue
            out[str(snippet_id)] = Usage(int(count), when)
        return out

    def uses_on(self, day: date) -> dict[str, int]:
        """Each snippet's uses on the local ``day``; snippets not used that day are absent."""
        try:
            rows = self._db.execute(
                "SELECT snippet_id, count FROM usage_days WHERE day = ?", (day.isoformat(),)
            ).fetchall()
        except sqlite3.DatabaseError as err:
            self._problem(f"cannot read usage ({err})", "restart QuickReply")
            return {}
        return {str(sid): int(count) for sid, count in rows}

    def uses_between(self, start: date, end: date) -> dict[str, tuple[int, int]]:
        """Each snippet's (uses, days used) over the local days ``start`` to ``end``
        (inclusive); snippets not used then are absent."""
        try:
            rows = self._db.execute(
                "SELECT snippet_id, sum(count), count(*) FROM usage_days "
                "WHERE day >= ? AND day <= ? AND count > 0 GROUP BY snippet_id",
                (start.isoformat(), end.isoformat()),
            ).fetchall()
        except sqlite3.DatabaseError as err:
            self._problem(f"cannot read usage ({err})", "restart QuickReply")
            return {}
        return {str(sid): (int(uses), int(days)) for sid, uses, days in rows}

    def days_used(self, start: date, end: date) -> list[date]:
        """The local days from ``start`` to ``end`` (inclusive) with at least one use."""
        try:
            rows = self._db.execute(
                "SELECT DISTINCT day FROM usage_days WHERE day >= ? AND day <= ? ORDER BY day",
                (start.isoformat(), end.isoformat()),
            ).fetchall()
        except sqlite3.DatabaseError as err:
            self._problem(f"cannot read usage ({err})", "restart QuickReply")
            return []
        out = []
        for (day,) in rows:
            try:
                out.append(date.fromisoformat(day))
            except (TypeError, ValueError):
                continue
        return out

    def close(self) -> None:
        self._db.close()
