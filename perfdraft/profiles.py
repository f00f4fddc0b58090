"""Table profiles: one row of data per real-world layout of the target table.

A profile names the indicator framework its table uses (frameworks.py), the indicator columns the
table has in the order it prints them, the project header fields it asks for, and its sign-off
block. Checks ask ``profile.has(field_key)`` before they complain about a column; the conversation
asks only for the fields the profile has; exporters print the profile's columns; importers detect a
profile from the header labels they meet. Field keys are those of the field registry (fields.py).

Sources for each profile are in docs/profiles.md.
"""

import unicodedata
from typing import NamedTuple

from . import fields
from .model import Draft

SIGN_OFF = ("填报人", "联系电话", "单位负责人", "填报日期", "单位（盖章）")
SIGN_OFF_FINANCE = ("单位（盖章）", "主管部门审核意见（盖章）", "财政部门审核意见（盖章）")

BASE_HEADER = ("project.code", "project.name", "project.budget.total", "project.budget.fiscal",
               "project.budget.other")


class Profile(NamedTuple):
    """A province's or body's table: its framework, indicator columns, header fields and sign-off lines."""

    id: str
    title: str
    framework: str
    columns: tuple[str, ...]  # indicator field keys, in table order
    header: tuple[str, ...]  # project field keys, in table order
    signoff: tuple[str, ...] = ()
    # Header words that identify this layout when an importer meets them (besides its columns)
    markers: tuple[str, ...] = ()
    summary: str = ""

    def has(self, key: str) -> bool:
        if key.startswith("indicator."):
            return key in self.columns
        if key.startswith("project."):
            return key in self.header or key in ("project.indicators", "project.notes")
        return True  # draft and department fields belong to every profile

    @property
    def multi_year(self) -> bool:
        """The table has 中期 / 实施周期 targets beside the 年度 ones."""
        return "project.overall_goal" in self.header

    def column_labels(self) -> list[str]:
        return [fields.FIELDS[k].label for k in self.columns]


def _p(id: str, title: str, framework: str, columns: tuple[str, ...], header: tuple[str, ...],
       signoff: tuple[str, ...] = (), markers: tuple[str, ...] = (), summary: str = "") -> Profile:
    for key in (*columns, *header):
        if key not in fields.FIELDS:  # a typo here would silently hide a column everywhere
            raise ValueError(f"profile {id}: unknown field {key}")
    return Profile(id, title, framework, columns, header, signoff, markers, summary)


_LEVELS = ("indicator.level1", "indicator.level2", "indicator.name")

PROFILES: dict[str, Profile] = {p.id: p for p in (
    _p("hebei-2020", "河北 2020（含绩效指标描述、指标值确定依据、资金支出计划）", "local-2015",
       (*_LEVELS, "indicator.description", "indicator.value", "indicator.basis"),
       (*BASE_HEADER, "project.doc_number", "project.purpose", "project.spending_plan", "project.goal"),
       markers=("绩效指标描述", "指标值确定依据", "资金支出计划", "3月底"),
       summary="顺平县 2020 年部门预算公开所用的表：一级/二级/三级/描述/指标值/依据，表头有资金用途和季度支出计划。"),
    _p("local-2015", "地方通用（财预〔2015〕88号口径）", "local-2015",
       (*_LEVELS, "indicator.value"),
       ("project.name", "project.code", "project.authority", "project.unit", "project.budget.total",
        "project.budget.fiscal", "project.budget.other", "project.goal"),
       signoff=SIGN_OFF,
       summary="最常见的地方表：项目名称、主管部门、实施单位、资金、年度目标，指标为一级/二级/三级/指标值。"),
    _p("central-2021", "中央 2021（财预〔2021〕101号：成本为一级指标）", "central-2021",
       (*_LEVELS, "indicator.description", "indicator.symbol", "indicator.value", "indicator.unit",
        "indicator.weight", "indicator.scoring"),
       ("project.name", "project.code", "project.authority", "project.unit", "project.category",
        "project.nature", "project.period_start", "project.period_end", "project.total_amount",
        "project.budget.total", "project.budget.fiscal", "project.budget.other", "project.basis_text",
        "project.overall_goal", "project.goal"),
       signoff=SIGN_OFF,
       markers=("计算符号", "经济成本指标", "社会成本指标", "生态环境成本指标", "成本指标"),
       summary="一体化预算系统的口径：成本为一级指标，每行有指标解释、计算符号、指标值、计量单位、权重和评分标准。"),
    _p("hubei-2013", "湖北 2013 共性框架（满意度在效益之下）", "hubei-2013",
       (*_LEVELS, "indicator.value"),
       ("project.name", "project.code", "project.authority", "project.unit", "project.budget.total",
        "project.budget.fiscal", "project.budget.other", "project.overall_goal", "project.goal"),
       signoff=SIGN_OFF,
       markers=("社会公众或服务对象满意度指标",),
       summary="2013 年共性指标框架：效益指标下设社会公众或服务对象满意度，没有满意度一级。"),
    _p("guangdong", "广东（实施周期与当年度目标并列）", "guangdong",
       (*_LEVELS, "indicator.value"),
       ("project.name", "project.unit", "project.budget.total", "project.overall_goal", "project.goal"),
       markers=("实施周期指标值", "当年度指标值", "预期产出", "预期效果", "实施周期总目标"),
       summary="东莞等地的表：实施周期总目标与年度目标并列，指标分实施周期指标值和当年度指标值两栏。"),
    _p("ndrc-investment", "发改 中央预算内投资（实施效果 / 过程管理）", "ndrc-investment",
       (*_LEVELS, "indicator.value"),
       ("project.name", "project.code", "project.authority", "project.unit", "project.period_start",
        "project.period_end", "project.total_amount", "project.budget.total", "project.overall_goal",
        "project.goal"),
       signoff=SIGN_OFF,
       markers=("实施效果指标", "过程管理指标", "中央预算内投资"),
       summary="发展改革部门中央预算内投资项目：一级为实施效果和过程管理，实施效果下为产出/效益/满意度。"),
    _p("sichuan-grid", "四川一体化平铺表（指标性质、度量单位、权重、指标方向性）", "local-2015",
       (*_LEVELS, "indicator.nature", "indicator.value", "indicator.unit", "indicator.weight",
        "indicator.direction"),
       ("project.unit", "project.name", "project.budget.total", "project.goal"),
       markers=("指标方向性", "指标性质", "度量单位", "权重（%）"),
       summary="四川等地预算系统导出的平铺表：单位/项目/预算数/年度目标/一级/二级/三级/指标性质/指标值/度量单位/权重/指标方向性，一行一条指标。"),
    _p("self-evaluation", "绩效自评表（年度指标值与实际完成值）", "local-2015",
       (*_LEVELS, "indicator.value", "indicator.actual", "indicator.weight", "indicator.score",
        "indicator.note"),
       ("project.name", "project.authority", "project.unit", "project.budget.total",
        "project.budget.fiscal", "project.budget.other", "project.goal"),
       signoff=("填报人", "联系电话", "填报日期"),
       markers=("实际完成值", "完成值", "得分", "偏差原因", "自评"),
       summary="年度结束后的自评表：每行有年度指标值、实际完成值、分值、得分和偏差原因。"),
)}

