"""``quickreply bench drill``: the drill's question-to-palette, keystroke and scoring times.

Builds a generated library (the search benchmark's real-like replies, their example questions
as drill questions) and a progress store holding N past attempts (default 10,000), then shows
the training window's drill offscreen and times what a trainee waits for: the round's start
(history, weakest-first order, the first question), each next question until the palette is
ready (bubble shown, search box cleared, results listed and painted), each keystroke of a
reply's 快捷编码 in the embedded palette (search, list, preview, paint), and Enter to the score
saved. The store's own reads (history, per-scenario progress) and the progress tab's refresh
are timed apart. Each figure is wall time and, beside it (``cpu``), the process's CPU time: on a
machine shared with other work the wall time includes waiting for a core.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--snippets", type=int, default=10_000, metavar="N")
    parser.add_argument("--attempts", type=int, default=10_000, metavar="N", help="past attempts")
    parser.add_argument("--questions", type=int, default=40, metavar="N", help="questions asked")
    parser.add_argument("--runs", type=int, default=5, metavar="N", help="runs of the store reads")


def _ms(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median": round(statistics.median(ordered), 3),
        "p95": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 3),
        "max": round(ordered[-1], 3),
    }


class Times:
    """Wall and CPU milliseconds of repeated runs of one step."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def time(self, action: Any, app: Any = None) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        if app is not None:
            app.processEvents()  # what the action scheduled: layout, the results list, paint
        self.wall.append((time.perf_counter() - wall) * 1000)
        self.cpu.append((time.process_time() - cpu) * 1000)

    def figures(self) -> dict[str, float]:
        return {**_ms(self.wall), "cpu_median": round(statistics.median(self.cpu), 3)}


def _fill(store: Any, questions: list[Any], count: int) -> None:
    from quickreply.core.training.drill import score

    rng = random.Random(11)
    attempts = []
    for _ in range(count):
        q = rng.choice(questions)
        right = rng.random() < 0.75
        attempts.append(score(q, q.answers[0] if right else "x", rng.uniform(1, 12), 5))
    store.record_many(attempts, "drill")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from quickreply.benchmarks.corpus import generate_library
    from quickreply.core.search import SearchIndex
    from quickreply.core.training.drill import Mode, library_questions, order
    from quickreply.core.training.progress import ProgressStore
    from quickreply.ui.training import TrainingWindow

    app = QApplication.instance() or QApplication([])
    library = generate_library(args.snippets)
    index = SearchIndex.build(library)
    questions = library_questions(library)
    with tempfile.TemporaryDirectory(prefix="qr-bench-drill-") as tmp:
        store = ProgressStore(Path(tmp) / "training.sqlite3")
        fill_start = time.perf_counter()
        _fill(store, questions, args.attempts)
        fill_ms = (time.perf_counter() - fill_start) * 1000

        history, progress, weakest = Times(), Times(), Times()
        rng = random.Random(5)
        found: dict[str, Any] = {}
        for _ in range(args.runs):
            history.time(lambda: found.update(history=store.history()))
            progress.time(store.progress)
            weakest.time(lambda: order(questions, Mode.WEAKEST, found["history"], rng))

        window = TrainingWindow(library, index, None, store, rng=random.Random(3))
        window.resize(1100, 640)
        window.show()
        app.processEvents()
        panel, board = window.drill, window.drill.board
        box = board.picker.search_box
        start, shown, keys, enter, refresh = Times(), Times(), Times(), Times(), Times()
        start.time(lambda: panel.start(Mode.WEAKEST), app)
        asked = 0
        while asked < args.questions:
            question = board.question
            if question is None:  # the round is over: the next one, weakest first again
                start.time(lambda: panel.start(Mode.WEAKEST), app)
                continue
            reply = library.get(question.answers[0])
            typed = (reply.code if reply is not None and reply.code else "") or "ss"
            for char in typed:
                keys.time(lambda c=char: QTest.keyClick(box, c), app)
            enter.time(lambda: QTest.keyClick(box, Qt.Key.Key_Return), app)
            if board.running:  # a miss or a reply with fields: Esc counts it and moves on
                board.skip()
            asked += 1
            shown.time(board.next_question, app)
        for _ in range(args.runs):
            refresh.time(window.progress.refresh, app)
        window.close()
        store.close()

    figures: dict[str, Any] = {
        "target": "drill",
        "snippets": args.snippets,
        "drill_questions": len(questions),
        "past_attempts": args.attempts,
        "fill_ms": round(fill_ms, 1),
        "history_ms": history.figures(),
        "progress_ms": progress.figures(),
        "weakest_order_ms": weakest.figures(),
        "round_start_ms": start.figures(),
        "question_to_palette_ready_ms": shown.figures(),
        "keystroke_ms": keys.figures(),
        "enter_to_score_ms": enter.figures(),
        "progress_tab_refresh_ms": refresh.figures(),
        "keystrokes": len(keys.wall),
        "questions_asked": len(shown.wall),
    }

    def line(name: str) -> str:
        f = figures[name]
        return f"{f['median']} ms (p95 {f['p95']}, CPU {f['cpu_median']})"

    print(
        f"{args.snippets} replies, {len(questions)} drill questions, {args.attempts} past "
        f"attempts (medians: wall, p95, CPU)"
    )
    print(f"  store: history {line('history_ms')}, progress {line('progress_ms')}")
    print(f"  weakest-first order {line('weakest_order_ms')}; round start {line('round_start_ms')}")
    print(f"  question shown to palette ready {line('question_to_palette_ready_ms')}")
    print(f"  keystroke in the drill's palette {line('keystroke_ms')} over {len(keys.wall)} keys")
    print(f"  Enter to score saved {line('enter_to_score_ms')}")
    print(f"  progress tab refresh {line('progress_tab_refresh_ms')}")
    print(json.dumps(figures, ensure_ascii=False))
    return 0
