#!/usr/bin/env python3
# ruff: noqa: B905, E501 (a data generator: long Chinese data lines)
"""Build the synthetic probe documents pm_01..pm_07.

These are NOT captured documents. A helper session wrote them from general
knowledge of what agency staff actually hold when they look for last year's
项目支出绩效目标表: the department's whole 部门预算公开 / 部门决算公开
document, or the budget system's export of the whole department. The target
tables sit among other budget tables (收支总表, 收入总表, 支出总表,
财政拨款收支总表, 一般公共预算支出表, 基本支出表, "三公"经费支出表,
政府性基金预算支出表, 项目支出表, 政府采购预算表 ...) that are not
project targets. Agency names, people, project codes and phone numbers are
made up. Defects are planted on purpose in the target tables (see README.md);
do not fix them.

  pm_01  .pdf   浙江 2024 county bureau 部门预算公开 (目录, 概况, 8 budget tables,
                情况说明, 附件: 3 项目支出绩效目标表 + 部门整体支出绩效目标表)
  pm_02  .pdf   安徽 2023 部门决算公开 (9 决算 tables, 情况说明, 2 项目支出绩效自评表)
  pm_03  .docx  福建 2025 部门预算公开 in Word (6 budget tables, 4 target tables)
  pm_04  .docx  陕西 2024 单位预算 of a middle school (3 budget tables, 2 target
                tables in the 2021 framework with 成本指标 as 一级)
  pm_05  .xlsx  内蒙古 2025 budget-system export of a whole department
                (封面, 8 budget sheets, 项目支出表 of 12 projects, 6 target sheets,
                部门整体绩效目标表)
  pm_06  .xlsx  新疆 2024 one sheet with 15 target tables down the page
  pm_07  .pdf   湖北 2023 部门预算公开, 30 pages: 26 pages of budget tables and
                text, then 4 target tables on the last 4 pages

PDFs are drawn with reportlab platypus in the built-in, non-embedded CID font
STSong-Light (invariant=1); their Subject and Keywords read the synthetic note.
.docx/.xlsx carry the note in the core properties description. Output is
deterministic: two runs give identical bytes.

    /work/main/.venv/bin/python tests/probe_files/make_probe_documents.py [OUTDIR]
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.writer.excel import ExcelWriter
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
NOTE = "SYNTHETIC probe (written from knowledge, not captured)"
FONT = "STSong-Light"
ZIP_TIME = (2024, 1, 1, 0, 0, 0)

pdfmetrics.registerFont(UnicodeCIDFont(FONT))


# ==========================================================================
# money helpers
# ==========================================================================

def m2(x) -> str:
    """A 万元 amount as budget tables print it: 1,234.56 (0 as 0.00)."""
    return f"{x:,.2f}"


def p2(x) -> str:
    """An amount without thousands separators: 1234.56."""
    return f"{x:.2f}"


def r2(x: float) -> float:
    return round(x + 1e-9, 2)


# ==========================================================================
# finance model shared by the budget tables
# ==========================================================================

# 功能分类科目 类 / 款 names (项 names are given with each leaf)
FUNC = {
    "201": "一般公共服务支出",
    "205": "教育支出", "20502": "普通教育", "20508": "进修及培训", "20599": "其他教育支出",
    "207": "文化旅游体育与传媒支出", "20701": "文化和旅游", "20702": "文物", "20703": "体育",
    "20708": "广播电视",
    "208": "社会保障和就业支出", "20805": "行政事业单位养老支出", "20808": "抚恤",
    "210": "卫生健康支出", "21001": "卫生健康管理事务", "21003": "基层医疗卫生机构",
    "21004": "公共卫生", "21007": "计划生育事务", "21011": "行政事业单位医疗",
    "212": "城乡社区支出", "21208": "国有土地使用权出让收入安排的支出",
    "213": "农林水支出", "21301": "农业农村", "21303": "水利", "21305": "巩固脱贫攻坚成果衔接乡村振兴",
    "21307": "农村综合改革", "21366": "大中型水库库区基金安排的支出",
    "214": "交通运输支出", "21401": "公路水路运输", "21406": "车辆购置税支出",
    "221": "住房保障支出", "22102": "住房改革支出",
    "229": "其他支出", "22904": "其他政府性基金及对应专项债务收入安排的支出", "22960": "彩票公益金安排的支出",
    "232": "债务付息支出",
}

# 部门预算经济分类 for 基本支出 (code, name, share of 基本支出)
ECON = [
    ("301", "工资福利支出", None),
    ("30101", "基本工资", 0.155),
    ("30102", "津贴补贴", 0.128),
    ("30103", "奖金", 0.046),
    ("30107", "绩效工资", 0.141),
    ("30108", "机关事业单位基本养老保险缴费", 0.082),
    ("30109", "职业年金缴费", 0.041),
    ("30110", "职工基本医疗保险缴费", 0.043),
    ("30112", "其他社会保障缴费", 0.006),
    ("30113", "住房公积金", 0.061),
    ("30199", "其他工资福利支出", 0.022),
    ("302", "商品和服务支出", None),
    ("30201", "办公费", 0.018),
    ("30205", "水费", 0.004),
    ("30206", "电费", 0.011),
    ("30207", "邮电费", 0.006),
    ("30211", "差旅费", 0.015),
    ("30213", "维修（护）费", 0.009),
    ("30215", "会议费", 0.003),
    ("30216", "培训费", 0.005),
    ("30217", "公务接待费", None),
    ("30228", "工会经费", 0.012),
    ("30229", "福利费", 0.010),
    ("30231", "公务用车运行维护费", None),
    ("30239", "其他交通费用", 0.031),
    ("30299", "其他商品和服务支出", 0.020),
    ("303", "对个人和家庭的补助", None),
    ("30301", "离休费", 0.004),
    ("30302", "退休费", 0.038),
    ("30305", "生活补助", 0.012),
    ("30309", "奖励金", 0.002),
]


class Fin:
    """A department's budget: leaves (code, 项 name, basic, project, source).

    source: 'gp' 一般公共预算, 'fund' 政府性基金, 'other' 单位资金/其他收入."""

    def __init__(self, leaves, sangong, carry=0.0):
        self.leaves = leaves
        self.sangong = sangong  # (出国, 购置, 运行, 接待) this year, 万元
        self.carry = carry

    def total(self, src=None, kind=None):
        s = 0.0
        for _c, _n, b, p, so in self.leaves:
            if src and so != src:
                continue
            if kind == "basic":
                s += b
            elif kind == "project":
                s += p
            else:
                s += b + p
        return r2(s)

    def func_rows(self, src=None):
        """[(code, name, total, basic, project)] with 类 and 款 subtotals, in code order."""
        agg: dict[str, list[float]] = {}
        names: dict[str, str] = {}
        for code, name, b, p, so in self.leaves:
            if src and so != src:
                continue
            if b == 0 and p == 0:
                continue
            for k in (code[:3], code[:5], code):
                a = agg.setdefault(k, [0.0, 0.0])
                a[0] += b
                a[1] += p
            names[code] = name
        out = []
        for k in sorted(agg, key=lambda c: (c[:3], c[:5] if len(c) >= 5 else "", len(c), c)):
            b, p = agg[k]
            out.append((k, names.get(k) or FUNC[k], r2(b + p), r2(b), r2(p)))
        # sort so that 类, its 款, each 款's 项 follow one another
        out.sort(key=lambda r: (r[0][:3], r[0][:5] if len(r[0]) > 3 else "", len(r[0]) > 5, r[0]))
        return out

    def class_totals(self, src=None):
        return [(c, n, t) for c, n, t, _b, _p in self.func_rows(src) if len(c) == 3]

    def econ_rows(self, src="gp"):
        """基本支出 by economic class: [(code, name, amount)] with 类 subtotals;
        the shares are scaled to the 基本支出 total, 三公 items put in from sangong."""
        basic = self.total(src, "basic")
        jd, yx = self.sangong[3], self.sangong[2]
        fixed = {"30217": jd, "30231": yx}
        rest = basic - jd - yx
        shares = [(c, n, s) for c, n, s in ECON if s is not None]
        tot_share = sum(s for _c, _n, s in shares)
        vals = {}
        acc = 0.0
        for i, (c, _n, s) in enumerate(shares):
            if i == len(shares) - 1:
                vals[c] = r2(rest - acc)
            else:
                vals[c] = r2(rest * s / tot_share)
                acc = r2(acc + vals[c])
        vals.update(fixed)
        out = []
        for c, n, _s in ECON:
            if len(c) == 3:
                out.append((c, n, r2(sum(v for k, v in vals.items() if k.startswith(c)))))
            else:
                out.append((c, n, vals[c]))
        return out

    def sangong_total(self):
        return r2(sum(self.sangong))


# ==========================================================================
# PDF (reportlab platypus) helpers
# ==========================================================================

def ps(name, size=10.5, lead=None, align=TA_LEFT, indent=0, before=0, after=0):
    return ParagraphStyle(name, fontName=FONT, fontSize=size, leading=lead or round(size * 1.55, 1),
                          alignment=align, firstLineIndent=indent, spaceBefore=before,
                          spaceAfter=after, wordWrap="CJK")


S_COVER = ps("cover", 26, 40, TA_CENTER)
S_COVER2 = ps("cover2", 16, 26, TA_CENTER)
S_H0 = ps("h0", 18, 30, TA_CENTER, after=10)
S_H1 = ps("h1", 15, 26, TA_CENTER, before=6, after=8)
S_H2 = ps("h2", 12.5, 22, TA_LEFT, indent=25, before=4, after=2)
S_BODY = ps("body", 11, 20, TA_LEFT, indent=22)
S_TOC = ps("toc", 11.5, 24, TA_LEFT)
S_TOC2 = ps("toc2", 11, 21, TA_LEFT, indent=24)
S_TTITLE = ps("ttitle", 14, 22, TA_CENTER, after=2)
S_TSUB = ps("tsub", 10.5, 16, TA_CENTER)
S_NOTEL = ps("notel", 9.5, 14, TA_LEFT)
S_NOTER = ps("noter", 9.5, 14, TA_RIGHT)
S_ATT = ps("att", 12, 18, TA_LEFT)


def cell_styles(size):
    lead = round(size * 1.32, 1)
    return {
        "L": ps(f"cL{size}", size, lead, TA_LEFT),
        "C": ps(f"cC{size}", size, lead, TA_CENTER),
        "R": ps(f"cR{size}", size, lead, TA_RIGHT),
    }


class PageMark(Flowable):
    """Zero-size flowable that records the page it lands on."""

    def __init__(self, name, log):
        super().__init__()
        self.name, self.log = name, log
        self.width = self.height = 0

    def draw(self):
        self.log[self.name] = self.canv.getPageNumber()


def ptable(data, widths, aligns=None, size=8.5, spans=(), header_rows=1, repeat=True,
           shade_rows=(), valign="MIDDLE", pad=2.5):
    """A ruled table. data: rows of strings (None = covered by a span);
    aligns: per column 'L' / 'C' / 'R' for body rows (header rows centred)."""
    st = cell_styles(size)
    ncol = len(widths)
    aligns = aligns or ["L"] * ncol
    rows = []
    for i, r in enumerate(data):
        row = []
        for j in range(ncol):
            v = r[j] if j < len(r) else ""
            if v is None:
                row.append("")
                continue
            a = "C" if i < header_rows else aligns[j]
            if isinstance(v, tuple):  # (text, align)
                v, a = v
            row.append(Paragraph(str(v).replace("\n", "<br/>"), st[a]) if v != "" else "")
        rows.append(row)
    cmds = [("GRID", (0, 0), (-1, -1), 0.5, "#000000"),
            ("VALIGN", (0, 0), (-1, -1), valign),
            ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), 1.8), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2)]
    for (c0, r0), (c1, r1) in spans:
        cmds.append(("SPAN", (c0, r0), (c1, r1)))
    for r in shade_rows:
        cmds.append(("BACKGROUND", (0, r), (-1, r), "#F2F2F2"))
    t = Table(rows, colWidths=widths, repeatRows=header_rows if repeat else 0)
    t.setStyle(TableStyle(cmds))
    return t


def runs(keys):
    """[(start, length)] of runs of equal consecutive keys."""
    out, i = [], 0
    while i < len(keys):
        j = i
        while j + 1 < len(keys) and keys[j + 1] == keys[i]:
            j += 1
        out.append((i, j - i + 1))
        i = j + 1
    return out


def level_spans(rows, first_row, merge=2):
    """SPAN commands merging the 一级 / 二级 columns of an indicator block."""
    spans = []
    for m in range(merge):
        keys = [tuple(r[:m + 1]) for r in rows]
        for s, n in runs(keys):
            if n > 1:
                spans.append(((m, first_row + s), (m, first_row + s + n - 1)))
    return spans


def blank_merged(rows, merge=2):
    """Rows with the 一级/二级 text kept only on the first row of each run."""
    out = [list(r) for r in rows]
    for m in range(merge):
        keys = [tuple(r[:m + 1]) for r in rows]
        for s, n in runs(keys):
            for k in range(s + 1, s + n):
                out[k][m] = None
    return out


class Doc:
    """A portrait/landscape A4 document with a centred page-number footer."""

    def __init__(self, path, title, author, creator, footer="— {n} —", first_footer=False):
        self.log: dict[str, int] = {}
        self.footer = footer
        self.first_footer = first_footer
        self.doc = BaseDocTemplate(str(path), pagesize=A4, title=title, author=author,
                                   subject=NOTE, keywords=NOTE, creator=creator, invariant=1,
                                   leftMargin=56, rightMargin=56, topMargin=60, bottomMargin=60)
        pw, ph = A4
        lw, lh = landscape(A4)
        fp = Frame(56, 60, pw - 112, ph - 120, id="fp", leftPadding=0, rightPadding=0,
                   topPadding=0, bottomPadding=0)
        fl = Frame(50, 50, lw - 100, lh - 100, id="fl", leftPadding=0, rightPadding=0,
                   topPadding=0, bottomPadding=0)
        self.doc.addPageTemplates([
            PageTemplate("P", [fp], onPage=self._foot, pagesize=A4),
            PageTemplate("L", [fl], onPage=self._foot, pagesize=landscape(A4)),
        ])
        self.story: list = []

    def _foot(self, canv, doc):
        n = canv.getPageNumber()
        if n == 1 and not self.first_footer:
            return
        canv.saveState()
        canv.setFont(FONT, 9)
        w = canv._pagesize[0]
        canv.drawCentredString(w / 2, 28, self.footer.format(n=n))
        canv.restoreState()

    def add(self, *fl):
        self.story.extend(fl)

    def para(self, text, style=S_BODY):
        self.story.append(Paragraph(text, style))

    def paras(self, texts, style=S_BODY):
        for t in texts:
            self.para(t, style)

    def page(self, template=None):
        if template:
            self.story.append(NextPageTemplate(template))
        self.story.append(PageBreak())

    def mark(self, name):
        self.story.append(PageMark(name, self.log))

    def build(self):
        self.doc.build(self.story)
        return self.log


def sign_line(doc: Doc, parts, width=A4[0] - 112):
    """A sign-off line: the parts spread over one unruled row (Paragraph collapses runs of spaces)."""
    t = Table([[Paragraph(x, S_NOTEL) for x in parts]], colWidths=[width / len(parts)] * len(parts))
    t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    doc.add(t)


def table_head(doc: Doc, title, unit_line="单位：万元", left=""):
    doc.para(title, S_TTITLE)
    t = Table([[Paragraph(left, S_NOTEL), Paragraph(unit_line, S_NOTER)]],
              colWidths=[doc_frame_width(doc) * 0.6, doc_frame_width(doc) * 0.4])
    t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    doc.add(t)


def doc_frame_width(doc: Doc):
    # the last NextPageTemplate in the story decides; good enough for the layout
    for f in reversed(doc.story):
        if isinstance(f, NextPageTemplate):
            return (landscape(A4)[0] - 100) if f.action[1] == "L" else (A4[0] - 112)
    return A4[0] - 112


# ==========================================================================
# budget tables as row lists (shared by PDF, docx and xlsx writers)
# ==========================================================================

def rows_shouzhi_zong(fin: Fin, year, fund_label="二、政府性基金预算拨款收入"):
    """部门收支总表: 收入 | 预算数 | 支出 | 预算数."""
    inc = [
        ("一、一般公共预算拨款收入", fin.total("gp")),
        (fund_label, fin.total("fund")),
        ("三、国有资本经营预算拨款收入", 0.0),
        ("四、财政专户管理资金收入", 0.0),
        ("五、单位资金收入", fin.total("other")),
        ("    其中：事业收入", 0.0),
        ("          其他收入", fin.total("other")),
    ]
    cn = "一二三四五六七八九十"
    exp = [(f"{cn[i]}、{n}", t) for i, (_c, n, t) in enumerate(fin.class_totals())]
    n = max(len(inc), len(exp))
    rows = [("收    入", None, "支    出", None), ("项    目", f"{year}年预算数", "项    目", f"{year}年预算数")]
    for i in range(n):
        a = inc[i] if i < len(inc) else ("", None)
        b = exp[i] if i < len(exp) else ("", None)
        rows.append((a[0], m2(a[1]) if a[1] is not None else "", b[0], m2(b[1]) if b[1] is not None else ""))
    tot = fin.total()
    rows.append(("本 年 收 入 合 计", m2(tot), "本 年 支 出 合 计", m2(tot)))
    rows.append(("上年结转结余", m2(fin.carry), "年末结转结余", m2(0)))
    rows.append(("收 入 总 计", m2(tot + fin.carry), "支 出 总 计", m2(tot + fin.carry)))
    return rows


def rows_func(fin: Fin, src=None, with_total=True):
    """一般公共预算支出表 / 部门支出总表: 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出."""
    out = []
    if with_total:
        out.append(("", "合    计", m2(fin.total(src)), m2(fin.total(src, "basic")), m2(fin.total(src, "project"))))
    for c, n, t, b, p in fin.func_rows(src):
        ind = "" if len(c) == 3 else ("  " if len(c) == 5 else "    ")
        out.append((c, ind + n, m2(t), m2(b) if b else "", m2(p) if p else ""))
    return out


def rows_econ(fin: Fin, src="gp"):
    out = [("", "合    计", m2(fin.total(src, "basic")))]
    for c, n, v in fin.econ_rows(src):
        out.append((c, ("" if len(c) == 3 else "  ") + n, m2(v)))
    return out


def rows_sangong(fin: Fin, prev: tuple):
    cg, gz, yx, jd = fin.sangong
    pcg, pgz, pyx, pjd = prev
    head = [("项    目", "上年预算数", "本年预算数", "增减额", "增减（%）")]
    items = [
        ("合    计", sum(prev), sum(fin.sangong)),
        ("1.因公出国（境）费", pcg, cg),
        ("2.公务用车购置及运行维护费", pgz + pyx, gz + yx),
        ("  其中：（1）公务用车购置费", pgz, gz),
        ("        （2）公务用车运行维护费", pyx, yx),
        ("3.公务接待费", pjd, jd),
    ]
    for n, a, b in items:
        d = r2(b - a)
        pct = f"{d / a * 100:.2f}" if a else "—"
        head.append((n, m2(a), m2(b), m2(d), pct))
    return head


# ==========================================================================
# docx helpers
# ==========================================================================

def _normalise_zip(raw: bytes, fixed: dt.datetime) -> bytes:
    """Re-pack a zip with fixed entry timestamps and a fixed core.xml created/modified."""
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    stamp = fixed.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rf"\g<1>{stamp}\g<2>", text)
                text = re.sub(r"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", rf"\g<1>{stamp}\g<2>", text)
                data = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 3
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, data)
    return out.getvalue()


def save_document(doc, path, when: dt.datetime, author: str, title: str):
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 3
    cp.title = title
    cp.comments = NOTE  # dc:description
    cp.keywords = ""
    cp.subject = ""
    buf = io.BytesIO()
    doc.save(buf)
    Path(path).write_bytes(_normalise_zip(buf.getvalue(), when))


def save_workbook(wb: Workbook, path, when: dt.datetime, author: str, title: str):
    wb.properties.creator = author
    wb.properties.lastModifiedBy = author
    wb.properties.created = when
    wb.properties.modified = when
    wb.properties.title = title
    wb.properties.description = NOTE
    buf = io.BytesIO()
    archive = zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()  # bypasses save_workbook's "modified = now"
    Path(path).write_bytes(_normalise_zip(buf.getvalue(), when))


def _east_asian(run, name):
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)


def new_doc(font="仿宋_GB2312"):
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.4)
    sec.top_margin = sec.bottom_margin = Cm(2.5)
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(12)
    rpr = st.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), font)
    for name, size in (("Heading 1", 16), ("Heading 2", 14), ("Heading 3", 12)):
        hs = doc.styles[name]
        hs.font.size = Pt(size)
        hs.font.color.rgb = None
        hrpr = hs.element.get_or_add_rPr()
        hf = hrpr.find(qn("w:rFonts"))
        if hf is None:
            hf = OxmlElement("w:rFonts")
            hrpr.insert(0, hf)
        hf.set(qn("w:eastAsia"), "黑体")
    return doc


def dpara(doc, text, size=12, bold=False, align=None, font="仿宋_GB2312", indent=False, style=None):
    p = doc.add_paragraph(style=style)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    if text:
        r = p.add_run(text)
        r.bold = bold
        r.font.size = Pt(size)
        _east_asian(r, font)
    return p


def dheading(doc, text, level=1):
    h = doc.add_heading(level=level)
    r = h.add_run(text)
    _east_asian(r, "黑体")
    if level == 1:
        h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return h


def page_break(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def dcell(cell, text, bold=False, align="center", size=9.5, font="仿宋_GB2312"):
    cell.text = ""
    cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    p = cell.paragraphs[0]
    p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
                   "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
    if text is None or text == "":
        return
    parts = str(text).split("\n")
    for i, part in enumerate(parts):
        r = p.add_run(part)
        r.bold = bold
        r.font.size = Pt(size)
        _east_asian(r, font)
        if i < len(parts) - 1:
            r.add_break(WD_BREAK.LINE)


def dspan(t, r1, c1, r2_, c2, text=None, bold=False, align="center", size=9.5):
    a = t.cell(r1, c1)
    m = a.merge(t.cell(r2_, c2)) if (r1, c1) != (r2_, c2) else a
    if text is not None:
        dcell(m, text, bold=bold, align=align, size=size)
    return m


def dwidths(t, cms):
    """Column widths on every cell and in w:tblGrid (LibreOffice and WPS read the grid)."""
    for row in t.rows:
        for c, w in zip(row.cells, cms):
            c.width = Cm(w)
    grid = t._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), cms):
        gc.set(qn("w:w"), str(int(Cm(w).emu / 635)))


def dtable(doc, rows, widths, aligns, header_rows=1, size=9, spans=()):
    """A Word table from rows of strings (None: covered by a span)."""
    t = doc.add_table(rows=len(rows), cols=len(widths))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v is None:
                continue
            a = "center" if i < header_rows else {"L": "left", "C": "center", "R": "right"}[aligns[j]]
            dcell(t.cell(i, j), v, bold=i < header_rows, align=a, size=size)
    for (r1, c1), (r2_, c2) in spans:
        a = t.cell(r1, c1)
        keep = a.text
        m = a.merge(t.cell(r2_, c2))
        dcell(m, keep, bold=r1 < header_rows, size=size)
    dwidths(t, widths)
    return t


# ==========================================================================
# xlsx helpers
# ==========================================================================

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
XC = Alignment(horizontal="center", vertical="center", wrap_text=True)
XL = Alignment(horizontal="left", vertical="center", wrap_text=True)
XR = Alignment(horizontal="right", vertical="center")
XF = Font(name="宋体", size=10)
XFB = Font(name="宋体", size=10, bold=True)
XFT = Font(name="宋体", size=16, bold=True)
NUM = "#,##0.00"


def xput(ws, ref, value, bold=False, align=XC, border=True, fmt=None, font=None):
    c = ws[ref]
    c.value = value
    c.font = font or (XFB if bold else XF)
    c.alignment = align
    if border:
        c.border = BORDER
    if fmt:
        c.number_format = fmt
    return c


def xmerge(ws, rng, value=None, bold=False, align=XC, fmt=None, border=True, font=None):
    first, last = (rng.split(":") + [rng])[:2]
    xput(ws, first, value, bold=bold, align=align, fmt=fmt, border=border, font=font)
    if border:
        for row in ws[f"{first}:{last}"]:
            for c in row:
                c.border = BORDER
    if first != last:
        ws.merge_cells(f"{first}:{last}")


def xwidths(ws, spec, landscape_=False):
    for col, w in spec.items():
        ws.column_dimensions[col].width = w
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.orientation = "landscape" if landscape_ or sum(spec.values()) > 100 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def xtitle(ws, row, text, last_col, size=16, height=30):
    ws.merge_cells(f"A{row}:{last_col}{row}")
    c = ws[f"A{row}"]
    c.value = text
    c.font = Font(name="宋体", size=size, bold=True)
    c.alignment = XC
    ws.row_dimensions[row].height = height


def xtable(ws, top, rows, cols, aligns, header_rows=1, num_cols=(), fmt=NUM):
    """Write rows of values (None skipped) from row `top`; returns the next free row."""
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            ref = f"{cols[j]}{top + i}"
            if v is None:
                ws[ref].border = BORDER
                continue
            if i >= header_rows and j in num_cols and isinstance(v, str) and v:
                v = float(v.replace(",", ""))
            a = XC if i < header_rows else {"L": XL, "C": XC, "R": XR}[aligns[j]]
            xput(ws, ref, v if v != "" else None, bold=i < header_rows, align=a,
                 fmt=fmt if (i >= header_rows and j in num_cols) else None)
    return top + len(rows)


# ==========================================================================
# target tables (PDF)
# ==========================================================================

def pdf_target(doc: Doc, p, year, att=None, unit_label="填报单位（盖章）", size=9,
               widths=(64, 84, 200, 135), title="项目支出绩效目标表"):
    """附件 line, title, （年度）, 填报单位 line, one ruled table: facts then a
    4-column grid 一级 · 二级 · 三级 · 指标值 (units inside the value)."""
    W = sum(widths)
    if att:
        doc.para(att, S_ATT)
    doc.para(title, S_TTITLE)
    doc.para(f"（{year}年度）", S_TSUB)
    t = Table([[Paragraph(f"{unit_label}：{p['filer']}", S_NOTEL), Paragraph("金额单位：万元", S_NOTER)]],
              colWidths=[W * 0.65, W * 0.35])
    t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    doc.add(t)
    money = p["money"]
    data = [
        ["项目名称", (p["name"], "L"), None, None],
        ["主管部门", (p["dept"], "L"), "实施单位", (p["unit"], "L")],
        ["项目资金\n（万元）", "年度资金总额", (p2(money[0]), "C"), None],
        [None, "其中：财政拨款", (p2(money[1]), "C"), None],
        [None, "其他资金", (p2(money[2]), "C"), None],
        ["年度绩效目标", (p["goal"], "L"), None, None],
        ["一级指标", "二级指标", "三级指标", "指标值"],
    ]
    spans = [((1, 0), (3, 0)), ((0, 2), (0, 4)), ((2, 2), (3, 2)), ((2, 3), (3, 3)), ((2, 4), (3, 4)),
             ((1, 5), (3, 5))]
    first = len(data)
    for r in blank_merged(p["rows"]):
        data.append([r[0], r[1], (r[2], "L"), (r[3], "C")])
    spans += level_spans(p["rows"], first)
    tab = ptable(data, list(widths), aligns=["C", "C", "L", "C"], size=size, spans=spans,
                 header_rows=0, repeat=False)
    doc.add(tab)
    if p.get("sign"):
        doc.add(Spacer(1, 6))
        doc.para(p["sign"], S_NOTEL)


# ==========================================================================
# pm_01  浙江 2024  开化县农业农村局 部门预算公开 (PDF)
# ==========================================================================

PM01_DEPT = "开化县农业农村局"

PM01_FIN = Fin([
    ("2080501", "行政单位离退休", 12.60, 0, "gp"),
    ("2080502", "事业单位离退休", 18.30, 0, "gp"),
    ("2080505", "机关事业单位基本养老保险缴费支出", 168.20, 0, "gp"),
    ("2080506", "机关事业单位职业年金缴费支出", 84.10, 0, "gp"),
    ("2101101", "行政单位医疗", 45.80, 0, "gp"),
    ("2101102", "事业单位医疗", 52.40, 0, "gp"),
    ("2120804", "农村基础设施建设支出", 0, 1200.00, "fund"),
    ("2130101", "行政运行", 865.33, 0, "gp"),
    ("2130104", "事业运行", 760.12, 0, "gp"),
    ("2130106", "科技转化与推广服务", 0, 420.00, "gp"),
    ("2130108", "病虫害控制", 0, 186.00, "gp"),
    ("2130119", "防灾救灾", 0, 65.00, "gp"),
    ("2130122", "农业生产发展", 0, 1386.45, "gp"),
    ("2130135", "农业资源保护修复与利用", 0, 480.00, "gp"),
    ("2130148", "渔业发展", 0, 120.00, "gp"),
    ("2130153", "农田建设", 0, 650.00, "gp"),
    ("2130153", "农田建设", 0, 30.00, "other"),
    ("2130199", "其他农业农村支出", 0, 26.20, "other"),
    ("2130505", "生产发展", 0, 900.00, "gp"),
    ("2130706", "对村集体经济组织的补助", 0, 560.00, "gp"),
    ("2210201", "住房公积金", 122.50, 0, "gp"),
], sangong=(0.0, 0.0, 15.40, 3.20))
PM01_SANGONG_PREV = (0.0, 0.0, 16.80, 3.60)

PM01_PROJECTS = [
    {
        "name": "2024年粮食生产功能区提标改造项目",
        "dept": PM01_DEPT, "unit": "开化县农业技术推广中心", "filer": PM01_DEPT,
        "money": (680.00, 650.00, 30.00),
        "goal": ("在华埠、马金、池淮等6个乡镇完成粮食生产功能区提标改造1.2万亩，新建及改造机耕路18公里以上、"
                 "灌排渠道25公里以上，工程验收合格率100%，项目区耕地质量平均等级提升0.5个等级以上，"
                 "粮食亩均增产30公斤以上，稳定全县粮食播种面积。"),
        "rows": [
            ("产出指标", "数量指标", "粮食生产功能区提标改造面积", "≥1.2万亩"),
            ("产出指标", "数量指标", "新建及改造机耕路", "≥18公里"),
            ("产出指标", "数量指标", "新建及修复灌排渠道", "≥25公里"),
            ("产出指标", "质量指标", "工程验收合格率", "100%"),
            ("产出指标", "质量指标", "项目区耕地质量平均等级提升", "≥0.5个等级"),
            ("产出指标", "时效指标", "工程完工时间", "2024年11月底前"),
            ("产出指标", "成本指标", "亩均提标改造投入", "≤570元/亩"),
            ("效益指标", "经济效益指标", "项目区粮食亩均增产", "≥30公斤"),
            ("效益指标", "社会效益指标", "项目区粮食播种面积", "稳定在2.8万亩以上"),
            ("效益指标", "生态效益指标", "项目区化肥农药使用量", "逐年下降"),
            ("效益指标", "可持续影响指标", "工程设施管护机制", "建立健全"),
            ("满意度指标", "服务对象满意度指标", "项目区农户满意度", "≥90%"),
        ],
    },
    {
        "name": "2024年开化龙顶茶产业提质增效项目",
        "dept": PM01_DEPT, "unit": "开化县茶叶产业发展中心", "filer": PM01_DEPT,
        "money": (420.00, 420.00, 0.00),
        "goal": ("新建标准化茶园示范基地5个，实施茶园绿色防控1.5万亩，开展茶叶加工技术培训300人次以上，"
                 "示范基地茶叶质量安全抽检合格率98%以上，全县茶叶产值增长8%以上，带动茶农户均增收2000元以上。"),
        "rows": [
            ("产出指标", "数量指标", "新建标准化茶园示范基地", "≥5"),
            ("产出指标", "数量指标", "实施茶园绿色防控面积", "≥1.5万亩"),
            ("产出指标", "数量指标", "开展茶叶加工技术培训", "≥300人次"),
            ("产出指标", "质量指标", "示范基地茶叶质量安全抽检合格率", "≥98%"),
            ("产出指标", "时效指标", "补助资金兑付时间", "2024年12月底前"),
            ("产出指标", "成本指标", "示范基地平均补助标准", "≤30万元/个"),
            ("效益指标", "经济效益指标", "全县茶叶产值增长率", "≥8%"),
            ("效益指标", "社会效益指标", "带动茶农户均增收", "≥2000元"),
            ("效益指标", "可持续影响指标", "“开化龙顶”区域公用品牌影响力", "持续提升"),
            ("满意度指标", "服务对象满意度指标", "茶企及茶农满意度", "≥90%"),
        ],
    },
    {
        "name": "2024年扶持村级集体经济发展项目",
        "dept": PM01_DEPT, "unit": "开化县农村经营管理服务中心", "filer": PM01_DEPT,
        "money": (560.00, 560.00, 0.00),
        "goal": ("扶持14个集体经济相对薄弱村发展物业经济、农旅融合等项目，实施“强村公司”物业经济项目6个以上，"
                 "受扶持村年经营性收入达到30万元以上，带动低收入农户就业120人以上，完善村级集体经济发展长效机制。"),
        "rows": [
            ("产出指标", "数量指标", "扶持村级集体经济发展项目村数量", "=14个"),
            ("产出指标", "数量指标", "实施“强村公司”物业经济项目", "≥6个"),
            ("产出指标", "质量指标", "项目竣工验收合格率", "100%"),
            ("产出指标", "时效指标", "扶持项目开工时间", "2023年6月底前"),
            ("产出指标", "成本指标", "单村扶持资金标准", "≤40万元/村"),
            ("效益指标", "经济效益指标", "受扶持村年经营性收入", "≥30万元/村"),
            ("效益指标", "社会效益指标", "带动低收入农户就业", "≥120人"),
            ("效益指标", "可持续影响指标", "村级集体经济发展长效机制", "逐步完善"),
            ("满意度指标", "服务对象满意度指标", "受扶持村村民满意度", "≥90%"),
        ],
    },
]

PM01_OVERALL_ROWS = [
    ("产出指标", "数量指标", "保障在编在岗人员", "=126人"),
    ("产出指标", "数量指标", "完成粮食播种面积", "≥16.5万亩"),
    ("产出指标", "数量指标", "开展农业实用技术培训", "≥2500人次"),
    ("产出指标", "质量指标", "农产品质量安全例行监测合格率", "≥98%"),
    ("产出指标", "质量指标", "重大动物疫病免疫密度", "≥90%"),
    ("产出指标", "时效指标", "年度预算执行率", "≥95%"),
    ("产出指标", "成本指标", "“三公”经费支出", "≤18.60万元"),
    ("效益指标", "经济效益指标", "农村居民人均可支配收入增长", "≥7%"),
    ("效益指标", "社会效益指标", "区域性重大动物疫情发生次数", "=0次"),
    ("效益指标", "生态效益指标", "畜禽粪污资源化利用率", "≥92%"),
    ("效益指标", "可持续影响指标", "乡村振兴工作长效机制", "持续健全"),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%"),
]


def pdf_budget_tables(doc: Doc, fin: Fin, dept, year, prev_sangong, numbering, fund_note=None,
                      which=("shouzhi", "shouru", "zhichu", "czbk", "gp", "jiben", "sangong", "fund"),
                      units=None, size=8.5, nobreak=(), part_title=None):
    """The standard 部门预算 tables, each starting on a new page (except those in nobreak)."""
    W = A4[0] - 112
    left = f"部门名称：{dept}"
    k = 0
    for w in which:
        title = numbering[k]
        k += 1
        if w in nobreak:
            doc.add(Spacer(1, 22))
        else:
            doc.page()
        if part_title and k == 1:
            doc.para(part_title, S_H1)
        if w == "shouzhi":
            table_head(doc, title, left=left)
            rows = rows_shouzhi_zong(fin, year)
            doc.add(ptable(rows, [W * 0.3, W * 0.2, W * 0.3, W * 0.2], ["L", "R", "L", "R"], size,
                           spans=[((0, 0), (1, 0)), ((2, 0), (3, 0))], header_rows=2))
        elif w == "shouru":
            table_head(doc, title, left=left)
            head = [("单位编码", "单位名称", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算",
                     "财政专户管理资金", "单位资金")]
            tot = (fin.total(), fin.total("gp"), fin.total("fund"), 0, 0, fin.total("other"))
            rows = head + [("", "合    计") + tuple(m2(x) for x in tot)]
            acc = [0.0, 0.0, 0.0]
            for ui, (code, name, share) in enumerate(units):
                vals = [r2(fin.total("gp") * share[0]), r2(fin.total("fund") * share[1]),
                        r2(fin.total("other") * share[2])]
                if ui == len(units) - 1:  # the last unit takes the rounding
                    vals = [r2(fin.total("gp") - acc[0]), r2(fin.total("fund") - acc[1]),
                            r2(fin.total("other") - acc[2])]
                acc = [r2(a + v) for a, v in zip(acc, vals)]
                rows.append((code, name, m2(sum(vals)), m2(vals[0]), m2(vals[1]), m2(0), m2(0), m2(vals[2])))
            doc.add(ptable(rows, [W * 0.1, W * 0.24] + [W * 0.11] * 6, ["C", "L"] + ["R"] * 6, size - 0.5))
        elif w == "zhichu":
            table_head(doc, title, left=left)
            head = [("科目编码", "科目名称", "合计", "基本支出", "项目支出")]
            doc.add(ptable(head + rows_func(fin), [W * 0.14, W * 0.38, W * 0.16, W * 0.16, W * 0.16],
                           ["L", "L", "R", "R", "R"], size))
        elif w == "czbk":
            table_head(doc, title, left=left)
            gp, fd = fin.total("gp"), fin.total("fund")
            inc = [("一、本年收入", m2(gp + fd)), ("（一）一般公共预算", m2(gp)), ("（二）政府性基金预算", m2(fd)),
                   ("（三）国有资本经营预算", m2(0)), ("二、上年结转", m2(0))]
            gp_cls = {c: t for c, _n, t in fin.class_totals("gp")}
            fd_cls = {c: t for c, _n, t in fin.class_totals("fund")}
            names = {c: n for c, n, _t in fin.class_totals()}
            exp = []
            for c in sorted(set(gp_cls) | set(fd_cls)):
                a, b = gp_cls.get(c, 0.0), fd_cls.get(c, 0.0)
                exp.append((names[c], m2(a + b), m2(a), m2(b)))
            rows = [("收    入", None, "支    出", None, None, None),
                    ("项    目", "预算数", "项    目", "合计", "一般公共预算", "政府性基金预算")]
            for i in range(max(len(inc), len(exp))):
                a = inc[i] if i < len(inc) else ("", "")
                b = exp[i] if i < len(exp) else ("", "", "", "")
                rows.append(a + b)
            rows.append(("收 入 总 计", m2(gp + fd), "支 出 总 计", m2(gp + fd), m2(gp), m2(fd)))
            doc.add(ptable(rows, [W * 0.22, W * 0.13, W * 0.23, W * 0.14, W * 0.14, W * 0.14],
                           ["L", "R", "L", "R", "R", "R"], size - 0.5,
                           spans=[((0, 0), (1, 0)), ((2, 0), (5, 0))], header_rows=2))
        elif w == "gp":
            table_head(doc, title, left=left)
            head = [("功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出")]
            doc.add(ptable(head + rows_func(fin, "gp"), [W * 0.16, W * 0.36, W * 0.16, W * 0.16, W * 0.16],
                           ["L", "L", "R", "R", "R"], size))
        elif w == "jiben":
            table_head(doc, title, left=left)
            rows = rows_econ(fin)
            half = (len(rows) + 1) // 2
            a, b = rows[:half], rows[half:]
            merged = [("经济分类科目编码", "科目名称", "金额", "经济分类科目编码", "科目名称", "金额")]
            for i in range(half):
                y = b[i] if i < len(b) else ("", "", "")
                merged.append(a[i] + y)
            doc.add(ptable(merged, [W * 0.13, W * 0.24, W * 0.13] * 2, ["L", "L", "R"] * 2, size - 0.5))
        elif w == "sangong":
            table_head(doc, title, left=left)
            doc.add(ptable(rows_sangong(fin, prev_sangong), [W * 0.36, W * 0.16, W * 0.16, W * 0.16, W * 0.16],
                           ["L", "R", "R", "R", "R"], size))
        elif w == "fund":
            table_head(doc, title, left=left)
            head = [("功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出")]
            if fin.total("fund"):
                doc.add(ptable(head + rows_func(fin, "fund"), [W * 0.16, W * 0.36, W * 0.16, W * 0.16, W * 0.16],
                               ["L", "L", "R", "R", "R"], size))
            else:
                doc.add(ptable(head + [("", "合    计", "", "", "")], [W * 0.16, W * 0.36, W * 0.16, W * 0.16, W * 0.16],
                               ["L", "L", "R", "R", "R"], size))
            if fund_note:
                doc.add(Spacer(1, 6))
                doc.para(fund_note, S_NOTEL)


def pdf_overall_target(doc: Doc, dept, year, fin: Fin, duty, goal, rows, size=9, widths=(64, 84, 200, 135)):
    W = sum(widths)
    doc.para(f"{year}年部门整体支出绩效目标表", S_TTITLE)
    t = Table([[Paragraph(f"填报单位（盖章）：{dept}", S_NOTEL), Paragraph("金额单位：万元", S_NOTER)]],
              colWidths=[W * 0.65, W * 0.35])
    t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    doc.add(t)
    data = [
        ["部门名称", (dept, "L"), None, None],
        ["年度预算申请\n（万元）", "资金总额", (p2(fin.total()), "C"), None],
        [None, "按收入性质分", (f"一般公共预算：{p2(fin.total('gp'))}\n政府性基金预算：{p2(fin.total('fund'))}\n"
                               f"其他资金：{p2(fin.total('other'))}", "L"), None],
        [None, "按支出性质分", (f"基本支出：{p2(fin.total(None, 'basic'))}\n项目支出：{p2(fin.total(None, 'project'))}", "L"), None],
        ["部门职责", (duty, "L"), None, None],
        ["年度绩效目标", (goal, "L"), None, None],
        ["一级指标", "二级指标", "三级指标", "指标值"],
    ]
    spans = [((1, 0), (3, 0)), ((0, 1), (0, 3)), ((2, 1), (3, 1)), ((2, 2), (3, 2)), ((2, 3), (3, 3)),
             ((1, 4), (3, 4)), ((1, 5), (3, 5))]
    first = len(data)
    for r in blank_merged(rows):
        data.append([r[0], r[1], (r[2], "L"), (r[3], "C")])
    spans += level_spans(rows, first)
    doc.add(ptable(data, list(widths), aligns=["C", "C", "L", "C"], size=size, spans=spans, header_rows=0,
                   repeat=False))


def build_pm01(path):
    fin = PM01_FIN
    year = 2024
    dept = PM01_DEPT
    doc = Doc(path, f"{dept}{year}年部门预算", "开化县农业农村局计划财务科",
              "make_probe_documents.py (reportlab platypus)")
    # cover
    doc.add(Spacer(1, 180))
    doc.para(dept, S_COVER)
    doc.para(f"{year}年部门预算", S_COVER)
    doc.add(Spacer(1, 260))
    doc.para("二〇二四年二月", S_COVER2)
    # 目录
    doc.page()
    doc.para("目    录", S_H0)
    toc = [
        ("第一部分　开化县农业农村局概况", 0), ("一、部门主要职能", 1), ("二、部门机构设置", 1),
        ("第二部分  2024年部门预算表", 0),
        ("一、部门收支总表", 1), ("二、部门收入总表", 1), ("三、部门支出总表", 1), ("四、财政拨款收支总表", 1),
        ("五、一般公共预算支出表", 1), ("六、一般公共预算基本支出表", 1), ("七、一般公共预算“三公”经费支出表", 1),
        ("八、政府性基金预算支出表", 1),
        ("第三部分　2024年部门预算情况说明", 0),
        ("第四部分  名词解释", 0),
        ("附件：1.2024年项目支出绩效目标表（3个）", 0), ("2.2024年部门整体支出绩效目标表", 1),
    ]
    for text, lv in toc:
        doc.para(text, S_TOC2 if lv else S_TOC)
    # 第一部分
    doc.page()
    doc.para("第一部分　开化县农业农村局概况", S_H1)
    doc.para("一、部门主要职能", S_H2)
    doc.paras([
        "开化县农业农村局是县政府工作部门，为正科级。主要职责是：统筹研究和组织实施“三农”工作的中长期规划和重大政策；"
        "统筹推动发展农村社会事业、农村公共服务、农村文化、农村基础设施和乡村治理；拟订深化农村经济体制改革和巩固完善农村基本经营制度的政策，"
        "负责农民承包地、农村宅基地改革和管理有关工作；指导乡村特色产业、农产品加工业、休闲农业发展工作；",
        "负责种植业、畜牧业、渔业、农垦、农业机械化等农业各产业的监督管理；负责农产品质量安全监督管理；"
        "组织农业资源区划工作，指导农用地、渔业水域以及农业生物物种资源的保护与管理；负责农业防灾减灾、农作物重大病虫害防治工作；"
        "负责农田建设项目管理，组织开展高标准农田和粮食生产功能区建设；负责农业投资管理，编制县级财政支农资金安排建议方案；"
        "完成县委、县政府交办的其他任务。",
    ])
    doc.para("二、部门机构设置", S_H2)
    doc.paras([
        "开化县农业农村局内设办公室、计划财务科、乡村产业发展科、农村合作经济指导科、农田建设管理科、种植业管理科（农业机械化管理科）、"
        "畜牧兽医科、农产品质量安全监管科、政策法规科（行政审批科）9个职能科室。",
        "纳入2024年部门预算编制范围的单位共4家，其中行政单位1家、事业单位3家，分别是：开化县农业农村局（本级）、开化县农业技术推广中心、"
        "开化县茶叶产业发展中心、开化县农村经营管理服务中心。2024年末编制人数132人，其中行政编制28人、事业编制104人；在职实有人数126人；"
        "离退休人员87人。",
    ])
    # 第二部分
    units = [("415001", "开化县农业农村局（本级）", (0.46, 1.0, 0.0)),
             ("415002", "开化县农业技术推广中心", (0.27, 0.0, 1.0)),
             ("415003", "开化县茶叶产业发展中心", (0.12, 0.0, 0.0)),
             ("415004", "开化县农村经营管理服务中心", (0.15, 0.0, 0.0))]
    pdf_budget_tables(doc, fin, dept, year, PM01_SANGONG_PREV,
                      ["表一  部门收支总表", "表二  部门收入总表", "表三  部门支出总表", "表四  财政拨款收支总表",
                       "表五  一般公共预算支出表", "表六  一般公共预算基本支出表",
                       "表七  一般公共预算“三公”经费支出表", "表八  政府性基金预算支出表"],
                      units=units, nobreak=("shouru", "fund"), part_title="第二部分　2024年部门预算表")
    # 第三部分
    tot, gp, fd, ot = fin.total(), fin.total("gp"), fin.total("fund"), fin.total("other")
    basic, proj = fin.total(None, "basic"), fin.total(None, "project")
    sg, sgp = fin.sangong_total(), sum(PM01_SANGONG_PREV)
    doc.page()
    doc.para("第三部分　2024年部门预算情况说明", S_H1)
    doc.para("一、收支预算总体情况", S_H2)
    doc.paras([
        f"2024年部门收入预算{m2(tot)}万元，其中：一般公共预算拨款收入{m2(gp)}万元，占{gp / tot * 100:.2f}%；"
        f"政府性基金预算拨款收入{m2(fd)}万元，占{fd / tot * 100:.2f}%；单位资金收入{m2(ot)}万元，占{ot / tot * 100:.2f}%。"
        f"收入预算比上年增加412.36万元，增长{412.36 / (tot - 412.36) * 100:.2f}%，主要原因是粮食生产功能区提标改造和茶产业发展资金增加。",
        f"2024年部门支出预算{m2(tot)}万元，其中：基本支出{m2(basic)}万元，占{basic / tot * 100:.2f}%；"
        f"项目支出{m2(proj)}万元，占{proj / tot * 100:.2f}%。",
    ])
    doc.para("二、财政拨款收支预算情况", S_H2)
    doc.paras([
        f"2024年财政拨款收支预算{m2(gp + fd)}万元，其中一般公共预算{m2(gp)}万元、政府性基金预算{m2(fd)}万元。"
        "财政拨款支出主要用于农林水支出、社会保障和就业支出、卫生健康支出、住房保障支出及城乡社区支出。",
    ])
    doc.para("三、一般公共预算支出情况", S_H2)
    cls = {c: t for c, _n, t in fin.class_totals("gp")}
    doc.paras([
        f"2024年一般公共预算支出{m2(gp)}万元，其中：社会保障和就业支出（类）{m2(cls['208'])}万元，"
        f"卫生健康支出（类）{m2(cls['210'])}万元，农林水支出（类）{m2(cls['213'])}万元，住房保障支出（类）{m2(cls['221'])}万元。",
        "农林水支出（类）农业农村（款）农田建设（项）2130153预算650.00万元，主要用于粮食生产功能区提标改造；"
        "科技转化与推广服务（项）2130106预算420.00万元，主要用于开化龙顶茶产业提质增效；"
        "农村综合改革（款）对村集体经济组织的补助（项）2130706预算560.00万元，主要用于扶持村级集体经济发展。",
    ])
    doc.para("四、一般公共预算基本支出情况", S_H2)
    econ = {c: v for c, _n, v in fin.econ_rows()}
    doc.paras([
        f"2024年一般公共预算基本支出{m2(fin.total('gp', 'basic'))}万元，其中：人员经费{m2(econ['301'] + econ['303'])}万元，"
        "主要包括基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、住房公积金、退休费等；"
        f"公用经费{m2(econ['302'])}万元，主要包括办公费、水电费、邮电费、差旅费、维修（护）费、公务接待费、工会经费、公务用车运行维护费等。",
    ])
    doc.para("五、“三公”经费预算情况", S_H2)
    doc.paras([
        f"2024年一般公共预算“三公”经费预算{m2(sg)}万元，比上年预算减少{m2(sgp - sg)}万元，下降{(sgp - sg) / sgp * 100:.2f}%。"
        f"其中：因公出国（境）费0万元；公务用车购置费0万元；公务用车运行维护费{m2(fin.sangong[2])}万元，"
        f"比上年减少{m2(PM01_SANGONG_PREV[2] - fin.sangong[2])}万元，主要是车辆保险及维修费用压减；"
        f"公务接待费{m2(fin.sangong[3])}万元，比上年减少{m2(PM01_SANGONG_PREV[3] - fin.sangong[3])}万元。",
    ])
    doc.para("六、政府性基金预算支出情况", S_H2)
    doc.paras([
        f"2024年政府性基金预算支出{m2(fd)}万元，全部为国有土地使用权出让收入安排的农村基础设施建设支出，"
        "主要用于农村道路、农村水利等农业农村基础设施建设。",
    ])
    doc.para("七、其他重要事项的情况说明", S_H2)
    doc.paras([
        "（一）机关运行经费。2024年部门机关运行经费预算86.42万元，比上年减少3.18万元，下降3.55%。",
        "（二）政府采购情况。2024年部门政府采购预算总额326.50万元，其中：货物类86.50万元、工程类180.00万元、服务类60.00万元。",
        "（三）国有资产占用情况。截至2023年12月31日，本部门共有车辆6辆，其中：执法执勤用车2辆、特种专业技术用车4辆；"
        "单位价值50万元以上的通用设备0台（套）。",
        "（四）预算绩效管理情况。2024年部门所有项目均实行绩效目标管理，共编制项目支出绩效目标16个，"
        "其中一般公共预算项目支出绩效目标随部门预算公开3个，涉及资金1660.00万元，详见附件。部门整体支出绩效目标一并公开。",
    ])
    # 第四部分
    doc.add(Spacer(1, 12))
    doc.para("第四部分　名词解释", S_H1)
    doc.paras([
        "1.一般公共预算拨款收入：指县财政当年拨付的一般公共预算资金。",
        "2.政府性基金预算拨款收入：指县财政当年拨付的政府性基金预算资金。",
        "3.基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费支出。",
        "4.项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
        "5.“三公”经费：指纳入县财政预决算管理的“三公”经费，是指用一般公共预算财政拨款安排的因公出国（境）费、"
        "公务用车购置及运行维护费和公务接待费。",
        "6.机关运行经费：为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。",
    ])
    # 附件
    for i, p in enumerate(PM01_PROJECTS):
        doc.page()
        doc.mark(f"target{i + 1}")
        pdf_target(doc, p, year, att=f"附件1-{i + 1}")
    doc.page()
    doc.mark("overall")
    doc.para("附件2", S_ATT)
    pdf_overall_target(
        doc, dept, year, fin,
        duty=("贯彻落实党中央、省委、市委和县委关于“三农”工作的方针政策和决策部署，统筹研究和组织实施全县“三农”工作；"
              "负责种植业、畜牧业、渔业、农业机械化等农业各产业的监督管理；负责农产品质量安全监督管理；负责农田建设项目管理；"
              "推进农村集体产权制度改革，指导农村集体经济发展。"),
        goal=("全年粮食播种面积稳定在16.5万亩以上，完成粮食生产功能区提标改造1.2万亩；农产品质量安全例行监测合格率98%以上；"
              "重大动物疫病免疫密度90%以上，不发生区域性重大动物疫情；扶持14个集体经济相对薄弱村发展，农村居民人均可支配收入增长7%以上。"),
        rows=PM01_OVERALL_ROWS)
    sign_line(doc, ("填报人：郑晓芳", "联系电话：0570-6012387", "填报日期：2024年1月25日"))
    log = doc.build()
    return log


# ==========================================================================
# pm_02  安徽 2023  泾县水利局 部门决算公开 (PDF) with 2 项目支出绩效自评表
# ==========================================================================

PM02_DEPT = "泾县水利局"

PM02_FIN = Fin([
    ("2080501", "行政单位离退休", 6.80, 0, "gp"),
    ("2080505", "机关事业单位基本养老保险缴费支出", 96.42, 0, "gp"),
    ("2080506", "机关事业单位职业年金缴费支出", 48.21, 0, "gp"),
    ("2101101", "行政单位医疗", 18.36, 0, "gp"),
    ("2101102", "事业单位医疗", 22.64, 0, "gp"),
    ("2130301", "行政运行", 312.58, 0, "gp"),
    ("2130304", "水利行业业务管理", 0, 36.20, "gp"),
    ("2130305", "水利工程建设", 0, 462.80, "gp"),
    ("2130306", "水利工程运行与维护", 0, 305.18, "gp"),
    ("2130310", "水土保持", 0, 58.60, "gp"),
    ("2130311", "水资源节约管理与保护", 0, 24.30, "gp"),
    ("2130314", "防汛", 0, 86.45, "gp"),
    ("2130316", "农村水利", 0, 139.62, "gp"),
    ("2130399", "其他水利支出", 0, 12.40, "other"),
    ("2136601", "基础设施建设和经济发展", 0, 85.00, "fund"),
    ("2210201", "住房公积金", 64.80, 0, "gp"),
], sangong=(0.0, 0.0, 8.62, 1.35))
PM02_SANGONG_BUDGET = (0.0, 0.0, 9.00, 2.00)

PM02_SELF = [
    {
        "name": "2023年小型水库维修养护项目",
        "dept": PM02_DEPT, "unit": "泾县水利工程管理服务中心", "filer": PM02_DEPT,
        "money": [("年度资金总额", 286.00, 312.40, 305.18, "10", "97.69%", "9.77"),
                  ("其中：当年财政拨款", 286.00, 312.40, 305.18, "—", "97.69%", "—"),
                  ("上年结转资金", 0.00, 0.00, 0.00, "—", "—", "—"),
                  ("其他资金", 0.00, 0.00, 0.00, "—", "—", "—")],
        "goal": ("完成全县42座小型水库日常维修养护，对6座小型水库开展大坝安全鉴定，完成白蚁防治35万平方米以上，"
                 "确保水库安全度汛，保护下游3.5万人生命财产安全。"),
        "done": ("完成42座小型水库维修养护和6座水库大坝安全鉴定，白蚁防治36.2万平方米，汛期未发生垮坝事故；"
                 "受汛期影响部分维修工程于11月下旬完工。"),
        "rows": [
            ("产出指标", "数量指标", "维修养护小型水库数量", "≥42座", "42座", "10", "10", ""),
            ("产出指标", "数量指标", "水库大坝安全鉴定", "=6座", "6座", "10", "10", ""),
            ("产出指标", "数量指标", "完成白蚁防治面积", "≥35万平方米", "36.2万平方米", "5", "5", ""),
            ("产出指标", "质量指标", "维修养护工程验收合格率", "100%", "100%", "10", "10", ""),
            ("产出指标", "时效指标", "维修养护工程完工时间", "2023年10月底前", "2023年11月20日", "5", "4",
             "受汛期影响部分工程延后开工，今后提前谋划、错峰施工"),
            ("产出指标", "成本指标", "单座水库年均维修养护成本", "≤**万元/座", "7.27万元/座", "10", "10", ""),
            ("效益指标", "社会效益指标", "水库安全度汛", "不发生垮坝事故", "未发生垮坝事故", "10", "10", ""),
            ("效益指标", "社会效益指标", "保护下游人口", "≥3.5万人", "3.6万人", "10", "10", ""),
            ("效益指标", "生态效益指标", "水库水质", "达到Ⅲ类及以上", "达到Ⅲ类", "5", "5", ""),
            ("效益指标", "可持续影响指标", "小型水库管护长效机制", "健全", "已建立县乡村三级管护体系", "5", "5", ""),
            ("满意度指标", "服务对象满意度指标", "库区及下游群众满意度", "≥90%", "95%", "10", "10", ""),
        ],
        "total": ("100", "98.77"),
    },
    {
        "name": "2023年农村饮水安全工程维修养护项目",
        "dept": PM02_DEPT, "unit": "泾县农村供水服务中心", "filer": PM02_DEPT,
        "money": [("年度资金总额", 145.00, 145.00, 139.62, "10", "96.29%", "9.63"),
                  ("其中：当年财政拨款", 145.00, 145.00, 139.62, "—", "96.29%", "—"),
                  ("上年结转资金", 0.00, 0.00, 0.00, "—", "—", "—"),
                  ("其他资金", 0.00, 0.00, 0.00, "—", "—", "—")],
        "goal": ("对全县28处以上农村集中供水工程开展维修养护，更换老化供水管网12公里以上，"
                 "农村集中供水工程水质达标率90%以上，农村自来水普及率达到92%以上，保障6.8万农村人口饮水安全。"),
        "done": ("维修养护农村集中供水工程29处，更换老化管网12.6公里，水质达标率93.5%，农村自来水普及率93.2%，"
                 "受益农村人口6.9万人。"),
        "rows": [
            ("产出指标", "数量指标", "维修养护农村集中供水工程", "≥28处", "29处", "15", "15", ""),
            ("产出指标", "数量指标", "更换老化供水管网", "≥12公里", "12.6公里", "10", "10", ""),
            ("产出指标", "质量指标", "农村集中供水工程水质达标率", "≥90%", "93.5%", "10", "10", ""),
            ("产出指标", "时效指标", "维修养护任务完成时间", "2023年12月底前", "2023年12月15日", "5", "5", ""),
            ("产出指标", "成本指标", "维修养护资金使用", "≤145万元", "139.62万元", "10", "10", ""),
            ("效益指标", "经济效益指标", "带动农户增收", "无关", "无关", "", "", ""),
            ("效益指标", "社会效益指标", "农村自来水普及率", "≥92%", "93.2%", "10", "10", ""),
            ("效益指标", "社会效益指标", "受益农村人口", "≥6.8万人", "6.9万人", "10", "10", ""),
            ("效益指标", "可持续影响指标", "供水工程长效运行", "持续稳定", "运行稳定", "10", "10", ""),
            ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "96%", "10", "10", ""),
        ],
        "total": ("100", "99.63"),
    },
]


def pdf_self_eval(doc: Doc, p, year, att, size=8):
    widths = [50, 60, 104, 62, 66, 30, 30, 81]
    W = sum(widths)
    doc.para(att, S_ATT)
    doc.para("项目支出绩效自评表", S_TTITLE)
    doc.para(f"（{year}年度）", S_TSUB)
    t = Table([[Paragraph(f"填报单位（盖章）：{p['filer']}", S_NOTEL), Paragraph("金额单位：万元", S_NOTER)]],
              colWidths=[W * 0.65, W * 0.35])
    t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    doc.add(t)
    data = [
        ["项目名称", (p["name"], "L"), None, None, None, None, None, None],
        ["主管部门", (p["dept"], "L"), None, None, "实施单位", (p["unit"], "L"), None, None],
        ["项目资金\n（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ]
    for label, a, b, c, sc, rate, got in p["money"]:
        data.append([None, label, p2(a), p2(b), p2(c), sc, rate, got])
    data.append(["年度总体目标", "预期目标", None, None, "实际完成情况", None, None, None])
    data.append([None, (p["goal"], "L"), None, None, (p["done"], "L"), None, None, None])
    spans = [((1, 0), (7, 0)), ((1, 1), (3, 1)), ((5, 1), (7, 1)), ((0, 2), (0, 6)),
             ((0, 7), (0, 8)), ((1, 7), (3, 7)), ((4, 7), (7, 7)), ((1, 8), (3, 8)), ((4, 8), (7, 8))]
    data.append(["绩效指标", None, None, None, None, None, None, None])
    spans.append(((0, 9), (7, 9)))
    data.append(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
    first = len(data)
    for r in blank_merged(p["rows"]):
        data.append([r[0], r[1], (r[2], "L"), r[3], r[4], r[5], r[6], (r[7], "L")])
    spans += level_spans(p["rows"], first)
    n = len(data)
    data.append(["总分", None, None, None, None, p["total"][0], p["total"][1], ""])
    spans.append(((0, n), (4, n)))
    doc.add(ptable(data, widths, aligns=["C"] * 8, size=size, spans=spans, header_rows=0, repeat=False))
    doc.add(Spacer(1, 5))
    sign_line(doc, ("填报人：汪伟", "联系电话：0563-5021476", "填报日期：2024年3月12日"))


def rows_final_zong(fin: Fin):
    """收入支出决算总表 (公开01表): 项目 | 行次 | 金额 | 项目 | 行次 | 金额."""
    tot = fin.total()
    inc = [("一、一般公共预算财政拨款收入", fin.total("gp")), ("二、政府性基金预算财政拨款收入", fin.total("fund")),
           ("三、国有资本经营预算财政拨款收入", 0.0), ("四、上级补助收入", 0.0), ("五、事业收入", 0.0),
           ("六、经营收入", 0.0), ("七、附属单位上缴收入", 0.0), ("八、其他收入", fin.total("other"))]
    cn = "一二三四五六七八九十"
    exp = [(f"{cn[i]}、{n}", t) for i, (_c, n, t) in enumerate(fin.class_totals())]
    rows = [("收入", None, None, "支出", None, None), ("项目", "行次", "金额", "项目", "行次", "金额")]
    for i in range(max(len(inc), len(exp))):
        a = inc[i] if i < len(inc) else ("", None)
        b = exp[i] if i < len(exp) else ("", None)
        rows.append((a[0], str(i + 1) if a[0] else "", m2(a[1]) if a[1] is not None else "",
                     b[0], str(i + 33) if b[0] else "", m2(b[1]) if b[1] is not None else ""))
    rows.append(("本年收入合计", "10", m2(tot), "本年支出合计", "60", m2(tot)))
    rows.append(("使用非财政拨款结余", "11", m2(0), "结余分配", "61", m2(0)))
    rows.append(("年初结转和结余", "12", m2(0), "年末结转和结余", "62", m2(0)))
    rows.append(("总计", "13", m2(tot), "总计", "63", m2(tot)))
    return rows


def pdf_final_tables(doc: Doc, fin: Fin, dept, year, budget_sangong, size=8.5):
    W = A4[0] - 112
    left = f"编制单位：{dept}"
    titles = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
              "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表",
              "一般公共预算财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表",
              "国有资本经营预算财政拨款支出决算表"]

    def head(k):
        doc.para(titles[k], S_TTITLE)
        t = Table([[Paragraph(left, S_NOTEL), Paragraph(f"公开0{k + 1}表", S_TSUB),
                    Paragraph("金额单位：万元", S_NOTER)]], colWidths=[W * 0.45, W * 0.2, W * 0.35])
        t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        doc.add(t)

    doc.page()
    doc.para(f"第二部分　{year}年度部门决算表", S_H1)
    head(0)
    doc.add(ptable(rows_final_zong(fin), [W * 0.3, W * 0.06, W * 0.14, W * 0.3, W * 0.06, W * 0.14],
                   ["L", "C", "R", "L", "C", "R"], size, spans=[((0, 0), (2, 0)), ((3, 0), (5, 0))],
                   header_rows=2))
    # 收入决算表
    doc.page()
    head(1)
    rows = [("科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入",
             "附属单位上缴收入", "其他收入")]
    rows.append(("", "合计", m2(fin.total()), m2(fin.total("gp") + fin.total("fund")), m2(0), m2(0), m2(0), m2(0),
                 m2(fin.total("other"))))
    fr_all = fin.func_rows()
    oth = {c: t for c, _n, t, _b, _p in fin.func_rows("other")}
    for c, n, t, _b, _p in fr_all:
        o = oth.get(c, 0.0)
        rows.append((c, n, m2(t), m2(t - o), "", "", "", "", m2(o) if o else ""))
    doc.add(ptable(rows, [W * 0.1, W * 0.24, W * 0.1, W * 0.1, W * 0.08, W * 0.08, W * 0.08, W * 0.1, W * 0.12],
                   ["L", "L"] + ["R"] * 7, size - 1))
    # 支出决算表
    doc.page()
    head(2)
    rows = [("科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
             "对附属单位补助支出")]
    rows.append(("", "合计", m2(fin.total()), m2(fin.total(None, "basic")), m2(fin.total(None, "project")),
                 m2(0), m2(0), m2(0)))
    for c, n, t, b, p in fr_all:
        rows.append((c, n, m2(t), m2(b) if b else "", m2(p) if p else "", "", "", ""))
    doc.add(ptable(rows, [W * 0.1, W * 0.26, W * 0.12, W * 0.11, W * 0.11, W * 0.1, W * 0.08, W * 0.12],
                   ["L", "L"] + ["R"] * 6, size - 1))
    # 财政拨款收入支出决算总表
    doc.page()
    head(3)
    gp, fd = fin.total("gp"), fin.total("fund")
    inc = [("一、一般公共预算财政拨款", m2(gp)), ("二、政府性基金预算财政拨款", m2(fd)),
           ("三、国有资本经营预算财政拨款", m2(0))]
    gp_cls = {c: t for c, _n, t in fin.class_totals("gp")}
    fd_cls = {c: t for c, _n, t in fin.class_totals("fund")}
    names = {c: n for c, n, _t in fin.class_totals()}
    exp = [(names[c], m2(gp_cls.get(c, 0) + fd_cls.get(c, 0)), m2(gp_cls.get(c, 0)), m2(fd_cls.get(c, 0)))
           for c in sorted(set(gp_cls) | set(fd_cls))]
    rows = [("收入", None, "支出", None, None, None),
            ("项目", "金额", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款")]
    for i in range(max(len(inc), len(exp))):
        a = inc[i] if i < len(inc) else ("", "")
        b = exp[i] if i < len(exp) else ("", "", "", "")
        rows.append(a + b)
    rows.append(("本年收入合计", m2(gp + fd), "本年支出合计", m2(gp + fd), m2(gp), m2(fd)))
    rows.append(("年初财政拨款结转和结余", m2(0), "年末财政拨款结转和结余", m2(0), m2(0), m2(0)))
    rows.append(("总计", m2(gp + fd), "总计", m2(gp + fd), m2(gp), m2(fd)))
    doc.add(ptable(rows, [W * 0.22, W * 0.12, W * 0.22, W * 0.14, W * 0.15, W * 0.15],
                   ["L", "R", "L", "R", "R", "R"], size - 0.5, spans=[((0, 0), (1, 0)), ((2, 0), (5, 0))],
                   header_rows=2))
    # 一般公共预算财政拨款支出决算表
    doc.page()
    head(4)
    rows = [("科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出")] + rows_func(fin, "gp")
    doc.add(ptable(rows, [W * 0.14, W * 0.38, W * 0.16, W * 0.16, W * 0.16], ["L", "L", "R", "R", "R"], size))
    # 基本支出决算表: 人员经费 | 公用经费
    doc.page()
    head(5)
    econ = fin.econ_rows()
    staff = [r for r in econ if r[0].startswith(("301", "303"))]
    pub = [r for r in econ if r[0].startswith("302")]
    rows = [("人员经费", None, None, "公用经费", None, None),
            ("科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数")]
    for i in range(max(len(staff), len(pub))):
        a = staff[i] if i < len(staff) else ("", "", "")
        b = pub[i] if i < len(pub) else ("", "", "")
        rows.append((a[0], a[1], m2(a[2]) if a[0] else "", b[0], b[1], m2(b[2]) if b[0] else ""))
    st_tot = r2(sum(v for c, _n, v in staff if len(c) == 3))
    pb_tot = r2(sum(v for c, _n, v in pub if len(c) == 3))
    rows.append(("人员经费合计", None, m2(st_tot), "公用经费合计", None, m2(pb_tot)))
    n = len(rows) - 1
    doc.add(ptable(rows, [W * 0.1, W * 0.27, W * 0.13, W * 0.1, W * 0.27, W * 0.13], ["L", "L", "R"] * 2,
                   size - 0.5, spans=[((0, 0), (2, 0)), ((3, 0), (5, 0)), ((0, n), (1, n)), ((3, n), (4, n))],
                   header_rows=2))
    # 三公
    doc.page()
    head(6)
    bcg, bgz, byx, bjd = budget_sangong
    cg, gz, yx, jd = fin.sangong
    rows = [("项目", "预算数", "决算数", "决算数比预算数增减（%）")]
    for label, a, b in (("合计", sum(budget_sangong), fin.sangong_total()), ("1.因公出国（境）费", bcg, cg),
                        ("2.公务用车购置及运行维护费", bgz + byx, gz + yx), ("  （1）公务用车购置费", bgz, gz),
                        ("  （2）公务用车运行维护费", byx, yx), ("3.公务接待费", bjd, jd)):
        rows.append((label, m2(a), m2(b), f"{(b - a) / a * 100:.2f}" if a else "—"))
    doc.add(ptable(rows, [W * 0.4, W * 0.2, W * 0.2, W * 0.2], ["L", "R", "R", "R"], size))
    doc.add(Spacer(1, 6))
    doc.para("注：2023年度本部门无因公出国（境）费和公务用车购置费支出。", S_NOTEL)
    # 政府性基金
    doc.page()
    head(7)
    rows = [("科目编码", "科目名称", "年初结转和结余", "本年收入", "本年支出合计", "基本支出", "项目支出",
             "年末结转和结余")]
    rows.append(("", "合计", m2(0), m2(fd), m2(fd), m2(0), m2(fd), m2(0)))
    for c, n, t, _b, p in fin.func_rows("fund"):
        rows.append((c, n, "", m2(t), m2(t), "", m2(p), ""))
    doc.add(ptable(rows, [W * 0.11, W * 0.27, W * 0.1, W * 0.1, W * 0.11, W * 0.1, W * 0.1, W * 0.11],
                   ["L", "L"] + ["R"] * 6, size - 1))
    # 国有资本
    doc.add(Spacer(1, 26))
    head(8)
    rows = [("科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"), ("", "合计", "", "", "")]
    doc.add(ptable(rows, [W * 0.14, W * 0.38, W * 0.16, W * 0.16, W * 0.16], ["L", "L", "R", "R", "R"], size))
    doc.add(Spacer(1, 6))
    doc.para(f"注：本部门{year}年度无国有资本经营预算财政拨款收入，也没有使用国有资本经营预算财政拨款安排的支出，故本表为空表。",
             S_NOTEL)


def build_pm02(path):
    fin = PM02_FIN
    year = 2023
    dept = PM02_DEPT
    doc = Doc(path, f"{dept}{year}年度部门决算", "泾县水利局", "make_probe_documents.py (reportlab platypus)",
              footer="第 {n} 页")
    doc.add(Spacer(1, 200))
    doc.para(f"{dept}{year}年度部门决算", S_COVER)
    doc.add(Spacer(1, 240))
    doc.para("二〇二四年九月", S_COVER2)
    doc.page()
    doc.para("目　　录", S_H0)
    for text, lv in [("第一部分　部门概况", 0), ("一、部门职责", 1), ("二、部门决算单位构成", 1),
                     ("第二部分　2023年度部门决算表", 0), ("一、收入支出决算总表", 1), ("二、收入决算表", 1),
                     ("三、支出决算表", 1), ("四、财政拨款收入支出决算总表", 1),
                     ("五、一般公共预算财政拨款支出决算表", 1), ("六、一般公共预算财政拨款基本支出决算表", 1),
                     ("七、一般公共预算财政拨款“三公”经费支出决算表", 1), ("八、政府性基金预算财政拨款收入支出决算表", 1),
                     ("九、国有资本经营预算财政拨款支出决算表", 1),
                     ("第三部分　2023年度部门决算情况说明", 0), ("第四部分　名词解释", 0),
                     ("第五部分　附件", 0), ("附件1　2023年小型水库维修养护项目支出绩效自评表", 1),
                     ("附件2　2023年农村饮水安全工程维修养护项目支出绩效自评表", 1)]:
        doc.para(text, S_TOC2 if lv else S_TOC)
    doc.page()
    doc.para("第一部分　部门概况", S_H1)
    doc.para("一、部门职责", S_H2)
    doc.paras([
        "泾县水利局是县政府工作部门，主要职责是：负责保障全县水资源的合理开发利用；负责生活、生产经营和生态环境用水的统筹和保障；"
        "按规定制定水利工程建设有关制度并组织实施；指导水资源保护工作；负责节约用水工作；指导水利设施、水域及其岸线的管理、保护与综合利用；"
        "指导监督水利工程建设与运行管理；负责水土保持工作；指导农村水利工作，组织开展农村饮水安全工程建设与管理；"
        "负责水旱灾害防御工作，承担县防汛抗旱指挥部的日常工作。",
    ])
    doc.para("二、部门决算单位构成", S_H2)
    doc.paras([
        "从决算单位构成看，纳入本部门2023年度部门决算编制范围的单位共3家，包括：泾县水利局（本级）、泾县水利工程管理服务中心、"
        "泾县农村供水服务中心。",
    ])
    pdf_final_tables(doc, fin, dept, year, PM02_SANGONG_BUDGET)
    tot, gp, fd, ot = fin.total(), fin.total("gp"), fin.total("fund"), fin.total("other")
    basic, proj = fin.total(None, "basic"), fin.total(None, "project")
    doc.page()
    doc.para("第三部分　2023年度部门决算情况说明", S_H1)
    doc.para("一、收入支出决算总体情况说明", S_H2)
    doc.paras([f"2023年度收入、支出决算总计{m2(tot)}万元。与上年相比，收、支总计各减少86.27万元，下降{86.27 / (tot + 86.27) * 100:.2f}%，"
               "主要原因是水利工程建设项目资金减少。"])
    doc.para("二、收入决算情况说明", S_H2)
    doc.paras([f"本年收入合计{m2(tot)}万元，其中：一般公共预算财政拨款收入{m2(gp)}万元，占{gp / tot * 100:.2f}%；"
               f"政府性基金预算财政拨款收入{m2(fd)}万元，占{fd / tot * 100:.2f}%；其他收入{m2(ot)}万元，占{ot / tot * 100:.2f}%。"])
    doc.para("三、支出决算情况说明", S_H2)
    doc.paras([f"本年支出合计{m2(tot)}万元，其中：基本支出{m2(basic)}万元，占{basic / tot * 100:.2f}%；"
               f"项目支出{m2(proj)}万元，占{proj / tot * 100:.2f}%。"])
    doc.para("四、财政拨款收入支出决算总体情况说明", S_H2)
    doc.paras([f"2023年度财政拨款收入、支出决算总计{m2(gp + fd)}万元，与上年相比减少92.15万元。"])
    doc.para("五、一般公共预算财政拨款支出决算情况说明", S_H2)
    cls = {c: t for c, _n, t in fin.class_totals("gp")}
    doc.paras([
        f"2023年度一般公共预算财政拨款支出{m2(gp)}万元，占本年支出合计的{gp / tot * 100:.2f}%。从支出结构看，"
        f"社会保障和就业支出{m2(cls['208'])}万元，卫生健康支出{m2(cls['210'])}万元，农林水支出{m2(cls['213'])}万元，"
        f"住房保障支出{m2(cls['221'])}万元。",
        "其中：水利工程运行与维护（项）2130306年初预算为286.00万元，支出决算为305.18万元，完成年初预算的106.71%，"
        "决算数大于年初预算数的主要原因是年中追加小型水库除险加固维修资金；农村水利（项）2130316年初预算为145.00万元，"
        "支出决算为139.62万元，完成年初预算的96.29%。",
    ])
    doc.para("六、一般公共预算财政拨款基本支出决算情况说明", S_H2)
    econ = {c: v for c, _n, v in fin.econ_rows()}
    doc.paras([f"2023年度一般公共预算财政拨款基本支出{m2(fin.total('gp', 'basic'))}万元，其中：人员经费"
               f"{m2(econ['301'] + econ['303'])}万元；公用经费{m2(econ['302'])}万元。"])
    doc.para("七、一般公共预算财政拨款“三公”经费支出决算情况说明", S_H2)
    doc.paras([f"2023年度“三公”经费财政拨款支出决算为{m2(fin.sangong_total())}万元，完成预算的"
               f"{fin.sangong_total() / sum(PM02_SANGONG_BUDGET) * 100:.2f}%。其中：公务用车运行维护费{m2(fin.sangong[2])}万元，"
               f"主要用于防汛巡查等工作所需公务用车的燃料费、维修费、过路过桥费、保险费等支出；公务接待费{m2(fin.sangong[3])}万元，"
               "共接待国内来访团组6批次、42人次。"])
    doc.para("八、政府性基金预算财政拨款支出决算情况说明", S_H2)
    doc.paras([f"2023年度政府性基金预算财政拨款支出{m2(fd)}万元，用于大中型水库库区基础设施建设和经济发展。"])
    doc.para("九、其他重要事项的情况说明", S_H2)
    doc.paras([
        "（一）机关运行经费支出情况。2023年度本部门机关运行经费支出42.36万元，比上年决算减少2.14万元，下降4.81%。",
        "（二）政府采购支出情况。2023年度本部门政府采购支出总额512.60万元，其中：政府采购货物支出18.40万元、"
        "政府采购工程支出462.80万元、政府采购服务支出31.40万元。",
        "（三）国有资产占用情况。截至2023年12月31日，本部门共有车辆4辆，其中：应急保障用车2辆、其他用车2辆。",
        "（四）预算绩效管理情况。根据预算绩效管理要求，本部门组织对2023年度一般公共预算项目支出全面开展绩效自评，"
        "共涉及项目8个，资金1113.15万元，占一般公共预算项目支出总额的100%。从评价情况来看，项目均较好完成了年度绩效目标。"
        "其中，小型水库维修养护项目自评得分98.77分，农村饮水安全工程维修养护项目自评得分99.63分，自评表详见附件。",
    ])
    doc.add(Spacer(1, 10))
    doc.para("第四部分　名词解释", S_H1)
    doc.paras([
        "1.财政拨款收入：指本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款和政府性基金预算财政拨款。",
        "2.其他收入：指单位取得的除上述收入以外的各项收入。",
        "3.基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
        "4.项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
        "5.“三公”经费：指部门用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
    ])
    doc.page()
    doc.para("第五部分　附件", S_H1)
    for i, p in enumerate(PM02_SELF):
        if i:
            doc.page()
        doc.mark(f"self{i + 1}")
        pdf_self_eval(doc, p, year, f"附件{i + 1}")
    return doc.build()


# ==========================================================================
# docx budget tables and target tables
# ==========================================================================

def docx_table_title(doc, title, left, right="单位：万元"):
    dpara(doc, title, size=14, bold=True, align="center", font="黑体")
    p = dpara(doc, f"{left}", size=10.5)
    r = p.add_run("\t\t\t\t\t" + right)
    r.font.size = Pt(10.5)
    _east_asian(r, "仿宋_GB2312")


def docx_budget_tables(doc, fin: Fin, dept, year, which, titles, size=9, units=None):
    left = f"部门名称：{dept}"
    for k, w in enumerate(which):
        docx_table_title(doc, titles[k], left)
        if w == "shouzhi":
            rows = rows_shouzhi_zong(fin, year)
            dtable(doc, rows, (4.6, 3.0, 4.6, 3.0), "LRLR", header_rows=2, size=size,
                   spans=[((0, 0), (0, 1)), ((0, 2), (0, 3))])
        elif w == "shouru":
            rows = [("科目编码", "科目名称", "合计", "一般公共预算", "政府性基金预算", "单位资金")]
            rows.append(("", "合计", m2(fin.total()), m2(fin.total("gp")), m2(fin.total("fund")), m2(fin.total("other"))))
            gp = {c: t for c, _n, t, _b, _p in fin.func_rows("gp")}
            fd = {c: t for c, _n, t, _b, _p in fin.func_rows("fund")}
            ot = {c: t for c, _n, t, _b, _p in fin.func_rows("other")}
            for c, n, t, _b, _p in fin.func_rows():
                if len(c) == 7:
                    rows.append((c, n, m2(t), m2(gp.get(c, 0)) if c in gp else "", m2(fd[c]) if c in fd else "",
                                 m2(ot[c]) if c in ot else ""))
            dtable(doc, rows, (2.0, 4.8, 2.4, 2.4, 2.2, 2.2), "LLRRRR", size=size)
        elif w == "zhichu":
            rows = [("科目编码", "科目名称", "合计", "基本支出", "项目支出")] + rows_func(fin)
            dtable(doc, rows, (2.2, 6.0, 2.6, 2.6, 2.6), "LLRRR", size=size)
        elif w == "czbk":
            gp, fd = fin.total("gp"), fin.total("fund")
            inc = [("一、本年收入", m2(gp + fd)), ("（一）一般公共预算", m2(gp)), ("（二）政府性基金预算", m2(fd)),
                   ("二、上年结转", m2(0))]
            exp = [(n, m2(t)) for _c, n, t in fin.class_totals("gp")]
            rows = [("收入", None, "支出", None), ("项目", "预算数", "项目", "预算数")]
            for i in range(max(len(inc), len(exp))):
                rows.append((inc[i] if i < len(inc) else ("", "")) + (exp[i] if i < len(exp) else ("", "")))
            rows.append(("收入总计", m2(gp + fd), "支出总计", m2(gp + fd)))
            dtable(doc, rows, (4.6, 3.0, 4.6, 3.0), "LRLR", header_rows=2, size=size,
                   spans=[((0, 0), (0, 1)), ((0, 2), (0, 3))])
        elif w == "gp":
            rows = [("功能科目编码", "功能科目名称", "合计", "基本支出", "项目支出")] + rows_func(fin, "gp")
            dtable(doc, rows, (2.4, 5.8, 2.6, 2.6, 2.6), "LLRRR", size=size)
        elif w == "jiben":
            rows = [("经济科目编码", "经济科目名称", "金额")] + rows_econ(fin)
            dtable(doc, rows, (3.0, 8.0, 4.0), "LLR", size=size)
        dpara(doc, "")


def docx_target_op(doc, p, size=9.5):
    """Word target table: facts, then 一级 · 二级 · 三级 · 指标性质 · 指标值 · 度量单位 with vMerge."""
    rows = p["rows"]
    n = 7 + len(rows)
    t = doc.add_table(rows=n, cols=6)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    dspan(t, 0, 0, 0, 1, "项目名称", bold=True)
    dspan(t, 0, 2, 0, 5, p["name"], align="left")
    dspan(t, 1, 0, 1, 1, "主管部门", bold=True)
    dspan(t, 1, 2, 1, 2, p["dept"], align="left")
    dcell(t.cell(1, 3), "实施单位", bold=True)
    dspan(t, 1, 4, 1, 5, p["unit"], align="left")
    dspan(t, 2, 0, 4, 1, "项目资金\n（万元）", bold=True)
    for i, (label, v) in enumerate(zip(("年度资金总额", "其中：财政拨款", "其他资金"), p["money"])):
        dspan(t, 2 + i, 2, 2 + i, 3, label)
        dspan(t, 2 + i, 4, 2 + i, 5, p2(v))
    dspan(t, 5, 0, 5, 1, "年度绩效目标", bold=True)
    dspan(t, 5, 2, 5, 5, p["goal"], align="left")
    for c, h in enumerate(("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位")):
        dcell(t.cell(6, c), h, bold=True)
    first = 7
    for i, r in enumerate(rows):
        for c in range(2, 6):
            dcell(t.cell(first + i, c), r[c], align="left" if c == 2 else "center", size=size)
    for m in range(2):
        keys = [tuple(r[:m + 1]) for r in rows]
        for s, k in runs(keys):
            dspan(t, first + s, m, first + s + k - 1, m, rows[s][m], size=size)
    dwidths(t, (2.0, 2.7, 5.0, 1.7, 3.0, 2.0))
    return t


def docx_target_4col(doc, p, widths=(2.2, 3.0, 5.6, 3.6, 1.6), size=9.5, last="分值"):
    """Word target table: facts, then 一级 · 二级 · 三级 · 指标值 · 分值 with vMerge."""
    rows = p["rows"]
    n = 8 + len(rows) + 1
    t = doc.add_table(rows=n, cols=5)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    dspan(t, 0, 0, 0, 1, "项目名称", bold=True)
    dspan(t, 0, 2, 0, 4, p["name"], align="left")
    dspan(t, 1, 0, 1, 1, "主管部门", bold=True)
    dspan(t, 1, 2, 1, 4, p["dept"], align="left")
    dspan(t, 2, 0, 2, 1, "实施单位", bold=True)
    dspan(t, 2, 2, 2, 4, p["unit"], align="left")
    dspan(t, 3, 0, 5, 0, "项目资金\n（万元）", bold=True)
    for i, (label, v) in enumerate(zip(("年度资金总额", "其中：财政拨款", "其他资金"), p["money"])):
        dcell(t.cell(3 + i, 1), label)
        dspan(t, 3 + i, 2, 3 + i, 4, p2(v))
    dspan(t, 6, 0, 6, 1, "年度绩效目标", bold=True)
    dspan(t, 6, 2, 6, 4, p["goal"], align="left")
    for c, h in enumerate(("一级指标", "二级指标", "三级指标", "指标值", last)):
        dcell(t.cell(7, c), h, bold=True)
    first = 8
    for i, r in enumerate(rows):
        for c in range(2, 5):
            dcell(t.cell(first + i, c), r[c], align="left" if c == 2 else "center", size=size)
    for m in range(2):
        keys = [tuple(r[:m + 1]) for r in rows]
        for s, k in runs(keys):
            dspan(t, first + s, m, first + s + k - 1, m, rows[s][m], size=size)
    last_row = first + len(rows)
    dspan(t, last_row, 0, last_row, 3, "合计")
    dcell(t.cell(last_row, 4), str(sum(int(r[4]) for r in rows if r[4])))
    dwidths(t, widths)
    return t


# ==========================================================================
# pm_03  福建 2025  南平市建阳区卫生健康局 部门预算公开 (docx)
# ==========================================================================

PM03_DEPT = "南平市建阳区卫生健康局"

PM03_FIN = Fin([
    ("2080501", "行政单位离退休", 8.60, 0, "gp"),
    ("2080502", "事业单位离退休", 36.40, 0, "gp"),
    ("2080505", "机关事业单位基本养老保险缴费支出", 212.30, 0, "gp"),
    ("2080506", "机关事业单位职业年金缴费支出", 106.15, 0, "gp"),
    ("2100101", "行政运行", 486.20, 0, "gp"),
    ("2100302", "乡镇卫生院", 0, 500.00, "gp"),
    ("2100302", "乡镇卫生院", 0, 80.00, "other"),
    ("2100401", "疾病预防控制机构", 624.80, 0, "gp"),
    ("2100408", "基本公共卫生服务", 0, 2386.40, "gp"),
    ("2100409", "重大公共卫生服务", 0, 312.00, "gp"),
    ("2100499", "其他公共卫生支出", 0, 86.50, "gp"),
    ("2100717", "计划生育服务", 0, 1126.80, "gp"),
    ("2101101", "行政单位医疗", 22.40, 0, "gp"),
    ("2101102", "事业单位医疗", 58.90, 0, "gp"),
    ("2210201", "住房公积金", 148.60, 0, "gp"),
], sangong=(0.0, 0.0, 6.80, 1.20))

PM03_PROJECTS = [
    {
        "name": "2025年基本公共卫生服务项目",
        "dept": PM03_DEPT, "unit": "建阳区各乡镇卫生院、社区卫生服务中心",
        "money": (2386.40, 2386.40, 0.00),
        "goal": ("按照人均94元标准落实基本公共卫生服务经费，为辖区常住居民免费提供建立居民健康档案、健康教育、预防接种、"
                 "0-6岁儿童和孕产妇健康管理、老年人健康管理、慢性病患者健康管理等服务，提高居民健康素养水平。"),
        "rows": [
            ("产出指标", "数量指标", "65岁及以上老年人城乡社区规范健康管理服务率", "≥", "62", "%"),
            ("产出指标", "数量指标", "高血压患者基层规范管理服务率", "≥", "64", "%"),
            ("产出指标", "数量指标", "2型糖尿病患者基层规范管理服务率", "≥", "64", "%"),
            ("产出指标", "数量指标", "0-6岁儿童健康管理率", "≥", "90", "%"),
            ("产出指标", "质量指标", "适龄儿童国家免疫规划疫苗接种率", "≥", "90", "%"),
            ("产出指标", "质量指标", "传染病和突发公共卫生事件报告率", "=", "100100", "%"),
            ("产出指标", "时效指标", "补助资金拨付时间", "定性", "2025年10月底前", ""),
            ("产出指标", "成本指标", "人均基本公共卫生服务经费补助标准", "=", "94", "元"),
            ("效益指标", "社会效益指标", "城乡居民公共卫生差距", "定性", "不断缩小", ""),
            ("效益指标", "社会效益指标", "居民健康素养水平", "≥", "30", "%"),
            ("效益指标", "可持续影响指标", "基本公共卫生服务水平", "定性", "不断提高", ""),
            ("满意度指标", "服务对象满意度指标", "城乡居民对基本公共卫生服务满意度", "≥", "85", "%"),
        ],
    },
    {
        "name": "2025年计划生育家庭奖励扶助和特别扶助项目",
        "dept": PM03_DEPT, "unit": PM03_DEPT,
        "money": (1126.80, 1126.80, 0.00),
        "goal": ("按时足额发放农村部分计划生育家庭奖励扶助金和计划生育家庭特别扶助金，扶助对象资格审核准确率100%，"
                 "资金足额发放率100%，保障计划生育家庭基本生活，完善计划生育利益导向机制。"),
        "rows": [
            ("产出指标", "数量指标", "农村部分计划生育家庭奖励扶助人数", "≥", "8600", "人"),
            ("产出指标", "数量指标", "计划生育家庭特别扶助人数", "≥", "1150", "人"),
            ("产出指标", "质量指标", "扶助对象资格审核准确率", "=", "100", "%"),
            ("产出指标", "质量指标", "扶助资金足额发放率", "=", "100", "%"),
            ("产出指标", "时效指标", "扶助资金发放时间", "定性", "2025年6月底前一次性发放到位", ""),
            ("产出指标", "成本指标", "奖励扶助金标准", "=", "960", "元/人·年"),
            ("产出指标", "成本指标", "特别扶助金标准", "≥", "590", "元/人·月"),
            ("效益指标", "社会效益指标", "计划生育家庭生活保障水平", "定性", "逐步提高", ""),
            ("效益指标", "可持续影响指标", "计划生育利益导向机制", "定性", "持续完善", ""),
            ("满意度指标", "服务对象满意度指标", "扶助对象满意度", "≥", "95", "%"),
        ],
    },
    {
        "name": "2025年基层医疗卫生机构设备更新项目",
        "dept": PM03_DEPT, "unit": "建阳区各乡镇卫生院",
        "money": (580.00, 500.00, 80.00),
        "goal": ("为12个乡镇卫生院更新购置DR、彩超、全自动生化分析仪等医疗设备38台（套）以上，设备验收合格率100%，"
                 "提升基层首诊能力，乡镇卫生院门急诊人次增长5%以上。"),
        "rows": [
            ("产出指标", "数量指标", "更新购置医疗设备", "≥", "38", "台（套）"),
            ("产出指标", "数量指标", "覆盖乡镇卫生院数量", "=", "12", "个"),
            ("产出指标", "质量指标", "设备验收合格率", "=", "100", "%"),
            ("产出指标", "时效指标", "设备采购完成时间", "定性", "2025年9月30日前", ""),
            ("产出指标", "成本指标", "设备采购总成本", "≤", "580", "万元"),
            ("效益指标", "社会效益指标", "乡镇卫生院门急诊人次增长率", "≥", "5", "%"),
            ("效益指标", "社会效益指标", "基层首诊能力", "定性", "明显提升", ""),
            ("效益指标", "可持续影响指标", "设备正常使用年限", "≥", "6", "年"),
            ("满意度指标", "服务对象满意度指标", "就诊群众满意度", "≥", "90", "%"),
        ],
    },
    {
        "name": "2025年爱国卫生和病媒生物防制工作经费",
        "dept": PM03_DEPT, "unit": "南平市建阳区爱国卫生服务中心",
        "money": (86.50, 86.50, 0.00),
        "goal": ("组织开展春秋季病媒生物集中消杀4次以上，巩固国家卫生城市创建成果，新创建省级卫生乡镇2个，"
                 "病媒生物密度控制在国家标准C级以内，城乡环境卫生面貌持续改善。"),
        "rows": [
            ("产出指标", "数量指标", "开展病媒生物集中消杀", "≥", "4", "次"),
            ("产出指标", "数量指标", "创建省级卫生乡镇", "≥", "2", "个"),
            ("产出指标", "质量指标", "病媒生物密度控制水平达标率", "≥", "**", "%"),
            ("产出指标", "时效指标", "春秋季灭鼠灭蚊活动完成时间", "定性", "2025年11月底前", ""),
            ("产出指标", "成本指标", "病媒生物防制药品采购成本", "≤", "32", "万元"),
            ("效益指标", "社会效益指标", "城乡环境卫生面貌", "定性", "持续改善", ""),
            ("效益指标", "可持续影响指标", "爱国卫生运动常态化机制", "定性", "健全", ""),
            ("满意度指标", "服务对象满意度指标", "城乡居民满意度", "≥", "90", "%"),
        ],
    },
]


def build_pm03(path):
    fin = PM03_FIN
    year = 2025
    dept = PM03_DEPT
    doc = new_doc()
    dpara(doc, "")
    dpara(doc, f"{dept}", size=22, bold=True, align="center", font="方正小标宋简体")
    dpara(doc, f"{year}年部门预算公开", size=22, bold=True, align="center", font="方正小标宋简体")
    dpara(doc, "二〇二五年二月", size=14, align="center")
    page_break(doc)
    dheading(doc, "目  录", 1)
    for line in ("第一部分　部门概况", "第二部分　2025年部门预算表", "第三部分　2025年部门预算情况说明",
                 "第四部分　2025年项目支出绩效目标表"):
        dpara(doc, line, size=14)
    page_break(doc)
    dheading(doc, "第一部分　部门概况", 1)
    dheading(doc, "一、主要职能", 2)
    for t in ("南平市建阳区卫生健康局是区政府工作部门。主要职责是：贯彻执行国民健康政策，拟订全区卫生健康事业发展规划并组织实施；"
              "协调推进深化医药卫生体制改革；制定并组织落实疾病预防控制规划、国家免疫规划以及严重危害人民健康公共卫生问题的干预措施；"
              "负责卫生应急工作；组织实施国家药物政策和国家基本药物制度；负责职责范围内的职业卫生、放射卫生、环境卫生、学校卫生、"
              "公共场所卫生、饮用水卫生等公共卫生的监督管理；负责计划生育管理和服务工作；指导全区爱国卫生工作。",):
        dpara(doc, t, indent=True)
    dheading(doc, "二、机构设置", 2)
    dpara(doc, "本部门预算由局机关本级和所属区疾病预防控制中心、区卫生健康综合监督执法大队、区爱国卫生服务中心、"
               "区妇幼保健院等8个预算单位组成。2025年末编制人数186人，在职实有人数174人。", indent=True)
    page_break(doc)
    dheading(doc, "第二部分　2025年部门预算表", 1)
    docx_budget_tables(doc, fin, dept, year, ("shouzhi", "shouru", "zhichu", "czbk", "gp", "jiben"),
                       ["表1　收支预算总表", "表2　收入预算表", "表3　支出预算表", "表4　财政拨款收支预算总表",
                        "表5　一般公共预算支出表", "表6　一般公共预算基本支出表"])
    page_break(doc)
    tot, gp, ot = fin.total(), fin.total("gp"), fin.total("other")
    basic, proj = fin.total(None, "basic"), fin.total(None, "project")
    dheading(doc, "第三部分　2025年部门预算情况说明", 1)
    dheading(doc, "一、收支预算总体情况", 2)
    dpara(doc, f"2025年本部门收入预算{m2(tot)}万元，其中一般公共预算拨款{m2(gp)}万元，单位资金{m2(ot)}万元。"
               f"支出预算{m2(tot)}万元，其中基本支出{m2(basic)}万元，占{basic / tot * 100:.2f}%；项目支出{m2(proj)}万元，"
               f"占{proj / tot * 100:.2f}%。", indent=True)
    dheading(doc, "二、一般公共预算“三公”经费预算情况", 2)
    dpara(doc, f"2025年“三公”经费预算{m2(fin.sangong_total())}万元，比上年预算减少0.60万元，其中：公务用车运行维护费"
               f"{m2(fin.sangong[2])}万元，公务接待费{m2(fin.sangong[3])}万元，因公出国（境）费和公务用车购置费均为0。", indent=True)
    dheading(doc, "三、绩效目标设置情况", 2)
    dpara(doc, "2025年本部门实行绩效目标管理的项目共15个，涉及一般公共预算资金4411.70万元。按照预算公开要求，"
               "现将基本公共卫生服务等4个重点项目的绩效目标表予以公开（见第四部分）。", indent=True)
    page_break(doc)
    dheading(doc, "第四部分　2025年项目支出绩效目标表", 1)
    for i, p in enumerate(PM03_PROJECTS):
        if i:
            page_break(doc)
        dpara(doc, f"附件4-{i + 1}：{p['name']}支出绩效目标表", size=14, bold=True, align="center", font="黑体")
        dpara(doc, f"填报单位：{dept}　　　　　　　　　　　　　　　单位：万元", size=10.5)
        docx_target_op(doc, p)
    save_document(doc, path, dt.datetime(2025, 2, 18, 10, 20, 0), "建阳区卫健局财务科",
                  f"{dept}{year}年部门预算公开")


# ==========================================================================
# pm_04  陕西 2024  城固县第二中学 单位预算 (docx), 2021 framework
# ==========================================================================

PM04_UNIT = "城固县第二中学"

PM04_FIN = Fin([
    ("2050203", "初中教育", 1865.40, 222.30, "gp"),
    ("2050299", "其他普通教育支出", 0, 138.60, "gp"),
    ("2050803", "培训支出", 0, 12.50, "gp"),
    ("2059999", "其他教育支出", 0, 24.80, "gp"),
    ("2080505", "机关事业单位基本养老保险缴费支出", 186.20, 0, "gp"),
    ("2080506", "机关事业单位职业年金缴费支出", 93.10, 0, "gp"),
    ("2101102", "事业单位医疗", 64.30, 0, "gp"),
    ("2210201", "住房公积金", 102.80, 0, "gp"),
], sangong=(0.0, 0.0, 0.0, 0.30))

PM04_PROJECT_LIST = [
    ("610722240000000031", "城乡义务教育学校公用经费（初中）", "其他运转类", "2050203", 186.30),
    ("610722240000000032", "农村义务教育学生营养改善计划", "特定目标类", "2050299", 138.60),
    ("610722240000000033", "校园安保及校舍零星维修", "其他运转类", "2050203", 36.00),
    ("610722240000000034", "家庭经济困难学生生活补助（初中）", "特定目标类", "2059999", 24.80),
    ("610722240000000035", "教师全员培训", "特定目标类", "2050803", 12.50),
]

PM04_PROJECTS = [
    {
        "name": "2024年城乡义务教育学校公用经费（初中）",
        "dept": "城固县教育局", "unit": PM04_UNIT,
        "money": (186.30, 186.30, 0.00),
        "goal": ("按照初中生均1050元/年标准保障学校公用经费，保障在校学生1780人、38个教学班正常教育教学活动，"
                 "公用经费使用合规，学校正常运转，义务教育巩固率达到99%以上。"),
        "rows": [
            ("产出指标", "数量指标", "保障在校学生人数", "≥1780人", "10"),
            ("产出指标", "数量指标", "保障教学班数量", "=38个", "10"),
            ("产出指标", "质量指标", "公用经费使用合规率", "100%", "10"),
            ("产出指标", "质量指标", "学校正常运转率", "100%", "10"),
            ("产出指标", "时效指标", "春季学期经费拨付时间", "2023年3月底前", "10"),
            ("成本指标", "经济成本指标", "生均公用经费标准", "≥1050元/生·年", "10"),
            ("成本指标", "社会成本指标", "项目实施对社会造成的负面影响", "无", "5"),
            ("效益指标", "社会效益指标", "义务教育巩固率", "≥99%", "10"),
            ("效益指标", "社会效益指标", "学生辍学人数", "=0人", "10"),
            ("效益指标", "可持续影响指标", "学校办学条件", "持续改善", "5"),
            ("满意度指标", "服务对象满意度指标", "学生及家长满意度", "≥90%", "10"),
        ],
    },
    {
        "name": "2024年农村义务教育学生营养改善计划",
        "dept": "城固县教育局", "unit": PM04_UNIT,
        "money": (138.60, 138.60, 0.00),
        "goal": ("按每生每天5元标准为1386名在校学生提供营养膳食补助，全年供餐200天以上，确保不发生食品安全事故，"
                 "营养膳食配餐达标率95%以上，持续改善学生营养健康状况。"),
        "rows": [
            ("产出指标", "数量指标", "受益学生人数", "≥1386人", "10"),
            ("产出指标", "数量指标", "供餐天数", "≥200天", "10"),
            ("产出指标", "质量指标", "食品安全事故发生次数", "=0次", "10"),
            ("产出指标", "质量指标", "营养膳食配餐达标率", "≥95%", "10"),
            ("产出指标", "时效指标", "膳食补助资金拨付及时率", "100%", "10"),
            ("成本指标", "经济成本指标", "膳食补助标准", "=5元/生·天", "10"),
            ("效益指标", "生态效益指标", "生态环境影响", "无关", ""),
            ("效益指标", "社会效益指标", "学生营养健康状况", "持续改善", "15"),
            ("效益指标", "可持续影响指标", "营养改善计划长效机制", "逐步完善", "10"),
            ("满意度指标", "服务对象满意度指标", "受益学生及家长满意度", "≥90%", "15"),
        ],
    },
]


def build_pm04(path):
    fin = PM04_FIN
    year = 2024
    unit = PM04_UNIT
    doc = new_doc()
    dpara(doc, f"{unit}{year}年单位预算", size=20, bold=True, align="center", font="方正小标宋简体")
    dheading(doc, "关于2024年单位预算的说明", 2)
    tot, basic, proj = fin.total(), fin.total(None, "basic"), fin.total(None, "project")
    for t in (
        "一、单位基本情况。城固县第二中学为城固县教育局所属公益一类事业单位，现有教学班38个，在校学生1780人，"
        "在职教职工146人，退休教职工62人。",
        f"二、收支预算情况。2024年单位收入预算{m2(tot)}万元，全部为一般公共预算拨款；支出预算{m2(tot)}万元，"
        f"其中基本支出{m2(basic)}万元，项目支出{m2(proj)}万元。“三公”经费预算{m2(fin.sangong_total())}万元，全部为公务接待费。",
        "三、项目支出及绩效目标。2024年安排项目5个，其中城乡义务教育学校公用经费和农村义务教育学生营养改善计划"
        "2个项目按照新版绩效指标体系（成本指标单列为一级指标）编制了绩效目标，随单位预算一并公开。",
    ):
        dpara(doc, t, indent=True)
    left = f"单位名称：{unit}"
    docx_table_title(doc, "表一　单位收支预算总表", left)
    dtable(doc, rows_shouzhi_zong(fin, year), (4.6, 3.0, 4.6, 3.0), "LRLR", header_rows=2, size=9,
           spans=[((0, 0), (0, 1)), ((0, 2), (0, 3))])
    dpara(doc, "")
    docx_table_title(doc, "表二　单位支出预算表（按功能分类科目）", left)
    dtable(doc, [("科目编码", "科目名称", "合计", "基本支出", "项目支出")] + rows_func(fin),
           (2.2, 6.0, 2.6, 2.6, 2.6), "LLRRR", size=9)
    dpara(doc, "")
    docx_table_title(doc, "表三　项目支出预算表", left)
    rows = [("项目编码", "项目名称", "项目类别", "功能科目", "预算金额", "其中：财政拨款")]
    rows.append(("", "合计", "", "", m2(proj), m2(proj)))
    for code, name, kind, func, amt in PM04_PROJECT_LIST:
        rows.append((code, name, kind, func, m2(amt), m2(amt)))
    dtable(doc, rows, (3.6, 5.0, 2.0, 1.8, 1.9, 1.9), "LLCCRR", size=9)
    for i, p in enumerate(PM04_PROJECTS):
        page_break(doc)
        dpara(doc, f"附件{i + 1}", size=12, bold=True, font="黑体")
        dpara(doc, "项目支出绩效目标表", size=18, align="center", font="方正小标宋简体")
        dpara(doc, f"（{year}年度）", size=12, align="center")
        dpara(doc, f"单位名称（盖章）：{unit}　　　　　　　　　　　　金额单位：万元", size=10.5)
        docx_target_4col(doc, p)
        dpara(doc, "单位负责人：李国庆　　　财务负责人：张　敏　　　填表人：何晓雯　　　联系电话：0916-7213658", size=10.5)
    save_document(doc, path, dt.datetime(2024, 2, 26, 16, 5, 0), "城固二中总务处", f"{unit}{year}年单位预算")


# ==========================================================================
# xlsx budget sheets
# ==========================================================================

def xsheet_table(wb, name, title, left, head_rows, rows, cols, widths, aligns, num_cols, spans=(),
                 unit="单位：万元"):
    ws = wb.create_sheet(name)
    last = cols[-1]
    xtitle(ws, 1, title, last)
    ws["A2"] = left
    ws["A2"].font = XF
    ws[f"{last}2"] = unit
    ws[f"{last}2"].font = XF
    ws[f"{last}2"].alignment = XR
    xtable(ws, 3, head_rows + rows, cols, aligns, header_rows=len(head_rows), num_cols=num_cols)
    for (r1, c1), (r2_, c2) in spans:
        ws.merge_cells(f"{cols[c1]}{3 + r1}:{cols[c2]}{3 + r2_}")
    xwidths(ws, dict(zip(cols, widths)))
    ws.freeze_panes = f"A{3 + len(head_rows)}"
    return ws


def xlsx_target(ws, top, p, year, filer, code=None, kind=None, cols="ABCDEFG", sign=None):
    """A target table in 7 columns: facts, then 一级 · 二级 · 三级 · 计算符号 · 指标值 · 计量单位 · 分值.
    Returns the next free row."""
    A, B, C, D, E, F, G = cols
    r = top
    xtitle(ws, r, "项目支出绩效目标表", G, size=16)
    r += 1
    ws.merge_cells(f"{A}{r}:{G}{r}")
    ws[f"{A}{r}"] = f"（{year}年度）"
    ws[f"{A}{r}"].font = XF
    ws[f"{A}{r}"].alignment = XC
    r += 1
    ws[f"{A}{r}"] = f"填报单位：{filer}"
    ws[f"{A}{r}"].font = XF
    ws[f"{G}{r}"] = "单位：万元"
    ws[f"{G}{r}"].font = XF
    ws[f"{G}{r}"].alignment = XR
    r += 1
    xmerge(ws, f"{A}{r}:{B}{r}", "项目名称", bold=True)
    xmerge(ws, f"{C}{r}:{G}{r}", p["name"], align=XL)
    r += 1
    xmerge(ws, f"{A}{r}:{B}{r}", "项目编码", bold=True)
    xmerge(ws, f"{C}{r}:{D}{r}", code, align=XL)
    xput(ws, f"{E}{r}", "项目类别", bold=True)
    xmerge(ws, f"{F}{r}:{G}{r}", kind, align=XL)
    r += 1
    xmerge(ws, f"{A}{r}:{B}{r}", "主管部门", bold=True)
    xmerge(ws, f"{C}{r}:{D}{r}", p["dept"], align=XL)
    xput(ws, f"{E}{r}", "实施单位", bold=True)
    xmerge(ws, f"{F}{r}:{G}{r}", p["unit"], align=XL)
    r += 1
    xmerge(ws, f"{A}{r}:{B}{r + 2}", "项目资金\n（万元）", bold=True)
    for i, (label, v) in enumerate(zip(("年度资金总额", "其中：财政拨款", "其他资金"), p["money"])):
        xmerge(ws, f"{C}{r + i}:{D}{r + i}", label)
        xmerge(ws, f"{E}{r + i}:{G}{r + i}", v, fmt=NUM)
    r += 3
    xmerge(ws, f"{A}{r}:{B}{r}", "年度绩效目标", bold=True)
    xmerge(ws, f"{C}{r}:{G}{r}", p["goal"], align=XL)
    ws.row_dimensions[r].height = 58
    r += 1
    for col, h in zip(cols, ("一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位", "分值")):
        xput(ws, f"{col}{r}", h, bold=True)
    r += 1
    first = r
    for row in p["rows"]:
        for col, v in zip((C, D, E, F, G), row[2:]):
            xput(ws, f"{col}{r}", v if v != "" else None, align=XL if col == C else XC)
        r += 1
    for m, col in enumerate((A, B)):
        keys = [tuple(x[:m + 1]) for x in p["rows"]]
        for s0, n in runs(keys):
            xmerge(ws, f"{col}{first + s0}:{col}{first + s0 + n - 1}", p["rows"][s0][m])
    if sign:
        r += 1
        ws[f"{A}{r}"] = sign
        ws[f"{A}{r}"].font = XF
        r += 1
    return r


# ==========================================================================
# pm_05  内蒙古 2025  翁牛特旗文化旅游体育局 budget-system export (xlsx)
# ==========================================================================

PM05_DEPT = "翁牛特旗文化旅游体育局"

PM05_FIN = Fin([
    ("2070101", "行政运行", 386.52, 0, "gp"),
    ("2070104", "图书馆", 186.40, 100.00, "gp"),
    ("2070104", "图书馆", 0, 20.00, "other"),
    ("2070107", "艺术表演团体", 268.40, 286.00, "gp"),
    ("2070109", "群众文化", 142.30, 133.60, "gp"),
    ("2070111", "文化创作与保护", 0, 60.00, "gp"),
    ("2070111", "文化创作与保护", 0, 8.00, "other"),
    ("2070112", "文化和旅游市场管理", 0, 35.00, "gp"),
    ("2070113", "旅游宣传", 0, 150.00, "gp"),
    ("2070199", "其他文化和旅游支出", 0, 180.00, "gp"),
    ("2070204", "文物保护", 0, 42.00, "gp"),
    ("2070307", "体育场馆", 0, 60.00, "gp"),
    ("2070899", "其他广播电视支出", 0, 52.40, "gp"),
    ("2080505", "机关事业单位基本养老保险缴费支出", 142.60, 0, "gp"),
    ("2080506", "机关事业单位职业年金缴费支出", 71.30, 0, "gp"),
    ("2101101", "行政单位医疗", 18.20, 0, "gp"),
    ("2101102", "事业单位医疗", 46.80, 0, "gp"),
    ("2210201", "住房公积金", 86.50, 0, "gp"),
    ("2296003", "用于体育事业的彩票公益金支出", 0, 95.00, "fund"),
], sangong=(0.0, 0.0, 9.60, 3.20))
PM05_SANGONG_PREV = (0.0, 0.0, 10.80, 3.50)

# 项目支出表: (项目编码, 项目名称, 项目类别, 功能科目, 科目名称, 一般公共预算, 政府性基金, 其他资金, 实施单位)
PM05_PROJECT_LIST = [
    ("150426250000000101", "乌兰牧骑演出及创作经费", "特定目标类", "2070107", "艺术表演团体", 286.00, 0, 0, "翁牛特旗乌兰牧骑"),
    ("150426250000000102", "全域旅游品牌宣传推广经费", "特定目标类", "2070113", "旅游宣传", 150.00, 0, 0, "翁牛特旗文化旅游体育局"),
    ("150426250000000103", "非物质文化遗产保护传承经费", "特定目标类", "2070111", "文化创作与保护", 60.00, 0, 8.00, "翁牛特旗文化馆"),
    ("150426250000000104", "全民健身赛事活动经费", "特定目标类", "2296003", "用于体育事业的彩票公益金支出", 0, 95.00, 0, "翁牛特旗文化旅游体育局"),
    ("150426250000000105", "文物安全巡查及保护经费", "其他运转类", "2070204", "文物保护", 42.00, 0, 0, "翁牛特旗文物保护中心"),
    ("150426250000000106", "旗图书馆数字化建设项目", "特定目标类", "2070104", "图书馆", 100.00, 0, 20.00, "翁牛特旗图书馆"),
    ("150426250000000107", "文化市场综合执法经费", "其他运转类", "2070112", "文化和旅游市场管理", 35.00, 0, 0, "翁牛特旗文化市场综合执法大队"),
    ("150426250000000108", "公共文化场馆物业及运维费", "其他运转类", "2070109", "群众文化", 88.60, 0, 0, "翁牛特旗文化馆"),
    ("150426250000000109", "体育场馆免费低收费开放补助", "特定目标类", "2070307", "体育场馆", 60.00, 0, 0, "翁牛特旗文化旅游体育局"),
    ("150426250000000110", "嘎查村文化室设备购置", "特定目标类", "2070109", "群众文化", 45.00, 0, 0, "翁牛特旗文化馆"),
    ("150426250000000111", "那达慕大会承办经费", "特定目标类", "2070199", "其他文化和旅游支出", 180.00, 0, 0, "翁牛特旗文化旅游体育局"),
    ("150426250000000112", "广播电视公共服务运维经费", "其他运转类", "2070899", "其他广播电视支出", 52.40, 0, 0, "翁牛特旗文化旅游体育局"),
]


def _pm05_project(k, goal, rows):
    code, name, kind, _f, _fn, gp, fd, ot, unit = PM05_PROJECT_LIST[k]
    return {"code": code, "name": f"2025年{name}", "kind": kind, "dept": PM05_DEPT, "unit": unit,
            "money": (r2(gp + fd + ot), r2(gp + fd), ot), "goal": goal, "rows": rows}


PM05_PROJECTS = [
    _pm05_project(0, "组织乌兰牧骑深入苏木乡镇、嘎查村和社区开展演出120场以上，创作编排新节目8个以上，开展流动文化服务40次以上，"
                     "惠及农牧民群众10万人次以上，推动民族文化传承发展。", [
        ("产出指标", "数量指标", "乌兰牧骑下基层演出场次", "≥", 120, "场", 10),
        ("产出指标", "数量指标", "创作编排新节目", "≥", 8, "个", 10),
        ("产出指标", "数量指标", "开展流动文化服务次数", "≥", 40, "次", 5),
        ("产出指标", "质量指标", "演出节目审查合格率", "=", 100, "%", 10),
        ("产出指标", "时效指标", "年度演出任务完成时间", "定性", "2025年12月底前", "", 5),
        ("产出指标", "成本指标", "单场演出平均成本", "≤", 1.2, "万元", 10),
        ("效益指标", "社会效益指标", "惠及农牧民群众人次", "≥", 10, "万人次", 10),
        ("效益指标", "社会效益指标", "乌兰牧骑队员下基层服务天数", "≥", 150, "天", 10),
        ("效益指标", "可持续影响指标", "民族文化传承发展", "定性", "持续推进", "", 10),
        ("满意度指标", "服务对象满意度指标", "基层群众满意度", "≥", 90, "%", 10),
    ]),
    _pm05_project(1, "参加区内外旅游推介会6场以上，制作旅游宣传片及短视频20条以上，新媒体平台宣传推送300条以上，"
                     "全旗旅游接待人次增长8%以上，提升“翁牛特”旅游品牌知名度。", [
        ("产出指标", "数量指标", "参加区内外旅游推介会", "≥", 6, "场", 10),
        ("产出指标", "数量指标", "制作旅游宣传片及短视频", "≥", 20, "条", 10),
        ("产出指标", "数量指标", "新媒体平台宣传推送", "≥", 300, "条", 10),
        ("产出指标", "质量指标", "宣传内容审核通过率", "=", 100, "%", 10),
        ("产出指标", "时效指标", "宣传推广活动完成时间", "定性", "2025年11月底前", "", 10),
        ("产出指标", "成本指标", "单场推介会平均费用", "≤", "**", "万元", 10),
        ("效益指标", "经济效益指标", "全旗旅游接待人次增长率", "≥", 8, "%", 10),
        ("效益指标", "社会效益指标", "“翁牛特”旅游品牌知名度", "定性", "明显提升", "", 10),
        ("满意度指标", "服务对象满意度指标", "游客满意度", "≥", 90, "%", 10),
    ]),
    _pm05_project(2, "开展非遗展演展示活动10场以上，扶持旗级以上非遗代表性传承人24人，完成5个非遗项目数字化记录，营造浓厚的非遗保护传承氛围。", [
        ("产出指标", "数量指标", "开展非遗展演展示活动", "≥", 10, "场", 10),
        ("产出指标", "数量指标", "扶持非遗代表性传承人", "=", 24, "人", 10),
        ("产出指标", "数量指标", "非遗项目数字化记录", "≥", 5, "项", 10),
        ("产出指标", "质量指标", "非遗保护项目验收合格率", "=", 100, "%", 10),
        ("产出指标", "时效指标", "传承人补助发放时间", "定性", "2025年12月底前", "", 10),
        ("产出指标", "成本指标", "旗级传承人年度补助标准", "=", 3000, "元/人", 10),
        ("效益指标", "社会效益指标", "非遗保护传承氛围", "定性", "日益浓厚", "", 20),
        ("满意度指标", "服务对象满意度指标", "传承人满意度", "≥", 95, "%", 10),
    ]),
    _pm05_project(3, "举办旗级全民健身赛事活动15场次以上，参赛群众6000人次以上，培训社会体育指导员200人，"
                     "经常参加体育锻炼人数比例达到38.5%以上。", [
        ("产出指标", "数量指标", "举办旗级全民健身赛事活动", "≥", 15, "场次", 10),
        ("产出指标", "数量指标", "参赛群众人数", "≥", 6000, "人次", 10),
        ("产出指标", "数量指标", "培训社会体育指导员", "≥", 200, "人", 5),
        ("产出指标", "质量指标", "赛事活动安全事故发生次数", "=", 0, "次", 10),
        ("产出指标", "质量指标", "赛事组织规范率", "=", 100100, "%", 5),
        ("产出指标", "时效指标", "年度赛事活动完成时间", "定性", "2025年11月底前", "", 5),
        ("产出指标", "成本指标", "单场赛事平均成本", "≤", 6.3, "万元", 5),
        ("效益指标", "社会效益指标", "经常参加体育锻炼人数比例", "≥", 38.5, "%", 15),
        ("效益指标", "可持续影响指标", "全民健身公共服务体系", "定性", "持续完善", "", 15),
        ("满意度指标", "服务对象满意度指标", "参赛群众满意度", "≥", 90, "%", 10),
    ]),
    _pm05_project(4, "聘用文物安全巡查员18人，对全旗136处不可移动文物点开展日常巡查，文物安全隐患整改率100%，不发生文物安全责任事故。", [
        ("产出指标", "数量指标", "巡查不可移动文物点", "≥", 136, "处", 15),
        ("产出指标", "数量指标", "聘用文物安全巡查员", "=", 18, "人", 10),
        ("产出指标", "质量指标", "文物安全隐患整改率", "=", 100, "%", 10),
        ("产出指标", "时效指标", "巡查员补助发放及时率", "=", 100, "%", 10),
        ("产出指标", "成本指标", "巡查员年度补助标准", "=", 12000, "元/人", 10),
        ("效益指标", "社会效益指标", "文物安全责任事故发生次数", "=", 0, "次", 20),
        ("效益指标", "可持续影响指标", "文物安全长效管理机制", "定性", "健全", "", 5),
        ("满意度指标", "服务对象满意度指标", "周边群众满意度", "≥", 90, "%", 10),
    ]),
    _pm05_project(5, "新增数字资源12TB，建设城市书房及流通点4个，完成古籍及地方文献数字化800册，图书馆年服务读者15万人次以上。", [
        ("产出指标", "数量指标", "新增数字资源", "≥", 12, "TB", 10),
        ("产出指标", "数量指标", "建设城市书房及流通点", "≥", 4, "个", 10),
        ("产出指标", "数量指标", "古籍及地方文献数字化", "≥", 800, "册", 10),
        ("产出指标", "质量指标", "系统验收合格率", "=", 100, "%", 10),
        ("产出指标", "时效指标", "项目完工时间", "定性", "2025年10月31日前", "", 10),
        ("产出指标", "成本指标", "项目建设总成本", "≤", 120, "万元", 10),
        ("效益指标", "社会效益指标", "图书馆年服务读者人次", "≥", 15, "万人次", 15),
        ("效益指标", "可持续影响指标", "数字图书馆服务能力", "定性", "显著提升", "", 5),
        ("满意度指标", "服务对象满意度指标", "读者满意度", "≥", 92, "%", 10),
    ]),
]

PM05_OVERALL_ROWS = [
    ("产出指标", "数量指标", "保障在职人员", "=", 86, "人", 10),
    ("产出指标", "数量指标", "组织开展群众文化活动", "≥", 200, "场次", 10),
    ("产出指标", "数量指标", "公共文化场馆免费开放", "=", 5, "个", 5),
    ("产出指标", "质量指标", "文物安全事故发生次数", "=", 0, "次", 10),
    ("产出指标", "质量指标", "旅游安全生产事故发生次数", "=", 0, "次", 5),
    ("产出指标", "时效指标", "预算执行率", "≥", 95, "%", 5),
    ("产出指标", "成本指标", "“三公”经费控制", "≤", 12.8, "万元", 5),
    ("效益指标", "经济效益指标", "旅游综合收入增长率", "≥", 10, "%", 10),
    ("效益指标", "社会效益指标", "公共文化服务覆盖率", "≥", 98, "%", 10),
    ("效益指标", "可持续影响指标", "文旅体融合发展水平", "定性", "持续提升", "", 10),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", 90, "%", 10),
]


def build_pm05(path):
    fin = PM05_FIN
    year = 2025
    dept = PM05_DEPT
    left = f"部门名称：{dept}"
    wb = Workbook()
    ws = wb.active
    ws.title = "封面"
    xwidths(ws, {"A": 14, "B": 40, "C": 14})
    ws.merge_cells("A6:C6")
    ws["A6"] = f"{dept}"
    ws["A6"].font = Font(name="宋体", size=22, bold=True)
    ws["A6"].alignment = XC
    ws.merge_cells("A8:C8")
    ws["A8"] = f"{year}年部门预算"
    ws["A8"].font = Font(name="宋体", size=22, bold=True)
    ws["A8"].alignment = XC
    for i, (k, v) in enumerate((("部门编码：", "415"), ("部门负责人：", "包斯琴"), ("财务负责人：", "王海燕"),
                                ("填 表 人：", "刘 欣"), ("联系电话：", "0476-6321187"), ("报送日期：", "2025年1月20日"))):
        ws[f"A{14 + i}"] = k
        ws[f"A{14 + i}"].font = XF
        ws[f"A{14 + i}"].alignment = XR
        ws[f"B{14 + i}"] = v
        ws[f"B{14 + i}"].font = XF
    ws[f"A{22}"] = "（预算管理一体化系统导出）"
    ws[f"A{22}"].font = Font(name="宋体", size=9, color="808080")
    # budget sheets
    xsheet_table(wb, "部门收支总表", "部门收支总表", left,
                 [("收    入", None, "支    出", None), ("项    目", f"{year}年预算数", "项    目", f"{year}年预算数")],
                 rows_shouzhi_zong(fin, year)[2:], "ABCD", (34, 16, 34, 16), "LRLR", (1, 3),
                 spans=[((0, 0), (0, 1)), ((0, 2), (0, 3))])
    units = [("415001", "翁牛特旗文化旅游体育局（本级）", (0.42, 1.0, 0.0)),
             ("415002", "翁牛特旗乌兰牧骑", (0.24, 0.0, 0.0)),
             ("415003", "翁牛特旗图书馆", (0.12, 0.0, 0.714)),
             ("415004", "翁牛特旗文化馆", (0.14, 0.0, 0.286)),
             ("415005", "翁牛特旗文物保护中心", (0.05, 0.0, 0.0)),
             ("415006", "翁牛特旗文化市场综合执法大队", (0.03, 0.0, 0.0))]
    rows = [("", "合计", m2(fin.total()), m2(fin.total("gp")), m2(fin.total("fund")), m2(0), m2(fin.total("other")))]
    acc = [0.0, 0.0, 0.0]
    for ui, (code, name, sh) in enumerate(units):
        v = [r2(fin.total("gp") * sh[0]), r2(fin.total("fund") * sh[1]), r2(fin.total("other") * sh[2])]
        if ui == len(units) - 1:
            v = [r2(fin.total("gp") - acc[0]), r2(fin.total("fund") - acc[1]), r2(fin.total("other") - acc[2])]
        acc = [r2(a + b) for a, b in zip(acc, v)]
        rows.append((code, name, m2(sum(v)), m2(v[0]), m2(v[1]), m2(0), m2(v[2])))
    xsheet_table(wb, "部门收入总表", "部门收入总表", left,
                 [("单位编码", "单位名称", "合计", "一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款", "单位资金")],
                 rows, "ABCDEFG", (10, 30, 13, 14, 14, 14, 12), "CLRRRRR", (2, 3, 4, 5, 6))
    xsheet_table(wb, "部门支出总表", "部门支出总表", left, [("科目编码", "科目名称", "合计", "基本支出", "项目支出")],
                 rows_func(fin), "ABCDE", (12, 36, 14, 14, 14), "LLRRR", (2, 3, 4))
    gp, fd = fin.total("gp"), fin.total("fund")
    inc = [("一、一般公共预算拨款", m2(gp)), ("二、政府性基金预算拨款", m2(fd)), ("三、国有资本经营预算拨款", m2(0))]
    gp_cls = {c: t for c, _n, t in fin.class_totals("gp")}
    fd_cls = {c: t for c, _n, t in fin.class_totals("fund")}
    names = {c: n for c, n, _t in fin.class_totals()}
    exp = [(names[c], m2(gp_cls.get(c, 0) + fd_cls.get(c, 0)), m2(gp_cls.get(c, 0)), m2(fd_cls.get(c, 0)))
           for c in sorted(set(gp_cls) | set(fd_cls))]
    rows = []
    for i in range(max(len(inc), len(exp))):
        rows.append((inc[i] if i < len(inc) else ("", "")) + (exp[i] if i < len(exp) else ("", "", "", "")))
    rows.append(("收入总计", m2(gp + fd), "支出总计", m2(gp + fd), m2(gp), m2(fd)))
    xsheet_table(wb, "财政拨款收支总表", "财政拨款收支总表", left,
                 [("收    入", None, "支    出", None, None, None),
                  ("项    目", "预算数", "项    目", "合计", "一般公共预算", "政府性基金预算")],
                 rows, "ABCDEF", (26, 14, 26, 14, 14, 14), "LRLRRR", (1, 3, 4, 5),
                 spans=[((0, 0), (0, 1)), ((0, 2), (0, 5))])
    xsheet_table(wb, "一般公共预算支出表", "一般公共预算支出表", left,
                 [("功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出")],
                 rows_func(fin, "gp"), "ABCDE", (16, 36, 14, 14, 14), "LLRRR", (2, 3, 4))
    xsheet_table(wb, "基本支出表", "一般公共预算基本支出表", left, [("经济分类科目编码", "科目名称", "金额")],
                 rows_econ(fin), "ABC", (16, 36, 16), "LLR", (2,))
    xsheet_table(wb, "三公经费", "一般公共预算“三公”经费支出表", left, rows_sangong(fin, PM05_SANGONG_PREV)[:1],
                 rows_sangong(fin, PM05_SANGONG_PREV)[1:], "ABCDE", (34, 14, 14, 14, 12), "LRRRR", (1, 2, 3))
    rows = [("", "", "合计", "", "", m2(sum(x[5] + x[6] + x[7] for x in PM05_PROJECT_LIST)),
             m2(sum(x[5] for x in PM05_PROJECT_LIST)), m2(sum(x[6] for x in PM05_PROJECT_LIST)),
             m2(sum(x[7] for x in PM05_PROJECT_LIST)))]
    for code, name, kind, func, fname, a, b, c, unit in PM05_PROJECT_LIST:
        rows.append((unit, code, name, kind, f"{func} {fname}", m2(a + b + c), m2(a), m2(b), m2(c)))
    xsheet_table(wb, "项目支出表", "项目支出表", left,
                 [("单位名称", "项目编码", "项目名称", "项目类别", "功能分类科目", "合计", "一般公共预算", "政府性基金预算", "其他资金")],
                 rows, "ABCDEFGHI", (26, 21, 30, 11, 30, 12, 13, 13, 11), "LLLCLRRRR", (5, 6, 7, 8))
    # target sheets, one project each
    for k, p in enumerate(PM05_PROJECTS):
        ws = wb.create_sheet(f"项目支出绩效目标表({k + 1})")
        xwidths(ws, {"A": 11, "B": 15, "C": 30, "D": 9, "E": 16, "F": 10, "G": 8})
        xlsx_target(ws, 1, p, year, dept, code=p["code"], kind=p["kind"],
                    sign="填报人：刘欣    联系电话：0476-6321187    审核人：王海燕")
        ws.print_title_rows = "1:3"
    # 部门整体
    ws = wb.create_sheet("部门整体绩效目标表")
    xwidths(ws, {"A": 11, "B": 15, "C": 30, "D": 9, "E": 16, "F": 10, "G": 8})
    xtitle(ws, 1, "部门整体支出绩效目标表", "G")
    ws.merge_cells("A2:G2")
    ws["A2"] = f"（{year}年度）"
    ws["A2"].alignment = XC
    ws["A2"].font = XF
    ws["G3"] = "单位：万元"
    ws["G3"].font = XF
    xmerge(ws, "A4:B4", "部门名称", bold=True)
    xmerge(ws, "C4:G4", dept, align=XL)
    xmerge(ws, "A5:B9", "年度预算\n（万元）", bold=True)
    for i, (label, v) in enumerate((("资金总额", fin.total()), ("其中：一般公共预算", fin.total("gp")),
                                    ("政府性基金预算", fin.total("fund")), ("其他资金", fin.total("other")),
                                    ("其中：基本支出 / 项目支出", f"{p2(fin.total(None, 'basic'))} / {p2(fin.total(None, 'project'))}"))):
        xmerge(ws, f"C{5 + i}:D{5 + i}", label)
        xmerge(ws, f"E{5 + i}:G{5 + i}", v, fmt=NUM if not isinstance(v, str) else None)
    xmerge(ws, "A10:B10", "部门职责", bold=True)
    xmerge(ws, "C10:G10", "贯彻执行文化、旅游、体育、广播电视和文物工作的方针政策；统筹规划全旗文化事业、文化产业、旅游业和体育事业发展；"
                          "负责公共文化服务体系建设和非物质文化遗产保护；负责文物保护和全民健身工作；指导、监督文化和旅游市场综合执法。", align=XL)
    ws.row_dimensions[10].height = 62
    xmerge(ws, "A11:B13", "年度主要任务", bold=True)
    xput(ws, "C11", "任务名称", bold=True)
    xmerge(ws, "D11:F11", "主要内容", bold=True)
    xput(ws, "G11", "预算金额", bold=True)
    for i, (a, b, c) in enumerate((("公共文化服务", "乌兰牧骑演出、群众文化活动、场馆免费开放", 419.60),
                                   ("旅游和体育", "旅游宣传推广、全民健身赛事、那达慕大会", 485.00))):
        xput(ws, f"C{12 + i}", a, align=XL)
        xmerge(ws, f"D{12 + i}:F{12 + i}", b, align=XL)
        xput(ws, f"G{12 + i}", c, fmt=NUM)
    xmerge(ws, "A14:B14", "年度绩效目标", bold=True)
    xmerge(ws, "C14:G14", "全年组织群众文化活动200场次以上，保障5个公共文化场馆免费开放，不发生文物安全和旅游安全生产事故，"
                          "旅游综合收入增长10%以上，群众满意度达到90%以上。", align=XL)
    ws.row_dimensions[14].height = 46
    for col, h in zip("ABCDEFG", ("一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位", "分值")):
        xput(ws, f"{col}15", h, bold=True)
    r = 16
    for row in PM05_OVERALL_ROWS:
        for col, v in zip("CDEFG", row[2:]):
            xput(ws, f"{col}{r}", v if v != "" else None, align=XL if col == "C" else XC)
        r += 1
    for m, col in enumerate("AB"):
        keys = [tuple(x[:m + 1]) for x in PM05_OVERALL_ROWS]
        for s0, n in runs(keys):
            xmerge(ws, f"{col}{16 + s0}:{col}{16 + s0 + n - 1}", PM05_OVERALL_ROWS[s0][m])
    save_workbook(wb, path, dt.datetime(2025, 1, 20, 15, 42, 0), "预算管理一体化系统", f"{dept}{year}年部门预算")
    return {"total": fin.total(), "project_list_total": sum(x[5] + x[6] + x[7] for x in PM05_PROJECT_LIST)}


# ==========================================================================
# pm_06  新疆 2024  霍城县农业农村局: 15 target tables down one sheet (xlsx)
# ==========================================================================

PM06_DEPT = "霍城县农业农村局"
L2 = {"数": "数量指标", "质": "质量指标", "时": "时效指标", "成": "成本指标", "经": "经济效益指标",
      "社": "社会效益指标", "生": "生态效益指标", "可": "可持续影响指标", "满": "服务对象满意度指标"}
L1 = {"数": "产出指标", "质": "产出指标", "时": "产出指标", "成": "产出指标", "经": "效益指标", "社": "效益指标",
      "生": "效益指标", "可": "效益指标", "满": "满意度指标"}


def _rows(spec):
    """'数|name|value' lines to (一级, 二级, 三级, 指标值) rows."""
    out = []
    for line in spec.strip().splitlines():
        k, name, val = line.strip().split("|")
        out.append((L1[k], L2[k], name, val))
    return out


PM06_PROJECTS = [
    ("2024年霍城县高标准农田建设项目", "霍城县农田建设服务中心", (4800.00, 4500.00, 300.00),
     "在三道河乡、萨尔布拉克镇等4个乡镇新建高标准农田3.2万亩，其中新增高效节水灌溉面积1.5万亩，新建及改造渠道42公里，项目区亩均粮食产能提升50公斤以上。",
     """数|新建高标准农田面积|≥3.2万亩
        数|新增高效节水灌溉面积|≥1.5万亩
        数|新建及改造渠道|≥42公里
        质|工程验收合格率|=100%
        质|项目区耕地质量等级提升|≥0.5个等级
        时|项目完工时间|2024年10月底前
        成|亩均财政投入|≤1500元/亩
        经|项目区亩均粮食产能提升|≥50公斤
        社|受益农户|≥4200户
        生|项目区灌溉水有效利用系数|≥0.6
        可|工程设施使用年限|≥15年
        满|项目区农户满意度|≥90%"""),
    ("2024年农作物重大病虫害防治项目", "霍城县农业技术推广中心", (186.00, 186.00, 0.00),
     "开展小麦条锈病、玉米螟等重大病虫害统防统治25万亩以上，重大病虫害防治处置率95%以上，挽回粮食损失0.8万吨以上。",
     """数|小麦条锈病、玉米螟等统防统治面积|≥25万亩
        数|设立病虫害监测点|≥18个
        质|重大病虫害防治处置率|≥95%
        质|防控药剂质量抽检合格率|=100%
        时|防控作业完成时间|2024年8月底前
        成|亩均防控补助标准|≤7元/亩
        经|挽回粮食损失|≥0.8万吨
        生|化学农药使用量|持续下降
        满|种植户满意度|≥90%"""),
    ("2024年动物疫病强制免疫项目", "霍城县动物疾病控制与诊断中心", (245.60, 245.60, 0.00),
     "完成口蹄疫、高致病性禽流感、布鲁氏菌病等重大动物疫病春秋两季集中免疫，群体免疫密度保持在90%以上，确保不发生区域性重大动物疫情。",
     """数|口蹄疫免疫牲畜数量|≥62万头（只）
        数|高致病性禽流感免疫家禽数量|≥48万羽
        数|布鲁氏菌病免疫羊只数量|≥35万只
        质|群体免疫密度|≥90%
        质|免疫抗体合格率|≥70%
        时|春秋两季集中免疫完成时间|2024年11月底前
        成|疫苗采购成本|≤198万元
        社|区域性重大动物疫情发生次数|=0次
        可|动物防疫体系运行|持续稳定
        满|养殖场户满意度|≥90%"""),
    ("2024年农机购置与应用补贴", "霍城县农业机械化技术推广站", (1560.00, 1560.00, 0.00),
     "补贴各类农业机具1800台（套）以上，受益农户及经营主体1350户以上，主要农作物耕种收综合机械化率达到96%以上。",
     """数|补贴机具数量|≥1800台（套）
        数|受益农户及经营主体|≥1350户
        质|补贴机具核验合格率|=100%
        时|补贴资金兑付时间|2024年12月20日前
        成|单台机具补贴比例|≤30%
        经|主要农作物耕种收综合机械化率|≥96%
        社|农机作业服务能力|明显增强
        可|农机化发展长效机制|不断完善
        满|购机户满意度|≥90%"""),
    ("2024年薰衣草产业提质增效项目", "霍城县特色产业发展中心", (380.00, 350.00, 30.00),
     "改造提升薰衣草种植基地5000亩以上，建设精油提取生产线2条，培育深加工企业3家以上，带动种植户户均增收3000元以上。",
     """数|改造提升薰衣草种植基地|≥5000亩
        数|建设精油提取生产线|=2条
        数|培育薰衣草深加工企业|≥3家
        质|种苗成活率|≥90%
        质|精油产品质量抽检合格率|=100%
        时|基地改造完成时间|2024年6月底前
        成|基地改造亩均补助|≤400元/亩
        经|薰衣草产业综合产值增长|≥10%
        社|带动种植户增收|≥3000元/户
        可|“霍城薰衣草”品牌影响力|持续提升
        满|种植户及企业满意度|≥90%"""),
    ("2024年耕地地力保护补贴", PM06_DEPT, (3286.40, 3286.40, 0.00),
     "按照52元/亩标准对全县63.2万亩耕地发放耕地地力保护补贴，补贴资金兑付准确率100%，保护耕地地力，稳定种粮农民收入。",
     """数|补贴耕地面积|≥63.2万亩
        数|补贴农户数量|≥3.1万户
        质|补贴资金兑付准确率|=100%
        时|补贴资金发放时间|2024年6月30日前
        成|亩均补贴标准|=52元/亩
        社|种粮农民收入|稳步增加
        生|耕地地力|稳中有升
        满|补贴农户满意度|≥95%"""),
    ("2024年基层农技推广体系改革与建设补助项目", "霍城县农业技术推广中心", (98.00, 98.00, 0.00),
     "建设农业科技示范基地6个，培育农业科技示范主体120户，开展农技人员能力提升培训60人次以上，主推技术到位率95%以上。",
     """数|建设农业科技示范基地|≥6个
        数|培育农业科技示范主体|≥120
        数|开展农技人员能力提升培训|≥60人次
        质|主推技术到位率|≥95%
        时|项目完成时间|2024年11月底前
        成|示范主体补助标准|≤2000元/户
        经|示范主体亩均增收|≥8%
        社|主导品种和主推技术覆盖率|≥95%
        可|农技推广服务能力|持续提升
        满|示范主体满意度|≥90%"""),
    ("2024年农村人居环境整治（农村改厕）项目", "霍城县乡村振兴服务中心", (420.00, 420.00, 0.00),
     "完成农村卫生户厕改造1500户以上，配置粪污抽运车辆6辆，改厕质量验收合格率100%，农村卫生厕所普及率达到75%以上。",
     """数|完成农村卫生户厕改造|≥1500户
        数|配置粪污抽运车辆|≥6辆
        质|改厕质量验收合格率|=100%
        质|改造户厕正常使用率|≥90%
        时|改厕任务完成时间|2024年10月底前
        成|户均改厕补助标准|≤2500元/户
        社|农村卫生厕所普及率|≥75%
        生|粪污无害化处理和资源化利用率|≥60%
        可|户厕长效管护机制|建立健全
        满|改厕农户满意度|≥90%"""),
    ("2024年畜禽粪污资源化利用项目", "霍城县畜牧兽医发展中心", (300.00, 300.00, 0.00),
     "支持15个规模养殖场改造提升粪污处理设施，新建粪污集中处理中心1个，畜禽粪污综合利用率达到85%以上。",
     """数|支持规模养殖场粪污处理设施改造|≥15个
        数|新建粪污集中处理中心|=1个
        质|规模养殖场粪污处理设施装备配套率|≥97%
        时|项目建设完成时间|2024年11月底前
        成|单个养殖场平均补助|≤15万元
        经|有机肥年生产能力|≥1.2万吨
        生|畜禽粪污综合利用率|≥85%
        可|粪污资源化利用长效运行机制|基本建立
        满|养殖场户满意度|≥90%"""),
    ("2024年小麦玉米良种推广补贴项目", "霍城县农业技术推广中心", (520.00, 520.00, 0.00),
     "推广小麦、玉米良种26万亩以上，建设良种繁育基地1.5万亩，良种覆盖率达到98%以上，小麦平均单产提高15公斤/亩以上。",
     """数|良种推广面积|≥26万亩
        数|建设良种繁育基地|≥1.5万亩
        质|良种覆盖率|≥98%
        时|补贴资金兑付时间|2024年9月底前
        成|良种补贴标准|=20元/亩
        经|小麦平均单产提高|≥15公斤/亩
        可|良种繁育推广体系|逐步健全
        满|种植户满意度|≥90%"""),
    ("2024年高素质农民培育项目", "霍城县农业广播电视学校", (126.00, 126.00, 0.00),
     "围绕特色种植、设施农业和畜牧养殖等产业，培育高素质农民500人，学员培训考核合格率95%以上，带动周边农户1500户以上。",
     """数|培育高素质农民|≥500人
        数|培训班期数|≥10期
        质|学员培训考核合格率|≥95%
        质|线上学习学时占比|≥20%
        时|培训任务完成时间|2024年11月底前
        成|人均培训补助标准|≤2520元/人
        社|学员带动周边农户|≥1500户
        可|农民教育培训体系|不断完善
        满|参训学员满意度|≥90%"""),
    ("2024年农产品质量安全监测经费", "霍城县农产品质量安全检验检测站", (45.00, 45.00, 0.00),
     "完成农产品质量安全定量检测800批次、快速检测6000批次以上，例行监测合格率98%以上，不发生重大农产品质量安全事件。",
     """数|农产品质量安全定量检测|≥800批次
        数|快速检测样品数量|≥6000批次
        质|例行监测合格率|≥98%
        时|监测任务完成时间|2023年11月底前
        成|定量检测单批次成本|≤350元/批次
        社|重大农产品质量安全事件发生次数|=0次
        可|农产品质量安全追溯体系|逐步完善
        满|消费者满意度|≥90%"""),
    ("2024年设施农业（温室大棚）建设项目", "霍城县特色产业发展中心", (650.00, 600.00, 50.00),
     "新建日光温室120座、钢架大拱棚200座，配套水肥一体化设施320套，设施蔬菜年产量达到0.8万吨以上，带动就业300人以上。",
     """数|新建日光温室|≥120座
        数|新建钢架大拱棚|≥200座
        数|配套水肥一体化设施|≥320套
        质|工程验收合格率|=100%
        质|温室冬季生产利用率|≥85%
        时|项目建设完成时间|2024年9月底前
        成|日光温室建设补助标准|≤3.5万元/座
        经|设施蔬菜年产量|≥0.8万吨
        社|带动就业人数|≥300人
        可|设施农业发展水平|稳步提升
        满|受益农户满意度|≥90%"""),
    ("2024年农业社会化服务项目", "霍城县农村合作经济经营管理站", (210.00, 210.00, 0.00),
     "扶持农业社会化服务组织15个以上，开展农业生产托管服务12万亩以上，带动小农户6000户以上，服务小农户节本增效50元/亩以上。",
     """数|托管服务面积|≥12万亩
        数|扶持社会化服务组织|≥15个
        质|服务作业质量达标率|≥95%
        时|补助资金兑付时间|2024年12月底前
        成|亩均托管服务补助|≤20元/亩
        经|服务小农户节本增效|≥50元/亩
        社|带动小农户数量|≥6000户
        可|农业社会化服务体系|逐步健全
        满|服务对象满意度|≥90%"""),
    ("2024年庭院经济发展奖补项目", "霍城县乡村振兴服务中心", (160.00, 160.00, 0.00),
     "奖补庭院经济示范户800户以上，打造庭院经济示范村5个，示范户户均增收3000元以上，改善农村人居环境。",
     """数|奖补庭院经济示范户|≥800户
        数|打造庭院经济示范村|≥5个
        质|奖补对象认定准确率|=100%
        时|奖补资金兑付时间|2024年11月底前
        成|户均奖补标准|≤2000元/户
        经|示范户户均增收|≥3000元
        社|农村人居环境|明显改善
        满|示范户满意度|≥90%"""),
]


def build_pm06(path):
    year = 2024
    wb = Workbook()
    ws = wb.active
    ws.title = "项目支出绩效目标表"
    xwidths(ws, {"A": 13, "B": 18, "C": 36, "D": 30})
    r = 1
    counts = []
    for k, (name, unit, money, goal, spec) in enumerate(PM06_PROJECTS):
        rows = _rows(spec)
        counts.append(len(rows))
        xtitle(ws, r, f"项目支出绩效目标表（{year}年度）", "D", size=14, height=26)
        r += 1
        ws[f"A{r}"] = f"填报单位：{PM06_DEPT}"
        ws[f"A{r}"].font = XF
        ws[f"D{r}"] = f"表{k + 1}    单位：万元"
        ws[f"D{r}"].font = XF
        ws[f"D{r}"].alignment = XR
        r += 1
        xput(ws, f"A{r}", "项目名称", bold=True)
        xmerge(ws, f"B{r}:D{r}", name, align=XL)
        r += 1
        xput(ws, f"A{r}", "主管部门", bold=True)
        xput(ws, f"B{r}", PM06_DEPT, align=XL)
        xput(ws, f"C{r}", "实施单位", bold=True)
        xput(ws, f"D{r}", unit, align=XL)
        r += 1
        xmerge(ws, f"A{r}:A{r + 2}", "项目资金\n（万元）", bold=True)
        for i, (label, v) in enumerate(zip(("年度资金总额", "其中：财政拨款", "其他资金"), money)):
            xput(ws, f"B{r + i}", label)
            xmerge(ws, f"C{r + i}:D{r + i}", v, fmt=NUM)
        r += 3
        xput(ws, f"A{r}", "年度绩效目标", bold=True)
        xmerge(ws, f"B{r}:D{r}", goal, align=XL)
        ws.row_dimensions[r].height = 44
        r += 1
        for col, h in zip("ABCD", ("一级指标", "二级指标", "三级指标", "指标值")):
            xput(ws, f"{col}{r}", h, bold=True)
        r += 1
        first = r
        for row in rows:
            xput(ws, f"C{r}", row[2], align=XL)
            xput(ws, f"D{r}", row[3])
            r += 1
        for m, col in enumerate("AB"):
            keys = [tuple(x[:m + 1]) for x in rows]
            for s0, n in runs(keys):
                xmerge(ws, f"{col}{first + s0}:{col}{first + s0 + n - 1}", rows[s0][m])
        r += 2  # two blank rows between blocks
    save_workbook(wb, path, dt.datetime(2024, 1, 8, 11, 15, 0), "霍城县农业农村局", f"{year}年项目支出绩效目标表")
    return {"rows": counts, "total_rows": sum(counts), "budgets": [m[2][0] for m in PM06_PROJECTS]}


# ==========================================================================
# pm_07  湖北 2023  公安县交通运输局 部门预算公开, 30 pages (PDF)
# ==========================================================================

PM07_DEPT = "公安县交通运输局"
PM07_UNITS = [
    ("306001", "公安县交通运输局（本级）", "行政单位", 0.16),
    ("306002", "公安县公路事业发展中心", "公益一类事业单位", 0.34),
    ("306003", "公安县交通运输综合执法大队", "参照公务员法管理事业单位", 0.17),
    ("306004", "公安县港航事业发展中心", "公益一类事业单位", 0.08),
    ("306005", "公安县地方海事处", "参照公务员法管理事业单位", 0.06),
    ("306006", "公安县农村公路养护中心", "公益一类事业单位", 0.11),
    ("306007", "公安县道路运输服务中心", "公益一类事业单位", 0.08),
]
# (unit index, 项目名称, 项目类别, 功能科目, 一般公共预算, 政府性基金, 其他资金)
PM07_PROJECT_LIST = [
    (1, "普通国省道日常养护经费", "其他运转类", "2140106", 860.00, 0, 0),
    (6, "城乡客运一体化运营补贴", "特定目标类", "2140112", 312.50, 0, 0),
    (4, "渡口渡船安全管理经费", "其他运转类", "2140136", 46.80, 0, 0),
    (0, "“四好农村路”示范创建项目", "特定目标类", "2140104", 1200.00, 0, 300.00),
    (0, "车购税资金农村公路提档升级工程", "特定目标类", "2140601", 1860.00, 0, 0),
    (0, "车购税资金危桥改造工程", "特定目标类", "2140601", 1000.00, 0, 0),
    (1, "G207公安段路面大修工程", "特定目标类", "2290402", 0, 2200.00, 0),
    (1, "S221公安段安全生命防护工程", "特定目标类", "2290402", 0, 1300.00, 0),
    (1, "国省道桥梁定期检测经费", "其他运转类", "2140106", 68.00, 0, 0),
    (1, "公路应急抢险物资储备", "其他运转类", "2140110", 42.00, 0, 0),
    (1, "公路路政巡查经费", "其他运转类", "2140110", 36.50, 0, 0),
    (2, "超限运输检测站运行经费", "其他运转类", "2140110", 67.70, 0, 0),
    (2, "交通运输综合执法装备购置", "特定目标类", "2140199", 58.00, 0, 0),
    (2, "执法执勤车辆运行维护费", "其他运转类", "2140199", 24.00, 0, 0),
    (2, "治超非现场执法系统运维", "其他运转类", "2140199", 38.00, 0, 0),
    (3, "长江公安段航道维护经费", "其他运转类", "2140123", 128.00, 0, 0),
    (3, "港口岸线整治及码头管理", "特定目标类", "2140199", 45.00, 0, 0),
    (4, "海事监管巡航经费", "其他运转类", "2140131", 35.00, 0, 0),
    (5, "农村公路日常养护补助", "其他运转类", "2140106", 186.00, 0, 0),
    (5, "农村公路桥梁定期检查", "其他运转类", "2140106", 22.00, 0, 0),
    (5, "农村公路路况自动化检测", "其他运转类", "2140106", 18.00, 0, 0),
    (6, "城市公交及出租车运营补助", "特定目标类", "2140112", 29.00, 0, 0),
    (0, "交通运输安全生产专项经费", "其他运转类", "2140102", 32.00, 0, 0),
    (0, "交通运输发展规划编制经费", "其他运转类", "2140102", 54.00, 0, 0),
    (0, "农村公路建设项目前期工作经费", "其他运转类", "2140102", 46.00, 0, 0),
    (0, "交通建设工程质量检测经费", "其他运转类", "2140199", 26.00, 0, 0),
    (0, "聘用人员经费", "其他运转类", "2140199", 84.60, 0, 0),
    (0, "信息化系统运行维护", "其他运转类", "2140199", 15.00, 0, 0),
    (6, "驾驶员培训及运输市场监管经费", "其他运转类", "2140112", 18.00, 0, 0),
    (3, "水上应急救助设备购置", "特定目标类", "2140136", 32.00, 0, 0),
]
PM07_BASIC = [
    ("2080501", "行政单位离退休", 24.60), ("2080502", "事业单位离退休", 86.30),
    ("2080505", "机关事业单位基本养老保险缴费支出", 386.40), ("2080506", "机关事业单位职业年金缴费支出", 193.20),
    ("2080801", "死亡抚恤", 12.80), ("2101101", "行政单位医疗", 36.50), ("2101102", "事业单位医疗", 128.70),
    ("2140101", "行政运行", 612.35), ("2140131", "海事管理", 186.20), ("2140199", "其他公路水路运输支出", 1862.40),
    ("2210201", "住房公积金", 232.10), ("2210202", "提租补贴", 18.60),
]
PM07_ITEM = {"2140102": "一般行政管理事务", "2140104": "公路建设", "2140106": "公路养护", "2140110": "公路和运输安全",
             "2140112": "公路运输管理", "2140123": "航道维护", "2140131": "海事管理", "2140136": "水路运输管理支出",
             "2140199": "其他公路水路运输支出", "2140601": "车购税用于公路等基础设施建设支出",
             "2290402": "其他地方自行试点项目收益专项债券收入安排的支出"}


def _pm07_fin():
    leaves = [(c, n, b, 0, "gp") for c, n, b in PM07_BASIC]
    agg: dict = {}
    for _u, _n, _k, f, gp, fd, ot in PM07_PROJECT_LIST:
        for src, v in (("gp", gp), ("fund", fd), ("other", ot)):
            if v:
                agg[(f, src)] = r2(agg.get((f, src), 0) + v)
    for (f, src), v in sorted(agg.items()):
        leaves.append((f, PM07_ITEM[f], 0, v, src))
    return Fin(leaves, sangong=(0.0, 0.0, 28.60, 4.80))


PM07_FIN = _pm07_fin()
PM07_SANGONG_PREV = (0.0, 18.00, 30.20, 5.60)

# target tables: (name, unit, money, goal, rows (一级, 二级, 三级, 指标值, 计量单位, 权重))
PM07_PROJECTS = [
    {
        "name": "2023年普通国省道日常养护经费", "unit": "公安县公路事业发展中心", "money": (860.00, 860.00, 0.00),
        "goal": ("对境内186公里普通国省道实施日常养护，处治路面病害3.2万平方米以上，清理边沟150公里以上，"
                 "国省道优良路率达到85%以上，汛期水毁路段24小时内抢通，保障公路安全畅通。"),
        "rows": [
            ("产出指标", "数量指标", "养护普通国省道里程", "≥186", "公里", "10"),
            ("产出指标", "数量指标", "路面病害处治面积", "≥3.2", "万平方米", "10"),
            ("产出指标", "数量指标", "清理边沟", "≥150", "公里", "5"),
            ("产出指标", "质量指标", "国省道优良路率", "≥85", "%", "10"),
            ("产出指标", "质量指标", "路面技术状况指数（PQI）", "≥80", "", "5"),
            ("产出指标", "时效指标", "汛期水毁路段抢通时间", "≤24", "小时", "5"),
            ("产出指标", "成本指标", "国省道日常养护单位成本", "≤4.6", "万元/公里", "5"),
            ("效益指标", "社会效益指标", "公路安全通行保障", "有效保障", "", "10"),
            ("效益指标", "社会效益指标", "因养护不到位引发交通事故起数", "=0", "起", "10"),
            ("效益指标", "生态效益指标", "公路绿化率", "≥90", "%", "10"),
            ("效益指标", "可持续影响指标", "公路养护长效机制", "持续完善", "", "10"),
            ("满意度指标", "服务对象满意度指标", "沿线群众及过往司乘满意度", "≥90", "%", "10"),
        ],
    },
    {
        "name": "2023年城乡客运一体化运营补贴", "unit": "公安县道路运输服务中心", "money": (312.50, 312.50, 0.00),
        "goal": ("对46条城乡客运班线、128辆运营车辆给予运营补贴，巩固建制村通客车成果，城乡客运日均服务1.2万人次以上，"
                 "改善农村群众出行条件。"),
        "rows": [
            ("产出指标", "数量指标", "补贴城乡客运班线", "≥46", "条", "10"),
            ("产出指标", "数量指标", "补贴运营车辆", "≥128", "辆", "10"),
            ("产出指标", "质量指标", "建制村通客车率", "=100100", "%", "10"),
            ("产出指标", "质量指标", "补贴对象审核准确率", "=100", "%", "10"),
            ("产出指标", "时效指标", "补贴资金拨付时间", "2023年12月底前", "", "10"),
            ("产出指标", "成本指标", "单车年均补贴标准", "≤2.44", "万元/辆", "10"),
            ("效益指标", "社会效益指标", "城乡客运日均服务人次", "≥1.2", "万人次", "10"),
            ("效益指标", "社会效益指标", "农村群众出行条件", "明显改善", "", "10"),
            ("效益指标", "可持续影响指标", "城乡客运长效运营机制", "逐步健全", "", "10"),
            ("满意度指标", "服务对象满意度指标", "乘客满意度", "≥85", "%", "10"),
        ],
    },
    {
        "name": "2023年渡口渡船安全管理经费", "unit": "公安县地方海事处", "money": (46.80, 46.80, 0.00),
        "goal": ("加强全县12处乡镇渡口安全管理，开展渡船安全检查48次以上，培训渡工60人次以上，渡船安全隐患整改率100%，"
                 "确保不发生渡运安全责任事故。"),
        "rows": [
            ("产出指标", "数量指标", "管理乡镇渡口", "=12", "处", "10"),
            ("产出指标", "数量指标", "渡船安全检查次数", "≥48", "次", "10"),
            ("产出指标", "数量指标", "渡工安全培训人次", "≥60", "人次", "10"),
            ("产出指标", "质量指标", "渡船安全隐患整改率", "=100", "%", "10"),
            ("产出指标", "时效指标", "渡工补助发放时间", "2023年12月20日前", "", "10"),
            ("产出指标", "成本指标", "渡口安全管理人员补助标准", "≤**", "元/人/月", "10"),
            ("效益指标", "社会效益指标", "渡运安全责任事故发生起数", "=0", "起", "20"),
            ("效益指标", "可持续影响指标", "渡运安全管理网格化机制", "健全", "", "10"),
            ("满意度指标", "服务对象满意度指标", "过渡群众满意度", "≥90", "%", "10"),
        ],
    },
    {
        "name": "2023年“四好农村路”示范创建项目", "unit": PM07_DEPT, "money": (1500.00, 1200.00, 300.00),
        "goal": ("新改建农村公路65公里以上，实施农村公路安全生命防护工程80公里以上，改造危桥6座，交工验收合格率100%，"
                 "新改建农村公路优良率90%以上，惠及沿线群众5.6万人。"),
        "rows": [
            ("产出指标", "数量指标", "新改建农村公路里程", "≥65", "公里", "10"),
            ("产出指标", "数量指标", "实施农村公路安全生命防护工程", "≥80", "公里", "10"),
            ("产出指标", "数量指标", "危桥改造", "≥6", "座", "10"),
            ("产出指标", "质量指标", "交工验收合格率", "=100", "%", "10"),
            ("产出指标", "质量指标", "新改建农村公路优良率", "≥90", "%", "10"),
            ("产出指标", "时效指标", "项目完工时间", "2023年11月底前", "", "5"),
            ("产出指标", "成本指标", "新改建农村公路每公里补助标准", "≤18", "万元/公里", "5"),
            ("效益指标", "经济效益指标", "沿线农产品运输成本", "有所降低", "", "10"),
            ("效益指标", "社会效益指标", "受益沿线群众", "≥5.6", "万人", "10"),
            ("效益指标", "可持续影响指标", "农村公路管养长效机制", "健全", "", "10"),
            ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90", "%", "10"),
        ],
    },
]


def pdf_target_6col(doc: Doc, p, year, att, dept, size=8.8):
    widths = [56, 74, 172, 74, 60, 47]
    W = sum(widths)
    doc.para(att, S_ATT)
    doc.para("项目支出绩效目标表", S_TTITLE)
    doc.para(f"（{year}年度）", S_TSUB)
    t = Table([[Paragraph(f"填报单位：{dept}", S_NOTEL), Paragraph("金额单位：万元", S_NOTER)]],
              colWidths=[W * 0.65, W * 0.35])
    t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    doc.add(t)
    m = p["money"]
    data = [
        ["项目名称", (p["name"], "L"), None, None, None, None],
        ["主管部门", (dept, "L"), None, "实施单位", (p["unit"], "L"), None],
        ["项目资金\n（万元）", "年度资金总额", (p2(m[0]), "C"), None, None, None],
        [None, "其中：财政拨款", (p2(m[1]), "C"), None, None, None],
        [None, "其他资金", (p2(m[2]), "C"), None, None, None],
        ["年度绩效目标", (p["goal"], "L"), None, None, None, None],
        ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "权重"],
    ]
    spans = [((1, 0), (5, 0)), ((1, 1), (2, 1)), ((4, 1), (5, 1)), ((0, 2), (0, 4)), ((2, 2), (5, 2)),
             ((2, 3), (5, 3)), ((2, 4), (5, 4)), ((1, 5), (5, 5))]
    first = len(data)
    for r in blank_merged(p["rows"]):
        data.append([r[0], r[1], (r[2], "L"), r[3], r[4], r[5]])
    spans += level_spans(p["rows"], first)
    n = len(data)
    data.append(["合计", None, None, None, None, str(sum(int(r[5]) for r in p["rows"]))])
    spans.append(((0, n), (4, n)))
    doc.add(ptable(data, widths, aligns=["C"] * 6, size=size, spans=spans, header_rows=0, repeat=False))
    doc.add(Spacer(1, 5))
    sign_line(doc, ("填报人：周建军", "联系电话：0716-5223418", "填报日期：2023年1月16日"))


def build_pm07(path):
    fin = PM07_FIN
    year = 2023
    dept = PM07_DEPT
    doc = Doc(path, f"{dept}{year}年部门预算公开", "公安县交通运输局办公室",
              "make_probe_documents.py (reportlab platypus)", footer="- {n} -")
    doc.add(Spacer(1, 200))
    doc.para(f"{dept}", S_COVER)
    doc.para(f"{year}年部门预算", S_COVER)
    doc.add(Spacer(1, 250))
    doc.para("二〇二三年二月", S_COVER2)
    # 目录
    doc.page()
    doc.para("目　　录", S_H0)
    toc = [("第一部分　公安县交通运输局概况", 0), ("一、部门主要职责", 1), ("二、部门预算单位构成", 1),
           ("第二部分　2023年部门预算表", 0)]
    tables = ["部门收支总表", "部门收入总表", "部门支出总表", "财政拨款收支总表", "一般公共预算支出表",
              "一般公共预算基本支出表", "一般公共预算“三公”经费支出表", "政府性基金预算支出表",
              "国有资本经营预算支出表", "项目支出表", "政府采购预算表", "政府购买服务预算表"]
    for i, t in enumerate(tables):
        toc.append((f"表{i + 1}　{t}", 1))
    toc += [("第三部分　所属单位预算收支表", 0), ("第四部分　2023年部门预算情况说明", 0), ("第五部分　名词解释", 0),
            ("第六部分　附件：2023年重点项目支出绩效目标表", 0)]
    for text, lv in toc:
        doc.para(text, S_TOC2 if lv else S_TOC)
    # 第一部分
    doc.page()
    doc.para("第一部分　公安县交通运输局概况", S_H1)
    doc.para("一、部门主要职责", S_H2)
    for t in (
        "（一）贯彻执行国家、省、市关于交通运输工作的方针政策和法律法规，拟订全县交通运输发展战略、中长期规划并组织实施。",
        "（二）负责全县公路、水路交通基础设施建设和维护管理工作；负责农村公路建设、管理、养护和运营工作，推进“四好农村路”建设。",
        "（三）负责全县道路、水路运输市场监管，指导城乡客运及有关设施规划和管理工作，推进城乡客运一体化发展。",
        "（四）负责全县交通运输安全生产监督管理；负责渡口渡船、水上交通安全监督管理；组织协调交通运输应急处置工作。",
        "（五）负责全县交通运输行业行政执法、治理车辆超限超载工作；负责港口、航道的行业管理。",
        "（六）完成县委、县政府交办的其他任务。",
    ):
        doc.para(t)
    doc.para("二、部门预算单位构成", S_H2)
    doc.para("公安县交通运输局内设办公室、综合规划股、财务审计股、建设管理股、安全监督股、运输管理股、法规股7个股室。"
             "纳入本部门2023年部门预算编制范围的单位共7个，具体如下：")
    W = A4[0] - 112
    rows = [("序号", "单位编码", "单位名称", "单位性质", "编制人数", "在职人数")]
    staff = [(42, 38), (126, 118), (86, 81), (28, 26), (24, 22), (52, 49), (34, 31)]
    for i, (code, name, kind, _s) in enumerate(PM07_UNITS):
        rows.append((str(i + 1), code, name, kind, str(staff[i][0]), str(staff[i][1])))
    rows.append(("", "", "合计", "", str(sum(x[0] for x in staff)), str(sum(x[1] for x in staff))))
    doc.add(ptable(rows, [W * 0.07, W * 0.13, W * 0.35, W * 0.23, W * 0.11, W * 0.11], ["C", "C", "L", "L", "C", "C"], 9))
    doc.add(Spacer(1, 8))
    doc.para("截至2022年12月31日，本部门离退休人员146人，其中离休人员2人、退休人员144人；实有车辆21辆，其中执法执勤用车14辆、"
             "特种专业技术用车7辆。")
    # 第二部分: tables 1-9 as in pm_01, portrait
    units3 = [(c, n, (s, 1.0 if i == 1 else 0.0, 1.0 if i == 0 else 0.0)) for i, (c, n, _k, s) in enumerate(PM07_UNITS)]
    pdf_budget_tables(doc, fin, dept, year, PM07_SANGONG_PREV, [f"表{i + 1}　{t}" for i, t in enumerate(tables)],
                      units=units3, part_title="第二部分　2023年部门预算表",
                      fund_note="注：本部门2023年政府性基金预算支出全部为地方政府专项债券资金安排的公路建设支出。")
    doc.page()
    table_head(doc, "表9　国有资本经营预算支出表", left=f"部门名称：{dept}")
    doc.add(ptable([("科目编码", "科目名称", "合计", "基本支出", "项目支出"), ("", "合    计", "", "", "")],
                   [W * 0.16, W * 0.36, W * 0.16, W * 0.16, W * 0.16], ["L", "L", "R", "R", "R"], 8.5))
    doc.add(Spacer(1, 6))
    doc.para("注：本部门2023年无国有资本经营预算拨款安排的支出，本表为空表。", S_NOTEL)
    # 表10 项目支出表 (landscape)
    doc.page("L")
    LW = landscape(A4)[0] - 100
    table_head(doc, "表10　项目支出表", left=f"部门名称：{dept}")
    rows = [("序号", "单位名称", "项目名称", "项目类别", "功能分类科目", "合计", "一般公共预算", "政府性基金预算", "其他资金")]
    tot = [0.0, 0.0, 0.0]
    body = []
    for i, (u, name, kind, f, gp, fd, ot) in enumerate(PM07_PROJECT_LIST):
        body.append((str(i + 1), PM07_UNITS[u][1], name, kind, f"{f} {PM07_ITEM[f]}", m2(gp + fd + ot),
                     m2(gp) if gp else "", m2(fd) if fd else "", m2(ot) if ot else ""))
        tot = [tot[0] + gp, tot[1] + fd, tot[2] + ot]
    rows.append(("", "", "合计", "", "", m2(sum(tot)), m2(tot[0]), m2(tot[1]), m2(tot[2])))
    doc.add(ptable(rows + body, [LW * x for x in (0.04, 0.17, 0.2, 0.07, 0.2, 0.08, 0.08, 0.08, 0.08)],
                   ["C", "L", "L", "C", "L", "R", "R", "R", "R"], 8))
    # 表11 政府采购预算表
    doc.page("L")
    table_head(doc, "表11　政府采购预算表", left=f"部门名称：{dept}")
    proc = [
        (0, "台式计算机", "A02010104", "台", 12, 0.55), (0, "激光打印机", "A02021003", "台", 6, 0.32),
        (0, "复印纸", "A05040101", "箱", 260, 0.018), (0, "公务车辆保险", "C15040201", "项", 1, 1.85),
        (1, "沥青混凝土", "A07030399", "吨", 5200, 0.068), (1, "热熔标线涂料", "A07080199", "吨", 36, 0.62),
        (1, "波形梁护栏", "A07070399", "米", 6800, 0.021), (1, "公路桥梁定期检测服务", "C21040000", "项", 1, 68.00),
        (1, "G207公安段路面大修工程", "B03020100", "项", 1, 2200.00), (1, "S221公安段安全生命防护工程", "B03020100", "项", 1, 1300.00),
        (2, "执法记录仪", "A02091107", "台", 40, 0.32), (2, "治超检测设备维护", "C05010000", "项", 1, 38.00),
        (2, "便携式称重设备", "A02120000", "套", 4, 6.80), (3, "航道维护疏浚服务", "C12010000", "项", 1, 128.00),
        (3, "码头安全警示标志", "A07080299", "块", 60, 0.085), (4, "救生衣", "A02120799", "件", 600, 0.012),
        (4, "海事巡逻艇维修", "C05020000", "项", 1, 12.50), (5, "农村公路路况自动化检测服务", "C21040000", "项", 1, 18.00),
        (5, "农村公路桥梁定期检查服务", "C21040000", "项", 1, 22.00), (5, "养护工程机械租赁", "C19010000", "项", 1, 36.00),
        (6, "城乡客运车辆GPS监控服务", "C16040000", "项", 1, 9.60), (0, "“四好农村路”示范路工程", "B03020100", "项", 1, 1500.00),
        (0, "农村公路提档升级工程", "B03020100", "项", 1, 1860.00), (0, "危桥改造工程", "B03020100", "项", 1, 1000.00),
        (0, "工程质量检测服务", "C21040000", "项", 1, 26.00), (0, "信息化系统运维服务", "C16070000", "项", 1, 15.00),
    ]
    rows = [("序号", "单位名称", "采购项目", "采购品目编码", "计量单位", "数量", "单价（万元）", "采购预算（万元）")]
    body = []
    ptot = 0.0
    for i, (u, item, code, unit, q, price) in enumerate(proc):
        amt = r2(q * price)
        ptot += amt
        body.append((str(i + 1), PM07_UNITS[u][1], item, code, unit, str(q), f"{price:g}", m2(amt)))
    rows.append(("", "", "合计", "", "", "", "", m2(ptot)))
    doc.add(ptable(rows + body, [LW * x for x in (0.05, 0.22, 0.25, 0.11, 0.07, 0.08, 0.1, 0.12)],
                   ["C", "L", "L", "C", "C", "R", "R", "R"], 8.5))
    # 表12 政府购买服务预算表
    doc.page("L")
    table_head(doc, "表12　政府购买服务预算表", left=f"部门名称：{dept}")
    svc = [(1, "公路桥梁定期检测服务", "技术性服务", 68.00), (3, "航道维护疏浚服务", "公共服务", 128.00),
           (5, "农村公路路况自动化检测服务", "技术性服务", 18.00), (5, "农村公路桥梁定期检查服务", "技术性服务", 22.00),
           (6, "城乡客运车辆GPS监控服务", "技术性服务", 9.60), (0, "工程质量检测服务", "技术性服务", 26.00),
           (0, "信息化系统运维服务", "政府履职辅助性服务", 15.00), (0, "交通运输发展规划编制", "政府履职辅助性服务", 54.00)]
    rows = [("序号", "单位名称", "购买服务项目", "服务类别", "承接主体类型", "预算金额（万元）")]
    rows.append(("", "", "合计", "", "", m2(sum(x[3] for x in svc))))
    for i, (u, name, kind, amt) in enumerate(svc):
        rows.append((str(i + 1), PM07_UNITS[u][1], name, kind, "企业", m2(amt)))
    doc.add(ptable(rows, [LW * x for x in (0.06, 0.26, 0.28, 0.16, 0.12, 0.12)], ["C", "L", "L", "C", "C", "R"], 9))
    # 第三部分: one page per unit
    basic_total = fin.total(None, "basic")
    for ui, (code, uname, _kind, share) in enumerate(PM07_UNITS):
        doc.page("P")
        if ui == 0:
            doc.para("第三部分　所属单位预算收支表", S_H1)
        u_projects = [x for x in PM07_PROJECT_LIST if x[0] == ui]
        b = r2(basic_total * share) if ui < len(PM07_UNITS) - 1 else r2(
            basic_total - sum(r2(basic_total * s) for *_x, s in PM07_UNITS[:-1]))
        pgp = r2(sum(x[4] for x in u_projects))
        pfd = r2(sum(x[5] for x in u_projects))
        pot = r2(sum(x[6] for x in u_projects))
        table_head(doc, f"{uname}{year}年单位预算收支总表", left=f"单位编码：{code}")
        rows = [("收入项目", "预算数", "支出项目", "预算数"),
                ("一、一般公共预算拨款收入", m2(b + pgp), "一、基本支出", m2(b)),
                ("二、政府性基金预算拨款收入", m2(pfd), "    人员经费", m2(r2(b * 0.86))),
                ("三、单位资金收入", m2(pot), "    公用经费", m2(r2(b - r2(b * 0.86)))),
                ("", "", "二、项目支出", m2(pgp + pfd + pot)),
                ("收入合计", m2(b + pgp + pfd + pot), "支出合计", m2(b + pgp + pfd + pot))]
        doc.add(ptable(rows, [W * 0.3, W * 0.2, W * 0.3, W * 0.2], ["L", "R", "L", "R"], 9))
        doc.add(Spacer(1, 16))
        table_head(doc, f"{uname}{year}年项目支出明细表", left=f"单位编码：{code}")
        rows = [("项目名称", "项目类别", "功能分类科目", "预算数")]
        for _u, name, k2, f, gp, fd, ot in u_projects:
            rows.append((name, k2, f"{f} {PM07_ITEM[f]}", m2(gp + fd + ot)))
        rows.append(("合计", "", "", m2(pgp + pfd + pot)))
        doc.add(ptable(rows, [W * 0.36, W * 0.14, W * 0.34, W * 0.16], ["L", "C", "L", "R"], 9))
    # 第四部分 情况说明
    tot, gp, fd, ot = fin.total(), fin.total("gp"), fin.total("fund"), fin.total("other")
    basic, proj = fin.total(None, "basic"), fin.total(None, "project")
    cls = {c: t for c, _n, t in fin.class_totals("gp")}
    econ = {c: v for c, _n, v in fin.econ_rows()}
    doc.page()
    doc.para("第四部分　2023年部门预算情况说明", S_H1)
    sections = [
        ("一、收支预算总体情况", [
            f"按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理。2023年部门收入预算{m2(tot)}万元，"
            f"其中：一般公共预算拨款收入{m2(gp)}万元，占{gp / tot * 100:.2f}%；政府性基金预算拨款收入{m2(fd)}万元，"
            f"占{fd / tot * 100:.2f}%；单位资金收入{m2(ot)}万元，占{ot / tot * 100:.2f}%。",
            f"2023年部门支出预算{m2(tot)}万元，其中：基本支出{m2(basic)}万元，占{basic / tot * 100:.2f}%，主要用于保障"
            f"在职人员工资福利、离退休人员经费和机构正常运转；项目支出{m2(proj)}万元，占{proj / tot * 100:.2f}%，主要用于"
            "普通国省道养护、农村公路建设、城乡客运补贴、渡口渡船安全管理和交通运输执法等。",
            "与2022年相比，收支预算总计增加1,286.45万元，增长8.36%，主要原因是：一是地方政府专项债券安排的G207、S221公路项目资金增加；"
            "二是车购税资金安排的农村公路提档升级工程增加。"]),
        ("二、一般公共预算支出情况", [
            f"2023年一般公共预算支出{m2(gp)}万元，其中：社会保障和就业支出{m2(cls['208'])}万元，占{cls['208'] / gp * 100:.2f}%；"
            f"卫生健康支出{m2(cls['210'])}万元，占{cls['210'] / gp * 100:.2f}%；交通运输支出{m2(cls['214'])}万元，"
            f"占{cls['214'] / gp * 100:.2f}%；住房保障支出{m2(cls['221'])}万元，占{cls['221'] / gp * 100:.2f}%。",
            "交通运输支出（类）公路水路运输（款）公路养护（项）2140106预算1,154.00万元，主要用于普通国省道日常养护、"
            "国省道桥梁定期检测、农村公路日常养护补助等；公路建设（项）2140104预算1,200.00万元，主要用于“四好农村路”示范创建；"
            "公路运输管理（项）2140112预算359.50万元，主要用于城乡客运一体化运营补贴、城市公交及出租车运营补助等；"
            "水路运输管理支出（项）2140136预算78.80万元，主要用于渡口渡船安全管理和水上应急救助设备购置。",
            "车辆购置税支出（款）车购税用于公路等基础设施建设支出（项）2140601预算2,860.00万元，主要用于农村公路提档升级和危桥改造工程。"]),
        ("三、一般公共预算基本支出情况", [
            f"2023年一般公共预算基本支出{m2(fin.total('gp', 'basic'))}万元，其中：人员经费"
            f"{m2(econ['301'] + econ['303'])}万元，主要包括基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、"
            f"职业年金缴费、职工基本医疗保险缴费、住房公积金、离休费、退休费、生活补助等；公用经费{m2(econ['302'])}万元，"
            "主要包括办公费、水费、电费、邮电费、差旅费、维修（护）费、会议费、培训费、公务接待费、工会经费、福利费、"
            "公务用车运行维护费、其他交通费用等。"]),
        ("四、一般公共预算“三公”经费支出情况", [
            f"2023年“三公”经费预算{m2(fin.sangong_total())}万元，比上年预算减少{m2(sum(PM07_SANGONG_PREV) - fin.sangong_total())}万元，"
            f"下降{(sum(PM07_SANGONG_PREV) - fin.sangong_total()) / sum(PM07_SANGONG_PREV) * 100:.2f}%。其中：",
            "（一）因公出国（境）费0万元，与上年持平。",
            "（二）公务用车购置及运行维护费28.60万元，比上年减少19.60万元，主要原因是2022年更新购置执法执勤用车1辆，2023年无车辆购置计划。"
            "其中：公务用车购置费0万元；公务用车运行维护费28.60万元，主要用于执法执勤、应急抢险、公路巡查等工作所需车辆的燃料费、维修费、"
            "过路过桥费、保险费等。",
            "（三）公务接待费4.80万元，比上年减少0.80万元，主要原因是严格执行公务接待标准，压减接待批次和人数。"]),
        ("五、政府性基金预算支出情况", [
            f"2023年政府性基金预算支出{m2(fd)}万元，全部为其他地方自行试点项目收益专项债券收入安排的支出，用于G207公安段路面大修工程"
            "2,200.00万元、S221公安段安全生命防护工程1,300.00万元。"]),
        ("六、国有资本经营预算支出情况", ["本部门2023年无国有资本经营预算拨款安排的支出。"]),
        ("七、其他重要事项的情况说明", [
            "（一）机关运行经费。2023年本部门行政单位和参照公务员法管理的事业单位机关运行经费预算186.40万元，"
            "比上年预算减少12.30万元，下降6.19%，主要原因是落实过紧日子要求，压减一般性支出。",
            f"（二）政府采购情况。2023年本部门政府采购预算总额{m2(ptot)}万元，其中：政府采购货物预算"
            "{:,.2f}万元、政府采购工程预算7,860.00万元、政府采购服务预算{:,.2f}万元。".format(
                sum(r2(q * pr) for _u, _i, c, _un, q, pr in proc if c.startswith("A")),
                sum(r2(q * pr) for _u, _i, c, _un, q, pr in proc if c.startswith("C"))),
            "（三）国有资产占用情况。截至2022年12月31日，本部门共有车辆21辆，其中：执法执勤用车14辆、特种专业技术用车7辆；"
            "单位价值50万元以上的通用设备2台（套），单位价值100万元以上的专用设备1台（套）。",
            "（四）预算绩效情况说明。2023年本部门实行绩效目标管理的项目30个，涉及一般公共预算当年拨款6,245.30万元。"
            "其中，普通国省道日常养护经费、城乡客运一体化运营补贴、渡口渡船安全管理经费和“四好农村路”示范创建项目4个重点项目"
            "的绩效目标随部门预算公开，详见第六部分。2023年本部门拟对“四好农村路”示范创建项目开展重点绩效评价，涉及资金1,500.00万元。"]),
    ]
    for head, paras in sections:
        doc.para(head, S_H2)
        doc.paras(paras)
    # 第五部分
    doc.page()
    doc.para("第五部分　名词解释", S_H1)
    doc.paras([
        "一、一般公共预算拨款收入：指县财政当年拨付的一般公共预算资金。",
        "二、政府性基金预算拨款收入：指县财政当年拨付的政府性基金预算资金，本部门为地方政府专项债券资金。",
        "三、单位资金收入：指除财政拨款以外的各项收入，本部门为“四好农村路”示范创建项目的乡镇配套和社会资金。",
        "四、基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。",
        "五、项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
        "六、“三公”经费：指用一般公共预算拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。"
        "其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；"
        "公务用车购置费反映单位公务用车车辆购置支出；公务用车运行维护费反映单位按规定保留的公务用车的燃料费、维修费、"
        "过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。",
        "七、机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，"
        "包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、"
        "办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。",
        "八、车购税：指车辆购置税收入补助地方资金，中央和省级按规定用于农村公路、危桥改造等交通基础设施建设。",
    ])
    # 第六部分: one target table per page
    for i, p in enumerate(PM07_PROJECTS):
        doc.page()
        doc.mark(f"target{i + 1}")
        if i == 0:
            doc.para("第六部分　附件：2023年重点项目支出绩效目标表", S_H2)
        pdf_target_6col(doc, p, year, f"附件{i + 1}", dept)
    return doc.build()


BUILDERS = [
    ("pm_01_zhejiang_2024_nongye-bumen-yusuan.pdf", build_pm01),
    ("pm_02_anhui_2023_shuili-bumen-juesuan-self.pdf", build_pm02),
    ("pm_03_fujian_2025_weijian-bumen-yusuan.docx", build_pm03),
    ("pm_04_shaanxi_2024_zhongxue-danwei-yusuan.docx", build_pm04),
    ("pm_05_neimenggu_2025_wenlv-bumen-daochu.xlsx", build_pm05),
    ("pm_06_xinjiang_2024_nongye-15xiang.xlsx", build_pm06),
    ("pm_07_hubei_2023_jiaotong-bumen-yusuan.pdf", build_pm07),
]


def main(argv):
    out = Path(argv[1]) if len(argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    only = set(argv[2:])
    for name, fn in BUILDERS:
        if only and not any(name.startswith(o) for o in only):
            continue
        info = fn(out / name)
        print("wrote", out / name, info if info else "")


if __name__ == "__main__":
    main(sys.argv)
