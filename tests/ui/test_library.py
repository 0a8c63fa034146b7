"""The library window: browse, filter, details, copy, problems, editing and geometry."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from quickreply.core.lint import lint_library
from quickreply.core.model import Library, PackSource, Snippet
from quickreply.core.packs import PackDir, load_library, save_pack
from quickreply.core.problems import Problem
from quickreply.core.render import Renderer
from quickreply.ui.library import LibraryWindow

pytestmark = pytest.mark.gui

SHOP_PACK = """
pack:
  id: team.presale
  name: 售前接待
  version: 3
snippets:
  - id: courier.which
    title: 合作快递
    code: kd
    group: 物流/快递
    tags: [快递, 发货]
    text: 亲，我们默认发中通快递哦~
    note: 买家问发什么快递时用
    examples: [发什么快递, 能发顺丰吗]
  - id: courier.track
    title: 查物流
    code: cwl
    group: 物流/查询
    text: 亲，您的包裹已经在路上啦，单号是{{ number }}~
    note: 买家问到哪了
    examples: [到哪了]
    fields:
      number: {label: 快递单号, default: ZT123}
  - id: greet.hello
    title: 欢迎语
    code: hy
    group: 欢迎
    text:
      - 亲，您好～
      - 在的亲～
    examples: [在吗]
"""

MY_PACK = """
pack:
  id: personal.my
  name: 我的话术
snippets:
  - id: my.thanks
    title: 感谢好评
    code: xx
    group: 售后/评价
    text: 谢谢亲的好评~
    note: 买家给了好评
    examples: [已好评]
"""

BROKEN_PACK = """
pack:
  id: team.broken
  name: 坏包
