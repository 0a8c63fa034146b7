"""The start-up pack cache: same library as a fresh load, no YAML parsing when nothing changed,
problems kept, and any change, corruption or version bump falls back to loading the files."""

from __future__ import annotations

import marshal
import os
import pickle
from pathlib import Path

import pytest

from quickreply.core import libcache
from quickreply.core.cacheseal import Seal
from quickreply.core.libcache import LibraryCache, load_library_cached
from quickreply.core.model import Library, PackSource
from quickreply.core.packs import PackDir, load_library

# Tests seal with a fixed key; the key file itself is tested in test_cacheseal.py.
SEAL = Seal(bytes(range(32)))

GOOD = """\
pack:
  id: shop.presale
  name: 售前接待
  version: 3
snippets:
  - id: courier.which
    title: 合作快递
    code: kd
    group: 物流/快递
    tags: [快递, 发货]
    text: 亲，我们默认发中通快递哦~
    fields:
      region: {label: 收货省份, kind: region, default: 广东}
  - id: greet.hello
    title: 欢迎
    code: hi
    text: 亲，在的~
  - id: macro.greet
    title: 问候宏
    steps:
      - paste: 亲，在的~
      - wait: 300
      - enter
"""

BROKEN = """\
pack:
  id: team.after
  name: 售后
snippets:
  - id: refund.how
    title: 退款
    code: kd
    text: 亲，退款请点申请售后~
    colour: red
  - id: no.text
    title: 没有正文
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # problems name files relative to here


@pytest.fixture
def dirs(tmp_path: Path) -> list[PackDir]:
    shipped = tmp_path / "shipped"
    team = tmp_path / "team"
    shipped.mkdir()
    team.mkdir()
    (shipped / "presale.yaml").write_text(GOOD, encoding="utf-8")
    (team / "after.yaml").write_text(BROKEN, encoding="utf-8")
    return [PackDir(shipped, PackSource.SHIPPED), PackDir(team, PackSource.TEAM)]


def lines(library: Library) -> list[str]:
    return [str(p) for p in library.problems]


def no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any pack parse fail the test: a cached start must not read YAML."""

    def parse(*_: object) -> object:
        raise AssertionError("a pack was parsed although the cache was fresh")

    monkeypatch.setattr(libcache, "load_pack", parse)


