"""One sharing run from the app's own files: the stores, the outbox folder and the settings.

It opens its own connections to the usage and KPI stores (SQLite connections belong to the
thread that opened them, and the app runs this off the GUI thread) and closes them again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from quickreply.core.atomic import write_atomic
from quickreply.core.kpi import KpiStore
from quickreply.core.paths import AppPaths
from quickreply.core.settings import Settings
from quickreply.core.share.drop import open_drop
from quickreply.core.share.examresult import SUFFIX, ExamRecord
from quickreply.core.share.outbox import DailyShare, Identity, Outbox, ShareResult
from quickreply.core.stats import StatsStore

OUTBOX = "daily-outbox"
EXAM_OUTBOX = "exam-outbox"


def outbox_of(paths: AppPaths) -> Outbox:
    return Outbox(paths.data / OUTBOX)


def exam_outbox_of(paths: AppPaths) -> Outbox:
    return Outbox(paths.data / EXAM_OUTBOX, "*" + SUFFIX)


def agent_id(settings: Settings, shop_agent_id: str) -> str:
    """The 工号: the agent's own setting, else the shop profile's."""
    return settings.agent_id or shop_agent_id.strip()


@dataclass(frozen=True, slots=True)
class Sharing:
    """Whether this agent shares, where to, and whether the team (not the agent) turned it on."""

    daily: bool
    drop: str
    by_team: bool = False


def sharing_of(settings: Settings, team_daily: bool = False, team_drop: str = "") -> Sharing:
    """The team's switch (from its signed manifest) when the lead turned it on; else the
    agent's own setting, which stays for an agent not in a team."""
    if team_daily:
        return Sharing(True, team_drop, by_team=True)
    return Sharing(settings.share_daily, settings.share_drop)


def share_once(
    paths: AppPaths,
    settings: Settings,
    identity: Identity,
    clock: Callable[[], datetime],
    sharing: Sharing | None = None,
) -> ShareResult:
    """Build the unshared days and deliver them; every fault is the result's problem line.
    ``sharing`` defaults to the agent's own setting."""
    sharing = sharing or sharing_of(settings)
    problem = _cannot_share(sharing, identity.agent)
    if problem is not None:
        return ShareResult(0, 0, 0, problem)
    result = _share_days(paths, sharing.drop, identity, clock)
    # Exam results still waiting since the drop was unreachable at the exam's end; not tried
    # when days are left waiting (the drop failed just now: another try would only wait again).
    exams = exam_outbox_of(paths)
    exams_sent, exams_problem = 0, ""
    if not result.waiting and exams.pending():
        exams_sent, exams_problem = exams.deliver(open_drop(sharing.drop))
    return ShareResult(
        result.built,
        result.sent + exams_sent,
        result.waiting + len(exams.pending()),
        result.problem or exams_problem,
    )


def _cannot_share(sharing: Sharing, agent: str) -> str | None:
    """Why nothing is shared ("" when sharing is off, which needs no saying), or None."""
    if not sharing.daily:
        return ""
    if not agent:
        return "团队日报: no 工号 (set it in 设置 → 团队日报)"
    if not sharing.drop:
        return "团队日报: no drop (set 投递位置 in 设置 → 团队日报)"
    return None


def hand_in_exam(
    paths: AppPaths, settings: Settings, record: ExamRecord, sharing: Sharing | None = None
) -> ShareResult:
    """Queue one exam result for the lead, then deliver every result waiting. Only when the
    agent shares with the team (设置 → 团队日报, or the team's switch); otherwise the result
    stays on this computer."""
    sharing = sharing or sharing_of(settings)
    problem = _cannot_share(sharing, record.agent)
    if problem is not None:
        return ShareResult(0, 0, 0, problem)
    outbox = exam_outbox_of(paths)
    try:
        write_atomic(outbox.folder / record.file_name, record.to_json(), backup=False)
    except OSError as err:
        return ShareResult(0, 0, 0, f"{outbox.folder}: cannot write ({err.strerror})")
    sent, problem = outbox.deliver(open_drop(sharing.drop))
    return ShareResult(1, sent, len(outbox.pending()), problem)


def _share_days(
    paths: AppPaths,
    drop: str,
    identity: Identity,
    clock: Callable[[], datetime],
) -> ShareResult:
    stats = StatsStore(paths.stats_file, clock, timeout=2.0)
    kpi = KpiStore(paths.kpi_file, clock, repair=False, busy_timeout=2.0)
    try:
        if stats.in_memory:
            # A locked or unreadable usage file would share a day without its uses.
            problem = stats.problems[0] if stats.problems else "the usage store cannot be read"
            return ShareResult(0, 0, len(outbox_of(paths).pending()), f"{problem}; sent later")
        share = DailyShare(outbox_of(paths), stats, kpi, clock)
        return share.run(identity, open_drop(drop))
    finally:
        stats.close()
        kpi.close()
