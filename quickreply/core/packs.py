"""Read and write snippet packs (YAML, format version 1) and merge them into one Library.

Loading is lenient, because one agent's typo must never cost the whole team its phrasing:

* a file that cannot be read or parsed, or has no usable ``pack:`` header, is reported and skipped;
* a snippet without a usable id, text or steps is reported and skipped; the rest of the file loads;
* a bad optional value (tags, examples, fields, code, hotkey, send, …) is reported and dropped,
  and the snippet loads without it.

Every problem is an error a person can act on: ``path:line: where: what (how to fix)``.

Merging (see docs/architecture.md): packs load in the order shipped, team, personal, extra. A pack
id or snippet id already loaded is reported with both locations and the later one is skipped; a
shortcut code already used is reported with both locations and both snippets stay (the code
belongs to the first, which is what ``Library.by_code`` returns). ``shop.yaml`` is the shop
profile, not a pack, and is never loaded here. Folders are read recursively (a team folder may
have subfolders); hidden files and folders are ignored, and a file reached twice loads once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from quickreply.core.atomic import write_atomic
from quickreply.core.hotkeys import HotkeyError, parse_hotkey
from quickreply.core.limits import MAX_CODE
from quickreply.core.limits import enforce as enforce_limits
from quickreply.core.model import Field, Library, Pack, PackMeta, PackSource, Snippet, Step
from quickreply.core.paths import AppPaths
from quickreply.core.problems import Problem, did_you_mean
from quickreply.core.userdoc import KeyPath, UserDoc
from quickreply.core.userfile import display_path
from quickreply.core.yamlread import read_yaml

SHOP_FILE = "shop.yaml"
PACK_SUFFIXES = (".yaml", ".yml")

TOP_KEYS = ("pack", "snippets")
PACK_KEYS = ("id", "name", "version", "locale", "allowed_phrases")
SNIPPET_KEYS = (
    "id", "title", "code", "group", "tags", "text", "note", "examples", "fields", "hotkey", "send",
    "steps",
)  # fmt: skip
FIELD_KEYS = ("label", "kind", "default", "choices", "choices_from")
FIELD_KINDS = ("text", "number", "choice", "region")
STEP_KINDS = ("paste", "wait", "enter")

ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]*")
CODE_RE = re.compile(rf"[a-z0-9]{{1,{MAX_CODE}}}")
FIELD_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
MAX_WAIT_MS = 60_000

ID_HINT = "use lowercase letters, digits, '.', '_' and '-', e.g. courier.which"
CODE_HINT = "use 1-12 lowercase letters or digits, e.g. kd"


@dataclass(frozen=True, slots=True)
class PackDir:
    """A pack file or a folder of packs, and where it came from."""

    path: Path
    source: PackSource


def default_dirs(paths: AppPaths, extra: Sequence[Path] = ()) -> list[PackDir]:
    """Shipped, team, personal, then every ``--pack`` path: the order of precedence.

    A synced team folder is a link switched atomically to each new version (core/team/local.py):
    it is resolved here, once, so one load never reads files of two versions.
    """
    team = paths.team.resolve() if paths.team.is_symlink() else paths.team
    return [
        PackDir(paths.shipped, PackSource.SHIPPED),
        PackDir(team, PackSource.TEAM),
        PackDir(paths.personal, PackSource.PERSONAL),
        *(PackDir(Path(p), PackSource.EXTRA) for p in extra),
    ]


# ---------------------------------------------------------------------------------------------
# Problems shared with core/lint.py (the linter reports the same words for hand-built libraries)


def snippet_where(snippet_id: str) -> str:
    return f"snippet '{snippet_id}'"


def missing_title_problem(snippet: Snippet) -> Problem:
    return Problem(
        snippet.path,
        snippet.line,
        snippet_where(snippet.id),
        "missing 'title'",
        "add a short title, e.g. title: 合作快递",
    )


def bad_code_problem(path: str, line: int, where: str, code: str) -> Problem:
    if code != code.lower() and CODE_RE.fullmatch(code.lower()):
        return Problem(
            path,
            line,
            where,
            f"shortcut code '{code}' has capital letters",
            f"write '{code.lower()}'",
        )
    return Problem(path, line, where, f"shortcut code '{code}' is malformed", CODE_HINT)


def code_clash_problem(snippet: Snippet, first: Snippet) -> Problem:
    return Problem(
        snippet.path,
        snippet.line,
        snippet_where(snippet.id),
        f"shortcut code '{snippet.code}' is already used by '{first.id}'"
        f" at {first.path}:{first.line}",
        f"choose another code; '{first.code}' stays with '{first.id}'",
    )


def duplicate_id_problem(snippet: Snippet, first: Snippet) -> Problem:
    return Problem(
        snippet.path,
        snippet.line,
        snippet_where(snippet.id),
        f"snippet id '{snippet.id}' is already used at {first.path}:{first.line}",
        "rename one of them; this one is skipped",
    )


# ---------------------------------------------------------------------------------------------
# Loading one file


def load_pack(path: Path, source: PackSource) -> tuple[Pack | None, list[Problem]]:
    """Load one pack file. Bad snippets are reported and skipped; a bad file gives None."""
    doc, problems = read_yaml(path)
    if doc is None:
        return None, problems
    reader = _PackReader(doc, problems)
    meta = reader.read_header()
    if meta is None:
        problems.sort(key=lambda p: p.line)
        return None, problems
    snippets = reader.read_snippets(meta.id)
    problems.sort(key=lambda p: p.line)
    return Pack(meta, tuple(snippets), path, source), problems


def _type_name(value: object) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _as_text(value: object) -> str | None:
    """Text, or a number the author meant as text (`tags: [618]`); None for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


