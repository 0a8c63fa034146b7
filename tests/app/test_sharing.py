"""The daily report in the app: the notice, the 设置 box, and the day shared at quit off the GUI
thread, with nothing of the buyer in it."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import quickreply.app.sharing as sharing
from quickreply.core.paths import AppPaths
from quickreply.core.settings import Settings
from quickreply.ui.settings import SettingsDialog
from quickreply.ui.sharebox import shared_text
from tests.app.rig import make_rig

pytestmark = pytest.mark.gui


def test_the_day_is_shared_at_quit_off_the_gui_thread_without_the_buyer(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drop = tmp_path / "share"
    drop.mkdir()
    threads: list[str] = []
    real = sharing.share_once

    def spy(*args: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(sharing, "share_once", spy)
    rig = make_rig(
        qtbot, settings={"share_daily": True, "share_drop": str(drop), "agent_id": "A007"}
    )
    notices: list[tuple[str, str]] = []
    rig.app.tray.notified.connect(lambda title, text: notices.append((title, text)))
    rig.app.start()
    assert ("团队日报已开启", shared_text()) in notices  # told once sharing starts
    qtbot.waitUntil(lambda: not rig.app.sharing.running, timeout=5000)
    chat = rig.chat("王小明 - 千牛工作台")
    rig.press("ctrl+alt+w")
    rig.palette_paste(qtbot, "zzqa")
    qtbot.waitUntil(lambda: chat.text == "亲，在的~", timeout=2000)
    rig.app.shut_down()
    assert threads and "MainThread" not in threads
    files = list(drop.glob("*_A007.json"))
    assert len(files) == 1
    data = files[0].read_bytes()
    doc = json.loads(data)
    assert doc["uses"] == {"greet": 1}
    assert sum(q[0] for q in doc["queues"].values()) == 1  # the reply stopped the clock
    assert "王小明".encode() not in data and "千牛".encode() not in data
    assert not list((AppPaths.from_env().data / "daily-outbox").glob("*_A007.json"))


def test_sharing_off_writes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    rig = make_rig(qtbot, settings={"share_drop": str(tmp_path), "agent_id": "A007"})
    rig.app.start()
    rig.app.shut_down()
    assert list(tmp_path.glob("*.json")) == []


def test_settings_say_exactly_what_is_shared_and_keep_the_choices(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(), shop_agent_id="S01")
    qtbot.addWidget(dialog)
    box = dialog.share_box
    assert box.what.text() == shared_text()
    for never in ("买家昵称", "聊天窗口标题", "聊天内容", "剪贴板内容"):
        assert never in box.what.text()
    assert "S01" in box.agent_id.placeholderText()
    box.enabled.setChecked(True)
    box.drop.setText(" https://nas.example/dav/drop/ ")
    box.agent_id.setText("A007")
    result = dialog.result_settings()
    assert (result.share_daily, result.share_drop, result.agent_id) == (
        True,
        "https://nas.example/dav/drop/",
        "A007",
    )


def test_settings_say_the_team_turned_sharing_on_and_show_no_password(qtbot: QtBot) -> None:
    dialog = SettingsDialog(
        Settings(), team_share_drop="https://agent:pw123@nas.example/dav/qr-drop/"
    )
    qtbot.addWidget(dialog)
    box = dialog.share_box
    assert box.enabled.isChecked() and not box.enabled.isEnabled()
    assert box.team_note.isVisibleTo(dialog)
    assert "组长已为团队开启团队日报" in box.team_note.text()
    assert box.drop.text() == "https://nas.example/dav/qr-drop/" and box.drop.isReadOnly()
    assert box.what.text() == shared_text()  # exactly what is shared, as for a local switch
    result = dialog.result_settings()
    assert (result.share_daily, result.share_drop) == (False, "")  # the agent's own, kept


def test_settings_without_a_team_switch_show_no_team_note(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert not dialog.share_box.team_note.isVisibleTo(dialog)
    assert dialog.share_box.enabled.isEnabled()
