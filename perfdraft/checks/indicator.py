"""Indicator rules (PD2xx): one row of the grid, with its project for the money rules.

Rules about a column (描述, 依据, 权重 …) ask the profile first (``ctx.has``); a column blank on every
row is one project-level finding (project.py), so ``skip`` lets the project silence the per-row copy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import lru_cache

from .. import fields, frameworks
from ..model import Indicator, Project
from ..value_terms import NOT_APPLICABLE
from ..values import (
    BENCHMARK_SCALE,
    BUDGET_SCALE,
    GRADE_SCALE,
    RATIO_SCALE,
    SAME_DAY,
    ZERO_EVENT_SCALE,
    Deadline,
    ParseError,
    Qualitative,
    Quantity,
    Schedule,
    Value,
    format_number,
    parse,
    placeholder_in,
)
from .context import Context, context, levels
from .finding import Finding, _f
from .hidden import hidden_in
from .scores import score_rules
from .value import _ask, _bare_name, _check_value, expected_unit, propose, year_months
from .words import (
    CONSUMPTION_NAME,
    COUNT_UNITS,
    FORMULA_WORDS,
    MISFILED,
    MISFILED_MEANING,
    MONEY_NAME,
    MONEY_UNITS,
    NEGATIVE_NAME,
    NOT_BENEFIT,
    PER_HEAD_NAME,
    PERCENT_NAME,
    PLACEHOLDER_DESCRIPTIONS,
    QUALITY_WORDS,
    RATE_NAME,
    SATISFACTION_NAME,
    SUBSIDY_FLOOR_NAME,
    SURVEY_WORDS,
    TARGET_IN_NAME,
    TIME_UNITS,
    UNIT_IN_NAME,
    YES_NO_NAME,
)

YEAR_IN_VALUE = re.compile(r"(20\d\d)\s*年")
# Counts whose ideal is zero (a 反向 row written without the 指标方向 column).
NEGATIVE_COUNT = re.compile(r"拖欠|断发|欠发|事故|投诉|违规|违纪|差错|失误|纠纷|上访|信访|发生次数|超支|滞留|闲置")
SELF_DEFINED_SCALES = frozenset({"是否", "有无", "合格", "符合", "达成", "达标", "期限", "增减", "影响程度", BENCHMARK_SCALE,
                                 BUDGET_SCALE, ZERO_EVENT_SCALE, GRADE_SCALE, RATIO_SCALE})  # 预算控制: PD108 says what it lacks


# After a comparison in a name, what it counts: the comparison defines the rows counted, not the target.
_CONDITION_TAIL = re.compile(r"[\u4e00-\u9fff]{2,}(?:率|比例|占比|比重|人数|户数|个数|数量)$")
_LIMIT_UNITS = frozenset({"日", "天", "个工作日", "工作日", "小时", "分钟", "个月", "周"})
_TIME_NAME = re.compile(r"(?:时间|时限|期限)$")
_NAMED_STANDARD = re.compile(r"标准|规范|规程|要求|达标|标|等级|规定|条件")
_PER_ONE = re.compile(r"每[名个位人户村所家台]|[人户生村校床]均")  # a load per one (每名医生签约人数), no count
_BENEFITS = frozenset({"经济效益", "社会效益", "生态效益", "可持续影响"})
_ACTIVITY_UNITS = frozenset({"次", "场", "期", "场次", "期次", "批次", "堂", "课时"})
_ACTIVITY_NAME = re.compile(r"讲座|培训|宣传|演出|巡查|检查|义诊|会议|下乡|讲堂|活动|督查|演练")
# A mechanism, system or body a project sets up, and the states that say it is set up.
INSTITUTION_NAME = re.compile(r"(?:机制|制度|体系|体制|平台|机构|网络|台账|档案|预案)(?:建设)?$")
ESTABLISHED_TERMS = frozenset("基本建立 建立 建成 基本建成 完善 基本完善 健全 基本健全 建立健全 基本建立健全 健全完善 建立完善 "
                              "正常运行".split())
_RATE_BEFORE_VALUE = re.compile(r"^\s*([\u4e00-\u9fff]{1,6}率)\s*[≥≤=＞＜<>]")
# Values that read as a standard, a grade, a ratio, a reference or no event: none is a survey's result.
_NOT_SURVEYED = frozenset({"符合", GRADE_SCALE, RATIO_SCALE, BENCHMARK_SCALE, ZERO_EVENT_SCALE, "期限"})


def value_text(ind: Indicator) -> str | None:
    """The 指标值 as one string: tables with a 计量单位 column keep the unit apart (一体化 split)."""
    text = ind.value
    if text and ind.unit and ind.unit not in text:
        v = parse(text)
        if isinstance(v, Quantity) and not v.unit:
            return f"{text}{ind.unit}"
    return text


def _money(v: object, level2: str | None = None, name: str = "") -> Decimal | None:
    if isinstance(v, Quantity):
        if v.unit in MONEY_UNITS:
            return v.number * MONEY_UNITS[v.unit]
        if v.unit == "万" and (level2 in ("成本", "经济成本") or MONEY_NAME.search(name)):
            return v.number * MONEY_UNITS["万元"]  # "250万" on a money row: 万元 with the 元 left off
    return None


def _unit_of(text: str | None) -> str | None:
    if not text:
        return None
    v = parse(text)
    if isinstance(v, Quantity):
        return v.unit
    if isinstance(v, ParseError) and v.reason == "no-number":
        return re.sub(r"\s", "", text)
    return None


_CHOICE_ATTRS = ("symbol", "scope")


def _choices(attr: str) -> tuple[str, ...]:
    return fields.FIELDS[f"indicator.{attr}"].choices


def check_indicator(ind: Indicator, framework_id: str = "local-2015", path: str = "",
                    project: Project | None = None, *, ctx: Context | None = None,
                    skip: frozenset[str] = frozenset(), profile: str | None = None,
                    year: int | None = None) -> list[Finding]:
    """Value and indicator-scope findings for one row (``profile``: the draft's table profile id)."""
    ctx = ctx or context(framework_id, profile, year)
    p = f"{path}." if path else ""
    full_name = (ind.name or "").strip()
    name = _bare_name(full_name)
    text = value_text(ind)
    out: list[Finding] = []

    # Blank cells and leftovers of a template (PD230–PD232).
    if not full_name and "PD231" not in skip:
        out.append(_f("PD231", f"{p}name", "三级指标名称为空" + ("，整行为空" if not (text or "").strip() else ""),
                      "填写度量对象，或删除不适用的空行"))
    mark = placeholder_in(full_name)
    value: Value | ParseError | None = parse(text) if text and text.strip() else None
    not_applicable = (text or "").strip() in NOT_APPLICABLE
    if not_applicable:  # said on the value, where it is typed and where a jump to it should land
        out.append(_f("PD227", f"{p}value", f"指标值写的是“{(text or '').strip()}”，这一行写明不适用",
                      "不适用的指标请整行删除（/del）；适用的请写实际目标值，如 ≥95%"))
    elif "不适用" in full_name:
        out.append(_f("PD227", f"{p}name", "这一行写明不适用", "不适用的指标请整行删除"))
    elif value is None and full_name and not mark:
        out.append(_f("PD230", f"{p}value", "指标值为空", "填写目标值，例如 ≥95%；不适用的指标请删除整行"))

    l1, l2 = levels(ctx, ind.level1, ind.level2)
    if value is not None and not not_applicable:  # a row to delete: its 无关 is no value to correct
        said = _check_value(text or "", name, l2, f"{p}value")
        if isinstance(value, Qualitative) and value.vague and _defined_in(ind.description, value.term):
            said = (f for f in said if f.code != "PD108")  # its description says when it is met
        out.extend(said)
    op = value.op if isinstance(value, Quantity) else None
    unit = _unit_of(text)
    typed = f"{format_number(value.number)}{value.unit}" if isinstance(value, Quantity) and value.unit else ""
    head = full_name[: -len(typed)] if typed and full_name.endswith(typed) else ""
    if head and not head[-1:].isdigit() and "PD211" not in skip:
        # 培训特殊教育教师300人次 with ≥300人次: the target typed into the name as well
        out.append(_f("PD211", f"{p}name", f"三级名称末尾写了目标值“{typed}”，目标应只写在指标值栏",
                      f"名称改为“{head}”", fix=head))

    def fixer() -> str | None:  # the proposal only when a finding offers it (most rows draw none); cached
        return propose(text, name, l2) if text else None


    out.extend(_level_rules(ind, l1, l2, ctx, p, skip))
    for attr in _CHOICE_ATTRS:  # what fill and the assistant refuse, written into the file by hand
        chosen = getattr(ind, attr)
        if chosen is not None and chosen not in _choices(attr):
            shown = "、".join(_choices(attr))
            out.append(_f("PD236", f"{p}{attr}", f"{fields.FIELDS['indicator.' + attr].label}“{chosen}”不是可选项",
                          f"可选：{shown}"))
    named, misfiled = _name_rules(full_name, name, l1, l2)
    out.extend(_f(code, f"{p}{field}", message, suggestion, fix=name_fix) for code, field, message, suggestion, name_fix in named)

    # PD205: the unit fits the name.
    if unit and name:
        wanted = expected_unit(name, unit)
        if wanted == "%" and unit in TIME_UNITS:  # 检测及时率 ≤7工作日: a time limit under a rate's name, no ≤7%
            out.append(_f("PD205", f"{p}value", f"指标名称是比率，指标值却是时限（{unit}）",
                          "名称改为时限（如 …时限、…周期），或写 =100% 并在描述中写明时限"))
        elif wanted:
            out.append(_f("PD205", f"{p}value", f"指标名称与计量单位不符：宜为“{wanted}”，当前为“{unit}”",
                          _ask(fixer(), f"单位改为 {wanted}"), fix=fixer()))
    if isinstance(value, Qualitative) and value.term in ("是", "否") and RATE_NAME.search(name) and "是否" not in name:
        # 水费收缴率 = 是: a yes that answered a question, stored as a rate's target
        out.append(_f("PD205", f"{p}value", f"指标名称是比率，指标值却是“{value.term}”",
                      "写成比率目标，如 =100% 或 ≥95%"))
    if unit == "万" and (l2 in ("成本", "经济成本") or MONEY_NAME.search(name)):
        out.append(_f("PD205", f"{p}value", "金额单位写成了“万”，应为“万元”", _ask(fixer()), fix=fixer()))

    # Operator direction by 二级 and by name (PD206–PD208).
    if op is not None and isinstance(value, Quantity):
        if l2 in ("成本", "经济成本") and op in ("≥", ">") and not (op == "≥" and _policy_floor(name, value.unit)) \
                and value.unit not in COUNT_UNITS:  # (≥12座 under 成本 is a count misfiled: PD223, not ≤12座)
            out.append(_f("PD206", f"{p}value", "成本指标用了“≥”，成本应控制上限" +
                          ("；补贴标准宜用“=”" if PER_HEAD_NAME.search(name) else ""), _ask(fixer()), fix=fixer()))
        if l2 == "数量" and op in ("≤", "<") and not CONSUMPTION_NAME.search(name):
            out.append(_f("PD207", f"{p}value", "数量指标用了“≤”，等于给产出设上限", _ask(fixer()), fix=fixer()))
        neg = NEGATIVE_NAME.search(name)
        if neg and op in ("≥", ">") and not (value.unit == "%" and value.number == 100):  # ≥100% is PD111's
            out.append(_f("PD208", f"{p}value", f"“{neg.group(0)}”越低越好，应使用 ≤", _ask(fixer()), fix=fixer()))

    # 优良率≥90% under 单元工程质量: the value names the rate it measures
    rate_named = _RATE_BEFORE_VALUE.match(ind.value or "")
    out.extend(_meaning_rules(value, name + (rate_named.group(1) if rate_named else ""), l2, p, fixer, misfiled,
                              ind.direction))
    out.extend(_column_rules(ind, value, name, full_name, ctx, p, skip))
    if ctx.has("indicator.score"):
        # a target already found wrong or mistyped (≥3636场次) is no yardstick for the actual figure
        wrong = any(f.path == f"{p}value" and (f.severity == "error" or f.fix is not None) for f in out)
        out.extend(score_rules(ind, None if wrong else value, p))

    if l2 == "时效" and value is not None and not isinstance(value, ParseError):
        timely = isinstance(value, Deadline | Schedule) or year_months(value) is not None or (
            isinstance(value, Quantity) and (value.unit in TIME_UNITS or value.unit == "%")) or (
            isinstance(value, Qualitative) and SAME_DAY.match(value.term) is not None)  # 当日清运
        if not timely:
            out.append(_f("PD216", f"{p}value", "时效指标应为日期、期限、时长或及时率", "例如 2020年12月底前、≤3个工作日、=100%"))
        elif _WHOLE_YEAR.fullmatch((text or "").strip()):
            # 2025年 / 2025年全年: the whole budget year, no point by which the work is done
            out.append(_f("PD216", f"{p}value", f"时效指标只写了“{(text or '').strip()}”，看不出何时完成",
                          f"写明完成时点，例如 {(text or '').strip()[:4]}年12月底前、{(text or '').strip()[:4]}年6月30日前"))

    # PD225: a date outside the budget year (a clone of last year's table keeps last year's deadlines).
    # 不高于2021年核定票价 names last year's level as the yardstick, no date to move on
    if ctx.year and text and value is not None and not (isinstance(value, Qualitative) and value.scale == BENCHMARK_SCALE):
        span = year_months(value)
        years = ([value.year] if isinstance(value, Deadline) and value.year else list(span) if span
                 else [int(y) for y in YEAR_IN_VALUE.findall(text)])
        # 中期 / 实施周期 rows may reach the end of the project period
        last_year = int(project.period_end[:4]) if (project is not None and (ind.scope or "annual") != "annual"
                                               and project.period_end and project.period_end[:4].isdigit()) else ctx.year
        later = [y for y in years if not ctx.year <= y <= last_year]
        if later and not text.startswith(("较", "比")):
            out.append(_f("PD225", f"{p}value", f"时间 {later[0]} 年不在预算年度 {ctx.year} 年内",
                          f"年度目标应在 {ctx.year} 年内完成；跨年项目请写明本年度应完成的部分"))

    input_as_output = l2 == "数量" and unit in MONEY_UNITS and bool(MONEY_NAME.search(name))
    if input_as_output:  # a department's row as well as a project's: it needs no budget
        out.append(_f("PD219", f"{p}value", "数量指标写的是资金金额（投入），投入不能作为绩效目标",
                      "改写为资金带来的产出，例如发放人数、覆盖率"))
    if project is not None:  # a budget typed as 0 with its 财政资金 filled: the 财政资金 is the budget
        out.extend(_money_rules(ind, value, unit, l2, p, project, name, input_as_output, "PD221" not in skip))

    if ind.last_year and isinstance(value, Quantity):
        prev = parse(ind.last_year)
        if isinstance(prev, Quantity) and prev.unit == value.unit and prev.number != value.number:
            worse = value.number < prev.number if (ind.direction or "正向") == "正向" else value.number > prev.number
            if worse:
                out.append(_f("PD222", f"{p}value", f"目标 {ind.value} 比上年值 {ind.last_year} 更差，请说明理由"))
    return out


_WHOLE_YEAR = re.compile(r"\d{4}\s*年(?:度|全年)?")


def _policy_floor(name: str, unit: str) -> bool:
    """人均…补助标准 ≥99元, …基本生活标准 ≥7488元/人·年: a payment per head at a policy minimum."""
    per_head = "/" in unit and unit.split("/", 1)[1][:1] in "人户生"
    return bool(SUBSIDY_FLOOR_NAME.search(name)) or (per_head and name.endswith("标准"))


def _level_rules(ind: Indicator, l1: str | None, l2: str | None, ctx: Context, p: str,
                 skip: frozenset[str]) -> Iterator[Finding]:
    """PD201 / PD202: the levels exist in the profile's framework (its own aliases included)."""
    fw = ctx.framework
    if "PD201" in skip or not (ctx.has("indicator.level1") or ctx.has("indicator.level2")):
        return
    shown = f"“{ind.level1 or '（空）'} / {ind.level2 or '（空）'}”"
    if fw.id == "central-2021":
        if not fw.allows(l1 or "", l2 or ""):
            yield _f("PD202", f"{p}level2", f"{shown}不符合中央 2021 口径", _level_hint(l2, fw, ind.level2, l1))
        elif l2 in fw.discouraged:  # a hint: the 2021 tables the probes typed keep the row and reviewers pass it
            yield _f("PD235", f"{p}level2", "中央 2021 口径下“可持续影响”慎用，请确认")
    elif not fw.allows(l1 or "", l2 or ""):
        # named by the table style the user chose where it differs from its framework's name (河北 2020 had been
        # told of 地方通用, a name it never saw)
        style = ctx.profile.title.split("（")[0]
        where = fw.title if fw.title.startswith(style) else f"表样“{style}”所用的{fw.title}"
        yield _f("PD201", f"{p}level2", f"{shown}不是{where}的一级/二级指标", _level_hint(l2, fw, ind.level2, l1))


# 有效保障 explained as a test: "全年…无连续停水超过24小时的情形即为有效保障，否则为未保障"
_DEFINES = re.compile(r"即为|即视为|视为|为准|否则|达到.{0,12}标准")


def _defined_in(description: str | None, term: str) -> bool:
    """The description defines when the qualitative value is met (a reviewer then scores it as a yes/no)."""
    return description is not None and term in description and _DEFINES.search(description) is not None


NameFinding = tuple[str, str, str, str | None, str | None]  # code, field, message, suggestion, fix


@lru_cache(maxsize=16384)
def _name_rules(full_name: str, name: str, l1: str | None, l2: str | None) -> tuple[tuple[NameFinding, ...], bool]:
    """Findings that depend only on the name and the levels (cached: names recur across projects),
    and whether the row was found misfiled by meaning."""
    out: list[NameFinding] = []
    mark = placeholder_in(full_name)
    if mark:
        out.append(("PD232", "name", f"三级指标名称中留有模板占位符“{mark}”", "删去占位符和编号，目标值写在指标值栏", None))
    if len(full_name) > 100:
        out.append(("PD203", "name", f"三级指标名称有 {len(full_name)} 字，超过 100 字", None, None))
    target = TARGET_IN_NAME.search(name)
    if target and _CONDITION_TAIL.search(name, target.end()):
        target = None  # 每天不少于2小时服务时长达标学校比例: a condition of what is counted, the target is the value
    if target:
        out.append(("PD211", "name", f"三级名称中含目标值“{target.group(0)}”，目标应写在指标值栏",
                    "把目标移到指标值栏，名称只写度量对象", None))
    hidden = hidden_in(full_name)
    if hidden:
        out.append(("PD239", "name", f"三级指标名称中有{hidden[0]}", f"改为“{hidden[1]}”", hidden[1]))
    unit_in = UNIT_IN_NAME.search(full_name)
    if unit_in:
        bare = full_name[: unit_in.start()].rstrip()
        out.append(("PD234", "name", f"三级名称末尾写了计量单位“{unit_in.group(0)}”，单位应只在指标值里",
                    f"名称改为“{bare}”", bare))
    # PD217 / PD218 / PD223: filed under the wrong 二级.
    for pattern, homes, where in MISFILED:
        m = pattern.search(name)
        if m and l2 is not None and l2 not in homes:
            out.append(("PD217", "level2", f"“{m.group(m.lastindex or 0)}”宜放在{where}下", None, None))
    misfiled = False
    nb = NOT_BENEFIT.search(name)
    if l1 == "效益" and nb:
        out.append(("PD218", "level2", f"“{nb.group(0)}”不是效益，宜放在产出（成本或质量）下", None, None))
        misfiled = True
    elif l2 is not None:
        for pattern, wrong, where in MISFILED_MEANING:
            m = pattern.search(name)
            if m and l2 in wrong:
                out.append(("PD223", "level2", f"“{m.group(0)}”放在了{frameworks.LEVEL2_LABELS.get(l2, l2)}下，宜放在{where}下",
                            None, None))
                misfiled = True
                break
    return tuple(out), misfiled


def _meaning_rules(value: object, name: str, l2: str | None, p: str, fixer: Callable[[], str | None], misfiled: bool,
                   direction: str | None) -> Iterator[Finding]:
    # Satisfaction / awareness rows (PD209).
    if SATISFACTION_NAME.search(name) and isinstance(value, Quantity) and value.unit == "%":
        if value.op in ("=", None) and value.number == 100:
            yield _f("PD209", f"{p}value", "满意度/知晓率定为 100% 没有余地", _ask(fixer(), "是否应为 ≥90%？"), fix=fixer())
        elif value.number < 80:
            yield _f("PD209", f"{p}value", f"满意度/知晓率目标 {format_number(value.number)}% 偏低", _ask(fixer(), "一般不低于 80%"), fix=fixer())
    elif SATISFACTION_NAME.search(name) and isinstance(value, Qualitative) and value.scale in _NOT_SURVEYED:
        yield _f("PD209", f"{p}value", f"满意度/知晓率写成了“{value.term}”，不是调查得到的比率", "写成调查得到的百分比，如 ≥90%")

    # 检定质量 达标: which standard is met the name must say (…建设标准达标情况 says it; a 质量 does not)
    if isinstance(value, Qualitative) and value.scale == "达标" and not _NAMED_STANDARD.search(name) \
            and not YES_NO_NAME.search(name):
        yield _f("PD108", f"{p}value", f"“{value.term}”没说达到什么标准，无法判断是否达成",
                 "写明标准（如 符合国家计量检定规程），或改为可考核的比率（如 检定合格率 =100%）")

    # PD224: % on a row that is not a rate, or on a yes/no question.
    if isinstance(value, Quantity) and value.unit == "%" and name:
        if YES_NO_NAME.search(name):
            yield _f("PD224", f"{p}value", "“是否…”类指标是定性的，不能以 % 计", "指标值写 是 或 否")
        elif not PERCENT_NAME.search(name):
            yield _f("PD224", f"{p}value", "指标名称不是比率，却以 % 计",
                     "把名称改成比率（如 …完成率、…覆盖率），或改用数量、日期、定性分级")

    # PD223: a count filed under 质量 (the name-only half is in _name_rules).
    # 每名家庭医生签约服务人数 ≤2000人: a load per person is a standard of the service, not an output count
    if (not misfiled and l2 == "质量" and isinstance(value, Quantity) and value.unit in COUNT_UNITS
            and not QUALITY_WORDS.search(name) and not _PER_ONE.search(name)):
        yield _f("PD223", f"{p}level2", f"以“{value.unit}”计的是数量，放在了质量指标下", "移到数量指标，或改写为合格率、达标率")

    # PD223: a count filed under 成本 (改造水厂数量 ≥12座): an output, whatever operator it has
    if not misfiled and l2 in ("成本", "经济成本") and isinstance(value, Quantity) and value.unit in COUNT_UNITS:
        yield _f("PD223", f"{p}level2", f"以“{value.unit}”计的是数量，放在了成本指标下", "移到数量指标；成本写单价或总成本（元）")

    # PD223: what the project does, counted (健康教育讲座 ≥1200次, 文艺演出 ≥30场), filed under a benefit:
    # an output; the benefit is what the lectures change
    if (not misfiled and l2 in _BENEFITS and isinstance(value, Quantity) and value.unit in _ACTIVITY_UNITS
            and _ACTIVITY_NAME.search(name) and not PERCENT_NAME.search(name)):
        yield _f("PD223", f"{p}level2", f"“{name}”以“{value.unit}”计，是做了多少（产出），放在了效益指标下",
                 "移到产出指标-数量指标；效益写它带来的变化（如 知晓率、受益人数）")

    # PD223: a date filed under 数量 or 质量 (汛前完成度汛工程 2024年5月31日前完成): when, not how much or how well
    if not misfiled and l2 in ("数量", "质量") and isinstance(value, Deadline):
        yield _f("PD223", f"{p}level2", f"日期目标放在了{frameworks.LEVEL2_LABELS.get(l2, l2)}下", "移到时效指标")
    # …拨付时间 收到资金后30日内: a time limit, named as one, filed under 数量 or 质量
    elif (not misfiled and l2 in ("数量", "质量") and isinstance(value, Quantity) and value.unit in _LIMIT_UNITS
          and _TIME_NAME.search(name)):
        yield _f("PD223", f"{p}level2", f"时限“{name}”放在了{frameworks.LEVEL2_LABELS.get(l2, l2)}下", "移到时效指标")

    # PD226: a target of 0 on an output or a cost (a rounding of 万元, or a row left at its default).
    # Zero is the ideal of a 反向 row (拖欠次数 =0次, 断发月数 =0个月): never a finding there.
    # A cost of 0 is never the plan (反向 there only says lower is better).
    if (isinstance(value, Quantity) and value.number == 0 and value.op in ("=", None)
            and value.unit not in ("%", "‰", "个百分点")
            and (l2 in ("成本", "经济成本") or (l2 == "数量" and direction != "反向" and not NEGATIVE_NAME.search(name)
                                                and not NEGATIVE_COUNT.search(name)))):
        yield _f("PD226", f"{p}value", f"目标值为 0{value.unit}", "填写实际目标；金额不足 1 万元请改用 元")


def _column_rules(ind: Indicator, value: object, name: str, full_name: str, ctx: Context, p: str,
                  skip: frozenset[str]) -> Iterator[Finding]:
    """Rules about the 描述 / 依据 / 评分标准 columns: only where the profile has them."""
    desc = (ind.description or "").strip()
    has_desc = ctx.has("indicator.description")
    explain = desc + (ind.formula or "") + (ind.scoring or "")
    # PD210 / PD213 read what the row explains; a row that explains nothing is PD212's (one finding for the
    # empty column, not one per rate and per satisfaction row)
    if has_desc and explain and SATISFACTION_NAME.search(name) and not SURVEY_WORDS.search(explain):
        yield _f("PD210", f"{p}description", "请写明调查对象和调查方法", "例如：抽样问卷调查服务对象，满意人数÷有效问卷数×100%")
    if has_desc and "PD212" not in skip:
        if not desc:
            yield _f("PD212", f"{p}description", "绩效指标描述为空", "写明统计口径、时点或计算方法")
        elif desc in PLACEHOLDER_DESCRIPTIONS:
            yield _f("PD212", f"{p}description", f"描述写“{desc}”：不适用的指标请整行删除，适用的请写明口径")
        elif name and (desc == name or (len(desc) <= 8 and desc in name)):
            yield _f("PD212", f"{p}description", "描述只重复了指标名称，请写明口径（统计范围、时点、计算方法）")
    if (has_desc or ctx.has("indicator.scoring")) and explain and RATE_NAME.search(name) and not SATISFACTION_NAME.search(name):
        if not FORMULA_WORDS.search(explain):
            yield _f("PD213", f"{p}description", "比率类指标请在描述中写明计算公式", _formula_hint(full_name))
    # PD214: a graded or state term is accepted only with its standard, written where the table has room
    # for it (描述, 评分标准, 指标值说明) or in the value itself as a graded value (优：≥90%；良：…).
    # Binary scales (是/否, 有/无, 合格, 符合, 达标) and 达成 (its tiers are set by 财预〔2020〕10号) need none.
    # A state that answers the name's own question (制度健全性: 健全, 管理规范性: 规范) is a yes or a no too.
    answers_name = isinstance(value, Qualitative) and value.scale is None and (
        f"{value.term}性" in name
        # 长效机制 / 内部控制制度: 健全 — whether the mechanism is in place, a yes or a no as well
        # (three reviewers passed every such row the rule alarmed on)
        or (value.term in ESTABLISHED_TERMS and INSTITUTION_NAME.search(name) is not None))
    if isinstance(value, Qualitative) and not value.vague and value.scale not in SELF_DEFINED_SCALES and not answers_name:
        explain += (ind.note or "") + (ind.value_note or "")
        explained = (("：" in explain or ":" in explain)
                     or sum(t in explain for t in ("优", "良", "中", "差", "好", "一般")) >= 2)
        if not explained:
            where = "description" if has_desc else "value"
            yield _f("PD214", f"{p}{where}", f"定性值“{value.term}”没有说明各等级的标准",
                     "写成分级值及其标准，例如 优：≥90%；良：≥80%；中：≥60%；差：<60%")
    if ctx.has("indicator.basis") and "PD215" not in skip and (ind.basis is None or ind.basis.is_blank()):
        yield _f("PD215", f"{p}basis", "指标值确定依据为空", "选择 计划标准/行业标准/历史标准/其他标准，并注明依据")


def _money_rules(ind: Indicator, value: object, unit: str | None, l2: str | None, p: str, project: Project,
                 name: str, input_as_output: bool, shares: bool = True) -> Iterator[Finding]:
    total = project.budget.total or project.budget.fiscal
    amount = _money(value, l2, name)
    if not input_as_output and amount is not None and total and (abs(amount - total) <= total * Decimal("0.01") or (
            project.budget.fiscal and project.budget.fiscal != total and amount == project.budget.fiscal)):
        if l2 in ("成本", "经济成本"):
            yield _f("PD219", f"{p}value", f"成本指标就是预算总额 {format_number(total)}元，没有成本控制内容",
                     "改写为单位成本（如 元/人、元/村）或成本控制率")
        else:
            yield _f("PD219", f"{p}value", f"指标值等于预算数 {format_number(total)}元：投入不能作为绩效目标",
                     "改写为资金带来的产出")
    # money a benefit row counts (带动…购机投入 ≥4300万元, 增收金额) is others' money, no share of the budget
    if shares and amount is not None and total and MONEY_NAME.search(name) and not PER_HEAD_NAME.search(name) \
            and l2 not in _BENEFITS:
        share = amount / total
        if share < Decimal("0.01") or share > 1:
            yield _f("PD221", f"{p}value", f"金额 {ind.value} 与预算数 {format_number(total)}元 相差过大",
                     f"本项目资金类目标应在 {format_number((total / 100).quantize(Decimal(1)))}–{format_number(total)}元 之间")


def _level_hint(l2: str | None, fw: frameworks.Framework, written: str | None = None, l1: str | None = None) -> str:
    if l1 in fw.levels and l2 is not None and l2 not in fw.levels[l1]:
        # 产出指标 / 满意度指标: what the row's own 一级 takes first (the hint named only where 满意度 belongs)
        home = next((a for a, bs in fw.levels.items() if l2 in bs), None)
        allowed = "、".join(frameworks.LEVEL2_LABELS.get(b, b) for b in fw.levels[l1])
        moved = f"；或把一级改为“{frameworks.LEVEL1_LABELS.get(home, home)}”" if home else ""
        return f"{frameworks.LEVEL1_LABELS.get(l1, l1)}下的二级可选：{allowed}{moved}"
    if l2 is None and written:  # '社会效应指标': one character off a level of this framework
        meant = frameworks.one_slip(frameworks.strip_suffix(written),
                                    [w for words in fw.levels.values() for w in words])
        if meant:
            return f"是否应为“{frameworks.LEVEL2_LABELS.get(meant, meant)}”？"
    for l1, l2s in fw.levels.items():
        if l2 in l2s:
            return f"“{frameworks.LEVEL2_LABELS.get(l2, l2)}”应在“{frameworks.LEVEL1_LABELS.get(l1, l1)}”下"
    pairs = "；".join(f"{frameworks.LEVEL1_LABELS.get(a, a)}：{'、'.join(frameworks.LEVEL2_LABELS.get(b, b) for b in bs)}"
                     for a, bs in fw.levels.items())
    return f"可选：{pairs}"


def _formula_hint(name: str) -> str:
    m = re.search(r"[（(]([^（）()]*[/÷][^（）()]*)[）)]", name)
    if m:
        return f"把名称括号中的公式移到描述：{m.group(1)}×100%"
    return "例如：实际完成数÷计划数×100%"
