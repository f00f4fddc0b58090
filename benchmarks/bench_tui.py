"""TUI and line-mode figures, each against a bare baseline measured in the same run (start-up: wall time,
and the CPU time the process had used by then, which a loaded shared machine disturbs less):
first screen and peak RSS of `perfdraft demo` vs a bare Textual app (one Input and a Footer); first
paint of `perfdraft line` (question, prompt and toolbar) in a pseudo-terminal vs a bare PromptSession
with a toolbar; keystrokes to draft seed project 1; key → live check.

`python benchmarks/bench_tui.py --startup` prints the start-up rows only."""

from __future__ import annotations

import asyncio
import difflib
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Both sides are timed at the first frame Textual hands its driver that shows the app's content (the
# bare app's first frame; perfdraft's first frame with the question in it), not at Textual's Ready:
# a screen's own Mount may come after Ready, and a frame without the question is not a first screen.
FIRST_FRAME = """
import time
painted = []
def patch_textual():
    # Imported here, not at the top: perfdraft imports Textual inside its command (below), and the
    # harness must not import it earlier than the program would.
    from textual.app import App
    _display = App._display
    def display(app, screen, renderable):
        if renderable is not None and not app._batch_count and not painted and shows_content(app, screen):
            painted.append((time.process_time(), time.time()))
        return _display(app, screen, renderable)
    App._display = display
    return App
async def ready(pilot):
    for _ in range(200):
        if painted:
            break
        await pilot.pause()
    print("READY", *painted[0], flush=True)
    pilot.app.exit()
"""

BARE = FIRST_FRAME + """
App = patch_textual()
from textual.widgets import Footer, Input
class Bare(App):
    def compose(self):
        yield Input()
        yield Footer()
def shows_content(app, screen):
    return True
Bare().run(headless=True, size=(80, 24), auto_pilot=ready)
"""

DEMO = FIRST_FRAME + """
# `perfdraft demo` as its console script runs it: cli.main, its parser, the command, the app. Only the
# terminal is simulated: the command sees an interactive terminal, the app runs headless at 80×24.
from perfdraft import gc_pause
from perfdraft.commands import drafting
drafting.interactive = lambda: True
drafting._dumb_terminal = lambda: False
_pause = gc_pause.pause
def pause():  # the command's first step, before it imports the TUI: patch Textual from here
    _pause()
    App = patch_textual()
    _run = App.run
    def run(self, *args, **kwargs):
        return _run(self, headless=True, size=(80, 24), auto_pilot=ready)
    App.run = run
gc_pause.pause = pause
def shows_content(app, screen):
    from perfdraft.tui.widgets.question import QuestionPanel
    panels = screen.query(QuestionPanel)
    return bool(panels) and getattr(panels.first(), "prompt", None) is not None
from perfdraft import cli
cli.main(["demo"])  # the first frame is the question, its findings view follows it
"""

MEASURE = """
import resource, subprocess, sys, time
t = time.time()
p = subprocess.Popen([sys.executable, "-c", sys.argv[1]], stdout=subprocess.PIPE, text=True)
for line in p.stdout:
    if "READY" in line:
        _, cpu, at = line.split()
        ready = float(at) - t
p.wait()
print(ready, cpu, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


BARE_LINE = """
from prompt_toolkit import PromptSession
PromptSession(bottom_toolbar=" 部门 · 部门名称 │ 已保存 │ /help 帮助").prompt("1> ")
"""


def _cpu_seconds(pid: int) -> float:
    """CPU time used so far by every thread of ``pid`` (Linux schedstat, nanoseconds)."""
    total = 0
    for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        try:
            total += int(stat.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            pass  # a thread that ended meanwhile
    return total / 1e9


def line_paint(argv: list[str], marks: tuple[str, ...], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds from spawn until every one of ``marks`` is on the pseudo-terminal's screen."""
    import pexpect

    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", PERFDRAFT_DATA_DIR=str(cwd / "data"))
    env.pop("SSH_CONNECTION", None)
    t = time.perf_counter()
    child = pexpect.spawn(argv[0], argv[1:], env=env, cwd=str(cwd), dimensions=(24, 80), encoding="utf-8",
                          timeout=30)
    for mark in marks:  # a bare prompt-toolkit prompt and ours paint the toolbar after the prompt
        # Answer cursor-position requests as a terminal does: prompt-toolkit waits for the reply
        # before it reserves the lines for the toolbar.
        while child.expect_exact([mark, "\x1b[6n"]) == 1:
            child.send("\x1b[1;1R")
    took = time.perf_counter() - t
    cpu = _cpu_seconds(child.pid)
    child.terminate(force=True)  # SIGHUP/SIGTERM: perfdraft saves and leaves, as on a dropped link
    return took, cpu


