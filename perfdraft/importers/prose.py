"""Indicators given as prose, as self-evaluation reports write them:

    (1)数量指标。办理法律援助案件94件;调解各类纠纷数量1087件。
    3.时效指标。…每月中旬发放指标为100%实际完成值为100%
    项目完成及时率,年初目标值100%,实际完成值100%。

A numbered line naming a level opens it; its sentences are cut at ；;。 and each clause that ends in a
quantity (or names 目标值 / 指标为) gives a row. Rows from prose are always marked for confirmation.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal

from .. import numbers
from ..model import Indicator, Project
from . import kinds
from .cells import WORD_VALUE, Line

_ENUM = r"^(?:[（(]?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[)）.、．]?|[A-Ea-e](?=[\u4e00-\u9fff]))?\s*"
_LEVEL_LINE = re.compile(_ENUM + r"(?P<level>[\u4e00-\u9fff]{2,14}?(?:指标|目标|效益))(?P<tail>完成情况分析|完成情况)?"
                         r"(?:[(（][^)）]{0,12}[)）])?\s*[。:：.,，]?\s*(?P<rest>.*)$")
_TARGET = re.compile(r"^(?P<name>.*?)[,，]?\s*(?:年初)?目标值(?:为|是)?(?P<value>[^,，;；。]+?)[,，]?\s*实际完成值")
_IS_TARGET = re.compile(r"^(?P<name>.+?)(?:指标为|目标为)(?P<value>[^,，;；。]+?)(?:实际完成值|[,，;；。]|$)")
_QUANTITY = re.compile(r"(?P<value>(?:[≥≤><=≧≦]|>=|<=)?\d+(?:\.\d+)?\s*(?:%|‰|[a-zA-Z\u4e00-\u9fff]{1,3}(?:/[a-zA-Z\u4e00-\u9fff]{1,2})?)?)$")
_NUMBERED = re.compile(r"^(?:[（(]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.、．]|[A-E])\s*[\u4e00-\u9fff]")


# A budget document's running text: '产出指标——数量指标：运营补贴…数量≥42个，…；质量指标：…' or
# '产出指标：数量指标方面，救助…不少于260人次，…；质量指标方面，…'. Each level word opens a segment.
_SEGMENT = re.compile(r"(?P<level>[\u4e00-\u9fff]{2,14}?(?:指标|效益|影响))(?:方面)?\s*(?:——|—|：|:|，|,)")


def _segments(text: str) -> list[tuple[str, str]]:
    """(level word, its text) for each level word that opens a segment of the line."""
    found = [m for m in _SEGMENT.finditer(text) if kinds.level_of(m.group("level"))]
    return [(m.group("level"), text[m.end(): found[k + 1].start() if k + 1 < len(found) else len(text)])
            for k, m in enumerate(found)]


def is_prose(lines: list[Line]) -> bool:
    """Two or more numbered lines that name a level, or lines of level segments (see _SEGMENT): a
    report, not a table."""
    hits = 0
    for line in lines:
        cells = line.texts()
        if len(cells) != 1:
            continue
        text = cells[0]
        m = _LEVEL_LINE.match(text) if _NUMBERED.match(text) else None
        if m and kinds.level_of(m.group("level")):
            hits += 1
        elif len(text) > 20 and (seg := _segments(text)) and text.startswith(seg[0][0]) and \
                any(_clause_pairs(part) for _, part in seg):
            hits += 1
    return hits >= 2


# A project's heading in a budget document's running text: '（一）社区居家养老服务运营补贴项目',
# '2.流浪乞讨人员救助管理项目', '项目名称：…'. Its sentences then give the budget ('项目预算资金186.00万元').
_PROJECT_HEADING = re.compile(r"^(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])\s*"
                              r"(?P<name>[^，,。；;：:]{2,40}?(?:项目|专项|工程|资金|经费|补助|补贴))\s*$")
_NAME_LABEL = re.compile(r"^\s*(?:项目名称|专项名称)\s*[：:]\s*(?P<name>[^，,。；;]{2,40})\s*$")
_BUDGET_SENTENCE = re.compile(r"(?:项目|年度)?(?:预算|安排|申请)(?:资金|金额|数)?(?:总额|合计)?(?:为|共|计)?\s*"
                              r"(?P<amount>\d[\d,，]*(?:\.\d+)?\s*(?:亿元|万元|元))")

# '三、项目资金', '（二）专项经费': a report's part on the money, not a project's name
_GENERIC_HEADING = re.compile(r"^(?:本?项目|专项|财政|预算|年度)*(?:资金|经费|预算)")


@dataclass
class ProseProject:
    """One project of a budget document's running text: its heading, the budget its sentences name
    (the first one after the heading) and its rows."""

    name: str | None = None
    budget: Decimal | None = None
    rows: list[tuple[Indicator, str]] = field(default_factory=list)


def projects(lines: list[Line]) -> list[ProseProject]:
    """The prose's rows, grouped by the project headings between them; rows before any
    heading form a project of their own. Headings with no rows after them are dropped."""
    groups = [ProseProject()]
    starts: list[int] = []  # the line index where each group after the first begins
    for k, line in enumerate(lines):
        texts = line.texts()
        if len(texts) != 1:
            continue
        text = texts[0].strip()
        m = _PROJECT_HEADING.match(text) or _NAME_LABEL.match(text)
        if m and len(m.group("name")) >= 4 and not _GENERIC_HEADING.match(m.group("name")):
            groups.append(ProseProject(name=m.group("name").strip()))
            starts.append(k)
            continue
        g = groups[-1]
        b = _BUDGET_SENTENCE.search(text) if g.name and g.budget is None else None
        read = numbers.read_money(b.group("amount").replace("，", ",")) if b else None
        if read is not None and not _segments(text):
            g.budget = read[0]
    for ind, where, k in _rows(lines):
        groups[bisect.bisect_right(starts, k)].rows.append((ind, where))
    return [g for g in groups if g.rows]


def rows_read(projects: list[Project]) -> int:
    """Rows the grid reader made that read as rows (a name of a few words, a value that reads as one):
    only more of them than the prose gives keep a prose reading out."""
    return sum(1 for p in projects for i in p.indicators
               if i.name and 2 <= len(i.name) <= 40 and i.name[0] not in "。，,;；" and i.value
               and kinds.value_like(i.value))


def _rows(lines: list[Line]) -> list[tuple[Indicator, str, int]]:
    out: list[tuple[Indicator, str, int]] = []
    level1: str | None = None
    level2: str | None = None
    active = False
    for k, line in enumerate(lines):
        for text in line.texts():
            segments = _segments(text.strip())
            if segments and text.strip().startswith(segments[0][0]) and not _RESULT_WORDS.search(text):
                for word, part in segments:
                    lv = kinds.level_of(word)
                    assert lv is not None
                    if lv[1] is None:
                        level1, level2 = word, None
                    else:
                        level2 = word
                    for name, value in _clause_pairs(part):
                        out.append((Indicator(level1=level1, level2=level2, name=name, value=value), line.where, k))
                active = True
                continue
            m = _LEVEL_LINE.match(text.strip())
            lv = kinds.level_of(m.group("level")) if m else None
            if m and lv:
                if lv[1] is None:
                    level1, level2 = m.group("level"), None
                else:
                    level2 = m.group("level")
                active = True
                text = m.group("rest")
            if not active or not text:
                continue
            if re.match(r"^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[)）]", text):
                active = False  # the next part of the report
                continue
            for name, value in _pairs(text):
                out.append((Indicator(level1=level1, level2=level2, name=name or None, value=value), line.where, k))
    return out


def _pairs(text: str) -> list[tuple[str, str]]:
    m = _TARGET.match(text)
    if m:
        return [(m.group("name").strip(" ,，"), m.group("value").strip())]
    found = []
    for m in _IS_TARGET.finditer(text):
        found.append((_tidy(m.group("name")), m.group("value").strip()))
    if found:
        return found
    for clause in re.split(r"[;；。]", text):
        clause = clause.strip(" ,，")
        q = _QUANTITY.search(clause)
        if not q or q.start() == 0:
            continue
        name = _tidy(clause[: q.start()])
        if name and not re.search(r"\d$", name):
            found.append((name, q.group("value")))
    return found


_WORDED = re.compile(r"(?P<op>不少于|不低于|不超过|不高于|控制在|达到)\s*(?P<value>\d+(?:\.\d+)?\s*(?:%|‰|[\u4e00-\u9fff]{1,3}"
                     r"(?:/[\u4e00-\u9fff]{1,2})?)?)(?P<tail>以上|以内|以下)?$")


_WORD_END = re.compile(f"(?:{WORD_VALUE})$")
_DATE_END = re.compile(r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底|末)?(?:前|之前|以前)?$")
_RESULT_WORDS = re.compile(r"目标值|实际完成|指标为|目标为")  # a self-evaluation's sentences: _pairs reads them


def _clause_pairs(text: str) -> list[tuple[str, str]]:
    """Name and value of each clause of a segment ('…数量≥42个，…人次≥3.6万人次；', '…不少于260人次')."""
    found = []
    for clause in re.split(r"[;；。，,]", text):
        clause = clause.strip()
        d = _DATE_END.search(clause)
        if d and d.start() > 0:  # '补贴资金拨付完成时间2024年12月底前'
            found.append((_tidy(clause[: d.start()]), d.group(0)))
            continue
        w = _WORDED.search(clause)
        if w and w.start() > 0:
            # kept as written (不少于260人次): the checker reads it and offers ≥260人次
            found.append((_tidy(clause[: w.start()]), clause[w.start():].replace(" ", "")))
            continue
        q = _QUANTITY.search(clause)
        if q and q.start() > 0:
            name = _tidy(clause[: q.start()])
            if name and not re.search(r"\d$", name):
                found.append((name, q.group("value")))
            continue
        words = _WORD_END.search(clause)
        if words and words.start() >= 4:  # '…服务可及性明显提升', '…长效机制逐步健全'
            found.append((clause[: words.start()], words.group(0)))
    return found


def _tidy(name: str) -> str:
    name = re.sub(r"^(?:其中|基本完成|完成|共)\s*", "", name.strip(" ,，:："))
    return re.sub(r"(?:为|达|是|共|均为)$", "", name)
