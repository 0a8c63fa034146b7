"""The lead's figures over a drop: reply usage, unused replies, response figures, adoption.

Every readable daily file in the range counts once: two files for the same agent and day (a
day delivered twice, a copy made by a sync client) are merged by keeping the one written last,
never added. A file that cannot be read is one line in :attr:`TeamReport.skipped`; the report
covers everything else.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from quickreply.core.kpi import QueueTotals
from quickreply.core.share.aggregate import (
    MAX_FILE_BYTES,
    AggregateError,
    DailyAggregate,
    parse_aggregate,
)

UNUSED_DAYS = 30


@dataclass(frozen=True, slots=True)
class ReplyUsage:
    snippet_id: str
    uses: int
    agents: int
    last_used: date | None


@dataclass(frozen=True, slots=True)
class AgentDay:
    """One agent's response figures on one day, all queues together."""

    agent: str
    day: date
    replies: int
    first_response_avg: float | None  # seconds
    response_avg: float | None
    within_3min: float | None  # share 0..1
    within_30s: float | None
    totals: QueueTotals  # the sums behind the figures (to add days up into weeks)


@dataclass(frozen=True, slots=True)
class AgentVersion:
    agent: str
    last_day: date
    app_version: str
    team_version: str


@dataclass
class TeamReport:
    start: date
    end: date
    replies: list[ReplyUsage] = field(default_factory=list)  # most used first
    unused: list[str] = field(default_factory=list)  # known replies unused for UNUSED_DAYS
    agent_days: list[AgentDay] = field(default_factory=list)  # by agent, then day
    versions: list[AgentVersion] = field(default_factory=list)
    adoption: dict[date, dict[str, int]] = field(default_factory=dict)  # day -> version -> agents
    files: int = 0  # agent-days read (two files for one agent and day count once)
    skipped: list[str] = field(default_factory=list)  # one line per unreadable file


def read_drop(folder: Path) -> tuple[list[DailyAggregate], list[str]]:
    """Every daily file in ``folder`` (newest per agent and day) and a line per skipped file."""
    skipped: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError as err:
        return [], [f"{folder}: cannot read the drop ({err.strerror}) (is the share connected?)"]
    best: dict[tuple[str, date], DailyAggregate] = {}
    for entry in entries:
        # Dot files are writers' temporary files (a day being written right now).
        if entry.name.startswith(".") or not entry.name.endswith(".json"):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if entry.stat().st_size > MAX_FILE_BYTES:
                raise AggregateError(f"larger than {MAX_FILE_BYTES} bytes")
            with open(entry.path, "rb") as src:
                aggregate = parse_aggregate(src.read(MAX_FILE_BYTES + 1))
        except OSError as err:
            skipped.append(f"{entry.path}: cannot read ({err.strerror}) (skipped)")
            continue
        except AggregateError as err:
            skipped.append(f"{entry.path}: {err} (skipped)")
            continue
        key = (aggregate.agent, aggregate.day)
        kept = best.get(key)
        if kept is None or aggregate.written > kept.written:
            best[key] = aggregate
    return sorted(best.values(), key=lambda a: (a.agent, a.day)), skipped


def sum_totals(queues: Iterable[QueueTotals]) -> QueueTotals:
    rows = list(queues)
    return QueueTotals(
        sum(q.replies for q in rows),
        sum(q.first_responses for q in rows),
        sum(q.first_wait_sum for q in rows),
        sum(q.wait_sum for q in rows),
        sum(q.within_3min for q in rows),
        sum(q.within_30s for q in rows),
        sum(q.slow for q in rows),
    )


def agent_day(agent: str, day: date, totals: QueueTotals) -> AgentDay:
    n = totals.replies
    return AgentDay(
        agent,
        day,
        n,
        totals.first_wait_sum / totals.first_responses if totals.first_responses else None,
        totals.wait_sum / n if n else None,
        totals.within_3min / n if n else None,
        totals.within_30s / n if n else None,
        totals,
    )


def build_report(
    aggregates: Iterable[DailyAggregate],
    start: date,
    end: date,
    known_replies: Iterable[str] = (),
) -> TeamReport:
    """Figures from ``start`` to ``end`` inclusive; ``known_replies`` (the team's reply ids)
    are listed as unused when nobody used them in the last :data:`UNUSED_DAYS` days."""
    report = TeamReport(start, end)
    uses: Counter[str] = Counter()
    agents_of: dict[str, set[str]] = defaultdict(set)  # agent -> replies used
    used_on: dict[date, set[str]] = defaultdict(set)  # day -> replies used
    latest: dict[str, DailyAggregate] = {}
    recent_from = end - timedelta(days=UNUSED_DAYS - 1)
    for agg in aggregates:
        if not start <= agg.day <= end:
            continue
        report.files += 1
        # Set operations per file instead of per reply: a day holds hundreds of counts.
        uses.update(agg.uses)
        agents_of[agg.agent].update(agg.uses)
        used_on[agg.day].update(agg.uses)
        if agg.queues:
            report.agent_days.append(agent_day(agg.agent, agg.day, sum_totals(agg.queues.values())))
        if agg.agent not in latest or agg.day >= latest[agg.agent].day:
            latest[agg.agent] = agg
        per_version = report.adoption.setdefault(agg.day, {})
        version = agg.team_version or "-"
        per_version[version] = per_version.get(version, 0) + 1
    last_used: dict[str, date] = {}
    for day in sorted(used_on, reverse=True):
        for sid in used_on[day].difference(last_used):
            last_used[sid] = day
    users: Counter[str] = Counter()
    for used in agents_of.values():
        users.update(used)
    recent = set().union(*(ids for day, ids in used_on.items() if day >= recent_from))
    report.replies = sorted(
        (ReplyUsage(sid, n, users[sid], last_used.get(sid)) for sid, n in uses.items() if n > 0),
        key=lambda r: (-r.uses, r.snippet_id),
    )
    report.unused = sorted(set(known_replies) - recent)
    report.agent_days.sort(key=lambda d: (d.agent, d.day))
    report.versions = [
        AgentVersion(a.agent, a.day, a.app_version, a.team_version)
        for a in sorted(latest.values(), key=lambda a: a.agent)
    ]
    report.adoption = dict(sorted(report.adoption.items()))
    return report
