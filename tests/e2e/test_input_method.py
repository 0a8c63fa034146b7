"""Chinese input into the palette through a real input method, in a private D-Bus session on a
private Xvfb: fcitx5 with its pinyin engine, the app started as an fcitx desktop starts it
(``QT_IM_MODULE=fcitx``), and ibus with ibus-libpinyin (``QT_IM_MODULE=ibus``); Debian's packages.

The PySide6 wheel has no fcitx plugin; the app switches itself to ibus, which fcitx5 answers
through its ibus frontend (quickreply/platforms/inputmethod.py). Typing ``kuaidi`` + space must
put 快递 in the search box, and Enter while ``kuaidi`` is still being composed must confirm the
letters, never paste. What arrived is read off what gets pasted: the pack has a reply titled
快递 (first for 快递) and one whose code is ``kuaidi`` (first for the letters).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from quickreply.benchmarks.xsession import (
    Proc,
    Xvfb,
    app_reply,
    missing_tools,
    start_app,
    target_command,
    xdotool,
)

pytestmark = pytest.mark.e2e

PACK = """
pack:
  id: im.personal
  name: 输入法
  version: 1
snippets:
  - id: im.courier
    title: 快递
    code: zzk
    text: 亲，默认发中通快递哦~
  - id: im.number
    title: 物流单号
    code: kuaidi
    text: 亲，单号已经发您了~
"""

# pinyin is the active input method from the start (no trigger key to press first).
PROFILE = """
[Groups/0]
Name=Default
Default Layout=us
DefaultIM=pinyin

[Groups/0/Items/0]
Name=keyboard-us
Layout=

[Groups/0/Items/1]
Name=pinyin
Layout=

