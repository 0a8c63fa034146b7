"""The 团队看板 window: the team report's tables and charts, filtered by dates, group or agent.

Every figure comes from a :class:`BoardSource` (the app's, app/teamboard.py), which reads the
drop and builds :class:`~quickreply.core.share.board.BoardFigures`; the window calls it on a
worker thread of the global QThreadPool and gets the result back through a queued signal, so
reading 18,000 files never freezes the app. While it works the window says 正在读取… (or
正在计算… for a filter change); a newer request makes an older answer stale, and it is dropped.
A double-click or Enter on a reply row opens that reply in the library; replies show as their
code and title (the id in the tooltip), and the trainees' exam results have a tab of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Protocol

from PySide6.QtCore import QDate, QModelIndex, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.model import Snippet
from quickreply.core.share.board import (
    METRICS,
    NO_TEAM,
    NOT_IN_LIBRARY,
    TEAM,
    BoardFigures,
    BoardQuery,
)
from quickreply.ui.teamboard_charts import BarChart, LineChart, StackedBarChart
from quickreply.ui.teamboard_tables import BoardTable, Kind, RowsModel

DETAIL_LINES = 4  # skipped files named under the message; the rest counted
FILTER_DELAY_MS = 250  # a burst of filter changes (typing a date) computes once


class BoardSource(Protocol):
    def cached(self) -> BoardFigures | None:
        """The figures last built, at once (None before the first load)."""

    def load(self, query: BoardQuery | None, reread: bool) -> BoardFigures:
        """Build the figures for ``query`` (None: the default range); ``reread`` reads the
        drop again. Slow: called on a worker thread."""


class _Answer(QObject):
    """Carries a worker's result to the GUI thread (it lives there: the signal is queued)."""

    done = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], BoardFigures], ticket: int, answer: _Answer) -> None:
        super().__init__()
        self.work, self.ticket, self.answer = work, ticket, answer

    def run(self) -> None:
        try:
            result: object = self.work()
        except Exception as err:  # shown in the window as a problem, never a dead worker
            result = err
        self.answer.done.emit(self.ticket, result)


