"""Composition root: builds the services and hands them to the widgets (no singletons).

``run(args)`` is what ``quickreply`` (no subcommand) calls. It either renders one view offscreen
to a PNG (``--screenshot FILE --view NAME``) or starts the resident app: one instance per user
session, a tray icon, the palette, the library window, the timer panel and the settings dialog.
Every service is constructed here, once, and passed in; widgets never reach for globals. Heavy
imports happen inside functions so ``quickreply --help`` stays fast and start-up pays only for
what it shows. Packs are reloaded without a restart when a pack or the shop profile changes on
disk (a lead publishes, the agent saves a personal reply) or the pack folders change in settings.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quickreply.core.model import Library, Snippet
from quickreply.core.paths import AppPaths
from quickreply.core.problems import Problem
from quickreply.core.settings import Settings, load_settings, save_settings
from quickreply.platforms.paste import TIMER_REPLIED, TIMER_WAITING

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication, QWidget

    from quickreply.core.model import Step
    from quickreply.core.render import Renderer
    from quickreply.core.search import SearchIndex
    from quickreply.core.shop import ShopProfile
    from quickreply.core.stats import StatsStore
    from quickreply.core.timers import TimerConfig
    from quickreply.platforms.paste import HotkeyRouter, PasteResult, PasteService, PasteSettings
    from quickreply.platforms.select import Choice
    from quickreply.ui.bridge import PlatformBridge
    from quickreply.ui.library import LibraryWindow
    from quickreply.ui.palette import PaletteWindow
    from quickreply.ui.settings import SettingsDialog
    from quickreply.ui.timers import TimersPanel
    from quickreply.ui.tray import Tray

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
ICON_FILE = RESOURCES / "icons" / "quickreply.svg"
SCREENSHOT_QUERY = "发货"


@dataclass
class Services:
    """Everything the widgets need, built once by :func:`build_services`. :meth:`reload` sets
    the library, shop profile, renderer and index, at start-up and whenever files change."""

    base_paths: AppPaths  # the folders before settings (QUICKREPLY_HOME or user dirs)
    clock: Callable[[], datetime]
    settings: Settings
    stats: StatsStore
    timer_config: TimerConfig
    extra: Sequence[Path] = ()  # --pack paths
    shop_path: Path | None = None  # --shop
    problems: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    # Set by reload():
    paths: AppPaths = field(init=False)  # the folders in force (settings applied)
    library: Library = field(init=False)
    shop: ShopProfile | None = field(init=False)
    renderer: Renderer = field(init=False)
    index: SearchIndex = field(init=False)

    def refresh_usage(self) -> None:
        self.index.set_usage(self.stats.usage())

    def lint(self, library: Library) -> list[Problem]:
        from quickreply.core.lint import lint_library

        return list(lint_library(library, self.shop))

    def reload(self) -> list[Problem]:
        """Read packs and the shop profile (unchanged files come from the pack cache), build
        the renderer and search index, and return the problems found."""
        from quickreply.core.render import Renderer
        from quickreply.core.search import SearchIndex

        started = time.perf_counter()
        self.paths = apply_folders(self.base_paths, self.settings)
        self.library, key = load_library_cached(self.paths, self.extra)
        self.timings["packs"] = time.perf_counter() - started
        self.shop, shop_problems = read_shop(self.shop_path or self.paths.shop_file)
        self.renderer = Renderer(self.shop, self.clock)
        started = time.perf_counter()
        self.index = SearchIndex.load_or_build(
            self.library, self.paths.cache, usage=self.stats.usage(), key=key
        )
        self.timings["index"] = time.perf_counter() - started
        return [*self.library.problems, *shop_problems]


def apply_folders(paths: AppPaths, settings: Settings) -> AppPaths:
    """The team and personal folders chosen in settings replace the defaults."""
    changes: dict[str, Path] = {}
    if settings.team_dir:
        changes["team"] = Path(settings.team_dir).expanduser()
    if settings.personal_dir:
        changes["personal"] = Path(settings.personal_dir).expanduser()
    return replace(paths, **changes) if changes else paths


def load_library_cached(paths: AppPaths, extra: Sequence[Path] = ()) -> tuple[Library, str | None]:
    """The library through the pack cache in ``paths.cache`` (no YAML parsing when unchanged),
    and its fingerprint, which keys the search index cache."""
    from quickreply.core.libcache import load_library_cached as load
    from quickreply.core.packs import default_dirs

    loaded = load(default_dirs(paths, extra), paths.cache)
    return loaded.library, loaded.fingerprint


def read_shop(path: Path) -> tuple[ShopProfile | None, list[Problem]]:
    """The shop profile, or None (and no problem) when there is no file: a reply that needs
    a shop fact then says which name is missing when it is rendered."""
    from quickreply.core.shop import load_shop

    return load_shop(path) if path.exists() else (None, [])


def build_services(
    paths: AppPaths,
    extra: Sequence[Path] = (),
    shop_path: Path | None = None,
    clock: Callable[[], datetime] = datetime.now,
) -> Services:
    """Settings, packs, shop profile, renderer, search index and usage store; never raises
    on bad data (every problem is collected for the UI and stderr)."""
    from quickreply.core.stats import StatsStore
    from quickreply.core.timers import TimerConfig

    settings, settings_problems = load_settings(paths.settings_file)
    stats = StatsStore(paths.stats_file)  # the data folder is not one settings can move
    timer_config, timer_problems = TimerConfig.from_mapping(
        settings.timers, str(paths.settings_file)
    )
    services = Services(
        base_paths=paths,
        clock=clock,
        settings=settings,
        stats=stats,
        timer_config=timer_config,
        extra=tuple(extra),
        shop_path=shop_path,
    )
    services.problems = [
        *settings_problems,
        *services.reload(),
        *stats.problems,
        *timer_problems,
    ]
    return services


# ---- Qt set-up ------------------------------------------------------------------------------


def make_qapp(offscreen: bool = False) -> QApplication:
    if offscreen:
        # A screenshot never needs a display; without this Qt aborts when DISPLAY is unset.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("QuickReply")
    app.setOrganizationName("QuickReply")
    return app


def setup_look(app: QApplication, settings: Settings, lang: str | None = None) -> list[QTranslator]:
    """Translations, theme and icon. Returns the translators (they must stay referenced)."""
    from PySide6.QtGui import QIcon

    from quickreply.ui.i18n import install_translators
    from quickreply.ui.themes import apply_theme

    translators = install_translators(app, lang or settings.language, RESOURCES / "translations")
    app.setApplicationDisplayName(app.translate("App", "快捷回复助手"))
    apply_theme(app, settings.theme, RESOURCES / "themes")
    if ICON_FILE.exists():
        app.setWindowIcon(QIcon(str(ICON_FILE)))
    return translators


def make_palette(
    services: Services, conversation: Callable[[], str | None] = lambda: None
) -> PaletteWindow:
    from quickreply.ui.palette import PaletteWindow

    return PaletteWindow(
        services.index,
        services.renderer,
        usage=services.stats,
        on_used=services.refresh_usage,
        conversation=conversation,
    )


def make_library_view(services: Services) -> LibraryWindow:
    from PySide6.QtCore import QSettings

    from quickreply.core.packs import save_pack
    from quickreply.ui.library import LibraryWindow

    store = QSettings(str(services.paths.config / "windows.ini"), QSettings.Format.IniFormat)
    return LibraryWindow(
        services.library,
        renderer=services.renderer,
        lint=services.lint,
        save=save_pack,
        store=store,
        personal_dir=services.paths.personal,
    )


def make_timers_view(services: Services, sample: bool = False) -> TimersPanel:
    from quickreply.core.kpi import KpiStore
    from quickreply.core.timers import TimerModel
    from quickreply.ui.timers import TimersPanel

    if sample:
        # Screenshots show a few waiting buyers at different ages on a fixed clock.
        now = [1000.0]
        model = TimerModel(lambda: now[0], services.clock, services.timer_config)
        for label, age in (("小雨同学", 200.0), ("tb_8812", 95.0), ("阿杰", 30.0), ("Lily", 5.0)):
            now[0] = 1000.0 - age
            model.buyer_message(label)
        now[0] = 1000.0
        return TimersPanel(model)
    model = TimerModel(time.monotonic, services.clock, services.timer_config)
    return TimersPanel(
        model,
        KpiStore(services.paths.kpi_file, services.clock),
        sound=services.settings.timer_sound,
    )


def make_settings_dialog(
    services: Services, probe: Callable[[str], Problem | None] | None = None
) -> SettingsDialog:
    from quickreply.ui.settings import SettingsDialog

    return SettingsDialog(services.settings, list(services.library.snippets()), probe=probe)


def make_trainee_view(services: Services) -> QWidget:
    from quickreply.ui.trainee import TraineeView

    view = TraineeView(services.library, services.renderer)
    view.resize(900, 600)
    return view


def _palette_for_screenshot(services: Services) -> QWidget:
    palette = make_palette(services)
    palette.set_paster(_NoPaste(), "")
    palette.search_box.setText(SCREENSHOT_QUERY)
    return palette


class _NoPaste:
    """Screenshots show the normal footer; nothing is ever pasted from them."""

    def paste(self, text: str, send: bool = False) -> None:
        """Do nothing."""

    def paste_steps(self, snippet: Snippet, values: Mapping[str, str], send: bool = False) -> None:
        """Do nothing."""


VIEW_BUILDERS: dict[str, Callable[[Services], QWidget]] = {
    "palette": _palette_for_screenshot,
    "library": make_library_view,
    "timers": lambda services: make_timers_view(services, sample=True),
    "settings": lambda services: make_settings_dialog(services),
    "trainee": make_trainee_view,
}


def screenshot(path: Path, view: str, services: Services, lang: str | None = None) -> int:
    """Render one view offscreen to ``path`` (PNG). Returns the exit code."""
    app = make_qapp(offscreen=True)
    from PySide6.QtWidgets import QApplication

    translators = setup_look(app, services.settings, lang)
    widget = VIEW_BUILDERS[view](services)
    widget.show()
    for _ in range(3):  # layouts settle over a few passes (splitters, deferred timers)
        QApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    ok = widget.grab().save(str(path), "PNG")
    widget.close()
    for translator in translators:
        app.removeTranslator(translator)
    if not ok:
        print(
            f"{path}:0: screenshot: could not write the PNG (check the folder is writable)",
            file=sys.stderr,
        )
        return 1
    return 0


# ---- the resident app -----------------------------------------------------------------------

PROBE = "settings"  # a short-lived grab: is a combination free for us?
NOTICE_LINES = 3  # hotkey problems shown in the palette footer; the tray balloon has them all
RELOAD_DELAY_MS = 400  # a publish copies several files; reload once, after the last one


def paste_settings(settings: Settings) -> PasteSettings:
    """The paste service's timings and keys from the user's settings."""
    from quickreply.platforms.paste import PasteSettings

    return PasteSettings(
        shortcut="shift+insert" if settings.paste_shortcut == "shift+insert" else "ctrl+v",
        pre_paste_delay_ms=settings.pre_paste_ms,
        restore_delay_ms=settings.restore_ms,
    )


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

    def paste(self, text: str, send: bool = False) -> None:
        self.service.paste(text, send=send, target=self.target, on_done=self._done())

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


class QuickReplyApp:
    """The running app: owns the windows and reacts to the tray and hotkeys.

    ``choose`` picks the platform backend (``platforms.select.choose_backend``; tests pass one
    that returns the fake backend); ``env`` is where ``QUICKREPLY_BACKEND`` is read.
    """

    def __init__(
        self,
        qapp: QApplication,
        services: Services,
        lang: str | None = None,
        *,
        choose: Callable[[str, Mapping[str, str]], Choice] | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        from PySide6.QtGui import QIcon

        from quickreply.platforms.select import choose_backend
        from quickreply.ui.tray import Tray

        self.qapp = qapp
        self.services = services
        self.env: Mapping[str, str] = os.environ if env is None else env
        self._choose = choose or choose_backend
        self.translators = setup_look(qapp, services.settings, lang)
        self.paused = False
        self._library: LibraryWindow | None = None
        self._timers: TimersPanel | None = None
        self.bridge: PlatformBridge | None = None
        self.router: HotkeyRouter | None = None
        self.service: PasteService | None = None
        self.paster: AppPaster | None = None
        self.backend_preference = ""
        self.backend_problem: Problem | None = None
        self.hotkey_problems: list[Problem] = []
        # Fill-in values and "not the same variant twice" are kept per chat: the window the
        # palette was opened over (one window per buyer in most clients).
        self.palette: PaletteWindow = make_palette(
            services, conversation=lambda: (self.paster.title if self.paster else "") or None
        )
        self.tray: Tray = Tray(
            QIcon(str(ICON_FILE)) if ICON_FILE.exists() else QIcon(),
            timers=True,
        )
        self.tray.open_palette.connect(self.show_palette)
        self.tray.open_library.connect(self.show_library)
        self.tray.open_timers.connect(self.show_timers)
        self.tray.open_settings.connect(self.show_settings)
        self.tray.pause_toggled.connect(self.set_paused)
        self.tray.quit_requested.connect(self.quit)
        self._watch_files()
        self._connect_platform(services.settings)
        self.register_hotkeys(services.settings)
        services.problems.extend(self.platform_problems())

    def platform_problems(self) -> list[Problem]:
        """Why paste is off, or which hotkeys could not be registered."""
        first = [] if self.backend_problem is None else [self.backend_problem]
        return first + self.hotkey_problems

    # -- platform: backend, paste service, hotkeys ----------------------------------------

    def _connect_platform(self, settings: Settings) -> None:
        """Build the backend the settings (or QUICKREPLY_BACKEND) ask for, with its bridge,
        paste service and hotkey router; without one the palette copies and says why."""
        from quickreply.platforms.paste import HotkeyRouter
        from quickreply.ui.bridge import PlatformBridge

        self._close_platform()
        # QUICKREPLY_BACKEND (auto, x11, windows, fake, none) overrides the setting.
        preference = self.env.get("QUICKREPLY_BACKEND") or settings.paste_backend
        choice = self._choose(preference, self.env)
        self.backend_preference = preference
        self.backend_problem = choice.problem
        if choice.backend is None:
            from quickreply.ui.messages import reason as short_reason

            problem = choice.problem
            reason = "" if problem is None else short_reason(problem, self.lookup)
            self.palette.set_paster(None, reason)
            return
        bridge = PlatformBridge(choice.backend, self.qapp)
        bridge.problem_found.connect(self.report)
        service = bridge.paste_service(paste_settings(settings))
        services = self.services  # its renderer is replaced on reload: look it up per paste

        def defaults(snippet: Snippet) -> dict[str, str]:
            return {f.name: f.default for f in snippet.fields if f.default is not None}

        def render_steps(snippet: Snippet, values: Mapping[str, str]) -> Sequence[Step]:
            return services.renderer.render_steps(snippet, values)

        self.paster = AppPaster(service, render_steps, self._after_palette_paste, self.report)
        self.router = HotkeyRouter(
            choice.backend,
            service,
            render=lambda s: services.renderer.render(s, defaults(s)),
            render_steps=lambda s: render_steps(s, defaults(s)),
            on_palette=self._open_palette_over,
            on_problem=self.report,
        )
        bridge.hotkey_pressed.connect(self.on_hotkey)
        self.bridge, self.service = bridge, service
        self.palette.set_paster(self.paster, "")

    def _close_platform(self) -> None:
        if self.bridge is None:
            return
        hotkeys = self.bridge.backend.hotkeys
        for name in list(hotkeys.registered()):
            hotkeys.unregister(name)
        self.bridge.close()
        self.bridge.deleteLater()
        self.bridge = self.router = self.service = self.paster = None

    def register_hotkeys(self, settings: Settings) -> list[Problem]:
        """(Re)register the palette, timer and snippet hotkeys; only what changed is touched,
        and a combination another program holds keeps the old one. Problems go to the
        palette footer."""
        from PySide6.QtCore import QCoreApplication

        problems: list[Problem] = []
        if self.router is not None:
            problems = self.router.register_all(
                settings.palette_hotkey,
                self.services.library,
                settings.snippet_hotkeys,
                {TIMER_WAITING: settings.waiting_hotkey, TIMER_REPLIED: settings.replied_hotkey},
            )
        self.hotkey_problems = problems
        lines = [self.describe(p) for p in problems[:NOTICE_LINES]]
        if len(problems) > NOTICE_LINES:
            more = len(problems) - NOTICE_LINES
            lines.append(
                QCoreApplication.translate("App", "另有 %1 个快捷键问题（见托盘消息）").replace(
                    "%1", str(more)
                )
            )
        self.palette.set_notice("\n".join(lines))
        return problems

    def _notify_platform_problems(self) -> None:
        from PySide6.QtCore import QCoreApplication

        if self.backend_problem is not None:
            self.tray.notify(
                QCoreApplication.translate("App", "全局快捷键和自动粘贴不可用"),
                self.describe(self.backend_problem),
            )
        elif self.hotkey_problems:
            self.tray.notify(
                QCoreApplication.translate("App", "有快捷键无法使用"),
                "\n".join(self.describe(p) for p in self.hotkey_problems),
            )

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

    def lookup(self, snippet_id: str) -> Snippet | None:
        """The snippet named in a message, from the library as it is now (it is reloaded)."""
        return self.services.library.get(snippet_id)

    def describe(self, problem: Problem) -> str:
        """A platform problem as the agent reads it: in the UI language, saying what to do."""
        from quickreply.ui.messages import describe

        return describe(problem, self.lookup)

    def report(self, problem: Problem) -> None:
        """A problem while running (paste, hotkey, usage store, saving settings): the English
        line to stderr (logs and support), the agent's own language in the tray."""
        from PySide6.QtCore import QCoreApplication

        print(problem, file=sys.stderr)
        self.tray.notify(QCoreApplication.translate("App", "快捷回复助手"), self.describe(problem))

    # -- hotkeys and pastes -----------------------------------------------------------------

    def start(self) -> None:
        self.tray.show()
        if not self.tray.available:
            # Without a tray (bare X11, Xvfb) the library window is the way in.
            self.show_library()
        for problem in self.services.problems:
            print(problem, file=sys.stderr)
        if self.platform_problems():
            self._notify_platform_problems()
        elif self.tray.available:
            self._notify_running()

    def _notify_running(self) -> None:
        """A first start shows only a tray icon: say where the app is and how to call it."""
        from PySide6.QtCore import QCoreApplication

        from quickreply.core.hotkeys import HotkeyError, parse_hotkey

        try:
            hotkey = parse_hotkey(self.services.settings.palette_hotkey).display()
        except HotkeyError:
            hotkey = self.services.settings.palette_hotkey
        self.tray.notify(
            QCoreApplication.translate("App", "快捷回复助手已在托盘运行"),
            QCoreApplication.translate(
                "App", "按 %1 呼出快捷回复；右键托盘图标打开话术库、等待计时和设置。"
            ).replace("%1", hotkey),
        )

    def on_hotkey(self, name: str) -> None:
        """What the bridge's hotkey signal calls: ``palette``, ``snippet:<id>`` or a timer's."""
        if self.paused:
            return
        if name == TIMER_WAITING:
            self.buyer_waiting()
        elif name == TIMER_REPLIED:
            self.stop_clock(self.foreground_title())
        elif self.router is None:
            if name == "palette":
                self.show_palette()
        elif name.startswith("snippet:"):
            title = self.foreground_title()  # before the paste: the buyer the key was meant for
            self.router.on_hotkey(
                name,
                on_done=lambda snippet, result: self._after_hotkey_paste(snippet, result, title),
            )
        else:
            self.router.on_hotkey(name)  # remembers the chat window, then opens the palette

    def _open_palette_over(self, target: int | None) -> None:
        if self.paster is not None:
            self.paster.target = target
            self.paster.title = self._title_of(target)
        self.show_palette()

    def _title_of(self, window: int | None) -> str:
        if window is None or self.bridge is None:
            return ""
        try:
            return self.bridge.backend.windows.title(window)
        except Exception:  # an OS error here only costs naming the conversation
            return ""

    def foreground_title(self) -> str:
        """The title of the window in front (the chat client's), or "" when unknown."""
        return "" if self.bridge is None else self._title_of(self.bridge.foreground())

    def _after_palette_paste(self, result: PasteResult, title: str) -> None:
        # The palette recorded the use itself; a failed paste was reported by the service.
        if result.ok:
            self.stop_clock(title)

    def _after_hotkey_paste(self, snippet: Snippet, result: PasteResult, title: str) -> None:
        if not result.ok:
            return
        try:
            self.services.stats.record_use(snippet.id)
            self.services.refresh_usage()
        except Exception as err:  # a broken usage store must never cost the paste
            self.report(Problem(str(self.services.paths.stats_file), 0, "usage", str(err)))
        self.stop_clock(title)

    def buyer_waiting(self) -> None:
        """The "buyer is waiting" hotkey: named from the chat window's title, else the panel
        opens with its quick-add box focused and pre-filled with the selected (X11 primary
        selection) or copied text, for the agent to confirm with Enter."""
        title = self.foreground_title()
        self.timers_panel().buyer_waiting(
            title=title or None, suggestion=self._selected_or_copied_text()
        )

    @staticmethod
    def _selected_or_copied_text() -> str:
        # Read only to suggest a buyer name; never stored or logged.
        from PySide6.QtGui import QClipboard, QGuiApplication

        clipboard = QGuiApplication.clipboard()
        if clipboard.supportsSelection():
            selected = clipboard.text(QClipboard.Mode.Selection)
            if selected.strip():
                return selected
        return clipboard.text()

    def stop_clock(self, title: str) -> None:
        """A reply went out in the window titled ``title``: stop that buyer's clock.

        A title naming a buyer who is not waiting stops nothing, although the panel would
        fall back to its selected row: the agent answered someone else, and stopping the
        selected buyer's clock would record a reply that never happened.
        """
        panel = self._timers
        if panel is None:
            return
        from quickreply.core.timers import State, buyer_from_title

        patterns = panel.model.config.title_patterns
        buyer = buyer_from_title(title, patterns) if title else None
        if buyer is not None:
            conv = panel.model.get(buyer)
            if conv is None or conv.state is not State.WAITING:
                return
        panel.replied(title=title or None)

    # -- packs changing on disk -------------------------------------------------------------

    def _watch_files(self) -> None:
        """Watch the team and personal folders, their packs and the shop profile: a lead's
        publish or an agent's save reaches the palette without a restart."""
        from PySide6.QtCore import QFileSystemWatcher, QTimer

        self.reload_timer = QTimer(self.qapp)
        self.reload_timer.setSingleShot(True)
        self.reload_timer.setInterval(RELOAD_DELAY_MS)
        self.reload_timer.timeout.connect(self.reload_library)
        self.watcher = QFileSystemWatcher(self.qapp)
        self.watcher.directoryChanged.connect(self.schedule_reload)
        self.watcher.fileChanged.connect(self.schedule_reload)
        self._rewatch()

    def _rewatch(self) -> None:
        """Point the watcher at what exists now (a file replaced atomically is a new file)."""
        paths = self.services.paths
        wanted: set[str] = set()
        for folder in (paths.team, paths.personal):
            # Created so that a first publish is noticed too; a team drive that is not mounted
            # yet fails here, and the next reload tries again.
            with contextlib.suppress(OSError):
                folder.mkdir(parents=True, exist_ok=True)
        for folder in (paths.team, paths.personal, *self.services.extra):
            if folder.is_dir():
                wanted.add(str(folder))
                wanted.update(str(p) for p in folder.rglob("*.y*ml"))
            elif folder.is_file():
                wanted.add(str(folder))
        shop = self.services.shop_path or paths.shop_file
        if shop.exists():
            wanted.add(str(shop))
        watched = set(self.watcher.files()) | set(self.watcher.directories())
        if watched - wanted:
            self.watcher.removePaths(sorted(watched - wanted))
        if wanted - watched:
            self.watcher.addPaths(sorted(wanted - watched))

    def schedule_reload(self, _path: str = "") -> None:
        self.reload_timer.start()

    def reload_library(self) -> list[Problem]:
        """Reload packs and the shop profile; the palette, library window and snippet
        hotkeys follow. New problems are shown in the tray, never as a crash."""
        from PySide6.QtCore import QCoreApplication

        before = {str(p) for p in self.services.problems}
        problems = self.services.reload()
        self.palette.set_searcher(self.services.index)
        self.palette.set_renderer(self.services.renderer)
        if self._library is not None:
            self._library.set_library(self.services.library, self.services.renderer)
        self.register_hotkeys(self.services.settings)
        self._rewatch()
        fresh = [p for p in problems if str(p) not in before]
        self.services.problems = [*problems, *self.platform_problems()]
        for problem in fresh:
            print(problem, file=sys.stderr)
        if fresh:
            self.tray.notify(
                QCoreApplication.translate("App", "话术包有问题"),
                "\n".join(str(p) for p in fresh[:NOTICE_LINES]),
            )
        return problems

    # -- windows ----------------------------------------------------------------------------

    def show_palette(self) -> None:
        self.palette.popup()

    def show_library(self) -> None:
        if self._library is None:
            self._library = make_library_view(self.services)
            self._library.saved.connect(self.schedule_reload)
        self._bring_forward(self._library)

    def show_timers(self) -> None:
        self._bring_forward(self.timers_panel())

    def timers_panel(self) -> TimersPanel:
        """The one TimersPanel, built on first use: its waiting count is the tray's badge and
        a buyer turning red shows in the tray."""
        if self._timers is None:
            panel = make_timers_view(self.services)
            panel.redAlert.connect(lambda title, message: self.tray.notify(title, message))
            panel.waitingCountChanged.connect(self.tray.set_waiting)
            self.tray.set_waiting(panel.waiting_count())
            self._timers = panel
        return self._timers

    def show_settings(self) -> None:
        dialog = make_settings_dialog(self.services, probe=self.probe_hotkey)
        if dialog.exec():
            self.apply_settings(dialog.result_settings())

    def apply_settings(self, new: Settings) -> list[Problem]:
        """Save ``new`` and apply it now, without a restart: paste backend and timings,
        hotkeys (re-registered live; a clash keeps the old one and says so), theme, sound."""
        from quickreply.ui.themes import apply_theme

        preference = self.env.get("QUICKREPLY_BACKEND") or new.paste_backend
        if preference != self.backend_preference:
            self._connect_platform(new)
            if self.backend_problem is not None:
                self._notify_platform_problems()
        elif self.service is not None:
            self.service.settings = paste_settings(new)
        problems = self.register_hotkeys(new)
        if problems:
            self._notify_platform_problems()
        new = self._with_kept_hotkeys(new)
        folders_changed = (new.team_dir, new.personal_dir) != (
            self.services.settings.team_dir,
            self.services.settings.personal_dir,
        )
        self.services.settings = new
        try:
            save_settings(new, self.services.paths.settings_file)
        except OSError as err:
            self.report(
                Problem(
                    str(self.services.paths.settings_file),
                    0,
                    "settings",
                    f"cannot save: {err.strerror}",
                    "check the config folder's permissions and free space",
                )
            )
        apply_theme(self.qapp, new.theme, RESOURCES / "themes")
        if folders_changed:
            self.reload_library()
        if self._timers is not None:
            self._timers.sound_button.setChecked(new.timer_sound)
        return problems

    def _with_kept_hotkeys(self, new: Settings) -> Settings:
        """A refused app hotkey kept its old combination: save that one, so the settings say
        what actually works (and the next start does not lose the hotkey altogether)."""
        if self.bridge is None:
            return new
        registered = self.bridge.backend.hotkeys.registered()
        kept: dict[str, str] = {}
        for key, name in (
            ("palette_hotkey", "palette"),
            ("waiting_hotkey", TIMER_WAITING),
            ("replied_hotkey", TIMER_REPLIED),
        ):
            combo = registered.get(name)
            if getattr(new, key) and combo is not None and str(combo) != getattr(new, key):
                kept[key] = str(combo)
        return new.with_changes(**kept) if kept else new

    def set_paused(self, paused: bool) -> None:
        self.paused = paused

    def bring_forward(self) -> None:
        """A second launch knocked: show the palette, or the library without a tray."""
        if self.tray.available:
            self.show_palette()
        else:
            self.show_library()

    @staticmethod
    def _bring_forward(widget: QWidget) -> None:
        widget.show()
        widget.raise_()
        widget.activateWindow()

    def quit(self) -> None:
        self._close_platform()  # our grabs go now, not when the process dies
        self.tray.hide()
        self.qapp.quit()


