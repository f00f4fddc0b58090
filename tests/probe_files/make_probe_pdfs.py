#!/usr/bin/env python3
"""Build the synthetic probe PDFs pp_01..pp_05.

These are NOT captured documents. A helper session wrote them from general
knowledge of how Chinese agencies publish 项目支出绩效目标表 / 绩效自评表 as
PDF attachments: a Word table or an Excel sheet, printed to PDF. Agency names,
people and phone numbers are made up. Defects are planted on purpose (see
README.md); do not fix them.

The script writes each source document (.docx via python-docx, .xlsx via
openpyxl) into a temporary directory and converts it with LibreOffice
headless (`soffice --headless --convert-to pdf`). Only the PDFs are kept.
Inputs are deterministic; the PDFs themselves carry LibreOffice timestamps.

Needs: python-docx, openpyxl, LibreOffice (soffice) and the Noto CJK fonts.

    python tests/probe_files/make_probe_pdfs.py [OUTDIR]
"""

from __future__ import annotations

import datetime as dt
import math
import os
import shutil
import subprocess
import sys
import tempfile
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
from openpyxl.worksheet.page import PageMargins

SERIF = "Noto Serif CJK SC"  # stands in for 宋体 / 仿宋
SANS = "Noto Sans CJK SC"  # stands in for 黑体 / 方正小标宋
FIXED_TIME = dt.datetime(2024, 3, 1, 9, 30, 0)

HERE = Path(__file__).resolve().parent


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


def new_doc(created: dt.datetime, author: str, margins_cm=(2.5, 2.2, 2.5, 2.2)):
    doc = Document()
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = created
    cp.modified = created
    cp.revision = 1
    cp.title = ""
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width = Cm(21.0)
    sec.page_height = Cm(29.7)
    sec.top_margin, sec.right_margin, sec.bottom_margin, sec.left_margin = (
        Cm(m) for m in margins_cm
    )
    # Drop theme fonts from the defaults so the CJK font is used everywhere.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rfonts = defaults.find(".//" + qn("w:rFonts"))
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), SERIF)
    normal = doc.styles["Normal"]
    normal.font.name = SERIF
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().find(qn("w:rFonts")).set(qn("w:eastAsia"), SERIF)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    return doc


def para(doc, text, font=SERIF, size=10.5, bold=False, align="left", space_after=0):
    p = doc.add_paragraph()
    p.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    p.paragraph_format.space_after = Pt(space_after)
    if text:
        _font(p.add_run(text), font, size, bold)
    return p


def new_table(doc, nrows, widths_cm):
    t = doc.add_table(rows=nrows, cols=len(widths_cm))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    tblpr = t._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    for i, w in enumerate(widths_cm):
        t.columns[i].width = Cm(w)
    for row in t.rows:
        for i, c in enumerate(row.cells):
            c.width = Cm(widths_cm[i])
    return t


def put(cell, text, size=10.5, bold=False, align="center", font=SERIF):
    """Write text into a (possibly merged) cell, replacing what is there."""
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
        _font(p.add_run(text), font, size, bold)
    return cell


def span(t, r1, c1, r2, c2, text, **kw):
    cell = t.cell(r1, c1)
    if (r1, c1) != (r2, c2):
        cell = cell.merge(t.cell(r2, c2))
    return put(cell, text, **kw)


def repeat_header(row):
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def cant_split(row):
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    trpr.insert(0, el)


def runs_of(keys):
    """[(start, end)] for runs of equal consecutive keys (inclusive end)."""
    out, start = [], 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            out.append((start, i - 1))
            start = i
    return out


def docx_grid(t, r0, rows, size=10.5, left_cols=()):
    """Fill indicator rows (l1, l2, l3, *rest) from table row r0 and merge
    the 一级 / 二级 cells vertically."""
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


def save_docx(doc, path: Path):
    doc.save(str(path))


# --------------------------------------------------------------------------
# openpyxl helpers
# --------------------------------------------------------------------------

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _text_units(text: str, size: float) -> float:
    """Rough width of text in Excel column-width units at the given size."""
    w = 0.0
    for ch in str(text):
        w += 1.15 if ord(ch) < 0x2000 else 2.05
    return w * size / 10.0


