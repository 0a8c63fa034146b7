from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from quickreply.core.lint import lint_paths
from quickreply.core.model import Field, PackSource, Snippet, Step
from quickreply.core.packs import PackDir, load_library
from quickreply.core.problems import Severity
from quickreply.core.render import Renderer, RenderError
from quickreply.core.shop import ShopProfile, load_shop
from quickreply.core.yamlread import display_path
from tests.conftest import SHIPPED

NOW = datetime(2026, 11, 23, 14, 5)  # a Monday, promotions running, before the cut-off

FREE_SHIPPING_TEXT = (
    "{% set fs = free_shipping(amount, region) %}"
    "{% if fs.excluded %}{{ region }}不包邮，需补{{ fs.surcharge }}元运费"
    "{%- elif fs.applies %}已满{{ free_threshold }}元，包邮"
    "{%- else %}还差{{ fs.missing }}元包邮{% endif %}"
)
AMOUNT = Field("amount", "订单金额", "number", default="80", line=7)
REGION = Field("region", "收货省份", "region", default="广东", line=8)


@pytest.fixture
def shop() -> ShopProfile:
    profile, problems = load_shop(SHIPPED / "shop.yaml")
    assert profile is not None, problems
    return profile


@pytest.fixture
def renderer(shop: ShopProfile) -> Renderer:
    return Renderer(shop, lambda: NOW, rng=random.Random(7))


def snip(text: str | tuple[str, ...], *fields: Field, steps: tuple[Step, ...] = ()) -> Snippet:
    variants = (text,) if isinstance(text, str) else text
    lines = tuple(10 + 5 * i for i in range(len(variants)))
    return Snippet(
        id="demo.reply",
        title="演示",
        variants=variants,
        fields=fields,
        steps=steps,
        path="packs/demo.yaml",
        line=3,
        text_line=lines[0] if lines else 0,
        variant_lines=lines,
    )


# --- the free-shipping reply (issue 3, "Done when") ------------------------------------------


@pytest.mark.parametrize(
    ("amount", "region", "reply"),
    [
        ("150", "新疆", "新疆不包邮，需补15元运费"),
        ("150", "新疆维吾尔自治区", "新疆不包邮，需补15元运费"),
        ("99", "广东", "已满99元，包邮"),
        ("98.99", "广东", "还差0.01元包邮"),
        ("150", "广东省", "已满99元，包邮"),
        ("20", "西藏", "西藏不包邮，需补15元运费"),
    ],
)
def test_free_shipping_reply(renderer: Renderer, amount: str, region: str, reply: str) -> None:
    snippet = snip(FREE_SHIPPING_TEXT, AMOUNT, REGION)
    assert renderer.render(snippet, {"amount": amount, "region": region}) == reply


def test_field_defaults_fill_in(renderer: Renderer) -> None:
    assert renderer.render(snip(FREE_SHIPPING_TEXT, AMOUNT, REGION)) == "还差19元包邮"


def test_computed_names(renderer: Renderer) -> None:
    text = (
        "{{ shop_name }}|{{ agent_id }}|{{ today }}|{{ weekday }}|{{ now_time }}|"
        "{{ courier().name }}|{{ courier('海南').name }}|{{ couriers }}|{{ cutoff }}|"
        "{{ cod_surcharge }}|{{ remote_regions }}|{{ ship_day.label }}|{{ ship_day.time_left }}"
    )
    assert renderer.render(snip(text)).split("|") == [
        "小满生活馆",
        "小满-07",
        "11月23日",
        "周一",
        "14:05",
        "中通快递",
        "EMS经济快递",
        "中通快递、韵达快递",
        "16:00",
        "5",
        "新疆、西藏、青海、内蒙古、宁夏、香港、澳门、台湾",
        "今天",
        "1小时55分",
    ]


def test_promotions_and_best_promotion(renderer: Renderer) -> None:
    text = (
        "{% for p in promotions %}{{ p.name }}：{{ p.summary }}，{{ p.ends }}截止；{% endfor %}"
        "{% set best = best_promotion(amount) %}"
        "{% if best %}用{{ best.name }}省{{ best.saving }}元，到手{{ best.price }}元"
        "{% else %}没有优惠{% endif %}"
    )
    snippet = snip(text, AMOUNT)
    assert renderer.render(snippet, {"amount": "300"}) == (
        "店庆满减：满200减20，满300减40，2027年12月31日 23:59截止；"
        "会员9折：满100享9折，2027年6月30日 23:59截止；"
        "用店庆满减省40元，到手260元"
    )
    assert renderer.render(snippet, {"amount": "50"}).endswith("没有优惠")


