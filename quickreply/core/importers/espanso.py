"""Read an espanso match file (``matches:`` with triggers, replace and vars) into replies.

Triggers become shortcut codes (``:kd`` → ``kd``), ``label`` the title, ``replace`` (or a form
match's ``form``) the text. Vars: ``echo`` is inlined, ``date`` becomes ``{{ today }}`` or
``{{ now_time }}``, ``choice`` and form fields become fill-in fields, ``random`` becomes
variants. ``shell`` and ``script`` vars are never run: a match that uses one is skipped and a
declared but unused one is dropped, each said per match; so are vars with no equivalent here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from quickreply.core.importers.model import (
    Entry,
    Source,
    fail,
    literal_template,
    plain_text,
    title_from,
)
from quickreply.core.model import Field
from quickreply.core.packs import FIELD_NAME_RE
from quickreply.core.yamlread import display_path, read_yaml

CODE_RUNNING = ("shell", "script")
_VAR = re.compile(r"\{\{\s*([A-Za-z_][\w]*)(?:\.([A-Za-z_]\w*))?\s*\}\}")
_FORM_FIELD = re.compile(r"\[\[\s*([A-Za-z_]\w*)\s*\]\]")
_TIME_ONLY = re.compile(r"(%[-_0^#]?[HIMSpPklR T]|[^%])*")


class _Skip(Exception):
    """This match cannot be imported: the message says why."""


def read_espanso(path: Path) -> Source:
    shown = display_path(path)
    doc, problems = read_yaml(path)
    if doc is None:
        raise fail(problems[0].path, problems[0].line, problems[0].message, problems[0].hint)
    data: Any = doc.data
    matches = data.get("matches") if isinstance(data, dict) else None
    if not isinstance(matches, list):
        keys = ", ".join(str(k) for k in data) if isinstance(data, dict) else type(data).__name__
        raise fail(
            shown,
            1,
            f"not an espanso match file: no 'matches:' list (found {keys or 'nothing'})",
            "espanso keeps its matches in match/*.yml; choose one of those, or another --format",
        )
    source = Source(shown, "espanso")
    global_vars = _vars(data.get("global_vars"))
    for index, match in enumerate(matches):
        line = doc.line("matches", index)
        if not isinstance(match, dict):
            source.skip(line, "a match must be a mapping with trigger and replace")
            continue
        try:
            entry = _read_match(match, line, global_vars, source)
        except _Skip as why:
            name = match.get("trigger") or match.get("triggers") or match.get("regex") or ""
            source.skip(line, f"match '{name}': {why}" if name else str(why))
            continue
        source.entries.append(entry)
    return source


def _vars(value: object) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    if isinstance(value, list):
        for var in value:
            if isinstance(var, dict) and isinstance(var.get("name"), str):
                out[var["name"]] = var
    return out


def _triggers(match: Mapping[str, Any]) -> list[str]:
    if "regex" in match:
        raise _Skip("a regex trigger cannot become a shortcut code")
    value = match.get("triggers", match.get("trigger"))
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value]
    raise _Skip("no trigger")


def _read_match(
    match: Mapping[str, Any], line: int, global_vars: Mapping[str, dict[str, Any]], source: Source
) -> Entry:
    triggers = _triggers(match)
    fields: dict[str, Field] = {}
    if isinstance(match.get("form"), str):
        text = _FORM_FIELD.sub(lambda m: "{{" + m.group(1) + "}}", match["form"])
        specs = _mapping(match.get("form_fields"))
        for name in _FORM_FIELD.findall(match["form"]):
            fields[name] = _form_field(name, specs.get(name))
    elif isinstance(match.get("replace"), str):
        text = source.clean(line, match["replace"])
    else:
        kind = next((k for k in ("image_path", "markdown", "html") if k in match), "replace")
        raise _Skip(f"'{kind}' matches have no plain text to import")
    local = _vars(match.get("vars"))
    declared = {**global_vars, **local}
    used = {m.group(1) for m in _VAR.finditer(text)}
    for name, var in local.items():
        if var.get("type") in CODE_RUNNING and name not in used:
            source.note(line, f"{var.get('type')} var '{name}' is never run; left out")
    variants = [""]
    pos = 0
    for m in _VAR.finditer(text):
        literal = literal_template(text[pos : m.start()].replace("$|$", ""))
        variants = [v + literal for v in variants]
        pos = m.end()
        name, attr = m.group(1), m.group(2)
        if name in fields:
            variants = [v + "{{ " + name + " }}" for v in variants]
            continue
        spec = declared.get(name)
        if spec is None:
            raise _Skip(f"uses '{{{{{name}}}}}', which no var declares")
        variants = _expand(variants, name, attr, spec, fields, source, line)
    tail = literal_template(text[pos:].replace("$|$", ""))
    variants = [v + tail for v in variants]
    code = _code(triggers, source, line)
    label = match.get("label")
    title = (
        plain_text(str(label)).strip() if label else title_from(_VAR.sub("…", text)) or triggers[0]
    )
    return Entry(line, title, tuple(variants), code=code, fields=tuple(fields.values()))


def _expand(
    variants: list[str],
    name: str,
    attr: str | None,
    var: Mapping[str, Any],
    fields: dict[str, Field],
    source: Source,
    line: int,
) -> list[str]:
    kind = var.get("type")
    params = _mapping(var.get("params"))
    if kind in CODE_RUNNING:
        raise _Skip(f"uses {kind} var '{name}', which is never run")
    if kind == "echo":
        return [v + literal_template(str(params.get("echo", ""))) for v in variants]
    if kind == "date":
        fmt = str(params.get("format", ""))
        expr = "now_time" if _TIME_ONLY.fullmatch(fmt) and "%" in fmt else "today"
        source.note(line, f"date var '{name}' ({fmt}) becomes {{{{ {expr} }}}}")
        return [v + "{{ " + expr + " }}" for v in variants]
    if kind == "random":
        choices = params.get("choices")
        if not isinstance(choices, list) or not choices or len(variants) > 1:
            raise _Skip(f"random var '{name}' must have one list of choices")
        return [variants[0] + literal_template(str(c)) for c in choices]
    if kind == "choice":
        values = params.get("values")
        if not isinstance(values, list) or not values:
            raise _Skip(f"choice var '{name}' has no values")
        choices = tuple(
            str(v.get("label", v.get("id"))) if isinstance(v, dict) else str(v) for v in values
        )
        _add_field(fields, Field(name, name, "choice", choices=choices), name)
        return [v + "{{ " + name + " }}" for v in variants]
    if kind == "form" and attr:
        layout = str(params.get("layout", ""))
        if attr not in _FORM_FIELD.findall(layout):
            raise _Skip(f"form var '{name}' has no field '{attr}'")
        specs = _mapping(params.get("fields"))
        _add_field(fields, _form_field(attr, specs.get(attr)), attr)
        return [v + "{{ " + attr + " }}" for v in variants]
    raise _Skip(f"var '{name}' of type '{kind}' has no equivalent here")


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _add_field(fields: dict[str, Field], field: Field, name: str) -> None:
    if not FIELD_NAME_RE.fullmatch(name):
        raise _Skip(f"field name '{name}' must be letters, digits and _")
    fields.setdefault(name, field)


def _form_field(name: str, spec: object) -> Field:
    if not FIELD_NAME_RE.fullmatch(name):
        raise _Skip(f"field name '{name}' must be letters, digits and _")
    if isinstance(spec, dict):
        default = spec.get("default")
        values = spec.get("values")
        if spec.get("type") in ("choice", "list") and isinstance(values, list) and values:
            return Field(
                name, name, "choice", str(default) if default else None, tuple(map(str, values))
            )
        return Field(name, name, default=str(default) if default else None)
    return Field(name, name)


def _code(triggers: list[str], source: Source, line: int) -> str:
    code = source.code_of(line, triggers[0], "trigger")
    if len(triggers) > 1:
        source.note(line, f"triggers {', '.join(triggers[1:])} left out; the code is '{code}'")
    return code
