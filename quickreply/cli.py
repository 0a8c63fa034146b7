"""Command line: no subcommand starts the app; lint, render, search, import … are subcommands.

Each subcommand lives in its own module (:func:`subcommand_module`: ``quickreply.commands.<name>``,
and ``quickreply.benchmarks`` for ``bench``) with ``add_arguments(parser)`` and
``run(args) -> int``. Only the module of a subcommand named on the command line is imported
(``quickreply --help`` lists them from :data:`SUBCOMMANDS`), and those modules import their heavy
dependencies inside ``run``, so that ``--help`` and the app's start-up stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from quickreply import package_version
from quickreply.commands.common import add_pack_options

SUBCOMMANDS: dict[str, str] = {
    "lint": "check packs and the shop profile; exit 1 on errors",
    "render": "print one snippet rendered with the shop profile",
    "search": "print ranked results as the palette would show them",
    "bench": "measure search, start-up or paste latency",
    "stats": "print daily response-time figures",
    "import": "import Qianniu CSV, .xlsx, espanso, TextExpander or Beeftext into a personal pack",
    "export": "write the replies as a Qianniu CSV (GBK) or .xlsx, rendered with the shop",
    "team": "team packs: init and publish (leads), join, sync and status (agents); report (leads)",
    "drill": "a timed drill in the terminal (the app's 新人训练 is the real one)",
}

VIEWS = (
    "palette",
    "palette-search",
    "palette-image",
    "library",
    "editor",
    "timers",
    "timers-busy",
    "settings",
    "settings-lower",
    "trainee",
    "drill",
    "exam",
    "progress",
    "teamboard",
    "teamboard-exams",
)


def subcommand_module(name: str) -> str:
    """The module implementing subcommand ``name`` (the benchmarks sit above the commands;
    ``import`` is a Python keyword, so its module is ``import_``)."""
    if name == "bench":
        return "quickreply.benchmarks"
    return f"quickreply.commands.{'import_' if name == 'import' else name}"


class _VersionAction(argparse.Action):
    """``--version``: the version comes from the package metadata, read only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"quickreply {package_version()}")  # stdout, like argparse's own version action
        parser.exit()


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser; subcommands named in ``argv`` get their own options (importing their module).

    A name that is really an option's value (``--pack lint``) only costs one import.
    """
    parser = argparse.ArgumentParser(
        prog="quickreply",
        description="快捷回复助手 QuickReply: quick replies for e-commerce chat agents.",
    )
    parser.add_argument("--version", action=_VersionAction, help="print the version and exit")
    add_pack_options(parser, top_level=True)
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE", help="render a window to PNG offscreen and exit"
    )
    parser.add_argument("--view", choices=VIEWS, default="library", help="window for --screenshot")
    parser.add_argument("--lang", metavar="LOCALE", help="UI language: zh_CN, zh_TW or en")
    # The app's own background helper (app/loading.py): fill the caches, print progress, exit;
    # the number is the budget the app's first stage had, so both plan the same stages.
    parser.add_argument(
        "--build-caches", nargs="?", type=int, const=-1, metavar="BUDGET", help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--theme", choices=("light", "dark"), help="theme for --screenshot (default: settings)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, summary in SUBCOMMANDS.items():
        sub_parser = sub.add_parser(name, help=summary, description=summary)
        if name in argv:
            importlib.import_module(subcommand_module(name)).add_arguments(sub_parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
    try:
        if args.command is None:
            from quickreply import app

            return app.run(args)
        module = importlib.import_module(subcommand_module(args.command))
        return int(module.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `quickreply search … | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0
