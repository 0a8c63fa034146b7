"""The wait timers against chat windows of programs nobody here wrote, as agents' clients behave.

xterm with a Chinese ``-title`` stores it only as a COMPOUND_TEXT ``WM_NAME`` (GB 2312 and
JIS X 0208 segments), and with ``bellIsUrgent`` sets the urgency hint when it rings its bell,
the way chat clients mark a conversation with a new message; zenity (GTK) keeps its title in
``_NET_WM_NAME``. Each test runs the whole app (``python -m quickreply``) on its own Xvfb.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from contextlib import closing
from pathlib import Path

import pytest

from quickreply.benchmarks.xsession import Proc, Xvfb, target_command, xdotool

from .conftest import focus

pytestmark = pytest.mark.e2e

PACK = """
pack:
  id: e2e.clients
  name: 第三方窗口
  version: 1
snippets:
  - id: e2e.hello
    title: 在的
    code: zzh
    text: 亲，在的~
"""
# Stock xterm pastes PRIMARY with Shift+Insert only; agents' clients paste with Ctrl+V.
XTERM_PASTE = "XTerm*VT100.translations: #override Ctrl <Key>v: insert-selection(CLIPBOARD)"


@pytest.fixture(autouse=True)
def _needs_clients() -> None:
    missing = [tool for tool in ("xterm", "zenity") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt install xterm zenity; scripts/setup does)")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    (home / "personal").mkdir(parents=True)
    (home / "personal" / "e2e.yaml").write_text(textwrap.dedent(PACK), encoding="utf-8")
    return home


class Client:
    """A third-party program's window: its process and its X window id."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 15
        found: list[str] = []
        while not found:
            assert time.monotonic() < deadline, f"{args[0]} showed no window"
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--pid", str(self.proc.pid)],
                env=env,
                capture_output=True,
                text=True,
            ).stdout.split()
            time.sleep(0.1)
        self.window = int(found[-1])
        time.sleep(0.3)  # the window's properties are set while it maps

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait(5)


def xterm(env: dict[str, str], title: str, *, shell: str = "sleep 600") -> Client:
    return Client(
        [
            "xterm",
            "-title",
            title,
            "-xrm",
            "XTerm*bellIsUrgent: true",
            "-xrm",
            XTERM_PASTE,
            "-e",
            "sh",
            "-c",
            shell,
        ],
        env,
    )


def focused(env: dict[str, str]) -> int:
    return int(xdotool(env, "getwindowfocus").strip() or 0)


def replies(home: Path) -> list[tuple[str, float, int]]:
    db = home / "data" / "kpi.sqlite3"
    if not db.exists():
        return []
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT queue, waited, first FROM replies ORDER BY id").fetchall()
    return [(str(q), float(w), int(f)) for q, w, f in rows]


def wait_for(check: object, timeout: float = 5.0) -> None:
    assert callable(check)
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_waiting_and_replied_hotkeys_on_an_xterm_with_a_compound_text_title(
    xvfb: Xvfb, home: Path, app: Proc
) -> None:
    """Ctrl+Alt+W names 买家小王 from the COMPOUND_TEXT title and leaves the focus on the
    chat; Ctrl+Alt+R records the reply (before, the title read as empty: the panel took the
    focus and nothing was ever recorded)."""
    env = xvfb.env()
    chat = xterm(env, "买家小王 - 千牛工作台")
    try:
        focus(xvfb, chat.window)
        xdotool(env, "key", "ctrl+alt+w")
        time.sleep(1.2)
        assert focused(env) == chat.window, "the timer panel took the focus from the chat"
        xdotool(env, "key", "ctrl+alt+r")
        wait_for(lambda: replies(home))
        [(queue, waited, first)] = replies(home)
        assert (queue, first) == ("售前", 1)
        assert 1.0 <= waited < 10.0
    finally:
        chat.stop()


def test_waiting_and_replied_hotkeys_on_a_gtk_window(xvfb: Xvfb, home: Path, app: Proc) -> None:
    """zenity keeps its title in _NET_WM_NAME; its focus sits on the top-level window."""
    env = xvfb.env()
    chat = Client(["zenity", "--entry", "--title", "买家小李 - 千牛工作台"], env)
    try:
        focus(xvfb, chat.window)
        xdotool(env, "key", "ctrl+alt+w")
        time.sleep(1.5)
        assert focused(env) == chat.window
        xdotool(env, "key", "ctrl+alt+r")
        wait_for(lambda: replies(home))
        [(queue, waited, _first)] = replies(home)
        assert queue == "售前"
        assert 1.3 <= waited < 10.0
    finally:
        chat.stop()


def test_an_xterm_ringing_its_bell_starts_the_clock_and_a_palette_paste_stops_it(
    xvfb: Xvfb, home: Path, app: Proc, tmp_path: Path
) -> None:
    """The issue's done-when: no hotkey starts the clock. xterm rings its bell (urgency hint)
    while the agent is in another window; a palette paste into the xterm 2 s later stops the
    clock, and ``quickreply stats --csv`` shows the reply with its wait."""
    env = xvfb.env()
    bell = tmp_path / "bell"
    os.mkfifo(bell)
    typed = tmp_path / "typed"
    # The shell rings the bell for whatever is written to the FIFO, and keeps what is pasted.
    shell = f'cat "{bell}" & stty -icanon; exec cat > "{typed}"'
    chat = xterm(env, "买家小王 - 千牛工作台", shell=shell)
    other = Proc(target_command("备忘录"), env)
    try:
        elsewhere = other.expect("ready")["window"]
        focus(xvfb, elsewhere)  # the agent is busy in another window
        with open(bell, "w", encoding="utf-8") as fifo:
            fifo.write("\a")
        rang = time.monotonic()
        time.sleep(0.5)
        assert focused(env) == elsewhere, "a clock starting must not take the focus"
        assert replies(home) == []
        time.sleep(1.5)

        focus(xvfb, chat.window)
        xdotool(env, "key", "ctrl+alt+space")
        wait_for(lambda: focused(env) != chat.window, timeout=10)
        time.sleep(0.2)
        xdotool(env, "type", "--delay", "20", "zzh")
        time.sleep(0.5)
        xdotool(env, "key", "Return")
        wait_for(lambda: typed.exists() and "亲，在的~" in typed.read_text("utf-8"), timeout=10)
        wait_for(lambda: replies(home))
        elapsed = time.monotonic() - rang
        [(queue, waited, first)] = replies(home)
        assert (queue, first) == ("售前", 1)
        assert 1.8 <= waited <= elapsed + 0.5
    finally:
        other.stop()
        chat.stop()

    out = subprocess.run(
        [sys.executable, "-m", "quickreply", "stats", "--csv"],
        env=dict(os.environ) | {"QUICKREPLY_HOME": str(home)},
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(out)))
    today = [row for row in rows if row and row[0] == time.strftime("%Y-%m-%d")]
    assert len(today) == 1, out
    header = rows[0]
    assert today[0][header.index("回复数")] == "1"
    assert float(today[0][header.index("平均响应(秒)")]) >= 1.8
