#!/usr/bin/env python3
# ruff: noqa: B905 (a data generator)
"""Build the synthetic probe PDFs pk_01..pk_06 with reportlab.

These are NOT captured documents. A helper session wrote them from general
knowledge of how Chinese agencies' PDFs of 项目支出绩效目标表 / 绩效自评表
come out of producers other than LibreOffice. Agency names, people and phone
numbers are made up. Defects are planted on purpose (see README.md); do not
fix them.

Each file carries one producer quirk:

  pk_01  no ruling lines at all, columns aligned by x only (system report),
         A4 landscape, 一级/二级 printed once per block
  pk_02  every glyph drawn by its own drawString, spacing a little uneven
         (WPS / print-driver style), ruled table with a facts block above
  pk_03  ruled table whose rows are drawn bottom-up in the content stream,
         page header and footer on each page, table runs over 2 pages with
         the header row repeated
  pk_04  portrait MediaBox with /Rotate 90: the content stream is drawn in
         portrait coordinates, turned so the page shows as upright landscape;
         2-3 line 指标解释 cells
  pk_05  two projects one after the other on one page, then a sign-off block
         with a red vector seal (circle, star, arc text) over the unit name
  pk_06  绩效自评表 at 7 pt in narrow columns, most names and values wrap

Only reportlab's built-in CID font STSong-Light is used (not embedded).
Output is deterministic (invariant=1): two runs give identical bytes.

    /work/main/.venv/bin/python tests/probe_files/make_probe_reportlab.py [OUTDIR]
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
FONT = "STSong-Light"
NOTE = "SYNTHETIC probe (written from knowledge, not captured)"
RED = Color(0.86, 0.08, 0.10)
ASCENT, DESCENT = 0.752, 0.271  # STSong-Light face metrics (per em)

pdfmetrics.registerFont(UnicodeCIDFont(FONT))


# --------------------------------------------------------------------------
# measuring and wrapping
# --------------------------------------------------------------------------

def sw(s: str, size: float) -> float:
    return pdfmetrics.stringWidth(s, FONT, size)


NO_LINE_START = set("，。、；：！？）》」’”%‰")
KEEP = set("0123456789.%‰ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _tokens(text: str):
    tok = ""
    for ch in text:
        if ch in KEEP:
            tok += ch
            continue
        if tok:
            yield tok
            tok = ""
        yield ch
    if tok:
        yield tok


def wrap(text: str, width: float, size: float, meas=sw) -> list[str]:
    """Break text into lines no wider than width (CJK: at any character;
    runs of digits/latin are kept together; no closing punctuation at a line
    start). Explicit '\\n' forces a break."""
    out: list[str] = []
    for para in str(text).split("\n"):
        line = ""
        for tok in _tokens(para):
            if line and meas(line + tok, size) > width and tok[0] not in NO_LINE_START:
                if meas(tok, size) > width and len(tok) > 1:  # over-long latin run
                    for ch in tok:
                        if line and meas(line + ch, size) > width:
                            out.append(line)
                            line = ""
                        line += ch
                    continue
                out.append(line)
                line = tok
            else:
                line += tok
        out.append(line)
    return out


# --------------------------------------------------------------------------
# a page is a list of blocks; a block is a list of drawing ops
#   ("t", x, y, text, size, color, bold)   text with its left end at x
#   ("l", x0, y0, x1, y1, width, color)    line
#   ("seal", cx, cy, r, name)               red vector seal
# --------------------------------------------------------------------------

def T(x, y, s, size, align="L", meas=sw, color=black, bold=False):
    if align == "C":
        x -= meas(s, size) / 2
    elif align == "R":
        x -= meas(s, size)
    return ("t", x, y, s, size, color, bold)


def L(x0, y0, x1, y1, w=0.5, color=black):
    return ("l", x0, y0, x1, y1, w, color)


class Style:
    def __init__(self, size=10.0, lead=None, pad=3.0, min_h=None, meas=sw, lw=0.5,
                 rules=True):
        self.size = size
        self.lead = lead or round(size * 1.3, 2)
        self.pad = pad
        self.min_h = min_h or self.lead + 2 * pad
        self.meas = meas
        self.lw = lw
        self.rules = rules


def C(x0, x1, text="", align="C", span=1):
    """A table cell from x0 to x1, spanning `span` rows downwards."""
    return {"x0": x0, "x1": x1, "text": text, "align": align, "span": span}


def row_heights(rows, st: Style) -> list[float]:
    def need(cell):
        if not cell["text"]:
            return st.min_h
        w = cell["x1"] - cell["x0"] - 2 * st.pad
        return len(wrap(cell["text"], w, st.size, st.meas)) * st.lead + 2 * st.pad

    hs = []
    for row in rows:
        h = st.min_h
        for cell in row:
            if cell["span"] == 1:
                h = max(h, need(cell))
        hs.append(h)
    for i, row in enumerate(rows):
        for cell in row:
            sp = cell["span"]
            if sp > 1:
                have = sum(hs[i:i + sp])
                n = need(cell)
                if n > have:
                    hs[i + sp - 1] += n - have
    return hs


def cell_text_ops(cell, top, bottom, st: Style, valign="M"):
    ops = []
    w = cell["x1"] - cell["x0"] - 2 * st.pad
    lines = wrap(cell["text"], w, st.size, st.meas) if cell["text"] else []
    if not lines:
        return ops
    block_h = len(lines) * st.lead
    if valign == "T":
        y_top = top - st.pad
    else:
        y_top = (top + bottom) / 2 + block_h / 2
    gap = (st.lead - (ASCENT + DESCENT) * st.size) / 2
    for k, s in enumerate(lines):
        base = y_top - k * st.lead - gap - ASCENT * st.size
        if cell["align"] == "L":
            ops.append(T(cell["x0"] + st.pad, base, s, st.size, "L", st.meas))
        elif cell["align"] == "R":
            ops.append(T(cell["x1"] - st.pad, base, s, st.size, "R", st.meas))
        else:
            ops.append(T((cell["x0"] + cell["x1"]) / 2, base, s, st.size, "C", st.meas))
    return ops


def table_blocks(rows, y_top, st: Style, heights=None):
    """Lay out rows from y_top downwards. Returns (blocks, y_bottom); one block
    per row holding the borders and text of the cells that start in that row."""
    hs = heights or row_heights(rows, st)
    tops = [y_top]
    for h in hs:
        tops.append(tops[-1] - h)
    blocks = []
    for i, row in enumerate(rows):
        ops = []
        for cell in row:
            top, bottom = tops[i], tops[i + cell["span"]]
            if st.rules:
                x0, x1 = cell["x0"], cell["x1"]
                ops += [L(x0, top, x1, top, st.lw), L(x1, top, x1, bottom, st.lw),
                        L(x1, bottom, x0, bottom, st.lw), L(x0, bottom, x0, top, st.lw)]
            ops += cell_text_ops(cell, top, bottom, st)
        blocks.append(ops)
    return blocks, tops[-1]


def runs(keys):
    """(start, length) of runs of equal consecutive keys."""
    out, i = [], 0
    while i < len(keys):
        j = i
        while j + 1 < len(keys) and keys[j + 1] == keys[i]:
            j += 1
        out.append((i, j - i + 1))
        i = j + 1
    return out


def grid_rows(ind, xs, aligns, merge=2):
    """Indicator rows (tuples, first `merge` entries are 一级/二级 names) to
    table rows with the first `merge` columns merged vertically."""
    rows = [[] for _ in ind]
    for m in range(merge):
        keys = [tuple(r[:m + 1]) for r in ind]
        for start, n in runs(keys):
            rows[start].append(C(xs[m], xs[m + 1], ind[start][m], "C", n))
    for i, r in enumerate(ind):
        for j in range(merge, len(r)):
            rows[i].append(C(xs[j], xs[j + 1], r[j], aligns[j]))
    return rows


def header_row(names, xs):
    return [C(xs[j], xs[j + 1], n, "C") for j, n in enumerate(names)]


# --------------------------------------------------------------------------
# rendering
# --------------------------------------------------------------------------

class Jitter:
    """Deterministic small extra advance per glyph (0.0 .. 0.6 pt)."""

    def __init__(self, seed=20230109):
        self.state = seed

    def __call__(self):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 16) % 7 / 10.0


def _draw_text(c, op, glyphs=None):
    _, x, y, s, size, color, bold = op
    c.setFillColor(color)
    if glyphs is not None:  # one text object per glyph
        for ch in s:
            if ch != " ":
                c.setFont(FONT, size)
                c.drawString(x, y, ch)
            x += sw(ch, size) + glyphs()
        return
    t = c.beginText(x, y)
    t.setFont(FONT, size)
    if bold:  # fake bold: fill + stroke, as many producers do for 黑体-less fonts
        c.setStrokeColor(color)
        c.setLineWidth(size * 0.035)
        t.setTextRenderMode(2)
    t.textOut(s)
    if bold:
        t.setTextRenderMode(0)
    c.drawText(t)


def _draw_seal(c, cx, cy, r, name):
    c.saveState()
    c.setStrokeColor(RED)
    c.setFillColor(RED)
    c.setLineWidth(2.2)
    c.circle(cx, cy, r, stroke=1, fill=0)
    # five-pointed star
    p = c.beginPath()
    for k in range(10):
        rad = r * (0.30 if k % 2 == 0 else 0.12)
        a = math.radians(90 + k * 36)
        px, py = cx + rad * math.cos(a), cy + rad * math.sin(a)
        if k == 0:
            p.moveTo(px, py)
        else:
            p.lineTo(px, py)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    # unit name along the upper arc, one glyph at a time
    size = r * 0.27
    n = len(name)
    a0, a1 = 215.0, -35.0
    for k, ch in enumerate(name):
        a = a0 + (a1 - a0) * k / (n - 1)
        c.saveState()
        c.translate(cx, cy)
        c.rotate(a - 90)
        c.setFont(FONT, size)
        c.drawCentredString(0, r - size - 3.5, ch)
        c.restoreState()
    c.restoreState()


def render(c, blocks, glyphs=None, order=None):
    seq = blocks if order is None else [blocks[i] for i in order]
    for ops in seq:
        for op in ops:
            if op[0] == "t":
                _draw_text(c, op, glyphs)
            elif op[0] == "l":
                _, x0, y0, x1, y1, w, color = op
                c.setStrokeColor(color)
                c.setLineWidth(w)
                c.line(x0, y0, x1, y1)
            elif op[0] == "seal":
                _draw_seal(c, *op[1:])


def new_canvas(path, pagesize, title, author, creator_note):
    c = canvas.Canvas(str(path), pagesize=pagesize, invariant=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setSubject(NOTE)
    c.setKeywords(NOTE)
    c.setCreator("make_probe_reportlab.py (" + creator_note + ")")
    return c


# --------------------------------------------------------------------------
# pk_01  江西 2024  油茶低产林改造提升 — no ruling lines, landscape
# --------------------------------------------------------------------------

PK01 = [
    # 一级, 二级, 三级, 指标值, 计量单位, 权重, 指标解释
    ("产出指标", "数量指标", "油茶低产林改造提升面积", "≥2.5", "万亩", "15", "以县级验收合格面积为准"),
    ("产出指标", "数量指标", "新造高产油茶林面积", "≥0.6", "万亩", "10", "当年新造并通过县级验收的面积"),
    ("产出指标", "数量指标", "开展油茶丰产栽培技术培训", "≥8", "", "5", "面向种植大户、合作社和脱贫户"),
    ("产出指标", "质量指标", "改造后苗木成活率", "≥≥90", "%", "10", "造林后3个月抽样调查成活株数占比"),
    ("产出指标", "质量指标", "良种使用率", "=100", "%", "10", "使用省级审（认）定油茶良种苗木的比例"),
    ("产出指标", "时效指标", "改造任务完成时间", "2024年11月底前", "", "5", "完成全部改造任务及县级自查验收"),
    ("产出指标", "成本指标", "低产林改造补助标准", "≤300", "元/亩", "5", "按省级补助标准执行"),
    ("效益指标", "经济效益指标", "改造后林地亩均鲜果产量", "≥400", "公斤/亩", "10", "改造后第三年进入盛果期测算"),
    ("效益指标", "社会效益指标", "带动脱贫户（监测户）务工人数", "≥300", "人", "10",
     "项目区脱贫户、监测户参与整地、垦复、施肥等务工的人数，以乡镇务工花名册及劳务费发放记录为准"),
    ("效益指标", "生态效益指标", "项目区林地水土流失状况", "有所改善", "", "5", "定性指标"),
    ("效益指标", "可持续影响指标", "油茶林长效管护机制", "健全", "", "5", "落实管护主体和管护责任"),
    ("满意度指标", "服务对象满意度指标", "参与农户满意度", "≥90", "%", "10", "抽样问卷调查"),
]


def build_pk01(path):
    W, H = landscape(A4)
    c = new_canvas(path, (W, H), "2024年度项目支出绩效目标表", "黄晓燕",
                   "system report without ruling lines")
    ops = []
    ops.append(T(W / 2, H - 52, "项目支出绩效目标表", 16, "C", bold=True))
    ops.append(T(W / 2, H - 72, "（2024年度）", 11, "C"))
    s = 9.5
    y = H - 96
    ops.append(T(40, y, "填报单位：宜春市袁州区林业局", s))
    ops.append(T(W - 40, y, "金额单位：万元", s, "R"))
    y -= 17
    ops.append(T(40, y, "项目编码：36090224T000000186", s))
    ops.append(T(300, y, "项目名称：2024年油茶低产林改造提升项目", s))
    y -= 17
    ops.append(T(40, y, "主管部门：宜春市袁州区林业局", s))
    ops.append(T(300, y, "实施单位：宜春市袁州区林业局", s))
    ops.append(T(540, y, "项目属性：新增项目", s))
    ops.append(T(680, y, "项目期：1年", s))
    y -= 17
    ops.append(T(40, y, "项目资金：", s))
    ops.append(T(90, y, "年度资金总额", s))
    ops.append(T(215, y, "856.00", s, "R"))
    ops.append(T(300, y, "其中：财政资金", s))
    ops.append(T(430, y, "800.00", s, "R"))
    ops.append(T(540, y, "其他资金", s))
    ops.append(T(640, y, "56.00", s, "R"))
    y -= 17
    goal = ("年度绩效目标：完成油茶低产林改造提升2.5万亩、新造高产油茶林0.6万亩，良种使用率100%，"
            "改造后苗木成活率达到90%以上；带动项目区脱贫户、监测户务工增收，推动油茶产业提质增效。")
    for k, line in enumerate(wrap(goal, W - 80, s)):
        ops.append(T(40 if k == 0 else 40 + sw("年度绩效目标：", s), y, line, s))
        y -= 14
    # the indicator list: no lines, columns by x only
    y -= 10
    xs = [40, 104, 208, 376, 460, 516, 556]
    heads = ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "权重", "指标解释"]
    for x, h in zip(xs, heads):
        ops.append(T(x, y, h, s))
    y -= 22
    last1 = last2 = None
    expl_w = W - 40 - xs[6]
    for r in PK01:
        l1, l2, name, val, unit, wt, expl = r
        if l1 != last1:
            ops.append(T(xs[0], y, l1, s))
        if (l1, l2) != last2:
            ops.append(T(xs[1], y, l2, s))
        last1, last2 = l1, (l1, l2)
        ops.append(T(xs[2], y, name, s))
        ops.append(T(xs[3], y, val, s))
        ops.append(T(xs[4], y, unit, s))
        ops.append(T(xs[5] + 22, y, wt, s, "R"))
        lines = wrap(expl, expl_w, s)
        for k, line in enumerate(lines):
            ops.append(T(xs[6], y - 12 * k, line, s))
        y -= 19 + 12 * (len(lines) - 1)
    y -= 6
    ops.append(T(xs[2], y, "合计", s))
    ops.append(T(xs[5] + 22, y, str(sum(int(r[5]) for r in PK01)), s, "R"))
    ops.append(T(40, 30, "打印时间：2024-01-15 09:42:17", 8))
    ops.append(T(W - 40, 30, "第1页/共1页", 8, "R"))
    assert y > 60, y
    render(c, [ops])
    c.showPage()
    c.save()


# --------------------------------------------------------------------------
# pk_02  湖南 2023  农村危房改造 — every glyph drawn separately
# --------------------------------------------------------------------------

PK02 = [
    ("产出指标", "数量指标", "完成农村危房改造户数", "≥1260户", "15"),
    ("产出指标", "数量指标", "农房抗震改造户数", "≥120户", "10"),
    ("产出指标", "质量指标", "改造后房屋安全鉴定合格率", "100100%", "10"),
    ("产出指标", "质量指标", "竣工验收合格率", "=100%", "10"),
    ("产出指标", "时效指标", "改造任务竣工时间", "2022年12月底前", "5"),
    ("产出指标", "时效指标", "补助资金拨付到户时间", "竣工验收后30日内", "5"),
    ("产出指标", "成本指标", "D级危房拆除重建户均补助标准", "≤2.5万元/户", "5"),
    ("效益指标", "社会效益指标", "农村低收入群体住房安全保障率", "=100%", "15"),
    ("效益指标", "社会效益指标", "改造户住房条件", "明显改善", "5"),
    ("效益指标", "可持续影响指标", "农房建设质量安全长效监管机制", "健全", "10"),
    ("满意度指标", "服务对象满意度指标", "改造户满意度", "≥95%", "10"),
]


def build_pk02(path):
    W, H = A4
    c = new_canvas(path, (W, H), "项目支出绩效目标表", "曾志强",
                   "one drawString per glyph, uneven spacing")
    jit = Jitter()

    def meas(s, size):  # layout allows for the widest jitter
        return sw(s, size) + 0.6 * len(s)

    st = Style(size=10.5, pad=4, meas=meas)
    ops = [T(48, H - 48, "附件3", 12, meas=meas),
           T(W / 2, H - 80, "项目支出绩效目标表", 18, "C", meas),
           T(W / 2, H - 102, "（2023年度）", 12, "C", meas),
           T(48, H - 126, "填报单位（盖章）：隆回县住房和城乡建设局", 10.5, meas=meas),
           T(W - 48, H - 126, "单位：万元", 10.5, "R", meas)]
    x0 = 48
    fx = [x0, x0 + 120, x0 + 290, x0 + 370, x0 + 500]
    facts = [
        [C(fx[0], fx[1], "项目名称"), C(fx[1], fx[4], "2023年农村低收入群体等重点对象危房改造项目", "L")],
        [C(fx[0], fx[1], "主管部门"), C(fx[1], fx[2], "隆回县住房和城乡建设局", "L"),
         C(fx[2], fx[3], "实施单位"), C(fx[3], fx[4], "隆回县各乡镇人民政府", "L")],
        [C(fx[0], fx[1], "项目资金\n（万元）", "C", 3), C(fx[1], fx[2], "年度资金总额", "L"),
         C(fx[2], fx[4], "1268.50", "L")],
        [C(fx[1], fx[2], "其中：财政拨款", "L"), C(fx[2], fx[4], "1180.00", "L")],
        [C(fx[1], fx[2], "其他资金", "L"), C(fx[2], fx[4], "88.50", "L")],
        [C(fx[0], fx[1], "年度目标"),
         C(fx[1], fx[4], "完成农村低收入群体等重点对象危房改造1260户，其中农房抗震改造120户；"
           "改造后房屋达到安全住房标准，保障农村低收入群体住房安全，群众满意度达到95%以上。", "L")],
    ]
    gx = [x0, x0 + 62, x0 + 150, x0 + 330, x0 + 440, x0 + 500]
    grid = [header_row(["一级指标", "二级指标", "三级指标", "指标值", "分值"], gx)]
    grid += grid_rows(PK02, gx, "CCLCC")
    blocks, y = table_blocks(facts + grid, H - 136, st)
    sign = [T(48, y - 24, "填报人：曾志强", 10.5, meas=meas),
            T(220, y - 24, "联系电话：0739-8231476", 10.5, meas=meas),
            T(420, y - 24, "填报日期：2023年1月9日", 10.5, meas=meas)]
    assert y - 24 > 40, y
    render(c, [ops] + blocks + [sign], glyphs=jit)
    c.showPage()
    c.save()


# --------------------------------------------------------------------------
# pk_03  广东 2025  驻镇帮镇扶村 — rows drawn bottom-up, 2 pages
# --------------------------------------------------------------------------

PK03 = [
    # 一级, 二级, 三级, 指标性质, 指标值, 度量单位, 权重
    ("产出指标", "数量指标", "扶持镇域特色产业项目个数", "≥", "6", "个", "10"),
    ("产出指标", "数量指标", "建设农产品产地冷藏保鲜设施库容", "≥", "1200", "吨", "8"),
    ("产出指标", "数量指标", "培训高素质农民人次", "≥", "450", "人次", "6"),
    ("产出指标", "质量指标", "项目验收合格率", "=", "100", "%", "8"),
    ("产出指标", "质量指标", "资金使用合规率", "=", "100", "%", "6"),
    ("产出指标", "时效指标", "项目开工时间", "定性", "2025年4月底前", "", "4"),
    ("产出指标", "时效指标", "年度资金支出进度", "≥", "90", "%", "6"),
    ("成本指标", "经济成本指标", "单个产业项目平均补助金额", "≤", "**", "万元", "6"),
    ("成本指标", "生态环境成本指标", "项目实施对生态环境造成的负面影响", "定性", "无", "", "4"),
    ("效益指标", "经济效益指标", "带动村集体经济年收入增长", "≥", "5", "万元/村", "8"),
    ("效益指标", "社会效益指标", "带动农村劳动力就近就业人数", "≥", "800", "人", "8"),
    ("效益指标", "生态效益指标", "对区域生态环境的影响", "定性", "无关", "", "4"),
    ("效益指标", "可持续影响指标", "帮扶项目持续发挥效益年限", "≥", "5", "年", "8"),
    ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", "90", "%", "14"),
]
assert sum(int(r[6]) for r in PK03) == 100


def build_pk03(path):
    W, H = A4
    c = new_canvas(path, (W, H), "项目支出绩效目标表", "李伟明",
                   "table rows drawn bottom-up, header/footer on each page")
    st = Style(size=10.5, pad=4, min_h=26)
    x0 = 45
    fx = [x0, x0 + 95, x0 + 250, x0 + 335, x0 + 505]
    facts = [
        [C(fx[0], fx[1], "项目名称"), C(fx[1], fx[4], "2025年驻镇帮镇扶村专项资金（镇域产业发展）", "L")],
        [C(fx[0], fx[1], "项目编码"), C(fx[1], fx[2], "441424250000004113", "L"),
         C(fx[2], fx[3], "项目类别"), C(fx[3], fx[4], "专项业务费", "L")],
        [C(fx[0], fx[1], "主管部门"), C(fx[1], fx[2], "五华县农业农村局", "L"),
         C(fx[2], fx[3], "实施单位"), C(fx[3], fx[4], "五华县各镇人民政府", "L")],
        [C(fx[0], fx[1], "项目期"), C(fx[1], fx[2], "2023年—2025年", "L"),
         C(fx[2], fx[3], "项目负责人"), C(fx[3], fx[4], "李伟明", "L")],
        [C(fx[0], fx[1], "项目资金\n（万元）", "C", 3), C(fx[1], fx[2], "年度资金总额", "L"),
         C(fx[2], fx[4], "2000.00", "L")],
        [C(fx[1], fx[2], "其中：财政资金", "L"), C(fx[2], fx[4], "1850.00", "L")],
        [C(fx[1], fx[2], "其他资金", "L"), C(fx[2], fx[4], "150.00", "L")],
        [C(fx[0], fx[1], "项目概况"),
         C(fx[1], fx[4], "按照全省驻镇帮镇扶村工作部署，统筹省、市、县帮扶资金，支持全县16个镇发展"
           "镇域特色产业，建设农产品产地冷藏保鲜设施，开展高素质农民培训，完善联农带农机制，"
           "推动帮扶资源向镇村下沉，促进镇域经济和村集体经济发展。", "L")],
        [C(fx[0], fx[1], "立项依据"),
         C(fx[1], fx[4], "《广东省驻镇帮镇扶村资金管理办法》；《梅州市驻镇帮镇扶村工作实施方案》；"
           "五华县2025年驻镇帮镇扶村资金使用计划。", "L")],
        [C(fx[0], fx[1], "年度绩效目标"),
         C(fx[1], fx[4], "2025年扶持镇域特色产业项目不少于6个，新建农产品产地冷藏保鲜设施库容1200吨以上，"
           "培训高素质农民450人次以上；项目验收合格率100%，带动农村劳动力就近就业800人以上，"
           "村集体经济年收入平均增长5万元以上，受益群众满意度达到90%以上。", "L")],
    ]
    gx = [x0, x0 + 55, x0 + 125, x0 + 290, x0 + 340, x0 + 420, x0 + 465, x0 + 505]
    heads = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"]
    aligns = "CCLCCCC"

    top = H - 118
    bottom_limit = 64
    fh = row_heights(facts, st)
    hh = row_heights([header_row(heads, gx)], st)[0]
    # split indicator rows over pages: fill page 1, rest on page 2
    avail1 = top - sum(fh) - hh - bottom_limit
    rh = row_heights(grid_rows(PK03, gx, aligns), st)
    n1, acc = 0, 0.0
    while n1 < len(PK03) and acc + rh[n1] <= avail1:
        acc += rh[n1]
        n1 += 1
    assert 3 <= len(PK03) - n1 <= 9, n1
    segs = [PK03[:n1], PK03[n1:]]

    for pno, seg in enumerate(segs, start=1):
        head_ops = [T(x0, H - 36, "单位名称：五华县农业农村局", 9),
                    T(x0 + 505, H - 36, "项目支出绩效目标表", 9, "R"),
                    L(x0, H - 42, x0 + 505, H - 42, 0.4)]
        foot_ops = [T(W / 2, 34, f"第 {pno} 页 共 {len(segs)} 页", 9, "C"),
                    T(x0 + 505, 34, "打印时间：2024-11-26 16:08", 8, "R")]
        rows = []
        if pno == 1:
            rows += facts
        rows += [header_row(heads, gx)] + grid_rows(seg, gx, aligns)
        y_top = top if pno == 1 else H - 70
        blocks, y = table_blocks(rows, y_top, st)
        extra = []
        if pno == 1:
            extra.append(T(W / 2, H - 80, "项目支出绩效目标表", 18, "C", bold=True))
            extra.append(T(W / 2, H - 102, "（2025年度）", 12, "C"))
        else:
            extra += [T(x0, y - 24, "填报人：李伟明", 10.5),
                      T(x0 + 170, y - 24, "联系电话：0753-4432218", 10.5),
                      T(x0 + 360, y - 24, "审核人：张海峰", 10.5)]
        # content stream order: footer, table rows from the bottom up, titles, page header
        order_blocks = [foot_ops] + blocks[::-1] + [extra, head_ops]
        render(c, order_blocks)
        c.showPage()
    c.save()


# --------------------------------------------------------------------------
# pk_04  西藏 2022  农牧民技能培训 — /Rotate 90, wrapped 指标解释
# --------------------------------------------------------------------------

PK04 = [
    ("产出指标", "数量指标", "开展农牧民职业技能培训人数", "≥3000",
     "指当年组织开展农牧民职业技能培训并结业的人数，以培训机构上报并经县（区）人社部门审核的花名册为准，不含重复参训人员。"),
    ("产出指标", "数量指标", "开设培训工种（专业）数量", "≥12个",
     "围绕藏式家具、唐卡绘制、民族服饰加工、挖掘机驾驶、烹饪、电工等市场需求较大的工种开设培训班。"),
    ("产出指标", "质量指标", "培训合格率", "≥**%",
     "参训农牧民经结业考核合格的人数占实际参训人数的比例，考核由培训机构组织，人社部门抽查。"),
    ("产出指标", "质量指标", "培训后取得职业技能等级证书或专项能力证书比例", "≥60%",
     "取得职业技能等级证书、专项职业能力证书的人数占参训人数的比例，证书信息以全国联网查询系统为准，培训合格证不计入。"),
    ("产出指标", "时效指标", "培训任务完成时间", "2022年11月底前",
     "全年培训任务在2022年11月底前完成，12月完成资金清算和补贴发放，不跨年度。"),
    ("产出指标", "成本指标", "人均培训补贴标准", "≤1600元/人",
     "按照自治区职业技能培训补贴标准目录执行，初级工每人不超过1600元，按培训课时和工种类别核定，含教材、场地和实训耗材费用。"),
    ("效益指标", "经济效益指标", "转移就业人员人均月收入", "≥3000元",
     "以抽样调查方式统计转移就业农牧民人均月工资性收入，抽样比例不低于结业人数的10%。"),
    ("效益指标", "社会效益指标", "培训后农牧民转移就业率", "≥70%",
     "培训结束后6个月内实现转移就业（含区内外务工、自主创业、灵活就业）的人数占结业人数的比例，以就业实名制系统登记信息为准。"),
    ("效益指标", "社会效益指标", "农牧民就业增收能力", "明显提升",
     "通过技能培训提高农牧民就业竞争力和稳定就业能力，促进农牧民群众持续增收。"),
    ("效益指标", "可持续影响指标", "职业技能培训长效机制", "逐步健全",
     "建立政府主导、企业参与、按需培训的农牧民职业技能培训工作机制，培训与就业服务有效衔接。"),
    ("满意度指标", "服务对象满意度指标", "参训农牧民满意度", "≥90%",
     "通过发放藏汉双语调查问卷等方式，了解参训人员对培训内容、师资、食宿、补贴发放等方面的满意程度，有效问卷不少于300份。"),
]


def build_pk04(path):
    PW, PH = A4  # portrait MediaBox
    # reportlab writes MediaBox [0 0 h w] when Rotate is 90, so pass the shown
    # (landscape) size to get a portrait MediaBox [0 0 595 842].
    c = new_canvas(path, (PH, PW), "项目支出绩效目标表", "次仁卓嘎",
                   "portrait page, /Rotate 90, content turned to show landscape")
    c.setPageRotation(90)
    # Shown rotated 90° clockwise: draw in a landscape frame (X right, Y up as
    # displayed), mapped to portrait user space as (PW - Y, X).
    c.translate(PW, 0)
    c.rotate(90)
    W, H = PH, PW
    st = Style(size=8.5, lead=11, pad=3)
    x0 = 76
    ops = [T(W / 2, H - 44, "项目支出绩效目标表", 15, "C", bold=True),
           T(W / 2, H - 62, "（2022年度）", 10.5, "C"),
           T(x0, H - 80, "填报单位：日喀则市人力资源和社会保障局", 9),
           T(x0 + 690, H - 80, "单位：万元", 9, "R")]
    fx = [x0, x0 + 100, x0 + 320, x0 + 420, x0 + 690]
    facts = [
        [C(fx[0], fx[1], "项目名称"), C(fx[1], fx[4], "2022年农牧民转移就业技能培训项目", "L")],
        [C(fx[0], fx[1], "主管部门"), C(fx[1], fx[2], "日喀则市人力资源和社会保障局", "L"),
         C(fx[2], fx[3], "实施单位"), C(fx[3], fx[4], "日喀则市各县（区）人力资源和社会保障局", "L")],
        [C(fx[0], fx[1], "项目资金（万元）"), C(fx[1], fx[2], "年度资金总额：486.00", "L"),
         C(fx[2], fx[3], "财政拨款：486.00", "L"), C(fx[3], fx[4], "其他资金：0.00", "L")],
        [C(fx[0], fx[1], "年度目标"),
         C(fx[1], fx[4], "全年开展农牧民职业技能培训3000人以上，开设培训工种不少于12个，"
           "培训后转移就业率达到70%以上，提升农牧民就业技能和增收能力，参训农牧民满意度达到90%以上。", "L")],
    ]
    gx = [x0, x0 + 62, x0 + 145, x0 + 345, x0 + 470, x0 + 690]
    grid = [header_row(["一级指标", "二级指标", "三级指标", "指标值", "指标解释"], gx)]
    grid += grid_rows(PK04, gx, "CCLCL")
    blocks, y = table_blocks(facts + grid, H - 88, st)
    sign = [T(x0, y - 16, "填报人：次仁卓嘎", 9),
            T(x0 + 200, y - 16, "联系电话：0892-8836125", 9),
            T(x0 + 420, y - 16, "填报日期：2022年1月18日", 9)]
    assert y - 16 > 16, y
    render(c, [ops] + blocks + [sign])
    c.showPage()
    c.save()


# --------------------------------------------------------------------------
# pk_05  重庆 2024  two projects on one page + sign-off with a red seal
# --------------------------------------------------------------------------

PK05_A = [
    ("产出指标", "数量指标", "配置基层医疗卫生机构诊疗设备", "≥46台（套）"),
    ("产出指标", "数量指标", "开展基层医务人员业务培训", "≥320人次"),
    ("产出指标", "质量指标", "设备验收合格率", "≥9898%"),
    ("产出指标", "时效指标", "设备采购完成时间", "2024年9月底前"),
    ("产出指标", "成本指标", "设备采购成本", "≤300万元"),
    ("效益指标", "社会效益指标", "基层医疗卫生机构诊疗人次增长率", "≥5%"),
    ("效益指标", "可持续影响指标", "乡镇卫生院服务能力", "持续提升"),
    ("满意度指标", "服务对象满意度指标", "患者满意度", "≥90%"),
]
PK05_B = [
    ("产出指标", "数量指标", "重点人群家庭医生签约人数", "≥12.6万人"),
    ("产出指标", "数量指标", "家庭医生签约服务团队数量", "≥180个"),
    ("产出指标", "质量指标", "重点人群签约服务覆盖率", "≥75%"),
    ("产出指标", "质量指标", "签约居民履约随访率", "≥90%"),
    ("产出指标", "时效指标", "补助资金拨付时间", "2023年12月底前"),
    ("产出指标", "成本指标", "签约服务补助标准", "=10元/人"),
    ("效益指标", "社会效益指标", "城乡居民健康管理水平", "明显提高"),
    ("效益指标", "可持续影响指标", "家庭医生签约服务机制", "长效运行"),
    ("满意度指标", "服务对象满意度指标", "签约居民满意度", "≥85%"),
]


def build_pk05(path):
    W, H = A4
    c = new_canvas(path, (W, H), "项目支出绩效目标表", "陈思雨",
                   "two projects on one page, vector seal over the sign-off")
    st = Style(size=9, lead=11, pad=2.5, min_h=15.5)
    x0 = 48
    fx = [x0, x0 + 100, x0 + 250, x0 + 330, x0 + 500]
    gx = [x0, x0 + 70, x0 + 155, x0 + 360, x0 + 500]
    projects = [
        ("附件2-1", "2024年基层医疗卫生机构能力提升项目", "綦江区卫生健康委员会",
         ("326.00", "300.00", "26.00"),
         "为全区镇（街道）卫生院配置DR、彩超、全自动生化分析仪等诊疗设备46台（套），开展基层医务人员"
         "业务培训320人次，提升基层医疗卫生机构服务能力。", PK05_A),
        ("附件2-2", "2024年家庭医生签约服务补助", "区内各基层医疗卫生机构",
         ("142.80", "142.80", "0.00"),
         "组建家庭医生签约服务团队180个以上，重点人群签约服务覆盖率达到75%以上，为签约居民提供"
         "基本医疗、公共卫生和健康管理服务。", PK05_B),
    ]
    blocks = []
    y = H - 40
    for att, name, impl, money, goal, ind in projects:
        head = [T(x0, y, att, 10),
                T(W / 2, y - 22, "项目支出绩效目标表", 15, "C", bold=True),
                T(W / 2, y - 40, "（2024年度）", 10, "C")]
        blocks.append(head)
        facts = [
            [C(fx[0], fx[1], "项目名称"), C(fx[1], fx[4], name, "L")],
            [C(fx[0], fx[1], "主管部门"), C(fx[1], fx[2], "重庆市綦江区卫生健康委员会", "L"),
             C(fx[2], fx[3], "实施单位"), C(fx[3], fx[4], impl, "L")],
            [C(fx[0], fx[1], "项目资金\n（万元）", "C", 3), C(fx[1], fx[2], "年度资金总额", "L"),
             C(fx[2], fx[4], money[0], "L")],
            [C(fx[1], fx[2], "其中：财政拨款", "L"), C(fx[2], fx[4], money[1], "L")],
            [C(fx[1], fx[2], "其他资金", "L"), C(fx[2], fx[4], money[2], "L")],
            [C(fx[0], fx[1], "年度目标"), C(fx[1], fx[4], goal, "L")],
        ]
        grid = [header_row(["一级指标", "二级指标", "三级指标", "指标值"], gx)]
        grid += grid_rows(ind, gx, "CCLC")
        tb, y = table_blocks(facts + grid, y - 50, st)
        blocks += tb
        y -= 26
    # sign-off with the seal drawn last, over the unit name and date
    ys = y - 6
    sign = [T(x0, ys, "填报人：陈思雨", 10),
            T(x0 + 150, ys, "联系电话：023-48672135", 10),
            T(x0, ys - 24, "单位（盖章）：重庆市綦江区卫生健康委员会", 10),
            T(x0 + 330, ys - 24, "填报日期：2024年1月10日", 10)]
    blocks.append(sign)
    blocks.append([("seal", x0 + 190, ys - 20, 40, "重庆市綦江区卫生健康委员会")])
    assert ys - 24 > 36, ys
    render(c, blocks)
    c.showPage()
    c.save()


# --------------------------------------------------------------------------
# pk_06  黑龙江 2023  农村户厕改造 绩效自评表 — 7 pt, narrow columns
# --------------------------------------------------------------------------

PK06 = [
    # 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施
    ("产出指标", "数量指标", "完成农村户厕改造户数", "≥3000", "3026户", "15", "15", ""),
    ("产出指标", "数量指标", "建设粪污收集转运站点", "≥15个", "15个", "5", "5", ""),
    ("产出指标", "数量指标", "配置吸污车辆", "≥8台", "8台", "5", "5", ""),
    ("产出指标", "质量指标", "改厕工程验收合格率", "≥95%", "96.8%", "10", "10", ""),
    ("产出指标", "质量指标", "改造户厕冬季正常使用率", "≥90%", "87.5%", "5", "4",
     "部分户厕防冻措施落实不到位，冬季出现冻堵。下一步加强防冻技术指导和入户巡查。"),
    ("产出指标", "时效指标", "改厕任务完成时间", "2023年10月底前", "2023年10月28日", "5", "5", ""),
    ("产出指标", "成本指标", "户均改厕补助标准", "≤2000元/户", "2000元/户", "5", "5", ""),
    ("效益指标", "经济效益指标", "带动农户增收", "无关", "无关", "", "", ""),
    ("效益指标", "社会效益指标", "农村人居环境", "明显改善", "明显改善", "10", "10", ""),
    ("效益指标", "生态效益指标", "粪污资源化利用率", "≥60%", "62%", "10", "10", ""),
    ("效益指标", "可持续影响指标", "户厕长效管护机制", "建立健全", "已建立", "10", "9",
     "部分乡镇管护队伍尚未配齐，下一步推动管护服务全覆盖。"),
    ("满意度指标", "服务对象满意度指标", "改厕农户满意度", "≥90%", "93.2%", "10", "10", ""),
]


def build_pk06(path):
    W, H = A4
    c = new_canvas(path, (W, H), "项目支出绩效自评表", "孙丽娜",
                   "self-evaluation at 7 pt in narrow columns")
    st = Style(size=7, lead=8.8, pad=2, min_h=14)
    x0 = 110
    gx = [x0, x0 + 22, x0 + 50, x0 + 90, x0 + 120, x0 + 150, x0 + 166, x0 + 184, x0 + 375]
    right = gx[-1]
    ops = [T(W / 2, H - 60, "项目支出绩效自评表", 12, "C", bold=True),
           T(W / 2, H - 75, "（2023年度）", 8, "C"),
           T(x0, H - 90, "填报单位：望奎县农业农村局", 7),
           T(right, H - 90, "单位：万元", 7, "R")]
    fx = [x0, x0 + 52, x0 + 190, x0 + 240, right]
    bx = [x0, x0 + 52, x0 + 110, x0 + 150, x0 + 190, x0 + 230, x0 + 255, x0 + 300, right]
    facts = [
        [C(fx[0], fx[1], "项目名称"), C(fx[1], fx[4], "2023年农村户厕改造项目", "L")],
        [C(fx[0], fx[1], "主管部门"), C(fx[1], fx[2], "望奎县农业农村局", "L"),
         C(fx[2], fx[3], "实施单位"), C(fx[3], fx[4], "望奎县各乡镇人民政府", "L")],
        [C(bx[0], bx[1], "项目资金\n（万元）", "C", 4), C(bx[1], bx[2], ""),
         C(bx[2], bx[3], "年初预算数"), C(bx[3], bx[4], "全年预算数"), C(bx[4], bx[5], "全年执行数"),
         C(bx[5], bx[6], "分值"), C(bx[6], bx[7], "执行率"), C(bx[7], bx[8], "得分")],
        [C(bx[1], bx[2], "年度资金总额", "L"), C(bx[2], bx[3], "680.00"), C(bx[3], bx[4], "712.40"),
         C(bx[4], bx[5], "695.63"), C(bx[5], bx[6], "10"), C(bx[6], bx[7], "97.65%"),
         C(bx[7], bx[8], "9.76")],
        [C(bx[1], bx[2], "其中：财政拨款", "L"), C(bx[2], bx[3], "640.00"), C(bx[3], bx[4], "672.40"),
         C(bx[4], bx[5], "656.13"), C(bx[5], bx[6], "—"), C(bx[6], bx[7], "97.58%"),
         C(bx[7], bx[8], "—")],
        [C(bx[1], bx[2], "其他资金", "L"), C(bx[2], bx[3], "40.00"), C(bx[3], bx[4], "40.00"),
         C(bx[4], bx[5], "39.50"), C(bx[5], bx[6], "—"), C(bx[6], bx[7], "98.75%"),
         C(bx[7], bx[8], "—")],
        [C(fx[0], fx[1], "年度总体目标", "C", 2), C(fx[1], x0 + 205, "预期目标"),
         C(x0 + 205, right, "实际完成情况")],
        [C(fx[1], x0 + 205, "完成农村户厕改造3000户，建设粪污收集转运站点15个，配置吸污车辆8台，"
           "改厕工程验收合格率95%以上，改善农村人居环境。", "L"),
         C(x0 + 205, right, "完成农村户厕改造3026户，建成粪污收集转运站点15个，配置吸污车辆8台，"
           "验收合格率96.8%，粪污资源化利用率62%，农村人居环境明显改善。", "L")],
    ]
    heads = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
             "偏差原因分析及改进措施"]
    grid = [header_row(heads, gx)] + grid_rows(PK06, gx, "CCLCCCCL")
    pts = sum(int(r[5]) for r in PK06 if r[5])
    got = sum(int(r[6]) for r in PK06 if r[6])
    assert pts == 90 and got == 88
    grid.append([C(gx[0], gx[5], "总分"), C(gx[5], gx[6], "100"), C(gx[6], gx[7], "97.76"),
                 C(gx[7], gx[8], "")])
    blocks, y = table_blocks(facts + grid, H - 96, st)
    sign = [T(x0, y - 16, "填报人：孙丽娜", 7),
            T(x0 + 120, y - 16, "联系电话：0455-6521307", 7),
            T(x0 + 260, y - 16, "填报日期：2024年3月12日", 7)]
    render(c, [ops] + blocks + [sign])
    c.showPage()
    c.save()


BUILDS = [
    ("pk_01_jiangxi_2024_youcha-gaizao", build_pk01),
    ("pk_02_hunan_2023_nongcun-weifang", build_pk02),
    ("pk_03_guangdong_2025_zhuzhen-bangfu", build_pk03),
    ("pk_04_xizang_2022_nongmumin-peixun", build_pk04),
    ("pk_05_chongqing_2024_jiceng-weisheng", build_pk05),
    ("pk_06_heilongjiang_2023_nongcun-gaice-self", build_pk06),
]


def main(argv):
    outdir = Path(argv[1]).resolve() if len(argv) > 1 else HERE
    outdir.mkdir(parents=True, exist_ok=True)
    for stem, build in BUILDS:
        out = outdir / (stem + ".pdf")
        build(out)
        print(out)


if __name__ == "__main__":
    main(sys.argv)
