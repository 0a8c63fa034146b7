"""Shared fixtures: offscreen Qt, an isolated QUICKREPLY_HOME, and small pack writers."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Qt aborts the process with no display; widget tests run offscreen unless a test starts Xvfb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never grab the real keyboard or clipboard of the machine they run on, whether or not it
# has a DISPLAY; e2e tests start their own Xvfb and choose the X11 backend explicitly.
os.environ["QUICKREPLY_BACKEND"] = "none"

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "snippets"


@pytest.fixture(autouse=True)
def qr_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own empty QuickReply home so no test touches the user's data."""
    home = tmp_path / "qr-home"
    home.mkdir()
    monkeypatch.setenv("QUICKREPLY_HOME", str(home))
    yield home


@pytest.fixture
def write_pack(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a dedented YAML pack into tmp_path and return its path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture(autouse=True)
def no_leftover_windows() -> Iterator[None]:
    """Delete the top-level windows a test left behind (views built by the composition root, a
    screenshot's widget): Qt keeps closed windows alive, and every later theme change or event
    then walks all of them, so the suite slowed down test by test."""
    yield
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None:  # a core test: Qt was never loaded
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if widgets.QApplication.instance() is None:
        return
    for window in widgets.QApplication.topLevelWidgets():
        # Hidden, not closed: a close event may ask a question (unsaved edits) nobody answers.
        window.hide()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
