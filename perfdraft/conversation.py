"""The conversation engine: a UI-free state machine that walks a user through a draft.

Both front-ends (the Textual app and the prompt-toolkit line mode) and the tests drive one
``Conversation``: read ``prompt()`` to know what to ask, call ``check(text)`` on every keystroke
for live feedback, and ``answer(text)`` with the final answer or a command (``/back`` …).
Every accepted answer is applied to the draft, pushed on the undo stack and autosaved.

Steps are data (``step_table.STEPS``: each declares how to read the current value, suggest, validate
and apply); the words users see live in ``steps.py``; what front-ends get back is in ``prompts.py``.
"""

from __future__ import annotations

import copy
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import frameworks
from ._lazy import lazy_module
from .answers import basis_from_text, split_row
from .model import BASIS_CATEGORIES, Draft, Indicator, Project
from .names import split_doc_number
from .prompts import Choice, Message, Position, Prompt, Rejected, Reply
from .saver import freeze, thaw
from .step_table import DEPT_STEP_ORDER, JUMP_WORDS, PROJECT_STEP_ORDER, STEPS, template_fits
from .steps import COMMAND_BY_WORD, COMMANDS, GROUP_HELP, STEP_TEXTS

if TYPE_CHECKING:
    from .checks import Finding

# The checker and the value grammar compile many patterns: load them on first use, after the first
# screen is up, not at import (startup budget: design.md).
checks = lazy_module("perfdraft.checks")


# --- the conversation -------------------------------------------------------------------------


@dataclass
class _Candidate:
    """A row offered in an indicator group: an existing row of the project, or a catalogue row."""

    existing: int | None
    proposal: Indicator


