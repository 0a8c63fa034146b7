"""The library cache is dropped when the code that builds packs changes, in any of its modules."""

from __future__ import annotations

from pathlib import Path

import pytest

from quickreply.core import libcache
from quickreply.core.packs import reader


def test_a_change_in_any_module_of_the_packs_package_drops_the_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = libcache.code_version()
    changed = Path(reader.__file__)
    read_bytes = Path.read_bytes

    def edited(path: Path) -> bytes:
        data = read_bytes(path)
        return data + b"\n# edited\n" if path == changed else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    assert libcache.code_version() != before
