"""Rounds po and qb: tables typed and keyed by reviewers who never saw the checker (po first measured 8/8
errors, 24/24 defects, 3/100 clean rows alarmed)."""

from decimal import Decimal

from perfdraft.model import Budget
from perfdraft.values import Quantity, parse

from .test_checks_round_ps import _found
from .test_checks_rules import codes, draft, full_grid, project, row


def test_a_time_limit_counted_from_a_one_character_event_is_a_limit():
    assert parse("灾后24小时内") == Quantity("≤", Decimal(24), "小时")
    assert parse("报警后15分钟内") == Quantity("≤", Decimal(15), "分钟")
    assert "PD101" not in codes(row("产出指标", "时效指标", "受灾群众基本生活救助时间", "灾后24小时内"))
    assert parse("后24小时内").reason == "syntax"  # no event named: still text before the number


def test_money_a_benefit_row_counts_is_no_share_of_the_budget():
    p = project([*full_grid()], budget=Budget(Decimal(18_500_000), Decimal(18_500_000), Decimal(0)))
    leveraged = row("效益指标", "经济效益指标", "带动农民和农业生产经营组织购机投入", "≥4300万元")
    assert "PD221" not in codes(leveraged, project=p)
    # the project's own money far above its budget is still said
    assert "PD221" in codes(row("产出指标", "成本指标", "补贴资金投入", "≤4300万元"), project=p)


def test_a_count_listed_with_others_of_its_kind_is_a_part_of_the_rows_whole():
    rows = [row(name="免费开放公共文化场馆", value="=21个"), *full_grid()[1:]]
    listed = "全县1个公共图书馆、1个文化馆和19个镇（街道）综合文化站全部免费开放"
    assert not [c for c, _ in _found(draft([project(rows, goal=listed)])) if c == "PD303"]
    uncounted = "保障县图书馆、县文化馆和19个镇（街道）综合文化站免费开放"
    assert not [c for c, _ in _found(draft([project(rows, purpose=uncounted)])) if c == "PD303"]
    # a count of its own that the row contradicts is still said
    alone = "全县19个综合文化站全部免费开放"
    assert [c for c, _ in _found(draft([project(rows, goal=alone)])) if c == "PD303"]


# Round qb: eight more tables (first measure 2/2 errors, 20/24 defects, 3/100 clean rows alarmed).

def test_a_load_per_person_under_quality_is_a_standard_not_a_count():
    assert "PD223" not in codes(row("产出指标", "质量指标", "每名家庭医生签约服务人数", "≤2000人"))
    assert "PD223" in codes(row("产出指标", "质量指标", "家庭医生签约服务人数", "≥2000人"))


def test_a_price_held_to_last_years_level_is_a_yardstick():
    assert parse("不高于2021年核定票价").scale == parse("不低于国家标准").scale
    assert not {"PD110", "PD225"} & codes(row("效益指标", "社会效益指标", "城乡客运票价", "不高于2021年核定票价"), year=2022)


def test_instruments_counted_in_tai_jian():
    assert "PD110" not in codes(row(name="强制检定计量器具", value="≥6500台件"))


def test_met_standard_must_say_which_standard():
    assert "PD108" in codes(row("产出指标", "质量指标", "强制检定计量器具检定质量", "达标"))
    assert "PD108" not in codes(row("产出指标", "质量指标", "新建文化礼堂建设标准达标情况", "达标"))


def test_a_routes_count_in_the_goal_is_compared_with_its_row():
    rows = [row(name="保障农村客运班线正常运营", value="≥162条"), *full_grid()[1:]]
    found = _found(draft([project(rows, goal="保障126条农村客运班线正常运营")]))
    assert ("PD303", "projects[0].indicators[0].value") in found


def test_an_annual_row_carrying_the_whole_periods_figure():
    rows = [row(name="改造老旧小区数量", value="≥24个"), *full_grid()[1:]]
    p = project(rows, goal="2024年完成第一批11个城镇老旧小区改造", overall_goal="2024年—2025年改造24个城镇老旧小区")
    assert ("PD303", "projects[0].indicators[0].value") in _found(draft([p]))
    same = project(rows, goal="2024年完成11个城镇老旧小区改造", overall_goal="2024年—2025年改造35个城镇老旧小区")
    assert ("PD303", "projects[0].indicators[0].value") not in _found(draft([same]))
