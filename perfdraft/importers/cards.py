"""Indicator rows shown as cards, one ``label：value`` per line (a phone page's view of the table, or a
form's printout):

    【指标1】
    一级指标：产出指标
    二级指标：数量指标
    三级指标：在校学生人数
    指标值：≥2860
    计量单位：人

Each card becomes one line of ``label：value；`` pairs, which the text reader reads as a grid row
(cells.label_pairs). Line numbers are kept: the card's other lines become blank.
"""

from __future__ import annotations

import re

from . import kinds

_PAIR = re.compile(r"^\s*([^：:\s]{2,12})\s*[：:]\s*(.*?)\s*$")
_GRID_KINDS = frozenset({"l1", "l2", "name", "value", "unit", "sign", "desc"})
_MIN_FIELDS = 3  # a card names at least its levels or its name and value


def _field(line: str) -> bool:
    """One field alone on its line (a line of several 'label：value；' pairs is a row already)."""
    m = _PAIR.match(line)
    return m is not None and not re.search(r"[；;：:]", m.group(2)) and kinds.header_kind(m.group(1)) in _GRID_KINDS


def uncard(text: str) -> str:
    """``text`` with each card of grid fields on one line (see the module docstring)."""
    if text.count("：") + text.count(":") < _MIN_FIELDS * 2:
        return text
    lines = text.split("\n")
    out = list(lines)
    n = 0
    while n < len(lines):
        if not _field(lines[n]):
            n += 1
            continue
        end = n
        while end < len(lines) and _field(lines[end]):
            end += 1
        if end - n >= _MIN_FIELDS:
            out[n] = "；".join(lines[k].strip() for k in range(n, end)) + "；"
            for k in range(n + 1, end):
                out[k] = ""
        n = end
    return "\n".join(out)
