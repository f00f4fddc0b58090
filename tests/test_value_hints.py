"""A newcomer at 80×24 followed the hints: 5万元 typed for ≥□万亩 drew 是否应为 =5亩 (ten thousand times too
small, the ≥ lost); 15 typed over ≥20公里 was refused for its unit; a clone offered last year's ≥095% as
the suggestion."""

from perfdraft import drafts
from perfdraft.clone import clone_draft
from perfdraft.conversation import Conversation
from perfdraft.model import Indicator, Project
from perfdraft.step_context import StepContext
from perfdraft.value_hints import bare_number_in_form, row_form, typed_value

from .conftest import SEED


def _ctx() -> StepContext:
    d = drafts.new_draft(2026)
    d.projects.append(Project(name="高标准农田建设"))
    return StepContext(d)


def _fixes(ind: Indicator, typed: str) -> dict[str, str | None]:
    return {f.code: f.fix for f in _ctx().value_findings(ind, typed)}


def test_unit_fixes_keep_the_rows_operator_and_unit_and_the_typed_wan():
    area = Indicator(level1="产出指标", level2="数量指标", name="新建高标准农田面积", value="≥□万亩")
    assert _fixes(area, "5万元")["PD205"] == "≥5万亩"
    assert _fixes(area, "1") == {"PD103": "≥1万亩", "PD107": "≥1万亩"}
    assert _fixes(area, "50000亩").get("PD107") == "≥50000亩"  # same kind of unit: only the operator
    rate = Indicator(level1="产出指标", level2="质量指标", name="验收合格率", value="=100%")
    assert _fixes(rate, "95")["PD103"] == "=95%"


def test_a_bare_number_over_a_value_takes_its_form():
    assert row_form("≥□万亩") == ("≥", "万亩") and row_form("2020年12月底前") is None
    assert bare_number_in_form("≥20公里", "15") == "≥15公里"
    assert typed_value("≥20公里", "15") == "≥15公里" and typed_value("≥□人", "300") == "≥300人"
    assert typed_value("2020年12月底前", "15") == "15"  # no form to take: as typed, and checked as such


def test_a_clone_suggests_the_checks_fix_not_last_years_slip():
    d = clone_draft(drafts.load(SEED))
    assert d.projects[0].indicators[8].value == "≥095%"
    conv = Conversation(d, None, only_unsettled=True, autosave=False)
    for _ in range(400):
        p = conv.prompt()
        if conv.pos.step == "indicator.value" and "≥095%" in p.question:
            break
        if not conv.answer("").ok and not conv.answer("≥100人").ok:
            conv.answer("/skip")
    assert p.default == "≥95%" and "原为 ≥095%：建议值已按检查改正" in p.question
