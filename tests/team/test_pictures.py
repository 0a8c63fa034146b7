"""Image replies in team packs (issue 17): the picture travels in the signed version, is checked
like a pack on sync, and the agent's palette pastes it; a bad picture is refused in one line."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from quickreply.core.problems import Problem
from quickreply.core.render import Renderer
from quickreply.core.team.errors import TeamError
from quickreply.core.team.manifest import Manifest, check_path
from quickreply.core.team.publish import LintRefused, publish, read_manifest, versions_in
from quickreply.core.team.sync import Caps
from tests.conftest import SHIPPED
from tests.pngs import png
from tests.team.conftest import Team, clock
from tests.team.servers import faulty_server

CHART = "images/尺码表.png"
SHIPPED_CHART = (SHIPPED / CHART).read_bytes()


def chart_pack(team: Team, image: str = CHART, name: str = "chart.yaml") -> Path:
    path = team.src / name
    path.write_text(
        "pack: {id: team.chart, name: 尺码, version: 1}\nsnippets:\n"
        f"  - id: chart\n    title: 尺码表\n    code: cmb\n    image: {image}\n"
        "    text: 亲，请看图~\n    note: 测试\n    examples: [问]\n",
        encoding="utf-8",
    )
    return path


def with_chart(team: Team, data: bytes | None = None) -> None:
    (team.src / "images").mkdir(exist_ok=True)
    (team.src / CHART).write_bytes(data if data is not None else png())
    chart_pack(team)


def agent_picture(team: Team, sid: str = "chart") -> bytes:
    """What the agent's renderer reads for the reply's picture (what the palette pastes)."""
    snippet = next(s for s in team.library().snippets() if s.id == sid)
    return Renderer(None, clock).image(snippet).data


def test_the_shipped_packs_publish_with_their_picture_and_sync_to_a_folder(team: Team) -> None:
    result = publish([SHIPPED], team.dest, team.lead, clock)
    entry = next(f for f in result.manifest.files if f.path == CHART)
    assert (entry.size, entry.sha256) == (
        len(SHIPPED_CHART),
        hashlib.sha256(SHIPPED_CHART).hexdigest(),
    )
    assert (team.dest / "v1" / CHART).read_bytes() == SHIPPED_CHART
    syncer = team.join()
    assert syncer.sync().line.startswith("team packs updated to v1")
    assert agent_picture(team, "product.size_table") == SHIPPED_CHART


def test_a_picture_travels_over_http_and_only_a_changed_one_is_fetched_again(
    team: Team,
) -> None:
    with_chart(team)
    team.publish()
    with faulty_server(team.dest) as (url, faults):
        syncer = team.join(url)
        assert syncer.sync().version == 1
        assert agent_picture(team) == png()
        (team.src / CHART).write_bytes(png(20, 10))  # the pack stays byte for byte the same
        v2 = team.publish()
        assert v2.changes.changed == ("chart",)  # a new picture is a changed reply
        faults.requests.clear()
        assert syncer.sync().version == 2
        fetched = [path for path, _headers in faults.requests]
    assert fetched == ["current.json", "v2/manifest.json", f"v2/{CHART}"]
    assert agent_picture(team) == png(20, 10)


def test_the_palette_pastes_a_team_replys_picture(qtbot: object, team: Team) -> None:
    from quickreply.ui.palette import PaletteWindow
    from tests.ui.test_palette_images import Paster, Search

    with_chart(team)
    team.publish()
    assert team.join().sync().version == 1
    paster = Paster()
    window = PaletteWindow(
        Search(list(team.library().snippets())),
        Renderer(None, lambda: datetime(2024, 5, 6, 10)),
        paster=paster,
    )
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.search_box.setText("cmb")
    assert window.accept()
    assert paster.pastes == [("亲，请看图~", False, png())]


@pytest.fixture
def synced_with_chart(team: Team) -> Team:
    """The agent has v1 with the picture; the lead has published v2 with another one."""
    with_chart(team)
    team.publish()
    assert team.join().sync().version == 1
    (team.src / CHART).write_bytes(png(20, 10))
    team.publish()
    return team


def kept_v1(team: Team, words: str) -> None:
    result = team.syncer().sync()
    assert result.status == "failed", result
    assert words in result.problem
    assert "\n" not in result.line and result.line.endswith("keeping v1")
    assert agent_picture(team) == png()
    assert not (team.agent.data / "team-sync" / "staging").exists()


def test_a_tampered_picture_is_refused_and_v1_kept(synced_with_chart: Team) -> None:
    team = synced_with_chart
    tampered = bytearray(png(20, 10))
    tampered[-20] ^= 0xFF  # same size, other bytes
    (team.dest / "v2" / CHART).write_bytes(bytes(tampered))
    kept_v1(team, f"v2/{CHART}: differs from its signed hash")


def test_a_picture_missing_from_the_share_is_refused_and_v1_kept(synced_with_chart: Team) -> None:
    team = synced_with_chart
    (team.dest / "v2" / CHART).unlink()
    kept_v1(team, "not found")


def test_a_version_whose_manifest_leaves_the_picture_out_fails_lint(
    synced_with_chart: Team,
) -> None:
    from tests.team.test_attacks import _fields, resign

    team = synced_with_chart
    manifest = read_manifest(team.dest, 2, team.lead.team)
    files = tuple(f for f in manifest.files if f.path != CHART)
    resign(team, Manifest(**{**_fields(manifest), "files": files}))
    kept_v1(team, f"fails lint (1 errors; first: v2/chart.yaml:6: snippet 'chart': image '{CHART}'")


def test_a_picture_over_the_cap_is_not_downloaded(synced_with_chart: Team) -> None:
    team = synced_with_chart
    result = team.syncer(Caps(image=100)).sync()
    assert result.status == "failed" and "over the cap 100" in result.problem


@pytest.mark.parametrize("path", ["../evil.png", "a/../../evil.png", "/etc/evil.png", ".x.png",
                                  "a\\evil.png", "evil.gif", "evil.exe"])  # fmt: skip
def test_the_manifest_refuses_picture_paths_that_leave_the_folder(path: str) -> None:
    with pytest.raises(TeamError, match="refused path"):
        check_path(path, "v2/manifest.json")
    assert check_path("sub/images/尺码表.JPG", "here") == "sub/images/尺码表.JPG"


def publish_refused(team: Team) -> str:
    """The one line a refused publish prints; nothing new is published."""
    with pytest.raises((LintRefused, TeamError)) as refused:
        team.publish()
    assert versions_in(team.dest) == [1]
    if isinstance(refused.value, LintRefused):
        errors: list[Problem] = [p for p in refused.value.problems if p.is_error]
        assert len(errors) == 1
        return str(errors[0])
    return str(refused.value)


def test_a_picture_outside_the_pack_folder_is_not_published(team: Team) -> None:
    team.publish()
    (team.tmp / "outside.png").write_bytes(png())
    path = chart_pack(team, "../outside.png")
    line = publish_refused(team)
    assert line.startswith(f"{path}:6: snippet 'chart': image path '../outside.png' leaves")


def test_a_link_leading_out_of_the_pack_folder_is_not_published(team: Team) -> None:
    team.publish()
    (team.tmp / "outside.png").write_bytes(png())
    (team.src / "images").mkdir()
    os.symlink(team.tmp / "outside.png", team.src / CHART)
    chart_pack(team)
    assert "is a link to a file outside the pack's folder" in publish_refused(team)


def test_a_link_inside_the_pack_folder_is_not_published_either(team: Team) -> None:
    team.publish()
    (team.src / "images").mkdir()
    (team.src / "images" / "real.png").write_bytes(png())
    os.symlink("real.png", team.src / CHART)
    path = chart_pack(team)
    assert publish_refused(team) == (
        f"{path}: snippet 'chart': image '{CHART}' is a symbolic link: agents would not get the"
        " picture (copy the picture itself into the pack's folder)"
    )


def test_a_missing_picture_is_not_published(team: Team) -> None:
    team.publish()
    path = chart_pack(team)
    assert publish_refused(team).startswith(f"{path}:6: snippet 'chart': image '{CHART}' not found")


def test_republishing_an_old_version_keeps_its_picture(synced_with_chart: Team) -> None:
    team = synced_with_chart
    result = publish([], team.dest, team.lead, clock, from_version=1)
    assert result.version == 3 and (team.dest / "v3" / CHART).read_bytes() == png()
    assert result.changes.changed == ("chart",)
    assert team.syncer().sync().version == 3
    assert agent_picture(team) == png()


def test_the_publish_preview_shows_a_reply_whose_picture_alone_changed(team: Team) -> None:
    from quickreply.core.team.preview import Target, preview

    with_chart(team)
    team.publish()
    target = Target((team.src,), team.dest)
    assert preview(target, team.lead, clock).empty  # the same bytes: nothing to publish
    (team.src / CHART).write_bytes(png(20, 10))  # the pack stays byte for byte the same
    diff = preview(target, team.lead, clock)
    [(before, after)] = diff.changed
    assert after.id == "chart" and before.text == after.text
    assert diff.new_pictures == {"chart"}
    assert team.publish().changes.changed == ("chart",)  # what publish then counts


def test_the_publish_preview_names_a_picture_publish_would_refuse(team: Team) -> None:
    from quickreply.core.team.preview import Target, preview

    (team.src / "images").mkdir()
    (team.src / "images" / "real.png").write_bytes(png())
    os.symlink("real.png", team.src / CHART)
    path = chart_pack(team)
    [error] = preview(Target((team.src,), team.dest), team.lead, clock).errors
    assert str(error) == (
        f"{path}:3: snippet 'chart': image '{CHART}' is a symbolic link: agents would not get"
        " the picture (copy the picture itself into the pack's folder)"
    )


@pytest.mark.gui
def test_the_publish_dialog_says_the_picture_was_replaced(qtbot: QtBot, team: Team) -> None:
    from quickreply.core.team.preview import Target, preview
    from quickreply.ui.publish import PublishDialog

    with_chart(team)
    team.publish()
    (team.src / CHART).write_bytes(png(20, 10))
    dialog = PublishDialog(preview(Target((team.src,), team.dest), team.lead, clock), str)
    qtbot.addWidget(dialog)
    assert "新增 0 条，修改 1 条，删除 0 条" in dialog.summary.text()
    assert "图片已更换" in dialog.details.toPlainText()
    assert dialog.publish_button.isEnabled()
