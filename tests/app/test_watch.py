"""Packs and the shop profile change while the app runs: a lead publishes to the team folder,
an agent saves a personal reply, or the folders change in settings. The palette, the snippet
hotkeys and the previews follow without a restart, and a broken publish is shown, not fatal."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from quickreply.app.watch import LibraryWatcher
from quickreply.core.paths import AppPaths
from tests.app.rig import Rig, make_rig
from tests.conftest import SHIPPED

pytestmark = pytest.mark.gui

TEAM_PACK = """\
pack: {id: team.campaign, name: 双11话术, version: 2}
snippets:
  - id: campaign.presale
    title: 双十一预售说明
    code: ssyys
    group: 活动/双11
    text: 亲，双十一预售定金不退哦，尾款时间在页面上有提示~
    hotkey: ctrl+alt+8
"""


def titles_found(rig: Rig, query: str) -> list[str]:
    return [hit.snippet.title for hit in rig.app.services.index.search(query)]


def palette_rows(rig: Rig, query: str) -> list[str]:
    palette = rig.app.palette
    palette.search_box.setText(query)
    tree = palette.results
    return [tree.topLevelItem(i).text(2) for i in range(tree.topLevelItemCount())]


def test_a_pack_published_to_the_team_folder_reaches_the_palette_and_its_hotkey(
    qtbot: QtBot,
) -> None:
    rig = make_rig(qtbot)
    assert titles_found(rig, "ssyys") == []
    team = AppPaths.from_env().team
    (team / "campaign.yaml").write_text(TEAM_PACK, encoding="utf-8")

    qtbot.waitUntil(lambda: "双十一预售说明" in palette_rows(rig, "ssyys"), timeout=5000)
    chat = rig.chat("小雨同学 - 千牛工作台")
    rig.press("ctrl+alt+8")  # the pack's own direct hotkey, registered by the reload
    qtbot.waitUntil(lambda: chat.text.startswith("亲，双十一预售定金不退哦"), timeout=2000)


def test_a_changed_shop_profile_changes_the_rendered_reply(qtbot: QtBot) -> None:
    rig = make_rig(qtbot)
    snippet = rig.app.services.library.get("shipping.free")
    assert snippet is not None
    values = {"amount": "150", "region": "广东"}
    assert "包邮" in rig.app.services.renderer.render(snippet, values)
    assert "还差" not in rig.app.services.renderer.render(snippet, values)

    shop = (SHIPPED / "shop.yaml").read_text(encoding="utf-8")
    raised = shop.replace("threshold: 99 ", "threshold: 199 ", 1)
    assert raised != shop
    (AppPaths.from_env().team / "shop.yaml").write_text(raised, encoding="utf-8")

    qtbot.waitUntil(
        lambda: (
            rig.app.services.shop is not None
            and "199" in str(rig.app.services.renderer.render(snippet, values))
        ),
        timeout=5000,
    )
    assert "再买49元" in rig.app.services.renderer.render(snippet, values)


def test_a_broken_publish_is_shown_in_the_tray_and_the_good_packs_keep_working(
    qtbot: QtBot,
) -> None:
    rig = make_rig(qtbot)
    team = AppPaths.from_env().team
    with qtbot.waitSignal(rig.app.tray.notified, timeout=5000) as shown:
        (team / "broken.yaml").write_text("pack: {id: team.broken\nsnippets: [", encoding="utf-8")
    title, message = shown.args
    assert title == "话术包有问题"
    assert "broken.yaml:2: YAML syntax error" in message
    assert titles_found(rig, "zzqa")[0] == "测试问候甲"  # the personal pack still loads


def test_changing_the_personal_folder_in_settings_loads_its_packs(
    qtbot: QtBot, tmp_path: Path
) -> None:
    rig = make_rig(qtbot)
    elsewhere = tmp_path / "另一个文件夹"
    elsewhere.mkdir()
    (elsewhere / "campaign.yaml").write_text(TEAM_PACK, encoding="utf-8")
    settings = rig.app.services.settings.with_changes(personal_dir=str(elsewhere))
    rig.app.apply_settings(settings)
    assert titles_found(rig, "ssyys") == ["双十一预售说明"]
    assert titles_found(rig, "zzqa") == []  # the old personal folder is no longer read


def test_only_regular_pack_files_are_watched(tmp_path: Path, qtbot: QtBot, qtlog: Any) -> None:
    """A symlink loop or a FIFO is reported once by the loader; the watcher adds no Qt warning."""
    paths = AppPaths.from_env()
    paths.team.mkdir(parents=True, exist_ok=True)
    (paths.team / "good.yaml").write_text(TEAM_PACK, encoding="utf-8")
    (paths.team / "self.yaml").symlink_to("self.yaml")
    os.mkfifo(paths.team / "pipe.yaml")
    parent = QObject()  # owns the watcher: it must outlive the checks below
    watcher = LibraryWatcher(parent, lambda: None)
    watcher.watch(paths, (), tmp_path / "no-shop.yaml")
    assert sorted(Path(p).name for p in watcher.watcher.files()) == ["good.yaml"]
    assert [r.message for r in qtlog.records if "inotify" in r.message] == []
