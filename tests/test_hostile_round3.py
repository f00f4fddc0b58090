"""A hostile tester's third round (black box): the findings fixed here, each on a small input of its own."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from perfdraft.cli import main
from perfdraft.importers import ImportFailed, import_file

from .conftest import SEED_FIXED

ROOT = Path(__file__).resolve().parents[1]


def _draft(tmp_path: Path, name: str = "d.toml") -> Path:
    path = tmp_path / name
    shutil.copy(SEED_FIXED, path)
    return path


@pytest.mark.parametrize("holder", [{"since": 1e30}, {"since": float("nan")}, {"since": float("inf")},
                                    {"pid": 2**63}])
def test_a_lock_file_with_impossible_numbers_is_taken_as_torn_not_a_traceback(tmp_path, capsys, holder):
    path = _draft(tmp_path)
    lock = {"user": "bob", "host": "elsewhere", "pid": 4242, "since": 1.7e9} | holder
    (tmp_path / "d.toml.lock").write_text(json.dumps(lock), encoding="utf-8")  # NaN / Infinity as json writes them
    code = main(["fill", str(path), "--set", "department.name=某局"])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Error" not in err
    assert code in (0, 2)


def test_tables_nested_hundreds_deep_under_an_unknown_key_are_refused_in_words(tmp_path, capsys):
    path = tmp_path / "deep.toml"
    path.write_text('schema = "perfdraft/1"\nyear = 2020\nx = ' + "{a=" * 400 + "1" + "}" * 400 +
                    '\n\n[department]\nname = "测试局"\n', encoding="utf-8")
    before = path.read_bytes()
    assert main(["fill", str(path), "--set", "department.name=y"]) == 2
    assert "嵌套过深" in capsys.readouterr().err and path.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_no_one_writes_to_neither_blocks_a_directory_nor_a_named_read(tmp_path):
    drafts_dir = tmp_path / "drafts"
    drafts_dir.mkdir()
    _draft(drafts_dir, "real.toml")
    os.mkfifo(drafts_dir / "pipe.toml")
    os.mkfifo(tmp_path / "x.xlsx")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "perfdraft", *args], cwd=ROOT, capture_output=True, text=True,
                              timeout=60, env=dict(os.environ, PYTHONUTF8="1"))

    checked = run("check", str(drafts_dir))
    assert "real.toml" in checked.stdout + checked.stderr and "Traceback" not in checked.stderr
    for args in (("check", str(drafts_dir / "pipe.toml")), ("import", str(tmp_path / "x.xlsx"), "-o", str(tmp_path / "o.toml"))):
        done = run(*args)  # returned at all: open() had waited for a writer for ever
        assert done.returncode in (1, 2) and "Traceback" not in done.stderr, done.stderr


def test_a_long_cell_merged_down_thousands_of_rows_is_refused_quickly(tmp_path):
    page = tmp_path / "rowspan.html"
    page.write_text('<html><head><meta charset="utf-8"></head><body><table><tr><td rowspan="4901">' + "产出指标" * 50_000 +
                    "</td><td>x</td></tr>" + "<tr><td>x</td></tr>" * 4900 + "</table></body></html>", encoding="utf-8")
    with pytest.raises(ImportFailed, match="合并单元格"):
        import_file(page)


def _pdf(content: bytes) -> bytes:
    stream = zlib.compress(content, 9)
    return _pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                      b"/Resources << /Font << /F1 5 0 R >> >> >>",
                      b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
                      b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def _pdf_file(objs: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1), with its cross-reference table."""
    out, offsets = b"%PDF-1.4\n", []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)


def test_a_pdf_page_that_unpacks_into_millions_of_commands_is_refused_before_it_is_read(tmp_path):
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_pdf(b"BT /F1 1 Tf " + b"(x) Tj " * 2_000_000 + b"ET"))
    assert bomb.stat().st_size < 100_000
    with pytest.raises(ImportFailed, match="压缩炸弹"):
        import_file(bomb)


def test_a_users_own_file_named_like_the_backup_is_never_replaced(tmp_path, capsys):
    path = _draft(tmp_path)
    mine = tmp_path / "d.toml.bak"
    mine.write_text("我的会议记录，不是草稿\n", encoding="utf-8")
    assert main(["fill", str(path), "--set", "department.name=某局"]) == 2
    assert "不是草稿的备份" in capsys.readouterr().err
    assert mine.read_text(encoding="utf-8") == "我的会议记录，不是草稿\n"
    # a backup perfdraft wrote itself is replaced as before
    mine.unlink()
    assert main(["fill", str(path), "--set", "department.name=某局"]) == 0
    assert main(["fill", str(path), "--set", "department.name=另一局"]) == 0


@pytest.mark.parametrize("argv", [["migrate", "{d}", "--to", "central-2021", "-o", ""], ["check", ""],
                                  ["export", "", "--to", "md"]])
