import copy
import json
import re
import subprocess
import sys
from decimal import Decimal

import pytest

from perfdraft import catalogue, catalogue_lint
from perfdraft.model import Budget, Indicator, Project

from .conftest import ROOT


@pytest.fixture(scope="module")
def cat():
    return catalogue.load()


def test_counts_and_lint_clean(cat):
    s = cat.stats()
    assert s["sectors"] >= 20 and s["templates"] >= 260 and s["distinct_indicators"] >= 1000
    assert {t.sector for t in cat.templates.values() if not t.is_common} == set(catalogue.SECTOR_IDS)
    assert catalogue.lint(cat) == []


@pytest.mark.slow
def test_lint_command_prints_counts():
    r = subprocess.run([sys.executable, "-m", "perfdraft", "catalogue", "lint"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout
    assert "行业 22 个" in r.stdout and "问题 0 个" in r.stdout


SEED_NAMES = [
    ("城乡居民基本养老保险资金", "si-urban-rural-pension"),
    ("城乡居民基本养老保险资金", "si-urban-rural-pension"),
    ("冀财社【2019】74号城乡居民基本养老保险资金", "si-urban-rural-pension"),
    ("冀财社【2019】75号城乡居民基本养老保险资金", "si-urban-rural-pension"),
    ("冀财社【2019】88号城乡居民基本养老保险资金", "si-urban-rural-pension"),
    ("企业退休人员遗属补助资金", "si-survivor-allowance"),
    ("企业养老保险县级补助资金", "si-enterprise-pension-subsidy"),
    ("失地农民养老保险及风险基金", "si-land-lost-farmer-pension"),
]


@pytest.mark.parametrize("name, expected", SEED_NAMES)
def test_seed_names_suggest_the_right_template(cat, name, expected):
    top = cat.suggest_templates(name, limit=3)
    assert top[0].template.id == expected, [(s.template.id, s.score) for s in top]
    assert top[0].reason and top[0].score > 0


@pytest.mark.slow
@pytest.mark.parametrize("query", ["cxjmyl", "cxjm", "yanglao", "chengxiangjumin"])
def test_pinyin_finds_urban_rural_pension(cat, query):
    ids = [s.template.id for s in cat.suggest_templates(query, limit=3)]
    assert "si-urban-rural-pension" in ids
    assert cat.suggest_templates(query, limit=1)[0].reason.startswith("拼音")


def test_synonyms_and_noise(cat):
    assert cat.suggest_templates("2021年社保经办能力建设经费", limit=1)[0].template.sector == "social-insurance"
    assert cat.suggest_templates("农村低保资金", limit=1)[0].template.sector == "social-assistance"
    assert cat.suggest_templates("", limit=3) == []


def test_indicator_suggestions_per_level(cat):
    t = cat.templates["si-urban-rural-pension"]
    rows = cat.suggest_indicators(t, "产出指标", "数量指标", year=2021)
    assert rows and all(r.level2 == "数量指标" for r in rows) and all(r.value for r in rows)
    central = cat.suggest_indicators(t, "成本指标", "经济成本指标", framework_id="central-2021")
    assert central and central[0].level1 == "成本指标"
    deadline_rows = [i for tt in cat.templates.values() for i in tt.indicators if "{year}" in i.typical]
    assert deadline_rows and "{year}" not in deadline_rows[0].to_indicator(2021).value


@pytest.mark.slow
def test_org_catalogue_overrides_and_adds(tmp_path):
    (tmp_path / "org.toml").write_text('''
[sector]
id = "social-insurance"
name = "社会保险（本单位）"

[[templates]]
id = "si-urban-rural-pension"
name = "本县城乡居民养老补助"
aliases = ["城乡居民基本养老保险资金"]

[[templates.indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "本县参保人数"
description = "本县口径"
unit = "人"
operator = "≥"
typical = "≥1人"

[[templates]]
id = "si-county-new"
name = "本县新增项目"
''', "utf-8")
    cat = catalogue.load([tmp_path])
    assert cat.templates["si-urban-rural-pension"].name == "本县城乡居民养老补助"
    assert "si-county-new" in cat.templates and len(cat.templates) > 150


@pytest.mark.slow
def test_bad_org_file_is_reported_and_builtin_still_loads(tmp_path):
    (tmp_path / "bad.toml").write_text('[sector]\nid = "x"\nname = "x"\n\n[[templates]]\nid = "t1"\nname = 5\n', "utf-8")
    (tmp_path / "broken.toml").write_text("[sector\n", "utf-8")
    cat = catalogue.load([tmp_path])
    assert len(cat.templates) >= 150
    joined = "\n".join(cat.warnings)
    assert "bad.toml:" in joined and "name" in joined
    assert "broken.toml:1" in joined


def test_lint_finds_problems(tmp_path):
    (tmp_path / "x.toml").write_text('''
[sector]
id = "nowhere"
name = "x"
[[templates]]
id = "x-1"
name = "x"
[[templates.indicators]]
level1 = "产出指标"
level2 = "社会效益指标"
name = "合格率"
description = "d"
unit = "人"
operator = "≥"
typical = "≥095人"
''', "utf-8")
    r = subprocess.run([sys.executable, "-m", "perfdraft", "catalogue", "lint", str(tmp_path)], capture_output=True,
                       text=True, cwd=ROOT)
    assert r.returncode == 1
    assert "不在固定列表" in r.stdout and "不在地方 2015 框架" in r.stdout and "缺少" in r.stdout


@pytest.mark.slow
def test_search_json_and_show():
    r = subprocess.run([sys.executable, "-m", "perfdraft", "catalogue", "search", "cxjmyl", "--format", "json", "--limit", "3"],
                       capture_output=True, text=True, cwd=ROOT)
    data = json.loads(r.stdout)
    assert len(data["results"]) <= 3
    assert set(data["results"][0]) == {"id", "name", "sector", "category", "score", "fit", "reason"}
    assert data["results"][0]["fit"] == "good" and data["fits"] is True and data["fallbacks"] == []
    s = subprocess.run([sys.executable, "-m", "perfdraft", "catalogue", "show", "si-urban-rural-pension"],
                       capture_output=True, text=True, cwd=ROOT)
    assert s.returncode == 0 and "数量指标" in s.stdout
    bad = subprocess.run([sys.executable, "-m", "perfdraft", "catalogue", "show", "si-urban-rural-pensoin"],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "是否指 si-urban-rural-pension" in bad.stderr


@pytest.mark.slow
def test_search_json_says_when_nothing_fits_and_offers_common_templates():
    r = subprocess.run([sys.executable, "-m", "perfdraft", "catalogue", "search", "招商引资工作经费", "--format", "json"],
                       capture_output=True, text=True, cwd=ROOT)
    data = json.loads(r.stdout)
    assert data["fits"] is False
    assert all(x["fit"] == "weak" for x in data["results"])
    cats = [x["category"] for x in data["fallbacks"]]
    assert cats[0] == "运转保障类"  # 工作经费 names the family
    assert {"工程建设类", "补贴发放类", "会议培训类", "信息化建设类", "设备购置类", "政府购买服务类"} <= set(cats)
    assert all(x["fit"] == "common" and x["category_label"] for x in data["fallbacks"])
    text = subprocess.run([sys.executable, "-m", "perfdraft", "catalogue", "search", "招商引资工作经费"],
                          capture_output=True, text=True, cwd=ROOT).stdout
    assert "没有适合" in text and "共性模板" in text


# --- nothing unconfirmed reaches a draft ----------------------------------------------------------


def test_no_example_figures_in_catalogue_values_or_notes(cat):
    """Counts and money sized for one county are □; no note carries 示例 or a made-up survey result."""
    rows = [i for t in cat.templates.values() for i in t.indicators]
    assert sum(i.needs_figure for i in rows) > 500
    for i in rows:
        assert "示例" not in i.basis_note and "示例" not in i.typical, i.name
        assert not re.search(r"结果\s*\d", i.basis_note), i.basis_note
    people = [i for i in rows if i.level2 == "数量指标" and i.unit in ("人", "户", "人次", "所", "个")]
    assert people and all(i.typical.count("□") == 1 for i in people if not i.typical.endswith("0" + i.unit))


@pytest.mark.slow
def test_lint_refuses_a_sized_figure_a_missing_weight_and_a_wrong_zero(tmp_path):
    cat = catalogue.load()
    t = copy.deepcopy(cat.templates["sa-minimum-living"])
    t.indicators[0].typical = "≥9000人"
    t.indicators[1].weight = None
    t.indicators[2].basis_note = "上年问卷调查结果91.6%"
    t.indicators.append(catalogue.CatalogueIndicator("产出指标", "质量指标", "安全事故起数", "d", "起", "≤", "≤0起",
                                                     direction="反向", weight=Decimal(0), scoring="s"))
    problems = "\n".join(catalogue_lint.lint_rows(cat, t.indicators, t))
    assert "应写成 ≥□人" in problems and "缺少权重" in problems and "结果" in problems and "=0起" in problems


def test_weights_sum_to_100_with_the_usual_split_in_both_frameworks(cat):
    for t in list(cat.templates.values())[::7]:
        for fw in ("local-2015", "central-2021"):
            rows = cat.indicators_for(t, 2025, fw, include_common=False)
            assert sum(r.weight for r in rows) == 100, (t.id, fw)
    t = cat.templates["tr-bridge-safety"]
    central = cat.indicators_for(t, 2025, "central-2021", include_common=False)
    local = cat.indicators_for(t, 2025, "local-2015", include_common=False)
    assert {r.level2 for r in central} >= {"社会成本指标", "生态环境成本指标"}
    assert not {r.level2 for r in local} & {"社会成本指标", "生态环境成本指标"}
    cost = [r for r in central if r.level1 == "成本指标"]
    assert sum(r.weight for r in cost) == 10


def test_every_construction_template_has_social_and_ecological_cost_rows(cat):
    for t in cat.templates.values():
        if t.category in ("工程建设类", "大型修缮类") and not t.is_common:
            levels = {i.level2 for i in t.framework_rows if i.framework == "central-2021"}
            assert not [i for i in t.indicators if i.framework]
            assert levels == {"社会成本指标", "生态环境成本指标"}, t.id


def test_every_row_has_scoring_and_per_unit_costs_have_a_denominator(cat):
    for t in cat.templates.values():
        for i in t.indicators:
            assert i.scoring.strip(), (t.id, i.name)
    vehicle = next(i for i in cat.templates["adm-official-vehicle"].indicators if i.name == "单车年均运行维护费")
    assert vehicle.unit == "万元/辆·年"
    zero = [i for t in cat.templates.values() for i in t.indicators if i.typical.startswith("≤0") and not i.typical[3:4].isdigit()]
    assert all(i.unit in ("%", "‰") for i in zero), [(i.name, i.typical) for i in zero]


def test_fill_placeholder_and_derive_from_the_users_own_answers():
    assert catalogue.fill_placeholder("≥□人", " ３００ ") == "≥300人"
    assert catalogue.fill_placeholder("≥□人", "≥300人") is None
    p = Project(name="x", budget=Budget(total=Decimal("300000")),
                indicators=[Indicator("产出指标", "数量指标", "培训人数", value="≥300人")])
    value, how = catalogue.derive("≤□元/人", p)
    assert value == "≤1000元/人" and "300000" in how and "培训人数" in how
    p.indicators = [Indicator("产出指标", "成本指标", "补助标准", value="=100元/人·月")]
    value, how = catalogue.derive("≥□人", p)
    assert value == "≥250人" and "12个月" in how
    assert catalogue.derive("≥□人", Project(name="x", indicators=p.indicators)) is None  # no budget: nothing derived
    assert catalogue.derive("≥□户", p) is None  # a unit the user gave no standard for
    pupils = Project(name="x", budget=Budget(total=Decimal("720000")),
                     indicators=[Indicator("产出指标", "数量指标", "在校生人数", value="=1000人")])
    assert catalogue.derive("=□元/生·年", pupils)[0] == "=720元/生·年"
    acres = Project(name="x", budget=Budget(total=Decimal("1500000")),
                    indicators=[Indicator("产出指标", "成本指标", "亩均补贴标准", value="=100元/亩")])
    assert catalogue.derive("=□亩", acres)[0] == "=15000亩"
    # a count in 万 of the unit the standard is per: 万亩 against 元/亩, both ways
    assert catalogue.derive("≥□万亩", acres)[0] == "≥1.5万亩"
    built = Project(name="x", budget=Budget(total=Decimal("3000000")),
                    indicators=[Indicator("产出指标", "数量指标", "新建高标准农田面积", value="≥0.5万亩")])
    value, how = catalogue.derive("≤□元/亩", built)
    assert value == "≤600元/亩" and "0.5万亩" in how
    assert catalogue.derive("≤□元/公里", built) is None  # 万亩 is no count of 公里


def test_check_flags_placeholders_until_filled():
    from perfdraft import checks

    found = checks.check_value("≥□人")
    assert [f.code for f in found] == ["PD102"] and found[0].severity == "error"
    # named with the value and not told "例如 ≥95%" on a row counted in 人
    assert "“≥□人”中的 □" in found[0].message and "95%" not in (found[0].suggestion or "")
    assert not [f for f in checks.check_value("≥300人") if f.code == "PD102"]


# --- organisation catalogues ----------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("body", ['common = "x"\n', "common = [1, 2]\n", '[[common]]\ncategory = "会议培训类"\nindicators = "x"\n',
                                  'sector = "x"\n'])
def test_a_malformed_org_catalogue_is_a_clear_warning_not_a_crash(tmp_path, body):
    (tmp_path / "org.toml").write_text(body, "utf-8")
    cat = catalogue.load([tmp_path])
    assert len([t for t in cat.templates.values() if not t.is_common]) >= 260  # the built-in catalogue is all there
    assert len(cat.warnings) == 1 and "org.toml" in cat.warnings[0]
    assert re.search(r"应为|缺少|结构", cat.warnings[0]) and "Error" not in cat.warnings[0]
    assert cat.suggest_templates("城乡居民基本养老保险资金", 1)[0].template.id == "si-urban-rural-pension"


@pytest.mark.slow
def test_a_bad_org_catalogue_does_not_empty_line_mode(tmp_path, monkeypatch):
    from perfdraft import locations
    from perfdraft.conversation import Conversation
    from perfdraft.model import Draft

    org = locations.user_catalogue_dir()
    org.mkdir(parents=True)
    (org / "org.toml").write_text('common = "x"\n', "utf-8")
    monkeypatch.setattr(catalogue, "_DEFAULT", None)
    conv = Conversation(Draft(year=2025), autosave=False)
    assert conv.catalogue() is not None and len(conv.catalogue().templates) > 260
    assert not [m for m in conv.messages if m.role == "error"]
    notices = [m.text for m in conv.messages if m.role == "notice"]
    assert notices and "org.toml" in notices[0] and "内置指标库照常使用" in notices[0]


@pytest.mark.slow
def test_a_half_bad_org_file_leaves_nothing_behind(tmp_path):
    (tmp_path / "org.toml").write_text('''[sector]
id = "social-insurance"
name = "本单位"
[[templates]]
id = "si-urban-rural-pension"
name = "本县城乡居民养老补助"
[[templates]]
id = "si-bad"
name = 5
''', "utf-8")
    cat = catalogue.load([tmp_path])
    assert cat.templates["si-urban-rural-pension"].name == "城乡居民基本养老保险补助"
    assert cat.sectors["social-insurance"].name == "社会保险" and cat.warnings


def test_goal_slots_take_figures_only_from_the_row_the_sentence_names(cat):
    three = catalogue.goal_figures(cat.templates["emp-three-supports"])
    assert "rate" not in three  # 服务期满就业率 is □ in its row; 人员在岗率 95% must not stand in for it
    training = catalogue.goal_figures(cat.templates["adm-cadre-training"])
    assert training == {"rate": "98%", "satisfaction": "90%"}
    for t in cat.templates.values():
        for slot, value in catalogue.goal_figures(t).items():
            assert "□" not in value and not value.startswith("较") and slot not in ("budget", "budget_wan", "year")


def test_entry_gives_a_rows_weight_in_its_framework(cat):
    t = cat.templates["tr-bridge-safety"]
    cost = next(i for i in t.indicators if i.level2 == "成本指标")
    assert cat.entry(t, cost.name, "local-2015").weight == 10 and cost.weight == 10
    central = [cat.entry(t, i.name, "central-2021") for i in t.all_rows if i.weight_group() == "成本"]
    assert sum(e.weight for e in central) == 10
    assert cat.entry(t, "施工扰动地表面积", "local-2015") is None


def test_a_second_standard_is_not_derived_from_the_budget_the_first_took():
    """A newcomer's walk: 县道 and 村道 养护 standards were both offered 预算数 ÷ 里程 (=4000元/公里·年): a
    duplicate (PD315) whose sum was twice the budget (PD311)."""
    from decimal import Decimal

    from perfdraft.catalogue import derive
    from perfdraft.model import Budget, Indicator, Project

    p = Project(budget=Budget(Decimal(1200000)), indicators=[Indicator(name="纳入日常养护的农村公路里程", value="≥300公里")])
    assert derive("=□元/公里·年", p) == ("=4000元/公里·年", "预算数 1200000元 ÷ 纳入日常养护的农村公路里程 300公里")
    p.indicators.append(Indicator(name="县道养护补助标准", value="=4000元/公里·年"))
    assert derive("=□元/公里·年", p) is None


def test_a_figure_is_derived_only_for_the_row_the_standard_speaks_of():
    """A newcomer: budget ÷ 高标准农田亩均财政投入 was offered as 高效节水灌溉面积 (a part of the farmland), and
    Enter took it."""
    farmland = Project(name="x", budget=Budget(total=Decimal("5000000")),
                       indicators=[Indicator("产出指标", "成本指标", "高标准农田亩均财政投入", value="≤500元/亩")])
    assert catalogue.derive("≥□亩", farmland, "新建高标准农田面积")[0] == "≥10000亩"
    assert catalogue.derive("≥□亩", farmland, "项目区新增高效节水灌溉面积") is None
    trained = Project(name="x", budget=Budget(total=Decimal("300000")),
                      indicators=[Indicator("产出指标", "数量指标", "培训人数", value="≥300人")])
    assert catalogue.derive("≤□元/人", trained, "人均培训成本")[0] == "≤1000元/人"
