"""The hardened Jinja2 sandbox every template is rendered in: fewer doors, size caps, a time budget.

Packs come from other people, so a template is untrusted input. :class:`Sandbox` subclasses
Jinja2's ``ImmutableSandboxedEnvironment``, chosen over the plain ``SandboxedEnvironment``
because a reply has no business changing anything: the immutable sandbox also refuses methods
that modify lists, dicts and sets (``append``, ``update`` …), so a template can neither alter the
values it is handed nor grow a structure in a loop. On top of Jinja's sandbox it:

* refuses what a reply never needs and escapes are built from: names and attributes starting
  with ``_``, ``str.format``/``format_map`` and the ``%`` operator on text, the globals
  ``lipsum``/``cycler``/``joiner``, and filters that can build huge text (``center``,
  ``indent``, ``wordwrap``, ``batch``, ``format`` …); the tags a reply may not use are refused
  when a text is parsed (:data:`REFUSED_TAGS`, :func:`refused_name`);
* bounds every runaway: ``range`` is capped, ``*``/``+``/``**``/``~``/``join``/``replace`` check
  the size of what they would build *before* building it, and every loop iteration, call and
  attribute lookup checks a wall-clock :class:`Budget` (50 ms by default);
* uses ``StrictUndefined``: an unknown name, a missing attribute or a field with no value is an
  error naming it.

The numbers are :class:`Limits`, whose defaults come from core/limits.py.
"""

from __future__ import annotations

import time as _time
import types
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace
from jinja2.visitor import NodeTransformer

from quickreply.core.limits import (
    MAX_FIELD_VALUE,
    MAX_INT_BITS,
    MAX_NESTING,
    MAX_RANGE,
    MAX_REPLY,
    MAX_TEXT,
    MAX_VALUE,
    RENDER_SECONDS,
)

# Methods a template may call on text; everything else on str (format, center, zfill, encode …)
# is refused, because escapes and memory bombs are built from exactly those.
_TEXT_METHODS = frozenset((
    "lower", "upper", "strip", "lstrip", "rstrip", "startswith", "endswith", "replace", "split",
    "rsplit", "splitlines", "title", "capitalize", "count", "find", "rfind", "index", "rindex",
    "isdigit", "isnumeric", "isdecimal", "isalpha", "isalnum", "isspace", "join", "partition",
    "rpartition", "casefold", "removeprefix", "removesuffix",
))  # fmt: skip
_SAFE_FILTERS = (
    "abs", "capitalize", "count", "d", "default", "dictsort", "first", "float", "int", "items",
    "last", "length", "list", "lower", "map", "max", "min", "reject", "rejectattr", "reverse",
    "round", "select", "selectattr", "sort", "string", "sum", "title", "trim", "truncate",
    "unique", "upper", "wordcount", "attr",
)  # fmt: skip
REFUSED_TAGS: dict[type[nodes.Node], str] = {
    nodes.Include: "{% include %} is not allowed: a reply cannot read other files",
    nodes.Import: "{% import %} is not allowed: a reply cannot read other files",
    nodes.FromImport: "{% from … import %} is not allowed: a reply cannot read other files",
    nodes.Extends: "{% extends %} is not allowed: a reply cannot read other files",
    nodes.Block: "{% block %} is not allowed in a reply",
    nodes.Macro: "{% macro %} is not allowed in a reply",
    nodes.CallBlock: "{% call %} is not allowed in a reply",
}
NESTING = (nodes.For, nodes.If, nodes.With, nodes.FilterBlock, nodes.Filter, nodes.Call)


@dataclass(frozen=True, slots=True)
class Limits:
    """How much a template may do; generous for a chat reply, tiny for a runaway."""

    max_seconds: float = RENDER_SECONDS  # wall-clock budget per render, checked while rendering
    max_output: int = MAX_REPLY  # characters in the reply
    max_value: int = MAX_VALUE  # characters/items in any value a template builds
    max_range: int = MAX_RANGE  # items in range(…)
    max_template: int = MAX_TEXT  # characters of template text
    max_field_value: int = MAX_FIELD_VALUE  # characters in a value typed into a field
    max_nesting: int = MAX_NESTING  # blocks and expressions inside each other
    max_int_bits: int = MAX_INT_BITS  # size of integers from * and **


