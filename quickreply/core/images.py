"""Reading the image file a reply pastes: inside its pack's folder, a real PNG or JPEG.

A pack names an image relative to its own file (``image: images/尺码表.png``). Packs are data
from other people, so the path must stay inside the pack's folder: no absolute path, no ``..``,
no link that leads out of the folder. The file is read with :mod:`quickreply.core.userfile`
(regular files only, size capped while reading) and must be a real PNG or JPEG whose header
gives its size in pixels: the header is parsed here by hand (a few dozen lines) because core may
not use Qt and a whole image library would be a dependency for reading two numbers.

Every way this fails is one :class:`~quickreply.core.problems.Problem` at the line of the pack
file that names the image, with a ``code`` of its own (``image.not_found`` …, see
:data:`CODES`) and the path as ``image``, so the palette can say it in the agent's language;
nothing here raises for bad input.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Literal

from quickreply.core.limits import MAX_IMAGE_BYTES, MAX_IMAGE_SIDE
from quickreply.core.problems import Problem
from quickreply.core.userfile import NO_SUCH_FILE, read_user_file

ImageKind = Literal["png", "jpeg"]
MIME: dict[ImageKind, str] = {"png": "image/png", "jpeg": "image/jpeg"}

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
_JPEG_START = b"\xff\xd8\xff"
# JPEG frame headers carrying the size: SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# What other common files start with, to say what a wrong file looks like.
_LOOKS_LIKE = (
    (b"GIF8", "a GIF"),
    (b"BM", "a BMP"),
    (b"II*\x00", "a TIFF"),
    (b"MM\x00*", "a TIFF"),
    (b"<svg", "an SVG"),
    (b"<?xml", "an SVG or other XML"),
    (b"%PDF", "a PDF"),
)
#: The problem codes :func:`read_image` gives (ui/messages.py words each one for agents).
CODES = (
    "image.empty",
    "image.path",
    "image.outside",
    "image.no_folder",
    "image.not_found",
    "image.too_big",
    "image.unreadable",
    "image.not_image",
    "image.damaged",
    "image.too_large",
)
PATH_HINT = "write a path relative to the pack file, e.g. image: images/尺码表.png"
SAVE_HINT = "save it as PNG or JPEG, e.g. 另存为 PNG in an image viewer"


@dataclass(frozen=True, slots=True)
class ImageInfo:
    """What the header of an image file says."""

    kind: ImageKind
    width: int
    height: int

    @property
    def mime(self) -> str:
        return MIME[self.kind]


@dataclass(frozen=True, slots=True)
class PackImage:
    """An image read from a pack: its bytes and what its header says."""

    data: bytes
    info: ImageInfo


def path_problem(written: str) -> tuple[str, str] | None:
    """(message, hint) when ``written`` may not name an image in a pack; None when it may.

    Only the text is checked here (the loader's check): absolute paths, drive letters, ``..``
    and backslashes are refused whatever the file system says.
    """
    if not written.strip():
        return "'image' is empty", PATH_HINT
    if "\\" in written:
        return (
            f"image path '{written}' uses '\\'",
            "write '/' between folders, e.g. images/尺码表.png",
        )
    posix, windows = PurePosixPath(written), PureWindowsPath(written)
    if posix.is_absolute() or windows.drive or windows.root:
        return f"image path '{written}' is absolute", PATH_HINT
    if ".." in posix.parts:
        return (
            f"image path '{written}' leaves the pack's folder",
            "put the image in the pack's folder or a folder under it, and name it from there",
        )
    return None


def sniff(data: bytes) -> ImageInfo | str:
    """The header of a PNG or JPEG file; otherwise a short reason (what it looks like)."""
    if data.startswith(PNG_SIGNATURE):
        return _png(data)
    if data.startswith(_JPEG_START):
        return _jpeg(data)
    looks = next((name for magic, name in _LOOKS_LIKE if data.lstrip().startswith(magic)), None)
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        looks = "a WebP"
    if looks is not None:
        return f"is {looks} file, not PNG or JPEG"
    return "is not a PNG or JPEG file"


def _png(data: bytes) -> ImageInfo | str:
    # The first chunk must be IHDR (13 bytes): width, height, bit depth, colour type, ...
    if len(data) < 33 or data[12:16] != b"IHDR" or data[8:12] != b"\x00\x00\x00\x0d":
        return "is a damaged PNG file: its header cannot be read"
    width, height = struct.unpack(">II", data[16:24])
    if not data.rstrip(b"\x00").endswith(_PNG_END):
        return "is a damaged PNG file: it is cut short (no end chunk)"
    return _sized("png", width, height, "PNG")


def _jpeg(data: bytes) -> ImageInfo | str:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            break
        marker = data[at + 1]
        if marker == 0xFF:  # fill bytes before a marker
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if length < 2:
            break
        if marker in _SOF_MARKERS:
            if at + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return _sized("jpeg", width, height, "JPEG")
        if marker == 0xDA:  # the image data starts before any frame header: broken
            break
        at += 2 + length
    return "is a damaged JPEG file: its size cannot be read"


def _sized(kind: ImageKind, width: int, height: int, name: str) -> ImageInfo | str:
    if width == 0 or height == 0:
        return f"is a damaged {name} file: it says it is {width}×{height} pixels"
    return ImageInfo(kind, width, height)


@dataclass(frozen=True, slots=True)
class ImageRef:
    """Where a reply names an image: the pack file, its line, the folder and the path written."""

    pack_file: str  # as shown in problems
    line: int
    where: str
    folder: str
    written: str


def read_image(ref: ImageRef) -> tuple[PackImage | None, Problem | None]:
    """The image ``ref`` names, or None and the one problem (at ``ref.line``) saying why not."""

    def problem(message: str, hint: str, code: str, **args: str) -> tuple[None, Problem]:
        return None, Problem(
            ref.pack_file,
            ref.line,
            ref.where,
            message,
            hint,
            code=code,
            args=(("image", ref.written), *args.items()),
        )

    bad_path = path_problem(ref.written)
    if bad_path is not None:
        if not ref.written.strip():
            return problem(*bad_path, "image.empty")
        leaves = ".." in PurePosixPath(ref.written).parts and "\\" not in ref.written
        return problem(*bad_path, "image.outside" if leaves else "image.path")
    if not ref.folder:
        return problem(
            f"image '{ref.written}' has no pack folder to be read from",
            "save the reply in a pack file first",
            "image.no_folder",
        )
    folder = Path(ref.folder)
    target = folder / ref.written
    try:
        real, real_folder = target.resolve(), folder.resolve()
    except (OSError, RuntimeError):  # a link loop: let the reader name it
        real, real_folder = target, folder
    if not real.is_relative_to(real_folder):
        return problem(
            f"image '{ref.written}' is a link to a file outside the pack's folder",
            "copy the image into the pack's folder instead of linking to it",
            "image.outside",
        )
    data, unreadable = read_user_file(
        real,
        ref.written,
        MAX_IMAGE_BYTES,
        expect="an image file",
        too_big_hint="chat platforms refuse big images: save it smaller (fewer pixels, or JPEG)",
    )
    if data is None:
        assert unreadable is not None
        if unreadable.message == NO_SUCH_FILE:
            return problem(
                f"image '{ref.written}' not found",
                "put the file in the pack's folder, or fix the path: it is relative to the "
                "pack file",
                "image.not_found",
            )
        said = unreadable.message.removeprefix("file ")  # "file is too big (…)" reads "is too big"
        if said.startswith("is too big"):
            megabytes = str(MAX_IMAGE_BYTES // (1024 * 1024))
            return problem(
                f"image '{ref.written}' {said}", unreadable.hint, "image.too_big", limit=megabytes
            )
        return problem(f"image '{ref.written}' {said}", unreadable.hint, "image.unreadable")
    info = sniff(data)
    if isinstance(info, str):
        code = "image.damaged" if info.startswith("is a damaged") else "image.not_image"
        return problem(f"image '{ref.written}' {info}", SAVE_HINT, code)
    if max(info.width, info.height) > MAX_IMAGE_SIDE:
        return problem(
            f"image '{ref.written}' is {info.width}×{info.height} pixels,"
            f" more than {MAX_IMAGE_SIDE} on a side",
            "scale it down: chat windows show a few hundred pixels",
            "image.too_large",
            width=str(info.width),
            height=str(info.height),
            limit=str(MAX_IMAGE_SIDE),
        )
    return PackImage(data, info), None
