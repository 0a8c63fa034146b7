"""What ``quickreply`` with no subcommand runs: :func:`run` starts the resident app, or renders
``--screenshot FILE --view NAME`` offscreen and exits.

The resident app runs once per user session (a second launch brings the first one forward),
ends like Quit on SIGTERM/SIGINT (:mod:`quickreply.app.signals`), and says in one line why it
cannot start when there is no display. Heavy imports happen inside :func:`run`, so importing
this module stays cheap.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from quickreply.core.paths import AppPaths

if TYPE_CHECKING:
    from quickreply.platforms.autostart import Autostart


def no_display_reason(env: Mapping[str, str], platform: str) -> str:
    """Why the app cannot open a window here, or "" when it can.

    Without a display Qt aborts the process with a message about libxcb-cursor0 that sends
    people hunting for a library they already have; say what is really missing instead.
    """
    if not platform.startswith("linux"):
        return ""
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0]  # e.g. "xcb", "wayland", "offscreen"
    if qpa.startswith("xcb"):
        has_display = bool(env.get("DISPLAY"))
    elif qpa.startswith("wayland"):
        has_display = bool(env.get("WAYLAND_DISPLAY"))
    elif qpa:
        return ""  # offscreen, vnc, eglfs…: platforms that need no display server
    else:
        has_display = bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    if has_display:
        return ""
    return (
        "no display to open the app on (DISPLAY and WAYLAND_DISPLAY are unset): start it from "
        "your desktop session; without one, the commands (quickreply lint, render, search, "
        "stats) and quickreply --screenshot FILE still work"
    )


def login_start(env: Mapping[str, str]) -> Autostart | None:
    """Start at login for this installation: what the settings dialog's option turns on."""
    from quickreply.platforms.autostart import launch_command, platform_autostart

    frozen = bool(getattr(sys, "frozen", False))  # set by PyInstaller's bootloader
    command = launch_command(sys.executable, frozen=frozen, platform=sys.platform)
    return platform_autostart(sys.platform, env, command)


def use_working_input_method() -> None:
    """Before Qt starts: an fcitx desktop gets ibus when this Qt has no fcitx plugin (the
    PySide6 wheel), said in one line (:mod:`quickreply.platforms.inputmethod`)."""
    if not sys.platform.startswith("linux"):
        return
    from PySide6.QtCore import QLibraryInfo

    from quickreply.platforms.inputmethod import choose_input_method, plugin_names

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    try:
        files = os.listdir(plugins / "platforminputcontexts")
    except OSError:
        files = []
    choice = choose_input_method(os.environ, plugin_names(files))
    os.environ.update(choice.env)
    if choice.line:
        print(choice.line, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Start the app, or render ``--screenshot FILE --view NAME`` and exit."""
    from quickreply.app.services import START_BUDGET, build_services

    paths = AppPaths.from_env()
    lang = args.lang
    helper = getattr(args, "build_caches", None)
    if helper is not None:
        from quickreply.app.services import build_caches

        budget = START_BUDGET if helper < 0 else helper
        return build_caches(paths, extra=args.pack or [], shop_path=args.shop, budget=budget)
    if args.screenshot is not None:
        from quickreply.app.views import screenshot

        services = build_services(paths, extra=args.pack or [], shop_path=args.shop)
        for problem in services.problems:
            print(problem, file=sys.stderr)
        if getattr(args, "theme", None):
            services.settings = dataclasses.replace(services.settings, theme=args.theme)
        return screenshot(args.screenshot, args.view, services, lang)

    missing = no_display_reason(os.environ, sys.platform)
    if missing:
        print(f"quickreply: {missing}", file=sys.stderr)
        return 1
    from quickreply.app.resident import QuickReplyApp
    from quickreply.app.signals import QuitOnSignals
    from quickreply.app.views import make_qapp
    from quickreply.ui.single_instance import SingleInstance, server_name

    use_working_input_method()
    qapp = make_qapp()
    # From here on a logout or `kill PID` ends the app like Quit, not in the middle of a write.
    signals = QuitOnSignals(qapp)
    guard = SingleInstance(server_name(paths.config))
    if not guard.claim():
        signals.close()
        print("quickreply: already running; brought it to the front", file=sys.stderr)
        return 0
    # A first start without a cache opens on part of the library; the rest loads meanwhile.
    services = build_services(
        paths, extra=args.pack or [], shop_path=args.shop, budget=START_BUDGET
    )
    app = QuickReplyApp(qapp, services, lang, autostart=login_start(os.environ))
    guard.activated.connect(app.bring_forward)
    # Closing the last window keeps the app in the tray; Quit in the tray menu ends it.
    qapp.setQuitOnLastWindowClosed(False)
    signals.on_signal = app.quit
    code = 0
    if signals.received is None:  # a signal during start-up: end without showing anything
        app.start()
        code = int(qapp.exec())
    app.shut_down()
    signals.close()
    guard.release()
    return code
