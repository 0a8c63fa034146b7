"""Render every exportable reply into plain rows (code, text, group, title, note) with the shop.

Each variant becomes a row of its own. A reply whose fields have no default cannot be rendered
without an agent, so it is listed and left out; so is one whose template fails. Qianniu's limits
(code ≤ 4, phrase ≤ 430, group ≤ 10 characters) are checked here and reported per row, since a
row over them is refused by the platform's importer, not by us.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from quickreply.core.model import Field, Pack, Snippet
from quickreply.core.problems import Problem, Severity
from quickreply.core.render import RenderError

MAX_CODE = 4
MAX_PHRASE = 430
MAX_GROUP = 10


class RowRenderer(Protocol):
    """What export needs of core.render.Renderer (the UI passes its own)."""

    def render(self, snippet: Snippet, values: Mapping[str, str] = ..., /) -> str: ...

    def render_variant(
        self, snippet: Snippet, index: int, values: Mapping[str, str] = ..., /
    ) -> str: ...

    def missing_fields(self, snippet: Snippet, values: Mapping[str, str], /) -> list[Field]: ...


@dataclass(frozen=True, slots=True)
class ExportRow:
    code: str
    text: str
    group: str
    title: str
    note: str
    snippet: Snippet


def warn(snippet: Snippet, message: str, hint: str = "") -> Problem:
    return Problem(
        snippet.path, snippet.line, f"snippet '{snippet.id}'", message, hint, Severity.WARNING
    )


def export_rows(
    packs: Iterable[Pack], renderer: RowRenderer
) -> tuple[list[ExportRow], list[Problem]]:
    """The rows to write and a line for every reply left out or over a platform limit."""
    rows: list[ExportRow] = []
    problems: list[Problem] = []
    for pack in packs:
        for snippet in pack.snippets:
            missing = renderer.missing_fields(snippet, {})
            if missing:
                names = ", ".join(f"{f.name} ({f.label})" for f in missing)
                problems.append(
                    warn(
                        snippet,
                        f"left out: fields without a default: {names}",
                        "give each field a default to export it",
                    )
                )
                continue
            try:
                if snippet.steps:
                    problems.append(
                        warn(
                            snippet,
                            "macro: its pasted texts are joined; waits and Enter"
                            " presses are left out",
                        )
                    )
                    texts = [renderer.render(snippet)]
                else:
                    texts = [
                        renderer.render_variant(snippet, i) for i in range(len(snippet.variants))
                    ]
            except RenderError as err:
                problems.append(warn(snippet, f"left out: {err}"))
                continue
            for text in texts:
                rows.append(
                    ExportRow(
                        snippet.code, text, snippet.group, snippet.title, snippet.note, snippet
                    )
                )
            problems += _limits(snippet, texts)
    return rows, problems


def _limits(snippet: Snippet, texts: list[str]) -> list[Problem]:
    out: list[Problem] = []
    if len(snippet.code) > MAX_CODE:
        out.append(
            warn(
                snippet,
                f"code '{snippet.code}' is longer than Qianniu's {MAX_CODE} characters",
                "Qianniu refuses the row; give it a shorter code",
            )
        )
    if len(snippet.group) > MAX_GROUP:
        out.append(
            warn(
                snippet,
                f"group '{snippet.group}' is longer than Qianniu's {MAX_GROUP} characters",
                "Qianniu refuses the row; shorten the group",
            )
        )
    for text in texts:
        if len(text) > MAX_PHRASE:
            out.append(
                warn(
                    snippet,
                    f"phrase has {len(text)} characters, more than Qianniu's {MAX_PHRASE}",
                    "Qianniu refuses the row; split the reply",
                )
            )
    return out
