"""Windows asking for attention on Windows: a taskbar button flashing, seen by a shell hook.

Chat clients (千牛, 旺旺, 咚咚) call ``FlashWindowEx`` on a new message; the shell tells every
window registered with ``RegisterShellHookWindow`` with the ``SHELLHOOK`` message,
``wParam = HSHELL_FLASH`` and ``lParam`` the flashing window, and ``HSHELL_WINDOWACTIVATED`` /
``HSHELL_RUDEAPPACTIVATED`` when a window comes to the front. The messages arrive through the
registered window's window procedure, so the window has a class of its own with a WNDPROC; it
is a hidden top-level window (a message-only window gets no shell messages) owned by a thread
of its own running the message loop.

A flash is reported once: a window that keeps flashing is reported again only after it was
activated (the agent looked at it) and flashes anew. The handler runs on the shell hook
thread; the bridge only emits a Qt signal from it.
"""

from __future__ import annotations

import contextlib
import ctypes
import threading
from collections.abc import Callable
from typing import Any

from quickreply.platforms.base import WindowRef
from quickreply.platforms.windows.win32 import MSG, WM_APP, WNDCLASSW, WNDPROC, Win32

HSHELL_WINDOWACTIVATED = 4
HSHELL_RUDEAPPACTIVATED = 0x8004  # HSHELL_WINDOWACTIVATED | HSHELL_HIGHBIT
HSHELL_FLASH = 0x8006  # HSHELL_REDRAW | HSHELL_HIGHBIT
WM_STOP = WM_APP + 2
CLASS_NAME = "QuickReplyShellHook"
ERROR_CLASS_ALREADY_EXISTS = 1410
_START_TIMEOUT_S = 5.0
THREAD_NAME = "quickreply-shellhook"


class WinAttention:
    """:class:`~quickreply.platforms.base.AttentionWatch` over ``RegisterShellHookWindow``."""

    def __init__(self, api: Win32) -> None:
        self._api = api
        self._handler: Callable[[WindowRef], None] | None = None
        self._flashing: set[int] = set()  # touched on the shell hook thread only
        self._thread: threading.Thread | None = None
        self._hwnd: int | None = None
        self._message = 0
        self._ready = threading.Event()
        self._error: OSError | None = None
        # The WNDPROC must outlive the window: a collected callback crashes the process.
        self._proc: Any = WNDPROC(self._window_proc)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, handler: Callable[[WindowRef], None]) -> None:
        """Register the shell hook window (once) and report flashes to ``handler``; raises
        OSError when Windows refuses."""
        self._handler = handler
        if self.running:
            return
        self._ready.clear()
        self._error = None
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
        self._thread.start()
        if not self._ready.wait(_START_TIMEOUT_S):
            raise OSError("the shell hook thread did not start")
        error = self._start_error()
        if error is not None:
            self._handler = None
            raise error

    def _start_error(self) -> OSError | None:
        """Why the thread could not start (set by the thread before ``_ready``)."""
        return self._error

    def stop(self) -> None:
        self._handler = None
        thread, hwnd = self._thread, self._hwnd
        if thread is None or hwnd is None or not thread.is_alive():
            return
        # A dead window only means the thread already ended.
        with contextlib.suppress(OSError):
            self._api.user32.PostMessageW(hwnd, WM_STOP, 0, 0)
        thread.join(_START_TIMEOUT_S)
        self._thread = None

    # -- the shell hook thread -------------------------------------------------------------

    def _run(self) -> None:
        user32 = self._api.user32
        instance = self._api.kernel32.GetModuleHandleW(None)
        wc = WNDCLASSW()
        wc.lpfnWndProc = self._proc
        wc.hInstance = instance
        wc.lpszClassName = CLASS_NAME
        if not user32.RegisterClassW(ctypes.byref(wc)):
            code = self._api.last_error()
            if code != ERROR_CLASS_ALREADY_EXISTS:  # a second start in the same process
                self._fail(OSError(code, f"RegisterClassW failed (Windows error {code})"))
                return
        # Top-level (no parent) and never shown: message-only windows get no shell messages.
        hwnd = user32.CreateWindowExW(
            0, CLASS_NAME, "QuickReply", 0, 0, 0, 0, 0, None, None, instance, None
        )
        if not hwnd:
            self._fail(self._api.error("CreateWindowExW (shell hook window)"))
            return
        self._message = int(user32.RegisterWindowMessageW("SHELLHOOK"))
        if not self._message or not user32.RegisterShellHookWindow(hwnd):
            error = self._api.error("RegisterShellHookWindow")
            user32.DestroyWindow(hwnd)
            self._fail(error)
            return
        self._hwnd = int(hwnd)
        self._ready.set()
        msg = MSG()
        while user32.GetMessageW(ctypes.byref(msg), None, 0, 0) > 0:
            if msg.message == WM_STOP:
                break
            user32.TranslateMessage(ctypes.byref(msg))
            user32.DispatchMessageW(ctypes.byref(msg))
        user32.DeregisterShellHookWindow(hwnd)
        user32.DestroyWindow(hwnd)
        self._hwnd = None
        self._flashing.clear()

    def _fail(self, error: OSError) -> None:
        self._error = error
        self._ready.set()

    def _window_proc(self, hwnd: int, message: int, wparam: int, lparam: int) -> int:
        if self._message and message == self._message:
            # A bug in the handler must not end the window procedure (Windows would call it
            # again for the next message with Python's exception still set).
            with contextlib.suppress(Exception):
                self._shell_event(int(wparam), int(lparam or 0))
            return 0
        return int(self._api.user32.DefWindowProcW(hwnd, message, wparam, lparam))

    def _shell_event(self, code: int, window: int) -> None:
        if code == HSHELL_FLASH:
            if window and window not in self._flashing:
                self._flashing.add(window)
                handler = self._handler
                if handler is not None:
                    handler(window)
        elif code in (HSHELL_WINDOWACTIVATED, HSHELL_RUDEAPPACTIVATED):
            self._flashing.discard(window)
