"""What a version changed: a digest per snippet, and the ids added, changed and removed.

A digest covers everything an agent would notice (texts, title, code, fields, hotkey …) but
not where the snippet sits in its file, so moving a reply inside a pack is not a change.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping

from quickreply.core.model import Library, Snippet
from quickreply.core.team.manifest import Changes

_LOCATION = ("path", "line", "text_line", "variant_lines")


def snippet_digest(snippet: Snippet) -> str:
    data = {k: v for k, v in dataclasses.asdict(snippet).items() if k not in _LOCATION}
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def library_digests(library: Library) -> dict[str, str]:
    return {s.id: snippet_digest(s) for s in library.snippets()}


def diff(old: Mapping[str, str], new: Mapping[str, str]) -> Changes:
    """Ids in ``new`` only, in both with another digest, and in ``old`` only."""
    return Changes(
        added=tuple(sorted(k for k in new if k not in old)),
        changed=tuple(sorted(k for k in new if k in old and old[k] != new[k])),
        removed=tuple(sorted(k for k in old if k not in new)),
    )
