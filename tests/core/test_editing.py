"""The editing model (core/editing.py): a draft is checked like the loader would read it, and
inserting, replacing or deleting a snippet saves the personal pack atomically with a .bak."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quickreply.core.editing import (
    EditError,
    EditRule,
    check_draft,
    lead_rule,
    put_snippet,
    remove_snippet,
    write_pack,
)
from quickreply.core.model import Field, Library, Pack, PackMeta, PackSource, Snippet
from quickreply.core.packs import load_pack

MINE = Path("/home/agent/personal/my.yaml")
SAVED = Snippet(
    "my.thanks", "感谢好评", ("谢谢亲~",), code="xx", path=str(MINE), line=6, pack_id="p.my"
)
TEAM = Snippet(
    "courier.which",
    "合作快递",
    ("亲，发中通~",),
    code="kd",
    hotkey="ctrl+alt+1",
    path="/team/presale.yaml",
    line=6,
)
LIBRARY = Library(
    packs=(
        Pack(PackMeta("team.presale", "售前"), (TEAM,), Path(TEAM.path), PackSource.TEAM),
        Pack(PackMeta("p.my", "我的话术"), (SAVED,), MINE, PackSource.PERSONAL),
    )
)


def check(draft: Snippet, original_id: str | None = "my.thanks") -> list[tuple[str, str, str]]:
    problems = check_draft(draft, LIBRARY, pack_path=MINE, original_id=original_id)
    assert all(p.path == str(MINE) for p in problems)
    return [(p.code, p.where, p.message) for p in problems]


def edit(**changes: object) -> Snippet:
    return dataclasses.replace(SAVED, **changes)  # type: ignore[arg-type]


def test_an_unchanged_snippet_has_no_problems() -> None:
    assert check(SAVED) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"id": ""}, ("edit.id_empty", "id", "the id is empty")),
        ({"id": "My Thanks"}, ("edit.id_malformed", "id", "id 'My Thanks' is malformed")),
        (
            {"id": "courier.which"},
            ("edit.id_taken", "id", "id 'courier.which' is already used in /team/presale.yaml"),
        ),
        ({"title": ""}, ("edit.title_empty", "title", "the title is empty")),
        ({"variants": ()}, ("edit.text_empty", "text", "the text is empty")),
        (
            {"code": "Kd!"},
            ("code.malformed", "snippet 'my.thanks'", "shortcut code 'Kd!' is malformed"),
        ),
        (
            {"hotkey": "a"},
            (
                "edit.hotkey_unsafe",
                "snippet 'my.thanks'",
                "hotkey 'a' would take that key away from typing",
            ),
        ),
        (
            {"title": "长" * 201},
            ("edit.too_long", "title", "the title is 201 characters long, more than 200"),
        ),
        (
            {"fields": (Field("金额", "金额"),)},
            ("edit.field_name", "fields.金额", "field name '金额' is malformed"),
        ),
        (
            {"fields": (Field("size", "尺码", "choice"),)},
            ("edit.choices_missing", "fields.size", "kind 'choice' needs 'choices'"),
        ),
        (
            {"fields": (Field("size", "尺码", "choice", choices_from="sizes"),)},
            ("edit.choices_from", "fields.size", "unknown choices_from 'sizes'"),
        ),
        (
            {"fields": (Field("a", "甲"), Field("a", "乙"))},
            ("edit.field_twice", "fields.a", "field 'a' is declared twice"),
        ),
    ],
    ids=lambda v: "-" if isinstance(v, tuple) else ",".join(v),
)
def test_each_rule_the_loader_applies_is_one_problem(
    changes: dict[str, object], expected: tuple[str, str, str]
) -> None:
    assert check(edit(**changes)) == [expected]


def test_a_choice_field_may_take_its_choices_from_regions() -> None:
    field = Field("region", "省份", "choice", choices_from="regions")
    assert check(edit(fields=(field,), variants=("{{ region }}",))) == []


def test_code_and_hotkey_clashes_with_the_library_need_no_linter() -> None:
    assert check(edit(code="kd", hotkey="ctrl+alt+1")) == [
        (
            "code.taken",
            "snippet 'my.thanks'",
            "shortcut code 'kd' is already used by 'courier.which' at /team/presale.yaml:6",
        ),
        (
            "hotkey.clash",
            "snippet 'my.thanks'",
            "hotkey 'ctrl+alt+1' is already used by 'courier.which' at /team/presale.yaml:6",
        ),
    ]


def test_a_new_snippet_may_not_take_the_id_or_code_of_a_saved_one() -> None:
    assert [m for _, _, m in check(SAVED, original_id=None)] == [
        f"id 'my.thanks' is already used in {MINE}",
        f"shortcut code 'xx' is already used by 'my.thanks' at {MINE}:6",
    ]


def test_insert_replace_and_delete(tmp_path: Path) -> None:
    path = tmp_path / "personal" / "my.yaml"
    meta = PackMeta("personal.my", "我的话术")
    pack, saved = put_snippet(None, SAVED, original_id=None, meta=meta, path=path)
    assert (pack.source, saved.path, saved.pack_id) == (PackSource.PERSONAL, str(path), meta.id)
    write_pack(pack)
    renamed = dataclasses.replace(SAVED, id="my.thanks2", title="谢谢")
    pack, _ = put_snippet(pack, renamed, original_id="my.thanks", meta=meta, path=path)
    other = dataclasses.replace(SAVED, id="my.other")
    pack, _ = put_snippet(pack, other, original_id=None, meta=meta, path=path)
    write_pack(pack)
    loaded, problems = load_pack(path, PackSource.PERSONAL)
    assert problems == [] and loaded is not None
    assert [(s.id, s.title) for s in loaded.snippets] == [
        ("my.thanks2", "谢谢"),
        ("my.other", "感谢好评"),
    ]
    assert "my.thanks\n" in path.with_name("my.yaml.bak").read_text(encoding="utf-8")
    write_pack(remove_snippet(loaded, "my.thanks2"))
    again, _ = load_pack(path, PackSource.PERSONAL)
    assert again is not None and [s.id for s in again.snippets] == ["my.other"]
    assert "my.thanks2" in path.with_name("my.yaml.bak").read_text(encoding="utf-8")


def test_a_read_only_pack_is_never_written(tmp_path: Path) -> None:
    team = Pack(PackMeta("team.x", "团队"), (TEAM,), tmp_path / "team.yaml", PackSource.TEAM)
    with pytest.raises(EditError, match="read-only"):
        write_pack(team)
    assert not (tmp_path / "team.yaml").exists()


def lead_target(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The lead's publish source, published folder and synced team copy (made up)."""
    return tmp_path / "lead-src", tmp_path / "share", tmp_path / "data" / "team"


