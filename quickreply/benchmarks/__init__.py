"""The ``quickreply bench TARGET`` subcommand: dispatches to one module per target.

Each target module (``quickreply.benchmarks.<target>``) has ``add_arguments(parser)`` and
``run(args) -> int``; it prints human-readable lines and, as its last line, one JSON object with
its figures, so scripts and the closing notes can quote them. The subcommand lives here rather
than in ``quickreply.commands`` because benchmarks sit above the commands (``bench stats`` times
``quickreply stats``), and the commands never import the benchmarks (pyproject.toml's
import-linter contracts).
"""

from __future__ import annotations

import argparse
import importlib

TARGETS: dict[str, str] = {
    "search": "per-keystroke search latency on a generated or given library",
    "startup": "process start to palette ready, and resident memory",
    "paste": "hotkey or palette Enter to text in a target window (X11/Xvfb)",
    "timers": "cost of the wait-timer panel's tick with many conversations",
    "stats": "KPI query time on a year of replies",
    "team": "team packs: publish, sync, and the unchanged 304 check against a real nginx",
    "report": "quickreply team report over a generated drop (agents x days of daily files)",
    "board": "the 团队看板 window over a generated drop: first open, second open, a filter",
    "drill": "the drill: question to palette ready, keystrokes, scoring over past attempts",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="target", metavar="TARGET", required=True)
    for name, summary in TARGETS.items():
        target_parser = sub.add_parser(name, help=summary, description=summary)
        importlib.import_module(f"quickreply.benchmarks.{name}").add_arguments(target_parser)


def run(args: argparse.Namespace) -> int:
    return int(importlib.import_module(f"quickreply.benchmarks.{args.target}").run(args))
