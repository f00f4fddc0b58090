"""Template suggestions on real project names the ranking was not tuned on
(benchmarks/data/project_names_heldout.tsv), domain words, and the fit/fallback contract."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from perfdraft import catalogue

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data"


def load_names(split: str) -> list[tuple[str, list[str]]]:
    """``dev``: the names the ranking and aliases were tuned on; ``test``: names written after the
    tuning (the first list seen once while tuning, the fresh list only measured)."""
    files = ["project_names_heldout.tsv", "project_names_fresh.tsv"] if split == "test" else ["project_names.tsv"]
    out = []
    for f in files:
        rows = [line.rstrip("\n").split("\t") for line in (DATA / f).read_text("utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
        out += [(name, [] if exp == "-" else exp.split("|")) for name, exp in rows]
    return out


@pytest.fixture(scope="module")
def cat():
    return catalogue.load()


def score(cat, rows):
    """(top suggestion right, right in top 3, right and marked good, no-fit said rightly) as fractions."""
    pos = [(n, e) for n, e in rows if e]
    neg = [n for n, e in rows if not e]
    top1 = top3 = good = nofit = 0
    for name, expected in pos:
        found = cat.search(name, 3)
        ids = [s.template.id for s in found.suggestions]
        top1 += bool(ids and ids[0] in expected)
        good += bool(found.fits and ids and ids[0] in expected)
        top3 += any(e in ids for e in expected)
    for name in neg:
        found = cat.search(name, 3)
        nofit += (not found.fits) and bool(found.fallbacks)
    return top1 / len(pos), top3 / len(pos), good / len(pos), nofit / len(neg)


def test_the_name_list_is_large_and_labels_are_real_templates(cat):
    rows = load_names("dev") + load_names("test")
    assert len(rows) >= 150 and len(load_names("test")) >= 150
    assert sum(1 for _, e in rows if not e) >= 50
    for _, expected in rows:
        assert all(e in cat.templates for e in expected), expected


def test_held_out_names_meet_the_targets(cat):
    top1, top3, good, nofit = score(cat, load_names("test"))
    assert top1 >= 0.95 and top3 >= 0.98 and nofit >= 0.90, (top1, top3, nofit)
    # A weak mark costs one keystroke (the user picks it); a false "good" costs a wrong template by Enter.
    assert good >= 0.80, good


@pytest.mark.parametrize("query, expected", [
    ("三支一扶", "emp-three-supports"), ("特岗教师", "edu-special-post-teachers"),
    ("新农合", "ms-resident-insurance-subsidy"), ("惠民惠农一卡通", None), ("农业技术培训", "agr-farmer-training"),
    ("两免一补", "edu-boarding-living-allowance"), ("四好农村路", "tr-rural-road-construction"),
    ("雾炮车降尘抑尘服务", "env-air-pollution"),  # a 环卫 project's dust control (湘潭 2023): no template before
])
def test_domain_words_and_abbreviations(cat, query, expected):
    found = cat.search(query, 3)
    if expected:
        assert found.fits and found.suggestions[0].template.id == expected, found.suggestions
    else:
        assert found.suggestions  # 一卡通 is a payment channel: some template is near, none is claimed to fit


def test_weak_matches_are_marked_and_fallbacks_follow_the_name(cat):
    found = cat.search("人才引进奖励资金", 5)
    assert not found.fits and all(s.fit == "weak" for s in found.suggestions)
    assert found.fallbacks[0].template.category == "补贴发放类" and found.fallbacks[0].fit == "common"
    training = cat.search("青年志愿者培训营", 5)
    assert not training.fits and training.fallbacks[0].template.category == "会议培训类"


def test_common_templates_are_whole_starts(cat):
    commons = cat.common_templates()
    assert {t.category for t in commons} >= {"工程建设类", "补贴发放类", "运转保障类", "会议培训类", "信息化建设类", "设备购置类",
                                              "政府购买服务类"}
    for t in commons:
        rows = cat.indicators_for(t, 2025)
        assert sum(r.weight for r in rows) == 100 and len(rows) >= 7


@pytest.mark.slow
def test_pinyin_initials_and_full_pinyin(cat):
    assert cat.search("szyf", 3).suggestions[0].template.id == "emp-three-supports"
    assert "si-urban-rural-pension" in [s.template.id for s in cat.search("cxjmyl", 3).suggestions]
    assert cat.search("gengdidili", 1).suggestions[0].template.id == "agr-cultivated-land-subsidy"


@pytest.mark.slow
def test_pinyin_lists_are_cached_with_the_catalogue_parse(cat, monkeypatch):
    import sys

    catalogue.load().search("cxjmyl", 3)  # builds and stores the lists
    fresh = catalogue.load()
    monkeypatch.setitem(sys.modules, "pypinyin", None)  # a new process would not need pypinyin at all
    assert fresh.search("cxjmyl", 3).suggestions


@pytest.mark.slow
def test_suggestion_p99_under_5_ms(cat):
    queries = [n for n, _ in load_names("dev")][:60] + ["cxjmyl", "yanglao", "gdlbh"]
    for q in queries:
        cat.search(q, 5)
    times = []
    for _ in range(3):
        for q in queries:
            # CPU time of this thread: on a shared 2-core machine wall time measures the scheduler.
            t = time.thread_time()
            cat.search(q, 5)
            times.append(time.thread_time() - t)
    times.sort()
    assert times[int(len(times) * 0.99)] < 0.005


@pytest.mark.parametrize("query", ["123", "a", "sz", "🙂养老", "！！！", "x" * 5000, "城" * 3000, "\x00"])
def test_odd_input_is_never_a_fit_and_never_slow(cat, query):
    # The pinyin lists are built once per catalogue (their cost is bench_catalogue's first-query row);
    # what is timed here is the query itself, so odd input cannot blow up the scan.
    cat.search("py", 1)
    t = time.thread_time()
    found = cat.search(query, 5)
    assert time.thread_time() - t < 0.2
    assert not found.fits and all(s.fit == "weak" for s in found.suggestions)


def test_beside_a_fit_no_template_sharing_a_character_is_offered(cat):
    """雾炮车降尘抑尘服务 fit 大气污染防治 and was offered 政务服务中心运行 (41 points: 服务) beside it."""
    from perfdraft.catalogue_rank import WEAK_BESIDE_A_FIT

    found = cat.search("雾炮车降尘抑尘服务", 4)
    assert found.fits and [s.template.id for s in found.suggestions] == ["env-air-pollution"], found.suggestions
    for query in ("城乡居民基本养老保险", "农村公路日常养护", "河道保洁"):
        found = cat.search(query, 4)
        assert found.fits and all(s.fit == "good" or s.score >= WEAK_BESIDE_A_FIT for s in found.suggestions)
        assert len(found.suggestions) >= 2  # the near ones stay: 河道保洁 keeps 河湖长制 and the like
