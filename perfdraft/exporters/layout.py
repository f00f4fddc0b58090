"""The printed table of one project in its profile's own layout (profiles.py), as a ``Grid``.

``hebei-2020`` keeps the seed's bespoke 7-column grid (``exporters.project_grid``). Every other
profile is built from data: its indicator columns in table order (one grid column each; the 指标值
column becomes 中期指标值 | 年度指标值 side by side when the profile holds 中期 targets), its header
fields as label/value pairs laid over the same grid, long texts on full rows. The xlsx sheet and
the docx table are drawn from the same grid, so both prints are the same table.

Values: where the profile has its own 计算符号 / 计量单位 columns, the 指标值 column holds only the
number (the 一体化 split, values.split); otherwise the whole canonical value. A 中期 (scope
"overall") row is paired with the 年度 row of the same 二级 + 三级 name; one without a partner
gets a row of its own with the 年度 cells blank.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from .. import fields
from ..model import PLAN_LABELS, Indicator, Project, format_number, level_runs_order
from ..profiles import Profile
from . import (
    MONEY,
    PERCENT,
    SEED_GRID_PROFILES,
    Cell,
    Grid,
    basis_text,
    description_text,
    merge_runs,
    print_value,
)

# Least width (cm) of each indicator column on paper, and whether it takes spare room (long text).
WIDTHS: dict[str, tuple[float, bool]] = {
    "indicator.level1": (1.6, False), "indicator.level2": (1.9, False), "indicator.name": (3.0, True),
    "indicator.description": (2.4, True), "indicator.symbol": (1.2, False), "indicator.value": (1.9, False),
    "indicator.mid_value": (1.9, False), "indicator.unit": (1.3, False), "indicator.weight": (1.1, False),
    "indicator.scoring": (2.4, True), "indicator.basis": (2.2, True), "indicator.nature": (1.3, False),
    "indicator.direction": (1.3, False), "indicator.actual": (1.9, False), "indicator.score": (1.1, False),
    "indicator.note": (2.0, True), "indicator.value_note": (2.0, True), "indicator.last_year": (1.6, False),
    "indicator.prev_year": (1.6, False), "indicator.formula": (2.4, True),
}
PAPER_CM = 17.0  # A4 portrait less 2 × 2 cm margins
LANDSCAPE_CM = 25.7  # A4 landscape less 2 × 2 cm margins
LANDSCAPE_COLUMNS = 9  # a table this wide prints on A4 landscape (its text columns had ~2 cm each)

# Column titles a profile's own table prints where they differ from the registry's label.
TITLES: dict[tuple[str, str], str] = {
    ("central-2021", "indicator.description"): "指标解释",
    ("sichuan-grid", "indicator.unit"): "度量单位",
    ("sichuan-grid", "indicator.direction"): "指标方向性",
    ("guangdong", "indicator.mid_value"): "实施周期指标值",
    ("guangdong", "indicator.value"): "当年度指标值",
    ("ndrc-investment", "indicator.mid_value"): "总体指标值",
}
MID_TITLE = "中期指标值"
ANNUAL_TITLE = "年度指标值"
LONG_HEADER = frozenset({"project.purpose", "project.goal", "project.overall_goal", "project.basis_text"})
HEADER_TITLES = {"project.goal": "年度目标", "project.overall_goal": "中期目标",
                 "project.budget.fiscal": "其中：财政资金"}
PERIOD_KEYS = ("project.period_start", "project.period_end")


@dataclass
class Row:
    """One printed indicator row: the 年度 indicator and the 中期 one paired with it (either may be None)."""

    annual: Indicator | None
    overall: Indicator | None

    @property
    def ind(self) -> Indicator:
        ind = self.annual or self.overall
        assert ind is not None
        return ind


def pair_rows(indicators: list[Indicator], multi_year: bool) -> list[Row]:
    """年度 rows in order, each with its 中期 partner (same 二级 + 三级); unpaired 中期 rows after
    the 年度 row they follow. Without 中期 columns every indicator is a row of its own."""
    if not multi_year:
        return level_runs_order([Row(ind, None) for ind in indicators], _row_levels)
    overall = [i for i in indicators if i.scope == "overall"]
    used: set[int] = set()
    by_key: dict[tuple[str | None, str | None], list[int]] = {}
    for k, ind in enumerate(overall):
        by_key.setdefault((ind.level2, ind.name), []).append(k)
    rows: list[Row] = []
    for ind in indicators:
        if ind.scope == "overall":
            continue
        partner = None
        for k in by_key.get((ind.level2, ind.name), []):
            if k not in used:
                used.add(k)
                partner = overall[k]
                break
        rows.append(Row(ind, partner))
    for k, ind in enumerate(overall):
        if k not in used:
            rows.append(Row(None, ind))
    # Keep 一级/二级 runs together so that their cells still merge: a stable sort by first appearance.
    return level_runs_order(rows, _row_levels)


def _row_levels(row: Row) -> tuple[str | None, str | None]:
    return row.ind.level1, row.ind.level2


def _split(ind: Indicator | None):
    from ..values import split

    return split(ind.value if ind else None)


def _symbol(ind: Indicator | None) -> str | None:
    if ind is None:
        return None
    return ind.symbol or _split(ind).sign or None


def _unit(ind: Indicator | None) -> str | None:
    if ind is None:
        return None
    return ind.unit or _split(ind).unit or None


@dataclass(frozen=True)
class Ctx:
    """What the profile's table splits off the 指标值 into columns of its own."""

    has_symbol: bool
    has_unit: bool

    @classmethod
    def of(cls, profile: Profile) -> Ctx:
        return cls(profile.has("indicator.symbol"), profile.has("indicator.unit"))


