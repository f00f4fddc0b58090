import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEED, SEED_FIXED, SEED_TEXT


def run(*args, input=None, env=None, cwd=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "perfdraft", *args], capture_output=True, text=True, input=input,
                          env=e, cwd=cwd or ROOT, timeout=120)


@pytest.mark.slow
def test_check_text_and_exit_code():
    r = run("check", str(SEED))
    assert r.returncode == 1
    assert "项目 1：城乡居民基本养老保险资金" in r.stdout
    assert "PD104" in r.stdout and "→ 是否应为" in r.stdout
    assert "PD104 项目 1 · 第 7 条「" in r.stdout  # the row in words, as every front-end says it (places.finding_text)
    ok = run("check", str(SEED_FIXED))
    assert ok.returncode == 0, ok.stdout


def test_check_json_shape():
    r = run("check", str(SEED), "--format", "json")
    data = json.loads(r.stdout)
    f = data["findings"][0]
    assert set(f) == {"file", "code", "severity", "path", "message", "suggestion"}
    assert any(x["path"] == "projects[1].indicators[5].value" and x["code"] == "PD221" for x in data["findings"])
    assert {x["severity"] for x in data["findings"]} <= {"error", "warning", "hint"}


def test_check_directory_summary(tmp_path):
    for i in range(3):
        (tmp_path / f"d{i}.toml").write_bytes(SEED_FIXED.read_bytes())
    r = run("check", str(tmp_path))
    assert r.returncode == 0
    assert "汇总" in r.stdout and r.stdout.count("d1.toml") >= 2


@pytest.mark.parametrize(
    "content, needle",
    [(None, "不存在"), ("not toml = = =", "第 1 行"), ("schema='perfdraft/7'", "更新版本"), ("schema='perfdraft/1'\nyear='x'", "year")],
)
def test_bad_input_exit_2_one_line(tmp_path, content, needle):
    p = tmp_path / "bad.toml"
    if content is not None:
        p.write_text(content, "utf-8")
    r = run("check", str(p))
    assert r.returncode == 2
    assert needle in r.stderr
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_rules_list_and_detail():
    r = run("rules")
    assert r.returncode == 0 and "PD106" in r.stdout and "PD406" in r.stdout
    d = run("rules", "PD106")
    assert "例子：≥3030元" in d.stdout and "改为：≥30元" in d.stdout
    assert run("rules", "PD999").returncode == 2


def test_show_aligns_cjk():
    from perfdraft.render import cell_len

    r = run("show", str(SEED), "--width", "80", "--project", "1")
    assert r.returncode == 0
    grid = [ln for ln in r.stdout.splitlines() if ln.startswith(("|", "+"))]
    assert grid and len({cell_len(ln) for ln in grid}) == 1  # every grid line the same width in cells
    assert max(cell_len(ln) for ln in r.stdout.splitlines()) <= 80


def test_new_refuses_overwrite(tmp_path):
    p = tmp_path / "n.toml"
    assert run("new", str(p), "--year", "2026").returncode == 0
    from perfdraft import drafts

    assert drafts.load(p).year == 2026
    r = run("new", str(p))
    assert r.returncode == 2 and "已存在" in r.stderr


@pytest.mark.slow
def test_demo_print_never_writes_into_package(tmp_path):
    pkg = ROOT / "perfdraft" / "data"
    before = sorted(os.listdir(pkg))
    r = run("demo", "--print", "--width", "80")
    assert r.returncode == 1  # the seed has errors
    assert "示例草稿已复制到" in r.stdout and "PD104" in r.stdout
    assert sorted(os.listdir(pkg)) == before


def test_help_in_chinese():
    r = run("--help")
    assert r.returncode == 0 and "起草助手" in r.stdout and "check" in r.stdout


def test_locate():
    r = run("locate")
    assert "配置目录" in r.stdout and "行模式历史" in r.stdout and "缓存 (cache)" in r.stdout


