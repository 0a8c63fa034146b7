"""The banner over the library listing what went wrong while loading the packs.

Leads read it (each line is ``path:line: where: what is wrong (how to fix)``); agents read its
one-sentence summary. Its strings keep the ``LibraryWindow`` translation context they had
before it was split out of the library window.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.problems import Problem, Severity


class ProblemBanner(QWidget):
    """A summary line with 收起/展开 over the list of problems; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = QFrame()
        self.banner.setStyleSheet(
            "QFrame { background: #fff4e5; border: 1px solid #f0b35a; border-radius: 4px; }"
            "QLabel { border: none; color: #7a4100; }"
        )
        self.label = QLabel()
        self.toggle = QPushButton(QCoreApplication.translate("LibraryWindow", "收起"))
        self.toggle.setFlat(True)
        self.toggle.clicked.connect(self._toggle)
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.toggle)
        self.problems = QListWidget()
        self.problems.setMaximumHeight(110)
        self.problems.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.problems)

    def set_problems(self, problems: Sequence[Problem]) -> None:
        """Show ``problems`` (none: hide the banner and its list)."""
        if not problems:
            self.banner.hide()
            self.problems.hide()
            return
        errors = sum(1 for p in problems if p.severity is Severity.ERROR)
        # %n: Qt's plural forms (1 problem, 2 problems) from the .ts numerus entries; lupdate
        # marks them only in self.tr(), not in QCoreApplication.translate().
        text = self.tr("加载话术包时发现 %n 个问题", "", len(problems))
        if errors != len(problems):
            text += self.tr("（%n 个错误）", "", errors)
        text += QCoreApplication.translate("LibraryWindow", "：有问题的话术已跳过，其余照常可用。")
        self.label.setText(text)
        self.problems.clear()
        self.problems.addItems([str(p) for p in problems])
        # As tall as its lines (up to five), so one problem does not eat a fifth of the window.
        rows = min(len(problems), 5)
        self.problems.setMaximumHeight(rows * self.problems.fontMetrics().height() + 10)
        self.banner.show()
        collapse = QCoreApplication.translate("LibraryWindow", "收起")
        self.problems.setVisible(self.toggle.text() == collapse)

    def _toggle(self) -> None:
        showing = self.problems.isVisible()
        self.problems.setVisible(not showing)
        expand = QCoreApplication.translate("LibraryWindow", "展开")
        collapse = QCoreApplication.translate("LibraryWindow", "收起")
        self.toggle.setText(expand if showing else collapse)
