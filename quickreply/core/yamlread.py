"""Read a UTF-8 YAML file into plain Python values and remember the line of every key and item.

Packs and the shop profile are written by people in text editors, so every problem must point at
a line. PyYAML's constructed values forget where they came from; this module composes the node
tree (libyaml's ``CSafeLoader`` when available), builds plain values from it (dict, list, str,
int, float, bool, None, dates) and keeps a table from each value's *path* — the tuple of mapping
keys and list indexes leading to it — to its line.

It also turns every way a file can be unreadable into one :class:`Problem`: too big, not UTF-8
(with a GBK/GB18030 diagnosis, since many Chinese Windows tools save GBK), a YAML syntax error at
the line libyaml stopped on, unsupported tags, duplicate keys. It never raises for bad input.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quickreply.core.problems import Problem

# libyaml is ~10x faster than the pure-Python parser; both give the same nodes and marks.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 5 * 1024 * 1024  # packs are a few hundred KB; anything this big is a wrong file

KeyPath = tuple[Hashable, ...]

RESAVE_UTF8 = (
    "re-save it as UTF-8: in Notepad 另存为 → 编码 UTF-8; in VS Code 'Save with Encoding' → UTF-8"
)


def display_path(path: Path) -> str:
    """The path as a person typed it: relative to the current folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


@dataclass(frozen=True, slots=True)
class YamlDoc:
    """One parsed YAML document: plain ``data`` plus the line of every key and list item."""

    path: str  # as shown in problems
    data: object
    key_lines: Mapping[KeyPath, int] = field(default_factory=dict)  # line of the key / item
    value_lines: Mapping[KeyPath, int] = field(default_factory=dict)  # where the value starts
    block_scalars: frozenset[KeyPath] = frozenset()  # values written as `|` or `>` blocks

    def line(self, *keys: Hashable) -> int:
        """Line of the key (or list item) at ``keys``; falls back to the nearest known parent."""
        return _lookup(self.key_lines, keys)

    def value_line(self, *keys: Hashable) -> int:
        """Line where the value at ``keys`` starts: for `|`/`>` blocks, its first content line."""
        return _lookup(self.value_lines, keys)

    def problem(self, keys: KeyPath, where: str, message: str, hint: str = "") -> Problem:
        return Problem(self.path, self.line(*keys), where, message, hint)


def _lookup(table: Mapping[KeyPath, int], keys: KeyPath) -> int:
    for end in range(len(keys), -1, -1):
        line = table.get(keys[:end])
        if line is not None:
            return line
    return 1


