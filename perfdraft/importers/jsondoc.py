"""A budget system's JSON (a 绩效目标详情 response copied from the browser's developer tools, or an
export saved as .json) written out as the tab-separated table the text readers know.

Field names differ from system to system (lv1IndName, yjzb, firstIndexName …), so the indicator
list is found by what its values are — the list of objects whose values include level names — and
each column by what its values hold: levels, a name, a value, an operator, a unit, a weight. The
project's facts are read from the object around the list by the words in their keys. An item
marked deleted (delFlag "1", isDeleted true) is no row.
"""

from __future__ import annotations

import json
import re
from typing import Any

from . import kinds

_DELETED_KEY = re.compile(r"del|deleted|remove", re.I)
_FACT_KEYS = (  # (key pattern, the label the text readers know)
    (re.compile(r"^(?:pro|project|xm)(?:Name|mc)$|^projectName$", re.I), "项目名称"),
    (re.compile(r"^(?:pro|project|xm)?(?:Code|bm)$", re.I), "项目编码"),
    (re.compile(r"^(?:dept|agency|unit)Name$", re.I), "实施单位"),
    (re.compile(r"^(?:budget)?Year$|^nd$", re.I), "预算年度"),
    (re.compile(r"^(?:year)?Goal$|^ndmb$|^yearTarget$", re.I), "年度绩效目标"),
)
_AMOUNT_KEY = re.compile(r"^(?:pro|project|total|budget)?(?:Amt|Amount|Money|je)$", re.I)
_UNIT_KEY = re.compile(r"(?:amt|amount|money)Unit$", re.I)
_WEIGHT_KEY = re.compile(r"weight|qz|score|fz", re.I)
_HEADS = {"l1": "一级指标", "l2": "二级指标", "name": "三级指标", "sign": "计算符号", "value": "指标值",
          "unit": "计量单位", "weight": "权重"}


def _document(text: str) -> tuple[Any, int] | None:
    """The JSON value in the text (after any lines before it), and where it starts."""
    m = re.search(r"^\s*[\[{]", text, re.M)
    if m is None:
        return None
    try:
        value, _ = json.JSONDecoder().raw_decode(text[m.end() - 1:])
    except ValueError:
        return None
    return value, m.start()


def _lists(node: Any, parent: dict[str, Any] | None = None):
    """Every list of objects in the document, with the object it sits in."""
    if isinstance(node, dict):
        for v in node.values():
            yield from _lists(v, node)
    elif isinstance(node, list):
        if node and all(isinstance(x, dict) for x in node):
            yield node, parent
        for x in node:
            yield from _lists(x, parent)


def _text(v: Any) -> str:
    if v is None or isinstance(v, dict | list):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _columns(items: list[dict[str, Any]]) -> dict[str, str]:
    """Column kind → key, judged by what the key's values are across the items."""
    keys = [k for k in items[0] if all(not isinstance(x.get(k), dict | list) for x in items)]
    found: dict[str, str] = {}

    def share(key: str, test) -> float:
        texts = [_text(x.get(key)) for x in items]
        filled = [t for t in texts if t]
        return sum(1 for t in filled if test(t)) / len(filled) if filled else 0.0

    for key in keys:
        if "l1" not in found and share(key, lambda t: (kinds.level_of(t) or (None, 0))[1] is None
                                       and kinds.level_of(t) is not None) >= 0.8:
            found["l1"] = key
        elif "l2" not in found and share(key, lambda t: (kinds.level_of(t) or (None, None))[1] is not None) >= 0.8:
            found["l2"] = key
        elif "sign" not in found and share(key, kinds.is_sign) >= 0.8:
            found["sign"] = key
        elif "unit" not in found and share(key, kinds.is_unit) >= 0.8 and not _WEIGHT_KEY.search(key):
            found["unit"] = key
    rest = [k for k in keys if k not in found.values() and not _DELETED_KEY.search(k)]
    for key in rest:
        if "weight" not in found and _WEIGHT_KEY.search(key) and share(key, kinds.is_number) >= 0.8:
            found["weight"] = key
    rest = [k for k in rest if k not in found.values()]
    names = [k for k in rest if share(k, lambda t: bool(re.search(r"[\u4e00-\u9fff]{2}", t)) and len(t) <= 40) >= 0.8]
    if names:  # the name: the Chinese column whose values are most often different
        found["name"] = max(names, key=lambda k: len({_text(x.get(k)) for x in items}))
    values = [k for k in rest if k != found.get("name") and not re.search(r"id$|no$|sort|code", k, re.I)
              and share(k, kinds.is_nature) < 0.5]  # 定量 / 定性 is the 指标性质, not the value
    if values:  # the value: the column whose values most often read as values (≥85, 1500, 2025年9月底前)
        found["value"] = max(values, key=lambda k: share(k, lambda t: kinds.value_like(t) or kinds.is_number(t)))
    return found


def _deleted(item: dict[str, Any]) -> bool:
    return any(_DELETED_KEY.search(k) and _text(v).lower() in ("1", "true", "y", "是") for k, v in item.items())


def json_as_table(text: str) -> tuple[str, int]:
    """The text with a JSON document in it rewritten as a tab-separated table; how many rows."""
    if "{" not in text or '":' not in text:
        return text, 0
    doc = _document(text)
    if doc is None:
        return text, 0
    value, start = doc
    for items, parent in _lists(value):
        cols = _columns(items)
        if not {"name", "value"} <= set(cols) or not ({"l1", "l2"} & set(cols)):
            continue
        order = [k for k in _HEADS if k in cols]
        facts = {label: _text(parent[k]) for k in reversed(list(parent or {})) for pat, label in _FACT_KEYS
                 if pat.search(k) and _text(parent[k])}  # the first key naming a fact wins
        lines = [f"{label}\t{text_}" for label, text_ in facts.items()]
        amount = next((k for k in parent or {} if _AMOUNT_KEY.search(k) and kinds.is_number(_text(parent[k]))), None)
        if parent and amount:
            unit = next((_text(parent[k]) for k in parent if _UNIT_KEY.search(k)), "元")
            lines.append(f"年度资金总额（{unit or '元'}）\t{_text(parent[amount])}")
        lines.append("\t".join(_HEADS[k] for k in order))
        rows = [x for x in items if not _deleted(x)]
        for x in rows:
            cells = {k: _text(x.get(cols[k])) for k in order}
            if cells.get("unit") and cells.get("value", "").endswith(cells["unit"]):
                cells["unit"] = ""  # '120人' with unit 人: the value carries it already
            lines.append("\t".join(cells[k] for k in order))
        return text[:start] + "\n".join(lines) + "\n", len(rows)
    return text, 0
