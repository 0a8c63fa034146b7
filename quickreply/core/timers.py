"""Wait clocks per buyer conversation: who is waiting, for how long, and how urgent it is.

Pure state driven by two injected clocks: a monotonic clock (seconds, for durations, so a system
clock change never makes a wait negative or jump) and a wall clock (for dates, the parking time
a person types, and the KPI record's time). The Qt panel (``quickreply.ui.timers``) calls
:meth:`TimerModel.tick` once per second and turns the returned events into repaints, alerts and
KPI rows; nothing here knows about Qt.

Rules (see docs/timers.md):

* a buyer's wait runs from the **oldest unanswered** message: more messages do not restart it;
* the agent's reply stops it and yields a :class:`Reply` (seconds waited, first response or not);
* the first reply of a conversation (per day) is its first response;
* levels per queue: ok, amber at the queue's target, red at the red line (180 s by default);
* a parked conversation leaves the waiting list and comes back at its reminder time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from quickreply.core.problems import Problem

MonotonicClock = Callable[[], float]
WallClock = Callable[[], datetime]

#: Labels longer than this are cut when stored: chat-client nicknames are far shorter, and a
#: whole selected paragraph pasted by mistake must not become a 5,000-character row.
LABEL_MAX = 64
#: Auto-names for a conversation started with no usable name: 买家 1, 买家 2, …
AUTO_NAME = "买家 {n}"


class Level(StrEnum):
    OK = "ok"
    AMBER = "amber"
    RED = "red"


class State(StrEnum):
    WAITING = "waiting"  # a buyer message is unanswered (or a reminder is due)
    ANSWERED = "answered"  # the agent replied; kept for names and first-response tracking
    PARKED = "parked"  # set aside until a reminder time


@dataclass(frozen=True, slots=True)
class QueueRule:
    """One queue's pace: amber after ``target`` seconds, red after ``red_after`` seconds."""

    name: str
    target: float
    red_after: float = 180.0


DEFAULT_QUEUES: tuple[QueueRule, ...] = (
    # The golden 3 seconds before a sale, 30 seconds after it (training documents); the
    # platforms' human-response line is 3 minutes.
    QueueRule("售前", 3.0, 180.0),
    QueueRule("售后", 30.0, 180.0),
)

#: Window titles of chat clients that open one window per buyer. Each regex has a ``buyer``
#: group. These are the title shapes seen in screenshots and manuals of the clients, not
#: verified against every version: they are configurable (``TimerConfig.title_patterns``).
DEFAULT_TITLE_PATTERNS: tuple[str, ...] = (
    # 千牛 / 旺旺: "买家昵称 - 千牛工作台", "买家昵称 - 接待中心", "买家昵称 - 阿里旺旺"
    r"^(?P<buyer>.+?)\s+[-–—|]\s+(?:千牛工作台|千牛|接待中心|阿里旺旺|旺旺)(?:\s.*)?$",
    # 京东: "买家昵称 - 京东咚咚", "买家昵称 - 京麦工作台"
    r"^(?P<buyer>.+?)\s+[-–—|]\s+(?:京东咚咚|咚咚|京麦工作台|京麦)(?:\s.*)?$",
    # 拼多多: "买家昵称 - 拼多多商家工作台"
    r"^(?P<buyer>.+?)\s+[-–—|]\s+(?:拼多多商家工作台|拼多多工作台|拼多多)(?:\s.*)?$",
    # 抖店: "买家昵称 - 飞鸽", "买家昵称 - 抖店飞鸽"
    r"^(?P<buyer>.+?)\s+[-–—|]\s+(?:抖店飞鸽|飞鸽|抖店)(?:\s.*)?$",
    # Generic chat windows: "与买家昵称的对话", "与 买家昵称 聊天中"
    r"^与\s*(?P<buyer>.+?)\s*(?:的)?(?:对话|聊天中|聊天|会话)$",
)


