"""The agent's sync: fetch the pointer, check everything, then switch the local copy once.

A new version is downloaded into a staging folder; the pointer and the manifest must be signed
by the joined key, the version must be higher than the one in force (a replayed or rolled-back
pointer is refused), every file (the packs and the pictures their replies paste) must have its
signed size and SHA-256, stay inside the folder and within the caps in ``core/limits.py``, and
the packs must lint without errors, every picture they name present. Only then
is the staging folder installed and the team link switched (``local.py``). Any failure leaves
the version in force untouched and is one line in the state (``quickreply team status``, the
tray); failures back off before the next automatic try. A lock file keeps two app instances,
or the app and ``quickreply team sync``, from syncing at once.
"""

from __future__ import annotations

import errno
import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from filelock import FileLock, Timeout

from quickreply.core import limits
from quickreply.core.paths import AppPaths
from quickreply.core.team import local
from quickreply.core.team.errors import TeamError
from quickreply.core.team.keys import parse_join_code
from quickreply.core.team.manifest import (
    Changes,
    Manifest,
    Pointer,
    is_image_path,
    open_document,
)
from quickreply.core.team.sources import Source, open_source
from quickreply.core.team.state import (
    Subscription,
    SyncState,
    load_state,
    load_subscription,
    save_state,
    save_subscription,
    sync_dir,
)

MANIFEST_COPY = ".team-manifest.json"  # a dot-file: the pack loader skips it
BACKOFF_FIRST = timedelta(minutes=1)
BACKOFF_MAX = timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class Caps:
    """What one version may weigh (tests lower them)."""

    pointer: int = limits.TEAM_POINTER_BYTES
    manifest: int = limits.TEAM_MANIFEST_BYTES
    file: int = limits.TEAM_FILE_BYTES
    image: int = limits.MAX_IMAGE_BYTES  # a picture a reply pastes: what lint lets through
    total: int = limits.TEAM_TOTAL_BYTES
    files: int = limits.TEAM_FILES


@dataclass(frozen=True, slots=True)
class SyncResult:
    """How a sync went: ``updated``, ``unchanged``, ``failed``, ``busy`` or ``waiting``."""

    status: str
    version: int  # in force after the sync
    previous: int = 0
    changes: Changes = field(default_factory=Changes)
    message: str = ""  # the lead's
    problem: str = ""

    @property
    def line(self) -> str:
        if self.status == "updated":
            note = f": {self.message}" if self.message else ""
            return f"team packs updated to v{self.version} ({self.changes.summary()}){note}"
        if self.status == "unchanged":
            return f"team packs up to date (v{self.version})"
        if self.status == "busy":
            return "another sync is running; try again in a moment"
        if self.status == "waiting":
            return f"{self.problem}; next try later (keeping v{self.version})"
        return f"{self.problem}; keeping v{self.version}"


class _HashingSink:
    def __init__(self, path: Path) -> None:
        self.file = path.open("xb")
        self.digest = hashlib.sha256()

    def write(self, data: bytes, /) -> int:
        self.digest.update(data)
        return self.file.write(data)


