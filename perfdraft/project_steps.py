"""The project's money, texts and header fields as steps: 预算数 / 财政资金 / 其他资金 (Enter means
what the question says), 资金用途 checked against the budget, 支出计划, 绩效目标 (a template sentence
with □ blanks is offered to edit, never taken by Enter), and the header fields the field registry
declares (主管部门, 实施单位, 项目类别, 项目性质, 项目期, 项目总额, 立项依据, 中期目标).
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from . import fields
from ._lazy import lazy_module
from .answers import parse_money, parse_plan
from .model import Project, format_number
from .prompts import Choice, Position, Rejected
from .step_base import Answer, Ctx, Step
from .steps import STEP_TEXTS

if TYPE_CHECKING:
    from .checks import Finding

checks = lazy_module("perfdraft.checks")


def _project(c: Ctx, pos: Position) -> Project:
    return c.draft.projects[pos.project]


def money_apply(attr: str):
    def apply(c: Ctx, pos: Position, text: str) -> None:
        setattr(_project(c, pos).budget, attr, parse_money(text) if text.strip() else None)

    return apply


def money_read(attr: str):
    def read(c: Ctx, pos: Position) -> str:
        v = getattr(_project(c, pos).budget, attr)
        return "" if v is None else format_number(v)

    return read


def _budget_to_confirm(p: Project) -> bool:
    return "budget" in p.confirm or "budget.total" in p.confirm


def fiscal_default(c: Ctx, pos: Position) -> str:
    """Enter = the same as 预算数, as the question says — unless this year's figure is already settled."""
    b = _project(c, pos).budget
    if b.fiscal is not None and not _budget_to_confirm(_project(c, pos)) and (b.total is None or b.fiscal <= b.total):
        return format_number(b.fiscal)
    return format_number(b.total) if b.total is not None else ""


def fiscal_question(c: Ctx, pos: Position) -> str:
    p = _project(c, pos)
    b = p.budget
    default = fiscal_default(c, pos)
    if b.total is not None and default == format_number(b.total):
        q = "其中财政资金是多少元？（回车 = 与预算数相同）"
    else:
        q = f"其中财政资金是多少元？（回车 = 保留 {default}）" if default else "其中财政资金是多少元？"
    if b.fiscal is not None and _budget_to_confirm(p) and format_number(b.fiscal) != default:
        q += f"\n上年为 {format_number(b.fiscal)}"
    return q


def other_default(c: Ctx, pos: Position) -> str:
    b = _project(c, pos).budget
    if b.total is not None and b.fiscal is not None:
        return format_number(b.total - b.fiscal)
    return "0"


def other_question(c: Ctx, pos: Position) -> str:
    """The step's own wording (没有就回车填 0) where Enter gives 0; else what Enter gives (预算数 − 财政资金):
    '没有就回车填 0' above '回车 = 200000.00' contradicted itself."""
    default = other_default(c, pos)
    if default in ("0", ""):
        return STEP_TEXTS["project.budget.other"].prompt
    return f"其他资金是多少元？（回车 = 预算数 − 财政资金 = {default}；没有其他资金请填 0）"


def money_live(attr: str):
    def live(c: Ctx, pos: Position, text: str) -> list[Finding]:
        if not text.strip():
            return []
        try:
            amount = parse_money(text)
        except Rejected as exc:
            return [checks.Finding("PD306", "error", f"projects[{pos.project}].budget.{attr}", str(exc))]
        b = copy.copy(_project(c, pos).budget)
        setattr(b, attr, amount)
        small = checks.tiny_budget(amount) if attr == "total" else None
        if small:  # 120 meaning 120万 was taken as 120元 without a word
            return [checks.Finding("PD330", "warning", f"projects[{pos.project}].budget.total", small,
                                   f"是否应为 {format_number(amount)}万元？写 {format_number(amount)}万 即可")]
        if attr == "fiscal" and b.total is not None and amount > b.total:
            return [checks.Finding("PD306", "error", f"projects[{pos.project}].budget.fiscal",
                                   f"财政资金 {format_number(amount)} 超过预算数 {format_number(b.total)}")]
        if attr == "other" and b.total is not None and b.fiscal is not None and abs(b.total - b.fiscal - amount) > Decimal("0.01"):
            return [checks.Finding("PD306", "error", f"projects[{pos.project}].budget.other",
                                   f"预算数 {format_number(b.total)} ≠ 财政资金 {format_number(b.fiscal)} + 其他资金 {format_number(amount)}",
                                   f"其他资金应为 {format_number(b.total - b.fiscal)}")]
        return []

    return live


def plan_live(c: Ctx, pos: Position, text: str) -> list[Finding]:
    if not text.strip():
        return []
    try:
        plan = parse_plan(text)
    except Rejected as exc:
        return [checks.Finding("PD308", "error", f"projects[{pos.project}].spending_plan", str(exc))]
    p = replace(_project(c, pos), spending_plan=plan, indicators=[])
    return [f for f in checks.check_project(p, c.draft.framework, f"projects[{pos.project}]", profile=c.draft.profile)
            if f.code in ("PD308", "PD309", "PD310")]


def project_text_live(attr: str, codes: tuple[str, ...] | None = None):
    """The project's own rules on one text field as typed (``codes``: only these): 资金用途 against the
    budget (a carried-over text still naming last year's amount), a 项目编码 or a 主管部门 that is an
    amount typed one question early."""

    def live(c: Ctx, pos: Position, text: str) -> list[Finding]:
        if not text.strip():
            return []
        # shallow: only these two attributes are set on the copy; a new project's name has no project yet
        p = copy.copy(_project(c, pos)) if pos.project < len(c.draft.projects) else Project()
        setattr(p, attr, text)
        p.indicators = []
        prefix = f"projects[{pos.project}].{attr}"
        return [f for f in checks.check_project(p, c.draft.framework, f"projects[{pos.project}]", profile=c.draft.profile)
                if f.path.startswith(prefix) and (codes is None or f.code in codes)]

    return live


