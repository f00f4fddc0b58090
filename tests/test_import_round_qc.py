"""Round qc: ten captures in layouts not seen before (a Markdown export with <br> lists, names and values in
one column, a 企业微信 approval, an old system's coded print …), written by a helper who never saw the importer:
48 % of the sampled rows right when first read. One test per reading added, each on a small table of its own."""

from pathlib import Path

from .test_import_round_pl import _import, _rows


def test_a_markdown_cells_br_list_of_names_beside_its_values_is_that_many_rows_and_the_code_kept(tmp_path: Path):
    # a 语雀 export of a Word table whose cells held several indicators as paragraphs; the 项目编码 had kept the
    # table with the reader of perfdraft's own layout, which took each cell as one row
    text = ("| 项目名称 | 农村文化礼堂建设管理 | 项目编码 | 330881230000000018264 |\n| --- | --- | --- | --- |\n"
            "| 项目资金（万元） | 年度资金总额：520.00<br>其中：财政拨款：520.00<br>其他资金：0.00 |  |  |\n\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| --- | --- | --- | --- |\n"
            "| 产出指标 | 数量指标 | 1.新建农村文化礼堂数量<br>2.提升改造文化礼堂数量 | ≥12家<br>≥20家 |\n"
            "| 效益指标 | 社会效益指标 | 1.农村群众精神文化生活<br>2.礼堂年均开放天数 | 明显丰富<br>≥200天 |\n"
            "| 满意度指标 | 服务对象满意度指标 | 1.村民满意度 | ≥90% |\n")
    draft = _import(tmp_path, text)
    assert _rows(draft) == [("数量指标", "新建农村文化礼堂数量", "≥12家"), ("数量指标", "提升改造文化礼堂数量", "≥20家"),
                            ("社会效益指标", "农村群众精神文化生活", "明显丰富"), ("社会效益指标", "礼堂年均开放天数", "≥200天"),
                            ("服务对象满意度指标", "村民满意度", "≥90%")]
    assert draft.projects[0].code == "330881230000000018264"
    assert draft.projects[0].budget.total == 5_200_000


def test_names_and_values_in_one_column_are_split_whatever_their_form(tmp_path: Path):
    # a Word table copied as tabs, its leading empty cells dropped by the copy: '三级指标及指标值' holds both
    text = ("项目名称\t民族团结进步示范村建设项目\t\t\n年度绩效指标\t一级指标\t二级指标\t三级指标及指标值\n"
            "\t产出指标\t数量指标\t民族团结进步示范村创建数量：≥15个\n\t\t\t民族团结进步宣传教育活动（≥12场）\n"
            "\t\t质量指标\t示范村项目验收合格率：100%\n\t效益指标\t社会效益指标\t各民族交往交流交融：不断加深\n"
            "\t\t\t群众民族团结意识知晓率≥90%\n填报人：岳晓梅\t联系电话：0692-2128***\t\t\n")
    assert _rows(_import(tmp_path, text)) == [
        ("数量指标", "民族团结进步示范村创建数量", "≥15个"), ("数量指标", "民族团结进步宣传教育活动", "≥12场"),
        ("质量指标", "示范村项目验收合格率", "100%"), ("社会效益指标", "各民族交往交流交融", "不断加深"),
        ("社会效益指标", "群众民族团结意识知晓率", "≥90%")]


def test_an_old_systems_level_rows_with_their_codes_become_the_levels_of_the_rows_below(tmp_path: Path):
    text = ("项目代码：220621200000000000145   项目名称：人参产业发展专项资金\n"
            "资金总额：    580.00    其中：财政拨款：    580.00    其他资金：    0.00\n"
            "指标编码  指标名称                            运算符  指标值              计量单位      权重\n"
            "01        产出指标\n0101        数量指标\n"
            "010101        人参标准化种植基地建设面积      >=      3000                亩              10\n"
            "0102        质量指标\n"
            "010201        标准化基地验收合格率            =       100                 %               10\n"
            "03        满意度指标\n0301        服务对象满意度指标\n"
            "030101        参农及企业满意度                >=      90                  %               10\n")
    draft = _import(tmp_path, text)
    assert [(i.level1, i.level2, i.name, i.value) for i in draft.projects[0].indicators] == [
        ("产出指标", "数量指标", "人参标准化种植基地建设面积", ">=3000亩"),
        ("产出指标", "质量指标", "标准化基地验收合格率", "=100%"),
        ("满意度指标", "服务对象满意度指标", "参农及企业满意度", ">=90%")]


def test_an_approval_forms_numbered_detail_lines_are_rows(tmp_path: Path):
    text = ("项目名称：2023年海漂垃圾治理项目\n年初预算数（万元）：420.00\n绩效指标明细（共2条）\n"
            "明细1：一级指标：产出指标；二级指标：数量指标；三级指标：海漂垃圾清理量；年度指标值：≥3200吨；实际完成值：3468吨；"
            "分值：10；得分：10；偏差原因：\n"
            "明细2：一级指标：满意度指标；二级指标：服务对象满意度指标；三级指标：沿海群众满意度；年度指标值：≥90%；"
            "实际完成值：93.5%；分值：10；得分：10；偏差原因：\n")
    assert _rows(_import(tmp_path, text)) == [("数量指标", "海漂垃圾清理量", "≥3200吨"),
                                              ("服务对象满意度指标", "沿海群众满意度", "≥90%")]
