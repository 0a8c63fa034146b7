"""Problems in the user's language: one sentence saying what is wrong and what to do.

core and platforms stay Qt-free and report English one-liners (``str(problem)``, for the CLI,
stderr and support); a problem they expect the agent to see also carries a stable ``code`` and
named ``args``. :func:`describe` turns those into a zh-CN sentence from Qt-translatable
templates (so en and zh_TW come from resources/translations), and falls back to the English
line for a problem without a known code (today the codes are the backend, hotkey, paste,
autostart, field, image and editor ones). :func:`hotkey_label` and :func:`combo_label` name a
hotkey the way those sentences and the settings dialog do.

Templates use ``%1``, ``%2``… like every other UI string; which arg fills which number is fixed
here per code, and the substitution is one pass, so a value that itself contains ``%2`` (a
snippet title, an OS error) is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from PySide6.QtCore import QCoreApplication

from quickreply.core.hotkeys import (
    PALETTE,
    TIMER_REPLIED,
    TIMER_WAITING,
    HotkeyError,
    parse_hotkey,
    snippet_of,
)
from quickreply.core.model import Snippet
from quickreply.core.problems import Problem

# A snippet id -> the snippet, when the library has it (``Library.get``).
SnippetLookup = Callable[[str], Snippet | None]

_PLACEHOLDER = re.compile(r"%(\d)")
_COMBO_ARGS = frozenset({"combo", "kept"})
_NAME_ARGS = frozenset({"name", "other"})


@dataclass(frozen=True, slots=True)
class _Template:
    what: str  # what is wrong: also the palette's "paste is off" reason
    advice: str  # what to do
    args: Sequence[str] = ()  # the named args for %1, %2, … of both texts


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate, which looks for this name; translated when used (unlike
    PySide6's own, typed as returning str)."""
    return text


