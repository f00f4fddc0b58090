"""Round qe: eight office files as budget systems and staff save them, written by a helper who never saw the
importer: 76 % of the sampled rows, 7 of 8 budgets and 7 of 8 project counts when first read. One test per
reading added, each on a small file of its own."""

from pathlib import Path

from perfdraft.importers import import_file


def _rows(draft) -> list[tuple]:
    return [(i.level1, i.level2, i.name, i.value) for p in draft.projects for i in p.indicators]


def test_a_grid_header_in_two_rows_names_each_column_by_its_lower_or_its_upper_cell(tmp_path: Path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in (["项目名称", "抵边村寨建设项目", "项目编码", "530824260000000000127", None, None, None, None],
                ["年度资金总额（万元）", 1680, None, None, None, None, None, None],
                ["绩效指标", None, None, "指标值", None, None, "分值", "备注"],
                ["一级指标", "二级指标", "三级指标", "计算符号", "数值", "单位", None, None],
                ["产出指标", "数量指标", "实施抵边村寨建设个数", "≥", 12, "个", 6, None],
                [None, None, "新建村组道路", "≥", 18.5, "公里", 6, "硬化路面宽度不低于4.5米"],
                ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", 90, "%", 10, "抽样调查不少于100户"]):
        ws.append(row)
    ws.merge_cells("A3:C3")
    ws.merge_cells("D3:F3")
    ws.merge_cells("G3:G4")
    ws.merge_cells("H3:H4")
    path = tmp_path / "two-rows.xlsx"
    wb.save(path)
    draft = import_file(path).draft
    # the 备注 had been read as rows of their own, the 数值 lost (≥个); the 项目编码 is kept
    assert [(n, v) for _, _, n, v in _rows(draft)] == [("实施抵边村寨建设个数", "≥12个"), ("新建村组道路", "≥18.5公里"),
                                                         ("受益群众满意度", "≥90%")]
    assert draft.projects[0].code == "530824260000000000127"


def test_a_names_cell_with_its_explanation_as_a_second_paragraph_gives_the_explanation_its_column(tmp_path: Path):
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=3, cols=4)
    for k, text in enumerate(["一级指标", "二级指标", "三级指标", "指标值"]):
        table.cell(0, k).text = text
    for r, (name, why, value) in enumerate([("资助学生人数", "按在校生人数的一定比例确定受助学生", "≥2060人"),
                                            ("资助对象认定准确率", "经复核认定准确的受助学生占比", "≥98%")], 1):
        table.cell(r, 0).text, table.cell(r, 1).text = "产出指标", "数量指标"
        cell = table.cell(r, 2)
        cell.text = name
        cell.add_paragraph(f"指标解释：{why}")
        table.cell(r, 3).text = value
    path = tmp_path / "explained.docx"
    doc.save(path)
    rows = import_file(path).draft.projects[0].indicators
    assert [(i.name, i.description, i.value) for i in rows] == [
        ("资助学生人数", "按在校生人数的一定比例确定受助学生", "≥2060人"),
        ("资助对象认定准确率", "经复核认定准确的受助学生占比", "≥98%")]


def _word_table(doc, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, cells in enumerate(rows):
        for k, text in enumerate(cells):
            table.cell(r, k).text = text


def test_a_table_continued_after_a_page_break_keeps_the_levels_its_first_rows_lost(tmp_path: Path):
    from docx import Document

    doc = Document()
    doc.add_paragraph("项目名称：林业有害生物防治项目")
    head = ["一级指标", "二级指标", "三级指标", "指标值"]
    _word_table(doc, [head, ["产出指标", "数量指标", "防治作业面积", "≥12万亩"],
                      ["效益指标", "生态效益指标", "林业有害生物成灾率", "≤4.2‰"]])
    doc.add_paragraph("续表")
    _word_table(doc, [head, ["", "", "森林植被", "得到有效保护"], ["", "可持续影响指标", "防控长效机制", "逐步建立"]])
    path = tmp_path / "continued.docx"
    doc.save(path)
    assert _rows(import_file(path).draft)[-2:] == [("效益指标", "生态效益指标", "森林植被", "得到有效保护"),
                                                   ("效益指标", "可持续影响指标", "防控长效机制", "逐步建立")]


def test_a_summary_sheet_before_the_project_sheets_makes_no_empty_project():
    # qe_08: a 汇总 sheet whose cells are formulas into the project sheets, then one sheet per project; the
    # summary had started a project of nothing (no name, no budget, no row)
    path = Path(__file__).parent / "probe_files" / "qe_08_jiangxi_2019_shuili-sanxiang.xlsx"
    draft = import_file(path).draft
    assert [p.name for p in draft.projects] == ["2019年小型病险水库除险加固项目", "2019年农村饮水安全巩固提升工程",
                                                "2019年水土保持综合治理项目"]
    assert all(p.indicators for p in draft.projects)


def test_round_qg_a_watermark_spaced_out_across_the_grid_is_no_row(tmp_path: Path):
    # ordinary published tables (round qg: 98.7 % when first read): a page's stamp '乐 都 区 财 政 局 公 开 专 用'
    # printed across the grid by pdftotext had become three rows
    text = ("项目名称            重大动物疫病强制免疫\n"
            "  一级指标      二级指标        三级指标                      年度指标值\n"
            "  产出指标      数量指标        牲畜口蹄疫免疫数量             ≥42万头只\n"
            "                                  乐 都 区 财 政 局 公 开 专 用\n"
            "                质量指标        免疫抗体合格率                 ≥70%\n"
            "  满意度指标    服务对象满意度指标  养殖场（户）满意度          ≥90%\n")
    path = tmp_path / "stamp.txt"
    path.write_text(text, encoding="utf-8")
    assert [(i.name, i.value) for i in import_file(path).draft.projects[0].indicators] == [
        ("牲畜口蹄疫免疫数量", "≥42万头只"), ("免疫抗体合格率", "≥70%"), ("养殖场（户）满意度", "≥90%")]


def test_round_qg_a_merged_first_level_printed_beside_the_middle_of_its_block_covers_the_rows_above(tmp_path: Path):
    text = ("项目名称\t重大动物疫病强制免疫\n一级指标\t二级指标\t三级指标\t年度指标值\n"
            "\t数量指标\t牲畜口蹄疫免疫数量\t≥42万头只\n\t质量指标\t应免畜禽免疫密度\t≥90%\n"
            "产出指标\t质量指标\t免疫抗体合格率\t≥70%\n满意度指标\t服务对象满意度指标\t养殖户满意度\t≥90%\n")
    path = tmp_path / "middle.txt"
    path.write_text(text, encoding="utf-8")
    assert [i.level1 for i in import_file(path).draft.projects[0].indicators] == ["产出指标"] * 3 + ["满意度指标"]


def test_round_qg_a_names_tail_and_a_deadlines_tail_on_one_line_finish_their_row(tmp_path: Path):
    # Chrome's PDF viewer: '收运车辆及转运设备年度检修 2024年6月30日' then '完成时间 前'
    text = ("项目名称 城乡生活垃圾收运处置经费\n一级指标 二级指标 三级指标 指标值\n"
            "产出指标 时效指标 收运车辆及转运设备年度检修 2024年6月30日\n完成时间 前\n"
            "满意度指标 服务对象满意度指标 城乡居民满意度 ≥90%\n")
    path = tmp_path / "viewer.txt"
    path.write_text(text, encoding="utf-8")
    assert [(i.name, i.value) for i in import_file(path).draft.projects[0].indicators] == [
        ("收运车辆及转运设备年度检修完成时间", "2024年6月30日前"), ("城乡居民满意度", "≥90%")]
