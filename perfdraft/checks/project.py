"""Project rules (PD3xx): the header, the money and the grid as a whole."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from decimal import Decimal
from operator import attrgetter

from .. import frameworks, numbers
from ..model import Indicator, Project
from ..names import DOC_NUMBER, split_doc_number
from ..values import (
    PERCENT_UNITS,
    ParseError,
    Qualitative,
    Quantity,
    Value,
    format_number,
    parse,
    placeholder_in,
)
from .context import Context, context, levels
from .finding import Finding, _f, one_cause
from .goal_text import Row, capped_against_text, number_agreement, rate_agreement, similar
from .hidden import hidden_in
from .indicator import check_indicator
from .value import _doubled
from .words import (
    AMOUNT_IN_TEXT,
    COUNT_UNIT_SAME,
    GAP_EXPLAINED,
    GOAL_NOISE,
    GOAL_REQUEST,
    LUMPY_WORDS,
    OUTPUT_NUMBER,
    PART_NAME,
    PAST_TENSE,
    PER_HEAD_NAME,
    PLACEHOLDER_DESCRIPTIONS,
    SUBSIDY_PROJECT,
    YEAR_IN_TEXT,
    not_a_code,
    not_a_name,
)

PER_UNIT_BEFORE = re.compile(r"(?:每|均|标准)[^\d，,。；;]{0,6}$")
LEADING_YEAR = re.compile(r"\s*(20\d\d)\s*年")
_BUDGET_BEFORE = re.compile(r"(?:资金|预算|投入|安排|经费|总额|拨付)[^，,。；;\d]{0,4}$")
PER_UNIT_AFTER = re.compile(r"\s*(?:[/／]|每|一[人户村次年月])")


# Name fields a project table prints (field, label, what to write instead).
_NAME_FIELDS = (("name", "项目名称", "项目的名称，如 城乡居民基本养老保险补助"), ("authority", "主管部门", "主管部门全称，如 某县教育局"),
                ("unit", "实施单位", "实施单位全称，如 某县第一中学"))


def blank_columns(project: Project, path: str, ctx: Context) -> tuple[list[Finding], frozenset[str]]:
    """A column blank on every row is one cause: one finding listing the rows, and no per-row copies."""
    rows = project.indicators
    if len(rows) < 2:
        return [], frozenset()
    places = [f"{path}.indicators[{i}]" for i in range(len(rows))]
    out: list[Finding] = []
    skip: set[str] = set()
    if ctx.has("indicator.level2") and all(not (i.level1 or "").strip() and not (i.level2 or "").strip() for i in rows):
        out.append(one_cause("PD201", [f"{p}.level2" for p in places], f"{len(rows)} 行都没有一级、二级指标",
                             "按 产出（数量、质量、时效、成本）、效益、满意度 给每行填写一级、二级指标"))
        skip.add("PD201")
    if ctx.has("indicator.description") and all(not (i.description or "").strip() for i in rows):
        out.append(one_cause("PD212", [f"{p}.description" for p in places], f"{len(rows)} 行的绩效指标描述都为空",
                             "逐行写明统计口径、时点或计算方法"))
        skip.add("PD212")
    if ctx.has("indicator.basis") and all(i.basis is None or i.basis.is_blank() for i in rows):
        out.append(one_cause("PD215", [f"{p}.basis" for p in places], f"{len(rows)} 行的指标值确定依据都为空",
                             "逐行选择 计划标准/行业标准/历史标准/其他标准，并注明依据"))
        skip.add("PD215")
    return out, frozenset(skip)


# Rows repeat: projects drafted from one catalogue template share most of their rows, and a
# bureau's directory repeats them across hundreds of projects. A row's findings depend only on the
# row, the table (profile, framework, year), the blank-column set and the budget and period, so they are
# computed once per distinct row and re-placed. Bounded; cleared when full.
_ROW_CACHE: dict[tuple[object, ...], list[Finding]] = {}
# Rows checked one by one in a project: a real project has 10-30; a table pasted in by mistake can have
# 50,000, which would take a minute and bury every other finding (issue 19, item 14).
MAX_CHECKED_ROWS = 500
_ROW_CACHE_MAX = 100_000


# Every field of the row, read by one C call: a key naming some fields only served one row's findings
# to another row differing in the rest (a PD214 standard written in 备注 hid the missing one below).
_ROW_FIELDS = attrgetter(*(f.name for f in dataclasses.fields(Indicator) if f.name != "basis"))


def _row_key(ind: Indicator) -> tuple[object, ...]:
    basis = (ind.basis.category, ind.basis.note) if ind.basis is not None else None
    return (_ROW_FIELDS(ind), basis)


def _row_findings(ind: Indicator, path: str, project: Project, ctx: Context, skip: frozenset[str],
                  budget: tuple[object, ...]) -> list[Finding]:
    key = (_row_key(ind), ctx.profile.id, ctx.framework.id, ctx.year, skip, budget)
    found = _ROW_CACHE.get(key)
    if found is None:
        if len(_ROW_CACHE) >= _ROW_CACHE_MAX:
            _ROW_CACHE.clear()
        found = _ROW_CACHE[key] = check_indicator(ind, ctx.framework.id, "", project, ctx=ctx, skip=skip)
    return [Finding(f.code, f.severity, f"{path}.{f.path}", f.message, f.suggestion, f.places, f.fix) for f in found]


def tiny_budget(total: Decimal | None) -> str | None:
    """预算数 typed as 120 meaning 120万: a project's budget under 1,000 元 is said (the question asks 元)."""
    if total is not None and 0 < total < 1000:
        return f"预算数只有 {format_number(total)} 元"
    return None


