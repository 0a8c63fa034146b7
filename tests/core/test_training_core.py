"""Training core: drill questions and modes, scoring, code practice, exam files, progress."""

from __future__ import annotations

import random
import textwrap
from datetime import UTC, datetime
from pathlib import Path

from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet
from quickreply.core.packs import PackDir, load_library, pack_files
from quickreply.core.training.codes import CodeRun, code_cards, is_code
from quickreply.core.training.drill import (
    Attempt,
    History,
    Mode,
    Question,
    fewest_keys,
    library_questions,
    order,
    score,
)
from quickreply.core.training.exam import exam_files, lint_exams, load_exam
from quickreply.core.training.progress import ProgressStore

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "snippets" / "exams" / "onboarding.exam.yaml"


def snippet(sid: str, code: str, group: str, *examples: str) -> Snippet:
    return Snippet(
        sid, sid.upper(), (f"{sid} text",), code=code, group=group, examples=examples, pack_id="p"
    )


LIB = Library(
    packs=(
        Pack(
            PackMeta("p", "p"),
            (
                snippet("courier.which", "kd", "物流/快递", "发什么快递", "能发顺丰吗"),
                snippet("courier.sf", "sf", "物流/快递", "能发顺丰吗"),
                snippet("greet.hello", "hy", "欢迎", "在吗"),
                snippet("no.code", "", "欢迎", "你好"),
            ),
            Path("p.yaml"),
            PackSource.TEAM,
        ),
    )
)


def test_each_example_question_is_asked_once_with_every_reply_that_answers_it() -> None:
    questions = {q.text: q for q in library_questions(LIB)}
    assert questions["能发顺丰吗"].answers == ("courier.which", "courier.sf")
    assert questions["发什么快递"].group == "物流"
    assert len(questions) == 4


def test_a_right_answer_is_any_accepted_reply_and_keeps_time_and_keys() -> None:
    question = Question("k", "能发顺丰吗", ("courier.which", "courier.sf"), "物流")
    attempt = score(question, "courier.sf", 2.5, 3)
    assert attempt.right and attempt.seconds == 2.5 and attempt.keystrokes == 3
    assert attempt.expected == "courier.which"
    assert not score(question, "greet.hello", 1.0, 2).right
    assert not score(question, "", 15.0, 0).right  # time ran out
    assert fewest_keys(LIB.get("courier.which")) == 3  # type: ignore[arg-type]


def test_group_mode_asks_only_that_scenario() -> None:
    rounds = order(library_questions(LIB), Mode.GROUP, {}, random.Random(1), group="欢迎")
    assert {q.group for q in rounds} == {"欢迎"} and len(rounds) == 2


def test_weakest_first_puts_misses_then_slow_and_new_then_known() -> None:
    questions = library_questions(LIB)
    key = {q.text: q.key for q in questions}
    history = {
        key["发什么快递"]: History(((True, 1.0), (True, 1.2)), order=4),  # known: box 2
        key["能发顺丰吗"]: History(((True, 1.0), (False, 3.0)), order=3),  # missed last time
        key["在吗"]: History(((True, 9.0),), order=2),  # right but slow: box 0
    }
    for seed in range(5):
        asked = [q.text for q in order(questions, Mode.WEAKEST, history, random.Random(seed))]
        assert asked[0] == "能发顺丰吗"
        assert set(asked[1:3]) == {"在吗", "你好"}
        assert asked[3] == "发什么快递"


def test_code_practice_cards_are_replies_with_a_code_and_a_run_keeps_the_streak() -> None:
    cards = code_cards(LIB, random.Random(0))
    assert {c.code for c in cards} == {"kd", "sf", "hy"}
    card = next(c for c in cards if c.code == "kd")
    assert is_code(" KD ", card) and not is_code("k", card)
    run = CodeRun()
    for right, seconds in ((True, 2.0), (True, 1.0), (False, 5.0), (True, 3.0)):
        run.record(right, seconds)
    assert (run.streak, run.best, run.right, run.asked) == (1, 2, 3, 4)
    assert run.median_seconds == 2.0


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def test_the_shipped_exam_is_clean_against_the_shipped_packs() -> None:
    library = load_library([PackDir(ROOT / "snippets", PackSource.SHIPPED)])
    exam, problems = load_exam(SAMPLE)
    assert problems == [] and exam is not None
    assert lint_exams([SAMPLE], library) == []
    assert exam.pass_mark == 80 and exam.questions[2].time_limit == 20
    assert exam.drill_questions(library)[0].key == "exam:shipped.onboarding:1"


