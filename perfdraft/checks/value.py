"""Value rules (PD1xx): one 指标值, cheap enough for every keystroke."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Indicator
from ..values import (
    PERCENT_UNITS,
    Change,
    Either,
    ParseError,
    Qualitative,
    Quantity,
    Range,
    format_number,
    parse,
    unit_known,
)
from .finding import Finding, _f
from .words import GROWTH_NAME, RATE_NAME


def _digits_as_typed(text: str) -> str | None:
    m = re.search(r"[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?", text)
    if not m:
        return None
    return m.group(0).translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,")).replace(",", "")


def _doubled(digits: str) -> str | None:
    """'3030' → '30', '100100' → '100' (a half typed twice)."""
    if "." in digits or len(digits) < 4 or len(digits) % 2:
        return None
    half = len(digits) // 2
    if digits[:half] == digits[half:] and not digits.startswith("0"):
        return digits[:half]
    return None


def _run_together(digits: str) -> tuple[str, str] | None:
    """'10090' → ('100', '90'): two percentages typed into one cell."""
    if digits.startswith("100") and len(digits) in (4, 5) and "." not in digits:
        rest = digits[3:]
        if rest and not rest.startswith("0") and 0 < int(rest) <= 100:
            return "100", rest
    return None


def check_value(text: str | None, indicator: Indicator | None = None, path: str = "value") -> list[Finding]:
    """Value-scope findings (PD1xx) for one 指标值; cheap enough for every keystroke."""
    out: list[Finding] = []
    if text is None or not text.strip():
        return [_f("PD101", path, "指标值为空", "请填写目标值，例如 ≥95%")]
    name = _bare_name((indicator.name if indicator else None) or "")
    value = parse(text)
    if isinstance(value, ParseError):
        if value.reason == "placeholder":
            return [_f("PD102", path, value.message, value.suggestion)]
        return [_f("PD101", path, f"{value.message}（第 {value.position + 1} 个字符处）", value.suggestion)]
    values = [value.first, value.second] if isinstance(value, Either) else [value]
    digits = _digits_as_typed(text)
    for v in values:
        out.extend(_check_one_value(text, v, name, path, digits))
    return out


def _fixed_digits(digits: str | None) -> str | None:
    """The number the user most likely meant: '3030' → '30', '095' → '95'; None when unsure."""
    if not digits:
        return None
    if _run_together(digits):
        return None
    if re.match(r"0\d", digits):
        return digits.lstrip("0") or "0"
    return _doubled(digits) or digits


def _bare_name(name: str) -> str:
    """The name without bracketed formulas or notes: （实际参保人数/…） must not decide the unit."""
    return re.sub(r"[（(][^（）()]*[）)]", "", name)


def _with_op(op: str | None, number: str, unit: str) -> str:
    return f"{op or '='}{number}{unit}"


def _check_one_value(text: str, v: object, name: str, path: str, digits: str | None) -> Iterator[Finding]:
    if isinstance(v, Quantity):
        unit = v.unit
        if not unit:
            if not name or not re.search(r"数$|次数$", name):
                yield _f("PD103", path, "指标值缺少计量单位", f"例如 {_with_op(v.op, format_number(v.number), '%')} 或 "
                                                            f"{_with_op(v.op, format_number(v.number), '人')}")
        elif not unit_known(unit):
            yield _f("PD110", path, f"计量单位“{unit}”不在常用单位表中，请确认")
        doubled = _doubled(digits) if digits else None
        together = _run_together(digits) if digits else None
        is_rate = unit in PERCENT_UNITS or (RATE_NAME.search(name) and not GROWTH_NAME.search(name))
        if unit == "%" and v.number > 100 and not GROWTH_NAME.search(name):
            if together:
                a, b = together
                sugg = f"是 =100% 还是 ≥{b}%？"
            elif doubled:
                sugg = f"是否应为 {_with_op(v.op, doubled, '%')}？"
            else:
                sugg = "比率不能超过 100%"
            yield _f("PD104", path, f"比率 {format_number(v.number)}% 超过 100%", sugg)
        elif is_rate and unit in ("", "比例") and 0 < v.number <= 1:
            pct = format_number((v.number * 100).normalize())
            yield _f("PD104", path, f"比率写成了小数 {format_number(v.number)}", f"是否应为 {_with_op(v.op, pct, '%')}？")
        if digits and re.match(r"0\d", digits):
            fixed = digits.lstrip("0") or "0"
            yield _f("PD105", path, f"数值“{digits}”有前导零", f"是否应为 {_with_op(v.op, fixed, unit)}？")
        if together and unit == "%":
            yield _f("PD106", path, f"“{digits}”像是 100 和 {together[1]} 两个值连在一起", f"是 =100% 还是 ≥{together[1]}%？")
        elif doubled:
            yield _f("PD106", path, f"“{digits}”像是“{doubled}”重复录入了一次", f"是否应为 {_with_op(v.op, doubled, unit)}？")
        if v.op is None:
            fixed = _fixed_digits(digits)
            sugg = (f"是否应为 {_with_op('=', fixed, unit)}？" if fixed and not (unit == "%" and int(float(fixed)) > 100)
                    else "请加上运算符 ≥、≤ 或 =")
            if together and unit == "%":
                sugg = f"是 =100% 还是 ≥{together[1]}%？"
            yield _f("PD107", path, "指标值没有运算符，将按“=”理解", sugg)
    elif isinstance(v, Range):
        if v.low >= v.high:
            yield _f("PD109", path, "区间下限应小于上限",
                     f"{format_number(v.high)}{v.unit}-{format_number(v.low)}{v.unit}")
        if not v.unit:
            yield _f("PD103", path, "区间缺少计量单位")
    elif isinstance(v, Change):
        if not v.unit:
            yield _f("PD103", path, "变化幅度缺少计量单位（% 或 个百分点）")
    elif isinstance(v, Qualitative) and v.vague:
        yield _f("PD108", path, f"“{v.term}”含糊，无法判断是否达成", "改为分级值（优/良/中/差）或量化目标")
