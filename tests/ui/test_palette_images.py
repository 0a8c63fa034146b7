"""Image replies in the palette (issue 17): the row says 图, the preview shows a thumbnail of the
picture, Enter hands the picture and the text to the paster, and a missing picture pastes
nothing and says so. Also the DIB Qt builds for the Windows clipboard."""

from __future__ import annotations

import struct
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from quickreply.core.model import PackSource, Snippet
from quickreply.core.packs import load_pack
from quickreply.core.render import Renderer
from quickreply.ui.imageclip import packed_dib
from quickreply.ui.palette import PaletteWindow
from tests.pngs import jpeg_of, png, quadrants

pytestmark = pytest.mark.gui

PACK = """\
pack: {id: t.images, name: 图片}
snippets:
  - id: size.chart
    title: 尺码表
    code: cmb
    image: images/尺码表.png
    text: 亲，尺码表请看上图~
  - id: size.macro
    title: 尺码表两步
    code: cmbh
    steps:
      - paste: 亲，稍等~
      - image: images/尺码表.png
  - id: plain
    title: 欢迎语
    code: hy
    text: 亲，在的~
"""


@dataclass
class Hit:
    snippet: Snippet


@dataclass
class Search:
    snippets: list[Snippet]

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        return [Hit(s) for s in self.snippets if query.strip() in s.code][:limit]


@dataclass
class Paster:
    pastes: list[tuple[str, bool, bytes]] = field(default_factory=list)
    macros: list[str] = field(default_factory=list)

    def paste(self, text: str, send: bool = False, image: bytes = b"") -> None:
        self.pastes.append((text, send, image))

    def paste_steps(self, snippet: Snippet, values: Mapping[str, str], send: bool = False) -> None:
        self.macros.append(snippet.id)


def palette(
    qtbot: QtBot, tmp_path: Path, *, with_image: bool = True
) -> tuple[PaletteWindow, Paster]:
    folder = tmp_path / "packs"
    (folder / "images").mkdir(parents=True)
    (folder / "a.yaml").write_text(textwrap.dedent(PACK), encoding="utf-8")
    if with_image:
        (folder / "images" / "尺码表.png").write_bytes(png())
    pack, problems = load_pack(folder / "a.yaml", PackSource.PERSONAL)
    assert pack is not None and problems == []
    paster = Paster()
    window = PaletteWindow(
        Search(list(pack.snippets)), Renderer(None, lambda: datetime(2024, 5, 6, 10)), paster=paster
    )
    qtbot.addWidget(window)
    return window, paster


def row_marks(window: PaletteWindow) -> dict[str, str]:
    items = (window.results.topLevelItem(i) for i in range(window.results.topLevelItemCount()))
    return {item.text(1): item.text(4) for item in items if item is not None}


def test_rows_with_a_picture_say_图_and_others_do_not(qtbot: QtBot, tmp_path: Path) -> None:
    window, _ = palette(qtbot, tmp_path)
    window.search_box.setText("")
    marks = row_marks(window)
    assert marks["cmb"] == "图"
    assert marks["cmbh"].startswith("图 · 宏")
    assert marks["hy"] == ""


def test_the_preview_shows_a_thumbnail_of_the_picture_and_says_it_goes_first(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, _ = palette(qtbot, tmp_path)
    window.show()
    window.search_box.setText("cmb")
    thumb = window.preview_image
    assert thumb.isVisible()
    pixmap = thumb.pixmap()
    assert (pixmap.width(), pixmap.height()) == (128, 96)  # 40×30 scaled into 160×96
    shown = pixmap.toImage().pixelColor(20, 70).getRgb()[:3]  # the lower left quarter
    assert all(abs(a - b) <= 8 for a, b in zip(shown, quadrants(6, 22)[:3], strict=True))
    assert thumb.toolTip() == "images/尺码表.png"
    assert window.preview_note.text() == "先粘贴图片，再粘贴文字"
    assert window.preview.toPlainText() == "亲，尺码表请看上图~"
    window.search_box.setText("hy")
    assert not thumb.isVisible()


def test_enter_hands_the_picture_and_the_text_to_the_paster(qtbot: QtBot, tmp_path: Path) -> None:
    window, paster = palette(qtbot, tmp_path)
    window.search_box.setText("cmb")
    assert window.accept(send=True)
    assert paster.pastes == [("亲，尺码表请看上图~", True, png())]
    window.search_box.setText("hy")
    assert window.accept()
    assert paster.pastes[-1] == ("亲，在的~", False, b"")


def test_a_missing_picture_pastes_nothing_and_tells_the_agent(qtbot: QtBot, tmp_path: Path) -> None:
    window, paster = palette(qtbot, tmp_path, with_image=False)
    window.search_box.setText("cmb")
    assert not window.accept()
    assert paster.pastes == []
    assert "找不到图片 images/尺码表.png：" in window.footer.text()  # issue 17: the agent's words
    assert "image 'images/尺码表.png' not found" in window.footer.toolTip()
    assert not window.preview_image.isVisible()


def test_the_dib_is_bottom_up_bgr_with_transparency_over_white() -> None:
    def pixel(x: int, y: int) -> tuple[int, int, int, int]:
        return (255, 0, 0, 255) if y == 0 else (0, 0, 255, 0)  # red top row, transparent rest

    dib = packed_dib(png(3, 2, pixel))
    assert dib is not None
    size, width, height, planes, bits, compression, image_size = struct.unpack("<IiiHHII", dib[:24])
    assert (size, width, height, planes, bits, compression, image_size) == (40, 3, 2, 1, 32, 0, 24)
    rows = dib[40:]
    assert rows[:12] == b"\xff\xff\xff\xff" * 3  # the bottom row first: transparent → white
    assert rows[12:] == b"\x00\x00\xff\xff" * 3  # then the top row: red as B, G, R, X
    assert packed_dib(b"not an image") is None
    assert not QImage.fromData(png()).isNull()


def test_a_jpeg_becomes_a_png_of_the_same_pixels_for_x11(qapp: object) -> None:
    from quickreply.ui.imageclip import as_png

    jpeg = jpeg_of(png())
    converted = as_png(jpeg)
    assert converted is not None and converted.startswith(b"\x89PNG\r\n\x1a\n")
    decoded = QImage.fromData(jpeg).convertToFormat(QImage.Format.Format_ARGB32)
    assert QImage.fromData(converted).convertToFormat(QImage.Format.Format_ARGB32) == decoded
    assert as_png(b"not an image") is None


def test_pasting_the_same_picture_again_converts_it_once(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quickreply.ui import imageclip

    decoded: list[bytes] = []
    real = imageclip.decoded

    def counting(data: bytes) -> QImage | None:
        decoded.append(data)
        return real(data)

    monkeypatch.setattr(imageclip, "decoded", counting)
    dib, as_png = imageclip.converters()
    jpeg, chart = jpeg_of(png()), png(3, 2)
    first = as_png(jpeg)
    assert first is not None and as_png(bytes(jpeg)) == first  # the same file read again
    assert dib(chart) == dib(bytes(chart)) is not None
    assert len(decoded) == 2  # one conversion each
    assert as_png(jpeg_of(png(3, 2))) is not None
    assert len(decoded) == 3  # another picture is converted
