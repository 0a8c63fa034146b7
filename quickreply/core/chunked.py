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

import gc
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
    writer = _Writer()
    head = marshal.dumps(writer.node(value))
    return _MAGIC + len(head).to_bytes(8, "little") + head + b"".join(writer.chunks)


class _Writer:
    """The pieces of one :func:`dumps` and their layout. A class rather than closures calling
    each other: those are reference cycles, and the pieces would wait for a collection."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.size = 0

    def node(self, item: Any) -> Node:
        blob = marshal.dumps(item)
        kind = type(item)
        if len(blob) > PIECE_BYTES and kind is dict:
            return self.dict_node(item)
        if len(blob) > PIECE_BYTES and kind in (list, tuple) and len(item) > 1:
            seq = item
            step = -(-len(seq) // -(-len(blob) // PIECE_BYTES))
            letter = "l" if kind is list else "t"
            if step > 1:
                at = range(0, len(seq), step)
                return (letter, tuple(self.node(list(seq[i : i + step])) for i in at), True)
            return (letter, tuple(self.node(x) for x in seq), False)
        if len(blob) > PIECE_BYTES and kind in (str, bytes):
            # Decoding 8 MB of Chinese text is ~30 ms in one call; joining the parts a copy.
            step = max(1, len(item) * PIECE_BYTES // len(blob))
            parts = tuple(self.node(item[at : at + step]) for at in range(0, len(item), step))
            return ("s" if kind is str else "b", parts)
        return self.piece(blob)

    def piece(self, blob: bytes) -> Node:
        self.chunks.append(blob)
        self.size += len(blob)
        return ("v", self.size - len(blob), self.size)

    def dict_node(self, item: dict[Any, Any]) -> Node:
        """Runs of small items, each one piece of about PIECE_BYTES, and the large values."""
        keys: list[Any] = []
        nodes: list[Node] = []
        runs: list[bool] = []
        run: dict[Any, Any] = {}
        run_bytes = 0
        for key, value in item.items():
            item_bytes = len(marshal.dumps((key, value)))
            if run and (item_bytes > PIECE_BYTES or run_bytes + item_bytes > PIECE_BYTES):
                keys.append(None)
                nodes.append(self.piece(marshal.dumps(run)))
                runs.append(True)
                run, run_bytes = {}, 0
            if item_bytes > PIECE_BYTES:
                keys.append(key)
                nodes.append(self.node(value))
                runs.append(False)
                continue
            run[key] = value
            run_bytes += item_bytes
        if run:
            keys.append(None)
            nodes.append(self.piece(marshal.dumps(run)))
            runs.append(True)
        return ("d", tuple(keys), tuple(nodes), tuple(runs))


def loads(data: bytes | memoryview) -> Any:
    """What :func:`dumps` wrote; a ValueError when ``data`` is not that."""
    view = memoryview(data)
    start = len(_MAGIC) + 8
    if bytes(view[: len(_MAGIC)]) not in (_MAGIC, _OLD_MAGIC) or len(view) < start:
        raise ValueError("not marshal pieces")
    size = int.from_bytes(view[len(_MAGIC) : start], "little")
    # A cache builds ~100k objects at once: the cyclic collector would run over them dozens
    # of times for nothing (plain data holds no cycles); the 10k index: 68 -> 41 ms.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(marshal.loads(view[start : start + size]), view[start + size :])
    except (TypeError, IndexError, KeyError, EOFError) as err:
        raise ValueError("marshal pieces") from err
    finally:
        if was_enabled:
            gc.enable()


def _build(node: Node, body: memoryview) -> Any:
    """The value of ``node``, its pieces in ``body``. A function of the module, not a closure
    in :func:`loads`: a closure calling itself is a reference cycle, which kept the file's
    bytes (18 MB at 10,000 replies) alive until a collection, and for good once frozen."""
    if node[0] == "v":
        return marshal.loads(body[node[1] : node[2]])
    if node[0] == "d":
        if len(node) == 3:  # _OLD_MAGIC's
            return {key: _build(n, body) for key, n in zip(node[1], node[2], strict=True)}
        out: dict[Any, Any] = {}
        for key, n, run in zip(node[1], node[2], node[3], strict=True):
            if run:
                out.update(_build(n, body))
            else:
                out[key] = _build(n, body)
        return out
    if node[0] == "s":
        return "".join([_build(n, body) for n in node[1]])
    if node[0] == "b":
        return b"".join([_build(n, body) for n in node[1]])
    items: list[Any] = []
    for n in node[1]:
        if node[2]:
            items.extend(_build(n, body))
        else:
            items.append(_build(n, body))
    return items if node[0] == "l" else tuple(items)
