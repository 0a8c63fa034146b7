"""The exam tab: a lead's exam taken once, against the clock, with the result kept.

Exams are the ``*.exam.yaml`` files beside the packs (shipped, team, personal); with team sync
they arrive signed with the team's packs. During an exam the board shows no answers; after the
last question the score, the total time, the pass mark and every question's result are shown
and saved in the progress store (and, when the agent shares with the team, handed in to the
lead through :class:`ExamHandIn`). An exam already taken shows its result and cannot be started
again; leaving in the middle counts the questions not reached as missed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from html import escape
from typing import Protocol

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from quickreply.core.model import Library
from quickreply.core.problems import Problem
from quickreply.core.training.drill import Attempt, score
from quickreply.core.training.exam import Exam
from quickreply.core.training.progress import ExamResult, ProgressStore
from quickreply.ui.drillboard import DrillBoard, colored
from quickreply.ui.palette import RendererLike, Searcher
from quickreply.ui.palette_list import Highlighter
from quickreply.ui.tones import tones_for


class ExamHandIn(Protocol):
    """Where a finished exam's result goes besides the local store (app/sharing.py)."""

    def active(self) -> bool: ...

    def waiting(self) -> bool: ...

    def hand_in(self, exam: Exam, result: ExamResult, then: Callable[[], None] = ...) -> None: ...


