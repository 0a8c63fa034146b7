"""Importers: read another tool's phrase file into replies, one module per format.

:func:`read_source` picks the reader by ``--format`` (or by the file's suffix and header for
``auto``) and returns a :class:`~quickreply.core.importers.model.Source`;
:func:`~quickreply.core.importers.plan.plan_import` turns it into the new personal pack and a
row-by-row account (new / updated / unchanged / skipped). Nothing here writes a file.
"""

from __future__ import annotations

from pathlib import Path

from quickreply.core.importers.model import Entry, ImportFailed, Source, fail
from quickreply.core.yamlread import display_path

FORMATS = ("auto", "qianniu", "xlsx", "espanso", "textexpander", "beeftext", "table")

__all__ = ["FORMATS", "Entry", "ImportFailed", "Source", "detect_format", "read_source"]


def detect_format(path: Path) -> str:
    """The format ``auto`` means for ``path``: by suffix, and for CSV by its first line."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix == ".xls":
        raise fail(
            display_path(path),
            1,
            "'.xls' workbooks (Excel 97-2003) are not read",
            "open it in Excel or WPS and save it as .xlsx (另存为 → Excel 工作簿)",
        )
    if suffix in (".yml", ".yaml"):
        return "espanso"
    if suffix == ".json":
        return "beeftext"
    if suffix in (".csv", ".txt", ".tsv"):
        return "textexpander" if _headerless(path) else "qianniu"
    raise fail(
        display_path(path),
        1,
        f"cannot tell the format of a '{suffix or 'no suffix'}' file",
        "give --format qianniu, xlsx, espanso, textexpander, beeftext or table",
    )


def _headerless(path: Path) -> bool:
    """True when the first row names no column we know (TextExpander CSVs have no header)."""
    from quickreply.core.importers.csvfile import csv_rows
    from quickreply.core.importers.rawfile import decode, read_bytes
    from quickreply.core.importers.table import map_header

    shown = display_path(path)
    text, _ = decode(read_bytes(path), shown)
    first = next(csv_rows(text.split("\n", 1)[0], shown), (1, []))[1]
    try:
        map_header(first, shown, 1)
    except ImportFailed:
        # An abbreviation is short and typed on a keyboard: ";tk", "thx". A first cell in
        # Chinese is a header we do not know, which the Qianniu reader will name.
        abbreviation = first[0].strip() if first else ""
        return len(first) in (2, 3) and abbreviation.isascii() and " " not in abbreviation
    return False


def read_source(path: Path, format_name: str = "auto", *, sheet: str | None = None) -> Source:
    """Read ``path`` as ``format_name``; ImportFailed (one line) when the file is unusable."""
    fmt = detect_format(path) if format_name == "auto" else format_name
    if fmt in ("qianniu", "table") and path.suffix.lower() in (".xlsx", ".xlsm"):
        fmt = "xlsx"
    if fmt in ("qianniu", "table"):
        from quickreply.core.importers.csvfile import read_csv

        return read_csv(path, fmt)
    if fmt == "xlsx":
        from quickreply.core.importers.xlsx import read_xlsx

        return read_xlsx(path, sheet)
    if fmt == "espanso":
        from quickreply.core.importers.espanso import read_espanso

        return read_espanso(path)
    if fmt == "textexpander":
        from quickreply.core.importers.textexpander import read_textexpander

        return read_textexpander(path)
    if fmt == "beeftext":
        from quickreply.core.importers.beeftext import read_beeftext

        return read_beeftext(path)
    raise fail(
        display_path(path), 1, f"unknown format '{format_name}'", "one of " + ", ".join(FORMATS)
    )
