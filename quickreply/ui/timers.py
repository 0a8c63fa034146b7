"""The wait-timer panel: who is waiting, for how long, amber then red; today's KPIs underneath.

Built by the composition root with the pure model and the KPI store::

    model = TimerModel(time.monotonic, clock, timer_config)
    panel = TimersPanel(model, KpiStore(paths.kpi_file, clock), sound=settings.timer_sound)
    panel.buyer_waiting(title=title, suggestion=copied_text)  # "buyer is waiting"
    panel.buyer_asked(title)          # a chat window asked for attention (a new message)
    panel.replied(title=title)        # after a paste: the matched, selected or only conversation
    panel.waitingCountChanged.connect(tray.set_waiting)
    panel.redAlert.connect(tray.notify)

One shared QTimer drives every row. Each tick repaints only the wait column (and the rows whose
level changed); the timer stops when nothing is waiting or parked, so an idle panel costs
nothing. The rows (cells, colours, row buttons) are :mod:`quickreply.ui.timers_table`; the
稍后提醒 menu is :mod:`quickreply.ui.timers_park`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedLayout,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.kpi import DayFigures, KpiStore
from quickreply.core.timers import (
    Conversation,
    Reply,
    State,
    TimerConfig,
    TimerModel,
    buyer_from_title,
    clean_label,
    format_wait,
    name_conversation,
)
from quickreply.ui.timers_park import ParkMenu, ParkTimeDialog, Reminders
from quickreply.ui.timers_table import (
    COL_LABEL,
    COL_QUEUE,
    COL_STATUS,
    COL_WAIT,
    DARK,
    LIGHT,
    LevelKeepingDelegate,
    RowActions,
    TimersTableModel,
)

__all__ = ["COL_STATUS", "COL_WAIT", "ParkTimeDialog", "TimersPanel", "TimersTableModel"]

TICK_MS = 1000
NBSP = "\u00a0"  # inside a figure: the footer wraps between figures, never in one


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
        reminders: Reminders | None = None,
        hotkeys: tuple[str, str] = ("Ctrl+Alt+W", "Ctrl+Alt+R"),
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
        self.pin_button.setCheckable(True)
        self.pin_button.setToolTip(self.tr("窗口总在最前"))
        self.pin_button.toggled.connect(self.set_always_on_top)
        self.sound_button = QToolButton(self)
        self.sound_button.setCheckable(True)
        self.sound_button.setChecked(sound)
        self.sound_button.setToolTip(self.tr("买家等待超时时响一声"))
        self.sound_button.toggled.connect(self._set_sound)
        for button in (self.pin_button, self.sound_button):
            button.toggled.connect(self._show_toggles)
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.sound_button)
        top.addWidget(self.pin_button)

        self.table = QTableView(self)
        self.table.setModel(self.table_model)
        delegate = LevelKeepingDelegate(self.table)
        self.table.setItemDelegate(delegate)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
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
        self.table.clicked.connect(self._acknowledge_index)
        self.table.doubleClicked.connect(lambda _i: self.replied())
        self.row_actions = RowActions(self.table, self.table_model)
        self.row_actions.replied.connect(lambda label: self.replied(label))
        self.row_actions.park.connect(self._park_menu_for)
        self.row_actions.remove.connect(lambda label: self.remove(label))
        delegate.reserve = self.row_actions.reserved
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("timersEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(12)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty_label)
        self.set_hotkeys(*hotkeys)

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
        layout.addLayout(self._stack, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.kpi_label)
        layout.addWidget(self.problem_label)

        self._park_target: str | None = None
        self.park_menu = ParkMenu(model.wall_now, reminders, self)
        self.park_menu.chosen.connect(self._park_chosen)

        self.resize(320, 360)
        if always_on_top:
            self.pin_button.setChecked(True)
        self._show_toggles()
        self._follow_theme()
        self.table.installEventFilter(self)  # once every widget it looks at exists
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

    def set_hotkeys(self, waiting: str, replied: str) -> None:
        """The hotkeys the empty list names (as the settings show them)."""
        self.empty_label.setText(
            self.tr(
                "暂无等待的买家。\n买家来消息时按 {waiting} 开始计时，回复后按 {replied}"
                "（用快捷回复粘贴也会停止计时）。聊天窗口闪烁提醒新消息时会自动开始计时。"
            ).format(waiting=waiting, replied=replied)
        )

    def set_config(self, config: TimerConfig) -> None:
        """Queues, targets and title patterns changed in settings: follow them now."""
        self.model.config = config
        current = self.queue_box.currentText()
        self.queue_box.clear()
        self.queue_box.addItems(config.queue_names)
        if current in config.queue_names:
            self.queue_box.setCurrentText(current)
        self._refresh()

    def set_reminders(self, reminders: Reminders | None) -> None:
        self.park_menu.set_reminders(reminders)

    @property
    def park_dialog(self) -> ParkTimeDialog | None:
        """The 指定时间… dialog the park menu opened last."""
        return self.park_menu.dialog

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
            return "-" if v is None else format_wait(v)

        def pct(v: float | None) -> str:
            return "-" if v is None else f"{v * 100:.0f}%"

        parts = [
            self.tr("今日 首响 {first}").format(first=secs(fig.first_response_avg)),
            self.tr("平均 {avg}").format(avg=secs(fig.response_avg)),
            self.tr("3分钟 {r3}").format(r3=pct(fig.within_3min)),
            self.tr("30秒 {r30}").format(r30=pct(fig.within_30s)),
            self.tr("慢 {slow}").format(slow=fig.slow),
        ]
        # Spaces inside a figure never break: the label wraps only between figures.
        return " · ".join(part.replace(" ", NBSP) for part in parts)

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
        self._stack.setCurrentWidget(self.table if busy else self.empty_label)
        self.row_actions.refresh()
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

    def _show_toggles(self, _on: bool = False) -> None:
        """The toggles say whether they are on, not only by a pressed look."""
        on, off = self.tr("开"), self.tr("关")
        self.sound_button.setText(
            self.tr("提示音：{state}").format(state=on if self.sound_button.isChecked() else off)
        )
        self.pin_button.setText(
            self.tr("置顶：{state}").format(state=on if self.pin_button.isChecked() else off)
        )

    def _follow_theme(self) -> None:
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self.table_model.colours = DARK if dark else LIGHT
        self.table.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_theme()
        super().changeEvent(event)

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

    def _park_chosen(self, until: datetime | timedelta) -> None:
        label = self._park_target or self.selected_label()
        if label is not None:
            self.park(label, until)

    def open_park_menu(self) -> None:
        if self.selected_label() is None:
            return
        rows = self.table.selectionModel().selectedRows()
        self._park_menu_for(self.selected_label(), rows[0].row())

    def _park_menu_for(self, label: str | None, row: int = -1) -> None:
        """The 稍后提醒 menu for ``label``'s row, under it."""
        if label is None:
            return
        self._park_target = label
        row = row if row >= 0 else self.table_model.row_of(self._key(label))
        rect = self.table.visualRect(self.table_model.index(max(row, 0), COL_STATUS))
        self.park_menu.popup(self.table.viewport().mapToGlobal(rect.bottomLeft()))

    def _row_menu(self, pos: QPoint) -> None:
        """Right-click on a row: 已回复 / 稍后提醒 / 移除."""
        index = self.table.indexAt(pos)
        if not index.isValid() or index.row() >= len(self.table_model.rows):
            return
        self.table.selectRow(index.row())
        conv = self.table_model.rows[index.row()]
        label = conv.label
        menu = QMenu(self)
        if conv.state is State.WAITING:
            menu.addAction(self.tr("已回复"), lambda: self.replied(label))
        self._park_target = label
        menu.addMenu(self.park_menu)
        menu.addSeparator()
        menu.addAction(self.tr("移除"), lambda: self.remove(label))
        self.row_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

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