class Sheet:
    """Thin wrapper that remembers single-row cells to size row heights."""

    def __init__(self, ws, widths):
        self.ws = ws
        self.widths = widths
        self.cells = []  # (row, c1, c2, text, size)
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w

    def put(self, r1, c1, text, r2=None, c2=None, size=10, bold=False,
            h="center", border=True, font=SERIF, fmt=None):
        r2 = r2 or r1
        c2 = c2 or c1
        ws = self.ws
        if (r1, c1) != (r2, c2):
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        top = ws.cell(row=r1, column=c1)
        top.value = text
        if fmt:
            top.number_format = fmt
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                cell = ws.cell(row=r, column=c)
                cell.font = Font(name=font, size=size, bold=bold)
                cell.alignment = Alignment(horizontal=h, vertical="center", wrap_text=True)
                if border:
                    cell.border = BOX
        if r1 == r2 and text not in (None, ""):
            shown = text if isinstance(text, str) else f"{text:.2f}"
            self.cells.append((r1, c1, c2, shown, size))

    def grid(self, r0, rows, size=10, left_cols=()):
        for i, row in enumerate(rows):
            for j, text in enumerate(row[2:], start=3):
                self.put(r0 + i, j, text, size=size,
                         h="left" if j in left_cols else "center")
        l1 = [r[0] for r in rows]
        l12 = [(r[0], r[1]) for r in rows]
        for a, b in runs_of(l1):
            self.put(r0 + a, 1, l1[a], r2=r0 + b, size=size)
        for a, b in runs_of(l12):
            self.put(r0 + a, 2, l12[a][1], r2=r0 + b, size=size)

    def fit_heights(self, minimum=20):
        need = {}
        for r, c1, c2, text, size in self.cells:
            width = sum(self.widths[c - 1] for c in range(c1, c2 + 1)) - 1.5
            lines = sum(max(1, math.ceil(_text_units(part, size) / width))
                        for part in text.split("\n"))
            need[r] = max(need.get(r, 0), lines * size * 1.5 + 5)
        for r, h in need.items():
            self.ws.row_dimensions[r].height = max(minimum, round(h, 1))


def page_setup(ws, landscape, last_row, last_col, fit_height=1):
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = fit_height
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6,
                                  header=0.3, footer=0.3)
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"


def new_workbook(created: dt.datetime, author: str):
    wb = Workbook()
    wb.properties.creator = author
    wb.properties.lastModifiedBy = author
    wb.properties.created = created
    wb.properties.modified = created
    return wb


# --------------------------------------------------------------------------
# pp_01  河南 2024  小麦“一喷三防”  (Word, 4 columns, one project)
# --------------------------------------------------------------------------

