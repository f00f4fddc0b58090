"""Header facts of a table: the labels (项目名称, 年度资金总额 …), how their amounts are read, and the
shape assembler's half that places them (:class:`FactsMixin`).

Labels come from the field registry (perfdraft/fields.py: every project and department field's label
and aliases), so a field declared there is read on import without touching this module; the table
below only adds the wording real tables print that the registry does not list.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import fields, names, numbers
from ..model import Budget, Draft, Project
from . import kinds
from .glued_amounts import THOUSANDS, glued_total
from .report import ImportFailed, Report

GOAL_COLUMN_HEADS = frozenset({"预期目标", "年初设定目标", "实际完成情况", "实际完成", "完成情况", "全年实际完成情况"})
_RESULT_HEAD = re.compile(r"(?:完成情况|完成情况综述|实际完成)$")


def goal_column_head(text: str) -> bool:
    """预期目标 / 年初设定目标 / 年度总体目标完成情况综述: a head over the goal's text, not the text."""
    t = kinds.squash(text)
    return t in GOAL_COLUMN_HEADS or (len(t) <= 14 and bool(_RESULT_HEAD.search(t)))

if TYPE_CHECKING:
    from .shape import _Open

# Wording of real tables beyond the registry's labels → the fact it names (squashed, without a
# trailing colon or bracketed unit). Short names are the facts the assembler places itself; anything
# else is a field key of the registry.
_VARIANTS: dict[str, str] = {
    "项目名称": "name", "专项名称": "name", "项目(专项)名称": "name", "专项(项目)名称": "name",
    "项目支出名称": "name", "申报项目名称": "name", "项目名": "name",
    "主管部门及编码": "authority", "项目主管部门": "authority",
    "主管部门及其编码": "authority", "区级主管部门": "authority", "市级主管部门": "authority",
    "项目主管单位": "authority", "主管单位名称": "authority", "项目承担单位": "unit", "承担单位": "unit",
    "具体实施单位": "unit", "预算单位": "unit", "申报单位": "unit", "项目单位": "unit",
    "部门(单位)名称": "unit", "部门名称": "unit", "部门": "unit", "单位信息": "unit", "预算部门": "unit",
    "当年资金总额": "total", "资金总额": "total", "项目金额": "total", "年度金额": "total",
    "年度本级预算金额": "total", "本年度申请市财政预算资金": "total",
    "年度金额(提前下达)": "total", "项目总金额": "total", "年度预算金额": "total", "预算金额": "total",
    "本年度预计投入": "total", "全年预算数": "total", "年初预算数": "total", "预算总额": "total", "年度预算总额": "total",
    "部门预算总额": "total",
    # a 绩效目标调整申请表: the adjusted budget is the year's (原预算金额 is what it was)
    "调整后预算金额": "total", "调整后预算数": "total", "调整后金额": "total", "调整后资金总额": "total",
    "中期资金总额": "project.total_amount", "实施周期资金总额": "project.total_amount",
    "实施期资金总额": "project.total_amount", "实施期资金": "project.total_amount", "项目期资金总额": "project.total_amount",
    "本年度下达投资": "total", "年度下达投资": "total", "本年度投资": "total",  # 发改 中央预算内投资
    "其中:本年财政拨款": "fiscal", "其中:当年财政拨款": "fiscal",
    "当年财政拨款": "fiscal", "其中:当年市级财政资金": "fiscal", "本级财政资金": "fiscal", "本级财政拨款": "fiscal",
    "一、预算资金": "fiscal", "公共财政拨款": "fiscal", "其中:财政拨款数": "fiscal", "其中:当年财政拨款数": "fiscal",
    "4.其他资金": "other", "当年其他资金": "other",
    "本年度绩效目标": "goal", "项目年度目标": "goal",
    "年度总体目标": "goal", "年度绩效目标(文字)": "goal", "年度绩效总目标": "goal", "整体目标": "goal",
    "年度总体绩效目标": "goal", "整体绩效目标": "goal",
    "实施期绩效目标": "overall_goal", "项目总体目标": "overall_goal",
    "长期目标": "overall_goal", "中长期绩效目标": "overall_goal",
    "年度": "year", "所属年度": "year", "编制年度": "year",  # a year fact only where a year follows
    **dict.fromkeys(("项目期", "项目实施期", "实施期限", "项目周期", "项目实施周期", "项目起止年限", "项目期限",
                     "起止年限", "项目起止时间", "实施年限", "项目实施期限", "项目起止年度"), "period"),
    # the last line of a cost breakdown (成本构成 | 金额 …) or of a row of money columns (中央 | 省 | 合计)
    "合计": "total",
}
# Registry fields the assembler places itself (budgets, the project's identity, goals).
_OWN = {"project.name": "name", "project.code": "code", "project.authority": "authority", "project.unit": "unit",
        "department.name": "unit", "project.budget.total": "total", "project.budget.fiscal": "fiscal",
        "project.budget.other": "other", "project.goal": "goal", "project.overall_goal": "overall_goal",
        "draft.year": "year"}
