"""The conversation engine: navigation, undo and autosave over the step table.

Both front-ends (the Textual app and the prompt-toolkit line mode) and the tests drive one
``Conversation``: read ``prompt()`` to know what to ask, call ``check(text)`` on every keystroke
for live feedback, and ``answer(text)`` with the final answer or a command (``/back`` …).

What each state asks, accepts and leads to is a ``Step`` (step_table.py, indicator_steps.py,
review_steps.py); the slash commands are a table (slash_commands.py). This class only moves
between positions, keeps the undo stack and /back history, and saves (with a resume marker that
is exactly where the user stopped).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import indicator_edit, indicator_steps, overall_steps, review_steps, step_table
from ._lazy import lazy_module
from .answers import unreadable
from .line_breaks import join_lines
from .model import Draft, Project
from .places import finding_text
from .prompts import Message, Position, Prompt, Rejected, Reply
from .saver import freeze, thaw
from .step_context import StepContext
from .steps import COMMANDS, STEP_TEXTS, command_by_word

if TYPE_CHECKING:
    from .checks import Finding

checks = lazy_module("perfdraft.checks")

STEPS: dict[str, step_table.Step] = {**step_table.STEPS, **indicator_steps.STEPS, **indicator_edit.STEPS,
                                     **overall_steps.STEPS, **review_steps.STEPS}
_PROJECT_PREFIXES = ("project.", "indicator", "overall.")
_FIELD_STEPS = frozenset(step_table.STEPS)


_YES = frozenset({"是", "是的", "对", "好", "y", "yes", "采用"})


class Conversation:
    def __init__(self, draft: Draft, path: Path | None = None, *, catalogue_loader: Callable[[], Any] | None = None,
                 autosave: bool = True, only_unsettled: bool = False):
        self.ctx = StepContext(draft, catalogue_loader=catalogue_loader)
        self.path = Path(path) if path else None
        self.autosave = autosave and self.path is not None
        self.only_unsettled = only_unsettled
        self.messages: list[Message] = []
        # frozen snapshots (saver.freeze), positions, and where a /jump was to return: an answer undone after
        # a /jump from the check returned there again (it had walked on through every later question)
        self.undo_stack: list[tuple[Any, Position, Position | None]] = []
        self.store: Any = None  # set by session.Session: saves go through its saver (off the UI thread)
        self.history: list[Position] = []  # for /back
        self.return_to: Position | None = None  # after a /jump, where to go back to
        self.saved_digest: str | None = None
        self.dirty = False
        self.finished = False
        self.last_saved_error: str | None = None
        self.exported: set[Path] = set()  # files this session wrote with /export (only those are replaced)
        self.export_log: list[Path] = []  # the same, in order: a front-end in a browser sends each one there
        self._arrivals: list[Message] = []  # what arriving at a step shows (tables, check results)
        # The fix a refusal proposed ("是否应为 =100%？") and where: "是" answered next takes it. On a dumb
        # terminal there is no Tab, and 是 had been stored as a rate's value.
        self.offered: tuple[Position, str] | None = None
        self.pos = self._resume_position()
        self._arrive()

    # --- state the steps share -------------------------------------------------------------------

    @property
    def draft(self) -> Draft:
        return self.ctx.draft

    @draft.setter
    def draft(self, value: Draft) -> None:
        self.ctx.draft = value
        self.ctx.invalidate()

    @property
    def pos(self) -> Position:
        return self.ctx.pos

    @pos.setter
    def pos(self, value: Position) -> None:
        self.ctx.pos = value

    def catalogue(self) -> Any:
        """The catalogue (front-ends preload it on a worker thread); what loading it had to say goes
        to ``messages``, which front-ends show first. Loaded by a step instead, it comes with the reply."""
        cat = self.ctx.catalogue()
        notices, self.ctx.notices = self.ctx.notices, []
        self.messages.extend(notices)
        return cat

    def _candidates_for(self, pi: int, gi: int) -> list[Any]:
        return self.ctx.candidates(pi, gi)

    def current_project(self) -> Project | None:
        if self.pos.step.startswith(_PROJECT_PREFIXES) and self.pos.project < len(self.draft.projects):
            return self.draft.projects[self.pos.project]
        return None

    # --- position ----------------------------------------------------------------------------------

    def _resume_position(self) -> Position:
        r = self.draft.resume or {}
        step = str(r.get("step", ""))
        if step in STEPS:
            try:
                pos = Position(step, int(r.get("project", 0)), int(r.get("index", 0)), int(r.get("row", 0)),
                               str(r.get("field", "")))
            except (TypeError, ValueError):
                pos = Position("dept.name")
            return self._valid(pos)
        # No marker: the first unanswered department field, else the first project. A draft of project
        # tables with no department part (an import) starts at its first project: the walk had opened on
        # 部门 · 总体目标, and the imported project was never in sight.
        d = self.draft.department
        if self.draft.projects and not (d.overall_goal or d.safeguards or d.sub_goals or d.indicators or d.budget):
            return self._valid(Position("project.name", 0))
        for sid in step_table.DEPT_STEP_ORDER:
            if sid not in ("dept.sub_goals", "dept.code") and not STEPS[sid].read(self.ctx, Position(sid)).strip():
                return Position(sid)
        return Position("project.name", 0)

    def _valid(self, pos: Position) -> Position:
        """The position itself when the draft still has what it points at, else the nearest that exists."""
        n = len(self.draft.projects)
        if pos.step.startswith(_PROJECT_PREFIXES) and pos.step != "project.name" and pos.project >= n:
            return Position("project.name", n)
        if pos.step == "project.name" and pos.project > n:
            return Position("project.name", n)
        return STEPS[pos.step].resume(self.ctx, pos)

    def _resume_marker(self) -> dict[str, str | int]:
        pos = self.pos
        marker: dict[str, str | int] = {"step": pos.step, "project": pos.project, "index": pos.index}
        field = pos.field
        if pos.step == "indicator.value":
            cands = self.ctx.candidates(pos.project, pos.index)
            field = (cands[pos.row].proposal.name or "") if pos.row < len(cands) else ""
        if pos.row:
            marker["row"] = pos.row
        if field:
            marker["field"] = field
        return marker

    # --- prompt ------------------------------------------------------------------------------------

    def prompt(self) -> Prompt:
        self.pos = self._valid(self.pos)
        pos, c = self.pos, self.ctx
        sid = pos.step
        step = STEPS[sid]
        text = STEP_TEXTS[sid]
        inner = step.title(c, pos) if step.title else text.label
        if sid.startswith(_PROJECT_PREFIXES):
            n = len(self.draft.projects)
            # the question that adds a project is about one not there yet: 项目 2/2 said two existed
            title = f"新项目（第 {n + 1} 个） · {inner}" if pos.project >= n else f"项目 {pos.project + 1}/{n} · {inner}"
        elif sid in _FIELD_STEPS:
            title = f"部门 · {inner}"
        else:
            title = inner
        question = step.question(c, pos) if step.question else text.prompt
        path = step.path(c, pos) if callable(step.path) else step.path.format(
            p=pos.project, i=pos.index, r=pos.row, f=pos.field)
        return Prompt(sid, title, question, self._help(sid, step.group_help(c, pos)), step.default(c, pos),
                      step.prefill(c, pos) if step.prefill else step.read(c, pos), tuple(step.choices(c, pos)),
                      path, step.multiline, step.suggestion(c, pos))

    def _help(self, sid: str, extra: str = "") -> str:
        t = STEP_TEXTS[sid]
        parts = [t.help, extra]
        if t.good:
            parts.append(f"好的例子：{t.good}")
        if t.bad:
            parts.append(f"不好的例子：{t.bad}")
        return "\n".join(p for p in parts if p)

    # --- live check ----------------------------------------------------------------------------------

    def check(self, text: str) -> list[Finding]:
        """Findings for the text being typed at the current step (cheap: runs per keystroke)."""
        if text.startswith("/") or not text.strip():
            return []
        return STEPS[self.pos.step].live(self.ctx, self.pos, text)

    # --- answering --------------------------------------------------------------------------------------

    def answer(self, text: str) -> Reply:
        """Apply a final answer or run a command. Never raises on user input."""
        # a terminal's paste ends its lines with CR (xterm, VTE): line breaks, not a control character to refuse
        text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
        refused = unreadable(text)
        if refused:  # never stored as the user's: bytes in another encoding, a terminal's escape codes
            return Reply(False, [Message("error", refused)])
        offered, self.offered = self.offered, None
        if offered is not None and offered[0] == self.pos and text.strip().lower() in _YES:
            text = offered[1]
        stripped = text.strip()
        m = re.match(r"^[/／](\S+)\s*(.*)$", stripped, re.S)
        words = command_by_word()
        if m and m.group(1) in words:
            return self._command(words[m.group(1)], m.group(2).strip())
        if m and not re.fullmatch(r"[/／]", stripped):
            if not (self.pos.step in ("indicator.value", "indicator.cell", "indicator.more") and "/" in stripped[1:]):
                names = "、".join(f"/{c.name}" for c in COMMANDS)
                return Reply(False, [Message("error", f"没有命令 /{m.group(1)}。可用命令：{names}")])
        if not stripped and self.pos.step == "draft.done":
            # the end says 再按回车退出 (回车结束 led here, and the next Enter was refused as an error)
            return self._command(words["quit"], "")
        if re.fullmatch(r"[/／]", stripped):  # a bare “/” became the project name (issue 19, item 15)
            return Reply(False, [Message("error", "“/” 是命令的开头，不是回答；输入 /help 查看命令")])
        before = (self._undo_point(), self.pos, self.return_to)
        self.pos = self._valid(self.pos)
        pos = self.pos
        step = STEPS[pos.step]
        if "\n" in text and "\t" not in text and not step.multiline:
            # a paragraph pasted at a one-line question (a name): its lines as a reader joins them, not a
            # name stored over three lines (rows pasted from a sheet keep theirs: each is a row)
            text = join_lines(text)
        said = text if text.strip() else _enter_took(self.prompt())
        self.ctx.stored_value = None
        try:
            nxt, remarks = self._apply(text)
        except Rejected as exc:
            # a refused Enter took nothing: not the suggestion's words as the user's (a □ sentence had been)
            msgs = [Message("user", said if text.strip() else "（回车）"), Message("error", str(exc))]
            # The reason is said once: findings that only repeat it are not listed again.
            msgs += [Message("remark", finding_text(f, self.draft)) for f in exc.findings
                     if f.message not in str(exc)]
            fixes = {f.fix for f in exc.findings if f.fix}
            if len(fixes) == 1 and text.strip():
                self.offered = (self.pos, fixes.pop())
                msgs.append(Message("remark", f"回答“是”即采用 {self.offered[1]}"))
            msgs += self.take_arrivals()  # a catalogue that failed to load while answering, say
            self.messages.extend(msgs)
            return Reply(False, msgs, exc.findings)
        except Exception as exc:  # noqa: BLE001 - an answer must never end the session with a traceback
            # Put back the state from before the answer, so nothing half-applied is saved (all new objects:
            # the half-changed project must not be reused).
            self.draft, self.pos = thaw(before[0]), before[1]
            msgs = [Message("user", text), Message("error", f"无法处理这个回答（{type(exc).__name__}），草稿未改动；"
                                                            "请换一种写法，或把这条回答报告给维护者")]
            self.messages.extend(msgs)
            return Reply(False, msgs)
        self.undo_stack.append(before)
        self.dirty = True
        if pos.step in ("draft.review", "draft.done"):
            self.finished = True
        if self.return_to is not None and step.returns:
            nxt, self.return_to = self.return_to, None
        self._go(nxt)
        stored = self.ctx.stored_value
        if stored and text.strip() and stored != text.strip() and "\t" not in text:
            said += f"（记为 {stored}）"
        msgs = [Message("user", said)] + [Message("remark", finding_text(f, self.draft)) for f in remarks]
        msgs += self.take_arrivals()
        self.messages.extend(msgs)
        saved = self._autosave()
        if saved:
            msgs.append(saved)
        return Reply(True, msgs, remarks)

    def _apply(self, text: str) -> tuple[Position, list[Finding]]:
        """The current step's answer: where it leads and what to remark (raises Rejected)."""
        step = STEPS[self.pos.step]
        if step.answer is not None:
            return step.answer(self.ctx, self.pos, text)
        return step_table.field_answer(self.ctx, step, self.pos, text)

    # --- undo ----------------------------------------------------------------------------------------------

    def _undo_point(self) -> Any:
        # Frozen snapshots (saver.freeze): a deep copy cost 0.2-0.7 s per answer at 1,000 projects.
        return self.store.undo_point(self) if self.store is not None else freeze(self.draft)

    def _restore(self, point: Any) -> Draft:
        return self.store.restore(point) if self.store is not None else thaw(point)

    def push_undo(self) -> None:
        """Remember the draft and position before a change a command makes (/del, /all, /copy); the
        command's change is then saved with it (``_command``)."""
        self.undo_stack.append((self._undo_point(), self.pos, self.return_to))
        self.dirty = True

    def pop_undo(self) -> None:
        point, self.pos, self.return_to = self.undo_stack.pop()
        self.draft = self._restore(point)
        self.dirty = True

    # --- moving ---------------------------------------------------------------------------------------------

    def _go(self, pos: Position, follow: bool = True) -> None:
        """Move to ``pos``; ``follow=False`` (a /jump) stays there even if the step would pass itself over."""
        self.history.append(self.pos)
        self.pos = pos
        self._arrive(follow)

    def _arrive(self, follow: bool = True) -> None:
        """Arriving at a step: follow its redirect (nothing to ask here); in ``only_unsettled`` mode (a
        clone, a re-opened draft) pass over what is filled, valid and not marked "to confirm"; then
        show what the step shows (a review's table and findings). Passed-over steps are not places
        /back returns to."""
        for _ in range(10_000 if follow else 0):  # every move goes forward; the bound guards against a bad table
            self.pos = self._valid(self.pos)
            step = STEPS[self.pos.step]
            target = step.arrive(self.ctx, self.pos)
            if target is None and self.only_unsettled and self._settled(step):
                target = step.skip(self.ctx, self.pos) if step.skip else step_table.next_in_order(self.ctx, self.pos)
                if self.return_to is not None and step.returns:
                    target, self.return_to = self.return_to, None
            if target is None or target == self.pos:
                break
            self.pos = target
        self.pos = self._valid(self.pos)
        self._arrivals += STEPS[self.pos.step].shows(self.ctx, self.pos)

    def _settled(self, step: step_table.Step) -> bool:
        if step.settled is not None:
            return step.settled(self.ctx, self.pos)
        return step.id in _FIELD_STEPS and step_table.field_settled(self.ctx, self.pos)

    def take_arrivals(self) -> list[Message]:
        out, self._arrivals = self._arrivals + self.ctx.notices, []
        self.ctx.notices = []
        return out

    # --- commands ----------------------------------------------------------------------------------------

    def _command(self, name: str, arg: str) -> Reply:
        from .slash_commands import HANDLERS

        before = self.pos
        msgs = [Message("user", f"/{name} {arg}".strip())] + HANDLERS[name](self, arg) + self.take_arrivals()
        ok = all(m.role != "error" for m in msgs)
        # Moving counts as progress: the file's resume marker follows (a run ending on /skip resumes after it).
        if name != "quit" and (self.pos != before or self.dirty):
            saved = self._autosave()
            if saved:
                msgs.append(saved)
        self.messages.extend(msgs)
        return Reply(ok, msgs, quit=name == "quit" and ok)

    def findings(self, scope: str = "project") -> list[Finding]:
        project = self.pos.project if scope == "project" and self.current_project() is not None else None
        return review_steps.findings(self.ctx, "project" if project is not None else "draft", project)

    # --- saving --------------------------------------------------------------------------------------------

    def save(self) -> Message:
        from . import drafts

        assert self.path is not None
        if self.store is not None:
            return self.store.save(self)
        self.draft.resume = self._resume_marker()
        try:
            self.saved_digest = drafts.save(self.draft, self.path, known_digest=self.saved_digest)
        except drafts.DraftError as exc:
            self.last_saved_error = str(exc)
            return Message("error", f"保存失败：{exc}（内容仍在内存中，请处理后 /save）")
        self.dirty = False
        self.last_saved_error = None
        return Message("notice", f"已保存 {self.path.name}")

    def _autosave(self) -> Message | None:
        if not self.autosave:
            return None
        if self.store is not None:
            return self.store.autosave(self)
        msg = self.save()
        return msg if msg.role == "error" else None

    # --- status for front-ends ------------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        found = self.findings("project") if self.current_project() is not None else checks.check_department(self.draft)
        e, w, h = checks.counts(found)
        return {"project": self.pos.project + 1 if self.current_project() is not None else 0,
                "projects": len(self.draft.projects), "step": self.prompt().title,
                "saved": not self.dirty, "errors": e, "warnings": w, "hints": h}


def _enter_took(p: Prompt) -> str:
    """What an empty Enter answered, for the transcript: （回车）alone said nothing of the value kept."""
    taken = (p.default or p.prefill).split("\n")[0]
    if not taken:
        return "（回车）"
    # a default is a choice's number (1 = the first template) or its value
    short_number = len(taken) <= 3 and taken.isascii() and taken.isdigit()
    number = int(taken) if short_number and 1 <= int(taken) <= len(p.choices) else None
    label = p.choices[number - 1].label if number else next((c.label for c in p.choices if c.value == taken), None)
    return f"（回车）{taken}. {label}" if label and label != taken else f"（回车）{taken}"
