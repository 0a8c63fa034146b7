"""Each attack on a team folder is refused: the agent keeps its version and sees one line."""

from __future__ import annotations

import errno
import json
import shutil
from pathlib import Path

import pytest
from filelock import FileLock

from quickreply.core.model import Library
from quickreply.core.problems import Problem
from quickreply.core.team import publish as publish_module
from quickreply.core.team import sync as sync_module
from quickreply.core.team.keys import create_lead_key
from quickreply.core.team.manifest import Manifest, Pointer, sign_document
from quickreply.core.team.publish import publish, read_manifest
from quickreply.core.team.sync import Caps, SyncResult, TeamSync
from tests.team.conftest import Team, clock


@pytest.fixture
def synced(team: Team) -> tuple[Team, TeamSync]:
    """The agent has v1 ("亲，在的~"); the lead has published v2 ("v2 的话术")."""
    team.publish()
    syncer = team.join()
    assert syncer.sync().version == 1
    (team.tmp / "v1-pointer.json").write_bytes((team.dest / "current.json").read_bytes())
    team.write({"hello": "v2 的话术"})
    team.publish()
    return team, syncer


def refused(team: Team, result: SyncResult, words: str) -> None:
    assert result.status == "failed", result
    assert words in result.problem
    assert "\n" not in result.line and result.line.endswith("keeping v1")
    assert team.texts() == {"hello": "亲，在的~"}
    assert not (team.agent.data / "team-sync" / "staging").exists()


def resign(team: Team, manifest: Manifest, key_folder: Path | None = None) -> None:
    """Write ``manifest`` and a pointer to it as v2, signed by the lead (or another key)."""
    key = create_lead_key(key_folder, "x") if key_folder else team.lead
    if key_folder:  # another key claiming to be the same team
        key = type(key)(type(key.team)(team.lead.team.team_id, key.team.public), "x", key.private)
    body = sign_document(manifest.to_signed(), key)
    (team.dest / "v2" / "manifest.json").write_bytes(body)
    import hashlib

    pointer = Pointer(manifest.team, 2, "v2/manifest.json", len(body),
                      hashlib.sha256(body).hexdigest(), manifest.time)  # fmt: skip
    (team.dest / "current.json").write_bytes(sign_document(pointer.to_signed(), key))


def test_unsigned_pointer(synced: tuple[Team, TeamSync]) -> None:
    team, syncer = synced
    pointer = json.loads((team.dest / "current.json").read_text())
    pointer["signatures"] = []
    (team.dest / "current.json").write_text(json.dumps(pointer))
    refused(team, syncer.sync(), "is not signed")


def test_unsigned_manifest(synced: tuple[Team, TeamSync]) -> None:
    team, syncer = synced
    envelope = json.loads((team.dest / "v2" / "manifest.json").read_text())
    envelope["signatures"] = []
    (team.dest / "v2" / "manifest.json").write_text(json.dumps(envelope))
    refused(team, syncer.sync(), "differs from the signed pointer")


def test_signed_by_another_key(synced: tuple[Team, TeamSync]) -> None:
    team, syncer = synced
    manifest = read_manifest(team.dest, 2, team.lead.team)
    resign(team, manifest, team.tmp / "mallory")
    refused(team, syncer.sync(), "not signed by the team key")


def test_a_file_whose_hash_differs(synced: tuple[Team, TeamSync]) -> None:
    team, syncer = synced
    path = team.dest / "v2" / "presale.yaml"
    path.write_text(path.read_text().replace("v2", "v9"), encoding="utf-8")
    refused(team, syncer.sync(), "differs from its signed hash")


@pytest.mark.parametrize("how", ["lower", "equal"])
def test_replayed_or_lower_version(team: Team, how: str) -> None:
    team.publish()
    old_pointer = (team.dest / "current.json").read_bytes()
    team.write({"hello": "v2"})
    team.publish()
    syncer = team.join()
    assert syncer.sync().version == 2
    if how == "lower":
        (team.dest / "current.json").write_bytes(old_pointer)
        words = "offers v1 but v2 is installed"
    else:  # the same number, other content: a second lead machine or a forged republish
        shutil.rmtree(team.dest / "v2")
        (team.dest / "current.json").unlink()
        team.write({"hello": "other v2"})
        publish([team.src], team.dest, team.lead, clock)
        words = "offers v2 but v2 is installed"
        assert (team.dest / "v2").is_dir()
    result = syncer.sync()
    assert result.status == "failed" and words in result.problem
    assert result.line.endswith("keeping v2")
    assert team.texts() == {"hello": "v2"}


@pytest.mark.parametrize("path", ["../evil.yaml", "/etc/evil.yaml", "a/../../evil.yaml",
                                  "C:/evil.yaml", "a\\..\\evil.yaml", ".hidden.yaml",
                                  "CON.yaml", "a /b.yaml"])  # fmt: skip
