"""A strict fake of the Win32 rules the Windows backend depends on, for tests on Linux.

It models what the documentation says Windows does, not what the backend expects (the
clipboard and memory rules live in ``win32fake_clipboard.py``, window classes and the shell hook
in ``win32fake_shell.py``):

* ctypes: a function without ``argtypes`` gets its integer arguments masked to a C ``int`` and
  its result masked by ``restype`` (``c_int`` by default), so 64-bit handles are cut like on
  real 64-bit Windows; ``memmove``/``string_at`` on an address that is not locked memory raise
  ``OSError`` (ctypes' "access violation") instead of crashing the test process;
* the clipboard: ``OpenClipboard(NULL)`` + ``EmptyClipboard`` leaves no owner and then
  ``SetClipboardData`` fails; another program may hold it open (``busy``); a sequence number
  changes on every change; Win+V history records every change without the exclusion format;
* global memory handles above 4 GB, with leak accounting;
* hotkeys: ``RegisterHotKey`` binds to the calling thread's window, clashes fail with
  ERROR_HOTKEY_ALREADY_REGISTERED, auto-repeat posts one WM_HOTKEY per keydown unless
  MOD_NOREPEAT; message queues per thread (``GetMessageW`` blocks);
* the ``keyboard`` package: a low-level hook that lets a key through when the callback returns
  something truthy, fires on auto-repeat, holds back Ctrl while ``suppress=True`` hotkeys exist,
  is removed silently when it is slower than LowLevelHooksTimeout, and keeps a pressed-keys
  table that goes stale when a key-up is missed (Win+L);
* ``SendInput`` (cbSize checked) and UIPI: input to a process of higher integrity is dropped
  with no error; the foreground-lock rules of ``SetForegroundWindow``.
"""

from __future__ import annotations

import ctypes
import queue
import sys
import threading
import time
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.win32fake_clipboard import (
    ERROR_ACCESS_DENIED,
    ERROR_INVALID_HANDLE,
    ClipboardRules,
    FakePyperclip,
    Memory,
)
from tests.win32fake_shell import ShellRules

MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
WM_HOTKEY, WM_QUIT = 0x0312, 0x0012
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
ERROR_WINDOW_OF_OTHER_THREAD = 1408
MEDIUM, HIGH = 0x2000, 0x3000
_REAL_MEMMOVE = ctypes.memmove  # the fake's own writes are not the backend's
LL_HOOK_TIMEOUT_MS = 1000  # the most Windows 10 1709+ allows
SIZEOF_INPUT_64 = 40  # sizeof(INPUT) on 64-bit Windows (the MOUSEINPUT arm is the largest)
VK = {"ctrl": 0x11, "alt": 0x12, "shift": 0x10, "meta": 0x5B, "space": 0x20, "enter": 0x0D}
VK.update({"insert": 0x2D, "v": 0x56})
_MOD_BITS = {"ctrl": MOD_CONTROL, "alt": MOD_ALT, "shift": MOD_SHIFT, "meta": MOD_WIN}
_KB_NAMES = {"windows": "meta", "win": "meta", "control": "ctrl"}


def parse(combo: str) -> tuple[int, int, str]:
    """``"ctrl+alt+1"`` (or a ``keyboard`` name) -> (MOD_* bits, VK code, canonical text)."""
    parts = [_KB_NAMES.get(p, p) for p in combo.lower().split("+")]
    *mods, key = parts
    bits = 0
    for mod in mods:
        bits |= _MOD_BITS[mod]
    vk = VK.get(key) or (ord(key.upper()) if len(key) == 1 else 0x70 + int(key[1:]) - 1)
    order = [m for m in ("ctrl", "alt", "shift", "meta") if m in mods]
    return bits, vk, "+".join([*order, key])


@dataclass
class Window:
    hwnd: int
    title: str
    pid: int
    tid: int = 0
    visible: bool = True
    iconic: bool = False
    typed: str = ""  # what reached the window: pasted text and stray keys
    sent: list[str] = field(default_factory=list)  # messages sent with Enter


