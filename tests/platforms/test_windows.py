"""The Windows backend over a strict fake of Win32 (tests/win32fake.py): the paste sequence, the
clipboard's owner/handle/busy/history rules, RegisterHotKey hotkeys, UIPI and the foreground
lock. Each rule the fake models has a test here that the backend before issue 19 failed."""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from quickreply.platforms.base import Backend, ClipboardSnapshot, parse_combo
from quickreply.platforms.fake import FakeScheduler
from quickreply.platforms.paste import PasteService
from quickreply.platforms.windows import WindowsBackend, create_windows_backend
from tests.win32fake import (
    HIGH,
    MOD_ALT,
    MOD_CONTROL,
    MOD_NOREPEAT,
    FakeWin32,
)
from tests.win32fake_clipboard import CF_BITMAP, CF_DIB, CF_UNICODETEXT

CF_HTML = 0xC0F1
CHAT, PALETTE = FakeWin32.CHAT, FakeWin32.PALETTE


def utf16(text: str) -> bytes:
    return (text + "\0").encode("utf-16-le")


def agent_clipboard() -> dict[int, bytes]:
    return {
        CF_UNICODETEXT: utf16("原来的"),
        CF_HTML: b"Version:0.9\r\n<b>x</b>",
        CF_DIB: b"BM-ish image bytes",
    }


def service(backend: Backend) -> tuple[PasteService, FakeScheduler, list[str]]:
    sched = FakeScheduler()
    problems: list[str] = []
    paste = PasteService(backend, sched, sched.clock, on_problem=lambda p: problems.append(str(p)))
    return paste, sched, problems


def wait_until(condition: Callable[[], bool]) -> None:
    """Synchronise with the hotkey thread (not a timing assert: 5 s is only a hang guard)."""
    end = time.monotonic() + 5
    while not condition():
        assert time.monotonic() < end, "the hotkey thread never answered"
        time.sleep(0.002)


def pressed(win32: FakeWin32, backend: Backend, combo: str, repeats: int = 0) -> None:
    win32.press(combo, repeats)
    win32.settle()


@pytest.fixture
def backend(win32: FakeWin32) -> Iterator[Backend]:
    built = create_windows_backend()
    yield built
    built.close()


# -- the paste sequence (tests kept from before issue 19) ------------------------------------


def test_paste_sequence_on_windows_types_text_and_restores_every_format(
    win32: FakeWin32, backend: Backend
) -> None:
    win32.clipboard = {**agent_clipboard(), CF_BITMAP: b""}
    before = agent_clipboard()  # CF_BITMAP is a GDI handle: Windows rebuilds it from CF_DIB
    paste, sched, problems = service(backend)
    win32.hold("ctrl", "alt", "1")
    paste.paste("亲，在的~\n请问有什么可以帮您？", combo=parse_combo("ctrl+alt+1"), send=True)
    sched.advance(20)
    assert win32.sent == []  # still held: nothing typed yet
    win32.release_all()
    sched.run_until_idle()
    assert win32.windows[CHAT].sent == ["亲，在的~\n请问有什么可以帮您？"]
    assert win32.sent == ["ctrl+v", "enter"]
    assert {k: v for k, v in win32.agent_view().items() if k in before} == before
    assert problems == []


def test_focus_goes_back_to_the_remembered_window(win32: FakeWin32, backend: Backend) -> None:
    paste, sched, _ = service(backend)
    target = backend.windows.current()
    win32.foreground = PALETTE  # the palette took it: our process is the foreground one
    paste.paste("好的", target=target)
    sched.run_until_idle()
    assert win32.focus_requests == [CHAT]
    assert win32.windows[CHAT].typed == "好的"
    assert backend.windows.title(CHAT) == "千牛接待台"


def test_closed_target_types_nothing(win32: FakeWin32, backend: Backend) -> None:
    paste, sched, problems = service(backend)
    del win32.windows[CHAT]
    paste.paste("好的", target=CHAT)
    sched.run_until_idle()
    assert win32.sent == []
    assert "the chat window was closed before the paste" in problems[0]


