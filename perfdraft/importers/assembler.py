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
from collections import Counter
from dataclasses import dataclass

from .. import frameworks, names, values
from ..model import (
    Draft,
    Indicator,
    Project,
    SubGoal,
)
from ..numbers import format_money
from . import kinds
from .facts import MONEY_LABELS
from .grid_rows import GridMixin
from .label_rows import LabelRowsMixin
from .labels import (
    _BRACKET_LEVELS,
    _DEPT_HEADING,
    _DEPT_SECTIONS,
    _LEVEL1_HEADING,
    _LEVEL2_HEADING,
    _MONEY_UNIT,
    _NARRATIVE_ROW,
    _NUMBERED,
    _OP_START,
    _PART_HEADING,
    _PLAN_FIELDS,
    _PROJECT_TITLE,
    _TITLE_LINE,
    _YEAR_IN_TEXT,
    LEVEL1_WORDS,
    LEVEL2_WORDS,
    Label,
    _is_level1,
    _prefix,
    glued_header,
    grid_header,
    project_label,
)
from .repairs import fold, split_unit_code, strip_field_codes
from .report import Record, Report, clean_cell

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
    budget_unit: str | None = None  # 预算数（万元） in a flat export's header: the unit of its budget column

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


_INDICATORS_MARK = re.compile(r"^(?:部门)?(?:年度)?(?:整体)?绩效指标[:：]?$")
_LINKED = re.compile(r"^关联项目[:：]\s*(.*)$")


class Assembler(LabelRowsMixin, GridMixin):
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
        self.money_heads: dict[int, str] = {}
        self.flat_projects = False  # a grid with project columns (a system's flat export): read by column
        self.goal_heads: dict[int, str] = {}
        self.pending_text: str | None = None  # purpose / goal whose text is on the next row
        self.text_target: tuple[object, str] | None = None  # where a continuation paragraph goes
        self.money_unit = "元"
        self.dept_money = False  # the next money cells are the department's (部门预算)
        self.years: Counter[int] = Counter()
        self.title_years: Counter[int] = Counter()
        self.found_anything = False
        self._titles: dict[int, str] = {}
        self.records: list[Record] = []  # as fed: the shape assembler reads the same rows
        self.header_texts: list[str] = []  # the grid's header cells: they name the profile

    # -- entry points --------------------------------------------------------------------------------------

    def feed(self, rec: Record) -> None:
        self.report.take_chars(sum(len(c) for c in rec.cells if c) + sum(len(c) for c in rec.filled or () if c),
                               rec.first_loc() if rec.cells else rec.where)
        self.records.append(rec)
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
        if kinds.page_chrome(text):
            self.report.aside(where)
            return
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
        if self.grid is not None and kinds.signoff(text):
            self._close_grid()  # 填报人 / 联系电话 / 审核意见（盖章）: the table has ended
            self._lose(where, text)
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
            if kinds.table_title(text):
                self._close_grid()  # the next table's title: the grid above has ended
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
            self.header_texts.extend(c for c in filled if c)
            self.flat_projects |= bool({"project_name", "project_code"} & set(cols.values()))
            self.grid = _Grid(cols, extra, where,
                              project_cols=bool({"project_name", "project_code"} & set(cols.values())),
                              budget_unit=next(("万元" for i, f in cols.items()
                                                if f == "project_budget" and "万元" in (filled[i] or "")), None))
            if {"sign", "unit"} & set(cols.values()):
                self.report.note("joined", "计算符号、指标值、计量单位分列，已合并为一个指标值（定性只取指标值）", where)
            for i, h in extra.items():
                self.report.note(f"extra:{h}", f"指标表的“{h}”列不是已知列，其内容放入 notes", rec.loc(i))
            self.found_anything = True
            return
        nonblank = [i for i, c in enumerate(cells) if c]
        if nonblank and all(kinds.furniture(cells[i] or "") for i in nonblank):
            return  # a page's footer (第1页共2页 | 打印时间：…) between the rows of a table running on
        single = cells[nonblank[0]] if len(nonblank) == 1 else None
        if single is not None and self._heading(single):
            return
        g = self.grid
        if single is not None and g is not None and rec.spans and rec.spans[nonblank[0]] >= 4:
            self._para(Record([single], rec.loc(nonblank[0]), para=True), single)  # a paragraph across the sheet
            return
        if g is not None and kinds.signoff(cells[nonblank[0]] or ""):
            self._close_grid()  # sign-off lines end the table; their text goes to the notes
            for i in nonblank:
                self._lose(rec.loc(i), cells[i] or "")
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

    # -- the grid ----------------------------------------------------------------------------------------------
    # -- the end ------------------------------------------------------------------------------------------------

    def finish(self) -> Draft:
        self._close_grid()
        draft = self.draft
        # A title with nothing of a project under it (a 目录's '2.2024年部门整体支出绩效目标表', the budget
        # tables' amounts after it): not a project while real ones are here; what it read goes to the notes.
        empty = [p for p in draft.projects if not p.indicators and p.code is None and p.name is None
                 and id(p) in self._titles]
        if empty and len(empty) < len(draft.projects):
            for p in empty:
                amounts = [f"{label}：{format_money(getattr(p.budget, f))}" for f, label in MONEY_LABELS.items()
                           if getattr(p.budget, f)]
                draft.notes.extend([*(f"导入时未能归位：{t}" for t in [self._titles[id(p)], *amounts]), *p.notes])
            draft.projects = [p for p in draft.projects if not any(p is e for e in empty)]
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


def _looks_like_value(text: str) -> bool:
    if not text:
        return False
    if not isinstance(values.parse(text), values.ParseError):
        return True
    return bool(_OP_START.match(text))


