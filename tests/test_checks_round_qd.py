"""Round qd: eight tables keyed by a reviewer who never saw the checker (7/7 errors, 28/31 defects, 1/82
clean rows alarmed when first measured). What no rule read: full marks on a missed target in a 自评表, a
department's 总体目标 against its rows, a count in the text that is a row's figure with its digits swapped."""

from decimal import Decimal

import pytest

from perfdraft import checks
from perfdraft.model import Budget, Department, Draft

from .test_checks_rules import codes, draft, project, row


def scored(value: str, actual: str, weight: int, score: float, note: str | None = None):
    if value.startswith("≤"):
        return row(level2="质量指标", name="演出安全事故发生率", value=value, actual=actual, weight=Decimal(weight),
                   score=Decimal(str(score)), note=note)
    return row(name="文化下乡送戏演出", value=value, actual=actual, weight=Decimal(weight),
               score=Decimal(str(score)), note=note)


@pytest.mark.parametrize(("value", "actual"), [("≥60场次", "52场次"), ("≤2%", "3.5%"), ("=100%", "98%"),
                                               ("≥60场次", "52")])  # an actual written without its unit
def test_full_marks_on_a_missed_target_are_warned_of(value, actual):
    assert "PD238" in codes(scored(value, actual, 8, 8), "self-evaluation")


@pytest.mark.parametrize(("value", "actual", "score"), [
    ("≥60场次", "64场次", 8),  # met
    ("≥60场次", "52场次", 6.9),  # missed and marked down
    ("=2个", "3个", 8),  # over-achieved
    ("≥60场次", "52万元", 8),  # another unit: not comparable
    ("2021年9月30日前", "9月15日", 8),  # a date: not judged
    ("≥3636场次", "41场次", 8),  # the target itself is mistyped (PD106 says so): no yardstick
])
def test_a_met_or_marked_down_or_incomparable_row_is_not(value, actual, score):
    assert "PD238" not in codes(scored(value, actual, 8, score), "self-evaluation")


def test_a_score_above_its_weight_is_an_error_and_a_target_table_has_no_score_rules():
    assert "PD237" in codes(scored("≥60场次", "64场次", 10, 12), "self-evaluation")
    assert not codes(scored("≥60场次", "52场次", 8, 8), "local-2015") & {"PD237", "PD238"}  # no 得分 column


def _pd303(findings) -> list[tuple[str, str]]:
    return [(f.path, f.message) for f in findings if f.code == "PD303"]


def test_a_departments_overall_goal_is_read_against_its_rows_and_a_time_limit_is_no_count():
    goal = ("保障特困人员1580人基本生活；实施临时救助2100人次以上，审批在10个工作日内完成；"
            "新建城乡社区日间照料中心8个。")
    rows = [row(name="特困人员救助供养", value="≥1850人"), row(name="实施临时救助", value="≥2100人次"),
            row(name="新建社区日间照料中心", value="=8个"), row(level2="时效指标", name="临时救助审批时限", value="≤10个工作日")]
    d = Draft(year=2020, department=Department(name="某县民政局", overall_goal=goal, indicators=rows))
    found = _pd303(checks.check_draft(d))
    # the count whose digits the row has in another order is that row's; 10个工作日 is a time, no count of 个
    assert found == [("department.indicators[0].value", "绩效目标中的 1580人 与指标值（1850人）不一致")]


def test_swapped_digits_name_the_row_in_a_project_too_and_only_one_row():
    goal = "为1580名困难群众发放救助金，发放准确率100%。"
    one = project([row(name="补助对象", value="≥1850人"), row(name="培训人次", value="≥300人")], goal=goal,
                  budget=Budget(Decimal(1_000_000), Decimal(1_000_000), Decimal(0)))
    assert [p for p, _ in _pd303(checks.check_draft(draft([one])))] == ["projects[0].indicators[0].value"]
    two = project([row(name="补助对象", value="≥1850人"), row(name="培训人次", value="≥5180人")], goal=goal)
    assert [p for p, _ in _pd303(checks.check_draft(draft([two])))] == ["projects[0].goal"]  # which one? the goal's


@pytest.mark.parametrize("value", ["收到申请之日起7日内", "自受理之日起15个工作日内"])
def test_round_qh_a_time_limit_counted_from_a_day_is_a_limit_not_words_before_a_number(value):
    # round qh (8 ordinary tables; first 1/1 errors, 12/13 defects, 1/102 clean rows alarmed): PD101 refused it
    assert "PD101" not in codes(row(level2="时效指标", name="法律援助申请审查时限", value=value))
