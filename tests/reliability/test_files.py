"""A user's files are never lost or overwritten (issue 19): each hole the hostile test found, reproduced.

Attack classes: file modes and owners, symlinks, external edits, encodings, a full disk, non-finite and
huge numbers, deep nesting, locks that cannot be read or belong to another host, odd paths.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from perfdraft import drafts, locations, locks
from perfdraft.answers import parse_money, parse_plan
from perfdraft.conversation import Conversation
from perfdraft.prompts import Rejected
from perfdraft.session import Session

from ..conftest import ROOT, SEED
from .harness import session_env


def perfdraft(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None,
              module: str = "perfdraft", timeout: float = 60) -> subprocess.CompletedProcess[str]:
    r = subprocess.run([sys.executable, "-m", module, *args], input=stdin, capture_output=True, cwd=ROOT,
                       env=env, timeout=timeout)
    return subprocess.CompletedProcess(r.args, r.returncode, r.stdout.decode("utf-8", "replace"),
                                       r.stderr.decode("utf-8", "replace"))


def no_traceback(r: subprocess.CompletedProcess[str]) -> bool:
    return "Traceback" not in r.stderr and "Traceback" not in r.stdout


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    p = tmp_path / "seed.toml"
    p.write_bytes(SEED.read_bytes())
    return p


def answer_all(conv: Conversation, *texts: str) -> None:
    for t in texts:
        r = conv.answer(t)
        assert r.ok, (t, [m.text for m in r.messages])


# --- 1. /export inside the assistant -----------------------------------------------------------------


def test_export_in_the_assistant_never_overwrites_a_file_it_did_not_write(seed):
    """Item 1: /export replaced <draft>.xlsx (maybe the workbook the draft was imported from)."""
    mine = seed.with_suffix(".csv")
    mine.write_bytes(b"the user's own workbook")
    with Session.open(seed, remember=False) as s:
        first = s.conv.answer("/export csv")
        assert first.ok, [m.text for m in first.messages]
        assert mine.read_bytes() == b"the user's own workbook"
        out = seed.with_name("seed-导出1.csv")
        assert out.exists() and str(out.name) in first.messages[-1].text
        again = s.conv.answer("/export csv")  # a file this session wrote may be replaced
        assert again.ok and not seed.with_name("seed-导出2.csv").exists()


def test_a_draft_named_like_its_export_is_not_replaced_by_it(tmp_path):
    p = tmp_path / "r.csv"
    p.write_bytes(SEED.read_bytes())
    with Session.open(p, remember=False) as s:
        assert s.conv.answer("/export csv").ok
    assert drafts.load(p).department.name  # still the draft
    assert (tmp_path / "r-导出1.csv").exists()


# --- 2. external edits ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_change_made_by_another_program_is_never_overwritten(seed):
    """Item 2: an external edit was overwritten without a word, and gone from .bak two saves later."""
    with Session.open(seed, remember=False) as s:
        outside = seed.read_text("utf-8").replace("顺平县", "外部修改县", 1)
        time.sleep(0.01)
        seed.write_text(outside, "utf-8")
        reply = s.conv.answer("/save")
        assert not reply.ok and "其他程序修改" in reply.messages[-1].text
        for _ in range(2):
            s.conv.answer("")
        s.conv.answer("/save")
    assert seed.read_text("utf-8") == outside
    kept = list(seed.parent.glob("seed.冲突-*.toml"))
    assert len(kept) == 1 and drafts.load(kept[0]).department.name == drafts.load(SEED).department.name


def test_an_unchanged_file_touched_by_another_program_is_saved_normally(seed):
    with Session.open(seed, remember=False) as s:
        os.utime(seed, (time.time() + 5, time.time() + 5))
        assert s.conv.answer("/save").ok
    assert not list(seed.parent.glob("*冲突*"))


# --- 3. modes and owners -------------------------------------------------------------------------------


def test_saving_keeps_the_mode_of_the_draft_and_its_backup(seed, seed_draft):
    """Item 3: a 0600 draft and its .bak became 0644."""
    os.chmod(seed, 0o600)
    seed_draft.department.name = "改名"
    drafts.save(seed_draft, seed)
    assert stat.S_IMODE(seed.stat().st_mode) == 0o600
    assert stat.S_IMODE(drafts.backup_path(seed).stat().st_mode) == 0o600


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")
def test_saving_keeps_owner_and_group(seed, seed_draft):
    os.chown(seed, 1234, 2345)
    os.chmod(seed, 0o664)
    seed_draft.department.name = "改名"
    drafts.save(seed_draft, seed)
    st = seed.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (1234, 2345, 0o664)


@pytest.mark.slow
def test_a_read_only_draft_is_refused_by_fill_and_migrate(seed, tmp_path):
    """Item 3: a chmod 444 draft was rewritten by fill and migrate."""
    os.chmod(seed, 0o444)
    before = seed.read_bytes()
    env = session_env(tmp_path)
    r = perfdraft("fill", str(seed), "--set", "department.name=x", env=env)
    assert r.returncode == 2 and "只读" in r.stderr and no_traceback(r)
    r = perfdraft("migrate", str(seed), "--to", "central-2021", env=env)
    assert r.returncode == 2 and "只读" in r.stderr and no_traceback(r)
    assert seed.read_bytes() == before and stat.S_IMODE(seed.stat().st_mode) == 0o444
    assert not drafts.lock_path(seed).exists()


# --- 4. symlinks -----------------------------------------------------------------------------------------


def test_a_symlinked_draft_is_saved_at_its_target_and_locked_there(tmp_path, seed):
    """Item 4: a save replaced the link with a file; the lock was keyed on the link's name."""
    link = tmp_path / "link.toml"
    link.symlink_to(seed)
    with Session.open(link, remember=False) as s:
        # The same file under its own name, from another process: refused (one writer).
        r = perfdraft("fill", str(seed), "--set", "department.name=x", env=session_env(tmp_path))
        assert r.returncode == 2 and "正被" in r.stderr, r.stderr
        s.conv.draft.department.name = "经由链接"
        assert s.save().role == "notice"
    assert link.is_symlink() and drafts.load(seed).department.name == "经由链接"
    assert not drafts.lock_path(seed).exists()