class Conversation:
    def __init__(self, draft: Draft, path: Path | None = None, *, catalogue_loader: Callable[[], Any] | None = None,
                 autosave: bool = True, only_unsettled: bool = False):
        self.draft = draft
        self.path = Path(path) if path else None
        self.autosave = autosave and self.path is not None
        self.only_unsettled = only_unsettled
        self._catalogue_loader = catalogue_loader
        self._catalogue: Any = None
        self._catalogue_failed = False
        self._catalogue_lock = threading.Lock()
        self.messages: list[Message] = []
        # Undo points are frozen snapshots (saver.freeze): a deep copy cost 0.2-0.7 s per answer at 1,000 projects.
        self.undo_stack: list[tuple[Any, Position]] = []
        self.store: Any = None  # set by session.Session: saves go through its saver (off the UI thread)
        self.history: list[Position] = []  # for /back
        self.return_to: Position | None = None  # after a /jump, where to go back to
        self.saved_digest: str | None = None
        self.dirty = False
        self.finished = False
        self.last_saved_error: str | None = None
        self._arrivals: list[Message] = []  # what arriving at a step shows (tables, check results)
        self._candidates: list[_Candidate] = []
        self._candidates_key: tuple[int, int] | None = None
        self.pos = self._resume_position()
        self._enter()

    # --- catalogue -------------------------------------------------------------------------

    def catalogue(self):
        with self._catalogue_lock:  # a front-end may preload it on a worker thread
            return self._load_catalogue()

    def _load_catalogue(self):
        if self._catalogue is None and not self._catalogue_failed:
            try:
                if self._catalogue_loader is not None:
                    self._catalogue = self._catalogue_loader()
                else:
                    from . import catalogue

                    self._catalogue = catalogue.default()
                if hasattr(self._catalogue, "index"):
                    self._catalogue.index()  # on the preload thread, so the first suggestion is not kept waiting
                for w in getattr(self._catalogue, "warnings", []):  # a bad organisation file: said, not silent
                    self.messages.append(Message("notice", f"本单位指标库：{w}（已跳过，内置指标库照常使用）"))
            except Exception as exc:  # noqa: BLE001 - drafting goes on without suggestions
                self._catalogue_failed = True
                self.messages.append(Message("error", f"指标库无法载入（{exc}），本次不提供模板建议"))
        return self._catalogue

    # --- position --------------------------------------------------------------------------

    def _resume_position(self) -> Position:
        r = self.draft.resume or {}
        step = str(r.get("step", ""))
        project = int(r.get("project", 0))
        index = int(r.get("index", 0))
        if step and (step in STEPS or step in ("indicator.value", "indicator.add", "project.review", "draft.review", "draft.done")):
            if step.startswith(("project.", "indicator.")) and project >= len(self.draft.projects):
                return Position("project.name", len(self.draft.projects))
            if step.startswith("indicator."):
                return Position("indicator.value", project, index, 0)
            return Position(step, project, index)
        # No marker: the first unanswered department field, else the first project.
        for sid in DEPT_STEP_ORDER:
            if sid != "dept.sub_goals" and not STEPS[sid].read(self, Position(sid)).strip() and sid != "dept.code":
                return Position(sid)
        if not self.draft.projects:
            return Position("project.name", 0)
        return Position("project.name", 0)

    @property
    def project_index(self) -> int:
        return self.pos.project

    def current_project(self) -> Project | None:
        if self.pos.step.startswith(("project.", "indicator.")) and self.pos.project < len(self.draft.projects):
            return self.draft.projects[self.pos.project]
        return None

    def _groups(self) -> list[tuple[str, str]]:
        fw = frameworks.get(self.draft.framework)
        return [(l1, l2) for l1, l2s in fw.levels.items() for l2 in l2s]

    def _group_label(self, gi: int) -> str:
        l1, l2 = self._groups()[gi]
        return f"{frameworks.LEVEL1_LABELS[l1]}·{frameworks.LEVEL2_LABELS[l2]}"

    def _group_of(self, ind: Indicator) -> int | None:
        fw = frameworks.get(self.draft.framework)
        pair = frameworks.canonical_levels(ind.level1, ind.level2, fw)
        groups = self._groups()
        return groups.index(pair) if pair in groups else None

    def _template(self, project: Project):
        if not project.template:
            return None
        cat = self.catalogue()
        return cat.templates.get(project.template) if cat else None

    def _candidates_for(self, pi: int, gi: int) -> list[_Candidate]:
        if self._candidates_key == (pi, gi):
            return self._candidates
        project = self.draft.projects[pi]
        out = [_Candidate(i, ind) for i, ind in enumerate(project.indicators) if self._group_of(ind) == gi]
        t = self._template(project)
        if t is not None:
            names = {ind.name for ind in project.indicators}
            cat = self.catalogue()
            for ind in cat.indicators_for(t, self.draft.year, self.draft.framework, include_common=False):
                if ind.name not in names and self._group_of(ind) == gi:
                    out.append(_Candidate(None, ind))
        self._candidates, self._candidates_key = out, (pi, gi)
        return out

    def _invalidate_candidates(self) -> None:
        self._candidates_key = None

    # --- prompt ----------------------------------------------------------------------------

    def _repair_position(self) -> None:
        """After /undo, /back or a resume the draft may have fewer rows than the position assumes."""
        pos = self.pos
        n = len(self.draft.projects)
        if pos.step.startswith(("project.", "indicator.")) and pos.project > n:
            self.pos = Position("project.name", n)
        elif pos.step.startswith("indicator.") and pos.project == n:
            self.pos = Position("project.name", n)
        elif pos.step.startswith("indicator.") and pos.index >= len(self._groups()) and pos.step != "indicator.edit":
            self.pos = Position("project.review", pos.project)
        elif pos.step == "indicator.value" and pos.row >= len(self._candidates_for(pos.project, pos.index)):
            self.pos = Position("indicator.add", pos.project, pos.index)
        elif pos.step == "indicator.edit" and pos.index >= len(self.draft.projects[pos.project].indicators):
            self.pos = Position("project.review", pos.project)
        elif pos.step in ("indicator.description", "indicator.new_value", "indicator.basis") and self._pending is None:
            self.pos = Position("indicator.add", pos.project, pos.index)
        elif pos.step == "project.review" and pos.project >= n:
            self.pos = Position("project.name", n)

    def prompt(self) -> Prompt:
        self._repair_position()
        pos = self.pos
        sid = pos.step
        n_projects = len(self.draft.projects)
        title_prefix = f"项目 {pos.project + 1}/{max(n_projects, pos.project + 1)}" if sid.startswith(("project.", "indicator.")) else "部门"
        if sid in STEPS:
            step = STEPS[sid]
            text = STEP_TEXTS[sid]
            question = text.prompt
            if sid == "dept.sub_goals":
                question = question.format(n=pos.index + 1)
            elif sid == "project.name":
                question = question.format(n=pos.project + 1)
            elif sid == "project.doc_number":
                rest, doc = split_doc_number(self.draft.projects[pos.project].name or "")
                question = question.format(doc=doc or "", rest=rest)
            choices = tuple(step.choices(self, pos))
            if sid == "project.template" and not choices:
                question = "指标库中没有找到相近的模板。回车继续（之后可以逐条添加指标）。"
            elif sid == "project.template" and not template_fits(self, pos):
                question = ("指标库中没有确定适合这个项目的模板：标“弱匹配”的只是字面相近，请核对后再选；"
                            "也可以选一个共性模板（按项目类别）起步。回车不用模板（之后可以逐条添加指标）。")
            return Prompt(sid, f"{title_prefix} · {text.label}", question, self._help(sid), step.default(self, pos),
                          step.read(self, pos), choices, self._path(step.path), step.multiline)
        if sid == "indicator.value":
            cand = self._candidates_for(pos.project, pos.index)[pos.row]
            ind = cand.proposal
            current = ind.value or ""
            group = self._group_label(pos.index)
            q = STEP_TEXTS[sid].prompt.format(group=group, name=ind.name or "", description=ind.description or "（未写）",
                                              suggested=current or "（无）")
            path = (f"projects[{pos.project}].indicators[{cand.existing}].value" if cand.existing is not None
                    else f"projects[{pos.project}].indicators")
            offered: tuple[Choice, ...] = (Choice(current, current, "建议值"),) if current else ()
            default = current
            if "□" in current:  # a figure only the user knows: typed, or derived from their own answers
                derived = self._derived(current)
                q += "\n□ 处要填本地的数字：直接输入数字即可（如 300），或输入完整的指标值。"
                offered = (Choice(current, current, "待填写：不填则检查报错、--strict 导出拒绝"),)
                if derived:
                    default = derived[0]
                    offered = (Choice(derived[0], derived[0], f"推算：{derived[1]}"),) + offered
            return Prompt(sid, f"{title_prefix} · {group} {pos.row + 1}/{len(self._candidates)}", q, self._help(sid, pos.index),
                          default, current if cand.existing is not None else "", offered, path)
        if sid in ("indicator.add", "indicator.description", "indicator.new_value", "indicator.basis"):
            group = self._group_label(pos.index)
            name = self._pending.name if self._pending else ""
            q = STEP_TEXTS[sid].prompt.format(group=group, name=name)
            default = ""
            choices: tuple[Choice, ...] = ()
            if sid == "indicator.basis":
                choices = tuple(Choice(c, str(i + 1)) for i, c in enumerate(BASIS_CATEGORIES))
                default = "1"
            return Prompt(sid, f"{title_prefix} · {group} · {STEP_TEXTS[sid].label}", q, self._help(sid, pos.index), default,
                          "", choices, f"projects[{pos.project}].indicators")
        if sid == "indicator.edit":
            ind = self.draft.projects[pos.project].indicators[pos.index]
            label = {"value": "指标值", "description": "绩效指标描述", "name": "三级指标名称", "basis": "指标值确定依据",
                     "level2": "二级指标", "level1": "一级指标"}.get(pos.field, pos.field)
            current = self._read_indicator_field(ind, pos.field)
            q = STEP_TEXTS[sid].prompt.format(row=pos.index + 1, name=ind.name or "", field=label, current=current or "空")
            return Prompt(sid, f"{title_prefix} · 第 {pos.index + 1} 条 · {label}", q, self._help(sid), current, current, (),
                          f"projects[{pos.project}].indicators[{pos.index}].{pos.field}")
        text = STEP_TEXTS[sid]
        q = text.prompt.format(n=pos.project + 1)
        return Prompt(sid, f"{title_prefix} · {text.label}" if sid == "project.review" else text.label, q, self._help(sid), "", "", (),
                      f"projects[{pos.project}]" if sid == "project.review" else "")

    def _path(self, template: str) -> str:
        return template.format(p=self.pos.project, i=self.pos.index)

    def _help(self, sid: str, group: int | None = None) -> str:
        t = STEP_TEXTS[sid]
        parts = [t.help]
        if group is not None:
            parts.append(GROUP_HELP.get(self._groups()[group][1], ""))
        if t.good:
            parts.append(f"好的例子：{t.good}")
        if t.bad:
            parts.append(f"不好的例子：{t.bad}")
        return "\n".join(p for p in parts if p)

    @staticmethod
    def _read_indicator_field(ind: Indicator, name: str) -> str:
        if name == "basis":
            return ind.basis.display() if ind.basis else ""
        return getattr(ind, name) or ""

    # --- live check --------------------------------------------------------------------------

    def check(self, text: str) -> list[Finding]:
        """Findings for the text being typed at the current step (cheap: runs per keystroke)."""
        pos = self.pos
        if text.startswith("/") or not text.strip():
            return []
        if pos.step in STEPS:
            return STEPS[pos.step].live(self, pos, text)
        if pos.step in ("indicator.value", "indicator.new_value") or (pos.step == "indicator.edit" and pos.field == "value"):
            if split_row(text):
                return []
            ind = self._row_context()
            probe = replace(ind, value=text)
            project = self.draft.projects[pos.project]
            return [f for f in checks.check_indicator(probe, self.draft.framework, "", project, profile=self.draft.profile)
                    if f.path == "value" and f.code != "PD215"]
        return []

    def _row_context(self) -> Indicator:
        pos = self.pos
        if pos.step == "indicator.value":
            return self._candidates_for(pos.project, pos.index)[pos.row].proposal
        if pos.step == "indicator.edit":
            return self.draft.projects[pos.project].indicators[pos.index]
        return self._pending or Indicator()

    # --- answering ------------------------------------------------------------------------------

    _pending: Indicator | None = None

    def answer(self, text: str) -> Reply:
        """Apply a final answer or run a command. Never raises on user input."""
        text = text.replace("\r\n", "\n").rstrip("\n")
        stripped = text.strip()
        m = re.match(r"^[/／](\S+)\s*(.*)$", stripped, re.S)
        if m and m.group(1) in COMMAND_BY_WORD:
            return self._command(COMMAND_BY_WORD[m.group(1)], m.group(2).strip())
        if m and not re.fullmatch(r"[/／]", stripped):
            if not (self.pos.step in ("indicator.value", "indicator.new_value") and "/" in stripped[1:]):
                names = "、".join(f"/{c.name}" for c in COMMANDS)
                return Reply(False, [Message("error", f"没有命令 /{m.group(1)}。可用命令：{names}")])
        if re.fullmatch(r"[/／]", stripped):  # a bare “/” became the project name (issue 19, item 15)
            return Reply(False, [Message("error", "“/” 是命令的开头，不是回答；输入 /help 查看命令")])
        before = (self._undo_point(), self.pos)
        try:
            remarks = self._apply(text)
        except Rejected as exc:
            msgs = [Message("user", text), Message("error", str(exc))]
            msgs += [Message("remark", _finding_text(f)) for f in exc.findings]
            self.messages.extend(msgs)
            return Reply(False, msgs, exc.findings)
        except Exception as exc:  # noqa: BLE001 - an answer must never end the session with a traceback
            # Put back the state from before the answer, so nothing half-applied is saved (all new objects:
            # the half-changed project must not be reused).
            self.draft = thaw(before[0])
            self.pos = before[1]
            self._invalidate_candidates()
            msgs = [Message("user", text), Message("error", f"无法处理这个回答（{type(exc).__name__}），草稿未改动；"
                                                            "请换一种写法，或把这条回答报告给维护者")]
            self.messages.extend(msgs)
            return Reply(False, msgs)
        self.undo_stack.append(before)
        self.dirty = True
        msgs = [Message("user", text or "（回车）")] + [Message("remark", _finding_text(f)) for f in remarks]
        msgs += self.take_arrivals()
        self.messages.extend(msgs)
        saved = self._autosave()
        if saved:
            msgs.append(saved)
        return Reply(True, msgs, remarks)

    def _apply(self, text: str) -> list[Finding]:
        """Apply ``text`` at the current position and advance; returns warnings to show."""
        pos = self.pos
        sid = pos.step
        stripped = text.strip()
        if sid in STEPS:
            step = STEPS[sid]
            if sid == "project.name" and not stripped and pos.project >= len(self.draft.projects):
                self._go(Position("draft.review"))
                return []
            if sid == "project.name" and pos.project >= len(self.draft.projects):
                self.draft.projects.append(Project())
            if sid == "dept.sub_goals" and not stripped and pos.index >= len(self.draft.department.sub_goals):
                self._advance()
                return []
            value = text if stripped else (step.read(self, pos) or step.default(self, pos))
            if step.required and not value.strip():
                raise Rejected(f"{STEP_TEXTS[sid].label}不能为空")
            findings = [f for f in step.live(self, pos, value) if f.severity == "error"] if value.strip() else []
            if findings:
                raise Rejected(findings[0].message + (f"（{findings[0].suggestion}）" if findings[0].suggestion else ""), findings)
            step.apply(self, pos, value)
            if sid.startswith("project.") and pos.project < len(self.draft.projects):
                confirm = self.draft.projects[pos.project].confirm
                key = sid.split(".", 1)[1]
                for k in (key, "budget") if key == "budget.other" else (key,):
                    if k in confirm:
                        confirm.remove(k)
            warnings = [f for f in step.live(self, pos, value) if f.severity != "error"] if value.strip() else []
            if sid == "project.name":
                self._invalidate_candidates()
            if sid == "dept.sub_goals" and stripped:
                self._go(Position("dept.sub_goals", index=pos.index + 1))
                return warnings
            self._advance()
            return warnings
        if sid == "indicator.value":
            return self._answer_candidate(text)
        if sid == "indicator.add":
            return self._answer_add(text)
        if sid == "indicator.description":
            assert self._pending is not None
            self._pending.description = stripped or None
            self._go(replace(pos, step="indicator.new_value"))
            return []
        if sid == "indicator.new_value":
            assert self._pending is not None
            findings = self._value_errors(self._pending, stripped)
            self._pending.value = stripped
            self._go(replace(pos, step="indicator.basis"))
            return findings
        if sid == "indicator.basis":
            assert self._pending is not None
            self._pending.basis = basis_from_text(stripped or "1")
            self._insert_row(pos.project, pos.index, self._pending)
            self._pending = None
            self._go(replace(pos, step="indicator.add"))
            return []
        if sid == "indicator.edit":
            ind = self.draft.projects[pos.project].indicators[pos.index]
            value = text if stripped else self._read_indicator_field(ind, pos.field)
            warnings: list[Finding] = []
            if pos.field == "value":
                warnings = self._value_errors(ind, value.strip())
                ind.value = value.strip() or None
            elif pos.field == "basis":
                ind.basis = basis_from_text(value) if value.strip() else None
            else:
                setattr(ind, pos.field, value.strip() or None)
            self._invalidate_candidates()
            self._return_or_advance()
            return warnings
        if sid == "project.review":
            nxt = pos.project + 1
            self._go(Position("project.name", nxt))
            return []
        if sid == "draft.review":
            self._go(Position("draft.done"))
            self.finished = True
            return []
        if sid == "draft.done":
            self.finished = True
            return []
        raise Rejected("这一步不需要输入")

    def _derived(self, value: str) -> tuple[str, str] | None:
        from .catalogue import derive

        return derive(value, self.draft.projects[self.pos.project])

    def _candidate_default(self, value: str) -> str:
        derived = self._derived(value) if "□" in value else None
        return derived[0] if derived else value

    def _value_errors(self, ind: Indicator, value: str) -> list[Finding]:
        """Reject a value with errors; return its warnings. An unfilled □ is kept as a finding, not
        refused: the row stays in the table, flagged by check until the figure is typed."""
        if not value:
            raise Rejected("指标值不能为空；不要这条指标请输入 /del")
        probe = replace(ind, value=value)
        project = self.draft.projects[self.pos.project]
        found = [f for f in checks.check_indicator(probe, self.draft.framework, "", project, profile=self.draft.profile) if f.path == "value"]
        # A catalogue □ the user accepts stays in the draft as a visible placeholder (PD102 until filled), and is said.
        keep = ("PD102",) if "□" in value else ()
        errors = [f for f in found if f.severity == "error" and f.code not in keep]
        if errors:
            e = errors[0]
            raise Rejected(f"{e.message}" + (f"。{e.suggestion}" if e.suggestion else ""), errors)
        return [f for f in found if f.severity != "error" or f.code in keep]

    def _answer_candidate(self, text: str) -> list[Finding]:
        pos = self.pos
        cands = self._candidates_for(pos.project, pos.index)
        cand = cands[pos.row]
        cells = split_row(text)
        ind = copy.deepcopy(cand.proposal)
        if cells:
            ind = self._row_from_cells(cells, pos.index, ind)
            value = ind.value or ""
        else:
            value = text.strip() or self._candidate_default(cand.proposal.value or "")
            if "□" in (cand.proposal.value or "") and text.strip():
                from .catalogue import fill_placeholder

                value = fill_placeholder(cand.proposal.value or "", text) or value
        warnings = self._value_errors(ind, value)
        ind.value = value
        project = self.draft.projects[pos.project]
        if cand.existing is not None:
            project.indicators[cand.existing] = ind
        else:
            self._insert_row(pos.project, pos.index, ind)
            # The candidate is now an existing row; keep the list stable for this pass.
            cands[pos.row] = _Candidate(project.indicators.index(ind), ind)
        if f"indicators[{cand.existing}].value" in project.confirm:
            project.confirm.remove(f"indicators[{cand.existing}].value")
        self._next_candidate()
        return warnings

    def _row_from_cells(self, cells: list[str], gi: int, base: Indicator) -> Indicator:
        """Fill a row from pasted cells: [一级, 二级,] 三级, 描述, 指标值[, 依据]."""
        ind = copy.deepcopy(base)
        if len(cells) >= 6:  # a whole row of the standard table, copied from Excel
            ind.level1, ind.level2 = cells[0] or ind.level1, cells[1] or ind.level2
            cells = cells[2:]
        if len(cells) == 2:
            ind.name, ind.value = cells
        else:
            ind.name, ind.description = cells[0] or ind.name, cells[1] or ind.description
            ind.value = cells[2] if len(cells) > 2 else ind.value
            if len(cells) > 3 and cells[3]:
                ind.basis = basis_from_text(cells[3])
            if len(cells) > 4 and cells[4]:
                ind.formula = cells[4]
        if not ind.level1 or not ind.level2:
            l1, l2 = self._groups()[gi]
            ind.level1, ind.level2 = frameworks.LEVEL1_LABELS[l1], frameworks.LEVEL2_LABELS[l2]
        return ind

    def _answer_add(self, text: str) -> list[Finding]:
        pos = self.pos
        stripped = text.strip()
        if not stripped:
            self._next_group()
            return []
        l1, l2 = self._groups()[pos.index]
        base = Indicator(level1=frameworks.LEVEL1_LABELS[l1], level2=frameworks.LEVEL2_LABELS[l2])
        cells = split_row(text)
        if cells:
            ind = self._row_from_cells(cells, pos.index, base)
            warnings = self._value_errors(ind, ind.value or "")
            if ind.basis is None:
                self._pending = ind
                self._go(replace(pos, step="indicator.basis"))
                return warnings
            self._insert_row(pos.project, self._group_of(ind) if self._group_of(ind) is not None else pos.index, ind)
            return warnings
        base.name = stripped
        self._pending = base
        self._go(replace(pos, step="indicator.description"))
        return []

    def _insert_row(self, pi: int, gi: int, ind: Indicator) -> None:
        """Keep the table in framework order: after the last row of this group or an earlier one."""
        rows = self.draft.projects[pi].indicators
        at = 0
        for i, r in enumerate(rows):
            g = self._group_of(r)
            if g is not None and g <= gi:
                at = i + 1
        rows.insert(at, ind)

    def _next_candidate(self) -> None:
        pos = self.pos
        if pos.row + 1 < len(self._candidates_for(pos.project, pos.index)):
            self._go(replace(pos, row=pos.row + 1))
        else:
            self._go(Position("indicator.add", pos.project, pos.index))

    def _next_group(self) -> None:
        pos = self.pos
        self._invalidate_candidates()
        gi = pos.index + 1
        if gi >= len(self._groups()):
            self._go(Position("project.review", pos.project))
            return
        self._enter_group(pos.project, gi)

    def _enter_group(self, pi: int, gi: int) -> None:
        self._invalidate_candidates()
        if self._candidates_for(pi, gi):
            self._go(Position("indicator.value", pi, gi, 0))
        else:
            self._go(Position("indicator.add", pi, gi))

    # --- moving ----------------------------------------------------------------------------------

    def _go(self, pos: Position) -> None:
        if not self._skipping:  # passed-over steps are not places /back returns to
            self.history.append(self.pos)
        self.pos = pos
        self._enter()

    def _enter(self) -> None:
        """Arriving at a step: skip steps that do not apply here; reviews show the table and findings.
        In ``only_unsettled`` mode (a clone, a re-opened draft) fields that are filled, valid and not
        marked "to confirm" are passed over, so only what is new, invalid or to confirm is asked."""
        pos = self.pos
        if pos.step == "indicators":
            self._enter_group(pos.project, 0)
            return
        if pos.step == "project.review" and pos.project < len(self.draft.projects):
            self._arrivals += self._cmd_table("") + self._cmd_check("")
        elif pos.step == "draft.review":
            self._arrivals += self._cmd_check("all")
        if pos.step == "project.doc_number":
            name = self.draft.projects[pos.project].name or "" if pos.project < len(self.draft.projects) else ""
            if split_doc_number(name)[1] is None:
                self.pos = replace(pos, step="project.budget.total")
        if self.only_unsettled:
            self._skip_settled()

    def _skip_settled(self) -> None:
        pos = self.pos
        move: Callable[[], None] | None = None
        if pos.step in STEPS and self._settled(pos):
            move = self._advance
        elif pos.step == "indicator.value" and self._candidate_settled(pos):
            move = self._next_candidate
        elif pos.step == "indicator.add":
            move = self._next_group
        if move is None:
            return
        self._skipping = True
        try:
            move()
        finally:
            self._skipping = False

    _skipping = False

    def _candidate_settled(self, pos: Position) -> bool:
        cand = self._candidates_for(pos.project, pos.index)[pos.row]
        if cand.existing is None:
            return False  # a catalogue row the user has not seen
        project = self.draft.projects[pos.project]
        if "indicators" in project.confirm or f"indicators[{cand.existing}].value" in project.confirm:
            return False
        return not [f for f in checks.check_value(cand.proposal.value, cand.proposal) if f.severity == "error"]

    def _settled(self, pos: Position) -> bool:
        step = STEPS.get(pos.step)
        if pos.step == "project.template" and pos.project < len(self.draft.projects):
            project = self.draft.projects[pos.project]
            if project.indicators or project.template:
                return True  # the rows are there already: no template to pick
        if step is None or not step.read(self, pos).strip():
            return False
        if pos.step.startswith("project."):
            project = self.draft.projects[pos.project]
            key = pos.step.split(".", 1)[1]
            if key in project.confirm or key.split(".")[0] in project.confirm:
                return False
            prefix = f"projects[{pos.project}].{key}"
            errors = [f for f in checks.check_project(project, self.draft.framework, f"projects[{pos.project}]", profile=self.draft.profile)
                      if f.severity == "error" and f.path.startswith(prefix)]
            return not errors
        return True

    def _advance(self, push: bool = True) -> None:
        """The next step after the current one (jumps return where they came from)."""
        if self.return_to is not None:
            target, self.return_to = self.return_to, None
            self._go(target) if push else self._set(target)
            return
        pos = self.pos
        sid = pos.step
        if sid in DEPT_STEP_ORDER:
            i = DEPT_STEP_ORDER.index(sid)
            nxt = Position(DEPT_STEP_ORDER[i + 1]) if i + 1 < len(DEPT_STEP_ORDER) else Position("project.name", 0)
        elif sid in PROJECT_STEP_ORDER:
            i = PROJECT_STEP_ORDER.index(sid)
            nxt = Position(PROJECT_STEP_ORDER[i + 1], pos.project)
        else:
            nxt = Position("draft.review")
        self._go(nxt) if push else self._set(nxt)

    def _set(self, pos: Position) -> None:
        self.pos = pos
        self._enter()

    def _return_or_advance(self) -> None:
        if self.return_to is not None:
            target, self.return_to = self.return_to, None
            self._go(target)
        else:
            self._go(Position("project.review", self.pos.project))

    # --- commands ------------------------------------------------------------------------------

    def _command(self, name: str, arg: str) -> Reply:
        handler = getattr(self, f"_cmd_{name}")
        msgs = [Message("user", f"/{name} {arg}".strip())] + handler(arg) + self.take_arrivals()
        self.messages.extend(msgs)
        quit_ = name == "quit"
        return Reply(all(m.role != "error" for m in msgs), msgs, quit=quit_ and all(m.role != "error" for m in msgs))

    def take_arrivals(self) -> list[Message]:
        out, self._arrivals = self._arrivals, []
        return out

    def _cmd_back(self, arg: str) -> list[Message]:
        if not self.history:
            return [Message("error", "已经是第一步了")]
        self.pos = self.history.pop()
        self._pending = None if not self.pos.step.startswith("indicator.") else self._pending
        self._invalidate_candidates()
        return [Message("notice", f"回到：{self.prompt().title}")]

    def _cmd_skip(self, arg: str) -> list[Message]:
        sid = self.pos.step
        if sid in STEPS and STEPS[sid].required:
            return [Message("error", f"{STEP_TEXTS[sid].label}必须填写，不能跳过")]
        if sid == "indicator.value":
            self._next_candidate()
        elif sid in ("indicator.add", "indicator.description", "indicator.new_value", "indicator.basis"):
            self._pending = None
            self._next_group()
        elif sid == "indicator.edit":
            self._return_or_advance()
        elif sid == "dept.sub_goals":
            self._go(Position("dept.safeguards"))
        elif sid in STEPS:
            self._advance()
        else:
            return self._as_list(self._apply(""))
        return [Message("notice", "已跳过")]

    def _as_list(self, findings: list[Finding]) -> list[Message]:
        return [Message("remark", _finding_text(f)) for f in findings]

    def _cmd_del(self, arg: str) -> list[Message]:
        pos = self.pos
        if pos.step == "indicator.value":
            cand = self._candidates_for(pos.project, pos.index)[pos.row]
            self.undo_stack.append((self._undo_point(), self.pos))
            if cand.existing is not None:
                rows = self.draft.projects[pos.project].indicators
                removed = rows.pop(cand.existing)
                for c in self._candidates:
                    if c.existing is not None and c.existing > cand.existing:
                        c.existing -= 1
                cand.existing = None
                self._next_candidate()
                saved = self._autosave()
                return [Message("notice", f"已删除“{removed.name}”")] + ([saved] if saved else [])
            self._next_candidate()
            return [Message("notice", f"不采用“{cand.proposal.name}”")]
        if pos.step == "indicator.edit":
            self.undo_stack.append((self._undo_point(), self.pos))
            removed = self.draft.projects[pos.project].indicators.pop(pos.index)
            self._invalidate_candidates()
            self._return_or_advance()
            saved = self._autosave()
            return [Message("notice", f"已删除“{removed.name}”")] + ([saved] if saved else [])
        return [Message("error", "/del 只能在指标步骤中使用")]

    def _cmd_undo(self, arg: str) -> list[Message]:
        if not self.undo_stack:
            return [Message("error", "没有可以撤销的回答")]
        frozen, self.pos = self.undo_stack.pop()
        self.draft = self.store.restore(frozen) if self.store is not None else thaw(frozen)
        self._invalidate_candidates()
        saved = self._autosave()
        return [Message("notice", f"已撤销，回到：{self.prompt().title}")] + ([saved] if saved else [])

    def _cmd_help(self, arg: str) -> list[Message]:
        p = self.prompt()
        return [Message("notice", f"【{p.title}】\n{p.help}\n命令：" + "、".join(f"/{c.name}（{c.aliases[0] if c.aliases else ''}）" for c in COMMANDS))]

    def _cmd_commands(self, arg: str) -> list[Message]:
        return [Message("notice", "\n".join(f"/{c.name}  {c.help}" for c in COMMANDS))]

    def _cmd_table(self, arg: str) -> list[Message]:
        from . import render

        idx = self.pos.project
        if arg.isdigit():
            idx = int(arg) - 1
        if not 0 <= idx < len(self.draft.projects):
            return [Message("table", "\n".join(render.department_text(self.draft, 76)))]
        return [Message("table", "\n".join(render.project_table(self.draft.projects[idx], idx, 76)))]

    def findings(self, scope: str = "project") -> list[Finding]:
        if scope == "project" and self.current_project() is not None:
            i = self.pos.project
            return checks.check_project(self.draft.projects[i], self.draft.framework, f"projects[{i}]", self.draft.year, profile=self.draft.profile)
        return checks.check_draft(self.draft)

    def _cmd_check(self, arg: str) -> list[Message]:
        scope = "draft" if arg in ("all", "全部", "全稿") or self.current_project() is None else "project"
        found = self.findings(scope)
        e, w, h = checks.counts(found)
        head = Message("notice", f"检查{'全稿' if scope == 'draft' else '本项目'}：{e} 个错误，{w} 个警告，{h} 条提示")
        return [head] + [Message("remark", _finding_text(f)) for f in found[:40]] + (
            [Message("notice", f"……另有 {len(found) - 40} 条，运行 perfdraft check 查看全部")] if len(found) > 40 else [])

    def _cmd_save(self, arg: str) -> list[Message]:
        if self.path is None:
            return [Message("error", "这份草稿没有文件名，无法保存")]
        msg = self.save()
        return [msg]

    def _cmd_export(self, arg: str) -> list[Message]:
        fmt = (arg or "xlsx").lower().lstrip(".")
        if fmt not in ("xlsx", "docx", "pdf", "csv", "md"):
            return [Message("error", f"不支持的格式“{arg}”；可用：xlsx、docx、pdf、csv、md")]
        if self.path is None:
            return [Message("error", "草稿没有文件名，无法确定导出位置")]
        try:
            from .exporters import export_draft

            out = self._export_target(fmt)
            # Only a file this session exported may be replaced: an existing X.xlsx may be the workbook
            # the draft was imported from, with sheets of its own (issue 19, item 1).
            export_draft(self.draft, fmt, out, force=out in self._exported)
            self._exported.add(out)
        except ImportError:
            return [Message("error", "导出功能不可用（缺少导出模块）")]
        except Exception as exc:  # noqa: BLE001 - report, keep the session alive
            return [Message("error", f"导出失败：{exc}")]
        e, _, _ = checks.counts(checks.check_draft(self.draft))
        extra = f"（注意：草稿还有 {e} 个错误）" if e else ""
        return [Message("notice", f"已导出 {out}{extra}")]

    _exported: set[Path] = set()

    def _export_target(self, fmt: str) -> Path:
        """``<draft>.<fmt>``, or the first free ``<draft>-导出N.<fmt>`` when that is taken by a file this
        session did not write (or is the draft itself: a draft named r.xlsx)."""
        assert self.path is not None
        if not self._exported:
            self._exported = set()
        draft = self.path

        def taken(out: Path) -> bool:
            return out == draft or (out not in self._exported and (out.exists() or out.is_symlink()))

        out, n = draft.with_suffix(f".{fmt}"), 1
        while taken(out):
            out, n = draft.with_name(f"{draft.stem}-导出{n}.{fmt}"), n + 1
        return out

    def _cmd_all(self, arg: str) -> list[Message]:
        project = self.current_project()
        if project is None:
            return [Message("error", "/all 用于项目步骤：确认本项目沿用的全部内容")]
        self.undo_stack.append((self._undo_point(), self.pos))
        project.confirm.clear()
        self._pending = None
        self._go(Position("project.review", self.pos.project))
        saved = self._autosave()
        return [Message("notice", f"项目 {self.pos.project + 1} 的内容已全部确认")] + ([saved] if saved else [])

    def _cmd_quit(self, arg: str) -> list[Message]:
        if self.path is not None and self.dirty:
            return [self.save()]
        return [Message("notice", "再见")]

    def _cmd_jump(self, arg: str) -> list[Message]:
        target = self._jump_target(arg)
        if target is None:
            words = "、".join(list(JUMP_WORDS)[:20])
            return [Message("error", f"不知道要跳到哪里：“{arg}”。可用：{words}、项目 N、第 N 条指标、或检查结果中的路径")]
        self.return_to = self.pos if self.pos.step not in ("draft.review", "draft.done") else None
        self._pending = None
        self._go(target)
        return [Message("notice", f"跳到：{self.prompt().title}")]

    def _jump_target(self, arg: str) -> Position | None:
        arg = arg.strip()
        pi = self.pos.project
        m = re.match(r"^projects\[(\d+)\](?:\.(.+))?$", arg)
        if m:
            pi = int(m.group(1))
            if pi >= len(self.draft.projects):
                return None
            rest = m.group(2) or "name"
            m2 = re.match(r"^indicators\[(\d+)\](?:\.(\w+))?", rest)
            if m2:
                ri = int(m2.group(1))
                if ri >= len(self.draft.projects[pi].indicators):
                    return None
                return Position("indicator.edit", pi, ri, field=m2.group(2) or "value")
            if rest.startswith("indicators"):
                return Position("indicators", pi)
            sid = "project." + rest.split(".")[0] if not rest.startswith("budget") else "project." + rest
            sid = {"project.spending_plan": "project.spending_plan"}.get(sid, sid)
            return Position(sid, pi) if sid in STEPS else None
        m = re.match(r"^department\.(\w+)", arg)
        if m:
            sid = {"name": "dept.name", "code": "dept.code", "overall_goal": "dept.overall_goal",
                   "sub_goals": "dept.sub_goals", "safeguards": "dept.safeguards"}.get(m.group(1))
            return Position(sid) if sid else None
        m = re.match(r"^项目\s*(\d+)$", arg)
        if m:
            n = int(m.group(1)) - 1
            return Position("project.name", n) if 0 <= n <= len(self.draft.projects) else None
        m = re.match(r"^第?\s*(\d+)\s*条", arg)
        if m and self.current_project() is not None:
            n = int(m.group(1)) - 1
            return Position("indicator.edit", pi, n, field="value") if 0 <= n < len(self.draft.projects[pi].indicators) else None
        if arg in JUMP_WORDS:
            sid = JUMP_WORDS[arg]
            if sid.startswith(("project.", "indicators")) and pi >= len(self.draft.projects):
                return None
            if sid == "draft.review":
                return Position("draft.review")
            return Position(sid, pi if sid.startswith(("project.", "indicators")) else 0)
        for word, sid in JUMP_WORDS.items():
            if arg and arg in word:
                return Position(sid, pi) if sid.startswith(("project.", "indicators")) else Position(sid)
        return None

    # --- saving ----------------------------------------------------------------------------------

    def _resume_marker(self) -> dict[str, str | int]:
        step = self.pos.step
        if step in ("indicator.add", "indicator.description", "indicator.new_value", "indicator.basis", "indicator.edit"):
            step = "indicator.value"
        return {"step": step, "project": self.pos.project, "index": self.pos.index if step.startswith(("indicator.", "dept.sub")) else 0}

    def _undo_point(self) -> Any:
        return self.store.undo_point(self) if self.store is not None else freeze(self.draft)

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

    # --- status for front-ends -------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        found = self.findings("project") if self.current_project() is not None else checks.check_department(self.draft)
        e, w, h = checks.counts(found)
        return {"project": self.pos.project + 1 if self.current_project() is not None else 0,
                "projects": len(self.draft.projects), "step": self.prompt().title,
                "saved": not self.dirty, "errors": e, "warnings": w, "hints": h}


def _finding_text(f: Finding) -> str:
    from .rules import SEVERITY_LABELS, SEVERITY_SYMBOLS

    s = f"{SEVERITY_SYMBOLS[f.severity]} {SEVERITY_LABELS[f.severity]} {f.code}：{f.message}"
    if f.suggestion:
        s += f" → {f.suggestion}"
    return s


finding_text = _finding_text


def open_session(path: Path, **kwargs: Any) -> tuple[Conversation, Any]:
    """Load a draft, take its lock, clean temp files of killed saves; returns (conversation, closer).

    Kept for callers of the old pair; new code uses ``session.Session``. ``closer.release()`` writes
    what is not saved yet and releases the lock. Raises DraftError / DraftLocked with the user's message.
    """
    from .session import open_session as _open

    return _open(path, **kwargs)
