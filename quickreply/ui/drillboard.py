"""The drill board: a buyer question as a chat bubble, answered with the real palette, timed.

The palette is :class:`~quickreply.ui.palette.PaletteWindow` itself (same search, same keys,
the same matched characters highlighted), embedded as a child widget with a paster that puts
the reply into this chat instead of pasting into another program, and with no usage recorded
(practice must not change the agent's ranking).
The board counts keystrokes in the search box, runs the clock (counting up in a drill, down to
the question's limit in an exam) and scores each send with core/training/drill.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.model import Library, Snippet
from quickreply.core.training.drill import Attempt, Question, fewest_keys, score
from quickreply.ui.palette import PaletteWindow, RendererLike, Searcher
from quickreply.ui.palette_list import Highlighter
from quickreply.ui.tones import Tones, tones_for

TICK_MS = 100
BUBBLE_STYLE = "padding:8px 12px;font-size:16px;border-radius:10px;"


def bubble_style(tones: Tones, *, buyer: bool) -> str:
    """A bubble in the theme's colours: the buyer's light (dark) grey, the agent's green."""
    if buyer:
        colors = (
            f"background:{tones.buyer_back};color:{tones.buyer_text};"
            f"border:1px solid {tones.buyer_border};"
        )
    else:
        colors = f"background:{tones.agent_back};color:{tones.agent_text};"
    return colors + BUBBLE_STYLE


class DrillPalette(PaletteWindow):
    """The palette as a child of the board: it never hides, and Enter after an answer asks
    for the next question instead of sending again."""

    next_requested = Signal()
    skipped = Signal()

    def __init__(
        self,
        searcher: Searcher,
        renderer: RendererLike | None,
        highlighter: Highlighter | None = None,
    ) -> None:
        super().__init__(searcher, renderer, highlighter=highlighter)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.waiting_next = False

    def hide(self) -> None:
        """Esc (or a send) never hides the embedded palette; Esc skips the question."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.skipped.emit()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search_box
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.skipped.emit()
            return True
        return super().eventFilter(watched, event)

    def accept(
        self, send: bool = False, *, copy_only: bool = False, from_form: bool = False
    ) -> bool:
        if self.waiting_next:
            self.next_requested.emit()
            return False
        if copy_only:
            return False  # nothing to copy to in a drill
        return super().accept(send, from_form=from_form)

    def changeEvent(self, event: QEvent) -> None:
        QWidget.changeEvent(self, event)  # a child never closes when the window loses focus

    def showEvent(self, event: QShowEvent) -> None:
        QWidget.showEvent(self, event)  # the board gives focus; a child never activates itself


class ChatPaster:
    """Puts what the palette would paste into the drill's chat."""

    def __init__(self, board: DrillBoard) -> None:
        self._board = board

    def paste(self, text: str, send: bool = False, image: bytes = b"") -> None:
        self._board.chat.add(text, buyer=False)  # the drill's chat shows text only

    def paste_steps(self, snippet: Snippet, values: Mapping[str, str], send: bool = False) -> None:
        self._board.chat.add(
            "\n".join(s.text for s in snippet.steps if s.kind == "paste"), buyer=False
        )


