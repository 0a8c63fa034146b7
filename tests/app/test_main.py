"""Starting the app: one clear line without a display."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from quickreply.app.main import no_display_reason

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
