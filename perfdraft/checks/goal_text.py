"""A project's texts (资金用途, 绩效目标) against its rows: counts the text names that no row carries (PD303),
and counts the text sets as floors that a row caps (PD207)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from .. import numbers
from ..model import Indicator, Project
from ..values import ParseError, Quantity, Value, format_number
from .finding import Finding, _f
from .words import COUNT_IN_TEXT, COUNT_UNIT_SAME


@lru_cache(maxsize=65536)
def _chars(text: str) -> frozenset[str]:
    return frozenset(text)


def similar(a: str, b: str) -> float:
    sa, sb = _chars(a), _chars(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))



Row = tuple[tuple[str | None, str | None], Indicator, "Value | ParseError"]  # (canonical 一级, 二级), the row, its value


def number_agreement(project: Project, rows: list[Row], path: str,
                     texts: tuple[tuple[str, str], ...] = (("purpose", "purpose"), ("goal", "goal"))) -> Iterator[Finding]:
    """PD303: counts in 资金用途/绩效目标 that no indicator carries, where indicators in that unit exist.
    ``texts``: (the project's attribute read, the field a finding names) — a department's 总体目标 is read
    through a project holding it as its goal."""
    values_by_unit: dict[str, set[Decimal]] = {}
    for _, _ind, v in rows:
        if isinstance(v, Quantity):
            values_by_unit.setdefault(v.unit, set()).add(v.number)
    for attr, field in texts:
        text = getattr(project, attr) or ""
        parts = _breakdowns(text, values_by_unit)
        for m in COUNT_IN_TEXT.finditer(text):
            n, unit = numbers.read_decimal(m.group(1)), COUNT_UNIT_SAME.get(m.group(2), m.group(2))
            if n is None or n < 10 or unit not in values_by_unit or n in values_by_unit[unit]:
                continue
            if any(a <= m.start() < b for a, b in parts):
                continue
            if any(n + other in values_by_unit[unit] for other in _counts_in(text, unit) if other != n) or \
                    _part_of_listed_whole(text, m.start(), unit, n, values_by_unit[unit]):
                continue  # 2个市级场馆和55个乡镇综合文化站 against =57个: parts of the row's whole
            shown = "、".join(f"{format_number(x)}{unit}" for x in sorted(values_by_unit[unit]))
            # the row the sentence speaks of, when one clearly does (组织800名青年参加就业见习 ~ 参加就业见习人数)
            around = _clause_around(text, m.start(), m.end())
            same = [(i, ind) for i, (_, ind, v) in enumerate(rows)
                    if isinstance(v, Quantity) and v.unit == unit and (ind.scope or "annual") == "annual"]
            best = max(same, key=lambda t: similar(t[1].name or "", around), default=None)
            where = f"{path}.{field}"
            row_value = rows[best[0]][2] if best is not None else None
            ratio = n / max(row_value.number, Decimal("0.0001")) if isinstance(row_value, Quantity) else Decimal(0)
            if best is not None and similar(best[1].name or "", around) >= 0.6 and \
                    sum(1 for _, ind in same if similar(ind.name or "", around) >= 0.6) == 1 and (
                    Decimal("0.5") < ratio < 2
                    # twice or half the row's figure (the 中期 figure typed as the 年度 one): only where the
                    # words just before the count are the row's own (衬砌改造42公里 ~ 骨干渠道衬砌改造长度)
                    or ((Decimal("0.25") < ratio < 4 or ratio in _DIGIT_SLIPS)
                        and _named_before(text, m.start(), best[1].name or ""))):
                where = f"{path}.indicators[{best[0]}].value"
            elif (swapped := _transposed(n, same, rows)) is not None:
                where = f"{path}.indicators[{swapped}].value"  # 1580人 in the text, ≥1850人 in the row: digits swapped
            period = _period_figure(project, field, unit, n, same, rows)
            if where == f"{path}.{field}" and period is not None:
                i, typed = period  # 改造老旧小区数量 ≥24个 where the 年度目标 says 11个 and the 中期目标 24个
                yield _f("PD303", f"{path}.indicators[{i}].value",
                         f"指标值 {typed} 是中期（实施期）目标的数，年度目标写的是 {m.group(0)}",
                         f"年度指标值写本年度要完成的数，如 ≥{m.group(1)}{unit}")
                continue
            yield _f("PD303", where, f"{'资金用途' if field == 'purpose' else '绩效目标'}中的 {m.group(0)} 与指标值（{shown}）不一致",
                     "请统一文字与指标值")


def _transposed(n: Decimal, same: list[tuple[int, Indicator]], rows: list[Row]) -> int | None:
    """The one row whose figure has the text's digits in another order (1580 / 1850): a typing slip that
    says which row the sentence means, whatever its wording."""
    digits = sorted(str(n).replace(".", ""))
    if len(digits) < 3:
        return None
    hits = [i for i, _ in same if isinstance(v := rows[i][2], Quantity) and v.number != n
            and sorted(str(v.number).replace(".", "")) == digits]
    return hits[0] if len(hits) == 1 else None


def _period_figure(project: Project, field: str, unit: str, n: Decimal, same: list[tuple[int, Indicator]],
                   rows: list[Row]) -> tuple[int, str] | None:
    """The one annual row whose figure is the 中期目标's, not the 年度目标's (a two-year project's total
    typed as this year's), when the 年度目标's count ``n`` is not in the 中期目标."""
    overall = project.overall_goal or ""
    if field != "goal" or not overall:
        return None
    period = _counts_in(overall, unit)
    if n in period:
        return None
    hits = [(i, ind.value or "") for i, ind in same
            if isinstance(v := rows[i][2], Quantity) and v.number in period and v.number > n]
    return hits[0] if len(hits) == 1 else None


def _counts_at(text: str, unit: str, left: int = 0, right: int | None = None) -> list[tuple[int, Decimal | None]]:
    """(where, figure) of each count in ``unit`` in ``text[left:right]``."""
    return [(c.start(), numbers.read_decimal(c.group(1)))
            for c in COUNT_IN_TEXT.finditer(text, left, len(text) if right is None else right)
            if COUNT_UNIT_SAME.get(c.group(2), c.group(2)) == unit]


def _counts_in(text: str, unit: str) -> list[Decimal]:
    return [n for _, n in _counts_at(text, unit) if n is not None]


_CLAUSE_MARK = re.compile(r"[，,；;。！？、]")
_SENTENCE_MARK = re.compile(r"[；;。！？\n]")
_LISTED_BEFORE = re.compile(r"(?:[、和及与]|以及)\s*$")


def _part_of_listed_whole(text: str, start: int, unit: str, n: Decimal, wholes: set[Decimal]) -> bool:
    """A count listed with others of its kind: 1个图书馆、1个文化馆和19个文化站 against =21个 (a run of
    counts in one sentence adding up to a row), or 县图书馆、县文化馆和19个文化站 (the last of a list whose
    other items are not counted, below the row's whole)."""
    if _LISTED_BEFORE.search(text[max(0, start - 3):start]) and any(n < whole for whole in wholes):
        return True
    left = max((m.end() for m in _SENTENCE_MARK.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _SENTENCE_MARK.finditer(text, start)), len(text))
    counts = _counts_at(text, unit, left, right)
    at = next((i for i, (s, _) in enumerate(counts) if s == start), None)
    if at is None or any(v is None for _, v in counts):
        return False
    figures = [v for _, v in counts if v is not None]
    return any(sum(figures[i:j]) in wholes for i in range(max(0, at - 5), at + 1)
               for j in range(at + 1, min(len(figures), i + 6) + 1) if j - i >= 2)


def _clause_around(text: str, start: int, end: int) -> str:
    """What a sentence says of a count: 12 characters either side, or its whole clause up to 30 either side
    when that is longer (为全县36所公办园和普惠性民办幼儿园…给予生均公用经费补助: the words come after)."""
    left = max((m.end() for m in _CLAUSE_MARK.finditer(text, max(0, start - 30), start)), default=max(0, start - 30))
    right = next((m.start() for m in _CLAUSE_MARK.finditer(text, end, end + 30)), min(len(text), end + 30))
    return text[min(left, max(0, start - 12)):max(right, end + 12)]


_FLOOR_IN_TEXT = re.compile(r"(?:不少于|不低于|达到|≥)?\s*(\d[\d,]*(?:\.\d+)?)\s*(人次|人|名|户|场次|场|次|个|件|所|座|家|处|期)"
                            r"(?:及)?以上|(?:不少于|不低于|≥)\s*(\d[\d,]*(?:\.\d+)?)\s*(人次|人|名|户|场次|场|次|个|件|所|座|家|处|期)")


def capped_against_text(rows: list[tuple[Value | ParseError, str | None]], text: str, path: str) -> Iterator[Finding]:
    """PD207 where no 数量 row says it: a count capped with ≤ (执法检查 ≤120次) that the goal sets as a floor
    (120次以上). ``rows``: (parsed value, 二级 key) of each row, placed at ``path``.indicators[i]."""
    floors = _floors(text) if "以上" in text or "不" in text or "≥" in text else frozenset()
    if not floors:
        return
    for i, (v, l2) in enumerate(rows):
        if isinstance(v, Quantity) and v.op in ("≤", "<") and l2 != "数量" and \
                (v.number, COUNT_UNIT_SAME.get(v.unit, v.unit)) in floors:
            yield _f("PD207", f"{path}.indicators[{i}].value",
                     f"目标写的是 {format_number(v.number)}{v.unit}以上，指标值却用了“{v.op}”，等于给产出设上限",
                     f"改为 ≥{format_number(v.number)}{v.unit}")


@lru_cache(maxsize=4096)
def _floors(text: str) -> frozenset[tuple[Decimal, str]]:
    """(count, unit) the text sets as floors (120次以上, 不少于60个): projects drafted from one template
    share their goal, so each goal is read once."""
    floors = set()
    for m in _FLOOR_IN_TEXT.finditer(text):
        number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        n = numbers.read_decimal(number)
        if n is not None:
            floors.add((n, COUNT_UNIT_SAME.get(unit, unit)))
    return frozenset(floors)


_CLAUSE_START = re.compile(r"[，,；;。、：:（(）)]|\d")


# ten times or a tenth: a digit or a decimal point slipped (3.5公里 for 35, 120户 for 1200)
_DIGIT_SLIPS = frozenset({Decimal(10), Decimal("0.1")})


def _named_before(text: str, start: int, name: str) -> bool:
    """The words right before a count in a sentence (back to the last mark or figure) are in the row's name."""
    head = re.sub(r"[（(][^（）()]{0,12}[)）]$", "", text[max(0, start - 24):start])  # 脱贫户（含监测户）1200户
    cut = max((m.end() for m in _CLAUSE_START.finditer(head)), default=0)
    words = re.sub(r"^(?:完成|组织|实现|开展|新建|建设|达到|共|累计|全年|年度|计划)+", "", head[cut:])
    return len(words) >= 3 and words[-3:] in name or (len(words) >= 4 and similar(words, name) >= 0.8)


_BRACKETED = re.compile(r"[（(][^（()）]{2,80}[)）]")
_NOUN_ONLY = re.compile(r"[\u4e00-\u9fff]{0,8}")


def _breakdowns(text: str, values_by_unit: dict[str, set[Decimal]]) -> list[tuple[int, int]]:
    """Brackets right after a count an indicator carries: its parts (1356公里（县道218公里、…村道712公里）),
    not other targets."""
    spans = []
    for b in _BRACKETED.finditer(text):
        window = text[max(0, b.start() - 24):b.start()]
        before = next(reversed(list(COUNT_IN_TEXT.finditer(window))), None)
        # the count, then at most the noun it counts (1356公里农村公路（…）)
        if before is None or not _NOUN_ONLY.fullmatch(window[before.end():]):
            continue
        n = numbers.read_decimal(before.group(1))
        if n is not None and n in values_by_unit.get(COUNT_UNIT_SAME.get(before.group(2), before.group(2)), ()):
            spans.append((b.start(), b.end()))
    return spans


# the rate the goal sets right after a row's own name: 农村自来水普及率达到95%, 满意度均达到90%以上
_RATE_AFTER = re.compile(r"[^，。；;,%]{0,8}?(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*[%％]")


def rate_agreement(project: Project, rows: list[Row], path: str) -> Iterator[Finding]:
    """PD303: the goal names a rate row by its name and sets it another figure (达到95% against ≥92%)."""
    goal = project.goal or ""
    if "%" not in goal and "％" not in goal:
        return
    for i, (_, ind, v) in enumerate(rows):
        name = (ind.name or "").strip()
        if not isinstance(v, Quantity) or v.unit != "%" or len(name) < 3 or (ind.scope or "annual") != "annual":
            continue
        at = goal.find(name)
        m = _RATE_AFTER.match(goal, at + len(name)) if at >= 0 and goal.find(name, at + 1) < 0 else None
        # (…早诊率分别达到90%和70%: figures for several rows, in order, not this row's alone)
        if m is None or "分别" in m.group(0):
            continue
        said = numbers.read_decimal(m.group(1))
        if said is not None and said != v.number:
            yield _f("PD303", f"{path}.indicators[{i}].value", f"绩效目标写的是“{name}{m.group(0)}”，指标值是 {ind.value}",
                     "目标与指标值应一致：改指标值，或改绩效目标中的数字")
