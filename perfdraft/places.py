"""Where a finding points, in words a newcomer reads: ``项目 1 · 第 5 条「缴费人数」· 指标值``.

Checks name a field by its model path (``projects[0].indicators[4].value``); people find a row by
its project, its number and its name. UI-free: ``finding_words``/``finding_text`` are the one
formatter of a finding, for the findings view, the live check, ``/check``, the line mode and
``perfdraft check``. Field labels follow ``steps.STEP_TEXTS`` (a test keeps them in step).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from .model import PLAN_LABELS, Draft

if TYPE_CHECKING:
    from .checks import Finding

SEP = " · "
NAME_CELLS = 18  # a row or project name longer than this is cut with …

# Labels come from the field registry (fields.py); these are the places it has no field for.
EXTRA_LABELS: dict[tuple[str, str], str] = {
    ("project", "budget"): "预算", ("project", "indicators"): "绩效指标",
    ("department", "sub_goals"): "分项目标", ("department", "budget"): "部门预算",
    ("department", "budget.total"): "部门预算合计", ("department", "indicators"): "部门整体指标",
    # the two parts of a row's 依据 (a clone's year change names the part it changed; basis.note was shown)
    ("indicator", "basis.note"): "指标值确定依据（说明）", ("indicator", "basis.category"): "指标值确定依据（类别）",
    # a plan's months (a --set of spending_plan.mar was placed as 项目 1 · spending_plan.mar)
    **{("project", f"spending_plan.{k}"): f"资金支出计划 · {v}" for k, v in PLAN_LABELS.items()},
}


def label(owner: str, attr: str) -> str:
    """The Chinese name of field ``attr`` of ``owner`` (draft | department | project | indicator)."""
    from .fields import FIELDS

    f = FIELDS.get(f"{owner}.{attr}")
    return f.label if f is not None else EXTRA_LABELS.get((owner, attr), attr)


class Place(NamedTuple):
    """A finding's location, parsed: project and row indices (0-based) and the field's label."""

    project: int | None = None  # None: the department or the whole draft
    row: int | None = None  # an indicator row of the project (or of a sub-goal / the department)
    field: str = ""  # the label of the field ("" for the whole row or project)
    text: str = ""  # the words: 项目 1 · 第 5 条「缴费人数」· 指标值


def short(text: str | None, cells: int = NAME_CELLS) -> str:
    """The first line of ``text`` cut to ``cells`` terminal cells with … (CJK counts two)."""
    from .text_fit import truncate

    return truncate((text or "").split("\n")[0].strip(), cells)


_INDEXED = re.compile(r"^(\w+)\[(\d+)\](?:\.(.*))?$")


def _split(path: str) -> tuple[str, int | None, str]:
    """``projects[2].budget.total`` → ("projects", 2, "budget.total"); ``year`` → ("year", None, "")."""
    m = _INDEXED.match(path)
    if m:
        return m.group(1), int(m.group(2)), m.group(3) or ""
    head, _, rest = path.partition(".")
    return head, None, rest


def _row_words(rows: list, i: int, field: str) -> tuple[str, str]:
    """(第 5 条「缴费人数」, 指标值) for ``indicators[4].value``-style rests."""
    name = rows[i].name if 0 <= i < len(rows) else None
    row = f"第 {i + 1} 条" + (f"「{short(name)}」" if name else "")
    return row, label("indicator", field)


def place(draft: Draft, path: str) -> Place:
    """Parse ``path`` (as a finding carries it) against ``draft`` and say it in words."""
    head, index, rest = _split(path)
    if head == "projects" and index is not None:
        projects = draft.projects
        parts = [f"项目 {index + 1}"]
        sub, row, field_path = _split(rest) if rest else ("", None, "")
        if sub == "indicators" and row is not None:
            rows = projects[index].indicators if index < len(projects) else []
            row_text, name = _row_words(rows, row, field_path)
            parts += [row_text] + ([name] if field_path else [])
            return Place(index, row, name if field_path else "", join(parts))
        name = label("project", rest) if rest else ""
        if not rest and index < len(projects):
            parts[0] += f"「{short(projects[index].title)}」"
        return Place(index, None, name, join(parts + ([name] if name else [])))
    if head == "department" or (head == "sub_goals" and index is not None):
        sub, idx, more = _split(rest) if rest else ("", None, "")
        if sub == "sub_goals" and idx is not None:
            words = ["部门", f"分项目标 {idx + 1}"]
            ssub, srow, sfield = _split(more) if more else ("", None, "")
            if ssub == "indicators" and srow is not None:
                goals = draft.department.sub_goals
                rows = goals[idx].indicators if idx < len(goals) else []
                row_text, name = _row_words(rows, srow, sfield)
                words += [row_text] + ([name] if sfield else [])
                return Place(None, srow, name if sfield else "", join(words))
            return Place(None, idx, "分项目标", join(words))
        if sub == "indicators" and idx is not None:
            row_text, name = _row_words(draft.department.indicators, idx, more)
            return Place(None, idx, name, join(["部门", row_text] + ([name] if more else [])))
        name = label("department", rest) if rest else ""
        return Place(None, None, name, join(["部门", name] if name else ["部门"]))
    name = label("draft", path) if path else ""
    return Place(None, None, name, join(["全稿", name]) if name else "全稿")


def join(parts: list[str]) -> str:
    """Parts joined by ·; after a closing 」 the space is already there to the eye."""
    out = ""
    for part in parts:
        out += part if not out else ("· " if out.endswith("」") else SEP) + part
    return out


def place_text(draft: Draft, path: str) -> str:
    return place(draft, path).text


# --- a finding in words: the one formatter every front-end and ``perfdraft check`` use ---------------


class FindingWords(NamedTuple):
    """A finding's parts as people read them; front-ends style the parts, never re-word them."""

    severity: str
    head: str  # ✗ 错误 PD212 (symbol and word: never colour alone)
    where: str  # 项目 1 · 第 5 条「缴费人数」· 绩效指标描述 ("" for the text being typed)
    body: str  # what is wrong → how to fix it

    def line(self) -> str:
        return f"{self.head} {self.where}：{self.body}" if self.where else f"{self.head}：{self.body}"


def finding_words(f: Finding, draft: Draft | None = None) -> FindingWords:
    """``f`` in words; with ``draft``, the place it points at (without, as the live check of an answer)."""
    from .rules import SEVERITY_LABELS, SEVERITY_SYMBOLS

    where = place_text(draft, f.path) if draft is not None and _absolute(f.path) else ""
    body = f.message + (f" → {f.suggestion}" if f.suggestion else "")
    return FindingWords(f.severity, f"{SEVERITY_SYMBOLS[f.severity]} {SEVERITY_LABELS[f.severity]} {f.code}", where, body)


def _absolute(path: str) -> bool:
    """A path from the draft's root (a remark on the answer just given carries one relative to its row:
    ``value``; that place is the question's, not said again)."""
    head, _, _ = _split(path)
    return head in ("projects", "department", "sub_goals") or label("draft", path) != path


def finding_text(f: Finding, draft: Draft | None = None) -> str:
    """One line: ``✗ 错误 PD212 项目 1 · 第 5 条「缴费人数」· 绩效指标描述：绩效指标描述为空 → …``."""
    return finding_words(f, draft).line()