_MONEY = ("total", "fiscal", "other")
MONEY_LABELS = {"total": "预算数", "fiscal": "财政资金", "other": "其他资金"}  # a budget field as a note names it


_YEAR4 = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def period_years(value: str) -> tuple[str, str] | None:
    """项目期 '2023年—2025年', '2023-2025', '2023年1月至2025年12月' → ('2023', '2025'); a single year
    ('2025年') is a one-year project; a duration ('3年') or anything else is not read."""
    years = _YEAR4.findall(value)
    if len(years) == 2 and years[0] <= years[1]:
        return years[0], years[1]
    if len(years) == 1 and re.fullmatch(r"\s*20\d\d\s*年?度?\s*", value):
        return years[0], years[0]
    return None


@lru_cache(maxsize=4)
def _labels(registry: fields.RegistryKey) -> tuple[dict[str, str], list[str]]:
    """Label → fact, and the labels long enough to cut glued text at, for one registry (tests swap it)."""
    out = dict(_VARIANTS)
    for f in fields.FIELDS.values():
        if f.owner == "indicator" or f.kind == "special":
            continue
        for label in f.labels:
            key = kinds.squash(label).rstrip(":：")
            # short aliases ('项目') name a column in one table and are plain words in the next
            if len(key) >= 3 or label == f.label:
                out.setdefault(key, _OWN.get(f.key, f.key))
    return out, sorted((k for k in out if len(k) >= 4), key=len, reverse=True)


def fact_labels() -> dict[str, str]:
    return _labels(fields.registry_key())[0]


def _long_labels() -> list[str]:
    return _labels(fields.registry_key())[1]


@lru_cache(maxsize=4)
def _long_prefixes(registry: fields.RegistryKey) -> tuple[str, ...]:
    return tuple(_labels(registry)[1])


def is_money(fact: str) -> bool:
    if fact in _MONEY:
        return True
    f = fields.FIELDS.get(fact)
    return f is not None and f.kind == "money"


# Labels too short to cut glued text at, except right before an amount ('…结算372.88合计814…').
_SHORT_MONEY = re.compile(r"合计(?=[:：]?\d)")
_LABEL_SPLIT = re.compile(r"^((?:其中\s*[:：]\s*)?[^:：]{1,16})[:：]\s*(.+)$", re.S)  # 其中：财政拨款：1110.00 too
_LIST_MARK = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[、．])\s*(?=\S{2,12}[：:])")
_AMONG = re.compile(r"^其中\s*[:：]\s*")
_TRAILING_PAREN = re.compile(r"[(（][^()（）]{1,16}[)）]$")
_UNIT_IN_LABEL = re.compile(r"[(（](?:单位[:：]?|金额单位[:：]?)?(万元|元)[)）]")


def read_number(text: str) -> Decimal | None:
    """A weight or score cell ('10分', '95%') as a number."""
    return numbers.read_decimal(kinds.squash(text).rstrip("分%"))