# --- 5. migrate -o, unknown keys and comments --------------------------------------------------------


def test_migrate_output_never_replaces_an_existing_draft(seed, tmp_path):
    other = tmp_path / "other.toml"
    other.write_text('schema = "perfdraft/1"\n[department]\nname = "别的草稿"\n', "utf-8")
    before = other.read_bytes()
    env = session_env(tmp_path)
    r = perfdraft("migrate", str(seed), "--to", "central-2021", "-o", str(other), env=env)
    assert r.returncode == 2 and "已存在" in r.stderr and other.read_bytes() == before
    r = perfdraft("migrate", str(seed), "--to", "central-2021", "-o", str(other), "--force", env=env)
    assert r.returncode in (0, 1), r.stderr
    assert drafts.load(other).framework == "central-2021" and drafts.backup_path(other).read_bytes() == before


def test_unknown_keys_and_comments_are_announced_before_a_save_drops_them(tmp_path):
    p = tmp_path / "d.toml"
    p.write_text('# 我的备注\nschema = "perfdraft/1"\nyear = 2021\nmy_key = "x"  # 行尾注释\n'
                 'text = "a # not a comment"\n[department]\nname = "甲"\nextra = 1\n', "utf-8")
    _, _, warnings = drafts.read(p)
    assert any("my_key" in w and "department.extra" in w for w in warnings), warnings
    assert any("注释" in w and "第 1、4 行" in w for w in warnings), warnings
    with Session.open(p, remember=False) as s:
        assert any("不认识的键" in m.text for m in s.conv.messages)
    plain = tmp_path / "plain.toml"
    drafts.save(drafts.load(SEED), plain)  # perfdraft's own file: nothing to warn about
    assert drafts.read(plain)[2] == []


