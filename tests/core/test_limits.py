"""Every size limit (core/limits.py) is the one docs/templates.md states, and a breach is one
line with path:line wherever the data is loaded or rendered (issue 11.8)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from quickreply.core import limits
from quickreply.core.model import Field, PackSource, Snippet
from quickreply.core.packs import load_pack
from quickreply.core.render import Renderer, RenderError
from tests.conftest import SHIPPED

DOCS = Path(__file__).resolve().parents[2] / "docs" / "templates.md"

PACK = """\
pack: {{id: t.limits, name: 限制}}
snippets:
  - id: big.one
    title: {title}
    group: {group}
    tags: [{tags}]
    note: {note}
    examples: [{examples}]
    fields:
      size: {{label: {label}, kind: choice, choices: [{choices}], default: {default}}}
    text: |
      {text}
  - id: small.one
    title: 好的
    text: 亲，好的~
"""
FINE = {
    "title": "合作快递",
    "group": "物流/快递",
    "tags": "快递, 发货",
    "note": "买家问发什么快递时用",
    "examples": "发什么快递",
    "label": "尺码",
    "choices": "S, M",
    "default": "M",
    "text": "亲，{{ size }} 码有货~",
}
# key: (value, line of the breach, message, what the loaded snippet keeps)
BREACHES = {
    "title": ("标" * 300_000, 4, "the title is 300000 characters long, more than 200"),
    "group": ("组" * 201, 5, "the group is 201 characters long, more than 200"),
    "tags": ("短, " + "签" * 201, 6, "'tags' item 2 is 201 characters long, more than 200"),
    "note": ("说" * 2_001, 7, "the note is 2001 characters long, more than 2000"),
    "examples": ("问" * 201, 8, "'examples' item 1 is 201 characters long, more than 200"),
    "label": ("名" * 201, 10, "field 'size' label is 201 characters long, more than 200"),
    "choices": (
        "S, " + "L" * 2_001,
        10,
        "'choices' item 2 is 2001 characters long, more than 2000",
    ),
    "default": ("M" * 2_001, 10, "field 'size' default is 2001 characters long, more than 2000"),
    "text": ("亲" * 100_001, 11, "the text is 100001 characters long, more than 100000"),
}


def pack_text(**changes: str) -> str:
    return PACK.format(**{**FINE, **changes})


def test_the_fine_pack_loads_without_problems(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(pack_text(), encoding="utf-8")
    pack, problems = load_pack(path, PackSource.EXTRA)
    assert problems == [] and pack is not None and len(pack.snippets) == 2


@pytest.mark.parametrize("key", BREACHES, ids=BREACHES.keys())
def test_a_value_over_its_limit_is_one_line_and_the_rest_loads(tmp_path: Path, key: str) -> None:
    value, line, message = BREACHES[key]
    path = tmp_path / "p.yaml"
    path.write_text(pack_text(**{key: value}), encoding="utf-8")
    pack, problems = load_pack(path, PackSource.EXTRA)
    assert [str(p) for p in problems] == [
        f"{path}:{line}: snippet 'big.one': {message} ({_hint(key)})"
    ]
    assert len(str(problems[0])) < 400  # the value itself is never part of the line
    assert pack is not None
    ids = [s.id for s in pack.snippets]
    if key == "text":  # a reply is never pasted cut: the snippet is skipped
        assert ids == ["small.one"]
        return
    assert ids == ["big.one", "small.one"]
    big = pack.snippets[0]
    assert len(big.title) <= limits.MAX_TITLE and big.title
    assert len(big.note) <= limits.MAX_NOTE
    assert all(len(t) <= limits.MAX_ITEM for t in (*big.tags, *big.examples))
    assert all(len(c) <= limits.MAX_FIELD_VALUE for c in big.fields[0].choices)


def _hint(key: str) -> str:
    return "split it into several snippets" if key == "text" else "shorten it"


def test_too_many_tags_keeps_the_first_hundred(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(pack_text(tags=", ".join(f"t{i}" for i in range(150))), encoding="utf-8")
    pack, problems = load_pack(path, PackSource.EXTRA)
    assert [p.message for p in problems] == ["'tags' has 150 items, more than 100"]
    assert pack is not None and len(pack.snippets[0].tags) == 100


def test_a_code_longer_than_the_limit_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(pack_text().replace("group:", "code: abcdefghijklm\n    group:"), "utf-8")
    _, problems = load_pack(path, PackSource.EXTRA)
    assert [(p.line, p.message) for p in problems] == [
        (5, "shortcut code 'abcdefghijklm' is malformed")
    ]


@pytest.fixture
def renderer() -> Renderer:
    from quickreply.core.shop import load_shop

    shop, _ = load_shop(SHIPPED / "shop.yaml")
    return Renderer(shop, lambda: datetime(2026, 11, 23, 14, 5))


def test_a_field_value_over_the_limit_is_refused_at_the_fields_line(renderer: Renderer) -> None:
    field = Field("addr", "地址", line=9)
    snippet = Snippet("t.addr", "地址", ("寄到{{ addr }}",), fields=(field,), path="p.yaml", line=3)
    assert renderer.render(snippet, {"addr": "广" * limits.MAX_FIELD_VALUE}).startswith("寄到广")
    with pytest.raises(RenderError) as err:
        renderer.render(snippet, {"addr": "广" * (limits.MAX_FIELD_VALUE + 1)})
    assert str(err.value) == (
        "p.yaml:9: snippet t.addr: field 'addr' (地址): the value is 2001 characters long,"
        " more than 2000 (shorten it)"
    )


def test_a_reply_over_the_limit_is_refused_and_one_at_it_renders(renderer: Renderer) -> None:
    def snippet(text: str) -> Snippet:
        return Snippet("t.long", "长", (text,), path="p.yaml", line=3, text_line=5)

    def text(times: int) -> str:
        return "亲" * 50_000 + f"{{% for i in range({times}) %}}" + "好" * 10_000 + "{% endfor %}"

    assert len(renderer.render(snippet(text(5)))) == limits.MAX_REPLY
    with pytest.raises(RenderError) as err:
        renderer.render(snippet(text(6)))
    assert str(err.value).startswith("p.yaml:5: snippet t.long: the reply would be longer than")


def _documented() -> dict[str, int]:
    """The rows of the limits table in docs/templates.md: `| what | 1,000 | NAME |`."""
    rows = re.findall(r"^\|[^|]+\|\s*([\d,.]+)[^|]*\|\s*`(\w+)`", DOCS.read_text("utf-8"), re.M)
    return {name: float(number.replace(",", "")) for number, name in rows}  # type: ignore[misc]


def test_docs_state_every_limit_with_the_value_the_code_uses() -> None:
    documented = _documented()
    names = [n for n in dir(limits) if n.startswith("MAX_") or n == "RENDER_SECONDS"]
    assert sorted(documented) == sorted(names)
    for name in names:
        value = getattr(limits, name)
        expected = value * 1000 if name == "RENDER_SECONDS" else value  # shown in ms
        assert documented[name] == expected, name
