"""Starting the app: one clear line without a display."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quickreply.app.main import no_display_reason
from quickreply.core.paths import AppPaths
from quickreply.core.stats import StatsStore

pytestmark = pytest.mark.gui


def test_starting_without_a_display_says_so_in_one_line() -> None:
    """Qt would abort the process with a misleading message about libxcb-cursor0."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "quickreply"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "quickreply: no display to open the app on (DISPLAY and WAYLAND_DISPLAY are unset): "
        "start it from your desktop session; without one, the commands (quickreply lint, "
        "render, search, stats) and quickreply --screenshot FILE still work"
    ]


@pytest.mark.parametrize(
    ("env", "platform", "blocked"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({}, "win32", False),
    ],
)
def test_no_display_reason(env: dict[str, str], platform: str, blocked: bool) -> None:
    assert bool(no_display_reason(env, platform)) is blocked


def _wait_for_stderr(proc: subprocess.Popen[bytes], wanted: str, timeout: float) -> None:
    """Read the child's stderr until it holds ``wanted`` (Qt may warn first)."""
    assert proc.stderr is not None
    fd = proc.stderr.fileno()
    seen = b""
    deadline = time.monotonic() + timeout
    while wanted.encode() not in seen and (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        chunk = os.read(fd, 4096) if ready else b""
        if ready and not chunk:
            pytest.fail(f"the app exited: {seen.decode('utf-8', 'replace')}")
        seen += chunk
    assert wanted.encode() in seen, f"the app never printed {wanted!r}"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_ends_the_running_app_like_quit(qr_home: Path, signum: signal.Signals) -> None:
    """A logout sends SIGTERM, Ctrl+C in a terminal SIGINT: either ends the app at once with
    status 0, no traceback, and the usage store closed with what it held."""
    paths = AppPaths.from_env()
    stats = StatsStore(paths.stats_file)
    stats.record_use("greet")
    stats.close()
    proc = subprocess.Popen(
        [sys.executable, "-m", "quickreply"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        # With paste turned off (QUICKREPLY_BACKEND=none) the app says so once it has started.
        _wait_for_stderr(proc, "turned off", timeout=60)
        proc.send_signal(signum)
        try:
            _, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the app was still running 10 s after {signum.name}")
        assert proc.returncode == 0
        assert b"Traceback" not in err and b"KeyboardInterrupt" not in err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    again = StatsStore(paths.stats_file)
    assert again.usage()["greet"].count == 1
    assert not again.problems
    again.close()
    assert sorted(p.name for p in paths.data.iterdir()) == ["stats.sqlite3"]