def build_pp01(path: Path):
    doc = new_doc(dt.datetime(2024, 2, 26, 10, 15), "商水县农业农村局",
                  margins_cm=(2.5, 2.6, 2.5, 2.6))
    para(doc, "附件2", font=SANS, size=12)
    para(doc, "项目支出绩效目标表", font=SANS, size=18, align="center", space_after=2)
    para(doc, "（2024年度）", size=12, align="center", space_after=6)
    para(doc, "填报单位（盖章）：商水县农业农村局\t\t\t\t\t单位：万元", size=10.5,
         space_after=3)

    rows = [
        ("产出指标", "数量指标", "小麦“一喷三防”实施面积", "≥85"),
        ("产出指标", "数量指标", "开展病虫害防控技术培训", "≥12次"),
        ("产出指标", "质量指标", "小麦赤霉病、条锈病等重大病虫害发生区域应急防控处置率", "≥95%"),
        ("产出指标", "质量指标", "防控药剂质量抽检合格率", "≥**%"),
        ("产出指标", "质量指标", "病虫危害损失率", "≤5%"),
        ("产出指标", "时效指标", "“一喷三防”作业完成时间", "2024年5月底前"),
        ("产出指标", "成本指标", "亩均补助标准", "≤15元/亩"),
        ("效益指标", "经济效益指标", "亩均挽回小麦产量损失", "≥30公斤"),
        ("效益指标", "社会效益指标", "小麦稳产增产保障能力", "显著提升"),
        ("效益指标", "生态效益指标", "农药利用率", "≥41%"),
        ("效益指标", "可持续影响指标", "病虫害统防统治长效机制", "逐步健全"),
        ("满意度指标", "服务对象满意度指标", "种粮农户满意度", "≥90%"),
    ]
    head = 5
    t = new_table(doc, head + len(rows), [2.6, 3.0, 5.6, 4.6])
    span(t, 0, 0, 0, 0, "项目名称", bold=True)
    span(t, 0, 1, 0, 3, "2024年小麦“一喷三防”项目")
    put(t.cell(1, 0), "主管部门", bold=True)
    put(t.cell(1, 1), "周口市农业农村局")
    put(t.cell(1, 2), "实施单位", bold=True)
    put(t.cell(1, 3), "商水县农业农村局")
    put(t.cell(2, 0), "项目资金（万元）", bold=True)
    put(t.cell(2, 1), "年度资金总额：1286.40")
    put(t.cell(2, 2), "其中：财政拨款：1286.40")
    put(t.cell(2, 3), "其他资金：0")
    put(t.cell(3, 0), "年度绩效目标", bold=True)
    span(t, 3, 1, 3, 3,
         "统筹中央和省级财政资金1286.40万元，在全县小麦主产区实施“一喷三防”85万亩，"
         "采取专业化统防统治与群防群治相结合的方式，于小麦抽穗扬花期集中开展叶面喷施"
         "杀菌剂、杀虫剂、植物生长调节剂和叶面肥作业，有效防控小麦赤霉病、条锈病、"
         "蚜虫及干热风危害，病虫危害损失率控制在5%以内，确保小麦稳产增产。",
         align="justify")
    for j, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值"]):
        put(t.cell(4, j), h, bold=True)
    docx_grid(t, head, rows)
    para(doc, "", space_after=4)
    para(doc, "填报人：李红霞　　　　联系电话：0394-5421386　　　　填报日期：2024年2月26日",
         size=10.5)
    save_docx(doc, path)


# --------------------------------------------------------------------------
# pp_02  江苏 2025  县乡河道疏浚整治  (Excel, 7 columns, A4 landscape)
# --------------------------------------------------------------------------

