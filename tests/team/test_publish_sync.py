"""A lead publishes, an agent syncs: versions, changes, roll back, keys and join codes."""

from __future__ import annotations

import json
import os
import stat
import threading
import time

import pytest

from quickreply.core.team.errors import TeamError
from quickreply.core.team.keys import create_lead_key, load_lead_key, parse_join_code
from quickreply.core.team.publish import LintRefused, publish, versions_in
from tests.team.conftest import Team, clock


def test_join_code_round_trips_and_a_damaged_one_is_refused(team: Team) -> None:
    code = team.lead.team.join_code
    assert parse_join_code(code) == team.lead.team
    damaged = code[:-3] + ("AAA" if not code.endswith("AAA") else "BBB")
    with pytest.raises(TeamError, match="does not match its fingerprint"):
        parse_join_code(damaged)
    with pytest.raises(TeamError, match="not a QuickReply join code"):
        parse_join_code("hello")


def test_the_key_is_owner_only_and_init_never_replaces_it(team: Team) -> None:
    folder = team.tmp / "lead-config"
    assert stat.S_IMODE(os.stat(folder / "lead.key").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    with pytest.raises(TeamError, match="already exists"):
        create_lead_key(folder, "again")
    loaded = load_lead_key(folder)
    assert loaded is not None and loaded.team == team.lead.team


def test_agent_gets_the_replies_and_what_changed(team: Team) -> None:
    first = team.publish("第一版")
    assert first.version == 1
    assert first.changes.added == ("hello",)
    syncer = team.join()
    result = syncer.sync()
    assert result.status == "updated" and result.version == 1
    assert team.texts() == {"hello": "亲，在的~"}

    team.write({"hello": "亲，在的，请问有什么可以帮您？", "bye": "再见"})
    second = team.publish("加了告别语")
    result = syncer.sync()
    assert result.status == "updated" and result.version == 2
    assert result.changes.added == ("bye",) and result.changes.changed == ("hello",)
    assert result.message == "加了告别语"
    assert "v2 (1 added, 1 changed, 0 removed): 加了告别语" in result.line
    assert team.texts()["bye"] == "再见"
    assert syncer.state().recent_marks(clock()) == {"bye": "added", "hello": "changed"}
    assert second.folder == team.dest / "v2"

    again = syncer.sync()
    assert again.status == "unchanged" and again.version == 2


def test_from_version_rolls_back_as_a_higher_version(team: Team) -> None:
    team.publish()
    team.write({"hello": "坏的改动"})
    team.publish()
    syncer = team.join()
    syncer.sync()
    assert team.texts() == {"hello": "坏的改动"}
    rolled = team.publish(from_version=1)
    assert rolled.version == 3 and rolled.manifest.message == "republished v1"
    assert rolled.changes.changed == ("hello",)
    assert syncer.sync().version == 3
    assert team.texts() == {"hello": "亲，在的~"}


def test_publish_keeps_the_last_versions_and_never_overwrites_one(team: Team) -> None:
    for n in range(5):
        team.write({"hello": f"第{n}版"})
        publish([team.src], team.dest, team.lead, clock, keep=3)
    assert versions_in(team.dest) == [3, 4, 5]
    pointer = json.loads((team.dest / "current.json").read_text())
    assert pointer["signed"]["version"] == 5
    # A half-finished folder left by a crashed publish is skipped, never reused.
    (team.dest / "v6").mkdir()
    assert team.publish().version == 7


def test_lint_errors_refuse_the_publish_and_name_the_lead_s_file(team: Team) -> None:
    team.publish()
    bad = team.write({"dup": "第一名的服务"}, "bad.yaml")
    with pytest.raises(LintRefused) as refused:
        team.publish()
    assert any(p.path.endswith(str(bad.name)) and p.is_error for p in refused.value.problems)
    assert versions_in(team.dest) == [1]
    assert not [p for p in team.dest.iterdir() if p.name.startswith(".")]


def test_agent_keeps_only_five_previous_versions(team: Team) -> None:
    syncer = team.join()
    for n in range(8):
        team.write({"hello": f"第{n}版"})
        team.publish()
        syncer.sync()
    versions = sorted(p.name for p in (team.agent.data / "team-sync" / "versions").iterdir())
    assert versions == ["v3", "v4", "v5", "v6", "v7", "v8"]
    assert os.readlink(team.agent.team).endswith("v8")


def test_a_team_folder_filled_by_hand_is_kept_aside(team: Team) -> None:
    team.agent.team.mkdir(parents=True)
    (team.agent.team / "old.yaml").write_text("pack: {id: old, name: old}\nsnippets: []\n")
    team.publish()
    team.join().sync()
    kept = team.agent.team.with_name("team.before-sync1") / "old.yaml"
    assert kept.is_file()
    assert team.texts() == {"hello": "亲，在的~"}


def test_a_load_during_switches_never_mixes_two_versions(team: Team) -> None:
    # Two files so that a mixture would show: both say the same version number.
    def both(n: int) -> None:
        team.write({f"a{k}": f"版本{n}" for k in range(30)}, "a.yaml")
        (team.src / "b.yaml").write_text(
            team.src.joinpath("a.yaml")
            .read_text()
            .replace("team.presale", "team.b")
            .replace("- id: a", "- id: b"),
            encoding="utf-8",
        )

    (team.src / "presale.yaml").unlink()
    syncer = team.join()
    both(1)
    team.publish()
    syncer.sync()
    both(2)
    team.publish()
    syncer.sync()
    from quickreply.core.team import local

    v1 = team.agent.data / "team-sync" / "versions" / "v1"
    v2 = team.agent.data / "team-sync" / "versions" / "v2"
    stop = threading.Event()

    def flip() -> None:
        # Far more often than syncs ever switch (minutes apart), yet loads must never mix.
        while not stop.is_set():
            local.switch(team.agent.team, v1)
            time.sleep(0.002)
            local.switch(team.agent.team, v2)
            time.sleep(0.002)

    flipper = threading.Thread(target=flip)
    flipper.start()
    try:
        seen = set()
        for _ in range(40):
            texts = set(team.texts().values())
            assert len(texts) == 1, texts
            seen |= texts
    finally:
        stop.set()
        flipper.join()
    assert seen <= {"版本1", "版本2"}


def test_preview_shows_each_reply_and_the_errors_that_would_refuse(team: Team) -> None:
    from quickreply.core.team.preview import Target, preview

    target = Target((team.src,), team.dest)
    assert [s.id for s in preview(target, team.lead, clock).added] == ["hello"]
    team.publish()
    team.write({"hello": "亲，在的，请讲~", "bye": "全网第一的服务"})
    diff = preview(target, team.lead, clock)
    assert diff.current == 1
    assert [s.id for s in diff.added] == ["bye"]
    [(before, after)] = diff.changed
    assert (before.text, after.text) == ("亲，在的~", "亲，在的，请讲~")
    assert diff.removed == ()
    assert diff.errors and "第一" in str(diff.errors[0])
