"""The project table on a terminal (the TUI's F3, the table at a review): 80 columns, no value split.

``render.project_table`` draws the printed layout (six columns) for ``perfdraft show``; at 80 columns
that leaves 7 cells for 指标值 and ``≥125000人`` broke over two lines. Here the 一级/二级 levels
become a heading above their rows, the columns are 条 | 三级指标 | 绩效指标描述 | 指标值 | 依据, the
value column is as wide as the widest value, and cells wrap at word and value boundaries. The row
numbers are the ones the findings use (第 5 条). Core (no UI library): the TUI only draws these lines.
"""

from __future__ import annotations

from .cells import width as cell_len  # the one cell-width function
from .model import PLAN_LABELS, Draft, Project
from .text_fit import hanging, widest_atom, wrap
from .values import format_number

AMBIGUOUS_SWAP = str.maketrans({"≥": ">=", "≤": "<="})


def _money(value) -> str:
    return "—" if value is None else format_number(value)


def _labelled(label: str, text: str, width: int) -> list[str]:
    return hanging(label, text or "（未填写）", width)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


def column_widths(rows: list[list[str]], width: int) -> list[int]:
    """Widths of 条 | 三级指标 | 描述 | 指标值 | 依据 inside ``width`` cells of table."""
    inner = width - (3 * 5 + 1)  # "| " … " | " … " |"
    num = max(2, max((cell_len(r[0]) for r in rows), default=2))
    # A value is kept on one line up to 18 cells (2024年1月底前 broke as 2024年 / 1月底前); a longer one
    # (a graded standard) wraps at its atoms.
    value = min(18, max(6, max((widest_atom(r[3]) for r in rows), default=6), max((cell_len(r[3]) for r in rows), default=0)))
    basis = min(14, max(8, max((widest_atom(r[4]) for r in rows), default=8)))
    rest = max(12, inner - num - value - basis)
    name = max(6, rest // 2)
    return [num, name, rest - name, value, basis]


def grid_lines(header: list[str], groups: list[tuple[str, list[list[str]]]], widths: list[int]) -> list[str]:
    total = sum(widths) + 3 * len(widths) + 1
    sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"

    def row(cells: list[str]) -> list[str]:
        wrapped = [wrap(c, w) for c, w in zip(cells, widths, strict=True)]
        height = max(len(c) for c in wrapped)
        return ["| " + " | ".join(_pad(col[k] if k < len(col) else "", w) for col, w in zip(wrapped, widths, strict=True)) + " |"
                for k in range(height)]

    out = [sep, *row(header)]
    for title, rows in groups:
        # The group's heading is the rule above its rows.
        label = f"== {title} "
        out.append("+" + label + "=" * max(0, total - 2 - cell_len(label)) + "+")
        for r in rows:
            out += row(r)
    return out + [sep]


def project_lines(project: Project, index: int, width: int, ascii_ops: bool = False) -> list[str]:
    width = max(40, width)
    b = project.budget
    lines = [f"{index + 1}、{project.title}绩效目标表"]
    lines += _labelled("项目编码：", project.code or "（未填写）", width)
    if project.doc_number:
        lines += _labelled("文号：", project.doc_number, width)
    lines += _labelled("预算数：", f"{_money(b.total)} 元（财政资金 {_money(b.fiscal)}，其他资金 {_money(b.other)}）", width)
    lines += _labelled("资金用途：", project.purpose or "", width)
    plan = project.spending_plan
    cells = [_money(getattr(plan, k)) if plan else "—" for k in PLAN_LABELS]
    lines += _labelled("支出计划（%）：", "  ".join(f"{PLAN_LABELS[k]} {c}" for k, c in zip(PLAN_LABELS, cells, strict=True)), width)
    lines += _labelled("绩效目标：", project.goal or "", width)
    if not project.indicators:
        return lines + ["（未设置绩效指标）"]
    groups: list[tuple[str, list[list[str]]]] = []
    for n, ind in enumerate(project.indicators, 1):
        title = f"一级指标 {ind.level1 or '？'} › 二级指标 {ind.level2 or '？'}"
        if not groups or groups[-1][0] != title:
            groups.append((title, []))
        value = ind.value or ""
        if ascii_ops:
            value = value.translate(AMBIGUOUS_SWAP)
        groups[-1][1].append([str(n), ind.name or "", ind.description or "", value, ind.basis.display() if ind.basis else ""])
    widths = column_widths([r for _, rows in groups for r in rows], width)
    return lines + grid_lines(["条", "三级指标", "绩效指标描述", "指标值", "依据"], groups, widths)


def department_lines(draft: Draft, width: int) -> list[str]:
    from . import render

    out: list[str] = []
    for line in render.department_text(draft, 10**6):  # its own wrap cuts anywhere: re-wrap here
        out += wrap(line, max(20, width))
    return out