def read_yaml(
    path: Path, *, shown_as: str | None = None, max_bytes: int = MAX_BYTES
) -> tuple[YamlDoc | None, list[Problem]]:
    """Read and parse ``path``. An empty file gives a doc whose ``data`` is None, no problem."""
    shown = shown_as if shown_as is not None else display_path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [
                Problem(
                    shown,
                    1,
                    "",
                    f"file is too big ({_megabytes(size)}, the limit is {_megabytes(max_bytes)})",
                    "is this the right file? split it into smaller packs",
                )
            ]
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(shown, 1, "", "no such file", "check the path")]
    except IsADirectoryError:
        return None, [Problem(shown, 1, "", "is a folder, not a file", "give a .yaml file")]
    except OSError as err:
        reason = err.strerror or str(err)
        return None, [
            Problem(shown, 1, "", f"cannot read the file: {reason}", "check its permissions")
        ]
    text, problem = decode_utf8(raw, shown)
    if problem is not None:
        return None, [problem]
    return parse_yaml(text, shown)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def decode_utf8(raw: bytes, shown: str) -> tuple[str, Problem | None]:
    """Decode UTF-8 (a BOM is fine); otherwise say which encoding it looks like and what to do."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", Problem(shown, 1, "", "file is UTF-16, not UTF-8", RESAVE_UTF8)
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
    # The fix is the same whatever it is, but naming the encoding tells people why. Big5 bytes
    # often decode as GBK too, into rare characters and private-use ones: the reading with
    # more ordinary Chinese characters wins, GBK on a tie (the far more common one).
    gbk, big5 = _hanzi(raw, "gb18030"), _hanzi(raw, "big5")
    if gbk < 0 and big5 < 0:
        return "", Problem(shown, line, "", "file is not UTF-8 text", RESAVE_UTF8)
    looks = "Big5" if big5 > gbk else "GBK/GB18030 (common on Chinese Windows)"
    return "", Problem(shown, line, "", f"file is not UTF-8: it looks like {looks}", RESAVE_UTF8)


def _hanzi(raw: bytes, codec: str) -> int:
    """How many CJK ideographs ``raw`` decodes to in ``codec``; -1 when it does not decode."""
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError:
        return -1
    return sum(1 for char in text if "\u4e00" <= char <= "\u9fff")


def parse_yaml(text: str, shown: str) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse one YAML document from ``text``; problems name ``shown`` as the file."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDoc(shown, None), []
        builder = _Builder(loader, shown)
        data = builder.build(node, ())
        return (
            YamlDoc(
                shown,
                data,
                builder.key_lines,
                builder.value_lines,
                frozenset(builder.blocks),
            ),
            builder.problems,
        )
    except yaml.MarkedYAMLError as err:
        return None, [_syntax_problem(err, text, shown)]
    except yaml.reader.ReaderError as err:
        # A control character: it carries a position, not a mark, and its str() spans two lines.
        line = text.count("\n", 0, err.position) + 1
        return None, [
            Problem(
                shown,
                line,
                "",
                f"invisible control character U+{err.character:04X} in the text",
                "delete it: retype the line, or paste it as plain text",
            )
        ]
    finally:
        loader.dispose()


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, shown: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark is not None else 1
    what = (err.problem or err.context or "syntax error").strip()
    context = f"{err.context or ''} {what}"
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source_line[: len(source_line) - len(source_line.lstrip())]:
        hint = "indent with spaces, not tabs"
    elif "single document" in context or "another document" in context:
        hint = "a file holds one pack: remove the extra '---'"
    elif "anchor" in context or "alias" in context:
        hint = "check the & and * names"
    else:
        hint = "check the indentation here or on the line above; quote text that contains ': '"
    return Problem(shown, line, "", f"YAML syntax error: {what}", hint)


class _Builder:
    """Builds plain values from composed nodes, recording lines; never raises for bad input."""

    def __init__(self, loader: yaml.SafeLoader, shown: str) -> None:
        self.loader = loader
        self.shown = shown
        self.key_lines: dict[KeyPath, int] = {}
        self.value_lines: dict[KeyPath, int] = {}
        self.blocks: set[KeyPath] = set()
        self.problems: list[Problem] = []
        # Aliases reuse one node: build it once, so `&a` / `*a` bombs stay small.
        self.built: dict[int, object] = {}
        self.active: set[int] = set()

    def build(self, node: Node, path: KeyPath) -> object:
        line = node.start_mark.line + 1
        if isinstance(node, ScalarNode) and node.style in ("|", ">"):
            self.blocks.add(path)
            line += 1  # a block's text starts on the line after its indicator
        self.value_lines.setdefault(path, line)
        known = self.built.get(id(node), _MISSING)
        if known is not _MISSING:
            return known
        if id(node) in self.active:
            self.problems.append(
                Problem(self.shown, line, "", "an alias refers to itself", "remove the '*' alias")
            )
            return None
        self.active.add(id(node))
        try:
            value = self._build(node, path)
        finally:
            self.active.discard(id(node))
        self.built[id(node)] = value
        return value

    def _build(self, node: Node, path: KeyPath) -> object:
        if not isinstance(node, ScalarNode) and self._unsupported(node):
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            items: list[object] = []
            for index, item in enumerate(node.value):
                self.key_lines[(*path, index)] = item.start_mark.line + 1
                items.append(self.build(item, (*path, index)))
            return items
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        return None  # pragma: no cover - the composer only makes the three kinds

    def _unsupported(self, node: Node) -> bool:
        if node.tag in self.loader.yaml_constructors:
            return False
        self.problems.append(
            Problem(
                self.shown,
                node.start_mark.line + 1,
                "",
                f"unsupported YAML tag '{node.tag}'",
                "remove the '!' tag: packs hold plain text, numbers and lists",
            )
        )
        return True

    def _scalar(self, node: ScalarNode) -> object:
        if node.tag == _STR_TAG:
            return node.value  # most scalars: skip the constructor lookup (start-up cost)
        if self._unsupported(node):
            return None
        try:
            return self.loader.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError):
            # e.g. `2024-13-45` looks like a date but is not one: the author meant the text.
            return node.value

    def _mapping(self, node: MappingNode, path: KeyPath) -> dict[Hashable, object]:
        try:
            self.loader.flatten_mapping(node)  # resolve `<<: *base` merge keys
        except yaml.constructor.ConstructorError as err:
            self.problems.append(
                Problem(
                    self.shown, node.start_mark.line + 1, "", f"invalid merge key: {err.problem}"
                )
            )
        result: dict[Hashable, object] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                self.problems.append(
                    Problem(
                        self.shown,
                        key_line,
                        "",
                        "a key must be a plain word",
                        "remove the brackets",
                    )
                )
                continue
            key: Hashable = self._scalar(key_node)
            key_path = (*path, key)
            if key in result:
                where = format_key_path(path)
                self.problems.append(
                    Problem(
                        self.shown,
                        key_line,
                        where,
                        f"duplicate key '{key}' (first on line {self.key_lines[key_path]})",
                        "delete one of them; the later one wins",
                    )
                )
            self.key_lines[key_path] = key_line
            self.value_lines.pop(key_path, None)
            result[key] = self.build(value_node, key_path)
        return result


_MISSING = object()
_STR_TAG = "tag:yaml.org,2002:str"


def format_key_path(path: KeyPath) -> str:
    """``('snippets', 2, 'fields')`` → ``snippets[2].fields``: for generic 'where' parts."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
