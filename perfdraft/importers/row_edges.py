"""Where a row of the shape assembler ends: a row left without its value ends at the next whole row, a
row of the grid's width that is no indicator is read as a note, a row ends once its value is read, and a
wrapped cell's end printed after the value (a PDF viewer's copy) still belongs to the row."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import kinds
from .cells import Line
from .facts import fact_label

if TYPE_CHECKING:
    from .shape import _Open


class RowEdgesMixin:
    """Row-boundary methods of :class:`~.shape.Shape` (split out to keep files short)."""

    cur: _Open | None
    grid: bool
    cols: list[str] | None
    _skip_line: int
    _after_value: bool
    _level_of: Callable[[str], Any]  # (LevelsMixin's, after this one in Shape's bases)

    def _close(self) -> None:  # pragma: no cover - defined by Shape
        raise NotImplementedError

    def _note(self, text: str, where: str) -> None:  # pragma: no cover - defined by Shape
        raise NotImplementedError

    def _row_start(self, line: Line) -> None:
        """A row left without its value ends where the next row is whole on its own: its name in the
        same column and a value after it (a blank 指标值 had taken the next row's name as its value)."""
        cur = self.cur
        if not (self.grid and cur is not None and line.rowed and not line.spaced and cur.line != id(line)
                and "value" not in cur.fields and 0 <= cur.col < len(line.cells)):
            return
        name = line.cells[cur.col]
        if name and self._level_of(name) is None and not kinds.value_like(name) \
                and any(c and kinds.value_like(c) for c in line.cells[cur.col + 1:]):
            self._close()

    def _row_outside_grid(self, line: Line) -> bool:
        """A row of the grid's width with a short word in its 一级 cell that is no level, an empty 三级 cell and
        only numbers after ('预算执行率 | … | 10', '合计 | … | 100' under the grid): the table's own line, no
        indicator; kept in the notes."""
        cols = self.cols or []
        if not (self.grid and line.rowed and "l1" in cols and "name" in cols and len(line.cells) == len(cols)):
            return False
        head, name = line.cells[cols.index("l1")], line.cells[cols.index("name")]
        rest = [c for k, c in enumerate(line.cells) if c and k != cols.index("l1")]
        if not head or name or len(kinds.squash(head)) > 12 or self._level_of(head) is not None \
                or kinds.value_like(head) or fact_label(head) is not None or kinds.signoff(head) \
                or not rest or not all(kinds.is_number(c) or kinds.is_weight(c) for c in rest):
            return False
        self._close()
        self._note(" ".join(c for c in line.texts()), line.where)
        self._skip_line = id(line)
        return True

    def _row_end(self) -> None:
        if self.grid and self.cur is not None and self.cur.fields.get("value") is not None:
            self._close()

    def _wrapped_tail(self, cur: _Open, c: str, line: Line, nxt: str | None) -> bool:
        """'乡镇（街道）应急救援队伍' / '≥23支' / '建设数量': a viewer's copy, one cell a line, puts a wrapped
        cell's end after the value it sits beside; with no value of its own it ends the value (前) or else
        the name. Up to 3 characters; up to 6 before a level word (a 部门整体 table's own 二级 stands where a
        tail would, before a name)."""
        t = kinds.squash(c)
        short = len(t) <= 3 or len(t) <= 6 and (nxt is None or self._level_of(nxt) is not None)
        if not (self._after_value and not cur.expect and not line.rowed and short and not kinds.value_like(c)
                and self._level_of(c) is None and not kinds.level_part(c) and not (nxt and kinds.value_like(nxt))):
            return False
        value = cur.fields["value"]
        if c[:1] in "前后内以底止左右" and kinds.value_like(value + c):
            cur.fields["value"] = value + c
        else:
            cur.name = (cur.name or "") + c
        return True
