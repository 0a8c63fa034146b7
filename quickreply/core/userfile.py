"""Read a file from a user's folder safely: never hanging, looping or reading without end.

Pack folders, ``shop.yaml`` and ``settings.json`` are the user's (or a shared drive's), so any
kind of file may sit there under a ``.yaml`` name. Only a regular file is read: a FIFO would block
the reader forever, a device could be endless, a symlink loop makes ``open`` fail with ``ELOOP``.
The file is opened non-blocking (so opening a FIFO returns at once) and its kind is checked with
``fstat`` on the open descriptor, so it cannot be swapped between the check and the read. The
size cap is enforced while reading (at most ``max_bytes + 1`` bytes are read), not only by the
size ``stat`` reported, since a file may grow while it is read.

Text is UTF-8; a file that is not gets one line saying which encoding it looks like (GBK/GB18030
or Big5, since many Chinese Windows tools save those) and how to re-save it.

Every way this fails is one :class:`Problem` naming the file; nothing here raises for bad input.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from quickreply.core.problems import Problem

# Regular files ignore O_NONBLOCK; without it, opening a FIFO waits for a writer forever.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_BINARY", 0)  # Windows: no newline translation
    | getattr(os, "O_CLOEXEC", 0)
)
_CHUNK = 1024 * 1024
NO_SUCH_FILE = "no such file"  # the message, for callers to whom a missing file is no problem

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)

RESAVE_UTF8 = (
    "re-save it as UTF-8: in Notepad 另存为 → 编码 UTF-8; in VS Code 'Save with Encoding' → UTF-8"
)


def display_path(path: Path) -> str:
    """The path as a person typed it: relative to the current folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def read_user_text(
    path: Path,
    shown: str,
    max_bytes: int,
    *,
    expect: str = "a file",
    too_big_hint: str = "is this the right file?",
) -> tuple[str | None, Problem | None]:
    """:func:`read_user_file`, decoded as UTF-8 (a BOM is fine) by :func:`decode_utf8`."""
    raw, problem = read_user_file(path, shown, max_bytes, expect=expect, too_big_hint=too_big_hint)
    if raw is None:
        return None, problem
    text, problem = decode_utf8(raw, shown)
    return (None, problem) if problem is not None else (text, None)


def read_user_file(
    path: Path,
    shown: str,
    max_bytes: int,
    *,
    expect: str = "a file",
    too_big_hint: str = "is this the right file?",
) -> tuple[bytes | None, Problem | None]:
    """The bytes of ``path``, or None and the one Problem (named ``shown``) saying why not.

    ``expect`` completes the hint for a folder ("give a .yaml file"); ``too_big_hint`` is the
    hint for a file over ``max_bytes``.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as err:
        return None, _open_problem(err, shown, expect)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, _kind_problem(info.st_mode, shown, expect)
        if info.st_size > max_bytes:
            return None, _too_big(info.st_size, max_bytes, shown, too_big_hint)
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:  # it grew after fstat
            return None, _too_big(total, max_bytes, shown, too_big_hint)
        return b"".join(chunks), None
    except OSError as err:
        return None, _read_problem(err, shown)
    finally:
        os.close(fd)


def _open_problem(err: OSError, shown: str, expect: str) -> Problem:
    if err.errno == errno.ENOENT:
        return Problem(shown, 1, "", NO_SUCH_FILE, "check the path")
    if err.errno == errno.ELOOP:
        return Problem(
            shown,
            1,
            "",
            "is a symbolic link that loops back on itself",
            "delete the link, or point it at a real file",
        )
    if err.errno == errno.EISDIR:  # Windows cannot open a folder at all
        return Problem(shown, 1, "", "is a folder, not a file", f"give {expect}")
    if err.errno == errno.ENXIO:  # a socket cannot be opened
        return Problem(
            shown, 1, "", "is not a regular file", "only regular files are read: remove it"
        )
    return _read_problem(err, shown)


def _read_problem(err: OSError, shown: str) -> Problem:
    reason = err.strerror or str(err)
    return Problem(shown, 1, "", f"cannot read the file: {reason}", "check its permissions")


def _kind_problem(mode: int, shown: str, expect: str) -> Problem:
    if stat.S_ISDIR(mode):
        return Problem(shown, 1, "", "is a folder, not a file", f"give {expect}")
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return Problem(
        shown,
        1,
        "",
        f"is {kind}, not a regular file",
        "only regular files are read: remove it",
    )


def _too_big(size: int, max_bytes: int, shown: str, hint: str) -> Problem:
    return Problem(
        shown,
        1,
        "",
        f"file is too big ({_megabytes(size)}, the limit is {_megabytes(max_bytes)})",
        hint,
    )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def decode_utf8(raw: bytes, shown: str) -> tuple[str, Problem | None]:
    """Decode UTF-8 (a BOM is fine); otherwise say which encoding it looks like and what to do."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", Problem(shown, 1, "", "file is UTF-16, not UTF-8", RESAVE_UTF8)
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
    # The fix is the same whatever it is, but naming the encoding tells people why. Big5 bytes
    # often decode as GBK too, into rare characters and private-use ones: the reading with
    # more ordinary Chinese characters wins, GBK on a tie (the far more common one).
    gbk, big5 = _hanzi(raw, "gb18030"), _hanzi(raw, "big5")
    if gbk < 0 and big5 < 0:
        return "", Problem(shown, line, "", "file is not UTF-8 text", RESAVE_UTF8)
    looks = "Big5" if big5 > gbk else "GBK/GB18030 (common on Chinese Windows)"
    return "", Problem(shown, line, "", f"file is not UTF-8: it looks like {looks}", RESAVE_UTF8)


def _hanzi(raw: bytes, codec: str) -> int:
    """How many CJK ideographs ``raw`` decodes to in ``codec``; -1 when it does not decode."""
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return -1
    return sum(1 for char in text if "\u4e00" <= char <= "\u9fff")
