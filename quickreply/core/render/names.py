"""The computed values a template sees besides its own fields, from the shop profile and the clock.

docs/templates.md documents each name; :data:`ATTRIBUTES` says what each computed object offers,
for the did-you-mean on ``courier(region).nmae`` at render time and in the template checks.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType

from quickreply.core.shop import (
    ActivePromotion,
    BestPromotion,
    CourierChoice,
    FreeShipping,
    ShipDay,
    ShopProfile,
    active_promotions,
    best_promotion,
    chinese_date,
    courier_for,
    free_shipping_for,
    ship_day,
    weekday,
)

# The names docs/templates.md documents, besides a snippet's own fields.
COMPUTED_NAMES: tuple[str, ...] = (
    "shop_name",
    "agent_id",
    "today",
    "weekday",
    "now_time",
    "courier",
    "couriers",
    "courier_options",
    "free_shipping",
    "free_threshold",
    "promotions",
    "best_promotion",
    "ship_day",
    "cutoff",
    "cod_surcharge",
    "remote_regions",
)
TEMPLATE_GLOBALS: tuple[str, ...] = ("range", "namespace", "loop")

# What each computed object offers, for did-you-mean on `.nmae` and the lint rule.
ATTRIBUTES: Mapping[type, tuple[str, tuple[str, ...]]] = MappingProxyType(
    {
        CourierChoice: ("courier(region)", ("name", "note", "only", "region")),
        FreeShipping: (
            "free_shipping(amount, region)",
            ("applies", "missing", "threshold", "excluded", "surcharge", "region"),
        ),
        ActivePromotion: ("a promotion", ("name", "summary", "ends", "starts")),
        BestPromotion: ("best_promotion(amount)", ("name", "saving", "price", "summary")),
        ShipDay: ("ship_day", ("today", "label", "time_left")),
    }
)
CALL_ATTRIBUTES = MappingProxyType(
    {
        "courier": ATTRIBUTES[CourierChoice],
        "free_shipping": ATTRIBUTES[FreeShipping],
        "best_promotion": ATTRIBUTES[BestPromotion],
    }
)
NAME_ATTRIBUTES = MappingProxyType({"ship_day": ATTRIBUTES[ShipDay]})


def shop_values(shop: ShopProfile | None) -> dict[str, object]:
    """The computed values that depend on the profile only, not on the time: built once."""
    if shop is None:
        return {}
    values: dict[str, object] = {
        "shop_name": shop.name,
        "agent_id": shop.agent_id,
        "couriers": "、".join(shop.couriers),
        "courier_options": shop.courier_options,
        "courier": lambda region=None: courier_for(shop, region),
        "cutoff": f"{shop.cutoff:%H:%M}",
        "cod_surcharge": shop.cod_surcharge,
    }
    if shop.free_shipping is not None:
        values.update(
            free_shipping=lambda amount, region=None: free_shipping_for(shop, amount, region),
            free_threshold=shop.free_shipping.threshold,
            remote_regions="、".join(shop.free_shipping.excluded),
        )
    return values


def computed(
    shop: ShopProfile | None, fixed: dict[str, object], now: datetime
) -> dict[str, object]:
    """Every computed value at ``now``; ``fixed`` is :func:`shop_values` of the same shop."""
    if now.tzinfo is not None:  # shop times are local wall-clock times
        now = now.astimezone().replace(tzinfo=None)
    values: dict[str, object] = {
        "today": chinese_date(now),
        "weekday": weekday(now),
        "now_time": f"{now:%H:%M}",
        **fixed,
    }
    if shop is not None:
        values.update(
            promotions=active_promotions(shop, now),
            best_promotion=lambda amount: best_promotion(shop, amount, now),
            ship_day=ship_day(shop, now),
        )
    return values


def needs(name: str) -> str:
    """What a computed value needs that is missing, when the template uses it regardless."""
    if name in ("free_shipping", "free_threshold", "remote_regions"):
        return "free_shipping in the shop profile"
    if name in ("today", "weekday", "now_time"):
        return "the clock"
    return "a shop profile, and none is loaded"
