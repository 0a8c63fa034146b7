"""The composition root: screenshots of every view, settings problems, the tray-resident app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from quickreply.app import QuickReplyApp, build_services, make_qapp
from quickreply.cli import VIEWS, main
from quickreply.core.paths import AppPaths
from quickreply.ui.i18n import resolve_language

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("view", VIEWS)
def test_screenshot_of_each_view_writes_a_png(tmp_path: Path, view: str) -> None:
    out = tmp_path / "shots" / f"{view}.png"
    assert main(["--screenshot", str(out), "--view", view]) == 0
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() >= 300 and image.height() >= 200


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


def test_app_lives_in_the_tray_and_the_palette_opens_from_it(qtbot: QtBot) -> None:
    qapp = make_qapp()
    app = QuickReplyApp(qapp, build_services(AppPaths.from_env()), lang="zh_CN")
    assert len(app.services.library) > 0  # the shipped packs
    app.tray.action_palette.trigger()
    qtbot.addWidget(app.palette)
    assert app.palette.isVisible()
    assert "粘贴不可用" in app.palette.footer.text()  # no paste backend wired in this test
    app.palette.hide()
    app.set_paused(True)
    app.on_hotkey("palette")
    assert not app.palette.isVisible()
    app.set_paused(False)
    app.on_hotkey("palette")
    assert app.palette.isVisible()
    app.palette.hide()


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("system", "zh_CN", "zh_CN"),
        ("system", "zh_HK", "zh_TW"),
        ("system", "en_US", "en"),
        ("system", "de_DE", "zh_CN"),
        ("zh_TW", "en_US", "zh_TW"),
        ("en", "zh_CN", "en"),
    ],
)
def test_language_follows_the_setting_or_the_system(
    setting: str, system: str, expected: str
) -> None:
    assert resolve_language(setting, system) == expected
