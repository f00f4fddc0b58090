"""Excel 2003 XML (SpreadsheetML): budget systems still hand it out, often named .xls or .xml, and people
open it in a text editor and copy it on. Neither calamine nor openpyxl reads it.

A merged cell is written once with ``ss:MergeAcross`` / ``ss:MergeDown``; the cells it covers are absent,
and the next written cell of a row says its column with ``ss:Index``. The sheet is laid out into the grid
the calamine path reads (:func:`sources.sheet_rows_records`), so both assemblers see it as any workbook.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from .report import ImportFailed, Record, Report, damage
from .xlsx import MAX_COLS, cell_text, format_affixes

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_X = "{urn:schemas-microsoft-com:office:excel}"
NAMESPACE = b"urn:schemas-microsoft-com:office:spreadsheet"
# Excel's named number formats, as their codes
_NAMED_FORMATS = {"percent": "0.00%", "fixed": "0.00", "standard": "#,##0.00", "general date": "yyyy-mm-dd",
                  "short date": "yyyy-mm-dd", "medium date": "yyyy-mm-dd", "long date": "yyyy-mm-dd"}
_START = re.compile(r"<\?xml[^>]*\?>|<Workbook\b|<ss:Workbook\b")
_WORKBOOK_TAG = re.compile(r"<(?:ss:)?Workbook\b")
_START_BYTES = re.compile(rb"<\?xml[^>]*\?>|<Workbook\b|<ss:Workbook\b")
MAX_BYTES = 30 * 1024 * 1024  # a table's workbook is tens of KiB; a 60,000-cell flat export a few MiB


def looks_like(head: bytes) -> bool:
    """A file's first bytes are a SpreadsheetML workbook (whatever its name)."""
    return NAMESPACE in head and (b"<Workbook" in head or b"<ss:Workbook" in head or b"Excel.Sheet" in head)


def is_markup(text: str) -> bool:
    """Text (a .txt the workbook was pasted into) that is a SpreadsheetML workbook's source."""
    # the start tag, wherever a long comment or a DOCTYPE put it, carries the namespace
    start = _WORKBOOK_TAG.search(text, 0, MAX_BYTES)
    return start is not None and NAMESPACE.decode() in text[start.start():start.start() + 4000] and "<Row" in text


def sheet_records(path: Path, report: Report, text: str | None = None) -> list[list[Record]]:
    """Each visible worksheet as records (merged cells counted once, filled down in ``filled``)."""
    from lxml import etree  # type: ignore[import-untyped]

    from .sources import MAX_CELLS, MAX_ROWS, sheet_rows_records

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        if text is None:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise ImportFailed(f"{report.source}：Excel 2003 XML 表格有 {size / 1024 / 1024:.1f} MiB，"
                                   "超过导入上限，不像是绩效目标表")
            raw = path.read_bytes()
            # what came before the workbook (a note, a mail's header) is not XML
            at = _START_BYTES.search(raw)
            root = etree.fromstring(raw[at.start():] if at else raw, parser)
        else:
            # ... and the declaration names an encoding the decoded text no longer has
            start = _START.search(text)
            body = text[start.start():] if start else text
            root = etree.fromstring(re.sub(r"^<\?xml[^>]*\?>", "", body), parser)
    except (etree.XMLSyntaxError, OSError, ValueError) as exc:
        raise ImportFailed(f"{report.source}：Excel 2003 XML 表格无法读取（{damage(exc)}），"
                           "文件可能已损坏或不完整，请用 Excel/WPS 打开后另存为 .xlsx 再导入") from None
    formats = _formats(root)
    out: list[list[Record]] = []
    for sheet in root.iter(f"{_SS}Worksheet"):
        name = sheet.get(f"{_SS}Name") or f"Sheet{len(out) + 1}"
        if _hidden(sheet):
            report.note(f"hidden:{name}", f"已跳过隐藏的工作表“{name}”")
            continue
        table = sheet.find(f"{_SS}Table")
        if table is None:
            continue
        grid, merges = _grid(table, formats, name, report.source, MAX_ROWS, MAX_CELLS)
        width = max((len(r) for r in grid), default=0)
        if len(grid) * width > MAX_CELLS:
            raise ImportFailed(f"{report.source}：工作表“{name}”有 {len(grid)} 行 {width} 列，超过导入上限，不像是绩效目标表")
        rows = [r + [None] * (width - len(r)) for r in grid]
        recs = sheet_rows_records(name, rows, merges)
        report.take_cells(sum(1 for rec in recs for c in rec.cells if c not in (None, "")), f"工作表“{name}”")
        out.append(recs)
    report.note("xmlss", "文件是 Excel 2003 XML 表格（SpreadsheetML），已按工作表读取")
    return out