# --- 6. non-finite numbers in answers ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["nan nan nan nan", "inf 1 2 3", "sNaN 1 2 3", "1 2 3 -inf", "1e999 2 3 4"])
def test_non_finite_spending_plans_are_rejected(text):
    """Item 6: nan, inf, sNaN in the 支出计划 answer gave a traceback (TUI) or a stuck prompt (line)."""
    with pytest.raises(Rejected):
        parse_plan(text)


@pytest.mark.slow
def test_fill_set_with_nan_is_a_clear_error(seed, tmp_path):
    env = session_env(tmp_path)
    for value in ("projects[0].spending_plan=nan 1 2 3", "projects[0].spending_plan.mar=nan",
                  "projects[0].indicators[0].weight=inf", "projects[0].budget.total=nan"):
        r = perfdraft("fill", str(seed), "--set", value, env=env)
        assert r.returncode == 2 and no_traceback(r), (value, r.stderr)
    assert seed.read_bytes() == SEED.read_bytes() and not drafts.lock_path(seed).exists()


def test_an_answer_that_raises_leaves_the_draft_as_it_was(seed, monkeypatch):
    with Session.open(seed, remember=False) as s:
        before = drafts.dumps(s.conv.draft)
        monkeypatch.setattr(type(s.conv), "_apply", lambda self, text: 1 / 0)
        reply = s.conv.answer("x")
        assert not reply.ok and "无法处理" in reply.messages[-1].text
        assert drafts.dumps(s.conv.draft) == before


# --- 7, 8. encodings ------------------------------------------------------------------------------------


def test_gbk_on_stdin_of_the_line_mode(tmp_path):
    """Item 7: GBK on stdin gave UnicodeDecodeError and left the lock behind."""
    p = tmp_path / "d.toml"
    r = perfdraft("line", str(p), "--year", "2021", env=session_env(tmp_path), stdin="顺平县社保局\n".encode("gbk"))
    assert no_traceback(r) and r.returncode in (0, 1), r.stderr
    assert not drafts.lock_path(p).exists() and drafts.load(p)


@pytest.mark.slow
def test_gbk_answers_file_and_gbk_byte_in_set(seed, tmp_path):
    env = session_env(tmp_path)
    answers = tmp_path / "a.toml"
    answers.write_bytes('answers = ["顺平县"]\n'.encode("gbk"))
    r = perfdraft("fill", str(seed), "--answers", str(answers), env=env)
    assert r.returncode == 2 and "UTF-8" in r.stderr and no_traceback(r)
    r = subprocess.run([sys.executable, "-m", "perfdraft", "fill", os.fsencode(seed),
                        b"--set", b"department.name=" + "县".encode("gbk")],
                       capture_output=True, cwd=ROOT, env=env, timeout=60)
    assert r.returncode == 2 and b"Traceback" not in r.stderr and b"UTF-8" in r.stderr
    assert seed.read_bytes() == SEED.read_bytes() and not drafts.lock_path(seed).exists()


def test_a_recent_list_that_is_not_utf8_breaks_nothing(tmp_path):
    """Item 8: a non-UTF-8 recent.txt broke every session."""
    f = locations.recent_file()
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_bytes(b"/tmp/\xff\xfe bad\n" + str(SEED).encode() + b"\n")
    assert locations.recent() == [SEED]
    locations.remember(tmp_path / "x.toml")
    assert locations.recent()[:2] == [(tmp_path / "x.toml").resolve(), SEED]


@pytest.mark.parametrize("encoding, word", [("utf-16", "UTF-16"), ("gbk", "GBK")])
def test_drafts_in_other_encodings_are_named(tmp_path, encoding, word):
    p = tmp_path / "d.toml"
    p.write_bytes(SEED.read_text("utf-8").encode(encoding))
    with pytest.raises(drafts.DraftError, match=word):
        drafts.load(p)


