"""The 中期 (实施周期 / 总体) block of a multi-year project: the 中期目标 is a field step
(step_table.py); its indicators are rows with ``scope = "overall"``, asked one by one at
``overall.rows`` (index = the n-th 中期 row; past the last: add one, or /copy the 年度 rows as a start).
"""

from __future__ import annotations

import copy
from dataclasses import replace

from . import frameworks
from .answers import split_row
from .indicator_steps import answer_cell, cell_write
from .model import Indicator
from .prompts import Position, Rejected
from .step_context import is_overall
from .step_table import Answer, Ctx, Step, next_in_order
from .steps import STEP_TEXTS


def overall_rows(c: Ctx, pi: int) -> list[int]:
    return [i for i, ind in enumerate(c.draft.projects[pi].indicators) if is_overall(ind)]


def _overall_question(c: Ctx, pos: Position) -> str:
    rows = overall_rows(c, pos.project)
    if pos.index < len(rows):
        ind = c.draft.projects[pos.project].indicators[rows[pos.index]]
        return (f"第 {pos.index + 1}/{len(rows)} 条 {ind.level2 or ''}｜{ind.name or ''}\n"
                f"实施周期的指标值？（回车保留 {ind.value or '空'}；/del 删除这条）")
    annual = sum(1 for ind in c.draft.projects[pos.project].indicators if not is_overall(ind))
    summary = f"已有 {len(rows)} 条。" if rows else "还没有。"
    return STEP_TEXTS["overall.rows"].prompt.format(summary=summary) + (
        f"\n/copy 把 {annual} 条年度指标复制过来作为起点；" if annual else "\n") + (
        "添加一条请输入 二级指标｜三级指标｜指标值（如 数量指标｜累计参保人数｜≥32万人次）；直接回车结束。")


def _overall_read(c: Ctx, pos: Position) -> str:
    rows = overall_rows(c, pos.project)
    if pos.index < len(rows):
        return c.draft.projects[pos.project].indicators[rows[pos.index]].value or ""
    return ""


def _overall_row_from_cells(c: Ctx, cells: list[str]) -> tuple[Indicator, int]:
    fw = frameworks.get(c.draft.framework)
    if len(cells) >= 6:
        ind = c.row_from_cells(cells, 0, Indicator())
    elif len(cells) >= 3:
        ind = Indicator(level2=cells[0], name=cells[1], value=cells[-1],
                        description=cells[2] if len(cells) == 4 else None)
    else:
        raise Rejected("请输入 二级指标｜三级指标｜指标值，如 数量指标｜累计参保人数｜≥32万人次")
    l1, l2 = frameworks.canonical_levels(ind.level1, ind.level2, fw)
    if l1 is None or l2 is None or (l1, l2) not in c.groups():
        raise Rejected(f"“{ind.level2}”不是本表格样式的二级指标；可用："
                       + "、".join(frameworks.LEVEL2_LABELS[b] for _, b in c.groups()))
    ind.level1, ind.level2 = frameworks.LEVEL1_LABELS[l1], frameworks.LEVEL2_LABELS[l2]
    ind.scope = "overall"
    return ind, c.groups().index((l1, l2))


def _overall_answer(c: Ctx, pos: Position, text: str) -> Answer:
    rows = overall_rows(c, pos.project)
    project = c.draft.projects[pos.project]
    if pos.index < len(rows):
        ind = project.indicators[rows[pos.index]]
        _, warnings = answer_cell(c, pos.project, ind, "value", text)
        return replace(pos, index=pos.index + 1), warnings
    if not text.strip():
        return next_in_order(c, Position("overall.rows", pos.project)), []
    cells = split_row(text)
    if not cells:
        raise Rejected("请输入 二级指标｜三级指标｜指标值（用 ｜ 或 Tab 分隔），或 /copy 复制年度指标；回车结束")
    ind, gi = _overall_row_from_cells(c, cells)
    value, ind.value = ind.value or "", None
    warnings = cell_write(c, pos.project, ind, "value", value)
    c.insert_row(pos.project, gi, ind)
    return replace(pos, index=len(overall_rows(c, pos.project))), warnings


def copy_annual_rows(c: Ctx, pi: int) -> int:
    """Copy the 年度 rows as 中期 rows (names not already there); returns how many were copied."""
    project = c.draft.projects[pi]
    have = {ind.name for ind in project.indicators if is_overall(ind)}
    n = 0
    for ind in [i for i in project.indicators if not is_overall(i)]:
        if ind.name in have:
            continue
        row = replace(copy.deepcopy(ind), scope="overall", last_year=None, prev_year=None, actual=None,
                      score=None, weight=None)
        gi = c.group_of(row)
        c.insert_row(pi, gi if gi is not None else 0, row)
        n += 1
    return n


def _overall_resume(c: Ctx, pos: Position) -> Position:
    if pos.project >= len(c.draft.projects):
        return Position("project.name", len(c.draft.projects))
    return replace(pos, index=min(pos.index, len(overall_rows(c, pos.project))))


def _overall_settled(c: Ctx, pos: Position) -> bool:
    rows = overall_rows(c, pos.project)
    if pos.index < len(rows):
        ind = c.draft.projects[pos.project].indicators[rows[pos.index]]
        return bool(ind.value) and f"indicators[{rows[pos.index]}].value" not in c.draft.projects[pos.project].confirm
    return bool(rows)  # a block already filled: nothing to add in a cloned draft


def _overall_skip(c: Ctx, pos: Position) -> Position:
    return replace(pos, index=pos.index + 1) if pos.index < len(overall_rows(c, pos.project)) else next_in_order(c, pos)


STEPS: dict[str, Step] = {s.id: s for s in [
    Step("overall.rows", "projects[{p}].indicators", _overall_read, question=_overall_question,
         answer=_overall_answer, skip=_overall_skip, resume=_overall_resume, settled=_overall_settled,
         title=lambda c, p: STEP_TEXTS["overall.rows"].label, returns=False),
]}
