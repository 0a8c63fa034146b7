"""Key injection on Windows: SendInput, GetAsyncKeyState, and UIPI detected before typing.

* ``SendInput`` (not ``keybd_event``, which ``keyboard.send`` uses): it says how many events
  it inserted, so a blocked input stream becomes a message;
* ``GetAsyncKeyState`` asks the system which keys are down. A low-level hook's own table
  (``keyboard.is_pressed``) misses key-ups eaten by the secure desktop (Win+L, Ctrl+Alt+Del)
  and then says "held" for ever;
* UIPI: input to a process of higher integrity (a chat client run as administrator) is dropped
  and "neither GetLastError nor the return value" says so. We compare integrity levels first
  and refuse with a message that names the cause.
"""

from __future__ import annotations

import ctypes

from quickreply.platforms.base import Combo, PasteShortcut
from quickreply.platforms.windows.hotkeys import vk_code
from quickreply.platforms.windows.win32 import (
    DWORD,
    HANDLE,
    INPUT,
    INPUT_KEYBOARD,
    KEYEVENTF_KEYUP,
    Win32,
)

VK_SHIFT, VK_CONTROL, VK_MENU, VK_LWIN, VK_RWIN = 0x10, 0x11, 0x12, 0x5B, 0x5C
VK_INSERT, VK_RETURN, VK_V = 0x2D, 0x0D, 0x56
_MODIFIER_VKS = (VK_SHIFT, VK_CONTROL, VK_MENU, VK_LWIN, VK_RWIN)
PROCESS_QUERY_LIMITED_INFORMATION, TOKEN_QUERY, TOKEN_INTEGRITY_LEVEL = 0x1000, 0x0008, 25


class InputBlocked(OSError):
    """Windows would drop our keys (UIPI) or refused them; str() is one readable line."""


class WinKeys:
    """:class:`~quickreply.platforms.base.KeySender` over SendInput."""

    def __init__(self, api: Win32) -> None:
        self._api = api
        self._own_level = self._integrity(api.kernel32.GetCurrentProcess(), close=False)

    # -- UIPI --------------------------------------------------------------------------------

    def _integrity(self, process: int | None, *, close: bool) -> int | None:
        """The mandatory integrity RID of ``process`` (0x2000 medium, 0x3000 high), or None
        when its token may not be read (which a same-user, same-level process always allows)."""
        api = self._api
        if not process:
            return None
        token = HANDLE()
        try:
            if not api.advapi32.OpenProcessToken(process, TOKEN_QUERY, ctypes.byref(token)):
                return None
        finally:
            if close:
                api.kernel32.CloseHandle(process)
        try:
            needed = DWORD()
            buffer = ctypes.create_string_buffer(64)
            ok = api.advapi32.GetTokenInformation(
                token, TOKEN_INTEGRITY_LEVEL, buffer, len(buffer), ctypes.byref(needed)
            )
            if not ok:
                return None
            sid = ctypes.c_void_p.from_buffer(buffer).value  # TOKEN_MANDATORY_LABEL.Label.Sid
            count_at = api.advapi32.GetSidSubAuthorityCount(sid)
            count = ctypes.c_uint8.from_address(count_at).value
            rid_at = api.advapi32.GetSidSubAuthority(sid, count - 1)
            return int(ctypes.c_uint32.from_address(rid_at).value)
        finally:
            api.kernel32.CloseHandle(token)

    def check_target(self, window: int | None) -> None:
        """Raise :class:`InputBlocked` when ``window`` runs at a higher integrity than us."""
        if not window or self._own_level is None:
            return
        pid = DWORD()
        self._api.user32.GetWindowThreadProcessId(window, ctypes.byref(pid))
        process = self._api.kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid.value)
        level = self._integrity(process, close=True)
        # An unreadable token means a higher level (same user, same level always reads).
        if level is None or level > self._own_level:
            raise InputBlocked(
                "the chat window runs as administrator, so Windows drops the keys QuickReply "
                "sends to it; start QuickReply as administrator too, or the chat client without"
            )

    # -- KeySender -----------------------------------------------------------------------------

    def _send(self, *keys: int) -> None:
        """Press ``keys`` in order, release them in reverse, as one SendInput call."""
        self.check_target(self._api.user32.GetForegroundWindow())
        events = [(vk, 0) for vk in keys] + [(vk, KEYEVENTF_KEYUP) for vk in reversed(keys)]
        inputs = (INPUT * len(events))()
        for item, (vk, flags) in zip(inputs, events, strict=True):
            item.type = INPUT_KEYBOARD
            item.ki.wVk = vk
            item.ki.dwFlags = flags
        sent = self._api.user32.SendInput(len(events), inputs, ctypes.sizeof(INPUT))
        if sent != len(events):
            raise InputBlocked(f"Windows accepted {sent} of {len(events)} key events")

    def send_paste(self, shortcut: PasteShortcut) -> None:
        if shortcut == "shift+insert":
            self._send(VK_SHIFT, VK_INSERT)
        else:
            self._send(VK_CONTROL, VK_V)

    def send_enter(self) -> None:
        self._send(VK_RETURN)

    def keys_released(self, combo: Combo | None) -> bool:
        keys = list(_MODIFIER_VKS)
        if combo is not None and vk_code(combo.key):
            keys.append(vk_code(combo.key))
        # The high bit: down now. (The low bit, "pressed since the last call", is unreliable.)
        return not any(self._api.user32.GetAsyncKeyState(vk) & 0x8000 for vk in keys)
