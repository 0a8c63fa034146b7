"""The `quickreply lint` subcommand (being built; see the open issue)."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rest", nargs="*")


def run(args: argparse.Namespace) -> int:
    print("quickreply lint: not available in this build yet", file=sys.stderr)
    return 2
