"""Spreadsheets through python-calamine (xlsx and legacy .xls, fast and without building styles) and
PDF through pdfplumber (its tables where ruled, its words by position where not).

Both give :class:`~.report.Record` rows for the label assembler and :class:`~.cells.Line` rows for the
shape assembler. Sizes are capped before anything large is built, and said so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..sheet_refs import column_letters, column_number
from .cells import Line
from .pdf_bounds import TooSlow, content_bounded, cpu_bounded
from .report import MAX_FILE_CELLS, ImportFailed, Record, Report, damage
from .xlsx import MARKER_SHEET, MAX_COLS, cell_text

MAX_PDF_PAGES = 60
# A table sheet is classified cell by cell (both assemblers), so the limits bound an import's time (see
# report.MAX_FILE_CELLS for the costs). A sheet may hold the whole file's allowance: a budget system's
# flat export (one row per indicator, 18 columns) of a 330-project department is 60,000 cells; a
# project's own 绩效目标表 sheet has a few hundred. Checked from the sheet's size before it is read;
# the file's count runs while reading. Own exports with an embedded draft are read through xlsx.py's
# larger limits, not these.
MAX_ROWS = 5_000
MAX_CELLS = MAX_FILE_CELLS
_LIMITS = f"导入上限（{MAX_ROWS} 行、{MAX_COLS} 列、{MAX_CELLS} 个单元格；一张绩效目标表通常只有几百个单元格）"
MAX_PDF_BYTES = 30 * 1024 * 1024


def _value(v: Any) -> str | None:
    if v is None or v == "":
        return None
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime | dt.date | dt.time | bool | int | float):
        return cell_text(v)
    return str(v)


def sheet_records(path: Path, report: Report) -> list[list[Record]]:
    """Each visible sheet as records; merged cells counted once and filled down in ``filled``."""
    return _guarded(path, "表格", lambda: _sheet_records(path, report))


def _sheet_records(path: Path, report: Report) -> list[list[Record]]:
    from python_calamine import CalamineWorkbook

    # calamine (Rust) aborts the whole process on some damaged files (an allocation of petabytes) and
    # panics on others: what it is given is checked first by readers that fail in words
    _sound_for_calamine(path)
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # noqa: BLE001 - calamine raises its own kinds for damaged files
        text = str(exc)
        if "password" in text.lower() or "encrypt" in text.lower():
            raise ImportFailed(f"{path}：文件设有打开密码（已加密），请去掉密码另存后再导入") from None
        raise ImportFailed(f"{path}：无法读取表格文件（{damage(exc)}），"
                           "文件可能已损坏，请用 Excel/WPS 打开后重新保存") from None
    out = []
    formats = _XlsDateFormats(path)
    try:
        for meta in wb.sheets_metadata:
            name = meta.name
            if name == MARKER_SHEET:
                continue
            if str(getattr(meta, "visible", "Visible")).lower().rsplit(".", 1)[-1] != "visible":
                report.note(f"hidden:{name}", f"已跳过隐藏的工作表“{name}”")
                continue
            sheet = wb.get_sheet_by_name(name)
            if sheet.height > MAX_ROWS or sheet.width > MAX_COLS or sheet.height * sheet.width > MAX_CELLS:
                raise ImportFailed(f"{path}：工作表“{name}”有 {sheet.height} 行 {sheet.width} 列，超过"
                                   f"{_LIMITS}，不像是绩效目标表，未导入")
            recs = _records(name, sheet, formats)
            # cells that hold something: one note typed far below the table pads every row out to it
            report.take_cells(sum(1 for rec in recs for c in rec.cells if c not in (None, "")), f"工作表“{name}”")
            out.append(recs)
    finally:
        wb.close()
        formats.close()
    return out


class _XlsDateFormats:
    """The number format of an .xls date cell, which calamine does not give: a date shown as
    2025年11月 is stored as the 1st of the month. Read with xlrd, opened only when a sheet has a date."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.book: Any = None
        self.failed = False

    def __call__(self, sheet: str, r: int, c: int) -> str | None:
        if self.book is None and not self.failed:
            try:
                import xlrd  # type: ignore[import-untyped]

                self.book = xlrd.open_workbook(str(self.path), formatting_info=True, on_demand=True)
            except Exception:  # noqa: BLE001 - no format: the date is shown in full, as before
                self.failed = True
        if self.book is None:
            return None
        try:
            xf = self.book.xf_list[self.book.sheet_by_name(sheet).cell_xf_index(r, c)]
            return str(self.book.format_map[xf.format_key].format_str)
        except Exception:  # noqa: BLE001 - a cell xlrd reads differently: shown in full
            return None

    def close(self) -> None:
        if self.book is not None:
            self.book.release_resources()