# --- 10. a full disk ---------------------------------------------------------------------------------------


def test_full_disk_when_taking_the_lock_leaves_no_lock(seed, tmp_path):
    """Item 10: an OSError in acquire_lock left a 0-byte lock."""
    r = perfdraft("line", str(seed), module="tests.reliability.fulldisk", env=session_env(tmp_path), stdin=b"")
    assert r.returncode == 2 and "磁盘已满" in r.stderr and no_traceback(r), r.stderr
    assert not drafts.lock_path(seed).exists() and seed.read_bytes() == SEED.read_bytes()


@pytest.mark.slow
def test_full_disk_while_saving_says_so_and_keeps_the_draft(tmp_path):
    """Item 10: a piped session on a full directory still ended with 之前的回答已保存."""
    p = tmp_path / "d.toml"
    drafts.save(drafts.new_draft(2021), p)
    before = p.read_bytes()
    env = session_env(tmp_path)
    r = perfdraft("--after", "1", "line", str(p), module="tests.reliability.fulldisk", env=env,
                  stdin="顺平县社保局\n317002\n".encode())
    assert r.returncode == 2 and "磁盘已满" in r.stderr and "已保存" not in r.stderr and no_traceback(r), r.stderr
    assert p.read_bytes() == before and not drafts.lock_path(p).exists()
    assert not [x for x in tmp_path.iterdir() if ".tmp-" in x.name]
    r = perfdraft("--after", "1", "line", str(p), module="tests.reliability.fulldisk", env=env,
                  stdin="顺平县社保局\n/nonsense\n".encode())
    assert r.returncode == 1 and "之前的回答未能保存" in r.stderr and no_traceback(r), r.stderr


def test_full_disk_in_process_keeps_the_old_file(seed, seed_draft, monkeypatch):
    import errno

    from perfdraft import drafts_io

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(drafts_io.os, "fsync", full)
    seed_draft.department.name = "写不下"
    with pytest.raises(drafts.DraftError, match="磁盘已满"):
        drafts.save(seed_draft, seed)
    assert seed.read_bytes() == SEED.read_bytes()
    assert not [x for x in seed.parent.iterdir() if ".tmp-" in x.name]


# --- 11. huge numbers, nesting, odd paths ---------------------------------------------------------------


def test_a_huge_amount_is_an_answer_error_not_a_traceback():
    with pytest.raises(Rejected, match="太大"):
        parse_money("12345678901234567890123456789万")
    assert parse_money("160万") == 1600000


@pytest.mark.parametrize("value", ["1e9999999", "1e40", "-1e19", "1e-9999999"])
def test_huge_numbers_in_a_draft_are_refused_on_load(tmp_path, value):
    p = tmp_path / "d.toml"
    p.write_text(f'schema = "perfdraft/1"\n[[projects]]\nname = "x"\nbudget = {{ total = {value} }}\n', "utf-8")
    with pytest.raises(drafts.DraftError, match="超出范围"):
        drafts.load(p)


@pytest.mark.slow
def test_deep_nesting_is_a_draft_error_in_every_command(tmp_path):
    p = tmp_path / "d.toml"
    p.write_text('schema = "perfdraft/1"\nx = ' + "[" * 3000 + "]" * 3000 + "\n", "utf-8")
    with pytest.raises(drafts.DraftError, match="嵌套过深"):
        drafts.load(p)
    env = session_env(tmp_path)
    for args in (["check", str(p)], ["show", str(p)], ["fill", str(p), "--set", "year=2021"],
                 ["migrate", str(p), "--to", "central-2021"], ["line", str(p)]):
        r = perfdraft(*args, env=env, stdin=b"")
        assert r.returncode == 2 and "嵌套过深" in r.stderr and no_traceback(r), (args, r.stderr)


