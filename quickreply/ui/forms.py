"""Inline fill-in fields for snippets that declare ``fields:`` (shown inside the palette).

One editor per field: a line edit for text and numbers, a combo box for choices and regions.
Defaults are pre-filled, Tab moves between fields (wrapping), and values the agent typed are
remembered per conversation in memory only (buyer details never reach disk or logs) by
:class:`FieldMemory`, which the app owns and passes in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QDoubleValidator, QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QLabel, QLineEdit, QWidget

from quickreply.core.model import Field
from quickreply.core.regions import SHORT_NAMES, match_regions

MEMORY_LIMIT = 200  # conversations kept; an agent's shift rarely has more


class FieldMemory:
    """Values typed into fields, per conversation (e.g. the chat window's title), in memory."""

    def __init__(self, limit: int = MEMORY_LIMIT) -> None:
        self._limit = limit
        self._values: dict[str, dict[str, str]] = {}

    def recall(self, conversation: str | None) -> dict[str, str]:
        return dict(self._values.get(conversation or "", {}))

    def remember(self, conversation: str | None, values: Mapping[str, str]) -> None:
        key = conversation or ""
        merged = self._values.pop(key, {})
        merged.update({k: v for k, v in values.items() if v != ""})
        self._values[key] = merged  # re-inserted last: dict order doubles as recency
        while len(self._values) > self._limit:
            del self._values[next(iter(self._values))]


class FieldsForm(QWidget):
    """A form of the selected snippet's fields. Emits ``changed`` on every edit and
    ``submitted(send)`` on Enter / Ctrl+Enter inside any field."""

    changed = Signal()
    submitted = Signal(bool)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldsForm")
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._editors: list[tuple[Field, QLineEdit | QComboBox]] = []

    @property
    def editors(self) -> list[QWidget]:
        return [editor for _, editor in self._editors]

    def set_fields(self, fields: Iterable[Field], values: Mapping[str, str]) -> None:
        """Show one editor per field, pre-filled from ``values`` or the field's default."""
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._editors = []
        for spec in fields:
            value = values.get(spec.name, spec.default or "")
            editor = self._make_editor(spec, value)
            editor.installEventFilter(self)
            label = QLabel(spec.label or spec.name)
            label.setBuddy(editor)
            self._layout.addRow(label, editor)
            self._editors.append((spec, editor))
        self.setVisible(bool(self._editors))

    def _make_editor(self, spec: Field, value: str) -> QLineEdit | QComboBox:
        if spec.kind in ("choice", "region") or spec.choices:
            combo = QComboBox()
            regions = spec.kind == "region" or spec.choices_from == "regions"
            choices = spec.choices or (SHORT_NAMES if regions else ())
            combo.addItems(list(choices))
            # Regions and free choices accept typed text: a buyer may live somewhere unlisted.
            combo.setEditable(spec.kind == "region" or not spec.choices)
            if value:
                index = combo.findText(value)
                if index >= 0:
                    combo.setCurrentIndex(index)
                else:
                    combo.setEditText(value)
            if regions and combo.isEditable():
                self._filter_regions(combo)
            combo.currentTextChanged.connect(self.changed)
            return combo
        line = QLineEdit(value)
        if spec.kind == "number":
            validator = QDoubleValidator(0.0, 1e9, 2, line)
            validator.setNotation(QDoubleValidator.Notation.StandardNotation)
            line.setValidator(validator)
            line.setPlaceholderText("0")
        line.textChanged.connect(self.changed)
        return line

    def _filter_regions(self, combo: QComboBox) -> None:
        """The drop-down of a region field narrows as the agent types, the way the search box
        matches: characters, traditional, full pinyin or initials (xj → 新疆)."""
        model = QStringListModel(list(SHORT_NAMES), combo)
        completer = QCompleter(model, combo)
        # The model is already filtered by match_regions; Qt's own prefix filter knows no pinyin.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.setCompleter(completer)
        line = combo.lineEdit()
        if line is None:
            return

        def narrow(text: str) -> None:
            found = match_regions(text)
            model.setStringList(found)
            if text.strip() and found:
                completer.complete()
            else:
                popup = completer.popup()
                if popup is not None:
                    popup.hide()

        line.textEdited.connect(narrow)

    def region_choices(self, name: str) -> list[str]:
        """What the drop-down of region field ``name`` offers right now."""
        for spec, editor in self._editors:
            if spec.name == name and isinstance(editor, QComboBox):
                completer = editor.completer()
                model = completer.model() if completer is not None else None
                if isinstance(model, QStringListModel):
                    return model.stringList()
        return []

    def values(self) -> dict[str, str]:
        result: dict[str, str] = {}
        for spec, editor in self._editors:
            text = editor.currentText() if isinstance(editor, QComboBox) else editor.text()
            result[spec.name] = text.strip()
        return result

    def focus_first(self) -> bool:
        if not self._editors:
            return False
        editor = self._editors[0][1]
        editor.setFocus(Qt.FocusReason.TabFocusReason)
        if isinstance(editor, QLineEdit):
            editor.selectAll()
        else:
            line = editor.lineEdit()
            if line is not None:
                line.selectAll()
        return True

    def _move(self, current: QObject, step: int) -> None:
        editors = self.editors
        owner: QObject | None = current
        if owner not in editors and owner is not None and owner.parent() in editors:
            owner = owner.parent()
        index = editors.index(owner) if owner in editors else -1
        target = editors[(index + step) % len(editors)]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        if isinstance(target, QLineEdit):
            target.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            mods = event.modifiers()
            if key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ControlModifier:
                self._move(watched, 1)
                return True
            if key == Qt.Key.Key_Backtab:
                self._move(watched, -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if isinstance(watched, QComboBox) and watched.view().isVisible():
                    return False  # Enter picks in an open drop-down
                self.submitted.emit(bool(mods & Qt.KeyboardModifier.ControlModifier))
                return True
            if key == Qt.Key.Key_Escape:
                self.cancelled.emit()
                return True
        return super().eventFilter(watched, event)
