"""xlsx export (openpyxl): a 部门整体绩效目标 sheet, one sheet per project, a hidden draft sheet.

Each project sheet reproduces the seed's 项目支出绩效目标表 on a 7-column grid (see
``perfdraft.exporters.project_grid``): merged 一级/二级 cells, borders, wrapped text, widths measured
with CJK characters counted as 2, row heights estimated from the wrapped text (neither Excel nor
LibreOffice grows merged rows by itself), A4 portrait, fit to one page wide, the indicator header
row repeated on every printed page.

Numbers: money and 资金支出计划 are numeric cells (formats ``#,##0.00`` and ``0.00``) when Excel can
hold the Decimal exactly (openpyxl writes ``%.16g``; we check it reads back as the same Decimal);
otherwise the cell holds the exact digits as text and the user is told. Blank is an empty cell.

The hidden sheet ``_perfdraft`` holds the draft's TOML text in chunks, plus a fingerprint of the
visible cells so that ``read_embedded`` can tell whether someone edited the tables since the export
(then the importer must read the tables, not the embedded draft). docs/export-formats.md has the spec.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
from collections.abc import Callable, Iterable
from copy import copy
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

from ..drafts import MAX_DRAFT_BYTES
from ..model import Draft
from . import (
    MARKER_FORMAT,
    MARKER_VERSION,
    MONEY,
    NCOLS,
    PERCENT,
    UNIT_LABEL,
    Grid,
    Rendered,
    char_units,
    department_blocks,
    department_line,
    department_title,
    indicator_grid,
    project_grid,
    project_title,
    text_units,
)
from .safety import draft_text, is_formula_like, xml_safe

MARKER_SHEET = "_perfdraft"
DEPARTMENT_SHEET = "部门整体绩效目标"
CHUNK = 8000  # characters per cell of the embedded draft (Excel's limit is 32,767 UTF-16 units)
MAX_CELL = 32767
MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.00"

_BODY = "宋体"
_HEAD = "黑体"
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
FONT = Font(name=_BODY, size=11)
FONT_BOLD = Font(name=_BODY, size=11, bold=True)
FONT_TITLE = Font(name=_HEAD, size=16)
FONT_SECTION = Font(name=_HEAD, size=12)
ALIGN = {
    "label": Alignment(horizontal="center", vertical="center", wrap_text=True),
    "header": Alignment(horizontal="center", vertical="center", wrap_text=True),
    "level": Alignment(horizontal="center", vertical="center", wrap_text=True),
    "value": Alignment(horizontal="center", vertical="center", wrap_text=True),
    "number": Alignment(horizontal="right", vertical="center"),
    "percent": Alignment(horizontal="center", vertical="center"),
    "text": Alignment(horizontal="left", vertical="center", wrap_text=True, indent=1),
    "title": Alignment(horizontal="center", vertical="center", wrap_text=True),
    "left": Alignment(horizontal="left", vertical="center"),
    "right": Alignment(horizontal="right", vertical="center"),
    "para": Alignment(horizontal="left", vertical="top", wrap_text=True, indent=1),
}
LINE_HEIGHT = 14.5  # points per line of 11 pt 宋体
TITLE_HEIGHT = 32.0

_INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


# --- measuring ----------------------------------------------------------------------------------------


def line_count(text: str, width: float) -> int:
    usable = max(2.0, width - 3.0)  # cell padding and the indent of left-aligned text
    return sum(max(1, math.ceil(sum(char_units(c) for c in line) * 1.1 / usable)) for line in text.split("\n"))


# --- numbers ------------------------------------------------------------------------------------------


def excel_number(value: Decimal) -> float | None:
    """The float to store for ``value``, or None when Excel cannot hold it exactly (write text then)."""
    try:
        f = float(value)
    except (OverflowError, ValueError):
        return None
    if not math.isfinite(f):
        return None
    try:
        if Decimal(f"{f:.16g}") != value or Decimal(repr(f)) != value:
            return None
    except InvalidOperation:
        return None
    return f


def number_text(value: Decimal) -> str:
    return f"{value:f}"


# --- sheet names ----------------------------------------------------------------------------------------


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid, unique sheet name: ≤31 characters, none of []:*?/\\, not History, deduped with (2)…"""
    name = _INVALID_SHEET_CHARS.sub("_", xml_safe(wanted)).strip().strip("'") or "项目"
    if name.lower() == "history":
        name += "_"
    base = name[:31].rstrip("'") or "项目"
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        suffix = f"({n})"
        candidate = base[: 31 - len(suffix)].rstrip("'") + suffix
    taken.add(candidate.lower())
    return candidate


