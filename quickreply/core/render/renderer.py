"""The renderer: a snippet's variant, macro steps and fields turned into the text a buyer gets.

Every text runs in the hardened sandbox (``sandbox.py``) with the shop's computed values
(``names.py``) and the snippet's field values (``fields.py``) at the injected clock's time. A
reply is never pasted with a blank or ``{{ … }}`` left in it: any problem is a
:class:`RenderError` whose line names the pack file's line. Which variant a buyer got last is
kept in a :class:`VariantMemory` that the composition root shares across reloads.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from types import MappingProxyType

from jinja2.exceptions import SecurityError, TemplateError, UndefinedError

from quickreply.core.images import ImageRef, PackImage, read_image
from quickreply.core.model import Field, Snippet, Step
from quickreply.core.packs.reports import snippet_where
from quickreply.core.problems import Problem, closest, did_you_mean
from quickreply.core.render import fields as fieldvalues
from quickreply.core.render.names import (
    ATTRIBUTES,
    COMPUTED_NAMES,
    TEMPLATE_GLOBALS,
    computed,
    needs,
    shop_values,
)
from quickreply.core.render.sandbox import Budget, Limits, Refused, Sandbox
from quickreply.core.render.templates import (
    Compiler,
    RenderError,
    Source,
    problem_at,
    step_source,
    template_line,
    variant_sources,
)
from quickreply.core.render.variants import VariantMemory
from quickreply.core.shop import ShopProfile, ShopRuleError

_NO_VALUES: Mapping[str, str] = MappingProxyType({})


class Renderer:
    """Renders snippets with the shop's computed values, at the injected clock's time.

    ``variants`` is the no-repeat memory; pass the same one to every renderer that replaces
    this one (a reload) so a buyer never gets the same variant twice in a row. Without it the
    renderer keeps its own, picking with ``rng``.
    """

    def __init__(
        self,
        shop: ShopProfile | None,
        clock: Callable[[], datetime],
        *,
        rng: random.Random | None = None,
        limits: Limits | None = None,
        variants: VariantMemory | None = None,
    ) -> None:
        self.shop = shop
        self.clock = clock
        self.limits = limits or Limits()
        self.variants = variants if variants is not None else VariantMemory(rng)
        self.env = Sandbox(self.limits)
        self.compiler = Compiler(self.env)
        self._shop_values = shop_values(shop)

    # --- public API --------------------------------------------------------------------------

    def render(
        self,
        snippet: Snippet,
        values: Mapping[str, str] = _NO_VALUES,
        *,
        conversation: str | None = None,
    ) -> str:
        """The reply text: one variant (never the last one again for this conversation)."""
        sources = variant_sources(snippet)
        if not sources:
            return "\n".join(step.text for step in self.render_steps(snippet, values) if step.text)
        index = self.pick_variant(snippet, conversation)
        context = self.context(snippet, values)
        text = self.render_source(snippet, sources[index], context)
        if len(sources) > 1:
            self.mark_used(snippet, index, conversation)
        return text

    def render_variant(
        self, snippet: Snippet, index: int, values: Mapping[str, str] = _NO_VALUES
    ) -> str:
        """One given variant (previews and tests), without touching the no-repeat memory."""
        sources = variant_sources(snippet)
        return self.render_source(snippet, sources[index], self.context(snippet, values))

    def render_steps(
        self, snippet: Snippet, values: Mapping[str, str] = _NO_VALUES
    ) -> tuple[Step, ...]:
        """A macro's steps with every pasted text rendered."""
        context = self.context(snippet, values)
        out: list[Step] = []
        for i, step in enumerate(snippet.steps):
            if step.kind == "paste":
                text = self.render_source(snippet, step_source(snippet, i), context)
                step = Step("paste", text, step.ms, step.line)
            elif step.kind == "image":
                data = self.image(snippet, step.text, step.line).data
                step = Step("image", step.text, step.ms, step.line, data)
            out.append(step)
        return tuple(out)

    def image(self, snippet: Snippet, written: str = "", line: int = 0) -> PackImage:
        """The image ``written`` (default: the reply's ``image:``) read from the pack's folder,
        checked as lint checks it; RenderError at the pack file's line when it cannot be had."""
        ref = ImageRef(
            snippet.path or "quickreply",
            line or snippet.image_line or snippet.line,
            snippet_where(snippet.id),
            snippet.folder,
            written or snippet.image,
        )
        image, problem = read_image(ref)
        if image is None:
            assert problem is not None
            raise RenderError(problem.message, problem)
        return image

    def missing_fields(self, snippet: Snippet, values: Mapping[str, str]) -> list[Field]:
        """Fields with neither a value nor a default: ask for these before pasting."""
        return fieldvalues.missing_fields(snippet, values)

    def field_value(self, snippet: Snippet, field: Field, value: str | None) -> object:
        """The value a template sees for ``field``; RenderError (at the field's line) if bad."""
        return fieldvalues.field_value(snippet, field, value, self.limits.max_field_value)

    def check(self, snippet: Snippet) -> list[Problem]:
        """Template problems at the lines of the pack file (core/render/checks.py)."""
        from quickreply.core.render.checks import check_snippet  # checks build on the renderer

        return check_snippet(self, snippet)

    def pick_variant(self, snippet: Snippet, conversation: str | None = None) -> int:
        """A variant index for this conversation, never the one it got last; not recorded.

        The palette picks once per selection, previews that variant and pastes the same one,
        then calls :meth:`mark_used`: what the agent saw is what the buyer gets.
        """
        return self.variants.pick(snippet.id, len(snippet.variants), conversation)

    def mark_used(self, snippet: Snippet, index: int, conversation: str | None = None) -> None:
        """Remember that ``conversation`` got variant ``index``, so it is not picked next."""
        self.variants.mark(snippet.id, index, conversation)

    # --- what the template checks build on -----------------------------------------------------

    def context(self, snippet: Snippet, values: Mapping[str, str]) -> dict[str, object]:
        """The computed values now, and each field's value (RenderError if one is bad)."""
        context = computed(self.shop, self._shop_values, self.clock())
        for f in snippet.fields:
            context[f.name] = self.field_value(snippet, f, values.get(f.name))
        return context

    def render_source(self, snippet: Snippet, source: Source, context: Mapping[str, object]) -> str:
        """One text rendered within the limits; RenderError at the pack file's line."""
        template = self.compiler.compile(snippet, source)
        budget = Budget(self.limits.max_seconds)
        self.env.budget = budget
        chunks: list[str] = []
        length = 0
        try:
            for chunk in template.generate(context):
                length += len(chunk)
                if length > self.limits.max_output:
                    raise Refused(
                        f"the reply would be longer than {self.limits.max_output} characters"
                        " (shorten the text)"
                    )
                budget.tick()
                chunks.append(chunk)
        except RenderError:
            raise
        except Exception as err:
            line = template_line(err.__traceback__)
            message, hint = self._explain(err, context)
            code, args = _undefined_code(err, context)
            problem = problem_at(snippet, source, line, message, hint, code=code, **args)
            raise RenderError(problem.message, problem) from None
        finally:
            self.env.budget = None
        return "".join(chunks).rstrip()

    # --- internals ---------------------------------------------------------------------------

    def _explain(self, err: BaseException, context: Mapping[str, object]) -> tuple[str, str]:
        if isinstance(err, ShopRuleError | Refused):
            return str(err), ""
        if isinstance(err, RecursionError):
            return "the template is nested too deeply", "simplify it"
        if isinstance(err, MemoryError):
            return "the template needs too much memory", "simplify it"
        if isinstance(err, SecurityError):
            return f"not allowed in a template: {err}", "remove it"
        if isinstance(err, UndefinedError):
            return _explain_undefined(str(err.message or err), context)
        if isinstance(err, TemplateError):
            return str(err.message or err), ""
        return f"{type(err).__name__}: {err}", "check the values used on this line"


