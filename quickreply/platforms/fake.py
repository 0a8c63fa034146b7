"""An in-memory desktop for tests: hotkeys, clipboard, keys and windows with no OS underneath.

``FakeDesktop`` models what the paste sequence relies on: a clipboard with several formats,
windows that receive pasted text, keys that can be held down, hotkeys other programs already
took, windows asking for attention. ``FakeScheduler`` is virtual time, so tests of the
sequence never sleep.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from quickreply.core.problems import Problem
from quickreply.platforms.base import (
    Backend,
    ClipboardSnapshot,
    Combo,
    PasteShortcut,
    WindowRef,
    hotkey_ours,
    hotkey_taken,
)

TEXT_FORMAT = "text/plain;charset=utf-8"


class FakeScheduler:
    """Virtual milliseconds: ``call_later`` queues, ``advance``/``run_until_idle`` run."""

    def __init__(self) -> None:
        self.now_ms = 0.0
        self._seq = 0
        self._queue: list[tuple[float, int, Callable[[], None]]] = []

    def call_later(self, ms: int, fn: Callable[[], None]) -> None:
        self._seq += 1
        heapq.heappush(self._queue, (self.now_ms + max(0, ms), self._seq, fn))

    def clock(self) -> float:
        """Monotonic seconds in virtual time (pass as the service's clock)."""
        return self.now_ms / 1000.0

    def advance(self, ms: float) -> None:
        end = self.now_ms + ms
        while self._queue and self._queue[0][0] <= end:
            when, _, fn = heapq.heappop(self._queue)
            self.now_ms = max(self.now_ms, when)
            fn()
        self.now_ms = end

    def run_until_idle(self, limit_ms: float = 60_000) -> None:
        start = self.now_ms
        while self._queue and self._queue[0][0] - start <= limit_ms:
            when, _, fn = heapq.heappop(self._queue)
            self.now_ms = max(self.now_ms, when)
            fn()


@dataclass
class FakeWindow:
    id: WindowRef
    title: str
    text: str = ""
    sent: list[str] = field(default_factory=list)  # what Enter sent, one message each
    images: list[bytes] = field(default_factory=list)  # images pasted into the input, in order


@dataclass
class FakeDesktop:
    """The world the fake backend acts on; tests arrange it and read it back."""

    clipboard: dict[str, bytes] = field(default_factory=dict)
    windows: dict[WindowRef, FakeWindow] = field(default_factory=dict)
    focus: WindowRef | None = None
    held: set[str] = field(default_factory=set)  # key names currently held down
    taken: set[str] = field(default_factory=set)  # combos grabbed by other programs
    events: list[str] = field(default_factory=list)  # keys sent, in order
    # How many polls a window needs before it takes the focus (0: immediately).
    focus_lag: int = 0
    refuse_focus: bool = False
    _next_id: int = 100
    _pending_focus: tuple[WindowRef, int] | None = None
    # Set while the attention watch runs: what a window asking for attention reaches.
    _attention: Callable[[WindowRef], None] | None = None

    def open_window(self, title: str, *, focus: bool = True) -> FakeWindow:
        self._next_id += 1
        window = FakeWindow(self._next_id, title)
        self.windows[window.id] = window
        if focus:
            self.focus = window.id
        return window

    def close_window(self, window: FakeWindow) -> None:
        self.windows.pop(window.id, None)
        if self.focus == window.id:
            self.focus = None

    def ask_attention(self, window: FakeWindow) -> bool:
        """A chat client flashing ``window`` (a new message); False when nobody watches."""
        if self._attention is None:
            return False
        self._attention(window.id)
        return True

    def copy_text(self, text: str) -> None:
        """What the agent's own Ctrl+C does."""
        self.clipboard = {TEXT_FORMAT: text.encode("utf-8")}

    def clipboard_text(self) -> str | None:
        data = self.clipboard.get(TEXT_FORMAT)
        return None if data is None else data.decode("utf-8")

    def copy_image(self, data: bytes, mime: str) -> None:
        """An image copied (a screenshot, a picture in a browser): one ``image/…`` format."""
        self.clipboard = {mime: data}

    def clipboard_image(self) -> bytes | None:
        return next((v for k, v in self.clipboard.items() if k.startswith("image/")), None)


class FakeHotkeys:
    def __init__(self, desktop: FakeDesktop) -> None:
        self._desktop = desktop
        self._handler: Callable[[str], None] = lambda name: None
        self._combos: dict[str, Combo] = {}

    def set_handler(self, handler: Callable[[str], None]) -> None:
        self._handler = handler

    def register(self, name: str, combo: Combo) -> Problem | None:
        if str(combo) in self._desktop.taken:
            return hotkey_taken(name, combo)
        mine = next((n for n, c in self._combos.items() if c == combo and n != name), None)
        if mine is not None:
            return hotkey_ours(name, combo, mine)
        self._combos[name] = combo
        return None

    def unregister(self, name: str) -> None:
        self._combos.pop(name, None)

    def registered(self) -> Mapping[str, Combo]:
        return dict(self._combos)

    def press(self, combo: str) -> bool:
        """Simulate the agent pressing ``combo``; True if one of our hotkeys fired."""
        for name, mine in self._combos.items():
            if str(mine) == combo:
                self._handler(name)
                return True
        return False


class FakeClipboard:
    def __init__(self, desktop: FakeDesktop) -> None:
        self._desktop = desktop
        self.saves = 0

    def save(self) -> ClipboardSnapshot:
        self.saves += 1
        return ClipboardSnapshot(dict(self._desktop.clipboard))

    def set_text(self, text: str) -> None:
        self._desktop.copy_text(text)

    def holds_our_text(self, text: str) -> bool:
        return self._desktop.clipboard_text() == text

    def set_image(self, data: bytes, mime: str) -> None:
        self._desktop.copy_image(data, mime)

    def holds_our_image(self, data: bytes) -> bool:
        return self._desktop.clipboard_image() == data

    def restore(self, snapshot: ClipboardSnapshot) -> None:
        self._desktop.clipboard = dict(snapshot.formats)


class FakeKeys:
    def __init__(self, desktop: FakeDesktop) -> None:
        self._desktop = desktop

    def send_paste(self, shortcut: PasteShortcut) -> None:
        self._desktop.events.append(shortcut)
        window = self._desktop.windows.get(self._desktop.focus or -1)
        text = self._desktop.clipboard_text()
        image = self._desktop.clipboard_image()
        if window is not None and text is not None:
            window.text += text
        elif window is not None and image is not None:  # chat inputs take an image as is
            window.images.append(image)

    def send_enter(self) -> None:
        self._desktop.events.append("enter")
        window = self._desktop.windows.get(self._desktop.focus or -1)
        if window is not None:
            window.sent.append(window.text)
            window.text = ""

    def keys_released(self, combo: Combo | None) -> bool:
        watched = {"ctrl", "alt", "shift", "meta"}
        if combo is not None:
            watched.add(combo.key)
        return not (self._desktop.held & watched)


class FakeWindows:
    def __init__(self, desktop: FakeDesktop) -> None:
        self._desktop = desktop

    def current(self) -> WindowRef | None:
        desk = self._desktop
        if desk._pending_focus is not None:
            window, polls = desk._pending_focus
            if polls <= 0:
                desk.focus = window
                desk._pending_focus = None
            else:
                desk._pending_focus = (window, polls - 1)
        return desk.focus

    def exists(self, window: WindowRef) -> bool:
        return window in self._desktop.windows

    def activate(self, window: WindowRef) -> bool:
        desk = self._desktop
        if window not in desk.windows or desk.refuse_focus:
            return False
        if desk.focus_lag:
            desk._pending_focus = (window, desk.focus_lag)
        else:
            desk.focus = window
        return True

    def title(self, window: WindowRef) -> str:
        found = self._desktop.windows.get(window)
        return found.title if found else ""


class FakeAttention:
    def __init__(self, desktop: FakeDesktop) -> None:
        self._desktop = desktop

    def start(self, handler: Callable[[WindowRef], None]) -> None:
        self._desktop._attention = handler

    def stop(self) -> None:
        self._desktop._attention = None


def fake_backend(desktop: FakeDesktop | None = None) -> tuple[Backend, FakeDesktop]:
    """A backend over ``desktop`` (a new empty one by default)."""
    desk = desktop or FakeDesktop()
    backend = Backend(
        name="fake",
        hotkeys=FakeHotkeys(desk),
        clipboard=FakeClipboard(desk),
        keys=FakeKeys(desk),
        windows=FakeWindows(desk),
        attention=FakeAttention(desk),
    )
    return backend, desk
