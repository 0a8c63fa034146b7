"""Image replies through Qt's decoders: CF_DIB pixels for Windows, the preview's thumbnail.

The platforms layer has no image library. The Windows clipboard wants ``CF_DIB`` pixels besides
the ``PNG`` file (WeChat, QQ and most Win32 programs read only that), so the composition root
hands it :func:`packed_dib`; the palette shows a reply's image with :class:`ImageThumb`.
"""

from __future__ import annotations

import struct

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

THUMB = QSize(160, 96)  # the preview's thumbnail: a size chart stays recognisable
_BI_RGB = 0


def decoded(data: bytes) -> QImage | None:
    """``data`` (a PNG or JPEG file) as an image, or None when Qt cannot read it."""
    image = QImage.fromData(data)
    return None if image.isNull() else image


def packed_dib(data: bytes) -> bytes | None:
    """A packed DIB for ``CF_DIB``: a BITMAPINFOHEADER and 32-bit rows, bottom-up.

    Transparent parts are drawn over white first: most programs reading ``CF_DIB`` ignore the
    alpha byte, and a size chart on a transparent background would paste black.
    """
    image = decoded(data)
    if image is None:
        return None
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor("white"))
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    width, height = flat.width(), flat.height()
    # Format_RGB32 is 0xffRRGGBB per pixel: B, G, R, 0xff in memory, as a DIB wants; rows of
    # 32-bit pixels need no padding. A positive height means the last row comes first.
    rows = bytes(flat.constBits())
    stride = flat.bytesPerLine()
    pixels = b"".join(rows[y * stride : y * stride + width * 4] for y in range(height - 1, -1, -1))
    header = struct.pack(
        "<IiiHHIIiiII", 40, width, height, 1, 32, _BI_RGB, len(pixels), 2835, 2835, 0, 0
    )
    return header + pixels


class ImageThumb(QLabel):
    """A small picture of the image a reply pastes; hidden when the reply has none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewImage")
        self.setFixedHeight(THUMB.height())
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setVisible(False)
        self._shown: bytes | None = None

    def show_image(self, data: bytes | None, tooltip: str = "") -> None:
        """Show ``data`` scaled into the thumbnail box (None or unreadable: hide)."""
        if data == self._shown and data is not None:
            return
        self._shown = data
        image = decoded(data) if data else None
        if image is None:
            self.clear()
            self.setVisible(False)
            return
        scaled = image.scaled(
            THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.setPixmap(QPixmap.fromImage(scaled))
        self.setToolTip(tooltip)
        self.setVisible(True)
