"""What a step may see and touch: the draft, the position, the profile, the catalogue and the
indicator rows of a group — not the engine (navigation, undo, autosave stay there).

The engine owns one ``StepContext`` and keeps ``draft`` and ``pos`` in it current; steps read and
change the draft through it and say where the conversation goes next by returning a ``Position``.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from dataclasses import field, replace
from typing import TYPE_CHECKING, Any

from . import frameworks, profiles
from ._lazy import lazy_module
from .answers import basis_from_text
from .model import Draft, Indicator, Project
from .prompts import Message, Position, Rejected
from .record import Record
from .value_hints import in_row_form

if TYPE_CHECKING:
    from .checks import Finding

checks = lazy_module("perfdraft.checks")


class Candidate(Record):
    """A row offered in an indicator group: an existing row of the project, or a catalogue row."""

    existing: int | None
    proposal: Indicator


def is_overall(ind: Indicator) -> bool:
    return ind.scope == "overall"


class StepContext(Record, eq=False, repr=False):  # a session's state: identity is its equality
    """What a step reads and writes: the draft, the position and the session's state."""

    draft: Draft
    pos: Position = field(default_factory=lambda: Position("dept.name"))
    catalogue_loader: Callable[[], Any] | None = None
    # Messages a step wants shown (a catalogue that failed to load, a value shifted); the engine takes them.
    notices: list[Message] = field(default_factory=list)
    # The 指标值 an answer stored, when a step wrote one: the echo says it where it differs from what was typed
    # (你：3200 had stood for ≥3200人, the operator and unit unseen)
    stored_value: str | None = None
    _catalogue: Any = None
    _catalogue_failed: bool = False
    _catalogue_lock: threading.Lock = field(default_factory=threading.Lock)
    _candidates: list[Candidate] = field(default_factory=list)
    _candidates_key: tuple[int, int] | None = None

    # --- the table and its catalogue ------------------------------------------------------------

    @property
    def profile(self) -> profiles.Profile:
        return profiles.for_draft(self.draft)

    def catalogue(self) -> Any:
        with self._catalogue_lock:  # a front-end may preload it on a worker thread
            if self._catalogue is None and not self._catalogue_failed:
                try:
                    if self.catalogue_loader is not None:
                        self._catalogue = self.catalogue_loader()
                    else:
                        from . import catalogue

                        self._catalogue = catalogue.default()
                    if hasattr(self._catalogue, "index"):
                        self._catalogue.index()  # on the preload thread, so the first suggestion is not kept waiting
                    for w in getattr(self._catalogue, "warnings", []):  # a bad organisation file: said, not silent
                        self.notices.append(Message("notice", f"本单位指标库：{w}（已跳过，内置指标库照常使用）"))
                except Exception as exc:  # noqa: BLE001 - drafting goes on without suggestions
                    self._catalogue_failed = True
                    self.notices.append(Message("error", f"指标库无法载入（{exc}），本次不提供模板建议"))
            return self._catalogue

    def project(self, pos: Position | None = None) -> Project:
        return self.draft.projects[(pos or self.pos).project]

    def template(self, project: Project) -> Any:
        if not project.template:
            return None
        cat = self.catalogue()
        return cat.templates.get(project.template) if cat else None

    def catalogue_row(self, project: Project, name: str | None) -> Any:
        """The catalogue's entry for a row of this project's template (its weight, 评分标准 …), or None."""
        t = self.template(project)
        if t is None or not name:
            return None
        return next((ci for ci in t.indicators if ci.name == name), None)

    # --- indicator groups -------------------------------------------------------------------------

    def groups(self) -> list[tuple[str, str]]:
        fw = frameworks.get(self.draft.framework)
        return [(l1, l2) for l1, l2s in fw.levels.items() for l2 in l2s]

    def group_label(self, gi: int) -> str:
        l1, l2 = self.groups()[gi]
        return f"{frameworks.LEVEL1_LABELS[l1]}·{frameworks.LEVEL2_LABELS[l2]}"

    def group_levels(self, gi: int) -> tuple[str, str]:
        l1, l2 = self.groups()[gi]
        return frameworks.LEVEL1_LABELS[l1], frameworks.LEVEL2_LABELS[l2]

    def group_of(self, ind: Indicator) -> int | None:
        fw = frameworks.get(self.draft.framework)
        pair = frameworks.canonical_levels(ind.level1, ind.level2, fw)
        groups = self.groups()
        return groups.index(pair) if pair in groups else None

    def candidates(self, pi: int, gi: int) -> list[Candidate]:
        """The 年度 rows of a group: those the project has, then the template's it has not."""
        if self._candidates_key == (pi, gi):
            return self._candidates
        project = self.draft.projects[pi]
        out = [Candidate(i, ind) for i, ind in enumerate(project.indicators)
               if not is_overall(ind) and self.group_of(ind) == gi]
        t = self.template(project)
        if t is not None:
            names = {ind.name for ind in project.indicators} | set(project.declined)
            cat = self.catalogue()
            for ind in cat.indicators_for(t, self.draft.year, self.draft.framework, include_common=False):
                if ind.name not in names and self.group_of(ind) == gi:
                    out.append(Candidate(None, ind))
        self._candidates, self._candidates_key = out, (pi, gi)
        return out

    def invalidate(self) -> None:
        self._candidates_key = None

    def insert_row(self, pi: int, gi: int, ind: Indicator) -> int:
        """Keep the table in framework order (年度 rows before 中期 ones); returns the new row's index."""
        rows = self.draft.projects[pi].indicators
        at = 0
        for i, r in enumerate(rows):
            g = self.group_of(r)
            if is_overall(r) and not is_overall(ind):
                continue
            if is_overall(ind) and not is_overall(r):
                at = i + 1
            elif g is not None and g <= gi:
                at = i + 1
        rows.insert(at, ind)
        for c in self._candidates:  # rows after the insertion moved down by one
            if c.existing is not None and c.existing >= at and c.proposal is not ind:
                c.existing += 1
        return at

    def remove_row(self, pi: int, r: int) -> Indicator:
        """Delete a row; candidates after it move up, the one that was it becomes a proposal again."""
        removed = self.draft.projects[pi].indicators.pop(r)
        for c in self._candidates:
            if c.existing is not None and c.existing > r:
                c.existing -= 1
            elif c.existing == r:
                c.existing = None
        return removed

    def row_from_cells(self, cells: list[str], gi: int, base: Indicator) -> Indicator:
        """Fill a row from pasted cells: [一级, 二级,] 三级, 描述, 指标值[, 依据[, 公式]]."""
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
            ind.level1, ind.level2 = self.group_levels(gi)
        return ind

    def levels_refused(self, ind: Indicator) -> str | None:
        """Why a pasted row's 一级 / 二级 cannot stand in this table's framework (满意度指标 under 产出指标),
        with the 二级 its 一级 takes; None when the pair fits."""
        if self.group_of(ind) is not None:
            return None
        fw = frameworks.get(self.draft.framework)
        l1 = frameworks.level1_key(ind.level1, fw)
        shown = f"“{ind.level1 or '（空）'} / {ind.level2 or '（空）'}”"
        if l1 in fw.levels:
            allowed = "、".join(frameworks.LEVEL2_LABELS.get(x, x) for x in fw.levels[l1])
            return f"{shown}不是本表的一级/二级指标组合：{frameworks.LEVEL1_LABELS.get(l1, l1)}下可选 {allowed}"
        firsts = "、".join(frameworks.LEVEL1_LABELS.get(x, x) for x in fw.levels)
        return f"{shown}不是本表的一级/二级指标组合：一级可选 {firsts}"

    # --- checking -------------------------------------------------------------------------------------

    def value_findings(self, ind: Indicator, value: str, project: Project | None = None) -> list[Finding]:
        """The checker's findings on ``value`` typed for ``ind``, their unit fixes in the form of the
        value it replaces (``ind.value``: a catalogue row's ≥□万亩, the value being edited)."""
        probe = replace(ind, value=value)
        # the draft's year too: 2026年底前 typed in a 2027 draft showed ✓ while /check said PD225
        found = [f for f in checks.check_indicator(probe, self.draft.framework, "", project or self.project(),
                                                   profile=self.draft.profile, year=self.draft.year)
                 if f.path == "value"]
        return in_row_form(found, ind.value, value)

    def level_findings(self, ind: Indicator) -> list[Finding]:
        """The checker's findings on a row's 一级 / 二级 (PD201, PD202), as the edit field shows them live."""
        return self.field_findings(ind, ("level1", "level2"))

    def field_findings(self, ind: Indicator, fields: tuple[str, ...]) -> list[Finding]:
        """The checker's findings on some columns of a row, as their edit field shows them live (描述 无关
        showed ✓ 本栏通过检查 while the list said PD212)."""
        return [f for f in checks.check_indicator(ind, self.draft.framework, "", self.project(), profile=self.draft.profile)
                if f.path in fields]

    def value_errors(self, ind: Indicator, value: str) -> list[Finding]:
        """Reject a value with errors; return its warnings. An unfilled catalogue □ is kept as a
        finding, not refused: the row stays in the table, flagged by check until the figure is typed."""
        if not value:
            raise Rejected("指标值不能为空；不要这条指标请输入 /del")
        found = self.value_findings(ind, value)
        kept = [f for f in found if f.severity == "error" and not (f.code == "PD102" and "□" in value)]
        if kept:
            e = kept[0]
            raise Rejected(f"{e.message}" + (f"。{e.suggestion}" if e.suggestion else ""), kept)
        return [f for f in found if f.severity != "error" or f.code == "PD102"]  # □ kept: said, not refused
