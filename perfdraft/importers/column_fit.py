"""Which column of a table's header a cell in line order fits: a weight fits 分值, '米' fits 计量单位,
'=' fits 计算符号, and a short plain text is the next row's name rather than this row's remark."""

from __future__ import annotations

import re

from . import kinds
from .cells import Line

_OPTIONAL_TEXT = {"note", "reason", "core", "scoring", "desc", "basis"}


def fits(col: str, c: str, line: Line, nxt: str | None, fields: dict[str, str], cols: list[str]) -> bool:
    """Whether cell ``c`` of ``line`` fits column ``col`` of the table's header, given what the open row has
    (``fields``) and the cell after it (``nxt``)."""
    if col == "value":
        return "value" not in fields and not (
            kinds.is_weight(c) and line.glued and nxt is not None and kinds.value_like(nxt)
            and "weight" in cols and cols.index("weight") < cols.index("value")
        ) and kinds.level_of(c) is None
    if col in ("weight", "score", "ratio"):
        return kinds.is_weight(c) or bool(re.fullmatch(r"\d+(?:\.\d+)?%", kinds.squash(c)))
    if col in ("actual", "adjusted", "mid_value", "original"):
        return kinds.value_like(c) or len(kinds.squash(c)) <= 10 or line.rowed
    if col in ("unit", "mid_unit"):
        return kinds.is_unit(c)
    if col in ("sign", "nature", "direction", "mid_sign"):
        return kinds.is_sign(c) or kinds.is_nature(c)
    if col == "basis":
        return kinds.is_basis(c) or line.rowed and not kinds.value_like(c)
    if col == "desc":
        return not kinds.value_like(c) or line.rowed
    if col == "other":
        return line.rowed
    if col in _OPTIONAL_TEXT or col.startswith("field:"):
        if line.rowed:
            return True
        if "value" in fields and nxt is not None and kinds.level_of(nxt) is not None:
            return True  # the next row starts after it: this row's remark (含北斗导航辅助驾驶系统 | 产出指标)
        # in line order a short plain text is the next row's name, not this row's remark
        return not kinds.value_like(c) and (len(c) >= 15 or bool(re.search(r"[，,。；;]", c))) \
            and not (nxt is not None and kinds.value_like(nxt))
    return False