def _records(name: str, sheet: Any, formats: Callable[[str, int, int], str | None] | None = None) -> list[Record]:
    return sheet_rows_records(name, sheet.to_python(skip_empty_area=False), sheet.merged_cell_ranges or [],
                              sheet.start or (0, 0), formats)


def sheet_rows_records(name: str, rows: list[list[Any]], merged: list[tuple[tuple[int, int], tuple[int, int]]],
                       start: tuple[int, int] = (0, 0),
                       formats: Callable[[str, int, int], str | None] | None = None) -> list[Record]:
    """A sheet's cell values (rows from ``start``) and merged ranges ((top, left), (bottom, right)), 0-based,
    as records: a merged cell once, its covered cells blank in ``cells`` and filled down in ``filled``."""
    r0, c0 = start
    hidden: set[tuple[int, int]] = set()
    vertical: dict[tuple[int, int], tuple[int, int]] = {}
    spans: dict[tuple[int, int], int] = {}
    for (top, left), (bottom, right) in merged:
        spans[(top, left)] = right - left + 1
        if (bottom - top + 1) * (right - left + 1) > 200_000:
            raise ImportFailed(f"工作表“{name}”的合并单元格范围过大，不像是绩效目标表")
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                if (r, c) == (top, left):
                    continue
                if c == left:
                    vertical[(r, c)] = (top, left)
                else:
                    hidden.add((r, c))
    seen: dict[tuple[int, int], str | None] = {}
    out = []
    for i, row in enumerate(rows):
        r = r0 + i
        cells: list[str | None] = []
        filled: list[str | None] = []
        locs = []
        for j, v in enumerate(row):
            c = c0 + j
            locs.append(f"{name}!{column_letters(c)}{r + 1}")
            if (r, c) in hidden:
                cells.append(None)
                filled.append(None)
            elif (r, c) in vertical:
                cells.append(None)
                filled.append(seen.get(vertical[(r, c)]))
            else:
                text = cell_text(v, formats(name, r, c)) if formats and isinstance(v, dt.date) else _value(v)
                seen[(r, c)] = text
                cells.append(text)
                filled.append(text)
        widths = [spans.get((r, c0 + j), 1) for j in range(len(cells))]
        out.append(Record(cells, f"{name}!A{r + 1}", locs=locs, filled=filled, spans=widths))
    return out


_CID = re.compile(r"\(cid:\d+\)")


def pdf_lines(path: Path, report: Report) -> list[Line]:
    """The PDF's text as rows: ruled tables cell by cell, other text as lines of words (within the bounds
    of pdf_bounds.py)."""
    with cpu_bounded(path):
        return _guarded(path, "PDF", lambda: _pdf_lines(path, report))