@dataclass(frozen=True, slots=True)
class TimerConfig:
    queues: tuple[QueueRule, ...] = DEFAULT_QUEUES
    title_patterns: tuple[str, ...] = DEFAULT_TITLE_PATTERNS
    #: A chat window asking for attention (a new message) starts its buyer's clock by itself,
    #: where the platform backend can see such requests.
    auto_start: bool = True

    def __post_init__(self) -> None:
        if not self.queues:
            raise ValueError("at least one queue is needed")

    @property
    def default_queue(self) -> str:
        return self.queues[0].name

    @property
    def queue_names(self) -> list[str]:
        return [q.name for q in self.queues]

    def rule(self, queue: str) -> QueueRule:
        for rule in self.queues:
            if rule.name == queue:
                return rule
        return self.queues[0]

    @classmethod
    def from_mapping(
        cls,
        data: Mapping[str, Any],
        path: str = "settings.json",
        line: Callable[..., int] | None = None,
    ) -> tuple[TimerConfig, list[Problem]]:
        """Read ``{"queues": [{"name", "target", "red_after"}], "title_patterns": [...],
        "auto_start": true}``.

        Lenient: a bad entry is reported and the default is kept for it. ``line(*keys)`` is
        the line of a key under ``timers`` (core/settings.py passes the file's); without it a
        problem names the file's first line.
        """
        at = line or (lambda *keys: 1)
        problems: list[Problem] = []
        queues: list[QueueRule] = []
        raw_queues = data.get("queues")
        if raw_queues is not None:
            if not isinstance(raw_queues, list):
                problems.append(
                    Problem(
                        path,
                        at("queues"),
                        "timers.queues",
                        "must be a list",
                        "e.g. [{name: 售前, target: 3}]",
                    )
                )
            else:
                for i, item in enumerate(raw_queues):
                    where = f"timers.queues[{i}]"
                    if not isinstance(item, Mapping) or not str(item.get("name", "")).strip():
                        problems.append(
                            Problem(
                                path,
                                at("queues", i),
                                where,
                                "needs a name",
                                "e.g. {name: 售前, target: 3}",
                            )
                        )
                        continue
                    try:
                        target = float(item.get("target", 30))
                        red = float(item.get("red_after", 180))
                    except (TypeError, ValueError):
                        problems.append(
                            Problem(
                                path,
                                at("queues", i),
                                where,
                                "target and red_after must be seconds",
                                "e.g. target: 3",
                            )
                        )
                        continue
                    if target < 0 or red < target:
                        problems.append(
                            Problem(
                                path,
                                at("queues", i),
                                where,
                                f"red_after ({red:g}) must be ≥ target ({target:g}) ≥ 0",
                                "e.g. target: 3, red_after: 180",
                            )
                        )
                        continue
                    queues.append(QueueRule(str(item["name"]).strip(), target, red))
        patterns: list[str] = []
        for i, pattern in enumerate(data.get("title_patterns") or []):
            where = f"timers.title_patterns[{i}]"
            try:
                compiled = re.compile(str(pattern))
            except re.error as err:
                problems.append(
                    Problem(
                        path,
                        at("title_patterns", i),
                        where,
                        f"not a valid regular expression: {err}",
                        "fix the pattern",
                    )
                )
                continue
            if "buyer" not in compiled.groupindex:
                problems.append(
                    Problem(
                        path,
                        at("title_patterns", i),
                        where,
                        "has no (?P<buyer>…) group",
                        "name the buyer part (?P<buyer>.+?)",
                    )
                )
                continue
            patterns.append(str(pattern))
        auto_start = data.get("auto_start", True)
        if not isinstance(auto_start, bool):
            problems.append(
                Problem(
                    path,
                    at("auto_start"),
                    "timers.auto_start",
                    "must be true or false",
                    "e.g. true",
                )
            )
            auto_start = True
        return (
            cls(
                queues=tuple(queues) or DEFAULT_QUEUES,
                title_patterns=tuple(patterns) or DEFAULT_TITLE_PATTERNS,
                auto_start=auto_start,
            ),
            problems,
        )

    def to_mapping(self) -> dict[str, Any]:
        """What :meth:`from_mapping` reads back (for the settings file)."""
        data: dict[str, Any] = {
            "queues": [
                {"name": q.name, "target": q.target, "red_after": q.red_after} for q in self.queues
            ],
            "auto_start": self.auto_start,
        }
        if self.title_patterns != DEFAULT_TITLE_PATTERNS:
            data["title_patterns"] = list(self.title_patterns)
        return data


