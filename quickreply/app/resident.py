"""The resident app: the tray icon and the windows it opens, driven by the tray, hotkeys and pastes.

:class:`QuickReplyApp` owns the palette, the library window, the timer panel and the settings
dialog (built by :mod:`quickreply.app.views`), reaches the OS through
:class:`~quickreply.app.wiring.PlatformWiring`, reloads the library when
:class:`~quickreply.app.watch.LibraryWatcher` sees packs change, and applies saved settings with
:func:`~quickreply.app.apply.apply_settings`. :meth:`QuickReplyApp.shut_down` is the one way it
ends (Quit in the tray, a logout, SIGTERM): the clipboard given back, grabs released, stores
closed.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from quickreply.app.apply import apply_settings
from quickreply.app.loading import RestLoader
from quickreply.app.services import Prepared, Services
from quickreply.app.sharing import DailySharing
from quickreply.app.teamboard import board_data, make_teamboard, may_open_board, select_reply
from quickreply.app.views import (
    app_icon,
    make_library_view,
    make_palette,
    make_settings_dialog,
    make_timers_view,
    make_training_view,
    message_limit,
    setup_look,
    team_marks,
)
from quickreply.app.watch import LibraryWatcher
from quickreply.app.wiring import PlatformWiring
from quickreply.core.model import Snippet
from quickreply.core.problems import Problem
from quickreply.core.settings import Settings
from quickreply.ui.forms import FieldMemory
from quickreply.ui.teamsync import TeamSyncRunner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from quickreply.core.team.sync import SyncResult
    from quickreply.platforms.autostart import Autostart
    from quickreply.platforms.paste import PasteService
    from quickreply.platforms.select import Choice
    from quickreply.ui.library import LibraryWindow
    from quickreply.ui.palette import PaletteWindow
    from quickreply.ui.teamboard import TeamBoard
    from quickreply.ui.timers import TimersPanel
    from quickreply.ui.training import TrainingWindow
    from quickreply.ui.tray import Tray

NOTICE_LINES = 3  # hotkey problems shown in the palette footer; the tray balloon has them all


class QuickReplyApp:
    """The running app: owns the windows and reacts to the tray and hotkeys.

    ``choose`` picks the platform backend (``platforms.select.choose_backend``; tests pass one
    that returns the fake backend); ``env`` is where ``QUICKREPLY_BACKEND`` is read;
    ``autostart`` is this system's start at login (None: the settings dialog has no such option).
    """

    def __init__(
        self,
        qapp: QApplication,
        services: Services,
        lang: str | None = None,
        *,
        choose: Callable[[str, Mapping[str, str]], Choice] | None = None,
        env: Mapping[str, str] | None = None,
        autostart: Autostart | None = None,
    ) -> None:
        from quickreply.platforms.select import choose_backend
        from quickreply.ui.imageclip import converters
        from quickreply.ui.tray import Tray

        self.qapp = qapp
        self.services = services
        self.translators = setup_look(qapp, services.settings, lang)
        self.paused = False
        self.autostart = autostart
        self._closed = False
        self._library: LibraryWindow | None = None
        self._timers: TimersPanel | None = None
        # Fill-in values and "not the same variant twice" are kept per chat, the window title
        # (one window per buyer in most clients), for the palette and direct hotkeys alike.
        self.field_memory = FieldMemory()
        self._training: TrainingWindow | None = None
        dib, png = converters()
        self.wiring = PlatformWiring(
            qapp,
            services,
            self,
            choose or functools.partial(choose_backend, dib=dib, png=png),
            os.environ if env is None else env,
            memory=self.field_memory,
        )
        self.palette: PaletteWindow = make_palette(
            services, conversation=self._conversation, memory=self.field_memory
        )
        self.tray: Tray = Tray(app_icon(), timers=True)
        self.tray.open_palette.connect(self.show_palette)
        self.tray.open_library.connect(self.show_library)
        self.tray.open_timers.connect(self.show_timers)
        self.tray.open_training.connect(self.show_training)
        self.tray.open_settings.connect(self.show_settings)
        self.tray.open_board.connect(self.show_board)
        self.tray.pause_toggled.connect(self.set_paused)
        self.tray.quit_requested.connect(self.quit)
        self.tray.sync_team.connect(self.sync_team_now)
        # Team packs: synced off the GUI thread; a new version reloads through the watcher.
        self.team = TeamSyncRunner(services.team_sync, services.settings.team_sync_minutes, qapp)
        self.team.finished.connect(self.team_synced)
        self._team_problem = ""
        self._team_forced = False
        self._marks: Mapping[str, str] | None = None  # what the palette shows
        self._publish_dialog: QWidget | None = None
        # What the 团队看板 read, kept for the app's life: it reopens at once.
        self.board_data = board_data(services)
        self._board: TeamBoard | None = None
        self.sharing = DailySharing(services, team_version=self._team_version)
        self.sharing.first_share.connect(self._notify_sharing)
        self.watcher = LibraryWatcher(qapp, self.reload_library)
        self._rewatch()
        # A first start without a cache opened on part of the library: the rest loads now.
        self.rest = RestLoader(services, qapp)
        self.rest.progressed.connect(self._show_loading)
        self.rest.finished.connect(self._swap_in)
        self.rest.staged.connect(self._swap_in)
        if services.loading is not None:
            self.palette.set_loading(*services.loading)
            self.rest.start()
        self.connect_platform(services.settings)
        self.register_hotkeys(services.settings)
        services.problems.extend(self.platform_problems())

    def _conversation(self) -> str | None:
        paster = self.wiring.paster
        return (paster.title if paster else "") or None

    @property
    def service(self) -> PasteService | None:
        """The paste service, or None while no backend is in force."""
        return self.wiring.service

    @property
    def timers(self) -> TimersPanel | None:
        """The timer panel if it was built (:meth:`timers_panel` builds it)."""
        return self._timers

    def platform_problems(self) -> list[Problem]:
        """Why paste is off, or which hotkeys could not be registered."""
        return self.wiring.problems()

    # -- platform: backend, hotkeys, problems -----------------------------------------------

    def connect_platform(self, settings: Settings) -> None:
        """Build the backend the settings ask for; without one the palette copies and says
        why."""
        from quickreply.ui.messages import reason

        self.wiring.connect(settings)
        if self.wiring.paster is not None:
            self.palette.set_paster(self.wiring.paster, "")
            return
        problem = self.wiring.backend_problem
        self.palette.set_paster(None, "" if problem is None else reason(problem, self.lookup))

    def register_hotkeys(self, settings: Settings) -> list[Problem]:
        """(Re)register the palette, timer and snippet hotkeys; problems go to the palette
        footer."""
        problems = self.wiring.register_hotkeys(settings)
        self.palette.set_hotkeys(settings.snippet_hotkeys)  # the rows show the assigned ones
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

    def notify_platform_problems(self) -> None:
        if self.wiring.backend_problem is not None:
            self.tray.notify(
                QCoreApplication.translate("App", "全局快捷键和自动粘贴不可用"),
                self.describe(self.wiring.backend_problem),
            )
        elif self.wiring.hotkey_problems:
            self.tray.notify(
                QCoreApplication.translate("App", "有快捷键无法使用"),
                "\n".join(self.describe(p) for p in self.wiring.hotkey_problems),
            )

    def probe_hotkey(self, combo: str) -> Problem | None:
        """For the settings dialog: None if ``combo`` is free (or already ours), else the
        platform's problem saying who holds it."""
        return self.wiring.probe_hotkey(combo)

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
        print(problem, file=sys.stderr)
        self.tray.notify(QCoreApplication.translate("App", "快捷回复助手"), self.describe(problem))

    # -- start, hotkeys and pastes ------------------------------------------------------------

    def start(self) -> None:
        self.tray.show()
        if not self.tray.available:
            # Without a tray (bare X11, Xvfb, GNOME without AppIndicator) the library window is
            # the way in, with the tray's menu in its menu bar.
            self.show_library()
        print(self.running_line(), flush=True)
        for problem in self.services.problems:
            print(problem, file=sys.stderr)
        self._show_marks()
        if self.joined_team():
            self.tray.action_sync.setVisible(True)
            self.team.start()
        if self.platform_problems():
            self.notify_platform_problems()
        elif self.tray.available:
            self._notify_running()
        self.sharing.start()
        self.update_board_entry()

    def update_board_entry(self) -> None:
        """团队看板 in the tray for the lead, or where the drop can be read (settings change)."""
        self.tray.action_board.setVisible(may_open_board(self.services))

    def _team_version(self) -> str:
        """The team pack version in force, "" when this agent joined no team."""
        version = self.services.team_state().version
        return str(version) if version else ""

    def _notify_sharing(self) -> None:
        """Sharing starts (the lead turned it on): say exactly what leaves this machine."""
        from quickreply.ui.sharebox import shared_text

        self.tray.notify(QCoreApplication.translate("App", "团队日报已开启"), shared_text())

    def palette_hotkey_label(self) -> str:
        from quickreply.core.hotkeys import HotkeyError, parse_hotkey

        try:
            return parse_hotkey(self.services.settings.palette_hotkey).display()
        except HotkeyError:
            return self.services.settings.palette_hotkey

    def running_line(self) -> str:
        """The one line a start prints on the terminal: running, and how to call it."""
        where = "tray menu" if self.tray.available else "no tray: the library window has the menu"
        return f"quickreply: running; {self.palette_hotkey_label()} opens the palette ({where})"

    def _notify_running(self) -> None:
        """A first start shows only a tray icon: say where the app is and how to call it."""
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
        """A hotkey by its name (``core.hotkeys``): what the platform bridge's signal calls."""
        self.wiring.on_hotkey(name)

    def hotkey_pasted(self, snippet: Snippet, title: str) -> None:
        """A direct snippet hotkey pasted: count the use, stop that buyer's clock."""
        try:
            self.services.stats.record_use(snippet.id)
            self.services.refresh_usage()
        except Exception as err:  # a broken usage store must never cost the paste
            self.report(Problem(str(self.services.paths.stats_file), 0, "usage", str(err)))
        self.stop_clock(title)

    def buyer_waiting(self, title: str = "") -> None:
        """The "buyer is waiting" hotkey: named from the chat window's title, else the panel
        opens with its quick-add box focused and pre-filled with the selected (X11 primary
        selection) or copied text, else the title, for the agent to confirm with Enter; Enter
        or Esc there gives the focus back to the chat."""
        self.timers_panel().buyer_waiting(
            title=title or None,
            suggestion=self._selected_or_copied_text(),
            back=self.wiring.refocus_chat(),
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

    def buyer_asked(self, title: str) -> None:
        """A chat window asked for attention: its buyer's clock starts by itself (the panel
        is built if need be, but not shown: the agent is busy elsewhere)."""
        self.timers_panel().buyer_asked(title)

    def stop_clock(self, title: str) -> None:
        """A reply went out in the window titled ``title``: stop that buyer's clock (the
        timer model decides whose, if anyone's: ``TimerModel.replied_to``)."""
        if self._timers is not None:
            self._timers.replied(title=title or None)

    # -- team packs ---------------------------------------------------------------------------

    def joined_team(self) -> bool:
        return bool(self.services.team_join()[0])

    def sync_team_now(self) -> None:
        """立即同步 in the tray: sync now, past any back-off; the result shows in the tray."""
        self._team_forced = True
        self.team.sync_now(force=True)

    def join_team(self, source: str, code: str) -> bool:
        """Join (or leave the old team for) ``source`` with ``code`` and sync at once."""
        from quickreply.core.team.errors import TeamError

        try:
            self.services.team_sync().join(source, code)
        except (TeamError, OSError) as err:
            self.tray.notify(QCoreApplication.translate("App", "无法加入团队"), str(err))
            return False
        if self.services.settings.team_dir:
            # The synced copy lives in the default team folder: a folder chosen in 设置 would
            # hide it, so joining gives that choice up (saved like any settings change).
            self.apply_settings(self.services.settings.with_changes(team_dir=""))
        self.tray.action_sync.setVisible(True)
        self._team_forced = True
        self.team.start()
        return True

    def team_synced(self, result: SyncResult) -> None:
        """A sync finished (on the GUI thread): reload and say what a new version brought;
        a failure is said once (or every time the agent asked with 立即同步)."""
        from quickreply.ui.teamsync import failure_message, update_message

        forced, self._team_forced = self._team_forced, False
        if result.status == "updated":
            self._team_problem = ""
            self.watcher.schedule()
            title, message = update_message(result)
            self.tray.notify(title, message, warning=False)
        elif result.status == "failed":
            print(result.line, file=sys.stderr)
            if forced or result.problem != self._team_problem:
                self.tray.notify(*failure_message(result))
            self._team_problem = result.problem
        elif forced and result.status == "unchanged":
            self.tray.notify(
                QCoreApplication.translate("App", "团队话术已是最新"),
                f"v{result.version}",
                warning=False,
            )

    def show_publish(self) -> None:
        """发布… in the library (team lead): the diff against the published version, then
        publish on a worker thread."""
        from quickreply.core.cacheseal import Seal
        from quickreply.core.team.errors import TeamError
        from quickreply.core.team.preview import preview
        from quickreply.core.team.publish import publish
        from quickreply.ui.publish import PublishDialog

        target = self.services.publish_target()
        if target is None:
            return
        key, where = target
        try:
            diff = preview(where, key, self.services.team_now)
        except (TeamError, OSError) as err:
            self.tray.notify(QCoreApplication.translate("App", "无法发布"), str(err))
            return

        def run(message: str) -> str:
            result = publish(
                where.sources,
                where.dest,
                key,
                self.services.team_now,
                message=message,
                cache_dir=self.services.paths.cache,
                seal=Seal.load_or_create(self.services.paths.cache_key_file),
            )
            return f"v{result.version}: {result.changes.summary()}"

        dialog = PublishDialog(diff, run, self._library)
        self._publish_dialog = dialog
        dialog.show()

    def _show_marks(self) -> None:
        marks = team_marks(self.services)
        if marks != self._marks:  # unchanged (a stage swapped in): no second search
            self._marks = marks
            self.palette.set_marks(marks)
        if self._library is not None:
            self._library.set_marks(marks)

    # -- packs changing on disk -------------------------------------------------------------

    def _rewatch(self) -> None:
        paths = self.services.paths
        self.watcher.watch(paths, self.services.extra, self.services.shop_path or paths.shop_file)

    def schedule_reload(self, _path: str = "") -> None:
        self.watcher.schedule()

    def reload_library(self) -> list[Problem]:
        """Reload packs and the shop profile; the palette, library window and snippet
        hotkeys follow. New problems are shown in the tray, never as a crash."""
        problems = self.services.reload()
        self._library_changed(problems)
        return problems

    def _show_loading(self, files: int) -> None:
        if self.services.loading is not None:
            self.palette.set_loading(files, self.services.loading[1])

    def _swap_in(self, prepared: Prepared | None) -> None:
        """A stage of the background load, or the whole library, is ready: it replaces the
        part in place (GUI thread); None: the load failed, reload the usual way. Only
        references change hands here; ``timings["swap"]`` keeps the longest swap."""
        if self._closed:
            return
        started = time.perf_counter()
        if prepared is None:
            self.reload_library()
            return
        problems = self.services.finish_loading(prepared)
        if problems is not None:
            self._library_changed(problems)
        took = time.perf_counter() - started
        self.services.timings["swap"] = max(self.services.timings.get("swap", 0.0), took)

    def _library_changed(self, problems: list[Problem]) -> None:
        """The services hold a new library: the windows follow, new problems are shown."""
        before = {str(p) for p in self.services.problems}
        loading = self.services.loading
        self.palette.set_loading(*(loading or (0, 0)))
        self.palette.set_searcher(self.services.index)
        self.palette.set_renderer(self.services.renderer)
        self.palette.set_message_limit(message_limit(self.services))
        if self._library is not None:
            self._library.set_edit_rule(self.services.edit_rule)
            self._library.set_library(self.services.library, self.services.renderer)
        if self._training is not None:
            self._training.set_library(
                self.services.library, self.services.index, self.services.renderer
            )
        self._show_marks()
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

    # -- windows ----------------------------------------------------------------------------

    def show_palette(self) -> None:
        self.palette.popup()

    def show_library(self) -> None:
        if self._library is None:
            self._library = make_library_view(self.services)
            self._library.saved.connect(self.schedule_reload)
            self._library.publish_requested.connect(self.show_publish)
            self._library.set_publishing(self.services.publish_target() is not None)
            self._library.trainee.training_requested.connect(self.show_training)
            if not self.tray.available:
                # No tray to right-click: the same menu (设置, 退出…) in the window's menu bar.
                self.tray.menu.setTitle(QCoreApplication.translate("App", "快捷回复助手"))
                self._library.menuBar().addMenu(self.tray.menu)
        self._bring_forward(self._library)

    def show_board(self) -> None:
        """团队看板 (tray): the team's figures; the drop is read on a worker thread."""
        if self._board is None:
            self._board = make_teamboard(self.services, self.board_data, self.open_reply)
        self._bring_forward(self._board)

    def open_reply(self, snippet_id: str) -> bool:
        """A reply row of the 看板: that reply in the library window."""
        self.show_library()
        assert self._library is not None
        return select_reply(self._library, snippet_id)

    def show_training(self) -> None:
        """新人训练 (tray, or the trainee view's button): drills, code practice, exams."""
        if self._training is None:
            self._training = make_training_view(self.services)
        self._bring_forward(self._training)

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
        dialog = make_settings_dialog(
            self.services, probe=self.probe_hotkey, autostart=self.starts_at_login()
        )
        if dialog.exec():
            self.apply_settings(dialog.result_settings())
            wanted = dialog.result_autostart()
            if wanted is not None:
                self.set_autostart(wanted)
            self.apply_team_join(dialog.team_join())

    def apply_team_join(self, wanted: tuple[str, str]) -> None:
        """The 加入团队 fields of the settings dialog: join when they changed."""
        if all(wanted) and wanted != self.services.team_join():
            self.join_team(*wanted)

    def starts_at_login(self) -> bool | None:
        """Whether the OS starts this installation at login; None where there is no option."""
        return None if self.autostart is None else self.autostart.enabled()

    def set_autostart(self, wanted: bool) -> None:
        """Turn start at login on or off; a failure is shown, and the OS keeps what it had."""
        autostart = self.autostart
        if autostart is None or autostart.enabled() == wanted:
            return
        try:
            autostart.enable() if wanted else autostart.disable()
        except OSError as err:
            self.report(
                Problem(
                    autostart.location,
                    0,
                    "autostart",
                    f"cannot {'turn on' if wanted else 'turn off'} start at login: "
                    f"{err.strerror or err}",
                    "check that the folder or registry key can be written",
                    code="autostart.enable" if wanted else "autostart.disable",
                    args=(("error", str(err.strerror or err)),),
                )
            )

    def apply_settings(self, new: Settings) -> list[Problem]:
        """Save ``new`` and apply it now, without a restart (see :mod:`quickreply.app.apply`)."""
        problems = apply_settings(self, new)
        self.update_board_entry()
        return problems

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

    # -- the end ----------------------------------------------------------------------------

    def quit(self) -> None:
        """Quit in the tray menu, or a signal that ends the session."""
        self.shut_down()
        self.qapp.quit()

    def shut_down(self) -> None:
        """End cleanly, once: no reload starts, the clipboard goes back to what the agent had
        if it still holds our reply, our grabs go now (not when the process dies), and the KPI
        and usage stores write what is pending and close."""
        if self._closed:
            return
        self._closed = True
        self.team.stop()
        self.rest.stop()
        self.watcher.stop()
        self.wiring.close()
        if self._timers is not None and self._timers.kpi is not None:
            problem = self._timers.kpi.flush()
            if problem is not None:
                print(problem, file=sys.stderr)
            self._timers.kpi.close()
        if self._training is not None:
            self._training.close()  # an exam left in the middle is saved
            self._training.store.close()
        # After the KPI flush, so today's last replies are in the day that is shared.
        self.sharing.run_at_quit()
        self.services.close()
        self.tray.hide()
