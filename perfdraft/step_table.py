"""The drafting steps as data, and the order a draft's profile walks them in.

Every state of the conversation is a ``Step``: how to read the current value, its default and
choices, the live check while typing, how to apply an answer, where the answer leads (``next``),
what ``/skip`` does, where a saved resume marker of the step reopens, and whether the step is
already settled (a cloned draft asks only what is new or to confirm). Steps see a narrow
``StepContext`` (step_context.py), never the engine. This module holds the department and project
field steps; indicator_steps.py the indicator rows and the 中期 block; review_steps.py the reviews.
The words users see live in ``steps.py``; which project fields are asked comes from the draft's
profile (``profile.header``), in the order its table reads.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import fields, frameworks, profiles
from ._lazy import lazy_module
from .answers import FULL_WIDTH, parse_money, parse_plan, plan_text
from .model import Project, SubGoal, format_number
from .names import split_doc_number
from .prompts import Choice, Message, Position, Rejected
from .steps import STEP_TEXTS

if TYPE_CHECKING:
    from .checks import Finding
    from .step_context import StepContext as Ctx
else:
    Ctx = Any  # steps see only the StepContext's public attributes

# Loaded on first use, after the first screen is up (start-up budget: design.md).
checks = lazy_module("perfdraft.checks")

Answer = tuple[Position, list["Finding"]]


@dataclass(frozen=True)
class Step:
    id: str
    path: str  # path template; {p} = project index, {i} = index, {r} = row, {f} = field
    read: Callable[[Ctx, Position], str]  # the current value, to edit in place
    apply: Callable[[Ctx, Position, str], None] = lambda c, pos, t: None
    default: Callable[[Ctx, Position], str] = lambda c, pos: ""
    choices: Callable[[Ctx, Position], list[Choice]] = lambda c, pos: []
    live: Callable[[Ctx, Position, str], list[Finding]] = lambda c, pos, t: []
    required: bool = False
    multiline: bool = False
    # An empty line answers the default ("default") or keeps the current value ("keep").
    empty: str = "keep"
    # What the step says and shows; None = the words of steps.STEP_TEXTS.
    question: Callable[[Ctx, Position], str] | None = None
    title: Callable[[Ctx, Position], str] | None = None
    prefill: Callable[[Ctx, Position], str] | None = None  # None = read
    suggestion: Callable[[Ctx, Position], str] = lambda c, pos: ""  # text to edit (Tab), never taken by Enter
    group_help: Callable[[Ctx, Position], str] = lambda c, pos: ""
    # Where things lead; None = the generic field behaviour (apply, then the next step in order).
    answer: Callable[[Ctx, Position, str], Answer] | None = None
    next: Callable[[Ctx, Position], Position] | None = None
    skip: Callable[[Ctx, Position], Position] | None = None
    resume: Callable[[Ctx, Position], Position] = lambda c, pos: pos
    # Passed over on arrival when true (a cloned draft: filled, valid, not to confirm).
    settled: Callable[[Ctx, Position], bool] | None = None
    # Redirect on arrival, always (no 文号 in the name: nothing to ask); None = stay.
    arrive: Callable[[Ctx, Position], Position | None] = lambda c, pos: None
    # What arriving shows (a review's table and findings).
    shows: Callable[[Ctx, Position], list[Message]] = lambda c, pos: []
    # After a /jump, an answer here returns where the user came from.
    returns: bool = True
    # A label for the checker's field path this step edits (fields.py key), for /jump by label.
    field: str = ""


def _project(c: Ctx, pos: Position) -> Project:
    return c.draft.projects[pos.project]


def _set_text(getter: Callable[[Ctx, Position], Any], attr: str):
    def apply(c: Ctx, pos: Position, text: str) -> None:
        setattr(getter(c, pos), attr, text.strip() or None)

    return apply


def _dept(c: Ctx, pos: Position):
    return c.draft.department


def _apply_year(c: Ctx, pos: Position, text: str) -> None:
    m = re.fullmatch(r"\s*(\d{4})\s*年?\s*", text.translate(FULL_WIDTH))
    if not m or not 2000 <= int(m.group(1)) <= 2100:
        raise Rejected(f"“{text}”不是年份；请写四位数，如 2021")
    c.draft.year = int(m.group(1))


# The order profiles are offered in: 1 and 2 keep their meaning from before profiles existed.
PROFILE_ORDER = ("hebei-2020", "central-2021", "local-2015", "hubei-2013", "guangdong", "ndrc-investment",
                 "sichuan-grid", "self-evaluation")


def _profile_number(c: Ctx, pos: Position) -> str:
    return str(PROFILE_ORDER.index(profiles.for_draft(c.draft).id) + 1)


def _apply_profile(c: Ctx, pos: Position, text: str) -> None:
    t = text.strip()
    chosen = PROFILE_ORDER[int(t) - 1] if t.isdigit() and 1 <= int(t) <= len(PROFILE_ORDER) else t
    if chosen in frameworks.FRAMEWORKS and chosen not in profiles.PROFILES:
        chosen = profiles.BY_FRAMEWORK[chosen]  # a framework id typed by someone who knows the old answer
    if chosen not in profiles.PROFILES:
        raise Rejected(f"请输入 1–{len(PROFILE_ORDER)} 中的编号（1 地方通用，2 中央 2021 口径）")
    profile = profiles.PROFILES[chosen]
    c.draft.profile = profile.id
    c.draft.framework = profile.framework


def _profile_choices(c: Ctx, pos: Position) -> list[Choice]:
    return [Choice(profiles.PROFILES[pid].title, str(i), pid) for i, pid in enumerate(PROFILE_ORDER, 1)]


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
        raise Rejected("项目名称不能为空；要结束添加项目请直接回车")
    _project(c, pos).name = text


def _name_answer(c: Ctx, pos: Position, text: str) -> Answer:
    if pos.project >= len(c.draft.projects):
        if not text.strip():
            return Position("draft.review"), []  # Enter on a new project's name: no more projects
        c.draft.projects.append(Project())
    return field_answer(c, STEPS["project.name"], pos, text)


def _template_choices(c: Ctx, pos: Position) -> list[Choice]:
    name = _project(c, pos).name or ""
    cat = c.catalogue()
    if cat is None or not name:
        return []
    out = []
    for s in cat.suggest_templates(name, limit=5):
        sector = cat.sectors.get(s.template.sector)
        out.append(Choice(s.template.name, s.template.id,
                          f"{sector.name if sector else s.template.sector} · {len(s.template.indicators)} 条指标 · {s.reason}"))
    return out


def _apply_template(c: Ctx, pos: Position, text: str) -> None:
    text = text.strip()
    p = _project(c, pos)
    if text in ("0", "无", "不用", "none"):
        p.template = None
        return
    choices = _template_choices(c, pos)
    if text.isdigit() and 1 <= int(text) <= len(choices):
        p.template = choices[int(text) - 1].value
        return
    cat = c.catalogue()
    if cat is not None and text in cat.templates:
        p.template = text
        return
    raise Rejected(f"请输入 1–{len(choices)} 选择模板，或 0 不用模板" if choices else "没有可选模板；输入 0 继续")


def _template_question(c: Ctx, pos: Position) -> str:
    if not _template_choices(c, pos):
        return "指标库中没有找到相近的模板。回车继续（之后可以逐条添加指标）。"
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


def _money_apply(attr: str):
    def apply(c: Ctx, pos: Position, text: str) -> None:
        setattr(_project(c, pos).budget, attr, parse_money(text) if text.strip() else None)

    return apply


def _money_read(attr: str):
    def read(c: Ctx, pos: Position) -> str:
        v = getattr(_project(c, pos).budget, attr)
        return "" if v is None else format_number(v)

    return read


def _budget_to_confirm(p: Project) -> bool:
    return "budget" in p.confirm or "budget.total" in p.confirm


def _fiscal_default(c: Ctx, pos: Position) -> str:
    """Enter = the same as 预算数, as the question says — unless this year's figure is already settled."""
    b = _project(c, pos).budget
    if b.fiscal is not None and not _budget_to_confirm(_project(c, pos)) and (b.total is None or b.fiscal <= b.total):
        return format_number(b.fiscal)
    return format_number(b.total) if b.total is not None else ""


