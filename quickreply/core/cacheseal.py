"""Authentication of cache files with a per-install secret key kept outside the cache folder.

A cache folder is easy to write into (another program, a shared profile, a synced folder), so
whatever a cache file says is untrusted until proven ours. :meth:`Seal.seal` prefixes the bytes
with a keyed BLAKE2b tag; :meth:`Seal.unseal` returns the bytes only when the tag matches, so a
cache that was not written by this install is treated as absent and rebuilt. The key lives in
the config folder (``cache.key``, created owner-only 0600); a key that cannot be read or created
means no cache at all (``load_or_create`` returns None), never an unauthenticated one.

Sealing does not make a dangerous format safe to read by itself: the caches also keep to plain
data (marshal of str/int/tuple/dict, rebuilt into objects by code), which executes nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

KEY_FILE = "cache.key"
MAGIC = b"QRSEAL1\n"
_KEY_BYTES = 32
_TAG_BYTES = 32


@dataclass(frozen=True, slots=True)
class Seal:
    """Seals and checks cache bytes with one install's key."""

    key: bytes

    def __repr__(self) -> str:  # never print the key into a log or a traceback
        return "Seal(<key>)"

    def _tag(self, data: bytes | memoryview) -> bytes:
        return hashlib.blake2b(data, key=self.key, digest_size=_TAG_BYTES).digest()

    def seal(self, data: bytes) -> bytes:
        """``data`` with a header and the tag that :meth:`unseal` checks."""
        return MAGIC + self._tag(data) + data

    def unseal(self, blob: bytes) -> memoryview | None:
        """The sealed data, or None when ``blob`` was not sealed with this key (or is cut).

        A view into ``blob``, not a copy: an index cache is ~12 MB at 10,000 replies, and
        ``marshal.loads`` reads a view as well as bytes."""
        head = len(MAGIC) + _TAG_BYTES
        if len(blob) < head or not blob.startswith(MAGIC):
            return None
        data = memoryview(blob)[head:]
        if not hmac.compare_digest(blob[len(MAGIC) : head], self._tag(data)):
            return None
        return data

    @classmethod
    def load_or_create(cls, key_file: Path) -> Seal | None:
        """The install's key from ``key_file``, created (0600) when missing; None if impossible.

        A key file that is not a regular file, has the wrong size, or (on POSIX) belongs to
        someone else or can be written by others is replaced by a new key: caches sealed with
        the old one then just rebuild.
        """
        key = _read_key(key_file)
        if key is not None:
            return cls(key)
        with contextlib.suppress(OSError):
            return cls(_create_key(key_file))
        return None


def _read_key(key_file: Path) -> bytes | None:
    try:
        fd = os.open(key_file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size != _KEY_BYTES * 2:
            return None
        if os.name == "posix" and (
            info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        ):
            return None
        text = os.read(fd, _KEY_BYTES * 2 + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        key = bytes.fromhex(text.decode("ascii"))
    except ValueError:
        return None
    return key if len(key) == _KEY_BYTES else None


def _create_key(key_file: Path) -> bytes:
    """Write a new key; when another process created one first, use theirs."""
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(_KEY_BYTES)
    # mkstemp creates the file 0600 from the start: the key is never readable by others.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{key_file.name}.", suffix=".tmp", dir=key_file.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(key.hex().encode("ascii"))
            out.flush()
            os.fsync(out.fileno())
        try:
            # link() fails if the key appeared meanwhile: two first starts agree on one key.
            os.link(tmp_name, key_file)
        except FileExistsError:
            theirs = _read_key(key_file)
            if theirs is not None:
                return theirs
            os.replace(tmp_name, key_file)  # a bad key file: replace it
        except OSError:
            os.replace(tmp_name, key_file)  # no hard links on this file system
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
    return key