def _pdf_lines(path: Path, report: Report) -> list[Line]:
    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        raise ImportFailed(f"{path}：PDF 有 {size / 1024 / 1024:.1f} MiB，超过导入上限，不像是绩效目标表")
    import logging

    import pdfplumber

    # pdfminer's English warnings on a damaged file (Data-loss while decompressing …) reached the terminal:
    # the damage is said once, in our words, below
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        pdf = pdfplumber.open(str(path))
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on damaged or encrypted files
        kind = type(exc).__name__.lower()
        if "password" in str(exc).lower() or "encrypt" in kind or "password" in kind:
            raise ImportFailed(f"{path}：PDF 设有密码，请去掉密码后再导入") from None
        raise ImportFailed(f"{path}：无法读取 PDF（{damage(exc)}），文件可能已损坏") from None
    out: list[Line] = []
    chars = 0
    columns: list[tuple[float, float]] = []  # the last unruled header row's cells (x0, x1), across pages
    with pdf:
        if len(pdf.pages) > MAX_PDF_PAGES:
            raise ImportFailed(f"{path}：PDF 有 {len(pdf.pages)} 页，超过导入上限 {MAX_PDF_PAGES} 页，不像是绩效目标表")
        drawn = 0  # every page's drawing commands, unpacked, measured before any page is read
        for n, page in enumerate(pdf.pages, 1):
            drawn = content_bounded(page, n, path, drawn)
        for n, page in enumerate(pdf.pages, 1):
            chars += len(page.chars)
            page = page.filter(_stamp_filter(page.chars))
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
            # (cid:21)(cid:25)…: glyphs whose font has no map back to text, never the user's words
            unmapped = sum(1 for w in words if _CID.search(w["text"]))
            if unmapped:
                words = [w for w in words if not _CID.search(w["text"])]
                report.note("pdf-cid", f"PDF 的文字层有 {unmapped} 处无法解码的字符（字体缺少映射，或是扫描件），已略去")
            # a word whose centre is in a ruled table is that table's (a rotated page's words overhang
            # the table's box by a hair and were read a second time)
            free = [w for w in words if not any(b[0] <= (w["x0"] + w["x1"]) / 2 <= b[2] and
                                                 b[1] <= (w["top"] + w["bottom"]) / 2 <= b[3] for b in boxes)]
            items: list[tuple[float, list[Line]]] = []
            for t, box in zip(tables, boxes, strict=True):
                rows = [Line([_CID.sub("", (c or "").replace("\n", "")) or None for c in row], f"第 {n} 页表格", rowed=True)
                        for row in t.extract()]
                report.take_cells(sum(len(line.cells) for line in rows), f"第 {n} 页的表格")
                items.append((box[1], rows))
            for top, line in _word_lines(free, n, columns):
                items.append((top, [line]))
                report.take_cells(len(line.cells), f"第 {n} 页")
            for _, lines in sorted(items, key=lambda x: x[0]):
                out.extend(lines)
    if chars == 0:
        raise ImportFailed(f"{path}：PDF 中没有文字层（可能是扫描件），无法读取；请用原始的 Word/Excel 文件，"
                           "或先用文字识别（OCR）转成文字后再导入")
    report.note("pdf", "PDF 按版面位置读取，请核对导入结果")
    return out


def _slanted(obj: dict[str, Any]) -> bool:
    """Text set on a slant (a seal's ring of characters, a diagonal watermark); text turned a right angle
    (a rotated page, a vertical label) is not."""
    a, b = (obj.get("matrix") or (1, 0))[:2]
    return not (abs(a) < 0.05 * abs(b) or abs(b) < 0.05 * abs(a)) if (a or b) else False


