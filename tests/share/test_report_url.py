"""``team report --drop URL``: listing a drop over HTTP, fetching only what is new, and faults."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from quickreply.cli import main
from quickreply.core.kpi import QueueTotals
from quickreply.core.share import remote
from quickreply.core.share.aggregate import DailyAggregate
from quickreply.core.share.readcache import Record
from tests.share.conftest import Nginx


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUICKREPLY_HOME", str(tmp_path / "lead"))
    return tmp_path / "lead"


def _write(folder: Path, agent: str, day: int, uses: dict[str, int]) -> None:
    agg = DailyAggregate(
        agent,
        date(2026, 11, day),
        "1.0",
        "3",
        datetime(2026, 11, day, 18, tzinfo=UTC),
        uses,
        {"售前": QueueTotals(1, 1, 5.0, 5.0, 1, 1, 0)},
    )
    path = folder / agg.file_name
    path.write_bytes(agg.to_json())
    written = agg.written.timestamp()
    os.utime(path, (written, written))  # settled: the read cache keeps it


def _run(drop: str, *extra: str) -> int:
    return main(["team", "report", "--drop", drop, "--from", "2026-11-01", "--to", "2026-11-30"])


def test_only_files_not_in_the_read_cache_are_fetched(
    nginx: Nginx, home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = nginx.root / "drop"
    for day in (1, 2, 3):
        _write(folder, "A001", day, {"hello": 1})
    fetched: list[str] = []
    real = remote._fetch

    def counting(session: object, url: str, timeout: tuple[float, float]) -> tuple[Record, bool]:
        fetched.append(url.rsplit("/", 1)[-1])
        return real(session, url, timeout)  # type: ignore[arg-type]

    monkeypatch.setattr(remote, "_fetch", counting)
    assert _run(nginx.url + "drop/") == 0
    assert len(fetched) == 3
    assert "hello  问候" not in capsys.readouterr().out  # (no team packs: ids only)
    _write(folder, "A002", 3, {"ship": 4})
    fetched.clear()
    assert _run(nginx.url + "drop") == 0  # the same drop without its last slash
    assert fetched == ["2026-11-03_A002.json"]
    out, err = capsys.readouterr()
    assert "4 agent-days from 2026-11-01 to 2026-11-30, 2 agents" in err
    assert "ship" in out


def test_an_html_index_is_read_by_its_links(
    nginx: Nginx, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(nginx.root / "htmlindex", "A001", 2, {"hello": 3})
    (nginx.root / "htmlindex" / "2026-11-03_A002.json").write_bytes(b"{cut")
    assert _run(nginx.url + "htmlindex/") == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2
    assert err[0].startswith(f"{nginx.url}htmlindex/2026-11-03_A002.json: not JSON (")
    assert err[0].endswith(") (skipped)")
    assert err[1] == "1 agent-days from 2026-11-01 to 2026-11-30, 1 agents, 1 skipped"


@pytest.mark.parametrize(
    ("where", "line"),
    [
        ("private/", "the server answered 401 (the user name or password in the drop address"),
        ("readonly/", "the server answered 403 (the server refuses the lead here; allow GET"),
        ("full/", "the server answered 507 (the server is out of space; free space on it)"),
        ("notalisting/", "not a folder listing (turn on WebDAV PROPFIND, or nginx `autoindex on;"),
    ],
)
def test_a_drop_that_cannot_be_listed_is_one_line_without_the_password(
    nginx: Nginx, home: Path, capsys: pytest.CaptureFixture[str], where: str, line: str
) -> None:
    address = nginx.url.replace("http://", "http://lead:s3cret@") + where
    assert _run(address) == 1  # nothing readable: non-zero (it was 0: changed on purpose)
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"{nginx.url}{where}: {line}")
    assert len(err) == 2 and err[1].startswith("0 agent-days")
    assert "s3cret" not in "\n".join(err) and "lead@" not in "\n".join(err)


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections (the kernel's backlog) and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield int(sock.getsockname()[1])


def test_a_timeout_and_a_refused_connection_are_one_line(
    home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    silent_port: int,
) -> None:
    monkeypatch.setattr(remote, "READ_TIMEOUT", 0.3)
    assert _run(f"http://agent:pw@127.0.0.1:{silent_port}/drop/") == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"http://127.0.0.1:{silent_port}/drop/: the server did not answer in time (try again later)"
    )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    assert _run(f"http://127.0.0.1:{port}/drop/") == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"http://127.0.0.1:{port}/drop/: cannot reach the server (ConnectionError) "
        "(is the address right and the server up?)"
    )


MULTISTATUS = b"""<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:">
 <D:response><D:href>/dav/qr%20drop/</D:href><D:propstat><D:prop>
  <D:resourcetype><D:collection/></D:resourcetype></D:prop>
  <D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
 <D:response><D:href>/dav/qr%20drop/2026-11-02_A007.json</D:href><D:propstat><D:prop>
  <D:resourcetype/><D:getcontentlength>812</D:getcontentlength>
  <D:getlastmodified>Mon, 02 Nov 2026 18:00:00 GMT</D:getlastmodified>
  <D:getetag>"32c-5e3"</D:getetag></D:prop>
  <D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
 <D:response><D:href>http://nas/dav/qr%20drop/old/</D:href><D:propstat><D:prop>
  <D:resourcetype><D:collection/></D:resourcetype></D:prop>
  <D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
 <D:response><D:href>/dav/qr%20drop/.2026-11-02_A008.json.tmp</D:href><D:propstat><D:prop>
  <D:resourcetype/><D:getcontentlength>3</D:getcontentlength></D:prop>
  <D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
</D:multistatus>"""


def test_a_propfind_answer_lists_the_files_with_their_stamps() -> None:
    listed = remote._daily(remote._multistatus(MULTISTATUS, "/dav/qr%20drop/"))
    stamp = datetime(2026, 11, 2, 18, tzinfo=UTC).timestamp()
    assert listed == [remote.Listed("2026-11-02_A007.json", 812, '"32c-5e3"', stamp)]
    with pytest.raises(remote.ListingError, match="not a folder listing"):
        list(remote._multistatus(b"<html><body>Login</body></html>", "/dav/"))