def test_second_load_uses_the_cache_and_gives_the_same_library(
    dirs: list[PackDir], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = load_library(dirs)
    first = load_library_cached(dirs, tmp_path / "cache", SEAL)
    assert (first.hits, first.misses) == (0, 2)
    no_yaml(monkeypatch)
    second = load_library_cached(dirs, tmp_path / "cache", SEAL)
    assert (second.hits, second.misses) == (2, 0)
    assert second.library.packs == fresh.packs
    assert lines(second.library) == lines(fresh)
    assert second.library.get("courier.which") == fresh.get("courier.which")
    macro = second.library.get("macro.greet")
    assert macro is not None and [s.kind for s in macro.steps] == ["paste", "wait", "enter"]
    assert second.fingerprint == first.fingerprint is not None


def test_a_broken_pack_still_shows_its_problems_from_the_cache(
    dirs: list[PackDir], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_library_cached(dirs, tmp_path / "cache", SEAL)
    no_yaml(monkeypatch)
    library = load_library_cached(dirs, tmp_path / "cache", SEAL).library
    assert lines(library) == [
        "team/after.yaml:9: snippet 'refund.how': unknown key 'colour'"
        " (known keys: id, title, code, group, tags, text, note, examples, fields, hotkey,"
        " send, steps, image)",
        "team/after.yaml:10: snippet 'no.text': missing 'text' (add the reply text,"
        " or 'steps' for a macro)",
        "team/after.yaml:5: snippet 'refund.how': shortcut code 'kd' is already used by"
        " 'courier.which' at shipped/presale.yaml:6 (choose another code; 'kd' stays with"
        " 'courier.which')",
    ]


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(
    dirs: list[PackDir], tmp_path: Path
) -> None:
    path = tmp_path / "shipped" / "presale.yaml"
    first = load_library_cached(dirs, tmp_path / "cache", SEAL)
    stat = path.stat()
    edited = GOOD.replace("在的", "您好")  # same byte length
    assert len(edited.encode()) == stat.st_size
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    second = load_library_cached(dirs, tmp_path / "cache", SEAL)
    assert (second.hits, second.misses) == (1, 1)
    hello = second.library.get("greet.hello")
    assert hello is not None and hello.text == "亲，您好~"
    assert second.fingerprint != first.fingerprint


def test_removed_and_added_files_follow_the_folders(dirs: list[PackDir], tmp_path: Path) -> None:
    load_library_cached(dirs, tmp_path / "cache", SEAL)
    (tmp_path / "team" / "after.yaml").unlink()
    (tmp_path / "team" / "more.yaml").write_text(
        "pack: {id: team.more, name: 更多}\nsnippets:\n  - {id: more.one, title: 一, text: 一}\n",
        encoding="utf-8",
    )
    loaded = load_library_cached(dirs, tmp_path / "cache", SEAL)
    assert [p.meta.id for p in loaded.library.packs] == ["shop.presale", "team.more"]
    assert loaded.library.problems == ()
    assert (loaded.hits, loaded.misses) == (1, 1)


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle", pickle.dumps(["a", "list"]), pickle.dumps({"version": "old"})],
    ids=["empty", "garbage", "wrong-type", "other-version"],
)
def test_a_corrupt_or_foreign_cache_is_ignored_and_rebuilt(
    dirs: list[PackDir], tmp_path: Path, content: bytes
) -> None:
    cache = LibraryCache(tmp_path / "cache", SEAL)
    cache_file = cache.cache_file(dirs)
    cache_file.parent.mkdir()
    cache_file.write_bytes(content)
    loaded = cache.load(dirs)
    assert loaded.library.packs == load_library(dirs).packs
    assert loaded.misses == 2
    assert cache.load(dirs).misses == 0  # rewritten


def test_a_truncated_cache_is_ignored(dirs: list[PackDir], tmp_path: Path) -> None:
    cache = LibraryCache(tmp_path / "cache", SEAL)
    cache.load(dirs)
    cache_file = cache.cache_file(dirs)
    cache_file.write_bytes(cache_file.read_bytes()[:-100])
    assert cache.load(dirs).library.packs == load_library(dirs).packs


def test_a_new_loader_version_drops_every_entry(
    dirs: list[PackDir], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_library_cached(dirs, tmp_path / "cache", SEAL)
    monkeypatch.setattr(libcache, "CACHE_FORMAT", libcache.CACHE_FORMAT + 1)
    again = load_library_cached(dirs, tmp_path / "cache", SEAL)
    assert again.misses == 2
    assert again.fingerprint != first.fingerprint


def test_another_working_folder_keeps_its_own_displayed_paths(
    dirs: list[PackDir], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_library_cached(dirs, tmp_path / "cache", SEAL)
    monkeypatch.chdir(tmp_path / "team")
    library = load_library_cached(dirs, tmp_path / "cache", SEAL).library
    assert lines(library) == lines(load_library(dirs))
    assert lines(library)[0].startswith("after.yaml:9: ")


def test_an_unwritable_cache_folder_still_loads(dirs: list[PackDir], tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    loaded = load_library_cached(dirs, blocker, SEAL)
    assert loaded.library.packs == load_library(dirs).packs


def test_an_unreadable_pack_has_no_fingerprint_and_is_reported(
    dirs: list[PackDir], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(libcache, "file_key", lambda path, source: None)
    loaded = load_library_cached(dirs, tmp_path / "cache", SEAL)
    assert loaded.fingerprint is None
    assert lines(loaded.library) == lines(load_library(dirs))


def test_old_cache_files_are_pruned(dirs: list[PackDir], tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    for i in range(libcache.KEEP_FILES + 3):
        extra = tmp_path / f"extra{i}.yaml"
        extra.write_text(f"pack: {{id: x{i}, name: x}}\nsnippets: []\n", encoding="utf-8")
        load_library_cached([*dirs, PackDir(extra, PackSource.EXTRA)], cache_dir, SEAL)
    assert len(list(cache_dir.glob("library-*.bin"))) == libcache.KEEP_FILES


def test_the_app_loads_through_the_cache_and_keys_the_index_on_it(
    qr_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quickreply.app.services import build_services
    from quickreply.core.paths import AppPaths

    personal = qr_home / "personal"
    personal.mkdir()
    mine = GOOD.replace("shop.presale", "me.mine").replace("courier.which", "me.courier")
    mine = mine.replace("greet.hello", "me.hello").replace("code: kd", "code: mykd")
    (personal / "mine.yaml").write_text(mine.replace("code: hi", "code: myhi"), encoding="utf-8")
    paths = AppPaths.from_env()
    first = build_services(paths)
    assert any(p.name.startswith("library-") for p in paths.cache.iterdir())
    no_yaml(monkeypatch)
    second = build_services(paths)
    assert second.library.packs == first.library.packs
    hits = second.index.search("mykd")
    assert hits and hits[0].snippet.id == "me.courier"


STARTUP_SCRIPT = """
import sys
from pathlib import Path
from quickreply.core.cacheseal import Seal
from quickreply.core.libcache import load_library_cached
from quickreply.core.model import PackSource
from quickreply.core.packs import PackDir
from quickreply.core.search import SearchIndex

cache = Path(sys.argv[1])
seal = Seal.load_or_create(Path(sys.argv[1]).parent / "cache.key")
loaded = load_library_cached([PackDir(Path(sys.argv[2]), PackSource.SHIPPED)], cache, seal)
index = SearchIndex.load_or_build(loaded.library, cache, key=loaded.fingerprint, seal=seal)
assert index.search("发货") and index.search("kd")
print(loaded.misses, *sorted(m for m in ("pypinyin", "opencc", "rapidfuzz") if m in sys.modules))
"""


def test_a_warm_start_and_first_searches_need_no_pinyin_or_fuzzy_libraries(
    tmp_path: Path,
) -> None:
    """pypinyin alone costs ~57 MB and its tables seconds: a cached start must not load it."""
    import subprocess
    import sys

    from quickreply.core.paths import SHIPPED_DIR

    command = [sys.executable, "-c", STARTUP_SCRIPT, str(tmp_path / "cache"), str(SHIPPED_DIR)]
    cold = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
    assert cold[0] != "0"  # the first start parsed the packs and built the index
    # Even the first start reads only pypinyin's character table, not the package (whose
    # import loads its phrase dictionary too: ≈ 0.15 s before the palette opens).
    assert "pypinyin" not in cold
    warm = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
    assert warm == ["0"]


class _CreatesAFile:
    """What an attacker would put in a pickle: unpickling calls ``open(marker, "w")``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def test_a_crafted_pickle_in_the_cache_folder_is_never_run(
    dirs: list[PackDir], tmp_path: Path
) -> None:
    """Issue 11.4: a file dropped into the user's cache folder must not run code at start."""
    cache_dir = tmp_path / "cache"
    load_library_cached(dirs, cache_dir, SEAL)
    marker = tmp_path / "pwned"
    evil = pickle.dumps({"version": "x", "entries": _CreatesAFile(marker)})
    planted = list(cache_dir.glob("library-*"))
    assert planted
    for path in planted:
        path.write_bytes(evil)
        path.with_suffix(".pickle").write_bytes(evil)  # the name earlier versions read
    loaded = load_library_cached(dirs, cache_dir, SEAL)
    assert not marker.exists()
    assert loaded.library.packs == load_library(dirs).packs
    assert loaded.misses == 2  # treated as absent: loaded from the packs, then rewritten
    assert not list(cache_dir.glob("*.pickle"))


def test_a_cache_sealed_with_another_key_is_ignored(dirs: list[PackDir], tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    load_library_cached(dirs, cache_dir, Seal(b"\x01" * 32))
    loaded = load_library_cached(dirs, cache_dir, SEAL)
    assert loaded.misses == 2
    assert loaded.library.packs == load_library(dirs).packs
    assert load_library_cached(dirs, cache_dir, SEAL).misses == 0


@pytest.mark.parametrize(
    "plain",
    [b"", b"garbage", marshal.dumps(("other", ())), marshal.dumps(["a", "list"])],
    ids=["empty", "garbage", "other-version", "wrong-type"],
)
def test_sealed_data_of_another_shape_is_ignored(
    dirs: list[PackDir], tmp_path: Path, plain: bytes
) -> None:
    cache = LibraryCache(tmp_path / "cache", SEAL)
    cache_file = cache.cache_file(dirs)
    cache_file.parent.mkdir()
    cache_file.write_bytes(SEAL.seal(plain))
    assert cache.load(dirs).library.packs == load_library(dirs).packs


def test_without_a_seal_nothing_is_cached(dirs: list[PackDir], tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    first = load_library_cached(dirs, cache_dir, None)
    second = load_library_cached(dirs, cache_dir, None)
    assert second.misses == 2
    assert second.library.packs == first.library.packs == load_library(dirs).packs
    assert not cache_dir.exists() or not list(cache_dir.iterdir())


def test_every_field_of_every_dataclass_survives_the_cache(tmp_path: Path) -> None:
    """The plain-data codec lists fields by position: a model change it misses fails here."""
    import dataclasses

    from quickreply.core.model import Field, Pack, PackMeta, Snippet, Step
    from quickreply.core.problems import Problem, Severity

    def distinct(cls: type, **given: object) -> object:
        values: dict[str, object] = {}
        for i, f in enumerate(dataclasses.fields(cls)):
            if f.name in given:
                values[f.name] = given[f.name]
            elif f.type in ("str", "str | None"):
                values[f.name] = f"{f.name}-{i}"
            elif f.type == "int":
                values[f.name] = 100 + i
            elif f.type == "bool":
                values[f.name] = True
            elif f.type in ("tuple[str, ...]",):
                values[f.name] = (f"{f.name}-a", f"{f.name}-b")
            elif f.type == "tuple[int, ...]":
                values[f.name] = (7, 8)
            else:
                raise AssertionError(f"add a value for {cls.__name__}.{f.name}: {f.type}")
        return cls(**values)

    field = distinct(Field, kind="choice")
    step = distinct(Step, kind="wait", data=b"")  # data: read by the renderer, never cached
    snippet = distinct(Snippet, fields=(field,), steps=(step,))
    pack = Pack(distinct(PackMeta), (snippet,), tmp_path / "p.yaml", PackSource.TEAM)  # type: ignore[arg-type]
    problem = distinct(Problem, severity=Severity.WARNING, args=(("a", "b"),))
    key = ("k", "k", "team", "h")
    entries = {key: (pack, (problem,))}
    assert libcache._decode(libcache._encode("v", entries), "v") == entries  # type: ignore[arg-type]
