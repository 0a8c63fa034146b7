"""The palette: search per keystroke, rendered preview, keys, IME, fields, paste/copy, usage."""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from quickreply.core.model import Field, Snippet, Step
from quickreply.core.render import Renderer
from quickreply.ui.forms import FieldMemory
from quickreply.ui.palette import PaletteWindow

pytestmark = pytest.mark.gui

SNIPPETS = [
    Snippet(id="hello", title="欢迎语", variants=("亲，在的~请问有什么可以帮您？",), code="hi",
            group="售前/接待"),
    Snippet(id="courier", title="合作快递", variants=("亲，{{ region }}默认发中通哦~",), code="kd",
            group="物流/快递",
            fields=(Field(name="region", label="收货省份", kind="region", default="广东"),)),
    Snippet(id="size", title="尺码推荐", variants=("亲，{{ height }}cm建议选{{ size }}码",),
            code="cm", group="售前/尺码",
            fields=(Field(name="height", label="身高", kind="number"),
                    Field(name="size", label="尺码", kind="choice", choices=("S", "M", "L")))),
    Snippet(id="broken", title="坏模板", variants=("{{ oops",), code="bad", group="测试"),
    Snippet(id="bye", title="结束语", variants=("感谢光临~",), code="bye", group="售后",
            send=True),
]  # fmt: skip


@dataclass
class Hit:
    snippet: Snippet


class FakeSearch:
    def __init__(self, snippets: Sequence[Snippet]) -> None:
        self.snippets = list(snippets)
        self.queries: list[str] = []

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        self.queries.append(query)
        q = query.strip().lower()
        return [Hit(s) for s in self.snippets if not q or q in s.code or q in s.title][:limit]


class RenderError(Exception):
    pass


class FakeRenderer:
    def pick_variant(self, snippet: Snippet, conversation: str | None = None) -> int:
        return 0

    def mark_used(self, snippet: Snippet, index: int, conversation: str | None = None) -> None:
        pass

    def render_variant(self, snippet: Snippet, index: int, values: Mapping[str, str] = {}) -> str:
        return self.render(snippet, values)

    def render(
        self, snippet: Snippet, values: Mapping[str, str] = {}, *, conversation: str | None = None
    ) -> str:
        if "{{ oops" in snippet.text:
            raise RenderError("pack.yaml:9: broken: template syntax error (close the {{ )")
        return re.sub(r"\{\{ (\w+) \}\}", lambda m: values.get(m.group(1), "?"), snippet.text)

    def render_steps(self, snippet: Snippet, values: Mapping[str, str]) -> Sequence[Step]:
        return snippet.steps


@dataclass
class FakePaster:
    calls: list[tuple[str, bool]] = field(default_factory=list)

    def paste(self, text: str, send: bool = False, image: bytes = b"") -> None:
        self.calls.append((text, send))

    def paste_steps(self, snippet: Snippet, values: Mapping[str, str], send: bool = False) -> None:
        raise AssertionError("no macro among these snippets")


@dataclass
class FakeUsage:
    used: list[str] = field(default_factory=list)

    def record_use(self, snippet_id: str, when: datetime | None = None) -> None:
        self.used.append(snippet_id)


@dataclass
class Env:
    palette: PaletteWindow
    paster: FakePaster
    usage: FakeUsage
    refreshed: list[bool]
    search: FakeSearch


@pytest.fixture
def env(qtbot: QtBot) -> Env:
    paster, usage, refreshed = FakePaster(), FakeUsage(), []
    search = FakeSearch(SNIPPETS)
    palette = PaletteWindow(
        search,
        FakeRenderer(),
        paster=paster,
        usage=usage,
        on_used=lambda: refreshed.append(True),
        conversation=lambda: "买家A - 千牛",
    )
    qtbot.addWidget(palette)
    open_palette(qtbot, palette)
    return Env(palette, paster, usage, refreshed, search)


def open_palette(qtbot: QtBot, palette: PaletteWindow) -> None:
    """Pop up and wait until it is the active window (activation is asynchronous)."""
    palette.popup()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is palette, timeout=2000)


def key(
    widget: QWidget,
    k: Qt.Key,
    mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    text: str = "",
) -> None:
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, k, mods, text))


def type_text(widget: QWidget, text: str) -> None:
    """CJK-safe typing: one KeyPress per character carrying the text (never qtbot.keyClicks)."""
    for char in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
        )


def rows(palette: PaletteWindow) -> list[str]:
    return [
        palette.results.topLevelItem(i).text(1)  # type: ignore[union-attr]
        for i in range(palette.results.topLevelItemCount())
    ]


