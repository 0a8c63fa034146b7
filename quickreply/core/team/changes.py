"""What a version changed: a digest per snippet, and the ids added, changed and removed.

A digest covers everything an agent would notice (texts, title, code, fields, hotkey, the
picture's bytes …) but not where the snippet sits in its file or on disk, so moving a reply
inside a pack is not a change.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping

from quickreply.core.model import Library, Snippet
from quickreply.core.team.manifest import Changes

_LOCATION = ("path", "line", "text_line", "variant_lines")
_FIELDS = [f for f in dataclasses.fields(Snippet) if f.name not in (*_LOCATION, "fields")]


def snippet_digest(snippet: Snippet, pictures: tuple[str, ...] = ()) -> str:
    """``pictures``: the SHA-256 of each image the reply pastes (a new picture is a change)."""
    # repr of the frozen dataclasses is deterministic and far cheaper than asdict + JSON.
    # The folder is blanked, not left out: a reply without a picture has "" there, and its
    # digest must stay what earlier versions signed.
    data = [getattr(snippet, f.name) if f.name != "folder" else "" for f in _FIELDS]
    if snippet.fields:  # a field's line is where it sits in the file, not what it is
        data.append(tuple(dataclasses.replace(f, line=0) for f in snippet.fields))
    if pictures:
        data.append(pictures)
    return hashlib.sha256(repr(data).encode()).hexdigest()[:16]


def library_digests(
    library: Library, pictures: Mapping[str, tuple[str, ...]] | None = None
) -> dict[str, str]:
    """Snippet id -> digest; ``pictures`` maps an id to its images' SHA-256."""
    shas = pictures or {}
    return {s.id: snippet_digest(s, shas.get(s.id, ())) for s in library.snippets()}


def diff(old: Mapping[str, str], new: Mapping[str, str]) -> Changes:
    """Ids in ``new`` only, in both with another digest, and in ``old`` only."""
    return Changes(
        added=tuple(sorted(k for k in new if k not in old)),
        changed=tuple(sorted(k for k in new if k in old and old[k] != new[k])),
        removed=tuple(sorted(k for k in old if k not in new)),
    )
