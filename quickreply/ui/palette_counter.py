"""The preview's character count against the platform's message limit (``126 / 500 字``).

Some chat platforms cut a message after a number of characters; the shop profile says how many
(``message_limit:`` in shop.yaml). Over the limit the count turns red and says the platform
will cut it, before the agent pastes. A macro is counted by its longest message: each Enter
step sends what was pasted before it as one message.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from quickreply.core.model import Step
from quickreply.core.shop import DEFAULT_MESSAGE_LIMIT


def longest_message(steps: Sequence[Step]) -> int:
    """The characters of a macro's longest message: pastes up to each Enter are one message."""
    longest = current = 0
    for step in steps:
        if step.kind == "paste":
            current += len(step.text)
        elif step.kind == "enter":
            longest, current = max(longest, current), 0
    return max(longest, current)


class CharCounter(QLabel):
    """``N / limit 字``, red with a one-line note when N is over the limit."""

    def __init__(self, limit: int = DEFAULT_MESSAGE_LIMIT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("charCounter")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._limit = limit
        self._count = 0

    @property
    def over(self) -> bool:
        return self._count > self._limit

    def set_limit(self, limit: int) -> None:
        self._limit = limit
        self.show_count(self._count)

    def show_count(self, count: int) -> None:
        self._count = count
        text = self.tr("%1 / %2 字").replace("%1", str(count)).replace("%2", str(self._limit))
        if self.over:
            text += self.tr(" · 超出 %1 字，会被平台截断").replace("%1", str(count - self._limit))
        self.setText(text)
        self.setProperty("over", self.over)
        self.style().unpolish(self)
        self.style().polish(self)
