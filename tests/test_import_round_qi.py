"""Rounds qi (ten text layouts) and qj (eight office files), written by helpers who never saw the importer:
28 % and 97 % of the sampled rows when first read. One test per reading added, each on a small table."""

from pathlib import Path

from .conftest import imported_text


def _rows(draft) -> list[tuple]:
    return [(i.level1, i.level2, i.name, i.value) for p in draft.projects for i in p.indicators]


def test_a_document_without_a_table_lists_rows_with_leader_dots_under_outline_headings(tmp_path: Path):
    draft = imported_text(tmp_path, "outline.txt", "项目一：2021年脐橙黄龙病防控补助项目\n"
                                                   "项目名称：2021年脐橙黄龙病防控补助项目\n"
                                                   "（二）绩效指标\n1．产出指标\n（1）数量指标\n"
                                                   "①黄龙病病树清除株数……………………………≥3200株\n"
                                                   "②发放防控药剂…………………………………≥12吨\n"
                                                   "（2）时效指标\n①秋梢期统防完成时间……………………2021年9月30日前\n"
                                                   "2．满意度指标\n（1）服务对象满意度指标\n①果农满意度·································≥90%\n\n"
                                                   "项目二：2021年乡镇综合文化站免费开放补助项目\n"
                                                   "项目名称：2021年乡镇综合文化站免费开放补助项目\n"
                                                   "1．产出指标\n（1）数量指标\n①举办公益性文化活动·························≥12场\n\n"
                                                   "大塘埠镇人民政府\n2021年3月5日\n")
    assert [(p.name, [(i.name, i.value) for i in p.indicators]) for p in draft.projects] == [
        ("2021年脐橙黄龙病防控补助项目", [("黄龙病病树清除株数", "≥3200株"), ("发放防控药剂", "≥12吨"),
                                       ("秋梢期统防完成时间", "2021年9月30日前"), ("果农满意度", "≥90%")]),
        ("2021年乡镇综合文化站免费开放补助项目", [("举办公益性文化活动", "≥12场")])]


def test_an_ellipsis_left_in_a_glued_table_is_no_leader(tmp_path: Path):
    from perfdraft.importers.cells import _LEADER

    assert _LEADER.search("满意度10≥95%≥95%10……总分100") is None  # a row's '……' placeholder
    assert _LEADER.search("①果农满意度………………≥90%") is not None


def test_a_web_systems_tree_of_levels_copied_with_its_buttons(tmp_path: Path):
    draft = imported_text(tmp_path, "tree.txt", "项目名称\t城市桥梁隧道定期检测\n"
                                                "指标名称\t指标性质\t运算符\t指标值\t计量单位\t权重（%）\t操作\n"
                                                "▼ 产出指标\t\t\t\t\t50\t新增下级\n"
                                                "▼ 数量指标\t\t\t\t\t20\t新增下级\n"
                                                "城市桥梁定期检测座数\t定量\t≥\t86\t座\t6\t编辑 删除\n"
                                                "▶ 成本指标\t\t\t\t\t10\t新增下级\n"
                                                "▼ 满意度指标\t\t\t\t\t10\t新增下级\n"
                                                "▼ 服务对象满意度指标\t\t\t\t\t10\t新增下级\n"
                                                "市民通行满意度\t定量\t≥\t90\t%\t6\t编辑 删除\n")
    assert _rows(draft) == [("产出指标", "数量指标", "城市桥梁定期检测座数", "≥86座"),
                                              ("满意度指标", "服务对象满意度指标", "市民通行满意度", "≥90%")]


