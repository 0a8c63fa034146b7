"""Syncing over http(s): faults of a web server, and the real thing end to end with nginx."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from quickreply.benchmarks.nginx import nginx, nginx_binary
from quickreply.core.team.sources import HttpSource
from quickreply.core.team.sync import TeamSync
from tests.conftest import SHIPPED
from tests.team.conftest import Team
from tests.team.servers import faulty_server


@pytest.fixture
def web(team: Team) -> Iterator[tuple[Team, TeamSync, object]]:
    """The agent synced v1 over http from the faulty server; the lead published v2."""
    team.publish()
    with faulty_server(team.dest) as (url, faults):
        syncer = team.syncer(source_for=lambda location: HttpSource(location, timeout=(1.0, 1.0)))
        syncer.join(url, team.lead.team.join_code)
        assert syncer.sync().version == 1
        team.write({"hello": "v2 的话术"})
        team.publish()
        yield team, syncer, faults


@pytest.mark.parametrize(
    ("path", "rule", "words"),
    [
        ("current.json", "404", "HTTP 404"),
        ("current.json", "500", "HTTP 500"),
        ("current.json", "slow", "timed out"),
        ("current.json", "loop", "too many redirects"),
        ("v2/manifest.json", "500", "HTTP 500"),
        ("v2/presale.yaml", "cut", "cut off"),
        ("v2/presale.yaml", "slow", "timed out"),
        ("v2/presale.yaml", "404", "HTTP 404"),
    ],
)
def test_server_faults_keep_the_last_good_version(
    web: tuple[Team, TeamSync, object], path: str, rule: str, words: str
) -> None:
    team, syncer, faults = web
    faults.rules[path] = rule  # type: ignore[attr-defined]
    result = syncer.sync()
    assert result.status == "failed" and words in result.problem, result
    assert result.line.endswith("keeping v1") and "\n" not in result.line
    assert team.texts() == {"hello": "亲，在的~"}
    faults.rules.clear()  # type: ignore[attr-defined]
    assert syncer.sync().version == 2


def test_the_unchanged_check_is_conditional(web: tuple[Team, TeamSync, object]) -> None:
    _team, syncer, faults = web
    assert syncer.sync().version == 2
    faults.requests.clear()  # type: ignore[attr-defined]
    assert syncer.sync().status == "unchanged"
    [(path, headers)] = faults.requests  # type: ignore[attr-defined]
    assert path == "current.json"
    assert headers.get("If-None-Match", "").startswith('"')


# ---------------------------------------------------------------------------------------------
# nginx, end to end through the command line


def cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUICKREPLY_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "quickreply", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def nginx_url(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    binary = nginx_binary()
    if binary is None:
        pytest.skip(
            "nginx is not installed (scripts/setup installs the Debian package nginx-light)"
        )
    root = tmp_path / "www" / "team"
    root.mkdir(parents=True)
    run = tmp_path / "nginx"
    with nginx(binary, tmp_path / "www", run) as url:
        yield url + "team/", root, run


def test_e2e_publish_to_nginx_and_agents_sync(
    tmp_path: Path, nginx_url: tuple[str, Path, Path]
) -> None:
    url, root, run = nginx_url
    lead, agent = tmp_path / "lead", tmp_path / "agent"
    src = tmp_path / "packs"
    src.mkdir()
    pack = src / "team.yaml"
    pack.write_text(
        "pack: {id: team.presale, name: 团队售前}\nsnippets:\n"
        "  - {id: warranty, title: 保修政策, code: bx, text: 亲，本店商品保修一年哦~,"
        " note: 问保修时, examples: [保修多久]}\n",
        encoding="utf-8",
    )
    init = cli(lead, "team", "init", "--name", "售前组")
    assert init.returncode == 0, init.stderr
    code = init.stdout.strip().splitlines()[-1]
    published = cli(lead, "team", "publish", str(src), "--to", str(root), "--message", "首发")
    assert published.returncode == 0, published.stderr
    assert "published v1" in published.stdout

    joined = cli(agent, "team", "join", url, "--key", code)
    assert joined.returncode == 0, joined.stderr
    synced = cli(agent, "team", "sync")
    assert synced.returncode == 0, synced.stderr
    assert "updated to v1" in synced.stdout
    found = cli(agent, "search", "保修")
    assert "本店商品保修一年" in found.stdout

    unchanged = cli(agent, "team", "sync")
    assert "up to date (v1)" in unchanged.stdout
    log = (run / "access.log").read_text()
    assert '"GET /team/current.json HTTP/1.1" 304' in log

    v1_pointer = (root / "current.json").read_bytes()
    pack.write_text(pack.read_text(encoding="utf-8").replace("一年", "两年"), encoding="utf-8")
    republished = cli(lead, "team", "publish", "--message", "保修改为两年")
    assert "published v2" in republished.stdout, republished.stderr
    again = cli(agent, "team", "sync")
    assert "updated to v2 (0 added, 1 changed, 0 removed): 保修改为两年" in again.stdout
    assert "本店商品保修两年" in cli(agent, "search", "保修").stdout
    v2_pointer = (root / "current.json").read_bytes()
    status = cli(agent, "team", "status").stdout
    assert "version:  v2" in status and "problem:  none" in status

    # Attacks through the real server: a replayed old pointer, then a tampered file.
    (root / "current.json").write_bytes(v1_pointer)
    # nginx's ETag is the file's mtime in seconds and its size: the replayed pointer, as long
    # as v2's and written within the same second, would be answered 304 (not served at all).
    later = (root / "current.json").stat().st_mtime + 5
    os.utime(root / "current.json", (later, later))
    replay = cli(agent, "team", "sync")
    assert replay.returncode == 1
    assert "offers v1 but v2 is installed (replay refused" in replay.stderr
    (root / "current.json").write_bytes(v2_pointer)
    pack.write_text(pack.read_text(encoding="utf-8").replace("两年", "三年"), encoding="utf-8")
    assert cli(lead, "team", "publish", "--message", "v3").returncode == 0
    (root / "v3" / "team.yaml").write_text("pack: {id: evil, name: evil}\nsnippets: []\n")
    bad = cli(agent, "team", "sync")
    assert bad.returncode == 1 and "differs from its signed hash" in bad.stderr
    assert bad.stderr.strip().endswith("keeping v2")
    assert "本店商品保修两年" in cli(agent, "search", "保修").stdout


def test_only_changed_files_are_downloaded(team: Team) -> None:
    team.write({"other": "别的话术"}, "other.yaml", "team.other")
    team.publish()
    with faulty_server(team.dest) as (url, faults):
        syncer = team.join(url)
        assert syncer.sync().version == 1
        team.write({"hello": "v2 的话术"})
        team.publish()
        faults.requests.clear()
        assert syncer.sync().version == 2
        fetched = [path for path, _headers in faults.requests]
    assert fetched == ["current.json", "v2/manifest.json", "v2/presale.yaml"]
    assert team.texts() == {"hello": "v2 的话术", "other": "别的话术"}


def test_e2e_the_shipped_packs_reach_agents_through_nginx_with_their_picture(
    tmp_path: Path, nginx_url: tuple[str, Path, Path]
) -> None:
    url, root, run = nginx_url
    lead, agent = tmp_path / "lead", tmp_path / "agent"
    init = cli(lead, "team", "init", "--name", "售前组")
    code = init.stdout.strip().splitlines()[-1]
    published = cli(lead, "team", "publish", str(SHIPPED), "--to", str(root))
    assert published.returncode == 0, published.stdout + published.stderr
    assert cli(agent, "team", "join", url, "--key", code).returncode == 0
    synced = cli(agent, "team", "sync")
    assert synced.returncode == 0 and "updated to v1" in synced.stdout, synced.stderr
    chart = (SHIPPED / "images" / "尺码表.png").read_bytes()
    [copy] = [p for p in (agent / "data").rglob("尺码表.png") if "versions" in p.parts]
    assert copy.read_bytes() == chart
    log = (run / "access.log").read_text()
    assert '"GET /team/v1/images/%E5%B0%BA%E7%A0%81%E8%A1%A8.png HTTP/1.1" 200' in log
    assert "发尺码表" in cli(agent, "search", "cmb").stdout
