"""The ``quickreply stats`` subcommand: daily response-time figures from the KPI store.

``quickreply stats [--from DATE] [--to DATE] [--csv]`` prints one row per day with replies
(default: the last 7 days) and a total. ``--csv`` writes UTF-8 with a byte-order mark so Excel
opens the Chinese headers correctly (``quickreply stats --csv > kpi.csv``).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TextIO

from quickreply.core.kpi import DayFigures, KpiError, KpiStore
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
TOTAL_LABEL = "合计"
DEFAULT_DAYS = 7


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", metavar="DATE", help="first day, YYYY-MM-DD")
    parser.add_argument("--to", dest="end", metavar="DATE", help="last day, YYYY-MM-DD (today)")
    parser.add_argument("--csv", action="store_true", help="CSV with a BOM, for Excel")
    parser.add_argument("--db", type=Path, metavar="PATH", help="KPI database (the app's)")


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


def format_table(rows: list[list[str]]) -> str:
    table = [list(HEADERS), *[[cell or "-" for cell in row] for row in rows]]
    widths = [max(_width(row[i]) for row in table) for i in range(len(HEADERS))]
    lines = []
    for row in table:
        cells = [row[0] + " " * (widths[0] - _width(row[0]))]
        cells += [" " * (w - _width(c)) + c for c, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells))
    return "\n".join(lines)


def format_csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
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
    end: date | Problem = _parse_day(args.end, "--to") if args.end else today
    start: date | Problem = (
        _parse_day(args.start, "--from")
        if args.start
        else (end - timedelta(days=DEFAULT_DAYS - 1) if isinstance(end, date) else today)
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
        data = format_csv(rows)
        if out is sys.stdout:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            out.write(data.decode("utf-8"))
        return 0
    if not rows:
        print(f"no replies recorded from {start} to {end}", file=err)
        return 0
    print(format_table(rows), file=out)
    return 0
