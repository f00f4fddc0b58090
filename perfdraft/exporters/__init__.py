"""Exports of a draft: xlsx, docx (the standard 绩效目标 layout), csv (system import) and md.

This module is pure Python and cheap to import: it holds what every format shares, i.e. the cell
layout of one 项目支出绩效目标表 (``project_grid``) and the blocks of the 部门整体绩效目标 text
(``department_blocks``), so that the xlsx sheet and the docx table are the same table. openpyxl and
python-docx are imported only by ``render`` when their format is asked for.

Formats and the embedded machine-readable draft are described in docs/export-formats.md.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from .. import cells
from ..model import PLAN_LABELS, Draft, Indicator, Project, format_number, level_runs_order

FORMATS = ("xlsx", "docx", "pdf", "csv", "md")

# The marker that identifies an export made by perfdraft (xlsx hidden sheet, docx custom XML part).
MARKER_FORMAT = "perfdraft-export"
MARKER_VERSION = 1

PROJECT_TABLE_TITLE = "项目支出绩效目标表"
GRID_HEADERS = ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据")
UNIT_LABEL = "单位：元"
NCOLS = 7  # A..G; 三级指标 spans C:D so that the budget row (7 cells) fits the same grid
# Where each grid column starts and how many grid columns it spans.
GRID_SPANS = ((0, 1), (1, 1), (2, 2), (4, 1), (5, 1), (6, 1))
# 资金支出计划 cells (3月底, 6月底, 10月底, 12月底) over columns B..G.
PLAN_SPANS = ((1, 2), (3, 1), (4, 2), (6, 1))

# Profiles printed with the seed's bespoke 7-column grid (project_grid); others come from layout.py.
SEED_GRID_PROFILES = frozenset({"hebei-2020"})
# The sign-off block under each table (labels only: the office fills them in by hand).
SIGNOFF = ("填报人", "联系电话", "单位负责人", "填报日期", "单位（盖章）")

MONEY = "money"
PERCENT = "percent"


@dataclass
class Rendered:
    """One export: the bytes of the file and messages for the user (stderr), in order."""

    data: bytes
    messages: list[str] = field(default_factory=list)


@dataclass
class Cell:
    """One cell of the layout grid (0-based row and column); a merge when a span is > 1.

    ``text`` is written as text, ``number`` as a number with ``kind`` (money / percent) formatting;
    both None is a blank cell. ``role`` picks the style: label, header, value, text (long, left).
    """

    row: int
    col: int
    text: str | None = None
    number: Decimal | None = None
    kind: str | None = None
    rowspan: int = 1
    colspan: int = 1
    role: str = "value"

    @property
    def blank(self) -> bool:
        return self.text is None and self.number is None


@dataclass
class Grid:
    rows: int
    cells: list[Cell]
    header_row: int  # the row of 一级指标 | 二级指标 | …
    first_indicator_row: int
    ncols: int = 7
    widths_cm: tuple[float, ...] | None = None  # set by profile layouts; None: the seed grid's own


@lru_cache(maxsize=8192)
def char_units(ch: str) -> float:
    """Display width of a character in half-width units: CJK (and ≥ ≤, drawn wide by CJK fonts) 2."""
    return float(cells.width(ch, ambiguous=2))


def line_units(line: str) -> float:
    """Width of one line in half-width units: the one cell-width function, ambiguous characters
    (≥ ≤ “ ”) counted wide because CJK fonts in Word and Excel draw them so."""
    return float(cells.width(line, ambiguous=2))


@lru_cache(maxsize=65536)
def text_units(text: str) -> float:
    """Width of the longest line of ``text`` (cached: level names, values and template texts recur)."""
    return max((line_units(line) for line in text.split("\n")), default=0.0)


def project_title(project: Project, index: int) -> str:
    """``1、城乡居民基本养老保险资金绩效目标表``; a 文号 kept apart from the name goes in front, as in the seed."""
    name = project.name or project.code or "（未命名项目）"
    if project.doc_number and project.doc_number not in name:
        name = project.doc_number + name
    return f"{index + 1}、{name}绩效目标表"


def signoff_labels(draft: Draft) -> tuple[str, ...]:
    """The sign-off labels of the draft's table profile (empty when its table has none)."""
    from ..profiles import for_draft

    return for_draft(draft).signoff


