"""The agent's local team copy: version folders, and the one atomic switch between them.

``sync_dir/versions/v<N>/`` holds each installed version whole. ``AppPaths.team`` is a
symbolic link to the version in force, replaced by ``os.replace`` of a new link: one atomic
step, so a reader sees the old version or the new one. The library resolves the link once
per load (``core/packs.default_dirs``), so a load running across a switch still reads one
version. On Windows, where links need privileges, it is a directory junction swapped by two
renames. The version in force and :data:`KEEP_PREVIOUS` before it are kept; older ones are
removed.

Readers load through the link (so the pack cache, keyed by path, keeps every unchanged file
across versions) inside :func:`load_one_version`: a load during which the link was switched is
done again, so no library ever mixes files of two versions.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from quickreply.core.team.manifest import VERSION_RE

KEEP_PREVIOUS = 5
LOAD_TRIES = 5

T = TypeVar("T")


def _link_state(link: Path) -> tuple[int, int, str] | None:
    # Each switch makes a new link: its creation time only grows, so A -> B -> A is seen too.
    try:
        st = os.lstat(link)
        return st.st_ino, st.st_ctime_ns, os.readlink(link) if os.path.islink(link) else ""
    except OSError:
        return None


def load_one_version(link: Path, load: Callable[[Path], T], tries: int = LOAD_TRIES) -> T:
    """``load(link)``, done again when the team link was switched while it ran. Should it keep
    being switched (syncs are minutes apart, so it never does outside tests), the last try
    loads the one version the link points at, by its own folder."""
    for _ in range(tries):
        before = _link_state(link)
        result = load(link)
        if _link_state(link) == before:
            return result
    return load(link.resolve())


def versions_dir(sync_root: Path) -> Path:
    return sync_root / "versions"


def installed_versions(sync_root: Path) -> list[int]:
    folder = versions_dir(sync_root)
    if not folder.is_dir():
        return []
    return sorted(int(m.group(1)) for p in folder.iterdir() if (m := VERSION_RE.fullmatch(p.name)))


def install(staging: Path, sync_root: Path, version: int) -> Path:
    """Move a checked staging folder into place as version ``version`` (same filesystem)."""
    target = versions_dir(sync_root) / f"v{version}"
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        # Left by a sync that stopped before its switch; never the version in force, since
        # a version is only installed when it is newer than the one in force.
        shutil.rmtree(target)
    os.rename(staging, target)
    return target


def _move_aside(link: Path) -> None:
    """A team folder filled by hand before joining is kept, not deleted."""
    if link.is_symlink() or not link.exists():
        return
    if link.is_dir() and not any(link.iterdir()):
        link.rmdir()
        return
    n = 1
    while link.with_name(f"{link.name}.before-sync{n}").exists():
        n += 1
    os.rename(link, link.with_name(f"{link.name}.before-sync{n}"))


def switch(link: Path, target: Path) -> None:
    """Point ``link`` at ``target`` in one step."""
    link.parent.mkdir(parents=True, exist_ok=True)
    _move_aside(link)
    fresh = link.with_name(f".{link.name}.switching")
    with contextlib.suppress(FileNotFoundError):
        _remove_link(fresh)
    if os.name == "nt":  # pragma: no cover - Windows only
        import _winapi

        _winapi.CreateJunction(str(target), str(fresh))  # type: ignore[attr-defined]
        old = link.with_name(f".{link.name}.old")
        with contextlib.suppress(FileNotFoundError):
            _remove_link(old)
        with contextlib.suppress(FileNotFoundError):
            os.rename(link, old)
        os.rename(fresh, link)
        with contextlib.suppress(FileNotFoundError):
            _remove_link(old)
        return
    os.symlink(target, fresh, target_is_directory=True)
    os.replace(fresh, link)


def _remove_link(path: Path) -> None:
    if os.name == "nt" and path.is_dir():  # pragma: no cover - a junction is removed as a dir
        os.rmdir(path)
    else:
        os.unlink(path)


def in_force(link: Path) -> int:
    """The version ``link`` points at, or 0."""
    with contextlib.suppress(OSError):
        match = VERSION_RE.fullmatch(Path(os.readlink(link)).name)
        if match:
            return int(match.group(1))
    return 0


def prune(sync_root: Path, current: int, keep: int = KEEP_PREVIOUS) -> None:
    """Remove versions older than the ``keep`` before ``current``, and any left-over staging."""
    older = [v for v in installed_versions(sync_root) if v < current]
    for version in older[: max(0, len(older) - keep)]:
        shutil.rmtree(versions_dir(sync_root) / f"v{version}", ignore_errors=True)
