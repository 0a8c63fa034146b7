"""What a publish would change, reply by reply, for the lead's 发布 dialog.

Compares the packs in the lead's sources with the version in force in the published folder:
the replies added, the replies changed (before and after) and the replies removed, and the lint
errors that would refuse the publish. A reply whose picture file alone was replaced is changed,
as publish counts it. Also where the lead last published from and to.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from quickreply.core.atomic import write_atomic
from quickreply.core.model import Library, PackSource, Snippet
from quickreply.core.packs import PackDir, load_library
from quickreply.core.problems import Problem
from quickreply.core.team.changes import snippet_digest
from quickreply.core.team.checks import lint_version
from quickreply.core.team.errors import TeamError
from quickreply.core.team.keys import LeadKey
from quickreply.core.team.manifest import SHOP_FILE, is_image_path
from quickreply.core.team.pictures import PictureRefused, version_pictures
from quickreply.core.team.publish import collect, read_manifest, read_pointer, sha256_file

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
    new_pictures: frozenset[str] = frozenset()  # ids of changed replies with another picture

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def _by_id(library: Library) -> dict[str, Snippet]:
    return {s.id: s for s in library.snippets()}


def _picture_shas(library: Library, files: Mapping[str, Path]) -> dict[str, tuple[str, ...]]:
    """Snippet id -> the SHA-256 of each picture it pastes (TeamError when one may not travel)."""
    found = version_pictures(library, files)
    return {
        sid: tuple(sha256_file(found.files[rel]) for rel in rels)
        for sid, rels in found.uses.items()
    }


def preview(target: Target, key: LeadKey, clock: Callable[[], datetime]) -> Preview:
    """The diff between ``target.sources`` and the published version in force."""
    files = collect(target.sources)
    new_library, problems = lint_version(files, set(files), clock)
    errors = [p for p in problems if p.is_error]
    new_shas: dict[str, tuple[str, ...]] = {}
    if not errors:  # lint already named a missing or unreadable picture
        try:
            new_shas = _picture_shas(new_library, files)
        except PictureRefused as err:  # publish would refuse it: the same line, here first
            errors.append(err.problem)
    current = read_pointer(target.dest, key.team)
    old: dict[str, Snippet] = {}
    old_shas: dict[str, tuple[str, ...]] = {}
    if current is not None:
        manifest = read_manifest(target.dest, current.version, key.team)
        folder = target.dest / f"v{current.version}"
        dirs: Sequence[PackDir] = [
            PackDir(folder / f.path, PackSource.TEAM)
            for f in manifest.files
            if f.path != SHOP_FILE and not is_image_path(f.path)
        ]
        old_library = load_library(dirs)
        old = _by_id(old_library)
        try:
            old_shas = _picture_shas(old_library, {f.path: folder / f.path for f in manifest.files})
        except TeamError:  # a version from before pictures travelled: compare without them
            old_shas = {}
    new = _by_id(new_library)
    both = [sid for sid in new if sid in old]
    return Preview(
        current=current.version if current else 0,
        added=tuple(s for sid, s in new.items() if sid not in old),
        changed=tuple(
            (old[sid], new[sid])
            for sid in both
            if snippet_digest(old[sid], old_shas.get(sid, ()))
            != snippet_digest(new[sid], new_shas.get(sid, ()))
        ),
        removed=tuple(s for sid, s in old.items() if sid not in new),
        errors=tuple(errors),
        new_pictures=frozenset(
            sid for sid in both if old_shas.get(sid, ()) != new_shas.get(sid, ())
        ),
    )
