"""The tray menu, the waiting badge, messages, and the single-instance guard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from quickreply.ui.single_instance import SingleInstance, server_name
from quickreply.ui.tray import Tray, badged_icon

pytestmark = pytest.mark.gui


def test_menu_entries_in_order(qtbot: QtBot) -> None:
    tray = Tray(QIcon())
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator() and a.isVisible()]
    assert texts == ["打开快捷回复", "话术库", "等待计时", "新人训练", "设置…", "暂停热键", "退出"]


def test_sync_now_shows_after_joining_a_team_and_emits(qtbot: QtBot) -> None:
    tray = Tray(QIcon())
    tray.action_sync.setVisible(True)
    texts = [a.text() for a in tray.menu.actions() if not a.isSeparator() and a.isVisible()]
    assert texts[4:6] == ["设置…", "立即同步"]
    with qtbot.waitSignal(tray.sync_team, timeout=1000):
        tray.action_sync.trigger()


def test_timers_entry_hidden_when_there_is_no_timer_panel(qtbot: QtBot) -> None:
    tray = Tray(QIcon(), timers=False)
    assert not tray.action_timers.isVisible()


def test_each_entry_emits_its_signal(qtbot: QtBot) -> None:
    tray = Tray(QIcon())
    for action, signal in [
        (tray.action_palette, tray.open_palette),
        (tray.action_library, tray.open_library),
        (tray.action_timers, tray.open_timers),
        (tray.action_settings, tray.open_settings),
        (tray.action_quit, tray.quit_requested),
    ]:
        with qtbot.waitSignal(signal, timeout=500):
            action.trigger()


def test_pause_toggles_and_says_so_in_the_tooltip(qtbot: QtBot) -> None:
    tray = Tray(QIcon())
    with qtbot.waitSignal(tray.pause_toggled, timeout=500) as blocker:
        tray.action_pause.trigger()
    assert blocker.args == [True]
    assert tray.icon.toolTip() == "快捷回复助手（热键已暂停）"
    tray.action_pause.trigger()
    assert tray.icon.toolTip() == "快捷回复助手"


def test_a_second_instance_brings_the_first_forward(qtbot: QtBot, tmp_path: Path) -> None:
    name = server_name(tmp_path)
    first = SingleInstance(name)
    assert first.claim()
    second = SingleInstance(name)
    with qtbot.waitSignal(first.activated, timeout=2000):
        assert not second.claim()
    first.release()
    third = SingleInstance(name)  # the first one is gone: the next launch runs
    assert third.claim()
    third.release()


def test_server_name_differs_per_config_folder(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")


def test_tray_badge_counts_the_waiting_buyers(qtbot: QtBot) -> None:
    tray = Tray(QIcon())
    tray.set_waiting(3)
    assert tray.icon.toolTip() == "快捷回复助手\n3 位买家在等待"
    image = badged_icon(QIcon(), 3).pixmap(64, 64).toImage()
    assert image.pixelColor(50, 4).name() == "#d32f2f"  # the red disc, top right
    assert image.pixelColor(4, 60).name() != "#d32f2f"
    tray.set_waiting(0)
    assert tray.icon.toolTip() == "快捷回复助手"

    tray.set_waiting(120)
    assert tray.icon.toolTip() == "快捷回复助手\n120 位买家在等待"  # the badge says 99+


def test_every_message_is_signalled_even_without_a_tray(qtbot: QtBot) -> None:
    tray = Tray(QIcon())
    with qtbot.waitSignal(tray.notified, timeout=500) as blocker:
        tray.notify("买家等待超时", "小雨同学 已等待 3:00")
    assert blocker.args == ["买家等待超时", "小雨同学 已等待 3:00"]
