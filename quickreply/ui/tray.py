"""The tray icon and its menu: the app lives here when no window is open.

Menu: Open palette / Library / Timers / Training / Team board (a lead's) / Settings / Sync now
(once joined to a team) / Pause hotkeys / Quit. A click on the icon opens the palette. The tray
only emits signals;
app/resident.py decides what they do. It also shows how many buyers are waiting (a red badge
drawn on the icon, and the tooltip) and balloon messages: red wait alerts, a new team version,
and problems with hotkeys or paste that the agent must see.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

ICON_SIZE = 64  # drawn at this size; the platform scales it to the tray's
BADGE_RED = QColor("#d32f2f")


class Tray(QObject):
    """Tray icon with the app menu. ``timers`` False hides the Timers entry."""

    open_palette = Signal()
    open_library = Signal()
    open_timers = Signal()
    open_training = Signal()
    open_settings = Signal()
    open_board = Signal()  # 团队看板: the team's usage and response figures
    pause_toggled = Signal(bool)
    quit_requested = Signal()
    sync_team = Signal()  # 立即同步: fetch the team's new version now
    notified = Signal(str, str)  # title, message: every balloon, also when no tray can show it

    def __init__(self, icon: QIcon, *, timers: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._base_icon = icon
        self.waiting = 0
        self.menu = QMenu()
        self.action_palette = self._add(self.tr("打开快捷回复"), self.open_palette)
        self.action_library = self._add(self.tr("话术库"), self.open_library)
        self.action_timers = self._add(self.tr("等待计时"), self.open_timers)
        self.action_timers.setVisible(timers)
        self.action_training = self._add(self.tr("新人训练"), self.open_training)
        self.action_board = self._add(self.tr("团队看板"), self.open_board)
        self.action_board.setVisible(False)  # the lead's, or where the team's drop is readable
        self.action_settings = self._add(self.tr("设置…"), self.open_settings)
        self.action_sync = self._add(self.tr("立即同步"), self.sync_team)
        self.action_sync.setVisible(False)  # shown once the agent joined a team
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
            tip = self.tr("快捷回复助手（热键已暂停）")
        else:
            tip = self.tr("快捷回复助手")
        if self.waiting:
            tip += "\n" + self.tr("%n 位买家在等待", "", self.waiting)
        self.icon.setToolTip(tip)

    def set_waiting(self, count: int) -> None:
        """Show ``count`` waiting buyers: a red badge on the icon and a tooltip line."""
        count = max(0, count)
        if count == self.waiting:
            return
        self.waiting = count
        self.icon.setIcon(badged_icon(self._base_icon, count) if count else self._base_icon)
        self._update_tooltip()

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

    def notify(self, title: str, message: str, *, warning: bool = True) -> None:
        """A balloon message when a tray exists (e.g. a hotkey clash at start-up)."""
        self.notified.emit(title, message)
        if self.available and QSystemTrayIcon.supportsMessages():
            kind = (
                QSystemTrayIcon.MessageIcon.Warning
                if warning
                else QSystemTrayIcon.MessageIcon.Information
            )
            self.icon.showMessage(title, message, kind, 8000)


def badged_icon(base: QIcon, count: int) -> QIcon:
    """``base`` with a red disc in the top-right corner holding ``count`` (99+ above 99)."""
    pixmap = base.pixmap(ICON_SIZE, ICON_SIZE) if not base.isNull() else QPixmap()
    if pixmap.isNull():
        pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
        pixmap.fill(QColor("#1976d2"))  # no app icon (a bare checkout): a plain square
    size = pixmap.width()
    text = str(count) if count <= 99 else "99+"
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # Big enough to read at 16 px tray size: the badge takes over half the icon.
    diameter = size * (0.62 if len(text) == 1 else 0.72)
    rect = QRectF(size - diameter, 0, diameter, diameter)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BADGE_RED)
    painter.drawEllipse(rect)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(diameter * (0.62 if len(text) == 1 else 0.42)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)
