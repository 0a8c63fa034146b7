"""The lead's sharing switch: whether the team's agents share their daily figures, and where to.

The lead turns it on once for the team (``quickreply team publish --share-daily DROP``, kept in
the lead's team folder as ``share.json``); every published manifest then carries it in its
signed part as ``"share": {"daily": true, "drop": "..."}``. An agent's app takes it only from a
manifest whose signature checked (core/team/manifest.py), so nobody but the lead can turn
sharing on for an agent, or point it at another drop.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quickreply.core.atomic import write_atomic
from quickreply.core.team.errors import TeamError

SHARE_FILE = "share.json"
MAX_DROP_CHARS = 500
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class TeamShare:
    daily: bool
    drop: str  # a folder (shared drive) or a WebDAV http(s) address

    def to_json(self) -> dict[str, Any]:
        return {"daily": self.daily, "drop": self.drop}

    @classmethod
    def from_json(cls, data: object, where: str) -> TeamShare:
        """Checked as anything read from a team source; else :class:`TeamError`."""
        hint = "republish with `quickreply team publish`"
        if not isinstance(data, Mapping) or not set(data) <= {"daily", "drop"}:
            raise TeamError(where, "bad sharing switch in the manifest", hint)
        daily, drop = data.get("daily", False), data.get("drop", "")
        if not isinstance(daily, bool) or not isinstance(drop, str):
            raise TeamError(where, "bad sharing switch in the manifest", hint)
        return cls(daily, check_drop(drop, where))


def check_drop(drop: str, where: str) -> str:
    drop = drop.strip()
    if len(drop) > MAX_DROP_CHARS or _CONTROL.search(drop):
        hint = f"a folder or an address of at most {MAX_DROP_CHARS} characters"
        raise TeamError(where, "bad drop location", hint)
    return drop


def load_team_share(folder: Path) -> TeamShare | None:
    """The switch in the lead's team folder; None when never set (or unreadable)."""
    try:
        data = json.loads((folder / SHARE_FILE).read_text(encoding="utf-8"))
        return TeamShare.from_json(data, str(folder / SHARE_FILE))
    except (OSError, ValueError, TeamError):
        return None


def save_team_share(folder: Path, share: TeamShare) -> None:
    text = json.dumps(share.to_json(), ensure_ascii=False, indent=2) + "\n"
    write_atomic(folder / SHARE_FILE, text)
