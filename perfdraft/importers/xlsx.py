"""xlsx workbooks: perfdraft's own export (lossless) and the usual one-sheet-per-project tables.

* A workbook exported by perfdraft carries the draft's TOML in the hidden ``_perfdraft`` sheet. When
  the visible tables are unchanged since the export (the exporter's fingerprint), that draft is
  returned as it is: export → import gives the same draft. When someone edited the tables, the
  tables are read and the user is told.
* Any other workbook is read sheet by sheet, row by row, through the shared assembler: labels
  (项目名称, 预算数 …) followed by their value, and the indicator grid found by its header names in any
  column order. Vertically merged cells are filled down inside the grid; a cell merged across columns
  counts once. Hidden sheets (drop-down lists and the like) are skipped and reported.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
import zlib
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..drafts import DraftError, loads
from ..model import Draft
from .assembler import Assembler
from .report import ImportFailed, Record, Report, damage

MAX_OOXML_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLS = 200
MARKER_SHEET = "_perfdraft"


_OPENPYXL_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")


def openpyxl_source(path: Path) -> Any:
    """What openpyxl is given: the path, or the bytes when the name has another suffix (a workbook
    saved as x.docx: openpyxl refuses by the name, and the file was called damaged)."""
    if path.suffix.lower() in _OPENPYXL_SUFFIXES:
        return path
    import io

    return io.BytesIO(path.read_bytes())  # within MAX_OOXML_BYTES: check_zip ran first


def check_zip(path: Path, kind: str, required: str) -> None:
    """Refuse broken, foreign or oversized packages before a library parses them."""
    source = str(path)
    size = path.stat().st_size
    if size > MAX_OOXML_BYTES:
        raise ImportFailed(f"{source}：文件有 {size / 1024 / 1024:.1f} MiB，超过导入上限 "
                           f"{MAX_OOXML_BYTES // 1024 // 1024} MiB，不像是绩效目标表")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
    except zipfile.BadZipFile:
        raise ImportFailed(f"{source}：文件已损坏或不完整（不是有效的 {kind} 压缩包），请重新保存或重新下载") from None
    except (OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise ImportFailed(f"{source}：无法读取 {kind} 文件（{damage(exc)}）") from None
    if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        raise ImportFailed(f"{source}：解压后过大，不像是绩效目标表（可能是压缩炸弹），未读取")
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        raise ImportFailed(f"{source}：文件设有打开密码（已加密），请去掉密码另存后再导入")
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise ImportFailed(f"{source}：文件含宏（VBA），为安全起见不读取；请在 Excel/Word 中另存为不含宏的 "
                           f"{'.xlsx' if kind == 'xlsx' else '.docx'} 后再导入")
    if required not in names:
        raise ImportFailed(f"{source}：是压缩包，但不是 {kind} 文件（缺少 {required}）")


MAX_MERGED_CELLS = 200_000
_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})"')


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def check_merges(path: Path) -> None:
    """Refuse huge merged ranges before openpyxl sees them: it creates a cell object for every cell a
    merge covers, so one <mergeCell ref="A1:XFD1048576"/> in a 30 KiB file took gigabytes and never
    finished (issue 9). A real 绩效目标表 merges a few thousand cells at most."""
    total = 0
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            for m in _MERGE_RE.finditer(zf.read(info)):
                rows = abs(int(m.group(4)) - int(m.group(2))) + 1
                cols = abs(_column(m.group(3)) - _column(m.group(1))) + 1
                total += rows * cols
                if total > MAX_MERGED_CELLS:
                    raise ImportFailed(f"{path}：合并单元格范围过大（{m.group(0).decode('ascii', 'replace')[-40:]}），"
                                       "不像是绩效目标表，未读取；请在 Excel 中取消多余的合并后另存")


def has_marker(path: Path) -> bool:
    """Whether the workbook names perfdraft's hidden sheet (its export): only then is the whole
    workbook loaded with openpyxl; other workbooks are read by calamine (issue 21: 8× faster)."""
    try:
        with zipfile.ZipFile(path) as zf:
            with zf.open("xl/workbook.xml") as fh:
                return MARKER_SHEET.encode() in fh.read(1_000_000)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError):
        return False


def embedded_streamed(path: Path, report: Report | None) -> Draft | None:
    """The embedded draft read in openpyxl's read-only mode: the marker sheet's rows and one pass over
    the visible cells for the fingerprint, no styles or merged-cell objects built (issue 21). None when
    the workbook has no usable embedded draft or its tables were edited (then the tables are read)."""
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            wb = load_workbook(openpyxl_source(path), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - the full reader reports damage in its own words
        return None
    try:
        emb = _streamed(wb)
    except Exception:  # noqa: BLE001 - a damaged part: the full reader reports it in its own words
        emb = None
    finally:
        wb.close()
    if emb is None or not emb.intact:
        return None
    return draft_from_embedded(emb, path, report, "表格")


def _streamed(wb: Any) -> Any:
    """The marker sheet's draft and whether the visible cells still hash to its fingerprint: the
    exporter's own reader, which works on a read-only workbook (one reader for every version)."""
    from ..exporters.xlsx import read_embedded

    return read_embedded(wb)