def clean_label(text: str | None) -> str:
    """Normalise a buyer name: one line, single spaces, at most :data:`LABEL_MAX` characters."""
    if not text:
        return ""
    # Selected text may span lines or carry zero-width characters from the chat client.
    text = "".join(
        ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc") or ch in " \t\n"
    )
    text = " ".join(text.split())
    return text[:LABEL_MAX].rstrip()


def label_key(label: str) -> str:
    """The identity of a buyer name: full-width/half-width and case do not make two buyers."""
    return unicodedata.normalize("NFKC", label).casefold()


def buyer_from_title(
    title: str | None, patterns: Iterable[str] = DEFAULT_TITLE_PATTERNS
) -> str | None:
    """Extract the buyer's name from a chat window title, or None when no pattern matches."""
    if not title:
        return None
    title = " ".join(title.split())
    for pattern in patterns:
        match = re.match(pattern, title)
        if match:
            buyer = clean_label(match.group("buyer"))
            if buyer:
                return buyer
    return None


def name_conversation(
    title: str | None,
    selected_text: str | None = None,
    patterns: Iterable[str] = DEFAULT_TITLE_PATTERNS,
) -> str | None:
    """The buyer name for "buyer is waiting": the window title's, else the selected text's."""
    from_title = buyer_from_title(title, patterns)
    if from_title:
        return from_title
    if selected_text:
        first_line = next((ln for ln in selected_text.splitlines() if ln.strip()), "")
        return clean_label(first_line) or None
    return None


@dataclass(slots=True)
class Conversation:
    label: str
    queue: str
    state: State = State.WAITING
    waiting_since: float = 0.0  # monotonic; meaningful while WAITING
    reminder: bool = False  # waiting because a parked reminder fell due, not a buyer message
    parked_until: float = 0.0  # monotonic deadline while PARKED
    parked_until_wall: datetime | None = None
    replies_day: date | None = None  # the day of the last reply: first response is per day
    replies: int = 0
    level: Level = Level.OK
    alerted: bool = False  # red alert already raised for this wait
    last_seen: date | None = None

    @property
    def key(self) -> str:
        return label_key(self.label)


@dataclass(frozen=True, slots=True)
class Reply:
    """A stopped wait. ``label`` is for the UI only: KPI rows never store it."""

    label: str
    queue: str
    waited: float
    first: bool
    at: datetime


@dataclass(slots=True)
class TickResult:
    """What changed since the previous tick, so the panel repaints only that."""

    level_changed: list[Conversation] = field(default_factory=list)
    turned_red: list[Conversation] = field(default_factory=list)
    unparked: list[Conversation] = field(default_factory=list)
    new_day: bool = False

    @property
    def structure_changed(self) -> bool:
        return bool(self.unparked) or self.new_day


