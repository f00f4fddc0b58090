"""docx export, streamed: the document XML is written as text straight into the zip.

No python-docx tree is built (issue 21: its ``add_paragraph``/``add_table`` rescanned the body on
every call and held the whole tree, 2.4 GiB for 10,000 projects); memory stays flat and time
linear. python-docx is used only to read an export back (``read_embedded``).

Layout (the seed's; docs/export-formats.md):

* A centred title; **第一部分 部门整体绩效目标** (Heading 1) with 一、总体绩效目标 / 二、分项绩效目标 /
  三、工作保障措施 (Heading 2) only when the department part has content (an empty one printed as a
  blank first page); then **第二部分 预算项目绩效目标** (Heading 1, new page).
* Per project (each on a new page): the heading ``N、…绩效目标表`` (Heading 2, centred), the line
  ``317002顺平县…⇥单位：元``, the header-block table (项目编码 … 绩效目标), kept with the indicator
  table below it, whose header row (一级指标 …) is a repeated header row (``w:tblHeader``) on every
  continued page; long rows may split across pages, short ones do not; then the sign-off block.
* Money with thousands separators, 指标值 in canonical form; cells centred vertically, merged
  一级/二级 labels at the top of their run (the same on every page).
* The draft itself is embedded as a custom XML part (``customXml/perfdraft-draft.xml``, namespace
  ``urn:perfdraft:export``) with a fingerprint of the visible text; ``read_embedded`` returns it.
"""

from __future__ import annotations

import hashlib
import io
import math
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from ..model import Draft
from . import (
    MARKER_FORMAT,
    MARKER_VERSION,
    MONEY,
    UNIT_LABEL,
    Cell,
    Grid,
    Rendered,
    department_blocks,
    department_line,
    department_title,
    indicator_grid,
    money_text,
    percent_text,
    project_title,
    signoff_labels,
    table_grid,
    text_units,
)
from . import docx_parts as parts
from .safety import Embedded, draft_pieces, unchanged, xml_safe

MARKER_NS = "urn:perfdraft:export"
MARKER_PART = "/customXml/perfdraft-draft.xml"

PAGE_W_TWIPS, PAGE_H_TWIPS = 11906, 16838  # A4
MARGIN_TB_TWIPS, MARGIN_LR_TWIPS = 1440, 1134  # 2.54 cm, 2.0 cm
TEXT_CM = 17.0  # 21 cm − 2 × 2.0 cm
# The least each of the 7 grid columns (A..G) gets: money (C, E, G) and the labels of the header
# block stay on one line at 10 pt; 三级 (C:D) gets the spare room first when its names are long.
MIN_CM = (1.7, 2.0, 2.3, 1.6, 2.3, 2.2, 2.3)
HALF_WIDTH_CM = 0.176  # one half-width unit of 10 pt text
CELL_MARGIN_TWIPS = 57  # 0.1 cm: Word's 0.19 cm wraps 其中：财政资金 at 10.5 pt
ROW_SPLIT_LINES = 4  # rows of more lines may split across pages; shorter ones move whole
FLUSH_CHUNKS = 2000

_BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
_NO_BOTTOM = '<w:tcBorders><w:bottom w:val="nil"/></w:tcBorders>'


def _twips(cm: float) -> int:
    return round(cm / 2.54 * 1440)


def _run_text(text: str) -> str:
    """The inside of a ``w:r``: text, with line breaks as ``w:br`` and tabs as ``w:tab``."""
    if "\n" not in text and "\t" not in text:
        return f'<w:t xml:space="preserve">{xml_escape(text)}</w:t>'
    out = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if chunk:
                out.append(f'<w:t xml:space="preserve">{xml_escape(chunk)}</w:t>')
    return "".join(out)