def test_hotkey_taken_by_another_program_is_named_and_others_register(
    win32: FakeWin32, backend: Backend
) -> None:
    win32.taken = {(MOD_ALT | MOD_CONTROL, ord("9"))}  # ctrl+alt+9 held by another program
    fired: list[str] = []
    backend.hotkeys.set_handler(fired.append)
    problem = backend.hotkeys.register("snippet:x", parse_combo("ctrl+alt+9"))
    assert str(problem) == (
        "quickreply:0: hotkeys: hotkey ctrl+alt+9 for 'snippet:x' is already taken by another "
        "program (choose another combination in settings or close the other program)"
    )
    assert backend.hotkeys.register("palette", parse_combo("ctrl+alt+space")) is None
    assert list(backend.hotkeys.registered()) == ["palette"]
    assert [v[:2] for v in win32.hotkeys.values()] == [(MOD_CONTROL | MOD_ALT | MOD_NOREPEAT, 0x20)]
    pressed(win32, backend, "ctrl+alt+space")
    wait_until(lambda: fired == ["palette"])
    backend.hotkeys.unregister("palette")
    assert win32.hotkeys == {}


def test_fifty_thousand_characters_paste_whole(win32: FakeWin32, backend: Backend) -> None:
    paste, sched, _ = service(backend)
    text = ("亲，您好！" * 10_000)[:50_000]
    paste.paste(text)
    sched.run_until_idle()
    assert win32.windows[CHAT].typed == text


def test_not_windows_disables_only_this_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    from quickreply.platforms.select import choose_backend

    monkeypatch.delattr(ctypes, "WinDLL", raising=False)
    choice = choose_backend("windows", {})
    assert choice.backend is None
    assert str(choice.problem).startswith(
        "quickreply:0: backend: the Windows backend cannot start: this is not Windows"
    )
    assert WindowsBackend is not None


# -- the clipboard -------------------------------------------------------------------------


def test_restore_owns_the_clipboard_so_set_clipboard_data_succeeds(
    win32: FakeWin32, backend: Backend
) -> None:
    """OpenClipboard(NULL) + EmptyClipboard leaves no owner and SetClipboardData fails: the
    agent's clipboard came back empty after every paste."""
    win32.clipboard = agent_clipboard()
    paste, sched, problems = service(backend)
    paste.paste("好的")
    sched.run_until_idle()
    assert win32.agent_view() == agent_clipboard()
    assert win32.leaked() == []
    assert problems == []


def test_a_failed_set_clipboard_data_is_reported_and_frees_its_memory(
    win32: FakeWin32, backend: Backend
) -> None:
    snapshot = ClipboardSnapshot({str(CF_UNICODETEXT): utf16("原来的"), str(CF_DIB): b"img"})
    win32.refuse_data = True
    with pytest.raises(OSError, match="SetClipboardData"):
        backend.clipboard.restore(snapshot)
    assert win32.leaked() == []
    assert win32.clip_open is None  # closed again


def test_handles_above_4_gb_are_not_cut_to_32_bits(win32: FakeWin32, backend: Backend) -> None:
    """Without argtypes ctypes passes a handle as a C int: 0x20a00001000 became 0x1000 and
    GlobalLock/GlobalSize failed, so every saved format was lost."""
    win32.clipboard = agent_clipboard()
    snapshot = backend.clipboard.save()
    assert {int(k): v for k, v in snapshot.formats.items()} == agent_clipboard()
    assert min(win32.memory) > 0xFFFF_FFFF


def test_clipboard_held_by_another_program_for_a_moment_keeps_every_format(
    win32: FakeWin32, backend: Backend
) -> None:
    win32.clipboard = agent_clipboard()
    win32.busy = 2  # Win+V or a clipboard manager reading it right now
    paste, sched, problems = service(backend)
    paste.paste("好的")
    sched.run_until_idle()
    assert win32.windows[CHAT].typed == "好的"
    assert win32.agent_view() == agent_clipboard()
    assert problems == []


