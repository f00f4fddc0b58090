"""PDF, xls, xlsx and docx made in the test from a corpus table (19: 黄石 党校 主体班) import to its rows."""

from __future__ import annotations

import pytest

from perfdraft.importers import ImportFailed, import_file

from .corpus_scoring import CORPUS, corpus_text

NAME = "19_hubei_huangshi_2022_dangxiao-peixun.txt"
pytestmark = pytest.mark.skipif(not (CORPUS / NAME).exists(), reason="../shared/corpus is not beside the project")


def _rows() -> list[list[str]]:
    rows = []
    for line in corpus_text(NAME).splitlines():
        cells = [c.strip() for c in line.split("|")]
        cells = [c for c in cells if c]
        if cells:
            rows.append(cells)
    return rows


def _check(path):
    d = import_file(path).draft
    got = {(i.name, i.value) for p in d.projects for i in p.indicators}
    assert ("主体班培训人次", "280人次") in got
    assert ("培训学员对培训效果满意度", "≥95%") in got
    assert len(got) >= 10


def test_xlsx(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    for r in _rows():
        wb.active.append(r)
    wb.save(tmp_path / "t.xlsx")
    _check(tmp_path / "t.xlsx")


def test_xls(tmp_path):
    xlwt = pytest.importorskip("xlwt", reason="xlwt (test extra) writes the legacy .xls")
    wb = xlwt.Workbook()
    ws = wb.add_sheet("Sheet1")
    for i, r in enumerate(_rows()):
        for j, c in enumerate(r):
            ws.write(i, j, c)
    wb.save(str(tmp_path / "t.xls"))
    _check(tmp_path / "t.xls")


def test_docx(tmp_path):
    from docx import Document

    doc = Document()
    rows = _rows()
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            table.cell(i, j).text = c
    doc.save(tmp_path / "t.docx")
    _check(tmp_path / "t.docx")


def _pdf(path, rows, ruled: bool) -> None:
    pytest.importorskip("reportlab", reason="reportlab (test extra) builds the PDF")
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))  # a built-in CJK font: no font file needed
    width = max(len(r) for r in rows)
    data = [r + [""] * (width - len(r)) for r in rows]
    style = [("FONT", (0, 0), (-1, -1), "STSong-Light", 7)]
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)))
    t = Table(data)
    t.setStyle(TableStyle(style))
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([t])


@pytest.mark.slow
def test_pdf_ruled_table(tmp_path):
    _pdf(tmp_path / "t.pdf", _rows(), ruled=True)
    _check(tmp_path / "t.pdf")