def table_grid(draft: Draft, project: Project) -> Grid:
    """The printed table of ``project`` in the layout of the draft's profile: the seed's grid for
    hebei-2020, the profile's own columns otherwise (layout.py)."""
    from ..profiles import for_draft

    profile = for_draft(draft)
    if profile.id in SEED_GRID_PROFILES:
        return project_grid(project)
    from .layout import profile_grid

    return profile_grid(project, profile)


def department_line(draft: Draft) -> str:
    """``317002顺平县社会保险事业管理局``: code and name glued, as in the seed."""
    d = draft.department
    return f"{d.code or ''}{d.name or ''}"


_FOLD = str.maketrans({"÷": "/", "／": "/", "×": "*", "＊": "*", "（": "(", "）": ")", "＝": "=", "％": "%"})


def _folded(text: str) -> str:
    return "".join(text.split()).translate(_FOLD)


def formula_shown(ind: Indicator) -> str | None:
    """The formula to print, or None when the name or description already holds it: catalogue rate
    rows carry it in both 描述 and 计算公式, and it must not print twice."""
    if not ind.formula:
        return None
    f = _folded(ind.formula)
    if any(f in _folded(t) for t in (ind.description, ind.name) if t):
        return None
    return ind.formula


def description_text(ind: Indicator) -> str | None:
    """绩效指标描述 as shown in the table: the description, and the formula on its own line."""
    formula = formula_shown(ind)
    parts = [p for p in (ind.description, f"计算公式：{formula}" if formula else None) if p]
    return "\n".join(parts) if parts else None


def typed_number(value: str, number: str) -> str:
    """The split's number with the leading zeros the user typed (``≥095%`` → ``095``, not ``95``).

    The checker flags such values (PD105) and suggests the fix; the export must not apply it silently.
    """
    from ..values import Quantity, leading_number_text, parse

    typed = leading_number_text(value)
    if typed is None or not isinstance(parse(value), Quantity):
        return number
    from ..numbers import read_decimal

    raw = typed[0].replace(",", "")
    as_typed = read_decimal(raw)
    same = raw != number and raw.startswith("0") and as_typed is not None and as_typed == read_decimal(number)
    return raw if same else number


@lru_cache(maxsize=4096)
def print_value(text: str | None) -> str | None:
    """A 指标值 as printed: the canonical form (``>=6962人`` → ``≥6962人``, ``≧300人`` → ``≥300人``);
    the draft keeps what was typed. Text the grammar cannot read prints as typed, and leading zeros
    stay (``≥095%``): they may hide a different number, which the checker asks about."""
    if not text:
        return text
    from ..values import ParseError, Quantity, parse
    from ..values import format as canonical

    value = parse(text)
    if isinstance(value, ParseError):
        return text
    if isinstance(value, Quantity):
        number = typed_number(text, format_number(value.number))
        return f"{value.op or ''}{number}{value.unit}"
    return canonical(value)


def money_text(value: Decimal) -> str:
    """Money as printed: thousands separators and two decimals (``4,387,680.00``); more decimals
    than two are all shown, never rounded away."""
    from ..numbers import format_money

    try:
        exact = value.quantize(Decimal("0.01")) == value
    except InvalidOperation:  # NaN, or more digits than the decimal context holds
        return f"{value:f}"
    return format_money(value) if exact else f"{value:,f}"


def percent_text(value: Decimal) -> str:
    try:
        two = value.quantize(Decimal("0.01"))
    except InvalidOperation:
        return f"{value:f}"
    return f"{two:f}" if two == value else f"{value:f}"


def basis_text(ind: Indicator) -> str | None:
    if ind.basis is None or ind.basis.is_blank():
        return None
    return ind.basis.display()


