"""Indicator rows as steps: the catalogue's candidates group by group, new rows column by column,
and editing one cell (the 中期 block is in overall_steps.py).

Which columns a row asks for is the draft's profile (``profile.columns``, in the order its table
reads them): 描述 and 依据 only where the table has them; 计量单位, 权重, 评分标准, 指标性质 … where it
has those. 计算符号 is never asked: it follows the value (symbols.py), and ``/jump 计算符号`` sets it.

Positions: ``indicator.value`` (index = group, row = candidate), ``indicator.add`` (index = group),
``indicator.cell`` (a new row's columns; row = row index, field = model attribute),
``indicator.more`` (the remaining columns of a candidate just answered), ``indicator.edit``
(one cell, after a /jump; index = row index: indicator_edit.py).
"""

from __future__ import annotations

import copy
from dataclasses import replace
from decimal import ROUND_DOWN, Decimal
from typing import TYPE_CHECKING

from . import fields
from ._lazy import lazy_module
from .answers import basis_from_text, split_row
from .model import BASIS_CATEGORIES, Indicator, format_number
from .prompts import Choice, Position, Rejected
from .step_context import Candidate, is_overall
from .step_table import Answer, Ctx, Step, next_in_order
from .steps import CELL_TEXTS, GROUP_HELP, STEP_TEXTS
from .value_hints import checked_fix, typed_value

if TYPE_CHECKING:
    from .checks import Finding

checks = lazy_module("perfdraft.checks")
symbols = lazy_module("perfdraft.symbols")

# Columns a row never asks for one by one: the levels come from the group, the name is the
# add answer, 计算符号 follows the value, the scope is the block the row is in.
_NOT_ASKED = ("level1", "level2", "name", "symbol", "scope")
_JUDGEMENTS = ("weight", "scoring")
_CHOICE_NUMBERS = {"nature": fields.INDICATOR_NATURES, "direction": ("正向", "反向")}


def row_columns(c: Ctx) -> list[str]:
    """The attributes a new row is asked for, in the profile's table order."""
    cols = [k.split(".", 1)[1] for k in c.profile.columns]
    out = [a for a in cols if a not in _NOT_ASKED]
    return out if "value" in out else ["value", *out]


def candidate_columns(c: Ctx) -> list[str]:
    """After a candidate's value: the columns the catalogue does not fill (描述, 依据 come with it)."""
    return [a for a in row_columns(c) if a not in ("value", "description", "basis")]


def label(attr: str) -> str:
    return fields.FIELDS[f"indicator.{attr}"].label


# --- one cell: read, suggest, write ---------------------------------------------------------------


def cell_read(ind: Indicator, attr: str) -> str:
    if attr == "basis":
        return ind.basis.display() if ind.basis else ""
    v = getattr(ind, attr)
    if v is None:
        return ""
    return format_number(v) if isinstance(v, Decimal) else str(v)


def allocated(c: Ctx, pi: int, skip: Indicator | None = None) -> Decimal:
    """The weights given so far to the project's 年度 rows (the current row left out)."""
    return sum((i.weight for i in c.draft.projects[pi].indicators
                if i.weight is not None and not is_overall(i) and i is not skip), Decimal(0))


def weight_total_text(c: Ctx, pi: int, skip: Indicator | None = None) -> str:
    return f"已分配 {format_number(allocated(c, pi, skip).normalize())}/100"


def _rows_ahead(c: Ctx, pi: int) -> int:
    """Catalogue rows the user will still be offered for this project (later candidates, later groups)."""
    pos = c.pos
    project = c.draft.projects[pi]
    t = c.template(project)
    if t is None or not pos.step.startswith("indicator.") or pos.step == "indicator.edit":
        return 0
    names = {ind.name for ind in project.indicators}
    later = 0
    for ind in c.catalogue().indicators_for(t, c.draft.year, c.draft.framework, include_common=False):
        gi = c.group_of(ind)
        if ind.name not in names and gi is not None and gi > pos.index:
            later += 1
    same = c.candidates(pi, pos.index)
    here = next((k for k, cand in enumerate(same) if cand.existing == pos.row), pos.row) \
        if pos.step != "indicator.value" else pos.row
    return later + sum(1 for cand in same[here + 1:] if cand.existing is None)


