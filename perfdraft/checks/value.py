"""Value rules (PD1xx): one 指标值, cheap enough for every keystroke."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from .. import frameworks, numbers
from ..model import Indicator
from ..values import (
    BUDGET_SCALE,
    PERCENT_UNITS,
    Change,
    Deadline,
    Either,
    Graded,
    ParseError,
    Qualitative,
    Quantity,
    Range,
    format_number,
    parse,
    placeholder_in,
    plain_reading,
    trailing_remark,
    unit_known,
)
from .finding import Finding, _f
from .words import (
    CONSUMPTION_NAME,
    EVENT_NAME,
    GROWTH_NAME,
    MONEY_UNIT_HEADS,
    NEGATIVE_NAME,
    PER_HEAD_NAME,
    PER_HEAD_UNITS,
    PER_UNIT_NAME,
    PERCENT_NAME,
    RATE_NAME,
    SATISFACTION_NAME,
    UNIT_BY_NAME,
    UNITLESS_NAME,
)

_DIGITS = re.compile(r"[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?")
_LEADING_ZERO = re.compile(r"0\d")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_MONEY_WORDS = re.compile(r"费|成本|金额|资金|经费|预算")
_PLAIN_NUMBER = re.compile(r"\d+(\.\d+)?")


@lru_cache(maxsize=8192)
def _digits_as_typed(text: str) -> str | None:
    m = _DIGITS.search(text)
    if not m:
        return None
    return numbers.plain(m.group(0))


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


def _fixed_digits(digits: str | None) -> str | None:
    """The number the user most likely meant: '3030' → '30', '095' → '95'; None when unsure."""
    if not digits:
        return None
    if _run_together(digits):
        return None
    if _LEADING_ZERO.match(digits):
        return digits.lstrip("0") or "0"
    return _doubled(digits) or digits


@lru_cache(maxsize=8192)
def _bare_name(name: str) -> str:
    """The name without bracketed formulas or notes: （实际参保人数/…） must not decide the unit."""
    return _BRACKETED.sub("", name)


def _with_op(op: str | None, number: str, unit: str) -> str:
    return f"{op or '='}{number}{unit}"


# Units typed in a form no system accepts, and what they stand for.
UNIT_FIXES = {"M": "米", "m": "米", "百分比": "%", "百分点": "个百分点", "人/次": "人次", "平米": "平方米", "KM": "公里",
              "元/人*月": "元/人·月", "元/人*年": "元/人·年"}


_AVERAGE_NAME = re.compile(r"均|平均|每")
_ENDS_AS_RATE = re.compile(r"(?:率|比例|占比|比重)$")


# What a payment standard is called: its unit says per whom and per what period (月人均补助水平 ≥108元/人·月).
_PAYMENT_NAME = re.compile(r"补助|补贴|标准|水平|缴费|资助|救助")


@lru_cache(maxsize=8192)
def expected_unit(name: str, unit: str) -> str | None:
    """The unit the name asks for when ``unit`` does not fit it (PD205), else None."""
    if unit in PERCENT_UNITS and _ENDS_AS_RATE.search(name):
        return None  # 抚恤补助标准落实率 100%: what the name ends in is what it measures
    for pattern, units, suggested in UNIT_BY_NAME:
        if pattern.search(name):
            if unit in units or (suggested == "元" and unit.startswith(MONEY_UNIT_HEADS)):
                return None
            if unit.endswith("/年") and unit[:-2] in units:
                return None  # 污水管网长度 ≥35公里/年: the year's length, said twice
            if suggested.startswith("元/") and unit in ("元", "万元") and PER_UNIT_NAME.search(name) \
                    and not _PAYMENT_NAME.search(name):
                return None  # 人均月收入增加额 ≥300元: the name already says per head and per month
            if "/" in unit and unit.split("/", 1)[0] in (*units, suggested) and _AVERAGE_NAME.search(name):
                return None  # 农家书屋年均借阅人次 ≥200人次/个: an average per unit is the name's count per unit
            if units is PER_HEAD_UNITS and (unit.startswith(MONEY_UNIT_HEADS)
                                            or unit in ("元", "万元") and PER_UNIT_NAME.search(name)):
                return None  # 元/次, 万元/户, 元/生·天 … and 每吨…标准 =100元 are standards too
            if suggested == "%" and unit == "" and not (RATE_NAME.search(name) or SATISFACTION_NAME.search(name)):
                return None
            if unit in PERCENT_UNITS and GROWTH_NAME.search(name):
                return None  # …人次同比增长 ≥10%: a growth is a percentage of the count
            return suggested
    return None


def _op_for(op: str | None, name: str, level2: str | None, number: str, unit: str) -> str:
    """The operator a row of this kind takes: the one typed unless a direction rule says otherwise."""
    if unit == "%" and number == "100" and _is_rate(name, unit):
        return "="  # ≥100% / >100% / a bare 100%: the only reachable target is =100%
    if NEGATIVE_NAME.search(name) and op in ("≥", ">", None):
        return "≤"
    if level2 in ("成本", "经济成本") and op in ("≥", ">"):
        return "=" if PER_HEAD_NAME.search(name) else "≤"
    if level2 == "数量" and op in ("≤", "<") and not CONSUMPTION_NAME.search(name):
        return "≥"
    if op is None and SATISFACTION_NAME.search(name):
        return "≥"  # a satisfaction is a floor (满意度 ≥90%), never exactly 90%
    return op or "="


@lru_cache(maxsize=8192)
def propose(text: str, name: str, level2: str | None) -> str | None:
    """The one value the checker would accept for this row, when it can tell what was meant; else None.

    Every value finding offers this same proposal, so that taking one piece of advice never draws
    another (a PD106 fix that a PD206 then rejects was the circular advice of issue 16).
    """
    value = parse(text)
    if not isinstance(value, Quantity):
        return None
    digits = _digits_as_typed(text)
    if digits and _run_together(digits):
        return None  # "10090": 100 or 90? only the user knows
    number = _fixed_digits(digits) or format_number(value.number)
    unit = value.unit
    if unit == "万" and (level2 in ("成本", "经济成本") or _MONEY_WORDS.search(name)):
        unit = "万元"
    unit = UNIT_FIXES.get(unit, unit)
    typed_unit = unit
    unit = expected_unit(name, unit) or unit
    if unit == "%" and typed_unit in ("", "比例") and 0 < value.number <= 1:
        number = format_number((value.number * 100).normalize())  # a rate written as a fraction: 0.97 → 97%
    if not unit or not unit_known(unit):
        return None  # a missing or unknown unit cannot be guessed from the number
    amount = numbers.read_decimal(number) if _PLAIN_NUMBER.fullmatch(number) else None
    if unit == "%" and (amount is None or amount > 100) and not GROWTH_NAME.search(name):
        return None
    if SATISFACTION_NAME.search(name) and unit == "%" and (number == "100" or amount is not None and amount < 80):
        return "≥90%"
    op = _op_for(value.op, name, level2, number, unit)
    fixed = f"{op}{number}{unit}"
    return fixed if fixed != text else None


def _ask(fix: str | None, fallback: str | None = None) -> str | None:
    return f"是否应为 {fix}？" if fix else fallback


# A plan or a quota can be over-fulfilled: "征缴计划完成率 ≥100%" is a real target, not an impossible one.
OVERFULFIL_NAME = re.compile(r"(计划|任务|采购量|征缴|征收|收入).*完成率")


def _is_rate(name: str, unit: str) -> bool:
    return (unit in PERCENT_UNITS and bool(RATE_NAME.search(name)) and not GROWTH_NAME.search(name)
            and not OVERFULFIL_NAME.search(name))


def check_value(text: str | None, indicator: Indicator | None = None, path: str = "value") -> list[Finding]:
    """Value-scope findings (PD1xx) for one 指标值; cheap enough for every keystroke."""
    if text is None or not text.strip():
        return [_f("PD101", path, "指标值为空", "请填写目标值，例如 ≥95%")]
    name = _bare_name((indicator.name if indicator else None) or "")
    level2 = frameworks.level2_key(indicator.level2) if indicator else None
    return list(_check_value(text, name, level2, path))


def _check_value(text: str, name: str, level2: str | None, path: str) -> Iterator[Finding]:
    mark = placeholder_in(text)
    value = parse(text)
    if mark or isinstance(value, ParseError) and value.reason == "placeholder":
        if "□" in text:  # a catalogue figure left to fill: the unit and operator are already right
            yield _f("PD102", path, f"指标值“{text}”中的 □ 还没有换成实际数字", "把 □ 换成本地的数字")
            return
        msg = value.message if isinstance(value, ParseError) else f"指标值中留有模板占位符“{mark}”"
        yield _f("PD102", path, msg, "请换成实际目标值，例如 ≥95%")
        return
    if isinstance(value, ParseError):
        # Where it went wrong, unless the message already quotes the part (“左右”, “万元将用于…”) or the whole
        where = "" if value.reason == "word" or "“" in value.message else f"（第 {value.position + 1} 个字符处）"
        yield _f("PD101", path, value.message + where, value.suggestion)
        return
    def fixer() -> str | None:  # the proposal only when a finding offers it (most rows draw none)
        return propose(text, name, level2)

    remark = trailing_remark(text) if ("," in text or "，" in text or ";" in text or "；" in text) else None
    if remark:
        yield _f("PD113", path, f"“{remark[0]}”后面跟了说明文字“{remark[1]}”：说明写在指标描述里，指标值只写运算符、数值和单位",
                 remark[0], fix=remark[0])

    plain = plain_reading(text)
    if plain is not None and plain != text.strip():
        yield _f("PD114", path, f"“{text.strip()}”可写成 {plain}", plain, fix=plain)

    values = [value.first, value.second] if isinstance(value, Either) else [value]
    digits = _digits_as_typed(text)
    for v in values:
        yield from _check_one_value(text, v, name, path, digits, fixer)


def _check_one_value(text: str, v: object, name: str, path: str, digits: str | None,
                     fixer: Callable[[], str | None]) -> Iterator[Finding]:
    if isinstance(v, Quantity):
        yield from _check_quantity(v, name, path, digits, fixer, text)
    elif isinstance(v, Range) and year_months(v):
        pass  # 2023.07-2024.01: a span of months, not a range of numbers (PD216 / PD225 judge it)
    elif isinstance(v, Range):
        if v.low >= v.high:
            swapped = f"{format_number(v.high)}{v.unit}-{format_number(v.low)}{v.unit}"
            yield _f("PD109", path, "区间下限应小于上限", swapped, fix=swapped if v.low != v.high else None)
        if not v.unit:
            yield _f("PD103", path, "区间缺少计量单位")
    elif isinstance(v, Change):
        if not v.unit:
            yield _f("PD103", path, "变化幅度缺少计量单位（% 或 个百分点）")
    elif isinstance(v, Qualitative) and v.term in ("无", "没有") and not EVENT_NAME.search(name):
        yield _f("PD115", path, f"指标值只写了“{v.term}”：只有不应发生的事项（如 安全事故：=0起）才能写无，"
                 "本指标应写可考核的目标值", "写成数值、日期或等级，例如 ≥95%、=0起、2024年12月底前；不适用的指标整行删除")
    elif isinstance(v, Qualitative) and v.vague:
        yield _f("PD108", path, f"“{v.term}”含糊，无法判断是否达成",
                 "改为量化目标，或写成分级值及其标准，例如 优：≥90%；良：≥80%；中：≥60%；差：<60%")
    elif isinstance(v, Qualitative) and v.scale == BUDGET_SCALE:
        yield _f("PD108", path, f"“{v.term}”没有数值，只能考核是否超支，看不出成本控制在多少",
                 "写明成本上限，例如 ≤50万元，或 ≤800元/人；按预算考核的写 成本控制率 ≤100%")
    elif isinstance(v, Graded):
        for term, band in v.bands:
            if isinstance(band, Quantity) and band.unit == "%" and band.number > 100:
                yield _f("PD104", path, f"“{term}”档的比率 {format_number(band.number)}% 超过 100%")
    elif isinstance(v, Deadline) and v.month is None:  # pragma: no cover - the grammar always fills the month
        yield _f("PD101", path, "日期不完整")


def year_months(v: object) -> tuple[int, int] | None:
    """The first and last year of a span written as 年.月-年.月 (2023.07-2024.01), or None."""
    if not isinstance(v, Range) or v.unit:
        return None
    ends = []
    for x in (v.low, v.high):
        places = -int(x.as_tuple().exponent)  # 2023.07 / 2023.7: the month as written
        if places not in (1, 2):
            return None
        year, month = divmod(x * 10**places, 10**places)
        if not (2000 <= year <= 2100 and 1 <= month <= 12):
            return None
        ends.append(int(year))
    return ends[0], ends[1]


def _check_quantity(v: Quantity, name: str, path: str, digits: str | None,
                    fixer: Callable[[], str | None], text: str = "") -> Iterator[Finding]:
    unit = v.unit
    if not unit and UNITLESS_NAME.search(name or ""):
        pass  # 系数, 指数: the number is the whole value
    elif not unit and v.number == 0 and RATE_NAME.search(name or ""):
        pass  # a rate of 0 (安全事故发生率 0) is 0% whatever the unit; a count of 0 still says what it counts
    elif not unit:  # a name ending in 数 does not say 人, 辆 or 个: the 计量单位 is still required
        implied = expected_unit(name, "") if name else None
        number = format_number(v.number)
        yield _f("PD103", path, "指标值缺少计量单位",
                 _ask(fixer()) if implied and fixer() else
                 f"在数值后写上单位，例如 {_with_op(v.op, number, '人')}、{_with_op(v.op, number, '次')} 或 {_with_op(v.op, number, '%')}",
                 fix=fixer() if implied else None)
    elif not unit_known(unit):
        yield _f("PD110", path, f"计量单位“{unit}”不在常用单位表中，请确认", _ask(fixer()), fix=fixer())
    doubled = _doubled(digits) if digits else None
    together = _run_together(digits) if digits else None
    rate = _is_rate(name, unit) or (unit == "%" and not GROWTH_NAME.search(name) and not OVERFULFIL_NAME.search(name))
    if unit == "%" and v.number > 100 and not GROWTH_NAME.search(name):
        sugg: str | None = f"是 =100% 还是 ≥{together[1]}%？" if together else _ask(fixer(), "比率不能超过 100%")
        yield _f("PD104", path, f"比率 {format_number(v.number)}% 超过 100%", sugg, fix=fixer())
    elif RATE_NAME.search(name) and not GROWTH_NAME.search(name) and unit in ("", "比例") and 0 < v.number <= 1:
        pct = f"{v.op or '='}{format_number((v.number * 100).normalize())}%"
        yield _f("PD104", path, f"比率写成了小数 {format_number(v.number)}", f"是否应为 {pct}？", fix=pct)
    elif rate and v.number == 100 and v.op in (">", "≥"):
        if NEGATIVE_NAME.search(name):
            yield _f("PD111", path, f"“{NEGATIVE_NAME.search(name).group(0)}”越低越好，目标 {v.op}100% 等于要求全部出问题",  # type: ignore[union-attr]
                     _ask(fixer()), fix=fixer())
        elif v.op == ">":
            yield _f("PD111", path, "比率不可能超过 100%", _ask(fixer()), fix=fixer())
        # 达到100% says reach it: = 100%, as written; a name that is no rate (…台套数 ≥100%) is PD224's
        elif not text.lstrip().startswith(("达到", "达")) and (not name or PERCENT_NAME.search(name)):
            yield _f("PD112", path, "比率最高就是 100%，“≥100%”应写成 =100%", _ask(fixer()), fix=fixer())
    if digits and _LEADING_ZERO.match(digits):
        yield _f("PD105", path, f"数值“{digits}”有前导零", _ask(fixer()), fix=fixer())
    if together and unit == "%":
        yield _f("PD106", path, f"“{digits}”像是 100 和 {together[1]} 两个值连在一起", f"是 =100% 还是 ≥{together[1]}%？")
    elif doubled:
        yield _f("PD106", path, f"“{digits}”像是“{doubled}”重复录入了一次", _ask(fixer()), fix=fixer())
    if v.op is None:
        ask = f"是 =100% 还是 ≥{together[1]}%？" if together and unit == "%" else _ask(fixer(), "请加上运算符 ≥、≤ 或 =")
        yield _f("PD107", path, "指标值没有运算符，将按“=”理解", ask, fix=fixer())
