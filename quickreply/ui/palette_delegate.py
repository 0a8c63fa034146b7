"""Painting a result cell with the characters the query matched in bold and an accent colour.

The palette asks for a cell's spans (core/search/spans.py) only when the cell is painted, so
only visible rows pay for them. A cell without spans is painted by Qt as usual; one with spans
gets its background, selection and focus from the style (the theme's style sheet), then its
text laid out with the matched ranges bold in :func:`accent_for`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

Span = tuple[int, int]
# (row, column) -> the shown text's matched spans; () when nothing is highlighted there.
SpansOf = Callable[[int, int], tuple[Span, ...]]

# Orange reads as "this matched" beside the blue selection in both themes (contrast >= 4.5:1
# on the light theme's white and selection blue, and on the dark theme's background).
LIGHT_ACCENT = QColor("#c4320a")
DARK_ACCENT = QColor("#ffa657")


def accent_for(text: QColor) -> QColor:
    """The accent for a list whose normal text is ``text``: light text means a dark theme."""
    return DARK_ACCENT if text.lightness() > 128 else LIGHT_ACCENT


def _text_colour(widget: QWidget | None, selected: bool) -> QColor:
    """The colour of the rest of the text: the list's ``selection-color`` (style sheet) on
    the selected row, its ``color`` elsewhere, as Qt paints the cells without spans."""
    if widget is None:
        return QColor()
    role = QPalette.ColorRole.HighlightedText if selected else widget.foregroundRole()
    return widget.palette().color(role)


class MatchDelegate(QStyledItemDelegate):
    """Paints matched characters bold in the accent colour; everything else as Qt does."""

    def __init__(self, spans_of: SpansOf, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spans_of = spans_of

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        spans = self._spans_of(index.row(), index.column())
        if not spans:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        text: str = opt.text
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        base = _text_colour(widget, bool(opt.state & QStyle.StateFlag.State_Selected))
        font: QFont = opt.font
        bold = QFont(font)
        bold.setBold(True)
        margin = 3  # Qt's own text margin inside an item (QCommonStyle's focus frame + 1)
        room = max(0, rect.width() - 2 * margin)
        shown = text
        if QFontMetrics(bold).horizontalAdvance(text) > room:
            shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, room)
        layout = QTextLayout(shown, font)
        matched = QTextCharFormat()
        matched.setFontWeight(QFont.Weight.Bold)
        matched.setForeground(accent_for(base))
        ranges = []
        for start, end in spans:
            end = min(end, len(shown) - (shown != text))
            if end > start:
                part = QTextLayout.FormatRange()
                part.start, part.length, part.format = start, end - start, matched
                ranges.append(part)
        layout.setFormats(ranges)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1_000_000)
        layout.endLayout()
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(base)
        top = rect.top() + (rect.height() - line.height()) / 2
        layout.draw(painter, QPointF(rect.left() + margin, top))
        painter.restore()
