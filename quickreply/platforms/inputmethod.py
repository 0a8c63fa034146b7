"""Choosing an input-method module this Qt build has, before the application starts.

Deepin, UOS, Kylin and most Chinese Linux desktops run fcitx5 and set ``QT_IM_MODULE=fcitx``.
The PySide6 wheel ships only the ibus and compose input-context plugins, and Debian's own fcitx5
Qt 6 plugin does not load into the wheel's newer Qt, so Qt silently falls back to no input
method: typing ``kuaidi`` + space gives the letters. fcitx5 also speaks the ibus protocol (its
ibus frontend), so asking Qt for ibus instead brings Chinese input back.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

#: What desktops put in QT_IM_MODULE for fcitx (both spellings are in use).
FCITX_NAMES = frozenset({"fcitx", "fcitx5"})


@dataclass(frozen=True)
class ImChoice:
    """Environment variables to set before Qt starts, and the one line saying why ("" if none)."""

    env: dict[str, str] = field(default_factory=dict)
    line: str = ""


def plugin_names(files: Collection[str]) -> set[str]:
    """``libibusplatforminputcontextplugin.so`` (or ``.dll``) → ``ibus``."""
    names = set()
    for file in files:
        stem = file.split(".")[0]
        stem = stem.removeprefix("lib")
        if stem.endswith("platforminputcontextplugin"):
            names.add(stem.removesuffix("platforminputcontextplugin"))
    return names


def choose_input_method(env: Mapping[str, str], plugins: Collection[str]) -> ImChoice:
    """Keep what the desktop asked for when this Qt has it; otherwise switch fcitx to ibus."""
    modules = [m.strip() for m in env.get("QT_IM_MODULES", "").split(";") if m.strip()]
    module = env.get("QT_IM_MODULE", "").strip()
    wanted = modules or ([module] if module else [])
    if not wanted or any(name in plugins for name in wanted):
        return ImChoice()
    if not any(name in FCITX_NAMES for name in wanted):
        return ImChoice()  # an input method we know no substitute for: Qt reports it itself
    asked = ";".join(wanted)
    if "ibus" in plugins:
        return ImChoice(
            {"QT_IM_MODULE": "ibus", "QT_IM_MODULES": "ibus"},
            f"quickreply: this Qt has no '{asked}' input method plugin; using 'ibus' (fcitx5"
            " answers it) so Chinese input works (set QT_IM_MODULE=ibus to skip this line)",
        )
    return ImChoice(
        line=f"quickreply: this Qt has no '{asked}' or 'ibus' input method plugin: Chinese input"
        " may not reach the palette (reinstall PySide6, which ships the ibus plugin)"
    )
