"""The wait-timer panel: who is waiting, for how long, amber then red; today's KPIs underneath.

Built by the composition root with the pure model and the KPI store::

    model = TimerModel(time.monotonic, clock, timer_config)
    panel = TimersPanel(model, KpiStore(paths.kpi_file, clock), sound=settings.timer_sound)
    panel.buyer_waiting(title=title, suggestion=copied_text)  # "buyer is waiting"
    panel.replied(title=title)        # after a paste: the matched, selected or only conversation
    panel.waitingCountChanged.connect(tray.set_waiting)
    panel.redAlert.connect(tray.notify)

One shared QTimer drives every row. Each tick repaints only the wait column (and the rows whose
level changed); the timer stops when nothing is waiting or parked, so an idle panel costs
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QStringListModel,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.kpi import DayFigures, KpiStore
from quickreply.core.timers import (
    Conversation,
    Level,
    Reply,
    State,
    TimerModel,
    buyer_from_title,
    clean_label,
    format_wait,
    name_conversation,
)

TICK_MS = 1000
COL_STATUS, COL_LABEL, COL_QUEUE, COL_WAIT = range(4)

# Colour is never the only signal: every level also has its own glyph and word.
_FG = {Level.OK: QColor("#1b5e20"), Level.AMBER: QColor("#8a5a00"), Level.RED: QColor("#b71c1c")}
_BG = {Level.OK: QColor(0, 0, 0, 0), Level.AMBER: QColor("#fff3cd"), Level.RED: QColor("#fde2e1")}
_FLASH_BG = QColor("#f28b82")
_PARKED_FG = QColor("#607d8b")

PARK_PRESETS_MIN = (5, 15, 30, 60, 120)


class TimersTableModel(QAbstractTableModel):
    """Rows: waiting conversations (longest wait first), then parked ones (soonest first)."""

    def __init__(self, model: TimerModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.rows: list[Conversation] = []
        self._row_by_key: dict[str, int] = {}
        self._waiting_rows = 0
        self.flashing: set[str] = set()
        self.flash_on = False
        self._now = model.now()

    def rebuild(self) -> None:
        self.beginResetModel()
        waiting = self._model.waiting()
        self.rows = waiting + self._model.parked()
        # Waiting rows come first; the row index by key makes a tick O(changed rows).
        self._waiting_rows = len(waiting)
        self._row_by_key = {conv.key: i for i, conv in enumerate(self.rows)}
        self._now = self._model.now()
        live = {c.key for c in self.rows if c.state is State.WAITING}
        self.flashing &= live
        self.endResetModel()

    def row_of(self, key: str) -> int:
        return self._row_by_key.get(key, -1)

    def waiting_rows(self) -> int:
        return self._waiting_rows

    def advance(self, changed: list[Conversation]) -> set[int]:
        """A tick: the wait column moves on; returns the rows to repaint whole.

        The panel repaints the visible wait column and those rows directly on the view: a
        dataChanged per row would make Qt look up and repaint far more than a tick changes.
        """
        self._now = self._model.now()
        rows = {self.row_of(c.key) for c in changed}
        rows.discard(-1)
        return rows

    def toggle_flash(self) -> set[int]:
        """Blink the status cell of unhandled red rows; returns their rows."""
        if not self.flashing:
            return set()
        self.flash_on = not self.flash_on
        rows = {self.row_of(key) for key in self.flashing}
        rows.discard(-1)
        return rows

    # -- Qt model API ---------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("状态"), self.tr("买家"), self.tr("队列"), self.tr("等待"))[section]

    def level(self, conv: Conversation) -> Level:
        # From the wait as of the last tick, so a row is right from its first paint (a model
        # handed over with old waits) without waiting for a tick to update conv.level.
        return self._model.level_for(conv.queue, max(0.0, self._now - conv.waiting_since))

    def _status_text(self, conv: Conversation) -> str:
        if conv.state is State.PARKED:
            return self.tr("◷ 稍后")
        if conv.reminder:
            return self.tr("◷ 提醒")
        return {
            Level.OK: self.tr("● 正常"),
            Level.AMBER: self.tr("▲ 偏慢"),
            Level.RED: self.tr("■ 超时"),
        }[self.level(conv)]

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        conv = self.rows[index.row()]
        col = index.column()
        parked = conv.state is State.PARKED
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_STATUS:
                return self._status_text(conv)
            if col == COL_LABEL:
                return conv.label
            if col == COL_QUEUE:
                return conv.queue
            if parked and conv.parked_until_wall is not None:
                return conv.parked_until_wall.strftime("%H:%M")
            return format_wait(max(0.0, self._now - conv.waiting_since))
        if role == Qt.ItemDataRole.ToolTipRole:
            if parked and conv.parked_until_wall is not None:
                return self.tr("{label}：{time} 提醒").format(
                    label=conv.label, time=conv.parked_until_wall.strftime("%H:%M")
                )
            return conv.label
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_PARKED_FG if parked else _FG[self.level(conv)])
        if role == Qt.ItemDataRole.BackgroundRole:
            if parked:
                return None
            if col == COL_STATUS and self.flash_on and conv.key in self.flashing:
                return QBrush(_FLASH_BG)
            return QBrush(_BG[self.level(conv)])
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_WAIT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


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


class TimersPanel(QWidget):
    """The compact panel. Every action is also a method so hotkeys and the palette can call it."""

    waitingCountChanged = Signal(int)  # for the tray icon badge
    redAlert = Signal(str, str)  # title, message: the tray shows a notification
    problemRaised = Signal(str)  # a KPI store problem line, also shown in the footer
    replyRecorded = Signal(str, float)  # queue, seconds waited (no buyer name)

    def __init__(
        self,
        model: TimerModel,
        kpi: KpiStore | None = None,
        *,
        sound: bool = False,
        always_on_top: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.kpi = kpi
        self.sound = sound
        self._last_count = -1
        self._back: Callable[[], None] | None = None  # focus back to the chat after quick-add
        self.setWindowTitle(self.tr("等待计时"))
        self.setObjectName("TimersPanel")

        self.table_model = TimersTableModel(model, self)
        self.timer = QTimer(self)  # the one shared tick
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

        self.count_label = QLabel(self)
        self.pin_button = QToolButton(self)
        self.pin_button.setText(self.tr("置顶"))
        self.pin_button.setCheckable(True)
        self.pin_button.setToolTip(self.tr("窗口总在最前"))
        self.pin_button.toggled.connect(self.set_always_on_top)
        self.sound_button = QToolButton(self)
        self.sound_button.setText(self.tr("提示音"))
        self.sound_button.setCheckable(True)
        self.sound_button.setChecked(sound)
        self.sound_button.setToolTip(self.tr("买家等待超时时响一声"))
        self.sound_button.toggled.connect(self._set_sound)
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.sound_button)
        top.addWidget(self.pin_button)

        self.table = QTableView(self)
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_LABEL, QHeaderView.ResizeMode.Stretch)
        for col in (COL_STATUS, COL_QUEUE, COL_WAIT):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.installEventFilter(self)
        self.table.clicked.connect(self._acknowledge_index)
        self.table.doubleClicked.connect(lambda _i: self.replied())

        self.add_edit = QLineEdit(self)
        self.add_edit.setPlaceholderText(self.tr("买家昵称，回车开始计时"))
        self.add_edit.setMaxLength(200)
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.add_edit.setCompleter(completer)
        self.add_edit.returnPressed.connect(self._add_from_box)
        self.add_edit.installEventFilter(self)
        self.queue_box = QComboBox(self)
        self.queue_box.addItems(model.config.queue_names)
        self.add_button = QToolButton(self)
        self.add_button.setText("+")
        self.add_button.setToolTip(self.tr("买家在等待：开始计时"))
        self.add_button.clicked.connect(self._add_from_box)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_edit, 1)
        add_row.addWidget(self.queue_box)
        add_row.addWidget(self.add_button)

        self.kpi_label = QLabel(self)
        self.kpi_label.setWordWrap(True)
        self.kpi_label.setToolTip(
            self.tr(
                "首响：首次响应平均等待；平均：所有回复平均等待；"
                "3分钟/30秒：在该时间内回复的比例；慢：超过3分钟的回复数"
            )
        )
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b71c1c;")
        self.problem_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.kpi_label)
        layout.addWidget(self.problem_label)

        self.park_menu = QMenu(self)
        for minutes in PARK_PRESETS_MIN:
            text = (
                self.tr("{n} 分钟后").format(n=minutes)
                if minutes < 60
                else self.tr("{n} 小时后").format(n=minutes // 60)
            )
            action = self.park_menu.addAction(text)
            action.setData(minutes)
        self.park_menu.addSeparator()
        self.park_menu.addAction(self.tr("指定时间…")).setData(0)
        self.park_menu.triggered.connect(self._park_chosen)

        self.resize(320, 360)
        if always_on_top:
            self.pin_button.setChecked(True)
        self._refresh()
        self.refresh_kpis()

    # -- public API (hotkeys, palette, tray) ----------------------------------------------

    def buyer_waiting(
        self,
        title: str | None = None,
        selected_text: str | None = None,
        queue: str | None = None,
        suggestion: str | None = None,
        back: Callable[[], None] | None = None,
    ) -> Conversation | None:
        """ "Buyer is waiting": named from the window title, else the selection, else ask.

        Returns the conversation, or None when no name was found and the quick-add box was
        focused for the agent to type one, pre-filled (and selected) with ``suggestion``'s
        first line, else the window title: copied text may be stale, so the agent confirms it
        with Enter or types over it, rather than a buyer being named after yesterday's
        clipboard. ``back`` gives the focus back to the chat; Esc or Enter in the box call it.
        """
        name = name_conversation(title, selected_text, self.model.config.title_patterns)
        if name is None:
            self._back = back
            self.show_and_raise()
            guess = name_conversation(None, suggestion) or clean_label(title)
            self.add_edit.setText(guess)
            self.add_edit.selectAll()
            self.add_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return self.add_buyer(name, queue)

    def buyer_asked(self, title: str) -> Conversation | None:
        """A chat window titled ``title`` asked for attention (a new message): that buyer's
        clock starts now, unless it already runs (the oldest message counts). A window whose
        title names no buyer is no chat and is ignored. Nothing takes the focus and the
        selected row stays: the agent is busy in another chat."""
        buyer = buyer_from_title(title, self.model.config.title_patterns)
        if buyer is None:
            return None
        conv = self.model.buyer_message(buyer)
        self._refresh()
        return conv

    def add_buyer(self, label: str | None, queue: str | None = None) -> Conversation:
        conv = self.model.buyer_message(label, queue)
        self._refresh(select=conv.key)
        return conv

    def replied(self, label: str | None = None, title: str | None = None) -> Reply | None:
        """Stop the clock of the current conversation and record the response time.

        The current conversation is the one named by ``label``, else the one the model's
        :meth:`~quickreply.core.timers.TimerModel.replied_to` picks from the chat window
        ``title`` and the row selected in the panel (or nobody, when guessing would corrupt
        KPIs).
        """
        key = self._current_label(label, title)
        if key is None:
            return None
        reply = self.model.reply(key)
        self.table_model.flashing.discard(self._key(key))
        self._refresh()
        if reply is not None:
            self.replyRecorded.emit(reply.queue, reply.waited)
            if self.kpi is not None:
                problem = self.kpi.record(reply)
                if problem is not None:
                    self._show_problem(str(problem))
                elif self.kpi.pending == 0:
                    self.problem_label.hide()
            self.refresh_kpis()
        return reply

    def park(self, label: str | None = None, until: datetime | timedelta | None = None) -> bool:
        """Set a conversation aside until a time (default in 30 minutes)."""
        key = label or self.selected_label()
        if key is None:
            return False
        conv = self.model.park(key, until if until is not None else timedelta(minutes=30))
        if conv is None:
            return False
        self.table_model.flashing.discard(conv.key)
        self._refresh()
        return True

    def remove(self, label: str | None = None) -> bool:
        key = label or self.selected_label()
        if key is None or not self.model.remove(key):
            return False
        self._refresh()
        return True

    def selected_label(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        return self.table_model.rows[row].label if row < len(self.table_model.rows) else None

    def waiting_count(self) -> int:
        return self.model.waiting_count()

    def show_and_raise(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    def set_always_on_top(self, on: bool) -> None:
        visible = self.isVisible()
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on)
        if self.pin_button.isChecked() != on:
            self.pin_button.setChecked(on)
        if visible:
            self.show()  # changing window flags hides a top-level window

    def refresh_kpis(self) -> None:
        if self.kpi is None:
            self.kpi_label.hide()
            return
        self.kpi_label.setText(self.format_kpis(self.kpi.today()))
        if self.kpi.pending and self.kpi.problems:
            self._show_problem(str(self.kpi.problems[-1]))

    def format_kpis(self, fig: DayFigures) -> str:
        if not fig.replies:
            return self.tr("今日暂无回复记录")

        def secs(v: float | None) -> str:
            return "-" if v is None else self.tr("{v}秒").format(v=f"{v:.1f}")

        def pct(v: float | None) -> str:
            return "-" if v is None else f"{v * 100:.0f}%"

        return self.tr(
            "今日 首响 {first} · 平均 {avg} · 3分钟 {r3} · 30秒 {r30} · 慢 {slow}"
        ).format(
            first=secs(fig.first_response_avg),
            avg=secs(fig.response_avg),
            r3=pct(fig.within_3min),
            r30=pct(fig.within_30s),
            slow=fig.slow,
        )

    # -- the tick ------------------------------------------------------------------------

    def tick(self) -> None:
        result = self.model.tick()
        if result.structure_changed:
            self._refresh()
        else:
            self._repaint(self.table_model.advance(result.level_changed), wait_column=True)
            self._repaint(self.table_model.toggle_flash(), column=COL_STATUS)
        for conv in result.turned_red:
            self._alert(conv)
        if result.new_day:
            self.refresh_kpis()  # _refresh above already dropped yesterday's names

    def _alert(self, conv: Conversation) -> None:
        self.table_model.flashing.add(conv.key)
        waited = format_wait(self.model.waited(conv))
        self.redAlert.emit(
            self.tr("买家等待过久"),
            self.tr("{label}（{queue}）已等待 {wait}").format(
                label=conv.label, queue=conv.queue, wait=waited
            ),
        )
        if self.sound:
            QApplication.beep()
        if self.isVisible():
            QApplication.alert(self.window())  # taskbar flash where the platform has one

    # -- internals -----------------------------------------------------------------------

    def _repaint(self, rows: set[int], wait_column: bool = False, column: int = -1) -> None:
        """Repaint only what a tick changed: the visible wait column and the given rows
        (whole rows, or one column of them)."""
        viewport = self.table.viewport()
        if wait_column and self.table_model.waiting_rows():
            x = self.table.columnViewportPosition(COL_WAIT)
            viewport.update(QRect(x, 0, self.table.columnWidth(COL_WAIT), viewport.height()))
        if rows:
            # One bounding rectangle: Qt clips it to the viewport and paints only what shows.
            top = self.table.rowViewportPosition(min(rows))
            last = max(rows)
            bottom = self.table.rowViewportPosition(last) + self.table.rowHeight(last)
            if bottom > 0 and top < viewport.height():
                x, width = 0, viewport.width()
                if column >= 0:
                    x, width = (
                        self.table.columnViewportPosition(column),
                        self.table.columnWidth(column),
                    )
                viewport.update(QRect(x, top, width, bottom - top))

    def _key(self, label: str) -> str:
        conv = self.model.get(label)
        return conv.key if conv else ""

    def _current_label(self, label: str | None, title: str | None) -> str | None:
        return label or self.model.replied_to(title, self.selected_label())

    def _refresh(self, select: str | None = None) -> None:
        """Rebuild rows after a change in membership; keeps the selection on the same buyer."""
        keep = select
        if keep is None:
            current = self.selected_label()
            keep = self._key(current) if current else None
        self.table_model.rebuild()
        if keep:
            row = self.table_model.row_of(keep)
            if row >= 0:
                self.table.selectRow(row)
        count = self.model.waiting_count()
        self.count_label.setText(self.tr("等待中：{n} 人").format(n=count))
        if count != self._last_count:
            self._last_count = count
            self.waitingCountChanged.emit(count)
        self._names.setStringList(self.model.names_today())
        busy = bool(self.table_model.rows)
        if busy and not self.timer.isActive():
            self.timer.start()
        elif not busy and self.timer.isActive():
            self.timer.stop()

    def _add_from_box(self) -> None:
        text = self.add_edit.text()
        self.add_buyer(text, self.queue_box.currentText())
        self.add_edit.clear()
        self._go_back()

    def _go_back(self) -> None:
        """Back to the chat the "buyer is waiting" hotkey was pressed in, if it opened us."""
        back, self._back = self._back, None
        if back is not None:
            back()

    def _set_sound(self, on: bool) -> None:
        self.sound = on

    def _show_problem(self, line: str) -> None:
        if not self.problem_label.isHidden() and self.problem_label.text() == line:
            return  # already on screen: one notification per problem, not per reply
        self.problem_label.setText(line)
        self.problem_label.setToolTip(line)
        self.problem_label.show()
        self.problemRaised.emit(line)

    def _acknowledge_index(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.table_model.rows):
            self._acknowledge(self.table_model.rows[index.row()].key)

    def _acknowledge(self, key: str) -> None:
        """The agent has seen the red row: stop flashing, keep it red."""
        if key in self.table_model.flashing:
            self.table_model.flashing.discard(key)
            self._repaint({self.table_model.row_of(key)} - {-1})

    def _park_chosen(self, action: Any) -> None:
        minutes = int(action.data() or 0)
        label = self.selected_label()
        if label is None:
            return
        if minutes:
            self.park(label, timedelta(minutes=minutes))
            return
        dialog = ParkTimeDialog(self.model.wall_now(), self)
        dialog.accepted.connect(lambda: self.park(label, dialog.chosen()))
        dialog.open()
        self.park_dialog = dialog

    def open_park_menu(self) -> None:
        if self.selected_label() is None:
            return
        rows = self.table.selectionModel().selectedRows()
        rect = self.table.visualRect(rows[0])
        self.park_menu.popup(self.table.viewport().mapToGlobal(rect.bottomLeft()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.add_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and self._back is not None:
                self.add_edit.clear()
                self._go_back()
                return True
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.replied()
                return True
            if key == Qt.Key.Key_P:
                self.open_park_menu()
                return True
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.remove()
                return True
            if key == Qt.Key.Key_Space:
                label = self.selected_label()
                if label:
                    self._acknowledge(self._key(label))
                return True
        return super().eventFilter(watched, event)
