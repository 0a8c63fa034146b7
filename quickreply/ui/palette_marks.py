"""The palette's words about what kind of reply a row is: 宏 · 发送 2 条, 3 种说法, 说法 1/3.

A macro that sends several messages on a plain Enter must not look like any other reply, and
a reply with several wordings says which one the preview shows. The strings keep the palette's
translation context, so they read the same in every language as before they moved here.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from quickreply.core.model import Snippet
from quickreply.ui.imageclip import image_mark
from quickreply.ui.messages import combo_label


def messages_sent(snippet: Snippet) -> int:
    """How many chat messages a macro sends: each Enter step is one, and a reply marked
    ``send`` sends its last text too."""
    enters = sum(1 for step in snippet.steps if step.kind == "enter")
    last_is_enter = bool(snippet.steps) and snippet.steps[-1].kind == "enter"
    return enters + int(snippet.send and not last_is_enter)


def row_mark(section: str, snippet: Snippet, hotkey: str = "") -> str:
    """常用/最近, an image it carries, what kind of reply it is, then ``hotkey`` (its direct
    hotkey as shown, :func:`hotkey_label`)."""
    parts = (section, image_mark(snippet), kind_mark(snippet), hotkey)
    return " · ".join(part for part in parts if part)


def hotkey_label(snippet: Snippet, assigned: Mapping[str, str]) -> str:
    """``snippet``'s direct hotkey as the UI shows it (``Ctrl+Alt+1``): the one ``assigned``
    in 设置 (snippet id -> combination; "" turns the pack's off), else the pack's own."""
    return combo_label(assigned.get(snippet.id, snippet.hotkey or ""))


def kind_mark(snippet: Snippet) -> str:
    """宏 · 发送 2 条 for a macro, 3 种说法 for a reply with several wordings."""
    if snippet.steps:
        count = messages_sent(snippet)
        if count > 1:
            return QCoreApplication.translate("PaletteWindow", "宏 · 发送 %1 条").replace(
                "%1", str(count)
            )
        return QCoreApplication.translate("PaletteWindow", "宏")
    if len(snippet.variants) > 1:
        return QCoreApplication.translate("PaletteWindow", "%1 种说法").replace(
            "%1", str(len(snippet.variants))
        )
    return ""


def preview_mark(snippet: Snippet, variant: int | None) -> str:
    """Over the preview: what Enter does for a macro, or which wording (``variant``) shows."""
    if snippet.steps:
        count = messages_sent(snippet)
        if count > 1:
            return QCoreApplication.translate(
                "PaletteWindow", "宏：Enter 会依次发出 %1 条消息"
            ).replace("%1", str(count))
        return QCoreApplication.translate("PaletteWindow", "宏：按步骤粘贴")
    if len(snippet.variants) > 1 and variant is not None:
        return (
            QCoreApplication.translate("PaletteWindow", "说法 %1/%2 · Alt+→ 换一种")
            .replace("%1", str(variant + 1))
            .replace("%2", str(len(snippet.variants)))
        )
    return ""