def cell_default(c: Ctx, pi: int, ind: Indicator, attr: str) -> str:
    """The suggestion Enter takes: the catalogue's, or one derived from the value."""
    project = c.draft.projects[pi]
    if attr in ("weight", "scoring"):
        entry = c.catalogue_row(project, ind.name)
        suggested = getattr(entry, attr, None) if entry is not None else None
        if suggested not in (None, ""):
            return format_number(Decimal(str(suggested)).normalize()) if attr == "weight" else str(suggested)
        if attr == "weight":
            left = Decimal(100) - allocated(c, pi, ind)
            unweighted = [i for i in project.indicators if not is_overall(i) and (i.weight is None or i is ind)]
            rows = len(unweighted) + _rows_ahead(c, pi)
            if left > 0 and rows:  # an even share of what is left over the rows still to come, as a start
                return format_number((left / rows).quantize(Decimal(1), rounding=ROUND_DOWN).normalize()
                                     if rows > 1 else left.normalize())
        return ""
    if attr == "unit":
        return symbols.unit_of(ind.value) or getattr(c.catalogue_row(project, ind.name), "unit", "") or ""
    if attr == "nature":
        return "定性" if symbols.symbol_of(ind.value) == symbols.QUALITATIVE else "定量"
    if attr == "direction":
        return "反向" if symbols.symbol_of(ind.value) in ("≤", "<") else "正向"
    if attr == "basis":
        return "1"
    if attr == "symbol":
        return symbols.symbol_of(ind.value) or ""
    return ""


def cell_write(c: Ctx, pi: int, ind: Indicator, attr: str, text: str) -> list[Finding]:
    """Write one cell of a row (validated); returns warnings. The symbol and value stay in step."""
    text = text.strip()
    profile = c.profile
    if attr == "value":
        warnings = c.value_errors(ind, text) if not is_overall(ind) or text else []
        old_unit = symbols.unit_of(ind.value)
        ind.value = text or None
        c.stored_value = ind.value
        symbols.after_value_change(ind, profile.has("indicator.symbol"),
                                   profile.has("indicator.unit") and (ind.unit is None or ind.unit == old_unit))
        return warnings
    if attr == "basis":
        ind.basis = basis_from_text(text) if text else None
        return []
    if attr in _CHOICE_NUMBERS and text.isdecimal() and 1 <= int(text) <= len(_CHOICE_NUMBERS[attr]):
        text = _CHOICE_NUMBERS[attr][int(text) - 1]
    f = fields.FIELDS[f"indicator.{attr}"]
    try:
        value = fields.parse(f, text)
    except fields.FieldValueError as exc:
        raise Rejected(str(exc)) from None
    if attr in ("weight", "score") and value is not None and not Decimal(0) <= value <= Decimal(100):
        raise Rejected(f"{f.label}应在 0–100 之间，收到 {text}")
    setattr(ind, attr, value)
    if attr == "symbol":
        symbols.after_symbol_change(ind)
    if attr == "weight":
        total = allocated(c, pi)
        if total > 100:
            raise Rejected(f"权重合计将达到 {format_number(total.normalize())}，超过 100；请调小这一条或之前的权重")
    return []


