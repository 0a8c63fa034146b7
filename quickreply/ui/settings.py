"""The settings dialog: hotkeys (captured by pressing them), paste timing and backend, language,
theme, the wait timers (:mod:`quickreply.ui.settings_timers`), start at login, pack folders,
the daily report for the lead (:mod:`quickreply.ui.sharebox`).

The dialog edits a copy of :class:`quickreply.core.settings.Settings` and returns the new value
from :meth:`SettingsDialog.result_settings`; app/apply.py saves it and applies it. A hotkey that
cannot be parsed, needs a modifier, or is already taken (by another entry here, or by another
program, via the injected ``probe``) is refused with a message next to the field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.hotkeys import (
    PALETTE,
    TIMER_REPLIED,
    TIMER_WAITING,
    HotkeyError,
    parse_hotkey,
    snippet_hotkey,
    snippet_of,
)
from quickreply.core.model import Snippet
from quickreply.core.problems import Problem
from quickreply.core.settings import MAX_DELAY_MS, MAX_TEAM_SYNC, MIN_TEAM_SYNC, Settings
from quickreply.ui.messages import describe, hotkey_label
from quickreply.ui.settings_timers import TimerSettingsBox
from quickreply.ui.sharebox import ShareBox

# probe(hotkey) -> None if free, else the platform backend's problem (taken by another program).
HotkeyProbe = Callable[[str], Problem | None]
SNIPPET_ROWS_SHOWN = 200


class HotkeyEdit(QWidget):
    """Captures one key combination by pressing it; shows a refusal message under it."""

    accepted = Signal(str)  # canonical hotkey string, or "" when cleared

    def __init__(self, check: Callable[[str], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self.value = ""
        self.capture = QKeySequenceEdit()
        self.capture.setMaximumSequenceLength(1)
        self.capture.editingFinished.connect(self._own_placeholder)
        self.capture.keySequenceChanged.connect(self._own_placeholder)
        self.capture.editingFinished.connect(self._on_finished)
        self.clear_button = QPushButton(self.tr("清除"))
        self.clear_button.clicked.connect(self.clear)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.capture, 1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self._own_placeholder()

    def _own_placeholder(self) -> None:
        """Qt's own placeholder reads 按快捷方式 / 點擊快速鍵 ("press shortcut"), and Qt puts it
        back whenever the edit is reset, so ours is put back after each change."""
        line = self.capture.findChild(QLineEdit)
        if line is not None:
            line.setPlaceholderText(self.tr("点这里，再按下新的组合键"))

    def set_value(self, hotkey: str) -> None:
        self.value = hotkey
        self._show(hotkey)
        self._own_placeholder()
        self.message.setVisible(False)

    def _show(self, hotkey: str) -> None:
        if not hotkey:
            self.capture.clear()
            self._own_placeholder()
            return
        self.capture.setKeySequence(QKeySequence(parse_hotkey(hotkey).display()))

    def clear(self) -> None:
        self.value = ""
        self.capture.clear()
        self._own_placeholder()
        self.message.setVisible(False)
        self.accepted.emit("")

    def offer(self, text: str) -> bool:
        """Validate a captured (or typed) combination; keep the old value if refused."""
        error = self._check(text)
        if error is not None:
            self.message.setText(error)
            self.message.setVisible(True)
            self._show(self.value)
            return False
        self.value = str(parse_hotkey(text))
        self._show(self.value)
        self.message.setVisible(False)
        self.accepted.emit(self.value)
        return True

    def _on_finished(self) -> None:
        sequence = self.capture.keySequence()
        if sequence.isEmpty():
            return
        self.offer(sequence.toString(QKeySequence.SequenceFormat.PortableText))


class SettingsDialog(QDialog):
    """Edit settings. ``snippets`` lists the library (for per-snippet hotkeys); ``probe``
    asks the platform whether a combination is free."""

    def __init__(
        self,
        settings: Settings,
        snippets: Sequence[Snippet] = (),
        *,
        probe: HotkeyProbe | None = None,
        autostart: bool | None = None,
        team_source: str = "",
        team_code: str = "",
        shop_agent_id: str = "",
        team_share_drop: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("设置"))
        self._settings = settings
        self._snippets = list(snippets)
        self._by_id = {s.id: s for s in self._snippets}
        self._probe = probe
        self._pack_hotkeys = {s.id: s.hotkey for s in self._snippets if s.hotkey}
        self._overrides: dict[str, str] = dict(settings.snippet_hotkeys)

        outer = QVBoxLayout(self)
        # The sections are taller than a laptop screen (768-900 px): they scroll, the buttons
        # stay in view. Without this the window was ~1300 px and squeezed its rows together.
        content = QWidget()
        layout = QVBoxLayout(content)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)
        self.sections = scroll

        keys_box = QGroupBox(self.tr("快捷键"))
        keys_form = QFormLayout(keys_box)
        self.palette_hotkey = HotkeyEdit(lambda t: self.check_hotkey(t, owner=PALETTE))
        self.palette_hotkey.set_value(settings.palette_hotkey)
        keys_form.addRow(self.tr("呼出快捷回复"), self.palette_hotkey)
        self.waiting_hotkey = HotkeyEdit(lambda t: self.check_hotkey(t, owner=TIMER_WAITING))
        self.waiting_hotkey.set_value(settings.waiting_hotkey)
        keys_form.addRow(self.tr("买家在等待"), self.waiting_hotkey)
        self.replied_hotkey = HotkeyEdit(lambda t: self.check_hotkey(t, owner=TIMER_REPLIED))
        self.replied_hotkey.set_value(settings.replied_hotkey)
        keys_form.addRow(self.tr("已回复"), self.replied_hotkey)

        self.snippet_filter = QLineEdit()
        self.snippet_filter.setPlaceholderText(self.tr("按编码或标题筛选话术…"))
        self.snippet_filter.textChanged.connect(self._fill_table)
        self.snippet_table = QTableWidget(0, 2)
        self.snippet_table.setHorizontalHeaderLabels([self.tr("话术"), self.tr("快捷键")])
        self.snippet_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.snippet_table.verticalHeader().setVisible(False)
        self.snippet_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.snippet_table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.snippet_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.snippet_table.currentCellChanged.connect(self._on_row)
        # Eight whole rows: at 130 px the table showed three and a half and felt like a slot.
        rows = self.snippet_table.verticalHeader().defaultSectionSize()
        header = self.snippet_table.horizontalHeader().sizeHint().height()
        self.snippet_table.setMinimumHeight(header + 8 * rows + 2 * self.snippet_table.frameWidth())
        self.snippet_hotkey = HotkeyEdit(lambda t: self.check_hotkey(t, owner=self._row_owner()))
        self.snippet_hotkey.accepted.connect(self._on_snippet_hotkey)
        keys_form.addRow(self.tr("话术快捷键"), self.snippet_filter)
        keys_form.addRow(self.snippet_table)
        keys_form.addRow(self.tr("所选话术"), self.snippet_hotkey)
        layout.addWidget(keys_box)

        paste_box = QGroupBox(self.tr("粘贴"))
        paste_form = QFormLayout(paste_box)
        self.pre_paste = self._ms_box(settings.pre_paste_ms)
        self.restore = self._ms_box(settings.restore_ms)
        paste_form.addRow(self.tr("粘贴前等待"), self.pre_paste)
        paste_form.addRow(self.tr("恢复剪贴板前等待"), self.restore)
        self.paste_shortcut = self._combo(
            [("Ctrl+V", "ctrl+v"), ("Shift+Insert", "shift+insert")], settings.paste_shortcut
        )
        paste_form.addRow(self.tr("粘贴按键"), self.paste_shortcut)
        self.paste_backend = self._combo(
            [
                (self.tr("自动"), "auto"),
                ("X11", "x11"),
                ("Windows", "windows"),
                (self.tr("关闭（只复制）"), "none"),
            ],
            settings.paste_backend,
        )
        self.paste_backend.setToolTip(self.tr("环境变量 QUICKREPLY_BACKEND 优先于此设置"))
        paste_form.addRow(self.tr("粘贴方式"), self.paste_backend)
        layout.addWidget(paste_box)

        look_box = QGroupBox(self.tr("界面"))
        look_form = QFormLayout(look_box)
        # Each language is named in itself, so a user who cannot read the current one finds it.
        self.language = self._combo(
            [
                (self.tr("跟随系统"), "system"),
                ("简体中文", "zh_CN"),
                ("English", "en"),
                ("繁體中文", "zh_TW"),
            ],
            settings.language,
        )
        look_form.addRow(self.tr("语言"), self.language)
        self.theme = self._combo(
            [
                (self.tr("跟随系统"), "system"),
                (self.tr("浅色"), "light"),
                (self.tr("深色"), "dark"),
            ],
            settings.theme,
        )
        look_form.addRow(self.tr("主题"), self.theme)
        # Start at login is the OS's own record (platforms/autostart.py), not a saved setting;
        # None: this system has no login start QuickReply knows, so no option.
        self.autostart = QCheckBox(self.tr("开机自动启动"))
        self.autostart.setChecked(bool(autostart))
        self._offers_autostart = autostart is not None
        if autostart is not None:
            look_form.addRow(self.tr("启动"), self.autostart)
        self.restart_note = QLabel(self.tr("语言更改在重新启动后生效。"))
        self.restart_note.setObjectName("hint")
        look_form.addRow(self.restart_note)
        layout.addWidget(look_box)

        # Title patterns stay in settings.json (written by hand, kept as they are).
        self.timers_box = TimerSettingsBox(settings.timers, settings.timer_sound, self)
        self.timer_sound = self.timers_box.sound
        layout.addWidget(self.timers_box)

        dirs_box = QGroupBox(self.tr("话术文件夹"))
        dirs_form = QFormLayout(dirs_box)
        self.team_dir = self._dir_row(dirs_form, self.tr("团队话术"), settings.team_dir)
        self.personal_dir = self._dir_row(dirs_form, self.tr("个人话术"), settings.personal_dir)
        layout.addWidget(dirs_box)
        self.share_box = ShareBox(settings, shop_agent_id, self, team_drop=team_share_drop)
        layout.addWidget(self.share_box)

        team_box = QGroupBox(self.tr("加入团队"))
        team_form = QFormLayout(team_box)
        self.team_source = QLineEdit(team_source)
        self.team_source.setPlaceholderText(self.tr("共享文件夹，或 https:// 开头的网址"))
        team_form.addRow(self.tr("团队地址"), self.team_source)
        self.team_code = QLineEdit(team_code)
        self.team_code.setPlaceholderText(self.tr("组长给的加入码（qrteam1.…）"))
        team_form.addRow(self.tr("加入码"), self.team_code)
        self.team_minutes = QSpinBox()
        self.team_minutes.setRange(MIN_TEAM_SYNC, MAX_TEAM_SYNC)
        self.team_minutes.setValue(settings.team_sync_minutes)
        self.team_minutes.setSuffix(self.tr(" 分钟"))
        team_form.addRow(self.tr("同步间隔"), self.team_minutes)
        self.team_error = QLabel("")
        self.team_error.setObjectName("error")
        self.team_error.setWordWrap(True)
        self.team_error.hide()
        team_form.addRow(self.team_error)
        layout.addWidget(team_box)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._fill_table("")
        self._align_labels(content)
        # One size in every language (screenshots are compared across them); as tall as a
        # laptop screen allows, wide enough for the English labels beside the scroll bar.
        self.resize(600, 760)

    # ---- building helpers ----------------------------------------------------------------

    def _align_labels(self, content: QWidget) -> None:
        """One label column for every section: each group box's form sized its labels by its
        own longest one, so the fields started at a different x in each section (and in each
        language). The timer queues' table starts its spin boxes on the same line."""
        labels: list[QWidget] = []
        for form in content.findChildren(QFormLayout):
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                label = item.widget() if item is not None else None
                if label is not None:
                    labels.append(label)
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)
        self.timers_box.align_first_column(width)

    def _ms_box(self, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, MAX_DELAY_MS)
        box.setSingleStep(50)
        box.setSuffix(self.tr(" 毫秒"))
        box.setValue(value)
        return box

    @staticmethod
    def _combo(items: Sequence[tuple[str, str]], current: str) -> QComboBox:
        """A drop-down of (shown text, setting value) with ``current`` selected (else the first)."""
        combo = QComboBox()
        for text, value in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        return combo

    def _dir_row(self, form: QFormLayout, label: str, value: str) -> QLineEdit:
        line = QLineEdit(value)
        line.setPlaceholderText(self.tr("默认位置"))
        browse = QPushButton(self.tr("浏览…"))

        def pick() -> None:
            chosen = QFileDialog.getExistingDirectory(self, label, line.text())
            if chosen:
                line.setText(chosen)

        browse.clicked.connect(pick)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(line, 1)
        row_layout.addWidget(browse)
        form.addRow(label, row)
        return line

    # ---- hotkeys -------------------------------------------------------------------------

    def hotkeys_in_use(self) -> dict[str, str]:
        """Canonical hotkey -> owner, the hotkey's name (``palette``, ``timer:waiting``,
        ``snippet:<id>``…) as the platform layer and ui/messages.py know it."""
        used: dict[str, str] = {}
        merged: dict[str, str] = {**self._pack_hotkeys, **self._overrides}
        for sid, combo in merged.items():
            if not combo:
                continue
            try:
                used[str(parse_hotkey(combo))] = snippet_hotkey(sid)
            except HotkeyError:
                continue  # the pack linter reports a bad pack hotkey
        for owner, edit in self._app_hotkeys().items():
            if edit.value:
                used[edit.value] = owner
        return used

    def _app_hotkeys(self) -> dict[str, HotkeyEdit]:
        return {
            PALETTE: self.palette_hotkey,
            TIMER_WAITING: self.waiting_hotkey,
            TIMER_REPLIED: self.replied_hotkey,
        }

    def check_hotkey(self, text: str, owner: str | None) -> str | None:
        """None if ``text`` may be used by ``owner``, else the refusal message."""
        if owner is None:
            return self.tr("请先在列表中选择一条话术")
        try:
            hotkey = parse_hotkey(text)
        except HotkeyError as err:
            return self.tr("无法识别的快捷键：%1").replace("%1", str(err))
        if not hotkey.is_global_safe:
            return self.tr("%1 会影响正常打字：请加上 Ctrl 或 Alt").replace("%1", hotkey.display())
        holder = self.hotkeys_in_use().get(str(hotkey))
        if holder is not None and holder != owner:
            return (
                self.tr("%1 已被「%2」使用")
                .replace("%1", hotkey.display())
                .replace("%2", hotkey_label(holder, self._by_id.get))
            )
        app_edit = self._app_hotkeys().get(owner)
        if app_edit is not None:
            current = app_edit.value
        else:
            current = self._current_hotkey(snippet_of(owner) or owner)
        if self._probe is not None and str(hotkey) != current:
            taken = self._probe(str(hotkey))
            if taken is not None:
                return self._describe_problem(taken, owner)
        return None

    def _describe_problem(self, problem: Problem, owner: str) -> str:
        """The backend's problem in the UI language, naming the hotkey being edited (the
        probe grabbed it under a name of its own)."""
        args = tuple((k, owner if k == "name" else v) for k, v in problem.args)
        return describe(replace(problem, args=args), self._by_id.get)

    def _current_hotkey(self, sid: str) -> str:
        combo = self._overrides.get(sid, self._pack_hotkeys.get(sid) or "")
        try:
            return str(parse_hotkey(combo)) if combo else ""
        except HotkeyError:
            return ""

    def _row_id(self) -> str | None:
        item = self.snippet_table.item(self.snippet_table.currentRow(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _row_owner(self) -> str | None:
        sid = self._row_id()
        return None if sid is None else snippet_hotkey(sid)

    def _fill_table(self, text: str) -> None:
        needle = text.strip().casefold()
        rows = [
            s
            for s in self._snippets
            if not needle or needle in s.code.casefold() or needle in s.title.casefold()
        ]
        # Snippets that already have a hotkey first: that is what people come here to change.
        rows.sort(key=lambda s: not self._current_hotkey(s.id))
        rows = rows[:SNIPPET_ROWS_SHOWN]
        self.snippet_table.setRowCount(len(rows))
        for row, snippet in enumerate(rows):
            name = QTableWidgetItem(f"{snippet.code}  {snippet.title}".strip())
            name.setData(Qt.ItemDataRole.UserRole, snippet.id)
            self.snippet_table.setItem(row, 0, name)
            combo = self._current_hotkey(snippet.id)
            shown = parse_hotkey(combo).display() if combo else ""
            self.snippet_table.setItem(row, 1, QTableWidgetItem(shown))

    def _on_row(self, row: int, *_: int) -> None:
        sid = self._row_id()
        self.snippet_hotkey.set_value(self._current_hotkey(sid) if sid else "")

    def _on_snippet_hotkey(self, value: str) -> None:
        sid = self._row_id()
        if sid is None:
            return
        self._overrides[sid] = value
        row = self.snippet_table.currentRow()
        shown = parse_hotkey(value).display() if value else ""
        self.snippet_table.setItem(row, 1, QTableWidgetItem(shown))

    # ---- result --------------------------------------------------------------------------

    def result_autostart(self) -> bool | None:
        """Whether the app should start at login, or None when the option is not offered."""
        return self.autostart.isChecked() if self._offers_autostart else None

    def result_settings(self) -> Settings:
        overrides: Mapping[str, str] = {
            sid: combo
            for sid, combo in self._overrides.items()
            if combo != (self._pack_hotkeys.get(sid) or "") or sid in self._settings.snippet_hotkeys
        }
        return replace(
            self._settings,
            palette_hotkey=self.palette_hotkey.value or self._settings.palette_hotkey,
            waiting_hotkey=self.waiting_hotkey.value,
            replied_hotkey=self.replied_hotkey.value,
            snippet_hotkeys=dict(overrides),
            pre_paste_ms=self.pre_paste.value(),
            restore_ms=self.restore.value(),
            paste_shortcut=str(self.paste_shortcut.currentData()),
            paste_backend=str(self.paste_backend.currentData()),
            timer_sound=self.timer_sound.isChecked(),
            timers=self.timers_box.result(),
            language=str(self.language.currentData()),
            theme=str(self.theme.currentData()),
            team_dir=self.team_dir.text().strip(),
            personal_dir=self.personal_dir.text().strip(),
            team_sync_minutes=self.team_minutes.value(),
            **self.share_box.values(),
        )

    def team_join(self) -> tuple[str, str]:
        """The team address and join code as entered (empty: not joined)."""
        return self.team_source.text().strip(), self.team_code.text().strip()

    def accept(self) -> None:
        """A join code that is damaged or a code without an address stays open, saying why."""
        from quickreply.core.team.errors import TeamError
        from quickreply.core.team.keys import parse_join_code

        source, code = self.team_join()
        error = ""
        if code or source:
            if not (code and source):
                error = self.tr("团队地址和加入码都要填写（或都留空）。")
            else:
                try:
                    parse_join_code(code)
                except TeamError:
                    error = self.tr("加入码不完整或有误：请从组长那里重新复制整段加入码。")
        self.team_error.setText(error)
        self.team_error.setVisible(bool(error))
        if not error:
            super().accept()
