"""Round pr: ten text captures written by a helper who never saw the importer (first read 41% of the
sampled rows right). One test per reading the round added, each on a small table of its own."""

from pathlib import Path

from perfdraft.importers import import_files


def _import(tmp_path: Path, text: str, name: str = "t.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_files([path])


GRID = ("一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t新建农村卫生户厕\t≥3200户\n"
        "\t质量指标\t户厕改造验收合格率\t≥95%\n满意度指标\t服务对象满意度指标\t改厕农户满意度\t≥90%\n")


def test_a_table_quoted_in_an_email_reply_is_read_with_its_empty_cells_in_place(tmp_path):
    quoted = "\n".join("> " + line if line else ">" for line in ("项目名称\t农村改厕项目", "", *GRID.splitlines()))
    result = _import(tmp_path, "张股长：表已收到，请核实。\n\n在 2024年8月9日，区卫健局 写道：\n" + quoted + "\n")
    rows = [(i.level1, i.level2, i.name, i.value) for i in result.draft.projects[0].indicators]
    assert rows[1] == ("产出指标", "质量指标", "户厕改造验收合格率", "≥95%")  # its empty 一级 cell kept in place
    assert any("引用的原文" in line for line in result.repairs)
    # a value written as '>90%' is no quote
    plain = _import(tmp_path, "一级指标\t二级指标\t三级指标\t指标值\n满意度指标\t服务对象满意度指标\t群众满意度\t>90%\n"
                    "产出指标\t数量指标\t新建户厕\t>3200户\n", "plain.txt")
    assert plain.draft.projects[0].indicators[0].value in (">90%", "＞90%")


def test_html_source_pasted_into_a_text_file_is_read_as_the_page(tmp_path):
    html = ("<div><p>项目支出绩效目标表</p><table border=1>\n<tr><td>项目名称</td><td colspan=3>农村客运公交化改造</td></tr>\n"
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\n"
            "<tr><td rowspan=2>产出指标</td><td rowspan=2>数量指标</td><td>新建候车亭</td><td>&ge;30个</td></tr>\n"
            "<tr><td>改造线路</td><td>&#8805;12条</td></tr>\n"
            "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>沿线群众满意度</td><td>&ge;90%</td></tr>\n</table></div>\n")
    result = _import(tmp_path, html, "page.txt")
    rows = [(i.level1, i.name, i.value) for i in result.draft.projects[0].indicators]
    assert rows == [("产出指标", "新建候车亭", "≥30个"), ("产出指标", "改造线路", "≥12条"),
                    ("满意度指标", "沿线群众满意度", "≥90%")]
    assert any("网页源代码" in line for line in result.repairs)


def test_a_chat_answers_markdown_table_keeps_blank_cells_and_ends_where_the_table_ends(tmp_path):
    text = ("好的，以下是整理的表格：\n\n| 项目 | 内容 |\n|---|---|\n| 项目名称 | 农村厕所革命整村推进项目 |\n"
            "| 项目资金（万元） | 年度资金总额：**865.00**<br>其中：财政拨款 820.00<br>其他资金 45.00 |\n\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|:---:|:---:|:---|:---:|\n"
            "| **产出指标** | 数量指标 | 新（改）建农村卫生户厕 | ≥3200户 |\n"
            "| **产出指标** | 质量指标 | 厕所粪污无害化处理<br>或资源化利用率 | ≥85% |\n"
            "| **效益指标** | 生态效益指标 | 减少粪污直排对水体的污染 | |\n"
            "| **满意度指标** | 服务对象满意度指标 | 改厕农户满意度 | ≥90% |\n\n---\n\n**说明：**\n"
            "1. 原图中的指标值显示为“≥8585%”，建议核实是否应为≥85%；\n2. 满意度类指标一般设置为不低于90%。\n\n复制 重新生成\n")
    p = _import(tmp_path, text, "chat.md").draft.projects[0]
    assert [(i.level1, i.name, i.value) for i in p.indicators] == [
        ("产出指标", "新（改）建农村卫生户厕", "≥3200户"), ("产出指标", "厕所粪污无害化处理或资源化利用率", "≥85%"),
        ("效益指标", "减少粪污直排对水体的污染", None), ("满意度指标", "改厕农户满意度", "≥90%")]
    assert p.budget.total == 8650000


def test_a_monitoring_tables_extra_columns_keep_the_target_in_its_place(tmp_path):
    text = ("项目名称\t基本公共卫生服务项目\n项目资金（万元）\t年度预算数\t1—7月执行数\t执行率\n\t2860.00\t1865.32\t65.22%\n"
            "一级指标\t二级指标\t三级指标\t年度指标值\t1—7月实际完成值\t全年预计完成值\t偏差原因分析\t完成目标可能性\n"
            "产出指标\t数量指标\t居民电子健康档案建档率\t≥90%\t91.2%\t≥90%\t\t确定能\n"
            "\t\t高血压患者基层规范管理服务率\t≥65%\t\t≥65%\t系统数据未更新\t有可能\n"
            "\t质量指标\t适龄儿童疫苗接种率\t≥90%\t95.6%\t≥90%\t\t确定能\n"
            "满意度指标\t服务对象满意度指标\t居民综合满意度\t≥85%\t—\t≥85%\t满意度调查年底开展\t确定能\n")
    p = _import(tmp_path, text).draft.projects[0]
    assert [(i.name, i.value) for i in p.indicators] == [
        ("居民电子健康档案建档率", "≥90%"), ("高血压患者基层规范管理服务率", "≥65%"), ("适龄儿童疫苗接种率", "≥90%"),
        ("居民综合满意度", "≥85%")]
    assert p.budget.total == 28600000


def test_a_rolling_plans_first_year_is_the_target_and_the_budget_year_and_dittos_repeat_the_level(tmp_path):
    text = ("        某县2025—2027年中期财政规划项目绩效目标表\n\n"
            "项目名称      2025—2027年枸杞产业高质量发展项目\n"
            "                                                   绩效指标值\n"
            "一级指标   二级指标        三级指标                      2025年          2026年          2027年\n"
            "产出指标   数量指标        新建枸杞标准化种植基地        ≥1.5万亩        ≥1.2万亩        ≥1万亩\n"
            "〃         〃              建设病虫害绿色防控示范区      =5个            =5个            =3个\n"
            "〃         时效指标        年度建设任务完成时间          2025年10月底前  2026年10月底前  2027年10月底前\n"
            "满意度指标  服务对象满意度指标  项目区种植户满意度      ≥90%            ≥90%            ≥90%\n")
    result = _import(tmp_path, text)
    assert result.draft.year == 2025
    assert [(i.level1, i.level2, i.value) for i in result.draft.projects[0].indicators] == [
        ("产出指标", "数量指标", "≥1.5万亩"), ("产出指标", "数量指标", "=5个"), ("产出指标", "时效指标", "2025年10月底前"),
        ("满意度指标", "服务对象满意度指标", "≥90%")]
    assert any("同上" in line for line in result.repairs)


def test_a_department_table_as_a_numbered_list_of_paths(tmp_path):
    text = ("某县自然资源和规划局2025年部门整体绩效目标\n部门名称：某县自然资源和规划局（部门编码：412001）\n"
            "部门年度预算：资金总额4,268.35万元，其中：基本支出1,862.35万元，项目支出2,406.00万元；按资金来源分，"
            "财政拨款4,018.35万元，其他资金250.00万元。\n"
            "四、绩效指标（一级指标／二级指标／三级指标：指标值，分值）\n"
            "1．履职效能／重点工作履行情况／办理不动产登记业务：≥1.5万件（8分）\n"
            "2．履职效能／履职效果／新增耕地面积：≥800亩（6分）\n"
            "3．管理效率／预算管理／预算执行率：≥95%（5分）\n"
            "4．管理效率／政府采购／政府采购执行率：（4分）\n"
            "5．服务对象满意度／服务对象满意度／办事群众满意度：≥90%（8分）\n")
    d = _import(tmp_path, text).draft
    assert not d.projects
    assert [(i.level1, i.level2, i.name, i.value, i.weight) for i in d.department.indicators] == [
        ("履职效能", "重点工作履行情况", "办理不动产登记业务", "≥1.5万件", 8), ("履职效能", "履职效果", "新增耕地面积", "≥800亩", 6),
        ("管理效率", "预算管理", "预算执行率", "≥95%", 5), ("管理效率", "政府采购", "政府采购执行率", None, 4),
        ("服务对象满意度", "服务对象满意度", "办事群众满意度", "≥90%", 8)]
    assert (d.department.name, d.department.code) == ("某县自然资源和规划局", "412001")
    assert d.department.budget is not None and d.department.budget.total == 42683500


def test_a_department_grid_whose_last_column_is_the_score_reads_its_own_levels(tmp_path):
    # 履职效能 / 管理效率 are no project levels: a row's cells stand in their columns (分值 after 指标值)
    text = ("某局2025年部门整体绩效目标表\n一级指标\t二级指标\t三级指标\t指标值\t分值\n"
            "履职效能\t重点工作履行情况\t办理不动产登记业务\t≥1.5万件\t8\n管理效率\t预算管理\t预算执行率\t≥95%\t5\n"
            "服务对象满意度\t服务对象满意度\t办事群众满意度\t≥90%\t8\n")
    d = _import(tmp_path, text).draft
    assert [(i.level1, i.level2, i.name) for i in d.department.indicators] == [
        ("履职效能", "重点工作履行情况", "办理不动产登记业务"), ("管理效率", "预算管理", "预算执行率"),
        ("服务对象满意度", "服务对象满意度", "办事群众满意度")]


def test_a_web_screens_buttons_are_no_rows(tmp_path):
    cells = ["项目名称：", "农村供水工程维修养护项目", "序号", "一级指标", "二级指标", "三级指标", "指标值", "操作",
             "1", "产出指标", "数量指标", "维修养护集中供水工程", "≥46处", "编辑", "删除",
             "2", "产出指标", "质量指标", "验收合格率", "=100%", "编辑", "删除",
             "3", "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "编辑", "删除"]
    p = _import(tmp_path, "\n".join(cells) + "\n").draft.projects[0]
    assert [(i.name, i.value) for i in p.indicators] == [
        ("维修养护集中供水工程", "≥46处"), ("验收合格率", "=100%"), ("受益群众满意度", "≥90%")]


def test_a_bilingual_tables_other_script_is_left_out_and_an_operator_apart_joins_its_number(tmp_path):
    text = ("ལས་གཞིའི་མིང་།\n项目名称 2024年藏医药服务能力提升项目\n"
            "རིམ་པ་དང་པོའི་ཚད་གཞི། རིམ་པ་གཉིས་པའི་ཚད་གཞི།\n一级指标 二级指标 三级指标 指标值\n"
            "ཐོན་སྐྱེད་ཚད་གཞི།\n产出指标 数量指标 开展藏医药义诊巡诊 ≥24次\n"
            "ཚིམ་ཚད་ཚད་གཞི།\n满意度指标 服务对象满意度指标 就诊群众满意度 ≥ 90%\nཟིན་འགོད་པ། 填表人：次仁\n")
    result = _import(tmp_path, text)
    rows = [(i.level1, i.name, i.value) for i in result.draft.projects[0].indicators]
    assert rows == [("产出指标", "开展藏医药义诊巡诊", "≥24次"), ("满意度指标", "就诊群众满意度", "≥90%")]
    assert any("藏文" in line for line in result.repairs)


def test_a_grid_pasted_on_its_side_is_read_column_by_column(tmp_path):
    text = ("项目名称\t草原鼠虫害防治项目\t\t\t\n绩效指标\t\t\t\t\n"
            "一级指标\t产出指标\t\t效益指标\t满意度指标\n二级指标\t数量指标\t质量指标\t生态效益指标\t服务对象满意度指标\n"
            "三级指标\t草原鼠害防治面积\t鼠害防治效果\t草原植被综合盖度\t农牧民满意度\n"
            "运算符号\t≥\t≥\t≥\t≥\n指标值\t45\t85\t44\t90\n计量单位\t万亩\t%\t%\t%\n")
    result = _import(tmp_path, text)
    assert [(i.level1, i.level2, i.name, i.value) for i in result.draft.projects[0].indicators] == [
        ("产出指标", "数量指标", "草原鼠害防治面积", "≥45万亩"), ("产出指标", "质量指标", "鼠害防治效果", "≥85%"),
        ("效益指标", "生态效益指标", "草原植被综合盖度", "≥44%"), ("满意度指标", "服务对象满意度指标", "农牧民满意度", "≥90%")]
    assert any("转置" in line for line in result.repairs)


def test_a_grid_printed_in_two_halves_side_by_side_is_read_half_after_half(tmp_path):
    text = ("项目名称      中药材产业高质量发展项目\n\n"
            "一级指标  二级指标  三级指标                    指标值            一级指标    二级指标        三级指标                指标值\n"
            "产出指标  数量指标  新建中药材标准化种植基地    ≥1.5万亩          效益指标    经济效益指标    带动中药材产值增加      ≥1.2亿元\n"
            "                    建设产地初加工设施          =8处              满意度指标  服务对象满意度  项目区种植户满意度      ≥90%\n"
            "                                                                              指标\n"
            "          质量指标  种植基地验收合格率          ≥95%\n\n填报人：王**\n")
    result = _import(tmp_path, text)
    assert [(i.level1, i.name, i.value) for i in result.draft.projects[0].indicators] == [
        ("产出指标", "新建中药材标准化种植基地", "≥1.5万亩"), ("产出指标", "建设产地初加工设施", "=8处"),
        ("产出指标", "种植基地验收合格率", "≥95%"), ("效益指标", "带动中药材产值增加", "≥1.2亿元"),
        ("满意度指标", "项目区种植户满意度", "≥90%")]


# --- round pu ---------------------------------------------------------------------------------------------

def test_an_adjustment_request_as_a_pandoc_grid_table_gives_the_adjusted_targets_and_budget(tmp_path):
    text = ("某区2025年项目支出绩效目标调整申请表\n\n"
            "+------------------+--------------------------------------------+\n"
            "| 项目名称         | 城乡生活垃圾收运处置项目                   |\n"
            "+------------------+--------------------------------------------+\n"
            "| 项目编码         | 45011025000000000318                       |\n"
            "+------------------+--------------------------------------------+\n"
            "| 项目资金（万元） | 原预算金额：1,260.00；调整后预算金额：1,08 |\n"
            "|                  | 5.50（均为区本级财政资金）                 |\n"
            "+------------------+--------------------------------------------+\n\n"
            "+----------+----------+------------------+----------+--------------+\n"
            "| 一级指标 | 二级指标 | 三级指标         | 原指标值 | 调整后指标值 |\n"
            "+==========+==========+==================+==========+==============+\n"
            "| 产出指标 | 数量指标 | 城乡生活垃圾收运 | ≥2.2万吨 | ≥1.8万吨     |\n"
            "|          |          | 量               |          |              |\n"
            "+----------+----------+------------------+----------+--------------+\n"
            "|          |          | 配置垃圾收运车辆 | =18辆    | 不变         |\n"
            "+----------+----------+------------------+----------+--------------+\n"
            "| 满意度指 | 服务对象 | 城乡居民满意度   | ≥85%     | 不变         |\n"
            "| 标       | 满意度指 |                  |          |              |\n"
            "|          | 标       |                  |          |              |\n"
            "+----------+----------+------------------+----------+--------------+\n")
    p = _import(tmp_path, text).draft.projects[0]
    assert [(i.level1, i.name, i.value) for i in p.indicators] == [
        ("产出指标", "城乡生活垃圾收运量", "≥1.8万吨"), ("产出指标", "配置垃圾收运车辆", "=18辆"),
        ("满意度指标", "城乡居民满意度", "≥85%")]
    assert p.budget.total != 12600000  # never the 原预算金额
    # without a 项目编码 the shape reader reads it, the adjusted budget included
    q = _import(tmp_path, text.replace("| 项目编码         | 45011025000000000318                       |\n"
                                       "+------------------+--------------------------------------------+\n", ""),
                "q.txt").draft.projects[0]
    assert [i.value for i in q.indicators] == ["≥1.8万吨", "=18辆", "≥85%"] and q.budget.total == 10855000
    # a markdown table (no +---+ borders) is still read row by row
    md = _import(tmp_path, "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n|---|---|---|---|\n| 产出指标 | 数量指标 | 户厕 | ≥10户 |\n"
                 "| 满意度指标 | 服务对象满意度指标 | 满意度 | ≥90% |\n", "md.md").draft.projects[0]
    assert [i.name for i in md.indicators] == ["户厕", "满意度"]


def test_a_word_tables_list_numbers_and_bullets_are_no_cells(tmp_path):
    text = ("一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t1.\t新建安置点配套设施\t●\t≥12个\n"
            "\t\t2.\t安置点社区服务中心提升改造\t●\t≥8个\n\t质量指标\t3.\t工程验收合格率\tØ\t100%\n"
            "满意度指标\t服务对象满意度指标\t1.\t搬迁群众满意度\t●\t≥90%\n")
    p = _import(tmp_path, text).draft.projects[0]
    assert [(i.level2, i.name, i.value) for i in p.indicators] == [
        ("数量指标", "新建安置点配套设施", "≥12个"), ("数量指标", "安置点社区服务中心提升改造", "≥8个"),
        ("质量指标", "工程验收合格率", "100%"), ("服务对象满意度指标", "搬迁群众满意度", "≥90%")]


def test_an_excel_cell_with_a_line_break_copied_in_quotes_stays_on_its_row(tmp_path):
    text = ("序号\t项目名称\t实施单位\t预算金额（万元）\t一级指标\t二级指标\t三级指标\t指标值\n"
            '1\t"2024年村级组织运转经费补助\n（含村干部基本报酬）"\t县委组织部\t386.40\t产出指标\t数量指标\t保障行政村数量\t=96个\n'
            "\t\t\t\t满意度指标\t服务对象满意度指标\t村干部满意度\t≥90%\n"
            "2\t2024年农村户厕问题整改\t县农业农村局\t52.80\t产出指标\t数量指标\t整改问题户厕数量\t≥880户\n"
            "\t\t\t\t满意度指标\t服务对象满意度指标\t改厕农户满意度\t≥90%\n合计\t\t\t439.20\t\t\t\t\n")
    projects = _import(tmp_path, text).draft.projects
    assert [(p.name, p.budget.total, len(p.indicators)) for p in projects] == [
        ("2024年村级组织运转经费补助（含村干部基本报酬）", 3864000, 2), ("2024年农村户厕问题整改", 528000, 2)]


def test_a_project_application_lists_its_indicators_as_numbered_pairs_under_numbered_headings(tmp_path):
    text = ("项目名称：2026年椰子产业高质量发展项目\n申报金额：4,860,000.00元\n三、绩效目标\n（二）绩效指标\n"
            "1.产出指标\n（1）数量指标\n指标1：新种椰子面积；指标值：≥3000亩；\n指标2：良种苗圃培育苗木数量；指标值：≥3.6万株；\n"
            "（2）质量指标\n指标1：新种椰子苗成活率；指标值：≥90%；\n指标2：；指标值：；\n"
            "2.满意度指标\n（1）服务对象满意度指标\n指标1：种植农户满意度；目标值：≥90%。\n")
    p = _import(tmp_path, text).draft.projects[0]
    assert [(i.level1, i.level2, i.name, i.value) for i in p.indicators] == [
        ("产出指标", "数量指标", "新种椰子面积", "≥3000亩"), ("产出指标", "数量指标", "良种苗圃培育苗木数量", "≥3.6万株"),
        ("产出指标", "质量指标", "新种椰子苗成活率", "≥90%"),
        ("满意度指标", "服务对象满意度指标", "种植农户满意度", "≥90%")]
    # a form's numbered instructions ('6. 时效指标须填写明确的完成时限') are no level heading
    from perfdraft.importers import kinds

    assert kinds.glued_levels("6.时效指标须填写明确的完成时限")[0] == []


def test_a_self_evaluations_numbered_sentences_stay_prose_with_arabic_numbered_levels(tmp_path):
    # '1.数量指标。404名服务对象…' read as a guessed grid of sentence pieces once '1.' marked a heading
    text = ("（四）绩效指标完成情况分析\n\n"
            "1.数量指标。404名服务对象对象发放补助金2126.81万元,持续有效改善他们的基本生活情况,营造全社会尊崇军人的浓厚氛围。\n\n"
            "2.质量指标。经费发放率为98%覆盖率及资金到位率均为100%。\n\n"
            "3.时效指标。优抚对象生活补助金每月中旬发放指标为100%实际完成值为100%义务兵家庭优待金每年3月、9月份发放指标为100%"
            "实际完成值为100%\n\n4.成本指标国家规定标准发放指标为100%实际完成值为100%\n\n4.社会效益指标。体现党和政\n")
    rows = [(i.name, i.value) for i in _import(tmp_path, text).draft.projects[0].indicators]
    assert ("优抚对象生活补助金每月中旬发放", "100%") in rows and ("国家规定标准发放", "100%") in rows


def test_a_budget_systems_json_is_read_by_what_its_fields_hold(tmp_path):
    import json

    doc = {"code": 200, "data": {"proName": "社区养老服务设施运营补贴", "budgetYear": "2025", "proAmt": 3268000.0,
                                 "amtUnit": "元", "indList": [
        {"lv1IndName": "产出指标", "lv2IndName": "数量指标", "indName": "提供老年助餐服务", "indNature": "定量",
         "computeSymbol": "≥", "indValue": "36", "measureUnit": "万人次", "weight": 10, "delFlag": "0"},
        {"lv1IndName": "产出指标", "lv2IndName": "数量指标", "indName": "新建养老服务设施", "indNature": "定量",
         "computeSymbol": "≥", "indValue": "4", "measureUnit": "个", "weight": 6, "delFlag": "1"},
        {"lv1IndName": "产出指标", "lv2IndName": "时效指标", "indName": "补贴资金拨付时间", "indNature": "定性",
         "computeSymbol": "", "indValue": "2025年11月30日前", "measureUnit": None, "weight": 6, "delFlag": "0"},
        {"lv1IndName": "满意度指标", "lv2IndName": "服务对象满意度指标", "indName": "服务对象满意度", "indNature": "定量",
         "computeSymbol": "≥", "indValue": 90, "measureUnit": "%", "weight": 8, "delFlag": "0"}]}}
    result = _import(tmp_path, "Request URL: https://example.gov.cn/api\nStatus Code: 200 OK\n"
                     + json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    p = result.draft.projects[0]
    assert (p.name, p.budget.total, result.draft.year) == ("社区养老服务设施运营补贴", 3268000, 2025)
    assert [(i.level2, i.name, i.value) for i in p.indicators] == [  # the deleted item is no row
        ("数量指标", "提供老年助餐服务", "≥36万人次"), ("时效指标", "补贴资金拨付时间", "2025年11月30日前"),
        ("服务对象满意度指标", "服务对象满意度", "≥90%")]


def test_several_indicators_numbered_in_one_cell_are_rows_of_their_own(tmp_path):
    text = ("| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| --- | --- | --- | --- |\n"
            "| 履职效能 | 重点工作任务 | 1.举办全民健身赛事活动；2.承办省级以上赛事；3.新建全民健身路径 | 1.≥30场次；2.≥4项；3.≥60套 |\n"
            "|  |  | ①向省队输送优秀运动员 ②省运会奖牌数 | ①≥12人 ②≥35枚 |\n"
            "| 服务对象满意度 | 服务对象满意度 | 健身群众满意度 | ≥90% |\n")
    d = _import(tmp_path, text, "t.md").draft
    rows = [(i.name, i.value) for i in (d.department.indicators or d.projects[0].indicators)]
    assert rows == [("举办全民健身赛事活动", "≥30场次"), ("承办省级以上赛事", "≥4项"), ("新建全民健身路径", "≥60套"),
                    ("向省队输送优秀运动员", "≥12人"), ("省运会奖牌数", "≥35枚"), ("健身群众满意度", "≥90%")]


def test_a_table_pasted_into_a_chat_in_two_messages_is_one_table(tmp_path):
    text = ("聊天记录：2024年项目支出绩效目标填报\n2024-03-05 10:41:47　吴建华（县农业农村局科教股）\n"
            "项目名称\t2024年高素质农民培育项目\n一级指标\t二级指标\t三级指标\t指标值\n"
            "产出指标\t数量指标\t培育高素质农民人数\t≥600人\n\t时效指标\t培训任务完成时间\t2024年11月底前\n\n"
            "2024-03-05 10:42:10　李国平（县农业农村局办公室）\n[文件] 绩效目标表.xlsx（18.6KB）\n\n"
            "2024-03-05 10:43:05　吴建华（县农业农村局科教股）\n一级指标\t二级指标\t三级指标\t指标值\n"
            "\t成本指标\t人均培训补助标准\t≤3000元/人\n满意度指标\t服务对象满意度指标\t参训学员满意度\t≥90%\n\n"
            "2024-03-05 11:20:36　王敏（县财政局绩效股）\n「吴建华：质量指标 培训合格率 ≥95」\n合格率后面少个%吧？\n")
    p = _import(tmp_path, text).draft.projects[0]
    assert [(i.level1, i.level2, i.name, i.value) for i in p.indicators] == [
        ("产出指标", "数量指标", "培育高素质农民人数", "≥600人"), ("产出指标", "时效指标", "培训任务完成时间", "2024年11月底前"),
        ("产出指标", "成本指标", "人均培训补助标准", "≤3000元/人"),
        ("满意度指标", "服务对象满意度指标", "参训学员满意度", "≥90%")]
