"""A read-only table of the 团队看板 (replies, response by day, versions, exams), sortable.

Cells hold plain values; each column's kind says how one is shown (seconds with one decimal,
a share as a percentage) and sorted (by the number, never by its text: "9.5" below "10.2").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import Enum
from typing import Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Cell = str | int | float | date | None
SORT_ROLE: Final = Qt.ItemDataRole.UserRole + 1
KEY_ROLE: Final = Qt.ItemDataRole.UserRole + 2  # the row's key (a reply's snippet id)
MISSING = "–"
AnyIndex = QModelIndex | QPersistentModelIndex  # a figure with no replies behind it


class Kind(Enum):
    TEXT = "text"
    COUNT = "count"
    SECONDS = "seconds"
    SHARE = "share"  # 0..1 shown as a percentage
    DAY = "day"


def shown(value: Cell, kind: Kind) -> str:
    if value is None:
        return MISSING if kind in (Kind.SECONDS, Kind.SHARE) else ""
    if kind is Kind.SECONDS and isinstance(value, int | float):
        return f"{value:.1f}"
    if kind is Kind.SHARE and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def sort_value(value: Cell, kind: Kind) -> str | float:
    if kind in (Kind.COUNT, Kind.SECONDS, Kind.SHARE):
        return float(value) if isinstance(value, int | float) else -1.0
    return shown(value, kind)


class RowsModel(QAbstractTableModel):
    """Rows of cells under translated headers; each row may carry a key (``KEY_ROLE``)."""

    def __init__(self, columns: Sequence[tuple[str, Kind]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Sequence[Cell]] = []
        self.keys: list[str] = []
        self.key_tip = "%1"  # a row's tooltip, its key in place of %1 (rows with a key only)

    def set_rows(self, rows: Sequence[Sequence[Cell]], keys: Sequence[str] = ()) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.keys = list(keys)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        kind = self.columns[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(value, kind)
        if role == SORT_ROLE:
            return sort_value(value, kind)
        if role == KEY_ROLE:
            return self.keys[index.row()] if index.row() < len(self.keys) else None
        if role == Qt.ItemDataRole.ToolTipRole and index.row() < len(self.keys):
            return self.key_tip.replace("%1", self.keys[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and kind not in (Kind.TEXT, Kind.DAY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BoardTable(QTableView):
    """A sortable view of one :class:`RowsModel` (header click sorts, numbers by value)."""

    def __init__(self, model: RowsModel, stretch: int, parent: QWidget | None = None) -> None:
        """``stretch``: the text column that takes the free width (a title, an exam's name)."""
        super().__init__(parent)
        self.rows = model
        self._stretch = stretch
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the order given until a click
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The free width goes to a text column, never to a date or a number at the end: a
        # "last used" day spread over 600 px is hard to read along its row.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def key_at(self, index: QModelIndex) -> str | None:
        value = self.proxy.data(index, KEY_ROLE)
        return value if isinstance(value, str) else None

    def current_key(self) -> str | None:
        return self.key_at(self.currentIndex())

    def fit_columns(self) -> None:
        # resizeColumnsToContents measures every row: 18,000 response rows take seconds.
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        sample = range(min(self.proxy.rowCount(), 50))
        for column in range(self.rows.columnCount()):
            if column == self._stretch:
                continue
            texts = [str(self.rows.headerData(column, Qt.Orientation.Horizontal) or "")]
            texts += [str(self.proxy.index(r, column).data() or "") for r in sample]
            width = max(metrics.horizontalAdvance(t) for t in texts) + 24
            header.resizeSection(column, min(width, 320))
