"""Hotkey strings parse to one canonical form that round-trips; bad ones say what is wrong."""

from __future__ import annotations

import pytest

from quickreply.core.hotkeys import Hotkey, HotkeyError, normalise_hotkey, parse_hotkey


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("ctrl+alt+1", "ctrl+alt+1"),
        ("Ctrl+Shift+Space", "ctrl+shift+space"),
        ("alt+ctrl+1", "ctrl+alt+1"),
        (" Control + Alt + K ", "ctrl+alt+k"),
        ("win+esc", "meta+escape"),
        ("ctrl+return", "ctrl+enter"),
        ("ctrl++", "ctrl+plus"),
        ("ctrl+plus", "ctrl+plus"),
        ("shift+F12", "shift+f12"),
        ("f9", "f9"),
        ("ctrl+alt+PgUp", "ctrl+alt+pageup"),
    ],
)
def test_spellings_normalise_and_round_trip(text: str, canonical: str) -> None:
    hotkey = parse_hotkey(text)
    assert str(hotkey) == canonical
    assert parse_hotkey(str(hotkey)) == hotkey
    assert normalise_hotkey(text) == canonical


def test_parsed_value_has_modifiers_and_key() -> None:
    assert parse_hotkey("Ctrl+Shift+Space") == Hotkey(frozenset({"ctrl", "shift"}), "space")


def test_display_form_matches_qt_portable_text() -> None:
    assert parse_hotkey("alt+ctrl+space").display() == "Ctrl+Alt+Space"
    assert parse_hotkey("shift+f12").display() == "Shift+F12"
    assert parse_hotkey("ctrl+alt+k").display() == "Ctrl+Alt+K"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty hotkey (write it like 'ctrl+alt+1')"),
        ("ctrl++alt", "'ctrl++alt': empty part between '+' signs (write it like 'ctrl+alt+1')"),
        ("ctrl+alt", "'ctrl+alt': no key after the modifiers (add a key, e.g. 'ctrl+alt+1')"),
        ("ctrl+ctrl+1", "'ctrl+ctrl+1': 'ctrl' appears twice (write each modifier once)"),
        ("ctlr+1", "'ctlr+1': 'ctlr' is not a modifier (did you mean 'ctrl'?)"),
        ("ctrl+spcae", "'ctrl+spcae': unknown key 'spcae' (did you mean 'space'?)"),
        (
            "a+ctrl",
            "'a+ctrl': 'a' is not a modifier "
            "(only the last part may be a key; modifiers are ctrl, alt, shift, meta)",
        ),
        (
            "ctrl+中",
            "'ctrl+中': unknown key '中' "
            "(use a letter, a digit, F1-F24 or a name like space, enter, tab)",
        ),
    ],
)
def test_unparsable_hotkeys_are_refused_with_one_line(text: str, message: str) -> None:
    with pytest.raises(HotkeyError) as err:
        parse_hotkey(text)
    assert str(err.value) == message


def test_global_safety_needs_a_real_modifier_or_function_key() -> None:
    assert parse_hotkey("ctrl+alt+1").is_global_safe
    assert parse_hotkey("f9").is_global_safe
    assert not parse_hotkey("shift+a").is_global_safe
    assert not parse_hotkey("a").is_global_safe


def test_snippet_hotkey_names_round_trip_and_other_names_are_no_snippet() -> None:
    from quickreply.core.hotkeys import (
        PALETTE,
        TIMER_REPLIED,
        TIMER_WAITING,
        snippet_hotkey,
        snippet_of,
    )

    assert snippet_hotkey("courier.which") == "snippet:courier.which"
    assert snippet_of(snippet_hotkey("courier.which")) == "courier.which"
    assert [snippet_of(name) for name in (PALETTE, TIMER_WAITING, TIMER_REPLIED, "snippet:")] == [
        None,
        None,
        None,
        None,
    ]