def _cell_question(c: Ctx, pi: int, ind: Indicator, attr: str) -> str:
    default = cell_default(c, pi, ind, attr)
    asked = cell_texts(attr)[0]
    if cell_read(ind, attr) or default:
        # "回车留空" above "回车 = 按核定标准执行得满分…": Enter keeps what is there, or takes the suggestion
        enter = "回车保留当前内容" if cell_read(ind, attr) else "回车采用建议"
        asked = asked.replace("（回车留空）", f"（{enter}）").replace("，回车留空）", f"，{enter}）")
    q = f"“{ind.name or ''}”｜{asked}"
    if attr == "weight":
        q += f"（{weight_total_text(c, pi, ind)}）"
    if attr in _JUDGEMENTS and default and not cell_read(ind, attr):  # where the suggestion comes from
        entry = c.catalogue_row(c.draft.projects[pi], ind.name)
        if getattr(entry, attr, None) not in (None, ""):
            q += f"\n建议 {default}：指标库中这条指标的{label(attr)}"
        else:
            q += f"\n建议 {default}：未分配的权重平均分给本条和之后的指标"
    return q


def answer_cell(c: Ctx, pi: int, ind: Indicator, attr: str, text: str) -> tuple[str, list[Finding]]:
    """Write an answer (Enter keeps the cell, else takes the suggestion); returns the text written."""
    before = copy.deepcopy(ind)
    value = text if text.strip() else (cell_read(ind, attr) or cell_default(c, pi, ind, attr))
    try:
        warnings = cell_write(c, pi, ind, attr, value)
    except Rejected:
        ind.__dict__.update(before.__dict__)  # a refused answer leaves the row as it was
        raise
    return value, warnings


# --- the group loop ---------------------------------------------------------------------------------


def enter_group(c: Ctx, pi: int, gi: int) -> Position:
    c.invalidate()
    if gi >= len(c.groups()):
        return next_in_order(c, Position("indicators", pi))
    return Position("indicator.value", pi, gi, 0) if c.candidates(pi, gi) else Position("indicator.add", pi, gi)


def _next_candidate(c: Ctx, pos: Position, k: int) -> Position:
    if k + 1 < len(c.candidates(pos.project, pos.index)):
        return Position("indicator.value", pos.project, pos.index, k + 1)
    return Position("indicator.add", pos.project, pos.index)


def _candidate(c: Ctx, pos: Position) -> Candidate:
    return c.candidates(pos.project, pos.index)[pos.row]


def _derived(c: Ctx, pos: Position, value: str) -> tuple[str, str] | None:
    """A catalogue □ figure worked out from the user's own answers (and how), or None."""
    if "□" not in value:
        return None
    from .catalogue import derive

    return derive(value, c.draft.projects[pos.project], _candidate(c, pos).proposal.name)


def _suggested_value(c: Ctx, pos: Position) -> str:
    """The row's value as this year's: a □ figure derived where it can be, a deadline of an earlier
    year (a clone's) moved to this year."""
    value = _candidate(c, pos).proposal.value or ""
    derived = _derived(c, pos, value)
    if derived:
        return derived[0]
    value = symbols.in_year(value, c.draft.year) or value
    # a value carried over with a slip (a clone's ≥095%): the check's fix is the suggestion
    return checked_fix(value, _candidate(c, pos).proposal) or value


def _offered_value(c: Ctx, pos: Position) -> str:
    """What Enter takes: the suggested value unless the check refuses it (a clone's 人 with no figure was
    offered as 建议值 and taken by Enter, then refused). A catalogue's □ is taken, and flagged until filled."""
    value = _suggested_value(c, pos)
    if value and "□" not in value and any(f.severity == "error" for f in checks.check_value(value, _candidate(c, pos).proposal)):
        return ""
    return value


def _value_choices(c: Ctx, pos: Position) -> list[Choice]:
    current = _candidate(c, pos).proposal.value or ""
    if "□" not in current:
        value = _offered_value(c, pos)
        kept = _candidate(c, pos).existing is not None and value == current  # a clone's row, as it was
        return [Choice(value, value, "上年值" if kept else "建议值")] if value else []
    # A figure only the user knows: typed, or derived from their own answers.
    offered = [Choice(current, current, "待填写：不填则检查报错，正式导出时会拦下")]
    derived = _derived(c, pos, current)
    return ([Choice(derived[0], derived[0], f"推算：{derived[1]}")] if derived else []) + offered


