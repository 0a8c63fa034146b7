"""One exam attempt as the small file a trainee hands in to the lead: ids, score and times only.

The file carries the 工号, the exam's id and version, when it was taken, the score, the pass
mark and per question whether it was right, the seconds, the keystrokes and the id of the reply
sent. Not the exam's title or its questions (the lead wrote them and has them), never anything
a buyer typed or the clipboard. Its name is fixed by the attempt (agent, exam, version, moment
taken), so delivering it twice writes the same file twice. Reading checks every field and
refuses anything else with one line.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from quickreply.core.training.progress import ExamResult

FORMAT: Final = "quickreply-exam"
FORMAT_VERSION: Final = 1
#: Not ``.json``: the daily files' reader takes every ``*.json`` in the drop as a day.
SUFFIX: Final = ".qrexam"
MAX_FILE_BYTES: Final = 256 * 1024  # 500 questions (the exam limit) is ~20 KB
_SAFE = re.compile(r"[^0-9A-Za-z_.\-\u4e00-\u9fff]")


class ExamFileError(ValueError):
    """A file in the drop that is not a readable exam result (the message says why)."""


@dataclass(frozen=True, slots=True)
class QuestionResult:
    right: bool
    seconds: float
    keystrokes: int
    sent: str  # the reply id sent, "" when time ran out or it was skipped


@dataclass(frozen=True, slots=True)
class ExamRecord:
    agent: str  # 工号
    exam_id: str
    exam_version: int
    taken: datetime  # when the result was saved
    right: int
    total: int
    pass_mark: int  # percent
    passed: bool
    seconds: float
    questions: tuple[QuestionResult, ...] = ()
    app_version: str = ""

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.total) if self.total else 0

    @property
    def file_name(self) -> str:
        """``2026-12-01_A007_exam_team.week1_v1_101530.qrexam``: one name per attempt."""
        when = self.taken.astimezone(UTC) if self.taken.tzinfo else self.taken
        return (
            f"{when:%Y-%m-%d}_{_safe(self.agent)}_exam_{_safe(self.exam_id)}"
            f"_v{self.exam_version}_{when:%H%M%S}{SUFFIX}"
        )

    def to_json(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "agent": self.agent,
            "exam": self.exam_id,
            "exam_version": self.exam_version,
            "taken": self.taken.isoformat(timespec="seconds"),
            "app_version": self.app_version,
            "right": self.right,
            "total": self.total,
            "pass_mark": self.pass_mark,
            "passed": self.passed,
            "seconds": round(self.seconds, 2),
            "questions": [
                [int(q.right), round(q.seconds, 2), q.keystrokes, q.sent] for q in self.questions
            ],
        }
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _safe(text: str) -> str:
    return _SAFE.sub("_", text)[:64]


def _text(doc: dict[str, Any], key: str, limit: int = 200) -> str:
    value = doc.get(key, "")
    if not isinstance(value, str) or len(value) > limit:
        raise ExamFileError(f"'{key}' must be text of at most {limit} characters")
    return value


def _count(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ExamFileError(f"{what} must be a whole number >= 0, not {value!r}")
    return value


def _seconds(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ExamFileError(f"{what} must be a number of seconds, not {value!r}")
    if not math.isfinite(value) or value < 0:
        raise ExamFileError(f"{what} must be a number of seconds >= 0, not {value!r}")
    return float(value)


def _question(row: Any, number: int) -> QuestionResult:
    if not isinstance(row, list) or len(row) != 4 or row[0] not in (0, 1):
        raise ExamFileError(f"question {number} must be [right 0/1, seconds, keystrokes, reply]")
    sent = row[3]
    if not isinstance(sent, str) or len(sent) > 200:
        raise ExamFileError(f"question {number}: the reply sent must be an id")
    return QuestionResult(
        bool(row[0]),
        _seconds(row[1], f"question {number} seconds"),
        _count(row[2], f"question {number} keystrokes"),
        sent,
    )


def parse_exam_record(data: bytes) -> ExamRecord:
    """Read one file's bytes; raises :class:`ExamFileError` with what is wrong."""
    if len(data) > MAX_FILE_BYTES:
        raise ExamFileError(f"larger than {MAX_FILE_BYTES} bytes")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        raise ExamFileError(f"not JSON ({err})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ExamFileError(f"not a {FORMAT} file")
    version = doc.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ExamFileError(
            f"written by a newer QuickReply (format {version!r}, this one reads "
            f"{FORMAT_VERSION}); update QuickReply"
        )
    agent = _text(doc, "agent", 64).strip()
    exam_id = _text(doc, "exam", 200).strip()
    if not agent or not exam_id:
        raise ExamFileError("'agent' or 'exam' is empty")
    try:
        taken = datetime.fromisoformat(_text(doc, "taken"))
    except ValueError as err:
        raise ExamFileError(f"a bad date ({err})") from None
    if taken.tzinfo is None:
        taken = taken.replace(tzinfo=UTC)
    rows = doc.get("questions", [])
    if not isinstance(rows, list):
        raise ExamFileError("'questions' must be a list")
    questions = tuple(_question(row, n) for n, row in enumerate(rows, 1))
    right = _count(doc.get("right"), "'right'")
    total = _count(doc.get("total"), "'total'")
    pass_mark = _count(doc.get("pass_mark"), "'pass_mark'")
    passed = doc.get("passed")
    if right > total or pass_mark > 100 or not isinstance(passed, bool):
        raise ExamFileError("the score does not add up (right > total, or a bad pass mark)")
    if questions and (len(questions) != total or sum(q.right for q in questions) != right):
        raise ExamFileError("the questions do not add up to the score")
    return ExamRecord(
        agent,
        exam_id,
        max(1, _count(doc.get("exam_version", 1), "'exam_version'")),
        taken,
        right,
        total,
        pass_mark,
        passed,
        _seconds(doc.get("seconds", 0), "'seconds'"),
        questions,
        _text(doc, "app_version"),
    )


def record_of(
    agent: str,
    exam_id: str,
    exam_version: int,
    pass_mark: int,
    result: ExamResult,
    app_version: str = "",
) -> ExamRecord:
    """The file for one saved result (from the progress store): only ids, times and counts."""
    return ExamRecord(
        agent,
        exam_id,
        exam_version,
        result.at,
        result.right,
        result.total,
        pass_mark,
        result.passed,
        result.seconds,
        tuple(QuestionResult(a.right, a.seconds, a.keystrokes, a.chosen) for a in result.attempts),
        app_version,
    )
