"""开机自动启动 in 设置: the OS entry is written and removed; a failure is shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from quickreply.app.main import login_start
from quickreply.platforms.autostart import XdgAutostart
from quickreply.ui.settings import SettingsDialog
from tests.app.rig import Rig

pytestmark = pytest.mark.gui

COMMAND = ["/opt/QuickReply/QuickReply"]


def save_with_autostart(monkeypatch: pytest.MonkeyPatch, checked: bool) -> list[bool]:
    """The agent opens 设置, sets 开机自动启动 to ``checked`` and presses 保存; returns what
    the dialog showed when it opened."""
    shown: list[bool] = []

    def exec_(dialog: SettingsDialog) -> int:
        shown.append(dialog.autostart.isChecked())
        dialog.autostart.setChecked(checked)
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    return shown


def test_the_option_writes_and_removes_the_autostart_entry(
    rig: Rig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = tmp_path / "cfg" / "autostart" / "quickreply.desktop"
    rig.app.autostart = XdgAutostart(COMMAND, tmp_path / "cfg")

    shown = save_with_autostart(monkeypatch, True)
    rig.app.show_settings()
    assert shown == [False]
    assert "Exec=/opt/QuickReply/QuickReply" in entry.read_text(encoding="utf-8").splitlines()

    shown = save_with_autostart(monkeypatch, False)
    rig.app.show_settings()
    assert shown == [True]
    assert not entry.exists()


def test_a_failure_is_shown_and_nothing_is_saved_as_on(
    rig: Rig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "cfg"
    blocker.write_text("not a folder", encoding="utf-8")
    rig.app.autostart = XdgAutostart(COMMAND, blocker)
    notes: list[tuple[str, str]] = []
    rig.app.tray.notified.connect(lambda title, message: notes.append((title, message)))
    save_with_autostart(monkeypatch, True)
    rig.app.show_settings()
    assert len(notes) == 1
    assert notes[0][1].startswith("无法设置开机自动启动（")
    assert rig.app.starts_at_login() is False


def test_linux_login_start_runs_this_python(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sys

    monkeypatch.setattr(sys, "platform", "linux")
    autostart = login_start({"XDG_CONFIG_HOME": str(tmp_path)})
    assert isinstance(autostart, XdgAutostart)
    assert autostart.command == [sys.executable, "-m", "quickreply"]
    assert autostart.path == tmp_path / "autostart" / "quickreply.desktop"
