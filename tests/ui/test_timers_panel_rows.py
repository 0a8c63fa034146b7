"""The timer panel's rows as the agent works them: row buttons, right-click, the shop's
reminder times, selected rows keeping their state, restrained amber, the empty list, toggles."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quickreply.app.views import SAMPLE_BUYERS
from quickreply.core.reminders import rule_reminders
from quickreply.core.shop import ShopProfile
from quickreply.core.timers import Level, TimerModel
from quickreply.ui.timers import COL_STATUS, COL_WAIT, TimersPanel
from quickreply.ui.timers_table import COL_LABEL, DARK, LIGHT
from tests.clocks import FakeClocks
from tests.ui.translated import LANGUAGES, translated

pytestmark = pytest.mark.gui


@pytest.fixture
def clocks() -> FakeClocks:
    return FakeClocks()  # 2024-11-11 14:00


@pytest.fixture
def panel(qtbot: QtBot, clocks: FakeClocks) -> TimersPanel:
    shop = ShopProfile(name="测试店", cutoff=time(16, 0))
    widget = TimersPanel(
        TimerModel(clocks.monotonic, clocks.now),
        reminders=lambda now: rule_reminders(shop, now),
        hotkeys=("Ctrl+Alt+W", "Ctrl+Alt+R"),
    )
    qtbot.addWidget(widget)
    widget.show()
    return widget


def labels(panel: TimersPanel) -> list[str]:
    return [conv.label for conv in panel.model.waiting()]


def test_the_row_buttons_act_on_their_own_row_not_the_selected_one(
    panel: TimersPanel, clocks: FakeClocks
) -> None:
    for name in ("阿杰", "Lily", "小雨"):
        panel.add_buyer(name)
        clocks.advance(5)
    panel.table.selectRow(0)  # 阿杰 selected
    panel.row_actions.show_on(1)  # the pointer is on Lily's row
    assert panel.row_actions.isVisible() and panel.row_actions.label == "Lily"
    replies: list[tuple[str, float]] = []
    panel.replyRecorded.connect(lambda queue, waited: replies.append((queue, waited)))
    panel.row_actions.buttons["replied"].click()
    assert labels(panel) == ["阿杰", "小雨"]
    assert replies == [("售前", 10.0)]
    panel.row_actions.show_on(1)
    panel.row_actions.buttons["remove"].click()
    assert labels(panel) == ["阿杰"]
    panel.row_actions.show_on(0)
    panel.row_actions.buttons["park"].click()
    assert panel.park_menu.isVisible()
    panel.park_menu.hide()


def test_right_click_offers_replied_park_and_remove_for_that_row(panel: TimersPanel) -> None:
    panel.add_buyer("阿杰")
    panel.add_buyer("Lily")
    rect = panel.table.visualRect(panel.table_model.index(1, COL_LABEL))
    panel.table.customContextMenuRequested.emit(rect.center())
    menu = panel.row_menu
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["已回复", "稍后提醒", "移除"]
    assert panel.selected_label() == "Lily"
    next(a for a in menu.actions() if a.text() == "移除").trigger()
    assert labels(panel) == ["阿杰"]
    panel.table.customContextMenuRequested.emit(QPoint(5, 300))  # below the rows: nothing
    assert panel.row_menu is menu


def test_park_before_the_shops_cut_off(panel: TimersPanel, clocks: FakeClocks) -> None:
    panel.add_buyer("未付款")
    panel.table.selectRow(0)
    panel.open_park_menu()
    texts = [a.text() for a in panel.park_menu.actions() if a.text()]
    assert "截单前（15:45）" in texts  # 15 minutes before the 16:00 cut-off
    next(a for a in panel.park_menu.actions() if a.text() == "截单前（15:45）").trigger()
    panel.park_menu.hide()
    model = panel.table_model
    assert model.data(model.index(0, COL_WAIT)) == "15:45"
    clocks.advance(105 * 60)  # 15:45
    panel.tick()
    assert labels(panel) == ["未付款"]  # back as a reminder
    clocks.advance(20 * 60)  # after the cut-off: no such suggestion any more
    panel.park_menu.rebuild()
    assert not [a for a in panel.park_menu.actions() if a.text().startswith("截单前")]


def test_a_selected_row_keeps_its_red_state_visible(panel: TimersPanel, clocks: FakeClocks) -> None:
    panel.add_buyer("久等的买家")
    clocks.advance(200)
    panel.tick()
    panel.table.selectRow(0)
    QApplication.processEvents()
    image = panel.table.viewport().grab().toImage()
    cell = panel.table.visualRect(panel.table_model.index(0, COL_STATUS))
    red = LIGHT.fg[Level.RED]
    near_red = [
        (x, y)
        for x in range(cell.left(), cell.right())
        for y in range(cell.top(), cell.bottom())
        if _close(image.pixelColor(x, y), red)
    ]
    assert near_red, "the selected row's status is painted in the selection colours only"
    bar = image.pixelColor(cell.left() + 1, cell.center().y())
    assert _close(bar, panel.table.palette().color(QPalette.ColorRole.Highlight))


def _close(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_amber_stays_in_the_status_and_wait_cells_red_tints_the_row(
    panel: TimersPanel, clocks: FakeClocks
) -> None:
    panel.add_buyer("红")
    clocks.advance(190)
    panel.add_buyer("琥珀")
    clocks.advance(10)
    panel.tick()
    model = panel.table_model
    bg = Qt.ItemDataRole.BackgroundRole
    assert [model.level(c) for c in model.rows] == [Level.RED, Level.AMBER]
    assert model.data(model.index(0, COL_LABEL), bg) is not None
    assert model.data(model.index(1, COL_LABEL), bg) is None
    assert model.data(model.index(1, COL_LABEL), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(1, COL_WAIT), bg) is not None


def test_dark_theme_gets_its_own_colours(panel: TimersPanel) -> None:
    dark = QPalette(panel.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1f22"))
    panel.setPalette(dark)
    assert panel.table_model.colours is DARK
    panel.setPalette(QPalette(QColor("#f0f0f0")))
    assert panel.table_model.colours is LIGHT


def test_the_empty_list_names_the_hotkeys(panel: TimersPanel) -> None:
    assert panel.empty_label.isVisible() and not panel.table.isVisible()
    assert "Ctrl+Alt+W" in panel.empty_label.text()
    assert "Ctrl+Alt+R" in panel.empty_label.text()
    panel.set_hotkeys("Ctrl+Shift+1", "Ctrl+Shift+2")
    assert "Ctrl+Shift+1" in panel.empty_label.text()
    panel.add_buyer("阿杰")
    assert panel.table.isVisible() and not panel.empty_label.isVisible()


def test_the_toggles_say_whether_they_are_on(panel: TimersPanel) -> None:
    assert panel.sound_button.text() == "提示音：关"
    assert panel.pin_button.text() == "置顶：关"
    panel.sound_button.click()
    panel.pin_button.click()
    assert panel.sound_button.text() == "提示音：开" and panel.sound
    assert panel.pin_button.text() == "置顶：开"


def test_queue_targets_from_settings_apply_at_once(panel: TimersPanel, clocks: FakeClocks) -> None:
    from quickreply.core.timers import QueueRule, TimerConfig

    panel.add_buyer("阿杰", "售前")
    clocks.advance(10)
    panel.tick()
    assert panel.table_model.level(panel.table_model.rows[0]) is Level.AMBER
    panel.set_config(TimerConfig(queues=(QueueRule("售前", 20, 60), QueueRule("售后", 30, 90))))
    assert panel.table_model.level(panel.table_model.rows[0]) is Level.OK
    assert [panel.queue_box.itemText(i) for i in range(panel.queue_box.count())] == [
        "售前",
        "售后",
    ]


def test_a_time_today_or_another_day_in_the_reminder_text(qtbot: QtBot) -> None:
    from quickreply.core.shop import Promotion, Tier, parse_amount

    clocks = FakeClocks(datetime(2024, 11, 10, 17, 0))
    tier = Tier(parse_amount(200), parse_amount(20))  # type: ignore[arg-type]
    double11 = Promotion(
        "双11", datetime(2024, 11, 1), datetime(2024, 11, 11, 23, 59),
        datetime(2024, 11, 12), tiers=(tier,),
    )  # fmt: skip
    shop = ShopProfile(name="店", promotions=(double11,))
    panel = TimersPanel(
        TimerModel(clocks.monotonic, clocks.now), reminders=lambda now: rule_reminders(shop, now)
    )
    qtbot.addWidget(panel)
    panel.park_menu.rebuild()
    texts = [a.text() for a in panel.park_menu.actions()]
    assert "「双11」结束前（11月11日 23:00）" in texts


LONG_NAME = "一位昵称特别特别长的老买家不会被按钮盖住"


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication, tmp_path: Path) -> Iterator[str]:
    with translated(qapp, str(request.param), tmp_path):
        yield str(request.param)


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
def test_the_row_buttons_never_cover_the_buyers_name(
    language: str, qtbot: QtBot, clocks: FakeClocks
) -> None:
    """Busy, in English, the worded buttons covered the name (王女 | Reply Later Remove)."""
    panel = TimersPanel(TimerModel(clocks.monotonic, clocks.now))
    qtbot.addWidget(panel)
    for name, _waited in SAMPLE_BUYERS:
        panel.add_buyer(name)
    panel.add_buyer(LONG_NAME)
    panel.resize(340, 640)  # as the screenshot, and a panel beside the chat window
    panel.show()
    qtbot.waitExposed(panel)
    actions, table = panel.row_actions, panel.table
    metrics = table.fontMetrics()
    for row, conv in enumerate(panel.table_model.rows):
        actions.show_on(row)
        QApplication.processEvents()
        assert actions.isVisible()
        covered = actions.geometry()
        room = table.columnWidth(COL_LABEL) - actions.reserved(row)
        if conv.label != LONG_NAME:  # every real name is shown whole
            assert metrics.horizontalAdvance(conv.label) + actions.NAME_MARGIN <= room, conv.label
        # Under the buttons: only the cell's background, no stroke of the name.
        actions.hide()
        table.viewport().repaint()
        under = table.viewport().grab(covered).toImage()
        ground = under.pixelColor(under.width() - 1, under.height() // 2).lightness()
        strokes = [
            (x, y)
            for x in range(under.width())
            for y in range(2, under.height() - 2)
            if abs(under.pixelColor(x, y).lightness() - ground) > 60
        ]
        assert strokes == [], f"{language}: {conv.label}: the name runs under the buttons"