DEFAULT = "hebei-2020"
# Drafts written before profiles existed carry only a framework; these are the tables they held.
BY_FRAMEWORK = {"local-2015": "hebei-2020", "central-2021": "central-2021", "hubei-2013": "hubei-2013",
                "guangdong": "guangdong", "ndrc-investment": "ndrc-investment"}


def get(profile_id: str | None) -> Profile:
    return PROFILES.get(profile_id or DEFAULT, PROFILES[DEFAULT])


def for_draft(draft: Draft) -> Profile:
    if draft.profile in PROFILES:
        return PROFILES[draft.profile]  # type: ignore[index]
    return PROFILES[BY_FRAMEWORK.get(draft.framework, DEFAULT)]


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).replace("(", "（").replace(")", "）")


# When two profiles match a table equally well, the plainer, more common reading wins.
# A 备注 column is in tables of every kind: it tells no profile (it made every such table a 自评表).
_ANY_TABLE = frozenset({"indicator.note"})
_PREFERENCE = ("local-2015", "hebei-2020", "central-2021", "sichuan-grid", "self-evaluation", "guangdong",
               "hubei-2013", "ndrc-investment")


def detect_from_headers(labels: list[str], framework: str | None = None) -> str | None:
    """The profile whose columns and marker words best match the labels a table shows, or None.

    Labels are header cells or header lines as found (any order, any noise). A profile scores one
    point per column of its own that appears (by any of the column's labels) and two per marker
    word; ties go to the plainer, more common profile (``_PREFERENCE``).
    """
    text = [_fold(label) for label in labels if label and label.strip()]
    if not text:
        return None
    joined = "\n".join(text)
    best: tuple[float, int, str] | None = None
    for profile in PROFILES.values():
        if framework is not None and profile.framework != framework:
            continue  # the rows already showed the framework (成本 under 产出 is the 2015 tree)
        score = 0.0
        for key in profile.columns[3:]:  # the three level columns are in every profile
            if key in _ANY_TABLE:
                continue
            f = fields.FIELDS[key]
            # short aliases (单位, 依据, 方向) occur in any header; only the field's own label counts short
            labels = [lab for lab in f.labels if lab == f.label or len(_fold(lab)) >= 3]
            if any(_fold(lab) in joined for lab in labels):
                score += 1
        score += 2 * sum(1 for m in profile.markers if _fold(m) in joined)
        if score <= 0:
            continue
        cand = (score, -_PREFERENCE.index(profile.id) if profile.id in _PREFERENCE else -99, profile.id)
        if best is None or cand > best:
            best = cand
    return best[2] if best else None


def detect(labels: list[str], levels: list[tuple[str | None, str | None]]) -> str | None:
    """The profile of an imported table from its header labels and the (一级, 二级) names of its rows.

    The rows decide what headers cannot: 实施效果 / 过程管理 as a 一级 is the 发改 table; 满意度 filed
    as a 二级 under 效益 is the 2013 framework (unless the headers already said 广东, which does the same).
    """
    from . import frameworks

    found = detect_from_headers(labels)
    ndrc = frameworks.NDRC_INVESTMENT
    if any(ndrc.level1_aliases.get(frameworks.strip_suffix(l1 or "")) for l1, _ in levels):
        return "ndrc-investment"
    if found in (None, "local-2015", "hebei-2020"):
        for l1, l2 in levels:
            if frameworks.level1_key(l1) == "效益" and frameworks.level2_key(l2) == "服务对象满意度":
                return "hubei-2013"
    return found
