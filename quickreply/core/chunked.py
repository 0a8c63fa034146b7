"""Marshal in pieces small enough that reading any one of them holds the interpreter briefly.

``marshal.loads`` builds every object of its input in one call, holding the GIL throughout:
reading a 100,000-reply index cache that way stopped the app's GUI thread for over a second
while a background thread read it. :func:`dumps` splits a value into pieces of about
:data:`PIECE_BYTES` (a dict into runs of its small items and its large values, a list or tuple
into runs of items, a long string or bytes into parts joined again) and :func:`loads` reads
them back one by one, so the GUI thread gets the GIL between pieces. Pieces are kept near the
size, not smaller: each costs a call, and a dict cut at every key made 7,000 pieces of an 18 MB
index whose reading then took 40-68 ms against 31 ms for one ``marshal.loads``. What is
written is still plain marshal data only (nothing in it can run code), behind a header saying
where each piece is.
"""

from __future__ import annotations

import marshal
from typing import Any

# About this many bytes per piece: a few milliseconds of object building at most.
PIECE_BYTES = 256 * 1024
_MAGIC = b"QRCHUNK2"
# Written before dicts were cut into runs (every "d" node is (kind, keys, nodes)): still read.
_OLD_MAGIC = b"QRCHUNK1"

# A node of the layout: ("v", start, end) one piece; ("d", keys, nodes, runs) a dict: each
# node is the value of its key, or when its ``runs`` flag is set a dict of several items (its
# key None); ("l" | "t", nodes, runs) a list or tuple of the nodes' values, each a run of items
# when ``runs``; ("s" | "b", nodes) a string or bytes joined from parts.
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
            return dict_node(item)
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
        return piece(blob)

    def piece(blob: bytes) -> Node:
        nonlocal size
        chunks.append(blob)
        size += len(blob)
        return ("v", size - len(blob), size)

    def dict_node(item: dict[Any, Any]) -> Node:
        keys: list[Any] = []
        nodes: list[Node] = []
        runs: list[bool] = []
        run: dict[Any, Any] = {}
        run_bytes = 0

        def close_run() -> None:
            nonlocal run, run_bytes
            if run:
                keys.append(None)
                nodes.append(piece(marshal.dumps(run)))
                runs.append(True)
                run, run_bytes = {}, 0

        for key, value in item.items():
            item_bytes = len(marshal.dumps((key, value)))
            if item_bytes > PIECE_BYTES:
                close_run()
                keys.append(key)
                nodes.append(node(value))
                runs.append(False)
                continue
            if run_bytes + item_bytes > PIECE_BYTES:
                close_run()
            run[key] = value
            run_bytes += item_bytes
        close_run()
        return ("d", tuple(keys), tuple(nodes), tuple(runs))

    head = marshal.dumps(node(value))
    return _MAGIC + len(head).to_bytes(8, "little") + head + b"".join(chunks)


def loads(data: bytes | memoryview) -> Any:
    """What :func:`dumps` wrote; a ValueError when ``data`` is not that."""
    view = memoryview(data)
    start = len(_MAGIC) + 8
    if bytes(view[: len(_MAGIC)]) not in (_MAGIC, _OLD_MAGIC) or len(view) < start:
        raise ValueError("not marshal pieces")
    size = int.from_bytes(view[len(_MAGIC) : start], "little")
    body = view[start + size :]

    def build(node: Node) -> Any:
        if node[0] == "v":
            return marshal.loads(body[node[1] : node[2]])
        if node[0] == "d":
            if len(node) == 3:  # _OLD_MAGIC's
                return {key: build(n) for key, n in zip(node[1], node[2], strict=True)}
            out: dict[Any, Any] = {}
            for key, n, run in zip(node[1], node[2], node[3], strict=True):
                if run:
                    out.update(build(n))
                else:
                    out[key] = build(n)
            return out
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
