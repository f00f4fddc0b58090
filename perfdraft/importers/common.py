"""Shared machinery of the importers: records, the table assembler, repairs and the import report.

Every reader (text, xlsx, docx) turns its file into a sequence of :class:`Record` objects: a table
row (a list of cells, blank cells ``None``) or a free paragraph, each with its location (``第 12 行``,
``Sheet1!B7``, ``表格 2 第 3 行``). The :class:`Assembler` reads those records the way a person reads
the paper table: department headings (一、总体绩效目标 …), project titles, label cells (项目名称,
预算数 …) followed by their value, the 资金支出计划 header and its row of percentages, and the
indicator grid, found by its header names in any column order.

Rules the importers keep:

* **Values are imported exactly as written**, defects included (the checker judges them). Level
  names are kept as written too. Both are *reported* when they differ from the standard forms.
* **Repairs are never silent.** Each one becomes a line of the :class:`Report` (printed to stderr by
  ``perfdraft import`` and returned to callers).
* **Nothing read is dropped.** Text the assembler cannot place is listed with file, location and
  text, and kept in the draft's ``notes`` (the project's, or the draft's outside any project).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .. import frameworks, names, values
from ..drafts import DraftError
from ..model import (
    BASIS_CATEGORIES,
    Basis,
    Budget,
    Draft,
    Indicator,
    Project,
    SpendingPlan,
    SubGoal,
)

# --- errors and the report -------------------------------------------------------------------------


class ImportFailed(DraftError):
    """A file could not be imported at all. ``str(err)`` is one Chinese line naming the file."""


@dataclass(frozen=True)
class Unplaced:
    """A piece of text the importer read but could not place in the draft."""

    file: str
    where: str
    text: str

    def __str__(self) -> str:
        return f"{self.file} {self.where}：{self.text}"


class Report:
    """Repairs and remarks of one import, grouped so that 34 identical repairs make one line."""

    def __init__(self, source: str):
        self.source = source
        self._order: list[str] = []
        self._text: dict[str, str] = {}
        self._where: dict[str, list[str]] = {}
        self.unplaced: list[Unplaced] = []

    def note(self, key: str, text: str, where: str | None = None) -> None:
        if key not in self._text:
            self._order.append(key)
            self._text[key] = text
            self._where[key] = []
        if where:
            self._where[key].append(where)

    def lost(self, where: str, text: str) -> Unplaced:
        item = Unplaced(self.source, where, text)
        self.unplaced.append(item)
        return item

    def lines(self) -> list[str]:
        out = []
        for key in self._order:
            where = self._where[key]
            if not where:
                out.append(f"{self.source}：{self._text[key]}")
                continue
            shown = "、".join(where[:6]) + ("等" if len(where) > 6 else "")
            count = f"{len(where)} 处：" if len(where) > 1 else ""
            out.append(f"{self.source}：{self._text[key]}（{count}{shown}）")
        return out


@dataclass
class ImportResult:
    draft: Draft
    repairs: list[str] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)


# --- records ------------------------------------------------------------------------------------------


@dataclass
class Record:
    """One table row, or one free paragraph (``para``), as read from a file.

    ``cells`` are the visible cells (a merged cell only in its top-left position); ``filled`` has
    vertically merged cells filled down (xlsx/docx), used for the indicator grid. ``locs`` names
    each cell (``Sheet1!B7``); ``gap`` is True when a blank line came before a paragraph.
    """

    cells: list[str | None]
    where: str
    locs: list[str] | None = None
    filled: list[str | None] | None = None
    para: bool = False
    gap: bool = False
    spans: list[int] | None = None  # columns each cell spans (xlsx merges); a wide lone cell is a paragraph

    def loc(self, i: int) -> str:
        if self.locs and i < len(self.locs):
            return self.locs[i]
        return self.where

    def first_loc(self) -> str:
        for i, c in enumerate(self.cells):
            if c:
                return self.loc(i)
        return self.where


def clean_cell(text: object) -> str | None:
    """A cell's text without surrounding white space; blank → None."""
    if text is None:
        return None
    s = str(text).replace("\r\n", "\n").replace("\r", "\n")
    s = s.strip(" \t\n\u3000\u00a0\ufeff")
    return s or None


# --- repairs ---------------------------------------------------------------------------------------------

# Word field codes that leak into copied text: TC entries of a table of contents and their friends.
_TOC_CODE = re.compile(
    r"\s*\bTC\s+(?:\"[^\"]*\"|.*?)\s*\\f\s*\"?[A-Za-z]\"?\s*\\l\s*\"?\d+\"?\s*"
    r"|\s*\bPAGEREF\s+_Toc\d+(?:\s*\\[a-z])*\s*"
    r"|\s*\bTOC\s+(?:\\[a-z]\s*(?:\"[^\"]*\")?\s*)+"
)


def strip_field_codes(text: str) -> tuple[str, bool]:
    new = _TOC_CODE.sub("", text)
    if new == text:
        return text, False
    return new.rstrip(), True


# "317002顺平县社会保险事业管理局": the unit code glued to the unit's name.
_UNIT_SUFFIX = (r"(?:委员会|办公室|管理局|管理处|管理所|服务中心|事务中心|中心|局|委|办|院|所|站|馆|会|处|部|队|厅|"
                r"室|校|学|园|公司|政府|街道|乡|镇|社|团|组|司)")
_UNIT_CODE = re.compile(r"^(\d{3,12})\s*([\u4e00-\u9fff（）()]{2,40}" + _UNIT_SUFFIX + r")$")