@pytest.mark.slow
def test_a_directory_where_the_lock_or_the_output_goes(seed, tmp_path):
    env = session_env(tmp_path)
    drafts.lock_path(seed).mkdir()
    r = perfdraft("line", str(seed), env=env, stdin=b"")
    assert r.returncode == 2 and "目录" in r.stderr and no_traceback(r)
    drafts.lock_path(seed).rmdir()
    out = tmp_path / "outdir"
    out.mkdir()
    r = perfdraft("migrate", str(seed), "--to", "central-2021", "-o", str(out), env=env)
    assert r.returncode == 2 and "目录" in r.stderr and no_traceback(r)


@pytest.mark.slow
def test_show_with_an_absurd_width_finishes(seed, tmp_path):
    """Item 14: show --width 100000000 hung."""
    started = time.monotonic()
    r = perfdraft("show", str(seed), "--width", "100000000", env=session_env(tmp_path))
    assert r.returncode == 0 and time.monotonic() - started < 20
    assert max(len(line) for line in r.stdout.splitlines()) <= 1000


# --- 13. locks that cannot be judged from here ------------------------------------------------------------


def test_a_lock_that_cannot_be_read_is_not_taken_over(seed, monkeypatch):
    """Item 13: a live lock another user could not read was taken over after 2 s."""
    lp = drafts.lock_path(seed)
    lp.write_text("{}", "utf-8")
    os.utime(lp, (time.time() - 60, time.time() - 60))
    from perfdraft import safe_open

    real = safe_open.open_read

    def unreadable(path, *a, **k):  # type: ignore[no-untyped-def]
        if Path(path) == lp:
            raise PermissionError(13, "Permission denied")
        return real(path, *a, **k)

    monkeypatch.setattr(safe_open, "open_read", unreadable)
    with pytest.raises(drafts.DraftLocked, match="perfdraft unlock"):
        locks.acquire_lock(seed)
    assert lp.exists()


@pytest.mark.slow
def test_a_lock_from_another_host_names_the_way_out(seed, tmp_path):
    holder = {"user": "zhang", "host": "other-host", "pid": 4242, "since": time.time() - 86400}
    drafts.lock_path(seed).write_text(json.dumps(holder), "utf-8")
    with pytest.raises(drafts.DraftLocked, match=f"perfdraft unlock {seed}"):
        locks.acquire_lock(seed)
    env = session_env(tmp_path)
    r = perfdraft("unlock", str(seed), env=env, stdin=b"")
    assert r.returncode == 2 and "--yes" in r.stderr and drafts.lock_path(seed).exists()
    r = perfdraft("unlock", str(seed), "--yes", env=env)
    assert r.returncode == 0 and "zhang@other-host" in r.stdout and not drafts.lock_path(seed).exists()
    r = perfdraft("unlock", str(seed), env=env)
    assert r.returncode == 0 and "没有被锁住" in r.stdout


def test_unlock_refuses_a_holder_still_running_here(seed):
    holder = {"user": "me", "host": socket.gethostname(), "pid": os.getpid(), "since": time.time() - 5}
    drafts.lock_path(seed).write_text(json.dumps(holder), "utf-8")
    # This process holds it: break_lock of one's own lock is allowed, of a live other process is not.
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        drafts.lock_path(seed).write_text(json.dumps({**holder, "pid": child.pid, "since": time.time() + 1}))
        with pytest.raises(drafts.DraftLocked, match="仍在本机运行"):
            locks.break_lock(seed)
    finally:
        child.kill()
        child.wait()


# --- 15. messages -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("content, bad", [
    ('schema = "perfdraft/1"\n[[projects]]\nname = 1979-05-27\n', "date"),
    ('schema = "perfdraft/1"\n[[projects]]\nbudget = { total = ["x"] }\n', "['x']"),
    ('schema = "perfdraft/1"\nyear = 0\n', None), ('schema = "perfdraft/1"\nyear = -5\n', None),
    ('schema = "perfdraft/1"\nyear = 99999\n', None),
])
def test_messages_hold_no_python_internals_and_years_are_checked(tmp_path, content, bad):
    p = tmp_path / "d.toml"
    p.write_text(content, "utf-8")
    with pytest.raises(drafts.DraftError) as info:
        drafts.load(p)
    if bad:
        assert bad not in str(info.value)


