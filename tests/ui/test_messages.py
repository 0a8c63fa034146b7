"""Platform problems reach the agent as one sentence in the UI language that says what to do."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from quickreply.core.hotkeys import parse_hotkey
from quickreply.core.model import Snippet
from quickreply.core.problems import Problem
from quickreply.platforms.base import platform_problem
from quickreply.platforms.fake import FakeDesktop, fake_backend
from quickreply.platforms.select import choose_backend
from quickreply.ui import messages
from quickreply.ui.i18n import install_translators
from quickreply.ui.messages import describe, reason

ROOT = Path(__file__).resolve().parents[2]
TAKEN = "请在设置里换一个组合，或关闭占用它的程序。"


def problem(code: str, **args: str) -> Problem:
    """What a platform reports: the English line is irrelevant to describe()."""
    return platform_problem("x", "english", code=code, args=args)


def taken(name: str, combo: str = "ctrl+alt+w") -> Problem:
    backend, _ = fake_backend(FakeDesktop(taken={combo}))
    found = backend.hotkeys.register(name, parse_hotkey(combo))
    assert found is not None
    return found


SNIPPETS = {"thanks": Snippet(id="thanks", title="感谢", variants=("谢谢亲~",), code="xx")}


def test_a_hotkey_taken_by_another_program_names_it_as_the_settings_dialog_does() -> None:
    assert (
        describe(taken("timer:waiting"))
        == f"快捷键 Ctrl+Alt+W（买家在等待）已被其他程序占用：{TAKEN}"
    )
    assert (
        describe(taken("timer:replied")) == f"快捷键 Ctrl+Alt+W（已回复）已被其他程序占用：{TAKEN}"
    )
    assert (
        describe(taken("palette")) == f"快捷键 Ctrl+Alt+W（呼出快捷回复）已被其他程序占用：{TAKEN}"
    )


def test_a_snippet_hotkey_is_named_by_its_code_and_title_when_the_library_has_it() -> None:
    assert describe(taken("snippet:thanks"), SNIPPETS.get) == (
        f"快捷键 Ctrl+Alt+W（xx 感谢）已被其他程序占用：{TAKEN}"
    )
    assert describe(taken("snippet:gone"), SNIPPETS.get) == (
        f"快捷键 Ctrl+Alt+W（gone）已被其他程序占用：{TAKEN}"
    )
    assert describe(taken("snippet:thanks")) == (
        f"快捷键 Ctrl+Alt+W（thanks）已被其他程序占用：{TAKEN}"
    )


def test_a_clash_that_kept_the_old_combination_says_which_one_still_works() -> None:
    kept = problem("hotkey.taken", combo="ctrl+alt+k", name="palette", kept="ctrl+alt+space")
    assert describe(kept) == (
        f"快捷键 Ctrl+Alt+K（呼出快捷回复）已被其他程序占用，仍使用原来的 Ctrl+Alt+Space：{TAKEN}"
    )


def test_a_combination_held_by_two_of_our_hotkeys() -> None:
    backend, _ = fake_backend()
    hotkeys = backend.hotkeys
    assert hotkeys.register("palette", parse_hotkey("ctrl+alt+1")) is None
    found = hotkeys.register("snippet:thanks", parse_hotkey("ctrl+alt+1"))
    assert found is not None
    assert describe(found, SNIPPETS.get) == (
        "快捷键 Ctrl+Alt+1（xx 感谢）已被本程序的「呼出快捷回复」使用：请给其中一个换一个组合。"
    )


BACKEND_CASES = [
    (
        "auto",
        {"WAYLAND_DISPLAY": "wayland-0"},
        "这是 Wayland 会话，全局快捷键和向其他程序自动粘贴都不可用",
        "请改用 X11（Xorg）会话登录；或在快捷回复里按 Enter 复制，再自己按 Ctrl+V 粘贴。",
    ),
    (
        "auto",
        {},
        "没有 X11 显示（DISPLAY 未设置），全局快捷键和自动粘贴已关闭",
        "请在桌面会话里启动快捷回复助手。",
    ),
    (
        "none",
        {},
        "自动粘贴和全局快捷键已在设置里关闭",
        "需要时在设置里把粘贴方式改回「自动」。",
    ),
    (
        "wayland",
        {},
        "未知的粘贴方式「wayland」",
        "请在设置里选择其中之一：auto, x11, windows, fake, none。",
    ),
]


@pytest.mark.parametrize(("preference", "env", "what", "advice"), BACKEND_CASES)
def test_why_paste_is_off(preference: str, env: dict[str, str], what: str, advice: str) -> None:
    found = choose_backend(preference, env, platform="linux").problem
    assert found is not None
    assert describe(found) == f"{what}：{advice}"
    assert reason(found) == what  # the palette footer says what to do itself


def test_a_backend_that_cannot_start_shows_the_os_error() -> None:
    x11 = problem("backend.x11_failed", error='Can\'t connect to display ":9"')
    assert describe(x11) == (
        'X11 粘贴后端无法启动（Can\'t connect to display ":9"）：'
        "请安装 python-xlib，并在 X11 会话里运行。"
    )
    windows = problem("backend.windows_failed", error="this is not Windows (no ctypes.WinDLL)")
    assert describe(windows) == (
        "Windows 粘贴后端无法启动（this is not Windows (no ctypes.WinDLL)）："
        "请在设置里换一个粘贴后端，或把这一行报告给维护者。"
    )


HOTKEY_CASES = [
    (
        problem("hotkey.no_key", combo="ctrl+alt+f13", name="palette", key="f13"),
        "快捷键 Ctrl+Alt+F13（呼出快捷回复）：这个键盘上没有 f13 键：请在设置里换一个键。",
    ),
    (
        problem("hotkey.not_global", combo="ctrl+alt+f24", name="timer:waiting", key="f24"),
        "快捷键 Ctrl+Alt+F24（买家在等待）：f24 键不能用作全局快捷键：请在设置里换一个键。",
    ),
    (
        problem("hotkey.failed", combo="ctrl+alt+q", name="palette", error="hook failed"),
        "快捷键 Ctrl+Alt+Q（呼出快捷回复）无法设置（hook failed）："
        "请在设置里换一个组合，或重启快捷回复助手。",
    ),
    (
        problem("hotkey.invalid", name="palette", error="'ctrl+spcae': unknown key 'spcae'"),
        "「呼出快捷回复」的快捷键无法识别（'ctrl+spcae': unknown key 'spcae'）："
        "请在设置里重新设置这个快捷键。",
    ),
]


@pytest.mark.parametrize(("found", "text"), HOTKEY_CASES)
def test_hotkey_problems(found: Problem, text: str) -> None:
    assert describe(found) == text


PASTE_CASES = [
    (
        problem("paste.keys_held", combo="ctrl+alt+1"),
        "还有按键（Ctrl+Alt+1 或修饰键）没有松开，所以什么都没有粘贴："
        "请松开所有按键，再按一次快捷键。",
    ),
    (
        problem("paste.modifier_held"),
        "还有修饰键没有松开，所以什么都没有粘贴：请松开所有按键，再粘贴一次。",
    ),
    (
        problem("paste.keys_held_rest"),
        "还有按键没有松开，所以剩下的内容没有粘贴：请松开所有按键，再按一次快捷键。",
    ),
    (
        problem("paste.window_closed"),
        "粘贴前聊天窗口已关闭，所以什么都没有输入：请点一下聊天输入框，再粘贴一次。",
    ),
    (
        problem("paste.focus_lost"),
        "聊天窗口没有重新获得焦点，所以什么都没有输入：请点一下聊天输入框，再粘贴一次。",
    ),
    (
        problem("paste.macro_window_closed"),
        "宏执行中聊天窗口被关闭，剩下的步骤没有发送：请点一下聊天输入框，手动发送剩下的内容。",
    ),
    (
        problem("paste.macro_focus_moved"),
        "宏执行中焦点切换到了其他窗口，剩下的步骤没有发送：请点一下聊天输入框，手动发送剩下的内容。",
    ),
    (
        problem("paste.restore_failed", error="xclip died"),
        "无法恢复剪贴板原来的内容（xclip died）：如有需要，请重新复制一次。",
    ),
    (
        problem("paste.failed", error="BadWindow"),
        "粘贴失败（BadWindow）：请再试一次；如果一直失败，请重启快捷回复助手。",
    ),
    (
        problem("paste.render", snippet="thanks", error="field 'order' has no value"),
        "话术「xx 感谢」无法生成，什么都没有输入（field 'order' has no value）："
        "请在话术库里修正这条话术。",
    ),
]


@pytest.mark.parametrize(("found", "text"), PASTE_CASES)
def test_paste_problems(found: Problem, text: str) -> None:
    assert describe(found, SNIPPETS.get) == text


def test_every_code_the_platforms_report_has_a_sentence() -> None:
    sources = [
        *(ROOT / "quickreply" / "platforms").glob("*.py"),
        *(ROOT / "quickreply" / "app").glob("*.py"),
    ]
    used = {
        code
        for path in sources
        for code in re.findall(r'"((?:backend|hotkey|paste)\.[a-z_0-9]+)"', path.read_text())
    }
    assert used - set(messages.TEMPLATES) == set()
    assert len(used) >= 20


def test_an_unknown_code_falls_back_to_the_english_line() -> None:
    plain = platform_problem("paste", "something new broke", "try again")
    assert describe(plain) == "paste: something new broke (try again)"
    assert describe(problem("paste.from_the_future")) == "x: english"
    assert reason(plain) == "something new broke"


def test_values_are_filled_once_so_a_title_with_a_placeholder_stays_as_it_is() -> None:
    odd = {"s": Snippet(id="s", title="满%2减%1", variants=("x",), code="m")}
    found = problem("paste.render", snippet="s", error="%1")
    assert describe(found, odd.get) == (
        "话术「m 满%2减%1」无法生成，什么都没有输入（%1）：请在话术库里修正这条话术。"
    )


def test_the_english_line_is_unchanged_for_logs_and_the_cli() -> None:
    assert str(taken("timer:waiting")) == (
        "quickreply:0: hotkeys: hotkey ctrl+alt+w for 'timer:waiting' is already taken by "
        "another program (choose another combination in settings or close the other program)"
    )


@pytest.fixture
def translations(tmp_path: Path) -> Path:
    """The .qm files built from the .ts files in the repository, as scripts/setup does."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    tool = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if tool is None:
        pytest.skip("pyside6-lrelease not found (pip install PySide6-Essentials)")
    for ts in (ROOT / "resources" / "translations").glob("*.ts"):
        qm = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([tool, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return tmp_path


@pytest.fixture
def language(qapp: QApplication, translations: Path) -> Iterator[Callable[[str], None]]:
    """Switch the UI language the way the app does at start-up; switched back afterwards."""
    installed: list[QTranslator] = []

    def use(lang: str) -> None:
        installed.extend(install_translators(qapp, lang, translations))

    yield use
    for translator in installed:
        qapp.removeTranslator(translator)


def test_in_english(language: Callable[[str], None]) -> None:
    language("en")
    assert describe(taken("timer:waiting")) == (
        'hotkey Ctrl+Alt+W for "Buyer is waiting" is already taken by another program '
        "(choose another combination in settings or close the other program)"
    )


def test_in_traditional_chinese(language: Callable[[str], None]) -> None:
    language("zh_TW")
    assert describe(taken("palette")) == (
        "快捷鍵 Ctrl+Alt+W（呼叫快捷回覆）已被其他程式佔用："
        "請在設定裡換一個組合，或關閉佔用它的程式。"
    )
