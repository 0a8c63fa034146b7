"""``quickreply bench search``: build, cache-load and per-keystroke search latency, beside fzf.

Without ``--pack`` it generates a library as hard as real shop replies (benchmarks/corpus.py).
It then types a fixed set of queries an agent would type (汉字 as an IME commits them, pinyin,
initials, codes, mixed ``tk退``, several terms, a group filter, typos, numbers, synonyms) one
character at a time and times each keystroke's ``search``. In the same run each whole query is
timed with a plain substring scan over one line per snippet and with ``fzf --filter`` (when
installed), and the ratios are printed. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quickreply.benchmarks.corpus import generate_library, length_quantiles
from quickreply.core.model import Library, PackSource, Snippet

# Typed one character at a time. IMEs commit whole 汉字, so a Chinese query grows per character.
QUERIES: tuple[str, ...] = (
    "退货",
    "tuihuo",
    "thdz",
    "kd",
    "tk退",
    "快递 延迟",
    "/物流 延迟",
    "发票",
    "fp",
    "youhuiquan",
    "yhq",
    "尺码",
    "chima",
    "退貨地址",
    "破损 补发",
    "qtwly",
    "baoyou",
    "催发货",
    "/售后 退款",
    "huanhuo",
    "修改地址",
    "xgdz",
    "运费险",
    "yunfeixian",
    "tiuhuo",
    "wuliu chaxun",
    "预售",
    "jgbh",
    "会员积分",
    "baoxiu",
    # issue 16: slow or wrong on real replies
    "niz",
    "nizh",
    "zhq",
    "baoyo",
    "qrsh",
    "zhaoji",
    "7天无理由",
    "催单",
    "queren shouhuo",
    # several terms whose exact pass leaves the page short (a pinyin term, then 汉字 and
    # punctuation the agent copied from the chat): their inexact pass was the slowest
    "xiaomei 亲，",
    "nihao 您好",
    "xingdi 发",
    "qin 小妹~",
    "zhe 字x",
)

__all__ = ["QUERIES", "generate_library"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--snippets", type=int, default=10_000, metavar="N")
    parser.add_argument(
        "--pack", action="append", type=Path, default=[], metavar="PATH", dest="bench_pack"
    )
    parser.add_argument("--load-child", type=Path, help=argparse.SUPPRESS)


def _load_packs(paths: list[Path]) -> Library:
    from quickreply.core.packs import PackDir, load_library

    return load_library([PackDir(path, PackSource.EXTRA) for path in paths])


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[k]


def run(args: argparse.Namespace) -> int:
    from quickreply.core.cacheseal import Seal
    from quickreply.core.search import SearchIndex

    if getattr(args, "load_child", None):
        return _load_child(args.load_child, max(1, int(args.snippets)))

    packs: list[Path] = list(getattr(args, "bench_pack", []) or [])
    if packs:
        library = _load_packs(packs)
        for problem in library.problems:
            print(problem, file=sys.stderr)
    else:
        library = generate_library(max(1, int(args.snippets)))
    median, p90, longest = length_quantiles(library)
    print(f"library: {len(library)} snippets, text length median {median}, p90 {p90}, "
          f"max {longest}")  # fmt: skip

    with tempfile.TemporaryDirectory(prefix="qr-bench-") as tmp:
        cache = Path(tmp) / "cache"
        seal = Seal.load_or_create(Path(tmp) / "config" / "cache.key")
        start = time.perf_counter()
        built = SearchIndex.build(library)
        build_ms = (time.perf_counter() - start) * 1000
        del built  # the bench's peak RSS is then one index, as in the app
        # The app keys the cache by the pack files' fingerprint (no hashing of every snippet);
        # a fresh temporary folder holds only this library's file, so any fixed key does.
        key = "bench" if not packs else None
        SearchIndex.load_or_build(library, cache, key=key, seal=seal)  # writes the cache
        start = time.perf_counter()
        index = SearchIndex.load_or_build(library, cache, key=key, seal=seal)
        cached_load_ms = (time.perf_counter() - start) * 1000
        gc.freeze()  # as the app does once the index is loaded (app/services.py)
        resident_mb = _resident_in_child(tmp, packs, int(args.snippets))
    print(f"build {build_ms:.0f} ms, load from cache {cached_load_ms:.0f} ms; a process that "
          f"loads it from the cache holds {resident_mb:.0f} MB")  # fmt: skip

    timings: list[float] = []
    cpu: list[float] = []  # the same keystrokes in CPU time: what the load of others cannot add
    finals: dict[str, float] = {}
    typed: list[str] = []  # the query as typed at each keystroke, for the slowest ones
    for query in QUERIES:
        index.search("")  # the palette opens empty
        for k in range(1, len(query) + 1):
            start, started_cpu = time.perf_counter(), time.process_time()
            hits = index.search(query[:k])
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            typed.append(query[:k])
        finals[query] = max(timings[-len(query) :])
        top = hits[0].snippet.title[:16] if hits else "-"
        print(f"{query!r:>18}: {len(hits):3d} hits, first {top}")
    slowest = sorted(range(len(cpu)), key=cpu.__getitem__, reverse=True)[:5]
    print("slowest keystrokes (CPU / wall ms): " + ", ".join(
        f"{typed[k]!r} {cpu[k]:.1f} / {timings[k]:.1f}" for k in slowest
    ))  # fmt: skip
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    scan_ms, fzf_ms = _compare(library, finals)
    result = {
        "snippets": len(library),
        "build_ms": round(build_ms, 1),
        "cached_load_ms": round(cached_load_ms, 1),
        "p50_ms": round(_percentile(timings, 0.50), 3),
        "p95_ms": round(_percentile(timings, 0.95), 3),
        "max_ms": round(max(timings), 3),
        "cpu_p50_ms": round(_percentile(cpu, 0.50), 3),
        "cpu_p95_ms": round(_percentile(cpu, 0.95), 3),
        "cpu_max_ms": round(max(cpu), 3),
        "load_average": round(os.getloadavg()[0], 2),
        "rss_mb": round(rss_mb, 1),
        "resident_after_load_mb": round(resident_mb, 1),
        "scan_median_ms": round(_percentile(scan_ms, 0.5), 3),
    }
    if fzf_ms:
        result["fzf_median_ms"] = round(_percentile(fzf_ms, 0.5), 3)
    print(f"{len(timings)} keystrokes: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
          f"max {result['max_ms']} ms; CPU p50 {result['cpu_p50_ms']} ms, p95 "
          f"{result['cpu_p95_ms']} ms, max {result['cpu_max_ms']} ms; load average "
          f"{result['load_average']}")  # fmt: skip
    print(json.dumps(result, ensure_ascii=False))
    return 0


def _resident_in_child(tmp: str, packs: list[Path], count: int) -> float:
    """VmRSS of a fresh process holding the library and the index loaded from the cache,
    after a few searches: what the app holds once started (-1 for ``--pack`` libraries)."""
    if packs:
        return -1.0
    out = subprocess.run(
        [sys.executable, "-m", "quickreply", "bench", "search", "--snippets", str(count),
         "--load-child", tmp],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return float(json.loads(out.strip().splitlines()[-1])["resident_mb"])


def _load_child(tmp: Path, count: int) -> int:
    from quickreply.core.cacheseal import Seal
    from quickreply.core.search import SearchIndex

    library = generate_library(count)
    seal = Seal.load_or_create(tmp / "config" / "cache.key")
    index = SearchIndex.load_or_build(library, tmp / "cache", key="bench", seal=seal)
    for query in QUERIES[:10]:
        index.search(query)
    gc.collect()
    print(json.dumps({"resident_mb": round(_resident_mb(), 1)}))
    return 0


def _resident_mb() -> float:
    """What the process holds now (VmRSS): the app's memory once started from the cache.
    ``rss_mb`` is the peak instead, which the build (a first start) sets."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _line(snippet: Snippet) -> str:
    """One line per snippet for the comparisons: everything an agent could search for."""
    parts = [snippet.code, snippet.title, snippet.group, *snippet.tags, *snippet.examples]
    parts.extend(snippet.variants)
    return " ".join(p for p in parts if p).replace("\n", " ")


