"""Window titles in every encoding an X11 client may store them in (no X server needed)."""

from __future__ import annotations

import pytest

from quickreply.platforms.x11text import decode_compound_text, decode_text_property

# What xterm 379 stores for `xterm -title '买家小王 - 千牛工作台'` (read back from Xvfb):
# 买 in GB 2312, 家小王 and 千牛工作台 in JIS X 0208, the separator in ASCII.
XTERM_WANG = b"\x1b$(ABr\x1b$(B2H>.2&\x1b(B - \x1b$(B@i5m9):nBf"
XTERM_LI = b"\x1b$(ABr\x1b$(B2H>.M{\x1b(B - \x1b$(B@i5m9):nBf"


def test_compound_text_as_xterm_writes_a_chinese_title() -> None:
    assert decode_compound_text(XTERM_WANG) == "买家小王 - 千牛工作台"
    assert decode_compound_text(XTERM_LI) == "买家小李 - 千牛工作台"


def test_compound_text_gb2312_in_gr_and_latin1_by_default() -> None:
    gb = "小雨同学".encode("gb2312")
    assert decode_compound_text(b"\x1b$)A" + gb + b"\x1b(B - 1") == "小雨同学 - 1"
    # Without any designation GR holds the right half of Latin-1.
    assert decode_compound_text(b"Caf\xe9") == "Café"


def test_compound_text_korean_cyrillic_and_greek() -> None:
    ko = bytes(b & 0x7F for b in "안녕".encode("euc_kr"))
    assert decode_compound_text(b"\x1b$(C" + ko) == "안녕"
    assert decode_compound_text(b"\x1b-L" + "Привет".encode("iso8859-5")) == "Привет"
    assert decode_compound_text(b"\x1b-F" + "Γειά".encode("iso8859-7")) == "Γειά"


def test_compound_text_extended_segments_utf8_and_big5() -> None:
    big5 = "買家".encode("big5")
    body = b"big5-0\x02" + big5
    segment = b"\x1b%/2" + bytes([0x80 | len(body) // 128, 0x80 | len(body) % 128]) + body
    assert decode_compound_text(segment + b" ok") == "買家 ok"
    assert decode_compound_text(b"\x1b%G" + "買家😀".encode() + b"\x1b%@!") == "買家😀!"


def test_compound_text_never_raises_on_garbage() -> None:
    assert decode_compound_text(b"\x1b$(Z!!") == "\ufffd"  # a set we cannot name
    assert decode_compound_text(b"\x1b") == ""
    assert decode_compound_text(b"\x1b%/2\x80") == ""  # a cut extended segment
    assert "\ufffd" in decode_compound_text(b"\x1b$(A\x7e\x7e")  # not in GB 2312


@pytest.mark.parametrize(
    ("type_name", "value", "text"),
    [
        ("UTF8_STRING", "买家小李 - 千牛工作台".encode(), "买家小李 - 千牛工作台"),
        ("STRING", "Café Ünïcode".encode("latin-1"), "Café Ünïcode"),
        ("COMPOUND_TEXT", XTERM_WANG, "买家小王 - 千牛工作台"),
        ("TEXT", "与小王的对话".encode(), "与小王的对话"),
        ("UTF8_STRING", "already text", "already text"),
    ],
)
def test_text_property_by_type(type_name: str, value: bytes | str, text: str) -> None:
    assert decode_text_property(type_name, value) == text
