"""Read a TextExpander CSV export (abbreviation, content, label; no header) into replies.

TextExpander names the group after the file, so the file name becomes the group. Its macros
(dates, fill-ins) are translated by core/importers/macros.py; a snippet using a macro with no
equivalent is skipped with the macro named.
"""

from __future__ import annotations

from pathlib import Path

from quickreply.core.importers.csvfile import csv_rows
from quickreply.core.importers.macros import MacroSkip, textexpander_text
from quickreply.core.importers.model import Entry, Source, fail, plain_text, title_from
from quickreply.core.importers.rawfile import decode, read_bytes
from quickreply.core.importers.table import is_formula
from quickreply.core.yamlread import display_path

_HEADER = ("abbreviation", "content", "label")


def read_textexpander(path: Path) -> Source:
    shown = display_path(path)
    text, _encoding = decode(read_bytes(path), shown)
    source = Source(shown, "textexpander")
    group = path.stem.strip()
    for line, cells in csv_rows(text, shown):
        if not any(c.strip() for c in cells):
            continue
        if tuple(c.strip().casefold() for c in cells[:3]) == _HEADER[: len(cells[:3])]:
            continue  # a header some converters add
        if len(cells) < 2 or len(cells) > 3:
            source.skip(
                line,
                f"row has {len(cells)} cells; TextExpander rows are abbreviation,content[,label]",
                "a comma inside a snippet must be inside double quotes",
            )
            continue
        abbreviation = cells[0].strip()
        content = source.clean(line, cells[1].replace("\r\n", "\n").strip())
        label = plain_text(cells[2]).strip() if len(cells) == 3 else ""
        if not content:
            source.skip(line, f"snippet '{abbreviation}' is empty")
            continue
        if is_formula(content):
            source.skip(line, "content looks like a formula; formulas are never evaluated")
            continue
        try:
            template, fields = textexpander_text(content)
        except MacroSkip as why:
            source.skip(line, f"snippet '{abbreviation}' {why}")
            continue
        code = source.code_of(line, abbreviation, "abbreviation")
        source.entries.append(
            Entry(line, label or title_from(content), (template,), code, group, fields=fields)
        )
    if not source.entries and not source.skipped:
        raise fail(shown, 1, "the file has no snippets", "export the group again from TextExpander")
    return source
