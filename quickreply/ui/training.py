"""The training window: timed drill, code practice, exams and progress, one tab each.

Opened from the trainee view (计时练习与考试…) and the tray (新人训练). Everything it needs comes
in through the constructor (app/views.py builds it); closing it in the middle of an exam saves
the exam with the questions not reached counted as missed.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from quickreply.core.model import Library
from quickreply.core.problems import Problem
from quickreply.core.training.exam import Exam
from quickreply.core.training.progress import ProgressStore
from quickreply.ui.codepractice import CodePracticePanel
from quickreply.ui.drill import DrillPanel
from quickreply.ui.exam import ExamHandIn, ExamPanel
from quickreply.ui.palette import RendererLike, Searcher
from quickreply.ui.palette_list import Highlighter
from quickreply.ui.progress import ProgressPanel


class TrainingWindow(QWidget):
    def __init__(
        self,
        library: Library,
        searcher: Searcher,
        renderer: RendererLike | None,
        store: ProgressStore,
        exams: Sequence[Exam] = (),
        exam_problems: Sequence[Problem] = (),
        *,
        hand_in: ExamHandIn | None = None,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.monotonic,
        highlighter: Highlighter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新人训练"))
        self.store = store
        rng = rng or random.Random()
        self.drill = DrillPanel(
            library, searcher, renderer, store, rng=rng, clock=clock, highlighter=highlighter
        )
        self.codes = CodePracticePanel(library, store, renderer, rng=rng, clock=clock)
        self.exam = ExamPanel(
            library,
            searcher,
            renderer,
            store,
            exams,
            exam_problems,
            hand_in=hand_in,
            clock=clock,
            highlighter=highlighter,
        )
        self.progress = ProgressPanel(store)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.drill, self.tr("计时练习"))
        self.tabs.addTab(self.codes, self.tr("编码练习"))
        self.tabs.addTab(self.exam, self.tr("考试"))
        self.tabs.addTab(self.progress, self.tr("我的进度"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        self.resize(1100, 640)

    def set_library(
        self, library: Library, searcher: Searcher, renderer: RendererLike | None
    ) -> None:
        self.drill.set_library(library, searcher, renderer)
        self.codes.set_library(library, renderer)
        self.exam.set_library(library, searcher, renderer)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.progress:
            self.progress.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.exam.abandon()
        super().closeEvent(event)
