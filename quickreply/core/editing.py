"""The one editing model for the packs this machine may write: a draft checked as the loader would.

The library window and the editor form call this module instead of re-checking ids, field
names and choices themselves, so what the editor accepts is exactly what loads again:

* :func:`check_draft` lists what would make the snippet fail to load or clash with the library
  (id, title, text, shortcut code, hotkey, field names, kinds, choices, ``choices_from``,
  sizes), then the linter's findings on the draft next to the saved snippets it could clash
  with (without a ``lint`` callable: the code and hotkey clashes only, :func:`clashes`);
* :func:`suggest_id` names a new reply after its shortcut code or its title's initials,
  unique in the library (:func:`unique_id`);
* :func:`carry_pictures` copies the pictures of a reply forked from a read-only pack into the
  personal pack's folder (``images/``, under a name of its own), so the copy still pastes them;
* :func:`put_snippet` and :func:`remove_snippet` give the pack after inserting, replacing or
  deleting a snippet; :func:`write_pack` saves it (``core.packs.save_pack``: atomic, with
  ``NAME.bak``) and refuses a pack :class:`EditRule` does not allow: personal packs, and team
  packs only in the lead's publish sources on the machine holding the team key
  (:func:`lead_rule`), never the synced copy agents read nor a published version folder.

Each problem carries a stable ``code`` and named ``args`` (see ``CODES``) so the UI can say it
in the agent's language; the English line stays for logs and the CLI.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quickreply.core.atomic import write_atomic
from quickreply.core.hotkeys import HotkeyError, parse_hotkey
from quickreply.core.images import ImageRef, read_image
from quickreply.core.limits import breaches_of
from quickreply.core.lint import LintContext, check_codes, check_hotkeys
from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet
from quickreply.core.packs import (
    CODE_RE,
    FIELD_KINDS,
    FIELD_NAME_RE,
    ID_RE,
    bad_code_problem,
    save_pack,
    snippet_where,
)
from quickreply.core.problems import Problem, did_you_mean
from quickreply.core.render.fields import CHOICE_SOURCES
from quickreply.core.textkeys import TextKeys

if TYPE_CHECKING:
    from quickreply.core.team.keys import LeadKey
    from quickreply.core.team.preview import Target

LintFn = Callable[[Library], Sequence[Problem]]
SaveFn = Callable[[Pack, Path], None]

#: Path given to the draft while it is linted, so its problems can be told from the rest.
DRAFT_MARK = "<draft>"

_SLUG_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
MAX_SLUG = 16  # an id derived from a long title stays readable

#: The problem codes :func:`check_draft` gives, for the UI's own wording.
CODES = (
    "edit.id_empty",
    "edit.id_malformed",
    "edit.id_taken",  # args: id, file (the file that has it)
    "edit.title_empty",
    "edit.text_empty",
    "edit.field_name",  # args: name
    "edit.field_twice",  # args: name
    "edit.field_kind",  # args: name, kind
    "edit.choices_missing",  # args: name
    "edit.choices_from",  # args: name, source, known
    "edit.too_long",  # args: length, limit
)


class EditError(Exception):
    """An edit that must not happen (a read-only pack); ``str(err)`` is one readable line."""


@dataclass(frozen=True, slots=True)
class EditRule:
    """Which packs may be written here: personal packs always; team packs only when their file
    lies in one of ``team_sources``, the folders (or files) a lead publishes from, and in none
    of ``read_only`` (the synced copy, the published folder: a source set up inside them would
    otherwise let an edit change what agents received without a signed version)."""

    team_sources: tuple[Path, ...] = ()
    read_only: tuple[Path, ...] = ()

    def allows(self, pack: Pack) -> bool:
        if pack.editable:
            return True
        return (
            pack.source is PackSource.TEAM
            and any(_inside(pack.path, source) for source in self.team_sources)
            and not any(_inside(pack.path, folder) for folder in self.read_only)
        )


def _inside(path: Path, source: Path) -> bool:
    path, source = path.resolve(), source.resolve()
    return path == source or source in path.parents


def lead_rule(lead: tuple[LeadKey, Target] | None, synced: Path | None = None) -> EditRule:
    """The rule on this machine: with the team key and a known publish target (the lead's
    machine), the team packs in the target's sources are editable too; else personal only.
    The synced team copy and the published version folders are never sources, so they stay
    read-only (``synced``: the team folder this machine reads)."""
    if lead is None:
        return EditRule()
    _key, target = lead
    read_only = (target.dest,) if synced is None else (target.dest, synced)
    return EditRule(tuple(target.sources), read_only)


def check_draft(
    draft: Snippet,
    library: Library,
    *,
    pack_path: Path | None,
    original_id: str | None,
    lint: LintFn | None = None,
) -> list[Problem]:
    """Problems with ``draft``, which replaces ``original_id`` (None: a new snippet) in the
    pack at ``pack_path``: what would break loading, clashes, then the linter's findings."""
    path = str(pack_path or "")
    problems: list[Problem] = []

    def error(at: str, code: str, message: str, hint: str = "", **args: str) -> None:
        problems.append(Problem(path, 0, at, message, hint, code=code, args=tuple(args.items())))

    taken = library.get(draft.id) if draft.id != original_id else None
    if not draft.id:
        error("id", "edit.id_empty", "the id is empty", "e.g. my.greeting")
    elif not ID_RE.fullmatch(draft.id):
        error("id", "edit.id_malformed", f"id '{draft.id}' is malformed", "e.g. my.greeting")
    elif taken is not None:
        file = taken.path or taken.pack_id
        error(
            "id",
            "edit.id_taken",
            f"id '{draft.id}' is already used in {file}",
            "choose another id",
            id=draft.id,
            file=file,
        )
    if not draft.title:
        error("title", "edit.title_empty", "the title is empty", "write a short title")
    if not draft.variants and not draft.steps:
        error("text", "edit.text_empty", "the text is empty", "write the reply to the buyer")
    if draft.code and not CODE_RE.fullmatch(draft.code):
        problems.append(bad_code_problem(path, 0, snippet_where(draft.id), draft.code))
    if draft.hotkey:
        problems += _hotkey_problems(path, draft)
    _field_problems(draft, error)
    for breach in breaches_of(draft):
        where = ".".join(str(k) for k in breach.keys[:3])
        length, limit = str(breach.length), str(breach.limit)
        error(where, "edit.too_long", breach.message, breach.hint, length=length, limit=limit)
    neighbours = draft_library(draft, library, pack_path=pack_path, original_id=original_id)
    seen = {(p.where, p.message) for p in problems}
    # The linter says some of the checks above again (a missing title): once is enough.
    codes = {p.code for p in problems if p.code}
    for problem in (lint or clashes)(neighbours):
        if problem.path != DRAFT_MARK or problem.code in codes:
            continue
        if (problem.where, problem.message) not in seen:
            problems.append(dataclasses.replace(problem, path=path))
    return problems


