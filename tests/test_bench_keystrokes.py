"""The keystroke benchmark's driver still drafts the corpus projects (so its figures stay measurable)."""

import importlib.util
import sys

import pytest

from perfdraft import drafts

from .conftest import ROOT

pytestmark = pytest.mark.slow


def _bench():
    spec = importlib.util.spec_from_file_location("bench_keystrokes", ROOT / "benchmarks" / "bench_keystrokes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["corpus-22-xiangtan-2023.toml", "corpus-04-huaibei-2025.toml"])
def test_corpus_project_drafted_from_empty(name):
    bench = _bench()
    target = drafts.load(ROOT / "benchmarks" / "fixtures" / name)
    count, got = bench.draft_from_empty(target)
    assert [i.value for i in got.indicators] and count.keys < 250
    assert got.name == target.projects[0].name and got.budget.total == target.projects[0].budget.total


def test_clone_with_a_changed_budget_ends_with_that_budget():
    bench = _bench()
    last = drafts.load(ROOT / "benchmarks" / "fixtures" / "corpus-22-xiangtan-2023.toml")
    count, draft, notes = bench.clone_changed_budget(last, 2600000)
    b = draft.projects[0].budget
    assert (b.total, b.fiscal, b.other) == (2600000, 2600000, 0), notes
    assert draft.year == 2024 and count.keys < 60
