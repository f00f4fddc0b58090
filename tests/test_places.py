"""Findings say where they point in words: project, row number and name, field."""

import re

from perfdraft import checks, drafts, places
from perfdraft.cells import width as cells_width
from perfdraft.step_table import STEPS
from perfdraft.steps import STEP_TEXTS

from .conftest import SEED


def test_a_row_is_named_by_project_number_name_and_field():
    d = drafts.load(SEED)
    name = d.projects[0].indicators[4].name
    assert places.place_text(d, "projects[0].indicators[4].value") == f"项目 1 · 第 5 条「{places.short(name)}」· 指标值"
    assert places.place_text(d, "projects[1].indicators[14]").startswith("项目 2 · 第 15 条「")
    assert places.place_text(d, "projects[2].budget.other") == "项目 3 · 其他资金"
    assert places.place_text(d, "department.sub_goals[1].text") == "部门 · 分项目标 2"
    assert places.place_text(d, "department.overall_goal") == "部门 · 总体目标"
    assert places.place_text(d, "year") == "全稿 · 预算年度"
    # A row that no longer exists is still named by its number.
    assert places.place_text(d, "projects[0].indicators[99].value") == "项目 1 · 第 100 条 · 指标值"


def test_long_names_are_cut_by_cells():
    assert places.short("城乡居民基本养老保险缴费补贴资金", 10) == "城乡居民…"
    assert places.short("abc", 10) == "abc"
    assert cells_width(places.short("参保缴费人数参保缴费人数", 9)) <= 9


def test_every_finding_of_the_seed_names_a_place_without_a_bare_path():
    d = drafts.load(SEED)
    found = checks.check_draft(d)
    assert found
    for f in found:
        text = places.place_text(d, f.path)
        assert not re.search(r"\[\d+\]|projects|department|indicators", text), (f.path, text)
        assert text.startswith(("项目 ", "部门", "全稿")), (f.path, text)


def test_field_labels_are_the_registry_labels_and_the_step_labels():
    from perfdraft.fields import FIELDS

    d = drafts.load(SEED)
    assert places.place_text(d, "projects[0].indicators[0].unit") == f"项目 1 · 第 1 条「{places.short(d.projects[0].indicators[0].name)}」· {FIELDS['indicator.unit'].label}"
    for sid, step in STEPS.items():
        path = step.path.format(p=0, i=0)
        if path.endswith(".text"):
            continue
        assert places.place(d, path).field == STEP_TEXTS[sid].label, (sid, path)


def test_one_formatter_of_a_finding():
    """Issue 13 item 4 / 18: every front-end and ``perfdraft check`` say a finding in places.finding_text's
    words; no other module builds one from the severity tables."""
    from pathlib import Path

    from perfdraft import render

    d = drafts.load(SEED)
    found = checks.check_draft(d)
    f = next(x for x in found if x.path == "projects[0].indicators[6].value")
    line = places.finding_text(f, d)
    assert line.startswith(f"✗ 错误 {f.code} 项目 1 · 第 7 条「") and "· 指标值：" in line and f.message in line
    assert f"  {line}" in render.report(d, found, "x")
    assert places.finding_text(f) == f"✗ 错误 {f.code}：{f.message} → {f.suggestion}"  # the live check: no place
    root = Path(places.__file__).parent
    builders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                if "SEVERITY_SYMBOLS[" in p.read_text("utf-8") and p.name != "places.py"]
    assert not builders, builders


def test_a_remark_relative_to_its_row_names_no_place():
    """The engine's remarks on the answer just given carry paths relative to the row (``value``)."""
    from perfdraft.checks import Finding

    d = drafts.load(SEED)
    f = Finding("PD219", "warning", "value", "数量指标写的是资金金额")
    assert places.finding_text(f, d) == "! 警告 PD219：数量指标写的是资金金额"
    assert places.finding_text(Finding("PD001", "error", "year", "x"), d).startswith("✗ 错误 PD001 全稿 · 预算年度：")
