"""The editor's table of fill-in fields: one row per field a reply asks for before pasting.

Columns: name, label, kind (a drop-down naming the kinds in the UI language while the pack file
keeps text/number/choice/region), default and choices. A field's ``choices_from``, which the
form cannot edit, rides along in its row. Columns are sized to their content so a name, a kind
and a short default are read whole; the choices column takes what is left.
"""

from __future__ import annotations

import re
from typing import get_args

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from quickreply.core.model import Field, FieldKind

# Its strings keep the SnippetEditor translation context they had before it was split out.
FIELD_KINDS: tuple[FieldKind, ...] = get_args(FieldKind)  # the model's kinds, in its order
NAME, LABEL, KIND, DEFAULT, CHOICES = range(5)
_LIST_SPLIT = re.compile(r"[,，、;；\s]+")


def kind_names() -> dict[str, str]:
    """A field kind as the form names it (the pack file keeps text/number/choice/region)."""
    return {
        "text": QCoreApplication.translate("SnippetEditor", "文字"),
        "number": QCoreApplication.translate("SnippetEditor", "数字"),
        "choice": QCoreApplication.translate("SnippetEditor", "选择"),
        "region": QCoreApplication.translate("SnippetEditor", "省份"),
    }


def split_list(text: str) -> tuple[str, ...]:
    """Tags or choices typed with any of the separators Chinese keyboards produce (，、；space)."""
    return tuple(t for t in _LIST_SPLIT.split(text.strip()) if t)


class FieldTable(QTableWidget):
    """The rows of fields; ``changed`` fires on every edit (a cell, a kind, a row)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SnippetEditor", "字段名"),
                QCoreApplication.translate("SnippetEditor", "显示名"),
                QCoreApplication.translate("SnippetEditor", "类型"),
                QCoreApplication.translate("SnippetEditor", "默认值"),
                QCoreApplication.translate("SnippetEditor", "选项"),
            ]
        )
        header = self.horizontalHeader()
        # Sized to what is in them, not a fifth of the table each: a field name such as
        # order_number and a label such as 快递单号 are read whole, the choices get the rest.
        for column in (NAME, LABEL, KIND, DEFAULT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHOICES, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("order_no") + 16)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # A header and about four rows: a reply rarely asks for more. The form scrolls instead
        # of squeezing the table when the window is short.
        self.setMinimumHeight(150)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_fields(self, fields: tuple[Field, ...]) -> None:
        self.setRowCount(0)
        for f in fields:
            self.add_field(f)

    def names(self) -> set[str]:
        """The names typed in the first column (rows without one included as '')."""
        return {self._cell(row, NAME) for row in range(self.rowCount())}

    def add_field(self, f: Field | None) -> None:
        """A row for ``f``, or an empty one to fill in."""
        row = self.rowCount()
        self.insertRow(row)
        values = (f.name, f.label, f.default or "", "，".join(f.choices)) if f else ("", "", "", "")
        items = [QTableWidgetItem(value) for value in values]
        self.blockSignals(True)  # one changed for the row, not one per cell
        for column, item in zip((NAME, LABEL, DEFAULT, CHOICES), items, strict=True):
            self.setItem(row, column, item)
        self.blockSignals(False)
        if f is not None and f.choices_from:
            items[3].setData(Qt.ItemDataRole.UserRole, f.choices_from)
            items[3].setToolTip(
                QCoreApplication.translate("SnippetEditor", "选项来自 %1").replace(
                    "%1", f.choices_from
                )
            )
        combo = QComboBox()
        names = kind_names()
        for kind in FIELD_KINDS:
            combo.addItem(names.get(kind, kind), kind)  # shown in the UI language, saved as is
        combo.setCurrentIndex(max(0, combo.findData(f.kind if f else "text")))
        combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.setCellWidget(row, KIND, combo)
        self.resizeColumnsToContents()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)
            self.changed.emit()

    def fields(self) -> tuple[Field, ...]:
        """The fields as typed; a row without a name is not a field yet."""
        fields: list[Field] = []
        for row in range(self.rowCount()):
            name = self._cell(row, NAME)
            if not name:
                continue
            combo = self.cellWidget(row, KIND)
            kind_data = combo.currentData() if isinstance(combo, QComboBox) else "text"
            kind: FieldKind = next((k for k in FIELD_KINDS if k == kind_data), "text")
            fields.append(
                Field(
                    name=name,
                    label=self._cell(row, LABEL) or name,
                    kind=kind,
                    default=self._cell(row, DEFAULT) or None,
                    choices=split_list(self._cell(row, CHOICES)),
                    choices_from=self._choices_from(row),
                )
            )
        return tuple(fields)

    def _choices_from(self, row: int) -> str | None:
        """The field's ``choices_from`` (not editable in the form), kept with its row."""
        item = self.item(row, CHOICES)
        source = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return source if isinstance(source, str) and source else None

    def _cell(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""
