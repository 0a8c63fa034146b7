from __future__ import annotations

from pathlib import Path

import pytest

from quickreply.core import lint
from quickreply.core.lint import (
    RULES,
    LintConfig,
    LintContext,
    find_claims,
    is_first_contact,
    lint_library,
    lint_paths,
)
from quickreply.core.model import Library, Pack, PackMeta, PackSource, Snippet
from quickreply.core.problems import Problem


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def snip(sid: str, text: str = "亲，在的~", **kw: object) -> Snippet:
    kw.setdefault("title", "标题")
    kw.setdefault("note", "何时用")
    kw.setdefault("examples", ("在吗",))
    kw.setdefault("path", "p.yaml")
    kw.setdefault("line", 10)
    kw.setdefault("variant_lines", (12,))
    return Snippet(id=sid, variants=(text,), **kw)  # type: ignore[arg-type]


def lib(*snippets: Snippet) -> Library:
    return Library((Pack(PackMeta("p", "包"), snippets, Path("p.yaml"), PackSource.SHIPPED),))


def lines(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def test_a_clean_snippet_has_no_problems() -> None:
    assert lint_library(lib(snip("a", code="nh"), snip("b", code="zj"))) == []


def test_shortcut_codes_must_be_well_formed_and_unique() -> None:
    library = lib(
        snip("a", code="nh"), snip("b", code="nh", line=20), snip("c", code="n h", line=30)
    )
    assert lines(lint_library(library)) == [
        "p.yaml:20: snippet 'b': shortcut code 'nh' is already used by 'a' at p.yaml:10"
        " (choose another code; 'nh' stays with 'a')",
        "p.yaml:30: snippet 'c': shortcut code 'n h' is malformed"
        " (use 1-12 lowercase letters or digits, e.g. kd)",
    ]


def test_a_direct_hotkey_belongs_to_one_snippet() -> None:
    library = lib(snip("a", hotkey="ctrl+alt+1"), snip("b", hotkey="ctrl+alt+1", line=20))
    assert lines(lint_library(library)) == [
        "p.yaml:20: snippet 'b': hotkey 'ctrl+alt+1' is already used by 'a' at p.yaml:10"
        " (choose another hotkey; 'ctrl+alt+1' stays with 'a')"
    ]


def test_titles_are_required() -> None:
    assert lines(lint_library(lib(snip("a", title=" ")))) == [
        "p.yaml:10: snippet 'a': missing 'title' (add a short title, e.g. title: 合作快递)"
    ]


def test_missing_note_and_examples_are_warnings() -> None:
    problems = lint_library(lib(snip("a", note="", examples=())))
    assert lines(problems) == [
        "p.yaml:10: warning: snippet 'a': no 'note' saying when to use it"
        " (add one, e.g. note: 买家问发什么快递时用)",
        "p.yaml:10: warning: snippet 'a': no 'examples' of buyer questions"
        " (add some, e.g. examples: [发什么快递, 能发顺丰吗])",
    ]
    assert not any(p.is_error for p in problems)
    assert lint_library(lib(snip("a", note="")), config=LintConfig(warn_missing_docs=False)) == []


FIVE_LINES = "亲，欢迎光临~\n全场满99包邮\n16:00前付款当天发\n有问题随时找我\n祝您购物愉快"


@pytest.mark.parametrize(
    ("group", "tags", "first_contact"),
    [
        ("欢迎", (), True),
        ("欢迎语/新客", (), True),
        ("问候/首次接待", (), True),
        ("问候/再见", (), False),
        ("售后/退换", ("自动回复",), True),
        ("物流/快递", ("快递",), False),
    ],
)
def test_what_counts_as_a_first_contact_auto_reply(
    group: str, tags: tuple[str, ...], first_contact: bool
) -> None:
    assert is_first_contact(snip("a", group=group, tags=tags), LintConfig()) is first_contact


def test_a_first_contact_auto_reply_has_at_most_four_lines() -> None:
    four = FIVE_LINES.rsplit("\n", 1)[0]
    library = lib(
        snip("long", FIVE_LINES, group="问候/首次接待"),
        snip("ok", four, group="问候/首次接待", line=30),
        snip("other", FIVE_LINES, group="售后", line=40),  # not a first contact: any length
    )
    assert lines(lint_library(library)) == [
        "p.yaml:12: snippet 'long': first-contact auto reply has 5 lines, more than 4"
        " (buyers skim the first message: keep it to 4 lines)"
    ]
    relaxed = LintConfig(first_contact_max_lines=5)
    assert lint_library(library, config=relaxed) == []


def test_each_variant_is_checked_at_its_own_line() -> None:
    snippet = Snippet(
        "v",
        "问候",
        ("亲在的", FIVE_LINES),
        group="欢迎",
        note="n",
        examples=("e",),
        path="p.yaml",
        line=3,
        variant_lines=(5, 6),
    )
    assert [p.line for p in lint_library(lib(snippet))] == [6]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("全网最低价，品质第一", ["最", "第一"]),
        ("顶级面料，国家级认证，100%正品", ["顶级", "国家级", "100%"]),
        ("绝对万能，极品好物，首个上市", ["绝对", "万能", "极品", "首个"]),
        ("这款最好，最便宜，最佳选择，最高级", ["最", "最", "最", "最"]),
        ("销量冠军", ["销量冠军"]),
        # time, quantity and ordinal words are not claims
        ("最近发货，最晚16:00，最迟明天，最快后天到，最后一件，最早发出", []),
        ("我们会第一时间处理，第一次购买可以领券，第一件原价", []),
        ("最新物流显示已到站，最多等3天，最少买2件", []),
        ("面料是100%棉，放心洗", []),
    ],
)
def test_absolute_claims(text: str, words: list[str]) -> None:
    assert [word for _, word in find_claims(text, LintConfig())] == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # issue 11.10: ordinary words on real shop replies are not claims ...
        ("您最好先确认一下收货地址哦", []),
        ("亲最好不要机洗，最好在阴凉处晾干", []),
        ("您的满意是我们最大的动力，我们会尽最大努力", []),
        ("第一车队今天已经出发了，我们会第一时间通知您", []),
        ("第一眼看到就喜欢，第一季度上新", []),
        # ... while the same words as claims still are
        ("这是全网最好的面料", ["最"]),
        ("这款最好，您最好的选择", ["最", "最"]),
        ("最大的优惠就在今天", ["最"]),
        ("销量第一，行业第一品牌，第一名", ["第一", "第一", "第一"]),
    ],
)
def test_everyday_uses_of_claim_words_are_not_flagged(text: str, words: list[str]) -> None:
    assert [word for _, word in find_claims(text, LintConfig())] == words


