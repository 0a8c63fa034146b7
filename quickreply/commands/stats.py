"""The ``quickreply stats`` subcommand: daily response-time figures from the KPI store.

``quickreply stats [--from DATE] [--to DATE] [--csv [OUT]]`` prints one row per day with
replies (default: the last 7 days) and a total. ``--usage`` prints per reply instead: its
title and group, uses and days used in the range (default: the last 30 days), and when it was
last used, most used first, then the replies never used (an agent's own export, for an agent
who shares nothing with a team). ``--csv`` writes UTF-8 with a byte-order mark so Excel opens
the Chinese right, to OUT or to stdout (``-`` or no OUT: ``quickreply stats --csv > kpi.csv``).
"""

from __future__ import annotations

import argparse
import csv
import io
import sqlite3
import sys
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TextIO

from quickreply.commands.common import add_pack_options
from quickreply.core.kpi import DayFigures, KpiError, KpiStore
from quickreply.core.model import Library
from quickreply.core.problems import Problem

HEADERS = (
    "日期",
    "回复数",
    "首响次数",
    "首响平均(秒)",
    "平均响应(秒)",
    "3分钟响应率(%)",
    "30秒应答率(%)",
    "慢响应",
)
USAGE_HEADERS = ("话术", "标题", "分组", "使用次数", "使用天数", "最后使用")
TOTAL_LABEL = "合计"
DEFAULT_DAYS = 7
USAGE_DAYS = 30


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", metavar="DATE", help="first day, YYYY-MM-DD")
    parser.add_argument("--to", dest="end", metavar="DATE", help="last day, YYYY-MM-DD (today)")
    parser.add_argument(
        "--csv",
        nargs="?",
        const="-",
        metavar="OUT",
        help="CSV with a BOM, for Excel: to OUT, or to stdout (- or no OUT)",
    )
    parser.add_argument(
        "--usage", action="store_true", help="per reply: uses, days used, last used (30 days)"
    )
    parser.add_argument("--db", type=Path, metavar="PATH", help="KPI database (the app's)")
    add_pack_options(parser)


def _parse_day(text: str, option: str) -> date | Problem:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return Problem(
            "quickreply stats",
            0,
            option,
            f"'{text}' is not a date",
            "write it as YYYY-MM-DD, e.g. 2024-11-11",
        )


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}"


def row_of(fig: DayFigures) -> list[str]:
    return [
        fig.day.isoformat() if fig.day else TOTAL_LABEL,
        str(fig.replies),
        str(fig.first_responses),
        _seconds(fig.first_response_avg),
        _seconds(fig.response_avg),
        _percent(fig.within_3min),
        _percent(fig.within_30s),
        str(fig.slow),
    ]


def _width(text: str) -> int:
    # CJK characters take two terminal columns.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_table(
    rows: list[list[str]], headers: tuple[str, ...] = HEADERS, text_columns: int = 1
) -> str:
    """Columns padded by display width: the first ``text_columns`` left, numbers right."""
    table = [list(headers), *[[cell or "-" for cell in row] for row in rows]]
    widths = [max(_width(row[i]) for row in table) for i in range(len(headers))]
    lines = []
    for row in table:
        cells = [c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)]
        for i in range(text_columns, len(row)):
            cells[i] = " " * (widths[i] - _width(row[i])) + row[i]
        lines.append("  ".join(cells).rstrip() if text_columns > 1 else "  ".join(cells))
    return "\n".join(lines)


def format_csv(rows: list[list[str]], headers: tuple[str, ...] = HEADERS) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def collect(store: KpiStore, start: date, end: date) -> list[list[str]]:
    """Day rows plus a total row (when more than one day has replies). Raises KpiError."""
    days = store.daily(start, end)
    rows = [row_of(d) for d in days]
    if len(days) > 1:
        rows.append(row_of(store.total(start, end)))
    return rows


