"""xlsx export, streamed through xlsxwriter's ``constant_memory`` mode (issue 21).

Sheets: ``部门整体绩效目标`` (only when the department part has content), one sheet per project in
its profile's layout (``exporters.table_grid``: the seed's 7-column grid for hebei-2020), then the
hidden ``_perfdraft`` sheet with the draft. Every sheet is written row by row and flushed, so memory
stays flat for 10,000 projects; each sheet's temp file is closed once written (one open file per
sheet would exceed the usual limit of 1,024).

Print set-up (issue 20): A4 portrait, fit to one page wide and as many tall as the rows need,
centred, print area = the table, the indicator header row repeated on every printed page (print
titles), footer ``第 &P 页，共 &N 页``, grid lines hidden. Merged 一级/二级 cells, borders, wrapped
text, widths measured with CJK counted as 2, row heights estimated from the wrapped text (neither
Excel nor LibreOffice grows a merged row by itself).

Numbers: money and 资金支出计划 are numeric cells (``#,##0.00`` and ``0.00``) when Excel can hold the
Decimal exactly; otherwise the exact digits as text, and the user is told. Blank is an empty cell.

The hidden sheet holds the draft's TOML text in chunks plus a fingerprint of the visible cells,
computed while they are written, so ``read_embedded`` can tell whether someone edited the tables
since the export. docs/export-formats.md has the spec.
"""

from __future__ import annotations

import hashlib
import math
import tempfile
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import IO, Any

from ..model import Draft
from ..sheet_refs import column_letters
from . import (
    MARKER_FORMAT,
    MONEY,
    NCOLS,
    PERCENT,
    UNIT_LABEL,
    Cell,
    Grid,
    Rendered,
    department_blocks,
    department_line,
    department_title,
    indicator_grid,
    line_units,
    project_title,
    signoff_labels,
    table_grid,
    text_units,
)
from .safety import draft_pieces, drop_unfinished_zip, is_formula_like, xml_safe
from .xlsx_embed import (  # noqa: F401 - read_embedded, fingerprint: the importers' and tests' names
    CHUNK,
    MARKER_SHEET,
    SHEET_VERSION,
    Embedded,
    _norm_number,
    _toml_without_ooxml_escapes,
    fingerprint,
    read_embedded,
    sheet_name,
    stored_text,
)

DEPARTMENT_SHEET = "部门整体绩效目标"
IMPORT_SHEET = "导入"
MAX_CELL = 32767
MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.00"
LINE_HEIGHT = 14.5  # points per line of 11 pt 宋体
TITLE_HEIGHT = 32.0
CM_PER_UNIT = 0.2  # one Excel column-width unit on paper, roughly
XLSX_SCALE = 1.3  # profile tables are laid out this much wider than the paper (printed at ~77%)
FLUSH_ROWS = 1000  # long sheets (import rows) are written in batches of rows
MARKER_FLUSH_ROWS = 32  # the draft's chunks: 1,000 of them held 16 MiB of text at once

_BASE = {"font_name": "宋体", "font_size": 11, "valign": "vcenter"}
STYLES: dict[str, dict[str, Any]] = {
    "label": {"align": "center", "text_wrap": True, "bold": True, "border": 1},
    "header": {"align": "center", "text_wrap": True, "bold": True, "border": 1},
    "level": {"align": "center", "text_wrap": True, "border": 1},
    "value": {"align": "center", "text_wrap": True, "border": 1},
    "money": {"align": "right", "border": 1, "num_format": MONEY_FORMAT},
    "percent": {"align": "center", "border": 1, "num_format": PERCENT_FORMAT},
    "text": {"align": "left", "text_wrap": True, "indent": 1, "border": 1},
    "title": {"align": "center", "text_wrap": True, "font_name": "黑体", "font_size": 16},
    "section": {"align": "left", "font_name": "黑体", "font_size": 12},
    "left": {"align": "left"},
    "right": {"align": "right"},
    "para": {"align": "left", "valign": "top", "text_wrap": True, "indent": 1},
    "marker": {},
}


