"""The cache seal: a per-install key in the config folder, owner-only, and a tag that a cache
written by anyone else (or cut short, or edited) fails."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from quickreply.core.cacheseal import Seal
from quickreply.core.paths import AppPaths


def test_the_key_lives_in_the_config_folder_owner_only_and_is_reused(qr_home: Path) -> None:
    paths = AppPaths.from_env()
    first = Seal.load_or_create(paths.cache_key_file)
    assert first is not None
    assert paths.cache_key_file.parent == paths.config != paths.cache
    if sys.platform != "win32":
        assert stat.S_IMODE(paths.cache_key_file.stat().st_mode) == 0o600
    again = Seal.load_or_create(paths.cache_key_file)
    assert again is not None and again.key == first.key
    assert "key" not in repr(first).replace("<key>", "") and first.key.hex() not in repr(first)


def test_sealed_bytes_come_back_and_anything_else_is_refused(tmp_path: Path) -> None:
    seal = Seal.load_or_create(tmp_path / "cache.key")
    assert seal is not None
    blob = seal.seal(b"plain data")
    assert seal.unseal(blob) == b"plain data"
    assert seal.unseal(blob[:-1]) is None  # cut short
    assert seal.unseal(blob[:-1] + b"X") is None  # edited
    assert seal.unseal(b"plain data") is None  # never sealed
    assert seal.unseal(b"") is None
    other = Seal.load_or_create(tmp_path / "other" / "cache.key")
    assert other is not None and other.unseal(blob) is None  # another install's key


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_key_others_may_write_is_replaced(tmp_path: Path) -> None:
    key_file = tmp_path / "cache.key"
    first = Seal.load_or_create(key_file)
    assert first is not None
    os.chmod(key_file, 0o666)
    second = Seal.load_or_create(key_file)
    assert second is not None and second.key != first.key
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


@pytest.mark.parametrize("content", [b"", b"short", b"zz" * 32], ids=["empty", "short", "not-hex"])
def test_a_damaged_key_file_is_replaced(tmp_path: Path, content: bytes) -> None:
    key_file = tmp_path / "cache.key"
    key_file.write_bytes(content)
    seal = Seal.load_or_create(key_file)
    assert seal is not None and len(seal.key) == 32
    assert Seal.load_or_create(key_file) == seal


def test_no_key_when_the_config_folder_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "config"
    blocker.write_text("a file where the config folder should be", encoding="utf-8")
    assert Seal.load_or_create(blocker / "cache.key") is None
