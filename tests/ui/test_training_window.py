"""The training window: a full drill with the real palette, weakest first, exams, progress."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextTable
from pytestqt.qtbot import QtBot

from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet
from quickreply.core.search import SearchIndex
from quickreply.core.training.drill import Attempt, Mode
from quickreply.core.training.exam import Exam, ExamQuestion
from quickreply.core.training.progress import ProgressStore
from quickreply.ui.codepractice import CodePracticePanel
from quickreply.ui.drill import DrillPanel
from quickreply.ui.exam import ExamPanel
from quickreply.ui.training import TrainingWindow

pytestmark = pytest.mark.gui


def reply(sid: str, title: str, code: str, group: str, note: str, *examples: str) -> Snippet:
    return Snippet(
        sid,
        title,
        (f"{title}的回复",),
        code=code,
        group=group,
        note=note,
        examples=examples,
        pack_id="team.p",
    )


LIB = Library(
    packs=(
        Pack(
            PackMeta("team.p", "售前"),
            (
                reply(
                    "courier.which",
                    "合作快递",
                    "kd",
                    "物流/快递",
                    "买家问发什么快递时用",
                    "发什么快递",
                ),
                reply("greet.hello", "人工欢迎语", "hy", "欢迎", "买家刚来时用", "在吗"),
                reply("price.bargain", "议价回复", "yj", "售前", "买家砍价时用", "能便宜点吗"),
            ),
            Path("team/p.yaml"),
            PackSource.TEAM,
        ),
    )
)
CODE_OF = {"发什么快递": "kd", "在吗": "hy", "能便宜点吗": "yj"}


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def store_at(tmp_path: Path) -> ProgressStore:
    return ProgressStore(tmp_path / "training.sqlite3")


def send(qtbot: QtBot, picker: object, code: str) -> None:
    box = picker.search_box  # type: ignore[attr-defined]
    qtbot.keyClicks(box, code)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def drill(qtbot: QtBot, tmp_path: Path, clock: Clock, seed: int = 0) -> DrillPanel:
    panel = DrillPanel(
        LIB, SearchIndex.build(LIB), None, store_at(tmp_path), rng=random.Random(seed), clock=clock
    )
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_the_drill_footer_says_the_drills_keys_quietly(qtbot: QtBot, tmp_path: Path) -> None:
    panel = drill(qtbot, tmp_path, Clock())
    panel.start(Mode.MIXED)
    footer = panel.board.picker.footer
    # Its own keys only: Ctrl+C copies nothing in a drill and Esc skips instead of closing.
    assert footer.text() == "练习：Enter 发送到上面的聊天 · Esc 跳过 · 答完后 Enter 下一题"
    assert footer.property("error") is False  # how the drill works is not a problem (red)


def test_a_full_drill_question_palette_send_score(qtbot: QtBot, tmp_path: Path) -> None:
    clock = Clock()
    panel = drill(qtbot, tmp_path, clock)
    panel.start(Mode.MIXED)
    board = panel.board
    question = board.question
    assert question is not None
    assert board.chat.bubbles[-1].text() == question.text  # the buyer's bubble
    clock.now += 2.5
    send(qtbot, board.picker, CODE_OF[question.text])
    attempt = board.attempts[-1]
    assert attempt.right and attempt.seconds == 2.5 and attempt.keystrokes == 3
    assert board.chat.bubbles[-1].text().endswith("的回复")  # sent into the chat, not pasted
    assert "✔" in board.result.toPlainText() and "2.5" in board.result.toPlainText()
    assert "3 次按键" in board.result.toPlainText()
    # Enter again: the next question, not a second send.
    qtbot.keyClick(board.picker.search_box, Qt.Key.Key_Return)
    assert board.question is not None and board.question != question
    assert len(board.attempts) == 1
    # The attempt is kept: a new store on the same file sees it.
    again = store_at(tmp_path).history()
    assert again[question.key].results == ((True, 2.5),)


def test_a_wrong_reply_shows_the_right_one_with_its_note(qtbot: QtBot, tmp_path: Path) -> None:
    clock = Clock()
    panel = drill(qtbot, tmp_path, clock)
    panel.start(Mode.GROUP, "物流")
    board = panel.board
    assert board.question is not None and board.question.text == "发什么快递"
    clock.now += 7
    send(qtbot, board.picker, "hy")
    shown = board.result.toPlainText()
    assert "✘" in shown and "合作快递 [kd]" in shown and "买家问发什么快递时用" in shown
    assert not board.attempts[-1].right


def test_escape_skips_and_a_round_ends_with_a_summary(qtbot: QtBot, tmp_path: Path) -> None:
    panel = drill(qtbot, tmp_path, Clock())
    panel.start(Mode.MIXED)
    for _ in range(3):
        qtbot.keyClick(panel.board.picker.search_box, Qt.Key.Key_Escape)
        qtbot.keyClick(panel.board.picker.search_box, Qt.Key.Key_Return)
    assert panel.board.question is None
    assert "本轮答对 0 / 3 题" in panel.summary.text()
    assert panel.board.picker.isVisible()  # Esc never hides the embedded palette


def test_weakest_first_asks_the_last_miss_first(qtbot: QtBot, tmp_path: Path) -> None:
    store = store_at(tmp_path)
    for key, right in (("ex:在吗", True), ("ex:发什么快递", True), ("ex:能便宜点吗", False)):
        store.record(Attempt(key, "", "x", "x" if right else "", right, 1.0, 3))
    store.close()
    for seed in range(3):
        panel = drill(qtbot, tmp_path, Clock(), seed)
        panel.start(Mode.WEAKEST)
        assert panel.board.question is not None
        assert panel.board.question.text == "能便宜点吗"


EXAM = Exam(
    "w1",
    "第一周考试",
    60,
    (
        ExamQuestion("发什么快递", ("courier.which",), 10.0, 5),
        ExamQuestion("在吗", ("greet.hello",), 10.0, 7),
        ExamQuestion("能便宜点吗", ("price.bargain",), 10.0, 9),
    ),
    "team/w1.exam.yaml",
)


def test_an_exam_with_a_pass_mark_is_taken_once(qtbot: QtBot, tmp_path: Path) -> None:
    clock = Clock()
    panel = ExamPanel(LIB, SearchIndex.build(LIB), None, store_at(tmp_path), [EXAM], clock=clock)
    qtbot.addWidget(panel)
    panel.show()
    panel.start()
    board = panel.board
    assert "剩 10 秒" in board.clock_label.text()
    clock.now += 3
    send(qtbot, board.picker, "kd")
    qtbot.wait(10)  # an exam moves on by itself, without showing the answer
    assert board.question is not None and board.question.text == "在吗"
    assert board.result.toPlainText() == ""
    clock.now += 11  # time runs out
    board.tick()
    qtbot.wait(10)
    clock.now += 2
    send(qtbot, board.picker, "yj")
    qtbot.wait(10)
    result = panel._store.exam_result("w1")
    assert result is not None and (result.right, result.total, result.passed) == (2, 3, True)
    shown = panel.info.toPlainText()
    assert "通过" in shown and "答对 2 / 3 题（67%，及格线 60%）" in shown
    assert not panel.start_button.isEnabled()
    # After a restart the result is there and the exam cannot be started again.
    again = ExamPanel(LIB, SearchIndex.build(LIB), None, store_at(tmp_path), [EXAM])
    qtbot.addWidget(again)
    assert "答对 2 / 3 题" in again.info.toPlainText()
    assert not again.start_button.isEnabled()
    again.start()
    assert not again.in_progress


def test_every_column_of_the_exam_results_has_a_heading(qtbot: QtBot, tmp_path: Path) -> None:
    """The ✔/✘ column had an empty heading."""
    clock = Clock()
    panel = ExamPanel(LIB, SearchIndex.build(LIB), None, store_at(tmp_path), [EXAM], clock=clock)
    qtbot.addWidget(panel)
    panel.show()
    panel.start()
    for _ in EXAM.questions:
        clock.now += 11
        panel.board.tick()
        qtbot.wait(10)
    (table,) = [
        f for f in panel.info.document().rootFrame().childFrames() if isinstance(f, QTextTable)
    ]
    headings = []
    for column in range(table.columns()):
        cell = table.cellAt(0, column)
        cursor = cell.firstCursorPosition()
        cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        headings.append(cursor.selectedText().strip())
    assert headings == ["#", "买家问", "结果", "你发的", "参考", "用时（秒）"]
    assert table.rows() == 1 + len(EXAM.questions)


def test_closing_mid_exam_saves_it_with_the_rest_missed(qtbot: QtBot, tmp_path: Path) -> None:
    window = TrainingWindow(
        LIB, SearchIndex.build(LIB), None, store_at(tmp_path), [EXAM], clock=Clock()
    )
    qtbot.addWidget(window)
    window.show()
    window.exam.start()
    send(qtbot, window.exam.board.picker, "kd")
    window.close()
    result = store_at(tmp_path).exam_result("w1")
    assert result is not None and (result.right, result.total, result.passed) == (1, 3, False)


def test_code_practice_counts_streaks(qtbot: QtBot, tmp_path: Path) -> None:
    clock = Clock()
    panel = CodePracticePanel(LIB, store_at(tmp_path), rng=random.Random(1), clock=clock)
    qtbot.addWidget(panel)
    titles = {"合作快递": "kd", "人工欢迎语": "hy", "议价回复": "yj"}
    for _ in range(2):
        card = panel.card
        assert card is not None and panel.prompt.text() == card.title
        clock.now += 1.5
        qtbot.keyClicks(panel.edit, titles[card.title])  # taken as soon as it is the code
    assert (panel.run.streak, panel.run.right) == (2, 2)
    qtbot.keyClicks(panel.edit, "zz")
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    assert panel.run.streak == 0 and "编码是" in panel.result.text()
    assert "最高连对 2" in panel.stats.text()


def test_progress_shows_which_scenarios_are_ready(qtbot: QtBot, tmp_path: Path) -> None:
    store = store_at(tmp_path)
    for i in range(10):
        store.record(
            Attempt("ex:发什么快递", "物流", "courier.which", "courier.which", True, 2.0, 3)
        )
        store.record(Attempt("ex:在吗", "欢迎", "greet.hello", "", i % 2 == 0, 8.0, 9))
    window = TrainingWindow(LIB, SearchIndex.build(LIB), None, store)
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.progress)
    rows = {row.group: row for row in window.progress.chart.rows}
    assert rows["物流"].ready and not rows["欢迎"].ready
    assert "可以上岗的场景：物流" in window.progress.details.text()


def test_code_practice_by_text_shows_the_reply_as_the_buyer_reads_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    class Renderer:
        def render_variant(self, snippet: Snippet, index: int, values: object = None) -> str:
            return snippet.text.replace("的回复", "（店铺：小店）")

    panel = CodePracticePanel(LIB, store_at(tmp_path), Renderer(), rng=random.Random(1))  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.by_text.setChecked(True)
    card = panel.card
    assert card is not None and panel.prompt.text() == card.title + "（店铺：小店）"


def test_a_miss_in_one_sitting_is_asked_first_after_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    clock = Clock()
    panel = drill(qtbot, tmp_path, clock, seed=4)
    panel.start(Mode.MIXED)
    board = panel.board
    asked = []
    for _ in range(3):  # right, right, then a wrong reply to the last question
        question = board.question
        assert question is not None
        asked.append(question.text)
        clock.now += 1.5
        send(qtbot, board.picker, CODE_OF[question.text] if len(asked) < 3 else "zzzz")
        if board.running:  # nothing matched "zzzz": Esc counts the miss
            qtbot.keyClick(board.picker.search_box, Qt.Key.Key_Escape)
        qtbot.keyClick(board.picker.search_box, Qt.Key.Key_Return)
    panel.close()
    # The app restarts: a new panel on the same progress file.
    again = drill(qtbot, tmp_path, Clock(), seed=9)
    again.start(Mode.WEAKEST)
    assert again.board.question is not None and again.board.question.text == asked[-1]


class LateHandIn:
    """A hand-in whose delivery ends after the window is gone."""

    def __init__(self) -> None:
        self.then: list[object] = []

    def active(self) -> bool:
        return True

    def waiting(self) -> bool:
        return False

    def hand_in(self, exam: Exam, result: object, then: object = None) -> None:
        self.then.append(then)


def test_a_hand_in_ending_after_the_window_closed_is_harmless(qtbot: QtBot, tmp_path: Path) -> None:
    hand_in = LateHandIn()
    panel = ExamPanel(
        LIB, SearchIndex.build(LIB), None, store_at(tmp_path), [EXAM], hand_in=hand_in
    )
    panel.start()
    panel.abandon()  # saved with every question missed, and handed in
    assert len(hand_in.then) == 1
    panel.deleteLater()
    qtbot.wait(10)
    hand_in.then[0]()  # type: ignore[operator]  # no "C++ object already deleted"
