"""Decide what an import does to a personal pack: which rows are new, updated, unchanged, skipped.

Merge (合并式, like Qianniu's own importer) keeps the pack's other snippets and updates the one
with the same shortcut code (or, without a code, the same group and text); replace (替换式)
makes the pack hold exactly the file's rows. A code already used by another pack or by an
earlier row of the file is kept on both and reported, as the pack loader does. The plan is
computed without writing; :func:`write_import` saves it atomically with a ``.bak``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from quickreply.core.editing import write_pack
from quickreply.core.importers.model import Entry, Source, fail
from quickreply.core.limits import enforce
from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet
from quickreply.core.packs import SHOP_FILE
from quickreply.core.problems import Problem, Severity
from quickreply.core.yamlread import display_path

DEFAULT_PACK = "imported"


class Change(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class RowChange:
    """What happens to one row of the file (or, for REMOVED, to one snippet of the pack)."""

    change: Change
    path: str
    row: int
    code: str = ""
    title: str = ""
    group: str = ""
    text: str = ""  # the reply's first variant; for a skipped row, why (without file and row)
    reason: str = ""  # a skipped row's whole line: path:row: skipped: why (how to fix)

    def __str__(self) -> str:
        if self.change is Change.SKIPPED:
            return self.reason
        what = " ".join(part for part in (self.code, self.title) if part)
        return f"{self.path}:{self.row}: {self.change.value}: {what}"


@dataclass(frozen=True, slots=True)
class ImportResult:
    """The pack after the import, where it goes, and an account of every row."""

    source: Source
    pack: Pack
    path: Path
    rows: tuple[RowChange, ...]
    notes: tuple[Problem, ...]
    replace: bool = False

    def count(self, change: Change) -> int:
        return sum(1 for row in self.rows if row.change is change)

    @property
    def changed(self) -> bool:
        return any(r.change in (Change.NEW, Change.UPDATED, Change.REMOVED) for r in self.rows)

    def summary(self) -> str:
        parts = [
            f"{self.count(Change.NEW)} new",
            f"{self.count(Change.UPDATED)} updated",
            f"{self.count(Change.SKIPPED)} skipped",
        ]
        if self.count(Change.UNCHANGED):
            parts.append(f"{self.count(Change.UNCHANGED)} unchanged")
        if self.replace:
            parts.append(f"{self.count(Change.REMOVED)} removed")
        return ", ".join(parts)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-") or DEFAULT_PACK


def target_pack(
    library: Library, personal_dir: Path, into: str
) -> tuple[Pack | None, Path, PackMeta]:
    """The personal pack named ``into`` (pack id or file name), or where a new one goes.

    ImportFailed when a file is already where the new pack would go but did not load.
    """
    new_id = f"personal.{_slug(into)}"
    for pack in library.packs:
        names = (pack.meta.id, pack.path.stem, pack.path.name)
        if pack.source is PackSource.PERSONAL and (into in names or pack.meta.id == new_id):
            return pack, pack.path, pack.meta
    slug = _slug(into)
    path = personal_dir / (f"{slug}.yaml" if f"{slug}.yaml" != SHOP_FILE else f"{slug}-pack.yaml")
    if path.exists():
        # A file that did not load as a pack (bad YAML, a duplicate id): never overwrite it.
        raise fail(
            display_path(path),
            1,
            "this file exists but did not load as a personal pack",
            "fix it first (quickreply lint), or choose another --into",
        )
    return None, path, PackMeta(f"personal.{slug}", into)


def _join_group(prefix: str, group: str) -> str:
    parts = [p.strip() for p in f"{prefix}/{group}".split("/") if p.strip()]
    return "/".join(parts)


class _Ids:
    """Snippet ids unique in the library and the new pack: ``imported.kd``, ``imported.row12``."""

    def __init__(self, library: Library, prefix: str) -> None:
        self.library = library
        self.prefix = prefix
        self.used: set[str] = set()

    def new(self, entry: Entry) -> str:
        base = f"{self.prefix}.{entry.code or f'row{entry.row}'}"
        candidate, n = base, 1
        while candidate in self.used or self.library.get(candidate) is not None:
            n += 1
            candidate = f"{base}-{n}"
        self.used.add(candidate)
        return candidate


def plan_import(
    source: Source,
    library: Library,
    personal_dir: Path,
    *,
    into: str = DEFAULT_PACK,
    replace_all: bool = False,
    group_prefix: str = "",
) -> ImportResult:
    """The pack the import would write and what happens to each row; nothing is written."""
    existing, path, meta = target_pack(library, personal_dir, into)
    old = list(existing.snippets) if existing else []
    ids = _Ids(library, _slug(meta.id.split(".")[-1]))
    ids.used.update(s.id for s in old)
    matched: set[str] = set()
    by_code: dict[str, Snippet] = {s.code: s for s in reversed(old) if s.code}
    others = {
        s.code: s
        for p in reversed(library.packs)
        if p is not existing
        for s in p.snippets
        if s.code
    }
    first_row: dict[str, int] = {}
    rows: list[RowChange] = []
    notes: list[Problem] = list(source.notes)
    result: dict[str, Snippet] = {s.id: s for s in old} if not replace_all else {}
    shown_pack = display_path(path)

    for entry in source.entries:
        group = _join_group(group_prefix, entry.group)
        match = _match(entry, group, old, by_code, matched, first_row)
        if entry.code:
            if entry.code in first_row:
                notes.append(
                    _warn(
                        source.path,
                        entry.row,
                        f"shortcut code '{entry.code}' is also on row"
                        f" {first_row[entry.code]} of this file; both kept, the code stays"
                        f" with row {first_row[entry.code]}",
                        "give one of them another code",
                    )
                )
            else:
                first_row[entry.code] = entry.row
            other = others.get(entry.code)
            if other is not None:
                notes.append(
                    _warn(
                        source.path,
                        entry.row,
                        f"shortcut code '{entry.code}' is already used"
                        f" by '{other.id}' at {other.path}:{other.line}; both kept, the code"
                        f" stays with '{other.id}'",
                        "choose another code",
                    )
                )
        held, breaches = enforce(_snippet(entry, group, match, ids, str(path)))
        if held is not None:
            notes += (
                _warn(source.path, entry.row, f"{b.message}; it is cut to fit", b.hint)
                for b in breaches
            )
        else:  # a reply is never imported cut
            first = breaches[0]
            line = f"{source.path}:{entry.row}: skipped: {first.message} ({first.hint})"
            rows.append(
                RowChange(Change.SKIPPED, source.path, entry.row, entry.code, entry.title,
                          group, first.message, line)
            )  # fmt: skip
            continue
        snippet = held
        if match is None:
            change = Change.NEW
        else:
            matched.add(match.id)
            same = (match.title, match.variants, match.group, match.fields) == (
                snippet.title,
                snippet.variants,
                snippet.group,
                snippet.fields,
            )
            change = Change.UNCHANGED if same else Change.UPDATED
        result[snippet.id] = snippet
        rows.append(
            RowChange(
                change, source.path, entry.row, snippet.code, snippet.title, group, snippet.text
            )
        )
    rows.extend(
        RowChange(Change.SKIPPED, p.path, p.line, text=_detail(p), reason=str(p))
        for p in source.skipped
    )
    if replace_all:
        for s in old:
            if s.id not in matched:
                rows.append(
                    RowChange(Change.REMOVED, shown_pack, s.line, s.code, s.title, s.group, s.text)
                )
    version = existing.meta.version + 1 if existing else meta.version
    pack = Pack(
        replace(meta, version=version),  # keeps the pack's allowed_phrases too
        tuple(result.values()),
        path,
        PackSource.PERSONAL,
    )
    rows.sort(key=lambda r: (r.change is Change.REMOVED, r.row))
    return ImportResult(source, pack, path, tuple(rows), tuple(notes), replace_all)


def _match(
    entry: Entry,
    group: str,
    old: list[Snippet],
    by_code: dict[str, Snippet],
    matched: set[str],
    first_row: dict[str, int],
) -> Snippet | None:
    if entry.code:
        if entry.code in first_row:  # a second row with this code is a snippet of its own
            return None
        found = by_code.get(entry.code)
        return found if found is not None and found.id not in matched else None
    return next(
        (
            s
            for s in old
            if s.id not in matched
            and not s.code
            and s.group == group
            and s.variants == entry.variants
        ),
        None,
    )


def _snippet(entry: Entry, group: str, match: Snippet | None, ids: _Ids, path: str) -> Snippet:
    if match is not None:
        return replace(
            match,
            title=entry.title,
            variants=entry.variants,
            group=group,
            note=entry.note or match.note,
            fields=entry.fields,
            steps=(),
        )
    return Snippet(
        id=ids.new(entry),
        title=entry.title,
        variants=entry.variants,
        code=entry.code,
        group=group,
        note=entry.note,
        fields=entry.fields,
        path=path,
    )


def _detail(problem: Problem) -> str:
    hint = f" ({problem.hint})" if problem.hint else ""
    return problem.message.removeprefix("skipped: ") + hint


def _warn(path: str, line: int, message: str, hint: str) -> Problem:
    return Problem(path, line, "", message, hint, Severity.WARNING)


def write_import(result: ImportResult) -> None:
    """Save the planned pack (core/editing.py: atomic, the previous file kept as ``.bak``)."""
    write_pack(result.pack)
