"""Read a UTF-8 JSON file (``settings.json``) into plain values and the line of every key.

The values come from :func:`json.loads`; a second, iterative pass over the tokens records the
line of each key and list item in a :class:`~quickreply.core.userdoc.UserDoc`, so settings report
problems at the line of the key like packs and the shop profile do, and through the same key
checks. Reading goes through core/userfile.py (regular files only, size capped while reading).

A syntax error, a file that is not UTF-8, or nesting deeper than
:data:`~quickreply.core.userdoc.MAX_DEPTH` (``json.loads`` itself raises ``RecursionError`` near
1,000 levels) is one :class:`Problem` and no document. A duplicate key is reported; the later
value wins, as in ``json.loads``. Nothing here raises for bad input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Hashable
from pathlib import Path

from quickreply.core.problems import Problem
from quickreply.core.userdoc import KeyPath, UserDoc, depth_exceeds, format_key_path, too_deep
from quickreply.core.userfile import display_path, read_user_text

MAX_BYTES = 1024 * 1024  # a settings file is about 1 KB

# Strings (JSON strings hold no raw newline), punctuation, newlines, and any other literal.
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\]:,\n]|[^\s{}\[\]:,"]+')


def read_json(
    path: Path, *, shown_as: str | None = None, max_bytes: int = MAX_BYTES
) -> tuple[UserDoc | None, list[Problem]]:
    """Read and parse ``path``; a file that cannot be read or parsed gives None and one line."""
    shown = shown_as if shown_as is not None else display_path(path)
    text, problem = read_user_text(path, shown, max_bytes, expect="a .json file")
    if text is None:
        return None, [problem] if problem is not None else []
    return parse_json(text, shown)


def parse_json(text: str, shown: str) -> tuple[UserDoc | None, list[Problem]]:
    """Parse JSON ``text``; problems name ``shown`` as the file."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        return None, [
            Problem(
                shown,
                err.lineno,
                "",
                f"JSON syntax error: {err.msg}",
                "check the commas, quotes and brackets here or on the line above",
            )
        ]
    except RecursionError:
        return None, [too_deep(shown, 1)]
    if depth_exceeds(data):
        return None, [too_deep(shown, 1)]
    lines, problems = _key_lines(text, shown)
    return UserDoc(shown, data, lines, lines, text=text), problems


class _Frame:
    """An open object or array while tokens are walked."""

    __slots__ = ("array", "index", "key", "keys", "path", "started")

    def __init__(self, path: KeyPath, array: bool) -> None:
        self.path = path
        self.array = array
        self.index = 0  # arrays: the item being read
        self.started = False  # arrays: whether that item's first token was seen
        self.key: str | None = None  # objects: the key whose value comes next
        self.keys: dict[str, int] = {}  # objects: line of each key seen


def _key_lines(text: str, shown: str) -> tuple[dict[KeyPath, int], list[Problem]]:
    """The line of every key and list item of valid JSON ``text``, and its duplicate keys."""
    lines: dict[KeyPath, int] = {}
    problems: list[Problem] = []
    stack: list[_Frame] = []
    line = 1
    expect_key = False
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
            continue
        top = stack[-1] if stack else None
        if top is not None and not top.array and expect_key and token.startswith('"'):
            key = json.loads(token)
            if key in top.keys:
                problems.append(
                    Problem(
                        shown,
                        line,
                        format_key_path(top.path),
                        f"duplicate key '{key}' (first on line {top.keys[key]})",
                        "delete one of them; the later one wins",
                    )
                )
            top.keys[key] = line
            top.key = key
            lines[(*top.path, key)] = line
            expect_key = False
            continue
        if token == ":":
            continue
        if token == ",":
            if top is not None and top.array:
                top.index += 1
                top.started = False
            else:
                expect_key = True
            continue
        if token in ("}", "]"):
            stack.pop()
            continue
        path: KeyPath = ()  # the path of the value starting here
        if top is not None:
            if top.array:
                path = (*top.path, top.index)
                if not top.started:
                    top.started = True
                    lines[path] = line
            else:
                path = (*top.path, _key(top.key))
        if token in ("{", "["):
            stack.append(_Frame(path, token == "["))
            expect_key = token == "{"
    return lines, problems


def _key(key: str | None) -> Hashable:
    return "" if key is None else key
