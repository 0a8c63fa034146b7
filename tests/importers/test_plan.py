"""Merge (合并式) and replace (替换式) into a personal pack, with a .bak of the previous file."""

from __future__ import annotations

from pathlib import Path

import pytest

from quickreply.cli import main
from quickreply.core.model import PackSource
from quickreply.core.packs import load_pack

HEADER = "快捷短语编码,快捷短语,快捷短语分组\n"


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def texts(pack_file: Path) -> dict[str, str]:
    pack, problems = load_pack(pack_file, PackSource.PERSONAL)
    assert pack is not None and not problems
    return {s.code: f"{s.group}|{s.text}" for s in pack.snippets}


def test_merge_updates_same_code_keeps_the_rest_and_keeps_a_bak(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write(tmp_path, "a.csv", "a1,旧的一句,组\na2,第二句,组\n")
    assert main(["import", str(first), "--into", "qn", "--group-prefix", "千牛"]) == 0
    pack_file = qr_home / "personal" / "qn.yaml"
    capsys.readouterr()
    second = write(tmp_path, "b.csv", "a1,新的一句,组\na3,第三句,\n")
    assert main(["import", str(second), "--into", "qn", "--group-prefix", "千牛"]) == 0
    assert "1 new, 1 updated, 0 skipped" in capsys.readouterr().out
    assert texts(pack_file) == {
        "a1": "千牛/组|新的一句",
        "a2": "千牛/组|第二句",
        "a3": "千牛|第三句",
    }
    assert "旧的一句" in (qr_home / "personal" / "qn.yaml.bak").read_text(encoding="utf-8")


def test_replace_makes_the_pack_hold_exactly_the_file(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import", str(write(tmp_path, "a.csv", "a1,一,\na2,二,\n"))])
    capsys.readouterr()
    assert main(["import", str(write(tmp_path, "b.csv", "a2,二,\na3,三,\n")), "--replace"]) == 0
    out = capsys.readouterr().out
    assert "1 new, 0 updated, 0 skipped, 1 unchanged, 1 removed" in out
    assert texts(qr_home / "personal" / "imported.yaml") == {"a2": "|二", "a3": "|三"}


def test_a_pack_file_that_did_not_load_is_never_overwritten(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = qr_home / "personal" / "imported.yaml"
    broken.parent.mkdir()
    broken.write_text("pack: [unclosed\n", encoding="utf-8")
    assert main(["import", str(write(tmp_path, "a.csv", "a1,一,\n"))]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == (
        f"{broken}:1: this file exists but did not load as a personal pack"
        " (fix it first (quickreply lint), or choose another --into)"
    )
    assert broken.read_text(encoding="utf-8") == "pack: [unclosed\n"


def test_into_shop_does_not_become_the_shop_profile(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "a.csv", "a1,一,\n")
    assert main(["import", str(source), "--into", "shop"]) == 0
    assert main(["import", str(write(tmp_path, "b.csv", "a2,二,\n")), "--into", "shop"]) == 0
    assert set(texts(qr_home / "personal" / "shop-pack.yaml")) == {"a1", "a2"}
    assert not (qr_home / "personal" / "shop.yaml").exists()


def test_espanso_file_with_shell_vars_imports_the_rest_and_names_what_it_skipped(
    qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixture = Path(__file__).parent / "fixtures" / "espanso_base.yml"
    assert main(["import", str(fixture), "--into", "espanso"]) == 1
    out = capsys.readouterr().out
    assert "match ':ip': uses shell var 'output', which is never run" in out
    assert "match ':py': uses script var 'result', which is never run" in out
    assert "match ':bye'" not in out and "shell var 'unused' is never run; left out" in out
    assert "7 new, 0 updated, 4 skipped" in out
    saved = texts(qr_home / "personal" / "espanso.yaml")
    assert sorted(saved) == ["addr", "bye", "date", "hi", "kd", "size", "thx"]
    assert "curl" not in (qr_home / "personal" / "espanso.yaml").read_text(encoding="utf-8")


def test_importing_into_a_pack_keeps_its_allowed_phrases(
    tmp_path: Path, qr_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import", str(write(tmp_path, "a.csv", "a1,一,\n"))])
    pack_file = qr_home / "personal" / "imported.yaml"
    text = pack_file.read_text(encoding="utf-8")
    pack_file.write_text(text.replace("snippets:", "  allowed_phrases: [第一车队]\nsnippets:", 1),
                         encoding="utf-8")  # fmt: skip
    assert main(["import", str(write(tmp_path, "b.csv", "a2,第一车队出发,\n"))]) == 0
    pack, problems = load_pack(pack_file, PackSource.PERSONAL)
    assert pack is not None and not problems
    assert pack.meta.allowed_phrases == ("第一车队",)
