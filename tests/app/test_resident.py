"""The tray-resident app over the fake platform backend: hotkeys, pastes and timers."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from quickreply.app.resident import QuickReplyApp
from quickreply.app.services import build_services
from quickreply.app.views import make_qapp
from quickreply.core.paths import AppPaths
from tests.app.rig import Rig, make_rig, waiting_labels

pytestmark = pytest.mark.gui


def test_app_lives_in_the_tray_and_the_palette_opens_from_it(qtbot: QtBot) -> None:
    qapp = make_qapp()
    app = QuickReplyApp(qapp, build_services(AppPaths.from_env()), lang="zh_CN")
    assert len(app.services.library) > 0  # the shipped packs
    app.tray.action_palette.trigger()
    qtbot.addWidget(app.palette)
    assert app.palette.isVisible()
    assert "粘贴不可用" in app.palette.footer.text()  # no paste backend wired in this test
    app.palette.hide()
    app.set_paused(True)
    app.on_hotkey("palette")
    assert not app.palette.isVisible()
    app.set_paused(False)
    app.on_hotkey("palette")
    assert app.palette.isVisible()
    app.palette.hide()


def test_waiting_hotkey_names_the_buyer_from_the_title_and_a_palette_paste_stops_the_clock(
    rig: Rig, qtbot: QtBot
) -> None:
    chat = rig.chat("小雨同学 - 千牛工作台")
    plain = rig.app.tray.icon.icon().pixmap(32, 32).toImage()
    rig.press("ctrl+alt+w")
    assert waiting_labels(rig.app) == ["小雨同学"]
    assert rig.app.tray.icon.toolTip() == "快捷回复助手\n1 位买家在等待"
    assert rig.app.tray.icon.icon().pixmap(32, 32).toImage() != plain  # the badge
    rig.press("ctrl+alt+w")  # the same buyer again: merged
    assert rig.app.timers_panel().waiting_count() == 1

    rig.palette_paste(qtbot, "zzqa")
    qtbot.waitUntil(lambda: chat.text == "亲，在的~", timeout=2000)
    qtbot.waitUntil(lambda: rig.app.timers_panel().waiting_count() == 0, timeout=2000)
    assert rig.app.tray.icon.toolTip() == "快捷回复助手"


def test_a_title_without_a_buyer_opens_the_panel_at_the_quick_add_box(rig: Rig) -> None:
    rig.chat("千牛工作台")
    rig.press("ctrl+alt+w")
    panel = rig.app.timers_panel()
    assert panel.isVisible()
    assert panel.waiting_count() == 0


def test_copied_text_is_offered_in_the_quick_add_box_and_enter_adds_that_buyer(
    rig: Rig, qtbot: QtBot
) -> None:
    QApplication.clipboard().setText("  tb_8812 \n订单 A123")  # copied from the chat's buyer list
    rig.chat("千牛工作台")
    rig.press("ctrl+alt+w")
    panel = rig.app.timers_panel()
    assert panel.waiting_count() == 0  # a suggestion, not a guess: stale text must not count
    assert panel.add_edit.text() == "tb_8812"
    assert panel.add_edit.selectedText() == "tb_8812"  # typing replaces it
    enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel.add_edit, enter)
    assert [c.label for c in panel.model.waiting()] == ["tb_8812"]


def test_a_direct_snippet_hotkey_stops_only_its_buyers_clock_and_records_the_use(
    rig: Rig, qtbot: QtBot
) -> None:
    first = rig.chat("阿杰 - 千牛工作台")
    rig.press("ctrl+alt+w")
    rig.chat("Lily - 千牛工作台")
    rig.press("ctrl+alt+w")
    rig.desk.focus = first.id
    rig.press("ctrl+alt+7")
    qtbot.waitUntil(lambda: first.text == "感谢亲的支持！", timeout=2000)
    qtbot.waitUntil(lambda: waiting_labels(rig.app) == ["Lily"], timeout=2000)
    assert rig.app.services.stats.usage()["thanks"].count == 1


def test_the_replied_hotkey_stops_the_buyer_in_front(rig: Rig) -> None:
    rig.chat("阿杰 - 千牛工作台")
    rig.press("ctrl+alt+w")
    rig.chat("Lily - 千牛工作台")
    rig.press("ctrl+alt+w")
    rig.press("ctrl+alt+r")
    assert waiting_labels(rig.app) == ["阿杰"]


def test_a_reply_to_a_buyer_who_is_not_waiting_stops_nobody(rig: Rig) -> None:
    rig.chat("阿杰 - 千牛工作台")
    rig.press("ctrl+alt+w")  # selected in the panel
    rig.chat("Lily - 千牛工作台")
    rig.press("ctrl+alt+r")  # Lily was never waiting: 阿杰's clock keeps running
    assert waiting_labels(rig.app) == ["阿杰"]


def test_red_alert_from_the_queue_settings_shows_in_the_tray(qtbot: QtBot) -> None:
    queues = [{"name": "售前", "target": 0, "red_after": 0}]
    rig = make_rig(qtbot, settings={"timers": {"queues": queues}, "timer_sound": True})
    rig.chat("小雨同学 - 千牛工作台")
    rig.press("ctrl+alt+w")
    panel = rig.app.timers_panel()
    assert panel.sound
    with qtbot.waitSignal(rig.app.tray.notified, timeout=3000) as blocker:
        panel.tick()
    title, message = blocker.args
    assert "小雨同学" in title + message


def test_a_taken_hotkey_is_shown_in_the_tray_once_and_in_the_palette_footer(
    qtbot: QtBot,
) -> None:
    rig = make_rig(qtbot, taken={"ctrl+alt+w"})
    # In the UI language, naming the hotkey as the settings dialog does (stderr keeps English).
    line = (
        "快捷键 Ctrl+Alt+W（买家在等待）已被其他程序占用："
        "请在设置里换一个组合，或关闭占用它的程序。"
    )
    assert line in rig.app.palette.footer.text().splitlines()
    shown: list[tuple[str, str]] = []
    rig.app.tray.notified.connect(lambda title, message: shown.append((title, message)))
    rig.app.start()
    assert shown == [("有快捷键无法使用", line)]
    rig.press("ctrl+alt+space")  # the others still work
    assert rig.app.palette.isVisible()
    rig.app.palette.hide()
    rig.app.tray.hide()


def test_no_paste_backend_says_why_in_the_tray_and_the_palette(qtbot: QtBot) -> None:
    app = QuickReplyApp(
        make_qapp(),
        build_services(AppPaths.from_env()),
        lang="zh_CN",
        env={"WAYLAND_DISPLAY": "wayland-0"},
    )
    qtbot.addWidget(app.palette)
    reason = "这是 Wayland 会话，全局快捷键和向其他程序自动粘贴都不可用"
    assert app.palette.footer.text() == (
        f"粘贴不可用：{reason}。Enter 或 Ctrl+C 复制到剪贴板，再手动粘贴。"
    )
    shown: list[tuple[str, str]] = []
    app.tray.notified.connect(lambda title, message: shown.append((title, message)))
    app.start()
    assert shown == [
        (
            "全局快捷键和自动粘贴不可用",
            f"{reason}：请改用 X11（Xorg）会话登录；或在快捷回复里按 Enter 复制，"
            "再自己按 Ctrl+V 粘贴。",
        )
    ]
    app.tray.hide()


def test_a_macro_from_the_palette_runs_step_by_step(rig: Rig, qtbot: QtBot) -> None:
    chat = rig.chat("阿杰 - 千牛工作台")
    rig.palette_paste(qtbot, "zzqm")
    qtbot.waitUntil(lambda: chat.sent == ["亲，在的~请问有什么可以帮您？"], timeout=3000)
    assert rig.desk.events == ["ctrl+v", "ctrl+v", "enter"]


def test_a_palette_paste_records_the_use_and_reranks_the_search(rig: Rig, qtbot: QtBot) -> None:
    rig.chat("阿杰 - 千牛工作台")
    index = rig.app.services.index
    before = [hit.snippet.id for hit in index.search("测试问候")]
    assert before[:2] == ["greet", "thanks"]
    rig.palette_paste(qtbot, "zzqb")
    assert rig.app.services.stats.usage()["thanks"].count == 1
    assert [hit.snippet.id for hit in index.search("测试问候")][:2] == ["thanks", "greet"]


def test_a_failed_paste_is_shown_in_the_tray_and_stops_no_clock(rig: Rig, qtbot: QtBot) -> None:
    chat = rig.chat("阿杰 - 千牛工作台")
    rig.press("ctrl+alt+w")
    rig.press("ctrl+alt+space")  # remembers 阿杰's window
    rig.desk.close_window(chat)
    with qtbot.waitSignal(rig.app.tray.notified, timeout=2000) as blocker:
        rig.app.palette.search_box.setText("zzqa")
        rig.app.palette.accept()
    assert (
        blocker.args[1]
        == "粘贴前聊天窗口已关闭，所以什么都没有输入：请点一下聊天输入框，再粘贴一次。"
    )
    assert waiting_labels(rig.app) == ["阿杰"]


def test_fill_in_values_are_remembered_per_chat_not_carried_to_the_next_buyer(
    rig: Rig, qtbot: QtBot
) -> None:
    def open_thanks_over(title: str) -> dict[str, str]:
        rig.chat(title)
        rig.press("ctrl+alt+space")
        palette = rig.app.palette
        palette.search_box.setText("zzqb")
        enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(palette.search_box, enter)  # to the fill-in form
        return palette.form.values()

    assert open_thanks_over("小雨同学 - 千牛工作台") == {"name": "亲"}  # the default
    editor = rig.app.palette.form.editors[0]
    assert isinstance(editor, QLineEdit)
    editor.setText("小雨")
    rig.app.palette.form.submitted.emit(False)
    qtbot.waitUntil(lambda: not rig.app.palette.isVisible(), timeout=2000)

    assert open_thanks_over("阿杰 - 千牛工作台") == {"name": "亲"}  # another buyer: default
    rig.app.palette.hide()
    assert open_thanks_over("小雨同学 - 千牛工作台") == {"name": "小雨"}  # back: remembered
    rig.app.palette.hide()


def test_a_start_with_a_tray_says_where_the_app_is_and_how_to_call_it(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(type(rig.app.tray), "available", property(lambda self: True))
    shown: list[tuple[str, str]] = []
    rig.app.tray.notified.connect(lambda title, message: shown.append((title, message)))
    rig.app.start()
    assert shown == [
        (
            "快捷回复助手已在托盘运行",
            "按 Ctrl+Alt+Space 呼出快捷回复；右键托盘图标打开话术库、等待计时和设置。",
        )
    ]
    assert rig.app._library is None  # the tray is the way in: no window pops up
    rig.app.tray.hide()


def test_quit_right_after_a_paste_gives_the_clipboard_back_and_releases_the_hotkeys(
    qtbot: QtBot,
) -> None:
    rig = make_rig(qtbot, settings={"restore_ms": 5000})  # a slow chat client
    chat = rig.chat("阿杰 - 千牛工作台")
    rig.desk.copy_text("买家的订单号 A123")
    rig.palette_paste(qtbot, "zzqa")
    qtbot.waitUntil(lambda: chat.text == "亲，在的~", timeout=2000)
    assert rig.desk.clipboard_text() == "亲，在的~"  # still ours: the restore is 5 s away
    rig.app.shut_down()  # what Quit, a logout or SIGTERM does
    assert rig.desk.clipboard_text() == "买家的订单号 A123"
    assert rig.backend.hotkeys.registered() == {}


def test_a_reply_recorded_while_the_kpi_file_was_locked_is_written_at_quit(
    rig: Rig, qtbot: QtBot
) -> None:
    kpi_file = AppPaths.from_env().kpi_file
    rig.chat("阿杰 - 千牛工作台")
    rig.press("ctrl+alt+w")
    panel = rig.app.timers_panel()
    assert panel.kpi is not None
    panel.kpi.flush()
    kpi_file.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(kpi_file, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")  # a report reading the file, say
        rig.press("ctrl+alt+r")
        assert waiting_labels(rig.app) == []
        assert panel.kpi.pending == 1  # kept in memory for now
        other.execute("ROLLBACK")
    rig.app.shut_down()
    with closing(sqlite3.connect(kpi_file)) as db:
        assert db.execute("SELECT count(*) FROM replies").fetchall() == [(1,)]
    assert not kpi_file.with_name(kpi_file.name + "-journal").exists()


def test_a_chat_window_asking_for_attention_starts_its_clock_without_a_hotkey(
    rig: Rig, qtbot: QtBot
) -> None:
    """A new message flashes the chat window: the buyer's clock starts then, nothing takes
    the focus, a repeated flash does not restart it, and a paste into the window stops it."""
    other = rig.chat("备忘录")
    chat = rig.desk.open_window("小雨同学 - 千牛工作台", focus=False)
    rig.desk.focus = other.id
    assert rig.desk.ask_attention(chat)
    panel = rig.app.timers_panel()
    assert waiting_labels(rig.app) == ["小雨同学"]
    assert not panel.isVisible()
    assert rig.desk.focus == other.id
    since = panel.model.waiting()[0].waiting_since
    assert rig.desk.ask_attention(chat)  # the buyer wrote again: the oldest message counts
    assert panel.model.waiting()[0].waiting_since == since
    assert rig.app.tray.icon.toolTip() == "快捷回复助手\n1 位买家在等待"

    rig.desk.ask_attention(rig.desk.open_window("终端", focus=False))  # no chat: ignored
    assert waiting_labels(rig.app) == ["小雨同学"]

    rig.desk.focus = chat.id
    rig.palette_paste(qtbot, "zzqa")
    qtbot.waitUntil(lambda: chat.text == "亲，在的~", timeout=2000)
    qtbot.waitUntil(lambda: panel.waiting_count() == 0, timeout=2000)
    assert panel.kpi is not None and panel.kpi.today().replies == 1


def test_clocks_that_start_themselves_can_be_turned_off(qtbot: QtBot) -> None:
    rig = make_rig(qtbot, settings={"timers": {"auto_start": False}})
    assert not rig.desk.ask_attention(rig.desk.open_window("小雨同学 - 千牛工作台"))
    assert rig.app.timers is None


def test_paused_app_starts_no_clock_on_attention(rig: Rig) -> None:
    rig.app.set_paused(True)
    rig.desk.ask_attention(rig.chat("小雨同学 - 千牛工作台"))
    assert rig.app.timers is None or rig.app.timers.waiting_count() == 0


def test_esc_in_the_quick_add_box_gives_the_focus_back_to_the_chat(rig: Rig) -> None:
    QApplication.clipboard().clear()
    chat = rig.chat("千牛工作台")
    rig.press("ctrl+alt+w")
    panel = rig.app.timers_panel()
    assert panel.add_edit.text() == "千牛工作台"  # nothing selected or copied: the title
    rig.desk.focus = None  # the panel took it
    esc = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel.add_edit, esc)
    assert rig.desk.focus == chat.id
    assert panel.waiting_count() == 0


VARIANTS = """\
pack: {id: test.variants, name: 变体, version: 1}
snippets:
  - id: hello2
    title: 两种问候
    code: zzv
    text: [亲，在的~, 您好，在的~]
    hotkey: ctrl+alt+8
