"""A grid printed in two halves side by side (a portrait form: 产出 rows on the left, 效益 and 满意度 on
the right, each half with its own 一级指标 二级指标 三级指标 指标值 header), as a PDF's text layout
gives it: every line carries a left row and an unrelated right one. The halves are cut at the column
where the second header begins and read one after the other, the left half first."""

from __future__ import annotations

import re

from ..cells import width

_FIRST_HEADS = ("一级指标", "一级", "三级指标", "指标名称")
_END = re.compile(r"^\s*(?:填报人|填表人|审核人|联系电话|单位负责人|财务负责人|注[:：]|—\s*\d+\s*—)")


def _second_head(line: str) -> int | None:
    """The display column where a header line's labels begin again from its first one, if they do
    (a 中期 | 年度 header repeats 三级指标 | 指标值 but not the 一级指标 it starts with)."""
    found = [(line.find(head), head) for head in _FIRST_HEADS if head in line]
    if not found or line.count("指标值") < 2:
        return None
    first, head = min(found)
    second = line.find(head, first + len(head))
    return width(line[:second]) if second > 0 else None


def _cut(line: str, column: int) -> tuple[str, str]:
    """``line`` cut where its display column reaches ``column``."""
    used = 0
    for k, ch in enumerate(line):
        if used >= column:
            return line[:k].rstrip(), line[k:]
        used += width(ch)
    return line.rstrip(), ""


def _second_head_cell(cells: list[str]) -> int | None:
    """The cell where a tab-separated header row begins again after an empty spacer cell (two projects
    placed side by side on one sheet), if it does."""
    heads = [c.strip() for c in cells]
    first = next((k for k, c in enumerate(heads) if c in _FIRST_HEADS), None)
    if first is None:
        return None
    second = next((k for k in range(first + 3, len(heads)) if heads[k] == heads[first] and not heads[k - 1]), None)
    return second if second is not None and heads[first:second].count("指标值") == 1 else None


def _right(line: str, cut: int) -> list[str]:
    """A tab-separated line's cells from ``cut`` on, if any holds text."""
    cells = line.split("\t")
    return cells[cut:] if "\t" in line and any(c.strip() for c in cells[cut:]) else []


def _split_tab_halves(lines: list[str]) -> tuple[list[str], int]:
    """Sheets pasted as text with two tables side by side: every tab-separated line of the block is cut
    at the second table's first column; the block runs up from its header through the lines that
    have cells on the right (the second table's own facts) and down through the tab-separated lines."""
    for i, line in enumerate(lines):
        cut = _second_head_cell(line.split("\t")) if "\t" in line else None
        if cut is None:
            continue
        start = i
        while start > 0 and _right(lines[start - 1], cut):
            start -= 1
        end = i
        while end < len(lines) and "\t" in lines[end]:
            end += 1
        left = ["\t".join(lines[n].split("\t")[:cut - 1]).rstrip("\t") for n in range(start, end)]
        rest = ["\t".join(cells) for n in range(start, end) if (cells := _right(lines[n], cut))]
        return lines[:start] + left + [""] + rest + lines[end:], 1
    return lines, 0


def split_halves(text: str) -> tuple[str, int]:
    """The text with each two-halves grid read as its left half, then its right half; how many grids."""
    if text.count("指标值") < 2:
        return text, 0
    lines = text.split("\n")
    lines, tabbed = _split_tab_halves(lines)
    if tabbed:
        return "\n".join(lines), tabbed
    out: list[str] = []
    grids = 0
    i = 0
    while i < len(lines):
        column = _second_head(lines[i])
        if column is None or column < 20:
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].strip() and not _END.match(lines[j]):
            j += 1
        cut = [_cut(line, column) for line in lines[i:j]]
        out.extend(left for left, _ in cut)
        out.extend(right for _, right in cut if right.strip())
        grids += 1
        i = j
    return ("\n".join(out), grids) if grids else (text, 0)
