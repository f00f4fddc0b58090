"""A self-evaluation's scores (绩效自评表: 实际完成值, 分值, 得分, 偏差原因): a score above its row's 分值, and
full marks on a target the actual figure missed. Only where the table has a 得分 column."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Indicator, format_number
from ..values import ParseError, Quantity, Value, parse
from .finding import Finding, _f

_RISING = ("≥", ">", "=")
_FALLING = ("≤", "<")


def missed(value: Value | ParseError | None, actual: str | None) -> bool:
    """The actual figure falls short of a numeric target in its own unit (52场次 under ≥60场次; 3.5% over
    ≤2%). Anything not comparable (a date, a grade, other units) is not judged."""
    if not isinstance(value, Quantity) or value.op is None or not actual or not actual.strip():
        return False
    got = parse(actual.strip())
    if not isinstance(got, Quantity) or got.op not in (None, "="):
        return False
    if (got.unit or value.unit) != value.unit:
        return False
    if value.op in _RISING:
        return got.number < value.number
    return value.op in _FALLING and got.number > value.number


def score_rules(ind: Indicator, value: Value | ParseError | None, p: str) -> Iterator[Finding]:
    if ind.score is None or ind.weight is None:
        return
    if ind.score > ind.weight:
        yield _f("PD237", f"{p}score", f"得分 {format_number(ind.score)} 超过分值 {format_number(ind.weight)}",
                      f"得分应在 0–{format_number(ind.weight)} 之间，请核对")
    elif ind.score == ind.weight and ind.weight > 0 and missed(value, ind.actual):
        reason = "" if (ind.note or "").strip() else "，也没有写偏差原因"
        yield _f("PD238", f"{p}score",
                      f"实际完成 {(ind.actual or '').strip()} 未达到指标值 {(ind.value or '').strip()}，却得满分"
                      f" {format_number(ind.score)}{reason}",
                      "按完成比例扣分（如 得分 = 分值 × 实际 ÷ 目标），并写明偏差原因和改进措施")
