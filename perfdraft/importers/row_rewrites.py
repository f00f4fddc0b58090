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


def packed_list(cell: str | None) -> bool:
    """A cell holding a numbered list of several items."""
    return _items(cell) is not None


def _broken(cell: str | None, n: int) -> list[str] | None:
    """A cell of ``n`` lines (a Word cell's paragraphs, a Markdown cell's <br>) each reading as a value."""
    if not cell or "\n" not in cell:
        return None
    parts = [p.strip() for p in cell.split("\n") if p.strip()]
    return parts if len(parts) == n and all(kinds.value_like(p) or kinds.value_like(p.split("（")[0]) for p in parts) \
        else None


def unpack_numbered_cells(lines: list[Line]) -> tuple[list[Line], int]:
    """A row whose name and value cells each hold a numbered list is that many rows, the k-th item of
    each list in the k-th (a value missing at the end is blank); so is a numbered name list beside a cell
    of as many values on lines of their own; how many rows were unpacked."""
    out: list[Line] = []
    unpacked = 0
    for line in lines:
        lists = {k: items for k, c in enumerate(line.cells) if line.rowed and (items := _items(c)) is not None}
        if len(lists) == 1:
            n = len(next(iter(lists.values())))
            lists |= {k: parts for k, c in enumerate(line.cells) if k not in lists and (parts := _broken(c, n))}
        if len(lists) < 2:
            out.append(line)
            continue
        n = max(len(items) for items in lists.values())
        for j in range(n):
            cells = [(lists[k][j] if j < len(lists[k]) else None) if k in lists else c for k, c in enumerate(line.cells)]
            out.append(Line(cells, line.where, rowed=True, spaced=line.spaced))
        unpacked += n
    return out, unpacked


# A grid whose names and values share one column: '三级指标及指标值' over 'name：value', 'name（value）', 'name≥90%'
_NAME_VALUE_HEAD = re.compile(r"^(?:三级指标|指标名称|绩效指标)(?:及|和|与|、|/|／)(?:指标值|目标值|指标内容)$")
_OPERATOR = re.compile(r"(?:[≥≤><≧≦＞＜＝=]|>=|<=)")


def name_and_value(cell: str) -> tuple[str, str] | None:
    """'示范村补助标准：≤20万元/村', '宣传教育活动（≥12场）', '群众满意度≥90%': the name and the value."""
    text = cell.strip()
    colon = max(text.rfind("："), text.rfind(":"))
    if colon > 0 and kinds.value_like(text[colon + 1:]):
        return text[:colon].strip(), text[colon + 1:].strip()
    if text.endswith(("）", ")")):
        opened = max(text.rfind("（"), text.rfind("("))
        if opened > 0 and kinds.value_like(text[opened + 1:-1]):
            return text[:opened].strip(), text[opened + 1:-1].strip()
    op = _OPERATOR.search(text)
    if op is not None and op.start() > 0 and kinds.value_like(text[op.start():]):
        return text[:op.start()].strip(), text[op.start():].strip()
    return None


def split_name_value_column(lines: list[Line]) -> tuple[list[Line], int]:
    """Under a header whose one column holds names and values together, each such cell split into a name
    cell and a value cell (the header's column into 三级指标 | 指标值); how many were split."""
    out: list[Line] = []
    head_at: int | None = None
    from_end = 0  # a row whose leading empty cells a copy dropped is placed from its end
    split = 0
    for line in lines:
        head = next((k for k, c in enumerate(line.cells) if c and _NAME_VALUE_HEAD.match(kinds.squash(c))), None)
        if line.rowed and head is None and head_at is not None and len(_kinds(line)) >= 3:
            head_at = None  # another table's own header: its names and values have columns of their own
        if line.rowed and head is not None:
            head_at, from_end = head, len(line.cells) - 1 - head
            out.append(Line([*line.cells[:head], "三级指标", "指标值", *line.cells[head + 1:]], line.where,
                            rowed=True, spaced=line.spaced))
            continue
        at = head_at
        if at is not None and at >= len(line.cells) - from_end:
            at = len(line.cells) - 1 - from_end
        if at is not None and line.rowed and 0 <= at < len(line.cells) and line.cells[at]:
            pair = name_and_value(line.cells[at] or "")
            if pair is not None:
                split += 1
            name, value = pair if pair is not None else (line.cells[at], None)
            out.append(Line([*line.cells[:at], name, value, *line.cells[at + 1:]], line.where, rowed=True,
                            spaced=line.spaced))
            continue
        texts = line.texts()
        if head_at is not None and not line.rowed and len(texts) == 1 and (pair := name_and_value(texts[0])) is not None:
            # a row whose level cells were empty: its one cell is the name and the value
            split += 1
            out.append(Line(list(pair), line.where, rowed=True))
            continue
        if head_at is not None and (line.para or kinds.signoff(" ".join(texts))):
            head_at = None  # a paragraph or the sign-off ends the table
        out.append(line)
    return out, split


def merge_header_rows(lines: list[Line]) -> tuple[list[Line], int]:
    """A grid header in two rows (绩效指标 over 一级 | 二级 | 三级, 指标值 over 计算符号 | 数值 | 单位, 分值 and
    备注 merged down both): one header row, each column named by its lower cell, or its upper one where the
    lower is blank (分值, 备注 had been read as rows of their own). How many were merged."""
    out: list[Line] = []
    merged = 0
    for line in lines:
        above = out[-1] if out else None
        if above is not None and above.rowed and line.rowed and len(above.cells) == len(line.cells) and \
                _upper_header(above) and _lower_header(line):
            cells = [low if low else (up if up and kinds.header_kind(up) else None)
                     for up, low in zip(above.cells, line.cells, strict=True)]
            out[-1] = Line(cells, line.where, rowed=True, spaced=line.spaced)
            merged += 1
            continue
        out.append(line)
    return out, merged


def _kinds(line: Line) -> list[str]:
    return [k for c in line.cells if c and (k := kinds.header_kind(c))]


def _upper_header(line: Line) -> bool:
    found = _kinds(line)
    return len(found) >= 2 and not {"l1", "l2", "name"} & set(found)


def _lower_header(line: Line) -> bool:
    found = _kinds(line)
    return len(found) >= 3 and bool({"l2", "name"} & set(found))
