"""The Windows backend: Win32 through ctypes for hotkeys, clipboard, keys, focus and attention.

Everything is built when the backend is created (``select.choose_backend``), so on another
OS only this backend is off. No third-party package: ``keyboard``'s low-level hook and
``pyperclip``'s text-only clipboard could not follow the rules docs/windows.md lists.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from quickreply.platforms.base import Backend
from quickreply.platforms.windows import win32
from quickreply.platforms.windows.attention import WinAttention
from quickreply.platforms.windows.clipboard import WinClipboard
from quickreply.platforms.windows.focus import WinForeground
from quickreply.platforms.windows.hotkeys import WinHotkeys
from quickreply.platforms.windows.keys import WinKeys

__all__ = ["WindowsBackend", "WindowsUnavailable", "create_windows_backend"]


class WindowsUnavailable(RuntimeError):
    """The Windows backend cannot start; str() is one readable line."""


class WindowsBackend:
    """The Windows services, built together and closed together."""

    def __init__(
        self,
        sleep: Callable[[float], None] = time.sleep,
        dib: Callable[[bytes], bytes | None] | None = None,
    ) -> None:
        try:
            api = win32.load()
        except (OSError, AttributeError) as err:
            raise WindowsUnavailable(str(err)) from err
        try:
            self.clipboard = WinClipboard(api, sleep, dib)
            self.keys = WinKeys(api)
            self.windows = WinForeground(api)
            self.hotkeys = WinHotkeys(api)
            self.attention = WinAttention(api)  # its thread starts with the watch
        except OSError as err:
            raise WindowsUnavailable(f"Windows refused to set it up ({err})") from err

    def close(self) -> None:
        self.attention.stop()
        self.hotkeys.close()
        self.clipboard.close()


def create_windows_backend(
    sleep: Callable[[float], None] = time.sleep,
    dib: Callable[[bytes], bytes | None] | None = None,
) -> Backend:
    """Build the Windows backend; raises :class:`WindowsUnavailable` with a readable reason.

    ``dib`` turns an image file into a packed DIB for ``CF_DIB`` (the app passes Qt's)."""
    win = WindowsBackend(sleep, dib)
    return Backend(
        name="windows",
        hotkeys=win.hotkeys,
        clipboard=win.clipboard,
        keys=win.keys,
        windows=win.windows,
        close=win.close,
        attention=win.attention,
    )
