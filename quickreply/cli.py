"""Command line: no subcommand starts the app; lint, render, search, bench, stats are subcommands.

Each subcommand lives in ``quickreply.commands.<name>`` with ``add_arguments(parser)`` and
``run(args) -> int``. Those modules import their heavy dependencies inside ``run`` so that
``quickreply --help`` and the app's start-up stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from quickreply import __version__

SUBCOMMANDS: dict[str, str] = {
    "lint": "check packs and the shop profile; exit 1 on errors",
    "render": "print one snippet rendered with the shop profile",
    "search": "print ranked results as the palette would show them",
    "bench": "measure search, start-up or paste latency",
    "stats": "print daily response-time figures",
}

VIEWS = ("palette", "library", "timers", "settings", "trainee")


def add_library_options(parser: argparse.ArgumentParser) -> None:
    """Options every command that reads packs shares."""
    parser.add_argument(
        "--pack",
        action="append",
        type=Path,
        default=[],
        metavar="PATH",
        help="also load this pack file or folder (repeatable)",
    )
    parser.add_argument("--shop", type=Path, metavar="PATH", help="shop profile to use")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quickreply",
        description="快捷回复助手 QuickReply: quick replies for e-commerce chat agents.",
    )
    parser.add_argument("--version", action="version", version=f"quickreply {__version__}")
    add_library_options(parser)
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE", help="render a window to PNG offscreen and exit"
    )
    parser.add_argument("--view", choices=VIEWS, default="library", help="window for --screenshot")
    parser.add_argument("--lang", metavar="LOCALE", help="UI language: zh_CN, zh_TW or en")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, summary in SUBCOMMANDS.items():
        module = importlib.import_module(f"quickreply.commands.{name}")
        sub_parser = sub.add_parser(name, help=summary, description=summary)
        module.add_arguments(sub_parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from quickreply import app

            return app.run(args)
        module = importlib.import_module(f"quickreply.commands.{args.command}")
        return int(module.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `quickreply search … | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0