def _unit(text: str) -> str | None:
    m = _UNIT_IN_LABEL.search(kinds.squash(text))
    return m.group(1) if m else None


def fact_label(text: str) -> tuple[str, str | None, str | None] | None:
    """(fact, inline value, money unit the label names: 万元 / 元 / None) for a header-fact label cell."""
    found = _fact_label(text)
    m = _LIST_MARK.match(text) if found is None else None
    return _fact_label(text[m.end():]) if m else found  # '一、项目名称：…' (one project of a numbered page)


def _fact_label(text: str) -> tuple[str, str | None, str | None] | None:
    t = kinds.squash(text).lstrip("*")
    unit = _unit(t)
    base = _UNIT_IN_LABEL.sub("", t).rstrip(":：")
    labels = fact_labels()
    if base in labels:
        return labels[base], None, unit
    rest = _AMONG.sub("", base)  # 其中：财政资金, as perfdraft's own Markdown and many tables write a part
    if rest != base and rest in labels and is_money(labels[rest]):
        return labels[rest], None, unit
    bare = _TRAILING_PAREN.sub("", base)  # '中期目标（2024年－2026年）', '实施单位（盖章）'
    if bare != base and labels.get(bare) in _PROSE_FACTS:
        return labels[bare], None, unit
    # '资金总额222.45': a label glued to its amount; one C-level prefix test first (most cells have none)
    for lab in _long_labels() if base.startswith(_long_prefixes(fields.registry_key())) else ():
        if base.startswith(lab) and is_money(labels[lab]) and re.fullmatch(r"\d[\d,.]*(?:万元|万|元)?", base[len(lab):]):
            return labels[lab], base[len(lab):], unit
    m = _LABEL_SPLIT.match(text.strip())
    if m:
        key = _UNIT_IN_LABEL.sub("", kinds.squash(m.group(1)).lstrip("*"))
        if key not in labels and _AMONG.sub("", key) in labels and is_money(labels[_AMONG.sub("", key)]):
            key = _AMONG.sub("", key)
        if key in labels:
            inline = m.group(2).strip()
            inner = _fact_label(inline) if inline and inline != text.strip() else None
            if inner is not None and inner[1] is None and is_money(inner[0]) == is_money(labels[key]):
                # '项目资金：年度资金总额' | 856.00: the heading names the label whose amount follows
                return inner[0], None, unit or _unit(m.group(1)) or inner[2]
            return labels[key], inline, unit or _unit(m.group(1))
    return None


