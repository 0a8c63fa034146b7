from __future__ import annotations

import textwrap
from datetime import datetime, time
from decimal import Decimal
from pathlib import Path

import pytest

from quickreply.core.shop import (
    Amount,
    ShopProfile,
    ShopRuleError,
    active_promotions,
    best_promotion,
    chinese_date,
    courier_for,
    format_yuan,
    free_shipping_for,
    load_shop,
    parse_amount,
    ship_day,
    weekday,
)
from tests.conftest import SHIPPED


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "shop.yaml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture
def shop() -> ShopProfile:
    profile, problems = load_shop(SHIPPED / "shop.yaml")
    assert problems == []
    assert profile is not None
    return profile


def test_example_shop_loads(shop: ShopProfile) -> None:
    assert shop.name == "小满生活馆"
    assert shop.agent_id == "小满-07"
    assert shop.couriers == ("中通快递", "韵达快递")
    assert shop.cutoff == time(16, 0)
    assert str(shop.cod_surcharge) == "5"
    assert [p.name for p in shop.promotions] == ["店庆满减", "会员9折"]


# --- money -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("99", "99"),
        ("98.99", "98.99"),
        ("0.01", "0.01"),
        ("100.50", "100.5"),
        ("1E+2", "100"),
        ("0.005", "0.01"),
        ("-0", "0"),
    ],
)
def test_yuan_print_without_trailing_zeros(value: str, shown: str) -> None:
    assert format_yuan(Decimal(value)) == shown
    assert str(Amount(value)) == shown


@pytest.mark.parametrize("text", ["abc", "", "1e999", "nan", "inf", "12.3.4"])
def test_non_amounts_are_refused(text: str) -> None:
    assert parse_amount(text) is None


def test_amounts_accept_currency_marks() -> None:
    assert parse_amount("¥150") == Decimal(150)
    assert parse_amount("150元") == Decimal(150)
    assert parse_amount(98.99) == Decimal("98.99")


# --- couriers --------------------------------------------------------------------------------


def test_courier_default_when_no_region(shop: ShopProfile) -> None:
    assert courier_for(shop).name == "中通快递"
    assert courier_for(shop, None).note == ""
    assert courier_for(shop, "广东").name == "中通快递"


def test_courier_rule_for_one_province_and_remote_regions(shop: ShopProfile) -> None:
    assert courier_for(shop, "海南").name == "EMS经济快递"
    remote = courier_for(shop, "新疆维吾尔自治区")
    assert (remote.name, remote.only, remote.region) == ("EMS", True, "新疆")
    assert "只能发EMS" in remote.note
    assert courier_for(shop, "内蒙").name == "EMS"


def test_courier_unknown_region_is_an_error_not_the_default(shop: ShopProfile) -> None:
    with pytest.raises(ShopRuleError, match="unknown region '火星'"):
        courier_for(shop, "火星")


# --- free shipping ---------------------------------------------------------------------------


def test_free_shipping_exactly_at_the_threshold(shop: ShopProfile) -> None:
    result = free_shipping_for(shop, "99", "广东")
    assert result.applies
    assert str(result.missing) == "0"


def test_free_shipping_one_fen_short(shop: ShopProfile) -> None:
    result = free_shipping_for(shop, "98.99", "广东")
    assert not result.applies
    assert str(result.missing) == "0.01"
    assert str(result.threshold) == "99"


def test_free_shipping_well_short_and_well_over(shop: ShopProfile) -> None:
    assert str(free_shipping_for(shop, "49", None).missing) == "50"
    assert free_shipping_for(shop, "150").applies


def test_excluded_region_never_free_and_missing_is_an_error(shop: ShopProfile) -> None:
    result = free_shipping_for(shop, "150", "新疆维吾尔自治区")
    assert not result.applies
    assert result.excluded
    assert str(result.surcharge) == "15"
    with pytest.raises(ShopRuleError, match="新疆 never ships free"):
        _ = result.missing


def test_free_shipping_bad_amount(shop: ShopProfile) -> None:
    with pytest.raises(ShopRuleError, match="'abc' is not an amount of money"):
        free_shipping_for(shop, "abc")


# --- promotions ------------------------------------------------------------------------------


def test_promotion_ending_at_2359_is_active_through_235959(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        name: 店
        promotions:
          - name: 双11
            start: "2026-11-11 00:00"
            end: "2026-11-11 23:59"
            tiers: [{spend: 200, off: 20}]
        """,
    )
    shop, problems = load_shop(path)
    assert problems == []
    assert shop is not None
    assert [
        p.name for p in active_promotions(shop, datetime(2026, 11, 11, 23, 59, 59, 999999))
    ] == ["双11"]
    assert active_promotions(shop, datetime(2026, 11, 12, 0, 0, 0)) == []
    assert active_promotions(shop, datetime(2026, 11, 10, 23, 59, 59)) == []
    assert [p.name for p in active_promotions(shop, datetime(2026, 11, 11, 0, 0))] == ["双11"]


def test_a_date_only_end_covers_the_whole_day(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        name: 店
        promotions:
          - {name: 周末, start: 2026-05-01, end: 2026-05-03, rate: 9折}
        """,
    )
    shop, problems = load_shop(path)
    assert problems == [] and shop is not None
    assert active_promotions(shop, datetime(2026, 5, 3, 23, 59, 59))
    assert not active_promotions(shop, datetime(2026, 5, 4, 0, 0))
    assert active_promotions(shop, datetime(2026, 5, 3, 12, 0))[0].ends == "5月3日 23:59"


