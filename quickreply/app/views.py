"""Building each window from the services, for the running app and for ``--screenshot``.

Every view is made by one factory here (palette, library, timer panel, settings dialog, trainee
view, training window), so the resident app and ``quickreply --screenshot FILE --view NAME``
show the same widgets wired the same way. Qt is imported inside the functions: ``quickreply
--help`` and the CLI commands never pay for it.
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quickreply.app.services import Services
from quickreply.core.model import Snippet
from quickreply.core.pins import PinStore
from quickreply.core.problems import Problem
from quickreply.core.search.spans import RowSpans, row_spans
from quickreply.core.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QWidget

    from quickreply.core.reminders import RuleReminder
    from quickreply.core.training.progress import ProgressStore
    from quickreply.ui.forms import FieldMemory
    from quickreply.ui.library import LibraryWindow
    from quickreply.ui.palette import PaletteWindow
    from quickreply.ui.settings import SettingsDialog
    from quickreply.ui.timers import TimersPanel
    from quickreply.ui.training import TrainingWindow

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ICONS = RESOURCES / "icons"
ICON_FILE = ICONS / "quickreply.svg"
SCREENSHOT_QUERY = "fahuo"  # palette-search: pinyin, 发货 highlighted; palette: the empty search


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


def app_icon() -> QIcon:
    """The application icon for the tray and every window: the PNG sizes drawn from the SVG
    (packaging/icons.py). Qt picks the exact size the tray or title bar asks for, and they need
    no SVG plugin (a frozen build may lack one); the SVG only if the PNGs are missing."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for png in sorted(ICONS.glob("quickreply-*.png")):
        icon.addFile(str(png))
    if icon.isNull() and ICON_FILE.exists():
        icon.addFile(str(ICON_FILE))
    return icon


def setup_look(app: QApplication, settings: Settings, lang: str | None = None) -> list[QTranslator]:
    """Translations, theme and icon. Returns the translators (they must stay referenced)."""
    from quickreply.ui.i18n import install_translators
    from quickreply.ui.themes import apply_theme

    translators = install_translators(app, lang or settings.language, RESOURCES / "translations")
    app.setApplicationDisplayName(app.translate("App", "快捷回复助手"))
    apply_theme(app, settings.theme, RESOURCES / "themes")
    app.setWindowIcon(app_icon())
    return translators


def recently_used(services: Services) -> list[str]:
    """Snippet ids, the most recently used first (the palette's 最近 on an empty search)."""
    usage = services.stats.usage()
    return sorted(usage, key=lambda snippet_id: usage[snippet_id].last_used, reverse=True)


def make_palette(
    services: Services,
    conversation: Callable[[], str | None] = lambda: None,
    memory: FieldMemory | None = None,
) -> PaletteWindow:
    from quickreply.ui.palette import PaletteWindow

    palette = PaletteWindow(
        services.index,
        services.renderer,
        usage=services.stats,
        on_used=services.refresh_usage,
        conversation=conversation,
        memory=memory,
        pins=PinStore(services.paths.config / "pins.json"),
        lookup=services.library.get,
        recent=lambda: recently_used(services),
        highlighter=highlighter(services),
    )
    palette.set_marks(team_marks(services))
    palette.set_hotkeys(services.settings.snippet_hotkeys)
    palette.set_message_limit(message_limit(services))
    return palette


def highlighter(services: Services) -> Callable[[str, str, str], RowSpans]:
    """The matched characters of a row's title and code, for the palette and the drill."""
    # The index in use when the row is painted (a reload replaces it) reads the query.
    return lambda query, title, code: row_spans(services.index.keys, query, title, code)


def message_limit(services: Services) -> int:
    """Characters per chat message on the shop's platform (shop.yaml ``message_limit``)."""
    from quickreply.core.shop import DEFAULT_MESSAGE_LIMIT

    return services.shop.message_limit if services.shop is not None else DEFAULT_MESSAGE_LIMIT


def team_marks(services: Services) -> dict[str, str]:
    """The markers ([新], [改]) of replies a recent team version added or changed."""
    from quickreply.ui.teamsync import mark_text

    return {sid: mark_text(kind) for sid, kind in services.team_marks.items()}


