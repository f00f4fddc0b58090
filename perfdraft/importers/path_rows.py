"""Indicator rows written as a path of levels on one line, the way a form's export or a clerk's chat
message gives them:

    1．履职效能／重点工作履行情况／办理不动产登记业务：≥1.5万件（8分）
    产出指标-数量指标-培训人数：≥500人次
    质量指标-学员实操网店开通率：≥60%          (the 一级 left out: the 二级's own)
    产出指标-时效指标-培训完成时间：2025年10月底前；资金拨付及时率：100%   (two rows, the second under the same levels)

Each becomes a row of the columns ``COLUMNS`` (``PLAIN`` when no score is written: an empty score cell
took a value like 100% for a score); a line that is no such path gives None.
"""

from __future__ import annotations

import re

from .. import frameworks
from . import kinds

COLUMNS = ["l1", "l2", "name", "weight", "value"]
PLAIN = ["l1", "l2", "name", "value"]
_SEP = r"\s*[／/\-－—]\s*"
_PATH = re.compile(r"^(?:(?:\d{1,2}\s*[.、．]|[（(]\d{1,2}[)）])\s*)?(?P<l1>[^／/\-－—：:]{2,12})" + _SEP
                   + r"(?:(?P<l2>[^／/\-－—：:]{2,16})" + _SEP + r")?"
                   r"(?P<name>[^：:]{2,40}?)\s*[：:]\s*(?P<value>[^：:]{0,40}?)\s*"
                   r"(?:[（(](?P<weight>\d+(?:\.\d+)?)\s*分[)）])?[；;。]?$")
_MORE = re.compile(r"[；;]\s*(?=[^：:；;]{2,40}[：:])")  # a second 'name：value' after a semicolon


def path_rows(line: str) -> tuple[list[str], list[list[str | None]]] | None:
    """The columns and rows of a line written as a level path (see the module docstring), or None."""
    if not re.search(r"[／/\-－—]", line) or not re.search(r"[：:]", line):
        return None
    first, *more = _MORE.split(line)
    m = _PATH.match(first)
    if m is None:
        return None
    l1, l2 = m.group("l1").strip(), (m.group("l2") or "").strip() or None
    if l2 is None:
        # two parts: a 二级 and the name (质量指标-学员实操网店开通率)
        level = kinds.level_of(l1)
        if level is None or level[1] is None:
            return None
        l1, l2 = None, m.group("l1").strip()  # type: ignore[assignment]
    elif not (kinds.level_of(l1) or frameworks.is_department_level1(l1)):
        return None
    scored = m.group("weight") is not None
    rows: list[list[str | None]] = [[l1, l2, m.group("name").strip(), *([m.group("weight")] if scored else []),
                                     m.group("value").strip() or None]]
    for part in more:
        name, _, value = re.split(r"\s*([：:])\s*", part.strip(), maxsplit=1)
        if not kinds.value_like(value.strip(" ；;。")):
            return None
        rows.append([l1, l2, name, *([None] if scored else []), value.strip(" ；;。") or None])
    return (COLUMNS if scored else PLAIN), rows
