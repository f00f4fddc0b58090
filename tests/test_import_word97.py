"""Word 97–2003 (.doc, WPS's .wps), OpenDocument text (.odt) and RTF: read as the same document saved as .docx.

The fixtures in ``fixtures/word97/`` are ``_two_projects()`` below saved as .docx by python-docx and
converted by LibreOffice (``soffice --headless --convert-to doc`` / ``odt`` / ``rtf``): merged label cells, 一级
merged downwards, a line break in a cell, two tables with their headings, a sign-off paragraph.
"""

from __future__ import annotations

import random
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from perfdraft import drafts
from perfdraft.cli import main
from perfdraft.importers import ImportFailed, import_file, sniff

FIXTURES = Path(__file__).parent / "fixtures" / "word97"


def _two_projects(path: Path) -> Path:
    from docx import Document

    d = Document()
    d.add_paragraph("附件2")
    d.add_paragraph("项目支出绩效目标表（2025年度）")

    def table(name: str, budget: str, rows: list[list[str]]) -> None:
        t = d.add_table(rows=4 + len(rows), cols=5)
        t.style = "Table Grid"
        head = [["项目名称", name, "", "", ""], ["主管部门", "某县农业农村局", "", "实施单位", "某县农技站"],
                ["年度资金总额（万元）", budget, "", "", ""], ["一级指标", "二级指标", "三级指标", "指标值", "指标解释"]]
        for r, row in enumerate(head + rows):
            for c, v in enumerate(row):
                t.cell(r, c).text = v
        t.cell(0, 1).merge(t.cell(0, 4))
        t.cell(1, 1).merge(t.cell(1, 2))
        t.cell(2, 1).merge(t.cell(2, 4))
        t.cell(4, 0).merge(t.cell(5, 0))

    table("农村道路养护", "120.00", [["产出指标", "数量指标", "养护里程", "≥150公里", "全年\n养护里程"],
                                  ["", "质量指标", "路面合格率", "≥95%", "合格里程÷总里程×100%"],
                                  ["效益指标", "社会效益指标", "群众出行条件", "明显改善", "定性"],
                                  ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "问卷调查"]])
    d.add_paragraph("")
    d.add_paragraph("项目支出绩效目标表（2025年度）")
    table("农田水利维修", "56.5", [["产出指标", "数量指标", "维修渠道长度", "≥12公里", ""],
                                 ["", "时效指标", "完工时间", "2025年10月底前", ""],
                                 ["满意度指标", "服务对象满意度指标", "受益农户满意度", "≥95%", ""]])
    d.add_paragraph("填报人：张三    联系电话：1234567")
    d.save(str(path))
    return path


def _records(result):  # what the reader saw, without the file's name
    return [line.replace(".docx", "").replace(".doc", "").replace(".odt", "") for line in result.repairs]


@pytest.mark.parametrize("name", ["two-projects.doc", "two-projects.odt", "two-projects.rtf"])
def test_read_as_the_same_document_saved_as_docx(tmp_path, name):
    docx = import_file(_two_projects(tmp_path / "two-projects.docx"))
    other = import_file(FIXTURES / name)
    assert drafts.dumps(other.draft) == drafts.dumps(docx.draft)
    assert [r.split("：", 1)[1] for r in other.repairs[:4]] == [r.split("：", 1)[1] for r in docx.repairs[:4]]
    first, second = other.draft.projects
    assert (first.name, first.budget.total, len(first.indicators)) == ("农村道路养护", 1_200_000, 4)
    assert first.indicators[1].level1 == "产出指标"  # merged downwards from the row above
    assert first.indicators[0].description == "全年\n养护里程"  # the line break inside the cell
    assert (second.name, second.indicators[1].value) == ("农田水利维修", "2025年10月底前")


def test_a_wps_file_in_the_word_format_and_a_doc_by_any_name(tmp_path):
    for name in ("表.wps", "表.DOC", "表.bin"):
        path = tmp_path / name
        shutil.copy(FIXTURES / "two-projects.doc", path)
        assert sniff(path) == "doc"
        assert len(import_file(path).draft.projects) == 2


