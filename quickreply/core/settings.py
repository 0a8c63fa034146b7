"""The user's settings: a frozen dataclass, stored as JSON in ``AppPaths.settings_file``.

Loading never fails: a missing file gives the defaults; a corrupt file (not JSON, not UTF-8,
nested too deeply) is kept aside as ``settings.json.corrupt`` and the defaults are used, with one
Problem saying so; a file that cannot be read (not a regular file, too big) gives the defaults
and one Problem; a bad value for one key costs only that key, reported at that key's line.
Saving is atomic (temp file + ``os.replace``) and keeps the previous file as ``settings.json.bak``.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Final

from quickreply.core.atomic import write_atomic
from quickreply.core.hotkeys import HotkeyError, normalise_hotkey
from quickreply.core.jsonread import MAX_BYTES, parse_json
from quickreply.core.problems import Problem, Severity
from quickreply.core.timers import TimerConfig
from quickreply.core.userdoc import UserDoc
from quickreply.core.userfile import NO_SUCH_FILE, decode_utf8, read_user_file

SETTINGS_VERSION: Final = 1
LANGUAGES: Final = ("system", "zh_CN", "en", "zh_TW")
THEMES: Final = ("system", "light", "dark")
PASTE_SHORTCUTS: Final = ("ctrl+v", "shift+insert")
# Which platform backend pastes; the QUICKREPLY_BACKEND environment variable still overrides.
PASTE_BACKENDS: Final = ("auto", "x11", "windows", "none")
# Global hotkeys of the app itself (not of a snippet); "" turns one off.
APP_HOTKEYS: Final = ("palette_hotkey", "waiting_hotkey", "replied_hotkey")
MAX_DELAY_MS: Final = 5000
MIN_TEAM_SYNC: Final = 1  # minutes between team syncs; a 304 costs the server next to nothing
MAX_TEAM_SYNC: Final = 24 * 60


@dataclass(frozen=True)
class Settings:
    """Everything the user can change in the settings dialog."""

    # Ctrl+Space toggles the IME on Chinese Windows and Alt+Space opens the window menu, so the
    # default needs both Ctrl and Alt.
    palette_hotkey: str = "ctrl+alt+space"
    # Wait timers: "a buyer is waiting" (named from the chat window's title) and "I replied".
    waiting_hotkey: str = "ctrl+alt+w"
    replied_hotkey: str = "ctrl+alt+r"
    # snippet id -> hotkey; overrides (or adds to) the pack's own ``hotkey:``.
    snippet_hotkeys: Mapping[str, str] = field(default_factory=dict)
    pre_paste_ms: int = 0  # wait after focus is back, before the paste shortcut
    restore_ms: int = 200  # wait after the paste before the old clipboard comes back
    paste_shortcut: str = "ctrl+v"  # or "shift+insert" for clients that ignore Ctrl+V
    paste_backend: str = "auto"  # auto, x11, windows, none
    language: str = "system"
    theme: str = "system"
    team_dir: str = ""  # empty: the default folder under the data dir
    personal_dir: str = ""
    # {"queues": [{"name", "target", "red_after"}], "title_patterns": [...]}, read by
    # core.timers.TimerConfig.from_mapping; empty keeps the built-in defaults (so later
    # releases can improve them for everyone who never changed them).
    timers: Mapping[str, Any] = field(default_factory=dict)
    timer_sound: bool = False  # beep when a buyer turns red
    team_sync_minutes: int = 5  # how often the app checks the joined team for a new version
    # Daily aggregates for the lead (issue 15, docs/team-report.md): off until the lead asks.
    share_daily: bool = False
    share_drop: str = ""  # the team's drop: a folder (shared drive) or a WebDAV http(s) URL
    agent_id: str = ""  # 工号; empty: the shop profile's agent_id
    version: int = SETTINGS_VERSION

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["snippet_hotkeys"] = dict(sorted(self.snippet_hotkeys.items()))
        data["timers"] = dict(self.timers)
        return data

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def _check_value(name: str, value: Any, default: Any) -> tuple[Any, str]:
    """Validate one key; return (value to use, error message or "")."""
    if name == "palette_hotkey":
        if not isinstance(value, str):
            return default, "must be a string like 'ctrl+alt+space'"
        try:
            return normalise_hotkey(value), ""
        except HotkeyError as err:
            return default, str(err)
    if name in ("waiting_hotkey", "replied_hotkey"):
        if not isinstance(value, str):
            return default, "must be a string like 'ctrl+alt+w' (or \"\" for none)"
        if not value.strip():
            return "", ""
        try:
            return normalise_hotkey(value), ""
        except HotkeyError as err:
            return default, str(err)
    if name == "snippet_hotkeys":
        if not isinstance(value, dict):
            return default, "must be an object of snippet id to hotkey"
        good: dict[str, str] = {}
        bad: list[str] = []
        for sid, combo in value.items():
            try:
                good[str(sid)] = normalise_hotkey(str(combo))
            except HotkeyError as err:
                bad.append(f"{sid}: {err}")
        return good, "; ".join(bad)
    if name in ("pre_paste_ms", "restore_ms"):
        if isinstance(value, bool) or not isinstance(value, int):
            return default, f"must be a whole number of milliseconds, not {value!r}"
        if not 0 <= value <= MAX_DELAY_MS:
            return default, f"{value} is out of range (0 to {MAX_DELAY_MS} ms)"
        return value, ""
    if name == "team_sync_minutes":
        if isinstance(value, bool) or not isinstance(value, int):
            return default, f"must be a whole number of minutes, not {value!r}"
        if not MIN_TEAM_SYNC <= value <= MAX_TEAM_SYNC:
            return default, f"{value} is out of range ({MIN_TEAM_SYNC} to {MAX_TEAM_SYNC} minutes)"
        return value, ""
    if name == "timers":
        if not isinstance(value, dict):
            return default, "must be an object with queues and title_patterns"
        return value, ""  # entries are checked by TimerConfig.from_mapping, at their lines
    if name in ("timer_sound", "share_daily"):
        if not isinstance(value, bool):
            return default, f"must be true or false, not {value!r}"
        return value, ""
    choices = {
        "paste_shortcut": PASTE_SHORTCUTS,
        "paste_backend": PASTE_BACKENDS,
        "language": LANGUAGES,
        "theme": THEMES,
    }.get(name)
    if choices is not None:
        if name == "paste_shortcut" and isinstance(value, str):
            with contextlib.suppress(HotkeyError):
                value = normalise_hotkey(value)
        if value not in choices:
            return default, f"{value!r} is not one of {', '.join(choices)}"
        return value, ""
    if name in ("team_dir", "personal_dir"):
        if not isinstance(value, str):
            return default, "must be a folder path (a string)"
        return value, ""
    if name == "share_drop":
        if not isinstance(value, str):
            return default, "must be a folder path or an http(s) address (a string)"
        return value.strip(), ""
    if name == "agent_id":
        if not isinstance(value, str) or len(value.strip()) > 64:
            return default, "must be text of at most 64 characters, like 'A007'"
        return value.strip(), ""
    if name == "version":
        if not isinstance(value, int) or value > SETTINGS_VERSION:
            return default, f"version {value!r} is newer than this app understands"
        return SETTINGS_VERSION, ""
    return default, ""


def settings_from_json(data: Any, path: str = "settings.json") -> tuple[Settings, list[Problem]]:
    """Build Settings from parsed JSON (no line numbers); see :func:`settings_from_doc`."""
    return settings_from_doc(UserDoc(path, data))


def settings_from_doc(doc: UserDoc) -> tuple[Settings, list[Problem]]:
    """Build Settings from a parsed file; a bad key falls back to its default with a Problem."""
    defaults = Settings()
    data = doc.data
    if not isinstance(data, dict):
        return defaults, [
            Problem(
                doc.path, 1, "settings", "the file is not a JSON object", "started with defaults"
            )
        ]
    known = [f.name for f in fields(Settings)]
    # Unknown keys are only warnings: a newer version's setting must not stop an older app.
    problems = doc.unknown_keys((), "", data, known, Severity.WARNING)
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            continue
        used, error = _check_value(key, value, getattr(defaults, key))
        values[key] = used
        if error:
            problems.append(doc.problem((key,), key, error, "using the default"))
    if values.get("timers"):
        # Checked here, where the file's lines are known, not where the app builds its clocks.
        _, timer_problems = TimerConfig.from_mapping(
            values["timers"], doc.path, lambda *keys: doc.line("timers", *keys)
        )
        problems += timer_problems
    return replace(defaults, **values), problems


def load_settings(path: Path) -> tuple[Settings, list[Problem]]:
    """Read settings; never raises for bad content. A corrupt file is copied aside first."""
    shown = str(path)
    raw, unreadable = read_user_file(path, shown, MAX_BYTES, expect="a .json file")
    if raw is None:
        if unreadable is None or unreadable.message == NO_SUCH_FILE:
            return Settings(), []
        # Not a regular file, unreadable or too big: nothing to keep aside (copying a FIFO or a
        # device could hang or never end).
        return Settings(), [
            Problem(shown, 1, "settings", unreadable.message, "started with defaults")
        ]
    text, problem = decode_utf8(raw, shown)
    doc, problems = parse_json(text, shown) if problem is None else (None, [problem])
    if doc is not None:
        settings, more = settings_from_doc(doc)
        return settings, [*problems, *more]
    kept = path.with_name(path.name + ".corrupt")
    try:
        shutil.copyfile(path, kept)
        hint = f"a copy is kept at {kept}"
    except OSError as copy_err:
        # A read-only config folder must not turn a corrupt file into a crash at start.
        hint = f"no copy could be kept: {copy_err.strerror}; fix or delete the file"
    return Settings(), [
        Problem(
            shown,
            problems[0].line,
            "settings",
            f"the file is corrupt ({problems[0].message}); started with defaults",
            hint,
        )
    ]


def save_settings(settings: Settings, path: Path) -> None:
    """Write settings as pretty JSON (atomic, with ``.bak`` of the previous file)."""
    text = json.dumps(settings.to_json(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_atomic(path, text)
