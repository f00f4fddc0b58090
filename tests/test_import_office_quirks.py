"""Office files as Word 365, WPS and budget systems save them, not as python-docx and openpyxl write them:
track changes, content controls, text boxes, frame tables, Symbol-font signs, old-style merges; xlsx parts
named in another case, a second shared-strings part, hidden rows. Probe round pj measured these first
(tests/probe_files/pj_*: 56 % of rows when first read)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from perfdraft.importers import import_file
from perfdraft.model import Draft

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"')


def p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def tc(inner: str, pr: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{pr}</w:tcPr>' if pr else ''}{inner if inner.startswith('<') else p(inner)}</w:tc>"


def tr(*cells: str, pr: str = "") -> str:
    return f"<w:tr>{f'<w:trPr>{pr}</w:trPr>' if pr else ''}{''.join(c if c.startswith('<w:tc') else tc(c) for c in cells)}</w:tr>"


def tbl(*rows: str) -> str:
    return f"<w:tbl><w:tblPr/>{''.join(rows)}</w:tbl>"


HEAD = tr("一级指标", "二级指标", "三级指标", "指标值")
FACTS = tr("项目名称", tc("水稻制种基地建设", '<w:gridSpan w:val="3"/>'))


def docx(tmp_path: Path, body: str, name: str = "t.docx") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                   'package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.'
                   'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                   '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {W_NS}><w:body>{body}</w:body></w:document>')
    return path


def rows(draft: Draft) -> list[tuple[str | None, str | None]]:
    return [(i.name, i.value) for pr in draft.projects for i in pr.indicators]


def test_tracked_insertions_are_read_and_deletions_are_not(tmp_path):
    """Word 365 with track changes on: the value typed over the old one sits in w:ins, the old one in
    w:del; a deleted row is gone. Inserted runs were dropped (the value read as empty)."""
    changed = ('<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>≥600万公斤</w:delText></w:r></w:del>'
               '<w:ins w:id="2" w:author="a"><w:r><w:t>≥700万公斤</w:t></w:r></w:ins></w:p>')
    split = '<w:p><w:r><w:t>≥</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>9</w:t></w:r><w:r><w:t>5%</w:t></w:r></w:p>'
    body = tbl(FACTS, HEAD, tr("产出指标", "数量指标", "杂交水稻种子产量", tc(changed)),
               tr("产出指标", "质量指标", "种子纯度", tc(split)),
               tr("产出指标", "数量指标", "已删去的行", "≥1个", pr='<w:del w:id="3" w:author="a"/>'),
               tr("满意度指标", "服务对象满意度指标", "制种农户满意度", "≥90%"))
    assert rows(import_file(docx(tmp_path, body)).draft) == [
        ("杂交水稻种子产量", "≥700万公斤"), ("种子纯度", "≥95%"), ("制种农户满意度", "≥90%")]


def test_content_controls_around_cells_rows_and_the_whole_table(tmp_path):
    """A budget template's fill-in fields: controls inside paragraphs, around rows (a repeating section)
    and around the whole table; a control still showing its prompt holds nothing typed."""
    inline = '<w:p><w:sdt><w:sdtPr><w:alias w:val="值"/></w:sdtPr><w:sdtContent><w:r><w:t>≥1260人</w:t></w:r></w:sdtContent></w:sdt></w:p>'
    prompt = ('<w:p><w:r><w:t>≥42000</w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r>'
              '<w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt></w:p>')
    section = (f'<w:sdt><w:sdtPr><w15:repeatingSection xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"/>'
               f'</w:sdtPr><w:sdtContent>{tr("产出指标", "数量指标", "签约服务人次", tc(prompt))}</w:sdtContent></w:sdt>')
    table = tbl(FACTS, HEAD, tr("产出指标", "数量指标", "补助乡村医生人数", tc(inline)), section,
                tr("满意度指标", "服务对象满意度指标", "村民就医满意度", "≥90%"))
    body = f"<w:sdt><w:sdtPr/><w:sdtContent>{table}</w:sdtContent></w:sdt>"
    assert rows(import_file(docx(tmp_path, body)).draft) == [
        ("补助乡村医生人数", "≥1260人"), ("签约服务人次", "≥42000"), ("村民就医满意度", "≥90%")]


def test_a_table_framed_by_a_one_cell_table_and_symbol_font_signs(tmp_path):
    """A frame (a one-cell table around the real one) read the real table as one cell's text; ≥ drawn
    with the Symbol font (w:sym F0B3) was lost."""
    sym = '<w:p><w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r><w:r><w:t>436处</w:t></w:r></w:p>'
    inner = tbl(FACTS, HEAD, tr("产出指标", "数量指标", "隐患点专业监测数量", tc(sym)),
                tr("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"))
    body = p("2024年项目支出绩效目标表") + tbl(tr(tc(inner)))
    assert rows(import_file(docx(tmp_path, body)).draft) == [("隐患点专业监测数量", "≥436处"), ("受益群众满意度", "≥90%")]


def test_a_text_box_title_is_read_once_and_old_horizontal_merges(tmp_path):
    """WPS puts the title in a text box (with a VML fallback holding the same text); old Word merges
    cells across with w:hMerge."""
    box = (f'<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
           f'{p("2023年项目支出绩效目标表")}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>'
           f'<v:textbox><w:txbxContent>{p("2023年项目支出绩效目标表")}</w:txbxContent></v:textbox></w:pict></mc:Fallback>'
           f'</mc:AlternateContent></w:r></w:p>')
    facts = tr("项目名称", tc("镇级污水处理设施运维", '<w:hMerge w:val="restart"/>'), tc("", '<w:hMerge/>'),
               tc("", '<w:hMerge/>'))
    body = box + tbl(facts, HEAD, tr("产出指标", "数量指标", "运维污水处理设施", "≥18座"),
                     tr("满意度指标", "服务对象满意度指标", "周边群众满意度", "≥85%"))
    result = import_file(docx(tmp_path, body))
    assert rows(result.draft) == [("运维污水处理设施", "≥18座"), ("周边群众满意度", "≥85%")]
    assert result.draft.projects[0].name == "镇级污水处理设施运维"
    assert result.draft.year == 2023
    assert sum("2023年项目支出绩效目标表" in n for n in result.draft.notes) <= 1


def _xlsx(path: Path, rows_xml: str, *, sheet_member: str = "xl/worksheets/sheet1.xml",
          sheet_target: str = "worksheets/sheet1.xml", strings_member: str = "xl/sharedStrings.xml",
          strings: list[str] = ()) -> None:
    ss = "".join(f"<si><t>{s}</t></si>" for s in strings)
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {ns} xmlns:r="{rel}"><sheets>'
                   '<sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" '
                   f'Target="{sheet_target}"/><Relationship Id="rId2" Type="{rel}/sharedStrings" '
                   f'Target="{strings_member.removeprefix("xl/")}"/></Relationships>')
        z.writestr(strings_member, f'<?xml version="1.0"?><sst {ns}>{ss}</sst>')
        z.writestr(sheet_member, f'<?xml version="1.0"?><worksheet {ns}><sheetData>{rows_xml}</sheetData></worksheet>')


def _sheet_rows(table: list[list[str]], hidden: int | None = None) -> tuple[str, list[str]]:
    strings: list[str] = []
    out = []
    for n, row in enumerate(table, 1):
        cells = []
        for v in row:
            strings.append(v)
            cells.append(f'<c t="s"><v>{len(strings) - 1}</v></c>')  # no r attributes, as some writers do
        attrs = ' hidden="1"' if n == hidden else ""
        out.append(f"<row{attrs}>{''.join(cells)}</row>")
    return "".join(out), strings


TABLE = [["项目名称", "有机旱作示范", "", ""], ["一级指标", "二级指标", "三级指标", "指标值"],
         ["产出指标", "数量指标", "示范片面积", "≥2万亩"], ["产出指标", "数量指标", "模板遗留行", "≥**个"],
         ["满意度指标", "服务对象满意度指标", "示范区农户满意度", "≥90%"]]


@pytest.mark.parametrize("case", ["part-name-case", "second-strings-part", "hidden-row"])
def test_xlsx_as_budget_systems_and_wps_write_them(tmp_path, case):
    """A relationship naming 'worksheets/Sheet1.xml' for the member sheet1.xml, shared strings in
    sharedStrings1.xml, cells without positions: the workbook read as nothing. A hidden row (a template's
    leftover) is not in the printed table and is not read."""
    path = tmp_path / "t.xlsx"
    body, strings = _sheet_rows(TABLE, hidden=4 if case == "hidden-row" else None)
    kw = {"part-name-case": {"sheet_target": "worksheets/Sheet1.xml"},
          "second-strings-part": {"strings_member": "xl/sharedStrings1.xml"}, "hidden-row": {}}[case]
    _xlsx(path, body, strings=strings, **kw)
    result = import_file(path)
    got = rows(result.draft)
    if case == "hidden-row":
        assert got == [("示范片面积", "≥2万亩"), ("示范区农户满意度", "≥90%")]
        assert any("隐藏的 1 行" in line for line in result.repairs)
    else:
        assert got == [("示范片面积", "≥2万亩"), ("模板遗留行", "≥**个"), ("示范区农户满意度", "≥90%")]


# --- PDFs from other producers (probe round pk, reportlab: 87 % of rows when first read) ----------------------

def _pdf(path: Path, draw) -> None:
    pytest.importorskip("reportlab", reason="reportlab (test extra) builds the PDF")
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=landscape(A4), invariant=1)
    c.setFont("STSong-Light", 9)
    draw(c)
    c.showPage()
    c.save()


UNRULED = [("一级指标", "二级指标", "三级指标", "指标值", "计量单位", "权重", "指标解释"),
           ("产出指标", "数量指标", "低产林改造面积", "≥2.5", "万亩", "15", "以县级验收合格面积为准"),
           ("", "", "技术培训场次", "≥8", "", "5", "面向种植大户、合作社和脱贫户"),
           ("", "质量指标", "良种使用率", "=100", "%", "10", "使用省级审定良种苗木的比例，以县级"),
           ("", "", "", "", "", "", "抽查记录为准"),
           ("满意度指标", "服务对象满意度指标", "参与农户满意度", "≥90", "%", "10", "抽样问卷调查"),
           ("", "", "合计", "", "", "100", "")]
X = (40, 110, 200, 340, 400, 450, 500)


def test_a_table_printed_without_rules_is_read_by_its_columns(tmp_path):
    """A system report lines its columns up by position only: rows that leave 一级/二级 blank lost their
    places (values read as names), a wrapped 指标解释 line ended the table, and the grid's 合计 100 (its
    weights) was taken for the budget, over the 项目资金 heading whose amount follows it."""
    def draw(c):
        c.drawString(40, 540, "项目名称：油茶低产林改造提升项目")
        c.drawString(40, 522, "项目资金：年度资金总额")
        c.drawString(200, 522, "856.00")
        c.drawString(260, 522, "其中：财政拨款")
        c.drawString(340, 522, "800.00")
        c.drawString(400, 522, "其他资金")
        c.drawString(450, 522, "56.00")
        c.drawString(560, 540, "金额单位：万元")
        for r, row in enumerate(UNRULED):
            for x, text in zip(X, row, strict=True):
                if text:
                    c.drawString(x, 490 - 16 * r, text)
    path = tmp_path / "unruled.pdf"
    _pdf(path, draw)
    draft = import_file(path).draft
    assert rows(draft) == [("低产林改造面积", "≥2.5万亩"), ("技术培训场次", "≥8"), ("良种使用率", "=100%"),
                           ("参与农户满意度", "≥90%")]
    assert draft.projects[0].indicators[2].description == "使用省级审定良种苗木的比例，以县级抽查记录为准"
    b = draft.projects[0].budget
    assert (b.total, b.fiscal, b.other) == (8_560_000, 8_000_000, 560_000)


def test_a_seals_ring_of_characters_is_not_read(tmp_path):
    """A red seal drawn over the sign-off: its characters, set on a slant round a ring (and upright at its
    top), were read as a row after the table and split the phone number."""
    import math

    def draw(c):
        for r, row in enumerate(UNRULED[:3]):
            for x, text in zip(X, row, strict=True):
                if text:
                    c.drawString(x, 490 - 16 * r, text)
        c.drawString(40, 380, "填报人：陈思雨")
        c.drawString(200, 380, "联系电话：023-48672135")
        c.setFillColorRGB(0.86, 0.08, 0.1)
        for k, ch in enumerate("重庆市綦江区卫生健康委员会"):
            angle = math.pi * (0.9 - 0.8 * k / 12)
            c.saveState()
            c.translate(240 + 40 * math.cos(angle), 370 + 40 * math.sin(angle))
            c.rotate(math.degrees(angle) - 90)
            c.drawString(0, 0, ch)
            c.restoreState()
    path = tmp_path / "seal.pdf"
    _pdf(path, draw)
    draft = import_file(path).draft
    assert rows(draft) == [("低产林改造面积", "≥2.5万亩"), ("技术培训场次", "≥8")]
    assert not any("卫" in n or "綦" in n for n in draft.notes)


def test_a_heading_that_names_the_label_whose_amount_follows():
    from perfdraft.importers.facts import fact_label
    from perfdraft.importers.labels import project_label

    assert fact_label("项目资金：年度资金总额") == ("total", None, None)
    assert project_label("项目资金：年度资金总额").inline is None
    assert fact_label("项目名称：油茶低产林改造") == ("name", "油茶低产林改造", None)  # a value, as before


# --- whole budget documents (probe round pm: first read 97.5 % of rows, but budgets 1/7, projects 6/7) -----

def test_a_budget_tables_totals_before_the_first_target_table_are_not_its_budget(tmp_path):
    """A 部门预算公开 opens with 收支总表 and 支出表: their 合计 2,710.00 was the first project's 预算数."""
    text = ("城固县第二中学2024年单位预算\n表一 单位收支预算总表\n"
            "项目 | 2024年预算数 | 项目 | 2024年预算数\n本年收入合计 | 2,710.00 | 本年支出合计 | 2,710.00\n"
            "科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出\n | 合计 | 2,710.00 | 2,311.80 | 398.20\n"
            "项目支出绩效目标表\n项目名称 | 城乡义务教育学校公用经费\n年度资金总额（万元） | 186.30\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值\n产出指标 | 数量指标 | 保障在校生人数 | ≥2860人\n"
            "满意度指标 | 服务对象满意度指标 | 学生家长满意度 | ≥90%\n")
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    draft = import_file(path).draft
    assert [(p.name, p.budget.total) for p in draft.projects] == [("城乡义务教育学校公用经费", 1_863_000)]
    assert any("2,710.00" in n for n in draft.notes)  # nothing read is dropped


