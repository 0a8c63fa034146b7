"""Read a Qianniu/旺旺 quick-phrase CSV (or any CSV/TSV with a header row) into replies.

RFC 4180 quoting with ``""`` escapes; the encoding is sniffed (core/importers/rawfile.py); a
tab-separated file (Excel's "Unicode text") is recognised by its header line. Every row keeps
the line it starts on, so a skipped row can be found in a text editor.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from quickreply.core.importers.model import Source, fail
from quickreply.core.importers.rawfile import decode, read_bytes
from quickreply.core.importers.table import read_rows
from quickreply.core.yamlread import display_path


def csv_rows(text: str, shown: str) -> Iterator[tuple[int, list[str]]]:
    """(line the record starts on, cells) for each record of ``text``."""
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as err:
        raise fail(
            shown,
            start,
            f"cannot read this row as CSV ({err})",
            'a double quote inside a quoted phrase must be doubled: ""',
        ) from None


def read_csv(path: Path, format_name: str = "qianniu") -> Source:
    shown = display_path(path)
    text, _encoding = decode(read_bytes(path), shown)
    source = Source(shown, format_name)
    read_rows(csv_rows(text, shown), source)
    return source