def test_scanned_pdf_is_refused_with_a_hint(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.rect(10, 10, 100, 100, fill=1)  # a picture, no text layer
    c.save()
    with pytest.raises(ImportFailed, match="没有文字层"):
        import_file(tmp_path / "scan.pdf")


def test_legacy_doc_is_refused_with_a_hint(tmp_path):
    (tmp_path / "t.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(ImportFailed, match="另存为 .docx"):
        import_file(tmp_path / "t.doc")


@pytest.mark.slow
def test_enormous_sheet_is_capped(tmp_path):
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    for _ in range(20_001):
        ws.append([1])
    wb.save(tmp_path / "big.xlsx")
    with pytest.raises(ImportFailed, match="超过"):
        import_file(tmp_path / "big.xlsx")


def test_macro_workbook_is_refused_exit_2(tmp_path):
    import subprocess
    import sys
    import zipfile

    from .corpus_scoring import ROOT

    path = tmp_path / "m.xlsm"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/vbaProject.bin", b"\0" * 64)
    out = tmp_path / "out.toml"
    r = subprocess.run([sys.executable, "-m", "perfdraft", "import", str(path), "-o", str(out)], cwd=ROOT,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "含宏" in r.stderr and not out.exists()
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_text_in_gbk_and_utf16(tmp_path, encoding):
    path = tmp_path / "t.txt"
    path.write_bytes(corpus_text(NAME).encode(encoding))
    _check(path)


@pytest.mark.slow
def test_thousand_row_table_imports_well_under_a_second(tmp_path):
    import time

    lines = ["项目支出绩效目标表", "(2025年度)", "项目名称 | 大表 |", "年度资金总额(万元) | 1,000.00 |",
             "一级指标 | 二级指标 | 三级指标 | 指标值 |", "产出指标 | 数量指标 | 指标0 | ≥1人 |"]
    lines += [f"| | 培训人次{k} | ≥{k}人次 |" for k in range(1, 1000)]
    path = tmp_path / "big.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    start = time.process_time()  # CPU time: the shared test machine's load does not count
    d = import_file(path).draft
    took = time.process_time() - start
    assert sum(len(p.indicators) for p in d.projects) == 1000
    assert d.projects[0].budget.total == 10_000_000
    assert took < 1.0, took


@pytest.mark.slow
def test_twenty_thousand_by_hundred_sheet_is_refused_fast(tmp_path):
    import time

    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    row = list(range(100))
    for _ in range(20_001):
        ws.append(row)
    wb.save(tmp_path / "huge.xlsx")
    start = time.perf_counter()
    with pytest.raises(ImportFailed, match="未导入"):
        import_file(tmp_path / "huge.xlsx")
    assert time.perf_counter() - start < 5


def _import_cli(*args: str, stdin: bytes | None = None, pass_fds: tuple[int, ...] = ()):
    import subprocess
    import sys

    from .corpus_scoring import ROOT

    return subprocess.run([sys.executable, "-m", "perfdraft", "import", *args], cwd=ROOT, input=stdin,
                          capture_output=True, timeout=60, pass_fds=pass_fds)


def _rows_of(path) -> set[tuple[str | None, str | None]]:
    from perfdraft import drafts

    return {(i.name, i.value) for p in drafts.load(path).projects for i in p.indicators}


@pytest.mark.parametrize("kind", ["text", "xlsx"])
def test_a_table_piped_to_standard_input_imports_as_the_file_does(tmp_path, kind):
    """`pbpaste | perfdraft import - -o d.toml`: text copied from last year's document (or a file piped
    in) is read like the file; messages name 标准输入, never the private temp file it was spooled to."""
    if kind == "text":
        source = tmp_path / "t.txt"
        source.write_text(corpus_text(NAME), "utf-8")
    else:
        from openpyxl import Workbook

        wb = Workbook()
        for r in _rows():
            wb.active.append(r)
        source = tmp_path / "t.xlsx"
        wb.save(source)
    r = _import_cli("-o", str(tmp_path / "a.toml"), str(source))
    piped = _import_cli("-o", str(tmp_path / "b.toml"), "-", stdin=source.read_bytes())
    assert r.returncode in (0, 1) and piped.returncode == r.returncode, piped.stderr.decode()
    err = piped.stderr.decode()
    assert "perfdraft-import" not in err and "perfdraft-import" not in (tmp_path / "b.toml").read_text("utf-8")
    assert _rows_of(tmp_path / "b.toml") == _rows_of(tmp_path / "a.toml")
    assert ("主体班培训人次", "280人次") in _rows_of(tmp_path / "b.toml")
    if "未能归位" in err:
        assert "标准输入" in err


def test_a_process_substitution_imports_and_bad_piped_input_is_refused(tmp_path):
    """`perfdraft import <(…)`: the readers sniffed the pipe's head and reopened it to find it empty."""
    import os

    r_fd, w_fd = os.pipe()
    os.write(w_fd, corpus_text(NAME).encode("utf-8"))
    os.close(w_fd)
    try:
        r = _import_cli("-o", str(tmp_path / "c.toml"), f"/dev/fd/{r_fd}", pass_fds=(r_fd,))
    finally:
        os.close(r_fd)
    assert r.returncode in (0, 1), r.stderr.decode()
    assert ("主体班培训人次", "280人次") in _rows_of(tmp_path / "c.toml")
    for data, why in ((b"", "文件是空的"), (bytes(range(256)) * 4, "不是文本文件")):
        bad = _import_cli("-o", str(tmp_path / "d.toml"), "-", stdin=data)
        err = bad.stderr.decode()
        assert bad.returncode == 2 and why in err and "标准输入" in err and "Traceback" not in err, err
        assert not (tmp_path / "d.toml").exists()


def test_standard_input_on_a_terminal_is_refused_with_how_to_pipe(monkeypatch):
    """`perfdraft import - -o d.toml` typed at a terminal would wait for input nobody knows to give."""
    import io

    from perfdraft.errors import UsageError
    from perfdraft.importers import command

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Tty())
    with pytest.raises(UsageError, match="标准输入是终端.*pbpaste \\| perfdraft import -"):
        with command._spooled(["-"]):
            pass