def value_cell(ind: Indicator | None, ctx: Ctx) -> str | None:
    """The 指标值 cell: without the operator when the table has a 计算符号 column, without the unit
    when it has a 计量单位 column, else the whole canonical value."""
    if ind is None or not ind.value:
        return None
    if not (ctx.has_symbol or ctx.has_unit):
        return print_value(ind.value)
    s = _split(ind)
    if s.whole:
        return ind.value
    from . import typed_number

    number = typed_number(ind.value, s.number) if s.number else ""
    if s.sign == "定性":
        return number or None
    sign = "" if ctx.has_symbol or s.sign == "=" else s.sign
    unit = "" if ctx.has_unit else s.unit
    if s.sign == "区间":
        sign = ""
    return f"{sign}{number}{unit}" or None


def _nature(ind: Indicator | None) -> str | None:
    """指标性质 as typed, else 定性 / 定量 as the value reads."""
    if ind is None:
        return None
    if ind.nature:
        return ind.nature
    if not ind.value:
        return None
    sign = ind.symbol or _split(ind).sign
    return "定性" if sign == "定性" else "定量" if sign else None


def _num(value: Decimal | None) -> str | None:
    return format_number(value) if value is not None else None


Getter = Callable[[Row, Ctx], "str | None"]

GETTERS: dict[str, Getter] = {
    "indicator.name": lambda r, s: r.ind.name,
    "indicator.description": lambda r, s: description_text(r.ind),
    "indicator.symbol": lambda r, s: _symbol(r.annual or r.overall),
    "indicator.value": lambda r, s: value_cell(r.annual, s),
    "indicator.mid_value": lambda r, s: value_cell(r.overall, s),
    "indicator.unit": lambda r, s: _unit(r.annual or r.overall),
    "indicator.weight": lambda r, s: _num(r.ind.weight),
    "indicator.scoring": lambda r, s: r.ind.scoring,
    "indicator.basis": lambda r, s: basis_text(r.ind),
    "indicator.nature": lambda r, s: _nature(r.ind),
    "indicator.direction": lambda r, s: r.ind.direction,
    "indicator.actual": lambda r, s: r.ind.actual,
    "indicator.score": lambda r, s: _num(r.ind.score),
    "indicator.note": lambda r, s: r.ind.note,
    "indicator.value_note": lambda r, s: r.ind.value_note,
    "indicator.last_year": lambda r, s: r.ind.last_year,
    "indicator.prev_year": lambda r, s: r.ind.prev_year,
    "indicator.formula": lambda r, s: r.ind.formula,
}
TEXT_COLUMNS = frozenset(k for k, (_, grows) in WIDTHS.items() if grows)


