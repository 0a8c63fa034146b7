"""The code practice tab: a reply's title (or text) is shown and the trainee types its 快捷编码.

The answer is taken as soon as the typed text is the code, so speed is the time to type it;
Enter with something else is a miss and shows the code. Streaks and times are shown for this
sitting; every attempt also goes to the progress store (kind ``code``).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.model import Library
from quickreply.core.training.codes import CodeCard, CodeRun, code_cards, is_code
from quickreply.core.training.drill import Attempt
from quickreply.core.training.progress import ProgressStore
from quickreply.ui.palette import RendererLike
from quickreply.ui.tones import tones_for


class CodePracticePanel(QWidget):
    def __init__(
        self,
        library: Library,
        store: ProgressStore,
        renderer: RendererLike | None = None,
        *,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._store = store
        self._renderer = renderer
        self._rng = rng or random.Random()
        self._clock = clock
        self._cards: list[CodeCard] = []
        self._card: CodeCard | None = None
        self._started = 0.0
        self._answered = False
        self.run = CodeRun()

        self.by_text = QCheckBox(self.tr("看回复内容（更难）"))
        self.by_text.toggled.connect(lambda _on: self.restart())
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setObjectName("codePrompt")
        self.prompt.setStyleSheet("font-size:18px;padding:12px;border:1px solid #9ab;")
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("输入这条话术的快捷编码"))
        self.edit.textEdited.connect(self._typed)
        self.edit.returnPressed.connect(self._entered)
        self.skip_button = QPushButton(self.tr("跳过"))
        self.skip_button.clicked.connect(self._skip)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.stats = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.skip_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.by_text)
        layout.addWidget(self.prompt)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(self.stats)
        layout.addStretch(1)
        self.restart()

    @property
    def card(self) -> CodeCard | None:
        return self._card

    def set_library(self, library: Library, renderer: RendererLike | None = None) -> None:
        self._library = library
        self._renderer = renderer
        self.restart()

    def restart(self) -> None:
        self._cards = code_cards(self._library, self._rng, by_text=self.by_text.isChecked())
        self.next_card()

    def next_card(self) -> None:
        self._answered = False
        self.edit.clear()
        if not self._cards:
            self._cards = code_cards(self._library, self._rng, by_text=self.by_text.isChecked())
        if not self._cards:
            self._card = None
            self.prompt.setText(self.tr("话术里还没有快捷编码，暂时无法练习。"))
            self.edit.setEnabled(False)
            return
        self.edit.setEnabled(True)
        self._card = self._cards.pop()
        self.prompt.setText(self._shown(self._card))
        self._started = self._clock()
        self._show_stats()
        self.edit.setFocus()

    def _shown(self, card: CodeCard) -> str:
        """The title, or the reply as the buyer would read it (shop facts filled in)."""
        snippet = self._library.get(card.snippet_id)
        if not card.show_text or snippet is None:
            return card.title
        if self._renderer is None or snippet.steps:
            return card.text
        try:
            return self._renderer.render_variant(snippet, 0, snippet.default_values())
        except Exception:  # RenderError: the text as written still names the reply
            return card.text

    def _typed(self, text: str) -> None:
        card = self._card
        if card is not None and not self._answered and is_code(text, card):
            self._judge(True)

    def _entered(self) -> None:
        card = self._card
        if card is None:
            return
        if self._answered:
            self.next_card()
        elif self.edit.text().strip():
            self._judge(is_code(self.edit.text(), card))

    def _skip(self) -> None:
        if self._card is not None and not self._answered:
            self._judge(False)
        self.next_card()

    def _judge(self, right: bool) -> None:
        card = self._card
        assert card is not None
        self._answered = True
        seconds = self._clock() - self._started
        self.run.record(right, seconds)
        self._store.record(
            Attempt(
                card.key,
                card.group,
                card.snippet_id,
                card.snippet_id if right else "",
                right,
                seconds,
                len(self.edit.text()),
            ),
            "code",
        )
        if right:
            self.result.setText(self.tr("✔ 对，%1 秒").replace("%1", f"{seconds:.1f}"))
            self.result.setStyleSheet(f"font-size:15px;color:{tones_for(self).good};")
            self.next_card()
        else:
            message = self.tr("✘ 编码是 %1（%2）。按 Enter 下一条").replace("%1", card.code)
            self.result.setText(message.replace("%2", card.title))
            self.result.setStyleSheet(f"font-size:15px;color:{tones_for(self).bad};")
        self._show_stats()

    def _show_stats(self) -> None:
        median = self.run.median_seconds
        self.stats.setText(
            self.tr("连对 %1 · 最高连对 %2 · 答对 %3 / %4 · 中位用时 %5 秒")
            .replace("%1", str(self.run.streak))
            .replace("%2", str(self.run.best))
            .replace("%3", str(self.run.right))
            .replace("%4", str(self.run.asked))
            .replace("%5", f"{median:.1f}" if median is not None else "–")
        )
