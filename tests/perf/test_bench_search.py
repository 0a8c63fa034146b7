"""`quickreply bench search` at 10,000 snippets: checks the JSON shape, not the timings."""

from __future__ import annotations

import json

import pytest

from quickreply.cli import main


@pytest.mark.perf
def test_bench_search_prints_its_figures_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "search", "--snippets", "10000"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    figures = json.loads(last)
    assert set(figures) >= {
        "snippets",
        "build_ms",
        "cached_load_ms",
        "p50_ms",
        "p95_ms",
        "max_ms",
        "rss_mb",
    }
    assert figures["snippets"] == 10000
    assert all(isinstance(v, int | float) and v >= 0 for v in figures.values())
