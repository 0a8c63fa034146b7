"""Rendering snippet templates in a sandbox: computed shop values, fill-in fields, variants.

Packs come from other people, so a template is untrusted input. It is rendered by a subclass of
Jinja2's ``ImmutableSandboxedEnvironment``, chosen over the plain ``SandboxedEnvironment``
because a reply has no business changing anything: the immutable sandbox also refuses methods
that modify lists, dicts and sets (``append``, ``update`` …), so a template can neither alter the
values it is handed nor grow a structure in a loop. On top of Jinja's sandbox this module:

* refuses what a reply never needs and escapes are built from: names starting with ``_``,
  ``str.format``/``format_map`` and the ``%`` operator on text, ``{% include %}``,
  ``{% import %}``, ``{% extends %}``, ``{% block %}`` and ``{% macro %}`` (there is no loader
  either), the globals ``lipsum``/``cycler``/``joiner``, and filters that can build huge text
  (``center``, ``indent``, ``wordwrap``, ``batch``, ``format`` …);
* bounds every runaway: ``range`` is capped, ``*``/``+``/``**``/``~``/``join``/``replace`` check
  the size of what they would build *before* building it, every loop iteration, call, attribute
  lookup and output chunk checks a wall-clock budget (50 ms by default), and the output length
  is capped, so a hostile template fails in well under 100 ms with one readable line;
* uses ``StrictUndefined``: an unknown name, a missing attribute or a field with no value is an
  error naming it. A reply is never pasted with a blank or ``{{ … }}`` left in it.

Template problems are reported at the line of the pack file: ``Snippet.variant_lines`` (or
``text_line``) is where the text starts, and template line *n* is file line ``start + n - 1``.
That is exact for ``|`` block scalars (what packs use); for quoted or folded scalars it is an
approximation (the start line is exact, later lines may be off).
"""

from __future__ import annotations

import random
import re
import time as _time
import types
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from types import MappingProxyType, TracebackType
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, meta, nodes
from jinja2.environment import Template
from jinja2.exceptions import SecurityError, TemplateError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace
from jinja2.visitor import NodeTransformer

from quickreply.core.model import Field, Snippet, Step
from quickreply.core.problems import Problem, Severity, did_you_mean
from quickreply.core.regions import SHORT_NAMES, lookup_region, suggest_region
from quickreply.core.shop import (
    ActivePromotion,
    BestPromotion,
    CourierChoice,
    FreeShipping,
    ShipDay,
    ShopProfile,
    ShopRuleError,
    active_promotions,
    best_promotion,
    chinese_date,
    courier_for,
    free_shipping_for,
    parse_amount,
    ship_day,
    weekday,
)

# The names docs/templates.md documents, besides a snippet's own fields.
COMPUTED_NAMES: tuple[str, ...] = (
    "shop_name",
    "agent_id",
    "today",
    "weekday",
    "now_time",
    "courier",
    "couriers",
    "courier_options",
    "free_shipping",
    "free_threshold",
    "promotions",
    "best_promotion",
    "ship_day",
    "cutoff",
    "cod_surcharge",
    "remote_regions",
)
TEMPLATE_GLOBALS: tuple[str, ...] = ("range", "namespace", "loop")

