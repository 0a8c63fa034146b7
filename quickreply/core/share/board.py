"""The 团队看板's figures for one filter: the team report narrowed to dates, an agent and a group.

The window (ui/teamboard.py) only shows what :func:`board_figures` returns, so every sum it
shows is computed here, without Qt, by the same :func:`~quickreply.core.share.report.build_report`
as ``quickreply team report``: a day written twice still counts once. The agent filter narrows
the daily files before the report is built (usage, response figures, versions); the group
filter narrows the reply tables and the group chart (response figures have no group).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from quickreply.core.kpi import QueueTotals
from quickreply.core.share.aggregate import DailyAggregate
from quickreply.core.share.examresult import ExamRecord
from quickreply.core.share.report import (
    AgentDay,
    ReplyUsage,
    TeamReport,
    agent_day,
    build_report,
    sum_totals,
)

DEFAULT_DAYS = 30
WEEKS_AFTER_DAYS = 35  # a longer range is drawn by week: a point per day would be noise
LINES = 6  # agents drawn besides the team's line (the busiest ones) when none is chosen
TEAM = ""  # the series name of the whole team's line (the view names it in its language)
NOT_IN_LIBRARY = "\x00"  # the group of a reply the library no longer has (no group is named so)
NO_TEAM = "-"  # the version of an agent in no team (as core/share/report.py counts it)
# The response figures the board draws: key -> (pick, shown as a percentage).
METRICS: dict[str, tuple[str, bool]] = {
    "first": ("first_response_avg", False),
    "average": ("response_avg", False),
    "within_3min": ("within_3min", True),
    "within_30s": ("within_30s", True),
}


@dataclass(frozen=True, slots=True)
class BoardQuery:
    start: date
    end: date
    agent: str = ""  # "" every agent
    group: str = ""  # "" every group; a group also holds its sub-groups

    @classmethod
    def last_days(cls, end: date, days: int = DEFAULT_DAYS) -> BoardQuery:
        return cls(end - timedelta(days=days - 1), end)


@dataclass
class BoardFigures:
    """What the board shows for one :class:`BoardQuery`."""

    query: BoardQuery
    report: TeamReport
    replies: list[ReplyUsage] = field(default_factory=list)  # in the group, most used first
    unused: list[str] = field(default_factory=list)  # in the group, unused for 30 days
    group_uses: list[tuple[str, int]] = field(default_factory=list)  # top-level group, most first
    points: list[date] = field(default_factory=list)  # the x axis: days, or Mondays of weeks
    step: int = 1  # 1: days, 7: weeks
    # metric key -> (series name -> value per point); TEAM is the whole team's line
    response: dict[str, dict[str, list[float | None]]] = field(default_factory=dict)
    adoption: dict[str, list[int]] = field(default_factory=dict)  # version -> agents per day
    adoption_days: list[date] = field(default_factory=list)
    exams: list[ExamRecord] = field(default_factory=list)  # attempts taken in the range
    agents: list[str] = field(default_factory=list)  # every agent in the drop (the filter)
    groups: list[str] = field(default_factory=list)  # every group path (the filter)
    lines_left_out: int = 0  # agents not drawn (choose one in the filter to see them)
    problem: str = ""  # the drop could not be read at all: its one line (file: what, how)
    problem_kind: str = ""  # "no-drop", "unreachable" (a folder) or "server" (a URL)
    read_at: datetime | None = None


def top_group(group: str) -> str:
    return group.split("/")[0]


def in_group(group: str, wanted: str) -> bool:
    return not wanted or group == wanted or group.startswith(wanted + "/")


def _buckets(days: list[date]) -> tuple[list[date], int]:
    if len(days) <= WEEKS_AFTER_DAYS:
        return days, 1
    return sorted({d - timedelta(days=d.weekday()) for d in days}), 7


def _series(rows: Sequence[AgentDay], points: list[date], step: int) -> dict[str, list[AgentDay]]:
    """Series name -> one AgentDay per point (summed over the week); TEAM sums every agent."""
    index = {d: i for i, d in enumerate(points)}
    sums: dict[str, dict[int, list[QueueTotals]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        start = row.day - timedelta(days=row.day.weekday()) if step == 7 else row.day
        i = index[start]
        sums[row.agent][i].append(row.totals)
        sums[TEAM][i].append(row.totals)
    empty = QueueTotals(0, 0, 0.0, 0.0, 0, 0, 0)
    return {
        name: [
            agent_day(name, points[i], sum_totals(by_point.get(i, [empty])))
            for i in range(len(points))
        ]
        for name, by_point in sums.items()
    }


def _response(
    report: TeamReport, chosen_agent: str
) -> tuple[list[date], int, dict[str, dict[str, list[float | None]]], int]:
    days = sorted({d.day for d in report.agent_days})
    points, step = _buckets(days)
    series = _series(report.agent_days, points, step)
    busiest = Counter({a: sum(d.replies for d in rows) for a, rows in series.items() if a})
    if chosen_agent:
        names = [chosen_agent] if chosen_agent in series else []
    else:
        names = [TEAM, *sorted(a for a, _ in busiest.most_common(LINES))] if series else []
    left_out = 0 if chosen_agent else max(0, len(busiest) - LINES)
    response: dict[str, dict[str, list[float | None]]] = {}
    for key, (attribute, _percent) in METRICS.items():
        response[key] = {
            name: [getattr(row, attribute) if row.replies else None for row in series[name]]
            for name in names
        }
    return points, step, response, left_out


def board_figures(
    aggregates: Iterable[DailyAggregate],
    query: BoardQuery,
    groups: Mapping[str, str],
    known_replies: Iterable[str] = (),
    agents: Sequence[str] = (),
    exams: Iterable[ExamRecord] = (),
) -> BoardFigures:
    """The board for ``query`` over the drop's ``aggregates`` (newest per agent and day, as
    :func:`~quickreply.core.share.report.read_drop` returns them). ``groups``: snippet id ->
    group path ("" ungrouped); ``known_replies``: the team's reply ids (the unused list);
    ``agents``: every agent in the drop (default: those in ``aggregates``); ``exams``: the
    exam results handed in (narrowed to the range and agent, on the day taken, as
    ``team report``'s 考试成绩)."""
    rows = list(aggregates)
    chosen = [a for a in rows if a.agent == query.agent] if query.agent else rows
    report = build_report(chosen, query.start, query.end, known_replies)
    figures = BoardFigures(query, report)
    figures.exams = [
        r
        for r in exams
        if query.start <= r.taken.astimezone().date() <= query.end
        and (not query.agent or r.agent == query.agent)
    ]
    figures.agents = list(agents) or sorted({a.agent for a in rows})
    figures.groups = sorted({g for g in groups.values() if g})
    figures.replies = [
        r for r in report.replies if in_group(groups.get(r.snippet_id, ""), query.group)
    ]
    figures.unused = [s for s in report.unused if in_group(groups.get(s, ""), query.group)]
    by_group: Counter[str] = Counter()
    for r in figures.replies:
        group = groups.get(r.snippet_id)
        by_group[NOT_IN_LIBRARY if group is None else top_group(group)] += r.uses
    figures.group_uses = sorted(by_group.items(), key=lambda kv: (-kv[1], kv[0]))
    figures.points, figures.step, figures.response, figures.lines_left_out = _response(
        report, query.agent
    )
    figures.adoption_days = sorted(report.adoption)
    versions = sorted(
        {v for per in report.adoption.values() for v in per},
        key=lambda v: (v == NO_TEAM, _version_key(v)),
    )
    figures.adoption = {
        v: [report.adoption[d].get(v, 0) for d in figures.adoption_days] for v in versions
    }
    return figures


def _version_key(version: str) -> tuple[int, str]:
    return (int(version), "") if version.isdigit() else (1 << 30, version)
