"""Rows a hostile tester built that the grid reader misplaced: a row whose 指标值 is blank, and a 三级 cell
whose second paragraph is its explanation. One small table each."""

from pathlib import Path

from perfdraft.importers import import_file

from .conftest import imported_text


def _rows(draft) -> list[tuple]:
    return [(i.level2, i.name, i.value) for p in draft.projects for i in p.indicators]


def test_a_row_left_without_its_value_does_not_take_the_next_rows_name(tmp_path: Path):
    draft = imported_text(tmp_path, "blank-value.txt", "项目名称\t社区养老服务补助\n"
                                                       "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t权重\n"
                                                       "产出指标\t数量指标\t服务老年人数\t≥\t500\t人\t20\n"
                                                       "\t\t农村老人上门服务\n"
                                                       "\t\t新建照料中心\t=\t3\t个\t10\n"
                                                       "\t质量指标\t服务合格率\t≥\t95\t%\t20\n")
    assert _rows(draft) == [("数量指标", "服务老年人数", "≥500人"), ("数量指标", "农村老人上门服务", None),
                            ("数量指标", "新建照料中心", "=3个"), ("质量指标", "服务合格率", "≥95%")]
    assert "indicators[1].value" in draft.projects[0].confirm  # the blank is the user's to fill


def _explained_docx(path: Path, rows: list[tuple[str, str, list[str], str]]) -> Path:
    from docx import Document

    doc = Document()
    doc.add_paragraph("项目名称：社区养老服务补助")
    table = doc.add_table(rows=1 + len(rows), cols=4)
    for k, text in enumerate(["一级指标", "二级指标", "三级指标", "指标值"]):
        table.cell(0, k).text = text
    for r, (l1, l2, paragraphs, value) in enumerate(rows, 1):
        table.cell(r, 0).text, table.cell(r, 1).text, table.cell(r, 3).text = l1, l2, value
        cell = table.cell(r, 2)
        cell.text = paragraphs[0]
        for text in paragraphs[1:]:
            cell.add_paragraph(text)
    doc.save(path)
    return path


def test_a_names_cell_that_is_a_level_word_with_its_explanation_is_a_name(tmp_path: Path):
    path = _explained_docx(tmp_path / "level-word.docx", [
        ("满意度指标", "服务对象满意度指标", ["满意度", "指标解释：服务对象对养老服务的满意程度"], "≥90%"),
        ("效益指标", "社会效益指标", ["社会效益", "指标解释：反映项目的社会效益"], "明显提升")])
    rows = import_file(path).draft.projects[0].indicators
    assert [(i.level2, i.name, i.description, i.value) for i in rows] == [
        ("服务对象满意度指标", "满意度", "服务对象对养老服务的满意程度", "≥90%"),
        ("社会效益指标", "社会效益", "反映项目的社会效益", "明显提升")]


def test_a_names_cell_holding_only_its_explanation_leaves_the_name_blank_to_confirm(tmp_path: Path):
    path = _explained_docx(tmp_path / "no-name.docx", [
        ("产出指标", "数量指标", ["", "指标解释：反映服务老年人的数量"], "≥500人")])
    project = import_file(path).draft.projects[0]
    ind = project.indicators[0]
    assert (ind.name, ind.description, ind.value) == (None, "反映服务老年人的数量", "≥500人")
    assert "indicators[0].value" in project.confirm


def test_a_summary_sheets_header_is_no_project_and_its_total_no_budget(tmp_path: Path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    for row in (["序号", "项目名称", "预算（万元）"], [1, "社区养老服务补助", 120], [2, "农村道路维护", 300], ["合计", None, 420]):
        ws.append(row)
    for k, (name, budget, row) in enumerate([("社区养老服务补助", 120, ["产出指标", "数量指标", "服务老年人数", "≥500人"]),
                                             ("农村道路维护", 300, ["产出指标", "数量指标", "维护里程", "≥20公里"])], 1):
        sheet = wb.create_sheet(f"项目{k}")
        for r in (["项目名称", name], ["年度资金总额（万元）", budget], ["一级指标", "二级指标", "三级指标", "指标值"], row):
            sheet.append(r)
    path = tmp_path / "summary.xlsx"
    wb.save(path)
    projects = import_file(path).draft.projects
    # the header's 预算（万元） had become a project's name and the 合计 its budget
    assert [(p.name, p.budget.total, p.confirm) for p in projects] == [
        ("社区养老服务补助", 1200000, []), ("农村道路维护", 3000000, [])]


def test_a_libreoffice_csv_separated_by_semicolons_is_read_as_a_sheet(tmp_path: Path):
    # round qi: LibreOffice's 'Text CSV' with ';', a budget two cells after its label, and the 预算执行率 line
    # under the grid (it had become an indicator named 预算执行率 = 10)
    path = tmp_path / "导出.txt"
    path.write_text('"项目名称";"普惠托育服务体系建设";;;;;\n'
                    '"项目资金（万元）";"年度资金总额";;860.00;;;\n'
                    ';"其中：中央资金";;360.00;;;\n'
                    '"一级指标";"二级指标";"三级指标";"运算符";"指标值";"计量单位";"分值"\n'
                    '"产出指标";"数量指标";"新建社区嵌入式托育点";"≥";12;"个";10\n'
                    ';;"新增普惠性托位数";"≥";480;"个";10\n'
                    ';"质量指标";"保育人员持证上岗率";"≥";95%;;5\n'
                    '"满意度指标";"服务对象满意度指标";"家长满意度";"≥";90%;;5\n'
                    '"预算执行率";;;;;;10\n', encoding="utf-8")
    result = import_file(path)
    project = result.draft.projects[0]
    assert project.budget.total == 8600000
    assert _rows(result.draft) == [("数量指标", "新建社区嵌入式托育点", "≥12个"), ("数量指标", "新增普惠性托位数", "≥480个"),
                                   ("质量指标", "保育人员持证上岗率", "≥95%"), ("服务对象满意度指标", "家长满意度", "≥90%")]
    assert any("预算执行率" in n for n in result.draft.notes)


def test_a_money_fact_written_with_its_parts_in_one_cell_gives_each_part(tmp_path: Path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for k, (name, total) in enumerate([("基本公共卫生服务项目", "2868.40"), ("计划生育家庭奖励扶助项目", "1352.16")]):
        for row in ([f"附件1-{k + 1}"], ["项目支出绩效目标表"], [f"项目名称：{name}"],
                    [f"项目资金（万元）：年度资金总额 {total}，其中：财政拨款 {total}，其他资金 0.00"],
                    ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"],
                    ["产出指标", "数量指标", "服务人数", "≥9860人", None],
                    ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "抽样调查"],
                    ["填报人：李静　　联系电话：0558-8612473"], []):
            ws.append(row)
    path = tmp_path / "stacked.xlsx"
    wb.save(path)
    projects = import_file(path).draft.projects
    assert [(p.name, p.budget.total, p.budget.fiscal, len(p.indicators)) for p in projects] == [
        ("基本公共卫生服务项目", 28684000, 28684000, 2), ("计划生育家庭奖励扶助项目", 13521600, 13521600, 2)]


def test_a_band_beside_its_unit_column_takes_the_unit(tmp_path: Path):
    draft = imported_text(tmp_path, "band.txt", "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\n"
                                                "产出指标\t质量指标\t玉米种植密度\t定量\t4500—5000\t株/亩\n"
                                                "\t数量指标\t推广种植面积\t≥\t5\t万亩\n")
    assert [v for _, _, v in _rows(draft)] == ["4500—5000株/亩", "≥5万亩"]
