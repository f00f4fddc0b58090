"""docx export (python-docx): the whole department document, laid out as the seed.

* 第一部分 部门整体绩效目标 (Heading 1) with 一、总体绩效目标 / 二、分项绩效目标 / 三、工作保障措施
  (Heading 2), then 第二部分 预算项目绩效目标 (Heading 1, new page) with one ``N、…绩效目标表``
  heading (Heading 2) and one table per project: the same 7-column grid as the xlsx sheet
  (``perfdraft.exporters.project_grid``), merged 一级/二级 cells. Word builds a table of contents
  from these headings (引用 → 目录); none is inserted, as a TOC field has no text until Word updates it.
* Fonts: East Asian text in 宋体 (body, tables) and 黑体 (headings), Latin in Times New Roman; the
  theme fonts of the default template are removed so that the names apply. A4, margins 2.54/2.0 cm.
* Column widths: the seed's for short texts; when descriptions and bases are long, the spare width
  goes to 三级/描述/依据 in proportion to their text (``grid_widths``).
* The draft itself is embedded as a custom XML part (``customXml/perfdraft-draft.xml``, namespace
  ``urn:perfdraft:export``) related from the main document, with a fingerprint of the visible text;
  ``read_embedded`` returns it. Word keeps custom XML parts when it saves; LibreOffice drops them,
  and then the importer reads the tables. See docs/export-formats.md.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import element_class_lookup
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

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
    project_grid,
    project_title,
    text_units,
)
from .safety import draft_text, xml_safe

MARKER_NS = "urn:perfdraft:export"
MARKER_PART = "/customXml/perfdraft-draft.xml"

LATIN = "Times New Roman"
BODY = "宋体"
HEAD = "黑体"
TABLE_STYLE = "perfdraft 表格文字"
PAGE_W, PAGE_H = Cm(21.0), Cm(29.7)
MARGIN_TB, MARGIN_LR = Cm(2.54), Cm(2.0)
TEXT_CM = 17.0  # 21 cm − 2 × 2.0 cm
# Widths of the 7 grid columns (A..G) for short texts, as in the seed; they add up to TEXT_CM.
# Cell margins are 0.1 cm (Word's default 0.19 cm wraps 其中：财政资金 and ≥125000人 at 10.5 pt).
COL_CM = (1.7, 2.0, 2.5, 3.0, 2.5, 2.5, 2.8)
# The least each column gets when long texts claim the room: money (C, E, G) still fits on one line.
MIN_CM = (1.7, 2.0, 2.2, 1.6, 2.2, 2.4, 2.2)
CELL_MARGIN_TWIPS = 57


# --- fonts and styles -----------------------------------------------------------------------------------


def _set_fonts(rpr_owner, latin: str, east: str) -> None:
    """Set explicit Latin and East Asian font names on a style, run or docDefaults rPr owner."""
    rpr = rpr_owner.get_or_add_rPr() if hasattr(rpr_owner, "get_or_add_rPr") else rpr_owner
    if hasattr(rpr, "get_or_add_rFonts"):
        fonts = rpr.get_or_add_rFonts()
    else:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east)


def _set_lang(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _setup_styles(doc: DocumentObject) -> None:
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _set_fonts(rpr, LATIN, BODY)
            _set_lang(rpr)
    normal = styles["Normal"]
    normal.font.size = Pt(12)
    _set_fonts(normal.element, LATIN, BODY)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.25
    for name, size, align in (("Heading 1", 16, WD_ALIGN_PARAGRAPH.CENTER), ("Heading 2", 14, None)):
        st = styles[name]
        st.font.size = Pt(size)
        st.font.bold = False
        st.font.italic = False
        st.font.color.rgb = RGBColor(0, 0, 0)
        _set_fonts(st.element, LATIN, HEAD)
        pf = st.paragraph_format
        pf.space_before = Pt(12)
        pf.space_after = Pt(6)
        pf.keep_with_next = True
        if align is not None:
            pf.alignment = align
    table = styles.add_style(TABLE_STYLE, 1)  # WD_STYLE_TYPE.PARAGRAPH
    table.base_style = normal
    table.font.size = Pt(10.5)
    table.paragraph_format.line_spacing = 1.0
    table.paragraph_format.first_line_indent = Pt(0)


def _setup_page(doc: DocumentObject) -> None:
    for section in doc.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE_W, PAGE_H
        section.top_margin = section.bottom_margin = MARGIN_TB
        section.left_margin = section.right_margin = MARGIN_LR
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("第 ")
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "1"
        run.append(t)
        fld.append(run)
        footer._p.append(fld)
        footer.add_run(" 页")


# --- text -------------------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, doc: DocumentObject):
        self.doc = doc
        self.messages: list[str] = []
        # Looking a style up by name scans every style each time: resolve the ids once.
        self.style_ids = {name: doc.styles[name].style_id
                          for name in ("Heading 1", "Heading 2", "Table Grid", TABLE_STYLE)}

    def clean(self, text: str, where: str) -> str:
        safe = xml_safe(text)
        if safe != text:
            self.messages.append(f"{where}：删除了 Word 无法保存的控制字符（草稿原文已完整嵌入）")
        return safe

    def para(self, text: str, style: str | None = None, *, indent: bool = True) -> Paragraph:
        p = self.doc.add_paragraph()
        if style is not None:
            p._p.style = self.style_ids[style]
        if text:
            # Not p.add_run(text): python-docx appends the text one character at a time, about 80 bytes
            # of list per character, so a 10 MB paragraph took 650 MB.
            p._p.append(_parse_xml(f'<w:r {nsdecls("w")}>{_run_text(self.clean(text, text[:20]))}</w:r>'))
        if indent and style is None:
            p.paragraph_format.first_line_indent = Pt(24)
        return p

    def heading(self, text: str, level: int) -> Paragraph:
        return self.para(text, f"Heading {level}", indent=False)


def _money_text(value: Decimal) -> str:
    """``1600000.00`` as in the seed (no separators: they would wrap in a 2.5 cm column); more
    decimals than two are all shown, never rounded away."""
    try:
        two = value.quantize(Decimal("0.01"))
    except InvalidOperation:  # NaN, or more digits than the decimal context holds
        return f"{value:f}"
    return f"{two:f}" if two == value else f"{value:f}"


def _cell_text(number: Decimal | None, kind: str | None, text: str | None) -> str | None:
    return _money_text(number) if number is not None else text


def _twips(cm: float) -> str:
    return str(round(cm / 2.54 * 1440))


_TBL_PR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
                 "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook")


def _insert_tbl_pr(tbl_pr, child) -> None:
    """Insert ``child`` into ``w:tblPr`` in schema order (Word rejects out-of-order children)."""
    name = child.tag.split("}")[1]
    old = tbl_pr.find(child.tag)
    if old is not None:
        tbl_pr.remove(old)
    rank = _TBL_PR_ORDER.index(name)
    for i, existing in enumerate(tbl_pr):
        other = existing.tag.split("}")[1]
        if other in _TBL_PR_ORDER and _TBL_PR_ORDER.index(other) > rank:
            tbl_pr.insert(i, child)
            return
    tbl_pr.append(child)


class _TableBuilder:
    """Builds a ``w:tbl`` straight from layout cells: gridSpan for columns, vMerge for rows.

    python-docx's ``Table.cell()`` walks the whole table on every call, which makes merging a grid
    quadratic; writing the row XML directly keeps a 1,000-project document linear.
    """

    def __init__(self, w: _Writer, widths_cm: tuple[float, ...]):
        self.w = w
        self.widths = widths_cm
        self.style_id = w.style_ids[TABLE_STYLE]

    def table(self, nrows: int, specs: list[Cell], keep_rows: int = 0, where: str = "") -> Table:
        doc = self.w.doc
        table = doc.add_table(rows=0, cols=len(self.widths))
        table._tbl.tblPr.style = self.w.style_ids["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for i, col in enumerate(table.columns):
            col.width = Cm(self.widths[i])
        tbl_pr = table._tbl.tblPr
        tbl_w = tbl_pr.find(qn("w:tblW"))
        if tbl_w is None:
            tbl_w = OxmlElement("w:tblW")
            tbl_pr.append(tbl_w)
        tbl_w.set(qn("w:w"), _twips(sum(self.widths)))
        tbl_w.set(qn("w:type"), "dxa")
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        margins = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            m = OxmlElement(f"w:{side}")
            m.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
            m.set(qn("w:type"), "dxa")
            margins.append(m)
        _insert_tbl_pr(tbl_pr, layout)
        _insert_tbl_pr(tbl_pr, margins)
        # Which spec starts at (row, col), and which cells continue a vertical merge.
        starts: dict[tuple[int, int], Cell] = {}
        covered: dict[tuple[int, int], Cell] = {}
        for spec in specs:
            starts[(spec.row, spec.col)] = spec
            for r in range(spec.row, spec.row + spec.rowspan):
                for c in range(spec.col, spec.col + spec.colspan):
                    covered[(r, c)] = spec
        rows = []
        for r in range(nrows):
            keep = r < keep_rows
            cells = []
            c = 0
            while c < len(self.widths):
                spec = covered.get((r, c))
                if spec is None:  # a hole in the layout: an empty single cell
                    cells.append(self._tc(Cell(r, c), 1, None, keep=keep, where=where))
                    c += 1
                    continue
                vmerge = None
                if spec.rowspan > 1:
                    vmerge = "restart" if spec.row == r else "continue"
                first = starts.get((r, c)) is spec
                cells.append(self._tc(spec, spec.colspan, vmerge, keep=keep, where=where, content=first))
                c += spec.colspan
            rows.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(cells) + "</w:tr>")
        # One parse per table: python-docx's element factories cost ~30 ms per project otherwise.
        fragment = _parse_xml(f'<w:tbl {nsdecls("w")}>' + "".join(rows) + "</w:tbl>")
        for tr in list(fragment):
            table._tbl.append(tr)
        return table

    def _tc(self, spec: Cell, span: int, vmerge: str | None, *, keep: bool, where: str,
            content: bool = True) -> str:
        width = _twips(sum(self.widths[spec.col: spec.col + span]))
        props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
        if span > 1:
            props.append(f'<w:gridSpan w:val="{span}"/>')
        if vmerge == "restart":
            props.append('<w:vMerge w:val="restart"/>')
        elif vmerge:
            props.append("<w:vMerge/>")
        props.append('<w:vAlign w:val="center"/>')
        if spec.number is not None:
            jc = "right" if spec.kind == MONEY else "center"
        elif spec.role == "text":
            jc = "left"
        else:
            jc = "center"
        ppr = f'<w:pPr><w:pStyle w:val="{self.style_id}"/>{"<w:keepNext/>" if keep else ""}<w:jc w:val="{jc}"/></w:pPr>'
        run = ""
        text = _cell_text(spec.number, spec.kind, spec.text) if content else None
        if text:
            bold = "<w:rPr><w:b/></w:rPr>" if spec.role in ("label", "header") else ""
            run = f"<w:r>{bold}{_run_text(self.w.clean(text, f'{where}第 {spec.row + 1} 行'))}</w:r>"
        return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr><w:p>{ppr}{run}</w:p></w:tc>"


# python-docx's parser, but without libxml2's 10 MB limit on one text node: the XML is ours, escaped,
# and a draft may hold a paragraph that long (it is written, not refused).
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, huge_tree=True)
_PARSER.set_element_class_lookup(element_class_lookup)


def _parse_xml(xml: str):
    return etree.fromstring(xml, _PARSER)


def _run_text(text: str) -> str:
    """The inside of a ``w:r``: text, with line breaks as ``w:br`` and tabs as ``w:tab`` (as python-docx)."""
    parts = []
    for i, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{xml_escape(chunk)}</w:t>')
    return "".join(parts)


def grid_widths(grid: Grid) -> tuple[float, ...]:
    """Column widths (cm) for ``grid``: the seed's widths while texts are short; otherwise, above the
    minimums, the room goes to 三级指标 (C:D), 绩效指标描述 (E) and 依据 (G) in proportion to the
    text each holds, which roughly evens out their line counts (the paper is A4 portrait, fixed)."""
    demand = {2: 0.0, 4: 0.0, 6: 0.0}
    for cell in grid.cells:
        if cell.row >= grid.first_indicator_row and cell.col in demand and cell.text:
            demand[cell.col] += text_units(cell.text)
    spare = TEXT_CM - sum(MIN_CM)
    total = sum(demand.values())
    # Seed-like text (the 三级 name carries the text): keep the seed's widths.
    if total == 0 or (demand[4] + demand[6]) / total < 0.25:
        return COL_CM
    extra = {c: spare * d / total for c, d in demand.items()}
    name = MIN_CM[2] + MIN_CM[3] + extra[2]
    c = max(MIN_CM[2], round(name * 0.45, 2))
    widths = [MIN_CM[0], MIN_CM[1], c, round(name - c, 2), round(MIN_CM[4] + extra[4], 2), MIN_CM[5],
              round(MIN_CM[6] + extra[6], 2)]
    widths[6] = round(TEXT_CM - sum(widths[:6]), 2)  # absorb rounding
    return tuple(widths)


def _add_grid(w: _Writer, grid: Grid, where: str = "") -> Table:
    return _TableBuilder(w, grid_widths(grid)).table(grid.rows, grid.cells, grid.first_indicator_row, where)


def _budget_table(w: _Writer, label: str, values: tuple) -> None:
    specs = [Cell(0, 0, label, rowspan=2, role="label")]
    for i, (head, value) in enumerate(zip(("合计", "其中：财政拨款", "其他资金"), values, strict=True)):
        specs.append(Cell(0, i + 1, head, role="label"))
        specs.append(Cell(1, i + 1, number=value, kind=MONEY))
    _TableBuilder(w, (5.0, 4.0, 4.0, 4.0)).table(2, specs)


def _unit_line(w: _Writer, draft: Draft) -> None:
    p = w.para("", TABLE_STYLE, indent=False)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(TEXT_CM) - Cm(0.05), WD_TAB_ALIGNMENT.RIGHT)
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.space_after = Pt(2)
    p.add_run(w.clean(department_line(draft), "单位名称") + "\t" + UNIT_LABEL)


# --- the embedded draft -----------------------------------------------------------------------------------


_W_T, _W_TAB, _W_BR, _W_CR, _W_R = (qn(t) for t in ("w:t", "w:tab", "w:br", "w:cr", "w:r"))


def _p_text(p) -> str:
    """A paragraph's text as python-docx reads it: w:t, with w:tab → tab and w:br/w:cr → newline."""
    out = []
    for el in p.iter(_W_T, _W_TAB, _W_BR, _W_CR):
        if el.getparent().tag != _W_R:  # w:tab also defines tab stops in w:pPr
            continue
        out.append(el.text or "" if el.tag == _W_T else "\t" if el.tag == _W_TAB else "\n")
    return "".join(out)


