"""The composition root: screenshots of every view, settings problems, the tray-resident app,
and the running app wired to the fake platform backend (hotkeys, pastes, timers, settings)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from quickreply.app import (
    QuickReplyApp,
    build_services,
    make_qapp,
    make_settings_dialog,
    no_display_reason,
)
from quickreply.cli import VIEWS, main
from quickreply.core.paths import AppPaths
from quickreply.platforms.base import Backend
from quickreply.platforms.fake import FakeDesktop, FakeHotkeys, FakeWindow, fake_backend
from quickreply.platforms.select import Choice, choose_backend
from quickreply.ui.i18n import resolve_language

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("view", VIEWS)
def test_screenshot_of_each_view_writes_a_png(tmp_path: Path, view: str) -> None:
    out = tmp_path / "shots" / f"{view}.png"
    assert main(["--screenshot", str(out), "--view", view]) == 0
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() >= 300 and image.height() >= 200


def test_corrupt_settings_start_with_defaults_and_say_so(qr_home: Path) -> None:
    settings_file = AppPaths.from_env().settings_file
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("{not json", encoding="utf-8")
    services = build_services(AppPaths.from_env())
    assert services.settings.palette_hotkey == "ctrl+alt+space"
    assert any("the file is corrupt" in str(p) for p in services.problems)
    assert settings_file.with_name("settings.json.corrupt").exists()


def test_folders_from_settings_replace_the_defaults(qr_home: Path, tmp_path: Path) -> None:
    settings_file = AppPaths.from_env().settings_file
    settings_file.parent.mkdir(parents=True)
    mine = tmp_path / "我的话术"
    settings_file.write_text(json.dumps({"personal_dir": str(mine)}), encoding="utf-8")
    assert build_services(AppPaths.from_env()).paths.personal == mine


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


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("system", "zh_CN", "zh_CN"),
        ("system", "zh_HK", "zh_TW"),
        ("system", "en_US", "en"),
        ("system", "de_DE", "zh_CN"),
        ("zh_TW", "en_US", "zh_TW"),
        ("en", "zh_CN", "en"),
    ],
)
def test_language_follows_the_setting_or_the_system(
    setting: str, system: str, expected: str
) -> None:
    assert resolve_language(setting, system) == expected


# ---- the running app over the fake platform backend ------------------------------------------

PACK = """\
pack: {id: test.wiring, name: 接线测试, version: 1}
snippets:
  - id: greet
    title: 测试问候甲
    code: zzqa
    text: 亲，在的~
  - id: thanks
    title: 测试问候乙
    code: zzqb
    text: 感谢{{ name }}的支持！
    hotkey: ctrl+alt+7
    fields:
      name: {label: 称呼, default: 亲}
  - id: macro
    title: 测试两步
    code: zzqm
    steps:
      - paste: "{{ name }}，在的~"
      - wait: 300
      - paste: 请问有什么可以帮您？
      - enter
    fields:
      name: {label: 称呼, default: 亲}
