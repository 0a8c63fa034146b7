"""``quickreply bench startup``: process start to palette ready, hotkey to palette shown, RSS.

Writes the generated library (benchmarks/corpus.py: replies as long, repetitive and polyphonic
as real ones) as :data:`FILES` personal pack files in a temporary QUICKREPLY_HOME, then starts
fresh processes that build every service as the app does, open the palette and report when it
is shown, focused and listing results:

* the first start, with no cache at all (after an install or when every pack changed): the
  palette opens on the part of the library that fits ``START_BUDGET``, and the process goes on
  until the background load has put the whole library in, typing a query meanwhile;
* starts from the cache (the usual start), with the time the pack and index caches took.

In the last start the palette hotkey is simulated several times. Each start reports its CPU
time beside the wall time, and the load average is printed: the machine may be shared, and wall
times on a busy machine say little alone. Runs offscreen so it needs no display.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from quickreply.app.services import Services
    from quickreply.ui.palette import PaletteWindow

TARGET_COLD_S = 1.5
TARGET_START_S = 1.0
TARGET_INDEX_MS = 150.0
TARGET_HOTKEY_MS = 50.0
TARGET_RSS_MB = 200.0
FILES = 10  # the library is split like a shop's: one pack file per topic or team
# A start that read this much from the disk found the libraries evicted from the page cache.
COLD_DISK_MB = 20.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--snippets", type=int, default=10_000, help="library size (10000)")
    parser.add_argument("--runs", type=int, default=3, help="starts from the cache to time (3)")
    parser.add_argument("--hotkeys", type=int, default=20, help="simulated hotkey presses (20)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource  # not on Windows; /proc covers Linux above

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _disk_read_mb() -> float:
    """What this process read from the disk itself so far (not from the page cache), in MB:
    a start after the libraries were evicted reads ~100 MB before the palette opens."""
    try:
        for line in Path("/proc/self/io").read_text().splitlines():
            if line.startswith("read_bytes:"):
                return int(line.split()[1]) / 1e6
    except OSError:  # not Linux
        pass
    return 0.0


def generate(home: Path, count: int) -> int:
    """Write ``count`` generated replies as FILES personal packs; returns their bytes."""
    import dataclasses

    from quickreply.benchmarks.corpus import generate_library
    from quickreply.core.model import Pack, PackMeta, PackSource
    from quickreply.core.packs import dump_pack

    snippets = list(generate_library(count).snippets())
    folder = home / "personal"
    folder.mkdir(parents=True, exist_ok=True)
    per_file = -(-count // FILES)
    total = 0
    for start in range(0, count, per_file):
        path = folder / f"bench{start:06d}.yaml"
        pack_id = f"bench.p{start}"
        chunk = tuple(
            dataclasses.replace(s, pack_id=pack_id, path=str(path))
            for s in snippets[start : start + per_file]
        )
        pack = Pack(PackMeta(pack_id, f"测试包{start}"), chunk, path, PackSource.PERSONAL)
        text = dump_pack(pack)
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def child(hotkeys: int) -> int:
    """One app start: print a JSON line with the wall time the palette was ready."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from quickreply.app.resident import QuickReplyApp
    from quickreply.app.services import START_BUDGET, build_services
    from quickreply.app.views import make_qapp
    from quickreply.core.hotkeys import PALETTE
    from quickreply.core.paths import AppPaths

    # When each step of the start ended (wall clock, for the parent to subtract its start).
    phases = {"imports": time.time()}
    qapp = make_qapp()
    services = build_services(AppPaths.from_env(), budget=START_BUDGET)
    phases["services"] = time.time()
    app = QuickReplyApp(qapp, services, lang="zh_CN")
    phases["windows"] = time.time()
    partial = services.loading is not None
    shown = len(services.library)
    app.show_palette()
    palette = app.palette
    while not (
        palette.isVisible()
        and palette.search_box.hasFocus()
        and palette.results.topLevelItemCount() > 0
    ):
        qapp.processEvents()
    ready = time.time()
    ready_cpu = time.process_time()
    ready_disk = _disk_read_mb()
    timings = dict(services.timings)
    # Typing while the rest loads, as an agent types (a key every 100 ms): each keystroke's
    # time to results on screen; then the same once everything is in, to compare.
    typed: list[float] = []
    stalls = _Stalls(qapp)
    swaps: list[tuple[float, int]] = []  # (seconds after ready, replies searchable)
    while services.loading is not None:
        typed.extend(_type(qapp, palette, services=services, swaps=swaps, ready=ready))
    stalls.stop()
    complete = time.time()
    complete_cpu = time.process_time()
    typed_after = [ms for _ in range(3) for ms in _type(qapp, palette)]
    palette.search_box.setText("发货")  # one real keystroke-sized query
    qapp.processEvents()
    latencies = []
    for _ in range(hotkeys):
        palette.hide()
        qapp.processEvents()
        pressed = time.perf_counter()
        app.on_hotkey(PALETTE)
        while not (palette.isVisible() and palette.results.topLevelItemCount() > 0):
            qapp.processEvents()
        qapp.processEvents()  # one paint pass, as the user would see it
        latencies.append((time.perf_counter() - pressed) * 1000)
    print(
        json.dumps(
            {
                "ready": ready,
                "ready_cpu_s": ready_cpu,
                "phases": phases,
                "disk_read_mb": ready_disk,
                "complete": complete,
                "complete_cpu_s": complete_cpu,
                "partial": partial,
                "shown_first": shown,
                "snippets": len(services.library),
                "packs_s": timings.get("packs", 0.0),
                "packs_cpu_s": timings.get("packs_cpu", 0.0),
                "index_s": timings.get("index", 0.0),
                "index_cpu_s": timings.get("index_cpu", 0.0),
                "typed_while_loading_ms": typed,
                "stall_max_ms": stalls.longest_ms,
                "swap_max_ms": services.timings.get("swap", 0.0) * 1000,
                "swaps": swaps,
                "typed_after_ms": typed_after,
                "hotkey_ms": latencies,
                "rss_mb": _rss_mb(),
            }
        )
    )
    app.shut_down()
    return 0


