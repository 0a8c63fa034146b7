"""A reply hotkey assigned in 设置 shows in the palette's row, at its right end, small and muted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quickreply.app.views import RESOURCES, make_settings_dialog
from quickreply.ui.palette import PaletteWindow
from quickreply.ui.themes import apply_theme
from quickreply.ui.tones import DARK, LIGHT
from tests.app.rig import Rig

pytestmark = pytest.mark.gui


def assign_in_settings(rig: Rig, snippet_id: str, keys: str) -> None:
    """Open 设置, pick the reply in the hotkey table, press ``keys``, save."""
    dialog = make_settings_dialog(rig.app.services, probe=rig.app.probe_hotkey)
    table = dialog.snippet_table
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.data(0x0100) == snippet_id:
            table.setCurrentCell(row, 0)
            break
    else:
        raise AssertionError(snippet_id)
    capture = dialog.snippet_hotkey.capture
    capture.setKeySequence(QKeySequence(keys))
    capture.editingFinished.emit()
    rig.app.apply_settings(dialog.result_settings())
    dialog.deleteLater()


def row_of(palette: PaletteWindow, code: str) -> int:
    for row in range(palette.results.topLevelItemCount()):
        item = palette.results.topLevelItem(row)
        if item is not None and item.text(1) == code:
            return row
    raise AssertionError(code)


def hint_pixels(palette: PaletteWindow, row: int, colour: QColor) -> tuple[int, int]:
    """Pixels near ``colour`` in the right half of the row's marks cell, and the height of the
    band they cover (glyph height)."""
    QApplication.processEvents()
    view = palette.results
    item = view.topLevelItem(row)
    assert item is not None
    rect = view.visualItemRect(item)
    left = view.header().sectionPosition(4)
    width = view.header().sectionSize(4)
    area = QRect(left + width // 2, rect.top(), width - width // 2, rect.height())
    image: QImage = view.viewport().grab().toImage()
    count, rows = 0, set()
    for x in range(area.left(), area.right()):
        for y in range(area.top(), area.bottom()):
            c = image.pixelColor(x, y)
            near = abs(c.red() - colour.red()) + abs(c.green() - colour.green())
            if near + abs(c.blue() - colour.blue()) < 90:  # anti-aliased small glyphs too
                count += 1
                rows.add(y)
    return count, (max(rows) - min(rows) + 1) if rows else 0


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_hotkey_assigned_in_settings_is_painted_in_the_reply_row(
    rig: Rig, qtbot: QtBot, theme: str
) -> None:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    apply_theme(qapp, theme, RESOURCES / "themes")
    muted = QColor((DARK if theme == "dark" else LIGHT).muted)
    try:
        palette = rig.app.palette
        palette.resize(680, 520)
        palette.show()
        palette.search_box.setText("zzq")  # greet (zzqa), thanks (zzqb), macro (zzqm)
        palette.results.select_row(row_of(palette, "zzqm"))  # greet's row is not selected
        greet = row_of(palette, "zzqa")
        assert hint_pixels(palette, greet, muted)[0] == 0  # no hotkey yet

        assign_in_settings(rig, "greet", "Ctrl+Alt+5")

        assert "ctrl+alt+5" in {str(c) for c in rig.backend.hotkeys.registered().values()}
        palette.search_box.setText("zzq")
        palette.results.select_row(row_of(palette, "zzqm"))
        greet = row_of(palette, "zzqa")
        item = palette.results.topLevelItem(greet)
        assert item is not None and item.text(4).endswith("Ctrl+Alt+5")
        painted, height = hint_pixels(palette, greet, muted)
        assert painted > 20  # the hotkey is drawn, muted, in the right half of the row's end
        title_height = palette.results.fontMetrics().height()
        assert 0 < height < title_height  # smaller than the row's text
    finally:
        qapp.setStyleSheet("")


def test_a_pack_hotkey_turned_off_in_settings_leaves_the_row(rig: Rig) -> None:
    palette = rig.app.palette
    palette.search_box.setText("zzqb")  # thanks: the pack gives it ctrl+alt+7
    item = palette.results.topLevelItem(0)
    assert item is not None and item.text(4) == "Ctrl+Alt+7"
    rig.app.apply_settings(rig.app.services.settings.with_changes(snippet_hotkeys={"thanks": ""}))
    palette.search_box.setText("zzqb")
    item = palette.results.topLevelItem(0)
    assert item is not None and item.text(4) == ""