def test_pdftotexts_reading_order_gives_a_blocks_names_then_its_values(tmp_path: Path):
    # pdftotext without -layout: each block's 三级 names in a run, then its values; a wrapped name's end (人次)
    # stands among the names; the header repeated on the next page follows a one-line row
    draft = imported_text(tmp_path, "order.txt", "项目名称\n\n酿酒葡萄基地提质增效项目\n\n一级指标\n\n二级指标\n\n三级指标\n\n指标值\n\n产出指标\n\n数量指标\n\n"
                                                 "酿酒葡萄低产园改造面积\n新建葡萄园防雹网\n酿酒葡萄标准化栽培技术培训\n人次\n\n≥1.2万亩\n≥800亩\n≥600人次\n\n"
                                                 "成本指标\n\n低产园改造亩均补助标准\n\n≤800元/亩\n\n第 1 页 共 2 页\n\n"
                                                 "一级指标\n\n二级指标\n\n三级指标\n\n指标值\n\n满意度指标\n\n服务对象满意度指标\n\n"
                                                 "种植户满意度\n农机手满意度\n\n≥90%\n≥85%\n")
    assert [(n, v) for _, _, n, v in _rows(draft)] == [
        ("酿酒葡萄低产园改造面积", "≥1.2万亩"), ("新建葡萄园防雹网", "≥800亩"), ("酿酒葡萄标准化栽培技术培训人次", "≥600人次"),
        ("低产园改造亩均补助标准", "≤800元/亩"), ("种植户满意度", "≥90%"), ("农机手满意度", "≥85%")]


def test_a_grid_with_more_columns_read_cell_by_cell_is_not_paired_as_runs(tmp_path: Path):
    # one cell per line under a header with 指标性质 and 计量单位: 定量 and ≥ are cells of the row, not names
    draft = imported_text(tmp_path, "cells.txt", "一级指标\n二级指标\n三级指标\n指标性质\n指标值\n计量单位\n产出指标\n数量指标\n"
                                                 "示范小区创建数量\n定量\n30\n个\n可回收物服务点运维数量\n定量\n268\n个\n")
    assert [(n, v) for _, _, n, v in _rows(draft)] == [("示范小区创建数量", "30个"),
                                                                       ("可回收物服务点运维数量", "268个")]


def test_a_grid_copied_column_by_column_is_put_back_in_rows(tmp_path: Path):
    # a report engine's PDF copied from a viewer: each column's head, then its cells; a wrapped name's end alone
    draft = imported_text(tmp_path, "columns.txt", "项目名称\n雪亮工程运维\n一级指标\n产出指标\n产出指标\n满意度指标\n二级指标\n数量指标\n质量指标\n"
                                                   "服务对象满意度指标\n三级指标\n运维视频监控点位数量\n公共区域视频监控重点部位覆\n盖率\n辖区群众满意度\n"
                                                   "指标值\n≥3200个\n100%\n≥90%\n填报人：孙立强\n")
    assert _rows(draft) == [
        ("产出指标", "数量指标", "运维视频监控点位数量", "≥3200个"),
        ("产出指标", "质量指标", "公共区域视频监控重点部位覆盖率", "100%"),
        ("满意度指标", "服务对象满意度指标", "辖区群众满意度", "≥90%")]


def test_two_tables_side_by_side_on_one_sheet_are_read_one_after_the_other(tmp_path: Path):
    left = ["项目名称\t文化馆总分馆体系建设", "项目资金（万元）\t年度资金总额\t86.00", "一级指标\t二级指标\t三级指标\t指标值",
            "产出指标\t数量指标\t建设文化馆分馆\t≥18个", "\t\t总分馆图书通借通还流转量\t≥2万册次", "\t\t开展流动服务\t≥60场次"]
    right = ["项目名称\t农家书屋出版物补充更新", "项目资金（万元）\t年度资金总额\t32.40", "一级指标\t二级指标\t三级指标\t指标值",
             "产出指标\t数量指标\t补充更新出版物的农家书屋\t=212个", "满意度指标\t服务对象满意度指标\t农村读者满意度\t≥90%", ""]
    lines = []
    for a, b in zip(left, right, strict=True):
        a_cells = a.split("\t") + [""] * (4 - len(a.split("\t")))
        lines.append("\t".join(a_cells + [""] + (b.split("\t") if b else [])))
    draft = imported_text(tmp_path, "side.txt", "\n".join(lines) + "\n填报人：林志强\n")
    projects = draft.projects
    assert [(p.name, p.budget.total, [i.name for i in p.indicators]) for p in projects] == [
        ("文化馆总分馆体系建设", 860000, ["建设文化馆分馆", "总分馆图书通借通还流转量", "开展流动服务"]),
        ("农家书屋出版物补充更新", 324000, ["补充更新出版物的农家书屋", "农村读者满意度"])]


