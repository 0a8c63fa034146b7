"""Polyphones read in context: the phrases in which a character is not read its default way.

着急 is zhaoji (着 alone: zhe), 会计 kuaiji (会 alone: hui), 银行 yinhang. The readings come from
pypinyin's phrase dictionary (``pypinyin.phrases_dict``), kept to the phrases that change a
character's toneless default reading (~3,000 of 47,000) and shipped as ``phrase_readings.tsv``:
importing the whole dictionary costs ≈ 1 s and ≈ 60 MB, too much for a first start. A test
checks the shipped file against the installed pypinyin; after an upgrade, regenerate it with
``python -m quickreply.core.phrases``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

DATA_FILE = Path(__file__).with_name("phrase_readings.tsv")
# Longer phrases are idioms a shop reply rarely holds; each length costs a lookup per hit.
MAX_PHRASE = 4


def derive(default_reading: Callable[[str], tuple[str, ...]]) -> list[tuple[str, tuple[str, ...]]]:
    """(phrase, toneless reading per character) for every pypinyin phrase of 2–4 characters
    that reads a polyphonic character otherwise than ``default_reading(ch)[0]``."""
    from pypinyin.phrases_dict import phrases_dict

    from quickreply.core.textkeys import toneless

    out: list[tuple[str, tuple[str, ...]]] = []
    for phrase, readings in sorted(phrases_dict.items()):
        if not 2 <= len(phrase) <= MAX_PHRASE or len(readings) != len(phrase):
            continue
        plain = tuple(toneless(r[0]) if r else "" for r in readings)
        differs = False
        for ch, reading in zip(phrase, plain, strict=True):
            defaults = default_reading(ch)
            if len(defaults) > 1 and reading and reading != defaults[0] and reading in defaults:
                differs = True
        if differs:
            out.append((phrase, plain))
    return out


def render(rows: list[tuple[str, tuple[str, ...]]]) -> str:
    """The data file's text: one phrase per line, then its readings, tab-separated."""
    return "".join(f"{phrase}\t{' '.join(readings)}\n" for phrase, readings in rows)


def load(path: Path = DATA_FILE) -> dict[str, tuple[str, ...]]:
    """The shipped phrase readings; empty when the file is missing (default readings only)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        phrase, _, readings = line.partition("\t")
        parts = tuple(readings.split(" "))
        if len(parts) == len(phrase):
            out[phrase] = parts
    return out


def main() -> int:
    """Regenerate the shipped file from the installed pypinyin."""
    from quickreply.core.textkeys import TextKeys

    keys = TextKeys()
    rows = derive(keys.dictionary_readings)
    DATA_FILE.write_text(render(rows), encoding="utf-8")
    print(f"{DATA_FILE}: {len(rows)} phrases", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
