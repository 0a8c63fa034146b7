"""The X11 backend reading other programs' windows on a real X server: titles in every
encoding, from the focused child up to its top-level, and windows asking for attention."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from quickreply.benchmarks.xsession import Xvfb
from quickreply.platforms.x11 import X11Backend
from quickreply.platforms.x11watch import URGENCY_HINT

pytestmark = pytest.mark.e2e

Xlib = pytest.importorskip("Xlib")
from Xlib import X, Xatom, display  # noqa: E402

XTERM_WANG = b"\x1b$(ABr\x1b$(B2H>.2&\x1b(B - \x1b$(B@i5m9):nBf"


@pytest.fixture
def backend(xvfb: Xvfb) -> Iterator[X11Backend]:
    x11 = X11Backend(xvfb.display)
    yield x11
    x11.close()


@pytest.fixture
def client(xvfb: Xvfb) -> Iterator[Any]:
    """Another program's connection, making windows the way chat clients do."""
    conn = display.Display(xvfb.display)
    yield conn
    conn.close()


def top_level(conn: Any) -> Any:
    window = conn.screen().root.create_window(0, 0, 200, 100, 0, X.CopyFromParent)
    window.map()
    conn.sync()
    return window


def set_text(conn: Any, window: Any, prop: str, kind: str, data: bytes) -> None:
    window.change_property(conn.intern_atom(prop), conn.intern_atom(kind), 8, data)
    conn.sync()


@pytest.mark.parametrize(
    ("prop", "kind", "data"),
    [
        ("_NET_WM_NAME", "UTF8_STRING", "买家小李 - 千牛工作台".encode()),
        ("WM_NAME", "UTF8_STRING", "买家小李 - 千牛工作台".encode()),
        ("WM_NAME", "COMPOUND_TEXT", XTERM_WANG),
        ("WM_NAME", "STRING", b"Jos\xe9"),
    ],
)
def test_title_in_each_encoding(
    backend: X11Backend, client: Any, prop: str, kind: str, data: bytes
) -> None:
    window = top_level(client)
    set_text(client, window, prop, kind, data)
    expected = {
        b"Jos\xe9": "José",
        XTERM_WANG: "买家小王 - 千牛工作台",
    }.get(data, "买家小李 - 千牛工作台")
    assert backend.title(window.id) == expected


def test_net_wm_name_wins_over_wm_name(backend: X11Backend, client: Any) -> None:
    window = top_level(client)
    set_text(client, window, "WM_NAME", "STRING", b"fallback")
    set_text(client, window, "_NET_WM_NAME", "UTF8_STRING", "买家小李 - 千牛工作台".encode())
    assert backend.title(window.id) == "买家小李 - 千牛工作台"


def test_focus_on_a_child_reads_the_top_levels_title(backend: X11Backend, client: Any) -> None:
    window = top_level(client)
    set_text(client, window, "WM_NAME", "COMPOUND_TEXT", XTERM_WANG)
    child = window.create_window(0, 0, 50, 50, 0, X.CopyFromParent)
    child.map()
    child.set_input_focus(X.RevertToParent, X.CurrentTime)
    client.sync()
    current = backend.current()
    assert current == child.id
    assert backend.title(current) == "买家小王 - 千牛工作台"


class Seen:
    def __init__(self) -> None:
        self.windows: list[int] = []

    def __call__(self, window: int) -> None:
        self.windows.append(window)


