"""A pack file over the 5 MB limit is not parsed: its one line says how to split it, with the
number of replies per file that fits, counted from the file itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from quickreply.core.model import PackSource
from quickreply.core.packs import load_pack
from quickreply.core.packs.oversize import count_replies, split_hint
from quickreply.core.yamlread import MAX_BYTES


def big_pack(path: Path, replies: int, text_chars: int) -> Path:
    body = "亲" * text_chars
    parts = ["pack:\n  id: shop.big\n  name: 大包\nsnippets:\n"]
    parts += [f"  - id: r{i}\n    title: 回复{i}\n    text: {body}{i}\n" for i in range(replies)]
    path.write_text("".join(parts), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # 30,000 replies of ~60 characters: ~6.4 MB, as a shop's exported library would be.
    return big_pack(tmp_path_factory.mktemp("big") / "library.yaml", 30_000, 60)


def test_a_pack_over_the_limit_says_how_to_split_it_in_one_line(big: Path) -> None:
    size = big.stat().st_size
    assert size > MAX_BYTES
    pack, problems = load_pack(big, PackSource.TEAM)
    assert pack is None
    [line] = [str(p) for p in problems]
    assert "\n" not in line
    assert line.startswith(f"{big}:1: file is too big (")
    per_file = int(30_000 * MAX_BYTES * 0.8 / size) // 100 * 100
    files = -(-30_000 // per_file)
    assert (
        f"(split its 30,000 replies into {files} pack files of at most {per_file:,} replies each"
        in line
    )


def test_files_split_as_the_line_says_fit_the_limit(big: Path, tmp_path: Path) -> None:
    hint = split_hint(big, big.stat().st_size)
    assert hint is not None
    files = int(hint.split(" into ")[1].split(" ")[0])
    per_file = int(hint.split("at most ")[1].split(" ")[0].replace(",", ""))
    lines = big.read_text(encoding="utf-8").splitlines(keepends=True)
    header, body = "".join(lines[:4]), lines[4:]
    parts = [body[start : start + per_file * 3] for start in range(0, len(body), per_file * 3)]
    assert len(parts) == files
    for n, part in enumerate(parts):
        path = tmp_path / f"part{n}.yaml"
        path.write_text(header.replace("shop.big", f"shop.big{n}") + "".join(part), "utf-8")
        assert path.stat().st_size <= MAX_BYTES
    pack, problems = load_pack(path, PackSource.TEAM)  # the last part, as a check
    assert problems == [] and pack is not None and len(pack.snippets) == len(parts[-1]) // 3


def test_a_big_file_without_replies_keeps_the_plain_hint(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_bytes(b"# " + b"x" * (MAX_BYTES + 10) + b"\n")
    _, problems = load_pack(path, PackSource.PERSONAL)
    assert [p.hint for p in problems] == ["is this the right file? split it into smaller packs"]


def test_replies_are_counted_across_read_chunks(tmp_path: Path) -> None:
    path = big_pack(tmp_path / "p.yaml", 70_000, 40)  # > 4 MB: more than one chunk
    assert count_replies(path) == 70_000
    assert count_replies(path, limit=1024) is None