def build_pp02(path: Path):
    wb = new_workbook(dt.datetime(2025, 1, 20, 14, 0), "宿城区水利局")
    ws = wb.active
    ws.title = "绩效目标表"
    s = Sheet(ws, [11, 14, 26, 46, 14, 11, 8])
    s.put(1, 1, "项目支出绩效目标表", c2=7, size=18, bold=True, border=False, font=SANS)
    s.put(2, 1, "（2025年度）", c2=7, size=12, border=False)
    s.put(3, 1, "填报单位：宿迁市宿城区水利局", c2=4, size=10, h="left", border=False)
    s.put(3, 5, "单位：万元", c2=7, size=10, h="right", border=False)
    s.put(4, 1, "项目名称", c2=2, bold=True)
    s.put(4, 3, "2025年县乡河道及农村河塘疏浚整治工程", c2=7)
    s.put(5, 1, "主管部门", c2=2, bold=True)
    s.put(5, 3, "宿迁市水利局", c2=4)
    s.put(5, 5, "实施单位", bold=True)
    s.put(5, 6, "宿迁市宿城区水利局", c2=7)
    s.put(6, 1, "项目资金（万元）", r2=8, c2=2, bold=True)
    s.put(6, 3, "年度资金总额")
    s.put(6, 4, 2350, c2=7, fmt="0.00")
    s.put(7, 3, "其中：财政拨款")
    s.put(7, 4, 2100, c2=7, fmt="0.00")
    s.put(8, 3, "其他资金")
    s.put(8, 4, 250, c2=7, fmt="0.00")
    s.put(9, 1, "年度绩效目标", c2=2, bold=True)
    s.put(9, 3,
          "实施县乡河道疏浚整治45公里、村庄河塘疏浚整治36条，完成疏浚土方180万立方米，"
          "恢复河道设计断面和引排能力，改善农村水环境；工程于2025年12月底前全面完工并通过验收，"
          "工程质量合格率100%，沿河群众满意度达到90%以上。",
          c2=7, h="left")
    for j, h in enumerate(["一级指标", "二级指标", "三级指标", "指标解释", "指标值",
                           "计量单位", "权重"], start=1):
        s.put(10, j, h, bold=True)
    rows = [
        ("产出指标", "数量指标", "疏浚整治县乡河道长度",
         "年度内完成疏浚整治并通过完工验收的县级、乡级河道总长度", "≥45", "公里", 10),
        ("产出指标", "数量指标", "疏浚整治村庄河塘数量",
         "纳入年度实施计划并完成疏浚整治的村庄河塘数量", "＝36", "", 5),
        ("产出指标", "数量指标", "完成疏浚土方量",
         "按竣工结算审核确定的疏浚土方总量", "≥180", "万立方米", 5),
        ("产出指标", "质量指标", "工程质量验收合格率",
         "验收合格的单位工程数/完工单位工程总数×100%", "100100", "%", 10),
        ("产出指标", "质量指标", "疏浚后河道达到设计断面比例",
         "疏浚后经断面测量达到设计河底高程和底宽的河道长度占比", "≥95", "%", 5),
        ("产出指标", "时效指标", "工程完工时间",
         "年度疏浚整治工程全部完工并通过完工验收的时间", "2025年12月底前", "", 10),
        ("成本指标", "经济成本指标", "单位土方疏浚综合成本",
         "工程结算总价/疏浚土方量", "≤12", "元/立方米", 5),
        ("成本指标", "经济成本指标", "项目总成本",
         "项目全部支出控制在年度预算以内", "≤2350", "万元", 5),
        ("效益指标", "社会效益指标", "受益人口",
         "河道沿线受益于防洪排涝能力提升和人居环境改善的人口", "≥28", "万人", 10),
        ("效益指标", "生态效益指标", "整治河道水质达到或优于Ⅲ类比例",
         "整治河道监测断面水质达到或优于地表水Ⅲ类标准的比例", "≥80", "%", 10),
        ("效益指标", "生态效益指标", "河道淤积及水环境状况",
         "对比整治前后河道淤积深度、水面保洁及岸坡整洁情况", "显著改善", "", 5),
        ("效益指标", "可持续影响指标", "河道长效管护机制",
         "落实河长制及村级河道管护责任，明确管护主体和经费", "持续健全", "", 10),
        ("满意度指标", "服务对象满意度指标", "沿河群众满意度",
         "通过问卷抽样调查沿河村组群众对整治效果的满意程度", "≥90", "%", 10),
    ]
    s.grid(11, rows, left_cols=(4,))
    last = 11 + len(rows) - 1
    s.put(last + 1, 1,
          "填报人：周建国　　　　联系电话：0527-84362157　　　　填报日期：2025年1月20日",
          c2=7, h="left", border=False)
    s.fit_heights()
    ws.row_dimensions[1].height = 34
    page_setup(ws, landscape=True, last_row=last + 1, last_col=7)
    wb.save(str(path))


# --------------------------------------------------------------------------
# pp_03  广西 2024  two projects, one per page  (Excel, 2 sheets, portrait)
# --------------------------------------------------------------------------