def _blocks(doc: DocumentObject) -> Iterator[str]:
    for child in doc.element.body.iterchildren(qn("w:p"), qn("w:tbl")):
        if child.tag == qn("w:p"):
            yield "p\x1d" + _p_text(child)
            continue
        for r, tr in enumerate(child.iter(qn("w:tr"))):
            for c, tc in enumerate(tr.iterchildren(qn("w:tc"))):
                yield f"c{r}.{c}\x1d" + "\n".join(_p_text(p) for p in tc.iter(qn("w:p")))


def fingerprint(doc: DocumentObject) -> str:
    """sha256 over the body text in order: paragraphs, and each table cell (merged cells once)."""
    h = hashlib.sha256()
    for item in _blocks(doc):
        h.update(item.encode("utf-8") + b"\x1f")
    return h.hexdigest()


def _embed(doc: DocumentObject, text: str, digest: str) -> None:
    root = etree.Element(f"{{{MARKER_NS}}}export", nsmap={"pd": MARKER_NS})
    root.set("format", MARKER_FORMAT)
    root.set("version", str(MARKER_VERSION))
    root.set("fingerprint", digest)
    note = etree.SubElement(root, f"{{{MARKER_NS}}}note")
    note.text = "perfdraft 导出时嵌入的草稿原文（TOML），供 perfdraft import 无损读回。"
    body = etree.SubElement(root, f"{{{MARKER_NS}}}draft")
    body.text = text
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI(MARKER_PART), "application/xml", blob, doc.part.package)
    doc.part.relate_to(part, RT.CUSTOM_XML)


