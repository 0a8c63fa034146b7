"""Read the replies of an .xlsx workbook (first sheet or a named one) by its header row.

The file is a zip archive; before openpyxl opens it, the archive's directory is checked: the
number of entries, the declared uncompressed sizes and their ratio to the compressed ones, so a
zip bomb named ``.xlsx`` is refused in microseconds instead of filling the memory. Formula
cells are read as their ``=...`` text (openpyxl never evaluates) and their rows are skipped.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quickreply.core.importers.model import Source, fail
from quickreply.core.importers.rawfile import read_bytes
from quickreply.core.importers.table import FormulaCell, read_rows
from quickreply.core.yamlread import display_path

MAX_ENTRIES = 2_000  # a workbook has a dozen parts plus a few per sheet
MAX_UNPACKED = 100 * 1024 * 1024  # all parts together, as declared in the zip directory
MAX_RATIO = 200  # XML compresses ~10-20x; a bomb compresses thousands of times


def check_archive(path: Path, shown: str) -> None:
    """ImportFailed unless ``path`` is a zip whose directory looks like a real workbook."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise fail(
            shown, 1, "not an .xlsx workbook (not a zip archive)", "save it from Excel as .xlsx"
        ) from None
    if len(infos) > MAX_ENTRIES:
        raise fail(shown, 1, f"the workbook has {len(infos)} parts; refused as a zip bomb")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > MAX_RATIO and info.file_size > 1024 * 1024:
            raise fail(
                shown,
                1,
                f"part {info.filename} unpacks {ratio:.0f} times its size; refused as a zip bomb",
                "save the sheet again from Excel",
            )
    if total > MAX_UNPACKED:
        raise fail(
            shown,
            1,
            f"the workbook unpacks to {total / 1024 / 1024:.0f} MB; refused as a zip bomb",
            "save the sheet again from Excel",
        )
    if "xl/workbook.xml" not in {info.filename for info in infos}:
        raise fail(shown, 1, "not an .xlsx workbook (no xl/workbook.xml)", "save it as .xlsx")


def _cell(cell: Any) -> str:
    value = cell.value
    if value is None:
        return ""
    if getattr(cell, "data_type", "") == "f":
        return FormulaCell(str(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows(sheet: Any) -> Iterator[tuple[int, list[str]]]:
    for number, row in enumerate(sheet.iter_rows(), start=1):
        yield number, [_cell(cell) for cell in row]


def read_xlsx(path: Path, sheet: str | None = None) -> Source:
    import openpyxl  # only when a workbook is imported: it costs ~0.1 s

    shown = display_path(path)
    read_bytes(path)  # size and emptiness first
    check_archive(path, shown)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as err:  # openpyxl raises many kinds for a damaged file
        raise fail(
            shown, 1, f"cannot open the workbook ({err})", "save it again as .xlsx"
        ) from None
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            raise fail(
                shown, 1, f"no sheet named '{sheet}'", "its sheets: " + ", ".join(book.sheetnames)
            )
        source = Source(f"{shown}[{ws.title}]" if sheet else shown, "xlsx")
        read_rows(_rows(ws), source)
        return source
    finally:
        book.close()
