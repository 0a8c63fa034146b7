"""Linux/X11 backend on python-xlib: XGrabKey hotkeys, XTest keys, focus, and our own clipboard.

Everything runs on the GUI thread: the bridge watches :meth:`X11Backend.fileno` with a
QSocketNotifier and calls :meth:`X11Backend.dispatch`, which handles grabbed key presses and
serves the clipboard to other programs.

Clipboard ownership (decided after measuring the three options, see docs/platforms.md): the
backend owns ``CLIPBOARD`` itself with a hidden window and answers ``SelectionRequest`` events
(``TARGETS``, ``TIMESTAMP``, the text targets, and every target of a saved snapshot; large data
goes out with the INCR protocol). That keeps Qt out of this layer, costs no subprocess per
paste, and lets us restore *every* target the previous owner offered (HTML, images), not just
text. Saving reads the previous owner's targets over a second connection, with a time budget.
"""

from __future__ import annotations

import contextlib
import select
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from quickreply.core.problems import Problem
from quickreply.platforms.base import (
    Backend,
    ClipboardSnapshot,
    Combo,
    PasteShortcut,
    WindowRef,
    hotkey_ours,
    hotkey_taken,
    platform_problem,
)
from quickreply.platforms.x11text import decode_text_property
from quickreply.platforms.x11watch import X11Attention

# Names a hotkey string may use for keys whose X keysym is spelled differently.
_KEYSYM_NAMES = {
    "enter": "Return",
    "return": "Return",
    "esc": "Escape",
    "escape": "Escape",
    "space": "space",
    "tab": "Tab",
    "backspace": "BackSpace",
    "insert": "Insert",
    "ins": "Insert",
    "delete": "Delete",
    "del": "Delete",
    "home": "Home",
    "end": "End",
    "pageup": "Prior",
    "pgup": "Prior",
    "pagedown": "Next",
    "pgdn": "Next",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
    "print": "Print",
    "pause": "Pause",
    "+": "plus",
    "`": "grave",
    "-": "minus",
    "=": "equal",
    "[": "bracketleft",
    "]": "bracketright",
    ";": "semicolon",
    "'": "apostrophe",
    ",": "comma",
    ".": "period",
    "/": "slash",
    "\\": "backslash",
}

# Targets that describe the selection rather than hold its content.
_META_TARGETS = {
    "TARGETS",
    "TIMESTAMP",
    "MULTIPLE",
    "SAVE_TARGETS",
    "DELETE",
    "INSERT_SELECTION",
    "INSERT_PROPERTY",
}
_TEXT_TARGETS = ("UTF8_STRING", "text/plain;charset=utf-8", "text/plain", "STRING", "TEXT")
_SAVE_BUDGET_S = 0.5  # the GUI thread waits at most this long for the previous owner
_SAVE_MAX_BYTES = 64 * 1024 * 1024


class X11Unavailable(RuntimeError):
    """The X11 backend cannot start; str() is one readable line."""


@dataclass(slots=True)
class _Outgoing:
    """An INCR transfer in progress to one requestor property."""

    window: Any
    prop: int
    type_atom: int
    data: bytes
    offset: int = 0


