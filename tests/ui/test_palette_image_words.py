"""A reply whose picture cannot be pasted is explained to the agent in the UI language (issue
17): one short sentence per image problem in the palette footer, the file and line (for the
lead) only in the tooltip; in English no Chinese is left but the picture's own name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from quickreply.core.images import CODES
from quickreply.core.problems import Problem
from quickreply.ui.messages import TEMPLATES, describe
from quickreply.ui.palette import PaletteWindow
from tests.app.test_views_in_english import HAN, english  # noqa: F401
from tests.pngs import png
from tests.ui.test_palette_images import palette

pytestmark = pytest.mark.gui

CHART = "images/尺码表.png"


def footer_for(qtbot: QtBot, tmp_path: Path, picture: bytes | None) -> PaletteWindow:
    window, paster = palette(qtbot, tmp_path, with_image=False)
    if picture is not None:
        (tmp_path / "packs" / CHART).write_bytes(picture)
    window.search_box.setText("cmb")
    assert not window.accept() and paster.pastes == []
    return window


def said(window: PaletteWindow) -> str:
    """The footer's problem line (the key hints follow on the next line)."""
    return window.footer.text().splitlines()[0]


def test_a_missing_picture_is_one_chinese_sentence_and_the_file_is_in_the_tooltip(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = footer_for(qtbot, tmp_path, None)
    assert said(window) == f"找不到图片 {CHART}：请把图片放回话术包的文件夹，或告诉组长。"
    assert f"a.yaml:6: snippet 'size.chart': image '{CHART}' not found" in window.footer.toolTip()


@pytest.mark.parametrize(
    ("picture", "words"),
    [
        (b"GIF89a" + bytes(40), f"图片 {CHART} 不是 PNG 或 JPEG 文件：请把它另存为 PNG，"
                                "或告诉组长。"),
        (png()[:40], f"图片 {CHART} 已损坏：请重新保存这张图片，或告诉组长。"),
        (png(9000, 1), f"图片 {CHART} 有 9000×1 像素，每边最多 8192：请把图片缩小，或告诉组长。"),
    ],
)  # fmt: skip
def test_a_bad_picture_says_what_is_wrong_with_it(
    qtbot: QtBot, tmp_path: Path, picture: bytes, words: str
) -> None:
    assert said(footer_for(qtbot, tmp_path, picture)) == words


def test_a_link_out_of_the_pack_folder_is_said_too(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "elsewhere.png").write_bytes(png())
    window, _paster = palette(qtbot, tmp_path, with_image=False)
    os.symlink(tmp_path / "elsewhere.png", tmp_path / "packs" / CHART)
    window.search_box.setText("cmb")
    assert said(window).startswith(f"图片 {CHART} 不在话术包的文件夹里：")


def problems() -> list[Problem]:
    args = {"image": CHART, "limit": "2", "width": "9000", "height": "1"}
    return [
        Problem("a.yaml", 6, "", "english", "hint", code=code, args=tuple(args.items()))
        for code in CODES
    ]


def test_every_image_problem_has_words_for_agents() -> None:
    assert [code for code in CODES if code not in TEMPLATES] == []


@pytest.mark.usefixtures("english")
def test_in_english_no_chinese_is_left_but_the_pictures_name(qtbot: QtBot, tmp_path: Path) -> None:
    for problem in problems():
        text = describe(problem)
        assert not HAN.search(text.replace(CHART, "")), text
    window = footer_for(qtbot, tmp_path, None)
    assert said(window) == (
        f"picture {CHART} not found (put the picture back in the pack's folder, or tell your"
        " team lead)"
    )
