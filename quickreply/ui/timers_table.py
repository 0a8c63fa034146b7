"""The rows of the wait-timer panel as the agent sees them.

:class:`TimersTableModel` lists waiting conversations (longest wait first), then parked ones,
with each cell's text and colours (:data:`LIGHT` / :data:`DARK`); :class:`LevelKeepingDelegate`
paints a selected row with its amber/red state still visible (the style's selection colour
would hide it) and a bar on its left edge, and keeps the buyer's name clear of the row
buttons; :class:`RowActions` are the 回复 / 稍后 / 移除 buttons on the row under the pointer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QWidget,
)

from quickreply.core.timers import Conversation, Level, State, TimerModel, format_wait

COL_STATUS, COL_LABEL, COL_QUEUE, COL_WAIT = range(4)
LEVEL_COLUMNS = (COL_STATUS, COL_WAIT)  # where amber shows; red tints the whole row


@dataclass(frozen=True, slots=True)
class Colours:
    """One theme's colours. Colour is never the only signal: every level also has its own
    glyph and word. Amber is kept to the status and wait cells so twenty slow rows read as a
    list, not a wall of alarm; red tints the whole row."""

    fg: Mapping[Level, QColor]
    bg: Mapping[Level, QColor]
    flash: QColor
    parked: QColor


LIGHT = Colours(
    fg={Level.OK: QColor("#2e7d32"), Level.AMBER: QColor("#8a5a00"), Level.RED: QColor("#b71c1c")},
    bg={Level.OK: QColor(0, 0, 0, 0), Level.AMBER: QColor("#fdf1d6"), Level.RED: QColor("#fde2e1")},
    flash=QColor("#f28b82"),
    parked=QColor("#607d8b"),
)
DARK = Colours(
    fg={Level.OK: QColor("#81c784"), Level.AMBER: QColor("#f0c36d"), Level.RED: QColor("#ff8a80")},
    bg={Level.OK: QColor(0, 0, 0, 0), Level.AMBER: QColor("#3d3320"), Level.RED: QColor("#4a2222")},
    flash=QColor("#8e2b2b"),
    parked=QColor("#90a4ae"),
)


class TimersTableModel(QAbstractTableModel):
    """Rows: waiting conversations (longest wait first), then parked ones (soonest first)."""

    def __init__(self, model: TimerModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.rows: list[Conversation] = []
        self._row_by_key: dict[str, int] = {}
        self._waiting_rows = 0
        self.flashing: set[str] = set()
        self.flash_on = False
        self.colours = LIGHT
        self._now = model.now()

    def rebuild(self) -> None:
        self.beginResetModel()
        waiting = self._model.waiting()
        self.rows = waiting + self._model.parked()
        # Waiting rows come first; the row index by key makes a tick O(changed rows).
        self._waiting_rows = len(waiting)
        self._row_by_key = {conv.key: i for i, conv in enumerate(self.rows)}
        self._now = self._model.now()
        live = {c.key for c in self.rows if c.state is State.WAITING}
        self.flashing &= live
        self.endResetModel()

    def row_of(self, key: str) -> int:
        return self._row_by_key.get(key, -1)

    def waiting_rows(self) -> int:
        return self._waiting_rows

    def advance(self, changed: list[Conversation]) -> set[int]:
        """A tick: the wait column moves on; returns the rows to repaint whole.

        The panel repaints the visible wait column and those rows directly on the view: a
        dataChanged per row would make Qt look up and repaint far more than a tick changes.
        """
        self._now = self._model.now()
        rows = {self.row_of(c.key) for c in changed}
        rows.discard(-1)
        return rows

    def toggle_flash(self) -> set[int]:
        """Blink the status cell of unhandled red rows; returns their rows."""
        if not self.flashing:
            return set()
        self.flash_on = not self.flash_on
        rows = {self.row_of(key) for key in self.flashing}
        rows.discard(-1)
        return rows

    # -- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("状态"), self.tr("买家"), self.tr("队列"), self.tr("等待"))[section]

    def level(self, conv: Conversation) -> Level:
        # From the wait as of the last tick, so a row is right from its first paint (a model
        # handed over with old waits) without waiting for a tick to update conv.level.
        return self._model.level_for(conv.queue, max(0.0, self._now - conv.waiting_since))

    def _status_text(self, conv: Conversation) -> str:
        if conv.state is State.PARKED:
            return self.tr("◷ 稍后")
        if conv.reminder:
            return self.tr("◷ 提醒")
        return {
            Level.OK: self.tr("● 正常"),
            Level.AMBER: self.tr("▲ 偏慢"),
            Level.RED: self.tr("■ 超时"),
        }[self.level(conv)]

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        conv = self.rows[index.row()]
        col = index.column()
        parked = conv.state is State.PARKED
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_STATUS:
                return self._status_text(conv)
            if col == COL_LABEL:
                return conv.label
            if col == COL_QUEUE:
                return conv.queue
            if parked and conv.parked_until_wall is not None:
                return conv.parked_until_wall.strftime("%H:%M")
            return format_wait(max(0.0, self._now - conv.waiting_since))
        if role == Qt.ItemDataRole.ToolTipRole:
            if parked and conv.parked_until_wall is not None:
                return self.tr("{label}：{time} 提醒").format(
                    label=conv.label, time=conv.parked_until_wall.strftime("%H:%M")
                )
            return conv.label
        colours = self.colours
        if role == Qt.ItemDataRole.ForegroundRole:
            if parked:
                return QBrush(colours.parked)
            level = self.level(conv)
            if col in LEVEL_COLUMNS or level is Level.RED:
                return QBrush(colours.fg[level])
            return None  # the name and queue in the theme's own text colour
        if role == Qt.ItemDataRole.BackgroundRole:
            if parked:
                return None
            if col == COL_STATUS and self.flash_on and conv.key in self.flashing:
                return QBrush(colours.flash)
            level = self.level(conv)
            if level is Level.RED or (level is Level.AMBER and col in LEVEL_COLUMNS):
                return QBrush(colours.bg[level])
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_WAIT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _mix(base: QColor, over: QColor, amount: float) -> QColor:
    return QColor(
        round(base.red() + (over.red() - base.red()) * amount),
        round(base.green() + (over.green() - base.green()) * amount),
        round(base.blue() + (over.blue() - base.blue()) * amount),
    )


class LevelKeepingDelegate(QStyledItemDelegate):
    """Paints a selected row in its state's colours tinted with the selection colour, and a
    bar on its left edge, instead of the style's solid selection that hides amber and red."""

    SELECTION_TINT = 0.28
    BAR_WIDTH = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Pixels at the right of a row's name cell that the row buttons cover (RowActions):
        # the name is painted, elided with …, in what is left, never under the buttons.
        self.reserve: Callable[[int], int] = lambda _row: 0

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        room = self.reserve(index.row()) if index.column() == COL_LABEL else 0
        if room:
            option = QStyleOptionViewItem(option)
            option.rect = option.rect.adjusted(0, 0, -room, 0)
        if not option.state & QStyle.StateFlag.State_Selected:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.state &= ~QStyle.StateFlag.State_Selected
        highlight = opt.palette.highlight().color()
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        base = brush.color() if isinstance(brush, QBrush) and brush.color().alpha() else None
        base = base or opt.palette.base().color()
        opt.backgroundBrush = QBrush(_mix(base, highlight, self.SELECTION_TINT))
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if index.column() == COL_STATUS:
            rect = QRect(opt.rect.left(), opt.rect.top(), self.BAR_WIDTH, opt.rect.height())
            painter.fillRect(rect, highlight)