def getter(key: str) -> Getter:
    """A column's reader: its own in GETTERS, else the registry field's value as the draft holds it
    (so a new field prints with no entry here)."""
    if key in GETTERS:
        return GETTERS[key]
    field = fields.FIELDS[key]
    return lambda r, s: _cell(field.get(r.ind))


def _cell(value: object) -> str | None:
    return format_number(value) if isinstance(value, Decimal) else None if value is None else str(value)


def columns(profile: Profile) -> list[str]:
    """The profile's indicator columns in print order, 中期 beside 年度 where it has them."""
    out: list[str] = []
    for key in profile.columns:
        if key == "indicator.value" and profile.multi_year:
            out.append("indicator.mid_value")
        out.append(key)
    return out


def column_title(profile: Profile, key: str) -> str:
    if (profile.id, key) in TITLES:
        return TITLES[(profile.id, key)]
    if key == "indicator.mid_value":
        return MID_TITLE
    if key == "indicator.value" and (profile.multi_year or profile.has("indicator.symbol")):
        return ANNUAL_TITLE
    return fields.FIELDS[key].label


def landscape(profile: Profile) -> bool:
    """Whether the profile's table prints on A4 landscape (too many columns for portrait)."""
    return profile.id not in SEED_GRID_PROFILES and len(columns(profile)) >= LANDSCAPE_COLUMNS


def paper_cm(profile: Profile) -> float:
    return LANDSCAPE_CM if landscape(profile) else PAPER_CM


def column_widths(profile: Profile, rows: list[Row]) -> tuple[float, ...]:
    """Widths (cm) filling the paper: minimums, then the spare room to the long-text columns in
    proportion to their text."""
    from . import text_units

    cols = columns(profile)
    split_columns = Ctx.of(profile)
    # a column is at least as wide as its bold title on one line (up to 3 cm; longer titles wrap)
    mins = [max(WIDTHS.get(k, (1.6, False))[0], min(3.0, text_units(column_title(profile, k)) * 0.2 + 0.4))
            for k in cols]
    paper = paper_cm(profile)
    scale = min(1.0, paper / sum(mins))
    mins = [m * scale for m in mins]
    demand = [0.0] * len(cols)
    for i, key in enumerate(cols):
        if key in TEXT_COLUMNS:
            read = getter(key)
            demand[i] = sum(text_units(read(r, split_columns) or "") for r in rows) + 1.0
    spare = paper - sum(mins)
    total = sum(demand) or 1.0
    return tuple(round(m + spare * d / total, 2) for m, d in zip(mins, demand, strict=True))


def header_pairs(project: Project, profile: Profile) -> list[tuple[str, str | None, Decimal | None, bool]]:
    """(label, text, money, long) for each header field of the profile, 项目期 as one pair."""
    out: list[tuple[str, str | None, Decimal | None, bool]] = []
    for key in profile.header:
        if key in ("project.spending_plan", "project.doc_number"):
            continue  # the plan has a block of its own; the 文号 prints in the title
        if key == PERIOD_KEYS[1] and PERIOD_KEYS[0] in profile.header:
            continue
        f = fields.FIELDS[key]
        if key == PERIOD_KEYS[0]:
            start, end = project.period_start, project.period_end
            text = f"{start or ''}—{end or ''}" if start or end else None
            out.append(("项目期", text, None, False))
            continue
        value = f.get(project)
        label = HEADER_TITLES.get(key, f.label)
        if f.kind == "money":
            out.append((label, None, value, False))
        else:
            out.append((label, value if value is None else str(value), None, key in LONG_HEADER))
    return out


LABEL_CM = 2.4  # a header label (项目名称, 其中：财政资金) on one line at 10 pt
PAIR_CM = 6.5  # the least width of a label/value pair sharing its row with another


def _label_span(widths: tuple[float, ...], start: int, span: int) -> int:
    """How many grid columns from ``start`` a header label needs (at most all but one of ``span``)."""
    total = 0.0
    for k in range(span - 1):
        total += widths[start + k]
        if total >= LABEL_CM:
            return k + 1
    return max(1, span - 1)


