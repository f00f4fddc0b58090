"""docx documents: tables as in the seed's Word document and perfdraft's own docx export.

``word/document.xml`` is read as a stream with lxml's iterparse, block by block of the body, each block
freed once read (no python-docx tree, no proxy objects). Paragraphs carry the department part
(一、总体绩效目标 … under their headings, TOC field codes stripped) and the project titles (``1、…绩效目标表``);
a paragraph with tabs (``317002顺平县…<tab>单位：元``) is read as a row. Each table row becomes a record
with its cells by grid column: a cell spanning several columns (``w:gridSpan``) counts once, a vertically
merged cell (``w:vMerge``) is filled down inside the indicator grid. Text is read as python-docx reads it
(runs and hyperlinks; tab, break, carriage return).

A perfdraft export embeds the draft itself (a custom XML part); it is used when the visible text is
unchanged since the export (the exporter's own fingerprint, over the same parsed body), so that
export → import gives the same draft.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ..model import Draft
from .assembler import Assembler
from .doc_feed import Cell, DocumentFeed, check_rows, row_record
from .report import ImportFailed, Record, Report, damage
from .xlsx import check_zip, draft_from_embedded

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_P, _TBL, _BODY, _R, _TC, _TR = W + "p", W + "tbl", W + "body", W + "r", W + "tc", W + "tr"
# What a run's children read as (python-docx's CT_R.text): w:br is a line break unless it breaks a page.
_RUN_TEXT = {W + "tab": "\t", W + "ptab": "\t", W + "cr": "\n", W + "noBreakHyphen": "-"}


class _Damaged(Exception):
    """A table part that cannot be read (a w:gridSpan without a number …)."""


def _parser_error(path: Path, exc: Exception) -> ImportFailed:
    if "Text node too long" in str(exc):  # libxml2's 10 MB limit on one text: not damage
        return ImportFailed(f"{path}：文件中有一段文字超过 10 MB，超出 docx 读取的上限，无法导入；"
                            "请在 Word 中缩短这段文字后重新保存（perfdraft 导出的文件可直接使用原草稿）")
    return ImportFailed(f"{path}：无法读取 docx 文件（{damage(exc)}），"
                        "文件可能已损坏，请用 Word 打开后重新保存")


def _custom_parts(zf: zipfile.ZipFile) -> list[str]:
    """Members the document part relates to as custom XML (where perfdraft embeds its draft)."""
    from lxml import etree  # type: ignore[import-untyped]

    try:
        rels = etree.fromstring(zf.read("word/_rels/document.xml.rels"),
                                etree.XMLParser(resolve_entities=False, no_network=True))
    except (KeyError, etree.XMLSyntaxError):
        return []
    out = []
    for rel in rels.iter(_REL):
        if rel.get("Type") == _CUSTOM_XML and rel.get("TargetMode") != "External" and rel.get("Target"):
            out.append(posixpath.normpath(posixpath.join("word", rel.get("Target"))).lstrip("/"))
    return out


def _embedded(zf: zipfile.ZipFile, body: Any, parts: list[str], path: Path, report: Report) -> Draft | None:
    """The exporter's own reader and fingerprint, handed the parsed body and the custom parts."""
    try:
        from ..exporters.docx import read_embedded
    except ImportError:  # pragma: no cover - the exporters ship with perfdraft
        return None
    rels = {}
    for n, name in enumerate(parts):
        try:
            blob = zf.read(name)
        except KeyError:
            continue
        rels[n] = SimpleNamespace(reltype=_CUSTOM_XML, is_external=False, target_part=SimpleNamespace(blob=blob))
    doc = SimpleNamespace(element=SimpleNamespace(body=body), part=SimpleNamespace(rels=rels))
    try:
        emb = read_embedded(doc)
    except Exception:  # noqa: BLE001 - a damaged part: read the tables instead
        emb = None
    if emb is None:
        return None
    return draft_from_embedded(emb, path, report, "内容")


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# What a reader of the page does not see: deleted and moved-away text (track changes), an AlternateContent's
# fallback (the same text again, for old readers), a text box's own paragraphs (read as paragraphs of their
# own), the properties of runs, paragraphs and content controls (a drop-down's stored codes).
_NOT_SHOWN = frozenset({W + "del", W + "moveFrom", _MC + "Fallback", W + "txbxContent", W + "rPr", W + "pPr",
                        W + "sdtPr", W + "sdtEndPr", W + "instrText", W + "delInstrText", W + "commentReference",
                        W + "footnoteReference", W + "endnoteReference"})
