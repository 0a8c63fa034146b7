from __future__ import annotations

from pathlib import Path

import pytest

from quickreply.cli import main
from tests.conftest import SHIPPED

NOW = ["--now", "2026-11-23 14:05"]


def render(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["render", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("amount", "region", "says", "never"),
    [
        ("150", "新疆", "新疆属于偏远地区，暂时不参加包邮活动，需要补15元运费", "包邮哦"),
        ("150", "新疆维吾尔自治区", "新疆属于偏远地区", "还差"),
        ("99", "广东", "您这单已满99元，寄广东包邮哦", "还差"),
        ("98.99", "广东", "您这单再买0.01元就能包邮啦", "已满"),
        ("300", "西藏", "西藏属于偏远地区，暂时不参加包邮活动，需要补15元运费", "还差"),
    ],
)
def test_free_shipping_reply_says_the_right_thing(
    capsys: pytest.CaptureFixture[str], amount: str, region: str, says: str, never: str
) -> None:
    code, out, err = render(
        capsys, "shipping.free", "--set", f"amount={amount}", "--set", f"region={region}", *NOW
    )
    assert (code, err) == (0, "")
    assert says in out
    assert never not in out
    assert "{" not in out


def test_shortcut_code_and_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = render(capsys, "by", *NOW)  # default amount 80, region 广东
    assert code == 0
    assert "再买19元就能包邮" in out


def test_unknown_id_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = render(capsys, "shipping.fre", *NOW)
    assert (code, out) == (1, "")
    assert err == (
        "quickreply render: no snippet with id or code 'shipping.fre'"
        " (did you mean 'shipping.free'?)\n"
    )


def test_bad_number_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = render(capsys, "shipping.free", "--set", "amount=abc", *NOW)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1
    assert "field 'amount' (订单金额（元）): 'abc' is not a number (write digits" in err
    assert err.startswith("quickreply render: ")
    assert "promotions.yaml:" in err


def test_unknown_field_and_malformed_set(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = render(capsys, "shipping.free", "--set", "amout=1", *NOW)
    assert code == 1
    assert err == (
        "quickreply render: snippet shipping.free has no field 'amout' (did you mean 'amount'?)\n"
    )
    code, _, err = render(capsys, "shipping.free", "--set", "amount", *NOW)
    assert code == 1
    assert "--set 'amount': expected NAME=VALUE" in err


def test_variant_out_of_range_says_which_exist(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = render(capsys, "shipping.free", "--variant", "9", *NOW)
    assert (code, out) == (1, "")
    assert err == (
        "quickreply render: snippet shipping.free has 1 variant(s), not 9 (give --variant 1 to 1)\n"
    )


def test_bad_now(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = render(capsys, "shipping.free", "--now", "明天")
    assert code == 1
    assert err == (
        'quickreply render: --now \'明天\': expected "YYYY-MM-DD HH:MM", e.g. "2026-11-11 15:30"\n'
    )


def test_missing_field_says_how_to_set_it(
    capsys: pytest.CaptureFixture[str], write_pack: object, tmp_path: Path
) -> None:
    pack = tmp_path / "extra.yaml"
    pack.write_text(
        "pack: {id: t.extra, name: 测试}\n"
        "snippets:\n"
        "  - id: order.noted\n"
        "    title: 订单号\n"
        "    fields:\n"
        "      order_no: {label: 订单号}\n"
        "    text: 亲，订单{{ order_no }}已经发出啦\n",
        encoding="utf-8",
    )
    code, _, err = render(capsys, "order.noted", "--pack", str(pack), *NOW)
    assert code == 1
    assert err == (
        "quickreply render: snippet order.noted: field 'order_no' (订单号) has no value"
        " (add --set order_no=VALUE)\n"
    )
    code, out, _ = render(capsys, "order.noted", "--pack", str(pack), "--set", "order_no=8812")
    assert (code, out) == (0, "亲，订单8812已经发出啦\n")


def test_shop_option_and_a_broken_shop(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shop = tmp_path / "shop.yaml"
    text = (
        (SHIPPED / "shop.yaml")
        .read_text(encoding="utf-8")
        .replace("threshold: 99", "threshold: 59")
    )
    shop.write_text(text, encoding="utf-8")
    code, out, _ = render(capsys, "shipping.free", "--shop", str(shop), "--set", "amount=60", *NOW)
    assert code == 0
    assert "已满59元" in out
    shop.write_text("name: 店\ncutoff: 25:00\n", encoding="utf-8")
    code, out, err = render(capsys, "shipping.free", "--shop", str(shop), *NOW)
    assert (code, out) == (1, "")
    assert err.endswith(
        "shop.yaml:2: cutoff: '25:00' is not a time of day (write cutoff: \"16:00\")\n"
    )


def test_cutoff_in_a_reply_follows_now(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "pack: {id: t.p, name: 测试}\n"
        "snippets:\n"
        "  - id: t.ship\n"
        "    title: 发货\n"
        "    text: '{{ ship_day.label }}发货'\n",
        encoding="utf-8",
    )
    assert (
        render(capsys, "t.ship", "--pack", str(pack), "--now", "2026-11-23 15:59")[1]
        == "今天发货\n"
    )
    assert (
        render(capsys, "t.ship", "--pack", str(pack), "--now", "2026-11-23 16:00")[1]
        == "明天发货\n"
    )
