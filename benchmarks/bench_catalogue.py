"""Catalogue load time and suggestion latency (p50/p99), on the real catalogue and a synthetic one
of 100,000 indicators. Targets (design.md): < 5 ms p99 real, < 50 ms p99 synthetic."""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time

from perfdraft import catalogue
from perfdraft.catalogue import Catalogue, CatalogueIndicator, Template

QUERIES = ["城乡居民基本养老保险资金", "冀财社【2019】74号城乡居民基本养老保险资金", "企业退休人员遗属补助资金", "失地农民养老保险及风险基金",
           "农村公路养护", "2021年送戏下乡经费", "高标准农田建设项目", "雪亮工程运维", "cxjmyl", "yanglao", "村干部报酬",
           "义务教育公用经费补助", "基本公共卫生服务补助资金", "森林防火专项", "饮水安全工程", "机关物业管理费"]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))]


def measure(cat: Catalogue, queries: list[str], rounds: int) -> tuple[float, float]:
    cat.suggest_templates("预热", 5)
    cat.suggest_templates("yanglao", 5)
    times = []
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            cat.suggest_templates(q, 5)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), pct(times, 0.99)


def synthetic(n_indicators: int = 100_000, per_template: int = 10) -> Catalogue:
    real = catalogue.load()
    rng = random.Random(7)
    words = sorted({ch for t in real.templates.values() for ch in t.name + "".join(t.aliases)})
    base = [t for t in real.templates.values()]
    cat = Catalogue(sectors=real.sectors)
    for n in range(n_indicators // per_template):
        src = base[n % len(base)]
        noise = "".join(rng.choice(words) for _ in range(rng.randint(2, 5)))
        tid = f"syn-{n}"
        cat.templates[tid] = Template(
            id=tid, name=f"{noise}{src.name}", sector=src.sector, aliases=[f"{a}{noise}" for a in src.aliases[:2]],
            indicators=[CatalogueIndicator("产出指标", "数量指标", f"{noise}指标{k}") for k in range(per_template)])
    return cat


def timed_load() -> tuple[catalogue.Catalogue, float]:
    t = time.perf_counter()
    cat = catalogue.load()
    return cat, (time.perf_counter() - t) * 1000


def main() -> None:
    # First load parses the TOML (an empty cache: a user's first run); the second reads tomlcache.
    os.environ["PERFDRAFT_CACHE_DIR"] = tempfile.mkdtemp(prefix="perfdraft-bench-cache-")
    _, cold_ms = timed_load()
    real, load_ms = timed_load()
    shutil.rmtree(os.environ["PERFDRAFT_CACHE_DIR"])
    t = time.perf_counter()
    real.index()
    index_ms = (time.perf_counter() - t) * 1000
    p50, p99 = measure(real, QUERIES, 30)
    s = real.stats()
    print(f"catalogue: {s['templates']} templates, {s['indicators']} indicators; load {cold_ms:.1f} ms "
          f"(first run) / {load_ms:.1f} ms (cached parse), index {index_ms:.1f} ms")
    print(f"suggest (real catalogue): p50 {p50:.2f} ms, p99 {p99:.2f} ms  (target p99 < 5 ms)")
    syn = synthetic()
    t = time.perf_counter()
    syn.index()
    syn_index_ms = (time.perf_counter() - t) * 1000
    p50, p99 = measure(syn, QUERIES, 5)
    print(f"suggest (synthetic {sum(len(x.indicators) for x in syn.templates.values())} indicators, {len(syn.templates)} templates): "
          f"p50 {p50:.2f} ms, p99 {p99:.2f} ms, index {syn_index_ms:.0f} ms  (target p99 < 50 ms)")


if __name__ == "__main__":
    main()
