"""Exports printed by LibreOffice headless and read back page by page with pdftotext (issue 20).

Each file is converted to PDF as an office would print it; the tests count pages and read the text
of the pages: the seed's project 1 on one A4 page per format, no blank first page, canonical values
(no ``>=`` / ``≧``), no formula printed twice, the sign-off block where the profile has one, the docx
indicator header repeated on continued pages, a corpus table printed with its own profile's columns.
Skipped where LibreOffice or poppler-utils is not installed (.ci/run installs them).
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from perfdraft import cli, drafts
from perfdraft.exporters import render
from perfdraft.exporters.layout import column_title, columns
from perfdraft.model import Draft, Indicator, Project
from perfdraft.profiles import PROFILES, detect_from_headers

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (OFFICE and shutil.which("pdftotext") and shutil.which("pdfinfo")),
                       reason="LibreOffice and poppler-utils (pdftotext) are needed to print the exports"),
]

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed-shunping-2020.toml"
FIXED = FIXTURES / "seed-shunping-2020-fixed.toml"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _print(files: dict[str, bytes], tmp: Path) -> dict[str, list[str]]:
    """Write the exports, print them all to PDF in one LibreOffice run; each file's pages' text."""
    paths = []
    for name, data in files.items():
        (tmp / name).write_bytes(data)
        paths.append(str(tmp / name))
    out = tmp / "pdf"
    subprocess.run([OFFICE, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(out), *paths],
                   check=True, capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
    pages: dict[str, list[str]] = {}
    for name in files:
        pdf = out / (Path(name).stem + ".pdf")
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        assert "(A4)" in info and re.search(r"Page size:\s+595[.0-9]* x 841", info), "A4 portrait"
        pages[name] = [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-"],
                                      capture_output=True, text=True, check=True).stdout
                       for i in range(1, count + 1)]
    return pages


def _flat(text: str) -> str:
    """pdftotext puts spaces between CJK and Latin runs and breaks lines inside cells."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def seed_pages(tmp_path_factory) -> dict[str, list[str]]:
    seed = drafts.load(SEED)
    return _print({"seed.xlsx": render(seed, "xlsx").data, "seed.docx": render(seed, "docx").data},
                  tmp_path_factory.mktemp("seed"))


@pytest.mark.parametrize("name", ["seed.xlsx", "seed.docx"])
def test_seed_project_1_on_one_page_after_the_department_page(seed_pages, name):
    seed = drafts.load(SEED)
    pages = [_flat(p) for p in seed_pages[name]]
    assert len(pages) == 1 + len(seed.projects)  # the department part, then one page per project
    assert pages[0].startswith("顺平县社会保险事业管理局2020年度预算绩效目标") and "第一部分部门整体绩效目标" in pages[0]
    p1 = pages[1]
    # project 1 from its title to its last row on this page (cells wrap, so look for short pieces)
    assert "1、城乡居民基本养老保险资金绩效目标表" in p1 and "项目编码317-1002-JXN-FRS7" in p1
    assert "16-59周岁参加" in p1 and "城乡参保对象满" in p1 and p1.count("≥090%") == 2
    assert "2、城乡居民基本养老保险资金绩效目标表" in pages[2] and "317-1002-JXN-FRS7" not in pages[2]
    assert "1,600,000.00" in p1  # money with separators
    assert "≥125000人" in p1


@pytest.mark.parametrize("name", ["seed.xlsx", "seed.docx"])
def test_no_ascii_or_variant_operators_in_print(seed_pages, name):
    for text in seed_pages[name]:
        assert ">=" not in text and "<=" not in text and "≧" not in text and "≦" not in text


def test_variant_operators_typed_print_canonical_and_empty_department_is_no_blank_page(tmp_path):
    draft = Draft(year=2025, projects=[Project(code="X-1", name="测试项目", goal="目标", indicators=[
        Indicator(level1="产出指标", level2="数量指标", name="服务人数", value=">=6962人"),
        Indicator(level1="产出指标", level2="数量指标", name="培训人次", value="≧300人"),
        Indicator(level1="产出指标", level2="成本指标", name="人均成本", value="≦1000元/人")])])
    pages = _print({"t.xlsx": render(draft, "xlsx").data, "t.docx": render(draft, "docx").data}, tmp_path)
    for name, texts in pages.items():
        assert len(texts) == 1, name
        flat = _flat(texts[0])
        assert "1、测试项目绩效目标表" in flat and "第一部分" not in flat, name
        assert "≥6962人" in flat and "≥300人" in flat and "≤1000元/人" in flat, name
        assert ">=" not in texts[0] and "≧" not in texts[0] and "≦" not in texts[0], name