# --- writing cells ----------------------------------------------------------------------------------------


class _Writer:
    def __init__(self) -> None:
        self.messages: list[str] = []
        self._styles: dict[tuple, object] = {}

    def style(self, cell, font: Font, align: Alignment, border: bool, number_format: str | None = None) -> None:
        """Style ``cell``. The first cell of each combination goes through openpyxl's descriptors;
        later ones get a copy of its style array (as ``copy_worksheet`` does): assigning Font and
        Border objects hashes them every time, which made a 1,000-sheet export take half a minute."""
        # text() marks formula-like text with the quote prefix; styling after it replaced the whole
        # style array and dropped the mark (the department sheet's "=…" cells), so Excel would run the
        # text as a formula once the cell was edited (issue 9). The mark is kept per cell, not cached.
        quote = cell.quotePrefix
        key = (id(font), id(align), border, number_format)
        cached = self._styles.get(key)
        if cached is not None:
            cell._style = copy(cached)
        else:
            cell.font = font
            cell.alignment = align
            if border:
                cell.border = BORDER
            if number_format:
                cell.number_format = number_format
            cell.quotePrefix = False
            self._styles[key] = copy(cell._style)
        if quote:
            cell.quotePrefix = True

    def text(self, ws: Worksheet, row: int, col: int, text: str) -> None:
        """Write ``text`` as a string cell, never a formula (see safety.py)."""
        clean = xml_safe(text)
        if clean != text:
            self.messages.append(f"{ws.title}!{get_column_letter(col)}{row}：删除了 Excel 无法保存的控制字符"
                                 "（草稿原文已完整嵌入）")
        if len(clean) > MAX_CELL:
            clean = clean[:MAX_CELL]
            self.messages.append(f"{ws.title}!{get_column_letter(col)}{row}：文字超过 Excel 单元格上限 "
                                 f"{MAX_CELL} 字，表中已截断（草稿原文已完整嵌入）")
        cell = ws.cell(row=row, column=col)
        cell.value = clean
        cell.data_type = "s"  # "=…" would be a formula and "#N/A" an error value otherwise
        if is_formula_like(clean):
            cell.quotePrefix = True

    def number(self, ws: Worksheet, row: int, col: int, value: Decimal, kind: str | None) -> None:
        cell = ws.cell(row=row, column=col)
        f = excel_number(value)
        if f is None:
            self.text(ws, row, col, number_text(value))
            self.messages.append(f"{ws.title}!{get_column_letter(col)}{row}：数值 {number_text(value)} "
                                 "超出 Excel 数字精度，按文本写入以保留全部位数")
            return
        cell.value = f
        cell.number_format = PERCENT_FORMAT if kind == PERCENT else MONEY_FORMAT


def _merge(ws: Worksheet, top: int, left: int, bottom: int, right: int) -> None:
    """Merge a range. ``ws.merge_cells`` would also rebuild the border of every edge cell (most of the
    time of a 1,000-sheet export); the writer only needs the range, and the covered cells are
    already styled (an empty styled cell is what Excel itself writes under a merge)."""
    # The layout never overlaps its merges, so skip MultiCellRange.add's containment test too.
    cr = CellRange(min_col=left, min_row=top, max_col=right, max_row=bottom)
    ranges = ws.merged_cells.ranges
    if isinstance(ranges, set):
        ranges.add(cr)
    else:  # pragma: no cover - older openpyxl kept a list
        ranges.append(cr)


