"""Image replies on the Qt side: clipboard conversions, the palette's thumbnail, its 图 mark.

The platforms layer has no image library. The Windows clipboard wants ``CF_DIB`` pixels besides
the ``PNG`` file (WeChat, QQ and most Win32 programs read only that), so the composition root
hands it :func:`packed_dib`; X11 clients often read only ``image/png``, so a JPEG reply goes on
there as :func:`as_png` too. The palette shows a reply's picture with :class:`ImageThumb`, marks
its row with :func:`image_mark` (图) and reads the picture to paste with :func:`picture`; the
marks keep the palette's translation context.
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from quickreply.core.images import PackImage
from quickreply.core.model import Snippet

THUMB = QSize(160, 96)  # the preview's thumbnail: a size chart stays recognisable
_BI_RGB = 0
# Converted pictures kept per conversion: an agent pastes the same few (a size chart, a
# returns map) all day. A 1600 px photo is ≈ 2 MB as PNG and ≈ 8 MB as DIB pixels.
_KEPT_PNG, _KEPT_DIB = 4, 2


@runtime_checkable
class ImageSource(Protocol):
    """What :func:`picture` needs from core.render.Renderer."""

    def image(self, snippet: Snippet, written: str = ..., line: int = ...) -> PackImage: ...


def picture(renderer: object, snippet: Snippet) -> bytes | None:
    """The first picture ``snippet`` pastes, read from its pack (RenderError when it cannot
    be); None when it has none, or when there is no renderer (the raw text is previewed)."""
    if not snippet.images or not isinstance(renderer, ImageSource):
        return None
    first = next((s for s in snippet.steps if s.kind == "image"), None)
    if snippet.image or first is None:
        return renderer.image(snippet).data
    return renderer.image(snippet, first.text, first.line).data


def image_mark(snippet: Snippet) -> str:
    """图 in the row of a reply that pastes a picture too; "" otherwise."""
    return QCoreApplication.translate("PaletteWindow", "图") if snippet.images else ""


def image_note(snippet: Snippet) -> str:
    """Over the preview of a reply with ``image:``: what Enter pastes, in which order."""
    if not snippet.image:
        return ""
    return QCoreApplication.translate("PaletteWindow", "先粘贴图片，再粘贴文字")


def decoded(data: bytes) -> QImage | None:
    """``data`` (a PNG or JPEG file) as an image, or None when Qt cannot read it."""
    image = QImage.fromData(data)
    return None if image.isNull() else image


def as_png(data: bytes) -> bytes | None:
    """``data`` (a JPEG file) as a PNG file of the same pixels, or None when Qt cannot read it."""
    image = decoded(data)
    if image is None:
        return None
    out = QBuffer()
    out.open(QIODevice.OpenModeFlag.WriteOnly)
    # A middle zlib level: as small as the default, in about half its time (a 1600 px JPEG:
    # 0.13 s against 0.22 s), and the paste waits for it.
    image.save(out, "PNG", 50)  # type: ignore[call-overload]  # the stub says bytes, Qt takes str
    return bytes(out.data().data())


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


def converters() -> tuple[Callable[[bytes], bytes | None], Callable[[bytes], bytes | None]]:
    """:func:`packed_dib` and :func:`as_png` for the platform backends (the composition root
    hands them in), each remembering its last few pictures: pasting the same JPEG again
    waits for no conversion (≈ 0.13 s for a 1600 px photo, on the GUI thread)."""
    dib = functools.lru_cache(maxsize=_KEPT_DIB)(packed_dib)
    png = functools.lru_cache(maxsize=_KEPT_PNG)(as_png)
    return dib, png


class ImageThumb(QLabel):
    """A small picture of the image a reply pastes; hidden when the reply has none."""

    def __init__(self, parent: QWidget | None = None, *, into: QBoxLayout | None = None) -> None:
        super().__init__(parent)
        if into is not None:  # the palette places it under the preview note
            into.addWidget(self)
        self.setObjectName("previewImage")
        self.setFixedHeight(THUMB.height())
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setVisible(False)
        self._shown: bytes | None = None

    def show_image(self, data: bytes | None, names: tuple[str, ...] = ()) -> None:
        """Show ``data`` scaled into the thumbnail box, ``names`` (the image files) as its
        tooltip; None or an unreadable picture hides it."""
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
        self.setToolTip(" · ".join(names))
        self.setVisible(True)