def load(path: Path) -> Any:
    check_zip(path, "xlsx", "xl/workbook.xml")
    try:
        check_merges(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error, NotImplementedError) as exc:
        raise ImportFailed(f"{path}：无法读取 xlsx 文件（{damage(exc)}），文件可能已损坏") from None
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns in English about parts it drops (data validation, extensions, odd styles,
            # "invalid dependency definitions"): nothing the values depend on, only noise to the user.
            warnings.simplefilter("ignore", UserWarning)
            return load_workbook(openpyxl_source(path), data_only=True)
    except zipfile.BadZipFile:
        raise ImportFailed(f"{path}：文件已损坏或不完整（不是有效的 xlsx 压缩包）") from None
    except KeyError as exc:
        raise ImportFailed(f"{path}：xlsx 文件不完整（缺少 {exc.args[0] if exc.args else '部件'}），请用 Excel 重新保存") from None
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on damaged files
        raise ImportFailed(f"{path}：无法读取 xlsx 文件（{damage(exc)}），"
                           "文件可能已损坏，请用 Excel 打开后重新保存") from None


def draft_from_embedded(emb: Any, path: Path, report: Report | None, what: str) -> Draft | None:
    """The embedded draft when the visible tables were not edited since export (docx and xlsx alike)."""
    if not emb.intact:
        if report:
            report.note("embed-edited", f"此文件由 perfdraft 导出，但{what}在导出后被修改过，已按表格内容导入"
                                        "（嵌入的原稿未使用）")
        return None
    try:
        return loads(emb.text, f"{path}（嵌入的草稿）")
    except DraftError as exc:
        if report:
            report.note("embed-bad", f"嵌入的草稿无法读取（{exc}），已按表格内容导入")
        return None


def embedded(wb: Any, path: Path, report: Report | None) -> Draft | None:
    if MARKER_SHEET not in wb.sheetnames:
        return None
    # The fingerprint walks every cell of every visible sheet: one cell at XFD1048576 (a damaged or
    # forged file) made that billions of cells and the import never ended (issue 9). Such a sheet
    # is refused when the tables are read.
    if any(ws.max_row > MAX_ROWS or ws.max_column > MAX_COLS for ws in wb.worksheets if ws.sheet_state == "visible"):
        return None
    try:
        from ..exporters.xlsx import read_embedded
    except ImportError:  # pragma: no cover - the exporters ship with perfdraft
        return None
    try:
        emb = read_embedded(wb)
    except Exception:  # noqa: BLE001 - a damaged marker sheet: read the tables instead
        emb = None
    if emb is None:
        if report:
            report.note("embed-bad", f"工作表 {MARKER_SHEET} 无法识别，已按表格内容导入")
        return None
    return draft_from_embedded(emb, path, report, "表格")


def cell_text(value: Any, number_format: str | None = None) -> str | None:
    """A cell as the text a person sees: 95 not 95.0, 95% for 0.95 formatted as a percentage."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime | dt.date):
        return _date_text(value, number_format)
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, int | float | Decimal):
        try:
            d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            return str(value)
        places = _format_places(number_format)
        before, after = format_affixes(number_format, "0#?")
        if number_format and "%" in _FORMAT_LITERALS.sub("", number_format.split(";")[0]):
            d = d * 100  # (a quoted "%" is text the format shows, no percentage: "≥"0"%" on 98 is ≥98%)
            return before + _plain(d, places) + "%" + after
        return before + _plain(d, places) + after
    return str(value)


# A format's parts: quoted text, an escaped character, [colour] / [$-804] sections, _x paddings and *x fills,
# or one code character.
_FORMAT_TOKEN = re.compile(r'"([^"]*)"|\\(.)|\[[^\]]*\]|[_*].|(.)', re.S)
# Characters a format shows as they are without quotes (Excel's list); currency signs are left out: a
# budget reads as its amount (¥1,200.00 would not).
_FORMAT_BARE = set("≥≤<>=+-()")


def format_affixes(number_format: str | None, codes: str) -> tuple[str, str]:
    """The text a number format shows before its first and after its last code ('"≥"0"人"' → ≥, 人;
    'yyyy"年"m"月"d"日前"' → '', 日前): Excel prints it with the number, so the value a person sees has it."""
    if not number_format or '"' not in number_format and "\\" not in number_format and \
            not _FORMAT_BARE.intersection(number_format):
        return "", ""
    section = number_format.split(";")[0]
    before: list[str] = []
    after: list[str] = []
    seen = False
    for m in _FORMAT_TOKEN.finditer(section):
        literal = m.group(1) if m.group(1) is not None else m.group(2)
        char = m.group(3)
        if char is not None and char.lower() in codes:
            seen = True
            after = []
        elif literal is not None or char in _FORMAT_BARE:
            (after if seen else before).append(literal if literal is not None else char or "")
    if not seen:
        return "", ""
    strip = str.maketrans("", "", "¥￥$")
    return "".join(before).translate(strip).strip(), "".join(after).translate(strip).strip()


# What a date format shows: its y / m / d codes outside quoted text, escapes and [colour] sections.
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def _date_text(value: dt.date, number_format: str | None) -> str:
    """A date as its cell shows it: 2025年11月 for a year-and-month format, not the 1st of the month the
    cell stores (a deadline the user never typed)."""
    codes = _FORMAT_LITERALS.sub("", (number_format or "").split(";")[0]).lower()
    if "h" in codes or "s" in codes or not any(c in codes for c in "ymd"):
        return f"{value.year}年{value.month}月{value.day}日"
    parts = [f"{value.year}年" if "y" in codes else "", f"{value.month}月" if "m" in codes else "",
             f"{value.day}日" if "d" in codes else ""]
    text = "".join(parts) or f"{value.year}年{value.month}月{value.day}日"
    before, after = format_affixes(number_format, "ymd")
    # the last code's own 年/月/日 is printed above; what follows it ('日前', '月底前') is the deadline's word
    after = after[1:] if after[:1] == text[-1:] else after
    return before + text + after


def _format_places(number_format: str | None) -> int:
    """Decimal places shown by a number format ('#,##0.00' → 2)."""
    if not number_format:
        return 0
    m = re.search(r"0\.(0+)", number_format)
    return len(m.group(1)) if m else 0


def _plain(d: Decimal, places: int = 0) -> str:
    """The number as shown: no float noise, at least ``places`` decimals (1600000.00 stays so)."""
    # format(…, "f"), not quantize: quantize raised InvalidOperation past 28 digits (a cell of 3.17e29, issue 19)
    text = format(d.to_integral_value(), "f") if d == d.to_integral_value() else format(d.normalize(), "f")
    if places:
        have = len(text.split(".")[1]) if "." in text else 0
        if have < places:
            text = (text if have else text + ".") + "0" * (places - have)
    return text


def sheet_records(ws: Any) -> list[Record]:
    """The rows of one worksheet; merged cells once, and filled down inside ``filled``."""
    from openpyxl.utils import get_column_letter

    title = ws.title
    if ws.max_row > MAX_ROWS or ws.max_column > MAX_COLS:
        raise ImportFailed(f"工作表“{title}”有 {ws.max_row} 行 {ws.max_column} 列，超过导入上限"
                           f"（{MAX_ROWS} 行、{MAX_COLS} 列），不像是绩效目标表")
    vertical: dict[tuple[int, int], tuple[int, int]] = {}
    hidden: set[tuple[int, int]] = set()
    spans: dict[tuple[int, int], int] = {}
    for rng in ws.merged_cells.ranges:
        spans[(rng.min_row, rng.min_col)] = rng.max_col - rng.min_col + 1
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) == (rng.min_row, rng.min_col):
                    continue
                if c == rng.min_col:
                    vertical[(r, c)] = (rng.min_row, rng.min_col)
                else:
                    hidden.add((r, c))
    values: dict[tuple[int, int], str | None] = {}
    out = []
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
        cells: list[str | None] = []
        filled: list[str | None] = []
        locs: list[str] = []
        r = None  # type: ignore[assignment]
        for cell in row:
            r, c = cell.row, cell.column
            locs.append(f"{title}!{get_column_letter(c)}{r}")
            if (r, c) in hidden:
                cells.append(None)
                filled.append(None)
                continue
            if (r, c) in vertical:
                cells.append(None)
                filled.append(values.get(vertical[(r, c)]))
                continue
            text = cell_text(cell.value, cell.number_format)
            values[(r, c)] = text
            cells.append(text)
            filled.append(text)
        if r is None:
            continue
        widths = [spans.get((r, c), 1) for c in range(1, len(cells) + 1)]
        out.append(Record(cells, f"{title}!A{r}", locs=locs, filled=filled, spans=widths))
    return out


def read(path: Path, report: Report, *, split_doc_number: bool = False, workbook: Any = None) -> Assembler:
    wb = workbook if workbook is not None else load(path)
    asm = Assembler(str(path), report, split_doc_number=split_doc_number)
    for ws in wb.worksheets:
        if ws.title == MARKER_SHEET:
            continue
        if ws.sheet_state != "visible":
            report.note(f"hidden:{ws.title}", f"已跳过隐藏的工作表“{ws.title}”")
            continue
        try:
            recs = sheet_records(ws)  # refuses a sheet over its own limits first, naming its size
        except ImportFailed as exc:
            raise ImportFailed(f"{path}：{exc}") from None
        # cells that hold something: one note typed far below the table pads every row out to it
        report.take_cells(sum(1 for rec in recs for c in rec.cells if c not in (None, "")), f"工作表“{ws.title}”")
        for rec in recs:
            asm.feed(rec)
        asm.end_unit()
    return asm
