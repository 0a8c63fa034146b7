"""The only Qt glue for platform backends: OS callbacks in, Qt signals out.

* X11: a ``QSocketNotifier`` on the display's fd calls the backend's ``dispatch()`` on the GUI
  thread (grabbed keys, clipboard requests from other programs).
* Windows: the hotkey thread (WM_HOTKEY) calls the hotkey handler; the handler only emits
  :attr:`PlatformBridge.hotkey_pressed`, which Qt queues to the GUI thread. Windows asking for
  attention arrive the same way, as :attr:`PlatformBridge.attention_requested`.
* :class:`QtScheduler` runs the paste sequence's steps from QTimers, so nothing sleeps on the
  GUI thread and the X11 clipboard owner keeps serving while a paste waits.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from quickreply.platforms.base import Backend, WindowRef
from quickreply.platforms.paste import PasteService, PasteSettings

_SAFETY_PUMP_MS = 250  # events read by a synchronous request never wake the notifier


class QtScheduler:
    """``call_later(ms, fn)`` on precise single-shot QTimers; ``after`` runs after each fn."""

    def __init__(self, parent: QObject, after: Callable[[], None] | None = None) -> None:
        self._parent = parent
        self._after = after

    def call_later(self, ms: int, fn: Callable[[], None]) -> None:
        def run() -> None:
            fn()
            if self._after is not None:
                self._after()

        # Qt 6 uses a precise timer for single shots under 2 s: no coarse 5% slack here.
        QTimer.singleShot(max(0, ms), self._parent, run)


class PlatformBridge(QObject):
    """Owns the backend's event plumbing and builds the paste service for the app."""

    hotkey_pressed = Signal(str)  # the registered name: "palette" or "snippet:<id>"
    problem_found = Signal(object)  # a Problem: the app describes it in the UI language
    attention_requested = Signal(int)  # a window asking for attention (a chat's new message)

    def __init__(self, backend: Backend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.scheduler = QtScheduler(self, self.pump)
        self._notifier: QSocketNotifier | None = None
        self._timer: QTimer | None = None
        if backend.events is not None:
            self._notifier = QSocketNotifier(
                backend.events.fileno(), QSocketNotifier.Type.Read, self
            )
            self._notifier.activated.connect(self.pump)
            self._timer = QTimer(self)
            self._timer.setInterval(_SAFETY_PUMP_MS)
            self._timer.timeout.connect(self.pump)
            self._timer.start()
        # May be called from the Windows hotkey thread: emitting is all it may do.
        backend.hotkeys.set_handler(self.hotkey_pressed.emit)

    def watch_attention(self, on: bool) -> bool:
        """Start or stop reporting windows that ask for attention as
        :attr:`attention_requested`; False when the backend cannot see such requests."""
        watch = self.backend.attention
        if watch is None:
            return False
        if not on:
            watch.stop()
            return True
        try:
            # May be called from a hook thread (Windows): emitting is all it may do.
            watch.start(self.attention_requested.emit)
        except OSError:  # Windows refused the shell hook: clocks start by hotkey only
            return False
        return True

    def pump(self) -> None:
        if self.backend.events is not None:
            self.backend.events.dispatch()

    def paste_service(self, settings: PasteSettings | None = None) -> PasteService:
        return PasteService(
            self.backend,
            self.scheduler,
            time.monotonic,
            settings,
            on_problem=self.problem_found.emit,
        )

    def foreground(self) -> WindowRef | None:
        """The window with focus now: call it when a hotkey fires, before showing anything."""
        try:
            return self.backend.windows.current()
        except Exception:  # an OS error here only costs the focus-back step
            return None

    def close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        if self._timer is not None:
            self._timer.stop()
        self.backend.close()
