"""``perfdraft catalogue lint``: every rule of docs/catalogue-format.md, one problem per line."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from . import frameworks
from .catalogue import (
    CATEGORIES,
    OPERATORS,
    PLACEHOLDER,
    SECTOR_IDS,
    WEIGHT_SPLIT,
    Catalogue,
    CatalogueIndicator,
    Template,
)
from .values import ParseError, Qualitative, Quantity, parse, substitute_year, unit_known

UNIT_HINTS = [
    (re.compile(r"满意度|知晓率"), ("%",)),
    (re.compile(r"人次"), ("人次", "万人次")),
    (re.compile(r"人数"), ("人", "万人", "名")),
    (re.compile(r"(率|比例|占比)$"), ("%", "‰", "个百分点")),
    (re.compile(r"面积"), ("亩", "万亩", "公顷", "平方米", "万平方米")),
]
# Units whose figure is a target anyone can reason about (rates, time limits); any other figure is
# sized for one county and must be left as □ for the user (issue: nothing unconfirmed is printed).
RATE_UNITS = {"%", "‰", "个百分点"}
TIME_UNITS = {"个工作日", "工作日", "小时", "天", "分钟", "日", "个月", "月", "年", "周"}
EVENT_UNITS = {"起", "次", "件", "个", "例", "宗", "人", "户"}
PER_UNIT_NAME = re.compile(r"^(单|每)|人均|户均|平均|单价|标准$|场均|单车|单座|单个|单条|单项")
CONSTRUCTION = ("工程建设类", "大型修缮类")


def lint(cat: Catalogue) -> list[str]:
    """Problems in the catalogue data, one line each (file: template: indicator: what)."""
    problems: list[str] = []
    seen_ids: dict[str, str] = {}
    for t in cat.templates.values():
        if t.is_common:
            continue
        where = f"{Path(t.source).name}: {t.id}"
        if t.id in seen_ids and seen_ids[t.id] != t.source:
            problems.append(f"{where}: 编号与 {seen_ids[t.id]} 重复")
        seen_ids[t.id] = t.source
        if t.sector not in SECTOR_IDS:
            problems.append(f"{where}: 行业编号“{t.sector}”不在固定列表中")
        if t.category and t.category not in CATEGORIES:
            problems.append(f"{where}: 项目类别“{t.category}”不在列表中")
        if "示例" in t.goal_pattern or re.search(r"\d{3,}(人|户|所|个|万元)", t.goal_pattern):
            problems.append(f"{where}: 绩效目标句式含示例或具体数量，数量应写成 □ 或 {{占位}}")
        problems += [f"{where}: {p}" for p in lint_rows(cat, t.all_rows, t)]
    for category, rows in cat.common.items():
        if category not in CATEGORIES:
            problems.append(f"common.toml: 类别“{category}”不在列表中")
        problems += [f"common.toml: {category}: {p}" for p in lint_rows(cat, rows, None)]
    return problems


def lint_rows(cat: Catalogue, rows: list[CatalogueIndicator], t: Template | None) -> list[str]:
    """One template's (or one 共性 block's) rows: each row, coverage of the levels, weights."""
    out: list[str] = []
    local = frameworks.LOCAL_2015
    covered = set()
    names = set()
    for ind in rows:
        out += lint_indicator(ind)
        if ind.name in names:
            out.append(f"指标“{ind.name}”重复")
        names.add(ind.name)
        if not ind.framework:
            covered.add(frameworks.canonical_levels(ind.level1, ind.level2, local))
    for need in (("产出", "数量"), ("产出", "质量"), ("产出", "时效"), ("产出", "成本"), ("满意度", "服务对象满意度")):
        if need not in covered:
            out.append(f"缺少 {frameworks.LEVEL1_LABELS[need[0]]}/{frameworks.LEVEL2_LABELS[need[1]]}")
    if not any(l1 == "效益" for l1, _ in covered):
        out.append("缺少效益指标")
    if t is not None and t.category in CONSTRUCTION:
        have = {frameworks.canonical_levels(i.level1, i.level2, frameworks.CENTRAL_2021)[1] for i in rows if i.framework}
        for l2 in ("社会成本", "生态环境成本"):
            if l2 not in have:
                out.append(f"工程类模板缺少中央 2021 口径的{l2}指标（framework = \"central-2021\"）")
    out += _lint_weights(cat, rows)
    return out


def _lint_weights(cat: Catalogue, rows: list[CatalogueIndicator]) -> list[str]:
    missing = [i.name for i in rows if i.weight is None]
    if missing:
        return [f"“{n}” 缺少权重 weight" for n in missing]
    out = []
    local = [i for i in rows if not i.framework]
    by_group: dict[str, Decimal] = {}
    for i in local:
        by_group[i.weight_group()] = by_group.get(i.weight_group(), Decimal(0)) + (i.weight or Decimal(0))
    for group, share in WEIGHT_SPLIT.items():
        got = by_group.get(group, Decimal(0))
        if got != share:
            out.append(f"{group}类指标权重合计 {got}，应为 {share}（产出 50、成本 10、效益 30、满意度 10）")
    central = [i for i in rows if i.applies_to("central-2021")]
    total = sum((w or Decimal(0)) for w in cat.weights(central, "central-2021"))
    if total != 100:
        out.append(f"中央 2021 口径下权重合计 {total}，应为 100")
    return out


def lint_indicator(ind: CatalogueIndicator) -> list[str]:
    out = []
    label = f"“{ind.name}”"
    if ind.framework:
        fw = frameworks.CENTRAL_2021
        l1, l2 = frameworks.canonical_levels(ind.level1, ind.level2, fw)
        if ind.framework != "central-2021":
            out.append(f"{label} 的 framework“{ind.framework}”无效（只能是 central-2021）")
        elif not fw.allows(l1 or "", l2 or "") or l1 != "成本":
            out.append(f"{label} 仅用于中央 2021 口径，层级应为 成本指标/社会成本指标 或 生态环境成本指标")
    else:
        local = frameworks.LOCAL_2015
        l1, l2 = frameworks.canonical_levels(ind.level1, ind.level2, local)
        if not local.allows(l1 or "", l2 or ""):
            out.append(f"{label} 的层级“{ind.level1}/{ind.level2}”不在地方 2015 框架中")
    if ind.central:
        c1, c2 = frameworks.canonical_levels(ind.central["level1"], ind.central["level2"], frameworks.CENTRAL_2021)
        if not frameworks.CENTRAL_2021.allows(c1 or "", c2 or ""):
            out.append(f"{label} 的中央口径层级“{ind.central['level1']}/{ind.central['level2']}”无效")
    if ind.operator and ind.operator not in OPERATORS:
        out.append(f"{label} 的运算符“{ind.operator}”无效")
    if ind.basis and ind.basis not in ("计划标准", "行业标准", "历史标准", "其他标准"):
        out.append(f"{label} 的依据类别“{ind.basis}”无效")
    if "示例" in ind.description:
        out.append(f"{label} 的描述含“示例”：描述写口径，不写示例")
    if "示例" in ind.basis_note or PLACEHOLDER in ind.basis_note or re.search(r"结果\s*\d", ind.basis_note):
        out.append(f"{label} 的依据说明含示例或具体结果（“{ind.basis_note}”）：只写依据来源，数字留给填报人")
    if ind.direction not in ("正向", "反向"):
        out.append(f"{label} 的方向“{ind.direction}”无效")
    if not ind.description.strip() or ind.description.strip() == ind.name:
        out.append(f"{label} 缺少描述（口径）")
    if not ind.scoring.strip():
        out.append(f"{label} 缺少评分标准 scoring")
    if len(ind.name) > 40:
        out.append(f"{label} 名称超过 40 字")
    if not ind.typical:
        out.append(f"{label} 缺少典型值")
        return out
    # □ stands for the user's figure; check the rest of the value with a stand-in number.
    v = parse(substitute_year(ind.typical.replace(PLACEHOLDER, "1"), 2025))
    if isinstance(v, ParseError):
        out.append(f"{label} 的典型值“{ind.typical}”无法解析：{v.message}")
        return out
    if isinstance(v, Quantity):
        out += _lint_quantity(ind, v, label)
    if isinstance(v, Qualitative) and (v.vague or v.scale is None):
        out.append(f"{label} 的定性典型值“{ind.typical}”不是分级值")
    return out


def _lint_quantity(ind: CatalogueIndicator, v: Quantity, label: str) -> list[str]:
    out = []
    if ind.unit and v.unit != ind.unit:
        out.append(f"{label} 的典型值单位“{v.unit}”与 unit“{ind.unit}”不一致")
    if ind.operator and ind.operator != "定性" and v.op != ind.operator:
        out.append(f"{label} 的典型值运算符“{v.op}”与 operator“{ind.operator}”不一致")
    if v.op is None:
        out.append(f"{label} 的典型值缺少运算符")
    if not unit_known(v.unit):
        out.append(f"{label} 的单位“{v.unit}”不在单位表中")
    for pattern, units in UNIT_HINTS:
        if pattern.search(re.sub(r"[（(][^）)]*[）)]", "", ind.name)):
            if v.unit not in units:
                out.append(f"{label} 的单位“{v.unit}”与名称不符（应为 {'/'.join(units)}）")
            break
    if v.unit == "%" and v.number > 100 and not re.search(r"增长|提高|变动", ind.name):
        out.append(f"{label} 的典型值超过 100%")
    zero = PLACEHOLDER not in ind.typical and v.number == 0
    if zero and v.op in ("≤", "<") and v.unit in EVENT_UNITS:
        out.append(f"{label} 的典型值“{ind.typical}”：不能少于 0，应写 =0{v.unit}")
    sized = v.unit not in RATE_UNITS and (ind.level2.startswith("数量") or v.unit not in TIME_UNITS)
    if sized and not zero and PLACEHOLDER not in ind.typical:
        out.append(f"{label} 的典型值“{ind.typical}”是某地的具体数量或金额，应写成 {v.op or '='}{PLACEHOLDER}{v.unit} 由填报人填写")
    if ind.level2.startswith("成本") and v.unit in ("元", "万元") and PER_UNIT_NAME.search(ind.name):
        out.append(f"{label} 是单位成本，单位应带分母（如 元/人、万元/公里）")
    return out