def _undefined_code(
    err: BaseException, context: Mapping[str, object]
) -> tuple[str, dict[str, str]]:
    """The code and args of an unknown name, as the linter gives them (``Renderer.check``), so
    the editor's preview says it in the UI language too; ("", {}) for anything else."""
    found = (
        re.fullmatch(r"'(.+)' is undefined", str(err)) if isinstance(err, UndefinedError) else None
    )
    if found is None or found.group(1) in COMPUTED_NAMES:
        return "", {}
    word = found.group(1)
    close = closest(word, [*context, *TEMPLATE_GLOBALS[:2]])
    code = "template.unknown_name_close" if close else "template.unknown_name"
    return code, {"name": word, "close": close}


def _explain_undefined(message: str, context: Mapping[str, object]) -> tuple[str, str]:
    name = re.fullmatch(r"'(.+)' is undefined", message)
    if name:
        word = name.group(1)
        if word in COMPUTED_NAMES:
            return (
                f"'{word}' needs {needs(word)}",
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
        for cls, (shown, attributes) in ATTRIBUTES.items():
            if owner.endswith(f"{cls.__name__} object"):
                hint = did_you_mean(word, attributes) or "it has " + ", ".join(
                    "." + a for a in attributes
                )
                return f"{shown} has no '.{word}'", hint
    return message, ""
