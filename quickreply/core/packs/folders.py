"""Where packs are found: the folders in precedence order, the pack files under each.

Folders are read recursively (a team folder may have subfolders); hidden files and folders are
ignored, ``shop.yaml`` is the shop profile, not a pack, and a file reached twice through a linked
folder is known by :func:`same_file_key`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from quickreply.core.model import PackSource
from quickreply.core.paths import SHOP_FILE, AppPaths
from quickreply.core.problems import Problem
from quickreply.core.userfile import display_path

PACK_SUFFIXES = (".yaml", ".yml")
EXAM_SUFFIXES = (".exam.yaml", ".exam.yml")  # exam files travel with packs (core/training)


@dataclass(frozen=True, slots=True)
class PackDir:
    """A pack file or a folder of packs, and where it came from."""

    path: Path
    source: PackSource


def default_dirs(paths: AppPaths, extra: Sequence[Path] = ()) -> list[PackDir]:
    """Shipped, team, personal, then every ``--pack`` path: the order of precedence."""
    return [
        PackDir(paths.shipped, PackSource.SHIPPED),
        PackDir(paths.team, PackSource.TEAM),
        PackDir(paths.personal, PackSource.PERSONAL),
        *(PackDir(Path(p), PackSource.EXTRA) for p in extra),
    ]


def pack_files(folder: Path) -> list[Path]:
    """The pack files under ``folder``: *.yaml and *.yml, recursively, sorted; no shop.yaml
    and no exam files (*.exam.yaml)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name == SHOP_FILE or not name.endswith(PACK_SUFFIXES):
                continue
            if name.endswith(EXAM_SUFFIXES):
                continue
            found.append(Path(root) / name)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def dir_files(pack_dir: PackDir, problems: list[Problem]) -> Iterator[Path]:
    """The files ``pack_dir`` names; a ``--pack`` path that does not exist is a problem."""
    path = pack_dir.path
    if path.is_dir():
        yield from pack_files(path)
    elif path.is_file():
        yield path
    elif path.is_symlink():
        yield path  # a dangling link or a loop: reading it says which, in one line
    elif pack_dir.source is PackSource.EXTRA:
        # The standard folders may simply not exist yet; a path the user typed must.
        problems.append(
            Problem(display_path(path), 1, "", "no such file or folder", "check the path")
        )


def same_file_key(file: Path) -> Path:
    """What tells a file reached twice (through a linked folder) from another file."""
    try:
        return file.resolve()
    except (OSError, RuntimeError):
        # A symlink loop (RuntimeError before Python 3.13): reading it reports the loop.
        return file.absolute()
