"""The map in docs/architecture.md names every module, and no module outgrows one concern.

The map is printed by ``scripts/module-map`` from the modules' docstrings; this test fails when a
module is added, moved or removed without the map following, or when a module grows past the
size at which it stops being describable in one sentence.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "quickreply"
MAP = ROOT / "docs" / "architecture.md"
MAX_LINES = 650  # issue 10: "no module longer than about 600 lines"


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_module_map_lists_every_module_and_no_other() -> None:
    text = MAP.read_text(encoding="utf-8")
    section = text.split("## Module map", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `([^`]+\.py)` \|", section, flags=re.M))
    actual = {p.relative_to(PACKAGE).as_posix() for p in modules()}
    assert sorted(actual - listed) == [], "not in the map: run scripts/module-map"
    assert sorted(listed - actual) == [], "in the map but gone: run scripts/module-map"


def test_every_module_opens_with_a_docstring() -> None:
    missing = [
        str(p.relative_to(ROOT))
        for p in modules()
        if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))
    ]
    assert missing == []


def test_no_module_is_longer_than_about_600_lines() -> None:
    long = {
        p.relative_to(ROOT).as_posix()
        for p in modules()
        if len(p.read_text(encoding="utf-8").splitlines()) > MAX_LINES
    }
    assert long == set()
