"""Decoding X11 text properties (window titles) from every encoding a client may store them in.

A title is ``_NET_WM_NAME`` (UTF-8) or ``WM_NAME`` typed ``STRING`` (Latin-1), ``UTF8_STRING``
or ``COMPOUND_TEXT``. xterm stores a Chinese ``-title`` as COMPOUND_TEXT only, mixing GB 2312
and JIS X 0208 segments in one title (``买`` from GB 2312, ``家小王`` from JIS X 0208).

COMPOUND_TEXT (X Consortium, "Compound Text Encoding") is ISO 2022: escape sequences designate a
character set into GL (bytes 0x21-0x7E) or GR (0xA1-0xFE). python-xlib leaves it undecoded (a
FIXME in ``get_full_text_property``) and Xlib's ``XmbTextPropertyToTextList`` needs the process
locale set to a UTF-8 one, so it is decoded here with Python's own codecs: pure, testable
anywhere, and the same on every machine. Unknown segments become U+FFFD, never an exception.
"""

from __future__ import annotations

ESC = 0x1B
REPLACEMENT = "\ufffd"

# 94- and 96-character sets by their final byte, with the Python codec that decodes them once
# their bytes are moved to GR (high bit set); None: one byte per char (Latin-1 halves).
_SINGLE_94: dict[int, str] = {0x42: "ascii", 0x4A: "ascii"}  # ESC ( B / ESC ( J (JIS Roman)
_SINGLE_96: dict[int, str] = {
    0x41: "iso8859-1",
    0x42: "iso8859-2",
    0x43: "iso8859-3",
    0x44: "iso8859-4",
    0x46: "iso8859-7",
    0x47: "iso8859-6",
    0x48: "iso8859-8",
    0x4C: "iso8859-5",
    0x4D: "iso8859-9",
    0x56: "iso8859-10",
    0x54: "iso8859-11",
    0x59: "iso8859-13",
    0x5F: "iso8859-14",
    0x62: "iso8859-15",
    0x66: "iso8859-16",
}
# Two-byte 94x94 sets: GB 2312, JIS X 0208 (1978 and 1983), KS C 5601; as EUC they are just
# the two bytes with the high bit set.
_DOUBLE_94: dict[int, str] = {0x41: "gb2312", 0x40: "euc_jp", 0x42: "euc_jp", 0x43: "euc_kr"}
# Extended segments (ESC % / n M L name STX bytes) name their encoding.
_EXTENDED: dict[str, str] = {
    "big5-0": "big5",
    "gbk-0": "gbk",
    "gb18030-0": "gb18030",
    "iso10646-1": "utf-16-be",
    "utf-8": "utf-8",
}


class _Charset:
    """One designated set: its codec and whether it is a two-byte set."""

    __slots__ = ("codec", "double")

    def __init__(self, codec: str | None, double: bool = False) -> None:
        self.codec = codec
        self.double = double

    def decode(self, data: bytes) -> str:
        """``data`` holds 7-bit bytes (the high bit already cleared)."""
        if self.codec is None:  # a set we have no codec for
            return REPLACEMENT * max(1, len(data) // (2 if self.double else 1))
        if self.codec == "ascii":
            return data.decode("ascii", "replace")
        # The EUC and ISO 8859 codecs read these sets in their GR form.
        return bytes(b | 0x80 for b in data).decode(self.codec, "replace")


_ASCII = _Charset("ascii")
_LATIN1_RIGHT = _Charset("iso8859-1")


def decode_compound_text(data: bytes) -> str:
    """A COMPOUND_TEXT property value as a Python string (undecodable bytes become U+FFFD)."""
    gl: _Charset = _ASCII
    gr: _Charset = _LATIN1_RIGHT
    out: list[str] = []
    run = bytearray()
    run_set: _Charset | None = None

    def flush() -> None:
        nonlocal run_set
        if run and run_set is not None:
            out.append(run_set.decode(bytes(run)))
        run.clear()
        run_set = None

    def add(charset: _Charset, byte: int) -> None:
        nonlocal run_set
        if charset is not run_set:
            flush()
            run_set = charset
        run.append(byte & 0x7F)

    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b == ESC:
            flush()
            i, gl, gr, extended = _escape(data, i, gl, gr)
            if extended is not None:
                out.append(extended)
            continue
        if b in (0x09, 0x0A):  # the only control characters COMPOUND_TEXT allows
            flush()
            out.append(chr(b))
        elif b == 0x9B:  # CSI: direction changes (CSI 1 ] ...), nothing to show
            flush()
            i += 1
            while i < n and not 0x40 <= data[i] <= 0x7E:
                i += 1
        elif b == 0x20:  # a space is a space whatever set GL holds
            flush()
            out.append(" ")
        elif 0x21 <= b <= 0x7E:
            add(gl, b)
        elif b >= 0xA0:
            add(gr, b)
        i += 1
    flush()
    return "".join(out)


def _escape(
    data: bytes, i: int, gl: _Charset, gr: _Charset
) -> tuple[int, _Charset, _Charset, str | None]:
    """Read the escape sequence at ``i``; returns the next index, GL, GR and any text an
    extended segment carried."""
    n = len(data)
    j = i + 1
    # Intermediate bytes 0x20-0x2F, then a final byte 0x30-0x7E.
    while j < n and 0x20 <= data[j] <= 0x2F:
        j += 1
    if j >= n:
        return n, gl, gr, None
    inter = bytes(data[i + 1 : j])
    final = data[j]
    nxt = j + 1
    if inter == b"(":  # 94-set into GL
        gl = _Charset(_SINGLE_94.get(final))
    elif inter == b")":  # 94-set into GR
        gr = _Charset(_SINGLE_94.get(final))
    elif inter == b"-":  # 96-set into GR
        gr = _Charset(_SINGLE_96.get(final))
    elif inter in (b"$(", b"$)"):  # 94^2 set into GL / GR
        charset = _Charset(_DOUBLE_94.get(final), double=True)
        if inter == b"$(":
            gl = charset
        else:
            gr = charset
    elif inter == b"%" and final == 0x47:  # ESC % G: UTF-8 until ESC % @
        end = data.find(b"\x1b%@", nxt)
        end = n if end < 0 else end
        text = bytes(data[nxt:end]).decode("utf-8", "replace")
        return (n if end == n else end + 3), gl, gr, text
    elif inter == b"%/" and 0x30 <= final <= 0x34 and nxt + 2 <= n:
        # Extended segment: two length bytes (M, L), then "name\x02" and the bytes.
        length = (data[nxt] & 0x7F) * 128 + (data[nxt + 1] & 0x7F)
        body = bytes(data[nxt + 2 : nxt + 2 + length])
        name, _, payload = body.partition(b"\x02")
        codec = _EXTENDED.get(name.decode("ascii", "replace").lower())
        text = payload.decode(codec, "replace") if codec else REPLACEMENT
        return nxt + 2 + length, gl, gr, text
    return nxt, gl, gr, None


def decode_text_property(type_name: str, value: bytes | str) -> str:
    """A text property's value as a string, by the name of its type atom."""
    if isinstance(value, str):
        return value
    raw = bytes(value)
    if type_name == "COMPOUND_TEXT":
        return decode_compound_text(raw)
    if type_name == "STRING":
        return raw.decode("latin-1")
    # UTF8_STRING, and what clients wrongly type (TEXT, C_STRING) is UTF-8 in practice.
    return raw.decode("utf-8", "replace")
