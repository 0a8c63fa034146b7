"""Win32 signatures: private ``WinDLL`` handles whose every function has argtypes and restype.

Private handles (``ctypes.WinDLL(name, use_last_error=True)``), not the shared
``ctypes.windll``: other libraries in the process set their own argtypes on the shared function
objects. Without argtypes ctypes passes a Python int as a C ``int`` and a 64-bit handle is cut
to 32 bits; the default ``c_int`` restype cuts results the same way. Fixed-width types are
spelled out (``ctypes.wintypes.DWORD`` is 8 bytes on Linux, where the tests run).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

BOOL = INT = ctypes.c_int32
UINT = DWORD = ctypes.c_uint32
WORD = ctypes.c_uint16
SHORT = ctypes.c_int16
LONG = ctypes.c_int32
HANDLE = ctypes.c_void_p  # HWND, HGLOBAL, HMENU, HINSTANCE, LPVOID, PSID: pointer-sized
SIZE_T = ULONG_PTR = WPARAM = ctypes.c_size_t
LPARAM = ctypes.c_ssize_t
LPCWSTR = ctypes.c_wchar_p

HWND_MESSAGE = -3  # the parent of a message-only window
WM_HOTKEY, WM_QUIT, WM_APP = 0x0312, 0x0012, 0x8000
GMEM_MOVEABLE = 0x0002
INPUT_KEYBOARD, KEYEVENTF_KEYUP = 1, 0x0002
ERROR_ACCESS_DENIED = 5
ERROR_HOTKEY_ALREADY_REGISTERED = 1409


class POINT(ctypes.Structure):
    _fields_ = (("x", LONG), ("y", LONG))


class MSG(ctypes.Structure):
    _fields_ = (
        ("hwnd", HANDLE),
        ("message", UINT),
        ("wParam", WPARAM),
        ("lParam", LPARAM),
        ("time", DWORD),
        ("pt", POINT),
        ("lPrivate", DWORD),
    )


class KEYBDINPUT(ctypes.Structure):
    _fields_ = (
        ("wVk", WORD),
        ("wScan", WORD),
        ("dwFlags", DWORD),
        ("time", DWORD),
        ("dwExtraInfo", ULONG_PTR),
    )


class MOUSEINPUT(ctypes.Structure):
    # Never sent, but the largest arm of the union: without it sizeof(INPUT) is wrong and
    # SendInput fails ("If cbSize is not the size of an INPUT structure, the function fails").
    _fields_ = (
        ("dx", LONG),
        ("dy", LONG),
        ("mouseData", DWORD),
        ("dwFlags", DWORD),
        ("time", DWORD),
        ("dwExtraInfo", ULONG_PTR),
    )


class _INPUTUNION(ctypes.Union):
    _fields_ = (("mi", MOUSEINPUT), ("ki", KEYBDINPUT))


class INPUT(ctypes.Structure):
    _anonymous_ = ("u",)
    _fields_ = (("type", DWORD), ("u", _INPUTUNION))


# A window procedure (stdcall on 32-bit Windows; CFUNCTYPE where there is no WINFUNCTYPE, for
# the tests on Linux: on 64-bit Windows both are the one calling convention).
WNDPROC = getattr(ctypes, "WINFUNCTYPE", ctypes.CFUNCTYPE)(LPARAM, HANDLE, UINT, WPARAM, LPARAM)


class WNDCLASSW(ctypes.Structure):
    _fields_ = (
        ("style", UINT),
        ("lpfnWndProc", WNDPROC),
        ("cbClsExtra", INT),
        ("cbWndExtra", INT),
        ("hInstance", HANDLE),
        ("hIcon", HANDLE),
        ("hCursor", HANDLE),
        ("hbrBackground", HANDLE),
        ("lpszMenuName", LPCWSTR),
        ("lpszClassName", LPCWSTR),
    )


_P = ctypes.POINTER
SIGNATURES: dict[str, dict[str, tuple[Any, list[Any]]]] = {
    "user32": {
        "OpenClipboard": (BOOL, [HANDLE]),
        "CloseClipboard": (BOOL, []),
        "EmptyClipboard": (BOOL, []),
        "EnumClipboardFormats": (UINT, [UINT]),
        "GetClipboardData": (HANDLE, [UINT]),
        "SetClipboardData": (HANDLE, [UINT, HANDLE]),
        "GetClipboardSequenceNumber": (DWORD, []),
        "RegisterClipboardFormatW": (UINT, [LPCWSTR]),
        "CreateWindowExW": (
            HANDLE,
            [DWORD, LPCWSTR, LPCWSTR, DWORD, INT, INT, INT, INT, HANDLE, HANDLE, HANDLE, HANDLE],
        ),
        "DestroyWindow": (BOOL, [HANDLE]),
        "RegisterHotKey": (BOOL, [HANDLE, INT, UINT, UINT]),
        "UnregisterHotKey": (BOOL, [HANDLE, INT]),
        "GetMessageW": (BOOL, [_P(MSG), HANDLE, UINT, UINT]),
        "TranslateMessage": (BOOL, [_P(MSG)]),
        "DispatchMessageW": (LPARAM, [_P(MSG)]),
        "PostMessageW": (BOOL, [HANDLE, UINT, WPARAM, LPARAM]),
        "SendInput": (UINT, [UINT, _P(INPUT), INT]),
        "GetAsyncKeyState": (SHORT, [INT]),
        "GetForegroundWindow": (HANDLE, []),
        "SetForegroundWindow": (BOOL, [HANDLE]),
        "IsWindow": (BOOL, [HANDLE]),
        "IsWindowVisible": (BOOL, [HANDLE]),
        "IsIconic": (BOOL, [HANDLE]),
        "ShowWindow": (BOOL, [HANDLE, INT]),
        "GetWindowTextLengthW": (INT, [HANDLE]),
        "GetWindowTextW": (INT, [HANDLE, ctypes.c_wchar_p, INT]),
        "GetWindowThreadProcessId": (DWORD, [HANDLE, _P(DWORD)]),
        "GetAncestor": (HANDLE, [HANDLE, UINT]),
        "RegisterClassW": (WORD, [_P(WNDCLASSW)]),
        "DefWindowProcW": (LPARAM, [HANDLE, UINT, WPARAM, LPARAM]),
        "RegisterWindowMessageW": (UINT, [LPCWSTR]),
        "RegisterShellHookWindow": (BOOL, [HANDLE]),
        "DeregisterShellHookWindow": (BOOL, [HANDLE]),
    },
    "kernel32": {
        "GlobalAlloc": (HANDLE, [UINT, SIZE_T]),
        "GlobalLock": (HANDLE, [HANDLE]),
        "GlobalUnlock": (BOOL, [HANDLE]),
        "GlobalSize": (SIZE_T, [HANDLE]),
        "GlobalFree": (HANDLE, [HANDLE]),
        "GetCurrentProcess": (HANDLE, []),
        "OpenProcess": (HANDLE, [DWORD, BOOL, DWORD]),
        "CloseHandle": (BOOL, [HANDLE]),
        "GetModuleHandleW": (HANDLE, [LPCWSTR]),
    },
    "advapi32": {
        "OpenProcessToken": (BOOL, [HANDLE, DWORD, _P(HANDLE)]),
        "GetTokenInformation": (BOOL, [HANDLE, INT, HANDLE, DWORD, _P(DWORD)]),
        "GetSidSubAuthorityCount": (HANDLE, [HANDLE]),
        "GetSidSubAuthority": (HANDLE, [HANDLE, DWORD]),
    },
}


@dataclass(frozen=True)
class Win32:
    """The three DLLs with their signatures set, and the thread's last error."""

    user32: Any
    kernel32: Any
    advapi32: Any
    last_error: Callable[[], int]

    def error(self, what: str) -> OSError:
        """An OSError for a call that just failed, with Windows' error code."""
        code = self.last_error()
        return OSError(code, f"{what} failed (Windows error {code})")


def load() -> Win32:
    """Load user32/kernel32/advapi32 privately; raises OSError when this is not Windows."""
    windll = getattr(ctypes, "WinDLL", None)
    last_error = getattr(ctypes, "get_last_error", None)
    if windll is None or last_error is None:
        raise OSError("this is not Windows (no ctypes.WinDLL)")
    dlls = {name: windll(name, use_last_error=True) for name in SIGNATURES}
    for dll_name, table in SIGNATURES.items():
        for fn_name, (restype, argtypes) in table.items():
            fn = getattr(dlls[dll_name], fn_name)
            fn.restype = restype
            fn.argtypes = argtypes
    return Win32(dlls["user32"], dlls["kernel32"], dlls["advapi32"], last_error)
