"""What cells say: labels of the project header, indicator-grid headers, level words, values, money."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import fields, frameworks, values
from ..model import (
    BASIS_CATEGORIES,
    Basis,
)
from .kinds import YEAR_COLUMN
from .registry import label_headers
from .repairs import fold
from .report import clean_cell

# --- labels of the project header -----------------------------------------------------------------------

PROJECT_LABELS = {
    "项目编码": "code", "项目代码": "code", "项目编号": "code",
    "项目名称": "name",
    "预算数": "total", "年度预算数": "total", "预算金额": "total", "年度资金总额": "total",
    "年度资金申请总额": "total", "资金总额": "total", "预算资金": "total", "项目预算": "total",
    "申请金额": "total", "预算总额": "total", "年度预算": "total",
    "财政资金": "fiscal", "财政拨款": "fiscal", "本级财政资金": "fiscal", "财政性资金": "fiscal",
    "其中财政资金": "fiscal", "其中财政拨款": "fiscal",
    "其他资金": "other", "其中其他资金": "other",
    "资金用途": "purpose", "预算规模及资金用途": "purpose", "项目资金用途": "purpose", "资金用途及预算规模": "purpose",
    "绩效目标": "goal", "年度绩效目标": "goal", "年度目标": "goal", "项目绩效目标": "goal", "总体目标": "goal",
    "年度总体目标": "goal", "项目年度绩效目标": "goal", "项目绩效目标(年度)": "goal",
    "资金支出计划": "plan",
    "文号": "doc_number", "资金文号": "doc_number", "指标文号": "doc_number",
    "预算单位": "dept", "单位名称": "dept", "部门名称": "dept", "实施单位": "implementer", "主管部门": "authority",
    "主管部门及代码": "authority", "预算部门": "dept", "部门(单位)名称": "dept",
    "3月底": "mar", "6月底": "jun", "10月底": "oct", "12月底": "dec",
    "3月": "mar", "6月": "jun", "10月": "oct", "12月": "dec",
    "合计": "total", "部门预算": "dept_budget",
    "项目期": "period", "项目实施期": "period", "实施期限": "period", "项目周期": "period", "项目实施周期": "period",
    "项目起止年限": "period", "项目期限": "period", "起止年限": "period", "项目实施期限": "period",
}
# Registry fields the label assembler places itself → its own names; any other project, department or
# draft field is "field:<key>" and stored through the registry.
_OWN = {"project.code": "code", "project.name": "name", "project.budget.total": "total",
        "project.budget.fiscal": "fiscal", "project.budget.other": "other", "project.purpose": "purpose",
        "project.goal": "goal", "project.spending_plan": "plan", "project.doc_number": "doc_number",
        "department.name": "dept", "project.authority": "authority", "project.unit": "implementer",
        "draft.year": "year"}


@lru_cache(maxsize=4)
def _project_labels(registry: fields.RegistryKey) -> dict[str, str]:
    out = dict(PROJECT_LABELS)
    for f in fields.FIELDS.values():
        if f.owner == "indicator" or f.kind == "special" and f.key not in _OWN:
            continue
        for label in f.labels:
            key = fold(label).replace("（", "(").replace("）", ")").replace("其中:", "其中")
            if len(key) >= 3 or label == f.label:
                out.setdefault(key, _OWN.get(f.key, f"field:{f.key}"))
    return out


def project_labels() -> dict[str, str]:
    """Every label of the project header (registry and local) → the field it fills."""
    return _project_labels(fields.registry_key())


_PLAN_FIELDS = ("mar", "jun", "oct", "dec")
_MONEY_UNIT = re.compile(r"^[（(]?\s*(?:金额|资金)?单位\s*[:：]\s*(万元|元)\s*[)）]?$")


@dataclass(frozen=True)
class Label:
    field: str
    inline: str | None  # "项目名称：送戏下乡" → "送戏下乡"
    unit: str | None  # "预算数（万元）" → "万元"


def _label_key(text: str) -> tuple[str, str | None]:
    """The lookup form of a label and the money unit named in its brackets."""
    t = fold(text)
    unit = None
    m = re.search(r"\((?:单位:|金额单位:)?(万元|元|%)\)$", t)
    if m:
        unit = m.group(1) if m.group(1) != "%" else None
        t = t[: m.start()]
    t = t.replace("其中:", "其中").rstrip(":")
    return t, unit


def project_label(cell: str | None) -> Label | None:
    """The project-header label a cell is (with its inline value and money unit), or None."""
    if not cell:
        return None
    return _project_label(cell, fields.registry_key())


@lru_cache(maxsize=16384)  # asked of every cell of every row: a sheet repeats its labels
def _project_label(cell: str, registry: fields.RegistryKey) -> Label | None:
    PROJECT_LABELS = project_labels()  # noqa: N806 - the merged table, read like the module's
    key, unit = _label_key(cell)
    key = key.strip("【】[]")
    if key in PROJECT_LABELS and PROJECT_LABELS[key]:
        # "绩效目标：" with nothing after the colon: the value follows (an empty inline value)
        inline = "" if cell.rstrip().endswith(("：", ":")) else None
        return Label(PROJECT_LABELS[key], inline, unit)
    m = re.match(r"^\s*【?([^:：】]{2,14}?)】?\s*[:：]\s*(.*)$", cell, re.S)
    if m:
        key, unit = _label_key(m.group(1))
        key = key.strip("【】[]")
        if key in PROJECT_LABELS and PROJECT_LABELS[key]:
            inline = clean_cell(m.group(2)) or ""
            inner = _project_label(inline, registry) if inline and len(inline) <= 14 else None
            if inner is not None and inner.inline is None and inner.field == PROJECT_LABELS[key]:
                # '项目资金：年度资金总额' | 856.00: the heading names the label whose amount follows
                return Label(inner.field, None, unit or inner.unit)
            return Label(PROJECT_LABELS[key], inline, unit)
    m = re.match(r"^\s*【([^】]{2,14})】\s*(.*)$", cell, re.S)
    if m:
        key, unit = _label_key(m.group(1))
        if key in PROJECT_LABELS and PROJECT_LABELS[key]:
            return Label(PROJECT_LABELS[key], clean_cell(m.group(2)) or "", unit)
    # the money labels the shape reader knows (其中：当年财政拨款, 本年度下达投资 …): one vocabulary for both
    from .facts import fact_label

    fact = fact_label(cell)
    if fact is not None and fact[0] in ("total", "fiscal", "other"):
        return Label(fact[0], fact[1], fact[2])
    return None


# --- the indicator grid ------------------------------------------------------------------------------------

GRID_HEADERS = {
    "一级指标": "level1", "一级": "level1", "一级指标名称": "level1",
    "二级指标": "level2", "二级": "level2", "二级指标名称": "level2",
    "三级指标": "name", "三级指标名称": "name", "指标名称": "name", "指标内容": "name", "三级": "name",
    "绩效指标名称": "name", "具体指标": "name", "三级指标内容": "name",
    "绩效指标描述": "description", "指标解释": "description", "指标描述": "description", "指标说明": "description",
    "指标定义": "description", "指标解释说明": "description", "指标口径": "description",
    "指标值": "value", "年度指标值": "value", "目标值": "value", "指标目标值": "value", "本年度计划水平": "value",
    "年度指标值/实际完成值": "value", "目标值/完成值": "value", "指标值/完成值": "value",
    "预期目标值": "value", "年度目标值": "value", "绩效指标值": "value", "指标值(年度)": "value",
    "评价标准": "value_alt",
    # a 绩效目标调整申请表: the adjusted value is the target; 不变 keeps the original (grid_rows)
    "调整后指标值": "value", "调整后目标值": "value", "原指标值": "original", "调整前指标值": "original",
    "原目标值": "original",
    "计算符号": "sign", "指标性质": "sign", "运算符号": "sign", "符号": "sign", "运算符": "sign",
    "计量单位": "unit", "度量单位": "unit", "单位": "unit",
    "指标值确定依据": "basis", "评价标准确定依据": "basis", "确定依据": "basis", "指标值设定依据": "basis",
    "权重": "weight", "分值": "weight", "指标权重": "weight",
    "指标方向性": "direction", "指标方向": "direction", "方向": "direction",
    "上年指标值": "last_year", "上年实际值": "last_year", "上年度实际水平": "last_year", "上年值": "last_year",
    "上年完成值": "last_year", "上年度指标值": "last_year",
    "计算公式": "formula", "指标计算公式": "formula", "计算方法": "formula",
    "指标值说明": "note", "备注": "note",
    "适用范围": "scope", "指标类型": "scope", "目标类型": "scope",
    "序号": "skip", "编号": "skip", "操作": "skip",  # (a web system's 编辑 删除 buttons)
    "项目名称": "project_name", "项目编码": "project_code", "项目代码": "project_code",
    # a flat export's project columns beside its indicator columns (one row per indicator)
    "预算数": "project_budget", "项目预算数": "project_budget", "年度预算数": "project_budget",
    "预算金额": "project_budget", "年度资金总额": "project_budget", "单位名称": "project_unit",
    "年度绩效目标": "project_goal", "项目绩效目标": "project_goal", "项目年度绩效目标": "project_goal",
}
_OPERATOR_HEADERS = frozenset({"计算符号", "运算符号", "符号", "运算符"})
_INDICATOR_FIELDS = ("name", "description", "value", "sign", "unit", "basis", "weight", "direction",
                     "last_year", "formula", "note", "scope", "value_alt", "original")


@lru_cache(maxsize=4)
def _grid_headers(registry: fields.RegistryKey) -> tuple[dict[str, str], list[str]]:
    table = {**label_headers(), **GRID_HEADERS}
    return table, sorted((k for k in table if len(k) >= 3 or k in ("单位",)), key=len, reverse=True)


def grid_headers() -> dict[str, str]:
    """Every header label of the indicator grid (registry and local) → the label assembler's field."""
    return _grid_headers(fields.registry_key())[0]