def test_exam_files_are_not_packs(tmp_path: Path) -> None:
    write(tmp_path / "team" / "exams" / "w1.exam.yaml", "exam: {}\n")
    write(tmp_path / "team" / "a.yaml", "pack: {id: a, name: a}\nsnippets: []\n")
    assert [p.name for p in pack_files(tmp_path / "team")] == ["a.yaml"]
    assert [p.name for p in exam_files([tmp_path / "team"])] == ["w1.exam.yaml"]


def test_bad_exams_get_one_line_each_at_the_right_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.exam.yaml",
        """
        exam:
          id: t
          title: 测试
          pass_mark: 120
        questions:
          - ask: 在吗
            accept: [greet.helo]
          - ask: 在吗
            accept: [greet.hello]
          - ask: 发什么快递
            accept: courier.which
            time_limit: 0
        """,
    )
    problems = sorted(lint_exams([path], LIB), key=lambda p: p.line)
    shown = str(path)
    assert [str(p) for p in problems] == [
        f"{shown}:4: exam: 'pass_mark' is 120 (use from 1 up to 100)",
        f"{shown}:6: question 1: no reply with id 'greet.helo' (did you mean 'greet.hello'?)",
        f"{shown}:8: question 2: duplicate question (same as question 1)"
        " (delete one, or merge their accepted replies)",
        f"{shown}:12: question 3: 'time_limit' is 0 (use more than 0 up to 600)",
    ]
    assert load_exam(path)[0] is None  # an exam with errors is never taken


def clock() -> datetime:
    return datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def attempt(key: str, right: bool, seconds: float, group: str = "物流") -> Attempt:
    return Attempt(
        key, group, "courier.which", "courier.which" if right else "x", right, seconds, 3
    )


def test_progress_survives_a_restart_and_reports_per_scenario(tmp_path: Path) -> None:
    path = tmp_path / "training.sqlite3"
    store = ProgressStore(path, clock)
    for i in range(10):
        store.record(attempt("ex:发什么快递", i != 0, 2.0 + i % 3))
    store.record(attempt("ex:在吗", False, 9.0, group="欢迎"))
    store.close()
    again = ProgressStore(path, clock)
    assert again.problems == []
    history = again.history()
    assert history["ex:发什么快递"].box == 9 - 0 and history["ex:在吗"].box == -1
    progress = {p.group: p for p in again.progress()}
    assert progress["物流"].accuracy == 0.9 and progress["物流"].median_seconds == 3.0
    assert progress["物流"].ready and not progress["欢迎"].ready


def test_an_exam_is_kept_once_and_a_second_result_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "training.sqlite3"
    store = ProgressStore(path, clock)
    first = store.save_exam(
        "w1", "第一周", [attempt("q1", True, 2), attempt("q2", False, 15)], passed=False
    )
    assert first is not None and first.percent == 50
    assert store.save_exam("w1", "第一周", [attempt("q1", True, 1)], passed=True) is None
    store.close()
    kept = ProgressStore(path, clock).exam_result("w1")
    assert kept is not None and (kept.right, kept.total, kept.passed) == (1, 2, False)
    assert [a.right for a in kept.attempts] == [True, False]


def test_a_damaged_progress_file_is_moved_aside_and_said(tmp_path: Path) -> None:
    path = tmp_path / "training.sqlite3"
    path.write_bytes(b"not a database" * 100)
    store = ProgressStore(path, clock)
    assert (tmp_path / "training.sqlite3.corrupt").exists()
    assert "started a new one" in str(store.problems[0])
    store.record(attempt("q", True, 1.0))
    assert store.history()["q"].box == 1


def test_a_negative_time_limit_is_one_line_for_the_exam_and_for_a_question(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path / "neg.exam.yaml",
        """
        exam:
          id: t
          title: 测试
          pass_mark: 80
          time_limit: -5
        questions:
          - ask: 在吗
            accept: [greet.hello]
            time_limit: -3
        """,
    )
    shown = str(path)
    assert [str(p) for p in sorted(lint_exams([path], LIB), key=lambda p: p.line)] == [
        f"{shown}:5: exam: 'time_limit' is -5 (use more than 0 up to 600)",
        f"{shown}:9: question 1: 'time_limit' is -3 (use more than 0 up to 600)",
    ]
    assert load_exam(path)[0] is None