# Marked for lupdate here, translated when a problem is described (after the translators are
# installed).
TEMPLATES: Mapping[str, _Template] = MappingProxyType(
    {
        "backend.wayland": _Template(
            QT_TRANSLATE_NOOP(
                "Messages", "这是 Wayland 会话，全局快捷键和向其他程序自动粘贴都不可用"
            ),
            QT_TRANSLATE_NOOP(
                "Messages",
                "请改用 X11（Xorg）会话登录；或在快捷回复里按 Enter 复制，再自己按 Ctrl+V 粘贴",
            ),
        ),
        "backend.no_display": _Template(
            QT_TRANSLATE_NOOP(
                "Messages", "没有 X11 显示（DISPLAY 未设置），全局快捷键和自动粘贴已关闭"
            ),
            QT_TRANSLATE_NOOP("Messages", "请在桌面会话里启动快捷回复助手"),
        ),
        "backend.off": _Template(
            QT_TRANSLATE_NOOP("Messages", "自动粘贴和全局快捷键已在设置里关闭"),
            QT_TRANSLATE_NOOP("Messages", "需要时在设置里把粘贴方式改回「自动」"),
        ),
        "backend.unknown": _Template(
            QT_TRANSLATE_NOOP("Messages", "未知的粘贴方式「%1」"),
            QT_TRANSLATE_NOOP("Messages", "请在设置里选择其中之一：%2"),
            ("backend", "choices"),
        ),
        "backend.x11_failed": _Template(
            QT_TRANSLATE_NOOP("Messages", "X11 粘贴后端无法启动（%1）"),
            QT_TRANSLATE_NOOP("Messages", "请安装 python-xlib，并在 X11 会话里运行"),
            ("error",),
        ),
        "backend.windows_failed": _Template(
            QT_TRANSLATE_NOOP("Messages", "Windows 粘贴后端无法启动（%1）"),
            QT_TRANSLATE_NOOP("Messages", "请在设置里换一个粘贴后端，或把这一行报告给维护者"),
            ("error",),
        ),
        "hotkey.taken": _Template(
            QT_TRANSLATE_NOOP("Messages", "快捷键 %1（%2）已被其他程序占用"),
            QT_TRANSLATE_NOOP("Messages", "请在设置里换一个组合，或关闭占用它的程序"),
            ("combo", "name"),
        ),
        "hotkey.ime": _Template(
            QT_TRANSLATE_NOOP(
                "Messages", "快捷键 %1（%2）是输入法自己的切换键（中/英、全/半角或标点）"
            ),
            QT_TRANSLATE_NOOP("Messages", "请在设置里换一个组合"),
            ("combo", "name"),
        ),
        "hotkey.ours": _Template(
            QT_TRANSLATE_NOOP("Messages", "快捷键 %1（%2）已被本程序的「%3」使用"),
            QT_TRANSLATE_NOOP("Messages", "请给其中一个换一个组合"),
            ("combo", "name", "other"),
        ),
        "hotkey.no_key": _Template(
            QT_TRANSLATE_NOOP("Messages", "快捷键 %1（%2）：这个键盘上没有 %3 键"),
            QT_TRANSLATE_NOOP("Messages", "请在设置里换一个键"),
            ("combo", "name", "key"),
        ),
        "hotkey.not_global": _Template(
            QT_TRANSLATE_NOOP("Messages", "快捷键 %1（%2）：%3 键不能用作全局快捷键"),
            QT_TRANSLATE_NOOP("Messages", "请在设置里换一个键"),
            ("combo", "name", "key"),
        ),
        "hotkey.failed": _Template(
            QT_TRANSLATE_NOOP("Messages", "快捷键 %1（%2）无法设置（%3）"),
            QT_TRANSLATE_NOOP("Messages", "请在设置里换一个组合，或重启快捷回复助手"),
            ("combo", "name", "error"),
        ),
        "hotkey.invalid": _Template(
            QT_TRANSLATE_NOOP("Messages", "「%1」的快捷键无法识别（%2）"),
            QT_TRANSLATE_NOOP("Messages", "请在设置里重新设置这个快捷键"),
            ("name", "error"),
        ),
        "paste.keys_held": _Template(
            QT_TRANSLATE_NOOP("Messages", "还有按键（%1 或修饰键）没有松开，所以什么都没有粘贴"),
            QT_TRANSLATE_NOOP("Messages", "请松开所有按键，再按一次快捷键"),
            ("combo",),
        ),
        "paste.modifier_held": _Template(
            QT_TRANSLATE_NOOP("Messages", "还有修饰键没有松开，所以什么都没有粘贴"),
            QT_TRANSLATE_NOOP("Messages", "请松开所有按键，再粘贴一次"),
        ),
        "paste.keys_held_rest": _Template(
            QT_TRANSLATE_NOOP("Messages", "还有按键没有松开，所以剩下的内容没有粘贴"),
            QT_TRANSLATE_NOOP("Messages", "请松开所有按键，再按一次快捷键"),
        ),
        "paste.window_closed": _Template(
            QT_TRANSLATE_NOOP("Messages", "粘贴前聊天窗口已关闭，所以什么都没有输入"),
            QT_TRANSLATE_NOOP("Messages", "请点一下聊天输入框，再粘贴一次"),
        ),
        "paste.focus_lost": _Template(
            QT_TRANSLATE_NOOP("Messages", "聊天窗口没有重新获得焦点，所以什么都没有输入"),
            QT_TRANSLATE_NOOP("Messages", "请点一下聊天输入框，再粘贴一次"),
        ),
        "paste.macro_window_closed": _Template(
            QT_TRANSLATE_NOOP("Messages", "宏执行中聊天窗口被关闭，剩下的步骤没有发送"),
            QT_TRANSLATE_NOOP("Messages", "请点一下聊天输入框，手动发送剩下的内容"),
        ),
        "paste.macro_focus_moved": _Template(
            QT_TRANSLATE_NOOP("Messages", "宏执行中焦点切换到了其他窗口，剩下的步骤没有发送"),
            QT_TRANSLATE_NOOP("Messages", "请点一下聊天输入框，手动发送剩下的内容"),
        ),
        "paste.restore_failed": _Template(
            QT_TRANSLATE_NOOP("Messages", "无法恢复剪贴板原来的内容（%1）"),
            QT_TRANSLATE_NOOP("Messages", "如有需要，请重新复制一次"),
            ("error",),
        ),
        "paste.failed": _Template(
            QT_TRANSLATE_NOOP("Messages", "粘贴失败（%1）"),
            QT_TRANSLATE_NOOP("Messages", "请再试一次；如果一直失败，请重启快捷回复助手"),
            ("error",),
        ),
        "paste.bad_image": _Template(
            QT_TRANSLATE_NOOP("Messages", "话术里的图片不是 PNG 或 JPEG 文件，后面的内容没有粘贴"),
            QT_TRANSLATE_NOOP("Messages", "请告诉组长：quickreply lint 会指出是哪张图片"),
        ),
        "paste.render": _Template(
            QT_TRANSLATE_NOOP("Messages", "话术「%1」无法生成，什么都没有输入（%2）"),
            QT_TRANSLATE_NOOP("Messages", "请在话术库里修正这条话术"),
            ("snippet", "error"),
        ),
        "autostart.enable": _Template(
            QT_TRANSLATE_NOOP("Messages", "无法设置开机自动启动（%1）"),
            QT_TRANSLATE_NOOP("Messages", "请检查自启动文件夹或注册表项是否可写"),
            ("error",),
        ),
        "autostart.disable": _Template(
            QT_TRANSLATE_NOOP("Messages", "无法取消开机自动启动（%1）"),
            QT_TRANSLATE_NOOP("Messages", "请检查自启动文件夹或注册表项是否可写"),
            ("error",),
        ),
        # A fill-in field's value in the palette: said to the agent without file or line.
        "field.empty": _Template(
            QT_TRANSLATE_NOOP("Messages", "请填写「%1」"),
            QT_TRANSLATE_NOOP("Messages", "填好后再粘贴"),
            ("label",),
        ),
        "field.too_long": _Template(
            QT_TRANSLATE_NOOP("Messages", "「%1」太长了：%2 个字符，最多 %3 个"),
            QT_TRANSLATE_NOOP("Messages", "删短一些"),
            ("label", "length", "limit"),
        ),
        "field.not_number": _Template(
            QT_TRANSLATE_NOOP("Messages", "「%1」要填数字：%2"),
            QT_TRANSLATE_NOOP("Messages", "例如 99 或 98.5"),
            ("label", "value"),
        ),
        "field.unknown_region": _Template(
            QT_TRANSLATE_NOOP("Messages", "没有这个省份：%1"),
            QT_TRANSLATE_NOOP("Messages", "从下拉列表里选，或写省份的拼音（如 xinjiang、xj）"),
            ("value",),
        ),
        "field.not_choice": _Template(
            QT_TRANSLATE_NOOP("Messages", "「%1」没有这个选项：%2"),
            QT_TRANSLATE_NOOP("Messages", "请从这些里选：%3"),
            ("label", "value", "choices"),
        ),
        # A reply's picture that cannot be pasted (core/images.py): the palette footer says it
        # to the agent; the file and line stay in the tooltip, the library banner and lint.
        "image.empty": _Template(
            QT_TRANSLATE_NOOP("Messages", "这条话术的图片路径是空的"),
            QT_TRANSLATE_NOOP("Messages", "请告诉组长补上图片"),
        ),
        "image.path": _Template(
            QT_TRANSLATE_NOOP("Messages", "图片路径 %1 的写法不对"),
            QT_TRANSLATE_NOOP("Messages", "请告诉组长：路径要从话术包所在的文件夹写起"),
            ("image",),
        ),
        "image.outside": _Template(
            QT_TRANSLATE_NOOP("Messages", "图片 %1 不在话术包的文件夹里"),
            QT_TRANSLATE_NOOP("Messages", "请把图片复制到话术包的文件夹里，或告诉组长"),
            ("image",),
        ),
        "image.no_folder": _Template(
            QT_TRANSLATE_NOOP("Messages", "图片 %1 还没有所在的话术包"),
            QT_TRANSLATE_NOOP("Messages", "请先保存这条话术"),
            ("image",),
        ),
        "image.not_found": _Template(
            QT_TRANSLATE_NOOP("Messages", "找不到图片 %1"),
            QT_TRANSLATE_NOOP("Messages", "请把图片放回话术包的文件夹，或告诉组长"),
            ("image",),
        ),
        "image.too_big": _Template(
            QT_TRANSLATE_NOOP("Messages", "图片 %1 太大了，最多 %2 MB"),
            QT_TRANSLATE_NOOP("Messages", "请把图片存得小一些（如存成 JPEG），或告诉组长"),
            ("image", "limit"),
        ),
        "image.unreadable": _Template(
            QT_TRANSLATE_NOOP("Messages", "无法读取图片 %1"),
            QT_TRANSLATE_NOOP("Messages", "请检查这个文件能否打开，或告诉组长"),
            ("image",),
        ),
        "image.not_image": _Template(
            QT_TRANSLATE_NOOP("Messages", "图片 %1 不是 PNG 或 JPEG 文件"),
            QT_TRANSLATE_NOOP("Messages", "请把它另存为 PNG，或告诉组长"),
            ("image",),
        ),
        "image.damaged": _Template(
            QT_TRANSLATE_NOOP("Messages", "图片 %1 已损坏"),
            QT_TRANSLATE_NOOP("Messages", "请重新保存这张图片，或告诉组长"),
            ("image",),
        ),
        "image.too_large": _Template(
            QT_TRANSLATE_NOOP("Messages", "图片 %1 有 %2×%3 像素，每边最多 %4"),
            QT_TRANSLATE_NOOP("Messages", "请把图片缩小，或告诉组长"),
            ("image", "width", "height", "limit"),
        ),
        # The editor's checks of a draft (core/editing.py, core/render/checks.py, core/packs.py).
        "edit.id_empty": _Template(
            QT_TRANSLATE_NOOP("Messages", "编号不能为空"),
            QT_TRANSLATE_NOOP("Messages", "例如 my.greeting"),
        ),
        "edit.id_malformed": _Template(
            QT_TRANSLATE_NOOP("Messages", "编号只能用小写字母、数字和 . _ -"),
            QT_TRANSLATE_NOOP("Messages", "例如 my.greeting"),
        ),
        "edit.id_taken": _Template(
            QT_TRANSLATE_NOOP("Messages", "编号 %1 已被使用"),
            QT_TRANSLATE_NOOP("Messages", "已在 %2 中；换一个编号"),
            ("id", "file"),
        ),
        "edit.title_empty": _Template(
            QT_TRANSLATE_NOOP("Messages", "标题不能为空"),
            QT_TRANSLATE_NOOP("Messages", "写一个简短的标题"),
        ),
        "edit.text_empty": _Template(
            QT_TRANSLATE_NOOP("Messages", "回复内容不能为空"),
            QT_TRANSLATE_NOOP("Messages", "写下要发给买家的话"),
        ),
        "edit.field_name": _Template(
            QT_TRANSLATE_NOOP("Messages", "字段名 %1 只能用字母、数字和下划线"),
            QT_TRANSLATE_NOOP("Messages", "以字母开头，例如 amount"),
            ("name",),
        ),
        "edit.field_twice": _Template(
            QT_TRANSLATE_NOOP("Messages", "字段名 %1 重复"),
            QT_TRANSLATE_NOOP("Messages", "每个字段名只能用一次"),
            ("name",),
        ),
        "edit.field_kind": _Template(
            QT_TRANSLATE_NOOP("Messages", "字段 %1 的类型不对"),
            QT_TRANSLATE_NOOP("Messages", "在类型列表里选一个"),
            ("name",),
        ),
        "edit.choices_missing": _Template(
            QT_TRANSLATE_NOOP("Messages", "选择类型的字段 %1 需要选项"),
            QT_TRANSLATE_NOOP("Messages", "在“选项”里用逗号分隔"),
            ("name",),
        ),
        "edit.choices_from": _Template(
            QT_TRANSLATE_NOOP("Messages", "不认识的选项来源 %1"),
            QT_TRANSLATE_NOOP("Messages", "可用的来源：%2"),
            ("source", "known"),
        ),
        "edit.too_long": _Template(
            QT_TRANSLATE_NOOP("Messages", "太长了：%1 个字符，最多 %2 个"),
            QT_TRANSLATE_NOOP("Messages", "删短一些"),
            ("length", "limit"),
        ),
        "edit.hotkey_invalid": _Template(
            QT_TRANSLATE_NOOP("Messages", "直达热键 %1 无法识别"),
            QT_TRANSLATE_NOOP("Messages", "例如 ctrl+alt+1"),
            ("hotkey",),
        ),
        "edit.hotkey_unsafe": _Template(
            QT_TRANSLATE_NOOP("Messages", "直达热键 %1 会让这个键没法正常打字"),
            QT_TRANSLATE_NOOP("Messages", "加上 Ctrl 或 Alt，例如 ctrl+alt+1"),
            ("hotkey",),
        ),
        "code.capitals": _Template(
            QT_TRANSLATE_NOOP("Messages", "快捷编码 %1 有大写字母"),
            QT_TRANSLATE_NOOP("Messages", "改成 %2"),
            ("code", "lower"),
        ),
        "code.malformed": _Template(
            QT_TRANSLATE_NOOP("Messages", "快捷编码 %1 的写法不对"),
            QT_TRANSLATE_NOOP("Messages", "用 1-12 位小写字母或数字，例如 kd"),
            ("code",),
        ),
        "code.taken": _Template(
            QT_TRANSLATE_NOOP("Messages", "快捷编码 %1 已被「%2」使用"),
            QT_TRANSLATE_NOOP("Messages", "换一个编码"),
            ("code", "owner"),
        ),
        "hotkey.clash": _Template(
            QT_TRANSLATE_NOOP("Messages", "直达热键 %1 已被「%2」使用"),
            QT_TRANSLATE_NOOP("Messages", "换一个热键"),
            ("hotkey", "owner"),
        ),
        "claim.absolute": _Template(
            QT_TRANSLATE_NOOP("Messages", "「%1」是广告法禁用的绝对化用语（%2）"),
            QT_TRANSLATE_NOOP("Messages", "换成如实的说法"),
            ("word", "context"),
        ),
        "first_contact.lines": _Template(
            QT_TRANSLATE_NOOP("Messages", "首次自动回复有 %1 行，最多 %2 行"),
            QT_TRANSLATE_NOOP("Messages", "买家只扫一眼第一条消息，删短一些"),
            ("count", "limit"),
        ),
        "docs.no_note": _Template(
            QT_TRANSLATE_NOOP("Messages", "还没有写使用说明"),
            QT_TRANSLATE_NOOP("Messages", "写一句什么时候用，新人学习时会看到"),
        ),
        "docs.no_examples": _Template(
            QT_TRANSLATE_NOOP("Messages", "还没有买家问法"),
            QT_TRANSLATE_NOOP("Messages", "写几句买家会怎么问，每行一个"),
        ),
        "template.syntax": _Template(
            QT_TRANSLATE_NOOP("Messages", "回复内容第 %1 行的模板写法有误"),
            QT_TRANSLATE_NOOP("Messages", "检查 {{ }} 和 {% %} 是否成对、引号是否配对"),
            ("line",),
        ),
        "template.unknown_name": _Template(
            QT_TRANSLATE_NOOP("Messages", "回复内容用到了不认识的名字 %1"),
            QT_TRANSLATE_NOOP("Messages", "在「填写字段」里添加这个字段"),
            ("name",),
        ),
        "template.unknown_name_close": _Template(
            QT_TRANSLATE_NOOP("Messages", "回复内容用到了不认识的名字 %1"),
            QT_TRANSLATE_NOOP("Messages", "是不是想写 %2？"),
            ("name", "close"),
        ),
        "template.attribute": _Template(
            QT_TRANSLATE_NOOP("Messages", "%1 没有 .%2 这一项"),
            QT_TRANSLATE_NOOP("Messages", "可用的有：%3"),
            ("owner", "attribute", "known"),
        ),
        "template.field_hides": _Template(
            QT_TRANSLATE_NOOP("Messages", "字段名 %1 和店铺信息里的同名值冲突"),
            QT_TRANSLATE_NOOP("Messages", "给字段换个名字"),
            ("name",),
        ),
        "template.field_unused": _Template(
            QT_TRANSLATE_NOOP("Messages", "字段 %1 没有在回复内容里用到"),
            QT_TRANSLATE_NOOP("Messages", "删掉它，或在回复内容里写 {{ %1 }}"),
            ("name",),
        ),
    }
)


