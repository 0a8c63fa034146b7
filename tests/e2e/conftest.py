"""Fixtures for end-to-end tests: an Xvfb of their own, the stand-in chat client, the harness."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from quickreply.benchmarks.xsession import (
    Proc,
    Xvfb,
    harness_command,
    missing_tools,
    start_app,
    target_command,
    xdotool,
)

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def xvfb() -> Iterator[Xvfb]:
    missing = missing_tools()
    if missing:
        pytest.skip(f"end-to-end tests need {', '.join(missing)} (apt install xvfb xdotool xclip)")
    server = Xvfb()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def target(xvfb: Xvfb) -> Iterator[Proc]:
    proc = Proc(target_command(), xvfb.env())
    proc.window = proc.expect("ready")["window"]  # type: ignore[attr-defined]
    yield proc
    proc.stop()


@pytest.fixture
def app(xvfb: Xvfb, home: Path) -> Iterator[Proc]:
    """The app started on the test module's own ``home`` fixture (its packs and settings)."""
    try:
        proc = start_app(xvfb.env(), home)
    except RuntimeError as err:
        pytest.fail(str(err))
    yield proc
    proc.terminate()


def start_harness(xvfb: Xvfb, restore_ms: int = 200) -> tuple[Proc, dict[str, object]]:
    proc = Proc(harness_command(restore_ms), xvfb.env())
    return proc, proc.expect("ready", timeout=20)


def focus(xvfb: Xvfb, window: int) -> None:
    xdotool(xvfb.env(), "windowfocus", "--sync", str(window))


def set_clipboard(xvfb: Xvfb, data: str, mime: str = "UTF8_STRING") -> None:
    """What the agent copied before: owned by an xclip process, as another program would."""
    subprocess.run(
        ["xclip", "-selection", "clipboard", "-t", mime, "-i"],
        input=data.encode("utf-8"),
        env=xvfb.env(),
        check=True,
        timeout=10,
    )


def clipboard_bytes(xvfb: Xvfb, mime: str = "UTF8_STRING") -> bytes:
    return subprocess.run(
        ["xclip", "-selection", "clipboard", "-t", mime, "-o"],
        env=xvfb.env(),
        capture_output=True,
        check=False,
        timeout=10,
    ).stdout


def read_clipboard(xvfb: Xvfb, mime: str = "UTF8_STRING") -> str:
    return clipboard_bytes(xvfb, mime).decode("utf-8")
