"""Round qk: eight tables keyed by a reviewer who never saw the checker (6/6 errors, 26/32 defects, 5/95
clean rows alarmed when first measured). What the rules did not know: transport's 车公里, a unit counted in
one thing or another after a slash (元/台（套）), a grade with the standard it is measured by, a weight
column added up under a profile without one, 错评漏评率, counts of 株 and 吨 in the goal, paying out the
money filed as a benefit."""

from decimal import Decimal

import pytest

from perfdraft import checks, values

from .test_checks_rules import codes, draft, full_grid, project, row


@pytest.mark.parametrize(("name", "value"), [("全年运营里程", "≥1300万车公里"), ("车公里运营补贴标准", "≤2.6元/车公里"),
                                             ("专用机具改装购置补助", "≤3万元/台（套）")])
def test_a_transport_unit_and_a_unit_of_either_kind_per_thing_are_known(name, value):
    level2 = "成本指标" if "补" in name else "数量指标"
    assert not codes(row(level2=level2, name=name, value=value)) & {"PD101", "PD110", "PD205"}


@pytest.mark.parametrize("value", ["达到合格等级（按《数字电影流动放映系统技术要求和测量方法》检测）",
                                   "达到二级养护标准及以上（按《古树名木日常养护管理规范》评定）", "达到合格等级"])
def test_a_grade_with_the_standard_it_is_measured_by_is_a_value(value):
    assert isinstance(values.parse(value), values.Qualitative)
    assert "PD101" not in codes(row(level2="质量指标", name="放映设备技术质量", value=value))


def test_a_vague_word_does_not_become_a_value_by_citing_a_standard():
    assert not isinstance(values.parse("明显提升（按《城市道路养护技术规范》）"), values.Qualitative)


def _weights(rows_weights, profile="local-2015"):
    rows = full_grid()
    for ind, w in zip(rows, rows_weights, strict=False):
        ind.weight = Decimal(w) if w is not None else None
    d = draft([project(rows)], profile=profile)
    return [f for f in checks.check_draft(d) if f.code == "PD324"]


def test_a_weight_column_printed_on_every_row_is_added_up_whatever_the_profile():
    n = len(full_grid())
    weights = [10] * (n - 1) + [100 - 10 * (n - 1) - 5]  # 95 in all
    assert _weights(weights)
    assert not _weights([10] * (n - 1) + [100 - 10 * (n - 1)])  # 100
    assert not _weights([10] + [None] * (n - 1))  # one stray weight under a profile without the column


@pytest.mark.parametrize("name", ["资助对象错评漏评率", "样本漏检率", "门诊误诊率"])
def test_an_error_rate_aimed_upwards_is_warned_of(name):
    assert "PD208" in codes(row(level2="质量指标", name=name, value="≥1%"))
    assert "PD208" not in codes(row(level2="质量指标", name=name, value="≤1%"))


def test_a_correction_rate_is_no_error_rate():
    assert "PD208" not in codes(row(level2="质量指标", name="问题纠错率", value="≥95%"))


def _pd303_paths(goal: str, rows) -> list[str]:
    d = draft([project(rows, goal=goal)])
    return [f.path for f in checks.check_draft(d) if f.code == "PD303"]


def test_a_count_of_trees_or_tonnes_in_the_goal_names_the_row_that_differs():
    rows = [row(name="衰弱、濒危古树复壮", value="≥210株"), row(name="古树名木日常养护", value="≥1856株"),
            row("效益指标", "经济效益指标", "新增大豆产量", "≥500吨")]
    goal = "对全区在册1856株古树名木开展日常养护，完成120株衰弱、濒危古树复壮；新增大豆产量5000吨以上。"
    paths = _pd303_paths(goal, rows)
    assert "projects[0].indicators[0].value" in paths and "projects[0].indicators[2].value" in paths
    assert "projects[0].indicators[1].value" not in paths


def test_paying_out_the_money_is_no_social_benefit():
    found = codes(row("效益指标", "社会效益指标", "补贴资金兑付率", "=100%"))
    assert "PD218" in found
    assert "PD218" not in codes(row("效益指标", "社会效益指标", "困难群众救助覆盖率", "≥95%"))