def _stamp_filter(chars: list[dict[str, Any]]) -> Callable[[dict[str, Any]], bool]:
    """What of a page is read: not the characters of a seal or a watermark. Those are set on a slant, and
    the upright ones at the top of a seal's ring share its colour and its place."""
    slanted = [c for c in chars if _slanted(c)]
    colours = {repr(c.get("non_stroking_color")) for c in slanted}
    size = max((c["bottom"] - c["top"] for c in slanted), default=0)  # the ring's top and bottom stand upright
    box = (min((c["x0"] for c in slanted), default=0) - size, min((c["top"] for c in slanted), default=0) - size,
           max((c["x1"] for c in slanted), default=0) + size, max((c["bottom"] for c in slanted), default=0) + size)

    def keep(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char" or not slanted:
            return True
        if _slanted(obj):
            return False
        return not (repr(obj.get("non_stroking_color")) in colours and box[0] <= obj["x0"] and obj["x1"] <= box[2]
                    and box[1] <= obj["top"] and obj["bottom"] <= box[3])
    return keep


def _word_lines(words: list[dict[str, Any]], page: int, columns: list[tuple[float, float]]) -> list[tuple[float, Line]]:
    """Words grouped into lines by position; a wide gap between words separates cells. Under a header row
    of a table printed without rules (a system report lined up by position), a row's cells are put in
    the header's columns, blank where the row has nothing (一级 and 二级 printed once per block)."""
    from .kinds import furniture, header_kind, signoff, table_title

    lines: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    out: list[tuple[float, Line]] = []
    for ws in lines:
        ws.sort(key=lambda w: w["x0"])
        cells: list[str] = []
        spans: list[tuple[float, float]] = []
        prev = None
        for w in ws:
            size = max(w["bottom"] - w["top"], 1)
            if prev is not None and w["x0"] - prev["x1"] < size * 0.6:
                cells[-1] += w["text"]
                spans[-1] = (spans[-1][0], w["x1"])
            else:
                cells.append(w["text"])
                spans.append((w["x0"], w["x1"]))
            prev = w
        placed: list[str | None] = list(cells)
        alone = cells[0] if len(cells) == 1 else None
        if len(cells) >= 3 and sum(1 for c in cells if header_kind(c)) >= 3:
            columns[:] = spans  # this table's header row: its columns for the rows below
        elif alone is not None and (table_title(alone) or signoff(alone) or furniture(alone)
                                    or "：" in alone or ":" in alone):
            columns.clear()  # the next table's title, a sign-off or a label: the columns above are done
        elif columns and 2 <= len(cells) < len(columns):
            placed = _in_columns(cells, spans, columns)
        elif columns and alone is not None and out and out[-1][1].rowed and len(out[-1][1].cells) == len(columns):
            # a cell's text wrapped onto a line of its own, under its column of the row above
            k = min(range(len(columns)), key=lambda j: abs(sum(columns[j]) / 2 - sum(spans[0]) / 2))
            above = out[-1][1].cells
            height = max(ws[0]["bottom"] - ws[0]["top"], 1)
            if k > 0 and above[k] and ws[0]["top"] - out[-1][0] <= 2.5 * height:
                above[k] = (above[k] or "") + cells[0]
                continue
        out.append((ws[0]["top"], Line(placed, f"第 {page} 页", rowed=len(placed) > 1)))
    return out


def _in_columns(cells: list[str], spans: list[tuple[float, float]], columns: list[tuple[float, float]]) -> list[str | None]:
    """Each cell in the header column nearest its centre, in order, none sharing one: the least total
    distance over every order-keeping choice (a row has at most a dozen cells)."""
    centre = [(a + b) / 2 for a, b in spans]
    heads = [(a + b) / 2 for a, b in columns]
    m, n = len(cells), len(heads)
    inf = float("inf")
    best = [[inf] * n for _ in range(m)]
    back = [[0] * n for _ in range(m)]
    for j in range(n):
        best[0][j] = abs(centre[0] - heads[j])
    for i in range(1, m):
        low, arg = inf, 0
        for j in range(n):
            if j and best[i - 1][j - 1] < low:
                low, arg = best[i - 1][j - 1], j - 1
            best[i][j] = low + abs(centre[i] - heads[j])
            back[i][j] = arg
    j = min(range(n), key=lambda k: best[m - 1][k])
    placed: list[str | None] = [None] * n
    for i in range(m - 1, -1, -1):
        placed[j] = cells[i]
        j = back[i][j]
    return placed


def records_to_lines(records: list[Record]) -> list[Line]:
    return [Line([c for c in (r.cells if r.cells else [])], r.where, rowed=len(r.cells) > 1 and not r.para,
                 unsure=bool(r.unsure), para=r.para and len(r.cells) == 1) for r in records]


def xlsx_records(path: Path, report: Report) -> list[list[Record]]:
    """See :func:`_xlsx_records`; damage found while streaming is one clear line, not a traceback."""
    return _guarded(path, "xlsx", lambda: _xlsx_records(path, report))


def _guarded(path: Path, what: str, read: Callable[[], Any]) -> Any:
    """Libraries parse lazily: a damaged part raises (ParseError, zlib.error, KeyError …) in the middle
    of reading. Every such failure becomes one ImportFailed line; so does a Rust library's panic, which
    pyo3 raises as a BaseException (a truncated .xls gave a traceback and exit 1)."""
    try:
        return read()
    except (ImportFailed, TooSlow):
        raise
    except Exception as exc:  # noqa: BLE001 - whatever the parser raised, the file is damaged
        raise ImportFailed(f"{path}：无法读取 {what} 文件（{damage(exc)}），"
                           "文件可能已损坏，请用原程序打开后重新保存") from None
    except BaseException as exc:
        # a Rust library's panic; not a signal's unwinding (SIGTERM was blamed on the file)
        if type(exc).__name__ != "PanicException":
            raise
        raise ImportFailed(f"{path}：无法读取 {what} 文件（{damage(exc)}），"
                           "文件可能已损坏，请用原程序打开后重新保存") from None


# a run of 10,000 spaces or more in a cell (LibreOffice repeats empty rows a million times at a sheet's end
# as a matter of course: those are calamine's to skip, and it does)
_ODS_HUGE = re.compile(rb'text:c="\d{5,}"')


def _sound_for_calamine(path: Path) -> None:
    """An .xls read through by xlrd (pure Python: a damaged record is an exception, not an abort), an
    .ods without counts in the millions (text:c="2000000000" made calamine allocate gigabytes)."""
    with open(path, "rb") as fh:
        ole = fh.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    if ole:
        import io

        import xlrd  # type: ignore[import-untyped]

        try:
            xlrd.open_workbook(str(path), logfile=io.StringIO(), on_demand=False).release_resources()
        except Exception as exc:  # noqa: BLE001 - xlrd raises many kinds for a damaged workbook
            if "encrypt" in str(exc).lower():
                raise ImportFailed(f"{path}：文件设有打开密码（已加密），请去掉密码另存后再导入") from None
            raise ImportFailed(f"{path}：无法读取表格文件（{damage(exc)}），文件可能已损坏，"
                               "请用 Excel/WPS 打开后重新保存") from None
        return
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as stream:
            tail = b""
            while chunk := stream.read(1 << 20):
                if _ODS_HUGE.search(tail + chunk):
                    raise ImportFailed(f"{path}：表格的单元格中有上万个连续空格，文件可能已损坏，"
                                       "请用 LibreOffice 或 WPS 打开后另存再导入")
                tail = chunk[-64:]
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        return  # calamine says what is wrong with it


def _xlsx_records(path: Path, report: Report) -> list[list[Record]]:
    """xlsx through the lean reader (xlsx_cells.py); a workbook it does not understand through openpyxl."""
    from lxml import etree  # type: ignore[import-untyped]

    from . import xlsx_cells

    _precheck_sheets(path)
    xlsx_cells.LIMITS = (MAX_ROWS, MAX_COLS, MAX_CELLS)
    try:
        sheets = xlsx_cells.read(path, MARKER_SHEET, report.take_cells)
    except xlsx_cells.TooLarge as exc:
        raise ImportFailed(f"{path}：工作表“{exc.sheet}”超过{_LIMITS}，不像是绩效目标表，未导入") from None
    except (xlsx_cells.Unsupported, etree.XMLSyntaxError, KeyError, ValueError, IndexError, OverflowError):
        return _openpyxl_records(path, report)
    out = []
    for sheet in sheets:
        if not sheet.visible:
            report.note(f"hidden:{sheet.name}", f"已跳过隐藏的工作表“{sheet.name}”")
            continue
        height, width = len(sheet.rows), len(sheet.rows[0]) if sheet.rows else 0
        if height > MAX_ROWS or width > MAX_COLS or height * width > MAX_CELLS:
            raise ImportFailed(f"{path}：工作表“{sheet.name}”有 {height} 行 {width} 列，超过"
                               f"{_LIMITS}，不像是绩效目标表，未导入")
        if sheet.hidden_rows:
            shown = "、".join(str(r) for r in sheet.hidden_rows[:5]) + ("…" if len(sheet.hidden_rows) > 5 else "")
            report.note(f"hidden:{sheet.name}:rows", f"已跳过工作表“{sheet.name}”中隐藏的 {len(sheet.hidden_rows)} 行"
                                                     f"（第 {shown} 行），打印的表格里没有它们；如需导入请先取消隐藏")
        rows = [[cell_text(v, f) if v is not None else None for v, f in row] for row in sheet.rows]
        recs = _records(sheet.name, _Grid(rows, sheet.ranges))
        for r, c in sheet.uncalculated:
            where = f"{sheet.name}!{column_letters(c)}{r + 1}"
            report.note("formula", "公式单元格没有计算结果（文件未经 Excel 计算保存），按空白导入，"
                                   "所在行已记为待确认；请在 Excel 中打开并保存后重新导入，或核对该值", where)
            if r < len(recs):
                recs[r].unsure = [*(recs[r].unsure or []), c]
        out.append(recs)
    return out


def _openpyxl_records(path: Path, report: Report) -> list[list[Record]]:
    """xlsx through openpyxl's read-only (streaming) mode, which keeps number formats (0.95 shown as
    95%); merged ranges come from the sheet XML, so no cell object is built for what a merge covers."""
    import re
    import warnings
    import zipfile

    from openpyxl import load_workbook

    from .xlsx import openpyxl_source

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            wb = load_workbook(openpyxl_source(path), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on damaged files
        raise ImportFailed(f"{path}：无法读取 xlsx 文件（{damage(exc)}），"
                           "文件可能已损坏，请用 Excel 打开后重新保存") from None
    merge_re = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})"')
    out = []
    try:
        with zipfile.ZipFile(path) as zf:
            for ws in wb.worksheets:
                if ws.title == MARKER_SHEET:
                    continue
                if ws.sheet_state != "visible":
                    report.note(f"hidden:{ws.title}", f"已跳过隐藏的工作表“{ws.title}”")
                    continue
                ranges = []
                part = getattr(ws, "_worksheet_path", None)
                if part:
                    xml = zf.read(part.lstrip("/"))
                    for m in merge_re.finditer(xml):
                        ranges.append(((int(m.group(2)) - 1, column_number(m.group(1)) - 1),
                                       (int(m.group(4)) - 1, column_number(m.group(3)) - 1)))
                    _note_uncached_formulas(xml, ws.title, report)
                dims = (ws.max_row or 0, ws.max_column or 0)  # from <dimension>: refuse before reading
                if dims[0] > MAX_ROWS or dims[1] > MAX_COLS:
                    raise ImportFailed(f"{path}：工作表“{ws.title}”有 {dims[0]} 行 {dims[1]} 列，超过"
                                       f"{_LIMITS}，不像是绩效目标表，未导入")
                rows = []
                for n, row in enumerate(ws.iter_rows(), 1):
                    if n > MAX_ROWS:
                        raise ImportFailed(f"{path}：工作表“{ws.title}”超过{_LIMITS}，不像是绩效目标表，未导入")
                    cells = list(row)
                    # the file's count: a sheet may hold the whole file's allowance (MAX_CELLS)
                    report.take_cells(len(cells), f"工作表“{ws.title}”第 {n} 行")
                    if len(cells) > MAX_COLS:
                        raise ImportFailed(f"{path}：工作表“{ws.title}”超过{_LIMITS}，不像是绩效目标表，未导入")
                    rows.append([cell_text(getattr(c, "value", None), getattr(c, "number_format", None)) for c in cells])
                out.append(_records(ws.title, _Grid(rows, ranges)))
    finally:
        wb.close()
    return out


