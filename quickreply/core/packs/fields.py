"""Reading a snippet's ``fields:`` (what is asked before pasting) from a parsed pack file."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from quickreply.core.model import Field
from quickreply.core.packs.format import FIELD_KEYS, FIELD_KINDS, FIELD_NAME_RE
from quickreply.core.packs.values import ValueReader, as_text, type_name
from quickreply.core.problems import did_you_mean
from quickreply.core.userdoc import KeyPath


def read_fields(r: ValueReader, at: KeyPath, where: str, item: dict[Any, Any]) -> tuple[Field, ...]:
    value = item.get("fields")
    if value is None:
        return ()
    if not isinstance(value, dict):
        r.error(
            (*at, "fields"),
            where,
            f"'fields' must be a mapping of name to spec, not {type_name(value)}",
            "e.g. fields: {region: {label: 收货省份, kind: region}}",
        )
        return ()
    fields: list[Field] = []
    for name, spec in value.items():
        field = read_field(r, (*at, "fields", name), where, name, spec)
        if field is not None:
            fields.append(field)
    return tuple(fields)


def read_field(
    r: ValueReader, at: KeyPath, where: str, name: Hashable, spec: object
) -> Field | None:
    line = r.doc.line(*at)
    if not isinstance(name, str) or not FIELD_NAME_RE.fullmatch(name):
        r.error(
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
        r.error(
            at,
            where,
            f"field '{name}' must be a mapping or a label, not {type_name(spec)}",
            "e.g. {label: 收货省份, kind: region}",
        )
        return None
    fwhere = f"{where} field '{name}'"
    r.unknown_keys(at, fwhere, spec, FIELD_KEYS)
    label = as_text(spec.get("label", name))
    if label is None or not label.strip():
        r.error((*at, "label"), fwhere, "'label' must be text", "e.g. label: 收货省份")
        label = name
    kind = spec.get("kind", "text")
    if kind not in FIELD_KINDS:
        hint = did_you_mean(str(kind), FIELD_KINDS) or "use one of " + ", ".join(FIELD_KINDS)
        r.error((*at, "kind"), fwhere, f"unknown kind '{kind}'", hint)
        kind = "text"
    default = spec.get("default")
    default_text = None if default is None else as_text(default)
    if default is not None and default_text is None:
        r.error(
            (*at, "default"),
            fwhere,
            f"'default' must be text or a number, not {type_name(default)}",
        )
    choices = r.text_list(at, fwhere, spec, "choices", "[S, M, L]")
    choices_from = spec.get("choices_from")
    if choices_from is not None and not isinstance(choices_from, str):
        r.error((*at, "choices_from"), fwhere, "'choices_from' must be text, e.g. regions")
        choices_from = None
    if kind == "choice" and not choices and not choices_from:
        r.error(at, fwhere, "kind 'choice' needs 'choices'", "e.g. choices: [S, M, L]")
        kind = "text"
    return Field(name, label.strip(), kind, default_text, choices, choices_from, line)
