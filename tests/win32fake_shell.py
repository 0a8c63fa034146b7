"""The shell-hook and window-class rules of the strict Win32 fake (mixed into ``FakeWin32``).

What the documentation says Windows does, and the backend must cope with:

* ``RegisterClassW`` fails with ERROR_CLASS_ALREADY_EXISTS for a class name already registered
  in the process; ``CreateWindowExW`` with that class calls its WNDPROC for the messages
  ``DispatchMessageW`` hands it (a window of an unknown class cannot be created);
* ``RegisterWindowMessageW("SHELLHOOK")`` gives the same id to every caller;
* the shell sends its messages (``HSHELL_FLASH`` for ``FlashWindowEx``, ``HSHELL_WINDOWACTIVATED``)
  to registered top-level windows only: a message-only window (parent ``HWND_MESSAGE``) gets
  none, like broadcasts ("A message-only window ... does not receive broadcast messages");
* they reach the window procedure, never ``GetMessageW``'s caller directly;
* ``GetAncestor(GA_ROOT)`` walks a child up to its top-level window.
"""

from __future__ import annotations

from typing import Any

ERROR_CLASS_ALREADY_EXISTS = 1410
ERROR_CANNOT_FIND_WND_CLASS = 1407
HSHELL_WINDOWACTIVATED, HSHELL_FLASH = 4, 0x8006
GA_PARENT, GA_ROOT = 1, 2
BUILTIN_CLASSES = {"STATIC", "BUTTON", "EDIT"}


class ShellRules:
    """Window classes, window procedures and the shell hook; ``FakeWin32`` provides
    ``windows``, ``post``, ``_tid`` and ``_fail``."""

    windows: dict[int, Any]

    def _shell_init(self) -> None:
        self.classes: dict[str, Any] = {}  # class name -> WNDPROC
        self.procs: dict[int, Any] = {}  # hwnd -> WNDPROC
        self.message_only: set[int] = set()
        self.parents: dict[int, int] = {}  # child hwnd -> parent hwnd
        self.shell_hooks: list[int] = []
        self.registered_messages: dict[str, int] = {}
        self.proc_calls = 0
        self.refuse_shell_hook = False  # e.g. a policy-locked desktop

    # -- what FakeWin32's own functions call ----------------------------------------------

    def _window_made(self, hwnd: int, cls: str, parent: int, message_only: bool) -> bool:
        """A window was created; False when its class is unknown (CreateWindowExW fails)."""
        if cls in self.classes:
            self.procs[hwnd] = self.classes[cls]
        elif cls.upper() not in BUILTIN_CLASSES:
            return False
        if message_only:
            self.message_only.add(hwnd)
        elif parent:
            self.parents[hwnd] = parent
        return True

    def _window_gone(self, hwnd: int) -> None:
        self.procs.pop(hwnd, None)
        self.message_only.discard(hwnd)
        self.parents.pop(hwnd, None)
        if hwnd in self.shell_hooks:
            self.shell_hooks.remove(hwnd)

    def _dispatch(self, hwnd: int, message: int, wparam: int, lparam: int) -> int:
        proc = self.procs.get(hwnd)
        if proc is None:
            return 0
        self.proc_calls += 1
        return int(proc(hwnd, message, wparam, lparam) or 0)

    # -- user32 ---------------------------------------------------------------------------

    def RegisterClassW(self, wndclass: Any) -> int:
        wc = wndclass._obj if hasattr(wndclass, "_obj") else wndclass.contents
        name = str(wc.lpszClassName)
        if name in self.classes:
            return int(self._fail(ERROR_CLASS_ALREADY_EXISTS))  # type: ignore[attr-defined]
        if not wc.lpfnWndProc:
            return int(self._fail(87))  # type: ignore[attr-defined]
        self.classes[name] = wc.lpfnWndProc
        return 0xC000 + len(self.classes)

    def DefWindowProcW(self, hwnd: int, message: int, wparam: int, lparam: int) -> int:
        return 0

    def RegisterWindowMessageW(self, name: str) -> int:
        return self.registered_messages.setdefault(name, 0xC100 + len(self.registered_messages))

    def RegisterShellHookWindow(self, hwnd: int) -> int:
        if hwnd not in self.windows:
            return int(self._fail(1400))  # type: ignore[attr-defined]  # invalid window handle
        if self.refuse_shell_hook:
            return int(self._fail(5))  # type: ignore[attr-defined]  # access denied
        self.shell_hooks.append(hwnd)
        return 1

    def DeregisterShellHookWindow(self, hwnd: int) -> int:
        if hwnd in self.shell_hooks:
            self.shell_hooks.remove(hwnd)
        return 1

    def GetAncestor(self, hwnd: int, flags: int) -> int:
        if hwnd not in self.windows:
            return 0
        if flags == GA_PARENT:
            return self.parents.get(hwnd, 0)
        while hwnd in self.parents:
            hwnd = self.parents[hwnd]
        return hwnd

    def GetModuleHandleW(self, name: Any) -> int:
        return 0x1_4000_0000  # above 4 GB: a cut handle would show

    # -- what tests do ----------------------------------------------------------------------

    def add_child(self, parent: int, title: str = "") -> int:
        """A child window (an edit box) of another program's ``parent``."""
        hwnd = 0x7000 + len(self.windows)
        owner = self.windows[parent]
        self.windows[hwnd] = type(owner)(hwnd, title, owner.pid)
        self.parents[hwnd] = parent
        return hwnd

    def _shell_send(self, code: int, window: int) -> int:
        message = self.RegisterWindowMessageW("SHELLHOOK")
        sent = 0
        for hook in list(self.shell_hooks):
            if hook in self.message_only or hook not in self.windows:
                continue
            self.post(self.windows[hook].tid, hook, message, code, window)  # type: ignore[attr-defined]
            sent += 1
        return sent

    def flash(self, window: int) -> int:
        """``FlashWindowEx`` by another program: the shell tells the registered windows.
        Returns how many windows it told."""
        return self._shell_send(HSHELL_FLASH, window)

    def bring_to_front(self, window: int) -> int:
        """The agent clicks ``window``: it is the foreground window, the shell says so."""
        self.foreground = window
        return self._shell_send(HSHELL_WINDOWACTIVATED, window)
