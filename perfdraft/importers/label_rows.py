"""The label half of the assembler: a row of labels (项目名称, 预算数 …) and the values after them or on
the next row, the 单位：万元 line, unit codes glued to names, and where each value goes."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from .. import numbers
from ..model import Budget, Draft, Project, SpendingPlan
from . import registry
from .facts import GOAL_FACTS, fact_label, goal_column_head, read_amount
from .labels import _MONEY_UNIT, _PLAN_FIELDS, Label, project_label
from .repairs import _UNIT_NAME, fold, split_unit_code
from .report import ImportFailed, Record, Report

_MONEY_FIELDS = ("total", "fiscal", "other")
_BLOCK_IN_WAN = re.compile(r"[(（]\s*万元\s*[)）]$")
_MONEY_NAMES = {"total": "预算数", "fiscal": "财政资金", "other": "其他资金"}


_PLAN_INLINE = re.compile(r"(?<!\d)(3|6|10|12)\s*月底?\s*[:：]?\s*(\d{1,3}(?:\.\d+)?)\s*%?")
_PLAN_MONTHS = {"3": "mar", "6": "jun", "10": "oct", "12": "dec"}


class LabelRowsMixin:
    """Label rows of :class:`~.assembler.Assembler` (split out to keep files short)."""

    draft: Draft
    report: Report
    project: Project | None
    section: str | None
    pending_cols: dict[int, str]
    money_heads: dict[int, str]  # money column heads by position (中期资金总额 | 年度资金总额)
    goal_heads: dict[int, str]  # goal heads by position (中期目标 | 年度目标)
    pending_text: str | None
    text_target: tuple[object, str] | None
    money_unit: str
    dept_money: bool
    found_anything: bool
    title_years: Counter[int]
    project_from_cell: set[str]

    def _lose(self, where: str, text: str) -> None:  # pragma: no cover - defined by Assembler
        raise NotImplementedError

    def _current(self) -> Project:  # pragma: no cover - defined by Assembler
        raise NotImplementedError

    def _new_project(self) -> Project:  # pragma: no cover - defined by Assembler
        raise NotImplementedError

    def _column_heads(self, cells: list[str | None], nonblank: list[int]) -> bool:
        """A row of column heads kept by position for the rows under it: goals side by side (中期目标 |
        年度目标) or money after its row label (项目资金（万元） | 中期资金总额 | 年度资金总额)."""
        heads = {i: fact_label(cells[i] or "") for i in nonblank}
        goals = {i: h[0] for i, h in heads.items() if h is not None and h[1] is None and h[0] in GOAL_FACTS}
        if len(goals) >= 2 and set(nonblank[1:]) <= set(goals) and len(set(goals.values())) == len(goals):
            self.goal_heads = goals  # 中期目标 | 年度目标: their texts are on the next row, by position
            self.found_anything = True
            return True
        money = {i: h[0] for i, h in heads.items() if i != nonblank[0] and h is not None and h[1] is None
                 and (h[0] in _MONEY_FIELDS or h[0] == "project.total_amount")}
        # the same amount at two times (中期 / 年度, 年初 / 全年), not 预算数 | 财政资金 | 其他资金 over their values
        if len(money) < 2 or "total" not in money.values() or not set(money.values()) <= {"total", "project.total_amount"} \
                or any(read_amount(cells[i] or "") for i in nonblank):
            return False
        self.money_heads = money
        first = project_label(cells[nonblank[0]] or "")
        if first is not None and first.unit == "万元":
            self.money_unit = "万元"
        self.found_anything = True
        return True

    def _money_row(self, rec: Record, lab: Label, i: int) -> set[int]:
        """The amounts of a money row under remembered heads: the year's from the first 年度 column, the
        中期 总额 as the project's total over its period. The cells used."""
        cells, heads = rec.cells, self.money_heads
        used = {k for k in heads if k > i and cells[k]}
        year = next((k for k in sorted(heads) if heads[k] == "total"), None)
        if year in used:
            self._set(lab, cells[year], rec.loc(year))
        period = next((k for k in sorted(heads) if heads[k] == "project.total_amount"), None)
        if lab.field == "total" and period in used and self.project is not None:
            read = numbers.read_money(cells[period] or "", lab.unit or self.money_unit)
            if read is not None:
                self.project.total_amount = read[0]
        return used

    def _label_row(self, rec: Record) -> None:
        cells = rec.cells
        n = len(cells)
        labels = [project_label(c) for c in cells]
        nonblank = [i for i, c in enumerate(cells) if c]
        self.text_target = None
        goals, self.goal_heads = self.goal_heads, {}
        if goals and max(goals) >= n and nonblank and len(nonblank) <= len(goals) \
                and not any(labels[i] for i in nonblank):
            # a web page's copy drops the blank cells before the texts: the goals stand left of their heads
            # (总体目标 | 年度目标 | 中期目标 over two texts), and are the heads' in order, as a reader takes them
            goals = dict(zip(nonblank, goals.values(), strict=False))
        if goals and not any(labels[i] for i in nonblank) and any(i < n and cells[i] for i in goals):
            for i, attr in goals.items():
                if i < n and cells[i]:
                    self._assign_text(attr, cells[i] or "")
            for i in nonblank:
                if i not in goals:
                    self._lose(rec.loc(i), cells[i] or "")
            return
        if nonblank and self._column_heads(cells, nonblank):
            return
        if nonblank and fold(cells[nonblank[0]] or "") in ("合计", "总计") and self.project is not None \
                and self.project.indicators:
            # the indicator grid's own total row (its weights, 100): no money of the project's
            for i in nonblank:
                self._lose(rec.loc(i), cells[i] or "")
            return
        lead = labels[nonblank[0]] if nonblank else None
        if self.money_heads and not (lead is not None and lead.field in _MONEY_FIELDS):
            self.money_heads = {}
        # a header row of labels over a row of values (资金支出计划 | 3月底 | 6月底 …)
        if len(nonblank) >= 2 and all((lab := labels[i]) is not None and lab.inline is None for i in nonblank):
            self.pending_cols, self.pending_text = {}, None
            for i in nonblank:
                lab = labels[i]
                assert lab is not None
                if lab.field in ("purpose", "goal"):
                    self.pending_text = lab.field
                elif lab.field == "dept_budget":
                    self.dept_money = True
                elif lab.field != "plan":
                    self.pending_cols[i] = lab.field
                if lab.unit == "万元":
                    self.money_unit = "万元"
            self.found_anything = True
            return
        if (self.pending_cols and not any(labels[i] is not None for i in nonblank)
                and all(_plausible(self.pending_cols[i], cells[i]) for i in nonblank if i in self.pending_cols)):
            cols, self.pending_cols = self.pending_cols, {}
            rest = []
            for i in nonblank:
                if i in cols:
                    self._set(Label(cols[i], None, None), cells[i], rec.loc(i))
                else:
                    rest.append(i)
            self.dept_money = False
            if len(rest) == 1 and self.pending_text:
                self._assign_text(self.pending_text, cells[rest[0]] or "")
                rest = []
            self.pending_text = None
            for i in rest:
                self._lose(rec.loc(i), cells[i] or "")
            return
        self.pending_cols = {}
        pending_text, self.pending_text = self.pending_text, None
        handled: set[int] = set()
        i = 0
        while i < n:
            c, lab = cells[i], labels[i]
            if c is None:
                i += 1
                continue
            if lab is not None and lab.unit == "万元":
                self.money_unit = "万元"  # 项目资金（万元） over its rows of 年度资金总额, 其中 …
            if _MONEY_UNIT.match(c):
                self._money_unit(c)
                handled.add(i)
            elif lab is None and len(c) <= 16 and _BLOCK_IN_WAN.search(c):
                self.money_unit = "万元"  # 资金来源(万元): the block's amounts, its rows labelled 合计, 其中 …
                handled.add(i)
            elif lab is None:
                if split_unit_code(c) and self._department_cell(c, rec.loc(i)):
                    handled.add(i)
                elif (_UNIT_NAME.match(c) and any(x and _MONEY_UNIT.match(x) for x in cells)
                      and self.draft.department.name in (None, c)):
                    self.draft.department.name = c  # "顺平县交通运输局 | 单位：元": the unit line without a code
                    handled.add(i)
            elif lab.inline is not None:
                handled.add(i)
                for part in _money_parts(c, lab):  # 年度资金总额：1650.00；其中：财政拨款1650.00，其他资金0.00
                    self._set(part, part.inline or None, rec.loc(i))
            elif self.money_heads and lab.field in _MONEY_FIELDS:
                handled |= {i, *self._money_row(rec, lab, i)}
            else:
                handled.add(i)
                j = i + 1
                while j < n and cells[j] is None and rec.loc(j) == rec.loc(i):
                    j += 1  # the label's own merged cells (a Word gridSpan): its value is after them
                if lab.field == "goal" and j < n and goal_column_head(cells[j] or ""):
                    # 年度总体目标 | 预期目标 | 实际完成情况: heads over the texts of the next row, the
                    # target's first (the row's cells may stand one column off the heads)
                    self.pending_text = "goal"
                    handled |= {k for k in nonblank if k >= i}
                    break
                if j < n and labels[j] is None and not (cells[j] and _MONEY_UNIT.match(cells[j] or "")):
                    self._set(lab, cells[j], rec.loc(j))
                    handled.add(j)
                    i = j + 1
                    continue
                if lab.field in ("purpose", "goal"):
                    self.pending_text = lab.field  # its text is on the next row (预算规模及资金用途)
                elif lab.field == "dept_budget":
                    self.dept_money = True
                elif lab.field != "plan":
                    self._set(lab, None, rec.loc(i))
            i += 1
        rest = [k for k in nonblank if k not in handled]
        if rest and pending_text and not handled and (len(rest) == 1 or pending_text == "goal"):
            # the goal's text first; beside it the 完成情况 the heads announced (or the same text again)
            first = cells[rest[0]] or ""
            self._assign_text(pending_text, first)
            rest = [k for k in rest[1:] if (cells[k] or "").strip() != first.strip()]
        for k in rest:
            self._lose(rec.loc(k), cells[k] or "")

    def _money_unit(self, text: str) -> None:
        m = _MONEY_UNIT.match(text)
        if m:
            self.money_unit = m.group(1)
            self.found_anything = True

    def _department_cell(self, text: str, where: str) -> bool:
        parts = split_unit_code(text)
        if not parts:
            return False
        code, name = parts
        d = self.draft.department
        if d.name is None and d.code is None:
            d.code, d.name = code, name
            self.report.note("unit-code", f"单位编码与名称连写“{text}”，已拆为编码 {code} 和名称 {name}", where)
            self.found_anything = True
            return True
        return (d.code, d.name) == (code, name)

    def _assign_text(self, attr: str, text: str) -> None:
        p = self._current()
        old = getattr(p, attr)
        setattr(p, attr, f"{old}\n\n{text}" if old else text)
        self.text_target = (p, attr)

    def _set(self, lab: Label, value: str | None, where: str) -> None:
        f = lab.field
        self.found_anything = True
        self.text_target = None
        if f in ("dept", "authority", "implementer"):
            if value is None:
                return
            kept = False
            if f != "dept" and self.project is not None:
                # the project's 主管部门 / 实施单位, as printed; the first also names the department
                attr = "authority" if f == "authority" else "unit"
                kept = getattr(self.project, attr) in (None, value)
                if kept:
                    setattr(self.project, attr, value)
            d = self.draft.department
            parts = split_unit_code(value)
            code, name = parts if parts else (None, value)
            if parts:
                self.report.note("unit-code", f"单位编码与名称连写“{value}”，已拆为编码 {code} 和名称 {name}", where)
            if d.name is None:
                d.name, d.code = name, d.code or code
            elif d.name != name and not kept:
                self._lose(where, f"单位：{value}")
            return
        if f == "period":
            from .facts import period_years

            years = period_years(value or "")
            p = self._current() if years else None
            if p is not None and years and p.period_start is None and p.period_end is None:
                p.period_start, p.period_end = years
            elif value:
                self._lose(where, value)
            return
        if f in ("code", "name"):
            if self.project is None or f in self.project_from_cell:
                self._new_project()
            p = self._current()
            setattr(p, f, value)
            self.project_from_cell.add(f)
            return
        if f in _MONEY_FIELDS:
            if value is None:
                return
            read = numbers.read_money(value, lab.unit or self.money_unit)
            if read is None and numbers.too_large(value):
                raise ImportFailed(f"{where}：{_MONEY_NAMES[f]}“{value}”超出范围（金额应小于 10^15 元），请核对该单元格")
            if read is None:
                self._lose(where, f"{_MONEY_NAMES[f]}：{value}")
                return
            amount, unit = read
            if "," in value or "，" in value:
                self.report.note("money-sep", "金额中的千分位分隔符已去除", where)
            if unit in ("万", "万元"):
                self.report.note("money-wan", "金额以万元填写，已换算为元", where)
            if self.dept_money or (self.project is None and self.section is not None):
                d = self.draft.department
                d.budget = d.budget or Budget()
                setattr(d.budget, f, amount)
            else:
                setattr(self._current().budget, f, amount)
            return
        p = self._current()
        if f == "plan" and value and len(found := _PLAN_INLINE.findall(value)) >= 2:
            # 资金支出计划（%）：3月底 25；6月底 50；10月底 75；12月底 100, the plan on one line
            p.spending_plan = p.spending_plan or SpendingPlan()
            for month, pct in found:
                setattr(p.spending_plan, _PLAN_MONTHS[month], Decimal(pct))
            return
        if f in _PLAN_FIELDS:
            if value is None:
                return
            pct = _percent(value)
            if pct is None:
                self._lose(where, f"资金支出计划：{value}")
                return
            if p.spending_plan is None:
                p.spending_plan = SpendingPlan()
            setattr(p.spending_plan, f, pct)
            return
        if f in ("purpose", "goal"):
            if value is not None:
                setattr(p, f, value)
                self.text_target = (p, f)
            return
        if f == "doc_number":
            if value is not None:
                p.doc_number = value
            return
        if f == "year" and value is not None:
            for y in re.finditer(r"(?<!\d)(20\d\d)(?!\d)", value):
                self.title_years[int(y.group(1))] += 5  # 预算年度：2025 says it outright
            return
        if f.startswith("field:") and value is not None:  # any other field the registry declares
            key = f[6:]
            owner = {"department": self.draft.department, "draft": self.draft}.get(key.split(".")[0]) or p
            if registry.store(owner, f, value) is None:
                return
        if value is not None:
            self._lose(where, value)


