"""Phase 2 end to end: the whole app (``python -m quickreply``) under Xvfb. xdotool presses the
palette hotkey, types a query and presses Enter; the chat window receives exactly the reply."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import textwrap
import time
from contextlib import closing
from pathlib import Path

import pytest

from quickreply.benchmarks.xsession import (
    Proc,
    Xvfb,
    app_reply,
    start_app,
    target_command,
    xdotool,
)

from .conftest import focus, read_clipboard, set_clipboard

pytestmark = pytest.mark.e2e

PACK = """
pack:
  id: e2e.personal
  name: 端到端
  version: 1
snippets:
  - id: e2e.welcome
    title: 端到端欢迎语
    code: zzq
    text: |-
      亲，欢迎光临{{ shop_name }}！
      今天{{ cutoff }}前付款当天发货哦~
"""


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    (home / "personal").mkdir(parents=True)
    (home / "personal" / "e2e.yaml").write_text(textwrap.dedent(PACK), encoding="utf-8")
    return home


def test_palette_hotkey_query_enter_pastes_the_reply_and_gives_the_clipboard_back(
    xvfb: Xvfb, home: Path, app: Proc
) -> None:
    wanted = app_reply(home, "zzq")
    assert "\n" in wanted and "{{" not in wanted
    target = Proc(target_command(), xvfb.env())
    try:
        window = target.expect("ready")["window"]
        set_clipboard(xvfb, "客户的订单号 A123")
        focus(xvfb, window)
        env = xvfb.env()
        xdotool(env, "key", "ctrl+alt+space")
        deadline = time.monotonic() + 10
        while xdotool(env, "getwindowfocus").strip() == str(window):
            assert time.monotonic() < deadline, "the palette never took the focus"
            time.sleep(0.05)
        time.sleep(0.2)
        xdotool(env, "type", "--delay", "20", "zzq")
        time.sleep(0.5)  # the list follows the typing
        xdotool(env, "key", "Return")
        assert target.text_until(wanted, timeout=10)["text"] == wanted
        deadline = time.monotonic() + 5
        while read_clipboard(xvfb) != "客户的订单号 A123" and time.monotonic() < deadline:
            time.sleep(0.05)
        assert read_clipboard(xvfb) == "客户的订单号 A123"
    finally:
        target.stop()


def test_sigterm_after_a_reply_ends_the_app_like_quit_with_the_reply_recorded(
    xvfb: Xvfb, home: Path
) -> None:
    """A logout (or `kill PID`) right after a reply: the app exits 0 at once, and the use and
    the response time it just recorded are in closed, readable stores."""
    wanted = app_reply(home, "zzq")
    try:
        app = start_app(xvfb.env(), home)
    except RuntimeError as err:
        pytest.fail(str(err))
    target = Proc(target_command("小雨同学 - 千牛工作台"), xvfb.env())
    try:
        window = target.expect("ready")["window"]
        focus(xvfb, window)
        env = xvfb.env()
        xdotool(env, "key", "ctrl+alt+w")  # 小雨同学 is waiting: her clock runs
        time.sleep(0.3)
        xdotool(env, "key", "ctrl+alt+space")
        deadline = time.monotonic() + 10
        while xdotool(env, "getwindowfocus").strip() == str(window):
            assert time.monotonic() < deadline, "the palette never took the focus"
            time.sleep(0.05)
        time.sleep(0.2)
        xdotool(env, "type", "--delay", "20", "zzq")
        time.sleep(0.5)
        xdotool(env, "key", "Return")
        assert target.text_until(wanted, timeout=10)["text"] == wanted
        time.sleep(0.3)  # the reply's KPI row is written when the paste has finished

        app.proc.send_signal(signal.SIGTERM)
        try:
            code = app.proc.wait(5)
        except subprocess.TimeoutExpired:
            pytest.fail("the app was still running 5 s after SIGTERM")
        assert code == 0, app.stderr_tail()
        assert "Traceback" not in app.stderr_tail()
    finally:
        app.terminate()
        target.stop()

    data = home / "data"
    with closing(sqlite3.connect(data / "stats.sqlite3")) as db:
        assert db.execute(
            "SELECT count FROM usage WHERE snippet_id = 'e2e.welcome'"
        ).fetchall() == [(1,)]
    with closing(sqlite3.connect(data / "kpi.sqlite3")) as db:
        assert db.execute("SELECT count(*) FROM replies").fetchall() == [(1,)]
    leftovers = [p.name for p in data.iterdir() if p.name.endswith(("-journal", "-wal", "-shm"))]
    assert leftovers == []
