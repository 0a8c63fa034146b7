"""When the app hands figures to the lead: the daily aggregate once a day, an exam at its end.

Each run happens on a worker thread (:func:`quickreply.core.share.agent.share_once`: SQLite
reads, a file write or an HTTP PUT that may wait for a slow server), never on the GUI thread.
At quit the app waits a few seconds for it; a drop that does not answer by then costs nothing,
since the day is already in the local outbox and goes at the next run.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

from quickreply import package_version
from quickreply.app.services import Services
from quickreply.core.share.agent import (
    Sharing,
    agent_id,
    exam_outbox_of,
    hand_in_exam,
    outbox_of,
    share_once,
    sharing_of,
)
from quickreply.core.share.examresult import record_of
from quickreply.core.share.outbox import Identity, ShareResult
from quickreply.core.training.exam import Exam
from quickreply.core.training.progress import ExamResult

CHECK_EVERY_MS = 60 * 60 * 1000  # an hourly look at whether today's run is still due
QUIT_WAIT_S = 8.0


def sharing_now(services: Services) -> Sharing:
    """The team's switch (its signed manifest, as the last sync installed it) when the lead
    turned it on, else the agent's own setting."""
    state = services.team_state()
    on = bool(state.version) and state.share_daily
    return sharing_of(services.settings, on, state.share_drop)


class DailySharing(QObject):
    """Runs a share when due; ``finished`` carries the result (emitted from the worker thread,
    delivered on the GUI thread); ``first_share`` asks the app to tell the agent."""

    finished = Signal(object)
    first_share = Signal()

    def __init__(
        self,
        services: Services,
        team_version: Callable[[], str] = lambda: "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._team_version = team_version
        self._thread: threading.Thread | None = None
        self._last_day: date | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.run_if_due)
        self.finished.connect(self._done)
        self.last: ShareResult | None = None

    def start(self) -> None:
        self.timer.start()
        self.run_if_due()

    def _identity(self) -> Identity:
        services = self.services
        shop = services.shop
        return Identity(
            agent_id(services.settings, shop.agent_id if shop is not None else ""),
            package_version(),
            self._team_version(),
        )

    def sharing(self) -> Sharing:
        return sharing_now(self.services)

    def run_if_due(self) -> None:
        today = self.services.clock().date()
        if not self.sharing().daily or self._last_day == today or self.running:
            return
        self._last_day = today
        self.run()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def run(self) -> threading.Thread:
        services = self.services
        paths = services.paths
        settings = services.settings
        sharing = self.sharing()
        if sharing.daily and outbox_of(paths).next_day() is None:
            self.first_share.emit()
        identity = self._identity()
        clock = services.clock

        def work() -> None:
            self.finished.emit(share_once(paths, settings, identity, clock, sharing))

        self._thread = threading.Thread(target=work, name="daily-share", daemon=True)
        self._thread.start()
        return self._thread

    def run_at_quit(self, wait: float = QUIT_WAIT_S) -> ShareResult | None:
        """Share today's figures as they stand at quit, waiting at most ``wait`` seconds."""
        self.timer.stop()
        sharing = self.sharing()
        if not sharing.daily:
            return None
        if self._thread is not None and self.running:
            self._thread.join(wait)
            if self.running:
                return None  # still delivering: the outbox has the day, the next start sends it
        result: list[ShareResult] = []
        paths = self.services.paths
        settings = self.services.settings
        identity = self._identity()
        clock = self.services.clock
        worker = threading.Thread(
            target=lambda: result.append(share_once(paths, settings, identity, clock, sharing)),
            name="daily-share-at-quit",
            daemon=True,
        )
        worker.start()
        worker.join(wait)
        if result:
            self._done(result[0])
            return result[0]
        return None

    def _done(self, result: object) -> None:
        if isinstance(result, ShareResult):
            self.last = result
            if result.problem:
                print(result.problem, file=sys.stderr)


class ExamHandIn(QObject):
    """Hands a finished exam's result in to the lead through the team's drop, when the agent
    shares (设置 → 团队日报, or the team's switch); the file is queued at once and delivered
    on a worker thread. A drop that cannot be reached keeps it queued for the next daily run."""

    finished = Signal(object)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.worker: threading.Thread | None = None
        self.last: ShareResult | None = None
        self._then: Callable[[], None] = lambda: None
        self.finished.connect(self._done)

    def active(self) -> bool:
        sharing = sharing_now(self.services)
        return sharing.daily and bool(sharing.drop) and bool(self._agent())

    def _agent(self) -> str:
        shop = self.services.shop
        return agent_id(self.services.settings, shop.agent_id if shop is not None else "")

    def waiting(self) -> bool:
        """Results queued because the drop could not be reached (sent by a later run)."""
        return bool(exam_outbox_of(self.services.paths).pending())

    def hand_in(
        self, exam: Exam, result: ExamResult, then: Callable[[], None] = lambda: None
    ) -> None:
        """Queue and deliver on a worker thread; ``then`` runs on the GUI thread after."""
        if not self.active():
            return
        self._then = then
        record = record_of(
            self._agent(), exam.id, exam.version, exam.pass_mark, result, package_version()
        )
        paths = self.services.paths
        settings = self.services.settings
        sharing = sharing_now(self.services)

        def work() -> None:
            self.finished.emit(hand_in_exam(paths, settings, record, sharing))

        self.worker = threading.Thread(target=work, name="exam-hand-in", daemon=True)
        self.worker.start()

    def _done(self, result: object) -> None:
        if isinstance(result, ShareResult):
            self.last = result
            if result.problem:
                print(result.problem, file=sys.stderr)
            self._then()
