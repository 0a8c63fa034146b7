"""Read an import file's bytes within a size limit and decode its text by sniffing the encoding.

Chinese shop tools write UTF-8 (with or without a BOM), UTF-16 ("Unicode text" from Excel) or
GBK; GB18030 is a superset of GBK and GB2312, so it is the fallback. A file that is none of these
is refused with the line of its first undecodable byte rather than imported as mojibake.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from quickreply.core.importers.model import ImportFailed, fail
from quickreply.core.problems import Problem
from quickreply.core.userfile import display_path, read_user_file

#: Exported phrase lists are a few hundred KB; a 10k-row sheet is ~2 MB. Bigger is a wrong file.
MAX_BYTES = 10 * 1024 * 1024


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes; ImportFailed if missing, unreadable, empty or over ``max_bytes``.

    Read through core/userfile.py like every file a user hands us: opened non-blocking, its
    kind checked on the open descriptor, so a file swapped for a FIFO cannot block the import.
    """
    shown = display_path(path)
    data, problem = read_user_file(
        path,
        shown,
        max_bytes,
        expect="the exported file itself",
        too_big_hint="split it, or check that this is the exported phrase list",
    )
    if data is None:
        raise ImportFailed(problem or Problem(shown, 1, "", "cannot read the file"))
    if not data.strip():
        raise fail(shown, 1, "the file is empty", "export the phrases again")
    return data


def decode(data: bytes, shown: str) -> tuple[str, str]:
    """(text, encoding name): UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030."""
    candidates: tuple[str, ...]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8-sig", "gb18030")
    error: UnicodeDecodeError | None = None
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as err:
            error = err  # the fallback's error: where the file is neither
    assert error is not None
    line = data.count(b"\n", 0, error.start) + 1
    raise fail(
        shown,
        line,
        f"unknown encoding: byte 0x{data[error.start]:02x} is neither UTF-8 nor GBK/GB18030",
        "save the file as UTF-8 or GBK (Excel: 另存为 → CSV UTF-8)",
    )
