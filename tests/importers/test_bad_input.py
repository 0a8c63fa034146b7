"""Bad import files: one line with the file and row, a non-zero exit, nothing written."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import openpyxl
import pytest

from quickreply.cli import main
from quickreply.core.importers.model import ImportFailed
from quickreply.core.importers.rawfile import read_bytes
from tests.importers.generate import write_big_file, write_zip_bomb

HEADER = "快捷短语编码,快捷短语,快捷短语分组\n"


def run_import(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["import", str(path), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def personal_files(home: Path) -> list[Path]:
    personal = home / "personal"
    return sorted(personal.iterdir()) if personal.exists() else []


def test_unknown_encoding_names_the_line(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(HEADER.encode("utf-8") + b"ab,\x81\x20\xff\xfe,x\n")
    code, _out, err = run_import(path, capsys)
    assert code == 1
    assert err.strip() == (
        f"{path}:2: unknown encoding: byte 0x81 is neither UTF-8 nor GBK/GB18030"
        " (save the file as UTF-8 or GBK (Excel: 另存为 → CSV UTF-8))"
    )
    assert personal_files(qr_home) == []


def test_header_matching_nothing_says_found_and_expected(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("订单号,买家,金额\n1,张三,99\n", encoding="utf-8")
    code, _out, err = run_import(path, capsys, "--format", "qianniu")
    assert code == 1
    assert err.count("\n") == 1
    assert f"{path}:1: no column for the reply text: found headers 订单号, 买家, 金额" in err
    assert "expected 快捷短语编码,快捷短语,快捷短语分组" in err
    assert personal_files(qr_home) == []


def test_ragged_row_is_skipped_with_its_line_and_the_rest_imports(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "qn.csv"
    path.write_text(HEADER + "a1,好的,组\na2,亲,在的,组,多余\na3,再见,\n", encoding="utf-8")
    code, out, _err = run_import(path, capsys)
    assert code == 1
    assert f"{path}:3: skipped: row has 5 cells, the header has 3" in out
    assert "2 new, 0 updated, 1 skipped" in out
    saved = (qr_home / "personal" / "imported.yaml").read_text(encoding="utf-8")
    assert "a1" in saved and "a3" in saved and "a2" not in saved


def test_empty_file(tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    code, _out, err = run_import(path, capsys)
    assert (code, err) == (1, f"{path}:1: the file is empty (export the phrases again)\n")
    assert personal_files(qr_home) == []


def test_a_50_mb_file_is_refused_in_one_line(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_big_file(tmp_path / "huge.csv")
    code, _out, err = run_import(path, capsys)
    assert code == 1
    assert err == (
        f"{path}:1: file is too big (50.0 MB, the limit is 10.0 MB)"
        " (split it, or check that this is the exported phrase list)\n"
    )
    assert personal_files(qr_home) == []


def test_formula_cells_are_never_evaluated(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["快捷短语编码", "快捷短语", "快捷短语分组"])
    sheet.append(["f1", '=HYPERLINK("http://evil.example","点我")', "组"])
    sheet.append(["ok", "正常的一句", "组"])
    path = tmp_path / "formula.xlsx"
    book.save(path)
    code, out, _err = run_import(path, capsys)
    assert code == 1
    assert f"{path}:2: skipped: cell holds a formula (=HYPERLINK(" in out
    assert "never evaluated" in out
    saved = (qr_home / "personal" / "imported.yaml").read_text(encoding="utf-8")
    assert "HYPERLINK" not in saved and "正常的一句" in saved


def test_formula_text_in_a_csv_is_refused_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "f.csv"
    path.write_text(HEADER + 'x,"=cmd|\' /C calc\'!A0",\ny,"=SUM(A1:A3)",\n', encoding="utf-8")
    code, out, _err = run_import(path, capsys, "--dry-run")
    assert code == 1
    assert f"{path}:3: skipped: cell holds a formula (=SUM(A1:A3))" in out


def test_zip_bomb_disguised_as_xlsx(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_zip_bomb(tmp_path / "phrases.xlsx")
    assert path.stat().st_size < 1024 * 1024
    code, _out, err = run_import(path, capsys)
    assert code == 1
    assert err.startswith(f"{path}:1: part xl/worksheets/sheet1.xml unpacks ")
    assert "refused as a zip bomb" in err and err.count("\n") == 1
    assert personal_files(qr_home) == []


def test_duplicate_codes_within_the_file_keep_both_and_say_so(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dup.csv"
    path.write_text(HEADER + "zz,第一句,\nzz,第二句,\n", encoding="utf-8")
    code, out, _err = run_import(path, capsys)
    assert code == 0
    assert (
        f"{path}:3: warning: shortcut code 'zz' is also on row 2 of this file; both kept,"
        " the code stays with row 2 (give one of them another code)"
    ) in out
    saved = (qr_home / "personal" / "imported.yaml").read_text(encoding="utf-8")
    assert "第一句" in saved and "第二句" in saved


def test_yaml_that_is_not_espanso(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "config.yml"
    path.write_text("backend: Clipboard\ntoggle_key: ALT\n", encoding="utf-8")
    code, _out, err = run_import(path, capsys)
    assert code == 1
    assert err.startswith(
        f"{path}:1: not an espanso match file: no 'matches:' list (found backend, toggle_key)"
    )
    assert personal_files(qr_home) == []


def test_dry_run_writes_nothing(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ok.csv"
    path.write_text(HEADER + "a1,好的,组\n", encoding="utf-8")
    code, out, _err = run_import(path, capsys, "--dry-run")
    assert code == 0
    assert "1 new, 0 updated, 0 skipped (would write imported.yaml)" in out
    assert personal_files(qr_home) == []


def test_an_old_xls_workbook_says_to_save_it_as_xlsx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    code, _out, err = run_import(path, capsys)
    assert code == 1
    assert err == (
        f"{path}:1: '.xls' workbooks (Excel 97-2003) are not read"
        " (open it in Excel or WPS and save it as .xlsx (另存为 → Excel 工作簿))\n"
    )


def test_control_characters_are_removed_and_said(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ctl.csv"
    path.write_bytes((HEADER + 'a1,"好\x00的\x1b[31m",组\x07\n').encode("utf-8"))
    code, out, _err = run_import(path, capsys)
    assert code == 0
    assert f"{path}:2: warning: 2 control character(s) removed" in out
    saved = (qr_home / "personal" / "imported.yaml").read_text(encoding="utf-8")
    assert "text: 好的[31m" in saved and "group: 组\n" in saved


def test_rows_over_the_pack_limits_are_cut_or_skipped_and_said(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big-cells.csv"
    long_title, long_text = "长" * 300, "字" * 100_001
    path.write_text(
        f"快捷短语编码,快捷短语,标题\na1,好的,{long_title}\na2,{long_text},正常\n", encoding="utf-8"
    )
    code, out, _err = run_import(path, capsys)
    assert code == 1
    assert f"{path}:2: warning: the title is 300 characters long, more than 200; it is cut" in out
    assert f"{path}:3: skipped: the text" in out
    saved = (qr_home / "personal" / "imported.yaml").read_text(encoding="utf-8")
    assert "a1" in saved and "a2" not in saved


def test_a_file_swapped_for_a_fifo_after_it_was_checked_does_not_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, the file was checked with stat and then opened: a FIFO put in its place between
    the two blocked the import forever, waiting for a writer."""
    path = tmp_path / "phrases.csv"
    os.mkfifo(path)
    monkeypatch.setattr(Path, "is_file", lambda self: True)  # it was a file when checked
    outcome: list[BaseException | bytes] = []

    def read() -> None:
        try:
            outcome.append(read_bytes(path))
        except BaseException as err:
            outcome.append(err)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=5)
    if reader.is_alive():  # let the blocked open return, so no thread outlives the test
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=5)
    assert len(outcome) == 1 and isinstance(outcome[0], ImportFailed), outcome
    assert str(outcome[0]) == (
        f"{path}:1: is a named pipe (FIFO), not a regular file"
        " (only regular files are read: remove it)"
    )
