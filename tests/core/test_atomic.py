"""Atomic writes: a failed save leaves the old file whole; edits keep a .bak, caches do not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quickreply.core.atomic import write_atomic


def test_the_previous_version_is_kept_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "个人话术" / "my.yaml"
    write_atomic(path, "第一版\n")
    write_atomic(path, "第二版\n")
    assert path.read_text(encoding="utf-8") == "第二版\n"
    assert path.with_name("my.yaml.bak").read_text(encoding="utf-8") == "第一版\n"


def test_a_cache_is_written_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "index.bin"
    write_atomic(path, b"\x00old", backup=False)
    write_atomic(path, b"\x00new", backup=False)
    assert path.read_bytes() == b"\x00new"
    assert sorted(p.name for p in path.parent.iterdir()) == ["index.bin"]


def test_a_failed_write_leaves_the_old_file_whole_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "config" / "settings.json"
    write_atomic(path, '{"theme": "dark"}')

    real_replace = os.replace

    def disk_full(src: str, dst: str | Path) -> None:
        if Path(dst) != path:  # the backup is renamed into place too: let that one through
            real_replace(src, dst)
            return
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(path, '{"theme": "light"}')
    assert path.read_text(encoding="utf-8") == '{"theme": "dark"}'
    # No temp file is left; the backup taken before the replace is the untouched old file.
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json", "settings.json.bak"]
    assert path.with_name("settings.json.bak").read_text(encoding="utf-8") == '{"theme": "dark"}'