def run(
    args: argparse.Namespace,
    *,
    clock: Callable[[], datetime] = datetime.now,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    today = clock().date()
    days = USAGE_DAYS if args.usage else DEFAULT_DAYS
    end: date | Problem = _parse_day(args.end, "--to") if args.end else today
    start: date | Problem = (
        _parse_day(args.start, "--from")
        if args.start
        else (end - timedelta(days=days - 1) if isinstance(end, date) else today)
    )
    for value in (start, end):
        if isinstance(value, Problem):
            print(value, file=err)
            return 2
    assert isinstance(start, date) and isinstance(end, date)
    if start > end:
        print(
            Problem(
                "quickreply stats",
                0,
                "--from",
                f"{start} is after --to {end}",
                "swap the dates",
            ),
            file=err,
        )
        return 2

    if args.usage:
        return _usage(args, start, end, clock, out, err)
    if args.db is not None:
        path = args.db
    else:
        from quickreply.core.paths import AppPaths

        path = AppPaths.from_env().kpi_file
    rows: list[list[str]] = []
    if path.exists():
        store = KpiStore(path, clock, repair=False)
        try:
            rows = collect(store, start, end)
        except KpiError as error:
            print(error.problem, file=err)
            return 1
        finally:
            store.close()
    if args.csv:
        return _write_csv(format_csv(rows), args.csv, out, err)
    if not rows:
        print(f"no replies recorded from {start} to {end}", file=err)
        return 0
    print(format_table(rows), file=out)
    return 0


def _write_csv(data: bytes, target: str, out: TextIO, err: TextIO) -> int:
    """To stdout for ``-``, else to the file (atomically, the old one kept as .bak)."""
    if target == "-":
        if out is sys.stdout:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            out.write(data.decode("utf-8"))
        return 0
    from quickreply.core.atomic import write_atomic

    try:
        write_atomic(Path(target), data)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        print(
            Problem(
                target,
                0,
                "--csv",
                f"cannot write ({reason})",
                "give a file in a folder you can write to",
            ),
            file=err,
        )
        return 1
    return 0


def _when(value: datetime | None) -> str:
    if value is None:
        return ""
    return (value.astimezone() if value.tzinfo else value).strftime("%Y-%m-%d %H:%M")


def usage_rows(
    uses: dict[str, tuple[int, int]],
    last_used: dict[str, datetime],
    library: Library,
) -> list[list[str]]:
    """One row per reply: the used ones most used first, then the library's unused ones."""
    snippets = {s.id: s for s in library.snippets()}
    used = sorted(uses.items(), key=lambda kv: (-kv[1][0], kv[0]))
    unused = sorted(set(snippets) - set(uses))
    rows = []
    for sid, (count, days) in [*used, *((sid, (0, 0)) for sid in unused)]:
        snippet = snippets.get(sid)
        when = last_used.get(sid)
        rows.append(
            [
                sid,
                snippet.title if snippet else "",
                snippet.group if snippet else "（不在话术库中）",
                str(count),
                str(days),
                _when(when),
            ]
        )
    return rows


def _usage(
    args: argparse.Namespace,
    start: date,
    end: date,
    clock: Callable[[], datetime],
    out: TextIO,
    err: TextIO,
) -> int:
    from quickreply.commands.common import app_paths, load_library_from_args
    from quickreply.core.stats import StatsStore

    paths = app_paths()
    library = load_library_from_args(args, paths, err).library
    uses: dict[str, tuple[int, int]] = {}
    last_used: dict[str, datetime] = {}
    if paths.stats_file.exists():
        try:
            store = StatsStore.open_read_only(paths.stats_file)
        except sqlite3.Error as error:
            print(
                Problem(
                    str(paths.stats_file),
                    0,
                    "usage store",
                    f"cannot be read ({error})",
                    "start QuickReply once: it repairs or replaces the file",
                ),
                file=err,
            )
            return 1
        try:
            uses = store.uses_between(start, end)
            last_used = {sid: u.last_used for sid, u in store.usage().items()}
        finally:
            store.close()
        if store.problems:
            print(store.problems[0], file=err)
            return 1
    rows = usage_rows(uses, last_used, library)
    if args.csv:
        return _write_csv(format_csv(rows, USAGE_HEADERS), args.csv, out, err)
    print(format_table(rows, USAGE_HEADERS, text_columns=3), file=out)
    print(f"{len(uses)} replies used from {start} to {end}", file=err)
    return 0