def test_active_promotions_summary_and_end(shop: ShopProfile) -> None:
    now = datetime(2026, 11, 23, 14, 5)
    promos = active_promotions(shop, now)
    assert [(p.name, p.summary) for p in promos] == [
        ("店庆满减", "满200减20，满300减40"),
        ("会员9折", "满100享9折"),
    ]
    assert promos[0].ends == "2027年12月31日 23:59"
    later = active_promotions(shop, datetime(2027, 11, 23, 14, 5))
    assert [p.name for p in later] == ["店庆满减"]
    assert later[0].ends == "12月31日 23:59"


@pytest.mark.parametrize(
    ("amount", "name", "saving", "price"),
    [
        ("99.99", None, None, None),  # under every tier and under the 9折 minimum
        ("100", "会员9折", "10", "90"),  # 9折 minimum reached exactly
        ("150", "会员9折", "15", "135"),
        ("199.99", "会员9折", "20", "179.99"),  # 19.999 rounds to 20.00
        ("200", "店庆满减", "20", "180"),  # tie 20 vs 20: the first in the file
        ("250", "会员9折", "25", "225"),
        ("299.99", "会员9折", "30", "269.99"),
        ("300", "店庆满减", "40", "260"),  # tier 300 beats tier 200 and 30 off
        ("400", "店庆满减", "40", "360"),  # 40 vs 40: the first
        ("500", "会员9折", "50", "450"),
    ],
)
def test_best_promotion_is_the_largest_saving(
    shop: ShopProfile, amount: str, name: str | None, saving: str | None, price: str | None
) -> None:
    best = best_promotion(shop, amount, datetime(2026, 11, 23, 14, 5))
    if name is None:
        assert best is None
        return
    assert best is not None
    assert (best.name, str(best.saving), str(best.price)) == (name, saving, price)


def test_no_promotion_outside_their_dates(shop: ShopProfile) -> None:
    assert best_promotion(shop, "500", datetime(2025, 12, 31, 23, 59, 59)) is None
    assert best_promotion(shop, "500", datetime(2028, 1, 1, 0, 0)) is None


# --- cut-off and dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "today", "label", "left"),
    [
        (datetime(2026, 11, 23, 13, 45), True, "今天", "2小时15分"),
        (datetime(2026, 11, 23, 14, 0), True, "今天", "2小时"),
        (datetime(2026, 11, 23, 15, 15), True, "今天", "45分钟"),
        (datetime(2026, 11, 23, 15, 59, 30), True, "今天", "1分钟"),
        (datetime(2026, 11, 23, 15, 59, 59, 999999), True, "今天", "1分钟"),
        (datetime(2026, 11, 23, 16, 0, 0), False, "明天", ""),  # the cut-off itself: tomorrow
        (datetime(2026, 11, 23, 23, 59), False, "明天", ""),
        (datetime(2026, 11, 24, 0, 0), True, "今天", "16小时"),
    ],
)
def test_ship_day_around_the_cutoff(
    shop: ShopProfile, now: datetime, today: bool, label: str, left: str
) -> None:
    result = ship_day(shop, now)
    assert (result.today, result.label, result.time_left) == (today, label, left)


def test_chinese_date_and_weekday() -> None:
    monday = datetime(2026, 11, 23, 14, 5)
    assert chinese_date(monday) == "11月23日"
    assert weekday(monday) == "周一"
    assert weekday(datetime(2026, 11, 29)) == "周日"


# --- loading problems ------------------------------------------------------------------------


def test_unquoted_cutoff_time_is_read_as_a_time(tmp_path: Path) -> None:
    shop, problems = load_shop(write(tmp_path, "name: 店\ncutoff: 17:30\n"))
    assert problems == [] and shop is not None
    assert shop.cutoff == time(17, 30)


