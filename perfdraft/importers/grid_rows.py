"""The indicator-grid half of the assembler: header-mapped rows, glued rows, pending level rows."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from .. import frameworks, numbers
from ..model import (
    Indicator,
    Project,
)
from . import kinds, registry
from .labels import (
    _INDICATOR_FIELDS,
    LEVEL1_WORDS,
    LEVEL2_WORDS,
    _prefix,
    join_value,
    parse_basis,
    split_name_value,
)
from .report import Record, Report

if TYPE_CHECKING:
    from .assembler import _Grid


# Grid fields that are not an indicator's content (levels, project columns, skipped columns).
_NOT_CONTENT = {"level1", "level2", "skip", "project_name", "project_code", "project_budget", "project_unit",
                "project_goal"}


class GridMixin:
    """Grid methods of :class:`~.assembler.Assembler` (split out to keep files short)."""

    report: Report
    grid: _Grid | None
    found_anything: bool
    project: Project | None

    def _lose(self, where: str, text: str) -> None:  # pragma: no cover - defined by Assembler
        raise NotImplementedError

    def _indicator_list(self) -> list[Indicator]:  # pragma: no cover - defined by Assembler
        raise NotImplementedError

    def _new_project(self) -> Project:  # pragma: no cover - defined by Assembler
        raise NotImplementedError

    def _close_grid(self) -> None:
        if self.grid is not None:
            self._flush_pending()
        self.grid = None

    def _flush_pending(self, keep_level1: bool = False) -> None:
        g = self.grid
        if g is None or g.pending is None:
            return
        ind, where = g.pending, g.pending_where
        g.pending = None
        if keep_level1 and ind.level2 is None:
            return  # 一、产出指标 followed by （一）数量指标: the heading was used
        if ind.level2 is None and ind.level1 and frameworks.level1_key(ind.level1) is None:
            self._lose(where, ind.level1)  # '预算执行率 | 10' below the grid: the budget's own line, no indicator
            return
        self._indicator_list().append(ind)
        self.report.note("level-only", "只有指标层级、没有指标名称和指标值的行，已作为空指标保留，请补全或删除", where)

    def _grid_row(self, rec: Record, filled: list[str | None]) -> None:
        g = self.grid
        assert g is not None
        vals: dict[str, str | None] = {}
        extra: list[tuple[int, str]] = []
        for i, c in enumerate(filled):
            f = g.cols.get(i)
            if f is None:
                if c and i < len(rec.cells) and rec.cells[i]:
                    extra.append((i, c))
            elif f != "skip":
                vals[f] = c
        if g.project_cols:
            self._grid_project(vals, rec.first_loc())
        if not vals.get("value") and len(extra) == 1 and "value" in g.cols.values() and kinds.value_like(extra[0][1]):
            # '防火物资储备库数量,,=3个': one comma too many put the value past the last column
            vals["value"] = extra.pop()[1]
        scope = vals.get("scope")
        if scope and not (vals.get("level1") or vals.get("level2")):
            # 指标类型 holding 数量指标 / 满意度指标 (江苏) names the level, not 年度 / 中期
            if frameworks.level2_key(scope):
                vals["level2"] = vals.pop("scope")
            elif frameworks.level1_key(scope):
                vals["level1"] = vals.pop("scope")
        level1, level2 = g.carry_levels(vals.get("level1"), vals.get("level2"))
        content = {k: v for k, v in vals.items() if v is not None and
                   (k in _INDICATOR_FIELDS or k not in _NOT_CONTENT and registry.field_of(k) is not None)}
        if content:
            g.pending = None
            self._add_indicator(self._indicator(level1, level2, content, rec))
            p = self.project
            if rec.unsure and p is not None and self._indicator_list() is p.indicators:
                p.confirm.append(f"indicators[{len(p.indicators) - 1}].value")  # a cell read blank
        elif vals.get("level1") or vals.get("level2"):
            self._flush_pending()
            g.pending = Indicator(level1=level1, level2=level2)
            g.pending_where = rec.first_loc()
        for i, c in extra:
            self._lose(rec.loc(i), f"{g.extra[i]}：{c}" if g.extra.get(i) else c)

    def _grid_project(self, vals: dict[str, str | None], where: str) -> None:
        name, code = vals.get("project_name"), vals.get("project_code")
        p = self.project
        g = self.grid
        if p is None or (name and name != p.name) or (code and code != p.code):
            self.grid = None
            p = self._new_project()
            self.grid = g
            p.name, p.code = name, code
        budget, unit = vals.get("project_budget"), vals.get("project_unit")
        if budget and p.budget.total is None and g is not None:
            read = numbers.read_money(budget, g.budget_unit or "元")
            if read is not None:
                amount = read[0]
                if g.budget_unit is None and amount < 100000:  # no unit in the header: the tables' 万元
                    amount *= 10000
                    p.confirm.append("budget")
                p.budget.total = amount
        if unit and p.unit is None:
            p.unit = unit
        goal = vals.get("project_goal")
        if goal and p.goal is None:  # repeated on every row of the project (or merged down): read once
            p.goal = goal
        elif goal and goal != p.goal:
            self._lose(where, f"年度绩效目标：{goal}")

    def _indicator(self, level1: str | None, level2: str | None, c: dict[str, str], rec: Record) -> Indicator:
        where = rec.first_loc()
        value = c.get("value")
        if value is None and "value_alt" in c:
            value = c["value_alt"]
        if c.get("original") and (value is None or kinds.squash(value) in kinds.UNCHANGED):
            value = c["original"]  # 调整后指标值 不变 (or blank): the 原指标值 stands
        note = c.get("note")
        direction, nature = c.get("direction"), None
        if direction and kinds.is_nature(direction) and "定" in direction:  # 指标性质 holding 定量/定性
            direction, nature = None, direction
        if direction and kinds.is_sign(direction) and not kinds.is_sign(c.get("sign") or ""):
            # 指标方向 holding ≥ / ≤ (上海) is the value's sign, not 正向/反向; a 定量 read as the sign is
            # the 指标性质 it is
            nature = c.get("sign") if kinds.is_nature(c.get("sign") or "") else None
            c = {**c, "sign": direction}
            direction = None
        if "sign" in c or "unit" in c:
            value, remark = join_value(c.get("sign"), value, c.get("unit"))
            if remark:
                self.report.note(f"sign:{remark}", f"{remark}无法并入指标值，已写入该指标的 note（指标值说明）", where)
                note = f"{remark}；{note}" if note else remark
        description, formula = c.get("description"), c.get("formula")
        if description and formula is None:
            lines = description.split("\n")
            tail = [k for k, line in enumerate(lines) if line.startswith("计算公式：")]
            if tail:  # perfdraft's export puts the formula on its own line of 绩效指标描述
                k = tail[-1]
                formula = lines[k][len("计算公式："):] or None
                description = "\n".join(lines[:k] + lines[k + 1:]) or None
            elif "；计算公式：" in description:  # … and after a ； in the csv 指标解释
                description, _, formula = description.rpartition("；计算公式：")
                description, formula = description or None, formula or None
        weight = None
        if c.get("weight"):
            weight = numbers.read_decimal(unicodedata.normalize("NFKC", c["weight"]).strip().rstrip("%分"))
            if weight is None:
                self._lose(where, f"权重：{c['weight']}")
        ind = Indicator(level1=level1, level2=level2, name=c.get("name"), description=description,
                        value=value, basis=parse_basis(c.get("basis")), formula=formula,
                        direction=direction, weight=weight, last_year=c.get("last_year"), note=note,
                        scope=_scope(c.get("scope")))
        if nature:
            ind.nature = nature
        for key, text in c.items():  # columns the registry declares that this reader has no slot for
            if key not in _INDICATOR_FIELDS and registry.store(ind, key, text) is not None:
                f = registry.field_of(key)
                ind.note = "；".join(x for x in (ind.note, f"{f.label if f else key}：{text}") if x)
        return ind

    def _glued_row(self, rec: Record, text: str) -> bool:
        g = self.grid
        assert g is not None
        where = rec.first_loc()
        rest = text.strip()
        level1 = level2 = None
        w = _prefix(rest, LEVEL1_WORDS)
        # 成本指标 is a 一级 (central-2021) and a 二级 (local-2015): under a 一级 it is the 二级
        if w and not (frameworks.level2_key(w) and g.level1 and not _prefix(rest[len(w):].lstrip(), LEVEL2_WORDS)):
            level1, rest = w, rest[len(w):].lstrip()
        w = _prefix(rest, LEVEL2_WORDS)
        if w:
            level2, rest = w, rest[len(w):].lstrip()
        if level1 is None and level2 is None and g.order is None:
            return False
        level1, level2 = g.carry_levels(level1, level2)
        if not rest:
            self._flush_pending()
            g.pending = Indicator(level1=level1, level2=level2)
            g.pending_where = where
            return True
        name, value = split_name_value(rest)
        if value is None:
            self.report.note("glued-novalue", "粘连的指标行中找不到指标值，整段作为指标名称，请核对", where)
        if g.order and "description" in g.order:
            self.report.note("glued-desc", "粘连的指标行无法分出“指标描述”，已并在指标名称中，请核对", where)
        self._add_indicator(Indicator(level1=level1, level2=level2, name=name or None, value=value))
        return True

    def _add_indicator(self, ind: Indicator) -> None:
        if self.grid is not None:
            self.grid.pending = None
        self.found_anything = True
        self._indicator_list().append(ind)


def _scope(text: str | None) -> str | None:
    """目标类型 as the exports print it: 年度 is the default (blank); 中期 / 总体 / 实施周期 rows are overall."""
    t = (text or "").strip()
    if not t or t in ("年度", "annual", "当年度"):
        return None
    return "overall" if any(w in t for w in ("中期", "总体", "实施周期", "overall")) else t
