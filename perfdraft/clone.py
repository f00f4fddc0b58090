"""``perfdraft clone LAST.toml -o NEW.toml [--year Y]``: last year's draft as this year's starting point.

What a clone does, and why:

* copies the department and every project (codes, names, money, plan, texts, indicators, notes);
* moves each 指标值 into ``last_year`` (上年指标值, the yardstick of PD222) and keeps it as this year's
  proposal, unchanged: a value is never guessed;
* moves the budget year on in names and texts (``2020年`` → ``2021年``) where a year is followed by
  年 and is not part of a 文号 (``冀人社规[2019]2号``, ``〔2019〕`` are bracketed and never followed by
  年) or of a range (``2019-2020年``); every change is listed for review;
* marks every carried-over field "to confirm" in ``project.confirm`` (``purpose``, ``goal``,
  ``overall_goal`` (中期目标), ``basis_text`` (立项依据), ``budget``, ``spending_plan``, ``doc_number``,
  ``indicators[3].value``, ``indicators[3].weight`` and each text whose year moved), so that the
  editor and the checker can ask the user about each one; the project header (类别, 性质, 主管部门,
  实施单位, 项目期, 项目总额) and the 中期 rows are carried as they are;
* moves 上年值 to 前年值 (``prev_year``) and drops last year's 实际完成值 and 得分;
* department texts have no confirm list: their year changes are noted in the draft's ``notes``.

Values that still name last year (``2020年12月底前``) are left as they are and reported, and so are texts
giving a figure as of an earlier year's end (``截至2019年底参保5.2万人``): the year and the figure go together.
"""

from __future__ import annotations

import argparse
import copy
import re
from dataclasses import dataclass
from pathlib import Path

from . import drafts
from .model import Draft, Indicator

_RANGE_OR_DIGIT = r"(?<![\d\-~～—－至到])"
# ... nor inside a code or a number (编号ZX2020年01, 第2020年号): those are names, not this year's dates
_NOT_IN_CODE = r"(?<![A-Za-z第])"
# A figure as of an earlier year's end (截至2020年底全县参保5.2万人): neither its year nor its figure may be
# moved on by guessing, so the text is listed and asked again (a policy's year, 2019年出台, is not).
_AS_OF = re.compile(r"(?:截至|截止)到?\s*(20\d\d)\s*年|(?<!\d)(20\d\d)\s*年\s*(?:底|末|12月底|12月末|12月31日)")


@dataclass(frozen=True)
class YearChange:
    path: str
    before: str
    after: str
    count: int = 1  # years changed in this one text

    def text(self, draft: Draft) -> str:
        """The change where people find it: ``项目 1 · 第 5 条「…」· 指标值：…2020年… → …2021年…``."""
        from .places import place_text

        more = f"（此处共改 {self.count} 个年份）" if self.count > 1 else ""
        return f"{place_text(draft, self.path)}：{_snippet(self.before, self.after)}{more}"