class _Stalls:
    """The longest time the GUI thread did not get to run a 5 ms timer: what a keystroke
    arriving then would wait, whatever held the thread (a swap, the collector, the GIL)."""

    TICK_MS = 5

    def __init__(self, qapp: QApplication) -> None:
        from PySide6.QtCore import QTimer

        self.longest_ms = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(qapp)
        self._timer.setInterval(self.TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000 - self.TICK_MS)
        self._last = now

    def stop(self) -> None:
        self._timer.stop()


def _type(
    qapp: QApplication,
    palette: PaletteWindow,
    query: str = "亲 kuaidi",
    *,
    services: Services | None = None,
    swaps: list[tuple[float, int]] | None = None,
    ready: float = 0.0,
) -> list[float]:
    """Type ``query`` into the palette a key every 100 ms; each key's milliseconds to results.
    With ``swaps``, note when the searchable part of the library grows (and to how many)."""
    out = []
    for k in range(1, len(query) + 1):
        pressed = time.perf_counter()
        palette.search_box.setText(query[:k])
        qapp.processEvents()
        out.append((time.perf_counter() - pressed) * 1000)
        until = time.perf_counter() + 0.1
        while time.perf_counter() < until:
            qapp.processEvents()
            if services is not None and swaps is not None:
                searchable = len(services.index)
                if not swaps or swaps[-1][1] != searchable:
                    swaps.append((round(time.time() - ready, 2), searchable))
            time.sleep(0.002)
    return out