def test_an_empty_path_argument_is_an_unset_variable_not_here(tmp_path, capsys, monkeypatch, argv):
    path = _draft(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = path.read_bytes()
    assert main([a.replace("{d}", str(path)) for a in argv]) == 2
    assert "空字符串" in capsys.readouterr().err
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["d.toml"]


def test_an_export_never_replaces_a_draft_even_with_force(tmp_path, capsys):
    path, other = _draft(tmp_path), _draft(tmp_path, "other.toml")
    before = other.read_bytes()
    assert main(["export", str(path), "--to", "md", "-o", str(other), "--force"]) == 2
    assert "不会覆盖草稿" in capsys.readouterr().err and other.read_bytes() == before


def test_an_answers_file_holding_something_else_is_refused_not_ignored(tmp_path, capsys):
    path = _draft(tmp_path)
    answers = tmp_path / "a.toml"
    answers.write_text('[department]\nname = "某局"\n', encoding="utf-8")
    before = path.read_bytes()
    assert main(["fill", str(path), "--answers", str(answers)]) == 2
    assert "不认识 department" in capsys.readouterr().err and path.read_bytes() == before


def test_an_edit_to_the_embedded_draft_alone_is_seen_and_its_resume_never_imported(tmp_path):
    from openpyxl import load_workbook

    path = _draft(tmp_path)
    out = tmp_path / "e.xlsx"
    assert main(["export", str(path), "--to", "xlsx", "-o", str(out)]) == 0
    assert not import_file(out).draft.resume  # the export's own resume marker is not imported
    wb = load_workbook(out)
    ws = wb["_perfdraft"]
    for row in ws.iter_rows():
        if row[0].value == "draft" and "total = 1600000" in str(row[1].value):
            row[1].value = str(row[1].value).replace("total = 1600000", "total = 9600000", 1)
            break
    else:
        pytest.skip("the budget is not in one chunk of this export")
    wb.save(out)
    result = import_file(out)
    assert not any("完全一致" in r for r in result.repairs)  # read from the tables, said so
    assert all(p.budget.total != 9_600_000 for p in result.draft.projects)


def test_a_negative_amount_is_said_to_be_negative(tmp_path, capsys):
    path = _draft(tmp_path)
    assert main(["fill", str(path), "--set", "projects[0].budget.total=-1"]) == 2
    assert "是负数" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["serve", "--host", ""], ["demo", "--print", "--catalogue", "{tmp}/没有这个目录"]])
def test_an_empty_host_or_a_missing_catalogue_directory_is_refused(tmp_path, capsys, argv):
    assert main([a.replace("{tmp}", str(tmp_path)) for a in argv]) == 2
    err = capsys.readouterr().err
    assert ("空字符串" in err or "目录不存在" in err) and "Traceback" not in err


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_its_byte_order_mark_is_read_not_called_binary(tmp_path, encoding):
    text = ("项目名称\t乡村道路养护\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t养护道路里程\t≥45公里\n"
            "满意度指标\t服务对象满意度指标\t沿线群众满意度\t≥90%\n")
    path = tmp_path / "unicode.txt"
    path.write_bytes(text.encode(encoding))
    rows = import_file(path).draft.projects[0].indicators
    assert [(i.name, i.value) for i in rows] == [("养护道路里程", "≥45公里"), ("沿线群众满意度", "≥90%")]


def _table(tmp_path: Path) -> Path:
    table = tmp_path / "table.txt"
    table.write_text("项目名称：社区养老服务补助\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t服务老年人数\t≥500人\n",
                     encoding="utf-8")
    return table


def test_round_4_import_force_never_replaces_a_users_own_backup_file(tmp_path, capsys):
    table = _table(tmp_path)
    out, mine = tmp_path / "d.toml", tmp_path / "d.toml.bak"
    shutil.copy(SEED_FIXED, out)
    mine.write_text("用户自己另存的备份，不能丢\n", encoding="utf-8")
    assert main(["import", str(table), "-o", str(out), "--force"]) == 2
    assert "不是草稿的备份" in capsys.readouterr().err and mine.read_text(encoding="utf-8") == "用户自己另存的备份，不能丢\n"


def test_round_4_pages_sharing_one_large_drawing_are_measured_together_before_any_is_read(tmp_path):
    stream = zlib.compress(b"BT /F1 1 Tf " + b"(x) Tj " * 150_000 + b"ET", 9)  # about 1 MiB unpacked
    pages = 30
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (5 + k) for k in range(pages)) + b"] /Count %d >>" % pages,
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>"
             for _ in range(pages)]
    pdf = tmp_path / "shared.pdf"
    pdf.write_bytes(_pdf_file(objs))
    with pytest.raises(ImportFailed, match="到第 1[0-9] 页的内容解压后已超过"):
        import_file(pdf)


def test_round_4_import_never_writes_a_draft_to_a_device_or_a_process_file(tmp_path, capsys):
    table = _table(tmp_path)
    # (-o /dev/stdout --force >> log.txt had replaced the log with the draft)
    assert main(["import", str(table), "-o", "/dev/stdout", "--force"]) == 2
    assert "特殊文件" in capsys.readouterr().err
