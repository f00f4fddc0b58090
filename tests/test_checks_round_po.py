"""Round po: eight tables typed and keyed by a reviewer who never saw the checker (first measure 8/8
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
