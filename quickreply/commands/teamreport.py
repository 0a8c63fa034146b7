"""``quickreply team report``: the lead's view of the agents' daily files in the drop.

``quickreply team report [--drop FOLDER|URL] [--from DATE] [--to DATE] [--csv OUT] [--html OUT]``
reads the agents' daily files (docs/team-report.md) and prints per-reply usage, the team's
replies nobody used in 30 days, each agent's response figures by day, the versions they run
and the exam results trainees handed in. ``--csv`` writes the same tables as one UTF-8 file
with a BOM (Excel); ``--html`` one self-contained page with charts. Unreadable files are one
line each on stderr.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from quickreply.commands.common import add_pack_options

if TYPE_CHECKING:
    from quickreply.core.paths import AppPaths
    from quickreply.core.share.aggregate import DailyAggregate
    from quickreply.core.share.report import TeamReport

DEFAULT_DAYS = 30
Tables = dict[str, tuple[list[str], list[list[str]]]]


def add_arguments(report: argparse.ArgumentParser) -> None:
    """The options of ``team report`` (its parser is made by the ``team`` group)."""
    report.add_argument(
        "--drop",
        metavar="FOLDER|URL",
        help="the drop: a folder or a WebDAV/http address (default: 设置 → 团队日报 投递位置)",
    )
    report.add_argument("--from", dest="start", metavar="DATE", help="first day, YYYY-MM-DD")
    report.add_argument("--to", dest="end", metavar="DATE", help="last day, YYYY-MM-DD (today)")
    report.add_argument("--csv", type=Path, metavar="OUT", help="write the tables as CSV (Excel)")
    report.add_argument("--html", type=Path, metavar="OUT", help="write a page with charts")
    add_pack_options(report)


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise SystemExit(
            f"quickreply team report: {option} '{text}' is not a date (write it as YYYY-MM-DD)"
        ) from None


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}"


def tables(report: TeamReport, titles: Mapping[str, str]) -> Tables:
    """The report's tables: heading -> (headers, rows)."""
    return {
        "话术使用": (
            ["话术", "标题", "使用次数", "使用人数", "最后使用"],
            [
                [
                    r.snippet_id,
                    titles.get(r.snippet_id, ""),
                    str(r.uses),
                    str(r.agents),
                    r.last_used.isoformat() if r.last_used else "",
                ]
                for r in report.replies
            ],
        ),
        "30天无人使用的话术（可改写或删除）": (
            ["话术", "标题"],
            [[sid, titles.get(sid, "")] for sid in report.unused],
        ),
        "客服每日响应": (
            [
                "工号",
                "日期",
                "回复数",
                "首响平均(秒)",
                "平均响应(秒)",
                "3分钟人工响应率(%)",
                "30秒应答率(%)",
            ],
            [
                [
                    d.agent,
                    d.day.isoformat(),
                    str(d.replies),
                    _seconds(d.first_response_avg),
                    _seconds(d.response_avg),
                    _percent(d.within_3min),
                    _percent(d.within_30s),
                ]
                for d in report.agent_days
            ],
        ),
        "客服使用的版本": (
            ["工号", "最后一天", "软件版本", "团队话术版本"],
            [
                [v.agent, v.last_day.isoformat(), v.app_version, v.team_version or "-"]
                for v in report.versions
            ],
        ),
    }


def _exam_table(location: str, url: bool, start: date, end: date, err: TextIO) -> Tables:
    """The trainees' exam results handed in to the drop (core/share/exams.py)."""
    from quickreply.core.share.exams import HEADERS, HEADING, exam_rows, read_exam_results
    from quickreply.core.share.remote import read_url_exam_results

    if url:
        records, skipped = read_url_exam_results(location)
    else:
        records, skipped = read_exam_results(Path(location).expanduser())
    for line in skipped:
        if line.endswith("(skipped)"):  # a drop that cannot be read was said once already
            print(line, file=err)
    return {HEADING: (HEADERS, exam_rows(records, start, end))}


def format_csv(data: Tables) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for heading, (headers, rows) in data.items():
        writer.writerow([heading])
        writer.writerow(headers)
        writer.writerows(rows)
        writer.writerow([])
    return buffer.getvalue().encode("utf-8-sig")


def format_text(data: Tables) -> str:
    from quickreply.commands.stats import _width

    out: list[str] = []
    for heading, (headers, rows) in data.items():
        out.append(f"== {heading} ==")
        if not rows:
            out += ["（无）", ""]
            continue
        table = [headers, *[[c or "-" for c in row] for row in rows]]
        widths = [max(_width(row[i]) for row in table) for i in range(len(headers))]
        for row in table:
            out.append(
                "  ".join(
                    c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)
                ).rstrip()
            )
        out.append("")
    return "\n".join(out)


