"""The import dialog: preview what a phrase file would change in a personal pack, then write it.

The library window's 导入… opens a file, this dialog reads it (core/importers) and shows a table
of every row: new, updated, unchanged or skipped (with the reason and row). Nothing is written
until 导入 is pressed; merge (合并式) or replace (替换式) work as in Qianniu's own importer. A
file that cannot be read at all shows its one line in red and 导入 stays disabled. 导出…
(:func:`export_library`) writes a Qianniu CSV or .xlsx rendered with the shop profile.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quickreply.core.editing import write_pack
from quickreply.core.exporters.rows import RowRenderer
from quickreply.core.importers import ImportFailed, Source, read_source
from quickreply.core.importers.plan import DEFAULT_PACK, Change, ImportResult, plan_import
from quickreply.core.model import Library, Pack
from quickreply.core.problems import Problem
from quickreply.core.yamlread import display_path

SaveFn = Callable[[Pack, Path], None]

_FORMATS = ("auto", "qianniu", "xlsx", "table", "espanso", "textexpander", "beeftext")
_COLORS = {
    Change.NEW: "#1b7f3b",
    Change.UPDATED: "#1f5fbf",
    Change.UNCHANGED: "#777777",
    Change.SKIPPED: "#b00020",
    Change.REMOVED: "#b00020",
}


def format_label(name: str) -> str:
    labels = {
        "auto": QCoreApplication.translate("ImportDialog", "自动识别"),
        "qianniu": QCoreApplication.translate("ImportDialog", "千牛/旺旺 CSV"),
        "xlsx": QCoreApplication.translate("ImportDialog", "Excel (.xlsx)"),
        "table": QCoreApplication.translate("ImportDialog", "其他表格（按表头）"),
        "espanso": "espanso",
        "textexpander": "TextExpander CSV",
        "beeftext": "Beeftext JSON",
    }
    return labels[name]


def change_label(change: Change) -> str:
    labels = {
        Change.NEW: QCoreApplication.translate("ImportDialog", "新增"),
        Change.UPDATED: QCoreApplication.translate("ImportDialog", "更新"),
        Change.UNCHANGED: QCoreApplication.translate("ImportDialog", "不变"),
        Change.SKIPPED: QCoreApplication.translate("ImportDialog", "跳过"),
        Change.REMOVED: QCoreApplication.translate("ImportDialog", "删除"),
    }
    return labels[change]


class ImportDialog(QDialog):
    """Preview and run one import into a personal pack.

    Args:
        path: the file to import.
        library: the library now (finds the target pack and codes already taken).
        personal_dir: where a new personal pack goes.
        save: ``save(pack, path)``, atomic with a ``.bak`` (``core.packs.save_pack``).

    Signals:
        imported(object): the written :class:`~quickreply.core.model.Pack`.
    """

    imported = Signal(object)

    def __init__(
        self,
        path: Path,
        library: Library,
        personal_dir: Path,
        save: SaveFn,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入话术 - 快捷回复助手"))
        self.resize(900, 560)
        self._path = path
        self._library = library
        self._personal_dir = personal_dir
        self._save = save
        self._source: Source | None = None
        self.plan: ImportResult | None = None

        self.file_label = QLabel(display_path(path))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.format_box = QComboBox()
        for name in _FORMATS:
            self.format_box.addItem(format_label(name), name)
        self.into_edit = QLineEdit(DEFAULT_PACK)
        self.prefix_edit = QLineEdit()
        self.prefix_edit.setPlaceholderText(self.tr("例如：千牛"))
        self.merge_radio = QRadioButton(self.tr("合并式：新增并更新同编码的话术，保留其他"))
        self.replace_radio = QRadioButton(self.tr("替换式：个人包只保留文件中的话术"))
        self.merge_radio.setChecked(True)
        self._mode = QButtonGroup(self)
        self._mode.addButton(self.merge_radio)
        self._mode.addButton(self.replace_radio)
        modes = QHBoxLayout()
        modes.addWidget(self.merge_radio)
        modes.addWidget(self.replace_radio)
        modes.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("文件"), self.file_label)
        form.addRow(self.tr("格式"), self.format_box)
        form.addRow(self.tr("导入到个人包"), self.into_edit)
        form.addRow(self.tr("分组前缀"), self.prefix_edit)
        form.addRow(self.tr("方式"), modes)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("变化"), self.tr("行"), self.tr("编码"), self.tr("标题"), self.tr("分组"),
             self.tr("内容 / 原因")]
        )  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet("color: #7a4100;")

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.buttons)

        self.format_box.currentIndexChanged.connect(self._reread)
        self.into_edit.editingFinished.connect(self.refresh)
        self.prefix_edit.editingFinished.connect(self.refresh)
        self.merge_radio.toggled.connect(self.refresh)
        self._reread()

    # -- reading and planning -----------------------------------------------------------------

    def _reread(self) -> None:
        self._source = None
        try:
            self._source = read_source(self._path, str(self.format_box.currentData()))
        except ImportFailed as failed:
            self._show_failure(failed.problem)
            return
        self.refresh()

    def refresh(self) -> None:
        """Plan the import again with the current options and show every row."""
        if self._source is None:
            return
        try:
            self.plan = plan_import(
                self._source,
                self._library,
                self._personal_dir,
                into=self.into_edit.text().strip() or DEFAULT_PACK,
                replace_all=self.replace_radio.isChecked(),
                group_prefix=self.prefix_edit.text().strip(),
            )
        except ImportFailed as failed:
            self._show_failure(failed.problem)
            return
        self._show(self.plan)

    def _show_failure(self, problem: Problem) -> None:
        self.plan = None
        self.table.setRowCount(0)
        self.summary_label.setStyleSheet("color: #b00020;")
        self.summary_label.setText(self.tr("无法导入：") + str(problem))
        self.notes_label.clear()
        self.import_button.setEnabled(False)

    def _show(self, result: ImportResult) -> None:
        summary = self.tr("%1 条新增，%2 条更新，%3 条跳过，%4 条不变 → %5")
        counts = (Change.NEW, Change.UPDATED, Change.SKIPPED, Change.UNCHANGED)
        for number, change in enumerate(counts, start=1):
            summary = summary.replace(f"%{number}", str(result.count(change)))
        if result.replace:
            summary += self.tr("（删除 %1 条）").replace("%1", str(result.count(Change.REMOVED)))
        self.summary_label.setStyleSheet("")
        self.summary_label.setText(summary.replace("%5", display_path(result.path)))
        self.table.setRowCount(len(result.rows))
        for index, row in enumerate(result.rows):
            detail = row.text.replace("\n", " ⏎ ")
            cells = (change_label(row.change), str(row.row), row.code, row.title, row.group, detail)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setForeground(QBrush(QColor(_COLORS[row.change])))
                self.table.setItem(index, column, item)
        self.notes_label.setText("\n".join(str(n) for n in result.notes[:5]))
        self.import_button.setEnabled(result.changed)

    # -- writing --------------------------------------------------------------------------------

    def run_import(self) -> bool:
        """Write the previewed pack (atomic, with a .bak); stay open with the reason on failure."""
        result = self.plan
        if result is None or not result.changed:
            return False
        try:
            write_pack(result.pack, self._save)
        except OSError as err:
            self.summary_label.setStyleSheet("color: #b00020;")
            self.summary_label.setText(
                self.tr("未导入：无法写入 %1（%2）")
                .replace("%1", str(result.path))
                .replace("%2", err.strerror or str(err))
            )
            return False
        self.imported.emit(result.pack)
        self.accept()
        return True


def choose_import_file(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "选择要导入的话术文件"),
        "",
        QCoreApplication.translate(
            "ImportDialog", "话术文件 (*.csv *.xlsx *.yml *.yaml *.json *.txt);;所有文件 (*)"
        ),
    )
    return Path(name) if name else None


def import_into(
    parent: QWidget,
    library: Library,
    personal_dir: Path | None,
    save: SaveFn | None,
    on_imported: Callable[[Pack], None],
) -> None:
    """导入…: choose a file, preview, write; ``on_imported(pack)`` after a write."""
    if personal_dir is None or save is None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("ImportDialog", "导入"),
            QCoreApplication.translate("ImportDialog", "没有可写入的个人包文件夹。"),
        )
        return
    path = choose_import_file(parent)
    if path is None:
        return
    dialog = ImportDialog(path, library, personal_dir, save, parent)
    dialog.imported.connect(on_imported)
    dialog.exec()


def export_library(
    parent: QWidget, library: Library, renderer: RowRenderer | None
) -> list[Problem] | None:
    """导出…: choose CSV or .xlsx, render with the shop, write; the lines are shown after."""
    from quickreply.core.exporters.qianniu import write_qianniu
    from quickreply.core.exporters.rows import export_rows
    from quickreply.core.exporters.xlsx import write_xlsx

    if renderer is None:
        return None
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "导出话术"),
        "快捷短语.csv",
        QCoreApplication.translate("ImportDialog", "千牛/旺旺 CSV (*.csv);;Excel (*.xlsx)"),
    )
    if not name:
        return None
    path = Path(name)
    rows, problems = export_rows(library.packs, renderer)
    try:
        if path.suffix.lower() == ".xlsx" or "xlsx" in chosen:
            write_xlsx(rows, path.with_suffix(".xlsx"))
        else:
            problems += write_qianniu(rows, path)
    except OSError as err:
        reason = QCoreApplication.translate("ImportDialog", "无法写入 %1（%2）")
        reason = reason.replace("%1", name).replace("%2", err.strerror or str(err))
        QMessageBox.warning(parent, QCoreApplication.translate("ImportDialog", "导出话术"), reason)
        return None
    text = (
        QCoreApplication.translate("ImportDialog", "已导出 %1 条到 %2。")
        .replace("%1", str(len(rows)))
        .replace("%2", name)
    )
    if problems:
        text += "\n\n" + "\n".join(str(p) for p in problems[:20])
    QMessageBox.information(parent, QCoreApplication.translate("ImportDialog", "导出话术"), text)
    return problems
