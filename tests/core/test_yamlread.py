from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from quickreply.core.yamlread import format_key_path, parse_yaml, read_yaml


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # problems then name files as the user typed them


def messages(path: Path, **kwargs: int) -> list[str]:
    doc, problems = read_yaml(path, **kwargs)
    assert doc is None or problems
    return [str(p) for p in problems]


def test_values_are_plain_python_with_the_line_of_every_key_and_item() -> None:
    doc, problems = parse_yaml(
        "pack:\n  id: a\nsnippets:\n  - id: x\n    text: |\n      亲\n      在的\n  - id: y\n"
        "    tags: [快递, 618]\n    on: 2024-11-11\n",
        "a.yaml",
    )
    assert problems == []
    assert doc is not None
    assert doc.data == {
        "pack": {"id": "a"},
        "snippets": [
            {"id": "x", "text": "亲\n在的\n"},
            # A key is the text written: YAML 1.1 would read a bare `on` as True.
            {"id": "y", "tags": ["快递", 618], "on": dt.date(2024, 11, 11)},
        ],
    }
    assert doc.line("pack", "id") == 2
    assert doc.line("snippets", 0) == 4
    assert doc.line("snippets", 1, "tags") == 9
    assert doc.line("snippets", 1, "tags", 1) == 9
    # A `|` block's text starts on the line after the indicator.
    assert doc.value_line("snippets", 0, "text") == 6
    assert ("snippets", 0, "text") in doc.block_scalars
    # Unknown paths fall back to the nearest known parent, then to line 1.
    assert doc.line("snippets", 0, "nothing", 3) == 4
    assert doc.line("nothing") == 1


def test_a_syntax_error_names_the_line_libyaml_stopped_on(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("pack:\n  id: a\n  name: [售前\nsnippets: []\n", encoding="utf-8")
    assert messages(path) == [
        "a.yaml:4: YAML syntax error: did not find expected ',' or ']'"
        " (check the indentation here or on the line above; quote text that contains ': ')"
    ]


def test_a_tab_in_the_indentation_says_to_use_spaces(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("pack:\n\tid: a\n", encoding="utf-8")
    assert messages(path) == [
        "a.yaml:2: YAML syntax error: found character that cannot start any token"
        " (indent with spaces, not tabs)"
    ]


def test_gbk_text_is_recognised_and_the_fix_is_named(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("pack:\n  id: a\n  name: 售前接待\n".encode("gbk"))
    assert messages(path) == [
        "gbk.yaml:3: file is not UTF-8: it looks like GBK/GB18030 (common on Chinese Windows)"
        " (re-save it as UTF-8: in Notepad 另存为 → 编码 UTF-8;"
        " in VS Code 'Save with Encoding' → UTF-8)"
    ]


def test_utf16_and_binary_files_are_not_utf8(tmp_path: Path) -> None:
    utf16 = tmp_path / "u16.yaml"
    utf16.write_bytes("pack: {}".encode("utf-16"))
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"pack:\n\xff\xfe\xff\x80\x80")
    assert messages(utf16)[0].startswith("u16.yaml:1: file is UTF-16, not UTF-8 (re-save it as")
    assert messages(binary)[0].startswith("bin.yaml:2: file is not UTF-8 text (re-save it as")


def test_big5_is_named(tmp_path: Path) -> None:
    path = tmp_path / "big5.yaml"
    path.write_bytes("name: 售後服務，請問\n退貨請聯繫客服\n".encode("big5"))
    assert messages(path)[0].startswith(
        "big5.yaml:1: file is not UTF-8: it looks like Big5 (re-save it as UTF-8"
    )


def test_a_utf8_bom_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffname: 售前\n".encode())
    doc, problems = read_yaml(path)
    assert problems == []
    assert doc is not None and doc.data == {"name": "售前"}


def test_a_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * 2048)
    assert messages(path, max_bytes=1024) == [
        "big.yaml:1: file is too big (0.0 MB, the limit is 0.0 MB)"
        " (is this the right file? split it into smaller packs)"
    ]


def test_an_empty_file_gives_no_data_and_no_problem(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("# only a comment\n", encoding="utf-8")
    doc, problems = read_yaml(path)
    assert problems == [] and doc is not None and doc.data is None


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert messages(tmp_path / "nope.yaml") == ["nope.yaml:1: no such file (check the path)"]
    (tmp_path / "packs").mkdir()
    assert messages(tmp_path / "packs") == ["packs:1: is a folder, not a file (give a .yaml file)"]


def test_duplicate_keys_are_reported_and_the_later_one_wins() -> None:
    doc, problems = parse_yaml("snippets:\n  - id: a\n    title: 一\n    title: 二\n", "a.yaml")
    assert [str(p) for p in problems] == [
        "a.yaml:4: snippets[0]: duplicate key 'title' (first on line 3)"
        " (delete one of them; the later one wins)"
    ]
    assert doc is not None and doc.data == {"snippets": [{"id": "a", "title": "二"}]}


def test_a_control_character_is_one_line_at_its_line() -> None:
    doc, problems = parse_yaml("pack:\n  id: a\n  name: 售\x07前\n", "a.yaml")
    assert doc is None
    assert [str(p) for p in problems] == [
        "a.yaml:3: invisible control character U+0007 in the text"
        " (delete it: retype the line, or paste it as plain text)"
    ]


def test_a_control_character_after_chinese_text_is_at_its_own_line() -> None:
    """libyaml counts the position in bytes: 售前 on line 1 pushed the line number to 4."""
    _, problems = parse_yaml("name: 售前售前售前\nid: a\ntext: x\x07\n", "a.yaml")
    assert [p.line for p in problems] == [3]


def test_python_tags_never_run_code() -> None:
    doc, problems = parse_yaml("x: !!python/object/apply:os.system [echo hi]\ny: 2\n", "a.yaml")
    assert [str(p) for p in problems] == [
        "a.yaml:1: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'"
        " (remove the '!' tag: packs hold plain text, numbers and lists)"
    ]
    assert doc is not None and doc.data == {"x": None, "y": 2}


def test_a_value_that_only_looks_like_a_date_stays_text() -> None:
    doc, problems = parse_yaml("ends: 2024-13-45\n", "a.yaml")
    assert problems == [] and doc is not None and doc.data == {"ends": "2024-13-45"}


def test_aliases_are_built_once_and_merge_keys_work() -> None:
    doc, problems = parse_yaml(
        "base: &b {label: 省份, kind: region}\nf:\n  <<: *b\n  default: 广东\n", "a.yaml"
    )
    assert problems == []
    assert doc is not None
    assert doc.data == {
        "base": {"label": "省份", "kind": "region"},
        "f": {"label": "省份", "kind": "region", "default": "广东"},
    }


def test_two_documents_in_one_file() -> None:
    _, problems = parse_yaml("a: 1\n---\nb: 2\n", "a.yaml")
    assert [str(p) for p in problems] == [
        "a.yaml:2: YAML syntax error: but found another document"
        " (a file holds one pack: remove the extra '---')"
    ]


def test_format_key_path() -> None:
    assert format_key_path(("snippets", 2, "fields", "region")) == "snippets[2].fields.region"
    assert format_key_path(()) == ""
