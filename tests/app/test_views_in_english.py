"""Every view rendered in English shows no Chinese but the data: replies, groups, names.

A label whose ``tr()`` never reached the .ts files (``self.tr()`` inside an f-string, which
lupdate cannot see) stays Simplified Chinese in en and zh_TW; this walks each view's widgets
and fails on any Han character that is not part of the library, the shop or the sample data.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTranslator
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from quickreply.app.services import Services, build_services
from quickreply.app.views import RESOURCES, SAMPLE_BUYERS, VIEW_BUILDERS
from quickreply.core.paths import AppPaths
from quickreply.ui.editor import preview

pytestmark = pytest.mark.gui

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Shown in Chinese on purpose: the timer panel's sample buyers (views.SAMPLE_BUYERS), and each
# language named in its own script in the language setting.
SAMPLE_DATA = (*(name for name, _ in SAMPLE_BUYERS), "简体中文", "繁體中文")


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The en translator built fresh from the .ts (a stale .qm must not hide a missing one)."""
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    lrelease = str(tool) if tool.exists() else shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease not found")
    qm = tmp_path_factory.mktemp("qm") / "en.qm"
    ts = RESOURCES / "translations" / "quickreply_en.ts"
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    app = QApplication.instance() or QApplication([])
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
    del app


def data_strings(services: Services) -> list[str]:
    """What the library and shop put on screen, longest first so a title is removed before a
    word inside it."""
    found: set[str] = set(SAMPLE_DATA)
    for pack in services.library.packs:
        found.add(pack.meta.name)
        for s in pack.snippets:
            found.update((s.title, s.code, s.note, *s.tags, *s.examples, *s.variants))
            parts = s.group.split("/")
            found.update("/".join(parts[: i + 1]) for i in range(len(parts)))
            found.update(parts)
            found.update(f.label for f in s.fields)
            found.update(f.default or "" for f in s.fields)
            found.update(c for f in s.fields for c in f.choices)
            found.update(step.text for step in s.steps)
            for i in range(len(s.variants)):
                with contextlib.suppress(Exception):
                    found.add(preview(services.renderer, s, i))
            with contextlib.suppress(Exception):
                found.add(preview(services.renderer, s))
    found.update(exam_strings())
    shop = services.shop
    if shop is not None:  # the shop profile's name and agent id are data too
        found.update(str(getattr(shop, key, "") or "") for key in ("name", "agent_id"))
    lines = {line.strip() for text in found for line in text.splitlines()}
    return sorted((t for t in found | lines if t), key=len, reverse=True)


def exam_strings() -> set[str]:
    """Every text in the shipped exams (titles, questions): data the training views show."""
    import yaml

    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in (RESOURCES.parent / "snippets").rglob("*.exam.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(widget class, text) for everything a person can read in ``root``."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = type(w).__name__
        if w.isWindow():
            yield name, w.windowTitle()
        if isinstance(w, QLabel):
            doc = QTextDocument()
            doc.setHtml(w.text())
            yield name, doc.toPlainText() if "<" in w.text() else w.text()
        elif isinstance(w, QAbstractButton):
            yield name, w.text()
        elif isinstance(w, QLineEdit):
            yield name, w.placeholderText()
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            yield name, w.toPlainText()
            yield name, w.placeholderText()
        elif isinstance(w, QComboBox):
            yield name, "\n".join(w.itemText(i) for i in range(w.count()))
        if isinstance(w, QGroupBox):
            yield name, w.title()
        if isinstance(w, QTabWidget):
            yield name, "\n".join(w.tabText(i) for i in range(w.count()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model keeps columnCount private: it has one
                columns = 1
            for column in range(columns):
                yield name, str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            for row in range(min(model.rowCount(QModelIndex()), 200)):
                for column in range(columns):
                    yield name, str(model.index(row, column).data() or "")


def chinese_left(text: str, data: list[str]) -> str:
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    return "".join(HAN.findall(text))


@pytest.mark.parametrize("view", sorted(VIEW_BUILDERS))
def test_each_view_in_english_shows_no_chinese_but_data(english: None, view: str) -> None:
    services = build_services(AppPaths.from_env())
    widget = VIEW_BUILDERS[view](services)
    widget.show()
    QApplication.processEvents()
    data = data_strings(services)
    found = [(name, text) for name, text in texts(widget) if text and chinese_left(text, data)]
    widget.close()
    assert found == [], f"{view}: untranslated text in en"


def test_the_editor_in_english_shows_no_chinese_but_data(english: None) -> None:
    from quickreply.app.views import make_library_view

    services = build_services(AppPaths.from_env())
    window = make_library_view(services)
    window.show()
    assert window.select_snippet(services.library.packs[0].snippets[0].id)
    assert window.copy_to_personal()  # the editor on a copy of a shipped reply
    window.editor.refresh()
    QApplication.processEvents()
    data = data_strings(services)
    found = [(n, t) for n, t in texts(window.editor) if t and chinese_left(t, data)]
    window.hide()  # close() would ask whether to drop the unsaved copy
    assert found == [], "editor: untranslated text in en"


def test_the_editors_lint_and_advertising_law_lines_in_english(english: None) -> None:
    from quickreply.app.views import make_library_view

    services = build_services(AppPaths.from_env())
    window = make_library_view(services)
    window.show()
    assert window.new_snippet()
    typed = "亲，这是全网最好的价格，销量第一哦~ 订单{{ order_no }}"
    window.editor.title_edit.setText("Sale")
    window.editor.text_edit.setPlainText(typed)
    window.editor.refresh()
    QApplication.processEvents()
    editor = window.editor
    lines = [editor.problem_list.item(i).text() for i in range(editor.problem_list.count())]
    assert any("order_no" in line for line in lines)
    # Error: / Warning: with an English colon, not the Chinese one glued to the word.
    assert lines and all(line.startswith(("Error: ", "Warning: ")) for line in lines), lines
    assert sum("Advertising Law" in line for line in lines) == 2  # 最 and 第一
    shown = [*lines, editor.preview.toPlainText(), editor.declare_label.text()]
    # Only the typed text's own characters may be Chinese; no file:line form in the editor.
    assert [line for line in shown if not set(HAN.findall(line)) <= set(typed)] == []
    assert not any("docs/" in line or ".yaml:" in line for line in shown)
    window.hide()
