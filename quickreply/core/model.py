"""Frozen data model shared by every layer: snippets, packs, the merged library, usage counts.

Loaders build these; nothing mutates them. An edit produces a new object, so the search index
and the views can compare by identity and never see a half-edited snippet.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Literal

from quickreply.core.problems import Problem

FieldKind = Literal["text", "number", "choice", "region"]
StepKind = Literal["paste", "enter", "wait", "image"]


class PackSource(StrEnum):
    """Where a pack came from; decides precedence and whether the agent may edit it."""

    SHIPPED = "shipped"  # snippets/ in the install: the default approved phrasing
    TEAM = "team"  # the lead's published folder: read-only for agents
    PERSONAL = "personal"  # the agent's own folder: editable
    EXTRA = "extra"  # --pack PATH on the command line: read-only

    @property
    def editable(self) -> bool:
        return self is PackSource.PERSONAL


@dataclass(frozen=True, slots=True)
class Field:
    """A fill-in value asked before pasting (a declared placeholder)."""

    name: str
    label: str
    kind: FieldKind = "text"
    default: str | None = None
    choices: tuple[str, ...] = ()
    choices_from: str | None = None  # e.g. "regions": filled from the shop profile
    line: int = 0


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a macro snippet: paste a text, paste an image, press Enter, or wait.

    An ``image`` step's ``text`` is the image file as written in the pack (relative to the pack
    file); ``data`` is the file's bytes, filled in by the renderer right before a paste.
    """

    kind: StepKind
    text: str = ""
    ms: int = 0
    # Where the step is in the pack file (0: unknown); like a position, not part of what it is.
    line: int = field(default=0, compare=False)
    data: bytes = field(default=b"", compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Snippet:
    """One approved reply. ``variants`` holds one or more template texts."""

    id: str
    title: str
    variants: tuple[str, ...]
    code: str = ""  # 快捷编码 shortcut code, unique in the library
    group: str = ""  # slash path, e.g. "物流/快递"
    tags: tuple[str, ...] = ()
    note: str = ""  # when to use it (shown to trainees)
    examples: tuple[str, ...] = ()  # buyer questions it answers
    fields: tuple[Field, ...] = ()
    hotkey: str | None = None
    send: bool = False  # press Enter after pasting
    steps: tuple[Step, ...] = ()  # a macro: if present, pasted in order instead of a variant
    pack_id: str = ""
    path: str = ""  # file it was loaded from
    line: int = 0  # line of the snippet's first key in that file
    text_line: int = 0  # line where its text starts (template errors are reported relative to it)
    variant_lines: tuple[int, ...] = ()  # line where each variant starts (same order)
    image: str = ""  # an image pasted before the text, relative to the pack file's folder
    image_line: int = 0
    # The absolute folder of the pack file: images are read from it and never from outside.
    folder: str = ""

    @property
    def text(self) -> str:
        return self.variants[0] if self.variants else ""

    @property
    def group_path(self) -> tuple[str, ...]:
        return tuple(part for part in self.group.split("/") if part)

    @property
    def images(self) -> tuple[str, ...]:
        """Every image this reply pastes (its ``image:`` and its image steps), as written."""
        steps = tuple(step.text for step in self.steps if step.kind == "image")
        return (self.image, *steps) if self.image else steps

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def default_values(self) -> dict[str, str]:
        """The fields' defaults: what a direct hotkey pastes with (nobody fills a form)."""
        return {f.name: f.default for f in self.fields if f.default is not None}


@dataclass(frozen=True, slots=True)
class Usage:
    """How often this agent used a snippet, and when last (the store is core/stats.py)."""

    count: int
    last_used: datetime


@dataclass(frozen=True, slots=True)
class PackMeta:
    id: str
    name: str
    version: int = 1
    locale: str = "zh-CN"
    # Phrases the lead vouches are not absolute claims in this pack (lint's 广告法 rule).
    allowed_phrases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Pack:
    meta: PackMeta
    snippets: tuple[Snippet, ...]
    path: Path
    source: PackSource

    @property
    def editable(self) -> bool:
        return self.source.editable


@dataclass(frozen=True, slots=True)
class Library:
    """All packs merged, in precedence order, with the problems found while loading them."""

    packs: tuple[Pack, ...] = ()
    problems: tuple[Problem, ...] = ()
    _by_id: dict[str, Snippet] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for pack in self.packs:
            for snippet in pack.snippets:
                self._by_id.setdefault(snippet.id, snippet)

    def snippets(self) -> Iterator[Snippet]:
        for pack in self.packs:
            yield from pack.snippets

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, snippet_id: str) -> Snippet | None:
        return self._by_id.get(snippet_id)

    def pack_of(self, snippet: Snippet) -> Pack | None:
        return next((p for p in self.packs if p.meta.id == snippet.pack_id), None)

    def by_code(self, code: str) -> Snippet | None:
        wanted = code.casefold()
        return next((s for s in self.snippets() if s.code and s.code.casefold() == wanted), None)
