"""Which text variant each buyer got last, so no buyer gets the same one twice in a row.

The memory outlives any one :class:`~quickreply.core.render.Renderer`: the composition root
creates one and hands it to every renderer it builds, so a pack reload (which builds a new
renderer for the new shop profile) does not forget it.
"""

from __future__ import annotations

import random

# A conversation (None: no buyer known) and a snippet id.
Key = tuple[str | None, str]

MAX_REMEMBERED = 10_000  # conversations x snippets; the oldest are forgotten first


class VariantMemory:
    """The variant index each (conversation, snippet) got last, oldest forgotten first."""

    def __init__(self, rng: random.Random | None = None, size: int = MAX_REMEMBERED) -> None:
        self.rng = rng if rng is not None else random.Random()
        self.size = size
        self._last: dict[Key, int] = {}  # insertion order is age order

    def pick(self, snippet_id: str, count: int, conversation: str | None = None) -> int:
        """A variant index in ``range(count)``, never the one this conversation got last."""
        if count <= 1:
            return 0
        last = self._last.get((conversation, snippet_id))
        return self.rng.choice([i for i in range(count) if i != last])

    def mark(self, snippet_id: str, index: int, conversation: str | None = None) -> None:
        """Remember that ``conversation`` got variant ``index``, so it is not picked next."""
        key = (conversation, snippet_id)
        self._last.pop(key, None)  # re-insert: the dict's order is the age order
        if len(self._last) >= self.size:
            self._last.pop(next(iter(self._last)))
        self._last[key] = index

    def last(self, snippet_id: str, conversation: str | None = None) -> int | None:
        return self._last.get((conversation, snippet_id))
