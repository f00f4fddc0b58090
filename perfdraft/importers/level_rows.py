"""Level rows read as indicators: a report that lists the levels as rows of their own in the names'
column ('01  产出指标', '0101  数量指标' above '010101  人参…  >=  3000  亩'), read by a reader that took
each for an indicator named 产出指标 with the value 01. They become the levels of the rows below them."""

from __future__ import annotations

import re

from ..model import Draft, Indicator
from . import kinds
from .report import Report

# what a level row carries besides its name: nothing, its code or outline number, or its weight subtotal
_LEVEL_ROW_VALUE = re.compile(r"[\d.]{1,8}")


def _level_row(ind: Indicator) -> tuple[str | None, str | None, str] | None:
    if ind.level1 or ind.level2 or ind.unit or not ind.name:
        return None
    if ind.value is not None and not _LEVEL_ROW_VALUE.fullmatch(ind.value.strip()):
        return None
    return kinds.level_of(ind.name)


def levels_from_rows(draft: Draft, report: Report) -> None:
    for p in draft.projects:
        rows = p.indicators
        if not any(_level_row(ind) for ind in rows) or any(ind.level1 for ind in rows):
            continue
        kept: list[Indicator] = []
        level1: str | None = None
        level2: str | None = None
        for ind in rows:
            level = _level_row(ind)
            if level is not None:
                if level[1] is None:
                    level1, level2 = ind.name, None  # a 一级 row
                else:
                    level2 = ind.name
                continue
            if level1 is not None or level2 is not None:
                ind.level1, ind.level2 = level1, level2
            kept.append(ind)
        report.note("level-rows", f"“{p.name or '项目'}”中 {len(rows) - len(kept)} 行是层级（产出指标、数量指标 …），"
                    "已作为其下各行的一级、二级，不作为指标")
        p.indicators = kept


def carry_levels(draft: Draft, report: Report) -> None:
    """Rows whose 一级 (and 二级) cells are empty under rows that have them: a table continued after a page
    break (续表) whose merged level cells the break cut, so they start empty. The levels of the row above go
    on, where the row's own 二级 (if any) belongs to that 一级."""
    for p in draft.projects:
        carried = 0
        above: Indicator | None = None
        for ind in p.indicators:
            if ind.level1 is None and above is not None and above.level1:
                if ind.level2 is None or _under(ind.level2, above.level1):
                    ind.level1 = above.level1
                    if ind.level2 is None:
                        ind.level2 = above.level2
                    carried += 1
            above = ind
        # a merged 一级 printed once, beside the middle of its block (pdftotext): the rows above it in the block
        below: Indicator | None = None
        for ind in reversed(p.indicators):
            if ind.level1 is None and ind.level2 and below is not None and below.level1 and _under(ind.level2, below.level1):
                ind.level1 = below.level1
                carried += 1
            below = ind
        # … and both levels printed there, at the table's top: its first rows are the first block's (产出)
        first = next((k for k, ind in enumerate(p.indicators) if ind.level1), None)
        lead = p.indicators[first] if first is not None else None
        if lead is not None and (kinds.level_of(lead.level1 or "") or ("",))[0] == "产出":
            for ind in p.indicators[:first]:
                if ind.level1 is None and ind.level2 is None:
                    ind.level1, ind.level2 = lead.level1, lead.level2
                    carried += 1
        if carried:
            report.note("carried-levels", f"{carried} 行的一级单元格为空（合并单元格只印了一次，或续表在其中间断开），"
                        "已按同一块的层级补上，请核对")


def _under(level2: str, level1: str) -> bool:
    """A 二级 that belongs to this 一级 (数量指标 under 产出指标)."""
    own, parent = kinds.level_of(level2), kinds.level_of(level1)
    return own is not None and parent is not None and own[0] == parent[0]