def test_team_packs_are_editable_only_in_the_leads_publish_source(tmp_path: Path) -> None:
    from quickreply.core.team.keys import create_lead_key
    from quickreply.core.team.preview import Target

    src, share, synced = lead_target(tmp_path)
    key = create_lead_key(tmp_path / "key", "售前组")
    rule = lead_rule((key, Target((src,), share)), synced=synced)

    def team_pack(path: Path) -> Pack:
        return Pack(PackMeta("team.x", "团队"), (TEAM,), path, PackSource.TEAM)

    assert rule.allows(team_pack(src / "sub" / "team.yaml"))
    assert not rule.allows(team_pack(synced / "team.yaml"))
    assert not rule.allows(team_pack(share / "v3" / "team.yaml"))
    # No key on this machine (an agent): team packs stay read-only wherever they are.
    assert not lead_rule(None).allows(team_pack(src / "team.yaml"))
    # A shipped or --pack file inside the source is still not a team pack to edit.
    shipped = Pack(PackMeta("s", "s"), (TEAM,), src / "team.yaml", PackSource.SHIPPED)
    assert not rule.allows(shipped)
    personal = Pack(PackMeta("p.my", "我的"), (SAVED,), MINE, PackSource.PERSONAL)
    assert rule.allows(personal) and EditRule().allows(personal)


def test_the_lead_saves_a_team_pack_into_the_source_with_a_bak(tmp_path: Path) -> None:
    src, share, synced = lead_target(tmp_path)
    path = src / "team.yaml"
    meta = PackMeta("team.presale", "售前")
    pack = Pack(meta, (TEAM,), path, PackSource.TEAM)
    rule = EditRule(team_sources=(src,), read_only=(share, synced))
    write_pack(pack, rule=rule)
    changed = dataclasses.replace(TEAM, variants=("亲，发顺丰~",))
    pack, _ = put_snippet(pack, changed, original_id=TEAM.id, meta=meta, path=path)
    write_pack(pack, rule=rule)
    loaded, problems = load_pack(path, PackSource.TEAM)
    assert problems == [] and loaded is not None
    assert loaded.snippets[0].variants == ("亲，发顺丰~",)
    assert "亲，发中通~" in path.with_name("team.yaml.bak").read_text(encoding="utf-8")
    # Without the rule (an agent's machine) the same pack is refused and left as it was.
    with pytest.raises(EditError, match="read-only"):
        write_pack(remove_snippet(pack, TEAM.id))
    assert "亲，发顺丰~" in path.read_text(encoding="utf-8")


def test_unique_id_numbers_a_taken_id_from_2() -> None:
    from quickreply.core.editing import unique_id

    second = dataclasses.replace(SAVED, id="my.thanks2")
    library = Library(packs=(Pack(PackMeta("p", "p"), (SAVED, second), MINE, PackSource.PERSONAL),))
    assert unique_id(library, "my.new") == "my.new"
    assert unique_id(library, "my.thanks") == "my.thanks3"


def test_a_forked_reply_drops_its_code_and_hotkey_so_it_cannot_clash() -> None:
    from quickreply.core.editing import fork_draft

    meta = PackMeta("personal.my", "我的")
    draft = fork_draft(TEAM, LIBRARY, meta, MINE)
    assert (draft.id, draft.code, draft.hotkey) == ("my.courier.which", "", None)
    assert (draft.pack_id, draft.path, draft.variants) == ("personal.my", str(MINE), TEAM.variants)


def test_a_new_personal_pack_goes_before_command_line_extras() -> None:
    from quickreply.core.editing import with_pack

    shipped = Pack(PackMeta("s", "s"), (), Path("/s.yaml"), PackSource.SHIPPED)
    extra = Pack(PackMeta("x", "x"), (), Path("/x.yaml"), PackSource.EXTRA)
    mine = Pack(PackMeta("m", "m"), (), Path("/m.yaml"), PackSource.PERSONAL)
    library = Library(packs=(shipped, extra))
    assert [p.meta.id for p in with_pack(library, mine).packs] == ["s", "m", "x"]
    changed = dataclasses.replace(mine, meta=PackMeta("m", "改"))
    again = with_pack(with_pack(library, mine), changed)
    assert [p.meta.name for p in again.packs] == ["s", "改", "x"]
