"""docx export: reopen with python-docx and find every heading, table cell and merge in place."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from perfdraft import drafts
from perfdraft.exporters import print_value, render
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


def _project_tables(doc, index: int, first: int = 0):
    """(header block, indicator grid) of project ``index``: two tables, so that Word can repeat
    the grid's header row on continued pages (it repeats only a table's first rows)."""
    return doc.tables[first + 2 * index], doc.tables[first + 2 * index + 1]


@pytest.mark.slow
def test_two_tables_per_project_with_cells_in_place(doc, seed):
    assert len(doc.tables) == 2 * 8
    h, g = _project_tables(doc, 0)
    assert len(h.rows) == 6 and len(h.columns) == 7 and len(g.rows) == 1 + 17 and len(g.columns) == 7
    assert h.cell(0, 0).text == "项目编码" and h.cell(0, 1).text == "317-1002-JXN-FRS7"
    assert h.cell(0, 3).text == "项目名称" and h.cell(0, 4).text == "城乡居民基本养老保险资金"
    assert [h.cell(1, c).text for c in range(7)] == [
        "预算规模及资金用途", "预算数", "1,600,000.00", "其中：财政资金", "1,600,000.00", "其他资金", ""]
    assert h.cell(2, 1).text == seed.projects[0].purpose
    assert [h.cell(3, c).text for c in (1, 3, 4, 6)] == ["3月底", "6月底", "10月底", "12月底"]
    assert [h.cell(4, c).text for c in (1, 3, 4, 6)] == ["25.00", "50.00", "75.00", "100.00"]
    assert h.cell(5, 0).text == "绩效目标" and h.cell(5, 1).text == seed.projects[0].goal
    assert [g.cell(0, c).text for c in (0, 1, 2, 4, 5, 6)] == [
        "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
    for index, project in enumerate(seed.projects):
        _, grid = _project_tables(doc, index)
        for k, ind in enumerate(project.indicators):
            assert grid.cell(1 + k, 2).text == ind.name
            assert grid.cell(1 + k, 4).text == ind.description
            assert grid.cell(1 + k, 5).text == print_value(ind.value)
    assert g.cell(7, 5).text == "100100%" and g.cell(9, 5).text == "≥095%"
    _, empty = _project_tables(doc, 2)
    assert len(empty.rows) == 2 and all(c.text == "" for c in empty.rows[1].cells)
    head4, _ = _project_tables(doc, 3)
    assert [head4.cell(4, c).text for c in (1, 3, 4, 6)] == [""] * 4  # blank plan stays blank


def test_merges(doc):
    h, t = _project_tables(doc, 0)
    same = lambda a, b: t.cell(*a)._tc is t.cell(*b)._tc  # noqa: E731
    assert same((1, 0), (14, 0)) and not same((14, 0), (15, 0))  # 产出 over rows 1–14
    assert same((15, 0), (16, 0)) and not same((16, 0), (17, 0))  # 效果 over 15–16
    assert same((1, 1), (6, 1)) and not same((6, 1), (7, 1))  # 数量 over 1–6
    assert same((7, 1), (9, 1)) and same((10, 1), (11, 1)) and same((12, 1), (14, 1))
    assert same((1, 2), (1, 3))  # 三级 spans two grid columns
    hsame = lambda a, b: h.cell(*a)._tc is h.cell(*b)._tc  # noqa: E731
    assert hsame((1, 0), (2, 0)) and hsame((2, 1), (2, 6)) and hsame((0, 4), (0, 6))
    assert t.cell(1, 0).text == "产出指标" and t.cell(15, 0).text == "效果指标"


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
    assert s.left_margin == s.right_margin and abs(s.top_margin - Cm(2.54)) < Cm(0.01)
    head, grid = (t._tbl for t in _project_tables(doc, 0))
    assert grid.tblPr.find(qn("w:tblStyle")).get(qn("w:val")) == "TableGrid"
    # the grid's header row repeats on every page; the header block stays whole and with the grid
    rows = grid.tr_lst
    assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    assert all(tr.trPr.find(qn("w:tblHeader")) is None for tr in rows[1:])
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in head.tr_lst)
    for tc in grid.iter(qn("w:tc")):  # merged 一级/二级 at the top of their run, everything else centred
        merged = tc.tcPr.find(qn("w:vMerge")) is not None
        assert tc.tcPr.find(qn("w:vAlign")).get(qn("w:val")) == ("top" if merged else "center")


def test_long_rows_may_split_short_rows_do_not():
    long = "很长的指标解释，" * 60
    draft = Draft(year=2025, projects=[Project(name="p", indicators=[
        Indicator(level1="产出指标", level2="数量指标", name="短", value="≥1人"),
        Indicator(level1="产出指标", level2="数量指标", name="长", description=long, value="≥1人")])])
    doc = _open(render(draft, "docx").data)
    rows = doc.tables[-1]._tbl.tr_lst
    assert rows[1].trPr.find(qn("w:cantSplit")) is not None
    assert rows[2].trPr.find(qn("w:cantSplit")) is None


def test_embedded_draft_round_trips_and_detects_edits(seed, seed_bytes):
    emb = read_embedded(_open(seed_bytes))
    assert emb is not None and emb.intact and drafts.loads(emb.text) == seed
    doc = _open(seed_bytes)
    doc.tables[1].cell(7, 5).paragraphs[0].runs[0].text = "=100%"
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
    assert len(doc.tables) == 2 + 2 * len(draft.projects)  # 年度绩效指标 + 分项 3's indicators
    dept = doc.tables[0]
    assert dept.cell(1, 2).text == "在职人员控制率" and dept.cell(1, 5).text == "≤100%"
    assert dept.cell(1, 4).text.endswith("计算公式：在职人员数÷编制数×100%")
    head, p1 = _project_tables(doc, 0, first=2)
    assert p1.cell(1, 6).text == "历史标准：2019年12月末参保登记人数及2020年扩面计划"
    assert head.cell(1, 6).text == "0.00"
    assert any(p.text.startswith("关联项目：") for p in doc.paragraphs)
    emb = read_embedded(doc)
    assert emb.intact and drafts.loads(emb.text) == draft


def test_text_kept_exactly_and_control_characters_dropped():
    draft = Draft(year=2025, projects=[Project(
        name="名\x07称", purpose="第一段\n\n第二段", indicators=[Indicator(name="=1+1", value="≥095%"),
                                                             Indicator(name="@x", value="-5%")])])
    result = render(draft, "docx")
    doc = _open(result.data)
    t, g = _project_tables(doc, 0)
    assert t.cell(0, 4).text == "名称" and result.messages
    assert t.cell(2, 1).text == "第一段\n\n第二段"
    assert (g.cell(1, 2).text, g.cell(1, 5).text, g.cell(2, 2).text, g.cell(2, 5).text) == (
        "=1+1", "≥095%", "@x", "-5%")
    emb = read_embedded(doc)
    assert emb.intact and drafts.loads(emb.text).projects[0].name == "名\x07称"


def test_no_projects():
    doc = _open(render(Draft(year=2025), "docx").data)
    assert not doc.tables and doc.paragraphs[-1].text == "（无项目）"


def test_empty_department_part_is_left_out():
    draft = Draft(year=2025, projects=[Project(name="p", indicators=[Indicator(name="n", value=">=6962人")])])
    doc = _open(render(draft, "docx").data)
    assert not _headings(doc, 1)  # no 第一部分 (a blank page) and so no 第二部分 either
    assert _headings(doc, 2) == ["1、p绩效目标表"]
    assert doc.tables[1].cell(1, 5).text == "≥6962人"  # canonical in print
    assert drafts.loads(read_embedded(doc).text).projects[0].indicators[0].value == ">=6962人"


def test_formula_printed_once():
    ind = Indicator(name="参保率", description="实际参保人数 ÷ 应参保人数×100%", formula="实际参保人数÷应参保人数×100%",
                    value="≥95%")
    other = Indicator(name="到位率", description="资金到位情况", formula="到位资金÷应到位资金×100%", value="=100%")
    doc = _open(render(Draft(year=2025, projects=[Project(name="p", indicators=[ind, other])]), "docx").data)
    g = doc.tables[1]
    assert g.cell(1, 4).text == "实际参保人数 ÷ 应参保人数×100%"
    assert g.cell(2, 4).text == "资金到位情况\n计算公式：到位资金÷应到位资金×100%"


def test_sign_off_block_where_the_profile_has_one():
    draft = Draft(year=2025, profile="local-2015", projects=[Project(name="p", authority="某局", indicators=[
        Indicator(level1="产出指标", level2="数量指标", name="n", value="≥1人")])])
    texts = [p.text for p in _open(render(draft, "docx").data).paragraphs]
    assert any(t.startswith("填报人：\t联系电话：\t单位负责人：") for t in texts)
    assert any(t.startswith("填报日期：") and "单位（盖章）" in t for t in texts)
    draft.profile = "hebei-2020"  # the seed's table has none
    texts = [p.text for p in _open(render(draft, "docx").data).paragraphs]
    assert not any("填报人" in t for t in texts)


def test_tables_alone_import_back(tmp_path, seed, seed_bytes):
    """With the embedded part dropped (as a LibreOffice re-save does), the importer reads the two
    tables of each project (header block + indicator grid) back into the same projects."""
    import re
    import zipfile

    from perfdraft.importers import import_file

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(seed_bytes)) as zin, zipfile.ZipFile(out, "w") as zout:
        for name in zin.namelist():
            if name.startswith("customXml/"):
                continue
            data = zin.read(name)
            if name == "word/_rels/document.xml.rels":
                data = re.sub(rb'<Relationship [^>]*customXml[^>]*/>', b"", data)
            zout.writestr(name, data)
    path = tmp_path / "tables-only.docx"
    path.write_bytes(out.getvalue())
    assert read_embedded(str(path)) is None
    back = import_file(path).draft
    assert [(p.code, p.name, p.budget.total) for p in back.projects] == [
        (p.code, p.name, p.budget.total) for p in seed.projects]
    assert [[i.name for i in p.indicators] for p in back.projects] == [
        [i.name for i in p.indicators] for p in seed.projects]
