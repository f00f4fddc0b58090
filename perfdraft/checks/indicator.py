"""Indicator rules (PD2xx): one row of the grid, with its project for the money rules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from .. import frameworks
from ..model import Indicator, Project
from ..values import (
    Change,
    Deadline,
    ParseError,
    Qualitative,
    Quantity,
    Range,
    Schedule,
    format_number,
    parse,
)
from .finding import Finding, _f
from .value import _bare_name, _digits_as_typed, _fixed_digits, check_value
from .words import (
    FORMULA_WORDS,
    MISFILED,
    MONEY_NAME,
    MONEY_UNITS,
    NEGATIVE_NAME,
    NOT_BENEFIT,
    PER_HEAD_NAME,
    PLACEHOLDER_DESCRIPTIONS,
    RATE_NAME,
    SATISFACTION_NAME,
    SURVEY_WORDS,
    TARGET_IN_NAME,
    TIME_UNITS,
    UNIT_BY_NAME,
)


def _money(v: object) -> Decimal | None:
    if isinstance(v, Quantity) and v.unit in MONEY_UNITS:
        return v.number * MONEY_UNITS[v.unit]
    return None


def _unit_of(text: str | None) -> str | None:
    if not text:
        return None
    v = parse(text)
    if isinstance(v, Quantity | Range | Change):
        return v.unit
    if isinstance(v, ParseError) and v.reason == "no-number":
        return re.sub(r"\s", "", text)
    return None


def check_indicator(ind: Indicator, framework_id: str = "local-2015", path: str = "",
                    project: Project | None = None) -> list[Finding]:
    """Value and indicator-scope findings for one row."""
    p = f"{path}." if path else ""
    out = check_value(ind.value, ind, f"{p}value") if ind.value is not None else []
    full_name = ind.name or ""
    name = _bare_name(full_name)
    fw = frameworks.get(framework_id)
    l1, l2 = frameworks.canonical_levels(ind.level1, ind.level2, fw)
    value = parse(ind.value) if ind.value else None
    op = value.op if isinstance(value, Quantity | Change) else None
    unit = _unit_of(ind.value)

    # PD201 / PD202: the levels exist in the framework.
    local, central = frameworks.LOCAL_2015, frameworks.CENTRAL_2021
    l1l, l2l = frameworks.canonical_levels(ind.level1, ind.level2, local)
    if framework_id == "local-2015" and not local.allows(l1l or "", l2l or ""):
        out.append(_f("PD201", f"{p}level2", f"“{ind.level1 or '（空）'} / {ind.level2 or '（空）'}”不是地方 2015 口径的一级/二级指标",
                      _level_hint(l2l, local)))
    l1c, l2c = frameworks.canonical_levels(ind.level1, ind.level2, central)
    if framework_id == "central-2021":
        if not central.allows(l1c or "", l2c or ""):
            out.append(_f("PD202", f"{p}level2", f"“{ind.level1 or '（空）'} / {ind.level2 or '（空）'}”不符合中央 2021 口径",
                          _level_hint(l2c, central)))
        elif l2c in central.discouraged:
            out.append(_f("PD202", f"{p}level2", "中央 2021 口径下“可持续影响”慎用，请确认"))
    if len(full_name) > 100:
        out.append(_f("PD203", f"{p}name", f"三级指标名称有 {len(full_name)} 字，超过 100 字"))

    # PD205: the unit fits the name.
    if unit is not None and name:
        for pattern, units, suggested in UNIT_BY_NAME:
            if pattern.search(name):
                if unit not in units:
                    out.append(_f("PD205", f"{p}value", f"指标名称含“{pattern.search(name).group(0)}”，单位宜为“{suggested}”，当前为“{unit or '无'}”",
                                  f"单位改为 {suggested}"))
                break

    # Operator direction by 二级 and by name (PD206–PD208).
    if op is not None and isinstance(value, Quantity):
        num = _fixed_digits(_digits_as_typed(ind.value or "")) or format_number(value.number)
        if l2 in ("成本", "经济成本") and op in ("≥", ">"):
            fix = "=" if PER_HEAD_NAME.search(name) else "≤"
            unit_fix = next((u for pat, units, u in UNIT_BY_NAME if pat.search(name) and value.unit not in units), value.unit)
            out.append(_f("PD206", f"{p}value", "成本指标用了“≥”，成本应控制上限" + ("；补贴标准宜用“=”" if fix == "=" else ""),
                          f"是否应为 {fix}{num}{unit_fix}？"))
        if l2 == "数量" and op in ("≤", "<"):
            out.append(_f("PD207", f"{p}value", "数量指标用了“≤”，等于给产出设上限", f"是否应为 ≥{num}{value.unit}？"))
        if NEGATIVE_NAME.search(name) and op in ("≥", ">"):
            out.append(_f("PD208", f"{p}value", f"“{NEGATIVE_NAME.search(name).group(0)}”越低越好，应使用 ≤",
                          f"是否应为 ≤{num}{value.unit}？"))

    # Satisfaction / awareness rows (PD209, PD210).
    if SATISFACTION_NAME.search(name):
        if isinstance(value, Quantity) and value.unit == "%":
            if value.op == "=" and value.number == 100 or value.op is None and value.number == 100:
                out.append(_f("PD209", f"{p}value", "满意度/知晓率定为 100% 没有余地", "是否应为 ≥90%？"))
            elif value.number < 80:
                out.append(_f("PD209", f"{p}value", f"满意度/知晓率目标 {format_number(value.number)}% 偏低", "一般不低于 80%"))
        if not SURVEY_WORDS.search((ind.description or "") + (ind.formula or "")):
            out.append(_f("PD210", f"{p}description", "请写明调查对象和调查方法", "例如：抽样问卷调查服务对象，满意人数÷有效问卷数×100%"))

    if TARGET_IN_NAME.search(name):
        out.append(_f("PD211", f"{p}name", f"三级名称中含目标值“{TARGET_IN_NAME.search(name).group(0)}”，目标应写在指标值栏",
                      "把目标移到指标值栏，名称只写度量对象"))

    # PD212: description is a real 口径.
    desc = (ind.description or "").strip()
    if not desc:
        out.append(_f("PD212", f"{p}description", "绩效指标描述为空", "写明统计口径、时点或计算方法"))
    elif desc in PLACEHOLDER_DESCRIPTIONS:
        out.append(_f("PD212", f"{p}description", f"描述写“{desc}”：不适用的指标请整行删除，适用的请写明口径"))
    elif name and (desc == name or (len(desc) <= 8 and desc in name)):
        out.append(_f("PD212", f"{p}description", "描述只重复了指标名称，请写明口径（统计范围、时点、计算方法）"))

    if RATE_NAME.search(name) and not SATISFACTION_NAME.search(name):
        if not FORMULA_WORDS.search((ind.description or "") + (ind.formula or "")):
            out.append(_f("PD213", f"{p}description", "比率类指标请在描述中写明计算公式",
                          _formula_hint(full_name)))

    if isinstance(value, Qualitative) and not value.vague:
        explained = desc and (("：" in desc or ":" in desc) or sum(t in desc for t in ("优", "良", "中", "差", "好", "一般")) >= 2)
        if not explained:
            out.append(_f("PD214", f"{p}description", f"定性值“{value.term}”需要在描述中说明各等级含义", "优：…；良：…；中：…；差：…"))

    if ind.basis is None or ind.basis.is_blank():
        out.append(_f("PD215", f"{p}basis", "指标值确定依据为空", "选择 计划标准/行业标准/历史标准/其他标准，并注明依据"))

    if l2 == "时效" and value is not None and not isinstance(value, ParseError):
        timely = isinstance(value, Deadline | Schedule) or (
            isinstance(value, Quantity) and (value.unit in TIME_UNITS or value.unit == "%"))
        if not timely:
            out.append(_f("PD216", f"{p}value", "时效指标应为日期、期限、时长或及时率", "例如 2020年12月底前、≤3个工作日、≥95%"))

    for pattern, homes, where in MISFILED:
        m = pattern.search(name)
        if m and l2 is not None and l2 not in homes:
            out.append(_f("PD217", f"{p}level2", f"“{m.group(0)}”宜放在{where}下"))
    if l1 == "效益" and NOT_BENEFIT.search(name):
        out.append(_f("PD218", f"{p}level2", f"“{NOT_BENEFIT.search(name).group(0)}”不是效益，宜放在产出（成本或质量）下"))

    # PD219 / PD221: money rows against the budget.
    if project is not None:
        out.extend(_money_rules(ind, value, unit, l2, p, project))

    if ind.last_year and isinstance(value, Quantity):
        last = parse(ind.last_year)
        if isinstance(last, Quantity) and last.unit == value.unit and last.number != value.number:
            worse = value.number < last.number if (ind.direction or "正向") == "正向" else value.number > last.number
            if worse:
                out.append(_f("PD222", f"{p}value", f"目标 {ind.value} 比上年值 {ind.last_year} 更差，请说明理由"))
    return out


def _money_rules(ind: Indicator, value: object, unit: str | None, l2: str | None, p: str, project: Project) -> Iterator[Finding]:
    name = ind.name or ""
    total = project.budget.total
    amount = _money(value)
    if l2 == "数量" and unit in MONEY_UNITS and MONEY_NAME.search(name):
        yield _f("PD219", f"{p}value", "数量指标写的是资金金额（投入），投入不能作为绩效目标",
                 "改写为资金带来的产出，例如发放人数、覆盖率")
    elif amount is not None and total and amount == total:
        yield _f("PD219", f"{p}value", f"指标值等于预算数 {format_number(total)}元：投入不能作为绩效目标",
                 "改写为资金带来的产出")
    if amount is not None and total and MONEY_NAME.search(name) and not PER_HEAD_NAME.search(name):
        share = amount / total
        if share < Decimal("0.01") or share > 1:
            yield _f("PD221", f"{p}value", f"金额 {ind.value} 与预算数 {format_number(total)}元 相差过大",
                     f"本项目资金类目标应在 {format_number((total / 100).quantize(Decimal(1)))}–{format_number(total)}元 之间")


def _level_hint(l2: str | None, fw: frameworks.Framework) -> str:
    for l1, l2s in fw.levels.items():
        if l2 in l2s:
            return f"“{frameworks.LEVEL2_LABELS[l2]}”应在“{frameworks.LEVEL1_LABELS[l1]}”下"
    pairs = "；".join(f"{frameworks.LEVEL1_LABELS[a]}：{'、'.join(frameworks.LEVEL2_LABELS[b] for b in bs)}"
                     for a, bs in fw.levels.items())
    return f"可选：{pairs}"


def _formula_hint(name: str) -> str:
    m = re.search(r"[（(]([^（）()]*[/÷][^（）()]*)[）)]", name)
    if m:
        return f"把名称括号中的公式移到描述：{m.group(1)}×100%"
    return "例如：实际完成数÷计划数×100%"
