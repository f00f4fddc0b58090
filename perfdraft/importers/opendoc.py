"""OpenDocument text (.odt, as LibreOffice and WPS save it): paragraphs and tables, read from content.xml.

A merged cell is stored once with its spans; the cells it covers are ``table:covered-table-cell``:
those beside it are its span, those below it continue it downwards (filled down like Word's vMerge).
Tracked deletions, notes and annotations are not text of the table.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .assembler import Assembler
from .doc_feed import MAX_GRID_COLUMNS, Cell, DocumentFeed, check_rows, row_record
from .report import ImportFailed, Record, Report, damage

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_P, _H, _TBL = _TEXT + "p", _TEXT + "h", _TABLE + "table"
_ROW, _CELL, _COVERED = _TABLE + "table-row", _TABLE + "table-cell", _TABLE + "covered-table-cell"
# Elements that hold rows (header rows, row groups) or blocks (lists, sections), read through.
_ROW_HOLDERS = frozenset({_TABLE + "table-header-rows", _TABLE + "table-rows", _TABLE + "table-row-group"})
_BLOCK_HOLDERS = frozenset({_TEXT + "list", _TEXT + "list-item", _TEXT + "list-header", _TEXT + "section",
                            _TEXT + "index-body", _TEXT + "table-of-content", _TEXT + "alphabetical-index"})
_NOT_SHOWN = frozenset({_TEXT + "note", _OFFICE + "annotation", _TEXT + "tracked-changes",
                        _TEXT + "bookmark-ref-start", _TEXT + "index-title-template"})
_MAX_SPACES = 8
_MAX_REPEAT = 1000  # a row or cell repeated further is the empty rest of a page, not table content


def read(path: Path, report: Report, *, split_doc_number: bool = False) -> Assembler:
    from lxml import etree  # type: ignore[import-untyped]

    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as stream:
            root = etree.parse(stream, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)).getroot()
    except KeyError:
        raise ImportFailed(f"{report.source}：OpenDocument 文档中没有正文（content.xml），文件可能已损坏") from None
    except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise ImportFailed(f"{report.source}：OpenDocument 文档无法读取（{damage(exc)}），文件可能已损坏，请用 LibreOffice 或 WPS 打开后另存再导入") from None
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    feed = DocumentFeed(path, report, split_doc_number)
    if body is not None:
        for block in _blocks(body):
            if block.tag == _TBL:
                number = feed.next_table()
                feed.table(_table_records(block, number, report))
            else:
                feed.paragraph(_text(block))
    return feed.finish()


def _blocks(el: Any) -> Iterator[Any]:
    for child in el:
        if child.tag in (_P, _H, _TBL):
            yield child
        elif child.tag in _BLOCK_HOLDERS:
            yield from _blocks(child)


def _text(el: Any) -> str:
    out: list[str] = []
    _text_of(el, out)
    return "".join(out)


def _text_of(el: Any, out: list[str]) -> None:
    if el.text:
        out.append(el.text)
    for child in el:
        tag = child.tag
        if tag == _TEXT + "s":
            # a run of spaces: a few are kept (text:c="2000000000" asked for gigabytes)
            out.append(" " * min(_count(child, _TEXT + "c"), _MAX_SPACES))
        elif tag == _TEXT + "tab":
            out.append("\t")
        elif tag == _TEXT + "line-break":
            out.append("\n")
        elif tag not in _NOT_SHOWN and isinstance(tag, str):
            _text_of(child, out)
        if child.tail:
            out.append(child.tail)


def _count(el: Any, attr: str) -> int:
    try:
        return max(1, int(el.get(attr) or 1))
    except ValueError:
        return 1


def _rows(el: Any) -> Iterator[Any]:
    for child in el:
        if child.tag == _ROW:
            yield child
        elif child.tag in _ROW_HOLDERS:
            yield from _rows(child)


def _cell_text(cell: Any) -> str:
    lines = []
    for block in _blocks(cell):
        if block.tag == _TBL:  # a table in a cell: by its rows, cells apart by spaces
            for row in _rows(block):
                lines.append(" ".join(t for t in (_cell_text(c) for c in row if c.tag == _CELL) if t))
        else:
            lines.append(_text(block))
    return "\n".join(lines)


def _table_records(tbl: Any, number: int, report: Report) -> list[Record]:
    rows: list[list[Cell]] = []
    for row in _rows(tbl):
        cells: list[Cell] = []
        beside = 0  # covered cells left of here that a spanning cell in this row covers
        for cell in row:
            if cell.tag not in (_CELL, _COVERED):
                continue
            repeat = min(_count(cell, _TABLE + "number-columns-repeated"), MAX_GRID_COLUMNS)
            for _ in range(repeat):
                if cell.tag == _COVERED:
                    if beside:
                        beside -= 1  # the span of the cell on the left: counted in its span
                    else:
                        cells.append(Cell(None))  # under a cell merged downwards
                    continue
                span = _count(cell, _TABLE + "number-columns-spanned")
                beside = span - 1
                if cell.find(f".//{_TBL}") is not None:
                    report.note("nested", "表格中嵌套的表格按文字读取，请核对", f"表格 {number} 第 {len(rows) + 1} 行")
                cells.append(Cell(_cell_text(cell), span))
        repeat_rows = min(_count(row, _TABLE + "number-rows-repeated"), _MAX_REPEAT)
        rows.extend([cells] * (repeat_rows if any(c.text for c in cells) else 1))
        check_rows(len(rows), number, report)
    above: dict[int, str | None] = {}
    return [row_record(cells, number, r, above, report) for r, cells in enumerate(rows, 1)]
