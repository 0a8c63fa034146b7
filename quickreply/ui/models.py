"""Qt item models over the core Library: the group tree and the filterable snippet list.

Both are rebuilt from a frozen :class:`~quickreply.core.model.Library`; nothing here mutates
the library. The library window and the trainee view share them so a group means the same
thing (and has the same count) in both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QTreeView, QWidget

from quickreply.core.model import Library, PackSource, Snippet

#: Item data role holding the group path ("物流/快递"; "" for the 全部 root).
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
#: Item data role holding the Snippet object of a list row.
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2
#: Snippets without a group are listed under this pseudo group (never written to a pack).
UNGROUPED = "\0ungrouped"

AnyIndex = QModelIndex | QPersistentModelIndex


def source_label(source: PackSource) -> str:
    """The Chinese name of a pack source, as shown next to the pack name."""
    labels = {
        PackSource.SHIPPED: QCoreApplication.translate("models", "内置"),
        PackSource.TEAM: QCoreApplication.translate("models", "团队"),
        PackSource.PERSONAL: QCoreApplication.translate("models", "个人"),
        PackSource.EXTRA: QCoreApplication.translate("models", "命令行"),
    }
    return labels[source]


def lock_icon(size: int = 16) -> QIcon:
    """A small padlock, drawn so it needs no image file and no emoji font."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor("#8a6d1f")
    s = size / 16.0
    painter.setPen(QPen(colour, 1.6 * s))
    shackle = QPainterPath()
    shackle.moveTo(QPointF(5 * s, 8 * s))
    shackle.lineTo(QPointF(5 * s, 5.5 * s))
    shackle.arcTo(QRectF(5 * s, 2 * s, 6 * s, 6 * s), 180, -180)
    shackle.lineTo(QPointF(11 * s, 8 * s))
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(3 * s, 7.5 * s, 10 * s, 7.5 * s), 1.5 * s, 1.5 * s)
    painter.end()
    return QIcon(pixmap)


def group_of(snippet: Snippet) -> str:
    """The normalised group path of a snippet ("" segments dropped)."""
    return "/".join(snippet.group_path)


def in_group(snippet: Snippet, group: str) -> bool:
    """True if the snippet sits in ``group`` or one of its subgroups ("" is 全部)."""
    if not group:
        return True
    own = group_of(snippet)
    if group == UNGROUPED:
        return own == ""
    return own == group or own.startswith(group + "/")


def group_counts(snippets: Iterable[Snippet]) -> dict[str, int]:
    """Snippets per group path, counting each snippet in every ancestor group too."""
    counts: dict[str, int] = {}
    for snippet in snippets:
        parts = snippet.group_path
        if not parts:
            counts[UNGROUPED] = counts.get(UNGROUPED, 0) + 1
        for depth in range(1, len(parts) + 1):
            key = "/".join(parts[:depth])
            counts[key] = counts.get(key, 0) + 1
    return counts


def visible_snippets(library: Library) -> list[Snippet]:
    """The snippets the library actually serves: the first of each id (later ones are skipped)."""
    seen: set[str] = set()
    result: list[Snippet] = []
    for snippet in library.snippets():
        if snippet.id in seen:
            continue
        seen.add(snippet.id)
        result.append(snippet)
    return result


