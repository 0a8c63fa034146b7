"""The template checks ``quickreply lint`` and the editor run on a snippet without pasting it.

Each text is parsed and compiled in the renderer's sandbox; names that are neither computed
values, template globals nor declared fields are reported (with a did-you-mean), as are
attribute typos on computed values, fields no text uses and, with a shop profile loaded, texts
that fail to render with their field defaults. Problems point at the pack file's lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2 import meta, nodes

from quickreply.core.model import Snippet
from quickreply.core.problems import Problem, Severity, closest, did_you_mean
from quickreply.core.render.fields import sample
from quickreply.core.render.names import (
    CALL_ATTRIBUTES,
    COMPUTED_NAMES,
    NAME_ATTRIBUTES,
    TEMPLATE_GLOBALS,
)
from quickreply.core.render.sandbox import GUARD_NAMES
from quickreply.core.render.templates import RenderError, Source, all_sources, problem_at

if TYPE_CHECKING:
    from quickreply.core.render.renderer import Renderer


def check_snippet(renderer: Renderer, snippet: Snippet) -> list[Problem]:
    """Template problems of ``snippet`` at the lines of its pack file."""
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
                    code="template.field_hides",
                    args=(("name", f.name),),
                )
            )
    for source in all_sources(snippet):
        if _plain(renderer, source):
            continue  # uses no names and cannot fail: nothing to parse (lint of 37k: -5 s)
        ast, problem = renderer.compiler.parse(snippet, source)
        if ast is None:
            if problem is not None:
                problems.append(problem)
            unreadable = True
            continue
        try:
            renderer.compiler.compile(snippet, source, ast)
        except RenderError as err:
            if err.problem is not None:
                problems.append(err.problem)
            unreadable = True
            continue
        # Compiling may have routed loops and ~ through the guard's helpers, in place.
        names = meta.find_undeclared_variables(ast) - GUARD_NAMES
        used |= names
        for name in sorted(names - known, key=lambda n: _first_line(ast, n)):
            close = closest(name, sorted(known - {"loop"}))
            hint = f"did you mean '{close}'?" if close else ""
            problems.append(
                problem_at(
                    snippet,
                    source,
                    _first_line(ast, name),
                    f"unknown name '{name}'",
                    hint or "declare it under fields:, or see docs/templates.md for the names",
                    code="template.unknown_name_close" if close else "template.unknown_name",
                    name=name,
                    close=close,
                )
            )
        problems += _attribute_problems(snippet, source, ast)
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
                    code="template.field_unused",
                    args=(("name", f.name),),
                )
            )
    if not any(p.is_error for p in problems) and renderer.shop is not None:
        problems += _trial(renderer, snippet)
    return problems


def _attribute_problems(snippet: Snippet, source: Source, ast: nodes.Template) -> list[Problem]:
    problems = []
    for node in ast.find_all(nodes.Getattr):
        target = node.node
        owner: tuple[str, tuple[str, ...]] | None = None
        if isinstance(target, nodes.Name):
            owner = NAME_ATTRIBUTES.get(target.name)
        elif isinstance(target, nodes.Call) and isinstance(target.node, nodes.Name):
            owner = CALL_ATTRIBUTES.get(target.node.name)
        if owner is not None and node.attr not in owner[1]:
            shown, attributes = owner
            known = ", ".join("." + a for a in attributes)
            hint = did_you_mean(node.attr, attributes) or "it has " + known
            message = f"{shown} has no '.{node.attr}'"
            problems.append(
                problem_at(
                    snippet,
                    source,
                    node.lineno,
                    message,
                    hint,
                    code="template.attribute",
                    owner=shown,
                    attribute=node.attr,
                    known=known,
                )
            )
    return problems


def _trial(renderer: Renderer, snippet: Snippet) -> list[Problem]:
    """Render every template once with the field defaults (or samples), as a warning."""
    values = {f.name: sample(f) for f in snippet.fields}
    try:
        context = renderer.context(snippet, values)
    except RenderError as err:
        return [_as_warning(err)]
    problems = []
    for source in all_sources(snippet):
        if _plain(renderer, source):
            continue  # renders as itself
        try:
            renderer.render_source(snippet, source, context)
        except RenderError as err:
            problems.append(_as_warning(err, "with the field defaults: "))
    return problems


def _plain(renderer: Renderer, source: Source) -> bool:
    """Text without template syntax, within the limits: it renders as itself.

    Every Jinja delimiter starts with ``{`` (no line statements are configured), so such a
    text needs no parse and no compile; most replies in a big pack are like this.
    """
    limits = renderer.limits
    return "{" not in source.text and len(source.text) <= min(
        limits.max_template, limits.max_output
    )


def _as_warning(err: RenderError, prefix: str = "") -> Problem:
    p = err.problem or Problem("", 0, "", err.message)
    # The code and args stay: the editor says the underlying problem in the UI language.
    return Problem(
        p.path, p.line, p.where, prefix + p.message, p.hint, Severity.WARNING, p.code, p.args
    )


def _first_line(ast: nodes.Template, name: str) -> int:
    lines = [n.lineno for n in ast.find_all(nodes.Name) if n.name == name and n.ctx == "load"]
    return min(lines) if lines else 1