class Fn:
    """One ctypes function pointer: ``argtypes``/``restype`` decide how values cross."""

    def __init__(self, impl: Callable[..., Any]) -> None:
        self.impl = impl
        self.argtypes: list[Any] | None = None
        self.restype: Any = ctypes.c_int
        self.errcheck: Any = None

    def __call__(self, *args: Any) -> Any:
        if self.argtypes is None:
            # What ctypes does with a Python int and no argtypes: pass it as a C int.
            args = tuple(ctypes.c_int(a).value if isinstance(a, int) else a for a in args)
            args = tuple(0 if a is None else a for a in args)
        else:
            if len(args) != len(self.argtypes):
                raise TypeError(
                    f"{self.impl.__name__}: {len(args)} arguments for a signature of "
                    f"{len(self.argtypes)}"
                )
            args = tuple(_convert(t, a) for t, a in zip(self.argtypes, args, strict=True))
        result = self.impl(*args)
        if self.restype is None:
            return None
        if self.restype is ctypes.c_void_p:
            value = ctypes.c_void_p(result or 0).value
        elif isinstance(self.restype, type) and issubclass(self.restype, ctypes._SimpleCData):
            value = self.restype(result or 0).value
        else:
            value = result
        if self.errcheck is not None:
            return self.errcheck(value, self, args)
        return value


def _convert(argtype: Any, value: Any) -> Any:
    if isinstance(value, ctypes._SimpleCData) and not isinstance(value, ctypes.c_char_p):
        value = value.value  # a HANDLE() or DWORD() passed by value
    if argtype is ctypes.c_void_p:
        if value is None or isinstance(value, int):
            return ctypes.c_void_p(value).value or 0
        return value  # a buffer or byref() where a pointer is expected
    if isinstance(argtype, type) and issubclass(argtype, ctypes._SimpleCData):
        if argtype in (ctypes.c_wchar_p, ctypes.c_char_p):
            return value
        return argtype(value or 0).value
    return value  # pointers and arrays: the fake reads them as given


class Dll:
    """A ``WinDLL``: attributes are :class:`Fn` objects over the world's methods."""

    def __init__(self, world: FakeWin32, name: str) -> None:
        self._world = world
        self._name = name
        self._fns: dict[str, Fn] = {}

    def __getattr__(self, name: str) -> Fn:
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in self._fns:
            impl = getattr(self._world, name, None)
            if impl is None:
                raise AttributeError(f"function '{name}' not found in {self._name}")
            self._fns[name] = Fn(impl)
        return self._fns[name]


