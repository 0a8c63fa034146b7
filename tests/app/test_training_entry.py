"""新人训练 opens from the tray and from the trainee view, and a mid-exam quit saves the exam."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from quickreply.app.resident import QuickReplyApp
from quickreply.app.services import build_services
from quickreply.app.views import make_qapp, make_training_view
from quickreply.core.paths import AppPaths
from quickreply.core.training.drill import Attempt
from quickreply.core.training.progress import ProgressStore

pytestmark = pytest.mark.gui


def test_training_opens_from_the_tray_and_the_trainee_view(qtbot: QtBot) -> None:
    qapp = make_qapp()
    paths = AppPaths.from_env()
    app = QuickReplyApp(qapp, build_services(paths), lang="zh_CN")
    try:
        app.tray.action_training.trigger()
        window = app._training
        assert window is not None and window.isVisible()
        qtbot.addWidget(window)
        # The shipped sample exam is offered, checked against the shipped packs.
        assert window.exam.selected() is not None
        window.hide()
        app.show_library()
        assert app._library is not None
        qtbot.addWidget(app._library)
        app._library.trainee.training_button.click()
        assert window.isVisible()  # the same window, brought forward
        window.exam.start()
        assert window.exam.in_progress
    finally:
        app.shut_down()
    # Quitting in the middle of the exam saved it, with every question missed.
    result = ProgressStore(paths.training_file).exam_result("shipped.onboarding")
    assert result is not None and result.right == 0 and not result.passed


def test_a_broken_exam_is_one_line_in_the_exam_tab_and_loses_no_earlier_result(
    qtbot: QtBot,
) -> None:
    paths = AppPaths.from_env()
    store = ProgressStore(paths.training_file)
    attempt = Attempt("exam:shipped.onboarding:1", "", "greet.hello", "greet.hello", True, 2, 3)
    assert store.save_exam("shipped.onboarding", "上岗", [attempt], passed=True) is not None
    store.close()
    bad = paths.personal / "bad.exam.yaml"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text(
        "exam: {id: mine, title: 我的考试, pass_mark: 80}\n"
        "questions:\n"
        "  - ask: 在吗\n"
        "    accept: [greet.helo]\n"
        "  - ask: 在吗\n"
        "    accept: [greet.hello]\n"
        "    time_limit: 0\n",
        encoding="utf-8",
    )
    make_qapp()
    window = make_training_view(build_services(paths))
    qtbot.addWidget(window)
    lines = window.exam.problems_label.text().splitlines()
    assert lines == [  # every mistake at once, in the file's order
        f"{bad}:3: question 1: no reply with id 'greet.helo' (did you mean 'greet.hello'?)",
        f"{bad}:5: question 2: duplicate question (same as question 1)"
        " (delete one, or merge their accepted replies)",
        f"{bad}:7: question 2: 'time_limit' is 0 (use more than 0 up to 600)",
    ]
    assert [window.exam.exam_box.itemData(i) for i in range(window.exam.exam_box.count())] == [
        "shipped.onboarding"
    ]  # the broken exam is not offered; the good one shows its earlier result
    assert "答对 1 / 1 题" in window.exam.info.toPlainText()
    assert not window.exam.start_button.isEnabled()
