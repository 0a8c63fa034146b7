"""Saved settings take effect at once: hotkeys, paste timings, the paste backend."""

from __future__ import annotations

import json
from typing import cast

import pytest
from pytestqt.qtbot import QtBot

from quickreply.core.paths import AppPaths
from quickreply.platforms.fake import FakeHotkeys
from tests.app.rig import Rig, make_rig

pytestmark = pytest.mark.gui


def test_changed_hotkeys_are_re_registered_live(rig: Rig) -> None:
    new = rig.app.services.settings.with_changes(
        palette_hotkey="ctrl+alt+q", waiting_hotkey="ctrl+shift+w"
    )
    assert rig.app.apply_settings(new) == []
    registered = {name: str(c) for name, c in rig.backend.hotkeys.registered().items()}
    assert registered["palette"] == "ctrl+alt+q"
    assert registered["timer:waiting"] == "ctrl+shift+w"
    assert not cast(FakeHotkeys, rig.backend.hotkeys).press("ctrl+alt+space")
    rig.press("ctrl+alt+q")
    assert rig.app.palette.isVisible()
    rig.app.palette.hide()
    saved = json.loads(AppPaths.from_env().settings_file.read_text(encoding="utf-8"))
    assert saved["palette_hotkey"] == "ctrl+alt+q"


def test_a_clash_keeps_the_old_hotkey_and_says_so(rig: Rig) -> None:
    rig.desk.taken.add("ctrl+alt+k")
    shown: list[tuple[str, str]] = []
    rig.app.tray.notified.connect(lambda title, message: shown.append((title, message)))
    problems = rig.app.apply_settings(
        rig.app.services.settings.with_changes(palette_hotkey="ctrl+alt+k")
    )
    message = (
        "hotkey ctrl+alt+k for 'palette' is already taken by another program; "
        "it stays on ctrl+alt+space"
    )
    assert [p.message for p in problems] == [message]
    line = (
        "快捷键 Ctrl+Alt+K（呼出快捷回复）已被其他程序占用，仍使用原来的 Ctrl+Alt+Space："
        "请在设置里换一个组合，或关闭占用它的程序。"
    )
    assert shown == [("有快捷键无法使用", line)]
    assert line in rig.app.palette.footer.text().splitlines()
    rig.press("ctrl+alt+space")
    assert rig.app.palette.isVisible()
    rig.app.palette.hide()
    assert rig.app.services.settings.palette_hotkey == "ctrl+alt+space"  # what works is saved


def test_paste_settings_apply_when_saved(rig: Rig, qtbot: QtBot) -> None:
    chat = rig.chat("阿杰 - 千牛工作台")
    new = rig.app.services.settings.with_changes(
        paste_shortcut="shift+insert", pre_paste_ms=20, restore_ms=50
    )
    rig.app.apply_settings(new)
    assert rig.app.service is not None
    assert rig.app.service.settings.pre_paste_delay_ms == 20
    assert rig.app.service.settings.restore_delay_ms == 50
    rig.palette_paste(qtbot, "zzqa")
    qtbot.waitUntil(lambda: chat.text == "亲，在的~", timeout=2000)
    assert rig.desk.events == ["shift+insert"]


def test_paste_backend_setting_switches_live_and_the_environment_wins(
    rig: Rig, qtbot: QtBot
) -> None:
    off = rig.app.services.settings.with_changes(paste_backend="none")
    rig.app.apply_settings(off)
    assert rig.backend.hotkeys.registered() == {}
    assert rig.app.palette.footer.text().startswith(
        "粘贴不可用：自动粘贴和全局快捷键已在设置里关闭。"
    )
    rig.app.apply_settings(off.with_changes(paste_backend="auto"))
    assert "palette" in rig.backend.hotkeys.registered()
    assert rig.app.palette.paste_enabled

    forced = make_rig(qtbot, settings={"paste_backend": "none"}, env={"QUICKREPLY_BACKEND": "x"})
    assert forced.app.palette.paste_enabled  # QUICKREPLY_BACKEND overrides the setting


def test_wait_timer_settings_apply_at_once(rig: Rig) -> None:
    """Queue targets and the auto-start switch saved in 设置 → 等待计时 work without a
    restart: a chat asking for attention no longer starts a clock once it is off."""
    chat = rig.chat("小雨同学 - 千牛工作台")
    panel = rig.app.timers_panel()
    queues = [{"name": "售前", "target": 20, "red_after": 60}, {"name": "售后", "target": 30}]
    new = rig.app.services.settings.with_changes(
        timers={"queues": queues, "auto_start": False}, waiting_hotkey="ctrl+alt+9"
    )
    rig.app.apply_settings(new)
    assert panel.model.config.rule("售前").target == 20
    assert "Ctrl+Alt+9" in panel.empty_label.text()
    assert not rig.desk.ask_attention(chat)
    rig.app.apply_settings(new.with_changes(timers={"auto_start": True}))
    assert rig.desk.ask_attention(chat)
    assert [c.label for c in panel.model.waiting()] == ["小雨同学"]
