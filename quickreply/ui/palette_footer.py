"""The palette's footer: the keys that work now, under the last problem or a standing notice.

The last line always says what the keys do, or why paste is off and what Enter does instead.
Above it come, when there are any: the problem of the moment (a wrong field value, a pin that
could not be saved), a standing notice (a hotkey another program holds, a drill's own keys) and
how much of the library is still loading. A problem or a notice turns the label red
(``error`` property, styled by the theme).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class PaletteFooter(QLabel):
    """One wrapped label; :meth:`show_message` redraws it from what it was last told."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paletteFooter")
        self.setWordWrap(True)
        self.paste_on = False
        self.paste_off_reason = ""
        self.pins_on = False
        self._notice = ""
        self._loading = ""
        self._keys = ""  # a host's own keys line (the drill's), in place of the palette's

    def set_notice(self, notice: str) -> None:
        """A standing line (e.g. a hotkey another program holds); "" clears."""
        self._notice = notice
        self.show_message("")

    def set_loading(self, loaded: int, total: int) -> None:
        """Say that ``loaded`` of ``total`` parts of the library are in and search covers only
        those; total 0: everything is loaded."""
        self._loading = (
            self.tr("正在载入… %1/%2（搜索已载入的部分）")
            .replace("%1", str(loaded))
            .replace("%2", str(total))
            if total
            else ""
        )
        self.show_message("")

    def set_keys(self, keys: str) -> None:
        """Say ``keys`` instead of the palette's keys line (a drill's Enter and Esc do other
        things); "" goes back to the palette's."""
        self._keys = keys
        self.show_message("")

    def keys(self) -> str:
        """What Enter and the other keys do now."""
        if self._keys:
            return self._keys
        if self.paste_on:
            keys = self.tr("Enter 粘贴 · Ctrl+Enter 粘贴并发送 · Ctrl+C 仅复制 · Esc 关闭")
            return keys + self.tr(" · Ctrl+D 常用") if self.pins_on else keys
        return self.tr("粘贴不可用：%1。Enter 或 Ctrl+C 复制到剪贴板，再手动粘贴。").replace(
            "%1", self.paste_off_reason or self.tr("没有可用的粘贴后端")
        )

    def show_message(self, message: str) -> None:
        """Show ``message`` (the problem of the moment, "" for none) over the standing lines."""
        lines = [line for line in (message, self._notice, self._loading, self.keys()) if line]
        self.setText("\n".join(lines))
        self.setProperty("error", bool(message or self._notice))
        self.style().unpolish(self)
        self.style().polish(self)
