"""Build the .qm translation files from resources/translations/*.ts with pyside6-lrelease.

Run by scripts/setup (``python -m quickreply.ui.i18n_build``). Without the .qm files the UI
shows its zh-CN source strings, so a failed build is reported but never fatal to the app.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[2] / "resources" / "translations"


def lrelease() -> str | None:
    """pyside6-lrelease from this interpreter's environment, else from PATH (``which`` also
    finds the ``.exe`` in a Windows venv's Scripts folder, which need not be on PATH)."""
    beside = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    return beside or shutil.which("pyside6-lrelease")


def build(folder: Path = FOLDER) -> int:
    tool = lrelease()
    if tool is None:
        print("i18n_build: pyside6-lrelease not found (pip install PySide6-Essentials)")
        return 1
    failures = 0
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        done = subprocess.run([tool, str(ts), "-qm", str(qm)], capture_output=True, text=True)
        if done.returncode != 0:
            failures += 1
            print(f"{ts}:0: i18n_build: lrelease failed ({done.stderr.strip()})")
        else:
            print(f"i18n_build: {qm.name}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(build())
