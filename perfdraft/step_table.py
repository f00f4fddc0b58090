"""The drafting steps as data: for each, how to read the current value, its default and choices,
the live check while typing, and how to apply the answer to the draft.

The words users see (questions, help) live in ``steps.py``; the engine that walks these steps is
``conversation.Conversation``. Indicator rows are asked by the engine itself (they are a loop over
catalogue candidates, not one field).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import frameworks, profiles
from ._lazy import lazy_module
from .answers import FULL_WIDTH, parse_money, parse_plan, plan_text
from .model import Project, SubGoal, format_number
from .names import split_doc_number
from .prompts import Choice, Position, Rejected
from .steps import STEP_TEXTS

if TYPE_CHECKING:
    from .checks import Finding
    from .conversation import Conversation

# Loaded on first use, after the first screen is up (start-up budget: design.md).
checks = lazy_module("perfdraft.checks")


@dataclass(frozen=True)
class Step:
    id: str
    path: str  # path template; {p} = project index
    read: Callable[[Conversation, Position], str]
    apply: Callable[[Conversation, Position, str], None]
    default: Callable[[Conversation, Position], str] = lambda c, pos: ""
    choices: Callable[[Conversation, Position], list[Choice]] = lambda c, pos: []
    live: Callable[[Conversation, Position, str], list[Finding]] = lambda c, pos, t: []
    required: bool = False
    multiline: bool = False


def _project(c: Conversation, pos: Position) -> Project:
    return c.draft.projects[pos.project]


def _set_text(getter: Callable[[Conversation, Position], Any], attr: str):
    def apply(c: Conversation, pos: Position, text: str) -> None:
        setattr(getter(c, pos), attr, text.strip() or None)

    return apply


def _dept(c: Conversation, pos: Position):
    return c.draft.department


def _apply_year(c: Conversation, pos: Position, text: str) -> None:
    m = re.fullmatch(r"\s*(\d{4})\s*年?\s*", text.translate(FULL_WIDTH))
    if not m or not 2000 <= int(m.group(1)) <= 2100:
        raise Rejected(f"“{text}”不是年份；请写四位数，如 2021")
    c.draft.year = int(m.group(1))


# The order profiles are offered in: 1 and 2 keep their meaning from before profiles existed.
PROFILE_ORDER = ("hebei-2020", "central-2021", "local-2015", "hubei-2013", "guangdong", "ndrc-investment",
                 "sichuan-grid", "self-evaluation")


def _profile_number(c: Conversation, pos: Position) -> str:
    return str(PROFILE_ORDER.index(profiles.for_draft(c.draft).id) + 1)


def _apply_profile(c: Conversation, pos: Position, text: str) -> None:
    t = text.strip()
    chosen = PROFILE_ORDER[int(t) - 1] if t.isdigit() and 1 <= int(t) <= len(PROFILE_ORDER) else t
    if chosen in frameworks.FRAMEWORKS and chosen not in profiles.PROFILES:
        chosen = profiles.BY_FRAMEWORK[chosen]  # a framework id typed by someone who knows the old answer
    if chosen not in profiles.PROFILES:
        raise Rejected(f"请输入 1–{len(PROFILE_ORDER)} 中的编号（1 地方通用，2 中央 2021 口径）")
    profile = profiles.PROFILES[chosen]
    c.draft.profile = profile.id
    c.draft.framework = profile.framework


def _profile_choices(c: Conversation, pos: Position) -> list[Choice]:
    return [Choice(profiles.PROFILES[pid].title, str(i), pid) for i, pid in enumerate(PROFILE_ORDER, 1)]


def _apply_sub_goal(c: Conversation, pos: Position, text: str) -> None:
    goals = c.draft.department.sub_goals
    text = re.sub(r"^\s*\d+\s*[、.．]\s*", "", text.strip())  # numbering is the table's, not the text's
    if pos.index < len(goals):
        goals[pos.index].text = text or None
    elif text:
        goals.append(SubGoal(text))


def _apply_name(c: Conversation, pos: Position, text: str) -> None:
    text = text.strip()
    if not text:
        raise Rejected("项目名称不能为空；要结束添加项目请直接回车")
    _project(c, pos).name = text


def _template_search(c: Conversation, pos: Position) -> Any:
    name = _project(c, pos).name or ""
    cat = c.catalogue()
    if cat is None or not name:
        return None
    return cat.search(name, limit=5)


def template_fits(c: Conversation, pos: Position) -> bool:
    """The best template is a good fit (Enter takes it); otherwise only 共性 templates and weak matches."""
    found = _template_search(c, pos)
    return bool(found and found.fits)


def _template_choices(c: Conversation, pos: Position) -> list[Choice]:
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


def _template_default(c: Conversation, pos: Position) -> str:
    # Enter never takes a weak match: without a good fit it means "no template".
    return "1" if template_fits(c, pos) else "0"


def _apply_template(c: Conversation, pos: Position, text: str) -> None:
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


def _apply_doc_number(c: Conversation, pos: Position, text: str) -> None:
    p = _project(c, pos)
    t = text.strip().lower()
    if t in ("n", "no", "否", "不"):
        return
    rest, doc = split_doc_number(p.name or "")
    if t in ("", "y", "yes", "是", "好") and doc:
        p.name, p.doc_number = rest, doc
    elif t:
        p.doc_number = text.strip()


def _money_apply(attr: str):
    def apply(c: Conversation, pos: Position, text: str) -> None:
        setattr(_project(c, pos).budget, attr, parse_money(text) if text.strip() else None)

    return apply


def _money_read(attr: str):
    def read(c: Conversation, pos: Position) -> str:
        v = getattr(_project(c, pos).budget, attr)
        return "" if v is None else format_number(v)

    return read


def _fiscal_default(c: Conversation, pos: Position) -> str:
    b = _project(c, pos).budget
    return format_number(b.total) if b.total is not None else ""


def _other_default(c: Conversation, pos: Position) -> str:
    b = _project(c, pos).budget
    if b.total is not None and b.fiscal is not None:
        return format_number(b.total - b.fiscal)
    return "0"


def _money_live(attr: str):
    def live(c: Conversation, pos: Position, text: str) -> list[Finding]:
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


def _plan_live(c: Conversation, pos: Position, text: str) -> list[Finding]:
    if not text.strip():
        return []
    try:
        plan = parse_plan(text)
    except Rejected as exc:
        return [checks.Finding("PD308", "error", f"projects[{pos.project}].spending_plan", str(exc))]
    p = replace(_project(c, pos), spending_plan=plan, indicators=[])
    return [f for f in checks.check_project(p, c.draft.framework, f"projects[{pos.project}]", profile=c.draft.profile)
            if f.code in ("PD308", "PD309", "PD310")]


def _apply_plan(c: Conversation, pos: Position, text: str) -> None:
    _project(c, pos).spending_plan = parse_plan(text) if text.strip() else None


def _goal_default(c: Conversation, pos: Position) -> str:
    p = _project(c, pos)
    cat = c.catalogue()
    t = cat.templates.get(p.template or "") if cat else None
    if not t or not t.goal_pattern:
        return ""
    total = p.budget.total
    known = {"year": str(c.draft.year or ""), "budget": format_number(total) if total is not None else "□",
             "budget_wan": format_number((total / 10000).normalize()) if total is not None else "□"}
    # Targets the template proposes fill a slot only from the row the sentence names; counts that only
    # the user knows stay □ so the goal cannot be accepted with a blank in it.
    from .catalogue import goal_figures

    known.update({k: v for k, v in goal_figures(t).items() if k not in known})
    return re.sub(r"\{(\w+)\}", lambda m: known.get(m.group(1), "□"), t.goal_pattern)


def _goal_live(c: Conversation, pos: Position, text: str) -> list[Finding]:
    if not text.strip():
        return []
    p = replace(_project(c, pos), goal=text, indicators=[])
    out = [f for f in checks.check_project(p, c.draft.framework, f"projects[{pos.project}]", profile=c.draft.profile) if f.code in ("PD301", "PD302")]
    if "□" in text:
        out.insert(0, checks.Finding("PD301", "error", f"projects[{pos.project}].goal", "句式中还有 □ 没有换成实际数字"))
    return out


def _apply_goal(c: Conversation, pos: Position, text: str) -> None:
    if "□" in text:
        raise Rejected("句式中还有 □ 没有换成实际数字，请改好再回车")
    _project(c, pos).goal = text.strip() or None


STEPS: dict[str, Step] = {s.id: s for s in [
    Step("dept.name", "department.name", lambda c, p: c.draft.department.name or "", _set_text(_dept, "name"), required=True),
    Step("dept.code", "department.code", lambda c, p: c.draft.department.code or "", _set_text(_dept, "code")),
    Step("draft.year", "year", lambda c, p: str(c.draft.year or ""), _apply_year,
         default=lambda c, p: str(c.draft.year or ""), required=True),
    Step("draft.framework", "profile", _profile_number, _apply_profile, default=_profile_number,
         choices=_profile_choices),
    Step("dept.overall_goal", "department.overall_goal", lambda c, p: c.draft.department.overall_goal or "",
         _set_text(_dept, "overall_goal"), multiline=True,
         live=lambda c, p, t: [f for f in checks.check_department(replace(c.draft, department=replace(c.draft.department, overall_goal=t)))
                               if f.code == "PD406"] if t.strip() else []),
    Step("dept.sub_goals", "department.sub_goals[{i}].text",
         lambda c, p: (c.draft.department.sub_goals[p.index].text or "") if p.index < len(c.draft.department.sub_goals) else "",
         _apply_sub_goal, multiline=True),
    Step("dept.safeguards", "department.safeguards", lambda c, p: c.draft.department.safeguards or "",
         _set_text(_dept, "safeguards"), multiline=True),
    Step("project.name", "projects[{p}].name", lambda c, p: _project(c, p).name or "" if p.project < len(c.draft.projects) else "",
         _apply_name, required=True),
    Step("project.template", "projects[{p}].template", lambda c, p: _project(c, p).template or "", _apply_template,
         default=_template_default, choices=_template_choices),
    Step("project.code", "projects[{p}].code", lambda c, p: _project(c, p).code or "", _set_text(_project, "code")),
    Step("project.doc_number", "projects[{p}].doc_number", lambda c, p: _project(c, p).doc_number or "", _apply_doc_number),
    Step("project.budget.total", "projects[{p}].budget.total", _money_read("total"), _money_apply("total"),
         live=_money_live("total"), required=True),
    Step("project.budget.fiscal", "projects[{p}].budget.fiscal", _money_read("fiscal"), _money_apply("fiscal"),
         default=_fiscal_default, live=_money_live("fiscal")),
    Step("project.budget.other", "projects[{p}].budget.other", _money_read("other"), _money_apply("other"),
         default=_other_default, live=_money_live("other")),
    Step("project.purpose", "projects[{p}].purpose", lambda c, p: _project(c, p).purpose or "",
         _set_text(_project, "purpose"), multiline=True),
    Step("project.spending_plan", "projects[{p}].spending_plan", lambda c, p: plan_text(_project(c, p).spending_plan),
         _apply_plan, default=lambda c, p: "25 50 75 100", live=_plan_live),
    Step("project.goal", "projects[{p}].goal", lambda c, p: _project(c, p).goal or "", _apply_goal,
         default=_goal_default, live=_goal_live, multiline=True),
]}

PROJECT_STEP_ORDER = ["project.name", "project.template", "project.code", "project.doc_number", "project.budget.total",
                      "project.budget.fiscal", "project.budget.other", "project.purpose", "project.spending_plan",
                      "project.goal", "indicators", "project.review"]
DEPT_STEP_ORDER = ["dept.name", "dept.code", "draft.year", "draft.framework", "dept.overall_goal", "dept.sub_goals",
                   "dept.safeguards"]

# Words a user can /jump to, mapped to steps.
JUMP_WORDS = {STEP_TEXTS[s].label: s for s in STEP_TEXTS if s in STEPS}
JUMP_WORDS.update({"指标": "indicators", "检查": "draft.review", "全稿": "draft.review", "指标框架": "draft.framework"})