# --- measuring and numbers ---------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def line_count(text: str, width: float) -> int:
    usable = max(2.0, width - 3.0)  # cell padding and the indent of left-aligned text
    return sum(max(1, math.ceil(line_units(line) * 1.1 / usable)) for line in text.split("\n"))


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


# --- one sheet, written in row order ----------------------------------------------------------------


class _Sheet:
    """Collects the cells of one sheet, then writes them row by row (constant_memory needs that),
    hashing each non-empty visible value as ``fingerprint`` reads it back."""

    def __init__(self, writer: _Writer, ws: Any, *, visible: bool = True):
        self.w, self.ws, self.visible = writer, ws, visible
        self.cells: dict[tuple[int, int], tuple[str | float | None, str, bool]] = {}
        self.heights: dict[int, float] = {}
        self.last_row = 0
        self.titled = False

    def put(self, r: int, c: int, value: str | float | None, style: str) -> None:
        quote = isinstance(value, str) and is_formula_like(value)
        self.cells[(r, c)] = (value, style, quote)
        self.last_row = max(self.last_row, r)

    def text(self, r: int, c: int, text: str | None, style: str) -> None:
        if not text:
            self.put(r, c, None, style)
            return
        clean = xml_safe(text)
        where = f"{self.ws.name}!{column_letters(c)}{r + 1}"
        if clean != text:
            self.w.messages.append(f"{where}：删除了 Excel 无法保存的控制字符（草稿原文已完整嵌入）")
        if len(clean) > MAX_CELL:
            clean = clean[:MAX_CELL]
            self.w.messages.append(f"{where}：文字超过 Excel 单元格上限 {MAX_CELL} 字，表中已截断（草稿原文已完整嵌入）")
        self.put(r, c, clean, style)

    def number(self, r: int, c: int, value: Decimal, style: str) -> None:
        f = excel_number(value)
        if f is None:
            self.text(r, c, number_text(value), style)
            self.w.messages.append(f"{self.ws.name}!{column_letters(c)}{r + 1}：数值 {number_text(value)} "
                                   "超出 Excel 数字精度，按文本写入以保留全部位数")
            return
        self.put(r, c, f, style)

    def merge(self, top: int, left: int, bottom: int, right: int, value: str | float | None, style: str) -> None:
        """A merged range: the value in its first cell, styled blanks under the rest (so that the
        outline is drawn all round), as Excel itself writes it."""
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                if (r, c) != (top, left):
                    self.put(r, c, None, style)
        # merge_range would write the padding blanks row by row at once, and constant_memory drops
        # any cell written to a row above the last one touched: register the range, write in order.
        # One tuple object per distinct range, shared by every sheet: 10,000 sheets hold ~40 each
        # and are alive until the workbook closes (35 MiB as a tuple per range and sheet).
        key = (top, left, bottom, right)
        self.ws.merge.append(self.w.shared.setdefault(key, key))

    def flush_rows(self) -> None:
        """Write the rows collected so far and forget them (later cells must lie below them)."""
        ws, fmt, h = self.ws, self.w.format, self.w.hash
        if self.visible and not self.titled:
            h.update(b"\x1e" + ws.name.encode("utf-8"))
            self.titled = True
        for r in sorted(self.heights):
            ws.set_row(r, round(self.heights[r], 1))
        self.heights.clear()
        for (r, c), (value, style, quote) in sorted(self.cells.items()):
            if value is None or value == "":
                if style != "marker":
                    ws.write_blank(r, c, None, fmt(style, False))
                continue
            if isinstance(value, float):
                ws.write_number(r, c, value, fmt(style, False))
                norm = _norm_number(value)
            else:
                ws.write_string(r, c, value, fmt(style, quote))
                norm = "s:" + stored_text(value)
            if self.visible:
                h.update(f"\x1f{column_letters(c)}{r + 1}\x1d{norm}".encode())
        self.cells.clear()

    def flush(self) -> None:
        self.flush_rows()
        ws = self.ws
        # xlsxwriter's private constant_memory API, best effort: write the last row now (the workbook
        # would at close, from records kept until then), so nothing of the rows stays in memory.
        write_row = getattr(ws, "_write_single_row", None)
        early = callable(write_row) and isinstance(getattr(ws, "previous_row", None), int)
        if early:
            write_row(ws.previous_row + 1)  # type: ignore[misc]
        ws._opt_close()  # see the module docstring: one open temp file per sheet adds up
        if early and getattr(ws, "row_data_fh_closed", False):
            ws.fh = ws.row_data_fh = None  # closed; reopened by name at close
        # Rows already in the temp file need no row info any more (it is read when a row is written,
        # and for images, which we have none). Dropping it saves ~7 KiB a sheet, 70 MiB for 10,000
        # projects. row_info before 3.2.1 is named set_rows there.
        last = None if early else ws.previous_row
        for info in (getattr(ws, "row_info", None), getattr(ws, "row_sizes", None)):
            if not isinstance(info, dict):
                continue
            keep = info.get(last)
            info.clear()
            if keep is not None:
                info[last] = keep


