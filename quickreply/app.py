"""Composition root: builds the services and hands them to the widgets (no singletons).

``run(args)`` is what ``quickreply`` (no subcommand) calls. It either renders one view offscreen
to a PNG (``--screenshot FILE --view NAME``) or starts the resident app: one instance per user
session, a tray icon, the palette, the library window, the timer panel and the settings dialog.
Every service is constructed here, once, and passed in; widgets never reach for globals. Heavy
imports happen inside functions so ``quickreply --help`` stays fast, and modules other engineers
are still landing (render, search, stats, platforms) are imported optionally.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from quickreply.core.model import Library, Snippet
from quickreply.core.paths import AppPaths
from quickreply.core.problems import Problem
from quickreply.core.settings import Settings, load_settings, save_settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from quickreply.ui.palette import PaletteWindow
    from quickreply.ui.settings import SettingsDialog
    from quickreply.ui.tray import Tray

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
ICON_FILE = RESOURCES / "icons" / "quickreply.svg"
SCREENSHOT_QUERY = "发货"


def _optional(module: str) -> ModuleType | None:
    """Import a sibling module that may not exist in this build yet (parallel development)."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as err:
        if err.name != module:
            raise
        return None


@dataclass(frozen=True, slots=True)
class _Hit:
    snippet: Snippet


class SubstringSearch:
    """Plain substring search over code, title and tags: used only when core.search is absent."""

    def __init__(self, library: Library) -> None:
        self._snippets = list(library.snippets())

    def search(self, query: str, limit: int = 50) -> list[_Hit]:
        needle = query.strip().casefold()
        hits = [
            _Hit(s)
            for s in self._snippets
            if not needle
            or needle in s.code.casefold()
            or needle in s.title.casefold()
            or any(needle in t.casefold() for t in s.tags)
        ]
        return hits[:limit]

    def set_usage(self, usage: Mapping[str, Any]) -> None:
        """Usage is ignored by this fallback."""


@dataclass
class Services:
    """Everything the widgets need, built once by :func:`build_services`."""

    paths: AppPaths
    clock: Callable[[], datetime]
    settings: Settings
    library: Library
    problems: list[Problem] = field(default_factory=list)
    renderer: Any = None  # core.render.Renderer when available
    index: Any = None  # core.search.SearchIndex, or SubstringSearch
    stats: Any = None  # core.stats.StatsStore when available
    shop: Any = None  # core.shop.ShopProfile
    timings: dict[str, float] = field(default_factory=dict)

    def refresh_usage(self) -> None:
        if self.stats is not None and hasattr(self.index, "set_usage"):
            self.index.set_usage(self.stats.usage())

    def lint(self, library: Library) -> list[Problem]:
        from quickreply.core.lint import lint_library

        return list(lint_library(library, self.shop))


def apply_folders(paths: AppPaths, settings: Settings) -> AppPaths:
    """The team and personal folders chosen in settings replace the defaults."""
    changes: dict[str, Path] = {}
    if settings.team_dir:
        changes["team"] = Path(settings.team_dir).expanduser()
    if settings.personal_dir:
        changes["personal"] = Path(settings.personal_dir).expanduser()
    return dataclasses.replace(paths, **changes) if changes else paths


def load_library(paths: AppPaths, extra: Sequence[Path] = ()) -> Library:
    from quickreply.core.packs import default_dirs
    from quickreply.core.packs import load_library as load

    return load(default_dirs(paths, extra))


def load_library_cached(paths: AppPaths, extra: Sequence[Path] = ()) -> tuple[Library, str | None]:
    """The library through the pack cache in ``paths.cache`` (no YAML parsing when unchanged),
    and its fingerprint, which keys the search index cache."""
    from quickreply.core.libcache import load_library_cached as load
    from quickreply.core.packs import default_dirs

    loaded = load(default_dirs(paths, extra), paths.cache)
    return loaded.library, loaded.fingerprint