_UNIT_NAME = re.compile(r"^[\u4e00-\u9fff（）()]{2,40}" + _UNIT_SUFFIX + r"$")


def split_unit_code(text: str) -> tuple[str | None, str] | None:
    m = _UNIT_CODE.match(text.strip())
    if not m:
        return None
    return m.group(1), m.group(2)


_GLYPHS = {"≧": "≥", "≦": "≤", "⩾": "≥", "⩽": "≤", "＞＝": "≥", "＜＝": "≤", ">=": "≥", "<=": "≤",
           "＞": ">", "＜": "<", "＝": "=", "％": "%"}


def value_remarks(value: str) -> list[tuple[str, str]]:
    """(key, remark) for the variant forms in a 指标值; the value itself is never changed."""
    out = []
    for glyph, std in _GLYPHS.items():
        if glyph in value:
            out.append((f"glyph:{glyph}", f"指标值含异体符号“{glyph}”（标准写法 {std}），按原文保留，由检查提示"))
    if re.search(r"[０-９]", value):
        out.append(("fullwidth", "指标值含全角数字，按原文保留，由检查提示"))
    if "百分比" in value:
        out.append(("percent-word", "指标值以“百分比”作单位（标准写法 %），按原文保留，由检查提示"))
    if re.search(r"\d[,，]\d{3}", value):
        out.append(("thousands", "指标值含千分位分隔符，按原文保留，由检查提示"))
    return out


def fold(text: str) -> str:
    """The matching form of a label: NFKC (full-width → ASCII), no white space, no trailing colon."""
    t = unicodedata.normalize("NFKC", text)
    t = re.sub(r"\s+", "", t)
    return t.rstrip(":")


def _strip_level_suffix(text: str) -> str:
    t = fold(text)
    changed = True
    while changed and t:
        changed = False
        for suffix in ("指标", "目标", "值"):
            if t.endswith(suffix) and len(t) > len(suffix):
                t, changed = t[: -len(suffix)], True
    return t


def level_remarks(level1: str | None, level2: str | None) -> list[tuple[str, str]]:
    """(key, remark) for old, local or unknown level names; the labels themselves stay as written."""
    out = []
    if level1:
        key = frameworks.level1_key(level1)
        if key is None:
            out.append((f"l1?:{level1}", f"一级指标“{level1}”不是已知的指标层级名称，按原文保留，由检查提示"))
        elif key == "投入":
            out.append((f"l1:{level1}", f"一级指标“{level1}”是旧表的投入指标：投入-时效按产出-时效、"
                                        f"投入-成本按产出-成本（central-2021 为成本-经济成本）理解，草稿保留原文"))
        elif key != _strip_level_suffix(level1):
            out.append((f"l1:{level1}", f"一级指标“{level1}”按“{frameworks.LEVEL1_LABELS.get(key, key)}”理解，草稿保留原文"))
    if level2:
        key = frameworks.level2_key(level2)
        if key is None:
            out.append((f"l2?:{level2}", f"二级指标“{level2}”不是已知的指标层级名称，按原文保留，由检查提示"))
        elif key != _strip_level_suffix(level2):
            out.append((f"l2:{level2}", f"二级指标“{level2}”按“{frameworks.LEVEL2_LABELS.get(key, key)}”理解，草稿保留原文"))
    return out


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
    "预算单位": "dept", "单位名称": "dept", "部门名称": "dept", "实施单位": "dept", "主管部门": "dept",
    "主管部门及代码": "dept", "预算部门": "dept", "部门(单位)名称": "dept",
    "3月底": "mar", "6月底": "jun", "10月底": "oct", "12月底": "dec",
    "3月": "mar", "6月": "jun", "10月": "oct", "12月": "dec",
    "合计": "total", "部门预算": "dept_budget",
}
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
    if not cell:
        return None
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
            return Label(PROJECT_LABELS[key], clean_cell(m.group(2)) or "", unit)
    m = re.match(r"^\s*【([^】]{2,14})】\s*(.*)$", cell, re.S)
    if m:
        key, unit = _label_key(m.group(1))
        if key in PROJECT_LABELS and PROJECT_LABELS[key]:
            return Label(PROJECT_LABELS[key], clean_cell(m.group(2)) or "", unit)
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
    "预期目标值": "value", "年度目标值": "value", "绩效指标值": "value", "指标值(年度)": "value",
    "评价标准": "value_alt",
    "计算符号": "sign", "指标性质": "sign", "运算符号": "sign", "符号": "sign",
    "计量单位": "unit", "度量单位": "unit", "单位": "unit",
    "指标值确定依据": "basis", "评价标准确定依据": "basis", "确定依据": "basis", "指标值设定依据": "basis",
    "权重": "weight", "分值": "weight", "指标权重": "weight",
    "指标方向性": "direction", "指标方向": "direction", "方向": "direction",
    "上年指标值": "last_year", "上年实际值": "last_year", "上年度实际水平": "last_year", "上年值": "last_year",
    "上年完成值": "last_year", "上年度指标值": "last_year",
    "计算公式": "formula", "指标计算公式": "formula", "计算方法": "formula",
    "指标值说明": "note", "备注": "note",
    "适用范围": "scope", "指标类型": "scope",
    "序号": "skip", "编号": "skip",
    "项目名称": "project_name", "项目编码": "project_code", "项目代码": "project_code",
}
_INDICATOR_FIELDS = ("name", "description", "value", "sign", "unit", "basis", "weight", "direction",
                     "last_year", "formula", "note", "scope", "value_alt")


