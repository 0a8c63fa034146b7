"""The snippet editor form: edit one personal snippet with a live preview and live lint.

The form knows nothing about packs or files. It turns what is typed into a draft
:class:`~quickreply.core.model.Snippet` (``draft()``), shows a rendered preview of every
variant and the problems a ``checker`` callable finds, both refreshed 150 ms after the last
keystroke, and asks its owner (the library window) to save, delete or cancel through signals.
A refused save only shows its reason: the typed text stays in the form. A name the text uses
that nothing defines is offered as a field in a bar under the text, and a new reply's id follows
its code or title (the owner's ``suggest_id``) until the agent types one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.model import Field, Snippet
from quickreply.core.packs import FIELD_NAME_RE
from quickreply.core.problems import Problem, Severity
from quickreply.core.render import RenderError
from quickreply.core.render.fields import choices_of
from quickreply.ui.field_table import FieldTable, kind_names, split_list
from quickreply.ui.messages import describe
from quickreply.ui.themes import is_dark

#: A line holding only this separates the variants of a snippet's text in the editor.
VARIANT_SEPARATOR = "---"
#: Debounce between the last keystroke and the preview/lint refresh.
REFRESH_MS = 150
#: The renderer's problems about a name the text uses that nothing defines.
UNKNOWN_NAME_CODES = ("template.unknown_name", "template.unknown_name_close")

Checker = Callable[[Snippet], Sequence[Problem]]
#: ``suggest(code, title) -> id`` for a new reply (core.editing.suggest_id).
IdSuggester = Callable[[str, str], str]


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

        self.fields_table = FieldTable()
        self.fields_table.changed.connect(self._changed)
        # `{{ name }}` typed in the text and not yet a field: one click declares it.
        self.declare_bar = QFrame()
        self.declare_bar.setObjectName("declareBar")
        self.declare_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.declare_label = QLabel()
        self.declare_label.setWordWrap(True)
        self.declare_button = QPushButton(self.tr("添加为填写字段"))
        self.declare_button.clicked.connect(self.declare_undeclared)
        declare_row = QHBoxLayout(self.declare_bar)
        declare_row.setContentsMargins(6, 2, 6, 2)
        declare_row.addWidget(self.declare_label, 1)
        declare_row.addWidget(self.declare_button)
        self.declare_bar.hide()
        self._undeclared: list[str] = []
        self.add_field_button = QPushButton(self.tr("添加字段"))
        self.remove_field_button = QPushButton(self.tr("删除字段"))
        self.add_field_button.clicked.connect(lambda: self.fields_table.add_field(None))
        self.remove_field_button.clicked.connect(self.fields_table.remove_current)

        form = QFormLayout()
        form.addRow(self.tr("编号"), self.id_edit)
        form.addRow(self.tr("标题"), self.title_edit)
        form.addRow(self.tr("快捷编码"), self.code_edit)
        form.addRow(self.tr("分组"), self.group_edit)
        form.addRow(self.tr("标签"), self.tags_edit)
        text_box = QVBoxLayout()
        text_box.addWidget(self.text_edit)
        text_box.addWidget(self.declare_bar)
        form.addRow(self.tr("回复内容"), text_box)
        form.addRow(self.tr("使用说明"), self.note_edit)
        form.addRow(self.tr("买家问法"), self.examples_edit)
        field_buttons = QHBoxLayout()
        field_buttons.addWidget(self.add_field_button)
        field_buttons.addWidget(self.remove_field_button)
        field_buttons.addStretch(1)
        fields_box = QVBoxLayout()
        fields_box.addWidget(self.fields_table)
        fields_box.addLayout(field_buttons)
        # The table spans the form under its label: five columns are read whole only with the
        # label column's width too (beside it, the last column was cut at 1100 px in English).
        self.fields_label = QLabel(self.tr("填写字段"))
        form.addRow(self.fields_label)
        form.addRow(fields_box)
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
        # A new reply's id follows its code or title until the agent types one of their own.
        self._suggest_id: IdSuggester | None = None
        self._id_typed = False
        self.id_edit.textEdited.connect(self._id_edited)
        self.code_edit.textChanged.connect(self._follow_id)
        self.title_edit.textChanged.connect(self._follow_id)

    def set_checker(self, checker: Checker) -> None:
        """What the form checks its draft with (the owner's rules, e.g. core/editing.py)."""
        self._checker = checker

    def set_renderer(self, renderer: SnippetRenderer) -> None:
        """Previews follow a reloaded shop profile."""
        self._renderer = renderer

    # -- loading and reading the form -------------------------------------------------------

    def load(
        self,
        snippet: Snippet,
        *,
        is_new: bool,
        heading: str = "",
        suggest_id: IdSuggester | None = None,
    ) -> None:
        """Fill the form from ``snippet``; ``is_new`` means it is not in any file yet.
        ``suggest_id(code, title)`` names a new reply from what is typed (core/editing.py)."""
        self._suggest_id = suggest_id if is_new else None
        self._id_typed = False
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
            self.fields_table.set_fields(snippet.fields)
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
            fields=self.fields_table.fields(),
            hotkey=self.hotkey_edit.text().strip() or None,
            send=self.send_check.isChecked(),
        )

    def _id_edited(self, _text: str) -> None:
        self._id_typed = True

    def _follow_id(self, _text: str) -> None:
        if self._loading or self._suggest_id is None or self._id_typed:
            return
        self.id_edit.setText(
            self._suggest_id(self.code_edit.text().strip(), self.title_edit.text().strip())
        )

    def kind_names(self) -> dict[str, str]:
        """A field kind as the form names it (the pack file keeps text/number/choice/region)."""
        return kind_names()

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
        self._offer_fields(draft)

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
        # Readable on either theme: the item colours are not reached by the style sheet.
        red, amber = ("#ff7b72", "#d29922") if is_dark(self) else ("#b00020", "#8a5a00")
        for problem in self._problems:
            is_error = problem.severity is Severity.ERROR
            # The colon is the language's own (full-width in Chinese, ": " in English).
            line = self.tr("错误：%1") if is_error else self.tr("提醒：%1")
            item = QListWidgetItem(line.replace("%1", describe(problem)))
            item.setForeground(QColor(red if is_error else amber))
            self.problem_list.addItem(item)
        if not self._problems:
            self.status_label.setText(self.tr("检查通过"))
            self.status_label.setStyleSheet("color: #1b7f3b;")
        else:
            # Qt's plural forms (%n, numerus in the .ts): "1 error", "2 warnings"; a zero count
            # is left out rather than shown as "0 warning(s)".
            parts = []
            if errors:
                parts.append(self.tr("%n 个错误", "", errors))
            if warnings:
                parts.append(self.tr("%n 个提醒", "", warnings))
            self.status_label.setText(self.tr("，").join(parts))
            self.status_label.setStyleSheet(f"color: {red};" if errors else f"color: {amber};")
        if not errors:
            self.save_error.hide()

    def _offer_fields(self, draft: Snippet) -> None:
        """Offer to declare the names the text uses that are neither fields nor known names."""
        declared = {f.name for f in draft.fields}
        names: list[str] = []
        for problem in self._problems:
            name = problem.arg("name")
            if (
                problem.code in UNKNOWN_NAME_CODES
                and FIELD_NAME_RE.fullmatch(name)
                and name not in declared
                and name not in names
            ):
                names.append(name)
        text = "\n".join(draft.variants)
        names.sort(key=text.find)  # in the order the text uses them
        self._undeclared = names
        if not names:
            self.declare_bar.hide()
            return
        self.declare_label.setText(
            self.tr("回复内容里的 %1 还不是填写字段").replace("%1", "、".join(names))
        )
        self.declare_bar.show()

    def undeclared_names(self) -> list[str]:
        """The names the bar under the text offers to declare."""
        return list(self._undeclared)

    def declare_undeclared(self) -> None:
        """Add a text field for every name the bar offers (its label the name, to rename)."""
        for name in self._undeclared:
            self.fields_table.add_field(Field(name=name, label=name))
        self.refresh()

    def errors_left(self, count: int) -> str:
        """Why a save was refused, before the first error's words (%n: Qt's plural forms)."""
        return self.tr("未保存：还有 %n 个错误，改正后再保存。第一个：", "", count)

    def show_save_refused(self, reason: str) -> None:
        """Say why the save did not happen; the form keeps everything typed."""
        self.save_error.setText(reason)
        self.save_error.show()
