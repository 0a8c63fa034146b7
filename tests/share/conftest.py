"""Agent homes with usage and reply records, drops (a folder, nginx WebDAV on loopback)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from quickreply.core.kpi import KpiStore
from quickreply.core.share.drop import Drop
from quickreply.core.share.outbox import DailyShare, Identity, Outbox, ShareResult
from quickreply.core.stats import StatsStore
from quickreply.core.timers import Reply

START = datetime(2026, 11, 2, 9, 0)  # a Monday, local time


class Clock:
    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@dataclass
class Agent:
    """One agent's data folder: usage and KPI stores and the outbox, on a shared clock."""

    agent_id: str
    home: Path
    clock: Clock
    team_version: str = "3"

    def __post_init__(self) -> None:
        self.stats = StatsStore(self.home / "stats.sqlite3", self.clock)
        self.kpi = KpiStore(self.home / "kpi.sqlite3", self.clock)
        self.share = DailyShare(Outbox(self.home / "outbox"), self.stats, self.kpi, self.clock)

    def use(self, snippet_id: str, times: int = 1) -> None:
        for _ in range(times):
            self.stats.record_use(snippet_id)

    def reply(
        self, waited: float, *, first: bool = False, queue: str = "售前", buyer: str = ""
    ) -> None:
        self.kpi.record(Reply(buyer or "买家", queue, waited, first, self.clock()))

    def run(self, drop: Drop) -> ShareResult:
        return self.share.run(Identity(self.agent_id, "0.1.0", self.team_version), drop)

    def close(self) -> None:
        self.stats.close()
        self.kpi.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_agent(tmp_path: Path, clock: Clock) -> Iterator[type[Agent]]:
    made: list[Agent] = []

    def make(agent_id: str, team_version: str = "3") -> Agent:
        agent = Agent(agent_id, tmp_path / "homes" / agent_id, clock, team_version)
        made.append(agent)
        return agent

    yield make  # type: ignore[misc]
    for agent in made:
        agent.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


NGINX_CONF = """
master_process off;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {tmp}/www;
        client_max_body_size 2m;
        location /drop/ {{
            dav_methods PUT;
            dav_access user:rw group:r all:r;
            # nginx's dav module has no PROPFIND: the lead's report lists the folder this way.
            autoindex on;
            autoindex_format json;
        }}
        location /htmlindex/ {{
            autoindex on;
        }}
        location /notalisting/ {{
            default_type text/plain;
            return 200 "Welcome to nginx";
        }}
        location /readonly/ {{
            limit_except GET {{ deny all; }}
        }}
        location /full/ {{
            return 507;
        }}
        location /private/ {{
            return 401;
        }}
    }}
}}
"""


@dataclass
class Nginx:
    url: str  # http://127.0.0.1:PORT/
    root: Path  # what it serves: root / "drop" is the WebDAV drop folder


@pytest.fixture
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    """nginx with its built-in dav module (PUT) on a loopback port, run from a temp folder."""
    binary = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if binary is None:
        pytest.skip("nginx is not installed (scripts/setup installs nginx-light)")
    tmp = tmp_path_factory.mktemp("nginx")
    for sub in ("www/drop", "www/readonly", "www/htmlindex", "body"):
        (tmp / sub).mkdir(parents=True)
    port = _free_port()
    conf = tmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=tmp, port=port), encoding="utf-8")
    proc = subprocess.Popen(
        [binary, "-c", str(conf), "-p", str(tmp), "-e", str(tmp / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                _, err = proc.communicate()
                pytest.fail(f"nginx did not start: {err.decode(errors='replace')}")
            time.sleep(0.05)
    try:
        yield Nginx(f"http://127.0.0.1:{port}/", tmp / "www")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
