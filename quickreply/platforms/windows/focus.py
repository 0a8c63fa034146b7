"""The foreground window on Windows: which window has focus, and giving it back.

``SetForegroundWindow`` works only when Windows allows it (the foreground lock): our process
must be the foreground one (the palette is in front), or have received the last input event
(WM_HOTKEY is delivered to us; a low-level hook only watches the key go by), or the lock
time-out must have expired. Otherwise it returns 0 and flashes the taskbar button; we report
the refusal (the paste service then says the chat did not take the focus) rather than force
it with AttachThreadInput or fake Alt presses, which would fight the user's own clicks.
"""

from __future__ import annotations

import ctypes

from quickreply.platforms.base import WindowRef
from quickreply.platforms.windows.win32 import Win32

SW_RESTORE = 9
GA_ROOT = 2


class WinForeground:
    """:class:`~quickreply.platforms.base.ForegroundWindow` over user32."""

    def __init__(self, api: Win32) -> None:
        self._user32 = api.user32

    def current(self) -> WindowRef | None:
        hwnd = self._user32.GetForegroundWindow()
        return int(hwnd) if hwnd else None

    def exists(self, window: WindowRef) -> bool:
        return bool(self._user32.IsWindow(window)) and bool(self._user32.IsWindowVisible(window))

    def activate(self, window: WindowRef) -> bool:
        if self._user32.IsIconic(window):
            self._user32.ShowWindow(window, SW_RESTORE)
        return bool(self._user32.SetForegroundWindow(window))

    def title(self, window: WindowRef) -> str:
        """``GetWindowTextW`` of ``window``'s top-level window: a child (an edit box) has
        no title of its own, or a different one."""
        top = self._user32.GetAncestor(window, GA_ROOT) or window
        length = int(self._user32.GetWindowTextLengthW(top))
        buffer = ctypes.create_unicode_buffer(length + 1)
        self._user32.GetWindowTextW(top, buffer, length + 1)
        return str(buffer.value)
