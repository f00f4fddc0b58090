"""Scripted drafting sessions that get killed, and the checks made after each kill.

Shared by the CI tests (``tests/reliability/test_crash.py``, ``test_load.py``) and the long runs in
``benchmarks/reliability.py``. A session drafts seed project 1 from an empty draft with the answers of
``tests/seed_answers.flat_answers()`` (59 answers), in one of three ways:

* ``line``: ``python -m perfdraft line FILE --year 2020`` with the answers written to its stdin one at a
  time. Piped mode prints each question and flushes before reading its answer, so the harness knows an
  answer was accepted (and autosaved) when the *next* question arrives on stdout.
* ``slow``: the same through ``python -m tests.reliability.slowsave`` (fsync slowed to 15 ms), so that a
  kill lands inside a save most of the time.
* ``tui``: ``python -m perfdraft edit FILE`` in tmux at 80×24 (one tmux server per session, ``-L``);
  keys are sent with ``send-keys`` (rows and paragraphs with a bracketed paste). An answer counts as
  accepted when the status line shows the next step (and, where two steps share a title, the transcript
  shows the answer as the last ``你：`` line).

The session is killed (SIGKILL, SIGTERM or SIGHUP) at a random moment: during start-up, or a few
milliseconds after an answer was sent, i.e. while it is applied and saved. Then :func:`check_after_kill`
verifies the draft, the backup, temp files, the lock and the resume point (a new ``perfdraft line FILE``
must start, take over a dead lock with a notice, and stop at the right question).
"""

from __future__ import annotations

import copy
import functools
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed-shunping-2020.toml"
PY = sys.executable
SIGNALS = {"SIGKILL": signal.SIGKILL, "SIGTERM": signal.SIGTERM, "SIGHUP": signal.SIGHUP}


# --- environment --------------------------------------------------------------------------------


def session_env(base: Path) -> dict[str, str]:
    """Config, history and recent lists inside ``base``; no SSH variables; UTF-8."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SSH_")}
    env.update(PERFDRAFT_CONFIG_DIR=str(base / "config"), PERFDRAFT_DATA_DIR=str(base / "data"),
               PERFDRAFT_CACHE_DIR=str(base / "cache"), TEXTUAL_ANIMATIONS="none", LANG="C.UTF-8", PYTHONPATH=str(ROOT))
    env.pop("PYTHONUNBUFFERED", None)  # the piped mode must flush by itself
    return env


# --- the reference run --------------------------------------------------------------------------


@dataclass
class Reference:
    answers: list[str]  # as the engine takes them
    lines: list[str]  # as piped (a literal \n for a line break)
    texts: list[bytes]  # texts[k]: the draft file after k accepted answers (texts[0]: the new draft)
    titles: list[str]  # titles[k]: the step asked after k answers ("" when finished)
    resume_titles: list[str]  # the step a new session opens at on texts[k]
    fsyncs: list[int]  # fsyncs[k]: fsync calls made before answer k+1 (new draft's save, lock, saves)
    index: dict[bytes, list[int]] = field(default_factory=dict)

    def states(self, data: bytes) -> list[int]:
        # A hang-up may keep the line typed but not confirmed in the resume marker (pending = "…"):
        # the same state of the draft, with something offered at the next start.
        return self.index.get(data) or self.index.get(re.sub(rb'(?m)^pending = ".*"\n', b"", data), [])


@functools.lru_cache(maxsize=1)
def reference() -> Reference:
    """Replay the answers through the engine with a real file and autosave: what each save must write."""
    from perfdraft import drafts
    from perfdraft.conversation import Conversation, open_session
    from tests.seed_answers import flat_answers

    answers = flat_answers()
    calls = [0]
    real_fsync = os.fsync

    def counting_fsync(fd: int) -> None:
        calls[0] += 1
        real_fsync(fd)

    os.fsync = counting_fsync  # once, before any session thread starts
    try:
        with tempfile.TemporaryDirectory(prefix="pd-ref-") as d:
            path = Path(d) / "ref.toml"
            drafts.save(drafts.new_draft(2020), path)
            texts = [path.read_bytes()]
            conv, lock = open_session(path)
            titles = [conv.prompt().title]
            fsyncs = [calls[0]]
            try:
                for a in answers:
                    reply = conv.answer(a)
                    assert reply.ok, (a, [m.text for m in reply.messages])
                    texts.append(path.read_bytes())
                    titles.append("" if conv.finished else conv.prompt().title)
                    fsyncs.append(calls[0])
            finally:
                lock.release()
    finally:
        os.fsync = real_fsync
    resume_titles = []
    for t in texts:
        c = Conversation(drafts.loads(t.decode("utf-8")), None)
        resume_titles.append("" if c.finished else c.prompt().title)
    ref = Reference(answers, [a.replace("\n", "\\n") for a in answers], texts, titles, resume_titles, fsyncs)
    for k, t in enumerate(texts):
        ref.index.setdefault(t, []).append(k)
    return ref


def step_key(title: str) -> str:
    """The step of a title, at the resume marker's grain: an indicator group, not the row within it."""
    title = re.sub(r" \d+/\d+$", "", title)
    return title.removesuffix(" · 添加指标")


