"""A stand-in chat client for the paste benchmark and the end-to-end tests: one QTextEdit.

Run as ``python -m quickreply.benchmarks.target_app [TITLE]`` on the display under test. Prints
``ready`` with its window id, then one JSON line per change (``{"t": monotonic, "text": ...}``)
so the driver sees exactly what arrived and when; reads ``clear`` / ``quit`` on stdin.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication, QTextEdit


def emit(**data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main() -> int:
    app = QApplication(sys.argv[:1])
    edit = QTextEdit()
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