# What each computed object offers, for did-you-mean on `.nmae` and the lint rule.
_ATTRIBUTES: dict[type, tuple[str, tuple[str, ...]]] = {
    CourierChoice: ("courier(region)", ("name", "note", "only", "region")),
    FreeShipping: (
        "free_shipping(amount, region)",
        ("applies", "missing", "threshold", "excluded", "surcharge", "region"),
    ),
    ActivePromotion: ("a promotion", ("name", "summary", "ends", "starts")),
    BestPromotion: ("best_promotion(amount)", ("name", "saving", "price", "summary")),
    ShipDay: ("ship_day", ("today", "label", "time_left")),
}
_CALL_ATTRIBUTES = {
    "courier": _ATTRIBUTES[CourierChoice],
    "free_shipping": _ATTRIBUTES[FreeShipping],
    "best_promotion": _ATTRIBUTES[BestPromotion],
}
_NAME_ATTRIBUTES = {"ship_day": _ATTRIBUTES[ShipDay]}

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
_REFUSED_TAGS: dict[type[nodes.Node], str] = {
    nodes.Include: "{% include %} is not allowed: a reply cannot read other files",
    nodes.Import: "{% import %} is not allowed: a reply cannot read other files",
    nodes.FromImport: "{% from … import %} is not allowed: a reply cannot read other files",
    nodes.Extends: "{% extends %} is not allowed: a reply cannot read other files",
    nodes.Block: "{% block %} is not allowed in a reply",
    nodes.Macro: "{% macro %} is not allowed in a reply",
    nodes.CallBlock: "{% call %} is not allowed in a reply",
}
_NESTING = (nodes.For, nodes.If, nodes.With, nodes.FilterBlock, nodes.Filter, nodes.Call)
_NO_VALUES: Mapping[str, str] = MappingProxyType({})
_TEMPLATE_FILE = "<template>"


@dataclass(frozen=True, slots=True)
class Limits:
    """How much a template may do; generous for a chat reply, tiny for a runaway."""

    max_seconds: float = 0.05  # wall-clock budget per render, checked while rendering
    max_output: int = 200_000  # characters in the reply (a 50,000-character text pastes whole)
    max_value: int = 200_000  # characters/items in any value a template builds
    max_range: int = 10_000  # items in range(…)
    max_template: int = 200_000  # characters of template text
    max_nesting: int = 32  # blocks and expressions inside each other
    max_int_bits: int = 4_096  # size of integers from * and **