FILL_HINT = "□ 处要填本地的数字：直接输入数字即可（如 300），或输入完整的指标值。"


def _value_question(c: Ctx, pos: Position) -> str:
    cand = _candidate(c, pos)
    ind = cand.proposal
    suggested = _suggested_value(c, pos)
    q = STEP_TEXTS["indicator.value"].prompt.format(group=c.group_label(pos.index), name=ind.name or "",
                                                    description=ind.description or "（未写）",
                                                    suggested=suggested or "（无）")
    # What is asked stays the last paragraph: a front-end short of room cuts the notes above it, never it.
    *head, ask = q.split("\n")
    adopted = cand.existing is None  # a catalogue row: its 口径 and 依据 come with it, and the screen says so
    if adopted and ind.description:
        head = [line.replace("口径：", "口径（随本条采用）：", 1) for line in head]
    notes = []
    if ind.basis is not None and adopted and c.profile.has("indicator.basis"):
        # the catalogue's 依据 comes with the row: shown here, so Enter takes what the user has read
        notes.append(f"{label('basis')}（随本条采用，可用 /jump 修改）：{ind.basis.display()}")
    if ind.formula and adopted:
        # exported beside the 口径 (计算公式：…): shown here, so that Enter takes what the user has read
        notes.append(f"{label('formula')}（随本条采用，可用 /jump 修改）：{ind.formula}")
    if ind.value and "□" in ind.value:
        notes.append(FILL_HINT)
    elif ind.value and suggested != ind.value:
        moved = symbols.in_year(ind.value, c.draft.year)
        why = f"已按 {c.draft.year} 年改写" if moved and suggested == moved else "已按检查改正"
        notes.append(f"原为 {ind.value}：建议值{why}，请核对")
    if c.profile.has("indicator.weight"):
        notes.append(f"权重{weight_total_text(c, pos.project)}")
    return "\n".join([*head, *notes, ask])


def _value_answer(c: Ctx, pos: Position, text: str) -> Answer:
    cands = c.candidates(pos.project, pos.index)
    cand = cands[pos.row]
    cells = split_row(text)
    ind = copy.deepcopy(cand.proposal)
    if cells:
        ind = c.row_from_cells(cells, pos.index, ind)
        value = ind.value or ""
    else:
        value = typed_value(cand.proposal.value, text) if text.strip() else _suggested_value(c, pos)
    ind.value = cand.proposal.value if not cells else None
    if cand.existing is None:  # the catalogue's weight and 评分标准 are suggestions, asked, not taken silently
        for attr in _JUDGEMENTS:
            setattr(ind, attr, None)
        if not c.profile.has("indicator.basis"):
            ind.basis = None  # a column this table has not: never shown, so never the user's
    warnings = cell_write(c, pos.project, ind, "value", value)
    project = c.draft.projects[pos.project]
    entry = c.catalogue_row(project, ind.name)
    if c.profile.has("indicator.unit") and not ind.unit and entry is not None and getattr(entry, "unit", None):
        ind.unit = entry.unit  # the catalogue's unit where the value does not show one (=□元/人·年)
    if cand.existing is not None:
        project.indicators[cand.existing] = ind
        r = cand.existing
    else:
        r = c.insert_row(pos.project, pos.index, ind)
    # The candidate is now an existing row; keep the list stable for this pass.
    cands[pos.row] = Candidate(r, ind)
    if f"indicators[{cand.existing}].value" in project.confirm:
        project.confirm.remove(f"indicators[{cand.existing}].value")
    more = [a for a in candidate_columns(c) if _ask_again(ind, a)]
    if more:
        return Position("indicator.more", pos.project, pos.index, r, more[0]), warnings
    return _next_candidate(c, pos, pos.row), warnings


