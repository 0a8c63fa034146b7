"""Painting a reply's hotkey at the right end of its palette row: small, in a muted colour.

The hotkey is the one the agent assigned in 设置, else the pack's ``hotkey:``. It stays in the
marks cell's text (``最近 · Ctrl+Alt+1``, so the row reads whole to a screen reader and a
copy), and is stored again under :data:`HOTKEY_ROLE`; this delegate paints the marks as Qt
would, without it, then the hotkey right-aligned in a smaller font and a muted colour (the
selected row's own text colour there, which the muted grey would not reach in contrast).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from quickreply.ui.tones import DARK, LIGHT

HOTKEY_ROLE = Qt.ItemDataRole.UserRole + 1
SEPARATOR = " · "


def muted_for(text: QColor) -> QColor:
    """The theme's hint colour (ui/tones.py, >= 4.5:1 on its background) for a list whose
    normal text is ``text``: light text, a dark theme."""
    return QColor((DARK if text.lightness() > 128 else LIGHT).muted)


def hint_font(font: QFont) -> QFont:
    """The row's font, two steps smaller: a hint, not a second title."""
    small = QFont(font)
    if font.pointSizeF() > 0:
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
    else:
        small.setPixelSize(max(8, round(font.pixelSize() * 0.85)))
    return small


class HotkeyDelegate(QStyledItemDelegate):
    """The marks cell: its marks left, as usual; the row's hotkey at its right edge."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        hotkey = str(index.data(HOTKEY_ROLE) or "")
        if not hotkey:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text: str = opt.text
        marks = text.removesuffix(hotkey).removesuffix(SEPARATOR)
        opt.text = marks
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = widget.palette() if widget is not None else opt.palette
        base = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        if widget is not None and not selected:
            base = palette.color(widget.foregroundRole())
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = 4  # clear of the cell's (and the list's) right edge
        painter.save()
        painter.setFont(hint_font(opt.font))
        painter.setPen(base if selected else muted_for(base))
        painter.drawText(
            rect.adjusted(0, 0, -margin, 0),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            hotkey,
        )
        painter.restore()
