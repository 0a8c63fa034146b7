"""Writing a pack as YAML that reads like the hand-written ones, atomically with a ``.bak``."""

from __future__ import annotations

from pathlib import Path

import yaml

from quickreply.core.atomic import write_atomic
from quickreply.core.model import Field, Pack, Snippet, Step


class _PackDumper(yaml.SafeDumper):
    """Block-style YAML that reads like the hand-written packs: `|` for multi-line text."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key (`snippets:\n  - id:`), as people write them.
        super().increase_indent(flow, False)


class _FlowList(list[str]):
    """Short lists (tags, examples, choices) written on one line: `[快递, 发货]`."""


class _FlowMap(dict[str, object]):
    """A field spec written on one line: `{label: 收货省份, kind: region}`."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_flow_list(dumper: yaml.SafeDumper, value: _FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


def _represent_flow_map(dumper: yaml.SafeDumper, value: _FlowMap) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=True)


_PackDumper.add_representer(str, _represent_str)
_PackDumper.add_representer(_FlowList, _represent_flow_list)
_PackDumper.add_representer(_FlowMap, _represent_flow_map)


def _field_spec(field: Field) -> dict[str, object]:
    spec = _FlowMap(label=field.label)
    if field.kind != "text":
        spec["kind"] = field.kind
    if field.default is not None:
        spec["default"] = field.default
    if field.choices:
        spec["choices"] = _FlowList(field.choices)
    if field.choices_from:
        spec["choices_from"] = field.choices_from
    return spec


def _step_data(step: Step) -> object:
    if step.kind == "enter":
        return "enter"
    if step.kind == "wait":
        return {"wait": step.ms}
    if step.kind == "image":
        return {"image": step.text}
    return {"paste": step.text}


def _snippet_data(s: Snippet) -> dict[str, object]:
    data: dict[str, object] = {"id": s.id, "title": s.title}
    optional: list[tuple[str, object]] = [
        ("code", s.code),
        ("group", s.group),
        ("tags", _FlowList(s.tags)),
        ("text", s.variants[0] if len(s.variants) == 1 else list(s.variants)),
        ("note", s.note),
        ("examples", _FlowList(s.examples)),
        ("fields", {f.name: _field_spec(f) for f in s.fields}),
        ("hotkey", s.hotkey),
        ("send", s.send),
        ("steps", [_step_data(step) for step in s.steps]),
        ("image", s.image),
    ]
    data.update((key, value) for key, value in optional if value)
    return data


def dump_pack(pack: Pack) -> str:
    """The pack as YAML text; ``load_pack`` of that text gives the same snippets back."""
    meta = pack.meta
    header: dict[str, object] = {
        "id": meta.id, "name": meta.name, "version": meta.version, "locale": meta.locale
    }  # fmt: skip
    if meta.allowed_phrases:
        header["allowed_phrases"] = list(meta.allowed_phrases)
    data = {
        "pack": header,
        "snippets": [_snippet_data(s) for s in pack.snippets],
    }
    text: str = yaml.dump(
        data, Dumper=_PackDumper, allow_unicode=True, sort_keys=False, width=10**6, indent=2
    )
    return text


def save_pack(pack: Pack, path: Path) -> None:
    """Write the pack atomically (temp file + os.replace); the previous file becomes path.bak."""
    write_atomic(path, dump_pack(pack))
