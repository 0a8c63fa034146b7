"""The clipboard and global memory of the strict Win32 fake (mixed into ``FakeWin32``).

Rules modelled: ``OpenClipboard(NULL)`` + ``EmptyClipboard`` leaves no owner, then
``SetClipboardData`` fails; another program may hold the clipboard open (``busy``); the
sequence number changes on every change; Win+V history records each change that lacks the
exclusion format; memory handles sit above 4 GB and the app's leaks are counted; pyperclip's
own Windows clipboard code is reproduced for the backend before issue 19.
"""

from __future__ import annotations

import ctypes
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

CF_TEXT, CF_BITMAP, CF_DIB, CF_UNICODETEXT, CF_LOCALE = 1, 2, 8, 13, 16
ERROR_ACCESS_DENIED, ERROR_INVALID_HANDLE = 5, 6
ERROR_CLIPBOARD_NOT_OPEN = 1418


@dataclass
class Memory:
    buffer: ctypes.Array[ctypes.c_char]
    owner: str  # "app" until handed to the clipboard, then "clipboard"
    freed: bool = False


class ClipboardRules:
    """Clipboard and memory functions; ``FakeWin32`` holds the state they act on."""

    memory: dict[int, Memory]
    clipboard: dict[int, bytes]
    clip_open: tuple[int, int] | None
    clip_owner: int | None
    formats: dict[str, int]
    _fail: Callable[..., Any]
    _tid: Callable[[], int]

    # -- kernel32: memory -----------------------------------------------------------------

    def GlobalAlloc(self, flags: int, size: int) -> int:
        self._next_handle += 0x1000
        self.memory[self._next_handle] = Memory(ctypes.create_string_buffer(max(1, size)), "app")
        return self._next_handle

    def _mem(self, handle: int) -> Memory | None:
        found = self.memory.get(handle)
        return None if found is None or found.freed else found

    def GlobalLock(self, handle: int) -> int:
        mem = self._mem(handle)
        return ctypes.addressof(mem.buffer) if mem else self._fail(ERROR_INVALID_HANDLE)

    def GlobalUnlock(self, handle: int) -> int:
        return 1 if self._mem(handle) else self._fail(ERROR_INVALID_HANDLE)

    def GlobalSize(self, handle: int) -> int:
        mem = self._mem(handle)
        return len(mem.buffer) if mem else self._fail(ERROR_INVALID_HANDLE)

    def GlobalFree(self, handle: int) -> int:
        mem = self._mem(handle)
        if mem is None or mem.owner != "app":
            return self._fail(ERROR_INVALID_HANDLE, handle)
        mem.freed = True
        return 0

    def leaked(self) -> list[int]:
        """Handles the app allocated and neither freed nor gave to the clipboard."""
        return [h for h, m in self.memory.items() if m.owner == "app" and not m.freed]

    def check_address(self, address: int, size: int) -> None:
        for mem in self.memory.values():
            start = ctypes.addressof(mem.buffer)
            if not mem.freed and start <= address and address + size <= start + len(mem.buffer):
                return
        raise OSError(f"exception: access violation at {address:#x}")

    # -- user32: clipboard ----------------------------------------------------------------

    def OpenClipboard(self, hwnd: int) -> int:
        self.open_attempts += 1
        if self.busy > 0:
            self.busy -= 1
            return self._fail(ERROR_ACCESS_DENIED)
        if self.clip_open is not None:
            return self._fail(ERROR_ACCESS_DENIED)
        if hwnd and hwnd not in self.windows:
            return self._fail(1400)  # ERROR_INVALID_WINDOW_HANDLE
        self.clip_open = (hwnd, self._tid())
        self.clip_changed = False
        return 1

    def _is_open(self) -> bool:
        return self.clip_open is not None and self.clip_open[1] == self._tid()

    def CloseClipboard(self) -> int:
        if not self._is_open():
            return self._fail(ERROR_CLIPBOARD_NOT_OPEN)
        exclude = self.formats.get("ExcludeClipboardContentFromMonitorProcessing")
        if self.clip_changed and (exclude is None or exclude not in self.clipboard):
            self.history.append(dict(self.clipboard))
        self.clip_open = None
        return 1

    def EmptyClipboard(self) -> int:
        if not self._is_open():
            return self._fail(ERROR_CLIPBOARD_NOT_OPEN)
        for mem in self.memory.values():
            if mem.owner == "clipboard":
                mem.freed = True
        self.clipboard = {}
        # "If an application calls OpenClipboard with hWnd set to NULL, EmptyClipboard sets the
        # clipboard owner to NULL; this causes SetClipboardData to fail."
        assert self.clip_open is not None
        self.clip_owner = self.clip_open[0] or None
        self.seq += 1
        self.clip_changed = True
        return 1

    def EnumClipboardFormats(self, after: int) -> int:
        if not self._is_open():
            return self._fail(ERROR_CLIPBOARD_NOT_OPEN)
        later = [f for f in sorted(self.clipboard) if f > after]
        return later[0] if later else self._fail(0)

    def GetClipboardData(self, fmt: int) -> int:
        if not self._is_open() or fmt not in self.clipboard:
            return self._fail(ERROR_CLIPBOARD_NOT_OPEN)
        data = self.clipboard[fmt]
        handle = self.GlobalAlloc(0, len(data))
        ctypes.memmove(self.memory[handle].buffer, data, len(data))
        self.memory[handle].owner = "clipboard"
        return handle

    def SetClipboardData(self, fmt: int, handle: int) -> int:
        if not self._is_open():
            return self._fail(ERROR_CLIPBOARD_NOT_OPEN)
        if self.clip_owner is None or self.refuse_data:
            return self._fail(ERROR_CLIPBOARD_NOT_OPEN)
        mem = self._mem(handle)
        if mem is None:
            return self._fail(ERROR_INVALID_HANDLE)
        mem.owner = "clipboard"
        self.clipboard[fmt] = bytes(mem.buffer)
        self.seq += 1
        self.clip_changed = True
        return handle

    def GetClipboardSequenceNumber(self) -> int:
        return self.seq

    def RegisterClipboardFormatW(self, name: str) -> int:
        return self.formats.setdefault(name, 0xC100 + len(self.formats))

    def copy_from_other_program(self, formats: dict[int, bytes]) -> None:
        """Another program (or the agent's Ctrl+C) puts ``formats`` on the clipboard."""
        for mem in self.memory.values():
            if mem.owner == "clipboard":
                mem.freed = True
        self.clipboard = dict(formats)
        self.clip_owner = 0x9999
        self.seq += 2
        self.history.append(dict(formats))

    def agent_view(self) -> dict[int, bytes]:
        """The clipboard's formats without the history-exclusion marker."""
        exclude = self.formats.get("ExcludeClipboardContentFromMonitorProcessing")
        return {k: v for k, v in self.clipboard.items() if k != exclude}

    def text(self) -> str | None:
        data = self.clipboard.get(CF_UNICODETEXT)
        return None if data is None else data.decode("utf-16-le").split("\0")[0]


class FakePyperclip(types.ModuleType):
    """pyperclip on Windows: its own hidden window as owner, 500 ms of OpenClipboard retries."""

    def __init__(self, world: Any) -> None:  # a FakeWin32
        super().__init__("pyperclip")
        self._world = world

    @contextmanager
    def _opened(self, hwnd: int) -> Iterator[None]:
        for _ in range(50):
            if self._world.OpenClipboard(hwnd):
                break
        else:
            raise RuntimeError("Error calling OpenClipboard")
        try:
            yield
        finally:
            self._world.CloseClipboard()

    def copy(self, text: str) -> None:
        world = self._world
        hwnd = world.CreateWindowExW(0, "STATIC", None, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        with self._opened(hwnd):
            world.EmptyClipboard()
            data = (text + "\0").encode("utf-16-le")
            handle = world.GlobalAlloc(2, len(data))
            ctypes.memmove(world.memory[handle].buffer, data, len(data))
            world.SetClipboardData(CF_UNICODETEXT, handle)
        world.DestroyWindow(hwnd)

    def paste(self) -> str:
        with self._opened(0):
            return self._world.text() or ""
