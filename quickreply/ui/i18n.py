"""UI language: pick zh_CN / en / zh_TW from the setting or the system, install Qt translators.

Source strings are zh-CN, so Simplified Chinese needs no .qm of ours (only Qt's own strings
for standard buttons and dialogs). The .qm files are built from resources/translations/*.ts by
``python -m quickreply.ui.i18n_build``; a missing .qm falls back to the Chinese source strings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("zh_CN", "en", "zh_TW")


def resolve_language(setting: str | None, system: str | None = None) -> str:
    """Map a setting ("system", "zh_CN", "en", "zh_TW", or a locale like "zh-HK") to one of
    :data:`LANGUAGES`."""
    wanted = (setting or "system").replace("-", "_")
    if wanted == "system":
        wanted = system or QLocale.system().name()
    lower = wanted.lower()
    if lower.startswith("zh"):
        traditional = ("_tw", "_hk", "_mo", "hant")
        return "zh_TW" if any(tag in lower for tag in traditional) else "zh_CN"
    if lower.startswith("en"):
        return "en"
    # Agents on other system languages still read Chinese best: the product is for Chinese shops.
    return "zh_CN"


def install_translators(
    app: QCoreApplication, setting: str | None, folder: Path
) -> list[QTranslator]:
    """Install our translator and Qt's own for the chosen language; return them (keep them
    referenced for the life of the app)."""
    language = resolve_language(setting)
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    if language != "zh_CN":
        ours = QTranslator(app)
        if ours.load(str(folder / f"quickreply_{language}.qm")):
            app.installTranslator(ours)
            installed.append(ours)
    return installed
