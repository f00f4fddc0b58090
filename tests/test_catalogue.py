import json
import subprocess
import sys

import pytest

from perfdraft import catalogue

from .conftest import ROOT


@pytest.fixture(scope="module")
def cat():
    return catalogue.load()


def test_counts_and_lint_clean(cat):
    s = cat.stats()
    assert s["sectors"] >= 20 and s["templates"] >= 150 and s["distinct_indicators"] >= 1000
    assert {t.sector for t in cat.templates.values()} == set(catalogue.SECTOR_IDS)
    assert catalogue.lint(cat) == []


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


def test_search_json_and_show():
    r = subprocess.run([sys.executable, "-m", "perfdraft", "catalogue", "search", "cxjmyl", "--format", "json", "--limit", "3"],
                       capture_output=True, text=True, cwd=ROOT)
    data = json.loads(r.stdout)
    assert len(data["results"]) <= 3
    assert set(data["results"][0]) == {"id", "name", "sector", "score", "reason"}
    s = subprocess.run([sys.executable, "-m", "perfdraft", "catalogue", "show", "si-urban-rural-pension"],
                       capture_output=True, text=True, cwd=ROOT)
    assert s.returncode == 0 and "数量指标" in s.stdout
    bad = subprocess.run([sys.executable, "-m", "perfdraft", "catalogue", "show", "si-urban-rural-pensoin"],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "是否指 si-urban-rural-pension" in bad.stderr