def header_field(cell: str | None) -> str | None:
    if not cell:
        return None
    t = fold(cell)
    if t in GRID_HEADERS:
        return GRID_HEADERS[t]
    t2 = re.sub(r"\([^()]*\)$", "", t)
    return GRID_HEADERS.get(t2)


def grid_header(cells: list[str | None]) -> tuple[dict[int, str], dict[int, str]] | None:
    """Column map of an indicator-grid header row, or None when the row is not one."""
    cols: dict[int, str] = {}
    extra: dict[int, str] = {}
    for i, c in enumerate(cells):
        f = header_field(c)
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


_HEADER_WORDS = sorted((k for k in GRID_HEADERS if len(k) >= 3 or k in ("单位",)), key=len, reverse=True)


def glued_header(text: str) -> list[str] | None:
    """'一级指标二级指标三级指标指标值' → ['level1', 'level2', 'name', 'value'] (the whole text must match)."""
    t = fold(text)
    pos, order = 0, []
    while pos < len(t):
        for word in _HEADER_WORDS:
            if t.startswith(word, pos):
                order.append(GRID_HEADERS[word])
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


LEVEL1_WORDS = _level_words(frameworks.LEVEL1_ALIASES)
LEVEL2_WORDS = _level_words(frameworks.LEVEL2_ALIASES)


def _prefix(text: str, words: list[str]) -> str | None:
    for w in words:
        if text.startswith(w):
            return w
    return None


_OP_START = re.compile(r"[≥≤≧≦⩾⩽><＞＜=＝]|不低于|不少于|不小于|不高于|不超过|不大于|大于|小于|高于|低于|至少|达到|控制在")
_TRAILING_DATE = re.compile(r"((?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日|底|末|中旬|上旬|下旬)?|底)\s*(?:前|之前|以前)?)$")
_TRAILING_QUANTITY = re.compile(r"(\d[\d,，.]*\s*(?:%|‰|个百分点|[\u4e00-\u9fff]{1,4}(?:/[\u4e00-\u9fff]{1,2}){0,2})?)$")


def split_name_value(text: str) -> tuple[str, str | None]:
    """'送戏下乡场次≥197场' → ('送戏下乡场次', '≥197场'); the value as written, or None when not found."""
    for m in _OP_START.finditer(text):
        if m.start() == 0:
            continue
        candidate = text[m.start():]
        if not isinstance(values.parse(candidate), values.ParseError):
            return text[: m.start()].rstrip(" ：:，,"), candidate
    m = _TRAILING_DATE.search(text)
    if m and m.start() > 0 and not isinstance(values.parse(m.group(1)), values.ParseError):
        return text[: m.start()].rstrip(" ：:，,"), m.group(1)
    m = _TRAILING_QUANTITY.search(text)
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


def parse_money(text: str) -> tuple[Decimal | None, str | None]:
    """'1,600,000.00' → Decimal; the unit named in the cell (万元) is returned apart; None when not money."""
    t = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    unit = None
    for u in ("万元", "元"):
        if t.endswith(u):
            unit, t = u, t[: -len(u)]
            break
    t = t.replace(",", "")
    try:
        return Decimal(t), unit
    except InvalidOperation:
        return None, unit


def parse_percent(text: str) -> Decimal | None:
    t = unicodedata.normalize("NFKC", text).strip().rstrip("%").strip()
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


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
_YEAR_IN_TEXT = re.compile(r"(?<![\d\[〔【(（])(20\d\d)\s*年")


def _is_level1(label: str) -> bool:
    return frameworks.level1_key(label) is not None and fold(label).endswith(("指标", "目标"))


# --- the assembler ----------------------------------------------------------------------------------------------


@dataclass
class _Grid:
    cols: dict[int, str]
    extra: dict[int, str]
    where: str
    order: list[str] | None = None  # glued header: the column order, cells not separable
    narrative: bool = False
    level1: str | None = None
    level2: str | None = None
    pending: Indicator | None = None  # a level-only row not yet used by a following row
    pending_where: str = ""
    project_cols: bool = False

    def carry_levels(self, level1: str | None, level2: str | None) -> tuple[str | None, str | None]:
        """Fill a row's blank 一级/二级 from the rows above (merged cells read blank), and remember them."""
        if level1 is None:
            level1 = self.level1
            if level2 is None:
                level2 = self.level2
        elif level2 is None and level1 == self.level1:
            level2 = self.level2
        self.level1, self.level2 = level1, level2
        return level1, level2


_MONEY_FIELDS = ("total", "fiscal", "other")
_MONEY_NAMES = {"total": "预算数", "fiscal": "财政资金", "other": "其他资金"}
_INDICATORS_MARK = re.compile(r"^(?:部门)?(?:年度)?(?:整体)?绩效指标[:：]?$")
_LINKED = re.compile(r"^关联项目[:：]\s*(.*)$")


