"""The shop profile model: what a ``shop.yaml`` states, as frozen dataclasses.

The file format is documented in docs/shop-profile.md (format version 1); parse.py reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from decimal import ROUND_HALF_UP, Decimal

from quickreply.core.shop.money import CENT, ZERO, Amount

FORMAT_VERSION = 1
# Characters in one chat message before a platform cuts it (`message_limit:` in shop.yaml).
DEFAULT_MESSAGE_LIMIT = 500


@dataclass(frozen=True, slots=True)
class CourierRule:
    """Regions that ship with another courier than the default (e.g. EMS only)."""

    regions: tuple[str, ...]  # short names
    courier: str
    note: str = ""
    only: bool = False  # no other courier possible there (not even on request)
    line: int = 0


@dataclass(frozen=True, slots=True)
class CourierOption:
    """A courier available on request, usually for a surcharge (顺丰)."""

    name: str
    surcharge: Amount
    note: str = ""


@dataclass(frozen=True, slots=True)
class FreeShippingRule:
    threshold: Amount
    excluded: tuple[str, ...] = ()  # short names: never free, whatever the amount
    surcharge: Amount = ZERO  # what excluded regions pay for shipping
    note: str = ""


@dataclass(frozen=True, slots=True)
class Tier:
    spend: Amount  # 满 spend …
    off: Amount  # … 减 off


@dataclass(frozen=True, slots=True)
class Promotion:
    """A promotion active from ``start`` (inclusive) until ``until`` (exclusive)."""

    name: str
    start: datetime
    end: datetime  # as written (shown to buyers as 11月25日 23:59)
    until: datetime  # first instant it no longer applies: end + the precision it was written in
    tiers: tuple[Tier, ...] = ()
    rate: Decimal | None = None  # 0.9 = pay 90% (9折)
    min_spend: Amount = ZERO  # for a rate: the least order amount it applies to
    line: int = 0

    def active(self, now: datetime) -> bool:
        return self.start <= now < self.until

    def saving(self, amount: Decimal) -> Decimal:
        """What this promotion takes off ``amount`` (0 when it does not apply)."""
        best = Decimal(0)
        for tier in self.tiers:
            if amount >= tier.spend:
                best = max(best, tier.off)
        if self.rate is not None and amount >= self.min_spend and amount > 0:
            off = (amount * (1 - self.rate)).quantize(CENT, rounding=ROUND_HALF_UP)
            best = max(best, off)
        return best

    @property
    def summary(self) -> str:
        parts = [f"满{t.spend}减{t.off}" for t in self.tiers]
        if self.rate is not None:
            rate = format_rate(self.rate)
            parts.append(f"满{self.min_spend}享{rate}" if self.min_spend > 0 else rate)
        return "，".join(parts)


def format_rate(rate: Decimal) -> str:
    """0.9 → ``9折``, 0.85 → ``8.5折``."""
    tenths = (rate * 10).normalize()
    return f"{tenths:f}折"


@dataclass(frozen=True, slots=True)
class ShopProfile:
    name: str
    agent_id: str = ""
    couriers: tuple[str, ...] = ()  # the default couriers, first is the one named by default
    courier_note: str = ""
    courier_rules: tuple[CourierRule, ...] = ()
    courier_options: tuple[CourierOption, ...] = ()
    free_shipping: FreeShippingRule | None = None
    promotions: tuple[Promotion, ...] = ()
    cutoff: time = time(16, 0)
    cod_surcharge: Amount = ZERO
    synonyms: tuple[tuple[str, ...], ...] = ()  # search: words that find each other
    message_limit: int = DEFAULT_MESSAGE_LIMIT  # characters per message the platform keeps
    version: int = FORMAT_VERSION
    path: str = ""