def _value_settled(c: Ctx, pos: Position) -> bool:
    cand = _candidate(c, pos)
    if cand.existing is None:
        return False  # a catalogue row the user has not seen
    project = c.draft.projects[pos.project]
    if "indicators" in project.confirm or f"indicators[{cand.existing}].value" in project.confirm:
        return False
    if any(f"indicators[{cand.existing}].{a}" in project.confirm for a in candidate_columns(c)):
        return False  # a carried-over weight to confirm (blank optional columns do not hold a clone up)
    return not [f for f in checks.check_value(cand.proposal.value, cand.proposal) if f.severity == "error"]


def _value_resume(c: Ctx, pos: Position) -> Position:
    """Back at the candidate the user was answering: by name (declined catalogue rows come back on
    reload and would shift a bare number), else by number."""
    if pos.project >= len(c.draft.projects) or pos.index >= len(c.groups()):
        return Position("project.review", min(pos.project, len(c.draft.projects)))
    cands = c.candidates(pos.project, pos.index)
    if pos.field:
        for k, cand in enumerate(cands):
            if cand.proposal.name == pos.field:
                return Position("indicator.value", pos.project, pos.index, k)
    if pos.row < len(cands):
        return Position("indicator.value", pos.project, pos.index, pos.row)
    return Position("indicator.add", pos.project, pos.index)


def _value_live(c: Ctx, pos: Position, text: str) -> list[Finding]:
    if split_row(text):
        return []
    # Checked as it will be stored: "0.5" typed for ≥□万亩 drew "no unit, =0.5亩?" while it was being
    # stored as ≥0.5万亩.
    proposal = _candidate(c, pos).proposal
    return [f for f in c.value_findings(proposal, typed_value(proposal.value, text)) if f.code != "PD215"]


def _add_question(c: Ctx, pos: Position) -> str:
    return STEP_TEXTS["indicator.add"].prompt.format(group=c.group_label(pos.index), name="",
                                                     more="还要" if c.candidates(pos.project, pos.index) else "要")


def _add_answer(c: Ctx, pos: Position, text: str) -> Answer:
    stripped = text.strip()
    if not stripped:
        return enter_group(c, pos.project, pos.index + 1), []
    l1, l2 = c.group_levels(pos.index)
    base = Indicator(level1=l1, level2=l2)
    cells = split_row(text)
    if cells:
        ind = c.row_from_cells(cells, pos.index, base)
        refused = c.levels_refused(ind)
        if refused:  # a pasted row's levels were taken silently, and the check then said PD201
            raise Rejected(refused)
        value, ind.value = ind.value or "", None
        warnings = cell_write(c, pos.project, ind, "value", value)
        gi = c.group_of(ind)
        r = c.insert_row(pos.project, gi if gi is not None else pos.index, ind)
        missing = [a for a in row_columns(c) if a != "value" and not cell_read(ind, a)]
        if missing:
            return Position("indicator.cell", pos.project, pos.index, r, missing[0]), warnings
        return pos, warnings
    r = c.insert_row(pos.project, pos.index, replace(base, name=stripped))
    return Position("indicator.cell", pos.project, pos.index, r, row_columns(c)[0]), []


# --- the columns of one row ------------------------------------------------------------------------


def _row(c: Ctx, pos: Position) -> Indicator:
    return c.draft.projects[pos.project].indicators[pos.row]