def test_cutoff_follows_the_injected_clock(shop: ShopProfile) -> None:
    times = iter([datetime(2026, 11, 23, 15, 59, 59), datetime(2026, 11, 23, 16, 0)])
    renderer = Renderer(shop, lambda: next(times))
    snippet = snip("{{ ship_day.label }}发货")
    assert renderer.render(snippet) == "今天发货"
    assert renderer.render(snippet) == "明天发货"


# --- fields ----------------------------------------------------------------------------------


def test_a_number_field_refuses_text(renderer: Renderer) -> None:
    with pytest.raises(RenderError) as err:
        renderer.render(snip(FREE_SHIPPING_TEXT, AMOUNT, REGION), {"amount": "abc"})
    assert str(err.value) == (
        "packs/demo.yaml:7: snippet demo.reply: field 'amount' (订单金额): 'abc' is not a number"
        " (write digits, e.g. 99 or 98.5)"
    )


def test_a_region_field_refuses_an_unknown_region(renderer: Renderer) -> None:
    with pytest.raises(RenderError) as err:
        renderer.render(snip(FREE_SHIPPING_TEXT, AMOUNT, REGION), {"region": "新彊"})
    assert str(err.value) == (
        "packs/demo.yaml:8: snippet demo.reply: field 'region' (收货省份): unknown region '新彊'"
        " (did you mean '新疆'?)"
    )


def test_region_values_are_normalised_to_the_short_name(renderer: Renderer) -> None:
    snippet = snip("寄{{ region }}", REGION)
    assert renderer.render(snippet, {"region": "内蒙古自治区"}) == "寄内蒙古"


def test_a_field_with_no_value_and_no_default_is_an_error_naming_it(renderer: Renderer) -> None:
    order = Field("order_no", "订单号", line=9)
    snippet = snip("订单{{ order_no }}已发货", order)
    assert renderer.missing_fields(snippet, {}) == [order]
    assert renderer.missing_fields(snippet, {"order_no": "  "}) == [order]
    assert renderer.missing_fields(snippet, {"order_no": "123"}) == []
    with pytest.raises(RenderError) as err:
        renderer.render(snippet, {})
    assert str(err.value) == (
        "packs/demo.yaml:9: snippet demo.reply: field 'order_no' (订单号) has no value"
        " (fill it in, or give the field a default)"
    )
    assert renderer.render(snippet, {"order_no": "123"}) == "订单123已发货"


def test_choice_fields(renderer: Renderer) -> None:
    size = Field("size", "尺码", "choice", choices=("S", "M", "L"), line=6)
    snippet = snip("{{ size }}码", size)
    assert renderer.render(snippet, {"size": "M"}) == "M码"
    with pytest.raises(RenderError, match="'XL' is not a choice"):
        renderer.render(snippet, {"size": "XL"})


def test_unknown_region_in_a_template_call_is_an_error(renderer: Renderer) -> None:
    with pytest.raises(RenderError) as err:
        renderer.render(snip("{{ courier('火星').name }}"))
    assert "unknown region '火星'" in str(err.value)


# --- variants --------------------------------------------------------------------------------


def test_variants_never_repeat_back_to_back_in_one_conversation(shop: ShopProfile) -> None:
    renderer = Renderer(shop, lambda: NOW, rng=random.Random(1))
    snippet = snip(("A", "B", "C"))
    picks = [renderer.render(snippet, conversation="买家1") for _ in range(200)]
    assert all(a != b for a, b in itertools.pairwise(picks))
    assert set(picks) == {"A", "B", "C"}


def test_variants_are_remembered_per_conversation(shop: ShopProfile) -> None:
    class Scripted(random.Random):
        def choice(self, seq):  # type: ignore[no-untyped-def, override]
            return seq[0]  # always the first allowed one: shows what is excluded

    renderer = Renderer(shop, lambda: NOW, rng=Scripted())
    snippet = snip(("A", "B"))
    assert renderer.render(snippet, conversation="甲") == "A"
    assert renderer.render(snippet, conversation="乙") == "A"  # another buyer: A is fine
    assert renderer.render(snippet, conversation="甲") == "B"
    assert renderer.render(snippet, conversation="甲") == "A"