def refused_name(ast: nodes.Template, text: str) -> tuple[int, str] | None:
    """The line and name of the first name starting with ``_`` in a parsed template, or None.

    Attribute lookups are refused again at run time (``getattr``/``getitem``); this catches what
    never reaches them: ``{% set ns.__class__ = 1 %}``, ``{% set _x = … %}``, ``f(_x=1)``.
    """
    found: list[tuple[int, int, str]] = []
    lines = text.splitlines()
    for node in ast.find_all((nodes.Name, nodes.NSRef, nodes.Getattr, nodes.Keyword)):
        if isinstance(node, nodes.Name):
            name = node.name
        elif isinstance(node, nodes.NSRef | nodes.Getattr):
            name = node.attr
        else:
            assert isinstance(node, nodes.Keyword)
            name = node.key
        if name.startswith("_"):
            # Nodes have no column: the first one written on the line is the one to name.
            column = lines[node.lineno - 1].find(name) if node.lineno <= len(lines) else 0
            found.append((node.lineno, column, name))
    if not found:
        return None
    line, _, name = min(found)
    return line, name


def too_deep(ast: nodes.Node, limit: int) -> int | None:
    """The line where nesting first goes past ``limit``, or None (iterative: no recursion)."""
    stack: list[tuple[nodes.Node, int]] = [(ast, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (NESTING, nodes.Expr)):
            depth += 1
            if depth > limit:
                return getattr(node, "lineno", 1)
        stack.extend((child, depth) for child in node.iter_child_nodes())
    return None


class Refused(SecurityError):
    """Raised by the sandbox's own guards; its message is already the readable line."""


class Budget:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = _time.perf_counter() + seconds

    def tick(self) -> None:
        if _time.perf_counter() > self.deadline:
            ms = round(self.seconds * 1000)
            raise Refused(f"the template ran longer than {ms} ms and was stopped (simplify it)")


def _size(value: object) -> int | None:
    if isinstance(value, str | bytes | list | tuple):
        return len(value)
    return None


GUARD_NAMES = frozenset({"_qr_iter", "_qr_concat"})  # the globals Guard's calls use


class Guard(NodeTransformer):
    """Routes every ``for`` loop and ``~`` concatenation through size- and time-checked helpers."""

    def __init__(self, environment: Sandbox) -> None:
        self.environment = environment

    def _call(self, name: str, args: list[nodes.Expr], lineno: int) -> nodes.Call:
        call = nodes.Call(nodes.Name(name, "load"), args, [], None, None)
        call.set_lineno(lineno)
        call.set_environment(self.environment)
        return call

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)  # transforms the children in place
        if not node.recursive:
            iterable = node.iter
            assert isinstance(iterable, nodes.Expr)
            node.iter = self._call("_qr_iter", [iterable], node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return self._call("_qr_concat", list(node.nodes), node.lineno)


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with size caps, a time budget and fewer doors."""

    # Not folded at compile time, and checked here at run time: 'x' * 10**9 and 9**9**9 never
    # get built, and '%s' % … formatting never runs.
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, limits: Limits) -> None:
        super().__init__(autoescape=False, undefined=StrictUndefined, cache_size=0)
        self.limits = limits
        self.budget: Budget | None = None
        self.globals.clear()
        self.globals.update(
            range=self._range,
            namespace=Namespace,
            _qr_iter=self._iter,
            _qr_concat=self._concat,
        )
        kept = {name: self.filters[name] for name in _SAFE_FILTERS}
        kept["join"] = self._join
        kept["replace"] = self._replace
        self.filters = kept

    # --- budget and sizes --------------------------------------------------------------------

    def tick(self) -> None:
        if self.budget is not None:
            self.budget.tick()

    def _fits(self, length: int, what: str) -> None:
        if length > self.limits.max_value:
            raise Refused(
                f"{what} would be {length} long, more than {self.limits.max_value}"
                " (make it smaller)"
            )

    def _range(self, *args: int) -> range:
        self.tick()
        numbers = range(*args)
        if len(numbers) > self.limits.max_range:
            shown = ", ".join(str(a) for a in args)
            raise Refused(
                f"range({shown}) has {len(numbers)} items, more than {self.limits.max_range}"
                " (count to less)"
            )
        return numbers

    def _iter(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.tick()
            yield item

    def _concat(self, *parts: object) -> str:
        self.tick()
        texts = [str(p) for p in parts]
        self._fits(sum(len(t) for t in texts), "the joined text")
        return "".join(texts)

    def _join(self, value: Iterable[Any], d: str = "", attribute: str | None = None) -> str:
        self.tick()
        items = list(value)
        self._fits(len(items), "the list")
        if attribute is not None:
            items = [self.getattr(item, attribute) for item in items]
        texts = [str(i) for i in items]
        self._fits(sum(len(t) for t in texts) + len(str(d)) * max(len(texts) - 1, 0), "the text")
        return str(d).join(texts)

    def _replace(self, s: object, old: str, new: str, count: int | None = None) -> str:
        self.tick()
        text, old, new = str(s), str(old), str(new)
        hits = (len(text) + 1 if not old else text.count(old)) if count is None else count
        hits = max(0, min(hits, len(text) + 1))
        self._fits(len(text) + hits * max(len(new) - len(old), 0), "the replaced text")
        return text.replace(old, new, -1 if count is None else count)

    # --- sandbox hooks -----------------------------------------------------------------------

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.tick()
        if operator == "%" and isinstance(left, str | bytes):
            raise Refused(
                "'%' formatting of text is not allowed in a template (write {{ name }} instead)"
            )
        if operator == "**":
            self._check_power(left, right)
        elif operator == "*":
            for seq, times in ((left, right), (right, left)):
                size = _size(seq)
                if size is not None and isinstance(times, int):
                    self._fits(size * max(times, 0), "the repeated value")
            if isinstance(left, int) and isinstance(right, int):
                self._check_bits(left.bit_length() + right.bit_length())
        elif operator == "+":
            left_size, right_size = _size(left), _size(right)
            if left_size is not None and right_size is not None:
                self._fits(left_size + right_size, "the joined value")
        return super().call_binop(context, operator, left, right)

    def _check_power(self, base: Any, exponent: Any) -> None:
        if not isinstance(exponent, int | float | Decimal) or not -1000 <= exponent <= 1000:
            raise Refused(f"the power **{exponent} is too large for a template")
        if isinstance(base, int) and isinstance(exponent, int) and exponent > 0:
            self._check_bits(max(base.bit_length(), 1) * exponent)

    def _check_bits(self, bits: int) -> None:
        if bits > self.limits.max_int_bits:
            raise Refused("the number would be too large for a template")

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.tick()
        self._check_attribute(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.tick()
        if isinstance(argument, str):
            self._check_attribute(obj, argument)
        return super().getitem(obj, argument)

    def _check_attribute(self, obj: Any, attribute: str) -> None:
        if attribute.startswith("_"):
            raise Refused(
                f"'{attribute}' is off limits: a template may not reach Python internals"
                " (remove it)"
            )
        if isinstance(obj, str | bytes) and hasattr(str, attribute):
            if attribute not in _TEXT_METHODS:
                raise Refused(f"text has no '.{attribute}' in a template (use {{{{ name }}}})")
        elif isinstance(obj, int | float | Decimal) and hasattr(obj, attribute):
            raise Refused(f"numbers have no '.{attribute}' in a template")

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        raise Refused(f"'{attribute}' of {type(obj).__name__} is not allowed in a template")

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.tick()
        owner = getattr(__obj, "__self__", None)
        if isinstance(__obj, types.BuiltinMethodType) and isinstance(owner, str):
            __self._check_text_call(owner, __obj.__name__, args)
        return super().call(__context, __obj, *args, **kwargs)

    def _check_text_call(self, text: str, name: str, args: Sequence[Any]) -> None:
        if name == "replace" and len(args) >= 2:
            self._replace(text, args[0], args[1], args[2] if len(args) > 2 else None)
        elif name == "join" and args:
            items = [str(i) for i in list(args[0])]
            self._fits(sum(len(i) for i in items) + len(text) * len(items), "the joined text")
