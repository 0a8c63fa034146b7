from __future__ import annotations

from typing import cast

import pytest

from quickreply.core.model import Step
from quickreply.platforms.base import parse_combo
from quickreply.platforms.fake import FakeDesktop, FakeHotkeys, FakeScheduler, fake_backend
from quickreply.platforms.paste import PasteResult, PasteService, PasteSettings

CHAT = "亲，在的~\n您的订单今天16:00前付款就能发出哦！"


class Rig:
    def __init__(self, settings: PasteSettings | None = None) -> None:
        self.backend, self.desk = fake_backend()
        self.sched = FakeScheduler()
        self.problems: list[str] = []
        self.results: list[PasteResult] = []
        self.service = PasteService(
            self.backend,
            self.sched,
            self.sched.clock,
            settings,
            on_problem=lambda p: self.problems.append(str(p)),
        )
        self.chat = self.desk.open_window("千牛接待台 - 买家小王")
        self.desk.copy_text("agent's own clipboard")

    def paste(self, text: str, **kw: object) -> None:
        self.service.paste(text, on_done=self.results.append, **kw)  # type: ignore[arg-type]


def test_paste_types_text_into_the_focused_window_and_restores_the_clipboard() -> None:
    rig = Rig()
    rig.paste(CHAT)
    assert rig.chat.text == CHAT
    assert rig.desk.clipboard_text() == CHAT  # still ours until the target has read it
    rig.sched.advance(199)
    assert rig.desk.clipboard_text() == CHAT
    rig.sched.advance(1)
    assert rig.desk.clipboard_text() == "agent's own clipboard"
    assert rig.results == [PasteResult(pasted=1)]


def test_rich_clipboard_comes_back_with_every_format() -> None:
    rig = Rig()
    rig.desk.clipboard = {"text/html": b"<b>x</b>", "image/png": b"\x89PNG..."}
    rig.paste("好的")
    rig.sched.run_until_idle()
    assert rig.desk.clipboard == {"text/html": b"<b>x</b>", "image/png": b"\x89PNG..."}


def test_clipboard_is_not_restored_when_the_agent_copied_something_new() -> None:
    rig = Rig()
    rig.paste(CHAT)
    rig.desk.copy_text("买家的订单号 123")
    rig.sched.run_until_idle()
    assert rig.desk.clipboard_text() == "买家的订单号 123"


def test_waits_until_the_hotkey_key_and_modifiers_are_released() -> None:
    rig = Rig()
    rig.desk.held = {"ctrl", "alt", "1"}
    rig.paste(CHAT, combo=parse_combo("ctrl+alt+1"))
    rig.sched.advance(50)
    assert rig.chat.text == ""
    rig.desk.held = {"1"}  # modifiers up, the hotkey's own key still down
    rig.sched.advance(50)
    assert rig.chat.text == ""
    rig.desk.held = set()
    rig.sched.advance(5)
    assert rig.chat.text == CHAT
    assert rig.desk.events == ["ctrl+v"]


def test_a_key_held_forever_pastes_nothing_and_says_so() -> None:
    rig = Rig()
    rig.desk.held = {"ctrl"}
    rig.paste(CHAT, combo=parse_combo("ctrl+alt+1"))
    rig.sched.run_until_idle()
    assert rig.chat.text == ""
    assert rig.problems == [
        "quickreply:0: paste: ctrl+alt+1 or a modifier is still held down, so nothing was "
        "pasted (release all keys and press the hotkey again)"
    ]
    assert rig.desk.clipboard_text() == "agent's own clipboard"


def test_focus_goes_back_to_the_chat_window_the_palette_took_it_from() -> None:
    rig = Rig()
    palette = rig.desk.open_window("QuickReply")  # takes the focus
    assert rig.desk.focus == palette.id
    rig.desk.focus_lag = 3
    rig.paste(CHAT, target=rig.chat.id)
    rig.sched.run_until_idle()
    assert rig.chat.text == CHAT
    assert palette.text == ""


def test_target_closed_before_the_paste_types_nothing_anywhere() -> None:
    rig = Rig()
    other = rig.desk.open_window("浏览器")
    target = rig.chat.id
    rig.desk.close_window(rig.chat)
    rig.paste(CHAT, target=target)
    rig.sched.run_until_idle()
    assert other.text == ""
    assert rig.desk.events == []
    assert rig.problems == [
        "quickreply:0: paste: the chat window was closed before the paste, so nothing was "
        "typed (click into the chat input and paste again)"
    ]
    assert rig.desk.clipboard_text() == "agent's own clipboard"


def test_target_that_refuses_focus_gets_nothing() -> None:
    rig = Rig()
    palette = rig.desk.open_window("QuickReply")
    rig.desk.refuse_focus = True
    rig.paste(CHAT, target=rig.chat.id)
    rig.sched.run_until_idle()
    assert palette.text == "" and rig.chat.text == ""
    assert "did not take the focus back" in rig.problems[0]


def test_send_presses_enter_after_the_paste() -> None:
    rig = Rig()
    rig.paste(CHAT, send=True)
    rig.sched.run_until_idle()
    assert rig.chat.sent == [CHAT]
    assert rig.desk.events == ["ctrl+v", "enter"]


def test_shift_insert_can_replace_ctrl_v() -> None:
    rig = Rig(PasteSettings(shortcut="shift+insert"))
    rig.paste(CHAT)
    assert rig.desk.events == ["shift+insert"]
    assert rig.chat.text == CHAT


