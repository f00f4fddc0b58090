"""A grid pasted on its side (Excel's 选择性粘贴 → 转置): one line per column label — 一级指标, 二级指标,
三级指标, 运算符号, 指标值, 计量单位, 分值 — and one column per indicator. Turned back into a header line
and one line per indicator before the shape reader reads it; a merged 一级 or 二级 cell, given once in
its first column, carries to the columns on its right."""

from __future__ import annotations

from . import kinds
from .cells import Line

_LEVELS = ("l1", "l2")


def _label(line: Line) -> str | None:
    """The column kind a line's first cell names, when the line goes on with cells of its own."""
    first = line.cells[0] if line.rowed and line.cells else None
    if not first or sum(1 for c in line.cells[1:] if c) < 1:
        return None
    kind = kinds.header_kind(first)
    return None if kind in kinds.GRID_ONLY else kind


def untranspose(lines: list[Line]) -> tuple[list[Line], int]:
    """The lines with each grid on its side turned back; how many indicators were turned."""
    out: list[Line] = []
    turned = 0
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _label(lines[j]) is not None:
            j += 1
        block = lines[i:j]
        labels = [_label(line) for line in block]
        width = max((len(line.cells) for line in block), default=0)
        # three or more attribute lines naming the name and the value, over three or more indicators
        if len(block) >= 3 and "name" in labels and "value" in labels and len(set(labels)) == len(labels) \
                and sum(1 for c in block[labels.index("name")].cells[1:] if c) >= 3:
            out.append(Line([line.cells[0] for line in block], block[0].where, rowed=True))
            carried: list[str | None] = [None] * len(block)
            for k in range(1, width):
                cells = [line.cells[k] if k < len(line.cells) else None for line in block]
                if not any(cells):
                    continue
                for r, label in enumerate(labels):
                    if label in _LEVELS:
                        cells[r] = cells[r] or carried[r]
                        carried[r] = cells[r]
                out.append(Line(cells, f"{block[0].where}第 {k + 1} 列", rowed=True))
                turned += 1
            i = j
            continue
        out.extend(block or lines[i:i + 1])
        i = max(j, i + 1)
    return out, turned
