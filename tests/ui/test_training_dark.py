"""The training window in the dark theme: chat bubbles, clock and results readable (contrast)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from quickreply.core.search import SearchIndex
from quickreply.core.training.drill import Mode
from quickreply.core.training.progress import ProgressStore
from quickreply.ui.drill import DrillPanel
from quickreply.ui.drillboard import ChatView
from quickreply.ui.themes import apply_theme
from quickreply.ui.tones import DARK, LIGHT, Tones
from tests.ui.test_dark_theme import THEMES, contrast
from tests.ui.test_training_window import LIB

pytestmark = pytest.mark.gui


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    assert apply_theme(qapp, request.param, THEMES) == request.param
    yield request.param
    qapp.setStyleSheet("")


def colours(widget: QWidget) -> tuple[QColor, QColor]:
    """What is on screen: the most common colour (the background) and, of the rest, the one
    that stands out most from it (the glyphs' full-ink pixels)."""
    QApplication.processEvents()
    image: QImage = widget.grab().toImage()
    counts = Counter(
        image.pixel(x, y) for x in range(2, image.width() - 2) for y in range(2, image.height() - 2)
    )
    back = QColor.fromRgb(counts.most_common(1)[0][0])
    ink = max((QColor.fromRgb(p) for p in counts), key=lambda c: contrast(c, back))
    return back, ink


def test_chat_bubbles_are_readable_and_follow_the_theme(qtbot: QtBot, theme: str) -> None:
    chat = ChatView()
    qtbot.addWidget(chat)
    chat.resize(500, 300)
    chat.show()
    buyer = chat.add("发什么快递呀亲", buyer=True)
    agent = chat.add("亲，默认中通快递哦", buyer=False)
    page = chat.widget().palette().color(chat.widget().backgroundRole())
    for bubble in (buyer, agent):
        back, ink = colours(bubble)
        assert contrast(back, ink) >= 4.5, (theme, bubble.text(), back.name(), ink.name())
        if theme == "dark":  # no glaring white bubble on the dark chat
            assert back.lightnessF() < 0.75 or bubble is agent, back.name()
    expected: Tones = DARK if theme == "dark" else LIGHT
    assert colours(buyer)[0].name() == expected.buyer_back
    assert colours(agent)[0].name() == expected.agent_back
    assert (page.lightnessF() < 0.5) == (theme == "dark")


def test_a_theme_change_recolours_the_bubbles_already_shown(
    qtbot: QtBot, qapp: QApplication
) -> None:
    chat = ChatView()
    qtbot.addWidget(chat)
    chat.show()
    bubble = chat.add("在吗", buyer=True)
    assert colours(bubble)[0].name() == LIGHT.buyer_back
    apply_theme(qapp, "dark", THEMES)
    try:
        QApplication.processEvents()
        assert colours(bubble)[0].name() == DARK.buyer_back
    finally:
        qapp.setStyleSheet("")


def test_clock_and_result_colours_read_on_the_theme(
    qtbot: QtBot, tmp_path: Path, theme: str
) -> None:
    panel = DrillPanel(
        LIB,
        SearchIndex.build(LIB),
        None,
        ProgressStore(tmp_path / "t.sqlite3"),
        rng=random.Random(1),
    )
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.show()
    panel.start(Mode.MIXED)
    board = panel.board
    tones = DARK if theme == "dark" else LIGHT
    background = board.palette().color(board.backgroundRole())
    for colour in (tones.calm, tones.bad):
        assert contrast(QColor(colour), background) >= 4.5, (theme, colour)
    board.skip()  # a miss: the result names the right reply, in the theme's red
    html = board.result.toHtml()
    assert tones.bad in html and tones.muted in html
    page = board.result.palette().color(board.result.viewport().backgroundRole())
    for colour in (tones.good, tones.bad, tones.muted):
        assert contrast(QColor(colour), page) >= 4.5, (theme, colour, page.name())
