"""Which shop profile is in force: the team's shop.yaml, else the shipped example."""

from __future__ import annotations

import os
from pathlib import Path

from quickreply.core.paths import AppPaths
from quickreply.core.shop import load_shop_in_force


def paths(home: Path) -> AppPaths:
    return AppPaths.from_env({"QUICKREPLY_HOME": str(home)})


def test_without_a_team_profile_the_shipped_one_is_used(tmp_path: Path) -> None:
    shop, problems = load_shop_in_force(paths(tmp_path))
    assert problems == [] and shop is not None and shop.name == "小满生活馆"


def test_a_team_profile_replaces_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "shop.yaml").write_text("version: 1\nname: 团队小店\n", encoding="utf-8")
    shop, problems = load_shop_in_force(paths(tmp_path))
    assert problems == [] and shop is not None and shop.name == "团队小店"


def test_a_team_profile_with_mistakes_is_not_replaced_by_the_example(tmp_path: Path) -> None:
    """The shipped example's couriers and thresholds would be plausible but wrong here."""
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "shop.yaml").write_text("version: 1\nnmae: 团队小店\n", encoding="utf-8")
    shop, problems = load_shop_in_force(paths(tmp_path))
    assert shop is None
    assert [(p.line, p.message) for p in problems] == [
        (2, "unknown key 'nmae'"),
        (1, "is required"),
    ]


def test_a_team_profile_that_is_a_fifo_is_one_line_then_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "team").mkdir()
    os.mkfifo(tmp_path / "team" / "shop.yaml")
    shop, problems = load_shop_in_force(paths(tmp_path))
    assert shop is not None and shop.name == "小满生活馆"
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'team' / 'shop.yaml'}:1: is a named pipe (FIFO), not a regular file"
        " (only regular files are read: remove it; until then the shipped shop profile is used)"
    ]