[GroupOrder]
0=Default
"""
CONFIG = """
[Behavior]
ActiveByDefault=True
"""
# Addons that watch the clipboard or want a desktop around them; none is needed for typing.
DISABLED = "clipboard,notificationitem,kimpanel,wayland,waylandim,emoji,quickphrase,spell"


# What each input method needs installed, and the Debian packages that bring it.
NEEDS = {
    "fcitx5": (("fcitx5", "dbus-daemon"), "fcitx5 fcitx5-chinese-addons"),
    "ibus": (("ibus-daemon", "ibus", "dbus-daemon"), "ibus ibus-libpinyin"),
}


def _missing(kind: str) -> list[str]:
    tools = NEEDS[kind][0]
    return [*missing_tools(), *(tool for tool in tools if shutil.which(tool) is None)]


class ImSession:
    """A private D-Bus session bus with fcitx5 or ibus on it, configured under ``home``."""

    def __init__(self, xvfb: Xvfb, home: Path, kind: str) -> None:
        self.kind = kind
        config = home / ".config"
        (config / "fcitx5").mkdir(parents=True)
        (config / "fcitx5" / "profile").write_text(PROFILE.lstrip(), encoding="utf-8")
        (config / "fcitx5" / "config").write_text(CONFIG.lstrip(), encoding="utf-8")
        runtime = home / "run"
        runtime.mkdir(mode=0o700)
        self.env = xvfb.env() | {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(config),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(runtime),
            # ibus keeps its settings in dconf, which a bare session does not run.
            "GSETTINGS_BACKEND": "memory",
        }
        bus = subprocess.run(
            ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.split()
        self.env["DBUS_SESSION_BUS_ADDRESS"], self._bus_pid = bus[0], int(bus[1])
        self.log = home / f"{kind}.log"
        command = (
            ["fcitx5", "--replace", f"--disable={DISABLED}"]
            if kind == "fcitx5"
            else ["ibus-daemon", "--replace", "--panel=disable", "--verbose"]
        )
        with self.log.open("w") as log:
            self.daemon = subprocess.Popen(
                command, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        # Up when it has written the bus address ibus clients (Qt's ibus plugin) read.
        bus_files = config / "ibus" / "bus"
        deadline = time.monotonic() + 20
        while not (bus_files.is_dir() and any(bus_files.iterdir())):
            if self.daemon.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{kind} did not start: {self.log_tail()}")
            time.sleep(0.1)

    def switch_on(self) -> None:
        """Turn Chinese input on for the focused window, as the desktop's switch does: fcitx5
        is on from the start (``ActiveByDefault``); ibus takes its engine once a window with
        an input context has the focus."""
        deadline = time.monotonic() + 10
        while self.kind == "ibus":
            # `ibus engine NAME` exits 1 even when it switched: ask which engine is on.
            subprocess.run(["ibus", "engine", "libpinyin"], env=self.env, capture_output=True)
            done = subprocess.run(
                ["ibus", "engine"], env=self.env, capture_output=True, text=True, timeout=10
            )
            if done.stdout.strip() == "libpinyin":
                return
            assert time.monotonic() < deadline, f"ibus never took libpinyin: {self.log_tail()}"
            time.sleep(0.2)

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-1500:]

    def stop(self) -> None:
        if self.daemon.poll() is None:
            self.daemon.terminate()
            try:
                self.daemon.wait(5)
            except subprocess.TimeoutExpired:
                self.daemon.kill()
                self.daemon.wait(5)
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._bus_pid, signal.SIGTERM)


@pytest.fixture(params=["fcitx5", "ibus"])
def session(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Xvfb, ImSession]]:
    kind: str = request.param
    missing = _missing(kind)
    if missing:
        pytest.skip(
            f"the {kind} test needs {', '.join(missing)}"
            f" (apt install {NEEDS[kind][1]} dbus-daemon xvfb xdotool xclip)"
        )
    xvfb = Xvfb()
    try:
        im = ImSession(xvfb, tmp_path / "desktop", kind)
    except RuntimeError as err:
        xvfb.stop()
        pytest.fail(str(err))
    yield xvfb, im
    im.stop()
    xvfb.stop()


def _open_palette(im: ImSession, env: dict[str, str], chat: str) -> None:
    xdotool(env, "windowfocus", "--sync", chat)
    xdotool(env, "key", "ctrl+alt+space")
    deadline = time.monotonic() + 10
    while xdotool(env, "getwindowfocus").strip() == chat:
        assert time.monotonic() < deadline, "the palette never took the focus"
        time.sleep(0.05)
    time.sleep(0.3)  # the input context follows the focus over D-Bus
    im.switch_on()


def test_pinyin_reaches_the_palette_and_enter_while_composing_never_pastes(
    session: tuple[Xvfb, ImSession], tmp_path: Path
) -> None:
    xvfb, im = session
    home = tmp_path / "home"
    (home / "personal").mkdir(parents=True)
    (home / "personal" / "im.yaml").write_text(textwrap.dedent(PACK), encoding="utf-8")
    courier, number = app_reply(home, "zzk"), app_reply(home, "kuaidi")
    # What each desktop sets: fcitx5 desktops ask for fcitx (this Qt lacks it), ibus ones ibus.
    env = im.env | {"QT_IM_MODULE": "fcitx" if im.kind == "fcitx5" else "ibus"}
    env.pop("QT_IM_MODULES", None)
    app = start_app(env, home)
    target = Proc(target_command(), xvfb.env())
    try:
        chat = str(target.expect("ready")["window"])
        time.sleep(0.3)
        if im.kind == "fcitx5":
            assert "using 'ibus'" in app.stderr_tail()  # the one line saying what it chose

        # kuaidi + space: the engine commits 快递, the reply titled 快递 is first and pasted.
        _open_palette(im, env, chat)
        xdotool(env, "type", "--delay", "60", "kuaidi")
        time.sleep(0.3)
        xdotool(env, "key", "space")
        time.sleep(0.5)
        xdotool(env, "key", "Return")
        assert target.text_until(courier, timeout=10)["text"] == courier, im.log_tail()

        # kuaidi + Enter while composing: the letters are confirmed, nothing is pasted...
        _open_palette(im, env, chat)
        xdotool(env, "type", "--delay", "60", "kuaidi")
        time.sleep(0.3)
        target.drain()
        xdotool(env, "key", "Return")
        time.sleep(1.5)
        assert [line for line in target.drain() if "text" in line] == []
        # ...and the next Enter pastes the reply the letters find (code kuaidi).
        xdotool(env, "key", "Return")
        assert target.text_until(courier + number, timeout=10)["text"] == courier + number
    finally:
        target.stop()
        app.terminate()
