"""docx export: reopen with python-docx and find every heading, table cell and merge in place."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from perfdraft import drafts
from perfdraft.exporters import render
from perfdraft.exporters.docx import MARKER_NS, read_embedded
from perfdraft.model import Draft, Indicator, Project

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed-shunping-2020.toml"
FIXED = FIXTURES / "seed-shunping-2020-fixed.toml"


def _open(data: bytes):
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def seed() -> Draft:
    return drafts.load(SEED)


@pytest.fixture(scope="module")
def seed_bytes(seed) -> bytes:
    return render(seed, "docx").data


@pytest.fixture(scope="module")
def doc(seed_bytes):
    return _open(seed_bytes)


def _headings(doc, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def test_headings_are_real_heading_styles(doc, seed):
    assert _headings(doc, 1) == ["第一部分 部门整体绩效目标", "第二部分 预算项目绩效目标"]
    h2 = _headings(doc, 2)
    assert h2[:3] == ["一、总体绩效目标", "二、分项绩效目标", "三、工作保障措施"]
    assert h2[3:] == [f"{i + 1}、{p.name}绩效目标表" for i, p in enumerate(seed.projects)]
    assert h2[5] == "3、冀财社【2019】74号城乡居民基本养老保险资金绩效目标表"


def test_department_text(doc, seed):
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "顺平县社会保险事业管理局2020年度预算绩效目标"
    assert seed.department.overall_goal in texts
    assert sum(1 for t in texts if t[:2] in ("1、", "2、", "3、") and "绩效目标表" not in t) == 3
    assert "积极和各乡、镇政府联系，保证城乡居民应保尽保，应发尽发。" in texts
    assert texts.count("317002顺平县社会保险事业管理局\t单位：元") == 8


def test_one_table_per_project_with_cells_in_place(doc, seed):
    assert len(doc.tables) == 8
    t = doc.tables[0]
    assert len(t.rows) == 7 + 17 and len(t.columns) == 7
    assert t.cell(0, 0).text == "项目编码" and t.cell(0, 1).text == "317-1002-JXN-FRS7"
    assert t.cell(0, 3).text == "项目名称" and t.cell(0, 4).text == "城乡居民基本养老保险资金"
    assert [t.cell(1, c).text for c in range(7)] == [
        "预算规模及资金用途", "预算数", "1600000.00", "其中：财政资金", "1600000.00", "其他资金", ""]
    assert t.cell(2, 1).text == seed.projects[0].purpose
    assert [t.cell(3, c).text for c in (1, 3, 4, 6)] == ["3月底", "6月底", "10月底", "12月底"]
    assert [t.cell(4, c).text for c in (1, 3, 4, 6)] == ["25.00", "50.00", "75.00", "100.00"]
    assert t.cell(5, 0).text == "绩效目标" and t.cell(5, 1).text == seed.projects[0].goal
    assert [t.cell(6, c).text for c in (0, 1, 2, 4, 5, 6)] == [
        "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
    for index, project in enumerate(seed.projects):
        table = doc.tables[index]
        for k, ind in enumerate(project.indicators):
            assert table.cell(7 + k, 2).text == ind.name
            assert table.cell(7 + k, 4).text == ind.description
            assert table.cell(7 + k, 5).text == ind.value
    assert t.cell(13, 5).text == "100100%" and t.cell(15, 5).text == "≥095%"
    empty = doc.tables[2]
    assert len(empty.rows) == 8 and all(c.text == "" for c in empty.rows[7].cells)
    assert [doc.tables[3].cell(4, c).text for c in (1, 3, 4, 6)] == [""] * 4  # blank plan stays blank


def test_merges(doc):
    t = doc.tables[0]
    same = lambda a, b: t.cell(*a)._tc is t.cell(*b)._tc  # noqa: E731
    assert same((7, 0), (20, 0)) and not same((20, 0), (21, 0))  # 产出 over rows 1–14
    assert same((21, 0), (22, 0)) and not same((22, 0), (23, 0))  # 效果 over 15–16
    assert same((7, 1), (12, 1)) and not same((12, 1), (13, 1))  # 数量 over 1–6
    assert same((13, 1), (15, 1)) and same((16, 1), (17, 1)) and same((18, 1), (20, 1))
    assert same((7, 2), (7, 3))  # 三级 spans two grid columns
    assert same((1, 0), (2, 0)) and same((2, 1), (2, 6)) and same((0, 4), (0, 6))
    assert t.cell(7, 0).text == "产出指标" and t.cell(21, 0).text == "效果指标"


def test_fonts_page_and_table_layout(doc):
    def fonts(style):
        rf = style.element.rPr.find(qn("w:rFonts"))
        assert rf.get(qn("w:asciiTheme")) is None and rf.get(qn("w:eastAsiaTheme")) is None
        return rf.get(qn("w:eastAsia"))

    assert fonts(doc.styles["Normal"]) == "宋体"
    assert fonts(doc.styles["Heading 1"]) == "黑体" and fonts(doc.styles["Heading 2"]) == "黑体"
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体"
    s = doc.sections[0]
    assert abs(s.page_width - Cm(21)) < Cm(0.05) and abs(s.page_height - Cm(29.7)) < Cm(0.05)
    assert s.left_margin == s.right_margin and s.top_margin == Cm(2.54)
    tbl = doc.tables[0]._tbl
    assert tbl.tblPr.find(qn("w:tblStyle")).get(qn("w:val")) == "TableGrid"
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in tbl.tr_lst)


def test_embedded_draft_round_trips_and_detects_edits(seed, seed_bytes):
    emb = read_embedded(_open(seed_bytes))
    assert emb is not None and emb.intact and drafts.loads(emb.text) == seed
    doc = _open(seed_bytes)
    doc.tables[0].cell(13, 5).paragraphs[0].runs[0].text = "=100%"
    buf = io.BytesIO()
    doc.save(buf)  # python-docx keeps the custom part, as Word does
    edited = read_embedded(_open(buf.getvalue()))
    assert edited is not None and not edited.intact and drafts.loads(edited.text) == seed
    assert read_embedded(docx.Document()) is None
    part = next(r.target_part for r in _open(seed_bytes).part.rels.values() if r.target_part.partname.endswith(
        "perfdraft-draft.xml"))
    assert MARKER_NS.encode() in part.blob


def test_fixed_draft_department_tables_and_basis():
    draft = drafts.load(FIXED)
    doc = _open(render(draft, "docx").data)
    assert len(doc.tables) == 2 + len(draft.projects)  # 年度绩效指标 + 分项 3's indicators
    dept = doc.tables[0]
    assert dept.cell(1, 2).text == "在职人员控制率" and dept.cell(1, 5).text == "≤100%"
    assert dept.cell(1, 4).text.endswith("计算公式：在职人员数÷编制数×100%")
    p1 = doc.tables[2]
    assert p1.cell(7, 6).text == "历史标准：2019年12月末参保登记人数及2020年扩面计划"
    assert p1.cell(1, 6).text == "0.00"
    assert any(p.text.startswith("关联项目：") for p in doc.paragraphs)
    emb = read_embedded(doc)
    assert emb.intact and drafts.loads(emb.text) == draft


def test_text_kept_exactly_and_control_characters_dropped():
    draft = Draft(year=2025, projects=[Project(
        name="名\x07称", purpose="第一段\n\n第二段", indicators=[Indicator(name="=1+1", value="≥095%"),
                                                             Indicator(name="@x", value="-5%")])])
    result = render(draft, "docx")
    doc = _open(result.data)
    t = doc.tables[0]
    assert t.cell(0, 4).text == "名称" and result.messages
    assert t.cell(2, 1).text == "第一段\n\n第二段"
    assert (t.cell(7, 2).text, t.cell(7, 5).text, t.cell(8, 2).text, t.cell(8, 5).text) == (
        "=1+1", "≥095%", "@x", "-5%")
    emb = read_embedded(doc)
    assert emb.intact and drafts.loads(emb.text).projects[0].name == "名\x07称"


def test_no_projects():
    doc = _open(render(Draft(year=2025), "docx").data)
    assert _headings(doc, 1)[-1] == "第二部分 预算项目绩效目标" and not doc.tables
