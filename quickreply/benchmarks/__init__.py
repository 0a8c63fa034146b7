"""Benchmarks behind ``quickreply bench TARGET``: one module per target with add_arguments/run.

Each benchmark prints human-readable lines and, as its last line, one JSON object with its
figures, so scripts and the closing notes can quote them.
"""

TARGETS: dict[str, str] = {
    "search": "per-keystroke search latency on a generated or given library",
    "startup": "process start to palette ready, and resident memory",
    "paste": "hotkey or palette Enter to text in a target window (X11/Xvfb)",
    "timers": "cost of the wait-timer panel's tick with many conversations",
    "stats": "KPI query time on a year of replies",
}
