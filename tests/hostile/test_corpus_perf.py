"""Time and memory of every command against every hostile case, each in its own process.

Marked ``perf`` (not in the normal suite): ``pytest -m perf tests/hostile -s`` prints one line
per case with the wall time and peak RSS of lint, render, search, stats and the app start
(``--screenshot``, offscreen), against the real shipped library, and fails when a run takes
2 s or more or 500 MB or more. Exit codes and lines are checked as in test_corpus.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile.cases import CASES, COMMANDS, Case
from tests.hostile.test_corpus import argv, check

pytestmark = pytest.mark.perf

MAX_SECONDS = 2.0
MAX_MB = 500.0


def run(command: str, home: Path) -> tuple[int, str, str, float, float]:
    """Exit code, stdout, stderr, wall seconds and peak RSS (MB) of one command's process."""
    out_file, err_file = home.parent / "out.txt", home.parent / "err.txt"
    started = time.perf_counter()
    with out_file.open("wb") as out, err_file.open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "quickreply", *argv(command, home)],
            cwd=home,
            stdout=out,
            stderr=err,
        )
        # wait4, not Popen.wait: it gives this child's own peak RSS.
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return (
        process.returncode,
        out_file.read_text(encoding="utf-8"),
        err_file.read_text(encoding="utf-8"),
        seconds,
        usage.ru_maxrss / 1024,  # KB on Linux
    )


@pytest.mark.skipif(sys.platform == "win32", reason="peak RSS of a child via os.wait4")
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_command_is_quick_and_small(
    case: Case, qr_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(qr_home)
    figures = []
    for command in COMMANDS:
        case.write(qr_home)
        code, out, err, seconds, mb = run(command, qr_home)
        check(case, command, code, out, err, qr_home)
        figures.append((command, seconds, mb))
    print(f"\n{case.name}: " + ", ".join(f"{c} {s:.2f} s {m:.0f} MB" for c, s, m in figures))
    assert max(s for _, s, _ in figures) < MAX_SECONDS
    assert max(m for _, _, m in figures) < MAX_MB
