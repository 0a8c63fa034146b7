"""Every CLI command and the app start against every case of the hostile corpus (cases.py).

Each run must end with the case's exit status, print the case's ``path:line`` line (each
problem one line), never a traceback, never run code, and leave the rest of the library
working. Runs in-process through ``quickreply.cli.main``; the app start renders a screenshot
offscreen (marked ``gui``), once per home holding as many cases as their places allow. Time and
memory per run, each in its own process, are measured by test_corpus_perf.py (``-m perf``).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quickreply.cli import main
from quickreply.core import paths
from tests.hostile.cases import (
    CASES,
    COMMANDS,
    MARKER,
    RENDER_ID,
    SEARCH_WORDS,
    SHIPPED_PACK,
    Case,
)


def argv(command: str, home: Path) -> list[str]:
    return {
        "lint": ["lint"],
        "render": ["render", RENDER_ID, "--now", "2026-11-23 14:05"],
        "search": ["search", SEARCH_WORDS, "--limit", "3"],
        "stats": ["stats"],
        "app": ["--screenshot", str(home.parent / "shot.png"), "--view", "palette"],
    }[command]


def check(case: Case, command: str, code: int, out: str, err: str, home: Path) -> None:
    said = out + err
    assert "Traceback" not in said
    assert code == case.exit_code(command), said
    assert not list(home.rglob(MARKER)) and not Path(MARKER).exists()  # no code ran
    naming = [line for line in said.splitlines() if case.place in line]
    if case.shown_by(command):
        assert case.expect is not None
        pattern = re.compile(rf"(?:quickreply \w+: )?(?:\S*/)?{re.escape(case.expect)}: \S")
        assert any(pattern.match(line) for line in naming), said
    else:
        assert not naming, said


@pytest.fixture
def home(qr_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    (shipped / "small.yaml").write_text(SHIPPED_PACK, encoding="utf-8")
    shutil.copy(paths.SHIPPED_DIR / "shop.yaml", shipped / "shop.yaml")
    monkeypatch.setattr(paths, "SHIPPED_DIR", shipped)
    monkeypatch.chdir(qr_home)  # problems name files relative to the working folder
    return qr_home


CLI = [command for command in COMMANDS if command != "app"]


@pytest.mark.parametrize("command", CLI)
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_command_says_one_line_and_goes_on(
    case: Case, command: str, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case.write(home)
    code = main(argv(command, home))
    out, err = capsys.readouterr()
    check(case, command, code, out, err, home)
    if command == "render" and code == 0:
        assert out.strip()  # the rest of the library still renders


def app_groups() -> list[tuple[Case, ...]]:
    """The cases in as few homes as their places allow: one app start (~0.5 s) per home."""
    groups: list[list[Case]] = []
    for case in CASES:
        group = next((g for g in groups if all(c.place != case.place for c in g)), None)
        if group is None:
            groups.append([case])
        else:
            group.append(case)
    return [tuple(g) for g in groups]


@pytest.mark.gui
@pytest.mark.parametrize(
    "cases", app_groups(), ids=lambda cases: f"{len(cases)} cases from {cases[0].name}"
)
def test_the_app_starts_and_says_each_line(
    cases: tuple[Case, ...], home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for case in cases:
        case.write(home)
    code = main(argv("app", home))
    out, err = capsys.readouterr()
    for case in cases:
        check(case, "app", code, out, err, home)
    assert (home.parent / "shot.png").stat().st_size > 0


def test_every_case_has_a_distinct_name() -> None:
    assert len({c.name for c in CASES}) == len(CASES)
