"""The 团队看板's small charts (bars, lines over days, stacked bars), painted with QPainter.

Why not pygal's SVG (the HTML report's charts) through QtSvg: rendered with QSvgRenderer, its
line charts come out as filled polygons (QtSvg ignores the ``.nofill`` CSS class pygal's lines
rely on), its labels are squeezed, and its white background ignores the dark theme. These
widgets take plain numbers from core/share/board.py, draw in the theme's own text and
background colours (read from the palette the style sheet sets), and repaint in a millisecond
when a filter changes; QtCharts is not in PySide6-Essentials.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

# Distinct in light and dark alike (Tableau 10); the first is the team's own line.
COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
PAD = 8


def colour(i: int) -> QColor:
    return QColor(COLOURS[i % len(COLOURS)])


def nice_max(value: float, whole: bool = False) -> float:
    """The axis top: 1, 2, 2.5 or 5 times a power of ten, at or above ``value``; with
    ``whole`` (a count of agents) one whose quarters, the grid lines, are whole numbers."""
    if value <= 0:
        return 4.0 if whole else 1.0
    if whole and value <= 40:
        return float(max(4, math.ceil(value / 4) * 4))
    power = 10.0 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def short(value: float) -> str:
    if value >= 10_000:
        return f"{value / 1000:.0f}k"
    if value == int(value):
        return f"{value:.0f}"
    return f"{value:.0f}" if value >= 100 else f"{value:.1f}"


class Chart(QWidget):
    """A titled chart area; subclasses paint their data inside :meth:`plot_rect`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 180)

    def sizeHint(self) -> QSize:
        return QSize(380, 260)

    def has_data(self) -> bool:
        return False

    def text_colour(self, faint: bool = False) -> QColor:
        text = self.palette().color(QPalette.ColorRole.WindowText)
        if faint:
            text.setAlphaF(0.55)
        return text

    def grid_colour(self) -> QColor:
        grid = self.palette().color(QPalette.ColorRole.WindowText)
        grid.setAlphaF(0.15)
        return grid

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        area = QRectF(self.rect()).adjusted(PAD, PAD, -PAD, -PAD)
        painter.setPen(self.text_colour())
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self.title)
        painter.setFont(self.font())
        area.setTop(area.top() + metrics.height() + 6)
        if not self.has_data():
            painter.setPen(self.text_colour(faint=True))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        self.paint_data(painter, area, metrics)

    def paint_data(self, painter: QPainter, area: QRectF, metrics: QFontMetrics) -> None:
        raise NotImplementedError

    def legend(
        self, painter: QPainter, area: QRectF, metrics: QFontMetrics, names: Sequence[str]
    ) -> float:
        """Draw ``names`` with their colour at the bottom of ``area``; returns its height."""
        if not names:
            return 0.0
        line = metrics.height() + 2
        x, rows = area.left(), 1
        places: list[tuple[float, int]] = []
        for name in names:
            width = 14 + metrics.horizontalAdvance(name) + 12
            if x + width > area.right() and x > area.left():
                x, rows = area.left(), rows + 1
            places.append((x, rows))
            x += width
        top = area.bottom() - rows * line
        for i, (name, (x, row)) in enumerate(zip(names, places, strict=True)):
            y = top + (row - 1) * line
            painter.fillRect(QRectF(x, y + line / 2 - 4, 10, 8), colour(i))
            painter.setPen(self.text_colour())
            painter.drawText(QPointF(x + 14, y + metrics.ascent()), name)
        return rows * line + 4

    def y_axis(
        self, painter: QPainter, plot: QRectF, metrics: QFontMetrics, top: float, unit: str
    ) -> None:
        for i in range(5):
            value = top * i / 4
            y = plot.bottom() - plot.height() * i / 4
            painter.setPen(QPen(self.grid_colour(), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self.text_colour(faint=True))
            label = short(value) + unit
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 4, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )

    def x_labels(
        self, painter: QPainter, plot: QRectF, metrics: QFontMetrics, labels: Sequence[str]
    ) -> None:
        if not labels:
            return
        slot = plot.width() / len(labels)
        every = max(1, math.ceil((metrics.horizontalAdvance("00-00") + 10) / max(slot, 1)))
        painter.setPen(self.text_colour(faint=True))
        for i in range(0, len(labels), every):
            x = plot.left() + slot * (i + 0.5)
            width = metrics.horizontalAdvance(labels[i])
            y = plot.bottom() + metrics.ascent() + 3
            painter.drawText(QPointF(x - width / 2, y), labels[i])


