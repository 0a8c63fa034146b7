"""What the palette is given by the composition root, as protocols (tests pass fakes)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol

from quickreply.core.images import PackImage
from quickreply.core.model import Snippet, Step


class HitLike(Protocol):
    @property
    def snippet(self) -> Snippet: ...


class Searcher(Protocol):
    """What the palette needs from core.search.SearchIndex."""

    def search(self, query: str, limit: int = 50) -> Sequence[HitLike]: ...


class RendererLike(Protocol):
    """What the palette needs from core.render.Renderer: it picks a variant once per
    selection, previews it and pastes that same one, then marks it used for the chat."""

    def pick_variant(self, snippet: Snippet, conversation: str | None = ...) -> int: ...

    def render_variant(
        self, snippet: Snippet, index: int, values: Mapping[str, str] = ...
    ) -> str: ...

    def mark_used(self, snippet: Snippet, index: int, conversation: str | None = ...) -> None: ...

    def render_steps(self, snippet: Snippet, values: Mapping[str, str]) -> Sequence[Step]: ...

    def image(self, snippet: Snippet) -> PackImage:
        """The reply's ``image:`` read from its pack (RenderError when it cannot be)."""
        ...


class Paster(Protocol):
    """The platforms paste service (app.AppPaster): gives focus back, swaps the clipboard,
    pastes, restores; a macro (``Snippet.steps``) runs step by step."""

    def paste(self, text: str, send: bool = False, image: bytes = b"") -> Any:
        """Paste ``text``; ``image`` (a PNG or JPEG file) is pasted before it."""

    def paste_steps(
        self, snippet: Snippet, values: Mapping[str, str], send: bool = False
    ) -> Any: ...


class Pins(Protocol):
    """What the palette needs from core.pins.PinStore."""

    def pinned(self) -> tuple[str, ...]: ...

    def toggle(self, snippet_id: str) -> bool: ...


class UsageRecorder(Protocol):
    def record_use(self, snippet_id: str, when: datetime | None = None) -> None: ...
