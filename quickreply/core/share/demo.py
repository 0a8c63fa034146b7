"""A made-up drop of agents' daily files (and exam results), for benchmarks and screenshots.

Deterministic (a fixed seed): a few replies carry the day, each agent answers at their own pace
in two queues, and in the last nine days two agents in three move to the next team version.
"""

from __future__ import annotations

import os
import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from quickreply.core.kpi import QueueTotals
from quickreply.core.share.aggregate import DailyAggregate
from quickreply.core.share.examresult import ExamRecord


def write_demo_drop(
    drop: Path,
    agents: int,
    days: int,
    last_day: date,
    replies: Sequence[str] | None = None,
    uses_per_day: int = 300,
) -> int:
    """Write ``agents`` × ``days`` daily files into ``drop`` (``replies``: the ids used,
    default 600 made-up ones); returns the number of files."""
    rng = random.Random(15)
    ids = list(replies or [f"reply.{i:03d}" for i in range(600)])
    weights = [1 / (i + 1) for i in range(len(ids))]  # a few replies carry the day
    drop.mkdir(parents=True, exist_ok=True)
    count = 0
    for a in range(agents):
        agent = f"A{a + 1:03d}"
        skill = rng.uniform(0.6, 1.4)
        for d in range(days):
            day = last_day - timedelta(days=days - 1 - d)
            uses: dict[str, int] = {}
            for sid in rng.choices(ids, weights, k=uses_per_day):
                uses[sid] = uses.get(sid, 0) + 1
            queues = {}
            for queue, n in (("售前", rng.randint(80, 200)), ("售后", rng.randint(20, 60))):
                waits = [rng.expovariate(1 / (25.0 * skill)) for _ in range(n)]
                firsts = waits[: n // 3]
                queues[queue] = QueueTotals(
                    n,
                    len(firsts),
                    sum(firsts),
                    sum(waits),
                    sum(w <= 180 for w in waits),
                    sum(w <= 30 for w in waits),
                    sum(w > 180 for w in waits),
                )
            version = str(5 + (d > days - 10 and a % 3 != 0))
            written = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=18)
            agg = DailyAggregate(agent, day, "1.0", version, written, uses, queues)
            path = drop / agg.file_name
            path.write_bytes(agg.to_json())
            # Dated when the agent wrote it, as on a real share (and settled for the read cache).
            os.utime(path, (written.timestamp(), written.timestamp()))
            count += 1
    return count


def write_demo_exams(drop: Path, agents: int, last_day: date) -> int:
    """Exam results as trainees hand them in: each agent took the week's exam in the last
    fortnight, a few failed and took it again; returns the number of files."""
    rng = random.Random(20)
    count = 0
    for a in range(agents):
        agent = f"A{a + 1:03d}"
        day = last_day - timedelta(days=rng.randint(2, 13))
        rights = [rng.randint(6, 10)]
        if rights[0] < 8:
            rights.append(rng.randint(8, 10))  # failed, then passed a few days later
        for attempt, right in enumerate(rights):
            taken = datetime.combine(day + timedelta(days=2 * attempt), datetime.min.time(), UTC)
            taken += timedelta(hours=9 + a % 8, minutes=rng.randint(0, 59))
            seconds = rng.uniform(180.0, 540.0)
            record = ExamRecord(agent, "team.week1", 3, taken, right, 10, 80, right >= 8, seconds)
            (drop / record.file_name).write_bytes(record.to_json())
            count += 1
    return count
