"""A start-up cache of loaded packs, so an unchanged library is not parsed from YAML again.

Parsing YAML is what made start-up slow: about 2.5 s for 10,000 snippets even with libyaml (see
the platform notes), while rebuilding the same frozen dataclasses from marshalled tuples takes
about 0.1 s.

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

The file holds plain data only (marshal of tuples, strings and numbers, turned back into the
dataclasses by :func:`_decode`), never a pickle: reading a cache must not be able to run code.
It is also sealed with the install's key (core/cacheseal.py), kept in the config folder: a file
this install did not write is not even unmarshalled. A missing, stale, corrupt, foreign or
incompatible cache file is ignored and rebuilt; problems reading or writing the cache are never
shown to the user (the packs load as if there were no cache).
Writes are atomic (temp file + ``os.replace``); there is no ``.bak`` because a lost cache only
costs one slow start.

A first start (no cache, or a team update that changed packs) loads in stages
(:func:`plan_stages`): with a ``budget``, :meth:`LibraryCache.load` reads only the pack files of
the first stage and leaves the rest out (``CachedLibrary.deferred``), so the palette can open on
part of the library while the app loads the rest in the background, stage by stage (``only``);
a library already wholly in the cache is loaded whole, whatever the budget. Stages take the
agent's own packs first (personal and ``--pack``), then the team's, then the shipped ones, the
smallest first within each: the replies an agent looks for first are their own.

One cache file per set of pack folders and working folder (the displayed paths in problems
depend on both), so the app and a CLI run from another folder do not overwrite each other's
entries; the least recently used files beyond :data:`KEEP_FILES` are removed.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from quickreply.core import (
    chunked,
    hotkeys,
    limits,
    model,
    packs,
    problems,
    userdoc,
    userfile,
    yamlread,
)
from quickreply.core.atomic import write_atomic
from quickreply.core.cacheseal import Seal
from quickreply.core.model import Field, Library, Pack, PackMeta, PackSource, Snippet, Step
from quickreply.core.packs import PackDir, load_library, load_pack
from quickreply.core.problems import Problem, Severity
from quickreply.core.userfile import display_path, read_user_file
from quickreply.core.yamlread import MAX_BYTES

# Bump when the layout of the cache file changes.
CACHE_FORMAT = 5  # 5: equal replies and questions written once (shared once loaded)
CACHE_PREFIX = "library-"
CACHE_SUFFIX = ".bin"
KEEP_FILES = 4
# The modules whose code decides what a loaded pack looks like.
_SOURCES = (chunked, hotkeys, limits, model, packs, problems, userdoc, userfile, yamlread)

# Which packs a staged load reads first: the agent's own, then the team's, then the shipped.
_FIRST = {PackSource.PERSONAL: 0, PackSource.EXTRA: 0, PackSource.TEAM: 1, PackSource.SHIPPED: 2}
# A later stage holds at least this many times the bytes of the one before. Each stage costs an
# index build of everything in it, so growing geometrically keeps the builds of all the stages
# under 1 / (1 - 1/GROWTH) times the one of the whole library (4: a third more).
GROWTH = 4

# Strings this short (paths, pack ids, groups, labels) repeat across snippets: written once.
_SHARED_STR_MAX = 80

# (path as given, path as displayed, source, blake2b of the file's bytes)
FileKey = tuple[str, str, str, str]
Entry = tuple[Pack | None, tuple[Problem, ...]]
# The files of each stage of a staged load, each stage holding those of the one before.
Stages = tuple[frozenset[FileKey], ...]


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
    deferred: int = 0  # pack files a budget left out: the library is part of the folders' own
    files: int = 0  # pack files found in the folders
    # What each file loaded gave: the next stage of a budgeted load starts from these.
    entries: Mapping[FileKey, Entry] = field(default_factory=dict)
    # A budgeted load that left files out: the stages the rest comes in (see plan_stages).
    stages: Stages = ()

    @property
    def complete(self) -> bool:
        return self.deferred == 0


def _source_files() -> Iterator[tuple[ModuleType, Path]]:
    """Each module's file; every module of a package (core/packs is one) decides too."""
    for module in _SOURCES:
        file = Path(module.__file__ or "")
        if hasattr(module, "__path__"):
            parts = sorted(file.parent.glob("*.py")) or [file]  # frozen: no source, see below
            yield from ((module, part) for part in parts)
        else:
            yield module, file


