"""The indicator catalogue: loading (built-in + organisation directories), lint, and suggestions.

Data lives in ``catalogue/*.toml`` (format: docs/catalogue-format.md). ``suggest_templates``
normalises a project name (文号, years, brackets, suffixes), expands abbreviations (社保 →
社会保险), and ranks templates with rapidfuzz over names, aliases and keywords; ASCII input is
matched against full pinyin and initials. rapidfuzz and pypinyin are imported on first use.
"""

from __future__ import annotations

import heapq
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import frameworks, tomlcache
from .model import Basis, Indicator
from .names import normalise
from .values import ParseError, Qualitative, Quantity, parse, substitute_year

SECTOR_IDS = (
    "social-insurance", "medical-security", "social-assistance", "veterans", "employment", "education",
    "health", "agriculture", "forestry-grassland", "water", "rural-revitalisation", "reserves", "transport",
    "environment", "urban-housing", "culture-tourism-sports", "public-security", "emergency", "science",
    "administration", "it-systems", "grassroots",
)
CATEGORIES = ("补贴发放类", "工程建设类", "运维类", "会议培训类", "课题研究类", "设备购置类", "信息化建设类", "宣传类",
              "物资储备类", "执法办案类", "房租类", "大型修缮类", "考核奖励类", "转移支付类", "其他类")
OPERATORS = ("≥", "≤", "=", ">", "<", "定性")
# Abbreviations edit distance cannot know.
SYNONYMS = {
    "社保": "社会保险", "医保": "医疗保险", "城乡居保": "城乡居民养老保险", "居保": "居民养老保险", "新农保": "城乡居民养老保险",
    "失地农民": "被征地农民", "低保": "最低生活保障", "特困": "特困人员供养", "五保": "特困人员供养", "公卫": "公共卫生",
    "计生": "计划生育", "义教": "义务教育", "农村公路": "农村公路", "雪亮": "视频监控", "高标农田": "高标准农田",
    "退役": "退役军人", "优抚": "优抚对象", "双拥": "拥军优属", "残联": "残疾人", "文旅": "文化旅游", "人社": "人力资源和社会保障",
    "村两委": "村干部", "网格": "网格员", "一卡通": "惠民惠农财政补贴",
}


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

    def levels_for(self, framework_id: str) -> tuple[str, str]:
        """(一级, 二级) labels in the given framework."""
        if framework_id == "central-2021":
            if self.central:
                return self.central["level1"], self.central["level2"]
            local = frameworks.LOCAL_2015
            l1, l2 = frameworks.canonical_levels(self.level1, self.level2, local)
            mapped = frameworks.map_levels(l1 or "", l2 or "", "local-2015", "central-2021")
            if mapped:
                return frameworks.LEVEL1_LABELS[mapped[0]], frameworks.LEVEL2_LABELS[mapped[1]]
        return self.level1, self.level2

    def to_indicator(self, year: int | None = None, framework_id: str = "local-2015") -> Indicator:
        l1, l2 = self.levels_for(framework_id)
        return Indicator(
            level1=l1, level2=l2, name=self.name, description=self.description or None,
            value=substitute_year(self.typical, year) if self.typical else None,
            basis=Basis(self.basis or None, self.basis_note or None) if (self.basis or self.basis_note) else None,
            formula=self.formula or None, direction=self.direction or None,
        )


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


@dataclass
class Suggestion:
    template: Template
    score: float
    reason: str


