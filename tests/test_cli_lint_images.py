"""``quickreply lint`` on image replies: every way an ``image:`` can be wrong is one line
``path:line: snippet 'id': what is wrong (how to fix)`` and exit 1; a good PNG or JPEG is clean.
Each message is pinned here (issue 17, image replies)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quickreply.cli import main
from quickreply.core.model import PackSource
from quickreply.core.packs import load_pack
from tests.pngs import jpeg_header, png

PACK = """\
pack:
  id: t.images
  name: 图片
  version: 1
snippets:
  - id: size.chart
    title: 尺码表
    code: cmb
    image: {image}
    text: 亲，尺码表请看图~
    note: 买家问尺码时用
    examples: [有尺码表吗]
"""

MACRO = """\
pack:
  id: t.images
  name: 图片
  version: 1
snippets:
  - id: size.macro
    title: 尺码表两步
    code: cmbh
    steps:
      - {step}
      - paste: 亲，尺码表请看图~
    note: 买家问尺码时用
    examples: [有尺码表吗]
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("packs").mkdir()


def lint(
    capsys: pytest.CaptureFixture[str], image: str, template: str = PACK
) -> tuple[int, list[str]]:
    Path("packs/a.yaml").write_text(template.format(image=image, step=image), encoding="utf-8")
    code = main(["lint", "packs/"])
    return code, capsys.readouterr().out.splitlines()


def test_a_png_and_a_jpeg_next_to_the_pack_are_clean(capsys: pytest.CaptureFixture[str]) -> None:
    Path("packs/images").mkdir()
    Path("packs/images/尺码表.png").write_bytes(png())
    Path("packs/images/card.jpg").write_bytes(jpeg_header(640, 480))
    assert lint(capsys, "images/尺码表.png") == (0, ["packs: 1 snippet in 1 pack, no problems"])
    assert lint(capsys, "image: images/card.jpg", MACRO) == (
        0,
        ["packs: 1 snippet in 1 pack, no problems"],
    )


