"""csv (system import) and Markdown exports."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perfdraft import drafts
from perfdraft.exporters import render
from perfdraft.exporters.csv_export import HUBEI_COLUMNS, STANDARD_COLUMNS
from perfdraft.exporters.markdown import escape
from perfdraft.exporters.safety import csv_cell, safe_filename
from perfdraft.model import Basis, Draft, Indicator, Project

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed-shunping-2020.toml"
FIXED = FIXTURES / "seed-shunping-2020-fixed.toml"


@pytest.fixture(scope="module")
def seed() -> Draft:
    return drafts.load(SEED)


def _rows(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    assert data.startswith(b"\xef\xbb\xbf")
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_seed_csv_has_bom_header_and_34_rows(seed):
    result = render(seed, "csv")
    header, rows = _rows(result.data)
    assert header == list(STANDARD_COLUMNS)
    assert len(rows) == 34
    first = rows[0]
    assert (first["项目编码"], first["项目名称"], first["一级指标"], first["二级指标"]) == (
        "317-1002-JXN-FRS7", "城乡居民基本养老保险资金", "产出指标", "数量指标")
    assert first["三级指标名称"] == "16-59周岁参加城乡居民基本养老保险登记人数（月末数）"
    assert (first["计算符号"], first["年度指标值"], first["计量单位"]) == ("≥", "125000", "人")
    assert first["指标解释"] == "登记人数" and first["指标值确定依据"] == ""
    by_value = {r["三级指标名称"] + r["项目编码"]: r for r in rows}
    r7 = by_value["符合条件人员参保率（实际参保人数/符合参保条件的人数）317-1002-JXN-FRS7"]
    assert (r7["计算符号"], r7["年度指标值"], r7["计量单位"]) == ("=", "100100", "%")
    r9 = rows[8]
    assert (r9["计算符号"], r9["年度指标值"], r9["计量单位"]) == ("≥", "095", "%")  # leading zero kept
    assert (rows[13]["计算符号"], rows[13]["年度指标值"], rows[13]["计量单位"]) == ("≥", "0108", "元")
    assert {r["项目编码"] for r in rows} == {"317-1002-JXN-FRS7", "317-1002-JXN-I2EV"}


def test_unsplittable_values_written_whole_and_flagged(seed):
    result = render(seed, "csv")
    _, rows = _rows(result.data)
    assert result.messages == [
        "第 4 行：指标值“人”无法拆分，已整体写入年度指标值",
        "第 5 行：指标值“人次”无法拆分，已整体写入年度指标值",
        "第 6 行：指标值“元”无法拆分，已整体写入年度指标值",
        "第 19 行：指标值“人”无法拆分，已整体写入年度指标值",
        "第 23 行：指标值“元”无法拆分，已整体写入年度指标值",
    ]
    row4 = rows[4 - 2]
    assert (row4["计算符号"], row4["年度指标值"], row4["计量单位"]) == ("", "人", "")


def test_hubei_layout_columns(seed):
    header, rows = _rows(render(seed, "csv", "hubei").data)
    assert header == list(HUBEI_COLUMNS)
    assert len(rows) == 34
    assert all(r["前年指标值"] == r["扣分标准"] == r["绩效指标来源"] == "" for r in rows)
    assert rows[0]["指标解释"] == "登记人数"


def test_fixed_draft_fields():
    draft = drafts.load(FIXED)
    _, rows = _rows(render(draft, "csv").data)
    assert len(rows) == sum(len(p.indicators) for p in draft.projects)
    assert rows[0]["指标值确定依据"] == "历史标准：2019年12月末参保登记人数及2020年扩面计划"
    with_formula = next(r for r in rows if "计算公式：" in r["指标解释"])
    assert re.match(r".+；计算公式：.+", with_formula["指标解释"])


def test_other_fields_and_formula_injection():
    ind = Indicator(level1="产出指标", level2="数量指标", name="=cmd|'/c calc'!A1", description="@SUM(1)",
                    value="=100%", basis=Basis("计划标准", "-依据"), direction="反向", weight=Decimal("10.50"),
                    last_year="+90%", note="\t说明")
    two = Indicator(name="多行\n名称, 含\"引号\"", value="较上年提高≥5%")
    draft = Draft(year=2025, projects=[Project(code="-1", name="+p", indicators=[ind, two])])
    result = render(draft, "csv")
    _, rows = _rows(result.data)
    r = rows[0]
    assert r["项目编码"] == "'-1" and r["项目名称"] == "'+p"
    assert r["三级指标名称"] == "'=cmd|'/c calc'!A1" and r["指标解释"] == "'@SUM(1)"
    assert (r["计算符号"], r["年度指标值"], r["计量单位"]) == ("=", "100", "%")  # the sign stays bare
    assert r["指标值确定依据"] == "计划标准：-依据"  # starts with 计, not a formula
    assert (r["权重"], r["指标方向性"], r["上年指标值"], r["指标值说明"]) == ("10.50", "反向", "'+90%", "'\t说明")
    assert rows[1]["三级指标名称"] == "多行\n名称, 含\"引号\""
    assert rows[1]["年度指标值"] == "较上年提高≥5%" and rows[1]["计算符号"] == ""
    assert result.messages == ["第 3 行：指标值“较上年提高≥5%”无法拆分，已整体写入年度指标值"]


def test_csv_cell_rules():
    assert csv_cell(None) == ""
    for text in ("=1", "+1", "-1", "@a", "\ta", "\ra"):
        assert csv_cell(text) == "'" + text
    assert csv_cell("≥095%") == "≥095%" and csv_cell("=", sign_column=True) == "="
    assert csv_cell("=", sign_column=False) == "'="


def test_safe_filename():
    assert safe_filename("../a/b\\c:d*?") == "_a_b_c_d__"
    assert safe_filename("..") == "导出" and safe_filename("CON") == "_CON"
    assert len(safe_filename("长" * 200).encode()) <= 200


def test_markdown_seed(seed):
    md = render(seed, "md").data.decode("utf-8")
    assert not md.startswith("\ufeff")
    assert md.startswith("# 顺平县社会保险事业管理局2020年度预算绩效目标\n")
    for heading in ("## 第一部分 部门整体绩效目标", "### 一、总体绩效目标", "### 二、分项绩效目标",
                    "### 三、工作保障措施", "## 第二部分 预算项目绩效目标", "### 1、城乡居民基本养老保险资金绩效目标表",
                    "### 8、失地农民养老保险及风险基金绩效目标表"):
        assert f"\n{heading}\n" in md
    assert md.count("| 一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据 |") == 2
    assert md.count("（未设置绩效指标）") == 6
    assert "| 100100% |" in md and "| ≥095% |" in md
    assert "- **预算数**：1600000.00" in md
    assert "冀人社发\\[2018\\]3号" in md  # brackets escaped, shown as typed
    table_rows = [line for line in md.splitlines() if line.startswith("| ")]
    assert len(table_rows) == 2 + 34
    for line in table_rows:
        assert len(re.findall(r"(?<!\\)\|", line)) == 7


def test_markdown_escapes_pipes_and_newlines():
    ind = Indicator(level1="产出", name="a|b\nc", description="<script>x</script>", value="**")
    draft = Draft(year=2025, projects=[Project(name="p", purpose="- 不是列表\n# 不是标题", indicators=[ind])])
    draft.department.safeguards = "- 不是列表\n\n1. 不是编号\n\n> 不是引用"
    md = render(draft, "md").data.decode("utf-8")
    row = next(line for line in md.splitlines() if line.startswith("| 产出"))
    assert "a\\|b<br>c" in row and "\\<script\\>" in row and "\\*\\*" in row
    assert len(re.findall(r"(?<!\\)\|", row)) == 7
    assert "- **资金用途**：- 不是列表<br>\\# 不是标题\n" in md  # inline: only # needs escaping
    assert "\n\\- 不是列表\n" in md and "\n1\\. 不是编号\n" in md and "\n\\> 不是引用\n" in md


def _unescape(cell: str) -> str:
    """Read a cell back as a Markdown renderer would; an unescaped | would end the cell."""
    out, i = [], 0
    while i < len(cell):
        if cell.startswith("<br>", i):
            out.append("\n")
            i += 4
        elif cell[i] == "\\":
            out.append(cell[i + 1])
            i += 2
        else:
            assert cell[i] != "|", cell
            out.append(cell[i])
            i += 1
    return "".join(out)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_escape_keeps_text_and_never_breaks_a_row(text):
    cell = escape(text)
    assert "\n" not in cell and "\r" not in cell
    assert _unescape(cell) == text.replace("\r\n", "\n").replace("\r", "\n")


def _fielded() -> Draft:
    from perfdraft.model import Project as P

    annual = Indicator(level1="产出指标", level2="数量指标", name="培训人次", value="≥300人次", weight=Decimal("20"),
                       scoring="每少10人次扣1分", prev_year="260人次", last_year="280人次", value_note="按签到表",
                       nature="定量", direction="正向")
    overall = Indicator(level1="产出指标", level2="数量指标", name="培训人次", value="≥900人次", scope="overall")
    typed = Indicator(level1="效益指标", level2="社会效益指标", name="知晓率", value="95", symbol="≥", unit="%")
    return Draft(year=2024, projects=[P(code="X-1", name="培训", indicators=[annual, overall, typed])])


def test_standard_import_columns_carry_the_new_fields():
    header, rows = _rows(render(_fielded(), "csv").data)
    assert header == list(STANDARD_COLUMNS)
    a, o, t = rows
    assert (a["目标类型"], a["计算符号"], a["年度指标值"], a["计量单位"], a["权重"], a["评分标准"]) == (
        "年度", "≥", "300", "人次", "20", "每少10人次扣1分")
    assert (a["上年指标值"], a["前年指标值"], a["指标值说明"], a["指标性质"]) == ("280人次", "260人次", "按签到表", "定量")
    assert (o["目标类型"], o["年度指标值"]) == ("总体", "900")
    assert (t["计算符号"], t["年度指标值"], t["计量单位"]) == ("≥", "95", "%")  # the typed symbol and unit


def test_hubei_columns_carry_scoring_and_prev_year():
    header, rows = _rows(render(_fielded(), "csv", "hubei").data)
    assert header == list(HUBEI_COLUMNS)
    assert (rows[0]["扣分标准"], rows[0]["前年指标值"], rows[0]["权重"]) == ("每少10人次扣1分", "260人次", "20")


def test_profile_layouts_flat():
    header, rows = _rows(render(_fielded(), "csv", "central-2021").data)
    assert header[:3] == ["项目编码", "项目名称", "目标类型"]
    assert header[3:] == ["一级指标", "二级指标", "三级指标", "指标解释", "计算符号", "年度指标值", "计量单位", "权重", "评分标准"]
    assert [(r["目标类型"], r["计算符号"], r["年度指标值"], r["计量单位"]) for r in rows] == [
        ("年度", "≥", "300", "人次"), ("总体", "≥", "900", "人次"), ("年度", "≥", "95", "%")]
    header, rows = _rows(render(_fielded(), "csv", "sichuan-grid").data)
    assert header == ["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "权重",
                      "指标方向性"]
    assert (rows[0]["指标性质"], rows[0]["年度指标值"], rows[0]["度量单位"]) == ("定量", "≥300", "人次")


def test_xlsx_import_layout_is_one_sheet_of_import_columns():
    import openpyxl

    from perfdraft.exporters.xlsx import IMPORT_SHEET, read_embedded

    draft = _fielded()
    wb = openpyxl.load_workbook(io.BytesIO(render(draft, "xlsx", "standard").data))
    assert [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"] == [IMPORT_SHEET]
    rows = list(wb[IMPORT_SHEET].iter_rows(values_only=True))
    assert list(rows[0]) == list(STANDARD_COLUMNS) and len(rows) == 1 + 3
    assert rows[1][STANDARD_COLUMNS.index("评分标准")] == "每少10人次扣1分"
    emb = read_embedded(wb)
    assert emb.intact and drafts.loads(emb.text) == draft


@pytest.mark.parametrize("profile", ["local-2015", "central-2021", "guangdong", "sichuan-grid", "ndrc-investment"])
def test_markdown_prints_the_columns_and_header_of_the_drafts_profile(seed, profile):
    """The markdown export printed the seed's six columns for every profile: it now prints the table the
    xlsx, docx and pdf exports print (the same header fields and indicator columns, in their order)."""
    from perfdraft.exporters import table_grid
    from perfdraft.profiles import get

    seed.profile = profile
    seed.framework = get(profile).framework
    md = render(seed, "md").data.decode("utf-8")
    project = seed.projects[0]
    grid = table_grid(seed, project)
    titles = [c.text for c in sorted(grid.cells, key=lambda c: c.col) if c.row == grid.header_row]
    section = md[md.index("### 1、"):md.index("### 2、")]
    assert "| " + " | ".join(escape(t) for t in titles) + " |" in section
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    assert len(rows) == 1 + len(project.indicators)
    assert all(len(re.findall(r"(?<!\\)\|", line)) == len(titles) + 1 for line in rows)
    labels = [c.text for c in grid.cells if c.role == "label" and c.row < grid.header_row]
    for label in labels:
        if label not in ("资金支出计划（%）", "3月底", "6月底", "10月底", "12月底"):
            assert f"- **{escape(label)}**：" in section, label
    assert escape(project.name) in section and escape(project.indicators[0].name) in section


def test_the_spending_plan_is_shown_as_typed_not_as_the_float_it_reads_back_as(tmp_path):
    """25 50 75 100 is saved as TOML floats (25.0): show and the markdown export printed 25.0."""
    from perfdraft import render
    from perfdraft.exporters import markdown
    from perfdraft.model import Budget, Draft, Project, SpendingPlan

    path = tmp_path / "d.toml"
    plan = SpendingPlan(Decimal("25"), Decimal("50"), Decimal("75.5"), Decimal("100"))
    project = Project(name="甲", spending_plan=plan, budget=Budget(Decimal("30000"), Decimal("30000"), Decimal("0")))
    drafts.save(Draft(year=2023, profile="hebei-2020", projects=[project]), path)
    draft = drafts.load(path)
    shown = "\n".join(render.project_table(draft.projects[0], 0))
    assert "3月底 25  6月底 50  10月底 75.5  12月底 100" in shown
    assert "预算数：30000.00    其中：财政资金：30000.00    其他资金：0.00" in shown  # amounts to the fen
    assert render.money(Decimal("1E+40")).startswith("1000")  # past the context's precision: shown as it is
    assert "3月底 25；6月底 50；10月底 75.5；12月底 100" in markdown._plan_text(draft.projects[0])
