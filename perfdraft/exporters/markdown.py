"""Markdown export: the department text, then per project its header fields and one pipe table, in
the header fields and indicator columns of the draft's profile (as the xlsx, docx and pdf tables).

Text is escaped so that it shows exactly as typed: Markdown punctuation gets a backslash (``\\*``,
``\\|``, ``\\<``, ``\\&`` …: no HTML tag or entity gets through), a line break inside a cell or
paragraph becomes ``<br>``, and a line that would start a heading, list or quote is escaped at its
start. UTF-8 without BOM, LF line ends.
"""

from __future__ import annotations

import re

from ..model import PLAN_LABELS, Draft, Project
from ..profiles import Profile, for_draft
from . import (
    GRID_HEADERS,
    SEED_GRID_PROFILES,
    UNIT_LABEL,
    Rendered,
    basis_text,
    by_levels,
    department_blocks,
    department_line,
    department_title,
    description_text,
    print_value,
    project_title,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def escape(text: str | None, *, block: bool = False) -> str:
    """Markdown punctuation escaped, line breaks as <br>; ``block`` text (a paragraph of its own)
    also has a list, quote or heading marker at its start escaped."""
    if not text:
        return ""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out = []
    for line in lines:
        line = _SPECIAL.sub(r"\\\1", line)
        m = _LINE_START.match(line) if block else None
        if m:  # "- x", "1. x", "> x" would become a list or a quote: escape the marker's punctuation
            cut = m.end() - 1
            line = line[:cut] + "\\" + line[cut:]
        out.append(line)
    return "<br>".join(out)


def _money(value) -> str:
    return "" if value is None else f"{value:f}"


def pipe_table(headers: list[str], rows: list[list[str | None]]) -> list[str]:
    out = ["| " + " | ".join(escape(h) for h in headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    for row in rows:
        out.append("| " + " | ".join(escape(c) for c in row) + " |")
    return out


def _merged_levels(indicators) -> list[tuple[str | None, str | None]]:
    """Each row's 一级 and 二级, blank where the row above has the same (the merged look of the paper table)."""
    out: list[tuple[str | None, str | None]] = []
    prev1 = prev2 = None
    for k, ind in enumerate(indicators):
        same1 = k > 0 and ind.level1 is not None and ind.level1 == prev1
        same2 = same1 and ind.level2 is not None and ind.level2 == prev2
        out.append((None if same1 else ind.level1, None if same2 else ind.level2))
        prev1, prev2 = ind.level1, ind.level2
    return out


def indicator_rows(indicators) -> list[list[str | None]]:
    """Rows of the grid, grouped by their levels; 一级/二级 only where they change."""
    indicators = by_levels(indicators)
    return [[l1, l2, ind.name, description_text(ind), print_value(ind.value), basis_text(ind)]
            for (l1, l2), ind in zip(_merged_levels(indicators), indicators, strict=True)]


def _plan_text(project: Project) -> str:
    plan = project.spending_plan
    # percentages as typed (25, not the 25.0 a TOML float reads back as)
    return "；".join(f"{PLAN_LABELS[k]} {_money(v.normalize()) if plan and (v := getattr(plan, k)) is not None else ''}".rstrip()
                    for k in PLAN_LABELS)


def _seed_header(project: Project) -> list[tuple[str, str | None]]:
    b = project.budget
    return [("项目编码", project.code), ("项目名称", project.name), ("预算数", _money(b.total)),
            ("其中：财政资金", _money(b.fiscal)), ("其他资金", _money(b.other)), ("资金用途", project.purpose),
            ("资金支出计划（%）", _plan_text(project)), ("绩效目标", project.goal)]


def _profile_header(project: Project, profile: Profile) -> list[tuple[str, str | None]]:
    """The profile's header fields in its order, as the xlsx/docx/pdf tables print them (layout.py)."""
    from .layout import header_pairs

    out = [(label, _money(money) if money is not None else text) for label, text, money, _ in
           header_pairs(project, profile)]
    if profile.has("project.spending_plan"):
        out.append(("资金支出计划（%）", _plan_text(project)))
    return out


def _profile_table(project: Project, profile: Profile) -> tuple[list[str], list[list[str | None]]]:
    """The profile's indicator columns (中期 beside 年度 where it has them), 一级/二级 only where they change."""
    from .layout import Ctx, column_title, columns, getter, pair_rows

    cols = columns(profile)
    ctx = Ctx.of(profile)
    grid = pair_rows(project.indicators, profile.multi_year)
    rows: list[list[str | None]] = []
    for (l1, l2), row in zip(_merged_levels([r.ind for r in grid]), grid, strict=True):
        shown = {"indicator.level1": l1, "indicator.level2": l2}
        rows.append([shown[key] if key in shown else getter(key)(row, ctx) for key in cols])
    return [column_title(profile, key) for key in cols], rows


def project_lines(draft: Draft, project: Project, index: int) -> list[str]:
    """One project: its title, header fields and indicator table, in the columns of the draft's profile."""
    profile = for_draft(draft)
    seed = profile.id in SEED_GRID_PROFILES
    lines = [f"### {escape(project_title(project, index))}", "",
             f"{escape(department_line(draft))}　{UNIT_LABEL}", ""]
    for label, value in (_seed_header(project) if seed else _profile_header(project, profile)):
        lines.append(f"- **{escape(label)}**：{escape(value)}")
    lines.append("")
    if project.indicators:
        lines += pipe_table(list(GRID_HEADERS), indicator_rows(project.indicators)) if seed else \
            pipe_table(*_profile_table(project, profile))
    else:
        lines.append("（未设置绩效指标）")
    lines.append("")
    return lines


def render_markdown(draft: Draft) -> Rendered:
    lines = [f"# {escape(department_title(draft))}", ""]
    for block in department_blocks(draft):
        if block.kind == "heading1":
            lines += [f"## {escape(block.text)}", ""]
        elif block.kind == "heading2":
            lines += [f"### {escape(block.text)}", ""]
        elif block.kind == "para":
            lines += [escape(block.text, block=True), ""]
        elif block.kind == "budget":
            total, fiscal, other = block.budget or (None, None, None)
            lines += pipe_table([block.text, "合计", "其中：财政拨款", "其他资金"],
                                [["金额", _money(total), _money(fiscal), _money(other)]])
            lines.append("")
        elif block.kind == "indicators":
            lines += pipe_table(list(GRID_HEADERS), indicator_rows(block.indicators))
            lines.append("")
    lines += ["## 第二部分 预算项目绩效目标", ""]
    for i, project in enumerate(draft.projects):
        lines += project_lines(draft, project, i)
    return Rendered(("\n".join(lines).rstrip("\n") + "\n").encode("utf-8"))
