"""The lead's view of the exam results in the drop: who took which exam, when, and how it went.

Trainees hand in one ``*.qrexam`` file per attempt (:mod:`quickreply.core.share.examresult`)
into the same drop as the daily files. Two copies of one attempt (delivered twice, a sync
client's ``(1)`` copy) count once. A file that cannot be read is one line in ``skipped``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from quickreply.core.share.examresult import (
    MAX_FILE_BYTES,
    SUFFIX,
    ExamFileError,
    ExamRecord,
    parse_exam_record,
)

HEADING = "考试成绩"
HEADERS = ["工号", "考试", "版本", "日期", "答对", "得分(%)", "及格线(%)", "结果", "用时(秒)"]


def read_exam_results(folder: Path) -> tuple[list[ExamRecord], list[str]]:
    """Every exam result in ``folder`` (each attempt once) and a line per skipped file."""
    skipped: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError as err:
        return [], [f"{folder}: cannot read the drop ({err.strerror}) (is the share connected?)"]
    found: list[ExamRecord] = []
    for entry in entries:
        # Dot files are writers' temporary files (a result being written right now).
        if entry.name.startswith(".") or not entry.name.endswith(SUFFIX):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if entry.stat().st_size > MAX_FILE_BYTES:
                raise ExamFileError(f"larger than {MAX_FILE_BYTES} bytes")
            with open(entry.path, "rb") as src:
                record = parse_exam_record(src.read(MAX_FILE_BYTES + 1))
        except OSError as err:
            skipped.append(f"{entry.path}: cannot read ({err.strerror}) (skipped)")
            continue
        except ExamFileError as err:
            skipped.append(f"{entry.path}: {err} (skipped)")
            continue
        found.append(record)
    return each_attempt_once(found), skipped


def each_attempt_once(records: Iterable[ExamRecord]) -> list[ExamRecord]:
    """One record per attempt (a copy delivered twice counts once), by exam, agent, time."""
    found: dict[tuple[str, str, int, str], ExamRecord] = {}
    for record in records:
        key = (record.agent, record.exam_id, record.exam_version, record.taken.isoformat())
        found[key] = record
    return sorted(found.values(), key=lambda r: (r.exam_id, r.agent, r.taken))


def exam_rows(
    records: Iterable[ExamRecord], start: date | None = None, end: date | None = None
) -> list[list[str]]:
    """The report's rows (:data:`HEADERS`) of the attempts taken from ``start`` to ``end``."""
    rows = []
    for r in records:
        day = r.taken.astimezone().date()
        if (start is not None and day < start) or (end is not None and day > end):
            continue
        rows.append(
            [
                r.agent,
                r.exam_id,
                str(r.exam_version),
                day.isoformat(),
                f"{r.right}/{r.total}",
                str(r.percent),
                str(r.pass_mark),
                "通过" if r.passed else "未通过",
                f"{r.seconds:.0f}",
            ]
        )
    return rows
