"""Yuan as replies write them: read from what people type, printed without ``.00``."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")


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