def apply_plan(c: Ctx, pos: Position, text: str) -> None:
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
    # Targets the template proposes fill a slot only from the row the sentence names; counts that only
    # the user knows stay □ so the goal cannot be accepted with a blank in it.
    from .catalogue import goal_figures

    known.update({k: v for k, v in goal_figures(t).items() if k not in known})
    return re.sub(r"\{(\w+)\}", lambda m: known.get(m.group(1), "□"), t.goal_pattern)


def goal_default(c: Ctx, pos: Position) -> str:
    pattern = _goal_pattern(c, pos)
    return "" if "□" in pattern else pattern  # a sentence with blanks is to edit, never taken by Enter


def goal_suggestion(c: Ctx, pos: Position) -> str:
    pattern = _goal_pattern(c, pos)
    return pattern if "□" in pattern else ""


# What Tab does, said where a sentence with □ is offered; a terminal that cannot put it in the line
# (TERM=dumb) says the other words (line.py), so a newcomer is not told to press a key that does nothing.
_TAB_FILL = "按 Tab 填入，再把 □ 换成实际数字"
TAB_WORDS = {
    _TAB_FILL: "照此写出完整的一句，把 □ 换成实际数字",
    "按 Tab 填入上面的建议句式，把 □ 换成实际数字后回车": "照上面的建议句式写出完整的一句，把 □ 换成实际数字后回车",
    "Tab 填入后把 □ 换成实际数字": "照此写出，把 □ 换成实际数字",
}


def goal_question(c: Ctx, pos: Position) -> str:
    q = STEP_TEXTS["project.goal"].prompt
    suggestion = goal_suggestion(c, pos)
    if suggestion:
        q += f"\n建议句式（{_TAB_FILL}）：{suggestion}"
    return q


def goal_live(c: Ctx, pos: Position, text: str) -> list[Finding]:
    if not text.strip():
        return []
    if "□" in text:
        return [checks.Finding("PD301", "error", f"projects[{pos.project}].goal", "句式中还有 □ 没有换成实际数字")]
    p = replace(_project(c, pos), goal=text, indicators=[])
    path = f"projects[{pos.project}]"
    # What the goal text alone decides (PD301/302 placeholder or no output, PD323 past tense, PD316 last
    # year's goal): the project's other findings are not the typist's business here.
    return [f for f in checks.check_project(p, c.draft.framework, path, c.draft.year, profile=c.draft.profile)
            if f.path == f"{path}.goal"]


def goal_choices(c: Ctx, pos: Position) -> list[Choice]:
    """The sentence with blanks as the one suggestion, so that Tab puts it in the line to edit."""
    suggestion = goal_suggestion(c, pos)
    return [Choice(suggestion, suggestion, "建议句式：Tab 填入后把 □ 换成实际数字")] if suggestion else []


def goal_answer(c: Ctx, pos: Position, text: str) -> Answer:
    suggestion = goal_suggestion(c, pos)
    if text.strip() == "1" and suggestion:
        text = suggestion  # the number of the listed suggestion: read as choosing it (then refused for its □)
    if not text.strip() and not _project(c, pos).goal and suggestion:
        raise Rejected("还没有写绩效目标。按 Tab 填入上面的建议句式，把 □ 换成实际数字后回车；"
                       "也可以直接写自己的目标。")
    from .step_table import STEPS, field_answer

    return field_answer(c, STEPS["project.goal"], pos, text)


def apply_goal(c: Ctx, pos: Position, text: str) -> None:
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
        if f.choices and t.isdecimal() and 1 <= int(t) <= len(f.choices):
            t = f.choices[int(t) - 1]
        try:
            f.set(_project(c, pos), fields.parse(f, t))
        except fields.FieldValueError as exc:
            raise Rejected(str(exc)) from None

    return apply


def _registry_choices(key: str):
    f = fields.FIELDS[key]
    return lambda c, pos: [Choice(ch, str(i)) for i, ch in enumerate(f.choices, 1)]


def period_live(key: str):
    """The 项目期 field's live check: the registry's own reading of a year or year-month, and its words."""
    f = fields.FIELDS[key]

    def live(c: Ctx, pos: Position, text: str) -> list[Finding]:
        try:
            fields.parse(f, text)
        except fields.FieldValueError as exc:
            return [checks.Finding("PD302", "error", f"projects[{pos.project}].period", str(exc))]
        return []

    return live


def dept_name(c: Ctx, pos: Position) -> str:
    return c.draft.department.name or ""


def period_start_default(c: Ctx, pos: Position) -> str:
    return str(c.draft.year or "")


def period_end_default(c: Ctx, pos: Position) -> str:
    return _project(c, pos).period_start or str(c.draft.year or "")


def total_amount_default(c: Ctx, pos: Position) -> str:
    p = _project(c, pos)
    if p.budget.total is not None and (p.period_start or "") == (p.period_end or ""):
        return format_number(p.budget.total)  # a one-year project: the whole is this year's amount
    return ""


def total_amount_live(c: Ctx, pos: Position, text: str) -> list[Finding]:
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


def registry_step(key: str, **kw: Any) -> Step:
    f = fields.FIELDS[key]
    extra: dict[str, Any] = {"choices": _registry_choices(key)} if f.choices else {}
    extra.update(kw)
    extra.setdefault("apply", _registry_apply(key))
    return Step(key, f"projects[{{p}}].{f.attr}", _registry_read(key), field=key, **extra)