"""


def test_a_direct_hotkey_never_gives_a_buyer_the_same_variant_twice_in_a_row(
    qtbot: QtBot,
) -> None:
    """The no-repeat memory is per conversation for direct hotkeys too: 阿杰, Lily, 阿杰 again
    gets the other variant (one memory for every chat gave 阿杰 the same one twice)."""
    personal = AppPaths.from_env().personal
    personal.mkdir(parents=True, exist_ok=True)
    (personal / "variants.yaml").write_text(VARIANTS, encoding="utf-8")
    rig = make_rig(qtbot)
    jie = rig.chat("阿杰 - 千牛工作台")
    lily = rig.chat("Lily - 千牛工作台")
    got: list[str] = []
    for chat in (jie, lily, jie):
        rig.desk.focus = chat.id
        chat.text = ""
        rig.press("ctrl+alt+8")
        qtbot.waitUntil(lambda chat=chat: chat.text != "", timeout=2000)  # type: ignore[misc]
        got.append(chat.text)
    assert got[0] != got[2]
    assert {got[0], got[2]} == {"亲，在的~", "您好，在的~"}


def test_a_direct_hotkey_pastes_with_the_values_typed_for_that_buyer(
    rig: Rig, qtbot: QtBot
) -> None:
    jie = rig.chat("阿杰 - 千牛工作台")
    palette = rig.app.palette
    rig.press("ctrl+alt+space")
    palette.search_box.setText("zzqb")
    enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(palette.search_box, enter)
    editor = palette.form.editors[0]
    assert isinstance(editor, QLineEdit)
    editor.setText("阿杰哥")
    palette.form.submitted.emit(False)
    qtbot.waitUntil(lambda: jie.text == "感谢阿杰哥的支持！", timeout=2000)

    lily = rig.chat("Lily - 千牛工作台")
    rig.press("ctrl+alt+7")
    qtbot.waitUntil(lambda: lily.text == "感谢亲的支持！", timeout=2000)  # her own: the default
    rig.desk.focus = jie.id
    jie.text = ""
    rig.press("ctrl+alt+7")
    qtbot.waitUntil(lambda: jie.text == "感谢阿杰哥的支持！", timeout=2000)


def test_without_a_tray_the_window_has_the_menu_and_the_terminal_says_how_to_call_it(
    rig: Rig, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(type(rig.app.tray), "available", property(lambda self: False))
    quits: list[bool] = []
    rig.app.tray.quit_requested.connect(lambda: quits.append(True))
    rig.app.start()
    library = rig.app._library
    assert library is not None and library.isVisible()
    menus = [action.menu() for action in library.menuBar().actions()]
    entries = [a.text() for menu in menus if menu is not None for a in menu.actions()]
    assert "设置…" in entries and "退出" in entries
    quit_action = next(
        a for menu in menus if menu is not None for a in menu.actions() if a.text() == "退出"
    )
    quit_action.trigger()
    assert quits == [True]
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "quickreply: running; Ctrl+Alt+Space opens the palette"
        " (no tray: the library window has the menu)"
    ]
    library.hide()