class TimerModel:
    """All conversations of one agent, keyed by normalised buyer name."""

    def __init__(
        self,
        monotonic: MonotonicClock,
        wall: WallClock,
        config: TimerConfig | None = None,
    ) -> None:
        self._mono = monotonic
        self._wall = wall
        self.config = config or TimerConfig()
        self._convs: dict[str, Conversation] = {}
        self._offset = 0.0
        self._last_mono = monotonic()
        self._auto_count = 0
        self._day = wall().date()

    # -- clocks ---------------------------------------------------------------------------

    def now(self) -> float:
        """Monotonic seconds that never go backwards, even if the injected clock does."""
        t = self._mono() + self._offset
        if t < self._last_mono:
            # The source jumped back: carry on from the last reading instead of freezing or
            # going negative, so waits keep growing at the right pace after the jump.
            self._offset += self._last_mono - t
            t = self._last_mono
        self._last_mono = t
        return t

    def wall_now(self) -> datetime:
        return self._wall()

    # -- queries --------------------------------------------------------------------------

    def get(self, label: str) -> Conversation | None:
        return self._convs.get(label_key(clean_label(label)))

    def conversations(self) -> list[Conversation]:
        return list(self._convs.values())

    def waited(self, conv: Conversation, now: float | None = None) -> float:
        if conv.state is not State.WAITING:
            return 0.0
        now = self.now() if now is None else now
        return max(0.0, now - conv.waiting_since)

    def level_for(self, queue: str, waited: float) -> Level:
        rule = self.config.rule(queue)
        if waited >= rule.red_after:
            return Level.RED
        if waited >= rule.target:
            return Level.AMBER
        return Level.OK

    def waiting(self) -> list[Conversation]:
        """Waiting conversations, longest wait first (ties: older label first)."""
        rows = [c for c in self._convs.values() if c.state is State.WAITING]
        rows.sort(key=lambda c: c.waiting_since)
        return rows

    def parked(self) -> list[Conversation]:
        rows = [c for c in self._convs.values() if c.state is State.PARKED]
        rows.sort(key=lambda c: c.parked_until)
        return rows

    def waiting_count(self) -> int:
        return sum(1 for c in self._convs.values() if c.state is State.WAITING)

    def names_today(self) -> list[str]:
        """Buyer names seen today, for the quick-add box's completion."""
        today = self._wall().date()
        return sorted(c.label for c in self._convs.values() if c.last_seen == today)

    # -- actions --------------------------------------------------------------------------

    def _auto_label(self) -> str:
        while True:
            self._auto_count += 1
            label = AUTO_NAME.format(n=self._auto_count)
            if label_key(label) not in self._convs:
                return label

    def buyer_message(self, label: str | None, queue: str | None = None) -> Conversation:
        """A buyer is waiting. Same buyer again: merged, and the oldest message keeps counting.

        An empty label gets an automatic name (买家 1, 买家 2, …) rather than being refused:
        the agent pressed the hotkey because a buyer is waiting, and the row can be renamed.
        """
        name = clean_label(label) or self._auto_label()
        if queue is not None and queue not in self.config.queue_names:
            queue = None
        now = self.now()
        wall = self._wall()
        conv = self._convs.get(label_key(name))
        if conv is None:
            conv = Conversation(label=name, queue=queue or self.config.default_queue)
            conv.state = State.ANSWERED  # made WAITING just below
            self._convs[conv.key] = conv
        elif queue is not None:
            conv.queue = queue
        conv.last_seen = wall.date()
        if conv.state is State.WAITING and not conv.reminder:
            return conv  # the oldest unanswered message keeps counting
        conv.state = State.WAITING
        conv.reminder = False
        conv.waiting_since = now
        conv.parked_until_wall = None
        conv.level = self.level_for(conv.queue, 0.0)
        conv.alerted = False
        return conv

    def reply(self, label: str | None = None) -> Reply | None:
        """The agent replied. No label: the longest-waiting conversation.

        A reply with nothing waiting is ignored (returns None), not an error: the palette
        pastes into chats the panel never heard of. A reminder that fell due yields no
        Reply either: nobody was waiting for an answer, so it is no response time.
        """
        conv = self.get(label) if label else next(iter(self.waiting()), None)
        if conv is None or conv.state is not State.WAITING:
            return None
        now = self.now()
        wall = self._wall()
        waited = max(0.0, now - conv.waiting_since)
        was_reminder = conv.reminder
        conv.state = State.ANSWERED
        conv.reminder = False
        conv.level = Level.OK
        conv.alerted = False
        conv.last_seen = wall.date()
        if was_reminder:
            return None
        today = wall.date()
        if conv.replies_day != today:
            conv.replies_day = today
            conv.replies = 0
        first = conv.replies == 0
        conv.replies += 1
        return Reply(conv.label, conv.queue, waited, first, wall)

    def replied_to(self, title: str | None = None, selected: str | None = None) -> str | None:
        """Whose clock a reply stops: a buyer's label, or None to stop nobody.

        A chat window ``title`` that names a buyer decides alone: that buyer if waiting, else
        nobody (the agent answered someone who was not being timed; stopping the selected
        buyer's clock would record a reply that never happened). Otherwise the ``selected``
        row, else the only buyer waiting; with several waiting and none selected, nobody:
        guessing would corrupt KPIs.
        """
        buyer = buyer_from_title(title, self.config.title_patterns)
        if buyer is not None:
            conv = self.get(buyer)
            return conv.label if conv is not None and conv.state is State.WAITING else None
        if selected is not None:
            return selected
        waiting = self.waiting()
        return waiting[0].label if len(waiting) == 1 else None

    def park(self, label: str, until: datetime | timedelta) -> Conversation | None:
        """Set a conversation aside until ``until`` (a wall time or a delay from now).

        Parking stops the wait without recording a response time; the conversation comes back
        as a reminder. The deadline is kept on both clocks: the monotonic one survives a clock
        change, the wall one survives a suspended laptop; whichever comes first wins.
        """
        conv = self.get(label)
        if conv is None:
            return None
        now = self.now()
        wall = self._wall()
        delay = until if isinstance(until, timedelta) else until - wall
        seconds = max(0.0, delay.total_seconds())
        conv.state = State.PARKED
        conv.parked_until = now + seconds
        conv.parked_until_wall = wall + timedelta(seconds=seconds)
        conv.level = Level.OK
        conv.alerted = False
        conv.reminder = False
        return conv

    def remove(self, label: str) -> bool:
        conv = self.get(label)
        if conv is None:
            return False
        del self._convs[conv.key]
        return True

    def rename(self, label: str, new_label: str) -> Conversation | None:
        """Rename a row (e.g. an auto-named 买家 1). Renaming onto an existing buyer merges."""
        conv = self.get(label)
        name = clean_label(new_label)
        if conv is None or not name:
            return None
        other = self._convs.get(label_key(name))
        del self._convs[conv.key]
        if other is not None and other is not conv:
            if conv.state is State.WAITING and (
                other.state is not State.WAITING or conv.waiting_since < other.waiting_since
            ):
                other.state = State.WAITING
                other.waiting_since = conv.waiting_since
                other.reminder = conv.reminder
            return other
        conv.label = name
        self._convs[conv.key] = conv
        return conv

    def tick(self) -> TickResult:
        """Advance levels, bring back due reminders, notice midnight. Call about once a second."""
        result = TickResult()
        now = self.now()
        wall = self._wall()
        today = wall.date()
        if today != self._day:
            # Midnight: yesterday's answered chats drop out of today's names and the next
            # reply to them counts as a new first response (checked per reply day).
            self._day = today
            result.new_day = True
        for conv in self._convs.values():
            if conv.state is State.PARKED and (
                now >= conv.parked_until
                or (conv.parked_until_wall is not None and wall >= conv.parked_until_wall)
            ):
                conv.state = State.WAITING
                conv.reminder = True
                conv.waiting_since = now
                conv.parked_until_wall = None
                conv.level = Level.OK
                conv.alerted = False
                conv.last_seen = today
                result.unparked.append(conv)
            if conv.state is not State.WAITING:
                continue
            level = self.level_for(conv.queue, max(0.0, now - conv.waiting_since))
            if level is not conv.level:
                conv.level = level
                result.level_changed.append(conv)
            if level is Level.RED and not conv.alerted:
                conv.alerted = True
                result.turned_red.append(conv)
        return result

    def next_deadline(self) -> float | None:
        """Seconds until the next parked reminder is due, or None when nothing is parked."""
        parked = self.parked()
        if not parked:
            return None
        return max(0.0, parked[0].parked_until - self.now())


def format_wait(seconds: float) -> str:
    """``mm:ss`` for a wait; hours roll into minutes (``75:00``) since a row is narrow."""
    total = int(max(0.0, seconds))
    minutes, secs = divmod(total, 60)
    return f"{minutes:02d}:{secs:02d}"
