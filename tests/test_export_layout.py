"""The printed table of each profile (exporters/layout.py), read back from xlsx and docx."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import openpyxl
import pytest

from perfdraft.exporters import render, signoff_labels, table_grid
from perfdraft.exporters.layout import column_title, columns, pair_rows
from perfdraft.model import Draft, Indicator, Project
from perfdraft.profiles import PROFILES


def _ind(name: str, value: str, scope: str | None = None, level2: str = "数量指标") -> Indicator:
    return Indicator(level1="产出指标", level2=level2, name=name, value=value, scope=scope, weight=Decimal(10),
                     scoring="达到得满分")


def _draft(profile: str) -> Draft:
    inds = [_ind("培训人次", "≥300人次"), _ind("培训人次", "≥900人次", "overall"), _ind("合格率", "≥95%", level2="质量指标"),
            _ind("覆盖乡镇", "=12个", "overall")]
    project = Project(code="X-1", name="培训项目", goal="年度目标文字", overall_goal="中期目标文字",
                      authority="某主管局", unit="某中心", period_start="2024", period_end="2026",
                      total_amount=Decimal("300000"), indicators=inds)
    project.budget.total = Decimal("100000")
    return Draft(year=2024, profile=profile, projects=[project])


def test_mid_term_rows_pair_with_annual_rows_by_level2_and_name():
    rows = pair_rows(_draft("central-2021").projects[0].indicators, multi_year=True)
    assert [(r.annual.name if r.annual else None, r.overall.name if r.overall else None) for r in rows] == [
        ("培训人次", "培训人次"), (None, "覆盖乡镇"), ("合格率", None)]  # 覆盖乡镇 stays in the 数量 run
    assert len(pair_rows(_draft("local-2015").projects[0].indicators, multi_year=False)) == 4


@pytest.mark.parametrize("profile", sorted(set(PROFILES) - {"hebei-2020"}))
def test_each_profile_prints_its_own_columns_in_xlsx_and_docx(profile):
    draft = _draft(profile)
    p = PROFILES[profile]
    titles = [column_title(p, k) for k in columns(p)]
    grid = table_grid(draft, draft.projects[0])
    paper = 25.7 if len(titles) >= 9 else 17.0  # nine columns and more print on A4 landscape
    assert grid.ncols == len(titles) and abs(sum(grid.widths_cm) - paper) < 0.1
    ws = openpyxl.load_workbook(io.BytesIO(render(draft, "xlsx").data)).worksheets[0]
    sheet_rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    assert titles in [row[:len(titles)] for row in sheet_rows]
    doc = docx.Document(io.BytesIO(render(draft, "docx").data))
    grid_table = doc.tables[-1]
    assert [c.text for c in grid_table.rows[0].cells] == titles
    texts = [p.text for p in doc.paragraphs]
    assert any(label in t for t in texts for label in signoff_labels(draft)) == bool(p.signoff)


def test_central_2021_values_split_and_side_by_side():
    draft = _draft("central-2021")
    doc = docx.Document(io.BytesIO(render(draft, "docx").data))
    grid = doc.tables[-1]
    titles = [c.text for c in grid.rows[0].cells]
    assert titles == ["一级指标", "二级指标", "三级指标", "指标解释", "计算符号", "中期指标值", "年度指标值", "计量单位", "权重",
                      "评分标准"]
    first = [c.text for c in grid.rows[1].cells]
    assert first[2] == "培训人次" and first[4:10] == ["≥", "900", "300", "人次", "10", "达到得满分"]
    lone = [c.text for c in grid.rows[2].cells]
    assert lone[2] == "覆盖乡镇" and lone[5:7] == ["12", ""]
    head = doc.tables[-2]
    cells = {c.text for row in head.rows for c in row.cells}
    assert {"项目名称", "培训项目", "主管部门", "某主管局", "项目期", "2024—2026", "中期目标", "中期目标文字",
            "年度目标", "年度目标文字", "300,000.00", "100,000.00"} <= cells


def test_wide_tables_print_landscape():
    d = docx.Document(io.BytesIO(render(_draft("central-2021"), "docx").data))
    assert d.sections[0].page_width > d.sections[0].page_height
    d = docx.Document(io.BytesIO(render(_draft("local-2015"), "docx").data))
    assert d.sections[0].page_width < d.sections[0].page_height
    ws = openpyxl.load_workbook(io.BytesIO(render(_draft("central-2021"), "xlsx").data)).worksheets[0]
    assert ws.page_setup.orientation == "landscape"


def test_local_2015_keeps_whole_values():
    doc = docx.Document(io.BytesIO(render(_draft("local-2015"), "docx").data))
    values = [row.cells[3].text for row in doc.tables[-1].rows[1:]]
    # no 中期 column: every row its own, each 二级 together (覆盖乡镇 joins the 数量 run)
    assert values == ["≥300人次", "≥900人次", "=12个", "≥95%"]


def test_a_row_moved_to_another_level_prints_with_its_level():
    """A newcomer moved a row from 产出/满意度 to 产出/时效: the table and the xlsx printed a second 产出指标
    block after 满意度指标 (and its cells could not merge)."""
    from perfdraft.render import project_table

    inds = [_ind("培训人次", "≥300人次"), Indicator(level1="满意度指标", level2="服务对象满意度指标", name="学员满意度", value="≥90%"),
            _ind("培训及时率", "≥95%", level2="时效指标")]
    rows = pair_rows(inds, multi_year=False)
    assert [r.ind.name for r in rows] == ["培训人次", "培训及时率", "学员满意度"]
    table = "\n".join(project_table(Project(name="培训项目", indicators=inds), 0, 100))
    assert table.index("培训及时率") < table.index("学员满意度")
    assert [i.name for i in inds] == ["培训人次", "学员满意度", "培训及时率"]  # the draft keeps the user's order