def run(
    args: argparse.Namespace,
    *,
    clock: Callable[[], datetime] = datetime.now,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    return _report(args, clock, out or sys.stdout, err or sys.stderr)


def _read(paths: AppPaths, location: str, url: bool) -> tuple[list[DailyAggregate], list[str]]:
    """The drop's files, through the read cache: only new or changed files are read."""
    from quickreply.core.cacheseal import Seal
    from quickreply.core.share.readcache import ReadCache
    from quickreply.core.share.report import read_drop

    seal = Seal.load_or_create(paths.cache_key_file)
    if url:
        from quickreply.core.share.remote import address_of, read_url_drop

        cache = ReadCache.for_drop(paths.cache, seal, address_of(location))
        read = read_url_drop(location, cache)
    else:
        folder = Path(location).expanduser().absolute()
        cache = ReadCache.for_drop(paths.cache, seal, str(folder))
        read = read_drop(folder, cache)
    cache.save()
    return read


def _write(target: Path, option: str, data: bytes, err: TextIO) -> bool:
    """Write ``data`` to ``target`` whole or not at all, the previous file kept as ``.bak``."""
    from quickreply.core.atomic import write_atomic
    from quickreply.core.problems import Problem

    try:
        write_atomic(target, data)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        hint = "give a file in a folder you can write to; the previous file is unchanged"
        print(Problem(str(target), 0, option, f"cannot write ({reason})", hint), file=err)
        return False
    return True


def _report(
    args: argparse.Namespace, clock: Callable[[], datetime], out: TextIO, err: TextIO
) -> int:
    from quickreply.commands.common import app_paths, load_library_from_args
    from quickreply.core.settings import load_settings
    from quickreply.core.share.drop import is_url
    from quickreply.core.share.page import render_page
    from quickreply.core.share.report import build_report

    paths = app_paths()
    location = args.drop
    if not location:
        location = load_settings(paths.settings_file)[0].share_drop
    if not location:
        print("quickreply team report: no drop given (use --drop FOLDER or --drop URL)", file=err)
        return 2
    end = _day(args.end, "--to") if args.end else clock().date()
    start = _day(args.start, "--from") if args.start else end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        print(f"quickreply team report: --from {start} is after --to {end} (swap them)", file=err)
        return 2

    from quickreply.core.model import PackSource

    library = load_library_from_args(args, paths, err).library
    titles = {s.id: s.title for s in library.snippets()}
    groups = {s.id: s.group or "（未分组）" for s in library.snippets()}
    # Only the team's replies (and packs named with --pack) are the lead's to rewrite or
    # remove; the shipped examples and the lead's own personal pack are not.
    team_ids = [
        s.id
        for pack in library.packs
        if pack.source in (PackSource.TEAM, PackSource.EXTRA)
        for s in pack.snippets
    ]

    aggregates, skipped = _read(paths, location, is_url(location))
    for line in skipped:
        print(line, file=err)
    if skipped and not aggregates:
        # Nothing readable (the drop itself, or every file in it): a report of zeros would
        # read as "nobody worked", and a script must see the failure. Earlier output is kept.
        print(
            f"0 agent-days from {start} to {end}: nothing in the drop could be read "
            f"({len(skipped)} skipped), no report written",
            file=err,
        )
        return 1
    report = build_report(aggregates, start, end, team_ids or titles.keys())
    report.skipped = skipped
    if not args.end:  # the range ends today: a file from a later day has a clock running ahead
        for agent, day in sorted(report.after_end.items()):
            print(
                f"{agent}: a daily file dated {day}, after today {end} (the agent's clock is "
                f"ahead: set it right; --to {day} includes it)",
                file=err,
            )
    data = tables(report, titles)
    data.update(_exam_table(location, is_url(location), start, end, err))
    if args.csv and not _write(args.csv, "--csv", format_csv(data), err):
        return 1
    if args.html:
        page = render_page(report, data, groups, titles).encode("utf-8")
        if not _write(args.html, "--html", page, err):
            return 1
    if not args.csv and not args.html:
        print(format_text(data), file=out)
    print(
        f"{report.files} agent-days from {start} to {end}, {len(report.versions)} agents"
        + (f", {len(skipped)} skipped" if skipped else ""),
        file=err,
    )
    return 0
