"""One way to write a file so that a crash or a full disk never leaves it half-written.

The new content goes to a temporary file in the same folder, is flushed to disk, then replaces
the old file with ``os.replace`` (atomic on one filesystem). Files a person edits (packs,
settings) keep their previous version as ``NAME.bak``, and the backup is made the same way:
a hard link to the old file (or, where links are not supported, a flushed copy) under a
temporary name, renamed over ``NAME.bak``. So a process killed at any point leaves ``NAME``
and ``NAME.bak`` each either the old or the new whole file, never empty. Caches pass
``backup=False``, since losing one only costs a slower start.

Temporary files are named ``.NAME.<pid>-<random>.tmp``; a kill can leave one behind, and the
next write of ``NAME`` removes those whose process is gone (or that are over an hour old).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import tempfile
import time
from pathlib import Path

TMP_SUFFIX = ".tmp"
# A temp file this old is stale whoever made it: no write takes an hour.
STALE_AFTER_S = 3600.0


def write_atomic(path: Path, data: str | bytes, *, backup: bool = True) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8 with ``\\n`` line ends)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path)
    tmp_name = _write_temp(path, data.encode("utf-8") if isinstance(data, str) else data)
    try:
        if backup and path.exists():
            _backup(path)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def _write_temp(path: Path, data: bytes) -> str:
    """A flushed temporary file beside ``path`` holding ``data``; returns its name."""
    prefix = f"{_temp_prefix(path)}{os.getpid()}-"
    fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=TMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return tmp_name


def _backup(path: Path) -> None:
    """Make ``path.bak`` the current ``path`` in one rename: never empty, never half-copied."""
    bak = path.with_name(path.name + ".bak")
    fd, tmp_name = tempfile.mkstemp(
        prefix=f"{_temp_prefix(bak)}{os.getpid()}-", suffix=TMP_SUFFIX, dir=path.parent
    )
    os.close(fd)
    try:
        os.unlink(tmp_name)
        try:
            # The old file's own bytes under a second name: nothing is copied, so nothing can
            # be cut short. The new file then replaces the name `path`, not these bytes.
            os.link(path, tmp_name)
        except OSError:
            shutil.copy2(path, tmp_name)  # no hard links here (FAT, some network shares)
            with open(tmp_name, "rb") as copied:
                os.fsync(copied.fileno())
        os.replace(tmp_name, bak)
        # When a killed save had already made NAME.bak a link to NAME, rename(2) between two
        # links to one file succeeds without removing the source: remove it.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def remove_stale_temps(path: Path) -> None:
    """Remove temp files of ``path`` and ``path.bak`` left by a killed writer."""
    now = time.time()
    for prefix in (_temp_prefix(path), _temp_prefix(path.with_name(path.name + ".bak"))):
        try:
            candidates = list(path.parent.glob(f"{glob.escape(prefix)}*{TMP_SUFFIX}"))
        except OSError:
            return
        for candidate in candidates:
            pid_text = candidate.name[len(prefix) :].partition("-")[0]
            if _is_stale(candidate, pid_text, now):
                with contextlib.suppress(OSError):
                    candidate.unlink()


def _is_stale(candidate: Path, pid_text: str, now: float) -> bool:
    try:
        age = now - candidate.stat().st_mtime
    except OSError:
        return False
    if age > STALE_AFTER_S:
        return True
    if not pid_text.isdigit():
        return False  # not named by this module: only age can tell
    pid = int(pid_text)
    if pid == os.getpid():
        return False  # another thread of ours may be writing it right now
    return not _process_alive(pid)


def _process_alive(pid: int) -> bool:
    if os.name != "posix":
        # os.kill(pid, 0) would end the process on Windows: rely on the age alone there.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True