def _fiscal_question(c: Ctx, pos: Position) -> str:
    p = _project(c, pos)
    b = p.budget
    default = _fiscal_default(c, pos)
    if b.total is not None and default == format_number(b.total):
        q = "其中财政资金是多少元？（回车 = 与预算数相同）"
    else:
        q = f"其中财政资金是多少元？（回车 = 保留 {default}）" if default else "其中财政资金是多少元？"
    if b.fiscal is not None and _budget_to_confirm(p) and format_number(b.fiscal) != default:
        q += f"\n上年为 {format_number(b.fiscal)}"
    return q


def _other_default(c: Ctx, pos: Position) -> str:
    b = _project(c, pos).budget
    if b.total is not None and b.fiscal is not None:
        return format_number(b.total - b.fiscal)
    return "0"


def _money_live(attr: str):
    def live(c: Ctx, pos: Position, text: str) -> list[Finding]:
        if not text.strip():
            return []
        try:
            amount = parse_money(text)
        except Rejected as exc:
            return [checks.Finding("PD306", "error", f"projects[{pos.project}].budget.{attr}", str(exc))]
        b = copy.copy(_project(c, pos).budget)
        setattr(b, attr, amount)
        if attr == "fiscal" and b.total is not None and amount > b.total:
            return [checks.Finding("PD306", "error", f"projects[{pos.project}].budget.fiscal",
                                   f"财政资金 {format_number(amount)} 超过预算数 {format_number(b.total)}")]
        if attr == "other" and b.total is not None and b.fiscal is not None and abs(b.total - b.fiscal - amount) > Decimal("0.01"):
            return [checks.Finding("PD306", "error", f"projects[{pos.project}].budget.other",
                                   f"预算数 {format_number(b.total)} ≠ 财政资金 {format_number(b.fiscal)} + 其他资金 {format_number(amount)}",
                                   f"其他资金应为 {format_number(b.total - b.fiscal)}")]
        return []

    return live


