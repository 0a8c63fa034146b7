"""The import dialog: a preview of every row before anything is written, merge or replace."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quickreply.core.model import Library, Pack, PackSource
from quickreply.core.packs import PackDir, load_library, save_pack
from quickreply.ui.i18n import install_translators
from quickreply.ui.importer import ImportDialog

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
CSV = (
    "快捷短语编码,快捷短语,快捷短语分组\n"
    "hy,亲，您好，在的~,售前\n"
    "kd,亲，我们默认发中通快递，偏远地区需补运费,物流\n"
    "th,亲，退货请在订单页申请售后,售后\n"
    "bad,亲,多了,一列,售后\n"
    'f1,"=HYPERLINK(""http://x"",""点我"")",售前\n'
)
PERSONAL = """\
pack:
  id: personal.imported
  name: imported
snippets:
  - id: imported.hy
    title: 旧欢迎语
    code: hy
    group: 售前
    text: 亲，在的
  - id: imported.old
    title: 旧话术
    code: jh
    text: 这是旧的一句
"""


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Library, Path]:
    monkeypatch.chdir(tmp_path)  # paths show as people see them: 千牛快捷短语.csv
    source = tmp_path / "千牛快捷短语.csv"
    source.write_bytes(CSV.encode("gbk"))
    personal = tmp_path / "personal"
    personal.mkdir()
    (personal / "imported.yaml").write_text(PERSONAL, encoding="utf-8")
    library = load_library([PackDir(personal, PackSource.PERSONAL)])
    return source, library, personal


def cells(dialog: ImportDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_preview_lists_every_row_and_writes_nothing_until_import(
    qtbot: QtBot, setup: tuple[Path, Library, Path]
) -> None:
    source, library, personal = setup
    saved: list[Path] = []
    dialog = ImportDialog(source, library, personal, lambda p, path: saved.append(path))
    qtbot.addWidget(dialog)
    rows = cells(dialog)
    assert [r[0] for r in rows] == ["更新", "新增", "新增", "跳过", "跳过"]
    assert rows[0][2:5] == ["hy", "亲，您好，在的~", "售前"]
    assert rows[3][1] == "5" and rows[3][5].startswith("row has 5 cells, the header has 3")
    assert "formula" in rows[4][5]
    assert "2 条新增，1 条更新，2 条跳过，0 条不变" in dialog.summary_label.text()
    assert saved == []
    assert dialog.import_button.isEnabled()


def test_replace_shows_what_it_removes_and_import_writes_the_pack(
    qtbot: QtBot, setup: tuple[Path, Library, Path]
) -> None:
    source, library, personal = setup
    written: list[Pack] = []
    dialog = ImportDialog(source, library, personal, save_pack)
    qtbot.addWidget(dialog)
    dialog.imported.connect(written.append)
    dialog.replace_radio.setChecked(True)
    rows = cells(dialog)
    assert rows[-1][0] == "删除" and rows[-1][2] == "jh"
    assert dialog.run_import()
    (pack,) = written
    assert sorted(s.code for s in pack.snippets) == ["hy", "kd", "th"]
    text = (personal / "imported.yaml").read_text(encoding="utf-8")
    assert "这是旧的一句" not in text
    assert "这是旧的一句" in (personal / "imported.yaml.bak").read_text(encoding="utf-8")


def test_an_unreadable_file_shows_its_line_and_cannot_be_imported(
    qtbot: QtBot, tmp_path: Path
) -> None:
    source = tmp_path / "orders.csv"
    source.write_text("订单号,金额\n1,2\n", encoding="utf-8")
    dialog = ImportDialog(source, Library(), tmp_path, save_pack)
    qtbot.addWidget(dialog)
    assert "no column for the reply text: found headers 订单号, 金额" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.table.rowCount() == 0


@pytest.fixture
def translations(tmp_path: Path) -> Path:
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    lrelease = str(tool) if tool.exists() else shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease not found")
    for ts in (ROOT / "resources" / "translations").glob("*.ts"):
        qm = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return tmp_path


@pytest.fixture
def english(qapp: QApplication, translations: Path) -> Iterator[None]:
    installed: list[QTranslator] = install_translators(qapp, "en", translations)
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def render_preview(path: Path, setup: tuple[Path, Library, Path]) -> QImage:
    """The dialog as a PNG (docs/img/import-preview.png is made with this)."""
    source, library, personal = setup
    dialog = ImportDialog(source, library, personal, save_pack)
    dialog.resize(860, 420)
    image = dialog.grab().toImage()
    assert image.save(str(path))
    dialog.deleteLater()
    return image


def test_preview_screenshot_in_chinese(
    qtbot: QtBot, tmp_path: Path, setup: tuple[Path, Library, Path]
) -> None:
    out = Path(os.environ.get("QUICKREPLY_IMPORT_PNG", tmp_path / "import-zh.png"))
    image = render_preview(out, setup)
    assert image.width() >= 800 and out.stat().st_size > 10_000


def test_preview_in_english(
    qtbot: QtBot, tmp_path: Path, setup: tuple[Path, Library, Path], english: None
) -> None:
    source, library, personal = setup
    dialog = ImportDialog(source, library, personal, save_pack)
    qtbot.addWidget(dialog)
    assert [r[0] for r in cells(dialog)][:2] == ["Updated", "New"]
    assert dialog.merge_radio.text().startswith("Merge")
    render_preview(Path(os.environ.get("QUICKREPLY_IMPORT_PNG_EN", tmp_path / "en.png")), setup)


def test_library_window_import_adds_the_pack_to_the_window(
    qtbot: QtBot, setup: tuple[Path, Library, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from quickreply.ui import importer
    from quickreply.ui.library import LibraryWindow

    source, library, personal = setup
    window = LibraryWindow(library, save=save_pack, personal_dir=personal)
    qtbot.addWidget(window)
    monkeypatch.setattr(importer, "choose_import_file", lambda parent: source)
    monkeypatch.setattr(ImportDialog, "exec", lambda self: int(self.run_import()))
    window.import_button.click()
    codes = {s.code for s in window.library.snippets()}
    assert {"hy", "kd", "th", "jh"} <= codes
    assert window.export_button.text() == "导出…"
