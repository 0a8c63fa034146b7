"""What an agent joined (source and key, in the config folder) and what its syncs last saw.

Both are small JSON files written atomically. The state keeps the installed version, the
lead's message and changes, when the source was last checked, the last problem, the HTTP
validators of the pointer, the failure count for back-off, and which replies are new or
changed (marked in the library and palette for :data:`MARK_DAYS` days).
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from quickreply.core.atomic import write_atomic
from quickreply.core.paths import AppPaths
from quickreply.core.team.errors import TeamError
from quickreply.core.team.keys import TeamKey, parse_join_code
from quickreply.core.team.manifest import Changes

MARK_DAYS = 3
JOIN_FILE = "team-join.json"


def sync_dir(paths: AppPaths) -> Path:
    """The agent's versions, staging folder, state and lock (``paths.team`` links into it)."""
    return paths.data / "team-sync"


@dataclass(frozen=True, slots=True)
class Subscription:
    source: str
    key: TeamKey

    def to_json(self) -> dict[str, str]:
        return {"source": self.source, "join_code": self.key.join_code}


def load_subscription(paths: AppPaths) -> Subscription | None:
    path = paths.config / JOIN_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as err:
        raise TeamError(str(path), f"cannot read: {err}", "join again") from None
    if not isinstance(data, dict) or not isinstance(data.get("source"), str):
        raise TeamError(str(path), "not a team subscription", "join again")
    return Subscription(data["source"], parse_join_code(str(data.get("join_code", ""))))


def save_subscription(paths: AppPaths, subscription: Subscription) -> None:
    text = json.dumps(subscription.to_json(), ensure_ascii=False, indent=2) + "\n"
    write_atomic(paths.config / JOIN_FILE, text)


@dataclass
class SyncState:
    team: str = ""
    name: str = ""
    version: int = 0
    manifest_sha256: str = ""
    message: str = ""
    published: str = ""  # the lead's time of the installed version
    # How many replies the installed version added, changed, removed (the ids are in its
    # manifest; kept out of this file, which every check rewrites).
    added: int = 0
    changed: int = 0
    removed: int = 0
    checked: str = ""  # ISO time of the last check, good or bad
    updated: str = ""  # ISO time the installed version arrived
    problem: str = ""  # the last check's problem, "" when it went well
    etag: str = ""
    last_modified: str = ""
    failures: int = 0
    next_try: str = ""
    marks: dict[str, list[str]] = field(default_factory=dict)  # id -> [kind, ISO time]
    # The lead's sharing switch, from the installed version's signed manifest.
    share_daily: bool = False
    share_drop: str = ""

    def summary(self) -> str:
        return f"{self.added} added, {self.changed} changed, {self.removed} removed"

    def mark(self, changes: Changes, now: datetime) -> None:
        when = now.isoformat(timespec="seconds")
        for sid in changes.removed:
            self.marks.pop(sid, None)
        for kind, ids in (("added", changes.added), ("changed", changes.changed)):
            for sid in ids:
                # A reply added and then changed within the days stays "new".
                if self.marks.get(sid, [""])[0] != "added":
                    self.marks[sid] = [kind, when]
        self.expire_marks(now)

    def expire_marks(self, now: datetime) -> None:
        kept = self.recent_marks(now)
        self.marks = {k: v for k, v in self.marks.items() if k in kept}

    def recent_marks(self, now: datetime) -> dict[str, str]:
        """Snippet id -> "added" or "changed", for replies the last days brought."""
        oldest = now.astimezone() - timedelta(days=MARK_DAYS)
        return {k: v[0] for k, v in self.marks.items() if _parse(v[1]) >= oldest}


def _parse(text: str) -> datetime:
    """An aware time (a naive one is taken as local); a damaged one is long ago."""
    try:
        return datetime.fromisoformat(text).astimezone()
    except (ValueError, OverflowError, OSError):
        return datetime(1970, 1, 2).astimezone()


def load_state(paths: AppPaths) -> SyncState:
    """The last state; a missing or damaged file starts afresh (the next sync rebuilds it)."""
    path = sync_dir(paths) / "state.json"
    with contextlib.suppress(OSError, ValueError):
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            names = {f.name for f in fields(SyncState)}
            state = SyncState(**{k: v for k, v in data.items() if k in names})
            if (
                isinstance(state.version, int)
                and isinstance(state.marks, dict)
                and isinstance(state.share_daily, bool)
                and isinstance(state.share_drop, str)
            ):
                return state
    return SyncState()


def save_state(paths: AppPaths, state: SyncState) -> None:
    # Not dataclasses.asdict: it deep-copies the marks on every check.
    data = {f.name: getattr(state, f.name) for f in fields(SyncState)}
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    write_atomic(sync_dir(paths) / "state.json", text, backup=False)
