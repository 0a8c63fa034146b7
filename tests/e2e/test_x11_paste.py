"""Phase 1 end to end: the X11 backend, bridge and paste service in a harness process, xdotool
as the agent's keyboard, a QTextEdit in another process as the chat client."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from quickreply.benchmarks.xsession import Proc, Xvfb, target_command, xdotool

from .conftest import HERE, focus, read_clipboard, set_clipboard, start_harness

pytestmark = pytest.mark.e2e

GREETING = "亲，小王您好！\n欢迎光临本店~\n有什么可以帮您？"


@pytest.fixture(scope="module")
def harness(xvfb: Xvfb) -> Iterator[Proc]:
    proc, ready = start_harness(xvfb)
    assert ready["problems"] == []
    yield proc
    proc.stop()


@pytest.fixture
def chat(xvfb: Xvfb, target: Proc, harness: Proc) -> Proc:
    """The target, emptied and focused, with the agent's own text on the clipboard."""
    target.send("clear")
    target.expect("cleared")
    target.drain()
    harness.drain()
    time.sleep(0.3)  # a previous test's clipboard restore has fired
    set_clipboard(xvfb, "客户的订单号 A123")
    focus(xvfb, target.window)  # type: ignore[attr-defined]
    return target


def press(xvfb: Xvfb, *keys: str, delay_ms: int = 12) -> None:
    xdotool(xvfb.env(), "key", "--delay", str(delay_ms), *keys)


def wait_clipboard(xvfb: Xvfb, wanted: str, mime: str = "UTF8_STRING") -> str:
    deadline = time.monotonic() + 5
    got = read_clipboard(xvfb, mime)
    while got != wanted and time.monotonic() < deadline:
        time.sleep(0.05)
        got = read_clipboard(xvfb, mime)
    return got


def test_direct_hotkey_pastes_rendered_chinese_text_and_gives_the_clipboard_back(
    xvfb: Xvfb, chat: Proc
) -> None:
    press(xvfb, "ctrl+alt+1")
    assert chat.text_until(GREETING)["text"] == GREETING
    assert wait_clipboard(xvfb, "客户的订单号 A123") == "客户的订单号 A123"


def test_two_step_macro_sends_greeting_then_follow_up(xvfb: Xvfb, chat: Proc) -> None:
    press(xvfb, "ctrl+alt+2")
    # QTextEdit keeps Enter as a newline: both sends arrive as lines, in order, once each.
    assert chat.text_until("亲，在的~\n请问有什么可以帮您？\n")
    assert wait_clipboard(xvfb, "客户的订单号 A123") == "客户的订单号 A123"


def test_twenty_quick_presses_paste_twenty_times_nothing_lost_or_doubled(
    xvfb: Xvfb, chat: Proc
) -> None:
    press(xvfb, *["ctrl+alt+1"] * 20, delay_ms=30)
    assert chat.text_until(GREETING * 20, timeout=30)
    time.sleep(0.4)
    assert [line for line in chat.drain() if "text" in line] == []  # nothing more arrives
    assert wait_clipboard(xvfb, "客户的订单号 A123") == "客户的订单号 A123"


def test_fifty_thousand_characters_arrive_whole(xvfb: Xvfb, chat: Proc) -> None:
    from quickreply.benchmarks.harness import LONG_TEXT

    press(xvfb, "ctrl+alt+3")
    assert len(chat.text_until(LONG_TEXT, timeout=20)["text"]) == 50_000


def test_rich_clipboard_is_restored_with_its_format(xvfb: Xvfb, chat: Proc) -> None:
    set_clipboard(xvfb, "<b>双11</b>活动", mime="text/html")
    press(xvfb, "ctrl+alt+1")
    chat.text_until(GREETING)
    assert wait_clipboard(xvfb, "<b>双11</b>活动", mime="text/html") == "<b>双11</b>活动"


def test_palette_gives_focus_back_to_the_chat_window(xvfb: Xvfb, chat: Proc, harness: Proc) -> None:
    press(xvfb, "ctrl+alt+p")
    harness.expect("palette")
    time.sleep(0.2)
    press(xvfb, "Return")
    assert chat.text_until(GREETING)["text"] == GREETING


@pytest.fixture
def own_xvfb(xvfb: Xvfb) -> Iterator[Xvfb]:
    """A display of its own: the module's harness would hold every hotkey on the shared one."""
    server = Xvfb()
    yield server
    server.stop()


def test_target_closed_before_the_paste_types_nothing_and_says_so(own_xvfb: Xvfb) -> None:
    xvfb = own_xvfb
    doomed = Proc(target_command("要关闭的窗口"), xvfb.env())
    bystander = Proc(target_command("别的窗口"), xvfb.env())
    harness, _ = start_harness(xvfb)
    try:
        doomed_window = doomed.expect("ready")["window"]
        bystander.expect("ready")
        focus(xvfb, doomed_window)
        press(xvfb, "ctrl+alt+p")
        harness.expect("palette")
        doomed.stop()
        time.sleep(0.3)
        press(xvfb, "Return")
        problem = harness.expect("problem")["text"]
        assert problem == (
            "quickreply:0: paste: the chat window was closed before the paste, so nothing "
            "was typed (click into the chat input and paste again)"
        )
        time.sleep(0.3)
        assert [line for line in bystander.drain() if "text" in line] == []
    finally:
        harness.stop()
        bystander.stop()
        doomed.stop()


def test_hotkey_taken_by_another_program_is_named_and_the_rest_still_work(
    own_xvfb: Xvfb,
) -> None:
    xvfb = own_xvfb
    target = Proc(target_command(), xvfb.env())
    window = target.expect("ready")["window"]
    grabber = subprocess.Popen(
        [sys.executable, str(HERE / "grabber.py"), "ctrl+alt+9"],
        env=xvfb.env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    harness = None
    try:
        assert grabber.stdout is not None and grabber.stdout.readline().strip() == "grabbed"
        harness, ready = start_harness(xvfb)
        assert ready["problems"] == [
            "quickreply:0: hotkeys: hotkey ctrl+alt+9 for 'snippet:clash' is already taken by "
            "another program (choose another combination in settings or close the other program)"
        ]
        focus(xvfb, window)
        press(xvfb, "ctrl+alt+1")
        assert target.text_until(GREETING)["text"] == GREETING
    finally:
        if harness is not None:
            harness.stop()
        target.stop()
        grabber.kill()
        grabber.wait(5)
