"""The size limits on pack data and on rendering, defined once (docs/templates.md, "Limits").

A limit keeps a hostile or broken pack from slowing search or rendering down, and is generous
for real shop replies: a 50,000-character policy text renders and pastes whole. The loader
(core/packs/), the editing model (core/editing.py) and the renderer (core/render/) all read
these numbers; :func:`enforce` is how pack data is held to them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from quickreply.core.model import Field, Snippet

MAX_TITLE = 200  # characters in a title or a field label
MAX_CODE = 12  # characters in a shortcut code
MAX_GROUP = 200  # characters in a group path
MAX_NOTE = 2_000  # characters in a note
MAX_ITEM = 200  # characters in one tag or one example
MAX_ITEMS = 100  # tags, examples or choices of one snippet or field
MAX_TEXT = 100_000  # characters in one text variant or pasted step (the template)
MAX_REPLY = 100_000  # characters in a rendered reply
MAX_VALUE = 100_000  # characters or items in any value a template builds
MAX_FIELD_VALUE = 2_000  # characters in a field's value, default or choice
MAX_RANGE = 10_000  # items in a template's range(…)
MAX_NESTING = 32  # blocks and expressions inside each other in a template
MAX_INT_BITS = 4_096  # size of the integers a template's * and ** may build
RENDER_SECONDS = 0.05  # wall-clock budget of one render
MAX_IMAGE_BYTES = 2 * 1024 * 1024  # an image a reply pastes (core/images.py): chat apps cap it
MAX_IMAGE_SIDE = 8_192  # pixels on the longer side of that image

# What a team sync (core/team/) downloads at most from a folder or web server it does not trust.
TEAM_POINTER_BYTES = 64 * 1024  # current.json is a few hundred bytes
TEAM_MANIFEST_BYTES = 8 * 1024 * 1024  # 10,000 replies make a manifest of about 0.6 MB
TEAM_FILE_BYTES = 5 * 1024 * 1024  # one pack file: what core/yamlread.py reads at most
TEAM_TOTAL_BYTES = 200 * 1024 * 1024  # one version, every file together
TEAM_FILES = 5_000  # files in one version

# A key path inside one snippet (as in the YAML file) and what is wrong there.
Keys = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Breach:
    """One value over its limit: where it is in the snippet, the message and the fix."""

    keys: Keys
    message: str
    hint: str
    length: int = 0  # characters (or items) found
    limit: int = 0


def too_long(what: str, length: int, limit: int) -> str:
    """The one wording every limit uses."""
    return f"{what} is {length} characters long, more than {limit}"


def enforce(snippet: Snippet) -> tuple[Snippet | None, list[Breach]]:
    """``snippet`` held to the limits, and what was over them.

    A text too long makes the whole snippet unusable (None): a reply must never be pasted cut.
    A title, group, note or label too long is cut to its limit; a tag, example, default or
    choice too long is dropped, as is every list item past :data:`MAX_ITEMS`.
    """
    breaches = breaches_of(snippet)
    if not breaches:
        return snippet, []
    if any(b.keys[0] in ("text", "steps") for b in breaches):
        return None, breaches
    fixed = dataclasses.replace(
        snippet,
        title=snippet.title[:MAX_TITLE],
        group=snippet.group[:MAX_GROUP],
        note=snippet.note[:MAX_NOTE],
        tags=_kept(snippet.tags, MAX_ITEM),
        examples=_kept(snippet.examples, MAX_ITEM),
        fields=tuple(_fixed_field(f) for f in snippet.fields),
    )
    return fixed, breaches


def breaches_of(snippet: Snippet) -> list[Breach]:
    """Every value of ``snippet`` over its limit, in file order."""
    out: list[Breach] = []
    _text(out, ("title",), "the title", snippet.title, MAX_TITLE)
    _text(out, ("code",), "the shortcut code", snippet.code, MAX_CODE)
    _text(out, ("group",), "the group", snippet.group, MAX_GROUP)
    _items(out, "tags", snippet.tags)
    many = len(snippet.variants) > 1
    for i, text in enumerate(snippet.variants):
        keys: Keys = ("text", i) if many else ("text",)
        what = f"text variant {i + 1}" if many else "the text"
        _text(out, keys, what, text, MAX_TEXT, "split it into several snippets")
    for i, step in enumerate(snippet.steps):
        _text(out, ("steps", i), f"step {i + 1}", step.text, MAX_TEXT, "split it into steps")
    _text(out, ("note",), "the note", snippet.note, MAX_NOTE)
    _items(out, "examples", snippet.examples)
    for f in snippet.fields:
        at: Keys = ("fields", f.name)
        _text(out, (*at, "label"), f"field '{f.name}' label", f.label, MAX_TITLE)
        _text(out, (*at, "default"), f"field '{f.name}' default", f.default or "", MAX_FIELD_VALUE)
        _items(out, "choices", f.choices, at, MAX_FIELD_VALUE)
    return out


def _text(
    out: list[Breach], keys: Keys, what: str, value: str, limit: int, hint: str = "shorten it"
) -> None:
    if len(value) > limit:
        out.append(Breach(keys, too_long(what, len(value), limit), hint, len(value), limit))


def _items(
    out: list[Breach], key: str, values: Sequence[str], at: Keys = (), limit: int = MAX_ITEM
) -> None:
    if len(values) > MAX_ITEMS:
        out.append(
            Breach(
                (*at, key, MAX_ITEMS),
                f"'{key}' has {len(values)} items, more than {MAX_ITEMS}",
                "keep the ones that matter",
                len(values),
                MAX_ITEMS,
            )
        )
    for i, value in enumerate(values[:MAX_ITEMS]):
        _text(out, (*at, key, i), f"'{key}' item {i + 1}", value, limit)


def _kept(values: tuple[str, ...], limit: int) -> tuple[str, ...]:
    return tuple(v for v in values[:MAX_ITEMS] if len(v) <= limit)


def _fixed_field(f: Field) -> Field:
    default = f.default if f.default is None or len(f.default) <= MAX_FIELD_VALUE else None
    return dataclasses.replace(
        f, label=f.label[:MAX_TITLE], default=default, choices=_kept(f.choices, MAX_FIELD_VALUE)
    )