_CELL_START = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3}\d{1,7})"[^>]*>')
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")


def _note_uncached_formulas(xml: bytes, sheet: str, report: Report) -> None:
    """A formula cell saved without its result (a workbook written by a program, never opened in Excel)
    reads as blank: say which cells, instead of importing blanks without a word (issue 19, item 15)."""
    if b"<f" not in xml and b":f" not in xml:
        return
    refs: list[str] = []
    for m in _CELL_START.finditer(xml):
        if m.group().endswith(b"/>"):
            continue
        end = xml.find(b"</", m.end())
        while end >= 0 and not re.match(rb"</(?:\w+:)?c>", xml[end:end + 8]):
            end = xml.find(b"</", end + 2)
        inner = xml[m.end():end if end >= 0 else len(xml)]
        if re.search(rb"<(?:\w+:)?f\b", inner) and not _VALUE.search(inner):
            refs.append(m.group(1).decode("ascii"))
    if refs:
        shown = "、".join(refs[:5]) + (f" 等 {len(refs)} 格" if len(refs) > 5 else "")
        report.note(f"formula:{sheet}", f"工作表“{sheet}”的 {shown} 是公式，但文件没有保存计算结果，已按空白导入；"
                                        "请用 Excel 或 WPS 打开并保存后再导入")


