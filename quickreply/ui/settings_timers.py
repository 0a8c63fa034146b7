"""The 等待计时 part of the settings dialog: queue targets, clocks that start themselves, sound.

Edits the ``timers`` section of settings.json through
:class:`quickreply.core.timers.TimerConfig` (so the same checks apply as when the file is
read) and keeps what it does not show (title patterns written by hand) as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.timers import QueueRule, TimerConfig

MAX_SECONDS = 24 * 3600.0


class TimerSettingsBox(QGroupBox):
    """One row per queue (its amber target and red line in seconds), the auto-start switch and
    the red-alert sound."""

    def __init__(
        self, timers: Mapping[str, Any], sound: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("等待计时"))
        self.setObjectName("timerSettings")
        self._raw = dict(timers)
        config, _problems = TimerConfig.from_mapping(timers)  # shown at start-up already
        self._config = config
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("队列")), 0, 0)
        grid.addWidget(QLabel(self.tr("偏慢（秒）")), 0, 1)
        grid.addWidget(QLabel(self.tr("超时（秒）")), 0, 2)
        self.rows: list[tuple[str, QDoubleSpinBox, QDoubleSpinBox]] = []
        for i, rule in enumerate(config.queues, start=1):
            target = self._seconds(rule.target)
            red = self._seconds(rule.red_after)
            target.setToolTip(self.tr("等待超过这个时间，这一行变为琥珀色（偏慢）"))
            red.setToolTip(self.tr("等待超过这个时间，这一行变红（超时）并提醒"))
            # The red line is never below the target: the boxes keep each other in order.
            target.valueChanged.connect(lambda v, red=red: red.setMinimum(v))
            red.setMinimum(target.value())
            grid.addWidget(QLabel(rule.name), i, 0)
            grid.addWidget(target, i, 1)
            grid.addWidget(red, i, 2)
            self.rows.append((rule.name, target, red))
        layout.addLayout(grid)
        self._grid = grid
        self.auto_start = QCheckBox(self.tr("聊天窗口提醒新消息（闪烁）时自动开始计时"))
        self.auto_start.setChecked(config.auto_start)
        layout.addWidget(self.auto_start)
        self.sound = QCheckBox(self.tr("买家等待超时时响一声"))
        self.sound.setChecked(sound)
        layout.addWidget(self.sound)

    def align_first_column(self, width: int) -> None:
        """Start the spin boxes where the settings dialog's other sections start their fields."""
        self._grid.setColumnMinimumWidth(0, width)
        # The spare width goes to the spin boxes, not to the queue names' column.
        self._grid.setColumnStretch(1, 1)
        self._grid.setColumnStretch(2, 1)

    def _seconds(self, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(0.0, MAX_SECONDS)
        box.setDecimals(0)
        box.setSingleStep(1.0)
        box.setSuffix(self.tr(" 秒"))
        box.setValue(value)
        return box

    def result(self) -> dict[str, Any]:
        """The ``timers`` section to save: the edited queues and switch, the rest unchanged."""
        queues = tuple(
            QueueRule(name, target.value(), max(red.value(), target.value()))
            for name, target, red in self.rows
        )
        config = TimerConfig(
            queues=queues or self._config.queues,
            title_patterns=self._config.title_patterns,
            auto_start=self.auto_start.isChecked(),
        )
        if config == self._config:
            return dict(self._raw)  # untouched: the file keeps what it had, defaults unwritten
        merged = dict(self._raw)
        merged.update(config.to_mapping())
        return merged