def test_a_name_starting_with_a_closing_word_is_a_row_and_the_word_alone_is_not():
    from perfdraft.importers import kinds

    assert not kinds.signoff("总分馆图书通借通还流转量") and not kinds.signoff("存在问题整改率")
    assert kinds.signoff("总分") and kinds.signoff("合计 100") and kinds.signoff("存在问题：无")


def test_a_viewers_copy_whose_rows_start_with_the_ends_of_the_level_cells_above(tmp_path: Path):
    # held-back qa_08: '质量指 造林成活率 ≥85% 87.3%' over '标 林业有害生物成灾率 ≤3.5‰ 1.9‰'; a 自评表's name tail
    # ('数') under a row with its target and its actual
    draft = imported_text(tmp_path, "viewer.txt", "专项名称 林业改革发展资金\n"
                                                  "一级指标 二级指标 三级指标 年度指标值 全年实际值\n"
                                                  "产出指 数量指 完成营造林面积 ≥120万亩 126.8万亩\n"
                                                  "标 标 天然林资源管护面积 ≥5400万亩 5400万亩\n"
                                                  "质量指 造林成活率 ≥85% 87.3%\n"
                                                  "标 林业有害生物成灾率 ≤3.5‰ 1.9‰\n"
                                                  "效益指 社会效益 带动林区群众就业增收人 ≥3.2万人 3.4万人\n"
                                                  "标 指标 数\n")
    assert _rows(draft) == [
        ("产出指标", "数量指标", "完成营造林面积", "≥120万亩"), ("产出指标", "数量指标", "天然林资源管护面积", "≥5400万亩"),
        ("产出指标", "质量指标", "造林成活率", "≥85%"), ("产出指标", "质量指标", "林业有害生物成灾率", "≤3.5‰"),
        ("效益指标", "社会效益指标", "带动林区群众就业增收人数", "≥3.2万人")]


def test_a_sheet_printed_across_two_pages_joins_its_rows_by_their_numbers(tmp_path: Path):
    # held-back qi_10: page 1 holds 序号 and the names, page 2 序号 and the values (pdftotext -layout)
    draft = imported_text(tmp_path, "pages.txt", "项目名称    村级动物防疫员补助项目\n"
                                                 "序号  一级指标    二级指标            三级指标\n"
                                                 "   1  产出指标    数量指标            村级动物防疫员人数\n"
                                                 "   2                                  开展防疫员业务培训\n"
                                                 "   3  满意度指标  服务对象满意度指标  农牧民群众满意度\n"
                                                 "      合计\n\n                              第 1 页，共 2 页\n"
                                                 "序号  指标方向  指标值            计量单位      权重  设定依据\n"
                                                 "   1  =         156               人              15  计划标准\n"
                                                 "   2  ≥         2                 期               5  计划标准\n"
                                                 "   3  ≥         90                %               10  行业标准\n")
    assert _rows(draft) == [("产出指标", "数量指标", "村级动物防疫员人数", "=156人"),
                                              ("产出指标", "数量指标", "开展防疫员业务培训", "≥2期"),
                                              ("满意度指标", "服务对象满意度指标", "农牧民群众满意度", "≥90%")]


def test_a_viewers_copy_one_piece_a_line_with_tails_after_the_values_and_a_running_head(tmp_path: Path):
    # round qm: Firefox's PDF viewer puts a wrapped name's end after the value beside it, a date's 前 on a
    # line of its own, the next page's running head before the repeated header; 一级 and 二级 printed
    # below the table's first rows
    draft = imported_text(tmp_path, "firefox.txt", "项目名称\n应急救援队伍建设\n一级指标\n二级指标\n三级指标\n指标值\n"
                                                   "乡镇（街道）应急救援队伍\n≥23支\n建设数量\n数量指标\n开展应急救援技能培训人次\n≥690人次\n产出指标\n"
                                                   "质量指标\n应急物资验收合格率\n100%\n—9—\n海伦市应急管理局2024年部门预算\n一级指标\n二级指标\n三级指标\n指标值\n"
                                                   "时效指标\n应急物资采购入库时间\n2024年6月30日\n前\n效益指标\n社会效益指标\n较大及以上生产安全事故起\n0起\n数\n"
                                                   "群众防灾减灾和自救互救意\n明显提升\n识\n")
    assert _rows(draft) == [
        ("产出指标", "数量指标", "乡镇（街道）应急救援队伍建设数量", "≥23支"),
        ("产出指标", "数量指标", "开展应急救援技能培训人次", "≥690人次"),
        ("产出指标", "质量指标", "应急物资验收合格率", "100%"),
        ("产出指标", "时效指标", "应急物资采购入库时间", "2024年6月30日前"),
        ("效益指标", "社会效益指标", "较大及以上生产安全事故起数", "0起"),
        ("效益指标", "社会效益指标", "群众防灾减灾和自救互救意识", "明显提升")]