def test_formula_printed_once(tmp_path):
    from perfdraft.exporters import formula_shown

    draft = drafts.load(FIXED)
    for p in draft.projects:  # the catalogue's rate rows: the formula in 描述 and again as 计算公式
        for ind in p.indicators:
            if ind.formula and ind.description and ind.formula not in ind.description:
                ind.description = f"{ind.description}，{ind.formula}"
    everywhere = [*draft.department.indicators, *(i for g in draft.department.sub_goals for i in g.indicators),
                  *(i for p in draft.projects for i in p.indicators)]
    shown = sum(1 for ind in everywhere if formula_shown(ind))
    assert shown < sum(1 for ind in everywhere if ind.formula)
    pages = _print({"f.xlsx": render(draft, "xlsx").data, "f.docx": render(draft, "docx").data}, tmp_path)
    for name, texts in pages.items():
        assert _flat("".join(texts)).count("计算公式") == shown, name


def test_docx_header_row_repeated_on_every_continued_page(tmp_path):
    rows = [Indicator(level1="产出指标", level2="数量指标", name=f"第{k + 1}项服务的完成数量（按季度统计的累计数）",
                      description="按季度统计的累计完成数量，年底汇总" * 2, value=f"≥{100 + k}个") for k in range(45)]
    draft = Draft(year=2025, projects=[Project(code="L-1", name="长项目", goal="目标", indicators=rows)])
    pages = _print({"long.docx": render(draft, "docx").data}, tmp_path)["long.docx"]
    assert len(pages) >= 3
    for text in pages:
        flat = _flat(text)
        assert "一级指标" in flat and "三级指标" in flat and "指标值" in flat
    assert "项目编码" in _flat(pages[0]) and all("项目编码" not in _flat(t) for t in pages[1:])
    assert "≥144个" in _flat(pages[-1])  # the last row printed


def test_sign_off_block_and_profile_columns_side_by_side(tmp_path):
    draft = drafts.load(FIXED)
    draft.profile = "central-2021"
    p = draft.projects[0]
    p.authority, p.unit, p.period_start, p.period_end = "顺平县人力资源和社会保障局", "顺平县社会保险事业管理局", "2020", "2022"
    p.total_amount, p.overall_goal = Decimal("4800000"), "三年内参保率保持在95%以上。"
    for ind in p.indicators[:3]:
        ind.weight, ind.scoring = Decimal(10), "达到目标值得满分"
        mid = copy.deepcopy(ind)
        mid.scope, mid.value = "overall", "≥350000人"
        p.indicators.append(mid)
    draft.projects = [p]
    pages = _print({"c.xlsx": render(draft, "xlsx").data, "c.docx": render(draft, "docx").data}, tmp_path)
    profile = PROFILES["central-2021"]
    for name, texts in pages.items():
        flat = _flat("".join(texts))
        for key in columns(profile):
            assert _flat(column_title(profile, key)) in flat, (name, key)
        assert "中期指标值" in flat and "年度指标值" in flat and "350000" in flat, name
        for label in profile.signoff:
            assert _flat(label) in flat, (name, label)


CORPUS_TABLES = ("10_chongqing_rongchang_2022_linye-lvhua.txt", "29_jiangxi_fuliang_2026_linye-overall.txt",
                 "27_neimenggu_wuhai_2021_gongxiaoshe.txt", "01_anhui_luan_2024_nongchanpin-zhijian.txt",
                 "15_guangdong_dongguan_2022_zhanlanguan-wuye.txt")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside the project")
def test_corpus_table_prints_with_its_own_profiles_columns(tmp_path, capsys):
    imported = []
    for name in CORPUS_TABLES:
        source = CORPUS / name
        target = tmp_path / (source.stem + ".toml")
        cli.main(["import", str(source), "-o", str(target)])  # exit 1 = imported with notes
        if not target.exists():
            continue
        draft = drafts.load(target)
        if any(len(p.indicators) >= 2 for p in draft.projects):
            imported.append((source, draft))
    if not imported:
        pytest.skip("the importer on this branch reads none of these corpus tables into indicators")
    source, draft = imported[0]
    profile_id = draft.profile or detect_from_headers(source.read_text(encoding="utf-8").splitlines())
    assert profile_id is not None and profile_id != "hebei-2020"
    draft.profile = profile_id
    pages = _print({"corpus.xlsx": render(draft, "xlsx").data, "corpus.docx": render(draft, "docx").data}, tmp_path)
    profile = PROFILES[profile_id]
    for name, texts in pages.items():
        flat = _flat("".join(texts))
        for key in columns(profile):
            assert _flat(column_title(profile, key)) in flat, (name, profile_id, key)
