"""The palette's keyboard: which key pressed in its search box asks for which action.

↑/↓ move, PgUp/PgDn move by nine, Enter pastes, Ctrl+Enter pastes and sends, Ctrl+C copies
only, Alt+1…9 picks that row (and pastes, like Enter), Alt+→/← shows another wording, Tab goes
to the fill-in fields, Ctrl+D pins, Esc closes. While an input method is composing, Enter
confirms the composition (it never pastes) and ↑/↓ belong to the input method.
"""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent


class Act(Enum):
    """What a key asks the palette to do; the number that comes with it is its argument."""

    ACCEPT = auto()  # 1: and send
    CONFIRM = auto()  # confirm the input method's composition
    CLOSE = auto()
    MOVE = auto()  # rows down (negative: up)
    WORDING = auto()  # the next (1) or previous (-1) wording
    FIELDS = auto()
    PIN = auto()
    COPY = auto()
    PICK = auto()  # the row picked (0 for Alt+1)


def search_key(event: QKeyEvent, composing: bool) -> tuple[Act, int] | None:
    """The action ``event`` asks for in the search box, or None: the box takes the key."""
    key = event.key()
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    ctrl = Qt.KeyboardModifier.ControlModifier
    alt = Qt.KeyboardModifier.AltModifier
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return (Act.CONFIRM, 0) if composing else (Act.ACCEPT, int(bool(mods & ctrl)))
    if key == Qt.Key.Key_Escape:
        return Act.CLOSE, 0
    if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and not composing:
        return Act.MOVE, 1 if key == Qt.Key.Key_Down else -1
    if mods == alt and key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
        return Act.WORDING, 1 if key == Qt.Key.Key_Right else -1
    if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
        return Act.MOVE, 9 if key == Qt.Key.Key_PageDown else -9
    if key == Qt.Key.Key_Tab:
        return Act.FIELDS, 0
    if key == Qt.Key.Key_D and mods == ctrl:
        return Act.PIN, 0
    if key == Qt.Key.Key_C and mods == ctrl:
        return Act.COPY, 0
    if mods == alt and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
        return Act.PICK, int(key) - int(Qt.Key.Key_1)
    return None