BAD_FILES = [
    (
        "missing.png",
        None,
        "image 'missing.png' not found (put the file in the pack's folder, or fix the path:"
        " it is relative to the pack file)",
    ),
    (
        "chart.gif",
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
        "image 'chart.gif' is a GIF file, not PNG or JPEG"
        " (save it as PNG or JPEG, e.g. 另存为 PNG in an image viewer)",
    ),
    (
        "chart.webp",
        b"RIFF\x00\x00\x00\x00WEBPVP8 ",
        "image 'chart.webp' is a WebP file, not PNG or JPEG"
        " (save it as PNG or JPEG, e.g. 另存为 PNG in an image viewer)",
    ),
    (
        "notes.png",
        "尺码表见详情页".encode(),
        "image 'notes.png' is not a PNG or JPEG file"
        " (save it as PNG or JPEG, e.g. 另存为 PNG in an image viewer)",
    ),
    (
        "header.png",
        png()[:20],
        "image 'header.png' is a damaged PNG file: its header cannot be read"
        " (save it as PNG or JPEG, e.g. 另存为 PNG in an image viewer)",
    ),
    (
        "cut.png",
        png()[:-20],
        "image 'cut.png' is a damaged PNG file: it is cut short (no end chunk)"
        " (save it as PNG or JPEG, e.g. 另存为 PNG in an image viewer)",
    ),
    (
        "empty.png",
        png(0, 0),
        "image 'empty.png' is a damaged PNG file: it says it is 0×0 pixels"
        " (save it as PNG or JPEG, e.g. 另存为 PNG in an image viewer)",
    ),
    (
        "cut.jpg",
        jpeg_header(640, 480)[:24],
        "image 'cut.jpg' is a damaged JPEG file: its size cannot be read"
        " (save it as PNG or JPEG, e.g. 另存为 PNG in an image viewer)",
    ),
    (
        "tall.jpg",
        jpeg_header(750, 9000),
        "image 'tall.jpg' is 750×9000 pixels, more than 8192 on a side"
        " (scale it down: chat windows show a few hundred pixels)",
    ),
    (
        "big.png",
        png() + b"\x00" * (3 * 1024 * 1024),
        "image 'big.png' is too big (3.0 MB, the limit is 2.0 MB)"
        " (chat platforms refuse big images: save it smaller (fewer pixels, or JPEG))",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_image_file_is_one_line_at_the_image_key(
    capsys: pytest.CaptureFixture[str], name: str, data: bytes | None, message: str
) -> None:
    if data is not None:
        Path("packs", name).write_bytes(data)
    code, out = lint(capsys, name)
    assert code == 1
    assert out[0] == f"packs/a.yaml:9: snippet 'size.chart': {message}"
    assert len([line for line in out if line.startswith("packs/a.yaml:")]) == 1


def test_a_folder_is_not_an_image(capsys: pytest.CaptureFixture[str]) -> None:
    Path("packs/images").mkdir()
    code, out = lint(capsys, "images")
    assert (code, out[0]) == (
        1,
        "packs/a.yaml:9: snippet 'size.chart': image 'images' is a folder, not a file"
        " (give an image file)",
    )


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="POSIX links")
def test_a_link_out_of_the_pack_folder_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    secret = tmp_path / "elsewhere.png"
    secret.write_bytes(png())
    Path("packs/chart.png").symlink_to(secret)
    Path("packs/inside.png").write_bytes(png())
    Path("packs/alias.png").symlink_to("inside.png")  # a link inside the folder is fine
    assert lint(capsys, "alias.png")[0] == 0
    code, out = lint(capsys, "chart.png")
    assert (code, out[0]) == (
        1,
        "packs/a.yaml:9: snippet 'size.chart': image 'chart.png' is a link to a file outside"
        " the pack's folder (copy the image into the pack's folder instead of linking to it)",
    )


BAD_PATHS = [
    (
        "/etc/passwd",
        "image path '/etc/passwd' is absolute"
        " (write a path relative to the pack file, e.g. image: images/尺码表.png)",
    ),
    (
        "C:/Users/客服/尺码表.png",
        "image path 'C:/Users/客服/尺码表.png' is absolute"
        " (write a path relative to the pack file, e.g. image: images/尺码表.png)",
    ),
    (
        "../secrets/尺码表.png",
        "image path '../secrets/尺码表.png' leaves the pack's folder"
        " (put the image in the pack's folder or a folder under it, and name it from there)",
    ),
    (
        "images/../../x.png",
        "image path 'images/../../x.png' leaves the pack's folder"
        " (put the image in the pack's folder or a folder under it, and name it from there)",
    ),
    (
        "'images\\尺码表.png'",
        "image path 'images\\尺码表.png' uses '\\'"
        " (write '/' between folders, e.g. images/尺码表.png)",
    ),
    (
        "''",
        "'image' is empty (write a path relative to the pack file, e.g. image: images/尺码表.png)",
    ),
    (
        "[a.png, b.png]",
        "'image' must be a file name, not a list"
        " (write a path relative to the pack file, e.g. image: images/尺码表.png)",
    ),
]


@pytest.mark.parametrize(("image", "message"), BAD_PATHS)
def test_a_path_that_leaves_the_pack_is_reported_and_the_reply_keeps_its_text(
    capsys: pytest.CaptureFixture[str], image: str, message: str
) -> None:
    code, out = lint(capsys, image)
    assert (code, out[0]) == (1, f"packs/a.yaml:9: snippet 'size.chart': {message}")
    pack, _ = load_pack(Path("packs/a.yaml"), PackSource.PERSONAL)
    assert pack is not None and [(s.id, s.image) for s in pack.snippets] == [("size.chart", "")]


def test_an_image_step_is_checked_like_the_image_key(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = lint(capsys, "image: 尺码表.png", MACRO)
    assert (code, out[0]) == (
        1,
        "packs/a.yaml:10: snippet 'size.macro': image '尺码表.png' not found (put the file in"
        " the pack's folder, or fix the path: it is relative to the pack file)",
    )
    code, out = lint(capsys, "image: ../尺码表.png", MACRO)
    assert (code, out[0]) == (
        1,
        "packs/a.yaml:10: snippet 'size.macro': step 1: image path '../尺码表.png' leaves the"
        " pack's folder (put the image in the pack's folder or a folder under it, and name it"
        " from there)",
    )
    code, out = lint(capsys, "image: 3", MACRO)
    assert (code, out[0]) == (
        1,
        "packs/a.yaml:10: snippet 'size.macro': step 1: 'image' needs the image file"
        " (e.g. - image: 尺码表.png)",
    )