def header_field(cell: str | None) -> str | None:
    if not cell:
        return None
    return _header_field(cell, fields.registry_key())


@lru_cache(maxsize=16384)
def _header_field(cell: str, registry: fields.RegistryKey) -> str | None:
    table = grid_headers()
    t = fold(cell)
    if t in table:
        return table[t]
    t2 = re.sub(r"\([^()]*\)$", "", t)
    return table.get(t2)


def grid_header(cells: list[str | None]) -> tuple[dict[int, str], dict[int, str]] | None:
    """Column map of an indicator-grid header row, or None when the row is not one."""
    cols: dict[int, str] = {}
    extra: dict[int, str] = {}
    for i, c in enumerate(cells):
        f = header_field(c)
        if f is None and c and YEAR_COLUMN.fullmatch(fold(c)) and "value" not in cols.values():
            f = "value"  # 2025年 | 2026年 | 2027年 (a rolling plan): the first year's is the target
        if f == "sign" and f in cols.values() and fold(c or "") in _OPERATOR_HEADERS:
            # 指标性质 (正向/反向, 定量/定性) came first and took the sign: the 计算符号 column is it
            held = next(k for k, v in cols.items() if v == "sign")
            cols[held] = "direction" if "direction" not in cols.values() else "skip"
        if f and f not in cols.values():
            cols[i] = f
        elif c:
            extra[i] = c
    found = set(cols.values()) - {"skip"}
    if len(found) < 3 or not ({"name", "level1", "level2"} & found):
        return None
    if not ({"value", "value_alt", "name"} & found):
        return None
    if "value" in found and "value_alt" in found:  # 评价标准 next to 指标值: keep it apart
        for i, f in list(cols.items()):
            if f == "value_alt":
                del cols[i]
                extra[i] = cells[i] or ""
    return cols, extra