PP03_PROJECTS = [
    {
        "sheet": "糖料蔗良种良法",
        "annex": "附件1-1",
        "name": "2024年糖料蔗良种良法技术推广补助项目",
        "dept": "崇左市农业农村局",
        "unit": "崇左市江州区农业农村局",
        "money": (680, 680, 0),
        "goal": "在全区推广糖料蔗脱毒健康种苗和良种良法配套技术3.4万亩，按200元/亩标准对"
                "符合条件的蔗农和新型经营主体给予补助；举办技术培训班10期以上，推广区"
                "糖料蔗亩产达到5.5吨以上，促进糖料蔗产业提质增效和蔗农稳定增收。",
        "rows": [
            ("产出指标", "数量指标", "糖料蔗良种良法技术推广面积", "≥3.4万亩", ""),
            ("产出指标", "数量指标", "建设脱毒健康种苗二级繁育基地", "≥1500亩", ""),
            ("产出指标", "数量指标", "举办技术培训班", "≥10期", ""),
            ("产出指标", "质量指标", "推广面积核查验收合格率", "≥95%", ""),
            ("产出指标", "时效指标", "补助资金兑付时间", "2023年12月底前", ""),
            ("产出指标", "成本指标", "良种良法推广补助标准", "＝200元/亩", ""),
            ("效益指标", "经济效益指标", "推广区糖料蔗亩产", "≥5.5吨", "较非推广区"),
            ("效益指标", "社会效益指标", "受益蔗农户数", "≥6000户", ""),
            ("效益指标", "可持续影响指标", "糖料蔗产业可持续发展能力", "明显增强", ""),
            ("满意度指标", "服务对象满意度指标", "蔗农满意度", "≥90%", "抽样调查"),
        ],
        "sign": "填报人：黄海燕　　　联系电话：0771-7852316",
    },
    {
        "sheet": "动物疫病强制免疫",
        "annex": "附件1-2",
        "name": "2024年动物疫病强制免疫补助项目",
        "dept": "崇左市农业农村局",
        "unit": "崇左市江州区农业农村局",
        "money": (156.8, 120.3, 36.5),
        "goal": "组织开展春秋两季高致病性禽流感、口蹄疫、小反刍兽疫等重大动物疫病集中强制"
                "免疫和常年补免，应免畜禽免疫密度常年保持在90%以上，免疫抗体合格率达到70%"
                "以上，确保全区不发生区域性重大动物疫情，保障养殖业生产安全和公共卫生安全。",
        "rows": [
            ("产出指标", "数量指标", "高致病性禽流感免疫数量", "≥320万羽", ""),
            ("产出指标", "数量指标", "口蹄疫、小反刍兽疫等应免畜禽免疫数量", "≥28万头（只）", ""),
            ("产出指标", "质量指标", "畜禽应免病种免疫密度", "≥90%", ""),
            ("产出指标", "质量指标", "免疫抗体合格率", "≥70%", "抽样检测"),
            ("产出指标", "时效指标", "春秋两季集中免疫完成时间", "2024年5月、10月底前", ""),
            ("产出指标", "成本指标", "疫苗采购及免疫劳务成本", "≤**万元", ""),
            ("效益指标", "社会效益指标", "重大动物疫病发生情况", "无区域性重大动物疫情发生", ""),
            ("效益指标", "可持续影响指标", "基层动物防疫体系运行", "持续稳定", ""),
            ("满意度指标", "服务对象满意度指标", "养殖场户满意度", "≥90%", ""),
        ],
        "sign": "填报人：韦振宁　　　联系电话：0771-7853029",
    },
]


def build_pp03(path: Path):
    wb = new_workbook(dt.datetime(2024, 1, 12, 16, 40), "江州区农业农村局")
    first = True
    for proj in PP03_PROJECTS:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = proj["sheet"]
        s = Sheet(ws, [12, 15, 30, 20, 12])
        s.put(1, 1, proj["annex"], c2=2, size=11, h="left", border=False, font=SANS)
        s.put(2, 1, "项目支出绩效目标表", c2=5, size=18, bold=True, border=False, font=SANS)
        s.put(3, 1, "（2024年度）", c2=5, size=12, border=False)
        s.put(4, 4, "单位：万元", c2=5, size=10, h="right", border=False)
        s.put(5, 1, "项目名称", bold=True)
        s.put(5, 2, proj["name"], c2=5)
        s.put(6, 1, "主管部门", bold=True)
        s.put(6, 2, proj["dept"], c2=3)
        s.put(6, 4, "实施单位", bold=True)
        s.put(6, 5, proj["unit"])
        total, fiscal, other = proj["money"]
        s.put(7, 1, "项目资金\n（万元）", r2=9, bold=True)
        s.put(7, 2, "年度资金总额")
        s.put(7, 3, total, c2=5, fmt="0.00")
        s.put(8, 2, "其中：财政拨款")
        s.put(8, 3, fiscal, c2=5, fmt="0.00")
        s.put(9, 2, "其他资金")
        s.put(9, 3, other, c2=5, fmt="0.00")
        s.put(10, 1, "年度\n绩效目标", bold=True)
        s.put(10, 2, proj["goal"], c2=5, h="left")
        s.put(11, 1, "绩\u3000效\u3000指\u3000标", c2=5, bold=True)
        for j, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "备注"], start=1):
            s.put(12, j, h, bold=True)
        s.grid(13, proj["rows"])
        last = 13 + len(proj["rows"]) - 1
        s.put(last + 1, 1, proj["sign"], c2=5, h="left", border=False)
        s.fit_heights(minimum=22)
        ws.row_dimensions[2].height = 34
        ws.row_dimensions[7].height = 22
        page_setup(ws, landscape=False, last_row=last + 1, last_col=5)
    wb.save(str(path))


