"""Reminder times from the shop's rules: before today's cut-off, before a promotion ends."""

from __future__ import annotations

from datetime import datetime, time

from quickreply.core.reminders import ReminderKind, RuleReminder, rule_reminders
from quickreply.core.shop import Promotion, ShopProfile, Tier, parse_amount


def shop(*promotions: Promotion) -> ShopProfile:
    return ShopProfile(name="测试店", cutoff=time(16, 0), promotions=promotions)


def promotion(name: str, start: datetime, until: datetime) -> Promotion:
    tier = Tier(parse_amount(200), parse_amount(20))  # type: ignore[arg-type]
    return Promotion(name=name, start=start, end=until, until=until, tiers=(tier,))


def test_before_todays_cut_off_fifteen_minutes_ahead() -> None:
    [cutoff] = rule_reminders(shop(), datetime(2026, 11, 23, 10, 0))
    assert cutoff == RuleReminder(
        ReminderKind.CUTOFF, datetime(2026, 11, 23, 15, 45), datetime(2026, 11, 23, 16, 0)
    )
    # Ten minutes before the cut-off: come back now, not in the past.
    [late] = rule_reminders(shop(), datetime(2026, 11, 23, 15, 50))
    assert late.at == datetime(2026, 11, 23, 15, 50)
    assert rule_reminders(shop(), datetime(2026, 11, 23, 16, 0)) == []  # shipped tomorrow now


def test_before_a_promotion_ends_only_while_it_runs_and_ends_soon() -> None:
    double11 = promotion("双11", datetime(2026, 11, 11), datetime(2026, 11, 12))
    far = promotion("年货节", datetime(2026, 11, 1), datetime(2027, 1, 31))
    found = rule_reminders(shop(double11, far), datetime(2026, 11, 11, 17, 0))
    assert [(r.kind, r.name, r.at) for r in found] == [
        (ReminderKind.PROMOTION, "双11", datetime(2026, 11, 11, 23, 0))
    ]
    assert rule_reminders(shop(double11), datetime(2026, 11, 10, 12, 0))[1:] == []  # not yet


def test_soonest_first_and_nothing_without_a_shop() -> None:
    double11 = promotion("双11", datetime(2026, 11, 11), datetime(2026, 11, 11, 15, 0))
    found = rule_reminders(shop(double11), datetime(2026, 11, 11, 9, 0))
    assert [r.kind for r in found] == [ReminderKind.PROMOTION, ReminderKind.CUTOFF]
    assert rule_reminders(None, datetime(2026, 11, 11, 9, 0)) == []
