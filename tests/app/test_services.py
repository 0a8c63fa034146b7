"""The services: settings problems and the folders settings choose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quickreply.app.services import build_services
from quickreply.core.paths import AppPaths

pytestmark = pytest.mark.gui


def test_corrupt_settings_start_with_defaults_and_say_so(qr_home: Path) -> None:
    settings_file = AppPaths.from_env().settings_file
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("{not json", encoding="utf-8")
    services = build_services(AppPaths.from_env())
    assert services.settings.palette_hotkey == "ctrl+alt+space"
    assert any("the file is corrupt" in str(p) for p in services.problems)
    assert settings_file.with_name("settings.json.corrupt").exists()


def test_folders_from_settings_replace_the_defaults(qr_home: Path, tmp_path: Path) -> None:
    settings_file = AppPaths.from_env().settings_file
    settings_file.parent.mkdir(parents=True)
    mine = tmp_path / "我的话术"
    settings_file.write_text(json.dumps({"personal_dir": str(mine)}), encoding="utf-8")
    assert build_services(AppPaths.from_env()).paths.personal == mine
