"""Image replies through the paste sequence (issue 17): the picture is pasted first, then the
text, each with the paste shortcut; the agent's clipboard comes back afterwards, and a copy the
agent makes meanwhile is never overwritten. On the fake desktop, through the hotkey router, and
on the strict Win32 fake (``PNG`` registered format plus ``CF_DIB`` pixels)."""

from __future__ import annotations

import struct
from pathlib import Path

from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet, Step
from quickreply.platforms.base import Backend
from quickreply.platforms.fake import FakeHotkeys, FakeScheduler, fake_backend
from quickreply.platforms.paste import PasteResult, PasteService
from quickreply.platforms.router import HotkeyRouter
from quickreply.platforms.windows import create_windows_backend
from tests.pngs import jpeg_header, png
from tests.win32fake import FakeWin32
from tests.win32fake_clipboard import CF_DIB, CF_UNICODETEXT

CHART = png()
TEXT = "亲，尺码表请看上图~"


class Rig:
    def __init__(self) -> None:
        self.backend, self.desk = fake_backend()
        self.sched = FakeScheduler()
        self.problems: list[str] = []
        self.results: list[PasteResult] = []
        self.service = PasteService(
            self.backend,
            self.sched,
            self.sched.clock,
            on_problem=lambda p: self.problems.append(str(p)),
        )
        self.chat = self.desk.open_window("千牛接待台 - 买家小王")
        self.desk.copy_text("agent's own clipboard")


def test_an_image_is_pasted_before_the_text_and_the_clipboard_comes_back() -> None:
    rig = Rig()
    rig.service.paste(TEXT, image=CHART, on_done=rig.results.append)
    assert rig.chat.images == [CHART] and rig.chat.text == ""  # the picture went first
    assert rig.desk.clipboard == {"image/png": CHART}
    rig.sched.advance(199)  # the chat has not read the picture yet: the text waits
    assert rig.chat.text == ""
    rig.sched.advance(1)
    assert rig.chat.text == TEXT
    rig.sched.run_until_idle()
    assert rig.desk.events == ["ctrl+v", "ctrl+v"]
    assert rig.desk.clipboard_text() == "agent's own clipboard"
    assert rig.results == [PasteResult(pasted=2)]


def test_a_jpeg_goes_on_the_clipboard_as_image_jpeg() -> None:
    rig = Rig()
    card = jpeg_header(640, 480)
    rig.service.paste(TEXT, image=card)
    assert rig.desk.clipboard == {"image/jpeg": card}


def test_send_presses_enter_once_after_the_text() -> None:
    rig = Rig()
    rig.service.paste(TEXT, image=CHART, send=True)
    rig.sched.run_until_idle()
    assert rig.chat.images == [CHART]
    assert rig.chat.sent == [TEXT]
    assert rig.desk.events == ["ctrl+v", "ctrl+v", "enter"]


def test_an_image_copied_by_the_agent_meanwhile_is_kept() -> None:
    """The agent copies a screenshot while our picture is on the clipboard: it stays."""
    rig = Rig()
    rig.service.run_steps([Step("image", data=CHART)])
    screenshot = png(8, 8)
    rig.desk.copy_image(screenshot, "image/png")
    rig.sched.run_until_idle()
    assert rig.desk.clipboard_image() == screenshot


def test_a_macro_ending_on_an_image_still_gives_the_clipboard_back() -> None:
    rig = Rig()
    rig.service.run_steps(
        [Step("paste", text="亲，在的~"), Step("enter"), Step("image", data=CHART)]
    )
    rig.sched.run_until_idle()
    assert rig.chat.sent == ["亲，在的~"] and rig.chat.images == [CHART]
    assert rig.desk.clipboard_text() == "agent's own clipboard"


