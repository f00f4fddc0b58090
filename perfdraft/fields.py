"""The field registry: every field of a draft declared once.

A field has a key (``indicator.weight``), the model attribute it lives in, a Chinese label (what
``/jump``, ``fill --set``, export column headers and import header matching use), the other labels
real tables print for it, and a kind that says how a typed answer is read. Profiles (profiles.py)
list which of these fields their table has; drafts.py reads and writes every scalar field from this
table, so a new field is one entry here (plus, if it is asked for, one step).
"""

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from . import numbers

OWNERS = ("draft", "department", "project", "indicator")

# Kinds: text | money (元, accepts 万/亿) | number (Decimal) | int | choice | special (structured:
# budget, basis, spending plan — read and written by drafts.py itself).
KINDS = ("text", "money", "number", "int", "choice", "special")


class Field(NamedTuple):
    """One field of the registry: its key, where it lives in the model, its label and aliases, and how a typed answer is read."""

    key: str
    owner: str
    attr: str
    label: str
    aliases: tuple[str, ...] = ()
    kind: str = "text"
    choices: tuple[str, ...] = ()
    help: str = ""

    @property
    def toml_key(self) -> str:
        return _toml_key(self.attr)

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)

    def get(self, obj: Any) -> Any:
        for part in self.attr.split("."):
            if obj is None:
                return None
            obj = getattr(obj, part)
        return obj

    def set(self, obj: Any, value: Any) -> None:
        parts = self.attr.split(".")
        for part in parts[:-1]:
            obj = getattr(obj, part)
        setattr(obj, parts[-1], value)

    def path(self, project: int | None = None, index: int | None = None) -> str:
        """The checker's path of this field (``projects[0].indicators[3].weight``)."""
        if self.owner == "draft":
            return self.attr
        if self.owner == "department":
            return f"department.{self.attr}"
        base = f"projects[{project if project is not None else 0}]"
        if self.owner == "project":
            return f"{base}.{self.attr}"
        return f"{base}.indicators[{index if index is not None else 0}].{self.attr}"


def _f(key: str, label: str, *aliases: str, kind: str = "text", choices: tuple[str, ...] = (),
       attr: str | None = None, help: str = "") -> Field:
    owner, _, rest = key.partition(".")
    return Field(key, owner, attr or rest, label, aliases, kind, choices, help)


SYMBOLS = ("≥", "≤", "=", ">", "<", "区间", "定性", "定量（其他）", "不适用")
PROJECT_NATURES = ("一次性", "经常性", "阶段性")
INDICATOR_NATURES = ("定量", "定性")
SCOPES = ("annual", "overall")

FIELDS: dict[str, Field] = {f.key: f for f in (
    _f("draft.year", "预算年度", "年度", "预算年份", kind="int"),
    _f("draft.framework", "指标框架", kind="special"),
    _f("draft.profile", "表格样式", "表样", kind="special"),
    _f("department.name", "部门名称", "单位名称", "预算单位", "部门（单位）名称"),
    _f("department.code", "部门编码", "单位编码", "部门代码", "单位代码"),
    _f("department.overall_goal", "总体目标", "部门总体目标", "整体目标"),
    _f("department.safeguards", "保障措施", "工作保障措施"),
    _f("project.name", "项目名称", "项目"),
    _f("project.code", "项目编码", "项目代码", "项目编号"),
    _f("project.doc_number", "文号", "资金文号", "指标文号"),
    _f("project.template", "指标模板", kind="special"),
    _f("project.category", "项目类别", "项目类型", "项目分类"),
    _f("project.nature", "项目性质", "项目属性", kind="choice", choices=PROJECT_NATURES),
    _f("project.authority", "主管部门", "主管部门及代码", "主管单位"),
    _f("project.unit", "实施单位", "项目实施单位", "执行单位"),
    _f("project.period_start", "项目开始年份", "项目起始年度", "开始年度", kind="period"),
    _f("project.period_end", "项目结束年份", "项目终止年度", "结束年度", kind="period"),
    _f("project.total_amount", "项目总额", "项目总投资", "项目总预算", "项目资金总额", kind="money"),
    _f("project.basis_text", "立项依据", "项目立项依据", "设立依据", "政策依据"),
    _f("project.budget.total", "预算数", "年度预算数", "年度资金总额", "年度预算", "本年预算", "项目资金", kind="money"),
    _f("project.budget.fiscal", "财政资金", "其中：财政拨款", "财政拨款", "本年财政拨款", kind="money"),
    _f("project.budget.other", "其他资金", "其中：其他资金", "其他来源资金", kind="money"),
    _f("project.purpose", "资金用途", "项目资金用途", "项目概况", "项目内容"),
    _f("project.spending_plan", "支出计划", "资金支出计划", "预算执行进度", kind="special"),
    _f("project.goal", "绩效目标", "年度目标", "年度绩效目标", "当年度目标", "项目绩效目标"),
    _f("project.overall_goal", "中期目标", "总体目标", "实施周期目标", "实施周期总目标", "中长期目标"),
    _f("indicator.level1", "一级指标", "一级"),
    _f("indicator.level2", "二级指标", "二级"),
    _f("indicator.name", "三级指标", "三级", "指标名称", "绩效指标"),
    _f("indicator.description", "绩效指标描述", "指标描述", "指标解释", "指标内容", "口径"),
    _f("indicator.value", "指标值", "年度指标值", "目标值", "当年度指标值", "年度目标值"),
    _f("indicator.symbol", "计算符号", "运算符", "符号", kind="choice", choices=SYMBOLS),
    _f("indicator.unit", "计量单位", "度量单位", "单位"),
    _f("indicator.basis", "指标值确定依据", "确定依据", "依据", kind="special"),
    _f("indicator.formula", "计算公式", "计算方法", "公式"),
    _f("indicator.direction", "指标方向", "指标方向性", "方向", kind="choice", choices=("正向", "反向")),
    _f("indicator.nature", "指标性质", "指标类型", "指标值类型", kind="choice", choices=INDICATOR_NATURES),
    _f("indicator.weight", "权重", "分值", "权重（%）", "权重(%)", kind="number"),
    _f("indicator.scoring", "评分标准", "评（扣）分标准", "评分规则", "扣分标准"),
    _f("indicator.value_note", "指标值说明", "指标值设定依据及数据来源"),
    _f("indicator.last_year", "上年值", "上年指标值", "上年实际完成值", "上年完成值"),
    _f("indicator.prev_year", "前年值", "前年指标值", "前年完成值"),
    _f("indicator.actual", "实际完成值", "完成值", "全年实际完成值", "实际完成情况"),
    _f("indicator.score", "得分", "自评得分", kind="number"),
    _f("indicator.note", "备注", "偏差原因", "偏差原因分析及改进措施"),
    _f("indicator.scope", "目标类型", kind="choice", choices=SCOPES,
       help="annual 为年度指标（默认），overall 为中期 / 实施周期指标"),
)}


