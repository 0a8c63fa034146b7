"""The Windows backend with keyboard, pyperclip and ctypes.windll faked: the same paste sequence
as on X11, the clash probe, and the clipboard snapshot over real ctypes memory."""

from __future__ import annotations

import ctypes
import sys
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

import pytest

from quickreply.platforms.base import parse_combo
from quickreply.platforms.fake import FakeScheduler
from quickreply.platforms.paste import PasteService
from quickreply.platforms.windows import WindowsBackend, create_windows_backend

CF_UNICODETEXT, CF_BITMAP, CF_DIB, CF_HTML = 13, 2, 8, 0xC0F1


@dataclass
class FakeWin32:
    """user32 + kernel32 over a clipboard of real ctypes buffers, plus windows and hotkeys."""

    clipboard: dict[int, bytes] = field(default_factory=dict)
    windows: dict[int, str] = field(default_factory=lambda: {0x1001: "千牛接待台", 0x2002: "QR"})
    foreground: int = 0x1001
    taken: set[tuple[int, int]] = field(default_factory=set)  # (mods & ~NOREPEAT, vk)
    opened: bool = False
    buffers: dict[int, ctypes.Array[ctypes.c_char]] = field(default_factory=dict)
    focus_requests: list[int] = field(default_factory=list)

    # kernel32: handles are the addresses of ctypes buffers, so string_at/memmove really work.
    def GlobalAlloc(self, flags: int, size: int) -> int:
        buffer = ctypes.create_string_buffer(size)
        address = ctypes.addressof(buffer)
        self.buffers[address] = buffer
        return address

    def GlobalLock(self, handle: int) -> int:
        return handle

    def GlobalUnlock(self, handle: int) -> int:
        return 1

    def GlobalSize(self, handle: int) -> int:
        return len(self.buffers[handle])

    # user32: clipboard
    def OpenClipboard(self, owner: object) -> int:
        self.opened = True
        return 1

    def CloseClipboard(self) -> int:
        self.opened = False
        return 1

    def EmptyClipboard(self) -> int:
        assert self.opened
        self.clipboard = {}
        return 1

    def EnumClipboardFormats(self, after: int) -> int:
        formats = sorted(self.clipboard)
        later = [f for f in formats if f > after] if after else formats
        return later[0] if later else 0

    def GetClipboardData(self, fmt: int) -> int:
        assert self.opened
        data = self.clipboard[fmt]
        handle = self.GlobalAlloc(0, len(data))
        ctypes.memmove(handle, data, len(data))
        return handle

    def SetClipboardData(self, fmt: int, handle: int) -> int:
        assert self.opened
        self.clipboard[fmt] = bytes(self.buffers[handle])
        return handle

    # user32: hotkeys and windows
    def RegisterHotKey(self, hwnd: object, ident: int, mods: int, vk: int) -> int:
        return 0 if (mods & ~0x4000, vk) in self.taken else 1

    def UnregisterHotKey(self, hwnd: object, ident: int) -> int:
        return 1

    def GetForegroundWindow(self) -> int:
        return self.foreground

    def IsWindow(self, hwnd: int) -> int:
        return int(hwnd in self.windows)

    IsWindowVisible = IsWindow

    def IsIconic(self, hwnd: int) -> int:
        return 0

    def SetForegroundWindow(self, hwnd: int) -> int:
        self.focus_requests.append(hwnd)
        if hwnd in self.windows:
            self.foreground = hwnd
            return 1
        return 0

    def GetWindowTextLengthW(self, hwnd: int) -> int:
        return len(self.windows.get(hwnd, ""))

    def GetWindowTextW(self, hwnd: int, buffer: Any, size: int) -> int:
        buffer.value = self.windows.get(hwnd, "")[: size - 1]
        return len(buffer.value)


