"""The lead's publish: lint, write an immutable ``DEST/v<N>/``, sign, then switch the pointer.

Order matters for agents reading the share while the lead publishes: the version folder is
written under a dot-name and renamed into place whole, its manifest is signed, and only then
is ``current.json`` replaced atomically. An agent therefore sees the old version or the new
one, never a mixture; one that sees a pointer before the version folder arrived (an upload
to a web server in the wrong order) refuses it and keeps what it has. The last
:data:`KEEP_VERSIONS` versions stay; ``from_version`` republishes an old version's files as a
new, higher version, which is how a lead rolls back (agents never accept a lower version).
The pictures image replies paste are files of the version like the packs (``pictures.py``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from quickreply.core.cacheseal import Seal
from quickreply.core.packs import pack_files
from quickreply.core.problems import Problem
from quickreply.core.team.changes import diff, library_digests
from quickreply.core.team.checks import lint_version
from quickreply.core.team.errors import TeamError
from quickreply.core.team.keys import LeadKey, TeamKey
from quickreply.core.team.manifest import (
    MANIFEST,
    POINTER,
    SHOP_FILE,
    VERSION_RE,
    Changes,
    FileEntry,
    Manifest,
    Pointer,
    check_path,
    open_document,
    sign_document,
)
from quickreply.core.team.pictures import version_pictures
from quickreply.core.team.sharing import TeamShare
from quickreply.core.training.exam import exam_files

KEEP_VERSIONS = 20


class LintRefused(TeamError):
    """The packs have lint errors: nothing was published."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        errors = [p for p in problems if p.is_error]
        super().__init__("publish", f"{len(errors)} lint errors", "fix them and publish again")
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class PublishResult:
    version: int
    folder: Path
    manifest: Manifest
    warnings: tuple[Problem, ...] = ()

    @property
    def changes(self) -> Changes:
        return self.manifest.changes


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as src:
        for block in iter(lambda: src.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def collect(sources: Sequence[Path]) -> dict[str, Path]:
    """Relative path in the version -> file: every pack and exam under each source, and
    shop.yaml."""
    found: dict[str, Path] = {}
    for source in sources:
        if source.is_file():
            pairs = [(source.name, source)]
        elif source.is_dir():
            # Exams (*.exam.yaml) travel with the packs, signed the same way (issue 20).
            files = [*pack_files(source), *exam_files([source])]
            pairs = [(p.relative_to(source).as_posix(), p) for p in files]
            if (source / SHOP_FILE).is_file():
                pairs.append((SHOP_FILE, source / SHOP_FILE))
        else:
            raise TeamError(str(source), "no such file or folder", "check the path")
        for rel, path in pairs:
            check_path(rel, str(path))
            if rel.casefold() in (k.casefold() for k in found):
                raise TeamError(str(path), f"{rel} comes from two sources", "rename one of them")
            found[rel] = path
    if not any(rel != SHOP_FILE for rel in found):
        raise TeamError(" ".join(map(str, sources)), "no packs to publish", "name pack folders")
    return found


def versions_in(dest: Path) -> list[int]:
    if not dest.is_dir():
        return []
    return sorted(int(m.group(1)) for p in dest.iterdir() if (m := VERSION_RE.fullmatch(p.name)))


def read_pointer(dest: Path, key: TeamKey) -> Pointer | None:
    """The pointer in ``dest`` if there is one; one not signed by ``key`` is refused."""
    path = dest / POINTER
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    return Pointer.from_signed(open_document(data, key, str(path), "pointer"), str(path))


def read_manifest(dest: Path, version: int, key: TeamKey) -> Manifest:
    path = dest / f"v{version}" / MANIFEST
    try:
        data = path.read_bytes()
    except OSError as err:
        raise TeamError(str(path), f"cannot read: {err.strerror}", "is it published?") from None
    return Manifest.from_signed(open_document(data, key, str(path), "manifest"), str(path))


def _old_files(dest: Path, version: int, key: TeamKey) -> dict[str, Path]:
    """The files of a published version, each checked against its signed hash."""
    manifest = read_manifest(dest, version, key)
    folder = dest / f"v{version}"
    files: dict[str, Path] = {}
    for entry in manifest.files:
        path = folder / entry.path
        if not path.is_file() or sha256_file(path) != entry.sha256:
            raise TeamError(str(path), "differs from its signed hash", "pick another version")
        files[entry.path] = path
    return files


def publish(
    sources: Sequence[Path],
    dest: Path,
    key: LeadKey,
    clock: Callable[[], datetime],
    *,
    message: str = "",
    from_version: int = 0,
    keep: int = KEEP_VERSIONS,
    cache_dir: Path | None = None,
    seal: Seal | None = None,
    share: TeamShare | None = None,
) -> PublishResult:
    """Publish ``sources`` (or version ``from_version``) as the next version in ``dest``.

    ``cache_dir`` and ``seal`` are the lead's pack cache: unchanged packs are not parsed again.
    ``share`` is the team's sharing switch, signed into the manifest.
    """
    dest.mkdir(parents=True, exist_ok=True)
    current = read_pointer(dest, key.team)
    version = max([*versions_in(dest), current.version if current else 0]) + 1
    if from_version:
        files = _old_files(dest, from_version, key.team)
        message = message or f"republished v{from_version}"
    else:
        files = collect(sources)
    previous = read_manifest(dest, current.version, key.team) if current else None
    staging = Path(tempfile.mkdtemp(prefix=f".v{version}.partial-", dir=dest))
    try:
        entries = {rel: _stage(src, staging / rel, rel) for rel, src in sorted(files.items())}
        known = {(f.path, f.sha256) for f in previous.files} if previous else set()
        changed = {e.path for e in entries.values() if (e.path, e.sha256) not in known}
        library, problems = lint_version(files, changed, clock, cache_dir=cache_dir, seal=seal)
        if any(p.is_error for p in problems):
            raise LintRefused(problems)
        # The pictures image replies paste go with them, hashed like the packs (lint read
        # them already: inside the pack's folder, PNG or JPEG, under the size cap).
        pictures = version_pictures(library, files)
        for rel, src in sorted(pictures.files.items()):
            if rel not in entries:  # a republished version already carries its pictures
                entries[rel] = _stage(src, staging / rel, rel)
        shas = {sid: tuple(entries[r].sha256 for r in rels) for sid, rels in pictures.uses.items()}
        digests = library_digests(library, shas)
        manifest = Manifest(
            team=key.team.team_id,
            version=version,
            time=clock().isoformat(timespec="seconds"),
            files=tuple(entries[rel] for rel in sorted(entries)),
            message=message,
            name=key.name,
            from_version=from_version,
            changes=diff(previous.snippets if previous else {}, digests),
            snippets=digests,
            share=share,
        )
        body = sign_document(manifest.to_signed(), key)
        (staging / MANIFEST).write_bytes(body)
        folder = dest / f"v{version}"
        # Readable by the web server and the agents on the share (mkdtemp made it owner-only).
        os.chmod(staging, 0o755)
        # rename() of a folder onto an existing one fails: a version is never overwritten.
        os.rename(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    pointer = Pointer(
        key.team.team_id,
        version,
        f"v{version}/{MANIFEST}",
        len(body),
        hashlib.sha256(body).hexdigest(),
        manifest.time,
    )
    _write_public(dest / POINTER, sign_document(pointer.to_signed(), key))
    for old_version in versions_in(dest)[:-keep]:
        shutil.rmtree(dest / f"v{old_version}", ignore_errors=True)
    return PublishResult(version, folder, manifest, tuple(problems))


def _stage(src: Path, target: Path, rel: str) -> FileEntry:
    """Copy one file of the version into the staging folder, and say its size and hash."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, target)
    return FileEntry(rel, target.stat().st_size, sha256_file(target))


def _write_public(path: Path, data: bytes) -> None:
    """Atomically replace ``path`` with a world-readable file (the web server reads it)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
