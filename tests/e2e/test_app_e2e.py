"""Phase 2 end to end: the whole app (``python -m quickreply``) under Xvfb. xdotool presses the
palette hotkey, types a query and presses Enter; the chat window receives exactly the reply."""

from __future__ import annotations

import textwrap
import time
from collections.abc import Iterator
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


@pytest.fixture
def app(xvfb: Xvfb, home: Path) -> Iterator[Proc]:
    try:
        proc = start_app(xvfb.env(), home)
    except RuntimeError as err:
        pytest.fail(str(err))
    yield proc
    proc.terminate()


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