@dataclass
class Embedded:
    text: str
    intact: bool


def read_embedded(source: str | Path | DocumentObject) -> Embedded | None:
    """The draft embedded in a perfdraft docx export, or None. ``intact`` is False when the visible
    text differs from the export (someone edited it): then read the tables instead."""
    doc = source if isinstance(source, DocumentObject) else Document(str(source))
    for rel in doc.part.rels.values():
        if rel.reltype != RT.CUSTOM_XML or rel.is_external:
            continue
        try:
            root = etree.fromstring(rel.target_part.blob)
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
        return Embedded(text, fingerprint(doc) == root.get("fingerprint"))
    return None


# --- entry point --------------------------------------------------------------------------------------------


def build_document(draft: Draft, step: Callable[[], None] | None = None) -> tuple[DocumentObject, list[str]]:
    doc = Document()
    _setup_styles(doc)
    _setup_page(doc)
    w = _Writer(doc)
    title = w.para(department_title(draft), indent=False)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(12)
    for run in title.runs:
        run.font.size = Pt(18)
        _set_fonts(run._r, LATIN, HEAD)
    for block in department_blocks(draft):
        if block.kind == "heading1":
            w.heading(block.text, 1)
        elif block.kind == "heading2":
            w.heading(block.text, 2)
        elif block.kind == "para":
            w.para(block.text)
        elif block.kind == "budget":
            _budget_table(w, block.text, block.budget or (None, None, None))
            w.para("", indent=False)
        elif block.kind == "indicators":
            _add_grid(w, indicator_grid(block.indicators), where="部门指标 ")
            w.para("", indent=False)
    part2 = w.heading("第二部分 预算项目绩效目标", 1)
    part2.paragraph_format.page_break_before = True
    for i, project in enumerate(draft.projects):
        heading = w.heading(project_title(project, i), 2)
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _unit_line(w, draft)
        _add_grid(w, project_grid(project), where=f"项目 {i + 1} ")
        if i + 1 < len(draft.projects):
            w.para("", indent=False)
        if step is not None:
            step()
    if not draft.projects:
        w.para("（无项目）", indent=False)
    core = doc.core_properties
    core.title = department_title(draft)
    core.subject = "项目支出绩效目标表"
    core.author = "perfdraft"
    core.keywords = MARKER_FORMAT
    core.comments = f"由 perfdraft 导出；草稿原文嵌入在 {MARKER_PART.lstrip('/')}"
    _embed(doc, draft_text(draft), fingerprint(doc))
    return doc, w.messages


def render_docx(draft: Draft, step: Callable[[], None] | None = None) -> Rendered:
    doc, messages = build_document(draft, step)
    buf = io.BytesIO()
    doc.save(buf)
    return Rendered(buf.getvalue(), messages)
