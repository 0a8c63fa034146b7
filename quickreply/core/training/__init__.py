"""Training for new agents: drill questions, code practice, exams and progress (no Qt).

``drill`` turns the replies' example questions (and an exam's) into timed questions, orders
them by mode and scores an answer; ``codes`` is code practice; ``exam`` reads and checks exam
files; ``progress`` keeps the trainee's attempts and exam results in a local SQLite file.
Nothing here stores a buyer's words: questions come from packs and exams a lead wrote.
"""
