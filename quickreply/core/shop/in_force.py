"""Which shop profile is in force: the team's ``shop.yaml`` when one is there, else the shipped one.

A team file that cannot be read as a file (a FIFO, a symlink loop, a folder, not UTF-8) counts as
absent, visibly: one line names it and says the shipped profile is used, so replies keep their
shop facts while the lead fixes it. A team file that reads but does not parse is the lead's own
profile with mistakes: its problems are listed and no profile is used, since the shipped
example's couriers and thresholds would be plausible but wrong for this shop.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from quickreply.core.paths import SHOP_FILE, AppPaths
from quickreply.core.problems import Problem
from quickreply.core.shop.parse import load_shop, shop_from_doc
from quickreply.core.shop.profile import ShopProfile
from quickreply.core.userfile import display_path
from quickreply.core.yamlread import parse_yaml, read_yaml_text


def load_shop_in_force(paths: AppPaths) -> tuple[ShopProfile | None, list[Problem]]:
    """The profile ``paths.shop_file`` names, or the shipped one when the team's is unreadable."""
    path = paths.shop_file
    shipped = paths.shipped / SHOP_FILE
    if path == shipped:
        return load_shop_if_there(shipped)
    shown = display_path(path)
    text, problem = read_yaml_text(path, shown)
    if text is not None:
        return shop_from_doc(*parse_yaml(text, shown))
    shop, problems = load_shop_if_there(shipped)
    if problem is not None:
        problems.insert(0, _using_shipped(problem))
    return shop, problems


def load_shop_if_there(path: Path) -> tuple[ShopProfile | None, list[Problem]]:
    """:func:`load_shop`, or None and no problem when nothing is at ``path``: a reply that needs
    a shop fact then says which name is missing when it is rendered."""
    return load_shop(path) if os.path.lexists(path) else (None, [])


def _using_shipped(problem: Problem) -> Problem:
    used = "until then the shipped shop profile is used"
    return dataclasses.replace(problem, hint=f"{problem.hint}; {used}" if problem.hint else used)
