"""The palette's rows and counter: matched characters highlighted, the length against the limit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet, Step
from quickreply.core.render import Renderer
from quickreply.core.search import SearchIndex
from quickreply.core.search.spans import RowSpans, row_spans
from quickreply.ui.palette import PaletteWindow
from quickreply.ui.palette_delegate import DARK_ACCENT, LIGHT_ACCENT
from quickreply.ui.themes import apply_theme

pytestmark = pytest.mark.gui

THEMES = Path(__file__).resolve().parents[2] / "resources" / "themes"

SNIPPETS = (
    Snippet(id="courier", title="合作快递", variants=("亲，默认发中通哦~",), code="kd"),
    Snippet(id="confirm", title="提醒确认收货", variants=("亲，收到了记得确认收货哦~",), code="tx"),
    Snippet(id="size", title="尺码推荐", variants=("亲，身高体重发我一下~",), code="cmtj"),
    Snippet(id="long", title="长说明", variants=("长" * 520,), code="csm"),
    Snippet(
        id="macro",
        title="两条消息",
        variants=("",),
        code="ltx",
        steps=(Step("paste", "好" * 300), Step("enter"), Step("paste", "的" * 300), Step("enter")),
    ),
)


def library() -> Library:
    pack = Pack(PackMeta("t", "测试"), SNIPPETS, Path("t.yaml"), PackSource.SHIPPED)
    return Library(packs=(pack,))


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    assert apply_theme(qapp, request.param, THEMES) == request.param
    yield request.param
    qapp.setStyleSheet("")


def palette(qtbot: QtBot, *, highlight: bool = True) -> PaletteWindow:
    index = SearchIndex.build(library())
    window = PaletteWindow(
        index,
        Renderer(None, lambda: datetime(2026, 1, 1, 10, 0)),
        highlighter=(lambda q, t, c: row_spans(index.keys, q, t, c)) if highlight else None,
    )
    qtbot.addWidget(window)
    window.show()
    return window


def accent_pixels(image: QImage, rect: QRect, accent: QColor) -> int:
    """Pixels within a small distance of the accent colour (glyph stems are solid)."""
    count = 0
    for x in range(rect.left(), rect.right()):
        for y in range(rect.top(), rect.bottom()):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - accent.red())
                + abs(c.green() - accent.green())
                + abs(c.blue() - accent.blue())
                < 40
            ):
                count += 1
    return count


def cell(window: PaletteWindow, row: int, column: int) -> tuple[QImage, QRect]:
    QApplication.processEvents()
    view = window.results
    item = view.topLevelItem(row)
    assert item is not None
    rect = view.visualItemRect(item)
    left = view.header().sectionPosition(column)
    area = QRect(left, rect.top(), view.header().sectionSize(column), rect.height())
    return view.viewport().grab().toImage(), area


@pytest.mark.parametrize(
    ("query", "sid", "column"),
    [("kuaidi", "courier", 2), ("qrsh", "confirm", 2), ("kd", "courier", 1)],
)
def test_the_matched_characters_are_painted_in_the_accent_colour(
    qtbot: QtBot, theme: str, query: str, sid: str, column: int
) -> None:
    accent = DARK_ACCENT if theme == "dark" else LIGHT_ACCENT
    window = palette(qtbot)
    window.search_box.setText(query)
    assert window.current_snippet() is not None and window.current_snippet().id == sid
    image, area = cell(window, 0, column)
    assert accent_pixels(image, area, accent) > 20
    # Without a highlighter the same row has no accent at all: the colour is the highlight.
    plain = palette(qtbot, highlight=False)
    plain.search_box.setText(query)
    image, area = cell(plain, 0, column)
    assert accent_pixels(image, area, accent) == 0


def test_only_the_matched_characters_are_highlighted(qtbot: QtBot, qapp: QApplication) -> None:
    apply_theme(qapp, "light", THEMES)
    try:
        window = palette(qtbot)
        window.search_box.setText("kuaidi")
        image, area = cell(window, 0, 2)
    finally:
        qapp.setStyleSheet("")
    # 合作快递: the accent sits on the right half of the text (快递), none on 合作.
    metrics = window.results.fontMetrics()
    half = area.left() + 3 + metrics.horizontalAdvance("合作")
    left = QRect(area.left(), area.top(), half - area.left(), area.height())
    right = QRect(half, area.top(), area.right() - half, area.height())
    assert accent_pixels(image, left, LIGHT_ACCENT) == 0
    assert accent_pixels(image, right, LIGHT_ACCENT) > 20
    # The rest of the selected row's title keeps the selected row's colour, like its group.
    assert accent_pixels(image, left, QColor("#0b3d91")) > 20


def test_spans_are_worked_out_only_for_the_rows_painted(qtbot: QtBot) -> None:
    many = tuple(
        Snippet(id=f"k{n}", title=f"快递问题{n}", variants=("亲~",), code=f"k{n}")
        for n in range(40)
    )
    pack = Pack(PackMeta("t", "测试"), many, Path("t.yaml"), PackSource.SHIPPED)
    index = SearchIndex.build(Library(packs=(pack,)))
    asked: list[str] = []

    def highlighter(query: str, title: str, code: str) -> RowSpans:
        asked.append(title)
        return row_spans(index.keys, query, title, code)

    window = PaletteWindow(index, None, highlighter=highlighter)
    qtbot.addWidget(window)
    window.search_box.setText("kuaidi")  # 40 rows match, none is on screen yet
    assert window.results.topLevelItemCount() == 40 and asked == []
    window.show()
    qtbot.waitUntil(lambda: bool(asked))
    window.repaint()
    QApplication.processEvents()
    assert len(asked) == len(set(asked))  # once per row, however often it is repainted
    assert len(asked) <= 10  # the nine rows on screen (and one partly), not the forty


def test_the_counter_shows_the_length_against_the_platform_limit(qtbot: QtBot) -> None:
    window = palette(qtbot)
    window.search_box.setText("kd")
    text = window.preview.toPlainText()
    assert window.counter.text() == f"{len(text)} / 500 字"
    assert window.counter.property("over") is False


def test_over_the_limit_the_counter_turns_red_and_says_it_will_be_cut(
    qtbot: QtBot, qapp: QApplication
) -> None:
    apply_theme(qapp, "light", THEMES)
    try:
        window = palette(qtbot)
        window.search_box.setText("csm")
        assert window.counter.text() == "520 / 500 字 · 超出 20 字，会被平台截断"
        assert window.counter.property("over") is True
        red = window.counter.palette().color(window.counter.foregroundRole())
        assert red.red() > 150 and red.green() < 80
        window.set_message_limit(600)  # a shop whose platform keeps 600
        assert window.counter.text() == "520 / 600 字"
        grey = window.counter.palette().color(window.counter.foregroundRole())
        assert grey.red() < 150
    finally:
        qapp.setStyleSheet("")


def test_a_macro_is_counted_by_its_longest_message(qtbot: QtBot) -> None:
    window = palette(qtbot)
    window.search_box.setText("ltx")
    assert window.counter.text() == "300 / 500 字"  # two messages of 300, not one of 601