def _entry_point() -> list[str]:
    """``perfdraft`` as users run it: the console script pip installed beside this Python (runpy's
    ``-m`` costs a few ms more); ``python -m perfdraft`` where there is none."""
    script = Path(sys.executable).with_name("perfdraft")
    return [str(script)] if script.exists() else [sys.executable, "-m", "perfdraft"]


def _fastest(bare: list[tuple[float, float]], ours: list[tuple[float, float]]) -> str:
    """The ratio of the fastest runs (wall, CPU): this shared VM's speed drifts between runs by more
    than the gap measured, and the fastest run of each side is the one least disturbed."""
    return (f"fastest runs {min(x[0] for x in ours) / min(x[0] for x in bare):.2f} wall, "
            f"{min(x[1] for x in ours) / min(x[1] for x in bare):.2f} CPU")


def line_startup(rounds: int = 15) -> None:
    import tempfile

    bare: list[tuple[float, float]] = []
    ours: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory(prefix="pd-bench-line-") as tmp:
        work = Path(tmp)
        draft = work / "d.toml"
        for _ in range(rounds):  # interleaved, so machine load hits both alike
            bare.append(line_paint([sys.executable, "-c", BARE_LINE], ("1>", "/help"), work))
            draft.write_bytes((ROOT / "perfdraft" / "data" / "demo.toml").read_bytes())
            ours.append(line_paint([*_entry_point(), "line", str(draft)], ("1>", "/help"), work))
    b, o = statistics.median(x[0] for x in bare), statistics.median(x[0] for x in ours)
    bc, oc = statistics.median(x[1] for x in bare), statistics.median(x[1] for x in ours)
    print(f"line mode first paint (question, prompt, toolbar): bare PromptSession {b * 1000:.0f} ms, "
          f"perfdraft line {o * 1000:.0f} ms, ratio {o / b:.2f}; CPU {bc * 1000:.0f} / {oc * 1000:.0f} ms, "
          f"ratio {oc / bc:.2f}; {_fastest(bare, ours)}  (target ≤ 1.2)")


def one(code: str) -> tuple[float, float, int]:
    """Wall seconds to the first screen, CPU seconds the app had used by then, peak RSS (KiB)."""
    out = subprocess.run([sys.executable, "-c", MEASURE, code], capture_output=True, text=True, cwd=ROOT,
                         env=dict(os.environ, TEXTUAL_ANIMATIONS="none"), check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2])


def startup(rounds: int = 15) -> None:
    # A pip install byte-compiles the package; an editable checkout under PYTHONDONTWRITEBYTECODE=1
    # would recompile perfdraft on every start while Textual's bytecode is ready. Level the field.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "perfdraft")], check=True)
    bare, demo = [], []
    for _ in range(rounds):  # interleaved, so machine load hits both alike
        bare.append(one(BARE))
        demo.append(one(DEMO))
    bt, dt = statistics.median(x[0] for x in bare), statistics.median(x[0] for x in demo)
    bc, dc = statistics.median(x[1] for x in bare), statistics.median(x[1] for x in demo)
    bm, dm = statistics.median(x[2] for x in bare), statistics.median(x[2] for x in demo)
    print(f"TUI first screen: bare Textual {bt * 1000:.0f} ms, perfdraft demo {dt * 1000:.0f} ms, ratio {dt / bt:.2f}; "
          f"CPU {bc * 1000:.0f} / {dc * 1000:.0f} ms, ratio {dc / bc:.2f}; "
          f"{_fastest([x[:2] for x in bare], [x[:2] for x in demo])}  (target ≤ 1.2)")
    print(f"peak RSS: bare Textual {bm / 1024:.1f} MiB, perfdraft demo {dm / 1024:.1f} MiB, ratio {dm / bm:.2f}  (target ≤ 1.5)")