def hotkey_label(name: str, lookup: SnippetLookup | None = None) -> str:
    """A hotkey's name as the settings dialog labels it: 呼出快捷回复, 买家在等待, 已回复, or
    the snippet's code and title (its id when the library does not have it)."""
    if name == PALETTE:
        return QCoreApplication.translate("Messages", "呼出快捷回复")
    if name == TIMER_WAITING:
        return QCoreApplication.translate("Messages", "买家在等待")
    if name == TIMER_REPLIED:
        return QCoreApplication.translate("Messages", "已回复")
    snippet_id = snippet_of(name)
    if snippet_id is not None:
        snippet = lookup(snippet_id) if lookup is not None else None
        return f"{snippet.code} {snippet.title}".strip() if snippet is not None else snippet_id
    return name


def combo_label(text: str) -> str:
    """``ctrl+alt+w`` as the UI shows it (``Ctrl+Alt+W``); left as it is when unparsable."""
    if not text:
        return text
    try:
        return parse_hotkey(text).display()
    except HotkeyError:
        return text


def _values(problem: Problem, names: Sequence[str], lookup: SnippetLookup | None) -> list[str]:
    values = []
    for name in names:
        value = problem.arg(name)
        if name in _COMBO_ARGS:
            value = combo_label(value)
        elif name in _NAME_ARGS:
            value = hotkey_label(value, lookup)
        elif name == "snippet" and lookup is not None:
            snippet = lookup(value)
            value = f"{snippet.code} {snippet.title}".strip() if snippet is not None else value
        values.append(value)
    return values