# --- line mode through pipes ------------------------------------------------------------------------


class LineProcess:
    """``perfdraft line`` with stdin/stdout pipes; counts the questions it prints, with their times."""

    HEADER = re.compile(rb"^\[[^\[\]\n]+\]$", re.M)

    def __init__(self, argv: list[str], env: dict[str, str]):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env=env, cwd=ROOT)
        self.started = time.perf_counter()
        self.out = bytearray()
        self.err = bytearray()
        self._scanned = 0
        self.header_times: list[float] = []
        self.eof = False
        self.cond = threading.Condition()
        self._threads = [threading.Thread(target=self._read_out, daemon=True),
                         threading.Thread(target=self._read_err, daemon=True)]
        for t in self._threads:
            t.start()

    def _read_out(self) -> None:
        fd = self.proc.stdout.fileno()
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            now = time.perf_counter()
            with self.cond:
                if not chunk:
                    self.eof = True
                    self.cond.notify_all()
                    return
                self.out += chunk
                end = self.out.rfind(b"\n") + 1
                if end > self._scanned:
                    found = len(self.HEADER.findall(self.out, self._scanned, end))
                    self.header_times += [now] * found
                    self._scanned = end
                self.cond.notify_all()

    def _read_err(self) -> None:
        fd = self.proc.stderr.fileno()
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.err += chunk

    @property
    def questions(self) -> int:
        return len(self.header_times)

    def wait_questions(self, n: int, timeout: float = 30) -> bool:
        with self.cond:
            return self.cond.wait_for(lambda: len(self.header_times) >= n or self.eof, timeout) and \
                len(self.header_times) >= n

    def send(self, line: str) -> bool:
        try:
            self.proc.stdin.write(line.encode("utf-8") + b"\n")
            self.proc.stdin.flush()
            return True
        except (BrokenPipeError, ValueError):
            return False

    def close_stdin(self) -> None:
        try:
            self.proc.stdin.close()
        except (BrokenPipeError, ValueError):
            pass

    def kill(self, sig: int) -> None:
        try:
            os.kill(self.proc.pid, sig)
        except ProcessLookupError:
            pass

    def wait(self, timeout: float = 30) -> int:
        """Wait for the exit (SIGKILL after ``timeout``), then drain the output."""
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill(signal.SIGKILL)
            self.proc.wait(10)
        for t in self._threads:
            t.join(5)
        self.close_stdin()
        return self.proc.returncode

    def text(self) -> str:
        return self.out.decode("utf-8", "replace")

    def error_text(self) -> str:
        return self.err.decode("utf-8", "replace")


