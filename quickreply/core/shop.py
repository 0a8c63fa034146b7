"""The shop profile (shop.yaml) and the values templates compute from it.

The lead states the shop's rules once — couriers by region, the free-shipping threshold and the
regions it never covers, promotions and their tiers, the daily cut-off, the cash-on-delivery
surcharge — and every reply that mentions one of them is right for this buyer, now.

Everything here is pure: the current time is always a parameter (the renderer passes its
injected clock's reading), money is :class:`decimal.Decimal`, and a question the rules cannot
answer (an unknown region, a free-shipping gap for a region that never ships free) raises
:class:`ShopRuleError` instead of producing a plausible but wrong reply.

The file format is documented in docs/shop-profile.md (format version 1).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from quickreply.core.problems import Problem
from quickreply.core.regions import lookup_region, suggest_region
from quickreply.core.userdoc import UserDoc, format_key_path
from quickreply.core.yamlread import read_yaml

FORMAT_VERSION = 1
CENT = Decimal("0.01")
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


class ShopRuleError(ValueError):
    """A question the shop rules cannot answer truthfully (the message says why)."""


class Amount(Decimal):
    """Yuan as Decimal that prints the way a reply writes money: ``99``, ``98.99``, ``0.5``.

    Arithmetic on it gives plain Decimals (which print as Python does); the computed values
    hand out Amounts so ``{{ free_threshold }}`` never shows ``99.00`` or ``1E+2``.
    """

    __slots__ = ()

    def __str__(self) -> str:
        return format_yuan(self)


def format_yuan(value: Decimal) -> str:
    """Round to the fen, then drop trailing zeros: 99 → ``99``, 98.990 → ``98.99``."""
    rounded = value.quantize(CENT, rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


ZERO = Amount(0)


def parse_amount(value: object) -> Amount | None:
    """``99``, ``"98.99"``, ``"¥150"``, ``"150元"`` → Amount; None when it is not a sum of money."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))  # repr is the shortest exact text: 98.99, not 98.98999…
    elif isinstance(value, str):
        text = value.strip().removeprefix("¥").removeprefix("￥").removesuffix("元").strip()
        text = text.replace(",", "").replace("，", "")
        if not text or len(text) > 20:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None
    else:
        return None
    if not number.is_finite() or abs(number) >= Decimal("1e12"):
        return None
    return Amount(number)


# ---------------------------------------------------------------------------------------------
# The profile


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
    version: int = FORMAT_VERSION
    path: str = ""


# ---------------------------------------------------------------------------------------------
# Computed values (what templates see); all pure functions of the profile and the time


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


