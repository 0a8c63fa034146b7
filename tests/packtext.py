"""Pack files written in a test's current folder: a header and the snippets under it."""

from __future__ import annotations

import textwrap
from pathlib import Path

HEADER = "pack:\n  id: {id}\n  name: 测试\n  version: 2\nsnippets:\n"


def pack_text(pack_id: str, body: str) -> str:
    return HEADER.format(id=pack_id) + textwrap.indent(textwrap.dedent(body).lstrip("\n"), "  ")


def write(name: str, pack_id: str, body: str) -> Path:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(pack_text(pack_id, body), encoding="utf-8")
    return path
