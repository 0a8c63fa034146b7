"""Settings: defaults, a JSON round trip, atomic saves with .bak, and forgiving loads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quickreply.core.settings import Settings, load_settings, save_settings


def test_missing_file_gives_defaults_and_no_problem(tmp_path: Path) -> None:
    settings, problems = load_settings(tmp_path / "settings.json")
    assert settings == Settings()
    assert settings.palette_hotkey == "ctrl+alt+space"
    assert settings.restore_ms == 200
    assert problems == []


def test_save_then_load_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    changed = Settings().with_changes(
        palette_hotkey="ctrl+shift+k",
        snippet_hotkeys={"courier.which": "ctrl+alt+1"},
        restore_ms=300,
        paste_shortcut="shift+insert",
        language="zh_TW",
        theme="dark",
        personal_dir="/data/我的话术",
    )
    save_settings(changed, path)
    loaded, problems = load_settings(path)
    assert problems == []
    assert loaded == changed
    assert "我的话术" in path.read_text(encoding="utf-8")


def test_saving_keeps_the_previous_file_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"
    save_settings(Settings().with_changes(theme="light"), path)
    save_settings(Settings().with_changes(theme="dark"), path)
    assert json.loads(path.read_text(encoding="utf-8"))["theme"] == "dark"
    assert json.loads((path.parent / "settings.json.bak").read_text(encoding="utf-8"))["theme"] == (
        "light"
    )
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json", "settings.json.bak"]


def test_corrupt_file_is_kept_aside_and_defaults_are_used(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dark",\n  "language": }', encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert [str(p) for p in problems] == [
        f"{path}:2: settings: the file is corrupt (JSON syntax error: Expecting value);"
        f" started with defaults (a copy is kept at {path}.corrupt)"
    ]
    assert (tmp_path / "settings.json.corrupt").read_text(encoding="utf-8").startswith('{"theme"')


def test_a_corrupt_file_that_cannot_be_copied_aside_still_starts_with_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{", encoding="utf-8")

    def read_only(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(shutil, "copyfile", read_only)
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert [str(p) for p in problems] == [
        f"{path}:1: settings: the file is corrupt (JSON syntax error: Expecting property name"
        " enclosed in double quotes); started with defaults (no copy could be kept: Permission"
        " denied; fix or delete the file)"
    ]


def test_one_bad_value_costs_only_that_key(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"palette_hotkey": "ctrl+spcae", "theme": "dark", "restore_ms": -5}),
        encoding="utf-8",
    )
    settings, problems = load_settings(path)
    assert settings.theme == "dark"
    assert settings.palette_hotkey == "ctrl+alt+space"
    assert settings.restore_ms == 200
    assert [str(p) for p in problems] == [
        f"{path}:1: palette_hotkey: 'ctrl+spcae': unknown key 'spcae' (did you mean 'space'?)"
        " (using the default)",
        f"{path}:1: restore_ms: -5 is out of range (0 to 5000 ms) (using the default)",
    ]


def test_unknown_key_is_a_warning_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"them": "dark"}), encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert [str(p) for p in problems] == [
        f"{path}:1: warning: unknown key 'them' (did you mean 'theme'?)"
    ]


def test_hotkeys_are_stored_in_canonical_form(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"palette_hotkey": "Alt+Ctrl+Q", "snippet_hotkeys": {"a": "Shift+Ctrl+2"}}),
        encoding="utf-8",
    )
    settings, problems = load_settings(path)
    assert problems == []
    assert settings.palette_hotkey == "ctrl+alt+q"
    assert dict(settings.snippet_hotkeys) == {"a": "ctrl+shift+2"}


def test_team_sync_minutes_default_and_bad_values() -> None:
    from quickreply.core.settings import settings_from_json

    assert settings_from_json({})[0].team_sync_minutes == 5
    assert settings_from_json({"team_sync_minutes": 15})[0].team_sync_minutes == 15
    for bad in (0, -1, "5", True, 100_000):
        settings, problems = settings_from_json({"team_sync_minutes": bad})
        assert settings.team_sync_minutes == 5
        assert len(problems) == 1 and "team_sync_minutes" in str(problems[0])


TIMERS = """\
{
  "timers": {
    "queues": [
      {"name": "售前", "target": 3},
      {"name": "", "target": 1}
    ],
    "title_patterns": ["("],
    "auto_start": "yes"
  }
}
"""


def test_timer_settings_are_reported_at_their_lines(tmp_path: Path) -> None:
    """Before, timer settings were checked without the file's lines: every one said line 0."""
    path = tmp_path / "settings.json"
    path.write_text(TIMERS, encoding="utf-8")
    _, problems = load_settings(path)
    assert [(p.line, p.where) for p in problems] == [
        (5, "timers.queues[1]"),
        (7, "timers.title_patterns[0]"),
        (8, "timers.auto_start"),
    ]
