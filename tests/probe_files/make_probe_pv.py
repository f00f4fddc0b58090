# ruff: noqa: E501, RUF001 (a data generator: Chinese text as written)
"""Build the synthetic probe files pv_01..pv_08: old office formats and conversions.

These are NOT captured documents. A helper session wrote them from general
knowledge of how Chinese county/city agencies keep and pass around
项目支出绩效目标表: Word 97-2003 .doc files, OpenDocument .odt/.ods from
WPS/LibreOffice users, .rtf "另存为" copies, an Excel CSV saved in GBK, and an
.xlsx with a two-row merged grid header. Agency names, people, project codes
and phone numbers are made up. Defects are planted on purpose (see README.md
in this folder); do not fix them. The text captures pv_09 / pv_10 live in
tests/probe_corpus and are not built here.

How each file is made:

* pv_01..pv_03 (.doc), pv_04 (.odt), pv_06 (.rtf): python-docx builds a .docx
  in a temporary directory, LibreOffice converts it
  (`soffice --headless --convert-to doc|odt|rtf`); only the conversion is kept.
* pv_05 (.ods): openpyxl builds an .xlsx, LibreOffice converts it to .ods.
* pv_07 (.csv): written directly, as Excel's "CSV (逗号分隔)" writes a sheet:
  cp936 bytes, CRLF, every row padded to the used width, fields with commas,
  quotes or line breaks quoted, merged cells flattened.
* pv_08 (.xlsx): openpyxl, zip entries re-packed with fixed timestamps.

Needs python-docx, openpyxl (the project venv has both) and LibreOffice with
the Noto CJK fonts:

    .venv/bin/python tests/probe_files/make_probe_pv.py [OUTDIR]

Output is deterministic (checked with LibreOffice 7.4: two runs a minute apart
give identical bytes). Core properties use fixed datetimes; the .xlsx/.odt/.ods
zips are re-packed with fixed entry timestamps, meta.xml dates and the session
rsid in settings.xml are pinned; the .rtf \\info times are pinned; style
colours are dropped so that the RTF colour table has a stable order. The .doc
files take their dates from the .docx core properties.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

HERE = Path(__file__).resolve().parent
NOTE = "SYNTHETIC probe (written from knowledge, not captured)"
SERIF = "Noto Serif CJK SC"  # stands in for 宋体 / 仿宋
SANS = "Noto Sans CJK SC"  # stands in for 黑体 / 方正小标宋
ZIP_TIME = (2024, 1, 1, 0, 0, 0)


# --------------------------------------------------------------------------
# python-docx helpers
# --------------------------------------------------------------------------

def _font(run, font=SERIF, size=10.5, bold=False):
    run.font.name = font
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    rfonts.set(qn("w:eastAsia"), font)
    rfonts.set(qn("w:cs"), font)


def new_doc(created: dt.datetime, author: str, landscape=False,
            margins_cm=(2.5, 2.2, 2.5, 2.2)):
    doc = Document()
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = created
    cp.modified = created
    cp.revision = 3
    cp.title = ""
    cp.comments = NOTE
    sec = doc.sections[0]
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    else:
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.right_margin, sec.bottom_margin, sec.left_margin = (
        Cm(m) for m in margins_cm
    )
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rfonts = defaults.find(".//" + qn("w:rFonts"))
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), SERIF)
    # Black headings: the template's theme colours would also make LibreOffice's
    # RTF colour table come out in a different order on every run.
    for color in list(doc.styles.element.iter(qn("w:color"))):
        color.getparent().remove(color)
    normal = doc.styles["Normal"]
    normal.font.name = SERIF
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().find(qn("w:rFonts")).set(qn("w:eastAsia"), SERIF)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    return doc


def _add_text(p, text, font, size, bold):
    """Add text as runs; '\n' becomes a w:br line break inside the paragraph."""
    parts = text.split("\n")
    for i, part in enumerate(parts):
        r = p.add_run(part)
        _font(r, font, size, bold)
        if i < len(parts) - 1:
            r.add_break()


def para(doc, text, font=SERIF, size=10.5, bold=False, align="left",
         space_before=0, space_after=0):
    p = doc.add_paragraph()
    p.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    p.paragraph_format.space_before = Pt(space_before)
    p.paragraph_format.space_after = Pt(space_after)
    if text:
        _add_text(p, text, font, size, bold)
    return p


def heading(doc, text, level=2, size=14):
    """A real Word heading (标题 2 style), as staff use to split a document."""
    h = doc.add_heading("", level=level)
    h.paragraph_format.space_before = Pt(12)
    h.paragraph_format.space_after = Pt(6)
    r = h.add_run(text)
    _font(r, SANS, size, True)
    r.font.color.rgb = None
    return h


def new_table(doc, nrows, widths_cm):
    t = doc.add_table(rows=nrows, cols=len(widths_cm))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    t._tbl.tblPr.append(layout)
    for i, w in enumerate(widths_cm):
        t.columns[i].width = Cm(w)
    for row in t.rows:
        for i, c in enumerate(row.cells):
            c.width = Cm(widths_cm[i])
    return t


def put(cell, text, size=10.5, bold=False, align="center", font=SERIF):
    for p in cell.paragraphs[1:]:
        p._element.getparent().remove(p._element)
    p = cell.paragraphs[0]
    for r in list(p.runs):
        r._element.getparent().remove(r._element)
    p.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    p.paragraph_format.space_before = Pt(1)
    p.paragraph_format.space_after = Pt(1)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    if text:
        _add_text(p, text, font, size, bold)
    return cell


def span(t, r1, c1, r2, c2, text, **kw):
    cell = t.cell(r1, c1)
    if (r1, c1) != (r2, c2):
        cell = cell.merge(t.cell(r2, c2))  # vertical spans become w:vMerge
    return put(cell, text, **kw)


def runs_of(keys):
    out, start = [], 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            out.append((start, i - 1))
            start = i
    return out


def docx_grid(t, r0, rows, size=10.5, left_cols=()):
    """Indicator rows (l1, l2, l3, *rest) from table row r0; 一级/二级 merged vertically."""
    for i, row in enumerate(rows):
        for j, text in enumerate(row[2:], start=2):
            put(t.cell(r0 + i, j), text, size=size,
                align="left" if j in left_cols else "center")
    l1 = [r[0] for r in rows]
    l12 = [(r[0], r[1]) for r in rows]
    for a, b in runs_of(l1):
        span(t, r0 + a, 0, r0 + b, 0, l1[a], size=size)
    for a, b in runs_of(l12):
        span(t, r0 + a, 1, r0 + b, 1, l12[a][1], size=size)


# --------------------------------------------------------------------------
# openpyxl helpers
# --------------------------------------------------------------------------

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


class Sheet:
    def __init__(self, ws, widths):
        self.ws = ws
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w

    def put(self, r1, c1, value, r2=None, c2=None, size=10, bold=False,
            h="center", border=True, fmt=None, font=SERIF):
        r2 = r2 or r1
        c2 = c2 or c1
        ws = self.ws
        if (r1, c1) != (r2, c2):
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        ws.cell(row=r1, column=c1).value = value
        if fmt:
            ws.cell(row=r1, column=c1).number_format = fmt
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                cell = ws.cell(row=r, column=c)
                cell.font = Font(name=font, size=size, bold=bold)
                cell.alignment = Alignment(horizontal=h, vertical="center", wrap_text=True)
                if border:
                    cell.border = BOX

    def grid(self, r0, rows, size=10, left_cols=(), fmts=None):
        fmts = fmts or {}
        for i, row in enumerate(rows):
            for j, value in enumerate(row[2:], start=3):
                self.put(r0 + i, j, value, size=size,
                         h="left" if j in left_cols else "center",
                         fmt=fmts.get((i, j)))
        l1 = [r[0] for r in rows]
        l12 = [(r[0], r[1]) for r in rows]
        for a, b in runs_of(l1):
            self.put(r0 + a, 1, l1[a], r2=r0 + b, size=size)
        for a, b in runs_of(l12):
            self.put(r0 + a, 2, l12[a][1], r2=r0 + b, size=size)


def new_workbook(created: dt.datetime, author: str):
    wb = Workbook()
    wb.properties.creator = author
    wb.properties.lastModifiedBy = author
    wb.properties.created = created
    wb.properties.modified = created
    wb.properties.description = NOTE
    return wb


def _normalise_zip(raw: bytes, fixed: dt.datetime) -> bytes:
    """Re-pack a zip (xlsx, odt, ods) with fixed entry timestamps and pinned dates.

    The first entry keeps its compression (ODF's `mimetype` must stay stored).
    """
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    stamp = fixed.strftime("%Y-%m-%dT%H:%M:%S")
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:modified|created)[^>]*>)[^<]*(</dcterms:)",
                              rf"\g<1>{stamp}Z\g<2>", text)
                data = text.encode("utf-8")
            elif info.filename == "meta.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<(meta:creation-date|dc:date|meta:print-date)>)[^<]*(</\2>)",
                              rf"\g<1>{stamp}\g<3>", text)
                text = re.sub(r"<meta:editing-duration>[^<]*</meta:editing-duration>",
                              "<meta:editing-duration>PT0S</meta:editing-duration>", text)
                data = text.encode("utf-8")
            elif info.filename == "settings.xml":
                text = data.decode("utf-8")  # LibreOffice's random session rsid
                text = re.sub(r'(config:name="Rsid(?:Root)?" config:type="int">)\d+<',
                              r"\g<1>1048576<", text)
                data = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = info.compress_type
            zi.create_system = 3
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, data)
    return out.getvalue()


def save_workbook(wb: Workbook, path: Path, when: dt.datetime):
    buf = io.BytesIO()
    archive = zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()  # keeps our fixed "modified"
    path.write_bytes(_normalise_zip(buf.getvalue(), when))


def signoff(doc, text, size=10.5, space_before=6):
    para(doc, text, size=size, space_before=space_before)


def facts_4col(t, project, code, dept, unit, total, fiscal, other, goal,
               size=10.5, extra=None):
    """Header facts in a 4-column table: 项目资金 label merged down 3 rows.

    Returns the next free row index.
    """
    r = 0
    span(t, r, 0, r, 0, "项目名称", bold=True, size=size)
    span(t, r, 1, r, 3, project, size=size)
    r += 1
    if code:
        put(t.cell(r, 0), "项目编码", bold=True, size=size)
        put(t.cell(r, 1), code, size=size)
        put(t.cell(r, 2), extra[0] if extra else "项目属性", bold=True, size=size)
        put(t.cell(r, 3), extra[1] if extra else "延续项目", size=size)
        r += 1
    put(t.cell(r, 0), "主管部门", bold=True, size=size)
    put(t.cell(r, 1), dept, size=size)
    put(t.cell(r, 2), "实施单位", bold=True, size=size)
    put(t.cell(r, 3), unit, size=size)
    r += 1
    span(t, r, 0, r + 2, 0, "项目资金\n（万元）", bold=True, size=size)
    put(t.cell(r, 1), "年度资金总额", size=size)
    span(t, r, 2, r, 3, total, size=size)
    put(t.cell(r + 1, 1), "其中：财政拨款", size=size)
    span(t, r + 1, 2, r + 1, 3, fiscal, size=size)
    put(t.cell(r + 2, 1), "其他资金", size=size)
    span(t, r + 2, 2, r + 2, 3, other, size=size)
    r += 3
    span(t, r, 0, r, 0, "年度绩效目标", bold=True, size=size)
    span(t, r, 1, r, 3, goal, size=size, align="left")
    return r + 1


# --------------------------------------------------------------------------
# pv_01  湖北 2025  稻渔综合种养示范基地  (.doc, 4 columns, one project)
# --------------------------------------------------------------------------

def build_pv01(path: Path):
    doc = new_doc(dt.datetime(2025, 2, 18, 15, 40), "监利市农业农村局",
                  margins_cm=(2.5, 2.4, 2.5, 2.4))
    para(doc, "附件2", font=SANS, size=14)
    para(doc, "项目支出绩效目标表", font=SANS, size=20, align="center", space_before=6)
    para(doc, "（2025年度）", size=14, align="center", space_after=6)
    para(doc, "填报单位（盖章）：监利市农业农村局　　　　　　　　　　　　　　单位：万元",
         size=11, space_after=3)

    rows = [
        ("产出指标", "数量指标", "新建稻渔综合种养示范基地面积", "≥1.2"),
        ("产出指标", "数量指标", "田间工程改造（开挖环沟）长度", "≥360公里"),
        ("产出指标", "数量指标", "开展稻虾共作技术培训", "≥20期"),
        ("产出指标", "质量指标", "示范基地建设验收合格率", "≥9595%"),
        ("产出指标", "质量指标", "稻谷绿色食品认证\n（含有机）面积占比", "≥30%"),
        ("产出指标", "时效指标", "田间工程建设完成时间", "2025年4月底前"),
        ("产出指标", "成本指标", "亩均建设补助标准", "≤500元/亩"),
        ("效益指标", "经济效益指标", "示范基地亩均增收", "≥1500元"),
        ("效益指标", "社会效益指标", "带动农户参与稻渔综合种养", "≥3000户"),
        ("效益指标", "生态效益指标", "示范基地化肥使用量减少", "≥30%"),
        ("效益指标", "生态效益指标", "示范基地农药使用量减少", "≥40%"),
        ("效益指标", "可持续影响指标", "稻渔综合种养产业发展", "持续稳定"),
        ("满意度指标", "服务对象满意度指标", "参与农户满意度", "≥90%"),
    ]
    head = 7
    t = new_table(doc, head + 1 + len(rows), [2.6, 3.2, 6.0, 4.4])
    r = facts_4col(
        t, "2025年监利市稻渔综合种养示范基地建设项目", "42108825T000000032117",
        "监利市农业农村局", "监利市农业技术推广中心", "680.00", "600.00", "80.00",
        "1.在朱河、黄歇口、汴河等镇新建稻渔综合种养示范基地1.2万亩，配套开挖环沟、"
        "完善进排水和防逃设施；\n2.开展稻虾共作技术培训20期，推广“一稻两虾”绿色种养模式，"
        "示范基地亩均增收1500元以上，化肥、农药使用量明显减少。")
    assert r == head
    for j, h in enumerate(("一级指标", "二级指标", "三级指标", "指标值")):
        put(t.cell(head, j), h, bold=True)
    docx_grid(t, head + 1, rows)
    signoff(doc, "填报人：张晓丽　　　联系电话：0716-3321587　　　填报日期：2025年2月18日")
    doc.save(str(path))


# --------------------------------------------------------------------------
# pv_02  四川 2024  卫健: two projects as two tables under headings (.doc)
# --------------------------------------------------------------------------

def build_pv02(path: Path):
    doc = new_doc(dt.datetime(2024, 2, 27, 9, 5), "恩阳区卫生健康局",
                  margins_cm=(2.2, 2.0, 2.2, 2.0))
    para(doc, "附件3", font=SANS, size=12)
    para(doc, "巴中市恩阳区卫生健康局2024年项目支出绩效目标表", font=SANS, size=18,
         align="center", space_before=6, space_after=6)
    para(doc, "（2024年度）", size=13, align="center", space_after=6)

    widths = [2.2, 2.6, 5.0, 1.6, 2.8, 2.8]
    head_cells = ("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位")

    def project(title, name, code, unit, total, fiscal, other, goal, rows):
        heading(doc, title, level=2, size=14)
        para(doc, "填报单位：巴中市恩阳区卫生健康局（盖章）　　　　　　　　　　　金额单位：万元",
             size=10, space_after=3)
        head = 7
        t = new_table(doc, head + 1 + len(rows), widths)
        s = 10
        span(t, 0, 0, 0, 0, "项目名称", bold=True, size=s)
        span(t, 0, 1, 0, 5, name, size=s)
        span(t, 1, 0, 1, 0, "项目编码", bold=True, size=s)
        span(t, 1, 1, 1, 2, code, size=s)
        put(t.cell(1, 3), "项目类别", bold=True, size=s)
        span(t, 1, 4, 1, 5, "经常性项目", size=s)
        put(t.cell(2, 0), "主管部门", bold=True, size=s)
        span(t, 2, 1, 2, 2, "巴中市恩阳区卫生健康局", size=s)
        put(t.cell(2, 3), "实施单位", bold=True, size=s)
        span(t, 2, 4, 2, 5, unit, size=s)
        span(t, 3, 0, 5, 0, "项目资金\n（万元）", bold=True, size=s)
        span(t, 3, 1, 3, 2, "年度资金总额", size=s)
        span(t, 3, 3, 3, 5, total, size=s)
        span(t, 4, 1, 4, 2, "其中：财政拨款", size=s)
        span(t, 4, 3, 4, 5, fiscal, size=s)
        span(t, 5, 1, 5, 2, "其他资金", size=s)
        span(t, 5, 3, 5, 5, other, size=s)
        put(t.cell(6, 0), "年度绩效目标", bold=True, size=s)
        span(t, 6, 1, 6, 5, goal, size=s, align="left")
        for j, h in enumerate(head_cells):
            put(t.cell(head, j), h, bold=True, size=s)
        docx_grid(t, head + 1, rows, size=s)

    project(
        "一、2024年基本公共卫生服务项目",
        "2024年基本公共卫生服务项目", "51190324Y000000008421",
        "区疾病预防控制中心、各乡镇卫生院、社区卫生服务中心",
        "1563.20", "1563.20", "0.00",
        "按照人均94元标准落实基本公共卫生服务经费，为辖区常住居民免费提供健康档案管理、"
        "预防接种、儿童和孕产妇健康管理、老年人健康管理、慢性病患者健康管理等服务，"
        "主要指标达到国家和省级考核要求。",
        [
            ("产出指标", "数量指标", "适龄儿童国家免疫规划疫苗接种率", "≥", "90", "%"),
            ("产出指标", "数量指标", "0-6岁儿童健康管理率", "≥", "85", "%"),
            ("产出指标", "数量指标", "65岁及以上老年人健康管理人数", "≥", "3.2", "万人"),
            ("产出指标", "数量指标", "高血压患者基层规范管理服务率", "≥", "65", "%"),
            ("产出指标", "质量指标", "居民电子健康档案建档率", "≥", "**", "%"),
            ("产出指标", "质量指标", "孕产妇系统管理率", "≥", "90", "%"),
            ("产出指标", "时效指标", "补助资金拨付时间", "定性", "2024年12月底前", ""),
            ("产出指标", "成本指标", "人均基本公共卫生服务经费补助标准", "＝", "94", "元/人"),
            ("效益指标", "社会效益指标", "城乡居民公共卫生差距", "定性", "不断缩小", ""),
            ("效益指标", "社会效益指标", "居民健康素养水平", "≥", "29", "%"),
            ("效益指标", "可持续影响指标", "基本公共卫生服务水平", "定性", "不断提高", ""),
            ("满意度指标", "服务对象满意度指标", "城乡居民对基本公共卫生服务满意度", "≥", "85", "%"),
        ],
    )
    signoff(doc, "填报人：何　静　　联系电话：0827-3362514", size=10, space_before=4)
    para(doc, "")
    project(
        "二、2024年村卫生室运行维护补助项目",
        "2024年村卫生室运行维护补助项目", "51190324Y000000008437",
        "各乡镇卫生院（代管村卫生室）",
        "268.80", "268.80", "0.00",
        "对全区168个村卫生室按每个1.6万元标准给予运行维护补助，保障村卫生室正常运转，"
        "稳定乡村医生队伍，方便群众就近就医。",
        [
            ("产出指标", "数量指标", "补助村卫生室数量", "＝", "168", "个"),
            ("产出指标", "数量指标", "纳入补助的在岗乡村医生人数", "＝", "203", "人"),
            ("产出指标", "质量指标", "村卫生室标准化建设达标率", "≥", "95", "%"),
            ("产出指标", "时效指标", "村卫生室运行补助资金拨付时间", "定性", "2023年12月底前", ""),
            ("产出指标", "成本指标", "每个村卫生室运行补助标准", "＝", "1.6", "万元/个·年"),
            ("效益指标", "社会效益指标", "村级医疗卫生服务网底", "定性", "进一步筑牢", ""),
            ("效益指标", "社会效益指标", "群众就近就医比例", "≥", "60", "%"),
            ("效益指标", "可持续影响指标", "乡村医生队伍", "定性", "保持稳定", ""),
            ("满意度指标", "服务对象满意度指标", "村民就医满意度", "≥", "85", "%"),
        ],
    )
    signoff(doc, "填报人：何　静　　联系电话：0827-3362514　　审核人：罗志刚", size=10,
            space_before=4)
    doc.save(str(path))


# --------------------------------------------------------------------------
# pv_03  重庆 2026  农村公路提档升级  (.doc, landscape, 分值 + 评分标准)
# --------------------------------------------------------------------------

def build_pv03(path: Path):
    doc = new_doc(dt.datetime(2026, 1, 12, 16, 20), "酉阳县交通运输委员会",
                  landscape=True, margins_cm=(2.0, 2.0, 2.0, 2.0))
    para(doc, "附件1-3", font=SANS, size=12)
    para(doc, "重庆市区县级项目支出绩效目标申报表", font=SANS, size=18, align="center",
         space_before=4)
    para(doc, "（2026年度）", size=12, align="center", space_after=6)
    para(doc, "申报单位：酉阳土家族苗族自治县交通运输委员会　　　　　　　　　　　　"
              "　　　　　　　　　　　　　　　　　　单位：万元", size=10, space_after=3)

    rows = [
        ("产出指标", "数量指标", "农村公路提档升级里程", "≥60公里", "10", "每少1公里扣0.5分，扣完为止"),
        ("产出指标", "数量指标", "实施农村公路安全生命防护工程里程", "≥85公里", "8", "每少1公里扣0.2分，扣完为止"),
        ("产出指标", "数量指标", "改造危旧桥梁", "=6座", "8", "每少1座扣2分"),
        ("产出指标", "质量指标", "工程交工验收合格率", "≥≥98%", "8", "达到目标值得满分，每降低1个百分点扣1分"),
        ("产出指标", "质量指标", "工程质量监督抽检合格率", "≥95%", "6", "达到目标值得满分，低于目标值不得分"),
        ("产出指标", "时效指标", "年度建设任务完成时间", "2026年11月底前", "6", "按时完成得满分，每延迟1个月扣2分"),
        ("产出指标", "成本指标", "提档升级每公里补助标准", "≤30万元/公里", "6", "控制在标准内得满分，超出不得分"),
        ("效益指标", "经济效益指标", "沿线群众平均出行时间缩短", "≥15分钟", "6", "根据抽样调查结果按比例得分"),
        ("效益指标", "社会效益指标", "受益建制村数量", "≥42个", "8", "每少1个扣0.5分"),
        ("效益指标", "社会效益指标", "农村公路交通事故死亡人数", "较上年下降", "6", "下降得满分，持平得3分，上升不得分"),
        ("效益指标", "生态效益指标", "对沿线生态环境的影响", "无关", "", ""),
        ("效益指标", "可持续影响指标", "农村公路管养长效机制", "持续完善", "6", "机制健全得满分，否则酌情扣分"),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "6", "≥90%得满分，每降低1个百分点扣1分"),
        ("满意度指标", "服务对象满意度指标", "农村客运经营者满意度", "≥85%", "6", "≥85%得满分，每降低1个百分点扣1分"),
    ]
    widths = [2.3, 2.9, 6.2, 3.2, 1.4, 7.6]
    s = 10
    head = 8
    t = new_table(doc, head + 1 + len(rows) + 1, widths)
    span(t, 0, 0, 0, 0, "项目名称", bold=True, size=s)
    span(t, 0, 1, 0, 5, "2026年酉阳县“四好农村路”提档升级及安全生命防护工程", size=s)
    put(t.cell(1, 0), "项目编码", bold=True, size=s)
    span(t, 1, 1, 1, 2, "500242260000000005863", size=s)
    span(t, 1, 3, 1, 4, "项目期限", bold=True, size=s)
    put(t.cell(1, 5), "2026年1月—2026年12月", size=s)
    put(t.cell(2, 0), "主管部门", bold=True, size=s)
    span(t, 2, 1, 2, 2, "酉阳土家族苗族自治县交通运输委员会", size=s)
    span(t, 2, 3, 2, 4, "实施单位", bold=True, size=s)
    put(t.cell(2, 5), "酉阳县农村公路养护管理中心", size=s)
    put(t.cell(3, 0), "项目类型", bold=True, size=s)
    span(t, 3, 1, 3, 2, "一次性项目", size=s)
    span(t, 3, 3, 3, 4, "资金来源", bold=True, size=s)
    put(t.cell(3, 5), "中央车购税、市级补助、县级配套", size=s)
    span(t, 4, 0, 6, 0, "项目资金\n（万元）", bold=True, size=s)
    span(t, 4, 1, 4, 2, "年度资金总额", size=s)
    span(t, 4, 3, 4, 5, "2450.00", size=s)
    span(t, 5, 1, 5, 2, "其中：财政拨款", size=s)
    span(t, 5, 3, 5, 5, "2200.00", size=s)
    span(t, 6, 1, 6, 2, "其他资金", size=s)
    span(t, 6, 3, 6, 5, "250.00", size=s)
    put(t.cell(7, 0), "年度绩效目标", bold=True, size=s)
    span(t, 7, 1, 7, 5,
         "完成农村公路提档升级60公里、安全生命防护工程85公里，改造危旧桥梁6座，"
         "交工验收合格率98%以上，惠及沿线42个建制村，进一步改善群众出行条件，"
         "助力乡村振兴和全域旅游发展。", size=s, align="left")
    for j, h in enumerate(("一级指标", "二级指标", "三级指标", "指标值", "分值", "评（扣）分标准")):
        put(t.cell(head, j), h, bold=True, size=s)
    docx_grid(t, head + 1, rows, size=s, left_cols=(5,))
    last = head + 1 + len(rows)
    span(t, last, 0, last, 3, "合计", bold=True, size=s)
    put(t.cell(last, 4), "90", size=s)
    put(t.cell(last, 5), "预算执行率10分，另行计算", size=s, align="left")
    signoff(doc, "单位负责人：冉光明　　　财务负责人：田秀英　　　填表人：彭　涛　　　"
                 "联系电话：023-75552386　　　填报日期：2026年1月12日", size=10)
    doc.save(str(path))


# --------------------------------------------------------------------------
# pv_04  宁夏 2025  农村供水工程维修养护  (.odt, value + 计量单位 + 指标解释)
# --------------------------------------------------------------------------

def build_pv04(path: Path):
    doc = new_doc(dt.datetime(2025, 3, 3, 11, 10), "tongxin-sw",
                  margins_cm=(2.2, 1.8, 2.2, 1.8))
    para(doc, "附件", font=SANS, size=12)
    para(doc, "同心县2025年项目支出绩效目标表", font=SANS, size=18, align="center",
         space_before=6, space_after=6)
    para(doc, "编制单位：同心县水务局　　　　　　　　　　　　　　　　　　单位：万元",
         size=10.5, space_after=3)
    rows = [
        ("产出指标", "数量指标", "维修养护农村供水工程处数", "≥46", "处", "纳入年度维修养护计划的集中供水工程"),
        ("产出指标", "数量指标", "维修更换老化入户管网", "≥120", "公里", ""),
        ("产出指标", "数量指标", "更换智能远传水表", "≥１５００", "块", "以验收单为准"),
        ("产出指标", "质量指标", "维修养护工程验收合格率", "=100", "%", ""),
        ("产出指标", "质量指标", "农村集中供水工程水质达标率", "≥92", "%", "按卫生健康部门水质抽检结果计"),
        ("产出指标", "时效指标", "维修养护任务完成时间", "2025年10月底前", "", ""),
        ("产出指标", "成本指标", "单处工程平均维修养护费用", "≤8.4", "万元/处", ""),
        ("效益指标", "社会效益指标", "受益农村人口", "≥9.8", "万人", ""),
        ("效益指标", "社会效益指标", "农村自来水普及率", "≥96", "%", ""),
        ("效益指标", "社会效益指标", "农村供水保证率", "≥95", "%", ""),
        ("效益指标", "可持续影响指标", "农村供水工程良性运行机制", "逐步建立", "", "县级统管、专业化管护"),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90", "", "抽样问卷调查"),
    ]
    widths = [2.2, 2.7, 5.0, 2.4, 1.7, 3.4]
    s = 10
    head = 8
    t = new_table(doc, head + 1 + len(rows), widths)
    span(t, 0, 0, 0, 0, "项目名称", bold=True, size=s)
    span(t, 0, 1, 0, 5, "2025年同心县农村供水工程维修养护项目", size=s)
    put(t.cell(1, 0), "主管部门", bold=True, size=s)
    span(t, 1, 1, 1, 2, "同心县水务局", size=s)
    put(t.cell(1, 3), "实施单位", bold=True, size=s)
    span(t, 1, 4, 1, 5, "同心县农村供水管理服务站", size=s)
    put(t.cell(2, 0), "项目属性", bold=True, size=s)
    span(t, 2, 1, 2, 2, "延续项目", size=s)
    put(t.cell(2, 3), "项目期", bold=True, size=s)
    span(t, 2, 4, 2, 5, "1年", size=s)
    span(t, 3, 0, 6, 0, "项目资金\n（万元）", bold=True, size=s)
    span(t, 3, 1, 3, 2, "年度资金总额", size=s)
    span(t, 3, 3, 3, 5, "386.50", size=s)
    span(t, 4, 1, 4, 2, "其中：财政拨款", size=s)
    span(t, 4, 3, 4, 5, "386.50", size=s)
    span(t, 5, 1, 5, 2, "　　（自治区补助 300.00，县级配套 86.50）", size=9)
    span(t, 5, 3, 5, 5, "", size=s)
    span(t, 6, 1, 6, 2, "其他资金", size=s)
    span(t, 6, 3, 6, 5, "0", size=s)
    put(t.cell(7, 0), "年度绩效目标", bold=True, size=s)
    span(t, 7, 1, 7, 5,
         "对全县46处农村集中供水工程开展维修养护，更换老化入户管网120公里、智能远传水表1500块，"
         "农村自来水普及率稳定在96%以上，保障9.8万农村群众饮水安全。", size=s, align="left")
    for j, h in enumerate(("一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标解释")):
        put(t.cell(head, j), h, bold=True, size=s)
    docx_grid(t, head + 1, rows, size=s, left_cols=(5,))
    signoff(doc, "填表人：马玉兰　　　联系电话：0953-8021374　　　单位负责人：杨　军", size=10)
    para(doc, "注：指标值为“定性”的，计量单位不填。", size=9, space_before=3)
    doc.save(str(path))


# --------------------------------------------------------------------------
# pv_05  西藏 2024  农村义务教育学生营养改善计划  (.ods, numbers as numbers)
# --------------------------------------------------------------------------

def build_pv05(path: Path):
    when = dt.datetime(2024, 2, 22, 10, 30)
    wb = new_workbook(when, "桑珠孜区教育局")
    ws = wb.active
    ws.title = "绩效目标表"
    sh = Sheet(ws, [11, 14, 30, 9, 12, 11, 8])
    sh.put(1, 1, "附件2", c2=7, border=False, h="left", size=11)
    sh.put(2, 1, "项目支出绩效目标表", c2=7, border=False, size=18, bold=True, font=SANS)
    sh.put(3, 1, "（2024年度）", c2=7, border=False, size=12)
    sh.put(4, 1, "填报单位：日喀则市桑珠孜区教育局", c2=4, border=False, h="left", size=10)
    sh.put(4, 5, "单位：万元", c2=7, border=False, h="right", size=10)
    sh.put(5, 1, "项目名称", bold=True)
    sh.put(5, 2, "2024年农村义务教育学生营养改善计划补助资金", c2=7)
    sh.put(6, 1, "项目编码", bold=True)
    sh.put(6, 2, "540202240000000001276", c2=3)
    sh.put(6, 4, "项目类别", bold=True, c2=5)
    sh.put(6, 6, "民生类", c2=7)
    sh.put(7, 1, "主管部门", bold=True)
    sh.put(7, 2, "日喀则市桑珠孜区教育局", c2=3)
    sh.put(7, 4, "实施单位", bold=True, c2=5)
    sh.put(7, 6, "区属各农村中小学校", c2=7)
    sh.put(8, 1, "项目资金", bold=True, r2=10)
    sh.put(8, 2, "年度资金总额")
    sh.put(8, 3, 1825.6, c2=7, fmt="#,##0.00")
    sh.put(9, 2, "其中：财政拨款")
    sh.put(9, 3, 1825.6, c2=7, fmt="#,##0.00")
    sh.put(10, 2, "其他资金")
    sh.put(10, 3, 0, c2=7, fmt="#,##0.00")
    sh.put(11, 1, "年度绩效目标", bold=True)
    sh.put(11, 2,
           "按每生每天5元标准，为全区64所农村义务教育学校约1.8万名学生提供营养膳食补助，"
           "补助资金专款专用，学校食堂食品安全管理规范，学生营养健康状况明显改善。",
           c2=7, h="left")
    ws.row_dimensions[11].height = 48
    for j, h in enumerate(("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "分值"), start=1):
        sh.put(12, j, h, bold=True)
    rows = [
        ("产出指标", "数量指标", "受益学生人数", "≥", 18256, "人", 10),
        ("产出指标", "数量指标", "覆盖农村义务教育学校", "＝", 64, "所", 10),
        ("产出指标", "数量指标", "学生年在校就餐天数", "≥", 200, "天", 5),
        ("产出指标", "质量指标", "营养膳食补助资金专款专用率", "＝", 100, "%", 10),
        ("产出指标", "质量指标", "学校食堂食品安全检查合格率", "≥", 9898, "%", 10),
        ("产出指标", "时效指标", "春季学期补助资金拨付时间", "≤", dt.datetime(2023, 3, 31), "", 5),
        ("产出指标", "成本指标", "营养膳食补助标准", "＝", 5, "元/生·天", 10),
        ("效益指标", "社会效益指标", "学生营养健康状况", "定性", "明显改善", "", 10),
        ("效益指标", "社会效益指标", "学生在校就餐率", "≥", 98, "%", 5),
        ("效益指标", "可持续影响指标", "营养改善计划长效保障机制", "定性", "持续健全", "", 5),
        ("满意度指标", "服务对象满意度指标", "学生及家长满意度", "≥", 90, "%", 10),
    ]
    r0 = 13
    sh.grid(r0, rows, fmts={(5, 5): 'yyyy"年"m"月"d"日"'})
    last = r0 + len(rows)
    sh.put(last, 1, "合计", c2=6, bold=True)
    sh.put(last, 7, f"=SUM(G{r0}:G{last - 1})")
    sh.put(last + 1, 1, "填报人：次仁卓嘎　　联系电话：0892-8826315　　填报日期：2024年2月22日",
           c2=7, border=False, h="left")
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    save_workbook(wb, path, when)


# --------------------------------------------------------------------------
# pv_06  内蒙古 2025  城乡低保及特困供养  (.rtf, 5 columns with 指标解释)
# --------------------------------------------------------------------------

def build_pv06(path: Path):
    doc = new_doc(dt.datetime(2025, 2, 14, 17, 45), "Administrator",
                  margins_cm=(2.5, 2.0, 2.5, 2.0))
    para(doc, "附件2-1", font=SANS, size=12)
    para(doc, "项目支出绩效目标表", font=SANS, size=18, align="center", space_before=4)
    para(doc, "（2025年度）", size=12, align="center", space_after=6)
    rows = [
        ("产出指标", "数量指标", "城乡低保保障人数", "≥2860", "全旗城市低保和农村牧区低保对象年均人数"),
        ("产出指标", "数量指标", "特困人员救助供养人数", "≥410人", "含集中供养和分散供养"),
        ("产出指标", "数量指标", "临时救助人次", "≥600人次", ""),
        ("产出指标", "质量指标", "低保对象认定准确率", "≥95%", "抽查核对认定准确的户数占抽查户数比例"),
        ("产出指标", "质量指标", "救助资金社会化发放率", "=100%", "通过“一卡通”发放到户"),
        ("产出指标", "时效指标", "救助资金按月发放及时率", "=100%", ""),
        ("产出指标", "成本指标", "城市低保平均保障标准", "≥**元/人·月", "不低于自治区公布的最低标准"),
        ("产出指标", "成本指标", "农村牧区低保平均保障标准", "≥9800元/人·年", ""),
        ("效益指标", "社会效益指标", "困难群众基本生活", "得到有效保障", ""),
        ("效益指标", "社会效益指标", "符合条件困难群众应保尽保率", "=100%", ""),
        ("效益指标", "可持续影响指标", "社会救助兜底保障机制", "持续健全", ""),
        ("满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "第三方抽样调查"),
    ]
    widths = [2.4, 3.0, 4.6, 2.8, 4.4]
    s = 10
    head = 6
    t = new_table(doc, head + 1 + len(rows), widths)
    span(t, 0, 0, 0, 0, "项目名称", bold=True, size=s)
    span(t, 0, 1, 0, 4, "2025年城乡低保及特困人员救助供养资金", size=s)
    put(t.cell(1, 0), "主管部门", bold=True, size=s)
    span(t, 1, 1, 1, 2, "鄂托克前旗民政局", size=s)
    put(t.cell(1, 3), "实施单位", bold=True, size=s)
    put(t.cell(1, 4), "鄂托克前旗社会救助服务中心", size=s)
    span(t, 2, 0, 4, 0, "项目资金\n（万元）", bold=True, size=s)
    span(t, 2, 1, 2, 2, "年度资金总额：", size=s, align="left")
    span(t, 2, 3, 2, 4, "2156.00", size=s)
    span(t, 3, 1, 3, 2, "其中：财政拨款", size=s, align="left")
    span(t, 3, 3, 3, 4, "2156.00", size=s)
    span(t, 4, 1, 4, 2, "　　　其他资金", size=s, align="left")
    span(t, 4, 3, 4, 4, "", size=s)
    put(t.cell(5, 0), "年度绩效目标", bold=True, size=s)
    span(t, 5, 1, 5, 4,
         "目标1：保障全旗2860名城乡低保对象、410名特困人员基本生活，按时足额发放救助资金。\n"
         "目标2：落实临时救助600人次，做到应保尽保、应救尽救。\n"
         "目标3：健全分层分类社会救助体系，困难群众满意度达到90%以上。",
         size=s, align="left")
    for j, h in enumerate(("一级指标", "二级指标", "三级指标", "指标值", "指标解释")):
        put(t.cell(head, j), h, bold=True, size=s)
    docx_grid(t, head + 1, rows, size=s, left_cols=(4,))
    signoff(doc, "填报单位（盖章）：鄂托克前旗民政局　　　填报人：包海燕　　　联系电话：0477-7621905",
            size=10)
    doc.save(str(path))


# --------------------------------------------------------------------------
# pv_07  河北 2024  大气污染防治  (Excel "CSV (逗号分隔)", cp936)
# --------------------------------------------------------------------------

def build_pv07(path: Path):
    W = 7

    def row(*cells):
        cells = list(cells) + [""] * (W - len(cells))
        return cells[:W]

    out = [
        row("项目支出绩效目标表"),
        row("（2024年度）"),
        row("填报单位：沧州市生态环境局献县分局", "", "", "", "", "", "单位：万元"),
        row("项目名称", "2024年献县大气污染防治及环境空气质量监测运维项目"),
        row("主管部门", "沧州市生态环境局", "", "实施单位", "沧州市生态环境局献县分局"),
        row("项目资金（万元）", "年度资金总额", "1,086.00"),
        row("", "其中：财政拨款", "1,086.00"),
        row("", "其他资金", "0.00"),
        row("年度绩效目标",
            "1.完成12个乡镇空气质量自动监测站全年运维，数据有效传输率达到90%以上；\n"
            "2.开展重点行业企业执法检查不少于260家次，落实秸秆禁烧网格化巡查；\n"
            "3.PM2.5年均浓度控制在46微克/立方米以内，空气质量优良天数比率达到68%以上。"),
        row("一级指标", "二级指标", "三级指标", "指标值", "计量单位", "权重", "指标解释"),
    ]
    grid = [
        ("产出指标", "数量指标", "运维乡镇空气质量自动监测站", "≥12", "个", "8", "覆盖全县12个乡镇"),
        ("", "", "开展重点行业企业执法检查", "≥260", "家次", "8", "涉气重点行业、VOCs排放企业"),
        ("", "", "秸秆禁烧网格化巡查天数", "≥180", "天", "6", "夏秋两季禁烧期"),
        ("", "质量指标", "监测数据有效传输率", "≥90", "%", "6", "按省平台统计"),
        ("", "", "站点运维质控合格率", "＝100100", "%", "6", "按季度质控考核"),
        ("", "时效指标", "监测站点年度运维完成时间", "2023年12月31日前", "", "5", ""),
        ("", "成本指标", "单站点年运维费用", "≤8.5", "万元/个", "6", "含设备维护、耗材、数据传输"),
        ("效益指标", "生态效益指标", "细颗粒物（PM2.5）年均浓度", "≤46", "微克/立方米", "10",
         "以PM2.5,PM10年均浓度考核，数据来源于国控、省控站点"),
        ("", "", "空气质量优良天数比率", "≥68", "%", "10", ""),
        ("", "社会效益指标", "重污染天气应急响应及时率", "＝100", "%", "8", "按“一厂一策”落实减排措施"),
        ("", "可持续影响指标", "大气污染防治网格化监管机制", "持续完善", "", "7", ""),
        ("满意度指标", "服务对象满意度指标", "周边群众满意度", "≥85", "%", "5", "问卷调查"),
        ("", "", "重点企业对执法服务满意度", "≥80", "%", "5", ""),
    ]
    out += [row(*g) for g in grid]
    out.append(row("合计", "", "", "", "", "90", ""))
    out.append(row())
    out.append(row("填报人：刘建国", "", "联系电话：0317-4512368", "", "", "审核人：王　磊"))
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows(out)
    path.write_bytes(buf.getvalue().encode("cp936"))


# --------------------------------------------------------------------------
# pv_08  安徽 2025  基层应急能力提升  (.xlsx, 2-row merged grid header, 元)
# --------------------------------------------------------------------------

def build_pv08(path: Path):
    when = dt.datetime(2025, 3, 10, 8, 55)
    wb = new_workbook(when, "金寨县应急管理局")
    ws = wb.active
    ws.title = "项目绩效目标"
    sh = Sheet(ws, [10, 13, 28, 12, 12, 10, 7, 26])
    money = "#,##0.00"
    sh.put(1, 1, "金寨县2025年项目支出绩效目标表", c2=8, border=False, size=16, bold=True, font=SANS)
    sh.put(2, 1, "填报单位：金寨县应急管理局", c2=5, border=False, h="left")
    sh.put(2, 6, "金额单位：元", c2=8, border=False, h="right")
    sh.put(3, 1, "项目名称", bold=True)
    sh.put(3, 2, "2025年金寨县森林防灭火及基层应急能力提升项目", c2=8)
    sh.put(4, 1, "项目编码", bold=True)
    sh.put(4, 2, "341524250000000012904", c2=3)
    sh.put(4, 4, "项目期限", bold=True)
    sh.put(4, 5, "2025年—2027年", c2=8)
    sh.put(5, 1, "主管部门", bold=True)
    sh.put(5, 2, "金寨县应急管理局", c2=3)
    sh.put(5, 4, "实施单位", bold=True)
    sh.put(5, 5, "金寨县应急管理局、各乡镇人民政府", c2=8)
    sh.put(6, 1, "项目资金（元）", bold=True, r2=9)
    sh.put(6, 2, "", c2=3)
    sh.put(6, 4, "中期资金总额", c2=5, bold=True)
    sh.put(6, 6, "年度资金总额", c2=8, bold=True)
    sh.put(7, 2, "资金总额", c2=3)
    sh.put(7, 4, 9600000, c2=5, fmt=money)
    sh.put(7, 6, 3256000, c2=8, fmt=money)
    sh.put(8, 2, "其中：财政拨款", c2=3)
    sh.put(8, 4, 9000000, c2=5, fmt=money)
    sh.put(8, 6, 3056000, c2=8, fmt=money)
    sh.put(9, 2, "其他资金", c2=3)
    sh.put(9, 4, 600000, c2=5, fmt=money)
    sh.put(9, 6, 200000, c2=8, fmt=money)
    sh.put(10, 1, "总体目标", bold=True, r2=11)
    sh.put(10, 2, "中期目标（2025—2027年）", c2=4, bold=True)
    sh.put(10, 5, "年度目标", c2=8, bold=True)
    sh.put(11, 2,
           "三年内新建（改造）基层应急物资储备点30个，配备森林防灭火专业装备1500台（套），"
           "乡镇应急救援队伍实现全覆盖，森林火灾受害率控制在0.9‰以内。", c2=4, h="left")
    sh.put(11, 5,
           "新建（改造）基层应急物资储备点12个，配备专业装备520台（套），开展培训演练12场次、"
           "培训基层应急管理人员1000人次，基层应急响应时间控制在30分钟以内。", c2=8, h="left")
    ws.row_dimensions[11].height = 66
    # two-row grid header
    sh.put(12, 1, "绩效指标", c2=3, bold=True)
    sh.put(12, 4, "指标值", c2=5, bold=True)
    sh.put(12, 6, "计量单位", r2=13, bold=True)
    sh.put(12, 7, "权重", r2=13, bold=True)
    sh.put(12, 8, "指标解释", r2=13, bold=True)
    for j, h in enumerate(("一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"), start=1):
        sh.put(13, j, h, bold=True)
    rows = [
        ("产出指标", "数量指标", "新建（改造）基层应急物资储备点", "≥30", "≥12", "个", 8, "乡镇、重点村储备点"),
        ("产出指标", "数量指标", "配备森林防灭火专业装备", "≥1500", "≥520", "台（套）", 10, "风力灭火机、水泵、通讯终端等"),
        ("产出指标", "数量指标", "开展应急救援队伍培训演练", "≥36", 12, "场次", 6, ""),
        ("产出指标", "数量指标", "培训基层应急管理人员", "≥3000", "≥1000", "", 6, "乡镇、村（社区）应急管理人员"),
        ("产出指标", "质量指标", "装备采购验收合格率", "＝100", "＝100", "%", 6, ""),
        ("产出指标", "质量指标", "物资储备点标准化建设达标率", "≥90", "≥**", "%", 6, "按省级储备点建设标准验收"),
        ("产出指标", "时效指标", "年度项目建设完成时间", "2027年10月底前", "2025年10月底前", "", 5, ""),
        ("产出指标", "成本指标", "单个储备点建设补助标准", "≤15", "≤15", "万元/个", 5, ""),
        ("效益指标", "社会效益指标", "森林火灾受害率", "≤0.9", "≤0.9", "‰", 8, "受害森林面积/森林总面积"),
        ("效益指标", "社会效益指标", "基层应急响应时间", "≤30", "≤30", "分钟", 6, "接警至到达现场"),
        ("效益指标", "社会效益指标", "乡镇应急救援队伍覆盖率", "＝100", "＝100", "%", 6, ""),
        ("效益指标", "可持续影响指标", "基层应急管理体系", "更加完善", "逐步健全", "", 5, ""),
        ("满意度指标", "服务对象满意度指标", "基层群众满意度", "≥90", "≥90", "%", 5, ""),
        ("满意度指标", "服务对象满意度指标", "应急救援队员满意度", "≥85", "≥85", "%", 5, ""),
    ]
    sh.grid(14, rows, left_cols=(8,))
    last = 14 + len(rows)
    sh.put(last + 1, 1, "填报人：汪丽萍　　联系电话：0564-7012638　　填报日期：2025年3月10日",
           c2=8, border=False, h="left")
    ws.print_title_rows = "12:13"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    save_workbook(wb, path, when)


# --------------------------------------------------------------------------
# conversion
# --------------------------------------------------------------------------

BUILDS = [
    # (stem, source ext, builder, target ext or None when written directly)
    ("pv_01_hubei_2025_daoyu-zongyang", ".docx", build_pv01, "doc"),
    ("pv_02_sichuan_2024_gongwei-cunweishi", ".docx", build_pv02, "doc"),
    ("pv_03_chongqing_2026_nongcun-gonglu-tidang", ".docx", build_pv03, "doc"),
    ("pv_04_ningxia_2025_nongcun-gongshui-weihu", ".docx", build_pv04, "odt"),
    ("pv_05_xizang_2024_yingyang-gaishan", ".xlsx", build_pv05, "ods"),
    ("pv_06_neimenggu_2025_dibao-tekun", ".docx", build_pv06, "rtf"),
    ("pv_07_hebei_2024_daqi-fangzhi-gbk", ".csv", build_pv07, None),
    ("pv_08_anhui_2025_yingji-nengli-zhongqi", ".xlsx", build_pv08, None),
]

FIXED = {
    "pv_01": dt.datetime(2025, 2, 18, 15, 40),
    "pv_02": dt.datetime(2024, 2, 27, 9, 5),
    "pv_03": dt.datetime(2026, 1, 12, 16, 20),
    "pv_04": dt.datetime(2025, 3, 3, 11, 10),
    "pv_05": dt.datetime(2024, 2, 22, 10, 30),
    "pv_06": dt.datetime(2025, 2, 14, 17, 45),
}


def convert(src: Path, fmt: str, outdir: Path, home: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice (LibreOffice) not found")
    env = dict(os.environ, HOME=str(home))
    profile = (home / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless",
         "--convert-to", fmt, "--outdir", str(outdir), str(src)],
        check=True, env=env, stdout=subprocess.DEVNULL,
    )
    return outdir / (src.stem + "." + fmt)


def _pin_rtf(raw: bytes, when: dt.datetime) -> bytes:
    stamp = (f"\\yr{when.year}\\mo{when.month}\\dy{when.day}"
             f"\\hr{when.hour}\\min{when.minute}").encode()
    for tag in (b"creatim", b"revtim", b"printim"):
        new = b"{\\" + tag + stamp + b"}"
        raw = re.sub(rb"\{\\" + tag + rb"(\\[a-z]+-?\d+)*\}",
                     lambda m, new=new: new, raw)
    return raw


def main(argv):
    outdir = Path(argv[1]).resolve() if len(argv) > 1 else HERE
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pv_probe_") as tmp:
        tmp = Path(tmp)
        for stem, ext, build, fmt in BUILDS:
            if fmt is None:
                dest = outdir / (stem + ext)
                build(dest)
                print(dest)
                continue
            src = tmp / (stem + ext)
            build(src)
            conv = tmp / "out"
            conv.mkdir(exist_ok=True)
            got = convert(src, fmt, conv, tmp)
            raw = got.read_bytes()
            when = FIXED[stem[:5]]
            if fmt in ("odt", "ods"):
                raw = _normalise_zip(raw, when)
            elif fmt == "rtf":
                raw = _pin_rtf(raw, when)
            dest = outdir / (stem + "." + fmt)
            dest.write_bytes(raw)
            print(dest)


if __name__ == "__main__":
    main(sys.argv)