def _style_range(w: _Writer, ws: Worksheet, top: int, left: int, bottom: int, right: int, *, font: Font,
                 align: Alignment, border: bool) -> None:
    """Style every cell of a (future) merged range, so that its outline is drawn all round."""
    for r in range(top, bottom + 1):
        for c in range(left, right + 1):
            w.style(ws.cell(row=r, column=c), font, align, border)


def _put_grid(w: _Writer, ws: Worksheet, grid: Grid, top: int, widths: list[float]) -> list[float]:
    """Write ``grid`` with its first row at sheet row ``top``; return the needed height of each row."""
    heights = [LINE_HEIGHT + 5.5] * grid.rows
    for cell in grid.cells:
        r, c = top + cell.row, 1 + cell.col
        bottom, right = r + cell.rowspan - 1, c + cell.colspan - 1
        font = FONT_BOLD if cell.role in ("label", "header") else FONT
        if cell.kind == PERCENT:
            align = ALIGN["percent"]
        elif cell.kind == MONEY:
            align = ALIGN["number"]
        else:
            align = ALIGN[cell.role]
        _style_range(w, ws, r, c, bottom, right, font=font, align=align, border=True)
        if cell.rowspan > 1 or cell.colspan > 1:
            _merge(ws, r, c, bottom, right)
        if cell.number is not None:
            w.number(ws, r, c, cell.number, cell.kind)
        elif cell.text:
            w.text(ws, r, c, cell.text)
        if cell.text and cell.rowspan == 1:
            width = sum(widths[cell.col: cell.col + cell.colspan])
            need = line_count(cell.text, width) * LINE_HEIGHT + 5.5
            heights[cell.row] = max(heights[cell.row], need)
    for cell in grid.cells:  # a tall merged label (预算规模及资金用途) needs room over its rows
        if cell.text and cell.rowspan > 1:
            need = line_count(cell.text, widths[cell.col]) * LINE_HEIGHT + 5.5
            have = sum(heights[cell.row: cell.row + cell.rowspan])
            if need > have:
                heights[cell.row + cell.rowspan - 1] += need - have
    return heights


def _column_widths(grids: Iterable[Grid]) -> list[float]:
    """Column widths (Excel units) fitting the content, CJK counted as 2, within print-friendly bounds."""
    by_col: dict[int, float] = {}
    for grid in grids:
        for cell in grid.cells:
            if cell.colspan != 1:
                continue
            if cell.number is not None:
                f = excel_number(cell.number)
                text = f"{f:,.2f}" if f is not None else number_text(cell.number)
            elif cell.text:  # long text wraps: the bounds below cap its column
                text = cell.text
            else:
                continue
            by_col[cell.col] = max(by_col.get(cell.col, 0.0), text_units(text) + 2)
    bounds = [(10, 12), (12, 16), (13, 18), (16, 18), (14, 22), (12, 20), (16, 24)]
    widths = [min(hi, max(lo, by_col.get(i, lo))) for i, (lo, hi) in enumerate(bounds)]
    if widths[2] + widths[3] < 32:  # 三级指标 (C:D) is the widest text of the grid
        widths[3] = 32 - widths[2]
    return widths


def _page_setup(ws: Worksheet, title_rows: str | None) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.sheet_view.showGridLines = False
    if title_rows:
        ws.print_title_rows = title_rows


def _set_widths(ws: Worksheet, widths: list[float]) -> None:
    for i, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = round(width, 1)