def glued_header(text: str) -> list[str] | None:
    """'一级指标二级指标三级指标指标值' → ['level1', 'level2', 'name', 'value'] (the whole text must match)."""
    t = fold(text)
    pos, order = 0, []
    table, words = _grid_headers(fields.registry_key())
    while pos < len(t):
        for word in words:
            if t.startswith(word, pos):
                order.append(table[word])
                pos += len(word)
                break
        else:
            return None
    if len(order) < 3 or not ({"level1", "level2"} <= set(order)):
        return None
    return order


def _level_words(aliases: dict[str, str]) -> list[str]:
    words = set()
    for alias in aliases:
        if alias == "投入":
            words.update({"投入指标", "投入目标"})
            continue
        words.update({alias + "指标", alias + "目标"})
        if alias.endswith(("效益", "成本", "满意度")) and len(alias) >= 3:
            words.add(alias)
    return sorted(words, key=len, reverse=True)


def _framework_names(level: int) -> dict[str, str]:
    """Every framework's 一级 (level 1) or 二级 (level 2) names and aliases, the shared ones first."""
    out = dict(frameworks.LEVEL1_ALIASES if level == 1 else frameworks.LEVEL2_ALIASES)
    for fw in frameworks.FRAMEWORKS.values():
        names = list(fw.levels) if level == 1 else [k2 for k2s in fw.levels.values() for k2 in k2s]
        out.update({n: n for n in names if n not in out})
        out.update({k: v for k, v in (fw.level1_aliases if level == 1 else fw.level2_aliases).items() if k not in out})
    return out