def clashes(library: Library) -> list[Problem]:
    """The linter's two rules that compare snippets: shortcut codes and hotkeys used twice
    (the later one is reported). What :func:`check_draft` runs when it is given no linter."""
    context = LintContext()
    return [*check_codes(library, context), *check_hotkeys(library, context)]


def _field_problems(draft: Snippet, error: Callable[..., None]) -> None:
    names: set[str] = set()
    for f in draft.fields:
        where = f"fields.{f.name}"
        if not FIELD_NAME_RE.fullmatch(f.name):
            error(
                where,
                "edit.field_name",
                f"field name '{f.name}' is malformed",
                "use letters, digits and '_', starting with a letter, e.g. amount",
                name=f.name,
            )
        if f.name in names:
            error(where, "edit.field_twice", f"field '{f.name}' is declared twice", name=f.name)
        names.add(f.name)
        if f.kind not in FIELD_KINDS:
            hint = did_you_mean(f.kind, FIELD_KINDS) or "use one of " + ", ".join(FIELD_KINDS)
            error(where, "edit.field_kind", f"unknown kind '{f.kind}'", hint, name=f.name)
        if f.choices_from is not None and f.choices_from not in CHOICE_SOURCES:
            known = ", ".join(CHOICE_SOURCES)
            error(
                where,
                "edit.choices_from",
                f"unknown choices_from '{f.choices_from}'",
                f"use one of {known}",
                name=f.name,
                source=f.choices_from,
                known=known,
            )
        elif f.kind == "choice" and not f.choices and not f.choices_from:
            error(
                where,
                "edit.choices_missing",
                "kind 'choice' needs 'choices'",
                "e.g. choices: [S, M, L]",
                name=f.name,
            )


