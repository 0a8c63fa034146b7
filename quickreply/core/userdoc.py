"""A parsed file a person wrote (pack, shop profile, settings), with the line of every key.

The YAML reader (core/yamlread.py) and the JSON reader (core/jsonread.py) both produce a
:class:`UserDoc`, and the code that reads packs, the shop profile and settings reports through it,
so every such file speaks the same way: one :class:`Problem` per mistake, at the line of the key,
and one wording for a key the reader does not know (:meth:`UserDoc.unknown_keys`).

Mapping keys are names, so both readers keep them as the text written: YAML 1.1 would read a
bare ``on``/``off``/``yes``/``no`` key as a boolean (and ``1`` as a number), which made a typo
show up as ``unknown key 'True'``. Nesting deeper than :data:`MAX_DEPTH` is refused with one
line (:func:`too_deep`): no file of ours nests more than a few levels, and walking a deeper one
would cost recursion the readers and writers do not have.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from quickreply.core.problems import Problem, Severity, did_you_mean

KeyPath = tuple[Hashable, ...]

# Packs nest 6 levels (snippets[0].fields.size.choices[0]), settings 4 (timers.queues[0].name).
MAX_DEPTH = 64


@dataclass(frozen=True, slots=True)
class UserDoc:
    """One parsed document: plain ``data`` plus the line of every key and list item."""

    path: str  # as shown in problems
    data: object
    key_lines: Mapping[KeyPath, int] = field(default_factory=dict)  # line of the key / item
    value_lines: Mapping[KeyPath, int] = field(default_factory=dict)  # where the value starts
    block_scalars: frozenset[KeyPath] = frozenset()  # YAML values written as `|` or `>` blocks
    text: str = ""  # the decoded source, for the rare check only the written form can answer

    def line(self, *keys: Hashable) -> int:
        """Line of the key (or list item) at ``keys``; falls back to the nearest known parent."""
        return _lookup(self.key_lines, keys)

    def value_line(self, *keys: Hashable) -> int:
        """Line where the value at ``keys`` starts: for `|`/`>` blocks, its first content line."""
        return _lookup(self.value_lines, keys)

    def source_line(self, number: int) -> str:
        """The text of line ``number`` (1-based) as written; empty when there is none."""
        lines = self.text.splitlines()
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def problem(
        self,
        keys: KeyPath,
        where: str,
        message: str,
        hint: str = "",
        severity: Severity = Severity.ERROR,
    ) -> Problem:
        return Problem(self.path, self.line(*keys), where, message, hint, severity)

    def unknown_keys(
        self,
        keys: KeyPath,
        where: str,
        mapping: Mapping[Hashable, object],
        known: Sequence[str],
        severity: Severity = Severity.ERROR,
    ) -> list[Problem]:
        """One problem per key of ``mapping`` (found at ``keys``) that is not in ``known``."""
        return [
            self.problem(
                (*keys, key), where, f"unknown key '{key}'", _hint(str(key), known), severity
            )
            for key in mapping
            if key not in known
        ]


def _hint(key: str, known: Sequence[str]) -> str:
    return did_you_mean(key, known) or "known keys: " + ", ".join(known)


def _lookup(table: Mapping[KeyPath, int], keys: KeyPath) -> int:
    for end in range(len(keys), -1, -1):
        line = table.get(keys[:end])
        if line is not None:
            return line
    return 1


def too_deep(path: str, line: int) -> Problem:
    """The one line for a file nested deeper than :data:`MAX_DEPTH` (or than a parser allows)."""
    return Problem(
        path,
        line,
        "",
        "file is nested too deeply",
        "packs and shop profiles nest a few levels: is this the right file?",
    )


def depth_exceeds(data: object, limit: int = MAX_DEPTH) -> bool:
    """Whether plain ``data`` (dicts and lists) nests deeper than ``limit``; never recurses."""
    stack: list[tuple[Iterable[object], int]] = [((data,), 0)]
    while stack:
        items, depth = stack.pop()
        for item in items:
            if isinstance(item, dict | list):
                if depth + 1 > limit:
                    return True
                stack.append((item.values() if isinstance(item, dict) else item, depth + 1))
    return False


def format_key_path(path: KeyPath) -> str:
    """``('snippets', 2, 'fields')`` → ``snippets[2].fields``: for generic 'where' parts."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
