"""The snippet editor form: edit one personal snippet with a live preview and live lint.

The form knows nothing about packs or files. It turns what is typed into a draft
:class:`~quickreply.core.model.Snippet` (``draft()``), shows a rendered preview of every
variant and the problems a ``checker`` callable finds, both refreshed 150 ms after the last
keystroke, and asks its owner (the library window) to save, delete or cancel through signals.
A refused save only shows its reason: the typed text stays in the form.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import Any, Protocol, get_args

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.model import Field, FieldKind, Snippet
from quickreply.core.problems import Problem, Severity
from quickreply.core.render import RenderError
from quickreply.core.render.fields import choices_of
from quickreply.ui.messages import describe

#: A line holding only this separates the variants of a snippet's text in the editor.
VARIANT_SEPARATOR = "---"
#: Debounce between the last keystroke and the preview/lint refresh.
REFRESH_MS = 150
FIELD_KINDS: tuple[FieldKind, ...] = get_args(FieldKind)  # the model's kinds, in its order
_LIST_SPLIT = re.compile(r"[,，、;；\s]+")

Checker = Callable[[Snippet], Sequence[Problem]]


class SnippetRenderer(Protocol):
    """What the UI needs of core.render.Renderer (kept structural so tests can pass a fake)."""

    def render(self, snippet: Snippet, values: Any = ..., /) -> str: ...

    def render_variant(self, snippet: Snippet, index: int, values: Any = ..., /) -> str: ...

    def missing_fields(self, snippet: Snippet, values: Any, /) -> list[Field]: ...


def split_variants(text: str) -> tuple[str, ...]:
    """Split the editor text on separator lines; blank variants are dropped."""
    variants: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip() == VARIANT_SEPARATOR:
            variants.append([])
        else:
            variants[-1].append(line)
    cleaned = ("\n".join(lines).strip("\n") for lines in variants)
    return tuple(v for v in cleaned if v.strip())


def join_variants(variants: Sequence[str]) -> str:
    return f"\n{VARIANT_SEPARATOR}\n".join(v.rstrip("\n") for v in variants)


def split_list(text: str) -> tuple[str, ...]:
    """Tags typed with any of the separators Chinese keyboards produce (，、；space)."""
    return tuple(t for t in _LIST_SPLIT.split(text.strip()) if t)


def render_error_line(err: RenderError) -> str:
    """A render error without its file position, which a draft does not have yet."""
    return describe(err.problem) if err.problem is not None else err.message


def raw_text(snippet: Snippet) -> str:
    """A reply as written: its first variant, or a macro's pasted texts."""
    if snippet.variants:
        return snippet.text
    return "\n".join(step.text for step in snippet.steps if step.kind == "paste")


def stand_ins(renderer: SnippetRenderer, snippet: Snippet) -> dict[str, str]:
    """Values for the fields the renderer has no default for, so a reply can be shown or copied
    without asking: a choice field's first choice, a text field's 【label】 (the agent sees it
    and replaces it after pasting). A number or a region cannot be guessed: the renderer says
    it has no value."""
    return {
        f.name: choices_of(f)[0] if choices_of(f) else f"【{f.label or f.name}】"
        for f in renderer.missing_fields(snippet, {})
        if choices_of(f) or f.kind == "text"
    }


def preview(renderer: SnippetRenderer | None, snippet: Snippet, variant: int | None = None) -> str:
    """The reply as a buyer would get it, with :func:`stand_ins` for unfilled fields: variant
    number ``variant`` (from 0), or else one picked as the palette would (a macro: its pasted
    texts). Without a renderer, the text as written. Raises RenderError."""
    if renderer is None:
        return raw_text(snippet) if variant is None else snippet.variants[variant]
    values = stand_ins(renderer, snippet)
    if variant is None:
        return renderer.render(snippet, values)
    return renderer.render_variant(snippet, variant, values)


