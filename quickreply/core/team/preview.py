"""What a publish would change, reply by reply, for the lead's 发布 dialog.

Compares the packs in the lead's sources with the version in force in the published folder:
the replies added, the replies changed (before and after) and the replies removed, and the lint
errors that would refuse the publish. Also where the lead last published from and to.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from quickreply.core.atomic import write_atomic
from quickreply.core.model import Library, PackSource, Snippet
from quickreply.core.packs import PackDir, load_library
from quickreply.core.problems import Problem
from quickreply.core.team.changes import snippet_digest
from quickreply.core.team.checks import lint_version
from quickreply.core.team.keys import LeadKey
from quickreply.core.team.manifest import SHOP_FILE, is_image_path
from quickreply.core.team.publish import collect, read_manifest, read_pointer

TARGET_FILE = "publish.json"  # in the lead's key folder: the last SRC and DEST


@dataclass(frozen=True, slots=True)
class Target:
    sources: tuple[Path, ...]
    dest: Path


def load_target(folder: Path) -> Target | None:
    """Where the lead last published from and to, if anywhere."""
    try:
        data = json.loads((folder / TARGET_FILE).read_text(encoding="utf-8"))
        return Target(tuple(Path(str(p)) for p in data["sources"]), Path(str(data["dest"])))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_target(folder: Path, target: Target) -> None:
    data = {
        "sources": [str(p.resolve()) for p in target.sources],
        "dest": str(target.dest.resolve()),
    }
    write_atomic(folder / TARGET_FILE, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@dataclass(frozen=True, slots=True)
class Preview:
    current: int  # the version in force in the published folder (0: none yet)
    added: tuple[Snippet, ...] = ()
    changed: tuple[tuple[Snippet, Snippet], ...] = ()  # (before, after)
    removed: tuple[Snippet, ...] = ()
    errors: tuple[Problem, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def _by_id(library: Library) -> dict[str, Snippet]:
    return {s.id: s for s in library.snippets()}


def preview(target: Target, key: LeadKey, clock: Callable[[], datetime]) -> Preview:
    """The diff between ``target.sources`` and the published version in force."""
    files = collect(target.sources)
    new_library, problems = lint_version(files, set(files), clock)
    current = read_pointer(target.dest, key.team)
    old: dict[str, Snippet] = {}
    if current is not None:
        manifest = read_manifest(target.dest, current.version, key.team)
        folder = target.dest / f"v{current.version}"
        dirs: Sequence[PackDir] = [
            PackDir(folder / f.path, PackSource.TEAM)
            for f in manifest.files
            if f.path != SHOP_FILE and not is_image_path(f.path)
        ]
        old = _by_id(load_library(dirs))
    new = _by_id(new_library)
    return Preview(
        current=current.version if current else 0,
        added=tuple(s for sid, s in new.items() if sid not in old),
        changed=tuple(
            (old[sid], s)
            for sid, s in new.items()
            if sid in old and snippet_digest(old[sid]) != snippet_digest(s)
        ),
        removed=tuple(s for sid, s in old.items() if sid not in new),
        errors=tuple(p for p in problems if p.is_error),
    )
