"""The ``quickreply export --format qianniu|xlsx OUT`` subcommand: phrases for the platforms.

Renders every reply of the library (or of ``--pack`` only) with the shop profile, one row per
variant, and writes a Qianniu CSV in GBK or an .xlsx. Replies left out (fields without defaults,
template errors), rows over Qianniu's limits and characters GBK cannot hold are printed, one
line each, on stderr. ``--now`` fixes the clock, as in ``quickreply render``.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from quickreply.commands.common import add_pack_options


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", type=Path, metavar="OUT", help="file to write (.csv or .xlsx)")
    parser.add_argument("--format", choices=("qianniu", "xlsx"), required=True)
    parser.add_argument(
        "--now", metavar='"YYYY-MM-DD HH:MM"', help="render as if it were this local time"
    )
    add_pack_options(parser)


def run(args: argparse.Namespace) -> int:
    from quickreply.commands.common import app_paths, extra_packs, pack_dirs, shop_path
    from quickreply.core.exporters.qianniu import write_qianniu
    from quickreply.core.exporters.rows import export_rows
    from quickreply.core.exporters.xlsx import write_xlsx
    from quickreply.core.packs import load_library
    from quickreply.core.render import Renderer
    from quickreply.core.shop import load_shop

    try:
        now = datetime.strptime(" ".join(args.now.split()), "%Y-%m-%d %H:%M") if args.now else None
    except ValueError:
        print(
            f'quickreply export: --now {args.now!r}: expected "YYYY-MM-DD HH:MM"', file=sys.stderr
        )
        return 2
    paths = app_paths()
    library = load_library(pack_dirs(args, paths))
    for problem in dict.fromkeys(library.problems):
        print(problem, file=sys.stderr)
    packs = library.packs
    chosen = [p.resolve() for p in extra_packs(args)]
    if chosen:
        # A --pack that is also a personal pack loads as personal: select by path, not source.
        packs = tuple(
            p
            for p in packs
            for c in chosen
            if p.path.resolve() == c or c in p.path.resolve().parents
        )
    shop = None
    shop_file = shop_path(args, paths)
    if shop_file is not None:
        shop, shop_problems = load_shop(shop_file)
        for problem in shop_problems:
            print(problem, file=sys.stderr)
    renderer = Renderer(shop, (lambda: now) if now else datetime.now)
    rows, problems = export_rows(packs, renderer)
    try:
        if args.format == "qianniu":
            problems += write_qianniu(rows, args.out)
        else:
            write_xlsx(rows, args.out)
    except OSError as err:
        print(f"{args.out}:1: cannot write the file ({err.strerror})", file=sys.stderr)
        return 1
    for problem in problems:
        print(problem, file=sys.stderr)
    left_out = sum(1 for p in problems if "left out" in p.message)
    print(f"{args.out}: {len(rows)} rows written, {left_out} replies left out")
    return 0
