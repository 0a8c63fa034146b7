"""The pack cache per file and in stages: one changed pack is the only one parsed again, and a
first start loads what fits its budget now and the rest later, without parsing anything twice."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from quickreply.core import libcache
from quickreply.core.cacheseal import Seal
from quickreply.core.libcache import LibraryCache
from quickreply.core.model import PackSource
from quickreply.core.packs import PackDir, load_pack

SEAL = Seal(bytes(range(32)))


def pack_text(name: str, count: int) -> str:
    lines = [f"pack:\n  id: shop.{name}\n  name: 包{name}\nsnippets:\n"]
    for i in range(count):
        lines.append(f"  - id: {name}.r{i}\n    title: 回复{name}{i}\n")
        lines.append(f"    text: 亲，这是{name}的第{i}条回复~\n")
    return "".join(lines)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    packs = tmp_path / "packs"
    packs.mkdir()
    for name in ("a", "b", "c"):
        (packs / f"{name}.yaml").write_text(pack_text(name, 20), encoding="utf-8")
    return packs


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the pack files parsed from YAML, in order."""
    names: list[str] = []

    def counting(path: Path, source: PackSource):  # type: ignore[no-untyped-def]
        names.append(path.name)
        return load_pack(path, source)

    monkeypatch.setattr(libcache, "load_pack", counting)
    return names


def ids(loaded: libcache.CachedLibrary) -> set[str]:
    return {s.id for s in loaded.library.snippets()}


def test_one_changed_pack_is_the_only_file_parsed_again(
    folder: Path, tmp_path: Path, parsed: list[str]
) -> None:
    dirs = [PackDir(folder, PackSource.PERSONAL)]
    cache = LibraryCache(tmp_path / "cache", SEAL)
    cache.load(dirs)
    assert parsed == ["a.yaml", "b.yaml", "c.yaml"]
    (folder / "b.yaml").write_text(pack_text("b", 21), encoding="utf-8")  # a team update
    parsed.clear()
    again = cache.load(dirs)
    assert parsed == ["b.yaml"]
    assert (again.hits, again.misses) == (2, 1)
    assert "b.r20" in ids(again)


def test_a_budget_loads_the_files_that_fit_and_leaves_the_rest_for_later(
    folder: Path, tmp_path: Path, parsed: list[str]
) -> None:
    dirs = [PackDir(folder, PackSource.PERSONAL)]
    size = (folder / "a.yaml").stat().st_size
    first = LibraryCache(tmp_path / "cache", SEAL).load(dirs, budget=size + 10)
    assert parsed == ["a.yaml"]
    assert (first.files, first.deferred, first.complete) == (3, 2, False)
    assert ids(first) == {f"a.r{i}" for i in range(20)}
    assert first.fingerprint is None  # never keys an index cache: it is not the library
    assert not (tmp_path / "cache").exists()  # a part is not saved as if it were the whole

    parsed.clear()
    rest = LibraryCache(tmp_path / "cache", SEAL).load(dirs, seed=first.entries)
    assert parsed == ["b.yaml", "c.yaml"]  # a.yaml came from the first stage
    assert rest.complete and len(ids(rest)) == 60 and rest.fingerprint is not None
    parsed.clear()
    assert LibraryCache(tmp_path / "cache", SEAL).load(dirs).misses == 0
    assert parsed == []


def test_the_first_file_is_loaded_whatever_the_budget(folder: Path, tmp_path: Path) -> None:
    loaded = LibraryCache(tmp_path / "cache", SEAL).load(
        [PackDir(folder, PackSource.PERSONAL)], budget=0
    )
    assert (loaded.files, loaded.deferred) == (3, 2)
    assert len(ids(loaded)) == 20


def test_a_library_wholly_cached_ignores_the_budget_when_the_rest_is_cached_too(
    folder: Path, tmp_path: Path
) -> None:
    dirs = [PackDir(folder, PackSource.PERSONAL)]
    whole = LibraryCache(tmp_path / "cache", SEAL).load(dirs)
    asked: list[str] = []

    def warm(fingerprint: str) -> bool:
        asked.append(fingerprint)
        return True

    again = LibraryCache(tmp_path / "cache", SEAL).load(dirs, budget=0, warm=warm)
    assert again.complete and again.fingerprint == whole.fingerprint == asked[0]
    # The index cache is missing (warm says no): start on a part, as with no cache at all.
    cold = LibraryCache(tmp_path / "cache", SEAL).load(dirs, budget=0, warm=lambda _: False)
    assert cold.deferred == 2


def test_a_corrupt_cache_is_ignored_by_a_budgeted_start(folder: Path, tmp_path: Path) -> None:
    dirs = [PackDir(folder, PackSource.PERSONAL)]
    cache = LibraryCache(tmp_path / "cache", SEAL)
    cache.load(dirs)
    path = cache.cache_file(dirs)
    path.write_bytes(path.read_bytes()[:-40] + b"\0" * 40)
    loaded = cache.load(dirs, budget=0, warm=lambda _: True)
    assert (loaded.hits, loaded.deferred) == (0, 2)
    assert len(ids(cache.load(dirs))) == 60


def key(name: str) -> libcache.FileKey:
    return (name, name, "", "")


def test_stages_take_the_agents_own_packs_first_the_smallest_first() -> None:
    files = [
        (key("shipped-small"), PackSource.SHIPPED, 100),
        (key("team"), PackSource.TEAM, 3000),
        (key("personal-big"), PackSource.PERSONAL, 5000),
        (key("personal"), PackSource.PERSONAL, 200),
        (key("extra"), PackSource.EXTRA, 400),
    ]
    stages = libcache.plan_stages(files, budget=700)
    names = [sorted(k[0] for k in stage) for stage in stages]
    # What fits first: the own packs by size (personal, extra); the big one does not fit,
    # the shipped one still does. Then the rest of the own packs, then the team's.
    assert names[0] == ["extra", "personal", "shipped-small"]
    assert names[1] == ["extra", "personal", "personal-big", "shipped-small"]
    assert names[-1] == sorted(k[0] for k, _, _ in files)
    assert all(a < b for a, b in itertools.pairwise(stages))


def test_a_first_stage_never_is_empty_and_later_stages_grow_fourfold() -> None:
    files = [(key(f"p{n}"), PackSource.PERSONAL, 1000) for n in range(20)]
    files.append((key("shipped"), PackSource.SHIPPED, 10))
    stages = libcache.plan_stages(files, budget=0)
    # 10 bytes (the smallest file), then at least 4× the bytes of the stage before, then all.
    assert [len(s) for s in stages] == [1, 2, 6, 21]
    assert next(iter(stages[0]))[0] == "shipped"  # nothing fits: the smallest file