class Assembler:
    """Builds one draft from the records of one file."""

    def __init__(self, source: str, report: Report, *, split_doc_number: bool = False):
        self.source = source
        self.report = report
        self.split_doc_number = split_doc_number
        self.draft = Draft(year=None)
        self.project: Project | None = None
        self.project_from_cell: set[str] = set()
        self.title: str | None = None
        self.section: str | None = None  # department part: overall | sub | safeguards
        self.grid: _Grid | None = None
        self.pending_cols: dict[int, str] = {}
        self.pending_text: str | None = None  # purpose / goal whose text is on the next row
        self.text_target: tuple[object, str] | None = None  # where a continuation paragraph goes
        self.money_unit = "元"
        self.dept_money = False  # the next money cells are the department's (部门预算)
        self.years: Counter[int] = Counter()
        self.title_years: Counter[int] = Counter()
        self.found_anything = False
        self._titles: dict[int, str] = {}

    # -- entry points --------------------------------------------------------------------------------------

    def feed(self, rec: Record) -> None:
        cells: list[str | None] = []
        for i, c in enumerate(rec.cells):
            if c:
                new, changed = strip_field_codes(c)
                if changed:
                    self.report.note("toc", "已去除 Word 目录域代码（TC … \\f X \\l N）", rec.loc(i))
                c = new
            cells.append(clean_cell(c))
        rec.cells = cells
        if rec.filled is not None:
            rec.filled = [clean_cell(strip_field_codes(c)[0]) if c else None for c in rec.filled]
        nonblank = [c for c in cells if c]
        for c in nonblank:
            for m in _YEAR_IN_TEXT.finditer(c):
                self.years[int(m.group(1))] += 1
        if not nonblank:
            return
        if rec.para or len(cells) == 1:
            self._para(rec, nonblank[0])
        else:
            self._row(rec)

    def end_table(self) -> None:
        """A table (docx) or sheet (xlsx) ended: the grid and pending header rows end with it."""
        self._close_grid()
        self.pending_cols = {}
        self.pending_text = None
        self.text_target = None
        self.dept_money = False

    def end_unit(self) -> None:
        """A sheet ended: the next sheet starts afresh."""
        self.end_table()
        self.project = None
        self.project_from_cell = set()
        self.title = None
        self.section = None
        self.money_unit = "元"

    # -- projects and where things go ---------------------------------------------------------------------

    def _new_project(self) -> Project:
        self._close_grid()
        p = Project()
        self.draft.projects.append(p)
        self.project = p
        self.project_from_cell = set()
        self.section = None
        self.found_anything = True
        if self.title:  # the name when the table has no 项目名称 cell; a 文号 in front of the name
            self._titles[id(p)] = self.title
            self.title = None
        return p

    def _current(self) -> Project:
        if self.project is None:
            return self._new_project()
        return self.project

    def _indicator_list(self) -> list[Indicator]:
        """Department rows under 一、总体绩效目标, a sub-goal's rows under its item, else the project's."""
        if self.project is None and self.section == "overall":
            return self.draft.department.indicators
        if self.project is None and self.section == "sub" and self.draft.department.sub_goals:
            return self.draft.department.sub_goals[-1].indicators
        return self._current().indicators

    def _lose(self, where: str, text: str) -> None:
        self.report.lost(where, text)
        note = f"导入时未能归位（{self.source} {where}）：{text}"
        if self.project is not None:
            self.project.notes.append(note)
        else:
            self.draft.notes.append(note)

    # -- paragraphs -----------------------------------------------------------------------------------------

    def _heading(self, text: str) -> bool:
        """Handle a department, part or project heading; False when ``text`` is none of them."""
        m = _DEPT_HEADING.match(text)
        if m:
            self._close_grid()
            self.section = _DEPT_SECTIONS[m.group(1)]
            self.project = None
            self.text_target = None
            self.pending_cols, self.pending_text = {}, None
            self.found_anything = True
            return True
        t = fold(text)
        if t and _PART_HEADING.match(t):
            self._close_grid()
            self.section = None
            self.project = None
            self.text_target = None
            return True
        m = _PROJECT_TITLE.match(text)
        if m and len(text) <= 160 and "：" not in text and ":" not in text:
            self._close_grid()
            self.section = None
            self.project = None
            self.text_target = None
            self.pending_cols, self.pending_text = {}, None
            title = m.group(1).strip()
            for y in _YEAR_IN_TEXT.finditer(title):
                self.title_years[int(y.group(1))] += 1
            title = re.sub(r"^20\d\d\s*年度?", "", title).strip()
            self.title = title or None
            return True
        return False

    def _para(self, rec: Record, text: str) -> None:
        where = rec.first_loc()
        if self._heading(text):
            return
        # narrative form: 一、产出指标 / （一）数量指标 / 【产出指标-数量指标】 / 指标1：名称（≥值）
        if self._narrative(rec, text):
            return
        label = project_label(text)
        if label is not None and label.inline is None and label.field in ("purpose", "goal"):
            label = Label(label.field, "", label.unit)  # 绩效目标 alone on its line: the text follows
        if label is not None and label.inline is not None and label.field not in _PLAN_FIELDS:
            self._close_grid()
            self.pending_cols = {}
            self._set(label, label.inline or None, where)
            self.pending_text = label.field if label.field in ("purpose", "goal") and not label.inline else None
            return
        if self.project is None and self.section in ("overall", "sub") and _INDICATORS_MARK.match(fold(text)):
            return  # 年度绩效指标：the grid that follows is the department's
        m = _LINKED.match(text)
        if m and self.project is None and self.section == "sub" and self.draft.department.sub_goals:
            self.draft.department.sub_goals[-1].projects.extend(_linked_codes(m.group(1)))
            return
        if self.grid is not None and not self.grid.narrative and self._glued_row(rec, text):
            return
        order = glued_header(text)
        if order:
            self._close_grid()
            self.grid = _Grid({}, {}, where, order=order)
            self.found_anything = True
            self.report.note("glued", "指标行的单元格没有分隔符，已按层级名称和指标值拆分，请核对", where)
            return
        t = fold(text)
        w1 = _prefix(t, LEVEL1_WORDS)
        if self.grid is None and w1 and _prefix(t[len(w1):], LEVEL2_WORDS):
            self.grid = _Grid({}, {}, where, order=["level1", "level2", "name", "value"])
            self.report.note("glued", "指标行的单元格没有分隔符，已按层级名称和指标值拆分，请核对", where)
            if self._glued_row(rec, text):
                return
        self._close_grid()
        if _MONEY_UNIT.match(text):
            self._money_unit(text)
            return
        if split_unit_code(text) and self._department_cell(text, where):
            return
        if self.pending_text and self.project is not None:
            self._assign_text(self.pending_text, text)
            self.pending_text = None
            return
        if self.text_target is not None and self.section is None:
            obj, attr = self.text_target
            old = getattr(obj, attr)
            setattr(obj, attr, (old + ("\n\n" if rec.gap else "\n") + text) if old else text)
            return
        if self.section is not None:
            self._department_text(text)
            return
        if _TITLE_LINE.match(text):
            for y in _YEAR_IN_TEXT.finditer(text):
                self.title_years[int(y.group(1))] += 1
            self.report.note(f"title:{text}", f"标题“{text}”只用于推断年度，未写入草稿", where)
            return
        self._lose(where, text)

    def _department_text(self, text: str) -> None:
        d = self.draft.department
        self.found_anything = True
        if self.section == "overall":
            d.overall_goal = f"{d.overall_goal}\n\n{text}" if d.overall_goal else text
        elif self.section == "safeguards":
            d.safeguards = f"{d.safeguards}\n\n{text}" if d.safeguards else text
        else:
            m = _NUMBERED.match(text)
            if m or not d.sub_goals:
                d.sub_goals.append(SubGoal(text=(text[m.end():] or None) if m else text))
            else:
                g = d.sub_goals[-1]
                g.text = f"{g.text}\n\n{text}" if g.text else text

    def _narrative(self, rec: Record, text: str) -> bool:
        where = rec.first_loc()
        m = _BRACKET_LEVELS.match(text)
        if m and _is_level1(m.group(1)) and frameworks.level2_key(m.group(2)):
            self._narrative_grid(where)
            self._level_heading(m.group(1), m.group(2), where)
            rest = m.group(3).strip()
            if rest:
                self._narrative_row(rest, where)
            return True
        m = _LEVEL1_HEADING.match(text)
        if m and _is_level1(m.group(1)):
            self._narrative_grid(where)
            self._level_heading(m.group(1), None, where)
            return True
        g = self.grid
        if g is None or not g.narrative:
            return False
        m = _LEVEL2_HEADING.match(text)
        if m and frameworks.level2_key(m.group(1)):
            self._level_heading(g.level1, m.group(1), where, keep_level1=True)
            return True
        m = _NARRATIVE_ROW.match(text)
        if m:
            self._narrative_row(m.group(1).strip(), where)
            return True
        return False

    def _level_heading(self, level1: str | None, level2: str | None, where: str, keep_level1: bool = False) -> None:
        g = self.grid
        assert g is not None
        self._flush_pending(keep_level1=keep_level1)
        g.level1, g.level2 = level1, level2
        g.pending = Indicator(level1=level1, level2=level2)
        g.pending_where = where

    def _narrative_grid(self, where: str) -> None:
        if self.grid is None or not self.grid.narrative:
            self._close_grid()
            self.pending_cols, self.pending_text, self.text_target = {}, None, None
            self.grid = _Grid({}, {}, where, narrative=True)
            self.found_anything = True
            self.report.note("narrative", "按叙述式（一、产出指标 …（一）数量指标 … 指标1：名称（指标值））读取指标", where)

    def _narrative_row(self, text: str, where: str) -> None:
        m = _NARRATIVE_ROW.match(text)
        if m:
            text = m.group(1).strip()
        name, value = text, None
        pm = re.match(r"^(.*)[（(]([^（）()]*)[）)]\s*[。；;]?$", text)
        if pm and pm.group(1).strip() and _looks_like_value(pm.group(2).strip()):
            name, value = pm.group(1).strip(), pm.group(2).strip() or None
        elif "：" in text or ":" in text:
            head, _, tail = text.replace(":", "：").rpartition("：")
            if head.strip() and _looks_like_value(tail.strip()):
                name, value = text[: len(head)].strip(), text[len(head) + 1:].strip() or None
        g = self.grid
        self._add_indicator(Indicator(level1=g.level1 if g else None, level2=g.level2 if g else None,
                                      name=name, value=value))

    # -- rows -------------------------------------------------------------------------------------------------

    def _row(self, rec: Record) -> None:
        cells = rec.cells
        filled = rec.filled or cells
        where = rec.first_loc()
        head = grid_header(filled)
        if head is not None:
            self._close_grid()
            self.pending_cols, self.pending_text, self.text_target = {}, None, None
            cols, extra = head
            self.grid = _Grid(cols, extra, where,
                              project_cols=bool({"project_name", "project_code"} & set(cols.values())))
            if {"sign", "unit"} & set(cols.values()):
                self.report.note("joined", "计算符号、指标值、计量单位分列，已合并为一个指标值（定性只取指标值）", where)
            for i, h in extra.items():
                self.report.note(f"extra:{h}", f"指标表的“{h}”列不是已知列，其内容放入 notes", rec.loc(i))
            self.found_anything = True
            return
        nonblank = [i for i, c in enumerate(cells) if c]
        single = cells[nonblank[0]] if len(nonblank) == 1 else None
        if single is not None and self._heading(single):
            return
        g = self.grid
        if single is not None and g is not None and rec.spans and rec.spans[nonblank[0]] >= 4:
            self._para(Record([single], rec.loc(nonblank[0]), para=True), single)  # a paragraph across the sheet
            return
        if g is not None and not g.narrative and g.order is None:
            first = cells[nonblank[0]]
            if project_label(first) is None or g.project_cols:
                self._grid_row(rec, filled)
                return
            self._close_grid()
        elif g is not None:
            if single is not None:
                self._para(rec, single)
                return
            self._close_grid()
        if (single is not None and not self.pending_cols and not self.pending_text
                and project_label(single) is None and not _MONEY_UNIT.match(single)):
            self._para(Record([single], rec.loc(nonblank[0]), para=True), single)
            return
        self._label_row(rec)

    def _label_row(self, rec: Record) -> None:
        cells = rec.cells
        n = len(cells)
        labels = [project_label(c) for c in cells]
        nonblank = [i for i, c in enumerate(cells) if c]
        self.text_target = None
        # a header row of labels over a row of values (资金支出计划 | 3月底 | 6月底 …)
        if len(nonblank) >= 2 and all(labels[i] is not None and labels[i].inline is None for i in nonblank):
            self.pending_cols, self.pending_text = {}, None
            for i in nonblank:
                lab = labels[i]
                assert lab is not None
                if lab.field in ("purpose", "goal"):
                    self.pending_text = lab.field
                elif lab.field == "dept_budget":
                    self.dept_money = True
                elif lab.field != "plan":
                    self.pending_cols[i] = lab.field
                if lab.unit == "万元":
                    self.money_unit = "万元"
            self.found_anything = True
            return
        if (self.pending_cols and not any(labels[i] is not None for i in nonblank)
                and all(_plausible(self.pending_cols[i], cells[i]) for i in nonblank if i in self.pending_cols)):
            cols, self.pending_cols = self.pending_cols, {}
            rest = []
            for i in nonblank:
                if i in cols:
                    self._set(Label(cols[i], None, None), cells[i], rec.loc(i))
                else:
                    rest.append(i)
            self.dept_money = False
            if len(rest) == 1 and self.pending_text:
                self._assign_text(self.pending_text, cells[rest[0]] or "")
                rest = []
            self.pending_text = None
            for i in rest:
                self._lose(rec.loc(i), cells[i] or "")
            return
        self.pending_cols = {}
        pending_text, self.pending_text = self.pending_text, None
        handled: set[int] = set()
        i = 0
        while i < n:
            c, lab = cells[i], labels[i]
            if c is None:
                i += 1
                continue
            if _MONEY_UNIT.match(c):
                self._money_unit(c)
                handled.add(i)
            elif lab is None:
                if split_unit_code(c) and self._department_cell(c, rec.loc(i)):
                    handled.add(i)
                elif (_UNIT_NAME.match(c) and any(x and _MONEY_UNIT.match(x) for x in cells)
                      and self.draft.department.name in (None, c)):
                    self.draft.department.name = c  # "顺平县交通运输局 | 单位：元": the unit line without a code
                    handled.add(i)
            elif lab.inline is not None:
                handled.add(i)
                self._set(lab, lab.inline or None, rec.loc(i))
            else:
                handled.add(i)
                j = i + 1
                if j < n and labels[j] is None and not (cells[j] and _MONEY_UNIT.match(cells[j] or "")):
                    self._set(lab, cells[j], rec.loc(j))
                    handled.add(j)
                    i = j + 1
                    continue
                if lab.field in ("purpose", "goal"):
                    self.pending_text = lab.field  # its text is on the next row (预算规模及资金用途)
                elif lab.field == "dept_budget":
                    self.dept_money = True
                elif lab.field != "plan":
                    self._set(lab, None, rec.loc(i))
            i += 1
        rest = [k for k in nonblank if k not in handled]
        if len(rest) == 1 and pending_text and not handled:
            self._assign_text(pending_text, cells[rest[0]] or "")
            rest = []
        for k in rest:
            self._lose(rec.loc(k), cells[k] or "")

    def _money_unit(self, text: str) -> None:
        m = _MONEY_UNIT.match(text)
        if m:
            self.money_unit = m.group(1)
            self.found_anything = True

    def _department_cell(self, text: str, where: str) -> bool:
        parts = split_unit_code(text)
        if not parts:
            return False
        code, name = parts
        d = self.draft.department
        if d.name is None and d.code is None:
            d.code, d.name = code, name
            self.report.note("unit-code", f"单位编码与名称连写“{text}”，已拆为编码 {code} 和名称 {name}", where)
            self.found_anything = True
            return True
        return (d.code, d.name) == (code, name)

    def _assign_text(self, attr: str, text: str) -> None:
        p = self._current()
        old = getattr(p, attr)
        setattr(p, attr, f"{old}\n\n{text}" if old else text)
        self.text_target = (p, attr)

    def _set(self, lab: Label, value: str | None, where: str) -> None:
        f = lab.field
        self.found_anything = True
        self.text_target = None
        if f == "dept":
            if value is None:
                return
            d = self.draft.department
            parts = split_unit_code(value)
            code, name = parts if parts else (None, value)
            if parts:
                self.report.note("unit-code", f"单位编码与名称连写“{value}”，已拆为编码 {code} 和名称 {name}", where)
            if d.name is None:
                d.name, d.code = name, d.code or code
            elif d.name != name:
                self._lose(where, f"单位：{value}")
            return
        if f in ("code", "name"):
            if self.project is None or f in self.project_from_cell:
                self._new_project()
            p = self._current()
            setattr(p, f, value)
            self.project_from_cell.add(f)
            return
        if f in _MONEY_FIELDS:
            if value is None:
                return
            amount, unit = parse_money(value)
            if amount is None:
                self._lose(where, f"{_MONEY_NAMES[f]}：{value}")
                return
            if "," in value or "，" in value:
                self.report.note("money-sep", "金额中的千分位分隔符已去除", where)
            if (lab.unit or unit or self.money_unit) == "万元":
                amount = amount * 10000
                self.report.note("money-wan", "金额以万元填写，已换算为元", where)
            if self.dept_money or (self.project is None and self.section is not None):
                d = self.draft.department
                d.budget = d.budget or Budget()
                setattr(d.budget, f, amount)
            else:
                setattr(self._current().budget, f, amount)
            return
        p = self._current()
        if f in _PLAN_FIELDS:
            if value is None:
                return
            pct = parse_percent(value)
            if pct is None:
                self._lose(where, f"资金支出计划：{value}")
                return
            if p.spending_plan is None:
                p.spending_plan = SpendingPlan()
            setattr(p.spending_plan, f, pct)
            return
        if f in ("purpose", "goal"):
            if value is not None:
                setattr(p, f, value)
                self.text_target = (p, f)
            return
        if f == "doc_number":
            if value is not None:
                p.doc_number = value
            return
        if value is not None:
            self._lose(where, value)

    # -- the grid ----------------------------------------------------------------------------------------------

    def _close_grid(self) -> None:
        if self.grid is not None:
            self._flush_pending()
        self.grid = None

    def _flush_pending(self, keep_level1: bool = False) -> None:
        g = self.grid
        if g is None or g.pending is None:
            return
        ind, where = g.pending, g.pending_where
        g.pending = None
        if keep_level1 and ind.level2 is None:
            return  # 一、产出指标 followed by （一）数量指标: the heading was used
        self._indicator_list().append(ind)
        self.report.note("level-only", "只有指标层级、没有指标名称和指标值的行，已作为空指标保留，请补全或删除", where)

    def _grid_row(self, rec: Record, filled: list[str | None]) -> None:
        g = self.grid
        assert g is not None
        vals: dict[str, str | None] = {}
        extra: list[tuple[int, str]] = []
        for i, c in enumerate(filled):
            f = g.cols.get(i)
            if f is None:
                if c and i < len(rec.cells) and rec.cells[i]:
                    extra.append((i, c))
            elif f != "skip":
                vals[f] = c
        if g.project_cols:
            self._grid_project(vals)
        level1, level2 = g.carry_levels(vals.get("level1"), vals.get("level2"))
        content = {k: v for k, v in vals.items() if k in _INDICATOR_FIELDS and v is not None}
        if content:
            g.pending = None
            self._add_indicator(self._indicator(level1, level2, content, rec))
        elif vals.get("level1") or vals.get("level2"):
            self._flush_pending()
            g.pending = Indicator(level1=level1, level2=level2)
            g.pending_where = rec.first_loc()
        for i, c in extra:
            self._lose(rec.loc(i), f"{g.extra[i]}：{c}" if g.extra.get(i) else c)

    def _grid_project(self, vals: dict[str, str | None]) -> None:
        name, code = vals.get("project_name"), vals.get("project_code")
        p = self.project
        if p is None or (name and name != p.name) or (code and code != p.code):
            g = self.grid
            self.grid = None
            p = self._new_project()
            self.grid = g
            p.name, p.code = name, code

    def _indicator(self, level1: str | None, level2: str | None, c: dict[str, str], rec: Record) -> Indicator:
        where = rec.first_loc()
        value = c.get("value")
        if value is None and "value_alt" in c:
            value = c["value_alt"]
        note = c.get("note")
        if "sign" in c or "unit" in c:
            value, remark = join_value(c.get("sign"), value, c.get("unit"))
            if remark:
                self.report.note(f"sign:{remark}", f"{remark}无法并入指标值，已写入该指标的 note（指标值说明）", where)
                note = f"{remark}；{note}" if note else remark
        description, formula = c.get("description"), c.get("formula")
        if description and formula is None:
            lines = description.split("\n")
            tail = [k for k, line in enumerate(lines) if line.startswith("计算公式：")]
            if tail:  # perfdraft's export puts the formula on its own line of 绩效指标描述
                k = tail[-1]
                formula = lines[k][len("计算公式："):] or None
                description = "\n".join(lines[:k] + lines[k + 1:]) or None
            elif "；计算公式：" in description:  # … and after a ； in the csv 指标解释
                description, _, formula = description.rpartition("；计算公式：")
                description, formula = description or None, formula or None
        weight = None
        if c.get("weight"):
            try:
                weight = Decimal(unicodedata.normalize("NFKC", c["weight"]).rstrip("%分").strip())
            except InvalidOperation:
                self._lose(where, f"权重：{c['weight']}")
        return Indicator(level1=level1, level2=level2, name=c.get("name"), description=description,
                         value=value, basis=parse_basis(c.get("basis")), formula=formula,
                         direction=c.get("direction"), weight=weight, last_year=c.get("last_year"), note=note,
                         scope=c.get("scope"))

    def _glued_row(self, rec: Record, text: str) -> bool:
        g = self.grid
        assert g is not None
        where = rec.first_loc()
        rest = text.strip()
        level1 = level2 = None
        w = _prefix(rest, LEVEL1_WORDS)
        # 成本指标 is a 一级 (central-2021) and a 二级 (local-2015): under a 一级 it is the 二级
        if w and not (frameworks.level2_key(w) and g.level1 and not _prefix(rest[len(w):], LEVEL2_WORDS)):
            level1, rest = w, rest[len(w):].lstrip()
        w = _prefix(rest, LEVEL2_WORDS)
        if w:
            level2, rest = w, rest[len(w):].lstrip()
        if level1 is None and level2 is None and g.order is None:
            return False
        level1, level2 = g.carry_levels(level1, level2)
        if not rest:
            self._flush_pending()
            g.pending = Indicator(level1=level1, level2=level2)
            g.pending_where = where
            return True
        name, value = split_name_value(rest)
        if value is None:
            self.report.note("glued-novalue", "粘连的指标行中找不到指标值，整段作为指标名称，请核对", where)
        if g.order and "description" in g.order:
            self.report.note("glued-desc", "粘连的指标行无法分出“指标描述”，已并在指标名称中，请核对", where)
        self._add_indicator(Indicator(level1=level1, level2=level2, name=name or None, value=value))
        return True

    def _add_indicator(self, ind: Indicator) -> None:
        if self.grid is not None:
            self.grid.pending = None
        self.found_anything = True
        self._indicator_list().append(ind)

    # -- the end ------------------------------------------------------------------------------------------------

    def finish(self) -> Draft:
        self._close_grid()
        draft = self.draft
        for p in draft.projects:
            title = self._titles.get(id(p))
            if not title:
                continue
            m = names.DOC_NUMBER.match(title)
            rest = title[m.end():].strip() if m else title
            unnamed = ("", "（未命名项目）", p.code)
            if p.name is None and m and p.doc_number is None and rest in unnamed:
                p.doc_number = m.group(0)  # perfdraft's export of a project without a name
            elif p.name is None and title not in unnamed:
                p.name = title
                self.report.note(f"title-name:{title}", f"项目名称取自标题“{title}”")
            elif m and p.doc_number is None and rest == p.name:
                p.doc_number = m.group(0)  # perfdraft's export: the 文号 in front of the name in the title
                self.report.note(f"title-doc:{p.doc_number}", f"标题中项目名称前的文号“{p.doc_number}”已读入 doc_number")
        return draft


