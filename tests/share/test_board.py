"""The 看板's figures without Qt: weeks on a long range, the busiest agents drawn, groups."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from quickreply.core.share.board import LINES, NOT_IN_LIBRARY, TEAM, BoardQuery, board_figures
from quickreply.core.share.demo import write_demo_drop
from quickreply.core.share.report import read_drop

LAST = date(2026, 11, 30)


def test_a_long_range_is_drawn_by_week_with_the_busiest_agents_and_the_team(
    tmp_path: Path,
) -> None:
    write_demo_drop(tmp_path, 10, 42, LAST, uses_per_day=20)
    aggregates, skipped = read_drop(tmp_path)
    assert skipped == []
    figures = board_figures(aggregates, BoardQuery.last_days(LAST, 42), {})
    assert figures.step == 7
    assert all(d.weekday() == 0 for d in figures.points)
    lines = figures.response["average"]
    assert next(iter(lines)) == TEAM and len(lines) == 1 + LINES
    assert figures.lines_left_out == 10 - LINES
    # Every day, every agent runs one version: the stacks add up to the team.
    assert [sum(c) for c in zip(*figures.adoption.values(), strict=True)] == [10] * 42
    assert list(figures.adoption) == ["5", "6"]


def test_one_agent_chosen_is_the_only_line_and_a_short_range_is_by_day(tmp_path: Path) -> None:
    write_demo_drop(tmp_path, 3, 10, LAST, uses_per_day=20)
    aggregates, _ = read_drop(tmp_path)
    query = BoardQuery(date(2026, 11, 25), LAST, agent="A002")
    figures = board_figures(aggregates, query, {})
    assert figures.step == 1 and len(figures.points) == 6
    assert list(figures.response["within_30s"]) == ["A002"]
    assert figures.agents == ["A001", "A002", "A003"]  # the filter still offers everyone
    assert {d.agent for d in figures.report.agent_days} == {"A002"}


def test_groups_hold_their_sub_groups_and_unknown_replies_are_named(tmp_path: Path) -> None:
    write_demo_drop(tmp_path, 2, 3, LAST, ["a", "b", "c"], uses_per_day=30)
    aggregates, _ = read_drop(tmp_path)
    groups = {"a": "售后/退款", "b": "售后"}  # "c" is no longer in the library
    everything = board_figures(aggregates, BoardQuery.last_days(LAST), groups)
    assert {g for g, _ in everything.group_uses} == {"售后", NOT_IN_LIBRARY}
    after_sales = board_figures(aggregates, BoardQuery(LAST, LAST, group="售后"), groups)
    assert {r.snippet_id for r in after_sales.replies} == {"a", "b"}
    refunds = board_figures(aggregates, BoardQuery(LAST, LAST, group="售后/退款"), groups)
    assert {r.snippet_id for r in refunds.replies} == {"a"}
    assert sum(n for _, n in after_sales.group_uses) == sum(r.uses for r in after_sales.replies)
