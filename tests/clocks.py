"""A fake pair of clocks for tests: a monotonic one (seconds) and a wall one (datetime).

The timer model takes both and the KPI store takes the wall one; tests move them together with
:meth:`FakeClocks.advance`, or set one alone to simulate a clock change.
"""

from __future__ import annotations

from datetime import datetime, timedelta

START = datetime(2024, 11, 11, 14, 0, 0)


class FakeClocks:
    def __init__(self, start: datetime = START, mono: float = 1000.0) -> None:
        self.mono = mono
        self.wall = start

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += timedelta(seconds=seconds)

    def monotonic(self) -> float:
        return self.mono

    def now(self) -> datetime:
        return self.wall
