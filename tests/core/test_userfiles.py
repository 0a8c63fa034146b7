"""Packs, the shop profile and settings are read the same way: one wording for an unknown key,
keys kept as written (never YAML 1.1's ``on`` → True), lines for JSON keys too, a size cap
enforced while reading, and nesting too deep for any real file refused in one line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quickreply.core import userfile
from quickreply.core.jsonread import parse_json
from quickreply.core.model import PackSource
from quickreply.core.packs import SNIPPET_KEYS, load_pack
from quickreply.core.settings import Settings, load_settings
from quickreply.core.shop import load_shop
from quickreply.core.userfile import read_user_file
from quickreply.core.yamlread import parse_yaml

PACK = """\
pack: {id: a, name: 测试}
snippets:
  - id: hello
    title: 问候
    text: 亲，在的~
    %s: 1
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def pack_problems(key: str) -> list[str]:
    Path("a.yaml").write_text(PACK % key, encoding="utf-8")
    return [str(p) for p in load_pack(Path("a.yaml"), PackSource.SHIPPED)[1]]


def shop_problems(text: str) -> list[str]:
    Path("shop.yaml").write_text(text, encoding="utf-8")
    return [str(p) for p in load_shop(Path("shop.yaml"))[1]]


def settings_problems(text: str) -> list[str]:
    Path("settings.json").write_text(text, encoding="utf-8")
    return [str(p) for p in load_settings(Path("settings.json"))[1]]


# --- one wording for an unknown key -------------------------------------------------------------


def test_an_unknown_key_reads_the_same_in_a_pack_a_shop_profile_and_settings() -> None:
    pack = pack_problems("zzz")
    shop = shop_problems("name: 店\nzzz: 1\n")
    settings = settings_problems('{\n  "theme": "dark",\n  "zzz": 1\n}\n')
    known = ", ".join(SNIPPET_KEYS)
    assert pack == [f"a.yaml:6: snippet 'hello': unknown key 'zzz' (known keys: {known})"]
    assert shop == [
        "shop.yaml:2: unknown key 'zzz' (known keys: version, name, agent_id, couriers,"
        " free_shipping, promotions, cutoff, cod_surcharge, synonyms, message_limit)"
    ]
    assert settings == [
        "settings.json:3: warning: unknown key 'zzz' (known keys: palette_hotkey,"
        " waiting_hotkey, replied_hotkey, snippet_hotkeys, pre_paste_ms, restore_ms,"
        " paste_shortcut, paste_backend, language, theme, team_dir, personal_dir, timers,"
        " timer_sound, team_sync_minutes, share_daily, share_drop, agent_id, version)"
    ]


def test_a_near_miss_gets_did_you_mean_in_all_three() -> None:
    assert pack_problems("tilte")[-1].endswith("unknown key 'tilte' (did you mean 'title'?)")
    assert shop_problems("name: 店\ncutof: '16:00'\n") == [
        "shop.yaml:2: unknown key 'cutof' (did you mean 'cutoff'?)"
    ]
    assert settings_problems('{"them": "dark"}') == [
        "settings.json:1: warning: unknown key 'them' (did you mean 'theme'?)"
    ]


@pytest.mark.parametrize("word", ["on", "off", "yes", "no", "y", "n", "On", "NO"])
def test_yaml_1_1_boolean_words_as_keys_are_named_as_written(word: str) -> None:
    assert pack_problems(word)[-1].startswith(f"a.yaml:6: snippet 'hello': unknown key '{word}' (")
    assert shop_problems(f"name: 店\n{word}: 1\n")[0].startswith(
        f"shop.yaml:2: unknown key '{word}' ("
    )


def test_a_number_as_a_key_is_named_as_written() -> None:
    assert shop_problems("name: 店\n0x10: 1\n")[0].startswith("shop.yaml:2: unknown key '0x10' (")


def test_on_and_yes_are_two_keys_not_one_duplicate_true() -> None:
    doc, problems = parse_yaml("on: 1\nyes: 2\n", "a.yaml")
    assert problems == []
    assert doc is not None and doc.data == {"on": 1, "yes": 2}


# --- settings: lines for JSON keys --------------------------------------------------------------


