"""``perfdraft catalogue search|show|lint``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from . import catalogue, render


def _load(args: argparse.Namespace) -> catalogue.Catalogue:
    extra = [args.catalogue] if getattr(args, "catalogue", None) else None
    cat = catalogue.default(extra)
    for w in cat.warnings:
        print(f"perfdraft: 本单位指标库：{w}（已跳过，内置指标库照常使用）", file=__import__("sys").stderr)
    return cat


def cmd_search(args: argparse.Namespace) -> int:
    cat = _load(args)
    found = cat.search(args.query, limit=args.limit)
    if args.format == "json":
        print(json.dumps({
            "query": args.query, "fits": found.fits,
            "results": [{"id": s.template.id, "name": s.template.name, "sector": s.template.sector,
                         "category": s.template.category, "score": s.score, "fit": s.fit, "reason": s.reason}
                        for s in found.suggestions],
            "fallbacks": [{"id": s.template.id, "name": s.template.name, "category": s.template.category,
                           "category_label": catalogue.category_label(s.template.category), "fit": s.fit,
                           "reason": s.reason} for s in found.fallbacks],
        }, ensure_ascii=False, indent=1))
        return 0
    if not found.suggestions and not found.fallbacks:
        print(f"没有找到与“{args.query}”相近的模板。可换个说法，或用拼音首字母（如 cxjmyl）。")
        return 0
    if not found.fits:
        print(f"指标库中没有适合“{args.query}”的模板" + ("（下面几个只是字面相近，匹配较弱）" if found.suggestions else "") + "。")
    for n, s in enumerate(found.suggestions, 1):
        sector = cat.sectors.get(s.template.sector)
        mark = "" if s.fit == "good" else "  [弱匹配]"
        print(f"{n}. {render.pad(s.template.name, 30)} {s.score:5.1f}  {s.template.id}  "
              f"[{sector.name if sector else s.template.sector}]  {s.reason}{mark}")
    if found.fallbacks:
        print("可从共性模板起步（按项目类别）：")
        for s in found.fallbacks:
            print(f"   {render.pad(s.template.name, 30)} {s.template.id}  {s.reason}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    cat = _load(args)
    t = cat.templates.get(args.id)
    if t is None:
        from rapidfuzz import process

        from .errors import UsageError

        if not args.id.strip():
            raise UsageError("模板编号是空的；用 perfdraft catalogue search 关键词 查到编号后再 show")
        # only a near spelling of an id is offered (nope had been offered adm-property-management)
        near = process.extractOne(args.id, list(cat.templates), score_cutoff=75)
        hint = f"是否指 {near[0]}？" if near else f"用 perfdraft catalogue search {args.id} 按名称查找模板编号"
        raise UsageError(f"没有模板 {args.id}；{hint}")
    sector = cat.sectors.get(t.sector)
    where = "共性（按项目类别）" if t.is_common else (sector.name if sector else t.sector)
    print(f"{t.name}（{t.id}）  行业：{where}  类别：{t.category or '—'}")
    if t.aliases:
        print(f"别名：{'、'.join(t.aliases)}")
    if t.goal_pattern:
        print(f"绩效目标句式：{t.goal_pattern}")
    rows = [[i.level1, i.level2, i.name, i.description, i.typical, "" if i.weight is None else f"{i.weight}",
             i.scoring] for i in t.all_rows]
    print("\n".join(render.grid(["一级指标", "二级指标", "三级指标", "指标描述", "指标值", "权重", "评分标准"], rows,
                                [8, 10, 20, 28, 12, 4, 24])))
    if any(i.needs_figure for i in t.all_rows):
        print("□ 处是需要按本地计划和预算填写的数字；不填写时检查会报错，--strict 导出会被拒绝。")
    if t.framework_rows:
        print("一级为“成本指标”的社会成本、生态环境成本行只用于中央 2021 口径。")
    return 0


def cmd_lint(args: argparse.Namespace) -> int:
    if args.dir:
        d = Path(args.dir)
        from .errors import UsageError

        if d.is_file():
            raise UsageError(f"{d}：是一个文件；lint 检查的是指标库目录（其中的 .toml 文件），如 perfdraft catalogue lint {d.parent}")
        if d.exists() and not d.is_dir():
            raise UsageError(f"{d}：不是目录（设备或管道）；lint 检查的是指标库目录")
        if not d.is_dir():
            raise UsageError(f"{d}：目录不存在")
        if not any(d.rglob("*.toml")):
            raise UsageError(f"{d}：目录中没有 .toml 指标库文件，没有可检查的内容")
        try:
            builtin = d.resolve() == catalogue.builtin_dir().resolve()
            cat = catalogue.load([] if builtin else [d], include_builtin=builtin)
        except catalogue.CatalogueError as exc:
            print(f"perfdraft: {exc}", file=__import__("sys").stderr)
            return 1
    else:
        try:
            cat = catalogue.load()
        except catalogue.CatalogueError as exc:
            print(f"perfdraft: {exc}", file=__import__("sys").stderr)
            return 1
    problems = list(cat.warnings) + catalogue.lint(cat)
    for p in problems:
        print(p)
    s = cat.stats()
    print(f"行业 {s['sectors']} 个，模板 {s['templates']} 个，指标 {s['indicators']} 条（不同指标 {s['distinct_indicators']} 条），"
          f"问题 {len(problems)} 个")
    return 1 if problems else 0
