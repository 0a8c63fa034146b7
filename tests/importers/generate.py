"""Fixture generators: files too big or too hostile to commit (a 500-row GBK CSV, a zip bomb)."""

from __future__ import annotations

import zipfile
from pathlib import Path

PHRASES = (
    "亲，您好，欢迎光临本店，有什么可以帮您的吗？",
    "亲，我们默认发中通快递，偏远地区需要补运费哦",
    '亲，退货请在订单页点"申请售后"，填写原因后提交，我们会尽快处理',
    "亲，这款有现货的，今天16:00前付款当天发出，\n明天就能到哦~",
    "满200减20，满300减40，活动截止到月底，亲可以放心拍",
)
GROUPS = ("售前", "物流", "售后", "活动", "")


def qianniu_rows(count: int) -> list[tuple[str, str, str]]:
    """``count`` rows (code, phrase, group): distinct codes, commas, quotes, line breaks."""
    rows = []
    for i in range(count):
        code = f"q{i:03d}"
        text = f"{PHRASES[i % len(PHRASES)]}（第{i}条，编号{i:03d}）"
        rows.append((code, text, GROUPS[i % len(GROUPS)]))
    return rows


def write_qianniu_csv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """A Qianniu-style export: GBK, CRLF, quoted cells, &#13; for line breaks, a text-marker tab."""

    def cell(text: str) -> str:
        text = text.replace("\n", "&#13;")
        return '"' + text.replace('"', '""') + '"'

    lines = ["快捷短语编码,快捷短语,快捷短语分组"]
    for n, (code, text, group) in enumerate(rows):
        shown_code = f'"\t{code}"' if n % 7 == 0 else code  # some exports mark codes as text
        lines.append(f"{shown_code},{cell(text)},{group}")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path


def write_zip_bomb(path: Path, megabytes: int = 20) -> Path:
    """A tiny .xlsx-named zip whose one part unpacks to ``megabytes`` MB of zeros."""
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for _ in range(megabytes):
                part.write(chunk)
    return path


def write_big_file(path: Path, megabytes: int = 50) -> Path:
    """A ``megabytes`` MB file (sparse where the filesystem allows) that starts like a CSV."""
    with path.open("wb") as out:
        out.write("快捷短语编码,快捷短语,快捷短语分组\r\n".encode("gbk"))
        out.truncate(megabytes * 1024 * 1024)
    return path
