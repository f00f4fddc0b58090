"""The importers read labels from the field registry (fields.py) and level names from the frameworks
(frameworks.py): a field, a label or a level alias declared there is recognised on import, with no
change to perfdraft/importers. Each test declares one in the test itself."""

from __future__ import annotations

import importlib

import openpyxl

from perfdraft import fields, frameworks
from perfdraft.importers import import_file

GRID = "| 一级指标 | 二级指标 | 三级指标 | 指标值 | {extra} |"
ROWS = ["| 产出指标 | 数量指标 | 培训人次 | ≥280人次 | {a} |", "| 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% | {b} |"]


def _with_alias(monkeypatch, key: str, alias: str) -> None:
    table = dict(fields.FIELDS)
    f = table[key]
    table[key] = f._replace(aliases=(*f.aliases, alias))
    monkeypatch.setattr(fields, "FIELDS", table)


def test_a_new_indicator_label_is_a_column_in_text(tmp_path, monkeypatch):
    text = "\n".join([GRID.format(extra="前年实际数"), *(r.format(a="260人次", b="88%") for r in ROWS)])
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    before = import_file(tmp_path / "t.txt").draft.projects[0].indicators
    assert all(i.prev_year is None for i in before)  # not a label yet
    _with_alias(monkeypatch, "indicator.prev_year", "前年实际数")
    after = import_file(tmp_path / "t.txt").draft.projects[0].indicators
    assert [i.prev_year for i in after] == ["260人次", "88%"]


def test_a_new_project_label_is_read_from_xlsx(tmp_path, monkeypatch):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目名称", "职业技能培训", "项目编码", "101-2024-0001"])
    ws.append(["资金性质", "一般公共预算", "检查方式", "现场核查"])
    ws.append(["一级指标", "二级指标", "三级指标", "指标值"])
    ws.append(["产出指标", "数量指标", "培训人次", "≥280人次"])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    _with_alias(monkeypatch, "project.category", "资金性质")
    result = import_file(path)
    assert result.draft.projects[0].category == "一般公共预算"
    # a label nobody declared is still kept, with its cell, not dropped
    assert any("现场核查" in u.text for u in result.unplaced)


def test_a_new_level_alias_is_read_from_frameworks(tmp_path, monkeypatch):
    from perfdraft.importers import kinds

    text = "\n".join(["| 一级指标 | 二级指标 | 三级指标 | 指标值 |", "| 产出指标 | 服务质量指标 | 合格率 | ≥95% |",
                      "| 满意度指标 | 服务对象满意度指标 | 满意度 | ≥90% |"])
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    monkeypatch.setitem(frameworks.LEVEL2_ALIASES, "服务质量", "质量")
    try:
        importlib.reload(kinds)  # the level words are built from frameworks when the module loads
        ind = import_file(tmp_path / "t.txt").draft.projects[0].indicators[0]
        assert (ind.level1, ind.level2, ind.name) == ("产出指标", "服务质量指标", "合格率")
        assert kinds.level_of("服务质量指标") == ("产出", "质量", "服务质量指标")
    finally:
        monkeypatch.undo()
        importlib.reload(kinds)
    assert kinds.level_of("服务质量指标") is None
