"""The palette: the search-and-paste popup an agent opens with the global hotkey.

A frameless, always-on-top window on the screen with the mouse cursor (centred across, a third
of the way down). Each keystroke runs the search index into the result list (palette_list.py);
the preview (palette_preview.py) shows what Enter pastes; the footer (palette_footer.py) says
what the keys do (palette_keys.py). An empty search lists the pinned replies (★ 常用, Ctrl+D),
then the recently used (最近). The window pastes through the injected paster, or copies when
there is none, and records the use. All services come in through the constructor.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QClipboard,
    QCursor,
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QTreeWidgetItem, QVBoxLayout, QWidget

from quickreply.core.model import Snippet
from quickreply.ui.forms import FieldMemory, FieldsForm
from quickreply.ui.palette_footer import PaletteFooter
from quickreply.ui.palette_keys import Act, search_key
from quickreply.ui.palette_list import Highlighter, ResultList
from quickreply.ui.palette_marks import messages_sent
from quickreply.ui.palette_preview import PreviewPane, Rendered
from quickreply.ui.palette_sections import RECENT_LIMIT, pinned_then_recent
from quickreply.ui.palette_services import (
    Paster,
    Pins,
    RendererLike,
    Searcher,
    UsageRecorder,
)
from quickreply.ui.searchbox import SearchBox

# The protocols are re-exported: the training drill and exams import them from here.
__all__ = [
    "PaletteWindow",
    "Paster",
    "Pins",
    "RendererLike",
    "Searcher",
    "UsageRecorder",
    "messages_sent",
]

RESULT_LIMIT = 50


class PaletteWindow(QWidget):
    """The popup. Constructor arguments, all injected by app/views.py:

    - ``searcher``: ``search(query, limit) -> [Hit]`` (core.search.SearchIndex)
    - ``renderer``: ``pick_variant``, ``render_variant``, ``mark_used`` and ``render_steps``
      (core.render.Renderer) or None to preview and paste the raw text
    - ``paster``: ``paste(text, send=False)`` and ``paste_steps`` (app.AppPaster) or None;
      then Enter copies to the clipboard and the footer says ``paste_off_reason``
    - ``usage``: ``record_use(snippet_id)`` (core.stats.StatsStore) or None
    - ``on_used``: called after a use was recorded (the app refreshes the index's usage)
    - ``conversation``: returns a key for the chat in front (e.g. its window title), read when
      the palette opens; fill-in values are remembered per key in ``memory``
    - ``clipboard``: defaults to the application clipboard
    - ``highlighter``: the matched characters of a row's title and code, asked only for the
      rows painted; None paints no highlight
    """

    pasted = Signal(str, bool)  # snippet id, sent
    copied = Signal(str)
    closed = Signal()

    def __init__(
        self,
        searcher: Searcher,
        renderer: RendererLike | None = None,
        *,
        paster: Paster | None = None,
        paste_off_reason: str = "",
        usage: UsageRecorder | None = None,
        on_used: Callable[[], None] | None = None,
        conversation: Callable[[], str | None] = lambda: None,
        memory: FieldMemory | None = None,
        clipboard: QClipboard | None = None,
        limit: int = RESULT_LIMIT,
        pins: Pins | None = None,
        lookup: Callable[[str], Snippet | None] | None = None,
        recent: Callable[[], Sequence[str]] | None = None,
        highlighter: Highlighter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._searcher = searcher
        self._paster = paster
        self._usage = usage
        self._on_used = on_used
        self._conversation_of = conversation
        self._conversation: str | None = None
        self._memory = memory if memory is not None else FieldMemory()
        self._clipboard = clipboard
        self._limit = limit
        self._pins = pins
        self._lookup = lookup
        self._recent = recent
        self._shown_fields_for: str | None = None

        self.setObjectName("palette")
        self.setWindowTitle(self.tr("快捷回复"))
        self.setWindowFlags(
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

        frame = QFrame(self)
        frame.setObjectName("paletteFrame")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(10, 10, 10, 8)
        layout.setSpacing(6)

        self.search_box = SearchBox()
        self.search_box.setObjectName("paletteSearch")
        self.search_box.setPlaceholderText(self.tr("输入汉字、拼音、首字母或快捷编码…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.installEventFilter(self)
        self.search_box.textChanged.connect(self._on_query)
        layout.addWidget(self.search_box)

        self.results = ResultList(highlighter)
        self.results.currentItemChanged.connect(self._on_current_changed)
        self.results.itemDoubleClicked.connect(lambda *_: self.accept(send=False))

        self.form = FieldsForm()
        self.form.setVisible(False)
        self.form.changed.connect(self._update_preview)
        self.form.submitted.connect(lambda send: self.accept(send=send, from_form=True))
        self.form.cancelled.connect(self._back_to_search)

        self.pane = PreviewPane(renderer, self.form.values)
        # The pane's parts, by the names the drill, the app and the tests know them by.
        self.preview_note = self.pane.note
        self.preview_image = self.pane.image
        self.preview = self.pane.text
        self.counter = self.pane.counter

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.form)
        lower_layout.addWidget(self.pane, 1)

        # The list keeps the height of nine whole rows: fields, notes and errors take their room
        # from the preview below, so rows never jump under the agent's eyes.
        layout.addWidget(self.results)
        layout.addWidget(lower, 1)

        self.footer = PaletteFooter()
        self.footer.paste_off_reason = paste_off_reason
        self.footer.paste_on = paster is not None
        self.footer.pins_on = pins is not None
        layout.addWidget(self.footer)

        self.resize(680, 520)
        self._set_footer("")
        self._on_query("")
        self.results.fit_rows()
        self._on_query(self.search_box.text())

    # ---- state helpers -------------------------------------------------------------------

    @property
    def paste_enabled(self) -> bool:
        return self._paster is not None

    def set_paster(self, paster: Paster | None, reason: str = "") -> None:
        self._paster = paster
        self.footer.paste_on = paster is not None
        self.footer.paste_off_reason = reason
        self._set_footer("")

    def set_notice(self, notice: str) -> None:
        """A standing line in the footer (e.g. a hotkey another program holds); "" clears."""
        self.footer.set_notice(notice)

    def set_loading(self, loaded: int, total: int) -> None:
        """Say in the footer that ``loaded`` of ``total`` parts of the library are in and
        search covers only those; total 0: everything is loaded."""
        self.footer.set_loading(loaded, total)

    def set_searcher(self, searcher: Searcher) -> None:
        self._searcher = searcher
        self._on_query(self.search_box.text())

    def set_marks(self, marks: Mapping[str, str]) -> None:
        """Mark replies a recent team version added or changed (shown before the title)."""
        self.results.set_marks(marks)
        self._on_query(self.search_box.text())

    def set_hotkeys(self, assigned: Mapping[str, str]) -> None:
        """The reply hotkeys the agent assigned in 设置 (settings ``snippet_hotkeys``): the
        rows show them instead of the packs' own."""
        self.results.set_hotkeys(assigned)
        self._on_query(self.search_box.text())

    def set_message_limit(self, limit: int) -> None:
        """Characters per message the shop's platform keeps (shop.yaml ``message_limit``)."""
        self.counter.set_limit(limit)

    def set_renderer(self, renderer: RendererLike | None) -> None:
        self.pane.set_renderer(renderer)
        self._update_preview()

    def current_snippet(self) -> Snippet | None:
        return self.results.current_snippet()

    def _set_footer(self, message: str) -> None:
        self.footer.show_message(message)

    # ---- search --------------------------------------------------------------------------

    def _on_query(self, text: str) -> None:
        hits = [hit.snippet for hit in self._searcher.search(text, self._limit)]
        sections: dict[str, str] = {}
        if not text.strip():
            pinned = self._pins.pinned() if self._pins is not None else ()
            recent = tuple(self._recent()[:RECENT_LIMIT]) if self._recent else ()
            hits, sections = pinned_then_recent(
                hits,
                ((self.tr("★ 常用"), pinned), (self.tr("最近"), recent)),
                self._lookup,
                self._limit,
            )
        self.results.show_hits(text, hits, sections)
        if not hits:
            self._on_current_changed(None, None)
            if text.strip():
                self.preview.setPlainText(self.tr("没有找到匹配的话术"))

    def toggle_pin(self) -> bool | None:
        """Pin or unpin the selected reply (Ctrl+D); None when nothing is selected or pins are
        off. The footer says what happened."""
        snippet = self.current_snippet()
        if snippet is None or self._pins is None:
            return None
        try:
            pinned = self._pins.toggle(snippet.id)
        except OSError as err:
            self._set_footer(self.tr("无法保存常用：%1").replace("%1", str(err)))
            return None
        row = self.results.current_row()
        self._on_query(self.search_box.text())
        self.results.select_row(max(0, row))
        said = self.tr("已加入常用：%1") if pinned else self.tr("已移出常用：%1")
        self._set_footer(said.replace("%1", snippet.title))
        return pinned

    def next_variant(self, step: int = 1) -> bool:
        """Show the selected reply's next (or previous) wording; that one is what gets pasted."""
        snippet = self.current_snippet()
        if snippet is None or not self.pane.next_variant(snippet, step):
            return False
        self._update_preview()
        return True

    def _on_current_changed(self, current: QTreeWidgetItem | None, _: object) -> None:
        snippet = self.current_snippet() if current is not None else None
        if snippet is None:
            self.form.set_fields((), {})
            self._shown_fields_for = None
            self.pane.clear()
            self._set_footer("")
            return
        if self._shown_fields_for != snippet.id:
            self._shown_fields_for = snippet.id
            self.form.set_fields(snippet.fields, self._memory.recall(self._conversation))
        self._update_preview()

    def _render(self, snippet: Snippet) -> Rendered:
        """``snippet`` rendered for pasting; a problem puts the lead's detail in the footer's
        tooltip."""
        rendered = self.pane.rendering(snippet)
        if rendered.text is None:
            self.footer.setToolTip(rendered.detail)
        return rendered

    def _update_preview(self) -> None:
        snippet = self.current_snippet()
        if snippet is None:
            return
        rendered = self.pane.show_reply(snippet)
        if rendered.text is None:
            self.footer.setToolTip(rendered.detail)
        self._set_footer(rendered.problem)

    def move_selection(self, step: int) -> None:
        self.results.move_selection(step)

    def _back_to_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- actions -------------------------------------------------------------------------

    def accept(
        self, send: bool = False, *, copy_only: bool = False, from_form: bool = False
    ) -> bool:
        """Paste (or copy) the selected reply. Returns True if something was pasted or copied.

        A snippet with fields is pasted from its form: Enter in the search box moves focus to
        the first field so the agent sees and confirms the values; Enter there pastes.
        """
        snippet = self.current_snippet()
        if snippet is None:
            return False
        if snippet.fields and not from_form and not copy_only and self.form.focus_first():
            return False
        rendered = self._render(snippet)
        text = rendered.text
        if text is None:
            self._set_footer(rendered.problem)
            return False
        if snippet.fields:
            self._memory.remember(self._conversation, self.form.values())
        self.pane.mark_used(snippet)  # the next paste of this reply gets another wording
        self._record(snippet)
        if copy_only or self._paster is None:
            self._clip().setText(text)
            self.copied.emit(snippet.id)
            self.hide()
            return True
        self.hide()
        if snippet.steps:
            # A macro runs step by step (paste / wait / enter), not as one joined text.
            self._paster.paste_steps(snippet, self.form.values(), send)
        else:  # an image reply: the picture first, then the text (PasteService.paste)
            self._paster.paste(text, send=send or snippet.send, image=rendered.image or b"")
        self.pasted.emit(snippet.id, send or snippet.send)
        return True

    def _clip(self) -> QClipboard:
        return self._clipboard if self._clipboard is not None else QGuiApplication.clipboard()

    def _record(self, snippet: Snippet) -> None:
        if self._usage is None:
            return
        try:
            self._usage.record_use(snippet.id)
        except Exception as err:  # a broken usage store must never cost the paste
            self._set_footer(self.tr("无法记录使用次数：%1").replace("%1", str(err)))
            return
        if self._on_used is not None:
            self._on_used()

    def popup(self) -> None:
        """Show over the screen with the cursor, search box focused and its text selected."""
        self._conversation = self._conversation_of()
        self.pane.conversation = self._conversation
        self._shown_fields_for = None
        self.pane.forget_variant()
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.move(
                area.x() + (area.width() - self.width()) // 2,
                area.y() + (area.height() - self.height()) // 3,
            )
        self._on_query(self.search_box.text())
        self.show()
        self.raise_()
        self.activateWindow()
        self.search_box.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        self.search_box.selectAll()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Activation and focus must land after the window is mapped; a zero timer runs after.
        QTimer.singleShot(0, self._take_focus)

    def _take_focus(self) -> None:
        if self.isVisible():
            self.activateWindow()
            if not self.form.isAncestorOf(self.focusWidget() or self.search_box):
                self.search_box.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.closed.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Clicking back into the chat window dismisses the palette, like any popup.
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isVisible()
            and not self.isActiveWindow()
            and QGuiApplication.platformName() not in ("offscreen", "minimal")
        ):
            self.hide()

    # ---- keys ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search_box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            return self._search_key(event)
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)

    def _search_key(self, event: QKeyEvent) -> bool:
        found = search_key(event, self.search_box.composing)
        if found is None or (found[0] is Act.FIELDS and not self.form.editors):
            return False
        act, arg = found
        if act is Act.CONFIRM:
            self.search_box.confirm_composition()
        elif act is Act.ACCEPT:
            self.accept(send=bool(arg))
        elif act is Act.CLOSE:
            self.hide()
        elif act is Act.MOVE:
            self.move_selection(arg)
        elif act is Act.WORDING:
            self.next_variant(arg)
        elif act is Act.FIELDS:
            self.form.focus_first()
        elif act is Act.PIN:
            self.toggle_pin()
        elif act is Act.COPY:
            self.accept(copy_only=True)
        elif act is Act.PICK and arg < self.results.topLevelItemCount():
            self.results.select_row(arg)
            self.accept()
        return True