LEVEL1_WORDS = _level_words(_framework_names(1))
LEVEL2_WORDS = _level_words(_framework_names(2))


def _prefix(text: str, words: list[str]) -> str | None:
    for w in words:
        if text.startswith(w):
            return w
    return None


_PLACEHOLDER_VALUE = re.compile(r"[≥≤≧≦><＞＜=＝]\*{2,}[\u4e00-\u9fff%‰/·]{0,6}")  # the whole value, not (≤**万元) in a name
_OP_START = re.compile(r"[≥≤≧≦⩾⩽><＞＜=＝]|不低于|不少于|不小于|不高于|不超过|不大于|大于|小于|高于|低于|至少|达到|控制在")
_TRAILING_DATE = re.compile(r"((?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日|底|末|中旬|上旬|下旬)?|底)\s*(?:前|之前|以前)?)$")
_TRAILING_QUANTITY = re.compile(r"(\d[\d,，.]*\s*(?:%|‰|个百分点|[\u4e00-\u9fff]{1,4}(?:/[\u4e00-\u9fff]{1,2}){0,2})?)$")


def split_name_value(text: str) -> tuple[str, str | None]:
    """'送戏下乡场次≥197场' → ('送戏下乡场次', '≥197场'); the value as written, or None when not found."""
    for m in _OP_START.finditer(text):
        if m.start() == 0:
            continue
        candidate = text[m.start():]
        # a template's placeholder left in the value (≥****人) is the value too, kept for the checker
        if not isinstance(values.parse(candidate), values.ParseError) or _PLACEHOLDER_VALUE.fullmatch(candidate):
            return text[: m.start()].rstrip(" ：:，,"), candidate
    d = _TRAILING_DATE.search(text)
    if d and d.start() > 0 and not isinstance(values.parse(d.group(1)), values.ParseError):
        return text[: d.start()].rstrip(" ：:，,"), d.group(1)
    m = _TRAILING_QUANTITY.search(text)  # type: ignore[assignment]
    if m and m.start() > 0:
        candidate = m.group(1)
        parsed = values.parse(candidate)
        # the number must not go on from the name ("16-59周岁人数") and the unit must be a real one
        if (text[m.start() - 1] not in "0123456789-~～－—至" and isinstance(parsed, values.Quantity)
                and (not parsed.unit or values.unit_known(parsed.unit))):
            return text[: m.start()].rstrip(" ：:，,"), candidate
    return text, None