@dataclass
class Catalogue:
    sectors: dict[str, Sector] = field(default_factory=dict)
    templates: dict[str, Template] = field(default_factory=dict)
    common: dict[str, list[CatalogueIndicator]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    _index: _Index | None = None

    # --- suggestions ---------------------------------------------------------------------

    def index(self) -> _Index:
        if self._index is None:
            self._index = _Index(list(self.templates.values()))
        return self._index

    def suggest_templates(self, project_name: str, limit: int = 5) -> list[Suggestion]:
        return self.index().search(project_name, limit)

    def indicators_for(self, template: Template, year: int | None = None, framework_id: str = "local-2015",
                       include_common: bool = True) -> list[Indicator]:
        """Ready rows for a project: the template's own, then 共性 rows of its category not already there."""
        rows = [ci.to_indicator(year, framework_id) for ci in template.indicators]
        if include_common and template.category in self.common:
            names = {r.name for r in rows}
            for ci in self.common[template.category]:
                if ci.name not in names:
                    rows.append(ci.to_indicator(year, framework_id))
        return rows

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
        distinct = {(i.level2, i.name) for t in self.templates.values() for i in t.indicators}
        distinct |= {(i.level2, i.name) for rows in self.common.values() for i in rows}
        return {
            "sectors": len({t.sector for t in self.templates.values()}),
            "templates": len(self.templates),
            "indicators": sum(len(t.indicators) for t in self.templates.values())
            + sum(len(r) for r in self.common.values()),
            "distinct_indicators": len(distinct),
        }


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

    def __init__(self, path: Path):
        self.path = path
        self.text = path.read_text("utf-8")

    def error(self, message: str, needle: str | None = None, after: int = 1) -> CatalogueError:
        line = _line_of(self.text, needle, after) if needle else after
        return CatalogueError(f"{self.path}:{line}: {message}")

    def load(self) -> dict[str, Any]:
        try:
            return tomlcache.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r"line (\d+), column (\d+)", str(exc))
            where = f"{m.group(1)}" if m else "?"
            raise CatalogueError(f"{self.path}:{where}: TOML 格式错误（{exc}）") from None

    def string(self, table: dict[str, Any], key: str, where: str, anchor: str, required: bool = True) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            raise self.error(f"{where} 字段 {key} 应为文本", f"{key} =", _line_of(self.text, anchor))
        if required and not value.strip():
            raise self.error(f"{where} 缺少字段 {key}", anchor)
        return value

    def indicator(self, t: dict[str, Any], where: str, anchor: str) -> CatalogueIndicator:
        if not isinstance(t, dict):
            raise self.error(f"{where} 应为表", anchor)
        s = lambda k, req=False: self.string(t, k, where, t.get("name", anchor) if isinstance(t.get("name"), str) else anchor, req)  # noqa: E731
        central = t.get("central")
        if central is not None and not (isinstance(central, dict) and {"level1", "level2"} <= central.keys()):
            raise self.error(f"{where} 字段 central 应为 {{ level1 = …, level2 = … }}", "central", _line_of(self.text, anchor))
        return CatalogueIndicator(
            level1=s("level1", True), level2=s("level2", True), name=s("name", True), description=s("description"),
            unit=s("unit"), operator=s("operator"), typical=s("typical"), basis=s("basis"), basis_note=s("basis_note"),
            direction=s("direction") or "正向", formula=s("formula"), code=s("code"), central=central,
        )