def test_macro_steps_are_rendered(renderer: Renderer) -> None:
    snippet = snip(
        (),
        steps=(
            Step("paste", "亲，满{{ free_threshold }}包邮"),
            Step("wait", ms=300),
            Step("enter"),
        ),
    )
    steps = renderer.render_steps(snippet)
    assert steps[0] == Step("paste", "亲，满99包邮")
    assert steps[1:] == snippet.steps[1:]


# --- undefined names and errors at the right line --------------------------------------------


def test_unknown_name_is_an_error_at_its_pack_line(renderer: Renderer) -> None:
    snippet = snip("亲\n满{{ free_treshold }}包邮", AMOUNT)
    with pytest.raises(RenderError) as err:
        renderer.render(snippet)
    assert str(err.value) == (
        "packs/demo.yaml:11: snippet demo.reply: unknown name 'free_treshold'"
        " (did you mean 'free_threshold'?)"
    )


def test_no_shop_profile_is_named_as_the_cause() -> None:
    renderer = Renderer(None, lambda: NOW)
    assert renderer.render(snip("今天{{ today }}")) == "今天11月23日"
    with pytest.raises(RenderError, match=r"'couriers' needs a shop profile, and none is loaded"):
        renderer.render(snip("发{{ couriers }}"))


def test_none_best_promotion_explains_itself(renderer: Renderer) -> None:
    with pytest.raises(RenderError, match=r"best_promotion\(amount\) is none when no promotion"):
        renderer.render(snip("{{ best_promotion(1).name }}"))


def test_computed_attribute_typo(renderer: Renderer) -> None:
    with pytest.raises(RenderError, match=r"courier\(region\) has no '\.nmae' \(did you mean"):
        renderer.render(snip("{{ courier().nmae }}"))


def test_excluded_region_missing_is_an_error_not_a_wrong_reply(renderer: Renderer) -> None:
    snippet = snip("还差{{ free_shipping(amount, region).missing }}元", AMOUNT, REGION)
    with pytest.raises(RenderError, match="新疆 never ships free"):
        renderer.render(snippet, {"region": "新疆"})


# --- check (the lint rule) -------------------------------------------------------------------


def shown(problems: list) -> list[str]:  # type: ignore[type-arg]
    return [str(p) for p in problems]


def test_check_reports_a_syntax_error_at_the_pack_line(renderer: Renderer) -> None:
    snippet = snip("亲\n{% if amount > 99 %}包邮\n", AMOUNT)
    assert shown(renderer.check(snippet)) == [
        "packs/demo.yaml:11: snippet demo.reply: template syntax error: Unexpected end of"
        " template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The"
        " innermost block that needs to be closed is 'if'. (every {% if %} needs {% endif %},"
        " every {% for %} needs {% endfor %})"
    ]


def test_check_flags_a_misspelt_placeholder_with_its_line(renderer: Renderer) -> None:
    snippet = snip(("第一种{{ amount }}", "第二种\n还差{{ amout }}元"), AMOUNT)
    assert shown(renderer.check(snippet)) == [
        "packs/demo.yaml:16: snippet demo.reply variant 2: unknown name 'amout'"
        " (did you mean 'amount'?)"
    ]


def test_check_sees_names_inside_loops_and_joins(renderer: Renderer) -> None:
    # Compiling routes loops and ~ through the sandbox's guards; the names are still the text's.
    snippet = snip("{% for p in promotons %}\n{{ p.name ~ shop_nmae }}{% endfor %}")
    assert shown(renderer.check(snippet)) == [
        "packs/demo.yaml:10: snippet demo.reply: unknown name 'promotons'"
        " (did you mean 'promotions'?)",
        "packs/demo.yaml:11: snippet demo.reply: unknown name 'shop_nmae'"
        " (did you mean 'shop_name'?)",
    ]
    assert shown(renderer.check(snippet)) == shown(renderer.check(snippet))  # cached: the same


def test_check_flags_unused_fields_and_attribute_typos(renderer: Renderer) -> None:
    snippet = snip("{{ ship_day.lable }}", AMOUNT)
    problems = renderer.check(snippet)
    assert shown(problems) == [
        "packs/demo.yaml:10: snippet demo.reply: ship_day has no '.lable' (did you mean 'label'?)",
        "packs/demo.yaml:7: warning: snippet demo.reply: field 'amount' is declared but no text"
        " uses it (remove it, or write {{ amount }} in the text)",
    ]
    assert problems[1].severity is Severity.WARNING


