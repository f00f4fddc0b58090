"""xlsx and docx import: common layouts built here with openpyxl / python-docx, perfdraft's own
exports (round trips through the embedded draft and through the visible tables), and a corpus of
malformed files that must give one clear line and exit 2, never a traceback."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfdraft import drafts
from perfdraft.importers import ImportFailed, import_files
from perfdraft.model import Basis, Budget, Department, Draft, Indicator, Project, SpendingPlan, SubGoal

from .conftest import ROOT, SEED

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")


def rows(draft, project=0):
    return [(i.level1, i.level2, i.name, i.description, i.value, i.basis) for i in draft.projects[project].indicators]


# --- a common one-sheet-per-project workbook ---------------------------------------------------------------


def _workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "送戏下乡"
    ws["A1"] = "2021年送戏下乡项目支出绩效目标表"
    ws.merge_cells("A1:I1")
    ws["A2"], ws["B2"], ws["H2"] = "主管部门及代码", "415003东阳县文化广电和旅游局", "单位：万元"
    ws.append(["项目名称", "送戏下乡惠民演出", "项目编码", "415-2071-WLN-0001"])
    ws.append(["年度资金总额", 39.4, "财政拨款", 39.4, "其他资金", None])
    ws.append(["年度绩效目标", "全年送戏下乡197场，覆盖全县18个乡镇。"])
    ws.merge_cells("B5:I5")
    # the grid in an unusual column order, 一级/二级 merged down
    ws.append(["序号", "指标值", "计量单位", "指标性质", "指标名称", "二级指标", "一级指标", "指标解释", "指标值确定依据"])
    ws.append([1, 197, "场", "≥", "送戏下乡场次", "数量指标", "产出指标", "全年演出场次", "计划标准"])
    ws.append([2, 20, "万人次", "≥", "观看群众人次", None, None, None, None])
    ws.append([3, 0.95, None, "≥", "节目审查合格率", "质量指标", None, None, "行业标准：演出节目审查办法"])
    ws.append([4, "基本建立", "—", "定性", "送戏下乡长效机制", "可持续影响指标", "效益指标", None, None])
    ws.append([5, 90, "%", "≥", "群众满意度", "服务对象满意度指标", "满意度指标", "抽样调查", None])
    ws["B9"].number_format = "0%"
    ws.merge_cells("G7:G9")
    ws.merge_cells("F7:F8")
    # a second project on its own sheet, another column order and an unknown column
    ws2 = wb.create_sheet("农村公路")
    ws2.append(["项目名称", "农村公路日常养护", "项目编码", "402-2140-XCL-0106"])
    ws2.append(["预算数", 3800000, "其中：财政资金", 3800000, "其他资金", 0])
    ws2.append(["一级指标", "二级指标", "三级指标", "计算符号", "年度指标值", "度量单位", "扣分标准"])
    ws2.append(["产出指标", "数量指标", "日常养护里程", "≥", 380, "公里", "每少1公里扣1分"])
    ws2.append([None, "时效指标", "完工时间", "定性", "2021年11月30日前", None, None])
    hidden = wb.create_sheet("下拉选项")
    hidden.append(["≥", "≤", "="])
    hidden.sheet_state = "hidden"
    wb.save(path)
    return path


def test_xlsx_common_layout(tmp_path):
    result = import_files([_workbook(tmp_path / "two.xlsx")])
    d = result.draft
    assert [p.name for p in d.projects] == ["送戏下乡惠民演出", "农村公路日常养护"]
    assert (d.department.code, d.department.name) == ("415003", "东阳县文化广电和旅游局")
    p = d.projects[0]
    assert p.code == "415-2071-WLN-0001"
    assert p.budget.total == Decimal("394000") and p.budget.fiscal == Decimal("394000") and p.budget.other is None
    assert p.goal == "全年送戏下乡197场，覆盖全县18个乡镇。"
    assert rows(d) == [
        ("产出指标", "数量指标", "送戏下乡场次", "全年演出场次", "≥197场", Basis("计划标准", None)),
        ("产出指标", "数量指标", "观看群众人次", None, "≥20万人次", None),
        ("产出指标", "质量指标", "节目审查合格率", None, "≥95%", Basis("行业标准", "演出节目审查办法")),
        ("效益指标", "可持续影响指标", "送戏下乡长效机制", None, "基本建立", None),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "抽样调查", "≥90%", None),
    ]
    q = d.projects[1]
    assert (q.budget.total, q.budget.other) == (Decimal(3800000), Decimal(0))
    assert rows(d, 1) == [
        ("产出指标", "数量指标", "日常养护里程", None, "≥380公里", None),
        ("产出指标", "时效指标", "完工时间", None, "2021年11月30日前", None),
    ]
    assert d.year == 2021
    text = "\n".join(result.repairs)
    assert "隐藏的工作表“下拉选项”" in text and "万元" in text
    # 扣分标准 is a label of the registry's 评分标准 (fields.py): the column lands in the field
    assert result.unplaced == [] and q.indicators[0].scoring == "每少1公里扣1分"


# --- a docx like the seed's Word document ------------------------------------------------------------------


def _seed_like_docx(path: Path) -> Path:
    doc = docx.Document()
    for text in ("第一部分", "部门整体绩效目标", "一、总体绩效目标 TC 总体绩效目标 \\f A \\l 1 ",
                 "全年组织送戏下乡演出不少于197场。", "", "二、分项绩效目标 TC 分项绩效目标 \\f A \\l 1 ",
                 "1、组织县剧团开展送戏下乡。", "", "2、更新乡镇文化站演出设备。", "",
                 "三、工作保障措施 TC 工作保障措施 \\f A \\l 1 ", "建立演出台账。", "", "第二部分", "预算项目绩效目标",
                 "1、冀文旅【2020】12号送戏下乡补助资金绩效目标表 TC 1、冀文旅【2020】12号送戏下乡补助资金绩效目标表 \\f C \\l 1 "):
        doc.add_paragraph(text)
    t = doc.add_table(rows=7, cols=7)

    def put(r, c, text, r2=None, c2=None):
        cell = t.cell(r, c)
        if r2 is not None or c2 is not None:
            cell = cell.merge(t.cell(r2 if r2 is not None else r, c2 if c2 is not None else c))
        cell.text = text

    put(0, 0, "415003东阳县文化广电和旅游局", c2=3)
    put(0, 4, "单位：元", c2=6)
    put(1, 0, "项目编码")
    put(1, 1, "415-2071-WLN-0001", c2=2)
    put(1, 3, "项目名称")
    put(1, 4, "冀文旅【2020】12号送戏下乡补助资金", c2=6)
    put(2, 0, "预算规模及资金用途", r2=3)
    for c, text in enumerate(["预算数", "394000.00", "其中：财政资金", "394000.00", "其他资金", ""], start=1):
        put(2, c, text)
    put(3, 1, "按每场2000元补助演出团体。\n\n年底前拨付完毕。", c2=6)
    put(4, 0, "资金支出计划（%）", r2=5)
    for c, text in enumerate(["3月底", "6月底", "10月底", "12月底"], start=1):
        put(4, c, text)
        put(5, c, ["20.00", "50.00", "80.00", "100.00"][c - 1])
    put(6, 0, "绩效目标")
    put(6, 1, "2021年送戏下乡197场。", c2=6)
    doc.add_paragraph("")
    g = doc.add_table(rows=5, cols=6)
    for c, text in enumerate(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]):
        g.cell(0, c).text = text
    body = [["产出指标", "数量指标", "送戏下乡演出场次", "全年实际演出场次", "≥197场", ""],
            ["", "质量指标", "演出节目审查合格率", "", "100%", ""],
            ["效果指标", "社会效益指标", "观看演出群众人次", "", "≥20万人次", ""],
            ["满意度指标", "服务对象满意度指标", "观看群众满意度", "抽样问卷调查", "≥90%", ""]]
    for r, row in enumerate(body, start=1):
        for c, text in enumerate(row):
            if text:
                g.cell(r, c).text = text
    g.cell(1, 0).merge(g.cell(2, 0))  # 一级 merged over two rows, as in the seed's document
    doc.save(path)
    return path


def test_docx_seed_like_document(tmp_path):
    result = import_files([_seed_like_docx(tmp_path / "seed-like.docx")])
    d = result.draft
    assert d.department.overall_goal == "全年组织送戏下乡演出不少于197场。"
    assert [g.text for g in d.department.sub_goals] == ["组织县剧团开展送戏下乡。", "更新乡镇文化站演出设备。"]
    assert d.department.safeguards == "建立演出台账。"
    assert (d.department.code, d.department.name) == ("415003", "东阳县文化广电和旅游局")
    p = d.projects[0]
    assert p.name == "冀文旅【2020】12号送戏下乡补助资金" and p.doc_number is None  # as printed by default
    assert p.purpose == "按每场2000元补助演出团体。\n\n年底前拨付完毕。"
    assert p.budget == Budget(Decimal("394000.00"), Decimal("394000.00"), None)
    assert p.spending_plan == SpendingPlan(Decimal(20), Decimal(50), Decimal(80), Decimal(100))
    assert rows(d) == [
        ("产出指标", "数量指标", "送戏下乡演出场次", "全年实际演出场次", "≥197场", None),
        ("产出指标", "质量指标", "演出节目审查合格率", None, "100%", None),
        ("效果指标", "社会效益指标", "观看演出群众人次", None, "≥20万人次", None),
        ("满意度指标", "服务对象满意度指标", "观看群众满意度", "抽样问卷调查", "≥90%", None),
    ]
    assert result.unplaced == []
    assert any("目录域代码" in line for line in result.repairs)
    split = import_files([tmp_path / "seed-like.docx"], split_doc_number=True).draft.projects[0]
    assert (split.name, split.doc_number) == ("送戏下乡补助资金", "冀文旅〔2020〕12号")


# --- perfdraft's own exports: round trips -------------------------------------------------------------------


def _render(draft: Draft, fmt: str) -> bytes:
    exporters = pytest.importorskip("perfdraft.exporters")
    return exporters.render(draft, fmt).data


def _without_embedded(data: bytes, fmt: str) -> bytes:
    """The same export with the embedded draft removed: the importer must read the tables."""
    if fmt == "xlsx":
        wb = openpyxl.load_workbook(io.BytesIO(data))
        del wb["_perfdraft"]
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    d = docx.Document(io.BytesIO(data))
    for rid, rel in list(d.part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML:
            d.part.rels.pop(rid)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _import_bytes(tmp: Path, data: bytes, fmt: str, name: str = "x") -> tuple[Draft, list[str]]:
    path = tmp / f"{name}.{fmt}"
    path.write_bytes(data)
    result = import_files([path])
    return result.draft, result.repairs


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_seed_export_import_round_trip(tmp_path, fmt):
    seed = drafts.load(SEED)
    data = _render(seed, fmt)
    back, repairs = _import_bytes(tmp_path, data, fmt)
    assert drafts.to_dict(back) == drafts.to_dict(seed)
    assert any("嵌入的草稿" in r for r in repairs)
    # and through the visible tables alone (a copy saved by a program that drops the embedded draft)
    back, repairs = _import_bytes(tmp_path, _without_embedded(data, fmt), fmt, "plain")
    assert drafts.to_dict(back) == drafts.to_dict(seed)


def test_openpyxl_warnings_do_not_reach_the_user(tmp_path, monkeypatch):
    """openpyxl warns in English about parts it drops (shapes, data validation, odd relationships);
    the values do not depend on them, and the user should not see them."""
    import warnings

    import openpyxl

    real = openpyxl.load_workbook

    def noisy(*args, **kwargs):
        warnings.warn("DrawingML support is incomplete and limited to charts and images only.", UserWarning,
                      stacklevel=2)
        return real(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", noisy)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        back, _ = _import_bytes(tmp_path, _render(drafts.load(SEED), "xlsx"), "xlsx")
    assert back.projects and not [w for w in seen if "DrawingML" in str(w.message)]


@pytest.mark.slow
def test_edited_xlsx_export_reads_the_tables(tmp_path):
    seed = drafts.load(SEED)
    wb = openpyxl.load_workbook(io.BytesIO(_render(seed, "xlsx")))
    ws = wb.worksheets[1]
    hit = next(c for row in ws.iter_rows() for c in row if c.value == "≥125000人")
    hit.value = "≥126000人"
    path = tmp_path / "edited.xlsx"
    wb.save(path)
    result = import_files([path])
    assert result.draft.projects[0].indicators[0].value == "≥126000人"
    assert any("被修改过" in r for r in result.repairs)


# generated drafts: the embedded path is exact for anything; the table path for what the tables show

# control characters are left out: the exporters drop them from visible cells (the docx/xlsx document
# properties do not accept them at all, see the report); the embedded draft is what is tested here
_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)
_MONEY = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def _any_draft(draw):
    ind = st.builds(Indicator, level1=st.none() | _TEXT, level2=st.none() | _TEXT, name=st.none() | _TEXT,
                    value=st.none() | _TEXT, last_year=st.none() | _TEXT,
                    weight=st.none() | st.decimals(0, 100, places=1))
    p = st.builds(Project, code=st.none() | _TEXT, name=st.none() | _TEXT, purpose=st.none() | _TEXT,
                  budget=st.builds(Budget, total=st.none() | _MONEY), indicators=st.lists(ind, max_size=4),
                  notes=st.lists(_TEXT, max_size=2), confirm=st.lists(_TEXT, max_size=2))
    return Draft(year=draw(st.integers(2000, 2099)), framework=draw(st.sampled_from(["local-2015", "central-2021"])),
                 department=Department(name=draw(st.none() | _TEXT)), projects=draw(st.lists(p, max_size=3)))


_NAMES = ["城乡居民基本养老保险资金", "送戏下乡惠民演出", "农村公路日常养护", "乡镇卫生院设备购置", "村级公益性岗位补贴"]
_WORDS = ["保障全县参保人员待遇按时足额发放", "完成年度演出任务", "县乡道日常养护380公里", "群众满意度不低于90%",
          "资金专款专用", "按季度拨付"]
_PAIRS = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("产出指标", "成本指标"),
          ("效益指标", "社会效益指标"), ("效果指标", "经济效益指标"), ("满意度指标", "服务对象满意度指标")]
_VALUES = ["≥125000人", "=100%", "≤10000元/公里", "100100%", "人", "2021年11月30日前", "基本建立", "≥0108元"]
_PARA = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map("，".join)
_TEXTS = st.none() | st.lists(_PARA, min_size=1, max_size=2).map("\n\n".join)


@st.composite
def _table_draft(draw):
    def indicator():
        l1, l2 = draw(st.sampled_from(_PAIRS))
        return Indicator(level1=l1, level2=l2, name=draw(st.sampled_from(["参保人数", "发放及时率", "养护里程", "满意度"])),
                         description=draw(st.none() | st.sampled_from(["登记人数", "无关", "抽样调查"])),
                         value=draw(st.none() | st.sampled_from(_VALUES)),
                         basis=draw(st.none() | st.builds(Basis, st.sampled_from(["计划标准", "历史标准"]),
                                                          st.none() | st.sampled_from(["上年实际", "冀人社规[2019]2号"]))),
                         formula=draw(st.none() | st.just("实际人数/应参保人数")))

    def project(k):
        plan = draw(st.none() | st.builds(SpendingPlan, *(st.none() | st.sampled_from([Decimal(25), Decimal("50.5")])
                                                         for _ in range(4))))
        name = draw(st.none() | st.sampled_from(_NAMES))
        return Project(code=f"317-1002-JXN-{k:04d}", name=name,
                       doc_number=draw(st.none() | st.just("冀财社〔2019〕74号")) if name else None,
                       purpose=draw(_TEXTS), goal=draw(_TEXTS),
                       budget=Budget(draw(st.none() | _MONEY), draw(st.none() | _MONEY), draw(st.none() | _MONEY)),
                       spending_plan=plan if plan and not plan.is_blank() else None,
                       indicators=[indicator() for _ in range(draw(st.integers(0, 4)))])

    projects = [project(k) for k in range(draw(st.integers(1, 3)))]
    codes = [p.code for p in projects]
    coded = draw(st.booleans())
    sub_goals = [SubGoal(text=draw(_PARA), indicators=[indicator() for _ in range(draw(st.integers(0, 2)))],
                         projects=draw(st.lists(st.sampled_from(codes), max_size=2, unique=True)))
                 for _ in range(draw(st.integers(0, 2)))]
    budget = draw(st.none() | st.builds(Budget, st.none() | _MONEY, st.none() | _MONEY, st.none() | _MONEY))
    dept = Department(code="317002" if coded else None, name=draw(st.sampled_from(["顺平县社会保险事业管理局", "东阳县交通运输局"])),
                      overall_goal=draw(_TEXTS), safeguards=draw(_TEXTS), sub_goals=sub_goals,
                      budget=budget if budget and any(v is not None for v in (budget.total, budget.fiscal, budget.other))
                      else None,
                      indicators=[indicator() for _ in range(draw(st.integers(0, 2)))])
    return Draft(year=draw(st.integers(2015, 2030)), department=dept, projects=projects)


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_any_draft())
def test_generated_drafts_round_trip_through_embedded_draft(tmp_path, draft):
    pytest.importorskip("perfdraft.exporters")
    for fmt in ("xlsx", "docx"):
        back, _ = _import_bytes(tmp_path, _render(draft, fmt), fmt)
        assert drafts.to_dict(back) == drafts.to_dict(draft)


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_table_draft())
def test_generated_drafts_round_trip_through_the_tables(tmp_path, draft):
    pytest.importorskip("perfdraft.exporters")
    from perfdraft.exporters import by_levels

    draft = drafts.loads(drafts.dumps(draft))  # as a saved draft
    for p in [*draft.projects, *draft.department.sub_goals, draft.department]:
        p.indicators = by_levels(p.indicators)  # the standard table prints each 二级's rows together
    want = drafts.to_dict(draft)  # the year included: where no printed title names it, the document's title does
    for fmt in ("xlsx", "docx"):
        back, _ = _import_bytes(tmp_path, _without_embedded(_render(draft, fmt), fmt), fmt)
        got = drafts.to_dict(back)
        assert got == want, fmt


# --- malformed files --------------------------------------------------------------------------------------------


def _corpus(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name → (file, a phrase the error must contain)."""
    seed_xlsx = tmp / "ok.xlsx"
    _workbook(seed_xlsx)
    data = seed_xlsx.read_bytes()
    out = {}

    def put(name: str, content: bytes, phrase: str) -> None:
        p = tmp / name
        p.write_bytes(content)
        out[name] = (p, phrase)

    put("truncated.xlsx", data[: len(data) // 2], "损坏")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "not a workbook")
    put("not-xlsx.xlsx", buf.getvalue(), "不是 xlsx")
    put("zip-no-kind.zip", buf.getvalue(), "不是 xlsx 或 docx")
    put("encrypted.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024), "密码")
    put("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024), ".xls")
    put("renamed.docx", "只是文本".encode(), "不是有效的 Word")
    d = docx.Document()
    d.add_paragraph("本文档没有表格，也没有项目。")
    d.save(tmp / "no-table.docx")
    out["no-table.docx"] = (tmp / "no-table.docx", "没有找到绩效目标表的指标行")
    put("junk.bin", bytes(range(256)) * 20, "无法识别的文件类型")
    put("junk.txt", bytes((i * 37 + 11) % 256 for i in range(4000)), "不是")
    put("empty.txt", b"", "空")
    put("blank.txt", b"\n \n\t\n", "空")
    put("report.pdf", b"%PDF-1.7\n", "PDF")
    put("image.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "无法识别")
    big = tmp / "big.txt"
    with open(big, "w", encoding="utf-8") as fh:
        line = "产出指标\t数量指标\t送戏下乡场次\t≥197场\n"
        fh.write(line * (10 * 1024 * 1024 // len(line.encode()) + 1))
    out["big.txt"] = (big, "上限")
    return out


def test_malformed_corpus_gives_clear_errors(tmp_path):
    for name, (path, phrase) in _corpus(tmp_path).items():
        with pytest.raises(ImportFailed) as err:
            import_files([path])
        message = str(err.value)
        assert str(path) in message, name
        assert phrase in message, (name, message)
        assert "\n" not in message and "Traceback" not in message
    with pytest.raises(ImportFailed, match="不存在"):
        import_files([tmp_path / "missing.xlsx"])
    with pytest.raises(ImportFailed, match="目录"):
        import_files([tmp_path])


@pytest.mark.slow
@pytest.mark.parametrize("name", ["truncated.xlsx", "no-table.docx", "junk.bin"])
def test_malformed_files_exit_2_via_the_command(tmp_path, name):
    """Bad input exits 2; a readable document with no indicator row exits 1 (issue 15). Neither writes."""
    path, phrase = _corpus(tmp_path)[name]
    out = tmp_path / "out.toml"
    r = subprocess.run([sys.executable, "-m", "perfdraft", "import", str(path), "-o", str(out)], cwd=ROOT,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == (1 if name == "no-table.docx" else 2)
    assert phrase in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert not out.exists()


# --- the lean xlsx reader -----------------------------------------------------------------------------------------


def _formula_book(path: Path) -> Path:
    import datetime as dt

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "培训"
    ws.append(["项目名称", "职业技能培训", "完成时限", dt.datetime(2024, 11, 30)])
    ws.append(["年度资金总额（万元）", 12.5, "是否延续", True])
    ws.append(["一级指标", "二级指标", "三级指标", "指标值"])
    ws.append(["产出指标", "数量指标", "培训人次", "=C9*2"])  # openpyxl writes no cached value
    ws.append([None, "质量指标", "结业率", 0.95])
    ws["D5"].number_format = "0%"
    ws.append(["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"])
    ws.merge_cells("A4:A5")
    wb.save(path)
    return path


def test_uncalculated_formula_is_reported_and_its_row_kept_to_confirm(tmp_path):
    result = import_files([_formula_book(tmp_path / "f.xlsx")])
    text = "\n".join(result.repairs)
    assert "公式单元格没有计算结果" in text and "培训!D4" in text
    p = result.draft.projects[0]
    assert [(i.name, i.value) for i in p.indicators] == [("培训人次", None), ("结业率", "95%"), ("学员满意度", "≥90%")]
    assert "indicators[0].value" in p.confirm


def test_lean_xlsx_reader_reads_as_openpyxl_does(tmp_path):
    from perfdraft.importers import sources
    from perfdraft.importers.report import Report

    for path in (_formula_book(tmp_path / "f.xlsx"), _workbook(tmp_path / "two.xlsx")):
        ours = sources._xlsx_records(path, Report("a"))
        theirs = sources._openpyxl_records(path, Report("b"))
        assert [[(r.cells, r.filled, r.locs, r.spans) for r in s] for s in ours] == \
            [[(r.cells, r.filled, r.locs, r.spans) for r in s] for s in theirs]


def test_the_year_of_a_workbook_whose_sheets_print_none_comes_from_its_title_property(tmp_path):
    """A workbook of project sheets only (no title with a year on any page): the document's own title
    (File → Properties) names the year; a workbook without one leaves the year unset and says so."""
    import xlsxwriter

    def book(name: str, title: str | None) -> Path:
        path = tmp_path / name
        wb = xlsxwriter.Workbook(str(path))
        if title is not None:
            wb.set_properties({"title": title})
        ws = wb.add_worksheet("表")
        for r, row in enumerate([["项目名称", "某项目"], ["一级指标", "二级指标", "三级指标", "指标值"],
                                 ["产出指标", "数量指标", "培训人数", "≥100人"]]):
            ws.write_row(r, 0, row)
        wb.close()
        return path

    with_title = import_files([book("a.xlsx", "某局2024年度预算绩效目标")])
    assert with_title.draft.year == 2024
    assert any("推断为 2024" in r for r in with_title.repairs)
    without = import_files([book("b.xlsx", None)])
    assert without.draft.year is None and any("没有年份" in r for r in without.repairs)