class _Fn:
    """A callable with a settable ``restype``, like a ctypes function pointer."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn = fn
        self.restype: object = None

    def __call__(self, *args: Any) -> Any:
        return self.fn(*args)


class _Dll:
    def __init__(self, win: FakeWin32) -> None:
        self._win = win
        self._cache: dict[str, _Fn] = {}

    def __getattr__(self, name: str) -> _Fn:
        if name not in self._cache:
            self._cache[name] = _Fn(getattr(self._win, name))
        return self._cache[name]


@dataclass
class FakeKeyboard:
    """The keyboard package: hotkeys by string, sends recorded, keys held on demand."""

    win: FakeWin32
    clip: dict[str, str]
    hotkeys: dict[str, Callable[[], None]] = field(default_factory=dict)
    sent: list[str] = field(default_factory=list)
    held: set[str] = field(default_factory=set)
    typed: dict[int, str] = field(default_factory=dict)

    def add_hotkey(self, combo: str, callback: Callable[[], None], suppress: bool = False) -> str:
        self.hotkeys[combo] = callback
        return combo

    def remove_hotkey(self, handle: str) -> None:
        del self.hotkeys[handle]

    def is_pressed(self, key: str) -> bool:
        return key in self.held

    def send(self, combo: str) -> None:
        self.sent.append(combo)
        if combo in ("ctrl+v", "shift+insert"):
            self.typed[self.win.foreground] = (
                self.typed.get(self.win.foreground, "") + self.clip["text"]
            )


@pytest.fixture
def win(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[FakeWin32, FakeKeyboard]]:
    fake = FakeWin32()
    clip = {"text": ""}

    def copy(text: str) -> None:
        clip["text"] = text
        fake.clipboard = {CF_UNICODETEXT: (text + "\0").encode("utf-16-le")}

    def paste() -> str:
        data = fake.clipboard.get(CF_UNICODETEXT)
        return data.decode("utf-16-le").rstrip("\0") if data else ""

    keyboard = FakeKeyboard(fake, clip)
    kb_module = types.ModuleType("keyboard")
    for name in ("add_hotkey", "remove_hotkey", "is_pressed", "send"):
        setattr(kb_module, name, getattr(keyboard, name))
    pc_module = types.ModuleType("pyperclip")
    pc_module.copy = copy  # type: ignore[attr-defined]
    pc_module.paste = paste  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyboard", kb_module)
    monkeypatch.setitem(sys.modules, "pyperclip", pc_module)
    windll = types.SimpleNamespace(user32=_Dll(fake), kernel32=_Dll(fake))
    monkeypatch.setattr(ctypes, "windll", windll, raising=False)
    # What pyperclip would see: the typed text goes through the fake clipboard.
    original_send = keyboard.send

    def send(combo: str) -> None:
        clip["text"] = paste()
        original_send(combo)

    kb_module.send = send  # type: ignore[attr-defined]
    yield fake, keyboard


def test_paste_sequence_on_windows_types_text_and_restores_every_format(
    win: tuple[FakeWin32, FakeKeyboard],
) -> None:
    fake, keyboard = win
    fake.clipboard = {
        CF_UNICODETEXT: "原来的\0".encode("utf-16-le"),
        CF_HTML: b"Version:0.9\r\n<b>x</b>",
        CF_DIB: b"BM-ish image bytes",
        CF_BITMAP: b"",  # a GDI handle: listed as skipped, Windows rebuilds it from CF_DIB
    }
    before = {k: v for k, v in fake.clipboard.items() if k != CF_BITMAP}
    backend = create_windows_backend()
    sched = FakeScheduler()
    problems: list[str] = []
    service = PasteService(
        backend, sched, sched.clock, on_problem=lambda p: problems.append(str(p))
    )
    keyboard.held = {"ctrl", "alt", "1"}
    service.paste("亲，在的~\n请问有什么可以帮您？", combo=parse_combo("ctrl+alt+1"), send=True)
    sched.advance(20)
    assert keyboard.sent == []  # still held: nothing typed yet
    keyboard.held = set()
    sched.run_until_idle()
    assert keyboard.typed[0x1001] == "亲，在的~\n请问有什么可以帮您？"
    assert keyboard.sent == ["ctrl+v", "enter"]
    assert fake.clipboard == before
    assert problems == []


def test_focus_goes_back_to_the_remembered_window(win: tuple[FakeWin32, FakeKeyboard]) -> None:
    fake, keyboard = win
    backend = create_windows_backend()
    sched = FakeScheduler()
    target = backend.windows.current()
    fake.foreground = 0x2002  # the palette took it
    service = PasteService(backend, sched, sched.clock)
    service.paste("好的", target=target)
    sched.run_until_idle()
    assert fake.focus_requests == [0x1001]
    assert keyboard.typed == {0x1001: "好的"}
    assert backend.windows.title(0x1001) == "千牛接待台"


def test_closed_target_types_nothing(win: tuple[FakeWin32, FakeKeyboard]) -> None:
    fake, keyboard = win
    backend = create_windows_backend()
    sched = FakeScheduler()
    problems: list[str] = []
    service = PasteService(
        backend, sched, sched.clock, on_problem=lambda p: problems.append(str(p))
    )
    del fake.windows[0x1001]
    service.paste("好的", target=0x1001)
    sched.run_until_idle()
    assert keyboard.sent == [] and keyboard.typed == {}
    assert "the chat window was closed before the paste" in problems[0]


def test_hotkey_taken_by_another_program_is_named_and_others_register(
    win: tuple[FakeWin32, FakeKeyboard],
) -> None:
    fake, keyboard = win
    fake.taken = {(0x1 | 0x2, ord("9"))}  # ctrl+alt+9 registered by another program
    backend = create_windows_backend()
    fired: list[str] = []
    backend.hotkeys.set_handler(fired.append)
    problem = backend.hotkeys.register("snippet:x", parse_combo("ctrl+alt+9"))
    assert str(problem) == (
        "quickreply:0: hotkeys: hotkey ctrl+alt+9 for 'snippet:x' is already taken by another "
        "program (choose another combination in settings or close the other program)"
    )
    assert backend.hotkeys.register("palette", parse_combo("ctrl+alt+space")) is None
    assert list(keyboard.hotkeys) == ["ctrl+alt+space"]
    keyboard.hotkeys["ctrl+alt+space"]()
    assert fired == ["palette"]
    backend.hotkeys.unregister("palette")
    assert keyboard.hotkeys == {}


def test_fifty_thousand_characters_paste_whole(win: tuple[FakeWin32, FakeKeyboard]) -> None:
    _, keyboard = win
    backend = create_windows_backend()
    sched = FakeScheduler()
    text = ("亲，您好！" * 10_000)[:50_000]
    PasteService(backend, sched, sched.clock).paste(text)
    sched.run_until_idle()
    assert keyboard.typed[0x1001] == text


def test_missing_keyboard_package_disables_only_this_backend(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quickreply.platforms.select import choose_backend

    monkeypatch.setitem(sys.modules, "keyboard", None)
    choice = choose_backend("windows", {})
    assert choice.backend is None
    assert str(choice.problem).startswith(
        "quickreply:0: backend: the Windows backend cannot start: a package is missing"
    )
    assert cast(Any, WindowsBackend) is not None
