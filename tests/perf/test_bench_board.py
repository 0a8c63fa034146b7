"""``quickreply bench board`` runs and ends with the 看板's open times as one JSON line."""

from __future__ import annotations

import json

import pytest

from quickreply.cli import main

pytestmark = pytest.mark.perf


def test_bench_board(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "board", "--agents", "3", "--days", "10", "--runs", "1"]) == 0
    figures = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert figures["files"] == 30
    assert {"first_open_s", "second_open_s_median", "agent_filter_s", "reread_s"} <= set(figures)