def test_a_bad_setting_is_reported_at_its_own_line() -> None:
    text = json.dumps({"theme": "dark", "restore_ms": -5, "language": "fr"}, indent=2)
    assert settings_problems(text) == [
        "settings.json:3: restore_ms: -5 is out of range (0 to 5000 ms) (using the default)",
        "settings.json:4: language: 'fr' is not one of system, zh_CN, en, zh_TW"
        " (using the default)",
    ]


def test_json_key_lines_follow_nesting_and_lists() -> None:
    text = '{\n "a": [\n  1,\n  {"b": 2,\n   "c": [3,\n    4]}\n ],\n "d": "x,:{[y"\n}\n'
    doc, problems = parse_json(text, "s.json")
    assert problems == []
    assert doc is not None
    assert doc.data == json.loads(text)
    assert [doc.line("a"), doc.line("a", 0), doc.line("a", 1), doc.line("a", 1, "b")] == [
        2,
        3,
        4,
        4,
    ]
    assert [doc.line("a", 1, "c"), doc.line("a", 1, "c", 1), doc.line("d")] == [5, 6, 8]


def test_a_duplicate_json_key_is_reported_and_the_later_wins() -> None:
    doc, problems = parse_json('{"theme": "light",\n "theme": "dark"}', "s.json")
    assert doc is not None and doc.data == {"theme": "dark"}
    assert [str(p) for p in problems] == [
        "s.json:2: duplicate key 'theme' (first on line 1) (delete one of them; the later one wins)"
    ]


# --- nesting ------------------------------------------------------------------------------------


@pytest.mark.parametrize("levels", [100, 100_000])
def test_settings_nested_too_deeply_are_kept_aside_as_corrupt(levels: int) -> None:
    path = Path("settings.json").absolute()
    path.write_text('{"timers": ' + "[" * levels + "]" * levels + "}", encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert [str(p) for p in problems] == [
        f"{path}:1: settings: the file is corrupt (file is nested too deeply); started with"
        f" defaults (a copy is kept at {path}.corrupt)"
    ]
    assert path.with_name("settings.json.corrupt").exists()


def test_aliases_cannot_stack_nesting_past_the_limit() -> None:
    levels = 40  # each alone is fine; one inside the other is 80 deep
    text = f"a: &a {'[' * levels}1{']' * levels}\nb: {'[' * levels}*a{']' * levels}\n"
    doc, problems = parse_yaml(text, "a.yaml")
    assert doc is None
    assert [str(p) for p in problems] == [
        "a.yaml:2: file is nested too deeply"
        " (packs and shop profiles nest a few levels: is this the right file?)"
    ]


# --- reading: regular files only, size capped while reading -------------------------------------


def test_the_size_cap_holds_while_reading_even_when_stat_says_small(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    Path("grows.yaml").write_bytes(b"x" * 5000)
    real_fstat, real_read = os.fstat, os.read
    asked: list[int] = []

    def small_fstat(fd: int) -> os.stat_result:  # as if it grew after fstat
        info = list(real_fstat(fd))
        info[6] = 10  # st_size
        return os.stat_result(info)

    def counting_read(fd: int, n: int) -> bytes:
        asked.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(userfile.os, "fstat", small_fstat)
    monkeypatch.setattr(userfile.os, "read", counting_read)
    data, problem = read_user_file(Path("grows.yaml"), "grows.yaml", 1024)
    assert data is None
    assert str(problem) == (
        "grows.yaml:1: file is too big (0.0 MB, the limit is 0.0 MB) (is this the right file?)"
    )
    assert sum(asked) == 1025


def test_a_dangling_symlink_and_a_folder_are_one_line_each() -> None:
    Path("gone.yaml").symlink_to("nowhere.yaml")
    Path("dir.yaml").mkdir()
    assert str(read_user_file(Path("gone.yaml"), "gone.yaml", 10)[1]) == (
        "gone.yaml:1: no such file (check the path)"
    )
    assert str(read_user_file(Path("dir.yaml"), "dir.yaml", 10)[1]) == (
        "dir.yaml:1: is a folder, not a file (give a file)"
    )
