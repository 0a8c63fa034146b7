"""The palette's query line, which knows when an input method is composing."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class SearchBox(QLineEdit):
    """The query line; knows whether an input method is composing (pre-edit text shown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preedit = ""

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        self.preedit = event.preeditString()
        super().inputMethodEvent(event)

    @property
    def composing(self) -> bool:
        return bool(self.preedit)

    def confirm_composition(self) -> None:
        """Commit the pre-edit text as typed (what Enter does in every Chinese IME)."""
        commit = QInputMethodEvent()
        commit.setCommitString(self.preedit)
        self.preedit = ""
        QGuiApplication.sendEvent(self, commit)