def _project_sheet(w: _Writer, ws: Worksheet, draft: Draft, index: int) -> None:
    project = draft.projects[index]
    grid = project_grid(project)
    widths = _column_widths([grid])
    _set_widths(ws, widths)
    total = sum(widths)
    title = project_title(project, index)
    w.text(ws, 1, 1, title)
    _merge(ws, 1, 1, 1, NCOLS)
    _style_range(w, ws, 1, 1, 1, NCOLS, font=FONT_TITLE, align=ALIGN["title"], border=False)
    ws.row_dimensions[1].height = max(TITLE_HEIGHT, line_count(title, total / 1.45) * 22.0 + 8)
    line = department_line(draft)
    if line:
        w.text(ws, 2, 1, line)
    _merge(ws, 2, 1, 2, 4)
    _style_range(w, ws, 2, 1, 2, 4, font=FONT, align=ALIGN["left"], border=False)
    w.text(ws, 2, 5, UNIT_LABEL)
    _merge(ws, 2, 5, 2, NCOLS)
    _style_range(w, ws, 2, 5, 2, NCOLS, font=FONT, align=ALIGN["right"], border=False)
    ws.row_dimensions[2].height = 20
    top = 3
    heights = _put_grid(w, ws, grid, top, widths)
    for k, h in enumerate(heights):
        ws.row_dimensions[top + k].height = round(h, 1)
    header = top + grid.header_row
    _page_setup(ws, f"{header}:{header}")


def _department_sheet(w: _Writer, ws: Worksheet, draft: Draft) -> None:
    blocks = department_blocks(draft)
    grids = [indicator_grid(b.indicators) for b in blocks if b.kind == "indicators"]
    widths = _column_widths(grids)
    _set_widths(ws, widths)
    total = sum(widths)
    row = 1
    w.text(ws, row, 1, department_title(draft))
    _merge(ws, row, 1, row, NCOLS)
    _style_range(w, ws, row, 1, row, NCOLS, font=FONT_TITLE, align=ALIGN["title"], border=False)
    ws.row_dimensions[row].height = TITLE_HEIGHT
    row += 1
    for block in blocks:
        if block.kind in ("heading1", "heading2", "para"):
            if block.text:
                w.text(ws, row, 1, block.text)
            _merge(ws, row, 1, row, NCOLS)
            heading = block.kind != "para"
            font = FONT_SECTION if heading else FONT
            align = ALIGN["left"] if heading else ALIGN["para"]
            _style_range(w, ws, row, 1, row, NCOLS, font=font, align=align, border=False)
            lines = 1 if heading else line_count(block.text, total)
            ws.row_dimensions[row].height = round(max(22.0, lines * LINE_HEIGHT + 6), 1)
            row += 1
        elif block.kind == "budget":
            w.text(ws, row, 1, block.text)
            _merge(ws, row, 1, row + 1, 2)
            _style_range(w, ws, row, 1, row + 1, 2, font=FONT_BOLD, align=ALIGN["label"], border=True)
            spans = ((3, 4, "合计"), (5, 6, "其中：财政拨款"), (7, 7, "其他资金"))
            for (left, right, label), value in zip(spans, block.budget or (None, None, None), strict=True):
                w.text(ws, row, left, label)
                _style_range(w, ws, row, left, row, right, font=FONT_BOLD, align=ALIGN["label"], border=True)
                _style_range(w, ws, row + 1, left, row + 1, right, font=FONT, align=ALIGN["number"], border=True)
                if right > left:
                    _merge(ws, row, left, row, right)
                    _merge(ws, row + 1, left, row + 1, right)
                if value is not None:
                    w.number(ws, row + 1, left, value, MONEY)
            ws.row_dimensions[row].height = ws.row_dimensions[row + 1].height = LINE_HEIGHT + 7
            row += 2
        elif block.kind == "indicators":
            grid = indicator_grid(block.indicators)
            heights = _put_grid(w, ws, grid, row, widths)
            for k, h in enumerate(heights):
                ws.row_dimensions[row + k].height = round(h, 1)
            row += grid.rows
    _page_setup(ws, None)


# --- the embedded draft ------------------------------------------------------------------------------------


def _norm(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, Decimal)):
        d = value if isinstance(value, Decimal) else Decimal(repr(value))
        return "n:" + format(d.normalize(), "f")
    return "s:" + str(value)