def _plan_live(c: Ctx, pos: Position, text: str) -> list[Finding]:
    if not text.strip():
        return []
    try:
        plan = parse_plan(text)
    except Rejected as exc:
        return [checks.Finding("PD308", "error", f"projects[{pos.project}].spending_plan", str(exc))]
    p = replace(_project(c, pos), spending_plan=plan, indicators=[])
    return [f for f in checks.check_project(p, c.draft.framework, f"projects[{pos.project}]")
            if f.code in ("PD308", "PD309", "PD310")]


def _purpose_live(c: Ctx, pos: Position, text: str) -> list[Finding]:
    """The purpose against the budget (a carried-over text still naming last year's amount)."""
    if not text.strip():
        return []
    p = replace(_project(c, pos), purpose=text, indicators=[])
    prefix = f"projects[{pos.project}].purpose"
    return [f for f in checks.check_project(p, c.draft.framework, f"projects[{pos.project}]") if f.path.startswith(prefix)]


def _apply_plan(c: Ctx, pos: Position, text: str) -> None:
    _project(c, pos).spending_plan = parse_plan(text) if text.strip() else None


def _goal_pattern(c: Ctx, pos: Position) -> str:
    """The template's goal sentence with what is known filled in; counts only the user knows stay □."""
    p = _project(c, pos)
    t = c.template(p)
    if not t or not t.goal_pattern:
        return ""
    total = p.budget.total
    known = {"year": str(c.draft.year or ""), "budget": format_number(total) if total is not None else "□",
             "budget_wan": format_number((total / 10000).normalize()) if total is not None else "□"}
    for ind in t.indicators:
        bare = re.sub(r"^[≥≤=<>]", "", ind.typical)
        if "满意度" in ind.name:
            known.setdefault("satisfaction", bare)
        elif ind.name.endswith("率") and ind.unit == "%":
            known.setdefault("rate", bare)
    return re.sub(r"\{(\w+)\}", lambda m: known.get(m.group(1), "□"), t.goal_pattern)


def _goal_default(c: Ctx, pos: Position) -> str:
    pattern = _goal_pattern(c, pos)
    return "" if "□" in pattern else pattern  # a sentence with blanks is to edit, never taken by Enter


def _goal_suggestion(c: Ctx, pos: Position) -> str:
    pattern = _goal_pattern(c, pos)
    return pattern if "□" in pattern else ""


def _goal_question(c: Ctx, pos: Position) -> str:
    q = STEP_TEXTS["project.goal"].prompt
    suggestion = _goal_suggestion(c, pos)
    if suggestion:
        q += f"\n建议句式（按 Tab 填入，再把 □ 换成实际数字）：{suggestion}"
    return q


def _goal_live(c: Ctx, pos: Position, text: str) -> list[Finding]:
    if not text.strip():
        return []
    if "□" in text:
        return [checks.Finding("PD301", "error", f"projects[{pos.project}].goal", "句式中还有 □ 没有换成实际数字")]
    p = replace(_project(c, pos), goal=text, indicators=[])
    return [f for f in checks.check_project(p, c.draft.framework, f"projects[{pos.project}]") if f.code in ("PD301", "PD302")]


