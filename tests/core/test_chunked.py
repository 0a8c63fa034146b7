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


def _pieces(blob: bytes) -> int:
    start = len(b"QRCHUNK2") + 8
    layout = marshal.loads(blob[start : start + int.from_bytes(blob[8:start], "little")])

    def count(node: tuple[object, ...]) -> int:
        if node[0] == "v":
            return 1
        children = node[2] if node[0] == "d" else node[1]
        return sum(count(child) for child in children)  # type: ignore[attr-defined]

    return count(layout)


def test_a_dict_of_many_small_items_is_read_in_few_pieces() -> None:
    """Each piece costs a call: an index's gram table (thousands of small items) was read in
    one piece per key, 7,000 pieces for 18 MB, a third slower than one marshal call."""
    value = {"grams": {f"g{n}": n * 7 for n in range(300_000)}, "n": 1}
    blob = chunked.dumps(value)
    assert chunked.loads(blob) == value
    assert list(chunked.loads(blob)["grams"])[:3] == ["g0", "g1", "g2"]  # order kept
    assert _pieces(blob) <= 2 * len(blob) // chunked.PIECE_BYTES + 2


def test_pieces_written_before_dicts_were_cut_into_runs_are_still_read() -> None:
    """A cache from the version before loads as it is, not rebuilt."""
    a, b = marshal.dumps([1, 2]), marshal.dumps("回复")
    head = marshal.dumps(("d", ("a", "b"), (("v", 0, len(a)), ("v", len(a), len(a) + len(b)))))
    old = b"QRCHUNK1" + len(head).to_bytes(8, "little") + head + a + b
    assert chunked.loads(old) == {"a": [1, 2], "b": "回复"}


def test_reading_keeps_no_hold_on_the_files_bytes() -> None:
    """The bytes read (18 MB at 10,000 replies) are freed once read, not when the cyclic
    collector next runs: the app freezes what is alive after a start, and they stayed."""
    import gc

    data = bytearray(chunked.dumps({"grams": {f"g{n}": n for n in range(100_000)}, "s": "字" * 10}))
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        chunked.loads(data)
        data.extend(b"\0")  # BufferError while any view of it is alive
    finally:
        if was_enabled:
            gc.enable()


def test_reading_runs_no_cyclic_collection_over_what_it_builds() -> None:
    """Both caches build ~100k objects at once: a collection over them finds nothing (plain
    data has no cycles) and cost the 10k index 68 ms against 41."""
    import gc

    data = chunked.dumps({"grams": {f"g{n}": [n, str(n)] for n in range(50_000)}})
    runs: list[str] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        runs.append(phase)

    was_enabled = gc.isenabled()
    gc.enable()
    gc.callbacks.append(seen)
    try:
        assert len(chunked.loads(data)["grams"]) == 50_000
        back_on = gc.isenabled()
    finally:
        gc.callbacks.remove(seen)
        if not was_enabled:
            gc.disable()
    assert runs == []
    assert back_on  # and on again afterwards