def pump(backend: X11Backend, until: Callable[[], bool], timeout: float = 2.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        backend.dispatch()
        if until():
            return True
        time.sleep(0.01)
    return False


def set_urgent(conn: Any, window: Any, on: bool) -> None:
    hints = window.get_wm_hints() or {}
    flags = (int(hints.flags) if hints else 0) | 1  # InputHint
    flags = flags | URGENCY_HINT if on else flags & ~URGENCY_HINT
    window.set_wm_hints(flags=flags, input=1)
    conn.sync()


def test_the_urgency_hint_is_reported_once_per_request(backend: X11Backend, client: Any) -> None:
    seen = Seen()
    backend.attention.start(seen)
    window = top_level(client)  # made after the watch started: learnt from CreateNotify
    pump(backend, lambda: False, 0.2)
    set_urgent(client, window, True)
    assert pump(backend, lambda: seen.windows == [window.id])
    set_urgent(client, window, True)  # still urgent: the same request
    pump(backend, lambda: False, 0.3)
    assert seen.windows == [window.id]
    set_urgent(client, window, False)  # the agent looked at it
    pump(backend, lambda: False, 0.2)
    set_urgent(client, window, True)  # a new message
    assert pump(backend, lambda: seen.windows == [window.id, window.id])


def test_demands_attention_state_and_request(backend: X11Backend, client: Any) -> None:
    before = top_level(client)  # there before the watch started
    seen = Seen()
    backend.attention.start(seen)
    state = client.intern_atom("_NET_WM_STATE")
    demands = client.intern_atom("_NET_WM_STATE_DEMANDS_ATTENTION")
    before.change_property(state, Xatom.ATOM, 32, [demands])
    client.sync()
    assert pump(backend, lambda: seen.windows == [before.id])

    from Xlib.protocol import event

    later = top_level(client)
    request = event.ClientMessage(window=later, client_type=state, data=(32, [1, demands, 0, 1, 0]))
    root = client.screen().root
    root.send_event(request, event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask)
    client.sync()
    assert pump(backend, lambda: seen.windows == [before.id, later.id])


def test_a_window_already_urgent_at_start_is_not_reported_and_stop_ends_reports(
    backend: X11Backend, client: Any
) -> None:
    window = top_level(client)
    set_urgent(client, window, True)
    seen = Seen()
    backend.attention.start(seen)
    pump(backend, lambda: False, 0.3)
    assert seen.windows == []
    backend.attention.stop()
    set_urgent(client, window, False)
    set_urgent(client, window, True)
    pump(backend, lambda: False, 0.3)
    assert seen.windows == []


def test_a_window_gone_before_it_is_watched_is_no_error(
    backend: X11Backend, client: Any, capfd: pytest.CaptureFixture[str]
) -> None:
    seen = Seen()
    backend.attention.start(seen)
    for _ in range(20):
        window = client.screen().root.create_window(0, 0, 10, 10, 0, X.CopyFromParent)
        window.destroy()
    client.sync()
    pump(backend, lambda: False, 0.3)
    assert seen.windows == []
    assert "BadWindow" not in capfd.readouterr().err


def test_a_window_urgent_before_its_creation_was_seen_is_reported(
    backend: X11Backend, client: Any
) -> None:
    """A client may set the hint right after creating its window, before the watcher has
    processed CreateNotify and selected PropertyChange on it."""
    seen = Seen()
    backend.attention.start(seen)
    window = client.screen().root.create_window(0, 0, 200, 100, 0, X.CopyFromParent)
    set_urgent(client, window, True)  # no dispatch in between
    assert pump(backend, lambda: seen.windows == [window.id])
    pump(backend, lambda: False, 0.2)
    assert seen.windows == [window.id]  # its PropertyNotify, if it came, is the same request


def read_while_serving(backend: X11Backend, xvfb: Xvfb, mime: str) -> bytes:
    """What xclip (a program we did not write) reads as ``mime`` while ``backend`` owns the
    clipboard and answers it (the app's bridge calls dispatch the same way)."""
    reader = subprocess.Popen(
        ["xclip", "-selection", "clipboard", "-t", mime, "-o"],
        env=xvfb.env(),
        stdout=subprocess.PIPE,
    )
    deadline = time.monotonic() + 10
    while reader.poll() is None and time.monotonic() < deadline:
        backend.dispatch()
        time.sleep(0.01)
    out, _ = reader.communicate(timeout=5)
    return out


def test_a_jpeg_reply_is_offered_as_png_too(xvfb: Xvfb, qapp: Any) -> None:
    from PySide6.QtGui import QImage

    from quickreply.ui.imageclip import as_png
    from tests.pngs import jpeg_of, png

    jpeg = jpeg_of(png())
    x11 = X11Backend(xvfb.display, as_png)
    try:
        x11.set_image(jpeg, "image/jpeg")
        targets = read_while_serving(x11, xvfb, "TARGETS").decode().split()
        assert "image/png" in targets and "image/jpeg" in targets
        assert read_while_serving(x11, xvfb, "image/jpeg") == jpeg  # the file as it is
        converted = read_while_serving(x11, xvfb, "image/png")
        same = QImage.fromData(jpeg).convertToFormat(QImage.Format.Format_ARGB32)
        assert QImage.fromData(converted).convertToFormat(QImage.Format.Format_ARGB32) == same
    finally:
        x11.close()
