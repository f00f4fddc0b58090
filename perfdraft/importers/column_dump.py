"""Grids a PDF cut apart, put back as rows: one copied column by column (a report engine's text objects in
column order: each column's head, then its cells, one per line), and one too wide for its page, printed as
two pages that each hold some of its columns (the rows of both numbered by their 序号)."""

from __future__ import annotations

from . import kinds
from .cells import Line

_GRID_KINDS = frozenset({"l1", "l2", "name", "value", "desc", "weight", "unit", "sign", "basis"})
_TAIL = 3  # a wrapped cell's end standing alone: a piece this short joins the cell above


def _text(line: Line) -> str | None:
    texts = line.texts()
    return texts[0] if len(texts) == 1 and not line.rowed else None


def _fit(cells: list[tuple[str, str]], n: int) -> list[tuple[str, str]] | None:
    """The column's cells as ``n`` rows: a wrapped cell's short ends joined to the cell above."""
    cells = list(cells)
    while len(cells) > n:
        short = next((j for j in range(1, len(cells)) if len(cells[j][0]) <= _TAIL and not kinds.value_like(cells[j][0])), None)
        if short is None:
            return None
        cells[short - 1] = (cells[short - 1][0] + cells[short][0], cells[short - 1][1])
        del cells[short]
    return cells if len(cells) == n else None


def _block(lines: list[Line], i: int) -> tuple[list[Line], int] | None:
    cols: list[tuple[str, str, list[tuple[str, str]]]] = []
    k = i
    while k < len(lines):
        head = _text(lines[k])
        kind = kinds.header_kind(head) if head else None
        if head is None or kind not in _GRID_KINDS or any(kind == c[0] for c in cols):
            break
        k += 1
        cells: list[tuple[str, str]] = []
        while k < len(lines) and (t := _text(lines[k])) is not None and kinds.header_kind(t) is None \
                and not kinds.signoff(t) and not kinds.table_title(t):
            cells.append((t, lines[k].where))
            k += 1
        if not cells:
            return None
        cols.append((kind, head, cells))
    found = [c[0] for c in cols]
    if len(cols) < 3 or "name" not in found or "value" not in found:
        return None
    n = len(cols[found.index("value")][2])
    fitted = [_fit(c[2], n) for c in cols]
    if n < 2 or any(f is None for f in fitted):
        return None
    out = [Line([c[1] for c in cols], lines[i].where, rowed=True)]
    for j in range(n):
        out.append(Line([f[j][0] for f in fitted if f is not None], fitted[0][j][1] if fitted[0] else "", rowed=True))
    return out, k


def rows_from_columns(lines: list[Line]) -> list[Line]:
    """``lines`` with each grid copied column by column turned back into its header and rows."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        block = _block(lines, i) if _text(lines[i]) and kinds.header_kind(_text(lines[i]) or "") else None
        if block is None:
            out.append(lines[i])
            i += 1
            continue
        rows, i = block
        out.extend(rows)
    return out


_NAMING = frozenset({"l1", "l2", "name"})


def _numbered(lines: list[Line], start: int) -> tuple[list[Line], int]:
    """The rows after a header whose first cell is 1, 2, 3 … in turn; the index after them."""
    rows: list[Line] = []
    k = start
    while k < len(lines):
        texts = lines[k].texts()
        if not (lines[k].rowed and texts and texts[0] == str(len(rows) + 1)):
            break  # the 合计 below the rows, a sign-off
        rows.append(lines[k])
        k += 1
    return rows, k


def rows_from_pages(lines: list[Line]) -> list[Line]:
    """A sheet cut into two pages across: page 1's 序号 | 一级 | 二级 | 三级 rows and, later, page 2's
    序号 | 指标方向 | 指标值 | … rows, numbered alike, joined row by row under one header."""
    heads = [k for k, line in enumerate(lines) if line.rowed and line.texts()[:1]
             and kinds.header_kind(line.texts()[0]) == "seq"]
    for a, b in zip(heads, heads[1:], strict=False):
        first = {kinds.header_kind(c) for c in lines[a].texts()[1:]}
        second = {kinds.header_kind(c) for c in lines[b].texts()[1:]}
        if not (first & _NAMING) or "value" in first or second & _NAMING or "value" not in second:
            continue
        left, _ = _numbered(lines, a + 1)
        right, _ = _numbered(lines, b + 1)
        if len(left) < 2 or len(left) != len(right):
            continue
        joined = [Line([*x.cells, *y.texts()[1:]], x.where, rowed=True) for x, y in zip(left, right, strict=True)]
        header = Line([*lines[a].texts(), *lines[b].texts()[1:]], lines[a].where, rowed=True)
        used = {id(x) for x in (*left, *right, lines[b])}
        return lines[:a] + [header, *joined] + [line for line in lines[a + 1:] if id(line) not in used]
    return lines
