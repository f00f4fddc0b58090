"""The indicator catalogue: loading (built-in + organisation directories) and the rows it offers.

Data lives in ``catalogue/*.toml`` (format: docs/catalogue-format.md). Figures that only the user
knows (counts sized for one county, local subsidy standards) are stored as placeholders, ``≥□人``:
they reach a draft as □, which the checker flags until the user types the figure. Where a figure
follows from the user's own answers (budget ÷ a per-head standard the user confirmed), ``derive``
offers it and says how. Ranking of templates lives in ``catalogue_rank``, lint in ``catalogue_lint``.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import frameworks, numbers, tomlcache
from .errors import toml_reason
from .model import Basis, Indicator, Project, format_number
from .values import substitute_year

if TYPE_CHECKING:
    from .catalogue_rank import Index, SearchResult

SECTOR_IDS = (
    "social-insurance", "medical-security", "social-assistance", "veterans", "employment", "education",
    "health", "agriculture", "forestry-grassland", "water", "rural-revitalisation", "reserves", "transport",
    "environment", "urban-housing", "culture-tourism-sports", "public-security", "emergency", "science",
    "administration", "it-systems", "grassroots",
)
# 项目类别. The first seven are the 共性 families a county project falls back to when no template fits.
CATEGORIES = ("工程建设类", "补贴发放类", "运转保障类", "会议培训类", "信息化建设类", "设备购置类", "政府购买服务类",
              "运维类", "课题研究类", "宣传类", "物资储备类", "执法办案类", "房租类", "大型修缮类", "考核奖励类",
              "转移支付类", "其他类")
# What users call the families (the names of a 项目类别 list in budget systems differ by province).
CATEGORY_LABELS = {"工程建设类": "基础设施建设类", "补贴发放类": "补助补贴类", "信息化建设类": "信息化类", "会议培训类": "培训会议类"}
OPERATORS = ("≥", "≤", "=", ">", "<", "定性")
PLACEHOLDER = "□"
COMMON_SECTOR = "common"
# Weight split by group (产出 = 数量/质量/时效; 成本 = 产出-成本 or the 2021 成本 一级), documented in
# docs/catalogue-format.md: the 10号 self-evaluation split with 成本 carved out of 产出.
WEIGHT_SPLIT = {"产出": 50, "成本": 10, "效益": 30, "满意度": 10}


class CatalogueError(Exception):
    """A catalogue file is wrong: names the file, line and field."""


@dataclass
class Sector:
    id: str
    name: str
    function_class: str = ""
    scope: str = ""
    source: str = ""


@dataclass
class CatalogueIndicator:
    level1: str
    level2: str
    name: str
    description: str = ""
    unit: str = ""
    operator: str = ""
    typical: str = ""
    basis: str = ""
    basis_note: str = ""
    direction: str = "正向"
    formula: str = ""
    code: str = ""
    central: dict[str, str] | None = None
    weight: Decimal | None = None
    scoring: str = ""
    framework: str = ""  # "" = every framework; "central-2021" = a 社会/生态环境成本 row with no 2015 home

    @property
    def needs_figure(self) -> bool:
        """The value holds □: a figure the user must supply."""
        return PLACEHOLDER in self.typical

    def applies_to(self, framework_id: str) -> bool:
        return not self.framework or self.framework == framework_id

    def weight_group(self) -> str:
        if self.framework or self.level2.startswith("成本") or self.level1.startswith("成本"):
            return "成本"
        for group in ("产出", "效益", "满意度"):
            if self.level1.startswith(group):
                return group
        return "效益" if self.level1.startswith("效果") else "产出"

    def levels_for(self, framework_id: str) -> tuple[str, str]:
        """(一级, 二级) labels in the given framework."""
        if framework_id == "central-2021" and not self.framework:
            if self.central:
                return self.central["level1"], self.central["level2"]
            local = frameworks.LOCAL_2015
            l1, l2 = frameworks.canonical_levels(self.level1, self.level2, local)
            mapped = frameworks.map_levels(l1 or "", l2 or "", "local-2015", "central-2021")
            if mapped:
                return frameworks.LEVEL1_LABELS[mapped[0]], frameworks.LEVEL2_LABELS[mapped[1]]
        return self.level1, self.level2

    def to_indicator(self, year: int | None = None, framework_id: str = "local-2015",
                     weight: Decimal | None = None) -> Indicator:
        l1, l2 = self.levels_for(framework_id)
        ind = Indicator(
            level1=l1, level2=l2, name=self.name, description=self.description or None,
            value=substitute_year(self.typical, year) if self.typical else None,
            basis=Basis(self.basis or None, self.basis_note or None) if (self.basis or self.basis_note) else None,
            formula=self.formula or None, direction=self.direction or None,
            weight=weight if weight is not None else self.weight, scoring=self.scoring or None,
        )
        return ind


@dataclass
class Template:
    id: str
    name: str
    sector: str
    aliases: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    category: str = ""
    goal_pattern: str = ""
    indicators: list[CatalogueIndicator] = field(default_factory=list)
    source: str = ""
    # Rows that exist in one framework only (社会成本 / 生态环境成本 of the 2021 framework): kept out of
    # ``indicators`` so that code reading a template's rows never meets a level its framework lacks.
    framework_rows: list[CatalogueIndicator] = field(default_factory=list)

    @property
    def all_rows(self) -> list[CatalogueIndicator]:
        return self.indicators + self.framework_rows

    @property
    def is_common(self) -> bool:
        return self.sector == COMMON_SECTOR


@dataclass
class Suggestion:
    template: Template
    score: float
    reason: str
    fit: str = "good"  # "good" | "weak" | "common" (a 共性 template offered because nothing fits)


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category)


def common_template_id(category: str) -> str:
    return f"common-{CATEGORIES.index(category) + 1:02d}" if category in CATEGORIES else f"common-{category}"


@dataclass
class Catalogue:
    sectors: dict[str, Sector] = field(default_factory=dict)
    templates: dict[str, Template] = field(default_factory=dict)
    common: dict[str, list[CatalogueIndicator]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    _index: Index | None = None

    # --- suggestions ---------------------------------------------------------------------

    def index(self) -> Index:
        if self._index is None:
            from .catalogue_rank import Index

            self._index = Index([t for t in self.templates.values() if not t.is_common])
        return self._index

    def search(self, project_name: str, limit: int = 5) -> SearchResult:
        """Ranked templates, each marked good or weak; 共性 templates by 项目类别 when none is good."""
        return self.index().search(project_name, limit, self)

    def suggest_templates(self, project_name: str, limit: int = 5) -> list[Suggestion]:
        return self.search(project_name, limit).suggestions

    def common_templates(self) -> list[Template]:
        return [t for t in self.templates.values() if t.is_common]

    def weights(self, rows: list[CatalogueIndicator], framework_id: str) -> list[Decimal | None]:
        """Row weights in one framework: declared weights, the 成本 group rescaled to its share when
        2021-only cost rows join it (docs/catalogue-format.md). None when the rows carry no weights."""
        if not rows or any(r.weight is None for r in rows):
            return [None] * len(rows)
        out: list[Decimal | None] = [r.weight for r in rows]
        cost = [i for i, r in enumerate(rows) if r.weight_group() == "成本"]
        declared = sum((rows[i].weight or Decimal(0)) for i in cost)
        share = Decimal(WEIGHT_SPLIT["成本"])
        if cost and declared and declared != share:
            scaled = [(rows[i].weight or Decimal(0)) * share / declared for i in cost]
            rounded = [s.quantize(Decimal(1)) for s in scaled]
            rounded[0] += share - sum(rounded)  # whole points that add up to the share
            for i, w in zip(cost, rounded, strict=True):
                out[i] = w
        return out

    def indicators_for(self, template: Template, year: int | None = None, framework_id: str = "local-2015",
                       include_common: bool = True) -> list[Indicator]:
        """Ready rows for a project: the template's own, then 共性 rows of its category not already there
        (those carry no weight: the template's own rows already share the 100 points)."""
        own = [ci for ci in template.all_rows if ci.applies_to(framework_id)]
        rows = [ci.to_indicator(year, framework_id, w) for ci, w in zip(own, self.weights(own, framework_id), strict=True)]
        if include_common and not template.is_common and template.category in self.common:
            names = {r.name for r in rows}
            for ci in self.common[template.category]:
                if ci.name not in names and ci.applies_to(framework_id):
                    ind = ci.to_indicator(year, framework_id)
                    ind.weight = None
                    rows.append(ind)
        return rows

    def entry(self, template: Template, name: str, framework_id: str = "local-2015") -> CatalogueIndicator | None:
        """The catalogue row of that name as it stands in one framework (its weight rescaled there),
        for front-ends that suggest a row's 权重 and 评分标准 one column at a time."""
        own = [ci for ci in template.all_rows if ci.applies_to(framework_id)]
        for ci, w in zip(own, self.weights(own, framework_id), strict=True):
            if ci.name == name:
                return dataclasses.replace(ci, weight=w)
        return None

    def suggest_indicators(self, template: Template, level1: str | None = None, level2: str | None = None,
                           year: int | None = None, framework_id: str = "local-2015") -> list[Indicator]:
        fw = frameworks.get(framework_id)
        want1, want2 = frameworks.canonical_levels(level1, level2, fw)
        out = []
        for ind in self.indicators_for(template, year, framework_id):
            k1, k2 = frameworks.canonical_levels(ind.level1, ind.level2, fw)
            if (want1 is None or k1 == want1) and (want2 is None or k2 == want2):
                out.append(ind)
        return out

    def stats(self) -> dict[str, int]:
        sector_templates = [t for t in self.templates.values() if not t.is_common]
        distinct = {(i.level2, i.name) for t in sector_templates for i in t.all_rows}
        distinct |= {(i.level2, i.name) for rows in self.common.values() for i in rows}
        return {
            "sectors": len({t.sector for t in sector_templates}),
            "templates": len(sector_templates),
            "common_templates": len(self.common),
            "indicators": sum(len(t.all_rows) for t in sector_templates) + sum(len(r) for r in self.common.values()),
            "distinct_indicators": len(distinct),
        }


# --- figures from the user's own answers -----------------------------------------------------------

_GOAL_VERBS = re.compile(r"(不低于|不少于|达到|保持在|稳定在|控制在|不超过|不高于|低于|提高到|以上|以内|为)$")


def goal_figures(template: Template) -> dict[str, str]:
    """Figures for a goal pattern's slots, each from the row the sentence names (``受训农民考核合格率
    不低于{rate}`` ← row 受训农民考核合格率 ≥95%). A slot whose row is not found, or holds □, stays
    blank: a figure from some other row would be printed under the wrong name."""
    out: dict[str, str] = {}
    for m in re.finditer(r"([^，,。；;、{}]{2,24})\{(\w+)\}", template.goal_pattern):
        term, slot = m.group(1).strip(), m.group(2)
        while (shorter := _GOAL_VERBS.sub("", term)) != term:
            term = shorter
        if len(term) < 3 or slot in out or slot in ("year", "budget", "budget_wan"):
            continue
        for ind in template.indicators:
            name = re.sub(r"[（(][^）)]*[）)]", "", ind.name)
            if ind.needs_figure or ind.operator == "定性" or "{" in ind.typical:
                continue
            if name in term or term in name:
                value = re.sub(r"^较上年(提高|增加|增长|减少|下降)", "", ind.typical)
                out[slot] = re.sub(r"^[≥≤=<>]", "", value)
                break
    return out


_VALUE = re.compile(r"^([≥≤=<>])?\s*(\d+(?:\.\d+)?)\s*(\S*)$")
_MONEY = {u: numbers.MONEY_FACTORS[u] for u in ("元", "万元")}
_PER_PERIOD = {"月": 12}
_SAME_COUNT = {"生": "人", "名": "人", "人": "人"}  # 元/生·年 is per pupil: a count in 人 or 名 divides it


def fill_placeholder(pattern: str, text: str) -> str | None:
    """``≥□人`` + ``300`` → ``≥300人``: a bare number typed for a placeholder fills it."""
    t = numbers.plain(text)
    if PLACEHOLDER in pattern and re.fullmatch(r"\d+(?:\.\d+)?", t):
        return pattern.replace(PLACEHOLDER, t, 1)
    return None


_GENERIC_PAIRS = frozenset({"标准", "面积", "数量", "人数", "金额", "资金", "项目", "指标"})


def _same_object(name: str | None, other: str | None) -> bool:
    """Whether a count's row and a standard's row speak of the same thing (新建高标准农田面积 ~ 高标准农田亩均
    财政投入): a pair of characters in common that says more than 标准 or 面积. 高效节水灌溉面积 is another
    thing: the budget ÷ the farmland's standard is not its area. (A standard from a count is not held to it:
    学员人均培训补助 from 高素质农民培育人数 is the same people, named otherwise.)"""
    if not name or not other:
        return True  # nothing to compare: as before
    pairs = {name[i:i + 2] for i in range(len(name) - 1)} - _GENERIC_PAIRS
    return any(other[i:i + 2] in pairs for i in range(len(other) - 1))


def derive(value: str | None, project: Project, name: str | None = None) -> tuple[str, str] | None:
    """A figure for a placeholder value from the user's own answers: (value, how it was derived).

    Two cases, both budget-based: a per-unit standard ``=□元/人·年`` from a count the user gave in
    another row (``≥300人``): budget ÷ count; a count ``≥□人`` from a per-unit standard the user gave
    (``=1000元/人·年``): budget ÷ standard. Per-month standards are multiplied by 12 months.
    """
    if not value or PLACEHOLDER not in value or project.budget.total is None or project.budget.total <= 0:
        return None
    m = re.fullmatch(r"([≥≤=<>])□(\S+)", value.strip())
    if not m:
        return None
    op, unit = m.groups()
    budget = project.budget.total
    head, _, per = unit.partition("/")
    facts = []
    for ind in project.indicators:
        fm = _VALUE.match((ind.value or "").strip())
        number = numbers.read_decimal(fm.group(2)) if fm and PLACEHOLDER not in (ind.value or "") else None
        if fm and number is not None:
            facts.append((ind, number, fm.group(3)))
    if head in _MONEY and per:  # a per-unit standard from a count
        if any(u.partition("/")[0] in _MONEY and u.partition("/")[2] for _, _, u in facts):
            # a standard is already set (县道 =4000元/公里·年): the budget is shared between them, and the
            # same quotient for the next (村道) was a duplicate (PD315) and twice the budget (PD311)
            return None
        denom, _, period = per.partition("·")
        months = _PER_PERIOD.get(period, 1)
        for ind, number, u in facts:
            scale = _scale(u, denom)
            if scale is not None and number > 0:
                figure = budget / (number * scale * months) / _MONEY[head]
                how = f"预算数 {format_number(budget)}元 ÷ {ind.name} {format_number(number)}{u}" + (" ÷ 12个月" if months > 1 else "")
                return f"{op}{_round(figure)}{unit}", how
        return None
    for ind, number, u in facts:  # a count from a per-unit standard
        uh, _, uper = u.partition("/")
        per_unit = uper.partition("·")[0]
        scale = _scale(unit, per_unit)
        if uh in _MONEY and scale is not None and number > 0 and _same_object(name, ind.name):
            months = _PER_PERIOD.get(uper.partition("·")[2], 1)
            figure = budget / (number * _MONEY[uh] * months)
            how = f"预算数 {format_number(budget)}元 ÷ {ind.name} {format_number(number)}{u}" + (" ÷ 12个月" if months > 1 else "")
            if scale == 1:  # whole people, pupils, acres
                return f"{op}{format_number(figure.to_integral_value(rounding='ROUND_FLOOR'))}{unit}", how
            return f"{op}{_round(figure / scale)}{unit}", how
    return None


_MAGNITUDES = {"万": Decimal(10000), "千": Decimal(1000)}


def _scale(unit: str, base: str) -> Decimal | None:
    """How many ``base`` one ``unit`` is: 1 for the same count (人, 名 and 生 alike), 10,000 for 万亩
    against 亩; None when they count different things."""
    if _SAME_COUNT.get(unit, unit) == _SAME_COUNT.get(base, base):
        return Decimal(1)
    rest = unit[1:]
    if unit[:1] in _MAGNITUDES and rest and _SAME_COUNT.get(rest, rest) == _SAME_COUNT.get(base, base):
        return _MAGNITUDES[unit[:1]]
    return None


def _round(x: Decimal) -> str:
    q = x.quantize(Decimal("0.01")) if x < 100 else x.quantize(Decimal(1))
    return format_number(q.normalize())  # 0.50万亩 → 0.5万亩; 600 stays 600 (format_number writes it plainly)


# --- loading ---------------------------------------------------------------------------------


def builtin_dir() -> Path:
    """The shipped catalogue: catalogue/ in a checkout, perfdraft/catalogue_data when installed."""
    package = Path(__file__).resolve().parent
    checkout = package.parent / "catalogue"
    if checkout.is_dir() and (package.parent / "pyproject.toml").is_file():
        return checkout
    return package / "catalogue_data"


def _line_of(text: str, needle: str, start_line: int = 1) -> int:
    lines = text.splitlines()
    for i in range(max(0, start_line - 1), len(lines)):
        if needle in lines[i]:
            return i + 1
    return start_line


class _FileReader:
    """Reads one catalogue file into the model, raising CatalogueError with file, line and field."""

    def __init__(self, path: Path, trusted: bool = False):
        self.path = path
        self.text = path.read_text("utf-8")
        # The shipped files are linted by the test suite: their rows skip the per-field checks.
        self.trusted = trusted

    def error(self, message: str, needle: str | None = None, after: int = 1) -> CatalogueError:
        line = _line_of(self.text, needle, after) if needle else after
        return CatalogueError(f"{self.path}:{line}: {message}")

    def load(self) -> dict[str, Any]:
        try:
            return tomlcache.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            what, where = toml_reason(exc)
            m = re.search(r"line (\d+)", str(exc))
            raise CatalogueError(f"{self.path}:{m.group(1) if m else 1}: TOML 格式错误（{what}"
                                 f"{'，' + where if where else ''}）") from None
        except RecursionError:  # x = [[[[…]]]] a few thousand deep
            raise CatalogueError(f"{self.path}:1: 数组或表嵌套过深，不是指标库文件") from None

    def table(self, value: Any, where: str, anchor: str, example: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.error(f"{where} 应为表（例如 {example}），实际是{_kind(value)}", anchor)
        return value

    def tables(self, value: Any, where: str, anchor: str, example: str) -> list[dict[str, Any]]:
        if not isinstance(value, list):
            raise self.error(f"{where} 应为表数组（写成 {example}），实际是{_kind(value)}", anchor)
        return [self.table(v, f"{where}[{i}]", anchor, example) for i, v in enumerate(value)]

    def string(self, table: dict[str, Any], key: str, where: str, anchor: str, required: bool = True) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            raise self.error(f"{where} 字段 {key} 应为文本", f"{key} =", _line_of(self.text, anchor))
        if required and not value.strip():
            raise self.error(f"{where} 缺少字段 {key}", anchor)
        return value

    def indicator(self, t: Any, where: str, anchor: str) -> CatalogueIndicator:
        if self.trusted and isinstance(t, dict):
            row = dict(t)
            if "weight" in row:
                w = row["weight"]
                row["weight"] = Decimal(w if isinstance(w, int) else str(w))
            if not row.get("direction"):
                row["direction"] = "正向"
            return CatalogueIndicator(**row)
        if not isinstance(t, dict):
            raise self.error(f"{where} 应为表", anchor)
        # One pass over the row (2,700 rows load on every start): checks first, then plain reads.
        name_anchor: str = t["name"] if isinstance(t.get("name"), str) else anchor
        for key in _ROW_TEXT:
            if key in t and not isinstance(t[key], str):
                raise self.error(f"{where} 字段 {key} 应为文本", f"{key} =", _line_of(self.text, name_anchor))
        for key in ("level1", "level2", "name"):
            if not t.get(key, "").strip():
                raise self.error(f"{where} 缺少字段 {key}", name_anchor)
        central = t.get("central")
        if central is not None and not (isinstance(central, dict) and {"level1", "level2"} <= central.keys()):
            raise self.error(f"{where} 字段 central 应为 {{ level1 = …, level2 = … }}", "central", _line_of(self.text, anchor))
        weight = t.get("weight")
        if weight is not None and (isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0):
            raise self.error(f"{where} 字段 weight 应为不小于 0 的数字（权重分值）", "weight =", _line_of(self.text, name_anchor))
        g = t.get
        return CatalogueIndicator(
            t["level1"], t["level2"], t["name"], g("description", ""), g("unit", ""), g("operator", ""), g("typical", ""),
            g("basis", ""), g("basis_note", ""), g("direction", "") or "正向", g("formula", ""), g("code", ""), central,
            None if weight is None else Decimal(weight if isinstance(weight, int) else str(weight)),
            g("scoring", ""), g("framework", ""),
        )


_ROW_TEXT = ("level1", "level2", "name", "description", "unit", "operator", "typical", "basis", "basis_note",
             "direction", "formula", "code", "scoring", "framework")


def _kind(value: Any) -> str:
    return {str: "文本", int: "数字", float: "数字", bool: "真假值", list: "数组", dict: "表"}.get(type(value), "其他值")


def load_file(path: Path, cat: Catalogue, trusted: bool = False) -> None:
    r = _FileReader(path, trusted)
    data = r.load()
    if "common" in data:
        for i, block in enumerate(r.tables(data["common"], "common", "common", "[[common]]")):
            category = r.string(block, "category", f"common[{i}]", "[[common]]")
            rows = [r.indicator(t, f"common[{i}].indicators[{j}]", category)
                    for j, t in enumerate(r.tables(block.get("indicators", []), f"common[{i}].indicators", category,
                                                   "[[common.indicators]]"))]
            cat.common[category] = rows
            tid = common_template_id(category)
            cat.templates[tid] = Template(id=tid, name=f"{category_label(category)}共性指标", sector=COMMON_SECTOR,
                                          category=category, indicators=rows, source=str(path))
        return
    sec = r.table(data.get("sector"), "[sector]", "[sector]", '[sector] id = "…" name = "…"') if "sector" in data else None
    if sec is None:
        raise r.error("缺少 [sector] 表（行业文件）或 [[common]] 表（共性指标文件）", "[sector]")
    sector = Sector(
        id=r.string(sec, "id", "[sector]", "[sector]"), name=r.string(sec, "name", "[sector]", "[sector]"),
        function_class=r.string(sec, "function_class", "[sector]", "[sector]", False),
        scope=r.string(sec, "scope", "[sector]", "[sector]", False), source=str(path),
    )
    cat.sectors[sector.id] = sector
    templates = data.get("templates", [])
    if not isinstance(templates, list):
        raise r.error("templates 应为表数组 [[templates]]", "templates")
    for i, t in enumerate(templates):
        if not isinstance(t, dict):
            raise r.error(f"templates[{i}] 应为表", "[[templates]]")
        tid = r.string(t, "id", f"templates[{i}]", "[[templates]]")
        anchor = f'"{tid}"'
        lists = {}
        for key in ("aliases", "keywords"):
            v = t.get(key, [])
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                raise r.error(f"模板 {tid} 的 {key} 应为文本列表", f"{key}", _line_of(r.text, anchor))
            lists[key] = v
        inds = t.get("indicators", [])
        if not isinstance(inds, list):
            raise r.error(f"模板 {tid} 的 indicators 应为表数组", anchor)
        rows = [r.indicator(x, f"模板 {tid} indicators[{j}]", anchor) for j, x in enumerate(inds)]
        cat.templates[tid] = Template(
            id=tid, name=r.string(t, "name", f"模板 {tid}", anchor), sector=sector.id,
            aliases=lists["aliases"], keywords=lists["keywords"],
            category=r.string(t, "category", f"模板 {tid}", anchor, False),
            goal_pattern=r.string(t, "goal_pattern", f"模板 {tid}", anchor, False),
            indicators=[x for x in rows if not x.framework], framework_rows=[x for x in rows if x.framework],
            source=str(path),
        )


def load(extra_dirs: list[Path | str] | None = None, *, include_builtin: bool = True) -> Catalogue:
    """The built-in catalogue with organisation directories merged over it (same id overrides).

    A bad file in an organisation directory is reported in ``warnings`` and skipped: the built-in
    catalogue still loads. A bad built-in file raises (it is a bug in perfdraft).
    """
    cat = Catalogue()
    if include_builtin:
        for path in sorted(builtin_dir().glob("*.toml")):
            load_file(path, cat, trusted=True)
    for d in extra_dirs or []:
        d = Path(d)
        if not d.is_dir():
            cat.warnings.append(f"{d}：本单位指标库目录不存在，已忽略")
            continue
        for path in sorted(x for x in d.glob("*.toml") if x.is_file()):  # (a FIFO blocked)
            # A half-read file must not leave half its templates behind: read into a scratch copy.
            scratch = Catalogue(dict(cat.sectors), dict(cat.templates), dict(cat.common))
            try:
                load_file(path, scratch)
            except UnicodeDecodeError:  # its English text named neither the file nor the fix
                cat.warnings.append(f"{path}：不是 UTF-8 编码的文本，已跳过；请用编辑器另存为 UTF-8 后再放入指标库")
                continue
            except (CatalogueError, OSError) as exc:
                cat.warnings.append(str(exc))
                continue
            except (TypeError, ValueError, AttributeError, KeyError) as exc:  # a shape lint would name
                cat.warnings.append(f"{path}: 文件结构不符合指标库格式（{type(exc).__name__}），"
                                    "请用 perfdraft catalogue lint 检查")
                continue
            cat.sectors, cat.templates, cat.common = scratch.sectors, scratch.templates, scratch.common
    return cat


_DEFAULT: Catalogue | None = None


def default(extra_dirs: list[Path | str] | None = None) -> Catalogue:
    """The process-wide catalogue (built once; organisation dirs from config are merged in)."""
    global _DEFAULT
    if _DEFAULT is None or extra_dirs:
        from . import locations

        dirs: list[Path | str] = list(extra_dirs or [])
        user = locations.user_catalogue_dir()
        if user.is_dir():
            dirs.insert(0, user)
        cat = load(dirs)
        if extra_dirs:
            return cat
        _DEFAULT = cat
    return _DEFAULT


def lint(cat: Catalogue) -> list[str]:
    from .catalogue_lint import lint as _lint

    return _lint(cat)