def build_services(
    paths: AppPaths,
    extra: Sequence[Path] = (),
    shop_path: Path | None = None,
    clock: Callable[[], datetime] = datetime.now,
) -> Services:
    """Settings, packs, shop profile, renderer, search index and usage store; never raises
    on bad data (every problem is collected for the UI and stderr)."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    settings, problems = load_settings(paths.settings_file)
    paths = apply_folders(paths, settings)
    library, library_key = load_library_cached(paths, extra)
    problems.extend(library.problems)
    timings["packs"] = time.perf_counter() - started

    from quickreply.core.shop import load_shop

    shop = None
    shop_file = shop_path or paths.shop_file
    if shop_file.exists():
        shop, shop_problems = load_shop(shop_file)
        problems.extend(shop_problems)

    renderer = None
    render_mod = _optional("quickreply.core.render")
    if render_mod is not None:
        renderer = render_mod.Renderer(shop, clock)

    stats = None
    usage: dict[str, Any] = {}
    stats_mod = _optional("quickreply.core.stats")
    if stats_mod is not None:
        stats = stats_mod.StatsStore(paths.stats_file)
        usage = stats.usage()
        problems.extend(getattr(stats, "problems", []))

    started = time.perf_counter()
    search_mod = _optional("quickreply.core.search")
    index: Any
    if search_mod is not None:
        index = search_mod.SearchIndex.load_or_build(
            library, paths.cache, usage=usage, key=library_key
        )
    else:
        index = SubstringSearch(library)
    timings["index"] = time.perf_counter() - started

    return Services(
        paths=paths,
        clock=clock,
        settings=settings,
        library=library,
        problems=problems,
        renderer=renderer,
        index=index,
        stats=stats,
        shop=shop,
        timings=timings,
    )


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


def setup_look(app: QApplication, settings: Settings, lang: str | None = None) -> list[Any]:
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


def make_palette(services: Services, paster: Any = None, paste_off_reason: str = "") -> Any:
    from quickreply.ui.palette import PaletteWindow

    return PaletteWindow(
        services.index,
        services.renderer,
        paster=paster,
        paste_off_reason=paste_off_reason,
        usage=services.stats,
        on_used=services.refresh_usage,
    )


def make_library_view(services: Services) -> QWidget:
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


def make_timers_view(services: Services, sample: bool = False) -> QWidget:
    from quickreply.core.kpi import KpiStore
    from quickreply.core.timers import TimerModel
    from quickreply.ui.timers import TimersPanel

    if sample:
        # Screenshots show a few waiting buyers at different ages on a fixed clock.
        now = [1000.0]
        model = TimerModel(lambda: now[0], services.clock)
        for label, age in (("小雨同学", 200.0), ("tb_8812", 95.0), ("阿杰", 30.0), ("Lily", 5.0)):
            now[0] = 1000.0 - age
            model.buyer_message(label)
        now[0] = 1000.0
        return TimersPanel(model)
    model = TimerModel(time.monotonic, services.clock)
    return TimersPanel(model, KpiStore(services.paths.kpi_file, services.clock))


def make_settings_dialog(services: Services) -> SettingsDialog:
    from quickreply.ui.settings import SettingsDialog

    return SettingsDialog(services.settings, list(services.library.snippets()))


def make_trainee_view(services: Services) -> QWidget:
    from quickreply.ui.trainee import TraineeView

    view = TraineeView(services.library, services.renderer)
    view.resize(900, 600)
    return view


def _palette_for_screenshot(services: Services) -> QWidget:
    palette = make_palette(services, paste_off_reason="")
    palette.set_paster(_NoPaste(), "")
    palette.search_box.setText(SCREENSHOT_QUERY)
    return palette  # type: ignore[no-any-return]


class _NoPaste:
    """Screenshots show the normal footer; nothing is ever pasted from them."""

    def paste(self, text: str, send: bool = False) -> None:
        """Do nothing."""


VIEW_BUILDERS: dict[str, Callable[[Services], QWidget]] = {
    "palette": _palette_for_screenshot,
    "library": make_library_view,
    "timers": lambda services: make_timers_view(services, sample=True),
    "settings": make_settings_dialog,
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


class QuickReplyApp:
    """The running app: owns the windows and reacts to the tray and hotkeys."""

    def __init__(self, qapp: QApplication, services: Services, lang: str | None = None) -> None:
        from PySide6.QtGui import QIcon

        from quickreply.ui.tray import Tray

        self.qapp = qapp
        self.services = services
        self.translators = setup_look(qapp, services.settings, lang)
        self.paused = False
        paster, reason = self._build_paster()
        self.palette: PaletteWindow = make_palette(services, paster, reason)
        self._library: QWidget | None = None
        self._timers: QWidget | None = None
        self.tray: Tray = Tray(
            QIcon(str(ICON_FILE)) if ICON_FILE.exists() else QIcon(),
            timers=_optional("quickreply.ui.timers") is not None,
        )
        self.tray.open_palette.connect(self.show_palette)
        self.tray.open_library.connect(self.show_library)
        self.tray.open_timers.connect(self.show_timers)
        self.tray.open_settings.connect(self.show_settings)
        self.tray.pause_toggled.connect(self.set_paused)
        self.tray.quit_requested.connect(self.quit)

    def _build_paster(self) -> tuple[Any, str]:
        """The platform paste service, or None and the reason paste is off."""
        from quickreply.platforms.paste import HotkeyRouter, PalettePaster, PasteSettings
        from quickreply.platforms.select import choose_backend
        from quickreply.ui.bridge import PlatformBridge

        self.bridge: PlatformBridge | None = None
        self.router: HotkeyRouter | None = None
        settings = self.services.settings
        # QUICKREPLY_BACKEND (auto, x11, windows, fake, none) overrides the automatic choice.
        choice = choose_backend(os.environ.get("QUICKREPLY_BACKEND", "auto"), os.environ)
        if choice.backend is None:
            if choice.problem is None:
                return None, ""
            self.services.problems.append(choice.problem)
            return None, choice.problem.message
        bridge = PlatformBridge(choice.backend, self.qapp)
        bridge.problem.connect(lambda line: print(line, file=sys.stderr))
        service = bridge.paste_service(
            PasteSettings(
                shortcut="shift+insert" if settings.paste_shortcut == "shift+insert" else "ctrl+v",
                pre_paste_delay_ms=settings.pre_paste_ms,
                restore_delay_ms=settings.restore_ms,
            )
        )
        paster = PalettePaster(service)
        renderer = self.services.renderer

        def values(snippet: Snippet) -> dict[str, str]:
            return {f.name: f.default for f in snippet.fields if f.default is not None}

        def open_palette(target: int | None) -> None:
            paster.target = target
            self.show_palette()

        router = HotkeyRouter(
            choice.backend,
            service,
            render=lambda s: renderer.render(s, values(s)) if renderer else s.text,
            render_steps=lambda s: renderer.render_steps(s, values(s)) if renderer else s.steps,
            on_palette=open_palette,
            on_problem=lambda p: print(p, file=sys.stderr),
        )
        bridge.hotkey_pressed.connect(self.on_hotkey)
        self.services.problems.extend(
            router.register_all(
                settings.palette_hotkey, self.services.library, settings.snippet_hotkeys
            )
        )
        self.bridge, self.router = bridge, router
        return paster, ""

    def start(self) -> None:
        self.tray.show()
        if not self.tray.available:
            # Without a tray (bare X11, Xvfb) the library window is the way in.
            self.show_library()
        for problem in self.services.problems:
            print(problem, file=sys.stderr)

    def on_hotkey(self, name: str) -> None:
        """What the bridge's hotkey signal calls: ``palette`` or ``snippet:<id>``."""
        if self.paused:
            return
        if self.router is not None:
            self.router.on_hotkey(name)  # remembers the chat window, then palette or paste
        elif name == "palette":
            self.show_palette()

    def show_palette(self) -> None:
        self.palette.popup()

    def show_library(self) -> None:
        if self._library is None:
            self._library = make_library_view(self.services)
        self._bring_forward(self._library)

    def show_timers(self) -> None:
        self._bring_forward(self.timers_panel())

    def timers_panel(self) -> Any:
        """The one TimersPanel, built on first use.

        Hotkeys and the palette's paste call ``buyer_waiting(title=…)`` / ``replied(title=…)``
        on it; a buyer turning red shows in the tray.
        """
        if self._timers is None:
            panel: Any = make_timers_view(self.services)
            panel.redAlert.connect(lambda title, message: self.tray.notify(title, message))
            self._timers = panel
        return self._timers

    def show_settings(self) -> None:
        from quickreply.ui.themes import apply_theme

        dialog = make_settings_dialog(self.services)
        if dialog.exec():
            new = dialog.result_settings()
            save_settings(new, self.services.paths.settings_file)
            self.services.settings = new
            apply_theme(self.qapp, new.theme, RESOURCES / "themes")

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
        self.tray.hide()
        self.qapp.quit()


def run(args: argparse.Namespace) -> int:
    """Start the app, or render ``--screenshot FILE --view NAME`` and exit."""
    paths = AppPaths.from_env()
    lang = getattr(args, "lang", None)
    if args.screenshot is not None:
        services = build_services(paths, extra=args.pack or [], shop_path=args.shop)
        for problem in services.problems:
            print(problem, file=sys.stderr)
        return screenshot(args.screenshot, args.view, services, lang)

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