def test_readonly_target_dir(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores directory permissions")
    d = tmp_path / "ro"
    d.mkdir()
    d.chmod(0o500)
    try:
        r = run("new", str(d / "x.toml"))
        assert r.returncode == 2 and "不可写" in r.stderr
    finally:
        d.chmod(0o700)


@pytest.mark.slow
def test_plain_install_finds_catalogue(tmp_path):
    """catalogue/ ships inside the package: a non-editable install must find it."""
    target = tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet",
                        "--target", str(target), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    code = ("import perfdraft.catalogue as c, sys; cat = c.load(); "
            "assert 'site' in str(c.builtin_dir()), c.builtin_dir(); print(len(cat.templates))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(target)})
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) > 0
    assert Path(target / "perfdraft" / "catalogue_data").is_dir()


def test_a_closed_stdin_and_a_terminal_that_is_not_utf8_give_no_traceback(tmp_path):
    """A hostile test: `perfdraft line d.toml <&-` raised AttributeError; a GBK or ASCII terminal raised
    UnicodeEncodeError on ✗ and ⇄, at times after a file had been written."""
    import os
    import shutil
    import subprocess
    import sys

    from .conftest import SEED_FIXED

    draft = tmp_path / "s.toml"
    shutil.copy(SEED_FIXED, draft)
    run = [sys.executable, "-m", "perfdraft"]
    closed = subprocess.run([*run, "line", str(draft)], preexec_fn=lambda: os.close(0), capture_output=True,
                            text=True, timeout=60)
    assert "Traceback" not in closed.stderr and closed.returncode in (0, 1), closed.stderr[-500:]
    for encoding in ("gbk", "ascii"):
        env = dict(os.environ, PYTHONIOENCODING=encoding)
        shown = subprocess.run([*run, "check", str(draft)], capture_output=True, env=env, timeout=60)
        assert b"Traceback" not in shown.stderr and shown.returncode in (0, 1) and shown.stdout, shown.stderr[-500:]
        out = tmp_path / f"m-{encoding}.toml"
        moved = subprocess.run([*run, "migrate", str(draft), "--to", "central-2021", "-o", str(out)],
                               capture_output=True, env=env, timeout=60)
        assert b"Traceback" not in moved.stderr and out.exists() and moved.returncode in (0, 1), moved.stderr[-500:]


def test_dangling_links_and_links_to_the_input_are_refused_as_outputs(tmp_path, capsys):
    """import and new wrote through a dangling link to a file outside the folder; migrate -o a link to
    its input rewrote the input while saying 另存为 (export already refused links)."""
    import shutil

    from perfdraft.cli import main as cli_main

    from .conftest import SEED_FIXED

    src = tmp_path / "s.toml"
    shutil.copy(SEED_FIXED, src)
    table = tmp_path / "t.txt"
    table.write_text("项目名称\t培训\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人数\t≥100人\n", encoding="utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for argv, link, target in (
            (["import", str(table), "-o"], tmp_path / "a.toml", outside / "a.toml"),
            (["new"], tmp_path / "b.toml", outside / "b.toml"),
            (["migrate", str(src), "--to", "central-2021", "--force", "-o"], tmp_path / "c.toml", src)):
        link.symlink_to(target)
        before = src.read_bytes()
        assert cli_main([*argv, str(link)]) == 2
        assert "符号链接" in capsys.readouterr().err
        assert not (outside / target.name).exists() and src.read_bytes() == before


def test_a_tables_control_characters_never_reach_the_terminal(tmp_path, capsys):
    """A hostile test: a cell holding ESC ]0;PWNED BEL retitled the terminal through the import's list of
    text not placed; U+202E turned a printed line round."""
    from perfdraft.cli import main as cli_main

    table = tmp_path / "t.txt"
    table.write_text("项目名称\t培训\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人数\t≥100人\n"
                     "没有归位的一句话\x1b]0;PWNED\x1b\\\x1b[2J\u202e反转\n", encoding="utf-8")
    cli_main(["import", str(table), "-o", str(tmp_path / "t.toml")])
    said = capsys.readouterr()
    for stream in (said.out, said.err):
        assert "\x1b" not in stream and "\u202e" not in stream
    cli_main(["show", str(tmp_path / "t.toml")])
    assert "\x1b" not in capsys.readouterr().out


def test_check_of_a_folder_leaves_hidden_folders_out(tmp_path, capsys):
    import shutil

    from perfdraft.cli import main as cli_main

    shutil.copy(SEED_FIXED, tmp_path / "mine.toml")
    (tmp_path / ".rescued").mkdir()
    (tmp_path / ".rescued" / "x.toml").write_text("not a draft", encoding="utf-8")
    assert cli_main(["check", str(tmp_path)]) in (0, 1)
    assert "x.toml" not in capsys.readouterr().out


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_signal_during_import_releases_the_lock_and_writes_nothing(tmp_path, monkeypatch, capsys, signame):
    import signal

    from perfdraft import cli
    from perfdraft.importers import command

    sig = getattr(signal, signame)
    saved = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}

    def killed(*_a, **_k):
        os.kill(os.getpid(), sig)
        raise AssertionError("the signal did not stop the import")

    monkeypatch.setattr(command, "import_files", killed)
    out = tmp_path / "d.toml"

    def unhandled(*_a):  # without perfdraft's own handler the signal would end pytest itself
        raise AssertionError("perfdraft installed no handler for the signal")

    signal.signal(sig, unhandled)
    try:
        code = cli.main(["import", str(SEED_TEXT), "-o", str(out)])
    finally:
        for s, handler in saved.items():
            signal.signal(s, handler)
    assert code == 128 + sig
    assert "已被终止" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no draft, no stale lock