def test_a_documents_running_head_on_the_next_page_is_no_level(tmp_path: Path):
    draft = imported_text(tmp_path, "heads.txt", "兴宁市民政局2024年部门预算\n附件2\n项目名称 长者饭堂运营补助\n一级指标 二级指标 三级指标 指标值\n"
                                                 "产出指标 数量指标 长者饭堂运营数量 ≥36个\n时效指标 补助资金拨付及时率 100%\n- 15 -\n"
                                                 "兴宁市民政局2024年部门预算\n成本指标 困难老年人助餐补贴标准 ≤5元/人·餐\n")
    rows = _rows(draft)
    assert [r[1] for r in rows] == ["数量指标", "时效指标", "成本指标"]


def test_a_second_name_column_beside_one_value_is_the_names_explanation(tmp_path: Path):
    # round qm: an Excel copy with 三级指标 and, after the value, 指标内容 (it had been read as the name)
    draft = imported_text(tmp_path, "content.txt", "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t指标属性\t指标内容\n"
                                                   "产出指标\t数量指标\t免费开放公共文化场馆数量\t≥\t3\t个\t定量指标\t县图书馆、县文化馆、县博物馆免费开放\n"
                                                   "\t\t组织开展公益性文化活动\t≥\t60\t场次\t定量指标\t全年组织开展展览、讲座等公益性文化活动\n")
    rows = draft.projects[0].indicators
    assert [(i.name, i.value, i.description) for i in rows] == [
        ("免费开放公共文化场馆数量", "≥3个", "县图书馆、县文化馆、县博物馆免费开放"),
        ("组织开展公益性文化活动", "≥60场次", "全年组织开展展览、讲座等公益性文化活动")]


def test_a_level_printed_beside_a_names_wrapped_end_heads_that_row(tmp_path: Path):
    # round qm_05, Chrome's PDF viewer: a 二级 centred on a two-line row is printed on its second line, beside
    # the name's end; a name's last word (数) under a bare number ends the name, not the value
    draft = imported_text(tmp_path, "chrome.txt", "项目名称 长者饭堂运营补助\n一级指标 二级指标 三级指标 指标值\n"
                                                  "产出指标 数量指标 享受助餐补贴的困难老年人 ≥1800\n数\n"
                                                  "时效指标 运营补助资金按季度拨付及时率 100%\n"
                                                  "每个助餐点年度运营补助标 ≤3万元/个\n成本指标 准\n"
                                                  "困难老年人助餐补贴标准 ≤5元/人·餐\n"
                                                  "满意度指标 服务对象满意 就餐老年人满意度 ≥90%\n度指标 老年人家属满意度 ≥85%\n")
    assert _rows(draft) == [
        ("产出指标", "数量指标", "享受助餐补贴的困难老年人数", "≥1800"),
        ("产出指标", "时效指标", "运营补助资金按季度拨付及时率", "100%"),
        ("产出指标", "成本指标", "每个助餐点年度运营补助标准", "≤3万元/个"),
        ("产出指标", "成本指标", "困难老年人助餐补贴标准", "≤5元/人·餐"),
        ("满意度指标", "服务对象满意度指标", "就餐老年人满意度", "≥90%"),
        ("满意度指标", "服务对象满意度指标", "老年人家属满意度", "≥85%")]
