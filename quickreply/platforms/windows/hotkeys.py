"""Global hotkeys on Windows: RegisterHotKey on a message-only window in its own thread.

Why not the ``keyboard`` package's low-level hook (docs/windows.md has the details):

* a ``suppress=True`` hook holds back every Ctrl/Alt press system-wide until it knows the
  press is not a hotkey (Ctrl+click and Ctrl+wheel break in the chat client);
* it lets the key through when the callback returns something truthy, and the app's callback
  is a Qt signal's ``emit``, which returns True: '1' typed into the chat after Ctrl+Alt+1;
* it calls the callback on every auto-repeat keydown: several pastes for one press;
* Windows removes a low-level hook silently when it answers slower than LowLevelHooksTimeout
  (a busy GIL is enough), and every hotkey dies with no message.

``RegisterHotKey`` has none of this: the system matches the combination and posts WM_HOTKEY
(``MOD_NOREPEAT``: once per press), a clash fails with ERROR_HOTKEY_ALREADY_REGISTERED, and
the handler's return value is never looked at. A hotkey belongs to the thread that created the
window, so register/unregister run on the hotkey thread too (posted, then awaited).
"""

from __future__ import annotations

import contextlib
import ctypes
import queue
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from quickreply.core.hotkeys import IME_TOGGLES
from quickreply.core.problems import Problem
from quickreply.platforms.base import Combo, hotkey_ours, hotkey_taken, platform_problem
from quickreply.platforms.windows.win32 import (
    ERROR_HOTKEY_ALREADY_REGISTERED,
    HWND_MESSAGE,
    MSG,
    WM_APP,
    WM_HOTKEY,
    Win32,
)

MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
_MOD_BITS = {"alt": MOD_ALT, "ctrl": MOD_CONTROL, "shift": MOD_SHIFT, "meta": MOD_WIN}
_VK_NAMED = {
    "space": 0x20, "enter": 0x0D, "tab": 0x09, "escape": 0x1B, "backspace": 0x08,
    "delete": 0x2E, "insert": 0x2D, "home": 0x24, "end": 0x23, "pageup": 0x21,
    "pagedown": 0x22, "up": 0x26, "down": 0x28, "left": 0x25, "right": 0x27, "pause": 0x13,
    "print": 0x2C, ";": 0xBA, "=": 0xBB, "+": 0xBB, ",": 0xBC, "-": 0xBD, ".": 0xBE,
    "/": 0xBF, "`": 0xC0, "[": 0xDB, "\\": 0xDC, "]": 0xDD, "'": 0xDE,
}  # fmt: skip
WM_CALL = WM_APP + 1  # "run the queued requests" (register/unregister/quit)
_START_TIMEOUT_S = 5.0
THREAD_NAME = "quickreply-hotkeys"


def vk_code(key: str) -> int:
    """The virtual-key code of a key name from core/hotkeys.py (0: none)."""
    if key in _VK_NAMED:
        return _VK_NAMED[key]
    if len(key) == 1 and key.isalnum():
        return ord(key.upper())
    if key.startswith("f") and key[1:].isdigit():
        return 0x70 + int(key[1:]) - 1
    return 0


@dataclass
class _Call:
    fn: Callable[[], object]
    done: threading.Event = field(default_factory=threading.Event)
    result: object = None
    error: BaseException | None = None


