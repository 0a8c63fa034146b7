"""Reading one pack file (every key, every problem pinned) and writing it back."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from quickreply.core.model import Field, Pack, PackMeta, PackSource, Snippet, Step
from quickreply.core.packs import dump_pack, load_pack, save_pack
from tests.packtext import pack_text, write

WritePack = Callable[[str, str], Path]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # problems then name files relative to here, as a user types them


def problems_of(body: str) -> list[str]:
    pack, problems = load_pack(write("a.yaml", "t", body), PackSource.SHIPPED)
    assert pack is not None
    return [str(p) for p in problems]


FULL = """
- id: courier.which
  title: 合作快递
  code: kd
  group: 物流/快递
  tags: [快递, 发货]
  text: |
    亲，我们默认发{{ courier(region).name }}哦~
    偏远地区发EMS
  note: 买家问发什么快递时用
  examples: [发什么快递, 能发顺丰吗]
  fields:
    region: {label: 收货省份, kind: region, default: 广东}
    amount: {label: 订单金额, kind: number}
    size: {label: 尺码, kind: choice, choices: [S, M, L]}
    name: 买家称呼
  hotkey: Ctrl+Alt+1
  send: true
- id: greet
  title: 问候
  text:
    - 亲，在的~
    - "您好，请问有什么可以帮您？"
- id: macro.hello
  title: 连发问候
  steps:
    - paste: 亲，在的~
    - wait: 300
    - enter
