"""A start-up cache of loaded packs, so an unchanged library is not parsed from YAML again.

Parsing YAML is what made start-up slow: about 2.5 s for 10,000 snippets even with libyaml (see
the platform notes), while unpickling the same frozen dataclasses takes about 0.1 s.

What is cached is the result of :func:`quickreply.core.packs.load_pack` for each pack file —
the pack *and its problems*, so a broken pack still shows the same lines after a cached start.
Merging (duplicate ids, code clashes, precedence) is cheap and always runs again, through the
``load`` hook of :func:`quickreply.core.packs.load_library`.

Keys: an entry is used only when the file's path (as given and as displayed, since problems
carry the displayed path), its source and a hash of its bytes are the same. Hashing the bytes
costs a few milliseconds per 10,000 snippets and, unlike size + mtime, cannot be fooled by an
edit within the file system's timestamp resolution. The whole cache is also tied to a
:func:`code_version`: the cache format, the Python version and the source of the modules that
build packs and problems, so changing the loader or the model silently drops every entry.

A missing, stale, corrupt or incompatible cache file is ignored and rebuilt; problems reading or
writing the cache are never shown to the user (the packs load as if there were no cache).
Writes are atomic (temp file + ``os.replace``); there is no ``.bak`` because a lost cache only
costs one slow start.

One cache file per set of pack folders and working folder (the displayed paths in problems
depend on both), so the app and a CLI run from another folder do not overwrite each other's
entries; the least recently used files beyond :data:`KEEP_FILES` are removed.
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import gc
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quickreply.core import hotkeys, limits, model, packs, problems, userdoc, userfile, yamlread
from quickreply.core.atomic import write_atomic
from quickreply.core.model import Field, Library, Pack, PackMeta, PackSource, Snippet, Step
from quickreply.core.packs import PackDir, load_library, load_pack
from quickreply.core.problems import Problem
from quickreply.core.userfile import display_path, read_user_file
from quickreply.core.yamlread import MAX_BYTES

# Bump when the layout of the cache file changes.
CACHE_FORMAT = 2
CACHE_PREFIX = "library-"
CACHE_SUFFIX = ".pickle"
KEEP_FILES = 4
# The modules whose code decides what a loaded pack looks like.
_SOURCES = (hotkeys, limits, model, packs, problems, userdoc, userfile, yamlread)

# Pickled through their constructors (see _dumps); every field of these is an init field.
_BY_CONSTRUCTOR: tuple[type, ...] = (Snippet, Field, Step, Pack, PackMeta, Problem)
# Strings this short (paths, pack ids, groups, labels) repeat across snippets: written once.
_SHARED_STR_MAX = 80

# (path as given, path as displayed, source, blake2b of the file's bytes)
FileKey = tuple[str, str, str, str]
Entry = tuple[Pack | None, tuple[Problem, ...]]


@dataclass(frozen=True, slots=True)
class CachedLibrary:
    """The merged library and a fingerprint of exactly what it was built from.

    ``fingerprint`` is None when some file could not be hashed (it was then loaded directly
    and reported its own problem): there is no cheap exact key for that library.
    """

    library: Library
    fingerprint: str | None
    hits: int
    misses: int


def code_version() -> str:
    """Hash of the cache format, the Python version and the source of the pack-building code."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{CACHE_FORMAT}|{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode())
    for module in _SOURCES:
        name = module.__name__.encode()
        try:
            digest.update(name + b"\0" + Path(module.__file__ or "").read_bytes())
        except OSError:
            # A frozen build has no source to read: fall back to the package version.
            from quickreply import __version__

            digest.update(name + b"\0" + __version__.encode())
    return digest.hexdigest()


def file_key(path: Path, source: PackSource) -> FileKey | None:
    """The cache key of one pack file, or None when it cannot be read (load it directly)."""
    # Read as the loader reads: a FIFO or a symlink loop is skipped here, reported by load_pack.
    data, _ = read_user_file(path, display_path(path), MAX_BYTES)
    if data is None:
        return None
    digest = hashlib.blake2b(data, digest_size=20).hexdigest()
    return (str(path), display_path(path), source.value, digest)


