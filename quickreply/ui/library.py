"""The library window: browse every pack, copy a reply, edit personal packs, train new agents.

Left to right: the group tree (全部 and every scenario with its count), the search box, source
filter and reply list (:mod:`quickreply.ui.library_list`), and the detail pane
(:mod:`quickreply.ui.library_detail`). Personal snippets
open in :class:`~quickreply.ui.editor.SnippetEditor` with a live preview and lint; team,
shipped and command-line packs are read-only and offer 存一份到个人包改 instead. Problems found
while loading the packs sit in a banner above the browser (:mod:`quickreply.ui.problem_banner`),
so a broken pack is visible in the window and not only in a terminal. A second tab holds the
trainee view. Saving is refused while the draft has lint errors (see docs/editing.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.editing import (
    EditRule,
    LintFn,
    SaveFn,
    with_pack,
)
from quickreply.core.model import Library, Pack, PackSource, Snippet
from quickreply.core.render import RenderError
from quickreply.ui import importer
from quickreply.ui.editor import SnippetEditor, SnippetRenderer, preview
from quickreply.ui.library_detail import DetailPane
from quickreply.ui.library_edit import Editing
from quickreply.ui.library_list import ReplyList
from quickreply.ui.models import UNGROUPED, GroupTree, RankedSearch, group_of, visible_snippets
from quickreply.ui.problem_banner import ProblemBanner
from quickreply.ui.themes import is_dark
from quickreply.ui.trainee import TraineeView

ConfirmFn = Callable[[str], bool]


KEY_GEOMETRY = "library/geometry"
KEY_STATE = "library/state"
KEY_SPLITTER = "library/splitter"
KEY_TAB = "library/tab"


class GeometryStore(Protocol):
    """The part of QSettings the window uses to remember its geometry."""

    def value(self, key: str, /) -> object: ...

    def setValue(self, key: str, value: Any, /) -> None: ...


class LibraryWindow(QMainWindow):
    """Browse, copy and edit snippets.

    Args:
        library: the merged library to show (``set_library`` replaces it later).
        renderer: renders previews and copied text; ``None`` copies the raw template.
        lint: ``lint(library) -> problems`` (e.g. ``lambda lib: lint_library(lib, shop)``);
            run as you type and again on save, on the draft next to the saved snippets it
            could clash with (see ``core.editing.draft_library``).
        save: ``save(pack, path)``, atomic with a ``.bak`` (``core.packs.save_pack``);
            ``None`` makes every pack read-only.
        store: a QSettings (or anything with ``value``/``setValue``) for geometry and splitter
            state; ``None`` remembers nothing.
        personal_dir: where the first personal pack (``my.yaml``) is created.
        rule: which packs may be written (``core.editing.EditRule``); personal only when
            ``None``, team packs too on the lead's machine (``lead_rule``).

    Signals:
        saved(Path): a personal pack file was written.
        library_changed(Library): the window's library changed after a save or delete; the
            app may reload from disk and call ``set_library``.
    """

    saved = Signal(object)
    library_changed = Signal(object)
    publish_requested = Signal()  # 发布… (team lead): the app shows what would change

    def __init__(
        self,
        library: Library,
        *,
        renderer: SnippetRenderer | None = None,
        lint: LintFn | None = None,
        save: SaveFn | None = None,
        store: GeometryStore | None = None,
        personal_dir: Path | None = None,
        rule: EditRule | None = None,
        search: RankedSearch | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._renderer = renderer
        self._save = save
        self._store = store
        self._personal_dir = personal_dir
        self._current: Snippet | None = None
        #: Asks yes/no before destructive actions; tests replace it.
        self.confirm: ConfirmFn = self._ask
        self.setWindowTitle(self.tr("话术库 - 快捷回复助手"))
        self.resize(1100, 700)

        self._build_banner()
        self._build_browser()
        self.list_model.search = search  # the palette's ranked search, when the app has one
        self.editor = SnippetEditor(renderer)
        self.editing = Editing(
            self,
            self.editor,
            lint=lint,
            save=save,
            personal_dir=personal_dir,
            rule=rule or EditRule(),
        )
        self.editor.set_checker(self.editing.check)
        self.editor.save_requested.connect(self.save_draft)
        self.editor.delete_requested.connect(self.delete_current)
        self.editor.cancel_requested.connect(self.cancel_edit)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._detail_page)
        self.stack.addWidget(self.editor)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self._list_page)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([200, 300, 600])

        browse = QWidget()
        browse_layout = QVBoxLayout(browse)
        browse_layout.setContentsMargins(6, 6, 6, 6)
        browse_layout.addWidget(self.problem_banner)
        browse_layout.addWidget(self.splitter, 1)

        self.trainee = TraineeView(library, renderer, search=search)
        self.tabs = QTabWidget()
        self.tabs.addTab(browse, self.tr("话术库"))
        self.tabs.addTab(self.trainee, self.tr("新人学习"))
        self.setCentralWidget(self.tabs)

        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.activated.connect(self.focus_filter)
        self._show_library(select_id=None)
        self.restore_state()

    # -- building ---------------------------------------------------------------------------

    def _build_banner(self) -> None:
        self.problem_banner = ProblemBanner()
        # Its parts under the names the window (and its tests) have always used.
        self.banner, self.banner_label = self.problem_banner.banner, self.problem_banner.label
        self.banner_toggle = self.problem_banner.toggle
        self.problem_list = self.problem_banner.problems

    def _build_browser(self) -> None:
        self.tree = GroupTree()
        self.tree.group_changed.connect(self._group_changed)

        self.reply_list = ReplyList()
        column = self._list_page = self.reply_list
        # The column's widgets under the names the window (and its tests) have always used.
        self.filter_edit, self.list_model, self.list_view = (
            column.filter_edit,
            column.model,
            column.view,
        )
        self.count_label, self.new_button = column.count_label, column.new_button
        self.import_button, self.export_button = column.import_button, column.export_button
        self.publish_button = column.publish_button
        self.filter_edit.textChanged.connect(self._filter_changed)
        column.current_changed.connect(self._show_snippet)
        column.copy_requested.connect(self.copy_current)
        column.source_changed.connect(self._source_changed)
        self.new_button.clicked.connect(self.new_snippet)
        self.import_button.clicked.connect(
            lambda: importer.import_into(
                self, self._library, self._personal_dir, self._save,
                lambda pack: self.replace_pack(pack, select_id=None),
            )
        )  # fmt: skip
        self.export_button.clicked.connect(
            lambda: importer.export_library(self, self._library, self._renderer)
        )
        self.publish_button.clicked.connect(lambda: self.publish_requested.emit())

        self._detail_page = DetailPane()
        pane = self._detail_page
        # The pane's widgets under the names the window (and its tests) have always used.
        self.title_label, self.meta_label = pane.title_label, pane.meta_label
        self.lock_label, self.source_label = pane.lock_label, pane.source_label
        self.detail, self.message_label = pane.detail, pane.message_label
        self.copy_button, self.edit_button = pane.copy_button, pane.edit_button
        self.fork_button, self.delete_button = pane.fork_button, pane.delete_button
        self.template_toggle = pane.template_toggle
        self.copy_button.clicked.connect(self.copy_current)
        self.edit_button.clicked.connect(self.edit_current)
        self.fork_button.clicked.connect(self.copy_to_personal)
        self.delete_button.clicked.connect(self.delete_current)

    # -- the library ------------------------------------------------------------------------

    @property
    def library(self) -> Library:
        return self._library

    def set_library(self, library: Library, renderer: SnippetRenderer | None = None) -> None:
        """Show a reloaded library, keeping the group, filter, selection and any open draft;
        ``renderer`` replaces the previews' renderer when the shop profile changed."""
        self._library = library
        if renderer is not None:
            self._renderer = renderer
            self.editor.set_renderer(renderer)
        self.trainee.set_library(library, renderer)
        self._show_library(select_id=self._current.id if self._current else None)

    def set_edit_rule(self, rule: EditRule) -> None:
        """Which packs may be written (the team key or publish target may have changed)."""
        self.editing.rule = rule

    def set_publishing(self, on: bool) -> None:
        """Show 发布… (the team key is on this machine and a publish target is known)."""
        self.publish_button.setVisible(on)

    def set_marks(self, marks: Mapping[str, str]) -> None:
        """Mark replies a recent team version added or changed (text before the title)."""
        self.list_model.set_marks(marks)

    def _show_library(self, select_id: str | None) -> None:
        self.reply_list.set_library(self._library)
        self.tree.rebuild(visible_snippets(self._library))  # narrows the list to the group
        self._show_problems()
        self._after_list_change(select_id)

    def _show_problems(self) -> None:
        self.problem_banner.set_problems(self._library.problems)

    # -- browsing ---------------------------------------------------------------------------

    def current_group(self) -> str:
        return self.tree.current_group()

    def select_group(self, group: str) -> None:
        self.tree.select_group(group)

    def select_snippet(self, snippet_id: str) -> bool:
        """Select a listed reply and scroll it into view; False when the list hides it."""
        row = self.list_model.row_of(snippet_id)
        if row < 0:
            return False
        self.reply_list.select_row(row)
        return True

    def reveal_snippet(self, snippet_id: str) -> bool:
        """Select a reply even when the group, source or filter hides it (after a save)."""
        if self.select_snippet(snippet_id):
            return True
        snippet = self._library.get(snippet_id)
        if snippet is None:
            return False
        self.reply_list.source_buttons[None].setChecked(True)
        self.list_model.set_source(None)
        self.filter_edit.clear()
        self.tree.select_group(group_of(snippet) or UNGROUPED)
        return self.select_snippet(snippet_id)

    def select_source(self, source: PackSource | None) -> None:
        """Show only the replies of one source (内置, 团队, 个人); None: all."""
        self.reply_list.set_source(source)

    def listed_snippets(self) -> list[Snippet]:
        return self.list_model.snippets()

    def current_snippet(self) -> Snippet | None:
        return self._current

    def focus_filter(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _group_changed(self, group: str) -> None:
        selected = self._current.id if self._current else None
        self.list_model.set_group(group)
        self._after_list_change(selected)

    def _source_changed(self) -> None:
        self._after_list_change(self._current.id if self._current else None)

    def _filter_changed(self, text: str) -> None:
        selected = self._current.id if self._current else None
        self.list_model.set_filter(text)
        self._after_list_change(selected)

    def _after_list_change(self, select_id: str | None) -> None:
        count = self.list_model.rowCount()
        self.count_label.setText(self.tr("%1 条").replace("%1", str(count)))
        if select_id and self.select_snippet(select_id):
            return
        if count:
            self.reply_list.select_row(0)
            return
        self._show_snippet(None)
        elsewhere = self.list_model.count_in_all_groups() if self.current_group() else 0
        if elsewhere:
            self.title_label.setText(
                self.tr("本分组没有符合条件的话术；其他分组中有 %1 条（点“全部”查看）").replace(
                    "%1", str(elsewhere)
                )
            )

    def _pack(self, snippet: Snippet) -> Pack | None:
        return self._library.pack_of(snippet)

    def _show_snippet(self, snippet: Snippet | None) -> None:
        self._current = snippet
        pack = self._pack(snippet) if snippet is not None else None
        editable = self.editing.editable(pack)
        self._detail_page.display(
            snippet,
            pack,
            editable=editable,
            can_fork=not editable and self.editing.can_create_personal(),
            render=self._render_variant,
        )

    def _render_variant(self, snippet: Snippet, variant: int) -> str | None:
        """One variant as a buyer would get it now, or None without a renderer."""
        if self._renderer is None:
            return None
        try:
            return preview(self._renderer, snippet, variant)
        except RenderError as err:
            return self.tr("无法预览：") + str(err)

    # -- copy -------------------------------------------------------------------------------

    def copy_current(self) -> bool:
        """Put the selected reply on the clipboard: rendered if possible, else the raw text."""
        snippet = self._current
        if snippet is None:
            return False
        # Fields cannot be filled in here: a text field without a default is copied as 【label】,
        # which the agent sees and replaces after pasting (see editor.stand_ins).
        try:
            text = preview(self._renderer, snippet)
        except RenderError as err:
            # A reply that cannot render must not reach a buyer half-made: say why (str(err) is
            # one readable `path:line:` line) and copy nothing.
            self.say(self.tr("无法复制：") + str(err), error=True)
            return False
        QGuiApplication.clipboard().setText(text)
        self.say(self.tr("已复制到剪贴板"))
        return True

    def say(self, text: str, *, error: bool = False) -> None:
        """One short line under the reply: a confirmation or why something did not happen."""
        red, green = ("#ff7b72", "#3fb950") if is_dark(self) else ("#b00020", "#1b7f3b")
        self.message_label.setStyleSheet(f"color: {red if error else green};")
        self.message_label.setText(text)

    # -- editing (ui/library_edit.py) -------------------------------------------------------

    def edit_current(self) -> bool:
        """Open the selected snippet in the editor; refused for read-only packs."""
        return self.editing.edit(self._current)

    def new_snippet(self) -> bool:
        """Start a new personal snippet in the current group (creates my.yaml on first save)."""
        return self.editing.new(self._current, self.current_group())

    def copy_to_personal(self) -> bool:
        """Copy a read-only snippet into the personal pack as a new, unsaved draft."""
        return self.editing.fork(self._current)

    def save_draft(self) -> bool:
        """Save the editor's draft into its pack; refused while it has errors."""
        return self.editing.save()

    def delete_current(self) -> bool:
        """Delete the selected (or edited) personal snippet after asking; the .bak keeps it."""
        return self.editing.delete(self._current)

    def cancel_edit(self) -> None:
        self.editing.cancel()

    def is_editing(self) -> bool:
        return self.stack.currentWidget() is self.editor

    def show_editor(self, on: bool) -> None:
        """The form in place of the detail pane (``on``), or back."""
        if on:
            self.tabs.setCurrentIndex(0)
        self.stack.setCurrentWidget(self.editor if on else self._detail_page)
        # The form and its field table need the room more than the group tree does.
        self.tree.setVisible(not on)

    def replace_pack(self, pack: Pack, select_id: str | None) -> None:
        """Show the library with ``pack`` written, ``select_id`` selected and in view."""
        self._library = with_pack(self._library, pack)
        self.trainee.set_library(self._library)
        self._show_library(select_id=select_id)
        if select_id is not None:
            self.reveal_snippet(select_id)  # a reply saved into another group is shown too
        self.saved.emit(pack.path)
        self.library_changed.emit(self._library)

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("话术库"), question)
        return answer == QMessageBox.StandardButton.Yes

    # -- geometry ---------------------------------------------------------------------------

    def restore_state(self) -> None:
        if self._store is None:
            return
        geometry = self._store.value(KEY_GEOMETRY)
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        state = self._store.value(KEY_STATE)
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        splitter = self._store.value(KEY_SPLITTER)
        if isinstance(splitter, QByteArray | bytes):
            self.splitter.restoreState(QByteArray(splitter))
        tab = self._store.value(KEY_TAB)
        if tab is not None and str(tab).isdigit():
            self.tabs.setCurrentIndex(int(str(tab)))

    def save_state(self) -> None:
        if self._store is None:
            return
        self._store.setValue(KEY_GEOMETRY, self.saveGeometry())
        self._store.setValue(KEY_STATE, self.saveState())
        self._store.setValue(KEY_SPLITTER, self.splitter.saveState())
        self._store.setValue(KEY_TAB, self.tabs.currentIndex())

    def closeEvent(self, event: QCloseEvent) -> None:
        dirty = self.is_editing() and self.editor.is_dirty()
        if dirty and not self.confirm(self.tr("有未保存的修改，仍然关闭？")):
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)
