"""Composition root: builds the services and hands them to the widgets (no singletons).

``run(args)`` is what ``quickreply`` (no subcommand) calls. It either renders one view offscreen
to a PNG (``--screenshot FILE --view NAME``) or starts the resident app: tray icon, palette,
library window, settings. Every service is constructed here, once, and passed in; widgets never
reach for globals. Heavy imports happen inside functions so ``quickreply --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from quickreply.core.model import Library
from quickreply.core.paths import AppPaths
from quickreply.core.problems import Problem

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget


def _optional(module: str) -> ModuleType | None:
    """Import a sibling module that may not exist in this build yet (parallel development)."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as err:
        if err.name != module:
            raise
        return None


@dataclass
class Services:
    """Everything the widgets need, built once by :func:`build_services`."""

    paths: AppPaths
    clock: Callable[[], datetime]
    library: Library
    problems: list[Problem] = field(default_factory=list)
    renderer: Any = None  # core.render.Renderer when available
    index: Any = None  # core.search.SearchIndex when available
    stats: Any = None  # core.stats.StatsStore when available
    shop: Any = None  # core.shop.ShopProfile when available


def build_services(
    paths: AppPaths,
    extra: Sequence[Path] = (),
    shop_path: Path | None = None,
    clock: Callable[[], datetime] = datetime.now,
) -> Services:
    """Load packs, shop profile, renderer, search index and usage store; never raises on data."""
    problems: list[Problem] = []
    library = Library()
    packs = _optional("quickreply.core.packs")
    if packs is not None:
        library = packs.load_library(packs.default_dirs(paths, extra))
        problems.extend(library.problems)

    shop = None
    shop_mod = _optional("quickreply.core.shop")
    shop_file = shop_path or paths.shop_file
    if shop_mod is not None and shop_file.exists():
        shop, shop_problems = shop_mod.load_shop(shop_file)
        problems.extend(shop_problems)

    renderer = None
    render_mod = _optional("quickreply.core.render")
    if render_mod is not None:
        renderer = render_mod.Renderer(shop, clock)

    stats = None
    usage: dict[str, Any] = {}
    stats_mod = _optional("quickreply.core.stats")
    if stats_mod is not None:
        try:
            stats = stats_mod.StatsStore(paths.stats_file)
            usage = stats.usage()
        except Exception as err:  # a broken usage store must not stop the app
            problems.append(
                Problem(
                    str(paths.stats_file),
                    0,
                    "stats",
                    f"usage store unusable: {err}",
                    "ranking ignores usage until the file is fixed or removed",
                )
            )
            stats = None

    index = None
    search_mod = _optional("quickreply.core.search")
    if search_mod is not None:
        index = search_mod.SearchIndex.load_or_build(library, paths.cache, usage=usage)

    return Services(
        paths=paths,
        clock=clock,
        library=library,
        problems=problems,
        renderer=renderer,
        index=index,
        stats=stats,
        shop=shop,
    )


def _make_qapp(offscreen: bool) -> QApplication:
    if offscreen:
        # A screenshot never needs a display; without this Qt aborts when DISPLAY is unset.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("QuickReply")
    app.setApplicationDisplayName("快捷回复助手")
    app.setOrganizationName("QuickReply")
    return app


def make_library_view(services: Services) -> QWidget:
    """The library window, or a plain list until ui/library.py lands."""
    library_mod = _optional("quickreply.ui.library")
    if library_mod is not None:
        return library_mod.LibraryWindow(services.library, services.renderer)  # type: ignore[no-any-return]
    return _simple_library_view(services.library, services.problems)


def _simple_library_view(library: Library, problems: Sequence[Problem]) -> QWidget:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

    window = QWidget()
    window.setWindowTitle(QCoreApplication.translate("LibraryFallback", "话术库"))
    layout = QVBoxLayout(window)
    layout.addWidget(
        QLabel(QCoreApplication.translate("LibraryFallback", "共 %n 条话术", "", len(library)))
    )
    listing = QListWidget()
    for snippet in library.snippets():
        listing.addItem(f"{snippet.code:<8} {snippet.title}    {snippet.group}")
    layout.addWidget(listing)
    for problem in problems:
        layout.addWidget(QLabel(str(problem)))
    window.resize(720, 480)
    return window


VIEW_BUILDERS: dict[str, Callable[[Services], QWidget]] = {
    "library": make_library_view,
}


def screenshot(path: Path, view: str, services: Services) -> int:
    """Render one view offscreen to ``path`` (PNG). Returns the exit code."""
    _make_qapp(offscreen=True)
    from PySide6.QtWidgets import QApplication

    builder = VIEW_BUILDERS.get(view)
    if builder is None:
        print(
            f"quickreply: --view {view}: this view is not available in this build", file=sys.stderr
        )
        return 2
    widget = builder(services)
    widget.show()
    QApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path), "PNG"):
        print(
            f"{path}:0: screenshot: could not write the PNG (check the folder is writable)",
            file=sys.stderr,
        )
        return 1
    widget.close()
    return 0


def run(args: argparse.Namespace) -> int:
    """Start the app, or render ``--screenshot FILE --view NAME`` and exit."""
    paths = AppPaths.from_env()
    services = build_services(
        paths, extra=getattr(args, "pack", []) or [], shop_path=getattr(args, "shop", None)
    )
    for problem in services.problems:
        print(problem, file=sys.stderr)
    if args.screenshot is not None:
        return screenshot(args.screenshot, args.view, services)
    app = _make_qapp(offscreen=False)
    app.setQuitOnLastWindowClosed(False)
    window = make_library_view(services)
    window.show()
    app.setQuitOnLastWindowClosed(True)
    return int(app.exec())
