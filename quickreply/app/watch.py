"""Watching the pack folders and the shop profile, so a change on disk reloads the library once.

A lead's publish or an agent's save reaches the palette without a restart: the team and personal
folders, every pack in them, the ``--pack`` paths and the shop profile are watched, and a burst
of changes (a publish copies several files) calls ``on_change`` once, after the last one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from quickreply.core.paths import AppPaths

RELOAD_DELAY_MS = 400  # a publish copies several files; reload once, after the last one


class LibraryWatcher:
    """Calls ``on_change`` ``delay_ms`` after the last change to what :meth:`watch` names."""

    def __init__(
        self, parent: QObject, on_change: Callable[[], object], delay_ms: int = RELOAD_DELAY_MS
    ) -> None:
        self.timer = QTimer(parent)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(on_change)
        self.watcher = QFileSystemWatcher(parent)
        self.watcher.directoryChanged.connect(self.schedule)
        self.watcher.fileChanged.connect(self.schedule)

    def watch(self, paths: AppPaths, extra: Sequence[Path], shop: Path) -> None:
        """Point the watcher at what exists now (a file replaced atomically is a new file)."""
        wanted: set[str] = set()
        for folder in (paths.team, paths.personal):
            # Created so that a first publish is noticed too; a team drive that is not mounted
            # yet fails here, and the next reload tries again.
            with contextlib.suppress(OSError):
                folder.mkdir(parents=True, exist_ok=True)
        for folder in (paths.team, paths.personal, *extra):
            if folder.is_dir():
                wanted.add(str(folder))
                # Regular files only: Qt prints a warning of its own for a symlink loop.
                wanted.update(str(p) for p in folder.rglob("*.y*ml") if p.is_file())
            elif folder.is_file():
                wanted.add(str(folder))
        if shop.exists():
            wanted.add(str(shop))
        watched = set(self.watcher.files()) | set(self.watcher.directories())
        if watched - wanted:
            self.watcher.removePaths(sorted(watched - wanted))
        if wanted - watched:
            self.watcher.addPaths(sorted(wanted - watched))

    def schedule(self, _path: str = "") -> None:
        """Something changed: reload after the delay (a later change restarts it)."""
        self.timer.start()

    def stop(self) -> None:
        """The app is ending: no reload may start now."""
        self.timer.stop()
        self.timer.timeout.disconnect()
        paths = [*self.watcher.files(), *self.watcher.directories()]
        if paths:
            self.watcher.removePaths(paths)
