"""Marshal in pieces small enough that reading any one of them holds the interpreter briefly.

``marshal.loads`` builds every object of its input in one call, holding the GIL throughout:
reading a 100,000-reply index cache that way stopped the app's GUI thread for over a second
while a background thread read it. :func:`dumps` splits a value into pieces of about
:data:`PIECE_BYTES` (a dict by its keys, a list or tuple into runs of items, a long string or
bytes into parts joined again) and :func:`loads` reads them back one by one, so the
GUI thread gets the GIL between pieces. What is written is still plain marshal data only
(nothing in it can run code), behind a header saying where each piece is.
"""

from __future__ import annotations

import marshal
from typing import Any

# About this many bytes per piece: a few milliseconds of object building at most.
PIECE_BYTES = 256 * 1024
_MAGIC = b"QRCHUNK1"

# A node of the layout: ("v", start, end) one piece; ("d", keys, nodes) a dict; ("l" | "t",
# nodes, runs) a list or tuple of the nodes' values, each a run of items when ``runs``;
# ("s" | "b", nodes) a string or bytes joined from parts.
Node = tuple[Any, ...]


def dumps(value: object) -> bytes:
    """``value`` (plain data that marshal writes) as pieces behind a header."""
    chunks: list[bytes] = []
    size = 0

    def node(item: Any) -> Node:
        nonlocal size
        blob = marshal.dumps(item)
        kind = type(item)
        if len(blob) > PIECE_BYTES and kind is dict:
            keys = tuple(item)
            return ("d", keys, tuple(node(item[k]) for k in keys))
        if len(blob) > PIECE_BYTES and kind in (list, tuple) and len(item) > 1:
            seq = item
            step = -(-len(seq) // -(-len(blob) // PIECE_BYTES))
            if step > 1:
                runs = tuple(node(list(seq[at : at + step])) for at in range(0, len(seq), step))
                return ("l" if kind is list else "t", runs, True)
            return ("l" if kind is list else "t", tuple(node(x) for x in seq), False)
        if len(blob) > PIECE_BYTES and kind in (str, bytes):
            # Decoding 8 MB of Chinese text is ~30 ms in one call; joining the parts a copy.
            step = max(1, len(item) * PIECE_BYTES // len(blob))
            parts = tuple(node(item[at : at + step]) for at in range(0, len(item), step))
            return ("s" if kind is str else "b", parts)
        chunks.append(blob)
        size += len(blob)
        return ("v", size - len(blob), size)

    head = marshal.dumps(node(value))
    return _MAGIC + len(head).to_bytes(8, "little") + head + b"".join(chunks)


def loads(data: bytes | memoryview) -> Any:
    """What :func:`dumps` wrote; a ValueError when ``data`` is not that."""
    view = memoryview(data)
    start = len(_MAGIC) + 8
    if bytes(view[: len(_MAGIC)]) != _MAGIC or len(view) < start:
        raise ValueError("not marshal pieces")
    size = int.from_bytes(view[len(_MAGIC) : start], "little")
    body = view[start + size :]

    def build(node: Node) -> Any:
        if node[0] == "v":
            return marshal.loads(body[node[1] : node[2]])
        if node[0] == "d":
            return {key: build(n) for key, n in zip(node[1], node[2], strict=True)}
        if node[0] == "s":
            return "".join([build(n) for n in node[1]])
        if node[0] == "b":
            return b"".join([build(n) for n in node[1]])
        items: list[Any] = []
        for n in node[1]:
            if node[2]:
                items.extend(build(n))
            else:
                items.append(build(n))
        return items if node[0] == "l" else tuple(items)

    try:
        return build(marshal.loads(view[start : start + size]))
    except (TypeError, IndexError, KeyError, EOFError) as err:
        raise ValueError("marshal pieces") from err
