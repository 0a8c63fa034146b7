"""Reading typed values (text, yuan, regions, moments) out of a parsed ``shop.yaml``.

A mistake is one Problem at its line and the reader carries on, so one run of ``quickreply
lint`` lists every mistake in the file.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from datetime import date, datetime, time, timedelta

from quickreply.core.problems import Problem
from quickreply.core.regions import lookup_region, suggest_region
from quickreply.core.shop.money import Amount, parse_amount
from quickreply.core.userdoc import UserDoc, format_key_path


class ShopReader:
    """Walks the parsed YAML, collecting one Problem per mistake and carrying on."""

    def __init__(self, doc: UserDoc) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def problem(self, keys: tuple[Hashable, ...], message: str, hint: str = "") -> None:
        self.problems.append(self.doc.problem(keys, format_key_path(keys), message, hint))

    def mapping(
        self, value: object, keys: tuple[Hashable, ...], allowed: Sequence[str]
    ) -> Mapping[str, object]:
        if not isinstance(value, dict):
            self.problem(keys, "expected a mapping of key: value lines", "see docs/shop-profile.md")
            return {}
        self.problems += self.doc.unknown_keys(keys, format_key_path(keys), value, allowed)
        return {str(key): item for key, item in value.items() if key in allowed}

    def text(self, value: object, keys: tuple[Hashable, ...], *, required: bool = False) -> str:
        if value is None:
            if required:
                self.problem(keys, "is required", "write a value after the colon")
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(keys, "expected text", "write it on one line, quoted if it contains ': '")
            return ""
        return str(value).strip()

    def amount(self, value: object, keys: tuple[Hashable, ...], default: Amount | None) -> Amount:
        if value is None and default is not None:
            return default
        money = parse_amount(value)
        if money is None or money < 0:
            self.problem(
                keys, f"'{value}' is not an amount in yuan", "write a number, e.g. 99 or 12.5"
            )
            return Amount(0)
        return money

    def regions(self, value: object, keys: tuple[Hashable, ...]) -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list):
            self.problem(keys, "expected a list of regions", "write [新疆, 西藏]")
            return ()
        out: list[str] = []
        for index, item in enumerate(items):
            found = lookup_region(str(item)) if item is not None else None
            if found is None:
                self.problem((*keys, index), f"unknown region '{item}'", suggest_region(str(item)))
            elif found.short not in out:
                out.append(found.short)
        return tuple(out)

    def moment(
        self, value: object, keys: tuple[Hashable, ...], *, end: bool
    ) -> tuple[datetime, datetime] | None:
        """(as written, first instant after it) or None with a problem."""
        if isinstance(value, datetime):
            stamp = value.replace(tzinfo=None)
            return stamp, stamp + timedelta(seconds=1)
        if isinstance(value, date):
            day = datetime.combine(value, time())
            return (day + timedelta(hours=23, minutes=59) if end else day), day + timedelta(days=1)
        if isinstance(value, str):
            text = " ".join(value.replace("/", "-").split())
            for fmt, step in (
                ("%Y-%m-%d %H:%M", timedelta(minutes=1)),
                ("%Y-%m-%d %H:%M:%S", timedelta(seconds=1)),
            ):
                try:
                    stamp = datetime.strptime(text, fmt)
                except ValueError:
                    continue
                return stamp, stamp + step
            try:
                day = datetime.strptime(text, "%Y-%m-%d")
            except ValueError:
                pass
            else:
                return (day + timedelta(hours=23, minutes=59) if end else day), day + timedelta(
                    days=1
                )
        self.problem(keys, f"'{value}' is not a date and time", 'write "2026-11-11 00:00"')
        return None
