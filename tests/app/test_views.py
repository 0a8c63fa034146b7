"""The view factories: a screenshot of every view, in the language chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from quickreply.cli import VIEWS, main
from quickreply.ui.i18n import resolve_language

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("view", VIEWS)
def test_screenshot_of_each_view_writes_a_png(tmp_path: Path, view: str) -> None:
    out = tmp_path / "shots" / f"{view}.png"
    assert main(["--screenshot", str(out), "--view", view]) == 0
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() >= 300 and image.height() >= 200


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("system", "zh_CN", "zh_CN"),
        ("system", "zh_HK", "zh_TW"),
        ("system", "en_US", "en"),
        ("system", "de_DE", "zh_CN"),
        ("zh_TW", "en_US", "zh_TW"),
        ("en", "zh_CN", "en"),
    ],
)
def test_language_follows_the_setting_or_the_system(
    setting: str, system: str, expected: str
) -> None:
    assert resolve_language(setting, system) == expected
