"""What an empty search lists first: the pinned replies (★ 常用), then the recently used (最近).

What the agent reaches for most is on top before a key is typed; each of those rows is labelled
with its section. Pins come from core/pins.py, the recently used from the usage store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from quickreply.core.model import Snippet

RECENT_LIMIT = 8  # recently used replies listed under the pinned ones on an empty search


def pinned_then_recent(
    hits: Sequence[Snippet],
    sections: Sequence[tuple[str, Sequence[str]]],
    lookup: Callable[[str], Snippet | None] | None,
    limit: int,
) -> tuple[list[Snippet], dict[str, str]]:
    """``sections`` (label, snippet ids) first, in order, each reply once, then the rest of
    ``hits`` in the index's order, ``limit`` in all; with each listed section's label by
    snippet id. ``lookup`` finds a snippet by id (None: only among ``hits``)."""
    find = lookup or {s.id: s for s in hits}.get
    labels: dict[str, str] = {}
    first: list[Snippet] = []
    for label, ids in sections:
        for snippet_id in ids:
            snippet = find(snippet_id)
            if snippet is not None and snippet.id not in labels:
                labels[snippet.id] = label
                first.append(snippet)
    return [*first, *(s for s in hits if s.id not in labels)][:limit], labels