def _start(home: Path, hotkeys: int) -> tuple[float, float, dict[str, object]]:
    """One child start: (seconds to palette ready, to the whole library in, its figures);
    the figures' ``phases`` become seconds after the process started."""
    env = dict(os.environ, QUICKREPLY_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    # An installed app has its modules compiled (pip compiles a wheel's, a frozen build ships
    # them): a shell that forbids writing bytecode would have every start compile them again
    # (≈ 0.25 s of each start at the time of issue 16). _compile() wrote them beforehand.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    began = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "quickreply.benchmarks.startup", "--child", "--hotkeys",
         str(hotkeys)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout  # fmt: skip
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    phases: dict[str, float] = result["phases"]  # type: ignore[assignment]
    result["phases"] = {name: round(at - began, 3) for name, at in phases.items()}
    ready = float(result["ready"]) - began  # type: ignore[arg-type]
    return ready, float(result["complete"]) - began, result  # type: ignore[arg-type]


def _compile() -> str:
    """Compile the app's modules once, as installing it does; what was done, for the report."""
    import compileall

    import quickreply

    folder = Path(quickreply.__file__).parent
    compileall.compile_dir(folder, quiet=1)
    if sys.dont_write_bytecode:
        return "bytecode: compiled once for the starts (this shell sets PYTHONDONTWRITEBYTECODE)"
    return "bytecode: compiled"


def _phases(figures: dict[str, object]) -> str:
    """When the imports, the services and the windows were done, in seconds after start, and
    what was read from the disk by then (the page cache had let go of the libraries)."""
    phases: dict[str, float] = figures["phases"]  # type: ignore[assignment]
    done = ", ".join(f"{name} {at:.2f}" for name, at in phases.items())
    disk = float(figures["disk_read_mb"])  # type: ignore[arg-type]
    if disk < COLD_DISK_MB:
        return done
    return f"{done}; read {disk:.0f} MB from the disk: the page cache was cold (see docs/search.md)"


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:  # Windows
        return "?"


def run(args: argparse.Namespace) -> int:
    if args.child:
        return child(args.hotkeys)
    with tempfile.TemporaryDirectory(prefix="qr-bench-") as tmp:
        home = Path(tmp)
        began = time.perf_counter()
        size = generate(home, args.snippets)
        print(
            f"generated {args.snippets} replies in {FILES} pack files "
            f"({size / 1e6:.1f} MB) in {time.perf_counter() - began:.1f} s; load {_load()}; "
            f"{_compile()}"
        )
        cold, cold_done, first = _start(home, 1)  # no cache: builds and saves both caches
        typed = sorted(float(x) for x in first["typed_while_loading_ms"])  # type: ignore[attr-defined]
        after = sorted(float(x) for x in first["typed_after_ms"])  # type: ignore[attr-defined]
        print(
            f"first start, no cache: palette ready {cold:.2f} s "
            f"(CPU {float(first['ready_cpu_s']):.2f} s) with "  # type: ignore[arg-type]
            f"{first['shown_first']} replies, whole library in {cold_done:.2f} s "
            f"(CPU {float(first['complete_cpu_s']):.2f} s); "  # type: ignore[arg-type]
            f"{len(typed)} keystrokes meanwhile: median {_median(typed):.0f} ms, slowest "
            f"{typed[-1] if typed else 0:.0f} ms (once loaded: {_median(after):.0f} ms); "
            f"longest GUI-thread stall {float(first['stall_max_ms']):.0f} ms, "  # type: ignore[arg-type]
            f"longest swap {float(first['swap_max_ms']):.0f} ms; "  # type: ignore[arg-type]
            f"load {_load()}; done by then (s): {_phases(first)}"
        )
        print(
            "replies searchable after palette ready: "
            + ", ".join(f"{n} at {t:.1f} s" for t, n in first["swaps"])  # type: ignore[attr-defined]
        )
        starts: list[float] = []
        cpus: list[float] = []
        index_ms: list[float] = []
        packs_ms: list[float] = []
        index_cpu_ms: list[float] = []
        packs_cpu_ms: list[float] = []
        last: dict[str, object] = {}
        for run_no in range(args.runs):
            hotkeys = args.hotkeys if run_no == args.runs - 1 else 1
            elapsed, _, last = _start(home, hotkeys)
            starts.append(elapsed)
            cpus.append(float(last["ready_cpu_s"]))  # type: ignore[arg-type]
            packs_ms.append(float(last["packs_s"]) * 1000)  # type: ignore[arg-type]
            index_ms.append(float(last["index_s"]) * 1000)  # type: ignore[arg-type]
            packs_cpu_ms.append(float(last["packs_cpu_s"]) * 1000)  # type: ignore[arg-type]
            index_cpu_ms.append(float(last["index_cpu_s"]) * 1000)  # type: ignore[arg-type]
            print(
                f"start {run_no + 1} from the cache: {elapsed:.2f} s to palette ready "
                f"(CPU {cpus[-1]:.2f} s; packs {packs_ms[-1]:.0f} ms, CPU "
                f"{packs_cpu_ms[-1]:.0f} ms; index {index_ms[-1]:.0f} ms, CPU "
                f"{index_cpu_ms[-1]:.0f} ms); load {_load()}; done by then (s): {_phases(last)}"
            )
    hotkey = sorted(float(x) for x in last["hotkey_ms"])  # type: ignore[attr-defined]
    figures = {
        "snippets": last["snippets"],
        "cold_ready_s": round(cold, 3),
        "cold_ready_cpu_s": round(float(first["ready_cpu_s"]), 3),  # type: ignore[arg-type]
        "cold_shown_first": first["shown_first"],
        "cold_complete_s": round(cold_done, 3),
        "cold_complete_cpu_s": round(float(first["complete_cpu_s"]), 3),  # type: ignore[arg-type]
        "cold_keystroke_median_ms": round(_median(typed), 1),
        "cold_keystroke_max_ms": round(typed[-1], 1) if typed else 0.0,
        "cold_stall_max_ms": round(float(first["stall_max_ms"]), 1),  # type: ignore[arg-type]
        "cold_swap_max_ms": round(float(first["swap_max_ms"]), 1),  # type: ignore[arg-type]
        "cold_stages": first["swaps"],
        "cold_phases_s": first["phases"],
        "start_phases_s": last["phases"],
        "keystroke_median_ms": round(_median(after), 1),
        "start_median_s": round(statistics.median(starts), 3),
        "start_cpu_median_s": round(statistics.median(cpus), 3),
        "start_max_s": round(max(starts), 3),
        "packs_from_cache_ms": round(statistics.median(packs_ms), 1),
        "index_from_cache_ms": round(statistics.median(index_ms), 1),
        "index_from_cache_cpu_ms": round(statistics.median(index_cpu_ms), 1),
        "packs_from_cache_cpu_ms": round(statistics.median(packs_cpu_ms), 1),
        "hotkey_median_ms": round(statistics.median(hotkey), 2),
        "hotkey_max_ms": round(hotkey[-1], 2),
        "rss_mb": round(float(last["rss_mb"]), 1),  # type: ignore[arg-type]
        "load_average": _load(),
        "targets": {
            "cold_ready_s": TARGET_COLD_S,
            "start_s": TARGET_START_S,
            "index_from_cache_ms": TARGET_INDEX_MS,
            "hotkey_ms": TARGET_HOTKEY_MS,
            "rss_mb": TARGET_RSS_MB,
        },
    }
    print(
        f"first start {figures['cold_ready_s']} s to palette ready (target ≤ {TARGET_COLD_S}); "
        f"from the cache {figures['start_median_s']} s (≤ {TARGET_START_S}), index "
        f"{figures['index_from_cache_ms']} ms (CPU {figures['index_from_cache_cpu_ms']} ms; "
        f"≤ {TARGET_INDEX_MS}); hotkey to shown "
        f"{figures['hotkey_median_ms']} ms (≤ {TARGET_HOTKEY_MS}); RSS {figures['rss_mb']} MB "
        f"(≤ {TARGET_RSS_MB})"
    )
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="quickreply.benchmarks.startup")
    add_arguments(parser)
    raise SystemExit(run(parser.parse_args()))