snippets:
  - id: bad.one
    title: 坏的
    text: [unclosed
"""


def no_clock_lint(library: Library) -> list[Problem]:
    """A stand-in linter: one content rule (banned absolute claims) and one code clash rule."""
    problems = []
    codes: dict[str, Snippet] = {}
    for snippet in library.snippets():
        for variant in snippet.variants:
            if "最" in variant:
                problems.append(
                    Problem(
                        snippet.path,
                        snippet.line,
                        f"snippet '{snippet.id}'",
                        "absolute claim '最' is banned by the advertising law",
                        "say what is true instead",
                    )
                )
        if snippet.code in codes and snippet.code:
            problems.append(
                Problem(
                    snippet.path,
                    snippet.line,
                    f"snippet '{snippet.id}'",
                    f"shortcut code '{snippet.code}' is already used by '{codes[snippet.code].id}'",
                    "choose another code",
                )
            )
        codes.setdefault(snippet.code, snippet)
    return problems


@pytest.fixture
def packs(tmp_path: Path, write_pack: Callable[[str, str], Path]) -> Path:
    write_pack("team/presale.yaml", SHOP_PACK)
    write_pack("personal/my.yaml", MY_PACK)
    return tmp_path


def load(root: Path, *, broken: bool = False) -> Library:
    dirs = [
        PackDir(root / "team", PackSource.TEAM),
        PackDir(root / "personal", PackSource.PERSONAL),
    ]
    return load_library(dirs)


def make_window(
    qtbot: QtBot,
    library: Library,
    *,
    lint: Callable[[Library], Sequence[Problem]] | None = no_clock_lint,
    store: QSettings | None = None,
    personal_dir: Path | None = None,
    renderer: Renderer | None = None,
) -> LibraryWindow:
    window = LibraryWindow(
        library,
        renderer=renderer,
        lint=lint,
        save=save_pack,
        store=store,
        personal_dir=personal_dir,
    )
    window.confirm = lambda _question: True
    qtbot.addWidget(window)
    return window


def ids(window: LibraryWindow) -> list[str]:
    return [s.id for s in window.listed_snippets()]


def test_group_tree_filters_the_list(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs))
    assert ids(window) == ["courier.which", "courier.track", "greet.hello", "my.thanks"]
    root = window.tree.groups.item(0)
    assert root.text() == "全部 (4)"
    assert [root.child(i).text() for i in range(root.rowCount())] == [
        "物流 (2)",
        "欢迎 (1)",
        "售后 (1)",
    ]
    window.select_group("物流")
    assert ids(window) == ["courier.which", "courier.track"]
    window.select_group("物流/查询")
    assert ids(window) == ["courier.track"]
    assert window.current_snippet() is not None
    assert window.current_snippet().id == "courier.track"  # type: ignore[union-attr]


def test_filter_narrows_case_insensitively(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs))
    window.filter_edit.setText("KD")
    assert ids(window) == ["courier.which"]
    window.filter_edit.setText("好评")
    assert ids(window) == ["my.thanks"]
    window.filter_edit.setText("在的")  # the second variant of greet.hello
    assert ids(window) == ["greet.hello"]
    window.filter_edit.setText("没有这个词")
    assert ids(window) == []
    assert window.title_label.text() == "没有符合条件的话术"
    assert not window.copy_button.isEnabled()
    assert window.count_label.text() == "0 条"
    window.select_group("欢迎")
    window.filter_edit.setText("kd")
    assert ids(window) == []
    assert (
        window.title_label.text() == "本分组没有符合条件的话术；其他分组中有 1 条（点“全部”查看）"
    )


def test_detail_shows_note_examples_source_and_lock(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs))
    window.show()
    window.select_snippet("courier.which")
    text = window.detail.toPlainText()
    assert "亲，我们默认发中通快递哦~" in text
    assert "买家问发什么快递时用" in text
    assert "发什么快递" in text and "能发顺丰吗" in text
    assert window.title_label.text() == "合作快递"
    assert "编码：kd" in window.meta_label.text()
    assert "分组：物流/快递" in window.meta_label.text()
    # The agent's words, not a developer's folder: the team pack by name, a file by its name;
    # the full path only in the tooltip.
    assert window.source_label.text() == "来源：团队 · 售前接待 v3 · 只读"
    assert window.source_label.toolTip() == str(packs / "team" / "presale.yaml")
    assert window.lock_label.isVisible()
    assert not window.edit_button.isEnabled()
    assert window.fork_button.isVisible()

    window.select_snippet("my.thanks")
    assert window.source_label.text() == "来源：个人 · my.yaml"
    assert str(packs) not in window.source_label.text()
    assert window.source_label.toolTip() == str(packs / "personal" / "my.yaml")
    assert not window.lock_label.isVisible()
    assert window.edit_button.isEnabled()
    assert not window.fork_button.isVisible()

    window.select_snippet("greet.hello")
    text = window.detail.toPlainText()
    assert "回复（变体 1）" in text and "回复（变体 2）" in text and "在的亲～" in text


def test_copy_puts_raw_text_without_renderer(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs))
    window.select_snippet("courier.track")
    assert window.copy_current()
    assert QGuiApplication.clipboard().text() == "亲，您的包裹已经在路上啦，单号是{{ number }}~"
    assert window.message_label.text() == "已复制到剪贴板"


def test_copy_puts_rendered_text_with_renderer(qtbot: QtBot, packs: Path) -> None:
    renderer = Renderer(None, lambda: datetime(2024, 11, 23, 14, 5))
    window = make_window(qtbot, load(packs), renderer=renderer)
    window.show()
    window.select_snippet("courier.track")
    qtbot.mouseClick(window.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "亲，您的包裹已经在路上啦，单号是ZT123~"


def test_copy_with_the_real_renderer_and_a_field_without_default(
    qtbot: QtBot, tmp_path: Path, write_pack: Callable[[str, str], Path]
) -> None:
    write_pack(
        "team/p.yaml",
        """
        pack: {id: team.p, name: 包}
        snippets:
          - id: order.check
            title: 核对订单
            text: 亲，订单{{ order }}已核对，{{ size }}码~
            fields:
              order: {label: 订单号}
              size: {label: 尺码, kind: choice, choices: [S, M]}
        """,
    )
    renderer = Renderer(None, lambda: datetime(2024, 11, 23, 14, 5))
    window = make_window(qtbot, load(tmp_path), renderer=renderer)
    assert window.copy_current()
    assert QGuiApplication.clipboard().text() == "亲，订单【订单号】已核对，S码~"
    # The reply as the buyer gets it comes first; the template only behind 模板.
    assert "亲，订单【订单号】已核对，S码~" in window.detail.toPlainText()
    assert "{{ order }}" not in window.detail.toPlainText()


def test_copy_renders_a_macros_pasted_texts(
    qtbot: QtBot, tmp_path: Path, write_pack: Callable[[str, str], Path]
) -> None:
    write_pack(
        "team/p.yaml",
        """
        pack: {id: team.p, name: 包}
        snippets:
          - id: macro.track
            title: 查单号
            steps:
              - paste: 亲，单号是{{ number }}~
              - enter
              - paste: 有问题随时找我~
            fields:
              number: {label: 快递单号, default: ZT123}
        """,
    )
    renderer = Renderer(None, lambda: datetime(2024, 11, 23, 14, 5))
    window = make_window(qtbot, load(tmp_path), renderer=renderer)
    assert window.copy_current()
    assert QGuiApplication.clipboard().text() == "亲，单号是ZT123~\n有问题随时找我~"


def test_broken_pack_problem_is_shown(
    qtbot: QtBot, packs: Path, write_pack: Callable[[str, str], Path]
) -> None:
    write_pack("team/broken.yaml", BROKEN_PACK)
    library = load(packs)
    assert library.problems
    window = make_window(qtbot, library)
    window.show()
    assert window.banner.isVisible()
    count = len(library.problems)
    assert window.banner_label.text().startswith(f"加载话术包时发现 {count} 个问题")
    shown = [window.problem_list.item(i).text() for i in range(window.problem_list.count())]
    assert shown == [str(p) for p in library.problems]
    assert any("broken.yaml:" in line for line in shown)
    # The good packs still load next to the broken one.
    assert "courier.which" in ids(window)


def test_no_banner_without_problems(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs))
    window.show()
    assert not window.banner.isVisible()


def test_read_only_packs_refuse_editing(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs))
    window.select_snippet("courier.which")
    assert not window.edit_current()
    assert not window.is_editing()
    assert "只读" in window.message_label.text()
    assert not window.delete_current()
    assert (packs / "team/presale.yaml").read_text(encoding="utf-8").count("courier.which") == 1


def test_edit_and_save_writes_file_and_backup(qtbot: QtBot, packs: Path) -> None:
    path = packs / "personal/my.yaml"
    before = path.read_text(encoding="utf-8")
    window = make_window(qtbot, load(packs))
    saved: list[object] = []
    window.saved.connect(saved.append)
    window.select_snippet("my.thanks")
    assert window.edit_current()
    assert window.is_editing()
    window.editor.text_edit.setPlainText("谢谢亲的五星好评，期待再次光临~\n---\n感谢支持~")
    window.editor.tags_edit.setText("好评，感谢")
    assert window.save_draft()
    assert saved == [path]
    assert (packs / "personal/my.yaml.bak").read_text(encoding="utf-8") == before
    reloaded = load(packs)
    snippet = reloaded.get("my.thanks")
    assert snippet is not None
    assert snippet.variants == ("谢谢亲的五星好评，期待再次光临~", "感谢支持~")
    assert snippet.tags == ("好评", "感谢")
    assert not reloaded.problems
    assert not window.is_editing()
    assert window.current_snippet() is not None
    assert "谢谢亲的五星好评" in window.detail.toPlainText()


def test_lint_errors_shown_live(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs))
    window.select_snippet("my.thanks")
    window.edit_current()
    assert window.editor.status_label.text() == "检查通过"
    window.editor.text_edit.setPlainText("全网最低价~")
    assert window.editor.refresh_pending()  # debounced, not on every keystroke
    qtbot.waitUntil(lambda: window.editor.problem_list.count() == 1, timeout=2000)
    assert window.editor.problem_list.item(0).text() == (
        "错误：snippet 'my.thanks': absolute claim '最' is banned by the advertising law"
        " (say what is true instead)"
    )
    assert window.editor.status_label.text() == "1 个错误"  # no "0 个提醒"


def test_refused_save_keeps_the_edits(qtbot: QtBot, packs: Path) -> None:
    path = packs / "personal/my.yaml"
    before = path.read_text(encoding="utf-8")
    window = make_window(qtbot, load(packs))
    window.show()
    window.select_snippet("my.thanks")
    window.edit_current()
    window.editor.text_edit.setPlainText("我们是最好的~")
    window.editor.code_edit.setText("kd")  # already used by courier.which
    assert not window.save_draft()
    assert window.is_editing()
    assert window.editor.save_error.isVisible()
    assert window.editor.save_error.text() == (
        "未保存：还有 2 个错误，改正后再保存。第一个："
        "snippet 'my.thanks': absolute claim '最' is banned by the advertising law"
        " (say what is true instead)"
    )
    assert window.editor.text_edit.toPlainText() == "我们是最好的~"
    assert window.editor.code_edit.text() == "kd"
    assert path.read_text(encoding="utf-8") == before
    assert not (packs / "personal/my.yaml.bak").exists()
    # Fixing the problems lets the same draft save.
    window.editor.text_edit.setPlainText("我们认真做好每一件~")
    window.editor.code_edit.setText("xxhp")
    assert window.save_draft()
    assert not window.editor.save_error.isVisible()


def test_editor_local_checks_without_linter(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs), lint=None)
    window.select_snippet("my.thanks")
    window.edit_current()
    window.editor.id_edit.setText("courier.which")
    window.editor.title_edit.setText("")
    window.editor.refresh()
    lines = [
        window.editor.problem_list.item(i).text() for i in range(window.editor.problem_list.count())
    ]
    assert lines == [
        f"错误：编号 courier.which 已被使用：已在 {packs / 'team/presale.yaml'} 中；换一个编号。",
        "错误：标题不能为空：写一个简短的标题。",
    ]


def test_first_snippet_creates_my_yaml(
    qtbot: QtBot, tmp_path: Path, write_pack: Callable[[str, str], Path]
) -> None:
    write_pack("team/presale.yaml", SHOP_PACK)
    personal = tmp_path / "personal"
    window = make_window(qtbot, load(tmp_path), personal_dir=personal)
    window.select_group("物流")
    assert window.new_snippet()
    assert window.editor.group_edit.text() == "物流"
    window.editor.title_edit.setText("发货时间")
    window.editor.code_edit.setText("fh")
    window.editor.text_edit.setPlainText("亲，今天下午四点前付款当天发货~")
    assert window.save_draft()
    path = personal / "my.yaml"
    assert path.exists()
    reloaded = load(tmp_path)
    assert not reloaded.problems
    pack = next(p for p in reloaded.packs if p.path == path)
    assert pack.meta.id == "personal.my"
    assert [s.title for s in pack.snippets] == ["发货时间"]
    assert "my.fh" in ids(window)  # named after its code, not my.snippet every time


def test_copy_to_personal_makes_an_editable_copy(
    qtbot: QtBot, tmp_path: Path, write_pack: Callable[[str, str], Path]
) -> None:
    write_pack("team/presale.yaml", SHOP_PACK)
    window = make_window(qtbot, load(tmp_path), personal_dir=tmp_path / "personal")
    window.select_snippet("courier.which")
    assert window.fork_button.isEnabled()
    assert window.copy_to_personal()
    # The heading says what the button said: one name for one action.
    assert window.editor.heading.text().startswith(window.fork_button.text() + "：")
    assert window.editor.id_edit.text() == "my.courier.which"
    assert window.editor.code_edit.text() == ""
    assert window.editor.note_edit.toPlainText() == "买家问发什么快递时用"
    assert window.save_draft()
    copy = load(tmp_path).get("my.courier.which")
    assert copy is not None and copy.examples == ("发什么快递", "能发顺丰吗")


def test_delete_personal_snippet_keeps_backup(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs))
    window.select_snippet("my.thanks")
    assert window.delete_current()
    assert load(packs).get("my.thanks") is None
    assert "my.thanks" in (packs / "personal/my.yaml.bak").read_text(encoding="utf-8")
    assert "my.thanks" not in ids(window)


def test_set_library_keeps_selection(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs))
    window.select_group("物流")
    window.select_snippet("courier.track")
    window.set_library(load(packs))
    assert window.current_group() == "物流"
    assert window.current_snippet() is not None
    assert window.current_snippet().id == "courier.track"  # type: ignore[union-attr]


def test_keyboard_ctrl_f_and_arrows(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs))
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_edit.hasFocus()
    assert window.current_snippet().id == "courier.which"  # type: ignore[union-attr]
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Down)
    assert window.current_snippet().id == "courier.track"  # type: ignore[union-attr]
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Up)
    assert window.current_snippet().id == "courier.which"  # type: ignore[union-attr]
    # CJK goes in as a key event carrying text (QTest keys are ASCII only).
    event = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, "欢")
    QApplication.sendEvent(window.filter_edit, event)
    assert ids(window) == ["greet.hello"]


def test_geometry_and_splitter_restored(qtbot: QtBot, packs: Path, tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    first = make_window(qtbot, load(packs), store=store)
    first.show()
    first.resize(760, 700)
    qtbot.wait(10)
    first.splitter.setSizes([150, 250, 300])
    sizes = first.splitter.sizes()
    first.tabs.setCurrentIndex(1)
    first.close()
    store.sync()

    again = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    second = make_window(qtbot, load(packs), store=again)
    second.show()
    assert (second.width(), second.height()) == (760, 700)
    assert second.tabs.currentIndex() == 1
    second.tabs.setCurrentIndex(0)
    qtbot.wait(10)
    assert second.splitter.sizes() == sizes


def test_real_linter_catches_code_and_hotkey_clashes_across_packs(
    qtbot: QtBot, packs: Path, write_pack: Callable[[str, str], Path]
) -> None:
    write_pack(
        "team/keys.yaml",
        """
        pack: {id: team.keys, name: 热键}
        snippets:
          - id: keys.one
            title: 热键话术
            text: 亲，在的~
            hotkey: ctrl+alt+1
        """,
    )
    window = make_window(qtbot, load(packs), lint=lint_library)
    window.select_snippet("my.thanks")
    assert window.edit_current()
    assert window.editor.status_label.text() == "检查通过"
    window.editor.code_edit.setText("kd")  # courier.which in the team pack has it
    window.editor.hotkey_edit.setText("ctrl+alt+1")  # keys.one has it
    window.editor.refresh()
    lines = [
        window.editor.problem_list.item(i).text() for i in range(window.editor.problem_list.count())
    ]
    assert lines == [
        "错误：快捷编码 kd 已被「合作快递」使用：换一个编码。",
        "错误：直达热键 ctrl+alt+1 已被「热键话术」使用：换一个热键。",
    ]
    assert not window.save_draft()


def test_field_name_the_loader_would_refuse_is_an_error(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs), lint=None)
    window.select_snippet("my.thanks")
    window.edit_current()
    window.editor.add_field_button.click()
    window.editor.fields_table.item(0, 0).setText("金额")  # an identifier to Python, not to packs
    window.editor.refresh()
    assert window.editor.problem_list.item(0).text() == (
        "错误：字段名 金额 只能用字母、数字和下划线：以字母开头，例如 amount。"
    )
    assert not window.save_draft()


REGION_PACK = """
pack: {id: personal.my, name: 我的话术}
snippets:
  - id: my.ship
    title: 发货说明
    text: 亲，{{ region }}的订单今天发~
    note: 买家问发货
    examples: [什么时候发]
    fields:
      region: {label: 省份, kind: choice, choices_from: regions, default: 广东}
"""


def test_a_field_with_choices_from_survives_the_editor(
    qtbot: QtBot, tmp_path: Path, write_pack: Callable[[str, str], Path]
) -> None:
    """The editor dropped ``choices_from`` (the draft's field came back with None), so a choice
    field without its own ``choices`` could not be saved (issue 10.3)."""
    path = write_pack("personal/my.yaml", REGION_PACK)
    window = make_window(qtbot, load(tmp_path))
    window.select_snippet("my.ship")
    assert window.edit_current()
    field = window.editor.draft().fields[0]
    assert (field.kind, field.choices, field.choices_from) == ("choice", (), "regions")
    assert window.editor.status_label.text() == "检查通过"
    window.editor.title_edit.setText("发货时间")
    assert window.save_draft()
    saved = load(tmp_path).get("my.ship")
    assert saved is not None and saved.title == "发货时间"
    assert saved.fields[0].choices_from == "regions"
    assert "choices_from: regions" in path.read_text(encoding="utf-8")


def test_a_title_over_the_limit_is_an_error_in_the_agents_words(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs), lint=None)
    window.select_snippet("my.thanks")
    window.edit_current()
    window.editor.title_edit.setText("谢" * 201)
    window.editor.refresh()
    assert window.editor.problem_list.item(0).text() == (
        "错误：太长了：201 个字符，最多 200 个：删短一些。"
    )
    assert not window.save_draft()


def test_the_filter_is_the_palettes_ranked_search(qtbot: QtBot, packs: Path) -> None:
    from quickreply.core.search import SearchIndex

    library = load(packs)
    index = SearchIndex.build(library)
    window = make_window(qtbot, library, lint=None)
    window.list_model.search = index.search
    window.filter_edit.setText("kuaidi")  # pinyin: a substring test finds nothing
    assert "courier.which" in ids(window)
    window.filter_edit.setText("hzkd")  # initials of 合作快递
    assert ids(window)[0] == "courier.which"


def test_a_new_reply_shows_no_errors_before_the_first_keystroke(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs), lint=None)
    assert window.new_snippet()
    assert window.editor.problem_list.count() == 0
    assert window.editor.status_label.text() == "填好标题和回复内容，再保存"
    assert not window.save_draft()  # still refused: the title and text are empty
    window.editor.title_edit.setText("发货时间")
    window.editor.refresh()
    assert window.editor.problem_list.count() > 0  # now the missing text is an error


def test_the_reply_shows_as_the_buyer_gets_it_and_the_template_behind_a_toggle(
    qtbot: QtBot, packs: Path
) -> None:
    renderer = Renderer(None, lambda: datetime(2024, 11, 23, 14, 5))
    window = make_window(qtbot, load(packs), renderer=renderer)
    window.show()
    window.select_snippet("courier.track")
    toggle = window.template_toggle
    assert toggle.isVisible() and not toggle.isChecked()
    assert "单号是ZT123~" in window.detail.toPlainText()
    assert "{{ number }}" not in window.detail.toPlainText()
    toggle.click()  # 模板: the text as written
    assert "单号是{{ number }}~" in window.detail.toPlainText()
    assert "ZT123" not in window.detail.toPlainText()
    window.select_snippet("courier.which")  # nothing to fill in: no toggle to confuse
    assert not toggle.isVisible()
    assert "亲，我们默认发中通快递哦~" in window.detail.toPlainText()


def test_a_source_filter_instead_of_a_padlock_on_every_row(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs))
    window.show()
    buttons = window.reply_list.source_buttons
    assert [b.text() for b in buttons.values() if b.isVisible()] == ["全部", "内置", "团队", "个人"]
    model = window.list_model
    decorations = [model.index(r, 0).data(Qt.ItemDataRole.DecorationRole) for r in range(4)]
    assert decorations == [None] * 4  # read-only rows carry no padlock
    buttons[PackSource.PERSONAL].click()
    assert ids(window) == ["my.thanks"]
    assert window.current_snippet() is not None
    assert window.current_snippet().id == "my.thanks"  # type: ignore[union-attr]
    buttons[PackSource.TEAM].click()
    assert ids(window) == ["courier.which", "courier.track", "greet.hello"]
    buttons[PackSource.SHIPPED].click()
    assert ids(window) == []
    window.select_source(None)
    assert len(ids(window)) == 4


def test_after_save_one_short_confirmation_and_the_row_in_view(
    qtbot: QtBot, tmp_path: Path, write_pack: Callable[[str, str], Path]
) -> None:
    many = "\n".join(
        f"  - {{id: r.n{i}, title: 回复{i}, code: r{i}, group: 售前, text: 亲~}}" for i in range(80)
    )
    write_pack("team/many.yaml", "pack: {id: team.many, name: 多}\nsnippets:\n" + many)
    window = make_window(qtbot, load(tmp_path), personal_dir=tmp_path / "personal")
    window.resize(900, 500)
    window.show()
    window.select_group("售前")
    window.filter_edit.setText("回复1")  # the new reply will not match this filter
    assert window.new_snippet()
    window.editor.title_edit.setText("发货时间")
    window.editor.code_edit.setText("fh")
    window.editor.text_edit.setPlainText("亲，今天下午四点前付款当天发货~")
    assert window.save_draft()
    current = window.current_snippet()
    assert current is not None and current.id == "my.fh"
    index = window.list_view.currentIndex()
    assert index.row() == window.list_model.row_of("my.fh") > 20
    assert window.list_view.viewport().rect().contains(window.list_view.visualRect(index))
    assert window.message_label.text() == "已保存“发货时间”"
    assert window.statusBar().currentMessage() == ""  # said once, under the reply


def test_a_new_reply_is_named_after_its_code_or_title(qtbot: QtBot, packs: Path) -> None:
    window = make_window(qtbot, load(packs), lint=None)
    assert window.new_snippet()
    editor = window.editor
    editor.title_edit.setText("发货时间")
    assert editor.id_edit.text() == "my.fhsj"  # the title's initials
    editor.code_edit.setText("xx")  # my.thanks has code xx, but the id my.xx is free
    assert editor.id_edit.text() == "my.xx"
    editor.code_edit.setText("thanks")
    assert editor.id_edit.text() == "my.thanks2"  # unique within the library
    editor.id_edit.textEdited.emit("my.own")  # typed by hand: no longer follows
    editor.id_edit.setText("my.own")
    editor.code_edit.setText("fh")
    assert editor.id_edit.text() == "my.own"


def test_the_trainee_tab_has_the_palettes_search(qtbot: QtBot, packs: Path) -> None:
    from quickreply.core.search import SearchIndex

    library = load(packs)
    index = SearchIndex.build(library)
    window = LibraryWindow(library, search=index.search)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.trainee)
    assert window.trainee.search_edit.isVisible()
    window.trainee.search_edit.setText("kuaidi")
    assert window.trainee.shown_snippets()[0].id == "courier.which"


def test_a_shipped_reply_names_its_file_not_the_install_folder(qtbot: QtBot) -> None:
    from quickreply.core.model import Pack, PackMeta
    from quickreply.ui.library_detail import source_text, source_tip

    path = Path("/work/main/snippets/aftersale.yaml")
    pack = Pack(PackMeta("aftersale", "售后服务", 1), (), path, PackSource.SHIPPED)
    assert source_text(pack, editable=False) == "来源：内置 · aftersale.yaml · 只读"
    assert source_tip(pack) == str(path)
