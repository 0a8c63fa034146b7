"""Team-pack fixtures: a lead key, a small pack source, a publish folder and an agent home."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quickreply.core.libcache import load_library_cached
from quickreply.core.model import Library, PackSource
from quickreply.core.packs import PackDir, load_library
from quickreply.core.paths import AppPaths
from quickreply.core.team.keys import LeadKey, create_lead_key
from quickreply.core.team.local import load_one_version
from quickreply.core.team.publish import PublishResult, publish
from quickreply.core.team.sources import Source, open_source
from quickreply.core.team.sync import Caps, TeamSync


def clock() -> datetime:
    return datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def pack_text(replies: dict[str, str], pack_id: str = "team.presale") -> str:
    lines = [f"pack: {{id: {pack_id}, name: 团队售前, version: 1}}", "snippets:"]
    for sid, text in replies.items():
        lines += [
            f"  - id: {sid}",
            f"    title: 标题{sid}",
            f"    text: {text}",
            "    note: 测试",
            "    examples: [问]",
        ]
    return "\n".join(lines) + "\n"


@dataclass
class Team:
    """A lead publishing ``src`` to ``dest`` and one agent home syncing it."""

    lead: LeadKey
    src: Path
    dest: Path
    agent: AppPaths
    tmp: Path

    def write(
        self, replies: dict[str, str], name: str = "presale.yaml", pack_id: str = "team.presale"
    ) -> Path:
        path = self.src / name
        path.write_text(pack_text(replies, pack_id), encoding="utf-8")
        return path

    def publish(self, message: str = "", **kw: object) -> PublishResult:
        return publish([self.src], self.dest, self.lead, clock, message=message, **kw)  # type: ignore[arg-type]

    def syncer(
        self, caps: Caps | None = None, source_for: Callable[[str], Source] = open_source
    ) -> TeamSync:
        return TeamSync(self.agent, clock, caps=caps or Caps(), source_for=source_for)

    def join(self, source: str | None = None) -> TeamSync:
        syncer = self.syncer()
        syncer.join(source or str(self.dest), self.lead.team.join_code)
        return syncer

    def library(self) -> Library:
        return load_one_version(
            self.agent.team, lambda team: load_library([PackDir(team, PackSource.TEAM)])
        )

    def texts(self) -> dict[str, str]:
        return {s.id: s.text for s in self.library().snippets()}


@pytest.fixture
def team(tmp_path: Path) -> Team:
    lead = create_lead_key(tmp_path / "lead-config", "售前组")
    src = tmp_path / "src"
    src.mkdir()
    home = tmp_path / "agent"
    agent = AppPaths(
        shipped=tmp_path / "none",
        team=home / "team",
        personal=home / "personal",
        config=home / "config",
        data=home / "data",
        cache=home / "cache",
    )
    t = Team(lead, src, tmp_path / "published", agent, tmp_path)
    t.write({"hello": "亲，在的~"})
    return t


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


__all__ = ["Team", "clock", "dedent", "load_library_cached", "pack_text"]