def _compare(library: Library, finals: dict[str, float]) -> tuple[list[float], list[float]]:
    """Each whole query timed as a plain substring scan and as ``fzf --filter``, with ratios.

    The slowest keystroke of the query (ours) is what the ratios divide by: the agent feels
    the slowest one. fzf is timed as a whole process per query (how a palette would call it).
    """
    lines = [_line(s).casefold() for s in library.snippets()]
    fzf = shutil.which("fzf")
    scan_ms: list[float] = []
    fzf_ms: list[float] = []
    print(f"{'query':>18} {'ours max':>9} {'scan':>8} {'fzf':>8} {'scan/ours':>9} {'fzf/ours':>9}")
    with tempfile.TemporaryDirectory(prefix="qr-bench-fzf-") as tmp:
        path = Path(tmp) / "lines.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for query, ours in finals.items():
            needle = query.casefold()
            start = time.perf_counter()
            found = [line for line in lines if needle in line]
            scan = (time.perf_counter() - start) * 1000
            del found
            scan_ms.append(scan)
            fz = float("nan")
            if fzf:
                with path.open("rb") as stdin:
                    start = time.perf_counter()
                    subprocess.run([fzf, "--filter", query], stdin=stdin, capture_output=True)
                    fz = (time.perf_counter() - start) * 1000
                fzf_ms.append(fz)
            floor = max(ours, 0.001)
            print(f"{query!r:>18} {ours:9.2f} {scan:8.2f} {fz:8.1f} {scan / floor:9.1f} "
                  f"{fz / floor:9.1f}")  # fmt: skip
    if not fzf:
        print("fzf not installed (apt-get install fzf): its column is empty")
    return scan_ms, fzf_ms