class GroupTreeModel(QStandardItemModel):
    """The scenario tree: a 全部 root with every group path below it, each with its count."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([QCoreApplication.translate("models", "分组")])

    def rebuild(self, snippets: Sequence[Snippet]) -> None:
        self.clear()
        self.setHorizontalHeaderLabels([QCoreApplication.translate("models", "分组")])
        counts = group_counts(snippets)
        everything = QCoreApplication.translate("models", "全部")
        root = QStandardItem(f"{everything} ({len(snippets)})")
        root.setData("", GROUP_ROLE)
        root.setEditable(False)
        self.appendRow(root)
        items: dict[str, QStandardItem] = {"": root}
        # Keep the order groups first appear in the packs: authors order scenarios on purpose.
        for path in counts:
            if path == UNGROUPED:
                continue
            parts = path.split("/")
            parent = items["/".join(parts[:-1])]
            item = QStandardItem(f"{parts[-1]} ({counts[path]})")
            item.setData(path, GROUP_ROLE)
            item.setEditable(False)
            parent.appendRow(item)
            items[path] = item
        if UNGROUPED in counts:
            label = QCoreApplication.translate("models", "未分组")
            item = QStandardItem(f"{label} ({counts[UNGROUPED]})")
            item.setData(UNGROUPED, GROUP_ROLE)
            item.setEditable(False)
            root.appendRow(item)

    def index_of_group(self, group: str) -> QModelIndex:
        """The index of a group path, or an invalid index if the group is gone."""
        matches = self.match(
            self.index(0, 0),
            GROUP_ROLE,
            group,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        return matches[0] if matches else QModelIndex()

    @staticmethod
    def group_at(index: QModelIndex) -> str:
        """The group path of a tree index ("" for the 全部 root or no selection)."""
        value = index.data(GROUP_ROLE) if index.isValid() else ""
        return value if isinstance(value, str) else ""


class GroupTree(QTreeView):
    """The group tree as both windows show it: first level open, and the selected group kept
    across rebuilds (全部 when it is gone). ``group_changed`` fires after every rebuild too."""

    group_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups = GroupTreeModel(self)
        self.setModel(self.groups)
        self.setHeaderHidden(True)
        self.selectionModel().currentChanged.connect(
            lambda current, _previous: self.group_changed.emit(self.groups.group_at(current))
        )

    def rebuild(self, snippets: Sequence[Snippet]) -> None:
        group = self.current_group()
        self.groups.rebuild(snippets)
        self.expandToDepth(0)
        index = self.groups.index_of_group(group)
        # rebuild() cleared the current index, so this always emits group_changed.
        self.setCurrentIndex(index if index.isValid() else self.groups.index(0, 0))

    def current_group(self) -> str:
        """The selected group path ("" for 全部)."""
        return self.groups.group_at(self.currentIndex())

    def select_group(self, group: str) -> None:
        index = self.groups.index_of_group(group)
        if index.isValid():
            self.setCurrentIndex(index)


#: The palette's ranked search (core.search.SearchIndex.search): query, limit -> hits with
#: ``.snippet``. Called each time, so a reloaded index is used at once.
RankedSearch = Callable[[str, int], Sequence[Any]]


class SnippetListModel(QAbstractListModel):
    """The snippets of one group (and one source: 内置, 团队, 个人) narrowed by the filter.

    With ``search`` set, the filter is the palette's ranked search (pinyin, initials,
    traditional: ``kuaidi`` finds 快递), best first, followed by every other snippet containing
    the words (a librarian wants them all); without it, a plain case-insensitive substring test
    over title, code, id, text, tags, note and examples, in pack order.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[tuple[Snippet, str, PackSource]] = []  # snippet, haystack, source
        self._rows: list[Snippet] = []
        self._group = ""
        self._source: PackSource | None = None  # None: every source
        self._needle = ""
        self._marks: dict[str, str] = {}  # snippet id -> "[新]" / "[改]" (a recent team version)
        self.search: RankedSearch | None = None

    def set_marks(self, marks: Mapping[str, str]) -> None:
        """Mark the replies a recent team version added or changed (text before the title)."""
        self.beginResetModel()
        self._marks = dict(marks)
        self.endResetModel()

    def set_library(self, library: Library) -> None:
        """Show ``library``, remembering where each reply comes from for the source filter."""
        sources = {p.meta.id: p.source for p in library.packs}
        self._all = []
        for snippet in visible_snippets(library):
            hay = "\n".join(
                (
                    snippet.title,
                    snippet.code,
                    snippet.id,
                    *snippet.variants,
                    *(step.text for step in snippet.steps),
                    *snippet.tags,
                    snippet.note,
                    *snippet.examples,
                )
            ).casefold()
            source = sources.get(snippet.pack_id, PackSource.EXTRA)
            self._all.append((snippet, hay, source))
        self._refilter()

    def set_source(self, source: PackSource | None) -> None:
        """Only the replies of one source (内置, 团队, 个人 …); None: all of them."""
        self._source = source
        self._refilter()

    def source_counts(self) -> dict[PackSource, int]:
        """How many replies each source has (the filter's buttons show them)."""
        counts: dict[PackSource, int] = {}
        for _snippet, _hay, source in self._all:
            counts[source] = counts.get(source, 0) + 1
        return counts

    def set_group(self, group: str) -> None:
        self._group = group
        self._refilter()

    def set_filter(self, text: str) -> None:
        self._needle = text.strip().casefold()
        self._refilter()

    def snippets(self) -> list[Snippet]:
        return list(self._rows)

    def snippet_at(self, row: int) -> Snippet | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, snippet_id: str) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == snippet_id), -1)

    def count_in_all_groups(self) -> int:
        """How many snippets match the filter in every group (to point past an empty group)."""
        return len(self._matching())

    def _matching(self) -> list[Snippet]:
        """The snippets of the source matching the filter in any group: ranked hits first."""
        words = self._needle.split()
        mine = [(s, hay) for s, hay, source in self._all if self._source in (None, source)]
        plain = [s for s, hay in mine if all(w in hay for w in words)]
        if not words or self.search is None:
            return plain
        by_id = {s.id: s for s, _hay in mine}
        ranked: dict[str, Snippet] = {}
        for hit in self.search(self._needle, len(self._all)):
            found = by_id.get(hit.snippet.id)
            if found is not None:
                ranked.setdefault(hit.snippet.id, found)
        return [*ranked.values(), *(s for s in plain if s.id not in ranked)]

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rows = [s for s in self._matching() if in_group(s, self._group)]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        snippet = self.snippet_at(index.row()) if index.isValid() else None
        if snippet is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            title = snippet.title
            if snippet.id in self._marks:
                title = f"{self._marks[snippet.id]} {title}"
            return f"{snippet.code}　{title}" if snippet.code else title
        if role == Qt.ItemDataRole.ToolTipRole:
            return snippet.text[:200]
        if role == SNIPPET_ROLE:
            return snippet
        return None
