"""Two writers on one draft: the second is refused naming who holds it (exit 2, user@host and pid);
a lock whose process died is taken over with a notice; nothing is ever written by both."""

from __future__ import annotations

import getpass
import json
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from perfdraft import drafts, locks
from perfdraft.conversation import open_session

from ..conftest import SEED
from . import harness
from .harness import ROOT, LineProcess, TmuxTui, have_tmux, line_argv, reference, session_env

needs_tmux = pytest.mark.skipif(not have_tmux(), reason="tmux not installed (.ci/run installs it): the TUI part needs a terminal")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001
        return str(os.getuid())


def _cli(env, *args, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "perfdraft", *args], input=stdin, capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60)


def _assert_refused(r: subprocess.CompletedProcess, pid: int) -> None:
    assert r.returncode == 2, (r.returncode, r.stdout[-300:], r.stderr)
    assert f"{_user()}@{socket.gethostname()}" in r.stderr and f"进程 {pid}" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def _holding_line_session(path: Path, env, answers: int) -> LineProcess:
    ref = reference()
    lp = LineProcess(line_argv(path), env)
    for k in range(answers):
        assert lp.wait_questions(k + 1, 30), lp.error_text()
        lp.send(ref.lines[k])
    assert lp.wait_questions(answers + 1, 30), lp.error_text()
    return lp


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


@pytest.mark.slow
def test_second_writer_of_every_kind_is_refused_while_a_line_session_holds(tmp_path):
    env = session_env(tmp_path)
    ref = reference()
    path = tmp_path / "d.toml"
    a = _holding_line_session(path, env, 20)
    try:
        before = path.read_bytes()
        assert before == ref.texts[20]
        holder = json.loads(drafts.lock_path(path).read_text())
        assert holder["pid"] == a.proc.pid
        _assert_refused(_cli(env, "line", str(path), stdin="另一个单位\n"), a.proc.pid)
        _assert_refused(_cli(env, "edit", "--line", str(path), stdin="另一个单位\n"), a.proc.pid)
        _assert_refused(_cli(env, "fill", str(path), "--set", "department.name=另一个单位"), a.proc.pid)
        _assert_refused(_cli(env, "migrate", str(path), "--to", "central-2021"), a.proc.pid)
        text_table = tmp_path / "t.txt"
        text_table.write_text((ROOT / "tests/fixtures/import/tabs-filldown.txt").read_text("utf-8"), "utf-8")
        _assert_refused(_cli(env, "import", str(text_table), "-o", str(path), "--force"), a.proc.pid)
        assert path.read_bytes() == before  # nobody else wrote
        assert json.loads(drafts.lock_path(path).read_text()) == holder
        for k in range(20, len(ref.lines)):  # the holder goes on to the end, undisturbed
            a.send(ref.lines[k])
        a.close_stdin()
        assert a.wait(60) == 0, a.error_text()
    finally:
        if a.proc.returncode is None:
            a.kill(signal.SIGKILL)
            a.wait(10)
    assert path.read_bytes() == ref.texts[-1]
    assert not drafts.lock_path(path).exists()
    r = _cli(env, "fill", str(path), "--set", "department.name=另一个单位")  # free again
    assert r.returncode == 0, r.stderr


@pytest.mark.slow
def test_import_force_takes_the_lock(tmp_path):
    """Regression: ``import --force`` replaced a draft open in the assistant without its lock."""
    path = tmp_path / "d.toml"
    path.write_bytes(SEED.read_bytes())
    conv, lock = open_session(path)
    try:
        env = session_env(tmp_path)
        table = ROOT / "tests/fixtures/import/tabs-filldown.txt"
        r = _cli(env, "import", str(table), "-o", str(path), "--force")
        _assert_refused(r, os.getpid())
        assert path.read_bytes() == SEED.read_bytes()
    finally:
        lock.release()
    r = _cli(session_env(tmp_path), "import", str(ROOT / "tests/fixtures/import/tabs-filldown.txt"), "-o", str(path),
             "--force")
    assert r.returncode in (0, 1), r.stderr
    assert drafts.backup_path(path).read_bytes() == SEED.read_bytes() and not drafts.lock_path(path).exists()


