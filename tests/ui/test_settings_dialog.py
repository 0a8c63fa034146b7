"""The settings dialog: hotkeys captured by pressing them, refusals with a message, the result."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QFormLayout, QLineEdit
from pytestqt.qtbot import QtBot

from quickreply.core.model import Snippet
from quickreply.core.problems import Problem
from quickreply.core.settings import Settings
from quickreply.platforms.base import platform_problem
from quickreply.ui.settings import SettingsDialog
from tests.ui.translated import LANGUAGES, translated

pytestmark = pytest.mark.gui

SNIPPETS = [
    Snippet(id="hello", title="欢迎语", variants=("在的~",), code="hi", hotkey="ctrl+alt+1"),
    Snippet(id="bye", title="结束语", variants=("再见~",), code="bye"),
]


def make(qtbot: QtBot, settings: Settings | None = None, probe: object = None) -> SettingsDialog:
    dialog = SettingsDialog(settings or Settings(), SNIPPETS, probe=probe)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def press(edit: object, text: str) -> None:
    """What QKeySequenceEdit holds after the user pressed ``text``, then editing finished."""
    capture = edit.capture  # type: ignore[attr-defined]
    capture.setKeySequence(QKeySequence(text))
    capture.editingFinished.emit()


def select(dialog: SettingsDialog, sid: str) -> None:
    for row in range(dialog.snippet_table.rowCount()):
        item = dialog.snippet_table.item(row, 0)
        if item is not None and item.data(0x0100) == sid:
            dialog.snippet_table.setCurrentCell(row, 0)
            return
    raise AssertionError(sid)


def test_shows_the_current_settings(qtbot: QtBot) -> None:
    dialog = make(qtbot, Settings(palette_hotkey="ctrl+shift+k", restore_ms=300, theme="dark"))
    assert dialog.palette_hotkey.capture.keySequence().toString() == "Ctrl+Shift+K"
    assert dialog.restore.value() == 300
    assert dialog.theme.currentData() == "dark"
    assert dialog.language.currentText() == "跟随系统"
    assert [dialog.language.itemText(i) for i in range(4)] == [
        "跟随系统", "简体中文", "English", "繁體中文",
    ]  # fmt: skip
    assert dialog.result_settings() == Settings(
        palette_hotkey="ctrl+shift+k", restore_ms=300, theme="dark"
    )


def test_pressing_a_combination_sets_the_palette_hotkey(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    press(dialog.palette_hotkey, "Alt+Ctrl+Q")
    assert not dialog.palette_hotkey.message.isVisibleTo(dialog)
    assert dialog.result_settings().palette_hotkey == "ctrl+alt+q"


def test_a_combination_without_a_modifier_is_refused(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    press(dialog.palette_hotkey, "Q")
    assert dialog.palette_hotkey.message.text() == "Q 会影响正常打字：请加上 Ctrl 或 Alt"
    assert dialog.palette_hotkey.message.isVisibleTo(dialog)
    assert dialog.result_settings().palette_hotkey == "ctrl+alt+space"
    assert dialog.palette_hotkey.capture.keySequence().toString() == "Ctrl+Alt+Space"


def test_an_unparsable_combination_is_refused(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    assert not dialog.palette_hotkey.offer("ctrl+spcae")
    assert dialog.palette_hotkey.message.text() == (
        "无法识别的快捷键：'ctrl+spcae': unknown key 'spcae' (did you mean 'space'?)"
    )


def test_a_combination_taken_by_a_snippet_is_refused(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    press(dialog.palette_hotkey, "Ctrl+Alt+1")
    assert dialog.palette_hotkey.message.text() == "Ctrl+Alt+1 已被「hi 欢迎语」使用"
    assert dialog.result_settings().palette_hotkey == "ctrl+alt+space"


def taken(combo: str) -> Problem | None:
    """The backend's answer for the probe's own grab: only ctrl+alt+k is held elsewhere."""
    if combo != "ctrl+alt+k":
        return None
    return platform_problem(
        "hotkeys",
        f"hotkey {combo} for 'settings' is already taken by another program",
        code="hotkey.taken",
        args={"combo": combo, "name": "settings"},
    )


def test_a_combination_taken_by_another_program_is_refused(qtbot: QtBot) -> None:
    dialog = make(qtbot, probe=taken)
    press(dialog.palette_hotkey, "Ctrl+Alt+K")
    assert dialog.palette_hotkey.message.text() == (
        "快捷键 Ctrl+Alt+K（呼出快捷回复）已被其他程序占用："
        "请在设置里换一个组合，或关闭占用它的程序。"
    )
    select(dialog, "bye")
    press(dialog.snippet_hotkey, "Ctrl+Alt+K")
    assert dialog.snippet_hotkey.message.text() == (
        "快捷键 Ctrl+Alt+K（bye 结束语）已被其他程序占用："
        "请在设置里换一个组合，或关闭占用它的程序。"
    )


def test_per_snippet_hotkey_captured_and_saved(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    assert dialog.snippet_table.item(0, 1).text() == "Ctrl+Alt+1"  # type: ignore[union-attr]
    select(dialog, "bye")
    press(dialog.snippet_hotkey, "Ctrl+Alt+Space")  # the palette's
    assert dialog.snippet_hotkey.message.text() == "Ctrl+Alt+Space 已被「呼出快捷回复」使用"
    press(dialog.snippet_hotkey, "Ctrl+Alt+2")
    assert dialog.result_settings().snippet_hotkeys == {"bye": "ctrl+alt+2"}
    select(dialog, "hello")
    dialog.snippet_hotkey.clear()  # turning off a pack's hotkey is an override too
    assert dialog.result_settings().snippet_hotkeys == {"bye": "ctrl+alt+2", "hello": ""}


def test_paste_language_theme_and_folders(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    dialog.pre_paste.setValue(50)
    dialog.restore.setValue(400)
    dialog.paste_shortcut.setCurrentIndex(1)
    dialog.language.setCurrentIndex(2)
    dialog.theme.setCurrentIndex(2)
    dialog.team_dir.setText("/srv/团队话术")
    result = dialog.result_settings()
    assert (result.pre_paste_ms, result.restore_ms, result.paste_shortcut) == (
        50, 400, "shift+insert",
    )  # fmt: skip
    assert (result.language, result.theme, result.team_dir) == ("en", "dark", "/srv/团队话术")


def test_timer_hotkeys_are_shown_captured_and_checked_against_the_others(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    assert dialog.waiting_hotkey.capture.keySequence().toString() == "Ctrl+Alt+W"
    assert dialog.replied_hotkey.capture.keySequence().toString() == "Ctrl+Alt+R"
    press(dialog.palette_hotkey, "Ctrl+Alt+W")
    assert dialog.palette_hotkey.message.text() == "Ctrl+Alt+W 已被「买家在等待」使用"
    press(dialog.replied_hotkey, "Ctrl+Alt+1")
    assert dialog.replied_hotkey.message.text() == "Ctrl+Alt+1 已被「hi 欢迎语」使用"
    press(dialog.waiting_hotkey, "Ctrl+Shift+W")
    dialog.replied_hotkey.clear()  # off
    result = dialog.result_settings()
    assert (result.waiting_hotkey, result.replied_hotkey) == ("ctrl+shift+w", "")


def test_paste_backend_and_timer_sound_are_saved(qtbot: QtBot) -> None:
    dialog = make(qtbot, Settings(paste_backend="none", timer_sound=True))
    assert dialog.paste_backend.currentText() == "关闭（只复制）"
    assert dialog.timer_sound.isChecked()
    dialog.paste_backend.setCurrentIndex(dialog.paste_backend.findData("x11"))
    dialog.timer_sound.setChecked(False)
    result = dialog.result_settings()
    assert (result.paste_backend, result.timer_sound) == ("x11", False)


def test_start_at_login_is_offered_with_the_systems_state(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(), SNIPPETS, autostart=True)
    qtbot.addWidget(dialog)
    assert dialog.autostart.text() == "开机自动启动"
    assert dialog.autostart.isChecked()
    dialog.autostart.setChecked(False)
    assert dialog.result_autostart() is False
    assert dialog.result_settings() == Settings()  # the OS keeps the choice, not settings.json


def test_no_start_at_login_option_where_the_system_has_none(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    dialog.show()
    assert not dialog.autostart.isVisible()
    assert dialog.result_autostart() is None


def test_queue_targets_and_auto_start_are_edited_and_hand_written_patterns_kept(
    qtbot: QtBot,
) -> None:
    patterns = ["^(?P<buyer>.+?) - 千牛$"]
    dialog = make(qtbot, Settings(timers={"title_patterns": patterns}))
    box = dialog.timers_box
    assert [(name, t.value(), r.value()) for name, t, r in box.rows] == [
        ("售前", 3.0, 180.0),
        ("售后", 30.0, 180.0),
    ]
    assert box.auto_start.isChecked()
    box.rows[0][1].setValue(5)
    box.rows[1][2].setValue(20)  # below its target: held at the target
    box.auto_start.setChecked(False)
    timers = dialog.result_settings().timers
    assert timers["queues"] == [
        {"name": "售前", "target": 5.0, "red_after": 180.0},
        {"name": "售后", "target": 30.0, "red_after": 30.0},
    ]
    assert timers["auto_start"] is False
    assert timers["title_patterns"] == patterns


def test_the_reply_hotkey_table_shows_eight_whole_rows(qtbot: QtBot) -> None:
    from quickreply.core.settings import Settings
    from quickreply.ui.settings import SettingsDialog

    dialog = SettingsDialog(Settings(), [])
    qtbot.addWidget(dialog)
    table = dialog.snippet_table
    rows = table.verticalHeader().defaultSectionSize()
    assert table.minimumHeight() - table.horizontalHeader().sizeHint().height() >= 8 * rows


def test_the_dialog_fits_a_laptop_screen_and_no_row_covers_another(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= 768  # a 1366x768 laptop; the sections scroll, the buttons stay
    table, below = dialog.snippet_table, dialog.snippet_hotkey
    table_bottom = table.mapTo(dialog, table.rect().bottomLeft()).y()
    assert below.mapTo(dialog, below.rect().topLeft()).y() > table_bottom


def test_an_empty_hotkey_says_what_to_do_not_qts_press_shortcut(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit

    dialog = make(qtbot)
    field = dialog.snippet_hotkey
    field.set_value("")
    line = field.capture.findChild(QLineEdit)
    assert line is not None
    # Qt's own placeholder reads 按快捷方式 (zh_CN) / 點擊快速鍵 (zh_TW).
    assert line.placeholderText() == "点这里，再按下新的组合键"


def test_the_timer_sound_sits_under_waiting_timers(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QGroupBox

    dialog = make(qtbot)
    box = dialog.timer_sound.parent()
    while box is not None and not isinstance(box, QGroupBox):
        box = box.parent()
    assert isinstance(box, QGroupBox) and box.title() == "等待计时"  # not 界面


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication, tmp_path: Path) -> Iterator[str]:
    with translated(qapp, str(request.param), tmp_path):
        yield str(request.param)


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
def test_every_section_lines_its_labels_and_fields_up(language: str, qtbot: QtBot) -> None:
    """Each section's form sized its labels by its own longest one: the fields of 快捷键, 粘贴
    and 界面 started at three different x (and the labels' text sat off its field's line)."""
    dialog = SettingsDialog(Settings(), SNIPPETS, autostart=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field_x: dict[str, int] = {}
    off_line: list[str] = []
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label_item is None or field_item is None or label_item.widget() is None:
                continue
            label, field = label_item.widget(), field_item.widget()
            if field is None or not label.isVisible():
                continue
            text = label.text()  # type: ignore[attr-defined]
            field_x[text] = field.mapTo(dialog, QPoint(0, 0)).x()
            label_middle = label.mapTo(dialog, label.rect().center()).y()
            line = field if isinstance(field, (QLineEdit, QComboBox, QAbstractSpinBox)) else None
            if line is None and field.layout() is not None:  # a field with a button beside it
                line = field.findChild(QLineEdit)
            if line is not None:
                middle = line.mapTo(dialog, line.rect().center()).y()
                if abs(middle - label_middle) > 2:
                    off_line.append(f"{text}: {label_middle} vs {middle}")
    assert len(field_x) >= 12
    assert len(set(field_x.values())) == 1, field_x
    assert off_line == []
    # The timer queues' spin boxes start on the same line as the other fields.
    _name, target, _red = dialog.timers_box.rows[0]
    assert target.mapTo(dialog, QPoint(0, 0)).x() == next(iter(field_x.values()))
