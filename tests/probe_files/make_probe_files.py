#!/usr/bin/env python3
"""Rebuild the synthetic probe files px_01..px_06 (.xlsx / .docx).

These are NOT captured documents. They were written from general knowledge of
how Chinese agencies lay out 项目支出绩效目标表 / 绩效自评表 / 部门整体支出绩效目标表,
to probe the importer with inputs it was never fitted to. Defects are planted
on purpose (see README.md in this folder).

Needs: openpyxl, python-docx (e.g. python3 -m venv /tmp/probegen &&
/tmp/probegen/bin/pip install openpyxl python-docx), then

    /tmp/probegen/bin/python tests/probe_files/make_probe_files.py

Output is deterministic: core properties use fixed datetimes, and every zip
entry is rewritten with a fixed timestamp, so two runs give identical bytes.
"""

import datetime as dt
import io
import os
import re
import zipfile

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

HERE = os.path.dirname(os.path.abspath(__file__))
ZIP_TIME = (2024, 1, 1, 0, 0, 0)


# --------------------------------------------------------------------------
# determinism helpers
# --------------------------------------------------------------------------

def _normalise_zip(raw: bytes, fixed: dt.datetime) -> bytes:
    """Re-pack a zip with fixed entry timestamps and a fixed core.xml modified."""
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    stamp = fixed.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rf"\g<1>{stamp}\g<2>", text)
                text = re.sub(r"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)",
                              rf"\g<1>{stamp}\g<2>", text)
                data = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 3
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, data)
    return out.getvalue()


def save_workbook(wb: Workbook, path: str, when: dt.datetime, author: str):
    wb.properties.creator = author
    wb.properties.lastModifiedBy = author
    wb.properties.created = when
    wb.properties.modified = when
    buf = io.BytesIO()
    archive = zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()  # bypasses save_workbook's "modified = now"
    with open(path, "wb") as fh:
        fh.write(_normalise_zip(buf.getvalue(), when))


def save_document(doc, path: str, when: dt.datetime, author: str, title: str):
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 1
    cp.title = title
    cp.comments = ""
    cp.keywords = ""
    cp.subject = ""
    buf = io.BytesIO()
    doc.save(buf)
    with open(path, "wb") as fh:
        fh.write(_normalise_zip(buf.getvalue(), when))


# --------------------------------------------------------------------------
# xlsx helpers
# --------------------------------------------------------------------------

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
F_BODY = Font(name="宋体", size=10)
F_BOLD = Font(name="宋体", size=10, bold=True)
F_TITLE = Font(name="方正小标宋简体", size=16)


def put(ws, ref, value, bold=False, align=CENTER, border=True, fmt=None):
    c = ws[ref]
    c.value = value
    c.font = F_BOLD if bold else F_BODY
    c.alignment = align
    if border:
        c.border = BORDER
    if fmt:
        c.number_format = fmt
    return c


def box(ws, rng):
    """Border every cell of a range (merged cells need it on each cell)."""
    if ":" not in rng:
        rng = f"{rng}:{rng}"
    for row in ws[rng]:
        for c in row:
            c.border = BORDER


def merge(ws, rng, value=None, bold=False, align=CENTER, fmt=None):
    first = rng.split(":")[0]
    put(ws, first, value, bold=bold, align=align, fmt=fmt)
    box(ws, rng)
    if ":" in rng and rng.split(":")[0] != rng.split(":")[1]:
        ws.merge_cells(rng)


def runs(values):
    """[(start, end, value)] for contiguous equal values (indices inclusive)."""
    out, start = [], 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            out.append((start, i - 1, values[start]))
            start = i
    return out


def grid_merges(ws, first_row, rows, l1_col="A", l2_col="B"):
    """Vertically merge the 一级 and 二级 columns over an indicator block."""
    l1 = [r[0] for r in rows]
    l12 = [(r[0], r[1]) for r in rows]
    for s, e, v in runs(l1):
        merge(ws, f"{l1_col}{first_row + s}:{l1_col}{first_row + e}", v)
    for s, e, v in runs(l12):
        merge(ws, f"{l2_col}{first_row + s}:{l2_col}{first_row + e}", v[1])


def widths(ws, spec):
    for col, w in spec.items():
        ws.column_dimensions[col].width = w


# --------------------------------------------------------------------------
# (a) px_01: Shandong, one sheet per project, 指标性质 (operator) + 计量单位
# --------------------------------------------------------------------------