def _after_cell(c: Ctx, pos: Position, chain: list[str]) -> Position:
    """The next column of this row, else back to the group (a new row) or the next candidate."""
    ind = _row(c, pos)
    rest = chain[chain.index(pos.field) + 1:] if pos.field in chain else []
    rest = [a for a in rest if _ask_again(ind, a)]
    if pos.step == "indicator.cell":
        return Position("indicator.cell", pos.project, pos.index, pos.row, rest[0]) if rest else Position(
            "indicator.add", pos.project, pos.index)
    if rest:
        return Position("indicator.more", pos.project, pos.index, pos.row, rest[0])
    cands = c.candidates(pos.project, pos.index)
    k = next((k for k, cand in enumerate(cands) if cand.existing == pos.row), len(cands) - 1)
    return _next_candidate(c, pos, k)


def _ask_again(ind: Indicator, attr: str) -> bool:
    """A column still to ask: blank, or a judgement the catalogue only suggests (权重, 评分标准).
    A unit read off the value, or pasted cells, are not asked again."""
    return not cell_read(ind, attr) or attr in _JUDGEMENTS


def _chain(c: Ctx, pos: Position) -> list[str]:
    return row_columns(c) if pos.step == "indicator.cell" else candidate_columns(c)


def _cell_answer(c: Ctx, pos: Position, text: str) -> Answer:
    if pos.step == "indicator.cell" and split_row(text):
        # A whole row pasted where one column of the last row is asked (rows pasted one after another
        # from a table): it is the next row, not this cell's text; the cell stays blank for the check.
        return _add_answer(c, Position("indicator.add", pos.project, pos.index), text)
    ind = _row(c, pos)
    _, warnings = answer_cell(c, pos.project, ind, pos.field, filled_value(ind, pos.field, text))
    rel = f"indicators[{pos.row}].{pos.field}"
    confirm = c.draft.projects[pos.project].confirm
    if rel in confirm:
        confirm.remove(rel)
    return _after_cell(c, pos, _chain(c, pos)), warnings


def _cell_valid(c: Ctx, pos: Position) -> bool:
    project = c.draft.projects[pos.project] if pos.project < len(c.draft.projects) else None
    return project is not None and pos.row < len(project.indicators) and bool(pos.field)


def _cell_resume(c: Ctx, pos: Position) -> Position:
    if _cell_valid(c, pos):
        return pos
    if pos.project < len(c.draft.projects) and pos.index < len(c.groups()):
        return Position("indicator.add", pos.project, pos.index)
    return Position("project.review", min(pos.project, len(c.draft.projects)))


def _cell_settled(c: Ctx, pos: Position) -> bool:
    """Passed over in a cloned draft: filled and not to confirm; a blank optional column of a row
    carried over was left blank last year on purpose (a new row's columns are all asked)."""
    if f"indicators[{pos.row}].{pos.field}" in c.draft.projects[pos.project].confirm:
        return False
    return bool(cell_read(_row(c, pos), pos.field)) or (pos.step == "indicator.more" and pos.field != "value")


def _cell_title_label(c: Ctx, pos: Position) -> str:
    return f"{c.group_label(pos.index)} · {label(pos.field)}"


def _cell_live(c: Ctx, pos: Position, text: str) -> list[Finding]:
    return column_live(c, _row(c, pos), pos.field, text)


# Columns of plain text whose own findings (PD212 on 描述, PD239 on a name …) are shown as they are typed
_TEXT_COLUMNS = frozenset({"description", "name", "formula", "scoring"})


def column_live(c: Ctx, ind: Indicator, attr: str, text: str) -> list[Finding]:
    """What the checker says of one column of a row as it is typed (a new row's or one reached by /jump)."""
    if attr in _TEXT_COLUMNS:
        probe = copy.copy(ind)
        setattr(probe, attr, text.strip())
        return c.field_findings(probe, (attr,))
    if attr != "value" or split_row(text):
        return []
    return [f for f in c.value_findings(ind, filled_value(ind, attr, text)) if f.code != "PD215"]


def filled_value(ind: Indicator, attr: str, text: str) -> str:
    """A number typed for a value still holding the catalogue's □ fills it, at every step that edits it."""
    return typed_value(ind.value, text) if attr == "value" and text.strip() else text


