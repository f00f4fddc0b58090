"""Hostile round 5 (black box): what it found, one test each. A: Excel's _xHHHH_ escapes kept as text; a
clone moving years inside codes and listing fewer changes than it made; comments lost where FILE.orig could
not be written. B: impossible days, unchecked header fields, commas that group no thousands."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from perfdraft import numbers, values
from perfdraft.cli import main
from perfdraft.importers import import_file

from .conftest import SEED

ROOT = Path(__file__).resolve().parents[1]


def test_excels_escaped_characters_are_read_as_the_characters(tmp_path: Path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in (["项目名称", "农村道路_x000D_维护项目"], ["一级指标", "二级指标", "三级指标", "指标值"],
                ["产出指标", "数量指标", "维护里程_x005F_x000D_", "≥20公里"]):
        ws.append(row)
    path = tmp_path / "escaped.xlsx"
    wb.save(path)
    project = import_file(path).draft.projects[0]
    assert project.name == "农村道路维护项目"  # the carriage return is a line break inside a short field: dropped
    assert project.indicators[0].name == "维护里程_x000D_"  # _x005F_ escapes the underscore itself


def test_a_clone_leaves_years_inside_codes_and_counts_every_year_it_moves():
    from perfdraft.clone import YearChange, shift_year

    text = "于2020年12月底完成，第2020年号，编号ZX2020年01，2020年末2020年初"
    shifted, n = shift_year(text, 2020, 2021)
    assert shifted == "于2021年12月底完成，第2020年号，编号ZX2020年01，2021年末2021年初" and n == 3
    from perfdraft.model import Draft

    said = YearChange("projects[0].purpose", text, shifted, n).text(Draft(year=2021))
    assert "共改 3 个年份" in said


def test_comments_are_kept_beside_a_directory_or_a_link_named_like_the_original(tmp_path: Path, capsys):
    draft = tmp_path / "d.toml"
    shutil.copy(SEED, draft)
    (tmp_path / "d.toml.orig").mkdir()
    (tmp_path / "d.toml.orig2").symlink_to(tmp_path / "nowhere.txt")  # a link to nothing
    assert main(["fill", str(draft), "--set", "year=2021"]) == 0
    assert "原文件已另存为 d.toml.orig3" in capsys.readouterr().err
    assert (tmp_path / "d.toml.orig3").read_bytes() == SEED.read_bytes()
    assert (tmp_path / "d.toml.orig2").is_symlink() and not (tmp_path / "nowhere.txt").exists()


@pytest.mark.parametrize(("text", "said"), [("2020年2月30日前", "2月没有30日"), ("2021年2月29日前", "2021年2月只有 28 天"),
                                            ("2020-02-30", "不存在")])
def test_a_day_the_month_does_not_have_is_refused(text, said):
    v = values.parse(text)
    assert isinstance(v, values.ParseError) and said in v.message
    assert values.parse("2024年2月29日前") == values.Deadline(2024, 2, 29, True)


def test_a_date_in_figures_gets_the_tables_own_form_as_its_fix():
    v = values.parse("2025-10-31前")
    assert isinstance(v, values.ParseError) and v.suggestion == "2025年10月31日前"


@pytest.mark.parametrize(("path", "value"), [("projects[0].total_amount", "-1"), ("projects[0].period_start", "2025-13"),
                                             ("projects[0].period_end", "abc")])
def test_header_fields_set_from_the_command_line_are_checked(tmp_path: Path, capsys, path, value):
    draft = tmp_path / "d.toml"
    shutil.copy(ROOT / "tests" / "fixtures" / "seed-shunping-2020-fixed.toml", draft)
    before = draft.read_bytes()
    assert main(["fill", str(draft), "--set", f"{path}={value}"]) == 2
    assert value in capsys.readouterr().err and draft.read_bytes() == before


@pytest.mark.parametrize("text", ["12,34", "1,6,0,0,000"])
def test_commas_that_group_no_thousands_make_no_amount(text):
    assert numbers.read_money(text) is None
    assert numbers.read_money("1,600,000") == (1600000, "元")


def test_a_draft_one_cannot_read_is_not_called_read_only(tmp_path: Path, monkeypatch):
    import os

    from perfdraft import drafts_io
    from perfdraft.drafts import DraftError

    draft = tmp_path / "u.toml"
    shutil.copy(SEED, draft)
    real = os.access
    monkeypatch.setattr(drafts_io.os, "access", lambda p, mode: False if Path(p) == draft else real(p, mode))
    with pytest.raises(DraftError, match="没有读取权限") as err:
        drafts_io.refuse_read_only(draft)
    assert "cp " not in str(err.value) and "perfdraft show" not in str(err.value)


@pytest.mark.parametrize(("path", "said"), [("projects[99].name", "草稿有 8 个项目（projects[0]–projects[7]），新增项目写 projects[8]"),
                                            ("departmnt.name", "是否指 department.name"),
                                            ("department.indicators[0].value", "是否指 department.")])
def test_a_path_set_wrongly_is_not_pointed_at_a_project_that_does_not_exist(tmp_path: Path, capsys, path, said):
    draft = tmp_path / "d.toml"
    shutil.copy(ROOT / "tests" / "fixtures" / "seed-shunping-2020-fixed.toml", draft)
    assert main(["fill", str(draft), "--set", f"{path}=x"]) == 2
    err = capsys.readouterr().err
    assert said in err and "projects[8]." not in err.replace("新增项目写 projects[8]", "")


def test_a_part_set_from_the_command_line_is_checked_with_its_whole(tmp_path: Path, capsys):
    draft = tmp_path / "d.toml"
    shutil.copy(ROOT / "tests" / "fixtures" / "seed-shunping-2020-fixed.toml", draft)
    assert main(["fill", str(draft), "--set", "projects[0].spending_plan.jun=10"]) == 0
    assert "PD309" in capsys.readouterr().err  # the plan as a whole now goes down: said at once


def test_a_signal_while_a_session_is_set_up_leaves_no_lock(tmp_path: Path, monkeypatch):
    from perfdraft import session as session_module
    from perfdraft.locks import lock_path

    draft = tmp_path / "d.toml"
    shutil.copy(ROOT / "tests" / "fixtures" / "seed-shunping-2020-fixed.toml", draft)

    class Stopped(BaseException):
        pass

    def stopped(*args, **kwargs):
        raise Stopped  # as the SIGTERM handler raises while a large draft is frozen for the saver

    monkeypatch.setattr(session_module, "Freezer", stopped)
    with pytest.raises(Stopped):
        session_module.Session.open(draft, remember=False)
    assert not lock_path(draft).exists()


# --- round 5's C findings, fixed in session 19 ---


def test_a_dangling_link_in_a_checked_directory_is_named_not_skipped(tmp_path: Path, capsys):
    drafts_dir = tmp_path / "drafts"
    drafts_dir.mkdir()
    shutil.copy(SEED, drafts_dir / "real.toml")
    (drafts_dir / "moved.toml").symlink_to(tmp_path / "gone.toml")
    assert main(["check", str(drafts_dir)]) == 2
    err = capsys.readouterr().err
    assert "moved.toml" in err and "链接指向的文件不存在" in err and str(tmp_path / "gone.toml") in err


def test_migrate_to_another_file_leaves_the_source_alone_and_says_where_comments_go(tmp_path: Path, capsys):
    src = tmp_path / "old.toml"
    shutil.copy(SEED, src)  # the seed draft has comments
    before = src.read_bytes()
    assert main(["migrate", str(src), "--to", "central-2021", "-o", str(tmp_path / "new.toml")]) == 0
    err = capsys.readouterr().err
    assert "另存的 new.toml 中不会有（old.toml 不改动）" in err and "old.toml.orig" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.toml", "old.toml"] and src.read_bytes() == before


def test_a_command_stopped_after_its_draft_landed_says_the_draft_is_whole(tmp_path: Path, capsys, monkeypatch):
    from perfdraft import cli, drafts_io
    from perfdraft.importers import command

    def stopped(*_args: object) -> list[str]:
        raise cli._Stopped(15)  # SIGTERM while the report is printed, after the save

    monkeypatch.setattr(command, "summary_lines", stopped)
    monkeypatch.setattr(drafts_io, "WRITTEN", [])
    src = tmp_path / "t.txt"
    src.write_text("项目名称\t道路养护\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t养护里程\t≥20公里\n",
                   encoding="utf-8")
    out = tmp_path / "d.toml"
    assert main(["import", str(src), "-o", str(out)]) == 128 + 15
    assert f"已被终止：{out} 已完整写入，其余未完成" in capsys.readouterr().err and out.is_file()


def test_an_export_named_for_another_format_is_refused_before_anything_is_written(tmp_path: Path, capsys):
    draft = tmp_path / "d.toml"
    shutil.copy(SEED, draft)
    assert main(["export", str(draft), "--to", "docx", "-o", str(tmp_path / "out.xlsx")]) == 2
    assert "扩展名 .xlsx 与 --to docx 不符" in capsys.readouterr().err and not (tmp_path / "out.xlsx").exists()
    assert main(["export", str(draft), "--to", "csv", "-o", str(tmp_path / "表.CSV")]) in (0, 1)  # case is no mismatch
