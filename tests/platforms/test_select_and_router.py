from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest

from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet, Step
from quickreply.platforms.fake import FakeDesktop, FakeHotkeys, FakeScheduler, fake_backend
from quickreply.platforms.paste import PasteService
from quickreply.platforms.router import HotkeyRouter
from quickreply.platforms.select import choose_backend


def test_wayland_session_says_what_to_do_in_one_line() -> None:
    choice = choose_backend("auto", {"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}, "linux")
    assert choice.backend is None
    assert str(choice.problem) == (
        "quickreply:0: backend: this is a Wayland session: global hotkeys and pasting into "
        "other apps are not available (log in with an X11 (Xorg) session, or press Enter in "
        "the palette to copy and paste with Ctrl+V yourself)"
    )


def test_no_display_and_unknown_override_are_one_line_each() -> None:
    assert "DISPLAY is not set" in str(choose_backend("auto", {}, "linux").problem)
    assert str(choose_backend("carrier-pigeon", {}, "linux").problem) == (
        "quickreply:0: backend: unknown paste backend 'carrier-pigeon' "
        "(use one of auto, x11, windows, fake, none in settings)"
    )


def test_x11_that_cannot_open_its_display_is_reported_not_raised() -> None:
    choice = choose_backend("x11", {"DISPLAY": ":9876"}, "linux")
    assert choice.backend is None
    assert str(choice.problem).startswith(
        "quickreply:0: backend: the X11 backend cannot start: cannot open X display :9876"
    )


def test_settings_override_picks_the_fake_backend() -> None:
    choice = choose_backend("fake", {"XDG_SESSION_TYPE": "wayland"}, "linux")
    assert choice.backend is not None and choice.backend.name == "fake"


def library(*snippets: Snippet) -> Library:
    pack = Pack(PackMeta("t", "t"), snippets, Path("/packs/t.yaml"), PackSource.TEAM)
    return Library((pack,))


class RouterRig:
    def __init__(self, lib: Library, taken: set[str] | None = None) -> None:
        self.backend, self.desk = fake_backend(FakeDesktop(taken=taken or set()))
        self.sched = FakeScheduler()
        self.service = PasteService(self.backend, self.sched, self.sched.clock)
        self.palette_targets: list[int | None] = []
        self.problems: list[str] = []
        self.router = HotkeyRouter(
            self.backend,
            self.service,
            render=lambda s, _target: s.text.replace("{{ x }}", "X"),
            render_steps=lambda s, _target: s.steps,
            on_palette=self.palette_targets.append,
            on_problem=lambda p: self.problems.append(str(p)),
        )
        self.backend.hotkeys.set_handler(self.router.on_hotkey)
        self.chat = self.desk.open_window("chat")
        self.lib = lib

    def press(self, combo: str) -> None:
        assert cast(FakeHotkeys, self.backend.hotkeys).press(combo)
        self.sched.run_until_idle()


def test_snippet_hotkeys_from_packs_and_settings_paste_directly() -> None:
    rig = RouterRig(
        library(
            Snippet("a", "A", ("甲{{ x }}",), hotkey="ctrl+alt+1"),
            Snippet("b", "B", ("乙",)),
            Snippet("m", "M", (), hotkey="ctrl+alt+3", steps=(Step("paste", "一"), Step("enter"))),
        )
    )
    problems = rig.router.register_all("ctrl+alt+space", rig.lib, {"b": "ctrl+alt+2"})
    assert problems == []
    rig.press("ctrl+alt+1")
    rig.press("ctrl+alt+2")
    assert rig.chat.text == "甲X乙"
    rig.press("ctrl+alt+3")
    assert rig.chat.sent == ["甲X乙一"]
    rig.press("ctrl+alt+space")
    assert rig.palette_targets == [rig.chat.id]


def test_bad_and_taken_hotkeys_are_reported_and_the_rest_stay() -> None:
    rig = RouterRig(
        library(
            Snippet("a", "A", ("甲",), hotkey="ctrl+alt+1", line=7),
            Snippet("b", "B", ("乙",), hotkey="ctrl+banana", line=12),
        ),
        taken={"ctrl+alt+1"},
    )
    problems = [str(p) for p in rig.router.register_all("ctrl+alt+space", rig.lib)]
    assert problems[0] == (
        "quickreply:0: hotkeys: hotkey ctrl+alt+1 for 'snippet:a' is already taken by another "
        "program (choose another combination in settings or close the other program)"
    )
    assert problems[1].startswith("settings:12: b: hotkey: 'ctrl+banana'")
    assert list(rig.backend.hotkeys.registered()) == ["palette"]


def test_render_error_types_nothing_and_names_the_snippet() -> None:
    def broken(snippet: Snippet, target: int | None) -> str:
        raise ValueError("unknown name 'fo' (did you mean 'foo'?)")

    rig = RouterRig(library(Snippet("a", "A", ("甲",), hotkey="ctrl+alt+1", path="/p.yaml")))
    rig.router._render = broken
    rig.router.register_all("ctrl+alt+space", rig.lib)
    rig.press("ctrl+alt+1")
    assert rig.chat.text == ""
    assert rig.problems == ["/p.yaml:0: a: unknown name 'fo' (did you mean 'foo'?)"]


@pytest.mark.parametrize("paused", [True])
def test_paused_router_ignores_hotkeys(paused: bool) -> None:
    rig = RouterRig(library(Snippet("a", "A", ("甲",), hotkey="ctrl+alt+1")))
    rig.router.register_all("ctrl+alt+space", rig.lib)
    rig.router.paused = paused
    rig.press("ctrl+alt+1")
    assert rig.chat.text == ""
