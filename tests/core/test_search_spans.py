"""Matched spans: the characters of a shown title or code that a query matched."""

from __future__ import annotations

import pytest

from quickreply.core.search.spans import RowSpans, row_spans
from quickreply.core.textkeys import TextKeys


@pytest.fixture(scope="module")
def keys() -> TextKeys:
    return TextKeys()


def shown(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_pinyin_highlights_the_characters_whose_syllables_matched(keys: TextKeys) -> None:
    assert shown("合作快递", row_spans(keys, "kuaidi", "合作快递").title) == ["快递"]
    # The last syllable may be begun, as the search allows.
    assert shown("快递咨询", row_spans(keys, "kuaid", "快递咨询").title) == ["快递"]


def test_initials_highlight_those_characters(keys: TextKeys) -> None:
    assert shown("提醒确认收货", row_spans(keys, "qrsh", "提醒确认收货").title) == ["确认收货"]


def test_a_code_match_highlights_the_code(keys: TextKeys) -> None:
    spans = row_spans(keys, "kd", "快递咨询", "kdzx")
    assert shown("kdzx", spans.code) == ["kd"]
    assert row_spans(keys, "zx", "退货", "kdzx").code == ()  # codes match by prefix only


def test_hanzi_traditional_and_full_width_map_back_to_the_shown_text(keys: TextKeys) -> None:
    assert shown("退貨地址", row_spans(keys, "退货", "退貨地址").title) == ["退貨"]
    assert shown("ＶＩＰ会员", row_spans(keys, "vip", "ＶＩＰ会员").title) == ["ＶＩＰ"]
    assert shown("七天无理由", row_spans(keys, "7天", "七天无理由").title) == ["七天"]
    assert shown("七天无理由", row_spans(keys, "qitian", "七天无理由").title) == ["七天"]


def test_every_term_of_the_query_is_highlighted(keys: TextKeys) -> None:
    spans = row_spans(keys, "wuliu yanchi", "物流延迟安抚")
    assert shown("物流延迟安抚", spans.title) == ["物流延迟"]  # adjacent spans merge


def test_loose_matches_highlight_each_character(keys: TextKeys) -> None:
    assert shown("修改收货地址", row_spans(keys, "修改地址", "修改收货地址").title) == [
        "修改",
        "地址",
    ]


def test_no_match_or_no_query_highlights_nothing(keys: TextKeys) -> None:
    assert row_spans(keys, "", "快递") == RowSpans()
    assert row_spans(keys, "tuihuo", "合作快递") == RowSpans()
    assert row_spans(keys, "/售后", "退货") == RowSpans()  # a group filter is not in the title


def test_only_the_readings_the_search_spells_titles_with_count(keys: TextKeys) -> None:
    # 说 is shuo; its rare reading shui is not indexed (the search finds 使用说明 for shui only
    # as a typo), so nothing lights up for it.
    assert row_spans(keys, "shui", "使用说明").title == ()
    assert shown("使用说明", row_spans(keys, "shuo", "使用说明").title) == ["说"]
    # A common polyphone's second reading is indexed, and shown: 行 as hang in 银行.
    assert shown("银行卡", row_spans(keys, "yinhang", "银行卡").title) == ["银行"]
