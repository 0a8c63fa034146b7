from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quickreply.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "snippets"

GOOD = """\
pack:
  id: {id}
  name: 售前
  version: 1
snippets:
  - id: {sid}
    title: 问候
    code: {code}
    text: 亲，在的~
    note: 买家进店时用
    examples: [在吗]
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def write(name: str, text: str) -> Path:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["lint", *args])
    return code, capsys.readouterr().out.splitlines()


def test_clean_packs_exit_0_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    write("packs/a.yaml", GOOD.format(id="a", sid="hello", code="nh"))
    write("packs/b.yaml", GOOD.format(id="b", sid="hi", code="hi"))
    assert lint(capsys, "packs/") == (0, ["packs: 2 snippets in 2 packs, no problems"])


def test_syntax_error_wrong_type_and_duplicate_code_give_three_lines_and_exit_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("packs/a.yaml", GOOD.format(id="a", sid="hello", code="nh"))
    write("packs/b.yaml", "pack:\n  id: b\n  name: [售后\nsnippets: []\n")
    write(
        "packs/c.yaml",
        GOOD.format(id="c", sid="hi", code="nh").replace("    note:", "    tags: 问候\n    note:"),
    )
    assert lint(capsys, "packs") == (
        1,
        [
            "packs/b.yaml:4: YAML syntax error: did not find expected ',' or ']'"
            " (check the indentation here or on the line above; quote text that contains ': ')",
            "packs/c.yaml:6: snippet 'hi': shortcut code 'nh' is already used by 'hello'"
            " at packs/a.yaml:6 (choose another code; 'nh' stays with 'hello')",
            "packs/c.yaml:10: snippet 'hi': 'tags' must be a list of texts, not text"
            " (write tags: [快递, 发货])",
            "3 errors, 0 warnings in 2 files",
        ],
    )


def test_warnings_exit_0_unless_strict(capsys: pytest.CaptureFixture[str]) -> None:
    write(
        "a.yaml",
        GOOD.format(id="a", sid="hello", code="nh").replace("    note: 买家进店时用\n", ""),
    )
    expected = [
        "a.yaml:6: warning: snippet 'hello': no 'note' saying when to use it"
        " (add one, e.g. note: 买家问发什么快递时用)",
        "0 errors, 1 warning in 1 file",
    ]
    assert lint(capsys, "a.yaml") == (0, expected)
    assert lint(capsys, "--strict", "a.yaml") == (1, expected)


def test_a_missing_path_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert lint(capsys, "nope.yaml") == (
        1,
        ["nope.yaml:1: no such file or folder (check the path)", "1 error, 0 warnings in 1 file"],
    )


def test_without_a_path_the_whole_library_is_linted(
    capsys: pytest.CaptureFixture[str], qr_home: Path
) -> None:
    write(
        str(qr_home / "personal" / "mine.yaml"),
        "pack:\n  id: mine\n  name: 我的\nsnippets:\n  - id: x\n",
    )
    code, out = lint(capsys)
    assert code == 1
    assert (
        "qr-home/personal/mine.yaml:5: snippet 'x': missing 'text'"
        " (add the reply text, or 'steps' for a macro)"
    ) in out


def test_pack_option_adds_a_pack(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.yaml", GOOD.format(id="a", sid="hello", code="nh"))
    write("b.yaml", GOOD.format(id="b", sid="hello", code="zz"))
    code, out = lint(capsys, "a.yaml", "--pack", "b.yaml")
    assert code == 1
    assert out[0] == (
        "b.yaml:6: snippet 'hello': snippet id 'hello' is already used at a.yaml:6"
        " (rename one of them; this one is skipped)"
    )


def test_bad_input_never_gives_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    Path("gbk.yaml").write_bytes(GOOD.format(id="a", sid="x", code="x").encode("gbk"))
    write(
        "tags.yaml",
        "pack: {id: t, name: 标签}\nsnippets:\n  - {id: a, title: 一, text: x, tags: {a: 1}}\n",
    )
    write(
        "weird.yaml",
        "pack: {id: w, name: 怪}\nsnippets:\n  - !!python/object/apply:os.system [ls]\n",
    )
    code, out = lint(capsys, "gbk.yaml", "tags.yaml", "weird.yaml")
    assert code == 1
    assert out[-1] == "4 errors, 2 warnings in 3 files"
    assert [line.split(": ")[0] for line in out[:-1]] == [
        "gbk.yaml:3",
        *["tags.yaml:3"] * 3,
        *["weird.yaml:3"] * 2,
    ]


@pytest.mark.skipif(
    not any(SHIPPED.glob("*.yaml")), reason="the shipped packs are not in this checkout yet"
)
def test_the_shipped_packs_are_lint_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quickreply", "lint", "snippets/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].endswith(", no problems")


def test_lint_checks_exam_files_against_the_packs_beside_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("team/presale.yaml", GOOD.format(id="team.a", sid="greet.hi", code="hy"))
    write(
        "team/exams/w1.exam.yaml",
        "exam:\n  id: w1\n  title: 第一周\n  pass_mark: 80\n"
        "questions:\n  - ask: 在吗\n    accept: [greet.hello]\n    time_limit: -1\n",
    )
    assert main(["lint", "team"]) == 1
    out = capsys.readouterr().out.splitlines()
    exam = str(Path("team/exams/w1.exam.yaml"))
    assert f"{exam}:6: question 1: no reply with id 'greet.hello' (did you mean 'greet.hi'?)" in out
    assert f"{exam}:8: question 1: 'time_limit' is -1 (use more than 0 up to 600)" in out
    # The exam is not read as a pack: no pack error about its keys.
    assert not any("unknown key 'exam'" in line for line in out)


def test_lint_of_the_whole_library_covers_the_shipped_sample_exam(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    write("home/team/bad.exam.yaml", "exam:\n  id: x\n  title: x\n  pass_mark: 50\n")
    monkeypatch.setenv("QUICKREPLY_HOME", str(tmp_path / "home"))
    assert main(["lint"]) == 1
    out = capsys.readouterr().out
    assert "bad.exam.yaml:1: missing 'questions' (a list)" in out