def fingerprint(wb: Workbook) -> str:
    """sha256 over the values of the visible sheets (titles, coordinates, normalised values)."""
    h = hashlib.sha256()
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        h.update(b"\x1e" + ws.title.encode("utf-8"))
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None and cell.value != "":
                    h.update(f"\x1f{cell.coordinate}\x1d{_norm(cell.value)}".encode())
    return h.hexdigest()


def _marker_sheet(w: _Writer, ws: Worksheet, text: str, digest: str) -> None:
    chunks = [text[i:i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]
    meta = [("format", MARKER_FORMAT), ("version", str(MARKER_VERSION)), ("fingerprint", digest),
            ("chunks", str(len(chunks))),
            ("note", "本表由 perfdraft 生成：B6 起为草稿原文（TOML），供 perfdraft import 无损读回，请勿修改。")]
    for r, (key, value) in enumerate(meta, start=1):
        w.text(ws, r, 1, key)
        w.text(ws, r, 2, value)
    for k, chunk in enumerate(chunks):
        w.text(ws, 6 + k, 1, "draft")
        if chunk:
            w.text(ws, 6 + k, 2, chunk)
    ws.sheet_state = "hidden"


@dataclass
class Embedded:
    """The draft text embedded in an export, and whether the visible tables still match it."""

    text: str
    intact: bool


def read_embedded(source: str | Path | Workbook) -> Embedded | None:
    """The embedded draft of a perfdraft xlsx export, or None for any other workbook.

    ``intact`` is False when the visible cells differ from those exported (someone edited the
    tables): the importer should then read the tables and may use the text only as a reference.
    """
    wb = source if isinstance(source, Workbook) else load_workbook(source)
    if MARKER_SHEET not in wb.sheetnames:
        return None
    ws = wb[MARKER_SHEET]
    meta = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, 6)}
    if meta.get("format") != MARKER_FORMAT:
        return None
    try:
        version, n = int(meta.get("version") or 0), int(meta.get("chunks") or 0)
    except ValueError:
        return None
    if version > MARKER_VERSION:
        return None
    # A damaged or forged count (chunks = 1000000) made ws.cell() create a million empty cells:
    # seconds and hundreds of MiB for a 2 KiB file (issue 9). The chunks are rows that exist, and
    # no draft (MAX_DRAFT_BYTES) needs more of them.
    n = min(n, max(0, ws.max_row - 5), MAX_DRAFT_BYTES // CHUNK + 1)
    text = "".join(str(ws.cell(6 + k, 2).value or "") for k in range(n))
    return Embedded(text, fingerprint(wb) == meta.get("fingerprint"))


# --- entry point -------------------------------------------------------------------------------------------


def build_workbook(draft: Draft, step: Callable[[], None] | None = None) -> tuple[Workbook, list[str]]:
    w = _Writer()
    wb = Workbook()
    ws = wb.active
    taken: set[str] = {MARKER_SHEET.lower()}
    ws.title = sheet_name(DEPARTMENT_SHEET, taken)
    _department_sheet(w, ws, draft)
    for i, project in enumerate(draft.projects):
        ws = wb.create_sheet(sheet_name(f"{i + 1}、{project.name or project.code or '项目'}", taken))
        _project_sheet(w, ws, draft, i)
        if step is not None:
            step()
    digest = fingerprint(wb)
    _marker_sheet(w, wb.create_sheet(MARKER_SHEET), draft_text(draft), digest)
    wb.active = 0
    props = wb.properties
    props.creator = "perfdraft"
    props.title = department_title(draft)
    props.subject = "项目支出绩效目标表"
    props.keywords = MARKER_FORMAT
    return wb, w.messages


def render_xlsx(draft: Draft, step: Callable[[], None] | None = None) -> Rendered:
    wb, messages = build_workbook(draft, step)
    buf = io.BytesIO()
    wb.save(buf)
    return Rendered(buf.getvalue(), messages)
