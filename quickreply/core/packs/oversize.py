"""How to split a pack file that is over the size limit: into how many files, of how many replies.

A pack file is read whole (core/yamlread.py, :data:`~quickreply.core.yamlread.MAX_BYTES`), which
keeps a hostile or wrong file from costing the app seconds and hundreds of MB. A real library
can still be bigger: 100,000 replies of real length are ~18 MB of YAML. Such a file is not
parsed; its replies are counted from the lines that start one (``- id:``), which costs a
regular-expression pass over its bytes, so the one line the agent or lead reads says exactly how
to split it. Every pack file of a folder is loaded, so split files make the same library.
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

from quickreply.core.yamlread import MAX_BYTES

# A file bigger than this is not read even to count its replies (the hint is then generic).
COUNT_MAX_BYTES = 256 * 1024 * 1024
# Leave room in each file for edits: split so that each part is at most this share of the limit.
FILL = 0.8
_REPLY_START = re.compile(rb"^[ \t]*-[ \t]+id[ \t]*:", re.MULTILINE)
_CHUNK = 4 * 1024 * 1024


def count_replies(path: Path, limit: int = COUNT_MAX_BYTES) -> int | None:
    """The number of ``- id:`` lines in ``path``; None when it is unreadable or over ``limit``."""
    try:
        with path.open("rb") as stream:
            if os.fstat(stream.fileno()).st_size > limit:
                return None
            count = 0
            tail = b""
            while chunk := stream.read(_CHUNK):
                data = tail + chunk
                cut = data.rfind(b"\n") + 1  # a line split between chunks is counted once
                count += len(_REPLY_START.findall(data, 0, cut))
                tail = data[cut:]
            return count + len(_REPLY_START.findall(tail))
    except OSError:
        return None


def split_hint(path: Path, size: int, max_bytes: int = MAX_BYTES) -> str | None:
    """One sentence saying how to split ``path`` (``size`` bytes) under ``max_bytes``, or None
    when its replies cannot be counted."""
    count = count_replies(path)
    if not count:
        return None
    per_file = _round_down(count * max_bytes * FILL / size)
    if per_file < 1:
        return None
    files = math.ceil(count / per_file)
    return (
        f"split its {count:,} replies into {files} pack files of at most {per_file:,} replies "
        "each, in the same folder: every pack file there is loaded"
    )


def _round_down(value: float) -> int:
    """A number a person can work with: 1,234 → 1,200; 27,000.6 → 27,000."""
    whole = int(value)
    if whole < 100:
        return whole
    step: int = 10 ** (len(str(whole)) - 2)
    return whole - whole % step
