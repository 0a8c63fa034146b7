"""The trainee view: scenarios with note and examples first, and the practice mode."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFrame
from pytestqt.qtbot import QtBot

from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet
from quickreply.ui.trainee import TraineeView, is_right, practice_questions

pytestmark = pytest.mark.gui

COURIER = Snippet(
    id="courier.which",
    title="合作快递",
    variants=("亲，我们默认发中通快递哦~",),
    code="kd",
    group="物流/快递",
    note="买家问发什么快递时用",
    examples=("发什么快递", "能发顺丰吗"),
    pack_id="team.presale",
)
SF = Snippet(
    id="courier.sf",
    title="能否发顺丰",
    variants=("亲，顺丰需要补差价哦~",),
    code="sf",
    group="物流/快递",
    note="买家指定顺丰",
    examples=("能发顺丰吗",),
    pack_id="team.presale",
)
THANKS = Snippet(
    id="review.thanks",
    title="感谢好评",
    variants=("谢谢亲的好评~",),
    code="xxhp",
    group="评价",
    note="买家给了好评",
    examples=("已好评",),
    pack_id="team.presale",
)


def library(*snippets: Snippet) -> Library:
    meta = PackMeta(id="team.presale", name="售前接待")
    return Library(packs=(Pack(meta, snippets, Path("team/presale.yaml"), PackSource.TEAM),))


def make_view(qtbot: QtBot, lib: Library, seed: int = 1) -> TraineeView:
    view = TraineeView(lib, rng=random.Random(seed))
    qtbot.addWidget(view)
    return view


def test_scenarios_show_note_and_examples_before_the_reply(qtbot: QtBot) -> None:
    view = make_view(qtbot, library(COURIER, SF, THANKS))
    root = view.tree.groups.item(0)
    assert root.text() == "全部 (3)"
    view.select_group("物流")
    assert [s.id for s in view.shown_snippets()] == ["courier.which", "courier.sf"]
    text = view.cards.toPlainText()
    assert "评价" not in text and "谢谢亲的好评" not in text
    note = text.index("什么时候用：买家问发什么快递时用")
    asked = text.index("买家常问：")
    question = text.index("发什么快递", asked)
    reply = text.index("参考回复：")
    assert note < asked < question < reply < text.index("亲，我们默认发中通快递哦~")


def test_practice_questions_group_every_fitting_reply() -> None:
    questions = practice_questions([COURIER, SF, THANKS])
    assert [q.text for q in questions] == ["发什么快递", "能发顺丰吗", "已好评"]
    assert [s.id for s in questions[1].answers] == ["courier.which", "courier.sf"]
    assert is_right(" SF ", questions[1])
    assert is_right("合作快递", questions[1])
    assert not is_right("xxhp", questions[1])
    assert not is_right("", questions[1])


def test_practice_right_and_wrong_answers(qtbot: QtBot) -> None:
    view = make_view(qtbot, library(COURIER, THANKS))
    view.tabs.setCurrentIndex(1)
    question = view.question
    assert question is not None
    assert view.question_label.text() == question.text
    right_code = question.answers[0].code
    wrong_code = "kd" if right_code == "xxhp" else "xxhp"

    view.answer_edit.setText(wrong_code)
    assert view.check_answer() is False
    assert view.result_label.text() == "✘ 不太对，看看参考答案："
    assert question.answers[0].title in view.answer_view.toPlainText()
    view.answer_edit.setText(right_code)
    assert view.check_answer() is True  # a second try is judged but not scored again
    assert view.result_label.text() == "✔ 答对了！"
    assert view.score_label.text() == "已练习 1 题，答对 0 题"

    view.next_question()
    assert view.answer_edit.text() == ""
    assert view.result_label.text() == ""
    assert view.question is not None
    view.answer_edit.setText(view.question.answers[0].code)
    view.answer_edit.returnPressed.emit()
    assert view.score_label.text() == "已练习 2 题，答对 1 题"


def test_reveal_counts_as_asked(qtbot: QtBot) -> None:
    view = make_view(qtbot, library(COURIER))
    view.reveal()
    assert view.result_label.text() == "参考答案："
    assert "合作快递" in view.answer_view.toPlainText()
    assert view.score_label.text() == "已练习 1 题，答对 0 题"


def test_no_examples_means_no_practice(qtbot: QtBot) -> None:
    bare = Snippet(id="a", title="甲", variants=("乙",), pack_id="team.presale")
    view = make_view(qtbot, library(bare))
    assert view.question is None
    assert view.question_label.text() == "话术里还没有买家问法，暂时无法练习。"
    assert not view.answer_edit.isEnabled()
    assert view.check_answer() is None
    view.set_library(library(COURIER))
    assert view.question is not None
    assert view.question.answers == (COURIER,)
    assert view.answer_edit.isEnabled()


def test_a_big_group_shows_the_first_cards_and_says_so(qtbot: QtBot) -> None:
    many = [
        Snippet(id=f"s{i}", title=f"标题{i}", variants=("回复",), group="甲", pack_id="t")
        for i in range(70)
    ]
    view = make_view(qtbot, library(*many))
    text = view.cards.toPlainText()
    assert text.startswith("只显示前 60 条（共 70 条），请在左边选一个具体场景。")
    assert "标题59" in text and "标题60" not in text


def test_the_reference_reply_is_the_first_wording_every_time(qtbot: QtBot) -> None:
    from datetime import datetime

    from quickreply.core.render import Renderer

    wordings = ("亲，在的~", "您好，在呢~", "在的亲~")
    many = Snippet(id="hello.many", title="欢迎语", variants=wordings, code="hy", group="欢迎")
    renderer = Renderer(None, lambda: datetime(2026, 1, 1))
    for _ in range(5):
        view = TraineeView(library(many), renderer, random.Random(1))
        qtbot.addWidget(view)
        assert "亲，在的~" in view.cards.toPlainText()
        assert "您好，在呢~" not in view.cards.toPlainText()


def test_the_search_box_finds_replies_by_pinyin(qtbot: QtBot) -> None:
    from quickreply.core.search import SearchIndex

    lib = library(COURIER, SF, THANKS)
    index = SearchIndex.build(lib)
    view = TraineeView(lib, None, random.Random(1), search=index.search)
    qtbot.addWidget(view)
    view.search_edit.setText("shunfeng")
    shown = [s.id for s in view.shown_snippets()]
    assert shown[0] == "courier.sf" and THANKS.id not in shown
    assert THANKS.title not in view.cards.toPlainText()


def test_it_opens_on_the_first_scenario_without_a_warning(qtbot: QtBot) -> None:
    many = [
        Snippet(id=f"s{i}", title=f"标题{i}", variants=("回复",), group=f"组{i % 9}", pack_id="t")
        for i in range(70)
    ]
    view = make_view(qtbot, library(COURIER, SF, THANKS, *many))
    assert view.current_group() == "物流"
    assert [s.id for s in view.shown_snippets()] == ["courier.which", "courier.sf"]
    assert "只显示前" not in view.cards.toPlainText()
    view.select_group("评价")
    view.set_library(library(COURIER, SF, THANKS, *many))  # a reload keeps the trainee's place
    assert view.current_group() == "评价"


def test_each_card_copies_its_reference_reply(qtbot: QtBot) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QPushButton

    view = make_view(qtbot, library(COURIER, SF, THANKS))
    # A real button per card (was a [复制] link inside the rich text), in card order.
    buttons = view.cards.copy_buttons()
    assert all(isinstance(b, QPushButton) for b in buttons)
    assert [b.text() for b in buttons] == ["复制", "复制"]
    assert view.cards.card_ids() == ["courier.which", "courier.sf"]
    assert buttons[1].accessibleName() == "复制“能否发顺丰”"
    assert "href=" not in view.cards.toHtml()
    buttons[1].click()
    assert QGuiApplication.clipboard().text() == "亲，顺丰需要补差价哦~"
    assert view.copied_label.text() == "已复制“能否发顺丰”"


def test_the_copy_buttons_are_reached_with_tab_in_card_order(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from quickreply.core.search import SearchIndex

    lib = library(COURIER, SF, THANKS)
    view = TraineeView(lib, None, random.Random(1), search=SearchIndex.build(lib).search)
    qtbot.addWidget(view)
    view.resize(700, 260)  # short: the second card is below the fold
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.search_edit.setFocus()
    qtbot.waitUntil(view.search_edit.hasFocus)
    buttons = view.cards.copy_buttons()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # past the search box
    assert QApplication.focusWidget() is buttons[0]
    qtbot.keyClick(buttons[0], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is buttons[1]
    # The list scrolled the focused button into view.
    viewport = view.cards.viewport()
    top_left = buttons[1].mapTo(viewport, buttons[1].rect().topLeft())
    assert viewport.rect().contains(top_left)
    qtbot.keyClick(buttons[1], Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == "亲，顺丰需要补差价哦~"
    assert view.copied_label.text() == "已复制“能否发顺丰”"


def test_the_search_spans_every_scenario(qtbot: QtBot) -> None:
    from quickreply.core.search import SearchIndex

    lib = library(COURIER, SF, THANKS)
    view = TraineeView(lib, None, random.Random(1), search=SearchIndex.build(lib).search)
    qtbot.addWidget(view)
    assert view.current_group() == "物流"
    view.search_edit.setText("haoping")  # 感谢好评 is in 评价, not the scenario open
    assert [s.id for s in view.shown_snippets()] == ["review.thanks"]


def test_another_scenario_replaces_the_cards_without_leftovers(qtbot: QtBot) -> None:
    view = make_view(qtbot, library(COURIER, SF, THANKS))
    view.show()
    view.select_group("评价")
    QApplication.processEvents()  # shows the new card (its old ones are deleted later)
    shown = [w for w in view.cards.widget().findChildren(QFrame, "traineeCard") if w.isVisible()]
    assert len(shown) == 1  # the old scenario's two cards are not drawn under the new one
    assert view.cards.card_ids() == ["review.thanks"]
