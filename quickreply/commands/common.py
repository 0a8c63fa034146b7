"""What every CLI command shares: where the packs are (``--pack``/``--shop``, the environment).

:func:`add_pack_options` adds ``--pack`` and ``--shop``; :func:`app_paths`, :func:`pack_dirs`
and :func:`shop_path` turn them and the environment into folders. Commands call
:func:`load_library_from_args` so that ``--pack`` works the same everywhere and loading problems
are always shown (on stderr, one line each, :func:`print_problems`) instead of silently dropped.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    # cli.py imports this module for every start, ``--help`` and the app included: the core
    # (YAML, platformdirs) is imported by the functions below, when a command runs.
    from quickreply.core.libcache import CachedLibrary
    from quickreply.core.packs import PackDir
    from quickreply.core.paths import AppPaths
    from quickreply.core.problems import Problem


def add_pack_options(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """``--pack`` / ``--shop``: on the main parser and again on each subcommand that reads packs.

    On a subcommand the defaults are SUPPRESS, so that its own empty default does not overwrite
    a value given before the subcommand's name (argparse copies the subparser's namespace over
    the parent's).
    """
    parser.add_argument(
        "--pack",
        action="append",
        type=Path,
        default=[] if top_level else argparse.SUPPRESS,
        metavar="PATH",
        help="also load this pack file or folder (repeatable)",
    )
    parser.add_argument(
        "--shop",
        type=Path,
        default=None if top_level else argparse.SUPPRESS,
        metavar="PATH",
        help="shop profile to use",
    )


def app_paths(env: Mapping[str, str] | None = None) -> AppPaths:
    from quickreply.core.paths import AppPaths

    return AppPaths.from_env(env)


def extra_packs(args: argparse.Namespace) -> list[Path]:
    return [Path(p) for p in (getattr(args, "pack", None) or [])]


def pack_dirs(args: argparse.Namespace, paths: AppPaths) -> list[PackDir]:
    """Shipped, team, personal, then every ``--pack``: the library's precedence order."""
    from quickreply.core.packs import default_dirs

    return default_dirs(paths, extra_packs(args))


def shop_path(args: argparse.Namespace, paths: AppPaths) -> Path | None:
    """``--shop`` if given, else the profile in force (team's, else shipped), if it exists.

    lexists, not is_file: a team shop.yaml that is a FIFO or a symlink loop is read, so the
    command says what is wrong with it in one line instead of going on without a profile.
    """
    given: Path | None = getattr(args, "shop", None)
    if given is not None:
        return given
    return paths.shop_file if os.path.lexists(paths.shop_file) else None


def print_problems(problems: Iterable[Problem], stream: TextIO | None = None) -> None:
    out = sys.stderr if stream is None else stream
    for problem in problems:
        print(problem, file=out)


def cached_loader(paths: AppPaths) -> Callable[[Sequence[PackDir]], CachedLibrary]:
    """Loads pack folders through the app's caches: the pack cache in ``paths.cache``, sealed
    with the install's key (core/libcache.py, core/cacheseal.py).

    Unchanged pack files come from the cache with the same problems a fresh load reports; a
    37,000-reply pack then costs ~0.3 s instead of seconds of YAML. Every command that reads
    packs loads them through this, as the app does.
    """
    from quickreply.core.cacheseal import Seal
    from quickreply.core.libcache import load_library_cached
    from quickreply.core.packs import PackDir
    from quickreply.core.team.local import load_one_version

    seal = Seal.load_or_create(paths.cache_key_file)

    def load(dirs: Sequence[PackDir]) -> CachedLibrary:
        def at(team: Path) -> CachedLibrary:
            moved = [PackDir(team, d.source) if d.path == paths.team else d for d in dirs]
            return load_library_cached(moved, paths.cache, seal)

        # A team sync may switch the team folder meanwhile: never keep a mixture of versions.
        return load_one_version(paths.team, at)

    return load


def load_library_from_args(
    args: argparse.Namespace, paths: AppPaths | None = None, stream: TextIO | None = None
) -> CachedLibrary:
    """Load the library the way the app would (:func:`cached_loader`), printing its loading
    problems to stderr. The fingerprint keys the search index cache, as in the app, so the
    index is not hashed snippet by snippet again.
    """
    paths = paths or app_paths()
    loaded = cached_loader(paths)(pack_dirs(args, paths))
    print_problems(loaded.library.problems, stream)
    return loaded
