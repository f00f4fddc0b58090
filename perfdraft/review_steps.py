"""The review states: a project's table and findings, the whole draft's, and done.

Arriving at a review shows the table and the check (``shows``); the slash commands /table and
/check print the same messages (slash_commands.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_module
from .places import finding_text
from .prompts import Message, Position, Rejected
from .step_table import Answer, Ctx, Step
from .steps import STEP_TEXTS

if TYPE_CHECKING:
    from .checks import Finding

checks = lazy_module("perfdraft.checks")

CHECK_LIST_LIMIT = 40


def findings(c: Ctx, scope: str, project: int | None) -> list[Finding]:
    if scope == "project" and project is not None and project < len(c.draft.projects):
        return checks.check_project(c.draft.projects[project], c.draft.framework, f"projects[{project}]", c.draft.year,
                                    profile=c.draft.profile)
    return checks.check_draft(c.draft)


def table_messages(c: Ctx, idx: int) -> list[Message]:
    from . import table_text  # the terminal's layout: at 76 cells the printed one split values

    if not 0 <= idx < len(c.draft.projects):
        return [Message("table", "\n".join(table_text.department_lines(c.draft, 76)))]
    return [Message("table", "\n".join(table_text.project_lines(c.draft.projects[idx], idx, 76)))]


def check_messages(c: Ctx, scope: str, project: int | None, limit: int | None = CHECK_LIST_LIMIT) -> list[Message]:
    """The check's head and its findings; arriving at a review lists ``limit`` of them and says how to see
    the rest (``/check`` lists them all: the list was cut with no way to read it in the app, issue 18)."""
    found = findings(c, scope, project)
    e, w, h = checks.counts(found)
    head = Message("notice", f"检查{'全稿' if scope == 'draft' else '本项目'}：{e} 个错误，{w} 个警告，{h} 条提示")
    shown = found if limit is None else found[:limit]
    more = len(found) - len(shown)
    return [head] + [Message("remark", finding_text(f, c.draft)) for f in shown] + (
        [Message("notice", f"……另有 {more} 条：输入 /check 列出全部")] if more > 0 else [])


def weight_messages(c: Ctx, pi: int) -> list[Message]:
    """Where the table has 权重: the 年度 rows' total, which should be 100."""
    if not c.profile.has("indicator.weight"):
        return []
    from .indicator_steps import allocated

    total = allocated(c, pi)
    if total == 100:
        return [Message("notice", "权重合计 100/100")]
    return [Message("notice", f"权重合计 {total.normalize():f}/100：请用 /jump 第 N 条 权重 调整")]


def _project_review_shows(c: Ctx, pos: Position) -> list[Message]:
    if pos.project >= len(c.draft.projects):
        return []
    return table_messages(c, pos.project) + weight_messages(c, pos.project) + check_messages(c, "project", pos.project)


def _project_review_resume(c: Ctx, pos: Position) -> Position:
    return pos if pos.project < len(c.draft.projects) else Position("project.name", len(c.draft.projects))


def _review_answer(c: Ctx, pos: Position, text: str) -> Answer:
    return Position("project.name", pos.project + 1), []


def _done_answer(c: Ctx, pos: Position, text: str) -> Answer:
    return Position("draft.done"), []


def _at_done(c: Ctx, pos: Position, text: str) -> Answer:
    """Nothing is asked at the end: a text typed here used to vanish without a word (the TUI stays here)."""
    typed = text.strip()
    lost = f"“{typed[:20]}{'…' if len(typed) > 20 else ''}”没有记入草稿；" if typed else ""
    n = len(c.draft.projects)
    where = (f"要修改请用 /jump（如 /jump 项目 1），新增项目用 /jump 项目 {n + 1}" if n else "要添加项目请用 /jump 项目 1")
    raise Rejected(f"问答已走完，{lost}{where}；/export xlsx 导出，/quit 保存并退出")


def _done_shows(c: Ctx, pos: Position) -> list[Message]:
    """Done with errors left is not done: said on arriving (the walk-through is over, the draft is not)."""
    errors = checks.counts(findings(c, "draft", None))[0]
    if not errors:
        return []
    return [Message("notice", f"全稿还有 {errors} 个错误，按原样导出的表格会带着它们送审：/check 列出全部，/jump 去改正")]


STEPS: dict[str, Step] = {s.id: s for s in [
    Step("project.review", "projects[{p}]", lambda c, p: "", answer=_review_answer, skip=lambda c, p: _review_answer(c, p, "")[0],
         shows=_project_review_shows, resume=_project_review_resume,
         question=lambda c, p: STEP_TEXTS["project.review"].prompt.format(n=p.project + 1), returns=False),
    Step("draft.review", "", lambda c, p: "", answer=_done_answer, skip=lambda c, p: Position("draft.done"),
         shows=lambda c, p: check_messages(c, "draft", None), returns=False),
    Step("draft.done", "", lambda c, p: "", answer=_at_done, skip=lambda c, p: p, returns=False, shows=_done_shows),
]}