def test_opens_with_search_focused_and_results_listed(env: Env) -> None:
    p = env.palette
    assert p.isVisible()
    assert p.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert p.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert QApplication.focusWidget() is p.search_box
    assert rows(p) == ["hi", "kd", "cm", "bad", "bye"]
    item = p.results.topLevelItem(0)
    assert item is not None
    assert [item.text(c) for c in range(4)] == ["1", "hi", "欢迎语", "售前/接待"]


def test_each_keystroke_searches_including_chinese(env: Env) -> None:
    p = env.palette
    type_text(p.search_box, "快递")
    assert env.search.queries[-2:] == ["快", "快递"]
    assert rows(p) == ["kd"]
    assert p.preview.toPlainText() == "亲，广东默认发中通哦~"


def test_no_match_says_so(env: Env) -> None:
    type_text(env.palette.search_box, "zzz")
    assert rows(env.palette) == []
    assert env.palette.preview.toPlainText() == "没有找到匹配的话术"
    key(env.palette.search_box, Qt.Key.Key_Return)
    assert env.paster.calls == []


def test_arrows_move_and_enter_pastes_the_rendered_text(env: Env) -> None:
    p = env.palette
    key(p.search_box, Qt.Key.Key_Down)
    key(p.search_box, Qt.Key.Key_Down)
    key(p.search_box, Qt.Key.Key_Up)
    current = p.current_snippet()
    assert current is not None and current.id == "courier"
    key(p.search_box, Qt.Key.Key_Up)
    key(p.search_box, Qt.Key.Key_Up)  # stays on the first row
    key(p.search_box, Qt.Key.Key_Return)
    assert env.paster.calls == [("亲，在的~请问有什么可以帮您？", False)]
    assert not p.isVisible()
    assert env.usage.used == ["hello"]
    assert env.refreshed == [True]