def make_library_view(services: Services) -> LibraryWindow:
    from PySide6.QtCore import QSettings

    from quickreply.core.packs import save_pack
    from quickreply.ui.library import LibraryWindow

    store = QSettings(str(services.paths.config / "windows.ini"), QSettings.Format.IniFormat)
    window = LibraryWindow(
        services.library,
        renderer=services.renderer,
        lint=services.lint,
        save=save_pack,
        store=store,
        personal_dir=services.paths.personal,
        rule=services.edit_rule,
        search=lambda query, limit: services.index.search(query, limit),
    )
    window.set_marks(team_marks(services))
    return window


def hotkey_text(combo: str) -> str:
    """A hotkey as the settings show it (``Ctrl+Alt+W``); the raw text if it does not parse."""
    from quickreply.core.hotkeys import HotkeyError, parse_hotkey

    try:
        return parse_hotkey(combo).display()
    except HotkeyError:
        return combo


def timer_hotkeys(settings: Settings) -> tuple[str, str]:
    """The "buyer is waiting" and "replied" hotkeys, for the timer panel's empty list."""
    return hotkey_text(settings.waiting_hotkey), hotkey_text(settings.replied_hotkey)


def make_timers_view(services: Services, sample: int = 0) -> TimersPanel:
    """The timer panel; ``sample`` > 0 shows that many buyers at different ages on a fixed
    clock, for screenshots."""
    from quickreply.core.kpi import KpiStore
    from quickreply.core.reminders import rule_reminders
    from quickreply.core.timers import TimerModel
    from quickreply.ui.timers import TimersPanel

    def reminders(now: datetime) -> list[RuleReminder]:
        return rule_reminders(services.shop, now)  # the shop profile as reloaded

    hotkeys = timer_hotkeys(services.settings)
    if sample:
        now = [1000.0]
        model = TimerModel(lambda: now[0], services.clock, services.timer_config)
        for label, age in sample_buyers(sample):
            now[0] = 1000.0 - age
            model.buyer_message(label)
        now[0] = 1000.0
        return TimersPanel(model, reminders=reminders, hotkeys=hotkeys)
    model = TimerModel(time.monotonic, services.clock, services.timer_config)
    return TimersPanel(
        model,
        KpiStore(services.paths.kpi_file, services.clock),
        sound=services.settings.timer_sound,
        reminders=reminders,
        hotkeys=hotkeys,
    )


SAMPLE_BUYERS = (
    ("小雨同学", 200.0),
    ("tb_8812", 95.0),
    ("阿杰", 30.0),
    ("Lily", 5.0),
    ("王女士", 64.0),
    ("jd_小鹿乱撞", 41.0),
    ("开心每一天", 12.0),
    ("tb_0931", 7.0),
    ("陈先生", 185.0),
    ("米粒妈妈", 52.0),
    ("Kevin", 3.0),
    ("张同学", 26.0),
    ("pdd_橘子汽水", 18.0),
    ("老客户-刘姐", 9.0),
    ("tb_5577", 33.0),
    ("安安", 2.0),
    ("一颗小白菜", 71.0),
    ("tb_2048", 15.0),
    ("赵先生", 120.0),
    ("奶茶不加糖", 4.0),
)


def sample_buyers(count: int) -> list[tuple[str, float]]:
    """Screenshot buyers with their waits in seconds, longest first (the model's clock only
    moves forward): a few red, the rest past the 3-second 售前 target, a few just in."""
    return sorted(SAMPLE_BUYERS[: max(0, count)], key=lambda item: -item[1])


def make_settings_dialog(
    services: Services,
    probe: Callable[[str], Problem | None] | None = None,
    autostart: bool | None = None,
) -> SettingsDialog:
    """``autostart``: whether the app starts at login now (None hides the option)."""
    from quickreply.ui.settings import SettingsDialog

    source, code = services.team_join()
    state = services.team_state()
    return SettingsDialog(
        services.settings,
        list(services.library.snippets()),
        probe=probe,
        autostart=autostart,
        team_source=source,
        team_code=code,
        shop_agent_id=services.shop.agent_id if services.shop is not None else "",
        team_share_drop=state.share_drop if state.version and state.share_daily else None,
    )


