"""``quickreply bench team``: what team packs cost the lead, the agent and the web server.

A lead publishes a generated library (default 10,000 replies in 20 packs) to a folder served by
a real nginx; an agent joins over http and syncs. Reported: the publish time, the first sync,
the CPU and wall time of an unchanged check (one conditional GET answered 304), the time from a
republish with a few changed replies until the agent has it after its poll, and nginx's CPU per
check, scaled to 500 agents polling every 5 minutes. Without nginx the web-server figures are
left out (and said so).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

PACK_SIZE = 500


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--snippets", type=int, default=10_000, metavar="N")
    parser.add_argument("--checks", type=int, default=200, metavar="N", help="unchanged checks")
    parser.add_argument("--agents", type=int, default=500, metavar="N", help="scale nginx CPU to")
    parser.add_argument("--interval", type=int, default=300, metavar="S", help="poll interval")


def _now() -> datetime:
    return datetime.now().astimezone()


def _write_packs(folder: Path, count: int) -> None:
    import dataclasses

    from quickreply.benchmarks.search import generate_library
    from quickreply.core.model import Pack, PackMeta, PackSource
    from quickreply.core.packs import dump_pack

    snippets = list(generate_library(count).snippets())
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, count, PACK_SIZE):
        pack_id = f"team.p{start // PACK_SIZE:03d}"
        part = tuple(
            dataclasses.replace(s, pack_id=pack_id, code="")
            for s in snippets[start : start + PACK_SIZE]
        )
        path = folder / f"{pack_id}.yaml"
        pack = Pack(PackMeta(pack_id, f"团队包{start}"), part, path, PackSource.EXTRA)
        path.write_text(dump_pack(pack), encoding="utf-8")


def _change(folder: Path, replies: int) -> None:
    path = sorted(folder.glob("*.yaml"))[0]
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    changed = 0
    for i, line in enumerate(lines):
        if line.lstrip().startswith("text:") and changed < replies:
            lines[i] = line + "（已更新）"
            changed += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    from quickreply.benchmarks.nginx import cpu_seconds, nginx, nginx_binary
    from quickreply.core.cacheseal import Seal
    from quickreply.core.paths import AppPaths
    from quickreply.core.team.keys import create_lead_key
    from quickreply.core.team.publish import publish
    from quickreply.core.team.sync import TeamSync

    figures: dict[str, object] = {"snippets": args.snippets}
    binary = nginx_binary()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        src, www = tmp / "src", tmp / "www"
        _write_packs(src, args.snippets)
        lead = create_lead_key(tmp / "lead", "bench")
        # As `quickreply team publish` does: through the lead's sealed pack cache.
        cache_dir, seal = tmp / "lead-cache", Seal.load_or_create(tmp / "cache.key")
        started = time.perf_counter()
        result = publish(
            [src], www / "team", lead, _now, message="bench", cache_dir=cache_dir, seal=seal
        )
        figures["publish_s"] = round(time.perf_counter() - started, 3)
        print(f"publish of {args.snippets} replies (v{result.version}): {figures['publish_s']} s")
        if binary is None:
            print("nginx is not installed: web-server figures skipped (apt install nginx-light)")
            print(json.dumps(figures))
            return 0
        run_dir = tmp / "nginx"
        with nginx(binary, www, run_dir) as base:
            agent = AppPaths.from_env({"QUICKREPLY_HOME": str(tmp / "agent")})
            syncer = TeamSync(agent, _now)
            syncer.join(base + "team/", lead.team.join_code)
            started = time.perf_counter()
            first = syncer.sync()
            figures["first_sync_s"] = round(time.perf_counter() - started, 3)
            print(f"first sync: {first.line} in {figures['first_sync_s']} s")

            cpu, wall = [], []
            nginx_before = cpu_seconds(run_dir)
            for _ in range(args.checks):
                c0, w0 = time.process_time(), time.perf_counter()
                assert syncer.sync().status == "unchanged"
                cpu.append((time.process_time() - c0) * 1000)
                wall.append((time.perf_counter() - w0) * 1000)
            nginx_cpu = (cpu_seconds(run_dir) - nginx_before) / args.checks
            figures["check_cpu_ms_median"] = round(statistics.median(cpu), 2)
            figures["check_wall_ms_median"] = round(statistics.median(wall), 2)
            per_second = args.agents / args.interval
            figures["nginx_cpu_ms_per_check"] = round(nginx_cpu * 1000, 3)
            figures["nginx_core_percent_for_agents"] = round(nginx_cpu * per_second * 100, 3)
            print(
                f"unchanged check (304): {figures['check_cpu_ms_median']} ms CPU,"
                f" {figures['check_wall_ms_median']} ms wall (median of {args.checks})"
            )
            print(
                f"nginx: {figures['nginx_cpu_ms_per_check']} ms CPU per check;"
                f" {args.agents} agents every {args.interval} s:"
                f" {figures['nginx_core_percent_for_agents']}% of one core"
            )
            _change(src, 3)
            started = time.perf_counter()
            publish(
                [src],
                www / "team",
                lead,
                _now,
                message="three changed",
                cache_dir=cache_dir,
                seal=seal,
            )
            figures["republish_s"] = round(time.perf_counter() - started, 3)
            started, cpu0 = time.perf_counter(), time.process_time()
            update = syncer.sync()
            figures["update_sync_s"] = round(time.perf_counter() - started, 3)
            figures["update_sync_cpu_s"] = round(time.process_time() - cpu0, 3)
            print(
                f"republish: {figures['republish_s']} s; agent: {update.line}"
                f" {figures['update_sync_s']} s after its poll"
            )
    print(json.dumps(figures))
    return 0