class LibraryCache:
    """Loads the library through a per-file cache stored in ``cache_dir``."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir

    def cache_file(self, dirs: Sequence[PackDir]) -> Path:
        """The cache file for these pack folders, seen from the current working folder."""
        digest = hashlib.blake2b(digest_size=10)
        digest.update(os.getcwd().encode("utf-8", "surrogateescape"))
        for pack_dir in dirs:
            digest.update(b"\0" + str(pack_dir.path).encode("utf-8", "surrogateescape"))
            digest.update(b"\0" + pack_dir.source.value.encode())
        return self.cache_dir / f"{CACHE_PREFIX}{digest.hexdigest()}{CACHE_SUFFIX}"

    def load(self, dirs: Sequence[PackDir]) -> CachedLibrary:
        """Load and merge every pack, reusing cached files; saves the cache when it changed."""
        path = self.cache_file(dirs)
        version = code_version()
        cached = self._read(path, version)
        used: dict[FileKey, Entry] = {}
        order: list[FileKey] = []
        exact = True
        hits = misses = 0

        def load_cached(file: Path, source: PackSource) -> tuple[Pack | None, list[Problem]]:
            nonlocal exact, hits, misses
            key = file_key(file, source)
            if key is None:
                exact = False
                return load_pack(file, source)
            entry = cached.get(key)
            if entry is None:
                misses += 1
                pack, found = load_pack(file, source)
                entry = (pack, tuple(found))
            else:
                hits += 1
            used[key] = entry
            order.append(key)
            return entry[0], list(entry[1])

        library = load_library(dirs, load=load_cached)
        if misses or set(used) != set(cached):
            with contextlib.suppress(OSError, pickle.PicklingError, RecursionError):
                self._write(path, version, used)
        fingerprint = None
        if exact:
            digest = hashlib.blake2b(digest_size=20)
            digest.update(version.encode())
            for key in order:
                digest.update("\x1f".join(key).encode("utf-8", "surrogateescape") + b"\x1e")
            fingerprint = digest.hexdigest()
        return CachedLibrary(library, fingerprint, hits, misses)

    # -- the cache file -----------------------------------------------------------------------

    @staticmethod
    def _read(path: Path, version: str) -> dict[FileKey, Entry]:
        try:
            blob = path.read_bytes()
        except OSError:
            return {}
        # Unpickling creates ~100k objects; the cyclic collector would run dozens of times over
        # them for nothing (frozen dataclasses form no cycles).
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            data = pickle.loads(blob)
        except Exception:  # any corrupt or foreign file just means "no cache"
            return {}
        finally:
            if was_enabled:
                gc.enable()
        if not isinstance(data, dict) or data.get("version") != version:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def _write(self, path: Path, version: str, entries: dict[FileKey, Entry]) -> None:
        write_atomic(path, _dumps({"version": version, "entries": entries}), backup=False)
        self._prune(keep=path)

    def _prune(self, keep: Path) -> None:
        """Keep the KEEP_FILES most recently written cache files (one per folder set)."""
        olds = sorted((p for p in self._files() if p != keep), key=_mtime, reverse=True)
        for old in olds[KEEP_FILES - 1 :]:
            with contextlib.suppress(OSError):
                old.unlink()

    def _files(self) -> Iterator[Path]:
        return self.cache_dir.glob(f"{CACHE_PREFIX}*{CACHE_SUFFIX}")


def _dumps(data: object) -> bytes:
    """Pickle that loads about a third faster than the default for frozen dataclasses.

    The default reduces a slotted dataclass to its state, restored by a ``__setstate__`` that
    looks up ``dataclasses.fields`` again for every object; calling the constructor is cheaper.
    Equal short strings (every snippet's path and pack id) are made one object so the pickle
    memo writes them once: a smaller file, fewer strings to create on load.
    """
    shared: dict[str, str] = {}
    table: dict[type, Callable[[Any], Any]] = dict(copyreg.dispatch_table)
    for cls in _BY_CONSTRUCTOR:
        names = tuple(f.name for f in dataclasses.fields(cls) if f.init)
        if len(names) != len(dataclasses.fields(cls)):
            continue  # a field the constructor does not take: keep the default reduction

        def reduce(obj: Any, cls: type = cls, names: tuple[str, ...] = names) -> tuple[Any, ...]:
            values = (getattr(obj, name) for name in names)
            return cls, tuple(
                shared.setdefault(v, v) if type(v) is str and len(v) <= _SHARED_STR_MAX else v
                for v in values
            )

        table[cls] = reduce
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = table
    pickler.dump(data)
    return out.getvalue()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def load_library_cached(dirs: Sequence[PackDir], cache_dir: Path) -> CachedLibrary:
    """:func:`quickreply.core.packs.load_library` through the cache in ``cache_dir``."""
    return LibraryCache(cache_dir).load(dirs)
