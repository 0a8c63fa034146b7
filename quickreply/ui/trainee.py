"""The trainee view: learn the approved phrasing scenario by scenario, then practise.

学习 opens on the first scenario (group) and shows one at a time as cards that put the
when-to-use note and the buyer questions first and the reply below (its first wording, with a
复制 button: :mod:`quickreply.ui.trainee_cards`), because a new agent must first recognise the
situation; the search box finds replies in every scenario with the palette's ranked search. 练习
shows a buyer question picked at random from the examples; the trainee types the shortcut code
(or the title) of the reply they would use and the view says whether it is right and shows the
expected reply. The random source is injected so tests are repeatable.
"""

from __future__ import annotations

import dataclasses
import random
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.model import Library, Snippet
from quickreply.core.render import RenderError
from quickreply.ui.editor import SnippetRenderer, preview, raw_text
from quickreply.ui.models import GroupTree, RankedSearch, in_group, visible_snippets
from quickreply.ui.trainee_cards import Card, CardList

#: Cards shown at once: a scenario is read card by card, and laying out thousands of rich-text
#: cards (全部 in a big library) takes seconds.
MAX_CARDS = 60


@dataclasses.dataclass(frozen=True, slots=True)
class CardColors:
    """Colours of the learning cards, which are HTML and do not follow the style sheet."""

    text: str
    card: str
    border: str
    reply: str
    code: str
    warning: str
    question: str


LIGHT_CARDS = CardColors(
    "#1f2328", "#fafafa", "#dddddd", "#eef7ee", "#1565c0", "#8a5a00", "#eef5ff"
)
DARK_CARDS = CardColors("#e6edf3", "#262b31", "#3d444d", "#1c3326", "#58a6ff", "#d29922", "#1f2d44")


def card_colors(widget: QWidget) -> CardColors:
    """Dark cards when the widget's text is lighter than its background (the dark theme)."""
    widget.ensurePolished()
    palette = widget.palette()
    text = palette.color(QPalette.ColorRole.Text).lightness()
    base = palette.color(QPalette.ColorRole.Base).lightness()
    return DARK_CARDS if text > base else LIGHT_CARDS


@dataclasses.dataclass(frozen=True, slots=True)
class Question:
    """One practice question: a buyer's words and the replies that answer it."""

    text: str
    answers: tuple[Snippet, ...]


def first_group(snippets: list[Snippet]) -> str:
    """The first scenario in pack order (the tree's first row under 全部), or 全部."""
    return next((s.group_path[0] for s in snippets if s.group_path), "")


def practice_questions(snippets: list[Snippet]) -> list[Question]:
    """Every example buyer question, with all snippets that list it (several may fit)."""
    by_text: dict[str, list[Snippet]] = {}
    for snippet in snippets:
        for example in snippet.examples:
            by_text.setdefault(example, []).append(snippet)
    return [Question(text, tuple(answers)) for text, answers in by_text.items()]


def is_right(answer: str, question: Question) -> bool:
    """Right if the typed code, title or id names one of the answering snippets."""
    typed = answer.strip().casefold()
    if not typed:
        return False
    return any(
        typed in {s.code.casefold(), s.title.casefold(), s.id.casefold()} - {""}
        for s in question.answers
    )