def test_clipboard_held_for_long_pastes_nothing_and_loses_nothing(
    win32: FakeWin32, backend: Backend
) -> None:
    win32.clipboard = agent_clipboard()
    win32.busy = 10_000
    paste, sched, problems = service(backend)
    paste.paste("好的")
    sched.run_until_idle()
    assert win32.sent == [] and win32.windows[CHAT].typed == ""
    assert win32.agent_view() == agent_clipboard()
    assert "another program is using the clipboard" in problems[0]


def test_replies_stay_out_of_clipboard_history(win32: FakeWin32, backend: Backend) -> None:
    win32.clipboard = agent_clipboard()
    paste, sched, _ = service(backend)
    for text in ("亲，在的~", "好的", "稍等"):
        paste.paste(text)
    sched.run_until_idle()
    assert [win32.windows[CHAT].typed, win32.history] == ["亲，在的~好的稍等", []]


def test_a_copy_of_the_same_text_by_the_agent_is_not_overwritten(
    win32: FakeWin32, backend: Backend
) -> None:
    """The text compare said 'still ours' when the agent copied the reply itself; the
    clipboard's sequence number says it changed hands."""
    win32.clipboard = agent_clipboard()
    paste, sched, _ = service(backend)
    paste.paste("好的")
    sched.advance(50)  # pasted, restore not yet due
    win32.copy_from_other_program({CF_UNICODETEXT: utf16("好的")})
    sched.run_until_idle()
    assert win32.agent_view() == {CF_UNICODETEXT: utf16("好的")}


# -- keys ----------------------------------------------------------------------------------


def test_a_missed_key_up_does_not_block_the_paste(win32: FakeWin32, backend: Backend) -> None:
    """After Win+L a low-level hook never sees the Win key-up; its table says 'held' for
    ever. GetAsyncKeyState asks the system."""
    win32.lock_screen()
    paste, sched, problems = service(backend)
    paste.paste("好的")
    sched.run_until_idle()
    assert win32.windows[CHAT].typed == "好的"
    assert problems == []


def test_an_elevated_chat_client_is_named_instead_of_typing_nothing_silently(
    win32: FakeWin32, backend: Backend
) -> None:
    win32.clipboard = agent_clipboard()
    win32.processes[5000] = HIGH  # the chat client runs as administrator
    paste, sched, problems = service(backend)
    paste.paste("好的")
    sched.run_until_idle()
    assert win32.windows[CHAT].typed == ""
    assert len(problems) == 1 and "runs as administrator" in problems[0]
    assert win32.agent_view() == agent_clipboard()


def test_a_chat_client_at_our_level_or_lower_gets_the_paste(
    win32: FakeWin32, backend: Backend
) -> None:
    win32.processes[5000] = 0x1000  # low integrity (a sandboxed client)
    paste, sched, problems = service(backend)
    paste.paste("好的")
    sched.run_until_idle()
    assert (win32.windows[CHAT].typed, problems) == ("好的", [])


# -- hotkeys -------------------------------------------------------------------------------


def test_the_hotkey_key_never_reaches_the_chat_whatever_the_handler_returns(
    win32: FakeWin32, backend: Backend
) -> None:
    """The app's handler is a Qt signal's emit, which returns True; `keyboard` let the key
    through on a truthy result, so '1' was typed into the chat after Ctrl+Alt+1."""
    fired: list[str] = []

    def emit(name: str) -> bool:
        fired.append(name)
        return True

    backend.hotkeys.set_handler(emit)  # type: ignore[arg-type]
    assert backend.hotkeys.register("snippet:a", parse_combo("ctrl+alt+1")) is None
    assert backend.hotkeys.register("palette", parse_combo("ctrl+alt+space")) is None
    pressed(win32, backend, "ctrl+alt+1")
    pressed(win32, backend, "ctrl+alt+space")
    wait_until(lambda: len(fired) == 2)
    assert (fired, win32.windows[CHAT].typed) == (["snippet:a", "palette"], "")