def _linked_codes(text: str) -> list[str]:
    """'城乡居民…（317-1002-JXN-FRS7）、317-1001-X' → the project codes (perfdraft's export)."""
    out = []
    for part in re.split(r"、(?![^（(]*[）)])", text):
        part = part.strip()
        m = re.search(r"[（(]([^（）()]+)[）)]$", part)
        out.append(m.group(1) if m else part)
    return [c for c in out if c]


def _plausible(field_name: str, text: str | None) -> bool:
    """Whether ``text`` can be the value of ``field_name`` in a row of values under a row of labels.

    A label row with blank values (预算数 | | 其中：财政资金 | |) looks like a header row; the text on
    the next row (资金用途) then is no amount, and the row is read on its own.
    """
    if text is None:
        return True
    if field_name in _MONEY_FIELDS:
        return parse_money(text)[0] is not None
    if field_name in _PLAN_FIELDS:
        return parse_percent(text) is not None
    return True


def _looks_like_value(text: str) -> bool:
    if not text:
        return False
    if not isinstance(values.parse(text), values.ParseError):
        return True
    return bool(_OP_START.match(text))


# --- after assembly: inference and remarks ----------------------------------------------------------------


def infer_year(asm: Assembler) -> int | None:
    counts = asm.title_years or asm.years
    if not counts:
        return None
    best = max(counts.values())
    return max(y for y, n in counts.items() if n == best)


