"""Flat exports for a budget system's import: one row per indicator (csv, and xlsx ``--layout``).

Layouts:

* ``standard`` — the 一体化 import columns (PM_PERF_INDICATOR, domain.md §10): 目标类型 (年度 /
  总体) | 一级 | 二级 | 三级指标名称 | 指标解释 | 计算符号 | 年度指标值 | 计量单位 | 依据 | 权重 | 评分标准 …
* ``hubei`` — the Hubei variant (上年/前年指标值, 指标解释, 扣分标准, 权重, 绩效指标来源).
* a profile id — that profile's own indicator columns, flat (layout.py's titles and values).

计算符号 and 计量单位 are the indicator's own when the draft has them, else the 一体化 split of its
指标值 (``values.split``), keeping leading zeros as typed (``≥095%`` → ``≥ | 095 | %``). A value the
grammar cannot split is written whole into 年度指标值 and the row is named in a message:
``第 N 行：指标值“…”无法拆分，已整体写入年度指标值`` (N counts spreadsheet rows, header = 1).

csv: UTF-8 with BOM, CRLF; a cell starting with = + - @ tab or CR gets a leading ``'`` (OWASP); the
计算符号 column holds only our own vocabulary and stays bare.
"""

from __future__ import annotations

import csv
import io

from ..model import Draft, Indicator, format_number
from ..values import split
from . import Rendered, formula_shown, typed_number
from .safety import csv_cell

STANDARD_COLUMNS = (
    "项目编码", "项目名称", "目标类型", "一级指标", "二级指标", "三级指标名称", "指标解释", "计算符号", "年度指标值",
    "计量单位", "指标值确定依据", "权重", "评分标准", "指标方向性", "指标性质", "上年指标值", "前年指标值",
    "指标值说明",
)
HUBEI_COLUMNS = (
    "项目编码", "项目名称", "一级指标", "二级指标", "三级指标名称", "计算符号", "年度指标值", "计量单位",
    "指标值确定依据", "上年指标值", "前年指标值", "指标解释", "扣分标准", "权重", "绩效指标来源",
)
COLUMNS = {"standard": STANDARD_COLUMNS, "hubei": HUBEI_COLUMNS}
IMPORT_LAYOUTS = tuple(COLUMNS)
SIGN_COLUMN = "计算符号"
SCOPE_TITLES = {"overall": "总体"}  # PERF_OBJ_TYPE_CODE 1 = 总体, 2 = 年度 (the default)


def explanation(ind: Indicator) -> str | None:
    """指标解释: the description, and the formula after it (systems keep the 口径 here)."""
    formula = formula_shown(ind)
    parts = [p for p in (ind.description, f"计算公式：{formula}" if formula else None) if p]
    return "；".join(parts) if parts else None


def indicator_fields(ind: Indicator) -> tuple[dict[str, str | None], bool]:
    """The fields of one row by column name, and whether the value had to be written whole."""
    s = split(ind.value)
    number = typed_number(ind.value, s.number) if ind.value and s.number and not s.whole else s.number
    basis = ind.basis.display() if ind.basis is not None and not ind.basis.is_blank() else None
    fields: dict[str, str | None] = {
        "目标类型": SCOPE_TITLES.get(ind.scope or "", "年度"),
        "一级指标": ind.level1,
        "二级指标": ind.level2,
        "三级指标名称": ind.name,
        "指标解释": explanation(ind),
        "计算符号": ind.symbol or s.sign or None,
        "年度指标值": number or None,
        "计量单位": ind.unit or s.unit or None,
        "指标值确定依据": basis,
        "权重": format_number(ind.weight) if ind.weight is not None else None,
        "评分标准": ind.scoring,
        "扣分标准": ind.scoring,
        "指标方向性": ind.direction,
        "指标性质": ind.nature,
        "上年指标值": ind.last_year,
        "前年指标值": ind.prev_year,
        "指标值说明": ind.value_note or ind.note,
    }
    return fields, s.whole


def _profile_rows(draft: Draft, layout: str) -> tuple[tuple[str, ...], list[list[str | None]], list[str]]:
    from ..profiles import get
    from .layout import Ctx, Row, column_title, getter

    profile = get(layout)
    ctx = Ctx.of(profile)
    split_columns = ctx.has_symbol or ctx.has_unit
    keys = [k for k in profile.columns]
    scope = ("目标类型",) if profile.multi_year else ()
    columns = ("项目编码", "项目名称", *scope, *(column_title(profile, k) if k != "indicator.value" else
                                            ("年度指标值" if split_columns else "指标值") for k in keys))
    level = {"indicator.level1": lambda i: i.level1, "indicator.level2": lambda i: i.level2}
    rows: list[list[str | None]] = []
    for project in draft.projects:
        for ind in project.indicators:
            row = Row(ind, None)
            cells = [project.code, project.name]
            if scope:
                cells.append(SCOPE_TITLES.get(ind.scope or "", "年度"))
            cells += [level[k](ind) if k in level else getter(k)(row, ctx) for k in keys]
            rows.append(cells)
    return columns, rows, []


def import_rows(draft: Draft, layout: str = "standard") -> tuple[tuple[str, ...], list[list[str | None]], list[str]]:
    """Column titles, one row per indicator, and messages (unsplittable values) for ``layout``."""
    if layout not in COLUMNS:
        return _profile_rows(draft, layout)
    columns = COLUMNS[layout]
    rows: list[list[str | None]] = []
    messages: list[str] = []
    for project in draft.projects:
        for ind in project.indicators:
            fields, whole = indicator_fields(ind)
            fields["项目编码"] = project.code
            fields["项目名称"] = project.name
            if whole:
                messages.append(f"第 {len(rows) + 2} 行：指标值“{ind.value}”无法拆分，已整体写入年度指标值")
            rows.append([fields.get(col) for col in columns])
    return columns, rows, messages


def render_csv(draft: Draft, layout: str = "standard") -> Rendered:
    columns, rows, messages = import_rows(draft, layout)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(cell, sign_column=col == SIGN_COLUMN) for col, cell in zip(columns, row,
                                                                                               strict=True)])
    return Rendered(("\ufeff" + buf.getvalue()).encode("utf-8"), messages)
