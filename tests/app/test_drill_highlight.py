"""The drill's and the exam's palettes highlight the characters the query matched, as the main
palette does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quickreply.app.services import build_services
from quickreply.app.views import RESOURCES, make_qapp, make_training_view
from quickreply.core.paths import AppPaths
from quickreply.core.training.drill import Mode
from quickreply.core.training.progress import ProgressStore
from quickreply.ui.palette_delegate import DARK_ACCENT, LIGHT_ACCENT
from quickreply.ui.themes import apply_theme

pytestmark = pytest.mark.gui


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest) -> Iterator[str]:
    qapp = make_qapp()
    apply_theme(qapp, request.param, RESOURCES / "themes")
    yield request.param
    qapp.setStyleSheet("")


def accent_pixels(image: QImage, rect: QRect, accent: QColor) -> int:
    count = 0
    for x in range(rect.left(), rect.right()):
        for y in range(rect.top(), rect.bottom()):
            c = image.pixelColor(x, y)
            near = abs(c.red() - accent.red()) + abs(c.green() - accent.green())
            if near + abs(c.blue() - accent.blue()) < 40:
                count += 1
    return count


@pytest.mark.parametrize("tab", ["drill", "exam"])
def test_the_drill_palette_paints_the_matched_characters(
    qtbot: QtBot, theme: str, tab: str
) -> None:
    services = build_services(AppPaths.from_env())  # the shipped packs and the shipped exam
    window = make_training_view(services, ProgressStore(None), hand_in=False)
    qtbot.addWidget(window)
    window.show()
    if tab == "drill":
        window.drill.start(Mode.MIXED)
        picker = window.drill.board.picker
    else:
        window.tabs.setCurrentWidget(window.exam)
        window.exam.start()
        assert window.exam.stack.currentWidget() is window.exam.board
        picker = window.exam.board.picker
    picker.search_box.setText("kuaidi")
    snippet = picker.current_snippet()
    assert snippet is not None and "快递" in snippet.title
    QApplication.processEvents()
    view = picker.results
    item = view.topLevelItem(0)
    assert item is not None
    row = view.visualItemRect(item)
    title = QRect(
        view.header().sectionPosition(2), row.top(), view.header().sectionSize(2), row.height()
    )
    image = view.viewport().grab().toImage()
    # 快递 is painted in the accent colour, bold, as in the main palette.
    assert accent_pixels(image, title, DARK_ACCENT if theme == "dark" else LIGHT_ACCENT) > 20
