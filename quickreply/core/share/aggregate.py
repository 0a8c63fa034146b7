"""One agent's day as a small JSON document: ids, versions, use counts and response sums.

The document is built only from the usage store's per-day counts (snippet id -> uses) and the
KPI store's per-queue sums; neither store has a column for a buyer name, a window title or a
message, so none can reach the file. Reading checks every field and refuses anything else with
one line naming the file.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Final

import orjson

from quickreply.core.kpi import QueueTotals

FORMAT: Final = "quickreply-daily"
FORMAT_VERSION: Final = 1
MAX_FILE_BYTES: Final = 1024 * 1024  # a day of 10,000 distinct replies is ~300 KB
_SAFE = re.compile(r"[^0-9A-Za-z_\-\u4e00-\u9fff]")
_INT: Final = frozenset({int})
_NUMBER: Final = frozenset({int, float})


class AggregateError(ValueError):
    """A file in the drop that is not a readable daily aggregate (the message says why)."""


@dataclass(frozen=True, slots=True)
class DailyAggregate:
    agent: str  # 工号
    day: date  # the agent's local day
    app_version: str
    team_version: str  # "" when the agent is in no team
    written: datetime  # when this version of the day was written: the newest one wins
    uses: Mapping[str, int] = field(default_factory=dict)  # snippet id -> uses that day
    queues: Mapping[str, QueueTotals] = field(default_factory=dict)

    @property
    def file_name(self) -> str:
        return file_name(self.agent, self.day)

    def to_json(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "agent": self.agent,
            "day": self.day.isoformat(),
            "app_version": self.app_version,
            "team_version": self.team_version,
            "written": self.written.isoformat(timespec="seconds"),
            "uses": dict(sorted(self.uses.items())),
            "queues": {
                name: [
                    t.replies,
                    t.first_responses,
                    round(t.first_wait_sum, 3),
                    round(t.wait_sum, 3),
                    t.within_3min,
                    t.within_30s,
                    t.slow,
                ]
                for name, t in sorted(self.queues.items())
            },
        }
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def file_name(agent: str, day: date) -> str:
    """``2026-12-01_A007.json``: readable, one per agent per day, safe on every drop."""
    return f"{day.isoformat()}_{_SAFE.sub('_', agent)[:64]}.json"


def _text(doc: Mapping[str, Any], key: str, limit: int = 200) -> str:
    value = doc.get(key, "")
    if not isinstance(value, str) or len(value) > limit:
        raise AggregateError(f"'{key}' must be text of at most {limit} characters")
    return value


def _count(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise AggregateError(f"{what} must be a whole number >= 0, not {value!r}")
    return value


def _seconds(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise AggregateError(f"{what} must be a number of seconds, not {value!r}")
    if not math.isfinite(value) or value < 0:
        raise AggregateError(f"{what} must be a number of seconds >= 0, not {value!r}")
    return float(value)


def trusted_aggregate(data: bytes) -> DailyAggregate:
    """The aggregate of bytes :func:`parse_aggregate` already accepted (kept in the sealed read
    cache): built the same way, without checking each field again."""
    doc = orjson.loads(data)
    written = datetime.fromisoformat(doc["written"])
    if written.tzinfo is None:
        written = written.replace(tzinfo=UTC)
    uses: dict[str, int] = doc.get("uses", {})
    if min(uses.values(), default=1) < 1:
        uses = {k: v for k, v in uses.items() if v}
    return DailyAggregate(
        doc["agent"].strip(),
        date.fromisoformat(doc["day"]),
        doc.get("app_version", ""),
        doc.get("team_version", ""),
        written,
        uses,
        {
            str(name): QueueTotals(n, f, float(fs), float(ws), a, b, c)
            for name, (n, f, fs, ws, a, b, c) in doc.get("queues", {}).items()
        },
    )


def exact_json(agg: DailyAggregate) -> bytes:
    """``agg`` as a daily file's bytes with every figure exact (:meth:`DailyAggregate.to_json`
    rounds the sums for the drop), for :func:`trusted_aggregate` to read back."""
    return orjson.dumps(
        {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "agent": agg.agent,
            "day": agg.day.isoformat(),
            "app_version": agg.app_version,
            "team_version": agg.team_version,
            "written": agg.written.isoformat(),
            "uses": dict(agg.uses),
            "queues": {
                name: [
                    t.replies,
                    t.first_responses,
                    t.first_wait_sum,
                    t.wait_sum,
                    t.within_3min,
                    t.within_30s,
                    t.slow,
                ]
                for name, t in agg.queues.items()
            },
        }
    )


def parse_aggregate(data: bytes) -> DailyAggregate:
    """Read one file's bytes; raises :class:`AggregateError` with what is wrong."""
    if len(data) > MAX_FILE_BYTES:
        raise AggregateError(f"larger than {MAX_FILE_BYTES} bytes")
    try:
        doc = orjson.loads(data)  # a third of json's time; refuses bad UTF-8 and NaN too
    except orjson.JSONDecodeError as err:
        raise AggregateError(f"not JSON ({err})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise AggregateError(f"not a {FORMAT} file")
    version = doc.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise AggregateError(
            f"written by a newer QuickReply (format {version!r}, this one reads "
            f"{FORMAT_VERSION}); update QuickReply"
        )
    agent = _text(doc, "agent", 64).strip()
    if not agent:
        raise AggregateError("'agent' is empty")
    try:
        day = date.fromisoformat(_text(doc, "day"))
        written = datetime.fromisoformat(_text(doc, "written"))
    except ValueError as err:
        raise AggregateError(f"a bad date ({err})") from None
    if written.tzinfo is None:
        written = written.replace(tzinfo=UTC)
    uses_raw = doc.get("uses", {})
    queues_raw = doc.get("queues", {})
    if not isinstance(uses_raw, dict) or not isinstance(queues_raw, dict):
        raise AggregateError("'uses' and 'queues' must be objects")
    # The common case checked by C loops (a day holds hundreds of counts, a drop thousands of
    # days); the slow path only runs to name the bad one. bool is its own type, so True fails.
    counts = uses_raw.values()
    if set(map(type, counts)) <= _INT and min(counts, default=1) >= 1:
        uses: dict[str, int] = uses_raw
    else:
        uses = {str(k): _count(v, f"uses of {k!r}") for k, v in uses_raw.items()}
        uses = {k: v for k, v in uses.items() if v}  # an unused reply was not used
    queues: dict[str, QueueTotals] = {}
    for name, row in queues_raw.items():
        if type(row) is not list or len(row) != 7:
            raise AggregateError(f"queue {name!r} must be a list of 7 figures")
        n, f, fs, ws, a, b, c = row
        if (
            set(map(type, (n, f, a, b, c))) <= _INT
            and type(fs) in _NUMBER
            and type(ws) in _NUMBER
            and min(n, f, a, b, c) >= 0
            and 0 <= fs < math.inf
            and 0 <= ws < math.inf
        ):
            totals = QueueTotals(n, f, float(fs), float(ws), a, b, c)
        else:
            totals = QueueTotals(
                _count(n, "replies"),
                _count(f, "first responses"),
                _seconds(fs, "first wait"),
                _seconds(ws, "wait"),
                _count(a, "within 3 minutes"),
                _count(b, "within 30 seconds"),
                _count(c, "slow"),
            )
        if max(totals.first_responses, totals.within_3min, totals.within_30s) > totals.replies:
            raise AggregateError(f"queue {name!r} counts more than its replies")
        queues[str(name)] = totals
    return DailyAggregate(
        agent,
        day,
        _text(doc, "app_version"),
        _text(doc, "team_version"),
        written,
        uses,
        queues,
    )
