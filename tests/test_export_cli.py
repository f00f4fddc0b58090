"""``perfdraft export``: paths, --force, --strict, --format json, bad input, atomic writes, rendering."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from perfdraft import cli, drafts
from perfdraft.exporters import safety
from perfdraft.exporters.xlsx import read_embedded

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed-shunping-2020.toml"
FIXED = FIXTURES / "seed-shunping-2020-fixed.toml"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    target = tmp_path / "drafts" / "顺平.toml"
    target.parent.mkdir()
    shutil.copy(SEED, target)
    return target


@pytest.fixture
def fixed_copy(tmp_path) -> Path:
    target = tmp_path / "drafts" / "fixed.toml"
    target.parent.mkdir(exist_ok=True)
    shutil.copy(FIXED, target)
    return target


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["export", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if ".tmp-" in p.name)


@pytest.mark.slow
def test_default_output_beside_the_draft(capsys, seed_copy):
    code, out, err = run(capsys, str(seed_copy), "--to", "xlsx")
    target = seed_copy.with_suffix(".xlsx")
    assert code == 0 and target.exists()
    assert f"已导出 {target}（8 个项目；" in out
    assert "个错误" in err and "PD101" in err and "项目 1 · 第 3 条" in err  # errors listed, rows in words
    wb = openpyxl.load_workbook(target)
    assert wb.worksheets[1]["B3"].value == "317-1002-JXN-FRS7"
    assert read_embedded(wb).intact
    assert "\r" not in err  # no progress bar when stderr is not a terminal
    assert _leftovers(seed_copy.parent) == []


@pytest.mark.parametrize("fmt", ["docx", "csv", "md"])
def test_each_format_with_explicit_output(capsys, seed_copy, tmp_path, fmt):
    out_file = tmp_path / f"导出.{fmt}"
    code, out, err = run(capsys, str(seed_copy), "--to", fmt, "-o", str(out_file))
    assert code == 0 and out_file.stat().st_size > 0
    if fmt == "csv":
        assert "第 4 行：指标值“人”无法拆分，已整体写入年度指标值" in err
        assert out_file.read_bytes().startswith(b"\xef\xbb\xbf")


def test_existing_output_needs_force(capsys, seed_copy, tmp_path):
    out_file = tmp_path / "out.xlsx"
    out_file.write_bytes(b"old")
    code, out, err = run(capsys, str(seed_copy), "--to", "xlsx", "-o", str(out_file))
    assert code == 2 and out_file.read_bytes() == b"old"
    assert err.count("\n") == 1 and "文件已存在" in err and "--force" in err
    code, _, _ = run(capsys, str(seed_copy), "--to", "xlsx", "-o", str(out_file), "--force")
    assert code == 0 and out_file.read_bytes().startswith(b"PK")
    assert _leftovers(tmp_path) == []


def test_output_into_existing_directory_for_one_draft(capsys, seed_copy, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, _, _ = run(capsys, str(seed_copy), "--to", "md", "-o", str(out_dir))
    assert code == 0 and (out_dir / "顺平.md").exists()


def test_several_drafts_into_a_directory_with_json(capsys, seed_copy, fixed_copy, tmp_path):
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    code, out, err = run(capsys, str(seed_copy), str(fixed_copy), "--to", "csv", "-o", str(out_dir),
                         "--format", "json")
    assert code == 0
    payload = json.loads(out)
    assert [Path(e["file"]).name for e in payload["exports"]] == ["顺平.toml", "fixed.toml"]
    first, second = payload["exports"]
    assert first["output"] == str(out_dir / "顺平.csv") and first["status"] == "exported"
    assert first["errors"] and all({"code", "path", "message"} <= set(e) for e in first["errors"])
    assert isinstance(first["warnings"], list) and second["errors"] == []
    assert sorted(p.name for p in out_dir.iterdir()) == ["fixed.csv", "顺平.csv"]
    assert f"{out_dir / seed_copy.stem}.csv：第 4 行：" in err  # split notes name the file whose rows they count


def test_several_drafts_need_an_existing_directory(capsys, seed_copy, fixed_copy, tmp_path):
    code, _, err = run(capsys, str(seed_copy), str(fixed_copy), "--to", "md", "-o", str(tmp_path / "missing"))
    assert code == 2 and "目录不存在" in err
    a_file = tmp_path / "file.md"
    a_file.write_text("x")
    code, _, err = run(capsys, str(seed_copy), str(fixed_copy), "--to", "md", "-o", str(a_file))
    assert code == 2 and "不是目录" in err
    assert not list(seed_copy.parent.glob("*.md"))


def test_directory_argument_and_same_stem_collision(capsys, tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(FIXED, tmp_path / sub / "x.toml")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, _, err = run(capsys, str(tmp_path / "a"), str(tmp_path / "b"), "--to", "md", "-o", str(out_dir))
    assert code == 2 and "同一文件" in err and not list(out_dir.iterdir())
    code, out, _ = run(capsys, str(tmp_path / "a"), str(tmp_path / "b"), "--to", "md")
    assert code == 0 and (tmp_path / "a" / "x.md").exists() and (tmp_path / "b" / "x.md").exists()
    assert "共导出 2 个文件" in out


def test_bad_draft_stops_everything_before_writing(capsys, seed_copy, tmp_path):
    bad = seed_copy.parent / "bad.toml"
    bad.write_text('schema = "perfdraft/1"\nyear = [\n', encoding="utf-8")
    code, _, err = run(capsys, str(seed_copy), str(bad), "--to", "xlsx")
    assert code == 2 and "bad.toml" in err and "TOML" in err
    assert not seed_copy.with_suffix(".xlsx").exists()
    code, _, err = run(capsys, str(tmp_path / "nope.toml"), "--to", "xlsx")
    assert code == 2 and "文件不存在" in err


def test_missing_output_directory(capsys, seed_copy, tmp_path):
    code, _, err = run(capsys, str(seed_copy), "--to", "xlsx", "-o", str(tmp_path / "no" / "x.xlsx"))
    assert code == 2 and "不存在" in err and err.count("\n") == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only directories")
def test_read_only_directory(capsys, seed_copy, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        code, _, err = run(capsys, str(seed_copy), "--to", "xlsx", "-o", str(ro / "x.xlsx"))
        assert code == 2 and "不可写" in err and not list(ro.iterdir())
    finally:
        ro.chmod(0o755)


def test_failed_write_leaves_nothing_behind(capsys, seed_copy, tmp_path, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safety.os, "link", fail)
    monkeypatch.setattr(safety.os, "replace", fail)
    code, _, err = run(capsys, str(seed_copy), "--to", "xlsx", "-o", str(tmp_path / "x.xlsx"))
    assert code == 2 and "写入失败" in err
    assert not (tmp_path / "x.xlsx").exists() and _leftovers(tmp_path) == []


def test_never_overwrites_the_draft_or_follows_a_symlink(capsys, seed_copy, tmp_path):
    before = seed_copy.read_bytes()
    code, _, err = run(capsys, str(seed_copy), "--to", "md", "-o", str(seed_copy), "--force")
    assert code == 2 and "草稿本身" in err and seed_copy.read_bytes() == before
    elsewhere = tmp_path / "elsewhere.xlsx"
    elsewhere.write_bytes(b"keep")
    link = tmp_path / "link.xlsx"
    link.symlink_to(elsewhere)
    code, _, err = run(capsys, str(seed_copy), "--to", "xlsx", "-o", str(link), "--force")
    assert code == 2 and "符号链接" in err and elsewhere.read_bytes() == b"keep" and link.is_symlink()


def test_strict_refuses_drafts_with_errors(capsys, seed_copy, fixed_copy):
    code, out, err = run(capsys, str(seed_copy), "--to", "xlsx", "--strict")
    assert code == 1 and not seed_copy.with_suffix(".xlsx").exists()
    assert "--strict 下未导出" in err and "PD" in err
    assert "项目 1 · 第 " in err and "projects[" not in err  # the rows named in words (issue 18)
    code, out, _ = run(capsys, str(fixed_copy), "--to", "xlsx", "--strict")
    assert code == 0 and fixed_copy.with_suffix(".xlsx").exists() and "0 个错误" in out


def test_strict_json_reports_refusal(capsys, seed_copy):
    code, out, _ = run(capsys, str(seed_copy), "--to", "md", "--strict", "--format", "json")
    entry = json.loads(out)["exports"][0]
    assert code == 1 and entry["status"] == "refused" and entry["output"] is None and entry["errors"]


def test_layout_note_and_odd_suffix(capsys, fixed_copy, tmp_path):
    code, _, err = run(capsys, str(fixed_copy), "--to", "md", "--layout", "hubei", "-o", str(tmp_path / "a.txt"))
    assert code == 0 and "只对 csv 和 xlsx 有效" in err and "扩展名不是 .md" in err


def test_exported_draft_is_unchanged(capsys, fixed_copy):
    before = fixed_copy.read_bytes()
    assert run(capsys, str(fixed_copy), "--to", "docx")[0] == 0
    assert fixed_copy.read_bytes() == before and drafts.load(fixed_copy) == drafts.load(FIXED)


def test_export_draft_api_for_front_ends(tmp_path):
    from perfdraft.exporters import export_draft

    draft = drafts.load(FIXED)
    target = tmp_path / "a.docx"
    result = export_draft(draft, "docx", target)
    assert target.read_bytes() == result.data
    with pytest.raises(drafts.DraftError, match="文件已存在"):
        export_draft(draft, "docx", target)
    export_draft(draft, "csv", target, force=True)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with pytest.raises(drafts.DraftError, match="不存在"):
        export_draft(draft, "md", tmp_path / "missing" / "a.md")


def test_module_entry_point(tmp_path):
    draft = tmp_path / "s.toml"
    shutil.copy(FIXED, draft)
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-m", "perfdraft", "export", str(draft), "--to", "csv"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "s.csv").exists() and "已导出" in proc.stdout


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                    reason="LibreOffice (soffice/libreoffice) not on PATH: cannot render to PDF")
def test_libreoffice_renders_seed_xlsx_and_docx(capsys, seed_copy, tmp_path):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    out = tmp_path / "render"
    out.mkdir()
    files = []
    for fmt in ("xlsx", "docx"):
        target = out / f"seed-{fmt}.{fmt}"
        assert run(capsys, str(seed_copy), "--to", fmt, "-o", str(target))[0] == 0
        files.append(str(target))
    subprocess.run([office, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), *files],
                   check=True, capture_output=True, timeout=180)
    # xlsx: the department sheet and 8 project sheets; docx: department part, then 8 tables.
    for fmt, least in (("xlsx", 9), ("docx", 5)):
        pdf = (out / f"seed-{fmt}.pdf").read_bytes()
        assert pdf.startswith(b"%PDF")
        assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) >= least


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_progress_steps_once_per_project(fmt):
    """The progress bar of long exports advances as each project is written."""
    import io as _io

    from perfdraft.exporters import render
    from perfdraft.model import Draft, Project
    from perfdraft.progress import Progress

    class Tty(_io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    draft = Draft(year=2025, projects=[Project(name=f"p{i}") for i in range(60)])
    bar = Progress(len(draft.projects), f"导出 {fmt}", stream=stream)
    render(draft, fmt, step=bar.step)
    bar.close()
    assert bar.done == 60 and f"导出 {fmt} [" in stream.getvalue() and "60/60" in stream.getvalue()
