"""The ``quickreply lint [PATH ...]`` subcommand: check packs, shop profiles and exam files.

Prints each problem on one line on stdout, then a summary line. Exit status: 1 when there is an
error (or a warning with ``--strict``), else 0. With no PATH it lints the whole library (shipped,
team, personal and ``--pack``), the shop profile in force and the exam files beside the packs;
an exam file given alone is checked against the whole library.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quickreply.commands.common import (
    add_pack_options,
    app_paths,
    cached_loader,
    extra_packs,
    pack_dirs,
    shop_path,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="pack files, folders, shop.yaml or *.exam.yaml (default: the whole library)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    add_pack_options(parser)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def run(args: argparse.Namespace) -> int:
    from quickreply.core.lint import lint_sources, split_paths
    from quickreply.core.training.exam import exam_files, is_exam_file

    paths: list[Path] = args.paths
    app = app_paths()
    if paths:
        given_paths = [*paths, *extra_packs(args)]
        exams = exam_files(given_paths)
        dirs, shops = split_paths([p for p in given_paths if not is_exam_file(p)])
        if not dirs and exams:
            dirs = pack_dirs(args, app)  # an exam alone is checked against the whole library
        given = getattr(args, "shop", None)
        if given is not None:
            shops.append(given)
        label = " ".join(str(p) for p in paths)
    else:
        dirs = pack_dirs(args, app)
        exams = exam_files([*app.exam_dirs, *extra_packs(args)])
        shop = shop_path(args, app)
        shops = [shop] if shop is not None else []
        label = "library"
    load = cached_loader(app)
    report = lint_sources(dirs, shops, load=lambda folders: load(folders).library, exams=exams)
    if report.problems:
        # One write: 74,000 warnings printed line by line cost seconds on their own.
        sys.stdout.write("".join(f"{problem}\n" for problem in report.problems))
    library = report.library
    if not report.problems:
        packs = len(library.packs)
        print(
            f"{label}: {_plural(len(library), 'snippet')} in {_plural(packs, 'pack')}, no problems"
        )
        return 0
    errors = report.errors
    warnings = len(report.problems) - errors
    print(
        f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
        f" in {_plural(report.files_with_problems, 'file')}"
    )
    if errors or (args.strict and warnings):
        return 1
    return 0
