"""Reliability figures (issue 9), in one command: ``python benchmarks/reliability.py``.

1. crash and hang-up: 200 drafting sessions killed at random moments (SIGKILL, SIGTERM, SIGHUP),
   line mode through pipes (a third with fsync slowed so kills land inside saves) and the TUI in tmux;
2. two writers: sessions racing for one dead lock, and the two-writer checks of tests/reliability;
3. fuzzing: 100,000 generated 指标值 (values and texts), random drafts through the checks, damaged
   draft files through the loader, damaged xlsx/docx/text tables through the importers;
4. injection and size: random formula payloads in every exported field; the path checks; a 10 MB
   string and 10,000 projects through check and every export, peak RSS measured in the subprocess;
5. load: 50 concurrent line-mode sessions on 50 drafts started together, three ways: answers as fast
   as a script (catalogue cache warm, then empty: everyone's first run) and paced like people (1–3 s);
6. files (issue 19): external edits, file modes, symlinks, encodings, non-finite and huge numbers,
   nesting, names at the length limit and a full disk (saves and exports), at random against real
   sessions and saves;
6b. huge: sheets, workbooks of many sheets, text and docx files and drafts at or over the limits
   (import, check, show), each in its own process with its peak RSS;
7. saves (issue 21): autosave per answer against "dump + write + fsync" (benchmarks/bench_save.py).

The method is described in docs/reliability.md. Options: ``--sessions N`` (200), ``--load N`` (50),
``--values N`` (100000), ``--quick`` (small numbers, to try the script), ``--only SECTION`` (repeatable).
Ends with a compact block.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BLOCK: list[str] = []


def say(line: str = "") -> None:
    print(line, flush=True)


def figure(name: str, text: str) -> None:
    BLOCK.append(f"{name:<14}{text}")
    say(f"  → {text}")


class Tally:
    """Cases counted by class: ``count(name, ok, detail)`` records one, saying what went wrong."""

    def __init__(self) -> None:
        self.cases: dict[str, list[int]] = {}

    def __call__(self, name: str, ok: bool, detail: str = "") -> None:
        t = self.cases.setdefault(name, [0, 0])
        t[0] += 1
        if not ok:
            t[1] += 1
            say(f"  PROBLEM {name}: {detail}")

    def summary(self) -> str:
        return " · ".join(f"{name} {n - bad}/{n}" for name, (n, bad) in self.cases.items())


def isolate(base: Path) -> None:
    """Config, history and recent lists of everything this run starts go under ``base``."""
    os.environ["PERFDRAFT_CONFIG_DIR"] = str(base / "config")
    os.environ["PERFDRAFT_DATA_DIR"] = str(base / "data")
    os.environ["PERFDRAFT_CACHE_DIR"] = str(base / "cache")
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    for k in [k for k in os.environ if k.startswith("SSH_")]:
        del os.environ[k]


# --- 1 ------------------------------------------------------------------------------------------------


def crash(base: Path, n: int) -> None:
    from tests.reliability import harness

    say(f"\n== 1. crash and hang-up: {n} killed sessions (2 at a time)")
    n_tui = n * 15 // 100 if harness.have_tmux() else 0
    n_slow = n * 30 // 100
    n_line = n - n_tui - n_slow
    t0 = time.perf_counter()
    outcomes = harness.run_sessions(base / "crash", harness.plan(n_line, n_slow, n_tui), seed=20)
    wall = time.perf_counter() - t0
    s = harness.summary(outcomes)
    unacked = sum(o.sent > o.acked for o in outcomes)
    say(json.dumps(s, ensure_ascii=False))
    for p in harness.problems(outcomes):
        say(f"  PROBLEM {p}")
    kills = " · ".join(f"{k} {v}" for k, v in s["kills"].items())
    kinds = s["kinds"]
    figure("crash", f"{s['sessions']} sessions (line {kinds['line']}, slow-fsync line {kinds['slow']}, TUI {kinds['tui']}"
                    f"{'' if harness.have_tmux() else ', no tmux'}); kills {kills}")
    figure("", f"killed mid-answer {unacked} (inside a save {s['kills inside a save']}); corrupt drafts "
               f"{s['corrupt drafts']}; answers lost {s['answers lost']} of {s['answers accepted before the kills']}"
               f" accepted; dead locks taken over {s['dead locks taken over']}; sessions with a problem "
               f"{s['sessions with a problem']}; {wall:.0f} s")


# --- 2 ------------------------------------------------------------------------------------------------


def two_writers(base: Path, rounds: int) -> None:
    import socket

    from perfdraft import drafts
    from tests.reliability import harness

    say(f"\n== 2. two writers: {rounds} rounds of 6 sessions racing for a dead lock, then the two-writer tests")
    env = harness.session_env(base / "race")
    single = 0
    for r in range(rounds):
        path = base / "race" / f"d{r}.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(harness.SEED.read_bytes())
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()
        drafts.lock_path(path).write_text(json.dumps({"user": "zhang", "host": socket.gethostname(), "pid": dead.pid,
                                                      "since": time.time() - 60}))
        procs = [harness.LineProcess(harness.line_argv(path, year=False), env) for _ in range(6)]
        end = time.monotonic() + 60
        while time.monotonic() < end and not all(p.questions or p.proc.poll() is not None for p in procs):
            time.sleep(0.02)
        running = [p for p in procs if p.proc.poll() is None]
        refused_ok = all(p.wait(10) == 2 for p in procs if p not in running)
        single += len(running) == 1 and refused_ok
        for p in procs:
            p.close_stdin()
            p.wait(30)
    last = pytest_result("tests/reliability/test_two_writers.py", "tests/reliability/test_typeahead.py")
    say(f"  two-writer and type-ahead tests: {last}")
    figure("two writers", f"dead-lock race, 6 sessions × {rounds} rounds: exactly one writer in {single}/{rounds}; "
                          f"two-writer tests (line, edit --line, fill, migrate, import --force, TUI; refusal names "
                          f"user@host and pid, exit 2): {last}")


# --- 3 ------------------------------------------------------------------------------------------------


def pytest_result(*args: str) -> str:
    """'19 passed' (or the failures) of a pytest run over ``args``."""
    import re

    r = subprocess.run([sys.executable, "-m", "pytest", "-o", "addopts=", "-q", "-p", "no:cacheprovider", *args],
                       capture_output=True, text=True, cwd=ROOT, timeout=900)
    if r.returncode:
        say(r.stdout[-3000:])
    m = re.findall(r"(\d+ (?:passed|failed|skipped|errors?))", r.stdout.strip().splitlines()[-1] if r.stdout.strip() else "")
    return ", ".join(m) or f"exit {r.returncode}"


def run_property(strategy, prop, n: int) -> tuple[int, float]:
    from hypothesis import HealthCheck, given, settings

    count = [0]

    def counted(x):
        count[0] += 1
        prop(x)

    t0 = time.perf_counter()
    given(strategy)(settings(max_examples=n, deadline=None, database=None,
                             suppress_health_check=list(HealthCheck))(counted))()
    return count[0], time.perf_counter() - t0


def fuzzing(base: Path, n_values: int, n_drafts: int, n_loader: int, n_import: int) -> None:
    from perfdraft.values import ParseError, format, parse
    from tests.reliability import fuzz

    say(f"\n== 3. fuzzing: {n_values:,} values, {n_drafts} drafts, {n_loader} damaged drafts, {n_import} damaged tables")
    n_gen = n_values * 3 // 10
    gen, t_gen = run_property(fuzz.extended_values, fuzz.prop_value_roundtrip, n_gen)
    say(f"  hypothesis: {gen:,} generated values, parse(format(v)) == v: {t_gen:.0f} s")
    texts, t_txt = run_property(fuzz.value_texts, fuzz.prop_parse_range, n_values * 2 // 10)
    say(f"  hypothesis: {texts:,} value-like texts through parse (never raises; what it reads round-trips): {t_txt:.0f} s")
    # The rest: random compositions of grammar pieces, no hypothesis overhead.
    rng = random.Random(9)
    rest = max(0, n_values - gen - texts)
    read = 0
    t0 = time.perf_counter()
    for _ in range(rest):
        text = "".join(rng.choice(fuzz.VALUE_PIECES) for _ in range(rng.randint(1, 8)))
        v = parse(text)
        if not isinstance(v, ParseError):
            read += 1
            assert parse(format(v)) == v, (text, v)
    say(f"  random: {rest:,} compositions, {read:,} read as values and round-tripped: {time.perf_counter() - t0:.0f} s")
    drafts_n, t_dr = run_property(fuzz.draft_objects, fuzz.prop_checks, n_drafts)
    say(f"  hypothesis: {drafts_n} random drafts checked: {t_dr:.0f} s")
    wd = base / "fuzz"
    wd.mkdir(parents=True, exist_ok=True)
    nb, t_b = run_property(fuzz.byte_mutations(), lambda d: fuzz.prop_loader_bytes(d, wd), n_loader)
    ns, t_s = run_property(fuzz.type_swaps(), fuzz.prop_loader_text, n_loader)
    say(f"  loader: {nb} byte-damaged + {ns} type-swapped drafts → Draft or DraftError: {t_b + t_s:.0f} s")
    t0 = time.perf_counter()
    counts = fuzz.import_campaign(n_import, seed=11, workdir=wd)
    say(f"  importers: {counts}: {time.perf_counter() - t0:.0f} s")
    figure("fuzzing", f"{gen + texts + rest:,} values (0 failures: no exception, parse(format(v)) == v); "
                      f"{drafts_n} random drafts checked; {nb + ns} damaged drafts → Draft or DraftError only; "
                      f"{n_import} damaged xlsx/docx/text → {counts['ok']} imported, {counts['refused']} ImportFailed, "
                      "0 tracebacks")


# --- 4 ------------------------------------------------------------------------------------------------


def injection_and_size(base: Path, n_payload: int, big: bool) -> None:
    from hypothesis import strategies as st

    from perfdraft import drafts
    from perfdraft.exporters import render
    from tests.reliability import harness
    from tests.reliability import test_injection as inj

    say(f"\n== 4. injection ({n_payload} random payload drafts), paths, size")
    seed = drafts.load(harness.SEED)
    seed.projects = seed.projects[:2]
    strategy = st.lists(st.tuples(st.sampled_from(inj.FIELDS), st.integers(0, 50), inj.formula_text), min_size=1, max_size=8)
    quoted = [0]

    def prop(choices):
        d = inj._inject(seed, choices)
        quoted[0] += inj.assert_no_live_formula_xlsx(render(d, "xlsx").data)
        inj.assert_no_live_formula_csv(render(d, "csv").data)

    n, t = run_property(strategy, prop, n_payload)
    say(f"  {n} drafts, {quoted[0]} formula-like xlsx cells, all quote-prefixed strings, no <f>; csv escaped: {t:.0f} s")
    paths = pytest_result("tests/reliability/test_injection.py", "-k", "names or drafts_go or symlink or catalogue")
    say(f"  path tests: {paths}")
    figure("injection", f"{n} random drafts with = + - @ tab CR payloads in every field: 0 live formulas (xlsx "
                        f"{quoted[0]} quote-prefixed string cells, csv '-escaped); path tests ({paths}): nothing "
                        "written outside the output path")
    env = harness.session_env(base / "size")
    wd = base / "size"
    wd.mkdir(parents=True, exist_ok=True)
    cases = [("10 MB string", wd / "big.toml", harness.big_string_draft),
             ("10,000 projects", wd / "many.toml", harness.many_projects_draft)]
    commands = [("check", lambda p: ["check", str(p)]),
                ("csv", lambda p: ["export", str(p), "--to", "csv", "--force"]),
                ("md", lambda p: ["export", str(p), "--to", "md", "--force"]),
                ("xlsx", lambda p: ["export", str(p), "--to", "xlsx", "--force"]),
                ("docx", lambda p: ["export", str(p), "--to", "docx", "--force"])]
    for label, path, make in cases:
        make(path)
        parts = []
        for name, args in commands:
            if not big and label.startswith("10,000") and name in ("xlsx", "docx"):
                continue
            t0 = time.perf_counter()
            rc, err, mib = harness.run_measured(args(path), wd, env, timeout=1800)
            ok = "ok" if rc in (0, 1) and "Traceback" not in err else f"FAILED exit {rc}: {err[-300:]}"
            parts.append(f"{name} {mib} MiB {time.perf_counter() - t0:.1f} s{'' if ok == 'ok' else ' ' + ok}")
        say(f"  {label} ({path.stat().st_size / 1e6:.0f} MB TOML): " + "; ".join(parts))
        figure("size" if label.startswith("10 MB") else "", f"{label}: " + "; ".join(parts) + " (peak RSS, wall)")
    huge = wd / "huge.toml"
    with open(huge, "wb") as fh:
        fh.write(b'schema = "perfdraft/1"\nnotes = ["' + b"a" * (33 * 1024 * 1024) + b'"]\n')
    rc, err, mib = harness.run_measured(["check", str(huge)], wd, env)
    figure("", f"33 MiB draft: refused, exit {rc} ({(err.strip().splitlines() or ['no message'])[0].split('：', 1)[-1]}), {mib} MiB")


# --- 6 ------------------------------------------------------------------------------------------------


def files(base: Path, rounds: int) -> None:
    """Issue 19's attack classes, at random, against real sessions: each must end with the user's file
    whole and never silently replaced, and no traceback."""
    import errno
    import random
    import stat

    from perfdraft import drafts, drafts_io
    from perfdraft.answers import parse_money, parse_plan
    from perfdraft.prompts import Rejected
    from perfdraft.session import Session
    from tests.reliability import harness

    say(f"\n== 6. files: {rounds} rounds of each attack class (issue 19)")
    rng = random.Random(19)
    wd = base / "files"
    wd.mkdir(parents=True, exist_ok=True)
    env = harness.session_env(wd)
    seed_bytes = harness.SEED.read_bytes()
    count = Tally()

    def fresh(name: str) -> Path:
        p = wd / f"{name}-{rng.randrange(10**9)}.toml"
        p.write_bytes(seed_bytes)
        return p

    for r in range(rounds):
        # external edit between answers: the edit stays, the session's version goes beside it
        p = fresh("ext")
        with Session.open(p, remember=False, background=rng.random() < 0.5) as s:
            s.conv.answer(f"/jump projects[{rng.randrange(8)}].goal")
            s.conv.answer(f"会话目标 {r}")
            s.wait_saved(30)
            outside = p.read_text("utf-8").replace("顺平县", f"外部{r}", 1)
            p.write_text(outside, "utf-8")
            for _ in range(rng.randint(1, 3)):
                s.conv.answer(f"/jump projects[{rng.randrange(8)}].goal")
                s.conv.answer(f"再改 {rng.random()}")
        kept = list(wd.glob(f"{p.stem}.冲突-*.toml"))  # (later saves go there: it has its own .bak)
        count("external edit", p.read_text("utf-8") == outside and len(kept) == 1, str(kept))
        # file modes
        p = fresh("mode")
        mode = rng.choice([0o600, 0o640, 0o664, 0o444, 0o400])
        os.chmod(p, mode)
        d = drafts.load(p)
        d.department.name = f"改 {r}"
        try:
            drafts.save(d, p)
            ok = mode & 0o200 and stat.S_IMODE(p.stat().st_mode) == mode and \
                stat.S_IMODE(drafts.backup_path(p).stat().st_mode) == mode
        except drafts.DraftError as exc:
            ok = not mode & 0o200 and "只读" in str(exc) and p.read_bytes() == seed_bytes
        count("file modes", bool(ok), oct(mode))
        # symlinks
        p = fresh("target")
        link = wd / f"link-{r}.toml"
        link.symlink_to(p.name)
        with Session.open(link, remember=False) as s:
            s.conv.draft.department.name = f"经由链接 {r}"
            s.save()
        count("symlinks", link.is_symlink() and drafts.load(p).department.name == f"经由链接 {r}")
        # encodings
        p = wd / f"enc-{r}.toml"
        enc = rng.choice(["gbk", "utf-16", "utf-16-be", "gb18030", "big5"])
        p.write_bytes(seed_bytes.decode("utf-8").encode(enc, "replace"))
        try:
            drafts.load(p)
            count("encodings", False, f"{enc} loaded")
        except drafts.DraftError as exc:
            count("encodings", "UTF-8" in str(exc), str(exc))
        # non-finite and huge numbers, in answers and in drafts
        word = rng.choice(["nan", "inf", "-inf", "sNaN", "1e" + str(rng.randint(19, 9999999)), "9" * rng.randint(20, 60)])
        for parse, text in ((parse_plan, f"{word} 50 75 100"), (parse_money, word + "万")):
            try:
                parse(text)
                count("numbers", False, text)
            except Rejected:
                count("numbers", True)
        p = wd / f"num-{r}.toml"
        p.write_text(f'schema = "perfdraft/1"\n[[projects]]\nbudget = {{ total = {word} }}\n', "utf-8")
        try:
            drafts.load(p)
            count("numbers", False, word)
        except drafts.DraftError:
            count("numbers", True)
        # nesting
        depth = rng.randint(500, 20000)
        p.write_text('schema = "perfdraft/1"\nx = ' + "[" * depth + "]" * depth + "\n", "utf-8")
        try:
            drafts.load(p)
            count("nesting", depth < 1000, str(depth))
        except drafts.DraftError:
            count("nesting", True)
        # a full disk at a random write of a save, in process
        p = fresh("full")
        d = drafts.load(p)
        d.department.name = f"满 {r}"
        calls = [rng.randint(0, 2)]
        real = drafts_io.os.fsync

        def full(fd: int, calls: list[int] = calls, real=real) -> None:  # type: ignore[no-untyped-def]
            calls[0] -= 1
            if calls[0] < 0:
                raise OSError(errno.ENOSPC, "No space left on device")
            real(fd)

        drafts_io.os.fsync = full
        try:
            drafts.save(d, p)
            whole = drafts.load(p).department.name == f"满 {r}"
        except drafts.DraftError as exc:
            whole = p.read_bytes() == seed_bytes and "磁盘已满" in str(exc)
        finally:
            drafts_io.os.fsync = real
        count("full disk", whole and not [x for x in wd.iterdir() if ".tmp-" in x.name])
    for r in range(max(2, rounds // 10)):  # the whole program on a full disk, through pipes
        p = wd / f"pipe-{r}.toml"
        drafts.save(drafts.new_draft(2021), p)
        before = p.read_bytes()
        res = subprocess.run([sys.executable, "-m", "tests.reliability.fulldisk", "--after", str(rng.randint(0, 3)),
                              "line", str(p)], input="顺平县社保局\n317002\n".encode(), capture_output=True,
                             cwd=ROOT, env=env, timeout=120)
        err = res.stderr.decode("utf-8", "replace")
        ok = "Traceback" not in err and not drafts.lock_path(p).exists() and \
            (p.read_bytes() == before or drafts.load(p).department.name == "顺平县社保局") and \
            (res.returncode == 0 or "磁盘已满" in err)
        count("full disk", ok, err[-300:])
    for r in range(rounds):
        # names at the 255-byte limit: the files beside the draft (temp, lock, backup, conflict) must fit
        unit = rng.choice(["a", "社", "局a"])
        stem = ""
        while len((stem + unit + ".toml").encode()) <= rng.randint(240, 255):
            stem += unit
        p = wd / f"{stem}.toml"
        p.write_bytes(seed_bytes)
        try:
            with Session.open(p, remember=False) as s:
                for k in range(2):
                    s.conv.draft.department.name = f"长名 {r} {k}"
                    s.save()
            ok = drafts.load(p).department.name == f"长名 {r} 1" and drafts.backup_path(p).exists()
        except drafts.DraftError as exc:
            ok, stem = False, str(exc)
        count("long names", ok and not [x for x in wd.iterdir() if ".tmp-" in x.name], stem[-80:])
        p.unlink()
        drafts.backup_path(p).unlink(missing_ok=True)
    for r in range(max(2, rounds // 10)):  # exports on a full disk: the earlier file stays, nothing is left
        p = fresh("fullexp")
        fmt = rng.choice(["xlsx", "docx"])
        out = p.with_suffix(f".{fmt}")
        tmp = wd / f"tmp-{r}"
        tmp.mkdir()
        out.write_bytes(b"the earlier export")
        res = subprocess.run([sys.executable, "-m", "tests.reliability.fulldisk", "--after", str(rng.randint(0, 60)),
                              "export", str(p), "--to", fmt, "--force"], capture_output=True, cwd=ROOT,
                             env={**env, "TMPDIR": str(tmp)}, timeout=120)
        err = res.stderr.decode("utf-8", "replace")
        ok = "Traceback" not in err and not list(tmp.iterdir()) and not [x for x in wd.iterdir() if ".tmp-" in x.name] \
            and (res.returncode == 0 or res.returncode == 2 and out.read_bytes() == b"the earlier export"
                 and ("磁盘已满" in err or "临时目录" in err))
        count("full disk", ok, f"{fmt} {res.returncode} {err[-300:]}")
        tmp.rmdir()
    tests = pytest_result("tests/reliability/test_files.py", "tests/reliability/test_files_more.py",
                          "tests/reliability/test_saves.py")
    say(f"  file and save tests: {tests}")
    figure("files", "cases that ended whole and in plain words: " + count.summary())
    figure("", f"regression tests of issue 19 and of the saves (tests/reliability/test_files.py, test_files_more.py, "
               f"test_saves.py): {tests}")


LIMITS: list[str] = []


def huge(base: Path, rounds: int) -> None:
    """Huge inputs within and just over the limits (issue 19, item 14), each in its own process."""
    import random

    from tests.reliability import harness

    say(f"\n== 6b. huge inputs: {rounds} rounds (issue 19, item 14)")
    wd = base / "huge"
    wd.mkdir(parents=True, exist_ok=True)
    count = Tally()

    limits(wd, harness.session_env(wd), random.Random(1914), rounds, count)
    figure("huge", "inputs that ended in seconds and in plain words: " + count.summary())
    figure("", "the worst of the rounds (peak RSS, wall): " + "; ".join(LIMITS))


def limits(wd: Path, env: dict[str, str], rng: random.Random, rounds: int, count: Tally) -> None:
    """Huge sheets and drafts within the limits: an xlsx up to the 16 MiB sheet limit through import, a
    project of up to 50,000 indicators through check, ``show --width`` of 10^8. Each in its own process,
    its peak RSS from /proc (tests/reliability/peakrss.py)."""
    import xlsxwriter  # type: ignore[import-untyped]

    def measured(*args: str) -> tuple[int, float, float, str]:
        rss = wd / "rss"
        t = time.perf_counter()
        res = subprocess.run([sys.executable, "-m", "tests.reliability.peakrss", str(rss), *args], capture_output=True,
                             cwd=ROOT, env=env, timeout=600)
        wall = time.perf_counter() - t
        mib = int(rss.read_text()) / 1024 if rss.exists() else float("nan")
        return res.returncode, wall, mib, res.stderr.decode("utf-8", "replace")

    worst: dict[str, tuple[float, float, str]] = {}

    def note(name: str, wall: float, mib: float, what: str) -> None:
        w = worst.get(name)
        if w is None or wall > w[0]:
            worst[name] = (wall, max(mib, w[1] if w else 0), what)

    alphabet = "产出效益满意度数量质量时效成本社会经济生态可持续影响服务对象人次元万亩公里"
    from perfdraft.importers import sources

    for r in range(rounds):
        # up to the table limits (sources.MAX_ROWS / MAX_CELLS); a sheet over them is refused at once
        rows = rng.randint(1000, sources.MAX_ROWS)
        cols = rng.randint(3, max(3, min(15, sources.MAX_CELLS // rows)))
        size = min(60, (15 * 2**20) // (rows * cols * 8))  # stay under the 16 MiB sheet limit
        book = wd / f"huge-{r}.xlsx"
        wb = xlsxwriter.Workbook(str(book), {"constant_memory": True})
        ws = wb.add_worksheet("表")
        for i in range(rows):
            for j in range(cols):
                ws.write_string(i, j, "".join(rng.choice(alphabet) for _ in range(rng.randint(1, max(1, size)))))
        wb.close()
        code, wall, mib, err = measured("import", str(book), "-o", str(wd / f"huge-{r}.toml"), "--force")
        count("huge inputs", code in (0, 1, 2) and "Traceback" not in err and wall < 60 and mib < 1024, err[-300:])
        note("xlsx import", wall, mib, f"{book.stat().st_size / 2**20:.1f} MB xlsx, {rows}×{cols}")
        book.unlink()
        # many sheets each well under the sheet limits: the whole-file cap (importers/report.py) stops them
        from perfdraft.importers.report import MAX_FILE_CELLS

        rows, width = min(sources.MAX_ROWS, sources.MAX_CELLS // 20), 10  # half a sheet's allowance each
        sheets = rng.randint(2, 3) * MAX_FILE_CELLS // (rows * width) + 1
        book = wd / f"sheets-{r}.xlsx"
        wb = xlsxwriter.Workbook(str(book), {"constant_memory": True})
        for k in range(sheets):
            ws = wb.add_worksheet(f"表{k}")
            for i in range(rows):
                ws.write_row(i, 0, ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(width)])
        wb.close()
        code, wall, mib, err = measured("import", str(book), "-o", str(wd / f"sheets-{r}.toml"), "--force")
        count("huge inputs", code == 2 and "整个文件的导入上限" in err and "Traceback" not in err and wall < 30
              and mib < 1024, err[-300:])
        note("xlsx of many sheets", wall, mib, f"{sheets} sheets of {rows * width:,} cells")
        book.unlink()
        # a text file at the 5 MiB text limit, rows of tab-separated cells
        from perfdraft.importers.text import MAX_TEXT_BYTES

        text = wd / f"rows-{r}.txt"
        with open(text, "w", encoding="utf-8") as fh:
            written = 0
            while written < MAX_TEXT_BYTES - 400:
                line = "\t".join("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(8))
                written += fh.write(line + "\n") * 3
        code, wall, mib, err = measured("import", str(text), "-o", str(wd / f"rows-{r}.toml"), "--force")
        count("huge inputs", code in (1, 2) and "Traceback" not in err and wall < 30 and mib < 1024, err[-300:])
        note("text import", wall, mib, f"{text.stat().st_size / 2**20:.1f} MiB text")
        text.unlink()
        # a docx of many tables, each under docx's 20,000-row limit
        import docx

        doc = docx.Document()
        for _table in range(rng.randint(2, 4)):
            table = doc.add_table(rows=0, cols=6)
            for _ in range(MAX_FILE_CELLS // 6 // 2):
                for cell in table.add_row().cells:
                    cell.text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6)))
        book = wd / f"tables-{r}.docx"
        doc.save(str(book))
        code, wall, mib, err = measured("import", str(book), "-o", str(wd / f"tables-{r}.toml"), "--force")
        count("huge inputs", code in (1, 2) and "Traceback" not in err and wall < 30 and mib < 1024, err[-300:])
        note("docx import", wall, mib, f"{len(doc.tables)} tables of {MAX_FILE_CELLS // 2:,} cells")
        book.unlink()
        n = rng.randint(10_000, 50_000)
        draft = wd / f"rows-{r}.toml"
        head = harness_seed_head()
        draft.write_text(head + "".join(f'[[projects.indicators]]\nlevel1 = "产出指标"\nlevel2 = "数量指标"\n'
                                        f'name = "指标{i}"\nvalue = "≥{i + 1}人"\n\n' for i in range(n)), "utf-8")
        code, wall, mib, err = measured("check", str(draft))
        count("huge inputs", code in (0, 1) and "Traceback" not in err and mib < 1024, err[-300:])
        note("check", wall, mib, f"{n:,} indicators in one project")
        code, wall, mib, err = measured("show", str(draft), "--width", str(10 ** rng.randint(4, 9)))
        count("huge inputs", code in (0, 1) and "Traceback" not in err, err[-300:])
        note("show --width", wall, mib, f"up to 10^9 on {n:,} rows")
        draft.unlink()
    for name, (wall, mib, what) in worst.items():
        LIMITS.append(f"{name} ({what}) {mib:.0f} MiB {wall:.1f} s")


def harness_seed_head() -> str:
    """The seed draft up to its first indicator row: the department and project 1's header."""
    from tests.reliability import harness

    text = harness.SEED.read_text("utf-8")
    return text[: text.index("[[projects.indicators]]")]


