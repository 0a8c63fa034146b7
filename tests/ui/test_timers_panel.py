"""The wait-timer panel with pytest-qt: rows, levels, keys, alerts, KPI footer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quickreply.core.kpi import KpiStore
from quickreply.core.timers import TimerModel
from quickreply.ui.timers import COL_STATUS, COL_WAIT, TimersPanel
from tests.clocks import FakeClocks

pytestmark = pytest.mark.gui


@pytest.fixture
def clocks() -> FakeClocks:
    return FakeClocks()


@pytest.fixture
def kpi(tmp_path: Path, clocks: FakeClocks) -> KpiStore:
    return KpiStore(tmp_path / "kpi.sqlite3", clocks.now)


@pytest.fixture
def panel(qtbot: QtBot, clocks: FakeClocks, kpi: KpiStore) -> TimersPanel:
    widget = TimersPanel(TimerModel(clocks.monotonic, clocks.now), kpi)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def cells(panel: TimersPanel) -> list[list[str]]:
    model = panel.table_model
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def press(panel: TimersPanel, key: Qt.Key, text: str = "") -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
    QApplication.sendEvent(panel.table, event)


def test_rows_sorted_by_wait_with_live_mm_ss_and_levels(
    panel: TimersPanel, clocks: FakeClocks
) -> None:
    panel.add_buyer("小红", "售后")
    clocks.advance(40)
    panel.add_buyer("小蓝", "售前")
    clocks.advance(2)
    panel.tick()
    assert cells(panel) == [
        ["▲ 偏慢", "小红", "售后", "00:42"],
        ["● 正常", "小蓝", "售前", "00:02"],
    ]
    clocks.advance(2)
    panel.tick()
    assert cells(panel)[1] == ["▲ 偏慢", "小蓝", "售前", "00:04"]
    assert panel.count_label.text() == "等待中：2 人"


def test_red_alert_once_with_flash_until_handled(
    panel: TimersPanel, clocks: FakeClocks, qtbot: QtBot
) -> None:
    panel.add_buyer("小红", "售前")
    clocks.advance(179)
    panel.tick()
    with qtbot.waitSignal(panel.redAlert) as blocker:
        clocks.advance(1)
        panel.tick()
    assert blocker.args == ["买家等待过久", "小红（售前）已等待 03:00"]
    assert cells(panel)[0][COL_STATUS] == "■ 超时"
    assert panel.table_model.flashing == {"小红"}
    alerts: list[tuple[str, str]] = []
    panel.redAlert.connect(lambda t, m: alerts.append((t, m)))
    clocks.advance(1)
    panel.tick()
    assert alerts == []  # once per wait
    panel.replied("小红")
    assert panel.table_model.flashing == set()
    assert cells(panel) == []


def test_space_acknowledges_the_flash_but_keeps_red(panel: TimersPanel, clocks: FakeClocks) -> None:
    panel.add_buyer("小红")
    clocks.advance(200)
    panel.tick()
    panel.table.selectRow(0)
    press(panel, Qt.Key.Key_Space, " ")
    assert panel.table_model.flashing == set()
    assert cells(panel)[0][COL_STATUS] == "■ 超时"


def test_enter_marks_the_selected_row_replied_and_footer_updates(
    panel: TimersPanel, clocks: FakeClocks
) -> None:
    panel.add_buyer("小红", "售前")
    clocks.advance(5)
    panel.add_buyer("小蓝", "售后")
    clocks.advance(10)
    panel.table.selectRow(1)
    recorded: list[tuple[str, float]] = []
    panel.replyRecorded.connect(lambda q, w: recorded.append((q, w)))
    press(panel, Qt.Key.Key_Return)
    assert recorded == [("售后", 10.0)]
    assert [row[1] for row in cells(panel)] == ["小红"]
    # mm:ss like the rows (issue 14); a figure's own spaces never break (no-break spaces).
    text = panel.kpi_label.text()
    assert text.replace("\xa0", " ") == (
        "今日 首响 00:10 · 平均 00:10 · 3分钟 100% · 30秒 100% · 慢 0"
    )
    assert [part.count(" ") for part in text.split(" · ")] == [0, 0, 0, 0, 0]


def test_delete_removes_and_count_signal(panel: TimersPanel, qtbot: QtBot) -> None:
    counts: list[int] = []
    panel.waitingCountChanged.connect(counts.append)
    panel.add_buyer("小红")
    panel.add_buyer("小蓝")
    panel.table.selectRow(0)
    press(panel, Qt.Key.Key_Delete)
    assert [row[1] for row in cells(panel)] == ["小蓝"]
    assert counts == [1, 2, 1]


def test_p_opens_park_menu_and_row_comes_back(panel: TimersPanel, clocks: FakeClocks) -> None:
    panel.add_buyer("未付款")
    panel.table.selectRow(0)
    press(panel, Qt.Key.Key_P, "p")
    assert panel.park_menu.isVisible()
    fifteen = next(a for a in panel.park_menu.actions() if a.text() == "15 分钟后")
    fifteen.trigger()
    panel.park_menu.hide()
    assert cells(panel) == [["◷ 稍后", "未付款", "售前", "14:15"]]
    assert panel.waiting_count() == 0
    clocks.advance(15 * 60)
    panel.tick()
    assert cells(panel) == [["◷ 提醒", "未付款", "售前", "00:00"]]
    assert panel.waiting_count() == 1


def test_park_at_a_clock_time(panel: TimersPanel, clocks: FakeClocks) -> None:
    panel.add_buyer("未付款")
    panel.table.selectRow(0)
    custom = next(a for a in panel.park_menu.actions() if a.text() == "指定时间…")
    custom.trigger()
    dialog = panel.park_dialog
    assert dialog.time_edit.time().toString("HH:mm") == "15:00"
    dialog.accept()
    assert cells(panel)[0][COL_WAIT] == "15:00"


def test_buyer_waiting_names_from_title_then_selection_then_asks(panel: TimersPanel) -> None:
    assert panel.buyer_waiting(title="tb_小红 - 千牛工作台").label == "tb_小红"  # type: ignore[union-attr]
    assert panel.buyer_waiting(title="记事本", selected_text="小蓝\n亲在吗").label == "小蓝"  # type: ignore[union-attr]
    assert panel.buyer_waiting(title="记事本") is None
    assert panel.add_edit.hasFocus() or QApplication.focusWidget() in (panel.add_edit, None)
    assert [row[1] for row in cells(panel)] == ["tb_小红", "小蓝"]


def test_quick_add_box_with_completion_from_today(panel: TimersPanel) -> None:
    panel.add_buyer("老顾客张三")
    panel.replied("老顾客张三")
    assert panel.add_edit.completer().model().stringList() == ["老顾客张三"]  # type: ignore[attr-defined]
    panel.add_edit.setText("新买家")
    panel.queue_box.setCurrentText("售后")
    panel.add_button.click()
    assert cells(panel) == [["● 正常", "新买家", "售后", "00:00"]]
    assert panel.add_edit.text() == ""


def test_replied_by_window_title_or_only_waiting(panel: TimersPanel, clocks: FakeClocks) -> None:
    panel.add_buyer("小红")
    panel.add_buyer("小蓝")
    panel.table.clearSelection()
    assert panel.replied() is None  # two waiting, none selected: do not guess
    reply = panel.replied(title="小蓝 - 千牛工作台")
    assert reply is not None and reply.label == "小蓝"
    panel.table.clearSelection()
    only = panel.replied()  # one left: that one
    assert only is not None and only.label == "小红"
    assert panel.replied() is None  # nothing waiting: ignored


def test_same_buyer_twice_merged_in_panel(panel: TimersPanel) -> None:
    panel.buyer_waiting(title="小红 - 千牛工作台")
    panel.buyer_waiting(title="小红 - 千牛工作台")
    assert len(cells(panel)) == 1


def test_kpi_problem_is_shown_and_app_keeps_running(
    qtbot: QtBot, clocks: FakeClocks, tmp_path: Path
) -> None:
    bad = tmp_path / "kpi.sqlite3"
    bad.write_bytes(b"junk" * 100)
    store = KpiStore(bad, clocks.now, busy_timeout=0.01, repair=False)
    panel = TimersPanel(TimerModel(clocks.monotonic, clocks.now), store)
    qtbot.addWidget(panel)
    problems: list[str] = []
    panel.problemRaised.connect(problems.append)
    panel.add_buyer("小红")
    clocks.advance(3)
    assert panel.replied("小红") is not None
    assert problems == [
        f"{bad}:0: KPI store: the file is not a readable database "
        "(the app moves it aside on its next reply; or delete it)"
    ]
    assert not panel.problem_label.isHidden()
    assert panel.kpi_label.text().startswith("今日\xa0首响\xa000:03")  # from memory


def test_timer_runs_only_while_something_waits(panel: TimersPanel) -> None:
    assert not panel.timer.isActive()
    panel.add_buyer("小红")
    assert panel.timer.isActive()
    panel.replied("小红")
    assert not panel.timer.isActive()


def test_always_on_top_toggle(panel: TimersPanel) -> None:
    panel.pin_button.click()
    assert panel.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert panel.isVisible()
    panel.set_always_on_top(False)
    assert not panel.pin_button.isChecked()


def test_long_label_elided_with_full_tooltip(panel: TimersPanel) -> None:
    panel.add_buyer("买" * 500)
    model = panel.table_model
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == "买" * 64


def test_screenshot(panel: TimersPanel, clocks: FakeClocks, tmp_path: Path) -> None:
    panel.add_buyer("小红", "售前")
    clocks.advance(200)
    panel.add_buyer("小蓝", "售后")
    clocks.advance(35)
    panel.tick()
    path = tmp_path / "timers.png"
    assert panel.grab().save(str(path))
    assert path.stat().st_size > 1000


def test_ticking_and_painting_keep_none_and_true_alive(
    panel: TimersPanel, clocks: FakeClocks, qtbot: QtBot
) -> None:
    # PySide6 6.12.0 on Python 3.11 dropped a reference to None per paint and to True per
    # emit, aborting the app after minutes of ticking; pyproject.toml excludes that version.
    import sys

    for i in range(30):
        panel.add_buyer(f"买家{i}")
        clocks.advance(10)
    QApplication.processEvents()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(200):
        clocks.advance(1)
        panel.tick()
        panel.waitingCountChanged.emit(30)
        QApplication.processEvents()
    assert sys.getrefcount(None) - none_before > -50
    assert sys.getrefcount(True) - true_before > -50


def test_rows_show_the_right_level_before_the_first_tick(qtbot: QtBot, clocks: FakeClocks) -> None:
    model = TimerModel(clocks.monotonic, clocks.now)
    model.buyer_message("早到的")
    clocks.advance(200)
    widget = TimersPanel(model)
    qtbot.addWidget(widget)
    assert cells(widget) == [["■ 超时", "早到的", "售前", "03:20"]]


def test_a_chat_asking_for_attention_starts_its_clock_and_keeps_the_selection(
    panel: TimersPanel, clocks: FakeClocks
) -> None:
    panel.add_buyer("阿杰")
    assert panel.selected_label() == "阿杰"
    clocks.advance(5)
    conv = panel.buyer_asked("小雨同学 - 千牛工作台")
    assert conv is not None and conv.label == "小雨同学"
    assert panel.selected_label() == "阿杰"  # the agent's row stays selected
    clocks.advance(7)
    panel.buyer_asked("小雨同学 - 千牛工作台")  # a second message: the first one counts
    assert panel.model.waited(conv) == pytest.approx(7)
    assert panel.buyer_asked("终端") is None
    assert [c.label for c in panel.model.waiting()] == ["阿杰", "小雨同学"]
