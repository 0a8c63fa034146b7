"""Choosing when a parked conversation comes back: fixed delays, the shop's rules, a clock time.

:class:`ParkMenu` offers 5 分钟 … 2 小时, then what the shop profile suggests
(:func:`quickreply.core.reminders.rule_reminders`: before today's cut-off, before a promotion
ends), then 指定时间… (:class:`ParkTimeDialog`). It is rebuilt each time it opens, so the
suggestions follow the clock, and it emits the chosen time as :attr:`ParkMenu.chosen`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QTime, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.reminders import ReminderKind, RuleReminder

PARK_PRESETS_MIN = (5, 15, 30, 60, 120)
Reminders = Callable[[datetime], Sequence[RuleReminder]]


class ParkTimeDialog(QDialog):
    """Pick a clock time to come back to a conversation (tomorrow if already past today)."""

    def __init__(self, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("稍后提醒"))
        self._now = now
        self.time_edit = QTimeEdit(self)
        self.time_edit.setDisplayFormat("HH:mm")
        later = now + timedelta(hours=1)
        self.time_edit.setTime(QTime(later.hour, later.minute))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("提醒时间："), self))
        layout.addWidget(self.time_edit)
        layout.addWidget(buttons)

    def chosen(self) -> datetime:
        t = self.time_edit.time()
        when = self._now.replace(hour=t.hour(), minute=t.minute(), second=0, microsecond=0)
        return when if when > self._now else when + timedelta(days=1)


class ParkMenu(QMenu):
    """The 稍后提醒 menu; ``chosen(object)`` carries a ``timedelta`` or a ``datetime``."""

    chosen = Signal(object)

    def __init__(
        self,
        now: Callable[[], datetime],
        reminders: Reminders | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("稍后提醒"))
        self._now = now
        self._reminders = reminders
        self.dialog: ParkTimeDialog | None = None
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def set_reminders(self, reminders: Reminders | None) -> None:
        self._reminders = reminders
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        for minutes in PARK_PRESETS_MIN:
            text = (
                self.tr("{n} 分钟后").format(n=minutes)
                if minutes < 60
                else self.tr("{n} 小时后").format(n=minutes // 60)
            )
            self._add(text, timedelta(minutes=minutes))
        now = self._now()
        rules = list(self._reminders(now)) if self._reminders is not None else []
        if rules:
            self.addSeparator()
        for rule in rules:
            self._add(self._rule_text(rule, now), rule.at)
        self.addSeparator()
        custom = self.addAction(self.tr("指定时间…"))
        custom.triggered.connect(self._ask_time)

    def _add(self, text: str, until: timedelta | datetime) -> QAction:
        action = self.addAction(text)
        action.triggered.connect(lambda _checked=False, until=until: self.chosen.emit(until))
        return action

    def _rule_text(self, rule: RuleReminder, now: datetime) -> str:
        at = f"{rule.at:%H:%M}"
        if rule.at.date() != now.date():
            at = self.tr("{month}月{day}日 {time}").format(
                month=rule.at.month, day=rule.at.day, time=at
            )
        if rule.kind is ReminderKind.CUTOFF:
            return self.tr("截单前（{time}）").format(time=at)
        return self.tr("「{name}」结束前（{time}）").format(name=rule.name, time=at)

    def _ask_time(self) -> None:
        dialog = ParkTimeDialog(self._now(), self.parentWidget())
        dialog.accepted.connect(lambda: self.chosen.emit(dialog.chosen()))
        dialog.open()
        self.dialog = dialog
