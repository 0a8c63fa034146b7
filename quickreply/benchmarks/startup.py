"""``quickreply bench startup``: process start to palette ready, hotkey to palette shown, RSS.

Generates a library of N snippets (the shipped replies, repeated with new ids and codes) in a
temporary QUICKREPLY_HOME, starts the app once to warm the index cache, then starts fresh
processes that build every service, open the palette and report when it is shown, focused
and listing results. In the last process the palette hotkey is simulated (the same call the
bridge's hotkey signal makes) several times. Runs offscreen so it needs no display.
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

TARGET_START_S = 1.0
TARGET_HOTKEY_MS = 50.0
TARGET_RSS_MB = 200.0
PACK_SIZE = 1000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--snippets", type=int, default=10_000, help="library size (10000)")
    parser.add_argument("--runs", type=int, default=3, help="cold process starts to time (3)")
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


def generate(home: Path, count: int) -> None:
    """Write ``count`` snippets as personal packs of PACK_SIZE, built from the shipped ones."""
    import dataclasses

    from quickreply.core.model import Pack, PackMeta, PackSource
    from quickreply.core.packs import PackDir, dump_pack, load_library
    from quickreply.core.paths import SHIPPED_DIR

    shipped = [s for s in load_library([PackDir(SHIPPED_DIR, PackSource.SHIPPED)]).snippets()]
    folder = home / "personal"
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, count, PACK_SIZE):
        snippets = []
        for i in range(start, min(count, start + PACK_SIZE)):
            base = shipped[i % len(shipped)]
            snippets.append(
                dataclasses.replace(
                    base,
                    id=f"bench.s{i}",
                    code=f"zz{i}",
                    title=f"{base.title}{i}",
                    hotkey=None,
                    pack_id=f"bench.p{start}",
                )
            )
        path = folder / f"bench{start:06d}.yaml"
        meta = PackMeta(id=f"bench.p{start}", name=f"测试包{start}")
        pack = Pack(meta, tuple(snippets), path, PackSource.PERSONAL)
        path.write_text(dump_pack(pack), encoding="utf-8")


def child(hotkeys: int) -> int:
    """One app start: print a JSON line with the wall time the palette was ready."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from quickreply.app.resident import QuickReplyApp
    from quickreply.app.services import build_services
    from quickreply.app.views import make_qapp
    from quickreply.core.hotkeys import PALETTE
    from quickreply.core.paths import AppPaths

    qapp = make_qapp()
    services = build_services(AppPaths.from_env())
    app = QuickReplyApp(qapp, services, lang="zh_CN")
    app.show_palette()
    palette = app.palette
    while not (
        palette.isVisible()
        and palette.search_box.hasFocus()
        and palette.results.topLevelItemCount() > 0
    ):
        qapp.processEvents()
    ready = time.time()
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
                "snippets": len(services.library),
                "packs_s": services.timings.get("packs", 0.0),
                "index_s": services.timings.get("index", 0.0),
                "hotkey_ms": latencies,
                "rss_mb": _rss_mb(),
            }
        )
    )
    return 0


def _start(home: Path, hotkeys: int) -> tuple[float, dict[str, object]]:
    env = dict(os.environ, QUICKREPLY_HOME=str(home), QT_QPA_PLATFORM="offscreen")
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
    return float(result["ready"]) - began, result  # type: ignore[arg-type]


def run(args: argparse.Namespace) -> int:
    if args.child:
        return child(args.hotkeys)
    with tempfile.TemporaryDirectory(prefix="qr-bench-") as tmp:
        home = Path(tmp)
        began = time.perf_counter()
        generate(home, args.snippets)
        print(f"generated {args.snippets} snippets in {time.perf_counter() - began:.1f} s")
        cold_cache, _ = _start(home, 1)  # builds and saves the index cache
        print(f"first start (index cache cold): {cold_cache:.2f} s")
        starts: list[float] = []
        last: dict[str, object] = {}
        for run_no in range(args.runs):
            elapsed, last = _start(home, args.hotkeys if run_no == args.runs - 1 else 1)
            starts.append(elapsed)
            print(
                f"start {run_no + 1}: {elapsed:.2f} s to palette ready "
                f"(packs {float(last['packs_s']):.2f} s, index {float(last['index_s']):.2f} s)"  # type: ignore[arg-type]
            )
    hotkey = sorted(float(x) for x in last["hotkey_ms"])  # type: ignore[attr-defined]
    figures = {
        "snippets": last["snippets"],
        "start_median_s": round(statistics.median(starts), 3),
        "start_max_s": round(max(starts), 3),
        "first_start_cold_cache_s": round(cold_cache, 3),
        "hotkey_median_ms": round(statistics.median(hotkey), 2),
        "hotkey_max_ms": round(hotkey[-1], 2),
        "rss_mb": round(float(last["rss_mb"]), 1),  # type: ignore[arg-type]
        "targets": {
            "start_s": TARGET_START_S,
            "hotkey_ms": TARGET_HOTKEY_MS,
            "rss_mb": TARGET_RSS_MB,
        },
    }
    print(
        f"palette ready {figures['start_median_s']} s (target ≤ {TARGET_START_S}); hotkey to "
        f"shown {figures['hotkey_median_ms']} ms (≤ {TARGET_HOTKEY_MS}); RSS "
        f"{figures['rss_mb']} MB (≤ {TARGET_RSS_MB})"
    )
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="quickreply.benchmarks.startup")
    add_arguments(parser)
    raise SystemExit(run(parser.parse_args()))