def _patched(tmp_path: Path, offset: int, value: int) -> Path:
    """The fixture with one 16-bit field of the WordDocument stream's header changed."""
    import olefile

    path = tmp_path / "patched.doc"
    shutil.copy(FIXTURES / "two-projects.doc", path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        struct.pack_into("<H", word, offset, value)
        ole.write_stream("WordDocument", bytes(word))
    return path


def test_encrypted_and_word95_files_say_what_to_do(tmp_path):
    import olefile

    with olefile.OleFileIO(str(FIXTURES / "two-projects.doc")) as ole:
        flags = struct.unpack_from("<H", ole.openstream("WordDocument").read(), 0x0A)[0]
    with pytest.raises(ImportFailed, match="已加密"):
        import_file(_patched(tmp_path, 0x0A, flags | 0x0100))
    with pytest.raises(ImportFailed, match="Word 95 或更早"):
        import_file(_patched(tmp_path, 2, 0x65))


def test_damaged_documents_fail_in_words_never_with_a_traceback(tmp_path):
    good = (FIXTURES / "two-projects.doc").read_bytes()
    rng = random.Random(21)
    path = tmp_path / "damaged.doc"
    for n in range(60):
        data = bytearray(good)
        for _ in range(rng.choice([1, 8, 60])):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path.write_bytes(bytes(data[: rng.randrange(len(data))] if n % 5 == 0 else data))
        try:
            import_file(path)
        except ImportFailed:
            pass


def test_cli_exit_2_on_a_damaged_doc_and_the_output_untouched(tmp_path, capsys):
    path = tmp_path / "cut.doc"
    path.write_bytes((FIXTURES / "two-projects.doc").read_bytes()[:4096])
    out = tmp_path / "draft.toml"
    out.write_text("# mine\n", encoding="utf-8")
    assert main(["import", str(path), "-o", str(out), "--force"]) == 2
    assert "cut.doc" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "# mine\n"


def _gbk(text: str) -> str:
    return "".join(f"\\'{b:02x}" for b in text.encode("gbk"))


def test_rtf_as_word_writes_it_gbk_bytes_row_properties_after_the_cells(tmp_path):
    r"""Word writes Chinese as the code page's bytes (\'cf\'ee) and repeats a row's \trowd … \cellx after
    its cells; a merge downwards is \clvmgf / \clvmrg. A report system's "导出Word" is often this, as .doc."""
    row_def = r"\trowd\trleft0\clvmgf\cellx2000\cellx4000\cellx6000\cellx8000"
    cont_def = r"\trowd\trleft0\clvmrg\cellx2000\cellx4000\cellx6000\cellx8000"
    head_def = r"\trowd\trleft0\cellx2000\cellx8000"

    def row(cells: list[str], definition: str) -> str:
        body = "".join(r"\pard\intbl " + _gbk(c) + r"\cell " for c in cells)
        return "{" + body + r"\pard\intbl{" + definition + r"\row}}"

    rtf = ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 " + _gbk("宋体") + ";}}"
           "{\\*\\generator Riched20;}{\\info{\\title x}}\\pard " + _gbk("项目支出绩效目标表（2025年度）") + "\\par "
           + row(["项目名称", "乡村文化活动"], head_def)
           + row(["一级指标", "二级指标", "三级指标", "指标值"], r"\trowd\trleft0\cellx2000\cellx4000\cellx6000\cellx8000")
           + row(["产出指标", "数量指标", "送戏下乡场次", "≥30场"], row_def)
           + row(["", "质量指标", "演出合格率", "≥95%"], cont_def)
           + "{" + r"\pard\intbl " + _gbk("满意度指标") + r"\cell\pard\intbl " + _gbk("服务对象满意度指标")
           + r"\cell\pard\intbl \u32676?\u20247?" + _gbk("满意度") + r"\cell\pard\intbl \u8805?90%\cell"
           + r"\pard\intbl{\trowd\trleft0\cellx2000\cellx4000\cellx6000\cellx8000\row}}"
           + r"\pard " + _gbk("填报人：张三") + r"\par }")
    path = tmp_path / "导出.doc"  # an RTF under a .doc name
    path.write_text(rtf, encoding="ascii")
    assert sniff(path) == "rtf"
    p = import_file(path).draft.projects[0]
    assert p.name == "乡村文化活动"
    assert [(i.level1, i.level2, i.name, i.value) for i in p.indicators] == [
        ("产出指标", "数量指标", "送戏下乡场次", "≥30场"), ("产出指标", "质量指标", "演出合格率", "≥95%"),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")]


def test_damaged_rtf_fails_in_words_never_with_a_traceback(tmp_path):
    good = (FIXTURES / "two-projects.rtf").read_bytes()
    rng = random.Random(5)
    path = tmp_path / "damaged.rtf"
    for n in range(40):
        data = bytearray(good)
        for _ in range(rng.choice([1, 20, 200])):
            data[rng.randrange(6, len(data))] = rng.choice(b"{}\\'0123456789abcdefxyz \r\n")
        path.write_bytes(bytes(data[: rng.randrange(6, len(data))] if n % 4 == 0 else data))
        try:
            import_file(path)
        except ImportFailed:
            pass


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_a_doc_libreoffice_writes_now_reads_as_its_docx(tmp_path):
    """The committed fixtures were converted once; a conversion made now reads the same."""
    docx = _two_projects(tmp_path / "fresh.docx")
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(docx)], check=True, capture_output=True, timeout=300)
    assert drafts.dumps(import_file(tmp_path / "fresh.doc").draft) == drafts.dumps(import_file(docx).draft)


def test_office_files_under_another_name_are_read_by_what_they_are(tmp_path):
    """A hostile test renamed files: a docx named .doc was called an old Word file, a .doc named .docx an
    encrypted one, a .doc named .xls damaged, an xlsx named .xls invalid, an empty .doc old Word."""
    probe = Path(__file__).parent / "probe_files"
    cases = {"docx_as.doc": probe / "pj_01_jiangxi_2024_shuidao-zhizhong.docx",
             "doc_as.docx": probe / "pv_01_hubei_2025_daoyu-zongyang.doc",
             "xls_as.doc": probe / "py_05_guizhou_2025_chaye-tixiao.xls",
             "doc_as.xls": probe / "pv_01_hubei_2025_daoyu-zongyang.doc",
             "xlsx_as.xls": probe / "py_01_tianjin_2024_jiaoyu-sanxiang.xlsx"}
    for name, source in cases.items():
        path = tmp_path / name
        shutil.copy(source, path)
        renamed = drafts.dumps(import_file(path).draft).replace(str(path), "F")
        assert renamed == drafts.dumps(import_file(source).draft).replace(str(source), "F"), name
    empty = tmp_path / "empty.doc"
    empty.write_bytes(b"")
    with pytest.raises(ImportFailed, match="文件是空的"):
        import_file(empty)
