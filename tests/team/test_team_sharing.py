"""The lead's sharing switch travels in the signed manifest: on for the whole team, never forged."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import pytest

from quickreply.cli import main
from quickreply.core.kpi import KpiStore
from quickreply.core.settings import Settings
from quickreply.core.share.agent import share_once, sharing_of
from quickreply.core.share.outbox import Identity
from quickreply.core.stats import StatsStore
from quickreply.core.team.errors import TeamError
from quickreply.core.team.manifest import Manifest, open_document, sign_document
from quickreply.core.team.publish import read_manifest
from quickreply.core.team.sharing import TeamShare
from quickreply.core.team.state import load_state
from tests.team.conftest import Team


def test_the_switch_round_trips_through_a_signed_manifest(team: Team) -> None:
    share = TeamShare(True, "https://nas.example/dav/qr-drop/")
    team.publish(share=share)
    manifest = read_manifest(team.dest, 1, team.lead.team)
    assert manifest.share == share
    signed = json.loads((team.dest / "v1" / "manifest.json").read_text())["signed"]
    assert signed["share"] == {"daily": True, "drop": "https://nas.example/dav/qr-drop/"}
    # A team whose lead never set it signs what it always signed.
    team.publish()
    assert "share" not in json.loads((team.dest / "v2" / "manifest.json").read_text())["signed"]
    assert read_manifest(team.dest, 2, team.lead.team).share is None


def test_a_bad_switch_in_a_signed_manifest_is_refused(team: Team) -> None:
    team.publish()
    signed = read_manifest(team.dest, 1, team.lead.team).to_signed()
    for bad in ({"daily": "yes", "drop": "x"}, {"daily": True, "drop": "a\nb"}, ["on"]):
        body = sign_document(signed | {"share": bad}, team.lead)
        with pytest.raises(TeamError, match=r"sharing switch|drop location"):
            Manifest.from_signed(open_document(body, team.lead.team, "m", "manifest"), "m")


def _agent_day(team: Team, drop: Path) -> list[str]:
    """One use on the agent's machine, then the app's sharing run with the team's switch and
    the agent's own settings untouched (no box ticked)."""
    now = datetime(2026, 12, 1, 10, 0)
    stats = StatsStore(team.agent.stats_file, lambda: now)
    stats.record_use("hello")
    stats.close()
    KpiStore(team.agent.kpi_file, lambda: now).close()
    state = load_state(team.agent)
    settings = Settings()
    assert not settings.share_daily
    sharing = sharing_of(settings, bool(state.version) and state.share_daily, state.share_drop)
    result = share_once(team.agent, settings, Identity("A007", "1.0", "1"), lambda: now, sharing)
    assert "\n" not in result.problem
    return sorted(p.name for p in drop.glob("*.json"))


def test_an_agent_whose_team_shares_writes_its_day_without_ticking_a_box(
    team: Team, tmp_path: Path
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    team.publish(share=TeamShare(True, str(drop)))
    assert team.join().sync().version == 1
    state = load_state(team.agent)
    assert (state.share_daily, state.share_drop) == (True, str(drop))
    assert _agent_day(team, drop) == ["2026-12-01_A007.json"]


def test_a_tampered_manifest_does_not_turn_sharing_on(team: Team, tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    team.publish()
    syncer = team.join()
    assert syncer.sync().version == 1
    team.publish()  # v2 without sharing; someone edits its manifest and pointer to add it
    path = team.dest / "v2" / "manifest.json"
    envelope = json.loads(path.read_text())
    envelope["signed"]["share"] = {"daily": True, "drop": str(drop)}
    body = json.dumps(envelope).encode()
    path.write_bytes(body)
    pointer = json.loads((team.dest / "current.json").read_text())
    pointer["signed"] |= {"size": len(body), "sha256": hashlib.sha256(body).hexdigest()}
    (team.dest / "current.json").write_text(json.dumps(pointer))
    result = syncer.sync()
    assert result.status == "failed" and "not signed" in result.problem
    state = load_state(team.agent)
    assert (state.version, state.share_daily, state.share_drop) == (1, False, "")
    assert _agent_day(team, drop) == []


def test_team_publish_turns_sharing_on_and_remembers_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUICKREPLY_HOME", str(tmp_path / "lead"))
    src = tmp_path / "src"
    src.mkdir()
    (src / "presale.yaml").write_text(
        "pack: {id: team.presale, name: 售前, version: 1}\n"
        "snippets:\n  - {id: hello, title: 问候, text: 亲，在的~, note: n, examples: [问]}\n",
        encoding="utf-8",
    )
    dest = tmp_path / "published"
    assert main(["team", "init", "--name", "售前组"]) == 0
    args = ["team", "publish", str(src), "--to", str(dest)]
    assert main([*args, "--share-daily", r"\\nas\客服\qr-drop"]) == 0
    assert "daily sharing is on for the team" in capsys.readouterr().out
    assert main(args) == 0  # remembered
    signed = json.loads((dest / "v2" / "manifest.json").read_text())["signed"]
    assert signed["share"] == {"daily": True, "drop": r"\\nas\客服\qr-drop"}
    assert main([*args, "--no-share-daily"]) == 0
    signed = json.loads((dest / "v3" / "manifest.json").read_text())["signed"]
    assert signed["share"] == {"daily": False, "drop": ""}