def field_choices(attr: str) -> list[Choice]:
    if attr == "basis":
        return [Choice(cat, str(i + 1)) for i, cat in enumerate(BASIS_CATEGORIES)]
    if attr in _CHOICE_NUMBERS:
        return [Choice(ch, str(i + 1)) for i, ch in enumerate(_CHOICE_NUMBERS[attr])]
    if attr == "symbol":
        return [Choice(s, s) for s in fields.SYMBOLS]
    return []


def _value_path(c: Ctx, pos: Position) -> str:
    existing = _candidate(c, pos).existing
    return f"projects[{pos.project}].indicators" + (f"[{existing}].value" if existing is not None else "")


def _group_help(c: Ctx, pos: Position) -> str:
    return GROUP_HELP.get(c.groups()[pos.index][1], "") if pos.index < len(c.groups()) else ""


def cell_help(c: Ctx, pos: Position) -> str:
    return cell_texts(pos.field)[1] if pos.field else ""


def cell_texts(attr: str) -> tuple[str, str]:
    """A column's question and help: its words in steps.py, else the registry's label and help (a
    field declared in fields.py alone is asked too)."""
    if attr in CELL_TEXTS:
        return CELL_TEXTS[attr]
    f = fields.FIELDS.get(f"indicator.{attr}")
    return (f"{f.label}？（回车留空）", f.help) if f is not None else ("", "")


STEPS: dict[str, Step] = {s.id: s for s in [
    Step("indicators", "projects[{p}].indicators", lambda c, p: "",
         arrive=lambda c, p: enter_group(c, p.project, 0), returns=False),
    Step("indicator.value", _value_path, lambda c, p: "", question=_value_question,
         default=_offered_value,
         prefill=lambda c, p: _suggested_value(c, p) if _candidate(c, p).existing is not None else "",
         choices=_value_choices,
         title=lambda c, p: f"{c.group_label(p.index)} {p.row + 1}/{len(c.candidates(p.project, p.index))}",
         live=_value_live, answer=_value_answer, skip=lambda c, p: _next_candidate(c, p, p.row),
         resume=_value_resume, settled=_value_settled, group_help=_group_help, returns=False),
    Step("indicator.add", "projects[{p}].indicators", lambda c, p: "", question=_add_question,
         title=lambda c, p: f"{c.group_label(p.index)} · {STEP_TEXTS['indicator.add'].label}",
         answer=_add_answer, skip=lambda c, p: enter_group(c, p.project, p.index + 1),
         resume=lambda c, p: p if p.project < len(c.draft.projects) and p.index < len(c.groups()) else _value_resume(c, p),
         settled=lambda c, p: True, group_help=_group_help, returns=False),
    Step("indicator.cell", "projects[{p}].indicators[{r}].{f}", lambda c, p: cell_read(_row(c, p), p.field),
         question=lambda c, p: _cell_question(c, p.project, _row(c, p), p.field),
         default=lambda c, p: cell_default(c, p.project, _row(c, p), p.field),
         choices=lambda c, p: field_choices(p.field), title=_cell_title_label, live=_cell_live,
         answer=_cell_answer, skip=lambda c, p: _after_cell(c, p, _chain(c, p)), resume=_cell_resume,
         settled=_cell_settled, group_help=cell_help, returns=False),
    Step("indicator.more", "projects[{p}].indicators[{r}].{f}", lambda c, p: cell_read(_row(c, p), p.field),
         question=lambda c, p: _cell_question(c, p.project, _row(c, p), p.field),
         default=lambda c, p: cell_default(c, p.project, _row(c, p), p.field),
         choices=lambda c, p: field_choices(p.field), title=_cell_title_label, live=_cell_live,
         answer=_cell_answer, skip=lambda c, p: _after_cell(c, p, _chain(c, p)), resume=_cell_resume,
         settled=_cell_settled, group_help=cell_help, returns=False),
]}