class TeamSync:
    """Join, sync and report for one QuickReply home."""

    def __init__(
        self,
        paths: AppPaths,
        clock: Callable[[], datetime],
        *,
        source_for: Callable[[str], Source] = open_source,
        caps: Caps = Caps(),
    ) -> None:
        self.paths = paths
        self.clock = clock
        self.source_for = source_for
        self.caps = caps
        self.root = sync_dir(paths)
        self._sources: dict[str, Source] = {}  # one per location: its HTTP connection is reused

    def join(self, source: str, join_code: str) -> Subscription:
        subscription = Subscription(source.strip(), parse_join_code(join_code))
        if not subscription.source:
            raise TeamError("join", "no source given", "a shared folder or an http(s) address")
        old = load_subscription(self.paths)
        save_subscription(self.paths, subscription)
        if old is None or old.key != subscription.key:
            # Another team: its versions start again from 1. Keep what is installed until
            # the first sync from the new team replaces it.
            self.root.mkdir(parents=True, exist_ok=True)
            state = load_state(self.paths)
            fresh = SyncState(version=0, marks=state.marks)
            save_state(self.paths, fresh)
        return subscription

    def state(self) -> SyncState:
        return load_state(self.paths)

    def sync(self, *, force: bool = True) -> SyncResult:
        """One sync; ``force=False`` (the app's timer) respects the back-off after failures."""
        subscription = load_subscription(self.paths)
        if subscription is None:
            raise TeamError("team", "not joined", "run `quickreply team join SOURCE --key CODE`")
        self.root.mkdir(parents=True, exist_ok=True)
        lock = FileLock(self.root / "sync.lock", timeout=0)
        try:
            lock.acquire()
        except Timeout:
            return SyncResult("busy", load_state(self.paths).version)
        try:
            return self._sync_locked(subscription, force)
        finally:
            lock.release()

    def _sync_locked(self, subscription: Subscription, force: bool) -> SyncResult:
        state = load_state(self.paths)
        now = self.clock()
        if not force and state.next_try and now < _parse_time(state.next_try, now):
            return SyncResult("waiting", state.version, problem=state.problem)
        previous = state.version
        state.checked = now.isoformat(timespec="seconds")
        try:
            result = self._check(subscription, state, now)
        except (TeamError, OSError) as err:
            shutil.rmtree(self.root / "staging", ignore_errors=True)
            state.problem = _one_line(err)
            state.failures += 1
            delay = min(BACKOFF_FIRST * 2 ** (state.failures - 1), BACKOFF_MAX)
            state.next_try = (now + delay).isoformat(timespec="seconds")
            save_state(self.paths, state)
            return SyncResult("failed", state.version, previous, problem=state.problem)
        state.problem = ""
        state.failures = 0
        state.next_try = ""
        save_state(self.paths, state)
        return result

    def _check(self, subscription: Subscription, state: SyncState, now: datetime) -> SyncResult:
        key = subscription.key
        source = self._sources.get(subscription.source)
        if source is None:
            source = self._sources[subscription.source] = self.source_for(subscription.source)
        where = source.label + "current.json" if source.label.endswith("/") else source.label
        fetched = source.pointer(state.etag, state.last_modified, self.caps.pointer)
        if fetched.data is None:
            return SyncResult("unchanged", state.version)
        pointer = Pointer.from_signed(open_document(fetched.data, key, where, "pointer"), where)
        if pointer.version == state.version and pointer.sha256 == state.manifest_sha256:
            state.etag, state.last_modified = fetched.etag, fetched.last_modified
            return SyncResult("unchanged", state.version)
        if pointer.version <= state.version:
            raise TeamError(
                where,
                f"offers v{pointer.version} but v{state.version} is installed (replay refused)",
                "a lead rolls back with `team publish --from-version`, as a higher version",
            )
        manifest, body = self._manifest(source, pointer, key_where=where, subscription=subscription)
        staging = self._download(source, manifest, body, state.version)
        self._lint(staging, manifest, state.version)
        previous = state.version
        target = local.install(staging, self.root, manifest.version)
        local.switch(self.paths.team, target)
        local.prune(self.root, manifest.version)
        state.team, state.name = manifest.team, manifest.name
        state.version, state.manifest_sha256 = manifest.version, pointer.sha256
        state.message, state.published = manifest.message, manifest.time
        share = manifest.share  # signed by the lead: the only way sharing is turned on for a team
        state.share_daily = bool(share and share.daily)
        state.share_drop = share.drop if share and share.daily else ""
        changes = manifest.changes
        state.added, state.changed = len(changes.added), len(changes.changed)
        state.removed = len(changes.removed)
        state.updated = now.isoformat(timespec="seconds")
        state.etag, state.last_modified = fetched.etag, fetched.last_modified
        if previous:  # the first version is all new: marking every reply would mean nothing
            state.mark(changes, now)
        return SyncResult("updated", manifest.version, previous, changes, manifest.message)

    def _manifest(
        self, source: Source, pointer: Pointer, *, key_where: str, subscription: Subscription
    ) -> tuple[Manifest, bytes]:
        sink = _Memory()
        limit = min(pointer.size, self.caps.manifest)
        if pointer.size > self.caps.manifest:
            raise TeamError(key_where, f"manifest of {pointer.size} bytes is over the cap", "")
        source.fetch(pointer.manifest, limit, sink)
        body = bytes(sink.data)
        where = f"{source.label.rstrip('/')}/{pointer.manifest}"
        if len(body) != pointer.size or hashlib.sha256(body).hexdigest() != pointer.sha256:
            raise TeamError(where, "differs from the signed pointer", "a publish in progress?")
        signed = open_document(body, subscription.key, where, "manifest")
        manifest = Manifest.from_signed(signed, where)
        if manifest.version != pointer.version:
            raise TeamError(where, "its version differs from the pointer's", "republish")
        if len(manifest.files) > self.caps.files:
            raise TeamError(where, f"lists {len(manifest.files)} files, over {self.caps.files}", "")
        total = sum(f.size for f in manifest.files)
        if total > self.caps.total:
            raise TeamError(where, f"{total} bytes in all, over the cap {self.caps.total}", "")
        return manifest, body

    def _installed_files(self, version: int) -> dict[str, str]:
        """Relative path -> SHA-256 of the version in force (checked when it was installed)."""
        path = local.versions_dir(self.root) / f"v{version}" / MANIFEST_COPY
        try:
            envelope = json.loads(path.read_text(encoding="utf-8"))
            manifest = Manifest.from_signed(envelope["signed"], str(path))
        except (OSError, ValueError, KeyError, TypeError, TeamError):
            return {}
        return {f.path: f.sha256 for f in manifest.files}

    def _download(self, source: Source, manifest: Manifest, body: bytes, installed: int) -> Path:
        """Every file into the staging folder: unchanged ones copied from the version in
        force, the others fetched; each checked against its signed size and hash."""
        staging = self.root / "staging"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        prefix = f"v{manifest.version}"
        have = self._installed_files(installed)
        local_folder = local.versions_dir(self.root) / f"v{installed}"
        for entry in manifest.files:
            where = f"{source.label.rstrip('/')}/{prefix}/{entry.path}"
            cap = self.caps.image if is_image_path(entry.path) else self.caps.file
            if entry.size > cap:
                raise TeamError(where, f"{entry.size} bytes, over the cap {cap}", "")
            target = staging / entry.path
            target.parent.mkdir(parents=True, exist_ok=True)
            sink = _HashingSink(target)
            with sink.file:
                if have.get(entry.path) == entry.sha256:
                    size = _copy(local_folder / entry.path, sink)
                else:
                    size = source.fetch(f"{prefix}/{entry.path}", entry.size, sink)
            if size != entry.size or sink.digest.hexdigest() != entry.sha256:
                raise TeamError(where, "differs from its signed hash", "the share was changed?")
        (staging / MANIFEST_COPY).write_bytes(body)
        return staging

    def _lint(self, staging: Path, manifest: Manifest, installed: int) -> None:
        # Imported here: the app imports this module at start-up, the linter only when a new
        # version arrives.
        from quickreply.core.cacheseal import Seal
        from quickreply.core.team.checks import lint_version

        have = self._installed_files(installed)
        files = {f.path: staging / f.path for f in manifest.files}
        changed = {f.path for f in manifest.files if have.get(f.path) != f.sha256}
        # Through the pack cache: the staging folder has the same name every time, so a file
        # unchanged since the last sync is not parsed again.
        seal = Seal.load_or_create(self.paths.cache_key_file)
        _library, problems = lint_version(
            files, changed, self.clock, cache_dir=self.paths.cache, seal=seal
        )
        errors = [p for p in problems if p.is_error]
        if errors:
            first = str(errors[0]).replace(str(staging), f"v{manifest.version}")
            raise TeamError(
                f"v{manifest.version}",
                f"fails lint ({len(errors)} errors; first: {first})",
                "the lead fixes the packs and publishes again",
            )


def _copy(path: Path, sink: _HashingSink) -> int:
    written = 0
    with path.open("rb") as src:
        while block := src.read(1 << 20):
            written += sink.write(block)
    return written


class _Memory:
    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, data: bytes, /) -> int:
        self.data += data
        return len(data)


def _one_line(err: BaseException) -> str:
    if isinstance(err, TeamError):
        return str(err)
    if isinstance(err, OSError) and err.errno == errno.ENOSPC:
        return f"{err.filename or 'team copy'}: the disk is full (free some space)"
    if isinstance(err, OSError):
        return f"{err.filename or 'team copy'}: {err.strerror or err} (check the folder)"
    return str(err)


def _parse_time(text: str, default: datetime) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return default
