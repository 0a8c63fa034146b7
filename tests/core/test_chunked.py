"""Cache files in pieces: what is read back is what was written, no piece is large, and bytes
that are not pieces are refused rather than guessed at."""

from __future__ import annotations

import marshal

import pytest

from quickreply.core import chunked


def test_what_is_read_back_is_what_was_written() -> None:
    value = {
        "records": [list(range(n % 40)) for n in range(60_000)],
        "text": ("亲，您好~" * 200_000, b"\x01" * 900_000, 7, None, True),
        "grams": {f"g{n}": 1 << (n % 5000) for n in range(3000)},
        "empty": ([], (), {}, ""),
    }
    back = chunked.loads(chunked.dumps(value))
    assert back == value
    assert type(back["text"]) is tuple and type(back["records"]) is list


def test_no_piece_is_much_larger_than_the_limit() -> None:
    blob = chunked.dumps({"a": ["回复" * 30 for _ in range(200_000)], "b": "字" * 2_000_000})
    start = len(b"QRCHUNK1") + 8
    layout = marshal.loads(blob[start : start + int.from_bytes(blob[8:start], "little")])
    sizes: list[int] = []

    def walk(node: tuple[object, ...]) -> None:
        if node[0] == "v":
            sizes.append(int(node[2]) - int(node[1]))  # type: ignore[call-overload]
            return
        children = node[2] if node[0] == "d" else node[1]
        for child in children:  # type: ignore[attr-defined]
            walk(child)

    walk(layout)
    assert len(sizes) > 20
    assert max(sizes) <= 2 * chunked.PIECE_BYTES


@pytest.mark.parametrize(
    "data", [b"", b"QRCHUNK1", marshal.dumps((1, 2)), b"QRCHUNK1" + b"\xff" * 20]
)
def test_bytes_that_are_not_pieces_are_refused(data: bytes) -> None:
    with pytest.raises(ValueError):
        chunked.loads(data)
