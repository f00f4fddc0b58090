"""Rows of a table copied from its middle: read before any header or level word, they look like
indicator rows without their levels; when the grid then starts without a header, they are its first
rows (their notes and unplaced items taken back), and the report says their levels are blank."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import values
from . import kinds
from .cells import Line
from .facts import fact_label
from .report import Report

if TYPE_CHECKING:
    from .shape import _Open


def _row_like(line: Line) -> bool:
    """A row of cells that reads as an indicator row without its levels: a name, then a value (or an
    operator and a number) among the cells after it, and no label or level word anywhere."""
    cells = [c.strip() for c in line.cells if c and c.strip()]
    if not line.rowed or len(cells) < 3:
        return False
    name, rest = cells[0], cells[1:]
    if (not re.search(r"[\u4e00-\u9fff]{2}", name) or kinds.value_like(name) or fact_label(name) is not None
            or kinds.header_kind(name) is not None or kinds.level_of(name) is not None):
        return False
    if any(fact_label(c) is not None or kinds.level_of(c) is not None for c in rest):
        return False
    return any(_OPERATOR_CELL.match(c) or _target_value(c) for c in rest)


_OPERATOR_CELL = re.compile(r"^(?:[=≥≤><≧≦＞＜＝]|>=|<=)$")


def _target_value(cell: str) -> bool:
    """A cell that is plainly a target (≥300人, 95%, 2025年12月底前), not any number (a date, a count of
    visits on a page's header)."""
    v = values.parse(kinds.squash(cell))
    return isinstance(v, values.Deadline) or (isinstance(v, values.Quantity) and bool(v.op or v.unit))


class OrphanRowsMixin:
    """For :class:`~.shape.Shape`: rows above the first level word of an excerpt."""

    grid: bool
    cols: list[str] | None
    notes: list[str]
    report: Report
    cur: _Open | None
    # each with the notes and unplaced items it left: (line, notes from, to, unplaced from, to)
    _orphans: list[tuple[Line, int, int, int, int]]
    _orphan_open: tuple[Line, int, int] | None

    def _grid_cell(self, c: str, line: Line, where: str, nxt: str | None) -> None:  # pragma: no cover
        raise NotImplementedError

    def _row_end(self) -> None:  # pragma: no cover - defined by Shape
        raise NotImplementedError

    def _close(self) -> None:  # pragma: no cover - defined by Shape
        raise NotImplementedError

    def _orphan_line(self, line: Line) -> None:
        """Keep track of rows read before any grid that look like indicator rows (see _orphans)."""
        if self._orphan_open is not None:
            prev, n0, u0 = self._orphan_open
            self._orphans.append((prev, n0, len(self.notes), u0, len(self.report.unplaced)))
            self._orphan_open = None
        if self.grid or self.cols is not None:
            self._orphans = []
            return
        texts = [c.strip() for c in line.cells if c and c.strip() and not kinds.furniture(c.strip())]
        if _row_like(line):
            self._orphan_open = (line, len(self.notes), len(self.report.unplaced))
        elif texts and not (line.rowed and kinds.level_of(texts[0]) is not None):
            self._orphans = []  # text between: what came before is not the top of this table

    def _grid_started(self, guessed: bool, first_grid: bool) -> None:
        self._orphan_open = None  # the line starting the grid is no orphan
        if guessed and first_grid and self._orphans:
            self._replay_orphans()

    def _replay_orphans(self) -> None:
        """The rows above the first level word of a table copied from its middle, read as its first rows
        (their levels are not in the excerpt: left blank, for the check to ask)."""
        orphans, self._orphans = self._orphans, []
        for _, n0, n1, u0, u1 in reversed(orphans):
            del self.notes[n0:n1]
            del self.report.unplaced[u0:u1]
        for line, *_ in orphans:
            for i, c in enumerate(line.cells):
                if c and c.strip():
                    nxt = next((x for x in line.cells[i + 1:] if x), None)
                    self._grid_cell(c.strip(), line, line.where, nxt)
            self._row_end()
        if orphans:
            self.report.note("orphan-rows", f"表格从中间开始：第一个层级名称之前的 {len(orphans)} 行按指标行读入，"
                             "一级、二级指标留空，请补上", orphans[0][0].where)
        self._close()
