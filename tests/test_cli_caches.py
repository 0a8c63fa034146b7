"""Every CLI command that reads packs goes through the app's pack cache (issue 11.7): a second
``lint``, ``render`` or ``search`` of unchanged packs parses no YAML, and says the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from quickreply.cli import main
from quickreply.core.packs import reader

PACK = """\
pack: {id: big.pack, name: 大包}
snippets:
  - id: gen.one
    title: 退货地址
    code: thdz1
    text: 亲亲，退货请寄到我们的售后仓库~
  - id: gen.two
    title: 没有说明
    code: hh1
    text: 亲，换货请先申请售后，{{ unknown_name }}
"""

COMMANDS = [
    ["lint", "big.yaml"],
    ["lint", "--pack", "big.yaml"],
    ["render", "--pack", "big.yaml", "gen.one"],
    ["search", "--pack", "big.yaml", "退货地址"],
]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "big.yaml").write_text(PACK, encoding="utf-8")


@pytest.mark.parametrize("argv", COMMANDS, ids=[" ".join(a[:2]) for a in COMMANDS])
def test_a_second_run_parses_no_yaml_and_says_the_same(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    first_code = main(argv)
    first = capsys.readouterr()

    def parse(*_: object) -> object:
        raise AssertionError("a pack was parsed although the cache was fresh")

    monkeypatch.setattr(reader, "read_yaml", parse)
    assert main(argv) == first_code
    assert capsys.readouterr() == first
    assert "unknown name 'unknown_name'" in first.out + first.err or argv[0] != "lint"