def _goal_answer(c: Ctx, pos: Position, text: str) -> Answer:
    if not text.strip() and not _project(c, pos).goal and _goal_suggestion(c, pos):
        raise Rejected("还没有写绩效目标。按 Tab 填入上面的建议句式，把 □ 换成实际数字后回车；"
                       "也可以直接写自己的目标。")
    return field_answer(c, STEPS["project.goal"], pos, text)


def _apply_goal(c: Ctx, pos: Position, text: str) -> None:
    if "□" in text:
        raise Rejected("句式中还有 □ 没有换成实际数字，请改好再回车")
    _project(c, pos).goal = text.strip() or None


# --- header fields declared in the registry (项目类别, 主管部门, 项目期 …) ------------------------


def _registry_read(key: str):
    f = fields.FIELDS[key]

    def read(c: Ctx, pos: Position) -> str:
        v = f.get(_project(c, pos))
        if v is None:
            return ""
        return format_number(v) if isinstance(v, Decimal) else str(v)

    return read


def _registry_apply(key: str):
    f = fields.FIELDS[key]

    def apply(c: Ctx, pos: Position, text: str) -> None:
        t = text.strip()
        if f.choices and t.isdigit() and 1 <= int(t) <= len(f.choices):
            t = f.choices[int(t) - 1]
        try:
            f.set(_project(c, pos), fields.parse(f, t))
        except fields.FieldValueError as exc:
            raise Rejected(str(exc)) from None

    return apply


def _registry_choices(key: str):
    f = fields.FIELDS[key]
    return lambda c, pos: [Choice(ch, str(i)) for i, ch in enumerate(f.choices, 1)]


def _period_live(c: Ctx, pos: Position, text: str) -> list[Finding]:
    t = text.strip().translate(FULL_WIDTH)
    if t and not re.fullmatch(r"(19|20|21)\d\d(-(0?[1-9]|1[0-2]))?", t.rstrip("年")):
        return [checks.Finding("PD302", "error", f"projects[{pos.project}].period",
                               f"“{text}”不是年份；写四位数年份，如 2021，或 2021-03")]
    return []


def _period_apply(key: str):
    inner = _registry_apply(key)

    def apply(c: Ctx, pos: Position, text: str) -> None:
        inner(c, pos, text.strip().translate(FULL_WIDTH).rstrip("年"))

    return apply


def _dept_name(c: Ctx, pos: Position) -> str:
    return c.draft.department.name or ""


def _period_start_default(c: Ctx, pos: Position) -> str:
    return str(c.draft.year or "")


def _period_end_default(c: Ctx, pos: Position) -> str:
    return _project(c, pos).period_start or str(c.draft.year or "")


def _total_amount_default(c: Ctx, pos: Position) -> str:
    p = _project(c, pos)
    if p.budget.total is not None and (p.period_start or "") == (p.period_end or ""):
        return format_number(p.budget.total)  # a one-year project: the whole is this year's amount
    return ""


def _total_amount_live(c: Ctx, pos: Position, text: str) -> list[Finding]:
    if not text.strip():
        return []
    try:
        amount = parse_money(text)
    except Rejected as exc:
        return [checks.Finding("PD306", "error", f"projects[{pos.project}].total_amount", str(exc))]
    year = _project(c, pos).budget.total
    if year is not None and amount < year:
        return [checks.Finding("PD306", "error", f"projects[{pos.project}].total_amount",
                               f"项目总额 {format_number(amount)} 小于本年预算数 {format_number(year)}")]
    return []