class RenderError(Exception):
    """A snippet cannot be rendered; ``str(err)`` is one readable line."""

    def __init__(self, message: str, problem: Problem | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problem = problem

    def __str__(self) -> str:
        return str(self.problem) if self.problem is not None else self.message


class _Refused(SecurityError):
    """Raised by the sandbox's own guards; its message is already the readable line."""


class _Budget:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = _time.perf_counter() + seconds

    def tick(self) -> None:
        if _time.perf_counter() > self.deadline:
            ms = round(self.seconds * 1000)
            raise _Refused(f"the template ran longer than {ms} ms and was stopped (simplify it)")


def _size(value: object) -> int | None:
    if isinstance(value, str | bytes | list | tuple):
        return len(value)
    return None


_GUARD_NAMES = frozenset({"_qr_iter", "_qr_concat"})  # the globals _Guard's calls use


class _Guard(NodeTransformer):
    """Routes every ``for`` loop and ``~`` concatenation through size- and time-checked helpers."""

    def __init__(self, environment: _Sandbox) -> None:
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


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with size caps, a time budget and fewer doors."""

    # Not folded at compile time, and checked here at run time: 'x' * 10**9 and 9**9**9 never
    # get built, and '%s' % … formatting never runs.
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, limits: Limits) -> None:
        super().__init__(autoescape=False, undefined=StrictUndefined, cache_size=0)
        self.limits = limits
        self.budget: _Budget | None = None
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
            raise _Refused(
                f"{what} would be {length} long, more than {self.limits.max_value}"
                " (make it smaller)"
            )

    def _range(self, *args: int) -> range:
        self.tick()
        numbers = range(*args)
        if len(numbers) > self.limits.max_range:
            shown = ", ".join(str(a) for a in args)
            raise _Refused(
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
            raise _Refused(
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
            raise _Refused(f"the power **{exponent} is too large for a template")
        if isinstance(base, int) and isinstance(exponent, int) and exponent > 0:
            self._check_bits(max(base.bit_length(), 1) * exponent)

    def _check_bits(self, bits: int) -> None:
        if bits > self.limits.max_int_bits:
            raise _Refused("the number would be too large for a template")

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
            raise _Refused(
                f"'{attribute}' is off limits: a template may not reach Python internals"
                " (remove it)"
            )
        if isinstance(obj, str | bytes) and hasattr(str, attribute):
            if attribute not in _TEXT_METHODS:
                raise _Refused(f"text has no '.{attribute}' in a template (use {{{{ name }}}})")
        elif isinstance(obj, int | float | Decimal) and hasattr(obj, attribute):
            raise _Refused(f"numbers have no '.{attribute}' in a template")

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        raise _Refused(f"'{attribute}' of {type(obj).__name__} is not allowed in a template")

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


@dataclass(frozen=True, slots=True)
class _Source:
    """One template of a snippet: a variant or a pasted macro step, with where it starts."""

    text: str
    line: int
    where: str


class Renderer:
    """Renders snippets with the shop's computed values, at the injected clock's time."""

    def __init__(
        self,
        shop: ShopProfile | None,
        clock: Callable[[], datetime],
        *,
        rng: random.Random | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.shop = shop
        self.clock = clock
        self.limits = limits or Limits()
        self._rng = rng if rng is not None else random.Random()
        self._env = _Sandbox(self.limits)
        self._shop_values = _shop_values(shop)
        self._compiled: dict[str, Template] = {}
        self._last_variant: dict[tuple[str | None, str], int] = {}

    # --- public API --------------------------------------------------------------------------

    def render(
        self,
        snippet: Snippet,
        values: Mapping[str, str] = _NO_VALUES,
        *,
        conversation: str | None = None,
    ) -> str:
        """The reply text: one variant (never the last one again for this conversation)."""
        sources = self._variant_sources(snippet)
        if not sources:
            return "\n".join(step.text for step in self.render_steps(snippet, values) if step.text)
        index = self._pick(snippet, len(sources), conversation)
        context = self._context(snippet, values)
        return self._render_source(snippet, sources[index], context)

    def render_variant(
        self, snippet: Snippet, index: int, values: Mapping[str, str] = _NO_VALUES
    ) -> str:
        """One given variant (previews and tests), without touching the no-repeat memory."""
        sources = self._variant_sources(snippet)
        return self._render_source(snippet, sources[index], self._context(snippet, values))

    def render_steps(
        self, snippet: Snippet, values: Mapping[str, str] = _NO_VALUES
    ) -> tuple[Step, ...]:
        """A macro's steps with every pasted text rendered."""
        context = self._context(snippet, values)
        out: list[Step] = []
        for i, step in enumerate(snippet.steps):
            if step.kind == "paste":
                source = _Source(step.text, snippet.line, f"snippet {snippet.id} step {i + 1}")
                step = Step("paste", self._render_source(snippet, source, context), step.ms)
            out.append(step)
        return tuple(out)

    def missing_fields(self, snippet: Snippet, values: Mapping[str, str]) -> list[Field]:
        """Fields with neither a value nor a default: ask for these before pasting."""
        return [f for f in snippet.fields if _blank(values.get(f.name)) and _blank(f.default)]

    def field_value(self, snippet: Snippet, field: Field, value: str | None) -> object:
        """The value a template sees for ``field``; RenderError (at the field's line) if bad."""
        label = f"field '{field.name}' ({field.label})"
        raw = value if not _blank(value) else field.default
        if raw is None or _blank(raw):
            raise _field_error(
                snippet, field, f"{label} has no value", "fill it in, or give the field a default"
            )
        text = raw.strip()
        if field.kind == "number":
            number = parse_amount(text)
            if number is None:
                raise _field_error(
                    snippet,
                    field,
                    f"{label}: '{text}' is not a number",
                    "write digits, e.g. 99 or 98.5",
                )
            return number
        if field.kind == "region":
            region = lookup_region(text)
            if region is None:
                raise _field_error(
                    snippet, field, f"{label}: unknown region '{text}'", suggest_region(text)
                )
            return region.short
        if field.kind == "choice":
            choices = _choices(field)
            if choices and text not in choices:
                hint = did_you_mean(text, choices) or "choose one of " + "、".join(choices)
                raise _field_error(snippet, field, f"{label}: '{text}' is not a choice", hint)
        return raw

    def check(self, snippet: Snippet) -> list[Problem]:
        """Template problems at the lines of the pack file (the lint rule uses this)."""
        problems: list[Problem] = []
        used: set[str] = set()
        unreadable = False  # the names a broken text uses are unknown: no unused-field warning
        field_names = {f.name for f in snippet.fields}
        known = set(COMPUTED_NAMES) | set(TEMPLATE_GLOBALS) | field_names
        for f in snippet.fields:
            if f.name in COMPUTED_NAMES:
                problems.append(
                    Problem(
                        snippet.path,
                        f.line or snippet.line,
                        f"snippet {snippet.id}",
                        f"field '{f.name}' hides the computed value '{f.name}'",
                        "rename the field",
                    )
                )
        for source in self._all_sources(snippet):
            ast, problem = self._parse(snippet, source)
            if ast is None:
                if problem is not None:
                    problems.append(problem)
                unreadable = True
                continue
            try:
                self._compile(snippet, source, ast)
            except RenderError as err:
                if err.problem is not None:
                    problems.append(err.problem)
                unreadable = True
                continue
            # Compiling may have routed loops and ~ through the guard's helpers, in place.
            names = meta.find_undeclared_variables(ast) - _GUARD_NAMES
            used |= names
            for name in sorted(names - known, key=lambda n: _first_line(ast, n)):
                hint = did_you_mean(name, sorted(known - {"loop"}))
                problems.append(
                    self._problem(
                        snippet,
                        source,
                        _first_line(ast, name),
                        f"unknown name '{name}'",
                        hint or "declare it under fields:, or see docs/templates.md for the names",
                    )
                )
            problems += self._attribute_problems(snippet, source, ast)
        for f in snippet.fields:
            if f.name not in used and not unreadable:
                problems.append(
                    Problem(
                        snippet.path,
                        f.line or snippet.line,
                        f"snippet {snippet.id}",
                        f"field '{f.name}' is declared but no text uses it",
                        f"remove it, or write {{{{ {f.name} }}}} in the text",
                        Severity.WARNING,
                    )
                )
        if not any(p.is_error for p in problems) and self.shop is not None:
            problems += self._trial(snippet)
        return problems

    # --- internals ---------------------------------------------------------------------------

    def _variant_sources(self, snippet: Snippet) -> list[_Source]:
        many = len(snippet.variants) > 1
        out = []
        for i, text in enumerate(snippet.variants):
            if i < len(snippet.variant_lines):
                line = snippet.variant_lines[i]
            else:
                line = snippet.text_line or snippet.line
            where = f"snippet {snippet.id}" + (f" variant {i + 1}" if many else "")
            out.append(_Source(text, line, where))
        return out

    def _all_sources(self, snippet: Snippet) -> list[_Source]:
        steps = [
            _Source(step.text, snippet.line, f"snippet {snippet.id} step {i + 1}")
            for i, step in enumerate(snippet.steps)
            if step.kind == "paste"
        ]
        return [*self._variant_sources(snippet), *steps]

    def pick_variant(self, snippet: Snippet, conversation: str | None = None) -> int:
        """A variant index for this conversation, never the one it got last; not recorded.

        The palette picks once per selection, previews that variant and pastes the same one,
        then calls :meth:`mark_used`: what the agent saw is what the buyer gets.
        """
        count = len(self._variant_sources(snippet))
        if count <= 1:
            return 0
        last = self._last_variant.get((conversation, snippet.id))
        return self._rng.choice([i for i in range(count) if i != last])

    def mark_used(self, snippet: Snippet, index: int, conversation: str | None = None) -> None:
        """Remember that ``conversation`` got variant ``index``, so it is not picked next."""
        key = (conversation, snippet.id)
        self._last_variant.pop(key, None)  # re-insert: the dict's order is the age order
        if len(self._last_variant) >= 10_000:  # forget the oldest conversations
            self._last_variant.pop(next(iter(self._last_variant)))
        self._last_variant[key] = index

    def _pick(self, snippet: Snippet, count: int, conversation: str | None) -> int:
        index = self.pick_variant(snippet, conversation) if count > 1 else 0
        if count > 1:
            self.mark_used(snippet, index, conversation)
        return index

    def _context(self, snippet: Snippet, values: Mapping[str, str]) -> dict[str, object]:
        context = self._computed(self.clock())
        for f in snippet.fields:
            context[f.name] = self.field_value(snippet, f, values.get(f.name))
        return context

    def _computed(self, now: datetime) -> dict[str, object]:
        if now.tzinfo is not None:  # shop times are local wall-clock times
            now = now.astimezone().replace(tzinfo=None)
        values: dict[str, object] = {
            "today": chinese_date(now),
            "weekday": weekday(now),
            "now_time": f"{now:%H:%M}",
            **self._shop_values,
        }
        shop = self.shop
        if shop is not None:
            values.update(
                promotions=active_promotions(shop, now),
                best_promotion=lambda amount: best_promotion(shop, amount, now),
                ship_day=ship_day(shop, now),
            )
        return values

    def _compile(
        self, snippet: Snippet, source: _Source, parsed: nodes.Template | None = None
    ) -> Template:
        """Compiled once per text; ``parsed`` (from _parse, rewritten in place) saves a parse."""
        template = self._compiled.get(source.text)
        if template is not None:
            return template
        ast, problem = (parsed, None) if parsed is not None else self._parse(snippet, source)
        if ast is None:
            assert problem is not None
            raise RenderError(problem.message, problem)
        try:
            template = self._env.from_string(_Guard(self._env).visit(ast))
        except TemplateSyntaxError as err:
            message = err.message or str(err)
            hint = ""
            unknown = re.match(r"No (filter|test) named '(.+?)'", message)
            if unknown:
                kind, word = unknown.groups()
                message = f"the {kind} '{word}' is not available in a reply"
                hint = "see docs/templates.md for the filters a reply may use"
            problem = self._problem(snippet, source, err.lineno or 1, message, hint)
            raise RenderError(problem.message, problem) from None
        except (RecursionError, MemoryError):
            problem = self._problem(snippet, source, 1, "the template is nested too deeply")
            raise RenderError(problem.message, problem) from None
        if len(self._compiled) >= 512:
            self._compiled.clear()
        self._compiled[source.text] = template
        return template

    def _parse(
        self, snippet: Snippet, source: _Source
    ) -> tuple[nodes.Template | None, Problem | None]:
        if len(source.text) > self.limits.max_template:
            return None, self._problem(
                snippet,
                source,
                1,
                f"the text is {len(source.text)} characters long,"
                f" more than {self.limits.max_template}",
                "split it into several snippets",
            )
        try:
            ast = self._env.parse(source.text)
        except TemplateSyntaxError as err:
            return None, self._problem(
                snippet,
                source,
                err.lineno or 1,
                f"template syntax error: {err.message}",
                _syntax_hint(err.message or ""),
            )
        except (RecursionError, MemoryError):
            return None, self._problem(
                snippet, source, 1, "the template is nested too deeply", "simplify it"
            )
        for node_type, message in _REFUSED_TAGS.items():
            for node in ast.find_all(node_type):
                return None, self._problem(
                    snippet, source, node.lineno, message, "write the text into this snippet"
                )
        deep = _too_deep(ast, self.limits.max_nesting)
        if deep is not None:
            return None, self._problem(
                snippet,
                source,
                deep,
                f"the template nests more than {self.limits.max_nesting} levels deep",
                "simplify it",
            )
        return ast, None

    def _render_source(
        self, snippet: Snippet, source: _Source, context: Mapping[str, object]
    ) -> str:
        template = self._compile(snippet, source)
        budget = _Budget(self.limits.max_seconds)
        self._env.budget = budget
        chunks: list[str] = []
        length = 0
        try:
            for chunk in template.generate(context):
                length += len(chunk)
                if length > self.limits.max_output:
                    raise _Refused(
                        f"the reply would be longer than {self.limits.max_output} characters"
                        " (shorten the text)"
                    )
                budget.tick()
                chunks.append(chunk)
        except RenderError:
            raise
        except Exception as err:
            line = _template_line(err.__traceback__)
            message, hint = self._explain(err, snippet, context)
            problem = self._problem(snippet, source, line, message, hint)
            raise RenderError(problem.message, problem) from None
        finally:
            self._env.budget = None
        return "".join(chunks).rstrip()

    def _explain(
        self, err: BaseException, snippet: Snippet, context: Mapping[str, object]
    ) -> tuple[str, str]:
        if isinstance(err, ShopRuleError | _Refused):
            return str(err), ""
        if isinstance(err, RecursionError):
            return "the template is nested too deeply", "simplify it"
        if isinstance(err, MemoryError):
            return "the template needs too much memory", "simplify it"
        if isinstance(err, SecurityError):
            return f"not allowed in a template: {err}", "remove it"
        if isinstance(err, UndefinedError):
            return self._explain_undefined(str(err.message or err), snippet, context)
        if isinstance(err, TemplateError):
            return str(err.message or err), ""
        return f"{type(err).__name__}: {err}", "check the values used on this line"

    def _explain_undefined(
        self, message: str, snippet: Snippet, context: Mapping[str, object]
    ) -> tuple[str, str]:
        name = re.fullmatch(r"'(.+)' is undefined", message)
        if name:
            word = name.group(1)
            if word in COMPUTED_NAMES:
                return (
                    f"'{word}' needs {_needs(word)}",
                    "add it to shop.yaml (docs/shop-profile.md)",
                )
            known = [*context, *TEMPLATE_GLOBALS[:2]]
            return f"unknown name '{word}'", did_you_mean(word, known) or (
                "declare it under fields:, or see docs/templates.md for the names"
            )
        attr = re.fullmatch(r"'(.+)' has no attribute '(.+)'", message)
        if attr:
            owner, word = attr.groups()
            if owner == "None":
                return (
                    f"a value here is none, so it has no '.{word}'",
                    "best_promotion(amount) is none when no promotion applies: test it with"
                    " {% if %} first",
                )
            for cls, (shown, attributes) in _ATTRIBUTES.items():
                if owner.endswith(f"{cls.__name__} object"):
                    hint = did_you_mean(word, attributes) or "it has " + ", ".join(
                        "." + a for a in attributes
                    )
                    return f"{shown} has no '.{word}'", hint
        return message, ""

    def _attribute_problems(
        self, snippet: Snippet, source: _Source, ast: nodes.Template
    ) -> list[Problem]:
        problems = []
        for node in ast.find_all(nodes.Getattr):
            target = node.node
            owner: tuple[str, tuple[str, ...]] | None = None
            if isinstance(target, nodes.Name):
                owner = _NAME_ATTRIBUTES.get(target.name)
            elif isinstance(target, nodes.Call) and isinstance(target.node, nodes.Name):
                owner = _CALL_ATTRIBUTES.get(target.node.name)
            if owner is not None and node.attr not in owner[1]:
                shown, attributes = owner
                hint = did_you_mean(node.attr, attributes) or "it has " + ", ".join(
                    "." + a for a in attributes
                )
                problems.append(
                    self._problem(
                        snippet, source, node.lineno, f"{shown} has no '.{node.attr}'", hint
                    )
                )
        return problems

    def _trial(self, snippet: Snippet) -> list[Problem]:
        """Render every template once with the field defaults (or samples), as a warning."""
        values = {f.name: _sample(f) for f in snippet.fields}
        try:
            context = self._context(snippet, values)
        except RenderError as err:
            return [_as_warning(err)]
        problems = []
        for source in self._all_sources(snippet):
            try:
                self._render_source(snippet, source, context)
            except RenderError as err:
                problems.append(_as_warning(err, "with the field defaults: "))
        return problems

    def _problem(
        self, snippet: Snippet, source: _Source, template_line: int, message: str, hint: str = ""
    ) -> Problem:
        line = source.line + max(template_line, 1) - 1 if source.line else 0
        return Problem(snippet.path, line, source.where, message, hint)


def _field_error(snippet: Snippet, field: Field, message: str, hint: str) -> RenderError:
    """A bad or missing field value, reported at the field's line."""
    line = field.line or snippet.line
    return RenderError(message, Problem(snippet.path, line, f"snippet {snippet.id}", message, hint))


def _shop_values(shop: ShopProfile | None) -> dict[str, object]:
    """The computed values that depend on the profile only, not on the time: built once."""
    if shop is None:
        return {}
    values: dict[str, object] = {
        "shop_name": shop.name,
        "agent_id": shop.agent_id,
        "couriers": "、".join(shop.couriers),
        "courier_options": shop.courier_options,
        "courier": lambda region=None: courier_for(shop, region),
        "cutoff": f"{shop.cutoff:%H:%M}",
        "cod_surcharge": shop.cod_surcharge,
    }
    if shop.free_shipping is not None:
        values.update(
            free_shipping=lambda amount, region=None: free_shipping_for(shop, amount, region),
            free_threshold=shop.free_shipping.threshold,
            remote_regions="、".join(shop.free_shipping.excluded),
        )
    return values


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def _choices(field: Field) -> tuple[str, ...]:
    if field.choices:
        return field.choices
    if field.choices_from == "regions":
        return SHORT_NAMES
    return ()


def _sample(field: Field) -> str:
    if not _blank(field.default):
        return field.default or ""
    if field.kind == "number":
        return "100"
    if field.kind == "region":
        return "广东"
    choices = _choices(field)
    return choices[0] if choices else field.label or field.name


def _as_warning(err: RenderError, prefix: str = "") -> Problem:
    p = err.problem or Problem("", 0, "", err.message)
    return Problem(p.path, p.line, p.where, prefix + p.message, p.hint, Severity.WARNING)


def _needs(name: str) -> str:
    if name in ("free_shipping", "free_threshold", "remote_regions"):
        return "free_shipping in the shop profile"
    if name in ("today", "weekday", "now_time"):
        return "the clock"
    return "a shop profile, and none is loaded"


def _first_line(ast: nodes.Template, name: str) -> int:
    lines = [n.lineno for n in ast.find_all(nodes.Name) if n.name == name and n.ctx == "load"]
    return min(lines) if lines else 1


def _too_deep(ast: nodes.Node, limit: int) -> int | None:
    """The line where nesting first goes past ``limit``, or None (iterative: no recursion)."""
    stack: list[tuple[nodes.Node, int]] = [(ast, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (_NESTING, nodes.Expr)):
            depth += 1
            if depth > limit:
                return getattr(node, "lineno", 1)
        stack.extend((child, depth) for child in node.iter_child_nodes())
    return None


def _template_line(tb: TracebackType | None) -> int:
    """The template line a runtime error happened on (Jinja rewrites its frames to it)."""
    line = 1
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == _TEMPLATE_FILE:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _syntax_hint(message: str) -> str:
    if "unknown tag" in message:
        return "only {% if %}, {% for %}, {% set %} and {% with %} work in a reply"
    if "end of template" in message or "endif" in message or "endfor" in message:
        return "every {% if %} needs {% endif %}, every {% for %} needs {% endfor %}"
    if "expected token" in message:
        return "check the brackets and quotes inside {{ }}"
    return "see docs/templates.md"


__all__ = [
    "COMPUTED_NAMES",
    "Limits",
    "RenderError",
    "Renderer",
]
