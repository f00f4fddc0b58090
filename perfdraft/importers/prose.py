"""Indicators given as prose, as self-evaluation reports write them:

    (1)数量指标。办理法律援助案件94件;调解各类纠纷数量1087件。
    3.时效指标。…每月中旬发放指标为100%实际完成值为100%
    项目完成及时率,年初目标值100%,实际完成值100%。

A numbered line naming a level opens it; its sentences are cut at ；;。 and each clause that ends in a
quantity (or names 目标值 / 指标为) gives a row. Rows from prose are always marked for confirmation.
"""

from __future__ import annotations

import re

from ..model import Indicator
from . import kinds
from .cells import Line

_ENUM = r"^(?:[（(]?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[)）.、．]?|[A-Ea-e](?=[\u4e00-\u9fff]))?\s*"
_LEVEL_LINE = re.compile(_ENUM + r"(?P<level>[\u4e00-\u9fff]{2,14}?(?:指标|目标|效益))(?P<tail>完成情况分析|完成情况)?"
                         r"(?:[(（][^)）]{0,12}[)）])?\s*[。:：.,，]?\s*(?P<rest>.*)$")
_TARGET = re.compile(r"^(?P<name>.*?)[,，]?\s*(?:年初)?目标值(?:为|是)?(?P<value>[^,，;；。]+?)[,，]?\s*实际完成值")
_IS_TARGET = re.compile(r"^(?P<name>.+?)(?:指标为|目标为)(?P<value>[^,，;；。]+?)(?:实际完成值|[,，;；。]|$)")
_QUANTITY = re.compile(r"(?P<value>(?:[≥≤><=≧≦]|>=|<=)?\d+(?:\.\d+)?\s*(?:%|‰|[a-zA-Z\u4e00-\u9fff]{1,3}(?:/[a-zA-Z\u4e00-\u9fff]{1,2})?)?)$")
_NUMBERED = re.compile(r"^(?:[（(]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.、．]|[A-E])\s*[\u4e00-\u9fff]")


def is_prose(lines: list[Line]) -> bool:
    """Two or more numbered lines that name a level: a report, not a table."""
    hits = 0
    for line in lines:
        cells = line.texts()
        if len(cells) != 1:
            continue
        text = cells[0]
        m = _LEVEL_LINE.match(text) if _NUMBERED.match(text) else None
        if m and kinds.level_of(m.group("level")):
            hits += 1
    return hits >= 2


def rows(lines: list[Line]) -> list[tuple[Indicator, str]]:
    out: list[tuple[Indicator, str]] = []
    level1: str | None = None
    level2: str | None = None
    active = False
    for line in lines:
        for text in line.texts():
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
                out.append((Indicator(level1=level1, level2=level2, name=name or None, value=value), line.where))
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


def _tidy(name: str) -> str:
    name = re.sub(r"^(?:其中|基本完成|完成|共)\s*", "", name.strip(" ,，:："))
    return re.sub(r"(?:为|达|是|共|均为)$", "", name)
