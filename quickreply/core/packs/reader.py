"""Reading one pack file (YAML, format version 1) into a Pack, leniently.

One agent's typo must never cost the whole team its phrasing:

* a file that cannot be read or parsed, or has no usable ``pack:`` header, is reported and skipped;
* a snippet without a usable id, text or steps is reported and skipped; the rest of the file loads;
* a bad optional value (tags, examples, fields, code, hotkey, send, …) is reported and dropped,
  and the snippet loads without it.

Every problem is an error a person can act on: ``path:line: where: what (how to fix)``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from quickreply.core.images import PATH_HINT, path_problem
from quickreply.core.limits import enforce as enforce_limits
from quickreply.core.model import Pack, PackMeta, PackSource, Snippet
from quickreply.core.packs.fields import read_fields
from quickreply.core.packs.format import ID_HINT, ID_RE, PACK_KEYS, SNIPPET_KEYS, TOP_KEYS
from quickreply.core.packs.oversize import split_hint
from quickreply.core.packs.reports import duplicate_id_problem, missing_title_problem, snippet_where
from quickreply.core.packs.steps import read_steps
from quickreply.core.packs.values import ValueReader, as_text, type_name
from quickreply.core.problems import Problem
from quickreply.core.userdoc import KeyPath
from quickreply.core.yamlread import MAX_BYTES, read_yaml


def load_pack(path: Path, source: PackSource) -> tuple[Pack | None, list[Problem]]:
    """Load one pack file. Bad snippets are reported and skipped; a bad file gives None."""
    doc, problems = read_yaml(path)
    if doc is None:
        return None, [_with_split_hint(path, p) for p in problems]
    reader = _PackReader(doc, problems)
    reader.folder = str(path.absolute().parent)
    meta = reader.read_header()
    if meta is None:
        problems.sort(key=lambda p: p.line)
        return None, problems
    snippets = reader.read_snippets(meta.id)
    problems.sort(key=lambda p: p.line)
    return Pack(meta, tuple(snippets), path, source), problems


def _with_split_hint(path: Path, problem: Problem) -> Problem:
    """A file too big to load says how to split it (core/packs/oversize.py)."""
    try:
        size = path.stat().st_size
    except OSError:
        return problem
    if size <= MAX_BYTES:
        return problem
    hint = split_hint(path, size)
    return dataclasses.replace(problem, hint=hint) if hint else problem


class _PackReader(ValueReader):
    """Turns one parsed YAML document into pack metadata and snippets, collecting problems."""

    folder = ""  # the pack file's folder, absolute: where its images are read from

    def read_image(self, at: KeyPath, where: str, item: dict[object, object]) -> str:
        """The ``image:`` path as written; a bad one is reported and dropped."""
        value = item.get("image")
        if value is None:
            return ""
        if not isinstance(value, str):
            what = f"'image' must be a file name, not {type_name(value)}"
            self.error((*at, "image"), where, what, PATH_HINT)
            return ""
        bad = path_problem(value.strip())
        if bad is not None:
            self.error((*at, "image"), where, *bad)
            return ""
        return value.strip()

    def read_header(self) -> PackMeta | None:
        data = self.doc.data
        if data is None:
            self.error(
                (), "", "the file is empty", "start it with a 'pack:' header and a 'snippets:' list"
            )
            return None
        if not isinstance(data, dict):
            self.error(
                (), "", f"the top level is {type_name(data)}, not a mapping",
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
                f"'pack' is {type_name(header)}, not a mapping",
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
            self.error(("pack", "name"), where, f"'name' must be text, not {type_name(name)}")
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
                f"'snippets' is {type_name(items)}, not a list",
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
                f"a snippet must be a mapping, not {type_name(item)}",
                "write id:, title:, text: … under the '-'",
            )
            return None
        raw_id = item.get("id")
        snippet_id = None if raw_id is None else as_text(raw_id)  # `id: 618` means "618"
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
                else f"'id' must be text, not {type_name(raw_id)}"
            )
            self.error((*at, "id"), f"snippet #{index + 1}", what, ID_HINT)
            return None
        where = snippet_where(snippet_id)
        self.unknown_keys(at, where, item, SNIPPET_KEYS)

        variants, variant_lines = self.read_text(at, where, item)
        steps = read_steps(self, at, where, item)
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
        image = self.read_image(at, where, item)
        send = item.get("send", False)
        if not isinstance(send, bool):
            self.error((*at, "send"), where, f"'send' must be true or false, not {type_name(send)}")
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
            fields=read_fields(self, at, where, item),
            hotkey=hotkey,
            send=send,
            steps=steps,
            pack_id=pack_id,
            path=self.doc.path,
            line=self.doc.line(*at),
            text_line=variant_lines[0] if variant_lines else 0,
            variant_lines=variant_lines,
            image=image,
            image_line=self.doc.line(*at, "image") if image else 0,
            folder=self.folder if image or any(s.kind == "image" for s in steps) else "",
        )
        held, breaches = enforce_limits(snippet)  # core/limits.py: one place for every limit
        for breach in breaches:
            self.error((*at, *breach.keys), where, breach.message, breach.hint)
        if held is not None and not title:
            self.problems.append(missing_title_problem(held))
        return held