def test_paths_leaving_the_folder(synced: tuple[Team, TeamSync], path: str) -> None:
    team, syncer = synced
    manifest = read_manifest(team.dest, 2, team.lead.team)
    entry = manifest.files[0]
    bad = Manifest(**{**_fields(manifest), "files": (type(entry)(path, 10, "0" * 64),)})
    resign(team, bad)
    refused(team, syncer.sync(), "refused path")
    assert not (team.agent.data / "evil.yaml").exists()


def test_a_symbolic_link_on_the_share(synced: tuple[Team, TeamSync]) -> None:
    team, syncer = synced
    secret = team.tmp / "secret.yaml"
    shutil.copy(team.dest / "v2" / "presale.yaml", secret)
    (team.dest / "v2" / "presale.yaml").unlink()
    (team.dest / "v2" / "presale.yaml").symlink_to(secret)
    refused(team, syncer.sync(), "refused: a symbolic link")


def test_a_manifest_entry_that_is_a_link(synced: tuple[Team, TeamSync]) -> None:
    team, _syncer = synced
    envelope = json.loads((team.dest / "v2" / "manifest.json").read_text())
    envelope["signed"]["files"][0]["link"] = "/etc/passwd"
    data = envelope["signed"]
    with pytest.raises(Exception, match="bad file entry"):
        Manifest.from_signed(data, "m")


def test_a_file_over_the_cap(synced: tuple[Team, TeamSync]) -> None:
    team, _syncer = synced
    small = team.syncer(caps=Caps(file=50))
    refused(team, small.sync(), "over the cap 50")


def test_a_pack_that_fails_lint(team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    team.publish()
    syncer = team.join()
    syncer.sync()
    team.write({"hello": "全网第一的服务"})  # an Advertising Law claim: a lint error

    real = publish_module.lint_version

    def lenient(*args: object, **kw: object) -> tuple[Library, list[Problem]]:
        library, _problems = real(*args, **kw)  # type: ignore[arg-type]
        return library, []

    monkeypatch.setattr(publish_module, "lint_version", lenient)
    team.publish()  # a lead with an old or patched QuickReply
    monkeypatch.undo()
    result = syncer.sync()
    refused(team, result, "fails lint")
    assert "第一" in result.problem


def test_a_share_half_written_while_the_lead_publishes(synced: tuple[Team, TeamSync]) -> None:
    team, syncer = synced
    # Uploaded in the wrong order: the pointer to v2 arrived, the v2 folder not yet.
    shutil.move(team.dest / "v2", team.tmp / "v2-uploading")
    refused(team, syncer.sync(), "not found")
    shutil.move(team.tmp / "v2-uploading", team.dest / "v2")
    # A file of v2 only half copied.
    path = team.dest / "v2" / "presale.yaml"
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    refused(team, syncer.sync(), "differs from its signed hash")
    path.write_bytes(whole)
    assert syncer.sync().version == 2


def test_the_disk_full_during_a_sync(
    synced: tuple[Team, TeamSync], monkeypatch: pytest.MonkeyPatch
) -> None:
    team, syncer = synced

    def full(self: object, data: bytes, /) -> int:
        raise OSError(errno.ENOSPC, "No space left on device", "staging/presale.yaml")

    monkeypatch.setattr(sync_module._HashingSink, "write", full)
    refused(team, syncer.sync(), "the disk is full")


def test_two_syncs_at_once(synced: tuple[Team, TeamSync]) -> None:
    team, syncer = synced
    with FileLock(team.agent.data / "team-sync" / "sync.lock"):
        result = team.syncer().sync()
    assert result.status == "busy" and "another sync" in result.line
    assert team.texts() == {"hello": "亲，在的~"}
    assert syncer.sync().version == 2


def test_failures_back_off_but_a_forced_sync_tries_at_once(synced: tuple[Team, TeamSync]) -> None:
    team, syncer = synced
    pointer = team.dest / "current.json"
    good = pointer.read_bytes()
    pointer.write_text("garbage")
    assert syncer.sync().status == "failed"
    pointer.write_bytes(good)
    waiting = syncer.sync(force=False)
    assert waiting.status == "waiting" and waiting.version == 1
    assert syncer.sync(force=True).version == 2
    assert syncer.state().failures == 0 and syncer.state().problem == ""


def test_offline_keeps_the_last_good_version(synced: tuple[Team, TeamSync]) -> None:
    team, syncer = synced
    shutil.rmtree(team.dest)
    refused(team, syncer.sync(), "not found")
    assert syncer.state().version == 1


def _fields(manifest: Manifest) -> dict[str, object]:
    return {name: getattr(manifest, name) for name in Manifest.__slots__}