class FakeWin32(ShellRules, ClipboardRules):
    """The Windows world one test acts on; the backend under test sees it through ctypes."""

    SELF_PID = 4242
    CHAT, PALETTE, NOTEPAD = 0x1001, 0x2002, 0x3003

    def __init__(self) -> None:
        self.processes: dict[int, int] = {self.SELF_PID: MEDIUM, 5000: MEDIUM, 6000: MEDIUM}
        self.windows: dict[int, Window] = {
            self.CHAT: Window(self.CHAT, "千牛接待台", 5000),
            self.PALETTE: Window(self.PALETTE, "QR", self.SELF_PID),
            self.NOTEPAD: Window(self.NOTEPAD, "无标题 - 记事本", 6000),
        }
        self.foreground = self.CHAT
        self.input_rights = False  # our process received the last input event
        self.focus_requests: list[int] = []
        # clipboard
        self.clipboard: dict[int, bytes] = {}
        self.clip_owner: int | None = None
        self.clip_open: tuple[int, int] | None = None  # (owner hwnd or 0, thread)
        self.clip_changed = False
        self.seq = 1
        self.busy = 0  # the next `busy` OpenClipboard calls fail (another program holds it)
        self.open_attempts = 0
        self.refuse_data = False  # SetClipboardData fails (out of memory, a bad format...)
        self.history: list[dict[int, bytes]] = []  # Win+V
        self.formats: dict[str, int] = {"HTML Format": 0xC0F1}
        # memory: handles are above 4 GB on purpose
        self.memory: dict[int, Memory] = {}
        self._next_handle = 0x20A_0000_0000
        # hotkeys, threads and messages
        self.hotkeys: dict[tuple[int, int], tuple[int, int, int]] = {}  # (hwnd,id)->(mods,vk,tid)
        self.taken: set[tuple[int, int]] = set()  # (mods, vk) held by other programs
        self._tids: dict[int, int] = {}
        self._queues: dict[int, queue.Queue[tuple[int, int, int, int]]] = {}
        self._in_flight: dict[int, bool] = {}
        self._lock = threading.RLock()
        self._errors = threading.local()
        # keys
        self.physical: set[int] = set()  # what GetAsyncKeyState sees
        self.sent: list[str] = []  # key combinations injected, decoded
        self._injected_down: list[int] = []
        # the `keyboard` package's low-level hook
        self.kb_hooks: dict[str, tuple[Callable[[], Any], bool]] = {}
        self.kb_table: set[str] = set()  # keyboard.is_pressed's own table
        self.kb_hook_removed = False
        self.gil_busy_ms = 0  # how long our process takes to run a hook callback
        self._shell_init()

    # -- plumbing -------------------------------------------------------------------------

    def _tid(self) -> int:
        with self._lock:
            return self._tids.setdefault(threading.get_ident(), 100 + len(self._tids))

    def _fail(self, code: int, result: Any = 0) -> Any:
        self._errors.code = code
        return result

    def get_last_error(self) -> int:
        return int(getattr(self._errors, "code", 0))

    def _queue(self, tid: int) -> queue.Queue[tuple[int, int, int, int]]:
        with self._lock:
            return self._queues.setdefault(tid, queue.Queue())

    def post(self, tid: int, hwnd: int, msg: int, wparam: int, lparam: int) -> None:
        self._queue(tid).put((hwnd, msg, wparam, lparam))

    def settle(self, timeout: float = 5.0) -> None:
        """Wait until every message posted so far has been handled by its thread's loop."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self._lock:
                busy = [q for q in self._queues.values() if q.unfinished_tasks]
            if not busy:
                return
            time.sleep(0.002)
        raise AssertionError("a message loop did not handle its messages")

    def GetCurrentThreadId(self) -> int:
        return self._tid()

    def GetCurrentProcess(self) -> int:
        return -1  # the pseudo-handle

    def GetCurrentProcessId(self) -> int:
        return self.SELF_PID

    def OpenProcess(self, access: int, inherit: int, pid: int) -> int:
        return 0x7000_0000_0000 + pid if pid in self.processes else self._fail(87)

    def CloseHandle(self, handle: int) -> int:
        return 1

    # -- advapi32: integrity levels -------------------------------------------------------

    def _pid_of_process_handle(self, handle: int) -> int:
        if handle in (-1, 0xFFFF_FFFF_FFFF_FFFF):
            return self.SELF_PID
        return handle - 0x7000_0000_0000

    def OpenProcessToken(self, process: int, access: int, token: Any) -> int:
        pid = self._pid_of_process_handle(process)
        if pid not in self.processes:
            return self._fail(ERROR_INVALID_HANDLE)
        if self.processes[pid] > self.processes[self.SELF_PID]:
            return self._fail(ERROR_ACCESS_DENIED)  # an elevated process's token is off limits
        _target(token).value = 0x7100_0000_0000 + pid
        return 1

    def GetTokenInformation(
        self, token: int, klass: int, buffer: Any, size: int, needed: Any
    ) -> int:
        assert klass == 25, "TokenIntegrityLevel"
        pid = token - 0x7100_0000_0000
        # TOKEN_MANDATORY_LABEL {SID_AND_ATTRIBUTES {PSID Sid; DWORD Attributes}} then the SID:
        # revision 1, one sub-authority, authority SECURITY_MANDATORY_LABEL_AUTHORITY (16).
        sid = bytes([1, 1, 0, 0, 0, 0, 0, 16]) + self.processes[pid].to_bytes(4, "little")
        total = 16 + len(sid)
        _target(needed).value = total
        if size < total:
            return self._fail(122)  # ERROR_INSUFFICIENT_BUFFER
        base = ctypes.addressof(_target(buffer))
        _REAL_MEMMOVE(base + 16, sid, len(sid))
        ctypes.c_uint64.from_address(base).value = base + 16
        ctypes.c_uint32.from_address(base + 8).value = 0x20  # SE_GROUP_INTEGRITY
        return 1

    def GetSidSubAuthorityCount(self, sid: int) -> int:
        return sid + 1

    def GetSidSubAuthority(self, sid: int, index: int) -> int:
        return sid + 8 + 4 * index

    # -- user32: windows, focus and messages ----------------------------------------------

    def CreateWindowExW(self, ex: int, cls: str, name: Any, style: int, *rest: Any) -> int:
        hwnd = 0x5000 + len(self.windows)
        parent = rest[4]
        message_only = parent == ctypes.c_void_p(-3).value
        if not self._window_made(hwnd, str(cls), parent or 0, message_only):
            return self._fail(1407)  # ERROR_CANNOT_FIND_WND_CLASS
        visible = bool(style & 0x1000_0000) and not message_only
        self.windows[hwnd] = Window(hwnd, "", self.SELF_PID, self._tid(), visible=visible)
        return hwnd

    def DestroyWindow(self, hwnd: int) -> int:
        window = self.windows.get(hwnd)
        if window is None or window.tid != self._tid():
            return self._fail(ERROR_ACCESS_DENIED)
        del self.windows[hwnd]
        self._window_gone(hwnd)
        for key in [k for k in self.hotkeys if k[0] == hwnd]:
            del self.hotkeys[key]
        return 1

    def GetForegroundWindow(self) -> int:
        return self.foreground

    def IsWindow(self, hwnd: int) -> int:
        return int(hwnd in self.windows)

    def IsWindowVisible(self, hwnd: int) -> int:
        return int(hwnd in self.windows and self.windows[hwnd].visible)

    def IsIconic(self, hwnd: int) -> int:
        return int(hwnd in self.windows and self.windows[hwnd].iconic)

    def ShowWindow(self, hwnd: int, cmd: int) -> int:
        if hwnd in self.windows and cmd == 9:  # SW_RESTORE
            self.windows[hwnd].iconic = False
        return 1

    def SetForegroundWindow(self, hwnd: int) -> int:
        self.focus_requests.append(hwnd)
        if hwnd not in self.windows:
            return 0
        ours = self.windows[self.foreground].pid == self.SELF_PID if self.foreground else True
        if not (ours or self.input_rights):
            return 0  # the foreground lock: Windows flashes the taskbar button instead
        self.foreground = hwnd
        return 1

    def GetWindowTextLengthW(self, hwnd: int) -> int:
        return len(self.windows[hwnd].title) if hwnd in self.windows else 0

    def GetWindowTextW(self, hwnd: int, buffer: Any, size: int) -> int:
        target = _target(buffer)
        target.value = self.windows[hwnd].title[: size - 1] if hwnd in self.windows else ""
        return len(target.value)

    def GetWindowThreadProcessId(self, hwnd: int, pid: Any) -> int:
        window = self.windows.get(hwnd)
        if window is None:
            return 0
        if pid:
            _target(pid).value = window.pid
        return 1

    def RegisterHotKey(self, hwnd: int, ident: int, mods: int, vk: int) -> int:
        tid = self._tid()
        if hwnd and (hwnd not in self.windows or self.windows[hwnd].tid != tid):
            return self._fail(ERROR_WINDOW_OF_OTHER_THREAD)
        plain = (mods & ~MOD_NOREPEAT, vk)
        if plain in self.taken or any(
            (m & ~MOD_NOREPEAT, v) == plain for m, v, _ in self.hotkeys.values()
        ):
            return self._fail(ERROR_HOTKEY_ALREADY_REGISTERED)
        self.hotkeys[(hwnd, ident)] = (mods, vk, tid)
        return 1

    def UnregisterHotKey(self, hwnd: int, ident: int) -> int:
        entry = self.hotkeys.get((hwnd, ident))
        if entry is None or entry[2] != self._tid():
            return self._fail(1419)  # ERROR_HOTKEY_NOT_REGISTERED
        del self.hotkeys[(hwnd, ident)]
        return 1

    def PostMessageW(self, hwnd: int, msg: int, wparam: int, lparam: int) -> int:
        window = self.windows.get(hwnd)
        if window is None:
            return self._fail(1400)
        self.post(window.tid, hwnd, msg, wparam, lparam)
        return 1

    def PostThreadMessageW(self, tid: int, msg: int, wparam: int, lparam: int) -> int:
        self.post(tid, 0, msg, wparam, lparam)
        return 1

    def GetMessageW(self, msg: Any, hwnd: int, low: int, high: int) -> int:
        tid = self._tid()
        q = self._queue(tid)
        if self._in_flight.get(tid):
            q.task_done()
        hwnd_, message, wparam, lparam = q.get()
        self._in_flight[tid] = True
        out = _target(msg)
        out.hwnd, out.message, out.wParam, out.lParam = hwnd_, message, wparam, lparam
        if message == WM_QUIT:
            q.task_done()
            self._in_flight[tid] = False
            return 0
        return 1

    def TranslateMessage(self, msg: Any) -> int:
        return 0

    def DispatchMessageW(self, msg: Any) -> int:
        m = _target(msg)
        return self._dispatch(m.hwnd or 0, m.message, m.wParam, m.lParam)

    # -- user32: keys ---------------------------------------------------------------------

    def GetAsyncKeyState(self, vk: int) -> int:
        generic = {0xA0: 0x10, 0xA1: 0x10, 0xA2: 0x11, 0xA3: 0x11, 0xA4: 0x12, 0xA5: 0x12}
        down = vk in self.physical or generic.get(vk) in self.physical
        return -0x8000 if down else 0

    def SendInput(self, count: int, inputs: Any, size: int) -> int:
        if size != SIZEOF_INPUT_64:
            return self._fail(87)  # ERROR_INVALID_PARAMETER: "If cbSize is not the size..."
        base = ctypes.addressof(_target(inputs))
        for i in range(count):
            # Read the 64-bit layout by offset: type at 0, KEYBDINPUT at 8 (wVk, wScan, flags).
            at = base + i * SIZEOF_INPUT_64
            assert ctypes.c_uint32.from_address(at).value == 1, "INPUT_KEYBOARD"
            vk = ctypes.c_uint16.from_address(at + 8).value
            up = bool(ctypes.c_uint32.from_address(at + 12).value & 0x2)
            if not up:
                self._injected_down.append(vk)
                continue
            if vk in (0x11, 0x10):
                continue
            mods = [n for n, v in (("ctrl", 0x11), ("shift", 0x10)) if v in self._injected_down]
            name = {0x56: "v", 0x2D: "insert", 0x0D: "enter"}.get(vk, hex(vk))
            self.inject("+".join([*mods, name]))
            self._injected_down = [v for v in self._injected_down if v in (0x11, 0x10)]
        self._injected_down = []
        return count

    def inject(self, combo: str) -> None:
        """A synthetic key combination reaches the foreground window, UIPI permitting."""
        self.sent.append(combo)
        window = self.windows.get(self.foreground)
        if window is None or self.processes[window.pid] > self.processes[self.SELF_PID]:
            return  # UIPI: dropped, and nobody is told
        if combo in ("ctrl+v", "shift+insert"):
            window.typed += self.text() or ""
        elif combo == "enter":
            window.sent.append(window.typed)
            window.typed = ""

    # -- the agent's hands ----------------------------------------------------------------

    def press(self, combo: str, repeats: int = 0) -> None:
        """The agent presses ``combo`` and holds it for ``repeats`` auto-repeats."""
        mods, vk, text = parse(combo)
        keys = {VK[m] for m, bit in _MOD_BITS.items() if mods & bit} | {vk}
        self.physical |= keys
        self.kb_table |= set(text.split("+"))
        try:
            for n in range(1 + repeats):
                self._keydown(mods, vk, text, repeat=n > 0)
        finally:
            self.physical -= keys
            self.kb_table -= set(text.split("+"))

    def _keydown(self, mods: int, vk: int, text: str, *, repeat: bool) -> None:
        # Low-level hooks see the key first (the `keyboard` package's hook).
        if self.kb_hooks and not self.kb_hook_removed:
            if self.gil_busy_ms > LL_HOOK_TIMEOUT_MS:
                self.kb_hook_removed = True  # removed silently (Windows 7+)
            else:
                found = self.kb_hooks.get(text)
                if found is not None:
                    # A hook only watches the key: the process does not "receive the input
                    # event", so no foreground rights come with it.
                    callback, suppress = found
                    if suppress and not callback():
                        return  # keyboard's listener: a falsy result blocks the key
                    if not suppress:
                        callback()
        for (hwnd, ident), (m, v, tid) in list(self.hotkeys.items()):
            if (m & ~MOD_NOREPEAT, v) == (mods, vk):
                if repeat and m & MOD_NOREPEAT:
                    return
                self.input_rights = True
                self.post(tid, hwnd, WM_HOTKEY, ident, (vk << 16) | mods)
                return
        window = self.windows.get(self.foreground)
        if window is not None:
            key = text.rsplit("+", 1)[-1]
            window.typed += " " if key == "space" else key

    def hold(self, *names: str) -> None:
        """The agent holds these keys down (both GetAsyncKeyState and the hook table see it)."""
        for name in names:
            self.physical.add(VK.get(name) or ord(name.upper()))
            self.kb_table.add(name)

    def release_all(self) -> None:
        self.physical.clear()
        self.kb_table.clear()

    def ctrl_click(self) -> str:
        """The agent Ctrl+clicks in the chat; returns what the chat saw."""
        holding = any(s and "ctrl" in c.split("+") for c, (_, s) in self.kb_hooks.items())
        if holding and not self.kb_hook_removed:
            return "click"  # keyboard holds Ctrl back until it knows it is not a hotkey
        return "ctrl+click"

    def lock_screen(self) -> None:
        """Win+L: the lock screen eats the key-ups, a low-level hook never sees them."""
        self.kb_table |= {"windows", "meta"}


def _target(arg: Any) -> Any:
    """What a pointer argument points at (``byref(x)``, ``pointer(x)`` or ``x`` itself)."""
    if hasattr(arg, "_obj"):
        return arg._obj
    if hasattr(arg, "contents"):
        return arg.contents
    return arg


class FakeKeyboardModule(types.ModuleType):
    """The parts of the ``keyboard`` package the old backend used, with its real semantics."""

    def __init__(self, world: FakeWin32) -> None:
        super().__init__("keyboard")
        self._world = world

    def add_hotkey(self, combo: str, callback: Callable[[], Any], suppress: bool = False) -> str:
        self._world.kb_hooks[parse(combo)[2]] = (callback, suppress)
        return combo

    def remove_hotkey(self, handle: str) -> None:
        del self._world.kb_hooks[parse(handle)[2]]

    def is_pressed(self, key: str) -> bool:
        return _KB_NAMES.get(key, key) in self._world.kb_table or key in self._world.kb_table

    def send(self, combo: str) -> None:
        self._world.inject(combo)


def install(monkeypatch: pytest.MonkeyPatch) -> FakeWin32:
    """Install the fake: ``ctypes.WinDLL``/``windll``, ``keyboard`` and ``pyperclip``."""
    world = FakeWin32()
    private = {n: Dll(world, n) for n in ("user32", "kernel32", "advapi32")}
    monkeypatch.setattr(
        ctypes, "WinDLL", lambda name, use_last_error=False: Dll(world, name), raising=False
    )
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(**private), raising=False)
    monkeypatch.setattr(ctypes, "get_last_error", world.get_last_error, raising=False)
    real_memmove, real_string_at = ctypes.memmove, ctypes.string_at

    def memmove(dst: Any, src: Any, count: int) -> Any:
        if isinstance(dst, int) or dst is None:
            world.check_address(dst or 0, count)
        return real_memmove(dst, src, count)

    def string_at(address: Any, size: int = -1) -> bytes:
        if isinstance(address, int) or address is None:
            world.check_address(address or 0, max(size, 0))
        return real_string_at(address, size)

    monkeypatch.setattr(ctypes, "memmove", memmove)
    monkeypatch.setattr(ctypes, "string_at", string_at)
    monkeypatch.setitem(sys.modules, "keyboard", FakeKeyboardModule(world))
    monkeypatch.setitem(sys.modules, "pyperclip", FakePyperclip(world))
    return world