class X11Backend:
    """Hotkeys, Clipboard, KeySender, ForegroundWindow and EventSource for one X display."""

    def __init__(
        self, display_name: str | None = None, png: Callable[[bytes], bytes | None] | None = None
    ) -> None:
        """``png`` turns a JPEG file into a PNG file (the composition root gives Qt's)."""
        self._png = png
        try:
            from Xlib import XK, X, Xatom, display, error
            from Xlib.ext import xtest
        except ImportError as err:  # python-xlib missing: only this backend is disabled
            raise X11Unavailable(f"python-xlib is not installed ({err})") from err
        try:
            self._d = display.Display(display_name)
            self._reader = display.Display(display_name)
        except (error.DisplayError, error.ConnectionClosedError, OSError) as err:
            raise X11Unavailable(f"cannot open X display {display_name or ''}: {err}") from err
        if not self._d.has_extension("XTEST"):
            raise X11Unavailable("the X server has no XTEST extension (needed to send Ctrl+V)")
        self._X = X
        self._XK = XK
        self._Xatom = Xatom
        self._error = error
        self._xtest = xtest
        self._root = self._d.screen().root
        self._owner = self._root.create_window(
            -10, -10, 1, 1, 0, X.CopyFromParent, event_mask=X.PropertyChangeMask
        )
        self._owner.set_wm_name("QuickReply clipboard")
        reader_root = self._reader.screen().root
        self._reader_win = reader_root.create_window(
            -10, -10, 1, 1, 0, X.CopyFromParent, event_mask=X.PropertyChangeMask
        )
        self._atoms: dict[str, int] = {}
        self._names: dict[int, str] = {}
        self.CLIPBOARD = self._atom("CLIPBOARD")
        self._handler: Callable[[str], None] = lambda name: None
        self._combos: dict[str, Combo] = {}
        self._grabs: dict[tuple[int, int], str] = {}  # (keycode, modifier mask) -> name
        self._last_release: dict[int, int] = {}  # keycode -> X time of its last release
        self._offer: dict[str, bytes] = {}
        self._offer_text: str | None = None
        self._offer_image: bytes | None = None
        self._outgoing: dict[tuple[int, int], _Outgoing] = {}
        # Leave headroom under the request size limit for the ChangeProperty header.
        self._chunk = max(4096, (self._d.display.info.max_request_length * 4) - 1024)
        self._numlock = self._numlock_mask()
        self._lock_variants = sorted({0, X.LockMask, self._numlock, X.LockMask | self._numlock})
        self.attention = X11Attention(self._d, self._atom)
        self._d.flush()

    # -- small helpers ---------------------------------------------------------------------

    def _atom(self, name: str) -> int:
        atom = self._atoms.get(name)
        if atom is None:
            atom = int(self._d.intern_atom(name))
            self._atoms[name] = atom
            self._names[atom] = name
        return atom

    def _atom_name(self, atom: int) -> str:
        name = self._names.get(atom)
        if name is None:
            name = str(self._d.get_atom_name(atom))
            self._names[atom] = name
            self._atoms[name] = atom
        return name

    def _keycode(self, keysym_name: str) -> int:
        keysym = self._XK.string_to_keysym(keysym_name)
        return int(self._d.keysym_to_keycode(keysym)) if keysym else 0

    def _combo_keycode(self, key: str) -> int:
        names = [_KEYSYM_NAMES.get(key, key)]
        if len(key) > 1:
            names += [key.capitalize(), key.upper()]  # f1 -> F1, kp_add -> KP_Add
        for name in names:
            code = self._keycode(name)
            if code:
                return code
        return 0

    def _numlock_mask(self) -> int:
        numlock = self._keycode("Num_Lock")
        # Row i of the modifier mapping holds the keycodes of modifier bit i (Shift .. Mod5).
        for index, codes in enumerate(self._d.get_modifier_mapping()):
            if numlock and numlock in codes:
                return 1 << index
        return int(self._X.Mod2Mask)

    def _modifier_mask(self, combo: Combo) -> int:
        X = self._X
        table = {"ctrl": X.ControlMask, "shift": X.ShiftMask, "alt": X.Mod1Mask, "meta": X.Mod4Mask}
        mask = 0
        for mod in combo.modifiers:
            mask |= int(table[mod])
        return mask

    # -- EventSource -----------------------------------------------------------------------

    def fileno(self) -> int:
        return int(self._d.fileno())

    def dispatch(self) -> None:
        """Handle every event already received; never blocks."""
        X = self._X
        while self._d.pending_events():
            event = self._d.next_event()
            kind = event.type
            if self.attention.handle(event):
                continue
            if kind == X.KeyPress:
                self._on_key_press(event)
            elif kind == X.KeyRelease:
                self._last_release[event.detail] = event.time
            elif kind == X.SelectionRequest:
                self._serve(event)
            elif kind == X.SelectionClear and event.atom == self.CLIPBOARD:
                self._offer = {}
                self._offer_text = None
            elif kind == X.PropertyNotify and event.state == X.PropertyDelete:
                self._continue_incr(event)

    def close(self) -> None:
        self.attention.stop()
        for name in list(self._combos):
            self.unregister(name)
        for connection in (self._reader, self._d):
            # Closing a broken connection must not hide the error that broke it.
            with contextlib.suppress(Exception):
                connection.close()

    # -- Hotkeys ---------------------------------------------------------------------------

    def set_handler(self, handler: Callable[[str], None]) -> None:
        self._handler = handler

    def registered(self) -> Mapping[str, Combo]:
        return dict(self._combos)

    def register(self, name: str, combo: Combo) -> Problem | None:
        self.unregister(name)
        keycode = self._combo_keycode(combo.key)
        if not keycode:
            return platform_problem(
                "hotkeys",
                f"hotkey {combo} for '{name}': this keyboard has no key '{combo.key}'",
                "choose another key in settings",
                code="hotkey.no_key",
                args={"combo": str(combo), "name": name, "key": combo.key},
            )
        base = self._modifier_mask(combo)
        mine = self._grabs.get((keycode, base))
        if mine is not None:
            return hotkey_ours(name, combo, mine)
        catcher = self._error.CatchError(self._error.BadAccess)
        X = self._X
        for extra in self._lock_variants:
            self._root.grab_key(
                keycode, base | extra, True, X.GrabModeAsync, X.GrabModeAsync, onerror=catcher
            )
        self._d.sync()
        if catcher.get_error() is not None:
            for extra in self._lock_variants:  # release the variants that did succeed
                self._root.ungrab_key(keycode, base | extra)
            self._d.sync()
            return hotkey_taken(name, combo)
        self._combos[name] = combo
        self._grabs[(keycode, base)] = name
        return None

    def unregister(self, name: str) -> None:
        combo = self._combos.pop(name, None)
        if combo is None:
            return
        for key, owner in list(self._grabs.items()):
            if owner == name:
                del self._grabs[key]
                for extra in self._lock_variants:
                    self._root.ungrab_key(key[0], key[1] | extra)
        self._d.flush()

    def _on_key_press(self, event: Any) -> None:
        # Auto-repeat arrives as a release and a press with the same timestamp: one paste
        # per physical press, however long the key is held.
        if self._last_release.get(event.detail) == event.time:
            return
        ignored = self._X.LockMask | self._numlock | 0xFF00  # lock keys and button bits
        name = self._grabs.get((event.detail, event.state & ~ignored & 0xFF))
        if name is not None:
            self._handler(name)

    # -- KeySender -------------------------------------------------------------------------

    def _tap(self, *keysym_names: str) -> None:
        codes = [self._keycode(n) for n in keysym_names]
        X = self._X
        for code in codes:
            self._xtest.fake_input(self._d, X.KeyPress, code)
        for code in reversed(codes):
            self._xtest.fake_input(self._d, X.KeyRelease, code)
        self._d.flush()

    def send_paste(self, shortcut: PasteShortcut) -> None:
        if shortcut == "shift+insert":
            self._tap("Shift_L", "Insert")
        else:
            self._tap("Control_L", "v")

    def send_enter(self) -> None:
        self._tap("Return")

    def keys_released(self, combo: Combo | None) -> bool:
        keymap = self._d.query_keymap()
        codes: set[int] = set()
        mapping = self._d.get_modifier_mapping()
        for index, row in enumerate(mapping):
            if index == 1 or (1 << index) == self._numlock:  # Lock and NumLock stay latched
                continue
            codes.update(c for c in row if c)
        if combo is not None:
            codes.add(self._combo_keycode(combo.key))
        return not any(keymap[c >> 3] & (1 << (c & 7)) for c in codes if c)

    # -- ForegroundWindow ------------------------------------------------------------------

    def _net_active_supported(self) -> bool:
        prop = self._root.get_full_property(self._atom("_NET_SUPPORTED"), self._Xatom.ATOM)
        return prop is not None and self._atom("_NET_ACTIVE_WINDOW") in prop.value

    def current(self) -> WindowRef | None:
        if self._net_active_supported():
            prop = self._root.get_full_property(
                self._atom("_NET_ACTIVE_WINDOW"), self._Xatom.WINDOW
            )
            if prop is not None and len(prop.value) and prop.value[0]:
                return int(prop.value[0])
        focus = self._d.get_input_focus().focus
        if isinstance(focus, int) or focus is None:  # None / PointerRoot
            return None
        return int(focus.id)

    def _window(self, window: WindowRef) -> Any:
        return self._d.create_resource_object("window", window)

    def exists(self, window: WindowRef) -> bool:
        try:
            attrs = self._window(window).get_attributes()
        except self._error.XError:
            return False
        return bool(attrs.map_state == self._X.IsViewable)

    def activate(self, window: WindowRef) -> bool:
        from Xlib.protocol import event as xevent

        target = self._window(window)
        try:
            if self._net_active_supported():
                message = xevent.ClientMessage(
                    window=target,
                    client_type=self._atom("_NET_ACTIVE_WINDOW"),
                    data=(32, [2, self._X.CurrentTime, 0, 0, 0]),  # 2: from a pager/tool
                )
                mask = self._X.SubstructureRedirectMask | self._X.SubstructureNotifyMask
                self._root.send_event(message, event_mask=mask)
            else:  # no window manager (Xvfb): set the input focus directly
                target.set_input_focus(self._X.RevertToParent, self._X.CurrentTime)
            self._d.sync()
        except self._error.XError:
            return False
        return True

    def title(self, window: WindowRef) -> str:
        """The title of ``window`` or of the nearest ancestor that has one (focus often sits on
        a child, like xterm's VT100 widget), in whatever encoding the client stored it."""
        current = self._window(window)
        try:
            for _ in range(6):
                text = self._title_of(current)
                if text:
                    return text
                parent = current.query_tree().parent
                if not parent or parent.id == self._root.id:
                    break
                current = parent
        except self._error.XError:
            return ""
        return ""

    def _title_of(self, window: Any) -> str:
        """``_NET_WM_NAME`` (UTF-8), else ``WM_NAME`` as STRING, COMPOUND_TEXT or UTF8_STRING."""
        for name in ("_NET_WM_NAME", "WM_NAME"):
            prop = window.get_full_property(self._atom(name), self._X.AnyPropertyType)
            if prop is not None and prop.format == 8 and prop.value:
                text = decode_text_property(self._atom_name(prop.property_type), prop.value)
                if text.strip():
                    return text
        return ""

    # -- Clipboard: serving ----------------------------------------------------------------

    def set_text(self, text: str) -> None:
        data = text.encode("utf-8")
        self._offer = {name: data for name in _TEXT_TARGETS}
        self._offer_text, self._offer_image = text, None
        self._own()

    def set_image(self, data: bytes, mime: str) -> None:
        # The file as it is, under its own type: Qt, GTK and browsers ask for image/png (or
        # image/jpeg) by name. Many Linux chat clients only ask for image/png, so a JPEG also
        # goes on as a PNG when the composition root gave a converter (docs/platforms.md).
        self._offer = {mime: data}
        if mime == "image/jpeg" and self._png is not None:
            converted = self._png(data)
            if converted:
                self._offer = {"image/png": converted, mime: data}
        self._offer_text, self._offer_image = None, data
        self._own()

    def holds_our_image(self, data: bytes) -> bool:
        owner = self._d.get_selection_owner(self.CLIPBOARD)
        return bool(owner and owner.id == self._owner.id and self._offer_image == data)

    def _own(self) -> None:
        self._outgoing.clear()
        self._owner.set_selection_owner(self.CLIPBOARD, self._X.CurrentTime)
        self._d.flush()

    def holds_our_text(self, text: str) -> bool:
        owner = self._d.get_selection_owner(self.CLIPBOARD)
        return bool(owner and owner.id == self._owner.id and self._offer_text == text)

    def restore(self, snapshot: ClipboardSnapshot) -> None:
        if snapshot.empty:
            self._offer = {}
            self._offer_text = self._offer_image = None
            owner = self._d.get_selection_owner(self.CLIPBOARD)
            if owner and owner.id == self._owner.id:
                from Xlib.protocol import request

                request.SetSelectionOwner(
                    display=self._d.display,
                    window=self._X.NONE,
                    selection=self.CLIPBOARD,
                    time=self._X.CurrentTime,
                )
                self._d.flush()
            return
        self._offer = dict(snapshot.formats)
        self._offer_text = self._offer_image = None
        self._own()

    def _serve(self, event: Any) -> None:
        from Xlib.protocol import event as xevent

        X = self._X
        prop = event.property or event.target  # obsolete clients pass None
        target_name = self._atom_name(event.target)
        answered = prop
        try:
            if event.selection != self.CLIPBOARD or not self._offer:
                answered = X.NONE
            elif target_name == "TARGETS":
                atoms = [self._atom(n) for n in ("TARGETS", "TIMESTAMP", *self._offer)]
                event.requestor.change_property(prop, self._Xatom.ATOM, 32, atoms)
            elif target_name == "TIMESTAMP":
                event.requestor.change_property(prop, self._Xatom.INTEGER, 32, [X.CurrentTime])
            elif target_name in self._offer:
                data = self._offer[target_name]
                type_atom = self._atom("UTF8_STRING") if target_name == "TEXT" else event.target
                if len(data) > self._chunk:
                    self._start_incr(event.requestor, prop, type_atom, data)
                else:
                    event.requestor.change_property(prop, type_atom, 8, data)
            else:
                answered = X.NONE
            reply = xevent.SelectionNotify(
                time=event.time,
                requestor=event.requestor,
                selection=event.selection,
                target=event.target,
                property=answered,
            )
            event.requestor.send_event(reply)
            self._d.flush()
        except self._error.XError:
            pass  # the requestor vanished mid-transfer; nothing to answer

    def _start_incr(self, requestor: Any, prop: int, type_atom: int, data: bytes) -> None:
        requestor.change_attributes(event_mask=self._X.PropertyChangeMask)
        self._outgoing[(requestor.id, prop)] = _Outgoing(requestor, prop, type_atom, data)
        requestor.change_property(prop, self._atom("INCR"), 32, [len(data)])

    def _continue_incr(self, event: Any) -> None:
        transfer = self._outgoing.get((event.window.id, event.atom))
        if transfer is None:
            return
        chunk = transfer.data[transfer.offset : transfer.offset + self._chunk]
        transfer.offset += len(chunk)
        try:
            transfer.window.change_property(transfer.prop, transfer.type_atom, 8, chunk)
            self._d.flush()
        except self._error.XError:
            chunk = b""
        if not chunk:  # the zero-length write that ends the transfer has been sent
            del self._outgoing[(event.window.id, event.atom)]

    # -- Clipboard: saving the previous owner's content ------------------------------------

    def save(self) -> ClipboardSnapshot:
        owner = self._d.get_selection_owner(self.CLIPBOARD)
        if not owner:
            return ClipboardSnapshot()
        if owner.id == self._owner.id:
            return ClipboardSnapshot(dict(self._offer))
        deadline = time.monotonic() + _SAVE_BUDGET_S
        raw = self._fetch("TARGETS", deadline)
        if raw is None:
            return ClipboardSnapshot(skipped=("TARGETS",))
        names = [self._reader_atom_name(a) for a in raw[1]] if raw[0] == 32 else []
        wanted = [n for n in names if n not in _META_TARGETS]
        # Text first, so a budget overrun still keeps the part the agent most likely needs.
        wanted.sort(key=lambda n: (n not in _TEXT_TARGETS, not n.startswith("text/")))
        formats: dict[str, bytes] = {}
        skipped: list[str] = []
        total = 0
        for name in dict.fromkeys(wanted):
            got = self._fetch(name, deadline) if time.monotonic() < deadline else None
            if got is None or got[0] != 8 or total + len(got[1]) > _SAVE_MAX_BYTES:
                skipped.append(name)
                continue
            formats[name] = bytes(got[1])
            total += len(got[1])
        return ClipboardSnapshot(formats, tuple(skipped))

    def _reader_atom_name(self, atom: int) -> str:
        return str(self._reader.get_atom_name(atom))

    def _fetch(self, target: str, deadline: float) -> tuple[int, Any] | None:
        """Convert the selection to ``target`` on the reader connection; (format, value)."""
        X = self._X
        reader = self._reader
        prop = reader.intern_atom("QUICKREPLY_SAVE")
        self._reader_win.convert_selection(
            self.CLIPBOARD, reader.intern_atom(target), prop, X.CurrentTime
        )
        reader.flush()
        notify = self._wait_reader(deadline, lambda e: e.type == X.SelectionNotify)
        if notify is None or notify.property == X.NONE:
            return None
        got = self._reader_win.get_full_property(prop, X.AnyPropertyType)
        self._reader_win.delete_property(prop)
        reader.flush()
        if got is None:
            return None
        if got.property_type != reader.intern_atom("INCR"):
            return int(got.format), got.value
        chunks: list[bytes] = []
        while True:  # INCR: each deletion asks for the next chunk; an empty one ends it
            new = self._wait_reader(
                deadline,
                lambda e: (
                    e.type == X.PropertyNotify and e.atom == prop and e.state == X.PropertyNewValue
                ),
            )
            if new is None:
                return None
            part = self._reader_win.get_full_property(prop, X.AnyPropertyType)
            self._reader_win.delete_property(prop)
            reader.flush()
            if part is None or not part.value:
                return 8, b"".join(chunks)
            chunks.append(bytes(part.value))

    def _wait_reader(self, deadline: float, wanted: Callable[[Any], bool]) -> Any:
        reader = self._reader
        while True:
            while reader.pending_events():
                event = reader.next_event()
                if wanted(event):
                    return event
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            select.select([reader.fileno()], [], [], left)


def create_x11_backend(
    display_name: str | None = None, png: Callable[[bytes], bytes | None] | None = None
) -> Backend:
    """Build the X11 backend; raises :class:`X11Unavailable` with a readable reason.

    ``png`` turns a JPEG file into a PNG file, offered beside the JPEG."""
    x11 = X11Backend(display_name, png)
    return Backend(
        name="x11",
        hotkeys=x11,
        clipboard=x11,
        keys=x11,
        windows=x11,
        events=x11,
        close=x11.close,
        attention=x11.attention,
    )
