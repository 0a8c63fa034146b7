"""One readable line per problem: ``path:line: where: what is wrong (how to fix)``.

Every loader, the linter and the renderer report through :class:`Problem` so that the CLI, the
library window and the palette all show the same words.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem found in a file, pinned to a line a person can open."""

    path: str
    line: int
    where: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR
    # A stable id ("hotkey.taken") and named values for the UI's own sentence in the user's
    # language (quickreply/ui/messages.py); the line above stays English for logs and the CLI.
    code: str = ""
    args: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        where = f"{self.where}: " if self.where else ""
        prefix = "" if self.severity is Severity.ERROR else "warning: "
        return f"{self.path}:{self.line}: {prefix}{where}{self.message}{hint}"

    def arg(self, name: str, default: str = "") -> str:
        """The named value ``name`` from :attr:`args`, or ``default``."""
        return next((value for key, value in self.args if key == name), default)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def closest(word: str, choices: Iterable[str]) -> str:
    """The choice ``word`` is a near-miss of, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else ""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return ``did you mean 'x'?`` for a near-miss, or an empty string."""
    close = closest(word, choices)
    return f"did you mean '{close}'?" if close else ""
