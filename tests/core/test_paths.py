"""Where QuickReply keeps things: the folders a user chose replace the defaults."""

from __future__ import annotations

from pathlib import Path

from quickreply.core.paths import AppPaths


def test_chosen_team_and_personal_folders_replace_the_defaults_and_empty_keeps_them() -> None:
    paths = AppPaths.from_env({"QUICKREPLY_HOME": "/qr"})
    assert paths.with_folders() == paths
    moved = paths.with_folders(team="/mnt/团队话术", personal="~/我的话术")
    assert moved.team == Path("/mnt/团队话术")
    assert moved.personal == Path("~/我的话术").expanduser()
    assert (moved.config, moved.data, moved.cache) == (paths.config, paths.data, paths.cache)
    assert paths.with_folders(personal="/p").team == paths.team
