"""Phase-1 paste harness: the real X11 paste path behind a minimal palette, in its own process.

Run as ``python -m quickreply.benchmarks.harness [RESTORE_MS]``: the X11 backend, bridge, paste
service and hotkey router over a small fixed library (a greeting, a macro, a 50,000-character
reply, one hotkey the tests take first). Prints JSON lines: ``ready`` (with the hotkey
problems), ``problem`` (one readable line), ``palette`` (shown). Reads ``quit`` on stdin. The
end-to-end tests and ``quickreply bench paste`` drive it with xdotool / XTest from another
process, as an agent's keyboard would.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication, QLineEdit

from quickreply.core.model import Field, Library, Pack, PackMeta, PackSource, Snippet, Step
from quickreply.core.render import Renderer
from quickreply.platforms.base import WindowRef
from quickreply.platforms.paste import PasteSettings
from quickreply.platforms.router import HotkeyRouter
from quickreply.platforms.select import choose_backend
from quickreply.ui.bridge import PlatformBridge

GREETING = "亲，{{ name }}您好！\n欢迎光临本店~\n有什么可以帮您？"
LONG_TEXT = ("亲，您好！这是一段很长的回复。\n" * 4000)[:49_999] + "。"


def library() -> Library:
    from pathlib import Path

    snippets = (
        Snippet(
            id="greet",
            title="问候",
            variants=(GREETING,),
            fields=(Field("name", "称呼", default="小王"),),
            hotkey="ctrl+alt+1",
        ),
        Snippet(
            id="macro",
            title="问候两句",
            variants=(),
            hotkey="ctrl+alt+2",
            steps=(
                Step("paste", text="亲，在的~"),
                Step("enter"),
                Step("wait", ms=300),
                Step("paste", text="请问有什么可以帮您？"),
                Step("enter"),
            ),
        ),
        Snippet(id="long", title="长文本", variants=(LONG_TEXT,), hotkey="ctrl+alt+3"),
        Snippet(id="clash", title="被占用", variants=("不会出现",), hotkey="ctrl+alt+9"),
    )
    pack = Pack(PackMeta("e2e", "e2e"), snippets, Path("e2e.yaml"), PackSource.EXTRA)
    return Library((pack,))


def emit(**data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main(argv: Sequence[str]) -> int:
    restore_ms = int(argv[1]) if len(argv) > 1 else 200
    app = QApplication(list(argv[:1]))
    choice = choose_backend("x11", os.environ)
    if choice.backend is None:
        emit(event="fatal", problem=str(choice.problem))
        return 1
    bridge = PlatformBridge(choice.backend)
    bridge.problem_found.connect(lambda p: emit(event="problem", text=str(p)))
    service = bridge.paste_service(PasteSettings(restore_delay_ms=restore_ms))
    # The app's own limits (core/limits.py) let a 50,000-character reply render whole.
    renderer = Renderer(None, datetime.now)

    def defaults(snippet: Snippet) -> dict[str, str]:
        return {f.name: f.default for f in snippet.fields if f.default is not None}

    palette = QLineEdit()
    palette.setWindowTitle("QuickReply palette")
    target: list[WindowRef | None] = [None]
    lib = library()

    def show_palette(window: WindowRef | None) -> None:
        target[0] = window
        palette.clear()
        palette.show()
        palette.raise_()
        palette.activateWindow()
        emit(event="palette")

    def palette_enter() -> None:
        snippet = lib.get(palette.text().strip()) or lib.get("greet")
        assert snippet is not None
        palette.hide()
        service.paste(renderer.render(snippet, defaults(snippet)), target=target[0])

    palette.returnPressed.connect(palette_enter)
    router = HotkeyRouter(
        choice.backend,
        service,
        render=lambda s, _target: renderer.render(s, defaults(s)),
        render_steps=lambda s, _target: renderer.render_steps(s, defaults(s)),
        on_palette=show_palette,
        on_problem=lambda p: emit(event="problem", text=str(p)),
    )
    bridge.hotkey_pressed.connect(router.on_hotkey)
    problems = router.register_all("ctrl+alt+p", lib)

    def command() -> None:
        if sys.stdin.readline().strip() in ("quit", ""):
            app.quit()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    greet = lib.get("greet")
    assert greet is not None
    emit(
        event="ready",
        problems=[str(p) for p in problems],
        greeting=renderer.render(greet, defaults(greet)),
    )
    code = int(app.exec())
    bridge.close()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
