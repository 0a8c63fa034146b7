"""Image replies in the core (issue 17): the loader keeps ``image:`` and ``- image:`` steps with
their lines and the pack's folder, the writer and the start-up cache keep them, the renderer
reads the picture for a paste (or says at which line it cannot), and the header parser knows
PNG and JPEG sizes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from quickreply.core.cacheseal import Seal
from quickreply.core.images import ImageInfo, sniff
from quickreply.core.libcache import load_library_cached
from quickreply.core.model import PackSource, Snippet, Step
from quickreply.core.packs import PackDir, dump_pack, load_pack
from quickreply.core.render import Renderer, RenderError
from tests.pngs import jpeg_header, png

PACK = """\
pack: {id: t.images, name: 图片}
snippets:
  - id: size.chart
    title: 尺码表
    image: images/尺码表.png
    text: 亲，尺码表请看上图~
  - id: size.macro
    title: 尺码表两步
    steps:
      - paste: 亲，稍等~
      - image: images/尺码表.png
      - wait: 300
      - enter
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    packs = tmp_path / "packs"
    (packs / "images").mkdir(parents=True)
    (packs / "a.yaml").write_text(PACK, encoding="utf-8")
    (packs / "images" / "尺码表.png").write_bytes(png())
    return packs


def loaded(folder: Path) -> dict[str, Snippet]:
    pack, problems = load_pack(folder / "a.yaml", PackSource.PERSONAL)
    assert pack is not None and problems == []
    return {s.id: s for s in pack.snippets}


def renderer() -> Renderer:
    return Renderer(None, lambda: datetime(2024, 5, 6, 10))


def test_the_loader_keeps_the_image_its_line_and_the_absolute_pack_folder(folder: Path) -> None:
    snippets = loaded(folder)
    chart, macro = snippets["size.chart"], snippets["size.macro"]
    assert (chart.image, chart.image_line, chart.folder) == ("images/尺码表.png", 5, str(folder))
    assert chart.images == ("images/尺码表.png",)
    assert [(s.kind, s.text, s.line) for s in macro.steps] == [
        ("paste", "亲，稍等~", 10),
        ("image", "images/尺码表.png", 11),
        ("wait", "", 12),
        ("enter", "", 13),
    ]
    assert macro.images == ("images/尺码表.png",) and macro.folder == str(folder)


def test_writing_the_pack_back_keeps_both_kinds_of_image(folder: Path, tmp_path: Path) -> None:
    pack, _ = load_pack(folder / "a.yaml", PackSource.PERSONAL)
    assert pack is not None
    text = dump_pack(pack)
    assert "image: images/尺码表.png" in text and "- image: images/尺码表.png" in text
    (folder / "b.yaml").write_text(text, encoding="utf-8")
    again, problems = load_pack(folder / "b.yaml", PackSource.PERSONAL)
    assert again is not None and problems == []

    def kept(snippet: Snippet) -> tuple[object, ...]:
        return snippet.image, [(s.kind, s.text, s.ms) for s in snippet.steps], snippet.folder

    assert [kept(s) for s in again.snippets] == [kept(s) for s in pack.snippets]


def test_the_start_up_cache_keeps_images_and_step_lines(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    seal = Seal(b"k" * 32)
    dirs = [PackDir(folder, PackSource.PERSONAL)]
    first = load_library_cached(dirs, tmp_path / "cache", seal)
    second = load_library_cached(dirs, tmp_path / "cache", seal)
    assert second.hits == 1
    assert second.library.packs == first.library.packs
    chart = second.library.get("size.chart")
    assert chart is not None and (chart.image, chart.folder) == ("images/尺码表.png", str(folder))
    macro = second.library.get("size.macro")
    assert macro is not None and [s.line for s in macro.steps] == [10, 11, 12, 13]


def test_the_renderer_reads_the_picture_for_a_paste(folder: Path) -> None:
    snippets = loaded(folder)
    image = renderer().image(snippets["size.chart"])
    assert image.data == png() and image.info == ImageInfo("png", 40, 30)
    steps = renderer().render_steps(snippets["size.macro"])
    assert [(s.kind, s.data) for s in steps] == [
        ("paste", b""),
        ("image", png()),
        ("wait", b""),
        ("enter", b""),
    ]


def test_a_picture_gone_since_loading_stops_the_paste_at_its_line(folder: Path) -> None:
    snippets = loaded(folder)
    (folder / "images" / "尺码表.png").unlink()
    with pytest.raises(RenderError) as caught:
        renderer().render_steps(snippets["size.macro"])
    assert str(caught.value.problem).startswith(
        f"{folder / 'a.yaml'}:11: snippet 'size.macro': image 'images/尺码表.png' not found"
    )


def test_a_reply_from_no_pack_file_has_no_folder_to_read_from() -> None:
    draft = Snippet("d", "草稿", ("亲",), image="尺码表.png")
    with pytest.raises(RenderError, match="has no pack folder to be read from"):
        renderer().image(draft)


def test_a_picture_swapped_for_a_link_out_of_the_folder_is_not_read(
    folder: Path, tmp_path: Path
) -> None:
    snippets = loaded(folder)
    outside = tmp_path / "secret.png"
    outside.write_bytes(png(2, 2))
    (folder / "images" / "尺码表.png").unlink()
    (folder / "images" / "尺码表.png").symlink_to(outside)
    with pytest.raises(RenderError, match="is a link to a file outside the pack's folder"):
        renderer().image(snippets["size.chart"])


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (png(1, 1), ImageInfo("png", 1, 1)),
        (png(640, 2), ImageInfo("png", 640, 2)),
        (jpeg_header(750, 1334), ImageInfo("jpeg", 750, 1334)),
        # fill bytes and an APP1 (Exif) segment before the frame header
        (
            b"\xff\xd8\xff\xff\xe1\x00\x04ab" + jpeg_header(3, 4)[2:],
            ImageInfo("jpeg", 3, 4),
        ),
        (b"GIF87a", "is a GIF file, not PNG or JPEG"),
        (b"BM\x00\x00", "is a BMP file, not PNG or JPEG"),
        (b"  <svg xmlns=...", "is an SVG file, not PNG or JPEG"),
        (b"%PDF-1.7", "is a PDF file, not PNG or JPEG"),
        (b"", "is not a PNG or JPEG file"),
        (b"\xff\xd8\xff\xda\x00\x08", "is a damaged JPEG file: its size cannot be read"),
    ],
)
def test_the_header_parser_reads_sizes_and_names_other_files(
    data: bytes, expected: ImageInfo | str
) -> None:
    assert sniff(data) == expected


def test_step_equality_ignores_the_pictures_bytes() -> None:
    assert Step("image", "a.png", line=3, data=b"x") == Step("image", "a.png", line=3)
