import subprocess
import sys

import pytest

from perfdraft import drafts
from perfdraft.fill import FillError, set_path

from .conftest import ROOT, SEED


def run(*args):
    return subprocess.run([sys.executable, "-m", "perfdraft", "fill", *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_set_paths_and_unknown_path(seed_draft):
    set_path(seed_draft, "projects[0].budget.other", "0")
    set_path(seed_draft, "projects[1].indicators[5].value", "≥459100元")
    set_path(seed_draft, "department.name", "新名称")
    set_path(seed_draft, "projects[8].name", "新项目")  # the next index appends
    set_path(seed_draft, "projects[3].spending_plan", "25 50 75 100")
    assert seed_draft.projects[0].budget.other == 0
    assert seed_draft.projects[1].indicators[5].value == "≥459100元"
    assert seed_draft.projects[8].name == "新项目" and seed_draft.projects[3].spending_plan.dec == 100
    try:
        set_path(seed_draft, "projects[0].budget.othr", "0")
    except FillError as exc:
        assert "是否指 projects[0].budget.other" in str(exc)
    else:
        raise AssertionError("unknown path accepted")


@pytest.mark.slow
def test_fill_command(tmp_path):
    p = tmp_path / "s.toml"
    p.write_bytes(SEED.read_bytes())
    r = run(str(p), "--set", "projects[0].budget.other=0", "--set", "projects[3].spending_plan=25 50 75 100")
    assert r.returncode == 0, r.stderr
    d = drafts.load(p)
    assert d.projects[0].budget.other == 0 and d.projects[3].spending_plan is not None
    bad = run(str(p), "--set", "projects[0].budjet.other=0")
    assert bad.returncode == 2 and "是否指" in bad.stderr


@pytest.mark.slow
def test_fill_answers_file_and_defaults(tmp_path):
    p = tmp_path / "n.toml"
    answers = tmp_path / "a.toml"
    answers.write_text('answers = ["某县社保局", "317002", "2021"]\n[set]\n"department.safeguards" = "措施"\n', "utf-8")
    r = run(str(p), "--answers", str(answers), "--defaults")
    assert r.returncode == 0, r.stderr
    d = drafts.load(p)
    assert (d.department.name, d.year, d.department.safeguards) == ("某县社保局", 2021, "措施")
    assert d.framework == "local-2015"  # accepted by --defaults
    answers.write_text('answers = ["某县", "1", "明年"]\n', "utf-8")
    bad = run(str(tmp_path / "m.toml"), "--answers", str(answers))
    assert bad.returncode == 2 and "第 3 个回答" in bad.stderr


def test_what_set_writes_is_checked_and_an_error_there_exits_1(tmp_path, capsys, monkeypatch):
    """`fill --set` wrote `≥095%` or a 项目编码 of `250万` and said only 已填写: the places it set are
    checked as a typed answer is (kept, with the findings said); an error there exits 1."""
    from perfdraft import cli

    monkeypatch.setenv("PERFDRAFT_DATA_DIR", str(tmp_path / "data"))
    p = tmp_path / "s.toml"
    p.write_bytes(SEED.read_bytes())
    assert cli.main(["fill", "--set", "projects[0].code=250万", str(p)]) == 1
    err = capsys.readouterr().err
    assert "PD326" in err and "250万" in err and drafts.load(p).projects[0].code == "250万"
    assert cli.main(["fill", "--set", "projects[0].code=317-1002-JXN-FRS7",
                     "--set", "projects[1].indicators[5].value=≥0459100元", str(p)]) == 0  # a warning only
    err = capsys.readouterr().err
    assert "PD105" in err and "第 6 条" in err and "PD326" not in err
    assert "projects[0]" not in err and "项目 1 ·" not in err  # findings elsewhere are `check`'s to list