def line_argv(path: Path, slow: bool = False, year: bool = True, fast_fsyncs: int = 0,
              marker: Path | None = None) -> list[str]:
    """``perfdraft line FILE``; ``slow``: through slowsave, the first ``fast_fsyncs`` fsync calls at full speed
    (``marker``: the file slowsave leaves when killed inside a slowed fsync)."""
    module = ["tests.reliability.slowsave", "--fast", str(fast_fsyncs),
              *(["--marker", str(marker)] if marker else [])] if slow else ["perfdraft"]
    return [PY, "-m", *module, "line", str(path), *(["--year", "2020"] if year else [])]


# --- the TUI in tmux --------------------------------------------------------------------------------


def have_tmux() -> bool:
    return shutil.which("tmux") is not None


class TmuxTui:
    """``perfdraft edit FILE`` at 80×24 in its own tmux server; the pane stays after the process exits
    (remain-on-exit), so its exit status or signal can be read."""

    def __init__(self, path: Path, env: dict[str, str], workdir: Path, name: str):
        self.name = name
        conf = workdir / "tmux.conf"
        conf.write_text("set -g remain-on-exit on\nset -g history-limit 200\n")
        self.tmux = ["tmux", "-L", name, "-f", str(conf)]
        keep = {k: env[k] for k in ("PERFDRAFT_CONFIG_DIR", "PERFDRAFT_DATA_DIR", "PERFDRAFT_CACHE_DIR",
                                    "TEXTUAL_ANIMATIONS", "LANG", "PYTHONPATH")}
        keep["TERM"] = "xterm-256color"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in keep.items())
        command = (f"cd {shlex.quote(str(ROOT))} && exec env {exports} {shlex.quote(PY)} -m perfdraft edit "
                   f"{shlex.quote(str(path))} --year 2020")
        self._run("new-session", "-d", "-s", name, "-x", "80", "-y", "24", command, env=env)
        self.pid = int(self._run("display-message", "-p", "-t", name, "#{pane_pid}").strip())
        self.server_killed = False
        self._dead_seen = 0.0

    def _run(self, *args: str, env: dict[str, str] | None = None, data: bytes | None = None) -> str:
        r = subprocess.run([*self.tmux, *args], input=data, capture_output=True, env=env, timeout=20)
        return r.stdout.decode("utf-8", "replace")

    def screen(self) -> str:
        return self._run("capture-pane", "-p", "-t", self.name)

    def keys(self, *args: str) -> None:
        self._run(*args)

    def answer(self, text: str) -> None:
        """Clear the line (Ctrl-U), then type short text and press Enter, or paste (bracketed) the rest;
        a paste with a tab or a line break is answered whole by the app, without Enter."""
        t = self.name
        if "\t" in text or "\n" in text:
            self._run("load-buffer", "-b", "pd", "-", data=text.encode("utf-8"))
            self.keys("send-keys", "-t", t, "C-u", ";", "paste-buffer", "-p", "-r", "-d", "-b", "pd", "-t", t)
        elif len(text) > 24:
            self._run("load-buffer", "-b", "pd", "-", data=text.encode("utf-8"))
            self.keys("send-keys", "-t", t, "C-u", ";", "paste-buffer", "-p", "-r", "-d", "-b", "pd", "-t", t,
                      ";", "send-keys", "-t", t, "Enter")
        elif text:
            self.keys("send-keys", "-t", t, "C-u", ";", "send-keys", "-t", t, "-l", text, ";",
                      "send-keys", "-t", t, "Enter")
        else:
            self.keys("send-keys", "-t", t, "C-u", "Enter")

    def dead(self) -> tuple[bool, int | None, int | None]:
        """(exited, exit status, signal) from the pane; without a server, from /proc."""
        if not self.server_killed:
            out = self._run("display-message", "-p", "-t", self.name, "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}")
            parts = out.strip().split("|")
            if len(parts) == 3 and parts[0] in ("0", "1"):
                if parts[0] == "0":
                    return False, None, None
                if not parts[1] and not parts[2]:
                    # tmux marks the pane dead when the pty closes, and records the status only when it
                    # reaps the child a moment later: not settled yet, unless that moment never comes.
                    now = time.monotonic()
                    self._dead_seen = self._dead_seen or now
                    if now - self._dead_seen < 3:
                        return False, None, None
                return True, int(parts[1]) if parts[1] else None, int(parts[2]) if parts[2] else None
        try:
            state = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return True, None, None
        return state in ("Z", "X"), None, None

    def exit_status(self, timeout: float = 15) -> int | None:
        """The dead pane's exit status, waited for. On a loaded machine tmux reaps its child late (the
        process sat a zombie for over 15 s in CI): a zombie's status is read from /proc meanwhile."""
        end = time.monotonic() + timeout
        while True:
            out = self._run("display-message", "-p", "-t", self.name, "#{pane_dead}|#{pane_dead_status}").strip()
            dead, _, status = out.partition("|")
            if dead == "1" and status:
                return int(status)
            zombie = _zombie_status(self.pid)
            if zombie is not None:
                return zombie
            if time.monotonic() > end:
                return None
            time.sleep(0.1)

    def kill_server(self) -> None:
        self.server_killed = True
        self._run("kill-server")


