"""A newcomer at 80×24, round 4 (black box): what it found in the engine and the import, one test each."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from perfdraft.conversation import Conversation
from perfdraft.importers import import_file
from perfdraft.model import Budget, Department, Draft, Indicator, Project


def test_a_row_to_confirm_follows_its_row_and_leaves_with_a_row_cut_off():
    # corpus 01: its last row, cut off by the end of the excerpt, was dropped while its "to confirm" entry
    # stayed, pointing past the last row: the walk asked nothing
    from .corpus_scoring import CORPUS as corpus
    from .corpus_scoring import corpus_text

    source = "01_anhui_luan_2024_nongchanpin-zhijian.txt"
    draft = import_file_text(corpus_text(source, corpus))
    project = draft.projects[0]
    assert all(int(e.split("[")[1].split("]")[0]) < len(project.indicators)
               for e in project.confirm if e.startswith("indicators["))
    assert project.budget.fiscal == project.budget.total  # (the 中期 column's 财政拨款 had been taken)


def import_file_text(text: str) -> Draft:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.txt"
        path.write_text(text, encoding="utf-8")
        return import_file(path).draft


def test_a_budget_part_taken_from_the_medium_term_column_gives_way_to_the_years(tmp_path: Path):
    # 中期资金总额 68.50 | 年度资金总额 51.35 over 其中:财政拨款 68.50 | 其中:财政拨款 51.35
    path = tmp_path / "two-columns.txt"
    path.write_text("项目名称 | 农产品质量安全检测 |\n中期资金总额: | 68.50 | 年度资金总额: | 51.35 |\n"
                    "其中:财政拨款 | 68.50 | 其中:财政拨款 | 51.35 |\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
                    "产出指标 | 数量指标 | 检测农产品样品 | ≥600批次 |\n", encoding="utf-8")
    budget = import_file(path).draft.projects[0].budget
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
