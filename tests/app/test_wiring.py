"""The platform wiring: probing a combination for settings; a macro that fails to render."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from pytestqt.qtbot import QtBot

from quickreply.app.views import make_settings_dialog
from tests.app.rig import Rig

pytestmark = pytest.mark.gui


def test_the_settings_dialog_asks_the_backend_whether_a_combination_is_taken(
    rig: Rig, qtbot: QtBot
) -> None:
    rig.desk.taken.add("ctrl+alt+k")
    dialog = make_settings_dialog(rig.app.services, probe=rig.app.probe_hotkey)
    qtbot.addWidget(dialog)
    assert not dialog.palette_hotkey.offer("ctrl+alt+k")
    assert dialog.palette_hotkey.message.text() == (
        "快捷键 Ctrl+Alt+K（呼出快捷回复）已被其他程序占用："
        "请在设置里换一个组合，或关闭占用它的程序。"
    )
    assert dialog.palette_hotkey.offer("ctrl+alt+j")
    assert "settings" not in rig.backend.hotkeys.registered()  # the probe let go


def test_a_macro_that_fails_to_render_at_paste_time_types_nothing_and_says_why() -> None:
    """The palette checks macros in its preview; if rendering fails later anyway (the cut-off
    passed between preview and Enter), the agent still hears about it."""
    from quickreply.app.wiring import AppPaster
    from quickreply.core.model import Snippet, Step
    from quickreply.core.problems import Problem
    from quickreply.core.render import RenderError

    class Service:
        def __init__(self) -> None:
            self.ran: list[object] = []

        def run_steps(self, steps: object, **_: object) -> None:
            self.ran.append(steps)

    def broken(snippet: Snippet, values: Mapping[str, str]) -> list[Step]:
        raise RenderError("snippet macro: 'nosuch' is not defined")

    reported: list[Problem] = []
    finished: list[bool] = []
    service = Service()
    paster = AppPaster(
        service,  # type: ignore[arg-type]
        broken,
        lambda result, title: finished.append(result.ok),
        reported.append,
    )
    macro = Snippet(id="m", title="两步", variants=(), steps=(Step("paste", "{{ nosuch }}"),))
    paster.paste_steps(macro, {})
    assert service.ran == []
    assert finished == [False]
    assert [(p.code, p.arg("snippet")) for p in reported] == [("paste.render", "m")]
