"""The drill tab: choose a mode (mixed, one scenario, weakest first), then answer a round.

Questions come from the replies' example questions (core/training/drill.py); each answer is
kept in the progress store, and the end of a round says how many were right and the median
time. The random source and the clock are injected so tests are repeatable.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from quickreply.core.model import Library
from quickreply.core.training.drill import Attempt, Mode, groups, library_questions, order
from quickreply.core.training.progress import ProgressStore
from quickreply.ui.drillboard import DrillBoard
from quickreply.ui.palette import RendererLike, Searcher
from quickreply.ui.palette_list import Highlighter


class DrillPanel(QWidget):
    def __init__(
        self,
        library: Library,
        searcher: Searcher,
        renderer: RendererLike | None,
        store: ProgressStore,
        *,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.monotonic,
        highlighter: Highlighter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._rng = rng or random.Random()
        self._questions = library_questions(library)

        self.mode_box = QComboBox()
        self.mode_box.addItem(self.tr("混合练习"), Mode.MIXED)
        self.mode_box.addItem(self.tr("按场景"), Mode.GROUP)
        self.mode_box.addItem(self.tr("先练最弱的"), Mode.WEAKEST)
        self.mode_box.currentIndexChanged.connect(self._mode_changed)
        self.group_box = QComboBox()
        self.start_button = QPushButton(self.tr("开始一轮"))
        self.start_button.clicked.connect(self.start)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("练习方式：")))
        bar.addWidget(self.mode_box)
        bar.addWidget(self.group_box)
        bar.addWidget(self.start_button)
        bar.addWidget(self.summary, 1)

        self.board = DrillBoard(library, searcher, renderer, clock=clock, highlighter=highlighter)
        self.board.answered.connect(self._answered)
        self.board.finished.connect(self._finished)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.board, 1)
        self._fill_groups()
        self._mode_changed()

    def set_library(
        self, library: Library, searcher: Searcher, renderer: RendererLike | None
    ) -> None:
        self._questions = library_questions(library)
        self.board.set_library(library, searcher, renderer)
        self._fill_groups()

    def _fill_groups(self) -> None:
        current = self.group_box.currentText()
        self.group_box.clear()
        self.group_box.addItems(groups(self._questions))
        if current:
            self.group_box.setCurrentText(current)
        self.start_button.setEnabled(bool(self._questions))
        if not self._questions:
            self.summary.setText(self.tr("话术里还没有买家问法，暂时无法练习。"))

    def _mode_changed(self) -> None:
        self.group_box.setEnabled(self.mode_box.currentData() == Mode.GROUP)

    def start(self, mode: Mode | None = None, group: str | None = None) -> None:
        """Start a round (``mode``/``group`` default to the boxes' choice)."""
        if mode is not None:
            self.mode_box.setCurrentIndex(self.mode_box.findData(mode))
        if group is not None:
            self.group_box.setCurrentText(group)
        chosen = Mode(self.mode_box.currentData())
        questions = order(
            self._questions,
            chosen,
            self._store.history(),
            self._rng,
            group=self.group_box.currentText(),
        )
        if not questions:
            return
        self.summary.clear()
        self.board.start(questions)

    def _answered(self, attempt: Attempt) -> None:
        self._store.record(attempt)

    def _finished(self) -> None:
        attempts = self.board.attempts
        right = sum(a.right for a in attempts)
        median = statistics.median(a.seconds for a in attempts) if attempts else 0.0
        self.summary.setText(
            self.tr("本轮答对 %1 / %2 题，中位用时 %3 秒")
            .replace("%1", str(right))
            .replace("%2", str(len(attempts)))
            .replace("%3", f"{median:.1f}")
        )
        self.board.result.setHtml(
            "<p style='font-size:16px'>"
            + self.summary.text()
            + "</p><p>"
            + self.tr("点“开始一轮”再来一轮；“我的进度”里看各场景是否可以上岗。")
            + "</p>"
        )
