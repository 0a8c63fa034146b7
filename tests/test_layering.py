"""The core and platforms layers stay free of Qt: they must run in a CLI and in tests alone."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "quickreply"
FORBIDDEN = {
    "core": ("PySide6", "shiboken6", "keyboard", "pyperclip", "Xlib", "quickreply.ui"),
    "platforms": ("PySide6", "shiboken6", "quickreply.ui"),
}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_no_forbidden_module(layer: str) -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: imports {name}"
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        for line, name in imported_modules(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer])
    ]
    assert offenders == []


def test_importing_every_core_and_platform_module_loads_no_qt() -> None:
    """Catches indirect imports too (a core module importing a helper that imports Qt)."""
    modules = [
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for layer in FORBIDDEN
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
