"""Choose the platform backend at start-up: the one asked for, else what this session supports.

The preference comes from the caller (the app reads ``QUICKREPLY_BACKEND``, else the setting);
``auto`` picks by platform and session.

Backends import their OS packages lazily, so a missing package (python-xlib) or OS (Win32 on
Linux) only disables its own backend. When none works (Wayland, no display, a package
missing) the reason is one line saying what to do, and the app keeps running: the palette
still copies.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from quickreply.core.problems import Problem
from quickreply.platforms.base import Backend, platform_problem

BACKENDS = ("auto", "x11", "windows", "fake", "none")


@dataclass(frozen=True, slots=True)
class Choice:
    """The backend to use, or None and the one-line reason paste and hotkeys are off."""

    backend: Backend | None
    problem: Problem | None = None


def _off(
    message: str, hint: str = "", *, code: str, args: Mapping[str, str] | None = None
) -> Choice:
    """No backend: paste and hotkeys are off, for the reason ``message`` gives."""
    return Choice(None, platform_problem("backend", message, hint, code=code, args=args))


def is_wayland(env: Mapping[str, str]) -> bool:
    return env.get("XDG_SESSION_TYPE", "").lower() == "wayland" or bool(env.get("WAYLAND_DISPLAY"))


def choose_backend(
    preference: str,
    env: Mapping[str, str],
    platform: str = sys.platform,
    *,
    dib: Callable[[bytes], bytes | None] | None = None,
    png: Callable[[bytes], bytes | None] | None = None,
) -> Choice:
    """Build the backend named by ``preference`` (``auto`` picks by platform and session).

    ``dib`` turns an image file into a packed DIB, for the Windows clipboard's ``CF_DIB``;
    ``png`` a JPEG file into a PNG file, for X11 clients that only read ``image/png``."""
    name = (preference or "auto").strip().lower()
    if name not in BACKENDS:
        return _off(
            f"unknown paste backend '{preference}'",
            f"use one of {', '.join(BACKENDS)} in settings",
            code="backend.unknown",
            args={"backend": preference, "choices": ", ".join(BACKENDS)},
        )
    if name == "none":
        return _off("paste and global hotkeys are turned off in settings", code="backend.off")
    if name == "fake":
        from quickreply.platforms.fake import fake_backend

        return Choice(fake_backend()[0])
    if name == "auto":
        if platform.startswith("win"):
            name = "windows"
        elif is_wayland(env):
            # XGrabKey under XWayland only sees keys while an X window has focus, and XTest
            # cannot type into native Wayland windows: better say so than half-work.
            return _off(
                "this is a Wayland session: global hotkeys and pasting into other apps "
                "are not available",
                "log in with an X11 (Xorg) session, or press Enter in the palette to copy "
                "and paste with Ctrl+V yourself",
                code="backend.wayland",
            )
        elif env.get("DISPLAY"):
            name = "x11"
        else:
            return _off(
                "no X11 display (DISPLAY is not set): global hotkeys and paste are off",
                "start QuickReply inside your desktop session",
                code="backend.no_display",
            )
    if name == "x11":
        from quickreply.platforms.x11 import X11Unavailable, create_x11_backend

        try:
            return Choice(create_x11_backend(env.get("DISPLAY"), png=png))
        except X11Unavailable as err:
            return _off(
                f"the X11 backend cannot start: {err}",
                "install python-xlib and run inside an X11 session",
                code="backend.x11_failed",
                args={"error": str(err)},
            )
    from quickreply.platforms.windows import WindowsUnavailable, create_windows_backend

    try:
        return Choice(create_windows_backend(dib=dib))
    except WindowsUnavailable as err:
        return _off(
            f"the Windows backend cannot start: {err}",
            "choose another paste backend in settings, or report this line to the maintainers",
            code="backend.windows_failed",
            args={"error": str(err)},
        )