# Symbol-font characters (w:sym w:font="Symbol" w:char="F0B3") as the characters they show.
_SYMBOL = {0xB3: "≥", 0xA3: "≤", 0xB9: "≠", 0xB1: "±", 0xB4: "×", 0xB8: "÷", 0xBB: "≈", 0xD6: "√", 0xB0: "°",
           0xA5: "∞", 0xAE: "→", 0x3E: ">", 0x3C: "<", 0x3D: "="}
# Where a paragraph or table is not a block of the body: inside a table cell (read with its table) or a
# text box (read with the paragraph that anchors it).
_INNER = frozenset({_TC, W + "txbxContent", _MC + "Fallback"})


def _blocks(stream: Any, keep: bool) -> Iterator[Any]:
    """The body's paragraphs and tables in order, also those a content control (w:sdt) or a custom-XML
    element wraps. Unless ``keep``, each is freed once yielded."""
    from lxml import etree

    for _, el in etree.iterparse(stream, events=("end",), tag=(_P, _TBL), resolve_entities=False, no_network=True):
        parent = el.getparent()
        up = parent
        while up is not None and up.tag != _BODY and up.tag not in _INNER:
            up = up.getparent()
        if up is None or up.tag != _BODY:
            continue  # a paragraph inside a cell or a text box: read with its table or its anchor
        yield el
        if not keep:
            el.clear(keep_tail=True)
            while el.getprevious() is not None:
                del parent[0]


def _placeholder_control(sdt: Any) -> bool:
    """A content control still showing its prompt (单击或点击此处输入文字。): nothing was typed in it."""
    pr = sdt.find(W + "sdtPr")
    return pr is not None and pr.find(W + "showingPlcHdr") is not None


def _text_of(el: Any, out: list[str]) -> None:
    for e in el:
        tag = e.tag
        if tag in _NOT_SHOWN or not isinstance(tag, str):
            continue
        if tag == W + "t":
            out.append(e.text or "")
        elif tag == W + "br":
            out.append("\n" if e.get(W + "type") in (None, "textWrapping") else "")
        elif tag == W + "sym":
            try:
                code = int(e.get(W + "char") or "", 16)
            except ValueError:
                continue
            out.append(_SYMBOL.get(code & 0xFF, "") if (e.get(W + "font") or "").lower() == "symbol" else "")
        elif tag in _RUN_TEXT:
            out.append(_RUN_TEXT[tag])
        elif tag == W + "sdt" and _placeholder_control(e):
            continue
        elif tag != _TBL:
            _text_of(e, out)


def paragraph_text(p: Any) -> str:
    """A paragraph's text as Word shows it: runs wherever they sit (hyperlinks, content controls, smart
    tags, fields, tracked insertions), without deleted text, prompts of empty controls or text boxes."""
    out: list[str] = []
    _text_of(p, out)
    return "".join(out).replace("\u00ad", "")


def text_boxes(p: Any) -> list[str]:
    """The paragraphs of the text boxes a paragraph anchors (a WPS title, 填报单位), once each: the
    AlternateContent's fallback holds the same text again."""
    out: list[str] = []
    for box in p.iter(W + "txbxContent"):
        up = box.getparent()
        while up is not None and up is not p and up.tag != _MC + "Fallback":
            up = up.getparent()
        if up is not None and up.tag == _MC + "Fallback":
            continue
        out.extend(t for t in (paragraph_text(q) for q in box.iter(_P)) if t.strip())
    return out


def _int_attr(el: Any, name: str, default: int) -> int:
    """w:val of a child element; _Damaged when the child is there with no number."""
    child = el.find(W + name) if el is not None else None
    if child is None:
        return default
    val = child.get(W + "val")
    try:
        return int(val)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise _Damaged(f"w:{name} 的值“{val}”不是整数") from None


