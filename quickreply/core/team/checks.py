"""Linting a team version: rules across files on every reply, per-reply rules on changed files.

A version's files that are byte for byte those of the version before (same SHA-256) already
passed every rule when that version was published and installed; the per-reply rules (templates,
claims, first contact, docs), which cost about 1 ms a reply, run only on the packs that changed.
The rules that look across files (shortcut codes, hotkeys, titles) and loading itself (schema,
duplicate ids) always cover the whole version. The lead's publish reads the packs through the
pack cache (``core/libcache.py``), so an unchanged file is not parsed again either.

The pictures image replies paste travel in the version (``core/team/pictures.py``) and are
checked on every publish and sync, changed pack or not: a picture can change, or be missing from
the version, while the pack naming it stays byte for byte the same.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import datetime
from pathlib import Path

from quickreply.core.cacheseal import Seal
from quickreply.core.lint import (
    RULES,
    check_codes,
    check_hotkeys,
    check_images,
    check_titles,
    lint_library,
)
from quickreply.core.model import Library, PackSource
from quickreply.core.packs import PackDir, load_library
from quickreply.core.problems import Problem
from quickreply.core.shop import ShopProfile, load_shop
from quickreply.core.team.manifest import SHOP_FILE, is_image_path
from quickreply.core.training.exam import is_exam_file, lint_exams

ACROSS_FILES = (check_codes, check_hotkeys, check_titles)
EVERY_TIME = (*ACROSS_FILES, check_images)
PER_REPLY = tuple(rule for rule in RULES if rule not in EVERY_TIME)


def lint_version(
    files: Mapping[str, Path],
    changed: Collection[str],
    clock: Callable[[], datetime],
    *,
    cache_dir: Path | None = None,
    seal: Seal | None = None,
) -> tuple[Library, list[Problem]]:
    """Load the packs among ``files`` (relative path -> file) and lint them; ``changed`` are
    the relative paths whose per-reply rules must run (all of them for a first version)."""
    exams = [path for _rel, path in sorted(files.items()) if is_exam_file(path)]
    dirs = [
        PackDir(path, PackSource.TEAM)
        for rel, path in sorted(files.items())
        if rel != SHOP_FILE and not is_exam_file(path) and not is_image_path(rel)
    ]
    if cache_dir is not None and seal is not None:
        from quickreply.core.libcache import load_library_cached

        library = load_library_cached(dirs, cache_dir, seal).library
    else:
        library = load_library(dirs)
    problems = list(library.problems)
    shop: ShopProfile | None = None
    if SHOP_FILE in files:
        shop, shop_problems = load_shop(files[SHOP_FILE])
        problems += shop_problems
    problems += lint_library(library, shop, clock=clock, rules=EVERY_TIME)
    fresh = {files[rel] for rel in changed if rel in files}
    if SHOP_FILE in changed:
        fresh = set(files.values())  # every template may read the shop profile
    subset = Library(tuple(p for p in library.packs if p.path in fresh))
    problems += lint_library(subset, shop, clock=clock, rules=PER_REPLY)
    problems += lint_exams(exams, library)  # an exam naming a reply not in this version
    unique = list(dict.fromkeys(problems))
    return library, sorted(unique, key=lambda p: (p.path, p.line))
