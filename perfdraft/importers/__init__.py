"""Importers: last year's tables (xlsx, docx, text) → a perfdraft draft.

``import_files(paths)`` returns an :class:`~.common.ImportResult`: the draft, the repairs made or
noticed (one line each, never silent) and every piece of text that could not be placed (also kept in
the draft's ``notes``). A file that cannot be read at all raises :class:`~.common.ImportFailed`
(a ``DraftError``) with one Chinese line naming the file and what was expected.

Repairs: Word TOC field codes are stripped; a unit code glued to the unit name is split; with
``split_doc_number=True`` (``--split-doc-number``) a 文号 inside a project name moves to
``doc_number`` (【】 → 〔〕). Old and local level names and variant value forms (≧, ＞＝, 百分比,
thousands separators) are reported but kept as written: the checker judges them.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import os_reason
from ..model import Draft, Indicator, Project
from ..safe_open import open_read
from . import html as html_reader
from . import kinds, sources, spreadsheetml
from .assembler import Assembler
from .cells import Line, clean_text, text_lines
from .level_rows import carry_levels, levels_from_rows
from .repairs import (
    CUT_MARK,
    code_out_of_name,
    department_table,
    ditto_note,
    drop_cut_row,
    fill_dittos,
    fix_ocr_digits,
    guess_framework,
    infer_year,
    join_cell_breaks,
    remark_draft,
    settle_profile,
    split_glued_explanations,
    split_labelled_explanations,
    split_target_and_result,
)
from .report import ImportFailed, ImportResult, NothingPlaced, Record, Report, Unplaced
from .row_rewrites import (
    fill_ditto_cells,
    merge_header_rows,
    packed_list,
    split_name_value_column,
    unpack_numbered_cells,
)
from .shape import Shape
from .transposed import untranspose
from .wraps import join_wrapped

__all__ = ["ImportFailed", "ImportResult", "NothingPlaced", "Unplaced", "import_file", "import_files", "sniff"]

_REFUSED = {
    ".et": "WPS 表格（.et）文件，请另存为 .xlsx 后再导入",
    ".wps": "WPS 文字（.wps）文件，请另存为 .docx 后再导入",
}
_TEXT_SUFFIXES = {".txt", ".text", ".md", ".tsv", ".csv", ".tab", ""}


def _utf16_ascii(head: bytes) -> bytes:
    """A UTF-16 head's ASCII (its markup), with or without a byte-order mark; b'' for other text."""
    from .text import utf16_without_bom

    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return html_reader.ascii_head(head)
    text = utf16_without_bom(head[: len(head) // 2 * 2])
    return text.encode("ascii", "ignore") if text is not None else b""


# Office suffixes and the kind each names: a file holding another of these kinds is read by what it holds and
# its name is said to mislead (an HTML or RTF page saved as .xls or .doc, as systems export them, is not said)
_MISNAMED = {".xlsx": "xlsx", ".xls": "xls", ".docx": "docx", ".doc": "doc", ".ods": "ods", ".odt": "odt",
             ".pdf": "pdf"}


def sniff(path: Path) -> str:
    """'xlsx', 'xls', 'ods', 'xmlss' (Excel 2003 XML), 'docx', 'doc', 'odt', 'rtf', 'pdf', 'html' or 'text'; ImportFailed for files of other kinds."""
    source = str(path)
    if not path.exists():
        raise ImportFailed(f"{source}：文件不存在")
    if path.is_dir():
        raise ImportFailed(f"{source}：这是一个目录，应为 xlsx、docx 或文本文件")
    try:
        with open_read(path) as fh:  # (a FIFO with no writer blocked here)
            head = fh.read(2048)
    except PermissionError:
        raise ImportFailed(f"{source}：没有读取权限") from None
    except OSError as exc:
        raise ImportFailed(f"{source}：无法读取（{os_reason(exc, writing=False)}）") from None
    suffix = path.suffix.lower()
    if not head:
        raise ImportFailed(f"{source}：文件是空的（0 字节），请确认选对了文件")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # told apart by what the compound file holds, not by its name (a Word file named .xls was called
        # damaged, one named .docx encrypted)
        from . import worddoc

        streams = worddoc.ole_streams(path)
        if streams & {"encryptedpackage", "encryptioninfo"} or (not streams and suffix in (".xlsx", ".docx", ".xlsm")):
            # (an .xlsx or .docx kept in a compound file is how Office stores one with a password)
            raise ImportFailed(f"{source}：文件设有打开密码（已加密），请在 Excel/Word 中去掉密码另存后再导入")
        if "worddocument" in streams:
            return "doc"  # Word 97–2003, or WPS 文字's .wps in the same format, whatever its name
        if streams & {"workbook", "book"} or (not streams and suffix == ".xls"):
            return "xls"
        if suffix in _REFUSED:
            raise ImportFailed(f"{source}：是{_REFUSED[suffix]}")
        raise ImportFailed(f"{source}：是旧版 Office 复合文档，但不是 Word 文档或 Excel 工作簿（可能已损坏，或是 PowerPoint 等）；"
                           "请在原程序中另存为 .docx 或 .xlsx 后再导入")
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf"):
        return "rtf"  # 另存为 RTF, and the "导出Word" of report systems that write RTF under a .doc name
    if spreadsheetml.looks_like(head):
        return "xmlss"  # Excel 2003 XML, as budget systems export it (named .xls or .xml)
    if spreadsheetml.looks_like(_utf16_ascii(head)):
        return "text"  # ... saved as UTF-16: the text reader decodes it and reads the workbook it is
    # a saved web page, or the HTML a web system hands out as "Excel" (.xls) or "Word" (.doc)
    if suffix not in (".txt", ".text", ".md", ".csv", ".tsv", ".tab") and (
            html_reader.looks_like_html(head) or html_reader.looks_like_mht(head)):
        return "html"
    if head.startswith(b"PK"):
        import zipfile

        try:
            with zipfile.ZipFile(path) as zf:
                members = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            # (an unsupported compression version raises NotImplementedError)
            raise ImportFailed(f"{source}：压缩包已损坏，应为 xlsx 或 docx 文件") from None
        if "xl/workbook.xml" in members:
            return "xlsx"
        if "content.xml" in members and _odf_type(path) == "application/vnd.oasis.opendocument.spreadsheet":
            return "ods"  # LibreOffice / WPS OpenDocument spreadsheet: read as .xls is, through calamine
        if "content.xml" in members and _odf_type(path) == "application/vnd.oasis.opendocument.text":
            return "odt"
        if "word/document.xml" in members:
            return "docx"
        raise ImportFailed(f"{source}：是压缩包，但不是 xlsx 或 docx 文件")
    if suffix in _REFUSED:
        raise ImportFailed(f"{source}：是{_REFUSED[suffix]}")
    if suffix in (".xlsx", ".xlsm", ".docx"):
        kind = "Excel（xlsx）" if suffix != ".docx" else "Word（docx）"
        raise ImportFailed(f"{source}：不是有效的 {kind} 文件（文件头不对，可能已损坏或只是改了扩展名）")
    if suffix not in _TEXT_SUFFIXES and any(b < 9 or 13 < b < 32 for b in head if b != 27):
        raise ImportFailed(f"{source}：无法识别的文件类型（{suffix}），应为 .xlsx、.docx 或文本（.txt）")
    return "text"


def _odf_type(path: Path) -> str:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            return zf.read("mimetype")[:100].decode("ascii", "replace").strip()
    except (KeyError, OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
        return ""


def import_file(path: str | os.PathLike[str], *, split_doc_number: bool = False) -> ImportResult:
    return import_files([path], split_doc_number=split_doc_number)


_CAPTURES = frozenset({"text", "pdf", "html"})


def _sheets_read(path: Path, report: Report, sheets: list[list[Record]],
                 split_doc_number: bool) -> tuple[Assembler, list[Line]]:
    """A workbook's sheets fed to the label assembler (each sheet a unit), and their rows as lines."""
    asm = Assembler(str(path), report, split_doc_number=split_doc_number)
    lines: list[Line] = []
    for recs in sheets:
        for rec in recs:
            asm.feed(rec)
        asm.end_unit()
        lines.extend(sources.records_to_lines(recs))
    return asm, lines


def import_files(paths: Sequence[str | os.PathLike[str]], *, year: int | None = None,
                 split_doc_number: bool = False) -> ImportResult:
    """Import one or more files into one draft (department from the first file that has one)."""
    from . import docx as docx_reader
    from . import text as text_reader
    from . import xlsx as xlsx_reader

    merged: Draft | None = None
    repairs: list[str] = []
    unplaced: list[Unplaced] = []
    inferred: int | None = None
    captured = True  # every input a capture (text, PDF, web page), none an office file or our own export
    for raw in paths:
        path = Path(raw)
        kind = sniff(path)
        captured = captured and kind in _CAPTURES
        report = Report(str(path))
        named = _MISNAMED.get(path.suffix.lower())
        if named is not None and kind != named and kind in _MISNAMED.values():
            # read by what it holds; the name would mislead the program that opens it next (said here:
            # a report may be replaced by the shape reader's below)
            repairs.append(f"{path}：文件内容是 {kind}，扩展名却是 {path.suffix}：已按 {kind} 读取；"
                           f"建议改名为 {path.stem}.{kind}")
        lines: list[Line] | None = None
        cut_off = False  # an excerpt marked as stopping inside the table
        page_year: int | None = None
        if kind == "xlsx" and xlsx_reader.has_marker(path):
            xlsx_reader.check_zip(path, "xlsx", "xl/workbook.xml")
            own = xlsx_reader.embedded_streamed(path, report)
            if own is None:  # edited since export, or damaged: the whole workbook, tables and all
                book = xlsx_reader.load(path)
                own = xlsx_reader.embedded(book, path, report)
                asm = None if own is not None else xlsx_reader.read(path, report,
                                                                      split_doc_number=split_doc_number, workbook=book)
        elif kind in ("xlsx", "xls", "ods", "xmlss"):
            if kind == "xlsx":
                xlsx_reader.check_zip(path, "xlsx", "xl/workbook.xml")
            own = None
            sheets = sources.xlsx_records(path, report) if kind == "xlsx" else \
                spreadsheetml.sheet_records(path, report) if kind == "xmlss" else sources.sheet_records(path, report)
            asm, lines = _sheets_read(path, report, sheets, split_doc_number)
        elif kind == "pdf":
            own = None
            lines = sources.pdf_lines(path, report)
            asm = Assembler(str(path), report, split_doc_number=split_doc_number)
            for line in lines:
                asm.feed(Record(list(line.cells), line.where))
        elif kind == "docx":
            own, asm = docx_reader.read(path, report, split_doc_number=split_doc_number)
        elif kind in ("doc", "odt", "rtf"):
            from . import opendoc, rtf, worddoc

            own = None
            reader = {"doc": worddoc, "odt": opendoc, "rtf": rtf}[kind]
            asm = reader.read(path, report, split_doc_number=split_doc_number)
        elif kind == "html":
            own = None
            asm, page_year = html_reader.read(path, report, split_doc_number=split_doc_number)
        else:
            own = None
            raw_text = text_reader.prepared(path, report)  # decoded once, for both readers
            cut_off = bool(CUT_MARK.search(raw_text))
            if spreadsheetml.is_markup(raw_text):
                # an Excel 2003 XML export opened in a text editor and copied on
                kind = "xmlss"
                asm, lines = _sheets_read(path, report, spreadsheetml.sheet_records(path, report, raw_text),
                                          split_doc_number)
            elif html_reader.is_markup(raw_text):
                # a page's HTML source copied into a .txt (view-source, or a system's "导出" that is HTML)
                kind = "html"
                report.note("html-source", "文本中是网页源代码（HTML 标记），已按网页表格读取")
                asm, page_year = html_reader.read(path, report, split_doc_number=split_doc_number, text=raw_text)
            else:
                asm = text_reader.read_text(raw_text, path, report, split_doc_number=split_doc_number)
                if path.suffix.lower() != ".csv" and not text_reader.looks_like_csv(raw_text):
                    text, cleaned = clean_text(raw_text)
                    for remark in cleaned:
                        report.note(remark, remark)
                    lines = join_wrapped(text_lines(text))
                else:  # a csv's rows are a sheet's: the shape reader reads them as it reads a workbook
                    lines = sources.records_to_lines(asm.records)
        if kind in ("docx", "doc", "odt", "rtf", "html") and asm is not None:
            lines = sources.records_to_lines(asm.records)
        if own is not None:
            # where a session stopped and a line it had not confirmed are no part of a table: a planted
            # pending line was later offered as if the user had typed it
            own.resume = None
            repairs.append(f"{path}：读取了 perfdraft 导出时嵌入的草稿，与导出时的草稿完全一致")
            repairs.extend(report.lines())
            merged = _merge(merged, own, repairs, unplaced, str(path))
            continue
        assert asm is not None
        shape_report = Report(str(path))
        draft = asm.finish()
        if lines is not None:
            lines, packed = unpack_numbered_cells(lines)
            if packed:
                report.note("packed", f"一个单元格里编号列出的多条指标已拆成 {packed} 行，请核对")
            dittos = fill_ditto_cells(lines)  # (fill_dittos below does the label reader's rows)
            if dittos:
                report.note("ditto", ditto_note(dittos))
            lines, _ = merge_header_rows(lines)
            lines, paired = split_name_value_column(lines)
            if paired:
                report.note("name-value", f"三级指标与指标值写在同一栏，已拆开 {paired} 个（名称：值、名称（值）、名称≥值），请核对")
            lines, turned = untranspose(lines)
            if turned:
                report.note("transposed", f"指标表是转置粘贴的（每列一个指标），已按列读取 {turned} 个指标")
        # perfdraft's own layouts (codes, plans, sub-goals) are read exactly by the label assembler
        own_layout = _structured(draft)
        # a table whose only mark of that layout is its 项目编码 is read both ways: many tables have a code
        coded = own_layout and _coded_only(draft)
        shape = Shape(str(path), shape_report) if lines is not None and (not own_layout or coded) else None
        shaped = shape.run(lines) if shape is not None and lines is not None else None
        # The label assembler knows the seed's and perfdraft's own layouts in full (departments, plans,
        # sub-goals); the shape reader wins only where it understood clearly more of the table.
        good = _placed(shaped, good=True) if shaped is not None else 0
        wins = shaped is not None and good >= 1 and _placed(draft, good=True) <= good and (
            not own_layout or (coded and _same_projects(draft, shaped) and (
                # the label reader took a cell's list for one row, or met grid columns it does not know
                (_packed_rows(draft) and _placed(draft, good=True) < good)
                # (no more rows than the label reader found: a two-row header's 数值 column, not a grid
                # read twice over)
                or (report.noted("extra:") and _rows(shaped) <= _rows(draft)))))
        if wins and asm.flat_projects and shaped is not None and len(draft.projects) > len(shaped.projects):
            # a flat export (project columns on every indicator row) is read column by column, as it is
            # laid out; the shape reader's year (the title's) still counts
            if inferred is None and shaped.year is not None:
                inferred = shaped.year
        elif wins and shaped is not None:
            if coded:
                _carry_codes(draft, shaped)
            shape_report.carry(report, _READER_NOTES)
            draft, report = shaped, shape_report
            report.note("shape", "按表格的形状读取（表头列序、层级名称、指标值的写法），请核对")
            if inferred is None and shaped.year is not None:
                inferred = shaped.year
            shaped.year = None
        elif shaped is not None and len(draft.projects) == len(shaped.projects) == 1 and \
                draft.projects[0].budget.total is None and shaped.projects[0].budget.total is not None and \
                draft.projects[0].name == shaped.projects[0].name:
            # the label reader's rows, the shape reader's budget (年度预算数 | 1—7月执行数 … over a row of
            # amounts under an empty label): one table read two ways, each where it read it
            draft.projects[0].budget = shaped.projects[0].budget
            if "budget" not in draft.projects[0].confirm:
                draft.projects[0].confirm.append("budget")
        if not wins and not asm.found_anything:
            what = {"xlsx": "工作表", "xls": "工作表", "ods": "工作表", "xmlss": "工作表", "docx": "文档", "doc": "文档", "odt": "文档", "rtf": "文档", "text": "文本", "pdf": "PDF", "html": "网页"}[kind]
            if not _on_topic(lines, asm):
                raise ImportFailed(f"{path}：不是绩效目标表（{what}中没有 指标、项目、预算、绩效 等字样），"
                                   "应为项目支出绩效目标表（xlsx、xls、docx、doc、PDF 或复制出的文本）")
            raise NothingPlaced(f"{path}：{what}中没有找到绩效目标表的指标行（应有 一级指标/二级指标/三级指标/指标值 "
                                "表头，或 产出指标、效益指标 等层级名称），未生成草稿")
        if inferred is None:
            # the shape reader reads titles across cells and 预算年度 labels: its title year comes first;
            # then the document's own title (an office file's properties) before a year merely written
            # somewhere in the cells (a deadline's 2021年11月30日前)
            inferred = (shape.title_year() if shape is not None else None) or \
                (sources.document_title_year(path) if kind in ("xlsx", "docx") else None) or \
                (page_year if kind == "html" else None) or infer_year(asm) or \
                (shaped.year if shaped is not None else None)
        marks = _row_marks(draft)  # the rows to confirm, by the row: the repairs below drop and merge rows
        split_labelled_explanations(draft, report)
        join_cell_breaks(draft)
        levels_from_rows(draft, report)
        carry_levels(draft, report)
        fill_dittos(draft, report)
        split_target_and_result(draft, report)
        remark_draft(draft, report, split_doc_number=split_doc_number)
        split_glued_explanations(draft, report)
        fix_ocr_digits(draft, report)
        guess_framework(draft, report, asm.header_texts)
        # a table's own reading, never a perfdraft export's embedded draft (that one round-trips exactly)
        department_table(draft, report)
        code_out_of_name(draft, report)
        if cut_off:
            drop_cut_row(draft, report)
        if draft is shaped:  # perfdraft's own and the seed's layouts, read by the label reader, keep theirs
            settle_profile(draft, report)
        # a project a table only started (a 汇总 sheet's header before the project sheets): nothing of it was
        # read (an embedded draft's empty projects are its own, above, and kept)
        draft.projects = [p for p in draft.projects if not _nothing_read(p)] or draft.projects[:1]
        _put_row_marks(draft, marks)
        _in_cents(draft)
        repairs.extend(report.lines())
        unplaced.extend(report.unplaced)
        merged = _merge(merged, draft, repairs, unplaced, str(path))
    assert merged is not None
    if captured and not merged.department.indicators and not any(p.indicators for p in merged.projects):
        # a capture with a header and no grid (the first lines of a table, a note): no draft to start
        # from, and "0 个指标" with exit 0 read as success. An office file keeps its projects: our own
        # export of projects not yet given rows reads back as it was written
        found = f"读到 {len(merged.projects)} 个项目的表头，但" if merged.projects else ""
        raise NothingPlaced(f"{'、'.join(str(p) for p in paths)}：{found}没有找到绩效目标表的指标行（应有 一级指标/二级指标/"
                            "三级指标/指标值 表头，或 产出指标、效益指标 等层级名称），未生成草稿")
    if year is not None:
        merged.year = year
    elif merged.year is None and inferred is not None:
        merged.year = inferred
        repairs.append(f"预算年度按文中年份推断为 {inferred}，如不对请改预算年度（助手里 /jump 预算年度；命令行导入可加 --year）")
    elif merged.year is None:
        repairs.append("文中没有年份，草稿未设预算年度；请填写预算年度（助手里 /jump 预算年度；命令行导入可加 --year）")
    return ImportResult(merged, repairs, unplaced)


# Remarks of the file readers (not of an assembler): they stand whichever assembler's reading wins.
_READER_NOTES = ("hidden:", "formula", "pdf", "nested", "no-table", "csv-quote", "已去除", "原文为", "html-bytes", "html-chrome", "comment", "boxes", "quoted",
                 "html-source", "script", "transposed", "ditto", "tsv-quoted", "json", "packed",
                 "halves", "xmlss", "name-value")

_TOPIC = ("指标", "项目", "预算", "绩效", "目标", "资金", "部门", "单位")


def _on_topic(lines: list[Line] | None, asm: Assembler) -> bool:
    """Whether the source talks about budgets and targets at all: a document that does but has no
    indicator row is 'nothing placed' (exit 1); anything else is not a 绩效目标表 (exit 2)."""
    texts = [c for line in lines for c in line.texts()] if lines else \
        [c for rec in asm.records for c in rec.cells if c]
    return any(word in text for text in texts for word in _TOPIC)


def _placed(draft: Draft, good: bool = False) -> int:
    """Indicator rows with a value (``good``: a name and a value that reads as one): how much of the
    table an assembler understood."""
    rows = [i for p in draft.projects for i in p.indicators] + list(draft.department.indicators)
    if good:  # a name in the value's place (确定能 | 高血压…服务率: columns slipped) is not understood
        return sum(1 for i in rows if i.name and i.value and _reads_as_value(i.value))
    return sum(1 for i in rows if i.value)


def _reads_as_value(text: str) -> bool:
    """A value, or short enough to be one: not a row's name slipped into the value's column."""
    from ..values import ParseError, parse

    return len(text) <= 8 or kinds.value_like(text) or not isinstance(parse(text), ParseError)


def _structured(draft: Draft) -> bool:
    """Codes, spending plans or department parts: the seed's or perfdraft's own layout, which the
    label assembler reads exactly."""
    d = draft.department
    return any(p.code or (p.spending_plan and sum(v is not None for v in p.spending_plan.cells()) >= 2)
               for p in draft.projects) or bool(d.sub_goals)


def _coded_only(draft: Draft) -> bool:
    return not draft.department.sub_goals and not any(
        p.spending_plan and sum(v is not None for v in p.spending_plan.cells()) >= 2 for p in draft.projects)


def _nothing_read(project: Project) -> bool:
    return not (project.name or project.code or project.indicators or project.purpose or project.goal
                or project.budget.total is not None or project.budget.fiscal is not None)


def _rows(draft: Draft | None) -> int:
    return 0 if draft is None else sum(len(p.indicators) for p in draft.projects) + len(draft.department.indicators)


def _packed_rows(draft: Draft) -> bool:
    """The label reader took a cell's numbered list of indicators (1.… 2.…, one per line) as one row: the
    shape reader unpacks them."""
    return any(packed_list(i.name) for p in draft.projects for i in p.indicators)


def _same_projects(draft: Draft, shaped: Draft | None) -> bool:
    """The two readings have the same projects, in order (no code read for one that the other reads otherwise)."""
    return shaped is not None and len(shaped.projects) == len(draft.projects) and all(
        not (mine.code and theirs.code and mine.code != theirs.code)
        for mine, theirs in zip(draft.projects, shaped.projects, strict=True))


def _carry_codes(draft: Draft, shaped: Draft) -> None:
    """The label reader's project codes given to the shape reader's projects, which won."""
    for mine, theirs in zip(draft.projects, shaped.projects, strict=True):
        if mine.code and not theirs.code:
            theirs.code = mine.code
            if "code" in mine.confirm and "code" not in theirs.confirm:
                theirs.confirm.append("code")


def _in_cents(draft: Draft) -> None:
    """Amounts to the fen as a budget writes them: 153.5184万元 is 1535184.00 元, not 1535184.0000; 20万 is
    200000.00, not 200000.0 (the assistant showed the two forms side by side)."""
    from decimal import Decimal

    cent = Decimal("0.01")
    budgets = [p.budget for p in draft.projects] + ([draft.department.budget] if draft.department.budget else [])
    for b in budgets:
        for attr in ("total", "fiscal", "other"):
            v = getattr(b, attr)
            places = v.as_tuple().exponent if isinstance(v, Decimal) and v.is_finite() else 0
            if isinstance(v, Decimal) and isinstance(places, int) and places != -2 and v == v.quantize(cent):
                setattr(b, attr, v.quantize(cent))


_ROW_MARK = re.compile(r"indicators\[(\d+)\](.*)")


_Marks = dict[int, tuple[set[str], list[tuple[Indicator, str]]]]


def _row_marks(draft: Draft) -> _Marks:
    """Each project's "to confirm" entries naming a row, held by the row itself (by the project's id)."""
    out: _Marks = {}
    for p in draft.projects:
        rows = [(p.indicators[int(m.group(1))], m.group(2)) for entry in p.confirm
                if (m := _ROW_MARK.fullmatch(entry)) and int(m.group(1)) < len(p.indicators)]
        out[id(p)] = (set(p.confirm), rows)
    return out


def _put_row_marks(draft: Draft, marks: _Marks) -> None:
    """The entries naming rows, at the rows' places now; a row the repairs dropped (a row cut off at the end
    of an excerpt) takes its entry with it: it had pointed past the last row, and nothing was asked. What
    the repairs marked themselves stands."""
    for p in draft.projects:
        before, rows = marks.get(id(p), (set(), []))
        where = {id(ind): k for k, ind in enumerate(p.indicators)}
        kept = [c for c in p.confirm if not (m := _ROW_MARK.fullmatch(c)) or c not in before and int(m.group(1)) < len(p.indicators)]
        moved = [f"indicators[{where[id(ind)]}]{rest}" for ind, rest in rows if id(ind) in where]
        p.confirm = list(dict.fromkeys(kept + moved))


def _merge(into: Draft | None, draft: Draft, repairs: list[str], unplaced: list[Unplaced], source: str) -> Draft:
    """Add a second file's draft to the first: projects appended, department fields kept from the
    first file; a differing department field is listed as unplaced and kept in the draft's notes."""
    if into is None:
        return draft
    d, e = into.department, draft.department

    def conflict(what: str, text: str) -> None:
        unplaced.append(Unplaced(source, what, text))
        into.notes.append(f"导入时未能归位（{source} {what}，与前面的文件不同）：{text}")

    for key, label in (("code", "单位编码"), ("name", "单位名称"), ("overall_goal", "总体绩效目标"),
                       ("safeguards", "工作保障措施")):
        mine, theirs = getattr(d, key), getattr(e, key)
        if mine is None:
            setattr(d, key, theirs)
        elif theirs is not None and theirs != mine:
            conflict(label, theirs)
    if d.budget is None:
        d.budget = e.budget
    elif e.budget is not None and e.budget != d.budget:
        conflict("部门预算", f"合计 {e.budget.total}，财政拨款 {e.budget.fiscal}，其他资金 {e.budget.other}")
    if [g.text for g in e.sub_goals] != [g.text for g in d.sub_goals]:
        if d.sub_goals and e.sub_goals:
            repairs.append(f"{source}：分项绩效目标与前面的文件不同，已接在后面，请合并")
        d.sub_goals.extend(e.sub_goals)
    d.indicators.extend(e.indicators)
    into.projects.extend(draft.projects)
    into.notes.extend(draft.notes)
    if into.year is None:
        into.year = draft.year
    if draft.framework == "central-2021":
        into.framework = draft.framework
    return into