class SnippetEditor(QWidget):
    """The editing form. ``checker(draft)`` returns the problems to show for a draft."""

    save_requested = Signal()
    delete_requested = Signal()
    cancel_requested = Signal()

    def __init__(
        self,
        renderer: SnippetRenderer | None = None,
        checker: Checker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._checker = checker
        self._original: Snippet | None = None
        self._is_new = False
        self._loading = False
        self._dirty = False
        self._problems: list[Problem] = []
        self._untouched = False  # a new, empty draft: no errors shown before the first keystroke

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.id_edit = QLineEdit()
        self.id_edit.setPlaceholderText(self.tr("小写字母、数字和 . _ -，例如 my.greeting"))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("例如：合作快递"))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("1-12 位小写字母或数字，例如 kd"))
        self.group_edit = QLineEdit()
        self.group_edit.setPlaceholderText(self.tr("用 / 分层，例如 物流/快递"))
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("用逗号或空格分隔"))
        self.hotkey_edit = QLineEdit()
        self.hotkey_edit.setPlaceholderText(self.tr("可选，例如 ctrl+alt+1"))
        self.send_check = QCheckBox(self.tr("粘贴后自动发送（回车）"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setMinimumHeight(110)
        self.text_edit.setPlaceholderText(
            self.tr("回复内容，可用 {{ 字段名 }} 等模板变量；多个变体之间放一行 ---")
        )
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("什么时候用这条回复（新人学习时显示）"))
        self.note_edit.setMaximumHeight(60)
        self.examples_edit = QPlainTextEdit()
        self.examples_edit.setPlaceholderText(self.tr("买家常见问法，每行一个"))
        self.examples_edit.setMaximumHeight(70)

        self.fields_table = QTableWidget(0, 5)
        self.fields_table.setHorizontalHeaderLabels(
            [
                self.tr("字段名"),
                self.tr("显示名"),
                self.tr("类型"),
                self.tr("默认值"),
                self.tr("选项"),
            ]
        )
        header = self.fields_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # The kind drop-down is as wide as its longest name, not a fifth of the table.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.fields_table.verticalHeader().setVisible(False)
        self.fields_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # A header and about four rows: a reply rarely asks for more. The form scrolls instead
        # of squeezing the table when the window is short.
        self.fields_table.setMinimumHeight(150)
        self.add_field_button = QPushButton(self.tr("添加字段"))
        self.remove_field_button = QPushButton(self.tr("删除字段"))
        self.add_field_button.clicked.connect(lambda: self._add_field_row(None))
        self.remove_field_button.clicked.connect(self._remove_field_row)

        form = QFormLayout()
        form.addRow(self.tr("编号"), self.id_edit)
        form.addRow(self.tr("标题"), self.title_edit)
        form.addRow(self.tr("快捷编码"), self.code_edit)
        form.addRow(self.tr("分组"), self.group_edit)
        form.addRow(self.tr("标签"), self.tags_edit)
        form.addRow(self.tr("回复内容"), self.text_edit)
        form.addRow(self.tr("使用说明"), self.note_edit)
        form.addRow(self.tr("买家问法"), self.examples_edit)
        field_buttons = QHBoxLayout()
        field_buttons.addWidget(self.add_field_button)
        field_buttons.addWidget(self.remove_field_button)
        field_buttons.addStretch(1)
        fields_box = QVBoxLayout()
        fields_box.addWidget(self.fields_table)
        fields_box.addLayout(field_buttons)
        form.addRow(self.tr("填写字段"), fields_box)
        form.addRow(self.tr("直达热键"), self.hotkey_edit)
        form.addRow("", self.send_check)

        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(self.tr("预览"))
        self.problem_list = QListWidget()
        self.problem_list.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.save_error = QLabel()
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.save_error.hide()

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("实时预览")))
        side_layout.addWidget(self.preview, 3)
        side_layout.addWidget(self.status_label)
        side_layout.addWidget(self.problem_list, 2)

        form_widget = QWidget()
        form_widget.setLayout(form)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setWidget(form_widget)
        splitter = QSplitter()
        splitter.addWidget(form_scroll)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setDefault(True)
        self.save_button.setShortcut("Ctrl+S")
        self.delete_button = QPushButton(self.tr("删除"))
        self.cancel_button = QPushButton(self.tr("返回"))
        self.save_button.clicked.connect(self.save_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.save_error)
        layout.addLayout(buttons)

        for line in (
            self.id_edit,
            self.title_edit,
            self.code_edit,
            self.group_edit,
            self.tags_edit,
            self.hotkey_edit,
        ):
            line.textChanged.connect(self._changed)
        for text in (self.text_edit, self.note_edit, self.examples_edit):
            text.textChanged.connect(self._changed)
        self.send_check.toggled.connect(self._changed)
        self.fields_table.itemChanged.connect(self._changed)

    def set_renderer(self, renderer: SnippetRenderer) -> None:
        """Previews follow a reloaded shop profile."""
        self._renderer = renderer

    # -- loading and reading the form -------------------------------------------------------

    def load(self, snippet: Snippet, *, is_new: bool, heading: str = "") -> None:
        """Fill the form from ``snippet``; ``is_new`` means it is not in any file yet."""
        self._loading = True
        try:
            self._original = snippet
            self._is_new = is_new
            self.heading.setText(heading)
            self.id_edit.setText(snippet.id)
            self.title_edit.setText(snippet.title)
            self.code_edit.setText(snippet.code)
            self.group_edit.setText(snippet.group)
            self.tags_edit.setText("，".join(snippet.tags))
            self.hotkey_edit.setText(snippet.hotkey or "")
            self.send_check.setChecked(snippet.send)
            self.text_edit.setPlainText(join_variants(snippet.variants))
            self.note_edit.setPlainText(snippet.note)
            self.examples_edit.setPlainText("\n".join(snippet.examples))
            self.fields_table.setRowCount(0)
            for f in snippet.fields:
                self._add_field_row(f)
            self.delete_button.setEnabled(not is_new)
            self.save_error.hide()
        finally:
            self._loading = False
        self._dirty = is_new
        self._untouched = is_new
        self.refresh()

    @property
    def original(self) -> Snippet | None:
        return self._original

    @property
    def is_new(self) -> bool:
        return self._is_new

    def is_dirty(self) -> bool:
        return self._dirty

    def mark_saved(self) -> None:
        self._dirty = False
        self._is_new = False
        self.delete_button.setEnabled(True)
        self.save_error.hide()

    def draft(self) -> Snippet:
        """The snippet as typed. Keeps what the form does not show (steps, file, pack)."""
        base = self._original or Snippet(id="", title="", variants=())
        return dataclasses.replace(
            base,
            id=self.id_edit.text().strip(),
            title=self.title_edit.text().strip(),
            variants=split_variants(self.text_edit.toPlainText()),
            variant_lines=(),  # file lines mean nothing until the pack is saved and reloaded
            code=self.code_edit.text().strip(),
            group="/".join(p.strip() for p in self.group_edit.text().split("/") if p.strip()),
            tags=split_list(self.tags_edit.text()),
            note=self.note_edit.toPlainText().strip(),
            examples=tuple(
                line.strip()
                for line in self.examples_edit.toPlainText().split("\n")
                if line.strip()
            ),
            fields=self._fields(),
            hotkey=self.hotkey_edit.text().strip() or None,
            send=self.send_check.isChecked(),
        )

    def _fields(self) -> tuple[Field, ...]:
        fields: list[Field] = []
        for row in range(self.fields_table.rowCount()):
            name = self._cell(row, 0)
            if not name:
                continue
            combo = self.fields_table.cellWidget(row, 2)
            kind_data = combo.currentData() if isinstance(combo, QComboBox) else "text"
            kind: FieldKind = next((k for k in FIELD_KINDS if k == kind_data), "text")
            fields.append(
                Field(
                    name=name,
                    label=self._cell(row, 1) or name,
                    kind=kind,
                    default=self._cell(row, 3) or None,
                    choices=split_list(self._cell(row, 4)),
                    choices_from=self._choices_from(row),
                )
            )
        return tuple(fields)

    def _choices_from(self, row: int) -> str | None:
        """The field's ``choices_from`` (not editable in the form), kept with its row."""
        item = self.fields_table.item(row, 4)
        source = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return source if isinstance(source, str) and source else None

    def _cell(self, row: int, column: int) -> str:
        item = self.fields_table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _add_field_row(self, f: Field | None) -> None:
        row = self.fields_table.rowCount()
        self.fields_table.insertRow(row)
        values = (f.name, f.label, f.default or "", "，".join(f.choices)) if f else ("", "", "", "")
        items = [QTableWidgetItem(value) for value in values]
        for column, item in zip((0, 1, 3, 4), items, strict=True):
            self.fields_table.setItem(row, column, item)
        if f is not None and f.choices_from:
            items[3].setData(Qt.ItemDataRole.UserRole, f.choices_from)
            items[3].setToolTip(self.tr("选项来自 %1").replace("%1", f.choices_from))
        combo = QComboBox()
        names = self.kind_names()
        for kind in FIELD_KINDS:
            combo.addItem(names.get(kind, kind), kind)  # shown in the UI language, saved as is
        combo.setCurrentIndex(max(0, combo.findData(f.kind if f else "text")))
        combo.currentIndexChanged.connect(self._changed)
        self.fields_table.setCellWidget(row, 2, combo)
        self._changed()

    def kind_names(self) -> dict[str, str]:
        """A field kind as the form names it (the pack file keeps text/number/choice/region)."""
        return {
            "text": self.tr("文字"),
            "number": self.tr("数字"),
            "choice": self.tr("选择"),
            "region": self.tr("省份"),
        }

    def _remove_field_row(self) -> None:
        row = self.fields_table.currentRow()
        if row >= 0:
            self.fields_table.removeRow(row)
            self._changed()

    # -- live preview and lint --------------------------------------------------------------

    def _changed(self, *_: Any) -> None:
        if self._loading:
            return
        self._dirty = True
        self._untouched = False
        self._timer.start()

    def refresh_pending(self) -> bool:
        return self._timer.isActive()

    def refresh(self) -> None:
        """Render the preview and run the checker now (normally 150 ms after typing stops)."""
        self._timer.stop()
        draft = self.draft()
        self.preview.setPlainText(self._render_preview(draft))
        self._problems = list(self._checker(draft)) if self._checker else []
        self._show_problems()

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def _render_preview(self, draft: Snippet) -> str:
        if len(draft.variants) < 2:
            return self._preview_or_reason(draft, 0 if draft.variants else None)
        parts: list[str] = []
        for number in range(len(draft.variants)):
            parts.append(self.tr("—— 变体 %1 ——").replace("%1", str(number + 1)))
            parts.append(self._preview_or_reason(draft, number))
        return "\n".join(parts)

    def _preview_or_reason(self, draft: Snippet, variant: int | None) -> str:
        try:
            return preview(self._renderer, draft, variant)
        except RenderError as err:
            # A half-typed template is the normal state while editing: the preview says why it
            # cannot render and moves on.
            return self.tr("无法预览：") + render_error_line(err)

    def _show_problems(self) -> None:
        self.problem_list.clear()
        if self._untouched:
            # A new reply is empty by nature: say what to do, not what is wrong.
            self.status_label.setText(self.tr("填好标题和回复内容，再保存"))
            self.status_label.setStyleSheet("")
            return
        errors = sum(1 for p in self._problems if p.severity is Severity.ERROR)
        warnings = len(self._problems) - errors
        for problem in self._problems:
            is_error = problem.severity is Severity.ERROR
            prefix = self.tr("错误") if is_error else self.tr("提醒")
            item = QListWidgetItem(f"{prefix}：{describe(problem)}")
            item.setForeground(QColor("#b00020" if is_error else "#8a5a00"))
            self.problem_list.addItem(item)
        if not self._problems:
            self.status_label.setText(self.tr("检查通过"))
            self.status_label.setStyleSheet("color: #1b7f3b;")
        else:
            self.status_label.setText(
                self.tr("%1 个错误，%2 个提醒")
                .replace("%1", str(errors))
                .replace("%2", str(warnings))
            )
            self.status_label.setStyleSheet("color: #b00020;" if errors else "color: #8a5a00;")
        if not errors:
            self.save_error.hide()

    def show_save_refused(self, reason: str) -> None:
        """Say why the save did not happen; the form keeps everything typed."""
        self.save_error.setText(reason)
        self.save_error.show()
