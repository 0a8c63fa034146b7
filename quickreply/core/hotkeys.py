"""Hotkeys as data: what a combination is (``"ctrl+alt+1"`` → Hotkey) and what each one is named.

One parser for packs (``Snippet.hotkey``), settings, the settings dialog and the platform
backends, so that every layer agrees on what a combination is and two spellings of the same
combination compare equal. ``str(Hotkey)`` gives the canonical form, which parses back to the
same value.

A registered hotkey also has a *name* saying what it does: :data:`PALETTE`, :data:`TIMER_WAITING`,
:data:`TIMER_REPLIED`, or ``snippet:<id>`` for a direct snippet hotkey (:func:`snippet_hotkey`,
:func:`snippet_of`). The router, the app, the settings dialog and the messages all compare
names through these, never through string literals.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from quickreply.core.problems import did_you_mean

# Hotkey names: what a registered combination does (the backends report these when pressed).
PALETTE = "palette"
TIMER_WAITING = "timer:waiting"  # "a buyer is waiting": named from the chat window's title
TIMER_REPLIED = "timer:replied"  # "I replied": stops that conversation's clock
SNIPPET_PREFIX = "snippet:"


def snippet_hotkey(snippet_id: str) -> str:
    """The hotkey name of a direct snippet hotkey: ``snippet:<id>``."""
    return SNIPPET_PREFIX + snippet_id


def snippet_of(name: str) -> str | None:
    """The snippet id of a ``snippet:<id>`` hotkey name, or None for any other name."""
    if name.startswith(SNIPPET_PREFIX) and len(name) > len(SNIPPET_PREFIX):
        return name[len(SNIPPET_PREFIX) :]
    return None


# Canonical order of modifiers in str(): the order people write them.
MODIFIER_ORDER: tuple[str, ...] = ("ctrl", "alt", "shift", "meta")

MODIFIER_ALIASES: dict[str, str] = {
    "ctrl": "ctrl",
    "control": "ctrl",
    "ctl": "ctrl",
    "alt": "alt",
    "option": "alt",
    "opt": "alt",
    "shift": "shift",
    "meta": "meta",
    "win": "meta",
    "windows": "meta",
    "super": "meta",
    "cmd": "meta",
    "command": "meta",
}

KEY_ALIASES: dict[str, str] = {
    "return": "enter",
    "esc": "escape",
    "del": "delete",
    "ins": "insert",
    "pgup": "pageup",
    "page_up": "pageup",
    "pgdn": "pagedown",
    "pgdown": "pagedown",
    "page_down": "pagedown",
    "spacebar": "space",
    "bksp": "backspace",
    "plus": "+",
    "minus": "-",
    "comma": ",",
    "period": ".",
    "slash": "/",
    "backslash": "\\",
    "semicolon": ";",
    "quote": "'",
    "apostrophe": "'",
    "grave": "`",
    "backquote": "`",
    "equal": "=",
    "bracketleft": "[",
    "bracketright": "]",
}

NAMED_KEYS: frozenset[str] = frozenset(
    {
        "space",
        "enter",
        "tab",
        "escape",
        "backspace",
        "delete",
        "insert",
        "home",
        "end",
        "pageup",
        "pagedown",
        "up",
        "down",
        "left",
        "right",
        "pause",
        "print",
    }
    | {f"f{n}" for n in range(1, 25)}
)

SINGLE_KEYS: frozenset[str] = frozenset(string.ascii_lowercase + string.digits + "`-=[];',./\\+")

ALL_KEYS: frozenset[str] = NAMED_KEYS | SINGLE_KEYS

# Combinations Chinese input methods keep for themselves (canonical spelling): IME on/off
# (Ctrl+Space), full/half-width (Shift+Space), Chinese/English punctuation (Ctrl+.), and the
# input-language switch (Win+Space). Grabbing one breaks typing, so backends refuse them.
IME_TOGGLES: frozenset[str] = frozenset({"ctrl+space", "shift+space", "ctrl+.", "meta+space"})


class HotkeyError(ValueError):
    """A hotkey string that cannot be parsed; ``str(err)`` says what is wrong and how to fix it."""


@dataclass(frozen=True, slots=True)
class Hotkey:
    """A key with its modifiers. ``modifiers`` holds names from :data:`MODIFIER_ORDER`."""

    modifiers: frozenset[str]
    key: str

    def __str__(self) -> str:
        mods = [m for m in MODIFIER_ORDER if m in self.modifiers]
        # "+" as the key would be ambiguous after a "+" separator; spell it out.
        key = "plus" if self.key == "+" else self.key
        return "+".join([*mods, key])

    def display(self) -> str:
        """Human form used in the UI and in Qt's portable key-sequence text: ``Ctrl+Alt+1``."""
        names = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift", "meta": "Meta"}
        mods = [names[m] for m in MODIFIER_ORDER if m in self.modifiers]
        key = self.key
        pretty = {"pageup": "PgUp", "pagedown": "PgDown", "escape": "Esc", "enter": "Return"}
        if key in pretty:
            key = pretty[key]
        elif len(key) > 1:
            key = key.upper() if key.startswith("f") and key[1:].isdigit() else key.capitalize()
        else:
            key = key.upper()
        return "+".join([*mods, key])

    @property
    def is_global_safe(self) -> bool:
        """True if grabbing it system-wide will not eat ordinary typing (needs a modifier
        other than Shift, or a function key)."""
        if self.modifiers - {"shift"}:
            return True
        return self.key.startswith("f") and self.key[1:].isdigit()