def _hotkey_problems(path: str, draft: Snippet) -> list[Problem]:
    where = snippet_where(draft.id)
    try:
        hotkey = parse_hotkey(draft.hotkey or "")
    except HotkeyError as err:
        args = (("hotkey", draft.hotkey or ""),)
        return [Problem(path, 0, where, f"hotkey {err}", code="edit.hotkey_invalid", args=args)]
    if not hotkey.is_global_safe:
        return [
            Problem(
                path,
                0,
                where,
                f"hotkey '{draft.hotkey}' would take that key away from typing",
                "add ctrl or alt, e.g. ctrl+alt+1",
                code="edit.hotkey_unsafe",
                args=(("hotkey", draft.hotkey or ""),),
            )
        ]
    return []


def draft_library(
    draft: Snippet, library: Library, *, pack_path: Path | None, original_id: str | None
) -> Library:
    """The draft, marked :data:`DRAFT_MARK` so problems about it can be picked out, after the
    saved snippets it could clash with.

    Every lint rule but two looks at one snippet at a time; the two that compare snippets
    (shortcut-code and hotkey clashes) report the later one, i.e. the draft. So the draft is
    checked next to the snippets sharing its code and those with any hotkey, not the whole
    library: at 10,000 snippets the whole library took seconds per keystroke.
    """
    code = draft.code.casefold()
    neighbours = tuple(
        s
        for pack in library.packs
        for s in pack.snippets
        if ((code and s.code.casefold() == code) or s.hotkey)
        and not (pack.path == pack_path and s.id == original_id)
    )
    meta = PackMeta(id=f"{draft.pack_id or 'draft'}{DRAFT_MARK}", name=DRAFT_MARK)
    marked = dataclasses.replace(draft, path=DRAFT_MARK, pack_id=meta.id)
    packs = (
        Pack(PackMeta(id="saved", name="saved"), neighbours, Path(), PackSource.SHIPPED),
        Pack(meta, (marked,), Path(DRAFT_MARK), PackSource.PERSONAL),
    )
    return Library(packs=packs)


def put_snippet(
    pack: Pack | None,
    draft: Snippet,
    *,
    original_id: str | None,
    meta: PackMeta,
    path: Path,
) -> tuple[Pack, Snippet]:
    """The pack with ``draft`` replacing ``original_id`` (or appended when it is new or gone),
    and the draft as saved in it; without a ``pack`` a new personal one (``meta``, ``path``)."""
    if pack is None:
        saved = dataclasses.replace(draft, path=str(path), pack_id=meta.id)
        return Pack(meta, (saved,), path, PackSource.PERSONAL), saved
    saved = dataclasses.replace(draft, path=str(pack.path), pack_id=pack.meta.id)
    snippets = list(pack.snippets)
    index = next((i for i, s in enumerate(snippets) if s.id == original_id), None)
    if index is None:
        snippets.append(saved)
    else:
        snippets[index] = saved
    return dataclasses.replace(pack, snippets=tuple(snippets)), saved


def unique_id(library: Library, base: str) -> str:
    """``base``, or ``base2``, ``base3`` … whichever no snippet of ``library`` has yet."""
    taken = {s.id for s in library.snippets()}
    number, candidate = 2, base
    while candidate in taken:
        candidate, number = f"{base}{number}", number + 1
    return candidate


