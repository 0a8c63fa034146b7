"""The palette: the search-and-paste popup an agent opens with the global hotkey.

A frameless, always-on-top window on the screen with the mouse cursor (centred across, a third
of the way down). Each keystroke runs the search index; the list shows row number, code, title
and group; the preview shows the variant that will be pasted, rendered with the shop profile.
Macros are marked (宏 · 发送 2 条) in the row and over the preview, and so are replies with
several wordings (3 种说法; Alt+→/← shows the next one, and that one is pasted). The characters
the query matched are painted bold in the rows on screen (palette_delegate.py); under the
preview the length is counted against the platform's limit (palette_counter.py).
Keys: ↑/↓ move, PgUp/PgDn move by nine, Enter pastes, Ctrl+Enter pastes and sends, Ctrl+C
copies only, Alt+1…9 picks that row (and pastes, like Enter), Tab goes to the fill-in fields,
Esc closes. Enter while an input method is composing confirms the composition and never
pastes. All services come in through the constructor (see :class:`PaletteWindow`).
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
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.model import Snippet
from quickreply.core.render import RenderError
from quickreply.core.search.spans import RowSpans
from quickreply.ui.forms import FieldMemory, FieldsForm
from quickreply.ui.imageclip import ImageThumb, image_note, picture
from quickreply.ui.messages import reason
from quickreply.ui.palette_counter import CharCounter, longest_message
from quickreply.ui.palette_delegate import MatchDelegate, Span
from quickreply.ui.palette_marks import messages_sent, preview_mark, row_mark
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
RECENT_LIMIT = 8  # recently used replies listed under the pinned ones on an empty search
VISIBLE_ROWS = 9  # Alt+1…9 reach these: the list shows all nine, whole
# (query, title, code) -> the characters matched in them (core.search.spans.row_spans).
Highlighter = Callable[[str, str, str], RowSpans]


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
        self._renderer = renderer
        self._paster = paster
        self._paste_off_reason = paste_off_reason
        self._usage = usage
        self._on_used = on_used
        self._conversation_of = conversation
        self._conversation: str | None = None
        self._memory = memory if memory is not None else FieldMemory()
        self._clipboard = clipboard
        self._limit = limit
        self._hits: list[Snippet] = []
        self._pins = pins
        self._lookup = lookup
        self._recent = recent
        self._sections: dict[str, str] = {}  # snippet id -> 常用 / 最近 on an empty search
        self._shown_fields_for: str | None = None
        self._variant: tuple[str, int] | None = None  # (snippet id, index) shown in the preview
        self._preview_for: str | None = None  # the snippet whose rendering the preview shows
        self._notice = ""
        self._loading = ""  # part of the library still loading (a first start)
        self._longest = 0  # characters of the previewed macro's longest message
        self._marks: dict[str, str] = {}  # snippet id -> marker of a recent team version
        self._highlighter = highlighter
        self._query = ""
        self._row_spans: dict[int, RowSpans] = {}  # rows painted since the query changed

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

        self.results = QTreeWidget()
        self.results.setObjectName("paletteResults")
        self.results.setColumnCount(5)
        self.results.setHeaderLabels(
            ["#", self.tr("编码"), self.tr("标题"), self.tr("分组"), self.tr("说明")]
        )
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setAllColumnsShowFocus(True)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.results.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.results.currentItemChanged.connect(self._on_current_changed)
        self.results.itemDoubleClicked.connect(lambda *_: self.accept(send=False))
        self.results.setItemDelegate(MatchDelegate(self._spans_of, self.results))

        self.preview_note = QLabel()
        self.preview_note.setObjectName("previewNote")
        self.preview_note.setVisible(False)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("palettePreview")
        self.preview.setReadOnly(True)
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.form = FieldsForm()
        self.form.setVisible(False)
        self.form.changed.connect(self._update_preview)
        self.form.submitted.connect(lambda send: self.accept(send=send, from_form=True))
        self.form.cancelled.connect(self._back_to_search)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.form)
        lower_layout.addWidget(self.preview_note)
        self.preview_image = ImageThumb(into=lower_layout)
        lower_layout.addWidget(self.preview, 1)
        self.counter = CharCounter()
        lower_layout.addWidget(self.counter)

        # The list keeps the height of nine whole rows: fields, notes and errors take their room
        # from the preview below, so rows never jump under the agent's eyes.
        layout.addWidget(self.results)
        layout.addWidget(lower, 1)

        self.footer = QLabel()
        self.footer.setObjectName("paletteFooter")
        self.footer.setWordWrap(True)
        layout.addWidget(self.footer)

        self.resize(680, 520)
        self._set_footer("")
        self._on_query("")
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Size the list to exactly :data:`VISIBLE_ROWS` rows plus its header and frame."""
        probe = QTreeWidgetItem(["9", "kd", "标题", "分组", ""])
        self.results.addTopLevelItem(probe)
        row = self.results.sizeHintForRow(0)
        self.results.takeTopLevelItem(self.results.indexOfTopLevelItem(probe))
        header = self.results.header().sizeHint().height()
        frame = 2 * self.results.frameWidth()
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setFixedHeight(header + frame + VISIBLE_ROWS * max(row, 1))
        self._on_query(self.search_box.text())

    # ---- state helpers -------------------------------------------------------------------

    @property
    def paste_enabled(self) -> bool:
        return self._paster is not None

    def set_paster(self, paster: Paster | None, reason: str = "") -> None:
        self._paster = paster
        self._paste_off_reason = reason
        self._set_footer("")

    def set_notice(self, notice: str) -> None:
        """A standing line in the footer (e.g. a hotkey another program holds); "" clears."""
        self._notice = notice
        self._set_footer("")

    def set_loading(self, loaded: int, total: int) -> None:
        """Say in the footer that ``loaded`` of ``total`` parts of the library are in and
        search covers only those; total 0: everything is loaded."""
        self._loading = (
            self.tr("正在载入… %1/%2（搜索已载入的部分）")
            .replace("%1", str(loaded))
            .replace("%2", str(total))
            if total
            else ""
        )
        self._set_footer("")

    def set_searcher(self, searcher: Searcher) -> None:
        self._searcher = searcher
        self._on_query(self.search_box.text())

    def set_marks(self, marks: Mapping[str, str]) -> None:
        """Mark replies a recent team version added or changed (shown before the title)."""
        self._marks = dict(marks)
        self._on_query(self.search_box.text())

    def set_message_limit(self, limit: int) -> None:
        """Characters per message the shop's platform keeps (shop.yaml ``message_limit``)."""
        self.counter.set_limit(limit)

    def set_renderer(self, renderer: RendererLike | None) -> None:
        self._renderer = renderer
        self._update_preview()

    def current_snippet(self) -> Snippet | None:
        item = self.results.currentItem()
        if item is None:
            return None
        row = self.results.indexOfTopLevelItem(item)
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def _set_footer(self, message: str) -> None:
        if self._paster is not None:
            keys = self.tr("Enter 粘贴 · Ctrl+Enter 粘贴并发送 · Ctrl+C 仅复制 · Esc 关闭")
            if self._pins is not None:
                keys += self.tr(" · Ctrl+D 常用")
        else:
            keys = self.tr("粘贴不可用：%1。Enter 或 Ctrl+C 复制到剪贴板，再手动粘贴。").replace(
                "%1", self._paste_off_reason or self.tr("没有可用的粘贴后端")
            )
        lines = [line for line in (message, self._notice, self._loading, keys) if line]
        self.footer.setText("\n".join(lines))
        self.footer.setProperty("error", bool(message or self._notice))
        self.footer.style().unpolish(self.footer)
        self.footer.style().polish(self.footer)

    # ---- search --------------------------------------------------------------------------

    def _on_query(self, text: str) -> None:
        hits = self._searcher.search(text, self._limit)
        self._hits = [hit.snippet for hit in hits]
        self._sections = {}
        self._query = text
        self._row_spans = {}
        if not text.strip():
            self._hits = self._pinned_then_recent(self._hits)
        self.results.setUpdatesEnabled(False)
        self.results.clear()
        items = []
        for row, snippet in enumerate(self._hits):
            number = str(row + 1) if row < 9 else ""
            mark = self._marks.get(snippet.id)
            title = f"{mark} {snippet.title}" if mark else snippet.title
            kind = row_mark(self._sections.get(snippet.id, ""), snippet)
            items.append(QTreeWidgetItem([number, snippet.code, title, snippet.group, kind]))
        self.results.addTopLevelItems(items)
        self.results.setUpdatesEnabled(True)
        if items:
            self.results.setCurrentItem(items[0])
        else:
            self._on_current_changed(None, None)
            if text.strip():
                self.preview.setPlainText(self.tr("没有找到匹配的话术"))

    def _spans_of(self, row: int, column: int) -> tuple[Span, ...]:
        """The matched characters of a painted cell (code: 1, title: 2), worked out on its
        first paint after the query changed, never for rows that are not painted."""
        if self._highlighter is None or column not in (1, 2) or not 0 <= row < len(self._hits):
            return ()
        spans = self._row_spans.get(row)
        if spans is None:
            snippet = self._hits[row]
            try:
                spans = self._highlighter(self._query, snippet.title, snippet.code)
            except Exception:  # a highlight is decoration: never cost the row
                spans = RowSpans()
            self._row_spans[row] = spans
        if column == 1:
            return spans.code
        mark = self._marks.get(self._hits[row].id)
        shift = len(mark) + 1 if mark else 0  # the title is shown after its marker
        return tuple((start + shift, end + shift) for start, end in spans.title)

    def _pinned_then_recent(self, hits: list[Snippet]) -> list[Snippet]:
        """An empty search lists the pinned replies (常用), then the recently used (最近), then
        the rest in the index's order."""
        lookup = self._lookup or {s.id: s for s in hits}.get
        first: list[Snippet] = []
        for label, ids in (
            (self.tr("★ 常用"), self._pins.pinned() if self._pins is not None else ()),
            (self.tr("最近"), tuple(self._recent()[:RECENT_LIMIT]) if self._recent else ()),
        ):
            for snippet_id in ids:
                snippet = lookup(snippet_id)
                if snippet is not None and snippet.id not in self._sections:
                    self._sections[snippet.id] = label
                    first.append(snippet)
        return [*first, *(s for s in hits if s.id not in self._sections)][: self._limit]

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
        item = self.results.currentItem()
        row = self.results.indexOfTopLevelItem(item) if item is not None else 0
        self._on_query(self.search_box.text())
        self._select_row(max(0, row))
        said = self.tr("已加入常用：%1") if pinned else self.tr("已移出常用：%1")
        self._set_footer(said.replace("%1", snippet.title))
        return pinned

    def next_variant(self, step: int = 1) -> bool:
        """Show the selected reply's next (or previous) wording; that one is what gets pasted."""
        snippet = self.current_snippet()
        if snippet is None or snippet.steps or len(snippet.variants) < 2 or self._renderer is None:
            return False
        index = self._variant_index(self._renderer, snippet)
        self._variant = (snippet.id, (index + step) % len(snippet.variants))
        self._update_preview()
        return True

    def _on_current_changed(self, current: QTreeWidgetItem | None, _: object) -> None:
        snippet = self.current_snippet() if current is not None else None
        if snippet is None:
            self.form.set_fields((), {})
            self._shown_fields_for = None
            self._preview_for = None
            self.preview.clear()
            self.preview_note.setVisible(False)
            self._set_footer("")
            return
        if self._shown_fields_for != snippet.id:
            self._shown_fields_for = snippet.id
            self.form.set_fields(snippet.fields, self._memory.recall(self._conversation))
        self._update_preview()

    def _render(self, snippet: Snippet) -> tuple[str | None, str]:
        """Return (text, error message for the agent). A macro shows (and copies) its pasted
        texts."""
        renderer = self._renderer
        try:
            self._image = picture(renderer, snippet)  # read before the text, checked like it
            if snippet.steps:
                steps = snippet.steps
                if renderer is not None:
                    steps = tuple(renderer.render_steps(snippet, self.form.values()))
                self._longest = longest_message(steps)
                return "\n".join(step.text for step in steps if step.kind == "paste"), ""
            if renderer is None:
                return snippet.text, ""
            index = self._variant_index(renderer, snippet)
            return renderer.render_variant(snippet, index, self.form.values()), ""
        except Exception as err:  # RenderError; anything else from a template is reported too
            return None, self._agent_words(err)

    def _agent_words(self, err: Exception) -> str:
        """A wrong field value in the agent's words (没有这个省份：xj); a broken reply says to
        tell the lead, with the file and line (for the lead) only in the tooltip."""
        problem = err.problem if isinstance(err, RenderError) else None
        if problem is not None and problem.code.startswith("field."):
            self.footer.setToolTip("")
            return reason(problem)
        self.footer.setToolTip(str(problem) if problem is not None else str(err))
        return self.tr("这条话术暂时无法生成，请告诉组长（话术库和 quickreply lint 会指出原因）")

    def _variant_index(self, renderer: RendererLike, snippet: Snippet) -> int:
        """The variant shown for the selected reply: picked once, kept until the selection or
        the chat changes, so the preview is exactly what gets pasted."""
        if self._variant is None or self._variant[0] != snippet.id:
            self._variant = (snippet.id, renderer.pick_variant(snippet, self._conversation))
        return self._variant[1]

    def _update_preview(self) -> None:
        snippet = self.current_snippet()
        if snippet is None:
            return
        text, error = self._render(snippet)
        note = preview_mark(snippet, self._variant[1] if self._variant else None)
        note = note or image_note(snippet)
        self.preview_note.setText(note)
        self.preview_note.setVisible(bool(note))
        self.preview_image.show_image(None if text is None else self._image, snippet.images)
        if text is None:
            # While the agent types a value (xinj… on the way to xinjiang) the last good
            # preview stays, so the reply does not blink away on every keystroke.
            if self._preview_for != snippet.id:
                self.preview.setPlainText("")
            self._set_footer(error)
        else:
            self.preview.setPlainText(text)
            # Some chat platforms cut long messages: the agent sees the length before pasting.
            self.counter.show_count(self._longest if snippet.steps else len(text))
            self._preview_for = snippet.id
            self._set_footer("")

    def move_selection(self, step: int) -> None:
        count = self.results.topLevelItemCount()
        if not count:
            return
        item = self.results.currentItem()
        row = self.results.indexOfTopLevelItem(item) if item is not None else -1
        self._select_row(max(0, min(count - 1, row + step)))

    def _select_row(self, row: int) -> None:
        item = self.results.topLevelItem(row)
        if item is not None:
            self.results.setCurrentItem(item)

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
        text, error = self._render(snippet)
        if text is None:
            self._set_footer(error)
            return False
        if snippet.fields:
            self._memory.remember(self._conversation, self.form.values())
        if self._renderer is not None and not snippet.steps:
            index = self._variant_index(self._renderer, snippet)
            self._renderer.mark_used(snippet, index, self._conversation)
            self._variant = None  # the next paste of this reply gets another variant
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
            self._paster.paste(text, send=send or snippet.send, image=self._image or b"")
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
        self._shown_fields_for = None
        self._variant = None
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
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        alt = Qt.KeyboardModifier.AltModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.search_box.composing:
                self.search_box.confirm_composition()
                return True
            self.accept(send=bool(mods & ctrl))
            return True
        if key == Qt.Key.Key_Escape:
            self.hide()
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and not self.search_box.composing:
            self.move_selection(1 if key == Qt.Key.Key_Down else -1)
            return True
        if mods == alt and key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self.next_variant(1 if key == Qt.Key.Key_Right else -1)
            return True
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.move_selection(9 if key == Qt.Key.Key_PageDown else -9)
            return True
        if key == Qt.Key.Key_Tab and self.form.editors:
            self.form.focus_first()
            return True
        if key == Qt.Key.Key_D and mods == ctrl:
            self.toggle_pin()
            return True
        if key == Qt.Key.Key_C and mods == ctrl:
            self.accept(copy_only=True)
            return True
        if mods == alt and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            row = int(key) - int(Qt.Key.Key_1)
            if row < self.results.topLevelItemCount():
                self._select_row(row)
                self.accept()
            return True
        return False
