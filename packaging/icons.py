"""Render the application icon's PNG sizes and the Windows .ico from resources/icons/quickreply.svg.

Run after changing the SVG: ``.venv/bin/python packaging/icons.py``; the outputs are committed
(the tray, the windows, the .desktop launcher, PyInstaller and Inno Setup read them).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Windows picks from these for the taskbar, Explorer, the tray and the installer.
ICO_SIZES = (16, 24, 32, 48, 64, 256)


def draw(size: int) -> QImage:
    """The SVG drawn at ``size`` x ``size`` pixels on a transparent background."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(ICONS / "quickreply.svg")).render(painter)
    painter.end()
    return image


def png(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def dib(image: QImage) -> bytes:
    """One icon image as a 32-bit BGRA bitmap (bottom-up rows, then an all-clear AND mask): the
    classic form every reader of .ico files knows, unlike PNG entries below 256 px."""
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_ARGB32)  # BGRA bytes in memory
    size = image.width()
    row = size * 4
    bits = bytes(image.constBits())
    pixels = b"".join(bits[y * row : (y + 1) * row] for y in reversed(range(size)))
    mask = bytes(((size + 31) // 32) * 4 * size)
    header = struct.pack(
        "<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0
    )
    return header + pixels + mask


def ico(images: dict[int, QImage]) -> bytes:
    """An .ico with a bitmap per size below 256 px and a PNG at 256 px (as Windows' own are)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, image in sorted(images.items()):
        data = png(image) if size >= 256 else dib(image)
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # QImage text and SVG rendering want an application
    images = {size: draw(size) for size in PNG_SIZES}
    for size, image in images.items():
        (ICONS / f"quickreply-{size}.png").write_bytes(png(image))
    (ICONS / "quickreply.ico").write_bytes(ico({s: images[s] for s in ICO_SIZES}))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
