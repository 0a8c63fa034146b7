"""Read a Beeftext combo file (JSON: ``combos`` with keyword, snippet, name, group) into replies.

Groups are referenced by uuid from the ``groups`` list. Beeftext variables are translated by
core/importers/macros.py; ``#{powershell:}`` and ``#{envVar:}`` are never run, and a combo using
one is skipped with the variable named. The JSON is read with a depth and size limit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from quickreply.core.importers.macros import MacroSkip, beeftext_text
from quickreply.core.importers.model import Entry, Source, fail, plain_text, title_from
from quickreply.core.importers.rawfile import decode, read_bytes
from quickreply.core.yamlread import display_path


def _combo_lines(text: str) -> list[int]:
    """The line of each ``"keyword"`` key, in order: a combo is shown at its keyword."""
    lines: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if '"keyword"' in line or '"comboText"' in line:
            lines.append(number)
    return lines


def read_beeftext(path: Path) -> Source:
    shown = display_path(path)
    text, _encoding = decode(read_bytes(path), shown)
    try:
        data: Any = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as err:
        line = getattr(err, "lineno", 1)
        raise fail(
            shown, line, f"not valid JSON ({err})", "export the combos again from Beeftext"
        ) from None
    combos = data.get("combos") if isinstance(data, dict) else None
    if not isinstance(combos, list):
        raise fail(
            shown,
            1,
            "not a Beeftext combo file: no 'combos' list",
            "in Beeftext: File → Export, or choose another --format",
        )
    groups = {
        g.get("uuid"): str(g.get("name", "")).strip()
        for g in data.get("groups", []) or []
        if isinstance(g, dict)
    }
    lines = _combo_lines(text)
    source = Source(shown, "beeftext")
    for index, combo in enumerate(combos):
        line = lines[index] if index < len(lines) else 1
        if not isinstance(combo, dict):
            source.skip(line, "a combo must be an object")
            continue
        keyword = str(combo.get("keyword", combo.get("comboText", ""))).strip()
        snippet = str(combo.get("snippet", combo.get("substitutionText", "")))
        snippet = source.clean(line, snippet.replace("\r\n", "\n"))
        if not snippet.strip():
            source.skip(line, f"combo '{keyword}' is empty")
            continue
        try:
            template, fields = beeftext_text(snippet.strip())
        except MacroSkip as why:
            source.skip(line, f"combo '{keyword}' {why}")
            continue
        code = source.code_of(line, keyword, "keyword")
        name = plain_text(str(combo.get("name", ""))).strip()
        source.entries.append(
            Entry(
                line,
                name or title_from(snippet),
                (template,),
                code,
                plain_text(groups.get(combo.get("group"), "")),
                note=plain_text(str(combo.get("description", ""))).strip(),
                fields=fields,
            )
        )
    return source
