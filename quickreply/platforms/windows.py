"""Windows backend: ``keyboard`` for hotkeys and keys, ``pyperclip`` + Win32 for the clipboard,
``ctypes`` (user32/kernel32) for the foreground window.

All three are imported lazily when the backend is built, so a missing package disables only
this backend. The ``keyboard`` hook runs its callbacks on its own thread: the hotkey handler is
the bridge's, which only emits a Qt signal. See docs/windows.md for what was tested where.

Clashes: ``keyboard`` installs a low-level hook and never learns that another program holds a
combination, so each combination is first probed with ``RegisterHotKey`` (which fails with
ERROR_HOTKEY_ALREADY_REGISTERED when it is taken) and released at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from quickreply.core.problems import Problem
from quickreply.platforms.base import (
    Backend,
    ClipboardSnapshot,
    Combo,
    PasteShortcut,
    WindowRef,
    hotkey_ours,
    hotkey_taken,
    platform_problem,
)

MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
_MOD_BITS = {"alt": MOD_ALT, "ctrl": MOD_CONTROL, "shift": MOD_SHIFT, "meta": MOD_WIN}
_KEYBOARD_MODS = {"ctrl": "ctrl", "alt": "alt", "shift": "shift", "meta": "windows"}
_VK_NAMED = {
    "space": 0x20,
    "enter": 0x0D,
    "tab": 0x09,
    "escape": 0x1B,
    "backspace": 0x08,
    "delete": 0x2E,
    "insert": 0x2D,
    "home": 0x24,
    "end": 0x23,
    "pageup": 0x21,
    "pagedown": 0x22,
    "up": 0x26,
    "down": 0x28,
    "left": 0x25,
    "right": 0x27,
    "pause": 0x13,
    "print": 0x2C,
    ";": 0xBA,
    "=": 0xBB,
    "+": 0xBB,
    ",": 0xBC,
    "-": 0xBD,
    ".": 0xBE,
    "/": 0xBF,
    "`": 0xC0,
    "[": 0xDB,
    "\\": 0xDC,
    "]": 0xDD,
    "'": 0xDE,
}
_KEYBOARD_KEYS = {
    "escape": "esc",
    "pageup": "page up",
    "pagedown": "page down",
    "print": "print screen",
}
# Formats whose handle is a GDI object, not global memory: Windows synthesises CF_BITMAP from
# CF_DIB, the others are rare in chat work. They are listed in ``skipped``, not restored.
_GDI_FORMATS = {2, 3, 9, 14, 0x80, 0x82, 0x83, 0x8E}
_SYNTHESISED = {1, 7, 16}  # CF_TEXT, CF_OEMTEXT, CF_LOCALE come back from CF_UNICODETEXT
GMEM_MOVEABLE = 0x0002
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
_PROBE_ID = 0xB7F0


class WindowsUnavailable(RuntimeError):
    """The Windows backend cannot start; str() is one readable line."""


def _vk(key: str) -> int:
    if key in _VK_NAMED:
        return _VK_NAMED[key]
    if len(key) == 1 and key.isalnum():
        return ord(key.upper())
    if key.startswith("f") and key[1:].isdigit():
        return 0x70 + int(key[1:]) - 1
    return 0


def _keyboard_name(combo: Combo) -> str:
    mods = [_KEYBOARD_MODS[m] for m in ("ctrl", "alt", "shift", "meta") if m in combo.modifiers]
    key = _KEYBOARD_KEYS.get(combo.key, "plus" if combo.key == "+" else combo.key)
    return "+".join([*mods, key])


class WindowsBackend:
    """Hotkeys, Clipboard, KeySender and ForegroundWindow on Win32."""

    def __init__(self) -> None:
        try:
            import ctypes

            import keyboard
            import pyperclip
        except ImportError as err:
            raise WindowsUnavailable(f"a package is missing ({err})") from err
        windll = getattr(ctypes, "windll", None)
        if windll is None:
            raise WindowsUnavailable("this is not Windows (no ctypes.windll)")
        self._ctypes = ctypes
        self._kb = keyboard
        self._clip = pyperclip
        self._user32 = windll.user32
        self._kernel32 = windll.kernel32
        for fn, restype in (
            (self._user32.GetClipboardData, ctypes.c_void_p),
            (self._user32.SetClipboardData, ctypes.c_void_p),
            (self._user32.GetForegroundWindow, ctypes.c_void_p),
            (self._kernel32.GlobalAlloc, ctypes.c_void_p),
            (self._kernel32.GlobalLock, ctypes.c_void_p),
            (self._kernel32.GlobalSize, ctypes.c_size_t),
        ):
            fn.restype = restype  # 64-bit handles are truncated with the default int
        self._handler: Callable[[str], None] = lambda name: None
        self._combos: dict[str, Combo] = {}
        self._hooks: dict[str, Any] = {}
        self._our_text: str | None = None

    # -- Hotkeys ---------------------------------------------------------------------------

    def set_handler(self, handler: Callable[[str], None]) -> None:
        self._handler = handler

    def registered(self) -> Mapping[str, Combo]:
        return dict(self._combos)

    def register(self, name: str, combo: Combo) -> Problem | None:
        self.unregister(name)
        vk = _vk(combo.key)
        if not vk:
            return platform_problem(
                "hotkeys",
                f"hotkey {combo} for '{name}': key '{combo.key}' cannot be a global hotkey",
                "choose another key in settings",
                code="hotkey.not_global",
                args={"combo": str(combo), "name": name, "key": combo.key},
            )
        mine = next((n for n, c in self._combos.items() if c == combo), None)
        if mine is not None:
            return hotkey_ours(name, combo, mine)
        mods = MOD_NOREPEAT
        for mod in combo.modifiers:
            mods |= _MOD_BITS[mod]
        if not self._user32.RegisterHotKey(None, _PROBE_ID, mods, vk):
            return hotkey_taken(name, combo)
        self._user32.UnregisterHotKey(None, _PROBE_ID)
        try:
            hook = self._kb.add_hotkey(
                _keyboard_name(combo), lambda: self._handler(name), suppress=True
            )
        except (ValueError, ImportError, OSError) as err:
            return platform_problem(
                "hotkeys",
                f"hotkey {combo} for '{name}' could not be set: {err}",
                "",
                code="hotkey.failed",
                args={"combo": str(combo), "name": name, "error": str(err)},
            )
        self._combos[name] = combo
        self._hooks[name] = hook
        return None

    def unregister(self, name: str) -> None:
        hook = self._hooks.pop(name, None)
        self._combos.pop(name, None)
        if hook is not None:
            self._kb.remove_hotkey(hook)

    # -- KeySender -------------------------------------------------------------------------

    def send_paste(self, shortcut: PasteShortcut) -> None:
        self._kb.send("shift+insert" if shortcut == "shift+insert" else "ctrl+v")

    def send_enter(self) -> None:
        self._kb.send("enter")

    def keys_released(self, combo: Combo | None) -> bool:
        keys = ["ctrl", "alt", "shift", "windows"]
        if combo is not None:
            keys.append(_keyboard_name(Combo(frozenset(), combo.key)))
        return not any(self._kb.is_pressed(k) for k in keys)

    # -- ForegroundWindow ------------------------------------------------------------------

    def current(self) -> WindowRef | None:
        hwnd = self._user32.GetForegroundWindow()
        return int(hwnd) if hwnd else None

    def exists(self, window: WindowRef) -> bool:
        return bool(self._user32.IsWindow(window)) and bool(self._user32.IsWindowVisible(window))

    def activate(self, window: WindowRef) -> bool:
        if self._user32.IsIconic(window):
            self._user32.ShowWindow(window, 9)  # SW_RESTORE
        return bool(self._user32.SetForegroundWindow(window))

    def title(self, window: WindowRef) -> str:
        length = int(self._user32.GetWindowTextLengthW(window))
        buffer = self._ctypes.create_unicode_buffer(length + 1)
        self._user32.GetWindowTextW(window, buffer, length + 1)
        return str(buffer.value)

    # -- Clipboard -------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        self._clip.copy(text)
        self._our_text = text

    def holds_our_text(self, text: str) -> bool:
        return self._our_text == text and self._clip.paste() == text

    def save(self) -> ClipboardSnapshot:
        user32, kernel32 = self._user32, self._kernel32
        if not user32.OpenClipboard(None):
            # Another program holds the clipboard open: fall back to the text pyperclip sees.
            text = self._clip.paste()
            return ClipboardSnapshot({"13": text.encode("utf-16-le")} if text else {})
        formats: dict[str, bytes] = {}
        skipped: list[str] = []
        try:
            fmt = user32.EnumClipboardFormats(0)
            while fmt:
                if fmt in _GDI_FORMATS:
                    skipped.append(str(fmt))
                elif fmt not in _SYNTHESISED:
                    handle = user32.GetClipboardData(fmt)
                    pointer = kernel32.GlobalLock(handle) if handle else None
                    if pointer:
                        size = int(kernel32.GlobalSize(handle))
                        formats[str(fmt)] = self._ctypes.string_at(pointer, size)
                        kernel32.GlobalUnlock(handle)
                    else:
                        skipped.append(str(fmt))
                fmt = user32.EnumClipboardFormats(fmt)
        finally:
            user32.CloseClipboard()
        return ClipboardSnapshot(formats, tuple(skipped))

    def restore(self, snapshot: ClipboardSnapshot) -> None:
        user32, kernel32 = self._user32, self._kernel32
        if not user32.OpenClipboard(None):
            raise OSError("the clipboard is held open by another program")
        try:
            user32.EmptyClipboard()
            for name, data in snapshot.formats.items():
                handle = kernel32.GlobalAlloc(GMEM_MOVEABLE, max(1, len(data)))
                pointer = kernel32.GlobalLock(handle)
                self._ctypes.memmove(pointer, data, len(data))
                kernel32.GlobalUnlock(handle)
                user32.SetClipboardData(int(name), handle)  # the clipboard owns it now
        finally:
            user32.CloseClipboard()
        self._our_text = None

    def close(self) -> None:
        for name in list(self._hooks):
            self.unregister(name)


def create_windows_backend() -> Backend:
    """Build the Windows backend; raises :class:`WindowsUnavailable` with a readable reason."""
    win = WindowsBackend()
    return Backend(
        name="windows",
        hotkeys=win,
        clipboard=win,
        keys=win,
        windows=win,
        close=win.close,
    )
