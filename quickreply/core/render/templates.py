"""Turning a snippet's texts into compiled sandbox templates whose errors name the pack file's line.

Template problems are reported at the line of the pack file: ``Snippet.variant_lines`` (or
``text_line``) is where the text starts, and template line *n* is file line ``start + n - 1``.
That is exact for ``|`` block scalars (what packs use); for quoted or folded scalars it is an
approximation (the start line is exact, later lines may be off).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import TracebackType

from jinja2 import TemplateSyntaxError, nodes
from jinja2.environment import Template

from quickreply.core.limits import too_long
from quickreply.core.model import Snippet
from quickreply.core.problems import Problem
from quickreply.core.render.sandbox import REFUSED_TAGS, Guard, Sandbox, refused_name, too_deep

_TEMPLATE_FILE = "<template>"  # the file name Jinja gives templates built from a string
_CACHE_SIZE = 512


class RenderError(Exception):
    """A snippet cannot be rendered; ``str(err)`` is one readable line."""

    def __init__(self, message: str, problem: Problem | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problem = problem

    def __str__(self) -> str:
        return str(self.problem) if self.problem is not None else self.message


@dataclass(frozen=True, slots=True)
class Source:
    """One template of a snippet: a variant or a pasted macro step, with where it starts."""

    text: str
    line: int
    where: str


def variant_sources(snippet: Snippet) -> list[Source]:
    many = len(snippet.variants) > 1
    out = []
    for i, text in enumerate(snippet.variants):
        if i < len(snippet.variant_lines):
            line = snippet.variant_lines[i]
        else:
            line = snippet.text_line or snippet.line
        where = f"snippet {snippet.id}" + (f" variant {i + 1}" if many else "")
        out.append(Source(text, line, where))
    return out


def step_source(snippet: Snippet, index: int) -> Source:
    return Source(snippet.steps[index].text, snippet.line, f"snippet {snippet.id} step {index + 1}")


def all_sources(snippet: Snippet) -> list[Source]:
    steps = [step_source(snippet, i) for i, s in enumerate(snippet.steps) if s.kind == "paste"]
    return [*variant_sources(snippet), *steps]


def problem_at(
    snippet: Snippet,
    source: Source,
    template_line: int,
    message: str,
    hint: str = "",
    *,
    code: str = "",
    **args: str,
) -> Problem:
    """A problem at template line ``template_line`` of ``source``, as a pack-file line;
    ``code`` and ``args`` are for the UI's own sentence (``ui/messages.py``)."""
    line = source.line + max(template_line, 1) - 1 if source.line else 0
    return Problem(
        snippet.path, line, source.where, message, hint, code=code, args=tuple(args.items())
    )


class Compiler:
    """Parses, checks and compiles texts in one sandbox; compiled templates are kept by text."""

    def __init__(self, env: Sandbox) -> None:
        self.env = env
        self._compiled: dict[str, Template] = {}

    def compile(
        self, snippet: Snippet, source: Source, parsed: nodes.Template | None = None
    ) -> Template:
        """Compiled once per text; ``parsed`` (from :meth:`parse`, rewritten in place) saves a
        parse. Raises RenderError."""
        template = self._compiled.get(source.text)
        if template is not None:
            return template
        ast, problem = (parsed, None) if parsed is not None else self.parse(snippet, source)
        if ast is None:
            assert problem is not None
            raise RenderError(problem.message, problem)
        try:
            template = self.env.from_string(Guard(self.env).visit(ast))
        except TemplateSyntaxError as err:
            message = err.message or str(err)
            hint = ""
            unknown = re.match(r"No (filter|test) named '(.+?)'", message)
            if unknown:
                kind, word = unknown.groups()
                message = f"the {kind} '{word}' is not available in a reply"
                hint = "see docs/templates.md for the filters a reply may use"
            problem = problem_at(snippet, source, err.lineno or 1, message, hint)
            raise RenderError(problem.message, problem) from None
        except (RecursionError, MemoryError):
            problem = problem_at(snippet, source, 1, "the template is nested too deeply")
            raise RenderError(problem.message, problem) from None
        if len(self._compiled) >= _CACHE_SIZE:
            self._compiled.clear()
        self._compiled[source.text] = template
        return template

    def parse(
        self, snippet: Snippet, source: Source
    ) -> tuple[nodes.Template | None, Problem | None]:
        """The template's syntax tree, or the first reason it is refused."""
        limits = self.env.limits
        if len(source.text) > limits.max_template:
            message = too_long("the text", len(source.text), limits.max_template)
            return None, problem_at(snippet, source, 1, message, "split it into several snippets")
        try:
            ast = self.env.parse(source.text)
        except TemplateSyntaxError as err:
            return None, problem_at(
                snippet,
                source,
                err.lineno or 1,
                f"template syntax error: {err.message}",
                syntax_hint(err.message or ""),
                code="template.syntax",
                line=str(err.lineno or 1),
            )
        except (RecursionError, MemoryError):
            return None, problem_at(
                snippet, source, 1, "the template is nested too deeply", "simplify it"
            )
        for node_type, message in REFUSED_TAGS.items():
            for node in ast.find_all(node_type):
                return None, problem_at(
                    snippet, source, node.lineno, message, "write the text into this snippet"
                )
        underscore = refused_name(ast, source.text)
        if underscore is not None:
            line, name = underscore
            message = f"'{name}' is off limits: a template may not use names starting with '_'"
            return None, problem_at(snippet, source, line, message, "rename it")
        deep = too_deep(ast, limits.max_nesting)
        if deep is not None:
            return None, problem_at(
                snippet,
                source,
                deep,
                f"the template nests more than {limits.max_nesting} levels deep",
                "simplify it",
            )
        return ast, None


def template_line(tb: TracebackType | None) -> int:
    """The template line a runtime error happened on (Jinja rewrites its frames to it)."""
    line = 1
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == _TEMPLATE_FILE:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def syntax_hint(message: str) -> str:
    if "unknown tag" in message:
        return "only {% if %}, {% for %}, {% set %} and {% with %} work in a reply"
    if "end of template" in message or "endif" in message or "endfor" in message:
        return "every {% if %} needs {% endif %}, every {% for %} needs {% endfor %}"
    if "expected token" in message:
        return "check the brackets and quotes inside {{ }}"
    return "see docs/templates.md"