def saves() -> None:
    say("\n== 7. saves: autosave per answer against dump + write + fsync (benchmarks/bench_save.py)")
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_save.py")], capture_output=True, text=True,
                       cwd=ROOT, timeout=3600)
    say(r.stdout)
    for line in r.stdout.splitlines():
        if "1000 × 17" in line and ("saver thread" in line or "UI thread" in line):
            cells = [c.strip() for c in line.split("|")]
            figure("saves" if "UI thread" in line else "", f"{cells[0]}: {cells[2]} {cells[3]} ms = {cells[4]} of "
                                                          f"dump + write + fsync ({cells[1]})")


# --- 5 ------------------------------------------------------------------------------------------------


LOAD_SCENARIOS = [
    # (label, seconds between answers, warm catalogue cache)
    ("stress", (0.02, 0.08), True),  # everyone answering as fast as a script: the worst case
    ("stress, first run", (0.02, 0.08), False),  # ... and nobody has run perfdraft before (no cache)
    ("paced", (1.0, 3.0), True),  # people reading the question and typing
]


def load(base: Path, n: int, scenarios: list[tuple[str, tuple[float, float], bool]]) -> None:
    from tests.reliability import harness

    for label, think, warm in scenarios:
        say(f"\n== 5. load ({label}): {n} concurrent line sessions started together, "
            f"{think[0] * 1000:.0f}–{think[1] * 1000:.0f} ms between answers, catalogue cache {'warm' if warm else 'empty'}")
        t0 = time.perf_counter()
        results = harness.run_load(base / "load" / label.replace(" ", "-").replace(",", ""), n, think=think,
                                   warm_cache=warm)
        wall = time.perf_counter() - t0
        s = harness.load_summary(results)
        say(json.dumps(s, ensure_ascii=False))
        for r in results:
            if not r.ok:
                say(f"  PROBLEM {r.problem}")
        rss = s["peak RSS per session MiB (mean / max)"]
        figure("load" if label == scenarios[0][0] else "",
               f"{label} ({think[0] * 1000:.0f}–{think[1] * 1000:.0f} ms between answers, cache "
               f"{'warm' if warm else 'empty'}): {s['finished']}/{s['sessions']} sessions finished, "
               f"{s['answers']:,} answers, {wall:.0f} s; answer → next question p50 {s['latency p50 ms']} ms, "
               f"p95 {s['latency p95 ms']} ms, p99 {s['latency p99 ms']} ms, max {s['latency max ms']} ms; "
               f"start-up p50 {s['start-up p50 s']} s, max {s['start-up max s']} s; peak RSS per session "
               f"{rss[0]} MiB (max {rss[1]}); slowest step {s['slowest step']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=200)
    ap.add_argument("--load", type=int, default=50)
    ap.add_argument("--values", type=int, default=100_000)
    ap.add_argument("--quick", action="store_true", help="small numbers, to try the script (about a minute)")
    ap.add_argument("--files-rounds", type=int, default=100, help="rounds of each attack class in section 6")
    ap.add_argument("--only", choices=["crash", "two-writers", "fuzzing", "injection", "load", "files", "huge", "saves"],
                    action="append", help="run only these sections (repeatable)")
    args = ap.parse_args()
    quick = args.quick
    base = Path(tempfile.mkdtemp(prefix="perfdraft-reliability-"))
    isolate(base)
    t0 = time.perf_counter()
    try:
        only = set(args.only or ["crash", "two-writers", "fuzzing", "injection", "load", "files", "huge", "saves"])
        if "crash" in only:
            crash(base, 20 if quick else args.sessions)
        if "two-writers" in only:
            two_writers(base, 3 if quick else 20)
        if "fuzzing" in only:
            fuzzing(base, 2000 if quick else args.values, 50 if quick else 1000, 100 if quick else 2000,
                    40 if quick else 1000)
        if "injection" in only:
            injection_and_size(base, 10 if quick else 200, big=not quick)
        if "load" in only:
            load(base, 10 if quick else args.load, LOAD_SCENARIOS[:2] if quick else LOAD_SCENARIOS)
        if "files" in only:
            files(base, 10 if quick else args.files_rounds)
        if "huge" in only:
            huge(base, 1 if quick else max(1, args.files_rounds // 25))
        if not quick and "saves" in only:
            saves()
    finally:
        shutil.rmtree(base, ignore_errors=True)
    say("\n" + "=" * 100)
    say(f"perfdraft reliability — {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {time.perf_counter() - t0:.0f} s")
    for line in BLOCK:
        say(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