def _zombie_status(pid: int) -> int | None:
    """The exit status of a process that has exited and is not reaped yet (the last field of
    /proc/PID/stat, as waitpid reports it), or None: still running, gone, or killed by a signal."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    if fields[0] != "Z" or len(fields) < 50:
        return None
    code = int(fields[-1])
    return code >> 8 if code & 0x7F == 0 else None


def status_title(screen: str) -> str:
    first = screen.splitlines()[0] if screen else ""
    return re.sub(r"（共 \d+ 个项目）$", "", first.split(" │ ")[0].strip())


def saved_shown(screen: str) -> bool:
    first = screen.splitlines()[0] if screen else ""
    return " │ 已保存 │ " in first


def last_you(screen: str) -> str | None:
    lines = [ln.strip() for ln in screen.splitlines() if ln.strip().startswith("你：")]
    return lines[-1] if lines else None


def you_text(answer: str) -> str:
    if not answer.strip():
        return "你：（回车）"
    return "你：" + answer.split("\n")[0].split("\t")[0][:10]


def tui_acked(screen: str, ref: Reference, k: int) -> bool:
    """Answer ``k`` (1-based) shows as accepted, and saved, on this screen.

    The TUI saves on a thread of its own: the status line says 未保存 from the answer until its save
    is on disk, so an answer counts as accepted only once the status line says 已保存."""
    if status_title(screen) != ref.titles[k] or not saved_shown(screen):
        return False
    if ref.titles[k] != ref.titles[k - 1]:
        return True
    you = last_you(screen)
    return you is not None and you.startswith(you_text(ref.answers[k - 1]))


# --- one killed session -----------------------------------------------------------------------------


@dataclass
class Outcome:
    kind: str  # line | slow | tui
    signal: str
    sent: int = 0  # answers sent before the kill
    acked: int = 0  # answers the harness saw accepted
    saved: int | None = None  # the number of answers the draft on disk holds (None: matches no state)
    lost: int = 0  # acked answers missing from the draft
    corrupt: bool = False
    mid_save: bool = False  # the kill landed inside a save (temp file left, or slowsave's marker)
    stale_lock: bool = False  # a lock file was left and the next session took it over
    exit: str = ""
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def temp_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.glob(f".{path.name}*.tmp-*"))


def check_after_kill(path: Path, ref: Reference, out: Outcome, clean_exit: bool | None, env: dict[str, str],
                     marker: Path | None = None) -> None:
    """Everything that must hold after a kill; problems are appended to ``out.problems``."""
    from perfdraft import drafts

    temps = temp_files(path)
    out.mid_save = bool(temps) or (marker is not None and marker.exists())
    lock_file = drafts.lock_path(path)
    out.stale_lock = lock_file.exists()
    before = path.read_bytes() if path.exists() else None
    if before is None:
        out.saved = 0  # killed before the new draft was first written
    else:
        try:
            drafts.load(path)
        except drafts.DraftError as exc:
            out.corrupt = True
            out.problems.append(f"draft does not load: {exc}")
        states = ref.states(before)
        if not states:
            out.corrupt = True
            out.problems.append("draft holds no state the accepted answers lead to")
        else:
            fitting = [k for k in states if k <= out.sent]
            out.saved = max(fitting) if fitting else min(states)
            if out.saved > out.sent:
                out.problems.append(f"draft holds {out.saved} answers but only {out.sent} were sent")
    if out.saved is not None:
        out.lost = max(0, out.acked - out.saved)
        if out.lost:
            out.problems.append(f"{out.lost} accepted answer(s) lost (accepted {out.acked}, on disk {out.saved})")
    bak = drafts.backup_path(path)
    if bak.exists():
        try:
            drafts.load(bak)
        except drafts.DraftError as exc:
            out.problems.append(f"backup does not load: {exc}")
        else:
            states = ref.states(bak.read_bytes())
            if not states or (out.saved is not None and min(states) > out.saved):
                out.problems.append("backup is not an earlier state of the draft")
    if clean_exit and out.stale_lock:
        out.problems.append("lock file left behind although the process exited cleanly")

    # The next session: starts, takes over a dead lock with a notice, stops at the right question.
    r = subprocess.run(line_argv(path, year=before is None), stdin=subprocess.DEVNULL, capture_output=True,
                       text=True, env=env, cwd=ROOT, timeout=60)
    if r.returncode != 0:
        out.problems.append(f"next session exit {r.returncode}: {r.stderr.strip()[-300:]}")
        return
    if out.stale_lock and "已接管" not in r.stdout:
        out.problems.append("next session did not announce taking over the dead lock")
    m = re.search(r"停在：(.+?)。再次运行时", r.stdout)
    expected = ref.resume_titles[out.saved or 0] if out.saved is not None else None
    if expected is not None and (m is None or m.group(1) != expected):
        out.problems.append(f"next session stopped at {m.group(1) if m else '?'!r}, expected {expected!r}")
    if temp_files(path):
        out.problems.append(f"temp files left after the next session: {temp_files(path)}")
    if lock_file.exists():
        out.problems.append("lock file left after the next session")
    if before is not None and path.read_bytes() != before:
        out.problems.append("the next session changed the draft without an answer")


def _wait_gone(is_dead: Callable[[], bool], timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if is_dead():
            return True
        time.sleep(0.02)
    return False


def line_session(workdir: Path, seed: int, sig_name: str, slow: bool = False) -> Outcome:
    ref = reference()
    rng = random.Random(seed)
    out = Outcome("slow" if slow else "line", sig_name)
    t0 = time.perf_counter()
    env = session_env(workdir)
    path = workdir / "draft.toml"
    n = len(ref.lines)
    startup = rng.random() < 0.12  # killed during start-up: imports, the new draft's first save, the lock
    target = rng.randint(0, n - 2)  # else killed while answer target+1 is applied and saved
    # Slow only the last four saves before the kill (a save makes 2 fsync calls).
    marker = workdir / "in-save.marker"
    lp = LineProcess(line_argv(path, slow=slow, fast_fsyncs=max(0, ref.fsyncs[target] - 8), marker=marker), env)
    try:
        if startup:
            time.sleep(rng.uniform(0.0, 0.35))
        else:
            for k in range(target + 1):
                if not lp.wait_questions(k + 1, 30):
                    out.problems.append(f"question {k + 1} never came: {lp.error_text()[-300:]}")
                    break
                time.sleep(rng.uniform(0.0, 0.002))
                lp.send(ref.lines[k])
                out.sent += 1
            time.sleep(rng.uniform(0.0, 0.07 if slow else 0.006))  # while the answer is applied and saved
        lp.kill(SIGNALS[sig_name])
        rc = lp.wait(15)
    finally:
        if lp.proc.returncode is None:
            lp.kill(signal.SIGKILL)
            lp.wait(5)
    out.exit = str(rc)
    out.acked = max(0, lp.questions - 1)  # question k+1 is printed after answer k was saved
    if "Traceback" in lp.error_text():
        out.problems.append("traceback on stderr: " + lp.error_text()[-400:])
    check_after_kill(path, ref, out, clean_exit=rc >= 0, env=env, marker=marker)
    out.seconds = time.perf_counter() - t0
    return out


def tui_session(workdir: Path, seed: int, sig_name: str) -> Outcome:
    ref = reference()
    rng = random.Random(seed)
    out = Outcome("tui", sig_name)
    t0 = time.perf_counter()
    env = session_env(workdir)
    path = workdir / "draft.toml"
    name = f"pdrel-{os.getpid()}-{seed}"
    tui = TmuxTui(path, env, workdir, name)
    n = len(ref.answers)
    try:
        if rng.random() < 0.15:
            time.sleep(rng.uniform(0.1, 1.2))
        else:
            target = rng.randint(0, n - 2)
            if not _poll(lambda: status_title(tui.screen()) == ref.titles[0], 30):
                out.problems.append("TUI never showed the first question: " + tui.screen()[-400:])
            for k in range(target + 1):
                if k and not _poll(lambda k=k: tui_acked(tui.screen(), ref, k), 15):
                    out.problems.append(f"answer {k} not shown as accepted: {tui.screen()[:300]!r}")
                    break
                out.acked = k
                tui.answer(ref.answers[k])
                out.sent += 1
            time.sleep(rng.uniform(0.0, 0.04))
        # What the screen shows at the moment of the kill still counts as accepted.
        if out.sent and tui_acked(tui.screen(), ref, out.sent):
            out.acked = out.sent
        if sig_name == "SIGHUP" and rng.random() < 0.5:
            tui.kill_server()  # the terminal goes away: the kernel hangs up the pane's process
        else:
            try:
                os.kill(tui.pid, SIGNALS[sig_name])
            except ProcessLookupError:
                pass
        if not _wait_gone(lambda: tui.dead()[0], 10):
            out.problems.append(f"TUI still running 10 s after {sig_name}")
            os.kill(tui.pid, signal.SIGKILL)
            _wait_gone(lambda: tui.dead()[0], 5)
        _, status, killed_by = tui.dead()
    finally:
        if not tui.server_killed:
            tui.kill_server()
    out.exit = f"signal {killed_by}" if killed_by else str(status)
    clean = None if status is None and killed_by is None else (status is not None and not killed_by)
    check_after_kill(path, ref, out, clean_exit=clean, env=env)
    out.seconds = time.perf_counter() - t0
    return out


def _poll(cond: Callable[[], bool], timeout: float, every: float = 0.03) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(every)
    return False


# --- many sessions ------------------------------------------------------------------------------------


def plan(n_line: int, n_slow: int, n_tui: int) -> list[tuple[str, str]]:
    """(kind, signal) pairs, signals spread evenly over each kind."""
    names = list(SIGNALS)
    out = [("line", names[i % 3]) for i in range(n_line)]
    out += [("slow", ("SIGKILL", "SIGKILL", "SIGTERM", "SIGHUP")[i % 4]) for i in range(n_slow)]
    out += [("tui", names[i % 3]) for i in range(n_tui)]
    return out


def run_sessions(base: Path, sessions: list[tuple[str, str]], seed: int = 9, workers: int = 2) -> list[Outcome]:
    reference()  # once, before the threads start

    def one(i: int, kind: str, sig: str) -> Outcome:
        wd = base / f"s{i:03d}-{kind}-{sig}"
        wd.mkdir(parents=True)
        try:
            if kind == "tui":
                return tui_session(wd, seed * 1000 + i, sig)
            return line_session(wd, seed * 1000 + i, sig, slow=kind == "slow")
        except Exception as exc:  # noqa: BLE001 - a harness failure is reported, not raised in a thread
            return Outcome(kind, sig, problems=[f"harness error: {exc!r}"])

    # TUI sessions first: they are the longest, and the line sessions then fill the other worker.
    order = sorted(range(len(sessions)), key=lambda i: sessions[i][0] != "tui")
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {i: pool.submit(one, i, *sessions[i]) for i in order}
        return [futures[i].result() for i in range(len(sessions))]


def summary(outcomes: list[Outcome]) -> dict[str, object]:
    by_sig = {s: sum(1 for o in outcomes if o.signal == s) for s in SIGNALS}
    by_kind = {k: sum(1 for o in outcomes if o.kind == k) for k in ("line", "slow", "tui")}
    return {
        "sessions": len(outcomes),
        "kinds": by_kind,
        "kills": by_sig,
        "kills inside a save": sum(o.mid_save for o in outcomes),
        "dead locks taken over": sum(o.stale_lock for o in outcomes),
        "answers accepted before the kills": sum(o.acked for o in outcomes),
        "corrupt drafts": sum(o.corrupt for o in outcomes),
        "answers lost": sum(o.lost for o in outcomes),
        "sessions with a problem": sum(1 for o in outcomes if o.problems),
    }


def problems(outcomes: list[Outcome]) -> list[str]:
    return [f"{o.kind}/{o.signal} sent={o.sent} acked={o.acked} saved={o.saved} exit={o.exit}: {p}"
            for o in outcomes for p in o.problems]


# --- load: concurrent sessions --------------------------------------------------------------------------


@dataclass
class LoadResult:
    rc: int
    ok: bool
    latencies: list[float]
    startup: float
    peak_rss_kib: int  # VmHWM of the session's own process (peakrss.py)
    problem: str = ""


def load_session(workdir: Path, seed: int, think: tuple[float, float], cache: Path | None = None) -> LoadResult:
    """One user: waits for each question, 'types' for a moment, answers; the whole seed project."""
    ref = reference()
    rng = random.Random(seed)
    env = session_env(workdir)
    if cache is not None:
        env["PERFDRAFT_CACHE_DIR"] = str(cache)
    path = workdir / "draft.toml"
    rss_file = workdir / "peak-rss.txt"
    lp = LineProcess([PY, "-m", "tests.reliability.peakrss", str(rss_file), *line_argv(path)[3:]], env)
    lat: list[float] = []
    problem = ""
    startup = 0.0
    try:
        if not lp.wait_questions(1, 120):
            problem = "no first question: " + lp.error_text()[-300:]
        else:
            startup = lp.header_times[0] - lp.started
            n = len(ref.lines)
            for k, line in enumerate(ref.lines):
                time.sleep(rng.uniform(*think))
                sent = time.perf_counter()
                lp.send(line)
                if k + 1 < n:
                    if not lp.wait_questions(k + 2, 120):
                        problem = f"question {k + 2} never came"
                        break
                    lat.append(lp.header_times[k + 1] - sent)
        lp.close_stdin()
        rc = lp.wait(120)
    finally:
        if lp.proc.returncode is None:
            lp.kill(signal.SIGKILL)
            lp.wait(5)
    ok = rc == 0 and not problem and path.exists() and path.read_bytes() == ref.texts[-1]
    if not ok and not problem:
        problem = f"exit {rc}, final draft {'matches' if path.exists() and path.read_bytes() == ref.texts[-1] else 'differs'}"
    peak = int(rss_file.read_text()) if rss_file.exists() else 0
    return LoadResult(rc, ok, lat, startup, peak, problem)


def load_summary(results: list[LoadResult]) -> dict[str, object]:
    lat = [x for r in results for x in r.latencies]
    rss = [r.peak_rss_kib / 1024 for r in results]
    by_step: dict[int, list[float]] = {}
    for r in results:
        for k, x in enumerate(r.latencies):
            by_step.setdefault(k, []).append(x)
    worst = max(by_step, key=lambda k: percentile(by_step[k], 50)) if by_step else None
    titles = reference().titles
    return {
        "sessions": len(results), "finished": sum(r.ok for r in results), "answers": len(lat) + len(results),
        "latency p50 ms": round(percentile(lat, 50) * 1000, 1), "latency p95 ms": round(percentile(lat, 95) * 1000, 1),
        "latency p99 ms": round(percentile(lat, 99) * 1000, 1),
        "latency max ms": round(max(lat) * 1000, 1) if lat else None,
        "start-up p50 s": round(percentile([r.startup for r in results], 50), 2),
        "start-up max s": round(max(r.startup for r in results), 2),
        "peak RSS per session MiB (mean / max)": (round(sum(rss) / len(rss), 1), round(max(rss), 1)),
        "slowest step": None if worst is None else
        f"answer {worst + 1} ({titles[worst]}), median {percentile(by_step[worst], 50) * 1000:.0f} ms",
        "latency p99 ms, slowest step left out": round(percentile(
            [x for k, xs in by_step.items() if k != worst for x in xs], 99) * 1000, 1),
    }


def run_load(base: Path, n: int, think: tuple[float, float] = (0.02, 0.08), seed: int = 5,
             warm_cache: bool = True) -> list[LoadResult]:
    """``n`` sessions at once. With ``warm_cache`` they share a catalogue cache filled beforehand (users
    who have run perfdraft before); without, each has its own empty one (everyone's first run)."""
    reference()
    dirs = []
    for i in range(n):
        d = base / f"load{i:03d}"
        d.mkdir(parents=True)
        dirs.append(d)
    cache = base / "cache" if warm_cache else None
    if cache is not None:
        env = session_env(base) | {"PERFDRAFT_CACHE_DIR": str(cache)}
        subprocess.run([PY, "-m", "perfdraft", "catalogue", "search", "养老"], env=env, cwd=ROOT,
                       capture_output=True, timeout=120, check=True)
    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(lambda i: load_session(dirs[i], seed * 1000 + i, think, cache), range(n)))


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    i = min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))
    return s[i]


