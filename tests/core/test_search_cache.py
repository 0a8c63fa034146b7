"""The search index's cache file: written, read back, rebuilt when corrupt, edited or unwritable."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from quickreply.core.cacheseal import Seal
from quickreply.core.model import Usage
from quickreply.core.search import CACHE_PREFIX, SearchIndex, cache
from tests.searchlib import LIB, NOW, ids, library, snip

# Caches are sealed with the install's key (core/cacheseal.py); tests use a fixed one.
SEAL = Seal(bytes(range(32)))


def test_load_or_build_writes_a_cache_and_reads_it_back(tmp_path: Path) -> None:
    first = SearchIndex.load_or_build(LIB, tmp_path, seal=SEAL)
    files = list(tmp_path.glob(f"{CACHE_PREFIX}*"))
    assert len(files) == 1
    second = SearchIndex.load_or_build(LIB, tmp_path, seal=SEAL)
    for query in ["退货", "tuihuo", "kd", "/物流 延迟", "銀行", "tiuhuo", "tk退"]:
        assert ids(first, query) == ids(second, query), query


def test_a_corrupt_cache_is_rebuilt_silently(tmp_path: Path) -> None:
    SearchIndex.load_or_build(LIB, tmp_path, seal=SEAL)
    (cache,) = tmp_path.glob(f"{CACHE_PREFIX}*")
    for garbage in (b"", b"\x00garbage", cache.read_bytes()[:100]):
        cache.write_bytes(garbage)
        index = SearchIndex.load_or_build(LIB, tmp_path, seal=SEAL)
        assert ids(index, "退货")[0] == "return.addr"
    assert len(cache.read_bytes()) > 100  # rewritten


def test_an_edited_library_gets_a_fresh_index(tmp_path: Path) -> None:
    SearchIndex.load_or_build(LIB, tmp_path, seal=SEAL)
    edited = library(*LIB.packs[0].snippets[:-1], snip("size", "尺寸对照表", code="cc"))
    index = SearchIndex.load_or_build(edited, tmp_path, seal=SEAL)
    assert ids(index, "尺寸")[0] == "size"
    assert ids(index, "尺码") == []
    assert len(list(tmp_path.glob(f"{CACHE_PREFIX}*"))) == 2  # the new one and the one before


def test_unwritable_cache_dir_still_gives_an_index(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    index = SearchIndex.load_or_build(LIB, blocker / "cache", seal=SEAL)
    assert ids(index, "kd")[0] == "courier"


def test_usage_passed_to_load_or_build_is_applied_to_a_cached_index(tmp_path: Path) -> None:
    lib = library(snip("a", "快递A"), snip("b", "快递B"))
    SearchIndex.load_or_build(lib, tmp_path, seal=SEAL)
    index = SearchIndex.load_or_build(lib, tmp_path, usage={"b": Usage(2, NOW)}, seal=SEAL)
    assert ids(index, "快递") == ["b", "a"]


def test_a_cached_index_finds_typos_like_a_fresh_one(tmp_path: Path) -> None:
    SearchIndex.load_or_build(LIB, tmp_path, seal=SEAL)
    cached = SearchIndex.load_or_build(LIB, tmp_path, seal=SEAL)
    fresh = SearchIndex.build(LIB)
    for query in ("tiuhuo", "uihuo", "kaudi"):
        assert ids(cached, query) == ids(fresh, query)
    assert ids(cached, "tiuhuo")[0] == "return.addr"


def test_cache_read_gives_back_what_write_wrote_and_none_for_anything_else(
    tmp_path: Path,
) -> None:
    path = tmp_path / "index.bin"
    cache.write(path, {"ids": ["a"], "n": 1}, SEAL)
    assert cache.read(path, SEAL) == {"version": cache.INDEX_VERSION, "ids": ["a"], "n": 1}
    assert cache.read(tmp_path / "missing.bin", SEAL) is None
    unsealed = marshal.dumps({"version": cache.INDEX_VERSION, "ids": ["a"], "n": 1})
    for bad in (b"", b"\x00garbage", SEAL.seal(marshal.dumps([1, 2])),
                SEAL.seal(marshal.dumps({"version": -1})), unsealed,
                Seal(b"\x01" * 32).seal(unsealed)):  # fmt: skip
        path.write_bytes(bad)
        assert cache.read(path, SEAL) is None


def test_the_index_reads_and_writes_its_cache_only_through_cache_read_and_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An integrity check added to cache.read/cache.write must cover every load and save.
    SearchIndex.load_or_build(LIB, tmp_path, seal=SEAL)
    written: list[Path] = []
    real_write = cache.write

    def write(path: Path, data: dict[str, object], seal: Seal) -> None:
        written.append(path)
        real_write(path, data, seal)

    monkeypatch.setattr(cache, "read", lambda path, seal: None)  # every file rejected
    monkeypatch.setattr(cache, "write", write)
    index = SearchIndex.load_or_build(LIB, tmp_path, seal=SEAL)
    assert ids(index, "退货")[0] == "return.addr"
    assert [p.name for p in written] == [p.name for p in tmp_path.glob(f"{CACHE_PREFIX}*")]


def test_without_a_seal_the_index_is_built_and_nothing_is_cached(tmp_path: Path) -> None:
    index = SearchIndex.load_or_build(LIB, tmp_path / "cache", seal=None)
    assert ids(index, "kd")[0] == "courier"
    assert not (tmp_path / "cache").exists()


def test_a_cache_this_install_did_not_seal_is_rebuilt(tmp_path: Path) -> None:
    """A marshal file dropped in the cache folder is never unmarshalled (issue 11.4)."""
    SearchIndex.load_or_build(LIB, tmp_path, seal=Seal(b"\x01" * 32))
    (path,) = tmp_path.glob(f"{CACHE_PREFIX}*")
    foreign = path.read_bytes()
    index = SearchIndex.load_or_build(LIB, tmp_path, seal=SEAL)
    assert ids(index, "退货")[0] == "return.addr"
    assert path.read_bytes() != foreign  # rewritten under this install's key


def test_a_cache_in_the_older_layout_is_rebuilt_not_read(tmp_path: Path) -> None:
    """Field offsets are written as bytes since INDEX_VERSION 10; a cache holding them as
    lists (the layout before) must give a working index and be rewritten, never crash."""
    SearchIndex.load_or_build(LIB, tmp_path, seal=SEAL)
    (path,) = tmp_path.glob(f"{CACHE_PREFIX}*")
    data = cache.read(path, SEAL)
    assert data is not None
    fields = {
        name: (hay, marks, list(memoryview(offsets).cast("I")))
        for name, (hay, marks, offsets) in data["fields"].items()
    }
    for version in (cache.INDEX_VERSION - 1, cache.INDEX_VERSION):
        old = {**data, "fields": fields}
        del old["version"]
        blob = cache.chunked.dumps({"version": version, **old})
        path.write_bytes(SEAL.seal(blob))
        index = SearchIndex.load_or_build(LIB, tmp_path, seal=SEAL)
        assert ids(index, "退货")[0] == "return.addr"
        assert ids(index, "tiuhuo")[0] == "return.addr"
        rewritten = cache.read(path, SEAL)
        assert rewritten is not None
        assert all(type(f[2]) is bytes for f in rewritten["fields"].values())


def test_pinyin_next_to_chinese_punctuation_matches_as_typed(tmp_path: Path) -> None:
    """The pinyin fields store Chinese punctuation and symbols (。【】→) as one 1-byte mark:
    matches around them, and from a cached index, are what they were."""
    lib = library(
        snip("a", "已发货【顺丰】", "亲。已发货→请查收。"),
        snip("b", "发货时间", "亲亲，48小时内发货哦"),
    )
    SearchIndex.load_or_build(lib, tmp_path, seal=SEAL)
    for index in (SearchIndex.build(lib), SearchIndex.load_or_build(lib, tmp_path, seal=SEAL)):
        assert ids(index, "shunfeng") == ["a"]
        assert ids(index, "qingchashou") == ["a"]
        assert ids(index, "fahuo") == ["b", "a"]  # a title that starts with it first
        assert ids(index, "yfh")[0] == "a"
        assert ids(index, "【顺丰】") == ["a"]
        hay = index._tables.fields["text_py"].hay  # the stored form itself
        assert max(map(ord, hay)) <= 0xFF
