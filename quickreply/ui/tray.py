"""The tray icon and its menu: the app lives here when no window is open.

Menu: Open palette / Library / Timers / Settings / Pause hotkeys / Quit. A click on the icon
opens the palette. The tray only emits signals; app.py decides what they do.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget


class Tray(QObject):
    """Tray icon with the app menu. ``timers`` False hides the Timers entry."""

    open_palette = Signal()
    open_library = Signal()
    open_timers = Signal()
    open_settings = Signal()
    pause_toggled = Signal(bool)
    quit_requested = Signal()

    def __init__(self, icon: QIcon, *, timers: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.action_palette = self._add(self.tr("打开快捷回复"), self.open_palette)
        self.action_library = self._add(self.tr("话术库"), self.open_library)
        self.action_timers = self._add(self.tr("等待计时"), self.open_timers)
        self.action_timers.setVisible(timers)
        self.action_settings = self._add(self.tr("设置…"), self.open_settings)
        self.menu.addSeparator()
        self.action_pause = QAction(self.tr("暂停热键"), self.menu)
        self.action_pause.setCheckable(True)
        self.action_pause.toggled.connect(self._on_pause)
        self.menu.addAction(self.action_pause)
        self.menu.addSeparator()
        self.action_quit = self._add(self.tr("退出"), self.quit_requested)

        self.icon = QSystemTrayIcon(icon)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self._update_tooltip()

    def _add(self, text: str, signal: SignalInstance) -> QAction:
        action = QAction(text, self.menu)
        action.triggered.connect(lambda _checked=False: signal.emit())
        self.menu.addAction(action)
        return action

    def _on_pause(self, paused: bool) -> None:
        self._update_tooltip()
        self.pause_toggled.emit(paused)

    def _update_tooltip(self) -> None:
        if self.action_pause.isChecked():
            self.icon.setToolTip(self.tr("快捷回复助手（热键已暂停）"))
        else:
            self.icon.setToolTip(self.tr("快捷回复助手"))

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_palette.emit()

    @property
    def available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def notify(self, title: str, message: str, parent: QWidget | None = None) -> None:
        """A balloon message when a tray exists (e.g. a hotkey clash at start-up)."""
        if self.available and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, message, QSystemTrayIcon.MessageIcon.Warning, 8000)