class RowActions(QWidget):
    """回复 / 稍后 / 移除 buttons on the row under the pointer, at the right end of the
    buyer's name cell: one set of buttons, not one per row, so twenty rows stay a quiet list
    (the keys, a double-click and the right-click menu do the same without the pointer).

    The name never goes under them: the delegate paints it in the room left (:meth:`reserved`),
    and where the worded buttons would leave too little room for the whole name (English,
    a narrow panel) they show their marks only (✓ ◷ ✕), their words in the tooltip."""

    MARKS: Mapping[str, str] = MappingProxyType({"replied": "✓", "park": "◷", "remove": "✕"})
    NAME_MARGIN = 12  # the cell's text margins and a gap before the buttons

    replied = Signal(str)  # the row's buyer label
    park = Signal(str)
    remove = Signal(str)

    def __init__(self, table: QTableView, model: TimersTableModel) -> None:
        super().__init__(table.viewport())
        self._table = table
        self._model = model
        self.label: str | None = None
        self.row = -1
        self._words: dict[str, str] = {}
        self.setObjectName("timerRowActions")
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 2, 0)
        layout.setSpacing(1)
        self.buttons: dict[str, QToolButton] = {}
        for name, text, tip in (
            ("replied", self.tr("回复"), self.tr("已回复：停止计时并记录响应时间")),
            ("park", self.tr("稍后"), self.tr("稍后提醒：暂时移出等待列表")),
            ("remove", self.tr("移除"), self.tr("移除：不记录响应时间")),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setAccessibleName(text)
            button.setToolTip(tip)
            self._words[name] = text
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, name=name: self._clicked(name))
            layout.addWidget(button)
            self.buttons[name] = button
        self.hide()
        table.viewport().setMouseTracking(True)
        table.viewport().installEventFilter(self)
        table.entered.connect(lambda index: self.show_on(index.row()))

    def _clicked(self, name: str) -> None:
        if self.label is not None:
            getattr(self, name).emit(self.label)

    def reserved(self, row: int) -> int:
        """How many pixels at the right of ``row``'s name cell the buttons cover."""
        return self.width() if row == self.row >= 0 else 0

    def compact(self) -> bool:
        """Whether the buttons show their marks only (too little room for their words)."""
        return self.buttons["park"].text() == self.MARKS["park"]

    def _set_compact(self, compact: bool) -> None:
        for name, button in self.buttons.items():
            button.setText(self.MARKS[name] if compact else self._words[name])
        self.adjustSize()

    def _repaint_name(self, row: int) -> None:
        if row >= 0:
            index = self._model.index(row, COL_LABEL)
            self._table.viewport().update(self._table.visualRect(index))

    def show_on(self, row: int) -> None:
        """Put the buttons on ``row`` (-1 hides them)."""
        rows = self._model.rows
        before, self.row = self.row, row if 0 <= row < len(rows) else -1
        self._repaint_name(before)
        if self.row < 0:
            self.label = None
            self.hide()
            return
        self.label = rows[row].label
        self.buttons["replied"].setVisible(rows[row].state is State.WAITING)
        name = self._table.fontMetrics().horizontalAdvance(self.label) + self.NAME_MARGIN
        self._set_compact(False)
        if self._table.columnWidth(COL_LABEL) - self.width() < name:
            self._set_compact(True)
        self._repaint_name(row)
        height = self._table.rowHeight(row)
        right = self._table.columnViewportPosition(COL_LABEL) + self._table.columnWidth(COL_LABEL)
        self.setGeometry(
            max(0, right - self.width()), self._table.rowViewportPosition(row), self.width(), height
        )
        self.show()
        self.raise_()

    def refresh(self) -> None:
        """The rows changed: stay on the same buyer's row, or go."""
        row = -1
        if self.label is not None:
            row = next(
                (i for i, conv in enumerate(self._model.rows) if conv.label == self.label), -1
            )
        self.show_on(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave and not self.underMouse():
            self.show_on(-1)
        return super().eventFilter(watched, event)
