"""Ending the app like Quit when the session ends: SIGTERM (a logout, ``kill PID``) and SIGINT.

Python runs a signal handler only when the interpreter gets control, which never happens while
Qt's event loop waits in C++: without help, SIGTERM kills the process with its stores open, and
Ctrl+C does nothing until the next Python callback. The C-level handler writes the signal number
to a socket (``signal.set_wakeup_fd``); a ``QSocketNotifier`` on the other end wakes the event
loop, which then calls ``on_signal`` from Python, on the GUI thread, where quitting is safe.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier

SIGNALS: tuple[signal.Signals, ...] = (signal.SIGTERM, signal.SIGINT)

_Handler = Callable[[int, FrameType | None], object] | int | None


def _noop(_signum: int, _frame: FrameType | None) -> None:
    """The work happens in the event loop (see the module docstring); replacing the default
    handlers keeps SIGTERM from killing the process and SIGINT from raising KeyboardInterrupt
    in whatever Qt callback happens to run next."""


class QuitOnSignals:
    """While installed, SIGTERM and SIGINT call ``on_signal`` from the event loop.

    A signal that arrives before the loop runs is remembered in :attr:`received` and delivered
    as soon as the loop starts. :meth:`close` puts the previous handlers back.
    """

    def __init__(self, parent: QObject, on_signal: Callable[[], None] | None = None) -> None:
        self.on_signal = on_signal
        self.received: int | None = None
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous: dict[signal.Signals, _Handler] = {
            sig: signal.signal(sig, _noop) for sig in SIGNALS
        }
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, parent)
        self._notifier.activated.connect(self._wake)

    def _wake(self) -> None:
        try:
            data = self._reader.recv(64)
        except OSError:  # nothing there after all (a spurious wake-up)
            return
        numbers = [n for n in data if n in {int(s) for s in SIGNALS}]
        if not numbers:
            return
        self.received = numbers[-1]
        if self.on_signal is not None:
            self.on_signal()

    def close(self) -> None:
        """Put the previous handlers and wakeup fd back; further signals act as before."""
        self._notifier.setEnabled(False)
        for sig, handler in self._previous.items():
            with contextlib.suppress(TypeError, ValueError):
                signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
