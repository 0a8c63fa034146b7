"""``quickreply bench timers``: the wait-timer panel's tick and idle CPU with many conversations.

Shows the panel offscreen with N waiting conversations (waits spread over ok, amber and red),
times the tick alone and the tick plus the repaint it causes, then lets the real one-second
timer run for a while and reads the process's CPU time with ``resource.getrusage``.

With ``--watch`` (the default when Xvfb and python-xlib are there) the attention watcher runs
too, as in the app: the X11 backend on a private Xvfb with twenty chat windows, its display fd
watched by the bridge, each window asking for attention once (the time from the request to the
buyer's clock running is reported), then the idle window is measured with all of it running.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import time
from datetime import datetime
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--conversations", type=int, default=200, metavar="N")
    parser.add_argument("--ticks", type=int, default=300, metavar="N", help="ticks to time")
    parser.add_argument(
        "--idle", type=float, default=10.0, metavar="SECONDS", help="idle CPU window"
    )
    parser.add_argument(
        "--watch",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="run the X11 attention watcher on a private Xvfb (default: when available)",
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

    waiting = model.waiting_count()  # before the watcher's own twenty buyers
    # Everything below runs with the watcher on, as in the app.
    watch = _Watch.start(panel) if _want_watch(args.watch) else None
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

    attention_ms = watch.ask_each(app) if watch is not None else []
    if watch is not None:  # the idle window sees the same 200 rows, the watcher still on
        for i in range(len(attention_ms)):
            panel.remove(f"窗口买家{i:02d}")

    loop = QEventLoop()
    QTimer.singleShot(int(args.idle * 1000), loop.quit)
    cpu0, wall0 = _cpu(), time.monotonic()
    loop.exec()
    cpu1, wall1 = _cpu(), time.monotonic()
    idle_pct = 100.0 * (cpu1 - cpu0) / (wall1 - wall0)
    panel.close()
    if watch is not None:
        watch.stop()

    def p95(values: list[float]) -> float:
        return sorted(values)[int(len(values) * 0.95) - 1]

    figures = {
        "target": "timers",
        "conversations": args.conversations,
        "waiting": waiting,
        "tick_ms_median": round(statistics.median(tick_only), 3),
        "tick_ms_p95": round(p95(tick_only), 3),
        "tick_with_repaint_ms_median": round(statistics.median(tick_paint), 3),
        "tick_with_repaint_ms_p95": round(p95(tick_paint), 3),
        "idle_seconds": args.idle,
        "idle_cpu_percent": round(idle_pct, 3),
        "watcher": watch is not None,
    }
    if attention_ms:
        figures["attention_windows"] = len(attention_ms)
        figures["attention_ms_median"] = round(statistics.median(attention_ms), 3)
        figures["attention_ms_max"] = round(max(attention_ms), 3)
    print(
        f"{args.conversations} waiting: tick {figures['tick_ms_median']} ms median "
        f"({figures['tick_ms_p95']} p95), with repaint {figures['tick_with_repaint_ms_median']} "
        f"ms ({figures['tick_with_repaint_ms_p95']} p95); idle {idle_pct:.2f}% CPU "
        f"over {args.idle:g} s{' with the attention watcher' if watch else ''} "
        "(targets: tick <= 2 ms, idle <= 1%)"
    )
    if attention_ms:
        print(
            f"attention request -> clock running: {figures['attention_ms_median']} ms median, "
            f"{figures['attention_ms_max']} ms max over {len(attention_ms)} windows"
        )
    print(json.dumps(figures, ensure_ascii=False))
    return 0


def _want_watch(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    import importlib.util
    import shutil

    return shutil.which("Xvfb") is not None and importlib.util.find_spec("Xlib") is not None


class _Watch:
    """The app's attention path on a private Xvfb: X11 backend, bridge, panel."""

    WINDOWS = 20

    def __init__(self, panel: Any) -> None:
        from Xlib import X, display

        from quickreply.benchmarks.xsession import Xvfb
        from quickreply.platforms.x11 import create_x11_backend
        from quickreply.ui.bridge import PlatformBridge

        self.panel = panel
        self.xvfb = Xvfb()
        self.backend = create_x11_backend(self.xvfb.display)
        self.bridge = PlatformBridge(self.backend)
        windows = self.backend.windows
        self.bridge.attention_requested.connect(
            lambda window: panel.buyer_asked(windows.title(window))
        )
        if not self.bridge.watch_attention(True):
            raise RuntimeError("the X11 backend has no attention watch")
        # Another program's chat windows, one per buyer.
        self.client = display.Display(self.xvfb.display)
        root = self.client.screen().root
        self.chats = []
        for i in range(self.WINDOWS):
            window = root.create_window(0, 0, 300, 200, 0, X.CopyFromParent)
            window.set_wm_name(f"bench{i:02d} - 千牛工作台".encode("gb18030").decode("latin-1"))
            window.change_property(
                self.client.intern_atom("_NET_WM_NAME"),
                self.client.intern_atom("UTF8_STRING"),
                8,
                f"窗口买家{i:02d} - 千牛工作台".encode(),
            )
            window.map()
            self.chats.append(window)
        self.client.sync()

    @classmethod
    def start(cls, panel: Any) -> _Watch:
        return cls(panel)

    def ask_each(self, app: Any) -> list[float]:
        """Each chat window sets the urgency hint once; ms until its buyer's clock runs."""
        app.processEvents()
        times: list[float] = []
        for i, window in enumerate(self.chats):
            label = f"窗口买家{i:02d}"
            start = time.perf_counter()
            window.set_wm_hints(flags=1 | (1 << 8), input=1)  # InputHint | XUrgencyHint
            self.client.flush()
            while self.panel.model.get(label) is None:
                if time.perf_counter() - start > 5:
                    raise RuntimeError(f"no clock for {label} 5 s after its request")
                app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        return times

    def stop(self) -> None:
        self.bridge.close()
        self.client.close()
        self.xvfb.stop()
