"""The one exception every team operation raises: a problem a person can read on one line."""

from __future__ import annotations


class TeamError(Exception):
    """``where: what is wrong (how to fix)``, like every other problem the app reports."""

    def __init__(self, where: str, message: str, hint: str = "") -> None:
        super().__init__(f"{where}: {message}" + (f" ({hint})" if hint else ""))
        self.where = where
        self.message = message
        self.hint = hint
