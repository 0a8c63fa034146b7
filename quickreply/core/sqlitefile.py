"""What QuickReply's SQLite files share: versioned migrations, and telling failures apart.

Both stores (the usage store in core/stats.py and the KPI store in core/kpi.py) keep their
schema version in ``PRAGMA user_version``, upgrade it with an ordered list of migrations, and
must never stop the app over a bad file. They differ in what they do about it (run in memory,
keep replies pending), so this module only answers the shared questions:

* :func:`migrate`: bring a connection to the newest schema, or raise :class:`NewerSchema`;
* :func:`is_locked` / :func:`is_corrupt`: what kind of failure an exception is, by SQLite's
  error code rather than its English message;
* :func:`move_aside`: put a corrupt file out of the way (never delete it), with the journal
  files that belong to it, so a fresh database can take its name;
* :func:`open_or_memory`: the stores that may run in memory (usage, training progress) open
  their file through it, so a broken file is said the same way for both.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

#: One migration: the statements that upgrade the schema from version N (its index in the
#: list) to N + 1, run in one transaction.
Migration = Sequence[str]

_BUSY, _LOCKED, _CORRUPT, _NOTADB = 5, 6, 11, 26  # SQLite primary result codes


class NewerSchema(sqlite3.DatabaseError):
    """The file was written by a newer QuickReply than this build knows: leave it alone."""

    def __init__(self, version: int, known: int) -> None:
        super().__init__(
            f"written by a newer QuickReply (schema {version}, this one knows {known})"
        )
        self.version = version
        self.known = known


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration]) -> None:
    """Upgrade ``conn`` to ``len(migrations)``; raises :class:`NewerSchema` or sqlite3 errors.

    The version is read again under the write lock: two QuickReply processes opening an old
    file at once must not both run the same migration.
    """
    known = len(migrations)
    version = _user_version(conn)
    if version > known:
        raise NewerSchema(version, known)
    if version == known:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _user_version(conn)
        if version > known:
            raise NewerSchema(version, known)
        for step in migrations[version:]:
            for statement in step:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {known}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _code(err: BaseException) -> int | None:
    code = getattr(err, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None  # extended codes carry the primary


def is_locked(err: BaseException) -> bool:
    """Another connection holds the file: waiting (or retrying later) will do."""
    return _code(err) in (_BUSY, _LOCKED)


def is_corrupt(err: BaseException) -> bool:
    """The file is not a database or is damaged: only moving it aside helps."""
    return _code(err) in (_CORRUPT, _NOTADB)


def move_aside(path: Path, aside: Path) -> None:
    """Rename a corrupt ``path`` to ``aside``, its journal files with it. Raises OSError.

    A journal left behind would be replayed by SQLite into the new, empty database of the same
    name as if it were that database's; kept next to ``aside`` it may still help a recovery.
    """
    os.replace(path, aside)
    for suffix in ("-journal", "-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))


#: ``say(message, hint)``: how a store records a problem with its file.
Say = Callable[[str, str], None]


def open_or_memory(
    path: Path | None,
    prepare: Callable[[sqlite3.Connection], None],
    say: Say,
    *,
    kept: str,
    timeout: float = 1.0,
) -> tuple[sqlite3.Connection, bool]:
    """Open ``path`` and ``prepare`` it (migrate, touch a table); on any failure say why and
    fall back to memory. A corrupt file is moved aside and replaced. Returns the connection and
    whether it is in memory. ``kept`` names what the memory keeps ("usage", "progress")."""

    def memory() -> tuple[sqlite3.Connection, bool]:
        db = sqlite3.connect(":memory:")
        prepare(db)
        return db, True

    if path is None:
        return memory()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, timeout=timeout)
        prepare(db)
        return db, False
    except NewerSchema as err:
        say(f"{err}; {kept} is kept in memory", "update QuickReply")
    except sqlite3.DatabaseError as err:
        if is_corrupt(err):
            return _replace_corrupt(path, prepare, say, str(err), kept, timeout) or memory()
        if is_locked(err):
            say(
                f"the database is locked by another program; {kept} is kept in memory",
                "close the other QuickReply window and restart",
            )
        else:
            # Anything else (cannot open, I/O, permissions) says nothing about the file's
            # content: moving a healthy store aside would lose what it holds.
            say(
                f"cannot open ({err}); {kept} is kept in memory",
                "check the folder's permissions and free space",
            )
    except OSError as err:
        say(
            f"cannot open ({err.strerror or err}); {kept} is kept in memory",
            "check the folder's permissions",
        )
    return memory()


def _replace_corrupt(
    path: Path,
    prepare: Callable[[sqlite3.Connection], None],
    say: Say,
    reason: str,
    kept: str,
    timeout: float,
) -> tuple[sqlite3.Connection, bool] | None:
    aside = path.with_name(path.name + ".corrupt")
    try:
        move_aside(path, aside)
        db = sqlite3.connect(path, timeout=timeout)
        prepare(db)
    except (OSError, sqlite3.DatabaseError):
        say(
            f"the database is damaged ({reason}) and cannot be replaced; {kept} is kept in memory",
            f"delete {path}",
        )
        return None
    say(
        f"the database was damaged ({reason}); started a new one",
        f"the old file is kept as {aside.name}",
    )
    return db, False
