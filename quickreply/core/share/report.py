"""The lead's figures over a drop: reply usage, unused replies, response figures, adoption.

Every readable daily file in the range counts once: two files for the same agent and day (a
day delivered twice, a copy made by a sync client) are merged by keeping the one written last,
never added. A file that cannot be read is one line in :attr:`TeamReport.skipped`; the report
covers everything else.
"""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
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
from quickreply.core.share.readcache import SETTLE_SECONDS, ReadCache, Record

UNUSED_DAYS = 30
DAY = timedelta(days=1)


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
    # agent -> their latest day after ``end``: a clock running ahead, when ``end`` is today
    after_end: dict[str, date] = field(default_factory=dict)


def read_drop(
    folder: Path, cache: ReadCache | None = None, now: Callable[[], float] = time.time
) -> tuple[list[DailyAggregate], list[str]]:
    """Every daily file in ``folder`` (newest per agent and day) and a line per skipped file.

    With a ``cache``, a file whose name, size and modification time are in it is not read
    again; what was read is put into it (the caller saves it)."""
    try:
        entries = list(os.scandir(folder))
    except OSError as err:
        return [], [f"{folder}: cannot read the drop ({err.strerror}) (is the share connected?)"]
    records: list[tuple[str, Record]] = []
    settled_before = (now() - SETTLE_SECONDS) * 1e9
    with _no_gc():
        for entry in entries:
            name = entry.name
            # Dot files are writers' temporary files (a day being written right now).
            if name[0] == "." or not name.endswith(".json"):
                continue
            try:
                if not entry.is_file(follow_symlinks=False):
                    continue
                info = entry.stat(follow_symlinks=False)
            except OSError as err:
                records.append((entry.path, f"cannot read ({err.strerror})"))
                continue
            stamp = (info.st_size, info.st_mtime_ns)
            record = cache.get(name, stamp) if cache is not None else None
            if record is None:
                record, lasting, raw = _read_file(entry.path, info.st_size)
                if cache is not None and lasting and info.st_mtime_ns < settled_before:
                    cache.put(name, stamp, record, raw)
            records.append((entry.path, record))
        if cache is not None:
            cache.keep_only(e.name for e in entries)
    return newest_per_day(records)


def _read_file(path: str, size: int) -> tuple[Record, bool, bytes | None]:
    """The file's record, whether it lasts (a file that could not be opened may be readable
    next time: that is not cached), and the bytes it was parsed from."""
    if size > MAX_FILE_BYTES:
        return f"larger than {MAX_FILE_BYTES} bytes", True, None
    try:
        # os.open/os.read: no buffered file object for a file read whole (18,000 of them).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            data = _read_all(fd, size)
        finally:
            os.close(fd)
        return parse_aggregate(data), True, data
    except OSError as err:
        return f"cannot read ({err.strerror})", False, None
    except AggregateError as err:
        return str(err), True, None


def _read_all(fd: int, size: int) -> bytes:
    """Up to ``MAX_FILE_BYTES + 1`` bytes of ``fd``: asking for the size the listing gave
    (plus one, to see a file that grew since) rather than the limit, since a 1 MB buffer per
    file cost a fifth of a cold 18,000-file report."""
    data = os.read(fd, size + 1)
    if len(data) <= size:
        return data
    parts = [data]
    total = len(data)
    while total <= MAX_FILE_BYTES:
        more = os.read(fd, MAX_FILE_BYTES + 1 - total)
        if not more:
            break
        parts.append(more)
        total += len(more)
    return b"".join(parts)


def newest_per_day(records: Iterable[tuple[str, Record]]) -> tuple[list[DailyAggregate], list[str]]:
    """The aggregates, one per agent and day (the one written last), and a line per skipped
    file: ``records`` are (where, aggregate or why it was skipped)."""
    best: dict[tuple[str, date], DailyAggregate] = {}
    skipped: list[str] = []
    for where, record in records:
        if isinstance(record, str):
            skipped.append(f"{where}: {record} (skipped)")
            continue
        key = (record.agent, record.day)
        kept = best.get(key)
        if kept is None or record.written > kept.written:
            best[key] = record
    return sorted(best.values(), key=_by_agent_day), skipped


def _by_agent_day(a: DailyAggregate) -> tuple[str, date]:
    return a.agent, a.day


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Reading builds ~100k objects that form no cycles: the collector would only rescan them
    (a third of the read time of a 200-agent drop)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def sum_totals(queues: Iterable[QueueTotals]) -> QueueTotals:
    n = f = a = b = c = 0
    fs = ws = 0.0
    for q in queues:  # one pass, attribute reads only: it runs for every agent-day
        n += q.replies
        f += q.first_responses
        fs += q.first_wait_sum
        ws += q.wait_sum
        a += q.within_3min
        b += q.within_30s
        c += q.slow
    return QueueTotals(n, f, fs, ws, a, b, c)


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
    # agent -> reply -> uses: a reply's users are then the agents' keys, and the team's sums
    # add ~200 small dicts instead of every count a second time.
    per_agent: dict[str, dict[str, int]] = {}
    used_on: dict[date, set[str]] = defaultdict(set)  # day -> replies used
    latest: dict[str, DailyAggregate] = {}
    recent_from = end - timedelta(days=UNUSED_DAYS - 1)
    for agg in aggregates:
        if not start <= agg.day <= end:
            if agg.day > end and agg.day > report.after_end.get(agg.agent, agg.day - DAY):
                report.after_end[agg.agent] = agg.day
            continue
        report.files += 1
        mine = per_agent.get(agg.agent)
        if mine is None:
            per_agent[agg.agent] = dict(agg.uses)
        else:
            # The only loop over every count in the drop (millions at 200 agents): kept bare.
            count = mine.get
            for sid, n in agg.uses.items():
                mine[sid] = count(sid, 0) + n
        # A set operation per file instead of per reply (it loops in C).
        used_on[agg.day].update(agg.uses)
        if agg.queues:
            report.agent_days.append(agent_day(agg.agent, agg.day, sum_totals(agg.queues.values())))
        kept = latest.get(agg.agent)
        if kept is None or agg.day >= kept.day:
            latest[agg.agent] = agg
        per_version = report.adoption.setdefault(agg.day, {})
        version = agg.team_version or "-"
        per_version[version] = per_version.get(version, 0) + 1
    uses: dict[str, int] = {}
    users: Counter[str] = Counter()
    for mine in per_agent.values():
        count = uses.get
        for sid, n in mine.items():
            uses[sid] = count(sid, 0) + n
        users.update(mine.keys())
    last_used: dict[str, date] = {}
    for day in sorted(used_on, reverse=True):
        for sid in used_on[day].difference(last_used):
            last_used[sid] = day
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
