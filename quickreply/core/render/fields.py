"""What a template sees for each fill-in field: the typed value or default, checked for its kind."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from quickreply.core.limits import MAX_FIELD_VALUE, too_long
from quickreply.core.model import Field, Snippet
from quickreply.core.problems import Problem, did_you_mean
from quickreply.core.regions import SHORT_NAMES, suggest_region, typed_region
from quickreply.core.render.templates import RenderError
from quickreply.core.shop import parse_amount

#: Where a choice field may take its choices from instead of listing them (``choices_from``).
CHOICE_SOURCES: Mapping[str, tuple[str, ...]] = MappingProxyType({"regions": SHORT_NAMES})


def blank(value: str | None) -> bool:
    return value is None or not value.strip()


def choices_of(field: Field) -> tuple[str, ...]:
    """The choices a field offers: its own, else those of its ``choices_from`` source."""
    if field.choices:
        return field.choices
    return CHOICE_SOURCES.get(field.choices_from or "", ())


def missing_fields(snippet: Snippet, values: Mapping[str, str]) -> list[Field]:
    """Fields with neither a value nor a default: ask for these before pasting."""
    return [f for f in snippet.fields if blank(values.get(f.name)) and blank(f.default)]


def field_value(
    snippet: Snippet, field: Field, value: str | None, max_length: int = MAX_FIELD_VALUE
) -> object:
    """The value a template sees for ``field``; RenderError (at the field's line) if bad."""
    label = f"field '{field.name}' ({field.label})"
    shown = field.label or field.name
    raw = value if not blank(value) else field.default
    if raw is None or blank(raw):
        raise field_error(
            snippet,
            field,
            f"{label} has no value",
            "fill it in, or give the field a default",
            code="field.empty",
            label=shown,
        )
    if len(raw) > max_length:
        raise field_error(
            snippet,
            field,
            f"{label}: " + too_long("the value", len(raw), max_length),
            "shorten it",
            code="field.too_long",
            label=shown,
            length=str(len(raw)),
            limit=str(max_length),
        )
    text = raw.strip()
    if field.kind == "number":
        number = parse_amount(text)
        if number is None:
            raise field_error(
                snippet,
                field,
                f"{label}: '{text}' is not a number",
                "write digits, e.g. 99 or 98.5",
                code="field.not_number",
                label=shown,
                value=text,
            )
        return number
    if field.kind == "region":
        region = typed_region(text)
        if region is None:
            raise field_error(
                snippet,
                field,
                f"{label}: unknown region '{text}'",
                suggest_region(text),
                code="field.unknown_region",
                label=shown,
                value=text,
            )
        return region.short
    if field.kind == "choice":
        choices = choices_of(field)
        if choices and text not in choices:
            hint = did_you_mean(text, choices) or "choose one of " + "、".join(choices)
            raise field_error(
                snippet,
                field,
                f"{label}: '{text}' is not a choice",
                hint,
                code="field.not_choice",
                label=shown,
                value=text,
                choices="、".join(choices),
            )
    return raw


def sample(field: Field) -> str:
    """A plausible value for trying a template out: the default, else one of the kind."""
    if not blank(field.default):
        return field.default or ""
    if field.kind == "number":
        return "100"
    if field.kind == "region":
        return "广东"
    choices = choices_of(field)
    return choices[0] if choices else field.label or field.name


def field_error(
    snippet: Snippet, field: Field, message: str, hint: str, *, code: str = "", **args: str
) -> RenderError:
    """A bad or missing field value, reported at the field's line; ``code`` and ``args`` let
    the palette say it to the agent in the UI language (``ui/messages.py``)."""
    line = field.line or snippet.line
    where = f"snippet {snippet.id}"
    problem = Problem(snippet.path, line, where, message, hint, code=code, args=tuple(args.items()))
    return RenderError(message, problem)
