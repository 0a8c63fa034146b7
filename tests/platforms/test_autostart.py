"""Start at login: the XDG autostart entry on Linux (real files) and HKCU's Run key on Windows
(over a fake winreg that keeps Win32's rules: missing keys and values raise FileNotFoundError,
a key opened for reading cannot be written)."""

from __future__ import annotations

import configparser
from pathlib import Path
from typing import Any

import pytest

from quickreply.platforms.autostart import (
    APPROVED_KEY,
    RUN_KEY,
    VALUE_NAME,
    WindowsRunKey,
    XdgAutostart,
    desktop_entry,
    launch_command,
    platform_autostart,
    xdg_config_home,
)
from tests.conftest import ROOT

# ---- Linux ----------------------------------------------------------------------------------


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def exec_argv(value: str) -> list[str]:
    """Split an Exec value the way the spec says a launcher does (string unescape, then the
    shell-like quoting, then %% -> %)."""
    text = value.replace("\\\\", "\\")
    args: list[str] = []
    current: str | None = None
    quoted = False
    i = 0
    while i < len(text):
        c = text[i]
        if quoted and c == "\\" and i + 1 < len(text) and text[i + 1] in '"`$\\':
            current = (current or "") + text[i + 1]
            i += 2
            continue
        if c == '"':
            quoted = not quoted
            current = current or ""
        elif c == " " and not quoted:
            if current is not None:
                args.append(current)
            current = None
        else:
            current = (current or "") + c
        i += 1
    assert not quoted, value
    if current is not None:
        args.append(current)
    return [arg.replace("%%", "%") for arg in args]


def test_enabling_writes_the_autostart_entry_and_disabling_removes_it(tmp_path: Path) -> None:
    config = tmp_path / "config"
    command = ["/opt/QuickReply/QuickReply"]
    autostart = platform_autostart("linux", {"XDG_CONFIG_HOME": str(config)}, command)
    assert isinstance(autostart, XdgAutostart)
    assert not autostart.enabled()

    autostart.enable()
    entry_file = config / "autostart" / "quickreply.desktop"
    assert entry_file.is_file()
    assert autostart.enabled()
    entry = read_entry(entry_file)
    assert entry["Type"] == "Application"
    assert exec_argv(entry["Exec"]) == command
    assert entry["Hidden"] == "false"
    assert not list(entry_file.parent.glob("*.bak"))  # not a file a person edits

    autostart.disable()
    assert not entry_file.exists()
    assert not autostart.enabled()
    autostart.disable()  # twice is fine


def test_exec_keeps_paths_with_spaces_quotes_and_percent_signs(tmp_path: Path) -> None:
    command = ["/home/li ming/.venv/bin/python", "-m", "quickreply", 'say "hi" 100% $HOME \\']
    autostart = XdgAutostart(command, tmp_path)
    autostart.enable()
    assert exec_argv(read_entry(autostart.path)["Exec"]) == command


def test_an_entry_the_desktop_turned_off_counts_as_off(tmp_path: Path) -> None:
    autostart = XdgAutostart(["quickreply"], tmp_path)
    autostart.enable()
    autostart.path.write_text(
        autostart.path.read_text(encoding="utf-8").replace("Hidden=false", "Hidden=true"),
        encoding="utf-8",
    )
    assert not autostart.enabled()
    autostart.enable()
    assert autostart.enabled()


def test_enable_fails_loudly_when_the_folder_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(OSError):
        XdgAutostart(["quickreply"], blocker).enable()


def test_xdg_config_home_falls_back_to_dot_config(tmp_path: Path) -> None:
    assert xdg_config_home({}, tmp_path) == tmp_path / ".config"
    assert xdg_config_home({"XDG_CONFIG_HOME": "relative/dir"}, tmp_path) == tmp_path / ".config"
    assert xdg_config_home({"XDG_CONFIG_HOME": "/x/cfg"}, tmp_path) == Path("/x/cfg")


def test_no_login_start_on_other_systems() -> None:
    assert platform_autostart("darwin", {}, ["quickreply"]) is None


def test_the_shipped_launcher_is_the_same_entry_with_the_console_script() -> None:
    shipped = (ROOT / "resources" / "quickreply.desktop").read_text(encoding="utf-8")
    assert shipped == desktop_entry(["quickreply"], autostart=False)


# ---- the command that starts this installation ------------------------------------------


