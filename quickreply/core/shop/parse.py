"""Building a ShopProfile from ``shop.yaml``, with one Problem per mistake at its line.

The file format is documented in docs/shop-profile.md (format version 1). The profile is None
when any problem is an error: a shop rule half read would give plausible but wrong replies.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import datetime, time
from decimal import Decimal
from pathlib import Path

from quickreply.core.problems import Problem
from quickreply.core.shop.money import ZERO, Amount, parse_amount
from quickreply.core.shop.profile import (
    DEFAULT_MESSAGE_LIMIT,
    FORMAT_VERSION,
    CourierOption,
    CourierRule,
    FreeShippingRule,
    Promotion,
    ShopProfile,
    Tier,
)
from quickreply.core.shop.reader import ShopReader
from quickreply.core.userdoc import UserDoc
from quickreply.core.yamlread import read_yaml

_TOP_KEYS = (
    "version",
    "name",
    "agent_id",
    "couriers",
    "free_shipping",
    "promotions",
    "cutoff",
    "cod_surcharge",
    "synonyms",
    "message_limit",
)
_COURIER_KEYS = ("default", "note", "regions", "on_request")
_RULE_KEYS = ("regions", "courier", "note", "only")
_OPTION_KEYS = ("name", "surcharge", "note")
_FREE_KEYS = ("threshold", "excluded", "surcharge", "note")
_PROMO_KEYS = ("name", "start", "end", "tiers", "rate", "min_spend")
_TIER_KEYS = ("spend", "off")


def load_shop(path: Path) -> tuple[ShopProfile | None, list[Problem]]:
    """Read a shop profile. Problems carry path:line; the profile is None when it is unusable."""
    return shop_from_doc(*read_yaml(path))


def shop_from_doc(
    doc: UserDoc | None, problems: list[Problem]
) -> tuple[ShopProfile | None, list[Problem]]:
    """The profile from a read (or parsed) ``shop.yaml`` and the problems reading it gave."""
    if doc is None:
        return None, problems
    shop, more = parse_shop(doc, cutoff_written=_cutoff_written(doc))
    return shop, [*problems, *more]


def _cutoff_written(doc: UserDoc) -> str | None:
    """The cutoff's value as written, when only the text can tell what its number means.

    YAML 1.1 reads an unquoted 16:00 as the int 960 (fine), but a bare 16 or 960 is an int too.
    The parsed value cannot tell them apart, so read the line (rarely: only for an int).
    """
    if not (isinstance(doc.data, dict) and isinstance(doc.data.get("cutoff"), int)):
        return None
    line = doc.source_line(doc.line("cutoff"))
    return line.partition("cutoff")[2].lstrip(" \t:").partition(" #")[0].strip()


def parse_shop(
    doc: UserDoc, *, cutoff_written: str | None = None
) -> tuple[ShopProfile | None, list[Problem]]:
    """Build the profile from parsed YAML; ``cutoff_written`` is the cutoff as written."""
    r = ShopReader(doc)
    if doc.data is None:
        return None, [
            Problem(doc.path, 1, "", "the shop profile is empty", "see docs/shop-profile.md")
        ]
    top = r.mapping(doc.data, (), _TOP_KEYS)
    if not isinstance(doc.data, dict):  # already reported; every other check would repeat it
        return None, r.problems
    version = top.get("version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        r.problem(
            ("version",),
            f"format version {version} is not supported"
            f" (this QuickReply reads version {FORMAT_VERSION})",
            "update QuickReply, or write version: 1",
        )
        return None, r.problems
    name = r.text(top.get("name"), ("name",), required=True)
    agent_id = r.text(top.get("agent_id"), ("agent_id",))

    couriers: tuple[str, ...] = ()
    courier_note = ""
    rules: list[CourierRule] = []
    options: list[CourierOption] = []
    if "couriers" in top:
        c = r.mapping(top["couriers"], ("couriers",), _COURIER_KEYS)
        default = c.get("default")
        default_list = [default] if isinstance(default, str) else default
        if not isinstance(default_list, list) or not default_list:
            r.problem(
                ("couriers", "default"),
                "expected a list of courier names",
                "write [中通快递, 韵达快递]",
            )
        else:
            couriers = tuple(
                r.text(v, ("couriers", "default", i), required=True)
                for i, v in enumerate(default_list)
            )
        courier_note = r.text(c.get("note"), ("couriers", "note"))
        for i, raw in enumerate(_as_list(r, c.get("regions"), ("couriers", "regions"))):
            keys = ("couriers", "regions", i)
            m = r.mapping(raw, keys, _RULE_KEYS)
            only = m.get("only", False)
            if not isinstance(only, bool):
                r.problem((*keys, "only"), "expected true or false")
                only = False
            rules.append(
                CourierRule(
                    r.regions(m.get("regions"), (*keys, "regions")),
                    r.text(m.get("courier"), (*keys, "courier"), required=True),
                    r.text(m.get("note"), (*keys, "note")),
                    only,
                    doc.line(*keys),
                )
            )
        for i, raw in enumerate(_as_list(r, c.get("on_request"), ("couriers", "on_request"))):
            keys = ("couriers", "on_request", i)
            m = r.mapping(raw, keys, _OPTION_KEYS)
            options.append(
                CourierOption(
                    r.text(m.get("name"), (*keys, "name"), required=True),
                    r.amount(m.get("surcharge"), (*keys, "surcharge"), Amount(0)),
                    r.text(m.get("note"), (*keys, "note")),
                )
            )
    _check_region_overlap(r, rules)

    free: FreeShippingRule | None = None
    if "free_shipping" in top:
        f = r.mapping(top["free_shipping"], ("free_shipping",), _FREE_KEYS)
        if "threshold" not in f:
            r.problem(("free_shipping",), "threshold is required", "write threshold: 99")
        free = FreeShippingRule(
            r.amount(
                f.get("threshold"),
                ("free_shipping", "threshold"),
                ZERO if "threshold" not in f else None,
            ),
            r.regions(f.get("excluded", []), ("free_shipping", "excluded")),
            r.amount(f.get("surcharge"), ("free_shipping", "surcharge"), Amount(0)),
            r.text(f.get("note"), ("free_shipping", "note")),
        )

    promotions = [
        promo
        for i, raw in enumerate(_as_list(r, top.get("promotions"), ("promotions",)))
        if (promo := _promotion(r, raw, ("promotions", i))) is not None
    ]

    cutoff = time(16, 0)
    if "cutoff" in top:
        parsed = _parse_cutoff(top["cutoff"])
        if cutoff_written is not None and ":" not in cutoff_written:
            r.problem(("cutoff",), "a time of day needs hours and minutes", 'write cutoff: "16:00"')
        elif parsed is None:
            raw = top["cutoff"]
            shown = f"{raw // 60}:{raw % 60:02d}" if isinstance(raw, int) else raw
            r.problem(("cutoff",), f"'{shown}' is not a time of day", 'write cutoff: "16:00"')
        else:
            cutoff = parsed
    cod = r.amount(top.get("cod_surcharge"), ("cod_surcharge",), Amount(0))
    synonyms = _synonyms(r, top.get("synonyms"))
    message_limit = _message_limit(r, top.get("message_limit", DEFAULT_MESSAGE_LIMIT))

    if any(p.is_error for p in r.problems):
        return None, r.problems
    return (
        ShopProfile(
            name=name,
            agent_id=agent_id,
            couriers=couriers,
            courier_note=courier_note,
            courier_rules=tuple(rules),
            courier_options=tuple(options),
            free_shipping=free,
            promotions=tuple(promotions),
            cutoff=cutoff,
            cod_surcharge=cod,
            synonyms=synonyms,
            message_limit=message_limit,
            path=doc.path,
        ),
        r.problems,
    )


def _synonyms(r: ShopReader, value: object) -> tuple[tuple[str, ...], ...]:
    """``synonyms:`` — lines of words search treats alike, each a list of two or more."""
    out: list[tuple[str, ...]] = []
    for i, line in enumerate(_as_list(r, value, ("synonyms",))):
        if not isinstance(line, list) or len(line) < 2:
            r.problem(
                ("synonyms", i), "expected a list of two or more words", "write [催单, 催发货]"
            )
            continue
        words = tuple(r.text(w, ("synonyms", i, k), required=True) for k, w in enumerate(line))
        out.append(tuple(w for w in words if w))
    return tuple(out)


def _as_list(r: ShopReader, value: object, keys: tuple[Hashable, ...]) -> list[object]:
    if value is None:
        return []
    if not isinstance(value, list):
        r.problem(keys, "expected a list (lines starting with '- ')", "see docs/shop-profile.md")
        return []
    return value


def _check_region_overlap(r: ShopReader, rules: Sequence[CourierRule]) -> None:
    seen: dict[str, int] = {}
    for i, rule in enumerate(rules):
        for region in rule.regions:
            if region in seen:
                r.problem(
                    ("couriers", "regions", i),
                    f"{region} already has a courier rule (item {seen[region] + 1})",
                    "a region may appear in one rule only",
                )
            seen.setdefault(region, i)


def _promotion(r: ShopReader, raw: object, keys: tuple[Hashable, ...]) -> Promotion | None:
    before = len(r.problems)
    m = r.mapping(raw, keys, _PROMO_KEYS)
    if not m:
        return None
    name = r.text(m.get("name"), (*keys, "name"), required=True)
    start = r.moment(m.get("start"), (*keys, "start"), end=False) if "start" in m else None
    end = r.moment(m.get("end"), (*keys, "end"), end=True) if "end" in m else None
    for key in ("start", "end"):
        if key not in m:
            r.problem(keys, f"{key} is required", f'write {key}: "2026-11-11 00:00"')
    tiers: list[Tier] = []
    for i, tier_raw in enumerate(_as_list(r, m.get("tiers"), (*keys, "tiers"))):
        tkeys = (*keys, "tiers", i)
        t = r.mapping(tier_raw, tkeys, _TIER_KEYS)
        spend = r.amount(t.get("spend"), (*tkeys, "spend"), None)
        off = r.amount(t.get("off"), (*tkeys, "off"), None)
        if off >= spend and spend > 0:
            r.problem(
                tkeys, f"takes off {off} from {spend}: the saving must be less than the spend"
            )
        elif off <= 0:
            r.problem((*tkeys, "off"), "the saving must be more than 0")
        tiers.append(Tier(spend, off))
    rate: Decimal | None = None
    if "rate" in m:
        rate = _parse_rate(m["rate"])
        if rate is None:
            r.problem(
                (*keys, "rate"),
                f"'{m['rate']}' is not a discount rate",
                "write 0.9 or 9折 for 10% off",
            )
    if not tiers and rate is None and len(r.problems) == before:
        r.problem(
            keys,
            "a promotion needs tiers or a rate",
            "add tiers: [{spend: 200, off: 20}] or rate: 0.9",
        )
    min_spend = r.amount(m.get("min_spend"), (*keys, "min_spend"), Amount(0))
    if start and end and end[1] <= start[0]:
        r.problem((*keys, "end"), "ends before it starts", "swap start and end")
    if len(r.problems) != before or start is None or end is None:
        return None
    tiers.sort(key=lambda t: t.spend)
    return Promotion(
        name, start[0], end[0], end[1], tuple(tiers), rate, min_spend, r.doc.line(*keys)
    )


def _parse_rate(value: object) -> Decimal | None:
    text = str(value).strip()
    if isinstance(value, bool):
        return None
    if text.endswith("折"):
        number = parse_amount(text.removesuffix("折"))
        rate = number / 10 if number is not None else None
    else:
        rate = parse_amount(value)
    if rate is None or not 0 < rate < 1:
        return None
    return Decimal(rate)


def _message_limit(r: ShopReader, value: object) -> int:
    """Characters per chat message: a whole number above 0 (the palette counts against it)."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    r.problem(
        ("message_limit",),
        f"'{value}' is not a number of characters",
        "write message_limit: 500, a whole number above 0",
    )
    return DEFAULT_MESSAGE_LIMIT


def _parse_cutoff(value: object) -> time | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        # YAML 1.1 reads an unquoted 16:00 as the base-60 number 960 (minutes), 16:00:00 as
        # 57600 (seconds). 24:00 … 59:59 (1440-3599) can only be a mistyped H:MM.
        if 0 <= value < 24 * 60:
            seconds = value * 60
        elif 3600 <= value < 24 * 3600:
            seconds = value
        else:
            return None
        if 0 <= seconds < 24 * 3600:
            return time(seconds // 3600, seconds // 60 % 60, seconds % 60)
        return None
    if isinstance(value, str):
        for fmt in ("%H:%M", "%H:%M:%S"):
            try:
                return datetime.strptime(value.strip(), fmt).time()
            except ValueError:
                continue
    return None