"""


def test_a_full_pack_loads_every_field() -> None:
    pack, problems = load_pack(write("a.yaml", "shop.presale", FULL), PackSource.TEAM)
    assert problems == []
    assert pack is not None
    assert (pack.meta.id, pack.meta.name, pack.meta.version, pack.meta.locale) == (
        "shop.presale",
        "测试",
        2,
        "zh-CN",
    )
    assert pack.source is PackSource.TEAM and not pack.editable
    courier, greet, macro = pack.snippets
    assert courier.variants == ("亲，我们默认发{{ courier(region).name }}哦~\n偏远地区发EMS",)
    assert (courier.code, courier.group_path, courier.tags) == (
        "kd",
        ("物流", "快递"),
        ("快递", "发货"),
    )
    assert courier.examples == ("发什么快递", "能发顺丰吗")
    assert courier.fields == (
        Field("region", "收货省份", "region", "广东", line=17),
        Field("amount", "订单金额", "number", line=18),
        Field("size", "尺码", "choice", choices=("S", "M", "L"), line=19),
        Field("name", "买家称呼", line=20),
    )
    assert (courier.hotkey, courier.send, courier.pack_id) == ("ctrl+alt+1", True, "shop.presale")
    assert (courier.path, courier.line, courier.text_line) == ("a.yaml", 6, 12)
    assert greet.variants == ("亲，在的~", "您好，请问有什么可以帮您？")
    assert greet.variant_lines == (26, 27)
    assert macro.variants == ()
    assert macro.steps == (Step("paste", "亲，在的~"), Step("wait", ms=300), Step("enter"))


def test_dump_pack_round_trips_through_load_pack(tmp_path: Path) -> None:
    pack, _ = load_pack(write("a.yaml", "shop.presale", FULL), PackSource.PERSONAL)
    assert pack is not None
    out = tmp_path / "out.yaml"
    out.write_text(dump_pack(pack), encoding="utf-8")
    again, problems = load_pack(out, PackSource.PERSONAL)
    assert problems == []
    assert again is not None and again.meta == pack.meta

    def content(s: Snippet) -> tuple[object, ...]:
        fields = tuple((f.name, f.label, f.kind, f.default, f.choices) for f in s.fields)
        return (s.id, s.title, s.variants, s.code, s.group, s.tags, s.note, s.examples, fields,
                s.hotkey, s.send, s.steps)  # fmt: skip

    assert [content(s) for s in again.snippets] == [content(s) for s in pack.snippets]
    # People edit the file by hand afterwards: it reads like the hand-written ones.
    assert "    tags: [快递, 发货]\n" in dump_pack(pack)
    assert "    text: |-\n      亲，我们默认发" in dump_pack(pack)


def test_save_pack_is_atomic_and_keeps_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "personal" / "mine.yaml"
    snippet = Snippet("a", "一", ("第一版",))
    save_pack(Pack(_meta(), (snippet,), path, PackSource.PERSONAL), path)
    first = path.read_text(encoding="utf-8")
    save_pack(Pack(_meta(), (Snippet("a", "一", ("第二版",)),), path, PackSource.PERSONAL), path)
    assert (tmp_path / "personal" / "mine.yaml.bak").read_text(encoding="utf-8") == first
    assert "第二版" in path.read_text(encoding="utf-8")
    assert sorted(p.name for p in path.parent.iterdir()) == ["mine.yaml", "mine.yaml.bak"]


def test_a_failed_save_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("old", encoding="utf-8")

    real_replace = os.replace

    def broken_replace(src: str, dst: str | Path) -> None:
        if Path(dst) != path:  # the backup is renamed into place too: let that one through
            real_replace(src, dst)
            return
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        save_pack(Pack(_meta(), (Snippet("a", "一", ("x",)),), path, PackSource.PERSONAL), path)
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir() if "mine" in p.name) == [
        "mine.yaml",
        "mine.yaml.bak",
    ]


def _meta() -> PackMeta:
    return PackMeta("personal.mine", "我的")


# -- snippet problems: each pinned, each keeps the rest of the file loading -------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "- id: courier.which\n  tilte: 合作快递\n  title: 快递\n  text: 亲~\n",
            "a.yaml:7: snippet 'courier.which': unknown key 'tilte' (did you mean 'title'?)",
        ),
        (
            "- id: a\n  title: 一\n  text: 亲~\n  tags: 快递\n",
            "a.yaml:9: snippet 'a': 'tags' must be a list of texts, not text"
            " (write tags: [快递, 发货])",
        ),
        (
            "- id: a\n  title: 一\n  text: 亲~\n  examples: [发什么快递, [x]]\n",
            "a.yaml:9: snippet 'a': 'examples' item 2 must be text, not a list"
            " (write examples: [发什么快递, 能发顺丰吗])",
        ),
        (
            "- id: a\n  text: 亲~\n",
            "a.yaml:6: snippet 'a': missing 'title' (add a short title, e.g. title: 合作快递)",
        ),
        (
            "- id: a\n  title: 一\n  text: 亲~\n  code: KD\n",
            "a.yaml:9: snippet 'a': shortcut code 'KD' has capital letters (write 'kd')",
        ),
        (
            "- id: a\n  title: 一\n  text: 亲~\n  code: 快递\n",
            "a.yaml:9: snippet 'a': shortcut code '快递' is malformed"
            " (use 1-12 lowercase letters or digits, e.g. kd)",
        ),
        (
            "- id: a\n  title: 一\n  text: 亲~\n  note: [x]\n",
            "a.yaml:9: snippet 'a': 'note' must be text, not a list",
        ),
        (
            "- id: a\n  title: 一\n  text: 亲~\n  send: 是\n",
            "a.yaml:9: snippet 'a': 'send' must be true or false, not text",
        ),
        (
            "- id: a\n  title: 一\n  text: 亲~\n  hotkey: hyper+1\n",
            "a.yaml:9: snippet 'a': hotkey 'hyper+1': 'hyper' is not a modifier"
            " (use ctrl, alt, shift or meta)",
        ),
        (
            "- id: a\n  title: 一\n  text: 亲~\n  hotkey: shift+a\n",
            "a.yaml:9: snippet 'a': hotkey 'shift+a' would take that key away from typing"
            " (add ctrl or alt, e.g. hotkey: ctrl+alt+1)",
        ),
        (
            "- id: a\n  title: 一\n  text: 亲~\n  fields:\n"
            "    region: {label: 省份, kind: regoin}\n",
            "a.yaml:10: snippet 'a' field 'region': unknown kind 'regoin' (did you mean 'region'?)",
        ),
        (
            "- id: a\n  title: 一\n  text: 亲~\n  fields:\n    size: {label: 尺码, kind: choice}\n",
            "a.yaml:10: snippet 'a' field 'size': kind 'choice' needs 'choices'"
            " (e.g. choices: [S, M, L])",
        ),
        (
            "- id: a\n  title: 一\n  text: 亲~\n  fields:\n    size: {lable: 尺码}\n",
            "a.yaml:10: snippet 'a' field 'size': unknown key 'lable' (did you mean 'label'?)",
        ),
    ],
)
def test_a_bad_optional_value_is_reported_and_the_snippet_still_loads(
    body: str, expected: str
) -> None:
    pack, problems = load_pack(write("a.yaml", "t", body), PackSource.SHIPPED)
    assert [str(p) for p in problems] == [expected]
    assert pack is not None and [s.id for s in pack.snippets] == [
        "courier.which" if "courier" in body else "a"
    ]


def test_a_hotkey_is_kept_in_the_spelling_settings_and_platforms_use() -> None:
    # One parser (core/hotkeys.py) for every layer: two spellings of one combination are equal.
    body = "".join(
        f"- id: {sid}\n  title: 一\n  text: 亲~\n  hotkey: {combo}\n"
        for sid, combo in (("a", "Alt+Ctrl+1"), ("b", "ctl+2"), ("c", "win+3"), ("d", "F5"))
    )
    pack, problems = load_pack(write("a.yaml", "t", body), PackSource.SHIPPED)
    assert problems == []
    assert pack is not None
    assert [s.hotkey for s in pack.snippets] == ["ctrl+alt+1", "ctrl+2", "meta+3", "f5"]


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        ("- title: 无编号\n  text: 亲~\n",
         "a.yaml:6: snippet #1: missing 'id' (add one, e.g. id: courier.which)"),
        ("- id: Courier Which\n  title: 一\n  text: 亲~\n",
         "a.yaml:6: snippet #1: id 'Courier Which' is malformed"
         " (use lowercase letters, digits, '.', '_' and '-', e.g. courier.which)"),
        ("- id: [a]\n  title: 一\n  text: 亲~\n", "a.yaml:6: snippet #1: 'id' must be text,"
         " not a list (use lowercase letters, digits, '.', '_' and '-', e.g. courier.which)"),
        ("- id: a\n  title: 一\n", "a.yaml:6: snippet 'a': missing 'text'"
         " (add the reply text, or 'steps' for a macro)"),
        ("- id: a\n  title: 一\n  text: ''\n", "a.yaml:8: snippet 'a': 'text' is empty"
         " (write the reply text)"),
        ("- id: a\n  title: 一\n  text: 100\n", "a.yaml:8: snippet 'a': 'text' must be text or a"
         " list of variants, not a number (quote it: text: '…')"),
        ("- id: a\n  title: 一\n  text: [亲, {x: 1}]\n", "a.yaml:8: snippet 'a': text variant 2"
         " must be text, not a mapping (quote it: - '…')"),
        ("- id: a\n  title: 一\n  steps: [{pase: 亲}]\n", "a.yaml:8: snippet 'a': step 1:"
         " unknown step 'pase' (did you mean 'paste'?)"),
        ("- id: a\n  title: 一\n  steps: [{wait: 2 秒}]\n", "a.yaml:8: snippet 'a': step 1: 'wait'"
         " needs milliseconds from 0 to 60000 (e.g. - wait: 300)"),
        ("- 亲，在的\n", "a.yaml:6: snippet #1: a snippet must be a mapping, not text"
         " (write id:, title:, text: … under the '-')"),
        ("- id: ok\n  title: 重复\n  text: 亲~\n", "a.yaml:6: snippet 'ok': snippet id 'ok' is"
         " already used at a.yaml:9 (rename one of them; this one is skipped)"),
    ],
)  # fmt: skip
def test_an_unusable_snippet_is_reported_and_skipped_and_the_rest_loads(
    bad: str, expected: str
) -> None:
    pack, problems = load_pack(
        write("a.yaml", "t", "- id: ok\n  title: 好\n  text: 在的\n" + bad)
        if "重复" in bad
        else write("a.yaml", "t", bad + "- id: ok\n  title: 好\n  text: 在的\n"),
        PackSource.SHIPPED,
    )
    if "重复" in bad:  # the later duplicate is the one reported
        expected = (
            "a.yaml:9: snippet 'ok': snippet id 'ok' is already used at a.yaml:6"
            " (rename one of them; this one is skipped)"
        )
    assert [str(p) for p in problems] == [expected]
    assert pack is not None and [s.id for s in pack.snippets] == ["ok"]


# -- file problems: the file is skipped, with one line saying why --------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "a.yaml:1: the file is empty (start it with a 'pack:' header and a 'snippets:' list)"),
        ("- id: a\n", "a.yaml:1: the top level is a list, not a mapping (a pack starts with"
         " 'pack:' (id, name, version) and 'snippets:' (a list))"),
        ("snippets:\n  - id: a\n", "a.yaml:1: missing 'pack:' header (start the file with"
         " pack: {id: shop.presale, name: 售前接待, version: 1})"),
        ("pack: 售前\n", "a.yaml:1: pack: 'pack' is text, not a mapping"
         " (give it id, name, version and locale)"),
        ("pack:\n  name: 售前\n", "a.yaml:1: pack: missing 'id' (add id: shop.presale)"),
        ("pack:\n  id: 售前\n", "a.yaml:2: pack: id '售前' is malformed"
         " (use lowercase letters, digits, '.', '_' and '-', e.g. courier.which)"),
        ("pack:\n  id: a\n  name: 售前\nsnippets:\n  - id: x\n    title: [\n",
         "a.yaml:7: YAML syntax error: did not find expected node content"
         " (check the indentation here or on the line above; quote text that contains ': ')"),
    ],
)  # fmt: skip
def test_an_unusable_file_is_reported_and_skipped(text: str, expected: str) -> None:
    Path("a.yaml").write_text(text, encoding="utf-8")
    pack, problems = load_pack(Path("a.yaml"), PackSource.SHIPPED)
    assert pack is None
    assert [str(p) for p in problems] == [expected]


def test_header_problems_are_reported_and_the_pack_still_loads() -> None:
    Path("a.yaml").write_text(
        "pack:\n  id: a\n  version: 二\n  lang: zh\nsnipets: []\n", encoding="utf-8"
    )
    pack, problems = load_pack(Path("a.yaml"), PackSource.SHIPPED)
    assert [str(p) for p in problems] == [
        "a.yaml:1: pack 'a': missing 'name' (add name: 售前接待)",
        "a.yaml:1: pack 'a': missing 'snippets:' list (add snippets: followed by '- id: …' items)",
        "a.yaml:3: pack 'a': 'version' must be a whole number from 1 up"
        " (write version: 1 and bump it on every publish)",
        "a.yaml:4: pack: unknown key 'lang'"
        " (known keys: id, name, version, locale, allowed_phrases)",
        "a.yaml:5: unknown key 'snipets' (did you mean 'snippets'?)",
    ]
    assert pack is not None and pack.meta.name == "a" and pack.meta.version == 1


def test_a_gbk_file_and_a_huge_file_are_skipped(tmp_path: Path) -> None:
    Path("gbk.yaml").write_bytes(
        pack_text("g", "- id: a\n  title: 问候\n  text: 亲\n").encode("gbk")
    )
    with Path("big.yaml").open("wb") as out:
        out.write(b"#" * (5 * 1024 * 1024 + 1))
    gbk, gbk_problems = load_pack(Path("gbk.yaml"), PackSource.SHIPPED)
    big, big_problems = load_pack(Path("big.yaml"), PackSource.SHIPPED)
    assert gbk is None and big is None
    assert [str(p) for p in gbk_problems] == [
        "gbk.yaml:3: file is not UTF-8: it looks like GBK/GB18030 (common on Chinese Windows)"
        " (re-save it as UTF-8: in Notepad 另存为 → 编码 UTF-8;"
        " in VS Code 'Save with Encoding' → UTF-8)"
    ]
    assert [str(p) for p in big_problems] == [
        "big.yaml:1: file is too big (5.0 MB, the limit is 5.0 MB)"
        " (is this the right file? split it into smaller packs)"
    ]


def test_a_packs_allowed_phrases_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    meta = PackMeta("personal.mine", "我的", allowed_phrases=("第一车队",))
    save_pack(Pack(meta, (Snippet("a", "一", ("第一车队出发",)),), path, PackSource.PERSONAL), path)
    pack, problems = load_pack(path, PackSource.PERSONAL)
    assert problems == [] and pack is not None
    assert pack.meta.allowed_phrases == ("第一车队",)
