"""The library window's middle column: the search box, the source filter and the reply list.

The source filter (全部 / 内置 / 团队 / 个人) says where the listed replies come from in one
place, instead of a padlock on every read-only row. Arrows in the search box move the list and
Enter copies, so the hands never leave the keyboard. Its strings keep the ``LibraryWindow``
translation context they had before the column was split out of the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.model import Library, PackSource, Snippet
from quickreply.ui.models import SnippetListModel, source_label

#: The filter's buttons, in order; None is 全部. --pack extras get a button only when present.
SOURCES: tuple[PackSource | None, ...] = (
    None,
    PackSource.SHIPPED,
    PackSource.TEAM,
    PackSource.PERSONAL,
    PackSource.EXTRA,
)


class ReplyList(QWidget):
    """Search box, source filter, list and the buttons under it (the window connects them).

    Signals:
        current_changed(object): the selected Snippet, or None.
        copy_requested(): Enter in the search box or on a row.
        source_changed(): another source was picked (the window re-selects a row).
    """

    current_changed = Signal(object)
    copy_requested = Signal()
    source_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(
            QCoreApplication.translate("LibraryWindow", "筛选：标题、编码、内容、标签（Ctrl+F）")
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.installEventFilter(self)

        self.source_buttons: dict[PackSource | None, QToolButton] = {}
        self.source_group = QButtonGroup(self)
        self.source_group.setExclusive(True)
        sources = QHBoxLayout()
        sources.setSpacing(2)
        for number, source in enumerate(SOURCES):
            button = QToolButton()
            button.setCheckable(True)
            label = (
                QCoreApplication.translate("LibraryWindow", "全部")
                if source is None
                else source_label(source)
            )
            button.setText(label[:1].upper() + label[1:])  # "built-in" mid-sentence, not here
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.source_group.addButton(button, number)
            self.source_buttons[source] = button
            sources.addWidget(button)
        sources.addStretch(1)
        self.source_buttons[None].setChecked(True)
        self.source_group.idClicked.connect(lambda number: self.set_source(SOURCES[number]))

        self.model = SnippetListModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.activated.connect(lambda _index: self.copy_requested.emit())
        self.count_label = QLabel()
        self.import_button = QPushButton(QCoreApplication.translate("LibraryWindow", "导入…"))
        self.export_button = QPushButton(QCoreApplication.translate("LibraryWindow", "导出…"))
        self.new_button = QPushButton(QCoreApplication.translate("LibraryWindow", "新建"))
        # 发布…: only where the team's key is (the window's set_publishing).
        self.publish_button = QPushButton(QCoreApplication.translate("LibraryWindow", "发布…"))
        self.publish_button.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        for action in (self.import_button, self.export_button, self.new_button):
            buttons.addWidget(action)
        buttons.addWidget(self.publish_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addLayout(sources)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def set_library(self, library: Library) -> None:
        self.model.set_library(library)
        counts = self.model.source_counts()
        total = sum(counts.values())
        for source, button in self.source_buttons.items():
            count = total if source is None else counts.get(source, 0)
            tip = QCoreApplication.translate("LibraryWindow", "%1 条").replace("%1", str(count))
            button.setToolTip(tip)
            # Command-line packs are rare: their button only when there are some.
            button.setVisible(source is not PackSource.EXTRA or count > 0)
        if not self.source_buttons[self.current_source()].isVisible():
            self.set_source(None)

    def current_source(self) -> PackSource | None:
        """The source shown (None: 全部)."""
        return next(s for s, b in self.source_buttons.items() if b.isChecked())

    def set_source(self, source: PackSource | None) -> None:
        """Show only the replies of ``source`` (None: all); the window re-selects a row."""
        self.source_buttons[source].setChecked(True)
        self.model.set_source(source)
        self.source_changed.emit()

    def select_row(self, row: int) -> None:
        """Make ``row`` current and scroll it into view (a saved reply may sit far down)."""
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(self.model.snippet_at(current.row()))

    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def snippet_at(self, row: int) -> Snippet | None:
        return self.model.snippet_at(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Arrows in the filter box move the list, so the hands never leave the keyboard.
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()), 0)
            if step:
                row = self.current_row() + step
                if 0 <= row < self.model.rowCount():
                    self.select_row(row)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.copy_requested.emit()
                return True
        return super().eventFilter(watched, event)
