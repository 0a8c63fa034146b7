"""Small PNG and JPEG files drawn by the tests themselves (no image library needed)."""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Callable

Pixel = tuple[int, int, int, int]  # R, G, B, A


def quadrants(x: int, y: int, width: int = 40, height: int = 30) -> Pixel:
    """Four colours, one per quarter, and a dark diagonal: a picture whose pixels can be told
    apart from any blur, scaling or channel swap."""
    if abs(x * height - y * width) < width:
        return (20, 20, 20, 255)
    left, top = x < width // 2, y < height // 2
    return {
        (True, True): (230, 40, 40, 255),
        (False, True): (40, 180, 60, 255),
        (True, False): (40, 80, 220, 255),
        (False, False): (250, 200, 30, 255),
    }[(left, top)]


def rgba_rows(width: int, height: int, pixel: Callable[[int, int], Pixel]) -> bytes:
    return b"".join(bytes(c for x in range(width) for c in pixel(x, y)) for y in range(height))


def png(
    width: int = 40, height: int = 30, pixel: Callable[[int, int], Pixel] | None = None
) -> bytes:
    """An 8-bit RGBA PNG of ``pixel(x, y)`` (default: :func:`quadrants`)."""
    draw = pixel or (lambda x, y: quadrants(x, y, width, height))
    raw = b"".join(
        b"\x00" + bytes(c for x in range(width) for c in draw(x, y)) for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def pixels_sha256(width: int = 40, height: int = 30) -> str:
    """What the stand-in chat client reports for the :func:`png` default picture."""
    return hashlib.sha256(
        rgba_rows(width, height, lambda x, y: quadrants(x, y, width, height))
    ).hexdigest()


def jpeg_header(width: int, height: int) -> bytes:
    """The start of a baseline JPEG up to its frame header (what the size is read from)."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + b"\x00" * 64


def jpeg_of(data: bytes) -> bytes:
    """``data`` (a PNG) saved as a JPEG by Qt (needs a QGuiApplication): no JPEG encoder here."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage

    out = QBuffer()
    out.open(QIODevice.OpenModeFlag.WriteOnly)
    assert QImage.fromData(data).save(out, "JPEG", 95)
    return bytes(out.data())
