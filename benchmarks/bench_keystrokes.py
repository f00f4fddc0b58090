"""Keystrokes to draft real projects that are not the seed, printed beside the seed's (issue 18).

Three drafts from empty, counted the same way, in the same run:
  * the seed's project 1 (tests/fixtures/seed-shunping-2020-fixed.toml), the baseline;
  * corpus 22 (湘潭 雾炮车降尘抑尘服务 2023) and corpus 04 (淮北 农村文化建设配套补助经费 2025), as
    benchmarks/fixtures/ holds them (the published cells, refused values fixed as the checker advises);
and one by cloning: corpus 22 cloned into 2024 with a changed budget, everything else confirmed.

How keys are counted (as for the seed in README): a typed answer is its characters + Enter; Enter
alone is 1; a pasted block (a paragraph, a tab-separated row) is 1, plus Enter when it is one line.
The driver answers from the target draft by step, as a user copying last year's document would:
department and project texts pasted, names and numbers typed, suggestions taken with Enter where they
equal the target, catalogue rows that match a target row (by name) kept with Enter or their value
typed, the template's other rows declined with /del, rows the catalogue lacks pasted.
Run: python benchmarks/bench_keystrokes.py
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from perfdraft import checks, drafts, frameworks  # noqa: E402
from perfdraft.conversation import Conversation  # noqa: E402
from perfdraft.model import Draft, Indicator, Project  # noqa: E402

FIXTURES = ROOT / "benchmarks" / "fixtures"
SEED_FIXED = ROOT / "tests" / "fixtures" / "seed-shunping-2020-fixed.toml"
MATCH = 0.45  # name similarity above which a catalogue row is taken as the target's row


@dataclass
class Count:
    keys: int = 0
    pasted_chars: int = 0
    answers: int = 0
    steps: dict[str, int] = field(default_factory=dict)  # keys per step kind
    refused: list[str] = field(default_factory=list)  # answers from the real table the tool refused

    def add(self, step: str, n: int) -> None:
        self.keys += n
        self.answers += 1
        self.steps[step] = self.steps.get(step, 0) + n


def _money(v) -> str:
    return "" if v is None else f"{v:f}".rstrip("0").rstrip(".")


def _basis_text(ind: Indicator) -> str:
    if ind.basis is None:
        return ""
    return f"{ind.basis.category}：{ind.basis.note}" if ind.basis.note else (ind.basis.category or "")


def row_line(ind: Indicator) -> str:
    return "\t".join([ind.name or "", ind.description or "", ind.value or "", _basis_text(ind), ind.formula or ""])


class Driver:
    """Answers ``conv`` from ``target`` (department + project ``pi``), counting keys."""

    def __init__(self, conv: Conversation, target: Draft, pi: int):
        self.conv, self.target, self.pi = conv, target, pi
        self.count = Count()
        fw = frameworks.get(target.framework)
        self.groups = [(a, b) for a, bs in fw.levels.items() for b in bs]
        self.want: dict[tuple[str, str], list[Indicator]] = {}
        for ind in target.projects[pi].indicators:
            self.want.setdefault(frameworks.canonical_levels(ind.level1, ind.level2, fw), []).append(ind)
        self.used: set[int] = set()
        self.sub_goal = 0

    def send(self, kind: str, text: str, may_refuse: bool = False) -> bool:
        step = self.conv.prompt().step
        title = self.conv.prompt().title
        if kind == "enter":
            n = 1
        elif kind == "paste":
            n = 1 + (0 if "\t" in text or "\n" in text else 1)
            self.count.pasted_chars += len(text)
        else:
            n = len(text) + 1
        self.count.add(step, n)
        reply = self.conv.answer(text)
        if not reply.ok:
            reason = next((m.text for m in reply.messages if m.role == "error"), "")
            if not may_refuse:
                raise AssertionError(f"{step}: {text!r} refused: {reason}")
            self.count.refused.append(f"{title}: {reason}")
        return reply.ok

    def text(self, value: str | None, paste: bool = True) -> None:
        """A text field: Enter when it already holds ``value`` (or both are empty), else paste/type it."""
        p = self.conv.prompt()
        if (value or "") == (p.prefill or p.default or "") or (not value and not p.prefill):
            self.send("enter", "")
        elif not self.send("paste" if paste else "type", value or "", may_refuse=True):
            self.send("type", "/skip")  # last year's text refused: left for later, noted in the output

    def run(self, limit: int = 400) -> Count:
        d, project = self.target.department, self.target.projects[self.pi]
        for _ in range(limit):
            if self.conv.finished:
                break
            p = self.conv.prompt()
            s = p.step
            if s == "dept.name":
                self.text(d.name, paste=False)
            elif s == "dept.code":
                self.text(d.code, paste=False)
            elif s == "draft.year":
                self.text(str(self.target.year), paste=False)
            elif s == "draft.framework":
                self.text({"local-2015": "1", "central-2021": "2"}[self.target.framework], paste=False)
            elif s == "dept.overall_goal":
                self.text(d.overall_goal)
            elif s == "dept.sub_goals":
                goals = [g.text for g in d.sub_goals if g.text]
                if self.sub_goal < len(goals):
                    self.sub_goal += 1
                    self.send("paste", goals[self.sub_goal - 1])
                else:
                    self.send("enter", "")
            elif s == "dept.safeguards":
                self.text(d.safeguards)
            elif s == "project.name":
                if self.conv.pos.project > 0 or self.conv.draft.projects and self.conv.pos.project >= 1:
                    self.send("enter", "")  # no more projects
                else:
                    self.text(project.name, paste=False)
            elif s == "project.template":
                self.send("enter", "")  # the first suggestion (or none)
            elif s in ("project.code", "project.doc_number"):
                self.text(project.code if s == "project.code" else project.doc_number, paste=False)
            elif s.startswith("project.budget."):
                self.text(_money(getattr(project.budget, s.rsplit(".", 1)[1])), paste=False)
            elif s == "project.purpose":
                self.text(project.purpose)
            elif s == "project.spending_plan":
                plan = project.spending_plan
                self.text(" ".join(_money(v) for v in plan.cells()) if plan else "", paste=False)
            elif s == "project.goal":
                self.text(project.goal)
            elif s == "indicator.value":
                self._candidate()
            elif s == "indicator.add":
                # One row per question: after a paste the engine may ask a cell the row left empty.
                row = next((r for r in self.want.get(self.groups[self.conv.pos.index], []) if id(r) not in self.used), None)
                if row is not None:
                    self.used.add(id(row))
                    self.send("paste", row_line(row))
                else:
                    self.send("enter", "")
            elif s.startswith("indicator."):
                self.send("enter", "")  # a cell the pasted row left empty (描述, 依据 …): Enter, as asked
            elif s in ("project.review", "draft.review"):
                self.send("enter", "")
                if s == "draft.review":
                    break
            else:
                raise AssertionError(f"the driver does not know step {s}")
        return self.count

    def _candidate(self) -> None:
        conv = self.conv
        cand = conv._candidates_for(conv.pos.project, conv.pos.index)[conv.pos.row].proposal
        rows = [r for r in self.want.get(self.groups[conv.pos.index], []) if id(r) not in self.used]
        best = max(rows, key=lambda r: difflib.SequenceMatcher(None, r.name, cand.name).ratio(), default=None)
        if best is not None and difflib.SequenceMatcher(None, best.name, cand.name).ratio() >= MATCH:
            self.used.add(id(best))
            self.send("enter", "") if best.value == cand.value else self.send("type", best.value or "")
        else:
            self.send("type", "/del")


def draft_from_empty(target: Draft, pi: int = 0) -> tuple[Count, Project]:
    conv = Conversation(drafts.new_draft(target.year), None)
    count = Driver(conv, target, pi).run()
    got = conv.draft.projects[0]
    want = target.projects[pi]
    assert sorted(i.value or "" for i in got.indicators) == sorted(i.value or "" for i in want.indicators), (
        [i.value for i in got.indicators], [i.value for i in want.indicators])
    return count, got


def clone_changed_budget(last: Draft, new_total: int) -> tuple[Count, Draft, list[str]]:
    """Last year's draft cloned into next year; the user follows the clone's questions in order, Enter
    keeping what is carried over, types the new 预算数, takes 财政资金 and 其他资金 as their questions
    advise (Enter = 与预算数相同 / 0), then confirms the rest of the project with /all.

    Returns the keys, the draft, and what went wrong on the way: where following the tool's advice
    did not give the advised result (the user then goes back and types the figure), and the errors the
    clone has that last year's draft had not."""
    from decimal import Decimal

    from perfdraft.clone import clone_draft

    draft = clone_draft(last, (last.year or 0) + 1)
    before = {(f.code, f.path) for f in checks.check_draft(last)}
    conv = Conversation(draft, None, only_unsettled=True)
    count = Count()
    notes: list[str] = []

    def send(text: str) -> bool:
        count.add(conv.prompt().step, len(text) + 1)
        reply = conv.answer(text)
        if not reply.ok:
            notes.append(f"refused at {conv.prompt().title}: {[m.text for m in reply.messages if m.role == 'error']}")
        return reply.ok

    for _ in range(60):
        step = conv.prompt().step
        if conv.pos.project >= 1 or conv.finished or step == "draft.review":
            break  # project 1 is done
        if step == "project.budget.total":
            send(str(new_total))
        elif step == "project.budget.fiscal":
            send("")  # the question says: 回车 = 与预算数相同
            fiscal = conv.draft.projects[conv.pos.project].budget.fiscal
            if fiscal != Decimal(new_total):
                notes.append(f"Enter at 财政资金 (回车 = 与预算数相同) gave {fiscal}, not {new_total}: back and typed")
                send("/back")
                send(str(new_total))
        elif step == "project.budget.other":
            if not send(""):
                send("0")
            send("/all")  # the rest of the project is as last year
        else:
            send("")
    from perfdraft.places import finding_text  # the one formatter: the row in words

    new = [finding_text(f, conv.draft) for f in checks.check_draft(conv.draft)
           if f.severity == "error" and (f.code, f.path) not in before]
    return count, conv.draft, notes + new


