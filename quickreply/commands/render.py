"""The ``quickreply render ID`` subcommand: print one snippet rendered with the shop profile.

``ID`` is a snippet id or its shortcut code. Fill-in fields come from ``--set name=value``
(repeatable) or their defaults; ``--variant N`` renders that variant instead of a random one;
``--now "YYYY-MM-DD HH:MM"`` fixes the clock so a lead can check how a reply reads at the
cut-off or on the last day of a promotion. On success the reply is the only output; otherwise
one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from quickreply.commands.common import (
    add_pack_options,
    app_paths,
    cached_loader,
    pack_dirs,
    shop_path,
)

NOW_FORMAT = "%Y-%m-%d %H:%M"


class _Fail(Exception):
    """One line for stderr."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="snippet id or shortcut code")
    parser.add_argument(
        "--set",
        dest="values",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a fill-in field's value (repeatable), e.g. --set amount=150 --set region=新疆",
    )
    parser.add_argument(
        "--now", metavar='"YYYY-MM-DD HH:MM"', help="render as if it were this local time"
    )
    parser.add_argument(
        "--variant",
        type=int,
        metavar="N",
        help="render variant N (1 = the first) instead of a random one",
    )
    add_pack_options(parser)


def run(args: argparse.Namespace) -> int:
    try:
        print(_render(args))
    except _Fail as fail:
        print(f"quickreply render: {fail}", file=sys.stderr)
        return 1
    return 0


def _render(args: argparse.Namespace) -> str:
    from quickreply.core.problems import did_you_mean
    from quickreply.core.render import Renderer, RenderError
    from quickreply.core.shop import load_shop

    now = _parse_now(args.now)
    values = _parse_values(args.values)
    paths = app_paths()
    library = cached_loader(paths)(pack_dirs(args, paths)).library
    snippet = library.get(args.id) or library.by_code(args.id)
    if snippet is None:
        names = [s.id for s in library.snippets()] + [s.code for s in library.snippets() if s.code]
        hint = did_you_mean(args.id, names) or "run 'quickreply search WORDS' to find its id"
        if library.problems:
            hint += f"; {len(library.problems)} problems loading packs: run 'quickreply lint'"
        raise _Fail(f"no snippet with id or code '{args.id}' ({hint})")

    shop = None
    path = shop_path(args, paths)
    if path is not None:
        shop, problems = load_shop(path)
        errors = [p for p in problems if p.is_error]
        if shop is None or errors:
            first = errors[0] if errors else problems[0]
            more = (
                f" (and {len(errors) - 1} more: run 'quickreply lint')" if len(errors) > 1 else ""
            )
            raise _Fail(f"{first}{more}")

    declared = [f.name for f in snippet.fields]
    for name in values:
        if name not in declared:
            hint = did_you_mean(name, declared) or (
                "its fields: " + ", ".join(declared) if declared else "it has no fields"
            )
            raise _Fail(f"snippet {snippet.id} has no field '{name}' ({hint})")

    renderer = Renderer(shop, lambda: now)
    missing = renderer.missing_fields(snippet, values)
    if missing:
        field = missing[0]
        raise _Fail(
            f"snippet {snippet.id}: field '{field.name}' ({field.label}) has no value"
            f" (add --set {field.name}=VALUE)"
        )
    try:
        if args.variant is not None:
            count = len(snippet.variants)
            if not 1 <= args.variant <= count:
                hint = f"give --variant 1 to {count}" if count else "leave out --variant"
                raise _Fail(
                    f"snippet {snippet.id} has {count} variant(s), not {args.variant} ({hint})"
                )
            return renderer.render_variant(snippet, args.variant - 1, values)
        return renderer.render(snippet, values)
    except RenderError as err:
        raise _Fail(str(err)) from None


def _parse_now(text: str | None) -> datetime:
    if text is None:
        return datetime.now()
    try:
        return datetime.strptime(" ".join(text.split()), NOW_FORMAT)
    except ValueError:
        raise _Fail(
            f'--now {text!r}: expected "YYYY-MM-DD HH:MM", e.g. "2026-11-11 15:30"'
        ) from None


def _parse_values(items: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise _Fail(f"--set {item!r}: expected NAME=VALUE, e.g. --set amount=150")
        values[name.strip()] = value
    return values