def read_amount(text: str) -> tuple[Decimal, str | None] | None:
    """An amount in 元 and the unit the cell itself wrote (None for a bare number): '854万854万' (the
    same amount twice), '1,600.00', '160万元' read right; None when the cell is not an amount."""
    t = kinds.squash(text).rstrip("。")
    # 86万元（中央…补助资金60万元，县级配套资金26万元）: the amount, then what it is made of
    t = re.sub(r"^([\d,.]+(?:万元|亿元|元|万))[（(][^（()）]*[)）]$", r"\1", t)
    n = len(t)
    if n >= 4 and n % 2 == 0 and t[: n // 2] == t[n // 2:]:
        t = t[: n // 2]
    read = numbers.read_money(t)
    if read is None:
        return None
    amount, unit = read
    return amount, (unit if re.search(r"[万亿元]$", t) else None)


def _label_cut(c: str, nxt: str) -> bool:
    """A header-fact label cut across two cells (年度 | 目标 = 年度目标): the halves alone are no label,
    or only the year fact 年度 is."""
    whole = fact_label(c.strip() + nxt.strip())
    if whole is None or whole[0] == "year" or whole[1] is not None or fact_label(nxt) is not None:
        return False
    alone = fact_label(c)
    return alone is None or (alone[0] == "year" and alone[1] is None)


# --- placing facts (the shape assembler's header half) ---------------------------------------------------------

# Facts whose text is prose: cut at its spaces by a space-separated layout (or its items one a line),
# the pieces are joined back where the cut is plainly inside the text.
_PROSE_FACTS = ("goal", "overall_goal", "project.purpose", "project.basis_text", "department.overall_goal")
GOAL_FACTS = ("goal", "overall_goal")  # side by side (中期目标 | 年度目标), their texts follow in that order
_OPEN_SENTENCE = (",", "，", "、", ";", "；", ":", "：")
# A list item's marker, by kind: 目标1: / 1、 / (1) / 一、 (a line of another kind is the next section).
_LIST_ITEM = re.compile(r"^(?:(?P<goal>(?:目标|任务)\s*\d{1,2})|(?P<digit>\d{1,2}\s*[、.．:：)）])|(?P<paren>[（(]\d{1,2}[)）])"
                        r"|(?P<cn>[一二三四五六七八九十]{1,2}[、.．]))")


def _marker(text: str) -> str | None:
    m = _LIST_ITEM.match(text.strip())
    return m.lastgroup if m else None
_CODE_PREFIX = re.compile(r"^[\[【(（]?\d{2,9}[\]】)）]?\s*[-－]?")


# A column head that is only a word and its money unit ('预算（万元）', '金额(元)'): never a fact's value.
_UNIT_HEAD = re.compile(r"[^\d（(]{1,8}[（(](?:单位[:：])?(?:万元|元|千元|亿元)[)）]")


class FactsMixin:
    """Header facts for :class:`~.shape.Shape`: a label and the value after it, or glued text cut at labels."""

    draft: Draft
    project: Project | None
    report: Report
    grid: bool
    wan: bool
    pending: tuple[str, str | None, str] | None
    continued: tuple[str, str, bool] | None  # a prose fact just read, its line, and whether a list goes on
    title_years: Counter[int]
    cur: _Open | None
    money_cols: list[str | None] | None  # money column heads of the header block, in order
    money_before_name: list[tuple[str, str]]  # amounts set on a project before it named itself
    money_skip: list[str | None]  # of those, the ones still to pass on the current money row
    goal_queue: list[str]  # goal heads side by side, waiting for their texts

    def _note(self, text: str, where: str) -> None:  # pragma: no cover - defined by Shape
        raise NotImplementedError

    def _close(self) -> None:  # pragma: no cover - defined by Shape
        raise NotImplementedError

    def _money_heads(self, cells: list[str | None]) -> None:
        """A row of money column heads (中期资金总额 | 年度资金总额; 年初预算数 | 全年预算数 | 全年执行数):
        the amounts under them are read by column, the year's budget from the first 年度 column."""
        texts = [c for c in cells if c and c.strip()][1:]  # the first cell labels the row (项目资金（万元）)
        heads = [fact_label(c) for c in texts]
        money = [k for k, h in enumerate(heads) if h is not None and h[1] is None
                 and h[0] in ("total", "project.total_amount")]  # one amount at two times, not its parts
        if len(money) < 2 or any(read_amount(c) is not None for c in texts):
            return
        cols = [h[0] if h is not None else None for h in heads[money[0]:]]
        self.money_cols = cols if "total" in cols else None

    def _money_column(self, fld: str) -> None:
        """A money label under remembered heads: the amounts before the year's column are skipped (the
        中期 总额 is kept as the project's total over its period)."""
        cols = self.money_cols
        self.money_skip = [] if cols is None or fld not in _MONEY else cols[: cols.index("total")]

    def _fact(self, c: str, where: str) -> bool:
        skip = self.money_skip
        if skip and self.pending is not None and read_amount(c) is not None:
            head = skip.pop(0)
            if head == "project.total_amount" and self.pending[0] == "total":
                self._set_fact(head, c, self.pending[1], where)
            return True
        lab = fact_label(c)
        continued, self.continued = self.continued, None
        if lab is None and continued is not None:
            same_line = continued[1] == where
            if self._continues(continued, c, same_line) and self._append_prose(continued[0], c, " " if same_line else "\n"):
                self.continued = (continued[0], where, True)  # '年度目标 围绕…: 目标1:… 目标2:…' cut at its spaces
                return True
        queue, self.goal_queue = self.goal_queue, []
        if lab is None and queue and not kinds.value_like(c) and len(kinds.squash(c)) >= 4:
            self._set_prose_or_fact(queue[0], c, None, where)  # 中期目标 | 年度目标 over their two texts
            self.goal_queue = queue[1:]
            return True
        if lab is not None and lab[0] in GOAL_FACTS and lab[1] is None and self.pending is not None \
                and self.pending[0] in GOAL_FACTS and self.pending[0] != lab[0]:
            self.goal_queue, self.pending = [self.pending[0], lab[0]], None
            return True
        if lab is not None:
            fld, inline, unit = lab
            self._money_column(fld)
            if unit == "万元":
                self.wan = True
            if inline:
                if self._set_prose_or_fact(fld, inline, unit, where):
                    return True
                # '项目资金（万元）：年度资金总额 2868.40，其中：财政拨款 2868.40，其他资金 0.00': the labels inside
                return is_money(fld) and self._glued_facts(inline, where, sure=True)
            self.pending = (fld, unit, where)
            return True
        if len(c) < 30 and re.search(r"[(（]\s*(?:单位[:：])?\s*万元\s*[)）]|单位[:：]?\s*万元", kinds.squash(c)):
            self.wan = True
        if self.pending is not None and self.pending[0] == "goal" and goal_column_head(c):
            return True  # a head over the goal's text: the text is still to come
        if self.pending is not None:
            fld, unit, _ = self.pending
            # a label of its own: the pending one headed a block (项目资金(万元)); a sentence ending in a
            # colon (…达成以下目标:) is the text
            if re.search(r"[:：]\s*$", c) and len(kinds.squash(c)) <= 16 or _UNIT_HEAD.fullmatch(kinds.squash(c)):
                # … and a column's head with its unit (项目名称 | 预算（万元）: a list's header row)
                self.pending = None
                return False
            if self._set_prose_or_fact(fld, c, unit, where):
                self.pending = None
                return True
            if not is_money(fld):
                self.pending = None
        return False

    def _set_prose_or_fact(self, fld: str, value: str, unit: str | None, where: str) -> bool:
        done = self._set_fact(fld, value, unit, where)
        if done and fld in _PROSE_FACTS:
            self.continued = (fld, where, False)
        return done

    def _prose_owner(self, fld: str) -> object | None:
        if fld in ("goal", "overall_goal"):
            return self.project
        return {"department": self.draft.department, "draft": self.draft}.get(fields.FIELDS[fld].owner, self.project)

    def _prose_text(self, fld: str) -> str | None:
        owner = self._prose_owner(fld)
        if owner is None:
            return None
        return getattr(owner, fld) if fld in ("goal", "overall_goal") else fields.FIELDS[fld].get(owner)

    def _continues(self, continued: tuple[str, str, bool], cell: str, same_line: bool) -> bool:
        """Text cut at its spaces: a sentence left open (…精准服务, | 针对…), a 文号 after the title it
        belongs to (《…通知》 | 皖政办秘〔2016〕190号), or a list the text introduces or is listing
        (…达成以下目标: | 目标1:… | 目标2:…, the items also one a line). Another column of the row (年初目标 |
        实际完成情况) follows a finished sentence or a heading, and is not joined."""
        fld, _, listing = continued
        so_far = (self._prose_text(fld) or "").rstrip()
        item = _marker(cell)
        if not same_line:  # the next line: an item of the same kind as the line before
            return item is not None and item == _marker(so_far.split("\n")[-1])
        if item is not None and (listing or so_far.endswith((":", "：")) or _marker(so_far) is not None):
            return True
        return so_far.endswith(_OPEN_SENTENCE) or (so_far.endswith("》") and bool(names.DOC_NUMBER.match(cell)))

    def _append_prose(self, fld: str, value: str, sep: str) -> bool:
        """A later piece of a prose fact's text: after the space it was cut at, or the next line's item."""
        owner = self._prose_owner(fld)
        if kinds.signoff(value) or owner is None:
            return False
        old = self._prose_text(fld)
        text = f"{old}{sep}{value}" if old else value
        if fld in ("goal", "overall_goal"):
            setattr(owner, fld, text)
        else:
            fields.FIELDS[fld].set(owner, text)
        return True

    def _glued_facts(self, text: str, where: str, sure: bool) -> bool:
        """Header facts of glued text: cut before each known label, then read label and value."""
        t = kinds.squash(text)
        longs = _long_labels()
        spans = {(m.start(), m.end()) for lab in longs for m in re.finditer(re.escape(lab), t)}
        # a label inside a longer one (预算金额 in 调整后预算金额) is no label of its own
        hits = sorted({a for a, b in spans if not any(x <= a and b <= y and (x, y) != (a, b) for x, y in spans)} |
                      {m.start() for m in _SHORT_MONEY.finditer(t)})
        if not hits or (not sure and len(hits) < 2):
            return False
        starts = [0, *hits]
        pieces = [(a, t[a:b]) for a, b in zip(starts, [*hits, len(t)], strict=True) if t[a:b]]
        # the text as written (full-width ，。 kept) where squashing changed no character's place
        written = re.sub(r"[\s★☆]+", "", text)
        written = written if len(written) == len(t) else t
        for k, (start, piece) in enumerate(pieces):
            lab = next((x for x in longs if piece.startswith(x)), None)
            if lab in (None, piece) and k + 1 < len(pieces) and any(
                    (piece + pieces[k + 1][1]).startswith(x) and len(x) > len(piece) for x in longs):
                continue  # '年度' cut off 年度绩效目标: the label goes on in the next piece
            if lab is None and _SHORT_MONEY.match(piece):
                lab = "合计"
            if lab is not None and is_money(fact_labels()[lab]) and t[:start].endswith(("原", "调整前")):
                self._note(piece, where)  # 原预算金额：1,260.00 beside 调整后预算金额: what it was
                continue
            if lab is None:
                self._note(piece, where)
                continue
            rest = piece[len(lab):].lstrip(":：")
            fld = fact_labels()[lab]
            unit = _unit(rest[:8]) if re.match(r"^[(（]", rest) else None
            rest = _UNIT_IN_LABEL.sub("", rest, count=1) if unit else rest
            unit = unit or ("万元" if "万元" in lab else None)
            if is_money(fld):
                # '64.864.864.8…': 年初/全年预算数 and 执行数 glued; see glued_total. A sentence's
                # 资金总额4,268.35万元 has its thousands separators (read as 4)
                rest = THOUSANDS.sub("", rest)
                amount = glued_total(rest, t[:start])
                if amount is not None:
                    amount += re.match(r"(?:万元|万|元)?", rest[len(amount):]).group(0)  # type: ignore[union-attr]
                else:
                    again = re.search(r"(\d+\.\d+)\1", rest)
                    amount = again.group(1) if again else None
                if amount and self._set_fact(fld, amount, unit, where):
                    continue
            elif rest and fld in _PROSE_FACTS and not unit:
                said = written[start + len(piece) - len(rest):start + len(piece)]
                if self._set_fact(fld, said, unit, where):
                    continue
            elif rest and self._set_fact(fld, rest, unit, where):
                continue
            self._note(piece, where)
        return True

    def _set_fact(self, fld: str, value: str, unit: str | None, where: str) -> bool:
        if is_money(fld):
            return self._set_money(fld, value, unit, where)
        if kinds.signoff(value) or fact_label(value) is not None:
            return False
        if fld == "year":
            m = re.search(r"(?<!\d)(20\d\d)(?!\d)", value)
            if m is None:
                return False
            self.title_years[int(m.group(1))] += 5  # 预算年度：2025 says it outright
        elif fld == "name":
            if self.project is not None and (self.project.name or self.project.indicators):
                self._new_project()
            p = self._project_for_fact()
            if p.name is None and p.code is None and self.money_before_name:
                # amounts read before any project named itself (a budget table's 合计, a 收支总表 of the
                # department's document) are not this project's: they go back to the notes
                for text, where in self.money_before_name:
                    self._note(text, where)
                p.budget = Budget()
                p.confirm = [c for c in p.confirm if c != "budget"]  # the doubt was about that amount
            self.money_before_name = []
            p.name = value
        elif fld in ("authority", "unit"):
            d = self.draft.department
            if d.name is None:
                d.name = _CODE_PREFIX.sub("", value).strip() or value
            self._keep(self._project_for_fact(), fld, value)
        elif fld == "goal" and goal_column_head(value):
            return False  # 年度总体目标 | 预期目标 | 实际完成情况: the text comes after these heads
        elif fld == "goal":
            p = self._project_for_fact()
            p.goal = f"{p.goal}\n{value}" if p.goal else value
        elif fld in ("code", "overall_goal"):
            self._keep(self._project_for_fact(), fld, value)
        elif fld == "period":
            years = period_years(value)
            if years is None:
                return False
            p = self._project_for_fact()
            if p.period_start is None and p.period_end is None:
                p.period_start, p.period_end = years
        elif fld == "project.doc_number" and not names.DOC_NUMBER.search(value):
            return False  # '文 号' beside a page's title: no 〔2021〕12号, no 文号
        else:  # any other field of the registry: the first value read is kept
            f = fields.FIELDS[fld]
            try:
                parsed = fields.parse(f, value)
            except fields.FieldValueError:
                return False
            owner = {"department": self.draft.department, "draft": self.draft}.get(f.owner) or self._project_for_fact()
            if f.get(owner) is None:
                f.set(owner, parsed)
        return True

    def _set_money(self, fld: str, value: str, unit: str | None, where: str) -> bool:
        read = read_amount(value)
        if read is None and numbers.too_large(kinds.squash(value)):
            raise ImportFailed(f"{where}：金额“{value}”超出范围（金额应小于 10^15 元），请核对该单元格")
        if read is None:
            return False
        amount, written = read
        p = self._project_for_fact()
        f = None if fld in _MONEY else fields.FIELDS[fld]
        had = getattr(p.budget, fld) if f is None else f.get(p)
        if had is not None and not (fld in ("fiscal", "other") and p.budget.total is not None and had > p.budget.total):
            # 全年预算数 after 年初预算数: the first amount of the row is the budget (but a part above the
            # year's total was the 中期 column's: 中期 68.50 | 年度 51.35 over 财政拨款 68.50 | 51.35)
            return True
        if written is None and (unit == "万元" or unit is None and self.wan):
            amount = amount * 10000
            self.report.note("money-wan", "金额以万元填写，已换算为元", where)
        elif written is None and unit is None and amount < 100000:
            # the 项目资金 block of these templates is in 万元 even where the header lost it
            amount = amount * 10000
            self.report.note("money-wan?", "金额未注明单位，按表格通行的万元换算为元，请核对", where)
            if "budget" not in p.confirm:
                p.confirm.append("budget")
        elif written in ("万", "万元", "亿", "亿元"):
            self.report.note("money-wan", "金额以万元填写，已换算为元", where)
        if f is None:
            setattr(p.budget, fld, amount)
        else:
            f.set(p, amount)
        if p.name is None and p.code is None and f is None:
            self.money_before_name.append((f"{MONEY_LABELS[fld]}：{value}", where))
        return True

    def _keep(self, p: Project, attr: str, value: str) -> None:
        if getattr(p, attr) is None:
            setattr(p, attr, value)

    def _project_for_fact(self) -> Project:
        if self.project is None or (self.project.indicators and not self.grid):
            return self._new_project()
        return self.project

    def _new_project(self) -> Project:
        self._close()
        p = Project()
        self.draft.projects.append(p)
        self.project = p
        self.wan = False
        self.money_before_name = []
        self._reset_grid()
        return p

    def _reset_grid(self) -> None:  # pragma: no cover - defined by Shape
        raise NotImplementedError