class WinHotkeys:
    """:class:`~quickreply.platforms.base.Hotkeys` over RegisterHotKey/WM_HOTKEY."""

    def __init__(self, api: Win32) -> None:
        self._api = api
        self._handler: Callable[[str], object] = lambda name: None
        self._combos: dict[str, Combo] = {}
        self._ids: dict[int, str] = {}  # touched on the hotkey thread only
        self._next_id = 1
        self._calls: queue.SimpleQueue[_Call] = queue.SimpleQueue()
        self._hwnd: int | None = None
        self._ready = threading.Event()
        self._start_error: OSError | None = None
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
        self._thread.start()
        if not self._ready.wait(_START_TIMEOUT_S):
            raise OSError("the hotkey thread did not start")
        if self._start_error is not None:
            raise self._start_error

    # -- the hotkey thread ---------------------------------------------------------------

    def _run(self) -> None:
        user32 = self._api.user32
        hwnd = user32.CreateWindowExW(
            0, "STATIC", None, 0, 0, 0, 0, 0, HWND_MESSAGE, None, None, None
        )
        if not hwnd:
            self._start_error = self._api.error("CreateWindowExW (hotkey window)")
            self._ready.set()
            return
        self._hwnd = hwnd
        self._ready.set()
        msg = MSG()
        while user32.GetMessageW(ctypes.byref(msg), None, 0, 0) > 0:
            if msg.message == WM_HOTKEY:
                name = self._ids.get(int(msg.wParam))
                if name is not None:
                    # What the handler returns is never looked at; a bug in it must not end
                    # every hotkey.
                    with contextlib.suppress(Exception):
                        self._handler(name)
            elif msg.message == WM_CALL:
                if not self._run_calls():
                    break
            else:
                user32.TranslateMessage(ctypes.byref(msg))
                user32.DispatchMessageW(ctypes.byref(msg))
        for ident in list(self._ids):
            user32.UnregisterHotKey(hwnd, ident)
        self._ids.clear()
        user32.DestroyWindow(hwnd)

    def _run_calls(self) -> bool:
        """Run queued requests; False when one of them asks the loop to stop."""
        keep_going = True
        while True:
            try:
                call = self._calls.get_nowait()
            except queue.Empty:
                return keep_going
            try:
                call.result = call.fn()
            except BaseException as err:
                call.error = err
            if call.result is _STOP:
                keep_going = False
            call.done.set()

    def _call(self, fn: Callable[[], object]) -> object:
        """Run ``fn`` on the hotkey thread and return its result."""
        if self._hwnd is None or not self._thread.is_alive():
            raise OSError("the hotkey thread is not running")
        call = _Call(fn)
        self._calls.put(call)
        if not self._api.user32.PostMessageW(self._hwnd, WM_CALL, 0, 0):
            raise self._api.error("PostMessageW")
        if not call.done.wait(_START_TIMEOUT_S):
            raise OSError("the hotkey thread did not answer")
        if call.error is not None:
            raise call.error
        return call.result

    # -- Hotkeys protocol --------------------------------------------------------------------

    def set_handler(self, handler: Callable[[str], None]) -> None:
        self._handler = handler

    def registered(self) -> Mapping[str, Combo]:
        return dict(self._combos)

    def register(self, name: str, combo: Combo) -> Problem | None:
        self.unregister(name)
        vk = vk_code(combo.key)
        if not vk:
            return platform_problem(
                "hotkeys",
                f"hotkey {combo} for '{name}': key '{combo.key}' cannot be a global hotkey",
                "choose another key in settings",
                code="hotkey.not_global",
                args={"combo": str(combo), "name": name, "key": combo.key},
            )
        if str(combo) in IME_TOGGLES:
            return hotkey_ime(name, combo)
        mine = next((n for n, c in self._combos.items() if c == combo), None)
        if mine is not None:
            return hotkey_ours(name, combo, mine)
        mods = MOD_NOREPEAT
        for mod in combo.modifiers:
            mods |= _MOD_BITS[mod]
        ident = self._next_id
        self._next_id += 1
        try:
            error = self._call(lambda: self._register(ident, name, mods, vk))
        except OSError as err:  # the hotkey thread is gone: a message, never a traceback
            error = f"{err}"
        if error == ERROR_HOTKEY_ALREADY_REGISTERED:
            return hotkey_taken(name, combo)
        if error:
            reason = f"Windows error {error}" if isinstance(error, int) else str(error)
            return platform_problem(
                "hotkeys",
                f"hotkey {combo} for '{name}' could not be set: {reason}",
                "",
                code="hotkey.failed",
                args={"combo": str(combo), "name": name, "error": reason},
            )
        self._combos[name] = combo
        return None

    def _register(self, ident: int, name: str, mods: int, vk: int) -> int:
        if not self._api.user32.RegisterHotKey(self._hwnd, ident, mods, vk):
            return self._api.last_error() or ERROR_HOTKEY_ALREADY_REGISTERED
        self._ids[ident] = name
        return 0

    def unregister(self, name: str) -> None:
        if self._combos.pop(name, None) is None:
            return
        with contextlib.suppress(OSError):  # a dead hotkey thread took its hotkeys with it
            self._call(lambda: self._unregister(name))

    def _unregister(self, name: str) -> None:
        for ident in [i for i, n in self._ids.items() if n == name]:
            self._api.user32.UnregisterHotKey(self._hwnd, ident)
            del self._ids[ident]

    def close(self) -> None:
        if self._thread.is_alive() and self._hwnd is not None:
            try:
                self._call(lambda: _STOP)
            except OSError:
                return
            self._thread.join(_START_TIMEOUT_S)
        self._combos.clear()


_STOP = object()


def hotkey_ime(name: str, combo: Combo) -> Problem:
    """``combo`` is an input method's own switch (中/英, full/half width, punctuation)."""
    return platform_problem(
        "hotkeys",
        f"hotkey {combo} for '{name}' is the input method's own switch (Chinese/English, "
        "full/half width or punctuation); taking it would break typing in Chinese",
        "choose another combination in settings",
        code="hotkey.ime",
        args={"combo": str(combo), "name": name},
    )
