"""csv export for system import: UTF-8 with BOM (Excel opens it as UTF-8), one row per indicator.

The 指标值 is split by ``perfdraft.values.split`` into 计算符号 | 年度指标值 | 计量单位 (the 一体化
split, domain.md §4), keeping leading zeros as typed (``≥095%`` → ``≥ | 095 | %``). A value the grammar cannot split (``人``, a change ``较上年提高≥5%``, two
values joined by 或) is written whole into 年度指标值 with the other two blank, and the row is named
in a message: ``第 N 行：指标值“…”无法拆分，已整体写入年度指标值`` (N counts spreadsheet rows, the
header being row 1).

Formula injection: a cell starting with = + - @ tab or CR gets a leading ``'`` (OWASP); the
计算符号 column holds only our own vocabulary (≥ ≤ = > < 定性 区间) and stays bare.

Layouts (domain.md §10): ``standard`` and ``hubei``. Columns we hold no data for stay empty.
"""

from __future__ import annotations

import csv
import io

from ..model import Draft, Indicator
from ..values import format_number, split
from . import Rendered, formula_shown, typed_number
from .safety import csv_cell

STANDARD_COLUMNS = (
    "项目编码", "项目名称", "一级指标", "二级指标", "三级指标名称", "指标解释", "计算符号", "年度指标值", "计量单位",
    "指标值确定依据", "权重", "指标方向性", "上年指标值", "指标值说明",
)
HUBEI_COLUMNS = (
    "项目编码", "项目名称", "一级指标", "二级指标", "三级指标名称", "计算符号", "年度指标值", "计量单位",
    "指标值确定依据", "上年指标值", "前年指标值", "指标解释", "扣分标准", "权重", "绩效指标来源",
)
COLUMNS = {"standard": STANDARD_COLUMNS, "hubei": HUBEI_COLUMNS}
SIGN_COLUMN = "计算符号"


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
        "一级指标": ind.level1,
        "二级指标": ind.level2,
        "三级指标名称": ind.name,
        "指标解释": explanation(ind),
        "计算符号": s.sign or None,
        "年度指标值": number or None,
        "计量单位": s.unit or None,
        "指标值确定依据": basis,
        "权重": format_number(ind.weight) if ind.weight is not None else None,
        "指标方向性": ind.direction,
        "上年指标值": ind.last_year,
        "指标值说明": ind.note,
    }
    return fields, s.whole


def render_csv(draft: Draft, layout: str = "standard") -> Rendered:
    columns = COLUMNS[layout]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    messages: list[str] = []
    row_number = 1
    for project in draft.projects:
        for ind in project.indicators:
            row_number += 1
            fields, whole = indicator_fields(ind)
            fields["项目编码"] = project.code
            fields["项目名称"] = project.name
            if whole:
                messages.append(f"第 {row_number} 行：指标值“{ind.value}”无法拆分，已整体写入年度指标值")
            writer.writerow([csv_cell(fields.get(col), sign_column=col == SIGN_COLUMN) for col in columns])
    return Rendered(("\ufeff" + buf.getvalue()).encode("utf-8"), messages)
