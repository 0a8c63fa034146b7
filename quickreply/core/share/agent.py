"""One sharing run from the app's own files: the stores, the outbox folder and the settings.

It opens its own connections to the usage and KPI stores (SQLite connections belong to the
thread that opened them, and the app runs this off the GUI thread) and closes them again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from quickreply.core.kpi import KpiStore
from quickreply.core.paths import AppPaths
from quickreply.core.settings import Settings
from quickreply.core.share.drop import open_drop
from quickreply.core.share.outbox import DailyShare, Identity, Outbox, ShareResult
from quickreply.core.stats import StatsStore

OUTBOX = "daily-outbox"


def outbox_of(paths: AppPaths) -> Outbox:
    return Outbox(paths.data / OUTBOX)


def agent_id(settings: Settings, shop_agent_id: str) -> str:
    """The 工号: the agent's own setting, else the shop profile's."""
    return settings.agent_id or shop_agent_id.strip()


def share_once(
    paths: AppPaths,
    settings: Settings,
    identity: Identity,
    clock: Callable[[], datetime],
) -> ShareResult:
    """Build the unshared days and deliver them; every fault is the result's problem line."""
    if not settings.share_daily:
        return ShareResult(0, 0, 0, "")
    if not identity.agent:
        return ShareResult(0, 0, 0, "团队日报: no 工号 (set it in 设置 → 团队日报)")
    if not settings.share_drop:
        return ShareResult(0, 0, 0, "团队日报: no drop (set 投递位置 in 设置 → 团队日报)")
    stats = StatsStore(paths.stats_file, clock, timeout=2.0)
    kpi = KpiStore(paths.kpi_file, clock, repair=False, busy_timeout=2.0)
    try:
        if stats.in_memory:
            # A locked or unreadable usage file would share a day without its uses.
            problem = stats.problems[0] if stats.problems else "the usage store cannot be read"
            return ShareResult(0, 0, len(outbox_of(paths).pending()), f"{problem}; sent later")
        share = DailyShare(outbox_of(paths), stats, kpi, clock)
        return share.run(identity, open_drop(settings.share_drop))
    finally:
        stats.close()
        kpi.close()
