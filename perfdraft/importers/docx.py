"""docx documents: tables as in the seed's Word document and perfdraft's own docx export.

The body is read in order. Paragraphs carry the department part (一、总体绩效目标 … under their
headings, TOC field codes stripped) and the project titles (``1、…绩效目标表``); a paragraph with
tabs (``317002顺平县…<tab>单位：元``) is read as a row. Each table row becomes a record: a cell
spanning several grid columns counts once, a vertically merged cell is filled down inside the
indicator grid. A perfdraft export embeds the draft itself (a custom XML part); it is used when the
visible text is unchanged since the export, so that export → import gives the same draft.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ..model import Draft
from .assembler import Assembler
from .report import ImportFailed, Record, Report
from .xlsx import check_zip, draft_from_embedded

MAX_TABLE_ROWS = 20_000
MAX_GRID_COLUMNS = 63  # Word's own limit


def load(path: Path) -> Any:
    check_zip(path, "docx", "word/document.xml")
    from docx import Document

    try:
        return Document(str(path))
    except zipfile.BadZipFile:
        raise ImportFailed(f"{path}：文件已损坏或不完整（不是有效的 docx 压缩包）") from None
    except KeyError as exc:
        raise ImportFailed(f"{path}：docx 文件不完整（缺少 {exc.args[0] if exc.args else '部件'}），请用 Word 重新保存") from None
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise many kinds on damaged files
        if "Text node too long" in str(exc):  # libxml2's 10 MB limit on one text: not damage
            raise ImportFailed(f"{path}：文件中有一段文字超过 10 MB，超出 docx 读取的上限，无法导入；"
                               "请在 Word 中缩短这段文字后重新保存（perfdraft 导出的文件可直接使用原草稿）") from None
        raise ImportFailed(f"{path}：无法读取 docx 文件（{type(exc).__name__}: {exc}），"
                           "文件可能已损坏，请用 Word 打开后重新保存") from None


def embedded(doc: Any, path: Path, report: Report | None) -> Draft | None:
    try:
        from ..exporters.docx import read_embedded
    except ImportError:  # pragma: no cover - the exporters ship with perfdraft
        return None
    try:
        emb = read_embedded(doc)
    except Exception:  # noqa: BLE001 - a damaged part: read the tables instead
        emb = None
    if emb is None:
        return None
    return draft_from_embedded(emb, path, report, "内容")


def _table_records(table: Any, number: int, report: Report) -> list[Record]:
    from docx.oxml.ns import qn
    from docx.table import _Cell

    out = []
    above: dict[int, str | None] = {}
    rows = table._tbl.tr_lst
    if len(rows) > MAX_TABLE_ROWS:
        raise ImportFailed(f"表格 {number} 有 {len(rows)} 行，超过导入上限 {MAX_TABLE_ROWS} 行，不像是绩效目标表")
    for r, tr in enumerate(rows, 1):
        cells: list[str | None] = []
        filled: list[str | None] = []
        locs: list[str] = []
        tr_pr = tr.trPr
        before = 0
        if tr_pr is not None:
            gb = tr_pr.find(qn("w:gridBefore"))
            if gb is not None:
                try:
                    before = int(gb.get(qn("w:val")) or 0)
                except ValueError:
                    before = 0
        if before > MAX_GRID_COLUMNS:
            raise ImportFailed(f"表格 {number} 第 {r} 行前空 {before} 列，超过 Word 的上限 {MAX_GRID_COLUMNS} 列，文件可能已损坏")
        for _ in range(before):
            cells.append(None)
            filled.append(None)
            locs.append(f"表格 {number} 第 {r} 行第 {len(cells)} 列")
        for tc in tr.tc_lst:
            col = len(cells)
            where = f"表格 {number} 第 {r} 行第 {col + 1} 列"
            cell = _Cell(tc, table)
            if tc.tbl_lst:
                report.note("nested", "表格中嵌套的表格按文字读取，请核对", where)
            if tc.vMerge == "continue":
                cells.append(None)
                filled.append(above.get(col))
            else:
                text = cell.text
                cells.append(text)
                filled.append(text)
                above[col] = text
            locs.append(where)
            # A damaged w:gridSpan (50000000) made this loop take gigabytes (issue 9).
            if tc.grid_span > MAX_GRID_COLUMNS:
                raise ImportFailed(f"{where} 的单元格横跨 {tc.grid_span} 列，超过 Word 的上限 {MAX_GRID_COLUMNS} 列，"
                                   "文件可能已损坏")
            for _ in range(max(1, tc.grid_span) - 1):
                cells.append(None)
                filled.append(None)
                locs.append(where)
        out.append(Record(cells, f"表格 {number} 第 {r} 行", locs=locs, filled=filled))
    return out


def read(path: Path, report: Report, *, split_doc_number: bool = False, document: Any = None) -> Assembler:
    from docx.exceptions import PythonDocxError
    from docx.oxml.exceptions import XmlchemyError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = document if document is not None else load(path)
    asm = Assembler(str(path), report, split_doc_number=split_doc_number)
    gap = False
    p_no = t_no = 0
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph):
            p_no += 1
            text = block.text
            where = f"第 {p_no} 段"
            if not text.strip():
                gap = True
                continue
            if "\t" in text.strip():
                parts = text.split("\t")
                asm.feed(Record(list(parts), where, locs=[where] * len(parts)))
            else:
                asm.feed(Record([text], where, para=True, gap=gap))
            gap = False
        elif isinstance(block, Table):
            t_no += 1
            try:
                recs = _table_records(block, t_no, report)
            except ImportFailed as exc:
                raise ImportFailed(f"{path}：{exc}") from None
            except (ValueError, PythonDocxError, XmlchemyError) as exc:
                # python-docx reads attributes lazily: a damaged one (w:gridSpan="abc", no w:val) raised
                # here, past load()'s net, as a traceback (issue 9).
                raise ImportFailed(f"{path}：表格 {t_no} 无法读取（{type(exc).__name__}: {exc}），"
                                   "文件可能已损坏，请用 Word 打开后重新保存") from None
            for rec in recs:
                asm.feed(rec)
            asm.end_table()
            gap = False
    if t_no == 0:
        report.note("no-table", "文档中没有表格，只读取了段落文字")
    return asm
