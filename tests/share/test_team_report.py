"""``quickreply team report``: three agents' days through a folder and nginx WebDAV, bad files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from quickreply.cli import main
from quickreply.core.share.drop import FolderDrop, open_drop
from tests.share.conftest import Agent, Clock, Nginx

PACK = """pack: {id: team.presale, name: 团队售前, version: 1}
snippets:
  - {id: hello, title: 问候, text: 亲，在的~, group: 开场}
  - {id: ship, title: 发货, text: 今天发货, group: 物流}
  - {id: old, title: 旧话术, text: 没人用了, group: 物流}
"""


def _three_agents(make_agent: type[Agent], clock: Clock, drop_for: object) -> None:
    a, b, c = make_agent("A001"), make_agent("A002", "4"), make_agent("B003", "")
    for day in range(3):
        a.use("hello", 2)
        a.reply(20, first=True)
        a.reply(100)
        b.use("hello")
        b.use("ship", 5)
        b.reply(200, first=True)
        if day == 1:
            c.use("ship", 7)
            c.reply(10, first=True, queue="售后")
        for agent in (a, b, c):
            agent.run(drop_for)  # type: ignore[arg-type]
        clock.advance(hours=6)
        for agent in (a, b, c):
            agent.run(drop_for)  # the same day written twice (at quit): counted once
        clock.advance(hours=18)


def _sections(data: bytes) -> dict[str, list[list[str]]]:
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese headers right
    out: dict[str, list[list[str]]] = {}
    current: list[list[str]] = []
    for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
        if len(row) == 1:
            current = out.setdefault(row[0], [])
        elif row:
            current.append(row)
    return out


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "lead"
    (root / "team").mkdir(parents=True)
    (root / "team" / "presale.yaml").write_text(PACK, encoding="utf-8")
    monkeypatch.setenv("QUICKREPLY_HOME", str(root))
    return root


def _report(
    drop: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> dict[str, list[list[str]]]:
    out = tmp_path / "report.csv"
    html = tmp_path / "report.html"
    code = main(
        [
            "team",
            "report",
            "--drop",
            str(drop),
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--csv",
            str(out),
            "--html",
            str(html),
        ]
    )
    assert code == 0, capsys.readouterr().err
    page = html.read_text(encoding="utf-8")
    assert page.count("<svg") == 7  # groups, top replies, four response figures, adoption
    # Self-contained: nothing to fetch (SVG's namespace names are not fetched).
    for fetch in ("<script", "src=", 'href="http', "url(http", "@import", "<link"):
        assert fetch not in page
    return _sections(out.read_bytes())


def _check_sums(sections: dict[str, list[list[str]]]) -> None:
    usage = {row[0]: row[1:] for row in sections["话术使用"][1:]}
    assert usage == {
        "ship": ["发货", "22", "2", "2026-11-04"],
        "hello": ["问候", "9", "2", "2026-11-04"],
    }
    assert sections["30天无人使用的话术（可改写或删除）"][1:] == [["old", "旧话术"]]
    days = {(r[0], r[1]): r[2:] for r in sections["客服每日响应"][1:]}
    assert days[("A001", "2026-11-02")] == ["2", "20.0", "60.0", "100.0", "50.0"]
    assert days[("A002", "2026-11-03")] == ["1", "200.0", "200.0", "0.0", "0.0"]
    assert days[("B003", "2026-11-03")] == ["1", "10.0", "10.0", "100.0", "100.0"]
    assert len(days) == 7
    versions = {r[0]: r[2:] for r in sections["客服使用的版本"][1:]}
    assert versions == {"A001": ["0.1.0", "3"], "A002": ["0.1.0", "4"], "B003": ["0.1.0", "-"]}


def test_a_folder_drop_gives_the_right_sums(
    make_agent: type[Agent],
    clock: Clock,
    tmp_path: Path,
    home: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    drop = tmp_path / "share"
    drop.mkdir()
    _three_agents(make_agent, clock, FolderDrop(drop))
    _check_sums(_report(drop, tmp_path, capsys))


def test_a_webdav_drop_on_nginx_gives_the_right_sums(
    make_agent: type[Agent],
    clock: Clock,
    tmp_path: Path,
    home: Path,
    nginx: Nginx,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _three_agents(make_agent, clock, open_drop(nginx.url + "drop/"))
    # The lead reads the server's folder (mounted or synced to the lead's machine)...
    _check_sums(_report(nginx.root / "drop", tmp_path, capsys))
    # ...or the address itself: nginx lists the folder as autoindex JSON (no PROPFIND in its
    # dav module), the password in the address is sent but never shown.
    address = nginx.url.replace("http://", "http://lead:s3cret@") + "drop/"
    _check_sums(_report(address, tmp_path, capsys))
    assert "s3cret" not in capsys.readouterr().err


def test_bad_files_are_one_line_each_and_the_rest_is_reported(
    make_agent: type[Agent],
    clock: Clock,
    tmp_path: Path,
    home: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    drop = tmp_path / "share"
    drop.mkdir()
    _three_agents(make_agent, clock, FolderDrop(drop))
    good = (drop / "2026-11-02_A001.json").read_bytes()
    (drop / "2026-11-02_A001 (1).json").write_bytes(good)  # a sync client's copy
    older = json.loads(good)
    older["written"] = "2026-11-01T08:00:00"
    older["uses"] = {"hello": 100}
    (drop / "2026-11-02_A001 (old).json").write_text(json.dumps(older), encoding="utf-8")
    (drop / "2026-11-05_A009.json").write_bytes(good[: len(good) // 2])  # cut off
    newer = json.loads(good) | {"version": 99}
    (drop / "2026-11-05_A010.json").write_text(json.dumps(newer), encoding="utf-8")
    negative = json.loads(good) | {"uses": {"hello": -5}}
    (drop / "2026-11-05_A011.json").write_text(json.dumps(negative), encoding="utf-8")
    (drop / ".2026-11-05_A012.json.123-abc.tmp").write_bytes(b"{")  # being written
    sections = _report(drop, tmp_path, capsys)
    _check_sums(sections)
    err = capsys.readouterr().err.splitlines()
    skipped = [line for line in err if line.endswith("(skipped)")]
    assert len(skipped) == 3
    assert any("A009.json: not JSON" in line for line in skipped)
    assert any("A010.json: written by a newer QuickReply" in line for line in skipped)
    assert any("A011.json: uses of 'hello' must be a whole number >= 0" in line for line in skipped)
    assert err[-1] == "7 agent-days from 2026-11-01 to 2026-11-30, 3 agents, 3 skipped"


def test_a_missing_drop_and_bad_dates_are_one_line(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Nothing readable is a failure a script can see (it exited 0 before: changed on purpose).
    assert main(["team", "report", "--drop", str(tmp_path / "nope")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "cannot read the drop" in err[0]
    assert err[1].endswith("nothing in the drop could be read (1 skipped), no report written")
    with pytest.raises(SystemExit) as caught:
        main(["team", "report", "--drop", str(tmp_path), "--from", "11/01"])
    assert "--from '11/01' is not a date (write it as YYYY-MM-DD)" in str(caught.value)
    assert (
        main(
            [
                "team",
                "report",
                "--drop",
                str(tmp_path),
                "--from",
                "2026-12-02",
                "--to",
                "2026-12-01",
            ]
        )
        == 2
    )
    assert "is after --to" in capsys.readouterr().err
    assert main(["team", "report"]) == 2
    assert "no drop given" in capsys.readouterr().err


def test_an_agent_whose_clock_runs_a_day_ahead_is_one_line(
    make_agent: type[Agent], clock: Clock, tmp_path: Path, home: Path
) -> None:
    import argparse
    from datetime import datetime

    from quickreply.commands import teamreport

    drop = tmp_path / "share"
    drop.mkdir()
    _three_agents(make_agent, clock, FolderDrop(drop))  # 2026-11-02 .. 04; now the 5th, 09:00
    ahead = make_agent("C009")
    clock.advance(days=1)  # C009's clock says the 6th while the lead's says the 5th
    ahead.use("hello", 4)
    ahead.run(FolderDrop(drop))
    args = argparse.Namespace(
        drop=str(drop), start=None, end=None, csv=None, html=None, pack=[], shop=None
    )
    out, err = io.StringIO(), io.StringIO()
    lead_today = datetime(2026, 11, 5, 9, 0)
    assert teamreport.run(args, clock=lambda: lead_today, out=out, err=err) == 0
    assert err.getvalue().splitlines() == [
        "C009: a daily file dated 2026-11-06, after today 2026-11-05 (the agent's clock is "
        "ahead: set it right; --to 2026-11-06 includes it)",
        "7 agent-days from 2026-10-07 to 2026-11-05, 3 agents",
    ]
    args.end = "2026-11-06"
    err = io.StringIO()
    assert teamreport.run(args, clock=lambda: lead_today, out=out, err=err) == 0
    assert err.getvalue().splitlines() == ["8 agent-days from 2026-10-08 to 2026-11-06, 4 agents"]


def test_a_drop_with_no_readable_file_exits_non_zero_and_keeps_the_last_report(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drop = tmp_path / "share"
    drop.mkdir()
    (drop / "2026-11-05_A009.json").write_bytes(b'{"format": "quickreply-daily"')  # cut off
    out = tmp_path / "report.csv"
    out.write_bytes(b"last week's report")
    args = ["team", "report", "--drop", str(drop), "--to", "2026-11-30", "--csv", str(out)]
    assert main(args) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("(skipped)") and "A009.json: not JSON" in err[0]
    assert "nothing in the drop could be read (1 skipped)" in err[1]
    assert out.read_bytes() == b"last week's report"
    assert not out.with_name("report.csv.bak").exists()


def test_csv_and_html_replace_the_old_files_whole_keeping_a_bak(
    make_agent: type[Agent],
    clock: Clock,
    tmp_path: Path,
    home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drop = tmp_path / "share"
    drop.mkdir()
    _three_agents(make_agent, clock, FolderDrop(drop))
    out, page = tmp_path / "report.csv", tmp_path / "report.html"
    out.write_bytes(b"old csv")
    page.write_bytes(b"old page")
    sections = _report(drop, tmp_path, capsys)
    _check_sums(sections)
    assert (tmp_path / "report.csv.bak").read_bytes() == b"old csv"
    assert (tmp_path / "report.html.bak").read_bytes() == b"old page"
    first_csv, first_page = out.read_bytes(), page.read_bytes()

    from quickreply.core import atomic

    real = atomic._write_temp

    def disk_full(path: Path, data: bytes) -> str:
        if path.name == "report.html":
            real(path, data[:100])  # part of the page is on disk when the disk fills up
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(atomic, "_write_temp", disk_full)
    args = ["team", "report", "--drop", str(drop), "--from", "2026-11-01", "--to", "2026-11-30"]
    assert main([*args, "--csv", str(out), "--html", str(page)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == (
        f"{page}:0: --html: cannot write (No space left on device) (give a file in a folder "
        "you can write to; the previous file is unchanged)"
    )
    assert page.read_bytes() == first_page  # the last whole page, not a cut one
    assert out.read_bytes() == first_csv