def suggest_id(library: Library, prefix: str, code: str, title: str) -> str:
    """An unused id for a new reply, from what the agent typed: ``prefix.code`` (``my.kd``),
    else the pinyin initials of the title (发货时间 → ``my.fhsj``), else ``prefix.snippet``."""
    slug = code.strip().casefold()
    if not ID_RE.fullmatch(slug):
        keys = TextKeys()
        initials = keys.initials(keys.normalize(title))
        slug = "".join(ch for ch in initials if ch in _SLUG_CHARS)[:MAX_SLUG]
    return unique_id(library, f"{prefix}.{slug or 'snippet'}")


def fork_draft(snippet: Snippet, library: Library, meta: PackMeta, path: Path) -> Snippet:
    """An unsaved copy of a read-only ``snippet`` for the pack ``meta`` at ``path``."""
    return dataclasses.replace(
        snippet,
        id=unique_id(library, f"my.{snippet.id}"),
        # The original keeps its code and hotkey; a copy with the same ones would clash.
        code="",
        hotkey=None,
        pack_id=meta.id,
        path=str(path),
        line=0,
        text_line=0,
        variant_lines=(),
    )


def carry_pictures(draft: Snippet, folder: Path) -> Snippet:
    """``draft`` as saved into a pack file in ``folder``: every picture it pastes from another
    pack's folder (a fork of a shipped or team reply) copied to ``folder/images/``, its path
    rewritten. A name taken by another file gets a number (尺码表-2.png); the same picture
    already there is reused. A picture that cannot be read stays as written (the editor already
    shows why). OSError when a copy cannot be written."""
    if not draft.images or not draft.folder:
        return draft
    if os.path.abspath(draft.folder) == os.path.abspath(folder):
        return draft
    renamed: dict[str, str] = {}
    for written in dict.fromkeys(draft.images):
        ref = ImageRef(draft.path, draft.line, snippet_where(draft.id), draft.folder, written)
        image, _problem = read_image(ref)  # inside its pack's folder, a real PNG or JPEG
        if image is not None:
            renamed[written] = _copy_picture(image.data, folder / "images", Path(written).name)
    if not renamed:
        return draft
    steps = tuple(
        dataclasses.replace(step, text=renamed.get(step.text, step.text))
        if step.kind == "image"
        else step
        for step in draft.steps
    )
    return dataclasses.replace(
        draft, image=renamed.get(draft.image, draft.image), steps=steps, folder=str(folder)
    )


def _copy_picture(data: bytes, images: Path, name: str) -> str:
    """Write ``data`` as ``images/name`` (or ``name-2`` …), unless that file is the same
    picture; the path to write in the pack."""
    stem, suffix = os.path.splitext(name)
    number, candidate = 2, name
    while (images / candidate).exists():
        if (images / candidate).is_file() and (images / candidate).read_bytes() == data:
            return f"images/{candidate}"
        candidate, number = f"{stem}-{number}{suffix}", number + 1
    write_atomic(images / candidate, data, backup=False)
    return f"images/{candidate}"


def with_pack(library: Library, pack: Pack) -> Library:
    """``library`` with ``pack`` in place of the one at its path, or added where its source
    loads: after shipped and team packs, before ``--pack`` extras."""
    packs = list(library.packs)
    index = next((i for i, p in enumerate(packs) if p.path == pack.path), None)
    if index is not None:
        packs[index] = pack
    else:
        at = next((i for i, p in enumerate(packs) if p.source is PackSource.EXTRA), len(packs))
        packs.insert(at, pack)
    return Library(packs=tuple(packs), problems=library.problems)


def remove_snippet(pack: Pack, snippet_id: str) -> Pack:
    """The pack without the snippet ``snippet_id``."""
    return dataclasses.replace(pack, snippets=tuple(s for s in pack.snippets if s.id != snippet_id))


def write_pack(pack: Pack, save: SaveFn = save_pack, rule: EditRule | None = None) -> None:
    """Save a pack ``rule`` allows (its folder is created): atomic, the previous file kept as
    .bak. Raises EditError for a pack that is read-only here, OSError when it cannot be written."""
    if not (rule or EditRule()).allows(pack):
        raise EditError(f"{pack.path}: the {pack.source} pack '{pack.meta.id}' is read-only")
    pack.path.parent.mkdir(parents=True, exist_ok=True)
    save(pack, pack.path)
