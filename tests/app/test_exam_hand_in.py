"""An exam finished in the app is handed in to the lead's drop, with nothing of the buyer in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quickreply.app.services import build_services
from quickreply.app.views import make_qapp, make_training_view
from quickreply.core.paths import AppPaths
from quickreply.core.share.examresult import parse_exam_record

pytestmark = pytest.mark.gui

SECRETS = ["王小明的店", "剪贴板里的秘密"]


def _settings(paths: AppPaths, drop: Path, share: bool = True) -> None:
    paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings = {"share_daily": share, "share_drop": str(drop), "agent_id": "A007"}
    paths.settings_file.write_text(json.dumps(settings), encoding="utf-8")


def _take_the_shipped_exam(qtbot: QtBot, paths: AppPaths, wrong: int = -1) -> object:
    make_qapp()
    QApplication.clipboard().setText(SECRETS[1])
    services = build_services(paths)
    window = make_training_view(services)
    qtbot.addWidget(window)
    window.show()
    exam = window.exam.selected()
    assert exam is not None and exam.id == "shipped.onboarding"
    window.exam.start()
    board = window.exam.board
    for number in range(len(exam.questions)):
        question = board.question
        assert question is not None
        reply = services.library.get(question.answers[0])
        assert reply is not None and reply.code
        board.picker.search_box.setText("zzzz" if number == wrong else reply.code)
        qtbot.wait(5)
        enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(board.picker.search_box, enter)
        if number == wrong:
            board.skip()
        elif len(board.attempts) == number:  # a reply with fields: Enter went to its form
            board.picker.form.submitted.emit(False)
        qtbot.wait(5)
    assert not window.exam.in_progress
    return window


def test_an_exam_finished_in_the_gui_lands_in_the_drop(qtbot: QtBot, tmp_path: Path) -> None:
    paths = AppPaths.from_env()
    drop = tmp_path / "drop"
    drop.mkdir()
    _settings(paths, drop)
    window = _take_the_shipped_exam(qtbot, paths, wrong=2)
    qtbot.waitUntil(lambda: len(list(drop.glob("*.qrexam"))) == 1, timeout=5000)
    [path] = drop.glob("*.qrexam")
    assert path.name.startswith(f"{path.name[:10]}_A007_exam_shipped.onboarding_v1_")
    record = parse_exam_record(path.read_bytes())
    assert (record.agent, record.exam_id, record.right, record.total) == (
        "A007", "shipped.onboarding", 9, 10,
    )  # fmt: skip
    assert record.passed and [q.right for q in record.questions].count(False) == 1
    assert all(q.keystrokes > 0 for q in record.questions if q.right)
    assert "交给组长" in window.exam.info.toPlainText()  # type: ignore[attr-defined]
    # Neither the buyer, the clipboard nor even the exam's own questions and title leave the
    # machine: the lead has the exam file, ids are enough.
    exam = window.exam.selected()  # type: ignore[attr-defined]
    planted = [*SECRETS, exam.title, *(q.ask for q in exam.questions)]
    written = [p for p in drop.rglob("*") if p.is_file()]
    written += [p for p in paths.data.rglob("*outbox*/*") if p.is_file()]
    for p in written:
        data = p.read_bytes()
        for text in planted:
            for encoding in ("utf-8", "gbk", "utf-16-le"):
                assert text.encode(encoding) not in data, (p, text)
            assert json.dumps(text).encode() not in data, (p, text)


def test_sharing_off_keeps_the_exam_on_this_computer(qtbot: QtBot, tmp_path: Path) -> None:
    paths = AppPaths.from_env()
    drop = tmp_path / "drop"
    drop.mkdir()
    _settings(paths, drop, share=False)
    window = _take_the_shipped_exam(qtbot, paths)
    qtbot.wait(200)
    assert list(drop.iterdir()) == []
    assert "只保存在本机" in window.exam.info.toPlainText()  # type: ignore[attr-defined]


def test_an_unreachable_drop_says_so_and_keeps_the_result_for_later(
    qtbot: QtBot, tmp_path: Path
) -> None:
    paths = AppPaths.from_env()
    drop = tmp_path / "share"  # the shared drive is not connected
    _settings(paths, drop)
    window = _take_the_shipped_exam(qtbot, paths)
    info = window.exam.info  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "连不上" in info.toPlainText(), timeout=5000)
    assert "下次共享时自动交给组长" in info.toPlainText()
    assert len(list((paths.data / "exam-outbox").glob("*.qrexam"))) == 1
