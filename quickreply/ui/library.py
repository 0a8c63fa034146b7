"""The library window: browse every pack, copy a reply, edit personal packs, train new agents.

Left to right: the group tree (全部 and every scenario with its count), a filter box over the
snippet list, and the detail pane (:mod:`quickreply.ui.library_detail`). Personal snippets
open in :class:`~quickreply.ui.editor.SnippetEditor` with a live preview and lint; team,
shipped and command-line packs are read-only and offer 复制到个人包 instead. Problems found
while loading the packs sit in a banner above the browser (:mod:`quickreply.ui.problem_banner`),
so a broken pack is visible in the window and not only in a terminal. A second tab holds the
trainee view. Saving is refused while the draft has lint errors (see docs/editing.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.editing import (
    EditError,
    EditRule,
    LintFn,
    SaveFn,
    check_draft,
    fork_draft,
    put_snippet,
    remove_snippet,
    unique_id,
    with_pack,
    write_pack,
)
from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet
from quickreply.core.problems import Problem
from quickreply.core.render import RenderError
from quickreply.ui import importer
from quickreply.ui.editor import SnippetEditor, SnippetRenderer, preview
from quickreply.ui.library_detail import DetailPane
from quickreply.ui.messages import describe
from quickreply.ui.models import (
    UNGROUPED,
    GroupTree,
    RankedSearch,
    SnippetListModel,
    visible_snippets,
)
from quickreply.ui.problem_banner import ProblemBanner
from quickreply.ui.trainee import TraineeView

ConfirmFn = Callable[[str], bool]

#: The personal pack created when an agent saves a first snippet of their own.
FIRST_PACK_FILE = "my.yaml"
FIRST_PACK_ID = "personal.my"

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
        self._lint = lint
        self._save = save
        self._store = store
        self._personal_dir = personal_dir
        self._rule = rule or EditRule()
        self._current: Snippet | None = None
        self._edit_path: Path | None = None  # the pack file the editor saves into
        self._edit_original_id: str | None = None  # None: a new snippet
        #: Asks yes/no before destructive actions; tests replace it.
        self.confirm: ConfirmFn = self._ask
        self.setWindowTitle(self.tr("话术库 - 快捷回复助手"))
        self.resize(1100, 700)

        self._build_banner()
        self._build_browser()
        self.list_model.search = search  # the palette's ranked search, when the app has one
        self.editor = SnippetEditor(renderer, self._check_draft)
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

        self.trainee = TraineeView(library, renderer)
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

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("筛选：标题、编码、内容、标签（Ctrl+F）"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.installEventFilter(self)
        self.list_model = SnippetListModel(self)
        self.list_view = QListView()
        self.list_view.setModel(self.list_model)
        self.list_view.setUniformItemSizes(True)
        self.list_view.selectionModel().currentChanged.connect(self._snippet_changed)
        self.list_view.activated.connect(lambda _index: self.copy_current())
        self.count_label = QLabel()
        self.new_button = QPushButton(self.tr("新建"))
        self.new_button.clicked.connect(self.new_snippet)
        self.import_button = QPushButton(self.tr("导入…"))
        self.import_button.clicked.connect(
            lambda: importer.import_into(
                self, self._library, self._personal_dir, self._save,
                lambda pack: self._replace_pack(pack, select_id=None),
            )
        )  # fmt: skip
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.clicked.connect(
            lambda: importer.export_library(self, self._library, self._renderer)
        )
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.count_label, 1)
        list_buttons.addWidget(self.import_button)
        list_buttons.addWidget(self.export_button)
        list_buttons.addWidget(self.new_button)
        # 发布…: only where the team's key is (the app calls set_publishing).
        self.publish_button = QPushButton(self.tr("发布…"))
        self.publish_button.clicked.connect(lambda: self.publish_requested.emit())
        self.publish_button.setVisible(False)
        list_buttons.addWidget(self.publish_button)
        self._list_page = QWidget()
        list_layout = QVBoxLayout(self._list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.filter_edit)
        list_layout.addWidget(self.list_view, 1)
        list_layout.addLayout(list_buttons)

        self._detail_page = DetailPane()
        pane = self._detail_page
        # The pane's widgets under the names the window (and its tests) have always used.
        self.title_label, self.meta_label = pane.title_label, pane.meta_label
        self.lock_label, self.source_label = pane.lock_label, pane.source_label
        self.detail, self.message_label = pane.detail, pane.message_label
        self.copy_button, self.edit_button = pane.copy_button, pane.edit_button
        self.fork_button, self.delete_button = pane.fork_button, pane.delete_button
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
        self._rule = rule

    def set_publishing(self, on: bool) -> None:
        """Show 发布… (the team key is on this machine and a publish target is known)."""
        self.publish_button.setVisible(on)

    def set_marks(self, marks: Mapping[str, str]) -> None:
        """Mark replies a recent team version added or changed (text before the title)."""
        self.list_model.set_marks(marks)

    def _show_library(self, select_id: str | None) -> None:
        self.list_model.set_library(self._library, self._rule.allows)
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
        row = self.list_model.row_of(snippet_id)
        if row < 0:
            return False
        self.list_view.setCurrentIndex(self.list_model.index(row, 0))
        return True

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
            self.list_view.setCurrentIndex(self.list_model.index(0, 0))
            return
        self._show_snippet(None)
        elsewhere = self.list_model.count_in_all_groups() if self.current_group() else 0
        if elsewhere:
            self.title_label.setText(
                self.tr("本分组没有符合条件的话术；其他分组中有 %1 条（点“全部”查看）").replace(
                    "%1", str(elsewhere)
                )
            )

    def _snippet_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_snippet(self.list_model.snippet_at(current.row()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Arrows in the filter box move the list, so the hands never leave the keyboard.
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()), 0)
            if step:
                row = self.list_view.currentIndex().row() + step
                if 0 <= row < self.list_model.rowCount():
                    self.list_view.setCurrentIndex(self.list_model.index(row, 0))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.copy_current()
                return True
        return super().eventFilter(watched, event)

    def _pack(self, snippet: Snippet) -> Pack | None:
        return self._library.pack_of(snippet)

    def _editable(self, pack: Pack | None) -> bool:
        return pack is not None and self._rule.allows(pack) and self._save is not None

    def _show_snippet(self, snippet: Snippet | None) -> None:
        self._current = snippet
        pack = self._pack(snippet) if snippet is not None else None
        editable = self._editable(pack)
        self._detail_page.display(
            snippet,
            pack,
            editable=editable,
            can_fork=not editable and self._can_create_personal(),
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
            self._say(self.tr("无法复制：") + str(err), error=True)
            return False
        QGuiApplication.clipboard().setText(text)
        self._say(self.tr("已复制到剪贴板"))
        return True

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet("color: #b00020;" if error else "color: #1b7f3b;")
        self.message_label.setText(text)
        self.statusBar().showMessage(text, 5000)

    # -- editing ----------------------------------------------------------------------------

    def _personal_pack(self) -> Pack | None:
        return next((p for p in self._library.packs if p.editable), None)

    def _can_create_personal(self) -> bool:
        return self._save is not None and (
            self._personal_pack() is not None or self._personal_dir is not None
        )

    def _target_pack(self) -> tuple[PackMeta, Path] | None:
        pack = self._personal_pack()
        if pack is not None:
            return pack.meta, pack.path
        if self._personal_dir is None or self._save is None:
            return None
        taken = {p.meta.id for p in self._library.packs}
        pack_id = FIRST_PACK_ID
        while pack_id in taken:
            pack_id += "2"
        meta = PackMeta(id=pack_id, name=self.tr("我的话术"))
        return meta, self._personal_dir / FIRST_PACK_FILE

    def edit_current(self) -> bool:
        """Open the selected snippet in the editor; refused for read-only packs."""
        snippet = self._current
        if snippet is None:
            return False
        pack = self._pack(snippet)
        if not self._editable(pack):
            self._say(
                self.tr("这条话术属于只读的话术包，不能修改；可以先“存一份到个人包改”。"),
                error=True,
            )
            return False
        assert pack is not None
        self._open_editor(
            snippet, pack.path, original_id=snippet.id, heading=self.tr("编辑：") + pack.meta.name
        )
        return True

    def new_snippet(self) -> bool:
        """Start a new personal snippet in the current group (creates my.yaml on first save)."""
        # On the lead's machine a new reply goes into the selected team pack.
        team = self._pack(self._current) if self._current else None
        into_team = team is not None and team.source is PackSource.TEAM and self._editable(team)
        target = (team.meta, team.path) if team and into_team else self._target_pack()
        if target is None:
            self._say(self.tr("没有可写的个人话术包。"), error=True)
            return False
        meta, path = target
        group = self.current_group()
        draft = Snippet(
            id=unique_id(self._library, meta.id + ".new" if into_team else "my.snippet"),
            title="",
            variants=(),
            group="" if group == UNGROUPED else group,
            pack_id=meta.id,
            path=str(path),
        )
        self._open_editor(draft, path, original_id=None, heading=self.tr("新建：") + meta.name)
        return True

    def copy_to_personal(self) -> bool:
        """Copy a read-only snippet into the personal pack as a new, unsaved draft."""
        snippet = self._current
        target = self._target_pack()
        if snippet is None or target is None:
            return False
        meta, path = target
        draft = fork_draft(snippet, self._library, meta, path)
        self._open_editor(
            draft, path, original_id=None, heading=self.tr("复制到个人包：") + meta.name
        )
        return True

    def _open_editor(
        self, snippet: Snippet, path: Path, *, original_id: str | None, heading: str
    ) -> None:
        self._edit_path = path
        self._edit_original_id = original_id
        self.tabs.setCurrentIndex(0)
        self.editor.load(snippet, is_new=original_id is None, heading=heading)
        self.stack.setCurrentWidget(self.editor)
        self.editor.title_edit.setFocus()

    def is_editing(self) -> bool:
        return self.stack.currentWidget() is self.editor

    def cancel_edit(self) -> None:
        if self.editor.is_dirty() and not self.confirm(self.tr("放弃未保存的修改？")):
            return
        self._close_editor()

    def _close_editor(self) -> None:
        self._edit_path = None
        self._edit_original_id = None
        self.stack.setCurrentWidget(self._detail_page)

    def _check_draft(self, draft: Snippet) -> list[Problem]:
        """Problems with the draft (core/editing.py)."""
        problems = check_draft(
            draft,
            self._library,
            pack_path=self._edit_path,
            original_id=self._edit_original_id,
            lint=self._lint,
        )
        return problems  # ui/messages.py says each in the UI language by its code

    def save_draft(self) -> bool:
        """Save the editor's draft into its personal pack; refused while it has errors."""
        path = self._edit_path
        if path is None or self._save is None:
            return False
        self.editor.refresh()  # checks the draft as it is now, not 150 ms ago
        draft = self.editor.draft()
        errors = [p for p in self.editor.problems() if p.is_error]
        if errors:
            reason = self.tr("未保存：还有 %1 个错误，改正后再保存。第一个：").replace(
                "%1", str(len(errors))
            )
            self.editor.show_save_refused(reason + describe(errors[0]))
            return False
        existing = next((p for p in self._library.packs if p.path == path), None)
        if existing is None:
            target = self._target_pack()
            assert target is not None
            meta = target[0]
        else:
            meta = existing.meta
        pack, draft = put_snippet(
            existing, draft, original_id=self._edit_original_id, meta=meta, path=path
        )
        if not self._write(pack, path):
            return False
        self.editor.mark_saved()
        self._edit_original_id = draft.id
        self._close_editor()
        self._replace_pack(pack, select_id=draft.id)
        self._say(self.tr("已保存到 %1").replace("%1", str(path)))
        return True

    def _write(self, pack: Pack, path: Path) -> bool:
        assert self._save is not None
        try:
            write_pack(pack, self._save, self._rule)
        except EditError as err:
            self._say(str(err), error=True)
            return False
        except OSError as err:
            reason = self.tr("未保存：无法写入 %1（%2）；请检查文件夹权限或磁盘空间。")
            reason = reason.replace("%1", str(path)).replace("%2", err.strerror or str(err))
            if self.is_editing():
                self.editor.show_save_refused(reason)
            else:
                self._say(reason, error=True)
            return False
        return True

    def _replace_pack(self, pack: Pack, select_id: str | None) -> None:
        self._library = with_pack(self._library, pack)
        self.trainee.set_library(self._library)
        self._show_library(select_id=select_id)
        self.saved.emit(pack.path)
        self.library_changed.emit(self._library)

    def delete_current(self) -> bool:
        """Delete the selected (or edited) personal snippet after asking; the .bak keeps it."""
        if self.is_editing():
            original = self.editor.original
            if self._edit_original_id is None or original is None:
                self.cancel_edit()
                return False
            snippet_id = self._edit_original_id
            title = original.title
        elif self._current is not None:
            snippet_id, title = self._current.id, self._current.title
        else:
            return False
        snippet = self._library.get(snippet_id)
        pack = self._pack(snippet) if snippet else None
        if pack is None or not self._editable(pack):
            self._say(self.tr("只读话术包里的话术不能删除。"), error=True)
            return False
        if not self.confirm(self.tr("删除“%1”？").replace("%1", title)):
            return False
        new_pack = remove_snippet(pack, snippet_id)
        if not self._write(new_pack, pack.path):
            return False
        self.editor.mark_saved()
        self._close_editor()
        self._current = None
        self._replace_pack(new_pack, select_id=None)
        self._say(self.tr("已删除（上一版保存在 %1.bak）").replace("%1", pack.path.name))
        return True

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
