"""Colours that carry a meaning (right, wrong, urgent, a chat bubble) in the theme in force.

The training widgets draw such colours themselves (rich text, chat bubbles, a painted chart), so
the theme's style sheet cannot reach them; they ask :func:`tones_for` instead, which reads the
widget's palette (the style sheet's ``color`` and ``background`` end up there) and picks the
set made for a light or a dark background. Each pair of text and background is at least the
WCAG AA contrast ratio of 4.5 (``tests/ui/test_training_dark.py`` measures it on screen).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from quickreply.ui.themes import is_dark


@dataclass(frozen=True, slots=True)
class Tones:
    good: str  # right, passed, ready
    bad: str  # wrong, failed, time running out
    muted: str  # hints
    calm: str  # a clock with time to spare
    buyer_back: str  # the buyer's chat bubble
    buyer_text: str
    buyer_border: str
    agent_back: str  # the agent's own bubble (the reply sent)
    agent_text: str
    track: str  # the empty part of a progress bar


LIGHT = Tones(
    good="#1b7f3b",
    bad="#b00020",
    muted="#666666",
    calm="#1565c0",
    buyer_back="#ffffff",
    buyer_text="#222222",
    buyer_border="#d0d0d0",
    agent_back="#95ec69",
    agent_text="#111111",
    track="#dfe3e8",
)
# The dark theme's own colours (resources/themes/dark.qss), and WeChat's dark-mode green.
DARK = Tones(
    good="#3fb950",
    bad="#ff7b72",
    muted="#9198a1",
    calm="#58a6ff",
    buyer_back="#2d333b",
    buyer_text="#e6edf3",
    buyer_border="#3d444d",
    agent_back="#3eb575",
    agent_text="#0d1117",
    track="#3d444d",
)


def tones_for(widget: QWidget) -> Tones:
    return DARK if is_dark(widget) else LIGHT
