"""The shape assembler: cells (from any source) → projects, by what each cell is and where it stands.

Cells before the indicator grid are header facts (项目名称, 主管部门, 年度资金总额 with its unit …):
a label and the value after it. The grid starts at its header row (一级指标 二级指标 三级指标 指标值 …,
in any order and with any extra columns) or, without one, at the first level name. Inside the grid
each cell is a level name, a name, or fills the next column of the table's own header that fits it
(a weight fits 分值, '米' fits 计量单位, '=' fits 计算符号 …), so rows that lost empty cells, merged
cells or their separators still land in the right fields. Sign-off and stamp lines end the grid.
Everything not placed is kept, with its line, in the draft's notes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .. import numbers, values
from ..model import Draft, Indicator, Project
from . import kinds, prose
from .cells import Line, split_weight
from .column_fit import fits
from .facts import FactsMixin, _label_cut, fact_label, read_amount
from .grid_levels import LevelsMixin
from .labels import split_name_value
from .orphans import OrphanRowsMixin
from .repairs import explained, implied_levels
from .report import ImportFailed, Report
from .row_edges import RowEdgesMixin
from .row_fields import indicator_of

# Header-fact labels → field (squashed, without a trailing colon or bracketed unit).
_YEAR_CELL = re.compile(r"^[(（]?\s*(20\d\d)\s*[)）]?\s*年度?\s*[)）]?$|[(（]\s*(20\d\d)\s*年度?\s*[)）]")
# A span of years (2025—2027年中期财政规划, 2025年—2027年) counts as its first: the budget year
_SPAN = r"(?:\s*年?\s*[—–~～至-]\s*20\d\d)?"
_YEAR_TITLE = re.compile(r"(20\d\d)" + _SPAN + r"\s*年度?(?=[^\d]{0,30}(?:绩效|预算|自评|目标))")
_YEAR_ANY = re.compile(r"(?<![\d\[〔【(（/.—–~～至-])(20\d\d)" + _SPAN + r"\s*年")
# 指标1: …, and a list's 1. / 1、 / （1） before each name under section rows (一、产出指标 / （一）数量指标);
# not 3.5米宽… (a figure) nor 2024年… (a year)
_INDEX_PREFIX = re.compile(r"^(?:指标\s*\d+\s*[:：]?|\d{1,2}\s*[.．、](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])\s*(?=[^\s\d])")
_DEFAULT = ["l1", "l2", "name", "value"]
# Without a header row the columns after the name are guessed from what the cells are.
_NO_HEADER = ["sign", "value", "unit", "actual", "weight", "score"]


@dataclass
class _Open:
    name: str | None
    level1: str | None
    level2: str | None
    where: str
    expect: list[str]
    fields: dict[str, str] = field(default_factory=dict)
    glued: bool = False
    unsure: bool = False
    line: int = 0  # id() of the line it was opened on, and the column its name sat in
    col: int = -1


class Shape(RowEdgesMixin, FactsMixin, OrphanRowsMixin, LevelsMixin):
    """One pass over the cells of one file. ``run`` returns the draft; ``rows`` counts rows placed."""

    def __init__(self, source: str, report: Report):
        self.source = source
        self.report = report
        self.draft = Draft(year=None)
        self.project: Project | None = None
        self.cols: list[str] | None = None
        self.grid = False
        self._paused = False  # the grid ended at a document's paragraph; its columns may go on below
        self.level1: str | None = None
        self.level2: str | None = None
        self.fw: str | None = None  # a framework with level names of its own, once a 一级 showed it
        self.cur: _Open | None = None
        self.last: Indicator | None = None
        self.wan = False
        self.money_before_name: list[tuple[str, str]] = []  # (text, where) of amounts set before 项目名称
        self.money_cols, self.money_skip, self.goal_queue = None, [], []
        self.pending: tuple[str, str | None, str] | None = None  # a fact label waiting for its value
        self.continued: tuple[str, str, bool] | None = None
        self.years: Counter[int] = Counter()
        self.title_years: Counter[int] = Counter()
        self.headers: list[str] = []
        self.header_texts: list[str] = []
        self.rows = 0
        self.unsure = 0
        self.placeholders = 0
        self.notes: list[str] = []
        # Rows of a table copied from its middle, read before the first level word: each with the notes it left
        self._orphans: list[tuple[Line, int, int, int, int]] = []
        self._ahead_raw: list[str | None] = []
        self._orphan_open: tuple[Line, int, int] | None = None
        self._col = 0  # the column of the cell being read
        self._skip_line = 0  # id() of a line read whole as a note
        self._after_value = False  # the last cell was a value that ended its row

    # -- driving -------------------------------------------------------------------------------------------

    def run(self, lines: list[Line]) -> Draft:
        flat: list[tuple[str | None, Line, int]] = []
        for line in lines:
            cells = line.cells
            for i, c in enumerate(cells):
                flat.append((c, line, i))
        override: tuple[int, list[str | None]] | None = None
        for k, (c, line, i) in enumerate(flat):
            if i == 0 and line.rowed and self.grid and self.cols and "project" in self.cols:
                override = (id(line), self._project_row(line).cells)
            if override is not None and override[0] == id(line):
                c = override[1][i]
            ahead = [x[0] for x in flat[k + 1:k + 8] if x[0]][:4]
            nxt = ahead[0] if ahead else None
            self._ahead = ahead
            self._ahead_raw = [x[0] for x in flat[k + 1:k + 5]]
            if i == 0:
                self._row_start(line)
                self._years(line)
                if self._row_outside_grid(line):
                    continue
                self._orphan_line(line)
                if line.rowed and not self.grid:
                    self._money_heads(line.cells)
            if self._skip or i and self._skip_line == id(line):
                self._skip = False
                continue
            if c and nxt and not line.rowed and kinds.header_kind(c) is None and not self.grid and \
                    self.headers and kinds.header_kind(c.strip() + nxt.strip()):
                c, self._skip = c.strip() + nxt.strip(), True  # '年度' / '指标值' on two lines
            elif c and nxt and not self.grid and _label_cut(c, nxt):
                c, self._skip = c.strip() + nxt.strip(), True  # '年度' / '目标': a label cut in two
            self._col = i
            self._cell(c, line, i, nxt)
            self._after_value = bool(c and c.strip()) and not line.rowed and self.cur is not None \
                and self.cur.fields.get("value") == (c or "").strip()  # (see _wrapped_tail)
            if line.rowed and i == len(line.cells) - 1:
                self._row_end()
        self._close()
        if (self.cols is None or self.guessed) and prose.is_prose(lines):
            self._prose(lines)
        self._finish()
        return self.draft

    def _prose(self, lines: list[Line]) -> None:
        """A report that lists its indicators in sentences: rows from the prose replace the guessed grid."""
        groups = prose.projects(lines)
        if not groups or sum(len(g.rows) for g in groups) <= prose.rows_read(self.draft.projects):
            return  # the rows read as rows ('指标1：…；指标值：…' under numbered headings) are more
        if self.project is None or len(self.draft.projects) > 1 or len(groups) > 1:
            for p in self.draft.projects:
                self.notes.extend(f"导入时未能归位：{i.name or ''} {i.value or ''}".strip() for i in p.indicators)
            kept = self.draft.projects[0] if len(groups) == 1 and self.draft.projects else None
            self.draft.projects = []
            if kept is not None:  # the header facts read from the page stay with the one project
                kept.indicators = []
                self.draft.projects.append(kept)
                self.project = kept
            else:
                self._new_project()
        total = 0
        for k, group in enumerate(groups):
            if k:
                self._new_project()
            assert self.project is not None
            p = self.project
            p.indicators = [ind for ind, _ in group.rows]
            p.confirm = [c for c in p.confirm if not c.startswith("indicators[")]
            p.confirm.extend(f"indicators[{n}].value" for n in range(len(p.indicators)))
            if group.name and not p.name:
                p.name = group.name
                p.confirm.append("name")
            if group.budget is not None and p.budget.total is None:
                p.budget.total = group.budget
                p.confirm.append("budget")
            total += len(p.indicators)
        self.rows = self.unsure = total
        where = f"，分属 {len(groups)} 个项目" if len(groups) > 1 else ""
        self.report.note("prose", f"指标取自报告正文的叙述（{total} 条{where}），均已记为待确认")

    def _project_row(self, line: Line) -> Line:
        """A row of a flat multi-project grid: its project cells start (or continue) a project; the
        rest of the row is read as usual. Only rows with every column say which project they are."""
        cols = self.cols or []
        if len(line.cells) != len(cols):
            return line
        cells = list(line.cells)
        name = cells[cols.index("project")]
        if name and (self.project is None or name != self.project.name):
            keep = (self.cols, self.guessed, self.level1, self.level2, self.money_wan)
            self._close()
            p = self.project if self.project is not None and not self.project.name and \
                not self.project.indicators else self._new_project()
            self.cols, self.guessed, self.level1, self.level2, self.money_wan = keep
            self.grid = True
            p.name = name
            if "budget_col" in cols and cells[cols.index("budget_col")]:
                text = cells[cols.index("budget_col")] or ""
                read = read_amount(text)
                if read is None and numbers.too_large(kinds.squash(text)):
                    raise ImportFailed(f"{line.where}：预算数“{text}”超出范围（金额应小于 10^15 元），请核对该单元格")
                if read is not None:
                    p.budget.total = read[0] * 10000 if (read[1] is None and self.money_wan) else read[0]
            if "unit_col" in cols and cells[cols.index("unit_col")]:
                self._keep(p, "unit", cells[cols.index("unit_col")] or "")
        for k, col in enumerate(cols):
            if col in kinds.GRID_ONLY:
                cells[k] = None
        return Line(cells, line.where, rowed=True, glued=line.glued)

    def _years(self, line: Line) -> None:
        """Years of one line: a cell that is only a year ('(2025年度)') names the table's year; a
        title's year is read across the line's cells ('2025 | 年度项目支出绩效目标表' split by spaces)."""
        texts = line.texts()
        if not texts:
            return
        cells = [int(m.group(1) or m.group(2)) for c in texts if (m := _YEAR_CELL.search(kinds.squash(c)))]
        # 2025年 | 2026年 | 2027年 heading the columns of a rolling plan: the first is the budget year
        if cells:
            self.title_years[cells[0]] += 3
        c = " ".join(texts)
        for m in _YEAR_TITLE.finditer(c):
            self.title_years[int(m.group(1))] += 1
        for m in _YEAR_ANY.finditer(c):
            self.years[int(m.group(1))] += 1

    # -- one cell ----------------------------------------------------------------------------------------------

    def _cell(self, c: str | None, line: Line, i: int, nxt: str | None) -> None:
        if c is None or not c.strip():
            if not line.rowed:
                self.blanks = True
            if self.grid and self.cur is not None and not line.rowed and self.cur.expect:
                self.cur.expect.pop(0)  # an empty cell in line order fills its column
            return
        c = c.strip()
        where = line.where
        if c.startswith("\x00header:"):
            self._start_grid(c.split(":", 1)[1].split(","), where)
            return
        if kinds.furniture(c):
            return
        if self._header(c, line, i, where):
            return
        if line.para and self.grid and self._level_of(c) is None:
            # a document's paragraph between tables: the table above has ended (a continuation table
            # resumes its columns at its first level name, below)
            self._close()
            self.grid, self._paused = False, True
        if self.headers and not self.grid:
            if len(self.headers) >= 3 and ("name" in self.headers or "l2" in self.headers):
                self._start_grid(self.headers, where)
            else:
                for h in self.header_texts[-len(self.headers):]:
                    self._note(h, where)
                self.headers = []
        if not self.grid and _YEAR_CELL.fullmatch(kinds.squash(c)):
            return  # '(2025年度)': read as the year
        if not self.grid:
            if len(c) > 30 and (not line.rowed or i > 0) and self._glued_facts(c, where, sure=line.glued):
                return
            if self._fact(c, where):
                return
            lv = self._level_of(c)
            if lv is None and kinds.glued_levels(c)[0] and len(c) < 200:
                lv = (None, None, "")
            if lv is not None and lv[0] != "投入" and (self.cols is None or self._paused) and \
                    any(kinds.value_like(x) for x in self._ahead) and not any(fact_label(x) for x in self._ahead[:2]):
                if self._paused:
                    self.grid, self._paused = True, False
                else:
                    self._start_grid(list(_DEFAULT), where, guessed=True)
            else:
                self._note(c, where)
                return
        if kinds.table_title(c) and nxt is not None and kinds.header_kind(nxt):
            return  # a PDF page's running title over the header it repeats: the table goes on
        if (kinds.signoff(c) or kinds.table_title(c)) and not (self.cur and self.cur.expect and kinds.value_like(c)):
            self._close()
            self.grid = False
            self._note(c, where)
            return
        if "project" not in (self.cols or []) and (line.rowed and i == 0 or not line.rowed and len(line.cells) == 1) \
                and (fact_label(c) or ("",))[0] == "name":
            self._close()  # the next table's 项目名称 row: this grid is over, the next project begins
            self._reset_grid()
            self._fact(c, where)
            return
        if line.rowed and self._row_level(c, line, i):
            return
        self._grid_cell(c, line, where, nxt)

    def _header(self, c: str, line: Line, i: int, where: str) -> bool:
        kind = kinds.header_kind(c)
        facts = self._line_facts(line)
        if kind in kinds.GRID_ONLY and not (line.rowed and facts.plain_heads >= 2):
            return False  # '项目名称 | 送戏下乡' is a header fact, not a column
        if kind is None and not self.grid and len(c) >= 10:
            glued = kinds.glued_header(c)
            if glued:
                self.header_texts.append(c)
                self._start_grid(glued, where)
                return True
        if kind is None and not self.grid and self.headers:
            kind = kinds.extra_column(c, line.cells if line.rowed else [c], self.headers)
            if kind == "other":  # kept in its place so the cells after it stay in theirs
                self.report.note(f"other-column:{c}", f"表中“{c}”一栏 perfdraft 没有对应的栏目，未导入", where)
        if kind is None:
            return False
        if self.grid and self.cur is None:
            if line.rowed and i == next((k for k, x in enumerate(line.cells) if x), 0):
                self._sub_header(line)
            return True  # a repeated header row or a sub-header ('2021年实际实现值')
        if self.grid and self.cur is not None:
            if line.rowed and facts.heads >= 3 or not line.rowed and "value" in self.cur.fields:
                self._close()  # the header repeated after a page break, under a row it cut short (or ended)
                return True
            if not line.rowed and not self.cur.fields and self.cols and kind == self.cols[0]:
                # the next page's running head, then the header again: the head was no row
                self._note(self.cur.name or "", self.cur.where)
                self.cur = None
                return True
            return False
        self.headers.append(kind)
        self.header_texts.append(c)
        self._header_run = True
        nxt_is_header = False
        if line.rowed:
            rest = line.cells[i + 1:]
            nxt_is_header = any(x and (kinds.header_kind(x) or kinds.extra_column(x, line.cells, self.headers))
                                for x in rest)
        if not nxt_is_header and len(self.headers) >= 3 and ("name" in self.headers or "l2" in self.headers):
            if not line.rowed:
                return True  # the header may go on on the next line; started at the first data cell
            self._start_grid(self.headers, where)
        return True

    _header_run = False
    money_wan = False
    blanks = False  # line order with empty cells kept: cells stand in their columns
    guessed = False
    _skip = False
    _ahead: list[str] = []

    def _start_grid(self, cols: list[str], where: str, guessed: bool = False) -> None:
        first_grid = self.cols is None
        self._close()
        if self.project is None:
            self._new_project()
        self.guessed = guessed
        first = next((k for k, col in enumerate(cols) if col in ("l1", "l2", "name")), len(cols))
        one = cols.count("value") == 1 and cols.count("l2") <= 1  # (三级指标 | … | 指标内容: the second explains)
        self.cols = ["unit_col" if col == "unit" and k < first else "desc" if one and col == "name" and "name" in cols[:k]
                     else col for k, col in enumerate(cols)]
        self.money_wan = any("万元" in t for t in self.header_texts)
        self.grid, self._paused = True, False
        self._header_run = False
        self.level1 = self.level2 = None
        if self.project is None:
            self._new_project()
        self.headers = []
        self._grid_started(guessed, first_grid)

    def _post(self) -> list[str]:
        if self.cols is None or self.guessed:
            return list(_NO_HEADER)
        cols = self.cols
        names = [k for k, c in enumerate(cols) if c == "name"]
        if not names:
            names = [k for k, c in enumerate(cols) if c == "l2"][-1:]
        start = names[0] + 1 if names else 0
        post = [c for c in cols[start:] if c not in ("seq",)]
        if len(names) == 2:  # 中期 and 年度 side by side: the first group's value is the 中期 one
            second = names[1] - start
            post = ["mid_value" if c == "value" and k < second else ("dup" if c in ("l2", "name") and k <= second
                    else c) for k, c in enumerate(post)]
        return post

    def _sub_header(self, line: Line) -> None:
        """符号 | 数值 | 单位 under a 指标值 spanning three columns: the value's column is those three. Under
        中期指标值 and 年度指标值 side by side, each group's own 指标值 | 计量单位 (the 中期 ones kept apart)."""
        parts = [kinds.header_kind(x) for x in line.cells if x]
        cols = self.cols or []
        if len(parts) < 2 or not set(parts) <= {"sign", "value", "unit"} or "value" not in parts \
                or {"sign", "unit"} & set(cols):
            return
        runs: list[list[str]] = [[]]
        for part in parts:  # a kind met again starts the next group's sub-header
            if part in runs[-1]:
                runs.append([])
            runs[-1].append(str(part))
        groups = [k for k, col in enumerate(cols) if col in ("mid_value", "value")]
        if len(runs) != len(groups) or any("value" not in run for run in runs):
            return
        new = list(cols)
        for k, run in reversed(list(zip(groups, runs, strict=True))):
            new[k:k + 1] = run if cols[k] == "value" else [f"mid_{p}" for p in run]
        self.cols = new

    def _reset_grid(self) -> None:
        self.cols = None
        self.grid = False

    # -- the grid ------------------------------------------------------------------------------------------------

    def _grid_cell(self, c: str, line: Line, where: str, nxt: str | None) -> None:
        if kinds.grid_lead(c) and len(kinds.squash(c)) >= 4:
            return  # '绩效指标': the label of the merged column beside the grid, met again mid-grid
        cur = self.cur
        if cur is not None and self._wrapped_tail(cur, c, line, nxt):
            return
        named = explained(c)  # '满意度' over '指标解释：…' is a 三级 name, not the level 满意度指标
        lv = None if named else self._level_of(c)
        if cur is not None and cur.expect and cur.expect[0] == "dup" and (lv or kinds.squash(c) == kinds.squash(cur.name or "")):
            cur.expect.pop(0)
            return
        if cur is not None and cur.expect and cur.expect[0] == "dup" and not kinds.value_like(c):
            # the 年度 group names its row its own way (项目完成时间 | 2027年… | 年度任务完成时间 | 2025年…):
            # the row is the 年度 one, so its name is
            while cur.expect and cur.expect[0] == "dup":
                cur.expect.pop(0)
            cur.name = c.replace("\n", "")
            return
        if lv is not None and lv[1] is not None and self._level_last and self.level2 and nxt is not None \
                and kinds.value_like(nxt) and (kinds.level_of(self.level2) or (None, None))[1] == lv[1]:
            lv = None  # '服务对象满意度指标 | 服务对象满意度 | ≥90%': the same level again, before a value, names the row
        if lv is not None:
            if not line.level and self._l2_as_name() and lv[1] is not None and lv[0] != "满意度" or (
                    not line.level and self._l2_as_name() and lv[0] == "满意度" and self.level1 and kinds.level_of(self.level1)
                    and kinds.level_of(self.level1)[0] == "满意度"):  # type: ignore[index]
                cols = self.cols or []
                if not (line.rowed and len(line.cells) >= len(cols) and "value" in cols and not line.cells[cols.index("value")]):
                    self._close()  # (a row with no value after it is a tree's level row: '▼ 数量指标 | | 20')
                    self._open(c, where, line)
                    return
            self._close()
            self._level(lv, c)
            return
        words, rest = kinds.glued_levels(c) if not named else ([], c)
        if words and rest and len(rest) < len(c):
            self._close()
            for w in words:
                lw = kinds.level_of(w)
                if lw:
                    self._level(lw, w)
            c = rest
        elif kinds.level_part(c) and not named:
            t = kinds.squash(c)
            if len(t) >= 4:
                for w in kinds.LEVEL_WORDS:
                    if (w + "指标").startswith(t) and len(w) >= 4:
                        self._close()
                        self._level(kinds.level_of(w + "指标") or (None, None, c), w + "指标")
                        return
            return
        if kinds.placeholder(c):
            if cur is not None and cur.expect:
                if cur.expect[0] == "value" and re.fullmatch(r"\*+|[xX]+", kinds.squash(c)):
                    cur.fields.setdefault("value", c)  # '≥ | ** | %': the template's blank, kept for the check
                cur.expect.pop(0)
            else:
                self.placeholders += 1
            return
        if cur is not None and self._assign(cur, c, line, nxt):
            return
        self._close()
        if not line.rowed and self._unknown_level(c):
            return
        if (kinds.is_weight(c) or kinds.is_number(c)) and self.rows >= 0 and (
                self.last is not None or "seq" in (self.cols or []) or line.rowed and any(
                    x and self._level_of(x) for x in line.cells[:self._col])):
            # (… or a level's weight subtotal on its own row: '产出指标 | | 50')
            if self.last is not None and self.last.weight is None and not line.rowed and not (self.cols and "seq" in self.cols):
                pass
            return  # a 序号, or a block score standing alone
        self._open(c, where, line)

    def _open(self, c: str, where: str, line: Line) -> None:
        name = c.replace("\n", "")
        post = self._post()
        n = len(name)
        if post[:1] == ["desc"] and n >= 4 and n % 2 == 0 and name[: n // 2] == name[n // 2:]:
            name = name[: n // 2]  # 'XX' where 三级指标 and its 指标解释 are the same words, glued
            post = post[1:]
        self.cur = _Open(name, self.level1, self.level2, where, post, glued=line.glued, unsure=line.unsure,
                         line=id(line), col=self._col)
        self._level_last = False
        if not (self.cols and "value" in self._post()) and not kinds.value_like(c):
            pass
        post = self._post()
        if self.cols is None or self.guessed or post == ["value"]:
            # no header: a name glued to its value ('足额保障率=100%') splits where the grammar is sure
            head, value = split_name_value(name)
            if value and re.match(r"^(?:[≥≤><=≧≦]|>=|<=)", kinds.squash(value)) and head:
                self.cur.name = head
                self.cur.fields["value"] = value
                self.cur.expect = []
                self.cur.glued = True

    def _assign(self, cur: _Open, c: str, line: Line, nxt: str | None) -> bool:
        exp = cur.expect
        if self.blanks and not line.rowed and exp and not self.guessed and kinds.level_of(c) is None \
                and not kinds.signoff(c):
            cur.fields.setdefault(exp.pop(0), c)
            return True
        for k, col in enumerate(exp):
            if fits(col, c, line, nxt, cur.fields, self.cols or []):
                if col == "value" and (cur.glued or line.glued) and nxt:
                    split = split_weight(c, nxt)
                    if split and (split[1] == nxt or "weight" in exp[:k]):
                        cur.fields.setdefault("weight", split[0])
                        c = split[1]
                cur.fields.setdefault(col, c)
                del exp[: k + 1]
                return True
            if col == "value" and "value" not in cur.fields:
                if kinds.is_weight(c) and any(x in ("weight", "score") for x in exp[k + 1:]) is False \
                        and "weight" in exp[:k]:
                    continue
                if kinds.level_of(c) is None and not kinds.signoff(c):
                    cur.fields["value"] = c
                    del exp[: k + 1]
                    return True
                return False
        return False

    def _close(self) -> None:
        cur, self.cur = self.cur, None
        if cur is None or self.project is None:
            return
        f = cur.fields
        name = cur.name
        if name is not None:
            stripped = _INDEX_PREFIX.sub("", name)
            if stripped != name:
                self.report.note("index-prefix", "指标名称前的编号（指标1:、1. 等）已去掉", cur.where)
                name = stripped
        value = f.get("value")
        if (name is None or kinds.placeholder(name)) and value is None:
            self.placeholders += 1
            return
        if name is not None and kinds.squash(name) in values.TERM_SCALE and self.last is not None:
            # '| 优 | 10 |' under a 定性 row: its grade (实际完成值) and score wrapped onto a line of their
            # own, not a row named 优
            self._note(" ".join(x for x in (name, value or "", *(v for k, v in f.items() if k != "value" and v)) if x),
                       cur.where)
            return
        if value is None and not f:
            if name and len(name) > 60:
                self._note(name, cur.where)
                return
        ind = indicator_of(f, name, cur.level1, cur.level2)
        value = ind.value
        p = self.project
        p.indicators.append(ind)
        idx = len(p.indicators) - 1
        self.rows += 1
        self.last = ind
        unsure = cur.glued or cur.unsure or value is None or not kinds.value_like(value) or "*" in (name or "")
        if unsure:
            self.unsure += 1
            p.confirm.append(f"indicators[{idx}].value")

    def _note(self, text: str, where: str) -> None:
        if kinds.furniture(text):
            return
        if kinds.page_chrome(text):
            self.report.aside(where)
            return
        self.notes.append(f"导入时未能归位（{where}）：{text}")
        self.report.lost(where, text[:200])

    def _finish(self) -> None:
        d = self.draft
        d.projects = [p for p in d.projects if p.indicators or p.name or p.budget.total is not None]
        for p in d.projects:
            b = p.budget
            if (b.total is None or b.total == 0) and b.fiscal:
                if b.total == 0:
                    self.report.note("total-zero", "年度资金总额为 0 而财政拨款不为 0，预算数按财政拨款计")
                b.total = b.fiscal
        d.notes.extend(self.notes)
        from ..profiles import PROFILES, detect

        profile = detect(self.header_texts, implied_levels([i for p in d.projects for i in p.indicators]))
        if profile is not None:
            # The profile brings its framework: 发改 and 2013 tables name their levels their own way.
            d.profile, d.framework = profile, PROFILES[profile].framework
            self.report.note("profile", f"表格样式识别为 {PROFILES[profile].title}（{profile}）")
        d.year = _best_year(self.title_years or self.years)

    def title_year(self) -> int | None:
        """The year a title, a year cell or a 预算年度 label gave (after ``run``)."""
        return _best_year(self.title_years)


def _best_year(counts: Counter[int]) -> int | None:
    if not counts:
        return None
    best = max(counts.values())
    return max(y for y, n in counts.items() if n == best)

