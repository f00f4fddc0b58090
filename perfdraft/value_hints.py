"""A value's fix said in the row's own form: the operator and unit of the value it replaces (a
catalogue row's ``≥□万亩``, or the ``≥20公里`` being edited), not ones guessed from the name alone.

``5万元`` typed for ``≥□万亩`` drew 是否应为 =5亩 (ten thousand times too small, and the ``≥`` lost); a bare
``15`` typed over ``≥20公里`` was refused for its missing unit although the row says which.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from . import numbers
from .value_terms import UNIT_PREFIXES
from .values import Quantity, format_number, parse

if TYPE_CHECKING:
    from .checks import Finding
    from .model import Indicator

_BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def row_form(value: str | None) -> tuple[str, str] | None:
    """(operator, unit) of a row's value when it has both: ``≥□万亩`` → (≥, 万亩), ``≥20公里`` → (≥, 公里)."""
    if not value:
        return None
    v = parse(value.replace("□", "1", 1))
    if isinstance(v, Quantity) and v.op and v.unit:
        return v.op, v.unit
    bare = value.strip()
    if bare and not any(ch.isdigit() for ch in bare) and _is_unit(bare):
        return "", bare  # a unit with no figure (a clone's 人): 18000 typed over it is 18000人, as 3 over ≥□处 is ≥3处
    return None


def _is_unit(text: str) -> bool:
    from .units import unit_known

    return len(text) <= 8 and unit_known(text)


def bare_number_in_form(value: str | None, text: str) -> str | None:
    """A bare number typed over a value of known form, in that form (15 over ≥20公里 → ≥15公里)."""
    form = row_form(value)
    number = numbers.plain(text)
    if form is None or not _BARE_NUMBER.fullmatch(number):
        return None
    return f"{form[0]}{number}{form[1]}"


def _split(unit: str) -> tuple[str, str]:
    """万亩 → (万, 亩); 元/人·年 → ('', 元/人·年)."""
    for prefix in UNIT_PREFIXES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return prefix, unit[len(prefix):]
    return "", unit


def in_row_form(found: list[Finding], template: str | None, typed: str) -> list[Finding]:
    """``found`` with the fixes of unit findings in the row's form where the typed unit is another kind or
    missing, the typed figure and its 万 kept (5万元 for ≥□万亩 → ≥5万亩; 1 → ≥1万亩)."""
    form = row_form(template)
    value = parse(typed)
    if form is None or not isinstance(value, Quantity):
        return found
    op, unit = form
    _, base = _split(unit)
    typed_prefix, typed_base = _split(value.unit or "")
    figure = f"{value.op or op}{format_number(value.number)}"
    same_kind = bool(value.unit) and typed_base == base
    if same_kind:
        better = f"{figure}{value.unit}"  # the checker's unit fix stands; only the operator is the row's
        codes = _OPERATOR_CODES
    else:
        better = f"{figure}{typed_prefix}{base}" if value.unit else f"{figure}{unit}"
        codes = _UNIT_CODES | _OPERATOR_CODES
    out = []
    for f in found:
        if f.code in codes and f.fix and f.fix != better:
            f = replace(f, fix=better, suggestion=(f.suggestion or "").replace(f.fix, better))
        out.append(f)
    return out


_UNIT_CODES = frozenset({"PD103", "PD205", "PD110"})  # no unit, a unit that does not fit, an unknown one
_OPERATOR_CODES = frozenset({"PD107"})  # no operator: the row's, not =


def typed_value(proposed: str | None, text: str) -> str:
    """The value a typed answer stores: a bare number fills the catalogue value's □ (0.5 → ≥0.5万亩), or
    takes the operator and unit of the value it replaces (15 over ≥20公里 → ≥15公里)."""
    if "□" in (proposed or ""):
        from .catalogue import fill_placeholder

        return fill_placeholder(proposed or "", text) or text.strip()
    return bare_number_in_form(proposed, text) or text.strip()


def checked_fix(value: str, ind: Indicator) -> str | None:
    """What the check proposes for a value carried over (a clone's ≥095% → ≥95%): offered as the
    suggestion, not last year's slip."""
    if not value or "□" in value:
        return None
    from . import checks

    found = checks.check_value(value, ind)
    return next((f.fix for f in found if f.fix and f.fix != value and f.severity in ("error", "warning")), None)
