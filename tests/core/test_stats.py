"""The usage store: counts, recency, schema versions, and broken or locked databases."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from quickreply.core.model import Usage
from quickreply.core.stats import SCHEMA_VERSION, StatsStore

T0 = datetime(2024, 11, 11, 9, 0, tzinfo=UTC)


def test_record_use_counts_and_keeps_the_latest_time(tmp_path: Path) -> None:
    store = StatsStore(tmp_path / "stats.sqlite3", clock=lambda: T0)
    store.record_use("a")
    store.record_use("a", T0 + timedelta(hours=1))
    store.record_use("a", T0 - timedelta(days=1))  # an older event does not move it back
    store.record_use("b")
    assert store.usage() == {"a": Usage(3, T0 + timedelta(hours=1)), "b": Usage(1, T0)}
    assert store.problems == []
    store.close()
    reopened = StatsStore(tmp_path / "stats.sqlite3")
    assert reopened.usage()["a"].count == 3
    reopened.close()


def test_schema_version_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    StatsStore(path).close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_corrupt_file_is_moved_aside_and_a_new_store_started(tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    store = StatsStore(path, clock=lambda: T0)
    assert not store.in_memory
    assert (tmp_path / "stats.sqlite3.corrupt").exists()
    assert len(store.problems) == 1
    assert str(store.problems[0]).startswith(f"{path}:0: warning: usage store: the database")
    assert "the old file is kept as stats.sqlite3.corrupt" in str(store.problems[0])
    store.record_use("a")
    assert store.usage() == {"a": Usage(1, T0)}


def test_a_newer_schema_is_left_alone_and_usage_kept_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    store = StatsStore(path, clock=lambda: T0)
    assert store.in_memory
    assert "written by a newer QuickReply" in str(store.problems[0])
    store.record_use("a")
    assert store.usage()["a"].count == 1
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 5


def test_a_locked_database_falls_back_to_memory(tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    StatsStore(path).close()
    path.unlink()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = StatsStore(path, timeout=0.05)
        assert store.in_memory
        assert "locked" in str(store.problems[0])
        store.record_use("a", T0)
        assert store.usage() == {"a": Usage(1, T0)}
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_an_unreadable_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = StatsStore(blocker / "stats.sqlite3")
    assert store.in_memory
    assert "usage is kept in memory" in str(store.problems[0])


def test_in_memory_store(tmp_path: Path) -> None:
    store = StatsStore(None, clock=lambda: T0)
    store.record_use("x")
    assert store.usage() == {"x": Usage(1, T0)}


def test_a_file_that_cannot_be_opened_is_not_mistaken_for_a_corrupt_one(tmp_path: Path) -> None:
    """SQLite's "unable to open" says nothing about the content: nothing is moved aside."""
    path = tmp_path / "stats.sqlite3"
    path.mkdir()  # e.g. a folder where the file should be: SQLITE_CANTOPEN, not corruption
    (path / "keep.txt").write_text("mine", encoding="utf-8")
    store = StatsStore(path)
    assert store.in_memory
    assert [str(p) for p in store.problems] == [
        f"{path}:0: warning: usage store: cannot open (unable to open database file); usage "
        "is kept in memory (check the folder's permissions and free space)"
    ]
    assert (path / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert not path.with_name("stats.sqlite3.corrupt").exists()
    store.record_use("greet")
    assert store.usage()["greet"].count == 1


def test_a_usage_file_from_before_daily_counts_keeps_its_totals_and_counts_days_from_now(
    tmp_path: Path,
) -> None:
    path = tmp_path / "stats.sqlite3"
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TABLE usage (snippet_id TEXT PRIMARY KEY, count INTEGER NOT NULL "
        "DEFAULT 0, last_used TEXT NOT NULL)"
    )
    old.execute("INSERT INTO usage VALUES ('hello', 41, '2026-10-01T08:00:00+00:00')")
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()
    store = StatsStore(path, lambda: datetime(2026, 11, 2, 9, 0))
    store.record_use("hello")
    assert store.usage()["hello"].count == 42
    assert store.uses_on(date(2026, 11, 2)) == {"hello": 1}
    assert store.days_used(date(2026, 10, 1), date(2026, 11, 30)) == [date(2026, 11, 2)]
    assert store.problems == []
    store.close()
