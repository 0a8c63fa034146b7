"""An image reply end to end: the whole app under Xvfb pastes a PNG, then the text, into a Qt
chat window; the pixels that arrive are the ones drawn, ``xclip`` (a program we did not write)
reads the same PNG bytes off the clipboard while the app owns it, and afterwards the agent's
own text is back on the clipboard."""

from __future__ import annotations

import json
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from quickreply.benchmarks.xsession import Proc, Xvfb, target_command, xdotool
from tests.pngs import pixels_sha256, png

from .conftest import clipboard_bytes, focus, read_clipboard, set_clipboard

pytestmark = pytest.mark.e2e

PACK = """
pack:
  id: e2e.images
  name: 图片回复
  version: 1
snippets:
  - id: e2e.size_chart
    title: 端到端尺码表
    code: zzcm
    image: images/尺码表.png
    text: 亲，尺码表请看上图~
"""
TEXT = "亲，尺码表请看上图~"
RESTORE_MS = 1500  # long enough to read the clipboard with xclip between the two pastes


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    personal = home / "personal"
    (personal / "images").mkdir(parents=True)
    (personal / "images.yaml").write_text(textwrap.dedent(PACK), encoding="utf-8")
    (personal / "images" / "尺码表.png").write_bytes(png())
    (home / "config").mkdir()
    (home / "config" / "settings.json").write_text(
        json.dumps({"restore_ms": RESTORE_MS}), encoding="utf-8"
    )
    return home


def open_palette_and_paste(xvfb: Xvfb, window: int, query: str) -> None:
    env = xvfb.env()
    focus(xvfb, window)
    xdotool(env, "key", "ctrl+alt+space")
    deadline = time.monotonic() + 10
    while xdotool(env, "getwindowfocus").strip() == str(window):
        assert time.monotonic() < deadline, "the palette never took the focus"
        time.sleep(0.05)
    time.sleep(0.2)
    xdotool(env, "type", "--delay", "20", query)
    time.sleep(0.5)  # the list follows the typing
    xdotool(env, "key", "Return")


def test_an_image_reply_pastes_the_pixels_then_the_text_and_gives_the_clipboard_back(
    xvfb: Xvfb, home: Path, app: Proc
) -> None:
    drawn = png()
    target = Proc(target_command(), xvfb.env())
    try:
        window = target.expect("ready")["window"]
        set_clipboard(xvfb, "客户的订单号 A123")
        open_palette_and_paste(xvfb, window, "zzcm")

        image: dict[str, Any] = target.expect("image", timeout=10)
        assert (image["width"], image["height"]) == (40, 30)
        assert image["sha256"] == pixels_sha256()  # every pixel as drawn, none blurred or swapped
        # While the app still owns the clipboard with the picture, xclip reads the same file.
        targets = clipboard_bytes(xvfb, "TARGETS").decode().split()
        assert "image/png" in targets
        assert clipboard_bytes(xvfb, "image/png") == drawn

        assert target.text_until(TEXT, timeout=10)["text"] == TEXT
        deadline = time.monotonic() + 2 * RESTORE_MS / 1000 + 5
        while read_clipboard(xvfb) != "客户的订单号 A123" and time.monotonic() < deadline:
            time.sleep(0.05)
        assert read_clipboard(xvfb) == "客户的订单号 A123"
        assert "image/png" not in clipboard_bytes(xvfb, "TARGETS").decode().split()
    finally:
        target.stop()
