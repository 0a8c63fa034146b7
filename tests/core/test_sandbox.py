"""Packs come from other people: every known escape and runaway is refused with one line."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from quickreply.core.model import Snippet
from quickreply.core.render import Limits, Renderer, RenderError
from quickreply.core.shop import load_shop
from tests.conftest import SHIPPED

ESCAPES = {
    "mro": ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "'__class__' is off limits"),
    "lipsum": ("{{ lipsum.__globals__['os'] }}", "'__globals__' is off limits"),
    "cycler": ("{{ cycler.__init__.__globals__.os }}", "'__init__' is off limits"),
    "joiner": ("{{ joiner.__init__.__globals__ }}", "'__init__' is off limits"),
    "getitem": ("{{ ''['__class__'] }}", "'__class__' is off limits"),
    "attr filter": ("{{ ''|attr('__class__') }}", "'__class__' is off limits"),
    "percent": ("{{ '%s' % shop_name }}", "'%' formatting of text is not allowed"),
    "percent tuple": ("{{ '%(a)s' % {'a': 1} }}", "'%' formatting of text is not allowed"),
    "format": ("{{ '{0.__class__}'.format(shop_name) }}", "text has no '.format'"),
    "format_map": ("{{ '{x}'.format_map({}) }}", "text has no '.format_map'"),
    "format filter": ("{{ '%s'|format(1) }}", "the filter 'format' is not available"),
    "include": ("{% include '/etc/passwd' %}", "{% include %} is not allowed"),
    "import": ("{% import 'x.html' as x %}", "{% import %} is not allowed"),
    "from import": ("{% from 'x' import y %}", "{% from … import %} is not allowed"),
    "extends": ("{% extends 'base' %}", "{% extends %} is not allowed"),
    "macro": ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "{% macro %} is not allowed"),
    "self": ("{{ self.__init__ }}", "'__init__' is off limits"),
    "namespace class": ("{{ namespace.__init__ }}", "'__init__' is off limits"),
    "mutation": ("{% set l = [1] %}{{ l.append(2) }}", "'append' of list is not allowed"),
    "do": ("{% do x %}", "Encountered unknown tag 'do'"),
    "function globals": ("{{ courier.__globals__ }}", "'__globals__' is off limits"),
    "to_bytes": ("{{ (1).to_bytes(10**9, 'big') }}", "numbers have no '.to_bytes'"),
}

RUNAWAYS = {
    "huge range": ("{{ range(10**9)|list }}", "range(1000000000) has 1000000000 items"),
    "range loop": ("{% for i in range(10**9) %}{% endfor %}", "range(1000000000) has"),
    "nested loops": (
        "{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}",
        "the template ran longer than 50 ms and was stopped",
    ),
    "string bomb": ("{{ 'x' * 10**8 }}", "the repeated value would be 100000000 long"),
    "list bomb": ("{{ ([1] * 10**8)|length }}", "the repeated value would be 100000000 long"),
    "doubling": (
        "{% set x = 'xxxxxxxxxx' %}" + "{% set x = x ~ x %}" * 40 + "{{ x }}",
        "the joined text would be",
    ),
    "plus doubling": (
        "{% set x = 'xxxxxxxxxx' %}" + "{% set x = x + x %}" * 40 + "{{ x }}",
        "the joined value would be",
    ),
    "join bomb": ("{{ ('x' * 1000)|join('y' * 1000) }}", "the text would be"),
    "replace bomb": ("{{ ('x' * 1000)|replace('x', 'y' * 1000) }}", "the replaced text would be"),
    "method replace": ("{{ ('x' * 1000).replace('x', 'y' * 1000) }}", "the replaced text would be"),
    "power": ("{{ 9 ** (9 ** 9) }}", "the power **387420489 is too large"),
    "int growth": (
        "{% set n = 10 ** 300 %}" + "{% set n = n * n %}" * 20 + "{{ n }}",
        "the number would be too large",
    ),
    "huge output": (
        "{% for i in range(10000) %}0123456789012345678901234567890{% endfor %}",
        "the reply would be longer",
    ),
    "center": ("{{ 'x'|center(10**9) }}", "the filter 'center' is not available"),
    "batch": ("{{ [1]|batch(10**9, 0)|list }}", "the filter 'batch' is not available"),
    "deep nesting": ("{% if 1 %}" * 40 + "x" + "{% endif %}" * 40, "nests more than 32 levels"),
    "deeper nesting": ("{% if 1 %}" * 900 + "x" + "{% endif %}" * 900, "nest"),
    "long template": ("x" * 300_000, "the text is 300000 characters long"),
}


@pytest.fixture
def renderer() -> Renderer:
    shop, _ = load_shop(SHIPPED / "shop.yaml")
    return Renderer(shop, lambda: datetime(2026, 11, 23, 14, 5))


def snip(text: str) -> Snippet:
    return Snippet(id="evil", title="坏", variants=(text,), path="evil.yaml", line=1, text_line=4)


REFUSED = {**ESCAPES, **RUNAWAYS}
assert len(REFUSED) == len(ESCAPES) + len(RUNAWAYS)  # no case hides another


@pytest.mark.parametrize(("template", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_escape_or_runaway_is_refused_with_one_line(
    renderer: Renderer, template: str, message: str
) -> None:
    with pytest.raises(RenderError) as err:
        renderer.render(snip(template))
    line = str(err.value)
    assert "\n" not in line
    assert line.startswith("evil.yaml:4: snippet evil: ")
    assert message in line


def test_the_renderer_keeps_working_after_a_refusal(renderer: Renderer) -> None:
    with pytest.raises(RenderError):
        renderer.render(snip("{{ 'x' * 10**8 }}"))
    with pytest.raises(RenderError):
        renderer.render(snip(RUNAWAYS["nested loops"][0]))
    assert renderer.render(snip("亲，发{{ couriers }}哦")) == "亲，发中通快递、韵达快递哦"


def test_check_refuses_escapes_too(renderer: Renderer) -> None:
    problems = renderer.check(snip("亲\n{% include 'a' %}"))
    assert [p.line for p in problems] == [5]


UNDERSCORE_NAMES = {
    "namespace attribute": "{% set ns = namespace() %}{% set ns.__class__ = 1 %}x",
    "namespace private": "{% set ns = namespace() %}{% set ns._x = 1 %}{{ ns._x }}",
    "set": "{% set _x = 1 %}{{ _x }}",
    "for target": "{% for _i in range(2) %}x{% endfor %}",
    "with": "{% with _x = 1 %}{{ _x }}{% endwith %}",
    "keyword": "{{ courier(_region='广东').name }}",
}


@pytest.mark.parametrize("template", UNDERSCORE_NAMES.values(), ids=UNDERSCORE_NAMES.keys())
def test_every_name_starting_with_underscore_is_refused(renderer: Renderer, template: str) -> None:
    """docs/templates.md: "any name starting with _ is refused" (issue 11.9), also where no
    attribute is ever looked up: ``{% set ns.__class__ = 1 %}`` was accepted."""
    with pytest.raises(RenderError) as err:
        renderer.render(snip("亲\n" + template))
    assert "is off limits" in str(err.value)
    assert str(err.value).startswith("evil.yaml:5: snippet evil: '_")
    problems = renderer.check(snip("亲\n" + template))
    assert [(p.line, p.is_error) for p in problems] == [(5, True)]
    assert "is off limits" in problems[0].message


@pytest.mark.perf
@pytest.mark.parametrize(
    ("template", "message"),
    [
        RUNAWAYS[k]
        for k in ("nested loops", "doubling", "int growth", "deeper nesting", "huge output")
    ],
)
def test_runaway_stops_within_100_ms(renderer: Renderer, template: str, message: str) -> None:
    start = time.perf_counter()
    with pytest.raises(RenderError):
        renderer.render(snip(template))
    elapsed = time.perf_counter() - start
    print(f"{message[:30]!r}: {elapsed * 1000:.1f} ms")
    assert elapsed < 0.1


@pytest.mark.parametrize(
    ("text", "limits", "message"),
    [
        ("x" * 300_000, Limits(), "the text is 300000 characters long"),
        ("亲" * 60, Limits(max_output=50), "with the field defaults: the reply would be longer"),
    ],
    ids=["template limit", "reply limit"],
)
def test_check_reports_a_plain_text_over_a_limit(
    renderer: Renderer, text: str, limits: Limits, message: str
) -> None:
    """Plain texts skip parsing in check() (lint speed); the limits still apply to them."""
    limited = Renderer(renderer.shop, renderer.clock, limits=limits)
    assert [p.message for p in limited.check(snip(text)) if message in p.message]
    assert limited.check(snip("亲，在的~")) == []
