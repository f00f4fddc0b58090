"""Load: concurrent line-mode sessions on their own drafts, fed through pipes with small delays like
users typing. Every session finishes with the right draft; the per-answer latency (answer written →
next question seen) and each session's peak RSS are printed. CI runs 10; the benchmark 50."""

from __future__ import annotations

import json

import pytest

from .harness import load_summary, run_load


@pytest.mark.slow
def test_ten_concurrent_sessions_all_finish(tmp_path):
    results = run_load(tmp_path, 10, think=(0.01, 0.04), seed=3)
    s = load_summary(results)
    print(json.dumps(s, ensure_ascii=False))
    assert all(r.ok for r in results), [r.problem for r in results if not r.ok]
    assert s["finished"] == 10 and s["answers"] == 10 * 59
    assert s["latency p99 ms"] < 2000  # 2 cores, 10 sessions: far below; a hang would show here
    assert 0 < s["peak RSS per session MiB (mean / max)"][1] < 300
