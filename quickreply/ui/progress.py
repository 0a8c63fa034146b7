"""The progress tab: per scenario, accuracy and median time of the recent drills, as a chart.

Each scenario is a row: a bar for the share answered right (green once the scenario is ready
for live chats: at least 90% right with a median of 5 seconds or less), the numbers beside it,
and the code practice and exam results below. It reads the progress store each time it is shown.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from quickreply.core.training.drill import READY_ACCURACY, READY_MEDIAN_SECONDS
from quickreply.core.training.progress import RECENT, GroupProgress, ProgressStore
from quickreply.ui.themes import is_dark
from quickreply.ui.tones import tones_for

ROW = 34
LABEL_WIDTH = 110
BAR_WIDTH = 260
# (ready, not yet) per theme: each at least 3:1 against the theme's empty track (tones.track),
# measured in tests/ui/test_theme_contrast.py; the dark one's green was 1.9:1.
BARS = {False: (QColor("#1b7f3b"), QColor("#b35000")), True: (QColor("#3fb950"), QColor("#f0883e"))}


class ProgressChart(QWidget):
    """Horizontal bars, one per scenario."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[GroupProgress] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[GroupProgress]) -> None:
        self.rows = rows
        self.setMinimumHeight(max(1, len(rows)) * ROW + 8)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().color(self.foregroundRole())
        tones = tones_for(self)
        ready_colour, going_colour = BARS[is_dark(self)]
        for index, row in enumerate(self.rows):
            top = 4 + index * ROW
            painter.setPen(text_color)
            painter.drawText(
                QRectF(0, top, LABEL_WIDTH - 8, ROW - 8),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                row.group or self.tr("（未分组）"),
            )
            track = QRectF(LABEL_WIDTH, top + 6, BAR_WIDTH, ROW - 20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(tones.track))
            painter.drawRoundedRect(track, 4, 4)
            painter.setBrush(ready_colour if row.ready else going_colour)
            painter.drawRoundedRect(
                QRectF(track.x(), track.y(), BAR_WIDTH * row.accuracy, track.height()), 4, 4
            )
            # The ready line: where the bar must reach.
            painter.setPen(text_color)
            x = LABEL_WIDTH + BAR_WIDTH * READY_ACCURACY
            painter.drawLine(int(x), int(top + 2), int(x), int(top + ROW - 10))
            words = (
                self.tr("%1% 正确 · 中位 %2 秒 · %3 题")
                .replace("%1", f"{row.accuracy * 100:.0f}")
                .replace("%2", f"{row.median_seconds:.1f}")
                .replace("%3", str(row.attempts))
            )
            words += "　" + (self.tr("✔ 可以上岗") if row.ready else self.tr("继续练"))
            painter.setPen(QColor(tones.good) if row.ready else text_color)
            painter.drawText(
                QRectF(LABEL_WIDTH + BAR_WIDTH + 10, top, 420, ROW - 8),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                words,
            )
        painter.end()


class ProgressPanel(QWidget):
    def __init__(self, store: ProgressStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.intro = QLabel(
            self.tr(
                "每个场景最近 %1 次练习。正确率 ≥ %2% 且中位用时 ≤ %3 秒（至少练 5 题）就可以上岗。"
            )
            .replace("%1", str(RECENT))
            .replace("%2", f"{READY_ACCURACY * 100:.0f}")
            .replace("%3", f"{READY_MEDIAN_SECONDS:g}")
        )
        self.intro.setWordWrap(True)
        self.chart = ProgressChart()
        self.empty = QLabel(self.tr("还没有练习记录：先在“计时练习”里练一轮。"))
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.chart)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        rows = self._store.progress()
        self.chart.set_rows(rows)
        self.empty.setVisible(not rows)
        codes = self._store.progress("code")
        attempts = sum(r.attempts for r in codes)
        lines = []
        if attempts:
            right = sum(r.accuracy * r.attempts for r in codes) / attempts
            lines.append(
                self.tr("编码练习：最近 %1 次，%2% 打对")
                .replace("%1", str(attempts))
                .replace("%2", f"{right * 100:.0f}")
            )
        ready = [r.group for r in rows if r.ready]
        if ready:
            lines.append(self.tr("可以上岗的场景：") + "、".join(ready))
        self.details.setText("<br>".join(escape(line) for line in lines))
