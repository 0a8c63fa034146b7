"""Read a UTF-8 YAML file into plain Python values and remember the line of every key and item.

Packs and the shop profile are written by people in text editors, so every problem must point at
a line. PyYAML's constructed values forget where they came from; this module composes the node
tree (libyaml's ``CSafeLoader`` when available), builds plain values from it (dict, list, str,
int, float, bool, None, dates; mapping keys stay the text written, see core/userdoc.py) and keeps
a table from each value's *path* — the tuple of mapping keys and list indexes leading to it — to
its line, in a :class:`~quickreply.core.userdoc.UserDoc`.

It also turns every way a file can be unreadable into one :class:`Problem`: not a regular file or
too big (core/userfile.py reads it), not UTF-8 (with a GBK/GB18030 diagnosis, since many Chinese
Windows tools save GBK), a YAML syntax error at the line libyaml stopped on, nesting deeper than
any pack, unsupported tags, duplicate keys. It never raises for bad input."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quickreply.core.problems import Problem
from quickreply.core.userdoc import MAX_DEPTH, KeyPath, UserDoc, format_key_path, too_deep

# display_path is imported from here by callers that predate core/userfile.py.
from quickreply.core.userfile import display_path as display_path
from quickreply.core.userfile import read_user_text

# libyaml is ~10x faster than the pure-Python parser; both give the same nodes and marks.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 5 * 1024 * 1024  # packs are a few hundred KB; anything this big is a wrong file


def read_yaml(
    path: Path, *, shown_as: str | None = None, max_bytes: int = MAX_BYTES
) -> tuple[UserDoc | None, list[Problem]]:
    """Read and parse ``path``. An empty file gives a doc whose ``data`` is None, no problem."""
    shown = shown_as if shown_as is not None else display_path(path)
    text, problem = read_yaml_text(path, shown, max_bytes)
    if text is None:
        return None, [problem] if problem is not None else []
    return parse_yaml(text, shown)


def read_yaml_text(
    path: Path, shown: str, max_bytes: int = MAX_BYTES
) -> tuple[str | None, Problem | None]:
    """The text of ``path`` (core/userfile.py), for a caller that treats a file it cannot read
    apart from one it cannot parse; None and the one Problem when it cannot be read."""
    return read_user_text(
        path,
        shown,
        max_bytes,
        expect="a .yaml file",
        too_big_hint="is this the right file? split it into smaller packs",
    )


def parse_yaml(text: str, shown: str) -> tuple[UserDoc | None, list[Problem]]:
    """Parse one YAML document from ``text``; problems name ``shown`` as the file."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return UserDoc(shown, None, text=text), []
        builder = _Builder(loader, shown)
        data = builder.build(node, ())
        if builder.too_deep_line:
            return None, [too_deep(shown, builder.too_deep_line)]
        return (
            UserDoc(
                shown,
                data,
                builder.key_lines,
                builder.value_lines,
                frozenset(builder.blocks),
                text,
            ),
            builder.problems,
        )
    except yaml.MarkedYAMLError as err:
        return None, [_syntax_problem(err, text, shown)]
    except yaml.reader.ReaderError as err:
        # A control character: it carries a position, not a mark, and its str() spans two lines.
        # libyaml's position counts bytes, not characters; the reader stops at the first such
        # character, so its first occurrence is the one to point at.
        index = text.find(chr(err.character))
        line = text.count("\n", 0, index) + 1 if index >= 0 else 1
        return None, [
            Problem(
                shown,
                line,
                "",
                f"invisible control character U+{err.character:04X} in the text",
                "delete it: retype the line, or paste it as plain text",
            )
        ]
    except RecursionError:
        # Only the pure-Python composer recurses per level; libyaml stops at 1000 levels itself.
        return None, [too_deep(shown, 1)]
    finally:
        loader.dispose()


def _syntax_problem(err: yaml.MarkedYAMLError, text: str, shown: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark is not None else 1
    what = (err.problem or err.context or "syntax error").strip()
    if "nesting depth" in what:  # libyaml's own limit
        return too_deep(shown, line)
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
        # How many levels each built node holds, so an alias cannot stack depth past the limit.
        self.heights: dict[int, int] = {}
        self.active: set[int] = set()
        self.too_deep_line = 0  # where nesting first went past MAX_DEPTH; the doc is then refused

    def build(self, node: Node, path: KeyPath) -> object:
        line = node.start_mark.line + 1
        if len(path) > MAX_DEPTH:
            self.too_deep_line = self.too_deep_line or line
            return None
        if isinstance(node, ScalarNode) and node.style in ("|", ">"):
            self.blocks.add(path)
            line += 1  # a block's text starts on the line after its indicator
        self.value_lines.setdefault(path, line)
        known = self.built.get(id(node), _MISSING)
        if known is not _MISSING:
            if len(path) + self.heights.get(id(node), 0) > MAX_DEPTH:
                # The alias's own line: the node's mark is where its anchor was defined.
                self.too_deep_line = self.too_deep_line or self.value_lines.get(path[:-1], line)
                return None
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
        if not isinstance(node, ScalarNode):
            children = node.value if isinstance(node, SequenceNode) else [v for _, v in node.value]
            self.heights[id(node)] = 1 + max(
                (self.heights.get(id(c), 0) for c in children), default=0
            )
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
            if self._unsupported(key_node):
                continue
            # A key is a name: kept as written, never YAML 1.1's `on` → True or `1` → 1.
            key = key_node.value
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
