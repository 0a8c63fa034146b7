"""The shop profile (``shop.yaml``): the lead states the shop's rules once, every reply uses them.

Couriers by region, the free-shipping threshold and the regions it never covers, promotions and
their tiers, the daily cut-off, the cash-on-delivery surcharge: a reply that mentions one of them
is right for this buyer, now. The modules, one concern each: ``money`` yuan amounts, ``profile``
the model, ``reader`` and ``parse`` reading ``shop.yaml``, ``in_force`` which file is used,
``rules`` the values templates compute, ``dates`` Chinese dates and durations.
``from quickreply.core.shop import …`` is the public interface.
"""

from __future__ import annotations

from quickreply.core.shop.dates import (
    WEEKDAYS,
    chinese_date,
    chinese_moment,
    format_duration,
    weekday,
)
from quickreply.core.shop.in_force import load_shop_if_there, load_shop_in_force
from quickreply.core.shop.money import CENT, ZERO, Amount, format_yuan, parse_amount
from quickreply.core.shop.parse import load_shop, parse_shop, shop_from_doc
from quickreply.core.shop.profile import (
    DEFAULT_MESSAGE_LIMIT,
    FORMAT_VERSION,
    CourierOption,
    CourierRule,
    FreeShippingRule,
    Promotion,
    ShopProfile,
    Tier,
    format_rate,
)
from quickreply.core.shop.rules import (
    ActivePromotion,
    BestPromotion,
    CourierChoice,
    FreeShipping,
    ShipDay,
    ShopRuleError,
    active_promotions,
    best_promotion,
    courier_for,
    free_shipping_for,
    require_amount,
    resolve_region,
    ship_day,
)

__all__ = [
    "CENT",
    "DEFAULT_MESSAGE_LIMIT",
    "FORMAT_VERSION",
    "WEEKDAYS",
    "ZERO",
    "ActivePromotion",
    "Amount",
    "BestPromotion",
    "CourierChoice",
    "CourierOption",
    "CourierRule",
    "FreeShipping",
    "FreeShippingRule",
    "Promotion",
    "ShipDay",
    "ShopProfile",
    "ShopRuleError",
    "Tier",
    "active_promotions",
    "best_promotion",
    "chinese_date",
    "chinese_moment",
    "courier_for",
    "format_duration",
    "format_rate",
    "format_yuan",
    "free_shipping_for",
    "load_shop",
    "load_shop_if_there",
    "load_shop_in_force",
    "parse_amount",
    "parse_shop",
    "require_amount",
    "resolve_region",
    "ship_day",
    "shop_from_doc",
    "weekday",
]