PX01_PROJECTS = [
    {
        "sheet": "高标准农田建设",
        "name": "2024年汶上县高标准农田建设项目",
        "dept": "汶上县农业农村局",
        "unit": "汶上县农田建设服务中心",
        "money": (2860, 2860, 0),
        "goal": ("通过实施田块整治、灌溉排水、田间道路、农田防护与生态环境保护等工程，"
                 "2024年在次丘镇、苑庄镇、郭楼镇等5个镇新建高标准农田2.2万亩，其中新增高效节水"
                 "灌溉面积0.8万亩；项目区耕地质量等级提升0.5个等级以上，亩均粮食产能提升50公斤"
                 "以上，进一步夯实粮食安全基础。"),
        "rows": [
            ("产出指标", "数量指标", "新建高标准农田面积", "≥", 2.2, "万亩", "年度新建高标准农田任务面积"),
            ("产出指标", "数量指标", "新增高效节水灌溉面积", "≥", 0.8, "万亩", "新增喷灌、微灌、管灌面积"),
            ("产出指标", "数量指标", "新建及改造机耕路", "≥", 36, "公里", "田间道（机耕路）长度"),
            ("产出指标", "质量指标", "项目工程验收合格率", "＝", 100, "%", "验收合格工程数/完工工程数"),
            ("产出指标", "质量指标", "项目区耕地质量等级提升", "≥", 0.5, "等", "按耕地质量等级评价标准"),
            ("产出指标", "时效指标", "项目建设完成时限", "定性", "2024年12月底前完工", "", "按项目批复工期完成建设"),
            ("产出指标", "成本指标", "亩均财政投入", "≤", 1300, "元/亩", "年度财政资金/建设面积"),
            ("效益指标", "经济效益指标", "亩均粮食产能提升", "≥", 50, "公斤", "项目区建成后亩均产能增加"),
            ("效益指标", "社会效益指标", "项目区受益农户数", "≥", 1.6, "万户", "项目区覆盖农户"),
            ("效益指标", "生态效益指标", "项目区灌溉水有效利用系数", "≥", 0.65, "", "项目区灌溉水有效利用系数"),
            ("效益指标", "生态效益指标", "项目区农田林网控制率", "≥", "**", "%", "农田林网控制面积/项目区面积"),
            ("效益指标", "可持续影响指标", "工程设施正常使用年限", "≥", 15, "年", "建成工程设施设计使用年限"),
            ("满意度指标", "服务对象满意度指标", "项目区受益群众满意度", "≥", 90, "%", "抽样问卷调查"),
        ],
    },
    {
        "sheet": "病虫害统防统治",
        "name": "2024年农作物重大病虫害统防统治项目",
        "dept": "汶上县农业农村局",
        "unit": "汶上县农业技术推广中心",
        "money": (186.4, 186.4, 0),
        "goal": ("扶持专业化病虫害防治服务组织12个，完成小麦“一喷三防”作业面积68万亩以上，"
                 "将小麦、玉米重大病虫危害损失率控制在5%以内，挽回粮食损失1.5万吨以上，"
                 "推进农药减量增效，保障粮食生产安全。"),
        "rows": [
            ("产出指标", "数量指标", "小麦“一喷三防”作业面积", "≥", 68, "万亩", "统一组织实施的喷防面积"),
            ("产出指标", "数量指标", "扶持专业化统防统治服务组织数量", "＝", 12, "个", "年度扶持服务组织"),
            ("产出指标", "质量指标", "防治作业质量达标率", "＝", 100100, "%", "抽查作业质量达标地块占比"),
            ("产出指标", "质量指标", "重大病虫危害损失率", "≤", 5, "%", "防治区病虫危害损失"),
            ("产出指标", "时效指标", "防治作业完成及时率", "≥", 95, "%", "在防治适期内完成作业"),
            ("产出指标", "成本指标", "亩均作业补助标准", "≤", 2.5, "元/亩", "按实际作业面积补助"),
            ("效益指标", "经济效益指标", "挽回粮食损失", "≥", 1.5, "万吨", "防治挽回损失测算"),
            ("效益指标", "社会效益指标", "农户科学用药水平", "定性", "明显提升", "", ""),
            ("效益指标", "生态效益指标", "化学农药使用量", "定性", "持续下降", "", "与上年相比"),
            ("满意度指标", "服务对象满意度指标", "服务农户满意度", "≥", 90, "%", "抽样问卷调查"),
        ],
    },
]


