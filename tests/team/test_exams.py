"""Exams travel with the team's packs: published, signed, linted and synced like them."""

from __future__ import annotations

import pytest

from quickreply.core.team.publish import LintRefused
from quickreply.core.training.exam import exam_files, load_exam
from tests.team.conftest import Team

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
