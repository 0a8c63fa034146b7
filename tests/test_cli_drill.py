"""quickreply drill: the terminal drill scores typed codes and keeps them as progress."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from quickreply.cli import main
from quickreply.core.paths import AppPaths
from quickreply.core.training.progress import ProgressStore

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "snippets" / "exams" / "onboarding.exam.yaml"


def test_an_exam_is_practised_in_the_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 在吗 -> hy (人工欢迎语), 发什么快递 -> wrong code, then nothing (skip).
    monkeypatch.setattr("sys.stdin", io.StringIO("hy\nsf\n\n"))
    assert main(["drill", "--exam", str(SAMPLE), "--count", "3"]) == 0
    out = capsys.readouterr().out
    assert "[1/3] 买家: 在吗" in out and "[2/3] 买家: 发什么快递" in out
    assert "  ✘ 合作快递 [kd]: " in out
    assert out.strip().endswith("1/3 right")
    history = ProgressStore(AppPaths.from_env().training_file).history()
    assert history["exam:shipped.onboarding:1"].results[0][0] is True
    assert (
        ProgressStore(AppPaths.from_env().training_file).exam_result("shipped.onboarding") is None
    )


def test_a_broken_exam_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.exam.yaml"
    bad.write_text("exam: {id: x, title: x, pass_mark: 80}\nquestions: []\n", "utf-8")
    assert main(["drill", "--exam", str(bad)]) == 1
    assert f"{bad}:2: missing 'questions' (a list)" in capsys.readouterr().err
