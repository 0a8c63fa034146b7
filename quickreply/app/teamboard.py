"""The 团队看板 in the app: a data service keeping the drop as last read while the app runs.

:class:`TeamBoardData` is built once by the resident app (never a global) and handed to each
:class:`~quickreply.ui.teamboard.TeamBoard`: the board reopens at once with what was read,
and a filter change narrows the files already in memory instead of reading the drop again.
Its :meth:`~TeamBoardData.load` runs on a worker thread, so its state is kept under a lock.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quickreply.app.services import Services
from quickreply.core.model import Library, PackSource
from quickreply.core.share.aggregate import DailyAggregate
from quickreply.core.share.board import BoardFigures, BoardQuery, board_figures
from quickreply.core.share.drop import is_url
from quickreply.core.share.examresult import ExamRecord
from quickreply.core.share.report import read_drop

if TYPE_CHECKING:
    from quickreply.core.cacheseal import Seal
    from quickreply.ui.library import LibraryWindow
    from quickreply.ui.teamboard import TeamBoard

Reader = Callable[[str], tuple[list[DailyAggregate], list[str]]]
ExamReader = Callable[[str], tuple[list[ExamRecord], list[str]]]
DEMO_LAST_DAY = date(2026, 11, 30)  # screenshots show the same month every time


class TeamBoardData:
    """The drop at ``location()`` read once (again on request) and the last figures built.

    ``library`` gives the replies' groups and the team's reply ids (the unused list)."""

    def __init__(
        self,
        location: Callable[[], str],
        library: Callable[[], Library],
        clock: Callable[[], datetime],
        read: Reader = lambda location: read_location(location),
        read_exams: ExamReader = lambda location: read_exam_location(location),
    ) -> None:
        self._location = location
        self._library = library
        self._clock = clock
        self._read = read
        self._read_exams = read_exams
        self._exams: list[ExamRecord] = []
        self._lock = threading.Lock()
        self._read_from: str | None = None
        self._aggregates: list[DailyAggregate] = []
        self._skipped: list[str] = []
        self._problem = ("", "")  # (kind, line)
        self._read_at: datetime | None = None
        self._last: BoardFigures | None = None

    def cached(self) -> BoardFigures | None:
        """The last figures, unless 投递位置 changed since (or a load holds the lock: the
        window then loads, and waits its turn on the worker)."""
        if not self._lock.acquire(blocking=False):
            return None
        try:
            if self._location().strip() != self._read_from:
                return None
            return self._last
        finally:
            self._lock.release()

    def load(self, query: BoardQuery | None = None, reread: bool = False) -> BoardFigures:
        """The figures for ``query`` (None: the 30 days up to the newest file); reads the
        drop when asked, the first time, or when its location changed in settings."""
        with self._lock:
            location = self._location().strip()
            if reread or location != self._read_from:
                self._read_location(location)
            if query is None:
                query = BoardQuery.last_days(self._default_end())
            library = self._library()
            groups = {s.id: s.group for s in library.snippets()}
            team = [
                s.id
                for pack in library.packs
                if pack.source in (PackSource.TEAM, PackSource.EXTRA)
                for s in pack.snippets
            ]
            figures = board_figures(
                self._aggregates, query, groups, team or groups.keys(), exams=self._exams
            )
            figures.report.skipped = list(self._skipped)
            figures.problem_kind, figures.problem = self._problem
            figures.read_at = self._read_at
            self._last = figures
            return figures

    def _read_location(self, location: str) -> None:
        self._read_from = location
        self._read_at = self._clock()
        self._aggregates, self._skipped, self._problem = [], [], ("", "")
        self._exams = []
        if not location:
            self._problem = ("no-drop", "settings.json: share_drop: no drop location is set")
            return
        aggregates, skipped = self._read(location)
        if not aggregates and skipped and _whole_drop_failed(location, skipped[0]):
            self._problem = ("server" if is_url(location) else "unreachable", skipped[0])
            return
        exams, exam_skipped = self._read_exams(location)
        # A drop that cannot be listed was said once already, by the daily files' reading.
        skipped += [line for line in exam_skipped if line.endswith("(skipped)")]
        self._aggregates, self._skipped, self._exams = aggregates, skipped, exams

    def _default_end(self) -> date:
        today = self._clock().date()
        newest = max((a.day for a in self._aggregates), default=today)
        return min(newest, today)  # a clock a day ahead must not hide today's files


def read_location(
    location: str, cache_dir: Path | None = None, seal: Seal | None = None
) -> tuple[list[DailyAggregate], list[str]]:
    """The drop's daily files, a folder or a WebDAV/HTTP address, as ``team report`` reads
    them: with ``cache_dir`` through its read cache (only new or changed files are read)."""
    from quickreply.core.share.readcache import ReadCache

    if is_url(location):
        from quickreply.core.share.remote import address_of, read_url_drop

        cache = ReadCache.for_drop(cache_dir, seal, address_of(location)) if cache_dir else None
        read = read_url_drop(location, cache)
    else:
        folder = Path(location).expanduser().absolute()
        cache = ReadCache.for_drop(cache_dir, seal, str(folder)) if cache_dir else None
        read = read_drop(folder, cache)
    if cache is not None:
        cache.save()
    return read


def read_exam_location(location: str) -> tuple[list[ExamRecord], list[str]]:
    """The exam results handed in to the drop (a folder or an address), each attempt once."""
    if is_url(location):
        from quickreply.core.share.remote import read_url_exam_results

        return read_url_exam_results(location)
    from quickreply.core.share.exams import read_exam_results

    return read_exam_results(Path(location).expanduser())


def _whole_drop_failed(location: str, line: str) -> bool:
    """Whether ``line`` says the drop as a whole could not be read (not one file of it)."""
    if is_url(location):
        from quickreply.core.share.remote import address_of

        return line.startswith(address_of(location) + ": ")
    folder = Path(location).expanduser()
    return not folder.is_dir() or line.startswith(f"{folder.absolute()}: cannot read the drop")


def board_location(services: Services) -> str:
    """Where the board reads: 投递位置 in 设置, else the drop the lead's team publishes with
    (its team folder), else the one the joined team's manifest names."""
    from quickreply.core.team.sharing import load_team_share

    own = services.settings.share_drop.strip()
    if own:
        return own
    lead = load_team_share(services.base_paths.config / "team")
    if lead is not None and lead.daily:
        return lead.drop
    state = services.team_state()
    return state.share_drop if state.version and state.share_daily else ""