def _hidden(sheet: Any) -> bool:
    visible = sheet.find(f"{_X}WorksheetOptions/{_X}Visible")
    return visible is not None and (visible.text or "").strip().lower() in ("sheethidden", "sheetveryhidden")


def _formats(root: Any) -> dict[str, str]:
    """Style id → its number format's code."""
    out: dict[str, str] = {}
    for style in root.iter(f"{_SS}Style"):
        fmt = style.find(f"{_SS}NumberFormat")
        if fmt is not None and fmt.get(f"{_SS}Format"):
            code = fmt.get(f"{_SS}Format")
            out[style.get(f"{_SS}ID") or ""] = _NAMED_FORMATS.get(code.lower(), code)
    return out


def _position(el: Any, attr: str, after: int, limit: int, what: str, source: str) -> int:
    """A row's or cell's 0-based place: its ss:Index (1-based) or the one after the last."""
    raw = el.get(f"{_SS}{attr}")
    if raw is None:
        return after
    try:
        at = int(raw) - 1
    except ValueError:
        raise ImportFailed(f"{source}：{what}的位置 ss:{attr}=“{raw[:20]}”不是数字，文件可能已损坏") from None
    if at < after or at >= limit:
        raise ImportFailed(f"{source}：{what}的位置 ss:{attr}={raw[:20]} 超出范围（应在 {after + 1}–{limit} 之间），"
                           "文件可能已损坏或不是绩效目标表")
    return at


def _span(el: Any, attr: str, source: str) -> int:
    raw = el.get(f"{_SS}{attr}")
    try:
        n = int(raw) if raw is not None else 0
    except ValueError:
        n = -1
    if not 0 <= n <= 10_000:
        raise ImportFailed(f"{source}：合并单元格的范围 ss:{attr}=“{(raw or '')[:20]}”不对，文件可能已损坏")
    return n


def _grid(table: Any, formats: dict[str, str], sheet: str, source: str,
          max_rows: int, max_cells: int) -> tuple[list[list[Any]], list[tuple[tuple[int, int], tuple[int, int]]]]:
    grid: list[list[Any]] = []
    merges: list[tuple[tuple[int, int], tuple[int, int]]] = []
    covered: set[tuple[int, int]] = set()
    r = -1
    for row in table.iter(f"{_SS}Row"):
        r = _position(row, "Index", r + 1, max_rows, f"工作表“{sheet}”的行", source)
        while len(grid) <= r:
            grid.append([])
        cells = grid[r]
        c = -1
        for cell in row.iter(f"{_SS}Cell"):
            c = _position(cell, "Index", c + 1, MAX_COLS, f"工作表“{sheet}”第 {r + 1} 行的单元格", source)
            while (r, c) in covered:  # a cell without ss:Index after one merged down from above
                c += 1
            across, down = _span(cell, "MergeAcross", source), _span(cell, "MergeDown", source)
            if c + across >= MAX_COLS or r + down >= max_rows:
                raise ImportFailed(f"{source}：工作表“{sheet}”的合并单元格超出导入上限，不像是绩效目标表")
            while len(cells) <= c:
                cells.append(None)
            cells[c] = _value(cell, formats)
            if across or down:
                if (across + 1) * (down + 1) > 200_000 or len(covered) > max_cells:
                    raise ImportFailed(f"{source}：工作表“{sheet}”的合并单元格范围过大，不像是绩效目标表")
                merges.append(((r, c), (r + down, c + across)))
                covered.update((rr, cc) for rr in range(r, r + down + 1) for cc in range(c, c + across + 1))
            c += across
    return grid, merges


def _value(cell: Any, formats: dict[str, str]) -> Any:
    data = cell.find(f"{_SS}Data")
    if data is None:
        return None
    text = "".join(data.itertext())  # rich text keeps its words inside <Font>, <B> … of the HTML namespace
    kind = (data.get(f"{_SS}Type") or "String").lower()
    fmt = formats.get(cell.get(f"{_SS}StyleID") or "")
    if kind == "number":
        if len(text.strip().lstrip("-").replace(".", "")) > 15 or "e" in text.lower():
            return text.strip()  # past a float's 15 digits (a code typed as a number): the digits as written
        try:
            number = float(text)
        except ValueError:
            return text.strip() or None
        return cell_text(number, fmt) if fmt and ("%" in fmt or format_affixes(fmt, "0#?") != ("", "")) else number
    if kind == "datetime":
        try:
            return cell_text(dt.datetime.fromisoformat(text.strip()[:19]), fmt)
        except ValueError:
            return text.strip() or None
    if kind == "boolean":
        return text.strip() in ("1", "true", "TRUE")
    return text