def no_display_reason(env: Mapping[str, str], platform: str) -> str:
    """Why the app cannot open a window here, or "" when it can.

    Without a display Qt aborts the process with a message about libxcb-cursor0 that sends
    people hunting for a library they already have; say what is really missing instead.
    """
    if not platform.startswith("linux"):
        return ""
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0]  # e.g. "xcb", "wayland", "offscreen"
    if qpa.startswith("xcb"):
        has_display = bool(env.get("DISPLAY"))
    elif qpa.startswith("wayland"):
        has_display = bool(env.get("WAYLAND_DISPLAY"))
    elif qpa:
        return ""  # offscreen, vnc, eglfs…: platforms that need no display server
    else:
        has_display = bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    if has_display:
        return ""
    return (
        "no display to open the app on (DISPLAY and WAYLAND_DISPLAY are unset): start it from "
        "your desktop session; without one, the commands (quickreply lint, render, search, "
        "stats) and quickreply --screenshot FILE still work"
    )


def run(args: argparse.Namespace) -> int:
    """Start the app, or render ``--screenshot FILE --view NAME`` and exit."""
    paths = AppPaths.from_env()
    lang = args.lang
    if args.screenshot is not None:
        services = build_services(paths, extra=args.pack or [], shop_path=args.shop)
        for problem in services.problems:
            print(problem, file=sys.stderr)
        return screenshot(args.screenshot, args.view, services, lang)

    missing = no_display_reason(os.environ, sys.platform)
    if missing:
        print(f"quickreply: {missing}", file=sys.stderr)
        return 1
    qapp = make_qapp()
    from quickreply.ui.single_instance import SingleInstance, server_name

    guard = SingleInstance(server_name(paths.config))
    if not guard.claim():
        print("quickreply: already running; brought it to the front", file=sys.stderr)
        return 0
    services = build_services(paths, extra=args.pack or [], shop_path=args.shop)
    app = QuickReplyApp(qapp, services, lang)
    guard.activated.connect(app.bring_forward)
    # Closing the last window keeps the app in the tray; Quit in the tray menu ends it.
    qapp.setQuitOnLastWindowClosed(False)
    app.start()
    code = int(qapp.exec())
    guard.release()
    return code
