"""Smoke test on a real Windows desktop: hotkey -> paste into Notepad -> clipboard restored.

Only a real PC can prove what tests/win32fake.py assumes. Run it on Windows (the packaging
issue's Windows CI job, or by hand) with ``python -m pytest -m windows tests/windows``; it is
skipped everywhere else. It needs an interactive desktop session (not a service).
"""

from __future__ import annotations

import ctypes
import heapq
import subprocess
import sys
import time
from collections.abc import Callable

import pytest

from quickreply.platforms.base import ClipboardSnapshot, parse_combo

pytestmark = [
    pytest.mark.windows,
    pytest.mark.skipif(sys.platform != "win32", reason="needs a real Windows desktop"),
]
CF_UNICODETEXT = "13"


class RealTimeScheduler:
    """``call_later`` on real time, run by :meth:`run_until_idle` in the test's thread."""

    def __init__(self) -> None:
        self._queue: list[tuple[float, int, Callable[[], None]]] = []
        self._seq = 0

    def call_later(self, ms: int, fn: Callable[[], None]) -> None:
        self._seq += 1
        heapq.heappush(self._queue, (time.monotonic() + ms / 1000, self._seq, fn))

    def run_until_idle(self, limit_s: float = 10.0) -> None:
        end = time.monotonic() + limit_s
        while self._queue and time.monotonic() < end:
            when, _, fn = heapq.heappop(self._queue)
            time.sleep(max(0.0, when - time.monotonic()))
            fn()


def wait_for(condition: Callable[[], bool], what: str, limit_s: float = 10.0) -> None:
    end = time.monotonic() + limit_s
    while not condition():
        assert time.monotonic() < end, f"timed out waiting for {what}"
        time.sleep(0.05)


def test_hotkey_pastes_into_notepad_and_restores_the_clipboard_with_its_formats() -> None:
    from quickreply.platforms.paste import PasteService
    from quickreply.platforms.windows import create_windows_backend
    from quickreply.platforms.windows.keys import VK_CONTROL, WinKeys

    backend = create_windows_backend()
    notepad = subprocess.Popen(["notepad.exe"])
    try:
        # The agent's clipboard: text and HTML, as a browser copy leaves it.
        html_id = str(ctypes.WinDLL("user32").RegisterClipboardFormatW("HTML Format"))
        original = ClipboardSnapshot(
            {
                CF_UNICODETEXT: "原来的\0".encode("utf-16-le"),
                html_id: b"Version:0.9\r\nStartHTML:0\r\n<b>x</b>\0",
            }
        )
        backend.clipboard.restore(original)
        wait_for(
            lambda: (
                "Notepad" in backend.windows.title(backend.windows.current() or 0)
                or "记事本" in backend.windows.title(backend.windows.current() or 0)
            ),
            "Notepad in front",
        )
        target = backend.windows.current()
        sched = RealTimeScheduler()
        problems: list[str] = []
        service = PasteService(
            backend, sched, time.monotonic, on_problem=lambda p: problems.append(str(p))
        )
        fired: list[str] = []
        backend.hotkeys.set_handler(fired.append)  # called on the hotkey thread
        assert backend.hotkeys.register("snippet:smoke", parse_combo("ctrl+alt+f9")) is None
        keys = backend.keys
        assert isinstance(keys, WinKeys)
        keys._send(VK_CONTROL, 0x12, 0x78)  # Ctrl+Alt+F9 through SendInput, like the agent
        wait_for(lambda: fired == ["snippet:smoke"], "WM_HOTKEY")
        service.paste("亲，在的~ smoke", combo=parse_combo("ctrl+alt+f9"), target=target)
        sched.run_until_idle()
        assert problems == []
        restored = backend.clipboard.save()
        for name, data in original.formats.items():
            assert restored.formats.get(name, b"").rstrip(b"\0") == data.rstrip(b"\0"), name
        # What Notepad holds: select all and copy (after the restore was checked).
        keys._send(VK_CONTROL, 0x41)
        keys._send(VK_CONTROL, 0x43)
        time.sleep(0.3)
        text = backend.clipboard.save().formats[CF_UNICODETEXT].decode("utf-16-le")
        assert text.rstrip("\0") == "亲，在的~ smoke"
    finally:
        notepad.kill()
        backend.close()
