"""Reading a snippet's macro ``steps:`` (paste, wait, enter) from a parsed pack file."""

from __future__ import annotations

from typing import Any

from quickreply.core.images import path_problem
from quickreply.core.model import Step
from quickreply.core.packs.format import MAX_WAIT_MS, STEP_KINDS
from quickreply.core.packs.values import ValueReader, type_name
from quickreply.core.problems import did_you_mean
from quickreply.core.userdoc import KeyPath


def read_steps(
    r: ValueReader, at: KeyPath, where: str, item: dict[Any, Any]
) -> tuple[Step, ...] | None:
    value = item.get("steps")
    if value is None:
        return ()
    if not isinstance(value, list):
        r.error(
            (*at, "steps"),
            where,
            f"'steps' must be a list, not {type_name(value)}",
            "e.g. - paste: 亲，在的~",
        )
        return None
    steps: list[Step] = []
    for i, entry in enumerate(value):
        step = read_step(r, (*at, "steps", i), where, i, entry)
        if step is None:
            return None
        steps.append(step)
    return tuple(steps)


def read_step(r: ValueReader, at: KeyPath, where: str, index: int, entry: object) -> Step | None:
    what = f"step {index + 1}"
    hint = "write '- paste: 文字', '- image: 尺码表.png', '- wait: 300' (milliseconds) or '- enter'"
    line = r.doc.line(*at)
    if isinstance(entry, str):
        kind, arg = entry.strip(), None
    elif isinstance(entry, dict) and len(entry) == 1:
        key, arg = next(iter(entry.items()))
        kind = str(key)
    else:
        r.error(at, where, f"{what} must be one of paste, image, wait or enter", hint)
        return None
    if kind not in STEP_KINDS:
        r.error(at, where, f"{what}: unknown step '{kind}'", did_you_mean(kind, STEP_KINDS) or hint)
        return None
    if kind == "enter":
        return Step("enter", line=line)
    if kind == "paste":
        if not isinstance(arg, str) or not arg.strip():
            r.error(at, where, f"{what}: 'paste' needs the text to paste", hint)
            return None
        return Step("paste", text=arg.rstrip(), line=line)
    if kind == "image":
        if not isinstance(arg, str):
            r.error(at, where, f"{what}: 'image' needs the image file", "e.g. - image: 尺码表.png")
            return None
        bad = path_problem(arg.strip())
        if bad is not None:
            r.error(at, where, f"{what}: {bad[0]}", bad[1])
            return None
        return Step("image", text=arg.strip(), line=line)
    if isinstance(arg, bool) or not isinstance(arg, int) or not 0 <= arg <= MAX_WAIT_MS:
        r.error(
            at,
            where,
            f"{what}: 'wait' needs milliseconds from 0 to {MAX_WAIT_MS}",
            "e.g. - wait: 300",
        )
        return None
    return Step("wait", ms=arg, line=line)