RegistryKey = tuple[int, int]
_KEYED: list[dict[str, Field]] = []  # every registry a cache was keyed on, kept alive: see registry_key


def registry_key() -> RegistryKey:
    """What caches built from the registry are keyed on: its identity and size. A real run never
    changes the registry; a test swaps it or declares a field. A registry keyed on is kept alive, so
    that a later one can never be given its id and be served the old one's cached tables."""
    registry = FIELDS
    if not _KEYED or _KEYED[-1] is not registry:
        _KEYED.append(registry)
    return id(registry), len(registry)


def by_owner(owner: str) -> list[Field]:
    return [f for f in FIELDS.values() if f.owner == owner]


def scalars(owner: str) -> tuple[Field, ...]:
    """Fields of one owner that are plain values directly on it (what drafts.py loops over for every
    row of every project: cached per registry and its size, so a field declared later, as a test
    does, is seen)."""
    return _scalars(owner, registry_key())


@lru_cache(maxsize=16)
def _scalars(owner: str, registry: RegistryKey) -> tuple[Field, ...]:
    return tuple(f for f in by_owner(owner) if f.kind != "special" and "." not in f.attr)


@lru_cache(maxsize=256)
def _toml_key(attr: str) -> str:
    return attr.rsplit(".", 1)[-1]


def _fold(label: str) -> str:
    text = unicodedata.normalize("NFKC", label)
    text = re.sub(r"[\s*＊:：()（）]", "", text)
    return text


def _label_index() -> dict[tuple[str, str], Field]:
    return _labels(registry_key())


@lru_cache(maxsize=1)
def _labels(registry: RegistryKey) -> dict[tuple[str, str], Field]:
    index: dict[tuple[str, str], Field] = {}
    for f in FIELDS.values():
        for label in f.labels:
            index.setdefault((f.owner, _fold(label)), f)
    return index


def find(label: str, owner: str | None = None) -> Field | None:
    """The field a Chinese label names (a table header, a /jump word, a fill --set name)."""
    key = _fold(label)
    index = _label_index()
    owners = (owner,) if owner else ("indicator", "project", "department", "draft")
    for o in owners:
        hit = index.get((o, key))
        if hit is not None:
            return hit
    return None


class FieldValueError(ValueError):
    """A typed value a field cannot hold; the message is plain Chinese."""


_PERIOD = re.compile(r"(19|20|21)\d\d(-(0?[1-9]|1[0-2]))?")


def parse(field: Field, text: str) -> Any:
    """Read a typed answer for a scalar field; ``""`` clears it (None)."""
    text = text.strip()
    if not text:
        return None
    if field.kind == "text":
        return text
    if field.kind == "choice":
        if text not in field.choices:
            raise FieldValueError(f"{field.label}只能是：{'、'.join(field.choices)}")
        return text
    if field.kind == "money":
        money = numbers.read_money(text)
        if money is None:
            raise FieldValueError(f"{field.label}“{text}”不是金额；请写数字（元），如 1600000 或 160万")
        if money[0] < 0:  # (-1 was kept as a 项目总额 of -1.0)
            raise FieldValueError(f"{field.label}“{text}”是负数；金额不能为负，请写 0 或正数（元）")
        return money[0]
    if field.kind == "period":
        year = text.translate(numbers.FULL_WIDTH).rstrip("年")
        if not _PERIOD.fullmatch(year):
            raise FieldValueError(f"{field.label}“{text}”不是年份；写四位数年份，如 2021，或年月 2021-03")
        return year
    if field.kind == "number":
        number = read_decimal(text, field.label)
        problem = numbers.check_number(number)  # said with what was typed, not as the saved file shows it
        if problem:
            raise FieldValueError(f"{field.label}“{text}”{problem}")
        if number < 0:  # a weight, a score: never below zero (-50 was written, exit 0)
            raise FieldValueError(f"{field.label}不能为负数，收到“{text}”")
        return number
    if field.kind == "int":
        try:
            return int(text)
        except ValueError:
            raise FieldValueError(f"{field.label}应为整数，收到“{text}”") from None
    raise FieldValueError(f"{field.label}不能直接填写")


def read_decimal(text: str, label: str = "数值") -> Decimal:
    """A finite number as typed (full-width digits, thousands separators, a trailing % or 分 allowed: a
    weight asked as 分值 is answered 5分)."""
    number = numbers.read_decimal(text.strip().rstrip("%％").removesuffix("分").strip())
    if number is None:
        raise FieldValueError(f"{label}应为数字（如 10 或 12.5），收到“{text}”")
    return number
