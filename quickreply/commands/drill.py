"""The ``quickreply drill`` subcommand: a timed drill in the terminal (the GUI is the product).

``quickreply drill [--exam FILE] [--mode mixed|weakest] [--count N]`` asks buyer questions (the
replies' example questions, or an exam file's) one per line; the trainee types the 快捷编码,
title or id of the reply to send, or nothing to skip. Each answer is scored like the GUI's
(right reply or an accepted alternative, seconds) and kept in the same progress store. An
exam is only practised here: its one scored sitting is taken in the app (新人训练 → 考试).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from quickreply.commands.common import add_pack_options, app_paths, load_library_from_args


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--exam", type=Path, metavar="FILE", help="practise an exam file's questions"
    )
    parser.add_argument("--mode", choices=("mixed", "weakest"), default="mixed")
    parser.add_argument("--count", type=int, default=10, help="questions in the round (10)")
    add_pack_options(parser)


def run(
    args: argparse.Namespace,
    stdin: TextIO | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    from quickreply.commands.common import print_problems
    from quickreply.core.training.drill import Mode, Question, library_questions, order, score
    from quickreply.core.training.exam import check_exam, load_exam
    from quickreply.core.training.progress import ProgressStore

    source = sys.stdin if stdin is None else stdin
    paths = app_paths()
    library = load_library_from_args(args, paths).library
    questions: list[Question]
    if args.exam is not None:
        exam, problems = load_exam(args.exam)
        if exam is not None:
            problems += check_exam(exam, library)
        if exam is None or any(p.is_error for p in problems):
            print_problems(problems)
            return 1
        questions = exam.drill_questions(library)[: max(1, args.count)]
    else:
        mode = Mode.WEAKEST if args.mode == "weakest" else Mode.MIXED
        store_for_order = ProgressStore(paths.training_file)
        history = store_for_order.history()
        store_for_order.close()
        questions = order(
            library_questions(library), mode, history, random.Random(), size=max(1, args.count)
        )
    if not questions:
        print("no buyer questions to practise (add examples: to the replies)", file=sys.stderr)
        return 1
    store = ProgressStore(paths.training_file)
    right = 0
    for number, question in enumerate(questions, 1):
        print(f"[{number}/{len(questions)}] 买家: {question.text}")
        started = clock()
        line = source.readline()
        if not line:
            break
        typed = line.strip()
        found = library.by_code(typed) or library.get(typed)
        if found is None and typed:
            found = next((s for s in library.snippets() if s.title == typed), None)
        attempt = score(question, found.id if found else "", clock() - started, len(typed))
        store.record(attempt)
        right += attempt.right
        expected = library.get(attempt.expected)
        if attempt.right:
            print(f"  ✔ {attempt.seconds:.1f} s")
        elif expected is not None:
            code = f" [{expected.code}]" if expected.code else ""
            print(f"  ✘ {expected.title}{code}: {expected.note}")
    print(f"{right}/{len(questions)} right")
    store.close()
    for problem in store.problems:
        print(problem, file=sys.stderr)
    return 0
