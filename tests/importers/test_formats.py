"""Each import format read from a fixture written from that tool's documentation."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from quickreply.core.importers import Entry, detect_format, read_source
from quickreply.core.model import Snippet
from quickreply.core.render import Renderer

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2026, 11, 23, 14, 5)
TODAY, TIME = "11月23日", "14:05"


def render(entry: Entry, **values: str) -> list[str]:
    renderer = Renderer(None, lambda: NOW)
    snippet = Snippet("t.x", "t", entry.variants, fields=entry.fields)
    return [renderer.render_variant(snippet, i, values) for i in range(len(entry.variants))]


def write_csv(tmp_path: Path, text: str, encoding: str = "gbk", name: str = "qn.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_qianniu_csv_in_gbk_with_quotes_entities_and_text_marker(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        "快捷短语编码,快捷短语,快捷短语分组\r\n"
        'KD,"亲，发中通&#44;顺丰补差价&#13;谢谢",物流\r\n'
        '"\t12","他说""好的""",\r\n',
    )
    source = read_source(path)
    assert source.format == "qianniu"
    first, second = source.entries
    assert (first.code, first.group, first.row) == ("kd", "物流", 2)
    assert render(first) == ["亲，发中通,顺丰补差价\n谢谢"]
    assert (second.code, second.group) == ("12", "")  # an empty group is the top level
    assert render(second) == ['他说"好的"']


def test_other_header_spelling_in_any_order_and_utf8_bom(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path, "快捷短语分组,快捷短语,快捷编码\nA组,你好,nh\n", encoding="utf-8-sig"
    )
    (entry,) = read_source(path).entries
    assert (entry.code, entry.group, render(entry)) == ("nh", "A组", ["你好"])


def test_braces_in_plain_text_stay_literal(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "快捷短语编码,快捷短语,快捷短语分组\nx,买{{一}}送{%二%},\n")
    (entry,) = read_source(path).entries
    assert render(entry) == ["买{{一}}送{%二%}"]


def test_generic_table_maps_columns_by_header(tmp_path: Path) -> None:
    source = read_source(FIXTURES / "table_jd.csv", "table")
    first, second = source.entries
    assert (first.code, first.title, first.group, first.note) == (
        "",
        "退货地址",
        "售后",
        "买家问退货地址时",
    )
    assert render(first) == ['亲，退货请寄到：广东省深圳市南山区XX路1号，收件人"小熊"']
    assert second.title == "问候"


def test_xlsx_first_sheet_or_named_sheet(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["说明"])  # a leading blank-ish row would be the header: keep it a header here
    book.remove(sheet)
    first = book.create_sheet("其他")
    first.append(["快捷编码", "快捷短语", "快捷短语分组"])
    first.append(["a1", "第一页", "组1"])
    second = book.create_sheet("短语")
    second.append(["快捷短语", "编码"])
    second.append(["第二页", 42])
    path = tmp_path / "book.xlsx"
    book.save(path)
    assert detect_format(path) == "xlsx"
    assert [e.code for e in read_source(path).entries] == ["a1"]
    (entry,) = read_source(path, "xlsx", sheet="短语").entries
    assert (entry.code, render(entry)) == ("42", ["第二页"])


def test_espanso_imports_all_but_code_running_matches_and_names_them() -> None:
    source = read_source(FIXTURES / "espanso_base.yml")
    by_code = {e.code: e for e in source.entries}
    assert sorted(by_code) == ["addr", "bye", "date", "hi", "kd", "size", "thx"]
    assert by_code["hi"].title == "欢迎语"
    assert render(by_code["hi"]) == ["亲，您好，欢迎光临小熊旗舰店~"]
    assert render(by_code["kd"]) == ["亲，我们默认发中通快递，有需要请备注哦"]
    assert render(by_code["date"]) == ["今天是" + TODAY]
    size = by_code["size"]
    assert size.fields[0].choices == ("S", "M", "大码 L")
    assert render(size, size="M") == ["亲，建议您选M码"]
    addr = by_code["addr"]
    assert addr.fields[0].default == "广东省深圳市"
    assert render(by_code["thx"]) == ["感谢亲的支持~", "谢谢亲，欢迎下次光临~"]
    skipped = [str(p) for p in source.skipped]
    shell = next(s for s in skipped if "shell var 'output'" in s)
    assert "espanso_base.yml:55: skipped: match ':ip':" in shell
    assert any("script var 'result'" in s for s in skipped)
    assert any("regex" in s for s in skipped)
    assert any("image_path" in s for s in skipped)
    notes = [str(p) for p in source.notes]
    assert any("shell var 'unused' is never run; left out" in n for n in notes)


def test_textexpander_csv_takes_group_from_file_name() -> None:
    source = read_source(FIXTURES / "textexpander" / "售后.csv")
    assert source.format == "textexpander"
    by_code = {e.code: e for e in source.entries}
    assert sorted(by_code) == ["dd", "nm", "opt", "thx", "tk"]
    assert {e.group for e in source.entries} == {"售后"}
    assert by_code["tk"].title == "退款进度"
    assert render(by_code["dd"]) == [f"今天是{TODAY}，{TIME}前下单当天发货"]
    assert render(by_code["nm"]) == ["亲，请问您的姓名是亲吗？"]
    assert by_code["opt"].fields[0].choices == ("红色", "蓝色")
    (skip,) = source.skipped
    assert ":5:" in str(skip) and "%clipboard" in str(skip)


def test_beeftext_combos_with_groups_and_variables() -> None:
    source = read_source(FIXTURES / "beeftext_combos.json")
    by_code = {e.code: e for e in source.entries}
    assert sorted(by_code) == ["ddh", "fh", "hy"]
    assert (by_code["hy"].group, by_code["hy"].note) == ("售前", "买家进店第一句")
    assert render(by_code["hy"]) == ["亲，您好，在的~"]
    assert render(by_code["ddh"], input1="123") == ["亲，您的订单号是123，已为您备注"]
    assert by_code["ddh"].fields[0].label == "订单号"
    (skip,) = source.skipped
    assert "powershell" in str(skip) and "never run" in str(skip)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.csv", "qianniu"), ("b.yml", "espanso"), ("c.json", "beeftext"), ("d.xlsx", "xlsx")],
)
def test_auto_format_by_suffix(tmp_path: Path, name: str, expected: str) -> None:
    path = tmp_path / name
    path.write_text("快捷短语,编码\n你好,a\n", encoding="utf-8")
    assert detect_format(path) == expected
