"""The palette's result list: the replies found, nine whole rows tall, one reply per row.

Each row shows its number (Alt+1…9 picks it), code, title (after the marker of a recent team
version), group and marks (常用/最近, 图, 宏 · 发送 2 条), then its hotkey, small at the right
end (palette_hotkey.py). The characters the query matched are worked out only for the rows
painted (palette_delegate.py paints them).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from quickreply.core.model import Snippet
from quickreply.core.search.spans import RowSpans
from quickreply.ui.palette_delegate import MatchDelegate, Span
from quickreply.ui.palette_hotkey import HOTKEY_ROLE, HotkeyDelegate
from quickreply.ui.palette_marks import hotkey_label, row_mark

VISIBLE_ROWS = 9  # Alt+1…9 reach these: the list shows all nine, whole
# (query, title, code) -> the characters matched in them (core.search.spans.row_spans).
Highlighter = Callable[[str, str, str], RowSpans]


class ResultList(QTreeWidget):
    """The rows of :meth:`show_hits`; ``highlighter`` None paints no highlight."""

    def __init__(self, highlighter: Highlighter | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.hits: list[Snippet] = []
        self._highlighter = highlighter
        self._marks: dict[str, str] = {}  # snippet id -> marker of a recent team version
        self._hotkeys: dict[str, str] = {}  # snippet id -> hotkey assigned in 设置
        self._query = ""
        self._row_spans: dict[int, RowSpans] = {}  # rows painted since the query changed

        self.setObjectName("paletteResults")
        self.setColumnCount(5)
        self.setHeaderLabels(
            ["#", self.tr("编码"), self.tr("标题"), self.tr("分组"), self.tr("说明")]
        )
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(False)
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setItemDelegate(MatchDelegate(self._spans_of, self))
        self.setItemDelegateForColumn(4, HotkeyDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fit_rows(self) -> None:
        """Size the list to exactly :data:`VISIBLE_ROWS` rows plus its header and frame."""
        probe = QTreeWidgetItem(["9", "kd", "标题", "分组", ""])
        self.addTopLevelItem(probe)
        row = self.sizeHintForRow(0)
        self.takeTopLevelItem(self.indexOfTopLevelItem(probe))
        header = self.header().sizeHint().height()
        frame = 2 * self.frameWidth()
        self.setFixedHeight(header + frame + VISIBLE_ROWS * max(row, 1))

    def set_marks(self, marks: Mapping[str, str]) -> None:
        """Replies a recent team version added or changed: their marker goes before the title
        (shown from the next :meth:`show_hits`)."""
        self._marks = dict(marks)

    def set_hotkeys(self, assigned: Mapping[str, str]) -> None:
        """The reply hotkeys assigned in 设置 (snippet id -> combination, "" for none): they
        replace the packs' own in the rows (shown from the next :meth:`show_hits`)."""
        self._hotkeys = dict(assigned)

    def show_hits(self, query: str, hits: Sequence[Snippet], sections: Mapping[str, str]) -> None:
        """List ``hits`` found for ``query``, the first one selected; ``sections`` labels the
        rows of an empty search (snippet id -> 常用 / 最近). The same query again (the library
        swapped in a stage, or changed) keeps the selected reply selected while it is listed:
        Enter must paste what the agent picked, not what moved under it."""
        row = self.current_row()
        kept = self.hits[row].id if query == self._query and 0 <= row < len(self.hits) else None
        self.hits = list(hits)
        self._query = query
        self._row_spans = {}
        self.setUpdatesEnabled(False)
        self.clear()
        items = []
        for row, snippet in enumerate(self.hits):
            number = str(row + 1) if row < VISIBLE_ROWS else ""
            mark = self._marks.get(snippet.id)
            title = f"{mark} {snippet.title}" if mark else snippet.title
            hotkey = hotkey_label(snippet, self._hotkeys)
            kind = row_mark(sections.get(snippet.id, ""), snippet, hotkey)
            item = QTreeWidgetItem([number, snippet.code, title, snippet.group, kind])
            item.setData(4, HOTKEY_ROLE, hotkey)
            items.append(item)
        self.addTopLevelItems(items)
        self.setUpdatesEnabled(True)
        if items:
            at = next((r for r, s in enumerate(self.hits) if s.id == kept), 0)
            self.setCurrentItem(items[at])

    def current_row(self) -> int:
        """The selected row, -1 when none is."""
        item = self.currentItem()
        return self.indexOfTopLevelItem(item) if item is not None else -1

    def current_snippet(self) -> Snippet | None:
        row = self.current_row()
        return self.hits[row] if 0 <= row < len(self.hits) else None

    def select_row(self, row: int) -> None:
        item = self.topLevelItem(row)
        if item is not None:
            self.setCurrentItem(item)

    def move_selection(self, step: int) -> None:
        """Move ``step`` rows down (up when negative), stopping at the first and last row."""
        count = self.topLevelItemCount()
        if count:
            self.select_row(max(0, min(count - 1, self.current_row() + step)))

    def _spans_of(self, row: int, column: int) -> tuple[Span, ...]:
        """The matched characters of a painted cell (code: 1, title: 2), worked out on its
        first paint after the query changed, never for rows that are not painted."""
        if self._highlighter is None or column not in (1, 2) or not 0 <= row < len(self.hits):
            return ()
        spans = self._row_spans.get(row)
        if spans is None:
            snippet = self.hits[row]
            try:
                spans = self._highlighter(self._query, snippet.title, snippet.code)
            except Exception:  # a highlight is decoration: never cost the row
                spans = RowSpans()
            self._row_spans[row] = spans
        if column == 1:
            return spans.code
        mark = self._marks.get(self.hits[row].id)
        shift = len(mark) + 1 if mark else 0  # the title is shown after its marker
        return tuple((start + shift, end + shift) for start, end in spans.title)
