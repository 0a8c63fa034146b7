"""Scroll bars and progress bars stand out from their groove (3:1, WCAG's non-text contrast) in
both themes: in the dark one the scroll bars were empty boxes and the ready bar 1.9:1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QProgressBar,
    QStyle,
    QStyleOptionSlider,
    QWidget,
)
from pytestqt.qtbot import QtBot

from quickreply.core.training.progress import GroupProgress
from quickreply.ui.progress import BAR_WIDTH, LABEL_WIDTH, ROW, ProgressChart
from quickreply.ui.themes import apply_theme
from tests.ui.test_dark_theme import contrast

pytestmark = pytest.mark.gui

THEMES = Path(__file__).resolve().parents[2] / "resources" / "themes"
NON_TEXT = 3.0
ComplexControl, SubControl = QStyle.ComplexControl, QStyle.SubControl


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    assert apply_theme(qapp, request.param, THEMES) == request.param
    yield str(request.param)
    qapp.setStyleSheet("")


def shot(widget: QWidget) -> QImage:
    widget.show()
    QApplication.processEvents()
    return widget.grab().toImage()


def test_the_scroll_bar_handle_stands_out(theme: str, qtbot: QtBot) -> None:
    view = QListWidget()
    view.addItems([f"话术 {n}" for n in range(200)])
    view.resize(200, 240)
    qtbot.addWidget(view)
    view.show()
    QApplication.processEvents()
    bar = view.verticalScrollBar()
    assert bar.isVisible() and bar.maximum() > 0
    image = shot(bar)
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    style = bar.style()
    slider = style.subControlRect(
        ComplexControl.CC_ScrollBar, option, SubControl.SC_ScrollBarSlider, bar
    )
    groove = style.subControlRect(
        ComplexControl.CC_ScrollBar, option, SubControl.SC_ScrollBarGroove, bar
    )
    assert slider.isValid() and slider.bottom() < groove.bottom() - 10
    handle = image.pixelColor(slider.center())
    groove_colour = image.pixelColor(groove.center().x(), groove.bottom() - 4)
    assert contrast(handle, groove_colour) >= NON_TEXT, (theme, handle.name(), groove_colour.name())


def test_a_progress_bar_stands_out_from_its_groove(theme: str, qtbot: QtBot) -> None:
    bar = QProgressBar()
    bar.setRange(0, 100)
    bar.setValue(50)
    bar.setTextVisible(False)
    bar.resize(200, 20)
    qtbot.addWidget(bar)
    image = shot(bar)
    chunk, groove = image.pixelColor(40, 10), image.pixelColor(160, 10)
    assert contrast(chunk, groove) >= NON_TEXT, (theme, chunk.name(), groove.name())


@pytest.mark.parametrize("accuracy", [0.4, 1.0])  # not ready yet (orange), ready (green)
def test_the_training_progress_bars_stand_out(theme: str, accuracy: float, qtbot: QtBot) -> None:
    chart = ProgressChart()
    chart.set_rows([GroupProgress("售后", 10, accuracy, 3.0)])
    chart.resize(LABEL_WIDTH + BAR_WIDTH + 300, ROW + 8)
    qtbot.addWidget(chart)
    image = shot(chart)
    y = 4 + 6 + (ROW - 20) // 2
    filled = image.pixelColor(LABEL_WIDTH + 20, y)
    track = image.pixelColor(LABEL_WIDTH + BAR_WIDTH - 6, y)
    if accuracy == 1.0:  # all filled: against the track colour of the theme
        chart.set_rows([GroupProgress("售后", 10, 0.0, 3.0)])
        track = shot(chart).pixelColor(LABEL_WIDTH + BAR_WIDTH - 6, y)
    assert filled != track
    assert contrast(filled, track) >= NON_TEXT, (theme, filled.name(), track.name())
    assert QColor(filled).alpha() == 255