class _Writer:
    def __init__(self, wb: Any):
        self.wb = wb
        self.messages: list[str] = []
        self.hash = hashlib.sha256()
        self.shared: dict[Any, Any] = {}  # equal per-sheet records, kept once (see _Sheet.merge)
        self._formats: dict[tuple[str, bool], Any] = {}

    def format(self, style: str, quote: bool) -> Any:
        key = (style, quote)
        if key not in self._formats:
            props = {**_BASE, **STYLES[style]}
            if quote:  # Excel keeps such text text even when the cell is edited (issue 9)
                props["quote_prefix"] = True
            self._formats[key] = self.wb.add_format(props)
        return self._formats[key]


def _share_columns(w: _Writer, ws: Any) -> None:
    """The sheet's column records replaced by equal ones already kept for another sheet (xlsxwriter
    holds every sheet's until the workbook closes; the projects' sheets have the same few widths)."""
    info = getattr(ws, "col_info", None)  # xlsxwriter's private table: best effort
    if not isinstance(info, dict):
        return
    for col, ci in info.items():
        try:
            key = ("col", ci.width, id(ci.column_format), ci.hidden, ci.level, ci.collapsed, ci.autofit)
        except AttributeError:  # another xlsxwriter's record: leave it
            return
        info[col] = w.shared.setdefault(key, ci)


def _style_of(cell: Cell) -> str:
    if cell.kind == PERCENT:
        return "percent"
    if cell.kind == MONEY:
        return "money"
    return cell.role


def _put_grid(sheet: _Sheet, grid: Grid, top: int, widths: list[float]) -> None:
    """Write ``grid`` with its first row at sheet row ``top`` and estimate each row's height."""
    heights = [LINE_HEIGHT + 5.5] * grid.rows
    for cell in grid.cells:
        r, c = top + cell.row, cell.col
        style = _style_of(cell)
        value: str | float | None = None
        if cell.number is not None:
            sheet.number(r, c, cell.number, style)
            value = sheet.cells[(r, c)][0]
        else:
            sheet.text(r, c, cell.text, style)
            value = sheet.cells[(r, c)][0]
        if cell.rowspan > 1 or cell.colspan > 1:
            sheet.merge(r, c, r + cell.rowspan - 1, c + cell.colspan - 1, value, style)
        if cell.text and cell.rowspan == 1:
            width = sum(widths[cell.col: cell.col + cell.colspan])
            heights[cell.row] = max(heights[cell.row], line_count(cell.text, width) * LINE_HEIGHT + 5.5)
    for cell in grid.cells:  # a tall merged label (预算规模及资金用途) needs room over its rows
        if cell.text and cell.rowspan > 1:
            need = line_count(cell.text, widths[cell.col]) * LINE_HEIGHT + 5.5
            have = sum(heights[cell.row: cell.row + cell.rowspan])
            if need > have:
                heights[cell.row + cell.rowspan - 1] += need - have
    for k, hgt in enumerate(heights):
        sheet.heights[top + k] = hgt


