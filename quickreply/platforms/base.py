"""The OS seams (hotkeys, clipboard, key injection, focus, attention requests), one Protocol each.

Backends (``x11.py``, ``windows/``, ``fake.py``) implement these and hand them over as one
:class:`Backend`; the paste sequence (``paste.py``) and the UI only ever talk to the protocols,
and run their steps on a :class:`Scheduler`. The problem lines every backend reports the same
way (a hotkey taken, a backend that cannot start) are built here too. Nothing here imports Qt
or an OS package: a backend that needs one imports it lazily when it is built.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

from quickreply.core.hotkeys import Hotkey, HotkeyError, parse_hotkey
from quickreply.core.problems import Problem

PasteShortcut = Literal["ctrl+v", "shift+insert"]

# One hotkey model for every layer: core/hotkeys.py parses packs, settings and the dialog.
Combo = Hotkey
parse_combo = parse_hotkey
__all__ = ["Combo", "HotkeyError", "parse_combo"]  # re-exported for backends and tests


def platform_problem(
    where: str,
    message: str,
    hint: str = "",
    *,
    code: str = "",
    args: Mapping[str, str] | None = None,
) -> Problem:
    """A user-facing platform message; ``path`` names the layer since no file is involved.

    ``code`` and ``args`` let the UI say it in the user's language (ui/messages.py).
    """
    return Problem(
        path="quickreply",
        line=0,
        where=where,
        message=message,
        hint=hint,
        code=code,
        args=tuple((args or {}).items()),
    )


def hotkey_taken(name: str, combo: Combo) -> Problem:
    """Another program holds ``combo`` (XGrabKey's BadAccess, RegisterHotKey failing)."""
    return platform_problem(
        "hotkeys",
        f"hotkey {combo} for '{name}' is already taken by another program",
        "choose another combination in settings or close the other program",
        code="hotkey.taken",
        args={"combo": str(combo), "name": name},
    )


def hotkey_ours(name: str, combo: Combo, other: str) -> Problem:
    """``combo`` is already one of our own hotkeys, registered for ``other``."""
    return platform_problem(
        "hotkeys",
        f"hotkey {combo} for '{name}' is already used by '{other}'",
        "give one of them another combination",
        code="hotkey.ours",
        args={"combo": str(combo), "name": name, "other": other},
    )


class Hotkeys(Protocol):
    """Global hotkeys. The handler may be called from another thread (the Windows hotkey thread):
    the UI reaches it only through ``ui/bridge.py``, which re-emits it as a Qt signal."""

    def set_handler(self, handler: Callable[[str], None]) -> None: ...

    def register(self, name: str, combo: Combo) -> Problem | None:
        """Grab ``combo`` for ``name``; a clash or unknown key is returned, never raised."""
        ...

    def unregister(self, name: str) -> None: ...

    def registered(self) -> Mapping[str, Combo]: ...


@dataclass(frozen=True, slots=True)
class ClipboardSnapshot:
    """What the clipboard held before we pasted: one bytes payload per format we could read.

    ``formats`` maps a platform format name (X11 target like ``text/html``, Windows format id as
    a string) to its bytes; ``skipped`` names formats we saw but could not keep, for the docs
    and for diagnostics (never logged with contents).
    """

    formats: Mapping[str, bytes] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.formats


class Clipboard(Protocol):
    def save(self) -> ClipboardSnapshot: ...

    def set_text(self, text: str) -> None: ...

    def holds_our_text(self, text: str) -> bool:
        """True while the clipboard still holds what we set (the agent has not copied since)."""
        ...

    def set_image(self, data: bytes, mime: str) -> None:
        """Put an image on the clipboard: ``data`` is a PNG or JPEG file, ``mime`` says which
        (``image/png``, ``image/jpeg``); each backend offers it in the formats its OS uses."""
        ...

    def holds_our_image(self, data: bytes) -> bool:
        """True while the clipboard still holds the image we set."""
        ...

    def restore(self, snapshot: ClipboardSnapshot) -> None: ...


class KeySender(Protocol):
    def send_paste(self, shortcut: PasteShortcut) -> None: ...

    def send_enter(self) -> None: ...

    def keys_released(self, combo: Combo | None) -> bool:
        """True when no modifier and not ``combo``'s own key is physically held down."""
        ...


WindowRef = int


class ForegroundWindow(Protocol):
    def current(self) -> WindowRef | None: ...

    def exists(self, window: WindowRef) -> bool: ...

    def activate(self, window: WindowRef) -> bool: ...

    def title(self, window: WindowRef) -> str: ...


class AttentionWatch(Protocol):
    """Windows asking for the agent's attention: what chat clients do on a new message (X11
    urgency hint or ``_NET_WM_STATE_DEMANDS_ATTENTION``, a flashing taskbar button on
    Windows). The handler gets the window once per request, when it starts; it may be called
    from another thread (Windows), so the UI reaches it only through ``ui/bridge.py``."""

    def start(self, handler: Callable[[WindowRef], None]) -> None: ...

    def stop(self) -> None: ...


@runtime_checkable
class EventSource(Protocol):
    """A backend driven by a file descriptor (X11): the bridge watches ``fileno()`` and calls
    ``dispatch()`` whenever it is readable, and after each scheduled step."""

    def fileno(self) -> int: ...

    def dispatch(self) -> None: ...


@dataclass(slots=True)
class Backend:
    """One platform's set of services, built by ``select.choose_backend``."""

    name: str
    hotkeys: Hotkeys
    clipboard: Clipboard
    keys: KeySender
    windows: ForegroundWindow
    events: EventSource | None = None
    close: Callable[[], None] = lambda: None
    attention: AttentionWatch | None = None  # None: this backend cannot see such requests


class Scheduler(Protocol):
    """Runs ``fn`` on the GUI thread after ``ms`` milliseconds (QTimer in the app)."""

    def call_later(self, ms: int, fn: Callable[[], None]) -> None: ...
