"""The dark theme: everything stays readable and every control keeps its marks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet
from quickreply.ui.themes import apply_theme
from quickreply.ui.trainee import TraineeView

pytestmark = pytest.mark.gui

THEMES = Path(__file__).resolve().parents[2] / "resources" / "themes"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[None]:
    assert apply_theme(qapp, "dark", THEMES) == "dark"
    yield
    qapp.setStyleSheet("")


def luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def shot(widget: QWidget) -> QImage:
    widget.show()
    QApplication.processEvents()
    return widget.grab().toImage()


def lightest(image: QImage, x0: int, x1: int) -> int:
    return max(
        image.pixelColor(x, y).lightness()
        for x in range(max(0, x0), min(image.width(), x1))
        for y in range(image.height())
    )


def test_trainee_cards_are_readable_in_the_dark(dark: None, qtbot: QtBot) -> None:
    snippet = Snippet(id="a.b", title="欢迎语", variants=("亲，在的~",), code="hy", group="欢迎",
                      note="买家进线时用", examples=("在吗",))  # fmt: skip
    pack = Pack(PackMeta("p", "包", 1), (snippet,), Path("/p.yaml"), PackSource.SHIPPED)
    view = TraineeView(Library((pack,)))
    qtbot.addWidget(view)
    view.show()
    html = view.cards.toHtml()
    view.cards.ensurePolished()
    text = view.cards.palette().color(view.cards.foregroundRole())
    card_style = re.search(r"<table[^>]*>", view._card(snippet))
    assert card_style is not None
    shown = re.search(r"color:(#[0-9a-fA-F]{6})", card_style.group(0))
    if shown:
        text = QColor(shown.group(1))
    backgrounds = re.findall(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6})", view._card(snippet))
    assert backgrounds and html
    for background in backgrounds:
        assert contrast(text, QColor(background)) >= 4.5, background


def test_spin_box_arrows_and_check_boxes_show_in_the_dark(dark: None, qtbot: QtBot) -> None:
    spin = QSpinBox()
    spin.resize(120, 28)
    qtbot.addWidget(spin)
    image = shot(spin)
    assert lightest(image, image.width() - 16, image.width() - 2) > 150  # the arrows
    box = QCheckBox("响一声")
    box.resize(120, 24)
    qtbot.addWidget(box)
    image = shot(box)
    assert lightest(image, 0, 18) > 120  # the indicator's frame


def test_disabled_buttons_look_disabled_in_the_dark(dark: None, qtbot: QtBot) -> None:
    on, off = QPushButton("编辑"), QPushButton("编辑")
    off.setEnabled(False)
    for button in (on, off):
        button.resize(80, 30)
        qtbot.addWidget(button)
    assert lightest(shot(off), 0, 80) + 40 < lightest(shot(on), 0, 80)


def test_a_focused_button_shows_it_in_the_dark(dark: None, qtbot: QtBot) -> None:
    """Tab to a trainee card's 复制 (or any button): the style sheet drops Fusion's focus frame,
    so the theme draws one."""
    snippet = Snippet(id="a.b", title="欢迎语", variants=("亲，在的~",), group="欢迎")
    pack = Pack(PackMeta("p", "包", 1), (snippet,), Path("/p.yaml"), PackSource.SHIPPED)
    view = TraineeView(Library((pack,)))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    (button,) = view.cards.copy_buttons()
    view.tree.setFocus()
    qtbot.waitUntil(view.tree.hasFocus)
    unfocused = button.grab().toImage()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    focused = button.grab().toImage()
    middle = button.width() // 2
    top = [(middle, y) for y in range(3)]
    before = max(unfocused.pixelColor(x, y).lightness() for x, y in top)
    after = max(focused.pixelColor(x, y).lightness() for x, y in top)
    assert after > before + 60  # a bright frame, not the dim #3d444d border
