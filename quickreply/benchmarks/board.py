"""``quickreply bench board``: the 团队看板 opened over a generated drop, first and second time.

Writes A agents × D days of daily files (default 200 × 90, the issue's target: 18,000 files)
with ``bench report``'s generator, then, offscreen: the first open (window built, the drop read
on the worker thread, figures shown), the second open of a new window (from what the app's
data service kept: target <= 1 s), one agent chosen in the filter, 重新读取 (the drop read
again, through the read cache as the app does) and a first open after the app restarted. A
target of its own beside ``bench report``, which times the command-line report.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

LAST_DAY = date(2026, 11, 30)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--agents", type=int, default=200, metavar="N")
    parser.add_argument("--days", type=int, default=90, metavar="N")
    parser.add_argument("--runs", type=int, default=3, metavar="N", help="second opens timed")
    parser.add_argument(
        "--drop", type=Path, metavar="PATH", help="use (or write once) the drop here"
    )


def _rss_mb() -> float:
    """Resident memory now (Linux), else the peak: what the kept drop costs after reading."""
    gc.collect()
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def run(args: argparse.Namespace) -> int:
    home = os.environ.get("QUICKREPLY_HOME")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QUICKREPLY_HOME"] = str(Path(tmp) / "home")  # the shipped replies only
        drop = args.drop or Path(tmp) / "drop"
        files = len(list(drop.glob("*.json"))) if drop.is_dir() else 0
        if not files:
            from quickreply.core.share.demo import write_demo_drop

            files = write_demo_drop(drop, args.agents, args.days, LAST_DAY)
        try:
            return _measure(drop, files, args.runs)
        finally:
            if home is None:
                os.environ.pop("QUICKREPLY_HOME", None)
            else:
                os.environ["QUICKREPLY_HOME"] = home


def _measure(drop: Path, files: int, runs: int) -> int:
    from datetime import datetime

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from quickreply.app.services import build_services
    from quickreply.app.teamboard import TeamBoardData, make_teamboard, read_location
    from quickreply.app.views import make_qapp
    from quickreply.core.cacheseal import Seal
    from quickreply.core.paths import AppPaths
    from quickreply.core.share.aggregate import DailyAggregate
    from quickreply.ui.teamboard import TeamBoard

    make_qapp(offscreen=True)
    services = build_services(AppPaths.from_env())
    now = datetime.combine(LAST_DAY, datetime.min.time()).replace(hour=18)
    seal = Seal.load_or_create(services.paths.cache_key_file)

    def read(location: str) -> tuple[list[DailyAggregate], list[str]]:
        return read_location(location, services.paths.cache, seal)  # as the app reads

    def new_data() -> TeamBoardData:  # what the app builds at start-up
        return TeamBoardData(lambda: str(drop), lambda: services.library, lambda: now, read)

    data = new_data()

    def wait_loaded(board: TeamBoard, action: object = None) -> None:
        loop = QEventLoop()
        board.loaded.connect(loop.quit)
        if callable(action):
            action()
        QTimer.singleShot(600_000, loop.quit)
        loop.exec()
        board.loaded.disconnect(loop.quit)

    def shown(board: TeamBoard) -> None:
        board.show()
        board.repaint()  # painted, charts included, before the clock stops
        QApplication.processEvents()

    rss_before = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    board = make_teamboard(services, data)
    board.show()
    if board.busy:
        wait_loaded(board)
    shown(board)
    first_s, first_cpu = time.perf_counter() - t0, time.process_time() - c0
    board.close()
    board.deleteLater()
    QApplication.processEvents()
    rss_after = _rss_mb()

    seconds = []
    for _ in range(max(1, runs)):
        t0 = time.perf_counter()
        again = make_teamboard(services, data)
        shown(again)
        seconds.append(time.perf_counter() - t0)
        assert not again.busy
        last = again

    def one_agent() -> None:
        last.agent_combo.setCurrentIndex(1)
        last.request(reread=False)  # now, not after the filter's typing delay

    t0 = time.perf_counter()
    wait_loaded(last, one_agent)
    shown(last)
    agent_s = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    wait_loaded(last, lambda: last.request(reread=True))
    shown(last)
    reread_s, reread_cpu = time.perf_counter() - t0, time.process_time() - c0
    last.close()
    # The app started again: nothing in memory, the read cache on disk.
    t0, c0 = time.perf_counter(), time.process_time()
    restarted = make_teamboard(services, new_data())
    restarted.show()
    if restarted.busy:
        wait_loaded(restarted)
    shown(restarted)
    restart_s, restart_cpu = time.perf_counter() - t0, time.process_time() - c0
    figures = {
        "target": "board",
        "files": files,
        "first_open_s": round(first_s, 2),
        "first_open_cpu_s": round(first_cpu, 2),
        "second_open_s_median": round(statistics.median(seconds), 3),
        "second_open_s_max": round(max(seconds), 3),
        "agent_filter_s": round(agent_s, 2),
        "reread_s": round(reread_s, 2),
        "reread_cpu_s": round(reread_cpu, 2),
        "after_restart_s": round(restart_s, 2),
        "after_restart_cpu_s": round(restart_cpu, 2),
        "rss_growth_mb": round(rss_after - rss_before),
    }
    print(
        f"{files} daily files: 看板 first open {figures['first_open_s']} s "
        f"({figures['first_open_cpu_s']} s CPU; the drop read on a worker), "
        f"second open {figures['second_open_s_median']} s median (target <= 1 s); "
        f"one agent {figures['agent_filter_s']} s, read again {figures['reread_s']} s, "
        f"first open after a restart {figures['after_restart_s']} s (read cache); "
        f"+{figures['rss_growth_mb']} MB"
    )
    print(json.dumps(figures, ensure_ascii=False))
    return 0
