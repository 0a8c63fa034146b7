"""The 团队看板: the drop's sums as the lead sees them, filters, opening a reply, a bad drop."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from quickreply.app.services import Services, build_services
from quickreply.app.teamboard import (
    TeamBoardData,
    board_data,
    make_teamboard,
    read_location,
    select_reply,
)
from quickreply.app.views import make_library_view
from quickreply.core.paths import AppPaths
from quickreply.core.share.drop import open_drop
from quickreply.core.share.examresult import ExamRecord
from quickreply.ui.teamboard import TeamBoard
from quickreply.ui.teamboard_tables import BoardTable
from tests.share.conftest import Agent, Clock, Nginx, clock, make_agent, nginx  # noqa: F401

pytestmark = pytest.mark.gui

PACK = """pack: {id: team.presale, name: 团队售前, version: 1}
snippets:
  - {id: hello, code: wh, title: 问候, text: 亲，在的~, group: 开场}
  - {id: ship, code: fh, title: 发货, text: 今天发货, group: 物流}
  - {id: old, title: 旧话术, text: 没人用了, group: 物流}
"""


def _three_agents(make: Callable[..., Agent], clock_: Clock, drop: Path | str) -> None:
    """Three agents over three days; every day is written twice (at noon, at quit)."""
    a, b, c = make("A001"), make("A002", "4"), make("B003", "")
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
            agent.run(open_drop(str(drop)))
        clock_.advance(hours=6)
        for agent in (a, b, c):
            agent.run(open_drop(str(drop)))  # the same day again: counted once
        clock_.advance(hours=18)


def _services(qr_home: Path, drop: Path) -> Services:
    (qr_home / "team").mkdir(exist_ok=True)
    (qr_home / "team" / "presale.yaml").write_text(PACK, encoding="utf-8")
    paths = AppPaths.from_env()
    paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text(json.dumps({"share_drop": str(drop)}), encoding="utf-8")
    return build_services(paths)


@pytest.fixture
def drop(tmp_path: Path, make_agent: Callable[..., Agent], clock: Clock) -> Path:  # noqa: F811
    folder = tmp_path / "drop"
    folder.mkdir()
    _three_agents(make_agent, clock, folder)
    return folder


def _board(
    qtbot: QtBot,
    services: Services,
    data: TeamBoardData,
    open_reply: Callable[[str], bool] | None = None,
) -> TeamBoard:
    board = make_teamboard(services, data, open_reply)
    qtbot.addWidget(board)
    if board.busy:
        with qtbot.waitSignal(board.loaded, timeout=10_000):
            pass
    return board


def _data(services: Services) -> TeamBoardData:
    return TeamBoardData(
        lambda: services.settings.share_drop, lambda: services.library, services.clock
    )


def _cells(table: BoardTable) -> list[list[str]]:
    model = table.proxy
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _wait(qtbot: QtBot, board: TeamBoard, change: Callable[[], None]) -> None:
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        change()


def test_the_board_reads_the_drop_off_the_gui_thread_and_shows_the_right_sums(
    qtbot: QtBot, qr_home: Path, drop: Path
) -> None:
    services = _services(qr_home, drop)
    threads: list[threading.Thread] = []

    def read(location: str) -> tuple[list, list[str]]:  # type: ignore[type-arg]
        threads.append(threading.current_thread())
        return read_location(location)

    data = TeamBoardData(
        lambda: services.settings.share_drop, lambda: services.library, services.clock, read
    )
    board = make_teamboard(services, data)
    qtbot.addWidget(board)
    assert board.busy and board.status_label.text() == "正在读取…"
    with qtbot.waitSignal(board.loaded, timeout=10_000):
        pass
    assert threads and threads[0] is not threading.main_thread()
    assert board.figures is not None
    assert board.figures.query.end == date(2026, 11, 4)  # the newest day in the drop
    assert _cells(board.replies) == [
        ["fh", "发货", "物流", "22", "2", "2026-11-04"],
        ["wh", "问候", "开场", "9", "2", "2026-11-04"],
    ]
    assert _cells(board.unused) == [["", "旧话术", "物流"]]
    days = {(r[0], r[1]): r[2:] for r in _cells(board.days)}
    assert len(days) == 7  # 3 + 3 + 1 agent-days, each written twice
    assert days[("A001", "2026-11-02")] == ["2", "20.0", "60.0", "100.0%", "50.0%"]
    assert days[("A002", "2026-11-03")] == ["1", "200.0", "200.0", "0.0%", "0.0%"]
    assert days[("B003", "2026-11-03")] == ["1", "10.0", "10.0", "100.0%", "100.0%"]
    versions = {r[0]: r[3] for r in _cells(board.versions)}
    assert versions == {"A001": "v3", "A002": "v4", "B003": "未加入团队"}
    assert "3 位客服，7 份日报" in board.status_label.text()
    # The charts got the same figures: uses per group, one line per agent plus the team's.
    assert board.group_chart.bars == [("物流", 22), ("开场", 9)]
    assert [name for name, _ in board.response_chart.series] == ["全队", "A001", "A002", "B003"]


def test_the_board_opens_again_at_once_with_what_was_read(
    qtbot: QtBot, qr_home: Path, drop: Path
) -> None:
    services = _services(qr_home, drop)
    data = _data(services)
    first = _board(qtbot, services, data)
    first.close()
    again = make_teamboard(services, data)
    qtbot.addWidget(again)
    assert not again.busy  # no worker: the figures are there as the window is built
    assert _cells(again.replies)[0][:4] == ["fh", "发货", "物流", "22"]


def test_the_agent_filter_and_the_date_range_change_what_is_shown(
    qtbot: QtBot, qr_home: Path, drop: Path
) -> None:
    services = _services(qr_home, drop)
    board = _board(qtbot, services, _data(services))
    _wait(
        qtbot, board, lambda: board.agent_combo.setCurrentIndex(board.agent_combo.findData("A002"))
    )
    assert [r[:4] for r in _cells(board.replies)] == [
        ["fh", "发货", "物流", "15"],
        ["wh", "问候", "开场", "3"],
    ]
    assert {r[0] for r in _cells(board.days)} == {"A002"}
    assert [r[0] for r in _cells(board.versions)] == ["A002"]
    assert [name for name, _ in board.response_chart.series] == ["A002"]

    board.agent_combo.setCurrentIndex(0)  # every agent again, then one day only
    board.start_edit.setDate(QDate(2026, 11, 3))
    _wait(qtbot, board, lambda: board.end_edit.setDate(QDate(2026, 11, 3)))
    assert [r[:4] for r in _cells(board.replies)] == [
        ["fh", "发货", "物流", "12"],
        ["wh", "问候", "开场", "3"],
    ]
    assert sorted((r[0], r[1]) for r in _cells(board.days)) == [
        ("A001", "2026-11-03"),
        ("A002", "2026-11-03"),
        ("B003", "2026-11-03"),
    ]


def test_the_group_filter_narrows_the_replies(qtbot: QtBot, qr_home: Path, drop: Path) -> None:
    services = _services(qr_home, drop)
    board = _board(qtbot, services, _data(services))
    _wait(
        qtbot, board, lambda: board.group_combo.setCurrentIndex(board.group_combo.findData("开场"))
    )
    assert [r[0] for r in _cells(board.replies)] == ["wh"]
    assert _cells(board.unused) == []  # old is in 物流
    assert board.group_chart.bars == [("开场", 9)]
    assert len(_cells(board.days)) == 7  # response figures have no group


def test_enter_on_a_reply_row_opens_it_in_the_library(
    qtbot: QtBot, qr_home: Path, drop: Path
) -> None:
    services = _services(qr_home, drop)
    library = make_library_view(services)
    qtbot.addWidget(library)
    library.filter_edit.setText("问候")  # a filter that hides the reply: it is cleared
    board = _board(qtbot, services, _data(services), lambda sid: select_reply(library, sid))
    board.show()
    assert board.select_reply_row("ship").isValid()
    qtbot.keyClick(board.replies, Qt.Key.Key_Return)
    current = library.current_snippet()
    assert current is not None and current.id == "ship"

    # A reply the library no longer has: the board says so instead of doing nothing.
    assert not select_reply(library, "gone")
    board._open("gone")
    assert "gone" in board.status_label.text()


def test_an_unreachable_drop_says_so_in_one_sentence_with_the_details(
    qtbot: QtBot, qr_home: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "not-mounted"
    services = _services(qr_home, missing)
    board = _board(qtbot, services, _data(services))
    assert board.status_label.text() == "无法读取团队日报的投递位置（共享盘是否已连接？）。"
    assert board.details_label.isVisibleTo(board)
    assert str(missing) in board.details_label.text()
    assert _cells(board.replies) == []


def test_skipped_files_are_counted_and_named_and_the_rest_is_shown(
    qtbot: QtBot, qr_home: Path, drop: Path
) -> None:
    (drop / "2026-11-03_A009.json").write_bytes(b"{not json")
    services = _services(qr_home, drop)
    board = _board(qtbot, services, _data(services))
    assert "1 个文件无法读取，已跳过" in board.status_label.text()
    assert "2026-11-03_A009.json: not JSON" in board.details_label.text()
    assert _cells(board.replies)[0][3] == "22"


def test_a_new_drop_location_in_settings_is_read_afresh(
    qtbot: QtBot, qr_home: Path, drop: Path, tmp_path: Path
) -> None:
    services = _services(qr_home, drop)
    data = _data(services)
    _board(qtbot, services, data)
    assert data.cached() is not None
    services.settings = services.settings.with_changes(share_drop=str(tmp_path / "elsewhere"))
    assert data.cached() is None  # never the old drop's figures under the new name
    board = _board(qtbot, services, data)
    assert board.status_label.text().startswith("无法读取团队日报的投递位置")


def test_a_webdav_drop_is_read_over_http_with_the_same_sums(
    qtbot: QtBot,
    qr_home: Path,
    make_agent: Callable[..., Agent],  # noqa: F811
    clock: Clock,  # noqa: F811
    nginx: Nginx,  # noqa: F811
) -> None:
    url = nginx.url + "drop/"
    _three_agents(make_agent, clock, url)
    services = _services(qr_home, Path("unused"))
    services.settings = services.settings.with_changes(share_drop=url)
    data = board_data(services)  # as the app builds it: through the read cache
    board = _board(qtbot, services, data)
    assert [r[:5] for r in _cells(board.replies)] == [
        ["fh", "发货", "物流", "22", "2"],
        ["wh", "问候", "开场", "9", "2"],
    ]
    assert len(_cells(board.days)) == 7
    assert list(services.paths.cache.glob("*")), "the read cache was written"


def test_a_server_that_does_not_answer_says_so_in_one_sentence(qtbot: QtBot, qr_home: Path) -> None:
    url = "http://127.0.0.1:9/drop/"  # the discard port: nothing listens
    services = _services(qr_home, Path("unused"))
    services.settings = services.settings.with_changes(share_drop=url)
    board = _board(qtbot, services, _data(services))
    assert (
        board.status_label.text()
        == "无法读取团队日报的投递位置（服务器是否可用、地址是否正确？）。"
    )
    assert board.details_label.text().startswith("http://127.0.0.1:9/drop/: ")


def test_replies_show_their_code_and_title_with_the_id_in_the_tooltip(
    qtbot: QtBot, qr_home: Path, drop: Path
) -> None:
    services = _services(qr_home, drop)
    board = _board(qtbot, services, _data(services))
    first = board.replies.proxy.index(0, 0)
    assert first.data() == "fh"  # the code agents type, not the id "ship"
    assert first.data(Qt.ItemDataRole.ToolTipRole) == "话术 id：ship"
    assert board.unused.proxy.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "话术 id：old"
    assert all(
        "ship" not in cell and "hello" not in cell for r in _cells(board.replies) for cell in r
    )
    # A reply the library no longer has can only be named by its id.
    (qr_home / "team" / "presale.yaml").write_text(
        PACK.replace("  - {id: ship, code: fh, title: 发货, text: 今天发货, group: 物流}\n", ""),
        encoding="utf-8",
    )
    services.reload()
    _wait(qtbot, board, lambda: board.request(reread=False))
    assert ["", "ship（不在话术库中）", "", "22"] in [r[:4] for r in _cells(board.replies)]


def _exam(drop: Path, agent: str, day: int, right: int, exam: str = "team.w1") -> None:
    taken = datetime(2026, 11, day, 10, tzinfo=UTC)
    record = ExamRecord(agent, exam, 2, taken, right, 5, 80, right * 20 >= 80, 95.0)
    (drop / record.file_name).write_bytes(record.to_json())


def test_the_exam_results_tab_follows_the_date_and_agent_filters(
    qtbot: QtBot, qr_home: Path, drop: Path
) -> None:
    _exam(drop, "A001", 2, 5)
    _exam(drop, "A002", 3, 3)
    _exam(drop, "A002", 3, 3)  # the same attempt delivered twice: one row
    _exam(drop, "A002", 4, 4, exam="team.w2")
    services = _services(qr_home, drop)
    board = _board(qtbot, services, _data(services))
    assert board.tabs.tabText(4) == "考试成绩"
    assert sorted(_cells(board.exams)) == [
        ["A001", "team.w1", "2", "100", "80", "通过", "2026-11-02"],
        ["A002", "team.w1", "2", "60", "80", "未通过", "2026-11-03"],
        ["A002", "team.w2", "2", "80", "80", "通过", "2026-11-04"],
    ]
    _wait(
        qtbot, board, lambda: board.agent_combo.setCurrentIndex(board.agent_combo.findData("A002"))
    )
    assert [r[1] for r in _cells(board.exams)] == ["team.w1", "team.w2"]
    board.start_edit.setDate(QDate(2026, 11, 4))
    _wait(qtbot, board, lambda: board.end_edit.setDate(QDate(2026, 11, 4)))
    assert [r[1] for r in _cells(board.exams)] == ["team.w2"]


def test_the_free_width_goes_to_the_titles_not_to_the_last_day(
    qtbot: QtBot, qr_home: Path, drop: Path
) -> None:
    services = _services(qr_home, drop)
    board = _board(qtbot, services, _data(services))
    board.resize(1200, 780)
    board.show()
    qtbot.waitExposed(board)
    header = board.replies.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    titles = [str(board.replies.rows.headerData(c, Qt.Orientation.Horizontal)) for c in range(6)]
    assert titles[1] == "标题" and widths[1] == max(widths)
    day = board.replies.fontMetrics().horizontalAdvance("2026-11-04")
    assert widths[-1] < day + 60  # 最近使用 fits its day instead of the free width
    assert sum(widths) >= board.replies.viewport().width() - 2  # no gap at the right edge
