"""Reminder times the shop's rules suggest when a conversation is parked.

An agent parks a buyer to come back later: "remind me before today's cut-off" (催付 before the
16:00 cut-off in the shop profile, so the order still ships today) or "before the promotion
ends" (the buyer still gets the 满减), besides a fixed delay. Each suggestion is a little ahead
of its deadline (:data:`CUTOFF_LEAD`, :data:`PROMOTION_LEAD`) so the agent has time to write;
a deadline already past gives none. Pure: the shop profile and the time are passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from quickreply.core.shop import ShopProfile

CUTOFF_LEAD = timedelta(minutes=15)  # 催付 needs the buyer to pay before the cut-off
PROMOTION_LEAD = timedelta(hours=1)
#: Promotions ending later than this are no reason to park a chat until then.
PROMOTION_HORIZON = timedelta(days=3)


class ReminderKind(StrEnum):
    CUTOFF = "cutoff"
    PROMOTION = "promotion"


@dataclass(frozen=True, slots=True)
class RuleReminder:
    """Come back at ``at``, ahead of ``deadline`` (the cut-off, a promotion's end)."""

    kind: ReminderKind
    at: datetime
    deadline: datetime
    name: str = ""  # the promotion's name


def _naive(value: datetime) -> datetime:
    """Local wall time without tzinfo, as the shop profile's times are written."""
    return value.astimezone().replace(tzinfo=None) if value.tzinfo is not None else value


def rule_reminders(
    shop: ShopProfile | None,
    now: datetime,
    *,
    cutoff_lead: timedelta = CUTOFF_LEAD,
    promotion_lead: timedelta = PROMOTION_LEAD,
    horizon: timedelta = PROMOTION_HORIZON,
) -> list[RuleReminder]:
    """The suggestions that still make sense at ``now``, soonest first (none without a shop)."""
    if shop is None:
        return []
    now = _naive(now)
    found: list[RuleReminder] = []
    cutoff = datetime.combine(now.date(), shop.cutoff)
    if now < cutoff:
        found.append(RuleReminder(ReminderKind.CUTOFF, max(now, cutoff - cutoff_lead), cutoff))
    for promotion in shop.promotions:
        until = _naive(promotion.until)
        if promotion.active(now) and until - now <= horizon:
            at = max(now, until - promotion_lead)
            found.append(RuleReminder(ReminderKind.PROMOTION, at, until, promotion.name))
    found.sort(key=lambda r: (r.at, r.kind))
    return found