# --- big drafts, measured ---------------------------------------------------------------------------------


def run_measured(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 300) -> tuple[int, str, int]:
    """(exit code, stderr, peak RSS in MiB) of ``perfdraft ARGS`` (see peakrss.py)."""
    rss = cwd / f"rss-{uuid.uuid4().hex[:6]}.txt"
    r = subprocess.run([sys.executable, "-m", "tests.reliability.peakrss", str(rss), *args], capture_output=True,
                       text=True, env=env, cwd=ROOT, timeout=timeout)
    return r.returncode, r.stderr, int(rss.read_text()) // 1024


def big_string_draft(path: Path, size: int = 10_000_000) -> None:
    """The seed with a ``size``-character 总体目标 and a 2,000,000-digit 指标值."""
    from perfdraft import drafts

    d = drafts.load(SEED)
    d.department.overall_goal = ("完成任务，参保缴费人数达到110700人。" * (size // 20 + 1))[:size]
    d.projects[0].indicators[0].value = "≥" + "9" * 2_000_000 + "人"
    path.write_text(drafts.dumps(d), "utf-8")


def many_projects_draft(path: Path, n: int = 10_000) -> None:
    """The seed's projects repeated to ``n`` projects (about 15 MB of TOML for 10,000)."""
    from perfdraft import drafts

    d = drafts.load(SEED)
    base = d.projects
    d.projects = []
    for i in range(n):
        p = copy.deepcopy(base[i % len(base)])
        p.code = f"P-{i:05d}"
        d.projects.append(p)
    path.write_text(drafts.dumps(d), "utf-8")