def test_a_pack_may_allow_a_phrase_in_its_header(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    pack = """\
pack:
  id: team.fleet
  name: 车队
  allowed_phrases: [第一物流]
snippets:
  - id: fleet.go
    title: 发车
    text: 第一物流的车已经出发，全网第一
    note: 发车时用
    examples: [发车了吗]
"""
    (tmp_path / "fleet.yaml").write_text(pack, encoding="utf-8")
    assert [p.message for p in lint_paths([Path("fleet.yaml")])] == [
        "absolute claim '第一' in “…经出发，全网第一”"
    ]
    other = pack.replace("  allowed_phrases: [第一物流]\n", "")
    (tmp_path / "fleet.yaml").write_text(other, encoding="utf-8")
    assert len(lint_paths([Path("fleet.yaml")])) == 2


def test_an_absolute_claim_is_reported_at_its_line_inside_the_text() -> None:
    text = "亲，这款卖得很好\n我们家是全网最便宜的\n放心拍"
    assert lines(lint_library(lib(snip("price", text)))) == [
        "p.yaml:13: snippet 'price': absolute claim '最' in “我们家是全网最便宜的”"
        " (广告法 bans absolute terms in sales talk: state the plain fact instead)"
    ]


def test_the_claim_lists_are_configurable() -> None:
    library = lib(snip("a", "这是独家款，最好先量尺寸"))
    config = LintConfig(banned_claims=("独家", "最"), allowed_phrases=("最好先",))
    assert [p.message for p in lint_library(library, config=config)] == [
        "absolute claim '独家' in “这是独家款，最好先量…”"
    ]


def test_macro_steps_are_checked_too() -> None:
    from quickreply.core.model import Step

    snippet = Snippet(
        "m", "宏", (), steps=(Step("paste", "顶级服务"),), note="n", examples=("e",), path="p.yaml",
        line=7,
    )  # fmt: skip
    assert [(p.line, p.message) for p in lint_library(lib(snippet))] == [
        (7, "absolute claim '顶级' in “顶级服务”")
    ]


def test_a_new_rule_is_one_more_function() -> None:
    def no_exclamation(library: Library, context: LintContext) -> list[Problem]:
        return [
            Problem(s.path, s.line, f"snippet '{s.id}'", "too excited")
            for s in library.snippets()
            if "!" in s.text
        ]

    problems = lint_library(lib(snip("a", "在的!")), rules=(*RULES, no_exclamation))
    assert lines(problems) == ["p.yaml:10: snippet 'a': too excited"]


# -- lint_paths: load problems + rules, with a shop profile when given -----------------------


GOOD = """\
pack:
  id: good
  name: 好
snippets:
  - id: a
    title: 一
    code: a1
    text: 在的
    note: 何时用
    examples: [在吗]
"""


def test_lint_paths_combines_loading_problems_and_rules_once_each() -> None:
    Path("packs").mkdir()
    Path("packs/a.yaml").write_text(GOOD, encoding="utf-8")
    Path("packs/b.yaml").write_text(
        GOOD.replace("id: good", "id: other").replace("id: a\n", "id: b\n"), encoding="utf-8"
    )
    assert lines(lint_paths([Path("packs")])) == [
        # reported by the loader and by the rule: said once
        "packs/b.yaml:5: snippet 'b': shortcut code 'a1' is already used by 'a' at"
        " packs/a.yaml:5 (choose another code; 'a1' stays with 'a')"
    ]


def test_lint_paths_hands_shop_yaml_to_the_shop_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Path] = []

    def load_shop(path: Path) -> tuple[object, list[Problem]]:
        seen.append(path)
        return None, [Problem(str(path), 3, "free_shipping", "threshold must be a number")]

    monkeypatch.setattr(lint, "load_shop", load_shop)
    Path("packs").mkdir()
    Path("packs/a.yaml").write_text(GOOD, encoding="utf-8")
    Path("packs/shop.yaml").write_text("x: 1\n", encoding="utf-8")
    assert lines(lint_paths([Path("packs")])) == [
        "packs/shop.yaml:3: free_shipping: threshold must be a number"
    ]
    assert lines(lint_paths([Path("packs/shop.yaml")])) == [
        "packs/shop.yaml:3: free_shipping: threshold must be a number"
    ]
    assert seen == [Path("packs/shop.yaml")] * 2
