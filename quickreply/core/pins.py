"""The agent's pinned replies (常用): snippet ids in the order pinned, in one small JSON file.

The palette shows them first when the search box is empty. A file that cannot be read counts as
no pins (the next pin writes a fresh one; ``write_atomic`` keeps the old one as ``pins.json.bak``).
"""

from __future__ import annotations

import json
from pathlib import Path

from quickreply.core.atomic import write_atomic

MAX_PINS = 30  # a short list the agent can see at a glance; the oldest pin drops off


class PinStore:
    """Pinned snippet ids, kept in ``path`` (``AppPaths.config / "pins.json"``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._ids = self._read()

    def _read(self) -> list[str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        ids = data.get("pinned") if isinstance(data, dict) else None
        if not isinstance(ids, list):
            return []
        return [i for i in ids if isinstance(i, str)][:MAX_PINS]

    def pinned(self) -> tuple[str, ...]:
        return tuple(self._ids)

    def is_pinned(self, snippet_id: str) -> bool:
        return snippet_id in self._ids

    def toggle(self, snippet_id: str) -> bool:
        """Pin or unpin ``snippet_id``; returns whether it is pinned now. Raises OSError if the
        file cannot be written (the pin is then not kept)."""
        ids = [i for i in self._ids if i != snippet_id]
        pinned = len(ids) == len(self._ids)
        if pinned:
            ids = [*ids, snippet_id][-MAX_PINS:]
        text = json.dumps({"version": 1, "pinned": ids}, ensure_ascii=False, indent=1)
        write_atomic(self.path, text + "\n")
        self._ids = ids
        return pinned
