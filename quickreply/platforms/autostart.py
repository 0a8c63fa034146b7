"""Starting QuickReply when the user logs in: the per-user Run key on Windows, an XDG autostart
entry on Linux.

The OS is the only record of the choice (no copy in settings.json that could drift when the
user turns the entry off in Task Manager or their desktop's settings): :meth:`Autostart.enabled`
reads it, :meth:`Autostart.enable` and :meth:`Autostart.disable` change it and raise ``OSError``
when they cannot. :func:`platform_autostart` picks the implementation; :func:`launch_command` is
what starts this installation (the frozen executable, or this Python with ``-m quickreply``).
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any, Protocol

from quickreply.core.atomic import write_atomic

# HKEY_CURRENT_USER: what a per-user install may write without admin rights.
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
# Task Manager's Startup tab and Settings > Apps > Startup turn an entry off here, keeping the
# Run value: a first byte with the low bit set (0x03) means "disabled by the user".
APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
VALUE_NAME = "QuickReply"
DESKTOP_FILE = "quickreply.desktop"


class Autostart(Protocol):
    """Whether this installation starts at login, and changing that."""

    @property
    def location(self) -> str:
        """Where the entry lives (a file or registry path), for messages."""

    def enabled(self) -> bool: ...

    def enable(self) -> None: ...

    def disable(self) -> None: ...


def launch_command(executable: str, *, frozen: bool, platform: str) -> list[str]:
    """The command line that starts this installation's app.

    A frozen build starts its own executable (on Windows the windowed ``QuickReply.exe``, also
    when asked from the console twin ``quickreply-cli.exe``); an installed package starts its
    Python with ``-m quickreply``, on Windows ``pythonw.exe`` so no console window opens.
    """
    path = PurePath(executable)
    windows = platform.startswith("win")
    if frozen:
        if windows and path.name.lower() == "quickreply-cli.exe":
            return [str(path.with_name("QuickReply.exe"))]
        return [executable]
    if windows and path.name.lower() == "python.exe":
        windowed = Path(path.with_name("pythonw.exe"))
        if windowed.exists():
            return [str(windowed), "-m", "quickreply"]
    return [executable, "-m", "quickreply"]


# ---- Linux: $XDG_CONFIG_HOME/autostart/quickreply.desktop ----------------------------------


def xdg_config_home(env: Mapping[str, str], home: Path) -> Path:
    """``$XDG_CONFIG_HOME``, or ``~/.config`` when it is unset or relative (the spec says a
    relative value is invalid and must be ignored)."""
    value = env.get("XDG_CONFIG_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else home / ".config"


def _exec_arg(arg: str) -> str:
    """One argument of a desktop entry's Exec key, quoted as the Desktop Entry spec asks."""
    arg = arg.replace("%", "%%")  # field codes like %f are the launcher's, not ours
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    if arg and not reserved & set(arg):
        return arg
    quoted = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    # The value is unescaped once as a string before it is split: each backslash doubles again.
    return '"' + quoted.replace("\\", "\\\\") + '"'


def desktop_entry(command: Sequence[str], *, autostart: bool) -> str:
    """A desktop entry that runs ``command`` (the launcher's, or the autostart one's)."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=QuickReply",
        "Name[zh_CN]=快捷回复助手",
        "Name[zh_TW]=快捷回覆助手",
        "GenericName=Quick replies for chat agents",
        "GenericName[zh_CN]=客服快捷回复",
        "Comment=Paste approved replies into any chat window with a hotkey",
        "Comment[zh_CN]=按快捷键把话术粘贴到任意聊天窗口",
        "Exec=" + " ".join(_exec_arg(arg) for arg in command),
        "Icon=quickreply",
        "Terminal=false",
        "Categories=Utility;",
        "Keywords=reply;snippet;客服;快捷回复;话术;",
        "StartupNotify=false",
    ]
    if autostart:
        lines += ["X-GNOME-Autostart-enabled=true", "Hidden=false"]
    return "\n".join(lines) + "\n"


class XdgAutostart:
    """``quickreply.desktop`` in ``$XDG_CONFIG_HOME/autostart`` (XDG Autostart spec)."""

    def __init__(self, command: Sequence[str], config_home: Path) -> None:
        self.command = list(command)
        self.path = config_home / "autostart" / DESKTOP_FILE

    @property
    def location(self) -> str:
        return str(self.path)

    def enabled(self) -> bool:
        """The entry exists and is not hidden (``Hidden=true`` is how the spec turns one off)."""
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
        keys = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
        return (
            keys.get("Hidden", "").strip().lower() != "true"
            and keys.get("X-GNOME-Autostart-enabled", "").strip().lower() != "false"
        )

    def enable(self) -> None:
        write_atomic(self.path, desktop_entry(self.command, autostart=True), backup=False)

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


# ---- Windows: HKCU\...\Run ---------------------------------------------------------------


class WindowsRunKey:
    """The ``QuickReply`` value under HKCU's Run key. ``winreg`` is the stdlib module (tests
    pass a fake); it is imported only when none is given, so this module imports anywhere."""

    def __init__(self, command: Sequence[str], winreg: Any = None) -> None:
        if winreg is None:
            import winreg as winreg_module

            winreg = winreg_module
        self._reg = winreg
        # Quoted the way CreateProcess splits it: a path with spaces stays one argument.
        self.value = subprocess.list2cmdline(list(command))

    @property
    def location(self) -> str:
        return f"HKEY_CURRENT_USER\\{RUN_KEY}\\{VALUE_NAME}"

    def _read(self, key_path: str) -> tuple[Any, int] | None:
        reg = self._reg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, key_path, 0, reg.KEY_QUERY_VALUE) as key:
                value, kind = reg.QueryValueEx(key, VALUE_NAME)
        except FileNotFoundError:
            return None
        return value, int(kind)

    def enabled(self) -> bool:
        """Our value is there, runs this installation, and the user has not turned it off in
        Task Manager."""
        found = self._read(RUN_KEY)
        if found is None or str(found[0]).strip().lower() != self.value.lower():
            return False
        approved = self._read(APPROVED_KEY)
        if approved is None:
            return True
        flags = approved[0]
        return not (isinstance(flags, bytes | bytearray) and flags[:1] and flags[0] & 1)

    def enable(self) -> None:
        reg = self._reg
        with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
            reg.SetValueEx(key, VALUE_NAME, 0, reg.REG_SZ, self.value)
        # A "disabled" mark left from Task Manager would keep the new value from running.
        self._delete(APPROVED_KEY)

    def disable(self) -> None:
        self._delete(RUN_KEY)
        self._delete(APPROVED_KEY)

    def _delete(self, key_path: str) -> None:
        reg = self._reg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, key_path, 0, reg.KEY_SET_VALUE) as key:
                reg.DeleteValue(key, VALUE_NAME)
        except FileNotFoundError:
            pass  # already gone: that is what was asked for


def platform_autostart(
    platform: str, env: Mapping[str, str], command: Sequence[str], home: Path | None = None
) -> Autostart | None:
    """The implementation for ``platform``, or None where QuickReply knows no login start
    (macOS, other systems): the settings dialog then hides the option."""
    if platform.startswith("win"):
        return WindowsRunKey(command)
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return XdgAutostart(command, xdg_config_home(env, home or Path.home()))
    return None
