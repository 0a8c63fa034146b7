"""Exam results handed in to the lead: one file per attempt in the drop (a folder or WebDAV),
queued while the drop is unreachable, listed by ``quickreply team report``."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quickreply.cli import main
from quickreply.core.paths import AppPaths
from quickreply.core.settings import Settings
from quickreply.core.share.agent import exam_outbox_of, hand_in_exam, share_once
from quickreply.core.share.examresult import ExamRecord, parse_exam_record, record_of
from quickreply.core.share.outbox import Identity
from quickreply.core.training.drill import Attempt
from quickreply.core.training.progress import ExamResult
from tests.share.conftest import Nginx

TAKEN = datetime(2026, 11, 3, 2, 15, 30, tzinfo=UTC)


def result(right: int = 4, total: int = 5, at: datetime = TAKEN) -> ExamResult:
    attempts = tuple(
        Attempt(f"exam:team.w1:{n}", "物流", "courier.which",
                "courier.which" if n <= right else "", n <= right, 2.5 + n, 3 + n)
        for n in range(1, total + 1)
    )  # fmt: skip
    return ExamResult("team.w1", "第一周考试", right, total, right * 100 >= 80 * total,
                      sum(a.seconds for a in attempts), attempts, at)  # fmt: skip


def record(agent: str = "A007", **kw: object) -> ExamRecord:
    return record_of(agent, "team.w1", 2, 80, result(**kw), "0.1.0")  # type: ignore[arg-type]


def sharing(drop: str | Path) -> Settings:
    return Settings(share_daily=True, share_drop=str(drop), agent_id="A007")


def test_a_result_is_one_file_per_attempt_with_ids_and_figures_only(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    paths = AppPaths.from_env()
    done = hand_in_exam(paths, sharing(drop), record())
    assert (done.built, done.sent, done.waiting, done.problem) == (1, 1, 0, "")
    files = sorted(p.name for p in drop.iterdir())
    assert files == ["2026-11-03_A007_exam_team.w1_v2_021530.qrexam"]
    back = parse_exam_record((drop / files[0]).read_bytes())
    assert (back.agent, back.exam_id, back.exam_version, back.taken) == (
        "A007",
        "team.w1",
        2,
        TAKEN,
    )
    assert (back.right, back.total, back.percent, back.pass_mark, back.passed) == (
        4,
        5,
        80,
        80,
        True,
    )
    assert [(q.right, q.seconds, q.keystrokes, q.sent) for q in back.questions[-2:]] == [
        (True, 6.5, 7, "courier.which"),
        (False, 7.5, 8, ""),
    ]
    # Handed in again (a retry after a crash): the same file, not a second result.
    hand_in_exam(paths, sharing(drop), record())
    assert sorted(p.name for p in drop.iterdir()) == files
    assert exam_outbox_of(paths).pending() == []


def test_sharing_off_hands_in_nothing(tmp_path: Path) -> None:
    paths = AppPaths.from_env()
    drop = tmp_path / "drop"
    drop.mkdir()
    done = hand_in_exam(paths, Settings(share_drop=str(drop), agent_id="A007"), record())
    assert done.built == 0 and list(drop.iterdir()) == []
    assert not exam_outbox_of(paths).folder.exists()


def test_an_unreachable_drop_keeps_the_result_queued_until_a_later_run(tmp_path: Path) -> None:
    paths = AppPaths.from_env()
    drop = tmp_path / "share"  # the shared drive is not connected
    done = hand_in_exam(paths, sharing(drop), record())
    assert (done.built, done.sent, done.waiting) == (1, 0, 1)
    assert done.problem == f"{drop}: not reachable (is the shared drive connected? sent later)"
    later = hand_in_exam(paths, sharing(drop), record("A007", right=5))
    assert later.waiting == 1  # the second attempt's file has the same name: one result kept
    drop.mkdir()
    clock = lambda: datetime(2026, 11, 4, 9, 0)  # noqa: E731
    shared = share_once(paths, sharing(drop), Identity("A007", "0.1.0", ""), clock)
    assert shared.problem == "" and shared.waiting == 0
    [sent] = drop.glob("*.qrexam")
    assert parse_exam_record(sent.read_bytes()).right == 5


def test_a_webdav_drop_on_nginx_receives_the_result(nginx: Nginx) -> None:
    done = hand_in_exam(AppPaths.from_env(), sharing(nginx.url + "drop/"), record())
    assert done.problem == "" and done.sent == 1
    [got] = (nginx.root / "drop").glob("*.qrexam")
    assert parse_exam_record(got.read_bytes()).agent == "A007"


def test_a_webdav_drop_refusing_uploads_keeps_the_result(nginx: Nginx) -> None:
    paths = AppPaths.from_env()
    done = hand_in_exam(paths, sharing(nginx.url + "readonly/"), record())
    assert done.waiting == 1 and ("answered 403" in done.problem or "answered 405" in done.problem)
    assert len(exam_outbox_of(paths).pending()) == 1


def test_the_team_report_lists_who_took_which_exam(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    paths = AppPaths.from_env()
    hand_in_exam(paths, sharing(drop), record("A007"))
    hand_in_exam(paths, Settings(share_daily=True, share_drop=str(drop), agent_id="B003"),
                 record("B003", right=2))  # fmt: skip
    copy = next(drop.glob("*B003*"))
    (drop / (copy.stem + " (1)" + copy.suffix)).write_bytes(copy.read_bytes())  # a sync copy
    (drop / "2026-11-03_C001_exam_x_v1_000000.qrexam").write_text("{cut off", encoding="utf-8")
    args = ["team", "report", "--drop", str(drop), "--from", "2026-11-01", "--to", "2026-11-30"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    section = out.split("== 考试成绩 ==")[1].strip().splitlines()
    assert section[0].split() == ["工号", "考试", "版本", "日期", "答对", "得分(%)",
                                  "及格线(%)", "结果", "用时(秒)"]  # fmt: skip
    assert section[1].split() == ["A007", "team.w1", "2", "2026-11-03", "4/5", "80", "80",
                                  "通过", "28"]  # fmt: skip
    assert section[2].split()[:8] == ["B003", "team.w1", "2", "2026-11-03", "2/5", "40", "80",
                                      "未通过"]  # fmt: skip
    assert len(section) == 3  # the sync client's copy counted once
    assert f"{drop / '2026-11-03_C001_exam_x_v1_000000.qrexam'}: not JSON" in err
    assert err.count("(skipped)") == 1  # exam files are not read as days, nor days as exams
    out_csv = tmp_path / "report.csv"
    assert main([*args, "--csv", str(out_csv)]) == 0
    rows = list(csv.reader(io.StringIO(out_csv.read_bytes().decode("utf-8-sig"))))
    at = rows.index(["考试成绩"])
    assert rows[at + 2][:5] == ["A007", "team.w1", "2", "2026-11-03", "4/5"]
    # Outside the range asked for: not listed.
    capsys.readouterr()
    assert main([*args[:4], "--from", "2026-12-01", "--to", "2026-12-31"]) == 0
    assert "== 考试成绩 ==\n（无）" in capsys.readouterr().out


def test_the_team_report_reads_exam_results_over_http(
    nginx: Nginx, capsys: pytest.CaptureFixture[str]
) -> None:
    address = nginx.url + "drop/"
    hand_in_exam(AppPaths.from_env(), sharing(address), record("A007"))
    bad = "2026-11-03_C001_exam_x_v1_000000.qrexam"
    (nginx.root / "drop" / bad).write_text("{cut off", encoding="utf-8")
    args = ["team", "report", "--drop", address, "--from", "2026-11-01", "--to", "2026-11-30"]
    assert main(args) == 0
    out, err = capsys.readouterr()
    section = out.split("== 考试成绩 ==")[1].strip().splitlines()
    assert section[1].split()[:5] == ["A007", "team.w1", "2", "2026-11-03", "4/5"]
    assert len(section) == 2
    assert f"{address}{bad}: not JSON" in err and err.count("(skipped)") == 1
