"""Round qn: eight ordinary tables keyed by a reviewer who never saw the checker (2/2 errors, 23/25 defects,
2/91 clean rows alarmed when first measured): video channels counted in 路, a grade measured by a standard
cited by its code, a count of 起 in the goal, the target typed at the end of the name too."""

from perfdraft import checks, values

from .test_checks_rules import codes, draft, project, row


def test_channels_in_lu_and_a_grade_by_a_standards_code():
    assert "PD110" not in codes(row(name="公共安全视频监控点位运维", value="≥4600路"))
    assert isinstance(values.parse("4级及以上（按GB 50198—2011五级损伤制评定）"), values.Qualitative)


def test_a_count_of_cases_in_the_goal_names_the_row_that_differs():
    rows = [row("效益指标", "社会效益指标", "视频监控协助破获案件", "≥150起")]
    d = draft([project(rows, goal="视频监控协助破获各类案件300起以上，群众安全感有效提升。")])
    assert "projects[0].indicators[0].value" in [f.path for f in checks.check_draft(d) if f.code == "PD303"]


def test_the_target_typed_at_the_end_of_the_name_too():
    found = {f.code: f for f in checks.check_draft(draft([project([
        row(name="培训特殊教育教师及资源教师300人次", value="≥300人次")])]))}
    assert found["PD211"].fix == "培训特殊教育教师及资源教师"
    assert "PD211" not in codes(row(name="培训特殊教育教师", value="≥300人次"))
