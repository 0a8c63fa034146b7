"""Exams travel with the team's packs: published, signed, linted and synced like them."""

from __future__ import annotations

import pytest

from quickreply.core.team.publish import LintRefused, read_manifest
from quickreply.core.training.drill import Attempt
from quickreply.core.training.exam import exam_files, load_exam
from quickreply.core.training.progress import ProgressStore
from tests.team.conftest import Team
from tests.team.test_attacks import resign

EXAM = """\
exam: {{id: team.w1, title: 第一周, pass_mark: 80}}
questions:
  - ask: 在吗
    accept: [{reply}]
"""


def test_an_exam_beside_the_packs_reaches_the_agent(team: Team) -> None:
    (team.src / "exams").mkdir()
    (team.src / "exams" / "w1.exam.yaml").write_text(EXAM.format(reply="hello"), "utf-8")
    team.publish("第一周考试")
    assert team.join().sync().status == "updated"
    found = exam_files([team.agent.team])
    assert [p.name for p in found] == ["w1.exam.yaml"]
    exam, problems = load_exam(found[0])
    assert problems == [] and exam is not None and exam.questions[0].accept == ("hello",)
    assert team.texts() == {"hello": "亲，在的~"}  # the exam was not read as a pack


def test_an_exam_naming_a_reply_the_version_lacks_refuses_the_publish(team: Team) -> None:
    (team.src / "w1.exam.yaml").write_text(EXAM.format(reply="helo"), "utf-8")
    with pytest.raises(LintRefused) as refused:
        team.publish()
    lines = [str(p) for p in refused.value.problems]
    assert any("w1.exam.yaml:3: question 1: no reply with id 'helo'" in line for line in lines)


def test_an_exam_from_an_unknown_key_is_refused_and_earlier_results_stay(team: Team) -> None:
    (team.src / "w1.exam.yaml").write_text(EXAM.format(reply="hello"), "utf-8")
    team.publish()
    syncer = team.join()
    assert syncer.sync().version == 1
    store = ProgressStore(team.agent.training_file)
    attempt = Attempt("exam:team.w1:1", "", "hello", "hello", True, 2.0, 3)
    assert store.save_exam("team.w1", "第一周", [attempt], passed=True) is not None
    store.close()
    # Someone with another key publishes v2 with an exam of their own in the team's name.
    (team.src / "w2.exam.yaml").write_text(
        EXAM.format(reply="hello").replace("team.w1", "team.w2"), "utf-8"
    )
    team.publish()
    resign(team, read_manifest(team.dest, 2, team.lead.team), team.tmp / "mallory")
    result = syncer.sync()
    assert result.status == "failed" and "not signed by the team key" in result.problem
    assert "\n" not in result.line and result.line.endswith("keeping v1")
    assert [p.name for p in exam_files([team.agent.team])] == ["w1.exam.yaml"]
    kept = ProgressStore(team.agent.training_file).exam_result("team.w1")
    assert kept is not None and (kept.right, kept.total, kept.passed) == (1, 1, True)
