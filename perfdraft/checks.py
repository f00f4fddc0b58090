"""The checker: rules (rules.py) applied to a value, an indicator, a project or a whole draft.

Every finding carries a zero-based path (``projects[1].indicators[5].value``) so a front-end can
jump to it. ``check_value`` runs on every keystroke: it only parses (cached) and compares.
Word lists the rules rely on are tables at the top of this module, not branches in the code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from . import frameworks
from .model import Draft, Indicator, Project
from .names import DOC_NUMBER, split_doc_number
from .rules import ERROR, RULES
from .values import (
    PERCENT_UNITS,
    Change,
    Deadline,
    Either,
    ParseError,
    Qualitative,
    Quantity,
    Range,
    Schedule,
    format_number,
    parse,
    unit_known,
)

# --- word tables ---------------------------------------------------------------------------

# (name pattern, accepted units, suggested unit) — first match wins, so specific before general.
UNIT_BY_NAME: list[tuple[re.Pattern[str], frozenset[str], str]] = [
    (re.compile(r"满意度|知晓率"), frozenset({"%"}), "%"),
    (re.compile(r"月人均|人均.*月|每月"), frozenset({"元/人·月", "万元/人·月"}), "元/人·月"),
    (re.compile(r"(人均|平均|水平|标准).*(补贴|补助|缴费|代缴|养老保险费)|(补贴|补助|缴费|代缴).*(人均|平均|水平|标准)"),
     frozenset({"元/人·年", "元/人·月", "元/人", "元/人·次", "元/生·年", "元/户·年", "元/户", "元/亩"}), "元/人·年"),
    (re.compile(r"人次"), frozenset({"人次", "万人次"}), "人次"),
    (re.compile(r"次数$"), frozenset({"次", "场次", "批次", "期", "场"}), "次"),
    (re.compile(r"户数"), frozenset({"户", "万户"}), "户"),
    (re.compile(r"人数|人员数"), frozenset({"人", "万人", "名"}), "人"),
    (re.compile(r"(率|比例|占比)(（|\(|$)"), PERCENT_UNITS | {"个百分点"}, "%"),
    (re.compile(r"面积"), frozenset({"亩", "万亩", "公顷", "平方米", "万平方米", "平方公里"}), "亩"),
    (re.compile(r"金额|资金|经费"), frozenset({"元", "万元", "亿元"}), "元"),
    (re.compile(r"里程|长度"), frozenset({"公里", "千米", "米", "延米", "km"}), "公里"),
]
RATE_NAME = re.compile(r"(率|比例|占比)(（|\(|$)")
GROWTH_NAME = re.compile(r"增长|增幅|提高|变动|下降|降低|减少|提升")
SATISFACTION_NAME = re.compile(r"满意度|知晓率")
SURVEY_WORDS = re.compile(r"调查|问卷|抽样|测评|访谈|回访|电话|样本")
NEGATIVE_NAME = re.compile(r"受害率|成灾率|失业率|超支率|结余率|投诉率|事故率|发生率|差错率|故障率|返贫率|辍学率|死亡率|"
                           r"不合格率|违规率|流失率|空置率|误报率|漏报率|复发率|损耗率|变动率")
FORMULA_WORDS = re.compile(r"÷|/|／|×|\*|除以|之比|比值|占.*比|计算|公式|=")
TARGET_IN_NAME = re.compile(r"不低于|不少于|不高于|不超过|≥|≤|＞＝|＜＝|\d+(\.\d+)?\s*[%％]")
PLACEHOLDER_DESCRIPTIONS = frozenset({"无关", "无", "/", "／", "-", "—", "－", "**", "*", "略", "同上", "见上", "不适用", "xx"})
MONEY_UNITS = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
MONEY_NAME = re.compile(r"资金|金额|拨入|到位|预算|投入")
PER_HEAD_NAME = re.compile(r"人均|平均|水平|标准|每人|单价|单位成本")
TIME_UNITS = frozenset({"小时", "天", "日", "个工作日", "工作日", "月", "个月", "年", "分钟", "周", "秒"})
# (name pattern, canonical 二级 keys it belongs to, where to put it)
MISFILED: list[tuple[re.Pattern[str], frozenset[str], str]] = [
    (re.compile(r"合格率|故障率|达标率|合规率|验收"), frozenset({"质量"}), "质量指标"),
    (re.compile(r"治愈率|就业率"), frozenset({"经济效益", "社会效益", "生态效益", "可持续影响"}), "效益指标"),
]
NOT_BENEFIT = re.compile(r"执行率|结余率|调整次数|足额保障率|预算执行|支出进度")
GOAL_REQUEST = re.compile(r"申请|列入.{0,12}预算")
OUTPUT_NUMBER = re.compile(r"\d[\d,\.]*\s*(?:人次|人|户|个|名|场|次|件|台|套|亩|公顷|公里|所|座|%|％|项|家|处)")
COUNT_IN_TEXT = re.compile(r"(\d[\d,]*)\s*(人次|人|户|公顷|亩|公里|场)")
AMOUNT_IN_TEXT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)(?![/／])")
GAP_EXPLAINED = re.compile(r"县级配套|县级部分|县级.{0,4}(承担|负担)|差额|分担|仅为|仅含|其余|上级资金|中央和省")
# Units that add up: the same count in two projects may be counted twice (PD403). Rates and
# per-head standards legitimately repeat.
ADDITIVE_UNITS = frozenset({"人", "人次", "户", "户次", "元", "万元", "亿元", "亩", "万亩", "公顷", "公里", "个", "次", "场", "件", "台", "套", "台套", "项"})
LUMPY_WORDS = re.compile(r"征地|工程|施工|建设|购置|采购|一次性|招标")
YEAR_IN_TEXT = re.compile(r"(20\d\d)\s*年")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    path: str
    message: str
    suggestion: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "severity": self.severity, "path": self.path,
                "message": self.message, "suggestion": self.suggestion}


def _f(code: str, path: str, message: str, suggestion: str | None = None) -> Finding:
    return Finding(code, RULES[code].severity, path, message, suggestion)


# --- value rules (PD1xx) ------------------------------------------------------------------------


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
    if "□" in text:
        return [_placeholder_finding(text, path)]
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


def _placeholder_finding(text: str, path: str) -> Finding:
    """PD111: a catalogue placeholder the user has not filled (never a figure made up for them)."""
    return _f("PD111", path, f"指标值“{text}”中的 □ 还没有填写", f"把 □ 换成本地的数字，如 {text.replace('□', '300', 1)}")


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


# --- indicator rules (PD2xx) -------------------------------------------------------------------


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


# --- project rules (PD3xx) -----------------------------------------------------------------------


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def check_project(project: Project, framework_id: str = "local-2015", path: str = "projects[0]",
                  year: int | None = None) -> list[Finding]:
    out: list[Finding] = []
    fw = frameworks.get(framework_id)
    for i, ind in enumerate(project.indicators):
        out.extend(check_indicator(ind, framework_id, f"{path}.indicators[{i}]", project))

    name = project.name or ""
    goal = (project.goal or "").strip()
    purpose = project.purpose or ""
    if not goal:
        out.append(_f("PD301", f"{path}.goal", "绩效目标为空", "写明今年要完成的产出（数量）和带来的效果"))
    elif GOAL_REQUEST.search(goal) and not OUTPUT_NUMBER.search(goal):
        out.append(_f("PD302", f"{path}.goal", "绩效目标只复述了资金申请，没有写明产出数量和效果",
                      "例如：为约 N 名对象发放补贴，发放及时率达到 95% 以上"))

    inds = [(frameworks.canonical_levels(i.level1, i.level2, fw), i) for i in project.indicators]
    out.extend(_number_agreement(project, inds, path))

    if not project.indicators:
        out.append(_f("PD304", f"{path}.indicators", "未设置绩效指标", "按 产出、效益、满意度 添加指标"))
    else:
        present1 = {l1 for (l1, _), _ in inds}
        for l1 in fw.required_level1:
            if l1 not in present1:
                out.append(_f("PD304", f"{path}.indicators", f"缺少“{frameworks.LEVEL1_LABELS[l1]}”",
                              f"至少添加一条{frameworks.LEVEL1_LABELS[l1]}"))
        present = {pair for pair, _ in inds}
        effects_present = any(l1 == "效益" for (l1, _), _ in inds)
        for l1, l2 in fw.expected:
            if (l1, l2) not in present and not (l1 == "效益" and effects_present):
                out.append(_f("PD305", f"{path}.indicators", f"没有“{frameworks.LEVEL2_LABELS[l2]}”",
                              f"添加一条{frameworks.LEVEL2_LABELS[l2]}，或说明不适用的理由"))
        if len(project.indicators) < 3:
            out.append(_f("PD305", f"{path}.indicators", f"只有 {len(project.indicators)} 条指标，一般不少于 3 条"))
        elif len(project.indicators) > 20:
            out.append(_f("PD305", f"{path}.indicators", f"有 {len(project.indicators)} 条指标，过多则重点不突出"))

    b = project.budget
    if b.total is None:
        out.append(_f("PD306", f"{path}.budget.total", "预算数为空"))
    else:
        fiscal, other = b.fiscal or Decimal(0), b.other or Decimal(0)
        if abs(b.total - fiscal - other) > Decimal("0.01"):
            out.append(_f("PD306", f"{path}.budget.total",
                          f"预算数 {format_number(b.total)} ≠ 财政资金 {format_number(fiscal)} + 其他资金 {format_number(other)}",
                          f"预算数应为 {format_number(fiscal + other)}，或调整分项"))
    if b.fiscal is None:
        out.append(_f("PD307", f"{path}.budget.fiscal", "财政资金为空，按 0 处理", "没有财政资金请填 0"))
    if b.other is None:
        out.append(_f("PD307", f"{path}.budget.other", "其他资金为空，按 0 处理", "没有其他资金请填 0"))

    plan = project.spending_plan
    if plan is None or plan.is_blank():
        out.append(_f("PD308", f"{path}.spending_plan", "资金支出计划未填写", "填写 3月底、6月底、10月底、12月底 累计支出比例，如 25、50、75、100"))
    else:
        cells = plan.cells()
        labels = ("mar", "jun", "oct", "dec")
        bad = [labels[i] for i, c in enumerate(cells) if c is None or not 0 <= c <= 100]
        if bad:
            out.append(_f("PD308", f"{path}.spending_plan.{bad[0]}", "资金支出计划需四期都填写，且在 0–100 之间"))
        else:
            if any(cells[i] > cells[i + 1] for i in range(3)):
                out.append(_f("PD309", f"{path}.spending_plan", "资金支出计划是累计进度，后一期不应小于前一期"))
            if cells[3] != 100:
                out.append(_f("PD309", f"{path}.spending_plan.dec", f"12月底累计为 {format_number(cells[3])}%，一般应为 100%",
                              "跨年项目请在资金用途中说明"))
            if [int(c) for c in cells] == [25, 50, 75, 100] and LUMPY_WORDS.search(purpose):
                out.append(_f("PD310", f"{path}.spending_plan", "用途显示支出可能集中发生，却按平均进度填报", "按实际拨付时间调整各期比例"))

    # PD312: amounts in 资金用途 agree with 预算数.
    if b.total is not None:
        amounts = [_number(m.group(1)) * MONEY_UNITS[m.group(2)] for m in AMOUNT_IN_TEXT.finditer(purpose)]
        if amounts and all(abs(a - b.total) > Decimal("0.01") for a in amounts):
            shown = "、".join(f"{format_number(a.normalize())}元" for a in amounts[:3])
            out.append(_f("PD312", f"{path}.purpose", f"资金用途中的金额（{shown}）与预算数 {format_number(b.total)}元 不一致",
                          "统一用途文字与预算数"))

    if inds:
        qual = sum(1 for i in project.indicators if isinstance(parse(i.value or ""), Qualitative))
        if qual / len(project.indicators) > 0.3:
            out.append(_f("PD321", f"{path}.indicators", f"定性指标占 {qual}/{len(project.indicators)}，超过 30%", "尽量改为量化指标"))

    out.extend(_cross_rows(project, inds, path))

    m = DOC_NUMBER.search(name)
    if m:
        rest, doc = split_doc_number(name)
        out.append(_f("PD317", f"{path}.name", f"项目名称中含文号“{m.group(0)}”",
                      f"名称：{rest}；文号：{doc}"))
    if year:
        name_wo_doc = DOC_NUMBER.sub("", name)
        years = {int(y) for y in YEAR_IN_TEXT.findall(name_wo_doc)}
        lead = re.match(r"\s*(20\d\d)\s*年", purpose)
        if lead:
            years.add(int(lead.group(1)))
        other_years = sorted(y for y in years if y != year)
        if other_years:
            out.append(_f("PD316", f"{path}.purpose" if lead else f"{path}.name",
                          f"出现 {other_years[0]} 年，与预算年度 {year} 不同", "是否为上年结转资金？请在用途中说明"))
    return out


def _number_agreement(project: Project, inds: list, path: str) -> Iterator[Finding]:
    """PD303: counts in 资金用途/绩效目标 that no indicator carries, where indicators in that unit exist."""
    values_by_unit: dict[str, set[Decimal]] = {}
    for _, ind in inds:
        v = parse(ind.value or "")
        if isinstance(v, Quantity):
            values_by_unit.setdefault(v.unit, set()).add(v.number)
    for field in ("purpose", "goal"):
        text = getattr(project, field) or ""
        for m in COUNT_IN_TEXT.finditer(text):
            n, unit = _number(m.group(1)), m.group(2)
            if n < 10 or unit not in values_by_unit or n in values_by_unit[unit]:
                continue
            shown = "、".join(f"{format_number(x)}{unit}" for x in sorted(values_by_unit[unit]))
            yield _f("PD303", f"{path}.{field}", f"文字中的 {m.group(0)} 与指标值（{shown}）不一致", "请统一文字与指标值")


def _similar(a: str, b: str) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def _cross_rows(project: Project, inds: list, path: str) -> Iterator[Finding]:
    parsed = [(pair, ind, parse(ind.value or "")) for pair, ind in inds]
    # PD204 duplicates; PD315 same measure and value under two 二级.
    seen: dict[str, int] = {}
    for i, (_pair, ind, _v) in enumerate(parsed):
        key = (ind.name or "").strip()
        if key:
            if key in seen and (project.indicators[seen[key]].scope or "annual") == (ind.scope or "annual"):
                yield _f("PD204", f"{path}.indicators[{i}].name", f"与第 {seen[key] + 1} 条指标名称重复")
            seen.setdefault(key, i)
    for i in range(len(parsed)):
        for j in range(i + 1, len(parsed)):
            (pi, ii, vi), (pj, ij, vj) = parsed[i], parsed[j]
            if (isinstance(vi, Quantity) and vi == vj and vi.unit not in PERCENT_UNITS and pi[1] != pj[1]
                    and _similar(ii.name or "", ij.name or "") >= 0.4):
                yield _f("PD315", f"{path}.indicators[{j}]",
                         f"与第 {i + 1} 条（{ii.level2}）的指标和值相同（{ij.value}），疑似重复计数", "删除一条，或改为不同的度量")
    # PD313: monthly payments — 人次 (累计) should be about 12 × 人 (月末).
    people = [(i, ind, v) for i, (_, ind, v) in enumerate(parsed) if isinstance(v, Quantity) and v.unit == "人"]
    for i, (_, ind, v) in enumerate(parsed):
        if isinstance(v, Quantity) and v.unit == "人次" and "累计" in (ind.name or ""):
            best = max(people, key=lambda t: _similar(t[1].name or "", ind.name or ""), default=None)
            if best and "月末" in (best[1].name or "") and best[2].number > 0:
                ratio = v.number / best[2].number
                if not Decimal(10) <= ratio <= Decimal(13):
                    expect = best[2].number * 12
                    yield _f("PD313", f"{path}.indicators[{i}].value",
                             f"{ind.value} 约为 {best[1].value} 的 {ratio:.1f} 倍；按月发放应约为 12 倍",
                             f"请核对，是否应为 {format_number(expect)}人次？")
    # PD311: quantity × unit cost ≈ budget.
    total = project.budget.total
    explained = GAP_EXPLAINED.search((project.purpose or "") + (project.goal or ""))
    if total and not explained:
        counts = [(ind, v) for (pair, ind, v) in parsed if pair[1] == "数量" and isinstance(v, Quantity) and v.unit == "人"]
        for i, (pair, ind, v) in enumerate(parsed):
            if pair[1] not in ("成本", "经济成本") or not isinstance(v, Quantity) or not counts:
                continue
            per_month = v.unit.endswith("月") or "月" in (ind.name or "")
            if not (v.unit.startswith("元/人") or (v.unit == "元" and PER_HEAD_NAME.search(ind.name or ""))):
                continue
            cnt_ind, cnt = max(counts, key=lambda t: _similar(t[0].name or "", ind.name or ""))
            product = cnt.number * v.number * (12 if per_month else 1)
            if not total * Decimal("0.9") <= product <= total * Decimal("1.1"):
                months = " × 12个月" if per_month else ""
                yield _f("PD311", f"{path}.indicators[{i}].value",
                         f"{format_number(cnt.number)}人 × {format_number(v.number)}元{months} = {format_number(product)}元，"
                         f"与预算数 {format_number(total)}元 相差超过 10%",
                         "请核对人数或标准，或在用途中说明差额（如仅为县级配套部分）")


# --- department and draft rules (PD4xx) ------------------------------------------------------------


def check_department(draft: Draft) -> list[Finding]:
    out: list[Finding] = []
    d = draft.department
    goal = d.overall_goal or ""
    if goal and not re.search(r"\d", goal):
        out.append(_f("PD406", "department.overall_goal", "总体绩效目标没有量化内容", "写明主要任务的数量，如参保人数、发放金额"))
    for i, g in enumerate(d.sub_goals):
        if not g.indicators and not g.projects:
            out.append(_f("PD402", f"department.sub_goals[{i}]", f"分项目标 {i + 1} 没有指标，也没有关联项目",
                          "添加衡量指标，并关联相应项目或基本支出"))
    project_sum = sum((p.budget.total or Decimal(0) for p in draft.projects), Decimal(0))
    if d.budget is None or d.budget.total is None:
        if draft.projects:
            out.append(_f("PD407", "department.budget", f"部门预算总额未填写（各项目合计 {format_number(project_sum)}元）",
                          "填写部门预算总额及其中财政拨款、其他资金"))
    else:
        b = d.budget
        if b.fiscal is not None and abs(b.total - b.fiscal - (b.other or 0)) > Decimal("0.01"):
            out.append(_f("PD401", "department.budget.total", "部门预算合计 ≠ 财政拨款 + 其他资金"))
        if project_sum > b.total + Decimal("0.01"):
            out.append(_f("PD401", "department.budget.total",
                          f"项目合计 {format_number(project_sum)}元 超过部门预算 {format_number(b.total)}元"))
    if not d.indicators and draft.projects:
        out.append(_f("PD405", "department.indicators", "部门整体目标没有管理指标", "可添加：在职人员控制率 ≤100%；“三公经费”变动率 ≤0%"))
    return out


def _cross_projects(draft: Draft) -> Iterator[Finding]:
    names: dict[str, int] = {}
    for i, p in enumerate(draft.projects):
        key = (p.name or "").strip()
        if key:
            if key in names:
                yield _f("PD404", f"projects[{i}].name", f"与项目 {names[key] + 1} 同名“{key}”",
                         "在名称中注明区别，如“缴费补贴”“基础养老金”")
            names.setdefault(key, i)
    rows: dict[tuple[str, str], tuple[int, int]] = {}
    effects: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for i, p in enumerate(draft.projects):
        for j, ind in enumerate(p.indicators):
            if not ind.name or not ind.value:
                continue
            v = parse(ind.value)
            if not isinstance(v, Quantity) or v.unit not in ADDITIVE_UNITS:
                continue
            key = (ind.name.strip(), ind.value.strip())
            if key in rows and rows[key][0] != i:
                pi, pj = rows[key]
                yield _f("PD403", f"projects[{i}].indicators[{j}]",
                         f"与项目 {pi + 1} 第 {pj + 1} 条指标相同（{ind.value}），疑似重复计数", "删除不属于本项目资金的指标")
            rows.setdefault(key, (i, j))
            if frameworks.level1_key(ind.level1) == "效益":
                effects.setdefault(key, []).append((i, j))
    for key, places in effects.items():
        if len({i for i, _ in places}) >= 3:
            i, j = places[-1]
            yield _f("PD314", f"projects[{i}].indicators[{j}]", f"效益指标“{key[0]}”出现在 {len(places)} 个项目中，疑似套用",
                     "写出本项目特有的效益")


def check_draft(draft: Draft) -> list[Finding]:
    out = check_department(draft)
    for i, p in enumerate(draft.projects):
        out.extend(check_project(p, draft.framework, f"projects[{i}]", draft.year))
    out.extend(_cross_projects(draft))
    return out


def counts(findings: list[Finding]) -> tuple[int, int, int]:
    e = sum(1 for f in findings if f.severity == ERROR)
    w = sum(1 for f in findings if f.severity == "warning")
    return e, w, len(findings) - e - w
