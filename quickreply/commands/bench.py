"""The ``quickreply bench TARGET`` subcommand: dispatches to quickreply.benchmarks.<target>."""

from __future__ import annotations

import argparse
import importlib

from quickreply.benchmarks import TARGETS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="target", metavar="TARGET", required=True)
    for name, summary in TARGETS.items():
        target_parser = sub.add_parser(name, help=summary, description=summary)
        importlib.import_module(f"quickreply.benchmarks.{name}").add_arguments(target_parser)


def run(args: argparse.Namespace) -> int:
    return int(importlib.import_module(f"quickreply.benchmarks.{args.target}").run(args))