def _plausible(field_name: str, text: str | None) -> bool:
    """Whether ``text`` can be the value of ``field_name`` in a row of values under a row of labels.

    A label row with blank values (预算数 | | 其中：财政资金 | |) looks like a header row; the text on
    the next row (资金用途) then is no amount, and the row is read on its own.
    """
    if text is None:
        return True
    if field_name in _MONEY_FIELDS:
        return numbers.read_money(text) is not None
    if field_name in _PLAN_FIELDS:
        return _percent(text) is not None
    return True


def _percent(text: str) -> Decimal | None:
    """'25%' / '２５％' → 25 (资金支出计划 cells). A number in exponent form or past six digits is no
    percentage (a damaged cell's 1E+308 made a draft that could not be saved)."""
    number = numbers.read_decimal(text.replace("％", "%").strip().rstrip("%"))
    exponent = number.as_tuple().exponent if number is not None else 0
    return number if number is not None and abs(number) < 10**6 and isinstance(exponent, int) and exponent > -13 else None


def _money_parts(cell: str, lab: Label) -> list[Label]:
    """One money label, or each of the amounts one cell lists with their own labels (年度资金总额：1650.00；
    其中：财政拨款1650.00，其他资金0.00): a cell's 其中 line is no part of its total."""
    if lab.field not in _MONEY_FIELDS or not lab.inline or not re.search(r"[；;，,]\s*\D", lab.inline):
        return [lab]
    parts = [project_label(piece) for piece in re.split(r"[；;，,](?=\s*\D)", cell) if piece.strip()]
    if all(p is not None and p.field in _MONEY_FIELDS and p.inline for p in parts):
        return [p for p in parts if p is not None]
    return [lab]