class ExamPanel(QWidget):
    def __init__(
        self,
        library: Library,
        searcher: Searcher,
        renderer: RendererLike | None,
        store: ProgressStore,
        exams: Sequence[Exam],
        problems: Sequence[Problem] = (),
        *,
        hand_in: ExamHandIn | None = None,
        clock: Callable[[], float] = time.monotonic,
        highlighter: Highlighter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._store = store
        self._hand_in = hand_in
        self._exams = list(exams)
        self._exam: Exam | None = None

        self.exam_box = QComboBox()
        self.exam_box.currentIndexChanged.connect(lambda _i: self._show_exam())
        self.start_button = QPushButton(self.tr("开始考试"))
        self.start_button.clicked.connect(self.start)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("考试：")))
        bar.addWidget(self.exam_box, 1)
        bar.addWidget(self.start_button)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet(f"color:{tones_for(self).bad};")
        self.info = QTextBrowser()
        self.info.setObjectName("examResult")
        # The matched characters are lit as in the palette at work: the exam times finding a
        # reply the way the agent will find it, not reading rows without the palette's help.
        self.board = DrillBoard(
            library, searcher, renderer, reveal=False, clock=clock, highlighter=highlighter
        )
        self.board.finished.connect(self._finished)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.info)
        self.stack.addWidget(self.board)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.stack, 1)
        self.set_exams(exams, problems)

    def set_exams(self, exams: Sequence[Exam], problems: Sequence[Problem] = ()) -> None:
        self._exams = list(exams)
        self.exam_box.clear()
        for exam in self._exams:
            self.exam_box.addItem(exam.title, exam.id)
        self.problems_label.setText("\n".join(str(p) for p in problems))
        self.problems_label.setVisible(bool(problems))
        self._show_exam()

    def set_library(
        self, library: Library, searcher: Searcher, renderer: RendererLike | None
    ) -> None:
        self._library = library
        self.board.set_library(library, searcher, renderer)

    def selected(self) -> Exam | None:
        index = self.exam_box.currentIndex()
        return self._exams[index] if 0 <= index < len(self._exams) else None

    @property
    def in_progress(self) -> bool:
        return self._exam is not None

    def _show_exam(self) -> None:
        if self.in_progress:
            return
        self.stack.setCurrentWidget(self.info)
        exam = self.selected()
        if exam is None:
            self.start_button.setEnabled(False)
            self.info.setHtml(
                "<p>"
                + escape(self.tr("还没有考试：组长发布的 *.exam.yaml 随团队话术一起到这里。"))
                + "</p>"
            )
            return
        result = self._store.exam_result(exam.id)
        self.start_button.setEnabled(result is None)
        if result is not None:
            self.info.setHtml(self._result_html(exam, result))
            return
        limits = sorted({q.time_limit for q in exam.questions})
        limit = f"{limits[0]:g}" if len(limits) == 1 else f"{limits[0]:g}–{limits[-1]:g}"
        self.info.setHtml(
            f"<h2>{escape(exam.title)}</h2><p>"
            + escape(
                self.tr(
                    "共 %1 题，每题限时 %2 秒，答对 %3% 及格；只能考一次，中途离开未答的题算错。"
                )
                .replace("%1", str(len(exam.questions)))
                .replace("%2", limit)
                .replace("%3", str(exam.pass_mark))
            )
            + "</p><p>"
            + escape(self.tr("和练习一样：在右边的快捷回复里找到合适的话术，Enter 发送。"))
            + "</p>"
        )

    def start(self) -> None:
        exam = self.selected()
        if exam is None or self._store.exam_result(exam.id) is not None:
            return
        self._exam = exam
        self.exam_box.setEnabled(False)
        self.start_button.setEnabled(False)
        self.stack.setCurrentWidget(self.board)
        self.board.start(exam.drill_questions(self._library))

    def abandon(self) -> None:
        """Leaving mid-exam: the questions not answered count as missed, and it is saved."""
        if self._exam is None:
            return
        questions = self._exam.drill_questions(self._library)
        done = len(self.board.attempts)
        self.board.attempts += [score(q, "", 0.0, 0) for q in questions[done:]]
        self.board.stop()
        self._finished()

    def _finished(self) -> None:
        exam, self._exam = self._exam, None
        if exam is None:
            return
        attempts: list[Attempt] = list(self.board.attempts)
        right = sum(a.right for a in attempts)
        result = self._store.save_exam(exam.id, exam.title, attempts, exam.passes(right))
        if result is not None and self._hand_in is not None:
            self._hand_in.hand_in(exam, result, self._handed_in)
        self.exam_box.setEnabled(True)
        self._show_exam()

    def _handed_in(self) -> None:
        # The delivery ends on a worker thread: the window may have been closed and deleted.
        if isValid(self):
            self._show_exam()

    def _result_html(self, exam: Exam, result: ExamResult) -> str:
        tones = tones_for(self.info)
        if result.passed:
            head = colored(self.tr("✔ 通过"), tones.good)
        else:
            head = colored(self.tr("✘ 未通过"), tones.bad)
        line = (
            self.tr("答对 %1 / %2 题（%3%，及格线 %4%），共用时 %5 秒")
            .replace("%1", str(result.right))
            .replace("%2", str(result.total))
            .replace("%3", str(result.percent))
            .replace("%4", str(exam.pass_mark))
            .replace("%5", f"{result.seconds:.0f}")
        )
        rows = []
        for number, (question, attempt) in enumerate(
            zip(exam.questions, result.attempts, strict=False), 1
        ):
            mark = "✔" if attempt.right else "✘"
            color = tones.good if attempt.right else tones.bad
            chosen = self._title(attempt.chosen) or self.tr("（未作答）")
            rows.append(
                f"<tr><td>{number}</td><td>{escape(question.ask)}</td>"
                f"<td style='color:{color}'>{mark}</td><td>{escape(chosen)}</td>"
                f"<td>{escape(self._title(attempt.expected))}</td>"
                f"<td align='right'>{attempt.seconds:.1f}</td></tr>"
            )
        header = "".join(
            f"<th align='left'>{escape(h)}</th>"
            for h in (
                "#",
                self.tr("买家问"),
                self.tr("结果"),
                self.tr("你发的"),
                self.tr("参考"),
                self.tr("用时（秒）"),
            )
        )
        if self._hand_in is not None and self._hand_in.active() and self._hand_in.waiting():
            saved = self.tr("成绩保存在本机；投递位置暂时连不上，下次共享时自动交给组长。")
        elif self._hand_in is not None and self._hand_in.active():
            saved = self.tr("成绩保存在本机，并交给组长（设置 → 团队日报 的投递位置）。")
        else:
            saved = self.tr(
                "成绩只保存在本机（在 设置 → 团队日报 打开共享后，考试成绩会交给组长）。"
            )
        return (
            f"<h2>{escape(exam.title)}</h2><p style='font-size:18px'><b>{head}</b>　"
            f"{escape(line)}</p><table cellpadding='4' width='100%'><tr>{header}</tr>"
            + "".join(rows)
            + f"</table><p style='color:{tones.muted}'>{escape(saved)}</p>"
        )

    def _title(self, snippet_id: str) -> str:
        snippet = self._library.get(snippet_id) if snippet_id else None
        return snippet.title if snippet is not None else snippet_id
