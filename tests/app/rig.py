"""The running app wired to the fake platform backend, for the tests in this folder."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quickreply.app.resident import QuickReplyApp
from quickreply.app.services import build_services
from quickreply.app.views import make_qapp
from quickreply.core.paths import AppPaths
from quickreply.platforms.base import Backend
from quickreply.platforms.fake import FakeDesktop, FakeHotkeys, FakeWindow, fake_backend
from quickreply.platforms.select import Choice, choose_backend

PACK = """\
pack: {id: test.wiring, name: 接线测试, version: 1}
snippets:
  - id: greet
    title: 测试问候甲
    code: zzqa
    text: 亲，在的~
  - id: thanks
    title: 测试问候乙
    code: zzqb
    text: 感谢{{ name }}的支持！
    hotkey: ctrl+alt+7
    fields:
      name: {label: 称呼, default: 亲}
  - id: macro
    title: 测试两步
    code: zzqm
    steps:
      - paste: "{{ name }}，在的~"
      - wait: 300
      - paste: 请问有什么可以帮您？
      - enter
    fields:
      name: {label: 称呼, default: 亲}
"""


@dataclass
class Rig:
    app: QuickReplyApp
    desk: FakeDesktop
    backend: Backend

    def press(self, combo: str) -> None:
        assert cast(FakeHotkeys, self.backend.hotkeys).press(combo), combo

    def chat(self, title: str) -> FakeWindow:
        return self.desk.open_window(title)

    def palette_paste(self, qtbot: QtBot, query: str) -> None:
        """Palette hotkey, type the code, Enter (in the fields form when there is one)."""
        self.press("ctrl+alt+space")
        palette = self.app.palette
        assert palette.isVisible()
        palette.search_box.setText(query)
        enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(palette.search_box, enter)
        if palette.isVisible():  # a snippet with fields: Enter went to the form first
            palette.form.submitted.emit(False)
        assert not palette.isVisible()


def make_rig(
    qtbot: QtBot,
    settings: dict[str, object] | None = None,
    taken: set[str] | None = None,
    env: dict[str, str] | None = None,
) -> Rig:
    paths = AppPaths.from_env()
    paths.personal.mkdir(parents=True, exist_ok=True)
    (paths.personal / "wiring.yaml").write_text(PACK, encoding="utf-8")
    if settings is not None:
        paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
        paths.settings_file.write_text(json.dumps(settings), encoding="utf-8")
    backend, desk = fake_backend(FakeDesktop(taken=taken or set()))

    def choose(preference: str, environ: Mapping[str, str]) -> Choice:
        # Everything but "none" gets the fake desktop, so tests can see what was typed.
        return choose_backend("none", environ) if preference == "none" else Choice(backend)

    app = QuickReplyApp(
        make_qapp(), build_services(paths), lang="zh_CN", choose=choose, env=env or {}
    )
    # Shut down before the palette goes: a background load, sync or reload timer of this
    # test's app must not fire into the widgets of a later test.
    qtbot.addWidget(app.palette, before_close_func=lambda _widget: app.shut_down())
    return Rig(app, desk, backend)


def waiting_labels(app: QuickReplyApp) -> list[str]:
    return [c.label for c in app.timers_panel().model.waiting()]
