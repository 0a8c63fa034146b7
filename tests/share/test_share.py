"""An agent's daily aggregate: what it holds, what it never holds, and how it reaches the drop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quickreply.core.share.aggregate import parse_aggregate
from quickreply.core.share.drop import DropError, FolderDrop, open_drop
from quickreply.core.share.report import build_report, read_drop
from tests.share.conftest import Agent, Clock, Nginx


def _files(folder: Path) -> dict[str, dict[str, object]]:
    return {p.name: json.loads(p.read_bytes()) for p in sorted(folder.glob("*.json"))}


def test_a_day_holds_the_agent_versions_use_counts_and_queue_sums(
    make_agent: type[Agent], tmp_path: Path
) -> None:
    agent = make_agent("A007")
    agent.use("hello", 3)
    agent.use("ship")
    agent.reply(20, first=True)
    agent.reply(200)
    agent.reply(40, queue="售后")
    drop = tmp_path / "drop"
    drop.mkdir()
    result = agent.run(FolderDrop(drop))
    assert (result.built, result.sent, result.waiting, result.problem) == (1, 1, 0, "")
    doc = _files(drop)["2026-11-02_A007.json"]
    assert doc["agent"] == "A007" and doc["day"] == "2026-11-02"
    assert doc["app_version"] == "0.1.0" and doc["team_version"] == "3"
    assert doc["uses"] == {"hello": 3, "ship": 1}
    # replies, first responses, first-wait sum, wait sum, <=3 min, <=30 s, slow
    assert doc["queues"] == {
        "售前": [2, 1, 20.0, 220.0, 1, 1, 1],
        "售后": [1, 0, 0.0, 40.0, 1, 0, 0],
    }


def test_no_buyer_name_title_message_or_clipboard_text_reaches_any_written_file(
    make_agent: type[Agent], tmp_path: Path, clock: Clock
) -> None:
    planted = ["王小明的店", "王小明 - 千牛接待台", "亲，我的快递到哪了", "剪贴板里的秘密"]
    agent = make_agent("A007")
    for text in planted:
        # The timer's label is the buyer (from the window title); the snippet was pasted over
        # the buyer's message while the clipboard held something else.
        agent.reply(15, first=True, buyer=text)
        agent.use("hello")
    drop = tmp_path / "drop"
    drop.mkdir()
    offline = tmp_path / "unmounted"
    agent.run(FolderDrop(offline))  # queued in the outbox
    clock.advance(days=1)
    agent.use("ship")
    agent.run(FolderDrop(drop))
    written = [p for p in (tmp_path / "homes" / "A007" / "outbox").rglob("*") if p.is_file()]
    written += [p for p in drop.rglob("*") if p.is_file()]
    assert len(written) >= 3
    for path in written:
        data = path.read_bytes()
        for text in planted:
            for encoding in ("utf-8", "gbk", "utf-16-le"):
                assert text.encode(encoding) not in data, (path, text)
        for escaped in (json.dumps(t) for t in planted):
            assert escaped.encode() not in data


def test_a_week_without_the_drop_loses_nothing(
    make_agent: type[Agent], tmp_path: Path, clock: Clock
) -> None:
    agent = make_agent("A007")
    share = tmp_path / "share"  # the shared drive is not connected for a week
    problems = []
    for day in range(8):
        agent.use("hello", day + 1)
        agent.reply(10 + day, first=True)
        problems.append(agent.run(FolderDrop(share)).problem)
        clock.advance(days=1)
    assert all("not reachable" in p for p in problems)
    assert len(agent.share.outbox.pending()) == 8
    share.mkdir()
    result = agent.run(FolderDrop(share))
    assert (result.sent, result.waiting, result.problem) == (8, 0, "")
    uses = {name: doc["uses"] for name, doc in _files(share).items()}
    assert uses == {f"2026-11-{2 + d:02d}_A007.json": {"hello": d + 1} for d in range(8)}


def test_today_is_rewritten_at_each_run_and_counted_once(
    make_agent: type[Agent], tmp_path: Path, clock: Clock
) -> None:
    agent = make_agent("A007")
    drop = tmp_path / "drop"
    drop.mkdir()
    agent.use("hello", 2)
    agent.run(FolderDrop(drop))
    clock.advance(hours=8)
    agent.use("hello", 3)
    agent.run(FolderDrop(drop))  # at quit
    aggregates, skipped = read_drop(drop)
    assert skipped == []
    report = build_report(aggregates, clock().date(), clock().date())
    assert [(r.snippet_id, r.uses) for r in report.replies] == [("hello", 5)]


def test_yesterday_is_finished_by_the_next_days_run(
    make_agent: type[Agent], tmp_path: Path, clock: Clock
) -> None:
    agent = make_agent("A007")
    drop = tmp_path / "drop"
    drop.mkdir()
    agent.use("hello")
    agent.run(FolderDrop(drop))
    clock.advance(hours=10)  # 19:00, used after the last run; the app was killed
    agent.use("hello")
    clock.advance(hours=14)  # next morning
    agent.run(FolderDrop(drop))
    assert _files(drop)["2026-11-02_A007.json"]["uses"] == {"hello": 2}


def test_a_read_only_drop_folder_is_one_line_and_the_day_waits(
    make_agent: type[Agent], tmp_path: Path
) -> None:
    agent = make_agent("A007")
    agent.use("hello")

    class ReadOnly(FolderDrop):
        def put(self, name: str, data: bytes) -> None:
            raise DropError(str(self.root / name), "cannot write: Read-only file system", "x")

    result = agent.run(ReadOnly(tmp_path))
    assert "Read-only file system" in result.problem and "\n" not in result.problem
    assert result.waiting == 1


def test_webdav_put_to_nginx_and_its_refusals(
    make_agent: type[Agent], nginx: Nginx, clock: Clock
) -> None:
    agent = make_agent("A007")
    agent.use("hello", 4)
    for where, code in (("readonly/", "403"), ("full/", "507"), ("private/", "401")):
        result = agent.run(open_drop(nginx.url + where))
        assert f"answered {code}" in result.problem and "\n" not in result.problem
        assert result.waiting == 1
    gone = open_drop("http://127.0.0.1:9/")  # nothing listens on the discard port
    assert "cannot reach the server" in agent.run(gone).problem
    result = agent.run(open_drop(nginx.url + "drop/"))
    assert (result.sent, result.waiting, result.problem) == (1, 0, "")
    served = parse_aggregate((nginx.root / "drop" / "2026-11-02_A007.json").read_bytes())
    assert dict(served.uses) == {"hello": 4}


def test_a_password_in_the_drop_address_is_never_shown(nginx: Nginx) -> None:
    drop = open_drop(nginx.url.replace("http://", "http://lead:s3cret@") + "private/")
    with pytest.raises(DropError) as caught:
        drop.put("x.json", b"{}")
    assert "s3cret" not in str(caught.value) and "answered 401" in str(caught.value)
