"""The ``quickreply search QUERY`` subcommand: ranked results as the palette shows them.

Prints one row per hit (code, title, group, first line of text) in columns aligned for CJK
(wide characters count as two cells), or ``--json``. Usage counts from the stats store break
ties exactly as in the palette; the index comes from the on-disk cache when it is current.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from typing import TYPE_CHECKING

from quickreply.commands.common import add_pack_options


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", metavar="QUERY", help="what the agent would type")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results")
    parser.add_argument("--json", action="store_true", help="print JSON instead of columns")
    add_pack_options(parser)


def cell_width(text: str) -> int:
    """Terminal cells: East Asian wide/fullwidth characters take two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells (with …) and padded to exactly that many."""
    if cell_width(text) > width:
        out = ""
        for ch in text:
            if cell_width(out + ch) > width - 1:
                break
            out += ch
        text = out + "…"
    return text + " " * (width - cell_width(text))


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def run(args: argparse.Namespace) -> int:
    from quickreply.commands.common import app_paths, load_library_from_args, print_problems
    from quickreply.core.cacheseal import Seal
    from quickreply.core.search import SearchIndex
    from quickreply.core.stats import StatsStore

    if args.limit < 1:
        print("quickreply search: --limit: must be at least 1 (e.g. --limit 10)", file=sys.stderr)
        return 2
    paths = app_paths()
    loaded = load_library_from_args(args, paths)
    store = StatsStore(paths.stats_file) if paths.stats_file.exists() else StatsStore(None)
    try:
        usage = store.usage()
    finally:
        store.close()
    print_problems(store.problems)
    seal = Seal.load_or_create(paths.cache_key_file)
    index = SearchIndex.load_or_build(
        loaded.library,
        paths.cache,
        usage,
        key=loaded.fingerprint,
        seal=seal,
        synonyms=_synonyms(paths),
    )
    hits = index.search(" ".join(args.query), limit=args.limit)

    if args.json:
        rows = [
            {
                "id": h.snippet.id,
                "code": h.snippet.code,
                "title": h.snippet.title,
                "group": h.snippet.group,
                "text": first_line(h.snippet.text),
                "score": h.score,
                "why": h.why,
            }
            for h in hits
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0 if hits else 1
    if not hits:
        print("没有找到匹配的话术 (no match)", file=sys.stderr)
        return 1
    code_w = max(4, *(cell_width(h.snippet.code) for h in hits))
    title_w = min(24, max(cell_width(h.snippet.title) for h in hits))
    group_w = min(16, max(4, *(cell_width(h.snippet.group) for h in hits)))
    for h in hits:
        s = h.snippet
        line = "  ".join(
            (fit(s.code, code_w), fit(s.title, title_w), fit(s.group, group_w), first_line(s.text))
        )
        print(line.rstrip())
    return 0


if TYPE_CHECKING:
    from quickreply.core.paths import AppPaths
    from quickreply.core.search.synonyms import Synonyms


def _synonyms(paths: AppPaths) -> Synonyms:
    """The shipped synonyms and the shop's own (its problems are for ``quickreply lint``)."""
    from quickreply.core.search.synonyms import Synonyms
    from quickreply.core.shop import load_shop

    shop = load_shop(paths.shop_file)[0] if paths.shop_file.is_file() else None
    return Synonyms.with_shop(shop.synonyms if shop else ())