def remark_draft(draft: Draft, report: Report, *, split_doc_number: bool) -> None:
    """Report old level names and variant value forms; split 文号 out of names when asked."""
    for pi, p in enumerate(draft.projects):
        if p.name:
            new, doc = names.split_doc_number(p.name)
            if doc:
                if split_doc_number and p.doc_number is None:
                    report.note(f"doc:{pi}", f"项目名称“{p.name}”中的文号已移入 doc_number：名称“{new}”，文号 {doc}")
                    p.name, p.doc_number = new, doc
                elif not split_doc_number:
                    report.note("doc-hint", "项目名称含文号，按原文保留（加 --split-doc-number 可拆到 doc_number，"
                                            "【】改为〔〕）", f"projects[{pi}].name")
        for ii, ind in enumerate(p.indicators):
            path = f"projects[{pi}].indicators[{ii}]"
            for key, text in level_remarks(ind.level1, ind.level2):
                report.note(key, text, path)
            if ind.value:
                for key, text in value_remarks(ind.value):
                    report.note(key, text, f"{path}.value “{ind.value}”")


def guess_framework(draft: Draft, report: Report) -> None:
    rows = [i for p in draft.projects for i in p.indicators] + list(draft.department.indicators)
    if any(frameworks.level1_key(i.level1) == "成本" for i in rows):
        draft.framework = "central-2021"
        report.note("framework", "有一级指标“成本”，草稿按 central-2021 框架（成本为一级指标）建立")
