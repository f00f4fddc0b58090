"""计算符号 (the budget system's operator column) kept in step with the 指标值.

The value is what the user types (``≥95%``); the symbol is derived from it, and when the user sets
the symbol instead the value's operator follows, so the two columns never disagree. Units
(计量单位) are derived the same way where the value carries one.
"""

from __future__ import annotations

import re

from . import values
from .model import Indicator

OPERATORS = ("≥", "≤", "=", ">", "<")
QUALITATIVE = "定性"
RANGE = "区间"
OTHER = "定量（其他）"

_LEADING_OP = re.compile(r"^\s*(>=|<=|==|＞＝|＜＝|>＝|<＝|＞=|＜=|[≥≧⩾≤≦⩽=＝>＞<＜])")


def symbol_of(value: str | None) -> str | None:
    """The 计算符号 a 指标值 implies, or None when the value cannot be read."""
    if not value or not value.strip():
        return None
    v = values.parse(value)
    if isinstance(v, values.Quantity):
        return v.op or "="
    if isinstance(v, values.Range):
        return RANGE
    if isinstance(v, values.Qualitative):
        return QUALITATIVE
    if isinstance(v, values.Deadline):
        return "≤" if v.before else "="
    if isinstance(v, values.Change):
        return v.op or OTHER
    if isinstance(v, (values.Schedule, values.Either)):
        return OTHER
    return None


def unit_of(value: str | None) -> str | None:
    """The 计量单位 a 指标值 carries (``≥95%`` → ``%``), or None."""
    if not value:
        return None
    v = values.parse(value)
    unit = getattr(v, "unit", "") if isinstance(v, (values.Quantity, values.Range, values.Change)) else ""
    return unit or None


def value_with_symbol(value: str, symbol: str) -> str:
    """The value rewritten to carry ``symbol`` as its operator (``≥95%`` with ``≤`` → ``≤95%``).

    Only a plain quantity has an operator to change; other values are returned as they are."""
    if symbol not in OPERATORS:
        return value
    v = values.parse(value)
    if not isinstance(v, values.Quantity):
        return value
    if v.op is not None and _LEADING_OP.match(value):
        return _LEADING_OP.sub(symbol, value, count=1).lstrip()
    if v.op is None:
        return symbol + value.strip()
    # The operator was written in words (不低于95%): write the canonical form with the new symbol.
    return values.format(values.Quantity(symbol, v.number, v.unit))


def in_year(value: str | None, year: int | None) -> str | None:
    """A deadline of an earlier year moved to ``year`` (``2025年10月底前`` → ``2026年10月底前``), else
    None: a cloned draft must not carry last year's dates as this year's without a word."""
    if not value or year is None:
        return None
    v = values.parse(value)
    if isinstance(v, values.Deadline) and v.year is not None and v.year < year:
        return values.format(values.Deadline(year, v.month, v.day, v.before))
    whole = _WHOLE_YEAR.fullmatch(value.strip())
    if whole and int(whole.group(1)) < year:  # 2021年全年: the whole year, moved as the clone says it is
        return f"{year}{value.strip()[4:]}"
    return None


_WHOLE_YEAR = re.compile(r"(20\d\d)年(?:全年|度|内|年内)?")


def after_value_change(ind: Indicator, keep_symbol: bool, keep_unit: bool) -> None:
    """The value changed: the symbol (and unit) follow it, for the columns the table has."""
    if keep_symbol:
        derived = symbol_of(ind.value)
        if derived is not None:
            ind.symbol = derived
    if keep_unit:
        unit = unit_of(ind.value)
        if unit is not None:
            ind.unit = unit


def after_symbol_change(ind: Indicator) -> None:
    """The symbol was set: the value's operator follows where the value has one."""
    if ind.value and ind.symbol:
        ind.value = value_with_symbol(ind.value, ind.symbol)
