"""``quickreply --version``: the version comes from the package metadata, set once in pyproject."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import version

import pytest

from quickreply import UNKNOWN_VERSION, package_version
from quickreply.cli import main
from tests.conftest import ROOT


def test_version_prints_the_pyproject_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert capsys.readouterr().out == f"quickreply {pyproject['project']['version']}\n"


def test_the_version_is_the_installed_metadata() -> None:
    import quickreply

    assert quickreply.__version__ == version("quickreply") == package_version()


def test_no_version_literal_outside_pyproject() -> None:
    """A second copy of the version would drift: the package asks its metadata instead."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    literal = f'"{pyproject["project"]["version"]}"'
    holders = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "quickreply").rglob("*.py")
        if literal in path.read_text(encoding="utf-8")
    ]
    assert holders == []


def test_a_source_tree_never_installed_says_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    def missing(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", missing)
    assert package_version() == UNKNOWN_VERSION


def test_version_is_fast_and_needs_no_qt() -> None:
    code = (
        "import sys; from quickreply.cli import main\n"
        "try: main(['--version'])\n"
        "except SystemExit: pass\n"
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.splitlines()[-1] == "False"
