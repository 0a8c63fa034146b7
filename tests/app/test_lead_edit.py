"""On the lead's machine the library edits the team packs in the publish source, and 发布…
shows those edits; an agent without the team key still sees team packs read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from quickreply.core.paths import AppPaths
from quickreply.core.team.keys import create_lead_key
from quickreply.core.team.preview import Target, save_target
from quickreply.core.team.sync import TeamSync
from quickreply.ui.library import LibraryWindow
from quickreply.ui.publish import PublishDialog
from tests.app.rig import make_rig
from tests.app.test_team_sync import clock, lead_publishes

pytestmark = pytest.mark.gui


def open_library(rig_app: object) -> LibraryWindow:
    rig_app.show_library()  # type: ignore[attr-defined]
    library = rig_app._library  # type: ignore[attr-defined]
    assert isinstance(library, LibraryWindow)
    return library


def test_the_lead_edits_a_team_reply_and_the_publish_diff_shows_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    paths = AppPaths.from_env()
    key = create_lead_key(paths.config / "team", "售前组")
    lead_publishes(tmp_path, key, "亲，保修一年哦", "首发")
    src = tmp_path / "lead-src" / "team.yaml"
    save_target(paths.config / "team", Target((src.parent,), tmp_path / "share"))

    rig = make_rig(qtbot)
    library = open_library(rig.app)
    assert library.select_snippet("team.warranty")
    assert library.edit_button.isEnabled() and not library.lock_label.isVisibleTo(library)
    # The publish source's path is the tooltip: the line names the pack, not a folder.
    assert "发布源" in library.source_label.text() and str(src) in library.source_label.toolTip()
    assert library.edit_current()
    library.editor.text_edit.setPlainText("亲，保修两年哦")
    assert library.save_draft()
    # Saved into the publish source, the previous file kept; the published version untouched.
    assert "亲，保修两年哦" in src.read_text(encoding="utf-8")
    assert "亲，保修一年哦" in src.with_name("team.yaml.bak").read_text(encoding="utf-8")
    assert "亲，保修一年哦" in (tmp_path / "share" / "v1" / "team.yaml").read_text("utf-8")

    library.select_snippet("team.warranty")
    assert library.new_snippet()
    library.editor.title_edit.setText("发货时间")
    library.editor.text_edit.setPlainText("亲，48小时内发货哦")
    assert library.save_draft()

    library.publish_button.click()
    dialog = rig.app._publish_dialog
    assert isinstance(dialog, PublishDialog)
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "当前版本 v1　新增 1 条，修改 1 条，删除 0 条"
    text = dialog.details.toPlainText()
    assert "原来：亲，保修一年哦" in text and "现在：亲，保修两年哦" in text
    assert "发货时间" in text and "亲，48小时内发货哦" in text
    rig.app.shut_down()


def test_an_agent_without_the_key_cannot_edit_team_replies(qtbot: QtBot, tmp_path: Path) -> None:
    lead = create_lead_key(tmp_path / "lead", "售前组")
    lead_publishes(tmp_path, lead, "亲，保修一年哦")
    sync = TeamSync(AppPaths.from_env(), clock)
    sync.join(str(tmp_path / "share"), lead.team.join_code)
    sync.sync()

    rig = make_rig(qtbot)
    library = open_library(rig.app)
    assert library.select_snippet("team.warranty")
    assert not library.edit_button.isEnabled() and library.lock_label.isVisibleTo(library)
    assert not library.edit_current()
    assert "只读" in library.message_label.text()
    assert not library.delete_current()
    assert "亲，保修一年哦" in (tmp_path / "lead-src" / "team.yaml").read_text("utf-8")
    assert not library.publish_button.isVisibleTo(library)
    rig.app.shut_down()
