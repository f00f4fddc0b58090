"""A newcomer at 80×24, round 4 (black box): what it found in the engine and the import, one test each."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from perfdraft.conversation import Conversation
from perfdraft.model import Budget, Department, Draft, Indicator, Project

from .conftest import imported_text


def test_a_row_to_confirm_follows_its_row_and_leaves_with_a_row_cut_off(tmp_path: Path):
    # corpus 01: its last row, cut off by the end of the excerpt, was dropped while its "to confirm" entry
    # stayed, pointing past the last row: the walk asked nothing
    from .corpus_scoring import CORPUS as corpus
    from .corpus_scoring import corpus_text

    source = "01_anhui_luan_2024_nongchanpin-zhijian.txt"
    draft = imported_text(tmp_path, "t.txt", corpus_text(source, corpus))
    project = draft.projects[0]
    assert all(int(e.split("[")[1].split("]")[0]) < len(project.indicators)
               for e in project.confirm if e.startswith("indicators["))
    assert project.budget.fiscal == project.budget.total  # (the 中期 column's 财政拨款 had been taken)


def test_a_budget_part_taken_from_the_medium_term_column_gives_way_to_the_years(tmp_path: Path):
    # 中期资金总额 68.50 | 年度资金总额 51.35 over 其中:财政拨款 68.50 | 其中:财政拨款 51.35
    draft = imported_text(tmp_path, "two-columns.txt", "项目名称 | 农产品质量安全检测 |\n中期资金总额: | 68.50 | 年度资金总额: | 51.35 |\n"
                                                       "其中:财政拨款 | 68.50 | 其中:财政拨款 | 51.35 |\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
                                                       "产出指标 | 数量指标 | 检测农产品样品 | ≥600批次 |\n")
    budget = draft.projects[0].budget
    assert (budget.total, budget.fiscal) == (Decimal("513500.00"), Decimal("513500.00"))


def _walk(draft: Draft) -> list[str]:
    conv = Conversation(draft, only_unsettled=True)
    steps = []
    for _ in range(40):
        if conv.finished:
            break
        p = conv.prompt()
        steps.append(p.step)
        if not conv.answer("").ok:
            steps.append("refused:" + p.step)
            break
    return steps


def test_budget_parts_that_do_not_add_up_are_each_asked_again():
    rows = [Indicator("产出指标", "数量指标", "检测农产品样品", value="≥600批次")]
    p = Project(name="农产品质量安全检测", goal="检测样品600批次", indicators=rows,
                budget=Budget(Decimal(513500), Decimal(685000), Decimal(0)))
    steps = _walk(Draft(year=2024, department=Department(name="某县农业农村局"), projects=[p]))
    assert "project.budget.fiscal" in steps


def test_an_existing_projects_name_question_does_not_offer_enter_to_stop_adding_projects():
    p = Project(name=None, indicators=[Indicator("产出指标", "数量指标", "检测样品", value="≥600批次")])
    conv = Conversation(Draft(year=2024, department=Department(name="某县农业农村局"), projects=[p]), only_unsettled=True)
    while conv.prompt().step != "project.name":
        assert conv.answer("").ok
    question = conv.prompt().question
    assert "直接回车结束添加项目" not in question
    reply = conv.answer("")
    assert not reply.ok and "要结束添加项目请直接回车" not in reply.messages[-1].text


def _codes(**kw) -> dict[str, object]:
    from perfdraft import checks
    from perfdraft.checks.context import context

    ind = Indicator(kw.pop("level1", "产出指标"), kw.pop("level2", "数量指标"), kw.pop("name"), value=kw.pop("value"))
    return {f.code: f for f in checks.check_indicator(ind, "local-2015", "", None, ctx=context("local-2015", "local-2015", 2024))}


def test_a_value_of_wuguan_is_found_on_the_value_as_it_is_typed():
    found = _codes(name="新建改造供水管网长度", value="无关")
    assert found["PD227"].path == "value"  # the live check shows it, and a jump from the list lands on the value
    assert _codes(name="不适用的旧指标", value="≥10公里")["PD227"].path == "name"


def test_jump_to_a_rows_value_by_its_label():
    import shutil
    import tempfile

    from perfdraft.conversation import open_session
    from perfdraft.slash_commands import jump_target

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "d.toml"
        shutil.copy(Path(__file__).parent / "fixtures" / "seed-shunping-2020-fixed.toml", path)
        conv, lock = open_session(path)
        try:
            assert jump_target(conv, "第 2 条 指标值").field == "value"  # type: ignore[union-attr]
            assert jump_target(conv, "第 2 条 指标名称").field == "name"  # type: ignore[union-attr]
            assert jump_target(conv, "第 2 条指标").field == "value"  # type: ignore[union-attr]
        finally:
            lock.release()


def test_the_checks_advice_fits_the_row():
    # a count under 成本 is misfiled, not a cost to cap (≥12座 had been "fixed" to ≤12座)
    assert set(_codes(level2="成本指标", name="改造水厂数量", value="≥12座")) == {"PD223"}
    # ≥100% on a name that is no rate: PD224 says so, without asking for =100% first
    assert "PD112" not in _codes(name="配套水质净化消毒设备台套数", value="≥100%")
    # a time limit under a rate's name: no "≤7%"
    found = _codes(level2="时效指标", name="检测及时率", value="≤7工作日")["PD205"]
    assert found.fix is None and "时限" in found.message  # type: ignore[attr-defined]


def test_the_demo_says_it_is_a_demo_in_the_line_mode_and_when_it_exports():
    from perfdraft.conversation import open_session
    from perfdraft.line import demo_banner
    from perfdraft.locations import demo_copy
    from perfdraft.slash_commands import cmd_export

    conv, lock = open_session(demo_copy())
    try:
        banner = demo_banner(conv)
        assert banner is not None and "临时副本" in banner and "个错误" in banner
        said = cmd_export(conv, "csv")[0].text
        assert "退出后连同导出的文件一起删除" in said
    finally:
        lock.release()


def test_a_draft_of_ones_own_gets_no_demo_banner(tmp_path: Path):
    import shutil

    from perfdraft.conversation import open_session
    from perfdraft.line import demo_banner

    path = tmp_path / "d.toml"
    shutil.copy(Path(__file__).parent / "fixtures" / "seed-shunping-2020-fixed.toml", path)
    conv, lock = open_session(path)
    try:
        assert demo_banner(conv) is None
    finally:
        lock.release()


def _seed_session(tmp_path: Path):
    import shutil

    from perfdraft.conversation import open_session

    path = tmp_path / "d.toml"
    shutil.copy(Path(__file__).parent / "fixtures" / "seed-shunping-2020-fixed.toml", path)
    return open_session(path)


def test_a_fix_of_a_projects_name_from_the_check_goes_back_to_the_check(tmp_path: Path):
    # PD316 (a year in the name) → the name → fixed: the walk had gone on to the template and every question
    conv, lock = _seed_session(tmp_path)
    try:
        conv.answer("/jump 项目 1")
        while conv.prompt().step != "project.review":
            assert conv.answer("").ok
        conv.answer("/jump projects[0].name")
        assert conv.prompt().step == "project.name"
        conv.answer("城乡居民基本养老保险补助资金")
        assert conv.prompt().step == "project.review"
        conv.answer("/jump 项目 1")  # going to a project is moving on, not a detour
        assert conv.prompt().step == "project.name" and conv.return_to is None
    finally:
        lock.release()


def test_a_fix_from_the_whole_drafts_check_goes_back_to_it(tmp_path: Path):
    conv, lock = _seed_session(tmp_path)
    try:
        conv.answer("/jump 全稿检查")
        assert conv.prompt().step == "draft.review"
        conv.return_to = None  # as the findings view does before it jumps: a detour from here
        conv.answer("/jump projects[0].goal")
        conv.answer("")
        assert conv.prompt().step == "draft.review"
    finally:
        lock.release()


def test_an_imported_amount_is_kept_to_the_fen(tmp_path: Path):
    draft = imported_text(tmp_path, "wan.txt", "项目名称\t乡村振兴绿化美化\n年度资金总额（万元）\t153.5184\n一级指标\t二级指标\t三级指标\t指标值\n"
                                               "产出指标\t数量指标\t绿化美化公路\t=3500米\n")
    total = draft.projects[0].budget.total
    assert str(total) == "1535184.00"
