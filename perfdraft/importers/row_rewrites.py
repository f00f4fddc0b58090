"""Rows rewritten after a text capture is read: ditto marks filled from the row above, and a row whose
cells each hold a numbered list unpacked into that many rows."""

from __future__ import annotations

import re

from . import kinds
from .cells import Line


def fill_ditto_cells(lines: list[Line]) -> int:
    """A row's cell holding a ditto mark ('〃' for the 一级 above) takes the cell above it in the same
    column, where both rows have their cells in place; how many."""
    filled = 0
    above: Line | None = None
    for line in lines:
        if not line.rowed:
            continue
        if above is not None:
            for k, c in enumerate(line.cells):
                # the first two columns (the levels) stand in place even where a blank cell further
                # right shortened one of the rows
                if c and c.strip() in kinds.DITTO_MARKS and k < len(above.cells) and above.cells[k] and (
                        k <= 1 or len(above.cells) == len(line.cells)):
                    line.cells[k] = above.cells[k]
                    filled += 1
        above = line
    return filled


# '1.举办…；2.承办…；3.新建…' beside '1.≥30场次；2.≥4项；3.≥60套' (or ①… ②…): several rows packed in one
_ITEM_MARK = re.compile(r"(?:^|(?<=[；;，,。\s]))\s*(?:\d{1,2}[.、．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])\s*")


def _items(cell: str | None) -> list[str] | None:
    if not cell or not _ITEM_MARK.match(cell):
        return None
    parts = [p.strip(" ；;，,。") for p in _ITEM_MARK.split(cell)]
    parts = [p for p in parts if p]
    return parts if len(parts) >= 2 else None


def unpack_numbered_cells(lines: list[Line]) -> tuple[list[Line], int]:
    """A row whose name and value cells each hold a numbered list is that many rows, the k-th item of
    each list in the k-th (a value missing at the end is blank); how many rows were unpacked."""
    out: list[Line] = []
    unpacked = 0
    for line in lines:
        lists = {k: items for k, c in enumerate(line.cells) if line.rowed and (items := _items(c)) is not None}
        if len(lists) < 2:
            out.append(line)
            continue
        n = max(len(items) for items in lists.values())
        for j in range(n):
            cells = [(lists[k][j] if j < len(lists[k]) else None) if k in lists else c for k, c in enumerate(line.cells)]
            out.append(Line(cells, line.where, rowed=True, spaced=line.spaced))
        unpacked += n
    return out, unpacked