# --------------------------------------------------------------------------
# pp_04  上海 2023  农村生活污水处理设施运维  (Word self-evaluation)
# --------------------------------------------------------------------------

def build_pp04(path: Path):
    doc = new_doc(dt.datetime(2024, 3, 18, 9, 5), "奉贤区水务局",
                  margins_cm=(1.6, 1.8, 1.4, 1.8))
    para(doc, "项目支出绩效自评表", font=SANS, size=16, align="center", space_after=2)
    para(doc, "（2023年度）", size=12, align="center", space_after=6)
    sz = 9
    rows = [
        ("产出指标", "数量指标", "运维农村生活污水处理设施数量", "≥1200套", "1236套", "8", "8", ""),
        ("产出指标", "数量指标", "设施出水水质季度抽检次数", "=4次", "4次", "7", "7", ""),
        ("产出指标", "质量指标", "设施正常运行率", "≥95%", "96.8%", "8", "8", ""),
        ("产出指标", "质量指标", "出水水质达标率", "≥90%", "88.5%", "8", "7.5",
         "部分老旧设施进水浓度偏高、设备故障导致出水不稳定；下一步加快老旧设施提标改造，加强巡检。"),
        ("产出指标", "时效指标", "故障报修24小时内处置率", "≥95%", "97.2%", "7", "7", ""),
        ("产出指标", "时效指标", "年度运维服务完成时间", "2022年12月31日前", "2023年12月31日", "6", "6", ""),
        ("产出指标", "成本指标", "单套设施年均运维成本", "≤2500元/套", "2316元/套", "6", "6", ""),
        ("效益指标", "社会效益指标", "受益农户数", "≥3.2万户", "3.26万户", "10", "10", ""),
        ("效益指标", "生态效益指标", "化学需氧量（COD）削减量", "≥**吨", "186吨", "10", "10", ""),
        ("效益指标", "可持续影响指标", "设施长效运维管理机制", "健全", "健全", "10", "10", ""),
        ("满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%", "93.6%", "10", "10", ""),
    ]
    head = 11
    t = new_table(doc, head + len(rows) + 1, [1.7, 1.9, 3.2, 2.3, 2.3, 1.2, 1.6, 3.2])
    span(t, 0, 0, 0, 1, "项目名称", size=sz, bold=True)
    span(t, 0, 2, 0, 7, "2023年农村生活污水处理设施运行维护项目", size=sz)
    span(t, 1, 0, 1, 1, "主管部门", size=sz, bold=True)
    span(t, 1, 2, 1, 3, "上海市奉贤区水务局", size=sz)
    span(t, 1, 4, 1, 5, "实施单位", size=sz, bold=True)
    span(t, 1, 6, 1, 7, "上海市奉贤区水务管理事务中心", size=sz)
    money = [
        ("", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
        ("年度资金总额", "320.00", "298.50", "286.31", "10", "95.92%", "9.59"),
        ("其中：当年财政拨款", "320.00", "298.50", "286.31", "—", "95.92%", "—"),
        ("上年结转资金", "0", "0", "0", "—", "—", "—"),
        ("其他资金", "0", "0", "0", "—", "—", "—"),
    ]
    for i, mrow in enumerate(money):
        for j, text in enumerate(mrow, start=1):
            put(t.cell(2 + i, j), text, size=sz, bold=(i == 0))
    span(t, 2, 0, 6, 0, "项目资金（万元）", size=sz, bold=True)
    span(t, 7, 0, 8, 0, "年度总体目标", size=sz, bold=True)
    span(t, 7, 1, 7, 4, "预期目标", size=sz, bold=True)
    span(t, 7, 5, 7, 7, "实际完成情况", size=sz, bold=True)
    span(t, 8, 1, 8, 4,
         "做好全区农村生活污水处理设施日常运行维护，设施正常运行率不低于95%，出水水质达标率"
         "不低于90%，故障报修24小时内处置，保障受益农户生活污水稳定收集处理，改善农村水环境。",
         size=sz, align="justify")
    span(t, 8, 5, 8, 7,
         "全年完成1236套设施运行维护，设施正常运行率96.8%，出水水质达标率88.5%，"
         "故障报修24小时内处置率97.2%，受益农户3.26万户，农户满意度93.6%。",
         size=sz, align="justify")
    span(t, 9, 0, 9, 7, "绩效指标", size=sz, bold=True)
    for j, h in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                           "分值", "得分", "偏差原因分析及改进措施"]):
        put(t.cell(10, j), h, size=sz, bold=True)
    docx_grid(t, head, rows, size=sz, left_cols=(7,))
    total_row = head + len(rows)
    span(t, total_row, 0, total_row, 4, "总分", size=sz, bold=True)
    put(t.cell(total_row, 5), "100", size=sz, bold=True)
    put(t.cell(total_row, 6), "99.09", size=sz, bold=True)
    put(t.cell(total_row, 7), "", size=sz)
    para(doc, "填报人：沈志刚　　　联系电话：021-57412368　　　填报日期：2024年3月18日",
         size=10)
    save_docx(doc, path)


