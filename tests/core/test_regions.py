from __future__ import annotations

import pytest

from quickreply.core.regions import (
    REGIONS,
    SHORT_NAMES,
    lookup_region,
    match_regions,
    normalize_region,
    typed_region,
)


def test_all_34_provincial_level_divisions_are_there_once() -> None:
    assert len(REGIONS) == 34
    assert len(set(SHORT_NAMES)) == 34
    assert len({r.official for r in REGIONS}) == 34


@pytest.mark.parametrize(
    ("typed", "short"),
    [
        ("新疆", "新疆"),
        ("新疆维吾尔自治区", "新疆"),
        ("内蒙古", "内蒙古"),
        ("内蒙古自治区", "内蒙古"),
        ("内蒙", "内蒙古"),
        ("广西壮族自治区", "广西"),
        ("宁夏回族自治区", "宁夏"),
        ("西藏自治区", "西藏"),
        ("香港特别行政区", "香港"),
        ("澳门特别行政区", "澳门"),
        ("澳門", "澳门"),
        ("台湾", "台湾"),
        ("台湾省", "台湾"),
        ("臺灣", "台湾"),
        ("广东省", "广东"),
        ("廣東", "广东"),
        ("北京市", "北京"),
        ("上海", "上海"),
        ("重庆市", "重庆"),
        ("黑龙江省", "黑龙江"),
        ("粤", "广东"),
        ("沪", "上海"),
        ("新疆省", "新疆"),
        (" 新 疆 ", "新疆"),
        ("广东省深圳市南山区科技园", "广东"),
        ("新疆维吾尔自治区乌鲁木齐市", "新疆"),
        ("陕西", "陕西"),
        ("山西", "山西"),
    ],
)
def test_short_official_alias_and_address_all_normalise_to_the_short_name(
    typed: str, short: str
) -> None:
    assert normalize_region(typed) == short


@pytest.mark.parametrize("typed", ["", "   ", "火星", "新乡市", "Guangdong"])
def test_unknown_regions_are_none_not_a_guess(typed: str) -> None:
    assert normalize_region(typed) is None


def test_lookup_gives_the_official_name() -> None:
    region = lookup_region("新疆")
    assert region is not None
    assert region.official == "新疆维吾尔自治区"


@pytest.mark.parametrize(
    ("typed", "short"),
    [("xj", "新疆"), ("xinjiang", "新疆"), ("Xin Jiang", "新疆"), ("gd", "广东"), ("nmg", "内蒙古"),
     ("hongkong", "香港"), ("新疆", "新疆"), ("臺灣", "台湾")],
)  # fmt: skip
def test_a_region_field_takes_the_pinyin_the_search_box_takes(typed: str, short: str) -> None:
    region = typed_region(typed)
    assert region is not None and region.short == short


@pytest.mark.parametrize("typed", ["shanxi", "sx", "hn", "zz", "xin"])
def test_a_spelling_two_regions_share_names_neither(typed: str) -> None:
    assert typed_region(typed) is None


def test_the_drop_down_offers_every_region_a_typed_start_could_be() -> None:
    assert match_regions("sx") == ["山西", "陕西"]
    assert match_regions("xin") == ["新疆"]
    assert match_regions("广") == ["广东", "广西"]
    assert len(match_regions("")) == 34
