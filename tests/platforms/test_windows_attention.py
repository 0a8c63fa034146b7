"""The Windows backend's attention watch and titles over the strict Win32 fake: a chat client's
FlashWindowEx (HSHELL_FLASH through the shell hook window's WNDPROC) reported once per flash
until the window is activated, and GetWindowTextW of the top-level window."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest

from quickreply.platforms.base import Backend
from quickreply.platforms.windows import create_windows_backend
from tests.win32fake import FakeWin32

CHAT, NOTEPAD = FakeWin32.CHAT, FakeWin32.NOTEPAD


@pytest.fixture
def backend(win32: FakeWin32) -> Iterator[Backend]:
    built = create_windows_backend()
    yield built
    built.close()


class Seen:
    def __init__(self) -> None:
        self.windows: list[int] = []
        self.threads: list[str] = []

    def __call__(self, window: int) -> None:
        self.windows.append(window)
        self.threads.append(threading.current_thread().name)


def wait_until(condition: Callable[[], bool]) -> None:
    """Synchronise with the shell hook thread (5 s is only a hang guard, not a timing assert)."""
    end = time.monotonic() + 5
    while not condition():
        assert time.monotonic() < end, "the shell hook thread never answered"
        time.sleep(0.002)


def test_a_flash_is_reported_once_until_the_window_is_activated(
    win32: FakeWin32, backend: Backend
) -> None:
    seen = Seen()
    assert backend.attention is not None
    backend.attention.start(seen)
    assert win32.flash(CHAT) == 1  # one shell hook window registered, a top-level one
    wait_until(lambda: seen.windows == [CHAT])
    win32.flash(CHAT)  # FLASHW_TIMER flashes on: still the same message
    win32.flash(NOTEPAD)
    wait_until(lambda: seen.windows == [CHAT, NOTEPAD])
    win32.bring_to_front(CHAT)  # the agent answered in the chat
    win32.flash(CHAT)  # a new message
    wait_until(lambda: seen.windows == [CHAT, NOTEPAD, CHAT])
    assert set(seen.threads) == {"quickreply-shellhook"}  # never the GUI thread
    assert win32.proc_calls >= 5  # through the window procedure, not GetMessageW


def test_stop_deregisters_and_a_second_start_reuses_the_class(
    win32: FakeWin32, backend: Backend
) -> None:
    assert backend.attention is not None
    seen = Seen()
    backend.attention.start(seen)
    backend.attention.stop()
    assert win32.shell_hooks == []
    assert win32.flash(CHAT) == 0
    backend.attention.start(seen)  # RegisterClassW says the class exists: that is fine
    win32.flash(CHAT)
    wait_until(lambda: seen.windows == [CHAT])


def test_a_refused_shell_hook_raises_a_readable_oserror(win32: FakeWin32, backend: Backend) -> None:
    win32.refuse_shell_hook = True
    assert backend.attention is not None
    with pytest.raises(OSError, match="RegisterShellHookWindow"):
        backend.attention.start(Seen())
    assert win32.shell_hooks == []
    assert not [w for w in win32.windows if w in win32.procs]  # its window was destroyed


def test_the_title_of_a_child_window_is_its_top_level_windows(
    win32: FakeWin32, backend: Backend
) -> None:
    win32.windows[CHAT].title = "买家小李 - 千牛工作台"
    edit = win32.add_child(CHAT, "")
    assert backend.windows.title(edit) == "买家小李 - 千牛工作台"
    assert backend.windows.title(CHAT) == "买家小李 - 千牛工作台"
