"""What an importer hands over: the replies read from one file, and the rows it could not use.

Every format module (Qianniu CSV, .xlsx, generic tables, espanso, TextExpander, Beeftext) turns
its file into one :class:`Source`; ``core/importers/plan.py`` then decides what is new, updated or
skipped. Rows a reader cannot use are :class:`~quickreply.core.problems.Problem` lines pinned to
the file and row, so the CLI and the dialog say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quickreply.core.model import Field
from quickreply.core.packs import CODE_RE
from quickreply.core.problems import Problem, Severity

#: Jinja2 starts a tag at these pairs; literal text from another tool must not.
_TAG_START = re.compile(r"\{(?=[{%#])")
#: Control characters (not tab or line break) would be pasted into the buyer's chat as-is.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")


def literal_template(text: str) -> str:
    """``text`` as a template that renders to exactly ``text`` (``{{`` and ``{%`` kept literal)."""
    return _TAG_START.sub("{{ '{' }}", text)


#: What other tools put before a trigger word, stripped to leave the code.
_TRIGGER_MARKS = ";:/,.!@#$%^&*-_+=\\"


class ImportFailed(Exception):
    """The whole file is unusable (too big, wrong encoding, no known header): one line."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def fail(path: str, line: int, message: str, hint: str = "") -> ImportFailed:
    return ImportFailed(Problem(path, line, "", message, hint))


@dataclass(frozen=True, slots=True)
class Entry:
    """One reply read from a file, before it becomes a snippet of the target pack."""

    row: int  # line or sheet row it starts on, as shown to people
    title: str
    variants: tuple[str, ...]  # templates (plain text already made literal)
    code: str = ""
    group: str = ""
    note: str = ""
    fields: tuple[Field, ...] = ()


@dataclass(slots=True)
class Source:
    """The replies of one file, the rows skipped, and remarks about rows that were imported."""

    path: str  # as shown in problems
    format: str
    entries: list[Entry] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)

    def skip(self, row: int, message: str, hint: str = "") -> None:
        self.skipped.append(Problem(self.path, row, "", f"skipped: {message}", hint))

    def note(self, row: int, message: str, hint: str = "") -> None:
        self.notes.append(Problem(self.path, row, "", message, hint, Severity.WARNING))

    def code_of(self, row: int, trigger: str, what: str) -> str:
        """The shortcut code another tool's ``trigger`` (``;kd``, ``:kd``) becomes, or "" with a
        note when it cannot be one; ``what`` is that tool's word for it (keyword, trigger)."""
        code = trigger.strip().lstrip(_TRIGGER_MARKS).lower()
        if trigger.strip() and not CODE_RE.fullmatch(code):
            self.note(
                row,
                f"{what} '{trigger}' cannot be a shortcut code; imported without one",
                "codes are 1-12 letters or digits",
            )
            return ""
        return code

    def clean(self, row: int, text: str) -> str:
        """``text`` without control characters; a note says how many were removed."""
        cleaned, count = _CONTROLS.subn("", text)
        if count:
            # Titles, groups and notes lose them too (plain_text), without a note each.
            self.note(row, f"{count} control character(s) removed (they would be pasted as-is)")
        return cleaned


def plain_text(text: str) -> str:
    """``text`` without control characters (for titles, groups and notes)."""
    return _CONTROLS.sub("", text)


def title_from(text: str, limit: int = 16) -> str:
    """A title for a reply that has none: its first non-empty line, cut to ``limit`` characters."""
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"
