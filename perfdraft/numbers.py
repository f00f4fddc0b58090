"""The one reader of plain numbers and amounts of money, and the one money formatter.

Typed answers, imported cells, ``fill --set`` values and checks all read numbers here, so that
full-width digits, thousands separators (``1,600,000`` and ``1，600，000``), ``万``/``亿`` and
non-finite junk (``nan``, ``inf``) are treated the same everywhere. The 指标值 grammar (values.py)
finds where a number sits between an operator and a unit, and reads it here too.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

MONEY_FACTORS = {"元": Decimal(1), "万": Decimal(10_000), "万元": Decimal(10_000),
                 "亿": Decimal(100_000_000), "亿元": Decimal(100_000_000)}
# Beyond this an amount is a typing accident (or an attack), not a budget: 10^15 元.
MAX_MONEY = Decimal(10) ** 15

# Full-width digits, point and comma as ASCII and nothing else touched: for texts around a number
# (２０２１年, ≥９５％) that the NFKC fold of a number's own text would change too much.
FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

_MONEY_RE = re.compile(r"^([+-]?\d[\d,]*(?:\.\d+)?|[+-]?\.\d+)(亿元|万元|亿|万|元)?$")


def _fold(text: str) -> str:
    # NFKC folds full-width digits, commas and points; 、 and spaces inside a number are noise.
    return unicodedata.normalize("NFKC", text).strip().replace(" ", "").replace("，", ",")


def plain(text: str) -> str:
    """A number's text in ASCII without separators: ``"１，６００．５"`` → ``"1600.5"`` (not checked)."""
    return _fold(text).replace(",", "")


def read_decimal(text: str) -> Decimal | None:
    """A finite number as typed, or None (``"1,234.5"`` → 1234.5; ``"nan"`` → None)."""
    t = plain(text)
    if not t or len(t) > 64:
        return None
    try:
        number = Decimal(t)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


_GROUPED = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def read_money(text: str, default_unit: str = "元") -> tuple[Decimal, str] | None:
    """An amount in 元 and the unit it was written in, or None when the text is not an amount.

    ``"160万"`` → (1600000.00, "万"); ``"1,600,000"`` → (1600000, "元"); a bare number takes
    ``default_unit`` (an importer passes 万元 when the table's header says so).
    """
    t = _fold(text)
    m = _MONEY_RE.match(t)
    if not m:
        return None
    if "," in m.group(1) and not _GROUPED.fullmatch(m.group(1)):
        return None  # 12,34 (a decimal comma?) or 1,6,0,0,000: commas that group no thousands are no amount
    number = read_decimal(m.group(1))
    if number is None:
        return None
    unit = m.group(2) or default_unit
    factor = MONEY_FACTORS[unit]
    amount = number * factor
    if abs(amount) >= MAX_MONEY:  # checked before quantize, which fails past 28 digits
        return None
    if factor != 1:
        amount = amount.quantize(Decimal("0.01"))
    return amount, unit


def too_large(text: str) -> bool:
    """An amount written correctly but past MAX_MONEY (so the message can say so, not "not an amount")."""
    m = _MONEY_RE.match(_fold(text))
    if not m:
        return False
    number = read_decimal(m.group(1))
    return number is not None and abs(number * MONEY_FACTORS[m.group(2) or "元"]) >= MAX_MONEY


def format_money(amount: Decimal, separators: bool = True) -> str:
    """``4387680`` → ``4,387,680.00``: two decimals, thousands separated, never exponent form."""
    q = amount.quantize(Decimal("0.01"))
    return f"{q:,.2f}" if separators else f"{q:.2f}"


# Money, weights and percentages in a draft: anything past 10^18 (a thousand times numbers.MAX_MONEY,
# the bound of a typed amount: a file may hold what an import or a test needs) or finer than 10^-12 is
# a typo or an attack; 1e9999999 took every check and export down (issue 19, item 11).
MAX_MAGNITUDE = 18
MIN_MAGNITUDE = -12


def check_number(number: Decimal) -> str | None:
    """Why ``number`` cannot be a draft's number, or None."""
    if not number.is_finite():
        return "应为有限的数字"
    if number and not MIN_MAGNITUDE <= number.adjusted() < MAX_MAGNITUDE:
        return f"数值超出范围（绝对值应小于 10^{MAX_MAGNITUDE}，且不小于 10^{MIN_MAGNITUDE}）"
    return None
