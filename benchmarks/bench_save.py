"""Autosave per answer against the floor "dump + write + fsync", measured in the same run (issue 21).

For drafts of 100 and 1,000 projects × 17 indicator rows (built from the seed):

* baseline: ``tomli_w.dumps(to_dict(draft))`` + write + fsync of a temp file (what any save must at
  least do once; median of several runs);
* one-shot save over a file it did not read (``drafts.save`` as `new`, `clone` use it: full dump,
  read-back of the new text and a parse of the old file, which it never overwrites when it does not parse);
* session autosave: an answer in a ``Session`` as the TUI runs it (saver thread): the time the UI thread
  spends in ``conv.answer`` (the Enter), and the saver thread's time per save (chunked dump of the
  changed project, atomic replace, backup by hard link, fsync);
* line mode: the same with the save written before the next question (``background=False``).

Prints each as milliseconds and as a ratio to the baseline. ``--quick``: 100 projects only.
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from perfdraft import drafts  # noqa: E402
from perfdraft.session import Session  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "seed-shunping-2020.toml"


def big_draft(n_projects: int, rows: int = 17):
    seed = drafts.load(SEED)
    pool = [i for p in seed.projects for i in p.indicators]
    d = copy.deepcopy(seed)
    d.projects = []
    for i in range(n_projects):
        p = copy.deepcopy(seed.projects[i % len(seed.projects)])
        p.code = f"P-{i:05d}"
        p.indicators = [copy.deepcopy(pool[(i + j) % len(pool)]) for j in range(rows)]
        d.projects.append(p)
    return d


def baseline(draft, directory: Path, runs: int) -> float:
    import tomli_w

    times = []
    for _ in range(runs):
        t = time.perf_counter()
        data = tomli_w.dumps(drafts.to_dict(draft), multiline_strings=True).encode("utf-8")
        fd = os.open(directory / "baseline.toml", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def one_shot(draft, directory: Path, runs: int) -> float:
    path = directory / "oneshot.toml"
    times = []
    for k in range(runs):
        draft.department.name = f"部门 {k}"
        t = time.perf_counter()
        drafts.save(draft, path)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def session_answers(path: Path, n_projects: int, answers: int, background: bool) -> tuple[float, float, float]:
    """(median Enter on the UI thread, median save on the saver, worst Enter), in seconds."""
    enters, saves = [], []
    with Session.open(path, remember=False, background=background) as s:
        s.wait_saved(300)
        time.sleep(0.3)
        conv = s.conv
        for n in range(answers):
            conv.answer(f"/jump projects[{(n * 37) % n_projects}].goal")
            t = time.perf_counter()
            reply = conv.answer(f"第 {n} 次修改的目标")
            enters.append(time.perf_counter() - t)
            assert reply.ok, [m.text for m in reply.messages]
            result = s.wait_saved(300)
            assert result is not None and result.ok, result
            saves.append(result.seconds)
    return statistics.median(enters), statistics.median(saves), max(enters)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    sizes = [100] if args.quick else [100, 1000]
    print(f"perfdraft saves — Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(f"{'draft':>20} | {'baseline dump+write+fsync':>26} | {'path':<34} | {'ms':>8} | ratio")
    for n in sizes:
        draft = big_draft(n)
        with tempfile.TemporaryDirectory(prefix="pd-bench-save-") as tmp:
            d = Path(tmp)
            path = d / "draft.toml"
            drafts.save(draft, path)
            size = path.stat().st_size / 1e6
            runs = 7 if n <= 100 else 3
            base = baseline(draft, d, runs)
            rows = [("one-shot save, file unknown (CLI)", one_shot(draft, d, runs))]
            enter, save, worst = session_answers(path, n, 12, background=True)
            rows += [("TUI: Enter on the UI thread", enter), ("TUI: save on the saver thread", save),
                     ("TUI: slowest Enter", worst)]
            line_enter, _, _ = session_answers(path, n, 8, background=False)
            rows.append(("line: Enter incl. the save", line_enter))
            label = f"{n} × 17 ({size:.1f} MB)"
            for name, secs in rows:
                print(f"{label:>20} | {base * 1000:>23.0f} ms | {name:<34} | {secs * 1000:>8.1f} | {secs / base:.2f}×")
    print("Targets (issue 21): save ≤ 1.3× the floor and off the UI thread; an Enter < 100 ms at 1,000 projects.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
