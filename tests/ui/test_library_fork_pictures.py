"""存一份到个人包改 of an image reply (issue 17): the picture is copied into the personal pack's
folder under a name of its own, so the copy still pastes it after the read-only pack changes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from quickreply.core.render import Renderer
from tests.pngs import png
from tests.ui.test_library import load, make_window

pytestmark = pytest.mark.gui

TEAM_PACK = """\
pack: {id: team.presale, name: 售前接待}
snippets:
  - id: size.chart
    title: 尺码表
    code: cmb
    image: images/尺码表.png
    text: 亲，尺码表请看上图~
    note: 要尺码表时
    examples: [有尺码表吗]
  - id: size.macro
    title: 尺码表两步
    code: cmbh
    steps:
      - paste: 亲，稍等~
      - image: images/尺码表.png
    note: 两步
    examples: [尺码]
"""


def renderer() -> Renderer:
    return Renderer(None, lambda: datetime(2024, 5, 6, 10))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "team" / "images").mkdir(parents=True)
    (tmp_path / "team" / "presale.yaml").write_text(TEAM_PACK, encoding="utf-8")
    (tmp_path / "team" / "images" / "尺码表.png").write_bytes(png())
    return tmp_path


def fork(qtbot: QtBot, root: Path, sid: str) -> None:
    window = make_window(qtbot, load(root), personal_dir=root / "personal", renderer=renderer())
    window.select_snippet(sid)
    assert window.copy_to_personal()
    assert window.save_draft()


def test_a_forked_image_reply_still_pastes_its_picture(qtbot: QtBot, root: Path) -> None:
    personal = root / "personal"
    (personal / "images").mkdir(parents=True)
    (personal / "images" / "尺码表.png").write_bytes(png(20, 10))  # the agent's own, kept
    fork(qtbot, root, "size.chart")
    (root / "team" / "images" / "尺码表.png").unlink()  # the next team version drops it
    copy = load(root).get("my.size.chart")
    assert copy is not None and copy.image == "images/尺码表-2.png"
    assert renderer().image(copy).data == png()
    assert (personal / "images" / "尺码表.png").read_bytes() == png(20, 10)


def test_forking_twice_reuses_the_copied_picture_and_macros_carry_theirs(
    qtbot: QtBot, root: Path
) -> None:
    fork(qtbot, root, "size.chart")
    fork(qtbot, root, "size.macro")
    library = load(root)
    chart, macro = library.get("my.size.chart"), library.get("my.size.macro")
    assert chart is not None and macro is not None
    assert chart.image == "images/尺码表.png"
    assert [s.text for s in macro.steps if s.kind == "image"] == ["images/尺码表.png"]
    assert sorted(p.name for p in (root / "personal" / "images").iterdir()) == ["尺码表.png"]
    assert renderer().image(macro, "images/尺码表.png").data == png()
