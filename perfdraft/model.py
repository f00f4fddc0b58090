"""The draft model: a department and its projects for one budget year.

Blank cells of the paper table are ``None`` (an absent key in the TOML file), never 0 or "",
so that "left blank" survives a round trip. Money is ``Decimal`` 元.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from decimal import Decimal
from typing import TypeVar

from .record import Record

T = TypeVar("T")
SCHEMA = "perfdraft/1"
SCHEMA_VERSION = 1

BASIS_CATEGORIES = ("计划标准", "行业标准", "历史标准", "其他标准")
DIRECTIONS = ("正向", "反向")
PLAN_MONTHS = ("mar", "jun", "oct", "dec")
PLAN_LABELS = {"mar": "3月底", "jun": "6月底", "oct": "10月底", "dec": "12月底"}


def format_number(number: Decimal) -> str:
    """A Decimal as plain digits, never in exponent form (``1.6E+6`` → ``1600000``)."""
    return f"{number:f}"


class Basis(Record):
    """指标值确定依据: a category (计划标准 …) and a free note."""

    category: str | None = None
    note: str | None = None

    def is_blank(self) -> bool:
        return not (self.category or self.note)

    def display(self) -> str:
        parts = [p for p in (self.category, self.note) if p]
        return "：".join(parts)


class Indicator(Record):
    """One indicator row: 一级 / 二级 / 三级 and the value, with the columns some profiles add."""

    level1: str | None = None
    level2: str | None = None
    name: str | None = None
    description: str | None = None
    value: str | None = None
    basis: Basis | None = None
    formula: str | None = None
    direction: str | None = None
    weight: Decimal | None = None
    last_year: str | None = None
    note: str | None = None
    # "annual" (年度, the default when blank) or "overall" (中期 / 实施周期 / 总体 target)
    scope: str | None = None
    symbol: str | None = None  # 计算符号 (≥ ≤ = 定性 区间 …): derived from value, kept in step
    unit: str | None = None  # 计量单位 where the table has its own column
    scoring: str | None = None  # 评分标准
    value_note: str | None = None  # 指标值说明
    prev_year: str | None = None  # 前年值
    nature: str | None = None  # 指标性质: 定量 / 定性
    actual: str | None = None  # 实际完成值 (self-evaluation)
    score: Decimal | None = None  # 得分 (self-evaluation)


class Budget(Record):
    """预算数 = 财政资金 + 其他资金, in yuan (None where not filled in)."""

    total: Decimal | None = None
    fiscal: Decimal | None = None
    other: Decimal | None = None


class SpendingPlan(Record):
    """Cumulative planned spending in % at the end of March, June, October and December."""

    mar: Decimal | None = None
    jun: Decimal | None = None
    oct: Decimal | None = None
    dec: Decimal | None = None

    def cells(self) -> list[Decimal | None]:
        return [self.mar, self.jun, self.oct, self.dec]

    def is_blank(self) -> bool:
        return all(c is None for c in self.cells())


class Project(Record):
    """One project's target table: code, name, budget, plan, goal and indicator rows."""

    code: str | None = None
    name: str | None = None
    doc_number: str | None = None
    template: str | None = None
    purpose: str | None = None
    goal: str | None = None
    budget: Budget = field(default_factory=Budget)
    spending_plan: SpendingPlan | None = None
    indicators: list[Indicator] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    confirm: list[str] = field(default_factory=list)
    # the template's rows the user said no to (/del, /skip): never offered again, also after a reload
    declined: list[str] = field(default_factory=list)
    category: str | None = None  # 项目类别
    nature: str | None = None  # 项目性质: 一次性 / 经常性 / 阶段性
    authority: str | None = None  # 主管部门
    unit: str | None = None  # 实施单位
    period_start: str | None = None  # 项目期 (YYYY or YYYY-MM)
    period_end: str | None = None
    total_amount: Decimal | None = None  # 项目总额 over the whole period, 元
    basis_text: str | None = None  # 立项依据
    overall_goal: str | None = None  # 中期 / 实施周期 总体目标

    @property
    def title(self) -> str:
        return self.name or self.code or "（未命名项目）"


class SubGoal(Record):
    """A 分项目标 of the department: its text, indicators and the projects that fund it."""

    text: str | None = None
    indicators: list[Indicator] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)


class Department(Record):
    """The department and its 部门整体绩效目标."""

    code: str | None = None
    name: str | None = None
    overall_goal: str | None = None
    safeguards: str | None = None
    sub_goals: list[SubGoal] = field(default_factory=list)
    budget: Budget | None = None
    indicators: list[Indicator] = field(default_factory=list)


class Draft(Record):
    """A whole draft: the department, its projects and where the conversation stopped."""

    year: int | None = None
    framework: str = "local-2015"
    # Table profile (profiles.py); None in drafts written before profiles: derived from framework.
    profile: str | None = None
    department: Department = field(default_factory=Department)
    projects: list[Project] = field(default_factory=list)
    schema: str = SCHEMA
    notes: list[str] = field(default_factory=list)
    # Where the conversation was when the draft was last saved: {step, project, index}.
    resume: dict[str, str | int] | None = None


def level_runs_order(rows: list[T], levels: Callable[[T], tuple[str | None, str | None]]) -> list[T]:
    """``rows`` with each 一级 together and each 二级 together inside it, in the order they first appear
    (stable): a row moved to another 二级 printed a second 产出指标 block after 满意度指标, and its cells
    could not merge. Tables and exports print in this order; the draft keeps the user's."""
    first1: dict[str | None, int] = {}
    first2: dict[tuple[str | None, str | None], int] = {}
    for row in rows:
        l1, l2 = levels(row)
        first1.setdefault(l1, len(first1))
        first2.setdefault((l1, l2), len(first2))
    return sorted(rows, key=lambda r: (first1[levels(r)[0]], first2[levels(r)]))