def test_holding_a_hotkey_fires_it_once(win32: FakeWin32, backend: Backend) -> None:
    fired: list[str] = []
    backend.hotkeys.set_handler(fired.append)
    backend.hotkeys.register("snippet:a", parse_combo("ctrl+alt+1"))
    pressed(win32, backend, "ctrl+alt+1", repeats=5)  # ~0.5 s held: five auto-repeats
    wait_until(lambda: len(fired) >= 1)
    win32.settle()
    assert fired == ["snippet:a"]


def test_ctrl_click_in_the_chat_still_works_while_hotkeys_are_registered(
    win32: FakeWin32, backend: Backend
) -> None:
    backend.hotkeys.register("palette", parse_combo("ctrl+alt+space"))
    assert win32.ctrl_click() == "ctrl+click"


def test_a_slow_moment_in_our_process_does_not_kill_the_hotkeys(
    win32: FakeWin32, backend: Backend
) -> None:
    fired: list[str] = []
    backend.hotkeys.set_handler(fired.append)
    backend.hotkeys.register("palette", parse_combo("ctrl+alt+space"))
    win32.gil_busy_ms = 1500  # e.g. a big library reload holds the GIL
    pressed(win32, backend, "ctrl+alt+space")
    win32.gil_busy_ms = 0
    pressed(win32, backend, "ctrl+alt+space")
    wait_until(lambda: len(fired) == 2)
    assert win32.windows[CHAT].typed == ""


def test_input_method_toggles_are_refused_as_hotkeys(win32: FakeWin32, backend: Backend) -> None:
    for combo in ("ctrl+space", "shift+space", "ctrl+."):
        problem = backend.hotkeys.register("palette", parse_combo(combo))
        assert problem is not None and "input method" in problem.message, combo
    assert win32.hotkeys == {} and backend.hotkeys.registered() == {}


def test_handler_runs_on_the_hotkey_thread_not_the_callers(
    win32: FakeWin32, backend: Backend
) -> None:
    threads: list[threading.Thread] = []
    backend.hotkeys.set_handler(lambda name: threads.append(threading.current_thread()))
    backend.hotkeys.register("palette", parse_combo("ctrl+alt+space"))
    pressed(win32, backend, "ctrl+alt+space")
    wait_until(lambda: len(threads) == 1)
    assert threads[0] is not threading.current_thread()


# -- focus ---------------------------------------------------------------------------------


def test_the_palette_may_take_the_focus_after_its_hotkey(
    win32: FakeWin32, backend: Backend
) -> None:
    """Windows lets a process set the foreground window only if it received the last input
    event: WM_HOTKEY is delivered to us, a low-level hook only watches the key go by."""
    fired: list[str] = []
    backend.hotkeys.set_handler(fired.append)
    backend.hotkeys.register("palette", parse_combo("ctrl+alt+space"))
    pressed(win32, backend, "ctrl+alt+space")
    wait_until(lambda: fired == ["palette"])
    assert backend.windows.activate(PALETTE)  # what Qt's activateWindow() asks for
    assert win32.foreground == PALETTE


def test_focus_is_not_stolen_without_the_users_input(win32: FakeWin32, backend: Backend) -> None:
    win32.foreground = FakeWin32.NOTEPAD  # another program is in front, no hotkey pressed
    assert not backend.windows.activate(CHAT)
    assert win32.foreground == FakeWin32.NOTEPAD


def test_a_minimised_chat_is_restored_before_the_paste(win32: FakeWin32, backend: Backend) -> None:
    win32.windows[CHAT].iconic = True
    win32.foreground = PALETTE
    paste, sched, _ = service(backend)
    paste.paste("好的", target=CHAT)
    sched.run_until_idle()
    assert not win32.windows[CHAT].iconic and win32.windows[CHAT].typed == "好的"


def test_closing_stops_the_hotkey_thread_and_releases_everything(win32: FakeWin32) -> None:
    built = create_windows_backend()
    built.hotkeys.register("palette", parse_combo("ctrl+alt+space"))
    built.close()
    assert win32.hotkeys == {}
    assert not [t for t in threading.enumerate() if t.name == "quickreply-hotkeys"]