def format_duration(left: timedelta) -> str:
    """Whole minutes, rounded up (30 s left is ``1分钟``, not ``0分钟``): 2小时15分 / 45分钟."""
    minutes = -(-left // timedelta(minutes=1))
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return f"{hours}小时{minutes}分"
    if hours:
        return f"{hours}小时"
    return f"{minutes}分钟"


def chinese_date(moment: datetime | date) -> str:
    return f"{moment.month}月{moment.day}日"


def chinese_moment(moment: datetime, now: datetime) -> str:
    """``11月25日 23:59``; with the year when it is not this year's."""
    day = chinese_date(moment)
    if moment.year != now.year:
        day = f"{moment.year}年{day}"
    return f"{day} {moment:%H:%M}"


def weekday(moment: datetime | date) -> str:
    return WEEKDAYS[moment.weekday()]


# ---------------------------------------------------------------------------------------------
# Loading

_TOP_KEYS = (
    "version",
    "name",
    "agent_id",
    "couriers",
    "free_shipping",
    "promotions",
    "cutoff",
    "cod_surcharge",
)
_COURIER_KEYS = ("default", "note", "regions", "on_request")
_RULE_KEYS = ("regions", "courier", "note", "only")
_OPTION_KEYS = ("name", "surcharge", "note")
_FREE_KEYS = ("threshold", "excluded", "surcharge", "note")
_PROMO_KEYS = ("name", "start", "end", "tiers", "rate", "min_spend")
_TIER_KEYS = ("spend", "off")


class _Reader:
    """Walks the parsed YAML, collecting one Problem per mistake and carrying on."""

    def __init__(self, doc: UserDoc) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def problem(self, keys: tuple[Hashable, ...], message: str, hint: str = "") -> None:
        self.problems.append(self.doc.problem(keys, format_key_path(keys), message, hint))

    def mapping(
        self, value: object, keys: tuple[Hashable, ...], allowed: Sequence[str]
    ) -> Mapping[str, object]:
        if not isinstance(value, dict):
            self.problem(keys, "expected a mapping of key: value lines", "see docs/shop-profile.md")
            return {}
        self.problems += self.doc.unknown_keys(keys, format_key_path(keys), value, allowed)
        return {str(key): item for key, item in value.items() if key in allowed}

    def text(self, value: object, keys: tuple[Hashable, ...], *, required: bool = False) -> str:
        if value is None:
            if required:
                self.problem(keys, "is required", "write a value after the colon")
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(keys, "expected text", "write it on one line, quoted if it contains ': '")
            return ""
        return str(value).strip()

    def amount(self, value: object, keys: tuple[Hashable, ...], default: Amount | None) -> Amount:
        if value is None and default is not None:
            return default
        money = parse_amount(value)
        if money is None or money < 0:
            self.problem(
                keys, f"'{value}' is not an amount in yuan", "write a number, e.g. 99 or 12.5"
            )
            return Amount(0)
        return money

    def regions(self, value: object, keys: tuple[Hashable, ...]) -> tuple[str, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list):
            self.problem(keys, "expected a list of regions", "write [新疆, 西藏]")
            return ()
        out: list[str] = []
        for index, item in enumerate(items):
            found = lookup_region(str(item)) if item is not None else None
            if found is None:
                self.problem((*keys, index), f"unknown region '{item}'", suggest_region(str(item)))
            elif found.short not in out:
                out.append(found.short)
        return tuple(out)

    def moment(
        self, value: object, keys: tuple[Hashable, ...], *, end: bool
    ) -> tuple[datetime, datetime] | None:
        """(as written, first instant after it) or None with a problem."""
        if isinstance(value, datetime):
            stamp = value.replace(tzinfo=None)
            return stamp, stamp + timedelta(seconds=1)
        if isinstance(value, date):
            day = datetime.combine(value, time())
            return (day + timedelta(hours=23, minutes=59) if end else day), day + timedelta(days=1)
        if isinstance(value, str):
            text = " ".join(value.replace("/", "-").split())
            for fmt, step in (
                ("%Y-%m-%d %H:%M", timedelta(minutes=1)),
                ("%Y-%m-%d %H:%M:%S", timedelta(seconds=1)),
            ):
                try:
                    stamp = datetime.strptime(text, fmt)
                except ValueError:
                    continue
                return stamp, stamp + step
            try:
                day = datetime.strptime(text, "%Y-%m-%d")
            except ValueError:
                pass
            else:
                return (day + timedelta(hours=23, minutes=59) if end else day), day + timedelta(
                    days=1
                )
        self.problem(keys, f"'{value}' is not a date and time", 'write "2026-11-11 00:00"')
        return None


def load_shop(path: Path) -> tuple[ShopProfile | None, list[Problem]]:
    """Read a shop profile. Problems carry path:line; the profile is None when it is unusable."""
    doc, problems = read_yaml(path)
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
    r = _Reader(doc)
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
            path=doc.path,
        ),
        r.problems,
    )


def _as_list(r: _Reader, value: object, keys: tuple[Hashable, ...]) -> list[object]:
    if value is None:
        return []
    if not isinstance(value, list):
        r.problem(keys, "expected a list (lines starting with '- ')", "see docs/shop-profile.md")
        return []
    return value


def _check_region_overlap(r: _Reader, rules: Sequence[CourierRule]) -> None:
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


def _promotion(r: _Reader, raw: object, keys: tuple[Hashable, ...]) -> Promotion | None:
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