def merge_runs(values: list[str | None], breaks: list[bool] | None = None) -> list[tuple[int, int]]:
    """(start, length) of each run of consecutive equal, non-blank values; ``breaks[i]`` starts a new run."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(values):
        j = i + 1
        while (j < len(values) and values[i] is not None and values[j] == values[i]
               and not (breaks and breaks[j])):
            j += 1
        runs.append((i, j - i))
        i = j
    return runs


def by_levels(indicators: list[Indicator]) -> list[Indicator]:
    return level_runs_order(indicators, lambda ind: (ind.level1, ind.level2))


def indicator_cells(indicators: list[Indicator], top: int) -> Iterator[Cell]:
    """The grid rows of ``indicators`` from row ``top``: 一级 merged over equal runs, 二级 within them. Rows
    print grouped by their levels (a row moved to 数量指标 printed a second 数量指标 block after 质量指标)."""
    indicators = by_levels(indicators)
    if not indicators:
        for col, span in GRID_SPANS:
            yield Cell(top, col, colspan=span)
        return
    level1 = [ind.level1 for ind in indicators]
    level2 = [ind.level2 for ind in indicators]
    l1_runs = merge_runs(level1)
    starts = [False] * len(indicators)
    for start, _ in l1_runs:
        starts[start] = True
    for start, length in l1_runs:
        yield Cell(top + start, 0, level1[start], rowspan=length, role="level")
    for start, length in merge_runs(level2, starts):
        yield Cell(top + start, 1, level2[start], rowspan=length, role="level")
    for k, ind in enumerate(indicators):
        r = top + k
        yield Cell(r, 2, ind.name, colspan=2, role="text")
        yield Cell(r, 4, description_text(ind), role="text")
        yield Cell(r, 5, print_value(ind.value))
        yield Cell(r, 6, basis_text(ind), role="text")


def grid_header(row: int) -> Iterator[Cell]:
    for (col, span), title in zip(GRID_SPANS, GRID_HEADERS, strict=True):
        yield Cell(row, col, title, colspan=span, role="header")


def project_grid(project: Project) -> Grid:
    """The table of one project, from 项目编码 down (the title and the unit line sit above it)."""
    b = project.budget
    cells = [
        Cell(0, 0, "项目编码", role="label"), Cell(0, 1, project.code, colspan=2),
        Cell(0, 3, "项目名称", role="label"), Cell(0, 4, project.name, colspan=3),
        Cell(1, 0, "预算规模及资金用途", rowspan=2, role="label"),
        Cell(1, 1, "预算数", role="label"), Cell(1, 2, number=b.total, kind=MONEY),
        Cell(1, 3, "其中：财政资金", role="label"), Cell(1, 4, number=b.fiscal, kind=MONEY),
        Cell(1, 5, "其他资金", role="label"), Cell(1, 6, number=b.other, kind=MONEY),
        Cell(2, 1, project.purpose, colspan=6, role="text"),
        Cell(3, 0, "资金支出计划（%）", rowspan=2, role="label"),
    ]
    plan = project.spending_plan
    for (col, span), key in zip(PLAN_SPANS, PLAN_LABELS, strict=True):
        cells.append(Cell(3, col, PLAN_LABELS[key], colspan=span, role="label"))
        cells.append(Cell(4, col, number=getattr(plan, key) if plan else None, kind=PERCENT, colspan=span))
    cells += [Cell(5, 0, "绩效目标", role="label"), Cell(5, 1, project.goal, colspan=6, role="text")]
    cells += list(grid_header(6))
    cells += list(indicator_cells(project.indicators, 7))
    return Grid(7 + max(1, len(project.indicators)), cells, 6, 7)


def indicator_grid(indicators: list[Indicator]) -> Grid:
    """A bare indicator table (header + rows), for department and sub-goal indicators."""
    cells = list(grid_header(0)) + list(indicator_cells(indicators, 1))
    return Grid(1 + max(1, len(indicators)), cells, 0, 1)


# --- the department text ----------------------------------------------------------------------------


@dataclass
class Block:
    """A piece of the department document: heading1 / heading2 / para / indicators / budget."""

    kind: str
    text: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    budget: tuple[Decimal | None, Decimal | None, Decimal | None] | None = None


def paragraphs(text: str | None) -> list[str]:
    """Paragraphs separated by blank lines (the draft format's convention); single newlines kept."""
    if not text:
        return []
    out = []
    for para in text.replace("\r\n", "\n").split("\n\n"):
        para = para.strip("\n")
        if para.strip():
            out.append(para)
    return out


def department_title(draft: Draft) -> str:
    from .safety import xml_safe

    d = draft.department
    year = f"{draft.year}年度" if draft.year else ""
    # Document properties are XML too: a control character in the name must not abort the export.
    return xml_safe(f"{d.name or d.code or ''}{year}预算绩效目标")


def department_has_content(draft: Draft) -> bool:
    """Whether the department part has anything to print (an empty one is a blank page)."""
    d = draft.department
    return bool(d.overall_goal and d.overall_goal.strip() or d.safeguards and d.safeguards.strip()
                or d.sub_goals or d.indicators
                or d.budget is not None and any(v is not None for v in (d.budget.total, d.budget.fiscal, d.budget.other)))


def department_blocks(draft: Draft) -> list[Block]:
    """第一部分 部门整体绩效目标 as blocks: 一、总体 (with 年度绩效指标) · 二、分项 · 三、工作保障措施;
    no blocks at all when the department part is empty."""
    if not department_has_content(draft):
        return []
    d = draft.department
    names = {p.code: p.name or p.code for p in draft.projects if p.code}
    out = [Block("heading1", "第一部分 部门整体绩效目标")]
    if d.budget is not None:
        out.append(Block("budget", "部门预算（单位：元）", budget=(d.budget.total, d.budget.fiscal, d.budget.other)))
    out.append(Block("heading2", "一、总体绩效目标"))
    out += [Block("para", p) for p in paragraphs(d.overall_goal)]
    if d.indicators:
        out.append(Block("para", "年度绩效指标："))
        out.append(Block("indicators", indicators=d.indicators))
    out.append(Block("heading2", "二、分项绩效目标"))
    for i, g in enumerate(d.sub_goals):
        paras = paragraphs(g.text) or [""]
        out.append(Block("para", f"{i + 1}、{paras[0]}"))
        out += [Block("para", p) for p in paras[1:]]
        if g.projects:
            linked = "、".join(f"{names[c]}（{c}）" if c in names else c for c in g.projects)
            out.append(Block("para", f"关联项目：{linked}"))
        if g.indicators:
            out.append(Block("indicators", indicators=g.indicators))
    out.append(Block("heading2", "三、工作保障措施"))
    out += [Block("para", p) for p in paragraphs(d.safeguards)]
    return out


# --- entry point ---------------------------------------------------------------------------------------


def render(draft: Draft, fmt: str, layout: str | None = None,
           step: Callable[[], None] | None = None) -> Rendered:
    """Render ``draft`` to the bytes of a ``fmt`` file. Never writes anything (pdf runs LibreOffice
    in a temporary directory).

    ``layout``: None prints the tables in the draft's own profile (csv: the standard import columns);
    a profile id prints them in that profile's layout (the embedded draft is unchanged);
    ``standard`` / ``hubei`` are the budget system's flat import columns (csv, and xlsx as one sheet).
    ``step`` is called once per project by the xlsx, docx and pdf exporters (for a progress bar).
    """
    from .csv_export import IMPORT_LAYOUTS

    view = draft
    flat = layout if layout in IMPORT_LAYOUTS else None
    if layout is not None and flat is None:
        from ..profiles import PROFILES

        if layout not in PROFILES:
            raise ValueError(f"unknown layout {layout!r}")
        view = replace(draft, profile=layout)
    if fmt == "xlsx":
        from .xlsx import render_xlsx

        return render_xlsx(view, step, embed=draft, flat=flat)
    if fmt == "docx":
        from .docx import render_docx

        return render_docx(view, step, embed=draft)
    if fmt == "pdf":
        from .pdf import render_pdf

        return render_pdf(view, step, embed=draft)
    if fmt == "csv":
        from .csv_export import render_csv

        return render_csv(draft, layout or "standard")
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(draft)
    raise ValueError(f"unknown export format {fmt!r}")


def export_draft(draft: Draft, fmt: str, path: str | os.PathLike[str], *, force: bool = False,
                 layout: str | None = None) -> Rendered:
    """Render ``draft`` and write it to ``path`` atomically (see safety.write_output).

    Raises ``perfdraft.drafts.DraftError`` with one Chinese line when the file cannot be written
    (exists without ``force``, missing or read-only directory, a symlink). Used by the front-ends.
    """
    from .safety import rendering, write_output

    with rendering(fmt, path):  # a full disk while rendering: one Chinese line (issue 19)
        rendered = render(draft, fmt, layout)
    write_output(Path(path), rendered.data, force=force)
    return rendered