def keystrokes() -> None:
    """Seed project 1 from an empty draft, suggestions first: a template row that matches a row of the
    corrected fixture is kept (Enter if its value is right, else the value typed); rows the catalogue
    lacks are pasted from last year's sheet; the template's other rows are declined with /del."""
    from perfdraft import drafts, frameworks
    from perfdraft.conversation import Conversation
    from tests.seed_answers import row_line, seed_project1_script

    script, fixed = seed_project1_script()
    conv = Conversation(drafts.new_draft(2020), None)
    keys = pasted_chars = 0

    def send(kind: str, text: str) -> None:
        nonlocal keys, pasted_chars
        if kind == "enter":
            keys += 1
        elif kind == "paste":
            keys += 1 + (0 if "\t" in text or "\n" in text else 1)
            pasted_chars += len(text)
        else:
            keys += len(text) + 1
        r = conv.answer(text)
        assert r.ok, (text, [m.text for m in r.messages])

    for kind, text in script:
        send(kind, text)
    fw = frameworks.LOCAL_2015
    want = {}
    for ind in fixed.projects[0].indicators:
        want.setdefault(frameworks.canonical_levels(ind.level1, ind.level2, fw), []).append(ind)
    used: set[int] = set()
    groups = [(a, b) for a, bs in fw.levels.items() for b in bs]
    for _ in range(300):
        p = conv.prompt()
        if p.step == "indicator.value":
            cand = conv._candidates_for(conv.pos.project, conv.pos.index)[conv.pos.row].proposal
            rows = [r for r in want.get(groups[conv.pos.index], []) if id(r) not in used]
            best = max(rows, key=lambda r: difflib.SequenceMatcher(None, r.name, cand.name).ratio(), default=None)
            if best is not None and difflib.SequenceMatcher(None, best.name, cand.name).ratio() >= 0.45:
                used.add(id(best))
                send("enter", "") if best.value == cand.value else send("type", best.value)
            else:
                send("type", "/del")
        elif p.step == "indicator.add":
            for r in want.get(groups[conv.pos.index], []):
                if id(r) not in used:
                    used.add(id(r))
                    send("paste", row_line(r))
            send("enter", "")
        elif p.step in ("project.review", "project.name"):
            send("enter", "")
        elif p.step == "draft.review":
            send("enter", "")
            break
    rows = len(conv.draft.projects[0].indicators)
    values = [i.value for i in conv.draft.projects[0].indicators]
    assert sorted(values) == sorted(i.value for i in fixed.projects[0].indicators), values
    print(f"keystrokes to draft seed project 1 ({rows} rows, values as in the corrected fixture): {keys} "
          f"(a paste counts 1; {pasted_chars} characters of prose and rows were pasted)  (target ≤ 250)")


def clone_keystrokes() -> None:
    """Seed project 1 (corrected) cloned into 2021 with its values unchanged: open the clone, which asks
    only what is to confirm, and confirm the project as it is."""
    from perfdraft import drafts
    from perfdraft.clone import clone_draft
    from perfdraft.conversation import Conversation

    last = drafts.load(ROOT / "tests" / "fixtures" / "seed-shunping-2020-fixed.toml")
    conv = Conversation(clone_draft(last, 2021), None, only_unsettled=True)
    keys = 0
    first = conv.prompt().title
    for text in ("/all", ""):  # confirm everything carried over, then leave the review
        keys += len(text) + 1
        assert conv.answer(text).ok
    assert conv.pos.project == 1, conv.prompt()
    print(f"keystrokes to finish seed project 1 cloned into 2021, values unchanged: {keys} "
          f"(first question: {first}; /all then Enter)  (target ≤ 40)")


def live_check_latency() -> None:
    from textual import events

    from perfdraft.conversation import open_session
    from perfdraft.tui.app import PerfdraftApp
    from perfdraft.tui.widgets.answer_input import AnswerInput
    from perfdraft.tui.widgets.check_line import CheckLine

    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"pd-bench-{os.getpid()}.toml"
    tmp.write_bytes((ROOT / "tests" / "fixtures" / "seed-shunping-2020.toml").read_bytes())
    conv, lock = open_session(tmp)

    async def run() -> tuple[float, float]:
        app = PerfdraftApp(conv, lock)
        async with app.run_test(size=(80, 24)) as pilot:
            conv.answer("/jump projects[0].indicators[6].value")
            app.screen.ask()
            await pilot.pause()
            inp = app.screen.query_one(AnswerInput)
            check_line = app.screen.query_one(CheckLine)
            shown: list[float] = []
            original = check_line.show

            def show(findings, ascii_ops=False):  # record when the check reaches the widget
                original(findings, ascii_ops)
                shown.append(time.perf_counter())

            check_line.show = show
            handler, key_to_check = [], []
            for n in range(200):
                text = ["1", "10", "100", "1001", "10010", "100100%"][n % 6]
                t = time.perf_counter()
                app.screen.live_check(text)
                handler.append((time.perf_counter() - t) * 1000)
                inp.value = text[:-1]
                await pilot.pause()
                shown.clear()
                t = time.perf_counter()
                inp.post_message(events.Paste(text[-1]))  # one key's worth of input
                while not shown:
                    await asyncio.sleep(0)
                key_to_check.append((shown[0] - t) * 1000)
            return statistics.median(handler), sorted(key_to_check)[int(len(key_to_check) * 0.99)]

    try:
        h, rt = asyncio.run(run())
    finally:
        lock.release()
        tmp.unlink(missing_ok=True)
        for extra in tmp.parent.glob(tmp.name + ".*"):
            extra.unlink(missing_ok=True)
    print(f"key → live check: handler median {h:.2f} ms; key event to check line updated p99 {rt:.1f} ms  (target < 16 ms)")


if __name__ == "__main__":
    if "--startup" in sys.argv:
        startup()
        line_startup()
        sys.exit(0)
    keystrokes()
    clone_keystrokes()
    live_check_latency()
    startup()
    line_startup()
