"""Every ``quickreply bench`` target runs and ends with its figures as one JSON line.

Checks the shape, not the timings (timings are read from the bench output and reported in the
closing notes, never asserted). Run with ``pytest -m perf``.
"""

from __future__ import annotations

import json
import shutil

import pytest

from quickreply.cli import main

pytestmark = pytest.mark.perf


def last_json(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    figures: dict[str, object] = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    return figures


def test_bench_startup(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "startup", "--snippets", "2000", "--runs", "1", "--hotkeys", "3"]) == 0
    figures = last_json(capsys)
    assert {"start_median_s", "hotkey_median_ms", "rss_mb"} <= set(figures)


def test_bench_timers(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["bench", "timers", "--conversations", "200", "--ticks", "20", "--idle", "1"]
    assert main(args) == 0
    figures = last_json(capsys)
    assert figures["waiting"] == 200
    assert {"tick_ms_median", "tick_ms_p95", "idle_cpu_percent"} <= set(figures)
    if figures["watcher"]:  # Xvfb present: every chat window's request started its clock
        assert figures["attention_windows"] == 20


def test_bench_stats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "stats", "--rows", "20000", "--runs", "2"]) == 0
    figures = last_json(capsys)
    assert figures["rows"] == 20000
    assert {"month_ms_median", "record_ms_median"} <= set(figures)


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("Xvfb", "xdotool")),
    reason="bench paste needs Xvfb and xdotool (apt: xvfb xdotool)",
)
def test_bench_paste(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "paste", "--runs", "3"]) == 0
    figures = last_json(capsys)
    assert {
        "direct_median_ms",
        "direct_p95_ms",
        "palette_enter_median_ms",
        "app_palette_enter_median_ms",
    } <= set(figures)


def test_bench_team(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "team", "--snippets", "600", "--checks", "5"]) == 0
    figures = last_json(capsys)
    assert {"publish_s", "snippets"} <= set(figures)
    if shutil.which("nginx") or shutil.which("/usr/sbin/nginx"):
        assert {"check_cpu_ms_median", "update_sync_s", "nginx_core_percent_for_agents"} <= set(
            figures
        )


def test_bench_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "report", "--agents", "3", "--days", "10", "--runs", "1"]) == 0
    figures = last_json(capsys)
    assert figures["files"] == 30
    assert {"report_s_median", "html_kb"} <= set(figures)


def test_bench_drill(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["bench", "drill", "--snippets", "500", "--attempts", "2000", "--questions", "5"]
    assert main([*args, "--runs", "1"]) == 0
    figures = last_json(capsys)
    assert figures["past_attempts"] == 2000 and figures["questions_asked"] == 5
    assert {"question_to_palette_ready_ms", "keystroke_ms", "history_ms", "progress_ms"} <= set(
        figures
    )
