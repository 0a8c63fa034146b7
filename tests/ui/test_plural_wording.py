"""Counts are worded with the language's plural forms: "1 error", "2 errors", never "1 error(s)"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quickreply.core.problems import Problem, Severity
from quickreply.ui.editor import SnippetEditor
from tests.ui.test_editor import SNIPPET
from tests.ui.translated import translated

pytestmark = pytest.mark.gui


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication, tmp_path: Path) -> Iterator[str]:
    with translated(qapp, str(request.param), tmp_path):
        yield str(request.param)


def problems(errors: int, warnings: int) -> list[Problem]:
    return [Problem("p", 1, "code", "bad", "fix", Severity.ERROR)] * errors + [
        Problem("p", 1, "code", "odd", "look", Severity.WARNING)
    ] * warnings


WORDING = {
    "zh_CN": ("1 个错误", "2 个错误，1 个提醒", "3 个提醒"),
    "en": ("1 error", "2 errors, 1 warning", "3 warnings"),
    "zh_TW": ("1 個錯誤", "2 個錯誤，1 個提醒", "3 個提醒"),
}


@pytest.mark.parametrize("language", list(WORDING), indirect=True)
def test_the_editor_counts_problems_in_words(language: str, qtbot: QtBot) -> None:
    found: list[Problem] = []
    editor = SnippetEditor(checker=lambda _draft: list(found))
    qtbot.addWidget(editor)
    editor.load(SNIPPET, is_new=False)
    shown = []
    for errors, warnings in ((1, 0), (2, 1), (0, 3)):
        found[:] = problems(errors, warnings)
        editor.refresh()
        shown.append(editor.status_label.text())
    assert tuple(shown) == WORDING[language]
    assert not any("(s)" in text for text in shown)


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_a_refused_save_counts_errors_in_words(language: str, qtbot: QtBot) -> None:
    editor = SnippetEditor()
    qtbot.addWidget(editor)
    assert editor.errors_left(1).startswith("Not saved: 1 error left")
    assert editor.errors_left(2).startswith("Not saved: 2 errors left")
