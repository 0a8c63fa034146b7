"""Fixtures for the platform backends: the strict Win32 fake installed over ctypes."""

from __future__ import annotations

import pytest

from tests.win32fake import FakeWin32, install


@pytest.fixture
def win32(monkeypatch: pytest.MonkeyPatch) -> FakeWin32:
    """A fake Windows (ctypes.WinDLL, windll, keyboard, pyperclip) for this test."""
    return install(monkeypatch)
