"""Turn rows of a table (Qianniu CSV, a sheet, any spreadsheet) into replies by their headers.

Columns are found by header, in any order: code (快捷短语编码 / 快捷编码 …), text (快捷短语 …),
group, title and note. Cells are taken as Qianniu writes them: ``&#13;`` is a line break,
``&#44;`` a comma, and a leading tab (the spreadsheet "keep as text" marker) is dropped. A cell
holding a formula is never evaluated: its row is skipped and named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quickreply.core.importers.model import (
    Entry,
    Source,
    fail,
    literal_template,
    plain_text,
    title_from,
)
from quickreply.core.packs import CODE_RE

#: Header spellings per column, compared after stripping spaces and case-folding.
HEADERS: dict[str, tuple[str, ...]] = {
    "code": (
        "快捷短语编码", "快捷编码", "短语编码", "编码", "快捷码", "快捷键", "缩写",
        "code", "shortcut", "abbreviation", "keyword", "trigger",
    ),
    "text": (
        "快捷短语", "短语", "短语内容", "快捷短语内容", "回复内容", "回复", "内容", "话术",
        "text", "content", "phrase", "reply", "snippet",
    ),
    "group": (
        "快捷短语分组", "分组", "分组名称", "短语分组", "分类", "group", "category", "folder",
    ),
    "title": ("标题", "名称", "title", "name", "label"),
    "note": ("备注", "说明", "使用说明", "note", "remark", "description"),
}  # fmt: skip
COLUMN_LABELS = {
    "code": "编码",
    "text": "快捷短语",
    "group": "分组",
    "title": "标题",
    "note": "备注",
}

_FORMULA = re.compile(r"=\s*[A-Za-z_][A-Za-z0-9_.]*\s*\(")
_ENTITIES = (("&#13;&#10;", "\n"), ("&#13;", "\n"), ("&#10;", "\n"), ("&#44;", ","))


class FormulaCell(str):
    """A spreadsheet cell that held a formula (its ``=...`` text, never evaluated)."""

    __slots__ = ()


def _norm(header: str) -> str:
    return "".join(header.split()).casefold().lstrip("\ufeff")


def cell_text(value: str) -> str:
    """A cell as Qianniu means it: entities decoded, the text-marker tab gone, ends trimmed."""
    for entity, char in _ENTITIES:
        value = value.replace(entity, char)
    value = value.removeprefix("\t")
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def is_formula(value: str) -> bool:
    return isinstance(value, FormulaCell) or bool(_FORMULA.match(value.lstrip()))


@dataclass(frozen=True, slots=True)
class Columns:
    """Where each known column is in the header row (index, or -1 when absent)."""

    code: int = -1
    text: int = -1
    group: int = -1
    title: int = -1
    note: int = -1


def map_header(header: Sequence[str], shown: str, line: int) -> Columns:
    """The columns found in ``header``; without a text column, ImportFailed naming the headers."""
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        key = _norm(str(name))
        for column, spellings in HEADERS.items():
            if column not in found and key in (_norm(s) for s in spellings):
                found[column] = index
    if "text" not in found:
        seen = ", ".join(str(h).strip() for h in header if str(h).strip()) or "(none)"
        raise fail(
            shown,
            line,
            f"no column for the reply text: found headers {seen}",
            "expected 快捷短语编码,快捷短语,快捷短语分组 (or 快捷编码; also 标题, 备注,"
            " or code, text, group, title, note)",
        )
    return Columns(**found)


def read_rows(
    rows: Iterable[tuple[int, Sequence[str]]], source: Source, *, group_default: str = ""
) -> None:
    """Read a header row then data rows into ``source``; blank rows are passed over."""
    columns: Columns | None = None
    width = 0
    for line, cells in rows:
        if not any(str(c).strip() for c in cells):
            continue
        if columns is None:
            columns = map_header(cells, source.path, line)
            width = len(cells)
            while width and not str(cells[width - 1]).strip():
                width -= 1
            continue
        _read_row(line, cells, columns, width, source, group_default)
    if columns is None:
        raise fail(source.path, 1, "the file has no rows", "export the phrases again")


def _read_row(
    line: int,
    cells: Sequence[str],
    columns: Columns,
    width: int,
    source: Source,
    group_default: str,
) -> None:
    extra = [c for c in cells[width:] if str(c).strip()]
    if extra:
        source.skip(
            line,
            f"row has {width + len(extra)} cells, the header has {width}",
            "a comma inside a phrase must be inside double quotes (or written &#44;)",
        )
        return
    formulas = [str(c) for c in cells if is_formula(str(c)) or isinstance(c, FormulaCell)]
    if formulas:
        shown = formulas[0] if len(formulas[0]) <= 40 else formulas[0][:39] + "…"
        source.skip(
            line,
            f"cell holds a formula ({shown}); formulas are never evaluated",
            "type the text itself into the cell",
        )
        return

    def get(index: int) -> str:
        return plain_text(cell_text(str(cells[index]))) if 0 <= index < len(cells) else ""

    raw_text = cell_text(str(cells[columns.text])) if columns.text < len(cells) else ""
    text = source.clean(line, raw_text)
    if not text.strip():
        source.skip(line, "the phrase is empty", "fill in the 快捷短语 cell or delete the row")
        return
    raw_code = get(columns.code)
    code = raw_code.lower()
    if raw_code and not CODE_RE.fullmatch(code):
        source.note(
            line,
            f"shortcut code '{raw_code}' cannot be used here; imported without a code",
            "codes are 1-12 letters or digits",
        )
        code = ""
    group = "/".join(p.strip() for p in get(columns.group).split("/") if p.strip())
    source.entries.append(
        Entry(
            row=line,
            title=plain_text(get(columns.title)) or title_from(text),
            variants=(literal_template(text),),
            code=code,
            group=group or group_default,
            note=get(columns.note),
        )
    )
