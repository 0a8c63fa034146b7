"""Reading one snippet's typed values from a parsed pack file, reporting each mistake at its line.

:class:`ValueReader` is what the pack reader (reader.py), the fields reader (fields.py) and the
steps reader (steps.py) share: where problems go, and how text, lists of text, the reply text,
a shortcut code and a hotkey are read. A bad optional value is reported and dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quickreply.core.hotkeys import HotkeyError, parse_hotkey
from quickreply.core.packs.format import CODE_HINT, CODE_RE
from quickreply.core.packs.reports import bad_code_problem
from quickreply.core.problems import Problem
from quickreply.core.userdoc import KeyPath, UserDoc


def type_name(value: object) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def as_text(value: object) -> str | None:
    """Text, or a number the author meant as text (`tags: [618]`); None for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


class ValueReader:
    """Reads values out of one parsed pack file, collecting a problem per mistake."""

    def __init__(self, doc: UserDoc, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems

    def error(self, keys: KeyPath, where: str, message: str, hint: str = "") -> None:
        self.problems.append(self.doc.problem(keys, where, message, hint))

    def unknown_keys(
        self, keys: KeyPath, where: str, mapping: dict[Any, Any], allowed: Sequence[str]
    ) -> None:
        self.problems += self.doc.unknown_keys(keys, where, mapping, allowed)

    def optional_text(self, at: KeyPath, where: str, item: dict[Any, Any], key: str) -> str:
        value = item.get(key)
        if value is None:
            return ""
        text = as_text(value)
        if text is None:
            self.error((*at, key), where, f"'{key}' must be text, not {type_name(value)}")
            return ""
        return text

    def text_list(
        self, at: KeyPath, where: str, item: dict[Any, Any], key: str, example: str
    ) -> tuple[str, ...]:
        value = item.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error(
                (*at, key),
                where,
                f"'{key}' must be a list of texts, not {type_name(value)}",
                f"write {key}: {example}",
            )
            return ()
        out: list[str] = []
        for i, entry in enumerate(value):
            text = as_text(entry)
            if text is None or not text.strip():
                what = "empty" if text is not None else type_name(entry)
                self.error(
                    (*at, key, i),
                    where,
                    f"'{key}' item {i + 1} must be text, not {what}",
                    f"write {key}: {example}",
                )
                continue
            out.append(text.strip())
        return tuple(out)

    def read_text(
        self, at: KeyPath, where: str, item: dict[Any, Any]
    ) -> tuple[tuple[str, ...] | None, tuple[int, ...]]:
        """The variants and the line each starts on; None when the text is unusable."""
        value = item.get("text")
        if value is None:
            return (), ()
        if isinstance(value, str):
            text = value.rstrip()
            return ((text,), (self.doc.value_line(*at, "text"),)) if text.strip() else ((), ())
        if not isinstance(value, list):
            self.error(
                (*at, "text"),
                where,
                f"'text' must be text or a list of variants, not {type_name(value)}",
                "quote it: text: '…'",
            )
            return None, ()
        variants: list[str] = []
        lines: list[int] = []
        for i, entry in enumerate(value):
            if not isinstance(entry, str):
                self.error(
                    (*at, "text", i),
                    where,
                    f"text variant {i + 1} must be text, not {type_name(entry)}",
                    "quote it: - '…'",
                )
                return None, ()
            if not entry.strip():
                self.error(
                    (*at, "text", i),
                    where,
                    f"text variant {i + 1} is empty",
                    "write the reply text or remove the '-' line",
                )
                return None, ()
            variants.append(entry.rstrip())
            lines.append(self.doc.value_line(*at, "text", i))
        return tuple(variants), tuple(lines)

    def read_code(self, at: KeyPath, where: str, item: dict[Any, Any]) -> str:
        value = item.get("code")
        if value is None:
            return ""
        code = as_text(value)
        if code is None or not CODE_RE.fullmatch(code):
            if code is None:
                self.error(
                    (*at, "code"), where, f"'code' must be text, not {type_name(value)}", CODE_HINT
                )
            else:
                self.problems.append(
                    bad_code_problem(self.doc.path, self.doc.line(*at, "code"), where, code)
                )
            return ""
        return code

    def read_hotkey(self, at: KeyPath, where: str, item: dict[Any, Any]) -> str | None:
        """The hotkey in its canonical spelling (core/hotkeys.py, as settings and platforms)."""
        value = item.get("hotkey")
        if value is None:
            return None
        at = (*at, "hotkey")
        hint = "e.g. hotkey: ctrl+alt+1"
        if not isinstance(value, str):
            self.error(at, where, f"'hotkey' must be text, not {type_name(value)}", hint)
            return None
        if not value.strip():
            self.error(at, where, "'hotkey' is empty", f"remove it, or write one, {hint}")
            return None
        try:
            hotkey = parse_hotkey(value)
        except HotkeyError as err:
            self.error(at, where, f"hotkey {err}")  # the error carries its own fix
            return None
        if not hotkey.is_global_safe:
            self.error(
                at,
                where,
                f"hotkey '{value}' would take that key away from typing",
                f"add ctrl or alt, {hint}",
            )
            return None
        return str(hotkey)