def _one_line_breaks(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


class _Body:
    """Writes ``word/document.xml`` in chunks and hashes the visible text as ``fingerprint`` reads it."""

    def __init__(self, out: IO[bytes]):
        self.out = out
        self.chunks: list[str] = []
        self.items: list[str] = []  # fingerprint items not hashed yet (hashed in bulk at each flush)
        self.hash = hashlib.sha256()
        self.messages: list[str] = []

    def write(self, xml: str) -> None:
        self.chunks.append(xml)
        if len(self.chunks) >= FLUSH_CHUNKS:
            self.flush()

    def flush(self) -> None:
        self.out.write("".join(self.chunks).encode("utf-8"))
        self.chunks.clear()
        self.hash.update("".join(self.items).encode("utf-8"))
        self.items.clear()

    def _item(self, key: str, text: str) -> None:
        self.items.append(f"{key}\x1d{text}\x1f")

    def clean(self, text: str, where: str) -> str:
        safe = xml_safe(text)
        if safe != text:
            self.messages.append(f"{where}：删除了 Word 无法保存的控制字符（草稿原文已完整嵌入）")
        return _one_line_breaks(safe)

    def para(self, text: str = "", *, style: str | None = None, indent: bool = False, jc: str | None = None,
             keep_next: bool = False, page_break: bool = False, extra_ppr: str = "", rpr: str = "",
             tabs: Iterable[tuple[str, int]] = (), where: str = "") -> None:
        text = self.clean(text, where or text[:20]) if text else ""
        ppr = []
        if style:
            ppr.append(f'<w:pStyle w:val="{style}"/>')
        if keep_next:
            ppr.append("<w:keepNext/>")
        if page_break:
            ppr.append("<w:pageBreakBefore/>")
        tab_list = list(tabs)
        if tab_list:
            ppr.append("<w:tabs>" + "".join(f'<w:tab w:val="{kind}" w:pos="{pos}"/>' for kind, pos in tab_list)
                       + "</w:tabs>")
        ppr.append(extra_ppr)
        if indent:
            ppr.append('<w:ind w:firstLineChars="200" w:firstLine="480"/>')
        if jc:
            ppr.append(f'<w:jc w:val="{jc}"/>')
        run = f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}{_run_text(text)}</w:r>" if text else ""
        self.write(f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{run}</w:p>")
        self._item("p", text)

    def heading(self, text: str, level: int, *, page_break: bool = False, jc: str | None = None) -> None:
        # At the top of a new page the space before a heading is only lost paper.
        self.para(text, style=f"Heading{level}", page_break=page_break, jc=jc,
                  extra_ppr='<w:spacing w:before="0"/>' if page_break else "")

    # -- tables ---------------------------------------------------------------------------------------

    def table(self, widths: tuple[float, ...], nrows: int, specs: list[Cell], *, header_rows: int = 0,
              keep_rows: int = 0, open_bottom: bool = False, where: str = "") -> None:
        """One ``w:tbl`` from layout cells: gridSpan for columns, vMerge for rows.

        ``header_rows`` first rows repeat on every page (``w:tblHeader``); rows before ``keep_rows`` keep
        with the next; ``open_bottom`` drops the last row's bottom border (the next table draws it).
        """
        tw = [_twips(w) for w in widths]
        self.write(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
            f'<w:tblW w:w="{sum(tw)}" w:type="dxa"/><w:jc w:val="center"/>'
            f"<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
            f'<w:tblCellMar><w:left w:w="{CELL_MARGIN_TWIPS}" w:type="dxa"/>'
            f'<w:right w:w="{CELL_MARGIN_TWIPS}" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in tw) + "</w:tblGrid>")
        ncols = len(widths)
        # Per row, the cells that start or continue there, by column; holes become empty cells.
        rows: list[dict[int, tuple[Cell, bool]]] = [{} for _ in range(nrows)]
        lines = [1] * nrows
        for spec in specs:
            if spec.row >= nrows:
                continue
            rows[spec.row][spec.col] = (spec, True)
            for r in range(spec.row + 1, min(nrows, spec.row + spec.rowspan)):
                rows[r][spec.col] = (spec, False)
            if spec.rowspan == 1 and spec.text:
                width = sum(widths[spec.col: spec.col + spec.colspan]) - 0.2
                lines[spec.row] = max(lines[spec.row], _line_count(spec.text, width))
        props_cache: dict[tuple[int, int, int, bool], str] = {}
        for r in range(nrows):
            keep = r < keep_rows or r < header_rows
            head = "<w:tblHeader/>" if r < header_rows else ""
            split = "<w:cantSplit/>" if keep or lines[r] <= ROW_SPLIT_LINES else ""
            out = [f"<w:tr><w:trPr>{head}{split}</w:trPr>"]
            bottom = open_bottom and r == nrows - 1
            row = rows[r]
            c = index = 0
            while c < ncols:
                spec, first = row.get(c) or (Cell(r, c), True)
                vmerge = 0 if spec.rowspan == 1 else 1 if first else 2
                key = (c, spec.colspan, vmerge, bottom)
                props = props_cache.get(key)
                if props is None:
                    props = props_cache[key] = _tc_props(sum(tw[c: c + spec.colspan]), spec.colspan, vmerge, bottom,
                                                         top=vmerge > 0 and spec.role == "level")
                text = self._tc(out, spec, props, keep=keep, content=first, where=where)
                self.items.append(f"c{r}.{index}\x1d{text}\x1f")
                index += 1
                c += spec.colspan
            out.append("</w:tr>")
            self.write("".join(out))
        self.write("</w:tbl>")

    def _tc(self, out: list[str], spec: Cell, props: str, *, keep: bool, content: bool, where: str) -> str:
        if spec.number is not None:
            jc = "right" if spec.kind == MONEY else "center"
        elif spec.role == "text":
            jc = "left"
        else:
            jc = "center"
        text = ""
        if content:
            raw = _cell_text(spec)
            if raw:
                text = self.clean(raw, f"{where}第 {spec.row + 1} 行")
        run = ""
        if text:
            bold = "<w:rPr><w:b/></w:rPr>" if spec.role in ("label", "header") else ""
            run = f"<w:r>{bold}{_run_text(text)}</w:r>"
        out.append(f"<w:tc>{props}<w:p>{_PPR[jc, keep]}{run}</w:p></w:tc>")
        return text


_PPR = {(jc, keep): f'<w:pPr><w:pStyle w:val="{parts.TABLE_STYLE_ID}"/>{"<w:keepNext/>" if keep else ""}'
                    f'<w:jc w:val="{jc}"/></w:pPr>'
        for jc in ("left", "center", "right") for keep in (False, True)}


def _tc_props(width: int, span: int, vmerge: int, open_bottom: bool, *, top: bool = False) -> str:
    """``top``: a merged 一级/二级 label sits at the top of its run. Centred, it printed in the middle
    of a run that fits a page but at the top of one that continues on the next page (LibreOffice
    centres within the first page's part; Word over the whole run, sometimes on the next page), so
    the same label sat differently from table to table. At the top it is always where the run starts."""
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    if vmerge == 1:
        props.append('<w:vMerge w:val="restart"/>')
    elif vmerge == 2:
        props.append("<w:vMerge/>")
    if open_bottom:
        props.append(_NO_BOTTOM)
    props.append(f'<w:vAlign w:val="{"top" if top else "center"}"/>')
    return f"<w:tcPr>{''.join(props)}</w:tcPr>"


def _cell_text(spec: Cell) -> str | None:
    if spec.number is not None:
        return money_text(spec.number) if spec.kind == MONEY else percent_text(spec.number)
    return spec.text


def _line_count(text: str, width_cm: float) -> int:
    per_line = max(2.0, width_cm / HALF_WIDTH_CM)
    return sum(max(1, math.ceil(text_units(line) / per_line)) for line in text.split("\n"))


def grid_widths(grid: Grid) -> tuple[float, ...]:
    """Column widths (cm) for ``grid`` on the 17 cm text width of A4 portrait.

    Each column starts at its minimum (money and labels on one line). 描述 (E) and 依据 (G) take
    what their longest line needs, up to their share of the spare room by amount of text; the rest
    goes to 三级指标 (C:D), whose names are the longest text of the seed's tables. Fewer wrapped
    lines are fewer pages."""
    demand = {2: 0.0, 4: 0.0, 6: 0.0}
    longest = {2: 0.0, 4: 0.0, 6: 0.0}
    for cell in grid.cells:
        if cell.row >= grid.first_indicator_row and cell.col in demand and cell.text:
            demand[cell.col] += text_units(cell.text)
            longest[cell.col] = max(longest[cell.col], text_units(cell.text))
    widths = list(MIN_CM)
    spare = TEXT_CM - sum(MIN_CM)
    total = sum(demand.values()) or 1.0
    for col in (4, 6):
        natural = longest[col] * HALF_WIDTH_CM + 0.3
        widths[col] += min(spare * demand[col] / total, max(0.0, natural - MIN_CM[col]))
    name = TEXT_CM - sum(widths) + MIN_CM[2] + MIN_CM[3]
    widths[2] = max(MIN_CM[2], name * 0.45)
    widths[3] = name - widths[2]
    widths = [round(w, 2) for w in widths]
    widths[6] = round(TEXT_CM - sum(widths[:6]), 2)  # absorb rounding
    return tuple(widths)


def _split(grid: Grid) -> tuple[list[Cell], list[Cell]]:
    """The header block (rows above the 一级指标 header) and the indicator table, rows renumbered."""
    head = [c for c in grid.cells if c.row < grid.header_row]
    rest = [Cell(c.row - grid.header_row, c.col, c.text, c.number, c.kind, c.rowspan, c.colspan, c.role)
            for c in grid.cells if c.row >= grid.header_row]
    return head, rest


def _project(body: _Body, draft: Draft, index: int, *, page_break: bool) -> None:
    project = draft.projects[index]
    body.heading(project_title(project, index), 2, page_break=page_break, jc="center")
    text_cm = _text_cm(draft)
    body.para(department_line(draft) + "\t" + UNIT_LABEL, style=parts.TABLE_STYLE_ID, keep_next=True,
              tabs=[("right", _twips(text_cm) - 30)], extra_ppr='<w:spacing w:after="40"/>', where="单位名称")
    grid = table_grid(draft, project)
    widths = grid.widths_cm or grid_widths(grid)
    where = f"项目 {index + 1} "
    if grid.header_row == 0:  # no header block: one table
        body.table(widths, grid.rows, grid.cells, header_rows=1, keep_rows=1, where=where)
        _signoff(body, signoff_labels(draft), text_cm)
        return
    head, rest = _split(grid)
    body.table(widths, grid.header_row, head, keep_rows=grid.header_row, open_bottom=True, where=where)
    # Word repeats only a table's first rows: the indicator grid is a table of its own, so that its
    # header row (not the whole header block) repeats on continued pages. A 1 pt paragraph joins them.
    body.para(style=parts.TABLE_STYLE_ID, keep_next=True,
              extra_ppr='<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
                        '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>')
    body.table(widths, grid.rows - grid.header_row, rest, header_rows=1, keep_rows=1, where=where)
    _signoff(body, signoff_labels(draft), text_cm)


def _text_cm(draft: Draft) -> float:
    """The text width: 17 cm on A4 portrait, 25.7 cm when the profile's table prints landscape."""
    from ..profiles import for_draft
    from .layout import paper_cm

    return paper_cm(for_draft(draft))


def _signoff(body: _Body, labels: tuple[str, ...], text_cm: float = TEXT_CM) -> None:
    """填报人 / 联系电话 / 单位负责人 / 填报日期 / 单位（盖章）: labels with room to write by hand,
    three to a line (tab stops at thirds of the text width)."""
    if not labels:
        return
    third = _twips(text_cm) // 3
    cells = [_signoff_cell(label) for label in labels]
    for k in range(0, len(cells), 3):
        body.para("\t".join(cells[k:k + 3]), style=parts.TABLE_STYLE_ID,
                  tabs=[("left", third), ("left", 2 * third)],
                  extra_ppr=f"<w:spacing w:before=\"{80 if k == 0 else 40}\" w:after=\"0\"/>")


def _signoff_cell(label: str) -> str:
    if label.endswith("日期"):
        return f"{label}：　　年　月　日"
    return label if label.endswith("）") else f"{label}："


def _department(body: _Body, draft: Draft) -> bool:
    blocks = department_blocks(draft)
    for block in blocks:
        if block.kind == "heading1":
            body.heading(block.text, 1)
        elif block.kind == "heading2":
            body.heading(block.text, 2)
        elif block.kind == "para":
            body.para(block.text, indent=True)
        elif block.kind == "budget":
            specs = [Cell(0, 0, block.text, rowspan=2, role="label")]
            for i, (head, value) in enumerate(zip(("合计", "其中：财政拨款", "其他资金"),
                                                  block.budget or (None, None, None), strict=True)):
                specs.append(Cell(0, i + 1, head, role="label"))
                specs.append(Cell(1, i + 1, number=value, kind=MONEY))
            body.table((5.0, 4.0, 4.0, 4.0), 2, specs)
            body.para()
        elif block.kind == "indicators":
            grid = indicator_grid(block.indicators)
            body.table(grid_widths(grid), grid.rows, grid.cells, header_rows=1, keep_rows=1, where="部门指标 ")
            body.para()
    return bool(blocks)


def _document(body: _Body, draft: Draft, step: Callable[[], None] | None) -> None:
    body.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<w:document xmlns:w="{parts.W_NS}" xmlns:r="{parts.R_NS}"><w:body>')
    body.para(department_title(draft), jc="center", extra_ppr='<w:spacing w:after="240"/>',
              rpr=f'<w:rFonts w:ascii="{parts.LATIN}" w:hAnsi="{parts.LATIN}" w:eastAsia="{parts.HEAD}"/>'
                  '<w:sz w:val="36"/><w:szCs w:val="36"/>')
    with_department = _department(body, draft)
    if with_department:
        body.heading("第二部分 预算项目绩效目标", 1, page_break=True)
    for i in range(len(draft.projects)):
        _project(body, draft, i, page_break=i > 0)
        if step is not None:
            step()
    if not draft.projects:
        body.para("（无项目）")
    wide = _text_cm(draft) > TEXT_CM  # the profile's table needs A4 landscape: the whole document turns
    size = (f'<w:pgSz w:w="{PAGE_H_TWIPS}" w:h="{PAGE_W_TWIPS}" w:orient="landscape"/>' if wide
            else f'<w:pgSz w:w="{PAGE_W_TWIPS}" w:h="{PAGE_H_TWIPS}"/>')
    body.write(f'<w:sectPr><w:footerReference w:type="default" r:id="{parts.FOOTER_REL_ID}"/>{size}'
               f'<w:pgMar w:top="{MARGIN_TB_TWIPS}" w:right="{MARGIN_LR_TWIPS}" w:bottom="{MARGIN_TB_TWIPS}" '
               f'w:left="{MARGIN_LR_TWIPS}" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>'
               "</w:body></w:document>")
    body.flush()


# --- the embedded draft -----------------------------------------------------------------------------------


def _write_marker(zf: zipfile.ZipFile, draft: Draft, digest: str) -> None:
    """The custom XML part, its TOML written project by project (never the whole text at once)."""
    note = "perfdraft 导出时嵌入的草稿原文（TOML），供 perfdraft import 无损读回。"
    with zf.open(MARKER_PART.lstrip("/"), "w", force_zip64=True) as out:
        out.write(('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   f'<pd:export xmlns:pd="{MARKER_NS}" format={quoteattr(MARKER_FORMAT)} '
                   f'version="{MARKER_VERSION}" fingerprint="{digest}"><pd:note>{note}</pd:note><pd:draft>')
                  .encode())
        text_hash = hashlib.sha256()
        for piece in draft_pieces(draft):
            text_hash.update(piece.encode("utf-8"))
            out.write(xml_escape(piece, {"\r": "&#13;"}).encode("utf-8"))
        out.write(f"</pd:draft><pd:text-digest>{text_hash.hexdigest()}</pd:text-digest></pd:export>".encode())


def _p_text(p: Any, qn: Callable[[str], str]) -> str:
    """A paragraph's text as python-docx reads it: w:t, with w:tab → tab and w:br/w:cr → newline."""
    w_t, w_tab, w_br, w_cr, w_r = (qn(t) for t in ("w:t", "w:tab", "w:br", "w:cr", "w:r"))
    out = []
    for el in p.iter(w_t, w_tab, w_br, w_cr):
        if el.getparent().tag != w_r:  # w:tab also defines tab stops in w:pPr
            continue
        out.append(el.text or "" if el.tag == w_t else "\t" if el.tag == w_tab else "\n")
    return "".join(out)


def fingerprint(doc: Any) -> str:
    """sha256 over the body text in order: paragraphs, and each table cell (merged cells once)."""
    from docx.oxml.ns import qn

    h = hashlib.sha256()
    for child in doc.element.body.iterchildren(qn("w:p"), qn("w:tbl")):
        if child.tag == qn("w:p"):
            h.update(("p\x1d" + _p_text(child, qn)).encode("utf-8") + b"\x1f")
            continue
        for r, tr in enumerate(child.iter(qn("w:tr"))):
            for c, tc in enumerate(tr.iterchildren(qn("w:tc"))):
                text = "\n".join(_p_text(p, qn) for p in tc.iter(qn("w:p")))
                h.update(f"c{r}.{c}\x1d{text}".encode() + b"\x1f")
    return h.hexdigest()


def read_embedded(source: str | Path | Any) -> Embedded | None:
    """The draft embedded in a perfdraft docx export, or None. ``intact`` is False when the visible
    text differs from the export (someone edited it): then read the tables instead."""
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree  # type: ignore[import-untyped]

    doc = Document(str(source)) if isinstance(source, str | Path) else source
    for rel in doc.part.rels.values():
        if rel.reltype != RT.CUSTOM_XML or rel.is_external:
            continue
        try:
            root = etree.fromstring(rel.target_part.blob, etree.XMLParser(huge_tree=True, resolve_entities=False))
        except etree.XMLSyntaxError:
            continue
        if root.tag != f"{{{MARKER_NS}}}export" or root.get("format") != MARKER_FORMAT:
            continue
        try:
            if int(root.get("version") or 0) > MARKER_VERSION:
                return None
        except ValueError:
            return None
        body = root.find(f"{{{MARKER_NS}}}draft")
        text = body.text if body is not None and body.text else ""
        digest = root.find(f"{{{MARKER_NS}}}text-digest")
        return Embedded(text, fingerprint(doc) == root.get("fingerprint")
                        and unchanged(text, None if digest is None else (digest.text or "")))
    return None


# --- entry point --------------------------------------------------------------------------------------------


def write_docx(draft: Draft, out: IO[bytes], step: Callable[[], None] | None = None, *,
               embed: Draft | None = None) -> list[str]:
    """Write the docx of ``draft`` to the binary stream ``out``; return the messages for the user.
    ``embed`` is the draft to embed when ``draft`` is a view of it in another profile."""
    title = department_title(draft)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", parts.CONTENT_TYPES)
        zf.writestr("_rels/.rels", parts.PACKAGE_RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as stream:
            body = _Body(stream)
            _document(body, draft, step)
        zf.writestr("word/_rels/document.xml.rels", parts.document_rels(".." + MARKER_PART))
        zf.writestr("word/styles.xml", parts.STYLES)
        zf.writestr("word/settings.xml", parts.SETTINGS)
        zf.writestr("word/footer1.xml", parts.FOOTER)
        zf.writestr("docProps/core.xml", parts.core_properties(
            title, "项目支出绩效目标表", MARKER_FORMAT, f"由 perfdraft 导出；草稿原文嵌入在 {MARKER_PART.lstrip('/')}"))
        zf.writestr("docProps/app.xml", parts.APP_PROPERTIES)
        _write_marker(zf, embed or draft, body.hash.hexdigest())
    return body.messages


def render_docx(draft: Draft, step: Callable[[], None] | None = None, *, embed: Draft | None = None) -> Rendered:
    buf = io.BytesIO()
    messages = write_docx(draft, buf, step, embed=embed)
    return Rendered(buf.getvalue(), messages)