def test_two_step_macro_sends_greeting_then_follow_up() -> None:
    rig = Rig()
    steps = [
        Step("paste", text="亲，在的~"),
        Step("enter"),
        Step("wait", ms=300),
        Step("paste", text="请问有什么可以帮您？"),
        Step("enter"),
    ]
    rig.service.run_steps(steps, on_done=rig.results.append)
    rig.sched.advance(100)
    assert rig.chat.sent == ["亲，在的~"]
    rig.sched.run_until_idle()
    assert rig.chat.sent == ["亲，在的~", "请问有什么可以帮您？"]
    assert rig.results == [PasteResult(pasted=2)]
    assert rig.desk.clipboard_text() == "agent's own clipboard"
    assert cast(object, rig.backend.clipboard).saves == 1  # type: ignore[attr-defined]


def test_macro_stops_when_the_agent_switches_window_during_a_wait() -> None:
    rig = Rig()
    steps = [Step("paste", text="第一句"), Step("wait", ms=500), Step("paste", text="第二句")]
    rig.service.run_steps(steps, on_done=rig.results.append)
    rig.sched.advance(100)
    other = rig.desk.open_window("别的买家")
    rig.sched.run_until_idle()
    assert rig.chat.text == "第一句" and other.text == ""
    assert rig.results[0].pasted == 1
    assert "remaining steps were not sent" in rig.problems[0]
    assert rig.desk.clipboard_text() == "agent's own clipboard"


def test_twenty_quick_pastes_arrive_once_each_in_order() -> None:
    rig = Rig()
    texts = [f"第{i}条回复" for i in range(20)]
    for text in texts:
        rig.paste(text)
        rig.sched.advance(3)  # hotkey pressed again long before the restore delay
    rig.sched.run_until_idle()
    assert rig.chat.text == "".join(texts)
    assert len(rig.results) == 20 and all(r.ok for r in rig.results)
    assert rig.desk.clipboard_text() == "agent's own clipboard"


def test_next_paste_before_restore_keeps_the_first_snapshot() -> None:
    rig = Rig()
    rig.paste("一")
    rig.sched.advance(250)
    assert rig.desk.clipboard_text() == "agent's own clipboard"
    rig.paste("二")
    rig.sched.advance(100)
    rig.paste("三")
    rig.sched.run_until_idle()
    assert rig.chat.text == "一二三"
    assert rig.desk.clipboard_text() == "agent's own clipboard"


def test_quitting_before_the_restore_gives_the_clipboard_back_at_once() -> None:
    rig = Rig()
    rig.paste(CHAT)
    assert rig.desk.clipboard_text() == CHAT
    rig.service.shut_down()  # the app quits: its scheduled restore would never run
    assert rig.desk.clipboard_text() == "agent's own clipboard"
    rig.sched.run_until_idle()
    assert rig.desk.clipboard_text() == "agent's own clipboard"


def test_quitting_types_nothing_more_and_keeps_what_the_agent_copied() -> None:
    rig = Rig()
    steps = [Step("paste", text="第一句"), Step("wait", ms=500), Step("paste", text="第二句")]
    rig.service.run_steps(steps, on_done=rig.results.append)
    rig.paste("排队的回复")
    rig.sched.advance(100)
    rig.desk.copy_text("买家的订单号 123")
    rig.service.shut_down()
    rig.sched.run_until_idle()
    assert rig.chat.text == "第一句"  # neither the macro's rest nor the queued reply
    assert rig.desk.clipboard_text() == "买家的订单号 123"


def test_fifty_thousand_characters_paste_whole() -> None:
    rig = Rig()
    text = ("亲，您好！" * 10_000)[:50_000]
    rig.paste(text)
    assert len(rig.chat.text) == 50_000 and rig.chat.text == text


def test_empty_clipboard_is_empty_again_afterwards() -> None:
    rig = Rig()
    rig.desk.clipboard = {}
    rig.paste(CHAT)
    rig.sched.run_until_idle()
    assert rig.desk.clipboard == {}


def test_hotkeys_report_a_clash_by_name_and_keep_the_others() -> None:
    backend, _ = fake_backend(FakeDesktop(taken={"ctrl+alt+9"}))
    fired: list[str] = []
    backend.hotkeys.set_handler(fired.append)
    assert backend.hotkeys.register("palette", parse_combo("Ctrl+Space")) is None
    problem = backend.hotkeys.register("snippet:greet", parse_combo("alt+ctrl+9"))
    assert str(problem) == (
        "quickreply:0: hotkeys: hotkey ctrl+alt+9 for 'snippet:greet' is already taken by "
        "another program (choose another combination in settings or close the other program)"
    )
    assert cast(FakeHotkeys, backend.hotkeys).press("ctrl+space")
    assert fired == ["palette"]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("ctrl+alt+1", "ctrl+alt+1"),
        ("Alt + Ctrl + F2", "ctrl+alt+f2"),
        ("win+shift+q", "shift+meta+q"),
    ],
)
def test_combo_strings_round_trip(text: str, canonical: str) -> None:
    assert str(parse_combo(text)) == canonical


@pytest.mark.parametrize("bad", ["", "ctrl+", "ctrl+alt", "ctrl+a+b"])
def test_bad_combo_strings_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_combo(bad)