def _registry_step(key: str, **kw: Any) -> Step:
    f = fields.FIELDS[key]
    extra: dict[str, Any] = {"choices": _registry_choices(key)} if f.choices else {}
    extra.update(kw)
    extra.setdefault("apply", _registry_apply(key))
    return Step(key, f"projects[{{p}}].{f.attr}", _registry_read(key), field=key, **extra)


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
        prefix = f"projects[{pos.project}].{key}"
        errors = [f for f in checks.check_project(project, c.draft.framework, f"projects[{pos.project}]")
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


STEPS: dict[str, Step] = {s.id: s for s in [
    Step("dept.name", "department.name", lambda c, p: c.draft.department.name or "", _set_text(_dept, "name"),
         required=True, field="department.name"),
    Step("dept.code", "department.code", lambda c, p: c.draft.department.code or "", _set_text(_dept, "code"),
         field="department.code"),
    Step("draft.year", "year", lambda c, p: str(c.draft.year or ""), _apply_year,
         default=lambda c, p: str(c.draft.year or ""), required=True, field="draft.year"),
    Step("draft.framework", "profile", _profile_number, _apply_profile, default=_profile_number,
         choices=_profile_choices, field="draft.profile"),
    Step("dept.overall_goal", "department.overall_goal", lambda c, p: c.draft.department.overall_goal or "",
         _set_text(_dept, "overall_goal"), multiline=True, field="department.overall_goal",
         live=lambda c, p, t: [f for f in checks.check_department(replace(c.draft, department=replace(c.draft.department, overall_goal=t)))
                               if f.code == "PD406"] if t.strip() else []),
    Step("dept.sub_goals", "department.sub_goals[{i}].text",
         lambda c, p: (c.draft.department.sub_goals[p.index].text or "") if p.index < len(c.draft.department.sub_goals) else "",
         _apply_sub_goal, multiline=True, answer=_sub_goal_answer, skip=lambda c, p: Position("dept.safeguards"),
         question=lambda c, p: STEP_TEXTS["dept.sub_goals"].prompt.format(n=p.index + 1),
         resume=lambda c, p: p if p.index <= len(c.draft.department.sub_goals) else replace(p, index=len(c.draft.department.sub_goals))),
    Step("dept.safeguards", "department.safeguards", lambda c, p: c.draft.department.safeguards or "",
         _set_text(_dept, "safeguards"), multiline=True, field="department.safeguards"),
    Step("project.name", "projects[{p}].name", lambda c, p: _project(c, p).name or "" if p.project < len(c.draft.projects) else "",
         _apply_name, required=True, answer=_name_answer, field="project.name",
         question=lambda c, p: STEP_TEXTS["project.name"].prompt.format(n=p.project + 1)),
    Step("project.template", "projects[{p}].template", lambda c, p: _project(c, p).template or "", _apply_template,
         default=lambda c, p: "1" if _template_choices(c, p) else "0", choices=_template_choices,
         question=_template_question, settled=_template_settled),
    Step("project.code", "projects[{p}].code", lambda c, p: _project(c, p).code or "", _set_text(_project, "code"),
         field="project.code"),
    Step("project.doc_number", "projects[{p}].doc_number", lambda c, p: _project(c, p).doc_number or "", _apply_doc_number,
         question=_doc_question, arrive=_doc_arrive, field="project.doc_number"),
    _registry_step("project.authority", default=_dept_name),
    _registry_step("project.unit", default=_dept_name),
    _registry_step("project.category"),
    _registry_step("project.nature"),
    _registry_step("project.period_start", default=_period_start_default, live=_period_live,
                   apply=_period_apply("project.period_start")),
    _registry_step("project.period_end", default=_period_end_default, live=_period_live,
                   apply=_period_apply("project.period_end")),
    Step("project.budget.total", "projects[{p}].budget.total", _money_read("total"), _money_apply("total"),
         live=_money_live("total"), required=True, field="project.budget.total"),
    Step("project.budget.fiscal", "projects[{p}].budget.fiscal", _money_read("fiscal"), _money_apply("fiscal"),
         default=_fiscal_default, live=_money_live("fiscal"), empty="default", prefill=lambda c, p: "",
         question=_fiscal_question, field="project.budget.fiscal"),
    Step("project.budget.other", "projects[{p}].budget.other", _money_read("other"), _money_apply("other"),
         default=_other_default, live=_money_live("other"), empty="default", prefill=lambda c, p: "",
         field="project.budget.other"),
    _registry_step("project.total_amount", default=_total_amount_default, live=_total_amount_live),
    _registry_step("project.basis_text", multiline=True),
    Step("project.purpose", "projects[{p}].purpose", lambda c, p: _project(c, p).purpose or "",
         _set_text(_project, "purpose"), multiline=True, field="project.purpose", live=_purpose_live),
    Step("project.spending_plan", "projects[{p}].spending_plan", lambda c, p: plan_text(_project(c, p).spending_plan),
         _apply_plan, default=lambda c, p: "25 50 75 100", live=_plan_live, field="project.spending_plan"),
    Step("project.goal", "projects[{p}].goal", lambda c, p: _project(c, p).goal or "", _apply_goal,
         default=_goal_default, live=_goal_live, multiline=True, question=_goal_question,
         suggestion=_goal_suggestion, answer=_goal_answer, field="project.goal"),
    _registry_step("project.overall_goal", multiline=True),
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
