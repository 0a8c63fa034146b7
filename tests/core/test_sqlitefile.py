"""The SQLite helpers the stores share: migrations, failure kinds, moving a corrupt file aside."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quickreply.core.sqlitefile import NewerSchema, is_corrupt, is_locked, migrate, move_aside

STEPS = (
    ("CREATE TABLE t (a TEXT)",),
    ("ALTER TABLE t ADD COLUMN b INTEGER", "CREATE INDEX t_b ON t (b)"),
)


def test_migrates_step_by_step_and_refuses_a_newer_file(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, STEPS[:1])
    conn.execute("INSERT INTO t (a) VALUES ('kept')")
    migrate(conn, STEPS)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert conn.execute("SELECT a, b FROM t").fetchall() == [("kept", None)]
    with pytest.raises(NewerSchema) as caught:
        migrate(conn, STEPS[:1])
    assert str(caught.value) == "written by a newer QuickReply (schema 2, this one knows 1)"
    conn.close()


def test_a_failed_migration_leaves_the_old_version(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite3", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, (*STEPS, ("CREATE TABLE t (again)",)))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == []
    conn.close()


def test_failure_kinds(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not sqlite" * 100)
    with pytest.raises(sqlite3.DatabaseError) as corrupt:
        sqlite3.connect(bad).execute("PRAGMA user_version")
    assert is_corrupt(corrupt.value) and not is_locked(corrupt.value)

    good = tmp_path / "good.sqlite3"
    holder = sqlite3.connect(good, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    with pytest.raises(sqlite3.OperationalError) as locked:
        sqlite3.connect(good, timeout=0.01).execute("PRAGMA user_version")
    holder.execute("COMMIT")
    holder.close()
    assert is_locked(locked.value) and not is_corrupt(locked.value)
    assert not is_corrupt(NewerSchema(3, 2)) and not is_locked(OSError("disk full"))


def test_move_aside_takes_the_journal_along(tmp_path: Path) -> None:
    path = tmp_path / "kpi.sqlite3"
    path.write_bytes(b"damaged")
    (tmp_path / "kpi.sqlite3-journal").write_bytes(b"journal")
    move_aside(path, tmp_path / "kpi.sqlite3.corrupt")
    assert sorted(p.name for p in tmp_path.glob("kpi.*")) == [
        "kpi.sqlite3.corrupt",
        "kpi.sqlite3.corrupt-journal",
    ]
    # The name is free for a fresh database that no stale journal is replayed into.
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, STEPS)
    assert conn.execute("SELECT count(*) FROM t").fetchone() == (0,)
    conn.close()
