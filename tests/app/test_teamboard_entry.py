"""团队看板 in the tray: shown where the drop can be read, and a reply row opens the library."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from quickreply.core.share.aggregate import DailyAggregate
from tests.app.rig import make_rig

pytestmark = pytest.mark.gui


def test_the_board_entry_needs_a_readable_drop(qtbot: QtBot, tmp_path: Path) -> None:
    rig = make_rig(qtbot)
    rig.app.start()
    assert not rig.app.tray.action_board.isVisible()  # an agent with no drop: no board
    rig.app.shut_down()


def test_the_board_opens_from_the_tray_and_a_row_opens_the_reply(
    qtbot: QtBot, tmp_path: Path
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    written = datetime(2026, 11, 2, 18, tzinfo=UTC)
    day = DailyAggregate("A001", date(2026, 11, 2), "1.0", "3", written, {"greet": 4})
    (drop / day.file_name).write_bytes(day.to_json())
    rig = make_rig(qtbot, settings={"share_drop": str(drop)})
    app = rig.app
    app.start()
    assert app.tray.action_board.isVisible()
    app.tray.action_board.trigger()
    board = app._board
    assert board is not None and board.isVisible()
    qtbot.waitUntil(lambda: not board.busy, timeout=10_000)
    # The reply by its code and title (the id was the first cell: changed on purpose).
    assert board.replies.rows.rows[0][:4] == ("zzqa", "测试问候甲", "", 4)
    assert board.replies.rows.keys[0] == "greet"
    board._open("greet")
    library = app._library
    assert library is not None and library.isVisible()
    current = library.current_snippet()
    assert current is not None and current.id == "greet"
    app.tray.action_board.trigger()  # a second time: the same window, no new read
    assert app._board is board
    app.shut_down()