def test_launch_command_for_each_kind_of_install(tmp_path: Path) -> None:
    assert launch_command("/opt/QuickReply/QuickReply", frozen=True, platform="linux") == [
        "/opt/QuickReply/QuickReply"
    ]
    assert launch_command("/v/bin/python", frozen=False, platform="linux") == [
        "/v/bin/python",
        "-m",
        "quickreply",
    ]
    cli = str(tmp_path / "quickreply-cli.exe")
    assert launch_command(cli, frozen=True, platform="win32") == [str(tmp_path / "QuickReply.exe")]
    python = tmp_path / "python.exe"
    assert launch_command(str(python), frozen=False, platform="win32")[0] == str(python)
    (tmp_path / "pythonw.exe").write_bytes(b"")
    assert launch_command(str(python), frozen=False, platform="win32") == [
        str(tmp_path / "pythonw.exe"),
        "-m",
        "quickreply",
    ]


# ---- Windows: a fake winreg ---------------------------------------------------------------


class FakeKey:
    def __init__(self, values: dict[str, tuple[Any, int]], access: int) -> None:
        self.values = values
        self.access = access
        self.closed = False

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(self, *_: object) -> None:
        self.closed = True


class FakeWinreg:
    """The parts of winreg the Run key uses, with its errors (winerror 2 is FileNotFoundError)."""

    HKEY_CURRENT_USER = 0x80000001
    KEY_QUERY_VALUE = 0x0001
    KEY_SET_VALUE = 0x0002
    REG_SZ = 1
    REG_BINARY = 3

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, tuple[Any, int]]] = {}

    def _key(self, root: int, path: str, access: int, create: bool) -> FakeKey:
        assert root == self.HKEY_CURRENT_USER  # per-user: never HKLM (that needs admin)
        if path.lower() not in self.keys:
            if not create:
                raise FileNotFoundError(2, "The system cannot find the file specified")
            self.keys[path.lower()] = {}
        return FakeKey(self.keys[path.lower()], access)

    def OpenKey(self, root: int, path: str, reserved: int = 0, access: int = 1) -> FakeKey:
        return self._key(root, path, access, create=False)

    def CreateKeyEx(self, root: int, path: str, reserved: int = 0, access: int = 2) -> FakeKey:
        return self._key(root, path, access, create=True)

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[Any, int]:
        if not key.access & self.KEY_QUERY_VALUE:
            raise PermissionError(5, "Access is denied")
        if name not in key.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return key.values[name]

    def SetValueEx(self, key: FakeKey, name: str, reserved: int, kind: int, value: Any) -> None:
        if not key.access & self.KEY_SET_VALUE:
            raise PermissionError(5, "Access is denied")
        assert isinstance(value, str) and kind == self.REG_SZ
        key.values[name] = (value, kind)

    def DeleteValue(self, key: FakeKey, name: str) -> None:
        if not key.access & self.KEY_SET_VALUE:
            raise PermissionError(5, "Access is denied")
        if name not in key.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        del key.values[name]

    def value(self, path: str) -> Any:
        return self.keys.get(path.lower(), {}).get(VALUE_NAME, (None, 0))[0]


EXE = r"C:\Users\Li Ming\AppData\Local\Programs\QuickReply\QuickReply.exe"


def test_the_run_key_value_is_written_quoted_and_removed() -> None:
    reg = FakeWinreg()
    autostart = WindowsRunKey([EXE], winreg=reg)
    assert not autostart.enabled()  # no Run key at all yet
    autostart.enable()
    assert reg.value(RUN_KEY) == f'"{EXE}"'  # spaces in the user name stay one argument
    assert autostart.enabled()
    autostart.disable()
    assert reg.value(RUN_KEY) is None
    assert not autostart.enabled()
    autostart.disable()  # nothing to remove is not an error


def test_a_value_for_another_install_is_not_ours() -> None:
    reg = FakeWinreg()
    WindowsRunKey([r"D:\old\QuickReply.exe"], winreg=reg).enable()
    autostart = WindowsRunKey([EXE], winreg=reg)
    assert not autostart.enabled()
    autostart.enable()
    assert autostart.enabled()


def test_turned_off_in_task_manager_reads_off_and_enable_turns_it_back_on() -> None:
    reg = FakeWinreg()
    autostart = WindowsRunKey([EXE], winreg=reg)
    autostart.enable()
    reg.keys[APPROVED_KEY.lower()] = {VALUE_NAME: (bytes([3]) + bytes(11), reg.REG_BINARY)}
    assert not autostart.enabled()
    reg.keys[APPROVED_KEY.lower()][VALUE_NAME] = (bytes([2]) + bytes(11), reg.REG_BINARY)
    assert autostart.enabled()
    reg.keys[APPROVED_KEY.lower()][VALUE_NAME] = (bytes([3]) + bytes(11), reg.REG_BINARY)
    autostart.enable()
    assert reg.value(APPROVED_KEY) is None
    assert autostart.enabled()