_WRAPPERS = frozenset({W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"})


def _children(el: Any, tag: str) -> Iterator[Any]:
    """``el``'s children of ``tag``, also those a content control or custom-XML element wraps (a repeating
    section's rows, a control around a cell)."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _deleted(tr: Any) -> bool:
    """A row deleted with track changes on: Word shows it struck through, the table no longer has it."""
    pr = tr.find(W + "trPr")
    return pr is not None and pr.find(W + "del") is not None


def _cell_text(tc: Any) -> str:
    """A cell's paragraphs, one a line; a table inside the cell by its rows, cells apart by spaces."""
    lines = []
    for child in _children_blocks(tc):
        if child.tag == _P:
            lines.append(paragraph_text(child))
        else:
            for tr in _children(child, _TR):
                if not _deleted(tr):
                    lines.append(" ".join(t for t in (_cell_text(tc2) for tc2 in _children(tr, _TC)) if t))
    return "\n".join(lines)


def _children_blocks(el: Any) -> Iterator[Any]:
    for child in el:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children_blocks(child)


def layout_table(tbl: Any) -> bool:
    """A table that frames other tables (a one-cell border around the real table, a page laid out in a
    table): its inner tables hold more rows than it does. A grid with a small table in one cell is not."""
    inner = sum(1 for t in tbl.iter(_TBL) if t is not tbl for _ in _children(t, _TR))
    return inner > sum(1 for _ in _children(tbl, _TR))


def _table_records(tbl: Any, number: int, report: Report) -> list[Record]:
    out = []
    above: dict[int, str | None] = {}
    rows = [tr for tr in _children(tbl, _TR) if not _deleted(tr)]
    check_rows(len(rows), number, report)
    for r, tr in enumerate(rows, 1):
        try:
            before = _int_attr(tr.find(W + "trPr"), "gridBefore", 0)
        except _Damaged:
            before = 0
        cells: list[Cell] = []
        for tc in _children(tr, _TC):
            pr = tc.find(W + "tcPr")
            span = _int_attr(pr, "gridSpan", 1)
            merge = pr.find(W + "vMerge") if pr is not None else None
            h_merge = pr.find(W + "hMerge") if pr is not None else None
            if tc.find(_TBL) is not None:
                report.note("nested", "表格中嵌套的表格按文字读取，请核对", f"表格 {number} 第 {r} 行第 {len(cells) + before + 1} 列")
            if merge is not None and merge.get(W + "val", "continue") == "continue":
                cells.append(Cell(None, span))
            elif h_merge is not None and h_merge.get(W + "val", "continue") == "continue":
                cells.append(Cell(None, span, covered=True))  # old Word's horizontal merge: the cell on the left spans this one
            else:
                cells.append(Cell(_cell_text(tc), span))
        out.append(row_record(cells, number, r, above, report, before))
    return out


def read(path: Path, report: Report, *, split_doc_number: bool = False) -> tuple[Draft | None, Assembler | None]:
    """(the embedded draft, None) for an unedited perfdraft export, else (None, the assembler fed with
    the document's paragraphs and tables)."""
    check_zip(path, "docx", "word/document.xml")
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as zf:
            parts = _custom_parts(zf)
            with zf.open("word/document.xml") as stream:
                if parts:  # an export: the fingerprint needs the whole body, so it is kept
                    blocks = list(_blocks(stream, keep=True))
                    body = blocks[0].getparent() if blocks else etree.Element(_BODY)
                    own = _embedded(zf, body, parts, path, report)
                    if own is not None:
                        return own, None
                    return None, _feed(path, report, iter(blocks), split_doc_number)
                return None, _feed(path, report, _blocks(stream, keep=False), split_doc_number)
    except ImportFailed:
        raise
    except etree.XMLSyntaxError as exc:
        raise _parser_error(path, exc) from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, KeyError, NotImplementedError) as exc:
        raise _parser_error(path, exc) from None


def _feed(path: Path, report: Report, blocks: Iterator[Any], split_doc_number: bool) -> Assembler:
    feed = DocumentFeed(path, report, split_doc_number)

    def block(el: Any) -> None:
        if el.tag == _P:
            for boxed in text_boxes(el):  # a WPS title in a text box, before the paragraph anchoring it
                feed.paragraph(boxed)
            feed.paragraph(paragraph_text(el))
            return
        if layout_table(el):  # a frame around the real table: its cells' paragraphs and tables in order
            for tr in _children(el, _TR):
                for tc in _children(tr, _TC):
                    for inner in _children_blocks(tc):
                        block(inner)
            return
        number = feed.next_table()
        try:
            recs = _table_records(el, number, report)
        except _Damaged as exc:
            raise ImportFailed(f"{path}：表格 {number} 无法读取（{exc}），文件可能已损坏，请用 Word 打开后重新保存") from None
        feed.table(recs)

    for el in blocks:
        block(el)
    return feed.finish()
