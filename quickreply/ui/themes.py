"""Light and dark themes: a Qt style sheet from resources/themes, chosen by setting or system."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

#: Stands for the icons folder in a style sheet (Qt resolves url() against the working directory).
ICONS_MARK = "@ICONS@"


def resolve_theme(setting: str, app: QApplication) -> str:
    if setting in ("light", "dark"):
        return setting
    scheme = app.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def apply_theme(app: QApplication, setting: str, folder: Path) -> str:
    """Apply the theme's style sheet; returns the theme used. A missing file leaves Qt's look."""
    theme = resolve_theme(setting, app)
    # Fusion renders the same on Windows and Linux, so one style sheet fits both.
    app.setStyle("Fusion")
    try:
        sheet = (folder / f"{theme}.qss").read_text(encoding="utf-8")
    except OSError:
        sheet = ""
    app.setStyleSheet(sheet.replace(ICONS_MARK, icons_folder(folder).as_posix()))
    return theme


def is_dark(widget: QWidget) -> bool:
    """True when the widget's text is lighter than its background (the dark theme): for the
    colours a style sheet cannot reach (rich text, item foregrounds)."""
    widget.ensurePolished()
    palette = widget.palette()
    text = palette.color(QPalette.ColorRole.Text).lightness()
    return text > palette.color(QPalette.ColorRole.Base).lightness()


def icons_folder(themes: Path) -> Path:
    """The arrows and check marks a style sheet draws live next to the themes folder."""
    return themes.parent / "icons"
