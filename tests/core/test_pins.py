"""Pinned replies: kept in order on disk; a broken file counts as no pins."""

from __future__ import annotations

from pathlib import Path

from quickreply.core.pins import MAX_PINS, PinStore


def test_pins_toggle_and_survive_a_restart(tmp_path: Path) -> None:
    store = PinStore(tmp_path / "pins.json")
    assert store.toggle("a") is True and store.toggle("b") is True
    assert store.toggle("a") is False
    assert PinStore(tmp_path / "pins.json").pinned() == ("b",)


def test_a_broken_file_is_no_pins_and_the_next_pin_keeps_it_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "pins.json"
    path.write_text("{not json", encoding="utf-8")
    store = PinStore(path)
    assert store.pinned() == ()
    store.toggle("a")
    assert PinStore(path).pinned() == ("a",)
    assert (tmp_path / "pins.json.bak").read_text(encoding="utf-8") == "{not json"


def test_the_oldest_pin_drops_off_past_the_limit(tmp_path: Path) -> None:
    store = PinStore(tmp_path / "pins.json")
    for i in range(MAX_PINS + 1):
        store.toggle(f"s{i}")
    assert store.pinned()[0] == "s1" and len(store.pinned()) == MAX_PINS
