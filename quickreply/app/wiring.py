"""Connecting the app to the OS through the platform backend: pastes, hotkey grabs, hotkey presses.

:class:`PlatformWiring` builds the backend the settings (or ``QUICKREPLY_BACKEND``) ask for,
with its Qt bridge, paste service, :class:`~quickreply.platforms.router.HotkeyRouter` and the
palette's :class:`AppPaster`; it keeps the hotkey grabs in step with the settings and the
library, and sends each pressed hotkey (named by :mod:`quickreply.core.hotkeys`), and each chat
window asking for attention, to what it does in the app (:class:`HotkeyActions`). Closing it
gives the clipboard back and releases every grab.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from quickreply.app.services import Services
from quickreply.core.hotkeys import PALETTE, TIMER_REPLIED, TIMER_WAITING, snippet_of
from quickreply.core.model import Snippet
from quickreply.core.problems import Problem
from quickreply.core.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from quickreply.core.model import Step
    from quickreply.platforms.base import WindowRef
    from quickreply.platforms.paste import PasteResult, PasteService, PasteSettings
    from quickreply.platforms.router import HotkeyRouter
    from quickreply.platforms.select import Choice
    from quickreply.ui.bridge import PlatformBridge
    from quickreply.ui.forms import FieldMemory

PROBE = "settings"  # a short-lived grab: is a combination free for us?
#: The app's own hotkeys and the settings field holding each one's combination.
APP_HOTKEY_FIELDS: tuple[tuple[str, str], ...] = (
    (PALETTE, "palette_hotkey"),
    (TIMER_WAITING, "waiting_hotkey"),
    (TIMER_REPLIED, "replied_hotkey"),
)


def paste_settings(settings: Settings) -> PasteSettings:
    """The paste service's timings and keys from the user's settings."""
    from quickreply.platforms.paste import PasteSettings

    return PasteSettings(
        shortcut="shift+insert" if settings.paste_shortcut == "shift+insert" else "ctrl+v",
        pre_paste_delay_ms=settings.pre_paste_ms,
        restore_delay_ms=settings.restore_ms,
    )


class HotkeyActions(Protocol):
    """What the running app does when a hotkey is pressed or a paste has finished."""

    paused: bool

    def show_palette(self) -> None: ...

    def buyer_waiting(self, title: str) -> None:
        """The "buyer is waiting" hotkey over the chat window titled ``title`` ("" unknown)."""

    def stop_clock(self, title: str) -> None:
        """A reply went out in the chat window titled ``title``."""

    def hotkey_pasted(self, snippet: Snippet, title: str) -> None:
        """A direct snippet hotkey pasted ``snippet`` into the window titled ``title``."""

    def buyer_asked(self, title: str) -> None:
        """The chat window titled ``title`` asked for attention (a buyer's new message)."""

    def report(self, problem: Problem) -> None: ...


class AppPaster:
    """The palette's paster: pastes into the window that had focus when the palette opened,
    runs macros through the paste service's step runner, and reports each finished paste
    (with the chat window's title at hotkey time) so the app can stop that buyer's clock.
    A macro that cannot be rendered types nothing and goes to ``on_problem``: the paste
    service never saw it, so nobody else would tell the agent."""

    def __init__(
        self,
        service: PasteService,
        render_steps: Callable[[Snippet, Mapping[str, str]], Sequence[Step]],
        on_done: Callable[[PasteResult, str], None],
        on_problem: Callable[[Problem], None],
    ) -> None:
        self.service = service
        self._render_steps = render_steps
        self._on_done = on_done
        self._on_problem = on_problem
        self.target: int | None = None
        self.title = ""

    def _done(self) -> Callable[[PasteResult], None]:
        title = self.title  # the window the palette was opened over, not whatever is in front later
        return lambda result: self._on_done(result, title)

    def paste(self, text: str, send: bool = False, image: bytes = b"") -> None:
        self.service.paste(text, send=send, image=image, target=self.target, on_done=self._done())

    def paste_steps(self, snippet: Snippet, values: Mapping[str, str], send: bool = False) -> None:
        from quickreply.core.model import Step
        from quickreply.platforms.base import platform_problem
        from quickreply.platforms.paste import PasteResult

        try:
            steps = list(self._render_steps(snippet, values))
        except Exception as err:  # RenderError: the pack's fault, typed nothing
            message = str(err) or type(err).__name__
            problem = platform_problem(
                snippet.id,
                message,
                code="paste.render",
                args={"snippet": snippet.id, "error": message},
            )
            self._on_problem(problem)
            self._done()(PasteResult(0, problem))
            return
        if send and (not steps or steps[-1].kind != "enter"):
            steps.append(Step("enter"))  # Ctrl+Enter: send after the macro, like a plain reply
        self.service.run_steps(steps, target=self.target, on_done=self._done())


class PlatformWiring:
    """The backend in force and everything built on it; see the module docstring.

    ``choose`` picks the backend (``platforms.select.choose_backend``; tests pass one that
    returns the fake backend); ``env`` is where ``QUICKREPLY_BACKEND`` is read.
    """

    def __init__(
        self,
        parent: QObject,
        services: Services,
        actions: HotkeyActions,
        choose: Callable[[str, Mapping[str, str]], Choice],
        env: Mapping[str, str],
        memory: FieldMemory | None = None,
    ) -> None:
        from quickreply.ui.forms import FieldMemory

        self._parent = parent
        self._memory = memory if memory is not None else FieldMemory()
        self._services = services
        self._actions = actions
        self._choose = choose
        self.env = env
        self.bridge: PlatformBridge | None = None
        self.router: HotkeyRouter | None = None
        self.service: PasteService | None = None
        self.paster: AppPaster | None = None
        self.preference = ""
        self.backend_problem: Problem | None = None
        self.hotkey_problems: list[Problem] = []

    def wanted(self, settings: Settings) -> str:
        """The backend asked for: QUICKREPLY_BACKEND (auto, x11, windows, fake, none) wins."""
        return self.env.get("QUICKREPLY_BACKEND") or settings.paste_backend

    def problems(self) -> list[Problem]:
        """Why paste is off, or which hotkeys could not be registered."""
        first = [] if self.backend_problem is None else [self.backend_problem]
        return first + self.hotkey_problems

    def connect(self, settings: Settings) -> None:
        """Build the backend the settings ask for, with its bridge, paste service, router and
        paster; without one, ``paster`` stays None and ``backend_problem`` says why."""
        from quickreply.platforms.router import HotkeyRouter
        from quickreply.ui.bridge import PlatformBridge

        self.close()
        self.preference = self.wanted(settings)
        choice = self._choose(self.preference, self.env)
        self.backend_problem = choice.problem
        if choice.backend is None:
            return
        bridge = PlatformBridge(choice.backend, self._parent)
        bridge.problem_found.connect(self._actions.report)
        service = bridge.paste_service(paste_settings(settings))
        services = self._services  # its renderer is replaced on reload: look it up per paste

        def render_steps(snippet: Snippet, values: Mapping[str, str]) -> Sequence[Step]:
            return services.renderer.render_steps(snippet, values)

        self.paster = AppPaster(
            service, render_steps, self._after_palette_paste, self._actions.report
        )
        self.router = HotkeyRouter(
            choice.backend,
            service,
            render=lambda s, target: self._render_for(s, self.title_of(target)),
            render_steps=lambda s, target: render_steps(
                s, self._values_for(s, self.title_of(target))
            ),
            on_palette=self._open_palette_over,
            on_problem=self._actions.report,
            image=lambda s: services.renderer.image(s).data,
        )
        bridge.hotkey_pressed.connect(self.on_hotkey)
        bridge.attention_requested.connect(self._on_attention)
        self.bridge, self.service = bridge, service
        self.watch_attention(self._services.timer_config.auto_start)

    def watch_attention(self, on: bool) -> bool:
        """Start (or stop) clocks starting themselves when a chat window asks for attention;
        False when there is no backend or it cannot see such requests."""
        return self.bridge is not None and self.bridge.watch_attention(on)

    def _on_attention(self, window: int) -> None:
        if not self._actions.paused:
            self._actions.buyer_asked(self.title_of(window))

    def close(self) -> None:
        """Give the clipboard back if it still holds our text, release every grab (now, not
        when the process dies) and drop the backend."""
        if self.bridge is None:
            return
        if self.service is not None:
            self.service.shut_down()
        hotkeys = self.bridge.backend.hotkeys
        for name in list(hotkeys.registered()):
            hotkeys.unregister(name)
        self.bridge.watch_attention(False)
        self.bridge.close()
        self.bridge.deleteLater()
        self.bridge = self.router = self.service = self.paster = None

    def _values_for(self, snippet: Snippet, conversation: str) -> dict[str, str]:
        """What a direct hotkey pastes with: the fields' defaults, overridden by what the agent
        typed for them in this conversation (the palette's form remembered it)."""
        names = {f.name for f in snippet.fields}
        typed = self._memory.recall(conversation or None)
        return snippet.default_values() | {k: v for k, v in typed.items() if k in names}

    def _render_for(self, snippet: Snippet, conversation: str) -> str:
        """A direct hotkey's text: the variant this conversation did not get last time."""
        return self._services.renderer.render(
            snippet, self._values_for(snippet, conversation), conversation=conversation or None
        )

    def register_hotkeys(self, settings: Settings) -> list[Problem]:
        """(Re)register the palette, timer and snippet hotkeys; only what changed is touched,
        and a combination another program holds keeps the old one."""
        problems: list[Problem] = []
        if self.router is not None:
            problems = self.router.register_all(
                settings.palette_hotkey,
                self._services.library,
                settings.snippet_hotkeys,
                {TIMER_WAITING: settings.waiting_hotkey, TIMER_REPLIED: settings.replied_hotkey},
            )
        self.hotkey_problems = problems
        return problems

    def probe_hotkey(self, combo: str) -> Problem | None:
        """For the settings dialog: None if ``combo`` is free (or already ours), else the
        platform's problem saying who holds it (the dialog describes it)."""
        from quickreply.core.hotkeys import HotkeyError, parse_hotkey

        if self.bridge is None:
            return None
        hotkeys = self.bridge.backend.hotkeys
        try:
            wanted = parse_hotkey(combo)
        except HotkeyError:
            return None  # the dialog refuses it with its own message
        if wanted in hotkeys.registered().values():
            return None
        problem = hotkeys.register(PROBE, wanted)
        if problem is not None:
            return problem
        hotkeys.unregister(PROBE)
        return None

    def with_kept_hotkeys(self, new: Settings) -> Settings:
        """A refused app hotkey kept its old combination: save that one, so the settings say
        what actually works (and the next start does not lose the hotkey altogether)."""
        if self.bridge is None:
            return new
        registered = self.bridge.backend.hotkeys.registered()
        kept: dict[str, str] = {}
        for name, key in APP_HOTKEY_FIELDS:
            combo = registered.get(name)
            if getattr(new, key) and combo is not None and str(combo) != getattr(new, key):
                kept[key] = str(combo)
        return new.with_changes(**kept) if kept else new

    # -- a hotkey was pressed --------------------------------------------------------------

    def on_hotkey(self, name: str) -> None:
        """What the bridge's hotkey signal calls: the palette's, a snippet's or a timer's."""
        actions = self._actions
        if actions.paused:
            return
        if name == TIMER_WAITING:
            actions.buyer_waiting(self.foreground_title())
        elif name == TIMER_REPLIED:
            actions.stop_clock(self.foreground_title())
        elif self.router is None:
            if name == PALETTE:
                actions.show_palette()
        elif snippet_of(name) is not None:
            title = self.foreground_title()  # before the paste: the buyer the key was meant for
            self.router.on_hotkey(
                name,
                on_done=lambda snippet, result: self._after_hotkey_paste(snippet, result, title),
            )
        else:
            self.router.on_hotkey(name)  # remembers the chat window, then opens the palette

    def _open_palette_over(self, target: WindowRef | None) -> None:
        if self.paster is not None:
            self.paster.target = target
            self.paster.title = self.title_of(target)
        self._actions.show_palette()

    def title_of(self, window: WindowRef | None) -> str:
        if window is None or self.bridge is None:
            return ""
        try:
            return self.bridge.backend.windows.title(window)
        except Exception:  # an OS error here only costs naming the conversation
            return ""

    def refocus_chat(self) -> Callable[[], None]:
        """What gives the focus back to the window in front now (the chat), later."""
        window = None if self.bridge is None else self.bridge.foreground()
        bridge = self.bridge

        def back() -> None:
            if window is not None and bridge is not None and bridge is self.bridge:
                # An OS error here only costs the focus-back step.
                with contextlib.suppress(Exception):
                    bridge.backend.windows.activate(window)

        return back

    def foreground_title(self) -> str:
        """The title of the window in front (the chat client's), or "" when unknown."""
        return "" if self.bridge is None else self.title_of(self.bridge.foreground())

    def _after_palette_paste(self, result: PasteResult, title: str) -> None:
        # The palette recorded the use itself; a failed paste was reported by the service.
        if result.ok:
            self._actions.stop_clock(title)

    def _after_hotkey_paste(self, snippet: Snippet, result: PasteResult, title: str) -> None:
        if result.ok:
            self._actions.hotkey_pasted(snippet, title)
