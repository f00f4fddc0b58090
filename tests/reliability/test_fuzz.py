"""Fuzzing in CI sizes (a few thousand examples); ``benchmarks/reliability.py`` runs 100,000 values.
The strategies and properties are in ``fuzz.py``; each crash found became a regression test below."""

from __future__ import annotations

import io
import re
import time
import zipfile
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings

from perfdraft import checks, drafts, values
from perfdraft.importers import ImportFailed, import_file
from perfdraft.model import Indicator

from . import fuzz

FAST = dict(deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.slow
@settings(max_examples=1500, **FAST)
@given(fuzz.extended_values)
def test_generated_values_round_trip(v):
    fuzz.prop_value_roundtrip(v)


@pytest.mark.slow
@settings(max_examples=2500, **FAST)
@given(fuzz.value_texts)
def test_whatever_parse_reads_round_trips(text):
    fuzz.prop_parse_range(text)


@pytest.mark.slow
@settings(max_examples=1500, **FAST)
@given(fuzz.indicators, fuzz.value_texts)
def test_checks_of_random_indicators_never_raise(ind, text):
    checks.check_value(text, ind)
    checks.check_indicator(ind)


@pytest.mark.slow
@settings(max_examples=200, **FAST)
@given(fuzz.draft_objects)
def test_checks_of_random_drafts_never_raise(draft):
    fuzz.prop_checks(draft)


@pytest.mark.slow
@settings(max_examples=500, **FAST)
@given(fuzz.byte_mutations())
def test_damaged_draft_bytes_load_or_give_a_draft_error(tmp_path_factory, data):
    fuzz.prop_loader_bytes(data, tmp_path_factory.mktemp("fz"))


@pytest.mark.slow
@settings(max_examples=400, **FAST)
@given(fuzz.type_swaps())
def test_fields_of_the_wrong_type_load_or_give_a_draft_error(text):
    fuzz.prop_loader_text(text)


@pytest.mark.slow
def test_damaged_xlsx_docx_and_text_tables_import_or_fail_cleanly(tmp_path):
    counts = fuzz.import_campaign(160, seed=3, workdir=tmp_path)
    assert counts["ok"] and counts["refused"] and sum(counts.values()) == 160


# --- regressions: what the fuzzers found ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["0以上以上", "12以内及以上", "95%以上以上", "5以内以下", "02023年 底", "０2023年 底"])
def test_grammar_regressions_parse_round_trips(text):
    """Found by fuzzing: values parse returned that did not survive format → parse."""
    fuzz.prop_parse_range(text)
    assert isinstance(values.parse(text), values.ParseError)


def test_doubled_trailing_word_is_an_error_with_a_fix():
    v = values.parse("≥95%以上以上")
    assert isinstance(v, values.ParseError) and v.suggestion == "≥95%"
    assert values.parse("95%以上") == values.Quantity("≥", Decimal(95), "%")  # the single word still reads


@pytest.mark.parametrize("number", ["nan", "inf", "-inf", "+nan", '"NaN"', '"Infinity"'])
def test_nan_and_inf_in_a_draft_are_a_draft_error(number):
    """Found by the type-swap fuzzer: TOML's nan/inf loaded, then every check and export raised
    decimal.InvalidOperation with a traceback."""
    text = fuzz.seed_bytes().decode("utf-8").replace("total = 1600000.00", f"total = {number}", 1)
    assert text != fuzz.seed_bytes().decode("utf-8")
    with pytest.raises(drafts.DraftError, match="有限的数字"):
        drafts.loads(text)


def _rezip(data: bytes, member: str, edit) -> bytes:
    return fuzz._rezip(data, lambda name, content: edit(content) if name == member else content)


@pytest.mark.parametrize("attr", ['<w:gridSpan w:val="abc"/>', "<w:gridSpan/>", '<w:gridSpan w:val="50000000"/>'])
def test_damaged_grid_span_in_docx_is_import_failed(tmp_path, attr):
    """Found by the attribute fuzzer: w:gridSpan="abc" or without w:val raised a traceback;
    50000000 took 18 s and 1.6 GiB."""
    data = _rezip(fuzz.import_bases()["tables.docx"], "word/document.xml",
                  lambda x: re.sub(rb'<w:gridSpan w:val="\d+"/>', attr.encode(), x, count=1))
    path = tmp_path / "t.docx"
    path.write_bytes(data)
    t0 = time.perf_counter()
    with pytest.raises(ImportFailed, match="表格 1"):
        import_file(path)
    assert time.perf_counter() - t0 < 5


def test_huge_merge_in_xlsx_is_refused_before_openpyxl_reads_it(tmp_path):
    """One <mergeCell ref="A1:XFD1048576"/> made openpyxl build a cell object per covered cell."""
    data = _rezip(fuzz.import_bases()["tables.xlsx"], "xl/worksheets/sheet2.xml",
                  lambda x: re.sub(rb'<mergeCell ref="[^"]+"/>', b'<mergeCell ref="A1:XFD1048576"/>', x, count=1))
    path = tmp_path / "t.xlsx"
    path.write_bytes(data)
    t0 = time.perf_counter()
    with pytest.raises(ImportFailed, match="合并单元格范围过大"):
        import_file(path)
    assert time.perf_counter() - t0 < 5


@pytest.mark.slow
def test_forged_chunk_count_or_far_cell_in_an_export_stays_cheap(tmp_path):
    """A perfdraft export whose _perfdraft sheet claims a million chunks, or with one cell moved to a
    far column (r="D6" → r="rId999"): hundreds of MiB, or a fingerprint over billions of cells."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(fuzz.import_bases()["seed.xlsx"]))
    wb["_perfdraft"]["B4"].value = "1048000"
    chunks = tmp_path / "chunks.xlsx"
    wb.save(chunks)
    far = tmp_path / "far.xlsx"
    sheet = next(n for n in zipfile.ZipFile(io.BytesIO(fuzz.import_bases()["seed.xlsx"])).namelist()
                 if n.endswith("sheet2.xml"))
    far.write_bytes(_rezip(fuzz.import_bases()["seed.xlsx"], sheet,
                           lambda x: x.replace(b'r="D6"', b'r="XFD1048576"', 1)))
    t0 = time.perf_counter()
    assert import_file(chunks).draft.projects  # the embedded draft, read in well under a second
    with pytest.raises(ImportFailed, match="超过导入上限"):
        import_file(far)
    assert time.perf_counter() - t0 < 5


def test_external_entity_in_the_embedded_docx_draft_is_not_read(tmp_path):
    """A forged docx whose embedded draft refers to a local file gets no file content (XXE)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-42")
    data = fuzz.import_bases()["seed.docx"]

    def forge(x: bytes) -> bytes:
        body = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", x)
        dtd = f'<?xml version="1.0"?>\n<!DOCTYPE pd:export [<!ENTITY s SYSTEM "file://{secret}">]>\n'.encode()
        return dtd + body.replace("顺平县社会保险事业管理局".encode(), b"&s;", 1)

    path = tmp_path / "x.docx"
    path.write_bytes(_rezip(data, "customXml/perfdraft-draft.xml", forge))
    try:
        result = import_file(path)
    except ImportFailed:
        return
    assert "SECRET-42" not in drafts.dumps(result.draft)


def test_check_value_on_an_empty_indicator():
    checks.check_value("", Indicator())


@pytest.mark.slow
def test_a_number_of_millions_of_digits_is_an_error_not_an_overflow():
    """Found by the 10 MB test: a 2,000,000-digit 指标值 made the cross-row check raise decimal.Overflow."""
    from perfdraft.model import Project

    huge = "≥" + "9" * 2_000_000 + "人"
    assert isinstance(values.parse(huge), values.ParseError)
    assert isinstance(values.parse("9" * 31 + "-" + "9" * 31 + "人"), values.ParseError)
    assert values.parse("≥" + "9" * 30 + "人").kind == "quantity"
    p = Project(name="p", indicators=[Indicator("产出指标", "数量指标", "人数", value=huge),
                                      Indicator("产出指标", "成本指标", "人均", value="=108元/人·月")])
    checks.check_project(p)


@pytest.mark.slow
def test_the_import_command_turns_damage_into_exit_2(tmp_path):
    import subprocess
    import sys

    from .harness import ROOT, session_env

    bad = {"t.xlsx": fuzz.import_bases()["tables.xlsx"][:3000],
           "t.docx": _rezip(fuzz.import_bases()["tables.docx"], "word/document.xml",
                            lambda x: re.sub(rb'<w:gridSpan w:val="\d+"/>', b"<w:gridSpan/>", x, count=1)),
           "t.txt": b"\xff\xfe\x00garbage\x00\x01"}
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
        r = subprocess.run([sys.executable, "-m", "perfdraft", "import", str(tmp_path / name), "-o", str(tmp_path / "o.toml")],
                           capture_output=True, text=True, env=session_env(tmp_path), cwd=ROOT, timeout=60)
        assert r.returncode == 2 and "Traceback" not in r.stderr and name in r.stderr, (name, r.stderr)


def test_a_docx_whose_body_stops_decompressing_midway_is_import_failed(tmp_path):
    """The import fuzz campaign found a damaged deflate stream in word/document.xml raising zlib.error
    through the streaming reader (a traceback, not a message)."""
    import zipfile

    from perfdraft.importers import ImportFailed, import_file

    data = bytearray(fuzz.import_bases()["tables.docx"])
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + info.compress_size // 3, start + info.compress_size // 3 + 40):
        data[k] ^= 0x5A
    path = tmp_path / "t.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(ImportFailed, match="无法读取 docx"):
        import_file(path)


def test_a_spending_plan_cell_in_exponent_form_is_not_a_percentage():
    """The import campaign (seed 12) found a damaged docx whose 资金支出计划 cell read 1E+308: the draft
    imported, then could not be read back (a number out of the model's range)."""
    from perfdraft.importers.label_rows import _percent

    assert _percent("1E+308") is None and _percent("１E-300") is None
    assert _percent("25%") == 25 and _percent("１００％") == 100
