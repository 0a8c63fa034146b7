"""`quickreply search`: columns aligned for CJK, JSON, --pack, exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from quickreply.cli import main
from quickreply.commands.search import cell_width, fit

PACK = """
pack:
  id: test.cli
  name: 测试
snippets:
  - id: zz.one
    title: 斑马线专用回复
    code: zzx
    group: 测试/斑马
    text: |
      亲，这是斑马线的第一行
      第二行不显示
  - id: zz.two
    title: 斑马二号
    code: zzy
    group: 测试
    text: 斑马第二条
"""


@pytest.fixture
def pack(write_pack: Callable[[str, str], Path]) -> Path:
    return write_pack("zz.yaml", PACK)


def test_prints_code_title_group_and_first_line(
    pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "斑马", "--pack", str(pack)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "zzy   斑马二号        测试       斑马第二条",
        "zzx   斑马线专用回复  测试/斑马  亲，这是斑马线的第一行",
    ]


def test_columns_line_up_in_terminal_cells(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["search", "/测试", "--pack", str(pack)])
    lines = capsys.readouterr().out.splitlines()
    starts = {cell_width(line[: line.index("亲" if "亲" in line else "斑马第")]) for line in lines}
    assert len(starts) == 1


def test_json_output(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "zzx", "--json", "--pack", str(pack)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {
        "id": "zz.one",
        "code": "zzx",
        "title": "斑马线专用回复",
        "group": "测试/斑马",
        "text": "亲，这是斑马线的第一行",
        "score": 1000,
        "why": "code",
    }


def test_limit_and_several_words(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "斑马", "--limit", "1", "--pack", str(pack)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert main(["search", "/斑马", "bm", "--pack", str(pack)]) == 0
    assert "zzx" in capsys.readouterr().out


def test_no_match_exits_1_with_a_message(pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "不存在的东西qq", "--pack", str(pack)]) == 1
    assert capsys.readouterr().err == "没有找到匹配的话术 (no match)\n"
    assert main(["search", "不存在的东西qq", "--json", "--pack", str(pack)]) == 1
    assert json.loads(capsys.readouterr().out) == []


def test_bad_limit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "x", "--limit", "0"]) == 2
    assert capsys.readouterr().err == (
        "quickreply search: --limit: must be at least 1 (e.g. --limit 10)\n"
    )


def test_the_shipped_library_is_searched_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "tuihuo", "--limit", "3"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_second_run_uses_the_cache(pack: Path, qr_home: Path) -> None:
    main(["search", "斑马", "--pack", str(pack)])
    cached = list((qr_home / "cache").glob("search-index-*"))
    assert len(cached) == 1
    main(["search", "斑马", "--pack", str(pack)])
    assert list((qr_home / "cache").glob("search-index-*")) == cached


def test_fit_pads_and_cuts_by_cells() -> None:
    assert fit("ab", 4) == "ab  "
    assert fit("斑马", 6) == "斑马  "
    assert fit("斑马线专用", 6) == "斑马… "  # … is one cell
    assert cell_width(fit("斑马线专用", 6)) == 6


def test_a_damaged_usage_store_is_reported_not_dropped(
    pack: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stats = qr_home / "data" / "stats.sqlite3"
    stats.parent.mkdir(parents=True, exist_ok=True)
    stats.write_bytes(b"not a database" * 100)
    assert main(["search", "zzx", "--pack", str(pack)]) == 0
    assert capsys.readouterr().err == (
        f"{stats}:0: warning: usage store: the database was damaged (file is not a database);"
        " started a new one (the old file is kept as stats.sqlite3.corrupt)\n"
    )
