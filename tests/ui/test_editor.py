"""The snippet editor form: what is typed becomes a draft, with a live preview and live lint."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from quickreply.core.lint import lint_library
from quickreply.core.model import Field, PackSource, Snippet
from quickreply.core.packs import PackDir, load_library, save_pack
from quickreply.core.problems import Problem, Severity
from quickreply.core.render import RenderError
from quickreply.ui.editor import SnippetEditor, join_variants, split_variants
from quickreply.ui.field_table import split_list
from quickreply.ui.library import LibraryWindow

pytestmark = pytest.mark.gui

SNIPPET = Snippet(
    id="my.size",
    title="尺码推荐",
    variants=("亲，{{ height }}建议拍{{ size }}码~", "您好，这个身高拍{{ size }}码合适~"),
    code="cm",
    group="售前/尺码",
    tags=("尺码", "推荐"),
    note="买家问尺码时用",
    examples=("我穿多大", "170穿什么码"),
    fields=(
        Field("height", "身高", "text", "170cm"),
        Field("size", "尺码", "choice", None, ("S", "M", "L")),
    ),
    hotkey="ctrl+alt+2",
    send=True,
    pack_id="personal.my",
    path="/x/my.yaml",
    line=7,
)


class FillRenderer:
    """Fills {{ name }} from values, else the field's default (as the real Renderer does);
    a '{%' in the text fails like a broken template."""

    def render(self, snippet: Snippet, values: object = None, /) -> str:
        return self.render_variant(snippet, 0, values)

    def render_variant(self, snippet: Snippet, index: int, values: object = None, /) -> str:
        text = snippet.variants[index]
        if "{%" in text:
            problem = Problem(
                "my.yaml", 3, "text", "unexpected end of template", "close the {% tag"
            )
            raise RenderError(problem.message, problem)
        assert isinstance(values, dict)
        for f in snippet.fields:
            text = text.replace("{{ " + f.name + " }}", values.get(f.name) or f.default or "")
        return text

    def missing_fields(self, snippet: Snippet, values: object, /) -> list[Field]:
        return [f for f in snippet.fields if f.default is None]


def make_editor(qtbot: QtBot, **kwargs: object) -> SnippetEditor:
    editor = SnippetEditor(**kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(editor)
    return editor


def test_variant_and_list_helpers() -> None:
    assert split_variants("一\n---\n二\n  ---  \n\n---\n三\n第二行\n") == ("一", "二", "三\n第二行")
    assert join_variants(("一\n", "二")) == "一\n---\n二"
    assert split_list("快递，发货、 包邮;售后") == ("快递", "发货", "包邮", "售后")


def test_form_round_trips_a_snippet(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.load(SNIPPET, is_new=False)
    assert editor.draft() == SNIPPET
    assert not editor.is_dirty()
    assert editor.fields_table.rowCount() == 2


def test_typing_makes_the_draft_and_marks_dirty(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.load(SNIPPET, is_new=False)
    editor.title_edit.setText(" 尺码建议 ")
    editor.group_edit.setText("售前 / 尺码 /")
    editor.examples_edit.setPlainText("我穿多大\n\n  偏大吗 \n")
    editor.send_check.setChecked(False)
    draft = editor.draft()
    assert editor.is_dirty()
    assert draft.title == "尺码建议"
    assert draft.group == "售前/尺码"
    assert draft.examples == ("我穿多大", "偏大吗")
    assert draft.send is False
    assert draft.path == "/x/my.yaml"  # what the form does not show is kept


def test_preview_renders_every_variant_with_defaults(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, renderer=FillRenderer())
    editor.load(SNIPPET, is_new=False)
    assert editor.preview.toPlainText() == (
        "—— 变体 1 ——\n亲，170cm建议拍S码~\n—— 变体 2 ——\n您好，这个身高拍S码合适~"
    )


def test_preview_updates_after_typing_stops(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, renderer=FillRenderer())
    editor.load(SNIPPET, is_new=False)
    editor.text_edit.setPlainText("亲，{% if x")
    assert editor.refresh_pending()
    qtbot.waitUntil(lambda: not editor.refresh_pending(), timeout=2000)
    assert editor.preview.toPlainText() == (
        "无法预览：text: unexpected end of template (close the {% tag)"
    )


def test_checker_problems_are_listed(qtbot: QtBot) -> None:
    def checker(draft: Snippet) -> list[Problem]:
        if draft.code:
            return []
        return [Problem("p", 1, "code", "no code", "add one", Severity.WARNING)]

    editor = make_editor(qtbot, checker=checker)
    editor.load(SNIPPET, is_new=False)
    assert editor.status_label.text() == "检查通过"
    editor.code_edit.setText("")
    editor.refresh()
    assert editor.problem_list.item(0).text() == "提醒：code: no code (add one)"
    assert editor.status_label.text() == "1 个提醒"  # no "0 个错误"


def test_field_rows_are_added_and_removed(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.load(SNIPPET, is_new=False)
    editor.add_field_button.click()
    assert editor.fields_table.rowCount() == 3
    assert len(editor.draft().fields) == 2  # a row without a name is not a field yet
    editor.fields_table.setCurrentCell(0, 0)
    editor.remove_field_button.click()
    assert [f.name for f in editor.draft().fields] == ["size"]


def test_real_linter_flags_absolute_claims_live(
    qtbot: QtBot, tmp_path: Path, write_pack: Callable[[str, str], Path]
) -> None:
    write_pack(
        "personal/my.yaml",
        """
        pack:
          id: personal.my
          name: 我的话术
        snippets:
          - id: my.thanks
            title: 感谢好评
            code: xxhp
            text: 谢谢亲的好评~
            note: 买家给了好评
            examples: [已好评]
        """,
    )
    library = load_library([PackDir(tmp_path / "personal", PackSource.PERSONAL)])
    window = LibraryWindow(library, lint=lint_library, save=save_pack)
    window.confirm = lambda _question: True  # closing with unsaved edits asks first
    qtbot.addWidget(window)
    window.select_snippet("my.thanks")
    assert window.edit_current()
    assert window.editor.status_label.text() == "检查通过"
    window.editor.text_edit.setPlainText("我们是全网最好的~")
    qtbot.waitUntil(lambda: window.editor.problem_list.count() > 0, timeout=2000)
    first = window.editor.problem_list.item(0).text()
    # Said in the UI language, without the linter's English (which the CLI keeps).
    assert first == "错误：「最」是广告法禁用的绝对化用语（我们是全网最好的~）：换成如实的说法。"
    assert not window.save_draft()
    assert window.editor.text_edit.toPlainText() == "我们是全网最好的~"


def test_field_kinds_are_named_in_the_ui_language_and_saved_as_the_pack_words(
    qtbot: QtBot,
) -> None:
    from PySide6.QtWidgets import QComboBox

    editor = SnippetEditor(FillRenderer())
    qtbot.addWidget(editor)
    region = Field("region", "收货省份", "region", "广东")
    editor.load(_with_fields(SNIPPET, (region,)), is_new=False)
    combo = editor.fields_table.cellWidget(0, 2)
    assert isinstance(combo, QComboBox)
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert shown == ["文字", "数字", "选择", "省份"]
    assert combo.currentText() == "省份"
    assert editor.draft().fields[0].kind == "region"
    combo.setCurrentIndex(1)
    assert editor.draft().fields[0].kind == "number"


def test_template_problems_are_said_in_the_ui_language(qtbot: QtBot) -> None:
    from quickreply.core.render import Renderer

    renderer = Renderer(None, lambda: __import__("datetime").datetime(2026, 1, 1))
    editor = SnippetEditor(renderer, checker=renderer.check)
    qtbot.addWidget(editor)
    editor.load(_with_fields(SNIPPET, ()), is_new=False)
    editor.text_edit.setPlainText("亲，{{ sise }}码")
    editor.refresh()
    lines = [editor.problem_list.item(i).text() for i in range(editor.problem_list.count())]
    assert lines == ["错误：回复内容用到了不认识的名字 sise：在「填写字段」里添加这个字段。"]
    assert "docs/templates.md" not in "".join(lines)


def _with_fields(snippet: Snippet, fields: tuple[Field, ...]) -> Snippet:
    import dataclasses

    variants = ("亲，{{ region }}~",) if fields else ("亲~",)
    return dataclasses.replace(snippet, fields=fields, variants=variants)


def test_a_name_typed_in_the_text_offers_to_declare_the_field(qtbot: QtBot) -> None:
    from quickreply.core.render import Renderer

    renderer = Renderer(None, lambda: __import__("datetime").datetime(2026, 1, 1))
    editor = SnippetEditor(renderer, checker=renderer.check)
    qtbot.addWidget(editor)
    editor.show()
    editor.load(_with_fields(SNIPPET, ()), is_new=False)
    assert not editor.declare_bar.isVisible()
    editor.text_edit.setPlainText("亲，订单{{ order_no }}已发货，{{ name }}请查收~")
    editor.refresh()
    assert editor.declare_bar.isVisible()  # inline under the text, no dialog
    assert editor.undeclared_names() == ["order_no", "name"]
    assert editor.declare_label.text() == "回复内容里的 order_no、name 还不是填写字段"
    editor.declare_button.click()
    assert [(f.name, f.kind) for f in editor.draft().fields] == [
        ("order_no", "text"),
        ("name", "text"),
    ]
    assert not editor.declare_bar.isVisible()
    assert not any(p.code.startswith("template.unknown") for p in editor.problems())


def test_the_preview_says_why_it_cannot_render_in_the_ui_language(qtbot: QtBot) -> None:
    from quickreply.core.render import Renderer

    editor = SnippetEditor(Renderer(None, lambda: __import__("datetime").datetime(2026, 1, 1)))
    qtbot.addWidget(editor)
    editor.load(_with_fields(SNIPPET, ()), is_new=False)
    editor.text_edit.setPlainText("亲，订单{{ order_no }}已发货~")
    editor.refresh()
    assert editor.preview.toPlainText() == (
        "无法预览：回复内容用到了不认识的名字 order_no：在「填写字段」里添加这个字段。"
    )


def test_a_long_first_contact_reply_is_said_in_the_ui_language(
    qtbot: QtBot, tmp_path: Path, write_pack: Callable[[str, str], Path]
) -> None:
    write_pack("personal/my.yaml", "pack: {id: personal.my, name: 我的}\nsnippets: []\n")
    library = load_library([PackDir(tmp_path / "personal", PackSource.PERSONAL)])
    window = LibraryWindow(library, lint=lint_library, save=save_pack)
    window.confirm = lambda _question: True
    qtbot.addWidget(window)
    assert window.new_snippet()
    window.editor.title_edit.setText("欢迎语")
    window.editor.group_edit.setText("欢迎")
    window.editor.text_edit.setPlainText("亲\n在的\n您好\n请问\n有什么可以帮您")
    window.editor.refresh()
    lines = [
        window.editor.problem_list.item(i).text() for i in range(window.editor.problem_list.count())
    ]
    assert "错误：首次自动回复有 5 行，最多 4 行：买家只扫一眼第一条消息，删短一些。" in lines


def test_the_field_table_columns_fit_their_content(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, renderer=FillRenderer())
    editor.resize(640, 600)  # about the room it has beside the reply list
    editor.show()
    wide = Field("order_number", "快递单号（顺丰）", "choice", None, ("顺丰", "中通", "圆通"))
    editor.load(_with_fields(SNIPPET, (wide,)), is_new=False)
    table = editor.fields_table
    metrics = table.fontMetrics()
    for column, text in ((0, "order_number"), (1, "快递单号（顺丰）")):
        assert table.columnWidth(column) >= metrics.horizontalAdvance(text)


def test_every_field_column_is_in_view_at_the_library_windows_width(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, renderer=FillRenderer())
    editor.resize(640, 760)  # about the room it has beside the reply list
    editor.show()
    amount = Field("amount", "补偿金额（元）", "number", "5")
    editor.load(_with_fields(SNIPPET, (amount,)), is_new=False)
    qtbot.waitUntil(lambda: editor.fields_table.isVisible())
    table = editor.fields_table
    total = sum(table.columnWidth(c) for c in range(table.columnCount()))
    assert total <= table.viewport().width()  # 选项, the last column, is not cut off
    assert not table.horizontalScrollBar().isVisible()
