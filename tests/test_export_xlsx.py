"""xlsx export: reopen the file with openpyxl and find every cell, merge and print setting in place."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perfdraft import drafts
from perfdraft.exporters import render
from perfdraft.exporters.xlsx import (
    CHUNK,
    DEPARTMENT_SHEET,
    MARKER_SHEET,
    MAX_CELL,
    excel_number,
    read_embedded,
    sheet_name,
)
from perfdraft.model import Budget, Draft, Indicator, Project

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed-shunping-2020.toml"
FIXED = FIXTURES / "seed-shunping-2020-fixed.toml"
DANGEROUS = ["=SUM(A1:A2)", "+1+2", "-3", "@cmd", "\tx", "\rx", '=HYPERLINK("http://x","y")', "#N/A", "="]


def _open(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.fixture(scope="module")
def seed() -> Draft:
    return drafts.load(SEED)


@pytest.fixture(scope="module")
def seed_bytes(seed) -> bytes:
    return render(seed, "xlsx").data


@pytest.fixture(scope="module")
def wb(seed_bytes) -> openpyxl.Workbook:
    return _open(seed_bytes)


@pytest.fixture(scope="module")
def fixed() -> tuple[Draft, bytes]:
    draft = drafts.load(FIXED)
    return draft, render(draft, "xlsx").data


def test_sheets_department_first_projects_then_hidden_marker(wb, seed):
    assert wb.sheetnames[0] == DEPARTMENT_SHEET
    assert wb.sheetnames[-1] == MARKER_SHEET
    assert wb[MARKER_SHEET].sheet_state == "hidden"
    projects = wb.sheetnames[1:-1]
    assert len(projects) == len(seed.projects) == 8
    assert projects[0] == "1、城乡居民基本养老保险资金"
    assert len({n.lower() for n in wb.sheetnames}) == len(wb.sheetnames)
    for name in wb.sheetnames:
        assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name)
    assert all(wb[n].sheet_state == "visible" for n in wb.sheetnames[:-1])


def test_project_sheet_header_block(wb):
    ws = wb.worksheets[1]
    assert ws["A1"].value == "1、城乡居民基本养老保险资金绩效目标表"
    assert "A1:G1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].value == "317002顺平县社会保险事业管理局"
    assert ws["E2"].value == "单位：元"
    assert (ws["A3"].value, ws["B3"].value, ws["D3"].value, ws["E3"].value) == (
        "项目编码", "317-1002-JXN-FRS7", "项目名称", "城乡居民基本养老保险资金")
    assert [ws.cell(4, c).value for c in range(1, 8)] == [
        "预算规模及资金用途", "预算数", 1600000, "其中：财政资金", 1600000, "其他资金", None]
    assert ws["C4"].data_type == "n" and ws["C4"].number_format == "#,##0.00"
    assert ws["B5"].value.startswith("根据《关于切实做好社会保险扶贫工作的实施意见》")
    assert [ws.cell(6, c).value for c in (1, 2, 4, 5, 7)] == ["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底"]
    assert [ws.cell(7, c).value for c in (2, 4, 5, 7)] == [25, 50, 75, 100]
    assert ws["B7"].number_format == "0.00"
    assert ws["A8"].value == "绩效目标" and ws["B8"].value.startswith("1、2020年我们将继续围绕")
    assert [ws.cell(9, c).value for c in range(1, 8)] == [
        "一级指标", "二级指标", "三级指标", None, "绩效指标描述", "指标值", "指标值确定依据"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A4:A5", "B5:G5", "A6:A7", "B6:C6", "E6:F6", "B8:G8", "C9:D9", "B3:C3", "E3:G3"} <= merged


def test_every_indicator_in_place_with_exact_values(wb, seed):
    for index, project in enumerate(seed.projects):
        ws = wb.worksheets[index + 1]
        for k, ind in enumerate(project.indicators):
            row = 10 + k
            assert ws.cell(row, 3).value == ind.name
            assert ws.cell(row, 5).value == ind.description
            assert ws.cell(row, 6).value == ind.value
            assert ws.cell(row, 6).data_type == "s"
            assert ws.cell(row, 7).value is None  # 指标值确定依据 is blank in the seed
    ws = wb.worksheets[1]
    assert ws["F16"].value == "100100%"
    assert ws["F18"].value == "≥095%"


def test_level_merges_follow_consecutive_equal_values(wb):
    merged = {str(r) for r in wb.worksheets[1].merged_cells.ranges}
    # 产出 r1–14, 效果 r15–16, 满意度 r17 (a single row: no merge)
    assert {"A10:A23", "A24:A25", "B10:B15", "B16:B18", "B19:B20", "B21:B23"} <= merged
    assert not any(m.startswith("A26") or m.startswith("B24") or m.startswith("B25") for m in merged)
    ws = wb.worksheets[1]
    assert (ws["A10"].value, ws["A24"].value, ws["A26"].value) == ("产出指标", "效果指标", "满意度指标")
    assert (ws["B16"].value, ws["B24"].value, ws["B25"].value) == ("质量指标", "经济效益指标", "社会效益指标")


def test_borders_wrap_widths_and_print_setup(wb):
    ws = wb.worksheets[1]
    box = {}  # each cell -> the (top, left, bottom, right) of the merged range it belongs to
    for r in ws.merged_cells.ranges:
        for row in range(r.min_row, r.max_row + 1):
            for col in range(r.min_col, r.max_col + 1):
                box[(row, col)] = (r.min_row, r.min_col, r.max_row, r.max_col)
    for row in ws.iter_rows(min_row=3, max_row=26, max_col=7):
        for cell in row:
            top, left, bottom, right = box.get((cell.row, cell.column), (cell.row, cell.column) * 2)
            b = cell.border
            outer = {"left": cell.column == left, "right": cell.column == right,
                     "top": cell.row == top, "bottom": cell.row == bottom}
            for side, is_outer in outer.items():
                if is_outer:
                    assert getattr(b, side).style == "thin", (cell.coordinate, side)
    assert ws["C10"].alignment.wrap_text and ws["B5"].alignment.wrap_text
    widths = [ws.column_dimensions[c].width for c in "ABCDEFG"]
    assert all(w >= 10 for w in widths) and widths[2] + widths[3] >= 32 and sum(widths) <= 130
    assert all(ws.row_dimensions[r].height for r in range(1, 27))
    assert ws.row_dimensions[5].height > ws.row_dimensions[3].height  # the long 资金用途 row is taller
    assert ws.print_title_rows == "$9:$9"
    ps = ws.page_setup
    # fitToWidth 1 is the schema default, which xlsxwriter leaves out
    assert (ps.paperSize, ps.orientation, ps.fitToWidth or 1, ps.fitToHeight) == (9, "portrait", 1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage


def test_blank_stays_blank(wb):
    p4 = wb.worksheets[4]  # 资金支出计划 blank in the seed
    assert [p4.cell(7, c).value for c in (2, 4, 5, 7)] == [None] * 4
    p3 = wb.worksheets[3]  # empty 绩效目标 and an empty grid: one blank row
    assert p3["B8"].value is None
    assert [p3.cell(10, c).value for c in range(1, 8)] == [None] * 7
    assert p3["G4"].value is None  # 其他资金


def test_department_sheet(wb):
    ws = wb[DEPARTMENT_SHEET]
    texts = [c.value for c in ws["A"] if c.value]
    assert texts[0] == "顺平县社会保险事业管理局2020年度预算绩效目标"
    for heading in ("第一部分 部门整体绩效目标", "一、总体绩效目标", "二、分项绩效目标", "三、工作保障措施"):
        assert heading in texts
    assert any(t.startswith("本年度目标计划为完成上级下达") for t in texts)
    assert sum(1 for t in texts if re.match(r"[123]、", t)) == 3
    assert "积极和各乡、镇政府联系，保证城乡居民应保尽保，应发尽发。" in texts  # second 保障措施 paragraph
    assert ws.page_setup.paperSize == 9


@pytest.mark.slow
def test_department_indicators_of_fixed_draft(fixed):
    wb = _open(fixed[1])
    ws = wb[DEPARTMENT_SHEET]
    values = [c.value for row in ws.iter_rows() for c in row if c.value]
    assert "在职人员控制率" in values and "≤100%" in values and "社会保险业务档案归档率" in values
    assert any(isinstance(v, str) and v.startswith("关联项目：") for v in values)
    ws1 = wb.worksheets[1]
    assert ws1["G10"].value == "历史标准：2019年12月末参保登记人数及2020年扩面计划"
    assert ws1["G4"].value == 0  # 其他资金 = 0.00 is a number, not blank


@pytest.mark.slow
def test_embedded_draft_round_trips_and_detects_edits(seed, seed_bytes):
    emb = read_embedded(_open(seed_bytes))
    assert emb is not None and emb.intact
    assert drafts.loads(emb.text) == seed
    wb = _open(seed_bytes)
    wb.worksheets[1]["F16"] = "=100%"
    buf = io.BytesIO()
    wb.save(buf)
    edited = read_embedded(_open(buf.getvalue()))
    assert edited is not None and not edited.intact
    assert read_embedded(openpyxl.Workbook()) is None


@pytest.mark.slow
def test_embedded_fixed_draft_round_trips(fixed):
    draft, data = fixed
    emb = read_embedded(_open(data))
    assert emb.intact and drafts.loads(emb.text) == draft


def _tiny(**project) -> Draft:
    d = Draft(year=2025)
    d.department.code, d.department.name = "001", "测试单位"
    d.projects.append(Project(**project))
    return d


def test_formula_like_text_is_stored_as_text_never_formula():
    inds = [Indicator(level1=t, level2=t, name=t, description=t, value=t) for t in DANGEROUS]
    draft = _tiny(code="=1+1", name="@name", purpose="-purpose", goal="+goal", indicators=inds)
    data = render(draft, "xlsx").data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in sheets)
    ws = _open(data).worksheets[0]
    assert (ws["B3"].value, ws["B3"].data_type, ws["B3"].quotePrefix) == ("=1+1", "s", True)
    assert ws["E3"].value == "@name" and ws["E3"].data_type == "s"
    assert ws["B5"].value == "-purpose" and ws["B8"].value == "+goal"
    for k, text in enumerate(DANGEROUS):
        for col in (3, 5, 6):
            cell = ws.cell(10 + k, col)
            # a CR is stored as the OOXML escape _x000D_ (Excel shows the CR; openpyxl keeps the escape)
            assert cell.value == text.replace("\r", "_x000D_") and cell.data_type == "s", (text, col)
            if text.startswith(("=", "+", "-", "@", "\t", "\r")):
                assert cell.quotePrefix
    assert read_embedded(_open(data)).intact


def test_exact_characters_kept():
    values = ["≥095%", "０１２３人", "＞＝９５％", "007", "1,600,000元", " 前后空格 ", "多行\n文本"]
    draft = _tiny(code="007", name="项目", indicators=[Indicator(name=v, value=v) for v in values])
    ws = _open(render(draft, "xlsx").data).worksheets[0]
    assert ws["B3"].value == "007" and ws["B3"].data_type == "s"
    # 指标值 print in canonical form (the draft keeps them as typed); typed leading zeros stay.
    printed = ["≥095%", "0123人", "≥95%", "007", "1600000元", " 前后空格 ", "多行\n文本"]
    assert [ws.cell(10 + k, 6).value for k in range(len(values))] == printed
    assert [ws.cell(10 + k, 3).value for k in range(len(values))] == values  # names as typed


def test_money_precision():
    assert excel_number(Decimal("1600000.00")) == 1600000.0
    assert excel_number(Decimal("0.1")) == 0.1
    assert excel_number(Decimal("987654321012345.67")) is None
    draft = _tiny(name="p", budget=Budget(Decimal("987654321012345.67"), Decimal("0.10"), None))
    result = render(draft, "xlsx")
    ws = _open(result.data).worksheets[0]
    assert ws["C4"].value == "987654321012345.67" and ws["C4"].data_type == "s"
    assert ws["E4"].value == 0.1 and ws["E4"].data_type == "n"
    assert any("超出 Excel 数字精度" in m for m in result.messages)
    assert drafts.loads(read_embedded(_open(result.data)).text) == draft


def test_long_text_is_chunked_in_marker_and_truncated_visibly():
    long = "长" * 40000
    draft = _tiny(name="p", purpose=long)
    result = render(draft, "xlsx")
    wb = _open(result.data)
    assert len(wb.worksheets[0]["B5"].value) == MAX_CELL
    assert any("截断" in m for m in result.messages)
    marker = wb[MARKER_SHEET]
    chunks = [marker.cell(r, 2).value for r in range(6, marker.max_row + 1)]
    assert len(chunks) >= 5 and all(len(c) <= CHUNK for c in chunks)
    assert drafts.loads(read_embedded(wb).text).projects[0].purpose == long


def test_control_characters_dropped_from_cells_kept_in_draft():
    draft = _tiny(name="项目\x07名称\x00", purpose="a\x1bb")
    result = render(draft, "xlsx")
    wb = _open(result.data)
    assert wb.worksheets[0]["E3"].value == "项目名称"
    assert result.messages
    assert drafts.loads(read_embedded(wb).text).projects[0].name == "项目\x07名称\x00"


def test_sheet_names_valid_unique_and_deduped():
    taken: set[str] = set()
    names = [sheet_name(n, taken) for n in
             ["a[b]:c*?/\\d", "长" * 40, "长" * 40, "History", "'quoted'", "", "Sheet", "sheet"]]
    assert len({n.lower() for n in names}) == len(names)
    for n in names:
        assert 0 < len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) and n.lower() != "history"
        assert not n.startswith("'") and not n.endswith("'")
    draft = Draft(year=2025, projects=[Project(name="同名"), Project(name="同名"), Project(name="x/y:z")])
    wb = _open(render(draft, "xlsx").data)
    assert wb.sheetnames[0:3] == ["1、同名", "2、同名", "3、x_y_z"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=40), min_size=1, max_size=4))
def test_sheet_name_property(wanted):
    taken: set[str] = set()
    names = [sheet_name(w, taken) for w in wanted * 2]
    assert len({n.lower() for n in names}) == len(names)
    assert all(0 < len(n.encode("utf-16-le")) // 2 <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in names)


@pytest.mark.slow
@settings(max_examples=20, deadline=None)
@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30))
def test_any_text_round_trips_through_the_embedded_draft(name, value):
    draft = _tiny(name=name, indicators=[Indicator(name="n", value=value)])
    wb = _open(render(draft, "xlsx").data)
    emb = read_embedded(wb)
    # The embedded copy is the draft as its file holds it (TOML's multi-line strings keep \r\n as \n).
    assert emb.intact and drafts.loads(emb.text) == drafts.loads(drafts.dumps(draft))


def test_ooxml_escape_lookalikes_round_trip_and_stay_intact():
    draft = _tiny(name="_x0041_ 与 _X00e9_", indicators=[Indicator(name="a\rb", value="≥1人")])
    wb = _open(render(draft, "xlsx").data)
    emb = read_embedded(wb)
    assert emb.intact and drafts.loads(emb.text) == draft
    assert wb.worksheets[0]["E3"].value == "_x005F_x0041_ 与 _X00e9_"


def test_seed_unchanged_by_export(seed):
    before = copy.deepcopy(seed)
    render(seed, "xlsx")
    assert seed == before
