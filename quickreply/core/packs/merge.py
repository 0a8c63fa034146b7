"""Merging the packs of every folder into one Library, by precedence.

Packs load in the order shipped, team, personal, extra (see docs/architecture.md). A pack id or
snippet id already loaded is reported with both locations and the later one is skipped; a
shortcut code already used is reported with both locations and both snippets stay (the code
belongs to the first, which is what ``Library.by_code`` returns).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from quickreply.core.model import Library, Pack, PackSource, Snippet
from quickreply.core.packs.folders import PackDir, dir_files, same_file_key
from quickreply.core.packs.reader import load_pack
from quickreply.core.packs.reports import code_clash_problem, duplicate_id_problem
from quickreply.core.problems import Problem
from quickreply.core.userfile import display_path

PackLoader = Callable[[Path, PackSource], tuple[Pack | None, list[Problem]]]


def load_library(dirs: Sequence[PackDir], load: PackLoader = load_pack) -> Library:
    """Load every pack in precedence order and merge them; problems go in Library.problems.

    ``load`` reads one file (core/libcache.py passes a cached reader so start-up skips YAML).
    """
    problems: list[Problem] = []
    packs: list[Pack] = []
    seen_files: set[Path] = set()
    pack_ids: dict[str, Pack] = {}
    by_id: dict[str, Snippet] = {}
    by_code: dict[str, Snippet] = {}
    for pack_dir in dirs:
        for file in dir_files(pack_dir, problems):
            key = same_file_key(file)
            if key in seen_files:
                continue
            seen_files.add(key)
            pack, file_problems = load(file, pack_dir.source)
            problems += file_problems
            if pack is None:
                continue
            first_pack = pack_ids.get(pack.meta.id)
            if first_pack is not None:
                problems.append(
                    Problem(
                        display_path(pack.path),
                        1,
                        f"pack '{pack.meta.id}'",
                        f"pack id '{pack.meta.id}' is already used by"
                        f" {display_path(first_pack.path)}",
                        "give each pack its own id; this one is skipped",
                    )
                )
                continue
            pack_ids[pack.meta.id] = pack
            kept: list[Snippet] = []
            for snippet in pack.snippets:
                first = by_id.get(snippet.id)
                if first is not None:
                    problems.append(duplicate_id_problem(snippet, first))
                    continue
                by_id[snippet.id] = snippet
                kept.append(snippet)
                if snippet.code:
                    owner = by_code.setdefault(snippet.code, snippet)
                    if owner is not snippet:
                        problems.append(code_clash_problem(snippet, owner))
            if len(kept) != len(pack.snippets):
                pack = Pack(pack.meta, tuple(kept), pack.path, pack.source)
            packs.append(pack)
    return Library(tuple(packs), tuple(problems))
