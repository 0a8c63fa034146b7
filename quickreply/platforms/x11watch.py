"""X11 windows asking for attention: the urgency hint or ``_NET_WM_STATE_DEMANDS_ATTENTION``.

Chat clients mark a conversation's window when a message arrives: ``WM_HINTS`` with
XUrgencyHint (ICCCM; xterm does it on a bell with ``bellIsUrgent``), or the EWMH state
``_NET_WM_STATE_DEMANDS_ATTENTION`` (set by a window manager, or asked of it with a
``ClientMessage`` to the root). The watcher selects ``SubstructureNotify`` on the root to learn
new top-level windows and ``PropertyChange`` on each of them, on the backend's own connection:
its events arrive through the display fd the app already watches, so nothing polls.

A request is reported once, when it starts (not set -> set); a window that stays urgent is not
reported again until the flag has been cleared (the agent focused the window) and set anew.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from quickreply.platforms.base import WindowRef

URGENCY_HINT = 1 << 8  # XUrgencyHint in WM_HINTS.flags (ICCCM 4.1.2.4)
_NET_WM_STATE_REMOVE, _NET_WM_STATE_ADD, _NET_WM_STATE_TOGGLE = 0, 1, 2
_DEPTH = 2  # root children and their children: a window manager's frames hold the clients


class X11Attention:
    """:class:`~quickreply.platforms.base.AttentionWatch` on one python-xlib connection.

    :meth:`handle` is given every event the backend reads and returns True for the ones it
    took; the backend's ``dispatch`` calls it, so all of this runs on the GUI thread.
    """

    def __init__(self, display: Any, atom: Callable[[str], int]) -> None:
        from Xlib import X, error

        self._d = display
        self._X = X
        self._error = error
        self._root = display.screen().root
        self._wm_hints = atom("WM_HINTS")
        self._net_state = atom("_NET_WM_STATE")
        self._demands = atom("_NET_WM_STATE_DEMANDS_ATTENTION")
        # A window may be gone before our request reaches the server: that is no error.
        self._ignore = error.CatchError(error.BadWindow, error.BadMatch)
        self._handler: Callable[[WindowRef], None] | None = None
        self._urgent: set[int] = set()  # windows whose request was already reported
        self._watched: set[int] = set()

    @property
    def running(self) -> bool:
        return self._handler is not None

    def start(self, handler: Callable[[WindowRef], None]) -> None:
        """Watch every top-level window, now and as they appear. A window already asking for
        attention is noted, not reported: nobody knows when its message came."""
        self._handler = handler
        X = self._X
        self._root.change_attributes(event_mask=X.SubstructureNotifyMask, onerror=self._ignore)
        for window in self._windows_below(self._root, _DEPTH):
            self._watch(window)
            if self._asks(window):
                self._urgent.add(window.id)
        self._d.flush()

    def stop(self) -> None:
        if self._handler is None:
            return
        self._handler = None
        # The connection may already be broken when the app ends: nothing left to undo then.
        with contextlib.suppress(Exception):
            self._root.change_attributes(event_mask=self._X.NoEventMask, onerror=self._ignore)
            for wid in self._watched:
                window = self._d.create_resource_object("window", wid)
                window.change_attributes(event_mask=self._X.NoEventMask, onerror=self._ignore)
            self._d.flush()
        self._watched.clear()
        self._urgent.clear()

    # -- events ------------------------------------------------------------------------------

    def handle(self, event: Any) -> bool:
        """Take ``event`` if it is one of ours; True when it was."""
        if self._handler is None:
            return False
        X = self._X
        kind = event.type
        if kind == X.CreateNotify and event.parent.id == self._root.id:
            self._watch(event.window)
            # It may have asked before our selection reached the server: that request would
            # send us no PropertyNotify, so look now (a new window's request is a new one).
            self._update(event.window)
            return True
        if kind == X.DestroyNotify:
            self._watched.discard(event.window.id)
            self._urgent.discard(event.window.id)
            return True
        if kind == X.PropertyNotify and event.atom in (self._wm_hints, self._net_state):
            if event.window.id in self._watched:
                self._update(event.window)
                return True
            return False
        if kind == X.ClientMessage and event.client_type == self._net_state:
            self._state_request(event)
            return True
        return False

    def _state_request(self, event: Any) -> None:
        """A client asking the window manager to add DEMANDS_ATTENTION (seen through our
        SubstructureNotify on the root; with no window manager, nobody else acts on it)."""
        fmt, data = event.data
        if fmt != 32 or self._demands not in (data[1], data[2]):
            return
        wid = int(event.window.id)
        if data[0] == _NET_WM_STATE_REMOVE or (
            data[0] == _NET_WM_STATE_TOGGLE and wid in self._urgent
        ):
            self._urgent.discard(wid)
        elif wid not in self._urgent:
            self._urgent.add(wid)
            self._report(wid)

    def _update(self, window: Any) -> None:
        wid = int(window.id)
        if not self._asks(window):
            self._urgent.discard(wid)
        elif wid not in self._urgent:
            self._urgent.add(wid)
            self._report(wid)

    def _report(self, wid: int) -> None:
        if self._handler is not None:
            self._handler(wid)

    # -- reading windows ---------------------------------------------------------------------

    def _asks(self, window: Any) -> bool:
        """True when ``window`` has the urgency hint or DEMANDS_ATTENTION set now."""
        try:
            hints = window.get_full_property(self._wm_hints, self._wm_hints)
            if (
                hints is not None
                and hints.format == 32
                and len(hints.value)
                and int(hints.value[0]) & URGENCY_HINT
            ):
                return True
            state = window.get_full_property(self._net_state, self._X.AnyPropertyType)
            return state is not None and self._demands in state.value
        except self._error.XError:  # the window went away meanwhile
            return False

    def _watch(self, window: Any) -> None:
        if window.id in self._watched:
            return
        window.change_attributes(event_mask=self._X.PropertyChangeMask, onerror=self._ignore)
        self._watched.add(int(window.id))

    def _windows_below(self, parent: Any, depth: int) -> list[Any]:
        try:
            children = list(parent.query_tree().children)
        except self._error.XError:
            return []
        found = list(children)
        if depth > 1:
            for child in children:
                found += self._windows_below(child, depth - 1)
        return found
