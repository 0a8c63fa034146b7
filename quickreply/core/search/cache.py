"""The search index's cache files: their names, their bytes on disk, and dropping old ones.

A cache file holds the index's tables in ``marshal`` form (plain strings, ints, lists and
dicts: nothing in it can run code when loaded), in pieces (core/chunked.py: the app reads it
on a worker thread, and one marshal call over the whole held its GUI thread a second at
100,000 replies) under ``search-index-<key>.bin``, the key
covering the index version, the pypinyin/OpenCC versions and the library's content. Every
byte read or written goes through :func:`read` and :func:`write`, sealed with the install's key
(core/cacheseal.py): marshal is not made to read bytes this install did not write.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
from pathlib import Path
from typing import Any

from quickreply.core import chunked
from quickreply.core.atomic import write_atomic
from quickreply.core.cacheseal import Seal
from quickreply.core.model import Library
from quickreply.core.search.records import library_records, texts

# Bump whenever the cached layout or the way keys are computed changes.
INDEX_VERSION = 12  # 12: offsets as bytes of 32-bit numbers; pinyin fields 1 byte a character
CACHE_PREFIX = "search-index-"


def cache_path(cache_dir: Path, library: Library, key: str | None = None) -> Path:
    """Where the index of ``library`` is cached; ``key``: see :func:`given_key`."""
    name = given_key(key) if key else library_key(library)
    return cache_dir / f"{CACHE_PREFIX}{name}.bin"


def is_cached(cache_dir: Path, key: str) -> bool:
    """Whether an index keyed ``key`` (see :func:`given_key`) has a cache file: a start from
    it is quick. Only its presence is checked; reading it still checks everything."""
    return (cache_dir / f"{CACHE_PREFIX}{given_key(key)}.bin").is_file()


def read(path: Path, seal: Seal) -> dict[str, Any] | None:
    """What :func:`write` wrote to ``path``; None when missing, unreadable, not sealed by this
    install or of another version."""
    try:
        plain = seal.unseal(path.read_bytes())
        if plain is None:
            return None
        data = chunked.loads(plain)  # with the cyclic collector paused
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
        return None
    return data


def write(path: Path, data: dict[str, object], seal: Seal) -> None:
    """Write ``data`` (plain values only) to ``path`` atomically (temp file + os.replace)."""
    blob = chunked.dumps({"version": INDEX_VERSION, **data})
    write_atomic(path, seal.seal(blob), backup=False)


def prune(cache_dir: Path, keep: Path) -> None:
    """Drop older cached indexes: one library, one current cache file (plus the one before)."""
    olds = sorted(
        (p for p in cache_dir.glob(f"{CACHE_PREFIX}*.bin") if p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in olds[1:]:
        with contextlib.suppress(OSError):
            old.unlink()


def library_key(library: Library) -> str:
    """Hash of everything the index is built from, plus the index and table versions."""
    digest = hashlib.blake2b(digest_size=20)
    parts: list[str] = [str(INDEX_VERSION), _table_versions()]
    for s in library_records(library):
        parts.extend((s.id, s.title, s.code, s.group, *s.tags, "\x02", *s.examples, "\x02"))
        parts.extend(texts(s))
        parts.append("\x03")
    digest.update("\x1f".join(parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def given_key(key: str) -> str:
    """A caller's library fingerprint (core/libcache.py's) with the index and table versions."""
    text = f"{INDEX_VERSION}\x1f{_table_versions()}\x1f{key}"
    return "k" + hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()


def _table_versions() -> str:
    """The pypinyin and OpenCC versions, which decide the character tables the index holds."""
    return "/".join(_version(dist) for dist in ("pypinyin", "opencc"))


def _version(dist: str) -> str:
    """``dist``'s installed version, read from its ``.dist-info`` folder's name when there is one.

    ``importlib.metadata`` costs ~0.1 s of imports (email parsing) on every cached start, more
    than the rest of loading the index; the folder name says the same for a pip install.
    """
    spec = importlib.util.find_spec(dist)
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            found = sorted(Path(folder).parent.glob(f"{dist}-*.dist-info"))
            if len(found) == 1:
                return found[0].name[len(dist) + 1 : -len(".dist-info")]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"