def test_check_refuses_include_and_unknown_filters(renderer: Renderer) -> None:
    assert shown(renderer.check(snip("亲\n{% include 'secret.txt' %}"))) == [
        "packs/demo.yaml:11: snippet demo.reply: {% include %} is not allowed: a reply cannot"
        " read other files (write the text into this snippet)"
    ]
    assert shown(renderer.check(snip("{{ shop_name|center(80) }}"))) == [
        "packs/demo.yaml:10: snippet demo.reply: the filter 'center' is not available in a reply"
        " (see docs/templates.md for the filters a reply may use)"
    ]


def test_check_warns_when_the_defaults_do_not_render(renderer: Renderer) -> None:
    snippet = snip(
        "{{ free_shipping(amount, region).missing }}",
        AMOUNT,
        Field("region", "省份", "region", default="西藏", line=8),
    )
    problems = renderer.check(snippet)
    assert len(problems) == 1
    assert problems[0].severity is Severity.WARNING
    assert "with the field defaults: free_shipping: 西藏 never ships free" in str(problems[0])


def test_check_is_clean_for_a_good_snippet(renderer: Renderer) -> None:
    assert renderer.check(snip(FREE_SHIPPING_TEXT, AMOUNT, REGION)) == []


def test_a_field_named_like_a_computed_value(renderer: Renderer) -> None:
    snippet = snip("{{ today }}", Field("today", "日期", line=6))
    assert "field 'today' hides the computed value 'today'" in shown(renderer.check(snippet))[0]


# --- the shipped library ---------------------------------------------------------------------


def shipped_snippets() -> list[Snippet]:
    library = load_library([PackDir(SHIPPED, PackSource.SHIPPED)])
    return list(library.snippets())


def _sample_values(snippet: Snippet) -> dict[str, str]:
    # Fields without a default get what an agent would type; the defaults are used otherwise.
    samples = {"number": "100", "region": "广东", "text": "示例"}
    return {
        f.name: (f.choices[0] if f.choices else samples.get(f.kind, "示例"))
        for f in snippet.fields
        if not f.default
    }


@pytest.mark.parametrize("when", [NOW, datetime(2026, 11, 23, 17, 30)], ids=["before", "after"])
def test_every_shipped_snippet_renders_with_the_example_shop(
    shop: ShopProfile, when: datetime
) -> None:
    renderer = Renderer(shop, lambda: when, rng=random.Random(3))
    failures: list[str] = []
    snippets = shipped_snippets()
    assert snippets, "no shipped snippets found"
    for snippet in snippets:
        values = _sample_values(snippet)
        outputs: list[str] = []
        try:
            for index in range(len(snippet.variants)):
                outputs.append(renderer.render_variant(snippet, index, values))
            outputs += [s.text for s in renderer.render_steps(snippet, values)]
        except RenderError as err:
            failures.append(str(err))
            continue
        for out in outputs:
            if any(mark in out for mark in ("{{", "}}", "{%", "%}", "{#")):
                failures.append(f"{snippet.id}: leftover braces in {out!r}")
    assert failures == []


def test_every_shipped_snippet_passes_the_template_check(shop: ShopProfile) -> None:
    renderer = Renderer(shop, lambda: NOW)
    problems = [str(p) for s in shipped_snippets() for p in renderer.check(s)]
    assert problems == []


def test_lint_flags_a_misspelt_placeholder_with_its_line(
    write_pack: Callable[[str, str], Path],
) -> None:
    path = write_pack(
        "team/pack.yaml",
        """
        pack: {id: t.pack, name: 测试}
        snippets:
          - id: t.free
            title: 包邮
            note: 买家问包邮
            examples: [包邮吗]
            fields:
              amount: {label: 金额, kind: number, default: "80"}
            text: |
              亲，满{{ free_threshold }}元包邮，
              您还差{{ free_shipping(amout).missing }}元哦
        """,
    )
    problems = [str(p) for p in lint_paths([path, SHIPPED / "shop.yaml"])]
    shown_path = display_path(path)
    assert problems == [
        f"{shown_path}:8: warning: snippet t.free: field 'amount' is declared but no text uses it"
        " (remove it, or write {{ amount }} in the text)",
        f"{shown_path}:11: snippet t.free: unknown name 'amout' (did you mean 'amount'?)",
    ]


def test_a_50000_character_reply_renders_whole(renderer: Renderer) -> None:
    """Long replies (policies, size charts) are pasted whole, never truncated (issue 6)."""
    body = ("亲，这是一段很长的售后说明。\n" * 4000)[:50_000]
    out = renderer.render(snip(body + "{{ shop_name }}"))
    assert out.startswith(body)
    assert len(out) > 50_000