def measurable(text: str) -> bool:
    """A target text names at least one output with a number and a unit (numbering, years and money aside)."""
    return bool(OUTPUT_NUMBER.search(GOAL_NOISE.sub(" ", text)))


def goal_findings(code: str, path: str, text: str) -> Iterator[Finding]:
    """PD302 / PD406 / PD323: a goal names measurable outputs, in the future, not only the request."""
    if not measurable(text):
        if GOAL_REQUEST.search(text):
            yield _f(code, path, "目标只复述了资金申请，没有写明产出数量和效果",
                     "例如：为约 N 名对象发放补贴，发放及时率达到 95% 以上")
        else:
            yield _f(code, path, "目标没有可考核的产出数量", "写明今年要完成多少（人、户、个、次、亩 …）及达到的比率")
    past = PAST_TENSE.search(text)
    if past:
        yield _f("PD323", path, f"目标写成了已完成的事（“{past.group(0)}”），绩效目标写的是今年要达到的结果",
                 "改为将要完成的数量和效果")


def check_project(project: Project, framework_id: str = "local-2015", path: str = "projects[0]",
                  year: int | None = None, *, ctx: Context | None = None, profile: str | None = None) -> list[Finding]:
    """Findings for one project; ``profile`` is the draft's table profile id (rules follow its columns)."""
    ctx = ctx or context(framework_id, profile, year)
    year = year if year is not None else ctx.year
    out: list[Finding] = []
    fw = ctx.framework
    column_findings, skip = blank_columns(project, path, ctx)
    # What a row's rules read of its project: the budget (PD219, PD221) and the period's end (PD225).
    budget = (project.budget.total, project.budget.fiscal, project.period_end)
    for i, ind in enumerate(project.indicators[:MAX_CHECKED_ROWS]):
        out.extend(_row_findings(ind, f"{path}.indicators[{i}]", project, ctx, skip, budget))
    out.extend(column_findings)

    name = project.name or ""
    goal = (project.goal or "").strip()
    purpose = project.purpose or ""
    if not name.strip() and ctx.has("project.name"):
        out.append(_f("PD325", f"{path}.name", "项目名称为空", "填写项目名称"))
    misfiled = not_a_code(project.code)
    if misfiled:
        out.append(_f("PD326", f"{path}.code", f"项目编码“{project.code}”像是{misfiled}，不是编码",
                      "填写预算系统中的项目编码，如 317-1002-JXN-FRS7；没有可留空"))
    for attr, label in (("name", "项目名称"), ("code", "项目编码"), ("authority", "主管部门"), ("unit", "实施单位")):
        hidden = hidden_in(getattr(project, attr))
        if hidden:
            out.append(_f("PD331", f"{path}.{attr}", f"{label}中有{hidden[0]}", f"改为“{hidden[1]}”", fix=hidden[1]))
    for attr, label, example in _NAME_FIELDS:
        text = getattr(project, attr)
        misfiled = not_a_name(text)
        if misfiled:
            out.append(_f("PD327", f"{path}.{attr}", f"{label}“{text.strip()}”像是{misfiled}，不是名称", f"填写{example}"))
    if purpose.strip() in PLACEHOLDER_DESCRIPTIONS and ctx.has("project.purpose"):
        out.append(_f("PD328", f"{path}.purpose", f"资金用途只写了“{purpose.strip()}”", "写明钱用在哪些事项上（如 用于全县20个村的道路养护）"))
    if goal in PLACEHOLDER_DESCRIPTIONS:
        out.append(_f("PD301", f"{path}.goal", f"绩效目标只写了“{goal}”", "写明今年要完成的产出（数量）和带来的效果"))
    elif not goal:
        out.append(_f("PD301", f"{path}.goal", "绩效目标为空", "写明今年要完成的产出（数量）和带来的效果"))
    elif placeholder_in(goal):
        out.append(_f("PD301", f"{path}.goal", f"绩效目标中留有模板占位符“{placeholder_in(goal)}”", "换成实际数字或文字"))
    else:
        out.extend(goal_findings("PD302", f"{path}.goal", goal))

    inds = [(levels(ctx, i.level1, i.level2), i) for i in project.indicators]
    # Each value parsed once, for every project-level rule below.
    values = [parse(i.value or "") for i in project.indicators]
    rows = [(pair, ind, v) for (pair, ind), v in zip(inds[:MAX_CHECKED_ROWS], values, strict=False)]
    out.extend(number_agreement(project, rows, path))
    out.extend(rate_agreement(project, rows, path))
    out.extend(capped_against_text([(v, pair[1]) for pair, _, v in rows], goal, path))

    if not project.indicators:
        out.append(_f("PD304", f"{path}.indicators", "未设置绩效指标", "按 产出、效益、满意度 添加指标"))
    elif "PD201" not in skip:
        present1 = {l1 for (l1, _), _ in inds}
        for l1 in fw.required_level1:
            if l1 not in present1:
                out.append(_f("PD304", f"{path}.indicators", f"缺少“{frameworks.LEVEL1_LABELS.get(l1, l1)}”",
                              f"至少添加一条{frameworks.LEVEL1_LABELS.get(l1, l1)}"))
        present = {pair for pair, _ in inds}
        effects_present = any(l1 == "效益" for (l1, _), _ in inds)
        for l1, l2 in fw.expected:
            if (l1, l2) not in present and not (l1 == "效益" and effects_present):
                out.append(_f("PD305", f"{path}.indicators", f"没有“{frameworks.LEVEL2_LABELS.get(l2, l2)}”",
                              f"添加一条{frameworks.LEVEL2_LABELS.get(l2, l2)}，或说明不适用的理由"))
    if project.indicators:
        if len(project.indicators) < 3:
            out.append(_f("PD305", f"{path}.indicators", f"只有 {len(project.indicators)} 条指标，一般不少于 3 条"))
        elif len(project.indicators) > MAX_CHECKED_ROWS:
            out.append(_f("PD305", f"{path}.indicators",
                          f"有 {len(project.indicators):,} 条指标，远超一个项目的常规（通常 10–30 条），"
                          f"只逐条检查了前 {MAX_CHECKED_ROWS} 条",
                          "核对是否把别的表格或多个项目误录进了这个项目，删去多余的行"))
        elif len(project.indicators) > 20:
            out.append(_f("PD305", f"{path}.indicators", f"有 {len(project.indicators)} 条指标，过多则重点不突出"))
    out.extend(_weights(project, inds, path, ctx))
    out.extend(_parts_of_whole(project, values, path))

    b = project.budget
    for attr, label in (("total", "预算数"), ("fiscal", "财政资金"), ("other", "其他资金")):
        amount = getattr(b, attr)
        if amount is not None and amount < 0:  # fill and the assistant refuse it; a hand-edited file has it
            out.append(_f("PD329", f"{path}.budget.{attr}", f"{label} {format_number(amount)} 是负数", "金额应为 0 或正数（元）"))
    small = tiny_budget(b.total)
    if small and b.total is not None:
        out.append(_f("PD330", f"{path}.budget.total", small, f"是否应为 {format_number(b.total)}万元？", fix=f"{format_number(b.total)}万"))
    if b.total is None:
        if ctx.has("project.budget.total"):
            out.append(_f("PD306", f"{path}.budget.total", "预算数为空"))
    elif b.fiscal is not None or b.other is not None:
        fiscal, other = b.fiscal or Decimal(0), b.other or Decimal(0)
        if abs(b.total - fiscal - other) > Decimal("0.01"):
            # No arithmetic advice: which of the three cells is wrong only the user knows (issue 16).
            out.append(_f("PD306", f"{path}.budget.total",
                          f"预算数 {format_number(b.total)} ≠ 财政资金 {format_number(fiscal)} + 其他资金 {format_number(other)}",
                          "请核对三项金额：预算数 = 财政资金 + 其他资金"))
    if b.total is not None and b.fiscal is None and ctx.has("project.budget.fiscal"):
        out.append(_f("PD307", f"{path}.budget.fiscal", "财政资金为空，按 0 处理", "没有财政资金请填 0"))
    if b.total is not None and b.other is None and ctx.has("project.budget.other"):
        out.append(_f("PD307", f"{path}.budget.other", "其他资金为空，按 0 处理", "没有其他资金请填 0"))

    plan = project.spending_plan
    if not ctx.has("project.spending_plan"):
        pass  # the table has no 资金支出计划: never a finding (issue 16)
    elif plan is None or plan.is_blank():
        out.append(_f("PD308", f"{path}.spending_plan", "资金支出计划未填写", "填写 3月底、6月底、10月底、12月底 累计支出比例，如 25、50、75、100"))
    else:
        raw = plan.cells()
        labels = ("mar", "jun", "oct", "dec")
        bad = [labels[i] for i, c in enumerate(raw) if c is None or not 0 <= c <= 100]
        cells = [c for c in raw if c is not None]
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

    # PD312: amounts in 资金用途 agree with 预算数. Per-head standards (每生780元, 704元/村) and the
    # parts of the budget (30万元用于…；30万元用于…) are not the budget.
    if b.total is not None:
        amounts = [money[0] for m in AMOUNT_IN_TEXT.finditer(purpose)
                   if not PER_UNIT_BEFORE.search(purpose[max(0, m.start() - 8):m.start()])
                   and not PER_UNIT_AFTER.match(purpose, m.end())
                   and (money := numbers.read_money(m.group(1) + m.group(2))) is not None]
        if (amounts and all(abs(a - b.total) > Decimal("0.01") for a in amounts)
                and abs(sum(amounts) - b.total) > Decimal("0.01") and max(amounts) > b.total / 10):
            shown = "、".join(f"{format_number(a.normalize())}元" for a in amounts[:3])
            out.append(_f("PD312", f"{path}.purpose", f"资金用途中的金额（{shown}）与预算数 {format_number(b.total)}元 不一致",
                          "统一用途文字与预算数"))
        # the goal's own statement of the money (安排资金160万元), left at last year's after a clone
        goal = project.goal or ""
        said = [money[0] for m in AMOUNT_IN_TEXT.finditer(goal) if _BUDGET_BEFORE.search(goal[max(0, m.start() - 8):m.start()])
                and (money := numbers.read_money(m.group(1) + m.group(2))) is not None]
        if said and b.total > 0 and all(abs(a - b.total) > Decimal("0.01") for a in said) \
                and abs(sum(said) - b.total) > Decimal("0.01"):
            shown = "、".join(f"{format_number(a.normalize())}元" for a in said[:3])
            out.append(_f("PD312", f"{path}.goal", f"绩效目标中的资金（{shown}）与预算数 {format_number(b.total)}元 不一致",
                          "统一目标文字与预算数"))

    if inds:
        qual = sum(1 for v in values if isinstance(v, Qualitative))
        if qual / len(project.indicators) > 0.3:
            out.append(_f("PD321", f"{path}.indicators", f"定性指标占 {qual}/{len(project.indicators)}，超过 30%", "尽量改为量化指标"))

    out.extend(_cross_rows(project, rows, path))

    m = DOC_NUMBER.search(name)
    if m:
        rest, doc = split_doc_number(name)
        out.append(_f("PD317", f"{path}.name", f"项目名称中含文号“{m.group(0)}”",
                      f"名称：{rest}；文号：{doc}"))
    if year:
        name_wo_doc = DOC_NUMBER.sub("", name)
        years = {int(y) for y in YEAR_IN_TEXT.findall(name_wo_doc)}
        lead = LEADING_YEAR.match(purpose)
        if lead:
            years.add(int(lead.group(1)))
        other_years = sorted(y for y in years if y != year)
        if other_years:
            out.append(_f("PD316", f"{path}.purpose" if lead else f"{path}.name",
                          f"出现 {other_years[0]} 年，与预算年度 {year} 不同", "是否为上年结转资金？请在用途中说明"))
        # A goal opening on another year is last year's goal copied in (a range such as 2021—2023年
        # opens on no single year; years later in the text are baselines: 较2022年提高…).
        goal_lead = LEADING_YEAR.match(goal)
        if goal_lead and int(goal_lead.group(1)) != year:
            out.append(_f("PD316", f"{path}.goal", f"绩效目标写的是 {goal_lead.group(1)} 年，预算年度是 {year} 年",
                          f"写明 {year} 年要完成的数量和效果；沿用往年的目标请同时更新其中的数字"))
    return out


