"""Write rows as an .xlsx workbook with Qianniu's columns plus title and note.

Every cell is written as text: a reply that starts with ``=`` must never become a formula in
the lead's spreadsheet (openpyxl would store it as one).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from quickreply.core.atomic import write_atomic
from quickreply.core.exporters.rows import ExportRow

HEADER = ("快捷短语编码", "快捷短语", "快捷短语分组", "标题", "备注")


def xlsx_bytes(rows: Sequence[ExportRow]) -> bytes:
    from openpyxl import Workbook  # only when exporting: it costs ~0.1 s to import

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "快捷短语"
    sheet.append(HEADER)
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate((row.code, row.text, row.group, row.title, row.note), 1):
            cell = sheet.cell(row=number, column=column, value=value)
            cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_xlsx(rows: Sequence[ExportRow], path: Path) -> None:
    write_atomic(path, xlsx_bytes(rows))
