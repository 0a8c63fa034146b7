"""The layers hold: import-linter's contracts in pyproject.toml are kept, checked three ways."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "quickreply"


def test_import_linter_contracts_are_kept() -> None:
    """`lint-imports` over the contracts in pyproject.toml (lazy imports in functions count)."""
    script = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert script is not None, (
        "lint-imports is missing: install the test extras (pip install -e '.[test]')"
    )
    done = subprocess.run(
        [script, "--no-logo", "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    kept = re.search(r"Contracts: (\d+) kept, 0 broken", report)
    assert kept is not None and int(kept.group(1)) >= 6, report


def test_importing_every_core_and_platform_module_loads_no_qt() -> None:
    """What import-linter cannot see: a third-party package or an importlib call loading Qt."""
    modules = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for layer in ("core", "platforms")
        for p in sorted((PACKAGE / layer).rglob("*.py"))
        if p.name != "__init__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_package_names_no_path_into_the_tests() -> None:
    """What import-linter cannot see either: running a file of tests/ by its path (an installed
    package has no tests/ folder)."""
    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.fullmatch(r"tests([/.].*)?", node.value, flags=re.DOTALL)
    ]
    assert offenders == []
