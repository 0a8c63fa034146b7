"""Phase 2 end to end: the whole app (``python -m quickreply``) under Xvfb. xdotool presses the
palette hotkey, types a query and presses Enter; the chat window receives exactly the reply."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from quickreply.benchmarks.paste import ROOT, Proc, Xvfb, xdotool

from .conftest import HERE, focus, read_clipboard, set_clipboard

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


@pytest.fixture
def app(xvfb: Xvfb, home: Path) -> Iterator[subprocess.Popen[str]]:
    env = xvfb.env() | {"QUICKREPLY_HOME": str(home), "QUICKREPLY_BACKEND": "x11"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "quickreply"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # a window of its own means hotkeys are registered
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid)],
            env=env,
            capture_output=True,
            text=True,
        )
        if found.stdout.strip() or proc.poll() is not None:
            break
        time.sleep(0.1)
    if proc.poll() is not None:
        pytest.fail(f"the app exited: {proc.stderr.read() if proc.stderr else ''}")
    yield proc
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def expected_reply(home: Path) -> str:
    env = dict(os.environ) | {"QUICKREPLY_HOME": str(home)}
    out = subprocess.run(
        [sys.executable, "-m", "quickreply", "render", "zzq"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.rstrip("\n")


def test_palette_hotkey_query_enter_pastes_the_reply_and_gives_the_clipboard_back(
    xvfb: Xvfb, home: Path, app: subprocess.Popen[str]
) -> None:
    wanted = expected_reply(home)
    assert "\n" in wanted and "{{" not in wanted
    target = Proc([sys.executable, str(HERE / "target_app.py")], xvfb.env())
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
