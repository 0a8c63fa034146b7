"""The KPI store: figures, schema migration, and a locked, corrupt or deleted file."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from quickreply.core.kpi import SCHEMA_VERSION, DayFigures, KpiError, KpiRecord, KpiStore
from quickreply.core.timers import Reply
from tests.clocks import FakeClocks


@pytest.fixture
def clock() -> FakeClocks:
    return FakeClocks(datetime(2024, 11, 11, 10, 0, 0))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "kpi.sqlite3"


@pytest.fixture
def store(db: Path, clock: FakeClocks) -> KpiStore:
    return KpiStore(db, clock.now, busy_timeout=0.05)


def rec(at: datetime, waited: float, first: bool = False, queue: str = "售前") -> KpiRecord:
    return KpiRecord(at, queue, waited, first)


def test_daily_figures(store: KpiStore, clock: FakeClocks) -> None:
    day1 = datetime(2024, 11, 10, 9, 0)
    for r in (
        rec(day1, 2, first=True),
        rec(day1, 10),
        rec(day1, 40, first=True),
        rec(day1, 200),
        rec(datetime(2024, 11, 11, 9, 0), 5, first=True),
    ):
        assert store.record(r) is None
    days = store.daily(date(2024, 11, 10), date(2024, 11, 11))
    assert days[0] == DayFigures(
        day=date(2024, 11, 10),
        replies=4,
        first_responses=2,
        first_response_avg=21.0,
        response_avg=63.0,
        within_3min=0.75,
        within_30s=0.5,
        slow=1,
    )
    assert [d.day for d in days] == [date(2024, 11, 10), date(2024, 11, 11)]
    assert store.daily(date(2024, 11, 12), date(2024, 11, 30)) == []
    total = store.total(date(2024, 11, 1), date(2024, 11, 30))
    assert (total.replies, total.first_responses, total.slow) == (5, 3, 1)


def test_rows_hold_no_buyer_names(store: KpiStore, db: Path, clock: FakeClocks) -> None:
    store.record(Reply("小红的秘密昵称", "售后", 12.5, True, clock.wall))
    store.close()
    raw = db.read_bytes()
    assert "小红".encode() not in raw
    with sqlite3.connect(db) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(replies)")]
        assert columns == ["id", "at", "queue", "waited", "first"]
        assert conn.execute("SELECT at, queue, waited, first FROM replies").fetchall() == [
            ("2024-11-11 10:00:00", "售后", 12.5, 1)
        ]


def test_today_and_empty(store: KpiStore, clock: FakeClocks) -> None:
    assert store.today() == DayFigures.empty(date(2024, 11, 11))
    store.record(rec(clock.wall, 3, first=True))
    today = store.today()
    assert (today.replies, today.first_response_avg, today.within_30s) == (1, 3.0, 1.0)


def test_migrates_from_schema_1(db: Path, clock: FakeClocks) -> None:
    db.parent.mkdir(parents=True)
    with sqlite3.connect(db) as conn:
        conn.execute(
            "CREATE TABLE replies (id INTEGER PRIMARY KEY, at TEXT NOT NULL,"
            " queue TEXT NOT NULL, waited REAL NOT NULL)"
        )
        conn.execute(
            "INSERT INTO replies (at, queue, waited) VALUES ('2024-11-01 09:00:00', '售前', 8)"
        )
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    store = KpiStore(db, clock.now)
    store.record(rec(datetime(2024, 11, 1, 10, 0), 4, first=True))
    (day,) = store.daily(date(2024, 11, 1), date(2024, 11, 1))
    # The old row survives; it has no first-response flag, so it counts as a later reply.
    assert (day.replies, day.first_responses, day.response_avg) == (2, 1, 6.0)
    store.close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
        indexes = [r[1] for r in conn.execute("PRAGMA index_list(replies)")]
        assert "replies_at" in indexes
    conn.close()


def test_newer_schema_is_reported_and_replies_kept(db: Path, clock: FakeClocks) -> None:
    db.parent.mkdir(parents=True)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 9")
    conn.close()
    store = KpiStore(db, clock.now)
    problem = store.record(rec(clock.wall, 3, first=True))
    assert str(problem) == (
        f"{db}:0: KPI store: written by a newer QuickReply (schema 9, this build knows 2) "
        "(update QuickReply; today's replies are kept in memory)"
    )
    assert store.today().replies == 1


def test_corrupt_file_is_moved_aside_and_a_new_one_started(
    store: KpiStore, db: Path, clock: FakeClocks
) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not sqlite at all" * 100)
    problem = store.record(rec(clock.wall, 3, first=True))
    assert str(problem) == (
        f"{db}:0: KPI store: the file is not a readable database "
        "(moved to kpi.sqlite3.corrupt-20241111-100000) "
        "(a new one was started; today's replies are kept)"
    )
    assert (db.parent / "kpi.sqlite3.corrupt-20241111-100000").exists()
    # The next reply lands in a fresh file with the kept one.
    assert store.record(rec(clock.wall, 5)) is None
    assert store.today().replies == 2
    assert store.pending == 0


def test_locked_database_is_reported_and_written_later(
    store: KpiStore, db: Path, clock: FakeClocks
) -> None:
    store.record(rec(clock.wall, 1, first=True))
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    problem = store.record(rec(clock.wall, 7))
    assert str(problem) == (
        f"{db}:0: KPI store: the database is locked by another program "
        "(today's replies are kept in memory and written once it is free)"
    )
    assert store.pending == 1
    assert store.today().replies == 2  # from memory
    other.execute("COMMIT")
    other.close()
    assert store.flush() is None
    assert store.pending == 0
    (day,) = store.daily(clock.wall.date(), clock.wall.date())
    assert day.replies == 2


def test_deleted_file_is_recreated_with_todays_replies(
    store: KpiStore, db: Path, clock: FakeClocks
) -> None:
    store.record(rec(clock.wall - timedelta(days=1), 9))  # yesterday: lost with the file
    store.record(rec(clock.wall, 1, first=True))
    store.record(rec(clock.wall, 2))
    db.unlink()
    assert store.record(rec(clock.wall, 3)) is None
    assert db.exists()
    assert store.today().replies == 3
    assert store.daily(clock.wall.date() - timedelta(days=1), clock.wall.date())[0].replies == 3
    assert [str(p) for p in store.problems] == [
        f"{db}:0: warning: KPI store: the file was deleted or replaced while running "
        "(recreated it; today's replies from this session were kept in memory)"
    ]


def test_unwritable_folder_is_reported(tmp_path: Path, clock: FakeClocks) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    store = KpiStore(blocker / "kpi.sqlite3", clock.now)
    problem = store.record(rec(clock.wall, 1))
    assert problem is not None
    assert str(problem).startswith(f"{blocker / 'kpi.sqlite3'}:0: KPI store: cannot use the ")
    assert store.today().replies == 1
    with pytest.raises(KpiError):
        store.daily(clock.wall.date(), clock.wall.date())


def test_midnight_resets_todays_memory(store: KpiStore, clock: FakeClocks) -> None:
    clock.wall = datetime(2024, 11, 11, 23, 59, 59)
    store.record(rec(clock.wall, 4, first=True))
    clock.wall = datetime(2024, 11, 12, 0, 0, 1)
    assert store.today() == DayFigures.empty(date(2024, 11, 12))
    store.record(rec(clock.wall, 6, first=True))
    assert store.today().replies == 1


def test_negative_waits_are_stored_as_zero(store: KpiStore, clock: FakeClocks) -> None:
    store.record(rec(clock.wall, -5))
    assert store.today().response_avg == 0.0