def _fill(template: str, values: Sequence[str]) -> str:
    def one(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return values[index] if 0 <= index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(one, template)


def _parts(problem: Problem, lookup: SnippetLookup | None) -> tuple[str, str] | None:
    template = TEMPLATES.get(problem.code)
    if template is None:
        return None
    values = _values(problem, template.args, lookup)
    what = _fill(QCoreApplication.translate("Messages", template.what), values)
    kept = problem.arg("kept")
    if kept:
        what = _fill(
            QCoreApplication.translate("Messages", "%1，仍使用原来的 %2"),
            [what, combo_label(kept)],
        )
    return what, _fill(QCoreApplication.translate("Messages", template.advice), values)


def english(problem: Problem) -> str:
    """The platform's own English line without the file part: ``where: what (how to fix)``."""
    text = f"{problem.where}: {problem.message}" if problem.where else problem.message
    return f"{text} ({problem.hint})" if problem.hint else text


def describe(problem: Problem, lookup: SnippetLookup | None = None) -> str:
    """One sentence in the UI language: what is wrong, then what to do."""
    parts = _parts(problem, lookup)
    if parts is None:
        return english(problem)
    return _fill(QCoreApplication.translate("Messages", "%1：%2。"), parts)


def reason(problem: Problem, lookup: SnippetLookup | None = None) -> str:
    """Only what is wrong, for a widget that says what to do itself (the palette footer's
    "paste is off: … press Enter to copy")."""
    parts = _parts(problem, lookup)
    return problem.message if parts is None else parts[0]


def for_agent(problem: Problem) -> str:
    """What the palette footer says for a reply that cannot be pasted: a wrong field value
    (what is wrong; the form says what to do) or a picture (what is wrong, then what to do);
    "" for the rest, which the palette words as "tell the lead"."""
    if problem.code.startswith("field."):
        return reason(problem)
    if problem.code.startswith("image.") and problem.code in TEMPLATES:
        return describe(problem)
    return ""