def load_file(path: Path, cat: Catalogue) -> None:
    r = _FileReader(path)
    data = r.load()
    if "common" in data:
        for i, block in enumerate(data.get("common", [])):
            category = r.string(block, "category", f"common[{i}]", "[[common]]")
            rows = [r.indicator(t, f"common[{i}].indicators[{j}]", category)
                    for j, t in enumerate(block.get("indicators", []))]
            cat.common[category] = rows
        return
    sec = data.get("sector")
    if not isinstance(sec, dict):
        raise r.error("缺少 [sector] 表", "[sector]")
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
        cat.templates[tid] = Template(
            id=tid, name=r.string(t, "name", f"模板 {tid}", anchor), sector=sector.id,
            aliases=lists["aliases"], keywords=lists["keywords"],
            category=r.string(t, "category", f"模板 {tid}", anchor, False),
            goal_pattern=r.string(t, "goal_pattern", f"模板 {tid}", anchor, False),
            indicators=[r.indicator(x, f"模板 {tid} indicators[{j}]", anchor) for j, x in enumerate(inds)],
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
            load_file(path, cat)
    for d in extra_dirs or []:
        d = Path(d)
        if not d.is_dir():
            cat.warnings.append(f"{d}：本单位指标库目录不存在，已忽略")
            continue
        for path in sorted(d.glob("*.toml")):
            try:
                load_file(path, cat)
            except (CatalogueError, OSError, UnicodeDecodeError) as exc:
                cat.warnings.append(str(exc))
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


# --- the search index ----------------------------------------------------------------------------


@dataclass
class _Key:
    text: str
    template: int
    kind: str  # 名称 / 别名 / 关键词


class _Index:
    """Keys (names, aliases, keywords) in flat lists for rapidfuzz; pinyin built on first ASCII query."""

    def __init__(self, templates: list[Template]):
        self.templates = templates
        self.keys: list[_Key] = []
        for i, t in enumerate(templates):
            seen = set()
            for kind, words in (("名称", [t.name]), ("别名", t.aliases), ("关键词", t.keywords)):
                for w in words:
                    n = normalise(w) if kind != "关键词" else w
                    if n and n not in seen:
                        seen.add(n)
                        self.keys.append(_Key(n, i, kind))
        self.texts = [k.text for k in self.keys]
        self._pinyin: tuple[list[str], list[str]] | None = None
        # Characters → keys holding them: on a large catalogue only keys sharing characters with the
        # query are scored (a cheap first stage before rapidfuzz's finer WRatio).
        self.postings: dict[str, list[int]] = {}
        for i, text in enumerate(self.texts):
            for ch in set(text):
                self.postings.setdefault(ch, []).append(i)

    SMALL = 300  # up to this many keys every key is scored

    def _candidates(self, query: str) -> list[int]:
        if len(self.keys) <= self.SMALL:
            return list(range(len(self.keys)))
        counts: dict[int, int] = {}
        for ch in set(query):
            for i in self.postings.get(ch, ()):
                counts[i] = counts.get(i, 0) + 1
        return heapq.nlargest(200, counts, key=counts.__getitem__)

    def _pinyin_lists(self) -> tuple[list[str], list[str]]:
        if self._pinyin is None:
            from pypinyin import Style, lazy_pinyin

            full = ["".join(lazy_pinyin(k.text)).lower() for k in self.keys]
            initials = ["".join(lazy_pinyin(k.text, style=Style.FIRST_LETTER)).lower() for k in self.keys]
            self._pinyin = (full, initials)
        return self._pinyin

    def search(self, query: str, limit: int = 5) -> list[Suggestion]:
        from rapidfuzz import fuzz, process

        query = (query or "").strip()
        if not query:
            return []
        best: dict[int, tuple[float, str]] = {}

        def offer(key_index: int, score: float, reason: str) -> None:
            t = self.keys[key_index].template
            if score > best.get(t, (-1.0, ""))[0]:
                best[t] = (score, reason)

        if re.fullmatch(r"[A-Za-z\s]+", query):
            q = re.sub(r"\s+", "", query).lower()
            full, initials = self._pinyin_lists()
            for i, (f, ini) in enumerate(zip(full, initials, strict=True)):
                if ini.startswith(q) or f.startswith(q):
                    offer(i, 100 - max(0, len(ini) - len(q)) * 0.5, f"拼音“{q}”匹配“{self.keys[i].text}”")
                elif q in f or q in ini:
                    offer(i, 85 - max(0, len(f) - len(q)) * 0.1, f"拼音“{q}”出现在“{self.keys[i].text}”中")
            for _match, score, i in process.extract(q, full, scorer=fuzz.partial_ratio, limit=limit * 3, score_cutoff=70):
                offer(i, score * 0.8, f"拼音近似“{self.keys[i].text}”")
        else:
            variants = {normalise(query), re.sub(r"\s", "", query)}
            for abbr, full_word in SYNONYMS.items():
                for v in list(variants):
                    if abbr in v and full_word not in v:
                        variants.add(v.replace(abbr, full_word))
            variants.discard("")
            for v in variants:
                cand = self._candidates(v)
                texts = {i: self.texts[i] for i in cand}
                for _match, score, i in process.extract(v, texts, scorer=fuzz.WRatio, limit=limit * 6, score_cutoff=50):
                    k = self.keys[i]
                    if k.text == v:
                        offer(i, 100.0 if k.kind != "关键词" else 90.0, f"{k.kind}一致：“{k.text}”")
                    if k.kind == "关键词":
                        score *= 0.85  # a keyword alone is weaker evidence than a whole name
                    offer(i, score, f"{k.kind}相近：“{k.text}”")
                # Containment: an alias inside the name is strong evidence, longer is stronger.
                for i in cand:
                    k = self.keys[i]
                    if len(k.text) >= 3 and k.text in v and k.kind != "关键词":
                        offer(i, min(99.0, 80 + 2 * len(k.text)), f"名称包含{k.kind}“{k.text}”")
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], self.templates[kv[0]].id))[:limit]
        return [Suggestion(self.templates[t], round(score, 1), reason) for t, (score, reason) in ranked]


# --- lint ------------------------------------------------------------------------------------------

