"""What every word-processor reader hands the assembler: paragraphs and table rows, in document order.

The docx, Word 97 (.doc) and OpenDocument (.odt) readers differ only in how they find a paragraph's text
and a cell's span and merge; the record a row becomes, and how paragraphs and tables are fed, are here once.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .assembler import Assembler
from .report import ImportFailed, Record, Report

MAX_TABLE_ROWS = 20_000
MAX_GRID_COLUMNS = 63  # Word's own limit


@dataclass(frozen=True)
class Cell:
    """One cell as the file stores it: ``text`` None where a vertical merge continues the cell above,
    ``covered`` where a horizontal merge continues the cell on the left (old Word, an ODF covered cell)."""

    text: str | None
    span: int = 1
    covered: bool = False


def row_record(cells: Sequence[Cell], number: int, r: int, above: dict[int, str | None], report: Report,
               before: int = 0) -> Record:
    """Row ``r`` of table ``number`` as a record: a cell spanning columns counts once, a vertically merged
    cell is filled down from ``above`` (the table's last text by column, updated here)."""
    where_row = f"表格 {number} 第 {r} 行"
    if before > MAX_GRID_COLUMNS:
        raise ImportFailed(f"{report.source}：{where_row}前空 {before} 列，超过表格列数的上限 {MAX_GRID_COLUMNS} 列，文件可能已损坏")
    out: list[str | None] = [None] * max(before, 0)
    filled: list[str | None] = [None] * max(before, 0)
    locs = [f"表格 {number} 第 {r} 行第 {i + 1} 列" for i in range(len(out))]
    for cell in cells:
        col = len(out)
        where = f"表格 {number} 第 {r} 行第 {col + 1} 列"
        if cell.covered:
            out.append(None)
            filled.append(None)
        elif cell.text is None:
            out.append(None)
            filled.append(above.get(col))
        else:
            out.append(cell.text)
            filled.append(cell.text)
            above[col] = cell.text
        locs.append(where)
        # A damaged span (50000000) made this loop take gigabytes (issue 9).
        if cell.span > MAX_GRID_COLUMNS:
            raise ImportFailed(f"{report.source}：{where} 的单元格横跨 {cell.span} 列，超过表格列数的上限 {MAX_GRID_COLUMNS} 列，"
                               "文件可能已损坏")
        for _ in range(max(1, cell.span) - 1):
            out.append(None)
            filled.append(None)
            locs.append(where)
    report.take_cells(len(out), where_row)
    return Record(out, where_row, locs=locs, filled=filled)


def check_rows(n: int, number: int, report: Report) -> None:
    if n > MAX_TABLE_ROWS:
        raise ImportFailed(f"{report.source}：表格 {number} 有 {n} 行，超过导入上限 {MAX_TABLE_ROWS} 行，不像是绩效目标表")


class DocumentFeed:
    """Feeds an assembler a document's paragraphs and tables in order; counts them for the places it names."""

    def __init__(self, path: Path, report: Report, split_doc_number: bool) -> None:
        self.report = report
        self.asm = Assembler(str(path), report, split_doc_number=split_doc_number)
        self.gap = False
        self.paragraphs = 0
        self.tables = 0

    def paragraph(self, text: str) -> None:
        self.paragraphs += 1
        where = f"第 {self.paragraphs} 段"
        if not text.strip():
            self.gap = True
            return
        if "\t" in text.strip():  # 317002顺平县…<tab>单位：元: a row
            parts = text.split("\t")
            self.report.take_cells(len(parts), where)
            self.asm.feed(Record(list(parts), where, locs=[where] * len(parts)))
        else:
            self.report.take_cells(1, where)
            self.asm.feed(Record([text], where, para=True, gap=self.gap))
        self.gap = False

    def next_table(self) -> int:
        self.tables += 1
        return self.tables

    def table(self, records: list[Record]) -> None:
        for rec in records:
            self.asm.feed(rec)
        self.asm.end_table()
        self.gap = False

    def finish(self) -> Assembler:
        if self.tables == 0:
            self.report.note("no-table", "文档中没有表格，只读取了段落文字")
        return self.asm


VERTICAL_CONTINUES, HORIZONTAL_CONTINUES = 1, 2  # a cell's merge: continues the one above / on the left


def grid_records(rows: Sequence[tuple[list[str], list[int], dict[int, int]]], number: int, report: Report) -> list[Record]:
    """Rows given as (cell texts, cell boundaries left to right (cells + 1; twips), merges by cell), as Word 97
    and RTF store them: every row's boundaries together are the table's columns, so a cell spanning
    columns counts once wherever its row has fewer cells."""
    check_rows(len(rows), number, report)
    grid = sorted({b for _, bounds, _ in rows for b in bounds})
    out = []
    above: dict[int, str | None] = {}
    for r, (texts, bounds, merges) in enumerate(rows, 1):
        ok = len(bounds) == len(texts) + 1
        before = bisect.bisect_left(grid, bounds[0]) if ok else 0
        cells = []
        for c, text in enumerate(texts):
            span = max(1, bisect.bisect_left(grid, bounds[c + 1]) - bisect.bisect_left(grid, bounds[c])) if ok else 1
            merge = merges.get(c, 0)
            cells.append(Cell(None if merge in (VERTICAL_CONTINUES, HORIZONTAL_CONTINUES) else text, span,
                              covered=merge == HORIZONTAL_CONTINUES))
        out.append(row_record(cells, number, r, above, report, before))
    return out
