"""A hostile tester's second round (black box, about 900 runs): the findings fixed here, each on a small
input of its own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from perfdraft import drafts
from perfdraft.answers import parse_money
from perfdraft.cli import main
from perfdraft.importers import NothingPlaced, import_file
from perfdraft.prompts import Rejected

from .conftest import SEED_FIXED, SEED_TEXT


@pytest.mark.parametrize("command", [["check"], ["show"], ["export", "--to", "csv", "-o", "{tmp}/z.csv"]])
def test_an_endless_device_is_read_only_to_the_draft_limit(tmp_path, monkeypatch, capsys, command):
    monkeypatch.setattr(drafts, "MAX_DRAFT_BYTES", 1024 * 1024)  # the real limit, 128 MiB, takes a while to read
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    assert main([args[0], "/dev/zero", *args[1:]]) == 2
    err = capsys.readouterr().err
    assert "超过草稿上限" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_an_answers_file_that_never_ends_is_refused(tmp_path, capsys):
    draft = tmp_path / "d.toml"
    shutil.copy(SEED_FIXED, draft)
    before = draft.read_bytes()
    assert main(["fill", str(draft), "--answers", "/dev/zero"]) == 2
    assert "答案文件超过" in capsys.readouterr().err and draft.read_bytes() == before


def test_a_sub_goal_past_the_end_is_named_not_a_traceback(tmp_path, capsys):
    draft = tmp_path / "d.toml"
    shutil.copy(SEED_FIXED, draft)
    n = len(drafts.load(draft).department.sub_goals)
    assert main(["fill", str(draft), "--set", f"department.sub_goals[{n + 2}].text=x"]) == 2
    assert f"是否指 department.sub_goals[{n}].text" in capsys.readouterr().err


def test_fill_refuses_control_characters_as_the_assistant_does(tmp_path, capsys):
    draft = tmp_path / "d.toml"
    shutil.copy(SEED_FIXED, draft)
    before = draft.read_bytes()
    assert main(["fill", str(draft), "--set", "projects[0].name=a\x1b[2J\x07b"]) == 2
    assert "控制字符（U+001B" in capsys.readouterr().err and draft.read_bytes() == before


def test_an_amount_finer_than_a_fen_is_refused_before_any_save():
    with pytest.raises(Rejected, match="1 分"):
        parse_money("0.0000000000001")
    assert parse_money("1600000.50") == parse_money("1600000.5")


def test_a_header_without_indicator_rows_writes_no_draft(tmp_path, capsys):
    src = tmp_path / "t.txt"
    src.write_text("某县2024年度项目支出绩效目标表\n项目名称：测试项目\n预算数：100万元\n", "utf-8")
    with pytest.raises(NothingPlaced, match="读到 1 个项目的表头"):
        import_file(src)
    assert main(["import", str(src), "-o", str(tmp_path / "t.toml")]) == 1
    assert "没有导入任何指标行" in capsys.readouterr().out and not (tmp_path / "t.toml").exists()


def test_a_note_typed_far_below_an_export_refuses_quickly_or_reads_the_tables(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    draft, xlsx = tmp_path / "d.toml", tmp_path / "d.xlsx"
    assert main(["import", str(SEED_TEXT), "-o", str(draft)]) in (0, 1)
    assert main(["export", str(draft), "--to", "xlsx", "-o", str(xlsx)]) == 0
    rows = sum(len(p.indicators) for p in drafts.load(draft).projects)
    for cell, name in (("AZ3000", "near"), ("XFD1048576", "far")):
        wb = openpyxl.load_workbook(xlsx)
        wb.worksheets[1][cell] = "备注"
        wb.save(tmp_path / f"{name}.xlsx")
    # one stray note: the tables are read (the note goes to notes), not refused as too many cells
    near = import_file(tmp_path / "near.xlsx")
    assert sum(len(p.indicators) for p in near.draft.projects) == rows
    # a cell in the sheet's last corner: refused by its size at once (the embedded draft's fingerprint
    # used to pad every row out to it, for hours)
    with pytest.raises(Exception, match="超过导入上限"):
        import_file(tmp_path / "far.xlsx")


def test_a_table_glued_onto_one_line_is_read_in_linear_time(tmp_path, monkeypatch):
    # every cell asked the whole line what it holds: a 556 KB line took 44 s. Count the work instead of
    # timing it: header kinds asked per cell stay a small multiple of the cells, whatever the length
    from perfdraft.importers import kinds

    calls = 0
    real = kinds.header_kind

    def counted(text):
        nonlocal calls
        calls += 1
        return real(text)

    monkeypatch.setattr(kinds, "header_kind", counted)
    line = SEED_TEXT.read_text("utf-8").replace("\n", " ")
    counts = []
    for copies in (2, 4):
        calls = 0
        (tmp_path / "g.txt").write_text(line * copies, "utf-8")
        try:
            import_file(tmp_path / "g.txt")
        except NothingPlaced:
            pass
        counts.append(calls)
    assert counts[1] < 2.5 * counts[0], counts  # doubling the text about doubles the work


def test_a_damaged_pdf_speaks_in_one_chinese_line_not_pdfminer_warnings(tmp_path, capfd):
    import logging
    import random

    good = Path(__file__).parent / "probe_files" / "pk_01_jiangxi_2024_youcha-gaizao.pdf"
    data = bytearray(good.read_bytes())
    rng = random.Random(1)
    for _ in range(30):
        data[rng.randrange(len(data))] = rng.randrange(256)
    bad = tmp_path / "flip.pdf"
    bad.write_bytes(bytes(data))
    try:
        import_file(bad)
    except Exception as exc:  # noqa: BLE001 - damage is said in words; only the English must not leak
        assert "Traceback" not in str(exc)
    assert logging.getLogger("pdfminer").getEffectiveLevel() >= logging.ERROR
    err = capfd.readouterr().err
    assert "Data-loss" not in err and "Could not get FontBBox" not in err


def test_year_zero_is_refused_not_replaced_by_next_year(tmp_path, capsys):
    assert main(["new", str(tmp_path / "d.toml"), "--year", "0"]) == 2
    assert "年份 0 不合理" in capsys.readouterr().err and not (tmp_path / "d.toml").exists()