UNIT_HINTS = [
    (re.compile(r"满意度|知晓率"), ("%",)),
    (re.compile(r"人次"), ("人次", "万人次")),
    (re.compile(r"人数"), ("人", "万人", "名")),
    (re.compile(r"(率|比例|占比)$"), ("%", "‰", "个百分点")),
    (re.compile(r"面积"), ("亩", "万亩", "公顷", "平方米", "万平方米")),
]


def lint(cat: Catalogue) -> list[str]:
    """Problems in the catalogue data, one line each (file: template: indicator: what)."""
    problems: list[str] = []
    seen_ids: dict[str, str] = {}
    local = frameworks.LOCAL_2015
    for t in cat.templates.values():
        where = f"{Path(t.source).name}: {t.id}"
        if t.id in seen_ids and seen_ids[t.id] != t.source:
            problems.append(f"{where}: 编号与 {seen_ids[t.id]} 重复")
        seen_ids[t.id] = t.source
        if t.sector not in SECTOR_IDS:
            problems.append(f"{where}: 行业编号“{t.sector}”不在固定列表中")
        if t.category and t.category not in CATEGORIES:
            problems.append(f"{where}: 项目类别“{t.category}”不在列表中")
        covered = set()
        names = set()
        for ind in t.indicators:
            problems += [f"{where}: {p}" for p in lint_indicator(ind)]
            if ind.name in names:
                problems.append(f"{where}: 指标“{ind.name}”重复")
            names.add(ind.name)
            covered.add(frameworks.canonical_levels(ind.level1, ind.level2, local))
        for need in (("产出", "数量"), ("产出", "质量"), ("产出", "时效"), ("产出", "成本"), ("满意度", "服务对象满意度")):
            if need not in covered:
                problems.append(f"{where}: 缺少 {frameworks.LEVEL1_LABELS[need[0]]}/{frameworks.LEVEL2_LABELS[need[1]]}")
        if not any(l1 == "效益" for l1, _ in covered):
            problems.append(f"{where}: 缺少效益指标")
    for category, rows in cat.common.items():
        if category not in CATEGORIES:
            problems.append(f"common.toml: 类别“{category}”不在列表中")
        for ind in rows:
            problems += [f"common.toml: {category}: {p}" for p in lint_indicator(ind)]
    return problems


def lint_indicator(ind: CatalogueIndicator) -> list[str]:
    out = []
    local = frameworks.LOCAL_2015
    l1, l2 = frameworks.canonical_levels(ind.level1, ind.level2, local)
    label = f"“{ind.name}”"
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
    if ind.direction not in ("正向", "反向"):
        out.append(f"{label} 的方向“{ind.direction}”无效")
    if not ind.description.strip() or ind.description.strip() == ind.name:
        out.append(f"{label} 缺少描述（口径）")
    if len(ind.name) > 40:
        out.append(f"{label} 名称超过 40 字")
    if not ind.typical:
        out.append(f"{label} 缺少典型值")
        return out
    v = parse(substitute_year(ind.typical, 2025))
    if isinstance(v, ParseError):
        out.append(f"{label} 的典型值“{ind.typical}”无法解析：{v.message}")
        return out
    if isinstance(v, Quantity):
        if ind.unit and v.unit != ind.unit:
            out.append(f"{label} 的典型值单位“{v.unit}”与 unit“{ind.unit}”不一致")
        if ind.operator and ind.operator != "定性" and v.op != ind.operator:
            out.append(f"{label} 的典型值运算符“{v.op}”与 operator“{ind.operator}”不一致")
        if v.op is None:
            out.append(f"{label} 的典型值缺少运算符")
        from .values import unit_known

        if not unit_known(v.unit):
            out.append(f"{label} 的单位“{v.unit}”不在单位表中")
        for pattern, units in UNIT_HINTS:
            if pattern.search(re.sub(r"[（(][^）)]*[）)]", "", ind.name)):
                if v.unit not in units:
                    out.append(f"{label} 的单位“{v.unit}”与名称不符（应为 {'/'.join(units)}）")
                break
        if v.unit == "%" and v.number > 100 and not re.search(r"增长|提高|变动", ind.name):
            out.append(f"{label} 的典型值超过 100%")
    if isinstance(v, Qualitative) and (v.vague or v.scale is None):
        out.append(f"{label} 的定性典型值“{ind.typical}”不是分级值")
    return out