def make_trainee_view(services: Services) -> QWidget:
    from quickreply.ui.trainee import TraineeView

    view = TraineeView(
        services.library,
        services.renderer,
        search=lambda query, limit: services.index.search(query, limit),
    )
    view.resize(900, 600)
    return view


def make_training_view(
    services: Services,
    store: ProgressStore | None = None,
    rng: random.Random | None = None,
    *,
    hand_in: bool = True,
    clock: Callable[[], float] = time.monotonic,
) -> TrainingWindow:
    """The training window; its progress store is ``training.sqlite3`` unless one is given.
    Exams are read from the shipped, team and personal folders and checked against the library;
    one with errors is left out and its lines are shown in the exam tab. A finished exam is
    handed in to the lead when the agent shares with the team (unless ``hand_in`` is False)."""
    from quickreply.app.sharing import ExamHandIn
    from quickreply.core.training.exam import load_exams
    from quickreply.core.training.progress import ProgressStore
    from quickreply.ui.training import TrainingWindow

    if store is None:
        store = ProgressStore(services.paths.training_file)
    exams, problems = load_exams(services.paths.exam_dirs, services.library)
    return TrainingWindow(
        services.library,
        services.index,
        services.renderer,
        store,
        exams,
        [*store.problems, *problems],
        hand_in=ExamHandIn(services) if hand_in else None,
        rng=rng,
        clock=clock,
        highlighter=highlighter(services),
    )


