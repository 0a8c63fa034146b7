"""The app's translator for a language, built fresh from its .ts (a stale .qm must not hide a
missing string), installed for the length of a ``with`` block."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

FOLDER = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = ("zh_CN", "en", "zh_TW")  # zh_CN: the source strings, no translator


@contextmanager
def translated(qapp: QApplication, lang: str, folder: Path) -> Iterator[None]:
    if lang == "zh_CN":
        yield
        return
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    lrelease = str(tool) if tool.exists() else shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease not found")
    qm = folder / f"{lang}.qm"
    ts = FOLDER / f"quickreply_{lang}.ts"
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        yield
    finally:
        qapp.removeTranslator(translator)
