"""Text import: the seed's own layout (exact fixture), each hand-written layout fixture, repairs, CLI."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfdraft import drafts
from perfdraft.importers import ImportFailed, import_files
from perfdraft.importers.labels import glued_header, join_value, split_name_value
from perfdraft.importers.repairs import split_unit_code, strip_field_codes
from perfdraft.importers.text import records
from perfdraft.model import Basis

from .conftest import ROOT, SEED, SEED_TEXT

LAYOUTS = ROOT / "tests" / "fixtures" / "import"


def rows(draft, project=0):
    return [(i.level1, i.level2, i.name, i.description, i.value, i.basis) for i in draft.projects[project].indicators]


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "perfdraft", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60)


# --- the seed ----------------------------------------------------------------------------------------


def test_seed_text_imports_to_exactly_the_fixture():
    result = import_files([SEED_TEXT])
    assert drafts.to_dict(result.draft) == drafts.to_dict(drafts.load(SEED))
    assert result.unplaced == []
    d = result.draft
    assert len(d.projects) == 8
    assert sum(len(p.indicators) for p in d.projects) == 34
    # blanks stay blank, defects stay as written
    assert d.projects[0].budget.other is None
    assert d.projects[3].spending_plan is None
    assert d.projects[0].indicators[6].value == "100100%"
    assert all(i.basis is None for p in d.projects for i in p.indicators)
    assert d.projects[0].indicators[1].level1 == "产出指标"  # filled down from the merged cell


def test_seed_repairs_are_reported_not_silent():
    text = "\n".join(import_files([SEED_TEXT]).repairs)
    assert "目录域代码" in text and "11 处" in text
    assert "317002" in text and "顺平县社会保险事业管理局" in text
    assert "效果指标" in text and "效益" in text
    assert "--split-doc-number" in text
    assert "2020" in text  # the inferred year is said


def test_seed_split_doc_number_is_opt_in():
    result = import_files([SEED_TEXT], split_doc_number=True)
    p = result.draft.projects[2]
    assert p.name == "城乡居民基本养老保险资金"
    assert p.doc_number == "冀财社〔2019〕74号"
    assert any("文号已移入 doc_number" in line for line in result.repairs)
    assert import_files([SEED_TEXT]).draft.projects[2].name == "冀财社【2019】74号城乡居民基本养老保险资金"


# --- layout fixtures ---------------------------------------------------------------------------------------

EXPECTED = {
    "cells-per-line.txt": [
        ("产出指标", "数量指标", "送戏下乡演出场次", "全年实际演出场次", "≥197场", Basis("计划标准", "县文广旅局年度演出计划")),
        ("产出指标", "质量指标", "演出节目审查合格率", None, "100%", None),
        ("产出指标", "成本指标", "每场演出补助标准", "补助标准", "=2000元/场", None),
        ("效果指标", "社会效益指标", "观看演出群众人次", None, "≥20万人次", Basis("历史标准", None)),
        ("满意度指标", "服务对象满意度指标", "观看群众满意度", "抽样问卷调查", "≥90%", None),
    ],
    "tabs-filldown.txt": [
        ("产出指标", "数量指标", "日常养护里程", "县道、乡道养护总里程", "≥380公里", Basis("计划标准", None)),
        ("产出指标", "数量指标", "桥涵维修座数", None, "≥12座", None),
        ("产出指标", "质量指标", "优良中等路率", "PQI评定为中等及以上路段占比", "≧85%", Basis("行业标准", "公路技术状况评定标准")),
        ("产出指标", "时效指标", "养护工程完工时间", None, "2021年11月30日前", None),
        ("产出指标", "成本指标", "每公里养护成本", None, "≤10000元/公里", None),
        ("效益指标", "社会效益指标", "群众出行条件", None, "持续改善", None),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", None, "≥90百分比", None),
    ],
    "pipes-repeated.md": [
        ("项目完成指标", "数量指标", "演出设备更新件数", None, "≥50件", Basis("计划标准", None)),
        ("项目完成指标", "质量指标", "设备验收合格率", None, "=100%", None),
        ("项目完成指标", "成本指标", "单件设备平均成本", None, "≤2万元/件", None),
        ("效果指标", "可持续影响指标", "设备使用年限", None, "≥8年", None),
        ("效果指标", "社会效益指标", "文化站演出功能", None, "明显提升", None),
        ("满意度指标", "服务对象满意度指标", "文化站工作人员满意度", None, "≥90%", None),
    ],
    "spaces-aligned.txt": [
        ("产出指标", "数量指标", "购置设备台数", None, "≥12台", None),
        ("产出指标", "数量指标", "受益卫生院数量", None, "=6所", None),
        ("产出指标", "质量指标", "设备验收合格率", None, "100%", None),
        ("产出指标", "时效指标", "设备安装完成时间", None, "2022年9月底前", None),
        ("效益指标", "社会效益指标", "基层检查服务人次", None, "≥15000人次", None),
        ("满意度指标", "服务对象满意度指标", "就诊群众满意度", None, "≥90%", None),
    ],
    "numbered-prose.txt": [
        ("产出指标", "数量指标", "公益性岗位补贴人数", None, "=230人", None),
        ("产出指标", "数量指标", "补贴发放月数", None, "=12个月", None),
        ("产出指标", "质量指标", "补贴按标准足额发放率", None, "=100%", None),
        ("产出指标", "时效指标", "补贴发放时间", None, "每月15日前", None),
        ("产出指标", "成本指标", "月人均补贴标准", None, "=400元/人·月", None),
        ("效益指标", "社会效益指标", "村内环境卫生保洁覆盖率", None, "≥95%", None),
        ("满意度指标", "服务对象满意度指标", "村民满意度", None, "≥90%", None),
    ],
    "bracketed-prose.txt": [
        ("产出指标", "数量指标", "机柜数量", None, "≥77台", None),
        ("产出指标", "质量指标", "视频监控在线率", None, "≥0.97比例", None),
        ("产出指标", "时效指标", "故障维护响应时间", None, "<24小时", None),
        ("产出指标", "成本指标", "年度维护成本", None, "<1681680元", None),
        ("效益指标", "社会效益指标", "社会和谐稳定", None, "好", None),
        ("满意度指标", "服务对象满意度指标", "受益对象满意度", None, "≥95%", None),
    ],
    # A glued table whose 指标解释 column ran into the names; a cost row targeted at the budget itself.
    "glued-explained.txt": [
        ("产出指标", "数量指标", "公厕保洁次数", "反映公厕日常保洁情况", "≥730次", None),
        ("产出指标", "质量指标", "设施完好率", "反映公厕设施维护质量情况", "≥95%", None),
        ("产出指标", "时效指标", "问题处置时间", "反映问题处置及时情况", "≤24小时", None),
        ("产出指标", "成本指标", "成本控制率", None, "不超预算", None),
        ("效益指标", "社会效益指标", "公厕开放率", "反映公厕正常开放情况", "=100%", None),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "反映群众对公厕管理的满意程度", "≥90%", None),
    ],
    "glued.txt": [
        ("产出指标", "数量指标", "送戏下乡场次", None, "≥197场", None),
        ("产出指标", "质量指标", "演出节目审查合格率", None, "100%", None),
        ("产出指标", "时效指标", "演出完成时间", None, "2021年11月底前", None),
        ("产出指标", "成本指标", "每场演出补助", None, "2000元/场", None),
        ("效果指标", "社会效益指标", "参与群众人次", None, "20万人次", None),
        ("满意度指标", "服务对象满意度指标", "群众满意度", None, "≥90%", None),
    ],
}


def test_every_layout_fixture_is_tested():
    assert sorted(p.name for p in LAYOUTS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_layout_fixture_yields_its_rows(name):
    result = import_files([LAYOUTS / name])
    assert len(result.draft.projects) == 1
    assert rows(result.draft) == EXPECTED[name]


def test_cells_per_line_reads_department_header_and_multi_paragraph_cells():
    d = import_files([LAYOUTS / "cells-per-line.txt"]).draft
    assert (d.department.code, d.department.name) == ("415003", "东阳县文化广电和旅游局")
    assert d.department.overall_goal.startswith("全年组织送戏下乡")
    assert [g.text for g in d.department.sub_goals] == ["组织县剧团和民间文艺团体开展送戏下乡。", "更新乡镇综合文化站演出设备。"]
    assert d.department.safeguards == "建立演出台账，每场演出留存影像资料。"
    p = d.projects[0]
    assert (p.code, p.name) == ("415-2071-WLN-0001", "送戏下乡演出补助资金")
    assert p.budget.total == Decimal("394000.00") and p.budget.other is None
    assert p.purpose == "按每场2000元标准补助演出团体，2021年全年197场。\n\n补助资金按场次结算，年底前拨付完毕。"
    assert [p.spending_plan.mar, p.spending_plan.dec] == [Decimal(20), Decimal(100)]
    assert d.year == 2021


def test_tab_layout_header_fields_and_reported_variants():
    result = import_files([LAYOUTS / "tabs-filldown.txt"])
    d = result.draft
    p = d.projects[0]
    assert (d.department.code, d.department.name) == ("402011", "顺平县交通运输局")
    assert (p.code, p.name) == ("402-2140-XCL-0106", "农村公路日常养护工程")
    assert p.budget.total == Decimal("3800000.00") and p.budget.fiscal == Decimal("3800000.00")
    assert [p.spending_plan.mar, p.spending_plan.jun, p.spending_plan.oct, p.spending_plan.dec] == [10, 40, 70, 100]
    text = "\n".join(result.repairs)
    assert "≧" in text and "百分比" in text and "千分位" in text  # reported, values untouched (EXPECTED)
    assert d.year == 2021


def test_pipe_layout_joins_sign_value_unit_and_reports_old_level_names():
    result = import_files([LAYOUTS / "pipes-repeated.md"])
    p = result.draft.projects[0]
    assert (p.budget.total, p.budget.fiscal, p.budget.other) == (1000000, 800000, 200000)
    text = "\n".join(result.repairs)
    assert "项目完成指标" in text and "产出" in text
    assert "计算符号、指标值、计量单位" in text


def test_space_layout_money_in_wan_and_unplaced_line_kept():
    result = import_files([LAYOUTS / "spaces-aligned.txt"])
    p = result.draft.projects[0]
    assert p.budget.total == Decimal("1200000")
    assert any("万元" in line for line in result.repairs)
    assert [(u.where, u.text) for u in result.unplaced] == [("第 14 行", "备注：设备型号以招标结果为准。")]
    assert len(p.notes) == 1 and "备注：设备型号以招标结果为准。" in p.notes[0] and "第 14 行" in p.notes[0]


def test_prose_goal_on_the_line_after_its_label():
    p = import_files([LAYOUTS / "numbered-prose.txt"]).draft.projects[0]
    assert p.goal.startswith("2023年为全县230名")
    assert p.budget.total == Decimal("1104000")
    assert p.code == "309-2080-JYN-0012"


# --- pieces -----------------------------------------------------------------------------------------------


def test_field_codes_and_unit_code():
    assert strip_field_codes("一、总体绩效目标 TC 总体绩效目标 \\f A \\l 1 ") == ("一、总体绩效目标", True)
    assert strip_field_codes("没有域代码") == ("没有域代码", False)
    assert split_unit_code("317002顺平县社会保险事业管理局") == ("317002", "顺平县社会保险事业管理局")
    assert split_unit_code("2020年预计征地40公顷") is None


@pytest.mark.parametrize("text, expected", [
    ("送戏下乡场次≥197场", ("送戏下乡场次", "≥197场")),
    ("月人均基础养老金不低于全省平均水平≥0108元", ("月人均基础养老金不低于全省平均水平", "≥0108元")),
    ("公益林管护面积28万亩", ("公益林管护面积", "28万亩")),
    ("工程完工时间2023年底", ("工程完工时间", "2023年底")),
    ("16-59周岁人数", ("16-59周岁人数", None)),
])
def test_split_name_value(text, expected):
    assert split_name_value(text) == expected


@pytest.mark.parametrize("sign, number, unit, expected", [
    ("≥", "95", "%", "≥95%"),
    ("=", "512", "人", "=512人"),
    ("定性", "基本建立", "—", "基本建立"),
    (None, "100", "%", "100%"),
    ("≥", "95%", "%", "≥95%"),
])
def test_join_value(sign, number, unit, expected):
    assert join_value(sign, number, unit)[0] == expected


def test_glued_header():
    assert glued_header("一级指标二级指标三级指标指标值") == ["level1", "level2", "name", "value"]
    assert glued_header("一级指标二级指标三级指标绩效指标描述指标值")[3] == "description"
    assert glued_header("今天天气很好") is None


def test_records_seed_layout_and_delimiters():
    recs = records("标题\n\t项目编码\n\t001\n\n\t\n\ta|b\nx|y|z\n")
    assert [r.cells for r in recs] == [["标题"], ["项目编码", "001"], ["", "a|b"], ["x", "y", "z"]]
    assert recs[0].para and not recs[1].para


def test_unknown_text_is_not_a_crash():
    """Text about something else is bad input (exit 2), not 'nothing placed' (exit 1)."""
    from perfdraft.importers import NothingPlaced

    with pytest.raises(ImportFailed, match="不是绩效目标表") as caught:
        import_files([_write_tmp("今天天气很好。\n我们去公园散步。\n")])
    assert not isinstance(caught.value, NothingPlaced)


def _write_tmp(text: str) -> Path:
    import tempfile

    fd, name = tempfile.mkstemp(suffix=".txt")
    with open(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    return Path(name)


_CELL = st.text(alphabet=st.sampled_from(list("产出效益满意度数量质量指标值人次%≥≤=0123456789：:、|\t 项目名称预算数一二三（）")),
                max_size=12)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_CELL, min_size=1, max_size=7), min_size=1, max_size=12), st.booleans())
def test_any_text_imports_or_fails_cleanly(tmp_path, table, tabs):
    sep = "\t" if tabs else " | "
    path = tmp_path / "t.txt"
    path.write_text("\n".join(sep.join(r) for r in table), encoding="utf-8")
    try:
        result = import_files([path])
    except ImportFailed as exc:
        assert str(exc).startswith(str(path))
        return
    # whatever was read is in the draft or in its notes
    drafts.loads(drafts.dumps(result.draft))
    assert len(result.unplaced) == len(result.draft.notes) + sum(len(p.notes) for p in result.draft.projects)


# --- the command ------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_cli_import_seed_and_refuse_existing(tmp_path):
    out = tmp_path / "seed.toml"
    r = run_cli("import", str(SEED_TEXT), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert drafts.to_dict(drafts.load(out)) == drafts.to_dict(drafts.load(SEED))
    assert "目录域代码" in r.stderr and "8 个项目" in r.stdout
    r = run_cli("import", str(SEED_TEXT), "-o", str(out))
    assert r.returncode == 2 and "已存在" in r.stderr
    # a draft given to import is told to open or clone it (it was "no indicator rows found", exit 1)
    r = run_cli("import", str(out), "-o", str(tmp_path / "again.toml"))
    assert r.returncode == 2 and "这是 perfdraft 草稿" in r.stderr and "perfdraft clone" in r.stderr
    assert not (tmp_path / "again.toml").exists()


def test_cli_partial_import_writes_lists_and_exits_1(tmp_path):
    out = tmp_path / "d.toml"
    out.write_text("旧内容", encoding="utf-8")
    r = run_cli("import", str(LAYOUTS / "spaces-aligned.txt"), "-o", str(out), "--force")
    assert r.returncode == 1, r.stderr
    assert "第 14 行" in r.stderr and "备注：设备型号以招标结果为准。" in r.stderr
    assert drafts.load(out).projects[0].notes
    assert (tmp_path / "d.toml.bak").read_text(encoding="utf-8") == "旧内容"


def test_cmd_import_split_doc_number_flag(tmp_path, capsys):
    import argparse

    from perfdraft.importers.command import cmd_import

    out = tmp_path / "s.toml"
    args = argparse.Namespace(files=[str(SEED_TEXT)], output=str(out), year=2020, force=False, split_doc_number=True)
    assert cmd_import(args) == 0
    d = drafts.load(out)
    assert [p.doc_number for p in d.projects[2:5]] == ["冀财社〔2019〕74号", "冀财社〔2019〕75号", "冀财社〔2019〕88号"]


def test_csv_export_imports_back_the_rows(tmp_path):
    exporters = pytest.importorskip("perfdraft.exporters")
    seed = drafts.load(SEED)
    path = tmp_path / "seed.csv"
    path.write_bytes(exporters.render(seed, "csv").data)
    result = import_files([path], year=2020)
    d = result.draft
    assert [p.code for p in d.projects] == [p.code for p in seed.projects[:2]]  # P3–P8 have no rows in a csv
    for got, want in zip(d.projects, seed.projects, strict=False):
        assert [(i.level1, i.level2, i.name, i.description) for i in got.indicators] == [
            (i.level1, i.level2, i.name, i.description) for i in want.indicators]
        # the csv split writes a bare number with "=" (docs/export-formats.md); all else comes back as written
        assert [i.value for i in got.indicators] == [
            ("=" + i.value if i.value[:1].isdigit() else i.value) for i in want.indicators]
    assert result.unplaced == []


def test_several_files_make_one_draft_and_conflicts_are_listed():
    result = import_files([SEED_TEXT, LAYOUTS / "tabs-filldown.txt", LAYOUTS / "pipes-repeated.md"])
    d = result.draft
    assert len(d.projects) == 10
    assert d.department.name == "顺平县社会保险事业管理局" and d.year == 2020
    # the second file names another unit: listed, and kept in the draft's notes, not dropped
    assert {(u.where, u.text) for u in result.unplaced} == {("单位编码", "402011"), ("单位名称", "顺平县交通运输局")}
    assert any("顺平县交通运输局" in n for n in d.notes)


@pytest.mark.parametrize("encoding", ["gbk", "utf-16", "utf-8-sig"])
def test_text_encodings(tmp_path, encoding):
    text = (LAYOUTS / "tabs-filldown.txt").read_text(encoding="utf-8").replace("≧", ">=")
    path = tmp_path / "t.txt"
    path.write_bytes(text.encode(encoding))
    d = import_files([path]).draft
    assert [r[2] for r in rows(d)] == [r[2] for r in EXPECTED["tabs-filldown.txt"]]
    assert d.projects[0].indicators[2].value == ">=85%"


@pytest.mark.parametrize("sep", [" | ", "\t", "  "])
def test_a_title_year_in_brackets_is_the_tables_year(tmp_path, sep):
    """``项目支出绩效目标表（2025年度）``: the year in brackets after the title names the table's year,
    ahead of a year the text mentions (``较2024年``); a 文号's bracketed year (〔2019〕) still does not."""
    rows = [["项目名称", "乡镇污水处理设施运行维护"], ["项目编码", "3508-2025-0117"], ["主管部门", "某县生态环境局"],
            ["年度资金总额（万元）", "186.5"], ["年度绩效目标", "较2024年提高出水达标率，依据某政〔2019〕3号"],
            ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "运行站点数", "14座"],
            ["效益指标", "生态效益指标", "出水达标率", "≥95%"]]
    text = "项目支出绩效目标表（2025年度）\n" + "\n".join(sep.join(r) for r in rows) + "\n"
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    assert import_files([path]).draft.year == 2025


@pytest.mark.parametrize(("name", "split"), [
    ("大楼安检巡察次数反映大楼保卫巡检情况", ("大楼安检巡察次数", "反映大楼保卫巡检情况")),
    ("设备验收合格率主要反映设备维保质量情况", ("设备验收合格率", "主要反映设备维保质量情况")),
    ("群众反映问题解决情况", None),  # a name about what people report: no measure before 反映
    ("群众反映问题办结率", None),
    ("反映情况", None),
])
def test_an_explanation_glued_to_a_name_is_moved_to_the_description(name, split):
    from perfdraft.importers.repairs import split_glued_explanations
    from perfdraft.importers.report import Report
    from perfdraft.model import Draft, Indicator, Project

    draft = Draft(projects=[Project(indicators=[Indicator(name=name, value="≥1次")])])
    report = Report("t.txt")
    split_glued_explanations(draft, report)
    ind = draft.projects[0].indicators[0]
    assert (ind.name, ind.description) == (split or (name, None))
    assert bool(report.lines()) == bool(split)


def test_a_glued_explanation_is_not_moved_over_a_description_already_there():
    from perfdraft.importers.repairs import split_glued_explanations
    from perfdraft.importers.report import Report
    from perfdraft.model import Draft, Indicator, Project

    ind = Indicator(name="巡察次数反映巡检情况", description="按巡查记录统计", value="≥1次")
    split_glued_explanations(Draft(projects=[Project(indicators=[ind])]), Report("t.txt"))
    assert (ind.name, ind.description) == ("巡察次数反映巡检情况", "按巡查记录统计")


def test_a_goal_listed_on_one_space_separated_line_is_read_whole(tmp_path):
    """'年度目标 围绕…达成以下目标: 目标1:… 目标2:…' in a space-separated table: the sentence ending in a
    colon was taken for a label and every item was left unplaced; the goal was empty."""
    grid = "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 聘用人数 =1人\n产出指标 质量指标 在岗率 =100%\n"
    listed = tmp_path / "listed.txt"
    listed.write_text("项目名称 再生资源回收市场管理经费\n"
                      "年度目标 围绕循环经济要求,规范建设。达成以下目标: 目标1:聘用人员1人 目标2:在岗率100% 3、按期完成\n"
                      + grid, encoding="utf-8")
    result = import_files([listed])
    assert result.draft.projects[0].goal == "围绕循环经济要求,规范建设。达成以下目标: 目标1:聘用人员1人 目标2:在岗率100% 3、按期完成"
    assert not [u for u in result.unplaced if "目标" in u.text]
    # two columns of a self-evaluation (the target, then what was done) are not one text
    columns = tmp_path / "columns.txt"
    columns.write_text("项目名称 再生资源回收市场管理经费\n年度目标 聘用人员1人,在岗率100% 全年聘用人员1人,在岗率100%\n" + grid,
                       encoding="utf-8")
    assert import_files([columns]).draft.projects[0].goal == "聘用人员1人,在岗率100%"


def test_a_label_cut_in_two_and_prose_cut_at_its_spaces_are_read_whole(tmp_path):
    """年度 | 目标 on two lines is the label 年度目标; a 立项依据 cut after the title of the document it cites
    and again after a comma is one text; goal items one a line after 目标1 are one goal; '文 号' beside a
    page title gives no 文号."""
    grid = "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 康复人数 ≥1800人\n产出指标 质量指标 验收合格率 ≥95%\n"
    path = tmp_path / "cut.txt"
    path.write_text("标 题 某县残联项目支出绩效目标表 文 号\n"
                    "项目名称 残疾人精准康复\n"
                    "立项依据 依据《关于实施残疾人精准康复服务行动的通知》 皖政办秘〔2016〕190号, 坚持需求导向,精准服务。\n"
                    "年度\n目标\n聚焦残疾人康复需求,实施精准康复服务。\n"
                    "项目概况 目标1:签约康复1800人;\n 目标2:适配辅助器具400人。\n二、绩效指标\n" + grid, encoding="utf-8")
    p = import_files([path]).draft.projects[0]
    assert p.basis_text == "依据《关于实施残疾人精准康复服务行动的通知》 皖政办秘〔2016〕190号, 坚持需求导向,精准服务。"
    assert p.goal == "聚焦残疾人康复需求,实施精准康复服务。"
    assert p.purpose == "目标1:签约康复1800人;\n目标2:适配辅助器具400人。"  # 二、 heads the next section
    assert p.doc_number is None


def test_a_label_cut_at_a_space_is_not_taken_for_the_value_before_it(tmp_path):
    """'项目名称 项目主管单 位 …' (a PDF's columns interleaved): the project was named 项目主管单."""
    path = tmp_path / "cut.txt"
    path.write_text("项目名称 项目主管单 位 广水市交通运输局 项目实施单位 广水市交通运输局\n"
                    "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 养护里程 ≥300公里\n产出指标 质量指标 验收合格率 ≥95%\n",
                    encoding="utf-8")
    p = import_files([path]).draft.projects[0]
    assert p.name != "项目主管单" and p.authority == "广水市交通运输局"


def test_a_table_copied_from_its_middle_keeps_its_first_rows(tmp_path):
    """Rows above the first level word of an excerpt (the table copied from its middle) were lost: they
    are read as rows with their levels blank, and the report says so. A page's header line before the
    table (发布时间 | 2021-02-08 | 浏览次数 | 5) is no row."""
    path = tmp_path / "excerpt.md"
    path.write_text("发布时间 | 2021-02-08 | 浏览次数 | 5\n\n"
                    "安全警示标志设置及时率 | = | 100 | % |\n"
                    "警示标志维护次数 | ≥ | 12 | 次 |\n"
                    "成本指标 | 安全隐患排查成本 | = | 6 | 万元 |\n"
                    "效益指标 | 社会效益指标 | 环境整治达标率 | ≥ | 90 | % |\n"
                    "可持续影响指标 | 整治管理机制健全性 | 定性 | 优良中低差 |\n| 优 | 10 |\n", encoding="utf-8")
    result = import_files([path])
    rows = [(i.level1, i.level2, i.name, i.value) for i in result.draft.projects[0].indicators]
    assert rows[:3] == [(None, None, "安全警示标志设置及时率", "=100%"), (None, None, "警示标志维护次数", "≥12次"),
                        (None, "成本指标", "安全隐患排查成本", "=6万元")]
    assert not [u for u in result.unplaced if "及时率" in u.text or "维护次数" in u.text]
    assert any("表格从中间开始" in r for r in result.repairs)
    assert not any("发布时间" in (i.name or "") for i in result.draft.projects[0].indicators)
    # the grade and score of the 定性 row wrapped onto a line of their own are no row named 优
    assert rows[-1][2] == "整治管理机制健全性" and any(u.text.startswith("优") for u in result.unplaced)


_PIPE_TABLE = """\
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 培训人数 | ≥600人 |
| 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% |
"""


def test_a_captures_comment_header_is_said_once_not_read_as_cells(tmp_path):
    # '# source: …' lines head a capture (a tool's or a colleague's note); a Markdown title is the table's
    text = ("# source: https://www.example.gov.cn/2024/t1.html\n# layout: pipe rows, 'cell | cell'\n\n"
            "# 2024年项目支出绩效目标表\n项目名称：职业技能培训\n" + _PIPE_TABLE + "# note: 以上为全部指标\n")
    path = tmp_path / "capture.txt"
    path.write_text(text, encoding="utf-8")
    result = import_files([path])
    assert [(i.name, i.value) for i in result.draft.projects[0].indicators] == [
        ("培训人数", "≥600人"), ("学员满意度", "≥90%")]
    texts = [u.text for u in result.unplaced]
    assert not any("source" in t or "layout" in t or "https" in t or "note" in t for t in texts)
    assert any("3 行“# 键: 值”注释" in r for r in result.repairs)
    assert result.draft.projects[0].name == "职业技能培训"


def test_page_chrome_is_told_from_table_content():
    from perfdraft.importers.kinds import page_chrome

    for chrome in ("单位(盖章):", "项目责任人（签字）：", "您当前的位置：首页 > 政务公开", "上一篇：某局2024年部门预算",
                   "作者：县林业局  来源：本站原创  点击数：  更新时间：2022-3-18", "项目支出绩效目标表",
                   "（2024年度）", "单位：万元", "绩效\n指标", "冀ICP备05008126号-1",
                   "按照县财政局的通知要求，现将我局天然林资源保护工程项目绩效目标公开如下："):
        assert page_chrome(chrome), chrome
    for content in ("填报人：王喆", "项目名称", "合计", "≥95%", "2024年12月31日前", "培训人数", "来源于上级补助资金",
                    "某县住房和城乡建设局", "根据项目实施方案，完成252个行政村生活垃圾收运处理"):
        assert not page_chrome(content), content


def test_a_mistyped_level_keeps_its_row_in_place(tmp_path):
    # '社会效应指标' (效应 for 效益, a pinyin slip) is still the 二级 cell: the row does not shift left
    # one cell per line, as a web page's table copies: a 二级 not read as one shifts its row's cells
    cells = [["项目名称", "冰雪旅游推广"], ["一级指标", "二级指标", "三级指标", "指标性质", "指标值"],
             ["产出指标", "数量指标", "推介活动场次", "≥", "6场"],
             ["效益指标", "社会效应指标", "冰雪旅游品牌知名度", "定性", "显著提升"],
             ["满意度指标", "服务对象满意度指标", "游客满意度", "≥", "90%"]]
    text = "".join("|\n" + "".join(f"{c} |\n" for c in row) for row in cells)
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    rows = import_files([path]).draft.projects[0].indicators
    assert [(i.level2, i.name, i.value) for i in rows][1] == ("社会效应指标", "冰雪旅游品牌知名度", "显著提升")


_VIEWER_COPY = """\
项目名称 2024年人工影响天气作业保障经费
一级指 二级指 三级指标 指标值
标 标
产出指 数量指 开展增雨（雪）、防雹作业次数 ≥60
标 标 次
高炮、火箭作业点维护 =32个
数量
时效指 作业弹药采购入库时间 2024年4月30日
标 前
效益指 社会效 重大活动气象保障任务完成 100%
标 益指标 率
可持续 人工影响天气作业能力 持续提升
影响指
标
满意度 服务对象 服务对象满意度 ≥90%
指标 满意度指
标
"""


def test_a_pdf_viewers_copy_with_wrapped_cells_is_joined_back(tmp_path):
    # one space between columns, so the wrapped ends do not line up: what each piece is says where it goes
    path = tmp_path / "copy.txt"
    path.write_text(_VIEWER_COPY, encoding="utf-8")
    rows = [(i.level1, i.level2, i.name, i.value) for i in import_files([path]).draft.projects[0].indicators]
    assert rows == [
        ("产出指标", "数量指标", "开展增雨（雪）、防雹作业次数", "≥60次"),
        ("产出指标", "数量指标", "高炮、火箭作业点维护数量", "=32个"),
        ("产出指标", "时效指标", "作业弹药采购入库时间", "2024年4月30日前"),
        ("效益指标", "社会效益指标", "重大活动气象保障任务完成率", "100%"),
        ("效益指标", "可持续影响指标", "人工影响天气作业能力", "持续提升"),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%")]


def test_a_merged_label_repeated_across_a_copied_row_is_one_project(tmp_path):
    text = ("| 项目名称 | 妇女“两癌”免费检查项目 | 项目名称 | 妇女“两癌”免费检查项目 | 项目名称 | 妇女“两癌”免费检查项目 |\n"
            "| 主管部门 | 某区卫生健康局 | 主管部门 | 某区卫生健康局 | 实施单位 | 某区妇幼保健院 |\n" + _PIPE_TABLE)
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    draft = import_files([path]).draft
    assert [(p.name, p.authority, p.unit) for p in draft.projects] == [("妇女“两癌”免费检查项目", "某区卫生健康局", "某区妇幼保健院")]


def test_an_ocr_slip_in_a_header_label_is_still_the_header(tmp_path):
    # '指标植' for 指标值 (OCR, or a pinyin slip: zhí); one character in three must sound alike
    from perfdraft.importers.kinds import header_kind

    assert header_kind("指标植") == header_kind("指标值") and header_kind("指标植") is not None
    assert header_kind("指标集") is None
    text = "项目名称 应急广播\n一级指标 二级指标 三级指标 指标植\n产出指标 数量指标 新建应急广播终端 ≥120个\n" \
           "满意度指标 服务对象满意度指标 群众满意度 ≥90%\n"
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    assert [(i.name, i.value) for i in import_files([path]).draft.projects[0].indicators] == [
        ("新建应急广播终端", "≥120个"), ("群众满意度", "≥90%")]


def test_a_wiki_pages_headings_quotes_and_comments_are_paragraphs_not_rows(tmp_path):
    # round pn: '## 二、…' became the row '## | 二、…', a quote and the comments under the table rows too
    text = ("## 一、殡葬服务费用减免\n| 项目 | 内容 |\n| --- | --- |\n| 项目名称 | 殡葬服务费用减免 |\n\n" + _PIPE_TABLE +
            "\n## 二、公益性公墓建设补助\n| 项目 | 内容 |\n| --- | --- |\n| 项目名称 | 公益性公墓建设补助 |\n\n" + _PIPE_TABLE +
            "\n> 备注：以上指标经局党组会研究。\n\n评论（2）\n\n- 汪晓峰：先这样填，审核时再改。\n")
    path = tmp_path / "wiki.md"
    path.write_text(text, encoding="utf-8")
    draft = import_files([path]).draft
    assert [p.name for p in draft.projects] == ["殡葬服务费用减免", "公益性公墓建设补助"]
    assert all([(i.name, i.value) for i in p.indicators] == [("培训人数", "≥600人"), ("学员满意度", "≥90%")]
               for p in draft.projects)


def test_ocr_letters_in_a_value_are_put_right_said_and_kept_to_confirm(tmp_path):
    # round pn: a scan's text read 0 as O and 1 as l; a value that reads as written is left alone
    text = ("项目名称：应急广播\n| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "| 产出指标 | 数量指标 | 新建应急广播终端 | ≥l20个 |\n| 产出指标 | 时效指标 | 项目完工时间 | 2O23年10月31日前 |\n"
            "| 效益指标 | 社会效益指标 | 应急广播覆盖人口 | ≥12、000人 |\n| 产出指标 | 质量指标 | 优良率 | Ⅱ级以上 |\n")
    path = tmp_path / "ocr.txt"
    path.write_text(text, encoding="utf-8")
    result = import_files([path])
    p = result.draft.projects[0]
    assert [i.value for i in p.indicators] == ["≥120个", "2023年10月31日前", "≥12,000人", "Ⅱ级以上"]
    assert {"indicators[0].value", "indicators[1].value", "indicators[2].value"} <= set(p.confirm)
    assert any("“≥l20个” → “≥120个”" in r for r in result.repairs)


def test_a_box_drawn_table_is_read_cell_by_cell_with_its_wrapped_lines_joined(tmp_path):
    # round pq: a print preview's ┌─┬─┐ table read nothing; its 指标方向 ↑/↓ column took the values' place
    text = ("┌────────┬──────────────────┐\n│项目名称│2025年食品安全监督抽检    │\n├────────┼──────────────────┤\n"
            "│年度绩效│完成食品安全监督抽检1800批│\n│目标    │次以上。                  │\n└────────┴──────────────────┘\n"
            "┌────────┬────────┬──────────────┬────┬──────┬──────┐\n"
            "│一级指标│二级指标│三级指标      │方向│计量单位│指标值│\n"
            "├────────┼────────┼──────────────┼────┼──────┼──────┤\n"
            "│产出指标│数量指标│食品安全监督抽│↑   │批次  │≥1800 │\n│        │        │检批次        │    │      │      │\n"
            "├────────┼────────┼──────────────┼────┼──────┼──────┤\n"
            "│满意度指│服务对象│群众满意度    │↑   │%     │≥85   │\n│标      │满意度指│              │    │      │      │\n"
            "│        │标      │              │    │      │      │\n└────────┴────────┴──────────────┴────┴──────┴──────┘\n")
    path = tmp_path / "box.txt"
    path.write_text(text, encoding="utf-8")
    result = import_files([path])
    p = result.draft.projects[0]
    assert p.name == "2025年食品安全监督抽检" and p.goal == "完成食品安全监督抽检1800批次以上。"
    assert [(i.level1, i.name, i.value) for i in p.indicators] == [
        ("产出指标", "食品安全监督抽检批次", "≥1800批次"), ("满意度指标", "群众满意度", "≥85%")]
    assert any("方框线" in r for r in result.repairs)


def test_cards_of_one_field_per_line_are_rows(tmp_path):
    # round pq: a phone page's card view (【指标1】 then 一级指标：… on its own line) read no row
    cards = "".join(f"【指标{n}】\n一级指标：{a}\n二级指标：{b}\n三级指标：{c}\n指标值：{v}\n计量单位：{u}\n\n"
                    for n, (a, b, c, v, u) in enumerate([("产出指标", "数量指标", "在校学生人数", "≥2860", "人"),
                                                         ("产出指标", "质量指标", "校园安全责任事故", "无", ""),
                                                         ("满意度指标", "服务对象满意度指标", "家长满意度", "≥90", "%")], 1))
    path = tmp_path / "cards.txt"
    path.write_text("部门名称：某县第一中学\n项目名称：学生资助\n\n" + cards + "— 已经到底了 —\n", encoding="utf-8")
    rows = [(i.name, i.value) for i in import_files([path]).draft.projects[0].indicators]
    assert rows == [("在校学生人数", "≥2860人"), ("校园安全责任事故", "无"), ("家长满意度", "≥90%")]


def test_an_articles_numbered_list_of_indicators_is_read_and_its_footer_is_not(tmp_path):
    # round pq: a 公众号 article lists '1. 名称：值' under ◆ headings; its closing lines became rows
    text = ("📌 项目名称：乡村旅游提质增效项目\n💰 项目资金：年度资金总额560万元\n\n◆ 一、产出指标\n\n（一）数量指标\n"
            "1. 提升改造乡村旅游重点村：≥6个\n2. 新建（改造）旅游厕所：≥12座\n\n（二）质量指标\n1. 新建旅游厕所达标率：100%\n\n"
            "◆ 二、满意度指标\n\n（一）服务对象满意度指标\n1. 游客满意度：≥90%\n\n✅ 以上绩效目标将作为项目实施和绩效评价的重要依据。\n\nEND\n\n"
            "来源：某县文体广电旅游局\n编辑：杨晓雯\n\n往期推荐\n▶ 某县2024年接待游客突破1200万人次！\n\n阅读 2136\n分享 收藏 点赞 在看\n")
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    p = import_files([path]).draft.projects[0]
    # the levels without their headings' numbers ('（一）数量指标' was kept whole: PD201 on every row)
    assert [(i.level1, i.level2, i.name, i.value) for i in p.indicators] == [
        ("产出指标", "数量指标", "提升改造乡村旅游重点村", "≥6个"), ("产出指标", "数量指标", "新建（改造）旅游厕所", "≥12座"),
        ("产出指标", "质量指标", "新建旅游厕所达标率", "100%"), ("满意度指标", "服务对象满意度指标", "游客满意度", "≥90%")]


def test_an_outline_numbered_table_reads_its_levels_by_their_numbers(tmp_path):
    # round pq: '1.1 数量指标 24' (a 二级 with its weights' subtotal) was a row named 数量指标 valued 24,
    # and '二、…项目' between two projects' tables a row too
    grid = ("序号 指标名称 指标值 计量单位 分值\n1 产出指标 50\n1.1 数量指标 24\n1.1.1 维修灌排渠道长度 ≥45 公里 8\n"
            "1.2 质量指标 12\n1.2.1 管护设施完好率 ≥90 % 6\n3 满意度指标 10\n3.1 服务对象满意度指标 10\n"
            "3.1.1 项目区农户满意度 ≥90 % 10\n")
    text = "一、甲项目\n项目名称：甲项目\n" + grid + "\n二、乙项目\n项目名称：乙项目\n" + grid
    path = tmp_path / "outline.txt"
    path.write_text(text, encoding="utf-8")
    draft = import_files([path]).draft
    assert [p.name for p in draft.projects] == ["甲项目", "乙项目"]
    for p in draft.projects:
        assert [(i.level1, i.level2, i.name, i.value) for i in p.indicators] == [
            ("产出指标", "数量指标", "维修灌排渠道长度", "≥45公里"), ("产出指标", "质量指标", "管护设施完好率", "≥90%"),
            ("满意度指标", "服务对象满意度指标", "项目区农户满意度", "≥90%")]


def test_a_long_last_cell_cut_mid_sentence_takes_the_next_line(tmp_path):
    # round pq: a self-evaluation's 偏差原因 wrapped onto lines of their own, one starting with a number
    text = ("项目名称：安全生产监管执法\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
            "产出指标 数量指标 查处安全生产违法行为 ≥45起 38起 6 5 受辖区非煤矿山关闭退出影响，\n执法对象减少，立案查处数量低于预期。\n"
            "组织开展应急演练 ≥12次 14次 5 5 结合主汛期防汛需要，增加\n2次综合应急演练。\n"
            "满意度指标 服务对象满意度指标 被检查企业满意度 ≥85% 91.2% 10 10\n")
    path = tmp_path / "self.txt"
    path.write_text(text, encoding="utf-8")
    rows = import_files([path]).draft.projects[0].indicators
    assert [(i.name, i.value) for i in rows] == [("查处安全生产违法行为", "≥45起"), ("组织开展应急演练", "≥12次"),
                                                 ("被检查企业满意度", "≥85%")]


def test_budget_labels_copied_column_by_column_take_their_amounts_in_order(tmp_path):
    # round pq: a PDF's header block came out labels first, then values; the budget was not read
    text = ("项目名称\n主管部门\n项目资金\n（万元）\n国家免费孕前优生健康检查项目\n某县卫生健康局\n年度资金总额\n其中：财政拨款\n其他资金\n"
            "实施单位\n86.40\n80.00\n6.40\n某县妇幼保健计划生育服务中心\n一级指标 二级指标 三级指标 指标值\n"
            "产出指标 数量指标 完成免费孕前优生健康检查人数 ≥4200人\n满意度指标 服务对象满意度指标 受检群众满意度 ≥90%\n")
    path = tmp_path / "cols.txt"
    path.write_text(text, encoding="utf-8")
    b = import_files([path]).draft.projects[0].budget
    assert (b.total, b.fiscal, b.other) == (864000, 800000, 64000)


def test_indicators_written_as_running_text_one_paragraph_per_level(tmp_path):
    # round pq: a 部门预算公开 document's '产出指标——数量指标：…≥42个，…；质量指标方面，…不低于98%' read nothing
    text = ("项目名称：社区居家养老服务运营补贴项目\n绩效指标：\n"
            "产出指标——数量指标：运营补贴社区养老服务中心（站）数量≥42个，居家养老上门服务人次≥3.6万人次；"
            "时效指标：补贴资金拨付完成时间2024年12月底前。\n"
            "效益指标：社会效益方面，受助人员返乡（安置）率不低于95%，社区养老服务可及性明显提升；可持续影响方面，救助管理工作机制持续完善。\n"
            "满意度指标——服务对象满意度指标：服务对象满意度≥90%。\n")
    path = tmp_path / "prose.txt"
    path.write_text(text, encoding="utf-8")
    rows = [(i.level2, i.name, i.value) for i in import_files([path]).draft.projects[0].indicators]
    assert rows == [("数量指标", "运营补贴社区养老服务中心（站）数量", "≥42个"), ("数量指标", "居家养老上门服务人次", "≥3.6万人次"),
                    ("时效指标", "补贴资金拨付完成时间", "2024年12月底前"),
                    ("社会效益", "受助人员返乡（安置）率", "不低于95%"), ("社会效益", "社区养老服务可及性", "明显提升"),
                    ("可持续影响", "救助管理工作机制", "持续完善"), ("服务对象满意度指标", "服务对象满意度", "≥90%")]


def test_running_text_of_two_projects_gives_two_projects_with_their_budgets(tmp_path):
    # pq_02: two projects of a 预算公开 说明 read as one, with no budget; the department's totals are no budget
    text = ("一、收支预算总体情况\n本部门2024年收入预算3,268.45万元。\n"
            "（一）社区居家养老服务运营补贴项目\n1.项目概况：给予运营补贴。项目预算资金186.00万元，全部为县级资金。\n"
            "2.绩效指标：\n产出指标——数量指标：运营补贴站点数量≥42个；质量指标：补贴资金核拨准确率100%。\n"
            "满意度指标——服务对象满意度指标：服务对象满意度≥90%。\n"
            "（二）流浪乞讨人员救助管理项目\n1.项目概况：开展街面巡查。项目预算资金45.80万元。\n"
            "2.绩效指标：\n产出指标：数量指标方面，救助流浪乞讨人员不少于260人次；时效指标方面，接收入站时限不超过24小时。\n"
            "满意度指标：受助人员满意度不低于90%。\n三、项目资金\n以上项目资金已全部列入预算。\n")
    path = tmp_path / "two.txt"
    path.write_text(text, encoding="utf-8")
    projects = import_files([path]).draft.projects
    assert [(p.name, p.budget.total, len(p.indicators)) for p in projects] == [
        ("社区居家养老服务运营补贴项目", 1860000, 3), ("流浪乞讨人员救助管理项目", 458000, 3)]
    assert projects[1].indicators[0].value == "不少于260人次"
    assert "name" in projects[0].confirm and "budget" in projects[0].confirm  # read from sentences: to confirm
