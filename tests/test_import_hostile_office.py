"""Damaged and crafted office files from a hostile test: each fails in words with exit 2, quickly, and
never takes the process down (calamine aborted on a mutated .xls, panicked on a truncated one, and
allocated gigabytes for an .ods cell of 2,000,000,000 spaces; an .odt of 100,000 spaces hung; an RTF
control word with 20,000 digits took 15 s)."""

from __future__ import annotations

import random
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from perfdraft.cli import main
from perfdraft.importers import ImportFailed, import_file

FILES = Path(__file__).parent / "probe_files"
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def _spaces(path: Path, count: int, kind: str) -> Path:
    body = "office:text" if kind == "odt" else "office:spreadsheet"

    def row(cells: list[str]) -> str:
        return "<table:table-row>" + "".join(f'<table:table-cell office:value-type="string"><text:p>{x}</text:p>'
                                             "</table:table-cell>" for x in cells) + "</table:table-row>"

    xml = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}><office:body><{body}>'
           f'<table:table table:name="S">{row(["一级指标", "二级指标", "三级指标", "指标值"])}'
           f'<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="{count}"/>b</text:p>'
           f'</table:table-cell></table:table-row>{row(["产出指标", "数量指标", "培训人数", "≥100人"])}'
           f"</table:table></{body}></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", f"application/vnd.oasis.opendocument.{'text' if kind == 'odt' else 'spreadsheet'}",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", xml, compress_type=zipfile.ZIP_DEFLATED)
    return path


def test_a_mutated_xls_that_made_calamine_abort_fails_in_words(tmp_path):
    import olefile

    src = tmp_path / "src.xls"
    shutil.copy(FILES / "py_06_liaoning_2025_gongre-gaizao.xls", src)
    with olefile.OleFileIO(str(src)) as ole:
        stream = bytearray(ole.openstream("Workbook").read())
    r = random.Random(52)
    for _ in range(r.choice([1, 2, 5, 20, 100])):
        i = r.randrange(len(stream))
        stream[i] = r.choice([0, 0xFF, r.randrange(256)])
    bad = tmp_path / "abort.xls"
    shutil.copy(src, bad)
    with olefile.OleFileIO(str(bad), write_mode=True) as ole:
        ole.write_stream("Workbook", bytes(stream))
    with pytest.raises(ImportFailed, match="已损坏"):
        import_file(bad)


def test_a_truncated_xls_fails_in_words_and_leaves_no_lock(tmp_path, capsys):
    cut = tmp_path / "cut.xls"
    cut.write_bytes((FILES / "py_05_guizhou_2025_chaye-tixiao.xls").read_bytes()[:8192])
    out = tmp_path / "cut.toml"
    assert main(["import", str(cut), "-o", str(out)]) == 2
    assert "已损坏" in capsys.readouterr().err
    assert not out.exists() and not list(tmp_path.glob("*.lock"))


def test_an_ods_cell_of_two_billion_spaces_is_refused(tmp_path):
    with pytest.raises(ImportFailed, match="连续空格"):
        import_file(_spaces(tmp_path / "s.ods", 2_000_000_000, "ods"))


def test_an_odt_cell_of_many_spaces_is_read_quickly(tmp_path):
    start = time.process_time()
    for count in (100_000, 2_000_000_000):
        try:
            import_file(_spaces(tmp_path / f"s{count}.odt", count, "odt"))
        except ImportFailed:
            pass
    assert time.process_time() - start < 20  # it hung past 120 s


def test_an_rtf_control_word_with_thousands_of_digits_is_read_quickly(tmp_path):
    path = tmp_path / "n.rtf"
    path.write_text("{\\rtf1 \\fs" + "9" * 40_000 + " 指标}", encoding="ascii", errors="ignore")
    start = time.process_time()
    with pytest.raises(ImportFailed):
        import_file(path)
    assert time.process_time() - start < 10  # 55 s before
