"""The drafting steps as data, and the order a draft's profile walks them in.

Every state of the conversation is a ``Step``: how to read the current value, its default and
choices, the live check while typing, how to apply an answer, where the answer leads (``next``),
what ``/skip`` does, where a saved resume marker of the step reopens, and whether the step is
already settled (a cloned draft asks only what is new or to confirm). Steps see a narrow
``StepContext`` (step_context.py), never the engine. This module holds the table of field steps
(department, project) and their order; project_steps.py the money, text and header fields' parts;
indicator_steps.py the indicator rows and the 中期 block; review_steps.py the reviews.
The words users see live in ``steps.py``; which project fields are asked comes from the draft's
profile (``profile.header``), in the order its table reads.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import frameworks, profiles
from ._lazy import lazy_module
from .answers import FULL_WIDTH, parse_money, plan_text
from .model import Budget, Project, SubGoal, format_number
from .names import split_doc_number
from .project_steps import (
    apply_goal,
    apply_plan,
    dept_name,
    fiscal_default,
    fiscal_question,
    goal_answer,
    goal_choices,
    goal_default,
    goal_live,
    goal_question,
    goal_suggestion,
    money_apply,
    money_live,
    money_read,
    other_default,
    other_question,
    period_end_default,
    period_live,
    period_start_default,
    plan_live,
    project_text_live,
    registry_step,
    total_amount_default,
    total_amount_live,
)
from .prompts import Choice, Position, Rejected
from .step_base import Answer, Ctx, Step
from .steps import STEP_TEXTS

if TYPE_CHECKING:
    from .checks import Finding

# Loaded on first use, after the first screen is up (start-up budget: design.md).
checks = lazy_module("perfdraft.checks")

__all__ = ["Answer", "Ctx", "Step", "STEPS", "field_answer", "field_settled", "next_in_order", "project_order"]


def _project(c: Ctx, pos: Position) -> Project:
    return c.draft.projects[pos.project]


def _set_text(getter: Callable[[Ctx, Position], Any], attr: str):
    def apply(c: Ctx, pos: Position, text: str) -> None:
        setattr(getter(c, pos), attr, text.strip() or None)

    return apply


def _dept(c: Ctx, pos: Position):
    return c.draft.department


def _dept_text_live(attr: str):
    """The department rules on its name or code as typed: a code or an amount in the wrong field."""

    def live(c: Ctx, pos: Position, text: str) -> list[Finding]:
        department = copy.copy(c.draft.department)  # shallow: only this attribute is set on the copy
        setattr(department, attr, text)
        draft = replace(c.draft, department=department)
        return [f for f in checks.check_department(draft) if f.path == f"department.{attr}"]

    return live


_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")  # 二〇二五年, as a year is written out


def _apply_year(c: Ctx, pos: Position, text: str) -> None:
    m = re.fullmatch(r"\s*(\d{4})\s*(?:年度?)?\s*", text.translate(FULL_WIDTH).translate(_CN_DIGITS))
    if not m or not 2000 <= int(m.group(1)) <= 2100:
        raise Rejected(f"“{text}”不是年份；请写四位数，如 2021")
    c.draft.year = int(m.group(1))


# The order profiles are offered in: 1 and 2 keep their meaning from before profiles existed.
PROFILE_ORDER = ("hebei-2020", "central-2021", "local-2015", "hubei-2013", "guangdong", "ndrc-investment",
                 "sichuan-grid", "self-evaluation")


def profile_order() -> tuple[str, ...]:
    """PROFILE_ORDER, then any profile declared since (a new profile is one row in profiles.py)."""
    return PROFILE_ORDER + tuple(pid for pid in profiles.PROFILES if pid not in PROFILE_ORDER)


def _profile_number(c: Ctx, pos: Position) -> str:
    return str(profile_order().index(profiles.for_draft(c.draft).id) + 1)


def _apply_profile(c: Ctx, pos: Position, text: str) -> None:
    t = text.strip()
    order = profile_order()
    chosen = order[int(t) - 1] if t.isdecimal() and 1 <= int(t) <= len(order) else t
    if chosen in frameworks.FRAMEWORKS and chosen not in profiles.PROFILES:
        chosen = profiles.BY_FRAMEWORK[chosen]  # a framework id typed by someone who knows the old answer
    if chosen not in profiles.PROFILES:
        raise Rejected(f"请输入 1–{len(order)} 中的编号（1 地方通用，2 中央 2021 口径）")
    profile = profiles.PROFILES[chosen]
    c.draft.profile = profile.id
    c.draft.framework = profile.framework


def _profile_choices(c: Ctx, pos: Position) -> list[Choice]:
    return [Choice(profiles.PROFILES[pid].title, str(i), pid) for i, pid in enumerate(profile_order(), 1)]


def _apply_sub_goal(c: Ctx, pos: Position, text: str) -> None:
    goals = c.draft.department.sub_goals
    text = re.sub(r"^\s*\d+\s*[、.．]\s*", "", text.strip())  # numbering is the table's, not the text's
    if pos.index < len(goals):
        goals[pos.index].text = text or None
    elif text:
        goals.append(SubGoal(text))


def _sub_goal_answer(c: Ctx, pos: Position, text: str) -> Answer:
    goals = c.draft.department.sub_goals
    if not text.strip() and pos.index >= len(goals):
        return Position("dept.safeguards"), []  # an empty answer past the last goal: done with them
    _apply_sub_goal(c, pos, text if text.strip() else (goals[pos.index].text or ""))
    return Position("dept.sub_goals", index=pos.index + 1), []


def _apply_name(c: Ctx, pos: Position, text: str) -> None:
    text = text.strip()
    if not text:
        # (Enter on a new project's name ends adding projects before this: this project is there)
        raise Rejected("项目名称不能为空；请写上与预算系统一致的项目名称")
    _project(c, pos).name = text


def _name_answer(c: Ctx, pos: Position, text: str) -> Answer:
    if pos.project >= len(c.draft.projects):
        if not text.strip():
            return Position("draft.review"), []  # Enter on a new project's name: no more projects
        c.draft.projects.append(Project())
        try:
            return field_answer(c, STEPS["project.name"], pos, text)
        except Rejected:
            c.draft.projects.pop()  # a refused name adds no project
            raise
    return field_answer(c, STEPS["project.name"], pos, text)


def _template_search(c: Ctx, pos: Position) -> Any:
    name = _project(c, pos).name or ""
    cat = c.catalogue()
    if cat is None or not name:
        return None
    return cat.search(name, limit=5)


def template_fits(c: Ctx, pos: Position) -> bool:
    """The best template is a good fit (Enter takes it); otherwise only 共性 templates and weak matches."""
    found = _template_search(c, pos)
    return bool(found and found.fits)


def _template_choices(c: Ctx, pos: Position) -> list[Choice]:
    found = _template_search(c, pos)
    if found is None:
        return []
    cat = c.catalogue()
    # No fit: the closest matches, marked weak, then the 共性 templates of the project's kind.
    offered = found.suggestions if found.fits else found.suggestions[:3] + found.fallbacks[:4]
    out = []
    for s in offered:
        sector = cat.sectors.get(s.template.sector)
        where = "共性" if s.fit == "common" else (sector.name if sector else s.template.sector)
        weak = " · 弱匹配，请核对" if s.fit == "weak" else ""
        out.append(Choice(s.template.name, s.template.id,
                          f"{where} · {len(s.template.indicators)} 条指标 · {s.reason}{weak}"))
    return out


def _template_default(c: Ctx, pos: Position) -> str:
    # Enter never takes a weak match: without a good fit it means "no template".
    return "1" if template_fits(c, pos) else "0"


def _apply_template(c: Ctx, pos: Position, text: str) -> None:
    text = text.strip()
    p = _project(c, pos)
    if text in ("0", "无", "不用", "none"):
        p.template = None
        return
    choices = _template_choices(c, pos)
    if text.isdecimal() and 1 <= int(text) <= len(choices):
        p.template = choices[int(text) - 1].value
        return
    cat = c.catalogue()
    if cat is not None and text in cat.templates:
        p.template = text
        return
    named = [t.id for t in cat.templates.values() if t.name == text] if cat is not None else []
    if len(named) == 1:  # the template kept by its name (the line shows names, not ids)
        p.template = named[0]
        return
    raise Rejected(f"请输入 1–{len(choices)} 选择模板，或 0 不用模板" if choices else "没有可选模板；输入 0 继续")


def _template_read(c: Ctx, pos: Position) -> str:
    """The template chosen, as the number it is offered under (its internal id was shown in the line
    and the history, si-urban-rural-pension, which no user types)."""
    chosen = _project(c, pos).template
    if not chosen:
        return ""
    offered = next((str(k) for k, choice in enumerate(_template_choices(c, pos), 1) if choice.value == chosen), None)
    if offered is not None:
        return offered
    cat = c.catalogue()
    template = cat.templates.get(chosen) if cat is not None else None
    return template.name if template is not None else chosen  # not offered now: kept by its name


def _template_question(c: Ctx, pos: Position) -> str:
    if not _template_choices(c, pos):
        return "指标库中没有找到相近的模板。回车继续（之后可以逐条添加指标）。"
    if not template_fits(c, pos):
        return ("指标库中没有确定适合这个项目的模板：标“弱匹配”的只是字面相近，请核对后再选；"
                "也可以选一个共性模板（按项目类别）起步。回车不用模板（之后可以逐条添加指标）。")
    return STEP_TEXTS["project.template"].prompt


def _template_settled(c: Ctx, pos: Position) -> bool:
    project = _project(c, pos)
    return bool(project.indicators or project.template)  # the rows are there already: no template to pick


def _apply_doc_number(c: Ctx, pos: Position, text: str) -> None:
    p = _project(c, pos)
    t = text.strip().lower()
    if t in ("n", "no", "否", "不"):
        return
    rest, doc = split_doc_number(p.name or "")
    if t in ("", "y", "yes", "是", "好") and doc:
        p.name, p.doc_number = rest, doc
    elif t:
        p.doc_number = text.strip()


def _doc_question(c: Ctx, pos: Position) -> str:
    rest, doc = split_doc_number(_project(c, pos).name or "")
    if doc is None:  # reached by /jump: the name carries none
        return "文号是什么？（如 冀财社〔2019〕74号；没有可 /skip）"
    return STEP_TEXTS["project.doc_number"].prompt.format(doc=doc or "", rest=rest)


def _doc_arrive(c: Ctx, pos: Position) -> Position | None:
    name = _project(c, pos).name or "" if pos.project < len(c.draft.projects) else ""
    return next_in_order(c, pos) if split_doc_number(name)[1] is None else None


def field_settled(c: Ctx, pos: Position) -> bool:
    """Filled, not marked "to confirm", and without an error of its own."""
    step = STEPS[pos.step]
    if not step.read(c, pos).strip():
        return False
    if pos.step.startswith("project."):
        project = _project(c, pos)
        key = pos.step.split(".", 1)[1]
        if key in project.confirm or key.split(".")[0] in project.confirm:
            return False
        # (the budget's parts are one sum: 预算数 ≠ 财政资金 + 其他资金 asks each of them again)
        prefix = f"projects[{pos.project}].{'budget' if key.startswith('budget.') else key}"
        errors = [f for f in checks.check_project(project, c.draft.framework, f"projects[{pos.project}]", profile=c.draft.profile)
                  if f.severity == "error" and f.path.startswith(prefix)]
        return not errors
    return True


def field_answer(c: Ctx, step: Step, pos: Position, text: str) -> Answer:
    """The generic field step: validate with its live check, apply, clear its "to confirm" mark, move on."""
    stripped = text.strip()
    if stripped:
        value = text
    elif step.empty == "default":
        value = step.default(c, pos) or step.read(c, pos)
    else:
        value = step.read(c, pos) or step.default(c, pos)
    if step.required and not value.strip():
        raise Rejected(f"{STEP_TEXTS[step.id].label}不能为空")
    found = step.live(c, pos, value) if value.strip() else []
    errors = [f for f in found if f.severity == "error"]
    if errors:
        raise Rejected(errors[0].message + (f"（{errors[0].suggestion}）" if errors[0].suggestion else ""), errors)
    step.apply(c, pos, value)
    if step.id.startswith("project.") and pos.project < len(c.draft.projects):
        confirm = c.draft.projects[pos.project].confirm
        key = step.id.split(".", 1)[1]
        for k in (key, "budget") if key == "budget.other" else (key,):
            if k in confirm:
                confirm.remove(k)
    if step.id == "project.name":
        c.invalidate()
    nxt = step.next(c, pos) if step.next else next_in_order(c, pos)
    return nxt, [f for f in found if f.severity != "error"]



def _dept_budget_read(c: Ctx, pos: Position) -> str:
    b = c.draft.department.budget
    return "" if b is None or b.total is None else format_number(b.total)


def _dept_budget_question(c: Ctx, pos: Position) -> str:
    total = sum((p.budget.total or Decimal(0) for p in c.draft.projects), Decimal(0))
    return STEP_TEXTS["dept.budget"].prompt.format(sum=f"各项目合计 {format_number(total)} 元")


def _dept_budget_live(c: Ctx, pos: Position, text: str) -> list[Finding]:
    if not text.strip():
        return []
    try:
        parse_money(text)
    except Rejected as exc:
        return [checks.Finding("PD401", "error", "department.budget.total", str(exc))]
    return []


def _dept_budget_apply(c: Ctx, pos: Position, text: str) -> None:
    d = c.draft.department
    amount = parse_money(text) if text.strip() else None
    if d.budget is None:
        d.budget = Budget()
    d.budget.total = amount

STEPS: dict[str, Step] = {s.id: s for s in [
    Step("dept.name", "department.name", lambda c, p: c.draft.department.name or "", _set_text(_dept, "name"),
         required=True, field="department.name", live=_dept_text_live("name")),
    Step("dept.code", "department.code", lambda c, p: c.draft.department.code or "", _set_text(_dept, "code"),
         field="department.code", live=_dept_text_live("code")),
    Step("draft.year", "year", lambda c, p: str(c.draft.year or ""), _apply_year,
         default=lambda c, p: str(c.draft.year or ""), required=True, field="draft.year"),
    Step("draft.framework", "profile", _profile_number, _apply_profile, default=_profile_number,
         choices=_profile_choices, field="draft.profile"),
    Step("dept.overall_goal", "department.overall_goal", lambda c, p: c.draft.department.overall_goal or "",
         _set_text(_dept, "overall_goal"), multiline=True, field="department.overall_goal",
         # left blank: the department part is skipped (only a project's table is filed), as the question says
         next=lambda c, p: next_in_order(c, p) if c.draft.department.overall_goal or c.draft.department.sub_goals
         else Position("project.name", 0),
         live=lambda c, p, t: [f for f in checks.check_department(replace(c.draft, department=replace(c.draft.department, overall_goal=t)))
                               if f.path == "department.overall_goal"] if t.strip() else []),
    Step("dept.sub_goals", "department.sub_goals[{i}].text",
         lambda c, p: (c.draft.department.sub_goals[p.index].text or "") if p.index < len(c.draft.department.sub_goals) else "",
         _apply_sub_goal, multiline=True, answer=_sub_goal_answer, skip=lambda c, p: Position("dept.safeguards"),
         question=lambda c, p: STEP_TEXTS["dept.sub_goals"].prompt.format(n=p.index + 1),
         resume=lambda c, p: p if p.index <= len(c.draft.department.sub_goals) else replace(p, index=len(c.draft.department.sub_goals))),
    Step("dept.safeguards", "department.safeguards", lambda c, p: c.draft.department.safeguards or "",
         _set_text(_dept, "safeguards"), multiline=True, field="department.safeguards"),
    # Not asked in order (a draft of project tables has no department budget): reached by /jump 部门预算
    # and from the findings list (PD407), it returns where the user came from.
    Step("dept.budget", "department.budget.total", _dept_budget_read, _dept_budget_apply,
         live=_dept_budget_live, question=_dept_budget_question, next=lambda c, p: Position("draft.review")),
    Step("project.name", "projects[{p}].name", lambda c, p: _project(c, p).name or "" if p.project < len(c.draft.projects) else "",
         _apply_name, required=True, answer=_name_answer, field="project.name", live=project_text_live("name", ("PD327", "PD331")),
         question=lambda c, p: STEP_TEXTS["project.name"].prompt.format(
             n=p.project + 1, end="" if p.project < len(c.draft.projects) else "；直接回车结束添加项目")),
    Step("project.template", "projects[{p}].template", _template_read, _apply_template,
         default=_template_default, choices=_template_choices,
         question=_template_question, settled=_template_settled),
    Step("project.code", "projects[{p}].code", lambda c, p: _project(c, p).code or "", _set_text(_project, "code"),
         field="project.code", live=project_text_live("code")),
    Step("project.doc_number", "projects[{p}].doc_number", lambda c, p: _project(c, p).doc_number or "", _apply_doc_number,
         question=_doc_question, arrive=_doc_arrive, field="project.doc_number"),
    registry_step("project.authority", default=dept_name, live=project_text_live("authority")),
    registry_step("project.unit", default=dept_name, live=project_text_live("unit")),
    registry_step("project.category"),
    registry_step("project.nature"),
    registry_step("project.period_start", default=period_start_default, live=period_live("project.period_start")),
    registry_step("project.period_end", default=period_end_default, live=period_live("project.period_end")),
    Step("project.budget.total", "projects[{p}].budget.total", money_read("total"), money_apply("total"),
         live=money_live("total"), required=True, field="project.budget.total"),
    Step("project.budget.fiscal", "projects[{p}].budget.fiscal", money_read("fiscal"), money_apply("fiscal"),
         default=fiscal_default, live=money_live("fiscal"), empty="default", prefill=lambda c, p: "",
         question=fiscal_question, field="project.budget.fiscal"),
    Step("project.budget.other", "projects[{p}].budget.other", money_read("other"), money_apply("other"),
         default=other_default, live=money_live("other"), empty="default", prefill=lambda c, p: "",
         question=other_question, field="project.budget.other"),
    registry_step("project.total_amount", default=total_amount_default, live=total_amount_live),
    registry_step("project.basis_text", multiline=True),
    Step("project.purpose", "projects[{p}].purpose", lambda c, p: _project(c, p).purpose or "",
         _set_text(_project, "purpose"), multiline=True, field="project.purpose", live=project_text_live("purpose")),
    Step("project.spending_plan", "projects[{p}].spending_plan", lambda c, p: plan_text(_project(c, p).spending_plan),
         apply_plan, default=lambda c, p: "25 50 75 100", live=plan_live, field="project.spending_plan"),
    Step("project.goal", "projects[{p}].goal", lambda c, p: _project(c, p).goal or "", apply_goal,
         default=goal_default, live=goal_live, multiline=True, question=goal_question,
         suggestion=goal_suggestion, choices=goal_choices, answer=goal_answer, field="project.goal"),
    registry_step("project.overall_goal", multiline=True),
]}

DEPT_STEP_ORDER = ["dept.name", "dept.code", "draft.year", "draft.framework", "dept.overall_goal", "dept.sub_goals",
                   "dept.safeguards"]
# Asked first whatever the table's order: the name finds the template and may carry a 文号.
_PROJECT_HEAD = ("project.name", "project.template", "project.doc_number")
# Asked after the 年度 indicators: the 中期 block (the 年度 rows can then be copied as a start).
_MID_BLOCK = ("project.overall_goal", "overall.rows")


def multi_year(c: Ctx, project: Project | None) -> bool:
    """A 中期 target block: the table has one, or the project runs over several years."""
    if c.profile.multi_year:
        return True
    return project is not None and bool(project.period_start and project.period_end
                                        and project.period_start != project.period_end)


def project_order(c: Ctx, pi: int) -> list[str]:
    """The project's steps for this draft's profile, in the order its table reads."""
    profile = c.profile
    project = c.draft.projects[pi] if pi < len(c.draft.projects) else None
    head = ["project.name", "project.template"]
    body = [k for k in profile.header if k in STEPS and k not in _PROJECT_HEAD and k not in _MID_BLOCK]
    if profile.has("project.doc_number"):  # the 文号 split off the name is asked with the codes
        body.insert(body.index("project.code") + 1 if "project.code" in body else 0, "project.doc_number")
    if "project.goal" in body:  # the 年度 goal leads into its indicators
        body.remove("project.goal")
    tail = ["project.goal", "indicators"]
    if multi_year(c, project):
        tail += list(_MID_BLOCK)
    return head + body + tail + ["project.review"]


def next_in_order(c: Ctx, pos: Position) -> Position:
    sid = pos.step
    if sid in DEPT_STEP_ORDER:
        i = DEPT_STEP_ORDER.index(sid)
        return Position(DEPT_STEP_ORDER[i + 1]) if i + 1 < len(DEPT_STEP_ORDER) else Position("project.name", 0)
    order = project_order(c, pos.project)
    if sid in order:
        return Position(order[order.index(sid) + 1], pos.project)
    return Position("project.review", pos.project)  # a field this table does not ask for, reached by /jump