class _PackReader:
    """Turns one parsed YAML document into pack metadata and snippets, collecting problems."""

    def __init__(self, doc: UserDoc, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems

    def error(self, keys: KeyPath, where: str, message: str, hint: str = "") -> None:
        self.problems.append(self.doc.problem(keys, where, message, hint))

    def unknown_keys(
        self, keys: KeyPath, where: str, mapping: dict[Any, Any], allowed: Sequence[str]
    ) -> None:
        self.problems += self.doc.unknown_keys(keys, where, mapping, allowed)

    def read_header(self) -> PackMeta | None:
        data = self.doc.data
        if data is None:
            self.error(
                (), "", "the file is empty", "start it with a 'pack:' header and a 'snippets:' list"
            )
            return None
        if not isinstance(data, dict):
            self.error(
                (), "", f"the top level is {_type_name(data)}, not a mapping",
                "a pack starts with 'pack:' (id, name, version) and 'snippets:' (a list)",
            )  # fmt: skip
            return None
        self.unknown_keys((), "", data, TOP_KEYS)
        header = data.get("pack")
        if header is None:
            self.error(
                (), "", "missing 'pack:' header",
                "start the file with pack: {id: shop.presale, name: 售前接待, version: 1}",
            )  # fmt: skip
            return None
        if not isinstance(header, dict):
            self.error(
                ("pack",),
                "pack",
                f"'pack' is {_type_name(header)}, not a mapping",
                "give it id, name, version and locale",
            )
            return None
        self.unknown_keys(("pack",), "pack", header, PACK_KEYS)
        pack_id = header.get("id")
        if not isinstance(pack_id, str) or not pack_id:
            self.error(
                ("pack", "id") if "id" in header else ("pack",),
                "pack",
                "missing 'id'",
                "add id: shop.presale",
            )
            return None
        if not ID_RE.fullmatch(pack_id):
            self.error(("pack", "id"), "pack", f"id '{pack_id}' is malformed", ID_HINT)
            return None
        where = f"pack '{pack_id}'"
        name = header.get("name")
        if name is None or (isinstance(name, str) and not name.strip()):
            self.error(("pack",), where, "missing 'name'", "add name: 售前接待")
            name = pack_id
        elif not isinstance(name, str):
            self.error(("pack", "name"), where, f"'name' must be text, not {_type_name(name)}")
            name = pack_id
        version = header.get("version", 1)
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self.error(
                ("pack", "version"),
                where,
                "'version' must be a whole number from 1 up",
                "write version: 1 and bump it on every publish",
            )
            version = 1
        locale = header.get("locale", "zh-CN")
        if not isinstance(locale, str) or not locale:
            self.error(("pack", "locale"), where, "'locale' must be text like zh-CN")
            locale = "zh-CN"
        if "snippets" not in data:
            self.error(
                (), where, "missing 'snippets:' list", "add snippets: followed by '- id: …' items"
            )
        allowed = self.text_list(("pack",), where, header, "allowed_phrases", "[第一车队]")
        return PackMeta(pack_id, name.strip(), version, locale, allowed)

    def read_snippets(self, pack_id: str) -> list[Snippet]:
        assert isinstance(self.doc.data, dict)
        items = self.doc.data.get("snippets")
        if items is None:
            return []
        if not isinstance(items, list):
            self.error(
                ("snippets",),
                f"pack '{pack_id}'",
                f"'snippets' is {_type_name(items)}, not a list",
                "write each snippet as a '- id: …' item",
            )
            return []
        snippets: list[Snippet] = []
        seen: dict[str, Snippet] = {}
        for index, item in enumerate(items):
            snippet = self.read_snippet(index, item, pack_id)
            if snippet is None:
                continue
            first = seen.get(snippet.id)
            if first is not None:
                self.problems.append(duplicate_id_problem(snippet, first))
                continue
            seen[snippet.id] = snippet
            snippets.append(snippet)
        return snippets

    # -- one snippet ---------------------------------------------------------------------------

    def read_snippet(self, index: int, item: object, pack_id: str) -> Snippet | None:
        at: KeyPath = ("snippets", index)
        if not isinstance(item, dict):
            self.error(
                at,
                f"snippet #{index + 1}",
                f"a snippet must be a mapping, not {_type_name(item)}",
                "write id:, title:, text: … under the '-'",
            )
            return None
        raw_id = item.get("id")
        snippet_id = None if raw_id is None else _as_text(raw_id)  # `id: 618` means "618"
        if raw_id is None:
            self.error(
                at,
                f"snippet #{index + 1}",
                "missing 'id'",
                "add one, e.g. id: courier.which",
            )
            return None
        if snippet_id is None or not ID_RE.fullmatch(snippet_id):
            what = (
                f"id '{snippet_id}' is malformed"
                if snippet_id is not None
                else f"'id' must be text, not {_type_name(raw_id)}"
            )
            self.error((*at, "id"), f"snippet #{index + 1}", what, ID_HINT)
            return None
        where = snippet_where(snippet_id)
        self.unknown_keys(at, where, item, SNIPPET_KEYS)

        variants, variant_lines = self.read_text(at, where, item)
        steps = self.read_steps(at, where, item)
        if variants is None or steps is None:
            return None  # already reported: unusable text or steps
        if not variants and not steps:
            if "text" in item:
                self.error((*at, "text"), where, "'text' is empty", "write the reply text")
            else:
                self.error(
                    at, where, "missing 'text'", "add the reply text, or 'steps' for a macro"
                )
            return None

        title = self.optional_text(at, where, item, "title").strip()
        code = self.read_code(at, where, item)
        hotkey = self.read_hotkey(at, where, item)
        send = item.get("send", False)
        if not isinstance(send, bool):
            self.error(
                (*at, "send"), where, f"'send' must be true or false, not {_type_name(send)}"
            )
            send = False
        snippet = Snippet(
            id=snippet_id,
            title=title,
            variants=variants,
            code=code,
            group="/".join(
                p.strip()
                for p in self.optional_text(at, where, item, "group").split("/")
                if p.strip()
            ),
            tags=self.text_list(at, where, item, "tags", "[快递, 发货]"),
            note=self.optional_text(at, where, item, "note").strip(),
            examples=self.text_list(at, where, item, "examples", "[发什么快递, 能发顺丰吗]"),
            fields=self.read_fields(at, where, item),
            hotkey=hotkey,
            send=send,
            steps=steps,
            pack_id=pack_id,
            path=self.doc.path,
            line=self.doc.line(*at),
            text_line=variant_lines[0] if variant_lines else 0,
            variant_lines=variant_lines,
        )
        held, breaches = enforce_limits(snippet)  # core/limits.py: one place for every limit
        for breach in breaches:
            self.error((*at, *breach.keys), where, breach.message, breach.hint)
        if held is not None and not title:
            self.problems.append(missing_title_problem(held))
        return held

    def optional_text(self, at: KeyPath, where: str, item: dict[Any, Any], key: str) -> str:
        value = item.get(key)
        if value is None:
            return ""
        text = _as_text(value)
        if text is None:
            self.error((*at, key), where, f"'{key}' must be text, not {_type_name(value)}")
            return ""
        return text

    def text_list(
        self, at: KeyPath, where: str, item: dict[Any, Any], key: str, example: str
    ) -> tuple[str, ...]:
        value = item.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error(
                (*at, key),
                where,
                f"'{key}' must be a list of texts, not {_type_name(value)}",
                f"write {key}: {example}",
            )
            return ()
        out: list[str] = []
        for i, entry in enumerate(value):
            text = _as_text(entry)
            if text is None or not text.strip():
                what = "empty" if text is not None else _type_name(entry)
                self.error(
                    (*at, key, i),
                    where,
                    f"'{key}' item {i + 1} must be text, not {what}",
                    f"write {key}: {example}",
                )
                continue
            out.append(text.strip())
        return tuple(out)

    def read_text(
        self, at: KeyPath, where: str, item: dict[Any, Any]
    ) -> tuple[tuple[str, ...] | None, tuple[int, ...]]:
        """The variants and the line each starts on; None when the text is unusable."""
        value = item.get("text")
        if value is None:
            return (), ()
        if isinstance(value, str):
            text = value.rstrip()
            return ((text,), (self.doc.value_line(*at, "text"),)) if text.strip() else ((), ())
        if not isinstance(value, list):
            self.error(
                (*at, "text"),
                where,
                f"'text' must be text or a list of variants, not {_type_name(value)}",
                "quote it: text: '…'",
            )
            return None, ()
        variants: list[str] = []
        lines: list[int] = []
        for i, entry in enumerate(value):
            if not isinstance(entry, str):
                self.error(
                    (*at, "text", i),
                    where,
                    f"text variant {i + 1} must be text, not {_type_name(entry)}",
                    "quote it: - '…'",
                )
                return None, ()
            if not entry.strip():
                self.error(
                    (*at, "text", i),
                    where,
                    f"text variant {i + 1} is empty",
                    "write the reply text or remove the '-' line",
                )
                return None, ()
            variants.append(entry.rstrip())
            lines.append(self.doc.value_line(*at, "text", i))
        return tuple(variants), tuple(lines)

    def read_code(self, at: KeyPath, where: str, item: dict[Any, Any]) -> str:
        value = item.get("code")
        if value is None:
            return ""
        code = _as_text(value)
        if code is None or not CODE_RE.fullmatch(code):
            if code is None:
                self.error(
                    (*at, "code"), where, f"'code' must be text, not {_type_name(value)}", CODE_HINT
                )
            else:
                self.problems.append(
                    bad_code_problem(self.doc.path, self.doc.line(*at, "code"), where, code)
                )
            return ""
        return code

    def read_hotkey(self, at: KeyPath, where: str, item: dict[Any, Any]) -> str | None:
        """The hotkey in its canonical spelling (core/hotkeys.py, as settings and platforms)."""
        value = item.get("hotkey")
        if value is None:
            return None
        at = (*at, "hotkey")
        hint = "e.g. hotkey: ctrl+alt+1"
        if not isinstance(value, str):
            self.error(at, where, f"'hotkey' must be text, not {_type_name(value)}", hint)
            return None
        if not value.strip():
            self.error(at, where, "'hotkey' is empty", f"remove it, or write one, {hint}")
            return None
        try:
            hotkey = parse_hotkey(value)
        except HotkeyError as err:
            self.error(at, where, f"hotkey {err}")  # the error carries its own fix
            return None
        if not hotkey.is_global_safe:
            self.error(
                at,
                where,
                f"hotkey '{value}' would take that key away from typing",
                f"add ctrl or alt, {hint}",
            )
            return None
        return str(hotkey)

    def read_fields(self, at: KeyPath, where: str, item: dict[Any, Any]) -> tuple[Field, ...]:
        value = item.get("fields")
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.error(
                (*at, "fields"),
                where,
                f"'fields' must be a mapping of name to spec, not {_type_name(value)}",
                "e.g. fields: {region: {label: 收货省份, kind: region}}",
            )
            return ()
        fields: list[Field] = []
        for name, spec in value.items():
            field = self.read_field((*at, "fields", name), where, name, spec)
            if field is not None:
                fields.append(field)
        return tuple(fields)

    def read_field(self, at: KeyPath, where: str, name: Hashable, spec: object) -> Field | None:
        line = self.doc.line(*at)
        if not isinstance(name, str) or not FIELD_NAME_RE.fullmatch(name):
            self.error(
                at,
                where,
                f"field name '{name}' is malformed",
                "use letters, digits and '_', starting with a letter, e.g. region",
            )
            return None
        if isinstance(spec, str):  # shorthand: `region: 收货省份` is the label
            return Field(name, spec.strip() or name, line=line)
        if spec is None:
            return Field(name, name, line=line)
        if not isinstance(spec, dict):
            self.error(
                at,
                where,
                f"field '{name}' must be a mapping or a label, not {_type_name(spec)}",
                "e.g. {label: 收货省份, kind: region}",
            )
            return None
        fwhere = f"{where} field '{name}'"
        self.unknown_keys(at, fwhere, spec, FIELD_KEYS)
        label = _as_text(spec.get("label", name))
        if label is None or not label.strip():
            self.error((*at, "label"), fwhere, "'label' must be text", "e.g. label: 收货省份")
            label = name
        kind = spec.get("kind", "text")
        if kind not in FIELD_KINDS:
            hint = did_you_mean(str(kind), FIELD_KINDS) or "use one of " + ", ".join(FIELD_KINDS)
            self.error((*at, "kind"), fwhere, f"unknown kind '{kind}'", hint)
            kind = "text"
        default = spec.get("default")
        default_text = None if default is None else _as_text(default)
        if default is not None and default_text is None:
            self.error(
                (*at, "default"),
                fwhere,
                f"'default' must be text or a number, not {_type_name(default)}",
            )
        choices = self.text_list(at, fwhere, spec, "choices", "[S, M, L]")
        choices_from = spec.get("choices_from")
        if choices_from is not None and not isinstance(choices_from, str):
            self.error((*at, "choices_from"), fwhere, "'choices_from' must be text, e.g. regions")
            choices_from = None
        if kind == "choice" and not choices and not choices_from:
            self.error(at, fwhere, "kind 'choice' needs 'choices'", "e.g. choices: [S, M, L]")
            kind = "text"
        return Field(name, label.strip(), kind, default_text, choices, choices_from, line)

    def read_steps(self, at: KeyPath, where: str, item: dict[Any, Any]) -> tuple[Step, ...] | None:
        value = item.get("steps")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.error(
                (*at, "steps"),
                where,
                f"'steps' must be a list, not {_type_name(value)}",
                "e.g. - paste: 亲，在的~",
            )
            return None
        steps: list[Step] = []
        for i, entry in enumerate(value):
            step = self.read_step((*at, "steps", i), where, i, entry)
            if step is None:
                return None
            steps.append(step)
        return tuple(steps)

    def read_step(self, at: KeyPath, where: str, index: int, entry: object) -> Step | None:
        what = f"step {index + 1}"
        hint = "write '- paste: 文字', '- wait: 300' (milliseconds) or '- enter'"
        if isinstance(entry, str):
            kind, arg = entry.strip(), None
        elif isinstance(entry, dict) and len(entry) == 1:
            key, arg = next(iter(entry.items()))
            kind = str(key)
        else:
            self.error(at, where, f"{what} must be one of paste, wait or enter", hint)
            return None
        if kind not in STEP_KINDS:
            self.error(
                at, where, f"{what}: unknown step '{kind}'", did_you_mean(kind, STEP_KINDS) or hint
            )
            return None
        if kind == "enter":
            return Step("enter")
        if kind == "paste":
            if not isinstance(arg, str) or not arg.strip():
                self.error(at, where, f"{what}: 'paste' needs the text to paste", hint)
                return None
            return Step("paste", text=arg.rstrip())
        if isinstance(arg, bool) or not isinstance(arg, int) or not 0 <= arg <= MAX_WAIT_MS:
            self.error(
                at,
                where,
                f"{what}: 'wait' needs milliseconds from 0 to {MAX_WAIT_MS}",
                "e.g. - wait: 300",
            )
            return None
        return Step("wait", ms=arg)


# ---------------------------------------------------------------------------------------------
# The library


def pack_files(folder: Path) -> list[Path]:
    """The pack files under ``folder``: *.yaml and *.yml, recursively, sorted; no shop.yaml."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name == SHOP_FILE or not name.endswith(PACK_SUFFIXES):
                continue
            found.append(Path(root) / name)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _files(pack_dir: PackDir, problems: list[Problem]) -> Iterator[Path]:
    path = pack_dir.path
    if path.is_dir():
        yield from pack_files(path)
    elif path.is_file():
        yield path
    elif path.is_symlink():
        yield path  # a dangling link or a loop: reading it says which, in one line
    elif pack_dir.source is PackSource.EXTRA:
        # The standard folders may simply not exist yet; a path the user typed must.
        problems.append(
            Problem(display_path(path), 1, "", "no such file or folder", "check the path")
        )


def _same_file_key(file: Path) -> Path:
    """What tells a file reached twice (through a linked folder) from another file."""
    try:
        return file.resolve()
    except (OSError, RuntimeError):
        # A symlink loop (RuntimeError before Python 3.13): reading it reports the loop.
        return file.absolute()


PackLoader = Callable[[Path, PackSource], tuple[Pack | None, list[Problem]]]


def load_library(dirs: Sequence[PackDir], load: PackLoader = load_pack) -> Library:
    """Load every pack in precedence order and merge them; problems go in Library.problems.

    ``load`` reads one file (core/libcache.py passes a cached reader so start-up skips YAML).
    """
    problems: list[Problem] = []
    packs: list[Pack] = []
    seen_files: set[Path] = set()
    pack_ids: dict[str, Pack] = {}
    by_id: dict[str, Snippet] = {}
    by_code: dict[str, Snippet] = {}
    for pack_dir in dirs:
        for file in _files(pack_dir, problems):
            key = _same_file_key(file)
            if key in seen_files:
                continue
            seen_files.add(key)
            pack, file_problems = load(file, pack_dir.source)
            problems += file_problems
            if pack is None:
                continue
            first_pack = pack_ids.get(pack.meta.id)
            if first_pack is not None:
                problems.append(
                    Problem(
                        display_path(pack.path),
                        1,
                        f"pack '{pack.meta.id}'",
                        f"pack id '{pack.meta.id}' is already used by"
                        f" {display_path(first_pack.path)}",
                        "give each pack its own id; this one is skipped",
                    )
                )
                continue
            pack_ids[pack.meta.id] = pack
            kept: list[Snippet] = []
            for snippet in pack.snippets:
                first = by_id.get(snippet.id)
                if first is not None:
                    problems.append(duplicate_id_problem(snippet, first))
                    continue
                by_id[snippet.id] = snippet
                kept.append(snippet)
                if snippet.code:
                    owner = by_code.setdefault(snippet.code, snippet)
                    if owner is not snippet:
                        problems.append(code_clash_problem(snippet, owner))
            if len(kept) != len(pack.snippets):
                pack = Pack(pack.meta, tuple(kept), pack.path, pack.source)
            packs.append(pack)
    return Library(tuple(packs), tuple(problems))


# ---------------------------------------------------------------------------------------------
# Writing


class _PackDumper(yaml.SafeDumper):
    """Block-style YAML that reads like the hand-written packs: `|` for multi-line text."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key (`snippets:\n  - id:`), as people write them.
        super().increase_indent(flow, False)


class _FlowList(list[str]):
    """Short lists (tags, examples, choices) written on one line: `[快递, 发货]`."""


class _FlowMap(dict[str, object]):
    """A field spec written on one line: `{label: 收货省份, kind: region}`."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_flow_list(dumper: yaml.SafeDumper, value: _FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


def _represent_flow_map(dumper: yaml.SafeDumper, value: _FlowMap) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=True)


_PackDumper.add_representer(str, _represent_str)
_PackDumper.add_representer(_FlowList, _represent_flow_list)
_PackDumper.add_representer(_FlowMap, _represent_flow_map)


def _field_spec(field: Field) -> dict[str, object]:
    spec = _FlowMap(label=field.label)
    if field.kind != "text":
        spec["kind"] = field.kind
    if field.default is not None:
        spec["default"] = field.default
    if field.choices:
        spec["choices"] = _FlowList(field.choices)
    if field.choices_from:
        spec["choices_from"] = field.choices_from
    return spec


def _step_data(step: Step) -> object:
    if step.kind == "enter":
        return "enter"
    if step.kind == "wait":
        return {"wait": step.ms}
    return {"paste": step.text}


def _snippet_data(s: Snippet) -> dict[str, object]:
    data: dict[str, object] = {"id": s.id, "title": s.title}
    optional: list[tuple[str, object]] = [
        ("code", s.code),
        ("group", s.group),
        ("tags", _FlowList(s.tags)),
        ("text", s.variants[0] if len(s.variants) == 1 else list(s.variants)),
        ("note", s.note),
        ("examples", _FlowList(s.examples)),
        ("fields", {f.name: _field_spec(f) for f in s.fields}),
        ("hotkey", s.hotkey),
        ("send", s.send),
        ("steps", [_step_data(step) for step in s.steps]),
    ]
    data.update((key, value) for key, value in optional if value)
    return data


def dump_pack(pack: Pack) -> str:
    """The pack as YAML text; ``load_pack`` of that text gives the same snippets back."""
    meta = pack.meta
    header: dict[str, object] = {
        "id": meta.id, "name": meta.name, "version": meta.version, "locale": meta.locale
    }  # fmt: skip
    if meta.allowed_phrases:
        header["allowed_phrases"] = list(meta.allowed_phrases)
    data = {
        "pack": header,
        "snippets": [_snippet_data(s) for s in pack.snippets],
    }
    text: str = yaml.dump(
        data, Dumper=_PackDumper, allow_unicode=True, sort_keys=False, width=10**6, indent=2
    )
    return text


def save_pack(pack: Pack, path: Path) -> None:
    """Write the pack atomically (temp file + os.replace); the previous file becomes path.bak."""
    write_atomic(path, dump_pack(pack))