def test_bytes_that_are_no_image_paste_nothing_more_and_say_so() -> None:
    rig = Rig()
    rig.service.run_steps([Step("image", data=b"GIF89a..."), Step("paste", text=TEXT)])
    rig.sched.run_until_idle()
    assert rig.chat.images == [] and rig.chat.text == ""
    assert rig.problems == [
        "quickreply:0: paste: the image is a GIF file, not PNG or JPEG, so nothing more was"
        " pasted (check the reply with quickreply lint)"
    ]
    assert rig.desk.clipboard_text() == "agent's own clipboard"


def test_a_direct_hotkey_on_an_image_reply_pastes_the_picture_then_the_text() -> None:
    backend, desk = fake_backend()
    sched = FakeScheduler()
    chat = desk.open_window("千牛接待台 - 买家小王")
    service = PasteService(backend, sched, sched.clock)
    reply = Snippet("size.chart", "尺码表", (TEXT,), hotkey="ctrl+alt+5", image="尺码表.png")
    pack = Pack(PackMeta("t", "t"), (reply,), Path("/packs/t.yaml"), PackSource.TEAM)
    asked: list[str] = []

    def image(snippet: Snippet) -> bytes:
        asked.append(snippet.image)
        return CHART

    router = HotkeyRouter(
        backend,
        service,
        render=lambda s, _t: s.text,
        render_steps=lambda s, _t: s.steps,
        on_palette=lambda _t: None,
        image=image,
    )
    backend.hotkeys.set_handler(router.on_hotkey)
    router.register_all("ctrl+alt+space", Library((pack,)))
    assert isinstance(backend.hotkeys, FakeHotkeys) and backend.hotkeys.press("ctrl+alt+5")
    sched.run_until_idle()
    assert asked == ["尺码表.png"]
    assert chat.images == [CHART] and chat.text == TEXT


# -- Windows ------------------------------------------------------------------------------------


def fake_dib(data: bytes) -> bytes:
    """Stands in for ui/imageclip.packed_dib (tested there with Qt)."""
    return struct.pack("<IiiHH", 40, 40, 30, 1, 32) + b"\x00" * 30 + data[:4]


def windows(win32: FakeWin32, dib: bool = True) -> tuple[Backend, PasteService, FakeScheduler]:
    backend = create_windows_backend(dib=fake_dib if dib else None)
    sched = FakeScheduler()
    return backend, PasteService(backend, sched, sched.clock), sched


def test_windows_puts_the_png_format_and_dib_pixels_then_restores(win32: FakeWin32) -> None:
    win32.copy_from_other_program({CF_UNICODETEXT: (("原来的") + "\0").encode("utf-16-le")})
    backend, service, sched = windows(win32)
    try:
        history = len(win32.history)
        service.paste(TEXT, image=CHART)
        png_format = win32.formats["PNG"]
        assert win32.agent_view() == {png_format: CHART, CF_DIB: fake_dib(CHART)}
        assert win32.sent == ["ctrl+v"]
        sched.advance(200)
        assert win32.sent == ["ctrl+v", "ctrl+v"]
        assert win32.windows[FakeWin32.CHAT].typed == TEXT
        sched.run_until_idle()
        assert win32.text() == "原来的"
        assert len(win32.history) == history  # neither reply nor picture in Win+V history
        assert win32.leaked() == []
    finally:
        backend.close()


def test_windows_without_a_converter_still_offers_the_file_jpeg_as_jfif(win32: FakeWin32) -> None:
    backend, service, sched = windows(win32, dib=False)
    try:
        card = jpeg_header(640, 480)
        service.run_steps([Step("image", data=card)])
        assert win32.agent_view() == {win32.formats["JFIF"]: card}
        sched.run_until_idle()
    finally:
        backend.close()


def test_windows_keeps_a_copy_the_agent_made_after_our_picture(win32: FakeWin32) -> None:
    backend, service, sched = windows(win32)
    try:
        service.run_steps([Step("image", data=CHART)])
        win32.copy_from_other_program({CF_UNICODETEXT: "新复制的\0".encode("utf-16-le")})
        sched.run_until_idle()
        assert win32.text() == "新复制的"
    finally:
        backend.close()
