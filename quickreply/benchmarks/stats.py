"""``quickreply bench stats``: a month of ``quickreply stats`` over a year of busy replies.

Generates a KPI store with N replies spread over a year (default 500,000, about 1,370 a day),
then times what ``quickreply stats --from … --to …`` does for one month: open the store, check
the schema, aggregate per day in SQL and format the table.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rows", type=int, default=500_000, metavar="N")
    parser.add_argument("--runs", type=int, default=7, metavar="N")
    parser.add_argument("--db", type=Path, metavar="PATH", help="keep the generated store here")


def _generate(path: Path, rows: int, last_day: date) -> None:
    from quickreply.core.kpi import KpiRecord, KpiStore

    rng = random.Random(7)
    start = datetime.combine(last_day - timedelta(days=364), datetime.min.time())
    span = 365 * 86400
    records = []
    for _ in range(rows):
        at = start + timedelta(seconds=rng.randrange(span))
        waited = rng.expovariate(1 / 25.0)
        records.append(
            KpiRecord(at, "售前" if rng.random() < 0.7 else "售后", waited, rng.random() < 0.3)
        )
    records.sort(key=lambda r: r.at)  # appended in time order, as the app does
    store = KpiStore(path, datetime.now)
    store.add_many(records)
    store.close()


def run(args: argparse.Namespace) -> int:
    from quickreply.commands import stats as stats_command

    last_day = date(2024, 12, 31)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "kpi.sqlite3"
        t0 = time.perf_counter()
        if not path.exists():
            _generate(path, args.rows, last_day)
        generate_s = time.perf_counter() - t0
        size_mb = path.stat().st_size / 1e6

        ns = argparse.Namespace(start="2024-11-01", end="2024-11-30", csv=False, db=path)
        times = []
        out = io.StringIO()
        for _ in range(args.runs):
            out.seek(0)
            out.truncate()
            t = time.perf_counter()
            code = stats_command.run(ns, out=out)
            times.append((time.perf_counter() - t) * 1000)
            if code != 0:
                return code
        lines = out.getvalue().splitlines()

        # What the panel pays per reply on the GUI thread: one committed insert.
        from quickreply.core.kpi import KpiRecord, KpiStore

        store = KpiStore(path, datetime.now)
        writes = []
        for _ in range(50):
            t = time.perf_counter()
            store.record(KpiRecord(datetime.now(), "售前", 5.0, False))
            writes.append((time.perf_counter() - t) * 1000)
        store.close()

    figures = {
        "target": "stats",
        "rows": args.rows,
        "db_mb": round(size_mb, 1),
        "generate_s": round(generate_s, 2),
        "month_days": len(lines) - 2,
        "month_ms_median": round(statistics.median(times), 2),
        "month_ms_max": round(max(times), 2),
        "record_ms_median": round(statistics.median(writes), 2),
        "record_ms_max": round(max(writes), 2),
    }
    print(lines[-1])
    print(
        f"{args.rows} rows ({size_mb:.1f} MB): a month's daily figures in "
        f"{figures['month_ms_median']} ms median, {figures['month_ms_max']} ms max "
        f"over {args.runs} runs (target <= 300 ms); one reply recorded in "
        f"{figures['record_ms_median']} ms median"
    )
    print(json.dumps(figures, ensure_ascii=False))
    return 0