def _header_cells(project: Project, profile: Profile, widths: tuple[float, ...]) -> tuple[list[Cell], int]:
    """The header block laid over the grid's columns: short pairs two to a row, long texts on a
    row of their own (label in the first columns, text across the rest)."""
    cells: list[Cell] = []
    row = 0
    ncols = len(widths)
    half = ncols // 2
    # Two label/value pairs to a row only where each half has room for a label and a value.
    two_per_row = half >= 2 and ncols - half >= 2 and min(sum(widths[:half]), sum(widths[half:])) >= PAIR_CM
    pending: list[tuple[str, str | None, Decimal | None]] = []

    def flush() -> None:
        nonlocal row
        if not pending:
            return
        spans = [(0, half), (half, ncols - half)] if len(pending) == 2 else [(0, ncols)]
        for (start, span), (label, text, money) in zip(spans, pending, strict=True):
            label_span = _label_span(widths, start, span)
            cells.append(Cell(row, start, label, colspan=label_span, role="label"))
            cells.append(Cell(row, start + label_span, text, number=money, kind=MONEY if money is not None else None,
                              colspan=span - label_span))
        pending.clear()
        row += 1

    for label, text, money, long in header_pairs(project, profile):
        if long:
            flush()
            label_span = _label_span(widths, 0, ncols)
            cells.append(Cell(row, 0, label, colspan=label_span, role="label"))
            cells.append(Cell(row, label_span, text, colspan=ncols - label_span, role="text"))
            row += 1
            continue
        pending.append((label, text, money))
        if len(pending) == 2 or not two_per_row:
            flush()
    flush()
    if profile.has("project.spending_plan"):
        plan = project.spending_plan
        label_span = _label_span(widths, 0, ncols)
        cells.append(Cell(row, 0, "资金支出计划（%）", rowspan=2, colspan=label_span, role="label"))
        free = ncols - label_span
        for k, key in enumerate(PLAN_LABELS):
            start = label_span + free * k // 4
            span = label_span + free * (k + 1) // 4 - start
            cells.append(Cell(row, start, PLAN_LABELS[key], colspan=span, role="label"))
            cells.append(Cell(row + 1, start, number=getattr(plan, key) if plan else None, kind=PERCENT,
                              colspan=span))
        row += 2
    return cells, row


def profile_grid(project: Project, profile: Profile) -> Grid:
    """The table of one project in ``profile``'s layout (header block, then the indicator grid)."""
    cols = columns(profile)
    ncols = len(cols)
    rows = pair_rows(project.indicators, profile.multi_year)
    widths = column_widths(profile, rows)
    cells, top = _header_cells(project, profile, widths)
    header_row = top
    for c, key in enumerate(cols):
        cells.append(Cell(header_row, c, column_title(profile, key), role="header"))
    first = header_row + 1
    split_columns = Ctx.of(profile)
    if not rows:
        cells += [Cell(first, c) for c in range(ncols)]
    else:
        level_cols = {k: cols.index(k) for k in ("indicator.level1", "indicator.level2") if k in cols}
        l1 = [r.ind.level1 for r in rows]
        l1_runs = merge_runs(l1)
        starts = [False] * len(rows)
        for start, _ in l1_runs:
            starts[start] = True
        if "indicator.level1" in level_cols:
            for start, length in l1_runs:
                cells.append(Cell(first + start, level_cols["indicator.level1"], l1[start], rowspan=length,
                                  role="level"))
        if "indicator.level2" in level_cols:
            l2 = [r.ind.level2 for r in rows]
            for start, length in merge_runs(l2, starts):
                cells.append(Cell(first + start, level_cols["indicator.level2"], l2[start], rowspan=length,
                                  role="level"))
        for k, row in enumerate(rows):
            for c, key in enumerate(cols):
                if key in level_cols:
                    continue
                cells.append(Cell(first + k, c, getter(key)(row, split_columns),
                                  role="text" if key in TEXT_COLUMNS else "value"))
    grid = Grid(first + max(1, len(rows)), cells, header_row, first, ncols=ncols)
    grid.widths_cm = widths
    return grid
