"""Profiles and the field registry: the house every layout and field stands on (issue 13)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perfdraft import drafts, fields, frameworks, profiles
from perfdraft.model import Draft, Indicator, Project

FIXTURES = Path(__file__).parent / "fixtures"

REQUIRED = ("hebei-2020", "local-2015", "central-2021", "hubei-2013", "guangdong", "ndrc-investment",
            "sichuan-grid", "self-evaluation")


def test_every_required_profile_exists_with_a_known_framework():
    for pid in REQUIRED:
        p = profiles.PROFILES[pid]
        assert p.framework in frameworks.FRAMEWORKS
        assert p.columns[:3] == ("indicator.level1", "indicator.level2", "indicator.name")
        assert "indicator.value" in p.columns
        for key in (*p.columns, *p.header):
            assert key in fields.FIELDS


def test_sichuan_grid_has_the_columns_its_table_prints():
    p = profiles.get("sichuan-grid")
    assert p.column_labels() == ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "权重", "指标方向"]
    assert not p.has("indicator.description") and not p.has("project.spending_plan")


def test_self_evaluation_has_actual_values():
    p = profiles.get("self-evaluation")
    assert p.has("indicator.actual") and p.has("indicator.score")


def test_old_drafts_load_unchanged_and_default_their_profile_from_the_framework():
    draft = drafts.load(FIXTURES / "seed-shunping-2020.toml")
    assert draft.profile is None  # nothing added to what the user wrote
    assert profiles.for_draft(draft).id == "hebei-2020"
    assert "profile" not in drafts.to_dict(draft)
    central = Draft(framework="central-2021")
    assert profiles.for_draft(central).id == "central-2021"


def test_profile_and_new_fields_round_trip_through_toml():
    ind = Indicator(level1="成本指标", level2="经济成本指标", name="单位成本", value="≤30元/人", symbol="≤",
                    unit="元/人", weight=Decimal("10"), scoring="超出标准不得分", value_note="按上年标准",
                    prev_year="30元/人", nature="定量", actual="28元/人", score=Decimal("9.5"), scope="overall")
    project = Project(name="测试项目", category="补助补贴类", nature="经常性", authority="县财政局", unit="县社保局",
                      period_start="2024", period_end="2026", total_amount=Decimal("3000000"),
                      basis_text="冀人社规〔2019〕2号", overall_goal="三年内覆盖全部参保人员", indicators=[ind])
    draft = Draft(year=2025, framework="central-2021", profile="central-2021", projects=[project])
    back = drafts.loads(drafts.dumps(draft))
    assert back.profile == "central-2021"
    assert back.projects[0] == project


def test_unknown_profile_is_refused_in_chinese():
    text = 'schema = "perfdraft/1"\nprofile = "mars-2099"\n'
    with pytest.raises(drafts.DraftError, match="不是已知的表格样式"):
        drafts.loads(text)


def test_a_new_field_is_one_declaration(monkeypatch):
    """A field declared in the test (one registry entry + its model attribute): the draft file reads
    and writes it, labels find it, and profiles can list it, with no other change."""
    monkeypatch.setattr(Indicator, "evidence", None, raising=False)  # the model attribute
    registry = dict(fields.FIELDS)
    registry["indicator.evidence"] = fields.Field("indicator.evidence", "indicator", "evidence", "佐证材料", ("证明材料",))
    monkeypatch.setattr(fields, "FIELDS", registry)
    assert fields.find("证明材料") is registry["indicator.evidence"]
    text = 'schema = "perfdraft/1"\n[[projects]]\nname = "p"\n[[projects.indicators]]\nname = "x"\nevidence = "考勤表"\n'
    draft = drafts.loads(text)
    assert draft.projects[0].indicators[0].evidence == "考勤表"
    assert 'evidence = "考勤表"' in drafts.dumps(draft)
    prof = profiles._p("with-evidence", "带佐证", "local-2015",
                       ("indicator.level1", "indicator.level2", "indicator.name", "indicator.value",
                        "indicator.evidence"), ())
    assert prof.has("indicator.evidence")


def test_a_new_profile_is_one_declaration(monkeypatch):
    """A profile added in the test: drafts accept it, has() answers from its row, detection finds it."""
    extra = profiles._p("test-weights", "测试样式", "local-2015",
                        ("indicator.level1", "indicator.level2", "indicator.name", "indicator.value",
                         "indicator.weight", "indicator.scoring"),
                        ("project.name", "project.budget.total"), markers=("测试专用表头",))
    monkeypatch.setitem(profiles.PROFILES, extra.id, extra)
    draft = drafts.loads('schema = "perfdraft/1"\nprofile = "test-weights"\n')
    p = profiles.for_draft(draft)
    assert p is extra and p.has("indicator.scoring") and not p.has("indicator.basis")
    assert profiles.detect_from_headers(["测试专用表头", "一级指标", "权重", "评分标准"]) == "test-weights"


def test_a_typo_in_a_profile_is_caught_when_declared():
    with pytest.raises(ValueError, match="unknown field"):
        profiles._p("bad", "坏", "local-2015", ("indicator.levl1",), ())


@pytest.mark.parametrize("labels, expected", [
    (["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"], "hebei-2020"),
    (["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重（%）", "指标方向性"], "sichuan-grid"),
    (["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
     "self-evaluation"),
    (["一级 指标", "二级 指标", "三级 指标", "实施周期指标值", "当年度指标值"], "guangdong"),
    (["一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位", "指标值说明"], "central-2021"),
    (["实施效果指标", "过程管理指标", "产出指标"], "ndrc-investment"),
    (["效益指标", "社会公众或服务对象满意度指标"], "hubei-2013"),
    ([], None),
    (["项目名称", "预算单位"], None),
])
def test_detect_profile_from_header_labels(labels, expected):
    assert profiles.detect_from_headers(labels) == expected


def test_field_labels_find_fields():
    assert fields.find("权重").key == "indicator.weight"
    assert fields.find("度量单位").key == "indicator.unit"
    assert fields.find("评（扣）分标准").key == "indicator.scoring"
    assert fields.find("年度资金总额").key == "project.budget.total"
    assert fields.find("单位", owner="indicator").key == "indicator.unit"
    assert fields.find("不存在的栏目") is None


def test_field_parsers_say_what_is_wrong_in_chinese():
    assert fields.parse(fields.FIELDS["indicator.weight"], "１０") == Decimal("10")
    assert fields.parse(fields.FIELDS["project.total_amount"], "300万") == Decimal("3000000.00")
    assert fields.parse(fields.FIELDS["project.nature"], "经常性") == "经常性"
    with pytest.raises(fields.FieldValueError, match="项目性质只能是"):
        fields.parse(fields.FIELDS["project.nature"], "长期")
    with pytest.raises(fields.FieldValueError, match="应为数字"):
        fields.parse(fields.FIELDS["indicator.weight"], "nan")


def test_frameworks_of_new_profiles_normalise_their_own_level_names():
    ndrc = frameworks.get("ndrc-investment")
    assert frameworks.canonical_levels("实施效果指标", "满意度指标", ndrc) == ("实施效果", "满意度")
    assert frameworks.canonical_levels("过程管理", "资金管理指标", ndrc) == ("过程管理", "资金管理")
    hubei = frameworks.get("hubei-2013")
    assert hubei.allows(*frameworks.canonical_levels("效益指标", "社会公众或服务对象满意度指标", hubei))
    assert frameworks.canonical_levels("预期产出", "数量指标", frameworks.get("guangdong")) == ("产出", "数量")


def test_rows_decide_what_headers_cannot():
    generic = ["一级指标", "二级指标", "三级指标", "指标值"]
    assert profiles.detect(generic, [("产出指标", "数量指标"), ("效益指标", "社会效益指标")]) == "local-2015"
    assert profiles.detect(generic, [("效益指标", "社会公众或服务对象满意度指标")]) == "hubei-2013"
    assert profiles.detect(generic, [("实施效果指标", "产出指标"), ("过程管理指标", "资金管理")]) == "ndrc-investment"
    sichuan = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重（%）", "指标方向性"]
    assert profiles.detect(sichuan, [("效益指标", "社会公众或服务对象满意度指标")]) == "sichuan-grid"
