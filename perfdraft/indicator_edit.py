"""One cell of an indicator row after a /jump (split from indicator_steps.py): its question, its choices
(a level answered by its number in the list), the live check of what is typed, and the write."""

from __future__ import annotations

import copy
import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING

from . import fields, frameworks
from .indicator_steps import (
    FILL_HINT,
    cell_help,
    cell_read,
    cell_write,
    column_live,
    field_choices,
    filled_value,
    label,
    weight_total_text,
)
from .prompts import Choice, Position, Rejected
from .step_table import Answer, Ctx, Step
from .steps import STEP_TEXTS

if TYPE_CHECKING:
    from .checks import Finding

def _edit_question(c: Ctx, pos: Position) -> str:
    ind = c.draft.projects[pos.project].indicators[pos.index]
    q = STEP_TEXTS["indicator.edit"].prompt.format(row=pos.index + 1, name=ind.name or "", field=label(pos.field),
                                                   current=cell_read(ind, pos.field) or "空")
    if pos.field == "weight":
        q += f"（{weight_total_text(c, pos.project, ind)}）"
    if pos.field == "value" and "□" in (ind.value or ""):
        q += "\n" + FILL_HINT
    return q


def _edit_answer(c: Ctx, pos: Position, text: str) -> Answer:
    ind = c.draft.projects[pos.project].indicators[pos.index]
    text = _level_by_number(c, pos, text)
    value = filled_value(ind, pos.field, text) if text.strip() else cell_read(ind, pos.field)
    # Names and the block are plain text; every other column is read as its registry kind says
    if pos.field in ("level1", "level2", "name", "scope") or f"indicator.{pos.field}" not in fields.FIELDS:
        setattr(ind, pos.field, value.strip() or None)
        # a pair outside the framework is said, not refused: fixing both levels passes through one
        warnings: list[Finding] = c.level_findings(ind) if pos.field in ("level1", "level2") else []
    else:
        before = copy.deepcopy(ind)
        try:
            warnings = cell_write(c, pos.project, ind, pos.field, value)
        except Rejected:
            ind.__dict__.update(before.__dict__)
            raise
    c.invalidate()
    confirm = c.draft.projects[pos.project].confirm
    rel = f"indicators[{pos.index}].{pos.field}"
    if rel in confirm:
        confirm.remove(rel)
    return Position("project.review", pos.project), warnings


def _edit_live(c: Ctx, pos: Position, text: str) -> list[Finding]:
    ind = c.draft.projects[pos.project].indicators[pos.index]
    if pos.field in ("level1", "level2") and text.strip():
        # a wrong 二级 showed ✓ 本栏通过检查 while it was typed
        typed = _level_by_number(c, pos, text).strip()
        probe = replace(ind, level1=typed) if pos.field == "level1" else replace(ind, level2=typed)
        return c.level_findings(probe)
    return column_live(c, ind, pos.field, text)


def _level_by_number(c: Ctx, pos: Position, text: str) -> str:
    """A level cell answered by its number in the list shown (1 or １ for 数量指标): the level's name.
    "1" had been stored as the 二级, which the framework then refused."""
    number = unicodedata.normalize("NFKC", text).strip().rstrip(".、")
    if pos.field not in ("level1", "level2") or not number.isdigit():
        return text
    choices = _edit_choices(c, pos)
    return choices[int(number) - 1].value if 1 <= int(number) <= len(choices) else text


def _edit_resume(c: Ctx, pos: Position) -> Position:
    if pos.project < len(c.draft.projects) and pos.index < len(c.draft.projects[pos.project].indicators) and pos.field:
        return pos
    return Position("project.review", min(pos.project, len(c.draft.projects)))


def _edit_choices(c: Ctx, pos: Position) -> list[Choice]:
    """A level's choices: the framework's 一级, or the 二级 the row's 一级 takes (none were offered)."""
    if pos.field not in ("level1", "level2"):
        return field_choices(pos.field)
    fw = frameworks.get(c.draft.framework)
    if pos.field == "level1":
        words = [frameworks.LEVEL1_LABELS.get(a, a) for a in fw.levels]
    else:
        l1 = frameworks.level1_key(c.draft.projects[pos.project].indicators[pos.index].level1, fw)
        words = [frameworks.LEVEL2_LABELS.get(b, b) for b in fw.levels.get(l1 or "", ())]
    return [Choice(w, w) for w in words]



STEPS: dict[str, Step] = {s.id: s for s in [
    Step("indicator.edit", "projects[{p}].indicators[{i}].{f}", lambda c, p: cell_read(c.draft.projects[p.project].indicators[p.index], p.field),
         question=_edit_question, choices=_edit_choices,
         title=lambda c, p: f"第 {p.index + 1} 条 · {label(p.field)}", live=_edit_live, answer=_edit_answer,
         skip=lambda c, p: Position("project.review", p.project), resume=_edit_resume,
         group_help=cell_help),
]}