@pytest.mark.slow
def test_dead_holder_is_taken_over_with_a_notice(tmp_path):
    env = session_env(tmp_path)
    ref = reference()
    path = tmp_path / "d.toml"
    a = _holding_line_session(path, env, 5)
    a.kill(signal.SIGKILL)
    a.wait(10)
    assert drafts.lock_path(path).exists()
    r = _cli(env, "line", str(path), stdin="")
    assert r.returncode == 0, r.stderr
    assert "未正常退出，已接管其锁" in r.stdout and f"进程 {a.proc.pid}" in r.stdout
    assert path.read_bytes() == ref.texts[5] and not drafts.lock_path(path).exists()


@pytest.mark.slow
def test_sessions_racing_for_a_dead_lock_leave_one_writer(tmp_path):
    """Six sessions start at once on a draft whose lock holder died: exactly one goes on."""
    env = session_env(tmp_path)
    path = tmp_path / "d.toml"
    path.write_bytes(SEED.read_bytes())
    drafts.lock_path(path).write_text(json.dumps({"user": "zhang", "host": socket.gethostname(),
                                                  "pid": _dead_pid(), "since": time.time() - 60}))
    procs = [LineProcess(line_argv(path, year=False), env) for _ in range(6)]
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not all(p.questions or p.proc.poll() is not None for p in procs):
            time.sleep(0.05)
        running = [p for p in procs if p.proc.poll() is None]
        assert len(running) == 1, [(p.proc.poll(), p.error_text()) for p in procs]
        winner = running[0]
        for p in procs:
            if p is not winner:
                assert p.wait(10) == 2
                assert f"进程 {winner.proc.pid}" in p.error_text()
        assert json.loads(drafts.lock_path(path).read_text())["pid"] == winner.proc.pid
    finally:
        for p in procs:
            p.close_stdin()
            p.wait(30)
    assert not drafts.lock_path(path).exists()


def _race_child(path: str, barrier, queue) -> None:
    real = locks._pid_alive

    def slow_alive(pid):  # widen the window between judging the lock dead and removing it
        time.sleep(0.05)
        return real(pid)

    locks._pid_alive = slow_alive
    barrier.wait()
    try:
        lock = drafts.acquire_lock(path)
        queue.put("got")
        time.sleep(0.5)
        lock.release()
    except drafts.DraftLocked:
        queue.put("refused")


def test_takeover_race_regression(tmp_path):
    """Regression: sessions that found the same dead lock each unlinked it and created their own,
    so a slower one deleted the faster one's fresh lock and both edited the draft."""
    path = tmp_path / "d.toml"
    path.write_bytes(SEED.read_bytes())
    drafts.lock_path(path).write_text(json.dumps({"user": "zhang", "host": socket.gethostname(),
                                                  "pid": _dead_pid(), "since": time.time() - 60}))
    ctx = multiprocessing.get_context("fork")
    barrier, queue = ctx.Barrier(4), ctx.Queue()
    children = [ctx.Process(target=_race_child, args=(str(path), barrier, queue)) for _ in range(4)]
    for c in children:
        c.start()
    for c in children:
        c.join(30)
    results = sorted(queue.get(timeout=5) for _ in children)
    assert results == ["got", "refused", "refused", "refused"]


def test_a_reused_pid_does_not_hold_the_lock(tmp_path):
    """Regression: a dead session's pid given to another program (pids wrap; they restart low after a
    reboot or in a new container) kept the draft locked until that program ended."""
    path = tmp_path / "d.toml"
    path.write_bytes(SEED.read_bytes())
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        time.sleep(0.2)
        holder = {"user": "zhang", "host": socket.gethostname(), "pid": other.pid}
        drafts.lock_path(path).write_text(json.dumps({**holder, "since": time.time() + 5}))
        with pytest.raises(drafts.DraftLocked):  # started before the lock was written: may hold it
            drafts.acquire_lock(path)
        drafts.lock_path(path).write_text(json.dumps({**holder, "since": time.time() - 3600}))
        lock = drafts.acquire_lock(path)  # started an hour after the lock: not its writer
        assert lock.notice and "已接管" in lock.notice
        lock.release()
    finally:
        other.kill()
        other.wait()


@pytest.mark.parametrize("content", ["", "{", "[1, 2]", "7", '{"pid": "1234"}', '{"pid": 0}', '{"pid": true}', "\x00\xff"])
def test_torn_or_foreign_lock_files_are_taken_over_without_a_traceback(tmp_path, content):
    """Regression for the shapes: a JSON list or number raised AttributeError, a text pid ValueError."""
    path = tmp_path / "d.toml"
    path.write_bytes(SEED.read_bytes())
    lp = drafts.lock_path(path)
    lp.write_text(content, "latin-1")
    old = time.time() - 30
    os.utime(lp, (old, old))
    lock = drafts.acquire_lock(path)
    assert lock.notice and "已接管" in lock.notice
    lock.release()
    assert not lp.exists()