def test_ctrl_enter_pastes_and_sends(env: Env) -> None:
    key(env.palette.search_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert env.paster.calls == [("亲，在的~请问有什么可以帮您？", True)]


def test_a_snippet_marked_send_always_sends(env: Env) -> None:
    type_text(env.palette.search_box, "bye")
    key(env.palette.search_box, Qt.Key.Key_Return)
    assert env.paster.calls == [("感谢光临~", True)]


def test_ctrl_c_copies_only(env: Env) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("old")
    key(env.palette.search_box, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "亲，在的~请问有什么可以帮您？"
    assert env.paster.calls == []
    assert env.usage.used == ["hello"]
    assert not env.palette.isVisible()


def test_alt_number_picks_that_row(env: Env) -> None:
    key(env.palette.search_box, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert env.paster.calls == [("感谢光临~", True)]


def test_alt_number_beyond_the_list_does_nothing(env: Env) -> None:
    type_text(env.palette.search_box, "hi")
    key(env.palette.search_box, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert env.paster.calls == []
    assert env.palette.isVisible()


def test_escape_closes_without_pasting(env: Env, qtbot: QtBot) -> None:
    with qtbot.waitSignal(env.palette.closed, timeout=1000):
        key(env.palette.search_box, Qt.Key.Key_Escape)
    assert not env.palette.isVisible()
    assert env.paster.calls == []


def test_enter_during_ime_composition_confirms_and_never_pastes(env: Env) -> None:
    box = env.palette.search_box
    composing = QInputMethodEvent("kuaidi", [])
    QApplication.sendEvent(box, composing)
    assert box.composing
    key(box, Qt.Key.Key_Return)
    assert env.paster.calls == []
    assert env.palette.isVisible()
    assert not box.composing
    assert box.text() == "kuaidi"
    # The next Enter, with nothing composing, is a normal paste.
    box.setText("")
    commit = QInputMethodEvent()
    commit.setCommitString("快递")
    QApplication.sendEvent(box, commit)
    assert box.text() == "快递"
    key(box, Qt.Key.Key_Return)  # the snippet has a field: focus moves to it first
    assert env.paster.calls == []
    assert isinstance(QApplication.focusWidget(), QComboBox | QLineEdit)


def test_render_error_is_shown_and_never_pasted(env: Env) -> None:
    p = env.palette
    type_text(p.search_box, "bad")
    # The agent is told to ask the lead; the file and line are for the lead, in the tooltip.
    assert "请告诉组长" in p.footer.text()
    assert "pack.yaml" not in p.footer.text()
    assert "pack.yaml:9: broken: template syntax error (close the {{ )" in p.footer.toolTip()
    assert p.preview.toPlainText() == ""
    key(p.search_box, Qt.Key.Key_Return)
    key(p.search_box, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert env.paster.calls == []
    assert env.usage.used == []
    assert p.isVisible()


def test_fields_show_inline_prefilled_and_paste_from_the_form(env: Env) -> None:
    p = env.palette
    type_text(p.search_box, "cm")
    editors = p.form.editors
    assert p.form.isVisible() and len(editors) == 2
    height, size = editors
    assert isinstance(height, QLineEdit) and isinstance(size, QComboBox)
    assert size.currentText() == "S"
    key(p.search_box, Qt.Key.Key_Return)  # Enter goes to the first field, nothing pasted yet
    assert QApplication.focusWidget() is height
    assert env.paster.calls == []
    type_text(height, "170")
    assert p.preview.toPlainText() == "亲，170cm建议选S码"
    key(height, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is size
    size.setCurrentText("M")
    key(size, Qt.Key.Key_Tab)  # wraps around
    assert QApplication.focusWidget() is height
    key(height, Qt.Key.Key_Return)
    assert env.paster.calls == [("亲，170cm建议选M码", False)]


def test_field_defaults_and_remembered_values_per_conversation(qtbot: QtBot) -> None:
    memory = FieldMemory()
    chat = ["买家A"]
    paster = FakePaster()
    p = PaletteWindow(
        FakeSearch(SNIPPETS),
        FakeRenderer(),
        paster=paster,
        memory=memory,
        conversation=lambda: chat[0],
    )
    qtbot.addWidget(p)
    open_palette(qtbot, p)
    type_text(p.search_box, "kd")
    assert p.preview.toPlainText() == "亲，广东默认发中通哦~"  # the default
    key(p.search_box, Qt.Key.Key_Return)
    region = QApplication.focusWidget()
    assert isinstance(region, QComboBox) and region.isEditable()
    region.setEditText("新疆")
    key(region, Qt.Key.Key_Return)
    assert paster.calls[-1] == ("亲，新疆默认发中通哦~", False)

    # (offscreen Qt never re-activates a re-shown window, so only the preview is checked)
    p.popup()  # same conversation: the value is back
    assert p.preview.toPlainText() == "亲，新疆默认发中通哦~"
    chat[0] = "买家B"
    p.popup()  # another buyer: the default again
    assert p.preview.toPlainText() == "亲，广东默认发中通哦~"


def test_without_a_paste_backend_enter_copies_and_the_footer_says_why(qtbot: QtBot) -> None:
    p = PaletteWindow(
        FakeSearch(SNIPPETS),
        FakeRenderer(),
        paster=None,
        paste_off_reason="Wayland 会话不支持模拟按键",
    )
    qtbot.addWidget(p)
    open_palette(qtbot, p)
    assert p.footer.text() == (
        "粘贴不可用：Wayland 会话不支持模拟按键。Enter 或 Ctrl+C 复制到剪贴板，再手动粘贴。"
    )
    key(p.search_box, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == "亲，在的~请问有什么可以帮您？"
    assert not p.isVisible()


def test_a_failing_usage_store_never_costs_the_paste(qtbot: QtBot) -> None:
    class Broken:
        def record_use(self, snippet_id: str, when: datetime | None = None) -> None:
            raise OSError("disk full")

    paster = FakePaster()
    p = PaletteWindow(FakeSearch(SNIPPETS), FakeRenderer(), paster=paster, usage=Broken())
    qtbot.addWidget(p)
    open_palette(qtbot, p)
    key(p.search_box, Qt.Key.Key_Return)
    assert paster.calls == [("亲，在的~请问有什么可以帮您？", False)]


def test_a_choice_from_regions_lists_the_provinces(qtbot: QtBot) -> None:
    to = Field(name="to", label="寄往", kind="choice", choices_from="regions")
    ship = Snippet(id="ship", title="寄往", variants=("寄往{{ to }}",), code="jw", fields=(to,))
    p = PaletteWindow(FakeSearch([ship]), FakeRenderer(), paster=FakePaster())
    qtbot.addWidget(p)
    (combo,) = p.form.editors
    assert isinstance(combo, QComboBox)
    assert combo.count() == 34 and combo.itemText(0) == "北京"


def test_the_variant_in_the_preview_is_the_one_pasted_and_the_next_paste_gets_another(
    qtbot: QtBot,
) -> None:
    """With the real renderer: a preview never promises one wording and pastes another."""
    greet = Snippet(
        id="hello", title="问候", code="hy", variants=("亲，在的~", "您好，在呢~", "亲亲，请讲~")
    )
    paster = FakePaster()
    palette = PaletteWindow(
        FakeSearch([greet]),
        Renderer(None, lambda: datetime(2026, 11, 23, 10, 0), rng=random.Random(7)),
        paster=paster,
        conversation=lambda: "买家A - 千牛",
    )
    qtbot.addWidget(palette)
    for _ in range(12):
        palette.popup()
        palette.search_box.setText("hy")
        shown = palette.preview.toPlainText()
        key(palette.search_box, Qt.Key.Key_Return)
        assert paster.calls[-1][0] == shown
    pasted = [text for text, _ in paster.calls]
    assert all(a != b for a, b in itertools.pairwise(pasted))  # never twice in a row
    assert len(set(pasted)) > 1


# ---- fill-in fields in the agent's words (issue 17: broken 1 and 2) ---------------------------

REGION_REPLY = Snippet(
    id="shipping.region", title="发货地区", variants=("亲，{{ region }}可以发货~",), code="dq",
    group="物流", path="/packs/promotions.yaml", line=100,
    fields=(Field(name="region", label="收货省份", kind="region", default="广东", line=102),),
)  # fmt: skip


def region_palette(qtbot: QtBot) -> PaletteWindow:
    palette = PaletteWindow(
        FakeSearch([REGION_REPLY]),
        Renderer(None, lambda: datetime(2026, 1, 1, 10, 0)),
        paster=FakePaster(),
    )
    qtbot.addWidget(palette)
    open_palette(qtbot, palette)
    type_text(palette.search_box, "dq")
    return palette


def set_region(palette: PaletteWindow, text: str) -> QComboBox:
    combo = palette.form.editors[0]
    assert isinstance(combo, QComboBox)
    line = combo.lineEdit()
    assert line is not None
    line.selectAll()
    line.del_()
    for char in text:
        QApplication.sendEvent(
            line, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
        )
    return combo


def test_a_wrong_region_is_one_short_sentence_and_the_last_good_preview_stays(
    qtbot: QtBot,
) -> None:
    p = region_palette(qtbot)
    assert p.preview.toPlainText() == "亲，广东可以发货~"
    set_region(p, "zz")
    footer = p.footer.text()
    assert footer.splitlines()[0] == "没有这个省份：zz"
    assert "promotions.yaml" not in footer and "unknown region" not in footer
    assert p.preview.toPlainText() == "亲，广东可以发货~"  # not blanked while typing
    key(p.form.editors[0], Qt.Key.Key_Return)
    assert p.isVisible()  # nothing pasted with a wrong value


@pytest.mark.parametrize("typed", ["xj", "xinjiang", "XinJiang", "新疆", "新疆維吾爾自治區"])
def test_region_fields_accept_what_the_search_box_accepts(qtbot: QtBot, typed: str) -> None:
    p = region_palette(qtbot)
    set_region(p, typed)
    assert p.preview.toPlainText() == "亲，新疆可以发货~"
    assert p.form.region_choices("region") == ["新疆"]


def test_the_region_drop_down_narrows_as_the_agent_types(qtbot: QtBot) -> None:
    p = region_palette(qtbot)
    set_region(p, "h")
    assert "河北" in p.form.region_choices("region") and "新疆" not in p.form.region_choices(
        "region"
    )
    set_region(p, "hn")
    assert p.form.region_choices("region") == ["河南", "湖南", "海南"]


# ---- macros, wordings, nine whole rows (issue 17: broken 5 and 7) ----------------------------

MACRO = Snippet(
    id="bye.review", title="结束并邀请评价", variants=(), code="jsyp", group="结束语",
    steps=(Step("paste", "感谢支持～"), Step("enter"), Step("wait", ms=500),
           Step("paste", "方便时给个评价吧"), Step("enter")),
)  # fmt: skip
WORDINGS = Snippet(
    id="hello.many", title="欢迎语", variants=("亲，在的~", "您好，在呢~", "在的亲~"), code="hy",
    group="欢迎",
)  # fmt: skip


def real_palette(qtbot: QtBot, snippets: Sequence[Snippet]) -> tuple[PaletteWindow, FakePaster]:
    paster = FakePaster()
    palette = PaletteWindow(
        FakeSearch(snippets), Renderer(None, lambda: datetime(2026, 1, 1, 10, 0)), paster=paster
    )
    qtbot.addWidget(palette)
    open_palette(qtbot, palette)
    return palette, paster


def test_a_macro_is_marked_in_its_row_and_over_the_preview(qtbot: QtBot) -> None:
    p, _ = real_palette(qtbot, [MACRO])
    item = p.results.topLevelItem(0)
    assert item is not None and item.text(4) == "宏 · 发送 2 条"
    assert p.preview_note.isVisible()
    assert p.preview_note.text() == "宏：Enter 会依次发出 2 条消息"


def test_several_wordings_show_which_one_and_alt_right_switches(qtbot: QtBot) -> None:
    p, paster = real_palette(qtbot, [WORDINGS])
    item = p.results.topLevelItem(0)
    assert item is not None and item.text(4) == "3 种说法"
    first = p.preview.toPlainText()
    number = WORDINGS.variants.index(first) + 1
    assert p.preview_note.text() == f"说法 {number}/3 · Alt+→ 换一种"
    key(p.search_box, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    second = WORDINGS.variants[number % 3]
    assert p.preview.toPlainText() == second
    assert p.preview_note.text() == f"说法 {number % 3 + 1}/3 · Alt+→ 换一种"
    key(p.search_box, Qt.Key.Key_Return)
    assert paster.calls == [(second, False)]  # the wording shown is the one pasted


def test_the_ninth_row_is_whole_and_the_list_keeps_its_height(
    qtbot: QtBot, qapp: QApplication
) -> None:
    from pathlib import Path

    from quickreply.ui.themes import apply_theme

    # The shipped style sheet pads rows, as the agent sees them.
    apply_theme(qapp, "light", Path(__file__).resolve().parents[2] / "resources" / "themes")
    many = [
        Snippet(id=f"s{i}", title=f"话术{i}", variants=(f"内容{i}",), code=f"c{i}", group="组")
        for i in range(12)
    ]
    p, _ = real_palette(qtbot, [*many, REGION_REPLY])
    qtbot.waitUntil(lambda: p.results.viewport().height() > 0)
    ninth = p.results.topLevelItem(8)
    assert ninth is not None
    rect = p.results.visualItemRect(ninth)
    viewport = p.results.viewport().rect()
    assert viewport.contains(rect), (rect, viewport)
    assert viewport.height() == 9 * rect.height()  # nine whole rows, no sliver of a tenth
    height = p.results.height()
    p.results.setCurrentItem(p.results.topLevelItem(12))  # a reply with a field: the form shows
    assert p.form.isVisible()
    set_region(p, "zz")  # and an error in the footer
    assert p.results.height() == height
    qapp.setStyleSheet("")


# ---- 常用: pinned replies first on an empty search, then the recently used ----------------------


def test_ctrl_d_pins_and_an_empty_search_lists_pinned_then_recent(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from quickreply.core.pins import PinStore

    pins = PinStore(tmp_path / "pins.json")
    by_id = {s.id: s for s in SNIPPETS}
    p = PaletteWindow(
        FakeSearch(SNIPPETS), FakeRenderer(), paster=FakePaster(), pins=pins,
        lookup=by_id.get, recent=lambda: ["size", "courier"],
    )  # fmt: skip
    qtbot.addWidget(p)
    open_palette(qtbot, p)
    type_text(p.search_box, "kd")
    key(p.search_box, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "已加入常用：合作快递" in p.footer.text()
    p.search_box.clear()
    assert rows(p)[:3] == ["kd", "cm", "hi"]
    marks = [p.results.topLevelItem(i).text(4) for i in range(2)]  # type: ignore[union-attr]
    assert marks == ["★ 常用", "最近"]
    assert PinStore(tmp_path / "pins.json").pinned() == ("courier",)  # kept on disk
    key(p.search_box, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # row 1 again: unpin
    assert PinStore(tmp_path / "pins.json").pinned() == ()


def test_a_reply_with_a_direct_hotkey_shows_it_in_its_row(qtbot: QtBot) -> None:
    keyed = Snippet(id="k", title="热键话术", variants=("亲~",), code="rj", hotkey="ctrl+alt+1")
    p, _ = real_palette(qtbot, [keyed])
    item = p.results.topLevelItem(0)
    assert item is not None and item.text(4) == "Ctrl+Alt+1"


def test_the_preview_counts_the_characters_that_will_be_pasted(qtbot: QtBot) -> None:
    p, _ = real_palette(qtbot, [WORDINGS])
    assert p.counter.text() == f"{len(p.preview.toPlainText())} / 500 字"