def test_a_table_of_contents_entry_is_no_project(tmp_path):
    """'2.2024年部门整体支出绩效目标表' in the 目录 started a project that took the budget tables' amounts."""
    body = (p("目录") + p("1.2024年项目支出绩效目标表") + p("2.2024年部门整体支出绩效目标表")
            + tbl(tr("收入", "2024年预算数"), tr("合计", "6,896.80"))
            + p("附件1") + tbl(FACTS, tr("年度资金总额（万元）", "680"), HEAD,
                              tr("产出指标", "数量指标", "提标改造面积", "≥1.2万亩"),
                              tr("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%")))
    draft = import_file(docx(tmp_path, body)).draft
    assert [p.name for p in draft.projects] == ["水稻制种基地建设"]
    assert draft.projects[0].budget.total == 6_800_000


def test_blocks_down_one_sheet_each_with_its_dated_title(tmp_path):
    """15 projects down one sheet: each block's '项目支出绩效目标表（2024年度）' and 填报单位 row were read as
    rows of the block above; '=100%' typed in Excel is a formula, its text the target."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    for n, (name, first) in enumerate((("高标准农田建设", "≥3.2万亩"), ("病虫害防治", "≥25万亩"))):
        for row in (["项目支出绩效目标表（2024年度）"], ["填报单位：霍城县农业农村局", None, None, f"表{n + 1}  单位：万元"],
                    ["项目名称", name], ["项目资金（万元）", "年度资金总额", 100 + n],
                    ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "实施面积", first],
                    [None, "质量指标", "验收合格率", "=100%"], ["满意度指标", "服务对象满意度指标", "农户满意度", "≥90%"],
                    [], []):
            ws.append(row)
    path = tmp_path / "t.xlsx"
    book.save(path)
    draft = import_file(path).draft
    assert [len(p.indicators) for p in draft.projects] == [3, 3]
    assert rows(draft)[:3] == [("实施面积", "≥3.2万亩"), ("验收合格率", "=100%"), ("农户满意度", "≥90%")]


def test_a_unit_column_holding_either_unit():
    from perfdraft.importers import kinds

    assert kinds.is_unit("台（套）") and kinds.is_unit("个(处)") and not kinds.is_unit("项目(专项)")


def test_a_page_footer_between_rows_and_a_numbered_table_title():
    """An import-then-check pass: a PDF's 第1页共2页 | 打印时间：… line became a row of its own (levels
    and all), and '项目支出绩效目标表(二)' a row of the table above."""
    from perfdraft.importers import kinds

    assert kinds.furniture("第1页共2页") and kinds.furniture("打印时间：2024-11-26 16:08")
    assert kinds.table_title("项目支出绩效目标表(二)") and kinds.table_title("项目支出绩效目标表（2024年度）")
    assert not kinds.table_title("项目支出绩效目标表说明")


def test_a_typed_target_formula_and_a_real_sum(tmp_path):
    """'=100%' typed in Excel is a formula (cached 1): its text is the target. '=800+56' is a sum: its
    cached 856 is the value, as before."""
    strings = ["项目名称", "示范", "年度资金总额（万元）", "一级指标", "二级指标", "三级指标", "指标值",
               "产出指标", "数量指标", "面积", "≥2万亩", "质量指标", "验收合格率", "满意度指标", "服务对象满意度指标", "满意度", "≥90%"]
    s = {t: n for n, t in enumerate(strings)}

    def c(t: str) -> str:
        return f'<c t="s"><v>{s[t]}</v></c>'
    rows_xml = (f"<row>{c('项目名称')}{c('示范')}</row><row>{c('年度资金总额（万元）')}<c><f>800+56</f><v>856</v></c></row>"
                f"<row>{c('一级指标')}{c('二级指标')}{c('三级指标')}{c('指标值')}</row>"
                f"<row>{c('产出指标')}{c('数量指标')}{c('面积')}{c('≥2万亩')}</row>"
                f"<row>{c('产出指标')}{c('质量指标')}{c('验收合格率')}<c><f>100%</f><v>1</v></c></row>"
                f"<row>{c('满意度指标')}{c('服务对象满意度指标')}{c('满意度')}{c('≥90%')}</row>")
    path = tmp_path / "t.xlsx"
    _xlsx(path, rows_xml, strings=strings)
    draft = import_file(path).draft
    assert rows(draft) == [("面积", "≥2万亩"), ("验收合格率", "=100%"), ("满意度", "≥90%")]
    assert draft.projects[0].budget.total == 8_560_000
