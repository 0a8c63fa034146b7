"""新人训练 opens from the tray and from the trainee view, and a mid-exam quit saves the exam."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from quickreply.app.resident import QuickReplyApp
from quickreply.app.services import build_services
from quickreply.app.views import make_qapp
from quickreply.core.paths import AppPaths
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
