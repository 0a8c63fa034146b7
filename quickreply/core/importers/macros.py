"""Translate the inline macros of TextExpander and Beeftext snippets into template text.

Both tools mark dynamic parts inside the snippet (``%Y-%m-%d``, ``%filltext:name=x%``;
``#{date}``, ``#{input:x}``). Dates and fill-ins have equivalents here; anything that runs code
(Beeftext ``#{powershell:}``) or reads the machine (clipboard, environment) does not, so the
row is skipped with the macro named.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quickreply.core.importers.model import literal_template
from quickreply.core.model import Field
from quickreply.core.packs import FIELD_NAME_RE


class MacroSkip(Exception):
    """The snippet uses a macro with no equivalent: the message names it."""


Translate = Callable[[re.Match[str], dict[str, Field]], str]


def _substitute(
    text: str, pattern: re.Pattern[str], translate: Translate
) -> tuple[str, tuple[Field, ...]]:
    fields: dict[str, Field] = {}
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(literal_template(text[pos : m.start()]))
        out.append(translate(m, fields))
        pos = m.end()
    out.append(literal_template(text[pos:]))
    return "".join(out), tuple(fields.values())


def _field(fields: dict[str, Field], name: str, field: Field) -> str:
    if not FIELD_NAME_RE.fullmatch(name):
        raise MacroSkip(f"fill-in name '{name}' must be letters, digits and _")
    fields.setdefault(name, field)
    return "{{ " + name + " }}"


# --- TextExpander ------------------------------------------------------------------------------

_TE = re.compile(
    r"%(?:fill(?:text|popup|area|part):[^%]*|key:[^%]*|snippet:[^%]*|clipboard|\||"
    r"(?:[-1]?[YymdeHIMSpABab](?:[-/:. 年月日时分]*%[-1]?[YymdeHIMSpABab])*[日]?))%?"
)


def _te_params(body: str) -> dict[str, list[str]]:
    """``name=x:default=a:b`` → {name: [x], default: [a, b]} (bare parts extend the last key)."""
    params: dict[str, list[str]] = {}
    key = ""
    for part in body.split(":")[1:]:
        if "=" in part:
            key, _, value = part.partition("=")
            key = key.strip()
        else:
            value = part
        params.setdefault(key, []).append(value)
    return params


def _te_translate(m: re.Match[str], fields: dict[str, Field]) -> str:
    body = m.group(0).strip("%")
    if body == "|":
        return ""
    if body.startswith(("filltext", "fillarea", "fillpopup")):
        params = _te_params(body)
        name = (params.get("name") or [""])[0]
        defaults = params.get("default", [])
        if body.startswith("fillpopup"):
            return _field(
                fields,
                name,
                Field(name, name, "choice", defaults[0] if defaults else None, tuple(defaults)),
            )
        return _field(fields, name, Field(name, name, default=defaults[0] if defaults else None))
    if body.startswith(("key:", "snippet:", "fillpart")) or body == "clipboard":
        raise MacroSkip(f"uses the %{body.split(':')[0]} macro, which has no equivalent here")
    time_only = not re.search(r"%?[-1]?[YymdeABab]", "%" + body)
    return "{{ now_time }}" if time_only else "{{ today }}"


def textexpander_text(text: str) -> tuple[str, tuple[Field, ...]]:
    return _substitute(text, _TE, _te_translate)


# --- Beeftext ----------------------------------------------------------------------------------

_BEEF = re.compile(r"#\{([A-Za-z]+)(?::((?:[^{}\\]|\\.)*))?\}")
_BEEF_CODE = ("powershell", "envVar")


def _beef_translate(m: re.Match[str], fields: dict[str, Field]) -> str:
    name, arg = m.group(1), m.group(2) or ""
    if name == "cursor":
        return ""
    if name == "date":
        return "{{ today }}"
    if name == "time":
        return "{{ now_time }}"
    if name == "dateTime":
        return "{{ now_time }}" if not re.search(r"[yMd]", arg) else "{{ today }}"
    if name == "input":
        label = arg.strip() or "输入"
        same = next((f.name for f in fields.values() if f.label == label), None)
        field_name = same or (
            label if FIELD_NAME_RE.fullmatch(label) else f"input{len(fields) + 1}"
        )
        return _field(fields, field_name, Field(field_name, label))
    if name in _BEEF_CODE:
        raise MacroSkip(
            f"uses #{{{name}:...}}, which would run code or read the machine; never run"
        )
    raise MacroSkip(f"uses #{{{name}}}, which has no equivalent here")


def beeftext_text(text: str) -> tuple[str, tuple[Field, ...]]:
    return _substitute(text, _BEEF, _beef_translate)
