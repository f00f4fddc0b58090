"""Export a generated draft of 1,000 projects (17 indicators each) and report time and peak memory.

    python benchmarks/bench_export.py [--projects 1000] [--to xlsx] [--tracemalloc] [--keep PATH]

The projects are copies of project 1 of tests/fixtures/seed-shunping-2020-fixed.toml with distinct
codes and names. Reported: time to check the draft, to render it, to write it (atomically), the
file size, and the peak resident memory of the process (``resource.getrusage``). ``--tracemalloc``
also reports the peak Python heap, at the cost of a much slower run.
Budget (shared/design.md): check and export 1,000 projects to xlsx "in seconds".
"""

from __future__ import annotations

import argparse
import copy
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from perfdraft import checks, drafts  # noqa: E402
from perfdraft.exporters import render  # noqa: E402
from perfdraft.exporters.safety import write_output  # noqa: E402
from perfdraft.model import Draft  # noqa: E402

FIXED = ROOT / "tests" / "fixtures" / "seed-shunping-2020-fixed.toml"


def generate(n: int) -> Draft:
    base = drafts.load(FIXED)
    template = base.projects[0]
    draft = copy.deepcopy(base)
    draft.projects = []
    for i in range(n):
        p = copy.deepcopy(template)
        p.code = f"317-{1000 + i // 100:04d}-GEN-{i:04d}"
        p.name = f"{template.name}（第{i + 1}批）"
        draft.projects.append(p)
    return draft


def peak_rss_mib() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--projects", type=int, default=1000)
    ap.add_argument("--to", choices=["xlsx", "docx", "csv", "md"], default="xlsx")
    ap.add_argument("--tracemalloc", action="store_true", help="also measure the peak Python heap (slow)")
    ap.add_argument("--keep", help="write the export here instead of a temporary file")
    args = ap.parse_args()

    draft = generate(args.projects)
    rows = sum(len(p.indicators) for p in draft.projects)
    rss_before = peak_rss_mib()
    if args.tracemalloc:
        tracemalloc.start()
    t0 = time.perf_counter()
    findings = checks.check_draft(draft)
    t1 = time.perf_counter()
    rendered = render(draft, args.to)
    t2 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(args.keep) if args.keep else Path(tmp) / f"bench.{args.to}"
        write_output(target, rendered.data, force=True)
        t3 = time.perf_counter()
        size = target.stat().st_size
    heap = tracemalloc.get_traced_memory()[1] / (1024 * 1024) if args.tracemalloc else None
    print(f"projects: {args.projects}   indicator rows: {rows}   format: {args.to}")
    print(f"check:  {t1 - t0:6.2f} s   ({len(findings)} findings)")
    print(f"render: {t2 - t1:6.2f} s")
    print(f"write:  {t3 - t2:6.2f} s   ({size / (1024 * 1024):.1f} MiB)")
    print(f"total:  {t3 - t0:6.2f} s")
    print(f"peak RSS: {peak_rss_mib():.0f} MiB (before export: {rss_before:.0f} MiB)")
    if heap is not None:
        print(f"peak Python heap (tracemalloc): {heap:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
