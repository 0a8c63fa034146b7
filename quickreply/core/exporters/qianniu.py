"""Write rows as a Qianniu/旺旺 quick-phrase CSV in GBK, the encoding Qianniu's importer expects.

Line breaks are written ``&#13;`` and commas ``&#44;``, as Qianniu's own export does. Every
character GBK cannot hold (emoji, some rare or traditional characters) is reported on its own
line and written as ``?``, so nothing is lost silently.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from quickreply.core.atomic import write_atomic
from quickreply.core.exporters.rows import ExportRow, warn
from quickreply.core.problems import Problem

HEADER = ("快捷短语编码", "快捷短语", "快捷短语分组")


def _cell(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "&#13;").replace(",", "&#44;")


def _not_gbk(row: ExportRow, text: str, problems: list[Problem]) -> None:
    for char in dict.fromkeys(text):
        try:
            char.encode("gbk")
        except UnicodeEncodeError:
            problems.append(
                warn(
                    row.snippet,
                    f"character '{char}' (U+{ord(char):04X}) cannot be written in"
                    " GBK; written as '?'",
                    "Qianniu reads GBK: use another character",
                )
            )


def qianniu_csv(rows: Sequence[ExportRow]) -> tuple[bytes, list[Problem]]:
    """The file's bytes and a line for each character GBK cannot hold."""
    problems: list[Problem] = []
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        cells = (row.code, _cell(row.text), row.group)
        _not_gbk(row, "".join(cells), problems)
        writer.writerow(cells)
    return out.getvalue().encode("gbk", errors="replace"), problems


def write_qianniu(rows: Sequence[ExportRow], path: Path) -> list[Problem]:
    data, problems = qianniu_csv(rows)
    write_atomic(path, data)
    return problems