# Rows compared pairwise are capped: the cross-row rules look for a related row nearby, and an
# uncapped comparison made a 50,000-row project quadratic.
MAX_PAIRWISE = 200
MAX_SAME_VALUE = 64  # rows sharing one value compared pairwise (a real project has a handful)


def _parallel(a: str, b: str) -> bool:
    """One measure of two different things (宫颈癌检查人数 / 乳腺癌检查人数, 县道… / 村道…): the same
    ending after heads that share no character. Such rows may well have the same target."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    head_a, head_b = a[: len(a) - n], b[: len(b) - n]
    # … or the same opening too (新生儿遗传代谢性疾病筛查 / 新生儿听力筛查): what lies between differs wholly
    p = 0
    while p < min(len(head_a), len(head_b)) and head_a[p] == head_b[p]:
        p += 1
    mid_a, mid_b = head_a[p:], head_b[p:]
    return (n >= 3 or n >= 2 and p >= 2) and bool(mid_a) and bool(mid_b) and not set(mid_a) & set(mid_b)


def _cross_rows(project: Project, parsed: list[Row], path: str) -> Iterator[Finding]:
    # PD204 duplicates; PD315 same measure and value under two 二级.
    seen: dict[str, int] = {}
    for i, (_pair, ind, _v) in enumerate(parsed):
        key = (ind.name or "").strip()
        if key:
            if key in seen and (project.indicators[seen[key]].scope or "annual") == (ind.scope or "annual"):
                yield _f("PD204", f"{path}.indicators[{i}].name", f"与第 {seen[key] + 1} 条指标名称重复")
            seen.setdefault(key, i)
    # Only rows with equal values can repeat one another: compare within those groups, not all pairs
    # (a 50,000-row project would take hours pairwise; issue 19).
    same_value: dict[Quantity, list[int]] = {}
    for i, (_pair, _ind, v) in enumerate(parsed):
        if isinstance(v, Quantity) and v.unit not in PERCENT_UNITS:
            same_value.setdefault(v, []).append(i)
    for group in same_value.values():
        for a, i in enumerate(group[:MAX_SAME_VALUE]):
            for j in group[a + 1:MAX_SAME_VALUE]:
                (pi, ii, _vi), (pj, ij, _vj) = parsed[i], parsed[j]
                alike = similar(ii.name or "", ij.name or "")
                # the same measure renamed in the same 二级 (募集见习岗位数量 / 新开发就业见习岗位, both ≥1000个)
                again = pi[1] == pj[1] and pi[1] is not None and alike >= 0.5 and \
                    (ii.scope or "annual") == (ij.scope or "annual") and not (ij.name or "").startswith("其中") \
                    and not _parallel(ii.name or "", ij.name or "")
                if pi[1] != pj[1] and alike >= 0.4 or again:
                    yield _f("PD315", f"{path}.indicators[{j}]",
                             f"与第 {i + 1} 条（{ii.level2}）的指标和值相同（{ij.value}），疑似重复计数", "删除一条，或改为不同的度量")
    # PD313: monthly payments — 人次 (累计) should be about 12 × 人 (月末).
    people = [(i, ind, v) for i, (_, ind, v) in enumerate(parsed)
              if isinstance(v, Quantity) and v.unit == "人" and "月末" in (ind.name or "")][:MAX_PAIRWISE]
    for i, (_, ind, v) in enumerate(parsed):
        if isinstance(v, Quantity) and v.unit == "人次" and "累计" in (ind.name or ""):
            best = max(people, key=lambda t: similar(t[1].name or "", ind.name or ""), default=None)
            if best and "月末" in (best[1].name or "") and best[2].number > 0:
                ratio = v.number / best[2].number
                if not Decimal(10) <= ratio <= Decimal(13):
                    expect = best[2].number * 12
                    yield _f("PD313", f"{path}.indicators[{i}].value",
                             f"{ind.value} 约为 {best[1].value} 的 {ratio:.1f} 倍；按月发放应约为 12 倍",
                             f"请核对，是否应为 {format_number(expect)}人次？")
    # PD311: quantity × unit cost ≈ budget.
    total = project.budget.total
    text = (project.purpose or "") + (project.goal or "")
    if total and not GAP_EXPLAINED.search(text):
        # a monthly standard paid for the months the text says (人均约5个月), else a whole year
        said = _MONTHS_SAID.search(text)
        months = int(said.group(1)) if said and 1 <= int(said.group(1)) <= 12 else 12
        products = []
        for i, (pair, ind, v) in enumerate(parsed):
            if pair[1] not in ("成本", "经济成本") or not isinstance(v, Quantity):
                continue
            per = _per_unit(v.unit, ind.name or "")
            if per is None:
                continue
            head, per_month, scale = per
            # a count typed twice (30003000人) is PD106's: times the standard it says nothing more
            counts = [(c_ind, c) for (c_pair, c_ind, c) in parsed[:MAX_PAIRWISE] if c_pair[1] == "数量"
                      and isinstance(c, Quantity) and COUNT_UNIT_SAME.get(c.unit, c.unit) == head
                      and not _doubled(format_number(c.number))]
            if not counts:
                continue
            cnt_ind, cnt = max(counts, key=lambda t: similar(t[0].name or "", ind.name or ""))
            products.append((i, v, cnt, per_month, similar(cnt_ind.name or "", ind.name or ""),
                             cnt.number * v.number * scale * (months if per_month else 1)))
        # two subsidies (生活补贴 and 护理补贴) share one budget: their sum is what must match it, and
        # only a sum over the budget is a finding (one cause, at each standard)
        several = len(products) >= 2
        if several:
            together = sum((x[-1] for x in products), Decimal(0))
            # (a cap over twice the whole budget on its own too: ≤60万元/座 × 15座 against 330万元)
            over_alone = [x for x in products if x[-1] > total * Decimal("1.1") and x[1].op in ("=", None, "≥", ">")
                          or x[1].op in ("≤", "<") and x[-1] >= total * 2 and x[4] >= Decimal("0.5")]
            if total * Decimal("0.9") <= together <= total * Decimal("1.1"):
                products = []
            elif over_alone:
                products = over_alone  # each said where it is over on its own, as for one standard
            else:
                if together > total * Decimal("1.1") and all(x[1].op in ("=", None, "≥", ">") for x in products):
                    yield one_cause("PD311", [f"{path}.indicators[{x[0]}].value" for x in products],
                                    f"各项标准 × 数量合计 {format_number(together)}元，超过预算数 {format_number(total)}元 10% 以上",
                                    "请核对数量或标准，或在用途中说明差额")
                products = []
        for i, v, cnt, per_month, likeness, product in products:
            # over the budget is never right; under it only where the project is the payment itself
            # (a 补助 project's budget is heads × standard; a 防灭火 project's also buys equipment)
            # a cap (≤) bounds the spending from above only: short or over, it says little about the budget
            # (short only of a per-head payment: a standard per 个 or 户 is often one of several items)
            short = product < total * Decimal("0.9") and SUBSIDY_PROJECT.search(project.name or "") and v.op in ("=", None) \
                and not _OTHER_SPENDING.search(project.name or "") and cnt.unit in ("人", "名") and not several
            # a cap (≤) may sit well above what is paid, but not at twice the whole budget (≤15万元/户 for 1.5万元)
            # times the count it is clearly per (D级危房…标准 is per D级 house, a part of all the houses counted)
            over = product > total * Decimal("1.1") if v.op not in ("≤", "<") else (
                product >= total * 2 and likeness >= 0.5)
            if over or short:
                times = f" × {months}个月" if per_month else ""
                yield _f("PD311", f"{path}.indicators[{i}].value",
                         f"{format_number(cnt.number)}{cnt.unit} × {format_number(v.number)}"
                         f"{v.unit.split('/')[0]}{times} = {format_number(product)}元，与预算数 {format_number(total)}元 相差超过 10%",
                         "请核对数量或标准，或在用途中说明差额（如仅为县级配套部分）")


_MONTHS_SAID = re.compile(r"(?:人均|平均|每人)?约?(\d{1,2})个月")
_PER_UNIT = re.compile(r"^(万元|元)/([^·/]{1,3})(?:·(.+))?$")


def _per_unit(unit: str, name: str) -> tuple[str, bool, int] | None:
    """(what the standard is per, paid monthly, 元 per unit of money) of a cost standard: 元/人·月,
    万元/个·年, or 元 on a per-head name (人均补助标准); None for any other cost."""
    m = _PER_UNIT.match(unit)
    if m and m.group(3) not in (None, "年", "月"):
        return None  # 元/人·天, 元/人·次: the days or times paid are not known here
    if m:
        return m.group(2), m.group(3) == "月" or (m.group(3) is None and "月" in name), 10000 if m.group(1) == "万元" else 1
    if unit == "元" and PER_HEAD_NAME.search(name):
        return "人", "月" in name, 1
    return None


# 村卫生室运行及乡村医生补助: the budget pays for more than the heads × standard of one subsidy
_OTHER_SPENDING = re.compile(r"(?:运行|建设|运转|购置|维护|培训|管理)(?:及|和|与|、)|(?:及|和|与|、).{0,8}(?:运行|建设|运转|购置|维护)")


def _weights(project: Project, inds: list, path: str, ctx: Context) -> Iterator[Finding]:
    """PD324: weights add up (100, or 90 beside a 预算执行率 weight of 10) and every 一级 carries some."""
    for i, ind in enumerate(project.indicators):
        if ind.weight is not None and ind.weight < 0:  # fill refuses it; a hand-edited file has it
            yield _f("PD324", f"{path}.indicators[{i}].weight", f"权重 {format_number(ind.weight)} 是负数", "权重应为 0 或正数")
        elif ind.weight is not None and ind.weight > 100:
            # 20100: a weight and the next cell's 100 read as one (only the total had been said)
            yield _f("PD324", f"{path}.indicators[{i}].weight", f"权重 {format_number(ind.weight)} 超过 100",
                     "一条指标的权重在 0–100 之间（全表合计 100），请核对是否与相邻的数字连在了一起")
    rows = [(pair, ind) for pair, ind in inds if (ind.scope or "annual") == "annual"]
    weighted = [(pair, ind) for pair, ind in rows if ind.weight is not None]
    if not weighted or not ctx.has("indicator.weight") and len(weighted) < len(rows):
        return  # (a table whose profile has no 权重 still adds up the column it printed for every row)
    total = sum((ind.weight for _, ind in weighted), Decimal(0))
    if total not in (Decimal(90), Decimal(100)):
        yield _f("PD324", f"{path}.indicators", f"指标权重合计 {format_number(total)}，应为 100（另列预算执行率 10 时为 90）",
                 "调整各指标权重")
    by_level: dict[str, Decimal] = {}
    for (l1, _), ind in rows:
        if l1:
            by_level[l1] = by_level.get(l1, Decimal(0)) + (ind.weight or Decimal(0))
    for l1, weight in by_level.items():
        if weight == 0 and total > 0:
            yield _f("PD324", f"{path}.indicators", f"“{frameworks.LEVEL1_LABELS.get(l1, l1)}”的指标权重合计为 0",
                     "每个一级指标都应分配权重")


def _parts_of_whole(project: Project, values: list[Value | ParseError], path: str) -> Iterator[Finding]:
    """PD322: "其中…" rows break down the row above them; together they cannot exceed it."""
    rows = project.indicators
    i = 0
    while i < len(rows):
        whole = values[i]
        j = i + 1
        parts = []
        while j < len(rows) and PART_NAME.match(rows[j].name or ""):
            parts.append(values[j])
            j += 1
        if parts and isinstance(whole, Quantity) and all(isinstance(v, Quantity) and v.unit == whole.unit for v in parts):
            total = sum((v.number for v in parts if isinstance(v, Quantity)), Decimal(0))
            if total > whole.number:
                yield _f("PD322", f"{path}.indicators[{i}].value",
                         f"“其中”各项合计 {format_number(total)}{whole.unit}，超过总数 {rows[i].value}", "请核对总数与分项")
        i = j if parts else i + 1
