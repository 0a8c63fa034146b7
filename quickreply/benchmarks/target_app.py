"""A stand-in chat client for the paste benchmark and the end-to-end tests: one QTextEdit.

Run as ``python -m quickreply.benchmarks.target_app [TITLE]`` on the display under test. Prints
``ready`` with its window id, then one JSON line per change (``{"t": monotonic, "text": ...}``)
so the driver sees exactly what arrived and when; reads ``clear`` / ``quit`` on stdin.

A pasted image is taken as chat clients take one (a picture message, not part of the text): it
prints ``{"event": "image", "width", "height", "sha256"}``, the hash over its pixels as 8-bit
RGBA rows, so a test can compare them with the pixels it drew.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time

from PySide6.QtCore import QMimeData, QSocketNotifier
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication, QTextEdit


def emit(**data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def pixels_sha256(image: QImage) -> str:
    """The hash of ``image``'s pixels as RGBA bytes, row after row, no padding."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    bits, stride, row = bytes(rgba.constBits()), rgba.bytesPerLine(), rgba.width() * 4
    return hashlib.sha256(
        b"".join(bits[y * stride : y * stride + row] for y in range(rgba.height()))
    ).hexdigest()


class ChatInput(QTextEdit):
    """The chat's input box: text goes into it, an image is sent as a picture message."""

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasImage() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasImage() and not source.hasText():
            data = source.imageData()
            image = data.toImage() if isinstance(data, QPixmap) else QImage(data)
            emit(
                event="image",
                t=time.monotonic(),
                width=image.width(),
                height=image.height(),
                sha256=pixels_sha256(image),
                formats=list(source.formats()),
            )
            return
        super().insertFromMimeData(source)


def main() -> int:
    app = QApplication(sys.argv[:1])
    edit = ChatInput()
    edit.setWindowTitle(sys.argv[1] if len(sys.argv) > 1 else "买家小王 - 千牛接待台")
    edit.resize(500, 300)
    edit.textChanged.connect(lambda: emit(t=time.monotonic(), text=edit.toPlainText()))

    def command() -> None:
        line = sys.stdin.readline().strip()
        if line == "clear":
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
            emit(event="cleared")
        elif line in ("quit", ""):
            app.quit()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    edit.show()
    app.processEvents()
    emit(event="ready", window=int(edit.winId()))
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