class ChatView(QScrollArea):
    """Bubbles, buyer on the left and agent on the right, newest at the bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setObjectName("drillChat")
        inner = QWidget()
        self._layout = QVBoxLayout(inner)
        self._layout.addStretch(1)
        self.setWidget(inner)
        self.bubbles: list[QLabel] = []

    def clear(self) -> None:
        for bubble in self.bubbles:
            row = bubble.parentWidget()
            if row is not None:
                row.deleteLater()
        self.bubbles = []

    def add(self, text: str, *, buyer: bool) -> QLabel:
        bubble = QLabel(text)
        bubble.setWordWrap(True)
        bubble.setTextFormat(Qt.TextFormat.PlainText)
        bubble.setProperty("buyer", buyer)
        bubble.setStyleSheet(bubble_style(tones_for(self), buyer=buyer))
        bubble.setMaximumWidth(420)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(4, 2, 4, 2)
        if not buyer:
            line.addStretch(1)
        line.addWidget(bubble)
        if buyer:
            line.addStretch(1)
        self._layout.insertWidget(self._layout.count() - 1, row)
        self.bubbles.append(bubble)
        QTimer.singleShot(0, self, self._scroll_down)  # once the new row is laid out
        return bubble

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: recolour the bubbles
            tones = tones_for(self)
            for bubble in self.bubbles:
                bubble.setStyleSheet(bubble_style(tones, buyer=bool(bubble.property("buyer"))))

    def _scroll_down(self) -> None:
        self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())


class DrillBoard(QWidget):
    """Asks ``questions`` one by one. ``reveal``: show right/wrong and the right reply after
    each answer (drills); without it the next question comes at once (exams)."""

    answered = Signal(object)  # Attempt
    finished = Signal()

    def __init__(
        self,
        library: Library,
        searcher: Searcher,
        renderer: RendererLike | None,
        *,
        reveal: bool = True,
        clock: Callable[[], float] = time.monotonic,
        highlighter: Highlighter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._renderer = renderer
        self._reveal = reveal
        self._clock = clock
        self._questions: list[Question] = []
        self._index = -1
        self._started = 0.0
        self._keys = 0
        self.attempts: list[Attempt] = []

        self.chat = ChatView()
        self.clock_label = QLabel()
        self.clock_label.setObjectName("drillClock")
        self.clock_label.setStyleSheet("font-size:28px;font-weight:bold;font-family:monospace;")
        self.status_label = QLabel()
        self.result = QTextBrowser()
        self.result.setObjectName("drillResult")
        self.result.setMaximumHeight(170)
        self.picker = DrillPalette(searcher, renderer, highlighter)
        self.picker.set_paster(ChatPaster(self), "")
        # The drill's own keys replace the palette's (Ctrl+C copies nothing, Esc skips), in
        # the footer's quiet colour: they are how it works, not a problem.
        self.picker.footer.set_keys(
            self.tr("练习：Enter 发送到上面的聊天 · Esc 跳过 · 答完后 Enter 下一题")
        )
        self.picker.pasted.connect(lambda snippet_id, _sent: self.answer(snippet_id))
        self.picker.next_requested.connect(self.next_question)
        self.picker.skipped.connect(self.skip)
        self.picker.search_box.installEventFilter(self)

        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        top.addWidget(self.clock_label)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.chat, 1)
        left.addWidget(self.result)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addWidget(self.picker, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._show_clock(0.0)

    # -- running ----------------------------------------------------------------------------

    @property
    def question(self) -> Question | None:
        if 0 <= self._index < len(self._questions):
            return self._questions[self._index]
        return None

    @property
    def running(self) -> bool:
        return self.question is not None and not self.picker.waiting_next

    @property
    def total(self) -> int:
        return len(self._questions)

    def set_library(
        self, library: Library, searcher: Searcher, renderer: RendererLike | None
    ) -> None:
        self._library = library
        self._renderer = renderer
        self.picker.set_searcher(searcher)
        self.picker.set_renderer(renderer)

    def start(self, questions: Sequence[Question]) -> None:
        self._questions = list(questions)
        self._index = -1
        self.attempts = []
        self.chat.clear()
        self.next_question()

    def stop(self) -> None:
        self._timer.stop()
        self._index = len(self._questions)
        self.picker.waiting_next = False

    def next_question(self) -> None:
        self.picker.waiting_next = False
        self._index += 1
        question = self.question
        if question is None:
            self._timer.stop()
            self.finished.emit()
            return
        self.result.clear()
        self.chat.add(question.text, buyer=True)
        self.status_label.setText(
            self.tr("第 %1 / %2 题")
            .replace("%1", str(self._index + 1))
            .replace("%2", str(len(self._questions)))
        )
        self._keys = 0
        self._started = self._clock()
        self.picker.search_box.clear()
        self.picker.search_box.setFocus()
        self._show_clock(0.0)
        self._timer.start()

    def elapsed(self) -> float:
        return self._clock() - self._started

    def tick(self) -> None:
        question = self.question
        if question is None or self.picker.waiting_next:
            return
        elapsed = self.elapsed()
        self._show_clock(elapsed)
        if question.time_limit is not None and elapsed >= question.time_limit:
            self._finish("", elapsed, timed_out=True)

    def _show_clock(self, elapsed: float) -> None:
        question = self.question
        if question is not None and question.time_limit is not None:
            left = max(0.0, question.time_limit - elapsed)
            self.clock_label.setText(self.tr("剩 %1 秒").replace("%1", f"{left:.0f}"))
            urgent = left <= 5
        else:
            self.clock_label.setText(f"{int(elapsed) // 60:02d}:{elapsed % 60:04.1f}")
            urgent = elapsed > 5
        tones = tones_for(self)
        color = tones.bad if urgent else tones.calm
        self.clock_label.setStyleSheet(
            f"font-size:28px;font-weight:bold;font-family:monospace;color:{color};"
        )

    def answer(self, snippet_id: str) -> None:
        if self.running:
            self._finish(snippet_id, self.elapsed())

    def skip(self) -> None:
        if self.running:
            self._finish("", self.elapsed())
        elif self.picker.waiting_next:
            self.next_question()

    def _finish(self, chosen: str, seconds: float, *, timed_out: bool = False) -> None:
        question = self.question
        assert question is not None
        self._timer.stop()
        self._show_clock(seconds)
        attempt = score(question, chosen, seconds, self._keys)
        self.attempts.append(attempt)
        self.answered.emit(attempt)
        if self._reveal:
            self.picker.waiting_next = True
            self.result.setHtml(self._result_html(question, attempt, timed_out))
        else:
            QTimer.singleShot(0, self, self.next_question)

    # -- the result -------------------------------------------------------------------------

    def _result_html(self, question: Question, attempt: Attempt, timed_out: bool) -> str:
        seconds = self.tr("%1 秒").replace("%1", f"{attempt.seconds:.1f}")
        keys = self.tr("%1 次按键").replace("%1", str(attempt.keystrokes))
        expected = self._library.get(question.answers[0]) if question.answers else None
        best = fewest_keys(expected) if expected is not None else None
        if best is not None and expected is not None:
            keys += (
                self.tr("（编码 %1 只要 %2 次）")
                .replace("%1", expected.code)
                .replace("%2", str(best))
            )
        tones = tones_for(self.result)
        if attempt.right:
            head = colored(self.tr("✔ 答对了"), tones.good)
        elif timed_out:
            head = colored(self.tr("✘ 时间到"), tones.bad)
        else:
            head = colored(self.tr("✘ 不对"), tones.bad)
        parts = [f"<p style='font-size:16px'><b>{head}</b>　{escape(seconds)} · {escape(keys)}</p>"]
        if not attempt.right and expected is not None:
            parts.append(self._answer_html(expected))
        parts.append(colored(self.tr("按 Enter 下一题"), tones.muted, "p"))
        return "".join(parts)

    def _answer_html(self, snippet: Snippet) -> str:
        code = f" [{escape(snippet.code)}]" if snippet.code else ""
        note = snippet.note or self.tr("（未填写）")
        use = escape(self.tr("应该用："))
        when = escape(self.tr("什么时候用："))
        return (
            f"<p><b>{use}</b>{escape(snippet.title)}{code}<br>"
            f"<b>{when}</b>{escape(note)}<br>"
            f"<span style='white-space:pre-wrap'>{escape(self._text(snippet))}</span></p>"
        )

    def _text(self, snippet: Snippet) -> str:
        if self._renderer is None or snippet.steps:
            return snippet.text
        try:
            return self._renderer.render_variant(snippet, 0, snippet.default_values())
        except Exception:  # RenderError: the trainee still learns from the text as written
            return snippet.text

    # -- keystrokes -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Installed after the palette's own filter, so it runs first and sees every key.
        if watched is self.picker.search_box and self.running:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if not event.isAutoRepeat():
                    self._keys += 1
            elif isinstance(event, QInputMethodEvent) and event.commitString():
                self._keys += 1  # a word committed by the input method counts as one key
        return super().eventFilter(watched, event)


def colored(text: str, color: str, tag: str = "span") -> str:
    return f"<{tag} style='color:{color}'>{escape(text)}</{tag}>"
