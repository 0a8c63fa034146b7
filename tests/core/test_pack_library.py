"""Finding packs in folders and merging them into one Library, by precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from quickreply.core.model import PackSource
from quickreply.core.packs import PackDir, default_dirs, load_library, pack_files
from quickreply.core.paths import AppPaths
from tests.packtext import write


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # problems then name files relative to here, as a user types them


# -- the library: precedence and merging ---------------------------------------------------


def test_default_dirs_are_shipped_team_personal_then_extra(tmp_path: Path) -> None:
    paths = AppPaths.from_env({"QUICKREPLY_HOME": str(tmp_path)})
    dirs = default_dirs(paths, [Path("x.yaml")])
    assert dirs == [
        PackDir(paths.shipped, PackSource.SHIPPED),
        PackDir(tmp_path / "team", PackSource.TEAM),
        PackDir(tmp_path / "personal", PackSource.PERSONAL),
        PackDir(Path("x.yaml"), PackSource.EXTRA),
    ]


def test_merge_precedence_duplicate_ids_and_codes() -> None:
    write("shipped/a.yaml", "shipped.a", "- id: hello\n  title: 问候\n  code: nh\n  text: 在的\n")
    write(
        "team/b.yaml",
        "team.b",
        "- id: hello\n  title: 团队问候\n  text: 您好\n"
        "- id: bye\n  title: 再见\n  code: nh\n  text: 再见\n",
    )
    write("personal/c.yaml", "personal.c", "- id: mine\n  title: 我的\n  text: 好的\n")
    library = load_library(
        [
            PackDir(Path("shipped"), PackSource.SHIPPED),
            PackDir(Path("team"), PackSource.TEAM),
            PackDir(Path("personal"), PackSource.PERSONAL),
            PackDir(Path("nowhere"), PackSource.TEAM),  # not created yet: fine, silent
        ]
    )
    assert [str(p) for p in library.problems] == [
        "team/b.yaml:6: snippet 'hello': snippet id 'hello' is already used at shipped/a.yaml:6"
        " (rename one of them; this one is skipped)",
        "team/b.yaml:9: snippet 'bye': shortcut code 'nh' is already used by 'hello'"
        " at shipped/a.yaml:6 (choose another code; 'nh' stays with 'hello')",
    ]
    assert [s.id for s in library.snippets()] == ["hello", "bye", "mine"]
    hello = library.get("hello")
    assert hello is not None and hello.title == "问候"  # the shipped one: loaded first
    by_code = library.by_code("nh")
    assert by_code is not None and by_code.id == "hello"  # the code belongs to the first
    assert [(p.meta.id, p.source, p.editable) for p in library.packs] == [
        ("shipped.a", PackSource.SHIPPED, False),
        ("team.b", PackSource.TEAM, False),
        ("personal.c", PackSource.PERSONAL, True),
    ]


def test_a_broken_pack_beside_good_ones_costs_only_itself() -> None:
    write("packs/a.yaml", "good.a", "- id: a\n  title: 一\n  text: 亲\n")
    Path("packs/b.yaml").write_text("pack:\n  id: bad\n  name: [\n", encoding="utf-8")
    write("packs/c.yaml", "good.c", "- id: c\n  title: 三\n  text: 亲\n")
    library = load_library([PackDir(Path("packs"), PackSource.TEAM)])
    assert [p.meta.id for p in library.packs] == ["good.a", "good.c"]
    assert len(library) == 2
    assert [str(p) for p in library.problems] == [
        "packs/b.yaml:4: YAML syntax error: did not find expected node content"
        " (check the indentation here or on the line above; quote text that contains ': ')"
    ]


def test_folders_are_read_recursively_without_shop_yaml_hidden_files_or_repeats() -> None:
    write("team/a.yaml", "a", "- id: a\n  title: 一\n  text: 亲\n")
    write("team/sub/b.yml", "b", "- id: b\n  title: 二\n  text: 亲\n")
    Path("team/shop.yaml").write_text("shop_name: 小店\n", encoding="utf-8")
    Path("team/.a.yaml.swp").write_text("junk", encoding="utf-8")
    Path("team/notes.txt").write_text("junk", encoding="utf-8")
    assert [p.as_posix() for p in pack_files(Path("team"))] == ["team/a.yaml", "team/sub/b.yml"]
    library = load_library(
        [PackDir(Path("team"), PackSource.TEAM), PackDir(Path("team/a.yaml"), PackSource.EXTRA)]
    )
    assert library.problems == ()
    assert [p.meta.id for p in library.packs] == ["a", "b"]


def test_a_second_pack_with_the_same_id_is_skipped() -> None:
    write("team/a.yaml", "shop.presale", "- id: a\n  title: 一\n  text: 亲\n")
    write("personal/copy.yaml", "shop.presale", "- id: b\n  title: 二\n  text: 亲\n")
    library = load_library(
        [PackDir(Path("team"), PackSource.TEAM), PackDir(Path("personal"), PackSource.PERSONAL)]
    )
    assert [str(p) for p in library.problems] == [
        "personal/copy.yaml:1: pack 'shop.presale': pack id 'shop.presale' is already used by"
        " team/a.yaml (give each pack its own id; this one is skipped)"
    ]
    assert [s.id for s in library.snippets()] == ["a"]


def test_a_missing_extra_path_is_reported() -> None:
    library = load_library([PackDir(Path("typo.yaml"), PackSource.EXTRA)])
    assert [str(p) for p in library.problems] == [
        "typo.yaml:1: no such file or folder (check the path)"
    ]
