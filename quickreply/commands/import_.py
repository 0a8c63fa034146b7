"""The ``quickreply import FILE`` subcommand: bring another tool's phrases into a personal pack.

Reads Qianniu/旺旺 CSV, .xlsx, any spreadsheet with known headers, espanso, TextExpander or
Beeftext (core/importers), merges (合并式) or replaces (替换式) the personal pack ``--into``,
writes it atomically with a ``.bak``, prints ``N new, M updated, K skipped`` with one line per
skipped row, then lints the pack. ``--dry-run`` prints the same and writes nothing. Exit status:
1 when the file is refused (nothing written) or a row was skipped, else 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quickreply.commands.common import add_pack_options

FORMATS = ("auto", "qianniu", "xlsx", "espanso", "textexpander", "beeftext", "table")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the exported phrase file")
    parser.add_argument(
        "--format", choices=FORMATS, default="auto", help="file format (default: by its name)"
    )
    parser.add_argument(
        "--into",
        default="imported",
        metavar="PACK",
        help="personal pack id or file name to write (default: imported)",
    )
    parser.add_argument(
        "--group-prefix", default="", metavar="G", help="put every row under group G/…"
    )
    parser.add_argument("--sheet", metavar="NAME", help="the .xlsx sheet (default: the first)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--merge",
        dest="replace",
        action="store_false",
        help="合并式: add new rows, update same codes, keep the rest (default)",
    )
    mode.add_argument(
        "--replace",
        dest="replace",
        action="store_true",
        help="替换式: the pack holds exactly the file's rows",
    )
    parser.set_defaults(replace=False)
    parser.add_argument(
        "--dry-run", action="store_true", help="print what would change; write nothing"
    )
    add_pack_options(parser)


def run(args: argparse.Namespace) -> int:
    from quickreply.commands.common import app_paths, load_library_from_args
    from quickreply.core.importers import ImportFailed, read_source
    from quickreply.core.importers.plan import Change, plan_import, write_import

    paths = app_paths()
    try:
        source = read_source(args.file, args.format, sheet=args.sheet)
    except ImportFailed as failed:
        print(failed.problem, file=sys.stderr)
        return 1
    library = load_library_from_args(args, paths).library
    try:
        result = plan_import(
            source,
            library,
            paths.personal,
            into=args.into,
            replace_all=args.replace,
            group_prefix=args.group_prefix,
        )
    except ImportFailed as failed:
        print(failed.problem, file=sys.stderr)
        return 1
    for row in result.rows:
        if row.change is Change.SKIPPED:
            print(row)
    for note in result.notes:
        print(note)
    verb = "would write" if args.dry_run else "wrote"
    if not result.changed:
        verb = "nothing to write to"
    print(f"{source.path} → {result.path}: {result.summary()} ({verb} {result.path.name})")
    if result.changed and not args.dry_run:
        write_import(result)
        _lint(result.path, args)
    return 1 if result.count(Change.SKIPPED) else 0


def _lint(pack_path: Path, args: argparse.Namespace) -> None:
    """Lint the library with the new pack: its errors one per line, its warnings counted."""
    from quickreply.commands.common import app_paths, pack_dirs
    from quickreply.core.lint import lint_sources
    from quickreply.core.yamlread import display_path

    report = lint_sources(pack_dirs(args, app_paths()))
    shown = display_path(pack_path)
    mine = [p for p in report.problems if p.path == shown]
    errors = [p for p in mine if p.is_error]
    for problem in errors:
        print(problem)
    warnings = len(mine) - len(errors)
    more = f" (see them with: quickreply lint {shown})" if warnings else ""
    print(f"lint {shown}: {len(errors)} error(s), {warnings} warning(s){more}")
