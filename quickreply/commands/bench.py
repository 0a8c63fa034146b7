"""The ``quickreply bench TARGET`` subcommand: dispatches to quickreply.benchmarks.<target>."""

from __future__ import annotations

import argparse
import importlib
import sys

from quickreply.benchmarks import TARGETS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="target", metavar="TARGET", required=True)
    for name, summary in TARGETS.items():
        target_parser = sub.add_parser(name, help=summary, description=summary)
        try:
            module = importlib.import_module(f"quickreply.benchmarks.{name}")
        except ModuleNotFoundError:
            continue
        module.add_arguments(target_parser)


def run(args: argparse.Namespace) -> int:
    try:
        module = importlib.import_module(f"quickreply.benchmarks.{args.target}")
    except ModuleNotFoundError:
        print(f"quickreply bench: '{args.target}' is not available in this build", file=sys.stderr)
        return 2
    return int(module.run(args))