def parse_basis(text: str | None) -> Basis | None:
    if not text:
        return None
    for cat in BASIS_CATEGORIES:
        if text == cat:
            return Basis(cat, None)
        for sep in ("：", ":"):
            if text.startswith(cat + sep):
                return Basis(cat, clean_cell(text[len(cat) + 1:]))
    return Basis(None, text)


def join_value(sign: str | None, number: str | None, unit: str | None) -> tuple[str | None, str | None]:
    """The 一体化 split 计算符号 | 指标值 | 计量单位 as one value string, plus a remark for odd signs."""
    if unit and unit.strip("-—－/／ ") == "":
        unit = None
    if sign:
        s = fold(sign)
        if s in ("定性", "不适用"):
            return number, None if s == "定性" else f"计算符号“{sign}”"
        if s == "区间" and number and "-" in number:  # 区间 | 90-95 | % → 90%-95%
            low, _, high = number.partition("-")
            return f"{low}{unit or ''}-{high}{unit or ''}", None
        if s.startswith("定量"):
            text = (number or "") + (unit if unit and not (number or "").endswith(unit) else "")
            return text or None, f"计算符号“{sign}”"
    if number is None and unit is None:
        return (sign or None), None
    text = number or ""
    if sign and not text.startswith(sign):
        text = sign + text
    if unit and not text.endswith(unit):
        text += unit
    return text or None, None


# --- headings ------------------------------------------------------------------------------------------------

_CN_NUM = "一二三四五六七八九十"
_DEPT_HEADING = re.compile(
    rf"^[{_CN_NUM}]+\s*[、.．]\s*(总体绩效目标|年度总体目标|部门整体绩效目标|总体目标|分项绩效目标|工作保障措施|保障措施)\s*[:：]?$")
_DEPT_SECTIONS = {"总体绩效目标": "overall", "年度总体目标": "overall", "部门整体绩效目标": "overall",
                  "总体目标": "overall", "分项绩效目标": "sub", "工作保障措施": "safeguards", "保障措施": "safeguards"}
_PART_HEADING = re.compile(r"^(?:第[一二三四五六七八九十]部分\s*)?(部门整体绩效目标|部门整体支出绩效目标|预算项目绩效目标|项目支出绩效目标)?$")
_PROJECT_TITLE = re.compile(r"^(?:\d+\s*[、.．]\s*)?(.*?)(?:项目)?(?:支出)?绩效目标(?:申报)?表\s*$")
_LEVEL1_HEADING = re.compile(rf"^[{_CN_NUM}]+\s*[、.．]\s*(.+?)\s*[:：]?$")
_LEVEL2_HEADING = re.compile(rf"^[（(]\s*[{_CN_NUM}]+\s*[）)]\s*(.+?)\s*[:：]?$")
_BRACKET_LEVELS = re.compile(r"^【\s*([^】]+?)\s*[-－—–_/、]\s*([^】]+?)\s*】\s*(.*)$")
_NARRATIVE_ROW = re.compile(r"^(?:指标\s*\d+|\d+)\s*[：:、.．]\s*(.+)$")
_NUMBERED = re.compile(r"^\s*\d+\s*[、.．]\s*")
_TITLE_LINE = re.compile(r"^[^：:，。；]{0,40}(?:绩效目标|绩效文本|部门预算|预算项目)[^：:，。；]{0,20}$")
# A year followed by 年, not inside a 文号 (〔2019〕, [2019]) or a range; a year alone in brackets with
# 年度 is a title's year ("项目支出绩效目标表（2025年度）").
_YEAR_IN_TEXT = re.compile(r"(?:(?<![\d\[〔【(（—–~～至])|(?<=[(（])(?=\d{4}\s*年度?\s*[)）]))(20\d\d)(?:\s*年?\s*[—–~～至-]\s*20\d\d)?\s*年")


def _is_level1(label: str) -> bool:
    return frameworks.level1_key(label) is not None and fold(label).endswith(("指标", "目标"))


