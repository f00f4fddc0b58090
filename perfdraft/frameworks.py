"""Indicator frameworks (一级 → 二级 hierarchies) as data, and level-name normalisation.

Labels are kept as written in the draft; checks and migration work on canonical keys
(``"产出"``, ``"数量"`` …) produced by :func:`level1_key` and :func:`level2_key`.
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple


class Framework(NamedTuple):
    """An indicator framework: its 一级 and 二级 names, the 二级 it discourages and those every project should have."""

    id: str
    title: str
    # canonical 一级 key -> canonical 二级 keys, in table order
    levels: dict[str, tuple[str, ...]]
    # 二级 keys allowed but flagged (e.g. 可持续影响 in central-2021)
    discouraged: frozenset[str] = frozenset()
    # 二级 every project should have a row for (PD305)
    expected: tuple[tuple[str, str], ...] = ()
    # 一级 every project must have a row under (PD304)
    required_level1: tuple[str, ...] = ()
    # Names whose meaning differs in this framework (发改: 二级 “产出指标” is a block, not 数量…)
    level1_aliases: Mapping[str, str] = MappingProxyType({})
    level2_aliases: Mapping[str, str] = MappingProxyType({})

    def allows(self, level1: str, level2: str) -> bool:
        return level2 in self.levels.get(level1, ())

    def level1_key(self, label: str | None) -> str | None:
        if not label:
            return None
        stripped = strip_suffix(label)
        return self.level1_aliases.get(stripped) or LEVEL1_ALIASES.get(stripped)

    def level2_key(self, label: str | None) -> str | None:
        if not label:
            return None
        stripped = strip_suffix(label)
        return self.level2_aliases.get(stripped) or LEVEL2_ALIASES.get(stripped)


LOCAL_2015 = Framework(
    id="local-2015",
    title="地方通用（财预〔2015〕88号口径：产出含成本）",
    levels={
        "产出": ("数量", "质量", "时效", "成本"),
        "效益": ("经济效益", "社会效益", "生态效益", "可持续影响"),
        "满意度": ("服务对象满意度",),
    },
    expected=(("产出", "数量"), ("产出", "质量"), ("产出", "时效"), ("产出", "成本"),
              ("效益", "社会效益"), ("满意度", "服务对象满意度")),
    required_level1=("产出", "效益", "满意度"),
)

CENTRAL_2021 = Framework(
    id="central-2021",
    title="中央指引（财预〔2021〕101号：成本为一级指标）",
    levels={
        "成本": ("经济成本", "社会成本", "生态环境成本"),
        "产出": ("数量", "质量", "时效"),
        "效益": ("经济效益", "社会效益", "生态效益", "可持续影响"),
        "满意度": ("服务对象满意度",),
    },
    discouraged=frozenset({"可持续影响"}),
    expected=(("成本", "经济成本"), ("产出", "数量"), ("产出", "质量"), ("产出", "时效"),
              ("效益", "社会效益"), ("满意度", "服务对象满意度")),
    required_level1=("成本", "产出", "效益", "满意度"),
)

# 2013 共性框架 (湖北 and others): 满意度 is a 二级 under 效益, not a 一级 of its own.
HUBEI_2013 = Framework(
    id="hubei-2013",
    title="2013 共性指标框架（满意度为效益下的二级指标）",
    levels={
        "产出": ("数量", "质量", "时效", "成本"),
        "效益": ("经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度"),
    },
    expected=(("产出", "数量"), ("产出", "质量"), ("产出", "时效"), ("效益", "社会效益"),
              ("效益", "服务对象满意度")),
    required_level1=("产出", "效益"),
)

# 广东: 预期产出 / 预期效果; 满意度 sits under 效果 as in the 2013 framework.
GUANGDONG = Framework(
    id="guangdong",
    title="广东（预期产出 / 预期效果）",
    levels={
        "产出": ("数量", "质量", "时效", "成本"),
        "效益": ("经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度"),
        "满意度": ("服务对象满意度",),
    },
    expected=(("产出", "数量"), ("产出", "质量"), ("产出", "时效"), ("效益", "社会效益")),
    required_level1=("产出", "效益"),
)

# 发改 中央预算内投资: two 一级 blocks whose 二级 are whole blocks of the other frameworks.
NDRC_INVESTMENT = Framework(
    id="ndrc-investment",
    title="发改 中央预算内投资（实施效果 / 过程管理）",
    levels={
        "实施效果": ("产出", "效益", "满意度"),
        "过程管理": ("计划管理", "资金管理", "项目管理", "监督管理"),
    },
    expected=(("实施效果", "产出"), ("实施效果", "效益"), ("过程管理", "资金管理")),
    required_level1=("实施效果",),
    level1_aliases={"实施效果": "实施效果", "过程管理": "过程管理", "项目实施效果": "实施效果"},
    level2_aliases={"产出": "产出", "效益": "效益", "效果": "效益", "满意度": "满意度",
                    "服务对象满意度": "满意度", "计划管理": "计划管理", "计划": "计划管理",
                    "资金管理": "资金管理", "资金": "资金管理", "项目管理": "项目管理",
                    "监督管理": "监督管理", "监督": "监督管理"},
)

FRAMEWORKS: dict[str, Framework] = {f.id: f for f in (LOCAL_2015, CENTRAL_2021, HUBEI_2013, GUANGDONG, NDRC_INVESTMENT)}

# Canonical key -> display label used when perfdraft writes a level name itself.
LEVEL1_LABELS = {"产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标", "成本": "成本指标",
                 "实施效果": "实施效果指标", "过程管理": "过程管理指标"}
LEVEL2_LABELS = {
    "数量": "数量指标", "质量": "质量指标", "时效": "时效指标", "成本": "成本指标",
    "经济效益": "经济效益指标", "社会效益": "社会效益指标", "生态效益": "生态效益指标",
    "可持续影响": "可持续影响指标", "服务对象满意度": "服务对象满意度指标",
    "经济成本": "经济成本指标", "社会成本": "社会成本指标", "生态环境成本": "生态环境成本指标",
    "产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标",
    "计划管理": "计划管理指标", "资金管理": "资金管理指标", "项目管理": "项目管理指标", "监督管理": "监督管理指标",
}

# Old and local names -> canonical key (after suffix stripping).
LEVEL1_ALIASES = {
    "效果": "效益", "效益": "效益", "产出": "产出", "满意度": "满意度", "成本": "成本",
    "项目完成": "产出", "产出值": "产出", "预期产出": "产出", "完成": "产出",
    "预期效果": "效益", "项目效益": "效益", "效益目标": "效益", "影响力": "效益",
    "社会公众或服务对象满意度": "满意度", "服务对象满意度": "满意度", "投入": "投入",
    "产出效果": "产出", "项目产出": "产出", "实施效果": "效益", "效果目标": "效益",
    "社会效果": "效益", "满意": "满意度", "公众满意度": "满意度", "社会公众满意度": "满意度",
    "群众满意度": "满意度", "服务满意度": "满意度", "受益对象满意度": "满意度",
}
LEVEL2_ALIASES = {
    "数量": "数量", "质量": "质量", "时效": "时效", "成本": "成本",
    "经济": "经济效益", "经济效益": "经济效益", "社会": "社会效益", "社会效益": "社会效益",
    "生态": "生态效益", "生态效益": "生态效益", "环境效益": "生态效益", "环境": "生态效益",
    "生态环境效益": "生态效益", "可持续影响": "可持续影响", "可持续": "可持续影响",
    "服务对象满意度": "服务对象满意度", "满意度": "服务对象满意度",
    "社会公众或服务对象满意度": "服务对象满意度", "社会公众满意度": "服务对象满意度",
    "经济成本": "经济成本", "社会成本": "社会成本", "生态环境成本": "生态环境成本",
    "生态成本": "生态环境成本", "环境成本": "生态环境成本", "时效性": "时效", "进度": "时效",
    "服务对象满意": "服务对象满意度", "受益对象满意度": "服务对象满意度", "群众满意度": "服务对象满意度",
    "公众满意度": "服务对象满意度", "可持续发展": "可持续影响", "可持续性": "可持续影响",
}

_SUFFIXES = ("指标", "目标", "值")


def fold(text: str) -> str:
    """Trim and fold full-width forms (NFKC keeps CJK ideographs unchanged)."""
    return unicodedata.normalize("NFKC", text).strip()


@lru_cache(maxsize=4096)  # a few dozen distinct labels per draft, looked up on every row
def strip_suffix(text: str) -> str:
    """The level word without 指标/目标/值 and white space ('社会效益 指标' → 社会效益)."""
    text = re.sub(r"\s+", "", fold(text))
    changed = True
    while changed and text:
        changed = False
        for suffix in _SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix):
                text = text[: -len(suffix)]
                changed = True
    return text


def one_slip(word: str, known: Iterable[str], shortest: int = 4) -> str | None:
    """The one ``known`` word that ``word`` mistypes by one character ('社会效应' for 社会效益), else
    None. Where several are that close, the one whose character sounds like the typed one (pinyin
    input makes those slips) when that leaves one. A word shorter than four characters (down to
    ``shortest``) must sound alike too: one other character in three is too often another word."""
    if len(word) < shortest:
        return None
    close: dict[str, tuple[str, str]] = {}
    for k in known:
        if len(k) == len(word):
            slips = [(a, b) for a, b in zip(k, word, strict=True) if a != b]
            if len(slips) == 1:
                close[k] = slips[0]
    if len(close) > 1 or (close and len(word) < 4):
        close = {k: pair for k, pair in close.items() if _sounds_alike(*pair)}
    return next(iter(close)) if len(close) == 1 else None


def _sounds_alike(a: str, b: str) -> bool:
    from pypinyin import lazy_pinyin  # type: ignore[import-untyped]  # only for a rare tie

    pa, pb = lazy_pinyin(a)[0], lazy_pinyin(b)[0]
    return pa == pb or (min(len(pa), len(pb)) >= 2 and (pa.startswith(pb) or pb.startswith(pa)))


def level1_key(label: str | None, framework: Framework | None = None) -> str | None:
    """Canonical 一级 key, or None when the label is not a known 一级 name."""
    if framework is not None:
        return framework.level1_key(label)
    if not label:
        return None
    return LEVEL1_ALIASES.get(strip_suffix(label))


def level2_key(label: str | None, framework: Framework | None = None) -> str | None:
    if framework is not None:
        return framework.level2_key(label)
    if not label:
        return None
    return LEVEL2_ALIASES.get(strip_suffix(label))


def canonical_levels(level1: str | None, level2: str | None, framework: Framework) -> tuple[str | None, str | None]:
    """Normalise a (一级, 二级) pair, applying the 投入 map and bare-满意度 rule."""
    l1, l2 = framework.level1_key(level1), framework.level2_key(level2)
    if l1 == "投入":  # 2017-style 投入: 时效 → 产出-时效; 成本 → 产出-成本 / 成本-经济成本
        if l2 == "时效":
            l1 = "产出"
        elif l2 == "成本":
            l1, l2 = ("成本", "经济成本") if "成本" in framework.levels else ("产出", "成本")
    if l1 is None and l2 is not None:
        owners = [k for k, v in framework.levels.items() if l2 in v]
        if len(owners) == 1:
            l1 = owners[0]
    return l1, l2


# local-2015 (一级, 二级) <-> central-2021 (一级, 二级). Rows with no home are flagged, never dropped.
TO_CENTRAL = {("产出", "成本"): ("成本", "经济成本")}
TO_LOCAL = {("成本", "经济成本"): ("产出", "成本")}
NO_HOME_IN_LOCAL = {("成本", "社会成本"), ("成本", "生态环境成本")}


def map_levels(l1: str, l2: str, source: str, target: str) -> tuple[str, str] | None:
    """Where a canonical pair lands in the target framework; None when it has no home."""
    if source == target:
        return (l1, l2)
    if target == "central-2021":
        return TO_CENTRAL.get((l1, l2), (l1, l2))
    if (l1, l2) in NO_HOME_IN_LOCAL:
        return None
    return TO_LOCAL.get((l1, l2), (l1, l2))


def get(framework_id: str) -> Framework:
    return FRAMEWORKS.get(framework_id, LOCAL_2015)


# The 一级 of the 部门整体支出绩效 framework (财预〔2020〕10号 and the provinces' department tables): the checker
# reads a department's rows by it, the importers tell a 部门整体 table by it.
DEPARTMENT_LEVEL1 = frozenset({"履职效能", "管理效率", "运行成本", "社会效应", "可持续发展", "部门履职", "部门管理",
                               "履职尽责", "运行管理", "预算管理", "资产管理"})


def is_department_level1(label: str | None) -> bool:
    """Whether a 一级 is one of the 部门整体 tree's (履职效能指标, 管理效率 …)."""
    t = unicodedata.normalize("NFKC", label or "").replace(" ", "")
    return t.removesuffix("指标") in DEPARTMENT_LEVEL1