@pytest.mark.slow
def test_fill_set_of_a_table_or_a_bad_year_is_refused_in_plain_words(seed, tmp_path):
    env = session_env(tmp_path)
    answers = tmp_path / "a.toml"
    answers.write_text('[set]\n"projects[0].indicators[0].basis" = { category = 1 }\n', "utf-8")
    r = perfdraft("fill", str(seed), "--answers", str(answers), env=env)
    assert r.returncode == 2 and "不能是表" in r.stderr and "{'category'" not in r.stderr
    for year in ("abc", "0", "99999"):
        r = perfdraft("fill", str(seed), "--set", f"year={year}", env=env)
        assert r.returncode == 2 and "invalid literal" not in r.stderr and "年份" in r.stderr, r.stderr
    r = perfdraft("clone", str(seed), "-o", str(tmp_path / "c.toml"), "--year", "100000", env=env)
    assert r.returncode == 2 and no_traceback(r) and not (tmp_path / "c.toml").exists()


def test_a_bare_slash_is_not_an_answer(tmp_path):
    p = tmp_path / "d.toml"
    drafts.save(drafts.new_draft(2021), p)
    with Session.open(p, remember=False) as s:
        reply = s.conv.answer("/")
        assert not reply.ok and s.conv.draft.department.name is None


def test_temp_files_of_an_export_killed_with_sigkill_are_cleaned(seed, tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    left = tmp_path / f".seed.csv.tmp-{dead.pid}"
    left.write_bytes(b"half an export")
    os.utime(left, (time.time() - 60, time.time() - 60))
    r = perfdraft("export", str(seed), "--to", "csv", "-o", str(tmp_path / "seed.csv"), env=session_env(tmp_path))
    assert r.returncode in (0, 1), r.stderr
    assert not left.exists() and (tmp_path / "seed.csv").exists()


def test_demo_print_leaves_no_temp_directory(tmp_path):
    env = session_env(tmp_path) | {"TMPDIR": str(tmp_path / "t")}
    (tmp_path / "t").mkdir()
    r = perfdraft("demo", "--print", env=env)
    assert r.returncode in (0, 1) and list((tmp_path / "t").iterdir()) == []


def test_a_line_typed_when_the_link_dropped_is_offered_again(tmp_path):
    """Item 15: SIGHUP lost the typed but unconfirmed line; it is kept as a pending answer."""
    p = tmp_path / "d.toml"
    drafts.save(drafts.new_draft(2021), p)
    s = Session.open(p, remember=False)
    s.close(pending="顺平县社保局（未确认）")
    assert drafts.load(p).department.name is None  # never applied as an answer
    again = Session.open(p, remember=False)
    try:
        assert again.pending_answer == "顺平县社保局（未确认）"
        assert any("未确认" in m.text for m in again.conv.messages)
    finally:
        again.close()


@pytest.mark.slow
def test_a_line_typed_in_the_line_mode_when_the_link_dropped_is_kept(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    import signal

    p = tmp_path / "d.toml"
    drafts.save(drafts.new_draft(2021), p)
    env = session_env(tmp_path) | {"TERM": "xterm"}
    child = pexpect.spawn(sys.executable, ["-m", "perfdraft", "line", str(p)], env=env, cwd=str(ROOT),
                          encoding="utf-8", timeout=30, dimensions=(24, 100))
    try:
        child.expect("1>")
        child.send("顺平县社保")
        time.sleep(0.5)
        child.kill(signal.SIGHUP)
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert not drafts.lock_path(p).exists()
    again = Session.open(p, remember=False)
    try:
        assert again.pending_answer == "顺平县社保" and again.conv.draft.department.name is None
    finally:
        again.close()