def _snippet(before: str, after: str, width: int = 18) -> str:
    """The first changed place, with a little context: …预计2020年参保… → …预计2021年参保…"""
    i = 0
    while i < min(len(before), len(after)) and before[i] == after[i]:
        i += 1
    start = max(0, i - width // 2)
    a, b = before[start:i + width // 2], after[start:i + width // 2]
    lead = "…" if start else ""
    return f"{lead}{a}… → {lead}{b}…"


def shift_year(text: str, old: int, new: int) -> tuple[str, int]:
    """Replace the budget year ``old`` by ``new`` where it is followed by 年 (not in a 文号 or range)."""
    pattern = re.compile(_RANGE_OR_DIGIT + _NOT_IN_CODE + str(old) + r"(?=\s*年)")
    return pattern.subn(str(new), text)


class _Cloner:
    def __init__(self, old: int | None, new: int):
        self.old, self.new = old, new
        self.changes: list[YearChange] = []
        self.stale: list[tuple[str, str]] = []  # (path, text): values naming last year, as-of texts

    def text(self, value: str | None, path: str) -> tuple[str | None, bool]:
        if value is None or self.old is None:
            return value, False
        shifted, n = shift_year(value, self.old, self.new)
        if n:
            self.changes.append(YearChange(path, value, shifted, n))
        as_of = any(int(m.group(1) or m.group(2)) < self.old for m in _AS_OF.finditer(shifted))
        if as_of:
            self.stale.append((path, shifted))
        return shifted, bool(n) or as_of

    def indicator(self, ind: Indicator, path: str, rel: str | None = None, confirm: list[str] | None = None) -> None:
        """Move ``ind`` on a year; ``path`` names it in the report, ``rel`` in the project's confirm list."""
        changed = []
        for key in ("name", "description", "formula", "note", "scoring", "value_note"):
            value, moved = self.text(getattr(ind, key), f"{path}.{key}")
            setattr(ind, key, value)
            if moved:
                changed.append(key)
        if ind.basis is not None and ind.basis.note:
            ind.basis.note, moved = self.text(ind.basis.note, f"{path}.basis.note")
            if moved:
                changed.append("basis")
        ind.prev_year = ind.last_year if ind.last_year is not None else ind.prev_year
        ind.last_year = ind.value
        ind.actual, ind.score = None, None  # last year's self-evaluation results are not this year's
        if ind.value is not None and self.old is not None and re.search(
                _RANGE_OR_DIGIT + str(self.old) + r"\s*年", ind.value):
            self.stale.append((f"{path}.value", ind.value))
        if confirm is not None and rel is not None:
            if ind.value is not None:
                confirm.append(f"{rel}.value")
            if ind.weight is not None:  # weights follow this year's rows
                confirm.append(f"{rel}.weight")
            confirm.extend(f"{rel}.{key}" for key in changed)


def clone_with_report(draft: Draft, year: int | None = None) -> tuple[Draft, list[YearChange], list[tuple[str, str]]]:
    """The new draft, each year change made, and the values and texts left naming an earlier year."""
    old = draft.year
    if year is None:
        if old is None:
            raise drafts.DraftError("原草稿没有预算年度，请用 --year 指定新草稿的年度")
        year = old + 1
    if old is not None and year == old:
        raise drafts.DraftError(f"新年度 {year} 与原草稿相同；克隆用于生成下一年度的草稿")
    if old is not None and year < old:
        # every 2020 in the texts would become 2019: last year's draft is a clone's source, not its target
        raise drafts.DraftError(f"新年度 {year} 早于原草稿的 {old} 年；克隆用于生成以后年度的草稿（如 --year {old + 1}）")
    new = copy.deepcopy(draft)
    new.year = year
    if hasattr(new, "resume"):
        new.resume = None  # where last year's session stopped means nothing for the new draft
    c = _Cloner(old, year)
    d = new.department
    dept_changes_from = len(c.changes)
    d.name, _ = c.text(d.name, "department.name")
    d.overall_goal, _ = c.text(d.overall_goal, "department.overall_goal")
    d.safeguards, _ = c.text(d.safeguards, "department.safeguards")
    for gi, g in enumerate(d.sub_goals):
        g.text, _ = c.text(g.text, f"department.sub_goals[{gi}].text")
        for ii, ind in enumerate(g.indicators):
            c.indicator(ind, f"department.sub_goals[{gi}].indicators[{ii}]")
    for ii, ind in enumerate(d.indicators):
        c.indicator(ind, f"department.indicators[{ii}]", None)
    for ch in c.changes[dept_changes_from:]:
        new.notes.append(f"年份已由 {old} 改为 {year}，请复核：{ch.text(new)}")
    for pi, p in enumerate(new.projects):
        confirm: list[str] = []
        p.name, name_moved = c.text(p.name, f"projects[{pi}].name")
        if name_moved:
            confirm.append("name")
        for key in ("purpose", "goal", "overall_goal", "basis_text"):
            value, _ = c.text(getattr(p, key), f"projects[{pi}].{key}")
            setattr(p, key, value)
            if value is not None:
                confirm.append(key)
        if p.doc_number is not None:
            confirm.append("doc_number")
        if any(v is not None for v in (p.budget.total, p.budget.fiscal, p.budget.other)):
            confirm.append("budget")
        if p.spending_plan is not None and not p.spending_plan.is_blank():
            confirm.append("spending_plan")
        for ii, ind in enumerate(p.indicators):
            c.indicator(ind, f"projects[{pi}].indicators[{ii}]", f"indicators[{ii}]", confirm)
        p.confirm = list(dict.fromkeys(list(p.confirm) + confirm))
    return new, c.changes, c.stale


def clone_draft(draft: Draft, year: int | None = None) -> Draft:
    """Last year's draft as this year's: values kept and copied to ``last_year``, years moved on,
    every carried-over field listed in ``project.confirm``."""
    return clone_with_report(draft, year)[0]


def load_last_year(path: Path) -> Draft:
    """Last year's draft; a table that is no draft (a .txt, an xlsx) is pointed to the import."""
    try:
        return drafts.load(path)
    except drafts.DraftError as exc:
        try:
            with open(path, "rb") as fh:
                head = fh.read(4096)
        except OSError:
            raise exc from None
        if path.suffix.lower() != ".toml" or b"schema" not in head:
            raise drafts.DraftError(f"{path}：不是 perfdraft 草稿，不能克隆；去年的表格（xlsx、xls、docx、doc、PDF 或文本）请先导入："
                                    f"perfdraft import {path.name} -o 去年.toml，或在开始界面选“导入去年的表格”") from None
        raise


def summary(last: Draft, new: Draft, changes: list[YearChange], stale: list[tuple[str, str]], src: str, out: str) -> list[str]:
    """What a clone made, carried and changed, and what is left to confirm: the same words on the
    command line and in the TUI."""
    values = sum(1 for p in new.projects for i in p.indicators if i.last_year is not None)
    confirm = sum(len(p.confirm) for p in new.projects)
    lines = [f"已由 {last.year if last.year is not None else '（未定）'} 年度草稿 {src} 生成 {new.year} 年度草稿 {out}：",
             f"  {len(new.projects)} 个项目；{values} 个指标值已复制到“上年指标值”，本年指标值暂与去年相同，请逐项确认",
             f"  沿用去年的内容 {confirm} 处待确认：打开草稿时逐项请你确认（/all 一次确认一个项目沿用的全部内容）"]
    if changes:
        lines.append(f"  年份改动 {sum(ch.count for ch in changes)} 处（{last.year}年 → {new.year}年；文号、编号中的年份未改），请复核：")
        lines.extend(f"    {ch.text(new)}" for ch in changes)
    else:
        lines.append("  名称和文字中没有需要改动的年份")
    d = new.department
    carried = [what for what, there in (("总体目标", d.overall_goal), ("分项目标", d.sub_goals), ("保障措施", d.safeguards),
                                        ("部门预算", d.budget is not None and d.budget.total is not None),
                                        ("部门整体指标", d.indicators)) if there]
    if carried:
        # the department part has no list to confirm: said, so that last year's goal and budget are not
        # exported as this year's unread
        lines.append(f"  部门部分（{'、'.join(carried)}）按去年原样复制，不在逐项确认之列，请改为今年的内容："
                     "/jump 部门总体目标、/jump 部门预算合计")
    from .places import place_text

    dates = [(path, value) for path, value in stale if path.endswith(".value")]
    texts = [(path, value) for path, value in stale if not path.endswith(".value")]
    if dates:
        lines.append(f"  以下指标值仍写着 {last.year} 年的日期，草稿中未改动；逐条确认时建议值已按 {new.year} 年改写，请核对：")
        lines.extend(f"    {place_text(new, path)}：“{value}”" for path, value in dates)
    if texts:
        lines.append("  以下文字写的是往年年底的数据（截至…年底），年份和数字都未改动，请按最新数据改写：")
        lines.extend(f"    {place_text(new, path)}：“{_as_of_snippet(value)}”" for path, value in texts)
    return lines


def _as_of_snippet(text: str, width: int = 24) -> str:
    m = _AS_OF.search(text)
    start = max(0, m.start() - 4) if m else 0
    return ("…" if start else "") + text[start:start + width] + ("…" if len(text) > start + width else "")


def cmd_clone(args: argparse.Namespace) -> int:
    from .errors import EXIT_OK, UsageError

    src, out = Path(args.file), Path(args.output)
    if out.is_dir():
        raise UsageError(f"{out}：是一个目录；请给出新草稿的文件名，如 {out / (src.stem + '-新年度.toml')}")
    if out.exists() or out.is_symlink():
        raise UsageError(f"{out}：文件已存在，未覆盖（克隆不会改写已有草稿，请换一个文件名）")
    directory = out.parent if str(out.parent) else Path(".")
    if not directory.is_dir():
        raise UsageError(f"{out}：目录 {directory} 不存在")
    year = getattr(args, "year", None)
    if year is not None and (problem := drafts.check_year(year)):
        raise UsageError(f"--year {year}：{problem}")  # it had been said as the new file's: c.toml：year 年份 …
    last = load_last_year(src)
    new, changes, stale = clone_with_report(last, year)
    drafts.save(new, out)
    for line in summary(last, new, changes, stale, str(src), str(out)):
        print(line)
    return EXIT_OK