# --------------------------------------------------------------------------
# pp_05  北京 2025  背街小巷环境精细化整治提升  (Word, grid spills to page 2)
# --------------------------------------------------------------------------

def build_pp05(path: Path):
    doc = new_doc(dt.datetime(2025, 1, 8, 11, 20), "东城区城市管理委员会",
                  margins_cm=(2.0, 2.5, 2.0, 2.5))
    para(doc, "项目支出绩效目标表", font=SANS, size=18, align="center", space_after=2)
    para(doc, "（2025年度）", size=12, align="center", space_after=6)
    para(doc, "单位：万元", size=10.5, align="right", space_after=2)
    h = new_table(doc, 6, [3.0, 3.0, 4.0, 6.0])
    put(h.cell(0, 0), "项目名称", bold=True)
    span(h, 0, 1, 0, 3, "2025年背街小巷环境精细化整治提升项目")
    put(h.cell(1, 0), "主管部门", bold=True)
    put(h.cell(1, 1), "北京市东城区城市管理委员会")
    put(h.cell(1, 2), "实施单位", bold=True)
    put(h.cell(1, 3), "东城区各街道办事处")
    span(h, 2, 0, 4, 0, "项目资金（万元）", bold=True)
    for i, (label, val) in enumerate([("年度资金总额", "3275.60"),
                                      ("其中：财政拨款", "3275.60"),
                                      ("其他资金", "0.00")]):
        put(h.cell(2 + i, 1), label)
        span(h, 2 + i, 2, 2 + i, 3, val)
    put(h.cell(5, 0), "年度绩效目标", bold=True)
    span(h, 5, 1, 5, 3,
         "按照首都功能核心区背街小巷环境精细化整治提升行动要求，2025年完成全区120条背街小巷"
         "整治提升，同步实施路面修补、架空线规范整治、立面修缮、违法建设拆除、“开墙打洞”封堵和"
         "绿化美化，打造“十有十无”达标街巷；健全街巷长、小巷管家长效管理机制，群众身边环境"
         "问题诉求量明显下降，居民及商户满意度达到90%以上。",
         align="justify")
    para(doc, "", size=6)
    rows = [
        ("产出指标", "数量指标", "背街小巷精细化整治条数", "≥120",
         "年度内按照整治提升方案完成整治并通过区级验收的背街小巷条数，以区城市管理委员会验收台账为准。"),
        ("产出指标", "数量指标", "修补破损道路面积", "≥3.5万平方米",
         "对街巷内坑槽、沉陷、拥包等破损路面实施修补的面积，以竣工结算工程量为准。"),
        ("产出指标", "数量指标", "规范整治架空线长度", "≥18公里",
         "对街巷内通信、有线电视等架空线实施入地或规范梳理的长度。"),
        ("产出指标", "数量指标", "新建（改造）口袋公园及小微绿地", "≥8处",
         "结合拆违腾退空间新建或改造口袋公园、小微绿地的数量。"),
        ("产出指标", "质量指标", "达到“十有十无”标准街巷占比", "≥9595%",
         "达到“十有十无”环境建设管理标准的街巷条数/当年整治街巷总条数×100%。"),
        ("产出指标", "质量指标", "整治工程竣工验收合格率", "100%",
         "竣工验收合格的整治工程数/完工整治工程总数×100%。"),
        ("产出指标", "时效指标", "整治工程完工时间", "2025年11月底前",
         "年度整治提升工程全部完工并通过区级验收的时间。"),
        ("产出指标", "成本指标", "单条街巷平均整治成本", "≤27.3万元",
         "项目年度支出总额/完成整治街巷条数，控制在年度预算标准以内。"),
        ("效益指标", "社会效益指标", "背街小巷环境秩序", "显著提升",
         "对照整治前后街巷环境卫生、停车秩序、立面景观等情况综合评价。"),
        ("效益指标", "社会效益指标", "12345市民服务热线街巷环境类诉求量同比下降率", "≥10%",
         "（上年同期街巷环境类诉求量-本年诉求量）/上年同期诉求量×100%，以接诉即办系统数据为准。"),
        ("效益指标", "生态效益指标", "新增街巷绿化面积", "≥6000平方米",
         "整治街巷内新增垂直绿化、见缝插绿及口袋公园绿化面积。"),
        ("效益指标", "可持续影响指标", "街巷长、小巷管家长效管理机制", "持续健全",
         "整治街巷全部落实街巷长、小巷管家，建立日常巡查和问题发现处置机制。"),
        ("满意度指标", "服务对象满意度指标", "沿街居民及商户满意度", "≥90%",
         "通过第三方问卷调查沿街居民及商户对整治效果的满意程度。"),
        ("满意度指标", "服务对象满意度指标", "街巷环境类诉求接诉即办满意率", "≥92%",
         "以12345市民服务热线回访满意率统计数据为准。"),
    ]
    g = new_table(doc, 1 + len(rows), [1.9, 2.3, 3.6, 3.2, 5.0])
    for j, txt in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "指标解释"]):
        put(g.cell(0, j), txt, bold=True)
    repeat_header(g.rows[0])
    for row in g.rows:
        cant_split(row)
    docx_grid(g, 1, rows, left_cols=(4,))
    para(doc, "", space_after=4)
    para(doc, "填报人：赵雅楠　　　　联系电话：010-64036275　　　　填报日期：2025年1月8日",
         size=10.5)
    save_docx(doc, path)


# --------------------------------------------------------------------------

BUILDS = [
    ("pp_01_henan_2024_yipen-sanfang", ".docx", build_pp01),
    ("pp_02_jiangsu_2025_heliu-shujun", ".xlsx", build_pp02),
    ("pp_03_guangxi_2024_tangliaozhe-mianyi", ".xlsx", build_pp03),
    ("pp_04_shanghai_2023_nongcun-wushui-self", ".docx", build_pp04),
    ("pp_05_beijing_2025_beijie-xiaoxiang", ".docx", build_pp05),
]


def convert(src: Path, outdir: Path, home: Path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice (LibreOffice) not found")
    env = dict(os.environ, HOME=str(home))
    profile = (home / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(outdir), str(src)],
        check=True, env=env, stdout=subprocess.DEVNULL,
    )


def main(argv):
    outdir = Path(argv[1]).resolve() if len(argv) > 1 else HERE
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pp_pdfs_") as tmp:
        tmp = Path(tmp)
        for stem, ext, build in BUILDS:
            src = tmp / (stem + ext)
            build(src)
            convert(src, outdir, tmp)
            print(outdir / (stem + ".pdf"))


if __name__ == "__main__":
    main(sys.argv)