def board_data(services: Services) -> TeamBoardData:
    """The app's one board service: the drop where :func:`board_location` says, read
    through the read cache in the app's cache folder."""
    from quickreply.core.cacheseal import Seal

    def read(location: str) -> tuple[list[DailyAggregate], list[str]]:
        paths = services.paths
        return read_location(location, paths.cache, Seal.load_or_create(paths.cache_key_file))

    return TeamBoardData(
        lambda: board_location(services), lambda: services.library, services.clock, read
    )


def may_open_board(services: Services) -> bool:
    """团队看板 in the tray: on the lead's machine, or where the drop can be read."""
    if services.publish_target() is not None:
        return True
    location = board_location(services)
    if not location:
        return False
    if is_url(location):
        return True  # asked only when the board opens: a 401 or 403 is said there
    folder = Path(location).expanduser()
    return folder.is_dir() and os.access(folder, os.R_OK | os.X_OK)


def select_reply(window: LibraryWindow, snippet_id: str) -> bool:
    """Show ``snippet_id`` in the library window, clearing a filter or group that hides it."""
    window.tabs.setCurrentIndex(0)
    if window.select_snippet(snippet_id):
        return True
    window.filter_edit.clear()
    window.select_group("")
    return window.select_snippet(snippet_id)


def make_teamboard(
    services: Services, data: TeamBoardData, open_reply: Callable[[str], bool] | None = None
) -> TeamBoard:
    from quickreply.ui.teamboard import TeamBoard

    return TeamBoard(data, lambda sid: services.library.get(sid), open_reply)


def demo_board(services: Services) -> TeamBoard:
    """``--screenshot --view teamboard``: the board over a made-up month of 8 agents using
    this library's replies (written to a temporary folder, read, then removed)."""
    from quickreply.core.share.demo import write_demo_drop, write_demo_exams

    folder = Path(tempfile.mkdtemp(prefix="quickreply-demo-drop-"))
    ids = [s.id for s in services.library.snippets()]
    # The last few replies stay unused, so the 30天无人使用 tab has rows.
    write_demo_drop(folder, 8, 30, DEMO_LAST_DAY, ids[:-4] or None, uses_per_day=120)
    write_demo_exams(folder, 8, DEMO_LAST_DAY)
    now = datetime.combine(DEMO_LAST_DAY, datetime.min.time()).replace(hour=18)
    data = TeamBoardData(lambda: str(folder), lambda: services.library, lambda: now)  # no cache
    data.load()
    board = make_teamboard(services, data)
    shutil.rmtree(folder, ignore_errors=True)  # read already: the board needs it no more
    return board
