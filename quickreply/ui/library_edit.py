"""The library window's editing actions: open, start, fork, save and delete a reply.

:class:`Editing` drives the :class:`~quickreply.ui.editor.SnippetEditor` form for the window
(its host): which pack file the draft saves into, what it replaces, the checks before a save
(``core/editing.py``) and the writes (atomic, with ``.bak``). The host shows the result: it
swaps the form in and out, reloads its list and says one short line. Its strings keep the
``LibraryWindow`` translation context they had before this was split out of the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from quickreply.core.editing import (
    EditError,
    EditRule,
    LintFn,
    SaveFn,
    carry_pictures,
    check_draft,
    fork_draft,
    put_snippet,
    remove_snippet,
    suggest_id,
    write_pack,
)
from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet
from quickreply.core.problems import Problem
from quickreply.ui.editor import IdSuggester, SnippetEditor
from quickreply.ui.messages import describe
from quickreply.ui.models import UNGROUPED

#: The personal pack created when an agent saves a first snippet of their own.
FIRST_PACK_FILE = "my.yaml"
FIRST_PACK_ID = "personal.my"


class EditHost(Protocol):
    """What the editing needs of the library window."""

    confirm: Callable[[str], bool]  # yes/no before destructive actions

    @property
    def library(self) -> Library: ...

    def replace_pack(self, pack: Pack, select_id: str | None) -> None: ...

    def say(self, text: str, *, error: bool = False) -> None: ...

    def show_editor(self, on: bool) -> None: ...


class Editing:
    """The window's edits of writable packs (``rule``: which; ``save`` None: none)."""

    def __init__(
        self,
        host: EditHost,
        editor: SnippetEditor,
        *,
        lint: LintFn | None,
        save: SaveFn | None,
        personal_dir: Path | None,
        rule: EditRule,
    ) -> None:
        self._host = host
        self.editor = editor
        self._lint = lint
        self._save = save
        self._personal_dir = personal_dir
        self.rule = rule
        self._path: Path | None = None  # the pack file the open draft saves into
        self._original_id: str | None = None  # None: a new snippet

    # -- which packs ------------------------------------------------------------------------

    def editable(self, pack: Pack | None) -> bool:
        return pack is not None and self.rule.allows(pack) and self._save is not None

    def can_create_personal(self) -> bool:
        return self._save is not None and (
            self._personal_pack() is not None or self._personal_dir is not None
        )

    def _personal_pack(self) -> Pack | None:
        return next((p for p in self._host.library.packs if p.editable), None)

    def _target_pack(self) -> tuple[PackMeta, Path] | None:
        pack = self._personal_pack()
        if pack is not None:
            return pack.meta, pack.path
        if self._personal_dir is None or self._save is None:
            return None
        taken = {p.meta.id for p in self._host.library.packs}
        pack_id = FIRST_PACK_ID
        while pack_id in taken:
            pack_id += "2"
        meta = PackMeta(id=pack_id, name=QCoreApplication.translate("LibraryWindow", "我的话术"))
        return meta, self._personal_dir / FIRST_PACK_FILE

    # -- opening the form -------------------------------------------------------------------

    def is_editing(self) -> bool:
        return self._path is not None

    def edit(self, snippet: Snippet | None) -> bool:
        """Open ``snippet`` in the editor; refused for read-only packs."""
        if snippet is None:
            return False
        pack = self._host.library.pack_of(snippet)
        if not self.editable(pack):
            self._host.say(
                QCoreApplication.translate(
                    "LibraryWindow",
                    "这条话术属于只读的话术包，不能修改；可以先“存一份到个人包改”。",
                ),
                error=True,
            )
            return False
        assert pack is not None
        heading = QCoreApplication.translate("LibraryWindow", "编辑：") + pack.meta.name
        self._open(snippet, pack.path, original_id=snippet.id, heading=heading)
        return True

    def new(self, selected: Snippet | None, group: str) -> bool:
        """Start a new reply in ``group``: in the personal pack (created on the first save),
        or, on the lead's machine, in the team pack of the ``selected`` reply."""
        library = self._host.library
        team = library.pack_of(selected) if selected else None
        into_team = team is not None and team.source is PackSource.TEAM and self.editable(team)
        target = (team.meta, team.path) if team and into_team else self._target_pack()
        if target is None:
            self._host.say(
                QCoreApplication.translate("LibraryWindow", "没有可写的个人话术包。"), error=True
            )
            return False
        meta, path = target
        prefix = meta.id if into_team else "my"

        def name(code: str, title: str) -> str:
            return suggest_id(self._host.library, prefix, code, title)

        draft = Snippet(
            id=name("", ""),
            title="",
            variants=(),
            group="" if group == UNGROUPED else group,
            pack_id=meta.id,
            path=str(path),
        )
        heading = QCoreApplication.translate("LibraryWindow", "新建：") + meta.name
        self._open(draft, path, original_id=None, heading=heading, suggest=name)
        return True

    def fork(self, snippet: Snippet | None) -> bool:
        """Copy a read-only snippet into the personal pack as a new, unsaved draft."""
        target = self._target_pack()
        if snippet is None or target is None:
            return False
        meta, path = target
        draft = fork_draft(snippet, self._host.library, meta, path)
        self._open(
            draft,
            path,
            original_id=None,
            heading=QCoreApplication.translate("LibraryWindow", "存一份到个人包改：") + meta.name,
        )
        return True

    def _open(
        self,
        snippet: Snippet,
        path: Path,
        *,
        original_id: str | None,
        heading: str,
        suggest: IdSuggester | None = None,
    ) -> None:
        self._path = path
        self._original_id = original_id
        self.editor.load(snippet, is_new=original_id is None, heading=heading, suggest_id=suggest)
        self._host.show_editor(True)
        self.editor.title_edit.setFocus()

    def cancel(self) -> None:
        if self.editor.is_dirty() and not self._host.confirm(
            QCoreApplication.translate("LibraryWindow", "放弃未保存的修改？")
        ):
            return
        self._close()

    def _close(self) -> None:
        self._path = None
        self._original_id = None
        self._host.show_editor(False)

    # -- checking and saving ----------------------------------------------------------------

    def check(self, draft: Snippet) -> list[Problem]:
        """Problems with the draft (core/editing.py); ui/messages.py words each one."""
        return check_draft(
            draft,
            self._host.library,
            pack_path=self._path,
            original_id=self._original_id,
            lint=self._lint,
        )

    def save(self) -> bool:
        """Save the editor's draft into its pack; refused while it has errors."""
        path = self._path
        if path is None or self._save is None:
            return False
        self.editor.refresh()  # checks the draft as it is now, not 150 ms ago
        draft = self.editor.draft()
        errors = [p for p in self.editor.problems() if p.is_error]
        if errors:
            self.editor.show_save_refused(
                self.editor.errors_left(len(errors)) + describe(errors[0])
            )
            return False
        existing = next((p for p in self._host.library.packs if p.path == path), None)
        if existing is None:
            target = self._target_pack()
            assert target is not None
            meta = target[0]
        else:
            meta = existing.meta
        try:
            # A fork of a shipped or team reply brings its picture into this pack's folder.
            draft = carry_pictures(draft, path.parent)
        except OSError as err:
            self._refuse_write(Path(err.filename) if err.filename else path.parent, err)
            return False
        pack, draft = put_snippet(
            existing, draft, original_id=self._original_id, meta=meta, path=path
        )
        if not self._write(pack, path):
            return False
        self.editor.mark_saved()
        self._close()
        self._host.replace_pack(pack, select_id=draft.id)
        # The pack's file is in the source line just above; the confirmation stays short.
        self._host.say(
            QCoreApplication.translate("LibraryWindow", "已保存“%1”").replace("%1", draft.title)
        )
        return True

    def _write(self, pack: Pack, path: Path) -> bool:
        assert self._save is not None
        try:
            write_pack(pack, self._save, self.rule)
        except EditError as err:
            self._host.say(str(err), error=True)
            return False
        except OSError as err:
            self._refuse_write(path, err)
            return False
        return True

    def _refuse_write(self, path: Path, err: OSError) -> None:
        reason = QCoreApplication.translate(
            "LibraryWindow", "未保存：无法写入 %1（%2）；请检查文件夹权限或磁盘空间。"
        )
        reason = reason.replace("%1", str(path)).replace("%2", err.strerror or str(err))
        if self.is_editing():
            self.editor.show_save_refused(reason)
        else:
            self._host.say(reason, error=True)

    def delete(self, selected: Snippet | None) -> bool:
        """Delete the edited (or else the ``selected``) reply after asking; .bak keeps it."""
        if self.is_editing():
            original = self.editor.original
            if self._original_id is None or original is None:
                self.cancel()
                return False
            snippet_id, title = self._original_id, original.title
        elif selected is not None:
            snippet_id, title = selected.id, selected.title
        else:
            return False
        library = self._host.library
        snippet = library.get(snippet_id)
        pack = library.pack_of(snippet) if snippet else None
        if pack is None or not self.editable(pack):
            self._host.say(
                QCoreApplication.translate("LibraryWindow", "只读话术包里的话术不能删除。"),
                error=True,
            )
            return False
        if not self._host.confirm(
            QCoreApplication.translate("LibraryWindow", "删除“%1”？").replace("%1", title)
        ):
            return False
        new_pack = remove_snippet(pack, snippet_id)
        if not self._write(new_pack, pack.path):
            return False
        self.editor.mark_saved()
        self._close()
        self._host.replace_pack(new_pack, select_id=None)
        self._host.say(
            QCoreApplication.translate("LibraryWindow", "已删除（上一版保存在 %1.bak）").replace(
                "%1", pack.path.name
            )
        )
        return True
