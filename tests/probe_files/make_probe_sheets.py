# ruff: noqa: E741, UP031 (a data generator: short style names and the sheet formulas as written)
"""Build the synthetic probe spreadsheets py_01..py_06 (.xlsx and legacy .xls).

Written from general knowledge of how Chinese agencies keep 项目支出绩效目标表 and
绩效自评表 in Excel. Nothing here was captured from a published document; agency
names, people and phone numbers are made up. Defects are planted on purpose (see
README.md in this folder) and must not be fixed.

Needs openpyxl (for .xlsx) and xlwt (for .xls), e.g.

    python3 -m venv /tmp/xlsgen && /tmp/xlsgen/bin/pip install -q openpyxl xlwt
    /tmp/xlsgen/bin/python tests/probe_files/make_probe_sheets.py

Output is deterministic: .xlsx core properties are fixed, zip entries are rewritten
with a fixed timestamp, and formula cells get their cached values written into the
sheet XML (openpyxl cannot write cached values itself). xlwt writes no timestamps;
its WRITEACCESS owner is fixed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import xlwt
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

OUT = Path(__file__).resolve().parent
ZIP_DT = (2024, 1, 1, 0, 0, 0)

# --------------------------------------------------------------------------- xlsx helpers

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
BODY = Font(name="宋体", size=10)
BOLD = Font(name="宋体", size=10, bold=True)
TITLE = Font(name="方正小标宋简体", size=16)


def new_wb(created: dt.datetime) -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    p = wb.properties
    p.creator = "Administrator"
    p.lastModifiedBy = "Administrator"
    p.created = created
    p.modified = created
    p.title = None
    return wb


def put(ws, ref, value, font=BODY, align=CENTER, border=True, fmt=None):
    c = ws[ref]
    c.value = value
    c.font = font
    c.alignment = align
    if border:
        c.border = BOX
    if fmt:
        c.number_format = fmt
    return c


def box_range(ws, rng):
    for row in ws[rng]:
        for c in row:
            c.border = BOX


def merge(ws, rng, value, font=BODY, align=CENTER, fmt=None, border=True):
    first = rng.split(":")[0]
    put(ws, first, value, font, align, border, fmt)
    ws.merge_cells(rng)
    if border:
        box_range(ws, rng)


def finish_xlsx(wb: openpyxl.Workbook, path: Path, modified: dt.datetime,
                cached: dict[int, dict[str, object]] | None = None) -> None:
    """Save, then rewrite the zip: fixed core dates, fixed entry times, cached formula values.

    cached maps a 1-based sheet index to {cell ref: cached value}.
    """
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    stamp = modified.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rf"\g<1>{stamp}\g<2>", text)
                data = text.encode("utf-8")
            m = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
            if m and cached and int(m.group(1)) in cached:
                text = data.decode("utf-8")
                for ref, val in cached[int(m.group(1))].items():
                    pat = re.compile(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)(?:<v\s*/>|<v></v>)')
                    if isinstance(val, str):
                        def new(mm, v=val):
                            return mm.group(1).replace("<c ", '<c t="str" ', 1) + mm.group(2) + f"<v>{v}</v>"
                    else:
                        def new(mm, v=val):
                            return mm.group(1) + mm.group(2) + f"<v>{repr(v)}</v>"
                    text, n = pat.subn(new, text)
                    if n != 1:
                        raise RuntimeError(f"no formula cell {ref} in {info.filename}")
                data = text.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, data)
    path.write_bytes(out.getvalue())


# --------------------------------------------------------------------------- py_01 flat export, 3 projects

def make_py01() -> None:
    unit_code = "118006"
    unit = "天津市北辰区教育局"
    projects = [
        ("12011324T000000812031", "学前教育普惠保育经费补助", 1286.4,
         "对区内普惠性民办幼儿园按在园幼儿数给予生均补助，保障公办幼儿园正常运转，全区普惠性幼儿园覆盖率保持在90%以上，学前教育保教质量稳步提升。",
         [
             ("产出指标", "数量指标", "补助普惠性民办幼儿园数量", "≥", 42, "所", 10),
             ("产出指标", "数量指标", "受益在园幼儿人数", "≥", 9800, "人", 10),
             # defect: the fraction 0.9 typed where the unit column says %
             ("产出指标", "质量指标", "普惠性幼儿园覆盖率", "≥", 0.9, "%", 10),
             ("产出指标", "质量指标", "幼儿园保教人员持证上岗率", "≥", 95, "%", 10),
             ("产出指标", "时效指标", "补助资金拨付及时率", "=", 100, "%", 10),
             ("产出指标", "成本指标", "生均补助标准", "=", 2400, "元/生·年", 10),
             ("效益指标", "社会效益指标", "家庭学前教育负担", "定性", "有所减轻", "", 10),
             ("效益指标", "可持续影响指标", "普惠性学前教育资源供给", "定性", "持续稳定", "", 10),
             ("满意度指标", "服务对象满意度指标", "幼儿家长满意度", "≥", 90, "%", 10),
         ]),
        ("12011324T000000812047", "中小学校舍维修改造", 860,
         "利用暑期完成14所中小学校舍维修改造，消除校舍安全隐患，改善师生教学和生活条件，维修改造工程验收合格率达到100%。",
         [
             ("产出指标", "数量指标", "维修改造学校数量", "≥", 14, "所", 8),
             ("产出指标", "数量指标", "维修改造校舍面积", "≥", 2.6, "万平方米", 8),
             ("产出指标", "数量指标", "更换教室照明灯具数量", "≥", 3200, "套", 8),
             ("产出指标", "质量指标", "工程验收合格率", "=", 100, "%", 8),
             ("产出指标", "质量指标", "校舍安全隐患整改率", "=", 100, "%", 8),
             ("产出指标", "时效指标", "暑期施工项目完工时间", "≤", "2024年8月25日", "", 8),
             # defect: placeholder never filled in
             ("产出指标", "成本指标", "项目总成本", "≤", "**", "万元", 8),
             ("效益指标", "社会效益指标", "校园安全责任事故发生次数", "=", 0, "次", 8),
             ("效益指标", "社会效益指标", "学生学习生活条件", "定性", "明显改善", "", 8),
             ("效益指标", "可持续影响指标", "维修改造设施使用年限", "≥", 10, "年", 8),
             ("满意度指标", "服务对象满意度指标", "师生满意度", "≥", 90, "%", 10),
         ]),
        ("12011324T000000812055", "中小学教师全员培训", 156.8,
         "组织全区中小学教师参加师德师风、信息技术应用能力和学科教学专题培训，全年培训3500人次以上，培训考核合格率不低于95%。",
         [
             ("产出指标", "数量指标", "参训教师人数", "≥", 3500, "人次", 10),
             ("产出指标", "数量指标", "举办专题培训班期数", "≥", 24, "期", 10),
             ("产出指标", "质量指标", "培训考核合格率", "≥", 95, "%", 10),
             ("产出指标", "质量指标", "参训教师学时达标率", "≥", 90, "%", 10),
             ("产出指标", "时效指标", "培训任务完成时间", "≤", "2024年11月30日", "", 10),
             ("产出指标", "成本指标", "人均培训成本", "≤", 448, "元", 10),
             ("效益指标", "社会效益指标", "教师教育教学能力", "定性", "有效提升", "", 15),
             ("满意度指标", "服务对象满意度指标", "参训教师满意度", "≥", 92, "%", 15),
         ]),
    ]
    wb = new_wb(dt.datetime(2024, 1, 8, 10, 12, 0))
    ws = wb.active
    ws.title = "绩效目标"
    head = ["单位编码", "单位名称", "项目编码", "项目名称", "预算数（万元）", "年度绩效目标",
            "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"]
    for j, h in enumerate(head, 1):
        c = ws.cell(row=1, column=j, value=h)
        c.font = BOLD
        c.alignment = CENTER
        c.border = BOX
    r = 2
    for code, name, budget, goal, rows in projects:
        for l1, l2, l3, op, val, unit_s, w in rows:
            vals = [unit_code, unit, code, name, budget, goal, l1, l2, l3, op, val, unit_s, w]
            for j, v in enumerate(vals, 1):
                c = ws.cell(row=r, column=j, value=v if v != "" else None)
                c.font = BODY
                c.border = BOX
                c.alignment = LEFT if j in (2, 4, 6, 9) else CENTER
                if j == 5:
                    c.number_format = "0.00"
            r += 1
    widths = [10, 18, 24, 24, 12, 48, 12, 18, 26, 8, 12, 10, 6]
    for j, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:M{r - 1}"
    finish_xlsx(wb, OUT / "py_01_tianjin_2024_jiaoyu-sanxiang.xlsx", dt.datetime(2024, 1, 8, 10, 12, 0))


# --------------------------------------------------------------------------- py_02 template, 计算符号 + 评(扣)分标准

def make_py02() -> None:
    wb = new_wb(dt.datetime(2025, 1, 20, 8, 30, 0))
    ws = wb.active
    ws.title = "绩效目标申报表"
    put(ws, "A1", "附件3", Font(name="黑体", size=12), LEFT, border=False)
    merge(ws, "A2:I2", "吉林省省级财政项目支出绩效目标申报表", TITLE, border=False)
    merge(ws, "A3:I3", "（2025年度）", Font(name="楷体", size=12), border=False)
    merge(ws, "A4:E4", "填报单位（盖章）：吉林省农业农村厅", BODY, LEFT, border=False)
    merge(ws, "F4:I4", "金额单位：万元", BODY, Alignment(horizontal="right", vertical="center"), border=False)

    merge(ws, "A5:B5", "项目名称", BOLD)
    merge(ws, "C5:I5", "黑土地保护性耕作行动计划项目", BODY, LEFT)
    merge(ws, "A6:B6", "项目编码", BOLD)
    merge(ws, "C6:E6", "22000025T000000614820", BODY, LEFT)
    merge(ws, "F6:G6", "项目属性", BOLD)
    merge(ws, "H6:I6", "延续项目", BODY, LEFT)
    merge(ws, "A7:B7", "主管部门", BOLD)
    merge(ws, "C7:E7", "吉林省农业农村厅", BODY, LEFT)
    merge(ws, "F7:G7", "实施单位", BOLD)
    merge(ws, "H7:I7", "吉林省农业技术推广总站", BODY, LEFT)
    merge(ws, "A8:B8", "项目期", BOLD)
    merge(ws, "C8:E8", "2023年—2025年", BODY, LEFT)
    merge(ws, "F8:G8", "项目类别", BOLD)
    merge(ws, "H8:I8", "特定目标类", BODY, LEFT)
    merge(ws, "A9:B11", "项目资金\n（万元）", BOLD)
    merge(ws, "C9:E9", "年度资金总额", BODY)
    merge(ws, "F9:I9", 15600, BODY, LEFT, fmt="#,##0.00")
    merge(ws, "C10:E10", "其中：财政拨款", BODY)
    merge(ws, "F10:I10", 15600, BODY, LEFT, fmt="#,##0.00")
    merge(ws, "C11:E11", "其他资金", BODY)
    merge(ws, "F11:I11", 0, BODY, LEFT, fmt="#,##0.00")
    merge(ws, "A12:B12", "年度绩效目标", BOLD)
    merge(ws, "C12:I12",
          "目标1：全省实施黑土地保护性耕作面积3300万亩以上，作业质量合格率达到95%以上。\n"
          "目标2：新增免耕播种机2000台以上，建设县级保护性耕作高标准应用基地60个。\n"
          "目标3：实施区域土壤风蚀水蚀明显减轻，带动新型农业经营主体参与，农户满意度达到90%以上。",
          BODY, LEFT)
    ws.row_dimensions[12].height = 66

    head = ["一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位", "权重", "指标解释", "评(扣)分标准"]
    for j, h in enumerate(head, 1):
        put(ws, f"{get_column_letter(j)}13", h, BOLD)
    full = "完成目标值得满分，未完成的按完成比例计分"
    rows = [
        ("产出指标", "数量指标", "保护性耕作实施面积", "≥", 3300, "万亩", 10,
         "全省当年实施保护性耕作作业并经县级核验合格的耕地面积",
         "达到目标值得满分；每低于目标值1%扣0.5分，扣完为止"),
        ("产出指标", "数量指标", "新增免耕播种机数量", "≥", 2000, "台", 8,
         "当年通过购置补助新增的免耕播种机具数量", full),
        ("产出指标", "数量指标", "建设县级高标准应用基地数量", "≥", 60, "个", 6,
         "按照“一县一基地”要求建设的保护性耕作高标准应用基地", full),
        # defect: operator typed into the value cell as well as the 计算符号 column
        ("产出指标", "质量指标", "作业质量合格率", "≥", "≥95", "%", 8,
         "抽查作业地块中秸秆覆盖率、免耕播种质量等达到技术规范的比例",
         "≥95%得满分；90%（含）—95%得5分；低于90%不得分"),
        ("产出指标", "质量指标", "作业地块秸秆覆盖率", "≥", 30, "%", 6,
         "免耕播种后地表秸秆覆盖面积占地块面积的比例", full),
        ("产出指标", "时效指标", "作业补助资金兑付完成时间", "≤", dt.datetime(2025, 12, 31), "", 6,
         "作业补助资金兑付到户（经营主体）的时间",
         "按时完成得满分；每延迟1个月扣2分"),
        ("产出指标", "成本指标", "亩均作业补助标准", "≤", 40, "元/亩", 6,
         "省级对保护性耕作作业每亩给予的补助金额", "超出标准不得分"),
        ("效益指标", "经济效益指标", "亩均节本增效", "≥", 50, "元/亩", 8,
         "与传统耕作方式相比，每亩减少的作业成本与增加的收益之和", full),
        ("效益指标", "生态效益指标", "实施区域土壤风蚀水蚀", "定性", "明显减轻", "", 8,
         "通过监测点观测和实地调查综合评价",
         "明显减轻得满分；\n有所减轻得5分；\n无变化不得分"),
        # defect: 计量单位 left empty on a count
        ("效益指标", "社会效益指标", "带动新型农业经营主体数量", "≥", 1200, "", 8,
         "参与保护性耕作作业的农民合作社、家庭农场等经营主体数量", full),
        ("效益指标", "可持续影响指标", "保护性耕作技术模式推广应用", "定性", "长期持续", "", 6,
         "技术模式在实施区域内持续推广应用情况", "根据推广应用情况酌情赋分"),
        ("满意度指标", "服务对象满意度指标", "实施农户满意度", "≥", 90, "%", 10,
         "抽样问卷调查实施农户对项目的满意程度",
         "≥90%得满分；80%（含）—90%得6分；低于80%不得分"),
    ]
    r0 = 14
    for i, (l1, l2, l3, op, val, unit_s, w, expl, score) in enumerate(rows):
        r = r0 + i
        put(ws, f"A{r}", l1, BODY)
        put(ws, f"B{r}", l2, BODY)
        put(ws, f"C{r}", l3, BODY, LEFT)
        put(ws, f"D{r}", op, BODY)
        if isinstance(val, dt.datetime):
            put(ws, f"E{r}", val, BODY, fmt='yyyy"年"m"月"d"日"')
        else:
            put(ws, f"E{r}", val, BODY)
        put(ws, f"F{r}", unit_s or None, BODY)
        put(ws, f"G{r}", w, BODY)
        put(ws, f"H{r}", expl, BODY, LEFT)
        put(ws, f"I{r}", score, BODY, LEFT)
    # merged level cells (vertical), values kept only in the top-left cell
    for rng in ("A14:A20", "A21:A24", "B14:B16", "B17:B18"):
        ws.merge_cells(rng)
    last = r0 + len(rows) - 1
    put(ws, f"A{last + 1}", "合计", BOLD)
    ws.merge_cells(f"A{last + 1}:F{last + 1}")
    box_range(ws, f"A{last + 1}:I{last + 1}")
    put(ws, f"G{last + 1}", "=SUM(G14:G%d)" % last, BOLD)
    sign = last + 3
    merge(ws, f"A{sign}:I{sign}",
          "填报人：孙立新　　　联系电话：0431-88906215　　　单位负责人：赵国庆　　　填报日期：2025年1月17日",
          BODY, LEFT, border=False)
    widths = [10, 14, 26, 8, 10, 9, 6, 34, 34]
    for j, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    finish_xlsx(wb, OUT / "py_02_jilin_2025_heitudi-baohu.xlsx", dt.datetime(2025, 1, 20, 8, 30, 0),
                cached={1: {f"G{last + 1}": 90}})


# --------------------------------------------------------------------------- py_03 one sheet per project, hidden leftover, 说明

def _py03_sheet(ws, title_year, facts, goal, rows, merges):
    merge(ws, "A1:F1", "海南省省级财政项目支出绩效目标表", TITLE, border=False)
    merge(ws, "A2:F2", title_year, Font(name="楷体", size=12), border=False)
    put(ws, "A3", "项目名称", BOLD)
    merge(ws, "B3:F3", facts.get("项目名称"), BODY, LEFT)
    put(ws, "A4", "主管部门", BOLD)
    merge(ws, "B4:C4", facts.get("主管部门"), BODY, LEFT)
    put(ws, "D4", "实施单位", BOLD)
    merge(ws, "E4:F4", facts.get("实施单位"), BODY, LEFT)
    put(ws, "A5", "项目属性", BOLD)
    merge(ws, "B5:C5", facts.get("项目属性"), BODY, LEFT)
    put(ws, "D5", "项目期", BOLD)
    merge(ws, "E5:F5", facts.get("项目期"), BODY, LEFT)
    merge(ws, "A6:A8", "项目资金\n（万元）", BOLD)
    for r, label, key in ((6, "年度资金总额", "总额"), (7, "其中：财政拨款", "财政"), (8, "其他资金", "其他")):
        merge(ws, f"B{r}:C{r}", label, BODY)
        merge(ws, f"D{r}:F{r}", facts.get(key), BODY, LEFT, fmt="0.00")
    put(ws, "A9", "年度绩效目标", BOLD)
    merge(ws, "B9:F9", goal, BODY, LEFT)
    ws.row_dimensions[9].height = 60
    for j, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "分值", "指标说明"], 1):
        put(ws, f"{get_column_letter(j)}10", h, BOLD)
    for i, row in enumerate(rows):
        r = 11 + i
        for j, v in enumerate(row, 1):
            put(ws, f"{get_column_letter(j)}{r}", v, BODY, LEFT if j in (3, 6) else CENTER)
    for rng in merges:
        ws.merge_cells(rng)
    for j, w in enumerate([10, 16, 30, 16, 6, 36], 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    return 11 + len(rows)


def make_py03() -> None:
    wb = new_wb(dt.datetime(2024, 1, 5, 15, 40, 0))
    note = wb.active
    note.title = "说明"
    lines = [
        "填表说明",
        "1. 本表由项目实施单位填写，主管部门审核后随部门预算一并报送省财政厅。",
        "2. 一个项目填写一张工作表，工作表名称为项目简称；不需要的工作表请删除。",
        "3. 项目资金以万元为单位，保留两位小数；年度资金总额应与预算一体化系统申报数一致。",
        "4. 绩效指标应当细化、量化、可衡量，定量指标在“指标值”中填写比较符号、数值和计量单位，",
        "   如“≥95%”“≤30万元”；确实难以量化的，可采用定性表述。",
        "5. 各三级指标分值合计为90分，预算执行率另计10分，不在本表填列。",
        "6. 时效指标须填写明确的完成时限，不得填写“及时”“按时”等模糊表述。",
    ]
    for i, t in enumerate(lines, 1):
        c = note.cell(row=i, column=1, value=t)
        c.font = BOLD if i == 1 else BODY
    note.column_dimensions["A"].width = 96

    ws1 = wb.create_sheet("橡胶保险")
    rows1 = [
        ("产出指标", "数量指标", "投保天然橡胶种植面积", "≥200万亩", 10, "纳入价格（收入）保险的民营及农垦橡胶种植面积"),
        (None, None, "参保胶农户数", "≥12万户", 10, "当年参保的民营胶农户数"),
        (None, "质量指标", "符合条件理赔案件结案率", "≥98%", 10, "符合理赔条件的案件在规定时限内结案的比例"),
        (None, None, "保险赔款兑付到户率", "＝100%", 8, "赔款通过“一卡通”直接兑付到参保胶农的比例"),
        # defect: deadline in the previous year for a 2024 table
        (None, "时效指标", "保费补贴资金拨付时间", "2023年12月底前", 8, "省级保费补贴资金拨付至承保机构的时间"),
        (None, "成本指标", "每亩保费省级补贴标准", "≤34.25元/亩", 8, "按保险费的一定比例确定的省级补贴金额"),
        ("效益指标", "经济效益指标", "参保胶农户均获得赔款", "≥1200元", 10, "当年赔款总额除以获赔胶农户数"),
        (None, "社会效益指标", "胶农割胶积极性", "明显提高", 8, "开割率、复割率等变化情况"),
        (None, "可持续影响指标", "全省天然橡胶种植面积", "稳定在780万亩以上", 8, "天然橡胶生产保护区面积保持稳定"),
        ("满意度指标", "服务对象满意度指标", "参保胶农满意度", "≥90%", 10, "抽样问卷调查"),
    ]
    _py03_sheet(ws1, "（2024年度）", {
        "项目名称": "天然橡胶价格（收入）保险保费补贴",
        "主管部门": "海南省农业农村厅",
        "实施单位": "海南省农业农村厅",
        "项目属性": "延续项目",
        "项目期": "2024年1月—2024年12月",
        "总额": 6850, "财政": 6850, "其他": 0,
    }, "对全省民营胶农和农垦职工种植的天然橡胶开展价格（收入）保险，省级财政给予保费补贴，"
       "投保面积200万亩以上，及时足额兑付保险赔款，稳定胶农收入预期，保障天然橡胶种植面积稳定。",
        rows1, ["A11:A16", "B11:B12", "B13:B14", "A17:A19"])

    ws2 = wb.create_sheet("冬季瓜菜")
    rows2 = [
        ("产出指标", "数量指标", "新建（改造）冬季瓜菜标准化生产基地", "≥18个", 10, "经验收合格的连片标准化生产基地"),
        # defect: full-width digits typed with the Chinese IME
        (None, None, "基地建设面积", "≥５０００亩", 10, "新建及改造提升基地的种植面积"),
        (None, "质量指标", "基地农产品质量安全抽检合格率", "≥98%", 10, "农业农村部门例行监测抽检结果"),
        (None, None, "水肥一体化设施覆盖率", "≥80%", 8, "配备水肥一体化设施的面积占基地面积的比例"),
        (None, "时效指标", "基地建设完成时间", "2024年10月31日前", 8, "冬季瓜菜种植季前完成建设"),
        (None, "成本指标", "单个基地补助资金", "≤150万元", 8, "按建设内容和面积核定的补助上限"),
        ("效益指标", "经济效益指标", "基地亩均增收", "≥800元", 12, "与改造前相比亩均纯收入增加额"),
        (None, "社会效益指标", "带动农户就业人数", "≥3000人", 14, "基地用工及订单带动的农户人数"),
        ("满意度指标", "服务对象满意度指标", "基地经营主体满意度", "≥90%", 10, "抽样问卷调查"),
    ]
    _py03_sheet(ws2, "（2024年度）", {
        "项目名称": "冬季瓜菜生产基地建设补助",
        "主管部门": "海南省农业农村厅",
        "实施单位": "海南省农业农村厅（各市县农业农村局）",
        "项目属性": "新增项目",
        "项目期": "1年",
        "总额": 2380.5, "财政": 2380.5, "其他": 0,
    }, "支持新建和改造提升冬季瓜菜标准化生产基地18个以上，推广水肥一体化和绿色防控技术，"
       "提高冬季瓜菜产量和品质，保障“菜篮子”供应，带动农户就业增收。",
        rows2, ["A11:A16", "B11:B12", "B13:B14", "A17:A18"])

    # template leftover: hidden, labels only, no project and no 三级 indicators
    ws3 = wb.create_sheet("项目3")
    rows3 = [
        ("产出指标", "数量指标", None, None, None, None),
        (None, "质量指标", None, None, None, None),
        (None, "时效指标", None, None, None, None),
        (None, "成本指标", None, None, None, None),
        ("效益指标", "经济效益指标", None, None, None, None),
        (None, "社会效益指标", None, None, None, None),
        (None, "生态效益指标", None, None, None, None),
        (None, "可持续影响指标", None, None, None, None),
        ("满意度指标", "服务对象满意度指标", None, None, None, None),
    ]
    _py03_sheet(ws3, "（    年度）", {}, None, rows3, ["A11:A14", "A15:A18"])
    ws3.sheet_state = "hidden"
    wb.active = 1
    finish_xlsx(wb, OUT / "py_03_hainan_2024_xiangjiao-guacai.xlsx", dt.datetime(2024, 1, 5, 15, 40, 0))


# --------------------------------------------------------------------------- py_04 self-evaluation with cached formulas

def make_py04() -> None:
    wb = new_wb(dt.datetime(2024, 3, 18, 9, 5, 0))
    ws = wb.active
    ws.title = "项目支出绩效自评表"
    put(ws, "A1", "附件2", Font(name="黑体", size=12), LEFT, border=False)
    merge(ws, "A2:I2", "项目支出绩效自评表", TITLE, border=False)
    merge(ws, "A3:I3", "（2023年度）", Font(name="楷体", size=12), border=False)
    put(ws, "A4", "项目名称", BOLD)
    merge(ws, "B4:I4", "困难残疾人生活补贴和重度残疾人护理补贴", BODY, LEFT)
    put(ws, "A5", "主管部门", BOLD)
    merge(ws, "B5:D5", "徐州市民政局", BODY, LEFT)
    merge(ws, "E5:F5", "实施单位", BOLD)
    merge(ws, "G5:I5", "徐州市残疾人联合会", BODY, LEFT)

    merge(ws, "A6:A9", "项目资金\n（万元）", BOLD)
    merge(ws, "B6:C6", None, BODY)
    for col, h in zip("DEFGHI", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], strict=False):
        put(ws, f"{col}6", h, BOLD)
    budget_start, budget_full, spent = 4260, 4418.6, 4302.15
    rate = spent / budget_full
    score = round(rate * 10, 2)
    merge(ws, "B7:C7", "年度资金总额", BODY)
    put(ws, "D7", "=D8+D9", fmt="0.00")
    put(ws, "E7", "=E8+E9", fmt="0.00")
    put(ws, "F7", "=F8+F9", fmt="0.00")
    put(ws, "G7", 10)
    put(ws, "H7", "=F7/E7", fmt="0.00%")
    put(ws, "I7", "=ROUND(H7*G7,2)", fmt="0.00")
    merge(ws, "B8:C8", "其中：当年财政拨款", BODY)
    put(ws, "D8", budget_start, fmt="0.00")
    put(ws, "E8", budget_full, fmt="0.00")
    put(ws, "F8", spent, fmt="0.00")
    put(ws, "G8", "—")
    put(ws, "H8", "=F8/E8", fmt="0.00%")
    put(ws, "I8", "—")
    merge(ws, "B9:C9", "上年结转资金", BODY)
    put(ws, "D9", 0, fmt="0.00")
    put(ws, "E9", 0, fmt="0.00")
    put(ws, "F9", 0, fmt="0.00")
    put(ws, "G9", "—")
    put(ws, "H9", "—")
    put(ws, "I9", "—")

    merge(ws, "A10:A11", "年度\n总体\n目标", BOLD)
    merge(ws, "B10:E10", "预期目标", BOLD)
    merge(ws, "F10:I10", "实际完成情况", BOLD)
    merge(ws, "B11:E11",
          "按月足额发放困难残疾人生活补贴和重度残疾人护理补贴，困难残疾人生活补贴覆盖2.1万人以上，"
          "重度残疾人护理补贴覆盖2.8万人以上，补贴对象认定准确，资金社会化发放率100%，残疾人基本生活和照护得到保障。",
          BODY, LEFT)
    merge(ws, "F11:I11",
          "全年为2.16万名困难残疾人发放生活补贴，为2.79万名重度残疾人发放护理补贴，"
          "补贴资金全部通过社会保障卡发放到人，两项补贴动态管理机制运行良好。",
          BODY, LEFT)
    ws.row_dimensions[11].height = 80

    for col, h in zip("ABCDEFG", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"], strict=False):
        put(ws, f"{col}12", h, BOLD)
    merge(ws, "H12:I12", "偏差原因分析及改进措施", BOLD)

    pct0 = "0%"
    pct1 = "0.0%"
    rows = [
        ("产出指标", "数量指标", "困难残疾人生活补贴发放人数", "≥2.1万人", "2.16万人", 10, "=F", ""),
        (None, None, "重度残疾人护理补贴发放人数", "≥2.8万人", "2.79万人", 10, 9.5,
         "部分对象死亡或户籍迁出，按规定停发；下一步加强与公安、卫健部门数据比对，做到应补尽补。"),
        (None, "质量指标", "补贴对象认定准确率", (0.95, pct0), (0.982, pct1), 10, "=F", ""),
        (None, None, "补贴资金社会化发放率", "100%", "100%", 5, "=F", ""),
        (None, "时效指标", "补贴按月发放及时率", "≥98%", "99.1%", 5, "=F", ""),
        (None, "成本指标", "困难残疾人生活补贴标准", "≥150元/人·月", "150元/人·月", 5, "=F", ""),
        (None, None, "重度残疾人护理补贴标准", "≥100元/人·月", "100元/人·月", 5, "=F", ""),
        ("效益指标", "社会效益指标", "困难残疾人基本生活保障水平", "稳步提高", "稳步提高", 10, "=F", ""),
        (None, None, "重度残疾人家庭照护负担", "有效减轻", "有所减轻", 10, 9,
         "部分乡镇照护服务供给不足，下一步推进残疾人托养照护服务向农村延伸。"),
        # defect: score taken off but the deviation column says there is none
        (None, None, "符合条件对象应补尽补率", "100%", "99.6%", 5, 4.8, "无偏差"),
        (None, "可持续影响指标", "两项补贴动态管理机制", "长效运行", "已建立并运行", 5, "=F", ""),
        # defect: 得分 above the 分值
        ("满意度指标", "服务对象满意度指标", "补贴对象满意度", "≥90%", "93.6%", 10, 12, ""),
    ]
    r0 = 13
    cached: dict[str, object] = {
        "D7": float(budget_start), "E7": budget_full, "F7": spent,
        "H7": rate, "I7": score, "H8": rate,
    }
    total = score
    for i, (l1, l2, l3, target, actual, pts, got, why) in enumerate(rows):
        r = r0 + i
        put(ws, f"A{r}", l1)
        put(ws, f"B{r}", l2)
        put(ws, f"C{r}", l3, align=LEFT)
        for col, v in (("D", target), ("E", actual)):
            if isinstance(v, tuple):
                put(ws, f"{col}{r}", v[0], fmt=v[1])
            else:
                put(ws, f"{col}{r}", v)
        put(ws, f"F{r}", pts)
        if got == "=F":
            put(ws, f"G{r}", f"=F{r}")
            cached[f"G{r}"] = pts
            total += pts
        else:
            put(ws, f"G{r}", got)
            total += got
        merge(ws, f"H{r}:I{r}", why or None, BODY, LEFT)
    for rng in ("A13:A19", "A20:A23", "B13:B14", "B15:B16", "B18:B19", "B20:B22"):
        ws.merge_cells(rng)
    last = r0 + len(rows) - 1
    tot = last + 1
    merge(ws, f"A{tot}:E{tot}", "总分", BOLD)
    put(ws, f"F{tot}", f"=SUM(F{r0}:F{last})+G7", BOLD)
    put(ws, f"G{tot}", f"=SUM(G{r0}:G{last})+I7", BOLD, fmt="0.00")
    merge(ws, f"H{tot}:I{tot}", None)
    cached[f"F{tot}"] = 100
    cached[f"G{tot}"] = round(total, 2)
    merge(ws, f"A{tot + 2}:I{tot + 2}",
          "填报人：周晓燕　　联系电话：0516-83720946　　单位负责人：陈建华　　填报日期：2024年3月15日",
          BODY, LEFT, border=False)
    for j, w in enumerate([10, 14, 26, 13, 13, 8, 8, 18, 22], 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    finish_xlsx(wb, OUT / "py_04_jiangsu_2023_canji-buzhu-self.xlsx", dt.datetime(2024, 3, 18, 9, 5, 0),
                cached={1: cached})


# --------------------------------------------------------------------------- xls helpers

def xstyle(bold=False, align="center", border=True, wrap=True, fmt=None, size=200, font="宋体"):
    parts = [f"font: name {font}, height {size}" + (", bold on" if bold else "")]
    parts.append(f"align: horiz {align}, vert center" + (", wrap on" if wrap else ""))
    if border:
        parts.append("borders: left thin, right thin, top thin, bottom thin")
    st = xlwt.easyxf("; ".join(parts))
    if fmt:
        st.num_format_str = fmt
    return st


def new_xls() -> xlwt.Workbook:
    wb = xlwt.Workbook(encoding="utf-8")
    wb.owner = "Administrator"
    return wb


# --------------------------------------------------------------------------- py_05 plain template (.xls)

def make_py05() -> None:
    wb = new_xls()
    ws = wb.add_sheet("Sheet1")
    c = xstyle()
    l = xstyle(align="left")
    b = xstyle(bold=True)
    title = xstyle(border=False, size=360, font="方正小标宋简体")
    plain = xstyle(border=False, align="left")
    ws.write_merge(0, 0, 0, 6, "项目支出绩效目标表", title)
    ws.write_merge(1, 1, 0, 6, "（2025年度）", xstyle(border=False, size=240, font="楷体"))
    ws.write_merge(2, 2, 0, 6, "填报单位：贵州省农业农村厅", plain)
    ws.write_merge(3, 3, 0, 1, "项目名称", b)
    ws.write_merge(3, 3, 2, 6, "茶产业提质增效专项", l)
    ws.write_merge(4, 4, 0, 1, "主管部门", b)
    ws.write_merge(4, 4, 2, 3, "贵州省农业农村厅", l)
    ws.write(4, 4, "实施单位", b)
    ws.write_merge(4, 4, 5, 6, "贵州省茶叶产业发展中心", l)
    ws.write_merge(5, 5, 0, 1, "项目属性", b)
    ws.write_merge(5, 5, 2, 3, "延续项目", l)
    ws.write(5, 4, "项目期", b)
    ws.write_merge(5, 5, 5, 6, "3年", l)
    ws.write_merge(6, 8, 0, 1, "项目资金\n（万元）", b)
    money = xstyle(align="left", fmt="0.00")
    for r, label, v in ((6, "年度资金总额", 3200), (7, "其中：财政拨款", 3200), (8, "其他资金", 0)):
        ws.write_merge(r, r, 2, 3, label, c)
        ws.write_merge(r, r, 4, 6, v, money)
    ws.write_merge(9, 9, 0, 1, "年度绩效目标", b)
    ws.write_merge(9, 9, 2, 6,
                   "1.新建标准化生态茶园2万亩、改造提升低产茶园5万亩；\n"
                   "2.支持18家茶叶加工厂完成清洁化生产线改造，茶叶农残抽检合格率保持在98%以上；\n"
                   "3.开展“贵州绿茶”品牌推介活动6场以上，项目区茶农人均增收600元以上。", l)
    ws.row(9).height_mismatch = True
    ws.row(9).height = 20 * 60
    hdr = 10
    rows = [
        ("产出指标", "数量指标", "新建标准化生态茶园面积", "≥2", "万亩", 8),
        ("产出指标", "数量指标", "低产茶园改造提升面积", "≥5", "万亩", 8),
        ("产出指标", "数量指标", "支持茶叶加工厂清洁化改造数量", 18, "个", 8),
        ("产出指标", "数量指标", "开展茶叶品牌推介活动", "≥6", "场", 6),
        ("产出指标", "质量指标", "茶叶农残抽检合格率", "≥98", "%", 8),
        # defect: placeholder never filled in
        ("产出指标", "质量指标", "茶园绿色防控覆盖率", "≥**", "%", 6),
        ("产出指标", "时效指标", "项目完工时间", dt.datetime(2025, 11, 30), "", 6),
        ("产出指标", "成本指标", "生态茶园每亩建设补助", "≤800", "元/亩", 6),
        ("效益指标", "经济效益指标", "项目区茶农人均增收", "≥600", "元", 8),
        # defect: unit column left empty
        ("效益指标", "社会效益指标", "带动脱贫户和监测户增收户数", "≥3000", "", 8),
        ("效益指标", "生态效益指标", "茶园化学农药使用量减少比例", "≥5", "%", 6),
        ("效益指标", "可持续影响指标", "“贵州绿茶”品牌影响力", "持续提升", "", 4),
        ("满意度指标", "服务对象满意度指标", "项目区茶农满意度", "≥90", "%", 8),
    ]
    first, last = hdr + 1, hdr + len(rows)
    ws.write_merge(hdr, last, 0, 0, "年度\n绩效\n指标", b)
    for j, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "分值"], 1):
        ws.write(hdr, j, h, b)
    datefmt = xstyle(fmt='yyyy"年"m"月"')
    # level merges: 一级 col 1, 二级 col 2 (row ranges inclusive)
    l1_spans = [(0, 7), (8, 11), (12, 12)]
    l2_spans = [(0, 3), (4, 5), (6, 6), (7, 7), (8, 8), (9, 9), (10, 10), (11, 11), (12, 12)]
    for col, spans, k in ((1, l1_spans, 0), (2, l2_spans, 1)):
        for a, z in spans:
            if a == z:
                ws.write(first + a, col, rows[a][k], c)
            else:
                ws.write_merge(first + a, first + z, col, col, rows[a][k], c)
    for i, (_, _, l3, val, unit_s, w) in enumerate(rows):
        r = first + i
        ws.write(r, 3, l3, l)
        ws.write(r, 4, val, datefmt if isinstance(val, dt.datetime) else c)
        ws.write(r, 5, unit_s, c)
        ws.write(r, 6, w, c)
    ws.write_merge(last + 2, last + 2, 0, 6,
                   "填报人：杨再兴　　联系电话：0851-85283617　　审核人：龙光明　　填报日期：2025年1月10日", plain)
    for j, w in enumerate([6, 10, 14, 28, 12, 10, 6]):
        ws.col(j).width = 256 * w
    wb.save(str(OUT / "py_05_guizhou_2025_chaye-tixiao.xls"))


# --------------------------------------------------------------------------- py_06 flat export (.xls), 2 projects

def make_py06() -> None:
    unit = "鞍山市住房和城乡建设局"
    projects = [
        ("城镇老旧供热管网改造", 4650,
         "完成一级管网改造28公里、二级管网改造65公里、换热站改造12座，供暖季前全部完工，降低管网失水率和热损失，保障4.2万户居民安全稳定供暖。",
         [
             ("产出指标", "数量指标", "改造供热一级管网长度", "≥", "28", "公里", "10"),
             ("产出指标", "数量指标", "改造供热二级管网长度", "≥", "65", "公里", "10"),
             ("产出指标", "数量指标", "改造换热站数量", "≥", "12", "座", "8"),
             ("产出指标", "质量指标", "工程竣工验收合格率", "＝", "100", "%", "8"),
             ("产出指标", "质量指标", "改造后管网失水率", "≤", "1.5", "%", "8"),
             ("产出指标", "时效指标", "管网改造完工时间", "≤", "2025年10月15日", "", "8"),
             # defect: amount in 元 under a 万元 unit
             ("产出指标", "成本指标", "项目总投资控制数", "≤", "46500000", "万元", "8"),
             ("效益指标", "社会效益指标", "受益居民户数", "≥", "4.2", "万户", "8"),
             ("效益指标", "生态效益指标", "年节约标准煤", "≥", "1.1", "万吨", "8"),
             ("效益指标", "可持续影响指标", "改造管网设计使用年限", "≥", "30", "年", "4"),
             ("满意度指标", "服务对象满意度指标", "供热用户满意度", "≥", "90", "%", "10"),
         ]),
        ("城镇老旧小区改造省级补助", 2180.6,
         "完成36个城镇老旧小区改造，惠及居民1.05万户，改造建筑面积82万平方米，新增停车泊位900个，小区基础设施和居住环境明显改善。",
         [
             ("产出指标", "数量指标", "改造老旧小区数量", "≥", "36", "个", "10"),
             ("产出指标", "数量指标", "惠及居民户数", "≥", "1.05", "万户", "10"),
             ("产出指标", "数量指标", "改造建筑面积", "≥", "82", "万平方米", "10"),
             ("产出指标", "数量指标", "新增停车泊位", "≥", "900", "个", "8"),
             ("产出指标", "质量指标", "改造工程质量合格率", "＝", "100", "%", "10"),
             ("产出指标", "时效指标", "年度改造任务完工时间", "≤", "2025年11月30日", "", "8"),
             ("产出指标", "成本指标", "省级补助每平方米标准", "≤", "27", "元/平方米", "8"),
             ("效益指标", "社会效益指标", "小区基础设施功能", "定性", "明显完善", "", "8"),
             ("效益指标", "社会效益指标", "居民居住环境", "定性", "有效改善", "", "8"),
             # defect: a 满意度 indicator filed under 一级 效益指标
             ("效益指标", "服务对象满意度指标", "小区居民满意度", "≥", "90", "%", "10"),
         ]),
    ]
    wb = new_xls()
    ws = wb.add_sheet("项目绩效目标")
    c = xstyle(size=180)
    l = xstyle(align="left", size=180)
    b = xstyle(bold=True, size=180)
    money = xstyle(size=180, fmt="0.00")
    ws.write_merge(0, 0, 0, 10, "2025年度部门项目支出绩效目标导出表", xstyle(bold=True, border=False, size=280))
    head = ["单位名称", "项目名称", "预算数（万元）", "年度目标", "一级指标", "二级指标", "三级指标",
            "指标性质", "指标值", "度量单位", "权重"]
    for j, h in enumerate(head):
        ws.write(1, j, h, b)
    r = 2
    for name, budget, goal, rows in projects:
        for l1, l2, l3, op, val, unit_s, w in rows:
            vals = [unit, name, budget, goal, l1, l2, l3, op, val, unit_s, w]
            for j, v in enumerate(vals):
                st = money if j == 2 else (l if j in (0, 1, 3, 6) else c)
                ws.write(r, j, v, st)
            r += 1
    for j, w in enumerate([20, 22, 10, 50, 10, 16, 22, 8, 14, 10, 6]):
        ws.col(j).width = 256 * w
    ws.set_panes_frozen(True)
    ws.set_horz_split_pos(2)
    ws.set_remove_splits(True)
    wb.save(str(OUT / "py_06_liaoning_2025_gongre-gaizao.xls"))


def main() -> None:
    make_py01()
    make_py02()
    make_py03()
    make_py04()
    make_py05()
    make_py06()


if __name__ == "__main__":
    main()