"""


@dataclass
class Rig:
    app: QuickReplyApp
    desk: FakeDesktop
    backend: Backend

    def press(self, combo: str) -> None:
        assert cast(FakeHotkeys, self.backend.hotkeys).press(combo), combo

    def chat(self, title: str) -> FakeWindow:
        return self.desk.open_window(title)

    def palette_paste(self, qtbot: QtBot, query: str) -> None:
        """Palette hotkey, type the code, Enter (in the fields form when there is one)."""
        self.press("ctrl+alt+space")
        palette = self.app.palette
        assert palette.isVisible()
        palette.search_box.setText(query)
        enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(palette.search_box, enter)
        if palette.isVisible():  # a snippet with fields: Enter went to the form first
            palette.form.submitted.emit(False)
        assert not palette.isVisible()


@pytest.fixture
def rig(qtbot: QtBot) -> Iterator[Rig]:
    yield make_rig(qtbot)


def make_rig(
    qtbot: QtBot,
    settings: dict[str, object] | None = None,
    taken: set[str] | None = None,
    env: dict[str, str] | None = None,
) -> Rig:
    paths = AppPaths.from_env()
    paths.personal.mkdir(parents=True, exist_ok=True)
    (paths.personal / "wiring.yaml").write_text(PACK, encoding="utf-8")
    if settings is not None:
        paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
        paths.settings_file.write_text(json.dumps(settings), encoding="utf-8")
    backend, desk = fake_backend(FakeDesktop(taken=taken or set()))

    def choose(preference: str, environ: Mapping[str, str]) -> Choice:
        # Everything but "none" gets the fake desktop, so tests can see what was typed.
        return choose_backend("none", environ) if preference == "none" else Choice(backend)

    app = QuickReplyApp(
        make_qapp(), build_services(paths), lang="zh_CN", choose=choose, env=env or {}
    )
    qtbot.addWidget(app.palette)
    return Rig(app, desk, backend)


def waiting_labels(app: QuickReplyApp) -> list[str]:
    return [c.label for c in app.timers_panel().model.waiting()]


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


def test_changed_hotkeys_are_re_registered_live(rig: Rig) -> None:
    new = rig.app.services.settings.with_changes(
        palette_hotkey="ctrl+alt+q", waiting_hotkey="ctrl+shift+w"
    )
    assert rig.app.apply_settings(new) == []
    registered = {name: str(c) for name, c in rig.backend.hotkeys.registered().items()}
    assert registered["palette"] == "ctrl+alt+q"
    assert registered["timer:waiting"] == "ctrl+shift+w"
    assert not cast(FakeHotkeys, rig.backend.hotkeys).press("ctrl+alt+space")
    rig.press("ctrl+alt+q")
    assert rig.app.palette.isVisible()
    rig.app.palette.hide()
    saved = json.loads(AppPaths.from_env().settings_file.read_text(encoding="utf-8"))
    assert saved["palette_hotkey"] == "ctrl+alt+q"


def test_a_clash_keeps_the_old_hotkey_and_says_so(rig: Rig) -> None:
    rig.desk.taken.add("ctrl+alt+k")
    shown: list[tuple[str, str]] = []
    rig.app.tray.notified.connect(lambda title, message: shown.append((title, message)))
    problems = rig.app.apply_settings(
        rig.app.services.settings.with_changes(palette_hotkey="ctrl+alt+k")
    )
    message = (
        "hotkey ctrl+alt+k for 'palette' is already taken by another program; "
        "it stays on ctrl+alt+space"
    )
    assert [p.message for p in problems] == [message]
    line = (
        "快捷键 Ctrl+Alt+K（呼出快捷回复）已被其他程序占用，仍使用原来的 Ctrl+Alt+Space："
        "请在设置里换一个组合，或关闭占用它的程序。"
    )
    assert shown == [("有快捷键无法使用", line)]
    assert line in rig.app.palette.footer.text().splitlines()
    rig.press("ctrl+alt+space")
    assert rig.app.palette.isVisible()
    rig.app.palette.hide()
    assert rig.app.services.settings.palette_hotkey == "ctrl+alt+space"  # what works is saved


def test_the_settings_dialog_asks_the_backend_whether_a_combination_is_taken(
    rig: Rig, qtbot: QtBot
) -> None:
    rig.desk.taken.add("ctrl+alt+k")
    dialog = make_settings_dialog(rig.app.services, probe=rig.app.probe_hotkey)
    qtbot.addWidget(dialog)
    assert not dialog.palette_hotkey.offer("ctrl+alt+k")
    assert dialog.palette_hotkey.message.text() == (
        "快捷键 Ctrl+Alt+K（呼出快捷回复）已被其他程序占用："
        "请在设置里换一个组合，或关闭占用它的程序。"
    )
    assert dialog.palette_hotkey.offer("ctrl+alt+j")
    assert "settings" not in rig.backend.hotkeys.registered()  # the probe let go


def test_paste_settings_apply_when_saved(rig: Rig, qtbot: QtBot) -> None:
    chat = rig.chat("阿杰 - 千牛工作台")
    new = rig.app.services.settings.with_changes(
        paste_shortcut="shift+insert", pre_paste_ms=20, restore_ms=50
    )
    rig.app.apply_settings(new)
    assert rig.app.service is not None
    assert rig.app.service.settings.pre_paste_delay_ms == 20
    assert rig.app.service.settings.restore_delay_ms == 50
    rig.palette_paste(qtbot, "zzqa")
    qtbot.waitUntil(lambda: chat.text == "亲，在的~", timeout=2000)
    assert rig.desk.events == ["shift+insert"]


def test_paste_backend_setting_switches_live_and_the_environment_wins(
    rig: Rig, qtbot: QtBot
) -> None:
    off = rig.app.services.settings.with_changes(paste_backend="none")
    rig.app.apply_settings(off)
    assert rig.backend.hotkeys.registered() == {}
    assert rig.app.palette.footer.text().startswith(
        "粘贴不可用：自动粘贴和全局快捷键已在设置里关闭。"
    )
    rig.app.apply_settings(off.with_changes(paste_backend="auto"))
    assert "palette" in rig.backend.hotkeys.registered()
    assert rig.app.palette.paste_enabled

    forced = make_rig(qtbot, settings={"paste_backend": "none"}, env={"QUICKREPLY_BACKEND": "x"})
    assert forced.app.palette.paste_enabled  # QUICKREPLY_BACKEND overrides the setting


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


def test_starting_without_a_display_says_so_in_one_line() -> None:
    """Qt would abort the process with a misleading message about libxcb-cursor0."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "quickreply"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "quickreply: no display to open the app on (DISPLAY and WAYLAND_DISPLAY are unset): "
        "start it from your desktop session; without one, the commands (quickreply lint, "
        "render, search, stats) and quickreply --screenshot FILE still work"
    ]


@pytest.mark.parametrize(
    ("env", "platform", "blocked"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({}, "win32", False),
    ],
)
def test_no_display_reason(env: dict[str, str], platform: str, blocked: bool) -> None:
    assert bool(no_display_reason(env, platform)) is blocked


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


def test_a_macro_that_fails_to_render_at_paste_time_types_nothing_and_says_why() -> None:
    """The palette checks macros in its preview; if rendering fails later anyway (the cut-off
    passed between preview and Enter), the agent still hears about it."""
    from quickreply.app import AppPaster
    from quickreply.core.model import Snippet, Step
    from quickreply.core.problems import Problem
    from quickreply.core.render import RenderError

    class Service:
        def __init__(self) -> None:
            self.ran: list[object] = []

        def run_steps(self, steps: object, **_: object) -> None:
            self.ran.append(steps)

    def broken(snippet: Snippet, values: Mapping[str, str]) -> list[Step]:
        raise RenderError("snippet macro: 'nosuch' is not defined")

    reported: list[Problem] = []
    finished: list[bool] = []
    service = Service()
    paster = AppPaster(
        service,  # type: ignore[arg-type]
        broken,
        lambda result, title: finished.append(result.ok),
        reported.append,
    )
    macro = Snippet(id="m", title="两步", variants=(), steps=(Step("paste", "{{ nosuch }}"),))
    paster.paste_steps(macro, {})
    assert service.ran == []
    assert finished == [False]
    assert [(p.code, p.arg("snippet")) for p in reported] == [("paste.render", "m")]