class BarChart(Chart):
    """Horizontal bars, largest first: uses per group."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, float]] = []

    def set_bars(self, title: str, bars: Sequence[tuple[str, float]]) -> None:
        self.title = title
        self.bars = list(bars)
        self.update()

    def has_data(self) -> bool:
        return any(v > 0 for _, v in self.bars)

    def paint_data(self, painter: QPainter, area: QRectF, metrics: QFontMetrics) -> None:
        line = metrics.height() + 6
        shown = self.bars[: max(1, int(area.height() // line))]
        label_w = min(area.width() * 0.35, max(metrics.horizontalAdvance(n) for n, _ in shown) + 8)
        value_w = max(metrics.horizontalAdvance(short(v)) for _, v in shown) + 8
        top = max(v for _, v in shown) or 1.0
        room = area.width() - label_w - value_w
        for i, (name, value) in enumerate(shown):
            y = area.top() + i * line
            painter.setPen(self.text_colour())
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(label_w - 8))
            painter.drawText(
                QRectF(area.left(), y, label_w - 8, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            width = room * value / top
            painter.fillRect(QRectF(area.left() + label_w, y + 3, width, line - 6), colour(0))
            painter.drawText(
                QRectF(area.left() + label_w + width + 4, y, value_w, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                short(value),
            )


class LineChart(Chart):
    """One line per series over the same points; the first series (the team) drawn thicker.
    ``None`` leaves a gap (a day without replies)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.series: list[tuple[str, list[float | None]]] = []
        self.unit = ""
        self.top: float | None = None  # a fixed axis top (100 for a rate)

    def set_lines(
        self,
        title: str,
        labels: Sequence[str],
        series: Sequence[tuple[str, Sequence[float | None]]],
        unit: str = "",
        top: float | None = None,
    ) -> None:
        self.title = title
        self.labels = list(labels)
        self.series = [(name, list(values)) for name, values in series]
        self.unit = unit
        self.top = top
        self.update()

    def has_data(self) -> bool:
        return any(v is not None for _, values in self.series for v in values)

    def paint_data(self, painter: QPainter, area: QRectF, metrics: QFontMetrics) -> None:
        legend_h = self.legend(painter, area, metrics, [name for name, _ in self.series])
        values = [v for _, vs in self.series for v in vs if v is not None]
        top = self.top or nice_max(max(values))
        left = metrics.horizontalAdvance(short(top) + self.unit) + 8
        plot = QRectF(
            area.left() + left,
            area.top() + metrics.height() / 2,
            area.width() - left,
            area.height() - legend_h - metrics.height() * 1.5 - 6,
        )
        if plot.height() < 20:
            return
        self.y_axis(painter, plot, metrics, top, self.unit)
        self.x_labels(painter, plot, metrics, self.labels)
        slot = plot.width() / max(1, len(self.labels))
        for i, (_name, points) in reversed(list(enumerate(self.series))):
            painter.setPen(QPen(colour(i), 3.0 if i == 0 else 1.5))
            previous: QPointF | None = None
            for j, value in enumerate(points):
                if value is None:
                    previous = None
                    continue
                point = QPointF(
                    plot.left() + slot * (j + 0.5),
                    plot.bottom() - plot.height() * min(value, top) / top,
                )
                if previous is not None:
                    painter.drawLine(previous, point)
                elif j + 1 >= len(points) or points[j + 1] is None:
                    painter.drawEllipse(point, 1.5, 1.5)  # a lone day still shows
                previous = point


class StackedBarChart(Chart):
    """A bar per point, stacked by series: agents on each team version per day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.stacks: list[tuple[str, list[int]]] = []

    def set_stacks(
        self, title: str, labels: Sequence[str], stacks: Sequence[tuple[str, Sequence[int]]]
    ) -> None:
        self.title = title
        self.labels = list(labels)
        self.stacks = [(name, list(counts)) for name, counts in stacks]
        self.update()

    def has_data(self) -> bool:
        return any(c for _, counts in self.stacks for c in counts)

    def paint_data(self, painter: QPainter, area: QRectF, metrics: QFontMetrics) -> None:
        legend_h = self.legend(painter, area, metrics, [name for name, _ in self.stacks])
        totals = [sum(column) for column in zip(*(c for _, c in self.stacks), strict=True)]
        top = nice_max(max(totals), whole=True)
        left = metrics.horizontalAdvance(short(top)) + 8
        plot = QRectF(
            area.left() + left,
            area.top() + metrics.height() / 2,
            area.width() - left,
            area.height() - legend_h - metrics.height() * 1.5 - 6,
        )
        if plot.height() < 20:
            return
        self.y_axis(painter, plot, metrics, top, "")
        self.x_labels(painter, plot, metrics, self.labels)
        slot = plot.width() / max(1, len(self.labels))
        gap = min(2.0, slot * 0.2)
        for j in range(len(self.labels)):
            y = plot.bottom()
            for i, (_name, counts) in enumerate(self.stacks):
                h = plot.height() * counts[j] / top
                if h > 0:
                    x = plot.left() + slot * j + gap / 2
                    painter.fillRect(QRectF(x, y - h, slot - gap, h), colour(i))
                y -= h