class TraineeView(QWidget):
    """Scenario browser with notes and examples first, plus a small practice mode."""

    training_requested = Signal()  # 计时练习与考试…: the app opens the training window

    def __init__(
        self,
        library: Library,
        renderer: SnippetRenderer | None = None,
        rng: random.Random | None = None,
        parent: QWidget | None = None,
        *,
        search: RankedSearch | None = None,
    ) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._search = search
        self._rng = rng or random.Random()
        self._snippets: list[Snippet] = []
        self._questions: list[Question] = []
        self._question: Question | None = None
        self._asked = 0
        self._right = 0
        self._answered = False
        self._opened = False

        self.tree = GroupTree()
        self.tree.group_changed.connect(lambda _group: self._show_group())
        self.cards = CardList()
        self.cards.copy_requested.connect(self.copy_reply)
        self.copied_label = QLabel()  # 已复制…: the one confirmation of a card's 复制
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("搜索：汉字、拼音、首字母或快捷编码"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setVisible(search is not None)
        self.search_edit.textChanged.connect(lambda _text: self._show_group())
        self.cards.tab_after = self.search_edit
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.search_edit)
        right_layout.addWidget(self.cards, 1)
        right_layout.addWidget(self.copied_label)
        learn = QSplitter(Qt.Orientation.Horizontal)
        learn.addWidget(self.tree)
        learn.addWidget(right)
        learn.setStretchFactor(1, 3)
        learn.setSizes([220, 700])

        self.question_label = QLabel()
        self.question_label.setWordWrap(True)
        self.question_label.setStyleSheet(
            "font-size: 18px; padding: 12px; border-radius: 6px;"
            f" background: {card_colors(self.question_label).question};"
        )
        self.answer_edit = QLineEdit()
        self.answer_edit.setPlaceholderText(self.tr("输入你会用的快捷编码或标题，回车确认"))
        self.answer_edit.returnPressed.connect(self.check_answer)
        self.check_button = QPushButton(self.tr("确认"))
        self.check_button.clicked.connect(self.check_answer)
        self.reveal_button = QPushButton(self.tr("看答案"))
        self.reveal_button.clicked.connect(self.reveal)
        self.next_button = QPushButton(self.tr("下一题"))
        self.next_button.clicked.connect(self.next_question)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("font-size: 15px;")
        self.answer_view = CardList()
        self.answer_view.copy_requested.connect(self.copy_reply)
        self.answer_view.tab_after = self.next_button
        self.score_label = QLabel()
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.answer_edit, 1)
        answer_row.addWidget(self.check_button)
        answer_row.addWidget(self.reveal_button)
        answer_row.addWidget(self.next_button)
        practice = QWidget()
        practice_layout = QVBoxLayout(practice)
        practice_layout.addWidget(QLabel(self.tr("买家发来：")))
        practice_layout.addWidget(self.question_label)
        practice_layout.addLayout(answer_row)
        practice_layout.addWidget(self.result_label)
        practice_layout.addWidget(self.answer_view, 1)
        practice_layout.addWidget(self.score_label)

        self.tabs = QTabWidget()
        self.tabs.addTab(learn, self.tr("按场景学习"))
        self.tabs.addTab(practice, self.tr("练习"))
        self.training_button = QPushButton(self.tr("计时练习与考试…"))
        self.training_button.clicked.connect(lambda: self.training_requested.emit())
        self.tabs.setCornerWidget(self.training_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.set_library(library)
        if search is not None:
            # Typing finds a reply at once; Tab then walks the cards' 复制 buttons.
            self.search_edit.setFocus()

    def set_library(self, library: Library, renderer: SnippetRenderer | None = None) -> None:
        if renderer is not None:
            self._renderer = renderer
        self._snippets = visible_snippets(library)
        first_time = not self._opened
        self._opened = True
        self.tree.rebuild(self._snippets)  # shows the group again
        if first_time and not self.current_group():
            # A trainee starts with the first scenario, not every reply at once.
            self.tree.select_group(first_group(self._snippets))
        self._questions = practice_questions(self._snippets)
        if self._question is None or self._question.text not in {q.text for q in self._questions}:
            self.next_question()

    # -- learning ---------------------------------------------------------------------------

    def current_group(self) -> str:
        return self.tree.current_group()

    def select_group(self, group: str) -> None:
        self.tree.select_group(group)

    def shown_snippets(self) -> list[Snippet]:
        """The scenario's replies; with a search typed, the matches in every scenario, best
        first (a trainee looking for 顺丰 does not know which scenario holds it)."""
        query = self.search_edit.text().strip()
        if query and self._search is not None:
            known = {s.id for s in self._snippets}
            hits = [hit.snippet for hit in self._search(query, len(self._snippets) or 1)]
            return [s for s in hits if s.id in known]
        group = self.current_group()
        return [s for s in self._snippets if in_group(s, group)]

    def copy_reply(self, snippet_id: str) -> bool:
        """Put a card's reference reply on the clipboard, as the card shows it."""
        snippet = next((s for s in self._snippets if s.id == snippet_id), None)
        if snippet is None:
            return False
        QGuiApplication.clipboard().setText(self._reply_text(snippet))
        self.copied_label.setText(self.tr("已复制“%1”").replace("%1", snippet.title))
        return True

    def _reply_text(self, snippet: Snippet) -> str:
        """The first wording, every time: a trainee learns one reference reply, not whichever
        variant the palette would pick next (a macro: its pasted texts)."""
        try:
            return preview(self._renderer, snippet, 0 if snippet.variants else None)
        except RenderError:
            # A trainee still learns from the text as written when the shop rules are off.
            return raw_text(snippet)

    def _card(self, snippet: Snippet) -> str:
        colors = card_colors(self.cards)
        code = (
            f"　<span style='color:{colors.code}'>[{escape(snippet.code)}]</span>"
            if snippet.code
            else ""
        )
        note = escape(snippet.note) if snippet.note else self.tr("（未填写）")
        examples = "".join(f"<li>“{escape(e)}”</li>" for e in snippet.examples)
        # Translated outside the f-strings: lupdate never sees a tr() call inside one.
        when_label = escape(self.tr("什么时候用："))
        asked_label = escape(self.tr("买家常问："))
        reply_label = escape(self.tr("参考回复："))
        parts = [
            # The card's frame (trainee_cards) draws its border; the 复制 button sits under it.
            "<table width='100%' cellpadding='8' style='"
            f"color:{colors.text};background:{colors.card}'>"
            "<tr><td>",
            f"<div style='font-size:15px;font-weight:bold'>{escape(snippet.title)}{code}</div>",
            f"<div style='margin-top:6px'><b>{when_label}</b>{note}</div>",
        ]
        if examples:
            parts.append(f"<div style='margin-top:6px'><b>{asked_label}</b></div>")
            parts.append(f"<ul style='margin-top:0'>{examples}</ul>")
        reply = escape(self._reply_text(snippet))
        parts.append(f"<div style='margin-top:4px'><b>{reply_label}</b></div>")
        parts.append(
            f"<div style='white-space:pre-wrap;background:{colors.reply};padding:6px'>{reply}</div>"
        )
        parts.append("</td></tr></table>")
        return "".join(parts)

    def _show_cards(self, view: CardList, snippets: list[Snippet], note: str = "") -> None:
        colors = card_colors(view)
        view.set_cards(
            [Card(s.id, s.title, self._card(s)) for s in snippets],
            copy_text=self.tr("复制"),
            frame_style=(
                f"#traineeCard {{ background: {colors.card}; border: 1px solid {colors.border};"
                " border-radius: 4px; }"
            ),
            note=note,
        )

    def _show_group(self) -> None:
        snippets = self.shown_snippets()
        if not snippets:
            self._show_cards(self.cards, [], self.tr("这个分组还没有话术。"))
            return
        note = ""
        if len(snippets) > MAX_CARDS:
            note = self.tr("只显示前 %1 条（共 %2 条），请在左边选一个具体场景。")
            note = note.replace("%1", str(MAX_CARDS)).replace("%2", str(len(snippets)))
        self._show_cards(self.cards, snippets[:MAX_CARDS], note)
        if note:
            self.cards.set_note(note, f"color: {card_colors(self.cards).warning};")

    # -- practice ---------------------------------------------------------------------------

    @property
    def question(self) -> Question | None:
        return self._question

    def next_question(self) -> None:
        self._answered = False
        self.answer_edit.clear()
        self.result_label.clear()
        self.answer_view.clear()
        if not self._questions:
            self._question = None
            self.question_label.setText(self.tr("话术里还没有买家问法，暂时无法练习。"))
            for widget in (self.answer_edit, self.check_button, self.reveal_button):
                widget.setEnabled(False)
            return
        for widget in (self.answer_edit, self.check_button, self.reveal_button):
            widget.setEnabled(True)
        self._question = self._rng.choice(self._questions)
        self.question_label.setText(self._question.text)
        self._show_score()
        self.answer_edit.setFocus()

    def check_answer(self) -> bool | None:
        """Judge the typed answer; returns None when there is nothing to judge."""
        question = self._question
        if question is None or not self.answer_edit.text().strip():
            return None
        right = is_right(self.answer_edit.text(), question)
        if not self._answered:
            self._asked += 1
            self._right += int(right)
            self._answered = True
        if right:
            self.result_label.setText(self.tr("✔ 答对了！"))
            self.result_label.setStyleSheet("font-size: 15px; color: #1b7f3b;")
        else:
            self.result_label.setText(self.tr("✘ 不太对，看看参考答案："))
            self.result_label.setStyleSheet("font-size: 15px; color: #b00020;")
        self._show_answer(question)
        self._show_score()
        return right

    def reveal(self) -> None:
        if self._question is None:
            return
        if not self._answered:
            self._asked += 1
            self._answered = True
        self.result_label.setText(self.tr("参考答案："))
        self.result_label.setStyleSheet("font-size: 15px;")
        self._show_answer(self._question)
        self._show_score()

    def _show_answer(self, question: Question) -> None:
        self._show_cards(self.answer_view, list(question.answers))

    def _show_score(self) -> None:
        self.score_label.setText(
            self.tr("已练习 %1 题，答对 %2 题")
            .replace("%1", str(self._asked))
            .replace("%2", str(self._right))
        )
