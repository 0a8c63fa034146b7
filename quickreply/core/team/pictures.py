"""Which picture files a team version carries: every image its replies name, found for publish.

A reply names its picture relative to its pack file (``image: images/尺码表.png``); in the
version the picture keeps that place next to the pack (``sub/presale.yaml`` names
``sub/images/尺码表.png``), so the agent's copy reads it exactly as the lead's did. Lint has
already refused a path that leaves the pack's folder or a file that is not a PNG or JPEG under
the size cap; what a team adds is stricter, because the files go to every agent: no symbolic
link anywhere on the way (the share refuses them too), a name the manifest accepts, and one
file per place in the version.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from quickreply.core.model import Library, Snippet
from quickreply.core.problems import Problem
from quickreply.core.team.errors import TeamError
from quickreply.core.team.manifest import check_path
from quickreply.core.team.sources import walk_without_links


class PictureRefused(TeamError):
    """A reply's picture that may not travel: the same line, and as a :class:`Problem` at the
    reply's line for the lead's 发布 preview."""

    def __init__(self, path: str, snippet: Snippet, err: TeamError) -> None:
        super().__init__(err.where, err.message, err.hint)
        where = f"snippet '{snippet.id}'"
        self.problem = Problem(path, snippet.line, where, err.message, err.hint)


@dataclass(frozen=True, slots=True)
class VersionPictures:
    """The pictures of a version: place in the version -> file, and each reply's places."""

    files: dict[str, Path] = field(default_factory=dict)
    uses: dict[str, tuple[str, ...]] = field(default_factory=dict)  # snippet id -> places


def _no_link_on_the_way(folder: Path, written: str, where: str) -> Path:
    try:
        path, link, _ = walk_without_links(folder, written)
    except OSError as err:
        raise TeamError(where, f"cannot read {written}: {err.strerror}", "check it") from None
    if link is not None:
        raise TeamError(
            where,
            f"image '{written}' is a symbolic link: agents would not get the picture",
            "copy the picture itself into the pack's folder",
        )
    return path


def version_pictures(library: Library, files: Mapping[str, Path]) -> VersionPictures:
    """The pictures the replies of ``library`` (loaded from ``files``) paste; TeamError
    (one line) when one may not travel."""
    place_of = {os.path.abspath(path): rel for rel, path in files.items()}
    found = VersionPictures()
    folded: dict[str, str] = {}  # a version may not hold two names Windows takes for one
    for pack in library.packs:
        pack_rel = place_of.get(os.path.abspath(pack.path))
        if pack_rel is None:
            continue
        for snippet in pack.snippets:
            places: list[str] = []
            where = f"{pack.path}: snippet '{snippet.id}'"
            try:
                for written in snippet.images:
                    rel = posixpath.normpath(posixpath.join(posixpath.dirname(pack_rel), written))
                    check_path(rel, where)
                    source = _no_link_on_the_way(Path(pack.path).parent, written, where)
                    known = found.files.get(folded.setdefault(rel.casefold(), rel))
                    if known is not None and os.path.abspath(known) != os.path.abspath(source):
                        two = f"{rel} comes from two places"
                        raise TeamError(where, two, "rename one of them")
                    rel = folded[rel.casefold()]
                    found.files[rel] = source
                    places.append(rel)
            except TeamError as err:
                raise PictureRefused(str(pack.path), snippet, err) from None
            if places:
                found.uses[snippet.id] = tuple(places)
    return found
