"""Level cells of the shape assembler: which 一级 / 二级 a cell names (in the table's own framework once
it showed one), what a level cell does to the levels in force, and levels the vocabulary lacks."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from .. import frameworks
from . import kinds
from .cells import Line
from .facts import fact_label


class LineFacts(NamedTuple):
    texts: list[int]  # the places of the line's non-blank cells
    heads: int  # cells naming a column of the grid's header
    plain_heads: int  # of those, the ones that name no grid-only column (项目名称 | 送戏下乡 is a fact)


class LevelsMixin:
    """Level methods of :class:`~.shape.Shape` (split out to keep files short)."""

    cols: list[str] | None
    guessed: bool
    fw: str | None
    level1: str | None
    level2: str | None
    _ahead_raw: list[str | None]
    _level_last = False  # the last cell read was a level name (no row opened since)

    _facts_line: Line | None = None
    _facts: LineFacts = LineFacts([], 0, 0)

    def _line_facts(self, line: Line) -> LineFacts:
        """Once per line: what every cell asks of the whole line. A table pasted as one line of thousands
        of cells had each cell rescan the line (a 556 KB line took 44 s)."""
        if self._facts_line is not line:
            heads = [kinds.header_kind(x) if x else None for x in line.cells]
            self._facts_line = line
            self._facts = LineFacts([k for k, x in enumerate(line.cells) if x and x.strip()],
                                    sum(1 for h in heads if h), sum(1 for h in heads if h and h not in kinds.GRID_ONLY))
        return self._facts

    def _row_level(self, c: str, cells: Line, i: int) -> bool:
        """A row's cell in a level column the vocabulary does not know (履职目标, 重点工作任务完成): where
        the value is the last column and the row ends in a value, its cells stand right-aligned under
        the header (the merged levels on its left are the ones missing)."""
        cols = self.cols or []
        texts = self._line_facts(cells).texts
        if self.guessed or not cols or len(set(cols)) != len(cols) or i not in texts[:2] \
                or kinds.value_like(c) or self._level_of(c) is not None or kinds.grid_lead(c):
            return False
        if len(cells.cells) == len(cols) and "value" in cols and _in_place(cells.cells, cols):
            col = cols[i]  # every column there, empty ones kept: each cell stands in its own (分值 after 指标值)
        elif cols[-1] == "value" and len(texts) <= len(cols) and kinds.value_like(cells.cells[texts[-1]] or ""):
            col = cols[len(cols) - len(texts) + texts.index(i)]
        else:
            return False
        if col == "l2":
            self.level2 = c.strip()
        elif col == "l1":
            self.level1, self.level2 = c.strip(), None
        else:
            return False
        return True

    def _unknown_level(self, c: str) -> bool:
        """Line order, levels the vocabulary lacks (部门整体: 履职效能 / 城乡住房保障): the texts before
        the next value are the name and, before it, the levels its merged cells left once."""
        cols = self.cols or []
        # only where the value is the last column: texts before it can be nothing but name and levels
        if self.guessed or not ("l2" in cols and "name" in cols and cols[cols.index("name") + 1:] == ["value"]) \
                or kinds.value_like(c):
            return False
        texts = 1
        for x in self._ahead_raw:
            if x is None or self._level_of(x) is not None or fact_label(x) is not None:
                return False  # an empty cell kept in line order: the layout shows its merges
            if kinds.value_like(x):
                break
            texts += 1
        else:
            return False
        if texts == 2:
            self.level2 = c
        elif texts == 3 and "l1" in cols:
            self.level1, self.level2 = c, None
        else:
            return False
        return True

    def _l2_as_name(self) -> bool:
        cols = self.cols or []
        return "name" in cols and "l2" not in cols

    def _level_of(self, c: str) -> tuple[str | None, str | None, str] | None:
        """A level cell, read in the table's own framework once one of its 一级 showed it (发改:
        实施效果 → 产出/效益/满意度 and 过程管理 → 计划/资金/项目/监督管理 are 二级 there)."""
        fid = kinds.own_framework(c)
        if fid is not None:
            self.fw = fid
        if self.fw is not None:
            lv = kinds.framework_level(c, self.fw)
            if lv is not None:
                return lv
        lv = kinds.level_of(c)
        if lv is None and self.level1 and frameworks.is_department_level1(kinds.squash(c)):
            # '社会效应指标' under 效益指标 is 社会效益 mistyped; elsewhere a 部门整体 一级 of its own
            slip, under = kinds.slip_level(kinds.squash(c)), kinds.level_of(self.level1)
            if slip is not None and under is not None and slip[0] == under[0]:
                return slip[0], slip[1], kinds.squash(c)
        return lv

    def _level(self, lv: tuple[str | None, str | None, str], text: str) -> None:
        l1, l2, _ = lv
        label = re.sub(r"\s+", "", text)
        label = kinds._SCORE_TAIL.sub("", label)
        # '一、产出指标', '（一）数量指标': a document's numbered heading over its block; the level is the word
        label = kinds._HEADING_MARK.sub("", label, count=1)
        if self.fw is not None and kinds.framework_level(text, self.fw) is not None:
            if l2 is None:
                self.level1, self.level2 = label, None
                return
            cur1 = kinds.framework_level(self.level1, self.fw) if self.level1 else None
            if cur1 is None or cur1[0] != l1:
                self.level1 = None  # a 二级 of another 一级: the 一级 cell was merged away
            self.level2 = label
            return
        if l1 == "满意度" and self.level1 and frameworks.is_department_level1(self.level1):
            # a 部门整体 table's third 一级 (服务对象满意度 after 履职效能, 管理效率): a 一级 of its own,
            # not a 二级 under 管理效率; the same word again is its 二级
            self.level1, self.level2 = label, None
            self._level_last = True
            return
        if l2 is None or (l1 == "满意度" and l2 == "服务对象满意度" and self.level1 is None):
            cur1 = kinds.level_of(self.level1) if self.level1 else None
            if cur1 and cur1[0] == l1 and self.level2 is None and l1 == "满意度" and l2 is None:
                self.level2 = label  # 满意度指标 | 满意度指标: the second is the 二级
                return
            if l2 is None:
                under = kinds.level_of(self.level2) if self.level2 and self.level1 is None else None
                # a 一级 merged cell printed mid-block (PDF text): the 二级 above is still open
                self.level1, self.level2 = label, (self.level2 if under and under[0] == l1 else None)
                return
        before = kinds.level_of(self.level2) if self.level2 and self._level_last else None
        if before and l2 != before[1] and before[0] == l1 and before[0] == before[1]:
            # '成本指标' then '经济成本指标' with no row between: the first is the 一级 (central-2021)
            self.level1, self.level2 = self.level2, label
            self._level_last = True
            return
        self._level_last = True
        if l1 == "成本" and l2 == "成本" and self.level1 is None:
            self.level1, self.level2 = None, label
            return
        if l1 is not None and self.level1 is not None:
            cur1 = kinds.level_of(self.level1)
            if cur1 and cur1[0] not in (l1, "投入", "决策", "管理", "绩效") and not (l1 == "成本" and cur1[0] == "产出"):
                self.level1 = None  # a 二级 of another 一级: the 一级 cell was merged away
        self.level2 = label


_FITS: dict[str, Callable[[str], bool]] = {"value": kinds.value_like, "weight": lambda c: kinds.is_weight(c) or kinds.is_number(c), "unit": kinds.is_unit,
         "sign": kinds.is_sign, "name": lambda c: not kinds.value_like(c)}


def _in_place(cells: list[str | None], cols: list[str]) -> bool:
    """Every cell of a full-width row fits its column (a blank 指标值 beside its 分值 too), and there is a
    value or a name to read: not a row whose cells slid left past its merged levels."""
    fits = all(c is None or col not in _FITS or _FITS[col](c) for c, col in zip(cells, cols, strict=True))
    value = cells[cols.index("value")]
    name = cells[cols.index("name")] if "name" in cols else None
    return fits and (value is not None or name is not None)
