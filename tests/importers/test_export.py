"""Export: rendered with the shop, one row per variant, GBK and Qianniu limits reported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from quickreply.cli import main

PACK = """
pack:
  id: test.export
  name: 导出测试
snippets:
  - id: ex.variants
    title: 问候
    code: wh
    group: 售前
    text:
      - 亲，在的~
      - 您好，{{ shop_name }}为您服务
  - id: ex.asks
    title: 要金额
    code: je
    text: 还差{{ amount }}元
    fields:
      amount: {label: 订单金额, kind: number}
  - id: ex.default
    title: 有默认值
    code: mr
    text: 发{{ courier(region).name }}
    fields:
      region: {label: 收货省份, kind: region, default: 广东}
  - id: ex.emoji
    title: 表情
    code: bq
    text: 谢谢亲😊
  - id: ex.long
    title: 超长
    code: toolong
    group: 一个非常非常长的分组名称
    text: 好的
  - id: ex.formula
    title: 等号开头
    code: dh
    text: =SUM(1,2) 不是公式
"""


@pytest.fixture
def pack(write_pack: Callable[[str, str], Path]) -> Path:
    return write_pack("ex.yaml", PACK)


def test_qianniu_csv_rows_and_lines(
    pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.csv"
    args = ["export", "--format", "qianniu", "--pack", str(pack), "--now", "2026-11-23 14:05"]
    assert main([*args, str(out)]) == 0
    streams = capsys.readouterr()
    lines = out.read_bytes().decode("gbk").split("\r\n")
    assert lines[0] == "快捷短语编码,快捷短语,快捷短语分组"
    assert "wh,亲，在的~,售前" in lines
    assert any(line.startswith("wh,您好，") and line.endswith("为您服务,售前") for line in lines)
    assert "mr,发中通快递," in lines
    assert "bq,谢谢亲?," in lines
    assert "dh,=SUM(1&#44;2) 不是公式," in lines
    assert not any(line.startswith("je,") for line in lines)
    err = streams.err
    assert "snippet 'ex.asks': left out: fields without a default: amount (订单金额)" in err
    assert "character '😊' (U+1F60A) cannot be written in GBK; written as '?'" in err
    assert "code 'toolong' is longer than Qianniu's 4 characters" in err
    assert "group '一个非常非常长的分组名称' is longer than Qianniu's 10 characters" in err
    assert "6 rows written, 1 replies left out" in streams.out


def test_xlsx_cells_are_text_never_formulas(
    pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.xlsx"
    assert main(["export", "--format", "xlsx", "--pack", str(pack), str(out)]) == 0
    capsys.readouterr()
    sheet = openpyxl.load_workbook(out).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["快捷短语编码", "快捷短语", "快捷短语分组", "标题", "备注"]
    formula = next(row for row in sheet.iter_rows() if row[0].value == "dh")
    assert formula[1].data_type == "s" and formula[1].value == "=SUM(1,2) 不是公式"
    assert ["bq", "谢谢亲😊", None, "表情", None] in rows
