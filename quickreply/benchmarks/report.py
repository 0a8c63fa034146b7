"""``quickreply bench report``: ``quickreply team report`` over a generated drop.

Writes A agents × D days of daily files (default 20 × 90; the issue's target is 200 × 90) with
~120 of 600 replies used per agent per day and two queues, then times the whole command with
``--csv`` and ``--html``: listing and reading every file, merging, the tables, the charts;
first with an empty read cache (every file parsed), then with the cache the last run wrote.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--agents", type=int, default=20, metavar="N")
    parser.add_argument("--days", type=int, default=90, metavar="N")
    parser.add_argument("--runs", type=int, default=3, metavar="N")
    parser.add_argument("--drop", type=Path, metavar="PATH", help="keep the generated drop here")


def generate(
    drop: Path, agents: int, days: int, last_day: date, replies: list[str] | None = None
) -> int:
    """Write the drop (``replies``: the ids used, default 600 made-up ones); returns the
    number of files. The generator is core/share/demo.py's, shared with the 看板's screenshots."""
    from quickreply.core.share.demo import write_demo_drop

    return write_demo_drop(drop, agents, days, last_day, replies)


def run(args: argparse.Namespace) -> int:
    from quickreply.commands import teamreport as team_command

    last_day = date(2026, 11, 30)
    with tempfile.TemporaryDirectory() as tmp:
        drop = args.drop or Path(tmp) / "drop"
        t0 = time.perf_counter()
        files = generate(drop, args.agents, args.days, last_day)
        generate_s = time.perf_counter() - t0
        size_mb = sum(p.stat().st_size for p in drop.iterdir()) / 1e6
        os.environ.setdefault("QUICKREPLY_HOME", str(Path(tmp) / "home"))
        ns = argparse.Namespace(
            team_command="report",
            drop=str(drop),
            start=(last_day - timedelta(days=args.days - 1)).isoformat(),
            end=last_day.isoformat(),
            csv=Path(tmp) / "report.csv",
            html=Path(tmp) / "report.html",
            pack=[],
            shop=None,
        )
        from quickreply.core.paths import AppPaths
        from quickreply.core.share.readcache import ReadCache

        cache_file = ReadCache.for_drop(AppPaths.from_env().cache, None, str(drop.absolute())).file
        assert cache_file is not None
        # Wall time, and CPU time: on a machine shared with other work the second says what
        # the command itself costs.
        times: list[float] = []
        cached: list[float] = []
        cpu: list[float] = []
        cached_cpu: list[float] = []
        for cold in (True, False):
            for _ in range(args.runs):
                if cold:
                    cache_file.unlink(missing_ok=True)  # every file read and parsed
                t, c = time.perf_counter(), time.process_time()
                code = team_command.run(ns, out=io.StringIO(), err=io.StringIO())
                (times if cold else cached).append(time.perf_counter() - t)
                (cpu if cold else cached_cpu).append(time.process_time() - c)
                if code != 0:
                    return code
        html_kb = ns.html.stat().st_size / 1e3
        cache_mb = cache_file.stat().st_size / 1e6 if cache_file.exists() else 0.0
    figures = {
        "target": "report",
        "agents": args.agents,
        "days": args.days,
        "files": files,
        "drop_mb": round(size_mb, 1),
        "generate_s": round(generate_s, 2),
        "report_s_median": round(statistics.median(times), 2),
        "report_s_max": round(max(times), 2),
        "report_cpu_s_median": round(statistics.median(cpu), 2),
        "report_cached_s_median": round(statistics.median(cached), 2),
        "report_cached_cpu_s_median": round(statistics.median(cached_cpu), 2),
        "load_average": round(os.getloadavg()[0], 1),
        "cache_mb": round(cache_mb, 1),
        "html_kb": round(html_kb),
    }
    print(
        f"{files} daily files ({size_mb:.1f} MB): team report --csv --html in "
        f"{figures['report_s_median']} s median, {figures['report_s_max']} s max over "
        f"{args.runs} runs (target <= 3 s at 200 agents x 90 days); "
        f"{figures['report_cached_s_median']} s with the read cache "
        f"(CPU {figures['report_cpu_s_median']} s and {figures['report_cached_cpu_s_median']} s); "
        f"page {html_kb:.0f} KB"
    )
    print(json.dumps(figures, ensure_ascii=False))
    return 0
