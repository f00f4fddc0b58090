"""Round ql: eight tables keyed by a reviewer who never saw the checker (5/5 errors, 29/31 defects, 5/102
clean rows alarmed when first measured). What the rules did not know: tents counted in 顶, a machine's
功率 that is no rate, 培训后就业率 as the training's quality, two screenings of the same births with one
count, a time window after an event, a cap over twice the budget beside another standard."""

import pytest

from perfdraft import checks, values

from .test_checks_rules import codes, draft, project, row


def test_tents_are_counted_in_ding_and_a_machines_power_is_no_rate():
    assert not codes(row(name="采购救灾帐篷", value="≥200顶")) & {"PD110", "PD205"}
    assert "PD205" not in codes(row(name="采购应急发电机组总功率", value="≥300千瓦"))
    assert "PD205" in codes(row(level2="质量指标", name="救灾物资质量抽检合格率", value="≥300千瓦"))


def test_employment_after_training_is_the_trainings_quality():
    assert "PD217" not in codes(row(level2="质量指标", name="培训后就业率", value="≥60%"))
    assert "PD217" in codes(row(level2="质量指标", name="农村劳动力就业率", value="≥60%"))


def test_two_screenings_of_the_same_births_may_share_their_count():
    rows = [row(name="新生儿遗传代谢性疾病筛查", value="≥4400例"), row(name="新生儿听力筛查", value="≥4400例"),
            row(name="新生儿听力筛查人数", value="≥4400例")]
    found = [f.path for f in checks.check_draft(draft([project(rows)])) if f.code == "PD315"]
    assert set(found) == {"projects[0].indicators[2]"}  # the same screening renamed still is


@pytest.mark.parametrize(("text", "limit"), [("出生后72小时—7天内", "≤7天"), ("收到资金后15个工作日内", "≤15个工作日")])
def test_a_time_window_after_an_event_is_a_time_limit_by_its_later_end(text, limit):
    assert values.parse(text) == values.parse(limit)
    assert "PD101" not in codes(row(level2="时效指标", name="足跟血采集时间", value=text))


def test_a_cap_over_twice_the_budget_is_found_beside_another_standard():
    from decimal import Decimal

    from perfdraft.model import Budget

    rows = [row(name="新建旅游厕所", value="≥12座"), row(name="改扩建旅游厕所", value="≥15座"),
            row(level2="成本指标", name="新建旅游厕所补助标准", value="≤20万元/座"),
            row(level2="成本指标", name="改扩建旅游厕所补助标准", value="≤60万元/座")]
    p = project(rows, budget=Budget(Decimal(3_300_000), Decimal(3_300_000), Decimal(0)))
    found = [f.path for f in checks.check_draft(draft([p])) if f.code == "PD311"]
    assert found == ["projects[0].indicators[3].value"]
