"""The values templates compute from the shop profile at a given moment (couriers, free
shipping, promotions, the cut-off).

Everything here is pure: the current time is always a parameter (the renderer passes its
injected clock's reading), money is :class:`decimal.Decimal`, and a question the rules cannot
answer (an unknown region, a free-shipping gap for a region that never ships free) raises
:class:`ShopRuleError` instead of producing a plausible but wrong reply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from quickreply.core.regions import lookup_region, suggest_region
from quickreply.core.shop.dates import chinese_moment, format_duration
from quickreply.core.shop.money import Amount, parse_amount
from quickreply.core.shop.profile import Promotion, ShopProfile


class ShopRuleError(ValueError):
    """A question the shop rules cannot answer truthfully (the message says why)."""


@dataclass(frozen=True, slots=True)
class CourierChoice:
    name: str
    note: str = ""
    only: bool = False
    region: str = ""  # short name, empty for the default

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class FreeShipping:
    applies: bool
    threshold: Amount
    excluded: bool
    surcharge: Amount
    region: str = ""
    _missing: Amount = field(default=Amount(0), repr=False)

    @property
    def missing(self) -> Amount:
        """Yuan still to spend; an error for an excluded region, which never ships free."""
        if self.excluded:
            raise ShopRuleError(
                f"free_shipping: {self.region} never ships free, so nothing is 'missing' "
                "(test .excluded before using .missing)"
            )
        return self._missing


@dataclass(frozen=True, slots=True)
class ActivePromotion:
    name: str
    summary: str
    ends: str  # 11月25日 23:59
    starts: str


@dataclass(frozen=True, slots=True)
class BestPromotion:
    name: str
    saving: Amount
    price: Amount
    summary: str


@dataclass(frozen=True, slots=True)
class ShipDay:
    today: bool
    label: str  # 今天 / 明天
    time_left: str  # 2小时15分 until the cut-off; empty once it has passed

    def __str__(self) -> str:
        return self.label


def resolve_region(region: object) -> str | None:
    """Short name for a region argument; None for None/empty; ShopRuleError if unknown."""
    if region is None:
        return None
    text = str(region).strip()
    if not text:
        return None
    found = lookup_region(text)
    if found is None:
        raise ShopRuleError(f"unknown region '{text}' ({suggest_region(text)})")
    return found.short


def require_amount(value: object, what: str) -> Amount:
    amount = parse_amount(value)
    if amount is None:
        raise ShopRuleError(
            f"{what}: '{value}' is not an amount of money (write digits, e.g. 99 or 98.5)"
        )
    return amount


def courier_for(shop: ShopProfile, region: object = None) -> CourierChoice:
    """The courier for ``region`` (any spelling); the shop's default when region is None."""
    short = resolve_region(region)
    if short is not None:
        for rule in shop.courier_rules:
            if short in rule.regions:
                return CourierChoice(rule.courier, rule.note, rule.only, short)
    if not shop.couriers:
        raise ShopRuleError("the shop profile names no default courier (add couriers: default:)")
    return CourierChoice(shop.couriers[0], shop.courier_note, False, short or "")


def free_shipping_for(shop: ShopProfile, amount: object, region: object = None) -> FreeShipping:
    rule = shop.free_shipping
    if rule is None:
        raise ShopRuleError("the shop profile has no free_shipping section")
    money = require_amount(amount, "free_shipping")
    short = resolve_region(region)
    excluded = short is not None and short in rule.excluded
    applies = not excluded and money >= rule.threshold
    missing = Amount(0) if applies or excluded else Amount(rule.threshold - money)
    return FreeShipping(applies, rule.threshold, excluded, rule.surcharge, short or "", missing)


def active_promotions(shop: ShopProfile, now: datetime) -> list[ActivePromotion]:
    return [
        ActivePromotion(p.name, p.summary, chinese_moment(p.end, now), chinese_moment(p.start, now))
        for p in shop.promotions
        if p.active(now)
    ]


def best_promotion(shop: ShopProfile, amount: object, now: datetime) -> BestPromotion | None:
    """The active promotion that saves the most on ``amount`` (ties: the first in the file).

    Promotions do not stack: a buyer gets one, the best.
    """
    money = require_amount(amount, "best_promotion")
    best: tuple[Decimal, Promotion] | None = None
    for promo in shop.promotions:
        if not promo.active(now):
            continue
        saving = promo.saving(money)
        if saving > 0 and (best is None or saving > best[0]):
            best = (saving, promo)
    if best is None:
        return None
    saving, promo = best
    return BestPromotion(promo.name, Amount(saving), Amount(money - saving), promo.summary)


def ship_day(shop: ShopProfile, now: datetime) -> ShipDay:
    """Paid strictly before the cut-off ships today; at the cut-off itself (16:00:00) tomorrow."""
    cutoff = datetime.combine(now.date(), shop.cutoff)
    if now < cutoff:
        return ShipDay(True, "今天", format_duration(cutoff - now))
    return ShipDay(False, "明天", "")