def _pad(text: str, cells: int) -> str:
    from perfdraft.render import cell_len

    return text + " " * max(0, cells - cell_len(text))


def main() -> None:
    seed = drafts.load(SEED_FIXED)
    c22 = drafts.load(FIXTURES / "corpus-22-xiangtan-2023.toml")
    c04 = drafts.load(FIXTURES / "corpus-04-huaibei-2025.toml")
    rows = []
    for label, target in (("seed 顺平 project 1 (baseline)", seed), ("corpus 22 湘潭 雾炮车降尘抑尘服务", c22),
                          ("corpus 04 淮北 农村文化建设配套补助经费", c04)):
        count, got = draft_from_empty(target)
        rows.append((label, len(got.indicators), count))
    base = rows[0][2].keys / rows[0][1]
    print("keystrokes to draft one project from an empty draft (a paste counts 1):")
    for label, n, c in rows:
        per_row = c.keys / n
        ind = sum(v for k, v in c.steps.items() if k.startswith("indicator."))
        print(f"  {_pad(label, 40)} {n:>2} rows  {c.keys:>4} keys  ({per_row:.1f}/row, {per_row / base:.2f}× the seed's; "
              f"indicators {ind}, {c.pasted_chars} characters pasted, {c.answers} answers)")
        for r in c.refused:
            print(f"    refused, skipped: {r}")
    seed_clone, _, seed_new = clone_changed_budget(seed, 1700000)
    c22_clone, draft, new_errors = clone_changed_budget(c22, 2600000)
    print("keystrokes to finish a project cloned into next year with a changed budget:")
    print(f"  {_pad('seed 顺平 project 1 (baseline)', 48)} {seed_clone.keys:>4} keys; problems on the way and new errors: {len(seed_new)}")
    for e in seed_new:
        print(f"    {e}")
    print(f"  {_pad('corpus 22 湘潭 雾炮车降尘抑尘服务', 48)} {c22_clone.keys:>4} keys ({c22_clone.keys / seed_clone.keys:.2f}× the seed's); "
          f"problems on the way and new errors: {len(new_errors)}")
    for e in new_errors:
        print(f"    {e}")


if __name__ == "__main__":
    main()
