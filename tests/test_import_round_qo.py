"""Import round qo (ten ordinary tables written blind, see tests/probe_keys): what it found, one small table
of its own per fix."""

from __future__ import annotations

from .conftest import imported_text


def test_a_web_copy_whose_goal_stands_under_no_goal_head_is_read_not_a_traceback(tmp_path):
    # A web page's copy drops the blank cells before a text: the goal row has one cell where the head row
    # had three (总体目标 | 年度目标 | 中期目标). Reading the heads' columns in the shorter row raised IndexError.
    draft = imported_text(tmp_path, "web.txt", "项目名称\t就业创业补助资金\n"
                          "总体目标\t年度目标\t中期目标\n"
                          "全年城镇新增就业1.2万人。\t三年累计新增就业3.6万人。\n"
                          "一级指标\t二级指标\t三级指标\t年度指标值\t中期指标值\n"
                          "产出指标\t数量指标\t城镇新增就业人数\t≥1.2万人\t≥3.6万人\n"
                          "满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t≥92%\n")
    p = draft.projects[0]
    assert (p.goal, p.overall_goal) == ("全年城镇新增就业1.2万人。", "三年累计新增就业3.6万人。")
    assert [(i.name, i.value) for i in p.indicators] == [("城镇新增就业人数", "≥1.2万人"), ("服务对象满意度", "≥90%")]


def test_a_level_label_a_viewer_broke_over_lines_is_joined(tmp_path):
    # '满意度指' / '标' one cell a line: the first row under it had kept the 一级 above (效益)
    lines = ["一级指标", "二级指标", "三级指标", "指标值", "效益指标", "社会效益", "指标", "带动养殖户数", "≥1500户",
             "满意度指", "标", "服务对象", "满意度指", "标", "养殖户满意度", "≥90%", "受益群众满意度", "≥90%"]
    rows = imported_text(tmp_path, "viewer.txt", "\n".join(lines) + "\n").projects[0].indicators
    assert [(i.level1, i.name) for i in rows] == [("效益指标", "带动养殖户数"), ("满意度指标", "养殖户满意度"),
                                                ("满意度指标", "受益群众满意度")]


def test_a_word_cells_second_paragraph_goes_back_to_its_cell(tmp_path):
    # a Word table copied as tabs: the 指标说明's second paragraph on a line of its own had become a row
    text = ("一级指标\t二级指标\t三级指标\t指标值\t指标说明\n"
            "产出指标\t质量指标\t高血压患者规范管理率\t≥65%\t按照规范要求进行健康管理的人数占\n"
            "年内已管理高血压患者人数的比例\n"
            "\t\t孕产妇系统管理率\t≥90%\t接受早孕建册和产后访视的产妇人数占活产数的比例\n")
    rows = imported_text(tmp_path, "word.txt", text).projects[0].indicators
    assert [i.name for i in rows] == ["高血压患者规范管理率", "孕产妇系统管理率"]
    assert rows[0].description == "按照规范要求进行健康管理的人数占年内已管理高血压患者人数的比例"


def test_a_level_printed_beside_the_last_line_of_a_three_line_row_heads_it(tmp_path):
    # pdftotext: '水质检测覆盖集中供水工程' / '100%' / '产出指标  比例' (the merged 一级 centred on the row's last
    # line): '比例' had become a row whose value was the next row's name
    text = ("      一级指标      二级指标            三级指标                    指标值\n"
            "                    数量指标    更换水泵及配套设备台套数            ≥60台套\n"
            "                                水质检测覆盖集中供水工程\n"
            "                                                                      100%\n"
            "      产出指标                  比例\n"
            "                                维修养护工程验收合格率                100%\n")
    rows = imported_text(tmp_path, "layout.txt", text).projects[0].indicators
    assert [(i.name, i.value) for i in rows] == [("更换水泵及配套设备台套数", "≥60台套"), ("水质检测覆盖集中供水工程比例", "100%"),
                                                ("维修养护工程验收合格率", "100%")]
