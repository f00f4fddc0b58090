"""Plain-text rendering of drafts and findings, measured in terminal cells (CJK = 2 cells).

Used by ``perfdraft show``/``check``, the line mode and the TUI's table view, so that the table
a user sees is written once. No UI library here.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from .cells import graphemes
from .cells import width as cell_len
from .checks import Finding
from .model import PLAN_LABELS, Draft, Project, level_runs_order
from .places import finding_text
from .text_fit import truncate  # noqa: F401 - one cut-with-… for every front-end (render.truncate)
from .values import format_number

# ≥ ≤ and friends are East-Asian "ambiguous": most terminals draw them one cell wide, CJK-configured
# ones two. ``ascii_ops`` swaps them for >= / <= in grid cells (the stored data is unchanged).
AMBIGUOUS_SWAP = str.maketrans({"≥": ">=", "≤": "<="})


def wrap(text: str, width: int) -> list[str]:
    """Wrap by cells, never inside a grapheme cluster; keeps explicit line breaks. Never returns []."""
    lines: list[str] = []
    for para in (text or "").split("\n"):
        line, used = "", 0
        for g, w in graphemes(para):
            if used + w > width and line:
                lines.append(line)
                line, used = "", 0
            line += g
            used += w
        lines.append(line)
    return lines or [""]


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


def grid(headers: list[str], rows: list[list[str]], widths: list[int]) -> list[str]:
    """A bordered table with wrapped cells, each column ``widths[i]`` cells wide."""
    sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [sep]

    def emit(cells: list[str]) -> None:
        wrapped = [wrap(c, w) for c, w in zip(cells, widths, strict=True)]
        height = max(len(w) for w in wrapped)
        for k in range(height):
            parts = [pad(col[k] if k < len(col) else "", w) for col, w in zip(wrapped, widths, strict=True)]
            out.append("| " + " | ".join(parts) + " |")

    emit(headers)
    out.append(sep.replace("-", "="))
    for r in rows:
        emit(r)
        out.append(sep)
    return out


_CENTS = Decimal("0.01")


def money(value) -> str:
    """An amount in 元 to the fen (30000.00): a TOML float reads back as 30000.0, a typed one as 3000000.00."""
    if value is None:
        return ""
    try:
        cents = value.quantize(_CENTS)
    except InvalidOperation:  # beyond the context's precision: as it is
        return format_number(value)
    return format_number(cents if cents == value else value)


def project_table(project: Project, index: int, width: int = 100, ascii_ops: bool = False) -> list[str]:
    """One 项目支出绩效目标表 as text lines, fitting ``width`` cells."""
    lines = [f"{index + 1}、{project.title}绩效目标表"]
    b = project.budget
    lines.append(f"项目编码：{project.code or ''}    项目名称：{project.name or ''}")
    if project.doc_number:
        lines.append(f"文号：{project.doc_number}")
    lines.append(f"预算数：{money(b.total)}    其中：财政资金：{money(b.fiscal)}    其他资金：{money(b.other)}    （单位：元）")
    lines.extend("资金用途：" + line if i == 0 else "          " + line
                 for i, line in enumerate(wrap(project.purpose or "", max(20, width - 10))))
    plan = project.spending_plan
    # percentages as typed: 25, not the 25.0 a TOML float reads back as
    cells = [format_number(v.normalize()) if plan and (v := getattr(plan, k)) is not None else "" for k in PLAN_LABELS]
    lines.append("资金支出计划（%）：" + "  ".join(f"{PLAN_LABELS[k]} {c or '—'}" for k, c in zip(PLAN_LABELS, cells, strict=True)))
    lines.extend("绩效目标：" + line if i == 0 else "          " + line
                 for i, line in enumerate(wrap(project.goal or "", max(20, width - 10))))
    headers = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
    # Share the width: fixed narrow level columns, the rest by weight.
    inner = max(60, width) - 3 * len(headers) - 1
    fixed = [8, 10]
    rest = inner - sum(fixed)
    weights = [30, 22, 14, 16]
    widths = fixed + [max(6, rest * w // sum(weights)) for w in weights]
    rows = []
    prev1 = prev2 = None
    for ind in level_runs_order(list(project.indicators), lambda i: (i.level1, i.level2)):
        value = ind.value or ""
        if ascii_ops:
            value = value.translate(AMBIGUOUS_SWAP)
        l1 = "" if ind.level1 == prev1 else (ind.level1 or "")
        l2 = "" if (ind.level2 == prev2 and ind.level1 == prev1) else (ind.level2 or "")
        prev1, prev2 = ind.level1, ind.level2
        rows.append([l1, l2, ind.name or "", ind.description or "", value, ind.basis.display() if ind.basis else ""])
    if rows:
        lines.extend(grid(headers, rows, widths))
    else:
        lines.append("（未设置绩效指标）")
    return lines


def department_text(draft: Draft, width: int = 100) -> list[str]:
    d = draft.department
    lines = [f"{d.code or ''}{d.name or ''}  {draft.year or ''}年度  框架：{draft.framework}", "一、总体绩效目标"]
    lines += wrap(d.overall_goal or "（未填写）", width)
    lines.append("二、分项绩效目标")
    for i, g in enumerate(d.sub_goals):
        lines += wrap(f"{i + 1}、{g.text or ''}", width)
    lines.append("三、工作保障措施")
    lines += wrap(d.safeguards or "（未填写）", width)
    return lines


def report(draft: Draft, findings: list[Finding], source: str) -> list[str]:
    """Findings grouped by project, in the order of the draft, each in the one finding formatter's words."""
    lines = [f"== {source}"]
    groups: dict[int, list[Finding]] = {}
    dept: list[Finding] = []
    for f in findings:
        if f.path.startswith("projects["):
            idx = int(f.path[len("projects["):f.path.index("]")])
            groups.setdefault(idx, []).append(f)
        else:
            dept.append(f)
    if dept:
        lines.append(f"部门整体（{draft.department.name or '未命名部门'}）")
        for f in dept:
            lines.append("  " + finding_text(f, draft))
    for idx in sorted(groups):
        p = draft.projects[idx]
        lines.append(f"项目 {idx + 1}：{p.title}（{p.code or '无编码'}）")
        for f in groups[idx]:
            lines.append("  " + finding_text(f, draft))
    return lines