def parse_hotkey(text: str) -> Hotkey:
    """Parse ``"ctrl+alt+1"``, ``"Ctrl+Shift+Space"``, ``"ctrl + plus"``; raise HotkeyError."""
    raw = text.strip()
    if not raw:
        raise HotkeyError("empty hotkey (write it like 'ctrl+alt+1')")
    # A trailing "+" after a separator is the plus key itself: "ctrl++".
    parts: list[str]
    if raw.endswith("++"):
        parts = [*raw[:-2].split("+"), "+"]
    elif raw == "+":
        parts = ["+"]
    else:
        parts = raw.split("+")
    parts = [p.strip().lower() for p in parts]
    if any(p == "" for p in parts):
        raise HotkeyError(f"'{text}': empty part between '+' signs (write it like 'ctrl+alt+1')")
    *mod_parts, key_part = parts
    modifiers: set[str] = set()
    for part in mod_parts:
        name = MODIFIER_ALIASES.get(part)
        if name is None:
            hint = did_you_mean(part, MODIFIER_ORDER)
            if part in ALL_KEYS or part in KEY_ALIASES:
                hint = "only the last part may be a key; modifiers are ctrl, alt, shift, meta"
            raise HotkeyError(
                f"'{text}': '{part}' is not a modifier ({hint or 'use ctrl, alt, shift or meta'})"
            )
        if name in modifiers:
            raise HotkeyError(f"'{text}': '{part}' appears twice (write each modifier once)")
        modifiers.add(name)
    if key_part in MODIFIER_ALIASES:
        raise HotkeyError(f"'{text}': no key after the modifiers (add a key, e.g. '{text}+1')")
    key = KEY_ALIASES.get(key_part, key_part)
    if key not in ALL_KEYS:
        hint = did_you_mean(key, sorted(NAMED_KEYS | set(KEY_ALIASES)))
        raise HotkeyError(
            f"'{text}': unknown key '{key_part}' "
            f"({hint or 'use a letter, a digit, F1-F24 or a name like space, enter, tab'})"
        )
    return Hotkey(frozenset(modifiers), key)


def normalise_hotkey(text: str) -> str:
    """The canonical spelling of a hotkey string; raises HotkeyError."""
    return str(parse_hotkey(text))