MAX_SHEET_XML = 16 * 1024 * 1024
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]{1,3}\d+:([A-Z]{1,3})(\d+)"')


def _precheck_sheets(path: Path) -> None:
    """Refuse an enormous sheet from the zip directory and the first bytes of its XML, before openpyxl
    scans it (without a <dimension>, openpyxl reads the whole sheet just to learn its size)."""
    import zipfile

    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            if info.file_size > MAX_SHEET_XML:
                raise ImportFailed(f"{path}：工作表 {info.filename.rsplit('/', 1)[-1]} 解压后有 "
                                   f"{info.file_size / 1024 / 1024:.0f} MiB，远超绩效目标表的大小，未导入")
            with zf.open(info) as fh:
                m = _DIMENSION.search(fh.read(4096))
            if m and (int(m.group(2)) > MAX_ROWS or column_number(m.group(1)) > MAX_COLS):
                raise ImportFailed(f"{path}：工作表有 {int(m.group(2))} 行 {column_number(m.group(1))} 列，超过"
                                   f"{_LIMITS}，不像是绩效目标表，未导入")


class _Grid:
    """The few attributes of a calamine sheet that :func:`_records` reads."""

    def __init__(self, rows: list[list[str | None]], ranges: list[tuple[tuple[int, int], tuple[int, int]]]):
        self.rows, self.start, self.merged_cell_ranges = rows, (0, 0), ranges

    def to_python(self, skip_empty_area: bool = False) -> list[list[str | None]]:
        return self.rows


_CORE_TITLE = re.compile(r"<(?:\w+:)?title\b[^>]*>([^<]{1,400})</(?:\w+:)?title>")
_TITLE_YEAR = re.compile(r"(20\d\d)\s*年度?")


def document_title_year(path: Path) -> int | None:
    """The year of an xlsx/docx's own title property (File → Properties): where no printed title names
    the year (an xlsx whose sheets are project tables only), the document's title may still say it."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("docProps/core.xml")
            if info.file_size > 1 << 20:  # a property part is a few hundred bytes: anything else is not read
                return None
            xml = zf.read(info).decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
        return None
    m = _CORE_TITLE.search(xml)
    y = _TITLE_YEAR.search(m.group(1)) if m else None
    return int(y.group(1)) if y else None
