"""Where QuickReply keeps things: shipped packs, team and personal packs, config, data, cache.

``QUICKREPLY_HOME`` puts everything under one folder (tests, portable installs); otherwise the
platform's user folders from platformdirs are used.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "QuickReply"
SHIPPED_DIR = Path(__file__).resolve().parents[2] / "snippets"
SHOP_FILE = "shop.yaml"  # in a pack folder: the shop profile, not a pack


@dataclass(frozen=True, slots=True)
class AppPaths:
    shipped: Path  # read-only default packs and the example shop profile
    team: Path  # the lead's published packs (read-only for agents)
    personal: Path  # the agent's own packs (editable)
    config: Path  # settings.json
    data: Path  # stats.sqlite3 (usage), kpi.sqlite3 (response times), training.sqlite3
    cache: Path  # library and search index caches (sealed with cache_key_file)

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def cache_key_file(self) -> Path:
        """The key that seals cache files (core/cacheseal.py): outside the cache folder."""
        return self.config / "cache.key"

    @property
    def stats_file(self) -> Path:
        return self.data / "stats.sqlite3"

    @property
    def kpi_file(self) -> Path:
        """Response-time records: a file of its own, so a broken usage store never costs KPIs."""
        return self.data / "kpi.sqlite3"

    @property
    def training_file(self) -> Path:
        """A trainee's drill attempts and exam results (core/training/progress.py)."""
        return self.data / "training.sqlite3"

    @property
    def exam_dirs(self) -> tuple[Path, ...]:
        """Where exam files are found: with the shipped, team and personal packs."""
        return (self.shipped, self.team, self.personal)

    @property
    def shop_file(self) -> Path:
        """The shop profile in force: the team's if published, else the shipped example.

        Anything named shop.yaml in the team folder counts, even a FIFO or a symlink loop
        (``exists()`` says False for a loop): reading it then says what is wrong, in one line
        (core/shop/in_force.py), instead of the shipped profile replacing it without a word.
        """
        team_shop = self.team / SHOP_FILE
        return team_shop if os.path.lexists(team_shop) else self.shipped / SHOP_FILE

    def with_folders(self, team: str = "", personal: str = "") -> AppPaths:
        """The team and personal folders a user chose (settings) replace the defaults; an
        empty choice keeps the default. ``~`` is expanded."""
        changes: dict[str, Path] = {}
        if team:
            changes["team"] = Path(team).expanduser()
        if personal:
            changes["personal"] = Path(personal).expanduser()
        return dataclasses.replace(self, **changes) if changes else self

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AppPaths:
        env = os.environ if env is None else env
        home = env.get("QUICKREPLY_HOME")
        if home:
            root = Path(home)
            return cls(
                shipped=SHIPPED_DIR,
                team=root / "team",
                personal=root / "personal",
                config=root / "config",
                data=root / "data",
                cache=root / "cache",
            )
        data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        return cls(
            shipped=SHIPPED_DIR,
            team=data / "team",
            personal=data / "personal",
            config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            data=data,
            cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )
