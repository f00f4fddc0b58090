"""Layouts the importer was not built on: tables written from knowledge by helpers who never saw the
importer (tests/probe_corpus, provinces the real corpus lacks; synthetic, said so in each note line),
scored against keys written by reading them, and the reader's fixes they led to, each shown on a
small table of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfdraft.importers import import_file
from perfdraft.importers.cells import join_page_chunks, split_glued
from perfdraft.model import Draft

from .corpus_scoring import PROBE, PROBE_FILES, PROBE_KEYS, import_scores, keys, source_file, totals

PROBE_SET = keys(PROBE_KEYS)


def _import_text(tmp_path: Path, text: str, name: str = "t.txt") -> Draft:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_file(path).draft


def _rows(draft: Draft) -> list[tuple[str | None, str | None]]:
    return [(i.name, i.value) for p in draft.projects for i in p.indicators]


@pytest.fixture(scope="module")
def probe_scores(tmp_path_factory):
    return import_scores(PROBE_SET, tmp_path_factory.mktemp("probe"), PROBE)


def test_every_probe_file_has_a_key_and_says_it_is_synthetic():
    files = sorted(p.name for p in PROBE.glob("*.txt"))
    binaries = sorted(p.name for p in PROBE_FILES.iterdir()
                      if p.suffix in (".xlsx", ".xls", ".docx", ".pdf", ".html", ".htm", ".mht", ".doc", ".odt", ".ods",
                                     ".rtf", ".csv"))
    assert files and binaries and sorted(k["file"] for _, k in PROBE_SET) == sorted(files + binaries)
    readme = (PROBE_FILES / "README.md").read_text(encoding="utf-8")
    assert "synthetic" in readme.lower() and all(name in readme for name in binaries)
    for name in files:
        note = next(line for line in (PROBE / name).read_text(encoding="utf-8").splitlines() if line.startswith("# note:"))
        assert "synthetic" in note.lower(), name


def test_floor_reached_on_the_probe(probe_scores):
    """What the reader achieves on tables it was not built on (rows 0.82 before the fixes below)."""
    t = totals(probe_scores)
    assert t["rows_right"] >= 0.95, [(s.stem[:5], s.misses) for s in probe_scores if s.misses]
    assert t["level1_right"] >= 0.95, t
    assert t["years_right"] == 1.0, t
    assert all(s.projects <= s.key["projects"] for s in probe_scores)


# --- the fixes, one table each --------------------------------------------------------------------------------

def test_an_operator_in_the_direction_column_is_the_values_sign(tmp_path):
    """上海 prints ≥ / ≤ / = under 指标方向; they were dropped (≥30个 read as 30个)."""
    cells = ["项目名称", "垃圾分类项目", "一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "指标值", "计量单位",
             "产出指标", "数量指标", "示范小区创建数量", "定量", "≥", "30", "个",
             "时效指标", "项目完成时间", "定量", "≤", "12", "月",
             "满意度指标", "服务对象满意度指标", "居民满意度", "定量", "≥", "90", "%"]
    assert _rows(_import_text(tmp_path, "\n".join(cells) + "\n")) == [
        ("示范小区创建数量", "≥30个"), ("项目完成时间", "≤12月"), ("居民满意度", "≥90%")]
    piped = "\n".join(["项目名称 | 垃圾分类项目 |",
                       "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标方向 | 指标值 | 计量单位 |",
                       "产出指标 | 数量指标 | 示范小区创建数量 | 定量 | ≥ | 30 | 个 |",
                       "产出指标 | 质量指标 | 达标率 | 定量 | = | 100 | % |",
                       "满意度指标 | 服务对象满意度指标 | 居民满意度 | 定量 | ≥ | 90 | % |"])
    assert _rows(_import_text(tmp_path, piped, "p.txt")) == [
        ("示范小区创建数量", "≥30个"), ("达标率", "=100%"), ("居民满意度", "≥90%")]
    as_csv = piped.replace(" | ", ",").replace(" |", "")  # a csv (or xlsx, docx) goes through the row reader
    assert _rows(_import_text(tmp_path, as_csv, "p.csv")) == [
        ("示范小区创建数量", "≥30个"), ("达标率", "=100%"), ("居民满意度", "≥90%")]


@pytest.mark.parametrize("tail", ["上一篇：某局2025年部门预算", "下一篇:关于农村公路工作情况的通报",
                                  "某局2025年项目支出绩效目标表.xls", "填报说明:分值合计90分,预算执行率10分另计。"])
def test_page_links_and_notes_after_the_table_are_no_rows(tmp_path, tail):
    cells = ["项目名称 | 送戏下乡 |", "一级指标 | 二级指标 | 三级指标 | 指标值 |",
             "产出指标 | 数量指标 | 演出场次 | ≥20场 |", "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |", tail]
    assert _rows(_import_text(tmp_path, "\n".join(cells))) == [("演出场次", "≥20场"), ("群众满意度", "≥90%")]


def test_an_implementation_period_column_leaves_the_year_value(tmp_path):
    """区域绩效目标表: 实施期指标值 beside 年度指标值 (an unknown header read nothing at all)."""
    cells = ["项目名称", "国土绿化项目", "一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值",
             "产出指标", "数量指标", "完成人工造林面积", "≥3万亩", "≥1万亩",
             "质量指标", "当年造林成活率", "≥80%", "≥85%",
             "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "≥90%"]
    draft = _import_text(tmp_path, "\n\n".join(cells) + "\n")
    assert _rows(draft) == [("完成人工造林面积", "≥1万亩"), ("当年造林成活率", "≥85%"), ("群众满意度", "≥90%")]
    assert draft.projects[0].name == "国土绿化项目"


GLUED_CHUNKS = (
    "《某校2024年项目支出绩效目标表.doc》由会员分享,可在线阅读,更多相关请在文库站上搜索。\n"
    "1、某县教师进修学校2024年项目支出绩效目标表项目名称2024年中小学教师全员培训项目主管部门某县教育局实施单位"
    "某县教师进修学校年度绩效目标组织全县中小学教师开展全员培训,全年培训不少于500人次,提升农村学校教师课堂教学能力"
    "绩效指标一级指标二级指标三级指标指标值产出指标数量指标培训人次≥500人次开展送教下乡活动≥12次质量指标参训教师考核合格率\n"
    "2、≥95%成本指标培训费标准≤350元/人·天效益指标社会效益指标参训教师教育教学能力显著提升可持续影响指标"
    "对全县基础教育质量的持续影响长期满意度指标服务对象满意度指标参训教师满意度≥90%单位负责人:财务负责人:填表人:\n")


def test_a_document_sites_numbered_chunks_are_joined_back(tmp_path):
    """A value cut off its name by the site's '2、' chunk break, a unit 元/人·天, word values glued
    before the next level word, and a sign-off glued after the last value."""
    assert _rows(_import_text(tmp_path, GLUED_CHUNKS)) == [
        ("培训人次", "≥500人次"), ("开展送教下乡活动", "≥12次"), ("参训教师考核合格率", "≥95%"),
        ("培训费标准", "≤350元/人·天"), ("参训教师教育教学能力", "显著提升"),
        ("对全县基础教育质量的持续影响", "长期"), ("参训教师满意度", "≥90%")]


def test_a_numbered_list_of_goals_is_not_joined():
    goals = ("1、" + "组织全县中小学教师开展全员培训提升课堂教学能力" * 4 + "。\n2、" + "开展送教下乡活动" * 3 + "。\n")
    assert join_page_chunks(goals) == (goals, False)
    short = "1、产出指标数量指标培训人次\n2、≥500人次\n"  # short lines: no document site cuts a chunk that small
    assert join_page_chunks(short) == (short, False)


def test_a_unit_does_not_eat_the_next_level_word():
    assert split_glued("改善办学条件13生态效益指标绿化面积≥200平方米") == [
        "改善办学条件", "13", "生态效益指标", "绿化面积", "≥200平方米"]


def test_a_template_blank_between_sign_and_unit_columns_is_kept(tmp_path):
    """'≥ | ** | %' is the check's PD102 (a placeholder), not '≥%'; 万元/团队 is a unit, not a row."""
    text = "\n".join([
        "项目名称 | 家庭医生签约服务经费 |",
        "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标值说明 |",
        "| 产出指标 | 数量指标 | 签约人数 | ≥ | 62 | 万人 | 10 | 按市级任务确定 |",
        "| | 质量指标 | 签约居民续约率 | ≥ | ** | % | 6 | 以系统统计为准 |",
        "| | 成本指标 | 团队绩效激励平均成本 | ≤ | 4.12 | 万元/团队 | 5 | 资金总额/团队数量 |",
        "| 满意度指标 | 服务对象满意度指标 | 签约居民满意度 | ≥ | 90 | % | 10 | 第三方调查 |"])
    assert _rows(_import_text(tmp_path, text)) == [
        ("签约人数", "≥62万人"), ("签约居民续约率", "≥**%"), ("团队绩效激励平均成本", "≤4.12万元/团队"),
        ("签约居民满意度", "≥90%")]


TWO_TABLES = "\n".join([
    "项目支出绩效目标表", "（2024年度）",
    "项目名称\t基层农技推广补助项目",
    "项目资金（万元）\t\t中期资金总额\t年度资金总额",
    "\t资金总额\t258.00\t86.00",
    "\t其中：财政拨款\t258.00\t86.00",
    "总体目标\t中期目标（2024年－2026年）\t年度目标",
    "\t三年培育农业科技示范主体300户，建设示范基地6个。\t2024年培育农业科技示范主体100户，建设示范基地2个。",
    "绩效指标\t一级指标\t二级指标\t三级指标\t中期指标值\t年度指标值",
    "\t产出指标\t数量指标\t培育示范主体\t≥300户\t≥100户",
    "\t满意度指标\t服务对象满意度指标\t示范主体满意度\t≥90%\t≥90%",
    "", "",
    "项目支出绩效目标表", "（2024年度）",
    "项目名称\t农作物病虫害统防统治补助",
    "项目资金（万元）\t\t中期资金总额\t年度资金总额",
    "\t资金总额\t360.00\t120.00",
    "绩效指标\t一级指标\t二级指标\t三级指标\t中期指标值\t年度指标值",
    "\t产出指标\t数量指标\t统防统治作业面积\t≥90万亩次\t≥30万亩次",
    "\t满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%\t≥90%"])


def test_two_tables_on_one_page_with_period_and_year_columns(tmp_path):
    """The year's budget is the 年度 column (中期 总额 is the period's total), the goals go to their
    heads, and the next table's title and 项目名称 end the first grid (they were read as its rows)."""
    draft = _import_text(tmp_path, TWO_TABLES)
    assert [p.name for p in draft.projects] == ["基层农技推广补助项目", "农作物病虫害统防统治补助"]
    first, second = draft.projects
    assert (first.budget.total, first.budget.fiscal, first.total_amount) == (860000, 860000, 2580000)
    assert (second.budget.total, second.total_amount) == (1200000, 3600000)
    assert first.goal == "2024年培育农业科技示范主体100户，建设示范基地2个。"
    assert first.overall_goal == "三年培育农业科技示范主体300户，建设示范基地6个。"
    assert [(i.name, i.value) for i in first.indicators] == [("培育示范主体", "≥100户"), ("示范主体满意度", "≥90%")]
    assert [(i.name, i.value) for i in second.indicators] == [("统防统治作业面积", "≥30万亩次"), ("服务对象满意度", "≥90%")]


PDF_PAGES = "\n".join([
    "项目名称             小额信贷贴息项目",
    "                     年度资金总额：                                          412.60",
    "                     一级指标       二级指标           三级指标                                  指标值",
    "                                    数量指标           享受贴息的户数                            ≥2600户",
    "                                    质量指标           贴息资金足额拨付率                        100%",
    "                     产出指标                          贴息对象精准率                            100%",
    "                                    时效指标           贴息资金拨付及时率                        ≥95%",
    "绩效指标                                               贴息资金拨付完成时间                      2024年12月31日前",
    "                                                                 — 7 —",
    "                     一级指标       二级指标           三级指标                                  指标值",
    "                                    成本指标           户均贴息金额                              ≤1725元",
    "                     满意度指标     服务对象满意度     贷款脱贫户满意度                          ≥90%"])


def test_a_pdf_page_break_inside_the_grid(tmp_path):
    """A 一级 printed mid-block keeps the 二级 above it open; the outer '绩效指标' label met mid-grid and
    the header repeated on the next page make no rows."""
    draft = _import_text(tmp_path, PDF_PAGES)
    assert [(i.level2, i.name, i.value) for i in draft.projects[0].indicators] == [
        ("数量指标", "享受贴息的户数", "≥2600户"), ("质量指标", "贴息资金足额拨付率", "100%"),
        ("质量指标", "贴息对象精准率", "100%"), ("时效指标", "贴息资金拨付及时率", "≥95%"),
        ("时效指标", "贴息资金拨付完成时间", "2024年12月31日前"), ("成本指标", "户均贴息金额", "≤1725元"),
        ("服务对象满意度", "贷款脱贫户满意度", "≥90%")]


def test_a_level_column_named_like_the_scope_and_a_money_block_in_wan(tmp_path):
    """江苏: 指标类型 holds 数量指标 / 质量指标 (elsewhere 年度 / 中期), and 资金来源(万元) puts its amounts,
    合计 among them, in 万元."""
    text = "\n".join([
        "项目名称,基本公共卫生服务项目", "资金来源(万元),合计,938.60", ",一般公共预算,412.30",
        "指标类型,指标名称,指标值,指标值说明",
        "数量指标,老年人健康管理人数,≥5.2万人,按常住人口测算", "质量指标,健康档案建档率,≥90%,以常住人口为基数",
        "满意度指标,服务对象满意度,≥85%,第三方调查"])
    draft = _import_text(tmp_path, text, "t.csv")
    assert draft.projects[0].budget.total == 9386000
    assert [(i.level1, i.level2, i.name) for i in draft.projects[0].indicators] == [
        (None, "数量指标", "老年人健康管理人数"), (None, "质量指标", "健康档案建档率"),
        (None, "满意度指标", "服务对象满意度")]


def test_levels_the_vocabulary_lacks_in_line_order(tmp_path):
    """部门整体 (履职效能 / 城乡住房保障 …), one cell per line, merged cells left out: the texts before a
    value are the name and the levels above it (they were read as names and values)."""
    cells = ["部门名称", "某县住房和城乡建设局", "一级指标", "二级指标", "三级指标", "指标值",
             "履职效能", "城乡住房保障", "老旧小区改造开工数", "≥12个", "农村危房改造户数", "≥85户",
             "安全监管", "较大及以上安全事故发生起数", "=0起",
             "管理效率", "预算管理", "预算执行率", "≥95%",
             "服务对象满意度", "服务对象满意度", "群众满意度", "≥90%"]
    draft = _import_text(tmp_path, "\n\n".join(cells) + "\n")
    assert not draft.projects  # a 部门整体 table: the department's rows, not a project's
    assert [(i.level1, i.level2, i.name, i.value) for i in draft.department.indicators] == [
        ("履职效能", "城乡住房保障", "老旧小区改造开工数", "≥12个"), ("履职效能", "城乡住房保障", "农村危房改造户数", "≥85户"),
        ("履职效能", "安全监管", "较大及以上安全事故发生起数", "=0起"), ("管理效率", "预算管理", "预算执行率", "≥95%"),
        # the third 一级 of the 部门整体 tree, not a 二级 under 管理效率 (round pn)
        ("服务对象满意度", "服务对象满意度", "群众满意度", "≥90%")]


def _import_probe_file(tmp_path: Path, name: str) -> Draft:
    return import_file(source_file(name, tmp_path, PROBE)).draft


def test_word_labels_spanning_columns_and_a_block_in_wan(tmp_path):
    """A label cell spanning two grid columns (w:gridSpan) has its value after the span (the project
    names were lost); 项目资金（万元） puts the rows under it in 万元; 主管部门 / 实施单位 are the project's."""
    draft = _import_probe_file(tmp_path, "px_05_liaoning_2024_wenhua-huimin.docx")
    assert [(p.name, p.budget.total) for p in draft.projects] == [
        ("2024年公共图书馆、文化馆（站）免费开放补助资金", 4280000), ("2024年文化惠民演出（送戏下乡）项目", 968000)]
    first = draft.projects[0]
    assert (first.authority, first.unit) == ("鞍山市文化旅游和广播电视局", "鞍山市图书馆、鞍山市文化馆及各乡镇（街道）综合文化站")
    assert draft.department.name == "鞍山市文化旅游和广播电视局"


def test_line_breaks_inside_word_cells_are_not_kept_in_short_fields(tmp_path):
    draft = _import_probe_file(tmp_path, "px_06_gansu_2025_yingji-overall.docx")
    rows = draft.department.indicators  # a 部门整体支出绩效目标表: read into the department
    assert (rows[0].level1, rows[0].name, rows[0].value) == ("产出指标", "安全生产执法检查企业数量", "≥260家")
    assert not any("\n" in (i.name or "") + (i.level1 or "") + (i.level2 or "") for i in rows)


def test_a_grade_unit_in_its_own_column(tmp_path):
    draft = _import_probe_file(tmp_path, "px_01_shandong_2024_nongtian-fangkong.xlsx")
    row = next(i for i in draft.projects[0].indicators if i.name == "项目区耕地质量等级提升")
    assert (row.value, row.description) == ("≥0.5等", "按耕地质量等级评价标准")


def test_a_pdf_pages_running_title_does_not_end_the_table(tmp_path):
    """'2024年中央对地方转移支付区域绩效目标表' over the repeated header on page 2: the 质量指标 block
    goes on (a table's title elsewhere ends the grid before it)."""
    text = "\n".join([
        "项目名称 困难群众救助补助资金",
        "一级指标 二级指标 三级指标 指标值",
        "产出指标 数量指标 城乡低保对象保障人数 ≥1.3万人",
        "质量指标 城乡低保资金按时足额发放率 ≥98%",
        "— 1 —",
        "2024年中央对地方转移支付区域绩效目标表",
        "一级指标 二级指标 三级指标 指标值",
        "特困人员生活自理能力评估率 =100%",
        "满意度指标 服务对象满意度指标 困难群众满意度 ≥90%"])
    rows = [(i.level1, i.level2, i.name) for i in _import_text(tmp_path, text).projects[0].indicators]
    assert rows[2] == ("产出指标", "质量指标", "特困人员生活自理能力评估率")


def test_cost_under_output_keeps_the_2015_tree_whatever_the_columns(tmp_path):
    """The 一体化 table's columns (计算符号, 计量单位) point to the 2021 profile; its rows file 成本 under 产出,
    so the draft is checked against the 2015 tree (every cost row was called misfiled, PD202)."""
    from perfdraft import checks

    text = "\n".join([
        "项目名称\t义务教育公用经费", "年度资金总额（万元）\t3426.50",
        "一级指标\t二级指标\t三级指标\t计算符号\t指标值\t计量单位",
        "产出指标\t数量指标\t补助学生人数\t≥\t32000\t人", "产出指标\t成本指标\t生均公用经费补助标准\t=\t650\t元/生·年",
        "效益指标\t社会效益指标\t义务教育巩固率\t≥\t98\t%", "满意度指标\t服务对象满意度指标\t家长满意度\t≥\t95\t%"])
    draft = _import_text(tmp_path, text)
    assert draft.framework == "local-2015"
    assert not [f for f in checks.check_draft(draft) if f.code in ("PD201", "PD202", "PD304")]


def test_a_forms_label_value_pairs(tmp_path):
    """'一级指标：产出指标；…；指标名称：…；指标值：…；' one indicator a line (pairs in any order), the header
    facts as 'label：value；' pairs, projects numbered 一、二、."""
    text = "\n".join([
        "一、项目名称：2023年高标准农田建设项目",
        "主管部门：射阳县农业农村局；实施单位：射阳县农业农村局；",
        "资金情况：年度资金总额：6210.00万元；其中：财政拨款：6210.00万元；其他资金：0.00万元；",
        "年度绩效目标：新建高标准农田2.3万亩，项目区粮食综合生产能力明显增强。",
        "一级指标：产出指标；二级指标：数量指标；指标名称：新建高标准农田面积；指标值：≥2.3万亩；",
        "一级指标:满意度指标;二级指标:服务对象满意度指标;指标值:≥90%;指标名称:受益农户满意度;",
        "二、项目名称：2023年农机购置与应用补贴",
        "资金情况：年度资金总额：1850.00万元；",
        "一级指标：产出指标；二级指标：数量指标；指标名称：补贴机具数量；指标值：≥1600台（套）；"])
    draft = _import_text(tmp_path, text)
    assert [(p.name, p.budget.total, p.authority) for p in draft.projects] == [
        ("2023年高标准农田建设项目", 62100000, "射阳县农业农村局"), ("2023年农机购置与应用补贴", 18500000, None)]
    assert [(i.level2, i.name, i.value) for i in draft.projects[0].indicators] == [
        ("数量指标", "新建高标准农田面积", "≥2.3万亩"), ("服务对象满意度指标", "受益农户满意度", "≥90%")]
    assert draft.projects[0].goal == "新建高标准农田2.3万亩，项目区粮食综合生产能力明显增强。"  # as written: ， kept


def test_a_csv_shown_as_text(tmp_path):
    """An attachment's preview: quoted cells with commas and line breaks, and one comma too many."""
    text = "\n".join([
        "项目支出绩效目标表,,,,", "项目名称,森林草原防灭火专项经费,,,", "项目资金（万元）,年度资金总额,215.00,,",
        '年度绩效目标,"目标1：聘用专职护林员开展巡山护林；', '目标2：开展防火宣传。",,,',
        "绩效指标,一级指标,二级指标,三级指标,指标值",
        ",产出指标,数量指标,聘用专职护林员人数,≥150人",
        ',,,开展森林防火宣传活动次数,"≥30次,覆盖全县10个乡镇"',
        ",,,防火物资储备库数量,,=3个",
        ',效益指标,生态效益指标,"森林火灾受害率（受害森林面积,占森林总面积比例）",≤0.9‰',
        ",满意度指标,服务对象满意度指标,群众满意度,≥90%"])
    draft = _import_text(tmp_path, text)
    p = draft.projects[0]
    assert p.budget.total == 2150000 and p.goal.startswith("目标1：聘用专职护林员")
    assert [(i.name, i.value) for i in p.indicators] == [
        ("聘用专职护林员人数", "≥150人"), ("开展森林防火宣传活动次数", "≥30次,覆盖全县10个乡镇"),
        ("防火物资储备库数量", "=3个"), ("森林火灾受害率（受害森林面积,占森林总面积比例）", "≤0.9‰"), ("群众满意度", "≥90%")]


def test_a_self_evaluation_with_target_and_result_in_one_cell(tmp_path):
    text = "\n".join([
        "| 项目名称 | 基本公共卫生服务项目 | | | | |",
        "| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 |",
        "| | 年度资金总额 | 3126.40 | 3298.72 | 3215.06 | 10 |",
        "| | 其中：当年财政拨款 | 3126.40 | 3298.72 | 3215.06 | — |",
        "| 年度总体目标 | 预期目标 | | | 实际完成情况 | |",
        "| | 为辖区常住居民免费提供基本公共卫生服务。 | | | 全年按标准拨付经费。 | |",
        "| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值/实际完成值 | 分值 |",
        "| | 产出指标（50分） | 数量指标 | 居民电子健康档案建档率 | 目标：≥90%；完成：92.3% | 7 |",
        "| | | 时效指标 | 资金拨付及时率 | 完成：100%；目标：100% | 6 |",
        "| | 满意度指标（10分） | 服务对象满意度指标 | 居民满意度 | 目标:≥85%,完成:90.5% | 10 |"])
    p = _import_text(tmp_path, text).projects[0]
    assert (p.budget.total, p.budget.fiscal) == (31264000, 31264000)
    assert p.goal == "为辖区常住居民免费提供基本公共卫生服务。"
    assert [(i.level1, i.name, i.value, i.actual) for i in p.indicators] == [
        ("产出指标", "居民电子健康档案建档率", "≥90%", "92.3%"), ("产出指标", "资金拨付及时率", "100%", "100%"),
        ("满意度指标", "居民满意度", "≥85%", "90.5%")]


def test_a_value_column_spanning_sign_number_and_unit(tmp_path):
    """'| 指标值 | | |' over '| 符号 | 数值 | 单位 |': the three columns are one value; '| --- |' is no row."""
    text = "\n".join([
        "| 项目名称 | 城市道路清扫保洁项目 | | |", "| --- | --- | --- | --- |",
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 | | | 权重 |", "| --- | --- | --- | --- | --- | --- | --- |",
        "| 符号 | 数值 | 单位 |",
        "| 产出指标 | 数量指标 | 道路机械化清扫保洁面积 | ≥ | 1280 | 万平方米 | 10 |",
        "| | | 公厕保洁座数 | = | 136 | | 5 |",
        "| 成本指标 | 经济成本指标 | 道路清扫保洁单价 | ≤ | 1.2 | 元/平方米·年 | 10 |",
        "| 满意度指标 | 服务对象满意度指标 | 辖区群众满意度 | ≥ | 90 | % | 10 |"])
    rows = [(i.name, i.value, i.weight) for i in _import_text(tmp_path, text).projects[0].indicators]
    assert rows == [("道路机械化清扫保洁面积", "≥1280万平方米", 10), ("公厕保洁座数", "=136", 5),
                    ("道路清扫保洁单价", "≤1.2元/平方米·年", 10), ("辖区群众满意度", "≥90%", 10)]


def test_full_width_spaced_rows_with_levels_the_vocabulary_lacks(tmp_path):
    """Cells apart by full-width spaces (not glued text), 二级 the department names itself standing
    right-aligned under the header, and 预算总额 as the budget."""
    text = "\n".join([
        "部门（单位）名称　某市市场监督管理局", "年度预算情况（万元）　预算总额　8426.37", "其中：财政拨款　8326.37",
        "一级指标　二级指标　三级指标　指标值",
        "产出指标　重点工作任务完成　开展重点领域日常监督检查及“双随机、一公开”抽查覆盖率达到规定要求的比例　≥95%",
        "履职目标　投诉举报按时办结率　≥98%",
        "满意度指标　服务对象满意度　市场主体和消费者满意度　≥90%"])
    draft = _import_text(tmp_path, text)
    p = draft.projects[0]
    assert p.budget.total == 84263700
    assert [(i.level1, i.level2, i.value) for i in p.indicators] == [
        ("产出指标", "重点工作任务完成", "≥95%"), ("产出指标", "履职目标", "≥98%"), ("满意度指标", "服务对象满意度", "≥90%")]


def test_pdf_cells_wrapped_in_their_columns(tmp_path):
    text = "\n".join([
        "项目名称          2022年农村公路养护工程",
        "一级指标  二级指标          三级指标                  指标值",
        "产出指标  数量指标          农村公路日常养护里程      ≥1865公里",
        "                            县道预防性养护及修复      ≥32.6公里",
        "                            养护工程里程",
        "          时效指标          养护工程完工时间          2022年11月30日",
        "                                                      前",
        "效益指标  可持续影响指      “路长制”农村公路管养      逐步健全",
        "          标                长效机制",
        "满意度指  服务对象满意      沿线群众满意度            ≥90%",
        "标        度指标",
        "【打印本页】  【关闭窗口】"])
    rows = [(i.level1, i.level2, i.name, i.value) for i in _import_text(tmp_path, text).projects[0].indicators]
    assert rows == [
        ("产出指标", "数量指标", "农村公路日常养护里程", "≥1865公里"),
        ("产出指标", "数量指标", "县道预防性养护及修复养护工程里程", "≥32.6公里"),
        ("产出指标", "时效指标", "养护工程完工时间", "2022年11月30日前"),
        ("效益指标", "可持续影响指标", "“路长制”农村公路管养长效机制", "逐步健全"),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%")]


def test_numbered_section_headings_are_levels(tmp_path):
    text = "\n".join([
        "项目名称\t老年助餐服务补贴", "一、产出指标", "二级指标\t三级指标\t指标值\t计量单位",
        "数量指标\t运营长者食堂数量\t≥45\t个", "二、效益指标", "社会效益指标\t老年人就餐便利程度\t显著提升\t",
        "三、满意度指标", "服务对象满意度指标\t用餐老年人满意度\t≥90\t%"])
    rows = [(i.level1, i.level2, i.name, i.value) for i in _import_text(tmp_path, text).projects[0].indicators]
    assert [r[2] for r in rows] == ["运营长者食堂数量", "老年人就餐便利程度", "用餐老年人满意度"]


def test_a_ten_thousand_unit_glued_to_its_number():
    assert split_glued("发放油茶良种苗木≥120万株质量指标新造林成活率≥85%") == [
        "发放油茶良种苗木", "≥120万株", "质量指标", "新造林成活率", "≥85%"]


def test_an_attribute_column_of_quantitative_or_qualitative(tmp_path):
    """指标属性 (定量指标 / 定性指标) is the 指标性质 column under another name: a column, not rows."""
    cells = ["项目名称", "残疾人两项补贴", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "指标属性",
             "产出指标", "数量指标", "生活补贴发放人数", "≥", "3260", "人", "定量指标",
             "补贴发放月数", "=", "12", "月", "定量指标",
             "满意度指标", "服务对象满意度指标", "受助对象满意度", "≥", "90", "%", "定量指标"]
    rows = [(i.name, i.value) for i in _import_text(tmp_path, "\n\n".join(cells) + "\n").projects[0].indicators]
    assert rows == [("生活补贴发放人数", "≥3260人"), ("补贴发放月数", "=12月"), ("受助对象满意度", "≥90%")]


def test_cell_breaks_joined_by_what_stands_around_them():
    from perfdraft.importers.repairs import join_cell_breaks
    from perfdraft.model import Indicator, Project

    d = Draft(projects=[Project(name="  农村公路\n养护工程", indicators=[
        Indicator(level1="\n产出\n指标", name="Big\nData 平台接入数", value="≥95%"),
        Indicator(name="  5G\n基站覆盖率", value="≥95%")])])
    join_cell_breaks(d)
    rows = d.projects[0].indicators
    assert (d.projects[0].name, rows[0].level1, rows[0].name, rows[1].name) == (
        "农村公路养护工程", "产出指标", "Big Data 平台接入数", "5G基站覆盖率")


def test_a_systems_flat_export_in_xls_and_xlsx(tmp_path):
    """One row per indicator, the project's columns repeated (单位名称 | 项目名称 | 预算数（万元）| …): a
    project each, with its budget (the shape reader made one nameless project of all rows, doubled)."""
    for name, want in (("py_06_liaoning_2025_gongre-gaizao.xls", [46500000, 21806000]),
                       ("py_01_tianjin_2024_jiaoyu-sanxiang.xlsx", [12864000, 8600000, 1568000])):
        draft = _import_probe_file(tmp_path, name)
        assert [p.budget.total for p in draft.projects] == want, name
        assert all(p.name and p.indicators for p in draft.projects)


def test_the_documents_title_year_before_a_deadline_in_the_cells(tmp_path):
    """An exported table whose only printed year is a row's deadline (2021年11月30日前): the workbook's
    own title says 2015 (hypothesis found the draft; the deadline's year won)."""
    import io

    import openpyxl

    from perfdraft import drafts, exporters
    from perfdraft.model import Department, Indicator, Project

    d = drafts.loads(drafts.dumps(Draft(year=2015, department=Department(name="顺平县社会保险事业管理局"), projects=[
        Project(code="317-1002-JXN-0000", indicators=[
            Indicator(level1="产出指标", level2="数量指标", name="参保人数", value="2021年11月30日前")])])))
    wb = openpyxl.load_workbook(io.BytesIO(exporters.render(d, "xlsx").data))
    del wb["_perfdraft"]
    path = tmp_path / "x.xlsx"
    wb.save(path)
    assert import_file(path).draft.year == 2015


@pytest.mark.parametrize("period, expected", [("2023年—2025年", ("2023", "2025")), ("2024-2026", ("2024", "2026")),
                                              ("2023年1月至2025年12月", ("2023", "2025")), ("3年", (None, None))])
def test_the_project_period_is_read_into_its_years(tmp_path, period, expected):
    """吉林 prints 项目期 | 2023年—2025年 in the header block; it was left unplaced."""
    text = ("项目名称 | 黑土地保护性耕作\n项目期 | " + period + "\n年度资金总额（万元） | 100\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值\n产出指标 | 数量指标 | 实施面积 | ≥3300万亩\n"
            "满意度指标 | 服务对象满意度指标 | 农户满意度 | ≥90%\n")
    p = _import_text(tmp_path, text).projects[0]
    assert (p.period_start, p.period_end) == expected


def test_the_project_period_in_the_label_readers_layout(tmp_path):
    text = ("项目编码 | 13000024001\n项目名称 | 黑土地保护性耕作\n项目期 | 2023年—2025年\n预算数 | 1000000\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值\n产出指标 | 数量指标 | 实施面积 | ≥3300万亩\n")
    p = _import_text(tmp_path, text).projects[0]
    assert (p.code, p.period_start, p.period_end) == ("13000024001", "2023", "2025")


@pytest.mark.parametrize("suffix", [".xls", ".xlsx"])
def test_a_date_shown_as_year_and_month_is_not_given_a_day(tmp_path, suffix):
    """贵州's .xls shows 项目完工时间 as 2025年11月 (a date formatted yyyy"年"m"月"); the cell stores the
    1st, and the import printed 2025年11月1日, a deadline nobody wrote."""
    import datetime as dt

    rows = [("项目名称", "茶园提质增效", None), ("一级指标", "三级指标", "指标值"),
            ("产出指标", "项目完工时间", dt.datetime(2025, 11, 1)), ("产出指标", "验收日期", dt.datetime(2025, 12, 15)),
            ("满意度指标", "茶农满意度", "≥90%")]
    path = tmp_path / f"t{suffix}"
    if suffix == ".xls":
        import xlwt

        book = xlwt.Workbook()
        sheet = book.add_sheet("表")
        styles = [xlwt.easyxf(num_format_str='yyyy"年"m"月"'), xlwt.easyxf(num_format_str='yyyy"年"m"月"d"日"')]
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if isinstance(v, dt.datetime):
                    sheet.write(r, c, v, styles[r - 2])
                elif v is not None:
                    sheet.write(r, c, v)
        book.save(str(path))
    else:
        import openpyxl

        book = openpyxl.Workbook()
        ws = book.active
        for r, row in enumerate(rows, 1):
            for c, v in enumerate(row, 1):
                cell = ws.cell(r, c, v)
                if isinstance(v, dt.datetime):
                    cell.number_format = 'yyyy"年"m"月"' if r == 3 else 'yyyy"年"m"月"d"日"'
        book.save(path)
    draft = import_file(path).draft
    assert _rows(draft)[:2] == [("项目完工时间", "2025年11月"), ("验收日期", "2025年12月15日")]


def test_mid_term_and_annual_value_groups_each_with_its_own_unit_column(tmp_path):
    """青海 prints 中期指标值 and 年度指标值 side by side, each over 指标值 | 计量单位: rows came out doubled,
    units as values and values as names."""
    text = ("项目名称 | 草原生态保护补助奖励\n"
            "一级指标 | 二级指标 | 三级指标 | 中期指标值 | | 年度指标值 |\n"
            " | | | 指标值 | 计量单位 | 指标值 | 计量单位\n"
            "产出指标 | 数量指标 | 草原禁牧面积 | ≥580 | 万亩 | ≥580 | 万亩\n"
            "产出指标 | 数量指标 | 享受补奖政策牧户数 | ≥7800 | 户 | ≥7800 | \n"
            "产出指标 | 时效指标 | 兑付到户时间 | 每年12月底前 | | 2025年12月31日前 | \n"
            "满意度指标 | 服务对象满意度指标 | 牧户满意度 | ≥90 | % | ≥90 | %\n")
    draft = _import_text(tmp_path, text)
    assert _rows(draft) == [("草原禁牧面积", "≥580万亩"), ("享受补奖政策牧户数", "≥7800"),
                            ("兑付到户时间", "2025年12月31日前"), ("牧户满意度", "≥90%")]
    assert [i.note for i in draft.projects[0].indicators][:2] == ["中期指标值：≥580万亩", "中期指标值：≥7800户"]


def test_money_facts_glued_in_the_cell_beside_their_label(tmp_path):
    """安徽: 项目资金（万元） | 年度资金总额：68.00　其中：财政拨款 68.00　其他资金 0.00 (one cell)."""
    text = ("项目名称 | 农家书屋出版物补充更新\n"
            "项目资金（万元） | 年度资金总额：215.00\u3000其中：财政拨款 180.00\u3000其他资金 35.00\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值\n产出指标 | 数量指标 | 补充更新书屋数量 | ≥136个\n")
    b = _import_text(tmp_path, text).projects[0].budget
    assert (b.total, b.fiscal, b.other) == (2_150_000, 1_800_000, 350_000)



def test_a_department_table_is_read_into_the_department(tmp_path):
    """A 部门整体支出绩效目标表 was read as a project named 部门整体: the checker then judged its 履职效能 /
    管理效率 rows against a project's tree (PD201 on every row). Its rows, goal and budget are the department's."""
    text = ("2024年部门整体支出绩效目标表\n部门名称 | 某县市场监督管理局\n年度预算（万元） | 1,256.00\n"
            "年度总体目标 | 全年完成食品安全抽检2800批次以上。\n一级指标 | 二级指标 | 三级指标 | 指标值\n"
            "履职效能 | 市场监管 | 食品安全抽检批次 | ≥2800批次\n管理效率 | 预算管理 | 预算执行率 | ≥95%\n")
    result = import_file(_write(tmp_path, text))
    d = result.draft
    assert not d.projects and [i.name for i in d.department.indicators] == ["食品安全抽检批次", "预算执行率"]
    assert d.department.overall_goal and "2800批次" in d.department.overall_goal
    assert any("部门整体" in line for line in result.repairs)
    from perfdraft import checks
    assert not [f for f in checks.check_draft(d) if f.code == "PD201"]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_table_no_profile_matched_gets_the_profile_its_columns_allow(tmp_path):
    """With no profile, a draft was read as 河北 2020: every imported table without 描述/依据 columns then
    drew PD212 and PD215 (and the assistant asked for both)."""
    result = import_file(source_file("pe_03_jiangsu_2023_nongtian-nongji.txt", tmp_path, PROBE))
    assert result.draft.profile == "local-2015"
    from perfdraft import checks
    assert not [f for f in checks.check_draft(result.draft) if f.code in ("PD212", "PD215")]