def _sample_training(services: Services, tab: str) -> QWidget:
    """Screenshots: a drill in progress, a finished exam, or progress after a few rounds, on
    an in-memory store with made-up attempts (never the user's own)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from quickreply.core.training.drill import Attempt, Mode
    from quickreply.core.training.progress import ProgressStore

    store = ProgressStore(None)
    fake = [("欢迎", 10, 1.8), ("物流", 9, 3.2), ("售后", 7, 6.5), ("促销", 4, 8.0)]
    for group, right, seconds in fake:
        for i in range(10):
            store.record(Attempt(f"s:{group}{i}", group, "x", "x", i < right, seconds, 3))
    now = [100.0]  # a clock the sample sets, so every screenshot shows the same seconds
    window = make_training_view(
        services, store, random.Random(3), hand_in=False, clock=lambda: now[0]
    )
    if tab == "drill":
        window.drill.start(Mode.MIXED)
        board = window.drill.board
        question = board.question
        first = services.library.get(question.answers[0]) if question is not None else None
        if first is not None and first.code:
            # The first question answered right in 2.4 s by typing the reply's code: the
            # reply in the chat, the score under it, Enter for the next question.
            QTest.keyClicks(board.picker.search_box, first.code)
            now[0] += 2.4
            QTest.keyClick(board.picker.search_box, Qt.Key.Key_Return)
            if not board.attempts:  # a reply with fields: Enter went to its form
                board.picker.accept(from_form=True)
    elif tab == "exam":
        exam = window.exam.selected()
        if exam is not None:
            questions = exam.drill_questions(services.library)
            attempts = [
                Attempt(
                    q.key,
                    q.group,
                    q.answers[0],
                    q.answers[0] if i != 3 else "",
                    i != 3,
                    2.0 + (i * 7) % 5,
                    4,
                )
                for i, q in enumerate(questions)
            ]
            store.save_exam(exam.id, exam.title, attempts, exam.passes(len(questions) - 1))
            window.exam.set_exams([exam])
        window.tabs.setCurrentWidget(window.exam)
    else:
        window.tabs.setCurrentWidget(window.progress)
    return window


def _palette_for_screenshot(services: Services, query: str = "") -> QWidget:
    """The palette as the agent opens it: an empty search lists 常用 then 最近 (from this
    QUICKREPLY_HOME's pins.json and usage), or with ``query`` typed."""
    palette = make_palette(services)
    palette.set_paster(_NoPaste(), "")
    palette.search_box.setText(query)
    return palette


class _NoPaste:
    """Screenshots show the normal footer; nothing is ever pasted from them."""

    def paste(self, text: str, send: bool = False, image: bytes = b"") -> None:
        """Do nothing."""

    def paste_steps(self, snippet: Snippet, values: Mapping[str, str], send: bool = False) -> None:
        """Do nothing."""


def _library_for_screenshot(services: Services) -> QWidget:
    """The library on the first listed reply with fill-in fields: the documented image shows
    the reply as the buyer gets it with its 模板 toggle (a reply without fields has none)."""
    window = make_library_view(services)
    with_fields = next((s for s in window.listed_snippets() if s.fields), None)
    if with_fields is not None:
        window.select_snippet(with_fields.id)
    return window


#: Typed into the editor's screenshot: a name the text uses that is not a field yet (ASCII, so
#: the English image shows no Chinese the reply does not hold).
SCREENSHOT_UNDECLARED = " {{ order_no }}"


def _editor_for_screenshot(services: Services) -> QWidget:
    """The editor on a copy of the first listed reply with fill-in fields, a name typed that
    is not a field yet: its one problem in the list and the bar offering to declare it."""
    window = make_library_view(services)
    window.confirm = lambda _question: True  # closing drops the unsaved copy without asking
    window.resize(1100, 820)  # the whole form, down to the field table, without scrolling
    with_fields = next((s for s in window.listed_snippets() if s.fields), None)
    if with_fields is None or not window.select_snippet(with_fields.id):
        return window
    if window.copy_to_personal():
        editor = window.editor
        editor.text_edit.setPlainText(editor.text_edit.toPlainText() + SCREENSHOT_UNDECLARED)
        editor.refresh()
    return window


def _busy_timers(services: Services) -> QWidget:
    """Twenty buyers, one of them selected: the panel as a busy afternoon looks."""
    from quickreply.core.kpi import DayFigures

    panel = make_timers_view(services, sample=len(SAMPLE_BUYERS))
    panel.resize(340, 640)
    panel.table.selectRow(1)
    figures = DayFigures(None, 86, 31, 14.2, 47.5, 0.93, 0.71, 6)  # an afternoon's replies
    panel.kpi_label.setText(panel.format_kpis(figures))
    panel.kpi_label.show()
    from PySide6.QtCore import QTimer

    # As under the pointer, once the columns have their widths (after the first layout).
    QTimer.singleShot(0, lambda: panel.row_actions.show_on(5))
    return panel


def _settings_lower(services: Services) -> QWidget:
    from PySide6.QtCore import QTimer

    dialog = make_settings_dialog(services, autostart=False)
    bar = dialog.sections.verticalScrollBar()
    QTimer.singleShot(0, lambda: bar.setValue(bar.maximum()))  # once the sections have sizes
    return dialog


VIEW_BUILDERS: dict[str, Callable[[Services], QWidget]] = {
    "palette": _palette_for_screenshot,
    "palette-search": lambda services: _palette_for_screenshot(services, SCREENSHOT_QUERY),
    # An image reply selected: 图 in its row, the picture's thumbnail over the preview.
    "palette-image": lambda services: _palette_for_screenshot(services, "cmb"),
    "library": _library_for_screenshot,
    "editor": _editor_for_screenshot,
    "timers": lambda services: make_timers_view(services, sample=4),
    "timers-busy": _busy_timers,
    "settings": lambda services: make_settings_dialog(services, autostart=False),
    # Its lower half: timers, folders, sharing and the team, out of sight in "settings".
    "settings-lower": _settings_lower,
    "trainee": make_trainee_view,
    "drill": lambda services: _sample_training(services, "drill"),
    "exam": lambda services: _sample_training(services, "exam"),
    "progress": lambda services: _sample_training(services, "progress"),
    "teamboard": lambda services: _demo_board(services),
    "teamboard-exams": lambda services: _demo_board(services, exams=True),
}


def _demo_board(services: Services, exams: bool = False) -> QWidget:
    from quickreply.app.teamboard import demo_board

    board = demo_board(services)
    if exams:  # the 考试成绩 tab in front
        board.tabs.setCurrentWidget(board.exams)
    return board


def screenshot(path: Path, view: str, services: Services, lang: str | None = None) -> int:
    """Render one view offscreen to ``path`` (PNG). Returns the exit code."""
    app = make_qapp(offscreen=True)
    from PySide6.QtWidgets import QApplication

    translators = setup_look(app, services.settings, lang)
    if services.variants is not None:
        # Screenshots are documented and compared (the frozen build's against the venv's):
        # the same wording every time, not a random one of a reply's variants.
        services.variants.rng = random.Random(0)
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
