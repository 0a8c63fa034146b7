"""Team packs in the running app: synced off the GUI thread at start and from 立即同步, a tray
message saying what a new version brought, and new or changed replies marked."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from quickreply.core.paths import AppPaths
from quickreply.core.settings import Settings
from quickreply.core.team.keys import LeadKey, create_lead_key
from quickreply.core.team.publish import publish
from quickreply.core.team.sync import SyncResult, TeamSync
from quickreply.ui.settings import SettingsDialog
from quickreply.ui.teamsync import TeamSyncRunner
from tests.app.rig import Rig, make_rig

pytestmark = pytest.mark.gui

PACK = """\
pack: {{id: team.presale, name: 团队售前}}
snippets:
  - {{id: team.warranty, title: 保修政策说明, code: bxzc, text: "{text}",
     note: 问保修, examples: [保修]}}
"""


def clock() -> datetime:
    return datetime.now(UTC)


def lead_publishes(tmp_path: Path, lead: LeadKey, text: str, message: str = "") -> None:
    src = tmp_path / "lead-src"
    src.mkdir(exist_ok=True)
    (src / "team.yaml").write_text(PACK.format(text=text), encoding="utf-8")
    publish([src], tmp_path / "share", lead, clock, message=message)


@pytest.fixture
def lead(tmp_path: Path) -> LeadKey:
    return create_lead_key(tmp_path / "lead", "售前组")


def joined_rig(qtbot: QtBot, tmp_path: Path, lead: LeadKey) -> tuple[Rig, list[tuple[str, str]]]:
    TeamSync(AppPaths.from_env(), clock).join(str(tmp_path / "share"), lead.team.join_code)
    rig = make_rig(qtbot)
    notes: list[tuple[str, str]] = []
    rig.app.tray.notified.connect(lambda title, text: notes.append((title, text)))
    return rig, notes


def palette_titles(rig: Rig, query: str) -> list[str]:
    palette = rig.app.palette
    palette.search_box.setText(query)
    tree = palette.results
    return [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())]


def test_the_app_syncs_at_start_and_from_the_tray(
    qtbot: QtBot, tmp_path: Path, lead: LeadKey
) -> None:
    lead_publishes(tmp_path, lead, "亲，保修一年哦", "首发")
    rig, notes = joined_rig(qtbot, tmp_path, lead)
    assert rig.app.tray.action_sync.isVisible() is False
    rig.app.start()
    assert rig.app.tray.action_sync.isVisible()
    qtbot.waitUntil(
        lambda: ("团队话术已更新到 v1：新增 1 条，修改 0 条", "首发") in notes, timeout=10000
    )
    qtbot.waitUntil(lambda: palette_titles(rig, "bxzc") == ["保修政策说明"], timeout=5000)

    lead_publishes(tmp_path, lead, "亲，保修两年哦", "保修改为两年")
    rig.app.tray.sync_team.emit()  # 立即同步
    qtbot.waitUntil(
        lambda: ("团队话术已更新到 v2：新增 0 条，修改 1 条", "保修改为两年") in notes,
        timeout=10000,
    )
    # Reloaded through the watcher; the changed reply is marked in the palette and library.
    qtbot.waitUntil(lambda: palette_titles(rig, "bxzc") == ["[改] 保修政策说明"], timeout=5000)
    snippet = rig.app.services.library.get("team.warranty")
    assert snippet is not None and "两年" in snippet.text
    rig.app.show_library()
    library = rig.app._library
    assert library is not None
    row = library.list_model.row_of("team.warranty")
    shown = library.list_model.data(library.list_model.index(row, 0))
    assert shown == "bxzc　[改] 保修政策说明"
    rig.app.shut_down()


def test_a_failed_sync_keeps_the_replies_and_says_so_once(
    qtbot: QtBot, tmp_path: Path, lead: LeadKey
) -> None:
    lead_publishes(tmp_path, lead, "亲，保修一年哦")
    rig, notes = joined_rig(qtbot, tmp_path, lead)
    rig.app.start()
    qtbot.waitUntil(lambda: palette_titles(rig, "bxzc") == ["保修政策说明"], timeout=10000)
    (tmp_path / "share" / "current.json").write_text("{}")
    rig.app.tray.sync_team.emit()
    qtbot.waitUntil(lambda: any(t.startswith("团队话术同步失败") for t, _ in notes), timeout=10000)
    _title, text = next((t, x) for t, x in notes if t.startswith("团队话术同步失败"))
    assert text.endswith("keeping v1") and "\n" not in text
    assert palette_titles(rig, "bxzc") == ["保修政策说明"]
    rig.app.shut_down()


class _SlowSyncer:
    def __init__(self) -> None:
        self.thread: int | None = None
        self.release = threading.Event()

    def sync(self, *, force: bool = True) -> SyncResult:
        self.thread = threading.get_ident()
        self.release.wait(5)
        return SyncResult("unchanged", 3)


def test_the_runner_never_blocks_the_gui_thread(qtbot: QtBot) -> None:
    syncer = _SlowSyncer()
    runner = TeamSyncRunner(lambda: syncer, minutes=5)
    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        assert runner.sync_now() is True
        assert runner.sync_now() is False  # one at a time
        syncer.release.set()
    assert syncer.thread != threading.get_ident()
    assert blocker.args[0].version == 3
    runner.stop()


def test_settings_join_fields_refuse_a_damaged_code(qtbot: QtBot, lead: LeadKey) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.team_source.setText("https://example.com/team/")
    dialog.team_code.setText(lead.team.join_code[:-4])
    dialog.accept()
    assert dialog.result() == 0 and dialog.team_error.isVisibleTo(dialog)
    assert "加入码" in dialog.team_error.text()
    dialog.team_code.setText(lead.team.join_code)
    dialog.team_minutes.setValue(15)
    dialog.accept()
    assert dialog.result() == 1
    assert dialog.team_join() == ("https://example.com/team/", lead.team.join_code)
    assert dialog.result_settings().team_sync_minutes == 15


def test_a_lead_sees_the_diff_and_publishes_from_the_library(qtbot: QtBot, tmp_path: Path) -> None:
    from quickreply.core.team.preview import Target, save_target
    from quickreply.ui.publish import PublishDialog

    paths = AppPaths.from_env()
    key = create_lead_key(paths.config / "team", "售前组")
    lead_publishes(tmp_path, key, "亲，保修一年哦", "首发")
    save_target(paths.config / "team", Target((tmp_path / "lead-src",), tmp_path / "share"))
    src = tmp_path / "lead-src" / "team.yaml"
    src.write_text(PACK.format(text="亲，保修两年哦"), encoding="utf-8")

    rig = make_rig(qtbot)
    rig.app.show_library()
    library = rig.app._library
    assert library is not None and library.publish_button.isVisibleTo(library)
    library.publish_button.click()
    dialog = rig.app._publish_dialog
    assert isinstance(dialog, PublishDialog)
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "当前版本 v1　新增 0 条，修改 1 条，删除 0 条"
    text = dialog.details.toPlainText()
    assert (
        "保修政策说明" in text and "原来：亲，保修一年哦" in text and "现在：亲，保修两年哦" in text
    )
    dialog.message.setText("保修改为两年")
    with qtbot.waitSignal(dialog.finished_publish, timeout=10000) as done:
        dialog.publish_button.click()
    assert done.args == [True, "v2: 0 added, 1 changed, 0 removed"]
    assert (tmp_path / "share" / "v2" / "team.yaml").is_file()
    rig.app.shut_down()


def test_the_publish_button_is_hidden_without_the_team_key(qtbot: QtBot) -> None:
    rig = make_rig(qtbot)
    rig.app.show_library()
    library = rig.app._library
    assert library is not None and not library.publish_button.isVisibleTo(library)
    rig.app.shut_down()


def test_joining_in_settings_gives_up_a_chosen_team_folder(
    qtbot: QtBot, tmp_path: Path, lead: LeadKey
) -> None:
    lead_publishes(tmp_path, lead, "亲，保修一年哦")
    rig = make_rig(qtbot, settings={"team_dir": str(tmp_path / "old-team")})
    notes: list[tuple[str, str]] = []
    rig.app.tray.notified.connect(lambda title, text: notes.append((title, text)))
    rig.app.apply_team_join((str(tmp_path / "share"), lead.team.join_code))
    assert rig.app.services.settings.team_dir == ""
    qtbot.waitUntil(lambda: palette_titles(rig, "bxzc") == ["保修政策说明"], timeout=10000)
    assert any(t.startswith("团队话术已更新到 v1") for t, _ in notes)
    rig.app.shut_down()