def test_temp_files_of_a_killed_save_are_removed_backup_included(tmp_path):
    """Regression: the backup's temp file (.NAME.bak.tmp-PID) of a save killed half-way was never removed."""
    path = tmp_path / "d.toml"
    path.write_bytes(SEED.read_bytes())
    dead = _dead_pid()
    left = [tmp_path / f".d.toml.tmp-{dead}", tmp_path / f".d.toml.bak.tmp-{dead}"]
    for f in left:
        f.write_text("half a save")
    mine = tmp_path / f".d.toml.tmp-{os.getpid()}x"  # not a pid: left alone
    mine.write_text("x")
    conv, lock = open_session(path)
    lock.release()
    assert not any(f.exists() for f in left) and mine.exists()


@pytest.mark.slow
@needs_tmux
def test_tui_holds_the_draft_against_line_fill_and_import(tmp_path):
    env = session_env(tmp_path)
    path = tmp_path / "d.toml"
    path.write_bytes(SEED.read_bytes())
    tui = TmuxTui(path, env, tmp_path, f"pdrel-w-{os.getpid()}")
    try:
        assert harness._poll(lambda: "项目名称" in tui.screen() or "部门" in tui.screen(), 30), tui.screen()
        assert harness._poll(lambda: drafts.lock_path(path).exists(), 10)
        before = path.read_bytes()
        _assert_refused(_cli(env, "line", str(path), stdin="x\n"), tui.pid)
        _assert_refused(_cli(env, "fill", str(path), "--set", "department.name=另一个单位"), tui.pid)
        _assert_refused(_cli(env, "import", str(ROOT / "tests/fixtures/import/tabs-filldown.txt"), "-o", str(path),
                             "--force"), tui.pid)
        assert path.read_bytes() == before
        tui.keys("send-keys", "-t", tui.name, "F10")
        assert harness._poll(lambda: tui.dead()[0], 15), tui.screen()
    finally:
        tui.kill_server()
    assert not drafts.lock_path(path).exists()
    r = _cli(env, "fill", str(path), "--set", "department.name=另一个单位")
    assert r.returncode == 0, r.stderr
    assert drafts.load(path).department.name == "另一个单位"


@pytest.mark.slow
@needs_tmux
def test_tui_is_refused_while_fill_writes(tmp_path):
    """``fill`` replays the 59 answers and is stopped inside a save while it holds the lock
    (tests/reliability/gatedsave.py); the TUI opened then is refused before any screen, naming fill's
    pid; let go, fill finishes and the file is what fill alone writes. (Before: fill's saves were
    slowed and the TUI raced them, which a fast or a loaded machine lost either way.)"""
    import tomli_w

    ref = reference()
    env = session_env(tmp_path)
    path = tmp_path / "d.toml"
    gate = tmp_path / "gate"
    gate.mkdir()
    answers = tmp_path / "answers.toml"
    answers.write_text(tomli_w.dumps({"answers": ref.answers}), "utf-8")
    fill = subprocess.Popen([sys.executable, "-m", "tests.reliability.gatedsave", str(gate), str(drafts.lock_path(path)),
                             "fill", str(path), "--year", "2020", "--answers", str(answers)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert harness._poll(lambda: (gate / "holding").exists() or fill.poll() is not None, 60), "fill never saved"
        assert fill.poll() is None, fill.communicate()
        assert json.loads(drafts.lock_path(path).read_text())["pid"] == fill.pid  # known to hold it now
        held = path.read_bytes()
        tui = TmuxTui(path, env, tmp_path, f"pdrel-f-{os.getpid()}")
        try:
            assert harness._poll(lambda: tui.dead()[0], 30), tui.screen()
            status = tui.exit_status()
            screen = tui.screen()
        finally:
            tui.kill_server()
        assert fill.poll() is None and (gate / "holding").exists()  # fill still held it throughout
        assert status == 2, screen
        assert "正被" in screen and f"进程 {fill.pid}" in screen.replace("\n", ""), screen
        assert path.read_bytes() == held  # the TUI wrote nothing
        (gate / "go").touch()
        out, err = fill.communicate(timeout=120)
    finally:
        if fill.poll() is None:
            fill.kill()
            fill.wait()
    assert fill.returncode == 0, err
    assert path.read_bytes() == ref.texts[-1]
    assert not drafts.lock_path(path).exists()