def build_px01(path):
    wb = Workbook()
    wb.remove(wb.active)
    for p in PX01_PROJECTS:
        ws = wb.create_sheet(p["sheet"])
        widths(ws, {"A": 11, "B": 14, "C": 28, "D": 9, "E": 14, "F": 9, "G": 26})
        merge(ws, "A1:G1", "项目支出绩效目标表")
        ws["A1"].font = F_TITLE
        ws.row_dimensions[1].height = 32
        ws["A2"] = "（2024年度）"
        ws["A2"].alignment = CENTER
        ws["A2"].font = F_BODY
        ws.merge_cells("A2:G2")
        ws["A3"] = "填报单位（盖章）：汶上县农业农村局"
        ws["A3"].font = F_BODY
        ws.merge_cells("A3:D3")
        ws["G3"] = "单位：万元"
        ws["G3"].font = F_BODY
        ws["G3"].alignment = Alignment(horizontal="right")

        merge(ws, "A4:B4", "项目名称", bold=True)
        merge(ws, "C4:G4", p["name"], align=LEFT)
        merge(ws, "A5:B5", "主管部门", bold=True)
        merge(ws, "C5:D5", p["dept"], align=LEFT)
        merge(ws, "E5", "实施单位", bold=True)
        merge(ws, "F5:G5", p["unit"], align=LEFT)
        merge(ws, "A6:B8", "项目资金（万元）", bold=True)
        for i, (label, amount) in enumerate(zip(("年度资金总额", "其中：财政拨款", "其他资金"), p["money"], strict=False)):
            r = 6 + i
            merge(ws, f"C{r}:D{r}", label)
            merge(ws, f"E{r}:G{r}", amount, fmt="0.00")
        merge(ws, "A9:B9", "年度绩效目标", bold=True)
        merge(ws, "C9:G9", p["goal"], align=LEFT)
        ws.row_dimensions[9].height = 78

        head = ("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "指标解释")
        for col, h in zip("ABCDEFG", head, strict=False):
            put(ws, f"{col}10", h, bold=True)
        first = 11
        for i, row in enumerate(p["rows"]):
            r = first + i
            for col, v in zip("CDEFG", row[2:], strict=False):
                put(ws, f"{col}{r}", v if v != "" else None,
                    align=LEFT if col in "CG" else CENTER)
        grid_merges(ws, first, p["rows"])
        last = first + len(p["rows"]) - 1
        r = last + 2
        ws[f"A{r}"] = "填报人：王建国"
        ws[f"C{r}"] = "联系电话：0537-7212345"
        ws[f"E{r}"] = "填报日期：2023年11月20日"
        for col in "ACE":
            ws[f"{col}{r}"].font = F_BODY
        ws.print_title_rows = "10:10"
    save_workbook(wb, path, dt.datetime(2023, 11, 20, 9, 30, 0), "汶上县农业农村局")


# --------------------------------------------------------------------------
# (b) px_02: Shanxi, one sheet, 4-column key/value header, 中期+年度 side by side,
#     numbers stored as numbers, a real Excel date
# --------------------------------------------------------------------------

DATE_FMT = 'yyyy"年"m"月"d"日"'

PX02_ROWS = [
    # 一级, 二级, 三级, 中期值, 年度值, 计量单位, 权重, 年度值 number_format
    ("产出指标", "数量指标", "修缮古建筑单体数量", 12, 5, "座", 10, None),
    ("产出指标", "数量指标", "修缮建筑面积", 1860, 820, "平方米", 10, None),
    ("产出指标", "数量指标", "编制修缮工程档案", 3, 1, "套", 5, None),
    ("产出指标", "质量指标", "修缮工程验收合格率", 100, 100, "%", 10, None),
    ("产出指标", "质量指标", "文物本体原状保存率", 0.98, 0.98, None, 5, "0%"),
    ("产出指标", "时效指标", "年度修缮工程完成时间", dt.date(2026, 10, 31), dt.date(2024, 12, 31), None, 5, DATE_FMT),
    ("产出指标", "成本指标", "年度项目成本控制数", 210, 86.5, "万元", 10, None),
    ("效益指标", "社会效益指标", "年接待参观游客人数", "逐年增长", 3.5, "万人次", 10, None),
    ("效益指标", "社会效益指标", "开展文物保护宣传活动场次", 12, 4, None, 5, None),
    ("效益指标", "可持续影响指标", "文物建筑安全保存年限", "≥50", "≥50", "年", 10, None),
    ("满意度指标", "服务对象满意度指标", "游客及周边群众满意度", "≥90", "≥90", "%", 10, None),
]


def build_px02(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "绩效目标表"
    widths(ws, {"A": 11, "B": 14, "C": 26, "D": 16, "E": 16, "F": 10, "G": 8})
    merge(ws, "A1:G1", "山西省省级项目支出绩效目标表")
    ws["A1"].font = F_TITLE
    ws.row_dimensions[1].height = 32
    ws["A2"] = "（2024年度）"
    ws["A2"].font = F_BODY
    ws["A2"].alignment = CENTER
    ws.merge_cells("A2:G2")

    merge(ws, "A3:B3", "项目名称", bold=True)
    merge(ws, "C3:D3", "2024年省级文物保护专项—泽州县岱庙古建筑修缮工程", align=LEFT)
    merge(ws, "E3", "项目类型", bold=True)
    merge(ws, "F3:G3", "一次性项目")
    merge(ws, "A4:B4", "主管部门", bold=True)
    merge(ws, "C4:D4", "泽州县文化和旅游局", align=LEFT)
    merge(ws, "E4", "实施单位", bold=True)
    merge(ws, "F4:G4", "泽州县文物保护中心", align=LEFT)
    merge(ws, "A5:B7", "项目资金（万元）", bold=True)
    money = (("年度资金总额", 86.5, "实施期资金总额", 210),
             ("其中：财政拨款", 86.5, "其中：财政拨款", 210),
             ("其他资金", 0, "其他资金", 0))
    for i, (l1, v1, l2, v2) in enumerate(money):
        r = 5 + i
        put(ws, f"C{r}", l1)
        put(ws, f"D{r}", v1)
        put(ws, f"E{r}", l2)
        merge(ws, f"F{r}:G{r}", v2)
    merge(ws, "A8:B8", "实施期总体目标", bold=True)
    merge(ws, "C8:D8", ("2024—2026年完成岱庙山门、天齐殿、东西配殿等12座古建筑单体修缮，"
                        "修缮面积1860平方米，消除文物本体安全隐患，提升文物保护利用水平。"), align=LEFT)
    merge(ws, "E8", "年度目标", bold=True)
    merge(ws, "F8:G8", ("2024年完成山门、天齐殿等5座单体修缮，修缮面积820平方米，"
                        "工程验收合格率100%。"), align=LEFT)
    ws.row_dimensions[8].height = 90

    head = ("一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值", "计量单位", "权重")
    for col, h in zip("ABCDEFG", head, strict=False):
        put(ws, f"{col}9", h, bold=True)
    first = 10
    for i, (_l1, _l2, l3, mid, year, unit, weight, fmt) in enumerate(PX02_ROWS):
        r = first + i
        put(ws, f"C{r}", l3, align=LEFT)
        put(ws, f"D{r}", mid, fmt=fmt)
        put(ws, f"E{r}", year, fmt=fmt)
        put(ws, f"F{r}", unit)
        put(ws, f"G{r}", weight)
    grid_merges(ws, first, PX02_ROWS)
    last = first + len(PX02_ROWS) - 1
    r = last + 1
    merge(ws, f"A{r}:F{r}", "合计", bold=True)
    put(ws, f"G{r}", 90)
    r += 2
    ws[f"A{r}"] = "填报人：李晓峰"
    ws[f"C{r}"] = "联系电话：0356-2032118"
    ws[f"E{r}"] = "填报日期：2023年12月5日"
    for col in "ACE":
        ws[f"{col}{r}"].font = F_BODY
    save_workbook(wb, path, dt.datetime(2023, 12, 5, 15, 12, 0), "Administrator")


# --------------------------------------------------------------------------
# (c) px_03: Yunnan self-evaluation, budget block, empty trailing column,
#     hidden lookup sheet
# --------------------------------------------------------------------------

PX03_ROWS = [
    # 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因
    ("产出指标", "数量指标", "建设生物防火隔离带", "≥120公里", "126公里", 8, 8, ""),
    ("产出指标", "数量指标", "聘用专业扑火队员人数", "＝86人", "86人", 8, 8, ""),
    ("产出指标", "数量指标", "开展森林火灾应急演练", "≥4次", "5次", 6, 6, ""),
    ("产出指标", "质量指标", "森林火灾受害率", "≤0.9‰", "0.12‰", 8, 8, ""),
    ("产出指标", "质量指标", "森林火灾案件查处率", "≥95%", "100%", 6, 6, ""),
    ("产出指标", "时效指标", "资金支付完成时间", "2022年11月30日前", "2023年12月20日", 6, 4,
     "资金下达较晚，支付进度滞后。下一步将提前谋划，加快项目实施和资金支付进度。"),
    ("产出指标", "成本指标", "生物防火隔离带建设成本", "≤1.5万元/公里", "1.48万元/公里", 8, 8, ""),
    ("效益指标", "经济效益指标", "项目区林农增收", "无关", "无关", None, None, ""),
    ("效益指标", "社会效益指标", "重特大森林草原火灾发生次数", "＝0次", "0次", 10, 10, ""),
    ("效益指标", "生态效益指标", "森林覆盖率", "≥72.5%", "72.81%", 10, 10, ""),
    ("效益指标", "可持续影响指标", "防火基础设施使用年限", "≥10年", "10年", 10, 10, ""),
    ("满意度指标", "服务对象满意度指标", "项目区群众满意度", "≥90%", "95%", 10, 10, ""),
]


def build_px03(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "项目支出绩效自评表"
    widths(ws, {"A": 12, "B": 16, "C": 24, "D": 16, "E": 14, "F": 8, "G": 8, "H": 30, "I": 6})
    merge(ws, "A1:I1", "项目支出绩效自评表")
    ws["A1"].font = F_TITLE
    ws.row_dimensions[1].height = 32
    ws["A2"] = "（2023年度）"
    ws["A2"].font = F_BODY
    ws["A2"].alignment = CENTER
    ws.merge_cells("A2:I2")

    merge(ws, "A3:B3", "项目名称", bold=True)
    merge(ws, "C3:H3", "2023年森林草原防灭火专项资金项目", align=LEFT)
    merge(ws, "A4:B4", "主管部门", bold=True)
    merge(ws, "C4:E4", "景东彝族自治县林业和草原局", align=LEFT)
    put(ws, "F4", "实施单位", bold=True)
    merge(ws, "G4:H4", "景东彝族自治县森林草原防灭火指挥部办公室", align=LEFT)

    merge(ws, "A5:A9", "项目资金（万元）", bold=True)
    put(ws, "B5", None)
    for col, h in zip("CDEFGH", ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"), strict=False):
        put(ws, f"{col}5", h, bold=True)
    budget = (
        ("年度资金总额", 320, 320, 312.48, 10, 0.9765, 9.77),
        ("其中：当年财政拨款", 320, 320, 312.48, "—", 0.9765, "—"),
        ("上年结转资金", 0, 0, 0, "—", "—", "—"),
        ("其他资金", 0, 0, 0, "—", "—", "—"),
    )
    for i, row in enumerate(budget):
        r = 6 + i
        put(ws, f"B{r}", row[0])
        for col, v in zip("CDEFGH", row[1:], strict=False):
            fmt = "0.00%" if col == "G" and isinstance(v, float) else None
            put(ws, f"{col}{r}", v, fmt=fmt)

    merge(ws, "A10:A11", "年度总体目标", bold=True)
    merge(ws, "B10:E10", "预期目标", bold=True)
    merge(ws, "F10:H10", "实际完成情况", bold=True)
    merge(ws, "B11:E11", ("建设生物防火隔离带120公里以上，组建专业扑火队伍86人，开展应急演练4次以上，"
                          "森林火灾受害率控制在0.9‰以内，确保不发生重特大森林草原火灾。"), align=LEFT)
    merge(ws, "F11:H11", ("完成生物防火隔离带126公里，专业扑火队员86人全部到岗，开展应急演练5次，"
                          "全年森林火灾受害率0.12‰，未发生重特大森林草原火灾。"), align=LEFT)
    ws.row_dimensions[11].height = 80

    head = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
            "偏差原因分析及改进措施", None)
    for col, h in zip("ABCDEFGHI", head, strict=False):
        put(ws, f"{col}12", h, bold=True)
    first = 13
    for i, row in enumerate(PX03_ROWS):
        r = first + i
        for col, v in zip("CDEFGH", row[2:], strict=False):
            put(ws, f"{col}{r}", v if v != "" else None, align=LEFT if col in "CH" else CENTER)
        put(ws, f"I{r}", None)  # empty trailing column, bordered like the grid
    grid_merges(ws, first, PX03_ROWS)
    last = first + len(PX03_ROWS) - 1
    r = last + 1
    merge(ws, f"A{r}:E{r}", "总分", bold=True)
    put(ws, f"F{r}", 100)
    put(ws, f"G{r}", 97.77)
    put(ws, f"H{r}", None)
    put(ws, f"I{r}", None)
    r += 2
    ws[f"A{r}"] = "填报人：杨春梅"
    ws[f"C{r}"] = "联系电话：0879-6221357"
    ws[f"E{r}"] = "填报日期：2024年3月15日"
    for col in "ACE":
        ws[f"{col}{r}"].font = F_BODY

    lk = wb.create_sheet("下拉选项")
    lists = {
        "A": ("一级指标", "产出指标", "效益指标", "满意度指标"),
        "B": ("二级指标", "数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标",
              "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标"),
        "C": ("指标性质", "≥", "≤", "＝", "定性"),
        "D": ("偏差原因类型", "资金下达滞后", "项目实施进度滞后", "目标设定不合理",
              "政策调整", "其他"),
    }
    for col, vals in lists.items():
        for i, v in enumerate(vals, start=1):
            lk[f"{col}{i}"] = v
    lk.sheet_state = "hidden"
    dv1 = DataValidation(type="list", formula1="下拉选项!$A$2:$A$4", allow_blank=True)
    dv2 = DataValidation(type="list", formula1="下拉选项!$B$2:$B$10", allow_blank=True)
    ws.add_data_validation(dv1)
    ws.add_data_validation(dv2)
    dv1.add(f"A{first}:A{last}")
    dv2.add(f"B{first}:B{last}")
    save_workbook(wb, path, dt.datetime(2024, 3, 15, 10, 5, 0), "lcj")


# --------------------------------------------------------------------------
# docx helpers
# --------------------------------------------------------------------------

def _east_asian(run, name="仿宋_GB2312"):
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)


def para(doc, text, size=12, bold=False, align=None, font="仿宋_GB2312"):
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    if text:
        r = p.add_run(text)
        r.bold = bold
        r.font.size = Pt(size)
        _east_asian(r, font)
    return p


def cell_text(cell, text, bold=False, align="center", size=10.5):
    """Write text into a cell; a '\n' becomes a soft line break (w:br)."""
    cell.text = ""
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT
    if text is None:
        return
    parts = str(text).split("\n")
    for i, part in enumerate(parts):
        r = p.add_run(part)
        r.bold = bold
        r.font.size = Pt(size)
        _east_asian(r)
        if i < len(parts) - 1:
            r.add_break(WD_BREAK.LINE)


def span(table, r1, c1, r2, c2, text=None, bold=False, align="center"):
    a = table.cell(r1, c1)
    b = table.cell(r2, c2)
    m = a.merge(b) if (r1, c1) != (r2, c2) else a
    if text is not None:
        cell_text(m, text, bold=bold, align=align)
    return m


def doc_grid(table, first, rows, l1_text=None, l2_text=None):
    """Fill an indicator block; 一级/二级 merged vertically (w:vMerge)."""
    for i, row in enumerate(rows):
        for c, v in enumerate(row[2:], start=2):
            cell_text(table.cell(first + i, c), v, align="left" if c == 2 else "center")
    l1 = [r[0] for r in rows]
    l12 = [(r[0], r[1]) for r in rows]
    for s, e, v in runs(l1):
        span(table, first + s, 0, first + e, 0, (l1_text or {}).get(v, v))
    for s, e, v in runs(l12):
        span(table, first + s, 1, first + e, 1, (l2_text or {}).get(v[1], v[1]))


def col_widths(table, cms):
    for row in table.rows:
        for c, w in zip(row.cells, cms, strict=False):
            c.width = Cm(w)


def new_doc():
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = sec.bottom_margin = Cm(2.5)
    st = doc.styles["Normal"]
    st.font.name = "仿宋_GB2312"
    st.font.size = Pt(12)
    st.element.get_or_add_rPr()
    _fonts = st.element.rPr.find(qn("w:rFonts"))
    if _fonts is None:
        _fonts = OxmlElement("w:rFonts")
        st.element.rPr.insert(0, _fonts)
    _fonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    return doc


# --------------------------------------------------------------------------
# (d) px_04: Guizhou, one Word table, vMerge 一级/二级, title paragraph above
# --------------------------------------------------------------------------

PX04_ROWS = [
    ("产出指标", "数量指标", "实施保护利用传统村落数量", "15"),
    ("产出指标", "数量指标", "传统民居保护修缮", "≥120栋"),
    ("产出指标", "数量指标", "村内道路及步道改造", "≥8.5公里"),
    ("产出指标", "质量指标", "修缮工程验收合格率", "100%"),
    ("产出指标", "质量指标", "修缮后传统建筑风貌协调率", "≥95%"),
    ("产出指标", "时效指标", "项目完工时间", "2023年10月底前"),
    ("产出指标", "成本指标", "传统民居修缮平均补助标准", "≤6万元/栋"),
    ("效益指标", "经济效益指标", "乡村旅游接待人次增长率", "≥10%"),
    ("效益指标", "社会效益指标", "受益群众人数", "≥1.2万人"),
    ("效益指标", "可持续影响指标", "传统村落长效保护机制", "逐步建立"),
    ("满意度指标", "服务对象满意度指标", "项目区村民满意度", "≥90%"),
]


def build_px04(path):
    doc = new_doc()
    para(doc, "2024年度雷山县传统村落集中连片保护利用项目支出绩效目标表", size=16, bold=True,
         align=WD_ALIGN_PARAGRAPH.CENTER, font="方正小标宋简体")
    para(doc, "（2024年度）", size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "填报单位（盖章）：雷山县住房和城乡建设局                    单位：万元", size=10.5)

    n_head = 7
    t = doc.add_table(rows=n_head + 1 + len(PX04_ROWS) + 1, cols=4)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell_text(t.cell(0, 0), "项目名称", bold=True)
    span(t, 0, 1, 0, 3, "雷山县2024年传统村落集中连片保护利用项目", align="left")
    cell_text(t.cell(1, 0), "主管部门", bold=True)
    cell_text(t.cell(1, 1), "雷山县住房和城乡建设局", align="left")
    cell_text(t.cell(1, 2), "实施单位", bold=True)
    cell_text(t.cell(1, 3), "雷山县村镇建设服务中心", align="left")
    span(t, 2, 0, 4, 0, "项目资金\n（万元）", bold=True)
    for i, (label, v) in enumerate((("年度资金总额", "1650"), ("其中：财政拨款", "1500"),
                                    ("其他资金", "150"))):
        cell_text(t.cell(2 + i, 1), label)
        span(t, 2 + i, 2, 2 + i, 3, v)
    cell_text(t.cell(5, 0), "年度绩效目标", bold=True)
    span(t, 5, 1, 5, 3, ("以西江、郎德等15个中国传统村落为重点，实施传统民居保护修缮120栋以上，"
                         "改造村内道路及步道8.5公里以上，完善消防、排水等基础设施，"
                         "传统建筑风貌协调率达到95%以上，带动乡村旅游接待人次增长10%以上。"), align="left")
    span(t, 6, 0, 6, 3, "绩效指标", bold=True)
    for c, h in enumerate(("一级指标", "二级指标", "三级指标", "指标值")):
        cell_text(t.cell(7, c), h, bold=True)
    first = 8
    doc_grid(t, first, PX04_ROWS)
    last = first + len(PX04_ROWS)
    span(t, last, 0, last, 1, "填报人：杨光明", align="left")
    span(t, last, 2, last, 3, "联系电话：0855-3331024", align="left")
    col_widths(t, (2.6, 3.4, 6.0, 4.6))
    save_document(doc, path, dt.datetime(2023, 12, 12, 8, 40, 0), "雷山县住建局",
                  "项目支出绩效目标表")


# --------------------------------------------------------------------------
# (e) px_05: Liaoning, two projects = two tables, each after an 附件N paragraph
# --------------------------------------------------------------------------

PX05_PROJECTS = [
    {
        "att": "附件1",
        "name": "2024年公共图书馆、文化馆（站）免费开放补助资金",
        "dept": "鞍山市文化旅游和广播电视局",
        "unit": "鞍山市图书馆、鞍山市文化馆及各乡镇（街道）综合文化站",
        "money": ("428.00", "428.00", "0.00"),
        "goal": ("保障全市2个市级场馆和55个乡镇（街道）综合文化站免费开放，全年举办公益讲座、"
                 "展览、培训320场次以上，年接待群众180万人次以上，基本公共文化服务覆盖城乡。"),
        "rows": [
            ("产出指标", "数量指标", "免费开放场馆数量", "开放的图书馆、文化馆、综合文化站", "=57个"),
            ("产出指标", "数量指标", "举办公益讲座、展览、培训", "全年举办场次", "≥320场次"),
            ("产出指标", "质量指标", "免费开放场馆达标率", "达到免费开放服务标准的场馆占比", "100%"),
            ("产出指标", "质量指标", "基本公共文化服务项目覆盖率", "按国家基本公共文化服务标准", "≥9595%"),
            ("产出指标", "时效指标", "补助资金下达时间", "资金下达至各场馆", "2024年9月底前"),
            ("产出指标", "成本指标", "乡镇综合文化站补助标准", "中央及省级补助标准", "=5万元/个"),
            ("效益指标", "社会效益指标", "年接待群众人次", "各场馆全年接待人次", "≥180万人次"),
            ("效益指标", "可持续影响指标", "公共文化服务体系", "", "持续完善"),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "问卷调查", "≥90%"),
        ],
    },
    {
        "att": "附件2",
        "name": "2024年文化惠民演出（送戏下乡）项目",
        "dept": "鞍山市文化旅游和广播电视局",
        "unit": "鞍山市文化旅游和广播电视局",
        "money": ("96.80", "96.80", "0.00"),
        "goal": ("组织专业院团和民间文艺团体深入全市乡村开展送戏下乡演出300场以上，"
                 "覆盖行政村280个以上，惠及基层群众12万人次以上，丰富农村群众精神文化生活。"),
        "rows": [
            ("产出指标", "数量指标", "送戏下乡演出场次", "全年演出场次", "≥300场"),
            ("产出指标", "数量指标", "覆盖行政村数量", "演出覆盖的行政村", "≥280个"),
            ("产出指标", "质量指标", "演出节目审核合格率", "节目内容审核", "100%"),
            ("产出指标", "时效指标", "演出任务完成时间", "", "2024年11月30日前"),
            ("产出指标", "成本指标", "每场演出补助标准", "按场次补助演出团体", "≤**万元"),
            ("效益指标", "社会效益指标", "惠及基层群众人次", "观看演出群众人次", "≥12万人次"),
            ("满意度指标", "服务对象满意度指标", "观众满意度", "现场问卷调查", "≥85%"),
        ],
    },
]


def build_px05(path):
    doc = new_doc()
    for k, p in enumerate(PX05_PROJECTS):
        if k > 0:
            para(doc, "")
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        para(doc, p["att"], size=14, bold=True, font="黑体")
        para(doc, "项目支出绩效目标表", size=18, align=WD_ALIGN_PARAGRAPH.CENTER,
             font="方正小标宋简体")
        para(doc, "（2024年度）", align=WD_ALIGN_PARAGRAPH.CENTER)
        n = 6 + 1 + len(p["rows"])
        t = doc.add_table(rows=n, cols=5)
        t.style = "Table Grid"
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        span(t, 0, 0, 0, 1, "项目名称", bold=True)
        span(t, 0, 2, 0, 4, p["name"], align="left")
        span(t, 1, 0, 1, 1, "主管部门", bold=True)
        cell_text(t.cell(1, 2), p["dept"], align="left")
        cell_text(t.cell(1, 3), "实施单位", bold=True)
        cell_text(t.cell(1, 4), p["unit"], align="left")
        span(t, 2, 0, 4, 0, "项目资金（万元）", bold=True)
        for i, (label, v) in enumerate(zip(("年度资金总额", "其中：财政拨款", "其他资金"), p["money"], strict=False)):
            cell_text(t.cell(2 + i, 1), label)
            span(t, 2 + i, 2, 2 + i, 4, v)
        span(t, 5, 0, 5, 1, "年度绩效目标", bold=True)
        span(t, 5, 2, 5, 4, p["goal"], align="left")
        for c, h in enumerate(("一级指标", "二级指标", "三级指标", "指标解释", "指标值")):
            cell_text(t.cell(6, c), h, bold=True)
        doc_grid(t, 7, p["rows"])
        col_widths(t, (2.2, 3.2, 4.6, 4.4, 3.2))
        para(doc, "填报人：刘佳    联系电话：0412-2226875    填报日期：2024年1月10日", size=10.5)
    save_document(doc, path, dt.datetime(2024, 1, 10, 14, 0, 0), "文旅局计财科",
                  "2024年项目支出绩效目标表")


# --------------------------------------------------------------------------
# (f) px_06: Gansu, 部门整体支出绩效目标表 with 部门职责 / 年度主要任务 rows,
#     line breaks inside names
# --------------------------------------------------------------------------

PX06_ROWS = [
    ("产出指标", "数量指标", "安全生产执法\n检查企业数量", "≥260家"),
    ("产出指标", "数量指标", "组织开展应急演练", "≥12"),
    ("产出指标", "数量指标", "安全生产宣传\n培训人次", "≥3000人次"),
    ("产出指标", "质量指标", "较大及以上生产安全\n事故发生起数", "=0起"),
    ("产出指标", "质量指标", "执法检查隐患整改率", "≥95%"),
    ("产出指标", "时效指标", "灾情信息首报时间", "≤2小时"),
    ("产出指标", "成本指标", "“三公”经费支出", "不超过上年"),
    ("效益指标", "社会效益指标", "生产安全事故死亡人数", "较上年下降"),
    ("效益指标", "社会效益指标", "群众安全防范\n和自救互救意识", "明显提升"),
    ("效益指标", "生态效益指标", "生态环境影响", "无关"),
    ("效益指标", "可持续影响指标", "应急管理体系和能力\n现代化水平", "持续推进"),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%"),
]


def build_px06(path):
    doc = new_doc()
    para(doc, "部门整体支出绩效目标表", size=18, align=WD_ALIGN_PARAGRAPH.CENTER,
         font="方正小标宋简体")
    para(doc, "（2025年度）", align=WD_ALIGN_PARAGRAPH.CENTER)
    tasks = (
        ("安全生产监管执法", "开展重点行业领域安全生产执法检查和隐患排查整治", "186.50"),
        ("应急救援能力建设", "应急物资储备、救援队伍训练及应急演练", "312.00"),
        ("自然灾害防治", "灾害风险普查成果应用、灾情报送和受灾群众救助", "245.30"),
    )
    n_top = 5 + len(tasks) + 1 + 1  # 名称, 预算×3, 职责, 任务(header+rows), 目标
    n = n_top + 1 + len(PX06_ROWS) + 1
    t = doc.add_table(rows=n, cols=5)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    r = 0
    cell_text(t.cell(r, 0), "部门名称", bold=True)
    span(t, r, 1, r, 4, "临夏县应急管理局", align="left")
    r += 1
    span(t, r, 0, r + 2, 0, "年度预算\n申请\n（万元）", bold=True)
    for i, (label, v) in enumerate((("资金总额", "1256.80"), ("其中：财政拨款", "1256.80"),
                                    ("其他资金", "0.00"))):
        span(t, r + i, 1, r + i, 2, label)
        span(t, r + i, 3, r + i, 4, v)
    r += 3
    cell_text(t.cell(r, 0), "部门职责", bold=True)
    span(t, r, 1, r, 4, ("负责全县应急管理工作，指导各乡镇、各部门应对安全生产类、自然灾害类等突发事件"
                         "和综合防灾减灾救灾工作；负责安全生产综合监督管理和工矿商贸行业安全生产监督管理；"
                         "组织编制全县应急预案并组织开展演练；统筹应急救援力量建设和应急物资储备。"),
         align="left")
    r += 1
    span(t, r, 0, r + len(tasks), 0, "年度主要\n任务", bold=True)
    cell_text(t.cell(r, 1), "任务名称", bold=True)
    span(t, r, 2, r, 3, "主要内容", bold=True)
    cell_text(t.cell(r, 4), "预算金额\n（万元）", bold=True)
    for i, (a, b, c) in enumerate(tasks, start=1):
        cell_text(t.cell(r + i, 1), a)
        span(t, r + i, 2, r + i, 3, b, align="left")
        cell_text(t.cell(r + i, 4), c)
    r += 1 + len(tasks)
    cell_text(t.cell(r, 0), "年度绩效\n目标", bold=True)
    span(t, r, 1, r, 4, ("全年检查生产经营单位260家以上，隐患整改率95%以上，开展应急演练12次以上，"
                         "坚决遏制较大及以上生产安全事故，生产安全事故死亡人数较上年下降，"
                         "全县应急管理体系和能力现代化水平持续提升。"), align="left")
    r += 1
    for c, h in enumerate(("一级\n指标", "二级指标", "三级指标", "指标值", "备注")):
        cell_text(t.cell(r, c), h, bold=True)
    first = r + 1
    doc_grid(t, first, PX06_ROWS,
             l1_text={"产出指标": "产出\n指标", "效益指标": "效益\n指标", "满意度指标": "满意度\n指标"},
             l2_text={"社会效益指标": "社会效益\n指标", "可持续影响指标": "可持续影响\n指标",
                      "服务对象满意度指标": "服务对象\n满意度指标"})
    for i in range(len(PX06_ROWS)):
        cell_text(t.cell(first + i, 4), None)
    last = first + len(PX06_ROWS)
    span(t, last, 0, last, 2, "填报人：马文斌", align="left")
    span(t, last, 3, last, 4, "联系电话：0930-5621119", align="left")
    col_widths(t, (2.2, 3.4, 5.2, 3.4, 2.4))
    save_document(doc, path, dt.datetime(2024, 11, 28, 16, 20, 0), "临夏县应急管理局",
                  "部门整体支出绩效目标表")


BUILDERS = (
    ("px_01_shandong_2024_nongtian-fangkong.xlsx", build_px01),
    ("px_02_shanxi_2024_wenwu-xiushan.xlsx", build_px02),
    ("px_03_yunnan_2023_senlin-fanghuo-self.xlsx", build_px03),
    ("px_04_guizhou_2024_chuantong-cunluo.docx", build_px04),
    ("px_05_liaoning_2024_wenhua-huimin.docx", build_px05),
    ("px_06_gansu_2025_yingji-overall.docx", build_px06),
)


def main():
    for name, fn in BUILDERS:
        path = os.path.join(HERE, name)
        fn(path)
        print("wrote", path)


if __name__ == "__main__":
    main()