def code_version() -> str:
    """Hash of the cache format, the Python version and the source of the pack-building code."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{CACHE_FORMAT}|{sys.version_info[:2]}|{marshal.version}".encode())
    for module, file in _source_files():
        name = f"{module.__name__}/{file.name}".encode()
        try:
            digest.update(name + b"\0" + file.read_bytes())
        except OSError:
            # A frozen build has no source to read: fall back to the package version.
            from quickreply import __version__

            digest.update(name + b"\0" + __version__.encode())
    return digest.hexdigest()


def file_key(path: Path, source: PackSource) -> tuple[FileKey, int] | None:
    """The cache key of one pack file and its size in bytes (what a budget counts), or None
    when it cannot be read (load it directly)."""
    # Read as the loader reads: a FIFO or a symlink loop is skipped here, reported by load_pack.
    data, _ = read_user_file(path, display_path(path), MAX_BYTES)
    if data is None:
        return None
    digest = hashlib.blake2b(data, digest_size=20).hexdigest()
    return (str(path), display_path(path), source.value, digest), len(data)


class LibraryCache:
    """Loads the library through a per-file cache stored in ``cache_dir``, sealed by ``seal``.

    Without a seal (the install's key could not be read or created) nothing is cached.
    """

    def __init__(self, cache_dir: Path, seal: Seal | None) -> None:
        self.cache_dir = cache_dir
        self.seal = seal

    def cache_file(self, dirs: Sequence[PackDir]) -> Path:
        """The cache file for these pack folders, seen from the current working folder."""
        digest = hashlib.blake2b(digest_size=10)
        digest.update(os.getcwd().encode("utf-8", "surrogateescape"))
        for pack_dir in dirs:
            digest.update(b"\0" + str(pack_dir.path).encode("utf-8", "surrogateescape"))
            digest.update(b"\0" + pack_dir.source.value.encode())
        return self.cache_dir / f"{CACHE_PREFIX}{digest.hexdigest()}{CACHE_SUFFIX}"

    def load(
        self,
        dirs: Sequence[PackDir],
        budget: int | None = None,
        *,
        warm: Callable[[str], bool] | None = None,
        seed: Mapping[FileKey, Entry] | None = None,
        progress: Callable[[int], None] | None = None,
        only: frozenset[FileKey] | None = None,
        keep: bool = False,
    ) -> CachedLibrary:
        """Load and merge every pack, reusing cached files; saves the cache when it changed.

        With ``budget`` (bytes of pack files), unless every file is in the cache and ``warm``
        (given the fingerprint) says the rest of start-up is cached too, only the files of the
        first stage of :func:`plan_stages` are loaded; the others are left out, counted in
        ``deferred``, and ``stages`` says how the rest comes in. ``only``: load just these
        files (a later stage); its fingerprint is that of a library of exactly those files.
        ``seed``: entries an earlier stage loaded (``CachedLibrary.entries``), used like cached
        ones. A stage after the first keeps what it parsed in the cache, and so does any load
        with ``keep``. ``progress`` is called with the number of files loaded
        so far, after each one.
        """
        path = self.cache_file(dirs)
        version = code_version()
        cached = self._read(path, version)
        if seed:
            cached = {**cached, **seed}
        sizes: dict[str, tuple[FileKey, int] | None] = {}

        def sized(file: Path, source: PackSource) -> tuple[FileKey, int] | None:
            if str(file) not in sizes:
                sizes[str(file)] = file_key(file, source)
            return sizes[str(file)]

        stages: Stages = ()
        if budget is not None:
            probe = _Probe(cached, sized)
            load_library(dirs, load=probe)
            fingerprint = probe.fingerprint(version)
            if fingerprint is None or (warm is not None and not warm(fingerprint)):
                stages = plan_stages(probe.files, budget)
                only = stages[0]
        used: dict[FileKey, Entry] = {}
        order: list[FileKey] = []
        exact = True
        misses = deferred = files = 0

        def load_cached(file: Path, source: PackSource) -> tuple[Pack | None, list[Problem]]:
            nonlocal exact, misses, deferred, files
            files += 1
            key_size = sized(file, source)
            if key_size is None:
                exact = False
                return load_pack(file, source)
            key = key_size[0]
            if only is not None and key not in only:
                deferred += 1
                return None, []
            entry = cached.get(key)
            if entry is None:
                misses += 1
                pack, found = load_pack(file, source)
                entry = (pack, tuple(found))
            used[key] = entry
            order.append(key)
            if progress is not None:
                progress(len(used))
            return entry[0], list(entry[1])

        library = load_library(dirs, load=load_cached)
        if not deferred and (misses or set(used) != set(cached)):
            with contextlib.suppress(OSError, ValueError, RecursionError):
                self._write(path, version, used)
        elif deferred and not stages and (misses or keep):
            # Part of the library (a later stage): kept beside what the cache held, so the
            # next stage, or another process, need not parse it again. The next complete
            # load saves exactly its own files, dropping what is no longer there.
            with contextlib.suppress(OSError, ValueError, RecursionError):
                self._write(path, version, {**cached, **used})
        fingerprint = None
        if exact and (not deferred or not stages):
            fingerprint = _fingerprint(version, order)
        return CachedLibrary(
            library, fingerprint, len(used) - misses, misses, deferred, files, used, stages
        )

    # -- the cache file -----------------------------------------------------------------------

    def _read(self, path: Path, version: str) -> dict[FileKey, Entry]:
        if self.seal is None:
            return {}
        try:
            blob = path.read_bytes()
        except OSError:
            return {}
        data = self.seal.unseal(blob)
        if data is None:  # not written by this install (or cut short): as if absent
            return {}
        # Rebuilding creates ~100k objects; the cyclic collector would run dozens of times over
        # them for nothing (frozen dataclasses form no cycles).
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return _decode(data, version)
        except Exception:  # a format this code does not know just means "no cache"
            return {}
        finally:
            if was_enabled:
                gc.enable()

    def _write(self, path: Path, version: str, entries: dict[FileKey, Entry]) -> None:
        if self.seal is None:
            return
        write_atomic(path, self.seal.seal(_encode(version, entries)), backup=False)
        self._prune(keep=path)

    def _prune(self, keep: Path) -> None:
        """Keep the KEEP_FILES most recently written cache files (one per folder set)."""
        olds = sorted((p for p in self._files() if p != keep), key=_mtime, reverse=True)
        for old in olds[KEEP_FILES - 1 :]:
            with contextlib.suppress(OSError):
                old.unlink()
        # Pickled caches of earlier versions: never read again, so not left lying around.
        for legacy in self.cache_dir.glob(f"{CACHE_PREFIX}*.pickle"):
            with contextlib.suppress(OSError):
                legacy.unlink()

    def _files(self) -> Iterator[Path]:
        return self.cache_dir.glob(f"{CACHE_PREFIX}*{CACHE_SUFFIX}")


def plan_stages(files: Sequence[tuple[FileKey, PackSource, int]], budget: int) -> Stages:
    """The stages a library of ``files`` (key, source, bytes) loads in after a first start.

    Files are taken the agent's own first, then the team's, then the shipped ones, the
    smallest first within each. The first stage (loaded before the palette opens) holds each
    file, in that order, that still fits ``budget`` bytes; when none fits, the smallest file,
    so the palette is never empty. Each later stage adds files in that order until it holds
    :data:`GROWTH` times the bytes of the one before, or the agent's own packs are all in,
    while at least a quarter of the bytes is left; the last stage is every file.
    Deterministic: the app and its helper process plan alike.
    """
    if not files:
        return (frozenset(),)
    ranked = sorted(files, key=lambda f: (_FIRST[f[1]], f[2]))
    first: set[FileKey] = set()
    spent = 0
    for key, _, size in ranked:
        if spent + size <= budget:
            first.add(key)
            spent += size
    if not first:
        smallest = min(files, key=lambda f: f[2])
        first.add(smallest[0])
        spent = smallest[2]
    stages = [frozenset(first)]
    rest = [f for f in ranked if f[0] not in first]
    total = spent + sum(size for _, _, size in rest)
    held, last = set(first), max(spent, 1)
    for at, (key, source, size) in enumerate(rest):
        held.add(key)
        spent += size
        own_done = _FIRST[source] == 0 and (at + 1 == len(rest) or _FIRST[rest[at + 1][1]] > 0)
        # Never a stage with most of the library in: the last one would follow at almost
        # the cost of the whole, for little more (at least a quarter is left for it).
        worth = spent * GROWTH <= total * (GROWTH - 1)
        if worth and (spent >= GROWTH * last or own_done):
            stages.append(frozenset(held))
            last = spent
    if len(held) > len(stages[-1]):
        stages.append(frozenset(held))
    return tuple(stages)


def _fingerprint(version: str, order: Sequence[FileKey]) -> str:
    """One hash of the code version and every file's key, in load order."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(version.encode())
    for key in order:
        digest.update("\x1f".join(key).encode("utf-8", "surrogateescape") + b"\x1e")
    return digest.hexdigest()


class _Probe:
    """A pack loader that loads nothing: it sees which files the cache holds, in load order."""

    def __init__(
        self,
        cached: Mapping[FileKey, Entry],
        sized: Callable[[Path, PackSource], tuple[FileKey, int] | None],
    ) -> None:
        self._cached = cached
        self._sized = sized
        self.order: list[FileKey] = []
        self.files: list[tuple[FileKey, PackSource, int]] = []  # precedence order
        self.all_cached = True

    def __call__(self, file: Path, source: PackSource) -> tuple[Pack | None, list[Problem]]:
        key_size = self._sized(file, source)
        if key_size is not None:
            self.files.append((key_size[0], source, key_size[1]))
        if key_size is None or key_size[0] not in self._cached:
            self.all_cached = False
        else:
            self.order.append(key_size[0])
        return None, []

    def fingerprint(self, version: str) -> str | None:
        """The library's fingerprint when every file is in the cache, else None."""
        return _fingerprint(version, self.order) if self.all_cached else None


# -- plain data ---------------------------------------------------------------------------------
# Each dataclass becomes the tuple of its constructor's arguments, in field order; nested
# dataclasses, enums and paths become plain values first. Decoding calls the constructors, so a
# cache holds only str/int/bool/None/tuple/dict and marshal never builds anything else from it.


def _encode(version: str, entries: dict[FileKey, Entry]) -> bytes:
    shared: dict[str, str] = {}

    def s(value: str) -> str:
        # Equal short strings (paths, pack ids, groups) become one object, which marshal then
        # writes once and loads once: a smaller file, fewer strings to create.
        return shared.setdefault(value, value) if len(value) <= _SHARED_STR_MAX else value

    def every(values: tuple[str, ...]) -> tuple[str, ...]:
        # Replies and buyer questions repeat whole across near-duplicate snippets (≈ 8 MB of
        # equal strings at 100,000 replies): one object each, in the file and once loaded.
        return tuple(shared.setdefault(v, v) for v in values)

    def snippet(x: Snippet) -> tuple[object, ...]:
        return (
            x.id, s(x.title), every(x.variants), x.code, s(x.group), every(x.tags),
            s(x.note), every(x.examples),
            tuple(
                (f.name, s(f.label), f.kind, f.default, f.choices, f.choices_from, f.line)
                for f in x.fields
            ),
            x.hotkey, x.send, tuple((st.kind, st.text, st.ms, st.line) for st in x.steps),
            s(x.pack_id), s(x.path), x.line, x.text_line, x.variant_lines,
            x.image, x.image_line, s(x.folder),
        )  # fmt: skip

    def problem(p: Problem) -> tuple[object, ...]:
        return (s(p.path), p.line, p.where, p.message, p.hint, p.severity.value, p.code, p.args)

    rows: list[Any] = []
    for key, (pack, found) in entries.items():
        plain_pack = None
        if pack is not None:
            meta = pack.meta
            plain_pack = (
                (meta.id, meta.name, meta.version, meta.locale, meta.allowed_phrases),
                tuple(snippet(x) for x in pack.snippets),
                str(pack.path),
                pack.source.value,
            )
        rows.append((key, plain_pack, tuple(problem(p) for p in found)))
    return chunked.dumps((version, tuple(rows)))


def _decode(data: bytes | memoryview, version: str) -> dict[FileKey, Entry]:
    loaded = chunked.loads(data)
    if type(loaded) is not tuple or len(loaded) != 2 or loaded[0] != version:
        return {}
    entries: dict[FileKey, Entry] = {}
    for key, plain_pack, found in loaded[1]:
        pack = None
        if plain_pack is not None:
            meta, snippets, pack_path, source = plain_pack
            pack = Pack(
                PackMeta(*meta),
                tuple(_snippet(x) for x in snippets),
                Path(pack_path),
                PackSource(source),
            )
        problems = tuple(
            Problem(p[0], p[1], p[2], p[3], p[4], Severity(p[5]), p[6], p[7]) for p in found
        )
        entries[tuple(key)] = (pack, problems)
    return entries


def _snippet(x: Any) -> Snippet:
    fields = tuple(Field(*f) for f in x[8])
    steps = tuple(Step(*st) for st in x[11])
    return Snippet(
        x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], fields, x[9], x[10], steps,
        x[12], x[13], x[14], x[15], x[16], x[17], x[18], x[19],
    )  # fmt: skip


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def load_library_cached(
    dirs: Sequence[PackDir],
    cache_dir: Path,
    seal: Seal | None,
    budget: int | None = None,
    *,
    warm: Callable[[str], bool] | None = None,
    seed: Mapping[FileKey, Entry] | None = None,
    progress: Callable[[int], None] | None = None,
    only: frozenset[FileKey] | None = None,
    keep: bool = False,
) -> CachedLibrary:
    """:func:`quickreply.core.packs.load_library` through the cache in ``cache_dir``.

    ``seal`` is the install's (``Seal.load_or_create(paths.cache_key_file)``); None: no cache.
    ``budget``, ``warm``, ``seed``, ``progress``, ``only`` and ``keep``: see
    :meth:`LibraryCache.load`.
    """
    return LibraryCache(cache_dir, seal).load(
        dirs, budget, warm=warm, seed=seed, progress=progress, only=only, keep=keep
    )
