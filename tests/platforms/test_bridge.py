from __future__ import annotations

import threading
from typing import cast

import pytest
from pytestqt.qtbot import QtBot

from quickreply.platforms.base import parse_combo
from quickreply.platforms.fake import FakeHotkeys, fake_backend
from quickreply.platforms.paste import PasteResult
from quickreply.ui.bridge import PlatformBridge

pytestmark = pytest.mark.gui


def test_hotkey_from_another_thread_arrives_as_a_signal_on_the_gui_thread(qtbot: QtBot) -> None:
    backend, _ = fake_backend()
    bridge = PlatformBridge(backend)
    seen: list[tuple[str, bool]] = []
    bridge.hotkey_pressed.connect(
        lambda name: seen.append((name, threading.current_thread() is threading.main_thread()))
    )
    backend.hotkeys.register("palette", parse_combo("ctrl+alt+space"))
    hook = threading.Thread(
        target=lambda: cast(FakeHotkeys, backend.hotkeys).press("ctrl+alt+space")
    )
    with qtbot.waitSignal(bridge.hotkey_pressed, timeout=2000):
        hook.start()
    hook.join()
    assert seen == [("palette", True)]


def test_paste_service_runs_on_qt_timers_and_restores(qtbot: QtBot) -> None:
    backend, desk = fake_backend()
    chat = desk.open_window("chat")
    desk.copy_text("原来的")
    bridge = PlatformBridge(backend)
    service = bridge.paste_service()
    results: list[PasteResult] = []
    service.paste("好的", on_done=results.append)
    qtbot.waitUntil(lambda: not service.restore_pending, timeout=3000)
    assert chat.text == "好的"
    assert results == [PasteResult(pasted=1)]
    assert desk.clipboard_text() == "原来的"


def test_a_window_asking_for_attention_from_a_hook_thread_arrives_on_the_gui_thread(
    qtbot: QtBot,
) -> None:
    backend, desk = fake_backend()
    chat = desk.open_window("小雨同学 - 千牛工作台")
    bridge = PlatformBridge(backend)
    seen: list[tuple[int, bool]] = []
    bridge.attention_requested.connect(
        lambda window: seen.append((window, threading.current_thread() is threading.main_thread()))
    )
    assert bridge.watch_attention(True)
    hook = threading.Thread(target=lambda: desk.ask_attention(chat))
    with qtbot.waitSignal(bridge.attention_requested, timeout=2000):
        hook.start()
    hook.join()
    assert seen == [(chat.id, True)]
    assert bridge.watch_attention(False)
    assert not desk.ask_attention(chat)