def test_problems_point_at_the_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        name: 店
        couriers:
          default: [中通快递]
          regions:
            - regions: [新彊]
              courier: EMS
        free_shipping:
          threshhold: 99
        cutoff: "25:00"
        promotions:
          - name: 满减
            start: "2026-11-11 00:00"
            end: "2026-11-10 00:00"
            tiers: [{spend: 200, off: 200}]
        """,
    )
    shop, problems = load_shop(path)
    assert shop is None
    shown = [str(p).replace(str(path), "shop.yaml") for p in problems]
    assert shown == [
        "shop.yaml:5: couriers.regions[0].regions[0]: unknown region '新彊' (did you mean '新疆'?)",
        "shop.yaml:8: free_shipping: unknown key 'threshhold' (did you mean 'threshold'?)",
        "shop.yaml:7: free_shipping: threshold is required (write threshold: 99)",
        "shop.yaml:14: promotions[0].tiers[0]: takes off 200 from 200:"
        " the saving must be less than the spend",
        "shop.yaml:13: promotions[0].end: ends before it starts (swap start and end)",
        "shop.yaml:9: cutoff: '25:00' is not a time of day (write cutoff: \"16:00\")",
    ]


def test_missing_file_is_one_problem(tmp_path: Path) -> None:
    shop, problems = load_shop(tmp_path / "nope.yaml")
    assert shop is None
    assert len(problems) == 1
    assert "no such file" in str(problems[0])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{}\n", "shop.yaml:1: name: is required (write a value after the colon)"),
        (
            "- 店\n",
            "shop.yaml:1: expected a mapping of key: value lines (see docs/shop-profile.md)",
        ),
    ],
)
def test_a_profile_that_is_not_a_filled_mapping_is_one_problem(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = write(tmp_path, text)
    shop, problems = load_shop(path)
    assert shop is None
    assert [str(p).replace(str(path), "shop.yaml") for p in problems] == [problem]


def test_unsupported_version(tmp_path: Path) -> None:
    shop, problems = load_shop(write(tmp_path, "version: 2\nname: 店\n"))
    assert shop is None
    assert "format version 2 is not supported" in str(problems[0])


def test_a_bare_number_cutoff_is_refused_with_the_other_problems(tmp_path: Path) -> None:
    path = write(tmp_path, "name: 店\ncutoff: 16  # 下午4点\nfree_shipping: {threshold: abc}\n")
    shop, problems = load_shop(path)
    assert shop is None
    assert [str(p).replace(str(path), "shop.yaml") for p in problems] == [
        "shop.yaml:3: free_shipping.threshold: 'abc' is not an amount in yuan"
        " (write a number, e.g. 99 or 12.5)",
        'shop.yaml:2: cutoff: a time of day needs hours and minutes (write cutoff: "16:00")',
    ]


@pytest.mark.parametrize("written", ["25:00", "24:00", '"24:00"', "99"])
def test_impossible_cutoff_is_refused_as_written(tmp_path: Path, written: str) -> None:
    shop, problems = load_shop(write(tmp_path, f"name: 店\ncutoff: {written}\n"))
    assert shop is None
    assert "is not a time of day" in str(problems[0]) or "needs hours and minutes" in str(
        problems[0]
    )
    if written == "25:00":
        assert "'25:00'" in str(problems[0])


def test_synonyms_are_lines_of_words_and_a_short_line_is_one_clear_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "name: 店\nsynonyms:\n  - [拍错, 买错]\n  - [孤单]\n")
    shop, problems = load_shop(path)
    assert shop is None
    assert [(p.line, p.message) for p in problems] == [(4, "expected a list of two or more words")]
    shop, problems = load_shop(write(tmp_path, "name: 店\nsynonyms:\n  - [拍错, 买错]\n"))
    assert problems == [] and shop is not None
    assert shop.synonyms == (("拍错", "买错"),)


def test_a_shop_synonym_finds_the_reply_below_literal_matches(shop: ShopProfile) -> None:
    from quickreply.core.search import SearchIndex
    from quickreply.core.search.synonyms import Synonyms
    from tests.searchlib import LIB

    plain = SearchIndex.build(LIB)
    assert plain.search("买错") == []
    index = SearchIndex.build(LIB, synonyms=Synonyms.with_shop([("买错", "退货")]))
    hits = index.search("买错")
    assert hits and hits[0].snippet.id == "return.addr"
    assert all(h.why == "synonym" for h in hits)


def test_the_message_limit_defaults_to_500_and_a_shop_may_set_its_own(tmp_path: Path) -> None:
    shop, problems = load_shop(write(tmp_path, "name: 店\n"))
    assert problems == [] and shop is not None and shop.message_limit == 500
    shop, problems = load_shop(write(tmp_path, "name: 店\nmessage_limit: 300\n"))
    assert problems == [] and shop is not None and shop.message_limit == 300


@pytest.mark.parametrize("written", ["0", "-5", "lots", "12.5", "true"])
def test_a_message_limit_that_is_not_a_count_is_one_clear_problem(
    tmp_path: Path, written: str
) -> None:
    shop, problems = load_shop(write(tmp_path, f"name: 店\nmessage_limit: {written}\n"))
    assert shop is None
    assert [(p.line, p.is_error) for p in problems] == [(2, True)]
    assert "message_limit: 500" in str(problems[0])