class TeamBoard(QWidget):
    """``lookup`` gives a reply's title and group; ``open_reply`` shows one in the library and
    returns False when the library no longer has it. ``loaded`` fires when figures show."""

    loaded = Signal()

    def __init__(
        self,
        source: BoardSource,
        lookup: Callable[[str], Snippet | None] = lambda _sid: None,
        open_reply: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.lookup = lookup
        self.open_reply = open_reply
        self.figures: BoardFigures | None = None
        self.busy = False
        self._ticket = 0
        self._answer = _Answer()
        self._answer.done.connect(self._answered)
        self.setWindowTitle(self.tr("团队看板 - 快捷回复助手"))
        self.resize(1200, 780)
        self._build_filters()
        self._build_charts()
        self._build_tables()
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.details_label)
        layout.addLayout(self.chart_row, 5)
        layout.addWidget(self.tabs, 6)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(lambda: self.request(reread=False))
        self.replies.setFocus()  # Enter on a reply opens it; the filters are a click away
        cached = source.cached()
        if cached is not None:
            self.show_figures(cached)  # opening again: what was read, at once
        else:
            self.request(reread=False)

    # -- building -----------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.start_edit, self.end_edit = QDateEdit(), QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._filters_changed)
        self.group_combo, self.agent_combo = QComboBox(), QComboBox()
        for combo in (self.group_combo, self.agent_combo):
            combo.setMinimumContentsLength(10)
            combo.currentIndexChanged.connect(self._filters_changed)
        self.reload_button = QPushButton(self.tr("重新读取"))
        self.reload_button.clicked.connect(lambda: self.request(reread=True))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("从")))
        bar.addWidget(self.start_edit)
        bar.addWidget(QLabel(self.tr("到")))
        bar.addWidget(self.end_edit)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("分组")))
        bar.addWidget(self.group_combo)
        bar.addWidget(QLabel(self.tr("客服")))
        bar.addWidget(self.agent_combo)
        bar.addStretch(1)
        bar.addWidget(self.reload_button)
        self.filter_bar = bar
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.details_label = QLabel()
        self.details_label.setObjectName("hint")
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(
            self.details_label.textInteractionFlags().TextSelectableByMouse
        )
        self.details_label.hide()

    def _build_charts(self) -> None:
        empty = self.tr("这段时间没有数据")
        self.group_chart = BarChart()
        self.response_chart = LineChart()
        self.adoption_chart = StackedBarChart()
        for chart in (self.group_chart, self.response_chart, self.adoption_chart):
            chart.empty_text = empty
        self.metric_combo = QComboBox()
        for text, key in (
            (self.tr("平均响应"), "average"),
            (self.tr("首次响应平均"), "first"),
            (self.tr("3分钟人工响应率"), "within_3min"),
            (self.tr("30秒应答率"), "within_30s"),
        ):
            self.metric_combo.addItem(text, key)
        self.metric_combo.currentIndexChanged.connect(lambda _i: self._show_response())
        self.lines_note = QLabel()
        self.lines_note.setObjectName("hint")
        middle = QVBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(self.metric_combo)
        middle.addWidget(self.response_chart, 1)
        middle.addWidget(self.lines_note)
        self.chart_row = QHBoxLayout()
        self.chart_row.addWidget(self.group_chart, 1)
        self.chart_row.addLayout(middle, 1)
        self.chart_row.addWidget(self.adoption_chart, 1)

    def _build_tables(self) -> None:
        text, count, sec, share, day = Kind.TEXT, Kind.COUNT, Kind.SECONDS, Kind.SHARE, Kind.DAY
        # A reply shows as the agents know it, its code and title; the id is the tooltip.
        code, title, group = self.tr("编码"), self.tr("标题"), self.tr("分组")
        self.replies = BoardTable(
            RowsModel(
                [
                    (code, text),
                    (title, text),
                    (group, text),
                    (self.tr("使用次数"), count),
                    (self.tr("使用人数"), count),
                    (self.tr("最后使用"), day),
                ]
            ),
            stretch=1,
        )
        self.unused = BoardTable(RowsModel([(code, text), (title, text), (group, text)]), stretch=1)
        for table in (self.replies, self.unused):
            table.rows.key_tip = self.tr("话术 id：%1")
        self.days = BoardTable(
            RowsModel(
                [
                    (self.tr("工号"), text),
                    (self.tr("日期"), day),
                    (self.tr("回复数"), count),
                    (self.tr("首响平均(秒)"), sec),
                    (self.tr("平均响应(秒)"), sec),
                    (self.tr("3分钟人工响应率"), share),
                    (self.tr("30秒应答率"), share),
                ]
            ),
            stretch=0,
        )
        self.versions = BoardTable(
            RowsModel(
                [
                    (self.tr("工号"), text),
                    (self.tr("最后一天"), day),
                    (self.tr("软件版本"), text),
                    (self.tr("团队话术版本"), text),
                ]
            ),
            stretch=2,
        )
        self.exams = BoardTable(
            RowsModel(
                [
                    (self.tr("工号"), text),
                    (self.tr("考试"), text),
                    (self.tr("考试版本"), count),
                    (self.tr("得分(%)"), count),
                    (self.tr("及格线(%)"), count),
                    (self.tr("结果"), text),
                    (self.tr("日期"), day),
                ]
            ),
            stretch=1,
        )
        for table in (self.replies, self.unused):
            table.activated.connect(lambda index, t=table: self._open(t.key_at(index)))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.replies, self.tr("话术使用"))
        self.tabs.addTab(self.unused, self.tr("30天无人使用"))
        self.tabs.addTab(self.days, self.tr("客服每日响应"))
        self.tabs.addTab(self.versions, self.tr("版本"))
        self.tabs.addTab(self.exams, self.tr("考试成绩"))

    # -- loading ------------------------------------------------------------------------------

    def query(self) -> BoardQuery:
        start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        return BoardQuery(
            min(start, end),
            max(start, end),
            str(self.agent_combo.currentData() or ""),
            str(self.group_combo.currentData() or ""),
        )

    def _filters_changed(self) -> None:
        if self.figures is not None:
            self._filter_timer.start()

    def request(self, reread: bool) -> None:
        """Load on a worker thread: the drop again (``reread``) or the filters over what was
        read."""
        self._filter_timer.stop()
        self._ticket += 1
        query = self.query() if self.figures is not None else None
        source = self.source
        self.busy = True
        self.reload_button.setEnabled(False)
        first = self.figures is None or reread
        self.status_label.setText(self.tr("正在读取…") if first else self.tr("正在计算…"))
        QThreadPool.globalInstance().start(
            _Job(lambda: source.load(query, reread), self._ticket, self._answer)
        )

    def _answered(self, ticket: int, result: object) -> None:
        if ticket != self._ticket:
            return  # a newer request is on its way
        self.busy = False
        self.reload_button.setEnabled(True)
        if isinstance(result, BoardFigures):
            self.show_figures(result)
        else:
            self.status_label.setText(self.tr("看板出错，未能读取团队日报。"))
            self._details([str(result)])
            self.loaded.emit()

    # -- showing ------------------------------------------------------------------------------

    def show_figures(self, figures: BoardFigures) -> None:
        self.figures = figures
        self._set_filters(figures)
        report = figures.report
        if figures.problem:
            self.status_label.setText(self._problem_text(figures.problem_kind))
            self._details([figures.problem])
        else:
            summary = (
                self.tr("%1 位客服，%2 份日报（%3 至 %4）")
                .replace("%1", str(len(report.versions)))
                .replace("%2", str(report.files))
                .replace("%3", report.start.isoformat())
                .replace("%4", report.end.isoformat())
            )
            if figures.read_at is not None:
                summary += " · " + self.tr("读取于 %1").replace(
                    "%1", figures.read_at.strftime("%H:%M")
                )
            if report.skipped:
                summary += " " + self.tr("%1 个文件无法读取，已跳过；其余照常统计。").replace(
                    "%1", str(len(report.skipped))
                )
            self.status_label.setText(summary)
            self._details(report.skipped)
        self._fill_tables(figures)
        self._show_charts(figures)
        self.loaded.emit()

    def _problem_text(self, kind: str) -> str:
        if kind == "no-drop":
            return self.tr("还没有团队日报的投递位置：请在 设置 → 团队日报 中填写。")
        if kind == "server":
            return self.tr("无法读取团队日报的投递位置（服务器是否可用、地址是否正确？）。")
        return self.tr("无法读取团队日报的投递位置（共享盘是否已连接？）。")

    def _details(self, lines: list[str]) -> None:
        shown = lines[:DETAIL_LINES]
        if len(lines) > DETAIL_LINES:
            shown.append(self.tr("……另有 %1 个").replace("%1", str(len(lines) - DETAIL_LINES)))
        self.details_label.setText("\n".join(shown))
        self.details_label.setVisible(bool(lines))

    def _set_filters(self, figures: BoardFigures) -> None:
        query = figures.query
        widgets = (self.start_edit, self.end_edit, self.group_combo, self.agent_combo)
        for widget in widgets:
            widget.blockSignals(True)
        for edit, day in ((self.start_edit, query.start), (self.end_edit, query.end)):
            edit.setDate(QDate(day.year, day.month, day.day))
        self._fill_combo(self.group_combo, self.tr("全部分组"), figures.groups, query.group)
        self._fill_combo(self.agent_combo, self.tr("全部客服"), figures.agents, query.agent)
        for widget in widgets:
            widget.blockSignals(False)

    @staticmethod
    def _fill_combo(combo: QComboBox, everything: str, values: list[str], chosen: str) -> None:
        combo.clear()
        combo.addItem(everything, "")
        for value in values:
            combo.addItem(value, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def _reply_cells(self, sid: str) -> tuple[str, str, str]:
        """Code, title and group; a reply the library no longer has can only show its id."""
        snippet = self.lookup(sid)
        if snippet is None:
            return "", sid + self.tr("（不在话术库中）"), ""
        return snippet.code, snippet.title, snippet.group

    def _fill_tables(self, figures: BoardFigures) -> None:
        report = figures.report
        rows = []
        for r in figures.replies:
            rows.append((*self._reply_cells(r.snippet_id), r.uses, r.agents, r.last_used))
        self.replies.rows.set_rows(rows, [r.snippet_id for r in figures.replies])
        self.unused.rows.set_rows(
            [self._reply_cells(sid) for sid in figures.unused], figures.unused
        )
        self.days.rows.set_rows(
            [
                (
                    d.agent,
                    d.day,
                    d.replies,
                    d.first_response_avg,
                    d.response_avg,
                    d.within_3min,
                    d.within_30s,
                )
                for d in report.agent_days
            ]
        )
        self.versions.rows.set_rows(
            [
                (v.agent, v.last_day, v.app_version, self._version(v.team_version or NO_TEAM))
                for v in report.versions
            ]
        )
        passed, failed = self.tr("通过"), self.tr("未通过")
        self.exams.rows.set_rows(
            [
                (
                    r.agent,
                    r.exam_id,
                    r.exam_version,
                    r.percent,
                    r.pass_mark,
                    passed if r.passed else failed,
                    r.taken.astimezone().date(),
                )
                for r in figures.exams
            ]
        )
        for table in (self.replies, self.unused, self.days, self.versions, self.exams):
            table.fit_columns()

    def _version(self, version: str) -> str:
        return self.tr("未加入团队") if version == NO_TEAM else f"v{version}"

    def _group_name(self, group: str) -> str:
        if group == NOT_IN_LIBRARY:
            return self.tr("（不在话术库中）")
        return group or self.tr("（未分组）")

    def _show_charts(self, figures: BoardFigures) -> None:
        self.group_chart.set_bars(
            self.tr("各分组使用次数"),
            [(self._group_name(g), n) for g, n in figures.group_uses],
        )
        self.adoption_chart.set_stacks(
            self.tr("团队话术版本（每天的客服数）"),
            [d.strftime("%m-%d") for d in figures.adoption_days],
            [(self._version(v), counts) for v, counts in figures.adoption.items()],
        )
        self._show_response()

    def _show_response(self) -> None:
        figures = self.figures
        if figures is None:
            return
        key = str(self.metric_combo.currentData())
        percent = METRICS[key][1]
        unit = self.tr("（%）") if percent else self.tr("（秒）")
        title = self.metric_combo.currentText() + unit
        if figures.step == 7:
            title += self.tr("（按周）")
        scale = 100.0 if percent else 1.0
        series = [
            (
                self.tr("全队") if name == TEAM else name,
                [None if v is None else v * scale for v in values],
            )
            for name, values in figures.response.get(key, {}).items()
        ]
        self.response_chart.set_lines(
            title,
            [d.strftime("%m-%d") for d in figures.points],
            series,
            unit="%" if percent else "",
            top=100.0 if percent else None,
        )
        left_out = figures.lines_left_out
        self.lines_note.setText(
            self.tr("另有 %1 位客服未画出（在“客服”中选择查看）").replace("%1", str(left_out))
            if left_out
            else ""
        )

    # -- opening a reply ----------------------------------------------------------------------

    def _open(self, sid: str | None) -> None:
        if sid is None or self.open_reply is None:
            return
        if not self.open_reply(sid):
            self.status_label.setText(
                self.tr("话术库中已没有 %1（它可能已被删除或改名）。").replace("%1", sid)
            )

    def titles(self) -> Mapping[str, str]:
        """Titles of the replies listed (for tests and copying)."""
        return {sid: self._reply_cells(sid)[1] for sid in self.replies.rows.keys}

    def current_reply(self) -> str | None:
        return self.replies.current_key()

    def select_reply_row(self, sid: str) -> QModelIndex:
        """Select the row of ``sid`` in the reply table (an invalid index if not listed)."""
        proxy = self.replies.proxy
        for row in range(proxy.rowCount()):
            index = proxy.index(row, 0)
            if self.replies.key_at(index) == sid:
                self.replies.setCurrentIndex(index)
                return index
        return QModelIndex()
