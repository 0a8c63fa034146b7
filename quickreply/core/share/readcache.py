"""What the lead's machine already read from a drop, so a report reads only new or changed files.

A drop of 200 agents × 90 days is 18,000 small JSON files (~38 MB); reading and checking them
all is most of a report's time, and between two reports only today's files change. An entry
is keyed by the file's name and its *stamp*: the size and modification time (in nanoseconds)
of a file in a folder, or the size and ``ETag``/``Last-Modified`` a WebDAV server or an
autoindex listing gives. An entry holds the file's aggregate, or the reason it was skipped, so
an unchanged bad file is reported again without being read again.

A file changed within :data:`SETTLE_SECONDS` of the read is not cached: a rewrite of the same
size inside a coarse timestamp (2 s on FAT, 1 s in HTTP dates) would otherwise look unchanged.

Like the library cache (core/libcache.py) the file is plain data (marshal of strings, numbers,
tuples and dicts: a good file's own bytes, rebuilt into the dataclasses without checking its
fields again, since only files that passed them are put in), sealed with the install's key
(core/cacheseal.py): a file this install did not write, a cut or corrupt one, or one of an
older layout is ignored and rebuilt, never trusted, and never shown to the user as a problem.
Writes are atomic (temp file + ``os.replace``) with no ``.bak``: a lost cache costs one slow
report. One file per drop location (the address without its password).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
from collections.abc import Iterable
from pathlib import Path

from quickreply.core.atomic import write_atomic
from quickreply.core.cacheseal import Seal
from quickreply.core.share.aggregate import (
    FORMAT_VERSION,
    DailyAggregate,
    exact_json,
    trusted_aggregate,
)

# Bump when the layout of the cache file changes.
CACHE_FORMAT = 2
CACHE_PREFIX = "drop-"
SETTLE_SECONDS = 5.0

Stamp = tuple[int, int | str]  # size, then mtime_ns (a folder) or ETag/Last-Modified (a URL)
Record = DailyAggregate | str  # a file's aggregate, or why it was skipped


class ReadCache:
    """Records of the files of one drop, by name and stamp; :meth:`save` writes what changed."""

    def __init__(self, file: Path | None = None, seal: Seal | None = None) -> None:
        self.file = file
        self.seal = seal
        self._entries: dict[str, tuple[Stamp, Record]] = {}
        self._raw: dict[str, bytes] = {}  # the bytes each good record was read from
        self._dirty = False
        self.hits = 0  # records served from the cache since it was opened
        if file is not None and seal is not None:
            self._entries, self._raw = _read(file, seal)

    @classmethod
    def for_drop(cls, cache_dir: Path, seal: Seal | None, location: str) -> ReadCache:
        """The cache of the drop at ``location`` (a folder or an address without password)."""
        digest = hashlib.blake2b(location.encode("utf-8"), digest_size=10).hexdigest()
        return cls(cache_dir / f"{CACHE_PREFIX}{digest}.bin", seal)

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, name: str, stamp: Stamp) -> Record | None:
        entry = self._entries.get(name)
        if entry is None or entry[0] != stamp:
            return None
        self.hits += 1
        return entry[1]

    def put(self, name: str, stamp: Stamp, record: Record, raw: bytes | None = None) -> None:
        """``raw``: the bytes ``record`` was parsed from, kept as they are (cheaper to save)."""
        self._entries[name] = (stamp, record)
        if raw is None or isinstance(record, str):
            self._raw.pop(name, None)
        else:
            self._raw[name] = raw
        self._dirty = True

    def keep_only(self, names: Iterable[str]) -> None:
        """Forget the files no longer in the drop."""
        keep = set(names)
        gone = [name for name in self._entries if name not in keep]
        for name in gone:
            del self._entries[name]
            self._raw.pop(name, None)
        self._dirty = self._dirty or bool(gone)

    def save(self) -> None:
        """Write the cache if anything changed; a cache that cannot be written is no problem."""
        if not self._dirty or self.file is None or self.seal is None:
            return
        was_enabled = gc.isenabled()
        gc.disable()  # encoding builds ~100k containers that form no cycles
        try:
            with contextlib.suppress(OSError):
                write_atomic(
                    self.file, self.seal.seal(_encode(self._entries, self._raw)), backup=False
                )
                self._dirty = False
        finally:
            if was_enabled:
                gc.enable()


def _encode(entries: dict[str, tuple[Stamp, Record]], raw: dict[str, bytes]) -> bytes:
    # A good file is kept as the bytes it was read from: marshal copies them as they are,
    # where the parsed counts (millions in a 200-agent drop) cost a third of a cold report.
    rows: dict[str, tuple[Stamp, str | bytes]] = {}
    for name, (stamp, record) in entries.items():
        if isinstance(record, str):
            rows[name] = (stamp, record)
        else:
            data = raw.get(name)
            rows[name] = (stamp, data if data is not None else exact_json(record))
    return marshal.dumps((CACHE_FORMAT, FORMAT_VERSION, rows))


def _decode(data: bytes | memoryview) -> tuple[dict[str, tuple[Stamp, Record]], dict[str, bytes]]:
    cache_format, format_version, rows = marshal.loads(data)
    if cache_format != CACHE_FORMAT or format_version != FORMAT_VERSION:
        return {}, {}
    entries: dict[str, tuple[Stamp, Record]] = {}
    raw: dict[str, bytes] = {}
    for name, (stamp, row) in rows.items():
        if isinstance(row, str):
            entries[name] = ((stamp[0], stamp[1]), row)
            continue
        # Sealed by this install after parse_aggregate accepted it: not checked again.
        entries[name] = ((stamp[0], stamp[1]), trusted_aggregate(row))
        raw[name] = row
    return entries, raw


def _read(file: Path, seal: Seal) -> tuple[dict[str, tuple[Stamp, Record]], dict[str, bytes]]:
    try:
        data = seal.unseal(file.read_bytes())
    except OSError:
        return {}, {}
    if data is None:
        return {}, {}
    # Rebuilding creates ~100k objects that form no cycles: the collector would only rescan them.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _decode(data)
    except Exception:  # a layout this code does not know just means "no cache"
        return {}, {}
    finally:
        if was_enabled:
            gc.enable()
