"""The agent's side: build each day's aggregate into a local outbox, then deliver it to the drop.

Days are built from the day after the last finished one up to today (today again at every run,
so the day's last version is the one the lead sees). A built day waits in the outbox folder
until the drop took it; a drop that is unreachable for a week just means a week of small files
waiting, all delivered by the first run that reaches it. Nothing here raises for a storage or
network fault: each is one line in :attr:`ShareResult.problem`.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Protocol

from quickreply.core.atomic import write_atomic
from quickreply.core.kpi import KpiError, QueueTotals
from quickreply.core.share.aggregate import DailyAggregate
from quickreply.core.share.drop import Drop, DropError

STATE_FILE = "state.json"
# A first run shares from today on: days before the agent was told about sharing stay private.
MAX_CATCH_UP_DAYS = 400


class DayUses(Protocol):
    def uses_on(self, day: date) -> dict[str, int]: ...


class DayQueues(Protocol):
    def queue_totals(self, day: date) -> dict[str, QueueTotals]: ...


@dataclass(frozen=True, slots=True)
class Identity:
    agent: str  # 工号
    app_version: str
    team_version: str


@dataclass(frozen=True, slots=True)
class ShareResult:
    built: int  # days (re)built into the outbox
    sent: int  # files the drop took
    waiting: int  # files still in the outbox
    problem: str = ""  # one line, "" when all went well


def _local_day(now: datetime) -> date:
    return (now.astimezone() if now.tzinfo is not None else now).date()


class Outbox:
    """Built days (or other files: ``pattern``) not yet delivered, one file each, in ``folder``."""

    def __init__(self, folder: Path, pattern: str = "*.json") -> None:
        self.folder = folder
        self.pattern = pattern

    def pending(self) -> list[Path]:
        try:
            return sorted(
                p for p in self.folder.glob(self.pattern) if p.name != STATE_FILE and p.is_file()
            )
        except OSError:
            return []

    def add(self, aggregate: DailyAggregate) -> None:
        write_atomic(self.folder / aggregate.file_name, aggregate.to_json(), backup=False)

    def deliver(self, drop: Drop) -> tuple[int, str]:
        """Send every waiting file, oldest first; stop at the first failure (it will fail for
        the rest too). Returns (files sent, problem line or "")."""
        sent = 0
        for path in self.pending():
            try:
                data = path.read_bytes()
            except OSError as err:
                return sent, f"{path}: cannot read ({err.strerror}); kept for the next run"
            try:
                drop.put(path.name, data)
            except DropError as err:
                return sent, str(err)
            # If it cannot be removed it is sent again: the report counts a day once anyway.
            with contextlib.suppress(OSError):
                path.unlink()
            sent += 1
        return sent, ""

    # -- the last finished day ------------------------------------------------------------------

    def next_day(self) -> date | None:
        try:
            doc = json.loads((self.folder / STATE_FILE).read_text(encoding="utf-8"))
            return date.fromisoformat(doc["next_day"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def set_next_day(self, day: date) -> None:
        write_atomic(self.folder / STATE_FILE, json.dumps({"next_day": day.isoformat()}) + "\n")


class DailyShare:
    """Builds the days an agent has not shared yet and delivers them."""

    def __init__(
        self,
        outbox: Outbox,
        uses: DayUses,
        queues: DayQueues,
        clock: Callable[[], datetime],
    ) -> None:
        self.outbox = outbox
        self._uses = uses
        self._queues = queues
        self._clock = clock

    def build(self, identity: Identity) -> tuple[int, str]:
        """(Re)build the days since the last finished one; returns (days built, problem)."""
        now = self._clock()
        today = _local_day(now)
        start = self.outbox.next_day() or today
        start = max(start, today - timedelta(days=MAX_CATCH_UP_DAYS))
        built = 0
        day = start
        while day <= today:
            try:
                queues = self._queues.queue_totals(day)
            except KpiError as err:
                # Building the day without its replies would send wrong figures: wait.
                return built, f"{err.problem}; the day is shared once the store is readable"
            uses = self._uses.uses_on(day)
            if uses or queues:
                aggregate = DailyAggregate(
                    identity.agent,
                    day,
                    identity.app_version,
                    identity.team_version,
                    now,
                    uses,
                    queues,
                )
                try:
                    self.outbox.add(aggregate)
                except OSError as err:
                    return built, f"{self.outbox.folder}: cannot write ({err.strerror})"
                built += 1
            day += timedelta(days=1)
        try:
            self.outbox.set_next_day(today)
        except OSError as err:
            return built, f"{self.outbox.folder}: cannot write ({err.strerror})"
        return built, ""

    def run(self, identity: Identity, drop: Drop) -> ShareResult:
        built, problem = self.build(identity)
        sent, send_problem = self.outbox.deliver(drop)
        return ShareResult(built, sent, len(self.outbox.pending()), problem or send_problem)
