"""The view factories: a screenshot of every view, in the language chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGroupBox
from pytestqt.qtbot import QtBot

from quickreply.cli import VIEWS, main
from quickreply.ui.i18n import resolve_language

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("view", VIEWS)
def test_screenshot_of_each_view_writes_a_png(tmp_path: Path, view: str) -> None:
    out = tmp_path / "shots" / f"{view}.png"
    assert main(["--screenshot", str(out), "--view", view]) == 0
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() >= 300 and image.height() >= 200


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


def test_the_library_screenshot_shows_a_reply_with_its_template_toggle(qtbot: QtBot) -> None:
    from quickreply.app.services import build_services
    from quickreply.app.views import VIEW_BUILDERS
    from quickreply.core.paths import AppPaths
    from quickreply.ui.library import LibraryWindow

    services = build_services(AppPaths.from_env())
    window = VIEW_BUILDERS["library"](services)
    assert isinstance(window, LibraryWindow)
    window.show()
    current = window.current_snippet()
    assert current is not None and current.fields  # the first reply has none: no 模板 toggle
    assert window.template_toggle.isVisible()
    # One search everywhere: the app's library filter is the palette's ranked search.
    window.filter_edit.setText("kuaidi")
    listed = [s.id for s in window.listed_snippets()]
    assert "courier.which" in listed
    assert listed == [hit.snippet.id for hit in services.index.search("kuaidi", len(listed) + 50)]
    window.close()


def test_the_editor_screenshot_shows_fields_and_the_inline_offer(qtbot: QtBot) -> None:
    from quickreply.app.services import build_services
    from quickreply.app.views import VIEW_BUILDERS
    from quickreply.core.paths import AppPaths
    from quickreply.ui.library import LibraryWindow

    window = VIEW_BUILDERS["editor"](build_services(AppPaths.from_env()))
    assert isinstance(window, LibraryWindow)
    window.show()
    editor = window.editor
    assert window.is_editing() and editor.fields_table.rowCount() >= 1
    assert editor.declare_bar.isVisible() and editor.undeclared_names() == ["order_no"]
    assert [p.code for p in editor.problems()] == ["template.unknown_name"]
    window.close()  # drops the unsaved copy without asking: nothing is written


def test_the_lower_settings_screenshot_shows_the_team_sections(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from quickreply.app.services import build_services
    from quickreply.app.views import VIEW_BUILDERS
    from quickreply.core.paths import AppPaths
    from quickreply.ui.settings import SettingsDialog

    dialog = VIEW_BUILDERS["settings-lower"](build_services(AppPaths.from_env()))
    assert isinstance(dialog, SettingsDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    bar = dialog.sections.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum() > 0)
    QApplication.processEvents()
    # The last section (加入团队) is in sight, the first (快捷键) scrolled away.
    viewport = dialog.sections.viewport()
    shown = [
        box.title()
        for box in dialog.findChildren(QGroupBox)
        if box.visibleRegion().boundingRect().height() > 0 and viewport.isAncestorOf(box)
    ]
    assert "加入团队" in shown and "快捷键" not in shown