def _column_widths(grids: Iterable[Grid]) -> list[float]:
    """Column widths (Excel units) of the seed's grid fitting the content, CJK counted as 2."""
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


def _grid_widths(grid: Grid) -> list[float]:
    if grid.widths_cm is not None:  # wider than the paper: fit-to-width shrinks it, the text wraps less
        return [round(w / CM_PER_UNIT * XLSX_SCALE, 1) for w in grid.widths_cm]
    return _column_widths([grid])


def _page_setup(ws: Any, last_row: int, last_col: int, title_row: int | None, *, wide: bool = False) -> None:
    ws.set_paper(9)  # A4
    if wide:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)  # one page wide, as tall as the rows need
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
    ws.set_footer("&C第 &P 页，共 &N 页", {"margin": 0.3})
    ws.hide_gridlines(2)
    ws.print_area(0, 0, last_row, last_col)
    if title_row is not None:
        ws.repeat_rows(title_row)


def _signoff(sheet: _Sheet, row: int, ncols: int, labels: tuple[str, ...]) -> int:
    """The sign-off labels under the table, three to a row; returns the next free row."""
    if not labels:
        return row
    row += 1  # a blank row between the table and the signatures
    third = max(1, ncols // 3)
    for k in range(0, len(labels), 3):
        for j, label in enumerate(labels[k:k + 3]):
            left = j * third
            right = ncols - 1 if j == 2 else left + third - 1
            text = f"{label}：　　年　月　日" if label.endswith("日期") else (
                label if label.endswith("）") else f"{label}：")
            sheet.text(row, left, text, "left")
            if right > left:
                sheet.merge(row, left, row, right, text, "left")
        sheet.heights[row] = 22.0
        row += 1
    return row


def _project_sheet(w: _Writer, ws: Any, draft: Draft, index: int) -> None:
    project = draft.projects[index]
    grid = table_grid(draft, project)
    ncols = grid.ncols
    widths = _grid_widths(grid)
    for i, width in enumerate(widths):
        ws.set_column(i, i, round(width, 1))
    _share_columns(w, ws)
    sheet = _Sheet(w, ws)
    title = project_title(project, index)
    sheet.text(0, 0, title, "title")
    sheet.merge(0, 0, 0, ncols - 1, title, "title")
    sheet.heights[0] = max(TITLE_HEIGHT, line_count(title, sum(widths) / 1.45) * 22.0 + 8)
    line = department_line(draft)
    half = max(1, ncols * 4 // 7)
    sheet.text(1, 0, line, "left")
    sheet.merge(1, 0, 1, half - 1, line, "left")
    sheet.text(1, half, UNIT_LABEL, "right")
    if ncols - 1 > half:
        sheet.merge(1, half, 1, ncols - 1, UNIT_LABEL, "right")
    sheet.heights[1] = 20
    top = 2
    _put_grid(sheet, grid, top, widths)
    last = _signoff(sheet, top + grid.rows, ncols, signoff_labels(draft)) - 1
    from ..profiles import for_draft
    from .layout import landscape

    _page_setup(ws, last, ncols - 1, top + grid.header_row, wide=landscape(for_draft(draft)))
    sheet.flush()


def _department_sheet(w: _Writer, ws: Any, draft: Draft, blocks: list) -> None:
    grids = [indicator_grid(b.indicators) for b in blocks if b.kind == "indicators"]
    widths = _column_widths(grids)
    for i, width in enumerate(widths):
        ws.set_column(i, i, round(width, 1))
    total = sum(widths)
    sheet = _Sheet(w, ws)
    title = department_title(draft)
    sheet.text(0, 0, title, "title")
    sheet.merge(0, 0, 0, NCOLS - 1, title, "title")
    sheet.heights[0] = TITLE_HEIGHT
    row = 1
    for block in blocks:
        if block.kind in ("heading1", "heading2", "para"):
            heading = block.kind != "para"
            style = "section" if heading else "para"
            sheet.text(row, 0, block.text, style)
            sheet.merge(row, 0, row, NCOLS - 1, sheet.cells[(row, 0)][0], style)
            lines = 1 if heading else line_count(block.text, total)
            sheet.heights[row] = round(max(22.0, lines * LINE_HEIGHT + 6), 1)
            row += 1
        elif block.kind == "budget":
            sheet.text(row, 0, block.text, "label")
            sheet.merge(row, 0, row + 1, 1, block.text, "label")
            spans = ((2, 3, "合计"), (4, 5, "其中：财政拨款"), (6, 6, "其他资金"))
            for (left, right, label), value in zip(spans, block.budget or (None, None, None), strict=True):
                sheet.text(row, left, label, "label")
                if value is not None:
                    sheet.number(row + 1, left, value, "money")
                else:
                    sheet.put(row + 1, left, None, "money")
                if right > left:
                    sheet.merge(row, left, row, right, label, "label")
                    sheet.merge(row + 1, left, row + 1, right, sheet.cells[(row + 1, left)][0], "money")
            sheet.heights[row] = sheet.heights[row + 1] = LINE_HEIGHT + 7
            row += 2
        elif block.kind == "indicators":
            grid = indicator_grid(block.indicators)
            _put_grid(sheet, grid, row, widths)
            row += grid.rows
    _page_setup(ws, max(0, row - 1), NCOLS - 1, None)
    sheet.flush()


# --- the embedded draft ------------------------------------------------------------------------------------


def _marker_sheet(w: _Writer, ws: Any, pieces: Iterable[str], digest: str) -> None:
    """Key/value rows: format, version, fingerprint, note, then the TOML in ``draft`` rows of
    ``CHUNK`` characters, then their count. The count comes last because the text is dumped project
    by project while it is written (constant_memory writes rows in order)."""
    meta = [("format", MARKER_FORMAT), ("version", str(SHEET_VERSION)), ("fingerprint", digest),
            ("note", "本表由 perfdraft 生成：draft 各行依次为草稿原文（TOML），供 perfdraft import 无损读回，请勿修改。")]
    sheet = _Sheet(w, ws, visible=False)
    for r, (key, value) in enumerate(meta):
        sheet.put(r, 0, key, "marker")
        sheet.put(r, 1, value, "marker")
    row = len(meta)
    buffer = ""

    def emit(chunk: str) -> None:
        nonlocal row
        sheet.put(row, 0, "draft", "marker")
        sheet.put(row, 1, chunk, "marker")
        row += 1
        if len(sheet.cells) > 2 * MARKER_FLUSH_ROWS:  # rows of 8,000 characters: keep few in memory
            sheet.flush_rows()

    import hashlib

    text_hash = hashlib.sha256()  # the text as read back: text_digest of the joined chunks
    for piece in pieces:
        piece = _toml_without_ooxml_escapes(piece)
        text_hash.update(piece.encode("utf-8"))
        buffer += piece
        while len(buffer) >= CHUNK:
            emit(buffer[:CHUNK])
            buffer = buffer[CHUNK:]
    if buffer or row == len(meta):
        emit(buffer)
    chunks = row - len(meta)
    sheet.put(row, 0, "chunks", "marker")
    sheet.put(row, 1, str(chunks), "marker")
    sheet.put(row + 1, 0, "text-digest", "marker")
    sheet.put(row + 1, 1, text_hash.hexdigest(), "marker")
    ws.hide()
    sheet.flush()


# --- entry point -------------------------------------------------------------------------------------------


def _import_sheet(w: _Writer, ws: Any, draft: Draft, layout: str) -> None:
    """The budget system's import columns on one sheet: a header row, one row per indicator."""
    from .csv_export import import_rows

    columns, rows, messages = import_rows(draft, layout)
    w.messages += messages
    sheet = _Sheet(w, ws)
    widths = [max(10.0, min(40.0, text_units(c) + 4)) for c in columns]
    for c, title in enumerate(columns):  # the long-text columns get room to wrap in
        if title in ("三级指标名称", "三级指标", "指标解释", "评分标准", "扣分标准", "指标值确定依据", "指标值说明"):
            widths[c] = 30.0
    for c, title in enumerate(columns):
        sheet.text(0, c, title, "header")
    for c, width in enumerate(widths):
        ws.set_column(c, c, round(width, 1))  # from the titles: rows are written as they come
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            sheet.text(r, c, value, "value")
        if r % FLUSH_ROWS == 0:
            sheet.flush_rows()
    ws.freeze_panes(1, 0)
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    sheet.flush()


TRIM_EVERY = 250  # sheets between two returns of freed heap memory to the system


def _give_back_memory() -> None:
    """Return the C heap's free pages to the system (glibc only; elsewhere nothing). Each sheet's
    transient buffers are freed between long-lived records, and glibc keeps such holes mapped: at
    10,000 projects a third of the export's resident memory was freed memory (issue 21)."""
    global _trim
    if _trim is None:
        _trim = False
        try:
            import ctypes

            _trim = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            pass
    if _trim:
        _trim(0)


_trim: Any = None


def write_xlsx(draft: Draft, out: IO[bytes] | str, step: Callable[[], None] | None = None, *,
               embed: Draft | None = None, flat: str | None = None, tmpdir: str | None = None) -> list[str]:
    """Write the xlsx of ``draft`` to ``out`` (a path or a binary stream); return the user's messages.

    ``embed`` is the draft to embed when ``draft`` is a view of it in another profile; ``flat``
    (standard / hubei) writes the budget system's import columns on one sheet instead of the tables.
    """
    import xlsxwriter  # type: ignore[import-untyped]

    wb = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_numbers": False,
                                   "strings_to_formulas": False, "strings_to_urls": False, "tmpdir": tmpdir})
    w = _Writer(wb)
    taken: set[str] = {MARKER_SHEET.lower()}
    blocks = [] if flat else department_blocks(draft)
    if flat:
        _import_sheet(w, wb.add_worksheet(IMPORT_SHEET), draft, flat)
    if blocks:
        _department_sheet(w, wb.add_worksheet(sheet_name(DEPARTMENT_SHEET, taken)), draft, blocks)
    for i, project in enumerate([] if flat else draft.projects):
        ws = wb.add_worksheet(sheet_name(f"{i + 1}、{project.name or project.code or '项目'}", taken))
        _project_sheet(w, ws, draft, i)
        if i % TRIM_EVERY == TRIM_EVERY - 1:
            _give_back_memory()
        if step is not None:
            step()
    if not flat and not blocks and not draft.projects:  # a workbook needs one visible sheet
        _department_sheet(w, wb.add_worksheet(sheet_name(DEPARTMENT_SHEET, taken)), draft, [])
    marker = wb.add_worksheet(MARKER_SHEET)
    _marker_sheet(w, marker, draft_pieces(embed or draft), w.hash.hexdigest())
    wb.set_properties({"title": department_title(draft), "subject": "项目支出绩效目标表", "author": "perfdraft",
                       "keywords": MARKER_FORMAT})
    wb.close()
    # Sheets point back at the workbook (a cycle): drop them now rather than at the next collection.
    for held in (getattr(wb, "worksheets_objs", None), getattr(wb, "sheetnames", None)):
        if isinstance(held, list | dict):
            held.clear()
    w.shared.clear()
    return w.messages


def render_xlsx(draft: Draft, step: Callable[[], None] | None = None, *, embed: Draft | None = None,
                flat: str | None = None) -> Rendered:
    # xlsxwriter's temp files in a directory of our own, removed even when the disk fills up (issue 19).
    # The zip goes to a temp file there, not BytesIO: it is written while every sheet's record is
    # still alive, and the workbook is let go before the bytes are read back (issue 21: 10,000 projects).
    with tempfile.TemporaryDirectory(prefix="perfdraft-xlsx-") as tmp, tempfile.TemporaryFile(dir=tmp) as fh:
        try:
            messages = write_xlsx(draft, fh, step, embed=embed, flat=flat, tmpdir=tmp)
        except BaseException as exc:
            drop_unfinished_zip(exc)
            raise
        _give_back_memory()
        fh.seek(0)
        return Rendered(fh.read(), messages)

