"""Department and draft rules (PD4xx), and the whole-draft entry point."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from decimal import Decimal

from .. import frameworks
from ..model import Draft, Project
from ..rules import ERROR
from ..values import Quantity, format_number, parse
from .context import for_draft, levels
from .finding import Finding, _f
from .goal_text import capped_against_text, number_agreement
from .hidden import hidden_in
from .indicator import check_indicator
from .project import blank_columns, check_project, goal_findings
from .words import ADDITIVE_UNITS, not_a_code, not_a_name

_OWN_TREE = frozenset({"PD201"})
# A department's money rows (三公经费 ≤5万元) are small parts of its budget by nature: no share rule there.
_NO_SHARE = frozenset({"PD221"})


def check_department(draft: Draft) -> list[Finding]:
    out: list[Finding] = []
    d = draft.department
    ctx = for_draft(draft)
    goal = d.overall_goal or ""
    if goal:
        out.extend(goal_findings("PD406", "department.overall_goal", goal))
    # 部门整体 indicators are rows like a project's; their
    # levels may be the 部门整体 tree (履职效能 / 管理效率 …), whose 二级 each department names itself.
    # a column blank on every row is one finding, as in a project (15 rows without 描述 were 15 PD212)
    blank, blank_skip = blank_columns(Project(indicators=d.indicators), "department", ctx)
    out.extend(blank)
    # the department's budget, for the money rules a department row can break too (a cost row that is the
    # whole budget, 部门整体支出预算控制 ≤2316.80万元)
    budget_holder = Project(budget=d.budget) if d.budget is not None and d.budget.total else None
    for i, ind in enumerate(d.indicators):
        # the 部门整体 tree, or a 二级 of the department's own naming under a 一级 the framework has
        own = frameworks.is_department_level1(ind.level1) or (frameworks.level1_key(ind.level1) is not None
                                                  and frameworks.level2_key(ind.level2) is None)
        skip = (_OWN_TREE if own else frozenset()) | blank_skip | _NO_SHARE
        out.extend(check_indicator(ind, ctx.framework.id, f"department.indicators[{i}]", budget_holder, ctx=ctx, skip=skip))
    if goal and d.indicators:
        rows = [(levels(ctx, ind.level1, ind.level2), ind, parse(ind.value or "")) for ind in d.indicators]
        out.extend(capped_against_text([(v, pair[1]) for pair, _, v in rows], goal, "department"))
        # the 总体目标's counts against the rows, as a project's 绩效目标 (特困人员1580人 against ≥1850人)
        out.extend(number_agreement(Project(goal=goal, indicators=d.indicators), rows, "department",
                                    (("goal", "overall_goal"),)))
    for i, g in enumerate(d.sub_goals):
        for j, ind in enumerate(g.indicators):
            out.extend(check_indicator(ind, ctx.framework.id, f"department.sub_goals[{i}].indicators[{j}]", ctx=ctx))
    misfiled = not_a_code(d.code)
    if misfiled:
        out.append(_f("PD410", "department.code", f"单位编码“{d.code}”像是{misfiled}，不是编码",
                      "填写预算系统中的单位代码，如 317002；没有可留空"))
    for attr, label in (("name", "单位名称"), ("code", "单位编码")):
        hidden = hidden_in(getattr(d, attr))
        if hidden:
            out.append(_f("PD412", f"department.{attr}", f"{label}中有{hidden[0]}", f"改为“{hidden[1]}”", fix=hidden[1]))
    misfiled = not_a_name(d.name)
    if misfiled:
        out.append(_f("PD411", "department.name", f"单位名称“{(d.name or '').strip()}”像是{misfiled}，不是名称",
                      "填写预算单位全称，如 某县社会保险事业管理局"))
    if not draft.projects and not d.indicators and not any(g.indicators for g in d.sub_goals):
        out.append(_f("PD408", "projects", "草稿里没有任何项目或指标", "添加项目及其绩效指标，或填写部门整体指标"))
    for i, g in enumerate(d.sub_goals):
        if not g.indicators and not g.projects:
            out.append(_f("PD402", f"department.sub_goals[{i}]", f"分项目标 {i + 1} 没有指标，也没有关联项目",
                          "添加衡量指标，并关联相应项目或基本支出"))
    project_sum = sum((p.budget.total or Decimal(0) for p in draft.projects), Decimal(0))
    # The department part (总体目标, 分项目标, 部门预算) exists only in a department document; a draft
    # holding one project's table is not asked for it.
    department_doc = bool(d.overall_goal or d.sub_goals or d.budget or d.indicators)
    if d.budget is None or d.budget.total is None:
        if draft.projects and department_doc:
            out.append(_f("PD407", "department.budget", f"部门预算总额未填写（各项目合计 {format_number(project_sum)}元）",
                          "填写部门预算总额及其中财政拨款、其他资金"))
    else:
        b = d.budget
        assert b.total is not None  # checked above; for the type checker
        if b.fiscal is not None and abs(b.total - b.fiscal - (b.other or 0)) > Decimal("0.01"):
            out.append(_f("PD401", "department.budget.total", "部门预算合计 ≠ 财政拨款 + 其他资金"))
        if project_sum > b.total + Decimal("0.01"):
            out.append(_f("PD401", "department.budget.total",
                          f"项目合计 {format_number(project_sum)}元 超过部门预算 {format_number(b.total)}元"))
    if not d.indicators and draft.projects and department_doc:
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
    codes: dict[str, int] = {}
    for i, p in enumerate(draft.projects):
        # The system compares codes as text: full-width digits and stray spaces are the same code.
        code = "".join(unicodedata.normalize("NFKC", p.code or "").split())
        if code:
            if code in codes:
                first = draft.projects[codes[code]]
                yield _f("PD409", f"projects[{i}].code",
                         f"与项目 {codes[code] + 1}（{first.name or '未命名'}）的项目编码相同“{p.code}”",
                         "改成本项目在预算系统中的编码；复制来的项目要换新编码")
            codes.setdefault(code, i)
    rows: dict[tuple[str, str], tuple[int, int]] = {}
    effects: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for i, p in enumerate(draft.projects):
        for j, ind in enumerate(p.indicators):
            if not ind.name or not ind.value:
                continue
            v = parse(ind.value)
            if not isinstance(v, Quantity) or v.unit not in ADDITIVE_UNITS:
                continue
            row_key = (ind.name.strip(), ind.value.strip())
            if row_key in rows and rows[row_key][0] != i:
                pi, pj = rows[row_key]
                yield _f("PD403", f"projects[{i}].indicators[{j}]",
                         f"与项目 {pi + 1} 第 {pj + 1} 条指标相同（{ind.value}），疑似重复计数", "删除不属于本项目资金的指标")
            rows.setdefault(row_key, (i, j))
            if frameworks.level1_key(ind.level1) == "效益":
                effects.setdefault(row_key, []).append((i, j))
    for row_key, places in effects.items():
        if len({i for i, _ in places}) >= 3:
            i, j = places[-1]
            yield _f("PD314", f"projects[{i}].indicators[{j}]", f"效益指标“{row_key[0]}”出现在 {len(places)} 个项目中，疑似套用",
                     "写出本项目特有的效益")


def check_draft(draft: Draft) -> list[Finding]:
    ctx = for_draft(draft)
    out = check_department(draft)
    for i, p in enumerate(draft.projects):
        out.extend(check_project(p, draft.framework, f"projects[{i}]", draft.year, ctx=ctx))
    out.extend(_cross_projects(draft))
    return out


def counts(findings: list[Finding]) -> tuple[int, int, int]:
    e = sum(1 for f in findings if f.severity == ERROR)
    w = sum(1 for f in findings if f.severity == "warning")
    return e, w, len(findings) - e - w
