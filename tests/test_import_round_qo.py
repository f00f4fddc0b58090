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
