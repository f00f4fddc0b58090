"""Tables whose levels only their framework explains (frameworks.py): the 发改 中央预算内投资 table puts
产出/效益/满意度 as 二级 under 实施效果 and 计划/资金/项目/监督管理 under 过程管理. Tables made here."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from perfdraft import frameworks
from perfdraft.importers import import_file

ROWS = [
    ("实施效果", "产出指标", "新建污水管网长度", "≥12公里"),
    ("", "", "建设提升泵站数量", "2座"),
    ("", "效益指标", "污水收集率提高", "≥15个百分点"),
    ("", "满意度指标", "沿线居民满意度", "≥90%"),
    ("过程管理", "计划管理", "开工及时率", "100%"),
    ("", "资金管理", "中央预算内投资到位率", "100%"),
    ("", "项目管理", "项目法人责任制落实", "落实"),
    ("", "监督管理", "监督检查次数", "≥2次"),
]
WANT = [("实施效果", "产出"), ("实施效果", "产出"), ("实施效果", "效益"), ("实施效果", "满意度"),
        ("过程管理", "计划管理"), ("过程管理", "资金管理"), ("过程管理", "项目管理"), ("过程管理", "监督管理")]
HEAD = [("项目名称", "县城污水管网改造工程"), ("主管部门", "某县发展和改革局"), ("项目单位", "某县住房和城乡建设局"),
        ("项目总投资（万元）", "5600"), ("本年度下达投资（万元）", "1800")]
GRID = ("一级指标", "二级指标", "三级指标", "指标值")
TITLE = ["中央预算内投资项目绩效目标表", "（2024年度）"]


def _layout(kind: str) -> str:
    if kind == "pipes":
        return "\n".join(TITLE + [f"| {a} | {b} |" for a, b in HEAD] + ["| " + " | ".join(GRID) + " |"]
                         + ["| " + " | ".join(r) + " |" for r in ROWS])
    if kind == "tabs":
        return "\n".join(TITLE + ["\t".join(r) for r in [*HEAD, GRID, *ROWS]])
    if kind == "spaces":
        return "\n".join(TITLE + [" ".join(x for x in r if x) for r in [*HEAD, GRID, *ROWS]])
    cells = [c for r in [*HEAD, GRID, *ROWS] for c in r if c]  # one cell per line, closed by '|'
    return "\n".join(TITLE + [c + " |" for c in cells])


def _check(draft) -> None:
    assert draft.profile == "ndrc-investment" and draft.framework == "ndrc-investment"
    assert len(draft.projects) == 1
    p = draft.projects[0]
    fw = frameworks.get(draft.framework)
    assert [(i.name, i.value) for i in p.indicators] == [(r[2], r[3]) for r in ROWS]
    assert [frameworks.canonical_levels(i.level1, i.level2, fw) for i in p.indicators] == WANT
    assert p.budget.total == Decimal(18_000_000)
    assert p.total_amount == Decimal(56_000_000)


@pytest.mark.parametrize("kind", ["pipes", "tabs", "spaces", "cells"])
def test_ndrc_levels_and_budget_in_text_layouts(tmp_path, kind):
    path = tmp_path / f"ndrc-{kind}.txt"
    path.write_text(_layout(kind), encoding="utf-8")
    draft = import_file(path).draft
    _check(draft)
    assert draft.year == 2024


def test_ndrc_table_from_xlsx(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [[t] for t in TITLE] + [list(r) for r in [*HEAD, GRID, *ROWS]]:
        ws.append([c or None for c in row])
    path = tmp_path / "ndrc.xlsx"
    wb.save(path)
    _check(import_file(path).draft)


def test_project_funds_in_yuan_are_not_converted(tmp_path):
    """项目资金（元） says its unit: 85,000 stays 85,000 元 (a bare small amount would be taken as 万元)."""
    text = "\n".join(TITLE + ["| 项目名称 | 村道维修 |", "| 项目资金（元） | 85,000 |", "| " + " | ".join(GRID) + " |"]
                     + ["| " + " | ".join(r) + " |" for r in ROWS[:4]])
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    p = import_file(tmp_path / "t.txt").draft.projects[0]
    assert p.budget.total == Decimal(85_000) and "budget" not in p.confirm


def test_local_tables_keep_their_levels(tmp_path):
    """Without 实施效果 / 过程管理 the same words are 一级 again (local-2015)."""
    rows = [("产出指标", "数量指标", "培训人次", "≥280人次"), ("效益指标", "社会效益指标", "就业率", "≥80%"),
            ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%")]
    text = "\n".join(["| " + " | ".join(GRID) + " |"] + ["| " + " | ".join(r) + " |" for r in rows])
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    d = import_file(tmp_path / "t.txt").draft
    fw = frameworks.get(d.framework)
    assert d.framework == "local-2015"
    assert [frameworks.canonical_levels(i.level1, i.level2, fw)[0] for i in d.projects[0].indicators] == \
        ["产出", "效益", "满意度"]


def _pipes(title: list[str], head: list[tuple[str, ...]], rows: list[tuple[str, ...]], tail: list[str]) -> str:
    return "\n".join(title + ["| " + " | ".join(r) + " |" for r in [*head, GRID, *rows]] + tail)


CENTRAL = [("成本指标", "经济成本指标", "项目总成本", "≤186.5万元"), ("产出指标", "数量指标", "完成监测点位", "≥40个"),
           ("", "质量指标", "监测数据有效率", "≥95%"), ("效益指标", "社会效益指标", "信息公开率", "100%"),
           ("满意度指标", "服务对象满意度指标", "公众满意度", "≥90%")]
SIGN = ["填报人：王某 联系电话：0000-1234567", "填报日期：2024年12月20日"]


@pytest.mark.parametrize("sep", [" ", "\t", "|"])
def test_cost_block_first_is_central_2021(tmp_path, sep):
    """成本指标 then 经济成本指标 with no row between: 成本 is the 一级 (central-2021), whatever the layout;
    the title's year is read though spaces split it, and sign-off lines are not rows."""
    head = [("项目名称", "大气环境监测运维"), ("年度资金总额（万元）", "186.5")]
    lines = ["2025 年度项目支出绩效目标表"]
    for r in [*head, GRID, *CENTRAL]:
        cells = [c for c in r if c] if sep == " " else list(r)
        lines.append(f"| {' | '.join(cells)} |" if sep == "|" else sep.join(cells))
    (tmp_path / "t.txt").write_text("\n".join(lines + SIGN), encoding="utf-8")
    d = import_file(tmp_path / "t.txt").draft
    fw = frameworks.get(d.framework)
    assert d.framework == "central-2021" and d.profile == "central-2021" and d.year == 2025
    p = d.projects[0]
    assert [i.name for i in p.indicators] == [r[2] for r in CENTRAL]
    assert [frameworks.canonical_levels(i.level1, i.level2, fw)[0] for i in p.indicators] == \
        ["成本", "产出", "产出", "效益", "满意度"]
    assert p.budget.total == Decimal(1_865_000)


def test_satisfaction_under_benefit_is_the_2013_framework(tmp_path):
    rows = [("产出指标", "数量指标", "完成监测点位", "≥40个"), ("效益指标", "社会效益指标", "信息公开率", "100%"),
            ("", "服务对象满意度指标", "公众满意度", "≥90%")]
    (tmp_path / "t.txt").write_text(_pipes(["项目支出绩效目标表", "预算年度：2023"], [], rows, []), encoding="utf-8")
    d = import_file(tmp_path / "t.txt").draft
    assert d.profile == "hubei-2013" and d.year == 2023
    fw = frameworks.get(d.framework)
    assert frameworks.canonical_levels(d.projects[0].indicators[2].level1, d.projects[0].indicators[2].level2, fw) \
        == ("效益", "服务对象满意度")
