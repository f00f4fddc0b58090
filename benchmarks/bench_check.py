"""check_value per keystroke, and checking 1,000 generated projects (the batch `perfdraft check`)."""

from __future__ import annotations

import copy
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from perfdraft import checks, drafts
from perfdraft.model import Indicator

ROOT = Path(__file__).resolve().parent.parent
SEED_FIXED = ROOT / "tests" / "fixtures" / "seed-shunping-2020-fixed.toml"


def keystrokes() -> None:
    ind = Indicator(level1="产出指标", level2="质量指标", name="符合条件人员参保率", description="实际参保人数÷应参保人数×100%")
    typed = "≥095%"
    samples = []
    for n in range(2000):
        text = typed[: 1 + n % len(typed)] + ("0" * (n % 3))  # vary so the parse cache does not answer everything
        t = time.perf_counter()
        checks.check_value(text, ind)
        samples.append((time.perf_counter() - t) * 1e6)
    samples.sort()
    print(f"check_value: median {statistics.median(samples):.0f} µs, p99 {samples[int(len(samples) * 0.99)]:.0f} µs  (target < 1 ms)")


def generated_draft(n_projects: int):
    fixed = drafts.load(SEED_FIXED)
    d = copy.deepcopy(fixed)
    d.projects = []
    for i in range(n_projects):
        p = copy.deepcopy(fixed.projects[i % len(fixed.projects)])
        p.code = f"GEN-{i:05d}"
        p.name = f"{p.name}{i}"
        d.projects.append(p)
    return d


def batch() -> None:
    d = generated_draft(1000)
    rows = sum(len(p.indicators) for p in d.projects)
    t = time.perf_counter()
    found = checks.check_draft(d)
    in_process = time.perf_counter() - t
    print(f"check_draft: 1000 projects, {rows} rows, {len(found)} findings in {in_process:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(10):  # ten drafts of 100 projects, as a bureau's directory would hold
            part = copy.deepcopy(d)
            part.projects = d.projects[k * 100:(k + 1) * 100]
            drafts.save(part, Path(tmp) / f"d{k}.toml")
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "perfdraft", "check", tmp, "--format", "json"], capture_output=True, check=False)
        print(f"perfdraft check DIR: 10 drafts × 100 projects in {time.perf_counter() - t:.2f} s (whole command)  (target: a few s)")


if __name__ == "__main__":
    keystrokes()
    batch()
