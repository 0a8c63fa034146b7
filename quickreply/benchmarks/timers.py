"""``quickreply bench timers``: the wait-timer panel's tick and idle CPU with many conversations.

Shows the panel offscreen with N waiting conversations (waits spread over ok, amber and red),
times the tick alone and the tick plus the repaint it causes, then lets the real one-second
timer run for a while and reads the process's CPU time with ``resource.getrusage``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import time
from datetime import datetime


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--conversations", type=int, default=200, metavar="N")
    parser.add_argument("--ticks", type=int, default=300, metavar="N", help="ticks to time")
    parser.add_argument(
        "--idle", type=float, default=10.0, metavar="SECONDS", help="idle CPU window"
    )


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from quickreply.core.timers import TimerModel
    from quickreply.ui.timers import TimersPanel

    app = QApplication.instance() or QApplication([])
    shift = [0.0]

    def monotonic() -> float:
        return time.monotonic() + shift[0]

    model = TimerModel(monotonic, datetime.now)
    panel = TimersPanel(model, None)
    panel.resize(320, 700)
    panel.show()
    queues = model.config.queue_names
    for i in range(args.conversations):
        panel.add_buyer(f"买家{i:04d}", queues[i % len(queues)])
        shift[0] += 400.0 / max(1, args.conversations)  # waits from 0 to ~400 s
    app.processEvents()

    tick_only: list[float] = []
    tick_paint: list[float] = []
    for _ in range(args.ticks):
        shift[0] += 1.0
        start = time.perf_counter()
        panel.tick()
        middle = time.perf_counter()
        app.processEvents()  # the repaint the tick scheduled
        end = time.perf_counter()
        tick_only.append((middle - start) * 1000)
        tick_paint.append((end - start) * 1000)

    loop = QEventLoop()
    QTimer.singleShot(int(args.idle * 1000), loop.quit)
    cpu0, wall0 = _cpu(), time.monotonic()
    loop.exec()
    cpu1, wall1 = _cpu(), time.monotonic()
    idle_pct = 100.0 * (cpu1 - cpu0) / (wall1 - wall0)
    panel.close()

    def p95(values: list[float]) -> float:
        return sorted(values)[int(len(values) * 0.95) - 1]

    figures = {
        "target": "timers",
        "conversations": args.conversations,
        "waiting": model.waiting_count(),
        "tick_ms_median": round(statistics.median(tick_only), 3),
        "tick_ms_p95": round(p95(tick_only), 3),
        "tick_with_repaint_ms_median": round(statistics.median(tick_paint), 3),
        "tick_with_repaint_ms_p95": round(p95(tick_paint), 3),
        "idle_seconds": args.idle,
        "idle_cpu_percent": round(idle_pct, 3),
    }
    print(
        f"{args.conversations} waiting: tick {figures['tick_ms_median']} ms median "
        f"({figures['tick_ms_p95']} p95), with repaint {figures['tick_with_repaint_ms_median']} "
        f"ms ({figures['tick_with_repaint_ms_p95']} p95); idle {idle_pct:.2f}% CPU "
        f"over {args.idle:g} s (targets: tick <= 2 ms, idle <= 1%)"
    )
    print(json.dumps(figures, ensure_ascii=False))
    return 0
