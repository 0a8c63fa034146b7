"""The application icon: the tray and every window show the committed PNG sizes of the SVG."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from quickreply.app.views import ICONS, app_icon
from tests.app.rig import Rig

pytestmark = pytest.mark.gui

SIZES = (16, 24, 32, 48, 64, 128, 256)


def argb(image: QImage) -> QImage:
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def test_every_size_is_drawn_and_not_blank(qapp: QApplication) -> None:
    assert {(s.width(), s.height()) for s in app_icon().availableSizes()} == {(s, s) for s in SIZES}
    for size in SIZES:
        image = argb(QImage(str(ICONS / f"quickreply-{size}.png")))
        assert image.size() == QSize(size, size)
        opaque = sum(image.pixelColor(x, y).alpha() > 128 for x in range(size) for y in range(size))
        assert opaque > size * size // 3  # a bubble, not an empty square


def test_the_tray_and_the_windows_use_it(rig: Rig) -> None:
    tray = argb(rig.app.tray.icon.icon().pixmap(16, 16).toImage())
    assert tray == argb(QImage(str(ICONS / "quickreply-16.png")))
    window = QApplication.windowIcon()
    assert argb(window.pixmap(32, 32).toImage()) == argb(QImage(str(ICONS / "quickreply-32.png")))
