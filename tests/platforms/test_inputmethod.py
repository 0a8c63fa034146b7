"""Choosing an input-method module this Qt has (fcitx5 desktops with the PySide6 wheel).

Not run against a real fcitx5/ibus in a private D-Bus session: the choice is tested here, and
the last test checks it against the installed wheel's plugin folder."""

from __future__ import annotations

import pytest

from quickreply.platforms.inputmethod import choose_input_method, plugin_names

WHEEL = plugin_names(
    [
        "libcomposeplatforminputcontextplugin.so",
        "libibusplatforminputcontextplugin.so",
        "libqtvirtualkeyboardplugin.so",
    ]
)


def test_the_wheel_has_ibus_and_compose() -> None:
    assert {"compose", "ibus"} == WHEEL


@pytest.mark.parametrize("asked", ["fcitx", "fcitx5"])
def test_fcitx_without_its_plugin_switches_to_ibus_and_says_so_in_one_line(asked: str) -> None:
    choice = choose_input_method({"QT_IM_MODULE": asked}, WHEEL)
    assert choice.env == {"QT_IM_MODULE": "ibus", "QT_IM_MODULES": "ibus"}
    assert len(choice.line.splitlines()) == 1 and "ibus" in choice.line and asked in choice.line


@pytest.mark.parametrize(
    "env",
    [{}, {"QT_IM_MODULE": "ibus"}, {"QT_IM_MODULES": "fcitx;ibus"}, {"QT_IM_MODULE": "xim"}],
)
def test_what_works_or_what_we_cannot_help_is_left_alone(env: dict[str, str]) -> None:
    assert choose_input_method(env, WHEEL).env == {}
    assert choose_input_method(env, WHEEL).line == ""


def test_a_qt_with_the_fcitx_plugin_keeps_fcitx() -> None:
    assert choose_input_method({"QT_IM_MODULE": "fcitx"}, WHEEL | {"fcitx"}).env == {}


def test_no_ibus_plugin_either_is_said_and_nothing_changes() -> None:
    choice = choose_input_method({"QT_IM_MODULE": "fcitx"}, {"compose"})
    assert choice.env == {} and "Chinese input" in choice.line


def test_the_app_switches_this_wheel_from_fcitx_to_ibus(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from quickreply.app.main import use_working_input_method

    monkeypatch.setenv("QT_IM_MODULE", "fcitx")
    monkeypatch.delenv("QT_IM_MODULES", raising=False)
    use_working_input_method()
    import os

    assert os.environ["QT_IM_MODULE"] == "ibus"
    assert len(capsys.readouterr().err.splitlines()) == 1
