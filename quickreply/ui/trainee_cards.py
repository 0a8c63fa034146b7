"""The trainee view's cards: one reply per card, with a real 复制 button under its reference reply.

A card's text is rich text (its colours from the theme, see ``trainee.card_colors``) in a label;
its 复制 is a :class:`QPushButton`, so the keyboard reaches it with Tab in card order, its focus
shows in either theme and a screen reader names it (复制“标题”). The list scrolls a focused
button into view.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class Card(NamedTuple):
    """One card: the reply it copies, its title (for the button's accessible name), its HTML."""

    snippet_id: str
    title: str
    html: str


class CardList(QScrollArea):
    """Cards in a column, a note above them (a warning or why there are none).

    Signals:
        copy_requested(str): a card's 复制 was pressed; the id of its reply.
    """

    copy_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        # Tab goes from the search box straight to the first 复制, not to the list's frame;
        # a focused button scrolls the list (QScrollArea brings it into view).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._column = QWidget()
        self._layout = QVBoxLayout(self._column)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self._layout.setSpacing(10)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.hide()
        self._layout.addWidget(self.note)
        self._layout.addStretch(1)
        self.setWidget(self._column)
        self._cards: list[tuple[Card, QFrame, QPushButton]] = []
        #: The widget Tab leaves for the first card's 复制 (the search box above the list).
        self.tab_after: QWidget | None = None

    def set_cards(
        self, cards: Sequence[Card], *, copy_text: str, frame_style: str, note: str = ""
    ) -> None:
        """Show ``cards``; ``copy_text`` is the button's text, ``frame_style`` the style sheet
        of a card's frame (its background and border), ``note`` a line above them (or none)."""
        self.set_note(note)
        for _card, frame, _button in self._cards:
            self._layout.removeWidget(frame)
            frame.hide()  # deleted later: until then it would be drawn over the new cards
            frame.deleteLater()
        self._cards = []
        for card in cards:
            frame, button = self._make_card(card, copy_text, frame_style)
            self._layout.insertWidget(self._layout.count() - 1, frame)
            self._cards.append((card, frame, button))
        # Buttons made now would join the end of the window's Tab chain: put them, in card
        # order, right after the widget above the list.
        previous = self.tab_after
        for button in self.copy_buttons():
            if previous is not None:
                QWidget.setTabOrder(previous, button)
            previous = button
        self.verticalScrollBar().setValue(0)

    def set_note(self, text: str, style: str = "") -> None:
        self.note.setText(text)
        self.note.setStyleSheet(style)
        self.note.setVisible(bool(text))

    def _make_card(
        self, card: Card, copy_text: str, frame_style: str
    ) -> tuple[QFrame, QPushButton]:
        frame = QFrame()
        frame.setObjectName("traineeCard")
        frame.setStyleSheet(frame_style)
        body = QLabel(card.html)
        body.setTextFormat(Qt.TextFormat.RichText)
        body.setWordWrap(True)
        # Selectable with the mouse (a trainee may copy a phrase), never a Tab stop.
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        button = QPushButton(copy_text)
        button.setAccessibleName(f"{copy_text}“{card.title}”")
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self.copy_requested.emit(card.snippet_id))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, 0, 8, 8)
        layout.setSpacing(0)
        layout.addWidget(body)
        layout.addLayout(row)
        return frame, button

    def copy_buttons(self) -> list[QPushButton]:
        """The cards' 复制 buttons, in card order (which is the Tab order)."""
        return [button for _card, _frame, button in self._cards]

    def card_ids(self) -> list[str]:
        return [card.snippet_id for card, _frame, _button in self._cards]

    def toHtml(self) -> str:
        """The note and the cards' rich text as shown."""
        note = f"<p>{escape(self.note.text())}</p>" if self.note.text() else ""
        return note + "".join(card.html for card, _frame, _button in self._cards)

    def toPlainText(self) -> str:
        """What a person reads in the list (the note and every card), as plain text."""
        doc = QTextDocument()
        doc.setHtml(self.toHtml())
        return doc.toPlainText()

    def clear(self) -> None:
        self.set_cards([], copy_text="", frame_style="")
