"""Team sync in the running app: on a worker thread, at start, on a timer and on request.

The network never blocks the GUI thread: :class:`TeamSyncRunner` runs one sync at a time on a
Python thread and reports its :class:`~quickreply.core.team.sync.SyncResult` through the
``finished`` signal, which Qt delivers on the GUI thread. :func:`update_message` is the tray
message an agent sees when a new version arrived.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from quickreply.core.team.errors import TeamError

if TYPE_CHECKING:
    # The sync itself (file locks, sources, manifests) is imported by the first sync, on its
    # thread: the app starts without it (~50 ms of imports before the palette).
    from quickreply.core.team.sync import SyncResult


class Syncer(Protocol):
    def sync(self, *, force: bool = True) -> SyncResult: ...


class TeamSyncRunner(QObject):
    """Syncs through ``make_syncer()`` off the GUI thread; ``finished(SyncResult)`` after."""

    finished = Signal(object)

    def __init__(
        self,
        make_syncer: Callable[[], Syncer],
        minutes: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.make_syncer = make_syncer
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.sync_now(force=False))
        self.set_interval(minutes)
        self._thread: threading.Thread | None = None
        self._syncer: Syncer | None = None  # kept: its HTTP connection is reused

    def set_interval(self, minutes: int) -> None:
        self.timer.setInterval(max(1, minutes) * 60_000)

    def start(self) -> None:
        """Sync now (respecting the back-off) and then every interval."""
        self.timer.start()
        self.sync_now(force=False)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def sync_now(self, *, force: bool = True) -> bool:
        """Start a sync unless one is running; False when one was already running."""
        if self.running:
            return False
        self._thread = threading.Thread(
            target=self._work, args=(force,), name="team-sync", daemon=True
        )
        self._thread.start()
        return True

    def _work(self, force: bool) -> None:
        from quickreply.core.team.sync import SyncResult

        try:
            if self._syncer is None:
                self._syncer = self.make_syncer()
            result = self._syncer.sync(force=force)
        except TeamError as err:  # not joined, or the subscription file is damaged
            result = SyncResult("failed", 0, problem=str(err))
        except Exception as err:  # a bug must not kill the thread silently
            result = SyncResult("failed", 0, problem=f"team sync: {err!r}")
        self.finished.emit(result)

    def stop(self, wait_seconds: float = 2.0) -> None:
        """The app is ending: no new sync; give a running one a moment (its lock and staging
        folder are cleaned up by the next sync if it is cut short)."""
        self.timer.stop()
        if self._thread is not None:
            self._thread.join(wait_seconds)


def update_message(result: SyncResult) -> tuple[str, str]:
    """The tray title and text for a new version: counts, then the lead's message."""
    changes = result.changes
    title = (
        QCoreApplication.translate("TeamSync", "团队话术已更新到 v%1：新增 %2 条，修改 %3 条")
        .replace("%1", str(result.version))
        .replace("%2", str(len(changes.added)))
        .replace("%3", str(len(changes.changed)))
    )
    if changes.removed:
        title += QCoreApplication.translate("TeamSync", "，删除 %1 条").replace(
            "%1", str(len(changes.removed))
        )
    return title, result.message


def failure_message(result: SyncResult) -> tuple[str, str]:
    return QCoreApplication.translate("TeamSync", "团队话术同步失败，继续使用当前版本"), result.line


def mark_text(kind: str) -> str:
    """The marker before a reply a recent version added or changed."""
    return (
        QCoreApplication.translate("TeamSync", "[新]")
        if kind == "added"
        else QCoreApplication.translate("TeamSync", "[改]")
    )
